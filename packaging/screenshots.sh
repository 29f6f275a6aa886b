#!/usr/bin/env bash
# Takes the README's window screenshots under Xvfb with the GTK platform (ScreenshotsTest drives the real app
# on its demo volume): the failed run with its timeline and a filter, a malformed line, the scale benchmark's run of
# a million lines (generated into target/scale-run once, or BENCH_VOLUME) and the history (grid, node statistics,
# two runs compared) and the Open Folder dialog in both themes, the Inject dialog and the live run in the light one. The display has the openbox
# window manager, so the windows are decorated, placed and focused as on a desktop.
# Usage: packaging/screenshots.sh      (installs xvfb, openbox, imagemagick and GTK 3 when missing)
set -euo pipefail
REPO=$(cd "$(dirname "$0")/.." && pwd)
cd "$REPO"
source "$REPO/.ci/jdk25.sh"
need=()
command -v xvfb-run >/dev/null || need+=(xvfb)
command -v import >/dev/null || need+=(imagemagick)
command -v openbox >/dev/null || need+=(openbox)
ldconfig -p | grep -q libgtk-3 || need+=(libgtk-3-0)
if [ ${#need[@]} -gt 0 ]; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
fi
for theme in light dark; do
  tests=ScreenshotsTest
  [ "$theme" = dark ] && tests='ScreenshotsTest#timelineAndFilter+malformedLine+folderPicker+scaleRun+historyGrid+historyStatistics+historyComparison'
  SCREENSHOT_DIR="$REPO/packaging/screenshots" xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
    openbox & wm=$!
    ./mvnw -B -ntp -q test "$@"; status=$?
    kill $wm; exit $status' screenshots \
    "-Dtest=$tests" -Dsurefire.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false \
    "-Dtest.jvm.args=-Dtestfx.robot=glass -Dprism.order=sw -Domne.theme=$theme -Djava.util.prefs.userRoot=$REPO/target/prefs --enable-native-access=ALL-UNNAMED"
done
ls -l "$REPO/packaging/screenshots"
