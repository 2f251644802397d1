package dev.filtre.examples.fashion;

import dev.filtre.dsl.Model;
import dev.filtre.runtime.data.DataSet;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The Fashion-MNIST demo: trains FashionNet (or, for the lecture's comparison, the multi-layer
 * perceptron) on Zalando's 60,000 training images, a seeded tenth of them held out for validation,
 * prints each epoch's loss and accuracy, then the accuracy on the 10,000 test images, and saves the
 * weights, the confusion matrix and the learned filters in the output directory.
 *
 * <pre>
 * bin/demo                          # FashionNet, 5 epochs
 * bin/demo --model perceptron       # the perceptron
 * bin/demo --epochs 1 --train-limit 6000 --threads 2
 * </pre>
 */
@Command(
        name = "fashion-mnist",
        sortOptions = false,
        description = "Trains a network on Fashion-MNIST, reports its test accuracy, and saves its weights,"
                + " its confusion matrix and its learned filters.")
public final class FashionMnist implements Callable<Integer> {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    private static final TrainingSettings DEFAULTS = TrainingSettings.defaults();

    @Option(names = "--model", paramLabel = "NETWORK",
            description = "fashionnet (convolutional) or perceptron (fully connected); default: ${DEFAULT-VALUE}")
    DemoNetwork network = DemoNetwork.FASHIONNET;

    @Option(names = "--epochs", paramLabel = "N", description = "passes over the training images; default: ${DEFAULT-VALUE}")
    int epochs = DEFAULTS.epochs();

    @Option(names = "--batch-size", paramLabel = "N", description = "images per optimizer step; default: ${DEFAULT-VALUE}")
    int batchSize = DEFAULTS.batchSize();

    @Option(names = "--optimizer", paramLabel = "OPTIMIZER",
            description = "sgd (with --momentum and --weight-decay) or adam; default: ${DEFAULT-VALUE}")
    OptimizerChoice optimizer = DEFAULTS.optimizer();

    @Option(names = {"--learning-rate", "--lr"}, paramLabel = "RATE", description = "the optimizer's base rate; default: ${DEFAULT-VALUE}")
    double learningRate = DEFAULTS.learningRate();

    @Option(names = "--momentum", paramLabel = "MU", description = "SGD momentum; default: ${DEFAULT-VALUE}")
    double momentum = DEFAULTS.momentum();

    @Option(names = "--weight-decay", paramLabel = "LAMBDA", description = "L2 weight decay on the weights; default: ${DEFAULT-VALUE}")
    double weightDecay = DEFAULTS.weightDecay();

    @Option(names = "--schedule", paramLabel = "SCHEDULE",
            description = "cosine, step (rate / 10 every 2 epochs), constant or one_cycle; default: ${DEFAULT-VALUE}")
    Schedule schedule = DEFAULTS.schedule();

    @Option(names = "--seed", paramLabel = "N", description = "seeds the weights, the split, the shuffles and dropout; default: ${DEFAULT-VALUE}")
    long seed = DEFAULTS.seed();

    @Option(names = "--threads", paramLabel = "N", description = "threads sharing each batch; default: the processors, ${DEFAULT-VALUE}")
    int threads = DEFAULTS.threads();

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "share of the training images held out for validation; default: ${DEFAULT-VALUE}")
    double validationFraction = 0.1;

    @Option(names = "--train-limit", paramLabel = "N",
            description = "train on the first N training images only, for a quick run; default: all")
    Integer trainLimit;

    @Option(names = "--data", paramLabel = "DIR", description = "the Fashion-MNIST files; default: ${DEFAULT-VALUE}")
    Path dataDirectory = dev.filtre.runtime.data.FashionMnist.DEFAULT_DIRECTORY;

    @Option(names = {"--output", "-o"}, paramLabel = "DIR", description = "where to write; default: ${DEFAULT-VALUE}")
    Path outputDirectory = Path.of("target", "fashion");

    @Option(names = "--weights", paramLabel = "FILE",
            description = "the weight file to write; default: <output>/<model>.safetensors")
    Path weights;

    @Spec CommandSpec spec;

    private final PrintStream out;

    FashionMnist(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        System.exit(DemoCommandLine.of(new FashionMnist(System.out)).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        if (trainLimit != null && trainLimit <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--train-limit must be positive, was " + trainLimit);
        }
        long start = System.nanoTime();
        TrainingSettings settings = new TrainingSettings(
                epochs, batchSize, optimizer, learningRate, momentum, weightDecay, schedule, seed, threads);
        out.println("Loading Fashion-MNIST from " + dataDirectory);
        dev.filtre.runtime.data.FashionMnist fashion = dev.filtre.runtime.data.FashionMnist.load(dataDirectory);
        DataSet.Split split = fashion.train().split(validationFraction, seed);
        DataSet train = trainLimit == null ? split.train() : split.train().first(trainLimit);
        out.printf("%,d training images, %,d held out for validation, %,d test images%n",
                train.size(), split.validation().size(), fashion.test().size());
        Model model = network.newModel();
        new FashionDemo(out, PeriodicProgress.forConsole(out))
                .run(model, network.fileStem(), train, split.validation(), fashion.test(), settings, outputDirectory,
                        weights);
        out.println("wall time: " + FashionDemo.minutesAndSeconds(Duration.ofNanos(System.nanoTime() - start))
                + " (loading, training, testing, writing)");
        return 0;
    }
}
