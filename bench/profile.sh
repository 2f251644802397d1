#!/usr/bin/env bash
# Where Filtre's training time goes: runs the harness's training on one thread under Java Flight
# Recorder, then lists the hottest methods (own time and time including callees) and where the
# heap allocations come from.
#
#   bench/profile.sh                 # FashionNet, 1 thread, about 30 s
#   NET=lenet5 THREADS=2 bench/profile.sh
#
# SKIP_BUILD=1 reuses bench/target; JAVA_OPTS replaces the JVM options (default: the Vector API
# module). The recording stays in bench/target/profile/
set -euo pipefail
cd "$(dirname "$0")/.."
# the Vector API kernels of Filtre (dev.filtre.kernels.Kernels picks them when the module is there)
JAVA_OPTS=${JAVA_OPTS:-"--add-modules jdk.incubator.vector"}
NET=${NET:-fashionnet}
THREADS=${THREADS:-1}
SECONDS_PER_RUN=${SECONDS_PER_RUN:-8}
OUT=bench/target/profile
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    mvn -q -B -pl bench -am package -Dmaven.test.skip=true
fi
mkdir -p "$OUT"
RECORDING=$OUT/train-$NET-${THREADS}t.jfr
java $JAVA_OPTS -Xms1g -Xmx2g -XX:+UseParallelGC \
    -XX:StartFlightRecording=filename="$RECORDING",settings=profile \
    -cp "bench/target/classes:$(cat bench/target/classpath.txt)" dev.filtre.bench.Harness \
    --nets "$NET" --threads "$THREADS" --impls filtre --work train --runs 1 --seconds "$SECONDS_PER_RUN"
jfr print --json --events jdk.ExecutionSample,jdk.ObjectAllocationSample "$RECORDING" > "$OUT/events.json"
/usr/bin/python3 bench/jfr_hot.py "$OUT/events.json"
