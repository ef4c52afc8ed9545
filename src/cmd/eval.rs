//! `kelp eval`: the evaluation protocols of DESIGN §6 (see `kelp::eval`), with a JSON report, a Markdown table
//! and plots written to `--out`, the table also on stdout, a progress bar on stderr.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use kelp::eval::{EvalConfig, EvalMode, ModelUnderTest, Protocol, evaluate, plot_report};
use kelp::exec::Sandbox;
use kelp::model::Checkpoint;
use kelp::search::Strategy;

use super::repair::{RUN_TIMEOUT, TEST_TIMEOUT, sandbox_config};

#[derive(clap::Args)]
pub struct EvalArgs {
    /// toy10 (P1: 10 trials × 10 toy tasks, 3 mutations), humaneval-repair (P2: 164 problems × k = 1, 2, 3 × 3
    /// corruptions) or synthesis (P3: the toy tasks from a bare signature).
    #[arg(long, value_enum)]
    protocol: Protocol,
    /// exec: tests in the loop, model and baseline side by side; model-only: the prototype's mode (no tests while
    /// searching; a beam of 16 programs over at most 10 edits ranked by the model alone, or with `--strategy
    /// rollouts` the prototype's best-of-16 rollouts of at most 10 steps).
    #[arg(long, value_enum, default_value = "exec")]
    mode: EvalMode,
    /// Evaluate the baseline alone (no model).
    #[arg(long)]
    baseline_only: bool,
    #[arg(long, default_value = "models/default")]
    checkpoint: PathBuf,
    /// Seed of the corruptions and of the searches.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Test runs per search (exec mode); solved shares are reported at 1, 10, 100, 1000 up to it.
    #[arg(long, default_value_t = 100)]
    budget: usize,
    /// Wall-clock limit per search, in seconds.
    #[arg(long, default_value_t = 60.0)]
    max_seconds: f64,
    /// Only the first N tasks of the protocol.
    #[arg(long)]
    limit: Option<usize>,
    #[arg(long, value_enum, default_value = "best-first")]
    strategy: Strategy,
    /// The corpus directory of the dev-repair protocol (its standard-library functions with tests).
    #[arg(long, value_name = "DIR")]
    tasks: Option<PathBuf>,
    /// Exec mode: no fault localisation; the baseline is then the blind random-order search of issue 7.
    #[arg(long)]
    no_localize: bool,
    /// Output directory: report.json, report.md, solved.svg/png, tasks.svg/png.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
}

/// The commit of the working directory, marked `-dirty` when it has uncommitted changes.
fn commit() -> String {
    let git = |args: &[&str]| {
        std::process::Command::new("git")
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    };
    match git(&["rev-parse", "--short", "HEAD"]) {
        Some(head) => match git(&["status", "--porcelain", "--untracked-files=no"]) {
            Some(status) if !status.is_empty() => format!("{head}-dirty"),
            _ => head,
        },
        None => "unknown".into(),
    }
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    if args.budget == 0 || !(args.max_seconds.is_finite() && args.max_seconds > 0.0) {
        anyhow::bail!("--budget must be at least 1 and --max-seconds a positive number");
    }
    if args.limit == Some(0) {
        anyhow::bail!("--limit must be at least 1");
    }
    if args.baseline_only && args.mode == EvalMode::ModelOnly {
        anyhow::bail!("model-only mode evaluates a model: drop --baseline-only");
    }
    let checkpoint = if args.baseline_only {
        None
    } else {
        Some(Checkpoint::load(&args.checkpoint).context("pass --baseline-only to evaluate the baseline alone")?)
    };
    let under_test = match &checkpoint {
        Some(ck) => {
            let weights = ck.dir.join(kelp::model::checkpoint::WEIGHTS_FILE);
            let bytes = std::fs::read(&weights).with_context(|| format!("reading {}", weights.display()))?;
            Some(ModelUnderTest {
                model: &ck.model,
                tokenizer: &ck.tokenizer,
                name: args.checkpoint.display().to_string(),
                hash: format!("{:016x}", kelp::syntax::content_hash(&bytes)),
            })
        }
        None => None,
    };
    std::fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let sandbox = Sandbox::new(sandbox_config(RUN_TIMEOUT, TEST_TIMEOUT)).context("could not start the sandbox")?;
    let config = EvalConfig {
        protocol: args.protocol,
        mode: args.mode,
        strategy: args.strategy,
        seed: args.seed,
        budget: args.budget,
        max_seconds: args.max_seconds,
        limit: args.limit,
        localize: !args.no_localize,
        tasks: args.tasks.clone(),
        // What the sandbox was given, so the report cannot state another limit.
        test_seconds: sandbox.config().test_timeout.map(|t| t.as_secs_f64()),
    };
    let bar = ProgressBar::new(0).with_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} searches {msg} ETA {eta}").expect("valid template"),
    );
    let (mut solved, mut done) = (0usize, 0usize);
    let report = evaluate(&config, under_test.as_ref(), &sandbox, &commit(), |i, total, trial| {
        bar.set_length(total as u64);
        bar.set_position(i as u64);
        done += 1;
        solved += usize::from(trial.solved);
        bar.set_message(format!("{solved}/{done} solved"));
    })?;
    bar.finish_and_clear();
    let json_path = args.out.join("report.json");
    std::fs::write(&json_path, serde_json::to_string_pretty(&report)? + "\n")
        .with_context(|| format!("writing {}", json_path.display()))?;
    let markdown = report.markdown();
    let md_path = args.out.join("report.md");
    std::fs::write(&md_path, &markdown).with_context(|| format!("writing {}", md_path.display()))?;
    plot_report(&report, &args.out).map_err(|e| anyhow::anyhow!("plotting into {}: {e}", args.out.display()))?;
    out!("{markdown}");
    eprintln!("kelp: report in {} ({:.0} s)", args.out.display(), report.wall_seconds);
    Ok(ExitCode::SUCCESS)
}
