#!/usr/bin/env bash
# Soak benchmark: for --seconds N (default 60), two looping inject processes and two python3 flock writers append
# to three runs while the volume watcher follows them and a fourth run is truncated or replaced every few seconds.
# Prints per writer the counts written, on disk and followed (duplicates, gaps, torn lines), the churned run's
# notices, check's verdict and the follower's heap after a full GC over time. Builds the jar and the harness first when needed.
# Usage: src/bench/soak.sh [--seconds N] [--rate R] [--inject-rate R] [--churn-ms MS] [--heap-every-s S] [--dir DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/jdk25.sh
source src/bench/build.sh
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" \
  dev.omne.inspector.bench.SoakBench --writer-script src/bench/soak_writer.py "$@"
