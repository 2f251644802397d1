package dev.filtre.examples.rl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.filtre.dsl.Model;
import dev.filtre.runtime.train.Adam;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Training the generated {@code WallAvoiderModel}: reproducible, and it moves the parameters. */
class ReinforceTest {
    private static final int EPISODES = 40;

    private static Model trained(long seed, Exploration exploration) {
        Model model = new WallAvoiderModel();
        model.initialize(seed);
        new Reinforce(model, new RobotEnvironment(), Reinforce.Settings.DEFAULT, Adam.withLearningRate(0.001),
                exploration, seed)
                .train(EPISODES, 0);
        return model;
    }

    @Test
    void theSameSeedGivesTheSameTrainedAgentBitForBit() {
        Exploration exploration = Exploration.linearDecay(0.5, 0.01, EPISODES);
        float[] first = trained(7, exploration).parameters();
        float[] second = trained(7, exploration).parameters();

        assertArrayEquals(first, second, 0f);
        assertFalse(Arrays.equals(first, trained(8, exploration).parameters()), "another seed, another agent");
    }

    @Test
    void trainingChangesTheParametersAndReportsEveryEpisode() {
        Model model = new WallAvoiderModel();
        model.initialize(3);
        float[] before = model.parameters().clone();
        Reinforce reinforce = new Reinforce(model, new RobotEnvironment(), new Reinforce.Settings(0.97, 4),
                Adam.withLearningRate(0.001), Exploration.constant(0.1), 3);

        List<Outcome> outcomes = reinforce.train(10, 0);

        assertEquals(10, outcomes.size());
        assertEquals(10, reinforce.episodesPlayed());
        assertFalse(Arrays.equals(before, model.parameters()));
        for (Outcome outcome : outcomes) {
            assertTrue(outcome.steps() >= 1 && outcome.steps() <= Rules.DEFAULT.maxSteps(), outcome.toString());
        }
    }

    @Test
    void aModelThatIsNotAPolicyOverTheActionsIsRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Reinforce(new TwoActionsModel(), new RobotEnvironment(), Reinforce.Settings.DEFAULT,
                        Adam.withLearningRate(0.001), Exploration.none(), 0));
        assertEquals("the policy TwoActions must end with a softmax over 3 actions; it has 2 outputs",
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Reinforce.Settings(2, 1), "gamma above 1");
    }
}
