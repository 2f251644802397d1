package dev.filtre.examples.fashion;

import dev.filtre.runtime.train.Adam;
import dev.filtre.runtime.train.Optimizer;
import dev.filtre.runtime.train.Sgd;

/** The optimizers the demo offers, by the name its {@code --optimizer} option takes. */
public enum OptimizerChoice {
    /** SGD with momentum and L2 weight decay on the weights, as PyTorch's {@code torch.optim.SGD}. */
    SGD {
        @Override
        Optimizer create(double learningRate, double momentum, double weightDecay) {
            return Sgd.withLearningRate(learningRate).momentum(momentum).weightDecay(weightDecay);
        }

        @Override
        String describe(double learningRate, double momentum, double weightDecay) {
            return "SGD rate " + learningRate + ", momentum " + momentum + ", weight decay " + weightDecay;
        }
    },
    /** Adam with PyTorch's defaults; it takes the rate only (momentum and weight decay do not apply). */
    ADAM {
        @Override
        Optimizer create(double learningRate, double momentum, double weightDecay) {
            return Adam.withLearningRate(learningRate);
        }

        @Override
        String describe(double learningRate, double momentum, double weightDecay) {
            return "Adam rate " + learningRate;
        }
    };

    /** The runtime's optimizer with these settings. */
    abstract Optimizer create(double learningRate, double momentum, double weightDecay);

    /** How the demo names it, e.g. {@code SGD rate 0.05, momentum 0.9, weight decay 5.0E-4}. */
    abstract String describe(double learningRate, double momentum, double weightDecay);

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
