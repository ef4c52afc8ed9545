//! `kelp corpus …`: build a training corpus and describe it.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use kelp::corpus::{Corpus, CorpusConfig, CorpusStats, HoldOut};

#[derive(clap::Subcommand)]
pub enum CorpusCommand {
    /// Print counts by source, a size histogram, node-kind frequencies and tests per task.
    Stats {
        #[command(flatten)]
        sources: CorpusArgs,
        /// Print JSON instead of Markdown tables.
        #[arg(long)]
        json: bool,
    },
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
}

impl CorpusArgs {
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
        let corpus = Corpus::build(&config, &HoldOut::evaluation_sets()).context("building the corpus")?;
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
        CorpusCommand::Stats { sources, json } => {
            let corpus = sources.build()?;
            let stats = CorpusStats::of(&corpus.tasks);
            if json {
                println!("{}", serde_json::to_string_pretty(&stats)?);
            } else {
                print!("{stats}");
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
