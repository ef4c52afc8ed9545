//! Shared, lazily built fixtures: the standard-library corpus and its subtree bank (built once per test binary).

use std::sync::OnceLock;

use kelp::corpus::{Corpus, CorpusConfig, HoldOut};
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
