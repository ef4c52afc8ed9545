//! Model benchmarks at the default size (d 256, 4 layers, 4 heads, FFN 1024, vocab 4096), one process, all cores:
//!
//! - `train_step`: forward + backward + AdamW on a B16 × T128 batch; the loss is the edit loss's shape (pointer
//!   scores at one position, tied-LM-head cross-entropy on the last 32 positions). Throughput in tokens/s.
//!   `bench/pytorch_reference.py` runs the same model, batch and loss in PyTorch CPU eager.
//! - `decode`: 64 replacement tokens after a 256-token prefix, with the KV cache and without it (re-running the
//!   whole sequence each step). Throughput in decoded tokens/s.
//!
//! `cargo bench --bench model`

use candle_core::{D, DType, Device, Tensor};
use candle_nn::{VarBuilder, VarMap};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kelp::model::{Cache, EditModel, EditModelConfig, Inputs};
use kelp::train::AdamW;

const B: usize = 16;
const T: usize = 128;
const TAIL: usize = 32;

fn random_tokens(b: usize, t: usize, vocab: usize, seed: u64) -> Tensor {
    let mut x = seed;
    let ids: Vec<u32> = (0..b * t)
        .map(|_| {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((x >> 33) % vocab as u64) as u32
        })
        .collect();
    Tensor::from_vec(ids, (b, t), &Device::Cpu).unwrap()
}

fn model() -> (VarMap, EditModel) {
    let varmap = VarMap::new();
    let config = EditModelConfig::default_size(4096);
    let model = EditModel::load(VarBuilder::from_varmap(&varmap, DType::F32, &Device::Cpu), &config).unwrap();
    (varmap, model)
}

fn train_step(c: &mut Criterion) {
    let (varmap, model) = model();
    let vars: Vec<_> = varmap.data().lock().unwrap().iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    let mut opt = AdamW::new(vars, 0.01).unwrap();
    let tokens = random_tokens(B, T, 4096, 1);
    let inputs = Inputs::tokens(tokens.clone()).unwrap();
    let targets = tokens.narrow(1, T - TAIL, TAIL).unwrap().flatten_all().unwrap();
    let pointer_target = Tensor::from_vec(vec![3u32; B], B, &Device::Cpu).unwrap();
    let mut group = c.benchmark_group("model");
    group.sample_size(10);
    group.throughput(Throughput::Elements((B * T) as u64));
    group.bench_function("train_step_b16_t128", |b| {
        b.iter(|| {
            let hidden = model.forward(&inputs, None).unwrap(); // (B, T, d)
            let tail = hidden.narrow(1, T - TAIL, TAIL).unwrap().reshape((B * TAIL, 256)).unwrap();
            let logits = model.token_logits(&tail).unwrap();
            let query = hidden.narrow(1, T - TAIL - 1, 1).unwrap().squeeze(1).unwrap();
            let scores = model.pointer_scores(&query, &hidden).unwrap();
            let loss = (candle_nn::loss::cross_entropy(&logits, &targets).unwrap()
                + candle_nn::loss::cross_entropy(&scores, &pointer_target).unwrap())
            .unwrap();
            opt.step(&loss.backward().unwrap(), 1e-4, 1.0).unwrap()
        })
    });
    group.finish();
}

fn decode(c: &mut Criterion) {
    let (_varmap, model) = model();
    let prefix = random_tokens(1, 256, 4096, 2);
    let steps = 64;
    let mut group = c.benchmark_group("model");
    group.sample_size(10);
    group.throughput(Throughput::Elements(steps as u64));
    group.bench_function("decode_64_after_256_cached", |b| {
        b.iter(|| {
            let mut cache = Cache::new(model.config());
            let mut h = model.forward(&Inputs::tokens(prefix.clone()).unwrap(), Some(&mut cache)).unwrap();
            for _ in 0..steps {
                let last = h.narrow(1, h.dim(1).unwrap() - 1, 1).unwrap().squeeze(1).unwrap();
                let next = model.token_logits(&last).unwrap().argmax(D::Minus1).unwrap();
                h = model.forward(&Inputs::tokens(next.unsqueeze(0).unwrap()).unwrap(), Some(&mut cache)).unwrap();
            }
        })
    });
    group.bench_function("decode_64_after_256_uncached", |b| {
        b.iter(|| {
            let mut seq = prefix.clone();
            for _ in 0..steps {
                let h = model.forward(&Inputs::tokens(seq.clone()).unwrap(), None).unwrap();
                let last = h.narrow(1, h.dim(1).unwrap() - 1, 1).unwrap().squeeze(1).unwrap();
                let next = model.token_logits(&last).unwrap().argmax(D::Minus1).unwrap();
                seq = Tensor::cat(&[&seq, &next.unsqueeze(0).unwrap()], 1).unwrap();
            }
        })
    });
    group.finish();
}

criterion_group!(benches, train_step, decode);
criterion_main!(benches);
