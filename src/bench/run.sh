#!/usr/bin/env bash
# Runs one class of the benchmark harness (src/bench/java, package dev.omne.inspector.bench), building it first
# when needed. Usage: src/bench/run.sh CLASS [ARGS...]   e.g. src/bench/run.sh IndexBench FILE 2 6
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/jdk25.sh
source src/bench/build.sh
if [ $# -lt 1 ]; then
  echo "usage: src/bench/run.sh CLASS [ARGS...]; classes: $(cd src/bench/java/dev/omne/inspector/bench && ls *.java | grep -v Test | sed 's/\.java$//' | tr '\n' ' ')" >&2
  exit 2
fi
class=$1
shift
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" "dev.omne.inspector.bench.$class" "$@"
