#!/usr/bin/env bash
# Follow benchmark: latency (1,000 events at 100/s from another process) and throughput (200,000 events as
# fast as another process can append them). Builds the jar and the harness first when needed.
# Usage: src/bench/follow.sh [--latency-events N] [--rate R] [--throughput-events N] [--warmup-events N]
#                            [--batch-ms MS] [--dir DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/jdk25.sh
source src/bench/build.sh
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" \
  dev.omne.inspector.bench.FollowBench --writer src/bench/follow_writer.py "$@"
