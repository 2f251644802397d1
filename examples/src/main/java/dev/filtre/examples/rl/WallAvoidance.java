package dev.filtre.examples.rl;

import dev.filtre.dsl.Model;
import dev.filtre.runtime.train.Adam;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The lecture's robot that learns to avoid the walls of a room: trains {@link WallAvoider} by
 * {@link Reinforce} under the five exploration settings of {@code SETTINGS} (none, policy sampling
 * only, fixed ε, and ε decaying from 0.5 or from 1) from the same seeds, compares them, and measures
 * the trained robot against a random one in rooms it never saw.
 * Writes {@code learning-curves.png} and {@code trained-path.png} into {@code docs/rl} (or the
 * directory given as the only argument).
 *
 * <pre>{@code mvn -q -pl examples exec:java -Dexec.mainClass=dev.filtre.examples.rl.WallAvoidance}</pre>
 */
public final class WallAvoidance {
    /** Training episode {@code i} plays room {@code TRAINING_ROOMS + i}. */
    static final long TRAINING_ROOMS = 0;

    /** The greedy robot is scored during training in rooms {@code VALIDATION_ROOMS, ...}. */
    static final long VALIDATION_ROOMS = 500_000;

    /** Rooms from this seed on are never trained on nor used to choose anything: the final test. */
    static final long HELD_OUT_ROOMS = 1_000_000;

    static final int TRAINING_EPISODES = 1500;
    static final int VALIDATION_EVERY = 100;
    static final int VALIDATION_EPISODES = 50;
    static final int EVALUATION_EPISODES = 200;
    static final long[] SEEDS = {1, 2, 3};
    static final double LEARNING_RATE = 0.001;
    static final int SMOOTHING = 100;

    /** The decaying schedule, which trains the robot shown in the pictures (with the first seed). */
    static final Setting DECAYING = new Setting(
            Exploration.linearDecay(0.5, 0.0, TRAINING_EPISODES / 2), new Color(30, 150, 70));

    /** The exploration settings compared, all from the same seeds. */
    static final List<Setting> SETTINGS = List.of(
            new Setting(Exploration.none(), new Color(200, 50, 50)),
            new Setting(Exploration.constant(0), new Color(150, 150, 150)),
            new Setting(Exploration.constant(0.1), new Color(40, 120, 200)),
            DECAYING,
            new Setting(Exploration.linearDecay(1.0, 0.0, TRAINING_EPISODES / 2), new Color(150, 90, 200)));

    private WallAvoidance() {}

    /** An exploration setting and its colour in the charts. */
    record Setting(Exploration exploration, Color color) {}

    /**
     * One training run: the trained model, how each training episode went, the greedy robot's mean
     * steps in the validation rooms every {@link #VALIDATION_EVERY} episodes, and its held-out score.
     */
    record Run(Setting setting, long seed, Model model, List<Outcome> outcomes, double[] validation,
            Evaluation heldOut) {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        Path directory = args.length > 0 ? Path.of(args[0]) : defaultDirectory();
        RobotEnvironment environment = new RobotEnvironment();
        out.println(new WallAvoiderModel().summary());
        out.printf(Locale.ROOT, "%nRooms %dx%d, %d obstacles; %s; REINFORCE %s, Adam lr %s%n",
                RoomGenerator.DEFAULT.width(), RoomGenerator.DEFAULT.height(), RoomGenerator.DEFAULT.obstacles(),
                Rules.DEFAULT, Reinforce.Settings.DEFAULT, LEARNING_RATE);
        out.printf(Locale.ROOT, "Training: %d episodes per run in rooms %d.., held-out rooms %d.. (%d episodes)%n%n",
                TRAINING_EPISODES, TRAINING_ROOMS, HELD_OUT_ROOMS, EVALUATION_EPISODES);

        long started = System.nanoTime();
        List<Run> runs = new ArrayList<>();
        out.printf("%-42s %4s %22s %40s%n", "exploration", "seed", "last 200 training ep.",
                "held-out, greedy: steps cells hit stall");
        for (Setting setting : SETTINGS) {
            for (long seed : SEEDS) {
                Run run = train(environment, setting, seed);
                runs.add(run);
                List<Outcome> last = run.outcomes().subList(TRAINING_EPISODES - 200, TRAINING_EPISODES);
                out.printf(Locale.ROOT, "%-42s %4d %10.1f st %7.1f ce %20.1f %6.1f %5.1f%% %5.1f%%%n",
                        setting.exploration().label(), seed,
                        mean(Curves.of(last, Outcome::steps)), mean(Curves.of(last, Outcome::cellsDriven)),
                        run.heldOut().meanSteps(), run.heldOut().meanCells(), 100 * run.heldOut().collisionRate(),
                        100 * run.heldOut().stallRate());
            }
        }
        out.printf(Locale.ROOT, "(%d runs in %.0f s)%n%n", runs.size(), (System.nanoTime() - started) / 1e9);

        Figures.writePng(learningCurves(runs), directory.resolve("learning-curves.png"));

        Run agent = runs.stream()
                .filter(run -> run.setting() == DECAYING && run.seed() == SEEDS[0])
                .findFirst()
                .orElseThrow();
        Evaluation random = Evaluation.of(environment, Policy.uniform(new SplittableRandom(SEEDS[0])),
                HELD_OUT_ROOMS, EVALUATION_EPISODES);
        out.printf(Locale.ROOT, "In %d held-out rooms (seeds %d to %d), one episode each:%n", EVALUATION_EPISODES,
                HELD_OUT_ROOMS, HELD_OUT_ROOMS + EVALUATION_EPISODES - 1);
        printEvaluation(out, "random robot (seed " + SEEDS[0] + ")", random);
        printEvaluation(out, "trained robot (" + agent.setting().exploration().label() + ", seed " + agent.seed() + ")",
                agent.heldOut());

        Figures.writePng(pathPictures(environment, agent.model()), directory.resolve("trained-path.png"));
        out.println("\nWrote " + directory.resolve("learning-curves.png") + " and " + directory.resolve("trained-path.png"));
    }

    /**
     * Trains a fresh network from {@code seed} with one exploration setting, scoring the greedy robot
     * in the validation rooms along the way, then in the held-out rooms.
     */
    static Run train(RobotEnvironment environment, Setting setting, long seed) {
        Model model = new WallAvoiderModel();
        model.initialize(seed);
        Reinforce reinforce = new Reinforce(model, environment, Reinforce.Settings.DEFAULT,
                Adam.withLearningRate(LEARNING_RATE), setting.exploration(), seed);
        List<Outcome> outcomes = new ArrayList<>();
        double[] validation = new double[TRAINING_EPISODES / VALIDATION_EVERY + 1];
        for (int checkpoint = 0; ; checkpoint++) {
            validation[checkpoint] =
                    Evaluation.of(environment, Policy.greedy(model), VALIDATION_ROOMS, VALIDATION_EPISODES).meanSteps();
            if (outcomes.size() == TRAINING_EPISODES) {
                break;
            }
            outcomes.addAll(reinforce.train(VALIDATION_EVERY, TRAINING_ROOMS + outcomes.size()));
        }
        Evaluation heldOut = Evaluation.of(environment, Policy.greedy(model), HELD_OUT_ROOMS, EVALUATION_EPISODES);
        return new Run(setting, seed, model, outcomes, validation, heldOut);
    }

    /**
     * Two charts, one line per setting, mean of the seeds: the greedy robot's steps in the validation
     * rooms as training goes on, and the steps of the training episodes themselves (exploring as set).
     */
    static BufferedImage learningCurves(List<Run> runs) {
        List<LineChart.Series> greedy = new ArrayList<>();
        List<LineChart.Series> training = new ArrayList<>();
        double[] checkpoints = new double[TRAINING_EPISODES / VALIDATION_EVERY + 1];
        for (int i = 0; i < checkpoints.length; i++) {
            checkpoints[i] = i * VALIDATION_EVERY;
        }
        for (Setting setting : SETTINGS) {
            List<double[]> validationRuns = new ArrayList<>();
            List<double[]> trainingRuns = new ArrayList<>();
            for (Run run : runs) {
                if (run.setting() == setting) {
                    validationRuns.add(run.validation());
                    trainingRuns.add(Curves.of(run.outcomes(), Outcome::steps));
                }
            }
            String label = setting.exploration().label();
            greedy.add(new LineChart.Series(label, setting.color(), checkpoints, Curves.mean(validationRuns)));
            training.add(new LineChart.Series(label, setting.color(), Curves.episodeNumbers(TRAINING_EPISODES),
                    Curves.movingAverage(Curves.mean(trainingRuns), SMOOTHING)));
        }
        String seeds = "mean of " + SEEDS.length + " seeds";
        return Figures.sideBySide(List.of(
                new LineChart("Greedy robot in " + VALIDATION_EPISODES + " validation rooms", "training episodes",
                        "steps before an accident (limit " + Rules.DEFAULT.maxSteps() + "), " + seeds, greedy),
                new LineChart("Training episodes, exploring as set", "training episode",
                        "steps, " + seeds + ", last " + SMOOTHING + " episodes", training)),
                640, 480);
    }

    /** The first held-out room, played by a random robot and by the trained one, side by side. */
    static BufferedImage pathPictures(RobotEnvironment environment, Model model) {
        int cell = 32;
        List<Pose> randomPath = new ArrayList<>();
        Outcome random = Episodes.play(environment, HELD_OUT_ROOMS, Policy.uniform(new SplittableRandom(SEEDS[0])),
                randomPath);
        Room room = environment.layout().room();
        BufferedImage left = PathPicture.draw(room, randomPath, random.collided(), cell, String.format(Locale.ROOT,
                "Random robot: %d steps, %d cells%s", random.steps(), random.cellsDriven(),
                random.collided() ? ", hit a wall" : ""));
        List<Pose> trainedPath = new ArrayList<>();
        Outcome trained = Episodes.play(environment, HELD_OUT_ROOMS, Policy.greedy(model), trainedPath);
        BufferedImage right = PathPicture.draw(room, trainedPath, trained.collided(), cell, String.format(Locale.ROOT,
                "Trained robot: %d steps, %d cells%s", trained.steps(), trained.cellsDriven(),
                trained.collided() ? ", hit a wall" : ", no wall touched"));
        int gap = 16;
        BufferedImage both = new BufferedImage(left.getWidth() + gap + right.getWidth(), left.getHeight(),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = both.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, both.getWidth(), both.getHeight());
            graphics.drawImage(left, 0, 0, null);
            graphics.drawImage(right, left.getWidth() + gap, 0, null);
        } finally {
            graphics.dispose();
        }
        return both;
    }

    private static void printEvaluation(PrintStream out, String who, Evaluation evaluation) {
        out.printf(Locale.ROOT,
                "  %-62s %6.1f steps, %6.1f cells driven, return %6.2f, %5.1f%% hit a wall, %5.1f%% stalled%n",
                who, evaluation.meanSteps(), evaluation.meanCells(), evaluation.meanReturn(),
                100 * evaluation.collisionRate(), 100 * evaluation.stallRate());
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }

    /** {@code docs/rl} of the repository, from its root or from the examples module. */
    private static Path defaultDirectory() {
        Path here = Path.of("").toAbsolutePath();
        Path root = Files.exists(here.resolve("examples").resolve("pom.xml")) ? here
                : Files.exists(here.getParent().resolve("examples").resolve("pom.xml")) ? here.getParent() : here;
        return root.resolve("docs").resolve("rl");
    }
}
