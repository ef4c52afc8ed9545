//! The model-free baseline: blind mutation-based repair of the classic APR kind (DESIGN §6).
//!
//! [`single_edits`] enumerates every single edit of a program from a fixed menu: an operator swapped within its
//! family, an integer changed by ±1 or set to 0/1/-1, `True`↔`False`, a name replaced by another name of the
//! program (a binding's too; in the function's header, only a name the body never spells), an attribute name by
//! another of the program, an expression replaced by another
//! expression of the same program, a statement deleted (`pass`) or duplicated, call arguments or binary operands
//! swapped, a unary `-`/`not` dropped. [`Baseline`] yields them in
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

/// Builtin types, which annotations name without the program spelling them elsewhere (see [`single_edits`]'s header
/// rule).
const BUILTIN_TYPES: &[&str] = &[
    "bool",
    "bytearray",
    "bytes",
    "complex",
    "dict",
    "float",
    "frozenset",
    "int",
    "list",
    "object",
    "set",
    "str",
    "tuple",
    "type",
];

/// One candidate single edit: replace the node at `span` (of `class`) with `text`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RawEdit {
    pub span: Span,
    pub class: ReplacementClass,
    pub text: String,
}

/// The name of the (first) function the program defines: the tests call it, so it is never renamed.
fn function_name(tree: &Tree) -> Option<&str> {
    tree.nodes().iter().find(|n| n.kind == "identifier" && n.field == Some("name")).map(|n| tree.text(n.span))
}

/// Identifiers used as values in the program (not attribute names), the function's own name excluded.
fn names_in_scope(tree: &Tree) -> Vec<&str> {
    let function_name = function_name(tree);
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

/// Is the node part of the function's header: the definition itself, its name, parameters or annotations (anything
/// of the function that is not in its body)?
fn in_header(tree: &Tree, id: NodeId) -> bool {
    let mut cursor = Some(id);
    while let Some(c) = cursor {
        match tree.node(c).kind {
            "block" => return false,
            "function_definition" => return true,
            _ => cursor = tree.node(c).parent,
        }
    }
    false
}

/// The identifiers of the function's body, and among them the attribute names and the names read but never bound
/// (by an assignment, a loop, a parameter: a misspelt binding shows as such a read, or a builtin or global).
struct BodyNames<'t> {
    spelt: HashSet<&'t str>,
    attributes: Vec<&'t str>,
    unbound: Vec<&'t str>,
}

impl<'t> BodyNames<'t> {
    fn of(tree: &'t Tree) -> BodyNames<'t> {
        let (mut spelt, mut attributes, mut bound, mut read) = (HashSet::new(), Vec::new(), HashSet::new(), Vec::new());
        for id in 0..tree.nodes().len() as NodeId {
            let node = tree.node(id);
            if node.kind != "identifier" {
                continue;
            }
            let text = tree.text(node.span);
            let header = in_header(tree, id);
            match (node.class, node.field) {
                (_, Some("attribute")) if !header => {
                    if !attributes.contains(&text) {
                        attributes.push(text);
                    }
                }
                (Some(ReplacementClass::Identifier), _) => {
                    bound.insert(text);
                }
                (Some(ReplacementClass::Expression), _) if !header && !read.contains(&text) => read.push(text),
                _ => {}
            }
            if !header {
                spelt.insert(text);
            }
        }
        let unbound = read.into_iter().filter(|r| !bound.contains(r)).collect();
        BodyNames { spelt, attributes, unbound }
    }
}

/// Every single edit of the menu (see the module doc), as text; not yet checked to splice cleanly.
pub fn single_edits(tree: &Tree) -> Vec<RawEdit> {
    let names = names_in_scope(tree);
    let body = BodyNames::of(tree);
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
        let node = tree.node(id);
        if in_header(tree, id) {
            // The classic repair of a misspelt binding, whose symptom is a `NameError` where the body reads the
            // right name: a header name the body never spells (a parameter it never reads, an annotation naming
            // nothing the program has) becomes each name of the program, and a parameter becomes each name the
            // body reads but never binds.
            let text = tree.text(node.span);
            if node.kind == "identifier"
                && Some(text) != function_name(tree)
                && let Some(class) = node.class
            {
                let mut push = |others: &[&str]| {
                    for name in others.iter().filter(|&&n| n != text) {
                        out.push(RawEdit { span: node.span, class, text: name.to_string() });
                    }
                };
                if !body.spelt.contains(text) && !BUILTIN_TYPES.contains(&text) {
                    push(&names);
                }
                if class == ReplacementClass::Identifier {
                    push(&body.unbound);
                }
            }
            continue;
        }
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
            // A binding or an attribute: another name of the program, another attribute of it.
            ReplacementClass::Identifier if node.kind == "identifier" => {
                let others = if node.field == Some("attribute") { &body.attributes } else { &names };
                for name in others {
                    push(name.to_string());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    /// The programs one menu edit of `broken` makes.
    fn repairs(broken: &str) -> Vec<String> {
        let tree = parse(broken);
        single_edits(&tree).iter().filter_map(|e| apply(&tree, e)).map(|(_, t)| t.source().to_string()).collect()
    }

    #[test]
    fn misspelt_bindings_are_renamed_in_one_edit() {
        let cases = [
            // A typed parameter the body never reads, while it reads a name nothing binds.
            (
                "def mean(values: list) -> float:\n    return sum(xs) / len(xs)\n",
                "def mean(xs: list) -> float:\n    return sum(xs) / len(xs)\n",
            ),
            // The parameter's old name is also a local: only the unbound read tells.
            (
                "def below(total: list) -> bool:\n    total = 0\n    for op in ops:\n        total += op\n    return total < 0\n",
                "def below(ops: list) -> bool:\n    total = 0\n    for op in ops:\n        total += op\n    return total < 0\n",
            ),
            // An annotation naming nothing of the program.
            (
                "def first(xs: Lst[int]) -> int:\n    y: List[int] = xs\n    return y[0]\n",
                "def first(xs: List[int]) -> int:\n    y: List[int] = xs\n    return y[0]\n",
            ),
            // A binding in the body, and an attribute.
            (
                "def f(xs):\n    total = 0\n    for x in xs:\n        totl += x\n    return total\n",
                "def f(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n",
            ),
            ("def g(p):\n    p.name = 1\n    return p.nme\n", "def g(p):\n    p.name = 1\n    return p.name\n"),
        ];
        for (broken, fixed) in cases {
            assert!(repairs(broken).iter().any(|r| r == fixed), "{broken:?} has no one-edit repair to {fixed:?}");
        }
    }

    #[test]
    fn a_consistent_header_is_left_alone() {
        // Every header name is read by the body and the body reads nothing unbound: no header edit. The
        // function's own name never changes (the tests call it).
        let source = "def add(a: int, b: int) -> int:\n    return a + b\n";
        let tree = parse(source);
        let body_start = source.find("return").unwrap() as u32;
        for e in single_edits(&tree) {
            assert!(e.span.start >= body_start, "header edit {e:?}");
        }
        let source = "def scale(v):\n    return v * factor\n";
        let tree = parse(source);
        for e in single_edits(&tree).iter().filter(|e| e.span.start < 10) {
            assert_eq!(tree.text(e.span), "v", "only the parameter may be renamed: {e:?}");
            assert_eq!(e.text, "factor");
        }
    }
}
