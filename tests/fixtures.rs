//! Shared, lazily built fixtures (built once per test binary): the standard-library corpus and its subtree bank,
//! a tiny random model.

use std::sync::OnceLock;

use candle_core::{DType, Device};
use candle_nn::{VarBuilder, VarMap};
use kelp::corpus::{Corpus, CorpusConfig, HoldOut, toy_tasks};
use kelp::model::{EditModel, EditModelConfig, Tokenizer};
use kelp::noise::SubtreeBank;

pub fn stdlib_corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        Corpus::build(&CorpusConfig::default(), &HoldOut::evaluation_sets()).expect("the stdlib corpus builds")
    })
}

pub fn stdlib_bank() -> &'static SubtreeBank {
    static BANK: OnceLock<SubtreeBank> = OnceLock::new();
    BANK.get_or_init(|| {
        let sources: Vec<&str> = stdlib_corpus().tasks.iter().map(|t| t.source.as_str()).collect();
        SubtreeBank::from_sources(&sources, 24)
    })
}

/// A tiny randomly initialised model: proposals are noise, which is what the constraints must survive.
pub fn tiny_random_model() -> &'static (Tokenizer, EditModel) {
    static MODEL: OnceLock<(Tokenizer, EditModel)> = OnceLock::new();
    MODEL.get_or_init(|| {
        let sources: Vec<String> = toy_tasks().into_iter().map(|t| t.source).collect();
        let tokenizer = Tokenizer::train(&sources, 400).unwrap();
        let varmap = VarMap::new();
        let config = EditModelConfig::tiny(tokenizer.vocab_size());
        let model = EditModel::load(VarBuilder::from_varmap(&varmap, DType::F32, &Device::Cpu), &config).unwrap();
        (tokenizer, model)
    })
}
