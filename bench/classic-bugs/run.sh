#!/bin/bash
# The classic-bugs dev set: `kelp repair` (defaults: shipped model, 1,000 test runs) on 41 hand-made bugs, one at a time.
# usage: bench/classic-bugs/run.sh OUTDIR [KELP]   (KELP defaults to target/release/kelp; build it first)
# Writes OUTDIR/cases/ (the generated cases), OUTDIR/cNN.json and .err (kelp's output), OUTDIR/sweep.tsv, and prints
# the totals (bench/repair_sweep.sh).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=${1:?usage: run.sh OUTDIR [KELP]}
mkdir -p "$OUT/cases"
python3 "$ROOT/bench/classic-bugs/gen_cases.py" "$OUT/cases" > /dev/null
"$ROOT/bench/repair_sweep.sh" "$OUT/cases" "$OUT" ${2:+"$2"}
