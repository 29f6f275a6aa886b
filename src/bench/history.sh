#!/usr/bin/env bash
# History benchmark: a volume of RUNS history-shaped runs (default 2,000) of EVENTS lines each (default 5,000),
# generated once and reused. Measures, each REPEAT times in a fresh JVM, `stats --no-cache --format json` on the
# whole volume (every log read cold into run summaries, then the node statistics), `stats` from the run summaries
# kept by an earlier start (a cache folder of its own, filled by one run not counted: the start after the first),
# `check --no-cache` on it (the run index alone, the same line judge: the floor of reading every line) and `wc -l`
# over its logs (the floor of reading the bytes); prints median wall and CPU times, peak RSS and the ratios. Then HistoryBench in one JVM: the same work ROUNDS
# times (first round with JIT warm-up, then steady state), the heap the history keeps, and the cost of a run
# growing while the history is live. DROP_CACHES=1 drops the page cache before every fresh-JVM run (root only):
# without it the logs are read from memory after the first run.
# Usage: src/bench/history.sh        RUNS=200 REPEAT=3 src/bench/history.sh
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
REPEAT=${REPEAT:-5}
ROUNDS=${ROUNDS:-6}
DROP_CACHES=${DROP_CACHES:-0}

cd "$REPO"
source "$REPO/.ci/jdk25.sh"
[ -x /usr/bin/time ] || { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }
source "$REPO/src/bench/history-volume.sh"

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
find "$WORK_DIR/.omne/var/runs" -name events.jsonl -print0 > "$TMP/files"

source "$REPO/src/bench/measure.sh"

echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg); page cache dropped before each run: $DROP_CACHES"
echo "stats: java -jar omne-inspector.jar stats --no-cache DIR --format json"
measure stats 0 "${OMNE[@]}" stats --no-cache "$WORK_DIR" --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print("  %d runs, %d events, %d malformed lines skipped, %d nodes" % (d["runs"], d["events"], d["malformed_lines_skipped"], len(d["nodes"])))' "$TMP/stats.out"
cached=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED "-Domne.cache.dir=$TMP/cache" -jar target/omne-inspector.jar)
"${cached[@]}" stats "$WORK_DIR" --format json > "$TMP/kept.out"
echo "kept: java -Domne.cache.dir=CACHE -jar omne-inspector.jar stats DIR --format json (CACHE filled by one run before)"
measure kept 0 "${cached[@]}" stats "$WORK_DIR" --format json
cmp -s "$TMP/stats.out" "$TMP/kept.out" || { echo "stats from the kept summaries differs from stats --no-cache" >&2; exit 1; }
echo "check: java -jar omne-inspector.jar check --no-cache DIR"
measure check 1 "${OMNE[@]}" check --no-cache "$WORK_DIR"
tail -n 1 "$TMP/check.out" | sed 's/^/  /'
echo "wc: xargs -0 cat < FILES | wc -l"
measure wc 0 sh -c "xargs -0 cat < '$TMP/files' | wc -l"

echo
echo "Fresh JVMs, medians of $REPEAT runs ($(sed -n 2p "$WORK_DIR/generated.txt")):"
printf '  %-8s %14s %14s %20s\n' tool "median wall s" "median CPU s" "median peak RSS MiB"
for t in stats kept check wc; do
  printf '  %-8s %14.2f %14.2f %20.1f\n' "$t" "$(median "$TMP/$t.wall")" "$(median "$TMP/$t.cpu")" "$(median "$TMP/$t.rss")"
done
echo "  stats/check: wall $(ratio "$(median "$TMP/stats.wall")" "$(median "$TMP/check.wall")"), CPU $(ratio "$(median "$TMP/stats.cpu")" "$(median "$TMP/check.cpu")");" \
  "stats/wc: wall $(ratio "$(median "$TMP/stats.wall")" "$(median "$TMP/wc.wall")");" \
  "kept/stats: wall $(ratio "$(median "$TMP/kept.wall")" "$(median "$TMP/stats.wall")")"

echo
echo "One JVM: HistoryBench $WORK_DIR $ROUNDS"
"$JAVA_HOME/bin/java" -cp "$BENCH_CP" dev.omne.inspector.bench.HistoryBench "$WORK_DIR" "$ROUNDS"
