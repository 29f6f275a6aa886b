# Sourced by the history benchmarks (after .ci/jdk25.sh, in the repository folder): builds the jar when needed
# (src/bench/build.sh), then generates a volume of RUNS history-shaped runs of EVENTS lines into WORK_DIR with
# `generate --history`, or reuses it while RUNS, EVENTS, MALFORMED_EVERY, UNFINISHED, FAILING and SEED are unchanged.
# The defaults of those (and of WORK_DIR) are set here, so both benchmarks measure the same volume.
WORK_DIR=${WORK_DIR:-/tmp/omne-bench-history}
RUNS=${RUNS:-2000}
EVENTS=${EVENTS:-5000}
MALFORMED_EVERY=${MALFORMED_EVERY:-1000}
UNFINISHED=${UNFINISHED:-3}
FAILING=${FAILING:-20}
SEED=${SEED:-42}
source "$REPO/src/bench/build.sh"

stamp="runs=$RUNS events=$EVENTS malformed_every=$MALFORMED_EVERY unfinished=$UNFINISHED failing=$FAILING seed=$SEED"
if [ -f "$WORK_DIR/generated.txt" ] && [ "$(head -n 1 "$WORK_DIR/generated.txt")" = "$stamp" ]; then
  echo "Reusing $WORK_DIR ($(sed -n 2p "$WORK_DIR/generated.txt"))"
else
  rm -rf "$WORK_DIR"
  mkdir -p "$WORK_DIR"
  echo "Generating $RUNS runs of $EVENTS lines into $WORK_DIR"
  "${OMNE[@]}" generate --out "$WORK_DIR" --runs "$RUNS" --events "$EVENTS" \
    --malformed-every "$MALFORMED_EVERY" --seed "$SEED" --history --failing "$FAILING" --unfinished "$UNFINISHED" \
    | tail -n 1 | tee "$WORK_DIR/generate.log"
  printf '%s\n%s\n' "$stamp" "$(cat "$WORK_DIR/generate.log")" > "$WORK_DIR/generated.txt"
fi
