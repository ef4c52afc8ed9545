"""Kelp's CPython validity gate: one process checks many sources.

Reads one JSON string (a Python source) per line on stdin and writes one JSON line per source on stdout:
{"ok": true} or {"ok": false, "error": "SyntaxError: ... (line N)"}. `compile` (not just `ast.parse`) is used so that
errors raised by the compiler, such as `'break' outside loop` or `'await' outside function`, count as invalid too.
"""
import json
import sys
import warnings


def check(source):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. SyntaxWarning for invalid escape sequences: still valid
            compile(source, "<candidate>", "exec", dont_inherit=True)
        return {"ok": True}
    except (SyntaxError, ValueError, MemoryError, RecursionError) as e:
        line = getattr(e, "lineno", None)
        where = f" (line {line})" if line else ""
        return {"ok": False, "error": f"{type(e).__name__}: {getattr(e, 'msg', e)}{where}"}


def main():
    out = sys.stdout
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        out.write(json.dumps(check(json.loads(line))) + "\n")
    out.flush()


if __name__ == "__main__":
    main()
