#!/usr/bin/env python3
"""verify.py OUTDIR CASE [PROGRAM_FILE | --fixed]: runs the case's tests outside Kelp (real pytest, or python3 for
the asserts and check(candidate) files) on a program (default: the case's buggy one), in a temporary copy of the case;
prints PASS or FAIL and exits 0/1. OUTDIR as gen_cases.py wrote it. Needs pytest for this Python: `pip install pytest`.
"""
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile


def require_pytest():
    if importlib.util.find_spec("pytest") is None:
        raise SystemExit(f"verify.py: pytest is not installed for {sys.executable}; run `{sys.executable} -m pip "
                         "install pytest` (the cases are checked with real pytest)")


def run(case, case_dir, program_bytes, quiet=False):
    """True when the case's tests pass on program_bytes (written as the case's program file)."""
    require_pytest()
    with tempfile.TemporaryDirectory(prefix="kelp-realistic-verify-") as tmp:
        for f in os.listdir(case_dir):
            if os.path.isfile(os.path.join(case_dir, f)) and f != "fixed.py":
                shutil.copy(os.path.join(case_dir, f), tmp)
        with open(os.path.join(tmp, case["program"]), "wb") as f:
            f.write(program_bytes)
        tests = os.path.join(tmp, case["tests"])
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        mode = case["verify"]
        if mode == "pytest":
            cmd, text = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", tests], None
        elif mode in ("concat", "check"):
            cmd = [sys.executable, "-"]
            text = program_bytes.decode("utf-8-sig") + "\n" + open(tests, encoding="utf-8").read()
            if mode == "check":
                text += f"\ncheck({case['entry']})\n"
        else:
            raise SystemExit(f"verify.py: unknown verify mode {mode!r}")
        r = subprocess.run(cmd, input=text, cwd=tmp, capture_output=True, text=True, env=env, timeout=60)
        ok = r.returncode == 0
        if not quiet:
            print("PASS" if ok else "FAIL")
            if not ok:
                print((r.stdout + r.stderr)[-1500:])
        return ok


if __name__ == "__main__":
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    out, name = os.path.abspath(sys.argv[1]), sys.argv[2]
    case = {c["name"]: c for c in json.load(open(os.path.join(out, "cases.json")))}[name]
    case_dir = os.path.join(out, "cases", name)
    what = sys.argv[3] if len(sys.argv) == 4 else os.path.join(case_dir, case["program"])
    if what == "--fixed":
        what = os.path.join(case_dir, "fixed.py")
    sys.exit(0 if run(case, case_dir, open(what, "rb").read()) else 1)
