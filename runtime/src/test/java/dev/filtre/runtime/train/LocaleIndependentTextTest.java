package dev.filtre.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The figures training prints use a '.' decimal point whatever the JVM's default locale: run here
 * under French defaults, where {@code String.format("%.4f", x)} would write a comma.
 */
class LocaleIndependentTextTest {
    private Locale savedDefault;
    private Locale savedFormat;
    private Locale savedDisplay;

    @BeforeEach
    void useFrenchDefaults() {
        savedDefault = Locale.getDefault();
        savedFormat = Locale.getDefault(Locale.Category.FORMAT);
        savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
        Locale.setDefault(Locale.FRANCE);
    }

    @AfterEach
    void restoreDefaults() {
        Locale.setDefault(savedDefault);
        Locale.setDefault(Locale.Category.FORMAT, savedFormat);
        Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
    }

    private static EpochResult epochTwo() {
        return new EpochResult(2, 0.41234, 0.851, 0.39871, 0.857, 0.01, Duration.ofMillis(12_300));
    }

    @Test
    void epochResult() {
        assertEquals("epoch 2: loss 0.4123, accuracy 85.10% | validation loss 0.3987, accuracy 85.70% | 12.3 s",
                epochTwo().toString());
        assertEquals("epoch 3: loss 1.5000 | 0.5 s",
                new EpochResult(3, 1.5, Double.NaN, Double.NaN, Double.NaN, 0.1, Duration.ofMillis(500)).toString());
    }

    @Test
    void history() {
        History history = new History(List.of(
                new EpochResult(1, 0.75, 0.5, Double.NaN, Double.NaN, 0.01, Duration.ofMillis(1_250)), epochTwo()));

        assertEquals("epoch 1: loss 0.7500, accuracy 50.00% | 1.3 s\n"
                + "epoch 2: loss 0.4123, accuracy 85.10% | validation loss 0.3987, accuracy 85.70% | 12.3 s\n",
                history.toString());
    }

    @Test
    void evaluation() {
        assertEquals("loss 0.2500, accuracy 90.13% on 100 samples",
                new Evaluation(0.25, 0.90125, null, 100).toString());
        assertEquals("loss 0.0031 on 7 samples", new Evaluation(0.003125, Double.NaN, null, 7).toString());
    }

    @Test
    void confusionMatrixTable() {
        ConfusionMatrix matrix = new ConfusionMatrix(List.of("cat", "dog", "bird"));
        matrix.add(0, 0);
        matrix.add(0, 1);
        matrix.add(0, 0);
        matrix.add(1, 1);
        matrix.add(2, 2);
        matrix.add(2, 0);
        matrix.add(2, 1);
        String end = System.lineSeparator();

        assertEquals("true \\ predicted    0    1    2  recall\n"
                + "cat                 2    1    0   66.7%" + end
                + "dog                 0    1    0  100.0%" + end
                + "bird                1    1    1   33.3%" + end, matrix.toString());
    }

    @Test
    void progressBarAndEpochLine() {
        assertEquals("Epoch 2/5 [=========>                    ] 19200/60000 loss 0.5210 acc 81.3% 2400 img/s ETA 0:17",
                ConsoleProgress.bar(2, 5, 19200, 60000, 0.521, 0.8125, 8.0));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
        progress.epochStarted(2, 5, 100);
        progress.batchFinished(2, 5, 100, 100, 0.5, 0.75);
        progress.epochFinished(epochTwo(), 5);

        assertEquals("Epoch 2/5  loss 0.4123, accuracy 85.10% | validation loss 0.3987, accuracy 85.70% | 12.3 s"
                + System.lineSeparator(), bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void progressBarOnATerminal() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleProgress progress = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true);
        progress.epochStarted(1, 1, 10);
        progress.batchFinished(1, 1, 10, 10, 0.123456, 0.25);

        String drawn = bytes.toString(StandardCharsets.UTF_8);
        // The rate and time left depend on the clock; the figures before them do not.
        String expected = "\rEpoch 1/1 [==============================] 10/10 loss 0.1235 acc 25.0% ";
        assertEquals(expected, drawn.substring(0, Math.min(drawn.length(), expected.length())), drawn);
    }

    @Test
    void gradientCheckReport() {
        GradientCheck.Report report = new GradientCheck.Report(12, "w[3]", 0.00123456, 0.00123457, 8.1e-6, 1e-4);

        assertEquals("passed: 12 values checked, worst w[3]: analytic 0.00123456, numeric 0.00123457,"
                + " relative error 8.10e-06 (tolerance 0.000100)", report.toString());
    }
}
