package dev.filtre.runtime.data;

import java.util.Arrays;
import java.util.List;

/**
 * Samples for training or evaluation: inputs stored one after the other in one {@code float[]}
 * (sample {@code i} starts at {@code i * inputSize()}), with, for classification, an {@code int}
 * class label per sample and the class names, or, for regression, {@link #targetSize()} float
 * targets per sample.
 *
 * <p>A data set is immutable in use: {@link #inputs()}, {@link #labels()} and {@link #targets()}
 * return the arrays themselves (data sets are large), which callers must not modify.
 */
public final class DataSet {
    /**
     * A data set cut in two.
     *
     * @param train the samples to learn from
     * @param validation the samples held out to measure generalization
     */
    public record Split(DataSet train, DataSet validation) {}

    private final float[] inputs;
    private final int[] sampleShape;
    private final int inputSize;
    private final int size;
    private final int[] labels;
    private final List<String> classNames;
    private final float[] targets;
    private final int targetSize;

    private DataSet(float[] inputs, int[] sampleShape, int[] labels, List<String> classNames, float[] targets,
            int targetSize) {
        this.sampleShape = sampleShape.clone();
        int product = 1;
        for (int dimension : sampleShape) {
            if (dimension <= 0) {
                throw new IllegalArgumentException("sample shape " + Arrays.toString(sampleShape)
                        + " has a dimension that is not positive");
            }
            product *= dimension;
        }
        this.inputSize = product;
        if (sampleShape.length == 0 || inputs.length % inputSize != 0) {
            throw new IllegalArgumentException(inputs.length + " input values are not a whole number of samples of shape "
                    + Arrays.toString(sampleShape) + " (" + inputSize + " values each)");
        }
        this.inputs = inputs;
        this.size = inputs.length / inputSize;
        this.labels = labels;
        this.classNames = classNames;
        this.targets = targets;
        this.targetSize = targetSize;
    }

    /**
     * A classification data set.
     *
     * @param inputs every sample's values, one sample after the other
     * @param sampleShape the shape of one sample, e.g. {@code {1, 28, 28}}
     * @param labels one class index per sample, in {@code [0, classNames.size())}
     * @param classNames the name of each class, by index
     * @throws IllegalArgumentException when the counts disagree or a label is out of range, naming
     *     the sample
     */
    public static DataSet ofLabels(float[] inputs, int[] sampleShape, int[] labels, List<String> classNames) {
        DataSet data = new DataSet(inputs, sampleShape, labels, List.copyOf(classNames), null, 0);
        if (labels.length != data.size) {
            throw new IllegalArgumentException(labels.length + " labels for " + data.size + " samples");
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("sample " + i + " has label " + labels[i] + ", outside [0, "
                        + classNames.size() + ")");
            }
        }
        return data;
    }

    /**
     * A regression data set.
     *
     * @param targets {@code targetSize} values per sample, one sample after the other
     */
    public static DataSet ofTargets(float[] inputs, int[] sampleShape, float[] targets, int targetSize) {
        if (targetSize <= 0) {
            throw new IllegalArgumentException("target size " + targetSize + " is not positive");
        }
        DataSet data = new DataSet(inputs, sampleShape, null, List.of(), targets, targetSize);
        if (targets.length != (long) data.size * targetSize) {
            throw new IllegalArgumentException(targets.length + " target values for " + data.size + " samples of "
                    + targetSize);
        }
        return data;
    }

    /** The number of samples. */
    public int size() {
        return size;
    }

    /** The shape of one sample. */
    public int[] sampleShape() {
        return sampleShape.clone();
    }

    /** The number of values of one sample. */
    public int inputSize() {
        return inputSize;
    }

    /** Where sample {@code i} starts in {@link #inputs()}. */
    public int inputOffset(int i) {
        return i * inputSize;
    }

    /** Every sample's values, one after the other; the array itself, not a copy. */
    public float[] inputs() {
        return inputs;
    }

    /** True for a classification data set (labels and class names). */
    public boolean hasLabels() {
        return labels != null;
    }

    /** True for a regression data set (float targets). */
    public boolean hasTargets() {
        return targets != null;
    }

    /**
     * The class label of every sample; the array itself.
     *
     * @throws IllegalStateException for a regression data set
     */
    public int[] labels() {
        if (labels == null) {
            throw new IllegalStateException("this data set has targets, not class labels");
        }
        return labels;
    }

    /** The class label of sample {@code i}. */
    public int label(int i) {
        return labels()[i];
    }

    /** The names of the classes, by index; empty for a regression data set. */
    public List<String> classNames() {
        return classNames;
    }

    /** The number of classes; 0 for a regression data set. */
    public int classCount() {
        return classNames.size();
    }

    /**
     * Every sample's targets, one sample after the other; the array itself.
     *
     * @throws IllegalStateException for a classification data set
     */
    public float[] targets() {
        if (targets == null) {
            throw new IllegalStateException("this data set has class labels, not targets");
        }
        return targets;
    }

    /** The number of target values per sample; 0 for a classification data set. */
    public int targetSize() {
        return targetSize;
    }

    /** The samples at {@code indices}, in that order (copied). */
    public DataSet subset(int[] indices) {
        float[] subsetInputs = new float[indices.length * inputSize];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            if (i < 0 || i >= size) {
                throw new IndexOutOfBoundsException("sample " + i + " of a data set of " + size);
            }
            System.arraycopy(inputs, i * inputSize, subsetInputs, k * inputSize, inputSize);
        }
        if (labels != null) {
            int[] subsetLabels = new int[indices.length];
            for (int k = 0; k < indices.length; k++) {
                subsetLabels[k] = labels[indices[k]];
            }
            return new DataSet(subsetInputs, sampleShape, subsetLabels, classNames, null, 0);
        }
        float[] subsetTargets = new float[indices.length * targetSize];
        for (int k = 0; k < indices.length; k++) {
            System.arraycopy(targets, indices[k] * targetSize, subsetTargets, k * targetSize, targetSize);
        }
        return new DataSet(subsetInputs, sampleShape, null, classNames, subsetTargets, targetSize);
    }

    /** The first {@code count} samples (all of them when there are fewer). */
    public DataSet first(int count) {
        int[] indices = new int[Math.min(count, size)];
        Arrays.setAll(indices, i -> i);
        return subset(indices);
    }

    /**
     * Holds out a seeded random part of the samples for validation. The samples are shuffled with
     * {@link Permutations#shuffled(int, long) Permutations.shuffled(size(), seed)}; the first
     * {@code round(size() * validationFraction)} of that order form the validation set, the rest
     * the training set, each then kept in the original order. The same seed gives the same split.
     *
     * @param validationFraction in {@code (0, 1)}
     */
    public Split split(double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction " + validationFraction + " is not in (0, 1)");
        }
        int validationSize = (int) Math.round(size * validationFraction);
        int[] order = Permutations.shuffled(size, seed);
        int[] validation = Arrays.copyOfRange(order, 0, validationSize);
        int[] train = Arrays.copyOfRange(order, validationSize, size);
        Arrays.sort(validation);
        Arrays.sort(train);
        return new Split(subset(train), subset(validation));
    }

    @Override
    public String toString() {
        return "DataSet[" + size + " x " + Arrays.toString(sampleShape)
                + (labels != null ? ", " + classNames.size() + " classes]" : ", targets of " + targetSize + "]");
    }
}
