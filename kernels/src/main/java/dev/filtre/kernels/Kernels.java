package dev.filtre.kernels;

import java.lang.reflect.InvocationTargetException;

/**
 * Chooses, once, the implementation behind {@link Sgemm} and {@link Gemv}: the Vector API one when
 * the JVM was started with {@code --add-modules jdk.incubator.vector} (and its vectors have at least
 * 8 float lanes), else plain Java. The system property {@code filtre.kernels} forces one: {@code
 * plain} or {@code vector} (the latter fails without the module).
 *
 * <p>The vector class is loaded by name, so a JVM without the module never resolves a reference to
 * {@code jdk.incubator.vector}.
 */
public final class Kernels {
    /** The system property that forces an implementation: {@code plain} or {@code vector}. */
    public static final String PROPERTY = "filtre.kernels";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";
    private static final String VECTOR_CLASS = "dev.filtre.kernels.VectorKernels";

    static final KernelSet SELECTED = select(System.getProperty(PROPERTY, ""));

    private Kernels() {}

    /** The implementation in use: {@code "plain"} or {@code "vector"}. */
    public static String implementation() {
        return SELECTED.name();
    }

    /** Whether this JVM has the Vector API module ({@code --add-modules jdk.incubator.vector}). */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }

    /** The implementation a value of {@link #PROPERTY} (empty when unset) selects on this JVM. */
    static KernelSet select(String forced) {
        switch (forced.trim()) {
            case "":
                if (vectorModulePresent()) {
                    KernelSet vector = loadVector();
                    if (vector != null) {
                        return vector;
                    }
                }
                return new PlainKernels();
            case "plain":
                return new PlainKernels();
            case "vector":
                if (!vectorModulePresent()) {
                    throw new IllegalStateException("-D" + PROPERTY + "=vector needs the JVM option --add-modules "
                            + VECTOR_MODULE + ", which this JVM was started without");
                }
                KernelSet vector = loadVector();
                if (vector == null) {
                    throw new IllegalStateException("-D" + PROPERTY + "=vector: this machine's preferred float vector"
                            + " has fewer than 8 lanes, where the plain kernels are faster");
                }
                return vector;
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + forced + ": expected plain or vector");
        }
    }

    /** The vector implementation, or null when its vectors are too narrow to pay. */
    private static KernelSet loadVector() {
        try {
            Class<?> type = Class.forName(VECTOR_CLASS);
            if (!(boolean) type.getDeclaredMethod("wideEnough").invoke(null)) {
                return null;
            }
            return (KernelSet) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException | NoSuchMethodException | InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException("cannot load " + VECTOR_CLASS + " though " + VECTOR_MODULE + " is present", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot load " + VECTOR_CLASS, e.getCause());
        }
    }
}
