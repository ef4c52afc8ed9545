"""Helpers shared by the sweeps' runners (bench/usage-cases, bench/realistic-bugs, bench/humanevalfix, bench/mbpp):
run Kelp in a case directory, apply `kelp repair`'s diff to a copy of the program, and compare programs as Python
ASTs (a byte-order mark allowed)."""
import ast
import os
import subprocess
import tempfile
import time


def run_in(case: str, files: dict, command: list):
    """Writes `files` (name -> text) into the directory `case`, runs `command` there and keeps its stdout and stderr
    as out.json and err.txt; returns the finished process and its wall seconds."""
    os.makedirs(case, exist_ok=True)
    for name, text in files.items():
        with open(os.path.join(case, name), "w") as f:
            f.write(text)
    started = time.time()
    run = subprocess.run(command, cwd=case, capture_output=True, text=True)
    seconds = time.time() - started
    for name, text in (("out.json", run.stdout), ("err.txt", run.stderr)):
        with open(os.path.join(case, name), "w") as f:
            f.write(text)
    return run, seconds


def apply_diff(original: bytes, diff: str) -> bytes:
    """The program after `patch` applies `diff` (kelp's unified diff, line ends kept) to `original`."""
    with tempfile.TemporaryDirectory() as tmp:
        p, d = os.path.join(tmp, "prog.py"), os.path.join(tmp, "d.patch")
        open(p, "wb").write(original)
        open(d, "w", newline="").write(diff)
        r = subprocess.run(["patch", "--binary", "-s", p, d], capture_output=True, text=True)
        if r.returncode != 0:
            raise RuntimeError("patch failed: " + r.stdout + r.stderr)
        return open(p, "rb").read()


def same_ast(a: bytes, b: bytes) -> bool:
    """Do the two sources parse to the same AST?"""
    try:
        return ast.dump(ast.parse(a.decode("utf-8-sig"))) == ast.dump(ast.parse(b.decode("utf-8-sig")))
    except (SyntaxError, ValueError):
        return False
