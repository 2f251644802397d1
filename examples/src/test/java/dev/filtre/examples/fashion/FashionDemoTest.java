package dev.filtre.examples.fashion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.dsl.Model;
import dev.filtre.examples.networks.FashionNetModel;
import dev.filtre.examples.networks.PerceptronModel;
import dev.filtre.runtime.data.DataSet;
import dev.filtre.runtime.io.SafeTensors;
import dev.filtre.runtime.train.ProgressListener;
import dev.filtre.runtime.train.Trainer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's whole training path, on a few hundred synthetic images instead of Fashion-MNIST. */
class FashionDemoTest {
    private static final DataSet TRAIN = SyntheticGarments.of(200, 1);
    private static final DataSet VALIDATION = SyntheticGarments.of(40, 2);
    private static final DataSet TEST = SyntheticGarments.of(60, 3);
    private static final TrainingSettings ONE_EPOCH =
            new TrainingSettings(1, 10, OptimizerChoice.SGD, 0.05, 0.9, 5e-4, Schedule.COSINE, 7, 1);

    @TempDir Path directory;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    @Test
    void fashionNetLearnsInOneEpochAndEverythingIsWritten() throws IOException {
        double untrainedLoss = untrainedTestLoss(new FashionNetModel());
        Model model = new FashionNetModel();

        FashionDemo.Result result = demo().run(model, "fashionnet", TRAIN, VALIDATION, TEST, ONE_EPOCH, directory, null);

        assertTrue(result.test().loss() < 0.5 * untrainedLoss,
                "test loss " + result.test().loss() + " after 1 epoch, " + untrainedLoss + " before");
        assertTrue(result.test().accuracy() > 0.8, "test accuracy " + result.test().accuracy());
        assertEquals(1, result.history().epochs().size());
        assertTrue(result.history().last().hasValidation());
        assertSavedWeightsAre(model, result.weights(), new FashionNetModel());
        assertEquals(directory.resolve("fashionnet.safetensors"), result.weights());
        assertPicture(result.confusionPicture());
        assertPicture(result.filterPicture().orElseThrow());
        String output = printed.toString(StandardCharsets.UTF_8);
        assertTrue(output.matches("(?s).*\ntest accuracy: [01]\\.\\d{4}\n.*"), output);
        assertTrue(output.contains("Epoch 1/1"), output);
    }

    @Test
    void thePerceptronReadsTheSameImagesAsVectorsAndHasNoFiltersToDraw() throws IOException {
        double untrainedLoss = untrainedTestLoss(new PerceptronModel());
        Model model = new PerceptronModel();
        Path weights = directory.resolve("elsewhere/mlp.safetensors");

        FashionDemo.Result result = demo().run(model, "perceptron", TRAIN, VALIDATION, TEST, ONE_EPOCH, directory, weights);

        assertTrue(result.test().loss() < 0.5 * untrainedLoss,
                "test loss " + result.test().loss() + " after 1 epoch, " + untrainedLoss + " before");
        assertEquals(weights, result.weights());
        assertSavedWeightsAre(model, weights, new PerceptronModel());
        assertPicture(directory.resolve("perceptron-confusion.png"));
        assertFalse(result.filterPicture().isPresent());
    }

    private FashionDemo demo() {
        return new FashionDemo(new PrintStream(printed, true, StandardCharsets.UTF_8), new PeriodicProgress(
                new PrintStream(printed, true, StandardCharsets.UTF_8)));
    }

    /** The test loss of a model as the demo initializes it, before any training. */
    private static double untrainedTestLoss(Model model) {
        model.initialize(ONE_EPOCH.seed());
        return Trainer.of(model).progress(ProgressListener.silent()).evaluate(TEST).loss();
    }

    private static void assertSavedWeightsAre(Model trained, Path file, Model fresh) throws IOException {
        SafeTensors.load(fresh, file);
        assertArrayEquals(trained.parameters(), fresh.parameters());
    }

    private static void assertPicture(Path file) throws IOException {
        BufferedImage picture = ImageIO.read(file.toFile());
        assertTrue(picture.getWidth() > 200 && picture.getHeight() > 200,
                file + " is " + picture.getWidth() + "x" + picture.getHeight());
    }
}
