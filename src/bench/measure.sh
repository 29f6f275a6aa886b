# Sourced by the benchmark scripts that time whole commands. Needs TMP (a scratch folder) and REPEAT.
#   measure NAME MAX_OK_EXIT CMD...  runs CMD REPEAT times under /usr/bin/time -v (stdout to $TMP/NAME.out), keeping
#                                    each wall time in $TMP/NAME.wall, its CPU time (user + system, which a busy
#                                    machine disturbs less) in $TMP/NAME.cpu, peak RSS in MiB in $TMP/NAME.rss and the
#                                    1-minute load average at its start in $TMP/NAME.load; with DROP_CACHES=1 the page
#                                    cache is dropped before each run (root only)
#   measure_once NAME MAX_OK_EXIT CMD...  one such run, appended to the same files (for rounds that run several
#                                    tools in turn, so that the machine's load falls on all of them alike)
#   median FILE                      the median of the numbers in FILE
#   ratio A B                        A / B with two decimals
measure() {
  local name=$1 max_ok=$2; shift 2
  : > "$TMP/$name.wall"; : > "$TMP/$name.cpu"; : > "$TMP/$name.rss"; : > "$TMP/$name.load"
  for i in $(seq 1 "$REPEAT"); do
    measure_once "$name" "$max_ok" "$@" || return 1
  done
}

measure_once() {
  local name=$1 max_ok=$2 code=0; shift 2
  if [ "${DROP_CACHES:-0}" = 1 ]; then sync; echo 3 > /proc/sys/vm/drop_caches; fi
  cut -d' ' -f1 /proc/loadavg >> "$TMP/$name.load" 2>/dev/null || true
  /usr/bin/time -v -o "$TMP/$name.time" "$@" > "$TMP/$name.out" 2> "$TMP/$name.err" || code=$?
  if [ "$code" -gt "$max_ok" ]; then
    echo "$name: failed with exit code $code:" >&2
    tail -n 5 "$TMP/$name.err" >&2
    return 1
  fi
  # Elapsed is h:mm:ss or m:ss.ss
  awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (j = 1; j <= n; j++) s = s * 60 + p[j]; print s }' \
    "$TMP/$name.time" >> "$TMP/$name.wall"
  awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { print s }' "$TMP/$name.time" >> "$TMP/$name.cpu"
  awk -F': ' '/Maximum resident set size/ { print $2 / 1024 }' "$TMP/$name.time" >> "$TMP/$name.rss"
  echo "  $name: $(tail -n 1 "$TMP/$name.wall") s ($(tail -n 1 "$TMP/$name.cpu") s CPU), $(tail -n 1 "$TMP/$name.rss") MiB, load $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
}

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }
