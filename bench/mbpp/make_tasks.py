#!/usr/bin/env python3
"""Writes MBPP (sanitized) as a Kelp task corpus for `kelp eval --protocol dev-repair --tasks OUT`: a dev set of small
real Python functions with tests, none of which the shipped model trained on.

    bench/mbpp/make_tasks.py sanitized-mbpp.json OUT [--skip N] [--take M]

sanitized-mbpp.json is Google Research's (https://github.com/google-research/google-research, mbpp/, CC BY 4.0);
it is not committed here. Each problem's code becomes the task's program with the problem statement as the entry
function's docstring (as HumanEval's prompts carry theirs) and its asserts as the tests; a problem whose code fails
its own tests is dropped. Tasks are written in the order of their ids' SHA-1 (a spread of problems), then
`--skip`/`--take` cut a slice: the first 20 were read while making session 29's edits (a dev slice), the next 30
were not (a held-out slice).
"""
import argparse
import ast
import hashlib
import json
import os
import subprocess
import sys


def entry_point(tree, tests):
    defs = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    for test in tests:
        for node in ast.walk(ast.parse(test)):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in defs:
                return node.func.id
    return None


def task(problem):
    try:
        tree = ast.parse(problem["code"])
    except SyntaxError:
        return None
    entry = entry_point(tree, problem["test_list"])
    if entry is None:
        return None
    function = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == entry)
    function.body.insert(0, ast.Expr(ast.Constant(problem["prompt"])))
    source = "\n".join(problem["test_imports"] + [ast.unparse(tree)]) + "\n"
    check = source + "\n" + "\n".join(problem["test_list"]) + "\n"
    if subprocess.run([sys.executable, "-c", check], capture_output=True, timeout=30).returncode != 0:
        return None
    return {
        "id": f"mbpp/{problem['task_id']}",
        # The dev-repair protocol takes real functions with tests, which the corpus calls standard-library ones.
        "origin": "stdlib",
        "split": "eval",
        "entry_point": entry,
        "source": source,
        "spec": {
            "signature": ast.unparse(function).split("\n")[0],
            "docstring": problem["prompt"],
            "tests": {"asserts": problem["test_list"]},
        },
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mbpp")
    parser.add_argument("out")
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--take", type=int, default=None)
    args = parser.parse_args()
    with open(args.mbpp) as f:
        problems = json.load(f)
    tasks = [t for t in map(task, problems) if t is not None]
    tasks.sort(key=lambda t: hashlib.sha1(t["id"].encode()).hexdigest())
    end = None if args.take is None else args.skip + args.take
    chosen = tasks[args.skip:end]
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "tasks-00000.jsonl"), "w") as f:
        for t in chosen:
            f.write(json.dumps(t) + "\n")
    print(f"{len(chosen)} tasks of {len(tasks)} ({len(problems)} problems) in {args.out}")


if __name__ == "__main__":
    main()
