#!/usr/bin/env python3
"""run_sweep.py OUTDIR [CASE...]: writes the cases (gen_cases.py --set $REALISTIC_SET, default ab; c for the unseen
dev set) into OUTDIR unless OUTDIR/cases.json is there (of whichever set), then runs
`kelp repair --checkpoint <repo>/models/default PROGRAM [--tests TESTS] [case args] --json` ($KELP, default
<repo>/target/release/kelp; default budget; 120 s timeout) on each case, one at a time, with cwd a fresh copy of the
case (OUTDIR/work/<case>/, without fixed.py). Applies the printed diff to the buggy program with `patch`, runs the
case's tests on the result outside Kelp (verify.py: real pytest, so `pip install pytest` first) and compares its AST
with fixed.py's.

Writes OUTDIR/results/<case>.json (Kelp's stdout), .err (stderr), .repaired.py (the patched program) and
OUTDIR/summary.tsv (rewritten each run: one line per case run, then the totals as `#` lines), and prints the same.
A case counts as repaired when Kelp says so and the patched program passes the real tests; intended when, in
addition, its AST is fixed.py's.
"""
import json
import os
import shutil
import subprocess
import sys
import time

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(SCRIPTS))
if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
    raise SystemExit(__doc__)
OUT = os.path.abspath(sys.argv[1])
if not os.path.exists(os.path.join(OUT, "cases.json")):
    subprocess.run([sys.executable, os.path.join(SCRIPTS, "gen_cases.py"), OUT,
                    "--set", os.environ.get("REALISTIC_SET", "ab")], check=True)
sys.path.insert(0, SCRIPTS)
sys.path.insert(0, os.path.dirname(SCRIPTS))
import verify  # noqa: E402
from sweep_common import apply_diff, same_ast  # noqa: E402

KELP = os.path.abspath(os.environ.get("KELP", os.path.join(REPO, "target", "release", "kelp")))
CHECKPOINT = os.path.join(REPO, "models", "default")
CASES = json.load(open(os.path.join(OUT, "cases.json")))
RES = os.path.join(OUT, "results")
HEADER = ["case", "kind", "k", "exit", "seconds", "repaired", "repaired_by", "test_runs", "tests", "verified",
          "intended"]


def run_case(case):
    """Runs Kelp on a fresh copy of the case; returns (summary row, repaired, intended, seconds)."""
    name, src = case["name"], os.path.join(OUT, "cases", case["name"])
    work = os.path.join(OUT, "work", name)
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(src, work, ignore=shutil.ignore_patterns("fixed.py"))
    prog = os.path.join(work, case["program"])
    original = open(prog, "rb").read()
    cmd = ["timeout", "120", KELP, "repair", "--checkpoint", CHECKPOINT, prog]
    if case["tests"]:
        cmd += ["--tests", os.path.join(work, case["tests"])]
    cmd += case["args"] + ["--json"]
    t0 = time.time()
    r = subprocess.run(cmd, cwd=work, capture_output=True, text=True)
    secs = time.time() - t0
    open(os.path.join(RES, name + ".json"), "w").write(r.stdout)
    open(os.path.join(RES, name + ".err"), "w").write(r.stderr)
    claimed, by, runs, tests, verified, intended = "-", "-", "-", "-", "-", "-"
    try:
        j = json.loads(r.stdout)
        rep = j["report"]
        claimed = "yes" if rep.get("repaired") else "no"
        by, runs = j.get("repaired_by") or "-", rep.get("test_runs")
        tests = f"{rep.get('passed_before')}->{rep['best'].get('passed')}/{rep.get('tests')}"
        if j.get("diff"):
            repaired = apply_diff(original, j["diff"])
            open(os.path.join(RES, name + ".repaired.py"), "wb").write(repaired)
            verified = "pass" if verify.run(case, src, repaired, quiet=True) else "FAIL"
            intended = "yes" if same_ast(repaired, open(os.path.join(src, "fixed.py"), "rb").read()) else "no"
    except (ValueError, KeyError, TypeError) as e:  # no JSON report (timeout, crash, bad input)
        claimed = f"nojson({e.__class__.__name__})"
    except RuntimeError as e:
        verified = "PATCHFAIL"
        print(f"# {name}: {e}", file=sys.stderr)
    except subprocess.TimeoutExpired:  # the patched program hangs under the real tests
        verified = "TIMEOUT"
    row = [name, case["kind"], str(case["k"]), str(r.returncode), f"{secs:.1f}", claimed, by, str(runs), tests,
           verified, intended]
    ok = claimed == "yes" and verified == "pass"
    return row, ok, ok and intended == "yes", secs


def totals(results, label=""):
    n = len(results)
    rep = sum(ok for _, ok, _, _ in results)
    intended = sum(it for _, _, it, _ in results)
    secs = sum(s for _, _, _, s in results)
    return f"# {label}{rep}/{n} repaired, {intended} the intended program, {secs:.1f} s in all"


def main(names):
    unknown = set(names) - {c["name"] for c in CASES}
    if unknown:
        raise SystemExit(f"unknown case(s): {' '.join(sorted(unknown))}")
    if not os.path.exists(KELP):
        raise SystemExit(f"no kelp binary at {KELP}: `cargo build --release` or set KELP=path/to/kelp")
    verify.require_pytest()
    os.makedirs(RES, exist_ok=True)
    results = []
    with open(os.path.join(OUT, "summary.tsv"), "w") as summary:
        def emit(line):
            print(line, flush=True)
            summary.write(line + "\n")
            summary.flush()

        emit("\t".join(HEADER))
        for case in CASES:
            if names and case["name"] not in names:
                continue
            row, ok, intended, secs = run_case(case)
            results.append((case["k"], ok, intended, secs))
            emit("\t".join(row))
        emit(totals(results))
        for k, label in ((1, "one-bug: "), (2, "two-bug: ")):
            group = [x for x in results if x[0] == k]
            if group:
                emit(totals(group, label))


if __name__ == "__main__":
    main(sys.argv[2:])
