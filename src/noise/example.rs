//! Training examples: corrupt a task's program, diff back, keep one edit of the path (DESIGN §4, "Edit target").
//!
//! Example `i` of a stream with seed `s` depends only on `(s, i)` and the corpus, so a stream can be generated in
//! parallel, resumed at any index, and reproduced on another machine.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use super::diff::tree_diff;
use super::mutate::Mutator;
use crate::corpus::{Spec, TaskPool};
use crate::syntax::{self, ReplacementClass};

/// How examples are drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleConfig {
    /// Mutations per corruption, uniform in `k_min..=k_max` (DESIGN §4: U[1, 5]).
    pub k_min: usize,
    pub k_max: usize,
    /// Share of examples that start from a random body (the whole body replaced by a bank block) instead of a
    /// k-mutation corruption: the far-from-clean states that synthesis visits.
    pub random_start_share: f64,
    /// Share of examples that start from a stub (the body cut to `pass`, where synthesis starts): the model learns
    /// to write a body from the spec. Drawn before the random start; 0 draws nothing, leaving older streams as they
    /// were.
    pub stub_share: f64,
    /// Share of examples that show the clean program itself, whose target is "no edit" (the model's stop signal:
    /// without it a rollout cannot tell that it is done, and model-only search edits a repaired program on).
    pub clean_share: f64,
    pub seed: u64,
}

impl Default for ExampleConfig {
    fn default() -> Self {
        ExampleConfig { k_min: 1, k_max: 5, random_start_share: 0.2, stub_share: 0.1, clean_share: 0.1, seed: 0 }
    }
}

/// The edit the model must predict: the node to replace (span in `state`, kind, class) and the dedented text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetEdit {
    pub start: u32,
    pub end: u32,
    pub kind: String,
    pub class: Option<ReplacementClass>,
    pub replacement: String,
}

/// One training example (one JSONL line of `kelp data`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Example {
    pub task_id: String,
    pub spec: Spec,
    /// The program the model sees: the corruption after the first `path_index` edits of its path.
    pub state: String,
    /// The next edit of the path; `None` when `state` is the clean program (the target is "no edit").
    pub edit: Option<TargetEdit>,
    pub path_index: usize,
    pub path_len: usize,
    /// Mutations applied to the clean program (0 for a random start or the clean program).
    pub k: usize,
    /// Index of the example in its stream; with the stream's seed it reproduces the example.
    pub index: u64,
}

/// Draws examples from a corpus with a mutator.
pub struct ExampleGenerator<'a> {
    tasks: TaskPool<'a>,
    mutator: Mutator<'a>,
    config: ExampleConfig,
}

impl<'a> ExampleGenerator<'a> {
    /// `tasks`: a task list (drawn uniformly) or a [`crate::corpus::TaskMixture`] (drawn by group weight).
    pub fn new(tasks: impl Into<TaskPool<'a>>, mutator: Mutator<'a>, config: ExampleConfig) -> ExampleGenerator<'a> {
        ExampleGenerator { tasks: tasks.into(), mutator, config }
    }

    /// Example `index` of the stream. Tries a few tasks if one offers nothing to mutate; `None` only if the corpus
    /// is empty or degenerate.
    pub fn example(&self, index: u64) -> Option<Example> {
        if self.tasks.is_empty() {
            return None;
        }
        // Mix the index into the seed so that neighbouring indices are unrelated streams.
        let mut rng = ChaCha8Rng::seed_from_u64(self.config.seed ^ index.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        for _ in 0..8 {
            let task = self.tasks.sample(&mut rng)?;
            if rng.random_bool(self.config.clean_share) {
                return Some(Example {
                    task_id: task.id.clone(),
                    spec: task.spec.clone(),
                    state: task.source.clone(),
                    edit: None,
                    path_index: 0,
                    path_len: 0,
                    k: 0,
                    index,
                });
            }
            let clean = syntax::parse(task.source.as_str());
            let stub = self.config.stub_share > 0.0 && rng.random_bool(self.config.stub_share);
            let (corrupted, k) = if stub {
                match self.mutator.stub_body(&clean) {
                    Some(tree) => (tree, 0),
                    None => continue,
                }
            } else if rng.random_bool(self.config.random_start_share) {
                match self.mutator.random_body(&clean, &mut rng) {
                    Some(tree) => (tree, 0),
                    None => continue,
                }
            } else {
                let k = rng.random_range(self.config.k_min..=self.config.k_max.max(self.config.k_min));
                match self.mutator.corrupt(&clean, k, &mut rng) {
                    Some(c) => (c.tree, k),
                    None => continue,
                }
            };
            let path = tree_diff(&corrupted, &clean);
            if path.is_empty() {
                continue;
            }
            let path_index = rng.random_range(0..path.len());
            let Ok(state) = path.state_after(corrupted.source(), path_index) else { continue };
            let step = &path.edits[path_index];
            return Some(Example {
                task_id: task.id.clone(),
                spec: task.spec.clone(),
                state,
                edit: Some(TargetEdit {
                    start: step.edit.span.start,
                    end: step.edit.span.end,
                    kind: step.kind.clone(),
                    class: step.class,
                    replacement: step.edit.replacement.clone(),
                }),
                path_index,
                path_len: path.len(),
                k,
                index,
            });
        }
        None
    }
}
