//! The syntax stage: Python source → a flat tree of nodes with byte spans and replacement classes.
//!
//! Kelp parses with tree-sitter-python and copies the result into a [`Tree`]: an arena of [`Node`]s in pre-order,
//! each with its kind, byte [`Span`], parent, field name and *replacement class* ([`ReplacementClass`], see
//! `class.rs` for the table). Everything downstream (mutation, TreeDiff, tokenization, constrained decoding) talks
//! about nodes by span, never by raw character offset.
//!
//! - [`parse`] never fails and never panics: a tree with syntax errors comes back with [`Tree::has_error`] set
//!   (tree-sitter is error-tolerant). [`parse_strict`] wraps it for callers that need a clean tree.
//! - [`Edit`] replaces the subtree at one span with dedented text; [`Edit::apply`] re-indents it to its site.
//! - [`NormalisedAst`] is the one notion of "same program" (formatting and comments ignored), for dedup,
//!   hold-out and exact-match metrics; `NormalisedAst::alpha` also ignores identifier names.
//!
//! tree-sitter accepts a few programs CPython rejects, so "valid Python" is decided by [`crate::exec::validate`].
//! This module spawns no process.
//!
//! ```
//! let tree = kelp::syntax::parse("def add(a, b):\n    return a - b\n");
//! assert!(!tree.has_error());
//! let minus = tree.nodes().iter().find(|n| n.kind == "binary_operator").unwrap();
//! assert_eq!(tree.text(minus.span), "a - b");
//! ```

mod class;
mod normal;
mod splice;

use std::cell::RefCell;
use std::fmt;
use std::ops::Range;

use serde::{Deserialize, Serialize};

pub use class::ReplacementClass;
pub use normal::{NormalisedAst, content_hash, subtree_hashes};
pub use splice::{Edit, dedent, indentation_at, line_start, line_starts_at, reindent};

/// Errors of the syntax stage.
#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SyntaxError {
    /// The source does not parse cleanly (tree-sitter found an error or a missing token).
    #[error("syntax error at byte range {span:?} (line {line})")]
    Parse { span: Span, line: usize },
    /// An edit's span is not inside the source or does not fall on character boundaries.
    #[error("edit span {span:?} is outside the {len}-byte source or splits a character")]
    SpanOutOfBounds { span: Span, len: usize },
    /// A multi-line replacement was spliced at a node that does not begin its line.
    #[error("a multi-line replacement cannot go at {span:?}: the node does not begin its line")]
    MultiLineInline { span: Span },
}

/// A byte range `start..end` in a source text (`start <= end`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    /// A span from byte offsets. Sources over 4 GiB are rejected long before this (corpus size limits).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end);
        Span { start: start as u32, end: end as u32 }
    }

    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// `other` lies within `self` (bounds included).
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// Index of a node in its [`Tree`]'s arena.
pub type NodeId = u32;

/// One syntax node (named or anonymous, e.g. an operator token).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// tree-sitter-python's kind: `identifier`, `binary_operator`, `+`, `return_statement`, …
    pub kind: &'static str,
    pub span: Span,
    pub parent: Option<NodeId>,
    /// The field this node fills in its parent (`left`, `body`, `name`, …), if any.
    pub field: Option<&'static str>,
    /// Named nodes are grammar rules; anonymous ones are literal tokens (`+`, `def`, `(`).
    pub named: bool,
    /// Comments and line continuations: allowed anywhere, not part of the program's structure.
    pub extra: bool,
    /// Which subtrees may replace this one; `None` when the node may not be replaced at all.
    pub class: Option<ReplacementClass>,
    /// Number of non-extra leaf tokens in the subtree: the size measure for mutation limits.
    pub leaves: u32,
    /// One past the last descendant's index: the subtree is `id..subtree_end` (pre-order arena).
    pub subtree_end: NodeId,
}

impl Node {
    pub fn is_leaf(&self, id: NodeId) -> bool {
        self.subtree_end == id + 1
    }
}

/// A parsed Python source: the text and its nodes in pre-order.
#[derive(Debug, Clone)]
pub struct Tree {
    source: String,
    nodes: Vec<Node>,
    error: Option<Span>,
    /// Kept for incremental re-parsing after an edit ([`Tree::edited`]): tree-sitter reuses unchanged subtrees.
    ts: Option<tree_sitter::Tree>,
}

/// tree-sitter-python's grammar tables, shared so that kind and field names are `&'static str`.
static PYTHON: std::sync::LazyLock<tree_sitter::Language> =
    std::sync::LazyLock::new(|| tree_sitter_python::LANGUAGE.into());

thread_local! {
    // A tree-sitter parser is cheap to reuse and not `Sync`: keep one per thread.
    static PARSER: RefCell<tree_sitter::Parser> = RefCell::new(new_parser());
}

fn new_parser() -> tree_sitter::Parser {
    let mut parser = tree_sitter::Parser::new();
    parser
        .set_language(&PYTHON)
        .expect("tree-sitter-python is ABI-compatible with the tree-sitter crate (checked by the test suite)");
    parser
}

/// The names of Python's `builtins` module other than exceptions and dunders (CPython 3.11's `dir(builtins)`).
const BUILTINS: &[&str] = &[
    "Ellipsis",
    "False",
    "None",
    "NotImplemented",
    "True",
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "copyright",
    "credits",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "exit",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "license",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "quit",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
];

/// A UTF-8 byte-order mark, which some Windows editors write first: CPython skips it reading a file, but rejects the
/// character anywhere in a string it is given to compile, as a test job's program and tests are.
pub const BOM: char = '\u{feff}';

/// A source file's text without its leading byte-order mark ([`BOM`]), if it has one.
pub fn without_bom(text: String) -> String {
    match text.strip_prefix(BOM) {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// Whether `text` uses the name `name` (as a whole word).
pub fn mentions(text: &str, name: &str) -> bool {
    let ident = |c: char| c.is_ascii_alphanumeric() || c == '_';
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

/// Does `name` name a Python builtin: a function, a type, a constant, or an exception or warning class (by the
/// standard library's naming: `…Error`, `…Exception`, `…Warning`, `…Exit`, `…Interrupt`, `StopIteration`…)?
pub fn is_builtin(name: &str) -> bool {
    BUILTINS.contains(&name)
        || (name.starts_with(char::is_uppercase)
            && ["Error", "Exception", "Warning", "Exit", "Interrupt", "Iteration"].iter().any(|s| name.ends_with(s)))
}

/// Parses Python source. Never fails: syntax errors are reported by [`Tree::has_error`] / [`Tree::error_span`].
pub fn parse(source: impl Into<String>) -> Tree {
    parse_with(source.into(), None)
}

fn parse_with(source: String, old: Option<&tree_sitter::Tree>) -> Tree {
    let ts_tree = PARSER.with(|p| p.borrow_mut().parse(source.as_bytes(), old));
    match ts_tree {
        Some(ts_tree) => Tree::from_tree_sitter(source, ts_tree),
        // `parse` returns None only without a language or after a cancellation, neither of which Kelp sets up;
        // report it as an error tree rather than panic.
        None => {
            let span = Span::new(0, source.len());
            Tree { source, nodes: Vec::new(), error: Some(span), ts: None }
        }
    }
}

/// Row and column (0-based, bytes) of a byte offset, as tree-sitter counts them.
fn point_at(source: &str, offset: usize) -> tree_sitter::Point {
    let before = &source.as_bytes()[..offset];
    let row = before.iter().filter(|&&b| b == b'\n').count();
    let column = offset - before.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    tree_sitter::Point { row, column }
}

/// Parses Python source and fails on any syntax error tree-sitter finds.
pub fn parse_strict(source: impl Into<String>) -> Result<Tree, SyntaxError> {
    let tree = parse(source);
    match tree.error {
        Some(span) => Err(SyntaxError::Parse { span, line: tree.line_of(span.start as usize) }),
        None => Ok(tree),
    }
}

impl Tree {
    fn from_tree_sitter(source: String, ts_tree: tree_sitter::Tree) -> Tree {
        let mut nodes: Vec<Node> = Vec::with_capacity(source.len() / 3);
        let mut error = None;
        let mut ancestors: Vec<NodeId> = Vec::new();
        let mut cursor = ts_tree.walk();
        'walk: loop {
            let node = cursor.node();
            let id = nodes.len() as NodeId;
            if error.is_none() && (node.is_error() || node.is_missing()) {
                error = Some(Span::new(node.start_byte(), node.end_byte()));
            }
            nodes.push(Node {
                // Kind names come from the static grammar tables; fall back to the node's own for safety.
                kind: PYTHON.node_kind_for_id(node.kind_id()).unwrap_or("ERROR"),
                span: Span::new(node.start_byte(), node.end_byte()),
                parent: ancestors.last().copied(),
                field: cursor.field_id().and_then(|f| PYTHON.field_name_for_id(f.get())),
                named: node.is_named(),
                extra: node.is_extra(),
                class: None,
                leaves: 0,
                subtree_end: id + 1,
            });
            if cursor.goto_first_child() {
                ancestors.push(id);
                continue;
            }
            loop {
                if cursor.goto_next_sibling() {
                    break;
                }
                if !cursor.goto_parent() {
                    break 'walk;
                }
                let done = ancestors.pop().expect("cursor depth matches the ancestor stack");
                nodes[done as usize].subtree_end = nodes.len() as NodeId;
            }
        }
        drop(cursor);
        // Leaf counts, children before parents (reverse pre-order).
        for id in (0..nodes.len()).rev() {
            let node = &nodes[id];
            if node.extra {
                continue;
            }
            let leaves = if node.is_leaf(id as NodeId) { 1 } else { node.leaves };
            let parent = node.parent;
            nodes[id].leaves = leaves;
            if let Some(parent) = parent {
                nodes[parent as usize].leaves += leaves;
            }
        }
        class::assign(&mut nodes);
        Tree { source, nodes, error, ts: Some(ts_tree) }
    }

    /// The program after `edit`, re-parsed incrementally (same result as [`parse`] of the edited text, faster).
    pub fn edited(&self, edit: &Edit) -> Result<Tree, SyntaxError> {
        let source = edit.apply(&self.source)?;
        let Some(old) = &self.ts else { return Ok(parse(source)) };
        let (start, old_end) = (edit.span.start as usize, edit.span.end as usize);
        let new_end = old_end + source.len() - self.source.len();
        let mut old = old.clone();
        old.edit(&tree_sitter::InputEdit {
            start_byte: start,
            old_end_byte: old_end,
            new_end_byte: new_end,
            start_position: point_at(&self.source, start),
            old_end_position: point_at(&self.source, old_end),
            new_end_position: point_at(&source, new_end),
        });
        Ok(parse_with(source, Some(&old)))
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    pub fn into_source(self) -> String {
        self.source
    }

    /// All nodes in pre-order; index = [`NodeId`]. The root (`module`) is node 0.
    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    /// Is the node a docstring-like statement: an expression statement that is a lone string (concatenated or not)?
    pub fn is_docstring(&self, id: NodeId) -> bool {
        let mut named = self.children(id).filter(|&c| self.node(c).named && !self.node(c).extra);
        self.node(id).kind == "expression_statement"
            && matches!(named.next().map(|c| self.node(c).kind), Some("string" | "concatenated_string"))
            && named.next().is_none()
    }

    /// The body (block) of the last top-level function, decorated or not: the task's function, after any prelude
    /// of imports, helpers or the class a method came from.
    pub fn last_function_body(&self) -> Option<NodeId> {
        let function = self.children(0).filter_map(|c| self.as_function(c)).last()?;
        self.children(function).find(|&c| self.node(c).field == Some("body"))
    }

    /// The names the module defines at its top level (functions and classes, decorated or not), in order: the
    /// names a program's tests and callers reach it by, which no repair may change.
    pub fn definition_names(&self) -> Vec<&str> {
        self.children(0)
            .map(|c| self.undecorated(c))
            .filter(|&d| matches!(self.node(d).kind, "function_definition" | "class_definition"))
            .filter_map(|d| self.children(d).find(|&n| self.node(n).field == Some("name")))
            .map(|n| self.text(self.node(n).span))
            .collect()
    }

    /// A function definition, or the one a decorated definition wraps; `None` for any other node.
    pub fn as_function(&self, id: NodeId) -> Option<NodeId> {
        let def = self.undecorated(id);
        (self.node(def).kind == "function_definition").then_some(def)
    }

    /// The definition a decorated definition wraps (a function's or a class's); any other node itself.
    pub fn undecorated(&self, id: NodeId) -> NodeId {
        if self.node(id).kind == "decorated_definition" {
            self.children(id).find(|&d| self.node(d).field == Some("definition")).unwrap_or(id)
        } else {
            id
        }
    }

    /// The source around a top-level node (a function definition): the text before it, its own text ending in a
    /// newline, and the text after it without the newline that ended the node's line.
    pub fn split_around(&self, id: NodeId) -> (String, String, String) {
        let span = self.node(id).span;
        let (before, rest) = self.source.split_at(span.start as usize);
        let after = &self.source[span.end as usize..];
        (
            before.to_string(),
            format!("{}\n", &rest[..span.len()]),
            after.strip_prefix('\n').unwrap_or(after).to_string(),
        )
    }

    /// The source text of a span. Spans come from this tree, so they are in bounds.
    pub fn text(&self, span: Span) -> &str {
        &self.source[span.range()]
    }

    /// Did tree-sitter find a syntax error or a missing token?
    pub fn has_error(&self) -> bool {
        self.error.is_some()
    }

    /// The span of the first error node, if any.
    pub fn error_span(&self) -> Option<Span> {
        self.error
    }

    /// Direct children of a node, in source order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        let end = self.nodes.get(id as usize).map_or(id, |n| n.subtree_end);
        Children { tree: self, next: id + 1, end }
    }

    /// Does the subtree at `id` hold a node of `kind` (itself included)?
    pub fn holds(&self, id: NodeId, kind: &str) -> bool {
        (id..self.node(id).subtree_end).any(|d| self.node(d).kind == kind)
    }

    /// The operator of an operation: its anonymous tokens, space-separated (`-`, `and`, `not in`, `is not`).
    pub fn operator_text(&self, id: NodeId) -> String {
        let tokens: Vec<&str> =
            self.children(id).filter(|&c| !self.node(c).named).map(|c| self.text(self.node(c).span)).collect();
        tokens.join(" ")
    }

    /// Direct named children of a node (its operands, arguments, statements), comments aside.
    pub fn named_children(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.children(id).filter(|&c| self.node(c).named && !self.node(c).extra)
    }

    /// Ids of the nodes that may be replaced (have a replacement class), in pre-order.
    pub fn replaceable(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len() as NodeId).filter(|&id| self.nodes[id as usize].class.is_some())
    }

    /// The node with exactly this span and this class, if there is one (the outermost, when several share it).
    pub fn find_node(&self, span: Span, class: ReplacementClass) -> Option<NodeId> {
        (0..self.nodes.len() as NodeId).find(|&id| {
            let n = &self.nodes[id as usize];
            n.span == span && n.class == Some(class)
        })
    }

    /// Splices `text` at `span` and checks that the result parses and that `text` stands there as one node of
    /// `class`; an expression that would bind differently at its site (precedence) gets one retry in
    /// parentheses. The one "does this edit fit" check of the mutator and the search.
    pub fn splice_checked(&self, span: Span, class: ReplacementClass, text: &str) -> Option<(Edit, Tree)> {
        if !fits_in_fstring(text) && self.in_fstring_code(span) {
            return None;
        }
        for wrapped in [false, true] {
            if wrapped && class != ReplacementClass::Expression {
                return None;
            }
            let replacement = if wrapped { format!("({text})") } else { text.to_string() };
            if replacement.trim().is_empty() {
                return None;
            }
            let edit = Edit { span, replacement };
            let Ok(new_tree) = self.edited(&edit) else { continue };
            if new_tree.has_error() {
                continue;
            }
            let new_end = span.end as usize + new_tree.source().len() - self.source.len();
            if new_tree.find_node(Span::new(span.start as usize, new_end), class).is_some()
                && !new_tree.has_duplicate_parameter(span.start)
            {
                return Some((edit, new_tree));
            }
        }
        None
    }

    /// Is `span` inside the code of an f-string's `{…}`?
    fn in_fstring_code(&self, span: Span) -> bool {
        self.nodes.iter().any(|n| n.kind == "interpolation" && n.span.start < span.start && span.end < n.span.end)
    }

    /// Whether the parameter list around byte `offset` (if any) names a parameter twice: tree-sitter accepts
    /// `def f(x, x)`, CPython does not, and a renamed parameter is a common edit.
    fn has_duplicate_parameter(&self, offset: u32) -> bool {
        let Some(list) = self.nodes.iter().rev().find(|n| {
            matches!(n.kind, "parameters" | "lambda_parameters") && n.span.start <= offset && offset < n.span.end
        }) else {
            return false;
        };
        // Parameter names: identifiers in the list that are not inside a default value or an annotation.
        let mut names: Vec<&str> = Vec::new();
        for node in self
            .nodes
            .iter()
            .filter(|n| n.kind == "identifier" && list.span.start <= n.span.start && n.span.end <= list.span.end)
        {
            let in_value = self.nodes.iter().any(|v| {
                matches!(v.field, Some("value") | Some("type"))
                    && v.span.start <= node.span.start
                    && node.span.end <= v.span.end
                    && list.span.start <= v.span.start
            });
            if !in_value {
                let name = self.text(node.span);
                if names.contains(&name) {
                    return true;
                }
                names.push(name);
            }
        }
        false
    }

    /// 1-based line number of a byte offset, for messages.
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.source.len());
        self.source.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1
    }

    /// The normalised AST of the whole program.
    pub fn normalised(&self) -> NormalisedAst {
        NormalisedAst::of(self, 0, false)
    }

    /// The normalised AST with identifiers renamed in order of appearance (near-duplicate detection).
    pub fn alpha_normalised(&self) -> NormalisedAst {
        NormalisedAst::of(self, 0, true)
    }
}

/// Can `text` stand in an f-string's `{…}` under CPython 3.11 (before PEP 701)? No quotes (they may end the
/// string), backslashes, comments, lines or braces, and no `:` outside brackets (it would begin the format spec).
fn fits_in_fstring(text: &str) -> bool {
    let mut depth = 0i32;
    for c in text.chars() {
        match c {
            '\'' | '"' | '\\' | '#' | '\n' | '{' | '}' => return false,
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ':' if depth <= 0 => return false,
            _ => {}
        }
    }
    true
}

/// Iterator over a node's direct children (see [`Tree::children`]).
pub struct Children<'t> {
    tree: &'t Tree,
    next: NodeId,
    end: NodeId,
}

impl Iterator for Children<'_> {
    type Item = NodeId;

    fn next(&mut self) -> Option<NodeId> {
        if self.next >= self.end {
            return None;
        }
        let id = self.next;
        self.next = self.tree.nodes[id as usize].subtree_end;
        Some(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definition_names_are_the_top_level_functions_and_classes() {
        let source = "import os\nLIMIT = 3\n\n@cache\ndef helper(x):\n    def inner():\n        pass\n    return x\n\n\nclass Box:\n    def get(self):\n        return 1\n\n\ndef add(a, b):\n    return a + b\n";
        let tree = parse(source);
        assert_eq!(tree.definition_names(), ["helper", "Box", "add"]);
        // A splice that renames one changes the list (the proposer rejects such samples); one in a body does not.
        let at = source.find("add").unwrap();
        let (_, renamed) = tree.splice_checked(Span::new(at, at + 3), ReplacementClass::Identifier, "plus").unwrap();
        assert_eq!(renamed.definition_names(), ["helper", "Box", "plus"]);
        let at = source.find("a + b").unwrap();
        let (_, edited) = tree.splice_checked(Span::new(at, at + 5), ReplacementClass::Expression, "b + a").unwrap();
        assert_eq!(edited.definition_names(), tree.definition_names());
    }

    /// Code in an f-string's braces takes what CPython 3.11 accepts there, and every result compiles.
    #[test]
    fn splice_in_an_fstring_keeps_to_what_cpython_accepts() {
        let source = "def greet(first, last, xs):\n    return f\"{first} {last}: {xs[0]}\"\n";
        let tree = parse(source);
        let at = source.find("{last}").unwrap() + 1;
        let last = Span::new(at, at + 4);
        let fits = ["first", "xs[1:]", "last.upper()", "len(xs) + 1", "(a != b)"];
        let refused = ["'x'", "\"x\"", "a\\b", "{1}", "lambda: 1", "x # y", "(\n1)"];
        let mut programs = Vec::new();
        for text in fits {
            let (_, edited) = tree.splice_checked(last, ReplacementClass::Expression, text).expect(text);
            programs.push(edited.source().to_string());
        }
        for text in refused {
            assert!(tree.splice_checked(last, ReplacementClass::Expression, text).is_none(), "{text}");
        }
        // Outside the braces a string is any expression's place, as before.
        let at = source.find("f\"").unwrap();
        let whole = Span::new(at, source.rfind('"').unwrap() + 1);
        assert!(tree.splice_checked(whole, ReplacementClass::Expression, "'x'").is_some());
        let verdicts = crate::exec::validate(&programs).expect("CPython runs");
        assert!(verdicts.iter().all(|v| v.ok), "{verdicts:?}\n{programs:#?}");
    }

    #[test]
    fn splice_refuses_a_duplicate_parameter() {
        let tree = parse("def f(x, y=lambda x: x, *z):\n    return x\n");
        let y = tree.source().find('y').unwrap() as u32;
        let id = Span { start: y, end: y + 1 };
        assert!(tree.splice_checked(id, ReplacementClass::Identifier, "x").is_none(), "def f(x, x=…) is invalid");
        assert!(tree.splice_checked(id, ReplacementClass::Identifier, "w").is_some());
        let z = tree.source().find('z').unwrap() as u32;
        let id = Span { start: z, end: z + 1 };
        assert!(tree.splice_checked(id, ReplacementClass::Identifier, "y").is_none(), "def f(x, y, *y) is invalid");
        // The lambda's own `x` is another scope's parameter: renaming the body's `x` is fine.
        let body = tree.source().rfind('x').unwrap() as u32;
        let id = Span { start: body, end: body + 1 };
        assert!(tree.splice_checked(id, ReplacementClass::Expression, "y").is_some());
    }

    #[test]
    fn arena_matches_tree_sitter_structure() {
        let tree = parse("def f(a, b):\n    # why\n    return a + b\n");
        assert!(!tree.has_error());
        let root = tree.node(0);
        assert_eq!(root.kind, "module");
        assert_eq!(root.subtree_end as usize, tree.nodes().len());
        let def: Vec<_> = tree.children(0).collect();
        assert_eq!(def.len(), 1);
        assert_eq!(tree.node(def[0]).kind, "function_definition");
        // Every child lies within its parent, and parents point back.
        for (id, node) in tree.nodes().iter().enumerate() {
            for child in tree.children(id as NodeId) {
                assert_eq!(tree.node(child).parent, Some(id as NodeId));
                assert!(node.span.contains(tree.node(child).span));
            }
        }
        let comment = tree.nodes().iter().find(|n| n.kind == "comment").unwrap();
        assert!(comment.extra);
        // Leaves: def f ( a , b ) : return a + b  = 12 (the comment does not count)
        assert_eq!(root.leaves, 12);
    }

    #[test]
    fn errors_are_reported_not_panicked() {
        let tree = parse("def f(:\n    return\n");
        assert!(tree.has_error());
        let err = parse_strict("x = (1,\n").unwrap_err();
        assert!(matches!(err, SyntaxError::Parse { .. }));
        assert!(!parse("").has_error());
        // Arbitrary bytes that are valid UTF-8 but not Python.
        assert!(parse("\u{0}\u{7f}€€ def def ))))").has_error());
    }

    #[test]
    fn incremental_reparse_equals_a_fresh_parse() {
        let tree = parse("def f(a, b):\n    if a:\n        return a * b\n    return b\n");
        let block = tree.nodes().iter().filter(|n| n.kind == "block").nth(1).unwrap();
        let edit = Edit { span: block.span, replacement: "x = a - 1\nreturn x".into() };
        let edited = tree.edited(&edit).unwrap();
        let fresh = parse(edit.apply(tree.source()).unwrap());
        assert_eq!(edited.source(), fresh.source());
        assert_eq!(edited.nodes(), fresh.nodes());
        assert_eq!(edited.has_error(), fresh.has_error());
    }

    #[test]
    fn span_helpers() {
        let s = Span::new(2, 5);
        assert_eq!(format!("{s:?}"), "2..5");
        assert!(s.contains(Span::new(3, 5)));
        assert!(s.overlaps(Span::new(4, 9)));
        assert!(!s.overlaps(Span::new(5, 9)));
    }
}
