#!/usr/bin/env python3
"""Synthesis on MBPP: `kelp synth` writes each task's function from its signature, docstring and asserts.

    bench/mbpp/synth_sweep.py TASKS OUT [--kelp BIN] [-- KELP_SYNTH_ARGS...]

TASKS is a corpus directory written by `make_tasks.py` (one slice of MBPP). For each task, OUT/<id>/ gets
`stub.py` (the lines before the function, e.g. `import re`, then its header and docstring, then `pass`; helper
functions are left out) and `tests.py` (one pytest function per assert), and `kelp synth stub.py --tests tests.py
--json` runs there (stdout to `out.json`, stderr to `err.txt`). Prints one TSV row per task (id, exit code, test
runs, seconds, the written body's last line when every test passes) and a summary line; writes OUT/summary.json.
Exit code 0 of `kelp synth` means every test passes.

Example (the numbers in README): `bench/mbpp/synth_sweep.py DEV2 OUT -- --budget 100 --max-seconds 10`.
"""
import argparse
import ast
import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
from sweep_common import run_in  # noqa: E402


def stub_of(source, entry):
    """The source up to the entry function's docstring (or header), then `pass`."""
    tree = ast.parse(source)
    function = next(n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == entry)
    first = function.body[0]
    has_docstring = isinstance(first, ast.Expr) and isinstance(getattr(first, "value", None), ast.Constant) \
        and isinstance(first.value.value, str)
    end = first.end_lineno if has_docstring else first.lineno - 1
    lines = source.split("\n")
    head = [line for line in lines[: function.lineno - 1] if not line.startswith(("def ", "    ", "\t"))]
    return "\n".join(head + lines[function.lineno - 1 : end]) + "\n    pass\n"


def tests_of(asserts):
    body = "".join(f"\ndef test_{i}():\n    {a}\n\n" for i, a in enumerate(asserts))
    return "from stub import *\n\n" + body


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("tasks")
    parser.add_argument("out")
    parser.add_argument("--kelp", default=os.path.join(HERE, "..", "..", "target", "release", "kelp"))
    parser.add_argument("--checkpoint", default=os.path.join(HERE, "..", "..", "models", "default"))
    argv = sys.argv[1:]
    synth_args = argv[argv.index("--") + 1 :] if "--" in argv else []
    args = parser.parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    args.synth_args = synth_args
    kelp = os.path.abspath(args.kelp)
    if not os.access(kelp, os.X_OK):
        sys.exit(f"synth_sweep.py: no kelp binary at {kelp} (cargo build --release, or pass --kelp)")
    tasks = []
    for path in sorted(glob.glob(os.path.join(args.tasks, "*.jsonl"))):
        with open(path) as f:
            tasks.extend(json.loads(line) for line in f if line.strip())
    if not tasks:
        sys.exit(f"synth_sweep.py: no tasks in {args.tasks} (write them with make_tasks.py)")
    cases = [(task["id"], task["entry_point"], stub_of(task["source"], task["entry_point"]),
              tests_of(task["spec"]["tests"]["asserts"])) for task in tasks]
    run_cases(cases, kelp, args.checkpoint, args.synth_args, args.out, {"tasks": args.tasks})


def run_cases(cases, kelp, checkpoint, synth_args, out, meta):
    """Runs `kelp synth` on each (id, entry point, stub source, tests source) case in OUT/<id>/; prints one TSV
    row per case and a summary line, and writes OUT/summary.json (`meta` plus the rows)."""
    os.makedirs(out, exist_ok=True)
    rows = []
    for case_id, entry, stub, tests in cases:
        case = os.path.join(out, case_id.replace("/", "_"))
        command = [kelp, "synth", "stub.py", "--tests", "tests.py", "--json", "--function", entry,
                   "--checkpoint", os.path.abspath(checkpoint)] + synth_args
        run, seconds = run_in(case, {"stub.py": stub, "tests.py": tests}, command)
        runs, written = None, ""
        try:
            report = json.loads(run.stdout)["report"]
            runs = report["test_runs"]
            if run.returncode == 0:
                written = report["best"]["source"].rstrip("\n").split("\n")[-1].strip()
        except (json.JSONDecodeError, KeyError, TypeError):
            pass
        row = {"id": case_id, "exit": run.returncode, "test_runs": runs, "seconds": round(seconds, 2),
               "written": written}
        rows.append(row)
        print(f"{row['id']}\t{row['exit']}\t{runs}\t{row['seconds']}\t{written}", flush=True)
    solved = sum(r["exit"] == 0 for r in rows)
    print(f"# solved {solved} of {len(rows)}")
    with open(os.path.join(out, "summary.json"), "w") as f:
        json.dump({**meta, "synth_args": synth_args, "solved": solved, "total": len(rows), "rows": rows}, f,
                  indent=1)

if __name__ == "__main__":
    main()
