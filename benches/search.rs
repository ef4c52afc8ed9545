//! One best-first expansion's model work with the shipped model (`models/default`), on a HumanEval-sized program
//! (HumanEval/0's prompt and canonical solution, its tests in the spec):
//!
//! - `score_menu`: the prefix pass and the teacher-forced scores of the baseline's whole single-edit menu
//!   ([`score_edits`]; the text of the best-placed `SCORED_TEXTS` edits);
//! - `score_menu_all_texts`: the same with every edit's text scored;
//! - `sample_4`: the prefix pass and four unconstrained samples from the model ([`sample_edits`]), as an
//!   expansion draws them;
//! - `kinds_could_pass`: whether the program could pass its tests as far as the kinds of their values tell
//!   ([`kinds_could_pass`], asked of every candidate before it is run), against a sandbox run's milliseconds;
//! - `apply_menu`: every edit of the menu applied as the baseline's stream applies it ([`apply`]: spliced,
//!   re-parsed, and left out if it writes code that cannot be right), against `splice_menu`, the splice alone
//!   ([`splice_checked`]).
//!
//! `cargo bench --bench search`

use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use kelp::corpus::humaneval_tasks;
use kelp::model::Checkpoint;
use kelp::model::decode::{Prefix, spec_text};
use kelp::search::{
    PrefixPass, SCORED_TEXTS, Sampling, TestFacts, apply, kinds_could_pass, sample_edits, score_edits, single_edits,
    splice_checked,
};
use kelp::syntax;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

fn expansion(c: &mut Criterion) {
    let checkpoint = Checkpoint::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("models/default")).unwrap();
    let task = humaneval_tasks().into_iter().next().unwrap();
    let tree = syntax::parse(&task.source);
    let spec = spec_text(&task.spec);
    let menu = single_edits(&tree);
    let texts: Vec<_> = menu.iter().map(|e| (e.span, e.text.as_str())).collect();
    let (model, tokenizer) = (&checkpoint.model, &checkpoint.tokenizer);
    let prefix = Prefix::new(tokenizer, &spec, tree.source());
    eprintln!("prefix {} tokens, menu {} edits", prefix.ids.len(), menu.len());
    let mut group = c.benchmark_group("search");
    group.sample_size(10);
    group.bench_function("score_menu", |b| {
        b.iter(|| {
            let prefix = Prefix::new(tokenizer, &spec, tree.source());
            score_edits(
                model,
                tokenizer,
                &PrefixPass::new(model, &prefix).unwrap().expect("the prefix fits the model"),
                &texts,
                SCORED_TEXTS,
            )
            .unwrap()
        })
    });
    group.bench_function("score_menu_all_texts", |b| {
        b.iter(|| {
            let prefix = Prefix::new(tokenizer, &spec, tree.source());
            score_edits(
                model,
                tokenizer,
                &PrefixPass::new(model, &prefix).unwrap().expect("the prefix fits the model"),
                &texts,
                usize::MAX,
            )
            .unwrap()
        })
    });
    let mut rng = ChaCha8Rng::seed_from_u64(0);
    group.bench_function("sample_4", |b| {
        b.iter(|| {
            let pass = PrefixPass::new(model, &prefix).unwrap().expect("the prefix fits the model");
            sample_edits(model, tokenizer, &pass, 4, &Sampling::default(), &mut rng).unwrap()
        })
    });
    let facts = TestFacts::of(task.spec.tests.as_ref().expect("HumanEval tasks have tests"), &tree);
    eprintln!("{} stated calls, judged {}", facts.expected.len(), kinds_could_pass(&tree, &facts));
    group.bench_function("kinds_could_pass", |b| b.iter(|| kinds_could_pass(&tree, &facts)));
    let applied = menu.iter().filter_map(|e| apply(&tree, e)).count();
    eprintln!("{applied} of {} menu edits applied", menu.len());
    group.bench_function("apply_menu", |b| b.iter(|| menu.iter().filter_map(|e| apply(&tree, e)).count()));
    group.bench_function("splice_menu", |b| {
        b.iter(|| menu.iter().filter_map(|e| splice_checked(&tree, e.span, e.class, &e.text)).count())
    });
    group.finish();
}

criterion_group!(benches, expansion);
criterion_main!(benches);
