//! The train stage: example stream, length-bucketed batches, AdamW with warm-up and cosine decay, periodic
//! held-out evaluation, metrics (JSONL + PNG plot) and atomic, resumable checkpoints.
//!
//! Examples are generated online by the noise stage on a background thread (rayon inside), in chunks of
//! consecutive stream indices: the data-stream state is one number, the next chunk, saved with each checkpoint.
//! Within a chunk, items are sorted by length and cut into batches of at most `batch_tokens` padded tokens (no
//! padding to a fixed length); batch order is shuffled with a seed derived from the chunk index.

pub mod batch;
pub mod optim;
mod plot;

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Instant;

use candle_core::{DType, Device};
use candle_nn::{VarBuilder, VarMap};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

pub use batch::{Batch, BatchMetrics, TrainItem, edit_loss};
pub use optim::{AdamW, lr_at};

use crate::corpus::{Task, TaskPool};
use crate::model::{EditModel, EditModelConfig, ModelError, Tokenizer, checkpoint};
use crate::noise::{ExampleConfig, ExampleGenerator, Mutator, MutatorConfig, SubtreeBank};

/// Everything a run needs besides data; saved as `train_config.json` beside each checkpoint.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainConfig {
    pub steps: usize,
    pub learning_rate: f64,
    pub warmup: usize,
    pub weight_decay: f64,
    pub max_grad_norm: f64,
    /// Padded tokens per batch (batch size × longest sequence in it).
    pub batch_tokens: usize,
    /// Longest training sequence; longer examples are skipped.
    pub max_len: usize,
    pub vocab_size: usize,
    /// Model size preset: "default" or "tiny".
    pub size: String,
    pub seed: u64,
    pub eval_every: usize,
    pub eval_examples: usize,
    pub checkpoint_minutes: f64,
    /// Stop after this many minutes even if `steps` are not done (0: no limit).
    pub max_minutes: f64,
    /// Stop at this step, checkpointing first, as a run killed right after a checkpoint would (for tests).
    #[serde(default)]
    pub stop_at: Option<usize>,
    /// A checkpoint directory whose weights (and model config) the run starts from instead of a seeded
    /// initialisation: fine-tuning. Its tokenizer must be the one passed to [`train`].
    #[serde(default)]
    pub init: Option<PathBuf>,
    /// Share of "no edit" examples (clean programs) in the stream ([`ExampleConfig::clean_share`]).
    #[serde(default = "default_clean_share")]
    pub clean_share: f64,
    /// Share of stub starts (body cut to `pass`) in the stream ([`ExampleConfig::stub_share`]). A saved config
    /// from before it existed reads as 0; `--resume` takes it from the command line, like every other field.
    #[serde(default)]
    pub stub_share: f64,
}

fn default_clean_share() -> f64 {
    ExampleConfig::default().clean_share
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            // Sized for ≈55 minutes on 2 busy cores (≈1k tokens/s measured at the default model size).
            steps: 1600,
            learning_rate: 1e-3,
            warmup: 50,
            weight_decay: 0.01,
            max_grad_norm: 1.0,
            batch_tokens: 2048,
            max_len: 384,
            vocab_size: 4096,
            size: "default".into(),
            seed: 0,
            eval_every: 200,
            eval_examples: 256,
            checkpoint_minutes: 5.0,
            max_minutes: 0.0,
            stop_at: None,
            init: None,
            clean_share: default_clean_share(),
            stub_share: ExampleConfig::default().stub_share,
        }
    }
}

/// Mutable run state saved with each checkpoint (`state.json`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct RunState {
    pub step: usize,
    /// Chunk of the example stream being trained on, and how many of its batches are done.
    pub chunk: u64,
    pub batch_in_chunk: usize,
    pub tokens_seen: u64,
    pub best_exact: f32,
}

/// One line of `metrics.jsonl`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MetricsLine {
    pub step: usize,
    pub kind: String,
    pub loss: f32,
    pub pointer_accuracy: f32,
    pub token_accuracy: f32,
    pub exact: f32,
    /// Share of clean programs called done, and of programs with an edit to make called done (absent before
    /// "no edit" existed).
    #[serde(default)]
    pub no_edit_recall: f32,
    #[serde(default)]
    pub false_no_edit: f32,
    pub lr: f64,
    pub tokens_per_second: f64,
    pub elapsed_seconds: f64,
}

/// Errors of a training run.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum TrainError {
    #[error(transparent)]
    Model(#[from] ModelError),
    #[error(transparent)]
    Candle(#[from] candle_core::Error),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{0}")]
    Invalid(String),
}

const CHUNK: u64 = 256;

/// Tokenized examples for stream chunk `chunk` (indices `chunk * CHUNK ..`).
fn chunk_items(generator: &ExampleGenerator, tokenizer: &Tokenizer, chunk: u64, max_len: usize) -> Vec<TrainItem> {
    (chunk * CHUNK..(chunk + 1) * CHUNK)
        .into_par_iter()
        .filter_map(|i| TrainItem::new(tokenizer, &generator.example(i)?, max_len))
        .collect()
}

/// Cuts a chunk into batches of at most `batch_tokens` padded tokens, shuffled by `seed`.
pub fn make_batches(mut items: Vec<TrainItem>, batch_tokens: usize, seed: u64) -> Vec<Vec<TrainItem>> {
    items.sort_by_key(|i| i.ids.len());
    let mut batches = Vec::new();
    let mut current: Vec<TrainItem> = Vec::new();
    for item in items {
        let longest = item.ids.len().max(current.last().map_or(0, |i| i.ids.len()));
        if !current.is_empty() && longest * (current.len() + 1) > batch_tokens {
            batches.push(std::mem::take(&mut current));
        }
        current.push(item);
    }
    if !current.is_empty() {
        batches.push(current);
    }
    batches.shuffle(&mut ChaCha8Rng::seed_from_u64(seed));
    batches
}

/// Training and held-out tasks, the bank, the tokenizer: everything the run reads.
pub struct TrainData<'a> {
    pub train_tasks: TaskPool<'a>,
    pub eval_tasks: TaskPool<'a>,
    pub bank: &'a SubtreeBank,
}

/// Runs (or resumes) training into `out`. `progress` receives each metrics line as it is written.
pub fn train(
    data: &TrainData,
    tokenizer: &Tokenizer,
    config: &TrainConfig,
    out: &Path,
    resume: bool,
    mut progress: impl FnMut(&MetricsLine),
) -> Result<RunState, TrainError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| TrainError::Io { path: path.clone(), source }
    };
    std::fs::create_dir_all(out).map_err(io(out))?;
    let model_config = match (&config.init, config.size.as_str()) {
        (Some(dir), _) => checkpoint::load_config(dir)?,
        (None, "default") => EditModelConfig::default_size(tokenizer.vocab_size()),
        (None, "tiny") => EditModelConfig::tiny(tokenizer.vocab_size()),
        (None, other) => {
            return Err(TrainError::Invalid(format!("unknown model size {other:?}: use default or tiny")));
        }
    };
    if model_config.vocab_size != tokenizer.vocab_size() {
        return Err(TrainError::Invalid(format!(
            "the model has {} token embeddings but the tokenizer {} tokens",
            model_config.vocab_size,
            tokenizer.vocab_size()
        )));
    }
    let config = TrainConfig { max_len: config.max_len.min(model_config.max_position_embeddings), ..config.clone() };
    let device = Device::Cpu;
    let mut varmap = VarMap::new();
    let model = EditModel::load(VarBuilder::from_varmap(&varmap, DType::F32, &device), &model_config)?;
    let named: Vec<(String, candle_core::Var)> = {
        let vars = varmap.data().lock().map_err(|_| TrainError::Invalid("variable map poisoned".into()))?;
        vars.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    };
    seeded_init(&named, config.seed)?;
    let mut opt = AdamW::new(named, config.weight_decay)?;
    let ckpt_dir = out.join("checkpoint");
    let mut state = RunState::default();
    let resuming = resume && ckpt_dir.join(checkpoint::WEIGHTS_FILE).exists();
    if let (Some(dir), false) = (&config.init, resuming) {
        checkpoint::load_weights(&mut varmap, &dir.join(checkpoint::WEIGHTS_FILE))?;
    }
    if resuming {
        checkpoint::load_weights(&mut varmap, &ckpt_dir.join(checkpoint::WEIGHTS_FILE))?;
        let state_path = ckpt_dir.join("state.json");
        let text = std::fs::read_to_string(&state_path).map_err(io(&state_path))?;
        state =
            serde_json::from_str(&text).map_err(|e| TrainError::Invalid(format!("{}: {e}", state_path.display())))?;
        let opt_path = ckpt_dir.join("optimizer.safetensors");
        let tensors = candle_core::safetensors::load(&opt_path, &device)?;
        opt.load_state(&tensors, state.step)?;
    }

    let mutator = Mutator::new(data.bank, MutatorConfig::default());
    let generator = ExampleGenerator::new(
        data.train_tasks,
        mutator.clone(),
        ExampleConfig {
            seed: config.seed,
            clean_share: config.clean_share,
            stub_share: config.stub_share,
            ..ExampleConfig::default()
        },
    );
    let eval_items: Vec<TrainItem> = {
        let eval_gen = ExampleGenerator::new(
            data.eval_tasks,
            mutator,
            ExampleConfig {
                seed: config.seed ^ 0xE7A1,
                clean_share: config.clean_share,
                stub_share: config.stub_share,
                ..ExampleConfig::default()
            },
        );
        (0..config.eval_examples as u64 * 2)
            .into_par_iter()
            .filter_map(|i| TrainItem::new(tokenizer, &eval_gen.example(i)?, config.max_len))
            .collect::<Vec<_>>()
            .into_iter()
            .take(config.eval_examples)
            .collect()
    };

    let metrics_path = out.join("metrics.jsonl");
    let mut metrics_file =
        std::fs::OpenOptions::new().create(true).append(true).open(&metrics_path).map_err(io(&metrics_path))?;
    let started = Instant::now();
    let mut last_checkpoint = Instant::now();
    // Tokens, start, summed metrics, batches and items since the last train line.
    let mut window = (0usize, Instant::now(), BatchMetrics::default(), 0usize, 0usize);

    std::thread::scope(|scope| -> Result<(), TrainError> {
        // Producer: chunks of tokenized examples, two ahead of the trainer.
        let (tx, rx) = mpsc::sync_channel::<(u64, Vec<TrainItem>)>(2);
        let first_chunk = state.chunk;
        let mut skip = state.batch_in_chunk;
        let generator = &generator;
        scope.spawn(move || {
            let mut chunk = first_chunk;
            while tx.send((chunk, chunk_items(generator, tokenizer, chunk, config.max_len))).is_ok() {
                chunk += 1;
            }
        });
        'outer: while state.step < config.steps {
            let Ok((chunk, items)) = rx.recv() else { break };
            state.chunk = chunk;
            // On resume, the batches of this chunk that the checkpoint already covers.
            state.batch_in_chunk = std::mem::take(&mut skip);
            for items in
                make_batches(items, config.batch_tokens, config.seed ^ chunk).into_iter().skip(state.batch_in_chunk)
            {
                if state.step >= config.steps {
                    break 'outer;
                }
                state.batch_in_chunk += 1;
                let batch = Batch::new(&items, &device)?;
                let (loss, metrics) = edit_loss(&model, &batch)?;
                let grads = loss.backward()?;
                let lr = lr_at(state.step, config.learning_rate, config.warmup, config.steps);
                opt.step(&grads, lr, config.max_grad_norm)?;
                state.step += 1;
                state.tokens_seen += batch.tokens as u64;
                window.0 += batch.tokens;
                window.3 += 1;
                window.2.loss += metrics.loss;
                window.2.pointer_accuracy += metrics.pointer_accuracy;
                window.2.token_accuracy += metrics.token_accuracy;
                window.2.exact += metrics.exact;
                window.2.clean += metrics.clean;
                window.2.clean_stopped += metrics.clean_stopped;
                window.2.wrongly_stopped += metrics.wrongly_stopped;
                window.4 += batch.size;
                if state.step % 10 == 0 {
                    let n = window.3 as f32;
                    let line = MetricsLine {
                        step: state.step,
                        kind: "train".into(),
                        loss: window.2.loss / n,
                        pointer_accuracy: window.2.pointer_accuracy / n,
                        token_accuracy: window.2.token_accuracy / n,
                        exact: window.2.exact / n,
                        no_edit_recall: window.2.no_edit_recall(),
                        false_no_edit: window.2.false_no_edit(window.4 as f32),
                        lr,
                        tokens_per_second: window.0 as f64 / window.1.elapsed().as_secs_f64(),
                        elapsed_seconds: started.elapsed().as_secs_f64(),
                    };
                    write_metrics(&mut metrics_file, &line, &metrics_path)?;
                    progress(&line);
                    window = (0, Instant::now(), BatchMetrics::default(), 0, 0);
                }
                let out_of_time = (config.max_minutes > 0.0
                    && started.elapsed().as_secs_f64() > config.max_minutes * 60.0)
                    || config.stop_at == Some(state.step);
                if state.step % config.eval_every == 0 || state.step == config.steps || out_of_time {
                    let m = evaluate(&model, &eval_items, config.batch_tokens, &device)?;
                    state.best_exact = state.best_exact.max(m.exact);
                    let line = MetricsLine {
                        step: state.step,
                        kind: "eval".into(),
                        loss: m.loss,
                        pointer_accuracy: m.pointer_accuracy,
                        token_accuracy: m.token_accuracy,
                        exact: m.exact,
                        no_edit_recall: m.no_edit_recall(),
                        false_no_edit: m.false_no_edit(eval_items.len() as f32),
                        lr,
                        tokens_per_second: 0.0,
                        elapsed_seconds: started.elapsed().as_secs_f64(),
                    };
                    write_metrics(&mut metrics_file, &line, &metrics_path)?;
                    progress(&line);
                    let _ = plot::plot_metrics(&metrics_path, &out.join("metrics.png"));
                }
                if last_checkpoint.elapsed().as_secs_f64() > config.checkpoint_minutes * 60.0
                    || state.step == config.steps
                    || out_of_time
                {
                    save_checkpoint(&ckpt_dir, &varmap, &model_config, tokenizer, &opt, &state, &config)?;
                    last_checkpoint = Instant::now();
                }
                if out_of_time {
                    break 'outer;
                }
            }
        }
        drop(rx);
        Ok(())
    })?;
    save_checkpoint(&ckpt_dir, &varmap, &model_config, tokenizer, &opt, &state, &config)?;
    Ok(state)
}

/// Re-initialises every matrix from a seeded generator: candle's CPU backend cannot be seeded, and a run must be
/// reproducible from its config. Matrices get uniform(±1/√fan_in) (candle's linear default), embeddings N(0, 0.02);
/// 1-D norm weights stay at one.
fn seeded_init(vars: &[(String, candle_core::Var)], seed: u64) -> Result<(), TrainError> {
    use rand::RngExt;
    let mut sorted: Vec<&(String, candle_core::Var)> = vars.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x1A17);
    for (name, var) in sorted {
        let dims = var.dims().to_vec();
        if dims.len() != 2 {
            continue;
        }
        let n = dims[0] * dims[1];
        let values: Vec<f32> = if name.contains("embed_tokens") || name.contains("pointer_positions") {
            // Box-Muller normals.
            (0..n)
                .map(|_| {
                    let (u1, u2): (f64, f64) = (rng.random_range(1e-12..1.0), rng.random_range(0.0..1.0));
                    (0.02 * (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()) as f32
                })
                .collect()
        } else {
            let bound = 1.0 / (dims[1] as f64).sqrt();
            (0..n).map(|_| rng.random_range(-bound..bound) as f32).collect()
        };
        var.set(&candle_core::Tensor::from_vec(values, (dims[0], dims[1]), var.device())?)?;
    }
    Ok(())
}

fn write_metrics(file: &mut std::fs::File, line: &MetricsLine, path: &Path) -> Result<(), TrainError> {
    use std::io::Write;
    let text = serde_json::to_string(line).map_err(|e| TrainError::Invalid(e.to_string()))? + "\n";
    file.write_all(text.as_bytes()).map_err(|source| TrainError::Io { path: path.to_path_buf(), source })
}

/// Mean metrics over held-out items (no gradients kept).
pub fn evaluate(
    model: &EditModel,
    items: &[TrainItem],
    batch_tokens: usize,
    device: &Device,
) -> Result<BatchMetrics, TrainError> {
    let mut sum = BatchMetrics::default();
    let mut n = 0f32;
    for items in make_batches(items.to_vec(), batch_tokens, 0) {
        let batch = Batch::new(&items, device)?;
        let (_, m) = edit_loss(model, &batch)?;
        let w = items.len() as f32;
        sum.loss += m.loss * w;
        sum.pointer_accuracy += m.pointer_accuracy * w;
        sum.token_accuracy += m.token_accuracy * w;
        sum.exact += m.exact * w;
        sum.clean += m.clean;
        sum.clean_stopped += m.clean_stopped;
        sum.wrongly_stopped += m.wrongly_stopped;
        n += w;
    }
    let n = n.max(1.0);
    Ok(BatchMetrics {
        loss: sum.loss / n,
        pointer_accuracy: sum.pointer_accuracy / n,
        token_accuracy: sum.token_accuracy / n,
        exact: sum.exact / n,
        ..sum
    })
}

fn save_checkpoint(
    dir: &Path,
    varmap: &VarMap,
    model_config: &EditModelConfig,
    tokenizer: &Tokenizer,
    opt: &AdamW,
    state: &RunState,
    config: &TrainConfig,
) -> Result<(), TrainError> {
    let opt_tensors: std::collections::HashMap<String, candle_core::Tensor> = opt.state().into_iter().collect();
    let opt_path = std::env::temp_dir().join(format!("kelp-opt-{}.safetensors", std::process::id()));
    candle_core::safetensors::save(&opt_tensors, &opt_path)?;
    let opt_bytes = std::fs::read(&opt_path).map_err(|source| TrainError::Io { path: opt_path.clone(), source })?;
    let _ = std::fs::remove_file(&opt_path);
    let json = |v: Result<String, serde_json::Error>| {
        v.map(|t| (t + "\n").into_bytes()).map_err(|e| TrainError::Invalid(e.to_string()))
    };
    let extra = [
        ("optimizer.safetensors", opt_bytes),
        ("state.json", json(serde_json::to_string_pretty(state))?),
        ("train_config.json", json(serde_json::to_string_pretty(config))?),
    ];
    checkpoint::save(dir, varmap, model_config, tokenizer, false, &extra)?;
    Ok(())
}

/// Held-out edit metrics on corruptions with exactly `k` mutations (no random starts): pointer accuracy, token
/// accuracy and exact edit. Under teacher forcing "every choice right" is exactly "greedy decoding reproduces the
/// target edit", so `exact` is the greedy exact-edit rate.
pub fn evaluate_k(
    model: &EditModel,
    tokenizer: &Tokenizer,
    tasks: &[Task],
    bank: &SubtreeBank,
    k: usize,
    n: usize,
    seed: u64,
) -> Result<BatchMetrics, TrainError> {
    let max_len = TrainConfig::default().max_len;
    let generator = ExampleGenerator::new(
        tasks,
        Mutator::new(bank, MutatorConfig::default()),
        ExampleConfig { k_min: k, k_max: k, random_start_share: 0.0, stub_share: 0.0, clean_share: 0.0, seed },
    );
    let items: Vec<TrainItem> = (0..n as u64 * 2)
        .into_par_iter()
        .filter_map(|i| TrainItem::new(tokenizer, &generator.example(i)?, max_len))
        .collect::<Vec<_>>()
        .into_iter()
        .take(n)
        .collect();
    evaluate(model, &items, 2048, &Device::Cpu)
}
