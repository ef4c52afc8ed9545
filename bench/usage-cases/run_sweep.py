#!/usr/bin/env python3
"""run_sweep.py OUTDIR [CASE...] [--text]: writes the cases (gen_cases.py) into OUTDIR unless there, runs `kelp repair`
($KELP, default target/release/kelp) on each, one at a time, from the repository's root; writes
OUTDIR/results/<case>.{cmd,out,err,repaired.py} and OUTDIR/results/summary.tsv (appending). Checks that the case's files are unchanged after the run, applies the
diff to a copy and verifies it with verify.py, and compares the repaired module's AST with fixed.py's."""
import hashlib
import json
import os
import shlex
import subprocess
import sys
import time

SCRIPTS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(SCRIPTS))
if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
    raise SystemExit(__doc__)
HERE = os.path.abspath(sys.argv[1])
if not os.path.exists(os.path.join(HERE, "cases.json")):
    subprocess.run([sys.executable, os.path.join(SCRIPTS, "gen_cases.py"), HERE], check=True)
os.environ["USAGE_CASES"] = HERE
sys.path.insert(0, SCRIPTS)
sys.path.insert(0, os.path.dirname(SCRIPTS))
import verify  # noqa: E402
from sweep_common import apply_diff, same_ast  # noqa: E402

KELP = os.path.abspath(os.environ.get("KELP", os.path.join(REPO, "target", "release", "kelp")))
CASES = json.load(open(os.path.join(HERE, "cases.json")))
RES = os.path.join(HERE, "results")
os.makedirs(RES, exist_ok=True)


def snapshot(d):
    out = {}
    for root, dirs, files in os.walk(d):
        for f in files:
            p = os.path.join(root, f)
            out[os.path.relpath(p, d)] = hashlib.sha256(open(p, "rb").read()).hexdigest()
    return out


def command(case, json_out=True):
    d = os.path.join(HERE, "cases", case["name"])
    prog = os.path.join(d, case["program"])
    tests = os.path.join(d, case["tests"]) if case["tests"] else None
    n = case["name"]
    if n == "b06_nonexistent":
        prog = os.path.join(d, "nothere.py")
    if n == "b07_directory":
        prog = d
    if n == "b08_tests_missing":
        tests = os.path.join(d, "nothere_tests.py")
    if n == "b09_tests_directory":
        tests = d
    cmd = ["timeout", "120", KELP, "repair", prog]
    if tests:
        cmd += ["--tests", tests]
    cmd += case["args"]
    if json_out:
        cmd.append("--json")
    return cmd


def main(names, json_out=True):
    summary = open(os.path.join(RES, "summary.tsv"), "a")
    for case in CASES:
        if names and case["name"] not in names:
            continue
        d = os.path.join(HERE, "cases", case["name"])
        before = snapshot(d)
        cmd = command(case, json_out)
        tag = case["name"] + ("" if json_out else ".text")
        t0 = time.time()
        r = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True)
        secs = time.time() - t0
        after = snapshot(d)
        open(os.path.join(RES, tag + ".cmd"), "w").write(f"cd {REPO} && " + shlex.join(cmd) + "\n")
        open(os.path.join(RES, tag + ".out"), "w").write(r.stdout)
        open(os.path.join(RES, tag + ".err"), "w").write(r.stderr)
        changed = sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))
        verdict, intended, claimed, info = "-", "-", "-", ""
        if json_out and r.stdout.strip().startswith("{") and "report" not in json.loads(r.stdout):
            # Bad input: `{"error": ..., "repaired": false}` (exit 2).
            claimed, info = "error", json.loads(r.stdout).get("error", "")[:120]
        elif json_out and r.stdout.strip().startswith("{"):
            j = json.loads(r.stdout)
            rep = j["report"]
            claimed = "yes" if rep.get("repaired") else ("nothing" if j.get("nothing_to_repair") else "no")
            info = (f"tests={rep.get('tests')} before={rep.get('passed_before')} "
                    f"after={rep['best'].get('passed')} by={j.get('repaired_by')} runs={rep.get('test_runs')} "
                    f"edits={len(rep['best'].get('edits', []))} stop={rep.get('stop')}")
            prog_path = os.path.join(d, case["program"])
            original = open(prog_path, "rb").read()
            try:
                repaired = apply_diff(original, j["diff"]) if j["diff"] else original
                open(os.path.join(RES, case["name"] + ".repaired.py"), "wb").write(repaired)
                verdict = "PASS" if verify.run(case, repaired, quiet=True) else "FAIL"
                fixed = open(os.path.join(d, "fixed.py"), "rb").read()
                intended = "yes" if same_ast(repaired, fixed) else "no"
                if repaired == fixed:
                    intended += "(bytes)"
            except Exception as e:  # noqa: BLE001
                verdict = f"ERR {e}"
        line = "\t".join([tag, case["kind"], case["style"], str(r.returncode), f"{secs:.1f}", claimed, verdict,
                          intended, "changed:" + ",".join(changed) if changed else "", info])
        print(line, flush=True)
        summary.write(line + "\n")
        summary.flush()


if __name__ == "__main__":
    args = sys.argv[2:]
    text = "--text" in args
    args = [a for a in args if a != "--text"]
    main(args, json_out=not text)
