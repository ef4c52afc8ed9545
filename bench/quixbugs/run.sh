#!/bin/bash
# QuixBugs (Lin et al. 2017): `kelp repair` (defaults) on the 31 Python programs whose tests are input/output pairs,
# one real one-line bug each, none of them in Kelp's training data.
# usage: bench/quixbugs/run.sh QUIXBUGS_DIR OUTDIR [KELP]
#   QUIXBUGS_DIR: a checkout of https://github.com/jkoppel/QuixBugs (measured at commit 4257f44b);
#   KELP defaults to target/release/kelp (build it first).
# Writes OUTDIR/cases/ (bench/quixbugs/gen_cases.py), OUTDIR/qNN.json and .err, OUTDIR/sweep.tsv, and prints the
# totals (bench/repair_sweep.sh).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
QUIXBUGS=${1:?usage: run.sh QUIXBUGS_DIR OUTDIR [KELP]}
OUT=${2:?usage: run.sh QUIXBUGS_DIR OUTDIR [KELP]}
mkdir -p "$OUT/cases"
python3 "$ROOT/bench/quixbugs/gen_cases.py" "$QUIXBUGS" "$OUT/cases" > "$OUT/cases/gen.log"
"$ROOT/bench/repair_sweep.sh" "$OUT/cases" "$OUT" ${3:+"$3"}
