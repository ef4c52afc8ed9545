//! Checkpoint I/O: a directory with `config.json`, `model.safetensors` and `tokenizer.json` (HF layout).
//!
//! Saving is atomic: everything is written into `DIR.tmp` and renamed over `DIR`, so a run killed mid-save
//! leaves the previous checkpoint intact. Loading checks that the three files agree and names the file and the
//! mismatch when they do not.

use std::path::{Path, PathBuf};

use candle_core::{DType, Device};
use candle_nn::{VarBuilder, VarMap};

use super::{EditModel, EditModelConfig, ModelError, Tokenizer};

pub const CONFIG_FILE: &str = "config.json";
pub const WEIGHTS_FILE: &str = "model.safetensors";
pub const TOKENIZER_FILE: &str = "tokenizer.json";

fn bad(path: &Path, message: impl Into<String>) -> ModelError {
    ModelError::Checkpoint { path: path.to_path_buf(), message: message.into() }
}

/// Reads and parses `config.json`.
pub fn load_config(dir: &Path) -> Result<EditModelConfig, ModelError> {
    let path = dir.join(CONFIG_FILE);
    let text = std::fs::read_to_string(&path).map_err(|e| bad(&path, e.to_string()))?;
    serde_json::from_str(&text).map_err(|e| bad(&path, format!("not a Kelp model config: {e}")))
}

/// A loaded model with its tokenizer.
pub struct Checkpoint {
    pub model: EditModel,
    pub tokenizer: Tokenizer,
    pub config: EditModelConfig,
    pub dir: PathBuf,
}

impl Checkpoint {
    /// Loads a checkpoint directory on the CPU.
    pub fn load(dir: &Path) -> Result<Checkpoint, ModelError> {
        if !dir.is_dir() {
            return Err(bad(dir, "no such checkpoint directory"));
        }
        let config = load_config(dir)?;
        let tokenizer_path = dir.join(TOKENIZER_FILE);
        let tokenizer = Tokenizer::load(&tokenizer_path)?;
        if tokenizer.vocab_size() != config.vocab_size {
            return Err(bad(
                &tokenizer_path,
                format!(
                    "vocabulary of {} tokens, but config.json says vocab_size {}",
                    tokenizer.vocab_size(),
                    config.vocab_size
                ),
            ));
        }
        let weights = dir.join(WEIGHTS_FILE);
        let mut varmap = VarMap::new();
        let vb = VarBuilder::from_varmap(&varmap, DType::F32, &Device::Cpu);
        let model = EditModel::load(vb, &config).map_err(|e| bad(dir, e.to_string()))?;
        load_weights(&mut varmap, &weights)?;
        Ok(Checkpoint { model, tokenizer, config, dir: dir.to_path_buf() })
    }
}

/// Loads `model.safetensors` into the variables of `varmap`, checking names and shapes (the weights may be
/// stored as f16/bf16; they are converted to the variables' dtype).
pub fn load_weights(varmap: &mut VarMap, path: &Path) -> Result<(), ModelError> {
    let tensors = candle_core::safetensors::load(path, &Device::Cpu)
        .map_err(|e| bad(path, format!("unreadable weights: {e}")))?;
    let vars = varmap.data().lock().map_err(|_| bad(path, "variable map poisoned"))?;
    for (name, var) in vars.iter() {
        let Some(tensor) = tensors.get(name) else {
            return Err(bad(path, format!("missing tensor {name}: weights do not match config.json")));
        };
        if tensor.dims() != var.dims() {
            return Err(bad(
                path,
                format!("tensor {name} has shape {:?}, config.json implies {:?}", tensor.dims(), var.dims()),
            ));
        }
        let tensor = tensor.to_dtype(var.dtype()).map_err(|e| bad(path, e.to_string()))?;
        var.set(&tensor).map_err(|e| bad(path, e.to_string()))?;
    }
    Ok(())
}

/// Writes a checkpoint directory atomically (see the module doc). `extra` files (name, bytes) go with it.
pub fn save(
    dir: &Path,
    varmap: &VarMap,
    config: &EditModelConfig,
    tokenizer: &Tokenizer,
    half_precision: bool,
    extra: &[(&str, Vec<u8>)],
) -> Result<(), ModelError> {
    let tmp = dir.with_extension("tmp");
    let _ = std::fs::remove_dir_all(&tmp);
    std::fs::create_dir_all(&tmp).map_err(|e| bad(&tmp, e.to_string()))?;
    let config_json = serde_json::to_string_pretty(config).map_err(|e| bad(&tmp, e.to_string()))?;
    std::fs::write(tmp.join(CONFIG_FILE), config_json + "\n").map_err(|e| bad(&tmp, e.to_string()))?;
    let vars = varmap.data().lock().map_err(|_| bad(dir, "variable map poisoned"))?;
    let dtype = if half_precision { DType::BF16 } else { DType::F32 };
    let tensors: std::collections::HashMap<String, candle_core::Tensor> = vars
        .iter()
        .map(|(k, v)| Ok((k.clone(), v.as_tensor().to_dtype(dtype)?)))
        .collect::<candle_core::Result<_>>()?;
    candle_core::safetensors::save(&tensors, tmp.join(WEIGHTS_FILE)).map_err(|e| bad(&tmp, e.to_string()))?;
    tokenizer.save(&tmp.join(TOKENIZER_FILE))?;
    for (name, bytes) in extra {
        std::fs::write(tmp.join(name), bytes).map_err(|e| bad(&tmp, e.to_string()))?;
    }
    let old = dir.with_extension("old");
    let _ = std::fs::remove_dir_all(&old);
    if dir.exists() {
        std::fs::rename(dir, &old).map_err(|e| bad(dir, e.to_string()))?;
    }
    std::fs::rename(&tmp, dir).map_err(|e| bad(dir, e.to_string()))?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}
