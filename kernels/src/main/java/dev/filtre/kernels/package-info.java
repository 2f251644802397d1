/**
 * The numeric kernels that generated models call: matrix multiplies that add to their result
 * ({@link dev.filtre.kernels.Sgemm}), matrix-vector products ({@link dev.filtre.kernels.Gemv}) and
 * the unfolding of a convolution's input into a matrix ({@link dev.filtre.kernels.Im2col}, shaped
 * by a {@link dev.filtre.kernels.ConvGeometry}).
 *
 * <p>Each has two implementations, and {@link dev.filtre.kernels.Kernels} picks one when the first
 * kernel class loads: the incubating Vector API (register-blocked, 16-lane FMAs with AVX-512) when
 * the JVM runs with {@code --add-modules jdk.incubator.vector}, else plain Java loops shaped for C2.
 * {@code -Dfiltre.kernels=plain|vector} forces one. The JVM prints one line, {@code WARNING: Using
 * incubator modules: jdk.incubator.vector}, when the module is added; without it nothing is printed.
 * Choosing the vector kernels first runs the Vector API's operations a few thousand times (about a
 * quarter of a second, once), so that C2 compiles them without boxing in every JVM ({@code
 * VectorOperationPrimer} says why).
 *
 * <p>Arrays are row-major {@code float[]} regions that start at an offset. Every entry point checks
 * its arguments (an operand that does not fit its array is named in the error), allocates nothing,
 * and keeps no state, so one model per thread may call them concurrently. The convolutions that
 * skip the unfolding are objects instead, one per thread, holding buffers made on their first call:
 * {@link dev.filtre.kernels.DirectConvolution} (windows read along the rows), and Winograd's F(2x2,
 * 3x3) for a 3x3 window moving by 1: {@link dev.filtre.kernels.WinogradConvolution} (outputs),
 * {@link dev.filtre.kernels.WinogradWeightGradient} and {@link
 * dev.filtre.kernels.WinogradInputGradient} (the two gradients of a training pass).
 *
 * <p>{@link dev.filtre.kernels.Team} is the one class with threads: the caller and helper threads
 * that share one sample's layers when a model runs with {@code setIntraOpThreads(n)}.
 */
package dev.filtre.kernels;
