package dev.filtre.examples.rl;

/**
 * What the robot can do in one step. The index of an action is the index of its probability in the
 * policy network's output.
 */
public enum Action {
    /** Drive one cell ahead; into a wall, this is a collision and ends the episode. */
    FORWARD,
    /** Turn a quarter turn to the left, in place. */
    TURN_LEFT,
    /** Turn a quarter turn to the right, in place. */
    TURN_RIGHT;

    /** {@link #values()} once: each call of {@code values()} copies the array, and actions are per step. */
    private static final Action[] BY_INDEX = values();

    /** The number of actions: the size of the policy's output. */
    public static final int COUNT = BY_INDEX.length;

    /**
     * The action at {@code index} in the policy's output.
     *
     * @throws IllegalArgumentException when {@code index} is not in {@code [0, COUNT)}
     */
    public static Action ofIndex(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException(
                    "action index " + index + " is not in [0, " + COUNT + "): FORWARD=0, TURN_LEFT=1, TURN_RIGHT=2");
        }
        return BY_INDEX[index];
    }

    /** Where this action takes the robot, ignoring walls. */
    public Pose apply(Pose pose) {
        return switch (this) {
            case FORWARD -> pose.forward();
            case TURN_LEFT -> pose.turnedLeft();
            case TURN_RIGHT -> pose.turnedRight();
        };
    }
}
