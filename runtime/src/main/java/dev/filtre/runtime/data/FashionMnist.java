package dev.filtre.runtime.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Zalando's Fashion-MNIST: 28x28 grayscale images of clothing in 10 classes, 60,000 for training
 * and 10,000 for testing, read from the four IDX files (gzip-compressed or not) of a directory,
 * by default {@value #DEFAULT_DIRECTORY_NAME} where Debian's {@code dataset-fashion-mnist} package
 * puts them.
 *
 * <p>Inputs have shape {@code {1, 28, 28}} and pixel values scaled from 0..255 to {@code [0, 1]}
 * ({@code value / 255f}); labels are the class indices of {@link #CLASS_NAMES}.
 *
 * <pre>{@code
 * FashionMnist fashion = FashionMnist.load();
 * DataSet.Split split = fashion.train().split(0.1, 42);
 * }</pre>
 *
 * @param train the 60,000 training images
 * @param test the 10,000 test images
 */
public record FashionMnist(DataSet train, DataSet test) {
    /** Where Debian's {@code dataset-fashion-mnist} package installs the files. */
    public static final String DEFAULT_DIRECTORY_NAME = "/usr/share/datasets/fashion-mnist";

    /** {@link #DEFAULT_DIRECTORY_NAME} as a path. */
    public static final Path DEFAULT_DIRECTORY = Path.of(DEFAULT_DIRECTORY_NAME);

    /** The names of the 10 classes, by label. */
    public static final List<String> CLASS_NAMES = List.of(
            "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    /** The shape of one image: 1 channel, 28 rows, 28 columns. */
    public static final int[] IMAGE_SHAPE = {1, 28, 28};

    /** Loads the data set from {@link #DEFAULT_DIRECTORY}. */
    public static FashionMnist load() throws IOException {
        return load(DEFAULT_DIRECTORY);
    }

    /**
     * Loads the data set from {@code directory}, which holds {@code train-images-idx3-ubyte},
     * {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte} and {@code
     * t10k-labels-idx1-ubyte}, each optionally with {@code .gz}.
     *
     * @throws DataSetNotFoundException when the directory or a file is missing, saying how to
     *     install the data set
     * @throws IdxFormatException when a file is damaged
     */
    public static FashionMnist load(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new DataSetNotFoundException("Fashion-MNIST not found: no directory " + directory
                    + ". On Debian or Ubuntu, run `sudo apt-get install dataset-fashion-mnist` (it installs to "
                    + DEFAULT_DIRECTORY_NAME + "), or pass the directory holding train-images-idx3-ubyte.gz and the"
                    + " three other IDX files.");
        }
        return new FashionMnist(
                read(directory, "train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
                read(directory, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"));
    }

    private static DataSet read(Path directory, String imagesName, String labelsName) throws IOException {
        Path imagesFile = find(directory, imagesName);
        Path labelsFile = find(directory, labelsName);
        IdxArray images = Idx.read(imagesFile, 3, "images");
        IdxArray labels = Idx.read(labelsFile, 1, "labels");
        int[] dimensions = images.dimensions();
        if (dimensions[1] != IMAGE_SHAPE[1] || dimensions[2] != IMAGE_SHAPE[2]) {
            throw new IdxFormatException(imagesFile, "images are " + dimensions[1] + "x" + dimensions[2]
                    + ", Fashion-MNIST's are 28x28");
        }
        if (images.count() != labels.count()) {
            throw new IdxFormatException(labelsFile, labels.count() + " labels for the " + images.count()
                    + " images of " + imagesFile.getFileName());
        }
        float[] pixels = new float[images.data().length];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = images.unsigned(i) / 255f;
        }
        int[] classes = new int[labels.count()];
        for (int i = 0; i < classes.length; i++) {
            classes[i] = labels.unsigned(i);
            if (classes[i] >= CLASS_NAMES.size()) {
                throw new IdxFormatException(labelsFile, "label " + classes[i] + " of item " + i + " at offset "
                        + (8 + i) + " is not a class (0 to 9)");
            }
        }
        return DataSet.ofLabels(pixels, IMAGE_SHAPE, classes, CLASS_NAMES);
    }

    private static Path find(Path directory, String name) throws DataSetNotFoundException {
        for (String candidate : List.of(name + ".gz", name)) {
            Path file = directory.resolve(candidate);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new DataSetNotFoundException("Fashion-MNIST: neither " + name + ".gz nor " + name + " in " + directory
                + ". Run `sudo apt-get install dataset-fashion-mnist` for the complete data set in "
                + DEFAULT_DIRECTORY_NAME + ".");
    }
}
