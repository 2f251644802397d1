package dev.filtre.bench;

import dev.filtre.examples.networks.FashionNet;
import dev.filtre.examples.networks.FashionNetModel;
import dev.filtre.examples.networks.LeNet5;
import dev.filtre.examples.networks.LeNet5Model;
import dev.filtre.dsl.Model;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The networks the benchmark compares, by the identifier {@code pytorch_peer.py} also uses for
 * them and for its exported files ({@code <id>.onnx}, {@code <id>.safetensors}).
 */
public enum BenchNetwork {
    /** {@link LeNet5}: the small network, 0.42 M multiply-adds per image. */
    LENET5("lenet5", LeNet5Model::new),
    /** {@link FashionNet}: ten times the arithmetic, 85% of it in one convolution ({@code conv2}). */
    FASHIONNET("fashionnet", FashionNetModel::new);

    private final String id;
    private final Supplier<Model> constructor;

    BenchNetwork(String id, Supplier<Model> constructor) {
        this.id = id;
        this.constructor = constructor;
    }

    /** The identifier shared with the Python peer, e.g. {@code lenet5}. */
    public String id() {
        return id;
    }

    /** A new generated model, initialized from {@code seed}. */
    public Model newModel(long seed) {
        Model model = constructor.get();
        model.initialize(seed);
        return model;
    }

    /**
     * The network with identifier {@code id}.
     *
     * @throws IllegalArgumentException naming the known identifiers
     */
    public static BenchNetwork byId(String id) {
        for (BenchNetwork network : values()) {
            if (network.id.equals(id)) {
                return network;
            }
        }
        throw new IllegalArgumentException("no network '" + id + "'; the benchmark knows "
                + Arrays.stream(values()).map(BenchNetwork::id).collect(Collectors.joining(", ")));
    }
}
