//! The search stage: propose edits, run candidates against the tests, keep what works (DESIGN §1, §3.3).
//!
//! - `propose.rs`: sampled edits from the model (temperature, top-p, KV cache), constrained to real node spans and
//!   to replacements that parse as the replaced node's class; rejected samples are counted ([`Proposer`]).
//! - `baseline/`: the model-free baseline, blind single edits then 2–3-edit compositions ([`Baseline`]); the
//!   menu of single edits (`menu.rs`) and the edits a test's error names (`errors.rs`) are the model search's too.
//!   `sketch.rs` adds the menu's enumerative part: small expressions over the parameters. `climb.rs` restarts the
//!   baseline's stream from each partial repair ([`Climb`]), for the baseline and the model search's guard.
//! - [`Searcher`]: the strategies. Best-of-N rollouts of depth D (each rollout applies up to D model edits in
//!   sequence), with iterative refinement (each new round restarts its rollouts from the best candidate so far), or
//!   the baseline's stream. Every distinct program (normalised AST) is tested at most once (a climbing root of the
//!   baseline's may be re-run once, traced, for its spectrum, and a candidate that timed out under the search's
//!   own time limit once under a longer one: `SearchReport::reruns`), in batches over the
//!   sandbox's workers; a candidate's score is the share of tests passed, then the model's log-probability. The
//!   search stops when all tests pass or the budget (test runs, model calls, wall time) is spent.
//!   [`Mode::ModelOnly`] runs no tests while searching and ranks by the model alone (the prototype's mode): a beam
//!   over the menu's edits and the model's samples (`beam.rs`), or rollouts that stop when the model says the program
//!   needs no edit; the final program the model finds likeliest wins.
//! - `polish.rs`: once a program passes every test, a repair with fewer edits or without `n - 0`-like arithmetic
//!   and `y - y`-like dead code is preferred if one passes too ([`Polish`]).
//! - `localize.rs`: fault localisation. Test runs are traced, and the lines that failing tests run (and passing
//!   ones do not) rank edits there first ([`Suspicion`], with `SearchConfig::localize`).
//!
//! A program here is one function's source; `context` holds the text around it in its file (imports, helpers),
//! which the sandbox runs with every candidate but the search never edits. This stage never loads a checkpoint
//! from disk: the caller passes the model.

mod baseline;
mod beam;
mod best_first;
mod climb;
mod examples;
mod localize;
mod merge;
mod polish;
mod propose;
mod sketch;

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::time::{Duration, Instant};

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

pub use baseline::{
    Baseline, RawEdit, TestFacts, apply, kinds_could_pass, single_edits, single_edits_with, test_strings,
};
pub use climb::Climb;
pub use localize::{Suspicion, part_suspicions};
pub use polish::{POLISH_RUNS, Polish, Rewrites, TIDY_RUNS, simplified, tidiness};
pub use propose::{
    PrefixPass, Proposal, ProposeStats, Proposer, SCORED_TEXTS, SampledEdit, Sampling, class_at, sample_edits,
    score_edits, splice_checked,
};

use crate::exec::{ExecError, Outcome, Sandbox, TestReport, Tests};
use crate::model::decode::Prefix;
use crate::model::{EditModel, Tokenizer};
use crate::syntax::{self, Edit, Tree};

/// Errors of the search stage.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SearchError {
    #[error("the program to repair does not parse: {0}")]
    Syntax(#[from] syntax::SyntaxError),
    #[error(transparent)]
    Exec(#[from] ExecError),
    #[error("model: {0}")]
    Model(#[from] candle_core::Error),
    #[error("the spec has no tests to run")]
    NoTests,
}

/// What the search may spend. It stops at the first limit reached.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    /// Programs run against the tests (the start program included).
    pub test_runs: usize,
    /// Edits sampled from the model, plus (best-first, beam) one pass per program the model scores.
    pub model_calls: usize,
    pub wall: Duration,
}

impl Budget {
    pub fn test_runs(n: usize) -> Budget {
        Budget { test_runs: n, model_calls: n.saturating_mul(4).max(64), wall: Duration::from_secs(120) }
    }
}

/// Which proposals and which ranking.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Model proposals, ranked by tests passed then log-probability.
    Model,
    /// Model proposals ranked by the model alone (beam: the path's log-probability and its "no edit" on the final
    /// program; rollouts: that verdict first, then the path); tests run once, on the final choice, for the report.
    ModelOnly,
    /// The model-free baseline's proposals, ranked by tests passed.
    Baseline,
}

/// How [`Mode::Model`] (and [`Mode::ModelOnly`]) explores edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Strategy {
    /// Best-first over edit sequences: the baseline's menu and model samples, ordered by tests passed then the
    /// model's log-probability (`best_first.rs`). In model-only mode, with no tests to order by, a beam search
    /// ranked by the model alone (`beam.rs`).
    BestFirst,
    /// Best-of-N sampled rollouts of depth D with iterative refinement (the prototype's search).
    Rollouts,
}

/// Knobs of the search. `Default` is what `kelp repair` uses.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchConfig {
    pub mode: Mode,
    pub strategy: Strategy,
    pub budget: Budget,
    /// Rollouts per round (N); in model-only mode's beam, its width.
    pub rollouts: usize,
    /// Edits per rollout (D); for best-first and the beam, edits per candidate at most (the model's picks; the
    /// guard's programs, from a climbing root, can carry more and are then not expanded).
    pub depth: usize,
    /// Restart each round from the best candidate so far (iterative refinement); else from the start program.
    pub refine: bool,
    pub sampling: Sampling,
    pub seed: u64,
    /// Candidates per sandbox batch (baseline and best-first).
    pub batch: usize,
    /// Fault localisation: trace the test runs and rank edits on the lines the failing tests run first
    /// (best-first and the baseline; see `localize.rs`). Off, the baseline is the blind random-order search.
    pub localize: bool,
    /// Wall time the polish of a repair may take past the budget's (`polish.rs`): where the budget is a slice of
    /// the caller's time (`kelp repair`'s model search), a repair found as the slice ends is polished in time the
    /// slice's successor would have had.
    pub polish_wall: Duration,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            mode: Mode::Model,
            strategy: Strategy::BestFirst,
            budget: Budget::test_runs(200),
            rollouts: 8,
            depth: 3,
            refine: true,
            sampling: Sampling::default(),
            seed: 0,
            batch: 4,
            localize: true,
            polish_wall: Duration::ZERO,
        }
    }
}

/// A tested (or, in model-only mode, ranked) program.
#[derive(Debug, Clone, Serialize)]
pub struct Candidate {
    /// The function's source.
    pub source: String,
    /// The edits from the start program, in order (each addressed in the program before it).
    pub edits: Vec<Edit>,
    /// Tests passed, of `tests`; `None` when not run.
    pub passed: Option<usize>,
    /// How far the tests that raise got into the program before raising: see [`reach`].
    #[serde(skip)]
    pub reach: f64,
    /// Each test's verdict, in the tests' order; empty when not run. A test that failed by an `AssertionError`
    /// ([`Verdict::WrongValue`]) mostly failed the test's own assertion (the program returned a wrong value rather
    /// than raising another exception or hanging), or an `assert` in the program.
    #[serde(skip)]
    pub verdicts: Vec<Verdict>,
    pub tests: usize,
    /// Sum of the model's log-probabilities of the edits (0 for the start and the baseline).
    pub log_prob: f32,
}

/// The share of a passed test that a test failing by its assertion counts for in a candidate's progress (a test
/// raising or hanging counts 0): it ranks best-first's nodes and picks the roots of a climb. A program with several
/// bugs often raises (a `NameError`, a `TypeError`) until one of them is mended, and then returns wrong values until
/// the others are: without credit for the step between, the first repair looks no better than the start program,
/// and its children wait behind all of the start's.
pub const WRONG_VALUE_CREDIT: f64 = 0.25;

/// What a candidate's [`reach`] counts for in its progress at most: less than one wrong value, so that a test
/// returning a value always outranks any test raising. With several grafts a program raises at the first graft
/// its tests run into; mending that one only moves the exception to the next (`TypeError` at line 3, then at line
/// 5), which passes no more tests and returns no value. On MBPP's two dev slices (`bench/mbpp/graft_halves.py` on
/// their failed model searches at k = 2 and 3 before this credit, undoing one graft at a time): in 94 of 153
/// failures of grafts on several lines, undoing one graft moved the exceptions further on and changed nothing else,
/// and in only 36 did it pass a test or return a value. Without credit for the step, the partial repair is no root
/// to climb from.
pub const REACH_CREDIT: f64 = 0.2;

/// How one test ended, worst first: a candidate's verdicts against the start program's tell which tests it mends
/// (`merge.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// Raised an exception other than the assertion's, hung, or did not run.
    Raised,
    /// Failed by an `AssertionError`: the program returned a wrong value.
    WrongValue,
    Passed,
}

impl Verdict {
    fn of(outcome: &Outcome) -> Verdict {
        match outcome {
            Outcome::Passed => Verdict::Passed,
            Outcome::Failed { .. } => Verdict::WrongValue,
            Outcome::Error { .. } | Outcome::Timeout => Verdict::Raised,
        }
    }
}

/// Tests passed plus [`WRONG_VALUE_CREDIT`] for each failing by a wrong value: a candidate's progress without the
/// reach of the raising ones.
fn verdict_progress(verdicts: &[Verdict]) -> f64 {
    verdicts
        .iter()
        .map(|v| match v {
            Verdict::Passed => 1.0,
            Verdict::WrongValue => WRONG_VALUE_CREDIT,
            Verdict::Raised => 0.0,
        })
        .sum()
}

/// How far the tests that raised inside the program got, as a share of tests: for each such test, the line the
/// function it called stood at when it raised (its outermost frame: a helper or a nested function called from
/// a later line raises later, whatever its own lines) as a share of the start program's lines (each test in
/// `0..=1`), summed and divided by the tests.
/// Lines are mapped back through the candidate's edits to the start program's, so that an edit that adds or drops
/// lines above the raising one moves nothing, and a test raising inside an edit's replacement counts as raising
/// at the line the edit began. `offset` is the lines of context before the program in the file the sandbox ran.
pub fn reach(report: &TestReport, offset: usize, start: &str, edits: &[Edit]) -> f64 {
    let tests = report.tests.len();
    let start_lines = start.lines().count();
    // The program's lines the raising tests raised at (1-based); most tested programs have none to map.
    let raised: Vec<usize> = report
        .tests
        .iter()
        .filter_map(|t| match t.outcome {
            Outcome::Error { entry_line: Some(line), .. } => (line as usize).checked_sub(offset).filter(|&l| l >= 1),
            _ => None,
        })
        .collect();
    if raised.is_empty() || start_lines == 0 {
        return 0.0;
    }
    // Each edit's first and last line in the program before it and its replacement's added lines (the start's
    // first); an edit that does not apply maps nothing.
    let mut steps = Vec::with_capacity(edits.len());
    let mut source = start.to_string();
    for edit in edits {
        let lines = {
            let line_at = localize::line_index(&source);
            (line_at(edit.span.start) + 1, line_at(edit.span.end) + 1, edit.replacement.matches('\n').count())
        };
        let Ok(next) = edit.apply(&source) else { return 0.0 };
        steps.push(lines);
        source = next;
    }
    let mut sum = 0.0;
    for mut line in raised {
        for &(first, last, replaced) in steps.iter().rev() {
            if line > first + replaced {
                line = line + last - first - replaced;
            } else if line > first {
                line = first;
            }
        }
        if line <= start_lines {
            sum += line as f64 / start_lines as f64;
        }
    }
    sum / tests as f64
}

/// A search's per-test time limit is this many times the slowest test that finished in its runs ([`Run::test_limit`]).
const TEST_LIMIT_FACTOR: f64 = 10.0;
/// … and at least this many seconds.
const TEST_LIMIT_FLOOR: f64 = 0.1;
/// The per-test time limit of a search whose slowest finished test took `slowest` seconds ([`Run::test_limit`]).
fn test_limit_after(slowest: f64) -> Duration {
    Duration::try_from_secs_f64((slowest * TEST_LIMIT_FACTOR).max(TEST_LIMIT_FLOOR)).unwrap_or(Duration::MAX)
}

/// About what a run like `report`'s costs a search once `Run::test_limit` holds: its seconds, with its timeouts
/// cut to the search's limit (the first one) and a tenth of it (the others, as the sandbox does). For budgeting
/// wall-clock time by runs.
pub fn paced_seconds(report: &TestReport) -> f64 {
    if report.timeouts == 0 || report.slowest_test <= 0.0 {
        return report.seconds;
    }
    let limit = test_limit_after(report.slowest_test).as_secs_f64();
    let finished = (report.tests.len() - report.timeouts) as f64 * report.slowest_test;
    let hung = limit * (1.0 + 0.1 * (report.timeouts - 1) as f64);
    report.seconds.min(finished + hung)
}

/// Candidates run again under a longer limit, at most, per search ([`Run::rerun_slow`]).
const MAX_SLOW_RERUNS: usize = 3;
/// … that many times the search's limit (or the sandbox's own, if shorter): a second or so at the floor, where a
/// HumanEval `check` that hangs would cost the sandbox's five.
const RERUN_LIMIT_FACTOR: u32 = 10;

impl Candidate {
    /// A program not run yet (a foothold for [`Searcher::run_from`], or a search's own candidate).
    pub fn untested(source: impl Into<String>, edits: Vec<Edit>, tests: usize, log_prob: f32) -> Candidate {
        Candidate { source: source.into(), edits, passed: None, reach: 0.0, verdicts: Vec::new(), tests, log_prob }
    }

    /// Tests passed, plus [`WRONG_VALUE_CREDIT`] for each test failing by a wrong value and [`REACH_CREDIT`] for
    /// how far the raising ones got ([`reach`]); 0 untested.
    pub fn progress(&self) -> f64 {
        self.passed.map_or(0.0, |_| verdict_progress(&self.verdicts) + REACH_CREDIT * self.reach)
    }

    fn score(&self) -> (f64, f32, std::cmp::Reverse<usize>) {
        let share = self.passed.map_or(0.0, |p| p as f64 / self.tests.max(1) as f64);
        (share, self.log_prob, std::cmp::Reverse(self.edits.len()))
    }

    fn better_than(&self, other: &Candidate) -> bool {
        let (a, b) = (self.score(), other.score());
        a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)).is_gt()
    }

    pub fn all_passed(&self) -> bool {
        self.tests > 0 && self.passed == Some(self.tests)
    }
}

/// Why the search ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stop {
    /// A candidate passes every test.
    Repaired,
    TestRuns,
    ModelCalls,
    WallTime,
    /// No new candidate could be proposed.
    Exhausted,
    /// Model-only mode finished its beam or rollouts.
    Finished,
    /// The best program's failing tests never call the function (`localize.rs`: `fails_elsewhere`): no edit of it can
    /// mend them; the rest of the bug is in another function.
    FailsElsewhere,
}

/// What a search did and found.
#[derive(Debug, Clone, Serialize)]
pub struct SearchReport {
    pub mode: Mode,
    /// The start program's tests passed (of `tests`).
    pub passed_before: usize,
    pub tests: usize,
    /// The best candidate (the start program when nothing better was found).
    pub best: Candidate,
    pub repaired: bool,
    pub stop: Stop,
    /// Distinct programs proposed (after dedup by normalised AST).
    pub candidates: usize,
    /// Proposals dropped as duplicates of a program already seen.
    pub duplicates: usize,
    /// Programs run against the tests, the start program included.
    pub test_runs: usize,
    /// Test runs up to and including the first repairing candidate.
    pub test_runs_to_repair: Option<usize>,
    /// What polishing the first repair did (`polish.rs`); `None` when nothing was repaired or in model-only mode.
    pub polish: Option<Polish>,
    /// Test runs that re-ran a tested program (counted in `test_runs`): traced, for the spectrum of a new root of
    /// the baseline's climb, or under a longer time limit, for a candidate that timed out under the search's own
    /// (`Run::test_limit`) and would be a repair had its timeouts passed.
    /// `test_runs` = 1 + `candidates` tested + `reruns`.
    pub reruns: usize,
    /// Programs that passed every test and were run again in fresh workers under other string-hash seeds
    /// (`Sandbox::confirm`, not counted in `test_runs`), and those of them that failed there: a pass that hung on
    /// the order of a set is no repair.
    pub confirmed: usize,
    pub unconfirmed: usize,
    /// Edits sampled from the model, plus (best-first, beam) one pass per program the model scores.
    pub model_calls: u64,
    /// Model samples rejected by the constrained decoder.
    pub rejected: u64,
    pub seconds: f64,
}

/// Runs a search (see the module doc).
pub struct Searcher<'a> {
    pub sandbox: &'a Sandbox,
    /// The model, its tokenizer and the spec text it reads (`None` for the baseline).
    pub model: Option<(&'a EditModel, &'a Tokenizer)>,
    pub spec: String,
    pub tests: Tests,
    /// The file around the function (run with every candidate, never edited).
    pub context: FileContext,
    pub config: SearchConfig,
}

/// The text around a function in its file: run with every candidate, never edited.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileContext {
    /// The file before the function (for a method, up to and including the indentation of its `def` line).
    pub before: String,
    pub after: String,
    /// A method's indentation: the searched function is its dedented text, and [`FileContext::program`] indents
    /// every line of it but the first (which `before` indents) back.
    pub indent: String,
}

impl FileContext {
    /// The whole program with `function` in its place.
    pub fn program(&self, function: &str) -> String {
        format!("{}{}{}", self.before, syntax::reindent(function, &self.indent), self.after)
    }
}

impl From<(String, String)> for FileContext {
    fn from((before, after): (String, String)) -> FileContext {
        FileContext { before, after, indent: String::new() }
    }
}

/// The bookkeeping shared by the strategies: dedup, batched testing, the best so far, the budget.
struct Run<'s> {
    searcher: &'s Searcher<'s>,
    started: Instant,
    seen: HashMap<u64, ()>,
    best: Candidate,
    candidates: usize,
    duplicates: usize,
    test_runs: usize,
    test_runs_to_repair: Option<usize>,
    reruns: usize,
    confirmed: usize,
    unconfirmed: usize,
    /// The slowest test so far that finished (seconds; of the original run, for a cached report); see
    /// [`Run::test_limit`].
    slowest: Option<f64>,
    /// Re-runs of [`Run::rerun_slow`] so far.
    slow_reruns: usize,
    /// Which tests the start program ran out of time in.
    start_timeouts: Vec<bool>,
    stop: Option<Stop>,
    /// The start program's spectrum (with `localize`, when some failing test ran the function).
    start_suspicion: Option<Suspicion>,
    /// The tests' strings the start program lacks, their numeric examples and the file's imported modules, for every
    /// menu ([`TestFacts`]).
    facts: TestFacts,
    /// The program the search started from (edits are made from it).
    start: String,
    /// Wall time past the budget's: [`SearchConfig::polish_wall`] once polishing starts.
    extra_wall: Duration,
}

impl<'s> Run<'s> {
    fn program(&self, source: &str) -> String {
        self.searcher.context.program(source)
    }

    fn out_of_budget(&mut self, model_calls: u64) -> bool {
        let b = &self.searcher.config.budget;
        if self.stop.is_some() {
            return true;
        }
        let stop = if self.test_runs >= b.test_runs && self.searcher.config.mode != Mode::ModelOnly {
            Some(Stop::TestRuns)
        } else if self.searcher.config.mode != Mode::Baseline && model_calls as usize >= b.model_calls {
            Some(Stop::ModelCalls)
        } else if self.started.elapsed() >= b.wall + self.extra_wall {
            Some(Stop::WallTime)
        } else {
            None
        };
        self.stop = stop;
        stop.is_some()
    }

    /// Keeps the candidates whose program was not seen before (marking them seen).
    fn fresh(&mut self, batch: Vec<Candidate>, trees: &[Tree]) -> Vec<Candidate> {
        let mut out = Vec::with_capacity(batch.len());
        for (c, t) in batch.into_iter().zip(trees) {
            if self.seen.insert(t.normalised().fingerprint(), ()).is_none() {
                self.candidates += 1;
                out.push(c);
            } else {
                self.duplicates += 1;
            }
        }
        out
    }

    /// The per-test time limit of the search's runs: [`TEST_LIMIT_FACTOR`] times the slowest test that finished in
    /// one of its runs, at least [`TEST_LIMIT_FLOOR`]; `None` (the sandbox's own limits) until a test finished. A
    /// repair's tests seldom run many times longer than those of the broken program and its neighbours, while a
    /// candidate that loops forever would otherwise cost the sandbox's whole limit (seconds), and loops are what
    /// off-by-one and wrong-name edits of a `while` make.
    fn test_limit(&self) -> Option<Duration> {
        self.slowest.map(test_limit_after)
    }

    /// Runs jobs in the sandbox, traced or not, under `limit` when given; keeps [`Run::slowest`] up to date.
    fn run_jobs(
        &mut self,
        jobs: &[(String, Tests)],
        traced: bool,
        limit: Option<Duration>,
    ) -> Result<Vec<TestReport>, SearchError> {
        let sandbox = self.searcher.sandbox;
        let reports = match limit {
            Some(limit) => sandbox.run_many_within(jobs, traced, limit)?,
            None if traced => sandbox.run_many_traced(jobs)?,
            None => sandbox.run_many(jobs)?,
        };
        // A test that finished took more than 0 s; a run where none did (it hung, or the program did not load)
        // says nothing.
        for r in reports.iter().filter(|r| r.slowest_test > 0.0) {
            self.slowest = Some(self.slowest.map_or(r.slowest_test, |s| s.max(r.slowest_test)));
        }
        Ok(reports)
    }

    /// Whether the next batch runs traced. Only where a spectrum is read: every run of the model's search, the
    /// baseline's start program (and the roots of its climb, traced apart: [`Run::climb`]).
    fn traces(&self) -> bool {
        let config = &self.searcher.config;
        config.localize && (config.mode == Mode::Model || (config.mode == Mode::Baseline && self.test_runs == 0))
    }

    /// A tested candidate's spectrum from one more run, traced and counted against the budget; `None` when the
    /// budget (runs or wall) is spent or no failing test ran the function.
    fn spectrum(&mut self, c: &Candidate) -> Result<Option<Suspicion>, SearchError> {
        let budget = &self.searcher.config.budget;
        if self.test_runs >= budget.test_runs || self.started.elapsed() >= budget.wall {
            return Ok(None);
        }
        let job = [(self.program(&c.source), self.searcher.tests.clone())];
        let report = self.run_jobs(&job, true, self.test_limit())?.pop();
        self.test_runs += 1;
        self.reruns += 1;
        let offset = self.searcher.context.before.matches('\n').count();
        let Some(report) = report else { return Ok(None) };
        if c.source == self.best.source {
            self.stop_if_elsewhere(&report, offset);
        }
        Ok(Suspicion::from_report(&report, offset, &c.source))
    }

    /// Stops the search when its best program, traced in `report`, is a partial repair and the tests it fails never
    /// call the function ([`Stop::FailsElsewhere`]); not where code that runs at load names the function (its
    /// calls there are untraced: `localize::named_at_load`).
    fn stop_if_elsewhere(&mut self, report: &TestReport, offset: usize) {
        let best = &self.best;
        let named_at_load = |name: &str| localize::named_at_load(&self.searcher.context.program(&best.source), name);
        if self.stop.is_none()
            && !best.edits.is_empty()
            && !best.all_passed()
            && localize::fails_elsewhere(report, offset, &best.source)
            && !localize::defined_name(&best.source).is_some_and(named_at_load)
        {
            self.stop = Some(Stop::FailsElsewhere);
        }
    }

    /// Makes the batch's most advanced programs new roots of `climb` where they beat every root or tie the best by
    /// another way (`climb.rs`), with their spectra when the search localises (traced here when their own runs were
    /// not). Among equals the batch's order decides: it is the streams' order of likelihood, and with only the
    /// last of four ties taken a receiver's repair tried first (`path.clear()` for `depth.clear()`) lost its
    /// level to the `depth //= 1` tried after it.
    fn climb(&mut self, climb: &mut Climb, tested: &[(Candidate, Option<Suspicion>)]) -> Result<(), SearchError> {
        for (c, _) in tested {
            climb.observe(c);
        }
        let mut order: Vec<&(Candidate, Option<Suspicion>)> = tested.iter().collect();
        order.sort_by(|a, b| b.0.progress().total_cmp(&a.0.progress()));
        for (c, suspicion) in order {
            // A repaired (or out-of-budget) search needs no more roots, nor a run to trace one.
            if self.stop.is_some() {
                break;
            }
            if !climb.improves(c) {
                continue;
            }
            let traced;
            let suspicion = match suspicion {
                Some(s) => Some(s),
                None if self.searcher.config.localize && self.searcher.config.mode == Mode::Baseline => {
                    traced = self.spectrum(c)?;
                    traced.as_ref()
                }
                None => None,
            };
            climb.add_root(c, suspicion);
        }
        Ok(())
    }

    /// Tests fresh candidates in one sandbox batch (cut to the remaining budget); returns them scored.
    fn test(&mut self, batch: Vec<Candidate>) -> Result<Vec<Candidate>, SearchError> {
        Ok(self.test_localized(batch)?.into_iter().map(|(c, _)| c).collect())
    }

    /// [`Run::test`], and with `localize` each candidate's spectrum (see `localize.rs`).
    fn test_localized(&mut self, batch: Vec<Candidate>) -> Result<Vec<(Candidate, Option<Suspicion>)>, SearchError> {
        let traced = self.traces();
        self.test_with(batch, traced)
    }

    /// Runs again, under [`RERUN_LIMIT_FACTOR`] times `limit` (or the sandbox's own limit, if shorter), a job that
    /// timed out under `limit` and would be a repair had its timeouts passed: it could be a repair slower than the
    /// limit guessed. Only where it timed out in a test the start program finished, or passed more tests than the
    /// best program so far (one that keeps the start's hang is taken to loop forever), and passed a test where there are
    /// several (one that hangs on every test likewise). A program that loops on some inputs looks the same, so at
    /// most [`MAX_SLOW_RERUNS`] per search, while the budget lasts and the batch holds no repair; counted as re-runs.
    /// Returns the re-runs up to and including each job.
    fn rerun_slow(
        &mut self,
        jobs: &[(String, Tests)],
        reports: &mut [TestReport],
        traced: bool,
        limit: Duration,
    ) -> Result<Vec<usize>, SearchError> {
        let mut upto = Vec::with_capacity(jobs.len());
        let mut reran = 0;
        let best_passed = self.best.passed.unwrap_or(0);
        let budget = &self.searcher.config.budget;
        let repaired = reports.iter().any(TestReport::all_passed);
        for (job, report) in jobs.iter().zip(reports.iter_mut()) {
            let start_timed_out = |i: usize| self.start_timeouts.get(i).copied().unwrap_or(false);
            let new_timeout =
                report.tests.iter().enumerate().any(|(i, t)| t.outcome == Outcome::Timeout && !start_timed_out(i));
            let n = report.tests.len();
            let promising = (new_timeout || report.passed > best_passed)
                && (report.passed > 0 || n == 1)
                && report.timeouts > 0
                && report.passed + report.timeouts == n;
            let affordable = self.test_runs + jobs.len() < budget.test_runs && self.started.elapsed() < budget.wall;
            if promising && affordable && !repaired && self.slow_reruns < MAX_SLOW_RERUNS {
                self.slow_reruns += 1;
                let longer = Some(limit * RERUN_LIMIT_FACTOR);
                if let Some(r) = self.run_jobs(std::slice::from_ref(job), traced, longer)?.pop() {
                    *report = r;
                }
                self.test_runs += 1;
                self.reruns += 1;
                reran += 1;
            }
            upto.push(reran);
        }
        Ok(upto)
    }

    /// [`Run::test_localized`], traced or not as `localize` says.
    fn test_with(
        &mut self,
        mut batch: Vec<Candidate>,
        localize: bool,
    ) -> Result<Vec<(Candidate, Option<Suspicion>)>, SearchError> {
        let left = self.searcher.config.budget.test_runs.saturating_sub(self.test_runs);
        if batch.len() > left {
            // Cut by the budget: those are neither tested nor counted as tried.
            self.candidates = self.candidates.saturating_sub(batch.len() - left);
            batch.truncate(left);
        }
        let jobs: Vec<(String, Tests)> =
            batch.iter().map(|c| (self.program(&c.source), self.searcher.tests.clone())).collect();
        let limit = self.test_limit();
        let before = self.test_runs;
        let mut reports = self.run_jobs(&jobs, localize, limit)?;
        if self.test_runs == 0
            && let Some(start) = reports.first()
        {
            self.start_timeouts = start.tests.iter().map(|t| t.outcome == Outcome::Timeout).collect();
        }
        let reran = match limit {
            Some(limit) => self.rerun_slow(&jobs, &mut reports, localize, limit)?,
            None => vec![0; jobs.len()],
        };
        for (report, (program, tests)) in reports.iter_mut().zip(&jobs).filter(|(r, _)| r.all_passed()) {
            self.confirmed += 1;
            let confirmed = self.searcher.sandbox.confirm(program, tests)?;
            if !confirmed.all_passed() {
                self.unconfirmed += 1;
                *report = confirmed;
            }
        }
        let offset = self.searcher.context.before.matches('\n').count();
        let mut suspicions = Vec::with_capacity(batch.len());
        for (i, (c, r)) in batch.iter_mut().zip(&reports).enumerate() {
            c.passed = Some(r.passed);
            c.verdicts = r.tests.iter().map(|t| Verdict::of(&t.outcome)).collect();
            c.reach = reach(r, offset, &self.start, &c.edits);
            if c.all_passed() && self.test_runs_to_repair.is_none() {
                self.test_runs_to_repair = Some(before + i + 1 + reran[i]);
            }
            suspicions.push(if localize { Suspicion::from_report(r, offset, &c.source) } else { None });
        }
        self.test_runs += batch.len();
        for c in &batch {
            if c.better_than(&self.best) {
                self.best = c.clone();
            }
        }
        if self.best.all_passed() {
            self.stop = Some(Stop::Repaired);
        } else if localize && let Some(i) = batch.iter().position(|c| c.source == self.best.source) {
            self.stop_if_elsewhere(&reports[i], offset);
        }
        Ok(batch.into_iter().zip(suspicions).collect())
    }
}

impl<'a> Searcher<'a> {
    /// Searches for a repair of `program` (one function's source).
    pub fn run(&self, program: &str) -> Result<SearchReport, SearchError> {
        self.run_from(program, &[])
    }

    /// [`Searcher::run`], given footholds: programs an earlier search found (their edits made from `program`). The
    /// baseline tests them first and climbs from the one that makes the most progress if it makes more than
    /// `program` ([`Candidate::progress`], `climb.rs`), so a search that takes over from another keeps its partial
    /// repair; the other modes ignore them.
    pub fn run_from(&self, program: &str, footholds: &[Candidate]) -> Result<SearchReport, SearchError> {
        if self.tests.is_empty() {
            return Err(SearchError::NoTests);
        }
        let start_tree = syntax::parse_strict(program)?;
        let n_tests = self.tests.len();
        let start = Candidate::untested(program, Vec::new(), n_tests, 0.0);
        let mut run = Run {
            searcher: self,
            started: Instant::now(),
            seen: HashMap::new(),
            best: start.clone(),
            candidates: 0,
            duplicates: 0,
            test_runs: 0,
            test_runs_to_repair: None,
            reruns: 0,
            confirmed: 0,
            unconfirmed: 0,
            slowest: None,
            slow_reruns: 0,
            start_timeouts: Vec::new(),
            stop: None,
            start_suspicion: None,
            facts: TestFacts::of(&self.tests, &start_tree).importing(&self.context.before),
            start: program.to_string(),
            extra_wall: Duration::ZERO,
        };
        run.seen.insert(start_tree.normalised().fingerprint(), ());
        let tested = run.test_localized(vec![start])?;
        let passed_before = tested.first().and_then(|(c, _)| c.passed).unwrap_or(0);
        // The start program is the baseline to beat, even when a later candidate ties it.
        if let Some((c, suspicion)) = tested.into_iter().next() {
            run.best = c;
            run.start_suspicion = suspicion;
        }
        let mut stats = ProposeStats::default();
        if run.stop.is_none() {
            match (self.config.mode, self.model) {
                (Mode::Baseline, _) => self.baseline(&mut run, &start_tree, footholds)?,
                (Mode::Model, Some((model, tokenizer))) => {
                    stats = match self.config.strategy {
                        Strategy::BestFirst => self.best_first(&mut run, &start_tree, model, tokenizer)?,
                        Strategy::Rollouts => self.rollouts(&mut run, &start_tree, model, tokenizer)?,
                    }
                }
                (Mode::ModelOnly, Some((model, tokenizer))) => {
                    stats = match self.config.strategy {
                        Strategy::BestFirst => self.beam(&mut run, &start_tree, model, tokenizer)?,
                        Strategy::Rollouts => self.model_only(&mut run, &start_tree, model, tokenizer)?,
                    }
                }
                (_, None) => run.stop = Some(Stop::Exhausted),
            }
        }
        let polish = if run.best.all_passed() && self.config.mode != Mode::ModelOnly && passed_before < n_tests {
            Some(self.polish(&mut run, &start_tree)?)
        } else {
            None
        };
        let repaired = run.best.all_passed();
        Ok(SearchReport {
            mode: self.config.mode,
            passed_before,
            tests: n_tests,
            repaired,
            stop: if repaired { Stop::Repaired } else { run.stop.unwrap_or(Stop::Exhausted) },
            best: run.best,
            candidates: run.candidates,
            duplicates: run.duplicates,
            test_runs: run.test_runs,
            test_runs_to_repair: run.test_runs_to_repair,
            polish,
            reruns: run.reruns,
            confirmed: run.confirmed,
            unconfirmed: run.unconfirmed,
            model_calls: stats.sampled,
            rejected: stats.rejected,
            seconds: run.started.elapsed().as_secs_f64(),
        })
    }

    fn baseline(&self, run: &mut Run, start: &Tree, footholds: &[Candidate]) -> Result<(), SearchError> {
        let mut stream = Climb::new(start, &run.best, self.config.seed, run.start_suspicion.as_ref(), &run.facts);
        let (batch, trees): (Vec<Candidate>, Vec<Tree>) = footholds
            .iter()
            .filter_map(|c| {
                let tree = syntax::parse_strict(&c.source).ok()?;
                Some((Candidate::untested(c.source.clone(), c.edits.clone(), self.tests.len(), 0.0), tree))
            })
            .unzip();
        // Traced at once (with `localize`): a foothold that becomes a root needs its spectrum, and a traced re-run
        // would cost a second run.
        let fresh = run.fresh(batch, &trees);
        let tested = run.test_with(fresh, self.config.localize)?;
        run.climb(&mut stream, &tested)?;
        while !run.out_of_budget(0) {
            let next = stream.next_candidates(self.config.batch.max(1));
            if next.is_empty() {
                run.stop = Some(Stop::Exhausted);
                break;
            }
            let trees: Vec<Tree> = next.iter().map(|(_, t)| t.clone()).collect();
            let batch: Vec<Candidate> = next
                .into_iter()
                .map(|(edits, tree)| Candidate::untested(tree.into_source(), edits, self.tests.len(), 0.0))
                .collect();
            let fresh = run.fresh(batch, &trees);
            let tested = run.test_localized(fresh)?;
            run.climb(&mut stream, &tested)?;
        }
        Ok(())
    }

    /// Best-of-N rollouts of depth D, round after round; with `refine`, each round starts from the best so far.
    fn rollouts(
        &self,
        run: &mut Run,
        start: &Tree,
        model: &EditModel,
        tokenizer: &Tokenizer,
    ) -> Result<ProposeStats, SearchError> {
        let mut proposer = Proposer::new(model, tokenizer, self.spec.clone(), self.config.sampling);
        let mut rng = ChaCha8Rng::seed_from_u64(self.config.seed);
        let n = self.config.rollouts.max(1);
        let mut round_start = (start.clone(), run.best.clone());
        let mut idle_rounds = 0;
        'rounds: while !run.out_of_budget(proposer.stats.sampled) {
            let fresh_before = run.candidates;
            // All rollouts share the round's start: its first step is one batched proposal call.
            let mut states: Vec<(Tree, Candidate)> = vec![round_start.clone(); n];
            for step in 0..self.config.depth.max(1) {
                let mut next_states = Vec::with_capacity(n);
                let mut batch = Vec::new();
                let mut trees = Vec::new();
                let proposals: Vec<Vec<Proposal>> = if step == 0 {
                    let all = proposer.propose(&states[0].0, n, &mut rng)?;
                    let mut per = vec![Vec::new(); n];
                    for (i, p) in all.into_iter().enumerate() {
                        per[i % n].push(p);
                    }
                    per
                } else {
                    let mut per = Vec::with_capacity(n);
                    for (tree, _) in &states {
                        if run.out_of_budget(proposer.stats.sampled) {
                            break 'rounds;
                        }
                        per.push(proposer.propose(tree, 1, &mut rng)?);
                    }
                    per
                };
                for ((_, parent), props) in states.iter().zip(proposals) {
                    let Some(p) = props.into_iter().next() else { continue };
                    let mut edits = parent.edits.clone();
                    edits.push(p.edit);
                    let c = Candidate::untested(p.tree.source(), edits, self.tests.len(), parent.log_prob + p.log_prob);
                    trees.push(p.tree.clone());
                    batch.push(c.clone());
                    next_states.push((p.tree, c));
                }
                let fresh = run.fresh(batch, &trees);
                run.test(fresh)?;
                if run.out_of_budget(proposer.stats.sampled) || next_states.is_empty() {
                    break;
                }
                states = next_states;
            }
            if run.candidates == fresh_before {
                idle_rounds += 1;
                if idle_rounds >= 8 {
                    run.stop = Some(Stop::Exhausted);
                    break;
                }
            } else {
                idle_rounds = 0;
            }
            if self.config.refine {
                let best = run.best.clone();
                if let Ok(tree) = syntax::parse_strict(best.source.as_str()) {
                    round_start = (tree, best);
                }
            }
        }
        Ok(proposer.stats)
    }

    /// The prototype's mode: N rollouts of at most D steps, ranked by the model alone; the chosen final program's
    /// tests run once, for the report.
    ///
    /// Before each step the model says how likely the program needs no edit ([`PrefixPass::no_edit_log_prob`]): a
    /// rollout stops with that probability, or after D steps. The final programs are ranked by that verdict on
    /// them, the model's reading of the spec against the program, and ties by the path's log-probability (each
    /// edit's, times "not done" before it). Ranking by the path alone would favour stopping at once, since every
    /// edit costs probability; a program the model finds finished as it stands can still win.
    fn model_only(
        &self,
        run: &mut Run,
        start: &Tree,
        model: &EditModel,
        tokenizer: &Tokenizer,
    ) -> Result<ProposeStats, SearchError> {
        let mut proposer = Proposer::new(model, tokenizer, self.spec.clone(), self.config.sampling);
        let mut rng = ChaCha8Rng::seed_from_u64(self.config.seed);
        let start_print = start.normalised().fingerprint();
        // Distinct final programs: the model's "no edit" log-probability on it, and its likeliest path.
        let mut finals: HashMap<u64, (f32, Candidate)> = HashMap::new();
        for _ in 0..self.config.rollouts.max(1) {
            let mut tree = start.clone();
            let mut c = Candidate { log_prob: 0.0, ..run.best.clone() };
            // A rollout cut by the budget before the model judged its last program ranks last.
            let mut verdict = f32::NEG_INFINITY;
            for step in 0..=self.config.depth {
                if run.out_of_budget(proposer.stats.sampled) {
                    break;
                }
                let prefix = Prefix::new(tokenizer, &self.spec, tree.source());
                let Some(pass) = PrefixPass::new(model, &prefix)? else { break };
                let done = pass.no_edit_log_prob();
                verdict = done;
                let p_done = if done.is_nan() { 0.0 } else { f64::from(done.exp()).clamp(0.0, 1.0) };
                if step == self.config.depth || rng.random_bool(p_done) {
                    break;
                }
                let Some(p) = proposer.propose_after(&tree, &pass, 1, &mut rng)?.into_iter().next() else { break };
                verdict = f32::NEG_INFINITY;
                c.edits.push(p.edit);
                c.log_prob += p.log_prob + pass.edit_log_prob();
                c.source = p.tree.source().to_string();
                tree = p.tree;
            }
            match finals.entry(tree.normalised().fingerprint()) {
                Entry::Occupied(mut seen) => {
                    run.duplicates += 1;
                    let (best_verdict, best) = seen.get_mut();
                    *best_verdict = best_verdict.max(verdict);
                    if c.log_prob > best.log_prob {
                        *best = c;
                    }
                }
                Entry::Vacant(slot) => {
                    run.candidates += usize::from(*slot.key() != start_print);
                    slot.insert((verdict, c));
                }
            }
        }
        let chosen = finals
            .into_values()
            .max_by(|a, b| a.0.total_cmp(&b.0).then(a.1.log_prob.total_cmp(&b.1.log_prob)))
            .map(|(_, c)| c);
        if let Some(chosen) = chosen.filter(|c| !c.edits.is_empty()) {
            // Ranked by the model alone: the choice replaces the start whatever its tests say.
            let tested = run.test(vec![chosen])?;
            if let Some(c) = tested.into_iter().next() {
                run.best = c;
            }
        }
        if run.stop != Some(Stop::Repaired) {
            run.stop = Some(Stop::Finished);
        }
        Ok(proposer.stats)
    }
}

/// Two texts' lines as a diff's operations, in order: `' '` a line kept, `'-'` removed, `'+'` added (removals
/// before additions, as diff(1) prints them). By their longest common subsequence: fine for one file of code.
pub fn line_diff<'a>(old: &'a str, new: &'a str) -> Vec<(char, &'a str)> {
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let mut ops: Vec<(char, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            ops.push((' ', a[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', a[i]));
            i += 1;
        } else {
            ops.push(('+', b[j]));
            j += 1;
        }
    }
    ops
}

/// A unified diff of two texts by lines ([`line_diff`]). Lines keep their own endings, so the diff of a CRLF file
/// applies to it (`patch`, `git apply`).
pub fn unified_diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    let ops = line_diff(old, new);
    if ops.iter().all(|o| o.0 == ' ') {
        return String::new();
    }
    // One hunk per run of changes with 3 lines of context, hunks merged when their contexts touch.
    const CONTEXT: usize = 3;
    let changed: Vec<usize> = ops.iter().enumerate().filter(|(_, o)| o.0 != ' ').map(|(k, _)| k).collect();
    let mut hunks: Vec<(usize, usize)> = Vec::new();
    for &k in &changed {
        let (lo, hi) = (k.saturating_sub(CONTEXT), (k + CONTEXT + 1).min(ops.len()));
        match hunks.last_mut() {
            Some(h) if lo <= h.1 => h.1 = hi,
            _ => hunks.push((lo, hi)),
        }
    }
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    for (lo, hi) in hunks {
        let old_start = ops[..lo].iter().filter(|o| o.0 != '+').count();
        let new_start = ops[..lo].iter().filter(|o| o.0 != '-').count();
        let old_len = ops[lo..hi].iter().filter(|o| o.0 != '+').count();
        let new_len = ops[lo..hi].iter().filter(|o| o.0 != '-').count();
        out.push_str(&format!("@@ -{},{} +{},{} @@\n", old_start + 1, old_len, new_start + 1, new_len));
        for (tag, line) in &ops[lo..hi] {
            out.push(*tag);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::TestResult;
    use crate::syntax::Span;

    /// A report of tests each raising at a line of the program (`None`: passing).
    fn raising_at(lines: &[Option<u32>]) -> TestReport {
        TestReport::of_results(
            lines
                .iter()
                .map(|&line| TestResult {
                    name: "t".into(),
                    outcome: match line {
                        Some(line) => Outcome::Error {
                            kind: "TypeError".into(),
                            message: String::new(),
                            line: None,
                            entry_line: Some(line),
                        },
                        None => Outcome::Passed,
                    },
                    lines: Vec::new(),
                })
                .collect(),
        )
    }

    fn edit_of(source: &str, old: &str, new: &str) -> Edit {
        let start = source.find(old).expect("the old text is in the source") as u32;
        Edit { span: Span { start, end: start + old.len() as u32 }, replacement: new.into() }
    }

    #[test]
    fn reach_is_the_raising_line_in_the_start_programs_lines() {
        let start = "def f(x):\n    a = g(\n        x)\n    b = h(a)\n    return b\n";
        // One test of two raises, at line 4 of 5 (of the file: after 2 lines of context, at line 6).
        assert_eq!(reach(&raising_at(&[Some(4), None]), 0, start, &[]), 0.4);
        assert_eq!(reach(&raising_at(&[Some(6)]), 2, start, &[]), 0.8);
        // Raising in the context before the program, or with no line, reaches nothing.
        assert_eq!(reach(&raising_at(&[Some(2)]), 2, start, &[]), 0.0);
        // A line inserted above the raising one moves nothing; a raise inside the edit's replacement counts at the
        // line the edit began.
        let insert = edit_of(start, "a = g(", "y = 0\na = g(");
        assert_eq!(reach(&raising_at(&[Some(5)]), 0, start, std::slice::from_ref(&insert)), 0.8);
        assert_eq!(reach(&raising_at(&[Some(3)]), 0, start, std::slice::from_ref(&insert)), 0.4);
        // Two lines become one: line 3 of the candidate is line 4 of the start; and through a second edit after it.
        let join = edit_of(start, "a = g(\n        x)", "a = g(x)");
        assert_eq!(reach(&raising_at(&[Some(3)]), 0, start, std::slice::from_ref(&join)), 0.8);
        let joined = join.apply(start).expect("the edit applies");
        let second = edit_of(&joined, "return b", "c = b\nreturn c");
        assert_eq!(reach(&raising_at(&[Some(5)]), 0, start, &[join.clone(), second.clone()]), 1.0);
        assert_eq!(reach(&raising_at(&[Some(3)]), 0, start, &[join, second]), 0.8);
    }

    #[test]
    fn diff_marks_the_changed_line() {
        let d = unified_diff("a\nb\nc\n", "a\nB\nc\n", "x", "y");
        assert_eq!(d, "--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
        assert_eq!(unified_diff("a\n", "a\n", "x", "y"), "");
        // A CRLF file's lines keep their CR; a last line without a newline says so, as diff(1) does.
        let d = unified_diff("a\r\nb\r\n", "a\r\nB\r\n", "x", "y");
        assert_eq!(d, "--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+B\r\n");
        let d = unified_diff("a\nb", "a\nB", "x", "y");
        assert_eq!(
            d,
            "--- x\n+++ y\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+B\n\\ No newline at end of file\n"
        );
    }

    #[test]
    fn single_edits_cover_the_menu() {
        let tree = syntax::parse("def f(a, b):\n    if a < b:\n        return a - 1\n    return g(a, b)\n");
        let texts: Vec<String> = single_edits(&tree).into_iter().map(|e| e.text).collect();
        for want in ["a > b", "a + 1", "2", "0", "-1", "pass", "g(b, a)", "b < a", "b", "1 - a"] {
            assert!(texts.iter().any(|t| t == want), "{want} missing from {texts:?}");
        }
    }
}
