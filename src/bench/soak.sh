#!/usr/bin/env bash
# Soak benchmark: for --seconds N (default 60), two looping inject processes and two python3 flock writers append
# to three runs while the volume watcher follows them and a fourth run is truncated or replaced every few seconds.
# Prints per writer the counts written, on disk and followed (duplicates, gaps, torn lines), the churned run's
# notices, check's verdict and the follower's heap after a full GC over time. Builds the jar first if it is missing.
# Usage: src/bench/soak.sh [--seconds N] [--rate R] [--inject-rate R] [--churn-ms MS] [--heap-every-s S] [--dir DIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  JAVA_HOME=$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -n 1 || true)
fi
if [ -z "${JAVA_HOME:-}" ] || [ ! -x "$JAVA_HOME/bin/java" ]; then
  echo "No JDK 25 found: set JAVA_HOME" >&2
  exit 1
fi
export JAVA_HOME
if [ ! -f target/omne-inspector.jar ] || [ ! -d target/lib ]; then
  ./mvnw -B -ntp -q -DskipTests package
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp 'target/omne-inspector.jar:target/lib/*' \
  dev.omne.inspector.bench.SoakBench --writer-script src/bench/soak_writer.py "$@"
