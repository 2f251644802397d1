package dev.filtre.bench;

import dev.filtre.runtime.data.DataSet;
import dev.filtre.runtime.data.DataSetNotFoundException;
import dev.filtre.runtime.data.FashionMnist;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/**
 * The images the benchmark trains on and runs, all in memory: Fashion-MNIST's 60,000 training
 * images when Debian's {@code dataset-fashion-mnist} is installed, else as many uniform random
 * images with random labels (the same shape, so the same work), and a note saying which.
 *
 * @param images 28x28 images scaled to [0, 1] with their classes
 * @param source what the images are, for the report
 */
record TrainingData(DataSet images, String source) {
    private static final int RANDOM_IMAGES = 60_000;

    /** Every image's pixels, one image after the other. */
    float[] inputs() {
        return images.inputs();
    }

    /** Every image's class. */
    int[] labels() {
        return images.labels();
    }

    /** The number of images. */
    int size() {
        return images.size();
    }

    /** Fashion-MNIST's training set, or random images seeded by {@code seed} when it is missing. */
    static TrainingData load(long seed) {
        try {
            DataSet train = FashionMnist.load().train();
            return new TrainingData(train,
                    "Fashion-MNIST train (" + train.size() + " images, " + FashionMnist.DEFAULT_DIRECTORY + ")");
        } catch (DataSetNotFoundException e) {
            return random(seed, FashionMnist.DEFAULT_DIRECTORY + " not found");
        } catch (IOException e) {
            throw new UncheckedIOException("reading Fashion-MNIST from " + FashionMnist.DEFAULT_DIRECTORY, e);
        }
    }

    private static TrainingData random(long seed, String why) {
        SplittableRandom random = new SplittableRandom(seed);
        int imageSize = FashionMnist.IMAGE_SHAPE[0] * FashionMnist.IMAGE_SHAPE[1] * FashionMnist.IMAGE_SHAPE[2];
        float[] inputs = new float[RANDOM_IMAGES * imageSize];
        for (int i = 0; i < inputs.length; i++) {
            inputs[i] = (float) random.nextDouble();
        }
        int[] labels = new int[RANDOM_IMAGES];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = random.nextInt(FashionMnist.CLASS_NAMES.size());
        }
        DataSet images = DataSet.ofLabels(inputs, FashionMnist.IMAGE_SHAPE, labels, FashionMnist.CLASS_NAMES);
        return new TrainingData(images, "random images of Fashion-MNIST's shape (" + RANDOM_IMAGES + ", " + why + ")");
    }
}
