//! The eval stage: reports are deterministic for a seed, state their protocol, and count what they claim.

use std::time::Duration;

use kelp::eval::{EvalConfig, EvalMode, ModelUnderTest, Protocol, evaluate};
use kelp::exec::{Sandbox, SandboxConfig};
use kelp::search::Strategy;

use crate::fixtures::tiny_random_model;

fn sandbox() -> Sandbox {
    Sandbox::new(SandboxConfig { workers: 2, timeout: Duration::from_secs(2), ..SandboxConfig::default() })
        .expect("the sandbox starts")
}

fn config(protocol: Protocol, mode: EvalMode, limit: usize, budget: usize) -> EvalConfig {
    EvalConfig {
        protocol,
        mode,
        strategy: Strategy::BestFirst,
        seed: 3,
        budget,
        // Generous: a search cut by the clock would make the report depend on the machine's speed.
        max_seconds: 600.0,
        limit: Some(limit),
        localize: true,
        tasks: None,
        test_seconds: None,
    }
}

#[test]
fn a_report_is_identical_when_rerun_with_its_seed() {
    let (tokenizer, model) = tiny_random_model();
    let under_test = ModelUnderTest { model, tokenizer, name: "tiny".into(), hash: "0".into() };
    for (cfg, model) in [
        (config(Protocol::Toy10, EvalMode::Exec, 1, 30), None),
        (config(Protocol::Synthesis, EvalMode::Exec, 2, 20), Some(&under_test)),
        (config(Protocol::Synthesis, EvalMode::ModelOnly, 1, 10), Some(&under_test)),
    ] {
        let runs: Vec<String> = (0..2)
            .map(|_| {
                let report = evaluate(&cfg, model, &sandbox(), "test", |_, _, _| {}).unwrap();
                serde_json::to_string(&report.without_times()).unwrap()
            })
            .collect();
        assert_eq!(runs[0], runs[1], "{cfg:?}");
    }
}

#[test]
fn toy10_report_counts_its_trials_and_prints_the_prototype_row() {
    let report =
        evaluate(&config(Protocol::Toy10, EvalMode::Exec, 2, 100), None, &sandbox(), "test", |_, _, _| {}).unwrap();
    // P1: 10 trials per task, 3 mutations each; the baseline alone without a model.
    assert_eq!(report.trials.len(), 20);
    assert!(report.trials.iter().all(|t| t.k == 3 && t.method == "baseline"));
    assert_eq!(report.budgets, vec![1, 10, 100]);
    let summary = &report.summaries[0];
    let solved = report.trials.iter().filter(|t| t.solved).count() as f64 / 20.0;
    assert_eq!(summary.plausible, solved);
    // Solved within the largest budget is everything solved; within one run, nothing (the start fails or passes).
    assert_eq!(*summary.solved_within.last().unwrap(), solved);
    assert!(report.trials.iter().all(|t| t.valid), "every final program compiles");
    assert!(report.trials.iter().filter(|t| t.exact).all(|t| t.solved), "an exact repair passes its tests");
    let md = report.markdown();
    assert!(md.contains("| prototype (DESIGN §6) | 3 | 100 | 100.0% | 2.5% |"), "{md}");
    assert!(md.contains("budget 100 test runs"), "{md}");
    assert!(md.contains("| toy/add | baseline |"), "{md}");
    // The protocol line states the per-test limit when the caller set one (`kelp eval` does: `kelp repair`'s).
    assert!(md.contains("(wall limit 600 s), search"), "{md}");
    let mut report = report;
    report.config.test_seconds = Some(0.5);
    assert!(report.markdown().contains("(wall limit 600 s, 0.5 s per test), search"));
}

#[test]
fn model_only_needs_a_model_and_budgets_must_be_positive() {
    let err = evaluate(&config(Protocol::Toy10, EvalMode::ModelOnly, 1, 10), None, &sandbox(), "t", |_, _, _| {});
    assert!(err.unwrap_err().to_string().contains("needs a model"));
    let err = evaluate(&config(Protocol::Toy10, EvalMode::Exec, 1, 0), None, &sandbox(), "t", |_, _, _| {});
    assert!(err.unwrap_err().to_string().contains("at least one test run"));
}

#[test]
fn humaneval_failures_of_the_model_are_split_by_cause() {
    let (tokenizer, model) = tiny_random_model();
    let under_test = ModelUnderTest { model, tokenizer, name: "tiny".into(), hash: "0".into() };
    let report = evaluate(
        &config(Protocol::HumanevalRepair, EvalMode::Exec, 1, 5),
        Some(&under_test),
        &sandbox(),
        "test",
        |_, _, _| {},
    )
    .unwrap();
    let failed = report.trials.iter().filter(|t| t.method == "model" && t.k == 1 && !t.solved).count();
    assert!(failed > 0, "a random model fails one-mutation problems at 5 test runs");
    let split = report.failures.clone().expect("a model ran on k = 1 problems");
    assert_eq!(split.failed, failed);
    assert_eq!(split.wrong_node + split.right_node_wrong_text + split.right_edit + split.unscored, failed);
    // HumanEval/0 with its spec is longer than the tiny model's 256 positions: the searches went on without the
    // model's proposals (no error), and the split says the repair could not be scored.
    assert_eq!(split.unscored, failed, "{split:?}");
    assert!(report.trials.iter().all(|t| t.valid));
    for s in &report.summaries {
        let group: Vec<_> = report.trials.iter().filter(|t| t.method == s.method && t.k == s.k).collect();
        let unchanged = group.iter().filter(|t| t.edits == 0).count() as f64 / group.len() as f64;
        assert_eq!(s.unchanged, unchanged);
    }
    assert!(report.markdown().contains(&format!("Failed model searches at k = 1: {failed}.")));
}
