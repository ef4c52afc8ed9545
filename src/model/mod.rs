//! The model stage: the tree-following tokenizer and the edit transformer.
//!
//! - [`Tokenizer`]: tree-sitter leaves + byte-level BPE inside leaves, saved as `tokenizer.json`.
//!
//! This stage never runs Python and never touches the sandbox.

pub mod tokenizer;

pub use tokenizer::{Encoding, Tokenizer};

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
