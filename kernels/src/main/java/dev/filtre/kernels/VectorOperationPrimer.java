package dev.filtre.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.Vector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Runs the lane-wise operations, reductions and mask operations the vector kernels use, a few
 * thousand times over, when the vector kernels are chosen: before any of them runs or is compiled.
 *
 * <p>Why: C2 adds up the class-check traps recorded in the profile of every method it parses into a
 * compile, once for every inlined copy, and past 100 (JDK 17's {@code PerMethodTrapLimit}) it stops
 * trusting type profiles in that compile: a vector's {@code intoArray} then reaches its species
 * through a virtual call, the store's intrinsic is refused, and the kernel's vectors are boxed. The
 * Vector API's shared methods collect such traps when C2 compiles them on their own, speculating on
 * the one class their profile has seen: the supplier an empty operation cache calls ({@code
 * VectorOperators.ImplCache.find}), the cached function's cast in each lane-wise template, a mask's
 * species. {@link VectorKernels}' six-row multiply inlines {@code find} 48 times, and {@code find}'s
 * count, 0, 1 or 2 in most JVMs and 3 in about one in six, decided whether a training JVM allocated
 * megabytes a step and trained 20-30% slower ({@code bench/jit_check.sh}: class-check totals of 0, 48
 * or 96 in that method's compile in the good JVMs; in the bad ones the store's intrinsic refused
 * after the guards).
 *
 * <p>Run here first, every operation's cache entry is filled before compiled code looks, and the
 * shared methods' profiles have seen many classes when C2 first compiles them, so it speculates on
 * none and no trap is taken. The rounds cost about a quarter of a second, once per JVM (the first
 * run 265-300 ms, the Vector API's own loading included; a second run 57-66 ms).
 */
final class VectorOperationPrimer {
    private static final VectorOperators.Unary[] FLOATING_UNARY = {
        VectorOperators.NEG, VectorOperators.ABS, VectorOperators.SQRT,
    };
    private static final VectorOperators.Binary[] FLOATING_BINARY = {
        VectorOperators.ADD, VectorOperators.SUB, VectorOperators.MUL, VectorOperators.DIV,
        VectorOperators.MIN, VectorOperators.MAX,
    };
    private static final VectorOperators.Ternary[] FLOATING_TERNARY = {VectorOperators.FMA};
    private static final VectorOperators.Associative[] REDUCTIONS = {
        VectorOperators.ADD, VectorOperators.MUL, VectorOperators.MIN, VectorOperators.MAX,
    };
    /** A comparison, three questions to its mask and a blend with it. */
    private static final int MASK_OPERATIONS = 5;
    private static final VectorOperators.Unary[] INT_UNARY = {VectorOperators.NEG, VectorOperators.ABS};
    private static final VectorOperators.Binary[] INT_BINARY = {
        VectorOperators.ADD, VectorOperators.SUB, VectorOperators.MUL, VectorOperators.MIN,
        VectorOperators.MAX, VectorOperators.AND, VectorOperators.OR, VectorOperators.XOR,
        VectorOperators.AND_NOT,
    };
    private static final VectorOperators.Ternary[] INT_TERNARY = {VectorOperators.BITWISE_BLEND};

    /** Enough for the shared methods to reach C1's profiling code and record many classes. */
    static final int ROUNDS = 3000;

    private VectorOperationPrimer() {}

    /**
     * Runs the operations {@link #ROUNDS} times on float, int and double vectors of the preferred
     * shape (the caches and templates are one an element type, whatever the shape); returns how
     * many operations ran.
     */
    static int prime() {
        int ran = 0;
        for (int round = 0; round < ROUNDS; round++) {
            ran += prime(FloatVector.SPECIES_PREFERRED, FLOATING_UNARY, FLOATING_BINARY, FLOATING_TERNARY)
                    + prime(IntVector.SPECIES_PREFERRED, INT_UNARY, INT_BINARY, INT_TERNARY)
                    + prime(DoubleVector.SPECIES_PREFERRED, FLOATING_UNARY, FLOATING_BINARY, FLOATING_TERNARY);
        }
        return ran;
    }

    private static <E> int prime(VectorSpecies<E> species, VectorOperators.Unary[] unary,
            VectorOperators.Binary[] binary, VectorOperators.Ternary[] ternary) {
        Vector<E> one = species.broadcast(1);
        for (VectorOperators.Unary op : unary) {
            one.lanewise(op);
        }
        for (VectorOperators.Binary op : binary) {
            one.lanewise(op, one);
        }
        for (VectorOperators.Ternary op : ternary) {
            one.lanewise(op, one, one);
        }
        for (VectorOperators.Associative op : REDUCTIONS) {
            one.reduceLanesToLong(op);
        }
        VectorMask<E> none = one.compare(VectorOperators.LT, one);
        none.anyTrue();
        none.trueCount();
        none.length();
        one.blend(one, none);
        return unary.length + binary.length + ternary.length + REDUCTIONS.length + MASK_OPERATIONS;
    }
}
