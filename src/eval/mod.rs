//! The eval stage: the protocols of DESIGN §6 as lists of problems, each searched by the model and by the
//! model-free baseline at the same budget, summarised into a [`Report`] (JSON), a Markdown table and plots.
//!
//! - **P1 toy10** ([`Protocol::Toy10`]): each of the ten toy evaluation tasks, 10 trials, exactly 3 mutations
//!   (bank harvested from the toy set). Model-only mode: a beam of 16 programs over at most 10 edits,
//!   ranked by the model alone (`--strategy rollouts`: best-of-16 rollouts of depth 10, the prototype's search).
//!   Exec mode: the default search with tests in the loop.
//! - **P2 HumanEval-repair** ([`Protocol::HumanevalRepair`]): each HumanEval problem (prompt + canonical
//!   solution), k = 1, 2, 3 mutations, 3 corruptions per k that fail the tests (bank harvested from HumanEval).
//! - **P3 synthesis** ([`Protocol::Synthesis`]): each toy evaluation task from its bare signature, body `pass`.
//! - **Dev repair** ([`Protocol::DevRepair`], not one of DESIGN's): the standard-library functions with tests of a
//!   corpus directory (`EvalConfig::tasks`), k = 1, 2, 3 mutations of the function alone (its prelude, e.g. a
//!   method's class, is context), 3 failing corruptions per k. For choosing search settings without looking at
//!   P1–P3.
//!
//! A trial counts as solved within b test runs when its first all-passing candidate came within b runs (the start
//! program's own run included); the search does not depend on its budget, so one search answers every b. Every
//! choice is seeded from the report's seed: a report is reproducible, wall times aside.

mod plot;

use std::time::{Duration, Instant};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

pub use plot::plot_report;

use crate::corpus::{Split, Task, humaneval_tasks, toy_tasks};
use crate::exec::{ExecError, Sandbox, Tests, validate};
use crate::model::decode::spec_text;
use crate::model::{EditModel, Tokenizer};
use crate::noise::{Mutator, MutatorConfig, SubtreeBank, TargetEdit, tree_diff};
use crate::search::{Budget, Mode, SearchConfig, SearchError, Searcher, Strategy};
use crate::syntax;
use crate::train::{Batch, TrainItem, edit_loss};

/// Errors of an evaluation.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum EvalError {
    #[error(transparent)]
    Search(#[from] SearchError),
    #[error(transparent)]
    Exec(#[from] ExecError),
    #[error("{0}")]
    Invalid(String),
}

/// Which protocol (DESIGN §6).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Protocol {
    Toy10,
    HumanevalRepair,
    Synthesis,
    DevRepair,
}

/// Whether tests run during the search.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum EvalMode {
    /// Candidates ranked by model log-probability alone; the tests run once, on the final program.
    ModelOnly,
    /// Tests in the loop (execution-guided search), and the baseline beside the model.
    Exec,
}

/// What to evaluate and how much to spend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvalConfig {
    pub protocol: Protocol,
    pub mode: EvalMode,
    pub strategy: Strategy,
    pub seed: u64,
    /// Test runs per search (exec mode).
    pub budget: usize,
    /// Wall-clock limit per search, in seconds.
    pub max_seconds: f64,
    /// Evaluate only the first `limit` tasks of the protocol.
    pub limit: Option<usize>,
    /// Fault localisation in exec mode (model and baseline alike); reports made before it existed had none.
    #[serde(default)]
    pub localize: bool,
    /// The corpus directory of [`Protocol::DevRepair`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks: Option<std::path::PathBuf>,
    /// The sandbox's per-test time limit in seconds, as the caller configured it (for the report; `None`: the
    /// whole run's limit alone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub test_seconds: Option<f64>,
}

/// One problem of a protocol: a start program to search from, its clean program and its tests.
#[derive(Debug, Clone)]
pub struct Problem {
    pub task_id: String,
    /// Mutations applied (0 for synthesis).
    pub k: usize,
    pub seed: u64,
    pub clean: String,
    pub start: String,
    pub spec: String,
    pub tests: Tests,
    /// Text before and after the function in its program, run with it but never edited.
    pub context: (String, String),
}

/// The problems of a protocol, deterministic for a seed. Corruptions that already pass every test are skipped for
/// P2 (nothing to repair) but kept for P1 (the prototype's protocol counts every trial).
pub fn problems(config: &EvalConfig, sandbox: &Sandbox) -> Result<Vec<Problem>, EvalError> {
    let toy_eval: Vec<Task> = toy_tasks().into_iter().filter(|t| t.split == Split::Eval).collect();
    let limit =
        |tasks: Vec<Task>| -> Vec<Task> { tasks.into_iter().take(config.limit.unwrap_or(usize::MAX)).collect() };
    let corrupt_all = |tasks: &[Task], bank_from: &[Task], ks: &[usize], per_k: u64, keep_passing: bool| {
        let trees: Vec<_> = bank_from.iter().map(|t| syntax::parse(t.source.as_str())).collect();
        let bank = SubtreeBank::harvest(&trees, 16);
        let mutator = Mutator::new(&bank, MutatorConfig::default());
        let mut out = Vec::new();
        for task in tasks {
            let Some(tests) = task.spec.tests.clone() else { continue };
            // Dev tasks carry a prelude: only the function is corrupted and searched.
            let (context, function) = if config.protocol == Protocol::DevRepair {
                match split_function(task) {
                    Some((before, function, after)) => ((before, after), function),
                    None => continue,
                }
            } else {
                ((String::new(), String::new()), task.source.clone())
            };
            let program = |f: &str| format!("{}{f}{}", context.0, context.1);
            let clean = syntax::parse(function.as_str());
            // On real code each problem draws its own corruptions: with the task in the seed, the same attempt of
            // two tasks does not draw the same bank fragment. (Without it, 30 of the first 45 one-mutation
            // HumanEval corruptions put one of two names somewhere.) P1 keeps its historical seeds.
            let task_salt = if config.protocol == Protocol::Toy10 { 0 } else { clean.normalised().fingerprint() };
            for &k in ks {
                let (mut found, mut attempt) = (0, 0u64);
                while found < per_k && attempt < per_k * 4 {
                    let seed = config.seed.wrapping_mul(1_000_003) ^ (attempt * 1000 + k as u64) ^ task_salt;
                    attempt += 1;
                    let mut rng = ChaCha8Rng::seed_from_u64(seed);
                    let Some(corruption) = mutator.corrupt(&clean, k, &mut rng) else { continue };
                    let start = corruption.tree.source().to_string();
                    if !keep_passing && sandbox.run(&program(&start), &tests)?.all_passed() {
                        continue;
                    }
                    found += 1;
                    out.push(Problem {
                        task_id: task.id.clone(),
                        k,
                        seed,
                        clean: function.clone(),
                        start,
                        spec: spec_text(&task.spec),
                        tests: tests.clone(),
                        context: context.clone(),
                    });
                }
            }
        }
        Ok::<_, EvalError>(out)
    };
    match config.protocol {
        Protocol::Toy10 => corrupt_all(&limit(toy_eval), &toy_tasks(), &[3], 10, true),
        Protocol::HumanevalRepair => {
            let all = humaneval_tasks();
            corrupt_all(&limit(all.clone()), &all, &[1, 2, 3], 3, false)
        }
        Protocol::Synthesis => Ok(limit(toy_eval)
            .into_iter()
            .filter_map(|task| {
                let tests = task.spec.tests.clone()?;
                // The spec is the name and the tests (DESIGN §6 P3): no docstring to copy from.
                let spec = crate::corpus::Spec { docstring: None, ..task.spec.clone() };
                Some(Problem {
                    task_id: task.id.clone(),
                    k: 0,
                    seed: config.seed,
                    clean: task.source.clone(),
                    start: format!("{}\n    pass\n", task.spec.signature),
                    spec: spec_text(&spec),
                    tests,
                    context: (String::new(), String::new()),
                })
            })
            .collect()),
        Protocol::DevRepair => {
            let dir = config.tasks.as_ref().ok_or_else(|| {
                EvalError::Invalid("the dev-repair protocol needs a corpus directory (--tasks DIR)".into())
            })?;
            let tasks: Vec<Task> = crate::corpus::load_shards(dir)
                .map_err(|e| EvalError::Invalid(format!("{}: {e}", dir.display())))?
                .into_iter()
                .filter(|t| t.origin == crate::corpus::Origin::Stdlib && t.spec.tests.is_some())
                .collect();
            if tasks.is_empty() {
                return Err(EvalError::Invalid(format!(
                    "{} has no standard-library function with tests",
                    dir.display()
                )));
            }
            corrupt_all(&limit(tasks.clone()), &tasks, &[1, 2, 3], 3, false)
        }
    }
}

/// A task's source as (text before its entry-point function, the function, text after it); `None` when no
/// top-level function has the entry point's name.
fn split_function(task: &Task) -> Option<(String, String, String)> {
    let tree = syntax::parse(task.source.as_str());
    let function = tree.children(0).filter(|&c| tree.node(c).kind == "function_definition").find(|&c| {
        tree.children(c).any(|n| tree.node(n).field == Some("name") && tree.text(tree.node(n).span) == task.entry_point)
    })?;
    Some(tree.split_around(function))
}

/// One search of one problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trial {
    pub task_id: String,
    pub k: usize,
    pub seed: u64,
    /// `model`, `model-only` or `baseline`.
    pub method: String,
    /// The program the search started from (the corruption, or the stub in synthesis).
    #[serde(default)]
    pub start_source: String,
    pub final_source: String,
    /// Edits from the start to the final program: 0 when the search kept the start ("no edit").
    #[serde(default)]
    pub edits: usize,
    /// CPython compiles the final program.
    pub valid: bool,
    /// The final program equals the clean one (normalised AST).
    pub exact: bool,
    pub passed: usize,
    pub tests: usize,
    pub solved: bool,
    pub test_runs: usize,
    pub test_runs_to_solve: Option<usize>,
    pub model_calls: u64,
    pub seconds: f64,
}

/// Aggregates of one method at one k.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub method: String,
    pub k: usize,
    pub trials: usize,
    pub valid: f64,
    /// Final program equal to the clean one ("exact") and all tests passing ("plausible"), as shares of trials.
    pub exact: f64,
    pub plausible: f64,
    /// Share of trials that kept the start program (the prototype's "no edit" preference, DESIGN §4).
    #[serde(default)]
    pub unchanged: f64,
    /// Mean over trials of the share of tests passed by the final program.
    pub average_pass: f64,
    /// Mean over tasks of the best trial's share of tests passed.
    pub best_pass: f64,
    /// Share of trials solved within each budget of [`Report::budgets`].
    pub solved_within: Vec<f64>,
    pub median_test_runs_to_solve: Option<usize>,
    pub mean_model_calls: f64,
}

/// Per task and method: the P1 table's row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaskRow {
    pub task_id: String,
    pub method: String,
    pub valid: f64,
    pub exact: f64,
    pub average_pass: f64,
    pub best_pass: f64,
}

/// An evaluation's full record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub config: EvalConfig,
    pub commit: String,
    /// Checkpoint directory and FNV-1a hash of its weights (`none` without a model).
    pub checkpoint: String,
    pub checkpoint_hash: String,
    /// Budgets (test runs) the solved shares are reported at.
    pub budgets: Vec<usize>,
    pub summaries: Vec<Summary>,
    pub tasks: Vec<TaskRow>,
    pub trials: Vec<Trial>,
    /// Why the model's one-mutation searches failed (`None` without a model or without k = 1 problems).
    #[serde(default)]
    pub failures: Option<FailureSplit>,
    pub wall_seconds: f64,
}

/// The model's failed searches of one-mutation problems, split by what its likeliest edit of the start program
/// gets wrong against the edit that repairs it (the first edit of the TreeDiff path back to the clean program),
/// teacher-forced as in training: "exact" there is "greedy decoding reproduces the repair".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FailureSplit {
    pub failed: usize,
    /// The likeliest node (both pointers) is not the one to replace.
    pub wrong_node: usize,
    /// The likeliest node is the right one, but the greedy replacement is not the clean text.
    pub right_node_wrong_text: usize,
    /// The greedy edit is the repair: the search spent its budget on other candidates first.
    pub right_edit: usize,
    /// The repair edit does not fit the model's context or is not a node span on token boundaries.
    pub unscored: usize,
}

/// See [`FailureSplit`].
fn failure_split(model: &ModelUnderTest, problems: &[Problem], trials: &[Trial]) -> Result<FailureSplit, EvalError> {
    let mut split = FailureSplit::default();
    let max_len = model.model.config().max_position_embeddings;
    let candle = |e: candle_core::Error| EvalError::Invalid(format!("model: {e}"));
    for p in problems.iter().filter(|p| p.k == 1) {
        let failed = trials
            .iter()
            .any(|t| t.method != "baseline" && t.task_id == p.task_id && t.k == p.k && t.seed == p.seed && !t.solved);
        if !failed {
            continue;
        }
        split.failed += 1;
        let path = tree_diff(&syntax::parse(p.start.as_str()), &syntax::parse(p.clean.as_str()));
        let target = path.edits.first().map(|step| TargetEdit {
            start: step.edit.span.start,
            end: step.edit.span.end,
            kind: step.kind.clone(),
            class: step.class,
            replacement: step.edit.replacement.clone(),
        });
        let item = target.and_then(|t| TrainItem::from_parts(model.tokenizer, &p.spec, &p.start, Some(&t), max_len));
        let Some(item) = item else {
            split.unscored += 1;
            continue;
        };
        let batch = Batch::new(&[item], &candle_core::Device::Cpu).map_err(candle)?;
        let (_, m) = edit_loss(model.model, &batch).map_err(candle)?;
        match (m.pointer_accuracy == 1.0, m.exact == 1.0) {
            (false, _) => split.wrong_node += 1,
            (true, false) => split.right_node_wrong_text += 1,
            (true, true) => split.right_edit += 1,
        }
    }
    Ok(split)
}

/// The model under evaluation, if any.
pub struct ModelUnderTest<'a> {
    pub model: &'a EditModel,
    pub tokenizer: &'a Tokenizer,
    /// Directory and weights hash, for the report.
    pub name: String,
    pub hash: String,
}

/// Runs the protocol: every problem by the model (when given) and, in exec mode, by the baseline. `progress` is
/// called after each trial with (done, total).
pub fn evaluate(
    config: &EvalConfig,
    model: Option<&ModelUnderTest>,
    sandbox: &Sandbox,
    commit: &str,
    mut progress: impl FnMut(usize, usize, &Trial),
) -> Result<Report, EvalError> {
    if config.budget == 0 {
        return Err(EvalError::Invalid("the budget must be at least one test run".into()));
    }
    if model.is_none() && config.mode == EvalMode::ModelOnly {
        return Err(EvalError::Invalid("model-only mode needs a model".into()));
    }
    let started = Instant::now();
    let problems = problems(config, sandbox)?;
    let mut methods: Vec<Mode> = Vec::new();
    if model.is_some() {
        methods.push(if config.mode == EvalMode::ModelOnly { Mode::ModelOnly } else { Mode::Model });
    }
    if config.mode == EvalMode::Exec {
        methods.push(Mode::Baseline);
    }
    let total = problems.len() * methods.len();
    let mut trials = Vec::with_capacity(total);
    for problem in &problems {
        for &mode in &methods {
            let search = SearchConfig {
                mode,
                strategy: config.strategy,
                budget: Budget {
                    test_runs: config.budget,
                    model_calls: config.budget.saturating_mul(8).max(160),
                    wall: Duration::from_secs_f64(config.max_seconds),
                },
                seed: problem.seed,
                // P1's model-only search: 16 programs (beam width or rollouts) of at most 10 edits (the prototype's).
                rollouts: if mode == Mode::ModelOnly { 16 } else { SearchConfig::default().rollouts },
                depth: if mode == Mode::ModelOnly { 10 } else { SearchConfig::default().depth },
                localize: config.localize,
                ..SearchConfig::default()
            };
            let searcher = Searcher {
                sandbox,
                model: model.map(|m| (m.model, m.tokenizer)),
                spec: problem.spec.clone(),
                tests: problem.tests.clone(),
                context: problem.context.clone().into(),
                config: search,
            };
            let report = searcher.run(&problem.start)?;
            let final_source = report.best.source.clone();
            let exact =
                syntax::parse(final_source.as_str()).normalised() == syntax::parse(problem.clean.as_str()).normalised();
            trials.push(Trial {
                task_id: problem.task_id.clone(),
                k: problem.k,
                seed: problem.seed,
                method: method_name(mode).into(),
                start_source: problem.start.clone(),
                final_source,
                edits: report.best.edits.len(),
                valid: false, // set below, in one CPython batch
                exact,
                passed: report.best.passed.unwrap_or(0),
                tests: report.tests,
                solved: report.repaired,
                test_runs: report.test_runs,
                test_runs_to_solve: report.test_runs_to_repair,
                model_calls: report.model_calls,
                seconds: report.seconds,
            });
            progress(trials.len(), total, trials.last().expect("just pushed"));
        }
    }
    let validity = validate(&trials.iter().map(|t| t.final_source.as_str()).collect::<Vec<_>>())?;
    for (trial, validity) in trials.iter_mut().zip(validity) {
        trial.valid = validity.ok;
    }
    let budgets: Vec<usize> = [1, 10, 100, 1000].into_iter().filter(|&b| b <= config.budget).collect();
    let (name, hash) = model.map_or(("none".to_string(), "none".to_string()), |m| (m.name.clone(), m.hash.clone()));
    let failures = match model {
        Some(m) if problems.iter().any(|p| p.k == 1) => Some(failure_split(m, &problems, &trials)?),
        _ => None,
    };
    Ok(Report {
        config: config.clone(),
        commit: commit.to_string(),
        checkpoint: name,
        checkpoint_hash: hash,
        summaries: summarise(&trials, &budgets),
        tasks: task_rows(&trials),
        budgets,
        trials,
        failures,
        wall_seconds: started.elapsed().as_secs_f64(),
    })
}

fn method_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Model => "model",
        Mode::ModelOnly => "model-only",
        Mode::Baseline => "baseline",
    }
}

fn pass_share(t: &Trial) -> f64 {
    if t.tests == 0 { 0.0 } else { t.passed as f64 / t.tests as f64 }
}

fn mean(values: impl Iterator<Item = f64>) -> f64 {
    let (sum, n) = values.fold((0.0, 0usize), |(s, n), v| (s + v, n + 1));
    if n == 0 { 0.0 } else { sum / n as f64 }
}

/// Distinct values of `key` in first-seen order.
fn distinct<T: PartialEq + Clone>(trials: &[Trial], key: impl Fn(&Trial) -> T) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for t in trials {
        let v = key(t);
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

fn best_pass_by_task(trials: &[&Trial]) -> f64 {
    let tasks = distinct(&trials.iter().map(|t| (*t).clone()).collect::<Vec<_>>(), |t| t.task_id.clone());
    mean(tasks.iter().map(|id| trials.iter().filter(|t| &t.task_id == id).map(|t| pass_share(t)).fold(0.0, f64::max)))
}

fn summarise(trials: &[Trial], budgets: &[usize]) -> Vec<Summary> {
    let mut out = Vec::new();
    for method in distinct(trials, |t| t.method.clone()) {
        for k in distinct(trials, |t| t.k) {
            let group: Vec<&Trial> = trials.iter().filter(|t| t.method == method && t.k == k).collect();
            if group.is_empty() {
                continue;
            }
            let n = group.len() as f64;
            let share = |f: &dyn Fn(&Trial) -> bool| group.iter().filter(|t| f(t)).count() as f64 / n;
            let mut runs: Vec<usize> = group.iter().filter_map(|t| t.test_runs_to_solve).collect();
            runs.sort_unstable();
            out.push(Summary {
                method: method.clone(),
                k,
                trials: group.len(),
                valid: share(&|t| t.valid),
                exact: share(&|t| t.exact),
                plausible: share(&|t| t.solved),
                unchanged: share(&|t| t.edits == 0),
                average_pass: mean(group.iter().map(|t| pass_share(t))),
                best_pass: best_pass_by_task(&group),
                solved_within: budgets
                    .iter()
                    .map(|&b| share(&|t| t.solved && t.test_runs_to_solve.is_some_and(|r| r <= b)))
                    .collect(),
                median_test_runs_to_solve: runs.get(runs.len() / 2).copied(),
                mean_model_calls: mean(group.iter().map(|t| t.model_calls as f64)),
            });
        }
    }
    out
}

fn task_rows(trials: &[Trial]) -> Vec<TaskRow> {
    let mut out = Vec::new();
    for method in distinct(trials, |t| t.method.clone()) {
        for task_id in distinct(trials, |t| t.task_id.clone()) {
            let group: Vec<&Trial> = trials.iter().filter(|t| t.method == method && t.task_id == task_id).collect();
            if group.is_empty() {
                continue;
            }
            let n = group.len() as f64;
            out.push(TaskRow {
                task_id,
                method: method.clone(),
                valid: group.iter().filter(|t| t.valid).count() as f64 / n,
                exact: group.iter().filter(|t| t.exact).count() as f64 / n,
                average_pass: mean(group.iter().map(|t| pass_share(t))),
                best_pass: group.iter().map(|t| pass_share(t)).fold(0.0, f64::max),
            });
        }
    }
    out
}

/// The prototype's P1 row (DESIGN §6: model-only, 4.59M parameters, 15 training programs).
pub const PROTOTYPE_P1: (f64, f64, f64, f64) = (1.0, 0.025, 0.161, 0.567);

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

impl Report {
    /// The report as Markdown: the protocol line, the summary table (with the prototype's row for P1), and for P1
    /// and P3 the per-task table.
    pub fn markdown(&self) -> String {
        let c = &self.config;
        let mut s = format!(
            "## {} ({} mode)\n\nCommit `{}`, checkpoint `{}` (weights hash `{}`), seed {}, budget {} test runs per \
             search (wall limit {} s{}), search: {}.\n\n",
            serde_json::to_value(c.protocol).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
            serde_json::to_value(c.mode).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default(),
            self.commit,
            self.checkpoint,
            self.checkpoint_hash,
            c.seed,
            c.budget,
            c.max_seconds,
            c.test_seconds.map(|t| format!(", {t} s per test")).unwrap_or_default(),
            match c.mode {
                EvalMode::ModelOnly if c.strategy == Strategy::Rollouts => {
                    "best-of-16 rollouts of at most 10 steps, each stopping when the model says no edit, the final \
                     program the model most believes done chosen"
                        .to_string()
                }
                EvalMode::ModelOnly => "a beam of 16 programs over at most 10 edits (the menu's edits and the model's \
                     samples, ranked by the model alone: the edits' log-probabilities, then its \"no edit\" on the \
                     final program)"
                    .to_string(),
                EvalMode::Exec => format!(
                    "{}, {}",
                    serde_json::to_value(c.strategy)
                        .ok()
                        .and_then(|v| v.as_str().map(String::from))
                        .unwrap_or_default(),
                    if c.localize {
                        "fault localisation on (model and baseline)"
                    } else {
                        "no fault localisation (baseline in its blind order)"
                    }
                ),
            },
        );
        s.push_str("| method | k | trials | valid | exact | plausible | unchanged | avg pass | best pass |");
        let mut rule = "|---|---:|---:|---:|---:|---:|---:|---:|---:|".to_string();
        for b in &self.budgets {
            s.push_str(&format!(" solved ≤{b} runs |"));
            rule.push_str("---:|");
        }
        s.push_str(" median runs to solve | model calls / trial |\n");
        rule.push_str("---:|---:|\n");
        s.push_str(&rule);
        if c.protocol == Protocol::Toy10 {
            let (v, e, a, b) = PROTOTYPE_P1;
            s.push_str(&format!(
                "| prototype (DESIGN §6) | 3 | 100 | {} | {} | – | – | {} | {} |{} – | – |\n",
                pct(v),
                pct(e),
                pct(a),
                pct(b),
                " – |".repeat(self.budgets.len())
            ));
        }
        for m in &self.summaries {
            s.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                m.method,
                m.k,
                m.trials,
                pct(m.valid),
                pct(m.exact),
                pct(m.plausible),
                pct(m.unchanged),
                pct(m.average_pass),
                pct(m.best_pass)
            ));
            for x in &m.solved_within {
                s.push_str(&format!(" {} |", pct(*x)));
            }
            s.push_str(&format!(
                " {} | {:.1} |\n",
                m.median_test_runs_to_solve.map_or("–".to_string(), |r| r.to_string()),
                m.mean_model_calls
            ));
        }
        if let Some(f) = &self.failures {
            s.push_str(&format!(
                "\nFailed model searches at k = 1: {}. The model's likeliest edit of the start program (teacher-forced \
                 against the repair): wrong node {}, right node but wrong text {}, the repair itself {} (the search \
                 spent its budget elsewhere), not scorable {}.\n",
                f.failed, f.wrong_node, f.right_node_wrong_text, f.right_edit, f.unscored
            ));
        }
        if !matches!(c.protocol, Protocol::HumanevalRepair | Protocol::DevRepair) {
            s.push_str("\n| task | method | valid | exact | avg pass | best pass |\n|---|---|---:|---:|---:|---:|\n");
            for r in &self.tasks {
                s.push_str(&format!(
                    "| {} | {} | {} | {} | {} | {} |\n",
                    r.task_id,
                    r.method,
                    pct(r.valid),
                    pct(r.exact),
                    pct(r.average_pass),
                    pct(r.best_pass)
                ));
            }
        }
        s
    }

    /// The report without wall-clock times: what must be identical between two runs with the same seed.
    pub fn without_times(&self) -> Report {
        let mut r = self.clone();
        r.wall_seconds = 0.0;
        for t in &mut r.trials {
            t.seconds = 0.0;
        }
        r
    }
}
