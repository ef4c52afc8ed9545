//! Sampled, constrained edit proposals from the model.
//!
//! [`sample_edits`] is the sampling sibling of [`crate::model::decode::greedy_edit`]: the prefix runs through the
//! model once, and every sample continues from a clone of its KV cache (cloning shares the tensors), so N samples
//! cost one prefix pass plus N short decodes. Pointers are masked to real node spans by the [`Prefix`];
//! temperature and top-p shape every choice (both pointers and each replacement token).
//!
//! [`Proposer`] adds the second constraint: the replacement must parse as the replaced node's class at its site.
//! Each sample is spliced and re-parsed incrementally ([`Tree::edited`]); a sample that leaves a syntax error, or
//! no node of the same class where the old one stood, is rejected and counted, and another is drawn.

use candle_core::{Device, Result, Tensor};
use rand::{Rng, RngExt};

use crate::model::decode::Prefix;
use crate::model::tokenizer::special;
use crate::model::{Cache, EditModel, Inputs, Tokenizer};
use crate::syntax::{Edit, ReplacementClass, Span, Tree};

/// How choices are sampled. `temperature` 0 is greedy.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Sampling {
    pub temperature: f32,
    /// Nucleus sampling: the smallest set of choices whose probability reaches `top_p`.
    pub top_p: f32,
    /// Replacement tokens per edit at most.
    pub max_tokens: usize,
}

impl Default for Sampling {
    fn default() -> Self {
        Sampling { temperature: 1.0, top_p: 0.95, max_tokens: 48 }
    }
}

/// One sampled edit of a program (byte span in that program, dedented replacement text).
#[derive(Debug, Clone, PartialEq)]
pub struct SampledEdit {
    pub span: Span,
    pub replacement: String,
    /// Sum of the model's log-probabilities (untempered) of the choices made.
    pub log_prob: f32,
}

/// Chooses one of `allowed` (indices into `scores`) by tempered top-p sampling; returns it and its untempered
/// log-probability among the allowed choices.
fn sample_choice<R: Rng>(scores: &[f32], allowed: &[usize], sampling: &Sampling, rng: &mut R) -> Option<(usize, f32)> {
    let choices: Vec<(usize, f32)> = allowed.iter().filter(|&&a| a < scores.len()).map(|&a| (a, scores[a])).collect();
    if choices.is_empty() {
        return None;
    }
    let max = choices.iter().map(|c| c.1).fold(f32::NEG_INFINITY, f32::max);
    let log_z = max + choices.iter().map(|c| (c.1 - max).exp()).sum::<f32>().ln();
    let log_prob = |s: f32| s - log_z;
    if sampling.temperature <= 0.0 {
        let best = choices.iter().max_by(|a, b| a.1.total_cmp(&b.1))?;
        return Some((best.0, log_prob(best.1)));
    }
    // Tempered probabilities, sorted descending, cut at top_p.
    let t = sampling.temperature;
    let mut probs: Vec<(usize, f32, f32)> = choices.iter().map(|&(i, s)| (i, ((s - max) / t).exp(), s)).collect();
    probs.sort_by(|a, b| b.1.total_cmp(&a.1));
    let total: f32 = probs.iter().map(|p| p.1).sum();
    let mut kept = 0;
    let mut mass = 0.0;
    for p in &probs {
        kept += 1;
        mass += p.1 / total;
        if mass >= sampling.top_p {
            break;
        }
    }
    probs.truncate(kept.max(1));
    let kept_total: f32 = probs.iter().map(|p| p.1).sum();
    let mut x = rng.random_range(0.0..1.0f32) * kept_total;
    for &(i, p, s) in &probs {
        if x < p {
            return Some((i, log_prob(s)));
        }
        x -= p;
    }
    let &(i, _, s) = probs.last()?;
    Some((i, log_prob(s)))
}

fn inputs(ids: &[u32], pointer: Option<(u32, u32)>, device: &Device) -> Result<Inputs> {
    let t = ids.len();
    let (mut toks, mut poss, mut slots) = (vec![0u32; t], vec![0u32; t], vec![0f32; t]);
    if let Some((tok, pos)) = pointer {
        // Only single-token steps carry a pointer: the slot is the last (only) position.
        toks[t - 1] = tok;
        poss[t - 1] = pos;
        slots[t - 1] = 1.0;
    }
    Ok(Inputs {
        tokens: Tensor::from_slice(ids, (1, t), device)?,
        pointed_tokens: Tensor::from_vec(toks, (1, t), device)?,
        pointed_positions: Tensor::from_vec(poss, (1, t), device)?,
        pointer_slots: Tensor::from_vec(slots, (1, t), device)?,
    })
}

fn last(h: &Tensor) -> Result<Tensor> {
    h.narrow(1, h.dim(1)? - 1, 1)?.squeeze(1)
}

/// Samples `n` edits of the prefix's program, KV-cached, sharing one pass over the prefix. Fewer than `n` come
/// back only when the program has no replaceable node. Counts as `n` model calls.
pub fn sample_edits<R: Rng>(
    model: &EditModel,
    tokenizer: &Tokenizer,
    prefix: &Prefix,
    n: usize,
    sampling: &Sampling,
    rng: &mut R,
) -> Result<Vec<SampledEdit>> {
    let device = Device::Cpu;
    let starts = prefix.starts();
    if starts.is_empty() || n == 0 {
        return Ok(Vec::new());
    }
    let room = model.config().max_position_embeddings.saturating_sub(prefix.ids.len() + 3);
    let max_tokens = sampling.max_tokens.min(room);
    let mut base = Cache::new(model.config());
    let keys = model.forward(&inputs(&prefix.ids, None, &device)?, Some(&mut base))?;
    let start_scores: Vec<f32> = model.pointer_scores(&last(&keys)?, &keys)?.squeeze(0)?.to_vec1()?;
    // Replacement tokens: `<eos>` and real text; never the structural markers (`<spec>`, pointers, padding).
    let vocab: Vec<usize> =
        std::iter::once(special::EOS as usize).chain(special::NL as usize..tokenizer.vocab_size()).collect();
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        let Some((start, lp_start)) = sample_choice(&start_scores, &starts, sampling, rng) else { break };
        let mut cache = base.clone();
        let mut feed = |token: u32, pointer: Option<usize>| -> Result<Tensor> {
            let pointer = pointer.map(|p| (prefix.ids[p], p as u32));
            last(&model.forward(&inputs(&[token], pointer, &device)?, Some(&mut cache))?)
        };
        let h = feed(special::PTR_START, Some(start))?;
        let end_scores: Vec<f32> = model.pointer_scores(&h, &keys)?.squeeze(0)?.to_vec1()?;
        let Some((end, lp_end)) = sample_choice(&end_scores, &prefix.ends(start), sampling, rng) else { break };
        let mut h = feed(special::PTR_END, Some(end))?;
        let mut tokens = Vec::new();
        let mut log_prob = lp_start + lp_end;
        for _ in 0..max_tokens {
            let logits: Vec<f32> = model.token_logits(&h)?.squeeze(0)?.to_vec1()?;
            let Some((next, lp)) = sample_choice(&logits, &vocab, sampling, rng) else { break };
            log_prob += lp;
            if next as u32 == special::EOS {
                break;
            }
            tokens.push(next as u32);
            h = feed(next as u32, None)?;
        }
        out.push(SampledEdit { span: prefix.byte_span(start, end), replacement: tokenizer.decode(&tokens), log_prob });
    }
    Ok(out)
}

/// The class of the node an edit replaces: the outermost replaceable node with exactly that span.
pub fn class_at(tree: &Tree, span: Span) -> Option<ReplacementClass> {
    tree.nodes().iter().find(|n| n.span == span && n.class.is_some()).and_then(|n| n.class)
}

/// See [`Tree::splice_checked`] (shared with the forward process).
pub fn splice_checked(tree: &Tree, span: Span, class: ReplacementClass, text: &str) -> Option<(Edit, Tree)> {
    tree.splice_checked(span, class, text)
}

/// A constrained proposal: the edit, the program after it, and the model's log-probability of it.
#[derive(Debug, Clone)]
pub struct Proposal {
    pub edit: Edit,
    pub tree: Tree,
    pub log_prob: f32,
}

/// Counters of the constrained decoder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct ProposeStats {
    /// Edits sampled from the model (each is one model call).
    pub sampled: u64,
    /// Sampled edits rejected: the splice did not parse as the node's class, or changed nothing.
    pub rejected: u64,
}

/// Samples edits and keeps only those that splice cleanly (see the module doc).
pub struct Proposer<'m> {
    pub model: &'m EditModel,
    pub tokenizer: &'m Tokenizer,
    pub spec: String,
    pub sampling: Sampling,
    /// Samples drawn per wanted proposal before giving up (resampling on rejection).
    pub max_attempts: usize,
    pub stats: ProposeStats,
}

impl<'m> Proposer<'m> {
    pub fn new(model: &'m EditModel, tokenizer: &'m Tokenizer, spec: String, sampling: Sampling) -> Proposer<'m> {
        Proposer { model, tokenizer, spec, sampling, max_attempts: 4, stats: ProposeStats::default() }
    }

    /// Up to `n` constrained proposals for `tree` (fewer when too many samples are rejected).
    pub fn propose<R: Rng>(&mut self, tree: &Tree, n: usize, rng: &mut R) -> Result<Vec<Proposal>> {
        let prefix = Prefix::new(self.tokenizer, &self.spec, tree.source());
        let mut out = Vec::with_capacity(n);
        let mut tries = 0;
        while out.len() < n && tries < self.max_attempts {
            tries += 1;
            let want = n - out.len();
            let samples = sample_edits(self.model, self.tokenizer, &prefix, want, &self.sampling, rng)?;
            if samples.is_empty() {
                break;
            }
            for s in samples {
                self.stats.sampled += 1;
                let accepted = class_at(tree, s.span)
                    .filter(|_| tree.text(s.span).trim() != s.replacement.trim())
                    .and_then(|class| splice_checked(tree, s.span, class, &s.replacement));
                match accepted {
                    Some((edit, new_tree)) => out.push(Proposal { edit, tree: new_tree, log_prob: s.log_prob }),
                    None => self.stats.rejected += 1,
                }
            }
        }
        Ok(out)
    }
}
