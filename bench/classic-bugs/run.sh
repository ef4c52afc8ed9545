#!/bin/bash
# The classic-bugs dev set: `kelp repair` (defaults: shipped model, 1,000 test runs) on 41 hand-made bugs, one at a time.
# usage: bench/classic-bugs/run.sh OUTDIR [KELP]   (KELP defaults to target/release/kelp; build it first)
# Writes OUTDIR/cases/ (the generated cases), OUTDIR/cNN.json and .err (kelp's output), OUTDIR/sweep.tsv, and prints
# the totals. Seconds depend on the machine and its load: compare them only between runs made side by side.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:?usage: run.sh OUTDIR [KELP]}
KELP=$(realpath "${2:-$ROOT/target/release/kelp}")
mkdir -p "$OUT/cases"
OUT=$(cd "$OUT" && pwd)
python3 "$ROOT/bench/classic-bugs/gen_cases.py" "$OUT/cases" > /dev/null
for d in "$OUT"/cases/c[0-9][0-9]_*/; do
  d=${d%/}; id=$(basename "$d"); id=${id%%_*}
  t0=$(date +%s.%N)
  code=0
  (cd "$ROOT" && timeout 150 "$KELP" repair "$d/buggy.py" --tests "$d/test_buggy.py" --json > "$OUT/$id.json" 2> "$OUT/$id.err") || code=$?
  t1=$(date +%s.%N)
  echo "$code" > "$OUT/$id.code"
  python3 -c "print($t1 - $t0)" > "$OUT/$id.seconds"
  echo "$id exit $code" >&2
done
python3 "$ROOT/bench/classic-bugs/summarize.py" "$OUT/cases" "$OUT" > "$OUT/sweep.tsv"
