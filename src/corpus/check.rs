//! Checking a corpus's tests: does each clean function pass its own tests, and do the tests notice a corruption?
//!
//! [`check_tests`] runs a sample of tasks in the sandbox twice: clean (every test must pass) and after one random
//! mutation of the forward process ([`crate::noise::Mutator`], k = 1, a bank built from the corpus). The share of
//! corruptions that fail at least one test is the tests' *sensitivity*: a spec the model can learn to read must tell
//! a broken program from the clean one.

use std::collections::BTreeMap;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

use super::Task;
use crate::exec::{ExecError, Sandbox, Tests};
use crate::noise::{Mutator, MutatorConfig, SubtreeBank};
use crate::syntax;

/// Counts for one group of tasks (all, or one origin).
#[derive(Debug, Clone, Default, Serialize)]
pub struct CheckCounts {
    pub tasks: usize,
    /// Clean functions that pass all their tests.
    pub clean_passed: usize,
    /// Tasks for which a one-mutation corruption was made.
    pub corrupted: usize,
    /// Corruptions that fail at least one test.
    pub detected: usize,
}

impl CheckCounts {
    pub fn clean_pass_rate(&self) -> f64 {
        self.clean_passed as f64 / self.tasks.max(1) as f64
    }

    pub fn sensitivity(&self) -> f64 {
        self.detected as f64 / self.corrupted.max(1) as f64
    }
}

/// What [`check_tests`] found.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TestCheck {
    pub all: CheckCounts,
    pub by_origin: BTreeMap<String, CheckCounts>,
    /// Ids of (up to 20) tasks whose clean function fails its own tests.
    pub clean_failures: Vec<String>,
    /// Ids of (up to 20) tasks with a corruption that passes every test, with the corruption.
    pub undetected: Vec<(String, String)>,
}

/// Runs every task of `tasks` that has tests clean and with one mutation (see the module doc). The corruption of
/// task `i` depends only on `seed`, `i` and the bank.
pub fn check_tests(sandbox: &Sandbox, tasks: &[&Task], bank: &SubtreeBank, seed: u64) -> Result<TestCheck, ExecError> {
    let tasks: Vec<(&Task, &Tests)> = tasks.iter().filter_map(|t| Some((*t, t.spec.tests.as_ref()?))).collect();
    let mutator = Mutator::new(bank, MutatorConfig::default());
    let corruptions: Vec<Option<String>> = tasks
        .iter()
        .enumerate()
        .map(|(i, (task, _))| {
            let mut rng = ChaCha8Rng::seed_from_u64(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15));
            let tree = syntax::parse(task.source.as_str());
            mutator.corrupt(&tree, 1, &mut rng).map(|c| c.tree.into_source())
        })
        .collect();
    let clean_jobs: Vec<(&str, Tests)> = tasks.iter().map(|(t, tests)| (t.source.as_str(), (*tests).clone())).collect();
    let clean = sandbox.run_many(&clean_jobs)?;
    let corrupt_jobs: Vec<(&str, Tests)> =
        tasks.iter().zip(&corruptions).filter_map(|((_, tests), c)| Some((c.as_deref()?, (*tests).clone()))).collect();
    let mut corrupt = sandbox.run_many(&corrupt_jobs)?.into_iter();
    let mut check = TestCheck::default();
    for ((task, _), (clean, corruption)) in tasks.iter().zip(clean.iter().zip(&corruptions)) {
        let origin = check.by_origin.entry(task.origin.name().to_string()).or_default();
        for counts in [&mut check.all, origin] {
            counts.tasks += 1;
            counts.clean_passed += usize::from(clean.all_passed());
        }
        if !clean.all_passed() && check.clean_failures.len() < 20 {
            check.clean_failures.push(task.id.clone());
        }
        let Some(corruption) = corruption else { continue };
        let Some(report) = corrupt.next() else { break };
        let detected = !report.all_passed();
        let origin = check.by_origin.entry(task.origin.name().to_string()).or_default();
        for counts in [&mut check.all, origin] {
            counts.corrupted += 1;
            counts.detected += usize::from(detected);
        }
        if !detected && check.undetected.len() < 20 {
            check.undetected.push((task.id.clone(), corruption.clone()));
        }
    }
    Ok(check)
}
