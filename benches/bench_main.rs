//! Criterion benchmarks of the foundation's hot paths, on standard-library functions, one thread:
//! parse, mutate (one k ∈ 1..5 corruption), diff (TreeDiff of a corruption), and whole training examples.
//!
//! `cargo bench --bench bench_main`; criterion's "thrpt" line for `example` is examples per second on one core.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use kelp::corpus::{Corpus, CorpusConfig, HoldOut};
use kelp::noise::{ExampleConfig, ExampleGenerator, Mutator, MutatorConfig, SubtreeBank, tree_diff};
use kelp::syntax::parse;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

const SAMPLE: usize = 1000;

fn foundation(c: &mut Criterion) {
    let corpus = Corpus::build(&CorpusConfig::default(), &HoldOut::toy_eval()).expect("stdlib corpus");
    let sources: Vec<&str> = corpus.tasks.iter().map(|t| t.source.as_str()).collect();
    let bank = SubtreeBank::from_sources(&sources, 24);
    let mutator = Mutator::new(&bank, MutatorConfig::default());
    // Every 40th function: a fixed, spread-out sample.
    let sample: Vec<&str> = sources.iter().step_by(sources.len() / SAMPLE).take(SAMPLE).copied().collect();
    let trees: Vec<_> = sample.iter().map(|s| parse(*s)).collect();
    let mut rng = ChaCha8Rng::seed_from_u64(0);
    let corruptions: Vec<_> =
        trees.iter().enumerate().filter_map(|(i, t)| mutator.corrupt(t, 1 + i % 5, &mut rng).map(|c| c.tree)).collect();

    let mut group = c.benchmark_group("foundation");
    group.sample_size(10);
    group.throughput(Throughput::Elements(sample.len() as u64));
    group.bench_function("parse", |b| b.iter(|| sample.iter().map(|s| parse(*s).nodes().len()).sum::<usize>()));
    group.bench_function("mutate", |b| {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        b.iter(|| trees.iter().enumerate().filter_map(|(i, t)| mutator.corrupt(t, 1 + i % 5, &mut rng)).count())
    });
    group.throughput(Throughput::Elements(corruptions.len() as u64));
    group.bench_function("diff", |b| {
        b.iter(|| corruptions.iter().zip(&trees).map(|(c, t)| tree_diff(c, t).len()).sum::<usize>())
    });
    let generator = ExampleGenerator::new(&corpus.tasks, mutator.clone(), ExampleConfig::default());
    group.throughput(Throughput::Elements(SAMPLE as u64));
    group.bench_function("example", |b| {
        let mut next = 0u64;
        b.iter(|| {
            let n = (next..next + SAMPLE as u64).filter_map(|i| generator.example(i)).count();
            next += SAMPLE as u64;
            n
        })
    });
    group.finish();
}

criterion_group!(benches, foundation);
criterion_main!(benches);
