#!/usr/bin/env bash
# Exports traces of generated runs with the real command line and loads each into a real consumer:
# Chrome DevTools' trace engine (the Performance panel's model, npm @paulirish/trace_engine), headless in Node.
# Three traces: a whole run, a run cut off while nodes are still running (as a plain .jsonl file), and a
# filtered export. Needs a JDK 25, Node 18+ and npm. Not part of `./mvnw verify`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out="$here/out"
jar="$root/target/omne-inspector.jar"
if [ ! -f "$jar" ]; then
  (cd "$root" && ./mvnw -B -ntp -q -DskipTests package)
fi
(cd "$here" && npm ci --no-audit --no-fund --silent)
rm -rf "$out" && mkdir -p "$out"
cli() { java -jar "$jar" "$@"; }

cli generate --out "$out/volume" --runs 1 --events "${EVENTS:-3000}" --seed "${SEED:-8}" >/dev/null
run=$(ls "$out/volume/.omne/var/runs")
log="$out/volume/.omne/var/runs/$run/events.jsonl"

echo "== whole run $run"
cli export "$out/volume" --run "$run" --format trace -o "$out/whole.json"
node "$here/check-trace.mjs" "$out/whole.json"

echo "== the same run cut off after line ${CUT:-1500}: nodes still running"
head -n "${CUT:-1500}" "$log" > "$out/cut.jsonl"
cli export "$out/cut.jsonl" --format trace -o "$out/cut.json"
node "$here/check-trace.mjs" "$out/cut.json" --list 1

echo "== filtered with -type:node.output: slices and the remaining point events"
cli export "$out/volume" --run "$run" --format trace --filter '-type:node.output' -o "$out/filtered.json"
node "$here/check-trace.mjs" "$out/filtered.json" --list 1
