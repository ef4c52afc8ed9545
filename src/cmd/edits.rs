//! `kelp eval-edits`: a checkpoint's held-out edit accuracy on k-mutation corruptions.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use kelp::corpus::{Task, TaskGroup, load_shards};
use kelp::model::Checkpoint;
use kelp::noise::SubtreeBank;
use kelp::train::evaluate_k;

use super::corpus::CorpusArgs;
use super::train::is_held_out;

#[derive(clap::Args)]
pub struct EvalEditsArgs {
    /// Checkpoint directory (config.json, model.safetensors, tokenizer.json).
    #[arg(long, default_value = "models/default")]
    checkpoint: PathBuf,
    /// Mutations per corruption (repeatable).
    #[arg(long = "k", default_values_t = [1, 3])]
    ks: Vec<usize>,
    /// Examples per k.
    #[arg(long, default_value_t = 512)]
    n: usize,
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Evaluate on the held-out tasks of a corpus built by `kelp corpus build` (as `kelp train --tasks` splits it).
    #[arg(long, value_name = "DIR")]
    tasks: Option<PathBuf>,
    /// With --tasks: only held-out tasks of this group (synthetic, real_tested, real_untested, toy).
    #[arg(long)]
    group: Option<String>,
    #[command(flatten)]
    sources: CorpusArgs,
}

pub fn run(args: EvalEditsArgs) -> anyhow::Result<ExitCode> {
    let checkpoint = Checkpoint::load(&args.checkpoint)?;
    let tasks = match &args.tasks {
        Some(dir) => load_shards(dir).with_context(|| format!("reading the task corpus in {}", dir.display()))?,
        None => args.sources.build()?.tasks,
    };
    // The same split as `kelp train`: held-out functions are never trained on.
    let (mut eval_tasks, train_tasks): (Vec<Task>, Vec<Task>) = tasks.into_iter().partition(is_held_out);
    if let Some(group) = &args.group {
        let Some(group) = TaskGroup::ALL.into_iter().find(|g| g.name() == group) else {
            anyhow::bail!("unknown --group {group:?}: use synthetic, real_tested, real_untested or toy");
        };
        eval_tasks.retain(|t| TaskGroup::of(t) == group);
    }
    if eval_tasks.is_empty() {
        anyhow::bail!("no held-out tasks to evaluate on");
    }
    let sources: Vec<&str> = train_tasks.iter().map(|t| t.source.as_str()).collect();
    let bank = SubtreeBank::from_sources(&sources, 24);
    let mut rows = Vec::new();
    for &k in &args.ks {
        let m = evaluate_k(&checkpoint.model, &checkpoint.tokenizer, &eval_tasks, &bank, k, args.n, args.seed)?;
        rows.push(serde_json::json!({"k": k, "n": args.n, "loss": m.loss, "pointer_accuracy": m.pointer_accuracy,
            "token_accuracy": m.token_accuracy, "exact_edit": m.exact}));
    }
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&rows)?);
    } else {
        outln!("| k | examples | pointer accuracy | token accuracy | exact edit |\n|---:|---:|---:|---:|---:|");
        for r in &rows {
            outln!(
                "| {} | {} | {:.1}% | {:.1}% | {:.1}% |",
                r["k"],
                r["n"],
                r["pointer_accuracy"].as_f64().unwrap_or(0.0) * 100.0,
                r["token_accuracy"].as_f64().unwrap_or(0.0) * 100.0,
                r["exact_edit"].as_f64().unwrap_or(0.0) * 100.0
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
