#!/usr/bin/env bash
# run_sweep.sh OUTDIR [KELP]: runs `kelp synth` on every case of the synthesis dev set, one at a time.
#
# For each cases/NN_name/, copies stub.py and tests.py (not solution.py) to OUTDIR/NN_name/ and runs there
#     $KELP synth stub.py --tests tests.py --json --max-seconds $MAX_SECONDS --checkpoint $CHECKPOINT $KELP_ARGS
# saving stdout to case.json, stderr to case.err, the exit code and wall seconds to case.exit and case.seconds, and
# the function Kelp wrote (the JSON's report.best.source, when it says every test passes) to written.py.
# Prints a TSV table (also OUTDIR/summary.tsv): case, band, exit, seconds, solved (exit 0), test_runs (the JSON's
# report.test_runs), repaired_by; then one summary line per band and one for all (also OUTDIR/bands.txt).
#
# Environment: KELP (or the second argument; default target/release/kelp of this repository), CHECKPOINT (default
# models/default of this repository), MAX_SECONDS (default 20), KELP_ARGS (extra flags, e.g. "--baseline" or
# "--seed 1"; split on spaces), HARD_TIMEOUT (seconds before `timeout` kills a run, default 120; exit 124 then).
set -u

HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
if [ $# -lt 1 ] || [ "${1#-}" != "$1" ]; then
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
fi
OUTDIR=$1
KELP=${2:-${KELP:-$REPO/target/release/kelp}}
CHECKPOINT=${CHECKPOINT:-$REPO/models/default}
MAX_SECONDS=${MAX_SECONDS:-20}
HARD_TIMEOUT=${HARD_TIMEOUT:-120}
KELP_ARGS=${KELP_ARGS:-}

if [ ! -x "$KELP" ]; then
    echo "run_sweep.sh: no kelp binary at $KELP (build it with cargo build --release, or pass KELP)" >&2
    exit 2
fi
KELP=$(cd "$(dirname "$KELP")" && pwd)/$(basename "$KELP")
if [ ! -d "$CHECKPOINT" ]; then
    echo "run_sweep.sh: warning: no checkpoint directory at $CHECKPOINT (set CHECKPOINT)" >&2
fi
mkdir -p "$OUTDIR"
OUTDIR=$(cd "$OUTDIR" && pwd)

band_of() {  # 01-14 A, 15-28 B, 29-40 C
    local n=$((10#${1:0:2}))
    if [ "$n" -le 14 ]; then echo A; elif [ "$n" -le 28 ]; then echo B; else echo C; fi
}

# Reads case.json: prints "test_runs<TAB>repaired_by" ("-" for what is missing) and writes written.py when solved.
read_json() {
    python3 - "$1" "$2" <<'EOF'
import json, sys
path, written = sys.argv[1], sys.argv[2]
try:
    data = json.load(open(path))
except (OSError, ValueError):
    print("-\t-")
    sys.exit()
report = data.get("report") or {}
if report.get("repaired") and report.get("best", {}).get("source"):
    open(written, "w").write(report["best"]["source"])
print(f"{report.get('test_runs', '-')}\t{data.get('repaired_by') or '-'}")
EOF
}

SUMMARY=$OUTDIR/summary.tsv
printf 'case\tband\texit\tseconds\tsolved\ttest_runs\trepaired_by\n' >"$SUMMARY"
echo "kelp: $KELP" >&2
echo "checkpoint: $CHECKPOINT, --max-seconds $MAX_SECONDS ${KELP_ARGS:+, extra: $KELP_ARGS}" >&2

for src in "$HERE"/cases/[0-9][0-9]_*/; do
    case_name=$(basename "$src")
    band=$(band_of "$case_name")
    dir=$OUTDIR/$case_name
    rm -rf "$dir"
    mkdir -p "$dir"
    cp "$src/stub.py" "$src/tests.py" "$dir/"
    start=$(date +%s.%N)
    # shellcheck disable=SC2086  # KELP_ARGS is meant to split into flags
    (cd "$dir" && timeout "$HARD_TIMEOUT" "$KELP" synth stub.py --tests tests.py --json \
        --max-seconds "$MAX_SECONDS" --checkpoint "$CHECKPOINT" $KELP_ARGS >case.json 2>case.err)
    code=$?
    end=$(date +%s.%N)
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }')
    echo "$code" >"$dir/case.exit"
    echo "$seconds" >"$dir/case.seconds"
    solved=no
    [ "$code" -eq 0 ] && solved=yes
    info=$(read_json "$dir/case.json" "$dir/written.py")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$case_name" "$band" "$code" "$seconds" "$solved" "$info" >>"$SUMMARY"
    echo "$case_name: exit $code, ${seconds}s" >&2
done

cat "$SUMMARY"
awk -F'\t' 'NR > 1 {
        n[$2]++; secs[$2] += $4; if ($5 == "yes") ok[$2]++
        all++; all_secs += $4; if ($5 == "yes") all_ok++
    }
    END {
        for (b = 0; b < 3; b++) {
            band = substr("ABC", b + 1, 1)
            if (n[band]) printf "# band %s: solved %d/%d, mean %.1f s\n", band, ok[band], n[band], secs[band] / n[band]
        }
        if (all) printf "# all: solved %d/%d, mean %.1f s\n", all_ok, all, all_secs / all
    }' "$SUMMARY" | tee "$OUTDIR/bands.txt"
