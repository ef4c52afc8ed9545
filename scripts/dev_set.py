#!/usr/bin/env python3
"""Writes the dev set for `kelp eval --protocol dev-repair`: the standard-library functions with tests of a fresh
corpus (NEW, from `kelp corpus build --synthetic 0 --out NEW`) that had no tests in the corpus the default model
was fine-tuned on (OLD), so the model never trained on them with their tests. Used to choose search settings
without looking at P1-P3. Tasks are in the order of their ids' SHA-1, so `--limit N` takes a spread of modules.

    scripts/dev_set.py OLD NEW OUT   # OUT/tasks-00000.jsonl
"""
import glob
import hashlib
import json
import os
import sys


def tested_stdlib(directory):
    for path in sorted(glob.glob(os.path.join(directory, "tasks-*.jsonl"))):
        with open(path) as f:
            for line in f:
                task = json.loads(line)
                if task["origin"] == "stdlib" and task["spec"].get("tests"):
                    yield task


def main():
    old, new, out = sys.argv[1:4]
    seen = {t["id"] for t in tested_stdlib(old)}
    fresh = sorted((t for t in tested_stdlib(new) if t["id"] not in seen), key=lambda t: hashlib.sha1(t["id"].encode()).hexdigest())
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "tasks-00000.jsonl"), "w") as f:
        for task in fresh:
            f.write(json.dumps(task) + "\n")
    print(f"{len(fresh)} dev tasks ({len(seen)} tested in {old})")


if __name__ == "__main__":
    main()
