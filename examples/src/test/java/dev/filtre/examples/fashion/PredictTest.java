package dev.filtre.examples.fashion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.examples.networks.FashionNetModel;
import dev.filtre.examples.networks.PerceptronModel;
import dev.filtre.runtime.image.Image;
import dev.filtre.runtime.image.ImageFiles;
import dev.filtre.runtime.io.SafeTensors;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Classifying a picture file with saved weights, and what goes wrong with files. */
class PredictTest {
    @TempDir Path directory;

    private Path weights;
    private Path photo;

    @BeforeEach
    void saveWeightsAndAPhoto() throws IOException {
        FashionNetModel model = new FashionNetModel();
        model.initialize(3);
        weights = directory.resolve("fashionnet.safetensors");
        SafeTensors.save(model, weights);
        photo = directory.resolve("boot.jpg");
        ImageIO.write(darkShapeOnWhite(300, 200), "jpeg", photo.toFile());
    }

    @Test
    void printsTheThreeMostProbableClasses() {
        CommandLineRun run = CommandLineRun.of(Predict::new, photo.toString(), "--weights", weights.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(photo + ":", lines.get(0));
        assertEquals(4, lines.size(), run.out());
        double previous = 101;
        for (String line : lines.subList(1, 4)) {
            assertTrue(line.matches("  \\S.{11} +\\d+\\.\\d%"), line);
            double percent = Double.parseDouble(line.substring(14, line.length() - 1).strip());
            assertTrue(percent <= previous, run.out());
            previous = percent;
        }
    }

    @Test
    void theGuessesAreTheNetworksSoftmaxSortedAndSumToOne() throws IOException {
        FashionClassifier classifier = FashionClassifier.load(weights);
        Image picture = ImageFiles.fromBufferedImage(darkShapeOnWhite(64, 64));

        List<FashionClassifier.Guess> all = classifier.classify(picture, 10);

        assertEquals(10, all.size());
        assertEquals(1, all.stream().mapToDouble(FashionClassifier.Guess::probability).sum(), 1e-5);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).probability() >= all.get(i).probability());
        }
        assertEquals(all.subList(0, 3), classifier.classify(picture, 3));
    }

    @Test
    void savesTheImageTheNetworkSees() throws IOException {
        Path seen = directory.resolve("seen.png");

        CommandLineRun run = CommandLineRun.of(Predict::new, photo.toString(), "--weights", weights.toString(),
                "--save-input", seen.toString());

        assertEquals(0, run.exitCode(), run.err());
        Image input = ImageFiles.read(seen);
        assertEquals("1x28x28", input.shape());
        assertEquals(0, input.get(0, 0, 0), "the white background became black");
        assertTrue(input.max() > 200, "the dark shape became light: " + input.max());
    }

    @Test
    void aMissingPictureIsNamed() {
        Path missing = directory.resolve("missing.png");
        CommandLineRun run = CommandLineRun.of(Predict::new, missing.toString(), "--weights", weights.toString());

        assertEquals(DemoCommandLine.FAILED, run.exitCode());
        assertEquals("predict: " + missing + ": no such file", run.err().strip());
    }

    @Test
    void aFileThatIsNotAPictureIsNamed() throws IOException {
        Path notAPicture = directory.resolve("notes.png");
        Files.writeString(notAPicture, "not a picture");

        CommandLineRun run = CommandLineRun.of(Predict::new, notAPicture.toString(), "--weights", weights.toString());

        assertEquals(DemoCommandLine.FAILED, run.exitCode());
        assertEquals("predict: " + notAPicture + ": not a PNG or JPEG image", run.err().strip());
    }

    @Test
    void missingWeightsSayHowToMakeThem() {
        Path missing = directory.resolve("none.safetensors");
        CommandLineRun run = CommandLineRun.of(Predict::new, photo.toString(), "--weights", missing.toString());

        assertEquals(DemoCommandLine.FAILED, run.exitCode());
        assertEquals("predict: " + missing + ": no weight file; train FashionNet first (bin/demo saves"
                + " target/fashion/fashionnet.safetensors) or give the file with --weights", run.err().strip());
    }

    @Test
    void weightsOfAnotherNetworkAreRefusedWithWhatDiffers() throws IOException {
        PerceptronModel perceptron = new PerceptronModel();
        perceptron.initialize(1);
        Path other = directory.resolve("perceptron.safetensors");
        SafeTensors.save(perceptron, other);

        CommandLineRun run = CommandLineRun.of(Predict::new, photo.toString(), "--weights", other.toString());

        assertEquals(DemoCommandLine.FAILED, run.exitCode());
        assertTrue(run.err().startsWith("predict: perceptron.safetensors: does not fit model FashionNet:"), run.err());
        assertTrue(run.err().contains("missing tensor conv1.weight [32, 1, 3, 3]"), run.err());
    }

    @Test
    void aTransparentBackgroundCountsAsWhite() throws IOException {
        BufferedImage cutout = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = cutout.createGraphics();
        g.setColor(new Color(30, 30, 30, 255));
        g.fillRect(10, 5, 20, 30);
        g.dispose();
        Path file = directory.resolve("cutout.png");
        ImageIO.write(cutout, "png", file.toFile());

        Image read = ImageFiles.read(file);

        assertEquals(255, read.get(0, 0, 0), "transparent black reads as white");
        assertEquals(30, read.get(0, 20, 20));
    }

    /** A white photo with a dark gray shape, wider than high. */
    private static BufferedImage darkShapeOnWhite(int width, int height) {
        BufferedImage picture = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = picture.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(40, 30, 20));
        g.fillRect(width / 4, height / 3, width / 2, height / 3);
        g.fillRect(width / 4, height / 6, width / 8, height / 2);
        g.dispose();
        return picture;
    }
}
