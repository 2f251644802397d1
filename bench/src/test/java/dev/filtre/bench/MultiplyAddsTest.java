package dev.filtre.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filtre.examples.networks.FashionNetModel;
import dev.filtre.examples.networks.LeNet5Model;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiplyAddsTest {
    @Test
    void leNet5CountsEachWeightOncePerOutputPosition() {
        List<MultiplyAdds.LayerCount> layers = MultiplyAdds.perLayer(new LeNet5Model());

        assertEquals(6 * 1 * 5 * 5 * 28 * 28, count(layers, "conv1"));
        assertEquals(16 * 6 * 5 * 5 * 10 * 10, count(layers, "conv2"));
        assertEquals(0, count(layers, "pool1"));
        assertEquals(400 * 120, count(layers, "fc1"));
        assertEquals(120 * 84, count(layers, "fc2"));
        assertEquals(84 * 10, count(layers, "out"));
        assertEquals(416_520, MultiplyAdds.forward(new LeNet5Model()));
    }

    @Test
    void trainingIsThreePassesExceptTheFirstLayersInputGradient() {
        long conv1 = 117_600;
        assertEquals(3 * 416_520 - conv1, MultiplyAdds.training(new LeNet5Model()));
    }

    @Test
    void fashionNetIsDominatedByConv2() {
        List<MultiplyAdds.LayerCount> layers = MultiplyAdds.perLayer(new FashionNetModel());

        assertEquals(64 * 32 * 3 * 3 * 14 * 14, count(layers, "conv2"));
        assertEquals(0, count(layers, "drop1"));
        assertEquals(225_792 + 3_612_672 + 401_408 + 1_280, MultiplyAdds.forward(new FashionNetModel()));
    }

    @Test
    void gigaflopsAreTwoFlopsPerMultiplyAdd() {
        assertEquals(8.33, MultiplyAdds.gigaflops(416_520, 10_000), 1e-2);
    }

    private static long count(List<MultiplyAdds.LayerCount> layers, String name) {
        return layers.stream().filter(l -> l.layer().equals(name)).findFirst().orElseThrow().forward();
    }
}
