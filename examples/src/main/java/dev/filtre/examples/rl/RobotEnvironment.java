package dev.filtre.examples.rl;

import java.util.Objects;

/**
 * The lecture's robot in a room, with a Gymnasium-like interface: {@link #reset(long)} draws a room
 * and returns the first observation, {@link #step(Action)} plays one action and returns the next
 * observation, the reward, and whether the episode {@code terminated} (the robot drove into a wall
 * or stalled) or was {@code truncated} (it reached the step limit).
 *
 * <p>Each step is one action: {@link Action#FORWARD} drives one cell ahead, the turns rotate in
 * place. Driving into a wall is a collision: the robot stays where it was, receives the regret of
 * {@link Rules#regret()}, and the episode ends. So does one turn more than
 * {@link Rules#maxTurnsInPlace()} in a row: the robot stalls. The reward is sparse (see
 * {@link Rules}). The observation is the robot's {@link LocalView}. One instance is one episode at
 * a time, for one thread.
 */
public final class RobotEnvironment {
    private final RoomGenerator generator;
    private final Rules rules;

    private Layout layout;
    private Pose pose;
    private int steps;
    private int cellsDriven;
    private int turnsInPlace;
    private boolean collided;
    private boolean stalled;

    /** An environment drawing its rooms from {@code generator}, playing by {@code rules}. */
    public RobotEnvironment(RoomGenerator generator, Rules rules) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** An environment with the demo's rooms and rules. */
    public RobotEnvironment() {
        this(RoomGenerator.DEFAULT, Rules.DEFAULT);
    }

    /** Starts an episode in the room of {@code seed}; returns the first observation. */
    public float[] reset(long seed) {
        return reset(generator.generate(seed));
    }

    /** Starts an episode in {@code layout}; returns the first observation. */
    public float[] reset(Layout layout) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.pose = layout.start();
        this.steps = 0;
        this.cellsDriven = 0;
        this.turnsInPlace = 0;
        this.collided = false;
        this.stalled = false;
        return observation();
    }

    /** Plays the action at {@code index} of the policy's output (see {@link Action#ofIndex(int)}). */
    public StepResult step(int index) {
        return step(Action.ofIndex(index));
    }

    /**
     * Plays {@code action}.
     *
     * @throws IllegalStateException before the first reset, or once the episode is over
     */
    public StepResult step(Action action) {
        Objects.requireNonNull(action, "action");
        if (layout == null) {
            throw new IllegalStateException("call reset before the first step");
        }
        if (isOver()) {
            throw new IllegalStateException("the episode ended after " + steps + " steps ("
                    + (collided ? "collision" : stalled ? "stall" : "step limit") + "); call reset to start another");
        }
        steps++;
        double reward = 0;
        Pose next = action.apply(pose);
        if (layout.room().isWall(next.x(), next.y())) {
            collided = true;
            reward = rules.regret();
        } else if (action == Action.FORWARD) {
            turnsInPlace = 0;
            cellsDriven++;
            if (cellsDriven % rules.cellsPerReward() == 0) {
                reward = rules.reward();
            }
            pose = next;
        } else if (++turnsInPlace > rules.maxTurnsInPlace()) {
            stalled = true;
            reward = rules.regret();
        } else {
            pose = next;
        }
        boolean terminated = collided || stalled;
        boolean truncated = !terminated && steps == rules.maxSteps();
        return new StepResult(observation(), reward, terminated, truncated);
    }

    /** True once the robot has hit a wall, stalled or reached the step limit. */
    public boolean isOver() {
        return collided || stalled || steps == rules.maxSteps();
    }

    /** The robot's observation now. */
    public float[] observation() {
        return LocalView.of(layout.room(), pose);
    }

    /** Where the robot is now. */
    public Pose pose() {
        return pose;
    }

    /** The layout of the current episode. */
    public Layout layout() {
        return layout;
    }

    /** The number of steps played in this episode. */
    public int steps() {
        return steps;
    }

    /** The number of cells driven in this episode. */
    public int cellsDriven() {
        return cellsDriven;
    }

    /** True when the episode ended on a wall. */
    public boolean collided() {
        return collided;
    }

    /** True when the episode ended because the robot turned in place too many times in a row. */
    public boolean stalled() {
        return stalled;
    }

    /** The rules of the episodes. */
    public Rules rules() {
        return rules;
    }
}
