package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every vector kernel class keeps to one vector shape for each element type it loads and stores:
 * the preferred one. A second float shape (the Adam kernel's half-width vectors, once) gives the
 * Vector API's shared load and store methods a second class, whose class-check traps put other
 * kernels' compiles past C2's limit and box them (bench/README's "JIT"); this test fails on a
 * {@code VectorSpecies} constant of another shape in any of them.
 */
class VectorShapeTest {
    private static final String[] KERNEL_CLASSES = {
        "VectorKernels", "VectorConvolution", "VectorRowConvolution", "VectorTranspose", "VectorWinograd",
        "VectorWinogradWeights",
    };

    @Test
    void everyKernelClassUsesThePreferredShapeOnly() throws ReflectiveOperationException {
        assumeTrue(Kernels.vectorModulePresent(), "the plain path has no vector species");
        Class<?> speciesType = Class.forName("jdk.incubator.vector.VectorSpecies");
        Object preferredShape = Class.forName("jdk.incubator.vector.VectorShape").getMethod("preferredShape")
                .invoke(null);
        List<String> checked = new ArrayList<>();
        for (String name : KERNEL_CLASSES) {
            Class<?> kernels = Class.forName("dev.filtre.kernels." + name);
            for (Field field : kernels.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) || !speciesType.isAssignableFrom(field.getType())) {
                    continue;
                }
                field.setAccessible(true);
                Object species = field.get(null);
                Object shape = speciesType.getMethod("vectorShape").invoke(species);
                assertEquals(preferredShape, shape, name + "." + field.getName() + " is " + species);
                checked.add(name + "." + field.getName());
            }
        }
        assertTrue(checked.size() >= KERNEL_CLASSES.length, "species constants found: " + checked);
    }
}
