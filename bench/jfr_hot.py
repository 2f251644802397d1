#!/usr/bin/python3
"""Summarizes a JFR recording printed with `jfr print --json`: hottest methods and allocation sites.

For jdk.ExecutionSample events: the methods on top of the stack (own time) and the methods
anywhere on the stack (time including callees), as shares of all samples. For
jdk.ObjectAllocationSample events inside the training loops: the allocating frames, weighted by
the bytes each sample stands for.

usage: jfr_hot.py EVENTS.json [TOP]
"""

import collections
import json
import sys


TRAINING_FRAMES = ("dev.filtre.runtime.train.Trainer.fit", "dev.filtre.bench.DataParallelSgd.step")


def frame_name(frame):
    method = frame["method"]
    return "%s.%s" % (method["type"]["name"].replace("/", "."), method["name"])


def frame_line(frame):
    return "%s:%s" % (frame_name(frame), frame.get("lineNumber", "?"))


def main(argv):
    if not argv:
        sys.exit(__doc__)
    top = int(argv[1]) if len(argv) > 1 else 15
    with open(argv[0]) as f:
        events = json.load(f)["recording"]["events"]

    own = collections.Counter()
    lines = collections.Counter()
    anywhere = collections.Counter()
    samples = 0
    allocated = collections.Counter()
    allocated_total = 0
    for event in events:
        values = event["values"]
        frames = (values.get("stackTrace") or {}).get("frames") or []
        if not frames:
            continue
        if event["type"] == "jdk.ExecutionSample":
            samples += 1
            own[frame_name(frames[0])] += 1
            lines[frame_line(frames[0])] += 1
            for name in {frame_name(f) for f in frames}:
                anywhere[name] += 1
        elif event["type"] == "jdk.ObjectAllocationSample":
            names = [frame_name(f) for f in frames]
            if not any(name in TRAINING_FRAMES for name in names):
                continue  # data loading, set-up, JIT warm-up outside the training loops
            weight = values.get("weight", 0)
            allocated_total += weight
            site = next((frame_name(f) for f in frames if not frame_name(f).startswith("java.")), frame_name(frames[0]))
            allocated[site] += weight

    print("%d execution samples" % samples)
    print("\nown time (top of stack):")
    for name, count in own.most_common(top):
        print("  %5.1f%%  %s" % (100.0 * count / samples, name))
    print("\nhottest source lines (own time; see target/generated-sources/annotations):")
    for name, count in lines.most_common(top):
        print("  %5.1f%%  %s" % (100.0 * count / samples, name))
    print("\ntime including callees:")
    for name, count in anywhere.most_common(top + 10):
        if not name.startswith(("java.", "jdk.", "sun.")):
            print("  %5.1f%%  %s" % (100.0 * count / samples, name))
    print("\nallocation samples inside the training loops (Trainer.fit, DataParallelSgd.step): %.1f MB in total"
          % (allocated_total / 1e6))
    for name, weight in allocated.most_common(top):
        print("  %8.1f MB  %s" % (weight / 1e6, name))


if __name__ == "__main__":
    main(sys.argv[1:])
