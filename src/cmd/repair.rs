//! `kelp repair FILE.py`: find a function and its tests, search for a repair, print a diff and a short report.
//!
//! Tests come from `--tests FILE` (assert lines, a pytest or unittest file, or `check(candidate)`: see
//! [`kelp::exec::parse_test_file`]), else from the file's own top-level assert lines, else from its own `test_*`
//! functions or test classes, else from doctests in the function's docstring. Progress goes to stderr, the diff and report to stdout.
//! Exit 0 when repaired (or nothing to repair), 1 when not, 2 on bad input.
//!
//! `kelp synth FILE.py` is the same job from scratch: the function is cut down to its signature, its docstring
//! and `pass` ([`stub`]), and the search writes a body that passes the tests.
//!
//! Fallback: when the model search fails, the rest of the budget goes to the model-free baseline, and the report
//! says "repaired by the baseline fallback" (`repaired_by` in JSON). With the fallback on, the model search gets
//! `--model-seconds` (3 s) of the wall time. `--no-fallback` turns it off; `--baseline` runs the baseline alone.
//!
//! Several functions: when a tests file calls several functions of FILE and the failing tests run more than one of
//! them (beside each other in a class, or at the top level), the one they point at most gets half the budget. If
//! its search ends with a partial repair, the one they point at then, in the file with that repair, gets half of
//! what is left ([`Stages::search_next`]): a bug in each of two functions is mended that way. The rest goes to a
//! search of those functions together, as one piece of code ([`search_group`]): a bug in a helper, where the first
//! search mended nothing.
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, bail};
use kelp::corpus::{Spec, doctest_examples, spec_of};
use kelp::exec::{Outcome, Sandbox, SandboxConfig, TestFileError, Tests, parse_test_file};
use kelp::model::Checkpoint;
use kelp::model::decode::{Prefix, spec_text};
use kelp::noise::tree_diff;
use kelp::search::{
    Budget, Candidate, FileContext, Mode, SearchConfig, SearchReport, Searcher, Stop, Strategy, line_diff,
    part_suspicions, unified_diff,
};
use kelp::syntax::{self, Edit, Span, Tree};

use super::test::{kept, parse_tests, read_source, syntax_error, with_user_modules};

/// `--test-timeout`'s default, in seconds; `kelp eval` and `kelp eval-repair` run candidates under it too, so that
/// their numbers are what this command does (a HumanEval start that loops forever cost their searches 5 s a run).
pub const TEST_TIMEOUT: f64 = 0.5;
/// One-function searches at most after the first, each in the file with the repairs before it (see the module doc).
const NEXT_SEARCHES: usize = 2;
/// Seconds at most that polishing a repair the model search found may take past its slice of the wall time.
const POLISH_SECONDS: f64 = 5.0;
/// `--timeout`'s default, in seconds.
pub const RUN_TIMEOUT: f64 = 5.0;

/// The sandbox a search tests its candidates in: `timeout` seconds per run, `test_timeout` per test (at most the
/// former).
pub fn sandbox_config(timeout: f64, test_timeout: f64) -> SandboxConfig {
    SandboxConfig {
        timeout: Duration::from_secs_f64(timeout),
        test_timeout: Some(Duration::from_secs_f64(test_timeout.min(timeout))),
        ..SandboxConfig::default()
    }
}

#[derive(clap::Args)]
pub struct RepairArgs {
    /// The Python file holding the broken function.
    pub file: PathBuf,
    /// Tests: `assert` lines, a pytest or unittest file, or a `check(candidate)` function (default: asserts or
    /// doctests in FILE).
    #[arg(long)]
    pub tests: Option<PathBuf>,
    /// The function to repair (default: the only function FILE defines, tests aside).
    #[arg(long)]
    pub function: Option<String>,
    /// Test runs the search may spend (the broken program's own run included). The baseline's runs take a few
    /// milliseconds each: on HumanEval-repair it solves 57% of one-mutation bugs within 1,000 runs, 50% within 100.
    #[arg(long, default_value_t = 1000)]
    pub budget: usize,
    /// Use the model-free baseline (blind single edits, then 2–3-edit compositions) instead of the model.
    #[arg(long, conflicts_with = "model_only")]
    pub baseline: bool,
    /// Rank candidates by model log-probability alone; tests run once, on the final choice.
    #[arg(long)]
    pub model_only: bool,
    /// Do not fall back on the baseline when the model search fails (see the module doc).
    #[arg(long)]
    pub no_fallback: bool,
    /// How the model search explores edits.
    #[arg(long, value_enum, default_value = "best-first")]
    pub strategy: Strategy,
    /// Do not rank edits by fault localisation (the lines that failing tests run and passing tests do not).
    #[arg(long)]
    pub no_localize: bool,
    /// The model checkpoint directory.
    #[arg(long, default_value = "models/default")]
    pub checkpoint: PathBuf,
    /// Seed of the search's sampling.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Wall-clock limit of the search, in seconds.
    #[arg(long, default_value_t = 60.0)]
    pub max_seconds: f64,
    /// Wall-clock limit of one test of one candidate, in seconds. A candidate that loops forever fails that test
    /// at this limit and its other tests still run (the ones after get a tenth of it), so hanging candidates cost
    /// the search little. Once a test has finished, the search lowers the limit to ten times its slowest finished
    /// test (at least 0.1 s), and runs a candidate again under ten times that when only its timeouts keep it from
    /// being a repair and it timed out where the original finished (at most three per search). Raise it for tests
    /// that are slow when the function is right.
    #[arg(long, default_value_t = TEST_TIMEOUT)]
    pub test_timeout: f64,
    /// Wall-clock limit of one candidate's whole run (all its tests), in seconds.
    #[arg(long, default_value_t = RUN_TIMEOUT)]
    pub timeout: f64,
    /// With the fallback on: seconds the model search gets before the baseline takes the rest of the budget.
    #[arg(long, default_value_t = 3.0)]
    pub model_seconds: f64,
    /// Print the result as JSON.
    #[arg(long)]
    pub json: bool,
    /// Write the repaired function back into FILE (only when every test passes).
    #[arg(long)]
    pub in_place: bool,
}

/// The function to repair and what surrounds it in its file.
struct Target {
    /// `f`, or `Class.method`.
    name: String,
    /// `f` or `method`: what the tests call.
    bare_name: String,
    /// Its source; a method's dedented to the top level.
    function: String,
    before: String,
    after: String,
    /// A method's indentation.
    indent: String,
    spec: Spec,
}

/// What the command does with the function it finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Repair its body.
    Repair,
    /// Write its body from scratch, from the signature, docstring and tests.
    Synth,
}

pub fn run(args: RepairArgs, job: Job) -> anyhow::Result<ExitCode> {
    let json = args.json;
    let result = run_job(args, job);
    // With --json, a caller reads stdout: bad input is a JSON answer there too (and the message on stderr, exit 2).
    if json && let Err(err) = &result {
        outln!("{}", serde_json::json!({ "error": format!("{err:#}"), "repaired": false }));
    }
    result
}

fn run_job(args: RepairArgs, job: Job) -> anyhow::Result<ExitCode> {
    // `--max-seconds` bounds the searches after the first by the time the command has taken.
    let started = std::time::Instant::now();
    if args.budget < 2 {
        bail!("--budget must be at least 2 test runs (one for the broken program, one for a candidate)");
    }
    if !(args.max_seconds.is_finite() && args.max_seconds > 0.0) {
        bail!("--max-seconds must be a positive number, not {}", args.max_seconds);
    }
    if !(args.model_seconds.is_finite() && args.model_seconds > 0.0) {
        bail!("--model-seconds must be a positive number, not {}", args.model_seconds);
    }
    for (flag, value) in [("--test-timeout", args.test_timeout), ("--timeout", args.timeout)] {
        if !(value.is_finite() && value > 0.0) {
            bail!("{flag} must be a positive number of seconds, not {value}");
        }
    }
    let source = read_source(&args.file)?;
    let tree = syntax::parse(source.as_str());
    if let Some(span) = tree.error_span() {
        bail!(
            "{} does not parse as Python ({}); kelp repairs functions that parse",
            args.file.display(),
            syntax_error(&source)
                .unwrap_or_else(|| format!("syntax error at line {}", tree.line_of(span.start as usize)))
        );
    }
    let tests_file = match &args.tests {
        // Its definition of the function would stand over every candidate's: nothing could pass.
        Some(path) if same_file(path, &args.file) => {
            bail!("--tests names {} itself; its asserts and doctests are read without --tests", args.file.display())
        }
        Some(path) => Some((path.as_path(), read_source(path)?)),
        None => None,
    };
    let tests_text = tests_file.as_ref().map(|(_, text)| text.as_str());
    let sandbox =
        Sandbox::new(sandbox_config(args.timeout, args.test_timeout)).context("could not start the sandbox")?;
    let (function, group) = match find_function(&tree, args.function.as_deref(), &args.file, tests_text)? {
        Pick::One(function) => (function, None),
        Pick::Several(candidates) => {
            let tests_file = tests_file.as_ref().map(|(p, t)| (*p, t.as_str()));
            most_suspicious(&sandbox, &args, (&tree, &source), tests_file, candidates)?
        }
    };
    // A body written from scratch is one function's; a model-only search runs no tests to tell a partial repair.
    let group = group.filter(|_| job == Job::Repair && !args.model_only && args.budget >= 4);
    // With a group, the search of the one function gets half the budget and the group's the rest (and what the
    // first leaves).
    let (stage_runs, stage_seconds) =
        if group.is_some() { (args.budget / 2, args.max_seconds / 2.0) } else { (args.budget, args.max_seconds) };
    let function_node = function.node;
    let (mut target, file_asserts) = split_file(&tree, &function)?;
    let tests = find_tests(&args, tests_text, &target, &file_asserts)?;
    let tests = with_user_modules(tests, (&args.file, &source), tests_file.as_ref().map(|(p, t)| (*p, t.as_str())));
    if job == Job::Synth {
        target.function =
            stub(&target.function).with_context(|| format!("could not cut `{}` down to its signature", target.name))?;
    }
    let target = target.tested_by(&tests);

    let checkpoint = if args.baseline {
        None
    } else {
        let ck = Checkpoint::load(&args.checkpoint).map_err(|e| {
            anyhow::anyhow!("{e}\nhint: pass --checkpoint DIR, or --baseline to search without a model")
        })?;
        Some(ck)
    };
    let mode = if args.baseline {
        Mode::Baseline
    } else if args.model_only {
        Mode::ModelOnly
    } else {
        Mode::Model
    };
    let stages = Stages { args: &args, job, sandbox: &sandbox, checkpoint: checkpoint.as_ref(), mode };
    let first = stages.search(&target, &tests, stage_runs, stage_seconds, true, &[])?;
    let searcher = first.searcher;
    let mut report = first.report;
    // The model search's report when a baseline search took over from it; the report says which found the repair.
    let mut model_search = first.model_search;
    let mut fell_back = model_search.is_some();
    let indented = |best: &str, indent: &str| syntax::reindent(best, indent);
    let mut repaired_file =
        splice_span(&source, tree.node(function_node).span, &indented(&report.best.source, &target.indent));
    let mut next_searched: Vec<String> = Vec::new();
    let mut grouped = None;
    // Each searched function's best program, by its node in the file, with its text as it was: the group search's
    // foothold, and where a function searched again restarts.
    let mut bests = vec![(function_node, target.function.clone(), report.best.clone())];
    // One function at a time: after a partial repair, the tests still failing may be another function's bug. The
    // function they point at then, in the file with the repair, gets half of what is left, at most NEXT_SEARCHES
    // times in a row: a bug in each of two functions is two one-function repairs, and a search of one function (the
    // model's, then the baseline's) is stronger than the baseline's of several. (Without a partial repair the
    // group's search does better: the bug may be in a helper, or need edits in two places at once.)
    let mut last = target.name.clone();
    let mut partial = !report.best.edits.is_empty();
    let seconds_left = || args.max_seconds - started.elapsed().as_secs_f64();
    for _ in 0..NEXT_SEARCHES {
        let Some(group) = group
            .as_ref()
            .filter(|_| partial && !report.repaired && report.test_runs + 4 <= args.budget && seconds_left() >= 2.0)
        else {
            break;
        };
        let left = (args.budget - report.test_runs, seconds_left() / 2.0);
        let current = (repaired_file.as_str(), &syntax::parse(repaired_file.as_str()));
        let next = match stages.search_next(current, &tree, &tests, (group, &last), &bests, left) {
            Ok(Some(next)) => next,
            Ok(None) => break,
            Err(err) => {
                eprintln!("kelp: note: could not search the next function ({err:#}); the result so far stands");
                break;
            }
        };
        // Taken where it passes more tests than the file as it stood (a function searched again restarts from its
        // text as it was, and its search may end below its earlier best).
        partial = next.report.best.passed.unwrap_or(0) > report.best.passed.unwrap_or(0);
        if partial {
            repaired_file = splice_span(current.0, next.span, &indented(&next.report.best.source, &next.target.indent));
            match bests.iter_mut().find(|(node, ..)| *node == next.node) {
                Some(entry) => entry.2 = next.report.best.clone(),
                None => bests.push((next.node, next.target.function.clone(), next.report.best.clone())),
            }
            model_search = next.model_search;
            fell_back = model_search.is_some();
        }
        report = followed_by(report, next.report, partial);
        report.test_runs += next.uncounted;
        last = next.target.name.clone();
        next_searched.push(next.target.name);
    }
    let mut group_taken = false;
    if let Some(group) = group.filter(|_| !report.repaired && report.test_runs + 2 <= args.budget) {
        eprintln!(
            "kelp: {} not repaired in {} test runs (tests passing {} -> {} of {}); searching {} together with the rest \
             of the budget",
            match next_searched.as_slice() {
                [] => format!("`{}` alone was", target.name),
                next => format!("`{}` and then `{}` were", target.name, next.join("`, `")),
            },
            report.test_runs,
            report.passed_before,
            report.best.passed.unwrap_or(0),
            report.tests,
            group.name
        );
        let runs = args.budget - report.test_runs + 1;
        // The baseline, unless the user turned the model search's fallback off.
        let baseline = !(mode == Mode::Model && args.no_fallback);
        let file = (source.as_str(), &tree);
        match search_group(&searcher, file, &group, &target.indent, &bests, runs, seconds_left().max(1.0), baseline) {
            Ok(second) => {
                // Taken where it passes more tests than the searches before (its foothold may have been left out).
                group_taken = second.repaired || second.best.passed.unwrap_or(0) > report.best.passed.unwrap_or(0);
                if group_taken && mode == Mode::Model && baseline {
                    model_search.get_or_insert_with(|| report.clone());
                    fell_back = true;
                }
                report = followed_by(report, second, group_taken);
                if group_taken {
                    repaired_file = splice_span(&source, group.span, &indented(&report.best.source, &target.indent));
                }
                grouped = Some(group.name);
            }
            Err(err) => {
                eprintln!(
                    "kelp: note: could not search {} together ({err:#}); the first search's result stands",
                    group.name
                )
            }
        }
    }
    // A repair may keep a change that a later one made needless: an earlier function's partial repair (`if not
    // -1 <= month` let a caller's `range(month)` pass 0 on, until `range(1, month)` mended the caller), or an edit
    // a climb took on its way. Each block of changed lines is undone where the file still passes every test
    // without it; the edits then counted are the tree edits from the original to what is left.
    let mut edits_left = None;
    // Only for a repair that the tests chose (not synthesis, whose start is a stub, not the file's body; not
    // model-only, where the tests run once, on the final choice).
    if report.repaired && job == Job::Repair && mode != Mode::ModelOnly && report.passed_before < report.tests {
        let budget = args.budget.saturating_sub(report.test_runs);
        let mut confirmed = 0;
        // In the pool, then under other hash seeds as a repair is (`Sandbox::confirm`): a trial that passes by one
        // set order only is not taken.
        let mut passes = |file: &str| -> anyhow::Result<bool> {
            let program = strip_asserts(file);
            if !sandbox.run(&program, &tests)?.all_passed() {
                return Ok(false);
            }
            confirmed += 1;
            Ok(sandbox.confirm(&program, &tests)?.all_passed())
        };
        match undo_needless(&source, repaired_file.clone(), budget, &mut passes) {
            Ok((file, runs, needless)) => {
                report.test_runs += runs;
                report.confirmed += confirmed;
                if needless > 0 {
                    eprintln!("kelp: {needless} part(s) of the repair not needed with the rest; undone");
                    edits_left = Some(tree_diff(&tree, &syntax::parse(file.as_str())).len());
                }
                repaired_file = file;
            }
            Err(err) => eprintln!("kelp: note: could not try the repair without its parts ({err:#}); it stands whole"),
        }
    }
    let changed = changed_functions(&tree, &repaired_file);
    // The report names what the repair changed when more than one function was searched.
    let several = grouped.is_some() || !next_searched.is_empty();
    let shown = if several && !changed.is_empty() { changed.join(", ") } else { target.name.clone() };
    let edits = match (edits_left, group_taken) {
        (Some(left), _) => left,
        (None, true) => report.best.edits.len(),
        (None, false) => bests.iter().map(|(.., best)| best.edits.len()).sum(),
    };
    let name = args.file.display().to_string();
    let relative = name.trim_start_matches('/');
    let diff = unified_diff(&source, &repaired_file, &format!("a/{relative}"), &format!("b/{relative}"));
    let nothing_to_do = report.passed_before == report.tests;
    if args.json {
        let json = serde_json::json!({
            "file": name,
            "repaired_by": repaired_by(&report, fell_back),
            "model_search": model_search,
            "function": target.name,
            "next_searched": next_searched,
            "group_searched": grouped,
            "functions_changed": changed,
            "undone_needless": edits_left.is_some(),
            "nothing_to_repair": nothing_to_do,
            "diff": diff,
            "report": report,
        });
        outln!("{}", serde_json::to_string_pretty(&json)?);
    } else if nothing_to_do {
        match report.tests {
            1 => outln!("{}: its one test already passes; nothing to repair", target.name),
            n => outln!("{}: all {n} tests already pass; nothing to repair", target.name),
        }
    } else {
        if !report.repaired && !diff.is_empty() {
            outln!("# the best candidate found; it does not pass every test:");
        }
        out!("{diff}");
        print_report(&report, &shown, edits, fell_back, job);
    }
    if report.repaired && args.in_place && !nothing_to_do {
        // The file keeps its byte-order mark, if it had one.
        let had_bom = std::fs::read(&args.file).is_ok_and(|b| b.starts_with(syntax::BOM.to_string().as_bytes()));
        let written = if had_bom { format!("{}{repaired_file}", syntax::BOM) } else { repaired_file };
        std::fs::write(&args.file, &written).with_context(|| format!("could not write {name}"))?;
        eprintln!("kelp: wrote the repair into {name}");
    }
    Ok(if report.repaired || nothing_to_do { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

impl Target {
    /// The target as a search runs it: its surroundings less their top-level asserts, which are tests, not program
    /// (else the broken function would fail at import, before any test is counted), and `tests` in its spec.
    fn tested_by(mut self, tests: &Tests) -> Target {
        self.after = strip_asserts(&self.after);
        self.before = strip_asserts(&self.before);
        self.spec.tests = Some(tests.clone());
        self
    }
}

/// What every search of one repair shares: the command's arguments, the sandbox, the model.
struct Stages<'a> {
    args: &'a RepairArgs,
    job: Job,
    sandbox: &'a Sandbox,
    checkpoint: Option<&'a Checkpoint>,
    mode: Mode,
}

/// One function's search: the searcher (for a later search to take its settings from), its report, and the model
/// search's report when the baseline fallback took over from it.
struct Searched<'a> {
    searcher: Searcher<'a>,
    report: SearchReport,
    model_search: Option<SearchReport>,
}

/// The search of the next function ([`Stages::search_next`]): the function and where it stands in the file it was
/// searched in.
struct Next {
    /// The function as searched: its text as it was in the original file.
    target: Target,
    /// Its node in the original file.
    node: u32,
    /// Its span in the file it was searched in.
    span: Span,
    report: SearchReport,
    model_search: Option<SearchReport>,
    /// Sandbox runs its report does not count: the traced run of the file that chose the function (the search's
    /// start, answered by the cache, is counted in its place unless the function starts again from its old text,
    /// when the start is a run of its own).
    uncounted: usize,
}

impl<'a> Stages<'a> {
    /// Searches `target` with `runs` test runs and `seconds`: the model's search (a slice of the time when the
    /// baseline fallback is on), then the baseline's with the rest, from the model's best program; or the
    /// baseline's alone. The baseline climbs from `footholds` too (programs of an earlier search of the function).
    /// `announce` says on stderr what is searched.
    fn search(
        &self,
        target: &Target,
        tests: &Tests,
        runs: usize,
        seconds: f64,
        announce: bool,
        footholds: &[Candidate],
    ) -> anyhow::Result<Searched<'a>> {
        let (args, mode) = (self.args, self.mode);
        let config = SearchConfig {
            mode,
            budget: Budget {
                test_runs: runs,
                model_calls: runs.saturating_mul(4),
                // With the fallback on, the model search gets a short slice of the time (it is slow and weak today).
                wall: Duration::from_secs_f64(if mode == Mode::Model && !args.no_fallback {
                    args.model_seconds.min(seconds)
                } else {
                    seconds
                }),
            },
            seed: args.seed,
            strategy: args.strategy,
            localize: !args.no_localize,
            ..SearchConfig::default()
        };
        let mut searcher = Searcher {
            sandbox: self.sandbox,
            model: self.checkpoint.map(|c| (&c.model, &c.tokenizer)),
            spec: spec_text(&target.spec),
            tests: tests.clone(),
            context: FileContext {
                before: target.before.clone(),
                after: target.after.clone(),
                indent: target.indent.clone(),
            },
            config,
        };
        let original_seconds = warn_before_search(self.sandbox, &searcher, target, self.checkpoint, &args.file)?;
        if mode == Mode::Model && !args.no_fallback {
            // Where a run is slow (tests that hang on the original, and so on most candidates, even at the search's
            // own shorter time limit), seconds buy few runs, and runs are where the model earns its place: its
            // slice grows by five runs at the original's pace, up to a third of the time.
            let slice = (args.model_seconds + 5.0 * original_seconds.unwrap_or(0.0)).min(seconds / 3.0);
            searcher.config.budget.wall = Duration::from_secs_f64(slice.max(args.model_seconds.min(seconds)));
            // A repair found as the slice ends is polished in the fallback's time, which it no longer needs.
            let rest = seconds - searcher.config.budget.wall.as_secs_f64();
            searcher.config.polish_wall = Duration::from_secs_f64(rest.clamp(0.0, POLISH_SECONDS));
        }
        if announce {
            eprintln!(
                "kelp: {} {} in {} ({} test{}, {} search, budget {} test runs)",
                match self.job {
                    Job::Repair => "repairing",
                    Job::Synth => "writing the body of",
                },
                target.name,
                args.file.display(),
                tests.len(),
                if tests.len() == 1 { "" } else { "s" },
                match mode {
                    Mode::Model => "model",
                    Mode::ModelOnly => "model-only",
                    Mode::Baseline => "baseline",
                },
                args.budget
            );
        }
        let report = searcher.run_from(&target.function, footholds)?;
        if report.stop == Stop::FailsElsewhere {
            eprintln!(
                "kelp: the tests `{}` still fails after {} test runs (passing {} -> {} of {}) never call it: the rest \
                 of the bug is elsewhere",
                target.name,
                report.test_runs,
                report.passed_before,
                report.best.passed.unwrap_or(0),
                report.tests
            );
        }
        // The fallback: today's model is weak, so when its search fails, the rest of the budget goes to the
        // baseline, and the report says which of the two found the repair.
        let failed = !report.repaired && report.stop != Stop::FailsElsewhere;
        if !(mode == Mode::Model && failed && !args.no_fallback && report.test_runs < runs) {
            return Ok(Searched { searcher, report, model_search: None });
        }
        eprintln!(
            "kelp: the model search did not repair it in {} test runs; trying the baseline with the rest of the budget",
            report.test_runs
        );
        let rest = Searcher {
            model: None,
            config: SearchConfig {
                mode: Mode::Baseline,
                budget: Budget {
                    test_runs: runs - report.test_runs + 1,
                    model_calls: 0,
                    wall: Duration::from_secs_f64((seconds - report.seconds).max(1.0)),
                },
                polish_wall: Duration::ZERO,
                ..searcher.config.clone()
            },
            ..searcher
        };
        // The model search's best program, when it makes more progress than the original, is where the baseline's
        // climb starts (besides the original and the earlier footholds).
        let mut footholds = footholds.to_vec();
        footholds.extend((!report.best.edits.is_empty()).then(|| report.best.clone()));
        let second = rest.run_from(&target.function, &footholds)?;
        Ok(Searched { searcher: rest, report: combine(report.clone(), second), model_search: Some(report) })
    }

    /// After the search of a function of the group (`last`) ended with a partial repair: the function of the group
    /// that the failing tests point at now, in `current` (the file with the repairs so far), other than `last`,
    /// searched as [`Stages::search`] does with half of the test runs `left` and its seconds. A function searched
    /// before (in `bests`, by its node in `original`) starts again from its text as it was, its best program a
    /// foothold: the partial repair that the tests took then may have stood in for another function's. `None` when
    /// no failing test runs another.
    fn search_next(
        &self,
        (source, tree): (&str, &Tree),
        original: &Tree,
        tests: &Tests,
        (group, last): (&Group, &str),
        bests: &[(u32, String, Candidate)],
        (left, seconds): (usize, f64),
    ) -> anyhow::Result<Option<Next>> {
        let candidates: Vec<Defined> =
            defined_functions(tree).into_iter().filter(|f| group.members.contains(&f.name)).collect();
        let Some(scores) = suspicions(self.sandbox, source, tests, &candidates)? else { return Ok(None) };
        let Some(next) = (0..candidates.len())
            .filter(|&i| candidates[i].name != last && scores[i] > 0.0)
            .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
        else {
            return Ok(None);
        };
        let next = &candidates[next];
        let node = defined_functions(original)
            .iter()
            .find(|f| f.name == next.name)
            .map(|f| f.node)
            .with_context(|| format!("`{}` is not in the original file", next.name))?;
        let before = bests.iter().find(|(n, ..)| *n == node);
        let uncounted = 1 + usize::from(before.is_some());
        let runs = left.saturating_sub(uncounted).div_ceil(2).max(2);
        eprintln!(
            "kelp: `{last}` not repaired; then `{}`{}, where the failing tests point now, with {runs} test runs",
            next.name,
            if before.is_some() { " again" } else { "" }
        );
        let (mut target, _) = split_file(tree, next)?;
        let mut footholds = Vec::new();
        if let Some((_, text, best)) = before {
            target.function = text.clone();
            footholds.extend((!best.edits.is_empty()).then(|| best.clone()));
        }
        let target = target.tested_by(tests);
        let Searched { report, model_search, .. } = self.search(&target, tests, runs, seconds, false, &footholds)?;
        Ok(Some(Next { node, span: tree.node(next.node).span, target, report, model_search, uncounted }))
    }
}

fn function_name(tree: &Tree, id: u32) -> Option<&str> {
    tree.children(id).find(|&c| tree.node(c).field == Some("name")).map(|c| tree.text(tree.node(c).span))
}

/// Says what would make the search hopeless or blind before it starts: tests that all fail the same way on the
/// original (often their set-up, not the bug: an import, a fixture), and a function too long for the model. A file
/// whose own top-level code never finishes loading (a server, a `while True:` loop) is bad input: no edit of the
/// function can help, unless that code calls it. Returns about what a run like the original's costs the search
/// ([`kelp::search::paced_seconds`]), when it ran.
fn warn_before_search(
    sandbox: &Sandbox,
    searcher: &Searcher,
    target: &Target,
    checkpoint: Option<&Checkpoint>,
    file: &Path,
) -> anyhow::Result<Option<f64>> {
    // Traced as the search's own first run is (with localisation), so the sandbox's cache answers that run.
    let program = searcher.context.program(&target.function);
    let job = [(program.clone(), searcher.tests.clone())];
    let traced = searcher.config.localize && searcher.config.mode != Mode::ModelOnly;
    let run = if traced { sandbox.run_many_traced(&job) } else { sandbox.run_many(&job) };
    let report = run.ok().and_then(|mut r| r.pop());
    if let Some(report) = &report
        && !report.tests.is_empty()
        && report.tests.iter().all(|t| t.outcome == Outcome::Timeout)
    {
        // Does loading the program alone, before any test, run past the limit?
        let load = [(program, Tests::Asserts(vec!["assert True".into()]))];
        let hangs = sandbox.run_many(&load).ok().and_then(|mut r| r.pop()).is_some_and(|r| r.timeouts > 0);
        let called =
            [&target.before, &target.after].iter().any(|code| code.contains(&format!("{}(", target.bare_name)));
        if hangs && !called {
            bail!(
                "{} does not finish loading: its top-level code runs past the time limit before any test (a loop, a \
                 server, a wait?), so every test times out whatever the function does; put that code under \
                 `if __name__ == \"__main__\":`",
                file.display()
            );
        }
        if hangs {
            eprintln!(
                "kelp: warning: loading {} runs past the time limit before any test; its top-level code calls `{}`, \
                 so the search goes on, but each candidate may cost the whole limit",
                file.display(),
                target.bare_name
            );
        }
    }
    if let Some(report) = &report {
        let errors: Vec<(&str, &str)> = report
            .tests
            .iter()
            .map(|t| match &t.outcome {
                Outcome::Error { kind, message, .. } => Some((kind.as_str(), message.as_str())),
                _ => None,
            })
            .collect::<Option<_>>()
            .unwrap_or_default();
        let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        if let Some(name) = errors.first().and_then(|&(kind, message)| missing_import(kind, message, &stem))
            && errors.windows(2).all(|w| w[0] == w[1])
        {
            // No edit of the function defines another top-level name: the search could only fail.
            bail!(
                "the tests import `{name}` from {} (directly, or through a module Python cannot find, which kelp takes \
                 to be the program), and it defines no `{name}` at its top level",
                file.display()
            );
        }
        if (report.tests.len() > 1 || errors.first().is_some_and(|(kind, _)| kind.ends_with("ImportError")))
            && errors.windows(2).all(|w| w[0] == w[1])
            && let Some((kind, message)) = errors.first()
        {
            eprintln!(
                "kelp: warning: every test fails on the original with {kind}: {message}\n\
                 kelp: warning: if that is not the bug, check the tests' set-up (`kelp test` shows each test)"
            );
        }
    }
    if let Some(ck) = checkpoint {
        let prefix = Prefix::new(&ck.tokenizer, &searcher.spec, &target.function);
        let limit = ck.model.config().max_position_embeddings;
        if prefix.ids.len() + 3 > limit {
            eprintln!(
                "kelp: note: `{}` with its spec is {} tokens, more than the model reads ({limit}): the model search \
                 tries the baseline's edits in the baseline's order",
                target.name,
                prefix.ids.len()
            );
        }
    }
    Ok(report.map(|r| kelp::search::paced_seconds(&r)))
}

/// The name in `ImportError: cannot import name 'X' from 'STEM' …`: a name the tests import from the program,
/// which the program lacks.
fn missing_import<'m>(kind: &str, message: &'m str, stem: &str) -> Option<&'m str> {
    let rest = message.strip_prefix("cannot import name '")?;
    let (name, rest) = rest.split_once('\'')?;
    (kind == "ImportError" && rest.starts_with(&format!(" from '{stem}'"))).then_some(name)
}

/// A function the file defines: a top-level one (decorated or not) or a method of a top-level class, named
/// `Class.method`.
struct Defined<'t> {
    node: u32,
    name: String,
    bare: &'t str,
    method: bool,
}

/// Every function and method the file defines, in file order.
fn defined_functions(tree: &Tree) -> Vec<Defined<'_>> {
    // A decorated definition's decorators stay in the file around it, unedited.
    let mut out = Vec::new();
    for top in tree.children(0).map(|c| tree.undecorated(c)) {
        match tree.node(top).kind {
            "function_definition" => {
                if let Some(bare) = function_name(tree, top) {
                    out.push(Defined { node: top, name: bare.to_string(), bare, method: false });
                }
            }
            "class_definition" => {
                let class = function_name(tree, top).unwrap_or("?");
                let Some(body) = tree.children(top).find(|&c| tree.node(c).field == Some("body")) else { continue };
                for member in tree.children(body).map(|c| tree.undecorated(c)) {
                    if tree.node(member).kind == "function_definition"
                        && let Some(bare) = function_name(tree, member)
                    {
                        out.push(Defined { node: member, name: format!("{class}.{bare}"), bare, method: true });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// The function to repair: `--function NAME` (a top-level function, `Class.method`, or a method's own name when
/// only one class has it), else the only top-level function that is not a test, else the only method of a class
/// that is not a test class. Among several, the only one the tests name (`tests_text`, else the file's own code
/// outside those functions; with a tests file, the functions it calls count as named too), else the only one with
/// doctests, else (tests that name none of them) the only one
/// the others do not call: a file with helpers beside the function its tests call needs no `--function`. Failing
/// those, the several the tests name, for a run of the tests to choose from ([`most_suspicious`]).
fn find_function<'t>(
    tree: &'t Tree,
    wanted: Option<&str>,
    file: &Path,
    tests_text: Option<&str>,
) -> anyhow::Result<Pick<'t>> {
    let mut functions = defined_functions(tree);
    let list = |fs: &[Defined]| {
        if fs.is_empty() {
            "none".to_string()
        } else {
            fs.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", ")
        }
    };
    if let Some(name) = wanted {
        let exact = functions.iter().position(|f| f.name == name);
        let methods: Vec<usize> =
            (0..functions.len()).filter(|&i| functions[i].method && functions[i].bare == name).collect();
        return match (exact, methods.as_slice()) {
            (Some(i), _) => Ok(Pick::One(functions.swap_remove(i))),
            (None, &[i]) => Ok(Pick::One(functions.swap_remove(i))),
            (None, []) => bail!("{} defines no function `{name}` (it defines: {})", file.display(), list(&functions)),
            (None, many) => bail!(
                "{} defines several methods `{name}` ({}); name one as Class.method",
                file.display(),
                many.iter().map(|&i| functions[i].name.as_str()).collect::<Vec<_>>().join(", ")
            ),
        };
    }
    let not_test = |f: &Defined| f.bare != "check" && !f.bare.starts_with("test");
    let top: Vec<usize> = (0..functions.len()).filter(|&i| !functions[i].method && not_test(&functions[i])).collect();
    let methods: Vec<usize> = (0..functions.len())
        .filter(|&i| {
            let f = &functions[i];
            f.method && not_test(f) && !f.name.starts_with("Test") && f.bare != "setUp" && f.bare != "tearDown"
        })
        .collect();
    let choice = if top.is_empty() { &methods } else { &top };
    let tested = if choice.len() > 1 { tested_functions(tree, &functions, choice, tests_text) } else { Vec::new() };
    // Tests that name none of them (`def check(candidate)`), or none given and no doctests, most likely test the one
    // the others serve: the only one that none of the others calls (`make_palindrome` beside its helper
    // `is_palindrome`).
    let (picked, why) = match tested.as_slice() {
        [one] => (Some(*one), "the one its tests call"),
        [] if choice.len() > 1 => match uncalled_functions(tree, &functions, choice).as_slice() {
            [one] => (Some(*one), "the one the others do not call"),
            _ => (None, ""),
        },
        _ => (None, ""),
    };
    if let Some(one) = picked {
        eprintln!(
            "kelp: {} defines several functions ({}); repairing `{}`, {why} (choose another with --function)",
            file.display(),
            choice.iter().map(|&i| functions[i].name.as_str()).collect::<Vec<_>>().join(", "),
            functions[one].name
        );
        return Ok(Pick::One(functions.swap_remove(one)));
    }
    match choice.as_slice() {
        [one] => Ok(Pick::One(functions.swap_remove(*one))),
        [] => bail!("{} defines no function to repair", file.display()),
        // A tests file that names several: a run of it tells which (tests that name none are not the same tests
        // for each function, `check(candidate)`; nor are a file's own tests or doctests, built around one of them).
        _ if tested.len() > 1 && tests_text.is_some() => Ok(Pick::Several(
            functions.into_iter().enumerate().filter(|(i, _)| tested.contains(i)).map(|(_, f)| f).collect(),
        )),
        many => bail!(
            "{} defines several functions ({}); choose one with --function",
            file.display(),
            many.iter().map(|&i| functions[i].name.as_str()).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// What [`find_function`] found: the function to repair, or several that only a run of the tests tells apart.
enum Pick<'t> {
    One(Defined<'t>),
    Several(Vec<Defined<'t>>),
}

/// Of several functions the tests call, the one the failing tests point at: the file as it is run against its
/// tests once, traced, and each function's lines scored as fault localisation scores lines
/// ([`part_suspicions`]). A class whose tests call several methods, or functions that call each other, needs no
/// `--function` when the tests fail in one of them. When no test fails, the first (there is nothing to repair);
/// when no failing test runs any of them, the user chooses.
///
/// Also the [`Group`] of it and the others a failing test runs beside it in its class (or at the top level), when
/// there are such others: where a second search looks when the first, of the one function, fails.
fn most_suspicious<'t>(
    sandbox: &Sandbox,
    args: &RepairArgs,
    (tree, source): (&Tree, &str),
    tests_file: Option<(&Path, &str)>,
    mut candidates: Vec<Defined<'t>>,
) -> anyhow::Result<(Defined<'t>, Option<Group>)> {
    let names = candidates.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", ");
    let (target, file_asserts) = split_file(tree, &candidates[0])?;
    let tests = find_tests(args, tests_file.map(|(_, text)| text), &target, &file_asserts)?;
    let tests = with_user_modules(tests, (&args.file, source), tests_file);
    let Some(scores) = suspicions(sandbox, source, &tests, &candidates)? else {
        return Ok((candidates.swap_remove(0), None));
    };
    // The most suspicious; of equals, one no other of them calls (the entry point, not its helper), then the first.
    let all: Vec<usize> = (0..candidates.len()).collect();
    let uncalled = uncalled_functions(tree, &candidates, &all);
    let key = |i: usize| (scores[i], uncalled.contains(&i));
    let best = (0..scores.len()).fold(0, |b, i| if key(i) > key(b) { i } else { b });
    if scores[best] <= 0.0 {
        bail!(
            "{} defines several functions ({names}) and no failing test runs any of them; choose one with --function",
            args.file.display()
        );
    }
    let runner_up = (0..scores.len()).filter(|&i| i != best).map(|i| scores[i]).fold(0.0, f64::max);
    eprintln!(
        "kelp: {} defines several functions its tests call ({names}); repairing `{}`, where the failing tests point \
         (suspicion {:.2}, next {:.2}; choose another with --function)",
        args.file.display(),
        candidates[best].name,
        scores[best],
        runner_up
    );
    let suspects: Vec<&Defined> = (0..candidates.len()).filter(|&i| scores[i] > 0.0).map(|i| &candidates[i]).collect();
    let group = Group::around(tree, &candidates[best], &suspects);
    Ok((candidates.swap_remove(best), group))
}

/// Each of `candidates`' suspicion: the file as it is run against its tests once, traced, and each function's lines
/// scored as fault localisation scores lines ([`part_suspicions`]). `None` when every test passes.
fn suspicions(
    sandbox: &Sandbox,
    source: &str,
    tests: &Tests,
    candidates: &[Defined],
) -> anyhow::Result<Option<Vec<f64>>> {
    // The program each candidate of the search runs, with the function as it is: the file less its top-level asserts.
    let program = strip_asserts(source);
    let report = sandbox
        .run_many_traced(&[(program.clone(), tests.clone())]) // the search's first run: the sandbox's cache answers it
        .context("could not run the tests to choose a function")?
        .pop()
        .context("the sandbox returned no report")?;
    if report.all_passed() {
        return Ok(None);
    }
    // Each candidate's lines in the program as run (its asserts gone, so not the file's own numbers).
    let program_tree = syntax::parse(program.as_str());
    let in_program = defined_functions(&program_tree);
    let lines = |name: &str| {
        in_program.iter().find(|f| f.name == name).map(|f| {
            let span = program_tree.node(f.node).span;
            (program_tree.line_of(span.start as usize) as u32, program_tree.line_of(span.end as usize - 1) as u32)
        })
    };
    let parts: Vec<(u32, u32)> = candidates.iter().map(|f| lines(&f.name).unwrap_or((0, 0))).collect();
    Ok(Some(part_suspicions(&report, &parts)))
}

/// Functions searched together when the searches of one function at a time fail: a class's methods, or a file's
/// top-level functions, from the first to the last that a failing test runs (and whatever lies between), as one
/// piece of code. A bug in a helper that the first search could not mend (the failing tests pointed at its caller),
/// or two bugs that each fail no test alone, are mended that way, from the earlier searches' best programs.
struct Group {
    /// From the first statement's start to the last's end (decorators included).
    span: Span,
    /// `Editor.__init__ … Editor.undo`.
    name: String,
    /// The functions a failing test runs (`Editor.delete`, `Editor.undo`), in file order.
    members: Vec<String>,
}

impl Group {
    /// The group of `chosen` and those of `suspects` beside it (the same class, or the top level); `None` when no
    /// other is beside it.
    fn around(tree: &Tree, chosen: &Defined, suspects: &[&Defined]) -> Option<Group> {
        // A decorated function's statement is its `decorated_definition`.
        let statement = |f: &Defined| match tree.node(f.node).parent {
            Some(p) if tree.node(p).kind == "decorated_definition" => p,
            _ => f.node,
        };
        let parent = tree.node(statement(chosen)).parent;
        let mut members: Vec<&Defined> =
            suspects.iter().copied().filter(|f| tree.node(statement(f)).parent == parent).collect();
        if members.len() < 2 {
            return None;
        }
        members.sort_by_key(|f| tree.node(statement(f)).span.start);
        let (first, last) = (members[0], members[members.len() - 1]);
        Some(Group {
            span: Span { start: tree.node(statement(first)).span.start, end: tree.node(statement(last)).span.end },
            name: format!("{} … {}", first.name, last.name),
            members: members.iter().map(|f| f.name.clone()).collect(),
        })
    }
}

/// Of the `choice` functions, the one a HumanEval-style check receives (`check(f)`, `def check(f)`), else those the
/// tests name (with a tests file, and the functions of `choice` those call: [`with_helpers`]): identifiers of
/// `tests_text`, or without it of the file's code outside the chosen functions (its
/// asserts and test functions); failing that, those with doctests.
fn tested_functions(tree: &Tree, functions: &[Defined], choice: &[usize], tests_text: Option<&str>) -> Vec<usize> {
    // A class's special methods are called by its name (`Cart(items)` runs `__init__`) where a tests file names it
    // (the file's own code names every class in its `class` line).
    let by_class = tests_text.is_some();
    let among = |named: &dyn Fn(&str) -> bool| -> Vec<usize> {
        let called = |f: &Defined| {
            named(f.bare)
                || (by_class
                    && f.method
                    && is_special(f.bare)
                    && f.name.split_once('.').is_some_and(|(class, _)| named(class)))
        };
        choice.iter().copied().filter(|&i| called(&functions[i])).collect()
    };
    let identifiers = |t: &Tree, outside: &[Span]| -> HashSet<String> {
        t.nodes()
            .iter()
            .filter(|n| n.kind == "identifier" && !outside.iter().any(|s| s.contains(n.span)))
            .map(|n| t.text(n.span).to_string())
            .collect()
    };
    match tests_text {
        Some(text) => {
            let tests = syntax::parse(text);
            // A HumanEval-style file says which function its check receives: `check(f)` at the top level, or
            // `def check(f)` named after it. Its body may call a helper too (`encode_cyclic` to make
            // `decode_cyclic`'s input).
            let tops: Vec<&str> = tests.children(0).map(|c| tests.text(tests.node(c).span)).collect();
            let checked = among(&|name| {
                tops.iter().any(|t| *t == format!("check({name})") || t.starts_with(&format!("def check({name})")))
            });
            if !checked.is_empty() {
                return checked;
            }
            let named = identifiers(&tests, &[]);
            with_helpers(tree, functions, choice, among(&|name| named.contains(name)))
        }
        None => {
            // The file's own code outside the candidates: its asserts and test functions.
            let candidates: Vec<Span> = choice.iter().map(|&i| tree.node(functions[i].node).span).collect();
            let named = identifiers(tree, &candidates);
            let by_name = among(&|name| named.contains(name));
            if !by_name.is_empty() {
                return by_name;
            }
            choice.iter().copied().filter(|&i| tree.text(tree.node(functions[i].node).span).contains(">>> ")).collect()
        }
    }
}

/// Those of `choice` that no other function of `choice` calls by name (a method through `self.name`), special
/// methods aside (`__init__` is called by its class's name).
fn uncalled_functions(tree: &Tree, functions: &[Defined], choice: &[usize]) -> Vec<usize> {
    choice
        .iter()
        .copied()
        .filter(|&i| {
            !is_special(functions[i].bare)
                && !choice.iter().any(|&j| j != i && calls(tree, &functions[j], functions[i].bare))
        })
        .collect()
}

/// `tested` and the functions of `choice` they call, directly or through each other (a class's `_touch`, which its
/// `get` and `put` call and no test names): a bug there fails their tests.
fn with_helpers(tree: &Tree, functions: &[Defined], choice: &[usize], mut tested: Vec<usize>) -> Vec<usize> {
    let mut i = 0;
    while i < tested.len() {
        let caller = tested[i];
        for &callee in choice {
            if !tested.contains(&callee) && calls(tree, &functions[caller], functions[callee].bare) {
                tested.push(callee);
            }
        }
        i += 1;
    }
    tested
}

/// Does `caller` call `callee` by name (a method through `self.callee`)?
fn calls(tree: &Tree, caller: &Defined, callee: &str) -> bool {
    let node = tree.node(caller.node);
    (caller.node..node.subtree_end).any(|id| {
        let n = tree.node(id);
        n.field == Some("function") && {
            let text = tree.text(n.span);
            text == callee || text.strip_prefix("self.") == Some(callee)
        }
    })
}

/// `__init__`, `__eq__`…: a method Python calls by the class's name or an operator.
fn is_special(name: &str) -> bool {
    name.len() > 4 && name.starts_with("__") && name.ends_with("__")
}

/// The function's source (a method's dedented) and its surroundings, and the file's top-level assert lines.
fn split_file(tree: &Tree, function: &Defined) -> anyhow::Result<(Target, Vec<String>)> {
    let (before, function_text, after) = tree.split_around(function.node);
    let asserts = tree
        .children(0)
        .filter(|&c| tree.node(c).kind == "assert_statement")
        .map(|c| tree.text(tree.node(c).span).to_string())
        .filter(|t| !t.contains('\n'))
        .collect();
    // A method is searched as a function at the top level: its lines lose the class's indentation, which
    // `FileContext::program` gives back.
    let line_start = syntax::line_start(&before, before.len());
    let indent = before[line_start..].to_string();
    let indent = if indent.trim().is_empty() { indent } else { String::new() };
    let function_text = if indent.is_empty() {
        function_text
    } else {
        syntax::dedent(&function_text, &indent).with_context(|| {
            format!(
                "`{}` has lines indented less than its `def` (a multi-line string?); kelp cannot lift it out",
                function.name
            )
        })?
    };
    let function_tree = syntax::parse(function_text.as_str());
    let target = Target {
        name: function.name.clone(),
        bare_name: function.bare.to_string(),
        spec: spec_of(&function_tree),
        function: function_text,
        before,
        after,
        indent,
    };
    Ok((target, asserts))
}

/// `text` less its top-level assert lines, byte for byte otherwise (`before` may end inside a line: a method's
/// indentation).
fn strip_asserts(text: &str) -> String {
    text.split_inclusive('\n').filter(|l| !(l.starts_with("assert ") || l.starts_with("assert("))).collect()
}

/// The tests: `--tests`' text (`tests_text`), else FILE's own (see the module doc).
fn find_tests(
    args: &RepairArgs,
    tests_text: Option<&str>,
    target: &Target,
    file_asserts: &[String],
) -> anyhow::Result<Tests> {
    if let (Some(path), Some(text)) = (&args.tests, tests_text) {
        return parse_tests(text, &target.function, Some(&target.bare_name))
            .with_context(|| format!("in {}", path.display()));
    }
    if !file_asserts.is_empty() {
        return Ok(Tests::Asserts(file_asserts.to_vec()));
    }
    // pytest- or unittest-style tests in FILE itself, around the function.
    let around = format!("{}\n{}", target.before, target.after);
    match parse_test_file(&around, &target.function, Some(&target.bare_name)) {
        Ok(file) => return Ok(kept(file)),
        Err(TestFileError::NoTests { .. }) => {}
        Err(e) => return Err(e).with_context(|| format!("in the tests of {}", args.file.display())),
    }
    let doctests: Vec<String> = target
        .spec
        .docstring
        .as_deref()
        .map(|d| doctest_examples(d, &target.bare_name))
        .unwrap_or_default()
        .into_iter()
        .map(|(expr, expected)| doctest_assert(&expr, &expected))
        .collect();
    if doctests.is_empty() {
        bail!(
            "no tests found for `{}`: {} has no top-level assert lines, test functions or doctests; pass --tests TESTS.py",
            target.name,
            args.file.display()
        );
    }
    Ok(Tests::Asserts(doctests))
}

/// A doctest example as one assert: the example's value against its expected output read as Python, both
/// parenthesised (`f(4) == 16` expecting `True` must not chain into `f(4) == 16 == True`); a `print(…)` example
/// by the text it prints, as doctest compares it.
fn doctest_assert(expr: &str, expected: &str) -> String {
    let printed = expr.strip_prefix("print(").and_then(|rest| rest.strip_suffix(')'));
    match printed {
        Some(args) if !["sep=", "end=", "file="].iter().any(|k| args.contains(k)) => {
            let text = expected.replace('\\', "\\\\").replace('\'', "\\'");
            format!("assert ' '.join(map(str, ({args},))) == '{text}'")
        }
        _ => format!("assert ({expr}) == ({expected})"),
    }
}

/// The function cut down to its signature, its docstring (if it has one) and `pass`, at the body's indentation:
/// where `kelp synth` starts.
fn stub(function: &str) -> anyhow::Result<String> {
    let tree = syntax::parse(function);
    let func =
        tree.children(0).find(|&c| tree.node(c).kind == "function_definition").context("no function definition")?;
    let body = tree.children(func).find(|&c| tree.node(c).field == Some("body")).context("the function has no body")?;
    let body_start = tree.node(body).span.start as usize;
    let header = &function[tree.node(func).span.start as usize..body_start];
    // The body's indentation: the whitespace before it on its line (a one-line `def f(x): return x` gets 4 spaces).
    let indent = match header.rsplit_once('\n') {
        Some((_, last)) if last.trim().is_empty() => last.to_string(),
        _ => "    ".to_string(),
    };
    // The signature and docstring as `corpus::spec_of` finds them (what the model reads as the spec).
    let spec = spec_of(&tree);
    let mut out = format!("{}\n", spec.signature);
    if spec.docstring.is_some() {
        // The docstring statement as written (quotes, prefixes and escapes kept).
        let first = tree.children(body).find(|&c| !tree.node(c).extra).context("empty body")?;
        out.push_str(&format!("{indent}{}\n", tree.text(tree.node(first).span)));
    }
    out.push_str(&format!("{indent}pass\n"));
    Ok(out)
}

/// The whole file with `span` (a function's, or a [`Group`]'s) replaced by `repaired`.
fn splice_span(source: &str, span: Span, repaired: &str) -> String {
    format!("{}{}{}", &source[..span.start as usize], repaired.trim_end_matches('\n'), &source[span.end as usize..])
}

/// Change blocks at most that [`undo_needless`] tries to undo, one test run each.
const UNDO_TRIES: usize = 6;

/// `repaired` (a file that passes every test) with each block of changed lines undone where the file still
/// `passes` without it (in file order, each tried once, with the blocks undone before it), at most `budget` tries
/// (test runs): the file, the runs and the blocks undone by them. Only where the repair changed two blocks or more (one undone is the
/// original). Blocks that change only whitespace (a method's blank lines, lifted and put back) are undone free; a
/// block that only deletes lines is not undone (what it deleted would come back as dead code where the tests pass
/// with it: `row = []` before a loop, when the repair moved it into the loop). A trial that is the original or
/// does not parse (it split a statement) costs no run.
fn undo_needless(
    source: &str,
    repaired: String,
    budget: usize,
    mut passes: impl FnMut(&str) -> anyhow::Result<bool>,
) -> anyhow::Result<(String, usize, usize)> {
    let ops = line_diff(source, &repaired);
    // Each op's block: consecutive changed lines make one; kept lines none.
    let mut block_of = Vec::with_capacity(ops.len());
    let mut blocks = 0;
    for (k, (tag, _)) in ops.iter().enumerate() {
        let starts = *tag != ' ' && (k == 0 || ops[k - 1].0 == ' ');
        blocks += usize::from(starts);
        block_of.push((*tag != ' ').then(|| blocks - 1));
    }
    let lines = |block: usize, side: char| -> Vec<&str> {
        let of_block = ops.iter().zip(&block_of).filter(|((tag, _), b)| **b == Some(block) && *tag == side);
        // Indentation is Python's syntax: only a line's trailing whitespace (all of a blank line's) is not.
        of_block.map(|((_, line), _)| line.trim_end()).collect()
    };
    let file = |undone: &[usize]| -> String {
        let keep = |tag: char, block: Option<usize>| match block {
            Some(b) if undone.contains(&b) => tag == '-',
            _ => tag != '-',
        };
        ops.iter().zip(&block_of).filter(|((tag, _), b)| keep(*tag, **b)).map(|((_, line), _)| *line).collect()
    };
    let (mut undone, real): (Vec<usize>, Vec<usize>) = (0..blocks).partition(|&b| lines(b, '-') == lines(b, '+'));
    let (mut runs, mut needless) = (0, 0);
    for &block in real.iter().filter(|&&b| real.len() >= 2 && !lines(b, '+').is_empty()) {
        if runs >= UNDO_TRIES.min(budget) {
            break;
        }
        let trial: Vec<usize> = undone.iter().copied().chain([block]).collect();
        let candidate = file(&trial);
        if candidate == source || syntax::parse(candidate.as_str()).has_error() {
            continue;
        }
        runs += 1;
        if passes(&candidate)? {
            undone = trial;
            needless += 1;
        }
    }
    Ok((if undone.is_empty() { repaired } else { file(&undone) }, runs, needless))
}

/// The functions (`f`, `Class.method`) whose text differs between the file (`tree`) and `repaired`, in file order.
fn changed_functions(tree: &Tree, repaired: &str) -> Vec<String> {
    let new_tree = syntax::parse(repaired);
    let new = defined_functions(&new_tree);
    defined_functions(tree)
        .iter()
        .filter(|f| {
            // Lines compared without their trailing whitespace (a lifted method's blank lines come back empty).
            fn lines(t: &str) -> Vec<&str> {
                t.lines().map(str::trim_end).collect()
            }
            let text = lines(tree.text(tree.node(f.node).span));
            !new.iter().any(|g| g.name == f.name && lines(new_tree.text(new_tree.node(g.node).span)) == text)
        })
        .map(|f| f.name.clone())
        .collect()
}

/// The last search when one function's (and the next's) failed: the [`Group`] as one piece of code, from the
/// original, with the earlier searches' best programs as one foothold (each function's, its edits moved to where
/// it stands in the piece), with `runs` test runs (the original's, answered by the cache, among them) and
/// `seconds`. `bests` holds each searched function's node in `tree`, its text as searched, and its best program.
/// By the baseline when `baseline` (a model reads one function, and only the baseline climbs from a foothold),
/// else in the first's mode.
#[allow(clippy::too_many_arguments)]
fn search_group(
    first: &Searcher,
    (source, tree): (&str, &Tree),
    group: &Group,
    indent: &str,
    bests: &[(u32, String, Candidate)],
    runs: usize,
    seconds: f64,
    baseline: bool,
) -> anyhow::Result<SearchReport> {
    let (start, end) = (group.span.start as usize, group.span.end as usize);
    // As `split_file` lifts a function out: a method's text dedented; at the top level as it stands, less the
    // top-level asserts between the functions (tests, not program: they would fail every candidate at import).
    let lift = |text: &str| match indent.is_empty() {
        true => Ok(strip_asserts(text)),
        false => syntax::dedent(text, indent)
            .with_context(|| format!("{} has lines indented less than its first (a multi-line string?)", group.name)),
    };
    let piece = format!("{}\n", lift(&source[start..end])?);
    let after = &source[end..];
    let context = FileContext {
        before: strip_asserts(&source[..start]),
        after: strip_asserts(after.strip_prefix('\n').unwrap_or(after)),
        indent: indent.to_string(),
    };
    // Where each function with a better program starts in the piece: the lifted text before it (its `def` line's
    // indentation dropped).
    let mut found = Vec::new();
    for (node, function, best) in bests.iter().filter(|(_, _, best)| !best.edits.is_empty()) {
        let offset = lift(&source[start..tree.node(*node).span.start as usize])?.len();
        let function = function.trim_end_matches('\n');
        if piece[offset..].starts_with(function) {
            found.push((offset, function.len(), best));
        }
    }
    found.sort_by_key(|&(offset, ..)| offset);
    let mut footholds = Vec::new();
    if let Some(&(.., last)) = found.last() {
        // The piece with each best program in its function's place; each edit addresses the program before it, so
        // a function's edits move to where it stands after the functions before it were changed.
        let (mut text, mut edits, mut at) = (String::new(), Vec::new(), 0);
        for &(offset, len, best) in &found {
            text.push_str(&piece[at..offset]);
            let moved = text.len() as u32;
            edits.extend(best.edits.iter().map(|e| Edit {
                span: Span { start: e.span.start + moved, end: e.span.end + moved },
                replacement: e.replacement.clone(),
            }));
            text.push_str(best.source.trim_end_matches('\n'));
            at = offset + len;
        }
        text.push_str(&piece[at..]);
        footholds.push(Candidate { source: text, edits, ..last.clone() });
    }
    let searcher = Searcher {
        sandbox: first.sandbox,
        model: if baseline { None } else { first.model },
        spec: first.spec.clone(),
        tests: first.tests.clone(),
        context,
        config: SearchConfig {
            mode: if baseline { Mode::Baseline } else { first.config.mode },
            budget: Budget {
                test_runs: runs,
                model_calls: if baseline { 0 } else { runs.saturating_mul(4) },
                wall: Duration::from_secs_f64(seconds),
            },
            polish_wall: Duration::ZERO,
            ..first.config.clone()
        },
    };
    Ok(searcher.run_from(&piece, &footholds)?)
}

/// A search's report followed by the next's (the model search's by the baseline fallback's, one function's by its
/// group's): counts add up, the later result stands.
fn combine(model: SearchReport, baseline: SearchReport) -> SearchReport {
    SearchReport {
        candidates: model.candidates + baseline.candidates,
        duplicates: model.duplicates + baseline.duplicates,
        // The broken program's run is not repeated in spirit: the sandbox cache answers it.
        test_runs: model.test_runs + baseline.test_runs - 1,
        test_runs_to_repair: baseline.test_runs_to_repair.map(|n| n + model.test_runs - 1),
        reruns: model.reruns + baseline.reruns,
        confirmed: model.confirmed + baseline.confirmed,
        unconfirmed: model.unconfirmed + baseline.unconfirmed,
        model_calls: model.model_calls + baseline.model_calls,
        rejected: model.rejected + baseline.rejected,
        seconds: model.seconds + baseline.seconds,
        // The original program's: a later search may start from an earlier one's best (the next function's).
        passed_before: model.passed_before,
        ..baseline
    }
}

/// [`combine`] where the later search's result is `taken`; else the counts add up and the earlier's best program
/// stands (the later found nothing better than its start).
fn followed_by(first: SearchReport, later: SearchReport, taken: bool) -> SearchReport {
    if taken {
        return combine(first, later);
    }
    let best = first.best.clone();
    SearchReport { best, repaired: false, test_runs_to_repair: None, ..combine(first, later) }
}

fn repaired_by(report: &SearchReport, fell_back: bool) -> Option<&'static str> {
    match (report.repaired, fell_back, report.mode) {
        (false, _, _) => None,
        (true, true, _) => Some("baseline fallback"),
        (true, false, Mode::Baseline) => Some("baseline"),
        (true, false, _) => Some("model"),
    }
}

/// `edits`: the edits applied, in every function searched.
fn print_report(report: &SearchReport, name: &str, edits: usize, fell_back: bool, job: Job) {
    let (done, not_done) = match job {
        Job::Repair => ("repaired", "not repaired"),
        Job::Synth => ("written", "not written"),
    };
    let verdict = match repaired_by(report, fell_back) {
        Some("baseline fallback") => format!("{done} by the baseline fallback, after the model search failed"),
        Some(_) => format!("{done} ({} search)", if report.mode == Mode::Baseline { "baseline" } else { "model" }),
        None if fell_back => format!("{not_done} (model, then baseline search)"),
        None => format!(
            "{not_done} ({} search)",
            match report.mode {
                Mode::Model => "model",
                Mode::ModelOnly => "model-only",
                Mode::Baseline => "baseline",
            }
        ),
    };
    let stop = serde_json::to_value(report.stop).ok().and_then(|v| v.as_str().map(String::from)).unwrap_or_default();
    outln!(
        "{name}: {verdict}: tests passing {}/{} -> {}/{}",
        report.passed_before,
        report.tests,
        report.best.passed.unwrap_or(0),
        report.tests
    );
    outln!(
        "edits applied {}, candidates tried {}, test runs {}, model calls {} ({} rejected by the constrained \
         decoder), {:.2} s, stopped: {stop}",
        edits,
        report.candidates,
        report.test_runs,
        report.model_calls,
        report.rejected,
        report.seconds
    );
    if report.unconfirmed > 0 {
        outln!(
            "{} of {} programs that passed every test failed when run again under other string-hash seeds (their \
             result hangs on the order of a set or dict of strings): not counted as repairs",
            report.unconfirmed,
            report.confirmed
        );
    }
    if let Some(polish) = report.polish.as_ref().filter(|p| p.runs > 0) {
        let mut found = Vec::new();
        if polish.fewer_edits {
            found.push(format!("a one-edit repair replaced the first, of {} edits", polish.edits_before));
        }
        if polish.tidier {
            found.push("a tidier one-edit repair on the same line replaced it".to_string());
        }
        if polish.simplified {
            found.push("code like `n - 0` or `y - y` simplified".to_string());
        }
        if found.is_empty() {
            found.push(format!("no smaller or tidier repair than the first ({} edits)", polish.edits_before));
        }
        outln!("polished in {} more test runs after the first repair: {}", polish.runs, found.join("; "));
    }
}

/// Do two paths name one file (after resolving links and `..`)?
fn same_file(a: &Path, b: &Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

#[cfg(test)]
mod tests {
    use super::{doctest_assert, stub, undo_needless};

    /// A block of changed lines goes where the file passes without it; one the tests need stays; each costs a try.
    #[test]
    fn needless_changes_are_undone_block_by_block() {
        let original =
            "def f(m):\n    if m < 1:\n        raise ValueError\n    return m\n\ndef g(n):\n    return f(n)\n";
        let repaired =
            "def f(m):\n    if m < -1:\n        raise ValueError\n    return m + 1\n\ndef g(n):\n    return f(n + 1)\n";
        // The tests need `m + 1` and `f(n + 1)`; `m < -1` is needless.
        let passes = |file: &str| Ok(file.contains("return m + 1") && file.contains("f(n + 1)"));
        let mut tries = Vec::new();
        let (file, runs, needless) = undo_needless(original, repaired.to_string(), 10, |f: &str| {
            tries.push(f.to_string());
            passes(f)
        })
        .unwrap();
        assert_eq!(file, repaired.replace("m < -1", "m < 1"));
        // Three blocks (the unchanged `raise` line parts the first two), one try each; one undone.
        assert_eq!((runs, tries.len(), needless), (3, 3, 1));
        // Within the budget only; one block alone is the whole repair, never undone.
        assert_eq!(undo_needless(original, repaired.to_string(), 0, passes).unwrap().1, 0);
        let one = original.replace("return f(n)", "return f(n + 1)");
        assert_eq!(undo_needless(original, one.clone(), 10, |_: &str| Ok(true)).unwrap(), (one, 0, 0));
        // A deletion stays: what it deleted would come back as dead code (a line moved into a loop).
        let moved = "def f(m):\n    for i in m:\n        out = []\n        out.append(i)\n    return m\n";
        let moved_from = "def f(m):\n    out = []\n    for i in m:\n        out.append(i)\n    return m\n";
        let binds = |f: &str| Ok(f.contains("out = []"));
        assert_eq!(undo_needless(moved_from, moved.to_string(), 10, binds).unwrap(), (moved.to_string(), 1, 0));
        // Whitespace comes back free, and is no block of the repair's: one real block is the whole repair.
        let spaced = "def f(m):\n    a = 1\n    \n    b = 2\n    return m\n";
        let lifted = "def f(m):\n    a = 1\n\n    b = 2\n    return m + 1\n";
        let (file, runs, needless) = undo_needless(spaced, lifted.to_string(), 10, |_: &str| Ok(true)).unwrap();
        assert_eq!((file, runs, needless), (spaced.replace("return m", "return m + 1"), 0, 0));
        // Indentation is no whitespace to undo: a statement moved out of a loop is a repair of its own.
        let nested = "def f(m):\n    for x in m:\n        x += 1\n        check(m)\n    return m\n";
        let moved = nested.replace("        check(m)", "    check(m)");
        assert_eq!(undo_needless(nested, moved.clone(), 10, |_: &str| Ok(true)).unwrap(), (moved, 0, 0));
        // A trial that is the original costs no run: with the first block undone, undoing the second is the original.
        let two =
            "def f(m):\n    if m < -1:\n        raise ValueError\n    return m + 1\n\ndef g(n):\n    return f(n)\n";
        let (file, runs, needless) = undo_needless(original, two.to_string(), 10, |_: &str| Ok(true)).unwrap();
        assert_eq!((file.as_str(), runs, needless), (two.replace("m < -1", "m < 1").as_str(), 1, 1));
    }

    /// Doctests as doctest reads them: a comparison expecting `True`, a printed value, a repr, all pass on the
    /// right function and fail on a wrong one (checked in CPython).
    #[test]
    fn doctests_become_asserts_that_mean_what_doctest_means() {
        let examples = [
            ("area(4) == 16", "True"),
            ("area(4) < 1", "False"),
            ("print(area(1.5))", "2.25"),
            ("print('side', area(2))", "side 4"),
            ("print(name(3))", "it's a\\b"),
            ("area(3)", "9"),
            ("name(1)", "\"it's a\\\\b\""),
        ];
        let asserts: Vec<String> = examples.iter().map(|(e, w)| doctest_assert(e, w)).collect();
        assert_eq!(asserts[0], "assert (area(4) == 16) == (True)");
        let run = |area: &str| {
            let script = format!("def area(x):\n    return {area}\n\ndef name(x):\n    return \"it's a\\\\b\"\n\n");
            asserts
                .iter()
                .map(|a| {
                    let program = format!("{script}{a}\n");
                    let status = std::process::Command::new("python3").args(["-c", &program]).status().unwrap();
                    status.success()
                })
                .collect::<Vec<bool>>()
        };
        assert_eq!(run("x * x"), [true; 7]);
        assert_eq!(run("x * 2"), [false, true, false, true, true, false, true]);
    }

    #[test]
    fn stubs_keep_the_signature_and_docstring_only() {
        let documented = "def f(a, b=2):\n    r'''Sum of a and b.'''\n    c = a + b\n    return c\n";
        assert_eq!(stub(documented).unwrap(), "def f(a, b=2):\n    r'''Sum of a and b.'''\n    pass\n");
        let one_line = "def g(x): return x * 2\n";
        assert_eq!(stub(one_line).unwrap(), "def g(x):\n    pass\n");
        let tabs = "def h(\n    x,\n) -> int:\n\tif x:\n\t\treturn 1\n\treturn 0\n";
        assert_eq!(stub(tabs).unwrap(), "def h(\n    x,\n) -> int:\n\tpass\n");
        assert!(stub("x = 1\n").is_err());
    }
}
