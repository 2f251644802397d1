package dev.filtre.runtime.train;

import dev.filtre.runtime.data.DataSet;

/** Checks that a data set holds only finite values before a model sees it. */
final class InputChecks {
    private InputChecks() {}

    /**
     * @param role how messages call the data set, e.g. {@code "training set"}
     * @throws IllegalArgumentException naming the first sample holding a NaN or an infinity, and where
     */
    static void requireFinite(DataSet data, String role) {
        float[] inputs = data.inputs();
        for (int i = 0; i < inputs.length; i++) {
            if (!Float.isFinite(inputs[i])) {
                int sample = i / data.inputSize();
                int index = i % data.inputSize();
                throw new IllegalArgumentException(role + " sample " + sample + " holds " + inputs[i] + " at input value "
                        + index + position(data.sampleShape(), index) + "; the data must be finite before training");
            }
        }
        if (data.hasTargets()) {
            float[] targets = data.targets();
            for (int i = 0; i < targets.length; i++) {
                if (!Float.isFinite(targets[i])) {
                    throw new IllegalArgumentException(role + " sample " + i / data.targetSize() + " has target "
                            + targets[i] + " at index " + i % data.targetSize() + "; targets must be finite");
                }
            }
        }
    }

    private static String position(int[] shape, int index) {
        if (shape.length != 3) {
            return "";
        }
        int column = index % shape[2];
        int row = index / shape[2] % shape[1];
        int channel = index / (shape[1] * shape[2]);
        return " (channel " + channel + ", row " + row + ", column " + column + ")";
    }
}
