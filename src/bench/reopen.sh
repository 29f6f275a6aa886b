#!/usr/bin/env bash
# Reopening the scale benchmark's 1,000,000-line run from the index cache, as a window's start does, in a JVM of its own
# each round: the index alone (IndexCache.openKnown, what the follower calls) and the follower's first update carrying
# the whole run (VolumeWatcher, as the window follows a volume). Prints each round, then the medians and the load.
# Usage: REPEAT=5 src/bench/reopen.sh   (EVENTS, MALFORMED_EVERY, SEED, WORK_DIR as for scale.sh)
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK_DIR=${WORK_DIR:-/tmp/omne-bench}
REPEAT=${REPEAT:-5}
EVENTS=${EVENTS:-1000000}
MALFORMED_EVERY=${MALFORMED_EVERY:-10000}
SEED=${SEED:-42}
cd "$REPO"
source "$REPO/.ci/jdk25.sh"
source "$REPO/src/bench/scale-run.sh"
source "$REPO/src/bench/reopen-run.sh"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
source "$REPO/src/bench/measure.sh"

reopen_prepare "$FILE"
for i in $(seq 1 "$REPEAT"); do
  echo "Round $i of $REPEAT"
  reopen_once index "$FILE"
  reopen_once watcher "$FILE"
done
echo
echo "Reopening $FILE ($(stat -c %s "$FILE") bytes) from its index cache entry, $REPEAT rounds, $(nproc) cores:"
reopen_report
