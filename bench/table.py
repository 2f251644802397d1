#!/usr/bin/python3
"""Puts the JSON lines of Harness and pytorch_peer.py into one Markdown table.

Rows are the six figures of the performance issue; columns are Filtre, PyTorch + OpenBLAS (told
its AVX-512 kernels suit this CPU, as the issue sets it up), PyTorch + OpenBLAS left to its own CPU
detection (training only), PyTorch with the reference BLAS, ONNX Runtime Java, then Filtre's speed
relative to each peer.
A cell is "1 thread / 2 threads". A ratio compares each side's best thread count: > 1 means
Filtre is faster (for a latency, the peer's time over Filtre's).

With --paired, one file per round of run.sh's paired training (both sides' two-thread training
measured one right after the other), it also prints each round's training ratio against PyTorch +
OpenBLAS (both configurations) and their median.

usage: table.py RESULTS.jsonl [--paired ROUND.jsonl ...]
"""

import json
import statistics
import sys

COLUMNS = [
    ("filtre", "Filtre"),
    ("pytorch-openblas", "PyTorch + OpenBLAS"),
    ("pytorch-openblas-detected", "PyTorch + OpenBLAS, its own detection"),
    ("pytorch-reference-blas", "PyTorch, reference BLAS"),
    ("onnxruntime-java", "ONNX Runtime Java"),
]
ROWS = [
    ("lenet5", "train", "LeNet-5 training, images/s"),
    ("fashionnet", "train", "FashionNet training, images/s"),
    ("lenet5", "latency", "LeNet-5 one-image latency, µs"),
    ("fashionnet", "latency", "FashionNet one-image latency, µs"),
    ("lenet5", "batch256", "LeNet-5 batch-256 inference, images/s"),
    ("fashionnet", "batch256", "FashionNet batch-256 inference, images/s"),
]


def load(path):
    results = {}
    with open(path) as lines:
        for line in lines:
            if line.strip():
                r = json.loads(line)
                results[(r["impl"], r["net"], r["work"], r["threads"])] = r
    return results


def number(value, unit):
    if unit == "us":
        return "%.0f" % value if value >= 100 else "%.1f" % value
    return "{:,.0f}".format(value)


def cell(results, impl, net, work):
    values = []
    for threads in (1, 2):
        r = results.get((impl, net, work, threads))
        values.append(number(r["value"], r["unit"]) if r else "–")
    return " / ".join(values)


def best(results, impl, net, work):
    """The best figure over thread counts: the highest throughput or the lowest latency."""
    found = [r["value"] for (i, n, w, t), r in results.items() if (i, n, w) == (impl, net, work)]
    if not found:
        return None
    return min(found) if work == "latency" else max(found)


def ratio(results, peer, net, work):
    mine = best(results, "filtre", net, work)
    theirs = best(results, peer, net, work)
    if mine is None or theirs is None:
        return "–"
    return "%.2f" % (theirs / mine if work == "latency" else mine / theirs)


def same_threads_ratio(results, peer, net, work, threads):
    mine = results.get(("filtre", net, work, threads))
    theirs = results.get((peer, net, work, threads))
    if mine is None or theirs is None:
        return "–"
    return "%.2f" % (theirs["value"] / mine["value"] if work == "latency" else mine["value"] / theirs["value"])


def one_thread_table(results):
    """Filtre over each peer with both on one thread: the comparison a busy machine disturbs least."""
    peers = [c for c in COLUMNS if c[0] != "filtre"]
    header = ["work, 1 thread"] + ["Filtre ÷ " + title for _, title in peers]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for net, work, title in ROWS:
        row = [title] + [same_threads_ratio(results, impl, net, work, 1) for impl, _ in peers]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def gflops(results, impl, net, work):
    found = [r.get("gflops") for (i, n, w, t), r in results.items() if (i, n, w) == (impl, net, work)]
    found = [g for g in found if g is not None]
    return "%.1f" % max(found) if found else "–"


def table(results):
    peers = [c for c in COLUMNS if c[0] != "filtre"]
    header = ["work"] + [title + " (1 / 2 threads)" for _, title in COLUMNS]
    header += ["Filtre ÷ " + title for _, title in peers]
    header += ["Filtre GFLOP/s"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for net, work, title in ROWS:
        row = [title] + [cell(results, impl, net, work) for impl, _ in COLUMNS]
        row += [ratio(results, impl, net, work) for impl, _ in peers]
        row += [gflops(results, "filtre", net, work)]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def peaks(results):
    notes = []
    for impl, title in COLUMNS:
        for threads in (1, 2):
            r = results.get((impl, "-", "matmul", threads))
            if r:
                notes.append("%s sgemm %d thread(s): %.0f GFLOP/s" % (title, threads, r["value"]))
    return notes


def model_only(results):
    """Filtre's training through the generated model alone, without the runtime's Trainer."""
    notes = []
    for net, title in (("lenet5", "LeNet-5"), ("fashionnet", "FashionNet")):
        cells = cell(results, "filtre-model-only", net, "train")
        if cells != "– / –":
            notes.append("%s %s images/s (1 / 2 threads)" % (title, cells))
    return notes


def allocations(results):
    notes = []
    for (impl, net, work, threads), r in sorted(results.items()):
        if impl.startswith("filtre") and "bytes_per_step" in r:
            notes.append("%s %s %s %d thread(s): %d B per %s" % (
                impl, net, work, threads, r["bytes_per_step"], "step" if work == "train" else "call"))
    return notes


PAIRED_PEERS = [("pytorch-openblas", "PyTorch + OpenBLAS"),
                ("pytorch-openblas-detected", "PyTorch + OpenBLAS, its own detection")]
PAIRED_ROWS = [(net, title) for net, work, title in ROWS if work == "train"]


def allocated(result):
    """A note when a Filtre run allocated more than a Trainer step's shuffle (a JIT compile left vectors boxed)."""
    bytes_per_step = result.get("bytes_per_step", 0)
    return " (%s B a step allocated)" % "{:,}".format(bytes_per_step) if bytes_per_step > 256 else ""


def paired_table(rounds):
    """Each round's two-thread training, Filtre and each OpenBLAS peer, their ratio, and the median ratio."""
    header = ["two threads, Filtre / peer"]
    header += ["round %d" % (r + 1) for r in range(len(rounds))] + ["median ratio"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for (net, title), (peer, peer_title) in ((row, peer) for peer in PAIRED_PEERS for row in PAIRED_ROWS):
        row, ratios = ["%s, %s" % (title, peer_title)], []
        for results in rounds:
            mine = results.get(("filtre", net, "train", 2))
            theirs = results.get((peer, net, "train", 2))
            if mine is None or theirs is None:
                row.append("–")
                continue
            ratios.append(mine["value"] / theirs["value"])
            row.append("%s / %s = %.2f" % (number(mine["value"], "images/s"), number(theirs["value"], "images/s"),
                                           ratios[-1]) + allocated(mine))
        if not ratios:
            continue
        row.append("%.2f" % statistics.median(ratios))
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main(argv):
    paired = []
    if "--paired" in argv:
        at = argv.index("--paired")
        argv, paired = argv[:at], argv[at + 1:]
        if not paired:
            sys.exit(__doc__)
    if len(argv) != 1:
        sys.exit(__doc__)
    results = load(argv[0])
    print(table(results))
    print()
    print("Ratios: each side's best thread count; > 1 means Filtre is faster.")
    print()
    print(one_thread_table(results))
    print()
    data = sorted({r.get("data", "") for r in results.values() if r.get("data")})
    if data:
        print("Data: " + "; ".join(data))
    kernels = sorted({r["kernels"] for r in results.values() if r.get("kernels")})
    if kernels:
        print("Filtre's kernels: " + ", ".join(kernels))
    for note in peaks(results):
        print("Peak: " + note)
    for note in model_only(results):
        print("Filtre training without the Trainer (model + SGD loop only): " + note)
    for note in allocations(results):
        print("Allocated: " + note)
    if paired:
        print()
        print("Training in paired rounds (each round measures both sides one right after the other, "
              "the side going first alternating):")
        print()
        print(paired_table([load(path) for path in paired]))


if __name__ == "__main__":
    main(sys.argv[1:])
