package dev.filtre.dsl;

import java.util.List;

/**
 * What every class the processor generates is, seen by the runtime (training loops, weight files,
 * gradient checks): shapes, the learned parameters in one flat array, and the forward and backward
 * passes of one sample.
 *
 * <p>A model instance owns its activation buffers and its gradient accumulator and is meant for one
 * thread; {@link #replica()} makes another instance that shares the parameters (for data-parallel
 * training or concurrent inference) with buffers of its own. Nothing is allocated by
 * {@link #forward(float[], int)}, {@link #backward(float[], int)} or
 * {@link #backwardFromLogits(float[], int)}.
 *
 * <p>Layout of {@link #parameters()}: for each layer in order, its weights then its bias, each in
 * PyTorch's order (see {@link Layer}); {@link #gradients()} has the same layout.
 */
public interface Model {
    /** The name of the declaring interface, e.g. {@code FashionNet}. */
    String name();

    /** The shape of one input: {@code {c, h, w}} or {@code {n}}. */
    int[] inputShape();

    /** The number of values in one input. */
    int inputSize();

    /** The shape of one output. */
    int[] outputShape();

    /** The number of values in one output (for a classifier, the number of classes). */
    int outputSize();

    /** The number of learned values. */
    int parameterCount();

    /** The layers in order. */
    List<Layer> layers();

    /** A Keras-style table: layer, kind, output shape, parameters, total. */
    String summary();

    /** True when the last layer applies softmax, so the output is class probabilities. */
    boolean endsWithSoftmax();

    /** The learned values, live (writes change the model), laid out as the class comment says. */
    float[] parameters();

    /** This instance's gradient accumulator, live, laid out as {@link #parameters()}. */
    float[] gradients();

    /** Sets every accumulated gradient to 0. */
    void zeroGradients();

    /**
     * Fills the parameters from a seed: He-uniform for layers followed by ReLU, Glorot-uniform
     * otherwise, biases 0. The same seed gives the same values, bit for bit.
     */
    void initialize(long seed);

    /** Training mode applies dropout (seeded, see {@link #seedDropout(long)}); evaluation does not. */
    void setTraining(boolean training);

    /** True in training mode. */
    boolean isTraining();

    /** Restarts the dropout masks' random sequence from a seed. */
    void seedDropout(long seed);

    /**
     * Splits each one-input forward pass ({@link #forward(float[], int)}) across {@code threads}
     * threads, the caller and {@code threads - 1} helpers: every convolution, pooling and dense
     * layer large enough to pay for a hand-off (about 0.2 µs) gives each thread a share of its
     * filters, planes or units, and the small layers run on the caller. The outputs agree with the
     * one-thread pass to float rounding (a dense layer's share of units may sum its dot products in
     * another order) and are the same bits from call to call. Between calls the helpers spin for
     * 200 µs, so that a stream of inputs finds them awake, then sleep; {@code setIntraOpThreads(1)}
     * (the default) stops them, and so does dropping the model. Batch passes and backward passes
     * are not split: run {@link #replica() replicas} on threads of their own for those. A replica
     * starts with one thread.
     *
     * @throws IllegalArgumentException when {@code threads} is less than 1
     */
    void setIntraOpThreads(int threads);

    /** The threads a one-input pass runs on: 1 unless {@link #setIntraOpThreads(int)} said more. */
    int intraOpThreads();

    /**
     * Runs one input, read from {@code input} at {@code offset}, through the network.
     *
     * @return this instance's output buffer of {@code outputSize()} values (overwritten by the
     *     next call): class probabilities when the network ends with softmax
     */
    float[] forward(float[] input, int offset);

    /** Runs one input and copies the output into {@code output} at {@code outputOffset}. */
    void forward(float[] input, int inputOffset, float[] output, int outputOffset);

    /**
     * Runs {@code batch} inputs stored one after the other and writes their outputs likewise, as
     * {@link #forwardBatch(float[], int, int, long[])} does, in slices small enough for the cache.
     */
    void forwardBatch(float[] inputs, int batch, float[] outputs);

    /**
     * Runs {@code batch} inputs, stored one after the other in {@code inputs} from {@code offset},
     * through the network as one mini-batch: each convolution and dense layer is one matrix
     * multiply over the whole batch, which is what makes training fast. Keeps what {@link
     * #backwardBatch} needs.
     *
     * <p>In training mode, when {@code dropoutSeeds} is not null, sample {@code k}'s dropout masks
     * are the ones {@code seedDropout(dropoutSeeds[k])} followed by {@code forward} would draw, so a
     * batch gives the per-sample pass's results; when it is null they continue the model's sequence.
     *
     * @return this instance's buffer of the batch's outputs, {@code [batch][outputSize()]} from 0
     *     (overwritten by the next pass; longer than that when an earlier batch was larger)
     * @throws IllegalArgumentException when {@code batch} is not positive, or the inputs or seeds
     *     are too short
     */
    float[] forwardBatch(float[] inputs, int offset, int batch, long[] dropoutSeeds);

    /**
     * The logits of the last {@link #forwardBatch(float[], int, int, long[])}, {@code
     * [batch][outputSize()]} from 0: the values before the final softmax, or the outputs when the
     * network does not end with one. A live buffer.
     */
    float[] batchLogits();

    /**
     * Back-propagates the last {@link #forwardBatch(float[], int, int, long[])}: {@code gradOutputs}
     * holds dL/d output of each of its {@code batch} samples from {@code offset}. Adds the parameter
     * gradients, summed over the batch, to {@link #gradients()}. Does not compute the gradient of
     * the network's input (training never reads it; {@link #backward} does).
     *
     * @throws IllegalStateException when {@code batch} is not the last forward pass's
     */
    void backwardBatch(float[] gradOutputs, int offset, int batch);

    /**
     * Like {@link #backwardBatch(float[], int, int)} but starting below the final softmax: {@code
     * gradLogits} holds dL/d logits of each sample ({@code p - onehot} for softmax + cross-entropy).
     */
    void backwardBatchFromLogits(float[] gradLogits, int offset, int batch);

    /**
     * The last layer's values before its softmax (the logits) from the last forward pass; the
     * output itself when the network does not end with softmax; {@code outputSize()} values,
     * overwritten by the next call.
     */
    float[] logits();

    /**
     * Back-propagates {@code gradOutput} (dL/d output, read at {@code offset}) through the sample
     * of the last forward pass, adding the parameter gradients to {@link #gradients()}.
     */
    void backward(float[] gradOutput, int offset);

    /**
     * Like {@link #backward(float[], int)} but starts below the final softmax: {@code gradLogits}
     * is dL/d logits, as a fused softmax + cross-entropy gives it ({@code p - onehot}).
     */
    void backwardFromLogits(float[] gradLogits, int offset);

    /**
     * dL/d input of the last {@link #backward} or {@link #backwardFromLogits} pass, {@code
     * inputSize()} values, overwritten by the next one.
     */
    float[] inputGradient();

    /**
     * The index of the first layer whose output of the last forward pass holds a NaN or an
     * infinity, or -1 when every value is finite.
     */
    int firstNonFiniteLayer();

    /** A new instance sharing this one's parameters, with its own buffers and gradients. */
    Model replica();
}
