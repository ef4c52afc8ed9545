//! Hold-out: programs that must never be trained on (every evaluation set).

use std::collections::HashSet;

use super::{Split, Task, toy_tasks};
use crate::syntax;

/// A set of held-out programs, matched by normalised AST and by alpha-renamed normalised AST, so that a training
/// function that is an evaluation task up to formatting or a consistent renaming is caught too.
#[derive(Debug, Clone, Default)]
pub struct HoldOut {
    exact: HashSet<u64>,
    alpha: HashSet<u64>,
}

impl HoldOut {
    /// The toy set's ten evaluation tasks: the hold-out every training run uses at least.
    pub fn toy_eval() -> HoldOut {
        let mut hold_out = HoldOut::default();
        for task in toy_tasks().iter().filter(|t| t.split == Split::Eval) {
            hold_out.add(&task.source);
        }
        hold_out
    }

    pub fn add(&mut self, source: &str) {
        let tree = syntax::parse(source);
        self.exact.insert(tree.normalised().fingerprint());
        self.alpha.insert(tree.alpha_normalised().fingerprint());
    }

    pub fn extend<'a>(&mut self, tasks: impl IntoIterator<Item = &'a Task>) {
        for task in tasks {
            self.add(&task.source);
        }
    }

    /// Number of held-out programs (distinct normalised ASTs).
    pub fn len(&self) -> usize {
        self.exact.len()
    }

    pub fn is_empty(&self) -> bool {
        self.exact.is_empty()
    }

    /// Is `task` a held-out program, up to formatting or consistent renaming?
    pub fn contains(&self, task: &Task) -> bool {
        self.contains_source(&task.source)
    }

    pub fn contains_source(&self, source: &str) -> bool {
        let tree = syntax::parse(source);
        self.contains_fingerprints(tree.normalised().fingerprint(), tree.alpha_normalised().fingerprint())
    }

    /// The same test from precomputed [`crate::syntax::NormalisedAst::fingerprint`]s.
    pub fn contains_fingerprints(&self, exact: u64, alpha: u64) -> bool {
        self.exact.contains(&exact) || self.alpha.contains(&alpha)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catches_copies_and_renamed_copies_of_eval_tasks() {
        let hold_out = HoldOut::toy_eval();
        assert_eq!(hold_out.len(), 10);
        assert!(hold_out.contains_source("def add(a, b):\n    return a + b\n"));
        assert!(hold_out.contains_source("def plus(x,y):\n    # renamed\n    return (x + y)\n"));
        assert!(hold_out.contains_source("def cap(v, low, high):\n    if v < low:\n        return low\n    if v > high:\n        return high\n    return v\n"));
        // Training-only toy tasks and other programs are not held out.
        assert!(!hold_out.contains_source("def identity(x):\n    return x\n"));
        assert!(!hold_out.contains_source("def add(a, b):\n    return a + b + 1\n"));
    }
}
