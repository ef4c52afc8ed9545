//! The model-free baseline: blind mutation-based repair of the classic APR kind (DESIGN §6).
//!
//! [`single_edits`] enumerates every single edit of a program from a fixed menu: an operator swapped within its
//! family, an integer changed by ±1 or set to 0/1/-1, `True`↔`False`, a name replaced by another name of the
//! program, an expression replaced by another expression of the same program, a statement deleted (`pass`) or
//! duplicated, call arguments or binary operands swapped, a unary `-`/`not` dropped. [`Baseline`] yields them in
//! seeded random order, then random compositions of 2–3 such edits, each a distinct program (normalised AST).
//! It knows nothing of the tests: the search runs them.

use std::collections::HashSet;

use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::localize::Suspicion;
use super::propose::splice_checked;
use crate::noise::OPERATOR_FAMILIES;
use crate::syntax::{Edit, NodeId, ReplacementClass, Span, Tree};

/// Sites larger than this (leaf tokens) are not replaced by other expressions: repairs are local.
const MAX_SITE_LEAVES: u32 = 12;

/// One candidate single edit: replace the node at `span` (of `class`) with `text`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RawEdit {
    pub span: Span,
    pub class: ReplacementClass,
    pub text: String,
}

/// Identifiers used as values in the program (not attribute names), the function's own name excluded.
fn names_in_scope(tree: &Tree) -> Vec<&str> {
    let function_name =
        tree.nodes().iter().find(|n| n.kind == "identifier" && n.field == Some("name")).map(|n| tree.text(n.span));
    let mut names: Vec<&str> = Vec::new();
    for node in tree.nodes() {
        if node.kind == "identifier" && node.class.is_some() && node.field != Some("attribute") {
            let text = tree.text(node.span);
            if Some(text) != function_name && !names.contains(&text) {
                names.push(text);
            }
        }
    }
    names
}

/// Is the node part of the function's header (the definition itself, its name or its parameters)?
fn in_header(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    if node.parent == Some(0) {
        return true; // the function definition itself
    }
    let mut cursor = node.parent;
    while let Some(p) = cursor {
        let parent = tree.node(p);
        if parent.kind == "parameters" || (parent.kind == "function_definition" && node.field == Some("name")) {
            return true;
        }
        if parent.kind == "block" {
            return false;
        }
        cursor = parent.parent;
    }
    false
}

/// Every single edit of the menu (see the module doc), as text; not yet checked to splice cleanly.
pub fn single_edits(tree: &Tree) -> Vec<RawEdit> {
    let names = names_in_scope(tree);
    let expressions: Vec<&str> = {
        let mut seen = HashSet::new();
        tree.replaceable()
            .map(|id| tree.node(id))
            .filter(|n| n.class == Some(ReplacementClass::Expression) && n.leaves <= MAX_SITE_LEAVES)
            .map(|n| tree.text(n.span))
            .filter(|t| !t.contains('\n') && seen.insert(*t))
            .collect()
    };
    let mut out = Vec::new();
    for id in tree.replaceable() {
        if in_header(tree, id) {
            continue;
        }
        let node = tree.node(id);
        let Some(class) = node.class else { continue };
        let text = tree.text(node.span);
        let start = node.span.start;
        let mut push = |t: String| {
            if t != text {
                out.push(RawEdit { span: node.span, class, text: t });
            }
        };
        match node.kind {
            "true" => push("False".into()),
            "false" => push("True".into()),
            "integer" => {
                if let Ok(v) = text.parse::<i64>() {
                    for w in [v + 1, v - 1, 0, 1, -1] {
                        push(w.to_string());
                    }
                }
            }
            _ => {}
        }
        // Operator swaps and operand swaps: operators are anonymous children of the node.
        let children: Vec<NodeId> = tree.children(id).filter(|&c| !tree.node(c).extra).collect();
        let operator_spans: Vec<Span> = children
            .iter()
            .map(|&c| tree.node(c))
            .filter(|c| !c.named || c.kind == "not_in" || c.kind == "is_not")
            .map(|c| c.span)
            .filter(|s| OPERATOR_FAMILIES.iter().any(|f| f.contains(&tree.text(*s))))
            .collect();
        if let Some(&op_span) = operator_spans.first() {
            let op = tree.text(op_span);
            let (a, b) = ((op_span.start - start) as usize, (op_span.end - start) as usize);
            if let Some(family) = OPERATOR_FAMILIES.iter().find(|f| f.contains(&op)) {
                for other in family.iter().filter(|&&o| o != op) {
                    push(format!("{}{}{}", &text[..a], other, &text[b..]));
                }
            }
            if matches!(node.kind, "binary_operator" | "comparison_operator" | "boolean_operator")
                && children.len() == 3
            {
                let (l, r) = (tree.node(children[0]).span, tree.node(children[2]).span);
                push(format!("{} {} {}", tree.text(r), op, tree.text(l)));
            }
        }
        if matches!(node.kind, "unary_operator" | "not_operator")
            && let Some(&operand) = children.last()
        {
            push(tree.text(tree.node(operand).span).to_string());
        }
        if node.kind == "call"
            && let Some(args) = tree.children(id).find(|&c| tree.node(c).kind == "argument_list")
        {
            let args: Vec<Span> = tree
                .children(args)
                .map(|c| tree.node(c))
                .filter(|c| c.named && !c.extra && c.kind != "keyword_argument")
                .map(|c| c.span)
                .collect();
            for pair in args.windows(2) {
                let (x, y) = (pair[0], pair[1]);
                let rel = |s: Span| ((s.start - start) as usize, (s.end - start) as usize);
                let ((xa, xb), (ya, yb)) = (rel(x), rel(y));
                push(format!("{}{}{}{}{}", &text[..xa], tree.text(y), &text[xb..ya], tree.text(x), &text[yb..]));
            }
        }
        match class {
            ReplacementClass::Expression if node.leaves <= MAX_SITE_LEAVES => {
                if node.kind == "identifier" {
                    for name in &names {
                        push(name.to_string());
                    }
                }
                for expr in &expressions {
                    // Sub-expressions included: `return x` for `return x + 1` is a classic repair.
                    push(expr.to_string());
                }
            }
            ReplacementClass::Statement => {
                push("pass".into());
                if crate::syntax::line_starts_at(tree.source(), start as usize) && !text.contains('\n') {
                    push(format!("{text}\n{text}"));
                }
            }
            _ => {}
        }
    }
    let mut seen = HashSet::new();
    out.retain(|e| seen.insert(e.clone()));
    out
}

/// Applies a raw edit if it splices cleanly (see [`splice_checked`]).
pub fn apply(tree: &Tree, edit: &RawEdit) -> Option<(Edit, Tree)> {
    splice_checked(tree, edit.span, edit.class, &edit.text)
}

/// A stream of distinct candidate programs: all single edits in seeded random order, then random 2–3-edit
/// compositions. Each candidate carries the edits that made it.
pub struct Baseline {
    start: Tree,
    singles: Vec<RawEdit>,
    next_single: usize,
    seen: HashSet<u64>,
    rng: ChaCha8Rng,
}

impl Baseline {
    pub fn new(start: &Tree, seed: u64) -> Baseline {
        Baseline::localized(start, seed, None)
    }

    /// With a spectrum, the single edits come in order of suspicion (most suspicious lines first; seeded random
    /// order within a line's rank), as classic APR tools walk a fault-localisation ranking. Compositions are
    /// unchanged.
    pub fn localized(start: &Tree, seed: u64, suspicion: Option<&Suspicion>) -> Baseline {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let mut singles = single_edits(start);
        singles.shuffle(&mut rng);
        if let Some(suspicion) = suspicion {
            let spans: Vec<_> = singles.iter().map(|e| e.span).collect();
            let priors = suspicion.priors(start, &spans);
            let mut ranked: Vec<(f64, RawEdit)> = priors.into_iter().zip(singles).collect();
            ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
            singles = ranked.into_iter().map(|(_, e)| e).collect();
        }
        let mut seen = HashSet::new();
        seen.insert(start.normalised().fingerprint());
        Baseline { start: start.clone(), singles, next_single: 0, seen, rng }
    }

    /// Up to `n` new distinct candidates (fewer when the stream runs dry: compositions give up after many
    /// repeats).
    pub fn next_candidates(&mut self, n: usize) -> Vec<(Vec<Edit>, Tree)> {
        let mut out = Vec::with_capacity(n);
        while out.len() < n && self.next_single < self.singles.len() {
            let raw = &self.singles[self.next_single];
            self.next_single += 1;
            if let Some((edit, tree)) = apply(&self.start, raw)
                && self.seen.insert(tree.normalised().fingerprint())
            {
                out.push((vec![edit], tree));
            }
        }
        let mut misses = 0;
        while out.len() < n && misses < 200 && !self.singles.is_empty() {
            match self.composition() {
                Some((edits, tree)) if self.seen.insert(tree.normalised().fingerprint()) => {
                    out.push((edits, tree));
                    misses = 0;
                }
                _ => misses += 1,
            }
        }
        out
    }

    /// A random composition of 2–3 single edits, each drawn from the edits of the program so far.
    fn composition(&mut self) -> Option<(Vec<Edit>, Tree)> {
        let depth = self.rng.random_range(2..=3);
        let mut tree = self.start.clone();
        let mut edits = Vec::with_capacity(depth);
        for step in 0..depth {
            let fresh;
            let menu = if step == 0 {
                &self.singles
            } else {
                fresh = single_edits(&tree);
                &fresh
            };
            if menu.is_empty() {
                return None;
            }
            let mut applied = None;
            for _ in 0..8 {
                let raw = &menu[self.rng.random_range(0..menu.len())];
                if let Some(hit) = apply(&tree, raw) {
                    applied = Some(hit);
                    break;
                }
            }
            let (edit, next) = applied?;
            edits.push(edit);
            tree = next;
        }
        Some((edits, tree))
    }
}
