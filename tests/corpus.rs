//! Corpus: size of the standard-library corpus, and the hold-out proof.

use kelp::corpus::{HoldOut, Split, toy_tasks};
use kelp::syntax::parse;

use crate::fixtures::stdlib_corpus;

#[test]
fn stdlib_gives_at_least_5000_unique_functions() {
    let corpus = stdlib_corpus();
    let n = corpus.tasks.len();
    eprintln!("stdlib corpus: {n} unique functions, {:?}", corpus.report.rejected);
    assert!(n >= 5000, "only {n} functions");
    let mut fingerprints: Vec<u64> =
        corpus.tasks.iter().map(|t| parse(t.source.as_str()).normalised().fingerprint()).collect();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), n, "the corpus holds duplicates");
}

#[test]
fn no_toy_eval_task_or_renamed_copy_is_in_the_training_corpus() {
    let eval: Vec<_> = toy_tasks().into_iter().filter(|t| t.split == Split::Eval).collect();
    assert_eq!(eval.len(), 10);
    let mut exact = std::collections::HashSet::new();
    let mut alpha = std::collections::HashSet::new();
    for task in &eval {
        let tree = parse(task.source.as_str());
        exact.insert(tree.normalised());
        alpha.insert(tree.alpha_normalised());
    }
    for task in &stdlib_corpus().tasks {
        let tree = parse(task.source.as_str());
        assert!(!exact.contains(&tree.normalised()), "{} is an evaluation task", task.id);
        assert!(!alpha.contains(&tree.alpha_normalised()), "{} is a renamed evaluation task", task.id);
    }
    // And the hold-out did remove something: the standard library has functions of these shapes.
    assert!(stdlib_corpus().report.held_out > 0);
    assert!(HoldOut::toy_eval().contains(&eval[0]));
}
