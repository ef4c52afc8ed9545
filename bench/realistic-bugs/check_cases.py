#!/usr/bin/env python3
"""check_cases.py OUTDIR [CASE...]: checks the cases gen_cases.py wrote into OUTDIR (any set), one at a time, with
the real tests (verify.py: real pytest, or python3 for the asserts and check(candidate) files):
(1) fixed.py passes, (2) the buggy program fails, (3) in a case with k >= 2 bugs, each bug applied alone to fixed.py
also fails, (4) the buggy program (and each one-bug variant) parses. Prints one line per case and exits 1 if any
check fails. Does not run Kelp.
"""
import ast
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import verify  # noqa: E402


def parses(text):
    try:
        ast.parse(text)
        return True
    except SyntaxError:
        return False


def check(out, case):
    """A list of problems with the case (empty when all checks hold)."""
    d = os.path.join(out, "cases", case["name"])
    fixed = open(os.path.join(d, "fixed.py"), encoding="utf-8").read()
    buggy = open(os.path.join(d, case["program"]), encoding="utf-8").read()
    problems = []
    if not verify.run(case, d, fixed.encode(), quiet=True):
        problems.append("fixed.py fails its tests")
    if not parses(buggy):
        problems.append("buggy program does not parse")
    if buggy == fixed or verify.run(case, d, buggy.encode(), quiet=True):
        problems.append("buggy program passes its tests")
    if case["k"] != len(case["bug"]):
        problems.append(f"k={case['k']} but {len(case['bug'])} bug replacements")
    if len(case["bug"]) >= 2:
        for n, (old, new) in enumerate(case["bug"], 1):
            if fixed.count(old) != 1:
                problems.append(f"bug {n} does not match fixed.py exactly once")
                continue
            alone = fixed.replace(old, new)
            if not parses(alone):
                problems.append(f"bug {n} alone does not parse")
            elif verify.run(case, d, alone.encode(), quiet=True):
                problems.append(f"bug {n} alone passes the tests")
    return problems


def main():
    if len(sys.argv) < 2 or sys.argv[1].startswith("-"):
        raise SystemExit(__doc__)
    out, names = os.path.abspath(sys.argv[1]), set(sys.argv[2:])
    verify.require_pytest()
    cases = json.load(open(os.path.join(out, "cases.json")))
    unknown = names - {c["name"] for c in cases}
    if unknown:
        raise SystemExit(f"unknown case(s): {' '.join(sorted(unknown))}")
    bad = 0
    for case in cases:
        if names and case["name"] not in names:
            continue
        problems = check(out, case)
        bad += bool(problems)
        print(f"{case['name']}\t{'ok' if not problems else 'BAD: ' + '; '.join(problems)}", flush=True)
    print(f"# {bad} case(s) with problems")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
