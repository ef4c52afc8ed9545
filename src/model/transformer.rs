//! The edit transformer: a LLaMA-style causal decoder (RMSNorm, RoPE, SwiGLU, multi-head attention) with a
//! pointer head, in candle. Layout and weight names follow HF LLaMA (`model.layers.{i}.self_attn.q_proj`, …), so
//! `config.json` + `model.safetensors` is a standard checkpoint plus two Kelp tensors (`kelp.*`).
//!
//! Input: `<spec> spec <prog> program <edit> <ptr_start> <ptr_end> replacement <eos>`. The hidden state at `<edit>`
//! scores program positions for the replaced node's first token, the one at `<ptr_start>` for its last token (both
//! masked by the caller to real node spans); from `<ptr_end>` on, the tied LM head writes the replacement. A
//! pointer slot's input embedding adds the embedding of the token it points at and a learned embedding of that
//! position, so the decoder knows *which* occurrence was chosen.
//!
//! Every op here is differentiable: candle-nn's fused `rms_norm`, `softmax_last_dim` and `rope` have no backward
//! pass (DESIGN §4), so norms, softmax and rotary embeddings are composed from differentiable tensor ops.

use candle_core::{D, DType, Device, Module, Result, Tensor};
use candle_nn::{Embedding, Linear, VarBuilder, linear_no_bias};
use serde::{Deserialize, Serialize};

/// The model's `config.json`: HF LLaMA field names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EditModelConfig {
    #[serde(default = "default_architectures")]
    pub architectures: Vec<String>,
    #[serde(default = "default_model_type")]
    pub model_type: String,
    pub vocab_size: usize,
    pub hidden_size: usize,
    pub intermediate_size: usize,
    pub num_hidden_layers: usize,
    pub num_attention_heads: usize,
    #[serde(default = "default_eps")]
    pub rms_norm_eps: f64,
    #[serde(default = "default_theta")]
    pub rope_theta: f64,
    /// Longest sequence (spec + program + edit) in tokens; also the size of the pointer position table.
    pub max_position_embeddings: usize,
    #[serde(default = "default_true")]
    pub tie_word_embeddings: bool,
}

fn default_architectures() -> Vec<String> {
    vec!["KelpEditModel".into()]
}
fn default_model_type() -> String {
    "llama".into()
}
fn default_eps() -> f64 {
    1e-5
}
fn default_theta() -> f64 {
    10_000.0
}
fn default_true() -> bool {
    true
}

impl EditModelConfig {
    /// The default size, close to the prototype: d 256, 4 layers, 4 heads, FFN 1024 (≈5M parameters at vocab 4096).
    pub fn default_size(vocab_size: usize) -> EditModelConfig {
        EditModelConfig {
            architectures: default_architectures(),
            model_type: default_model_type(),
            vocab_size,
            hidden_size: 256,
            intermediate_size: 1024,
            num_hidden_layers: 4,
            num_attention_heads: 4,
            rms_norm_eps: 1e-5,
            rope_theta: 10_000.0,
            max_position_embeddings: 768,
            tie_word_embeddings: true,
        }
    }

    /// A tiny model for tests: trains in seconds.
    pub fn tiny(vocab_size: usize) -> EditModelConfig {
        EditModelConfig {
            hidden_size: 32,
            intermediate_size: 64,
            num_hidden_layers: 2,
            num_attention_heads: 2,
            max_position_embeddings: 256,
            ..EditModelConfig::default_size(vocab_size)
        }
    }

    fn head_dim(&self) -> usize {
        self.hidden_size / self.num_attention_heads
    }
}

/// Per-layer keys and values of the tokens seen so far (the caller owns it: one model, many rollouts).
///
/// A cache may hold a *shared* prefix ([`Cache::share`]): keys and values of batch 1 that every row of a batch
/// attends to, without copying them per row. Many continuations of one program (scoring a menu of edits, sampling
/// several edits) then cost their own tokens only.
#[derive(Debug, Clone)]
pub struct Cache {
    shared: Vec<Option<(Tensor, Tensor)>>,
    kv: Vec<Option<(Tensor, Tensor)>>,
}

fn cached_len(kv: &[Option<(Tensor, Tensor)>]) -> usize {
    kv.first().and_then(|kv| kv.as_ref()).map_or(0, |(_, v)| v.dim(2).unwrap_or(0))
}

impl Cache {
    pub fn new(config: &EditModelConfig) -> Cache {
        Cache { shared: vec![None; config.num_hidden_layers], kv: vec![None; config.num_hidden_layers] }
    }

    /// Tokens cached so far.
    pub fn len(&self) -> usize {
        cached_len(&self.shared) + cached_len(&self.kv)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// This batch-1 cache as a prefix shared by the rows of any batch that continues it (no copy: tensors are
    /// reference-counted). Fails on a cache of several rows or one that already has a shared prefix.
    pub fn share(&self) -> Result<Cache> {
        if cached_len(&self.shared) > 0 {
            candle_core::bail!("this cache already continues a shared prefix");
        }
        if let Some(Some((k, _))) = self.kv.first()
            && k.dim(0)? != 1
        {
            candle_core::bail!("only a cache of one row can be shared, not {}", k.dim(0)?);
        }
        // Keys are stored transposed, `(1, H, hd, P)`, as every step multiplies by them so.
        let shared = self
            .kv
            .iter()
            .map(|kv| {
                kv.as_ref()
                    .map(|(k, v)| Ok::<_, candle_core::Error>((k.transpose(2, 3)?.contiguous()?, v.clone())))
                    .transpose()
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(Cache { shared, kv: vec![None; self.kv.len()] })
    }
}

/// One forward step's input: token ids, and for pointer slots the pointed-at token and position.
#[derive(Debug, Clone)]
pub struct Inputs {
    /// `(B, T)` u32.
    pub tokens: Tensor,
    /// `(B, T)` u32: at a pointer slot, the id of the token it points at (else anything).
    pub pointed_tokens: Tensor,
    /// `(B, T)` u32: at a pointer slot, the position it points at (else anything).
    pub pointed_positions: Tensor,
    /// `(B, T)` f32: 1 at pointer slots, 0 elsewhere.
    pub pointer_slots: Tensor,
}

impl Inputs {
    /// Plain tokens, no pointer slot.
    pub fn tokens(tokens: Tensor) -> Result<Inputs> {
        let zeros = tokens.zeros_like()?;
        let slots = zeros.to_dtype(DType::F32)?;
        Ok(Inputs { pointed_tokens: zeros.clone(), pointed_positions: zeros, pointer_slots: slots, tokens })
    }
}

fn rms_norm(x: &Tensor, weight: &Tensor, eps: f64) -> Result<Tensor> {
    // Composed (not candle_nn::ops::rms_norm, which has no backward pass).
    let norm = (x.sqr()?.mean_keepdim(D::Minus1)? + eps)?.sqrt()?;
    x.broadcast_div(&norm)?.broadcast_mul(weight)
}

fn softmax_last(x: &Tensor) -> Result<Tensor> {
    // candle_nn::ops::softmax is a composition (max, sub, exp, sum, div): differentiable, unlike softmax_last_dim.
    candle_nn::ops::softmax(x, D::Minus1)
}

/// Rotary embedding of `x` `(B, H, T, hd)` at positions `start..start + T`, from differentiable ops.
fn rope(x: &Tensor, cos: &Tensor, sin: &Tensor, start: usize) -> Result<Tensor> {
    let (_, _, t, hd) = x.dims4()?;
    let half = hd / 2;
    let cos = cos.narrow(0, start, t)?; // (T, hd/2)
    let sin = sin.narrow(0, start, t)?;
    let x1 = x.narrow(3, 0, half)?;
    let x2 = x.narrow(3, half, half)?;
    let a = (x1.broadcast_mul(&cos)? - x2.broadcast_mul(&sin)?)?;
    let b = (x1.broadcast_mul(&sin)? + x2.broadcast_mul(&cos)?)?;
    Tensor::cat(&[a, b], 3)
}

struct Attention {
    q_proj: Linear,
    k_proj: Linear,
    v_proj: Linear,
    o_proj: Linear,
    heads: usize,
    head_dim: usize,
}

impl Attention {
    fn load(vb: VarBuilder, cfg: &EditModelConfig) -> Result<Attention> {
        let d = cfg.hidden_size;
        Ok(Attention {
            q_proj: linear_no_bias(d, d, vb.pp("q_proj"))?,
            k_proj: linear_no_bias(d, d, vb.pp("k_proj"))?,
            v_proj: linear_no_bias(d, d, vb.pp("v_proj"))?,
            o_proj: linear_no_bias(d, d, vb.pp("o_proj"))?,
            heads: cfg.num_attention_heads,
            head_dim: cfg.head_dim(),
        })
    }

    /// `shared`: keys `(1, H, hd, P)` (transposed) and values `(1, H, P, hd)` of a prefix every row sees (see
    /// [`Cache::share`]); `cache`: this batch's own keys and values, extended by `x`'s.
    fn forward(
        &self,
        x: &Tensor,
        rot: (&Tensor, &Tensor),
        start: usize,
        shared: Option<&(Tensor, Tensor)>,
        cache: Option<&mut Option<(Tensor, Tensor)>>,
    ) -> Result<Tensor> {
        let (b, t, d) = x.dims3()?;
        let (h, hd) = (self.heads, self.head_dim);
        // (B, T, d) → (B, H, T, hd)
        let split = |y: Tensor| y.reshape((b, t, h, hd))?.transpose(1, 2)?.contiguous();
        let q = rope(&split(x.apply(&self.q_proj)?)?, rot.0, rot.1, start)?;
        let mut k = rope(&split(x.apply(&self.k_proj)?)?, rot.0, rot.1, start)?;
        let mut v = split(x.apply(&self.v_proj)?)?;
        if let Some(cache) = cache {
            if let Some((ck, cv)) = cache.as_ref() {
                k = Tensor::cat(&[ck, &k], 2)?;
                v = Tensor::cat(&[cv, &v], 2)?;
            }
            *cache = Some((k.clone(), v.clone()));
        }
        let scale = 1.0 / (hd as f64).sqrt();
        let own = k.dim(2)?;
        let scores = (q.matmul(&k.transpose(2, 3)?.contiguous()?)? * scale)?; // (B, H, T, own)
        let scores = if t > 1 { scores.broadcast_add(&causal_mask(t, own, x.device())?)? } else { scores };
        let y = match shared {
            None => softmax_last(&scores)?.matmul(&v)?, // (B, H, T, hd)
            Some((sk_t, sv)) => {
                // Every row's queries against the one shared prefix: fold the batch into the query rows,
                // (B, H, T, hd) → (1, H, B·T, hd), so one matmul per head serves all rows.
                let p = sv.dim(2)?;
                let fold = |y: &Tensor, w: usize| y.transpose(0, 1)?.contiguous()?.reshape((1, h, b * t, w));
                let unfold = |y: Tensor, w: usize| y.reshape((h, b, t, w))?.transpose(0, 1)?.contiguous();
                let prefix_scores = (fold(&q, hd)?.matmul(sk_t)? * scale)?;
                let scores = Tensor::cat(&[unfold(prefix_scores, p)?, scores], 3)?;
                let weights = softmax_last(&scores)?; // (B, H, T, P + own)
                let from_prefix = fold(&weights.narrow(3, 0, p)?, p)?.matmul(sv)?;
                (unfold(from_prefix, hd)? + weights.narrow(3, p, own)?.contiguous()?.matmul(&v)?)?
            }
        };
        y.transpose(1, 2)?.reshape((b, t, d))?.apply(&self.o_proj)
    }
}

/// `(T, total)` additive mask: query i (at absolute position total - T + i) sees keys up to its own position.
fn causal_mask(t: usize, total: usize, device: &Device) -> Result<Tensor> {
    let offset = total - t;
    let mask: Vec<f32> =
        (0..t).flat_map(|i| (0..total).map(move |j| if j > i + offset { f32::NEG_INFINITY } else { 0.0 })).collect();
    Tensor::from_vec(mask, (t, total), device)
}

struct Mlp {
    gate_proj: Linear,
    up_proj: Linear,
    down_proj: Linear,
}

impl Mlp {
    fn load(vb: VarBuilder, cfg: &EditModelConfig) -> Result<Mlp> {
        let (d, f) = (cfg.hidden_size, cfg.intermediate_size);
        Ok(Mlp {
            gate_proj: linear_no_bias(d, f, vb.pp("gate_proj"))?,
            up_proj: linear_no_bias(d, f, vb.pp("up_proj"))?,
            down_proj: linear_no_bias(f, d, vb.pp("down_proj"))?,
        })
    }

    fn forward(&self, x: &Tensor) -> Result<Tensor> {
        (x.apply(&self.gate_proj)?.silu()? * x.apply(&self.up_proj)?)?.apply(&self.down_proj)
    }
}

struct Block {
    self_attn: Attention,
    mlp: Mlp,
    input_layernorm: Tensor,
    post_attention_layernorm: Tensor,
    eps: f64,
}

impl Block {
    fn load(vb: VarBuilder, cfg: &EditModelConfig) -> Result<Block> {
        let d = cfg.hidden_size;
        let ones = candle_nn::Init::Const(1.0);
        Ok(Block {
            self_attn: Attention::load(vb.pp("self_attn"), cfg)?,
            mlp: Mlp::load(vb.pp("mlp"), cfg)?,
            input_layernorm: vb.pp("input_layernorm").get_with_hints(d, "weight", ones)?,
            post_attention_layernorm: vb.pp("post_attention_layernorm").get_with_hints(d, "weight", ones)?,
            eps: cfg.rms_norm_eps,
        })
    }

    fn forward(
        &self,
        x: &Tensor,
        rot: (&Tensor, &Tensor),
        start: usize,
        shared: Option<&(Tensor, Tensor)>,
        cache: Option<&mut Option<(Tensor, Tensor)>>,
    ) -> Result<Tensor> {
        let normed = rms_norm(x, &self.input_layernorm, self.eps)?;
        let h = (x + self.self_attn.forward(&normed, rot, start, shared, cache)?)?;
        &h + self.mlp.forward(&rms_norm(&h, &self.post_attention_layernorm, self.eps)?)?
    }
}

/// The edit model (see the module doc). `&self` everywhere: the caller owns the [`Cache`].
pub struct EditModel {
    embed_tokens: Embedding,
    layers: Vec<Block>,
    norm: Tensor,
    pointer_positions: Embedding,
    pointer_query: Linear,
    pointer_key: Linear,
    cos: Tensor,
    sin: Tensor,
    config: EditModelConfig,
}

impl EditModel {
    pub fn load(vb: VarBuilder, config: &EditModelConfig) -> Result<EditModel> {
        let d = config.hidden_size;
        if !d.is_multiple_of(config.num_attention_heads) || !config.head_dim().is_multiple_of(2) {
            candle_core::bail!(
                "hidden_size {d} must split into an even head size over {} heads",
                config.num_attention_heads
            );
        }
        let model = vb.pp("model");
        let layers = (0..config.num_hidden_layers)
            .map(|i| Block::load(model.pp(format!("layers.{i}")), config))
            .collect::<Result<Vec<_>>>()?;
        let ones = candle_nn::Init::Const(1.0);
        let (cos, sin) = rotary_tables(config, vb.device())?;
        Ok(EditModel {
            embed_tokens: small_embedding(config.vocab_size, d, model.pp("embed_tokens"))?,
            layers,
            norm: model.pp("norm").get_with_hints(d, "weight", ones)?,
            pointer_positions: small_embedding(config.max_position_embeddings, d, vb.pp("kelp.pointer_positions"))?,
            pointer_query: linear_no_bias(d, d, vb.pp("kelp.pointer_query"))?,
            pointer_key: linear_no_bias(d, d, vb.pp("kelp.pointer_key"))?,
            cos,
            sin,
            config: config.clone(),
        })
    }

    pub fn config(&self) -> &EditModelConfig {
        &self.config
    }

    /// Final hidden states `(B, T, d)` of `inputs`, which sit at positions `cache.len()..` (0 without a cache).
    pub fn forward(&self, inputs: &Inputs, mut cache: Option<&mut Cache>) -> Result<Tensor> {
        let start = cache.as_ref().map_or(0, |c| c.len());
        let t = inputs.tokens.dim(1)?;
        if start + t > self.config.max_position_embeddings {
            candle_core::bail!(
                "sequence of {} tokens exceeds max_position_embeddings {}",
                start + t,
                self.config.max_position_embeddings
            );
        }
        let pointed = (self.embed_tokens.forward(&inputs.pointed_tokens)?
            + self.pointer_positions.forward(&inputs.pointed_positions)?)?;
        let mut x = (self.embed_tokens.forward(&inputs.tokens)?
            + pointed.broadcast_mul(&inputs.pointer_slots.unsqueeze(2)?)?)?;
        for (i, layer) in self.layers.iter().enumerate() {
            let shared = cache.as_deref().and_then(|c| c.shared[i].clone());
            let layer_cache = cache.as_deref_mut().map(|c| &mut c.kv[i]);
            x = layer.forward(&x, (&self.cos, &self.sin), start, shared.as_ref(), layer_cache)?;
        }
        rms_norm(&x, &self.norm, self.config.rms_norm_eps)
    }

    /// Token logits `(N, V)` of hidden states `(N, d)` (LM head tied to the embeddings).
    pub fn token_logits(&self, hidden: &Tensor) -> Result<Tensor> {
        hidden.matmul(&self.embed_tokens.embeddings().t()?)
    }

    /// Pointer scores `(B, T)` of queries `(B, d)` over keys `(B, T, d)` (unmasked: the caller masks).
    pub fn pointer_scores(&self, queries: &Tensor, keys: &Tensor) -> Result<Tensor> {
        let q = queries.apply(&self.pointer_query)?.unsqueeze(2)?; // (B, d, 1)
        self.pointer_keys(keys)?.matmul(&q)?.squeeze(2)? / (self.config.hidden_size as f64).sqrt()
    }

    /// Hidden states `(B, T, d)` projected as pointer keys, for [`EditModel::shared_pointer_scores`].
    pub fn pointer_keys(&self, keys: &Tensor) -> Result<Tensor> {
        keys.apply(&self.pointer_key)
    }

    /// Pointer scores `(N, T)` of queries `(N, d)` over one program's projected keys `(1, T, d)`
    /// ([`EditModel::pointer_keys`]): many pointers into one program, its keys projected once.
    pub fn shared_pointer_scores(&self, queries: &Tensor, pointer_keys: &Tensor) -> Result<Tensor> {
        let q = queries.apply(&self.pointer_query)?; // (N, d)
        let k = pointer_keys.squeeze(0)?; // (T, d)
        q.matmul(&k.t()?)? / (self.config.hidden_size as f64).sqrt()
    }
}

/// An embedding initialised N(0, 0.02) (GPT-2/LLaMA practice; candle's `embedding` uses N(0, 1), which with a
/// tied LM head starts training at a loss in the sixties).
fn small_embedding(n: usize, d: usize, vb: VarBuilder) -> Result<Embedding> {
    let weight = vb.get_with_hints((n, d), "weight", candle_nn::Init::Randn { mean: 0.0, stdev: 0.02 })?;
    Ok(Embedding::new(weight, d))
}

fn rotary_tables(config: &EditModelConfig, device: &Device) -> Result<(Tensor, Tensor)> {
    let half = config.head_dim() / 2;
    let inv: Vec<f32> =
        (0..half).map(|i| 1.0 / config.rope_theta.powf(2.0 * i as f64 / (2 * half) as f64) as f32).collect();
    let positions: Vec<f32> = (0..config.max_position_embeddings).map(|p| p as f32).collect();
    let inv = Tensor::from_vec(inv, (1, half), device)?;
    let positions = Tensor::from_vec(positions, (config.max_position_embeddings, 1), device)?;
    let angles = positions.matmul(&inv)?; // (max_pos, half)
    Ok((angles.cos()?, angles.sin()?))
}
