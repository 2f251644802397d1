/**
 * The networks the benchmark measures, declared as Filtre users declare them; the processor
 * writes {@code LeNet5Model} and {@code FashionNetModel} next to them.
 */
package dev.filtre.bench.networks;
