/**
 * JMH benchmarks of the generated code, for whoever optimizes the writer: single layers of
 * FashionNet declared as one-layer networks, and whole networks one sample at a time. They run
 * only through {@code bench/jmh.sh}, never during the Maven build.
 */
package dev.filtre.bench.jmh;
