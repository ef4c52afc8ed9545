#!/bin/bash
# `kelp repair` (defaults: shipped model, 1,000 test runs) on every case of a dev set, one at a time, then a summary.
# usage: bench/repair_sweep.sh CASES_DIR OUTDIR [KELP]   (KELP defaults to target/release/kelp; build it first)
# A case is a directory named <letter><two digits>_<name> holding buggy.py, test_buggy.py, fixed.py and kind.txt
# (bench/classic-bugs/gen_cases.py, bench/quixbugs/gen_cases.py write them). Writes OUTDIR/<id>.json and .err
# (kelp's output), .code, .seconds, OUTDIR/sweep.tsv, and prints the totals. Seconds depend on the machine and its
# load: compare them only between runs made side by side.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
CASES=$(cd "${1:?usage: repair_sweep.sh CASES_DIR OUTDIR [KELP]}" && pwd)
OUT=${2:?usage: repair_sweep.sh CASES_DIR OUTDIR [KELP]}
KELP=$(realpath "${3:-$ROOT/target/release/kelp}")
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
for d in "$CASES"/[a-z][0-9][0-9]_*/; do
  d=${d%/}; id=$(basename "$d"); id=${id%%_*}
  t0=$(date +%s.%N)
  code=0
  (cd "$ROOT" && timeout 150 "$KELP" repair "$d/buggy.py" --tests "$d/test_buggy.py" --json > "$OUT/$id.json" 2> "$OUT/$id.err") || code=$?
  t1=$(date +%s.%N)
  echo "$code" > "$OUT/$id.code"
  python3 -c "print($t1 - $t0)" > "$OUT/$id.seconds"
  echo "$id exit $code" >&2
done
python3 "$ROOT/bench/summarize_sweep.py" "$CASES" "$OUT" > "$OUT/sweep.tsv"
