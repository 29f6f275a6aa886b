#!/usr/bin/env bash
# History in the window: the history benchmark's volume (RUNS history-shaped runs of EVENTS lines, default 2,000 of
# 5,000; generated once and reused, src/bench/history-volume.sh) opened in the real window with its history on screen,
# REPEAT times, each in a fresh JVM running HistoryWindowBenchmarkTest: time to the first screenful of the grid and
# to the whole history, the longest UI pulse gap while it loads, the time until the session has indexed every run,
# the heap after full GCs (and the history's share of it), then a new run appearing and growing by appends through
# the locked path, each timed until the grid shows it. Prints medians.
# CACHE says what the window finds kept from an earlier start (indexes and run summaries, as the app keeps them):
#   none: no cache at all; cold (default): an empty cache folder before every run; warm: a cache folder filled by
#   one start before the timed ones (not counted), as on every start after the first.
# Usage: src/bench/history-window.sh      REPEAT=3 CACHE=warm src/bench/history-window.sh      RUNS=200 src/bench/history-window.sh
#   DISPLAY_MODE=headless (default): JavaFX's headless platform, as the tests run; xvfb: GTK on an Xvfb display.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK_DIR=${WORK_DIR:-/tmp/omne-bench-history}
RUNS=${RUNS:-2000}
EVENTS=${EVENTS:-5000}
MALFORMED_EVERY=${MALFORMED_EVERY:-1000}
UNFINISHED=${UNFINISHED:-3}
FAILING=${FAILING:-20}
SEED=${SEED:-42}
REPEAT=${REPEAT:-3}
DISPLAY_MODE=${DISPLAY_MODE:-headless}
CACHE=${CACHE:-cold}

cd "$REPO"
source "$REPO/.ci/jdk25.sh"
source "$REPO/src/bench/history-volume.sh"

run=(./mvnw -B -ntp -q test -Dtest=HistoryWindowBenchmarkTest -Dsurefire.excludedGroups=none
     -Dsurefire.failIfNoSpecifiedTests=false)
if [ "$DISPLAY_MODE" = xvfb ]; then
  command -v xvfb-run >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb libgtk-3-0 >/dev/null
  run=(xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}"
       "-Dtest.jvm.args=-Dtestfx.robot=glass -Dprism.order=sw --enable-native-access=ALL-UNNAMED")
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
cache_env=()
case "$CACHE" in
  none) ;;
  cold|warm) cache_env=(BENCH_CACHE="$results/cache") ;;
  *) echo "CACHE must be none, cold or warm, not $CACHE" >&2; exit 2 ;;
esac
if [ "$CACHE" = warm ]; then
  echo "Filling the cache by one start (not counted), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  env "${cache_env[@]}" BENCH_VOLUME="$WORK_DIR" "${run[@]}" > "$results/fill.log" 2>&1 || { tail -n 40 "$results/fill.log"; exit 1; }
  echo "  cache: $(du -sh "$results/cache" | cut -f1) in $(find "$results/cache" -type f | wc -l) entries"
fi
for i in $(seq 1 "$REPEAT"); do
  [ "$CACHE" = cold ] && rm -rf "$results/cache"
  echo "Run $i of $REPEAT ($DISPLAY_MODE, cache $CACHE), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  env "${cache_env[@]}" BENCH_VOLUME="$WORK_DIR" "${run[@]}" > "$results/run-$i.log" 2>&1 || { tail -n 40 "$results/run-$i.log"; exit 1; }
  grep -E '^(RESULT|volume )' "$results/run-$i.log" | sed 's/^/  /'
done

source "$REPO/src/bench/measure.sh"
echo
echo "Medians of $REPEAT runs ($DISPLAY_MODE, cache $CACHE; $(nproc) cores; load average now $(cut -d' ' -f1-3 /proc/loadavg)):"
for key in first_screen_ms whole_history_ms longest_pulse_gap_loading_ms session_indexed_ms heap_after_gc_mib \
           heap_over_empty_jvm_mib history_heap_mib new_run_shown_ms growth_shown_median_ms growth_shown_max_ms \
           longest_pulse_gap_live_ms; do
  cat "$results"/run-*.log | awk -v k="$key" '$1 == "RESULT" && $2 == k { print $3 }' > "$results/$key"
  printf '  %-32s %10s   (%s)\n' "$key" "$(median "$results/$key")" "$(tr '\n' ' ' < "$results/$key")"
done
