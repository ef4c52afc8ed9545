//! `kelp train`: train the edit model on corruptions of the corpus, with checkpoints and resume.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use kelp::corpus::{MixtureWeights, Task, TaskGroup, TaskMixture, load_shards};
use kelp::model::Tokenizer;
use kelp::noise::SubtreeBank;
use kelp::train::{TrainConfig, TrainData, train};

use super::corpus::CorpusArgs;

#[derive(clap::Args)]
pub struct TrainArgs {
    /// Run directory: metrics.jsonl, metrics.png and checkpoint/ (config.json, model.safetensors, tokenizer.json).
    #[arg(long, value_name = "DIR", default_value = "runs/default")]
    out: PathBuf,
    /// Optimiser steps (the cosine schedule spans them).
    #[arg(long, default_value_t = TrainConfig::default().steps)]
    steps: usize,
    /// Stop after this many minutes, checkpointing first (0: no limit).
    #[arg(long, default_value_t = 0.0)]
    minutes: f64,
    /// Model size: default (d256, 4 layers, ≈5M parameters) or tiny (for tests).
    #[arg(long, default_value = "default")]
    size: String,
    #[arg(long, default_value_t = TrainConfig::default().learning_rate)]
    lr: f64,
    /// Padded tokens per batch.
    #[arg(long, default_value_t = TrainConfig::default().batch_tokens)]
    batch_tokens: usize,
    /// BPE vocabulary size (special tokens included).
    #[arg(long, default_value_t = TrainConfig::default().vocab_size)]
    vocab_size: usize,
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Evaluate on held-out functions every N steps.
    #[arg(long, default_value_t = TrainConfig::default().eval_every)]
    eval_every: usize,
    /// Minutes between checkpoints.
    #[arg(long, default_value_t = TrainConfig::default().checkpoint_minutes)]
    checkpoint_minutes: f64,
    /// Continue the run in --out from its last checkpoint (same data stream, optimiser state and schedule).
    #[arg(long)]
    resume: bool,
    /// Start from this checkpoint's weights, model config and tokenizer instead of a fresh model (fine-tuning,
    /// e.g. `--init models/default`); the schedule and optimiser start afresh.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["size", "vocab_size"])]
    init: Option<PathBuf>,
    /// Share of examples that show a clean program with the target "no edit" (the model's stop signal).
    #[arg(long, default_value_t = kelp::noise::ExampleConfig::default().clean_share)]
    clean_share: f64,
    /// Share of examples that start from a stub: the body cut to `pass` (docstring kept), where synthesis starts.
    #[arg(long, default_value_t = kelp::noise::ExampleConfig::default().stub_share)]
    stub_share: f64,
    /// Train on a task corpus written by `kelp corpus build` (JSONL shards: synthetic tasks, harvested functions
    /// with and without tests) instead of harvesting --dir/--jsonl/the stdlib; tasks are drawn by group weight.
    #[arg(long, value_name = "DIR")]
    tasks: Option<PathBuf>,
    /// Weight of synthetic tasks in the mixture (with --tasks).
    #[arg(long, default_value_t = MixtureWeights::default().synthetic)]
    weight_synthetic: f64,
    /// Weight of harvested functions with tests (with --tasks).
    #[arg(long, default_value_t = MixtureWeights::default().real_tested)]
    weight_real_tested: f64,
    /// Weight of harvested functions without tests (with --tasks).
    #[arg(long, default_value_t = MixtureWeights::default().real_untested)]
    weight_real_untested: f64,
    /// Weight of the toy set's training programs (with --tasks).
    #[arg(long, default_value_t = MixtureWeights::default().toy)]
    weight_toy: f64,
    #[command(flatten)]
    sources: CorpusArgs,
}

/// One function in a hundred (by normalised-AST fingerprint) is held out for evaluation.
pub fn is_held_out(task: &Task) -> bool {
    kelp::syntax::parse(task.source.as_str()).normalised().fingerprint().is_multiple_of(100)
}

pub fn run(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let shares_ok = (0.0..=1.0).contains(&args.clean_share) && (0.0..=1.0).contains(&args.stub_share);
    if args.steps == 0 || args.batch_tokens < 64 || args.vocab_size < 300 || !shares_ok {
        anyhow::bail!(
            "--steps must be ≥ 1, --batch-tokens ≥ 64, --vocab-size ≥ 300, --clean-share and --stub-share within 0..=1"
        );
    }
    let config = TrainConfig {
        steps: args.steps,
        learning_rate: args.lr,
        batch_tokens: args.batch_tokens,
        vocab_size: args.vocab_size,
        size: args.size.clone(),
        seed: args.seed,
        eval_every: args.eval_every.max(1),
        checkpoint_minutes: args.checkpoint_minutes,
        max_minutes: args.minutes,
        clean_share: args.clean_share,
        stub_share: args.stub_share,
        init: args.init.clone(),
        ..TrainConfig::default()
    };
    let tasks = match &args.tasks {
        Some(dir) => {
            // The corpus was built with the hold-out applied; apply it again in case it was built before an
            // evaluation set was added.
            let hold_out = args.sources.hold_out()?;
            let tasks = load_shards(dir).with_context(|| format!("reading the task corpus in {}", dir.display()))?;
            let before = tasks.len();
            let tasks: Vec<Task> = tasks.into_iter().filter(|t| !hold_out.contains(t)).collect();
            if tasks.len() < before {
                eprintln!("kelp: removed {} held-out tasks from {}", before - tasks.len(), dir.display());
            }
            tasks
        }
        None => args.sources.build()?.tasks,
    };
    let (eval_tasks, train_tasks): (Vec<Task>, Vec<Task>) = tasks.into_iter().partition(is_held_out);
    if train_tasks.is_empty() || eval_tasks.is_empty() {
        anyhow::bail!(
            "the corpus is too small to hold out evaluation functions ({} training, {} held out)",
            train_tasks.len(),
            eval_tasks.len()
        );
    }
    let sources: Vec<&str> = train_tasks.iter().map(|t| t.source.as_str()).collect();
    let tokenizer_path = args.out.join("checkpoint").join(kelp::model::checkpoint::TOKENIZER_FILE);
    let tokenizer = if args.resume && tokenizer_path.exists() {
        Tokenizer::load(&tokenizer_path)?
    } else if let Some(init) = &args.init {
        let path = init.join(kelp::model::checkpoint::TOKENIZER_FILE);
        Tokenizer::load(&path).with_context(|| format!("loading the tokenizer of --init {}", init.display()))?
    } else {
        let started = Instant::now();
        let sample: Vec<&str> = sources.iter().step_by((sources.len() / 20_000).max(1)).copied().collect();
        let tokenizer = Tokenizer::train(&sample, args.vocab_size).context("training the tokenizer")?;
        eprintln!(
            "kelp: trained a {}-token BPE on {} functions in {:.1}s",
            tokenizer.vocab_size(),
            sample.len(),
            started.elapsed().as_secs_f64()
        );
        tokenizer
    };
    let bank = SubtreeBank::from_sources(&sources, 24);
    eprintln!("kelp: {} training functions, {} held out for evaluation", train_tasks.len(), eval_tasks.len());
    let bar = ProgressBar::new(config.steps as u64).with_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} steps {msg} ETA {eta}").expect("valid template"),
    );
    let weights = MixtureWeights {
        synthetic: args.weight_synthetic,
        real_tested: args.weight_real_tested,
        real_untested: args.weight_real_untested,
        toy: args.weight_toy,
    };
    let mixtures = match args.tasks {
        Some(_) => {
            let train = TaskMixture::new(train_tasks.clone(), weights).context("the training mixture")?;
            let eval = TaskMixture::new(eval_tasks.clone(), weights).context("the held-out mixture")?;
            for group in TaskGroup::ALL {
                eprintln!(
                    "kelp: {:>13}: {:>6} training tasks, drawn {:.0}%",
                    group.name(),
                    train.group(group).len(),
                    train.share(group) * 100.0
                );
            }
            Some((train, eval))
        }
        None => None,
    };
    let data = match &mixtures {
        Some((train, eval)) => TrainData { train_tasks: train.into(), eval_tasks: eval.into(), bank: &bank },
        None => TrainData { train_tasks: (&train_tasks).into(), eval_tasks: (&eval_tasks).into(), bank: &bank },
    };
    let state = train(&data, &tokenizer, &config, &args.out, args.resume, |line| {
        bar.set_position(line.step as u64);
        if line.kind == "eval" {
            bar.println(format!(
                "step {}: held-out loss {:.3}, pointer {:.1}%, token {:.1}%, exact edit {:.1}%",
                line.step,
                line.loss,
                line.pointer_accuracy * 100.0,
                line.token_accuracy * 100.0,
                line.exact * 100.0
            ));
        } else {
            bar.set_message(format!(
                "loss {:.3} exact {:.1}% {:.0} tok/s",
                line.loss,
                line.exact * 100.0,
                line.tokens_per_second
            ));
        }
    })?;
    bar.finish_and_clear();
    outln!(
        "trained to step {} ({} tokens); best held-out exact edit {:.1}%; checkpoint in {}",
        state.step,
        state.tokens_seen,
        state.best_exact * 100.0,
        args.out.join("checkpoint").display()
    );
    Ok(ExitCode::SUCCESS)
}
