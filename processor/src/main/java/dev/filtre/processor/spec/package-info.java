/**
 * The first step of the processor: what a {@code @Network} declaration says, as read, with the
 * source elements, annotation mirrors and written attribute values that diagnostics point at.
 * Nothing here judges the declaration; {@link dev.filtre.processor.check} does.
 */
package dev.filtre.processor.spec;
