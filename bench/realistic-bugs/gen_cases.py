#!/usr/bin/env python3
"""gen_cases.py OUTDIR [--set ab|c|d|e]: writes the cases under OUTDIR/cases/<name>/ and OUTDIR/cases.json (how to
run and verify each).

--set ab (the default): the 43 cases of cases_a.py and cases_b.py; --set c: the 40 cases of cases_c.py (an unseen dev
set, see README.md); --set d: the 40 cases of cases_d.py (another unseen set, with bugs spread over several
functions, see README.md); --set e: the 40 cases of cases_e.py (another unseen set, with varied test styles, see
README.md). Each case is a correct function (`fixed.py`) and its tests; the buggy program,
named as the tests import it, is fixed.py with the case's `bug` replacements applied (each must match exactly once).
cases.json holds per case: name, kind (the bug), k (number of bugs), program, bug, tests file (or null), extra args
for `kelp repair`, verify mode (pytest, concat: program + asserts, check: program + check(entry)) and entry.
"""
import json
import os
import shutil
import sys

from cases_a import register as register_a
from cases_b import register as register_b
from cases_c import register as register_c
from cases_d import register as register_d
from cases_e import register as register_e

SETS = {"ab": (register_a, register_b), "c": (register_c,), "d": (register_d,), "e": (register_e,)}
ARGS = sys.argv[1:]
SET = "ab"
if "--set" in ARGS[:-1]:
    at = ARGS.index("--set")
    SET = ARGS.pop(at + 1)
    ARGS.pop(at)
if len(ARGS) != 1 or ARGS[0].startswith("-") or SET not in SETS:
    raise SystemExit(__doc__)
OUT = os.path.abspath(ARGS[0])
ROOT = os.path.join(OUT, "cases")
CASES = []


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def case(name, kind, k, program, fixed, bug, tests=None, tests_name="tests.py", args=(), verify="pytest", entry=None):
    buggy = fixed
    for old, new in bug:
        assert buggy.count(old) == 1, (name, old, buggy.count(old))
        buggy = buggy.replace(old, new)
    d = os.path.join(ROOT, name)
    os.makedirs(d, exist_ok=True)
    write(os.path.join(d, program), buggy)
    write(os.path.join(d, "fixed.py"), fixed)
    if tests is not None:
        write(os.path.join(d, tests_name), tests)
    CASES.append(dict(name=name, kind=kind, k=k, program=program, bug=bug,
                      tests=tests_name if tests is not None else None, args=list(args), verify=verify, entry=entry))


if os.path.exists(ROOT):
    shutil.rmtree(ROOT)
for register in SETS[SET]:
    register(case)
with open(os.path.join(OUT, "cases.json"), "w", encoding="utf-8") as f:
    json.dump(CASES, f, indent=1)
print(len(CASES), "cases in", ROOT)
