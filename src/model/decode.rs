//! Decoding one edit: the model's input prefix, and greedy decoding with or without the KV cache.
//!
//! The prefix is `<spec> spec <prog> program <edit>`; the decoder picks the start pointer (masked to node starts),
//! the end pointer (masked to the ends of nodes with that start), then writes replacement tokens until `<eos>`.
//! With the cache each step feeds one token; without it, each step re-runs the whole sequence (the reference the
//! cache is tested and benchmarked against).

use std::collections::HashMap;

use candle_core::{D, Device, Result, Tensor};

use super::tokenizer::special;
use super::{Cache, EditModel, Inputs, Tokenizer};
use crate::corpus::{Spec, Tests};
use crate::syntax::{self, Span};

/// Spec tokens kept (the start of the spec: signature, docstring's opening, first tests).
pub const MAX_SPEC_TOKENS: usize = 160;

/// The spec as text the tokenizer reads: signature, docstring, tests.
pub fn spec_text(spec: &Spec) -> String {
    let mut text = spec.signature.clone();
    if let Some(doc) = &spec.docstring {
        text.push_str("\n\"\"\"");
        text.push_str(doc);
        text.push_str("\"\"\"");
    }
    match &spec.tests {
        Some(Tests::Asserts(lines)) => {
            for line in lines {
                text.push('\n');
                text.push_str(line);
            }
        }
        Some(Tests::Check { source, .. }) => {
            text.push('\n');
            text.push_str(source);
        }
        // A pytest or unittest file: its assert lines (the top-level ones, then those inside test functions), which
        // is what the model saw in training; imports and scaffolding say little about the function.
        Some(Tests::Suite { setup, cases, .. }) => {
            let inner =
                setup.lines().map(str::trim).filter(|l| l.starts_with("assert") || l.starts_with("self.assert"));
            for line in cases.iter().map(|c| c.code.as_str()).filter(|c| c.starts_with("assert")).chain(inner) {
                text.push('\n');
                text.push_str(line);
            }
        }
        None => {}
    }
    text
}

/// The model's view of a program before it edits.
#[derive(Debug, Clone)]
pub struct Prefix {
    /// `<spec> spec <prog> program <edit>`.
    pub ids: Vec<u32>,
    /// Index of the first program token.
    pub program_start: usize,
    /// Byte range in the program of each program token.
    pub offsets: Vec<(u32, u32)>,
    /// `(first, last)` positions (in `ids`) of every replaceable node, sorted.
    pub spans: Vec<(usize, usize)>,
}

impl Prefix {
    pub fn new(tokenizer: &Tokenizer, spec: &str, program: &str) -> Prefix {
        let mut ids = vec![special::SPEC];
        let spec_ids = tokenizer.encode_ids(spec);
        ids.extend(&spec_ids[..spec_ids.len().min(MAX_SPEC_TOKENS)]);
        ids.push(special::PROG);
        let program_start = ids.len();
        let enc = tokenizer.encode(program);
        ids.extend(&enc.ids);
        ids.push(special::EDIT);
        // Byte offset → token index, for node starts and ends.
        let mut first_at: HashMap<u32, usize> = HashMap::new();
        let mut last_at: HashMap<u32, usize> = HashMap::new();
        for (i, &(s, e)) in enc.offsets.iter().enumerate() {
            if e > s {
                first_at.entry(s).or_insert(i);
                last_at.insert(e, i);
            }
        }
        let tree = syntax::parse(program);
        let mut spans: Vec<(usize, usize)> = tree
            .nodes()
            .iter()
            .filter(|n| n.class.is_some())
            .filter_map(|n| {
                Some((program_start + first_at.get(&n.span.start)?, program_start + last_at.get(&n.span.end)?))
            })
            .collect();
        spans.sort_unstable();
        spans.dedup();
        Prefix { ids, program_start, offsets: enc.offsets, spans }
    }

    /// Index of `<edit>`.
    pub fn edit(&self) -> usize {
        self.ids.len() - 1
    }

    /// The start pointer's "no edit" choice: `<edit>` itself (the program is done).
    pub fn no_edit(&self) -> usize {
        self.edit()
    }

    /// Distinct node-start positions (the start pointer's choices when an edit is to be made).
    pub fn starts(&self) -> Vec<usize> {
        let mut starts: Vec<usize> = self.spans.iter().map(|&(a, _)| a).collect();
        starts.dedup();
        starts
    }

    /// End positions of nodes that start at `start`.
    pub fn ends(&self, start: usize) -> Vec<usize> {
        self.spans.iter().filter(|&&(a, _)| a == start).map(|&(_, b)| b).collect()
    }

    /// Token positions `(first, last)` of a replaceable node's byte span; `None` when no node has that span.
    pub fn token_span(&self, span: Span) -> Option<(usize, usize)> {
        let first = self.offsets.iter().position(|&(s, e)| s == span.start && e > s)?;
        let last = self.offsets.iter().rposition(|&(s, e)| e == span.end && e > s)?;
        let pair = (self.program_start + first, self.program_start + last);
        self.spans.binary_search(&pair).is_ok().then_some(pair)
    }

    /// Byte span in the program of token positions `first..=last`.
    pub fn byte_span(&self, first: usize, last: usize) -> Span {
        let s = self.offsets[first - self.program_start].0;
        let e = self.offsets[last - self.program_start].1;
        Span { start: s, end: e }
    }
}

/// One decoded edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub span: Span,
    pub replacement: String,
    /// Replacement token ids (without `<eos>`).
    pub tokens: Vec<u32>,
    /// Sum of log-probabilities of the choices made (both pointers and every token).
    pub log_prob: f32,
    /// Logits of every token step, for tests comparing the cached and uncached paths.
    pub step_logits: Vec<Vec<f32>>,
}

fn masked_argmax(scores: &Tensor, allowed: &[usize]) -> Result<(usize, f32)> {
    let scores: Vec<f32> = scores.to_vec1()?;
    let mut masked = vec![f32::NEG_INFINITY; scores.len()];
    for &a in allowed {
        if a < scores.len() {
            masked[a] = scores[a];
        }
    }
    let max = masked.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let log_z = max + masked.iter().map(|&x| (x - max).exp()).sum::<f32>().ln();
    let (best, &score) = masked
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1))
        .ok_or_else(|| candle_core::Error::Msg("no choice".into()))?;
    Ok((best, score - log_z))
}

fn step_inputs(ids: &[u32], pointed: &[(usize, u32, u32)], device: &Device) -> Result<Inputs> {
    // `pointed`: (index in `ids`, pointed token, pointed position)
    let t = ids.len();
    let mut toks = vec![0u32; t];
    let mut poss = vec![0u32; t];
    let mut slots = vec![0f32; t];
    for &(i, tok, pos) in pointed {
        toks[i] = tok;
        poss[i] = pos;
        slots[i] = 1.0;
    }
    Ok(Inputs {
        tokens: Tensor::from_slice(ids, (1, t), device)?,
        pointed_tokens: Tensor::from_vec(toks, (1, t), device)?,
        pointed_positions: Tensor::from_vec(poss, (1, t), device)?,
        pointer_slots: Tensor::from_vec(slots, (1, t), device)?,
    })
}

/// Greedy decoding of one edit. `use_cache` selects the KV-cached path (one token per step) or the reference
/// path that re-runs the whole sequence at every step. `None` when the program has no replaceable node.
pub fn greedy_edit(
    model: &EditModel,
    tokenizer: &Tokenizer,
    prefix: &Prefix,
    max_tokens: usize,
    use_cache: bool,
) -> Result<Option<Proposal>> {
    let device = Device::Cpu;
    let starts = prefix.starts();
    if starts.is_empty() {
        return Ok(None);
    }
    let max_tokens = max_tokens.min(model.config().max_position_embeddings.saturating_sub(prefix.ids.len() + 3));
    let mut ids = prefix.ids.clone();
    let mut pointed: Vec<(usize, u32, u32)> = Vec::new();
    let mut cache = Cache::new(model.config());
    // Hidden states of the whole prefix: the pointer keys.
    let hidden = model.forward(&step_inputs(&ids, &pointed, &device)?, use_cache.then_some(&mut cache))?;
    let keys = hidden.clone();
    let last = |h: &Tensor| -> Result<Tensor> { h.narrow(1, h.dim(1)? - 1, 1)?.squeeze(1) };
    let (start, lp_start) = masked_argmax(&model.pointer_scores(&last(&hidden)?, &keys)?.squeeze(0)?, &starts)?;

    // Feeds the next token (with its pointer, if any); returns the last hidden state (1, d).
    let mut feed = |ids: &mut Vec<u32>,
                    pointed: &mut Vec<(usize, u32, u32)>,
                    token: u32,
                    pointer: Option<usize>|
     -> Result<Tensor> {
        let i = ids.len();
        ids.push(token);
        if let Some(p) = pointer {
            pointed.push((i, ids[p], p as u32));
        }
        if use_cache {
            let local: Vec<(usize, u32, u32)> =
                pointed.iter().filter(|p| p.0 == i).map(|&(_, t, q)| (0, t, q)).collect();
            last(&model.forward(&step_inputs(&ids[i..], &local, &device)?, Some(&mut cache))?)
        } else {
            last(&model.forward(&step_inputs(ids, pointed, &device)?, None)?)
        }
    };
    let h = feed(&mut ids, &mut pointed, special::PTR_START, Some(start))?;
    let (end, lp_end) = masked_argmax(&model.pointer_scores(&h, &keys)?.squeeze(0)?, &prefix.ends(start))?;
    let mut h = feed(&mut ids, &mut pointed, special::PTR_END, Some(end))?;
    let mut tokens = Vec::new();
    let mut log_prob = lp_start + lp_end;
    let mut step_logits = Vec::new();
    for _ in 0..max_tokens {
        let logits = model.token_logits(&h)?.squeeze(0)?;
        let log_probs = candle_nn::ops::log_softmax(&logits, D::Minus1)?;
        let next = logits.argmax(D::Minus1)?.to_scalar::<u32>()?;
        log_prob += log_probs.get(next as usize)?.to_scalar::<f32>()?;
        step_logits.push(logits.to_vec1::<f32>()?);
        if next == special::EOS {
            break;
        }
        tokens.push(next);
        h = feed(&mut ids, &mut pointed, next, None)?;
    }
    Ok(Some(Proposal {
        span: prefix.byte_span(start, end),
        replacement: tokenizer.decode(&tokens),
        tokens,
        log_prob,
        step_logits,
    }))
}
