//! `kelp data`: write training examples as JSONL shards, with a summary.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use kelp::noise::{Example, ExampleConfig, ExampleGenerator, Mutator, MutatorConfig, SubtreeBank};
use rayon::prelude::*;
use serde::Serialize;

use super::corpus::CorpusArgs;

/// Largest fragment (in leaf tokens) the subtree bank keeps.
const BANK_MAX_LEAVES: u32 = 24;

#[derive(clap::Args)]
pub struct DataArgs {
    /// Number of examples to write.
    #[arg(long, default_value_t = 10_000)]
    n: u64,
    /// Output directory (created if missing): `examples-00000.jsonl`, … and `summary.json`.
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Seed of the example stream: example i depends only on (seed, i) and the corpus.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Examples per shard file.
    #[arg(long, default_value_t = 100_000)]
    shard_size: u64,
    /// Largest number of mutations per corruption (k is uniform in 1..=k-max).
    #[arg(long, default_value_t = 5)]
    k_max: usize,
    /// Share of examples that start from a random function body instead of a k-mutation corruption.
    #[arg(long, default_value_t = 0.2)]
    random_start_share: f64,
    /// Share of examples that start from a stub: the body cut to `pass` (docstring kept), where synthesis starts.
    #[arg(long, default_value_t = ExampleConfig::default().stub_share)]
    stub_share: f64,
    /// Share of examples that show a clean program with the target "no edit" (the model's stop signal).
    #[arg(long, default_value_t = ExampleConfig::default().clean_share)]
    clean_share: f64,
    #[command(flatten)]
    sources: CorpusArgs,
}

#[derive(Serialize)]
struct Summary {
    examples: u64,
    /// Indices for which no example could be made (degenerate programs); they are skipped.
    failed: u64,
    seed: u64,
    shards: Vec<String>,
    tasks: usize,
    bank_fragments: BTreeMap<String, usize>,
    by_class: BTreeMap<String, u64>,
    by_k: BTreeMap<usize, u64>,
    mean_path_len: f64,
    examples_per_second: f64,
}

pub fn run(args: DataArgs) -> anyhow::Result<ExitCode> {
    if args.n == 0 || args.shard_size == 0 {
        anyhow::bail!("--n and --shard-size must be at least 1");
    }
    let shares = [args.random_start_share, args.stub_share, args.clean_share];
    if args.k_max == 0 || shares.iter().any(|s| !(0.0..=1.0).contains(s)) {
        anyhow::bail!("--k-max must be at least 1, --random-start-share, --stub-share and --clean-share within 0..=1");
    }
    std::fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let corpus = args.sources.build()?;
    let sources: Vec<&str> = corpus.tasks.iter().map(|t| t.source.as_str()).collect();
    let bank = SubtreeBank::from_sources(&sources, BANK_MAX_LEAVES);
    let mutator = Mutator::new(&bank, MutatorConfig::default());
    let config = ExampleConfig {
        k_max: args.k_max,
        random_start_share: args.random_start_share,
        stub_share: args.stub_share,
        clean_share: args.clean_share,
        seed: args.seed,
        ..ExampleConfig::default()
    };
    let generator = ExampleGenerator::new(&corpus.tasks, mutator, config);

    let bar = ProgressBar::new(args.n).with_style(
        ProgressStyle::with_template("{spinner} {bar:40} {pos}/{len} examples {per_sec} ETA {eta}")
            .expect("valid template"),
    );
    let started = Instant::now();
    let mut summary = Summary {
        examples: 0,
        failed: 0,
        seed: args.seed,
        shards: Vec::new(),
        tasks: corpus.tasks.len(),
        bank_fragments: kelp::syntax::ReplacementClass::ALL
            .iter()
            .map(|&c| (c.name().to_string(), bank.len(c)))
            .collect(),
        by_class: BTreeMap::new(),
        by_k: BTreeMap::new(),
        mean_path_len: 0.0,
        examples_per_second: 0.0,
    };
    let mut path_len_total = 0u64;
    let mut shard: Option<BufWriter<File>> = None;
    let chunk = 4096u64;
    let mut start = 0u64;
    while start < args.n {
        let end = (start + chunk).min(args.n);
        let examples: Vec<Option<Example>> = (start..end).into_par_iter().map(|i| generator.example(i)).collect();
        for (i, example) in (start..end).zip(examples) {
            if i % args.shard_size == 0 {
                if let Some(mut w) = shard.take() {
                    w.flush()?;
                }
                let name = format!("examples-{:05}.jsonl", i / args.shard_size);
                shard = Some(open_shard(&args.out.join(&name))?);
                summary.shards.push(name);
            }
            let Some(example) = example else {
                summary.failed += 1;
                continue;
            };
            let w = shard.as_mut().expect("a shard is open from index 0");
            serde_json::to_writer(&mut *w, &example)?;
            w.write_all(b"\n")?;
            summary.examples += 1;
            path_len_total += example.path_len as u64;
            let class = match &example.edit {
                Some(edit) => edit.class.map_or("program", |c| c.name()),
                None => "no edit",
            };
            *summary.by_class.entry(class.to_string()).or_insert(0) += 1;
            *summary.by_k.entry(example.k).or_insert(0) += 1;
        }
        bar.set_position(end);
        start = end;
    }
    if let Some(mut w) = shard.take() {
        w.flush()?;
    }
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    summary.mean_path_len = path_len_total as f64 / summary.examples.max(1) as f64;
    summary.examples_per_second = summary.examples as f64 / seconds.max(1e-9);
    let summary_path = args.out.join("summary.json");
    std::fs::write(&summary_path, serde_json::to_string_pretty(&summary)? + "\n")
        .with_context(|| format!("writing {}", summary_path.display()))?;
    outln!(
        "wrote {} examples ({} failed) in {} shard(s) to {} in {:.1}s ({:.0} examples/s, {} threads); mean path length {:.2}; targets by class: {}",
        summary.examples,
        summary.failed,
        summary.shards.len(),
        args.out.display(),
        seconds,
        summary.examples_per_second,
        rayon::current_num_threads(),
        summary.mean_path_len,
        summary.by_class.iter().map(|(c, n)| format!("{c} {n}")).collect::<Vec<_>>().join(", ")
    );
    Ok(if summary.examples > 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn open_shard(path: &Path) -> anyhow::Result<BufWriter<File>> {
    let file = File::create(path).with_context(|| format!("creating {}", path.display()))?;
    Ok(BufWriter::new(file))
}
