//! `kelp eval-repair`: execution-guided repair on the ten toy evaluation tasks (issue 7's acceptance table).
//!
//! Each task is corrupted with k = 1, 2, 3 mutations (the forward process, bank harvested from the toy set), seed
//! after seed until `--seeds` corruptions per (task, k) fail at least one test (a corruption that still passes
//! needs no repair). Each corruption is searched once at the largest budget; it counts as repaired at budget b
//! when its first repairing candidate came within b test runs (the broken program's own run included): the
//! search does not depend on its budget, so one run answers every budget. Model search and the baseline run on
//! the same corruptions, with fault localisation (unless `--no-localize`) and without it (the blind baseline). One
//! Markdown table on stdout, progress on stderr.
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use kelp::corpus::{Split, toy_tasks};
use kelp::exec::{Sandbox, validate};
use kelp::model::Checkpoint;
use kelp::model::decode::spec_text;
use kelp::noise::{Mutator, MutatorConfig, SubtreeBank};
use kelp::search::{Budget, Mode, SearchConfig, Searcher, Strategy};
use kelp::syntax;

use super::repair::{RUN_TIMEOUT, TEST_TIMEOUT, sandbox_config};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

#[derive(clap::Args)]
pub struct EvalRepairArgs {
    /// Checkpoint directory; without one (or with --baseline-only) only the baseline runs.
    #[arg(long, default_value = "models/default")]
    checkpoint: PathBuf,
    #[arg(long)]
    baseline_only: bool,
    /// Corruptions per task and k.
    #[arg(long, default_value_t = 10)]
    seeds: u64,
    /// Mutations per corruption (repeatable).
    #[arg(long = "k", default_values_t = [1, 2, 3])]
    ks: Vec<usize>,
    /// Budgets in test runs at which repair rates are reported (the largest is searched).
    #[arg(long = "budget", default_values_t = [10, 100, 1000])]
    budgets: Vec<usize>,
    /// How the model search explores edits.
    #[arg(long, value_enum, default_value = "best-first")]
    strategy: Strategy,
    /// Wall-clock limit per model search, in seconds.
    #[arg(long, default_value_t = 30.0)]
    max_seconds: f64,
    /// No fault localisation for the model search and the localised baseline (the blind random-order baseline
    /// always runs).
    #[arg(long)]
    no_localize: bool,
    /// Also write every trial as one JSON line to this file: task, k, seed, search, the broken program, the
    /// final candidate, the run that first repaired it, whether it equals the clean program.
    #[arg(long, value_name = "PATH")]
    trials: Option<PathBuf>,
}

#[derive(Default)]
struct Row {
    trials: usize,
    runs_to_repair: Vec<usize>,
    exact: usize,
    model_calls: u64,
    rejected: u64,
    finals: Vec<String>,
}

pub fn run(args: EvalRepairArgs) -> anyhow::Result<ExitCode> {
    let max_budget = args.budgets.iter().copied().max().unwrap_or(1000);
    let checkpoint = if args.baseline_only {
        None
    } else {
        Some(Checkpoint::load(&args.checkpoint).context("pass --baseline-only to evaluate the baseline alone")?)
    };
    let tasks: Vec<_> = toy_tasks().into_iter().filter(|t| t.split == Split::Eval).collect();
    let all_trees: Vec<_> = toy_tasks().iter().map(|t| syntax::parse(t.source.as_str())).collect();
    let bank = SubtreeBank::harvest(&all_trees, 16);
    let mutator = Mutator::new(&bank, MutatorConfig::default());
    let sandbox = Sandbox::new(sandbox_config(RUN_TIMEOUT, TEST_TIMEOUT)).context("could not start the sandbox")?;
    // The searches compared: (row name, mode, fault localisation). The blind random-order baseline is the issue's.
    let localize = !args.no_localize;
    let mut modes = Vec::new();
    if checkpoint.is_some() {
        modes.push((if localize { "model + localisation" } else { "model" }, Mode::Model, localize));
    }
    if localize {
        modes.push(("baseline + localisation", Mode::Baseline, true));
    }
    modes.push(("baseline", Mode::Baseline, false));
    // rows[mode][k]
    let mut rows: Vec<Vec<Row>> = modes.iter().map(|_| args.ks.iter().map(|_| Row::default()).collect()).collect();
    let mut trials_out = match &args.trials {
        Some(path) => Some(std::io::BufWriter::new(
            std::fs::File::create(path).with_context(|| format!("could not create {}", path.display()))?,
        )),
        None => None,
    };
    for task in &tasks {
        let clean = syntax::parse(task.source.as_str());
        let Some(tests) = task.spec.tests.clone() else { continue };
        for (ki, &k) in args.ks.iter().enumerate() {
            let mut found = 0;
            let mut seed = 0u64;
            while found < args.seeds && seed < args.seeds * 4 {
                let mut rng = ChaCha8Rng::seed_from_u64(seed * 1000 + k as u64);
                seed += 1;
                let Some(corruption) = mutator.corrupt(&clean, k, &mut rng) else { continue };
                let broken = corruption.tree.source().to_string();
                if sandbox.run(&broken, &tests)?.all_passed() {
                    continue;
                }
                found += 1;
                for (mi, &(name, mode, localize)) in modes.iter().enumerate() {
                    let searcher = Searcher {
                        sandbox: &sandbox,
                        model: checkpoint.as_ref().map(|c| (&c.model, &c.tokenizer)),
                        spec: spec_text(&task.spec),
                        tests: tests.clone(),
                        context: Default::default(),
                        config: SearchConfig {
                            mode,
                            budget: Budget {
                                test_runs: max_budget,
                                model_calls: max_budget * 4,
                                wall: Duration::from_secs_f64(args.max_seconds),
                            },
                            seed,
                            strategy: args.strategy,
                            localize,
                            ..SearchConfig::default()
                        },
                    };
                    let report = searcher.run(&broken)?;
                    let row = &mut rows[mi][ki];
                    row.trials += 1;
                    row.model_calls += report.model_calls;
                    row.rejected += report.rejected;
                    row.finals.push(report.best.source.clone());
                    let exact = report.test_runs_to_repair.is_some()
                        && syntax::parse(report.best.source.as_str()).normalised() == clean.normalised();
                    if let Some(n) = report.test_runs_to_repair {
                        row.runs_to_repair.push(n);
                        row.exact += usize::from(exact);
                    }
                    if let Some(out) = trials_out.as_mut() {
                        let line = serde_json::json!({
                            "task": task.id, "k": k, "seed": seed - 1, "search": name,
                            "broken": broken, "final": report.best.source,
                            "repaired_at_run": report.test_runs_to_repair, "exact": exact,
                            "test_runs": report.test_runs, "model_calls": report.model_calls,
                        });
                        writeln!(out, "{line}")?;
                    }
                    let outcome = match report.test_runs_to_repair {
                        Some(n) => format!("repaired at run {n}"),
                        None => "not repaired".to_string(),
                    };
                    eprintln!(
                        "{} k={k} seed={} {name}: {outcome}, {} runs in all, {} model calls, {:.1} s",
                        task.id,
                        seed - 1,
                        report.test_runs,
                        report.model_calls,
                        report.seconds
                    );
                }
            }
        }
    }
    let mut header = "| search | k | trials |".to_string();
    let mut rule = "|---|---:|---:|".to_string();
    for b in &args.budgets {
        header.push_str(&format!(" repaired ≤{b} runs |"));
        rule.push_str("---:|");
    }
    header.push_str(" median runs to repair | exact (of repairs) | model calls | rejected proposals | valid finals |");
    rule.push_str("---:|---:|---:|---:|---:|");
    outln!("{header}\n{rule}");
    for (mi, (name, ..)) in modes.iter().enumerate() {
        for (ki, k) in args.ks.iter().enumerate() {
            let row = &rows[mi][ki];
            let mut line = format!("| {name} | {k} | {} |", row.trials);
            for &b in &args.budgets {
                let n = row.runs_to_repair.iter().filter(|&&r| r <= b).count();
                line.push_str(&format!(" {} |", pct(n, row.trials)));
            }
            let mut runs = row.runs_to_repair.clone();
            runs.sort_unstable();
            let median = runs.get(runs.len() / 2).map_or("–".to_string(), |m| m.to_string());
            let valid = validate(&row.finals)?.iter().filter(|v| v.ok).count();
            line.push_str(&format!(
                " {median} | {} | {} | {} | {} |",
                pct(row.exact, row.runs_to_repair.len()),
                row.model_calls,
                if row.model_calls == 0 {
                    "–".to_string()
                } else {
                    pct(row.rejected as usize, row.model_calls as usize)
                },
                pct(valid, row.finals.len())
            ));
            outln!("{line}");
        }
    }
    if let Some(mut out) = trials_out {
        out.flush()?;
    }
    Ok(ExitCode::SUCCESS)
}

fn pct(n: usize, of: usize) -> String {
    if of == 0 { "–".to_string() } else { format!("{:.0}%", 100.0 * n as f64 / of as f64) }
}
