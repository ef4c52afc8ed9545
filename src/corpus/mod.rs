//! The corpus stage: programs, their specs, and the training corpus built from them.
//!
//! A [`Task`] is a clean program (one Python function) plus its [`Spec`]: signature, docstring and [`Tests`]
//! (assert lines or a HumanEval-style `check(candidate)` function). Tasks come from loaders (`load.rs`): the toy set
//! of DESIGN §7 (`data/toy.jsonl`, compiled in), any directory of `.py` files (the Python standard library by
//! default), and JSONL task files. `extract.rs` cuts functions out of modules under [`FunctionLimits`].
//!
//! [`Corpus::build`] loads every source, deduplicates by normalised AST and removes every task of the [`HoldOut`]
//! (evaluation tasks, matched by normalised *and* alpha-renamed AST), so nothing evaluated is trained on.
//! [`CorpusStats`] summarises a corpus.
//!
//! Tests at scale (`synth.rs`, `testgen.rs`): [`synthesize`] writes synthetic tasks whose tests come from running
//! them, and [`write_tests`] gives harvested functions tests (doctests, recorded input/output pairs); both probe
//! functions in the sandbox ([`crate::exec::Sandbox::probe_many`]). `mixture.rs` stores a built corpus as JSONL
//! shards ([`write_shards`], [`load_shards`]) and draws training tasks by group weight ([`TaskMixture`]). Every
//! evaluation set ([`HoldOut::evaluation_sets`]: the toy evaluation tasks and HumanEval) is kept out of all of it.
//! This stage runs CPython only through [`crate::exec`].

mod check;
mod extract;
mod holdout;
mod load;
mod methods;
mod mixture;
mod stats;
mod synth;
mod testgen;

use std::collections::HashSet;
use std::path::PathBuf;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use check::{CheckCounts, TestCheck, check_tests};
pub use extract::{FunctionLimits, extract_functions, spec_of};
pub use holdout::HoldOut;
pub use load::{LoadReport, Skipped, humaneval_tasks, load_directory, load_jsonl, python_stdlib_dir, toy_tasks};
pub use mixture::{MixtureWeights, TaskGroup, TaskMixture, TaskPool, load_shards, write_shards};
pub use stats::CorpusStats;
pub use synth::{Candidate, SynthConfig, SynthGenerator, SynthReport, Ty, synthesize};
pub use testgen::{TestPolicy, TestWriteReport, doctest_examples, select_tests, write_tests};

/// Errors of the corpus stage. Per-file problems in a directory are not errors: they are counted in a
/// [`LoadReport`] and the load goes on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CorpusError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} is not a directory")]
    NotADirectory { path: PathBuf },
    #[error("{path}:{line}: not a valid task record: {message}")]
    BadRecord { path: PathBuf, line: usize, message: String },
    #[error("could not locate the Python standard library with `{python}` ({message}); pass a directory instead")]
    NoStdlib { python: String, message: String },
    #[error("could not check the corpus with CPython: {0}")]
    Python(String),
    #[error("the corpus is empty: {0}")]
    Empty(String),
}

/// The executable part of a spec: one type shared with the sandbox that runs it.
pub use crate::exec::Tests;

/// What a program must do: signature, docstring and (when known) tests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Spec {
    /// The `def` line(s) up to and including the colon, e.g. `def add(a, b):`.
    pub signature: String,
    /// The docstring's text, if the function has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docstring: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tests: Option<Tests>,
}

/// Where a task came from (for statistics, licences and mixture weights).
///
/// Whether a harvested function has tests is not part of its origin: a standard-library function that
/// [`write_tests`] gave tests is still `Stdlib`, with `spec.tests` set ([`Task::has_tests`]). Statistics and the
/// [`TaskMixture`] groups split on both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The 15-program toy set of DESIGN §7.
    Toy,
    /// A function harvested from the Python standard library.
    Stdlib,
    /// A function harvested from a user directory.
    Directory,
    /// A task read from a JSONL file.
    Jsonl,
    /// A function written by the synthetic task generator ([`SynthGenerator`]), with recorded tests.
    Synthetic,
    /// A HumanEval problem (evaluation only, `data/humaneval/`).
    #[serde(rename = "humaneval")]
    HumanEval,
}

impl Origin {
    pub fn name(self) -> &'static str {
        match self {
            Origin::Toy => "toy",
            Origin::Stdlib => "stdlib",
            Origin::Directory => "directory",
            Origin::Jsonl => "jsonl",
            Origin::Synthetic => "synthetic",
            Origin::HumanEval => "humaneval",
        }
    }

    /// The licence of the task's text, as written into corpus shards: the Python standard library's is the PSF
    /// licence; generated and toy programs are Kelp's own; HumanEval is MIT. A user directory or JSONL file
    /// carries whatever licence its owner gave it (`unknown`).
    pub fn licence(self) -> &'static str {
        match self {
            Origin::Stdlib => "PSF-2.0",
            Origin::Synthetic => "generated",
            Origin::Toy | Origin::HumanEval => "MIT",
            Origin::Directory | Origin::Jsonl => "unknown",
        }
    }
}

/// Training or evaluation: evaluation tasks are never trained on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Split {
    #[default]
    Train,
    Eval,
}

/// A clean program and its spec.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Task {
    /// Unique and human-readable, e.g. `toy/add` or `stdlib/json/decoder.py:JSONDecoder.decode`.
    pub id: String,
    pub origin: Origin,
    #[serde(default)]
    pub split: Split,
    /// The function's name (what tests call).
    pub entry_point: String,
    /// The clean program: one function, dedented to column 0, ending in a newline.
    pub source: String,
    pub spec: Spec,
}

impl Task {
    /// Whether the spec carries at least one executable test.
    pub fn has_tests(&self) -> bool {
        self.spec.tests.as_ref().is_some_and(|t| !t.is_empty())
    }
}

/// Which sources make up a training corpus.
#[derive(Debug, Clone)]
pub struct CorpusConfig {
    /// Include the toy set's training tasks (its evaluation tasks are always held out).
    pub toy: bool,
    /// Include functions harvested from the Python standard library.
    pub stdlib: bool,
    /// Other directories of `.py` files to harvest.
    pub directories: Vec<PathBuf>,
    /// JSONL task files.
    pub jsonl: Vec<PathBuf>,
    pub limits: FunctionLimits,
}

impl Default for CorpusConfig {
    fn default() -> Self {
        CorpusConfig {
            toy: true,
            stdlib: true,
            directories: Vec::new(),
            jsonl: Vec::new(),
            limits: FunctionLimits::default(),
        }
    }
}

/// A deduplicated training corpus with hold-out tasks removed.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub tasks: Vec<Task>,
    pub report: LoadReport,
}

impl Corpus {
    /// Loads every configured source, removes duplicates and every task matching `hold_out`.
    pub fn build(config: &CorpusConfig, hold_out: &HoldOut) -> Result<Corpus, CorpusError> {
        let mut report = LoadReport::default();
        let mut tasks = Vec::new();
        if config.toy {
            tasks.extend(toy_tasks().into_iter().filter(|t| t.split == Split::Train));
        }
        if config.stdlib {
            let dir = python_stdlib_dir()?;
            tasks.extend(load_directory(&dir, Origin::Stdlib, &config.limits, &mut report)?);
        }
        for dir in &config.directories {
            tasks.extend(load_directory(dir, Origin::Directory, &config.limits, &mut report)?);
        }
        for path in &config.jsonl {
            tasks.extend(load_jsonl(path)?.into_iter().filter(|t| t.split == Split::Train));
        }
        report.functions = tasks.len();
        // One parse per task gives both fingerprints: exact (dedup, hold-out) and alpha-renamed (hold-out).
        let fingerprints: Vec<(u64, u64)> = tasks
            .par_iter()
            .map(|t| {
                let tree = crate::syntax::parse(t.source.as_str());
                (tree.normalised().fingerprint(), tree.alpha_normalised().fingerprint())
            })
            .collect();
        let mut seen = HashSet::new();
        let mut kept = Vec::with_capacity(tasks.len());
        for (task, (exact, alpha)) in tasks.into_iter().zip(fingerprints) {
            if !seen.insert(exact) {
                report.duplicates += 1;
            } else if hold_out.contains_fingerprints(exact, alpha) {
                report.held_out += 1;
            } else {
                kept.push(task);
            }
        }
        // tree-sitter is lenient: CPython has the last word (e.g. a method using `nonlocal` is invalid on its own).
        let verdicts = crate::exec::validate(&kept.iter().map(|t| t.source.as_str()).collect::<Vec<_>>())
            .map_err(|e| CorpusError::Python(e.to_string()))?;
        let before = kept.len();
        let tasks: Vec<Task> = kept.into_iter().zip(verdicts).filter(|(_, v)| v.ok).map(|(t, _)| t).collect();
        report.invalid = before - tasks.len();
        if tasks.is_empty() {
            let skipped: Vec<String> = report.skipped_by_reason().iter().map(|(why, n)| format!("{n} {why}")).collect();
            return Err(CorpusError::Empty(format!(
                "no training function survived loading ({} files read, {} skipped{}{})",
                report.files_read,
                report.skipped_total(),
                if skipped.is_empty() { "" } else { ": " },
                skipped.join(", ")
            )));
        }
        Ok(Corpus { tasks, report })
    }
}

/// Keeps the first task of each normalised AST.
pub fn dedup(tasks: Vec<Task>) -> Vec<Task> {
    let mut seen = HashSet::new();
    tasks
        .into_iter()
        .filter(|t| seen.insert(crate::syntax::parse(t.source.as_str()).normalised().fingerprint()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dedup_ignores_formatting() {
        let mut toy = toy_tasks();
        let mut copy = toy[0].clone();
        copy.id = "copy".into();
        copy.source = "def add(a,b):  # same\n    return (a + b)\n".into();
        toy.push(copy);
        let n = toy.len();
        assert_eq!(dedup(toy).len(), n - 1);
    }
}
