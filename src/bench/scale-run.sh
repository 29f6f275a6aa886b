# Sourced by the benchmark scripts (after .ci/jdk25.sh, in the repository folder): builds the jar when needed
# (src/bench/build.sh), then generates the scale benchmark's run into WORK_DIR with the generate command, or reuses
# it while EVENTS, MALFORMED_EVERY and SEED are unchanged. Sets FILE to its events.jsonl.
source "$REPO/src/bench/build.sh"
GEN=("${OMNE[@]}" generate)

stamp="events=$EVENTS malformed_every=$MALFORMED_EVERY seed=$SEED"
mkdir -p "$WORK_DIR"
if [ -f "$WORK_DIR/generated.txt" ] && [ "$(head -n 1 "$WORK_DIR/generated.txt")" = "$stamp" ] \
   && [ -f "$(sed -n 2p "$WORK_DIR/generated.txt")" ]; then
  FILE=$(sed -n 2p "$WORK_DIR/generated.txt")
  echo "Reusing $FILE ($(sed -n 3p "$WORK_DIR/generated.txt"))"
else
  rm -rf "$WORK_DIR/.omne" "$WORK_DIR/generated.txt"
  echo "Generating $EVENTS lines (every ${MALFORMED_EVERY}th malformed) into $WORK_DIR"
  "${GEN[@]}" --out "$WORK_DIR" --events "$EVENTS" --malformed-every "$MALFORMED_EVERY" --seed "$SEED" \
    | tee "$WORK_DIR/generate.log"
  FILE=$(find "$WORK_DIR/.omne/var/runs" -name events.jsonl | head -n 1)
  printf '%s\n%s\n%s\n' "$stamp" "$FILE" "$(tail -n 1 "$WORK_DIR/generate.log")" > "$WORK_DIR/generated.txt"
fi
