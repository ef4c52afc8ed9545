#!/usr/bin/env bash
# Rerun every report under reports/ with the shipped model (DESIGN §6). Release build; one protocol at a time
# (two cores). Budgets and limits are the ones the committed reports state in their headers.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked
kelp=target/release/kelp
$kelp eval --protocol toy10 --mode exec --budget 100 --max-seconds 10 --out reports/toy10-exec
$kelp eval --protocol humaneval-repair --mode exec --budget 100 --max-seconds 10 --limit 15 --out reports/humaneval-repair-exec
$kelp eval --protocol synthesis --mode exec --budget 100 --max-seconds 20 --out reports/synthesis-exec
# Not run here: the dev set (settings are chosen on it), e.g. after scripts/dev_set.py OLD NEW /tmp/dev-tasks:
# $kelp eval --protocol dev-repair --tasks /tmp/dev-tasks --mode exec --budget 100 --max-seconds 10 --limit 12 --out /tmp/dev
$kelp eval --protocol toy10 --mode model-only --max-seconds 30 --out reports/toy10-model-only
# Model-only at a 10 s wall: the beam over a HumanEval menu spends its whole wall (≈0.4 s an expansion), and 30 s
# per search is 67 min for the 135 problems.
$kelp eval --protocol humaneval-repair --mode model-only --max-seconds 10 --limit 15 --out reports/humaneval-repair-model-only
# Issue 7's table: k = 1, 2, 3 at 10 / 100 / 1,000 test runs (Markdown on stdout, one line per trial on stderr,
# every trial's broken program and final candidate in trials.jsonl).
$kelp eval-repair --seeds 10 --max-seconds 10 --trials reports/toy10-repair/trials.jsonl \
    > reports/toy10-repair/table.md 2> reports/toy10-repair/trials.log
