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


def main(argv):
    if not argv:
        sys.exit(__doc__)
    top = int(argv[1]) if len(argv) > 1 else 10
    compiles = []  # (highest total, method, Counter of contributing methods)
    traps = collections.Counter()
    task = None
    with open(argv[0], errors="replace") as log:
        lines = iter(log)
        for line in lines:
            if line.startswith("<task "):
                match = TASK.match(line)
                task = None
                if match and " level='" not in line:  # C2 compiles carry no level attribute
                    task = [0, match.group(1), collections.Counter(), {}, {}, []]
                continue
            if TRAP.match(line):
                frame = JVMS.search(next(lines, ""))
                if frame:
                    traps["%s.%s @%s" % (frame.group(2), frame.group(3), frame.group(1))] += 1
                continue
            if task is None:
                continue
            if line.startswith("</task>"):
                compiles.append((task[0], task[1], task[2]))
                task = None
                continue
            match = KLASS.search(line)
            if match:
                task[4][match.group(1)] = match.group(2)
            match = METHOD.search(line)
            if match:
                task[3][match.group(1)] = (match.group(2), match.group(3))
            match = PARSE.search(line)
            if match:
                task[5] = match.group(1)
            match = OBSERVE.search(line)
            if match:
                task[0] = max(task[0], int(match.group(2)))
                holder, name = task[3].get(task[5], ("?", "?"))
                task[2]["%s.%s" % (task[4].get(holder, "?").split(".")[-1], name)] += int(match.group(1))
    compiles.sort(key=lambda c: -c[0])
    print("C2 compiles of dev.filtre methods: %d; highest class-check totals (limit 100):" % len(compiles))
    seen = set()
    for total, method, parts in compiles:
        if method in seen:
            continue
        seen.add(method)
        if len(seen) > top:
            break
        made = ", ".join("%s %d" % part for part in parts.most_common(3))
        print("  %4d  %s%s" % (total, method, "  (" + made + ")" if made else ""))
    print("class-check traps taken, by method and bytecode:")
    for where, count in traps.most_common(top):
        print("  %4d  %s" % (count, where))


if __name__ == "__main__":
    main(sys.argv[1:])
