//! Edits: replace the subtree at one span with new text, indentation-free.
//!
//! A replacement is stored *dedented*: its continuation lines carry no indentation of the site they came from.
//! [`Edit::apply`] re-indents it with the indentation of the line where the replaced node starts. The upstream
//! prototype emitted raw text and drifted indentation; with dedented text an edit means the same thing at any depth.
//!
//! Whitespace-only lines dedent to empty lines (the corpus canonicalises them away, so nothing is lost).

use serde::{Deserialize, Serialize};

use super::{Span, SyntaxError, Tree};

/// Replace the node at `span` with `replacement` (dedented source text of the same replacement class).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    /// Splices the edit into `source`, re-indenting the replacement to its site.
    pub fn apply(&self, source: &str) -> Result<String, SyntaxError> {
        let range = self.span.range();
        if range.end > source.len() || !source.is_char_boundary(range.start) || !source.is_char_boundary(range.end) {
            return Err(SyntaxError::SpanOutOfBounds { span: self.span, len: source.len() });
        }
        let multi_line = self.replacement.contains('\n');
        if multi_line && !line_starts_at(source, range.start) {
            return Err(SyntaxError::MultiLineInline { span: self.span });
        }
        let indent = indentation_at(source, range.start);
        let mut out = String::with_capacity(source.len() + self.replacement.len() + 16);
        out.push_str(&source[..range.start]);
        if multi_line {
            out.push_str(&reindent(&self.replacement, indent));
        } else {
            out.push_str(&self.replacement);
        }
        out.push_str(&source[range.end..]);
        Ok(out)
    }

    /// The text this edit removes from `tree` (for reports and "never a no-op" checks).
    pub fn replaced<'t>(&self, tree: &'t Tree) -> &'t str {
        tree.text(self.span)
    }
}

/// The leading whitespace of the line that contains byte `offset`.
pub fn indentation_at(source: &str, offset: usize) -> &str {
    let rest = &source[line_start(source, offset)..];
    let width = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    &rest[..width]
}

/// Only whitespace stands between the start of its line and byte `offset`.
pub fn line_starts_at(source: &str, offset: usize) -> bool {
    source[line_start(source, offset)..offset].bytes().all(|b| b == b' ' || b == b'\t')
}

/// Where the line holding byte `offset` starts.
pub fn line_start(source: &str, offset: usize) -> usize {
    source[..offset].rfind('\n').map_or(0, |i| i + 1)
}

/// Removes `indent` from every line after the first. `None` when a non-blank line does not start with it
/// (e.g. a string literal's continuation line sitting left of the code): such text cannot be moved losslessly.
pub fn dedent(text: &str, indent: &str) -> Option<String> {
    if indent.is_empty() || !text.contains('\n') {
        return Some(blank_whitespace_lines(text));
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if let Some(rest) = line.strip_prefix(indent) {
                if !rest.trim().is_empty() {
                    out.push_str(rest);
                }
            } else if !line.trim().is_empty() {
                return None;
            }
        } else {
            out.push_str(line);
        }
    }
    Some(out)
}

/// Prefixes every non-empty line after the first with `indent` (the inverse of [`dedent`]).
pub fn reindent(text: &str, indent: &str) -> String {
    if indent.is_empty() {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + indent.len() * 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            if !line.is_empty() {
                out.push_str(indent);
            }
        }
        out.push_str(line);
    }
    out
}

fn blank_whitespace_lines(text: &str) -> String {
    if !text.contains('\n') {
        return text.to_string();
    }
    text.split('\n').map(|l| if l.trim().is_empty() { "" } else { l }).collect::<Vec<_>>().join("\n")
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn dedent_reindent_round_trip() {
        let text = "if x:\n        y = 1\n\n    return y";
        let d = dedent(text, "    ").unwrap();
        assert_eq!(d, "if x:\n    y = 1\n\nreturn y");
        assert_eq!(reindent(&d, "    "), text);
        // A continuation line left of the indentation cannot be moved.
        assert_eq!(dedent("s = '''a\nb'''", "    "), None);
    }

    #[test]
    fn apply_reindents_block_at_its_site() {
        let src = "def f(x):\n    if x:\n        return 1\n    return 2\n";
        let tree = parse(src);
        let block = tree.nodes().iter().filter(|n| n.kind == "block").nth(1).unwrap();
        assert_eq!(tree.text(block.span), "return 1");
        let edit = Edit { span: block.span, replacement: "y = x * 2\nreturn y".into() };
        let out = edit.apply(src).unwrap();
        assert_eq!(out, "def f(x):\n    if x:\n        y = x * 2\n        return y\n    return 2\n");
        assert!(!parse(out).has_error());
    }

    #[test]
    fn multi_line_text_needs_a_line_start() {
        let src = "def f(x):\n    if x: return 1\n    return 2\n";
        let tree = parse(src);
        let inline_block = tree.nodes().iter().filter(|n| n.kind == "block").nth(1).unwrap();
        let edit = Edit { span: inline_block.span, replacement: "a = 1\nreturn a".into() };
        assert!(matches!(edit.apply(src), Err(SyntaxError::MultiLineInline { .. })));
        let bad = Edit { span: Span::new(3, 999), replacement: "x".into() };
        assert!(matches!(bad.apply(src), Err(SyntaxError::SpanOutOfBounds { .. })));
    }

    #[test]
    fn indentation_queries() {
        let src = "a\n  \tb = c\n";
        assert_eq!(indentation_at(src, 6), "  \t");
        assert!(line_starts_at(src, 5));
        assert!(!line_starts_at(src, 9));
    }
}
