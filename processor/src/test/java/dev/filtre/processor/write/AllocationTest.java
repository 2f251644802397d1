package dev.filtre.processor.write;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import dev.filtre.dsl.Model;
import dev.filtre.processor.model.Activation;
import dev.filtre.processor.model.Operation;
import dev.filtre.processor.model.PoolKind;
import dev.filtre.processor.model.Shape;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The passes allocate nothing: every buffer is made once, with the model, or when a batch larger
 * than any before arrives. This measures bytes
 * allocated by this thread (HotSpot's per-thread counter) around 1000 forward and backward calls,
 * after a warm-up; it is an allocation count, not a timing. Alone it measures 0 bytes.
 */
class AllocationTest {
    @Test
    void forwardAndBackwardAllocateNothing() {
        Model model = ModelCompiler.compile(Networks.network("EveryKind", Shape.volume(2, 12, 12))
                .layer("conv", new Operation.Conv(4, 3, 1, 1, false), Activation.RELU)
                .layer("max", new Operation.Pool(PoolKind.MAX, 2, 2, false))
                .layer("average", new Operation.Pool(PoolKind.AVG, 2, 1, false), Activation.TANH)
                .layer("sum", new Operation.Pool(PoolKind.SUM, 2, 2, true))
                .layer("drop", new Operation.Dropout(0.25))
                .layer("flat", new Operation.Flatten())
                .layer("hidden", new Operation.Dense(8), Activation.SIGMOID)
                .layer("squash", new Operation.Standalone(Activation.TANH))
                .layer("out", new Operation.Dense(3), Activation.SOFTMAX)
                .build());
        model.setTraining(true);
        float[] samples = new float[4 * model.inputSize()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) Math.sin(i);
        }
        float[] gradient = {0.5f, -0.25f, -0.25f};
        float[] outputs = new float[4 * model.outputSize()];
        float[] batchGradient = new float[3 * model.outputSize()];
        long[] seeds = {1, 2, 3};
        Runnable passes = () -> {
            model.forward(samples, model.inputSize());
            model.backward(gradient, 0);
            model.forward(samples, 2 * model.inputSize());
            model.backwardFromLogits(gradient, 0);
            model.forwardBatch(samples, 4, outputs);
            model.forwardBatch(samples, model.inputSize(), 3, seeds);
            model.backwardBatchFromLogits(batchGradient, 0, 3);
            model.forwardBatch(samples, 0, 2, null);
            model.backwardBatch(batchGradient, 0, 2);
        };

        long allocated = fewestBytes(passes, new long[0]);
        assertTrue(allocated < 1000, allocated + " bytes allocated by 1000 rounds of forward and backward passes");
    }

    @Test
    void aPassSplitAcrossThreadsAllocatesNothingOnAnyOfThem() {
        Model model = ModelCompiler.compile(SharedPassTest.EVERY_SPLIT);
        model.setIntraOpThreads(2);
        float[] sample = new float[model.inputSize()];
        for (int i = 0; i < sample.length; i++) {
            sample[i] = (float) Math.cos(i);
        }
        float[] gradient = new float[model.outputSize()];
        gradient[0] = 1;
        Runnable passes = () -> {
            model.setTraining(false);
            model.forward(sample, 0);
            model.setTraining(true);
            model.forward(sample, 0);
            model.backwardFromLogits(gradient, 0);
        };
        passes.run();
        long[] helpers = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("EverySplit-intra-op-"))
                .mapToLong(Thread::getId)
                .toArray();
        assertTrue(helpers.length == 1, helpers.length + " helper threads");
        long allocated = fewestBytes(passes, helpers);
        model.setIntraOpThreads(1);
        assertTrue(allocated < 1000, allocated + " bytes allocated by 1000 rounds of split passes");
    }

    /**
     * The fewest bytes the calling thread and the threads {@code others} allocate in a window of
     * 1000 rounds of {@code passes}, after 2000 rounds of warm-up, over three windows or more: one
     * allocation per round, however small, would be at least 16 000 bytes in every window; the JVM
     * itself may allocate on a thread now and then (seen: 104 bytes once, and 1032 once while C2
     * was still compiling a kernel's vector path), which does not come back in every window. Until
     * C2 has compiled the Vector API kernels, their vectors are objects (28 KB a pass through small
     * Winograd convolutions, seen in a JVM busy with other tests): windows go on, up to 20 seconds,
     * while none is clean.
     */
    static long fewestBytes(Runnable passes, long[] others) {
        for (int i = 0; i < 2000; i++) {
            passes.run();
        }
        long allocated = Long.MAX_VALUE;
        long deadline = System.nanoTime() + 20_000_000_000L;
        for (int window = 0; window < 3 || allocated >= 1000 && System.nanoTime() < deadline; window++) {
            long before = allocatedBytes(others);
            for (int i = 0; i < 1000; i++) {
                passes.run();
            }
            allocated = Math.min(allocated, allocatedBytes(others) - before);
        }
        return allocated;
    }

    private static long allocatedBytes(long[] others) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long total = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
        for (long id : others) {
            total += threads.getThreadAllocatedBytes(id);
        }
        return total;
    }
}
