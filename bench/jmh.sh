#!/usr/bin/env bash
# JMH benchmarks of the generated code (never run by the Maven build). Arguments go to JMH:
#
#   bench/jmh.sh                                   # everything, about 2 minutes
#   bench/jmh.sh LayerBenchmarks -p layer=conv2    # FashionNet's conv2 forward and backward
#   bench/jmh.sh NetworkBenchmarks.trainSample -p network=fashionnet -prof gc
#   bench/jmh.sh -l                                # list the benchmarks
#
# SKIP_BUILD=1 reuses bench/target.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    mvn -q -B -pl bench -am package -Dmaven.test.skip=true
fi
exec java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main "$@"
