package dev.filtre.runtime.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Run in a child JVM by {@link AtomicSaveKillTest}: saves a large weight file (long enough to be
 * killed in the middle) over {@code args[0]}.
 */
public final class SlowSave {
    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        int tensors = Integer.parseInt(args[1]);
        int floatsPerTensor = Integer.parseInt(args[2]);
        float[] values = new float[floatsPerTensor];
        Arrays.fill(values, 7f);
        List<NamedTensor> list = new ArrayList<>();
        for (int i = 0; i < tensors; i++) {
            list.add(new NamedTensor("layer" + i + ".weight", new int[] {floatsPerTensor}, values));
        }
        SafeTensors.write(target, list, Map.of("network", "Large"));
    }
}
