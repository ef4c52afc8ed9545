//! The menu's enumerative part: small expressions built from a function's parameters, the classic bottom-up
//! enumeration of program synthesis with the tests as the oracle.
//!
//! - A stub body (a top-level function whose body is `pass`, a docstring aside: where `kelp synth` starts) may
//!   become `return E` for every small `E`: a parameter, a parameter under a unary operator, a builtin or an index
//!   (`-x`, `len(xs)`, `xs[-1]`), or two atoms (parameters and the constants 0, 1, 2) under a binary operator.
//! - A returned expression `e` may be wrapped once: `-e`, `not e`, `abs(e)`, `e == 0`, `e ± 1`, and with a
//!   parameter `p`: `max(p, e)`, `min(p, e)`, `e + p`, `e - p`, `e * p`. Two steps reach `x % 2 == 0` or
//!   `max(lo, min(x, hi))`; a missing negation or `abs` is a classic repair too.
//!
//! The enumeration is blind: the search ranks it (the model's log-probability, the tests' verdict), and a
//! candidate that does not parse as its node's class is dropped by the splice check like every menu edit.

use crate::syntax::{NodeId, Tree};

/// Builtins of one argument tried on a parameter.
const UNARY_CALLS: [&str; 10] = ["abs", "len", "sum", "max", "min", "sorted", "int", "str", "bool", "list"];

/// Binary operators whose operands commute: one order is enough.
const COMMUTATIVE: [&str; 6] = ["+", "*", "==", "!=", "and", "or"];

/// Binary operators tried in both orders (`<` both ways covers `>`).
const ORDERED: [&str; 7] = ["-", "/", "//", "%", "**", "<", "<="];

/// Constants that may stand beside a parameter.
const CONSTANTS: [&str; 3] = ["0", "1", "2"];

/// Node kinds that need no parentheses under a unary or binary operator.
fn is_primary(kind: &str) -> bool {
    matches!(
        kind,
        "identifier"
            | "integer"
            | "float"
            | "string"
            | "call"
            | "attribute"
            | "subscript"
            | "parenthesized_expression"
            | "list"
            | "tuple"
            | "dictionary"
            | "set"
            | "true"
            | "false"
            | "none"
    )
}

/// The parameter names of a function definition, in order: plain, typed and default parameters (`*args`,
/// `**kwargs`, `self` and `cls` are left out: no arithmetic is done on them).
pub(super) fn parameters(tree: &Tree, function: NodeId) -> Vec<&str> {
    let Some(list) = tree.children(function).find(|&c| tree.node(c).field == Some("parameters")) else {
        return Vec::new();
    };
    tree.children(list)
        .filter_map(|p| {
            let node = tree.node(p);
            let name = match node.kind {
                "identifier" => Some(p),
                "typed_parameter" => tree.children(p).find(|&c| tree.node(c).kind == "identifier"),
                "default_parameter" | "typed_default_parameter" => {
                    tree.children(p).find(|&c| tree.node(c).field == Some("name"))
                }
                _ => None,
            }?;
            Some(tree.text(tree.node(name).span))
        })
        .filter(|&n| n != "self" && n != "cls")
        .collect()
}

/// Is `id` a `pass` statement that is a function's whole body, a docstring aside?
pub(super) fn is_stub(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    if node.kind != "pass_statement" {
        return false;
    }
    let Some(block) = node.parent.filter(|&b| tree.node(b).kind == "block") else { return false };
    let is_docstring = |c: NodeId| {
        let n = tree.node(c);
        n.kind == "expression_statement" && tree.children(c).any(|s| tree.node(s).kind == "string")
    };
    tree.node(block).parent.is_some_and(|f| tree.node(f).kind == "function_definition")
        && tree.children(block).all(|c| {
            let n = tree.node(c);
            c == id || n.extra || n.parent != Some(block) || is_docstring(c)
        })
}

/// `return E` for every small expression `E` over `params` (see the module doc).
pub(super) fn stub_returns(params: &[&str]) -> Vec<String> {
    let mut exprs: Vec<String> = Vec::new();
    for &p in params {
        exprs.push(p.to_string());
        exprs.push(format!("-{p}"));
        exprs.push(format!("not {p}"));
        exprs.extend(UNARY_CALLS.iter().map(|f| format!("{f}({p})")));
        exprs.extend(["[0]", "[-1]", "[::-1]"].iter().map(|i| format!("{p}{i}")));
    }
    for (i, &p) in params.iter().enumerate() {
        for &q in &params[i + 1..] {
            exprs.push(format!("max({p}, {q})"));
            exprs.push(format!("min({p}, {q})"));
        }
    }
    // Operand pairs: at least one parameter; a parameter with itself only where that is not a constant.
    let atoms: Vec<&str> = params.iter().copied().chain(CONSTANTS).collect();
    for (i, &x) in atoms.iter().enumerate() {
        for (j, &y) in atoms.iter().enumerate() {
            let params_in = (i < params.len()) as usize + (j < params.len()) as usize;
            if params_in == 0 {
                continue;
            }
            if i == j {
                exprs.extend(["+", "*", "**"].iter().map(|op| format!("{x} {op} {y}")));
                continue;
            }
            if i < j {
                exprs.extend(COMMUTATIVE.iter().map(|op| format!("{x} {op} {y}")));
            }
            exprs.extend(ORDERED.iter().map(|op| format!("{x} {op} {y}")));
        }
    }
    exprs.into_iter().map(|e| format!("return {e}")).collect()
}

/// Wrappings of a returned expression `text` of node kind `kind` (see the module doc).
pub(super) fn wrappings(text: &str, kind: &str, params: &[&str]) -> Vec<String> {
    let e = if is_primary(kind) { text.to_string() } else { format!("({text})") };
    let mut out = vec![
        format!("-{e}"),
        format!("not {e}"),
        format!("abs({text})"),
        format!("{e} == 0"),
        format!("{e} + 1"),
        format!("{e} - 1"),
    ];
    for &p in params.iter().filter(|&&p| p != text) {
        out.push(format!("max({p}, {text})"));
        out.push(format!("min({p}, {text})"));
        out.push(format!("{e} + {p}"));
        out.push(format!("{e} - {p}"));
        out.push(format!("{e} * {p}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse;

    #[test]
    fn parameters_of_every_form() {
        let tree = parse("def f(self, a, b: int, c=1, d: str = 'x', *rest, e=2, **kw):\n    pass\n");
        let function = tree.children(0).next().expect("a definition");
        assert_eq!(parameters(&tree, function), ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn a_stub_is_a_lone_pass_a_docstring_aside() {
        let stub = |src: &str| {
            let tree = parse(src);
            (0..tree.nodes().len() as NodeId).any(|id| is_stub(&tree, id))
        };
        assert!(stub("def f(x):\n    pass\n"));
        assert!(stub("def f(x):\n    \"\"\"Doc.\"\"\"\n    pass\n"));
        assert!(!stub("def f(x):\n    y = x\n    pass\n"));
        assert!(!stub("def f(x):\n    if x:\n        pass\n    return x\n"));
    }

    #[test]
    fn small_bodies_are_enumerated_once() {
        let returns = stub_returns(&["a", "b"]);
        for want in ["return a + b", "return a - b", "return b - a", "return a * a", "return max(a, b)", "return -a"] {
            assert!(returns.iter().any(|r| r == want), "{want} missing");
        }
        for unwanted in ["return b + a", "return a - a", "return 1 + 2", "return a > b"] {
            assert!(!returns.iter().any(|r| r == unwanted), "{unwanted} enumerated");
        }
        let unique: std::collections::HashSet<_> = returns.iter().collect();
        assert_eq!(unique.len(), returns.len());
        assert!(wrappings("x % 2", "binary_operator", &["x"]).contains(&"(x % 2) == 0".to_string()));
        assert!(wrappings("min(x, hi)", "call", &["x", "lo", "hi"]).contains(&"max(lo, min(x, hi))".to_string()));
    }
}
