# Sourced by the benchmarks that run a window test (window.sh, history-window.sh): sets `run`, the command line that
# runs the benchmark test class $1 once in a fresh JVM, on JavaFX's headless platform (DISPLAY_MODE=headless, as the
# tests run) or on an Xvfb display with the GTK platform (DISPLAY_MODE=xvfb; installs xvfb when missing).
window_test() {
  run=(./mvnw -B -ntp -q test "-Dtest=$1" -Dsurefire.excludedGroups=none -Dsurefire.failIfNoSpecifiedTests=false)
  if [ "${DISPLAY_MODE:-headless}" = xvfb ]; then
    command -v xvfb-run >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb libgtk-3-0 >/dev/null
    run=(xvfb-run -a -s "-screen 0 1600x1000x24" "${run[@]}"
         "-Dtest.jvm.args=-Dtestfx.robot=glass -Dprism.order=sw --enable-native-access=ALL-UNNAMED")
  fi
}
