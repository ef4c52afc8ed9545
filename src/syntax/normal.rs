//! Normalised AST: the one notion of "the same program" (corpus dedup, hold-out, exact-match metrics).
//!
//! A pre-order serialisation of the syntax tree that ignores formatting: whitespace, comments, line continuations,
//! redundant parentheses, commas and brackets (implied by the node kinds) and string quote style. Operators,
//! keywords, names and literal values are kept. The alpha-renamed variant also replaces every identifier by
//! `v0, v1, …` in order of first appearance, so `def add(a, b): return a + b` and `def plus(x, y): return x + y`
//! compare equal: the test for near-duplicates.

use std::collections::HashMap;
use std::fmt;

use super::{NodeId, Tree};

/// A program's normalised AST (see the module doc). Equality and hashing ignore formatting.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NormalisedAst(String);

/// Tokens that only delimit structure the node kinds already record.
const PUNCTUATION: &[&str] = &[",", "(", ")", "[", "]", "{", "}", ":", ";"];

/// Is the node punctuation the normalised AST skips? Not a slice's colons: they say which bound an expression is
/// (`xs[i:]` is not `xs[:i]`).
fn skipped(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    node.extra
        || (!node.named
            && PUNCTUATION.contains(&node.kind)
            && !(node.kind == ":" && node.parent.is_some_and(|p| tree.node(p).kind == "slice")))
}

impl NormalisedAst {
    /// The normalised AST of the subtree at `root`.
    pub fn of(tree: &Tree, root: NodeId, alpha: bool) -> NormalisedAst {
        let mut out = String::with_capacity(tree.source().len());
        let mut names = HashMap::new();
        if (root as usize) < tree.nodes().len() {
            write_node(tree, root, alpha.then_some(&mut names), &mut out);
        }
        NormalisedAst(out)
    }

    /// A stable 64-bit fingerprint (FNV-1a), the same on every machine and build, for hash sets stored on disk.
    /// (std's `DefaultHasher` makes no such promise across Rust releases.)
    pub fn fingerprint(&self) -> u64 {
        fnv(FNV_OFFSET, self.0.as_bytes())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NormalisedAst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "NormalisedAst({})", self.0)
    }
}

/// One hash per node, equal for two subtrees exactly when their normalised ASTs are equal (up to 64-bit
/// collisions): TreeDiff compares subtrees in O(1) with these. Nodes that the normalised AST skips (comments,
/// punctuation) hash to 0; a parenthesised expression hashes as its contents.
pub fn subtree_hashes(tree: &Tree) -> Vec<u64> {
    let nodes = tree.nodes();
    let mut hashes = vec![0u64; nodes.len()];
    for id in (0..nodes.len()).rev() {
        let node = &nodes[id];
        let id = id as NodeId;
        if skipped(tree, id) {
            continue;
        }
        hashes[id as usize] = if node.kind == "parenthesized_expression" {
            tree.children(id).map(|c| hashes[c as usize]).find(|&h| h != 0).unwrap_or(0)
        } else if node.kind == "string" {
            let mut text = String::new();
            write_string(tree, id, &mut text);
            fnv(FNV_OFFSET, text.as_bytes())
        } else if node.is_leaf(id) || TEXTUAL_KINDS.contains(&node.kind) {
            fnv(fnv(FNV_OFFSET, node.kind.as_bytes()), tree.text(node.span).as_bytes())
        } else {
            let mut h = fnv(FNV_OFFSET, node.kind.as_bytes());
            for child in tree.children(id) {
                let c = hashes[child as usize];
                if c != 0 {
                    h = fnv(h, &c.to_le_bytes());
                }
            }
            h
        };
    }
    hashes
}

/// Nodes whose text is not covered by their children (a `string_content` holds its escape sequences as
/// children but the plain characters only as text): hashed by their text.
const TEXTUAL_KINDS: &[&str] = &["string_content", "string_start", "string_end"];

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a of `bytes`: a stable content hash (checkpoint weights in reports, fingerprints).
pub fn content_hash(bytes: &[u8]) -> u64 {
    fnv(FNV_OFFSET, bytes)
}

/// FNV-1a, continued from `h`.
fn fnv(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn write_node(tree: &Tree, id: NodeId, mut names: Option<&mut HashMap<String, usize>>, out: &mut String) {
    let node = tree.node(id);
    if skipped(tree, id) {
        return;
    }
    if node.kind == "parenthesized_expression" {
        for child in tree.children(id) {
            write_node(tree, child, names.as_deref_mut(), out);
        }
        return;
    }
    if node.kind == "string" {
        write_string(tree, id, out);
        return;
    }
    if node.is_leaf(id) {
        let text = tree.text(node.span);
        out.push(' ');
        if let Some(names) = names.filter(|_| node.kind == "identifier") {
            let next = names.len();
            let n = *names.entry(text.to_string()).or_insert(next);
            out.push_str(&format!("v{n}"));
            return;
        }
        if node.named {
            out.push_str(node.kind);
            out.push(':');
        }
        out.push_str(text);
        return;
    }
    out.push_str(" (");
    out.push_str(node.kind);
    for child in tree.children(id) {
        write_node(tree, child, names.as_deref_mut(), out);
    }
    out.push(')');
}

/// `'a'`, `"a"` and `"""a"""` are the same string; the prefix (`f`, `b`, `r`) and content are kept.
fn write_string(tree: &Tree, id: NodeId, out: &mut String) {
    out.push_str(" (string ");
    for child in tree.children(id) {
        let child_node = tree.node(child);
        let text = tree.text(child_node.span);
        match child_node.kind {
            "string_start" => out.push_str(&text.trim_end_matches(['\'', '"']).to_ascii_lowercase()),
            "string_end" => {}
            _ => {
                out.push('|');
                out.push_str(text);
            }
        }
    }
    out.push(')');
}

#[cfg(test)]
mod tests {
    use super::super::parse;

    #[test]
    fn formatting_and_comments_are_ignored() {
        let a = parse("def f(a, b):\n    return (a + b)  # sum\n");
        let b = parse("def f( a,b, ) :\n\n    # a comment\n    return a+b\n");
        assert_eq!(a.normalised(), b.normalised());
        assert_eq!(parse("x = 'hi'\n").normalised(), parse("x = \"hi\"\n").normalised());
    }

    #[test]
    fn meaning_is_not_ignored() {
        let base = parse("def f(a, b):\n    return a + b\n").normalised();
        for other in [
            "def f(a, b):\n    return a - b\n",
            "def f(a, b):\n    return b + a\n",
            "def f(a, c):\n    return a + c\n",
            "def f(a, b):\n    return a + b + 0\n",
            "def f(a, b):\n    return (a, b)\n",
        ] {
            assert_ne!(parse(other).normalised(), base, "{other}");
        }
        // Precedence is structure: (a + b) * c differs from a + b * c.
        assert_ne!(parse("(a + b) * c\n").normalised(), parse("a + b * c\n").normalised());
        assert_ne!(parse("x = b'a'\n").normalised(), parse("x = 'a'\n").normalised());
        // A slice's colons say which bound is which (regression: `xs[i:]` and `xs[:i]` were one program).
        let slices = ["xs[i:]\n", "xs[:i]\n", "xs[::i]\n", "xs[i::]\n", "xs[i:j]\n", "xs[i::j]\n", "xs[:i:j]\n"];
        for (n, &a) in slices.iter().enumerate() {
            for &b in &slices[n + 1..] {
                assert_ne!(parse(a).normalised(), parse(b).normalised(), "{a} vs {b}");
                assert_ne!(super::subtree_hashes(&parse(a))[0], super::subtree_hashes(&parse(b))[0], "{a} vs {b}");
            }
        }
        assert_eq!(parse("xs[i :]\n").normalised(), parse("xs[i:]\n").normalised());
    }

    #[test]
    fn subtree_hashes_agree_with_normalised_equality() {
        let a = parse("def f(a, b):\n    return (a + b)  # sum\n");
        let b = parse("def f( a,b, ) :\n    return a+b\n");
        let c = parse("def f(a, b):\n    return a - b\n");
        let (ha, hb, hc) = (super::subtree_hashes(&a), super::subtree_hashes(&b), super::subtree_hashes(&c));
        assert_eq!(ha[0], hb[0]);
        assert_ne!(ha[0], hc[0]);
        // String contents count, escape sequences or not (regression: `b'1\n'` vs `b'line\n'`).
        let s1 = parse("f(b'1\\n')\n");
        let s2 = parse("f(b'line\\n')\n");
        let content = |t: &crate::syntax::Tree| t.nodes().iter().position(|n| n.kind == "string_content").unwrap();
        assert_ne!(super::subtree_hashes(&s1)[content(&s1)], super::subtree_hashes(&s2)[content(&s2)]);
        // The parameter lists are equal in all three.
        let params = |t: &crate::syntax::Tree| t.nodes().iter().position(|n| n.kind == "parameters").unwrap();
        assert_eq!(ha[params(&a)], hc[params(&c)]);
    }

    #[test]
    fn alpha_renaming_finds_near_duplicates() {
        let add = parse("def add(a, b):\n    return a + b\n");
        let plus = parse("def plus(x, y):\n    return x + y\n");
        let swapped = parse("def plus(x, y):\n    return y + x\n");
        assert_ne!(add.normalised(), plus.normalised());
        assert_eq!(add.alpha_normalised(), plus.alpha_normalised());
        assert_ne!(add.alpha_normalised(), swapped.alpha_normalised());
        assert_eq!(add.alpha_normalised().fingerprint(), plus.alpha_normalised().fingerprint());
    }
}
