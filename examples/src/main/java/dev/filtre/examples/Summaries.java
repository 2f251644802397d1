package dev.filtre.examples;

import dev.filtre.dsl.Model;
import dev.filtre.examples.lecture.Cs231nVolume;
import dev.filtre.examples.networks.Cs231nModel;
import dev.filtre.examples.networks.FashionNetModel;
import dev.filtre.examples.networks.LeNet5Model;
import dev.filtre.examples.networks.PerceptronModel;
import java.io.PrintStream;
import java.util.List;

/**
 * Prints the summary of each example network, as the processor checked it while javac ran, and
 * runs the lecture's cs231n convolution with the lecture's weights.
 */
public final class Summaries {
    private Summaries() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        for (Model model :
                List.of(new Cs231nModel(), new LeNet5Model(), new FashionNetModel(), new PerceptronModel())) {
            out.println(model.summary());
            out.println();
        }
        printCs231nVolume(out);
    }

    /** The lecture's slide: the output volume of its two filters, depth slice by depth slice. */
    static void printCs231nVolume(PrintStream out) {
        Cs231nModel model = new Cs231nModel();
        model.conv().setWeights(Cs231nVolume.weights());
        model.conv().setBias(Cs231nVolume.BIAS);
        float[] output = model.forward(Cs231nVolume.input(), 0);

        out.println("The lecture's cs231n example: input 5x5x3, pad 1, two 3x3x3 filters, stride 2");
        int[] shape = model.outputShape();
        for (int depth = 0; depth < shape[0]; depth++) {
            out.printf("o[:,:,%d]%n", depth);
            for (int row = 0; row < shape[1]; row++) {
                StringBuilder line = new StringBuilder();
                for (int column = 0; column < shape[2]; column++) {
                    line.append(String.format("%4.0f", output[(depth * shape[1] + row) * shape[2] + column]));
                }
                out.println(line);
            }
        }
        out.println("(the slide prints -1 -1 1 for the last row of o[:,:,0]; its own input and weights give 1 1 1)");
    }
}
