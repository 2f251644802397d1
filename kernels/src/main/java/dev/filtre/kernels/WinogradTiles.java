package dev.filtre.kernels;

/**
 * How {@link WinogradConvolution} lays out a 3x3 convolution moving by 1 as Winograd's F(2x2, 3x3):
 * the output cut into 2x2 tiles ({@link #tilesY()} × {@link #tilesX()}, the last row or column of
 * tiles reaching past the output when its side is odd), each read off a 4x4 window of the input.
 * The arrays the kernels share, by index:
 * <ul>
 *   <li>the input, zero-padded and channels last: {@code padded[(row·paddedWidth + column)·C + c]},
 *       {@link #paddedRows()} × {@link #paddedWidth()} positions, input row {@code y} at padded row
 *       {@code y + pad}, every 4x4 window of a tile inside;
 *   <li>the transformed weights: {@code u[(ξ·C + c)·filters + f]}, {@code ξ = 4r + s} the value of
 *       the 4x4 transform;
 *   <li>the transformed input of a block of {@link #BLOCK} tiles: {@code v[(ξ·BLOCK + k)·C + c]} for
 *       its tile {@code k}, tile {@code t = i·tilesX + j} of the output being the block's tile {@code
 *       t % BLOCK};
 *   <li>their products summed over the channels: {@code m[(ξ·BLOCK + k)·share + f - first]}.
 * </ul>
 */
record WinogradTiles(int channels, int filters, int outputHeight, int outputWidth, int tilesY, int tilesX,
        int paddedRows, int paddedWidth) {

    /**
     * {@link #of}, after checking for {@code owner}'s messages that {@code g} is a 3x3 window moving
     * by 1 and {@code filters} positive.
     *
     * @throws IllegalArgumentException when one is not
     */
    static WinogradTiles checked(String owner, ConvGeometry g, int filters) {
        if (g.kernel() != 3 || g.stride() != 1) {
            throw new IllegalArgumentException(owner + ": " + g
                    + " is not a 3x3 window moving by 1, the only one F(2x2, 3x3) computes");
        }
        if (filters < 1) {
            throw new IllegalArgumentException(owner + ": " + filters + " filters for " + g + ", expected 1 or more");
        }
        return of(g, filters);
    }

    static WinogradTiles of(ConvGeometry g, int filters) {
        int tilesY = (g.outputHeight() + 1) / 2;
        int tilesX = (g.outputWidth() + 1) / 2;
        return new WinogradTiles(g.channels(), filters, g.outputHeight(), g.outputWidth(), tilesY, tilesX,
                2 * tilesY + 2, 2 * tilesX + 2);
    }

    int tiles() {
        return tilesY * tilesX;
    }

    /** The values of the 4x4 transform of a tile. */
    static final int POINTS = 16;
    /** The tiles the kernels take at a time: the vector kernels' register block. */
    static final int BLOCK = 7;
}
