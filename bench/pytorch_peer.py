#!/usr/bin/python3
"""PyTorch peer of Filtre's benchmark harness (dev.filtre.bench.Harness).

Does the same work as the Java harness on the same two networks, with the same
timing rules, so the two can be compared line by line:

  train    images/s, batch 64, SGD (lr 0.01, momentum 0.9), softmax + cross-entropy,
           training mode (dropout on), data already in memory, timed after warm-up
  latency  one image, evaluation mode, median of 2,000 calls (or of those done in 6 s), microseconds
  batch256 inference on batches of 256 images, evaluation mode, images/s
  matmul   (on request) 1024x1024 float32 matrix multiply through the BLAS, GFLOP/s

each at the requested thread counts (torch.set_num_threads), median of 3 runs.

Sub-commands:
  measure  prints a human-readable line per figure and appends JSON lines to --results
  export   writes both nets (seeded random weights) to DIR as ONNX (opset 13, softmax
           included), their parameters as safetensors (state_dict names, which are Filtre's
           layer names), and a few inputs with PyTorch's outputs for the Java side to check.

Run it with /usr/bin/python3 (Debian's python3-torch). Which BLAS PyTorch uses is chosen
by the caller through LD_LIBRARY_PATH (see run.sh); --config only labels the results.
"""

import argparse
import gzip
import json
import os
import statistics
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

BATCH = 64
INFERENCE_BATCH = 256
LEARNING_RATE = 0.01
MOMENTUM = 0.9
FASHION_MNIST = "/usr/share/datasets/fashion-mnist"
CHECK_SAMPLES = 4


class LeNet5(nn.Module):
    """LeNet-5 as bench/.../LeNet5.java declares it; module names are Filtre's layer names."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 6, 5, padding=2)
        self.conv2 = nn.Conv2d(6, 16, 5)
        self.fc1 = nn.Linear(16 * 5 * 5, 120)
        self.fc2 = nn.Linear(120, 84)
        self.out = nn.Linear(84, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = torch.flatten(x, 1)
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        return self.out(x)  # logits; softmax is applied by the loss or by WithSoftmax


class FashionNet(nn.Module):
    """FashionNet as /work/shared/DESIGN.md declares it."""

    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, padding=1)
        self.conv2 = nn.Conv2d(32, 64, 3, padding=1)
        self.drop1 = nn.Dropout(0.25)
        self.fc1 = nn.Linear(64 * 7 * 7, 128)
        self.drop2 = nn.Dropout(0.5)
        self.out = nn.Linear(128, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv1(x)), 2)
        x = F.max_pool2d(F.relu(self.conv2(x)), 2)
        x = self.drop1(x)
        x = torch.flatten(x, 1)
        x = self.drop2(F.relu(self.fc1(x)))
        return self.out(x)


class WithSoftmax(nn.Module):
    """A net followed by softmax: what Filtre's forward pass returns (class probabilities)."""

    def __init__(self, net):
        super().__init__()
        self.net = net

    def forward(self, x):
        return F.softmax(self.net(x), dim=1)


NETS = {"lenet5": LeNet5, "fashionnet": FashionNet}


# ---------------------------------------------------------------------------------- data

def read_idx(path):
    """Reads a gzipped IDX file (ubyte) into a numpy array of its declared shape."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
    dims = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims))
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def training_data(seed):
    """Fashion-MNIST's training set scaled to [0, 1] when installed, else random data of its shape."""
    images_path = os.path.join(FASHION_MNIST, "train-images-idx3-ubyte.gz")
    labels_path = os.path.join(FASHION_MNIST, "train-labels-idx1-ubyte.gz")
    if os.path.exists(images_path) and os.path.exists(labels_path):
        images = read_idx(images_path).astype(np.float32) / 255.0
        labels = read_idx(labels_path).astype(np.int64)
        source = "Fashion-MNIST train (%d images, %s)" % (len(labels), FASHION_MNIST)
    else:
        rng = np.random.default_rng(seed)
        images = rng.random((60000, 28, 28), dtype=np.float32)
        labels = rng.integers(0, 10, 60000)
        source = "random data of Fashion-MNIST's shape (%s not found)" % FASHION_MNIST
    return torch.from_numpy(images).reshape(-1, 1, 28, 28).contiguous(), torch.from_numpy(labels), source


# ------------------------------------------------------------------------------- timing

def train_images_per_second(net, images, labels, seconds, warmup_steps):
    """One timed window of SGD steps on consecutive batches; returns images/s."""
    net.train()
    optimizer = torch.optim.SGD(net.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM)
    batches = images.shape[0] // BATCH
    step = 0

    def one_step():
        nonlocal step
        start = (step % batches) * BATCH
        x = images[start:start + BATCH]
        y = labels[start:start + BATCH]
        optimizer.zero_grad(set_to_none=False)
        loss = F.cross_entropy(net(x), y)
        loss.backward()
        optimizer.step()
        step += 1

    for _ in range(warmup_steps):
        one_step()
    steps = 0
    begin = time.perf_counter()
    while True:
        one_step()
        steps += 1
        elapsed = time.perf_counter() - begin
        if elapsed >= seconds:
            return steps * BATCH / elapsed


def latency_microseconds(model, image, calls, warmup_calls, max_seconds):
    """The median time of one call on one image, in microseconds.

    Times `calls` calls, or as many as fit in `max_seconds` when the machine is so slow (or so
    busy) that they do not; then says how many it timed.
    """
    timings = []
    with torch.inference_mode():
        for _ in range(warmup_calls):
            model(image)
        deadline = time.perf_counter_ns() + int(max_seconds * 1e9)
        for _ in range(calls):
            begin = time.perf_counter_ns()
            model(image)
            end = time.perf_counter_ns()
            timings.append(end - begin)
            if end > deadline:
                print("# latency run stopped after %d calls (%.0f s cap)" % (len(timings), max_seconds), flush=True)
                break
    return statistics.median(timings) / 1000.0


def batch_images_per_second(model, batch, seconds, warmup_calls):
    """Inference on one batch of 256 images, repeated for a timed window; returns images/s."""
    with torch.inference_mode():
        for _ in range(warmup_calls):
            model(batch)
        calls = 0
        begin = time.perf_counter()
        while True:
            model(batch)
            calls += 1
            elapsed = time.perf_counter() - begin
            if elapsed >= seconds:
                return calls * batch.shape[0] / elapsed


def matmul_gigaflops(seconds, size=1024):
    """float32 matrix multiply (sgemm through PyTorch's BLAS) in GFLOP/s: the machine's peak."""
    a = torch.rand(size, size)
    b = torch.rand(size, size)
    c = torch.empty(size, size)
    for _ in range(3):
        torch.mm(a, b, out=c)
    calls = 0
    begin = time.perf_counter()
    while True:
        torch.mm(a, b, out=c)
        calls += 1
        elapsed = time.perf_counter() - begin
        if elapsed >= seconds:
            return 2.0 * size ** 3 * calls / elapsed / 1e9


def median_of(runs, measure):
    values = [measure() for _ in range(runs)]
    return statistics.median(values), values


# ------------------------------------------------------------------------------ commands

def measure(args):
    torch.manual_seed(args.seed)
    images, labels, source = training_data(args.seed)
    print("# %s: PyTorch %s, data: %s" % (args.config, torch.__version__, source), flush=True)
    results = []
    for name in args.nets.split(","):
        for threads in [int(t) for t in args.threads.split(",")]:
            torch.set_num_threads(threads)
            torch.manual_seed(args.seed)
            net = NETS[name]()
            model = WithSoftmax(net).eval()
            one = images[:1].clone()
            batch = images[:INFERENCE_BATCH].clone()

            work = {
                "train": ("images/s", lambda: train_images_per_second(
                    net, images, labels, args.seconds, args.warmup_steps)),
                "latency": ("us", lambda: latency_microseconds(
                    model.eval(), one, args.latency_calls, args.latency_calls // 10, args.latency_max_seconds)),
                "batch256": ("images/s", lambda: batch_images_per_second(
                    model.eval(), batch, args.seconds, 3)),
                "matmul": ("GFLOP/s", lambda: matmul_gigaflops(args.seconds)),
            }
            for kind in args.work.split(","):
                if kind == "matmul" and name != args.nets.split(",")[0]:
                    continue  # the machine's peak, once per thread count
                unit, run = work[kind]
                value, values = median_of(args.runs, run)
                net_label = "-" if kind == "matmul" else name
                line = {"impl": args.config, "net": net_label, "threads": threads, "work": kind,
                        "value": value, "unit": unit, "runs": values, "data": source}
                results.append(line)
                print("%-22s %-10s %d thread(s) %-8s %12.1f %-8s runs %s" % (
                    args.config, net_label, threads, kind, value, unit,
                    ", ".join("%.1f" % v for v in values)), flush=True)
    if args.results:
        with open(args.results, "a") as out:
            for line in results:
                out.write(json.dumps(line) + "\n")


def write_safetensors(path, tensors, metadata):
    """Writes float32 tensors in the safetensors format (what Filtre's SafeTensors reads).

    The format: an 8-byte little-endian header length, a JSON header naming each tensor's dtype,
    shape and byte range, padded with spaces to a multiple of 8, then the raw little-endian data.
    """
    header = {"__metadata__": metadata}
    chunks = []
    offset = 0
    for name, tensor in tensors.items():
        data = tensor.detach().contiguous().numpy().astype("<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    encoded = json.dumps(header, separators=(",", ":")).encode("utf-8")
    encoded += b" " * (-len(encoded) % 8)
    with open(path, "wb") as out:
        out.write(len(encoded).to_bytes(8, "little"))
        out.write(encoded)
        for chunk in chunks:
            out.write(chunk)


def export(args):
    """Writes <net>.onnx, <net>.safetensors (weights) and <net>.check.safetensors per net.

    The weights are the seeded random initialization of PyTorch, named as in a state_dict
    (conv1.weight, conv1.bias, ...), which are also Filtre's names. The check file holds a few
    inputs and PyTorch's probabilities for them, which the Java harness compares with Filtre's
    and ONNX Runtime's outputs.
    """
    os.makedirs(args.dir, exist_ok=True)
    for name, cls in NETS.items():
        torch.manual_seed(args.seed)
        net = cls().eval()
        model = WithSoftmax(net).eval()
        base = os.path.join(args.dir, name)
        write_safetensors(base + ".safetensors", net.state_dict(), {"network": cls.__name__, "writer": "pytorch_peer.py"})

        inputs = torch.rand(CHECK_SAMPLES, 1, 28, 28, generator=torch.Generator().manual_seed(args.seed))
        with torch.no_grad():
            outputs = model(inputs)
        write_safetensors(base + ".check.safetensors", {"input": inputs, "probabilities": outputs},
                          {"network": cls.__name__, "writer": "pytorch_peer.py"})

        torch.onnx.export(model, inputs[:1], base + ".onnx", opset_version=13,
                          input_names=["input"], output_names=["probabilities"],
                          dynamic_axes={"input": {0: "batch"}, "probabilities": {0: "batch"}})
        parameters = sum(t.numel() for t in net.state_dict().values())
        print("exported %s (%d parameters): %s.onnx, .safetensors, .check.safetensors" % (name, parameters, base))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    m = commands.add_parser("measure", help="time training, latency and batch inference")
    m.add_argument("--config", default="pytorch", help="label of this BLAS configuration")
    m.add_argument("--nets", default="lenet5,fashionnet")
    m.add_argument("--threads", default="1,2")
    m.add_argument("--work", default="train,latency,batch256", help="also: matmul")
    m.add_argument("--seconds", type=float, default=2.0, help="timed window of one run")
    m.add_argument("--runs", type=int, default=3)
    m.add_argument("--latency-calls", type=int, default=2000)
    m.add_argument("--latency-max-seconds", type=float, default=6.0, help="cap of one latency run")
    m.add_argument("--warmup-steps", type=int, default=5)
    m.add_argument("--seed", type=int, default=42)
    m.add_argument("--results", help="append JSON lines to this file")
    m.set_defaults(run=measure)

    e = commands.add_parser("export", help="write ONNX files, weights and check vectors")
    e.add_argument("--dir", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "target", "onnx"))
    e.add_argument("--seed", type=int, default=42)
    e.set_defaults(run=export)

    args = parser.parse_args(argv)
    args.run(args)


if __name__ == "__main__":
    main(sys.argv[1:])
