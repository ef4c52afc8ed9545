#!/usr/bin/env python3
"""USAGE_CASES=OUTDIR verify.py CASE_NAME [PROGRAM_TEXT_FILE] (OUTDIR as gen_cases.py wrote it): runs the case's tests (real python3 / pytest / doctest, outside kelp)
on the program text given (default: the case's buggy program); prints PASS or FAIL and exits 0/1.

verify.py --fixed CASE_NAME: the same on fixed.py.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.abspath(os.environ.get("USAGE_CASES", "usage-cases-out"))  # the cases' directory, not this script's
CASES = {c["name"]: c for c in json.load(open(os.path.join(HERE, "cases.json")))}
ALIASES = {"c12_other_module_name": ["textutils.py"], "c12b_other_module_reachable": ["textutils.py"]}  # the module name the tests import


def run(case, program_bytes, quiet=False):
    src = os.path.join(HERE, "cases", case["name"])
    with tempfile.TemporaryDirectory(prefix="kelp-usage-verify-") as tmp:
        for f in os.listdir(src):
            if os.path.isfile(os.path.join(src, f)):
                shutil.copy(os.path.join(src, f), tmp)
        prog = os.path.join(tmp, case["program"])
        for name in [case["program"]] + ALIASES.get(case["name"], []):
            with open(os.path.join(tmp, name), "wb") as f:
                f.write(program_bytes)
        if case["name"] == "c12c_dotted_alias":  # the tests import app.textutils
            os.makedirs(os.path.join(tmp, "app"))
            open(os.path.join(tmp, "app", "__init__.py"), "w").close()
            with open(os.path.join(tmp, "app", "textutils.py"), "wb") as f:
                f.write(program_bytes)
        mode = case["verify"]
        tests = os.path.join(tmp, case["tests"]) if case["tests"] else None
        env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
        if mode == "pytest":
            cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", tests]
            r = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, env=env, timeout=60)
        elif mode in ("concat", "check"):
            text = program_bytes.decode() + "\n" + open(tests).read()
            if mode == "check":
                text += f"\ncheck({case['entry']})\n"
            r = subprocess.run([sys.executable, "-"], input=text, cwd=tmp, capture_output=True, text=True,
                               env=env, timeout=60)
        elif mode == "doctest":
            r = subprocess.run([sys.executable, "-m", "doctest", prog], cwd=tmp, capture_output=True, text=True,
                               env=env, timeout=60)
        elif mode == "selfrun":
            r = subprocess.run([sys.executable, prog], cwd=tmp, capture_output=True, text=True, env=env, timeout=60)
        else:
            raise SystemExit(f"unknown mode {mode}")
        ok = r.returncode == 0
        if not quiet:
            print("PASS" if ok else "FAIL")
            if not ok:
                print((r.stdout + r.stderr)[-1500:])
        return ok


if __name__ == "__main__":
    if sys.argv[1] == "--fixed":
        case = CASES[sys.argv[2]]
        data = open(os.path.join(HERE, "cases", case["name"], "fixed.py"), "rb").read()
    else:
        case = CASES[sys.argv[1]]
        path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(HERE, "cases", case["name"], case["program"])
        data = open(path, "rb").read()
    sys.exit(0 if run(case, data) else 1)
