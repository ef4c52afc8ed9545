#!/usr/bin/env python3
"""Synthesis on HumanEval: `kelp synth` writes each problem's function from its prompt (signature, docstring,
helpers before it) and its `check(candidate)` tests.

    bench/humaneval/synth_sweep.py OUT [--skip N] [--take M] [--kelp BIN] [-- KELP_SYNTH_ARGS...]

For problems N … N + M - 1 of `data/humaneval/HumanEval.jsonl`, OUT/<id>/ gets `stub.py` (the prompt, then
`pass`) and `tests.py` (the problem's test code as it ships), and `kelp synth stub.py --tests tests.py --json`
runs there; rows, summary line and OUT/summary.json as `bench/mbpp/synth_sweep.py` writes them. HumanEval is an
evaluation set: this measures, nothing here is trained or tuned on it.

Example (the numbers in README): `bench/humaneval/synth_sweep.py OUT --skip 15 -- --budget 100 --max-seconds 10`.
"""
import argparse
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "mbpp"))
from synth_sweep import run_cases  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--skip", type=int, default=0)
    parser.add_argument("--take", type=int, default=164)
    parser.add_argument("--problems", default=os.path.join(HERE, "..", "..", "data", "humaneval", "HumanEval.jsonl"))
    parser.add_argument("--kelp", default=os.path.join(HERE, "..", "..", "target", "release", "kelp"))
    parser.add_argument("--checkpoint", default=os.path.join(HERE, "..", "..", "models", "default"))
    argv = sys.argv[1:]
    synth_args = argv[argv.index("--") + 1 :] if "--" in argv else []
    args = parser.parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    kelp = os.path.abspath(args.kelp)
    if not os.access(kelp, os.X_OK):
        sys.exit(f"synth_sweep.py: no kelp binary at {kelp} (cargo build --release, or pass --kelp)")
    with open(args.problems) as f:
        problems = [json.loads(line) for line in f if line.strip()][args.skip : args.skip + args.take]
    cases = [(p["task_id"], p["entry_point"], p["prompt"].rstrip() + "\n    pass\n", p["test"]) for p in problems]
    meta = {"problems": args.problems, "skip": args.skip, "take": args.take}
    run_cases(cases, kelp, args.checkpoint, synth_args, args.out, meta)


if __name__ == "__main__":
    main()
