package dev.filtre.examples.rl;

/**
 * The REINFORCE loss of one step and its gradient with respect to the policy's logits.
 *
 * <p>For a policy {@code p = softmax(z)} that played action {@code a} with advantage {@code A}, the
 * loss is {@code L = -A log p[a]}: minimizing it makes the actions that did better than usual more
 * likely and the others less. Its gradient is {@code dL/dz = A (p - onehot(a))}, the same shape as
 * softmax + cross-entropy's {@code p - onehot}, so it is fed to
 * {@link dev.filtre.dsl.Model#backwardFromLogits(float[], int)}.
 */
public final class PolicyGradient {
    private PolicyGradient() {}

    /** {@code -advantage * log(probabilities[action])}. */
    public static double loss(float[] probabilities, int action, double advantage) {
        checkAction(probabilities, action);
        return -advantage * Math.log(probabilities[action]);
    }

    /**
     * Writes {@code scale * advantage * (probabilities - onehot(action))} into {@code gradient}.
     *
     * @param scale a factor applied to the whole gradient, e.g. {@code 1 / batch size}
     */
    public static void logitGradient(
            float[] probabilities, int action, double advantage, double scale, float[] gradient) {
        checkAction(probabilities, action);
        if (gradient.length < probabilities.length) {
            throw new IllegalArgumentException("the gradient array has " + gradient.length
                    + " values, the policy " + probabilities.length);
        }
        double factor = scale * advantage;
        for (int i = 0; i < probabilities.length; i++) {
            double target = i == action ? 1 : 0;
            gradient[i] = (float) (factor * (probabilities[i] - target));
        }
    }

    private static void checkAction(float[] probabilities, int action) {
        if (action < 0 || action >= probabilities.length) {
            throw new IllegalArgumentException(
                    "action " + action + " is not one of the policy's " + probabilities.length + " actions");
        }
    }
}
