//! The model stage: the tree-following tokenizer, the edit transformer and checkpoint I/O.
//!
//! - [`Tokenizer`]: tree-sitter leaves + byte-level BPE inside leaves, saved as `tokenizer.json`.
//! - [`EditModel`]: LLaMA-style decoder with a pointer head (`transformer.rs`), config as HF `config.json`.
//! - [`decode`]: the input prefix and greedy decoding of one edit, with or without the KV cache.
//! - [`checkpoint`]: `config.json` + `model.safetensors` + `tokenizer.json`, saved atomically, loaded with checks.
//!
//! This stage never runs Python and never touches the sandbox.

pub mod checkpoint;
pub mod decode;
pub mod tokenizer;
mod transformer;

pub use checkpoint::Checkpoint;
pub use tokenizer::{Encoding, Tokenizer};
pub use transformer::{Cache, EditModel, EditModelConfig, Inputs};

/// Errors of the model stage; each names the file or the mismatch.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    #[error("tokenizer: {0}")]
    Tokenizer(String),
    #[error("{path}: {message}")]
    Checkpoint { path: std::path::PathBuf, message: String },
    #[error(transparent)]
    Candle(#[from] candle_core::Error),
}
