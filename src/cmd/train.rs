//! `kelp train`: train the edit model on corruptions of the corpus, with checkpoints and resume.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use kelp::corpus::Task;
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
    #[command(flatten)]
    sources: CorpusArgs,
}

/// One function in a hundred (by normalised-AST fingerprint) is held out for evaluation.
pub fn is_held_out(task: &Task) -> bool {
    kelp::syntax::parse(task.source.as_str()).normalised().fingerprint().is_multiple_of(100)
}

pub fn run(args: TrainArgs) -> anyhow::Result<ExitCode> {
    if args.steps == 0 || args.batch_tokens < 64 || args.vocab_size < 300 {
        anyhow::bail!("--steps must be ≥ 1, --batch-tokens ≥ 64 and --vocab-size ≥ 300");
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
        ..TrainConfig::default()
    };
    let corpus = args.sources.build()?;
    let (eval_tasks, train_tasks): (Vec<Task>, Vec<Task>) = corpus.tasks.into_iter().partition(is_held_out);
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
    let data = TrainData { train_tasks: &train_tasks, eval_tasks: &eval_tasks, bank: &bank };
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
    println!(
        "trained to step {} ({} tokens); best held-out exact edit {:.1}%; checkpoint in {}",
        state.step,
        state.tokens_seen,
        state.best_exact * 100.0,
        args.out.join("checkpoint").display()
    );
    Ok(ExitCode::SUCCESS)
}
