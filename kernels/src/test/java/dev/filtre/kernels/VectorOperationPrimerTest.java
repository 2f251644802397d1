package dev.filtre.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The primer runs every operation it lists on its element type (an operation a type does not have,
 * say a bitwise one on floats, would throw), and choosing the vector kernels runs it. What it is for,
 * C2's class-check totals, is a JIT property the unit tests cannot see: {@code bench/jit_check.sh}
 * measures it.
 */
class VectorOperationPrimerTest {
    @Test
    void everyListedOperationRunsOnItsElementTypeInEveryRound() {
        assumeTrue(Kernels.vectorModulePresent(), "the plain path has no vector operations to prime");
        // float and double: 3 unary, 6 binary, 1 ternary, 4 reductions, 5 mask operations; int: 2, 9, 1, 4, 5
        assertEquals(VectorOperationPrimer.ROUNDS * (19 + 21 + 19), VectorOperationPrimer.prime());
    }

    @Test
    void choosingTheVectorKernelsPrimesThem() {
        assumeTrue("vector".equals(Kernels.implementation()), "the vector kernels are not in use");
        assertEquals(VectorOperationPrimer.ROUNDS * (19 + 21 + 19), ((VectorKernels) Kernels.SELECTED).primedOperations);
    }
}
