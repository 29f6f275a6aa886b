#!/usr/bin/env bash
# Memory soak of `follow`: APPENDS (default 1,000,000) appends to a followed run, as the runner makes them; the
# follower's heap after a full GC (jcmd) every tenth, and its slope. Exit 1 if follow missed an event.
# Usage: [APPENDS=1000000] src/bench/follow-soak.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source .ci/jdk25.sh
if [ ! -f target/omne-inspector.jar ] || [ ! -d target/lib ]; then
  ./mvnw -B -ntp -q -DskipTests package
fi
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
JAVA=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar target/omne-inspector.jar)
python3 src/bench/follow_volume.py soak "$(printf '%s\n' "${JAVA[@]}" | python3 -c 'import json,sys; print(json.dumps(sys.stdin.read().split("\n")[:-1]))')" \
  "$JAVA_HOME/bin/jcmd" "$DIR" "${APPENDS:-1000000}"
