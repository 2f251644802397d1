package dev.filtre.examples.fashion;

import dev.filtre.runtime.data.DataSet;
import dev.filtre.runtime.data.FashionMnist;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A small stand-in for Fashion-MNIST that any network learns in one epoch: 28x28 images of noise
 * in which class {@code k} has a bright 6x6 square at its own place (10 places on a 3x4 grid).
 */
final class SyntheticGarments {
    static final int SIDE = 28;
    private static final int SQUARE = 6;

    private SyntheticGarments() {}

    /** {@code count} images, labels cycling through the 10 classes, pixels in [0, 1], seeded. */
    static DataSet of(int count, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * SIDE * SIDE];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            int label = i % FashionMnist.CLASS_NAMES.size();
            labels[i] = label;
            int top = 2 + 8 * (label / 4);
            int left = 1 + 7 * (label % 4);
            for (int row = 0; row < SIDE; row++) {
                for (int column = 0; column < SIDE; column++) {
                    boolean inSquare = row >= top && row < top + SQUARE && column >= left && column < left + SQUARE;
                    float noise = 0.25f * random.nextFloat();
                    pixels[(i * SIDE + row) * SIDE + column] = inSquare ? 1 - noise : noise;
                }
            }
        }
        return DataSet.ofLabels(pixels, FashionMnist.IMAGE_SHAPE, labels, FashionMnist.CLASS_NAMES);
    }

    /**
     * Writes {@code train} and {@code test} as the four gzip-compressed IDX files of Fashion-MNIST,
     * pixels back to 0..255, so the demo's command line can load them from {@code directory}.
     */
    static void writeIdx(Path directory, DataSet train, DataSet test) throws IOException {
        Files.createDirectories(directory);
        writeImages(directory.resolve("train-images-idx3-ubyte.gz"), train);
        writeLabels(directory.resolve("train-labels-idx1-ubyte.gz"), train);
        writeImages(directory.resolve("t10k-images-idx3-ubyte.gz"), test);
        writeLabels(directory.resolve("t10k-labels-idx1-ubyte.gz"), test);
    }

    private static void writeImages(Path file, DataSet data) throws IOException {
        try (DataOutputStream out = gzip(file)) {
            out.writeInt(0x00000803);
            out.writeInt(data.size());
            out.writeInt(SIDE);
            out.writeInt(SIDE);
            for (float pixel : data.inputs()) {
                out.writeByte(Math.round(pixel * 255));
            }
        }
    }

    private static void writeLabels(Path file, DataSet data) throws IOException {
        try (DataOutputStream out = gzip(file)) {
            out.writeInt(0x00000801);
            out.writeInt(data.size());
            for (int label : data.labels()) {
                out.writeByte(label);
            }
        }
    }

    private static DataOutputStream gzip(Path file) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        return new DataOutputStream(new GZIPOutputStream(raw));
    }
}
