//! Training items and batches: an [`Example`] as token ids with its pointer targets and masks, and the loss.

use candle_core::{DType, Device, Result, Tensor};

use crate::model::decode::{Prefix, spec_text};
use crate::model::tokenizer::special;
use crate::model::{EditModel, Inputs, Tokenizer};
use crate::noise::{Example, TargetEdit};
use crate::syntax::Span;

/// One example, tokenized: `<spec> spec <prog> program <edit> <ptr_start> <ptr_end> replacement <eos>`. A "no edit"
/// example points both pointers at `<edit>` itself ([`Prefix::no_edit`]) and has an empty replacement.
#[derive(Debug, Clone, PartialEq)]
pub struct TrainItem {
    pub ids: Vec<u32>,
    /// Index of the first program token in `ids`.
    pub program_start: usize,
    /// Index of `<edit>`.
    pub edit: usize,
    /// Target positions (in `ids`) of the replaced node's first and last token.
    pub target: (usize, usize),
    /// Positions where a node starts, and `<edit>` for "no edit" (the start pointer's choices).
    pub starts: Vec<usize>,
    /// Positions where a node that starts at `target.0` ends (the end pointer's choices).
    pub ends: Vec<usize>,
}

impl TrainItem {
    /// Tokenizes an example; `None` when it is longer than `max_len` or its target is not a node span.
    pub fn new(tokenizer: &Tokenizer, example: &Example, max_len: usize) -> Option<TrainItem> {
        TrainItem::from_parts(tokenizer, &spec_text(&example.spec), &example.state, example.edit.as_ref(), max_len)
    }

    /// [`TrainItem::new`] from a spec's text, a program and its target edit (`None`: "no edit").
    pub fn from_parts(
        tokenizer: &Tokenizer,
        spec: &str,
        state: &str,
        edit: Option<&TargetEdit>,
        max_len: usize,
    ) -> Option<TrainItem> {
        let prefix = Prefix::new(tokenizer, spec, state);
        let (target, ends, replacement) = match edit {
            Some(edit) => {
                let target = prefix.token_span(Span { start: edit.start, end: edit.end })?;
                (target, prefix.ends(target.0), tokenizer.encode_ids(&edit.replacement))
            }
            None => ((prefix.no_edit(), prefix.no_edit()), vec![prefix.no_edit()], Vec::new()),
        };
        let mut starts = prefix.starts();
        starts.push(prefix.no_edit());
        let (edit, program_start, mut ids) = (prefix.edit(), prefix.program_start, prefix.ids);
        ids.push(special::PTR_START);
        ids.push(special::PTR_END);
        ids.extend(replacement);
        ids.push(special::EOS);
        (ids.len() <= max_len).then_some(TrainItem { ids, program_start, edit, target, starts, ends })
    }

    /// Replacement targets: positions `edit + 2 ..` predict the replacement then `<eos>`.
    fn token_targets(&self) -> impl Iterator<Item = (usize, u32)> + '_ {
        (self.edit + 2..self.ids.len() - 1).map(|p| (p, self.ids[p + 1]))
    }
}

/// A padded batch as tensors.
pub struct Batch {
    pub inputs: Inputs,
    pub size: usize,
    pub len: usize,
    /// Flat `(b * T + t)` indices of `<edit>` and `<ptr_start>`.
    edit_index: Tensor,
    ptr_start_index: Tensor,
    start_target: Tensor,
    end_target: Tensor,
    /// `(B, T)` additive masks (0 allowed, -1e9 not).
    start_mask: Tensor,
    end_mask: Tensor,
    token_index: Tensor,
    token_target: Tensor,
    /// Which item each replacement token belongs to (for exact-match metrics).
    token_item: Vec<usize>,
    /// Position of `<edit>` in each row (the "no edit" pointer).
    edit_positions: Vec<usize>,
    pub tokens: usize,
}

impl Batch {
    pub fn new(items: &[TrainItem], device: &Device) -> Result<Batch> {
        let b = items.len();
        let t = items.iter().map(|i| i.ids.len()).max().unwrap_or(1);
        let mut tokens = vec![special::PAD; b * t];
        let mut pointed_tokens = vec![0u32; b * t];
        let mut pointed_positions = vec![0u32; b * t];
        let mut slots = vec![0f32; b * t];
        let mut start_mask = vec![-1e9f32; b * t];
        let mut end_mask = vec![-1e9f32; b * t];
        let (mut edit_index, mut ptr_start_index, mut start_target, mut end_target) = (vec![], vec![], vec![], vec![]);
        let (mut token_index, mut token_target, mut token_item) = (vec![], vec![], vec![]);
        for (row, item) in items.iter().enumerate() {
            let base = row * t;
            tokens[base..base + item.ids.len()].copy_from_slice(&item.ids);
            for (slot, pointed) in [(item.edit + 1, item.target.0), (item.edit + 2, item.target.1)] {
                pointed_tokens[base + slot] = item.ids[pointed];
                pointed_positions[base + slot] = pointed as u32;
                slots[base + slot] = 1.0;
            }
            for &s in &item.starts {
                start_mask[base + s] = 0.0;
            }
            for &e in &item.ends {
                end_mask[base + e] = 0.0;
            }
            edit_index.push((base + item.edit) as u32);
            ptr_start_index.push((base + item.edit + 1) as u32);
            start_target.push(item.target.0 as u32);
            end_target.push(item.target.1 as u32);
            for (p, target) in item.token_targets() {
                token_index.push((base + p) as u32);
                token_target.push(target);
                token_item.push(row);
            }
        }
        let u = |v: Vec<u32>, shape: (usize, usize)| Tensor::from_vec(v, shape, device);
        let n = token_index.len();
        Ok(Batch {
            inputs: Inputs {
                tokens: u(tokens, (b, t))?,
                pointed_tokens: u(pointed_tokens, (b, t))?,
                pointed_positions: u(pointed_positions, (b, t))?,
                pointer_slots: Tensor::from_vec(slots, (b, t), device)?,
            },
            size: b,
            len: t,
            edit_index: Tensor::from_vec(edit_index, b, device)?,
            ptr_start_index: Tensor::from_vec(ptr_start_index, b, device)?,
            start_target: Tensor::from_vec(start_target, b, device)?,
            end_target: Tensor::from_vec(end_target, b, device)?,
            start_mask: Tensor::from_vec(start_mask, (b, t), device)?,
            end_mask: Tensor::from_vec(end_mask, (b, t), device)?,
            token_index: Tensor::from_vec(token_index, n, device)?,
            token_target: Tensor::from_vec(token_target, n, device)?,
            token_item,
            edit_positions: items.iter().map(|i| i.edit).collect(),
            tokens: items.iter().map(|i| i.ids.len()).sum(),
        })
    }
}

/// Loss and accuracies of one batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct BatchMetrics {
    pub loss: f32,
    /// Both pointers right.
    pub pointer_accuracy: f32,
    /// Replacement tokens (and `<eos>`) right, teacher-forced.
    pub token_accuracy: f32,
    /// Pointers and every replacement token right.
    pub exact: f32,
    /// "No edit" counts: items whose target is no edit (clean programs), those of them predicted as no edit, and
    /// items with an edit to make that were predicted as no edit.
    pub clean: f32,
    pub clean_stopped: f32,
    pub wrongly_stopped: f32,
}

impl BatchMetrics {
    /// Share of clean programs the start pointer calls done.
    pub fn no_edit_recall(&self) -> f32 {
        self.clean_stopped / self.clean.max(1.0)
    }

    /// Share of programs with an edit to make that the start pointer calls done, of `items` in all.
    pub fn false_no_edit(&self, items: f32) -> f32 {
        self.wrongly_stopped / (items - self.clean).max(1.0)
    }
}

/// The edit loss (start pointer + end pointer + replacement tokens, each a mean cross-entropy) and metrics.
pub fn edit_loss(model: &EditModel, batch: &Batch) -> Result<(Tensor, BatchMetrics)> {
    let hidden = model.forward(&batch.inputs, None)?; // (B, T, d)
    let d = hidden.dim(2)?;
    let flat = hidden.reshape((batch.size * batch.len, d))?;
    let start_scores = (model.pointer_scores(&flat.index_select(&batch.edit_index, 0)?, &hidden)? + &batch.start_mask)?;
    let end_scores =
        (model.pointer_scores(&flat.index_select(&batch.ptr_start_index, 0)?, &hidden)? + &batch.end_mask)?;
    let logits = model.token_logits(&flat.index_select(&batch.token_index, 0)?)?;
    let loss_start = candle_nn::loss::cross_entropy(&start_scores, &batch.start_target)?;
    let loss_end = candle_nn::loss::cross_entropy(&end_scores, &batch.end_target)?;
    let loss_tokens = candle_nn::loss::cross_entropy(&logits, &batch.token_target)?;
    let loss = ((loss_start + loss_end)? + loss_tokens)?;

    let right = |scores: &Tensor, target: &Tensor| -> Result<Vec<bool>> {
        let pred = scores.argmax(1)?.to_vec1::<u32>()?;
        Ok(pred.iter().zip(target.to_vec1::<u32>()?).map(|(p, t)| *p == t).collect())
    };
    let starts = right(&start_scores, &batch.start_target)?;
    // "No edit" is the start pointer at the row's own `<edit>`.
    let predicted = start_scores.argmax(1)?.to_vec1::<u32>()?;
    let (mut clean, mut clean_stopped, mut wrongly_stopped) = (0f32, 0f32, 0f32);
    for ((&p, &target), &edit) in predicted.iter().zip(&batch.start_target.to_vec1::<u32>()?).zip(&batch.edit_positions)
    {
        let (is_clean, stopped) = (target as usize == edit, p as usize == edit);
        clean += f32::from(is_clean);
        clean_stopped += f32::from(is_clean && stopped);
        wrongly_stopped += f32::from(!is_clean && stopped);
    }
    let ends = right(&end_scores, &batch.end_target)?;
    let tokens = right(&logits, &batch.token_target)?;
    let mut exact: Vec<bool> = starts.iter().zip(&ends).map(|(a, b)| *a && *b).collect();
    let pointer_right = exact.iter().filter(|&&x| x).count();
    for (ok, &item) in tokens.iter().zip(&batch.token_item) {
        exact[item] &= *ok;
    }
    let b = batch.size as f32;
    let metrics = BatchMetrics {
        loss: loss.to_dtype(DType::F32)?.to_scalar::<f32>()?,
        pointer_accuracy: pointer_right as f32 / b,
        token_accuracy: tokens.iter().filter(|&&x| x).count() as f32 / tokens.len().max(1) as f32,
        exact: exact.iter().filter(|&&x| x).count() as f32 / b,
        clean,
        clean_stopped,
        wrongly_stopped,
    };
    Ok((loss, metrics))
}
