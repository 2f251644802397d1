package dev.filtre.examples.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.runtime.image.BorderMode;
import dev.filtre.runtime.image.Convolution;
import dev.filtre.runtime.image.Image;
import dev.filtre.runtime.image.ImageFiles;
import dev.filtre.runtime.image.Kernels;
import dev.filtre.runtime.image.NamedKernel;
import dev.filtre.runtime.image.Normalization;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the tool as a user would, on a small picture the test draws itself. */
class FilterToolTest {
    @TempDir
    Path directory;

    private Path picture;
    private Image image;

    /** A 20x24 gray picture: a dark background with a bright square and a ramp. */
    @BeforeEach
    void drawPicture() throws IOException {
        float[] values = new float[20 * 24];
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 24; x++) {
                values[y * 24 + x] = (x >= 6 && x < 14 && y >= 5 && y < 13) ? 220 : 10 * (x % 5);
            }
        }
        image = Image.of(1, 20, 24, values);
        picture = directory.resolve("picture.png");
        ImageFiles.write(image, picture);
    }

    record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FilterTool.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Image rounded(Image image) {
        float[] values = image.toArray();
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0, Math.min(255, Math.round(values[i])));
        }
        return Image.of(image.channels(), image.height(), image.width(), values);
    }

    @Test
    void appliesANamedKernel() throws IOException {
        Path output = directory.resolve("sharp.png");

        Run run = run("apply", "--in", picture.toString(), "--out", output.toString(), "--kernel", "sharpen");

        assertEquals(0, run.code(), run.err());
        Image expected = Normalization.clamp().apply(Convolution.convolve(image, Kernels.sharpen(), BorderMode.EXTEND));
        assertEquals(rounded(expected), ImageFiles.read(output));
        assertTrue(run.out().contains("border extend"), run.out());
    }

    @Test
    void appliesAWrittenMatrixWithADivisor() throws IOException {
        Path output = directory.resolve("blur.png");

        Run run = run("apply", "-i", picture.toString(), "-o", output.toString(),
                "-k", "1 2 1; 2 4 2; 1 2 1", "--divisor", "16", "--border", "mirror");

        assertEquals(0, run.code(), run.err());
        Image expected = Convolution.convolve(image, Kernels.gaussian(), BorderMode.MIRROR);
        assertEquals(rounded(expected), ImageFiles.read(output));
    }

    @Test
    void normalizesAndCrops() throws IOException {
        Path output = directory.resolve("edges.png");

        Run run = run("apply", "-i", picture.toString(), "-o", output.toString(),
                "-k", "laplacian-ii", "--border", "crop", "--normalize", "minmax");

        assertEquals(0, run.code(), run.err());
        Image edges = ImageFiles.read(output);
        assertEquals(18, edges.height());
        assertEquals(22, edges.width());
        assertEquals(0, edges.min());
        assertEquals(255, edges.max());
    }

    @Test
    void correlatesWhenAsked() throws IOException {
        Path output = directory.resolve("gradient.png");

        Run run = run("apply", "-i", picture.toString(), "-o", output.toString(),
                "-k", "1 -1", "--correlate", "--border", "copy-adjacent", "--normalize", "quantiles",
                "--low", "0.1", "--high", "0.9");

        assertEquals(0, run.code(), run.err());
        Image expected = Normalization.quantiles(0.1, 0.9)
                .apply(Convolution.correlate(image, Kernels.verticalEdge(), BorderMode.COPY_ADJACENT));
        assertEquals(rounded(expected), ImageFiles.read(output));
    }

    @Test
    void listsEveryKernel() {
        Run run = run("kernels");

        assertEquals(0, run.code());
        for (NamedKernel named : NamedKernel.values()) {
            assertTrue(run.out().contains(named.id() + " "), named.id());
            assertTrue(run.out().contains(named.kernel().toString()), named.id());
        }
        assertTrue(run.out().contains("Laplacien II normalisé"));
    }

    @Test
    void rendersTheClassicSlide() throws IOException {
        Path output = directory.resolve("classic.png");

        Run run = run("slide", "classic", "--in", picture.toString(), "--out", output.toString());

        assertEquals(0, run.code(), run.err());
        Image slide = ImageFiles.read(output);
        // Four columns of 24-pixel-wide tiles, three rows of 20-pixel-tall ones.
        assertEquals(2 * SlideRenderer.MARGIN + 4 * 24 + 3 * SlideRenderer.GAP, slide.width());
        assertEquals(3, slide.channels());
    }

    @Test
    void rendersTheNormalisationSlideOfAColourPicture() throws IOException {
        Path colour = directory.resolve("colour.jpg");
        ImageFiles.write(Image.stack(java.util.List.of(image, image.channel(0), image)), colour);
        Path output = directory.resolve("normalisation.png");

        Run run = run("slide", "normalization", "-i", colour.toString(), "-o", output.toString(),
                "--kernel", "sobel-x", "--tile", "12");

        assertEquals(0, run.code(), run.err());
        // Four tiles, shrunk to 12 pixels wide.
        assertEquals(2 * SlideRenderer.MARGIN + 4 * 12 + 3 * SlideRenderer.GAP, ImageFiles.read(output).width());
    }

    @Test
    void missingFileIsOneLine() {
        Path missing = directory.resolve("nope.png");

        Run run = run("apply", "-i", missing.toString(), "-o", directory.resolve("x.png").toString(), "-k", "box");

        assertFailure(run, 1, "filtre-filters: no such file: " + missing);
    }

    @Test
    void unreadableFileIsOneLine() throws IOException {
        Path text = Files.writeString(directory.resolve("notes.png"), "hello");

        Run run = run("slide", "classic", "-i", text.toString(), "-o", directory.resolve("x.png").toString());

        assertFailure(run, 1, "filtre-filters: " + text + ": not a PNG or JPEG image");
    }

    @Test
    void unknownKernelSuggestsTheClosestNames() {
        Run run = run("apply", "-i", picture.toString(), "-o", "x.png", "-k", "sharpne");

        assertFailure(run, 2, "unknown kernel 'sharpne'; did you mean sharpen");
    }

    @Test
    void malformedMatrixSaysWhichRowAndColumn() {
        Run bad = run("apply", "-i", picture.toString(), "-o", "x.png", "-k", "0 -1 0; -1 5 x; 0 -1 0");
        Run ragged = run("apply", "-i", picture.toString(), "-o", "x.png", "-k", "0 -1 0; -1 5; 0 -1 0");

        assertFailure(bad, 2, "kernel row 2, column 3: 'x' is not a number");
        assertFailure(ragged, 2, "kernel row 2 has 2 values but row 1 has 3");
    }

    @Test
    void badSettingsAreOneLine() {
        assertFailure(run("apply", "-i", picture.toString(), "-o", "x.png", "-k", "box", "--border", "reflect"),
                2, "unknown border mode 'reflect'; use one of keep, partial, copy-adjacent");
        assertFailure(run("apply", "-i", picture.toString(), "-o", "x.png", "-k", "box",
                "--normalize", "quantiles", "--low", "0.9", "--high", "0.1"),
                1, "quantiles must satisfy 0 <= low < high <= 1");
        assertFailure(run("apply", "-i", picture.toString(), "-o", directory.resolve("x.gif").toString(), "-k", "box"),
                1, "unknown image format; use a .png, .jpg or .jpeg file name");
        assertFailure(run("apply", "-i", picture.toString(), "-o", "x.png", "-k", "gaussian:9", "--border", "crop"),
                1, "kernel does not fit in the 20x24 image");
        assertFailure(run("slide"), 2, "missing slide: classic or normalisation");
        assertFailure(run(), 2, "missing command: apply, kernels or slide");
        assertFailure(run("apply", "-i", picture.toString()), 2, "Missing required options");
    }

    private static void assertFailure(Run run, int code, String expected) {
        assertEquals(code, run.code(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line: " + run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        assertTrue(run.err().startsWith("filtre-filters: "), run.err());
    }
}
