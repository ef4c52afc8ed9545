//! Model and trainer: gradients reach every parameter, a tiny model overfits, the KV cache is exact, checkpoints
//! round-trip and resume, the tokenizer round-trips the corpus, bad checkpoints are named.

use std::sync::OnceLock;

use candle_core::{DType, Device, Tensor};
use candle_nn::{VarBuilder, VarMap};
use kelp::corpus::{Split, Task, toy_tasks};
use kelp::model::decode::{Prefix, greedy_edit, spec_text};
use kelp::model::{Cache, Checkpoint, EditModel, EditModelConfig, Inputs, Tokenizer, checkpoint};
use kelp::noise::{Example, ExampleConfig, ExampleGenerator, Mutator, MutatorConfig, SubtreeBank};
use kelp::search::PrefixPass;
use kelp::train::{AdamW, Batch, TrainConfig, TrainData, TrainItem, edit_loss, train};

use crate::fixtures::stdlib_corpus;

fn toy_train() -> Vec<Task> {
    toy_tasks().into_iter().filter(|t| t.split == Split::Train).collect()
}

fn tokenizer() -> &'static Tokenizer {
    static TOK: OnceLock<Tokenizer> = OnceLock::new();
    TOK.get_or_init(|| {
        let sources: Vec<String> = toy_tasks().into_iter().map(|t| t.source).collect();
        Tokenizer::train(&sources, 400).unwrap()
    })
}

fn items(n: usize, seed: u64) -> Vec<TrainItem> {
    examples(n, ExampleConfig { seed, ..Default::default() }).into_iter().map(|(_, item)| item).collect()
}

fn examples(n: usize, config: ExampleConfig) -> Vec<(Example, TrainItem)> {
    let tasks = toy_train();
    let bank = bank_of(&tasks);
    let generator = ExampleGenerator::new(&tasks, Mutator::new(&bank, MutatorConfig::default()), config);
    (0..)
        .filter_map(|i| {
            let example = generator.example(i)?;
            let item = TrainItem::new(tokenizer(), &example, 256)?;
            Some((example, item))
        })
        .take(n)
        .collect()
}

fn tiny_model(hidden: usize) -> (VarMap, EditModel) {
    let varmap = VarMap::new();
    let config = EditModelConfig {
        hidden_size: hidden,
        intermediate_size: hidden * 2,
        ..EditModelConfig::tiny(tokenizer().vocab_size())
    };
    let model = EditModel::load(VarBuilder::from_varmap(&varmap, DType::F32, &Device::Cpu), &config).unwrap();
    (varmap, model)
}

fn named_vars(varmap: &VarMap) -> Vec<(String, candle_core::Var)> {
    varmap.data().lock().unwrap().iter().map(|(k, v)| (k.clone(), v.clone())).collect()
}

#[test]
fn every_parameter_receives_a_gradient() {
    let (varmap, model) = tiny_model(32);
    let batch = Batch::new(&items(8, 1), &Device::Cpu).unwrap();
    let (loss, _) = edit_loss(&model, &batch).unwrap();
    let grads = loss.backward().unwrap();
    let vars = named_vars(&varmap);
    assert!(vars.len() >= 20, "{} variables", vars.len());
    for (name, var) in vars {
        let g = grads.get(var.as_tensor()).unwrap_or_else(|| panic!("{name} has no gradient"));
        let size = g.abs().unwrap().sum_all().unwrap().to_scalar::<f32>().unwrap();
        assert!(size > 0.0, "{name} has a zero gradient");
    }
}

#[test]
fn tiny_model_overfits_eight_examples() {
    let (varmap, model) = tiny_model(64);
    let batch = Batch::new(&items(8, 2), &Device::Cpu).unwrap();
    let mut opt = AdamW::new(named_vars(&varmap), 0.0).unwrap();
    let mut last = f32::MAX;
    for _ in 0..300 {
        let (loss, metrics) = edit_loss(&model, &batch).unwrap();
        last = metrics.loss;
        if last < 0.05 {
            break;
        }
        opt.step(&loss.backward().unwrap(), 3e-3, 1.0).unwrap();
    }
    let (_, metrics) = edit_loss(&model, &batch).unwrap();
    eprintln!("overfit: loss {last:.4}, exact {:.2}", metrics.exact);
    assert!(last < 0.05, "loss still {last}");
    assert_eq!(metrics.exact, 1.0);
}

#[test]
fn a_model_trained_on_clean_programs_says_no_edit_to_them_only() {
    // Half the examples show a clean program (target "no edit"), half a corruption: after overfitting, the search's
    // reading of the start pointer (`PrefixPass::no_edit_log_prob`) calls exactly the clean ones done.
    let examples = examples(12, ExampleConfig { seed: 4, clean_share: 0.5, ..Default::default() });
    let clean = examples.iter().filter(|(e, _)| e.edit.is_none()).count();
    assert!((2..=10).contains(&clean), "{clean} clean of 12");
    for (e, item) in &examples {
        assert_eq!(e.edit.is_none(), item.target == (item.edit, item.edit), "no edit points at <edit>");
        assert!(item.starts.contains(&item.edit), "\"no edit\" is always a choice");
    }
    let (varmap, model) = tiny_model(64);
    let items: Vec<TrainItem> = examples.iter().map(|(_, item)| item.clone()).collect();
    let batch = Batch::new(&items, &Device::Cpu).unwrap();
    let mut opt = AdamW::new(named_vars(&varmap), 0.0).unwrap();
    for _ in 0..300 {
        let (loss, metrics) = edit_loss(&model, &batch).unwrap();
        if metrics.loss < 0.05 {
            break;
        }
        opt.step(&loss.backward().unwrap(), 3e-3, 1.0).unwrap();
    }
    let (_, metrics) = edit_loss(&model, &batch).unwrap();
    assert_eq!((metrics.clean, metrics.clean_stopped, metrics.wrongly_stopped), (clean as f32, clean as f32, 0.0));
    for (example, _) in &examples {
        let prefix = Prefix::new(tokenizer(), &spec_text(&example.spec), &example.state);
        let done =
            PrefixPass::new(&model, &prefix).unwrap().expect("the prefix fits the model").no_edit_log_prob().exp();
        assert_eq!(done > 0.5, example.edit.is_none(), "P(no edit) {done:.3} for {:?}", example.state);
    }
}

#[test]
fn kv_cache_gives_the_same_logits_and_output() {
    let (varmap, model) = tiny_model(32);
    // A few steps so that the model is not uniform.
    let batch = Batch::new(&items(8, 3), &Device::Cpu).unwrap();
    let mut opt = AdamW::new(named_vars(&varmap), 0.0).unwrap();
    for _ in 0..20 {
        let (loss, _) = edit_loss(&model, &batch).unwrap();
        opt.step(&loss.backward().unwrap(), 3e-3, 1.0).unwrap();
    }
    for task in toy_tasks().iter().take(6) {
        let prefix = Prefix::new(tokenizer(), &spec_text(&task.spec), &task.source);
        let cached = greedy_edit(&model, tokenizer(), &prefix, 24, true).unwrap().unwrap();
        let full = greedy_edit(&model, tokenizer(), &prefix, 24, false).unwrap().unwrap();
        assert_eq!(cached.span, full.span);
        assert_eq!(cached.tokens, full.tokens);
        assert_eq!(cached.step_logits.len(), full.step_logits.len());
        for (a, b) in cached.step_logits.iter().zip(&full.step_logits) {
            let diff = a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0f32, f32::max);
            assert!(diff < 1e-4, "logits differ by {diff}");
        }
    }
}

#[test]
fn a_shared_prefix_cache_gives_each_row_its_whole_sequence_output() {
    // Three continuations after one shared prefix, then one more step
    // on the batch's own cache: each row's states must equal running prefix + that row alone, uncached.
    let (_varmap, model) = tiny_model(32);
    let ids = |n: usize, seed: u32| -> Vec<u32> { (0..n as u32).map(|i| 20 + (i * 7 + seed * 13) % 200).collect() };
    let plain = |tokens: &[u32]| -> Inputs {
        let t = tokens.len();
        Inputs {
            tokens: Tensor::from_slice(tokens, (1, t), &Device::Cpu).unwrap(),
            pointed_tokens: Tensor::zeros((1, t), DType::U32, &Device::Cpu).unwrap(),
            pointed_positions: Tensor::zeros((1, t), DType::U32, &Device::Cpu).unwrap(),
            pointer_slots: Tensor::zeros((1, t), DType::F32, &Device::Cpu).unwrap(),
        }
    };
    let prefix = ids(11, 0);
    let rows = [ids(4, 1), ids(4, 2), ids(4, 3)];
    let mut base = Cache::new(model.config());
    model.forward(&plain(&prefix), Some(&mut base)).unwrap();
    let mut shared = base.share().unwrap();
    let flat: Vec<u32> = rows.iter().flatten().copied().collect();
    let batch = Inputs {
        tokens: Tensor::from_vec(flat, (3, 4), &Device::Cpu).unwrap(),
        pointed_tokens: Tensor::zeros((3, 4), DType::U32, &Device::Cpu).unwrap(),
        pointed_positions: Tensor::zeros((3, 4), DType::U32, &Device::Cpu).unwrap(),
        pointer_slots: Tensor::zeros((3, 4), DType::F32, &Device::Cpu).unwrap(),
    };
    let states = model.forward(&batch, Some(&mut shared)).unwrap(); // (3, 4, d)
    assert_eq!(shared.len(), prefix.len() + 4);
    let step = Inputs {
        tokens: Tensor::from_vec(vec![50u32, 60, 70], (3, 1), &Device::Cpu).unwrap(),
        pointed_tokens: Tensor::zeros((3, 1), DType::U32, &Device::Cpu).unwrap(),
        pointed_positions: Tensor::zeros((3, 1), DType::U32, &Device::Cpu).unwrap(),
        pointer_slots: Tensor::zeros((3, 1), DType::F32, &Device::Cpu).unwrap(),
    };
    let next = model.forward(&step, Some(&mut shared)).unwrap(); // (3, 1, d)
    for (r, row) in rows.iter().enumerate() {
        let mut whole = prefix.clone();
        whole.extend(row);
        whole.push([50, 60, 70][r]);
        let full = model.forward(&plain(&whole), None).unwrap(); // (1, P + 5, d)
        let got = Tensor::cat(&[states.get(r).unwrap(), next.get(r).unwrap()], 0).unwrap();
        let want = full.get(0).unwrap().narrow(0, prefix.len(), 5).unwrap();
        let diff: f32 = (got - want).unwrap().abs().unwrap().max_all().unwrap().to_scalar().unwrap();
        assert!(diff < 1e-4, "row {r}: states differ by {diff}");
    }
    // A shared cache is not shared again.
    assert!(shared.share().is_err());
}

#[test]
fn checkpoint_round_trips_and_bad_checkpoints_are_named() {
    let (varmap, model) = tiny_model(32);
    let dir = std::env::temp_dir().join(format!("kelp-ckpt-{}", std::process::id()));
    checkpoint::save(&dir, &varmap, model.config(), tokenizer(), false, &[]).unwrap();
    let loaded = Checkpoint::load(&dir).unwrap();
    let batch = Batch::new(&items(4, 4), &Device::Cpu).unwrap();
    let a = model.forward(&batch.inputs, None).unwrap();
    let b = loaded.model.forward(&batch.inputs, None).unwrap();
    let diff = (a - b).unwrap().abs().unwrap().max_all().unwrap().to_scalar::<f32>().unwrap();
    assert_eq!(diff, 0.0);
    let _ = Inputs::tokens(batch.inputs.tokens.clone()).unwrap();

    let message = |dir: &std::path::Path| Checkpoint::load(dir).err().map(|e| e.to_string()).unwrap_or_default();
    // Missing.
    assert!(message(&dir.join("nope")).contains("no such checkpoint directory"));
    // A config that does not match the weights.
    let config_path = dir.join(checkpoint::CONFIG_FILE);
    let good_config = std::fs::read_to_string(&config_path).unwrap();
    std::fs::write(&config_path, good_config.replace("\"hidden_size\": 32", "\"hidden_size\": 48")).unwrap();
    let m = message(&dir);
    assert!(m.contains("model.safetensors") && m.contains("shape"), "{m}");
    // A tokenizer of another vocabulary.
    let vocab = format!("\"vocab_size\": {}", tokenizer().vocab_size());
    let other = format!("\"vocab_size\": {}", tokenizer().vocab_size() + 7);
    std::fs::write(&config_path, good_config.replace(&vocab, &other)).unwrap();
    let m = message(&dir);
    assert!(m.contains("tokenizer.json") && m.contains(&other.replace("\": ", " ").replace('"', "")), "{m}");
    std::fs::write(&config_path, &good_config).unwrap();
    // Corrupt weights, corrupt config.
    std::fs::write(dir.join(checkpoint::WEIGHTS_FILE), b"not safetensors").unwrap();
    assert!(message(&dir).contains("unreadable weights"));
    std::fs::write(&config_path, "{").unwrap();
    assert!(message(&dir).contains("config.json"));
    std::fs::remove_dir_all(&dir).unwrap();
}

fn bank_of(tasks: &[Task]) -> SubtreeBank {
    let trees: Vec<_> = tasks.iter().map(|t| kelp::syntax::parse(t.source.as_str())).collect();
    SubtreeBank::harvest(&trees, 16)
}

/// A tiny model's run of `steps` steps that evaluates and checkpoints only at its end.
fn tiny_run(steps: usize) -> TrainConfig {
    TrainConfig {
        steps,
        size: "tiny".into(),
        batch_tokens: 1024,
        max_len: 256,
        eval_every: 1000,
        eval_examples: 8,
        checkpoint_minutes: 1e9,
        ..TrainConfig::default()
    }
}

#[test]
fn a_resumed_run_continues_the_same_loss_curve() {
    let tasks = toy_train();
    let bank = bank_of(&tasks);
    let data = TrainData { train_tasks: (&tasks).into(), eval_tasks: (&tasks).into(), bank: &bank };
    let config = tiny_run(20);
    let root = std::env::temp_dir().join(format!("kelp-resume-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let straight = root.join("straight");
    train(&data, tokenizer(), &config, &straight, false, |_| {}).unwrap();
    let resumed = root.join("resumed");
    let killed = TrainConfig { stop_at: Some(10), ..config.clone() };
    let state = train(&data, tokenizer(), &killed, &resumed, false, |_| {}).unwrap();
    assert_eq!(state.step, 10);
    let state = train(&data, tokenizer(), &config, &resumed, true, |_| {}).unwrap();
    assert_eq!(state.step, 20);
    let loss_at = |dir: &std::path::Path, step: usize| -> f32 {
        let text = std::fs::read_to_string(dir.join("metrics.jsonl")).unwrap();
        let line = text
            .lines()
            .rev()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .find(|v| v["kind"] == "train" && v["step"] == step)
            .unwrap();
        line["loss"].as_f64().unwrap() as f32
    };
    for step in [10, 20] {
        let (a, b) = (loss_at(&straight, step), loss_at(&resumed, step));
        assert!((a - b).abs() <= 1e-3 * a.abs().max(1.0), "step {step}: {a} vs {b}");
    }
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn a_run_with_init_starts_from_that_checkpoint() {
    let tasks = toy_train();
    let bank = bank_of(&tasks);
    let data = TrainData { train_tasks: (&tasks).into(), eval_tasks: (&tasks).into(), bank: &bank };
    let config = tiny_run(5);
    let root = std::env::temp_dir().join(format!("kelp-init-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let first = root.join("first");
    train(&data, tokenizer(), &config, &first, false, |_| {}).unwrap();
    // With a learning rate of zero the fine-tuned weights are exactly the ones it started from.
    let init = first.join("checkpoint");
    let frozen = TrainConfig { learning_rate: 0.0, seed: 9, init: Some(init.clone()), ..config.clone() };
    train(&data, tokenizer(), &frozen, &root.join("second"), false, |_| {}).unwrap();
    let weights = |dir: &std::path::Path| {
        let tensors = candle_core::safetensors::load(dir.join(checkpoint::WEIGHTS_FILE), &Device::Cpu).unwrap();
        let mut flat: Vec<(String, Vec<f32>)> =
            tensors.into_iter().map(|(k, t)| (k, t.flatten_all().unwrap().to_vec1().unwrap())).collect();
        flat.sort_by(|a, b| a.0.cmp(&b.0));
        flat
    };
    assert_eq!(weights(&init), weights(&root.join("second").join("checkpoint")));
    // A model config that does not fit the tokenizer is refused by name.
    let other = Tokenizer::train(&["def f(x):\n    return x\n"], 300).unwrap();
    let err = train(&data, &other, &frozen, &root.join("third"), false, |_| {}).expect_err("refused");
    assert!(err.to_string().contains("tokenizer"), "{err}");
    std::fs::remove_dir_all(&root).unwrap();
}

#[test]
fn tokenizer_round_trips_every_corpus_function() {
    let tasks = &stdlib_corpus().tasks;
    let sample: Vec<&str> = tasks.iter().step_by(20).map(|t| t.source.as_str()).collect();
    let tok = Tokenizer::train(&sample, 2000).unwrap();
    let mut tokens = 0usize;
    let mut bytes = 0usize;
    for task in tasks {
        let ids = tok.encode_ids(&task.source);
        tokens += ids.len();
        bytes += task.source.len();
        assert_eq!(tok.decode(&ids), task.source, "{}", task.id);
    }
    eprintln!("{} functions round-trip; {:.2} bytes per token", tasks.len(), bytes as f64 / tokens as f64);
}
