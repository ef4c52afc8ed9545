//! The forward process: seeded, class-preserving subtree replacements.
//!
//! One mutation picks a replaceable node of at most `max_site_leaves` leaves (class chosen by weight), and replaces
//! it with either a fragment from the [`SubtreeBank`] (augmented: its names renamed to names of the program, its
//! integer literals perturbed) or, with probability `self_perturb`, a perturbation of the node itself (an operator
//! swapped within its family, a literal changed). A mutation is never a no-op, keeps its class, and leaves a tree
//! that tree-sitter parses; an expression that would bind differently at its site (precedence) is parenthesised.

use rand::{Rng, RngExt};

use super::bank::SubtreeBank;
use crate::syntax::{self, Edit, NodeId, ReplacementClass, Tree};

/// Knobs of the forward process. `Default` is the training and evaluation distribution.
#[derive(Debug, Clone, PartialEq)]
pub struct MutatorConfig {
    /// Largest node (in leaf tokens) a mutation may replace: corruptions stay near the original.
    pub max_site_leaves: u32,
    /// Largest fragment grafted, also capped at twice the site's size plus three.
    pub max_fragment_leaves: u32,
    /// Relative weights of expression, identifier, statement and block sites.
    pub class_weights: [f64; 4],
    /// Probability of perturbing the site itself rather than grafting a bank fragment.
    pub self_perturb: f64,
    /// Probability of renaming a grafted fragment's names to names of the program.
    pub rename: f64,
    /// Probability of perturbing a grafted fragment's integer literals.
    pub perturb_literals: f64,
    /// Tries per mutation before giving up (a try fails when the splice does not parse).
    pub max_attempts: usize,
}

impl Default for MutatorConfig {
    fn default() -> Self {
        MutatorConfig {
            max_site_leaves: 10,
            max_fragment_leaves: 12,
            class_weights: [0.55, 0.2, 0.18, 0.07],
            self_perturb: 0.35,
            rename: 0.7,
            perturb_literals: 0.3,
            max_attempts: 40,
        }
    }
}

/// One applied mutation: the edit (in the program before it) and the program after it.
#[derive(Debug, Clone)]
pub struct Mutation {
    pub edit: Edit,
    pub class: ReplacementClass,
    pub tree: Tree,
}

/// A clean program after k mutations.
#[derive(Debug, Clone)]
pub struct Corruption {
    pub tree: Tree,
    pub mutations: Vec<Edit>,
}

/// Applies seeded mutations drawn from a bank.
#[derive(Debug, Clone)]
pub struct Mutator<'b> {
    bank: &'b SubtreeBank,
    config: MutatorConfig,
}

const CLASSES: [ReplacementClass; 4] = ReplacementClass::ALL;

impl<'b> Mutator<'b> {
    pub fn new(bank: &'b SubtreeBank, config: MutatorConfig) -> Mutator<'b> {
        Mutator { bank, config }
    }

    pub fn config(&self) -> &MutatorConfig {
        &self.config
    }

    /// Applies `k` mutations in sequence; the result differs from `clean` (normalised AST).
    /// `None` when the program offers no mutable site (e.g. it is one token long).
    pub fn corrupt<R: Rng>(&self, clean: &Tree, k: usize, rng: &mut R) -> Option<Corruption> {
        let clean_hash = syntax::subtree_hashes(clean)[0];
        for _ in 0..4 {
            let mut tree = clean.clone();
            let mut mutations = Vec::with_capacity(k);
            for _ in 0..k {
                let mutation = self.mutate(&tree, rng)?;
                mutations.push(mutation.edit);
                tree = mutation.tree;
            }
            // k mutations can undo each other; a corruption must be one.
            if syntax::subtree_hashes(&tree)[0] != clean_hash {
                return Some(Corruption { tree, mutations });
            }
        }
        None
    }

    /// The farthest start, where synthesis begins: the task's function (the last top-level one) with its body cut
    /// to `pass`, its docstring kept. `None` if the program has no top-level function or its body is that already.
    pub fn stub_body(&self, clean: &Tree) -> Option<Tree> {
        let body = clean.last_function_body()?;
        // Cut from the first statement after the docstring to the end of the body: the text before it (the header,
        // the docstring with its own indentation) stays byte for byte.
        let first = clean.children(body).filter(|&c| !clean.node(c).extra).find(|&c| !clean.is_docstring(c))?;
        let (from, to) = (clean.node(first).span.start as usize, clean.node(body).span.end as usize);
        let source = clean.source();
        if source[from..to].trim() == "pass" {
            return None;
        }
        syntax::parse_strict(format!("{}pass{}", &source[..from], &source[to..])).ok()
    }

    /// A far start: the task's function's whole body (the last top-level function's) replaced by a random block
    /// from the bank (with names renamed to the program's). `None` if no block fits after a few tries.
    pub fn random_body<R: Rng>(&self, clean: &Tree, rng: &mut R) -> Option<Tree> {
        let body = clean.last_function_body().filter(|&b| clean.node(b).class == Some(ReplacementClass::Block))?;
        let names = program_names(clean);
        for _ in 0..self.config.max_attempts {
            let fragment = self.bank.sample(ReplacementClass::Block, u32::MAX, rng)?;
            let text = rename_identifiers(&fragment.text, &names, rng);
            if squash(&text) == squash(clean.text(clean.node(body).span)) {
                continue;
            }
            if let Some(m) = splice_checked(clean, body, ReplacementClass::Block, text) {
                return Some(m.tree);
            }
        }
        None
    }

    /// One class-preserving mutation of `tree` (see the module doc), or `None` after `max_attempts` failed tries.
    pub fn mutate<R: Rng>(&self, tree: &Tree, rng: &mut R) -> Option<Mutation> {
        let sites = self.sites(tree);
        let weights: Vec<f64> = CLASSES
            .iter()
            .zip(&self.config.class_weights)
            .map(|(&c, &w)| if sites.iter().any(|&(_, sc)| sc == c) { w } else { 0.0 })
            .collect();
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            return None;
        }
        let names = program_names(tree);
        for _ in 0..self.config.max_attempts {
            let class = pick_weighted(&CLASSES, &weights, total, rng);
            let candidates: Vec<NodeId> = sites.iter().filter(|&&(_, c)| c == class).map(|&(id, _)| id).collect();
            let site = candidates[rng.random_range(0..candidates.len())];
            let Some(text) = self.replacement_for(tree, site, class, &names, rng) else { continue };
            if class == ReplacementClass::Identifier && names_a_sibling_parameter(tree, site, &text) {
                continue; // `def f(a, a)` is a SyntaxError
            }
            if let Some(mutation) = splice_checked(tree, site, class, text) {
                return Some(mutation);
            }
        }
        None
    }

    /// Replaceable nodes small enough to mutate, excluding the function itself, its name, and statements of
    /// class bodies (where a grafted `return` would be outside any function).
    fn sites(&self, tree: &Tree) -> Vec<(NodeId, ReplacementClass)> {
        let top_level = |id: Option<NodeId>| id.is_some_and(|p| tree.node(p).parent == Some(0));
        tree.replaceable()
            .filter_map(|id| {
                let node = tree.node(id);
                let class = node.class?;
                let is_function = node.parent == Some(0);
                let is_function_name = node.field == Some("name") && top_level(node.parent);
                let in_class_body =
                    matches!(class, ReplacementClass::Statement | ReplacementClass::Block) && in_class_body(tree, id);
                (node.leaves <= self.config.max_site_leaves && !is_function && !is_function_name && !in_class_body)
                    .then_some((id, class))
            })
            .collect()
    }

    /// The text to put at `site`: a self-perturbation or an augmented bank fragment, never the site's own text.
    fn replacement_for<R: Rng>(
        &self,
        tree: &Tree,
        site: NodeId,
        class: ReplacementClass,
        names: &[&str],
        rng: &mut R,
    ) -> Option<String> {
        let node = tree.node(site);
        let site_text = tree.text(node.span);
        let inline = !syntax::line_starts_at(tree.source(), node.span.start as usize);
        let text = match perturb_site(tree, site, rng).filter(|_| rng.random_bool(self.config.self_perturb)) {
            Some(text) => text,
            None => {
                let limit = self.config.max_fragment_leaves.min(node.leaves * 2 + 3);
                let fragment = self.bank.sample(class, limit, rng)?;
                if inline && fragment.is_multi_line() {
                    return None;
                }
                let mut text = fragment.text.clone();
                if class != ReplacementClass::Identifier && rng.random_bool(self.config.rename) {
                    text = rename_identifiers(&text, names, rng);
                } else if class == ReplacementClass::Identifier && !names.is_empty() && rng.random_bool(0.5) {
                    // "Another name in scope" is the commonest wrong-name bug.
                    text = names[rng.random_range(0..names.len())].to_string();
                }
                if rng.random_bool(self.config.perturb_literals) {
                    text = perturb_integers(&text, rng);
                }
                text
            }
        };
        (squash(&text) != squash(site_text)).then_some(text)
    }
}

/// [`Tree::splice_checked`] at a node, as a [`Mutation`].
fn splice_checked(tree: &Tree, site: NodeId, class: ReplacementClass, text: String) -> Option<Mutation> {
    let (edit, tree) = tree.splice_checked(tree.node(site).span, class, &text)?;
    Some(Mutation { edit, class, tree })
}

/// Is the nearest enclosing definition of `id` a class (not a function)?
fn in_class_body(tree: &Tree, id: NodeId) -> bool {
    let mut cursor = tree.node(id).parent;
    while let Some(p) = cursor {
        match tree.node(p).kind {
            "class_definition" => return true,
            "function_definition" | "lambda" => return false,
            _ => cursor = tree.node(p).parent,
        }
    }
    false
}

/// Would renaming the parameter at `site` to `name` duplicate another parameter of the same list?
fn names_a_sibling_parameter(tree: &Tree, site: NodeId, name: &str) -> bool {
    let mut list = tree.node(site).parent;
    while let Some(p) = list {
        match tree.node(p).kind {
            "parameters" | "lambda_parameters" => break,
            "default_parameter"
            | "typed_parameter"
            | "typed_default_parameter"
            | "list_splat_pattern"
            | "dictionary_splat_pattern" => list = tree.node(p).parent,
            _ => return false,
        }
    }
    let Some(list) = list else { return false };
    let end = tree.node(list).subtree_end;
    (list + 1..end).any(|id| {
        let node = tree.node(id);
        id != site
            && node.kind == "identifier"
            && node.class == Some(ReplacementClass::Identifier)
            && node.field != Some("attribute")
            && tree.text(node.span) == name
    })
}

fn pick_weighted<T: Copy, R: Rng>(items: &[T], weights: &[f64], total: f64, rng: &mut R) -> T {
    let mut x = rng.random_range(0.0..total);
    for (item, &w) in items.iter().zip(weights) {
        if x < w {
            return *item;
        }
        x -= w;
    }
    *items.iter().zip(weights).rev().find(|(_, w)| **w > 0.0).map(|(i, _)| i).unwrap_or(&items[0])
}

/// Text without whitespace: two texts that differ only in spacing are the same replacement.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Distinct identifiers of a program other than attribute names, in order of appearance.
fn program_names(tree: &Tree) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for node in tree.nodes() {
        if node.kind == "identifier" && node.class.is_some() && node.field != Some("attribute") {
            let text = tree.text(node.span);
            if !names.contains(&text) && text != "__debug__" {
                names.push(text);
            }
        }
    }
    names
}

/// Operator families: an operator swap stays within one. Shared by the forward process's self-perturbations and
/// the model-free repair baseline (`search::baseline`), so both draw from the same bug distribution.
pub const OPERATOR_FAMILIES: &[&[&str]] = &[
    &["+", "-", "*", "/", "//", "%"],
    &["<", ">", "<=", ">=", "==", "!="],
    &["and", "or"],
    &["&", "|", "^"],
    &["<<", ">>"],
    &["+=", "-=", "*=", "/="],
    &["in", "not in"],
    &["is", "is not"],
];

/// A small change of the site itself: an operator swapped within its family, an integer nudged, a boolean
/// flipped. `None` when the site has nothing to perturb.
fn perturb_site<R: Rng>(tree: &Tree, site: NodeId, rng: &mut R) -> Option<String> {
    let node = tree.node(site);
    let text = tree.text(node.span);
    match node.kind {
        "true" => return Some("False".into()),
        "false" => return Some("True".into()),
        "integer" => return Some(perturb_integers(text, rng)).filter(|t| t != text),
        _ => {}
    }
    let operator = tree.children(site).find(|&c| {
        let child = tree.node(c);
        !child.named && OPERATOR_FAMILIES.iter().any(|f| f.contains(&tree.text(child.span)))
    })?;
    let op_span = tree.node(operator).span;
    let op = tree.text(op_span);
    let family = OPERATOR_FAMILIES.iter().find(|f| f.contains(&op))?;
    let others: Vec<&&str> = family.iter().filter(|&&o| o != op).collect();
    let new_op = others[rng.random_range(0..others.len())];
    let (start, end) = ((op_span.start - node.span.start) as usize, (op_span.end - node.span.start) as usize);
    Some(format!("{}{}{}", &text[..start], new_op, &text[end..]))
}

const KEYWORDS: &[&str] = &[
    "False",
    "None",
    "True",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "break",
    "class",
    "continue",
    "def",
    "del",
    "elif",
    "else",
    "except",
    "finally",
    "for",
    "from",
    "global",
    "if",
    "import",
    "in",
    "is",
    "lambda",
    "nonlocal",
    "not",
    "or",
    "pass",
    "raise",
    "return",
    "try",
    "while",
    "with",
    "yield",
    "self",
    "cls",
    "print",
    "len",
    "range",
    "isinstance",
    "str",
    "int",
    "list",
    "dict",
    "set",
    "tuple",
    "super",
    "type",
    "min",
    "max",
    "sum",
    "abs",
    "sorted",
];

/// Consistently renames the plain names of a fragment (not keywords or common builtins, attribute names, keyword
/// argument names, string contents or comments) to names drawn from `names`. Textual, on purpose: fragments are
/// pieces of programs that do not always parse on their own, and the splice is re-parsed anyway.
pub fn rename_identifiers<R: Rng>(text: &str, names: &[&str], rng: &mut R) -> String {
    if names.is_empty() {
        return text.to_string();
    }
    let mut mapping: Vec<(&str, &str)> = Vec::new();
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    let mut depth = 0i32;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'#' {
            let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
            out.push_str(&text[i..end]);
            i = end;
        } else if b == b'"' || b == b'\'' {
            let end = string_end(text, i);
            out.push_str(&text[i..end]);
            i = end;
        } else if b.is_ascii_alphabetic() || b == b'_' {
            let end = i + text[i..].bytes().take_while(|c| c.is_ascii_alphanumeric() || *c == b'_').count();
            let word = &text[i..end];
            let before = text[..i].trim_end().as_bytes().last().copied();
            let after = text[end..].trim_start();
            let is_prefix = matches!(bytes.get(end), Some(b'"' | b'\''));
            let is_attribute = before == Some(b'.');
            let is_keyword_arg = depth > 0 && after.starts_with('=') && !after.starts_with("==");
            if is_prefix || is_attribute || is_keyword_arg || KEYWORDS.contains(&word) {
                out.push_str(word);
            } else {
                let new = match mapping.iter().find(|(old, _)| *old == word) {
                    Some(&(_, new)) => new,
                    None => {
                        let new = names[rng.random_range(0..names.len())];
                        mapping.push((word, new));
                        new
                    }
                };
                out.push_str(new);
            }
            i = end;
        } else {
            match b {
                b'(' | b'[' | b'{' => depth += 1,
                b')' | b']' | b'}' => depth -= 1,
                _ => {}
            }
            // Copy one whole character (non-ASCII text is copied through untouched).
            let len = text[i..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&text[i..i + len]);
            i += len;
        }
    }
    out
}

/// End (exclusive) of the string literal whose opening quote is at `start`.
fn string_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let quote = bytes[start];
    let triple = bytes.get(start + 1) == Some(&quote) && bytes.get(start + 2) == Some(&quote);
    let mut i = start + if triple { 3 } else { 1 };
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => {
                if !triple {
                    return i + 1;
                }
                if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                    return i + 3;
                }
                i += 1;
            }
            b'\n' if !triple => return i,
            _ => i += 1,
        }
    }
    text.len()
}

/// Nudges each plain decimal integer literal of `text` (outside strings) to a nearby value.
pub fn perturb_integers<R: Rng>(text: &str, rng: &mut R) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 4);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'"' || b == b'\'' || b == b'#' {
            let end = if b == b'#' { text[i..].find('\n').map_or(text.len(), |n| i + n) } else { string_end(text, i) };
            out.push_str(&text[i..end]);
            i = end;
        } else if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' {
            let end =
                i + text[i..].bytes().take_while(|c| c.is_ascii_alphanumeric() || *c == b'_' || *c == b'.').count();
            let word = &text[i..end];
            match word.parse::<u64>() {
                // Plain decimal integers only: no floats, hex, names; leading zeros are invalid in Python 3.
                Ok(n) if !(word.len() > 1 && word.starts_with('0')) && n < 1 << 40 => {
                    let new = match rng.random_range(0..4) {
                        0 => n + 1,
                        1 => n.saturating_sub(1),
                        2 => 0,
                        _ => 1,
                    };
                    out.push_str(&new.to_string());
                }
                _ => out.push_str(word),
            }
            i = end;
        } else {
            let len = text[i..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&text[i..i + len]);
            i += len;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    use super::*;
    use crate::syntax::parse;

    #[test]
    fn renaming_is_consistent_and_spares_non_names() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let out = rename_identifiers("foo(x, key=x) + x.attr + len('x') + b'q'  # x", &["a"], &mut rng);
        assert_eq!(out, "a(a, key=a) + a.attr + len('x') + b'q'  # x");
        let out = rename_identifiers("p = p + 1", &["u", "v", "w"], &mut rng);
        let parts: Vec<&str> = out.split(' ').collect();
        assert_eq!(parts[0], parts[2], "{out}");
    }

    #[test]
    fn integer_perturbation_leaves_other_tokens() {
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for _ in 0..20 {
            let out = perturb_integers("x1 + 2.5 + 0x10 + '7' + 41", &mut rng);
            assert!(out.starts_with("x1 + 2.5 + 0x10 + '7' + "), "{out}");
            let last: u64 = out.rsplit(' ').next().unwrap().parse().unwrap();
            assert!([42, 40, 0, 1].contains(&last));
        }
    }

    #[test]
    fn operators_swap_within_their_family() {
        let tree = parse("def f(a, b):\n    return a < b\n");
        let site = tree.nodes().iter().position(|n| n.kind == "comparison_operator").unwrap() as NodeId;
        let mut rng = ChaCha8Rng::seed_from_u64(0);
        for _ in 0..20 {
            let out = perturb_site(&tree, site, &mut rng).unwrap();
            assert!(["a > b", "a <= b", "a >= b", "a == b", "a != b"].contains(&out.as_str()), "{out}");
        }
    }

    #[test]
    fn mutations_keep_class_parse_and_change_the_program() {
        let programs = [
            parse("def f(a, b):\n    if a > b:\n        return a * 2\n    return b - 1\n"),
            parse("def g(xs):\n    total = 0\n    for x in xs:\n        total += x\n    return total\n"),
        ];
        let bank = SubtreeBank::harvest(&programs, 16);
        let mutator = Mutator::new(&bank, MutatorConfig::default());
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for i in 0..200 {
            let clean = &programs[i % 2];
            let corruption = mutator.corrupt(clean, 1 + i % 5, &mut rng).unwrap();
            assert!(!corruption.tree.has_error(), "{}", corruption.tree.source());
            assert_ne!(corruption.tree.normalised(), clean.normalised());
            assert!(corruption.tree.source().starts_with(&clean.source()[..5]), "the function itself is kept");
        }
    }

    #[test]
    fn a_stub_keeps_header_and_docstring_and_diffs_back_to_the_clean_program() {
        let bank = SubtreeBank::harvest(&[], 16);
        let mutator = Mutator::new(&bank, MutatorConfig::default());
        let cases = [
            ("def add(a, b):\n    return a + b\n", "def add(a, b):\n    pass\n"),
            (
                "def f(xs):\n    \"\"\"Sum.\n\n    Twice.\n    \"\"\"\n    t = 0\n    for x in xs:\n        t += x\n    return t\n",
                "def f(xs):\n    \"\"\"Sum.\n\n    Twice.\n    \"\"\"\n    pass\n",
            ),
        ];
        let cases = cases.into_iter().chain([
            // A method's class comes first, and the function may be decorated: the function's body is cut.
            (
                "class C:\n    def __init__(self):\n        self.x = 1\n\n@cache\ndef m(self):\n    return self.x\n",
                "class C:\n    def __init__(self):\n        self.x = 1\n\n@cache\ndef m(self):\n    pass\n",
            ),
        ]);
        for (clean, stub) in cases {
            let clean = parse(clean);
            let got = mutator.stub_body(&clean).expect("a stub");
            assert_eq!(got.source(), stub);
            let path = crate::noise::tree_diff(&got, &clean);
            assert!(!path.is_empty());
            assert_eq!(path.state_after(got.source(), path.len()).unwrap(), clean.source());
            assert!(mutator.stub_body(&got).is_none(), "a stub is its own stub");
        }
    }

    #[test]
    fn precedence_is_kept_with_parentheses() {
        // Grafting `c + d` into `a * b` must not give `a * c + d`.
        let tree = parse("def f(a, b, c, d):\n    return a * b\n");
        let site = tree
            .nodes()
            .iter()
            .position(|n| {
                n.kind == "identifier" && tree.text(n.span) == "b" && n.class == Some(ReplacementClass::Expression)
            })
            .unwrap() as NodeId;
        let m = splice_checked(&tree, site, ReplacementClass::Expression, "c + d".into()).unwrap();
        assert_eq!(m.tree.source(), "def f(a, b, c, d):\n    return a * (c + d)\n");
    }
}
