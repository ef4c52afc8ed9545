#!/usr/bin/env python3
"""verify.py [CASE...]: checks every case of the synthesis dev set (or the ones named, e.g. 07_rectangle_perimeter).

For each cases/NN_name/:
  - the files' shape: stub.py defines one function `name` whose body is its docstring and `pass`; solution.py defines
    the same function with the same signature and docstring; tests.py imports it with `from stub import name` and
    has 4 to 8 `test_` functions;
  - solution.py, copied into a temporary directory as stub.py, passes every test;
  - stub.py as written fails at least one test (so a case cannot be "solved" by writing nothing).

Tests run with `python3 -m pytest -q` when pytest is installed, else with a small runner that imports tests.py and
calls each `test_` function (the tests then must not import pytest). Exit 1 if any case is wrong.
"""
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "cases")
MIN_TESTS, MAX_TESTS = 4, 8

# Without pytest: run each test_ function of tests.py, print "N failed, M passed" as pytest -q would.
RUNNER = """
import sys, traceback
sys.path.insert(0, ".")
import tests
names = [n for n in dir(tests) if n.startswith("test_") and callable(getattr(tests, n))]
failed = 0
for n in names:
    try:
        getattr(tests, n)()
    except Exception:
        failed += 1
        print("FAILED", n, traceback.format_exc().strip().splitlines()[-1])
print(f"{failed} failed, {len(names) - failed} passed")
sys.exit(1 if failed else 0)
"""


def have_pytest():
    return subprocess.run([sys.executable, "-c", "import pytest"], capture_output=True).returncode == 0


def the_function(path):
    """The file's only top-level statement, a function definition (else an error)."""
    module = ast.parse(open(path).read(), path)
    if len(module.body) != 1 or not isinstance(module.body[0], ast.FunctionDef):
        raise ValueError(f"{os.path.basename(path)} should hold exactly one function and nothing else")
    return module.body[0]


def signature(fn):
    return ast.dump(fn.args), ast.dump(fn.returns) if fn.returns else None


def shape_problems(case, name):
    """What is wrong with the case's files, as a list of sentences."""
    d = os.path.join(CASES, case)
    problems = []
    try:
        stub = the_function(os.path.join(d, "stub.py"))
        solution = the_function(os.path.join(d, "solution.py"))
    except (OSError, SyntaxError, ValueError) as e:
        return [str(e)]
    for label, fn in (("stub.py", stub), ("solution.py", solution)):
        if fn.name != name:
            problems.append(f"{label} defines {fn.name}, the directory says {name}")
        doc = ast.get_docstring(fn)
        if not doc:
            problems.append(f"{label} has no docstring")
        elif not 1 <= len(doc.splitlines()) <= 3:
            problems.append(f"{label}: the docstring should be one to three lines")
    if [type(s) for s in stub.body[1:]] != [ast.Pass]:
        problems.append("stub.py's body should be its docstring and `pass`")
    if signature(stub) != signature(solution):
        problems.append("stub.py and solution.py have different signatures")
    if ast.get_docstring(stub) != ast.get_docstring(solution):
        problems.append("stub.py and solution.py have different docstrings")
    tests = ast.parse(open(os.path.join(d, "tests.py")).read())
    imports = [s for s in tests.body if isinstance(s, ast.ImportFrom) and s.module == "stub"]
    if [[a.name for a in s.names] for s in imports] != [[name]]:
        problems.append(f"tests.py should import the function with `from stub import {name}`")
    count = sum(isinstance(s, ast.FunctionDef) and s.name.startswith("test_") for s in tests.body)
    if not MIN_TESTS <= count <= MAX_TESTS:
        problems.append(f"tests.py has {count} test functions, not {MIN_TESTS} to {MAX_TESTS}")
    return problems


def run_tests(case, program, use_pytest):
    """Runs the case's tests against `program` (a file of the case) copied as stub.py: (exit code, summary line)."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(os.path.join(CASES, case, program), os.path.join(tmp, "stub.py"))
        shutil.copy(os.path.join(CASES, case, "tests.py"), os.path.join(tmp, "tests.py"))
        if use_pytest:
            cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests.py"]
        else:
            cmd = [sys.executable, "-c", RUNNER]
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        r = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, timeout=60, env=env)
    lines = [l for l in r.stdout.splitlines() if re.search(r"\d+ (passed|failed)|error", l)]
    summary = re.sub(r" in [\d.]+s", "", lines[-1].strip("= ")) if lines else (r.stdout + r.stderr).strip()[-200:]
    return r.returncode, summary


def main(names):
    cases = sorted(c for c in os.listdir(CASES) if re.fullmatch(r"\d\d_\w+", c))
    if names:
        unknown = set(names) - set(cases)
        if unknown:
            sys.exit(f"no such case: {', '.join(sorted(unknown))}")
        cases = [c for c in cases if c in names]
    use_pytest = have_pytest()
    print(f"{len(cases)} cases, tests run by {'pytest' if use_pytest else 'the plain runner (pytest not installed)'}")
    bad = 0
    for case in cases:
        name = case.split("_", 1)[1]
        problems = shape_problems(case, name)
        code, solution_summary = run_tests(case, "solution.py", use_pytest)
        if code != 0:
            problems.append(f"solution.py fails: {solution_summary}")
        code, stub_summary = run_tests(case, "stub.py", use_pytest)
        # pytest exits 1 when tests fail; 2 and up (a collection error, say) means the file is broken, not failing.
        if code != 1:
            problems.append(f"stub.py does not fail cleanly (exit {code}): {stub_summary}")
        status = "ok  " if not problems else "FAIL"
        print(f"{status} {case:28} solution: {solution_summary:10} stub: {stub_summary}")
        for p in problems:
            print(f"       - {p}")
        bad += bool(problems)
    print(f"{len(cases) - bad} of {len(cases)} cases ok")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
