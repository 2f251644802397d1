package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.dsl.Conv;
import dev.filtre.dsl.Dense;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.MaxPool;
import dev.filtre.dsl.Network;
import dev.filtre.dsl.Relu;
import dev.filtre.dsl.Softmax;
import dev.filtre.runtime.data.DataSet;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Checks that a training step through {@link Trainer#fit} allocates nothing once warmed up, on the
 * calling thread and on the worker threads, counted exactly per thread by HotSpot ({@link
 * com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long)}). The network has no dropout, so
 * the generated {@code seedDropout} (outside the trainer) does nothing.
 *
 * <p>Each step is measured between two progress callbacks: from the end of one {@code
 * batchFinished} to the start of the next, which spans the next batch's chunks, the gradient
 * reduction, the learning-rate schedule and the optimizer step. The first step of each epoch is left
 * out: before it the trainer shuffles (a new order array per epoch) and, between epochs, validates.
 */
class TrainerAllocationTest {
    /** A convolution, max pooling and a dense softmax layer; no dropout. */
    @Network(input = {1, 8, 8})
    interface NoDropoutNet {
        @Conv(filters = 4, size = 3, pad = 1) @Relu Layer conv1();

        @MaxPool(size = 2) Layer pool1();

        @Dense(units = 3) @Softmax Layer out();
    }

    /** Activations of 16x32x32: a replica holds a few hundred kilobytes of buffers. */
    @Network(input = {3, 32, 32})
    interface WideNet {
        @Conv(filters = 16, size = 3, pad = 1) @Relu Layer conv1();

        @MaxPool(size = 2) Layer pool1();

        @Dense(units = 3) @Softmax Layer out();
    }

    private static final DataSet TRAIN = Bars.of(480, 3);
    private static final int BATCH = 8;
    private static final int EPOCHS = 4;
    /** Epochs of the warm-up fit: 1,800 steps, enough for the JIT to compile the step's methods. */
    private static final int WARM_UP_EPOCHS = 30;
    /** Measured steps of a fit: every step but the first of each epoch. */
    private static final int MEASURED_STEPS = EPOCHS * (480 / BATCH - 1);

    /**
     * Any object a step allocates every time takes at least 16 bytes (a header and a field, or an
     * empty array), so a mean below 8 bytes per step over the 236 measured steps means no
     * allocation recurs per step, while leaving 1.9 KB for the JVM's own one-off allocations in
     * the window (e.g. rematerializing objects after a deoptimization).
     */
    private static final double ONE_THREAD_BOUND = 8;

    /**
     * With two threads the calling thread and the worker thread are summed, and the bound is
     * looser: 64 bytes per step, a quarter of what one {@code Future} and its queue node cost.
     */
    private static final double TWO_THREAD_BOUND = 64;

    @Test
    void oneThreadStepAllocatesNothing() {
        StepAllocations measured = measuredFit(1);

        assertEquals(MEASURED_STEPS, measured.steps);
        assertEquals(0, measured.workerThreads.size(), "one thread trains alone");
        assertTrue(measured.callerBytes < ONE_THREAD_BOUND * measured.steps, measured::toString);
    }

    @Test
    void adamAndAOneCycleScheduleAllocateNothingPerStep() {
        StepAllocations measured = measuredFit(1, Adam.withLearningRate(0.01), LearningRateSchedule.oneCycle());

        assertEquals(MEASURED_STEPS, measured.steps);
        assertTrue(measured.callerBytes < ONE_THREAD_BOUND * measured.steps, measured::toString);
    }

    @Test
    void twoThreadStepAllocatesNothing() {
        StepAllocations measured = measuredFit(2);

        assertEquals(MEASURED_STEPS, measured.steps);
        assertEquals(1, measured.workerThreads.size(), "two threads: the caller and one worker thread");
        assertTrue(measured.callerBytes + measured.workerBytes < TWO_THREAD_BOUND * measured.steps,
                measured::toString);
    }

    @Test
    void fitEndsItsWorkerThreads() {
        StepAllocations measured = measuredFit(2);

        for (Thread thread : measured.workerThreads) {
            assertTrue(!thread.isAlive(), thread + " outlived the fit");
        }
    }

    @Test
    void laterFitsOfATrainerReuseTheReplicasOfTheFirst() {
        TrainerAllocationTest_WideNetModel model = new TrainerAllocationTest_WideNetModel();
        model.initialize(5);
        SplittableRandom random = new SplittableRandom(8);
        float[] inputs = new float[20 * model.inputSize()];
        int[] labels = new int[20];
        for (int n = 0; n < 20; n++) {
            labels[n] = n % 3;
            for (int i = 0; i < model.inputSize(); i++) {
                inputs[n * model.inputSize() + i] = (float) random.nextDouble();
            }
        }
        DataSet data = DataSet.ofLabels(inputs, model.inputShape(), labels, Bars.CLASSES);
        Trainer trainer = Trainer.of(model).batchSize(10).threads(2).progress(ProgressListener.silent());
        long replicaBytes = allocatedBy(model::replica);

        trainer.fit(data);
        long laterFitBytes = allocatedBy(() -> trainer.seed(1).fit(data));

        assertTrue(replicaBytes > 100_000, replicaBytes + " B for a replica");
        assertTrue(laterFitBytes < replicaBytes / 4, "a later fit allocated " + laterFitBytes
                + " B, a replica is " + replicaBytes + " B");
    }

    private static long allocatedBy(Runnable work) {
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = bean.getCurrentThreadAllocatedBytes();
        work.run();
        return bean.getCurrentThreadAllocatedBytes() - before;
    }

    /** A fit to warm up (class loading, compilation), then a measured fit on the same trainer. */
    private static StepAllocations measuredFit(int threads) {
        return measuredFit(threads, Sgd.withLearningRate(0.05).momentum(0.9).weightDecay(5e-4),
                LearningRateSchedule.constant());
    }

    private static StepAllocations measuredFit(int threads, Optimizer optimizer, LearningRateSchedule schedule) {
        TrainerAllocationTest_NoDropoutNetModel model = new TrainerAllocationTest_NoDropoutNetModel();
        model.initialize(5);
        Trainer trainer = Trainer.of(model)
                .optimizer(optimizer)
                .schedule(schedule)
                .batchSize(BATCH)
                .epochs(EPOCHS)
                .seed(11)
                .threads(threads);
        trainer.epochs(WARM_UP_EPOCHS).progress(new StepAllocations()).fit(TRAIN);
        StepAllocations measured = new StepAllocations();
        trainer.progress(measured).fit(TRAIN);
        return measured;
    }

    /** Sums, over the steps of a fit, the bytes allocated by the calling thread and by the workers. */
    private static final class StepAllocations implements ProgressListener {
        private static final String WORKER_PREFIX = "filtre-trainer-";

        private final com.sun.management.ThreadMXBean bean =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final List<Thread> workerThreads = new ArrayList<>();
        private long[] workerMarks = new long[0];
        private long callerMark;
        private boolean searched;
        private boolean firstOfEpoch;
        long callerBytes;
        long workerBytes;
        int steps;

        @Override
        public void epochStarted(int epoch, int epochs, int samples) {
            firstOfEpoch = true;
        }

        @Override
        public void batchFinished(int epoch, int epochs, int samplesDone, int samples, double meanLoss,
                double accuracy) {
            long callerNow = bean.getCurrentThreadAllocatedBytes();
            if (!searched) {
                findWorkerThreads();
            }
            boolean measure = !firstOfEpoch;
            if (measure) {
                callerBytes += callerNow - callerMark;
                steps++;
            }
            for (int w = 0; w < workerMarks.length; w++) {
                long workerNow = bean.getThreadAllocatedBytes(workerThreads.get(w).getId());
                if (measure) {
                    workerBytes += workerNow - workerMarks[w];
                }
                workerMarks[w] = workerNow;
            }
            firstOfEpoch = false;
            callerMark = bean.getCurrentThreadAllocatedBytes();
        }

        private void findWorkerThreads() {
            for (Thread thread : Thread.getAllStackTraces().keySet()) {
                if (thread.getName().startsWith(WORKER_PREFIX) && thread.isAlive()) {
                    workerThreads.add(thread);
                }
            }
            workerMarks = new long[workerThreads.size()];
            searched = true;
        }

        @Override
        public String toString() {
            return steps + " steps: " + (double) callerBytes / steps + " B per step on the calling thread, "
                    + (double) workerBytes / steps + " B per step on " + workerThreads.size() + " worker thread(s)";
        }
    }
}
