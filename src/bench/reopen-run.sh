# Sourced by reopen.sh and scale.sh (after build.sh, with TMP set): reopening a run from the index cache in a JVM of
# its own (src/bench/java/.../ReopenBench.java).
#   reopen_prepare FILE     makes the cache folder $WORK_DIR/index-cache hold FILE's entry
#   reopen_once WHAT FILE   one reopen (WHAT: index or watcher), its milliseconds appended to $TMP/reopen_WHAT.ms and the
#                           1-minute load average at its start to $TMP/reopen_WHAT.load
#   reopen_report           the medians and the load averages
REOPEN_CACHE=${REOPEN_CACHE:-$WORK_DIR/index-cache}

reopen_bench() {
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -cp "$BENCH_CP" dev.omne.inspector.bench.ReopenBench "$@"
}

reopen_prepare() {
  reopen_bench "$1" "$REOPEN_CACHE" --prepare
}

reopen_once() {
  local what=$1 file=$2 line
  cut -d' ' -f1 /proc/loadavg >> "$TMP/reopen_$what.load"
  local out
  out=$(reopen_bench "$file" "$REOPEN_CACHE" $([ "$what" = index ] && echo --index))
  line=$(grep '^REOPEN' <<< "$out")
  echo "  reopen ($what): $line $(grep '^CPU' <<< "$out" || true)"
  grep '^CPU' <<< "$out" | sed -E 's/CPU ms=([0-9.]+).*/\1/' >> "$TMP/reopen_$what.cpu" || true
  case $line in
    *" from_entry=1 "*) ;;
    *) echo "  the index was not taken from the cache: $line" >&2; return 1 ;;
  esac
  sed -E 's/.* ms=([0-9.]+) .*/\1/' <<< "$line" >> "$TMP/reopen_$what.ms"
}

reopen_report() {
  local what
  for what in index watcher; do
    [ -s "$TMP/reopen_$what.ms" ] || continue
    printf '  reopen from cache, %-8s median %7.1f ms (rounds: %s), load avg %s-%s\n' "$what" \
      "$(median "$TMP/reopen_$what.ms")" "$(tr '\n' ' ' < "$TMP/reopen_$what.ms" | sed 's/ $//')" \
      "$(sort -g "$TMP/reopen_$what.load" | head -n 1)" "$(sort -g "$TMP/reopen_$what.load" | tail -n 1)"
    if [ -s "$TMP/reopen_$what.cpu" ]; then
      printf '  reopen from cache, %-8s median %7.1f ms of CPU on the opening thread (rounds: %s)\n' "$what" \
        "$(median "$TMP/reopen_$what.cpu")" "$(tr '\n' ' ' < "$TMP/reopen_$what.cpu" | sed 's/ $//')"
    fi
  done
}
