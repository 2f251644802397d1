#!/usr/bin/env bash
# Filtre against PyTorch (reference BLAS and OpenBLAS) and ONNX Runtime Java on LeNet-5 and
# FashionNet, in one run on one machine, ending with one table (see README.md).
#
#   bench/run.sh                       # the full table and paired training rounds, 10 to 12 minutes on 2 cores
#   SECONDS_PER_RUN=0.5 bench/run.sh   # shorter timing windows
#
# Environment: SECONDS_PER_RUN (timed window of one throughput run, default 1),
# RUNS (runs per figure, median kept, default 3), LATENCY_CALLS (default 2000),
# WARMUP_SECONDS (the JVM's warm-up before each figure, default 5: the Vector API kernels' rarer
# paths, the tails, reach C2 only after a few seconds, and run boxed and slow until then),
# NETS (default "lenet5 fashionnet"), PAIRED_ROUNDS (rounds of two-thread training measured in
# pairs after the table, default 3; 0 for none), SKIP_BUILD=1 to reuse bench/target, JAVA_OPTS (the
# JVM options; default --add-modules jdk.incubator.vector, so Filtre uses its Vector API kernels).
set -euo pipefail
cd "$(dirname "$0")/.."
# the Vector API kernels of Filtre (dev.filtre.kernels.Kernels picks them when the module is there)
JAVA_OPTS=${JAVA_OPTS:-"--add-modules jdk.incubator.vector"}

SECONDS_PER_RUN=${SECONDS_PER_RUN:-1}
RUNS=${RUNS:-3}
LATENCY_CALLS=${LATENCY_CALLS:-2000}
WARMUP_SECONDS=${WARMUP_SECONDS:-5}
NETS=${NETS:-"lenet5 fashionnet"}
PAIRED_ROUNDS=${PAIRED_ROUNDS:-3}
PYTHON=/usr/bin/python3
OUT=bench/target/results
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
RESULTS=$OUT/results-$STAMP.jsonl

# PyTorch's BLAS configurations: Debian's reference BLAS (what python3-torch gets without
# OpenBLAS) and OpenBLAS built for OpenMP, told the AVX-512 kernels (SkylakeX) are fine here, as the
# issue sets it up; for training also OpenBLAS left to its own CPU detection, which trains LeNet-5
# faster on this machine (15.0-15.9K images/s against 11.5K on two threads, alternating runs).
# Installed together, apt may meet python3-torch's BLAS with OpenBLAS alone, leaving no reference
# BLAS: both are installed here when missing.
REFERENCE_BLAS=/usr/lib/x86_64-linux-gnu/blas:/usr/lib/x86_64-linux-gnu/lapack
for package in libopenblas0-openmp libblas3 liblapack3; do
    if ! dpkg -s "$package" >/dev/null 2>&1; then
        echo "installing $package (one of PyTorch's BLAS configurations)"
        apt-get install -y -qq "$package" >/dev/null
    fi
done
OPENBLAS=$(dirname "$(dpkg -L libopenblas0-openmp | grep '/libblas.so.3$' | head -1)")

if [ "${SKIP_BUILD:-0}" != 1 ]; then
    echo "building the bench module and what it needs (tests neither compiled nor run)"
    mvn -q -B -pl bench -am package -Dmaven.test.skip=true
fi
CLASSPATH="bench/target/classes:$(cat bench/target/classpath.txt)"

echo "exporting the networks from PyTorch (ONNX, weights, check vectors)"
$PYTHON bench/pytorch_peer.py export --dir bench/target/onnx

mkdir -p "$OUT"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "the multiply-add peak Java reaches on this machine (dev.filtre.bench.FmaPeak):"
java $JAVA_OPTS -cp "$CLASSPATH" dev.filtre.bench.FmaPeak 2>/dev/null | tee "$OUT/peak.txt"
COMMON=(--seconds "$SECONDS_PER_RUN" --runs "$RUNS" --latency-calls "$LATENCY_CALLS")
first=1
for net in $NETS; do
    work=train,latency,batch256
    if [ $first = 1 ]; then work=$work,matmul; first=0; fi
    LD_LIBRARY_PATH=$OPENBLAS OPENBLAS_CORETYPE=SkylakeX \
        $PYTHON bench/pytorch_peer.py measure --config pytorch-openblas --nets "$net" --work "$work" \
        "${COMMON[@]}" --results "$RESULTS"
    LD_LIBRARY_PATH=$OPENBLAS \
        $PYTHON bench/pytorch_peer.py measure --config pytorch-openblas-detected --nets "$net" --work train \
        "${COMMON[@]}" --results "$RESULTS"
    LD_LIBRARY_PATH=$REFERENCE_BLAS \
        $PYTHON bench/pytorch_peer.py measure --config pytorch-reference-blas --nets "$net" --work "$work" \
        "${COMMON[@]}" --results "$RESULTS"
    java $JAVA_OPTS -Xms1g -Xmx2g -XX:+UseParallelGC -cp "$CLASSPATH" dev.filtre.bench.Harness --nets "$net" \
        --onnx-dir bench/target/onnx --warmup-seconds "$WARMUP_SECONDS" "${COMMON[@]}" --results "$RESULTS"
done

# Training against PyTorch + OpenBLAS again, in pairs: the two sides' training figures above are
# a minute or more apart, and this machine's two cores change speed over such times (by 10 to 40%,
# not alike for both sides). Each round measures both sides' training one right after the other,
# the side going first alternating from round to round, each on one then two threads as above (so
# that the two-thread figure follows the same warm-up); table.py prints each round's two-thread
# ratio and their median.
peer_training() { # net results
    LD_LIBRARY_PATH=$OPENBLAS OPENBLAS_CORETYPE=SkylakeX \
        $PYTHON bench/pytorch_peer.py measure --config pytorch-openblas --nets "$1" --work train --threads 1,2 \
        "${COMMON[@]}" --results "$2"
    LD_LIBRARY_PATH=$OPENBLAS \
        $PYTHON bench/pytorch_peer.py measure --config pytorch-openblas-detected --nets "$1" --work train \
        --threads 1,2 "${COMMON[@]}" --results "$2"
}
filtre_training() { # net results
    java $JAVA_OPTS -Xms1g -Xmx2g -XX:+UseParallelGC -cp "$CLASSPATH" dev.filtre.bench.Harness --nets "$1" \
        --impls filtre --work train --threads 1,2 --warmup-seconds "$WARMUP_SECONDS" "${COMMON[@]}" --results "$2"
}
PAIRED=()
for round in $(seq "$PAIRED_ROUNDS"); do
    echo "paired training, round $round of $PAIRED_ROUNDS"
    PAIRED+=("$OUT/paired-$STAMP-r$round.jsonl")
    for net in $NETS; do
        if [ $((round % 2)) = 1 ]; then
            peer_training "$net" "${PAIRED[-1]}"
            filtre_training "$net" "${PAIRED[-1]}"
        else
            filtre_training "$net" "${PAIRED[-1]}"
            peer_training "$net" "${PAIRED[-1]}"
        fi
    done
done

echo
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg) (figures taken while other processes run are noisy)"
echo "results: $RESULTS${PAIRED[@]+ and ${PAIRED[*]}}"
$PYTHON bench/table.py "$RESULTS" ${PAIRED[@]+--paired "${PAIRED[@]}"} | tee "$OUT/table.md"
