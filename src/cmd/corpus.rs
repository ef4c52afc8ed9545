//! `kelp corpus …`: build a training corpus and describe it.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use kelp::corpus::{
    Corpus, CorpusConfig, CorpusStats, HoldOut, SynthConfig, SynthReport, Task, TestPolicy, TestWriteReport,
    check_tests, load_jsonl, load_shards, synthesize, write_shards, write_tests,
};
use kelp::exec::{ProbeConfig, Sandbox, SandboxConfig};
use kelp::noise::SubtreeBank;
use rand::SeedableRng;
use rand::seq::SliceRandom;
use serde::Serialize;

#[derive(clap::Subcommand)]
pub enum CorpusCommand {
    /// Print counts by source, a size histogram, node-kind frequencies and tests per task.
    Stats {
        #[command(flatten)]
        sources: CorpusArgs,
        /// Describe a corpus directory written by `kelp corpus build` instead of harvesting sources.
        #[arg(long, value_name = "DIR")]
        tasks: Option<PathBuf>,
        /// Print JSON instead of Markdown tables.
        #[arg(long)]
        json: bool,
    },
    /// Build the task corpus: harvested functions (with tests written for those that can have them) and synthetic
    /// tasks with tests, evaluation sets held out, as JSONL shards plus summary.json.
    Build(BuildArgs),
    /// Check a built corpus's tests on a sample: clean functions must pass them, and one-mutation corruptions
    /// (the forward process, k = 1) should fail them. Exit 1 if a clean function fails its tests.
    Check {
        /// A corpus directory written by `kelp corpus build`.
        #[arg(long, value_name = "DIR")]
        tasks: PathBuf,
        /// Tasks with tests to check, drawn at random (all of them if fewer).
        #[arg(long, default_value_t = 2000)]
        sample: usize,
        /// Seed of the sample and of the corruptions.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Only tasks of this origin (`synthetic`, `stdlib`, `toy`, …).
        #[arg(long)]
        origin: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(clap::Args)]
pub struct BuildArgs {
    /// Output directory (created if missing): tasks-00000.jsonl, … and summary.json.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Number of synthetic tasks to generate.
    #[arg(long, default_value_t = 100_000)]
    synthetic: usize,
    /// Seed of the synthetic generator and of input sampling.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Do not write tests for harvested functions.
    #[arg(long)]
    no_real_tests: bool,
    /// Argument lists sampled per harvested function (more give more functions tests: 256 → 1024 took the
    /// standard library from 716 to 741 tested functions, for 35 s more).
    #[arg(long, default_value_t = 1024)]
    samples: usize,
    /// Tasks per shard file.
    #[arg(long, default_value_t = 50_000)]
    shard_size: usize,
    /// Sandbox workers (default: one per core).
    #[arg(long)]
    workers: Option<usize>,
    #[command(flatten)]
    sources: CorpusArgs,
}

/// Which sources make up the training corpus (shared by `corpus stats` and `data`).
#[derive(clap::Args, Debug, Clone)]
pub struct CorpusArgs {
    /// Do not harvest the Python standard library (found with `python3 -c 'import sysconfig; …'`).
    #[arg(long)]
    pub no_stdlib: bool,
    /// Do not include the toy set's five training programs.
    #[arg(long)]
    pub no_toy: bool,
    /// Also harvest functions from the `.py` files under this directory (repeatable).
    #[arg(long = "dir", value_name = "DIR")]
    pub dirs: Vec<PathBuf>,
    /// Also read tasks from this JSONL file (repeatable); see `kelp::corpus::load_jsonl` for the format.
    #[arg(long = "jsonl", value_name = "FILE")]
    pub jsonl: Vec<PathBuf>,
    /// Also hold out every task of this JSONL file (repeatable), besides the toy evaluation tasks and HumanEval.
    #[arg(long = "hold-out", value_name = "FILE")]
    pub hold_out: Vec<PathBuf>,
}

impl CorpusArgs {
    /// Every evaluation set: the toy evaluation tasks, HumanEval, and the `--hold-out` files.
    pub fn hold_out(&self) -> anyhow::Result<HoldOut> {
        let mut hold_out = HoldOut::evaluation_sets();
        for path in &self.hold_out {
            let tasks = load_jsonl(path).with_context(|| format!("reading the hold-out file {}", path.display()))?;
            hold_out.extend(&tasks);
        }
        Ok(hold_out)
    }

    /// Loads, deduplicates and removes the evaluation hold-out, reporting skipped files on stderr.
    pub fn build(&self) -> anyhow::Result<Corpus> {
        let config = CorpusConfig {
            toy: !self.no_toy,
            stdlib: !self.no_stdlib,
            directories: self.dirs.clone(),
            jsonl: self.jsonl.clone(),
            ..CorpusConfig::default()
        };
        if !config.toy && !config.stdlib && config.directories.is_empty() && config.jsonl.is_empty() {
            anyhow::bail!("no corpus source selected; drop --no-stdlib/--no-toy or add --dir DIR or --jsonl FILE");
        }
        let corpus = Corpus::build(&config, &self.hold_out()?).context("building the corpus")?;
        let r = &corpus.report;
        let skipped: Vec<String> = r.skipped_by_reason().iter().map(|(why, n)| format!("{n} {why}")).collect();
        eprintln!(
            "kelp: read {} files (skipped {}: {}), kept {} functions: {} duplicates, {} held-out and {} invalid removed",
            r.files_read,
            r.skipped_total(),
            if skipped.is_empty() { "none".to_string() } else { skipped.join(", ") },
            corpus.tasks.len(),
            r.duplicates,
            r.held_out,
            r.invalid
        );
        Ok(corpus)
    }
}

pub fn run(command: CorpusCommand) -> anyhow::Result<ExitCode> {
    match command {
        CorpusCommand::Build(args) => build(args),
        CorpusCommand::Check { tasks, sample, seed, origin, json } => {
            check(&tasks, sample, seed, origin.as_deref(), json)
        }
        CorpusCommand::Stats { sources, tasks, json } => {
            let tasks = match tasks {
                Some(dir) => load_shards(&dir).with_context(|| format!("reading the corpus in {}", dir.display()))?,
                None => sources.build()?.tasks,
            };
            let stats = CorpusStats::of(&tasks);
            if json {
                outln!("{}", serde_json::to_string_pretty(&stats)?);
            } else {
                out!("{stats}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What `kelp corpus build` did, written to summary.json.
#[derive(Serialize)]
struct BuildSummary {
    tasks: usize,
    shards: Vec<String>,
    seed: u64,
    harvested: usize,
    real_tests: Option<TestWriteReport>,
    real_tests_seconds: f64,
    synthetic: SynthReport,
    synthetic_per_second: f64,
    workers: usize,
    stats: CorpusStats,
}

fn build(args: BuildArgs) -> anyhow::Result<ExitCode> {
    if args.shard_size == 0 || args.samples == 0 {
        anyhow::bail!("--shard-size and --samples must be at least 1");
    }
    let workers = args.workers.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    if workers == 0 {
        anyhow::bail!("--workers must be at least 1");
    }
    let hold_out = args.sources.hold_out()?;
    let no_sources =
        args.sources.no_stdlib && args.sources.no_toy && args.sources.dirs.is_empty() && args.sources.jsonl.is_empty();
    let mut tasks = if no_sources { Vec::new() } else { args.sources.build()?.tasks };
    let harvested = tasks.len();
    let sandbox = Sandbox::new(SandboxConfig {
        workers,
        timeout: Duration::from_secs(10),
        cpu_seconds: 10,
        cache_capacity: 0,
        ..SandboxConfig::default()
    })
    .context("could not start the sandbox")?;
    if !sandbox.isolation().complete() {
        for note in &sandbox.isolation().notes {
            eprintln!("kelp: warning: {note}");
        }
    }
    let mut real_tests = None;
    let started = Instant::now();
    if !args.no_real_tests && harvested > 0 {
        eprintln!("kelp: writing tests for harvested functions …");
        let report = write_tests(
            &sandbox,
            &mut tasks,
            &TestPolicy::harvested(),
            &ProbeConfig { batch: 16, ..ProbeConfig::default() },
            args.samples,
            args.seed,
        )?;
        eprintln!(
            "kelp: {} of {} functions and methods now have tests ({} of {} methods that use their self/cls, called on a fresh instance or the class; {} with doctests, {} made standalone by definitions before them, {} tests) in {:.1}s; left without: {}",
            report.tested,
            report.candidates,
            report.methods,
            report.method_candidates,
            report.with_doctests,
            report.with_imports,
            report.tests,
            started.elapsed().as_secs_f64(),
            format_counts(&report.rejected)
        );
        real_tests = Some(report);
    }
    let real_tests_seconds = started.elapsed().as_secs_f64();
    let bar = ProgressBar::new(args.synthetic as u64).with_style(
        ProgressStyle::with_template("{spinner} {bar:40} {pos}/{len} synthetic tasks {per_sec} ETA {eta} {msg}")
            .expect("valid template"),
    );
    let config = SynthConfig { seed: args.seed, ..SynthConfig::default() };
    let max_candidates = (args.synthetic as u64).saturating_mul(20).max(10_000);
    let (synthetic, report) = synthesize(&sandbox, &config, args.synthetic, max_candidates, &hold_out, |r| {
        bar.set_position(r.kept);
        bar.set_message(format!("({} candidates)", r.candidates));
    })?;
    bar.finish_and_clear();
    let rate = report.kept as f64 / report.seconds.max(1e-9);
    eprintln!(
        "kelp: {} synthetic tasks from {} candidates in {:.1}s ({:.0} tasks/s, {:.0} candidates/s, {} workers); rejected {} ({:.1}%): {}",
        report.kept,
        report.candidates,
        report.seconds,
        rate,
        report.candidates as f64 / report.seconds.max(1e-9),
        workers,
        report.rejected_total(),
        100.0 * report.rejected_total() as f64 / report.candidates.max(1) as f64,
        format_shares(&report.rejected, report.candidates)
    );
    tasks.extend(synthetic);
    let shards = write_shards(&args.out, &tasks, args.shard_size)?;
    let stats = CorpusStats::of(&tasks);
    let summary = BuildSummary {
        tasks: tasks.len(),
        shards,
        seed: args.seed,
        harvested,
        real_tests,
        real_tests_seconds,
        synthetic: report,
        synthetic_per_second: rate,
        workers,
        stats,
    };
    let path = args.out.join("summary.json");
    std::fs::write(&path, serde_json::to_string_pretty(&summary)? + "\n")
        .with_context(|| format!("writing {}", path.display()))?;
    outln!(
        "wrote {} tasks in {} shard(s) to {} ({} harvested, {} with tests; {} synthetic)",
        summary.tasks,
        summary.shards.len(),
        args.out.display(),
        harvested,
        summary.real_tests.as_ref().map_or(0, |r| r.tested),
        summary.synthetic.kept
    );
    Ok(if summary.synthetic.kept as usize >= args.synthetic { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn format_counts(counts: &std::collections::BTreeMap<String, usize>) -> String {
    let mut items: Vec<_> = counts.iter().collect();
    items.sort_by(|a, b| b.1.cmp(a.1));
    items.iter().map(|(k, v)| format!("{v} {k}")).collect::<Vec<_>>().join(", ")
}

fn format_shares(counts: &std::collections::BTreeMap<String, u64>, total: u64) -> String {
    let mut items: Vec<_> = counts.iter().collect();
    items.sort_by(|a, b| b.1.cmp(a.1));
    items
        .iter()
        .map(|(k, v)| format!("{k} {:.1}%", 100.0 * **v as f64 / total.max(1) as f64))
        .collect::<Vec<_>>()
        .join(", ")
}

fn check(
    dir: &std::path::Path,
    sample: usize,
    seed: u64,
    origin: Option<&str>,
    json: bool,
) -> anyhow::Result<ExitCode> {
    let tasks = load_shards(dir).with_context(|| format!("reading the corpus in {}", dir.display()))?;
    let mut tested: Vec<&Task> =
        tasks.iter().filter(|t| t.has_tests() && origin.is_none_or(|o| t.origin.name() == o)).collect();
    if tested.is_empty() {
        if let Some(o) = origin {
            anyhow::bail!("no task of origin `{o}` in {} has tests", dir.display());
        }
        anyhow::bail!(
            "no task in {} has tests; build the corpus without --no-real-tests or with --synthetic N",
            dir.display()
        );
    }
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    tested.shuffle(&mut rng);
    tested.truncate(sample);
    // The bank of the forward process, from the whole corpus, as `kelp data` builds it.
    let sources: Vec<&str> = tasks.iter().map(|t| t.source.as_str()).collect();
    let bank = SubtreeBank::from_sources(&sources, 24);
    let sandbox =
        Sandbox::new(SandboxConfig { timeout: Duration::from_secs(2), cache_capacity: 0, ..SandboxConfig::default() })
            .context("could not start the sandbox")?;
    let started = Instant::now();
    let result = check_tests(&sandbox, &tested, &bank, seed)?;
    if json {
        outln!("{}", serde_json::to_string_pretty(&result)?);
    } else {
        outln!("| origin | tasks | clean pass | corrupted (k=1) | detected |\n|---|---:|---:|---:|---:|");
        let rows = result.by_origin.iter().map(|(o, c)| (o.as_str(), c)).chain([("all", &result.all)]);
        for (origin, c) in rows {
            outln!(
                "| {origin} | {} | {:.2}% | {} | {:.1}% |",
                c.tasks,
                100.0 * c.clean_pass_rate(),
                c.corrupted,
                100.0 * c.sensitivity()
            );
        }
        for id in &result.clean_failures {
            outln!("clean function fails its tests: {id}");
        }
        eprintln!("kelp: checked {} tasks in {:.1}s", result.all.tasks, started.elapsed().as_secs_f64());
    }
    Ok(if result.all.clean_passed == result.all.tasks { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
