#!/usr/bin/env bash
# Soak benchmark: for --seconds N (default 60), two looping inject processes and two python3 flock writers append
# to three runs while the volume watcher follows them and a fourth run is truncated or replaced every few seconds.
# Prints per writer the counts written, on disk and followed (duplicates, gaps, torn lines), the churned run's
# notices, check's verdict and the follower's heap after a full GC over time. Builds the jar first if it is missing.
# Usage: src/bench/soak.sh [--seconds N] [--rate R] [--inject-rate R] [--churn-ms MS] [--heap-every-s S] [--dir DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/jdk25.sh
if [ ! -f target/omne-inspector.jar ] || [ ! -d target/lib ]; then
  ./mvnw -B -ntp -q -DskipTests package
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp 'target/omne-inspector.jar:target/lib/*' \
  dev.omne.inspector.bench.SoakBench --writer-script src/bench/soak_writer.py "$@"
