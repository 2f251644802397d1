package dev.filtre.examples.rl;

/**
 * Discounted returns: what each step of an episode was worth, seen from the end. The lecture says
 * the final reward or regret lets the agent "retourner dans le passé" to understand what went well
 * or badly; this is that walk back. From the last step to the first,
 * {@code G[t] = r[t] + gamma * G[t + 1]}: a collision at step 40 lowers the value of the turn
 * missed at step 35, discounted by {@code gamma^5}, and a reward far ahead can outweigh a smaller
 * one now (the agent can "sacrifier un gain immédiat pour avoir une récompense finale").
 */
public final class Returns {
    private Returns() {}

    /**
     * The discounted return of every step of an episode whose rewards are {@code rewards}.
     *
     * @throws IllegalArgumentException when {@code gamma} is not in {@code [0, 1]}
     */
    public static double[] discounted(double[] rewards, double gamma) {
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new IllegalArgumentException("the discount gamma must be in [0, 1], got " + gamma);
        }
        double[] returns = new double[rewards.length];
        double later = 0;
        for (int t = rewards.length - 1; t >= 0; t--) {
            later = rewards[t] + gamma * later;
            returns[t] = later;
        }
        return returns;
    }
}
