package dev.filtre.examples.rl;

import java.util.SplittableRandom;

/**
 * How the robot chooses its actions while it learns, episode by episode. The lecture's two sides:
 * exploitation, "je sais que cette action me fait gagner, je la joue", and exploration, "j'en tente
 * une autre encore jamais essayée, pour espérer gagner plus".
 *
 * <p>{@link #none()} only exploits: the policy's most probable action, always. The others play a
 * uniformly drawn action with probability {@code epsilon} (fixed, or decaying with the episodes)
 * and otherwise draw the action from the policy, whose own uncertainty is a second, milder form of
 * exploration ({@code epsilon = 0} leaves only that one).
 */
public sealed interface Exploration permits Exploration.Greedy, Exploration.Constant, Exploration.LinearDecay {
    /** The probability of exploring during episode {@code episode} (from 0). */
    double epsilon(int episode);

    /** A short name for legends and tables. */
    String label();

    /** Never explores: always plays the policy's most probable action. */
    static Exploration none() {
        return new Greedy();
    }

    /** Explores with the same probability in every episode, and otherwise samples the policy. */
    static Exploration constant(double epsilon) {
        return new Constant(epsilon);
    }

    /** Explores with a probability going linearly from {@code start} to {@code end}, then {@code end}. */
    static Exploration linearDecay(double start, double end, int episodes) {
        return new LinearDecay(start, end, episodes);
    }

    /**
     * The behaviour's choice for {@code probabilities}, the policy's output: with probability
     * {@code epsilon} a uniformly drawn action, otherwise an action drawn from the policy. Draws the
     * same amount of randomness in every case, so two settings run on the same seed see the same
     * sequence of random numbers.
     */
    default int choose(float[] probabilities, double epsilon, SplittableRandom random) {
        double coin = random.nextDouble();
        int uniform = random.nextInt(probabilities.length);
        double draw = random.nextDouble();
        if (coin < epsilon) {
            return uniform;
        }
        double cumulative = 0;
        for (int i = 0; i < probabilities.length - 1; i++) {
            cumulative += probabilities[i];
            if (draw < cumulative) {
                return i;
            }
        }
        return probabilities.length - 1;
    }

    /**
     * The share of the probability of {@code action} that came from the policy rather than from the
     * uniform exploration: {@code (1 - ε) p[a] / ((1 - ε) p[a] + ε / n)}. The policy gradient of
     * the ε-mixed behaviour is the policy's own gradient times this weight.
     */
    static double policyShare(float[] probabilities, int action, double epsilon) {
        double fromPolicy = (1 - epsilon) * probabilities[action];
        double total = fromPolicy + epsilon / probabilities.length;
        return total == 0 ? 0 : fromPolicy / total;
    }

    /** The index of the largest value, the first of equals. */
    static int argmax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    /** Pure exploitation: the most probable action, always. */
    record Greedy() implements Exploration {
        @Override
        public double epsilon(int episode) {
            return 0;
        }

        /** The most probable action (the first of equals), after drawing what the others draw. */
        @Override
        public int choose(float[] probabilities, double epsilon, SplittableRandom random) {
            random.nextDouble();
            random.nextInt(probabilities.length);
            random.nextDouble();
            return argmax(probabilities);
        }

        @Override
        public String label() {
            return "no exploration (greedy)";
        }
    }

    /** The same epsilon in every episode. */
    record Constant(double epsilon) implements Exploration {
        public Constant {
            checkProbability("epsilon", epsilon);
        }

        @Override
        public double epsilon(int episode) {
            return epsilon;
        }

        @Override
        public String label() {
            return epsilon == 0 ? "policy sampling only (ε = 0)" : "fixed ε = " + epsilon;
        }
    }

    /** Epsilon from {@code start} to {@code end} over {@code episodes} episodes, linearly. */
    record LinearDecay(double start, double end, int episodes) implements Exploration {
        public LinearDecay {
            checkProbability("start", start);
            checkProbability("end", end);
            if (episodes <= 0) {
                throw new IllegalArgumentException("the decay needs a positive number of episodes, got " + episodes);
            }
        }

        @Override
        public double epsilon(int episode) {
            if (episode >= episodes) {
                return end;
            }
            return start + (end - start) * episode / episodes;
        }

        @Override
        public String label() {
            return "ε from " + start + " to " + end + " over " + episodes + " episodes";
        }
    }

    private static void checkProbability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability in [0, 1], got " + value);
        }
    }
}
