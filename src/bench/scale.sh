#!/usr/bin/env bash
# Scale benchmark: the inspector against lnav (and jq) on one large generated run, in paired rounds. Each round runs,
# one after the other: check --no-cache through `java -jar` (cold: no index kept, nothing cached), the same with a JDK
# AOT cache (AOT=1), through the installed launcher when an app image is there (packaging/package.sh app-image, or
# LAUNCHER=path), check from its cache (a second check of the unchanged run), lnav, jq (JQ=1), and reopening the run
# in a window's follower from its index cache (the index alone, and the follower's first update). After the rounds,
# warm indexing in one JVM (IndexBench: WARM=0 leaves it out). Prints the medians, the load average and the ratios
# against lnav (each round's own ratio, then their median).
# Usage: REPEAT=5 AOT=0 JQ=0 src/bench/scale.sh
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
FORMAT_FILE=${FORMAT_FILE:-$(dirname "$REPO")/shared/bench/lnav-omne-events-format.json}
WORK_DIR=${WORK_DIR:-/tmp/omne-bench}
REPEAT=${REPEAT:-5}
EVENTS=${EVENTS:-1000000}
MALFORMED_EVERY=${MALFORMED_EVERY:-10000}
SEED=${SEED:-42}
# INSPECTOR_CMD gets the events file appended; its default is set once the JDK is known.
INSPECTOR_CMD=${INSPECTOR_CMD:-}

cd "$REPO"

# ---- JDK 25, picked like .ci/run ----
source "$REPO/.ci/jdk25.sh"
JAVA="$JAVA_HOME/bin/java"
INSPECTOR_CMD=${INSPECTOR_CMD:-"$JAVA -jar $REPO/target/omne-inspector.jar check --no-cache --stats"}
LAUNCHER=${LAUNCHER:-$REPO/target/jpackage/image/omne-inspector/bin/omne-inspector}
CHECK_CACHE=$WORK_DIR/check-cache

# ---- tools ----
need=()
command -v lnav >/dev/null || need+=(lnav)
command -v jq >/dev/null || need+=(jq)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi

if [ ! -f "$FORMAT_FILE" ]; then
  echo "lnav format file not found: $FORMAT_FILE (set FORMAT_FILE)" >&2
  exit 1
fi
# lnav reads ~/.lnav instead when that folder exists.
lnav_dirs=("${XDG_CONFIG_HOME:-$HOME/.config}/lnav")
if [ -d "$HOME/.lnav" ]; then lnav_dirs+=("$HOME/.lnav"); fi
for dir in "${lnav_dirs[@]}"; do
  mkdir -p "$dir/formats/installed"
  cp "$FORMAT_FILE" "$dir/formats/installed/omne_events.json"
done

# ---- jar and data ----
source "$REPO/src/bench/scale-run.sh"
BYTES=$(stat -c %s "$FILE")
echo "File: $FILE, $BYTES bytes ($(awk -v b="$BYTES" 'BEGIN { printf "%.1f", b / 1048576 }') MiB)"

# ---- measuring ----
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

source "$REPO/src/bench/measure.sh"
source "$REPO/src/bench/reopen-run.sh"

tools=()

echo "Inspector: $INSPECTOR_CMD FILE"
read -r -a inspector <<< "$INSPECTOR_CMD"
set +e
"${inspector[@]}" "$FILE" > "$TMP/probe.out" 2> "$TMP/probe.err"
probe=$?
set -e
if [ "$probe" -ne 0 ] && [ "$probe" -ne 1 ]; then
  echo "  the inspector failed: exit code $probe" >&2; tail -n 5 "$TMP/probe.err" >&2; exit 1
fi
tools+=(inspector)
head -n 20 "$TMP/probe.out"
# The same command with a JDK 25 AOT cache (class loading + method profiles from a training run on a smaller
# generated log), as the installed launcher runs it: most of a cold run is JIT warm-up.
if [ "${AOT:-1}" = 1 ] && [ "${inspector[0]}" = "$JAVA" ]; then
  AOT_FILE="$WORK_DIR/inspector.aot"
  if [ ! -f "$AOT_FILE" ] || [ "$AOT_FILE" -ot "$REPO/target/omne-inspector.jar" ]; then
    echo "Training an AOT cache on a 200,000-line log"
    "${GEN[@]}" --file "$WORK_DIR/train/events.jsonl" --events 200000 --malformed-every 1000 --seed 7 > /dev/null
    "$JAVA" -XX:AOTCacheOutput="$AOT_FILE" "${inspector[@]:1}" "$WORK_DIR/train/events.jsonl" > /dev/null 2>&1 || true
  fi
  echo "Inspector with AOT cache: $JAVA -XX:AOTCache=$AOT_FILE ${inspector[*]:1} FILE"
  tools+=(inspector_aot)
fi
if [ -x "$LAUNCHER" ]; then
  echo "Installed launcher: $LAUNCHER check --no-cache --stats FILE"
  tools+=(launcher)
else
  echo "Installed launcher: none at $LAUNCHER (packaging/package.sh app-image makes one): left out"
fi
cached=("$JAVA" -D"omne.cache.dir=$CHECK_CACHE" -jar "$REPO/target/omne-inspector.jar" check --stats)
echo "Check from its cache: ${cached[*]} FILE (after one check that writes the entry)"
"${cached[@]}" "$FILE" > /dev/null || [ $? -eq 1 ]
tools+=(cached)
echo "lnav: lnav -n -c ';SELECT count(*) FROM all_logs' FILE"
tools+=(lnav)
if [ "${JQ:-1}" = 1 ]; then
  echo "jq: jq -c -R 'fromjson?' FILE >/dev/null"
  tools+=(jq)
fi
echo "Reopen from the index cache: ReopenBench FILE $REOPEN_CACHE [--index], a JVM of its own each"
reopen_prepare "$FILE"

# Paired runs: every round runs each tool once, one after the other, so a change in the machine's load falls on
# all of them alike.
for i in $(seq 1 "$REPEAT"); do
  echo "Round $i of $REPEAT"
  for t in "${tools[@]}"; do
    case $t in
      inspector) measure_once inspector 1 "${inspector[@]}" "$FILE" || exit 1 ;;
      inspector_aot) measure_once inspector_aot 1 "$JAVA" -XX:AOTCache="$AOT_FILE" "${inspector[@]:1}" "$FILE" || exit 1 ;;
      launcher) measure_once launcher 1 "$LAUNCHER" check --no-cache --stats "$FILE" || exit 1 ;;
      cached) measure_once cached 1 "${cached[@]}" "$FILE" || exit 1 ;;
      lnav) measure_once lnav 0 lnav -n -c ';SELECT count(*) FROM all_logs' "$FILE" || exit 1 ;;
      jq) measure_once jq 0 jq -c -R 'fromjson?' "$FILE" || exit 1 ;;
    esac
  done
  reopen_once index "$FILE" || exit 1
  reopen_once watcher "$FILE" || exit 1
done
echo "  lnav's count output:"; sed 's/^/    /' "$TMP/lnav.out"
lnav_count=$(grep -Eo '[0-9]+' "$TMP/lnav.out" | tail -n 1 || true)
if [ -z "$lnav_count" ] || [ "$lnav_count" -lt $((EVENTS * 9 / 10)) ]; then
  echo "  WARNING: lnav counted '${lnav_count}' rows, expected about $EVENTS: is the omne_events format installed?" >&2
fi

if [ "${WARM:-1}" = 1 ]; then
  echo "Warm: src/bench/run.sh IndexBench FILE 2 5 (the index built in one JVM, 2 warm-up rounds, 5 measured)"
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" dev.omne.inspector.bench.IndexBench \
    "$FILE" 2 5 2>&1 | grep -E 'round [0-9]+:|RESULT' | sed -E 's/^.*\((round [0-9]+:[^)]*)\).*$/  \1/' \
    | tee "$TMP/warm.out"
fi

# ---- report ----
echo
echo "Results over $REPEAT paired rounds, $EVENTS lines, $BYTES bytes, $(nproc) cores:"
printf '  %-14s %14s %14s %20s %14s\n' tool "median wall s" "median CPU s" "median peak RSS MiB" "load avg"
declare -A wall cpu rss
for t in "${tools[@]}"; do
  wall[$t]=$(median "$TMP/$t.wall")
  cpu[$t]=$(median "$TMP/$t.cpu")
  rss[$t]=$(median "$TMP/$t.rss")
  printf '  %-14s %14.2f %14.2f %20.1f %14s\n' "$t" "${wall[$t]}" "${cpu[$t]}" "${rss[$t]}" \
    "$(sort -g "$TMP/$t.load" | head -n 1)-$(sort -g "$TMP/$t.load" | tail -n 1)"
done
for mine in inspector inspector_aot launcher cached; do
  [ -n "${wall[$mine]:-}" ] || continue
  # Each round's own ratio, so the load of that moment cancels out.
  paste "$TMP/$mine.wall" "$TMP/lnav.wall" | awk '{ print $1 / $2 }' > "$TMP/$mine.ratio"
  paste "$TMP/$mine.cpu" "$TMP/lnav.cpu" | awk '{ print $1 / $2 }' > "$TMP/$mine.cpuratio"
  echo "  $mine/lnav: wall $(ratio "${wall[$mine]}" "${wall[lnav]}") (median of the rounds' own ratios"\
       "$(median "$TMP/$mine.ratio" | awk '{ printf "%.2f", $1 }')), CPU $(ratio "${cpu[$mine]}" "${cpu[lnav]}")"\
       "(rounds' $(median "$TMP/$mine.cpuratio" | awk '{ printf "%.2f", $1 }')), RSS $(ratio "${rss[$mine]}" "${rss[lnav]}")"
  if [ -n "${wall[jq]:-}" ]; then
    echo "  $mine/jq: wall $(ratio "${wall[$mine]}" "${wall[jq]}"), CPU $(ratio "${cpu[$mine]}" "${cpu[jq]}")"
  fi
done
reopen_report
if [ -s "$TMP/warm.out" ]; then
  echo "  warm (IndexBench, one JVM): $(grep RESULT "$TMP/warm.out" | sed 's/^.*RESULT //')"
fi
