#!/usr/bin/python3
"""Reads a HotSpot compilation log (-XX:+LogCompilation) and says how close C2 came to giving up on
type profiles in Filtre's kernels.

C2 adds up the class-check traps recorded in the profile of every method it parses into one
compile, once for every inlined copy; past PerMethodTrapLimit (100 on JDK 17) it stops trusting
type profiles, and a Vector API kernel then runs with boxed vectors (VectorOperationPrimer's
javadoc in the kernels module tells the story). For each C2 compile of a dev.filtre method this
prints the highest running total C2 logged (`<observe trap='class_check' total=...>`), the highest
first, and which methods' traps made it; then where the JVM took class-check traps.

usage: class_checks.py COMPILATION.log [TOP]
"""

import collections
import re
import sys

TASK = re.compile(r"^<task .*?method='(dev\.filtre\.[^ ]+ [^ ]+) ")
OBSERVE = re.compile(r"<observe trap='class_check' count='(\d+)' total='(\d+)'")
PARSE = re.compile(r"<parse method='(\d+)'")
METHOD = re.compile(r"<method id='(\d+)' holder='(\d+)' name='([^']+)'")
KLASS = re.compile(r"<klass id='(\d+)' name='([^']+)'")
TRAP = re.compile(r"^<uncommon_trap thread='\d+' reason='class_check'")
JVMS = re.compile(r"<jvms bci='(\d+)' method='([^ ]+) ([^ ]+) ")


class Compile:
    """One C2 compile being read: its highest running total, and whose traps made it."""

    def __init__(self, method):
        self.method = method
        self.highest = 0
        self.contributions = collections.Counter()
        self.klasses = {}  # log id -> class name
        self.methods = {}  # log id -> (holder id, method name)
        self.parsing = None  # log id of the method being parsed

    def read(self, line):
        match = KLASS.search(line)
        if match:
            self.klasses[match.group(1)] = match.group(2)
        match = METHOD.search(line)
        if match:
            self.methods[match.group(1)] = (match.group(2), match.group(3))
        match = PARSE.search(line)
        if match:
            self.parsing = match.group(1)
        match = OBSERVE.search(line)
        if match:
            self.highest = max(self.highest, int(match.group(2)))
            holder, name = self.methods.get(self.parsing, ("?", "?"))
            holder_name = self.klasses.get(holder, "?").split(".")[-1]
            self.contributions["%s.%s" % (holder_name, name)] += int(match.group(1))


def main(argv):
    if not argv:
        sys.exit(__doc__)
    top = int(argv[1]) if len(argv) > 1 else 10
    compiles = []
    traps = collections.Counter()
    task = None
    with open(argv[0], errors="replace") as log:
        lines = iter(log)
        for line in lines:
            if line.startswith("<task "):
                match = TASK.match(line)
                # C2 compiles carry no level attribute
                task = Compile(match.group(1)) if match and " level='" not in line else None
                continue
            if TRAP.match(line):
                frame = JVMS.search(next(lines, ""))
                if frame:
                    traps["%s.%s @%s" % (frame.group(2), frame.group(3), frame.group(1))] += 1
                continue
            if task is None:
                continue
            if line.startswith("</task>"):
                compiles.append(task)
                task = None
                continue
            task.read(line)
    compiles.sort(key=lambda c: -c.highest)
    print("C2 compiles of dev.filtre methods: %d; highest class-check totals (limit 100):" % len(compiles))
    seen = set()
    for c in compiles:
        if c.method in seen:
            continue
        seen.add(c.method)
        if len(seen) > top:
            break
        made = ", ".join("%s %d" % part for part in c.contributions.most_common(3))
        print("  %4d  %s%s" % (c.highest, c.method, "  (" + made + ")" if made else ""))
    print("class-check traps taken, by method and bytecode:")
    for where, count in traps.most_common(top):
        print("  %4d  %s" % (count, where))


if __name__ == "__main__":
    main(sys.argv[1:])
