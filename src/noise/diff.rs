//! TreeDiff: the edit path from one program to another, as node-anchored, class-preserving edits.
//!
//! The two trees are walked together from the root. Equal subtrees (same normalised AST, compared by
//! [`subtree_hashes`]) need nothing. Nodes of the same kind with aligned children (same count, same fields, same
//! operator and keyword tokens) are compared child by child. Anything else is replaced whole by the target's text,
//! at the smallest node where that is a legal edit (the node has a replacement class and a multi-line text goes
//! at a line start); when no child-level edit is possible the parent is replaced instead. The result is a list of
//! disjoint edits, each as small as the alignment allows.
//!
//! The edits are ordered from the end of the program to its start, so applying them one after another never
//! moves the span of an edit still to come: every edit's span is a node span in the state it applies to.

use serde::{Deserialize, Serialize};

use crate::syntax::{Edit, NodeId, ReplacementClass, SyntaxError, Tree, dedent, indentation_at, subtree_hashes};

/// One edit of a path, with what it replaces (kind and class of the node at its span, in the state it applies to).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathEdit {
    pub edit: Edit,
    /// tree-sitter kind of the replaced node (`module` for a whole-program replacement).
    pub kind: String,
    /// `None` only for a whole-program replacement (when even the function cannot be aligned).
    pub class: Option<ReplacementClass>,
}

/// The edits that turn a program into a target program (see the module doc).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct EditPath {
    pub edits: Vec<PathEdit>,
}

impl EditPath {
    pub fn len(&self) -> usize {
        self.edits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// The program after the first `n` edits, starting from `source`.
    pub fn state_after(&self, source: &str, n: usize) -> Result<String, SyntaxError> {
        let mut state = source.to_string();
        for step in &self.edits[..n.min(self.edits.len())] {
            state = step.edit.apply(&state)?;
        }
        Ok(state)
    }

    /// Every state along the path: `source`, then the program after each edit (`len() + 1` states).
    pub fn states(&self, source: &str) -> Result<Vec<String>, SyntaxError> {
        let mut states = vec![source.to_string()];
        for step in &self.edits {
            let next = step.edit.apply(states.last().map_or(source, String::as_str))?;
            states.push(next);
        }
        Ok(states)
    }
}

/// The edit path from `from` to `to` (both parsed programs).
pub fn tree_diff(from: &Tree, to: &Tree) -> EditPath {
    let differ = Differ { from, to, from_hash: subtree_hashes(from), to_hash: subtree_hashes(to) };
    let mut edits = Vec::new();
    if !from.nodes().is_empty() && !to.nodes().is_empty() && !differ.diff(0, 0, &mut edits) {
        // Not even the top-level statements align: replace the whole program.
        edits.clear();
        edits.push(PathEdit {
            edit: Edit { span: from.node(0).span, replacement: to.source().to_string() },
            kind: "module".into(),
            class: None,
        });
    }
    edits.reverse();
    EditPath { edits }
}

struct Differ<'t> {
    from: &'t Tree,
    to: &'t Tree,
    from_hash: Vec<u64>,
    to_hash: Vec<u64>,
}

impl Differ<'_> {
    /// Pushes the edits that turn subtree `a` (of `from`) into subtree `b` (of `to`), in document order.
    /// Returns false, pushing nothing, when the change cannot be expressed at or below `a`.
    fn diff(&self, a: NodeId, b: NodeId, out: &mut Vec<PathEdit>) -> bool {
        if self.from_hash[a as usize] == self.to_hash[b as usize] {
            return true;
        }
        let mark = out.len();
        if let Some((a_children, b_children)) = self.aligned(a, b) {
            if a_children.iter().zip(&b_children).all(|(&ca, &cb)| self.diff(ca, cb, out)) {
                return true;
            }
            out.truncate(mark);
        }
        match self.replace(a, b) {
            Some(edit) => {
                out.push(edit);
                true
            }
            None => false,
        }
    }

    /// Same kind, and children that pair up one to one (same count, same fields, identical tokens): the pairs.
    fn aligned(&self, a: NodeId, b: NodeId) -> Option<(Vec<NodeId>, Vec<NodeId>)> {
        let (na, nb) = (self.from.node(a), self.to.node(b));
        // A string is replaced whole: its insides are not nodes an edit may address.
        if na.kind != nb.kind || na.is_leaf(a) || nb.is_leaf(b) || na.kind == "string" {
            return None;
        }
        let a_children = self.significant_children(self.from, &self.from_hash, a);
        let b_children = self.significant_children(self.to, &self.to_hash, b);
        let pairs_up = a_children.len() == b_children.len()
            && a_children.iter().zip(&b_children).all(|(&ca, &cb)| {
                let (ca, cb) = (self.from.node(ca), self.to.node(cb));
                ca.field == cb.field
                    && ca.named == cb.named
                    && (ca.named || self.from.text(ca.span) == self.to.text(cb.span))
            });
        pairs_up.then_some((a_children, b_children))
    }

    /// Children that take part in the normalised AST (no comments, no punctuation).
    fn significant_children(&self, tree: &Tree, hashes: &[u64], id: NodeId) -> Vec<NodeId> {
        tree.children(id).filter(|&c| hashes[c as usize] != 0).collect()
    }

    /// Replace `a` whole with `b`'s text, if that is a legal edit.
    fn replace(&self, a: NodeId, b: NodeId) -> Option<PathEdit> {
        let (na, nb) = (self.from.node(a), self.to.node(b));
        let class = na.class?;
        if nb.class != Some(class) {
            return None;
        }
        let text = self.to.text(nb.span);
        let mut replacement = dedent(text, indentation_at(self.to.source(), nb.span.start as usize))?;
        // `6 .real` may lose its space: an integer put back right before `.` would read as the float `6.`.
        if nb.kind == "integer" && self.from.source().as_bytes().get(na.span.end as usize) == Some(&b'.') {
            replacement = format!("({replacement})");
        }
        let edit = Edit { span: na.span, replacement };
        // A multi-line text needs a node that begins its line.
        if edit.replacement.contains('\n') && !crate::syntax::line_starts_at(self.from.source(), na.span.start as usize)
        {
            return None;
        }
        Some(PathEdit { edit, kind: na.kind.to_string(), class: Some(class) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    #[test]
    fn an_integer_put_back_before_a_dot_is_parenthesised() {
        let from = "def f(self):\n    return (not self).real\n";
        let p = path(from, "def f(self):\n    return 6 .real\n");
        let end = p.state_after(from, p.len()).unwrap();
        assert!(!parse(end.as_str()).has_error(), "{end}");
    }

    fn path(from: &str, to: &str) -> EditPath {
        let path = tree_diff(&parse(from), &parse(to));
        let end = path.state_after(from, path.len()).unwrap();
        assert_eq!(parse(end.as_str()).normalised(), parse(to).normalised(), "{end}");
        path
    }

    #[test]
    fn equal_programs_need_no_edit() {
        assert!(path("def f(a):\n    return (a)\n", "def f(a):  # x\n    return a\n").is_empty());
    }

    #[test]
    fn smallest_differing_nodes_are_replaced() {
        let p = path("def add(a, b):\n    return a - b\n", "def add(a, b):\n    return a + b\n");
        assert_eq!(p.len(), 1);
        assert_eq!(p.edits[0].edit.replacement, "a + b");
        assert_eq!(p.edits[0].class, Some(ReplacementClass::Expression));

        let p = path(
            "def f(x, lo):\n    if x < lo:\n        return x\n    return y\n",
            "def f(x, lo):\n    if x > lo:\n        return lo\n    return x\n",
        );
        let texts: Vec<&str> = p.edits.iter().map(|e| e.edit.replacement.as_str()).collect();
        // Last first, so spans stay valid as the path is applied.
        assert_eq!(texts, ["x", "lo", "x > lo"]);
        let p = path("def f(v):\n    return v\n", "def g(v):\n    return v\n");
        assert_eq!(p.edits[0].class, Some(ReplacementClass::Identifier));
    }

    #[test]
    fn structural_changes_go_up_to_a_legal_node() {
        // A statement more: the block is replaced, re-indented.
        let p = path(
            "def f(x):\n    if x:\n        return 1\n    return 0\n",
            "def f(x):\n    if x:\n        y = x * 2\n        return y\n    return 0\n",
        );
        assert_eq!(p.len(), 1);
        assert_eq!(p.edits[0].class, Some(ReplacementClass::Block));
        assert_eq!(p.edits[0].edit.replacement, "y = x * 2\nreturn y");
        // An argument more: the call is replaced.
        let p = path("def f(x):\n    return g(x)\n", "def f(x):\n    return g(x, 1)\n");
        assert_eq!(p.edits[0].edit.replacement, "g(x, 1)");
        // Different programs entirely.
        let p = path("def f(x):\n    return x\n", "x = 1\ny = 2\n");
        assert_eq!(p.edits[0].class, None);
    }

    #[test]
    fn states_run_from_start_to_target() {
        let from = "def f(a, b):\n    x = a * b\n    return x - 1\n";
        let to = "def f(a, b):\n    x = a + b\n    return x + 1\n";
        let p = path(from, to);
        let states = p.states(from).unwrap();
        assert_eq!(states.len(), 3);
        assert_eq!(states[1], "def f(a, b):\n    x = a * b\n    return x + 1\n");
        assert!(states.iter().all(|s| !parse(s.as_str()).has_error()));
    }
}
