#!/usr/bin/env bash
# Whether C2 compiles Filtre's Vector API kernels without boxing, JVM after JVM: trains LeNet-5 on one
# then two threads in JVMS fresh JVMs (default 6, about 40 s each) with -XX:+LogCompilation, and
# prints for each the images/s and bytes allocated per step of each pass, and the highest
# class-check totals C2 reached in a kernel's compile (over 100, C2 stops trusting type profiles
# and the kernel runs boxed; see class_checks.py).
#
#   bench/jit_check.sh               # six JVMs
#   JVMS=12 NET=fashionnet bench/jit_check.sh
#
# SKIP_BUILD=1 reuses bench/target; JAVA_OPTS replaces the JVM options (default: the Vector API
# module). The logs stay in bench/target/jit/.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA_OPTS=${JAVA_OPTS:-"--add-modules jdk.incubator.vector"}
JVMS=${JVMS:-6}
NET=${NET:-lenet5}
OUT=bench/target/jit
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    mvn -q -B -pl bench -am package -Dmaven.test.skip=true
fi
mkdir -p "$OUT"
CLASSPATH="bench/target/classes:$(cat bench/target/classpath.txt)"
for jvm in $(seq 1 "$JVMS"); do
    log=$OUT/$NET-$jvm.log
    # shellcheck disable=SC2086
    java $JAVA_OPTS -Xms1g -Xmx2g -XX:+UseParallelGC -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation \
        -XX:LogFile="$log" -cp "$CLASSPATH" dev.filtre.bench.Harness --nets "$NET" --threads 1,2 --work train \
        --impls filtre --runs 3 --seconds 2 --warmup-seconds 3 > "$OUT/$NET-$jvm.txt" 2>&1
    echo "JVM $jvm: $(awk '/images\/s/ {printf "%s %s thread(s) %s images/s %s B/step; ", $1, $3, $6, $(NF-2)}' "$OUT/$NET-$jvm.txt")"
    /usr/bin/python3 bench/class_checks.py "$log" 3 | sed -n '2,4p'
done
