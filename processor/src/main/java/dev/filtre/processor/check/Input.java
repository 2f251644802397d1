package dev.filtre.processor.check;

import dev.filtre.processor.model.Shape;

/**
 * The checked shape a layer receives and where it comes from, for messages.
 *
 * @param shape the shape
 * @param source the layer that produced it, or {@code the input} for the first layer
 */
record Input(Shape shape, String source) {}
