//! Polishing a repair: once a program passes every test, prefer the one a programmer would have written.
//!
//! Tests rarely pin a function down, so the first program to pass them is often not the intended fix. Two kinds
//! of such repairs are common enough to look for, in this order:
//!
//! - **More edits than needed.** A climb (`climb.rs`) or a composition can reach a program that passes the tests
//!   with two or three edits (`max(x + 1, cur + x)` and `max(cur, x)`) while one edit of the start program does
//!   too (`max(best, cur)`), a few runs further down the start's own stream. Classic APR prefers the smallest
//!   patch for the same reason: of two patches that pass, the smaller is likelier the fix. So a repair whose edit
//!   path from the start program has two or more edits gets up to [`POLISH_RUNS`] more runs of the
//!   start's single edits, and the first that passes every test replaces it.
//! - **Arithmetic nobody writes.** The menu's integer edits turn `n - 1` into `n - 0` rather than `n`, and
//!   `i + 1` is reached as `i - -1`. [`simplified`] rewrites `e + 0`, `e - 0`, `e * 1`, `e // 1` and kin,
//!   `e - -k` and `e + -k`; the simplified program is tested once and kept only if it still passes every test.
//!
//! Polishing spends the search's own budget (test runs and wall), after the first repair; `test_runs_to_repair`
//! still counts the runs to that first repair, and [`Polish`] what came after it.

use serde::Serialize;

use super::baseline::Baseline;
use super::{Candidate, Run, SearchError, Searcher, Stop};
use crate::noise::tree_diff;
use crate::syntax::{self, NodeId, Tree};

/// Test runs at most that polishing spends looking for a repair with fewer edits.
pub const POLISH_RUNS: usize = 50;

/// Rewrites per program at most in [`simplified`] (each removes a node, so this only bounds a pathological input).
const MAX_REWRITES: usize = 32;

/// What polishing did to a search's first repair.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Polish {
    /// Test runs after the first repair.
    pub runs: usize,
    /// The search's edits from the start program to the first repair, and to the one polishing chose (the
    /// simplification aside).
    pub edits_before: usize,
    pub edits_after: usize,
    /// A repair with fewer edits replaced the first one.
    pub fewer_edits: bool,
    /// Identities like `n - 0` were rewritten away.
    pub simplified: bool,
}

/// The program with arithmetic identities rewritten away (`e + 0`, `e - 0`, `0 + e`, `e * 1`, `1 * e`, `e // 1`,
/// `e ** 1`, and `e | 0`, `e ^ 0`, `e << 0`, `e >> 0` become `e`;
/// `e - -k` and `e + -k` for a number `k` become `e + k` and `e - k`), or `None` when it has none. Each rewrite
/// replaces an operation by one of its operands, which binds at least as tightly, so the result parses as the same
/// structure around it.
pub fn simplified(source: &str) -> Option<Tree> {
    let mut tree = syntax::parse_strict(source).ok()?;
    let mut changed = false;
    for _ in 0..MAX_REWRITES {
        let rewrites: Vec<(NodeId, String)> =
            (0..tree.nodes().len() as NodeId).filter_map(|id| identity(&tree, id).map(|t| (id, t))).collect();
        let next = rewrites.into_iter().find_map(|(id, text)| {
            let node = tree.node(id);
            tree.splice_checked(node.span, node.class?, &text).map(|(_, t)| t)
        });
        match next {
            Some(t) => {
                tree = t;
                changed = true;
            }
            None => break,
        }
    }
    changed.then_some(tree)
}

/// The text that `id` simplifies to, if it is an identity of [`simplified`].
fn identity(tree: &Tree, id: NodeId) -> Option<String> {
    let node = tree.node(id);
    if node.kind != "binary_operator" {
        return None;
    }
    let field = |name: &str| tree.children(id).find(|&c| tree.node(c).field == Some(name));
    let (left, op, right) = (field("left")?, field("operator")?, field("right")?);
    let text = |c: NodeId| tree.text(tree.node(c).span);
    let is_int = |c: NodeId, value: &str| tree.node(c).kind == "integer" && text(c) == value;
    // `-k` for a number literal `k`: its `k`.
    let negated_number = |c: NodeId| {
        let n = tree.node(c);
        if n.kind != "unary_operator" {
            return None;
        }
        let minus = tree.children(c).find(|&o| tree.node(o).field == Some("operator"))?;
        let argument = tree.children(c).find(|&a| tree.node(a).field == Some("argument"))?;
        (text(minus) == "-" && matches!(tree.node(argument).kind, "integer" | "float")).then(|| text(argument))
    };
    match text(op) {
        "+" if is_int(right, "0") => Some(text(left).to_string()),
        "+" if is_int(left, "0") => Some(text(right).to_string()),
        "-" if is_int(right, "0") => Some(text(left).to_string()),
        "*" | "//" | "**" if is_int(right, "1") => Some(text(left).to_string()),
        "|" | "^" | "<<" | ">>" if is_int(right, "0") => Some(text(left).to_string()),
        "*" if is_int(left, "1") => Some(text(right).to_string()),
        "-" => negated_number(right).map(|k| format!("{} + {k}", text(left))),
        "+" => negated_number(right).map(|k| format!("{} - {k}", text(left))),
        _ => None,
    }
}

impl Searcher<'_> {
    /// Polishes `run`'s repair (see the module doc). Call only once it is repaired.
    pub(super) fn polish(&self, run: &mut Run, start: &Tree) -> Result<Polish, SearchError> {
        let runs_before = run.test_runs;
        let mut chosen = run.best.clone();
        let edits_before = chosen.edits.len();
        let mut fewer_edits = false;
        if edits_before >= 2 {
            let mut stream = Baseline::localized(start, self.config.seed, run.start_suspicion.as_ref(), &run.facts);
            let limit = run.test_runs + POLISH_RUNS;
            loop {
                // Every batch ends with the search marked repaired (its best still passes every test).
                run.stop = None;
                if run.test_runs >= limit || run.out_of_budget(0) {
                    break;
                }
                let mut next = stream.next_candidates(self.config.batch.max(1));
                // The stream's single edits (and its additive tier) come first; its compositions are not smaller.
                let singles = next.iter().take_while(|(edits, _)| edits.len() == 1).count();
                let done = singles < next.len() || next.is_empty();
                next.truncate(singles.min(limit - run.test_runs));
                let trees: Vec<Tree> = next.iter().map(|(_, t)| t.clone()).collect();
                let batch = next
                    .into_iter()
                    .map(|(edits, tree)| Candidate::untested(tree.into_source(), edits, self.tests.len(), 0.0))
                    .collect();
                let fresh = run.fresh(batch, &trees);
                let tested = run.test_with(fresh, false)?;
                if let Some(c) = tested.into_iter().map(|(c, _)| c).find(Candidate::all_passed) {
                    chosen = c;
                    fewer_edits = true;
                    break;
                }
                if done {
                    break;
                }
            }
        }
        let edits_after = chosen.edits.len();
        let mut simplified_any = false;
        run.stop = None;
        if let Some(tree) = simplified(&chosen.source)
            && !run.out_of_budget(0)
        {
            let mut edits = chosen.edits.clone();
            edits.extend(tree_diff(&syntax::parse(chosen.source.as_str()), &tree).edits.into_iter().map(|e| e.edit));
            let c = Candidate::untested(tree.source(), edits, self.tests.len(), chosen.log_prob);
            let fresh = run.fresh(vec![c], std::slice::from_ref(&tree));
            if let Some((c, _)) = run.test_with(fresh, false)?.into_iter().next()
                && c.all_passed()
            {
                chosen = c;
                simplified_any = true;
            }
        }
        run.best = chosen;
        run.stop = Some(Stop::Repaired);
        Ok(Polish {
            runs: run.test_runs - runs_before,
            edits_before,
            edits_after,
            fewer_edits,
            simplified: simplified_any,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn simple(source: &str) -> Option<String> {
        simplified(source).map(Tree::into_source)
    }

    #[test]
    fn identities_are_rewritten_away() {
        let cases = [
            ("def f(row):\n    return range(1, len(row) - 0)\n", "def f(row):\n    return range(1, len(row))\n"),
            ("def f(a, i, n):\n    return a[i:i + n * 1]\n", "def f(a, i, n):\n    return a[i:i + n]\n"),
            ("def f(i):\n    start = i - -1\n", "def f(i):\n    start = i + 1\n"),
            ("def f(i):\n    return i + -2.5\n", "def f(i):\n    return i - 2.5\n"),
            ("def f(x):\n    return 0 + 1 * (x + 0)\n", "def f(x):\n    return (x)\n"),
            // Nested identities go one at a time, each site re-parsed.
            ("def f(x):\n    return x - 0 - 0\n", "def f(x):\n    return x\n"),
            ("def f(n):\n    return range(n // 1)\n", "def f(n):\n    return range(n)\n"),
            ("def f(n):\n    return n ** 1 | 0 ^ 0 << 0 >> 0\n", "def f(n):\n    return n\n"),
            // An operand that binds less tightly keeps its parentheses.
            ("def f(a, b):\n    return (a + b) * 1 * 2\n", "def f(a, b):\n    return (a + b) * 2\n"),
        ];
        for (source, want) in cases {
            assert_eq!(simple(source).as_deref(), Some(want), "{source}");
        }
    }

    #[test]
    fn other_arithmetic_is_left_alone() {
        for source in [
            "def f(x):\n    return x - 1\n",
            "def f(x):\n    return x * 0\n",
            "def f(x):\n    return x - 0.0\n",
            "def f(x):\n    return 0 - x\n",
            "def f(x):\n    return x / 1\n",
            "def f(x):\n    return 1 // x\n",
            "def f(x):\n    return x - -y\n",
            "def f(x):\n    return '0' + x\n",
        ] {
            assert_eq!(simple(source), None, "{source}");
        }
        assert_eq!(simple("def f(:\n"), None);
    }
}
