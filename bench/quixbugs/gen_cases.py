"""Writes the QuixBugs Python programs as `kelp repair` cases: one directory per program with buggy.py, fixed.py,
test_buggy.py and kind.txt, like bench/classic-bugs.

usage: gen_cases.py QUIXBUGS_DIR OUT_DIR

QUIXBUGS_DIR is a checkout of https://github.com/jkoppel/QuixBugs (MIT licence; measured at commit 4257f44b). All 40
programs: for 31 of them each JSON input/output pair becomes one test function, and a pair the correct program does
not pass within TEST_SECONDS is left out (three of them; QuixBugs itself skips two as slow), so every case's tests
pass on fixed.py; the other 9 (graphs and linked lists) keep QuixBugs' own test file, its `Node` class written into
it. Prints one line per program: its name, tests kept, tests the buggy program fails.
"""
import ast
import json
import multiprocessing
import os
import sys

TEST_SECONDS = 0.3

# How each program's result is compared, as QuixBugs' own test files do it.
CHECKS = {
    "flatten": "assert list(flatten({args})) == {expected}",
    "kheapsort": "assert list(kheapsort({args})) == {expected}",
    "hanoi": "assert hanoi({args}) == [tuple(step) for step in {expected}]",
    "sqrt": "assert abs(sqrt({args}) - {expected}) <= {last}",
}


def check_line(name, args, expected):
    template = CHECKS.get(name, "assert {name}({args}) == {expected}")
    return template.format(
        name=name,
        args=", ".join(repr(a) for a in args),
        expected=repr(expected),
        last=repr(args[-1]) if args else "0",
    )


def passes(source, line, queue):
    try:
        namespace = {"__name__": "quixbugs_case"}
        exec(compile(source, "case.py", "exec"), namespace)
        exec(line, namespace)
        queue.put(True)
    except BaseException:
        queue.put(False)


def passes_in_time(source, line):
    """Does `line` pass against `source` within TEST_SECONDS (run in a child process: a bug may loop forever)?"""
    queue = multiprocessing.Queue()
    child = multiprocessing.Process(target=passes, args=(source, line, queue))
    child.start()
    child.join(TEST_SECONDS)
    if child.is_alive():
        child.kill()
        child.join()
        return False
    return not queue.empty() and queue.get()


def with_function_of(buggy, correct, name):
    """`buggy` with its function `name` replaced by the first definition of it in `correct`: QuixBugs' correct file
    may define it several times (alternative fixes), and drops the module's trailing docstring. The intended
    program, for the summary's "intended" column."""
    def span(source):
        node = next(n for n in ast.parse(source).body if isinstance(n, ast.FunctionDef) and n.name == name)
        first = min([node.lineno] + [d.lineno for d in node.decorator_list])
        return first - 1, node.end_lineno

    b0, b1 = span(buggy)
    c0, c1 = span(correct)
    buggy_lines, correct_lines = buggy.splitlines(keepends=True), correct.splitlines(keepends=True)
    return "".join(buggy_lines[:b0] + correct_lines[c0:c1] + buggy_lines[b1:])


def graph_tests(quixbugs, name):
    """QuixBugs' own test file for `name`, standalone: `Node` defined in it, the program imported from `buggy`."""
    node = open(os.path.join(quixbugs, "python_testcases", "node.py")).read()
    out, skip = [], False
    for line in open(os.path.join(quixbugs, "python_testcases", f"test_{name}.py")):
        if line.startswith("import pytest"):
            continue
        if line.startswith("from node import Node"):
            out.append(node)
        elif line.startswith("if pytest.use_correct:"):
            out.append(f"from buggy import {name}\n")
            skip = True
        elif skip and (line.startswith("    ") or line.startswith("else:")):
            continue
        else:
            skip = False
            out.append(line)
    return "".join(out)


def test_functions_pass(program, tests):
    """The test functions of the test file `tests` that pass against `program`, each within TEST_SECONDS, and how
    many there are."""
    namespace = {}
    exec(compile(tests.replace("from buggy import", "# from buggy import"), "tests.py", "exec"), namespace)
    names = [n for n in namespace if n.startswith("test")]
    passing = [n for n in names if passes_in_time(program, tests.replace("from buggy import", "# ") + f"\n{n}()\n")]
    return passing, len(names)


def main():
    quixbugs, out = sys.argv[1:3]
    programs = os.listdir(os.path.join(quixbugs, "python_programs"))
    names = sorted(f[:-3] for f in programs if f.endswith(".py") and not f.endswith("_test.py") and f != "node.py")
    graph = {f[:-8] for f in programs if f.endswith("_test.py")}
    number = 0
    for name in names:
        buggy_path = os.path.join(quixbugs, "python_programs", name + ".py")
        buggy = open(buggy_path).read()
        correct = open(os.path.join(quixbugs, "correct_python_programs", name + ".py")).read()
        fixed = with_function_of(buggy, correct, name)
        if name in graph:
            tests = graph_tests(quixbugs, name)
            passing, total = test_functions_pass(fixed, tests)
            failing = total - len(test_functions_pass(buggy, tests)[0])
            if len(passing) < total or not failing:
                print(f"{name}: left out ({len(passing)} of {total} tests pass on the fixed program, {failing} fail on the buggy one)")
                continue
            number += 1
            write_case(out, number, name, buggy, fixed, tests)
            print(f"{name}: {total} tests, {failing} fail on the buggy program")
            continue
        lines = []
        for row in open(os.path.join(quixbugs, "json_testcases", name + ".json")):
            if row.strip():
                args, expected = json.loads(row)
                lines.append(check_line(name, args if isinstance(args, list) else [args], expected))
        kept = [line for line in lines if passes_in_time(fixed, line)]
        failing = sum(not passes_in_time(buggy, line) for line in kept)
        if not kept or not failing:
            print(f"{name}: left out ({len(kept)} tests pass on the fixed program, {failing} fail on the buggy one)")
            continue
        number += 1
        tests = [f"from buggy import {name}\n"]
        for i, line in enumerate(kept):
            tests.append(f"\n\ndef test_{i}():\n    {line}\n")
        write_case(out, number, name, buggy, fixed, "".join(tests))
        print(f"{name}: {len(kept)} tests, {failing} fail on the buggy program")


def write_case(out, number, name, buggy, fixed, tests):
    case = os.path.join(out, f"q{number:02d}_{name}")
    os.makedirs(case, exist_ok=True)
    for file, text in [("buggy.py", buggy), ("fixed.py", fixed), ("kind.txt", "quixbugs\n"), ("test_buggy.py", tests)]:
        open(os.path.join(case, file), "w").write(text)


if __name__ == "__main__":
    main()
