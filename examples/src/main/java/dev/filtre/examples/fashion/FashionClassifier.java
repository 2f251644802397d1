package dev.filtre.examples.fashion;

import dev.filtre.examples.networks.FashionNetModel;
import dev.filtre.runtime.data.FashionMnist;
import dev.filtre.runtime.image.Image;
import dev.filtre.runtime.io.SafeTensors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A trained FashionNet that names the garment in a picture: the weights a training run saved,
 * loaded the way any program would, and the picture prepared like Fashion-MNIST's images (see
 * {@link FashionMnistInput}) and scaled as the training images were ({@code value / 255}).
 */
public final class FashionClassifier {
    /**
     * One class and how likely the network finds it.
     *
     * @param name the class name, e.g. {@code Ankle boot}
     * @param probability the network's softmax output for that class
     */
    public record Guess(String name, float probability) {}

    private final FashionNetModel model;

    private FashionClassifier(FashionNetModel model) {
        this.model = model;
    }

    /**
     * Loads the weights a FashionNet training run saved.
     *
     * @throws NoSuchFileException when {@code weights} does not exist, saying how to make it
     * @throws dev.filtre.runtime.io.WeightFileException when the file does not hold FashionNet's
     *     weights, listing what differs
     */
    public static FashionClassifier load(Path weights) throws IOException {
        if (!Files.exists(weights)) {
            throw new NoSuchFileException(weights.toString(), null,
                    "no weight file; train FashionNet first (bin/demo saves target/fashion/fashionnet.safetensors)"
                            + " or give the file with --weights");
        }
        FashionNetModel model = new FashionNetModel();
        SafeTensors.load(model, weights);
        model.setTraining(false);
        return new FashionClassifier(model);
    }

    /** The model's input for {@code picture}: prepared, then scaled to {@code [0, 1]}. */
    public static float[] input(Image picture) {
        float[] pixels = FashionMnistInput.prepare(picture).toArray();
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] /= 255f;
        }
        return pixels;
    }

    /** The {@code count} most probable classes for {@code picture}, most probable first. */
    public List<Guess> classify(Image picture, int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("the number of guesses must be positive, is " + count);
        }
        float[] probabilities = model.forward(input(picture), 0);
        List<Guess> guesses = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            guesses.add(new Guess(FashionMnist.CLASS_NAMES.get(i), probabilities[i]));
        }
        guesses.sort(Comparator.comparingDouble(Guess::probability).reversed());
        return List.copyOf(guesses.subList(0, Math.min(count, guesses.size())));
    }
}
