package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The choice of implementation: the Vector API exactly when the JVM has its module (the pom runs
 * the tests once with {@code --add-modules jdk.incubator.vector}, once without), unless {@code
 * -Dfiltre.kernels} forces one.
 */
class KernelsTest {
    @Test
    void theVectorKernelsAreChosenExactlyWhenTheModuleIsPresent() {
        String forced = System.getProperty(Kernels.PROPERTY, "");
        String expected = forced.isEmpty() ? (Kernels.vectorModulePresent() ? "vector" : "plain") : forced;
        assertEquals(expected, Kernels.implementation());
        // set by each surefire execution, so that neither silently tests the other's path
        assertEquals(System.getProperty("filtre.kernels.expected", expected), Kernels.implementation());
    }

    @Test
    void plainCanAlwaysBeForced() {
        assertEquals("plain", Kernels.select("plain").name());
    }

    @Test
    void forcingVectorWithoutTheModuleSaysWhichFlagIsMissing() {
        if (Kernels.vectorModulePresent()) {
            assertEquals("vector", Kernels.select("vector").name());
        } else {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> Kernels.select("vector"));
            assertTrue(e.getMessage().contains("--add-modules jdk.incubator.vector"), e.getMessage());
        }
    }

    @Test
    void anUnknownNameIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Kernels.select("fast"));
        assertEquals("-Dfiltre.kernels=fast: expected plain or vector", e.getMessage());
    }
}
