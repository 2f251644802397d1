package dev.filtre.examples.networks;

import dev.filtre.dsl.Conv;
import dev.filtre.dsl.Layer;
import dev.filtre.dsl.Network;

/**
 * The lecture's convolution example, taken from cs231n: a 5x5 colour image (3 channels), zero-padded
 * by 1, through two 3x3x3 filters moving 2 pixels at a time, gives a 3x3x2 volume. The lecture
 * counts its parameters: 2 x 27 weights + 2 biases = 56.
 */
@Network(input = {3, 5, 5})
public interface Cs231n {
    @Conv(filters = 2, size = 3, stride = 2, pad = 1)
    Layer conv();
}
