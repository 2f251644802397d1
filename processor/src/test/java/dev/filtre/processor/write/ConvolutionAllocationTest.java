package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.dsl.Model;
import dev.filtre.processor.model.CheckedNetwork;
import org.junit.jupiter.api.Test;

/**
 * {@link AllocationTest}'s count for the convolutions that skip the unfolding, in a class of its
 * own so that the processor's build runs it on the kernels' vector path too, where a Vector API
 * kernel that C2 leaves partly uncompiled allocates its vectors. ({@code AllocationTest}'s split
 * pass, run there, once counted 49 KB a round after 20 s in a JVM busy with other tests, in the
 * max pooling and multiply kernels: not yet a count that holds on that path.)
 */
class ConvolutionAllocationTest {
    /**
     * The one-sample passes in evaluation through convolutions by Winograd and along rows, on one
     * thread and on two: their vector kernels pass no vector to a method that C2 may leave out of
     * line (a vector argument is then boxed: 96 bytes a call, 18.8 KB a pass through FashionNet's
     * conv2, seen once); and the pooled pass ({@code WinogradConvolution.forwardPooled}),
     * whose first version's scatters ran boxed in some JVMs.
     */
    @Test
    void aConvolutionByWinogradOrAlongRowsAllocatesNothing() {
        for (CheckedNetwork network : new CheckedNetwork[] {ConvolutionPathTest.DIRECT,
                ConvolutionPathTest.POOLED}) {
            Model model = ModelCompiler.compile(network);
            float[] sample = new float[model.inputSize()];
            for (int i = 0; i < sample.length; i++) {
                sample[i] = (float) Math.sin(i);
            }
            Runnable pass = () -> model.forward(sample, 0);
            long alone = AllocationTest.fewestBytes(pass, new long[0]);
            assertTrue(alone < 1000, network.name() + ": " + alone + " bytes allocated by 1000 passes on one thread");
            model.setIntraOpThreads(2);
            long[] helpers = Thread.getAllStackTraces().keySet().stream()
                    .filter(thread -> thread.getName().startsWith(network.name() + "-intra-op-"))
                    .mapToLong(Thread::getId)
                    .toArray();
            long allocated = AllocationTest.fewestBytes(pass, helpers);
            model.setIntraOpThreads(1);
            assertTrue(allocated < 1000, network.name() + ": " + allocated + " bytes allocated by 1000 split passes");
        }
    }

    /**
     * A training step (a batch forward, then backward) through convolutions whose forward pass and
     * both gradients go by Winograd, on one thread: the weight gradient's vector kernel (sixteen
     * accumulators, read and written back around every sample's tiles) and the input gradient's
     * turned weights allocate nothing after the first step.
     */
    @Test
    void aTrainingStepByWinogradAllocatesNothing() {
        Model model = ModelCompiler.compile(ConvolutionPathTest.SMOOTH);
        model.setTraining(true);
        int batch = 3;
        float[] inputs = new float[batch * model.inputSize()];
        float[] gradLogits = new float[batch * model.outputSize()];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) Math.sin(i);
        }
        for (int i = 0; i < gradLogits.length; i++) {
            gradLogits[i] = (float) Math.cos(i) * 0.1f;
        }
        Runnable step = () -> {
            model.zeroGradients();
            model.forwardBatch(inputs, 0, batch, null);
            model.backwardBatchFromLogits(gradLogits, 0, batch);
        };
        long allocated = AllocationTest.fewestBytes(step, new long[0]);
        assertTrue(allocated < 1000, allocated + " bytes allocated by 1000 training steps");
    }
}
