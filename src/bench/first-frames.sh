#!/usr/bin/env bash
# What a person sees while the window starts: each repeat launches the window (java -jar, a cold JVM) on the demo
# volume or FOLDER under Xvfb with the openbox window manager, grabs the screen every few tens of milliseconds and
# prints, from the launch: when the window was mapped, when its first frame was drawn (the window's area no longer
# black), and when the window itself was there (its menu bar drawn). Prints medians.
# Usage: src/bench/first-frames.sh [FOLDER]        REPEAT=5 SECS=20 src/bench/first-frames.sh
#        JAR=/path/to/other/omne-inspector.jar src/bench/first-frames.sh   (another build, to compare)
# Needs Xvfb, openbox, xdotool, xwininfo, xwd and ImageMagick (installs them with apt-get when missing).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
REPEAT=${REPEAT:-5}
SECS=${SECS:-20}
cd "$REPO"
source "$REPO/.ci/jdk25.sh"
JAR=${JAR:-"$REPO/target/omne-inspector.jar"}
[ -f "$JAR" ] || ./mvnw -B -ntp -q -DskipTests package
need=()
for tool in Xvfb:xvfb openbox:openbox xdotool:xdotool xwininfo:x11-utils xwd:x11-apps convert:imagemagick; do
  command -v "${tool%%:*}" >/dev/null || need+=("${tool#*:}")
done
[ ${#need[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" libgtk-3-0 >/dev/null

tmp=$(mktemp -d)
source "$REPO/src/bench/display.sh"
TMP=$tmp source "$REPO/src/bench/measure.sh"   # median FILE
wm=
app=
XVFB_PID=
cleanup() {
  [ -z "$app" ] || kill "$app" 2>/dev/null || true
  [ -z "$wm" ] || kill "$wm" 2>/dev/null || true
  [ -z "$XVFB_PID" ] || kill "$XVFB_PID" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT
private_display "$tmp"
openbox > "$tmp/openbox.log" 2>&1 &
wm=$!
sleep 1

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

for i in $(seq "$REPEAT"); do
  rm -rf "$tmp/grabs"; mkdir -p "$tmp/grabs"
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$(now_ms)
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$JAR" "$@" > "$tmp/app.log" 2>&1 &
  app=$!
  until id=$(xdotool search --onlyvisible --name "omne inspector" 2>/dev/null | head -n 1) && [ -n "$id" ]; do
    kill -0 "$app" 2>/dev/null || { echo "the app exited:" >&2; tail -n 20 "$tmp/app.log" >&2; exit 1; }
    sleep 0.01
  done
  mapped=$(( $(now_ms) - start ))
  while [ $(( $(now_ms) - start )) -lt $(( SECS * 1000 )) ]; do
    xwd -root -silent > "$tmp/grabs/$(printf %06d $(( $(now_ms) - start ))).xwd" 2>/dev/null || true
  done
  read -r x y w h < <(xwininfo -id "$id" | awk '/Absolute upper-left X/ { x = $NF } /Absolute upper-left Y/ { y = $NF }
    /Width:/ { w = $NF } /Height:/ { h = $NF } END { print x, y, w, h }')
  kill "$app" 2>/dev/null || true
  wait "$app" 2>/dev/null || true
  app=
  drawn=-1; filled=-1
  for f in "$tmp"/grabs/*.xwd; do
    t=$((10#$(basename "$f" .xwd)))
    [ "$t" -ge "$mapped" ] || continue
    if [ "$drawn" -lt 0 ]; then
      black=$(convert "xwd:$f" -crop "${w}x${h}+${x}+${y}" -fill white +opaque black -format '%[fx:1-mean]' info: 2>/dev/null || echo 1)
      awk -v b="$black" 'BEGIN { exit !(b < 0.5) }' && drawn=$t
    fi
    if [ "$drawn" -ge 0 ]; then
      # The menu bar's words: the band at the window's top is no longer one colour.
      spread=$(convert "xwd:$f" -crop "300x24+${x}+${y}" -colorspace gray -format '%[fx:standard_deviation]' info: 2>/dev/null || echo 0)
      if awk -v s="$spread" 'BEGIN { exit !(s > 0.05) }'; then filled=$t; break; fi
    fi
  done
  echo "run $i (load $load): mapped ${mapped} ms, first frame drawn ${drawn} ms, the window there ${filled} ms"
  echo "$mapped" >> "$tmp/mapped"; echo "$drawn" >> "$tmp/drawn"; echo "$filled" >> "$tmp/filled"
  echo $(( drawn - mapped )) >> "$tmp/black"
done
echo "medians of $REPEAT ($(nproc) cores, load now $(cut -d' ' -f1-3 /proc/loadavg)): mapped $(median "$tmp/mapped") ms," \
     "first frame drawn $(median "$tmp/drawn") ms (black for $(median "$tmp/black") ms)," \
     "the window there $(median "$tmp/filled") ms (-1: not within ${SECS} s)"
