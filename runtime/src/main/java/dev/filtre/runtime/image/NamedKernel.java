package dev.filtre.runtime.image;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The classic kernels by name, for command lines and configuration: {@code sharpen},
 * {@code gaussian}, {@code laplacian-ii-normalized}... with the lecture's French label for each.
 *
 * <p>Two names take a parameter after a colon: {@code box:5} is the 5x5 mean and
 * {@code gaussian:2.5} the Gaussian of sigma 2.5 (see {@link Kernels#gaussian(double)}).
 */
public enum NamedKernel {
    IDENTITY("identity", "Identité", Kernels::identity),
    BOX("box", "Flou moyen", Kernels::box),
    GAUSSIAN("gaussian", "Flou gaussien", Kernels::gaussian),
    LAPLACIAN("laplacian", "Laplacien", Kernels::laplacian),
    LAPLACIAN_NORMALIZED("laplacian-normalized", "Laplacien normalisé",
            Kernels::laplacianNormalized),
    LAPLACIAN_II("laplacian-ii", "Laplacien II", Kernels::laplacianII),
    LAPLACIAN_II_NORMALIZED("laplacian-ii-normalized", "Laplacien II normalisé",
            Kernels::laplacianIINormalized),
    SHARPEN("sharpen", "Sharpen", Kernels::sharpen),
    VERTICAL_EDGE("vertical-edge", "Vertical edge detection", Kernels::verticalEdge),
    HORIZONTAL_EDGE("horizontal-edge", "Horizontal edge detection", Kernels::horizontalEdge),
    SOBEL_X("sobel-x", "Sobel x", Kernels::sobelX),
    SOBEL_Y("sobel-y", "Sobel y", Kernels::sobelY),
    EMBOSS("emboss", "Emboss", Kernels::emboss);

    private final String id;
    private final String label;
    private final Supplier<Kernel> kernel;

    NamedKernel(String id, String label, Supplier<Kernel> kernel) {
        this.id = id;
        this.label = label;
        this.kernel = kernel;
    }

    /** The name to type, e.g. {@code laplacian-ii-normalized}. */
    public String id() {
        return id;
    }

    /** The lecture's label, e.g. {@code Laplacien II normalisé}. */
    public String label() {
        return label;
    }

    public Kernel kernel() {
        return kernel.get();
    }

    /**
     * The kernel named {@code name}: an {@link #id()} (case and {@code _}/{@code -} do not
     * matter; {@code mean} is another name for {@code box}), or {@code box:<size>} or
     * {@code gaussian:<sigma>}.
     *
     * @throws UnknownKernelException for any other name, with the closest known names
     * @throws IllegalArgumentException for a malformed or out-of-range parameter
     */
    public static Kernel lookup(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        int colon = key.indexOf(':');
        String base = colon < 0 ? key : key.substring(0, colon);
        if (base.equals("mean")) {
            base = BOX.id;
        }
        if (colon >= 0) {
            String parameter = key.substring(colon + 1);
            if (base.equals(BOX.id)) {
                return Kernels.box(parameter(parameter, name, "a whole size", true).intValue());
            }
            if (base.equals(GAUSSIAN.id)) {
                return Kernels.gaussian(parameter(parameter, name, "a sigma", false).doubleValue());
            }
            if (find(base) != null) {
                throw new IllegalArgumentException(
                        "kernel '" + base + "' takes no parameter (only box:<size> and gaussian:<sigma> do)");
            }
        }
        NamedKernel known = find(base);
        if (known == null) {
            throw new UnknownKernelException(name, closest(base));
        }
        return known.kernel();
    }

    private static NamedKernel find(String id) {
        for (NamedKernel named : values()) {
            if (named.id.equals(id)) {
                return named;
            }
        }
        return null;
    }

    private static Number parameter(String text, String name, String what, boolean whole) {
        try {
            return whole ? Integer.valueOf(text) : Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "kernel '" + name + "': '" + text + "' is not " + what, e);
        }
    }

    /** The known names closest to {@code name} by edit distance (up to three, best first). */
    static List<String> closest(String name) {
        List<String> names = new ArrayList<>();
        for (NamedKernel named : values()) {
            names.add(named.id);
        }
        names.add("mean");
        names.add("box:<size>");
        names.add("gaussian:<sigma>");
        names.sort(Comparator.comparingInt((String known) -> distance(name, known))
                .thenComparing(Comparator.naturalOrder()));
        int best = distance(name, names.get(0));
        int within = Math.max(best + 2, name.length() / 2);
        List<String> closest = new ArrayList<>();
        for (String known : names) {
            int d = distance(name, known);
            if (closest.size() < 3 && d <= within) {
                closest.add(known);
            }
        }
        return closest;
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
