"""Summarises a dev-set sweep (classic bugs, QuixBugs): one TSV row per case from `kelp repair --json`, then the totals.

usage: summarize_sweep.py CASES_DIR OUT_DIR   (OUT_DIR holds <id>.json, .code, .seconds from repair_sweep.sh)

intended: yes when the repaired function's AST equals fixed.py's (formatting and docstrings aside), no when it
passes the tests with another program (equivalent or test-fitting: judge by reading the diff), '-' when not repaired.
"""
import ast
import json
import os
import sys


def norm(src, function):
    """The normalised AST of `function`'s definition in `src` (its docstrings aside); `None` if there is none. The
    function alone: a case's file may hold more (imports, QuixBugs' trailing docstring)."""
    try:
        module = ast.parse(src)
    except SyntaxError:
        return None
    tree = next((n for n in module.body if isinstance(n, ast.FunctionDef) and n.name == function), None)
    if tree is None:
        return None
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(getattr(body[0], "value", None), ast.Constant) and isinstance(body[0].value.value, str):
            node.body = body[1:] or [ast.Pass()]
    return ast.dump(tree)


cases_dir, out_dir = sys.argv[1:3]
print("\t".join(["case", "kind", "exit", "seconds", "repaired", "runs", "repaired_by", "intended"]))
totals = {"cases": 0, "repaired": 0, "intended": 0, "seconds": 0.0}
for case in sorted(d for d in os.listdir(cases_dir) if d[:1].isalpha() and d[1:3].isdigit()):
    cid = case.split("_")[0]
    kind = open(os.path.join(cases_dir, case, "kind.txt")).read().strip()
    code = open(os.path.join(out_dir, cid + ".code")).read().strip()
    secs = float(open(os.path.join(out_dir, cid + ".seconds")).read())
    try:
        report = json.load(open(os.path.join(out_dir, cid + ".json")))
    except (OSError, ValueError):
        report = None
    repaired, runs, by, intended = "no", "-", "-", "-"
    if report:
        r = report.get("report") or {}
        runs = str(r.get("test_runs", "-"))
        if r.get("repaired"):
            repaired = "yes"
            by = report.get("repaired_by") or r.get("mode") or "?"
            fixed = open(os.path.join(cases_dir, case, "fixed.py")).read()
            src = (r.get("best") or {}).get("source", "")
            function = report.get("function") or ""
            intended = "yes" if norm(src, function) is not None and norm(src, function) == norm(fixed, function) else "no"
    totals["cases"] += 1
    totals["repaired"] += repaired == "yes"
    totals["intended"] += intended == "yes"
    totals["seconds"] += secs
    print("\t".join([case, kind, code, f"{secs:.1f}", repaired, runs, by, intended]))
print(f"# {totals['repaired']}/{totals['cases']} repaired, {totals['intended']} the intended program, "
      f"{totals['seconds']:.0f} s in all", file=sys.stderr)
