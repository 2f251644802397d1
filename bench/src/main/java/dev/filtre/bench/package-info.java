/**
 * Filtre against PyTorch and ONNX Runtime on LeNet-5 and FashionNet: the {@link
 * dev.filtre.bench.Harness} times the generated models and ONNX Runtime, {@code pytorch_peer.py}
 * times PyTorch the same way, and {@code run.sh} puts them in one table.
 */
package dev.filtre.bench;
