package dev.filtre.examples.rl;

import dev.filtre.dsl.Model;
import dev.filtre.runtime.train.Optimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Trains a policy network by REINFORCE (Williams, 1992) with discounted returns and a baseline.
 *
 * <p>Why a policy gradient rather than Q-learning: the robot's reward is sparse and delayed, and
 * REINFORCE handles that in the most direct way the lecture describes. It plays whole episodes, then
 * walks each one back from its end ({@link Returns}, "retourner dans le passé") so that every action
 * is credited with the reward and regret that followed it, and makes the actions that did better
 * than the batch's average more likely ({@link PolicyGradient}). It needs one forward and one
 * backward pass per step played, no replay memory, no target network and no regression loss, which
 * keeps each of the demo's training runs to a few seconds on one core. Q-learning reuses every step
 * many times from its replay memory, but costs a minibatch of passes for each step played and needs a
 * second network to bootstrap from.
 *
 * <p>Each batch of {@link Settings#episodesPerUpdate()} episodes is played by the behaviour of an
 * {@link Exploration}: with probability ε a uniformly drawn action, otherwise an action drawn from
 * the policy (or, for {@link Exploration#none()}, its most probable action). Then, for every step,
 * the gradient {@code w A (p - onehot(a)) / N} of the loss {@code -A log p[a]} is back-propagated
 * from the logits into {@link Model#gradients()}, and the optimizer moves
 * {@link Model#parameters()}. The weight {@code w} is {@link Exploration#policyShare}: with it,
 * the update is the exact policy gradient of the behaviour actually played (the ε-mixture of the
 * policy and the uniform choice), so exploring does not bias what is learned. The greedy behaviour
 * has no gradient of its own; it gets the policy's ({@code w = 1}), which is what a robot that only
 * exploits can learn: it only ever hears about the one action it plays.
 *
 * <p>Everything random comes from the seed given here, the model's initialization and the room
 * seeds: the same seeds give the same parameters, bit for bit.
 */
public final class Reinforce {
    /**
     * The hyperparameters.
     *
     * @param gamma the discount of later rewards, in [0, 1]
     * @param episodesPerUpdate the episodes played before each update of the parameters
     */
    public record Settings(double gamma, int episodesPerUpdate) {
        /** The demo's settings. */
        public static final Settings DEFAULT = new Settings(0.97, 10);

        public Settings {
            if (!(gamma >= 0 && gamma <= 1)) {
                throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
            }
            if (episodesPerUpdate <= 0) {
                throw new IllegalArgumentException("episodesPerUpdate must be positive, got " + episodesPerUpdate);
            }
        }
    }

    private final Model model;
    private final RobotEnvironment environment;
    private final Settings settings;
    private final Exploration exploration;
    private final SplittableRandom random;
    private final Optimizer optimizer;
    private final float[] logitGradient;
    private int episodesPlayed;

    /**
     * A trainer of {@code model}, which must already be initialized, output one probability per
     * {@link Action} and end with softmax.
     */
    public Reinforce(
            Model model,
            RobotEnvironment environment,
            Settings settings,
            Optimizer optimizer,
            Exploration exploration,
            long seed) {
        this.model = Objects.requireNonNull(model, "model");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.optimizer = Objects.requireNonNull(optimizer, "optimizer");
        this.exploration = Objects.requireNonNull(exploration, "exploration");
        if (model.outputSize() != Action.COUNT || !model.endsWithSoftmax()) {
            throw new IllegalArgumentException("the policy " + model.name() + " must end with a softmax over "
                    + Action.COUNT + " actions; it has " + model.outputSize() + " outputs"
                    + (model.endsWithSoftmax() ? "" : " and no softmax"));
        }
        if (model.inputSize() != LocalView.VALUES) {
            throw new IllegalArgumentException("the policy " + model.name() + " reads " + model.inputSize()
                    + " values; the robot's view has " + LocalView.VALUES);
        }
        this.random = new SplittableRandom(seed);
        this.logitGradient = new float[Action.COUNT];
    }

    /**
     * Plays and learns from {@code episodes} more episodes, in rooms {@code firstRoomSeed},
     * {@code firstRoomSeed + 1}, ..., updating the parameters after every
     * {@link Settings#episodesPerUpdate()} of them (and after the last).
     *
     * @return how each episode went, in order
     */
    public List<Outcome> train(int episodes, long firstRoomSeed) {
        List<Outcome> outcomes = new ArrayList<>(episodes);
        List<Trajectory> batch = new ArrayList<>();
        for (int i = 0; i < episodes; i++) {
            double epsilon = exploration.epsilon(episodesPlayed);
            Policy behaviour = observation -> exploration.choose(model.forward(observation, 0), epsilon, random);
            Trajectory trajectory = new Trajectory(epsilon);
            outcomes.add(Episodes.play(environment, firstRoomSeed + i, behaviour, trajectory, null));
            episodesPlayed++;
            batch.add(trajectory);
            if (batch.size() == settings.episodesPerUpdate() || i == episodes - 1) {
                update(batch);
                batch.clear();
            }
        }
        return outcomes;
    }

    /** The number of episodes played so far. */
    public int episodesPlayed() {
        return episodesPlayed;
    }

    private void update(List<Trajectory> batch) {
        int steps = 0;
        for (Trajectory trajectory : batch) {
            steps += trajectory.length();
        }
        double[] returns = new double[steps];
        int at = 0;
        for (Trajectory trajectory : batch) {
            double[] episodeReturns = Returns.discounted(trajectory.rewards(), settings.gamma());
            System.arraycopy(episodeReturns, 0, returns, at, episodeReturns.length);
            at += episodeReturns.length;
        }
        double[] advantages = Advantages.standardized(returns);
        model.zeroGradients();
        at = 0;
        for (Trajectory trajectory : batch) {
            for (int t = 0; t < trajectory.length(); t++, at++) {
                float[] probabilities = model.forward(trajectory.observations(), t * LocalView.VALUES);
                int action = trajectory.action(t);
                double share = Exploration.policyShare(probabilities, action, trajectory.epsilon());
                PolicyGradient.logitGradient(probabilities, action, advantages[at], share / steps, logitGradient);
                model.backwardFromLogits(logitGradient, 0);
            }
        }
        optimizer.step(model);
    }
}
