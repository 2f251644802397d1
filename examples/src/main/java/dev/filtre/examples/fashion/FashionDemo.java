package dev.filtre.examples.fashion;

import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Model;
import dev.filtre.runtime.data.DataSet;
import dev.filtre.runtime.io.SafeTensors;
import dev.filtre.runtime.train.Evaluation;
import dev.filtre.runtime.train.History;
import dev.filtre.runtime.train.ProgressListener;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One run of the demo, whatever the data: trains a model, measures it on the test set, and saves
 * its weights (safetensors), a picture of its confusion matrix and, for a convolutional network, a
 * picture of its first layer's learned filters. {@link FashionMnist} runs it on Fashion-MNIST.
 */
public final class FashionDemo {
    /**
     * What a run measured and wrote.
     *
     * @param history the loss and accuracy of each epoch, training and validation
     * @param test the trained model on the test set
     * @param trainingTime the wall time of training, validation included
     * @param weights the weight file
     * @param confusionPicture the confusion matrix's PNG
     * @param filterPicture the first convolution's filters' PNG, absent for a network without one
     */
    public record Result(
            History history,
            Evaluation test,
            Duration trainingTime,
            Path weights,
            Path confusionPicture,
            Optional<Path> filterPicture) {}

    private final PrintStream out;
    private final ProgressListener progress;

    /**
     * @param out where the run reports what it does
     * @param progress hears about every batch and epoch
     */
    public FashionDemo(PrintStream out, ProgressListener progress) {
        this.out = out;
        this.progress = progress;
    }

    /**
     * Initializes {@code model} from the settings' seed, trains it on {@code train} (validating on
     * {@code validation} after each epoch), evaluates it on {@code test}, and writes {@code
     * <stem>.safetensors} (or {@code weights} when not null), {@code <stem>-confusion.png} and
     * {@code <stem>-filters.png} into {@code outputDirectory}.
     */
    public Result run(Model model, String stem, DataSet train, DataSet validation, DataSet test,
            TrainingSettings settings, Path outputDirectory, Path weights) throws IOException {
        out.println(model.summary());
        out.println();
        out.println("Training " + model.name() + ": " + settings.describe());
        model.initialize(settings.seed());
        long start = System.nanoTime();
        History history = settings.trainer(model, progress).fit(train, validation);
        Duration trainingTime = Duration.ofNanos(System.nanoTime() - start);
        out.printf("Training took %s (%.0f images/s, validation included)%n", minutesAndSeconds(trainingTime),
                (double) settings.epochs() * train.size() / (trainingTime.toNanos() / 1e9));

        Evaluation evaluation = settings.trainer(model, ProgressListener.silent()).evaluate(test);
        out.println();
        out.println(evaluation.confusionMatrix());
        out.printf("test loss: %.4f%n", evaluation.loss());
        out.printf("test accuracy: %.4f%n", evaluation.accuracy());

        Path weightFile = weights != null ? weights : outputDirectory.resolve(stem + ".safetensors");
        SafeTensors.save(model, weightFile);
        out.println("wrote " + weightFile + " (the weights, safetensors)");
        Path confusion = writeConfusion(model, evaluation, outputDirectory.resolve(stem + "-confusion.png"));
        Optional<Path> filters = Optional.empty();
        Optional<Layer> conv = firstConvolution(model);
        if (conv.isPresent()) {
            filters = Optional.of(writeFilters(model, conv.get(), settings.epochs(),
                    outputDirectory.resolve(stem + "-filters.png")));
        }
        return new Result(history, evaluation, trainingTime, weightFile, confusion, filters);
    }

    private Path writeConfusion(Model model, Evaluation evaluation, Path file) throws IOException {
        String title = String.format("%s on the %,d test images: accuracy %.4f",
                model.name(), evaluation.samples(), evaluation.accuracy());
        Pictures.writePng(ConfusionMatrixPicture.draw(evaluation.confusionMatrix(), title), file);
        out.println("wrote " + file + " (the confusion matrix on the test set)");
        return file;
    }

    private Path writeFilters(Model model, Layer conv, int epochs, Path file) throws IOException {
        int[] shape = conv.weightShape();
        String title = String.format("%s %s: the %d %dx%d filters learned in %d epoch%s",
                model.name(), conv.name(), shape[0], shape[2], shape[3], epochs, epochs == 1 ? "" : "s");
        Pictures.writePng(FilterGridPicture.draw(conv, title), file);
        out.println("wrote " + file + " (what " + conv.name() + "'s filters learned)");
        return file;
    }

    /** The first layer whose weights are convolution filters, {@code [filters][channels][k][k]}. */
    static Optional<Layer> firstConvolution(Model model) {
        return model.layers().stream().filter(layer -> layer.weightShape().length == 4).findFirst();
    }

    static String minutesAndSeconds(Duration duration) {
        long seconds = Math.round(duration.toMillis() / 1000.0);
        return seconds < 60 ? seconds + " s" : String.format("%d min %02d s", seconds / 60, seconds % 60);
    }
}
