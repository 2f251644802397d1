package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.CheckedNetwork;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.PoolKind;
import dev.filtre.processor.model.Shape;
import org.junit.jupiter.api.Test;

class SummaryTableTest {
    static CheckedNetwork lenet() {
        return Networks.network("LeNet", Shape.volume(1, 28, 28))
                .layer("conv1", new Operation.Conv(6, 5, 1, 2, false), Activation.RELU)
                .layer("pool1", new Operation.Pool(PoolKind.MAX, 2, 2, false))
                .layer("conv2", new Operation.Conv(16, 5, 1, 0, false), Activation.RELU)
                .layer("pool2", new Operation.Pool(PoolKind.MAX, 2, 2, false))
                .layer("fc1", new Operation.Dense(120), Activation.RELU)
                .layer("drop", new Operation.Dropout(0.5))
                .layer("fc2", new Operation.Dense(84), Activation.RELU)
                .layer("out", new Operation.Dense(10), Activation.SOFTMAX)
                .build();
    }

    /** The parameter counts are LeNet-5's: 6*25+6, 16*6*25+16, 400*120+120, 120*84+84, 84*10+10. */
    @Test
    void rendersKerasStyleWithTheFlattenAndTheTotal() {
        assertEquals(String.join("\n",
                "LeNet (input 1x28x28)",
                "Layer      Kind                      Output shape  Parameters",
                "=============================================================",
                "conv1      Conv 6@5x5 s1 p2 + ReLU   6x28x28              156",
                "pool1      MaxPool 2x2 s2            6x14x14                0",
                "conv2      Conv 16@5x5 s1 p0 + ReLU  16x10x10           2,416",
                "pool2      MaxPool 2x2 s2            16x5x5                 0",
                "(flatten)  Flatten                   400                    0",
                "fc1        Dense 120 + ReLU          120               48,120",
                "drop       Dropout 0.5               120                    0",
                "fc2        Dense 84 + ReLU           84                10,164",
                "out        Dense 10 + Softmax        10                   850",
                "=============================================================",
                "Total params: 61,706"),
                SummaryTable.render(lenet()));
    }
}
