//! Kelp: tree diffusion for Python program synthesis and repair.
//!
//! A clean Python function is corrupted by replacing random syntax subtrees with fragments from a subtree bank
//! (the forward process, [`noise`]); [`noise::tree_diff`] computes the edit path back to the clean function; a model
//! learns to predict one edit at a time, and a search runs candidates against the tests in a sandbox ([`exec`]).
//!
//! One module per pipeline stage, in data-flow order:
//!
//! | module | owns |
//! |---|---|
//! | [`syntax`] | parsing (tree-sitter-python), node kinds and replacement classes, byte spans, splicing, normalised AST |
//! | [`corpus`] | programs, specs and tasks: loaders (toy set, `.py` directories, JSONL), function extraction, dedup, hold-out |
//! | [`noise`] | subtree bank, mutation (forward process), TreeDiff edit paths, training examples |
//! | [`exec`] | everything that runs CPython: the validity gate and the sandboxed worker pool that runs tests |
//! | [`model`] | tokenizer, edit transformer, KV-cached decoding, checkpoints |
//! | [`search`] | constrained sampled proposals, rollouts with refinement, the model-free baseline, execution-guided ranking |
//!
//! The `kelp` binary is a thin layer over these modules.

pub mod corpus;
pub mod eval;
pub mod exec;
pub mod model;
pub mod noise;
pub mod search;
pub mod syntax;
pub mod train;
