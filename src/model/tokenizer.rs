//! Tokens that follow the tree (DESIGN §4): split at tree-sitter leaves, sub-word BPE only inside a leaf.
//!
//! Pre-tokenization turns a source into *pieces*: leaf texts (identifiers, operators, literals, comments; a string
//! literal is one piece) and layout tokens — `<nl>` for a newline, `<indent>`/`<dedent>` for indentation that
//! grows by four spaces or returns to an enclosing level, `<sp>` for a single space between leaves. Any other
//! whitespace is a raw piece (after `<ws>` when it is a line's indentation). Leaf pieces are split by a byte-level
//! BPE model (HF `tokenizers`, saved as `tokenizer.json`), so every byte sequence encodes, and decoding gives the
//! source back byte for byte.
//!
//! Every leaf starts and ends on a token boundary, so every node span does: [`Encoding::token_span`] maps a byte
//! span to the tokens that cover it, which is how the pointer head addresses a node.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::sync::Mutex;

use tokenizers::models::bpe::{BPE, BpeTrainer};
use tokenizers::{AddedToken, Model, ModelWrapper, Trainer};

use super::ModelError;
use crate::syntax::{self, Span};

/// Special and layout tokens, in id order (ids 0..SPECIAL.len()).
pub const SPECIAL: &[&str] = &[
    "<pad>",
    "<eos>",
    "<spec>",
    "<prog>",
    "<edit>",
    "<ptr_start>",
    "<ptr_end>",
    "<nl>",
    "<indent>",
    "<dedent>",
    "<sp>",
    "<ws>",
];

/// Ids of the special tokens (fixed: they come first in every vocabulary).
pub mod special {
    pub const PAD: u32 = 0;
    pub const EOS: u32 = 1;
    pub const SPEC: u32 = 2;
    pub const PROG: u32 = 3;
    pub const EDIT: u32 = 4;
    pub const PTR_START: u32 = 5;
    pub const PTR_END: u32 = 6;
    pub const NL: u32 = 7;
    pub const INDENT: u32 = 8;
    pub const DEDENT: u32 = 9;
    pub const SP: u32 = 10;
    pub const WS: u32 = 11;
}

const INDENT_UNIT: &str = "    ";

/// A source's tokens, with the byte range of the source each covers (layout tokens other than `<nl>` and
/// `<sp>` cover no bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoding {
    pub ids: Vec<u32>,
    pub offsets: Vec<(u32, u32)>,
}

impl Encoding {
    /// First and last token index covering exactly the byte span, if it starts and ends on token boundaries.
    pub fn token_span(&self, span: Span) -> Option<(usize, usize)> {
        let first = self.offsets.iter().position(|&(s, e)| s == span.start && e > s)?;
        let last = self.offsets.iter().rposition(|&(s, e)| e == span.end && e > s)?;
        (first <= last).then_some((first, last))
    }
}

/// One step of pre-tokenization.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece<'s> {
    Special(u32),
    Text(&'s str),
}

/// Byte-level alphabet: byte `b` is the character U+0100 + b, so BPE sees printable, distinct characters.
fn byte_char(b: u8) -> char {
    char::from_u32(0x100 + u32::from(b)).expect("U+0100..U+01FF are valid characters")
}

fn to_byte_chars(text: &str) -> String {
    text.bytes().map(byte_char).collect()
}

/// The tree-following tokenizer: layout rules plus a byte-level BPE model.
pub struct Tokenizer {
    hf: tokenizers::Tokenizer,
    bpe: BPE,
    vocab: Vec<Vec<u8>>,
    /// Leaf → BPE ids; leaves repeat a lot, and BPE merging is the slow part of encoding.
    cache: Mutex<HashMap<String, Vec<u32>>>,
}

impl std::fmt::Debug for Tokenizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Tokenizer(vocab {})", self.vocab.len())
    }
}

impl Tokenizer {
    /// Trains the BPE model on the leaves of `sources`, to a vocabulary of `vocab_size` (special tokens included).
    pub fn train<S: AsRef<str>>(sources: &[S], vocab_size: usize) -> Result<Tokenizer, ModelError> {
        let mut words: HashMap<String, u64> = HashMap::new();
        for source in sources {
            for piece in pieces(source.as_ref()) {
                if let Piece::Text(text) = piece {
                    *words.entry(to_byte_chars(text)).or_insert(0) += 1;
                }
            }
        }
        let alphabet: HashSet<char> = (0..=255u8).map(byte_char).collect();
        let specials: Vec<AddedToken> = SPECIAL.iter().map(|s| AddedToken::from(*s, true)).collect();
        let mut trainer = BpeTrainer::builder()
            .vocab_size(vocab_size)
            .min_frequency(2)
            .initial_alphabet(alphabet)
            .limit_alphabet(256)
            .special_tokens(specials)
            .show_progress(false)
            .build();
        let mut bpe = BPE::default();
        // Feed each distinct word as often as it occurs (the trainer counts words itself).
        trainer
            .feed(words.iter().flat_map(|(w, &n)| std::iter::repeat_n(w.as_str(), n.min(1000) as usize)), |w| {
                Ok(vec![w.to_owned()])
            })
            .map_err(|e| ModelError::Tokenizer(e.to_string()))?;
        trainer.train(&mut bpe).map_err(|e| ModelError::Tokenizer(e.to_string()))?;
        let mut hf = tokenizers::Tokenizer::new(bpe);
        hf.add_special_tokens(SPECIAL.iter().map(|s| AddedToken::from(*s, true)).collect::<Vec<_>>())
            .map_err(|e| ModelError::Tokenizer(e.to_string()))?;
        Tokenizer::from_hf(hf)
    }

    /// Loads `tokenizer.json`.
    pub fn load(path: &Path) -> Result<Tokenizer, ModelError> {
        let hf = tokenizers::Tokenizer::from_file(path)
            .map_err(|e| ModelError::Tokenizer(format!("{}: {e}", path.display())))?;
        Tokenizer::from_hf(hf)
    }

    /// Writes `tokenizer.json`.
    pub fn save(&self, path: &Path) -> Result<(), ModelError> {
        self.hf.save(path, false).map_err(|e| ModelError::Tokenizer(format!("{}: {e}", path.display())))
    }

    fn from_hf(hf: tokenizers::Tokenizer) -> Result<Tokenizer, ModelError> {
        let ModelWrapper::BPE(bpe) = hf.get_model().clone() else {
            return Err(ModelError::Tokenizer("tokenizer.json does not hold a BPE model".into()));
        };
        for (id, name) in SPECIAL.iter().enumerate() {
            if hf.token_to_id(name) != Some(id as u32) {
                return Err(ModelError::Tokenizer(format!(
                    "special token {name} is not id {id}: not a Kelp tokenizer"
                )));
            }
        }
        let size = hf.get_vocab_size(true);
        let mut vocab = vec![Vec::new(); size];
        for (token, id) in hf.get_vocab(true) {
            let Some(slot) = vocab.get_mut(id as usize) else { continue };
            *slot = if (id as usize) < SPECIAL.len() {
                Vec::new()
            } else {
                token.chars().map(|c| (u32::from(c).wrapping_sub(0x100)) as u8).collect()
            };
        }
        Ok(Tokenizer { hf, bpe, vocab, cache: Mutex::new(HashMap::new()) })
    }

    pub fn vocab_size(&self) -> usize {
        self.vocab.len()
    }

    /// Encodes Python source (or a fragment of it) with byte offsets.
    pub fn encode(&self, source: &str) -> Encoding {
        let mut ids = Vec::with_capacity(source.len() / 3);
        let mut offsets = Vec::with_capacity(source.len() / 3);
        let base = source.as_ptr() as usize;
        let mut last_end = 0u32;
        for piece in pieces(source) {
            match piece {
                Piece::Special(id) => {
                    let len = match id {
                        special::NL | special::SP => 1,
                        _ => 0,
                    };
                    ids.push(id);
                    offsets.push((last_end, last_end + len));
                    last_end += len;
                }
                Piece::Text(text) => {
                    let start = (text.as_ptr() as usize - base) as u32;
                    let mut at = start;
                    for id in self.leaf_ids(text) {
                        let len = self.vocab[id as usize].len() as u32;
                        ids.push(id);
                        offsets.push((at, at + len));
                        at += len;
                    }
                    last_end = at;
                }
            }
            // Indentation emitted lazily by the decoder sits between tokens: keep offsets monotone.
            if let Some(&(_, end)) = offsets.last() {
                last_end = last_end.max(end);
            }
        }
        Encoding { ids, offsets }
    }

    /// Ids only.
    pub fn encode_ids(&self, source: &str) -> Vec<u32> {
        self.encode(source).ids
    }

    fn leaf_ids(&self, text: &str) -> Vec<u32> {
        if let Some(ids) = self.cache.lock().ok().and_then(|cache| cache.get(text).cloned()) {
            return ids;
        }
        let ids: Vec<u32> = match self.bpe.tokenize(&to_byte_chars(text)) {
            Ok(tokens) => tokens.into_iter().map(|t| t.id).collect(),
            Err(_) => Vec::new(),
        };
        if let Ok(mut cache) = self.cache.lock()
            && cache.len() < 1_000_000
        {
            cache.insert(text.to_string(), ids.clone());
        }
        ids
    }

    /// Decodes ids back to source text (the inverse of [`encode`](Self::encode)); special tokens that are not
    /// layout (`<eos>`, `<edit>`, …) are skipped.
    pub fn decode(&self, ids: &[u32]) -> String {
        let mut out: Vec<u8> = Vec::new();
        let mut stack: Vec<Vec<u8>> = vec![Vec::new()];
        let mut at_line_start = true;
        let mut pending_ws = false;
        for &id in ids {
            match id {
                special::NL => {
                    out.push(b'\n');
                    at_line_start = true;
                }
                special::INDENT => {
                    let mut next = stack.last().cloned().unwrap_or_default();
                    next.extend_from_slice(INDENT_UNIT.as_bytes());
                    stack.push(next);
                }
                special::DEDENT => {
                    if stack.len() > 1 {
                        stack.pop();
                    }
                }
                special::WS => {
                    pending_ws = true;
                    stack.push(Vec::new());
                }
                // After `<ws>`, spaces build the new indentation; at a line start otherwise they only come from
                // whitespace-only lines, which get no indentation.
                special::SP if pending_ws => {
                    if let Some(top) = stack.last_mut() {
                        top.push(b' ');
                    }
                }
                special::SP => out.push(b' '),
                id if (id as usize) < SPECIAL.len() => {}
                id => {
                    let bytes = self.vocab.get(id as usize).map_or(&[][..], |v| v);
                    if pending_ws && bytes.iter().all(u8::is_ascii_whitespace) {
                        if let Some(top) = stack.last_mut() {
                            top.extend_from_slice(bytes);
                        }
                        continue;
                    }
                    pending_ws = false;
                    // The indentation goes before a line's first token with something other than whitespace.
                    if at_line_start && bytes.iter().any(|b| !b.is_ascii_whitespace()) {
                        out.extend_from_slice(stack.last().map_or(&[][..], |v| v));
                        at_line_start = false;
                    }
                    out.extend_from_slice(bytes);
                }
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }
}

/// Leaves and strings, as the atoms of pre-tokenization: byte spans in source order.
fn atoms(tree: &syntax::Tree) -> Vec<Span> {
    let nodes = tree.nodes();
    let mut spans = Vec::new();
    let mut id = 0usize;
    while id < nodes.len() {
        let node = &nodes[id];
        let atomic = node.is_leaf(id as u32) || node.kind == "string";
        if atomic {
            if !node.span.is_empty() {
                spans.push(node.span);
            }
            id = node.subtree_end as usize;
        } else {
            id += 1;
        }
    }
    spans.sort_by_key(|s| (s.start, s.end));
    spans
}

/// Pre-tokenization (see the module doc).
fn pieces(source: &str) -> Vec<Piece<'_>> {
    let tree = syntax::parse(source);
    let mut out = Vec::with_capacity(source.len() / 2);
    let mut stack: Vec<&str> = vec![""];
    let mut cursor = 0usize;
    for span in atoms(&tree) {
        let (start, end) = (span.start as usize, span.end as usize);
        if start < cursor {
            continue; // overlapping atoms can only come from error recovery; the bytes are already out
        }
        layout(source, cursor, start, &mut stack, &mut out);
        let text = &source[start..end];
        // A line continuation (`\` + newline) ends its line: its newline is an `<nl>`, so the next line's
        // indentation is laid out like any other.
        match text.strip_suffix('\n').filter(|t| t.starts_with('\\')) {
            Some(backslash) => {
                out.push(Piece::Text(backslash));
                out.push(Piece::Special(special::NL));
            }
            None => out.push(Piece::Text(text)),
        }
        cursor = end;
    }
    layout(source, cursor, source.len(), &mut stack, &mut out);
    out
}

/// Pieces for the text between two atoms: whitespace as layout tokens, anything else raw.
fn layout<'s>(source: &'s str, start: usize, end: usize, stack: &mut Vec<&'s str>, out: &mut Vec<Piece<'s>>) {
    let gap = &source[start..end];
    if gap.is_empty() {
        return;
    }
    let line_start = start == 0 || source.as_bytes()[start - 1] == b'\n';
    let mut lines = gap.split('\n').peekable();
    let mut first = true;
    while let Some(line) = lines.next() {
        let is_last = lines.peek().is_none();
        let at_line_start = if first { line_start } else { true };
        if is_last && at_line_start && end < source.len() && !line.trim().is_empty() {
            // Non-whitespace in a gap (error recovery): raw.
            out.push(Piece::Text(line));
        } else if is_last && at_line_start && end < source.len() {
            indentation(line, stack, out);
        } else if !line.is_empty() {
            if line == " " {
                out.push(Piece::Special(special::SP));
            } else if line.bytes().all(|b| b == b' ') {
                out.extend(std::iter::repeat_n(Piece::Special(special::SP), line.len()));
            } else {
                out.push(Piece::Text(line));
            }
        }
        if !is_last {
            out.push(Piece::Special(special::NL));
        }
        first = false;
    }
}

/// Pieces that set a line's indentation to `ind`.
fn indentation<'s>(ind: &'s str, stack: &mut Vec<&'s str>, out: &mut Vec<Piece<'s>>) {
    let top = stack.last().copied().unwrap_or("");
    if ind == top {
        return;
    }
    if ind.len() == top.len() + INDENT_UNIT.len() && ind.starts_with(top) && ind.ends_with(INDENT_UNIT) {
        out.push(Piece::Special(special::INDENT));
        stack.push(ind);
        return;
    }
    if let Some(level) = stack.iter().rposition(|&s| s == ind) {
        for _ in level + 1..stack.len() {
            out.push(Piece::Special(special::DEDENT));
        }
        stack.truncate(level + 1);
        return;
    }
    // Any other indentation (continuation lines, tabs): `<ws>` and the indentation one character a token.
    out.push(Piece::Special(special::WS));
    for (i, c) in ind.char_indices() {
        out.push(if c == ' ' { Piece::Special(special::SP) } else { Piece::Text(&ind[i..i + c.len_utf8()]) });
    }
    stack.push(ind);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Tokenizer {
        let corpus = [
            "def f(a, b):\n    if a > b:\n        return a\n    return b\n",
            "def g(xs):\n    total = 0\n    for x in xs:\n        total += x  # sum\n    return total\n",
        ];
        Tokenizer::train(&corpus, 300).unwrap()
    }

    #[test]
    fn round_trips_byte_exactly() {
        let tok = tiny();
        for src in [
            "def f(a, b):\n    if a > b:\n        return a\n    return b\n",
            "def h(s):\n    '''Doc\n\n    string.'''\n\tx  =  [1,\n  2]\n\n    return s  \n",
            "def k():\n    if x:\n      y = 1\n    # c\n# top\n    return 'é' + \"\\n\"\n",
            "def r(self):\n    return \"F\" + repr((self.a,\n                      self.b,\n                    self.c))\n",
            "def c(a, b):\n    if a and \\\n            (b or a):\n        return 1\n",
            "x = 1",
            "",
            "a + b",
            "y = 2\nreturn y",
        ] {
            let enc = tok.encode(src);
            assert_eq!(tok.decode(&enc.ids), src, "{:?}", enc.ids);
        }
    }

    #[test]
    fn node_spans_fall_on_token_boundaries() {
        let tok = tiny();
        let src = "def f(a, b):\n    if a > b:\n        return a\n    return b\n";
        let tree = syntax::parse(src);
        let enc = tok.encode(src);
        for node in tree.nodes().iter().filter(|n| n.class.is_some()) {
            let (first, last) = enc.token_span(node.span).unwrap_or_else(|| panic!("{node:?}"));
            let (s, e) = (enc.offsets[first].0, enc.offsets[last].1);
            assert_eq!(Span { start: s, end: e }, node.span);
        }
    }

    #[test]
    fn save_load_round_trip_and_foreign_vocabulary() {
        let tok = tiny();
        let path = std::env::temp_dir().join(format!("kelp-tok-{}.json", std::process::id()));
        tok.save(&path).unwrap();
        let back = Tokenizer::load(&path).unwrap();
        assert_eq!(back.encode_ids("return a + b\n"), tok.encode_ids("return a + b\n"));
        std::fs::write(&path, "{\"not\": \"a tokenizer\"}").unwrap();
        assert!(Tokenizer::load(&path).is_err());
        std::fs::remove_file(&path).unwrap();
    }
}
