#!/usr/bin/env bash
# Scale benchmark: the inspector's check against lnav and jq on one large generated run, in paired rounds.
# Usage: src/bench/scale.sh   (settings below are environment variables; AOT=0 leaves out the AOT-cache run,
# JQ=0 leaves out jq)
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
INSPECTOR_CMD=${INSPECTOR_CMD:-"$JAVA -jar $REPO/target/omne-inspector.jar check --stats"}

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

tools=()

echo "Inspector: $INSPECTOR_CMD FILE"
read -r -a inspector <<< "$INSPECTOR_CMD"
set +e
"${inspector[@]}" "$FILE" > "$TMP/probe.out" 2> "$TMP/probe.err"
probe=$?
set -e
if [ "$probe" -eq 2 ]; then
  echo "  skipped: exit code 2 (the check command is not there yet)"
elif head -n 1 "$TMP/probe.out" | grep -q '^usage:'; then
  echo "  skipped: it only printed its usage (the check command is not there yet)"
elif [ "$probe" -ne 0 ] && [ "$probe" -ne 1 ]; then
  echo "  skipped: exit code $probe"; tail -n 5 "$TMP/probe.err"
else
  tools+=(inspector)
  head -n 20 "$TMP/probe.out"
  # The same command with a JDK 25 AOT cache (class loading + method profiles from a training run on a
  # smaller generated log), as the installed launcher runs it: most of a cold run is JIT warm-up.
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
fi
echo "lnav: lnav -n -c ';SELECT count(*) FROM all_logs' FILE"
tools+=(lnav)
if [ "${JQ:-1}" = 1 ]; then
  echo "jq: jq -c -R 'fromjson?' FILE >/dev/null"
  tools+=(jq)
fi

# Paired runs: every round runs each tool once, one after the other, so a change in the machine's load falls on
# all of them alike.
for i in $(seq 1 "$REPEAT"); do
  echo "Round $i of $REPEAT"
  for t in "${tools[@]}"; do
    case $t in
      inspector) measure_once inspector 1 "${inspector[@]}" "$FILE" || exit 1 ;;
      inspector_aot) measure_once inspector_aot 1 "$JAVA" -XX:AOTCache="$AOT_FILE" "${inspector[@]:1}" "$FILE" || exit 1 ;;
      lnav) measure_once lnav 0 lnav -n -c ';SELECT count(*) FROM all_logs' "$FILE" || exit 1 ;;
      jq) measure_once jq 0 jq -c -R 'fromjson?' "$FILE" || exit 1 ;;
    esac
  done
done
echo "  lnav's count output:"; sed 's/^/    /' "$TMP/lnav.out"
lnav_count=$(grep -Eo '[0-9]+' "$TMP/lnav.out" | tail -n 1 || true)
if [ -z "$lnav_count" ] || [ "$lnav_count" -lt $((EVENTS * 9 / 10)) ]; then
  echo "  WARNING: lnav counted '${lnav_count}' rows, expected about $EVENTS: is the omne_events format installed?" >&2
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
if [ -n "${wall[inspector]:-}" ]; then
  for mine in inspector inspector_aot; do
    [ -n "${wall[$mine]:-}" ] || continue
    for other in lnav jq; do
      if [ -n "${wall[$other]:-}" ]; then
        echo "  $mine/$other: wall $(ratio "${wall[$mine]}" "${wall[$other]}"), CPU $(ratio "${cpu[$mine]}" "${cpu[$other]}"), RSS $(ratio "${rss[$mine]}" "${rss[$other]}")"
      fi
    done
  done
  # Each round's own ratio, so the load of that moment cancels out.
  if [ -n "${wall[lnav]:-}" ]; then
    paste "$TMP/inspector.wall" "$TMP/lnav.wall" | awk '{ print $1 / $2 }' > "$TMP/paired.ratio"
    echo "  inspector/lnav wall, median of the paired rounds' ratios: $(median "$TMP/paired.ratio")"
  fi
else
  echo "  inspector/lnav, inspector/jq: n/a (inspector not measured)"
fi
