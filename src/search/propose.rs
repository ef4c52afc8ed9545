//! Sampled, constrained edit proposals from the model.
//!
//! [`sample_edits`] is the sampling sibling of [`crate::model::decode::greedy_edit`]: the prefix runs through the
//! model once ([`PrefixPass`]), and the samples decode side by side as rows of one batch that attends to its KV
//! cache, shared rather than copied, so N samples cost one prefix pass plus one short batched decode. Pointers are
//! masked to real node spans by the [`Prefix`]; temperature and top-p shape every choice (both pointers and each
//! replacement token).
//!
//! [`Proposer`] adds the second constraint: the replacement must parse as the replaced node's class at its site.
//! Each sample is spliced and re-parsed incrementally ([`Tree::edited`]); a sample that leaves a syntax error, or
//! no node of the same class where the old one stood, is rejected and counted, and another is drawn. So is one that
//! renames a function or class of the module ([`Tree::definition_names`]): the tests call them by name.

use std::collections::HashSet;

use candle_core::{DType, Device, Result, Tensor};
use rand::{Rng, RngExt};

use super::baseline::{RawEdit, TestFacts, single_edits_with};
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
    /// The model wrote `<eos>` within the token limit (else the replacement is cut off).
    pub ended: bool,
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
    let total: f32 = probs.iter().map(|p| p.1).sum();
    // Sorting a 4,096-token vocabulary at every decoding step is most of a sample's cost; the nucleus of a trained
    // model is nearly always within its 64 likeliest tokens, so those are found first (linear time) and sorted,
    // and the whole list only when they do not reach top_p.
    const HEAD: usize = 64;
    let descending = |a: &(usize, f32, f32), b: &(usize, f32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if probs.len() > HEAD {
        probs.select_nth_unstable_by(HEAD - 1, descending);
        probs[..HEAD].sort_by(descending);
        let head_mass: f32 = probs[..HEAD].iter().map(|p| p.1).sum();
        if head_mass / total < sampling.top_p {
            probs.sort_by(descending);
        }
    } else {
        probs.sort_by(descending);
    }
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

/// One row of plain tokens (no pointer slots): a prefix.
fn row_inputs(ids: &[u32]) -> Result<Inputs> {
    let (t, device) = (ids.len(), Device::Cpu);
    Ok(Inputs {
        tokens: Tensor::from_slice(ids, (1, t), &device)?,
        pointed_tokens: Tensor::zeros((1, t), DType::U32, &device)?,
        pointed_positions: Tensor::zeros((1, t), DType::U32, &device)?,
        pointer_slots: Tensor::zeros((1, t), DType::F32, &device)?,
    })
}

fn last(h: &Tensor) -> Result<Tensor> {
    h.narrow(1, h.dim(1)? - 1, 1)?.squeeze(1)
}

/// One pass of the model over a prefix (spec and program), shared by everything that continues it: the start
/// pointer's scores, the program's pointer keys, and its KV cache as a shared prefix ([`Cache::share`]).
pub struct PrefixPass<'p> {
    pub prefix: &'p Prefix,
    start_scores: Vec<f32>,
    /// The start scores samples are drawn from, when a place prior reweights them ([`PrefixPass::bias_starts`]).
    biased_starts: Option<Vec<f32>>,
    /// Pointer keys `(1, T, d)` ([`EditModel::pointer_keys`]).
    keys: Tensor,
    shared: Cache,
}

impl<'p> PrefixPass<'p> {
    /// `None` when the prefix leaves no room in the model's context for an edit (a program too long for the
    /// model): the search then goes on without the model's proposals for that program.
    pub fn new(model: &EditModel, prefix: &'p Prefix) -> Result<Option<PrefixPass<'p>>> {
        // `<ptr_start> <ptr_end>` and at least one replacement token or `<eos>`.
        if prefix.ids.len() + 3 > model.config().max_position_embeddings {
            return Ok(None);
        }
        let mut base = Cache::new(model.config());
        let states = model.forward(&row_inputs(&prefix.ids)?, Some(&mut base))?;
        let keys = model.pointer_keys(&states)?;
        let start_scores = model.shared_pointer_scores(&last(&states)?, &keys)?.squeeze(0)?.to_vec1()?;
        Ok(Some(PrefixPass { prefix, start_scores, biased_starts: None, keys, shared: base.share()? }))
    }

    /// Adds a log-prior (nats, at most 0) to the start pointer's score at each given node start, for sampling only:
    /// samples are then drawn from the model's pointer times the prior (a product of experts), while their
    /// `log_prob` stays the model's own. Fault localisation uses it to draw the model's text at the lines the
    /// failing tests run: on HumanEval-repair the model's likeliest place was wrong in 19 of 21 failed one-mutation
    /// searches, and a sample is the only edit whose text no menu holds. Measured on HumanEval-repair (15 problems,
    /// 135 trials, 100 runs): the same repairs at k = 1 and 2, one more at k = 3. At the right place, the
    /// shipped model's text is rarely the repair either.
    pub fn bias_starts(&mut self, priors: impl IntoIterator<Item = (usize, f32)>) {
        let mut biased = self.start_scores.clone();
        for (start, prior) in priors {
            if let Some(score) = biased.get_mut(start) {
                *score += prior;
            }
        }
        self.biased_starts = Some(biased);
    }

    /// The model's log-probability that the program needs no edit: the start pointer at `<edit>`
    /// ([`Prefix::no_edit`]) against every node start. Sampled and scored edits are conditioned on an edit being
    /// made (their start pointer never chooses "no edit"), so they are unaffected by it.
    pub fn no_edit_log_prob(&self) -> f32 {
        let no_edit = self.prefix.no_edit();
        let choices = self.prefix.starts().into_iter().chain(std::iter::once(no_edit));
        log_prob_among(&self.start_scores, choices, no_edit).unwrap_or(0.0)
    }

    /// The model's log-probability that the program needs an edit: `ln(1 − exp(no_edit_log_prob))`, summed over
    /// the node starts rather than subtracted (which rounds to −∞ when the model is sure of "no edit").
    pub fn edit_log_prob(&self) -> f32 {
        let starts = self.prefix.starts();
        let all = starts.iter().copied().chain(std::iter::once(self.prefix.no_edit()));
        log_sum_exp(&self.start_scores, starts.iter().copied()) - log_sum_exp(&self.start_scores, all)
    }
}

/// Every edit of the baseline's menu of `tree` (of which `pass` is the prefix pass; with `test_strings`:
/// [`single_edits_with`]) and the `extra` edits it lacks, with its [`score_edits`] log-probability (`None` where
/// the pointers cannot address it).
pub(super) fn score_menu(
    model: &EditModel,
    tokenizer: &Tokenizer,
    pass: &PrefixPass,
    tree: &Tree,
    facts: &TestFacts,
    extra: Vec<RawEdit>,
) -> Result<Vec<(RawEdit, Option<f32>)>> {
    let mut menu = single_edits_with(tree, facts);
    let mut seen: HashSet<(Span, String)> = menu.iter().map(|m| (m.span, m.text.clone())).collect();
    menu.extend(extra.into_iter().filter(|e| seen.insert((e.span, e.text.clone()))));
    let texts: Vec<_> = menu.iter().map(|e| (e.span, e.text.as_str())).collect();
    let scores = score_edits(model, tokenizer, pass, &texts, SCORED_TEXTS)?;
    Ok(menu.into_iter().zip(scores).collect())
}

/// `b` rows of one step each: a token per row, and for pointer steps the position each row points at.
fn step_inputs(prefix: &Prefix, tokens: &[u32], pointers: Option<&[usize]>) -> Result<Inputs> {
    let b = tokens.len();
    let device = Device::Cpu;
    let (pointed, positions, slots): (Vec<u32>, Vec<u32>, Vec<f32>) = match pointers {
        Some(at) => (at.iter().map(|&p| prefix.ids[p]).collect(), at.iter().map(|&p| p as u32).collect(), vec![1.0; b]),
        None => (vec![0; b], vec![0; b], vec![0.0; b]),
    };
    Ok(Inputs {
        tokens: Tensor::from_slice(tokens, (b, 1), &device)?,
        pointed_tokens: Tensor::from_vec(pointed, (b, 1), &device)?,
        pointed_positions: Tensor::from_vec(positions, (b, 1), &device)?,
        pointer_slots: Tensor::from_vec(slots, (b, 1), &device)?,
    })
}

/// Samples `n` edits of the prefix's program, KV-cached: the `n` samples decode side by side as the rows of one
/// batch that continues the prefix's shared cache (a finished row is fed padding until the last one ends). Fewer
/// than `n` come back only when the program has no replaceable node. Counts as `n` model calls.
pub fn sample_edits<R: Rng>(
    model: &EditModel,
    tokenizer: &Tokenizer,
    pass: &PrefixPass,
    n: usize,
    sampling: &Sampling,
    rng: &mut R,
) -> Result<Vec<SampledEdit>> {
    let prefix = pass.prefix;
    let starts = prefix.starts();
    if starts.is_empty() || n == 0 {
        return Ok(Vec::new());
    }
    let room = model.config().max_position_embeddings.saturating_sub(prefix.ids.len() + 3);
    let max_tokens = sampling.max_tokens.min(room);
    // Replacement tokens: `<eos>` and real text; never the structural markers (`<spec>`, pointers, padding).
    let vocab: Vec<usize> =
        std::iter::once(special::EOS as usize).chain(special::NL as usize..tokenizer.vocab_size()).collect();
    let mut rows: Vec<(usize, f32)> = Vec::with_capacity(n);
    for _ in 0..n {
        let row = match &pass.biased_starts {
            // Drawn from the reweighted scores, scored by the model's own.
            Some(biased) => sample_choice(biased, &starts, sampling, rng).and_then(|(start, _)| {
                Some((start, log_prob_among(&pass.start_scores, starts.iter().copied(), start)?))
            }),
            None => sample_choice(&pass.start_scores, &starts, sampling, rng),
        };
        let Some(start) = row else { break };
        rows.push(start);
    }
    let b = rows.len();
    if b == 0 {
        return Ok(Vec::new());
    }
    let mut cache = pass.shared.clone();
    let row_starts: Vec<usize> = rows.iter().map(|r| r.0).collect();
    let h = model.forward(&step_inputs(prefix, &vec![special::PTR_START; b], Some(&row_starts))?, Some(&mut cache))?;
    let end_scores: Vec<Vec<f32>> = model.shared_pointer_scores(&h.squeeze(1)?, &pass.keys)?.to_vec2()?;
    let mut ends = Vec::with_capacity(b);
    let mut log_probs = Vec::with_capacity(b);
    for ((start, lp_start), scores) in rows.iter().zip(&end_scores) {
        // Every start has at least one end (itself a node's span), so this always chooses.
        let (end, lp_end) = sample_choice(scores, &prefix.ends(*start), sampling, rng).unwrap_or((*start, 0.0));
        ends.push(end);
        log_probs.push(lp_start + lp_end);
    }
    let mut h = model.forward(&step_inputs(prefix, &vec![special::PTR_END; b], Some(&ends))?, Some(&mut cache))?;
    let mut tokens: Vec<Vec<u32>> = vec![Vec::new(); b];
    let mut done = vec![false; b];
    for _ in 0..max_tokens {
        let logits: Vec<Vec<f32>> = model.token_logits(&h.squeeze(1)?)?.to_vec2()?;
        let mut feed = vec![special::PAD; b];
        for r in 0..b {
            if done[r] {
                continue;
            }
            match sample_choice(&logits[r], &vocab, sampling, rng) {
                Some((next, lp)) if next as u32 != special::EOS => {
                    log_probs[r] += lp;
                    tokens[r].push(next as u32);
                    feed[r] = next as u32;
                }
                Some((_, lp)) => {
                    log_probs[r] += lp;
                    done[r] = true;
                }
                None => done[r] = true,
            }
        }
        if done.iter().all(|&d| d) {
            break;
        }
        h = model.forward(&step_inputs(prefix, &feed, None)?, Some(&mut cache))?;
    }
    Ok((0..b)
        .map(|r| SampledEdit {
            span: prefix.byte_span(rows[r].0, ends[r]),
            replacement: tokenizer.decode(&tokens[r]),
            log_prob: log_probs[r],
            ended: done[r],
        })
        .collect())
}

/// Log-softmax of `scores` restricted to `allowed`, at `pick` (`None` when `pick` is not allowed).
fn log_prob_among(scores: &[f32], allowed: impl Iterator<Item = usize> + Clone, pick: usize) -> Option<f32> {
    if !allowed.clone().any(|a| a == pick) {
        return None;
    }
    Some(scores[pick] - log_sum_exp(scores, allowed))
}

/// `ln Σ exp(scores[i])` over `indices`, stably (−∞ for none).
fn log_sum_exp(scores: &[f32], indices: impl Iterator<Item = usize> + Clone) -> f32 {
    let max = indices.clone().map(|a| scores[a]).fold(f32::NEG_INFINITY, f32::max);
    if max == f32::NEG_INFINITY {
        return max;
    }
    max + indices.map(|a| (scores[a] - max).exp()).sum::<f32>().ln()
}

/// Replacement tokens per sample drawn beside the menu at most. Sampling is most of an expansion's cost (on the toy
/// tasks ≈0.1–0.5 s against ≈0.05–0.15 s to score a 50-edit menu and ≈2 ms per test run): its rows decode until the
/// last one ends, and an edit that has not ended by 32 tokens is rarely one the menu lacks and the tests accept.
const BESIDE_MENU_MAX_TOKENS: usize = 32;

/// Candidates scored per batched forward in [`score_edits`], and padded positions per batch at most.
const SCORE_BATCH: usize = 32;
const SCORE_POSITIONS: usize = 256;

/// An addressable edit in [`score_edits`]: its index, token span, replacement ids and span log-probability.
struct ScoredEdit {
    edit: usize,
    start: usize,
    end: usize,
    ids: Vec<u32>,
    span_lp: f32,
}

/// Edits whose replacement text [`score_edits`] scores in a search's expansion (the rest are estimated).
pub const SCORED_TEXTS: usize = 64;

/// The model's log-probability of each given edit of the prefix's program, teacher-forced: start pointer, end
/// pointer, each replacement token and `<eos>`, with the same masks as sampling (so scores and sampled
/// log-probabilities compare). `None` for an edit the pointers cannot address (its span is not a node span on token
/// boundaries) or whose replacement does not fit in the model's context.
///
/// One pass over the prefix gives every start pointer; one batched step per distinct start gives the end pointers.
/// The replacement text is then scored, in batches that continue from the prefix's shared cache, for the
/// `max_texts` edits whose span the model likes best (and the other edits of the last such span); each other edit
/// gets its span's log-probability plus the lowest text log-probability scored (a pessimistic estimate: the model
/// already finds its site unlikely). Text is most of the work (a menu holds a dozen rewrites of one site), so this
/// keeps an expansion's cost flat as programs and menus grow.
pub fn score_edits(
    model: &EditModel,
    tokenizer: &Tokenizer,
    pass: &PrefixPass,
    edits: &[(Span, &str)],
    max_texts: usize,
) -> Result<Vec<Option<f32>>> {
    let device = Device::Cpu;
    let prefix = pass.prefix;
    let mut out = vec![None; edits.len()];
    let starts = prefix.starts();
    if starts.is_empty() || edits.is_empty() {
        return Ok(out);
    }
    let (start_scores, keys, shared) = (&pass.start_scores, &pass.keys, &pass.shared);
    let room = model.config().max_position_embeddings.saturating_sub(prefix.ids.len());
    // Addressable edits: (edit index, start, end, replacement ids).
    let mut todo: Vec<(usize, usize, usize, Vec<u32>)> = Vec::new();
    for (i, (span, text)) in edits.iter().enumerate() {
        let Some((start, end)) = prefix.token_span(*span) else { continue };
        let ids = tokenizer.encode_ids(text);
        if starts.contains(&start) && ids.len() + 3 <= room {
            todo.push((i, start, end, ids));
        }
    }
    // End pointers: one row `<ptr_start>(→start)` per distinct start.
    let mut distinct: Vec<usize> = todo.iter().map(|c| c.1).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let mut span_lp: std::collections::HashMap<(usize, usize), f32> = std::collections::HashMap::new();
    for chunk in distinct.chunks(SCORE_BATCH * 4) {
        let step = step_inputs(prefix, &vec![special::PTR_START; chunk.len()], Some(chunk))?;
        let h = model.forward(&step, Some(&mut shared.clone()))?.squeeze(1)?; // (b, d)
        let end_scores: Vec<Vec<f32>> = model.shared_pointer_scores(&h, keys)?.to_vec2()?;
        for (&start, scores) in chunk.iter().zip(&end_scores) {
            let Some(lp_start) = log_prob_among(start_scores, starts.iter().copied(), start) else { continue };
            let ends = prefix.ends(start);
            for &end in &ends {
                if let Some(lp_end) = log_prob_among(scores, ends.iter().copied(), end) {
                    span_lp.insert((start, end), lp_start + lp_end);
                }
            }
        }
    }
    // Best spans first.
    let mut todo: Vec<ScoredEdit> = todo
        .into_iter()
        .filter_map(|(edit, start, end, ids)| {
            span_lp.get(&(start, end)).map(|&span_lp| ScoredEdit { edit, start, end, ids, span_lp })
        })
        .collect();
    // By span, so that one span's edits are adjacent even where two spans tie.
    todo.sort_by(|a, b| {
        b.span_lp.total_cmp(&a.span_lp).then((a.start, a.end).cmp(&(b.start, b.end))).then(a.edit.cmp(&b.edit))
    });
    // Every edit of the last scored span is scored too: a stub's `pass` has a few hundred bodies at one span
    // (`sketch.rs`), and which of them the cut let through would otherwise be the menu's order.
    let mut cut = max_texts.min(todo.len());
    while cut > 0 && cut < todo.len() && (todo[cut].start, todo[cut].end) == (todo[cut - 1].start, todo[cut - 1].end) {
        cut += 1;
    }
    let rest = todo.split_off(cut);
    // Similar lengths share a batch: rows are padded to the longest.
    todo.sort_by_key(|c| c.ids.len());
    let allowed_tokens = std::iter::once(special::EOS as usize).chain(special::NL as usize..tokenizer.vocab_size());
    let mut lowest_text = 0f32;
    // Batches of at most SCORE_BATCH rows and SCORE_POSITIONS padded positions: one long replacement must not pad
    // a whole batch to its length.
    let mut chunks: Vec<&[ScoredEdit]> = Vec::new();
    let mut first = 0;
    for i in 0..todo.len() {
        let (rows, len) = (i + 1 - first, 2 + todo[i].ids.len());
        if rows > SCORE_BATCH || rows * len > SCORE_POSITIONS.max(len) {
            chunks.push(&todo[first..i]);
            first = i;
        }
    }
    if first < todo.len() {
        chunks.push(&todo[first..]);
    }
    for chunk in chunks {
        let b = chunk.len();
        // Each row: <ptr_start>(→start) <ptr_end>(→end) replacement…, right-padded (causal: padding is unseen).
        let len = 2 + chunk.iter().map(|c| c.ids.len()).max().unwrap_or(0);
        let (mut toks, mut pointed, mut positions, mut slots) =
            (vec![special::PAD; b * len], vec![0u32; b * len], vec![0u32; b * len], vec![0f32; b * len]);
        for (r, c) in chunk.iter().enumerate() {
            let row = r * len;
            toks[row] = special::PTR_START;
            toks[row + 1] = special::PTR_END;
            toks[row + 2..row + 2 + c.ids.len()].copy_from_slice(&c.ids);
            for (slot, at) in [(row, c.start), (row + 1, c.end)] {
                pointed[slot] = prefix.ids[at];
                positions[slot] = at as u32;
                slots[slot] = 1.0;
            }
        }
        let batch_inputs = Inputs {
            tokens: Tensor::from_vec(toks, (b, len), &device)?,
            pointed_tokens: Tensor::from_vec(pointed, (b, len), &device)?,
            pointed_positions: Tensor::from_vec(positions, (b, len), &device)?,
            pointer_slots: Tensor::from_vec(slots, (b, len), &device)?,
        };
        let h = model.forward(&batch_inputs, Some(&mut shared.clone()))?; // (b, len, d)
        let d = h.dim(2)?;
        let token_scores: Vec<Vec<f32>> =
            model.token_logits(&h.narrow(1, 1, len - 1)?.reshape((b * (len - 1), d))?)?.to_vec2()?;
        for (r, c) in chunk.iter().enumerate() {
            let mut lp_text = 0f32;
            for (step, &target) in c.ids.iter().chain(std::iter::once(&special::EOS)).enumerate() {
                let row = &token_scores[r * (len - 1) + step];
                lp_text += log_prob_among(row, allowed_tokens.clone(), target as usize).unwrap_or(f32::NEG_INFINITY);
            }
            lowest_text = lowest_text.min(lp_text);
            out[c.edit] = Some(c.span_lp + lp_text);
        }
    }
    for c in rest {
        out[c.edit] = Some(c.span_lp + lowest_text);
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
    /// Sampled edits rejected: cut off at the token limit, the splice did not parse as the node's class, it changed
    /// nothing, or it renamed one of the module's functions or classes.
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

    /// A proposer for samples drawn beside the menu (best-first, beam): extras, so a rejected one is not drawn
    /// again, and at most [`BESIDE_MENU_MAX_TOKENS`] replacement tokens.
    pub(super) fn beside_menu(
        model: &'m EditModel,
        tokenizer: &'m Tokenizer,
        spec: String,
        sampling: Sampling,
    ) -> Proposer<'m> {
        let sampling = Sampling { max_tokens: sampling.max_tokens.min(BESIDE_MENU_MAX_TOKENS), ..sampling };
        Proposer { max_attempts: 1, ..Proposer::new(model, tokenizer, spec, sampling) }
    }

    /// Up to `n` constrained proposals for `tree` (fewer when too many samples are rejected, none when the program
    /// does not fit the model's context).
    pub fn propose<R: Rng>(&mut self, tree: &Tree, n: usize, rng: &mut R) -> Result<Vec<Proposal>> {
        let prefix = Prefix::new(self.tokenizer, &self.spec, tree.source());
        match PrefixPass::new(self.model, &prefix)? {
            Some(pass) => self.propose_after(tree, &pass, n, rng),
            None => Ok(Vec::new()),
        }
    }

    /// [`Proposer::propose`] continuing a pass over `tree`'s prefix that the caller already made.
    pub fn propose_after<R: Rng>(
        &mut self,
        tree: &Tree,
        pass: &PrefixPass,
        n: usize,
        rng: &mut R,
    ) -> Result<Vec<Proposal>> {
        let mut out = Vec::with_capacity(n);
        let mut tries = 0;
        while out.len() < n && tries < self.max_attempts {
            tries += 1;
            let want = n - out.len();
            let samples = sample_edits(self.model, self.tokenizer, pass, want, &self.sampling, rng)?;
            if samples.is_empty() {
                break;
            }
            for s in samples {
                self.stats.sampled += 1;
                // A replacement cut off at the token limit is not the edit the model meant, even if it parses.
                let accepted = s
                    .ended
                    .then_some(s.span)
                    .and_then(|span| class_at(tree, span))
                    .filter(|_| tree.text(s.span).trim() != s.replacement.trim())
                    .and_then(|class| splice_checked(tree, s.span, class, &s.replacement))
                    // Tests call the program's functions by name: a sample that renames one cannot repair it.
                    .filter(|(_, new_tree)| new_tree.definition_names() == tree.definition_names());
                match accepted {
                    Some((edit, new_tree)) => out.push(Proposal { edit, tree: new_tree, log_prob: s.log_prob }),
                    None => self.stats.rejected += 1,
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    use super::*;

    /// Top-p sampling by a full sort of every choice: what `sample_choice` must agree with.
    fn reference<R: Rng>(scores: &[f32], sampling: &Sampling, rng: &mut R) -> usize {
        let max = scores.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let mut probs: Vec<(usize, f32)> =
            scores.iter().enumerate().map(|(i, &s)| (i, ((s - max) / sampling.temperature).exp())).collect();
        let total: f32 = probs.iter().map(|p| p.1).sum();
        probs.sort_by(|a, b| b.1.total_cmp(&a.1));
        let (mut kept, mut mass) = (0, 0.0);
        for p in &probs {
            kept += 1;
            mass += p.1 / total;
            if mass >= sampling.top_p {
                break;
            }
        }
        probs.truncate(kept);
        let mut x = rng.random_range(0.0..1.0f32) * probs.iter().map(|p| p.1).sum::<f32>();
        for &(i, p) in &probs {
            if x < p {
                return i;
            }
            x -= p;
        }
        probs.last().unwrap().0
    }

    #[test]
    fn nucleus_from_the_likeliest_choices_equals_a_full_sort() {
        // Peaked distributions (the nucleus within the 64 likeliest) and flat ones (it is not).
        let mut draw = ChaCha8Rng::seed_from_u64(7);
        for case in 0..200 {
            let spread = if case % 2 == 0 { 12.0 } else { 0.5 };
            let scores: Vec<f32> = (0..4096).map(|_| draw.random_range(0.0..1.0f32).powi(8) * spread).collect();
            let allowed: Vec<usize> = (0..scores.len()).collect();
            let sampling = Sampling { temperature: 0.9, top_p: 0.95, max_tokens: 1 };
            let (mut a, mut b) = (ChaCha8Rng::seed_from_u64(case), ChaCha8Rng::seed_from_u64(case));
            let (got, _) = sample_choice(&scores, &allowed, &sampling, &mut a).unwrap();
            assert_eq!(got, reference(&scores, &sampling, &mut b), "case {case}");
        }
    }
}
