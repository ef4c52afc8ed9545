#!/usr/bin/env python3
"""Why multi-graft repairs stall: undo one graft at a time and see what the tests show.

    bench/mbpp/graft_halves.py TASKS_DIR REPORT.json [--method model] [-v]

For each failed trial of k >= 2 in a `kelp eval --protocol dev-repair` report, the corrupted program (the trial's
start) and the task's clean program are diffed line by line; each differing hunk alone is put back (a graft
undone, when the grafts sit on different lines) and the program run against the task's asserts. A trial counts as
"progress" when some hunk alone passes more tests or returns more values (an AssertionError rather than another
exception: a quarter of a pass, as `Candidate::progress` weighs it), as "raises further on" when none does but
one moves every raising test's exception to a later line of the function the test called (or to returning), and as
"nothing" otherwise. Trials whose grafts share a line (one hunk) are counted apart. Prints the counts; `-v` each
trial's hunks and outcomes.
"""
import argparse
import difflib
import glob
import json
import subprocess
import sys
from collections import Counter

# Runs a program's asserts in a fresh interpreter; per test: ["P"], ["F"] (AssertionError), ["E", kind, line]
# (line: the outermost frame of the program's, where the called function stood) or ["T"] (over the time limit).
RUNNER = r"""
import json, sys, traceback
source, tests = sys.argv[1], json.loads(sys.argv[2])
namespace = {}
try:
    exec(compile(source, "<program>", "exec"), namespace)
except BaseException as e:
    print(json.dumps([["E", type(e).__name__, None]] * len(tests)))
    sys.exit()
out = []
for test in tests:
    try:
        exec(test, dict(namespace))
        out.append(["P"])
    except AssertionError:
        out.append(["F"])
    except BaseException as e:
        frames = [n for f, n in traceback.walk_tb(e.__traceback__) if f.f_code.co_filename == "<program>"]
        out.append(["E", type(e).__name__, frames[0] if frames else None])
print(json.dumps(out))
"""


def run(source, tests):
    try:
        done = subprocess.run([sys.executable, "-c", RUNNER, source, json.dumps(tests)],
                              capture_output=True, text=True, timeout=5)
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (subprocess.TimeoutExpired, IndexError, json.JSONDecodeError):
        return [["T"]] * len(tests)


def progress(outcomes):
    return sum(o[0] == "P" for o in outcomes) + 0.25 * sum(o[0] == "F" for o in outcomes)


def raises_further_on(before, after):
    moved = False
    for b, a in zip(before, after):
        if b[0] != "E":
            if a != b:
                return False
        elif a[0] == "E":
            if b[2] is None or a[2] is None or a[2] < b[2]:
                return False
            moved |= a[2] > b[2]
        else:
            moved = True
    return moved


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tasks")
    parser.add_argument("report")
    parser.add_argument("--method", default="model")
    parser.add_argument("-v", action="store_true")
    args = parser.parse_args()
    tasks = {}
    for path in glob.glob(f"{args.tasks}/*.jsonl"):
        for line in open(path):
            task = json.loads(line)
            tasks[task["id"]] = task
    counts = Counter()
    for trial in json.load(open(args.report))["trials"]:
        if trial["method"] != args.method or trial["k"] < 2 or trial["solved"]:
            continue
        task = tasks[trial["task_id"]]
        tests = task["spec"]["tests"]["asserts"]
        start, clean = trial["start_source"].splitlines(True), task["source"].splitlines(True)
        hunks = [op for op in difflib.SequenceMatcher(None, start, clean).get_opcodes() if op[0] != "equal"]
        if len(hunks) < 2:
            counts["grafts on one line"] += 1
            continue
        before = run("".join(start), tests)
        halves = []
        for _, i1, i2, j1, j2 in hunks:
            halves.append(run("".join(start[:i1] + clean[j1:j2] + start[i2:]), tests))
        if any(progress(h) > progress(before) for h in halves):
            verdict = "progress"
        elif any(raises_further_on(before, h) for h in halves):
            verdict = "raises further on"
        else:
            verdict = "nothing"
        counts[verdict] += 1
        if args.v:
            print(f"== {trial['task_id']} k={trial['k']} seed={trial['seed']}: {verdict}; start {before}")
            for (_, i1, i2, j1, j2), half in zip(hunks, halves):
                print(f"   {''.join(start[i1:i2]).strip()[:80]!r} -> {''.join(clean[j1:j2]).strip()[:80]!r}: {half}")
    print(json.dumps(dict(counts)))


if __name__ == "__main__":
    main()
