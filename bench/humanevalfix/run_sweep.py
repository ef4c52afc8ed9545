#!/usr/bin/env python3
"""HumanEvalFix (Python), the human-written bugs of HumanEvalPack (Muennighoff et al., 2023, "OctoPack"):
`kelp repair` on each of the 164 buggy functions with its tests.

    bench/humanevalfix/run_sweep.py HUMANEVALPACK_JSONL OUT [--skip N] [--take M] [-- KELP_REPAIR_ARGS...]

HUMANEVALPACK_JSONL is the Python file of HumanEvalPack (MIT licence), e.g. from the octopack repository:
https://raw.githubusercontent.com/bigcode-project/octopack/e17a8f6/evaluation/create/humaneval-x/data/python/data/humanevalpack.jsonl
(or the `bigcode/humanevalpack` dataset's `data/python/data/humanevalpack.jsonl`).

For each problem, OUT/<id>/ gets `buggy.py` (the prompt, i.e. imports, signature and docstring, then the buggy
body) and `tests.py` (the problem's `check` function and its call, as it ships), and `kelp repair buggy.py --tests
tests.py --json` runs there ($KELP, default <repo>/target/release/kelp; 300 s timeout). The diff is applied to a
copy of buggy.py and the result is checked outside Kelp (the program, then the tests, in a fresh python3, 30 s),
and compared with the canonical solution as Python ASTs. Writes OUT/summary.tsv (one row per problem, then totals
by bug type as `#` lines) and prints the same. A problem counts as repaired when Kelp says so and the patched
program passes the tests outside Kelp; intended when its AST is also the canonical program's.

HumanEval is held out of Kelp's training corpus, and the shipped model never saw these bugs. The menu is another
matter: session 40 read this sweep's failures and added edits for the bug kinds they showed (README, Search), so
HumanEvalFix is a dev set for the menu from then on, and its numbers are dev numbers.
"""
import json
import os
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
from sweep_common import apply_diff, run_in, same_ast  # noqa: E402


def passes(program: bytes, tests: str, work: str) -> bool:
    """Do the tests pass on the program, run as one script by a fresh python3?"""
    path = os.path.join(work, "verify.py")
    with open(path, "wb") as f:
        f.write(program + b"\n\n" + tests.encode())
    try:
        run = subprocess.run([sys.executable, path], cwd=work, capture_output=True, timeout=30)
    except subprocess.TimeoutExpired:
        return False
    return run.returncode == 0


def main():
    argv = sys.argv[1:]
    extra = argv[argv.index("--") + 1 :] if "--" in argv else []
    argv = argv[: argv.index("--")] if "--" in argv else argv
    skip, take = 0, 164
    positional = []
    i = 0
    while i < len(argv):
        if argv[i] in ("--skip", "--take"):
            value = int(argv[i + 1])
            skip, take = (value, take) if argv[i] == "--skip" else (skip, value)
            i += 2
        elif argv[i].startswith("-"):
            raise SystemExit(__doc__)
        else:
            positional.append(argv[i])
            i += 1
    if len(positional) != 2:
        raise SystemExit(__doc__)
    source, out = positional[0], os.path.abspath(positional[1])
    kelp = os.path.abspath(os.environ.get("KELP", os.path.join(REPO, "target", "release", "kelp")))
    if not os.access(kelp, os.X_OK):
        raise SystemExit(f"run_sweep.py: no kelp binary at {kelp} (cargo build --release, or set KELP)")
    with open(source) as f:
        problems = [json.loads(line) for line in f if line.strip()][skip : skip + take]
    os.makedirs(out, exist_ok=True)
    rows, totals = [], defaultdict(lambda: [0, 0, 0])
    header = "id\tbug_type\texit\tseconds\ttest_runs\ttests\tverified\tintended"
    print(header, flush=True)
    for p in problems:
        work = os.path.join(out, p["task_id"].replace("/", "_"))
        buggy = p["prompt"] + p["buggy_solution"]
        clean = (p["prompt"] + p["canonical_solution"]).encode()
        command = ["timeout", "300", kelp, "repair", "--checkpoint", os.path.join(REPO, "models", "default"),
                   "buggy.py", "--tests", "tests.py", "--function", p["entry_point"], "--json"] + extra
        run, seconds = run_in(work, {"buggy.py": buggy, "tests.py": p["test"]}, command)
        buggy = buggy.encode()
        runs, tests, verified, intended = "-", "-", "-", "-"
        try:
            report = json.loads(run.stdout)["report"]
            runs = report.get("test_runs")
            tests = f"{report.get('passed_before')}->{report['best'].get('passed')}/{report.get('tests')}"
            if run.returncode == 0:
                repaired = apply_diff(buggy, json.loads(run.stdout)["diff"])
                with open(os.path.join(work, "repaired.py"), "wb") as f:
                    f.write(repaired)
                verified = "pass" if passes(repaired, p["test"], work) else "FAIL"
                intended = "yes" if same_ast(repaired, clean) else "no"
        except (ValueError, KeyError, TypeError):
            pass
        except RuntimeError:
            verified = "PATCHFAIL"
        row = [p["task_id"], p["bug_type"], str(run.returncode), f"{seconds:.1f}", str(runs), tests, verified,
               intended]
        rows.append(row)
        print("\t".join(row), flush=True)
        for key in (p["bug_type"], "all"):
            totals[key][0] += 1
            totals[key][1] += verified == "pass"
            totals[key][2] += verified == "pass" and intended == "yes"
    lines = [header] + ["\t".join(r) for r in rows]
    for key, (n, ok, exact) in sorted(totals.items()):
        lines.append(f"# {key}: repaired {ok} of {n}, intended {exact}")
    lines.append(f"# kelp {kelp} args {' '.join(extra)}; {sum(float(r[3]) for r in rows):.0f} s")
    with open(os.path.join(out, "summary.tsv"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines[len(rows) + 1 :]))


if __name__ == "__main__":
    main()
