package dev.filtre.examples.fashion;

import dev.filtre.runtime.image.Image;
import dev.filtre.runtime.image.ImageFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The lecture's "Demo time": names the garment in a photo with the FashionNet weights the demo
 * saved. Any size, gray or colour, PNG or JPEG; the photo is made to look like a Fashion-MNIST
 * image first (gray, light item on black, 28x28).
 *
 * <pre>
 * bin/demo predict boot.jpg
 * boot.jpg:
 *   Ankle boot    97.3%
 *   Sneaker        2.1%
 *   Sandal         0.4%
 * </pre>
 */
@Command(
        name = "predict",
        sortOptions = false,
        description = "Prints the 3 most probable Fashion-MNIST classes of a picture, by a trained FashionNet.")
public final class Predict implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    @Parameters(paramLabel = "IMAGE", description = "a PNG or JPEG picture of one garment")
    Path image;

    @Option(names = "--weights", paramLabel = "FILE",
            description = "FashionNet's weights, as the demo saved them; default: ${DEFAULT-VALUE}")
    Path weights = Path.of("target", "fashion", "fashionnet.safetensors");

    @Option(names = "--top", paramLabel = "N", description = "how many classes to print; default: ${DEFAULT-VALUE}")
    int top = 3;

    @Option(names = "--save-input", paramLabel = "PNG",
            description = "also write the 28x28 image the network sees, to check the preparation")
    Path savedInput;

    private final PrintStream out;

    Predict(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(DemoCommandLine.of(new Predict(System.out)).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        Image picture = ImageFiles.read(image);
        FashionClassifier classifier = FashionClassifier.load(weights);
        if (savedInput != null) {
            ImageFiles.write(FashionMnistInput.prepare(picture), savedInput);
        }
        out.println(image + ":");
        for (FashionClassifier.Guess guess : classifier.classify(picture, top)) {
            out.printf("  %-12s %5.1f%%%n", guess.name(), 100 * guess.probability());
        }
        return 0;
    }
}
