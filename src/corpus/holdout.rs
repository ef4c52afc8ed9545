//! Hold-out: programs that must never be trained on (every evaluation set).

use std::collections::HashSet;

use super::{Split, Task, humaneval_tasks, toy_tasks};
use crate::syntax;

/// A set of held-out programs, matched by normalised AST and by alpha-renamed normalised AST, so that a training
/// function that is an evaluation task up to formatting or a consistent renaming is caught too.
#[derive(Debug, Clone, Default)]
pub struct HoldOut {
    exact: HashSet<u64>,
    alpha: HashSet<u64>,
}

impl HoldOut {
    /// The toy set's ten evaluation tasks.
    pub fn toy_eval() -> HoldOut {
        let mut hold_out = HoldOut::default();
        for task in toy_tasks().iter().filter(|t| t.split == Split::Eval) {
            hold_out.add(&task.source);
        }
        hold_out
    }

    /// Every evaluation set Kelp ships: the toy set's ten evaluation tasks and the 164 HumanEval problems. What
    /// every training corpus must leave out; a run adds its own sets with [`HoldOut::extend`].
    pub fn evaluation_sets() -> HoldOut {
        let mut hold_out = HoldOut::toy_eval();
        hold_out.extend(&humaneval_tasks());
        hold_out
    }

    /// Holds out `source`, and each of its module-level functions on its own: a HumanEval program is imports +
    /// helpers + the entry point, while training candidates are single functions.
    pub fn add(&mut self, source: &str) {
        let tree = syntax::parse(source);
        self.insert(&tree);
        let functions: Vec<_> = tree.children(0).filter(|&c| tree.node(c).kind == "function_definition").collect();
        if functions.len() > 1 || tree.children(0).filter(|&c| !tree.node(c).extra).count() > 1 {
            for f in functions {
                self.insert(&syntax::parse(tree.text(tree.node(f).span)));
            }
        }
    }

    fn insert(&mut self, tree: &syntax::Tree) {
        self.exact.insert(tree.normalised().fingerprint());
        self.alpha.insert(tree.alpha_normalised().fingerprint());
    }

    pub fn extend<'a>(&mut self, tasks: impl IntoIterator<Item = &'a Task>) {
        for task in tasks {
            self.add(&task.source);
        }
    }

    /// Number of held-out programs and functions (distinct normalised ASTs).
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

    #[test]
    fn evaluation_sets_hold_out_humaneval_programs_and_their_functions() {
        let hold_out = HoldOut::evaluation_sets();
        let humaneval = humaneval_tasks();
        assert_eq!(humaneval.len(), 164);
        assert!(humaneval.iter().all(|t| t.split == Split::Eval && hold_out.contains(t)));
        // HumanEval/0's function alone, without its `from typing import List`, renamed and reformatted.
        let function = &humaneval[0].source[humaneval[0].source.find("def ").unwrap()..];
        let renamed =
            [("numbers:", "xs:"), ("(numbers)", "(xs)"), ("threshold:", "limit:"), ("< threshold", "< limit")]
                .iter()
                .fold(
                    function.replace("idx", "i").replace("abs(elem - elem2)", "abs( (elem-elem2) )  # d"),
                    |s, (a, b)| s.replace(a, b),
                );
        assert!(hold_out.contains_source(&renamed));
        assert!(hold_out.contains_source("def add(a, b):\n    return a + b\n"));
        assert!(!hold_out.contains_source(&renamed.replace("< limit", "<= limit")));
    }
}
