#!/usr/bin/env bash
# Runs bench/pytorch_reference.py in its own virtual environment (CPU-only PyTorch from PyPI); never needed by CI.
set -euo pipefail
cd "$(dirname "$0")"
venv="${KELP_BENCH_VENV:-/tmp/kelp-bench-venv}"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet torch
fi
"$venv/bin/python" pytorch_reference.py
