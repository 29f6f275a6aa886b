#!/usr/bin/env bash
# `follow` on a volume of RUNS runs (default 20,000 of 50 events; generated once under target/bench and reused):
# start-up time, resident memory, CPU during its start-up work and while idle, and the delay from an append to its
# line, with inotify and with polls alone. Beside it, in the same runs: follow on a volume of one run, and
# inotifywait (apt-get install inotify-tools; left out if missing) watching the same run folders. Prints each run and
# the medians of REPEAT (default 3), with the load average.
# Usage: [REPEAT=3] [RUNS=20000] src/bench/follow-volume.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/jdk25.sh
if [ ! -f target/omne-inspector.jar ] || [ ! -d target/lib ]; then
  ./mvnw -B -ntp -q -DskipTests package
fi
REPEAT=${REPEAT:-3}
RUNS=${RUNS:-20000}
VOL=target/bench/volume-$RUNS
JAVA=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar target/omne-inspector.jar)
if [ ! -d "$VOL/.omne" ]; then
  "${JAVA[@]}" generate --out "$VOL" --runs "$RUNS" --events 50 >/dev/null
fi
command -v strace >/dev/null || { echo "needs strace for the measurement without change events" >&2; exit 1; }
exec python3 src/bench/follow_volume.py volume "$(printf '%s\n' "${JAVA[@]}" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().split("\n")[:-1]))')" "$VOL" "$REPEAT"
