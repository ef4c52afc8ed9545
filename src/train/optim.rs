//! AdamW with decoupled weight decay and global-norm gradient clipping.
//!
//! Written here rather than taken from candle-nn because candle's `AdamW` keeps its moment estimates private,
//! and a resumable run must save and restore them.

use candle_core::backprop::GradStore;
use candle_core::{Result, Tensor, Var};

pub struct AdamW {
    vars: Vec<(String, Var)>,
    first: Vec<Tensor>,
    second: Vec<Tensor>,
    pub step: usize,
    pub beta1: f64,
    pub beta2: f64,
    pub eps: f64,
    pub weight_decay: f64,
}

impl AdamW {
    /// Named variables, sorted by name so that state files line up across runs.
    pub fn new(mut vars: Vec<(String, Var)>, weight_decay: f64) -> Result<AdamW> {
        vars.sort_by(|a, b| a.0.cmp(&b.0));
        let zeros = |v: &Var| v.as_tensor().zeros_like();
        let first = vars.iter().map(|(_, v)| zeros(v)).collect::<Result<Vec<_>>>()?;
        let second = vars.iter().map(|(_, v)| zeros(v)).collect::<Result<Vec<_>>>()?;
        Ok(AdamW { vars, first, second, step: 0, beta1: 0.9, beta2: 0.95, eps: 1e-8, weight_decay })
    }

    /// One update at learning rate `lr`, gradients clipped to global norm `max_norm`; returns the norm before
    /// clipping. Norm weights (1-D) are not decayed.
    pub fn step(&mut self, grads: &GradStore, lr: f64, max_norm: f64) -> Result<f64> {
        let mut sq = 0f64;
        for (_, var) in &self.vars {
            if let Some(g) = grads.get(var.as_tensor()) {
                sq += f64::from(g.sqr()?.sum_all()?.to_scalar::<f32>()?);
            }
        }
        let norm = sq.sqrt();
        let scale = if norm > max_norm { max_norm / (norm + 1e-6) } else { 1.0 };
        self.step += 1;
        let (b1, b2) = (self.beta1, self.beta2);
        let c1 = 1.0 - b1.powi(self.step as i32);
        let c2 = 1.0 - b2.powi(self.step as i32);
        for (i, (_, var)) in self.vars.iter().enumerate() {
            let Some(g) = grads.get(var.as_tensor()) else { continue };
            let g = (g * scale)?;
            let m = ((&self.first[i] * b1)? + (&g * (1.0 - b1))?)?;
            let v = ((&self.second[i] * b2)? + (g.sqr()? * (1.0 - b2))?)?;
            let update = ((&m / c1)? / ((&v / c2)?.sqrt()? + self.eps)?)?;
            let theta = var.as_tensor();
            let decay = if theta.rank() > 1 { self.weight_decay } else { 0.0 };
            let next = ((theta * (1.0 - lr * decay))? - (update * lr)?)?;
            var.set(&next)?;
            self.first[i] = m;
            self.second[i] = v;
        }
        Ok(norm)
    }

    /// Moment estimates as named tensors (`first.NAME`, `second.NAME`), for a checkpoint.
    pub fn state(&self) -> Vec<(String, Tensor)> {
        let mut out = Vec::with_capacity(self.vars.len() * 2);
        for (i, (name, _)) in self.vars.iter().enumerate() {
            out.push((format!("first.{name}"), self.first[i].clone()));
            out.push((format!("second.{name}"), self.second[i].clone()));
        }
        out
    }

    /// Restores moments saved by [`state`](Self::state); missing entries are an error naming the tensor.
    pub fn load_state(&mut self, tensors: &std::collections::HashMap<String, Tensor>, step: usize) -> Result<()> {
        for (i, (name, _)) in self.vars.iter().enumerate() {
            for (prefix, slot) in [("first", &mut self.first[i]), ("second", &mut self.second[i])] {
                let key = format!("{prefix}.{name}");
                let t =
                    tensors.get(&key).ok_or_else(|| candle_core::Error::Msg(format!("optimizer state lacks {key}")))?;
                *slot = t.clone();
            }
        }
        self.step = step;
        Ok(())
    }
}

/// Learning rate at `step`: linear warm-up, then cosine decay to 10% (nanoGPT's `get_lr`).
pub fn lr_at(step: usize, base: f64, warmup: usize, total: usize) -> f64 {
    if step < warmup {
        return base * (step + 1) as f64 / warmup as f64;
    }
    let progress = ((step - warmup) as f64 / (total.saturating_sub(warmup)).max(1) as f64).min(1.0);
    let floor = base * 0.1;
    floor + 0.5 * (base - floor) * (1.0 + (std::f64::consts::PI * progress).cos())
}
