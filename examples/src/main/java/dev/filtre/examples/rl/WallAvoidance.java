package dev.filtre.examples.rl;

import dev.filtre.dsl.Model;
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
 * {@link Reinforce} under three exploration settings (none, fixed ε, decaying ε) from the same
 * seeds, compares them, and measures the trained robot against a random one in rooms it never saw.
 * Writes {@code learning-curves.png} and {@code trained-path.png} into {@code docs/rl} (or the
 * directory given as the only argument).
 *
 * <pre>{@code mvn -q -pl examples exec:java -Dexec.mainClass=dev.filtre.examples.rl.WallAvoidance}</pre>
 */
public final class WallAvoidance {
    /** Training episode {@code i} plays room {@code TRAINING_ROOMS + i}. */
    static final long TRAINING_ROOMS = 0;

    /** Rooms from this seed on are never trained on. */
    static final long HELD_OUT_ROOMS = 1_000_000;

    static final int TRAINING_EPISODES = 2000;
    static final int EVALUATION_EPISODES = 200;
    static final long[] SEEDS = {1, 2, 3};
    static final double LEARNING_RATE = 0.003;
    static final int SMOOTHING = 100;

    /** The exploration settings compared; the last one trains the robot shown in the pictures. */
    static final List<Setting> SETTINGS = List.of(
            new Setting(Exploration.none(), new Color(200, 50, 50)),
            new Setting(Exploration.constant(0.1), new Color(40, 120, 200)),
            new Setting(Exploration.linearDecay(1.0, 0.01, TRAINING_EPISODES / 2), new Color(150, 150, 150)),
            new Setting(Exploration.linearDecay(0.3, 0.01, TRAINING_EPISODES / 2), new Color(30, 150, 70)));

    private WallAvoidance() {}

    /** An exploration setting and its colour in the charts. */
    record Setting(Exploration exploration, Color color) {}

    /** One training run: the trained model, how each training episode went, and its held-out score. */
    record Run(Setting setting, long seed, Model model, List<Outcome> outcomes, Evaluation heldOut) {}

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
        out.printf("%-45s %4s %22s %34s%n", "exploration", "seed", "last 200 training ep.",
                "held-out, greedy: steps cells hit");
        for (Setting setting : SETTINGS) {
            for (long seed : SEEDS) {
                Run run = train(environment, setting, seed);
                runs.add(run);
                List<Outcome> last = run.outcomes().subList(TRAINING_EPISODES - 200, TRAINING_EPISODES);
                out.printf(Locale.ROOT, "%-45s %4d %10.1f st %7.1f ce %20.1f %6.1f %5.1f%%%n",
                        setting.exploration().label(), seed,
                        mean(Curves.of(last, Outcome::steps)), mean(Curves.of(last, Outcome::cellsDriven)),
                        run.heldOut().meanSteps(), run.heldOut().meanCells(), 100 * run.heldOut().collisionRate());
            }
        }
        out.printf(Locale.ROOT, "(%d runs in %.0f s)%n%n", runs.size(), (System.nanoTime() - started) / 1e9);

        Figures.writePng(learningCurves(runs), directory.resolve("learning-curves.png"));

        Run agent = runs.stream()
                .filter(run -> run.setting() == SETTINGS.get(SETTINGS.size() - 1) && run.seed() == SEEDS[0])
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

    /** Trains a fresh network from {@code seed} with one exploration setting, then scores it on held-out rooms. */
    static Run train(RobotEnvironment environment, Setting setting, long seed) {
        Model model = new WallAvoiderModel();
        model.initialize(seed);
        Reinforce reinforce = new Reinforce(model, environment, Reinforce.Settings.DEFAULT,
                Adam.withLearningRate(LEARNING_RATE), setting.exploration(), seed);
        List<Outcome> outcomes = reinforce.train(TRAINING_EPISODES, TRAINING_ROOMS);
        Evaluation heldOut = Evaluation.of(environment, Policy.greedy(model), HELD_OUT_ROOMS, EVALUATION_EPISODES);
        return new Run(setting, seed, model, outcomes, heldOut);
    }

    /** Two charts: cells driven and steps survived per training episode, mean of the seeds, smoothed. */
    static BufferedImage learningCurves(List<Run> runs) {
        List<LineChart.Series> cells = new ArrayList<>();
        List<LineChart.Series> steps = new ArrayList<>();
        double[] episodes = Curves.episodeNumbers(TRAINING_EPISODES);
        for (Setting setting : SETTINGS) {
            List<double[]> cellRuns = new ArrayList<>();
            List<double[]> stepRuns = new ArrayList<>();
            for (Run run : runs) {
                if (run.setting() == setting) {
                    cellRuns.add(Curves.of(run.outcomes(), Outcome::cellsDriven));
                    stepRuns.add(Curves.of(run.outcomes(), Outcome::steps));
                }
            }
            String label = setting.exploration().label();
            cells.add(new LineChart.Series(label, setting.color(), episodes,
                    Curves.movingAverage(Curves.mean(cellRuns), SMOOTHING)));
            steps.add(new LineChart.Series(label, setting.color(), episodes,
                    Curves.movingAverage(Curves.mean(stepRuns), SMOOTHING)));
        }
        String seeds = SEEDS.length + " seeds";
        return Figures.sideBySide(List.of(
                new LineChart("Cells driven before hitting a wall (reward)", "training episode",
                        "cells driven, mean of " + seeds + ", last " + SMOOTHING + " episodes", cells),
                new LineChart("Steps survived (limit " + Rules.DEFAULT.maxSteps() + ")", "training episode",
                        "steps, mean of " + seeds + ", last " + SMOOTHING + " episodes", steps)),
                640, 460);
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
        out.printf(Locale.ROOT, "  %-60s %6.1f steps, %6.1f cells driven, return %6.2f, %5.1f%% hit a wall%n",
                who, evaluation.meanSteps(), evaluation.meanCells(), evaluation.meanReturn(),
                100 * evaluation.collisionRate());
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
