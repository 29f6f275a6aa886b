# Sourced by the scripts that look at the real window (src/bench/first-frames.sh, packaging/startup-time.sh):
#   private_display DIR   starts an Xvfb of its own (1400x900, the first free display number, its log in DIR) and
#                         exports DISPLAY; XVFB_PID is its process, for the caller's cleanup.
private_display() {
  local dir=$1
  exec 3> "$dir/displayfd"
  Xvfb -displayfd 3 -screen 0 1400x900x24 -nolisten tcp > "$dir/xvfb.log" 2>&1 &
  XVFB_PID=$!
  for _ in $(seq 100); do [ -s "$dir/displayfd" ] && break; sleep 0.05; done
  export DISPLAY=":$(head -n 1 "$dir/displayfd")"
}
