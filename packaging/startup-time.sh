#!/usr/bin/env bash
# Measures the cold start of the window: wall time from launching COMMAND to the first viewable
# (mapped) X window whose title contains "omne inspector", on a private Xvfb display.
# Usage: packaging/startup-time.sh [-n RUNS] [-t TITLE] [-c] COMMAND [ARG...]
#   e.g. packaging/startup-time.sh -n 7 /opt/omne-inspector/bin/omne-inspector
# Prints each run and the median. Needs Xvfb and xwininfo: apt-get install xvfb x11-utils
# Every run is a new process (a cold JVM). With -c the page cache is also dropped before each run
# (root only; it slows everything else on the machine for a moment), as after a reboot.
set -euo pipefail

runs=5
title="omne inspector"
drop_cache=0
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs=$2; shift 2 ;;
    -t) title=$2; shift 2 ;;
    -c) drop_cache=1; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { sed -n '2,8p' "$0" >&2; exit 2; }
for tool in Xvfb xwininfo; do
  command -v "$tool" >/dev/null || { echo "needs $tool: apt-get install xvfb x11-utils" >&2; exit 1; }
done

tmp=$(mktemp -d)
source "$(dirname "$0")/../src/bench/display.sh"
app=
XVFB_PID=
cleanup() {
  [ -z "$app" ] || kill "$app" 2>/dev/null || true
  [ -z "$XVFB_PID" ] || kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
private_display "$tmp"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

viewable() {
  local id
  for id in $(xwininfo -root -tree 2>/dev/null | awk -v t="$title" 'index($0, t) { print $1 }'); do
    xwininfo -id "$id" 2>/dev/null | grep -q 'Map State: IsViewable' && return 0
  done
  return 1
}

cache=warm
for i in $(seq "$runs"); do
  if [ "$drop_cache" = 1 ]; then
    sync
    if echo 3 2>/dev/null > /proc/sys/vm/drop_caches; then cache=dropped; else echo "cannot drop the page cache" >&2; exit 1; fi
  fi
  start=$(now_ms)
  "$@" > "$tmp/app.log" 2>&1 &
  app=$!
  until viewable; do
    if ! kill -0 "$app" 2>/dev/null; then
      echo "run $i: the app exited before showing a window:" >&2; tail -n 20 "$tmp/app.log" >&2
      kill -0 "$xvfb" 2>/dev/null || { echo "Xvfb on $DISPLAY is gone:" >&2; tail -n 20 "$tmp/xvfb.log" >&2; }
      exit 1
    fi
    if [ $(( $(now_ms) - start )) -gt 60000 ]; then echo "run $i: no window after 60 s" >&2; exit 1; fi
    sleep 0.01
  done
  ms=$(( $(now_ms) - start ))
  # CPU time the process used until then (all threads, user + system): less sensitive than the wall time
  # to other work on the machine.
  cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print int(($12 + $13) * 1000 / hz) }' "/proc/$app/stat")
  echo "run $i: ${ms} ms (CPU ${cpu_ms} ms)"
  echo "$ms" >> "$tmp/times"
  echo "$cpu_ms" >> "$tmp/cpu"
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=
done
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "median of $runs runs to the first window: $(median "$tmp/times") ms, CPU $(median "$tmp/cpu") ms (page cache $cache)"
