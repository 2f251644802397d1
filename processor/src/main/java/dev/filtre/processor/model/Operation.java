package dev.filtre.processor.model;

/**
 * What one layer computes, with its hyperparameters, and the pure arithmetic of its shapes and
 * parameter counts. Operations assume their input was checked; they never report errors.
 */
public sealed interface Operation
        permits Operation.Conv, Operation.Pool, Operation.Dense, Operation.Dropout,
                Operation.Standalone, Operation.Flatten {

    /** The output shape for a checked input shape. */
    Shape outputShape(Shape input);

    /** The number of learned values for a checked input shape. */
    long parameterCount(Shape input);

    /** How the summary names it, e.g. {@code Conv 32@3x3 s1 p1}. */
    String describe();

    /** True when this operation learns weights and a bias. */
    default boolean hasParameters() {
        return false;
    }

    /** A convolution of {@code filters} square filters of side {@code size}. */
    record Conv(int filters, int size, int stride, int pad, boolean floor) implements Operation {
        @Override
        public Shape outputShape(Shape input) {
            return Shape.volume(
                    filters,
                    WindowArithmetic.outputSize(input.height(), size, stride, pad),
                    WindowArithmetic.outputSize(input.width(), size, stride, pad));
        }

        @Override
        public long parameterCount(Shape input) {
            return (long) filters * input.channels() * size * size + filters;
        }

        @Override
        public String describe() {
            return "Conv " + filters + "@" + size + "x" + size + " s" + stride + " p" + pad;
        }

        @Override
        public boolean hasParameters() {
            return true;
        }
    }

    /** A pooling window of side {@code size} moving by {@code stride}, without padding. */
    record Pool(PoolKind kind, int size, int stride, boolean floor) implements Operation {
        @Override
        public Shape outputShape(Shape input) {
            return Shape.volume(
                    input.channels(),
                    WindowArithmetic.outputSize(input.height(), size, stride, 0),
                    WindowArithmetic.outputSize(input.width(), size, stride, 0));
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String describe() {
            return kind.displayName() + " " + size + "x" + size + " s" + stride;
        }
    }

    /** A fully connected layer of {@code units} outputs; a volume input is flattened first. */
    record Dense(int units) implements Operation {
        @Override
        public Shape outputShape(Shape input) {
            return Shape.vector(units);
        }

        @Override
        public long parameterCount(Shape input) {
            return (long) input.size() * units + units;
        }

        @Override
        public String describe() {
            return "Dense " + units;
        }

        @Override
        public boolean hasParameters() {
            return true;
        }
    }

    /** Inverted dropout with drop probability {@code rate}. */
    record Dropout(double rate) implements Operation {
        @Override
        public Shape outputShape(Shape input) {
            return input;
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String describe() {
            return "Dropout " + rate;
        }
    }

    /** An activation declared alone on its method: a layer of its own. */
    record Standalone(Activation activation) implements Operation {
        @Override
        public Shape outputShape(Shape input) {
            return input;
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String describe() {
            return activation.displayName();
        }
    }

    /** Flattening a volume to a vector, channel first. */
    record Flatten() implements Operation {
        @Override
        public Shape outputShape(Shape input) {
            return input.flattened();
        }

        @Override
        public long parameterCount(Shape input) {
            return 0;
        }

        @Override
        public String describe() {
            return "Flatten";
        }
    }
}
