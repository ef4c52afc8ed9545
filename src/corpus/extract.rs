//! Function extraction: module-level functions and methods, cut out of a module and dedented to column 0.

use crate::syntax::{self, NodeId, Tree, dedent, indentation_at, line_starts_at};

use super::{Origin, Spec, Split, Task};

/// Size limits on extracted functions: small enough to train on, large enough to be worth it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FunctionLimits {
    /// Fewer leaf tokens than this (e.g. `def f(): pass`) is too trivial to teach anything.
    pub min_leaves: u32,
    pub max_leaves: u32,
    pub max_lines: usize,
    pub max_bytes: usize,
}

impl Default for FunctionLimits {
    fn default() -> Self {
        // A 40-line, 1.6 kB function tokenizes to at most ~500 tokens: a training sequence, with its spec.
        FunctionLimits { min_leaves: 8, max_leaves: 400, max_lines: 40, max_bytes: 1600 }
    }
}

/// Why an extracted function was dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    TooSmall,
    TooLarge,
    /// It could not be dedented losslessly, or does not parse on its own.
    NotStandalone,
}

/// Cuts every module-level function and method (of module-level classes) out of a parsed module.
///
/// `label` prefixes each task id (e.g. `stdlib/json/decoder.py`). Returns the tasks and the rejections.
pub fn extract_functions(
    module: &Tree,
    label: &str,
    origin: Origin,
    limits: &FunctionLimits,
) -> (Vec<Task>, Vec<Rejection>) {
    let mut tasks = Vec::new();
    let mut rejections = Vec::new();
    for (id, node) in module.nodes().iter().enumerate() {
        if node.kind != "function_definition" {
            continue;
        }
        let Some(qualified) = qualified_name(module, id as NodeId) else { continue };
        match standalone_function(module, id as NodeId, limits) {
            Ok((source, tree)) => {
                let spec = spec_of(&tree);
                let entry_point = name_of(&tree, function_node(&tree)).unwrap_or_default();
                tasks.push(Task {
                    id: format!("{label}:{qualified}"),
                    origin,
                    split: Split::Train,
                    entry_point,
                    source,
                    spec,
                });
            }
            Err(r) => rejections.push(r),
        }
    }
    (tasks, rejections)
}

/// `Class.method` or `function`, when the function sits at module level or directly in module-level classes;
/// `None` for functions nested in functions (they are part of their parent's program).
fn qualified_name(module: &Tree, id: NodeId) -> Option<String> {
    let mut parts = vec![name_of(module, id)?];
    let mut cursor = module.node(id).parent;
    while let Some(p) = cursor {
        let node = module.node(p);
        match node.kind {
            "module" => {
                parts.reverse();
                return Some(parts.join("."));
            }
            "block" | "decorated_definition" => {}
            "class_definition" => parts.push(name_of(module, p)?),
            _ => return None,
        }
        cursor = node.parent;
    }
    None
}

pub(super) fn name_of(tree: &Tree, id: NodeId) -> Option<String> {
    tree.children(id).find(|&c| tree.node(c).field == Some("name")).map(|c| tree.text(tree.node(c).span).to_string())
}

/// The program's own (first) `function_definition`, if any (node 0 is the module).
pub(super) fn first_function(tree: &Tree) -> Option<NodeId> {
    tree.children(0).find(|&c| tree.node(c).kind == "function_definition")
}

fn function_node(tree: &Tree) -> NodeId {
    first_function(tree).unwrap_or(0)
}

fn standalone_function(module: &Tree, id: NodeId, limits: &FunctionLimits) -> Result<(String, Tree), Rejection> {
    let node = module.node(id);
    if node.leaves < limits.min_leaves {
        return Err(Rejection::TooSmall);
    }
    if node.leaves > limits.max_leaves || node.span.len() > limits.max_bytes {
        return Err(Rejection::TooLarge);
    }
    let start = node.span.start as usize;
    if !line_starts_at(module.source(), start) {
        return Err(Rejection::NotStandalone);
    }
    let indent = indentation_at(module.source(), start);
    let mut source = dedent(module.text(node.span), indent).ok_or(Rejection::NotStandalone)?;
    source.push('\n');
    if source.lines().count() > limits.max_lines {
        return Err(Rejection::TooLarge);
    }
    let tree = syntax::parse(source.as_str());
    if tree.has_error() {
        return Err(Rejection::NotStandalone);
    }
    Ok((source, tree))
}

/// The spec a function carries itself: its signature and docstring (tests come from elsewhere).
pub fn spec_of(program: &Tree) -> Spec {
    spec_of_function(program, function_node(program))
}

/// [`spec_of`] for the function at node `func` (a program may define helpers before it).
pub(super) fn spec_of_function(program: &Tree, func: NodeId) -> Spec {
    let Some(body) = program.children(func).find(|&c| program.node(c).field == Some("body")) else {
        return Spec { signature: program.source().trim_end().to_string(), ..Spec::default() };
    };
    let func_span = program.node(func).span;
    let signature = program.source()[func_span.start as usize..program.node(body).span.start as usize].trim_end();
    let docstring = program
        .children(body)
        .find(|&c| !program.node(c).extra)
        .filter(|&first| program.node(first).kind == "expression_statement")
        .and_then(|first| {
            let mut named = program.children(first).filter(|&c| program.node(c).named);
            let only = named.next()?;
            (named.next().is_none() && program.node(only).kind == "string").then_some(only)
        })
        .map(|string| {
            program
                .children(string)
                .filter(|&c| !matches!(program.node(c).kind, "string_start" | "string_end"))
                .map(|c| program.text(program.node(c).span))
                .collect::<String>()
                .trim()
                .to_string()
        });
    Spec { signature: signature.to_string(), docstring, tests: None }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MODULE: &str = "import os\n\n\
def top(a, b=1):\n    \"\"\"Add things.\n\n    More.\n    \"\"\"\n    return a + b\n\n\
class K:\n    @staticmethod\n    def method(self, x):\n        if x:\n\n            return x * 2\n        return 0\n\n    def tiny(self):\n        pass\n\n\
def outer():\n    def inner(q):\n        return q + q + q + q\n    return inner\n";

    #[test]
    fn extracts_functions_and_methods_dedented() {
        let module = syntax::parse(MODULE);
        let (tasks, rejections) = extract_functions(&module, "m.py", Origin::Directory, &FunctionLimits::default());
        let ids: Vec<_> = tasks.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(ids, ["m.py:top", "m.py:K.method", "m.py:outer"]);
        assert_eq!(rejections, [Rejection::TooSmall]); // K.tiny
        let method = &tasks[1];
        assert_eq!(method.source, "def method(self, x):\n    if x:\n\n        return x * 2\n    return 0\n");
        assert_eq!(method.entry_point, "method");
        assert_eq!(tasks[0].spec.signature, "def top(a, b=1):");
        assert_eq!(tasks[0].spec.docstring.as_deref(), Some("Add things.\n\n    More."));
        assert_eq!(method.spec.docstring, None);
    }

    #[test]
    fn limits_apply() {
        let module = syntax::parse(MODULE);
        let limits = FunctionLimits { max_lines: 4, ..FunctionLimits::default() };
        let (tasks, rejections) = extract_functions(&module, "m.py", Origin::Directory, &limits);
        assert_eq!(tasks.iter().map(|t| t.entry_point.as_str()).collect::<Vec<_>>(), ["outer"]);
        assert_eq!(rejections.iter().filter(|r| **r == Rejection::TooLarge).count(), 2);
    }
}
