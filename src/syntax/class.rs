//! Replacement classes: which subtrees may replace which.
//!
//! A node's class is decided by its kind *and its position*: `x` in `return x` is an [`Expression`] (any
//! expression may stand there), while `x` in `x = 1` or `def f(x)` is an [`Identifier`] (only a name may).
//!
//! | class | nodes | may be replaced by |
//! |---|---|---|
//! | `Expression` | expression kinds (`identifier`, `integer`, `string`, `call`, `binary_operator`, `comparison_operator`, `lambda`, …) in a value position | any expression (parenthesised by the splicer when precedence requires) |
//! | `Identifier` | names in binding or attribute position: function, class and parameter names, assignment and loop targets, keyword-argument names, `obj.attr`'s `attr` | an identifier |
//! | `Statement` | a statement (simple or compound) directly inside a block or the module | a statement |
//! | `Block` | the body of a compound statement (`block`) | a block |
//!
//! A replacement that spans several lines may only go at a node that begins its line (so `if x: return y` can
//! take a new one-line body but not a multi-line one); [`super::Edit::apply`] enforces it.
//!
//! Not replaceable: anything inside a string, or inside an f-string but the code in its braces, `del`/`global`/`nonlocal`/`import` statements and their
//! parts, `await`/`yield` expressions themselves (their operands are values), a `match` statement's `case` patterns
//! and its body of `case` clauses (the subject, guards and each clause's body are ordinary code), `with … as` /
//! `except … as` targets, star patterns, and punctuation. These rules keep class-preserving splices valid for
//! CPython, not just tree-sitter.
//!
//! [`Expression`]: ReplacementClass::Expression
//! [`Identifier`]: ReplacementClass::Identifier

use serde::{Deserialize, Serialize};

use super::Node;

/// Which subtrees may replace a node (see the module table).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReplacementClass {
    Expression,
    Identifier,
    Statement,
    Block,
}

impl ReplacementClass {
    pub const ALL: [ReplacementClass; 4] = [
        ReplacementClass::Expression,
        ReplacementClass::Identifier,
        ReplacementClass::Statement,
        ReplacementClass::Block,
    ];

    pub fn name(self) -> &'static str {
        match self {
            ReplacementClass::Expression => "expression",
            ReplacementClass::Identifier => "identifier",
            ReplacementClass::Statement => "statement",
            ReplacementClass::Block => "block",
        }
    }
}

/// Expression node kinds (tree-sitter-python's `expression` and `primary_expression` supertypes, less the ones
/// that are not replaceable: `await`, `as_pattern`, `list_splat`).
const EXPRESSION_KINDS: &[&str] = &[
    "identifier",
    "integer",
    "float",
    "string",
    "concatenated_string",
    "true",
    "false",
    "none",
    "ellipsis",
    "binary_operator",
    "unary_operator",
    "boolean_operator",
    "not_operator",
    "comparison_operator",
    "conditional_expression",
    "lambda",
    "named_expression",
    "call",
    "attribute",
    "subscript",
    "list",
    "tuple",
    "set",
    "dictionary",
    "parenthesized_expression",
    "list_comprehension",
    "set_comprehension",
    "dictionary_comprehension",
    "generator_expression",
];

const STATEMENT_KINDS: &[&str] = &[
    "expression_statement",
    "return_statement",
    "pass_statement",
    "break_statement",
    "continue_statement",
    "raise_statement",
    "assert_statement",
    "print_statement",
    "exec_statement",
    "if_statement",
    "for_statement",
    "while_statement",
    "try_statement",
    "with_statement",
    "function_definition",
    "class_definition",
    "decorated_definition",
];

/// Subtrees where nothing is replaceable (see the module doc for why).
const SEALED_KINDS: &[&str] = &[
    "string",
    "concatenated_string",
    "delete_statement",
    "global_statement",
    "nonlocal_statement",
    "import_statement",
    "import_from_statement",
    "future_import_statement",
    "type_alias_statement",
    "case_pattern",
    "as_pattern",
    "as_pattern_target",
    "list_splat_pattern",
    "dictionary_splat_pattern",
    "dotted_name",
    "aliased_import",
    "type_parameter",
];

/// `(parent kind, field)` pairs whose child is a binding target (a pattern), where only names may be replaced.
const PATTERN_FIELDS: &[(&str, &str)] = &[
    ("assignment", "left"),
    ("augmented_assignment", "left"),
    ("for_statement", "left"),
    ("for_in_clause", "left"),
    ("named_expression", "name"),
];

/// `(parent kind, field)` pairs whose identifier child is a name, not a value.
const NAME_FIELDS: &[(&str, &str)] = &[
    ("function_definition", "name"),
    ("class_definition", "name"),
    ("default_parameter", "name"),
    ("typed_default_parameter", "name"),
    ("keyword_argument", "name"),
    ("attribute", "attribute"),
];

/// Parents whose identifier children (any field) are parameter names.
const PARAMETER_PARENTS: &[&str] = &["parameters", "lambda_parameters", "typed_parameter"];

/// Kinds that group pattern elements; their children stay in pattern context.
const PATTERN_GROUPS: &[&str] =
    &["pattern_list", "tuple_pattern", "list_pattern", "tuple", "list", "parenthesized_expression"];

#[derive(Clone, Copy, PartialEq, Eq)]
enum Context {
    /// Ordinary code: expression kinds are expressions.
    Value,
    /// A binding target: identifiers are names, other nodes are fixed (their values inside are not).
    Pattern,
    /// Inside a sealed subtree: nothing is replaceable.
    Sealed,
}

/// Fills in `class` for every node (pre-order, so a parent's context is known before its children).
pub(super) fn assign(nodes: &mut [Node]) {
    let mut context = vec![Context::Value; nodes.len()];
    for id in 0..nodes.len() {
        let node = &nodes[id];
        let parent = node.parent.map(|p| (p as usize, nodes[p as usize].kind));
        let inherited = parent.map_or(Context::Value, |(p, _)| context[p]);
        let field = node.field.unwrap_or("");
        let (ctx, class) = if node.kind == "interpolation"
            && parent.is_some_and(|(p, k)| k == "string" && fstring_in_code(nodes, p))
        {
            // An f-string's `{…}` holds ordinary code (`f"{first} {last}"`); its text and format spec do not.
            // [`super::Tree::splice_checked`] keeps what CPython 3.11 refuses there (quotes, `\\`, `#`…) out.
            (Context::Value, None)
        } else if inherited == Context::Sealed || node.extra || !node.named {
            (if inherited == Context::Sealed { Context::Sealed } else { inherited }, None)
        } else if node.kind == "as_pattern" && parent.is_some_and(|(_, k)| k == "except_clause") {
            // `except ValueError as e:`: the type is a value (its alias, `as_pattern_target`, stays sealed).
            (Context::Value, None)
        } else if SEALED_KINDS.contains(&node.kind) {
            // A whole string is still a replaceable expression; its insides are not.
            let is_value = inherited == Context::Value && matches!(node.kind, "string" | "concatenated_string");
            let class = is_value.then_some(ReplacementClass::Expression);
            (Context::Sealed, class)
        } else {
            let parent_kind = parent.map_or("", |(_, k)| k);
            let in_pattern = inherited == Context::Pattern || PATTERN_FIELDS.contains(&(parent_kind, field));
            if matches!(node.kind, "await" | "yield") {
                // Not a site itself (a `yield` moved into another function makes a generator of it, and is no
                // expression in a comprehension); its operand is an ordinary value: `yield flatten(x)` for `yield x`.
                (Context::Value, None)
            } else if node.kind == "block" {
                // A match statement's body holds only `case` clauses: no ordinary block may replace it (each
                // clause's own body may be).
                let class = (parent_kind != "match_statement").then_some(ReplacementClass::Block);
                (Context::Value, class)
            } else if STATEMENT_KINDS.contains(&node.kind) {
                let in_block = matches!(parent_kind, "block" | "module");
                (Context::Value, in_block.then_some(ReplacementClass::Statement))
            } else if node.kind == "identifier" {
                let is_name = in_pattern
                    || NAME_FIELDS.contains(&(parent_kind, field))
                    || PARAMETER_PARENTS.contains(&parent_kind);
                let class = if is_name { ReplacementClass::Identifier } else { ReplacementClass::Expression };
                (Context::Value, Some(class))
            } else if in_pattern {
                if PATTERN_GROUPS.contains(&node.kind) {
                    (Context::Pattern, None)
                } else if matches!(node.kind, "attribute" | "subscript") {
                    // `obj.attr = …`, `xs[i] = …`: the target is fixed, its object and index are ordinary values.
                    (Context::Value, None)
                } else {
                    (Context::Sealed, None)
                }
            } else if EXPRESSION_KINDS.contains(&node.kind) {
                (Context::Value, Some(ReplacementClass::Expression))
            } else {
                (Context::Value, None)
            }
        };
        context[id] = ctx;
        nodes[id].class = class;
    }
}

/// Is the string `id` a value of ordinary code (alone, or a part of a concatenated string that is one)?
fn fstring_in_code(nodes: &[Node], id: usize) -> bool {
    let string = &nodes[id];
    string.class.is_some()
        || string
            .parent
            .is_some_and(|p| nodes[p as usize].kind == "concatenated_string" && nodes[p as usize].class.is_some())
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::ReplacementClass::*;
    use super::*;

    /// Classes of the named nodes whose text is `text`, in pre-order.
    fn classes(src: &str, text: &str) -> Vec<Option<ReplacementClass>> {
        let tree = parse(src);
        assert!(!tree.has_error(), "{src}");
        tree.nodes().iter().filter(|n| n.named && tree.text(n.span) == text).map(|n| n.class).collect()
    }

    #[test]
    fn names_versus_values() {
        let src = "def f(x, y=2):\n    z = x + y\n    return g(k=z).attr\n";
        assert_eq!(classes(src, "f"), [Some(Identifier)]);
        assert_eq!(classes(src, "x"), [Some(Identifier), Some(Expression)]);
        assert_eq!(classes(src, "z"), [Some(Identifier), Some(Expression)]);
        assert_eq!(classes(src, "k"), [Some(Identifier)]);
        assert_eq!(classes(src, "attr"), [Some(Identifier)]);
        assert_eq!(classes(src, "x + y"), [Some(Expression)]);
        assert_eq!(classes(src, "z = x + y"), [Some(Statement), None]); // expression_statement, assignment
    }

    #[test]
    fn targets_and_sealed_parts() {
        let src = "def f(xs):\n    a, b = xs\n    xs[a + 1] = 'no' 'yes'\n    global q\n    return f'{a}'\n";
        assert_eq!(classes(src, "a, b"), [None]);
        assert_eq!(classes(src, "xs[a + 1]"), [None]);
        assert_eq!(classes(src, "a + 1"), [Some(Expression)]);
        assert_eq!(classes(src, "'no'"), [None]);
        assert_eq!(classes(src, "'no' 'yes'"), [Some(Expression)]);
        assert_eq!(classes(src, "q"), [None]);
        assert_eq!(classes(src, "f'{a}'"), [Some(Expression)]);
        // The `a` inside the f-string's braces is a value too, like the index; the first is a target.
        assert_eq!(classes(src, "a"), [Some(Identifier), Some(Expression), Some(Expression)]);
        // Its literal text and format spec are not code; neither is an f-string in a sealed statement's place.
        let src = "def f(n, w):\n    return f'n={n + 1:>{w}}!' 'x' f'{n!r}'\n";
        assert_eq!(classes(src, "n + 1"), [Some(Expression)]);
        assert_eq!(classes(src, "w"), [Some(Identifier), Some(Expression)]);
        assert!(classes(src, "n=").iter().all(Option::is_none));
        assert_eq!(classes(src, "n"), [Some(Identifier), Some(Expression), Some(Expression)]);
        // An `except` clause's type is a value, with or without an alias; the alias is not.
        let src = "def f(s):\n    try:\n        return int(s)\n    except KeyError as e:\n        return e\n    except (TypeError, OSError):\n        return 0\n";
        assert_eq!(classes(src, "KeyError"), [Some(Expression)]);
        assert_eq!(classes(src, "OSError"), [Some(Expression)]);
        assert_eq!(classes(src, "e"), [None, None, Some(Expression)]); // the alias, its name, the value returned
        // A `yield` is no site (moved, it would make a generator of another function); what it yields is a value.
        let src = "def g(xs):\n    for x in xs:\n        yield g(x)\n";
        assert_eq!(classes(src, "yield g(x)"), [Some(Block), Some(Statement), None]);
        assert_eq!(classes(src, "g(x)"), [Some(Expression)]);
    }

    #[test]
    fn statements_and_blocks() {
        let src = "def f(x):\n    if x:\n        return 1\n    return 2\n";
        let tree = parse(src);
        let blocks = tree.nodes().iter().filter(|n| n.class == Some(Block)).count();
        assert_eq!(blocks, 2);
        // A one-statement block and its statement share a span: the class tells them apart.
        assert_eq!(classes(src, "return 1"), [Some(Block), Some(Statement)]);
        assert_eq!(classes(src, "1"), [Some(Expression)]);
    }

    #[test]
    fn match_statements_edit_their_code_not_their_patterns() {
        let src = "def f(cmd, n):\n    match cmd:\n        case [\"go\", x] if x > n:\n            return 3 * x\n        case _:\n            return n\n";
        // The subject, a guard and a case's body are ordinary code.
        assert_eq!(classes(src, "cmd"), [Some(Identifier), Some(Expression)]);
        assert_eq!(classes(src, "x > n"), [Some(Expression)]);
        assert_eq!(classes(src, "3 * x"), [Some(Expression)]);
        assert_eq!(classes(src, "return 3 * x"), [Some(Block), Some(Statement)]);
        // A pattern, and the body of `case` clauses, are not: no ordinary block or value may stand there.
        assert!(classes(src, "[\"go\", x]").iter().all(Option::is_none));
        assert!(classes(src, "x").iter().all(|c| *c != Some(Identifier)));
        let tree = parse(src);
        let body = tree
            .nodes()
            .iter()
            .find(|n| n.kind == "block" && n.parent.is_some_and(|p| tree.node(p).kind == "match_statement"));
        assert_eq!(body.map(|b| b.class), Some(None));
    }
}
