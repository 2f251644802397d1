#!/usr/bin/env bash
# JMH benchmarks of the generated code (never run by the Maven build). Arguments go to JMH:
#
#   bench/jmh.sh                                   # everything, about 3 minutes
#   bench/jmh.sh LayerBenchmarks -p layer=conv2    # FashionNet's conv2 forward and backward
#   bench/jmh.sh LayerBenchmarks.forward -p layer=conv2   # unfolded (training) vs direct (evaluation)
#   bench/jmh.sh NetworkBenchmarks.trainSample -p network=fashionnet -prof gc
#   bench/jmh.sh -l                                # list the benchmarks
#
# SKIP_BUILD=1 reuses bench/target; JAVA_OPTS replaces the JVM options (default: the Vector API module).
set -euo pipefail
cd "$(dirname "$0")/.."
# the Vector API kernels of Filtre (dev.filtre.kernels.Kernels picks them when the module is there)
JAVA_OPTS=${JAVA_OPTS:-"--add-modules jdk.incubator.vector"}
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    mvn -q -B -pl bench -am package -Dmaven.test.skip=true
fi
exec java $JAVA_OPTS -cp "bench/target/classes:$(cat bench/target/classpath.txt)" org.openjdk.jmh.Main "$@"
