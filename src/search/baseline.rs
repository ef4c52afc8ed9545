//! The model-free baseline: blind mutation-based repair of the classic APR kind (DESIGN §6).
//!
//! [`single_edits`] enumerates every single edit of a program from a fixed menu: an operator swapped within its family,
//! an integer changed by ±1, set to 0/1/-1 or given a zero more or less (`50` ↔ `500`), `True`↔`False`, a string
//! replaced by a string of the tests that the program lacks ([`single_edits_with`], [`test_strings`]), a name (read or bound) replaced by another name of the
//! program and an attribute name by another, an expression replaced by another expression of the same program or by a
//! parameter of its function, a statement deleted (`pass`), a dropped result kept (`n // 10` → `n //= 10`),
//! neighbours swapped (call arguments, binary operands, tuple or list elements, a subscript's indices), a unary
//! `-`/`not` dropped, a called function or method swapped for its sibling (`min`/`max`, `strip`/`rstrip`:
//! [`SIBLING_NAMES`]), `while True` become a name its body reads, a recursive call become its argument (`yield
//! flatten(x)` → `yield x`), a returned `[]` become `[[]]`, a passed or iterated sequence given a slice of the
//! program (`b` → `b[1:]` beside `a[1:]`), and
//! small expressions over the parameters (`sketch.rs`: a stub body's `return E`, a
//! returned expression wrapped in `-`, `abs`, `max`…), and a passed, iterated or returned value wrapped in a
//! builtin (`reversed(words)`, [`CONVERSIONS`]). The function's header is left alone but for misspelt names: a
//! header name that occurs nowhere else becomes another name of the program, and a parameter a name its function reads
//! but never binds; a `while` body that never binds a name its condition reads ends with `v += 1` or `v -= 1`.
//! [`additive_edits`] adds code (a statement copied, a recursion's base case, a condition's clause).
//! [`error_edits`] supply what a failing test's error says is missing (a misspelt binding, an initialisation, a
//! builtin type's method): the likeliest of them go before everything else.
//! Code that is wrong whatever the tests say (a called literal, a value computed and dropped, a store nothing reads
//! ending a block, a function where a collection belongs: [`is_foreign_statement`])
//! gets mends: the statement deleted or become an initialisation of a local read before it is bound, one of its
//! function's returns or an accumulator's update, a callee become one of the program's callables, a truth test one of
//! a name; and, as rewrites, the statement become a binding of a local to a small value ([`lost_bindings`]).
//! Each single edit is of one of six tiers ([`Tier`]): a stub's body fitted to the tests' numeric examples, cued
//! code (what the function's name or docstring names), mends, the classic mutation operators (a token changed, a
//! name for its kin, an operand dropped or moved), other renames, and rewrites (a site replaced by other code of the program, or deleted). [`Baseline`] yields the error
//! edits, then the mends, then the rest of the single edits in seeded random order, tier by tier on lines the tests
//! suspect alike, then the additive ones and random compositions of 2–3 such edits taking turns, each a distinct
//! program (normalised AST).
//! It knows nothing of the tests but their string literals: the search runs them.

use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::localize::{self, Missing, Suspicion};
use super::propose::splice_checked;
use super::{examples, sketch};
use crate::exec::Tests;
use crate::noise::OPERATOR_FAMILIES;
use crate::syntax::{self, Edit, NodeId, NormalisedAst, ReplacementClass, Span, Tree, line_starts_at};

/// How many slices (`1:`, `:k`, and their other sides) a passed or iterated sequence may take (see
/// `single_edits_with`): the program's first ones.
const MAX_SLICES: usize = 4;

/// Sites larger than this (leaf tokens) are not replaced by other expressions: repairs are local.
const MAX_SITE_LEAVES: u32 = 12;

/// Functions and methods that stand in for each other: the bug that calls one where its sibling was meant
/// (`max(xs)` for `min(xs)`, `.rstrip()` for `.strip()`). Swapped where the name is called or is an attribute.
const SIBLING_NAMES: &[&[&str]] = &[
    &["min", "max"],
    &["any", "all"],
    &["sorted", "reversed"],
    &["floor", "ceil", "round"],
    &["lower", "upper"],
    &["startswith", "endswith"],
    &["strip", "lstrip", "rstrip"],
    &["find", "rfind", "index"],
    &["split", "rsplit"],
    &["append", "extend"],
    &["remove", "discard"],
    &["keys", "values", "items"],
    &["isdigit", "isalpha", "isalnum", "isspace"],
    &["isupper", "islower"],
    &["start", "end"],
];

/// Separators, as spelt between a string's quotes: a join or split on the wrong one is a one-token bug
/// (`"".join(words)` for `" ".join(words)`), and the right one is often in no string of the program or its tests.
const SEPARATORS: &[&str] = &["", " ", ",", ", ", "\\n", "-", "_", ":", ";", "."];

/// Builtins a value may be wrapped in where it is passed, iterated or returned (see [`single_edits_with`]).
const CONVERSIONS: &[&str] = &["reversed", "sorted", "list", "set", "len", "str", "int", "abs"];

/// One candidate single edit: replace the node at `span` (of `class`) with `text`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RawEdit {
    pub span: Span,
    pub class: ReplacementClass,
    pub text: String,
    pub tier: Tier,
}

/// Which of the menu's tiers an edit belongs to. Within a line's suspicion, the baseline tries them tier by tier
/// ([`tier_by_tier`]): a site replaced by each other expression of the program is most of a menu (hundreds of edits in
/// a 13-line function), and each name by each other name the next largest part, so in one seeded order a one-token bug
/// waited behind them (a wrong name in `merge_sorted`: 795 runs), while the classic mutation operators, the bugs a
/// competent programmer makes, are fewer. The model-ranked searches ignore tiers: the model's scores rank their menus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tier {
    /// A body for a stub or a function's lone statement that every numeric example of the tests fits, with examples
    /// to spare (`hours * 3600 + minutes * 60 + seconds`: [`examples::fitted_formula`]), or for a stub or a lone
    /// statement that reads none of its function's parameters, one that returns every example's label
    /// ([`examples::piecewise_body`], [`examples::decision_list`], [`examples::fitted_predicate`]): tried first,
    /// and ranked by the model search as sure.
    Fitted,
    /// A stub's candidate body, or a returned value's wrapping, that adds code the function's name or docstring
    /// names (`double` and `x * 2`, "the largest" and `max(`, `clamp` and `min(hi, max(x, lo))`:
    /// [`sketch::cue_markers`]): tried before the rest of its rank, simplest first, and ranked by the model search
    /// above the model's own scores.
    Cued,
    /// The repair of code that is wrong whatever the tests say: a grafted statement become an initialisation, one
    /// of its function's returns or an accumulator's update ([`is_foreign_statement`]), a called value's callee become
    /// one of the program's callables, a truth test that cannot be right one of a name, an expression that reads
    /// only names bound nowhere a parameter nothing reads. Few, so tried right after the edits the errors name, and ranked by the model search no lower than
    /// a fair model score.
    Mend,
    /// One token changed (an operator, a literal, a name for its kin, a sibling function, a test's string), a `± 1`, neighbours
    /// swapped, a unary operator, an operand or a call's argument dropped (a site becomes one of its own
    /// sub-expressions), a dropped result kept, a header's misspelt name, a missing `return v` or loop step.
    Classic,
    /// A name become another name of the program that is not its kin ([`kin_groups`]).
    Rename,
    /// A site replaced by another expression of the program or a parameter (classic where the site holds a name
    /// nothing else in the program spells: it looks grafted), a returned value wrapped in its
    /// function's terms, a passed, iterated or returned value wrapped in a builtin ([`CONVERSIONS`]), a statement
    /// deleted, a grafted statement become a local's binding to a small value ([`lost_bindings`]), a stub's other
    /// returns and idioms.
    Rewrite,
}

/// The names read in the subtree of `id` (not called ones, not attributes), each once, in order; builtins aside.
fn read_names(tree: &Tree, id: NodeId) -> Vec<&str> {
    let mut names = Vec::new();
    for n in (id..tree.node(id).subtree_end).map(|c| tree.node(c)) {
        let called = n.field == Some("function");
        if n.kind == "identifier" && n.class == Some(ReplacementClass::Expression) && !called {
            let text = tree.text(n.span);
            if !syntax::is_builtin(text) {
                push_new(&mut names, text);
            }
        }
    }
    names
}

/// Is the node a definition's own name (a function's or a class's)? Never renamed: the tests call the function, and
/// a helper's or a class's name is used elsewhere.
fn is_definition_name(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    node.field == Some("name")
        && node.parent.is_some_and(|p| matches!(tree.node(p).kind, "function_definition" | "class_definition"))
}

/// Is the node a top-level statement itself, or part of a top-level function's header (its name, parameters,
/// annotations, decorators: anything of it outside its body)?
fn in_header(tree: &Tree, id: NodeId) -> bool {
    let mut cursor = Some(id);
    while let Some(c) = cursor {
        let node = tree.node(c);
        if node.kind == "block" {
            return false;
        }
        if node.parent == Some(0) {
            return c == id || matches!(node.kind, "function_definition" | "decorated_definition");
        }
        cursor = node.parent;
    }
    false
}

/// The top-level function a node belongs to (through a decorated definition), if any.
fn top_function(tree: &Tree, id: NodeId) -> Option<NodeId> {
    let mut c = id;
    while let Some(p) = tree.node(c).parent.filter(|&p| p != 0) {
        c = p;
    }
    tree.as_function(c)
}

/// The names a name may become (see [`single_edits`]).
struct Names<'t> {
    /// Identifiers in value or binding position (not attribute names), the first definition's own name excluded.
    all: Vec<&'t str>,
    /// Attribute names outside the header.
    attributes: Vec<&'t str>,
    /// How many identifiers of the program spell each name.
    counts: HashMap<&'t str, usize>,
    /// Pairs of names introduced together ([`kin_groups`]), both orders.
    kin: HashSet<(&'t str, &'t str)>,
}

impl<'t> Names<'t> {
    fn of(tree: &'t Tree) -> Names<'t> {
        let function_name =
            tree.nodes().iter().find(|n| n.kind == "identifier" && n.field == Some("name")).map(|n| tree.text(n.span));
        let mut kin = HashSet::new();
        for group in kin_groups(tree) {
            for &a in &group {
                kin.extend(group.iter().filter(|&&b| b != a).map(|&b| (a, b)));
            }
        }
        let mut names = Names { all: Vec::new(), attributes: Vec::new(), counts: HashMap::new(), kin };
        for id in 0..tree.nodes().len() as NodeId {
            let node = tree.node(id);
            if node.kind != "identifier" {
                continue;
            }
            let text = tree.text(node.span);
            *names.counts.entry(text).or_default() += 1;
            if node.field == Some("attribute") {
                if !in_header(tree, id) {
                    push_new(&mut names.attributes, text);
                }
            } else if node.class.is_some() && Some(text) != function_name {
                push_new(&mut names.all, text);
            }
        }
        names
    }

    /// The tier of renaming `from` to `to`: classic between kin, else a rename of its own tier.
    fn rename_tier(&self, from: &str, to: &str) -> Tier {
        if self.kin.contains(&(from, to)) { Tier::Classic } else { Tier::Rename }
    }
}

/// Groups of names introduced together, the likeliest to be confused with each other (the wrong-name bug): the
/// parameters of one function (`a` for `b`), the names one assignment unpacks into (`rows, cols = …`), and the loop
/// variables of one function (`i` for `j`).
fn kin_groups(tree: &Tree) -> Vec<Vec<&str>> {
    const PATTERNS: &[&str] = &["pattern_list", "tuple_pattern", "list_pattern"];
    // The names a pattern binds, nested patterns included (`n, (m, p)`).
    fn identifiers<'t>(tree: &'t Tree, id: NodeId, out: &mut Vec<&'t str>) {
        for c in tree.children(id) {
            match tree.node(c).kind {
                "identifier" => push_new(out, tree.text(tree.node(c).span)),
                kind if PATTERNS.contains(&kind) => identifiers(tree, c, out),
                _ => {}
            }
        }
    }
    let mut groups = Vec::new();
    let mut loop_variables: HashMap<Option<NodeId>, Vec<&str>> = HashMap::new();
    for id in 0..tree.nodes().len() as NodeId {
        let node = tree.node(id);
        match node.kind {
            "function_definition" => groups.push(sketch::parameters(tree, id)),
            kind if PATTERNS.contains(&kind) && !node.parent.is_some_and(|p| PATTERNS.contains(&tree.node(p).kind)) => {
                let mut group = Vec::new();
                identifiers(tree, id, &mut group);
                groups.push(group);
            }
            "for_statement" | "for_in_clause" => {
                let variables = loop_variables.entry(sketch::enclosing_function(tree, id)).or_default();
                for target in tree.children(id).filter(|&c| tree.node(c).field == Some("left")) {
                    match tree.node(target).kind {
                        "identifier" => push_new(variables, tree.text(tree.node(target).span)),
                        _ => identifiers(tree, target, variables),
                    }
                }
            }
            _ => {}
        }
    }
    groups.extend(loop_variables.into_values());
    groups
}

fn push_new<'t>(list: &mut Vec<&'t str>, text: &'t str) {
    if !list.contains(&text) {
        list.push(text);
    }
}

/// The names a function's body reads that the function never binds and that are not builtins: where a parameter
/// is misspelt, the body reads the right name.
fn unbound_reads(tree: &Tree, function: NodeId) -> Vec<&str> {
    let (mut bound, mut read) = (HashSet::new(), Vec::new());
    for id in function..tree.node(function).subtree_end {
        let node = tree.node(id);
        if node.kind != "identifier" || node.field == Some("attribute") {
            continue;
        }
        // (A keyword argument's name binds nothing: `key` in `xs.sort(key=…)`.)
        let keyword =
            node.field == Some("name") && node.parent.is_some_and(|p| tree.node(p).kind == "keyword_argument");
        if keyword {
            continue;
        }
        let text = tree.text(node.span);
        match node.class {
            Some(ReplacementClass::Expression) if !in_header(tree, id) => push_new(&mut read, text),
            Some(ReplacementClass::Expression) => {}
            // Parameters, assignment and loop targets, definitions' names; and, with no class, the names that
            // imports, `global`, `with … as` and `except … as` bind.
            _ => {
                bound.insert(text);
            }
        }
    }
    read.into_iter().filter(|r| !bound.contains(r) && !syntax::is_builtin(r)).collect()
}

/// Does the expression read at least one name and only names the program binds nowhere (`unbound`)? Called names
/// and attributes aside: `(x < lo)`, `hi * 1`, not `len(x)`.
fn reads_only_unbound(tree: &Tree, id: NodeId, unbound: &[&str]) -> bool {
    let mut reads = (id..tree.node(id).subtree_end)
        .map(|n| tree.node(n))
        .filter(|n| n.kind == "identifier" && n.field != Some("attribute"))
        .peekable();
    reads.peek().is_some() && reads.all(|n| n.field != Some("function") && unbound.contains(&tree.text(n.span)))
}

/// Does the function's body (or any node's subtree: a loop's) read `name`?
fn reads_name(tree: &Tree, function: NodeId, name: &str) -> bool {
    (function..tree.node(function).subtree_end).any(|n| {
        let node = tree.node(n);
        node.kind == "identifier"
            && node.class == Some(ReplacementClass::Expression)
            && !in_header(tree, n)
            && tree.text(node.span) == name
    })
}

/// If `id` is a function's body whose last statement is no `return` or `raise` (nor a docstring, nor `pass`:
/// a stub has its own menu), that function.
fn falls_off_its_end(tree: &Tree, id: NodeId) -> Option<NodeId> {
    let function = tree.node(id).parent.filter(|&f| tree.node(f).kind == "function_definition")?;
    let last = tree.children(id).filter(|&c| !tree.node(c).extra).last()?;
    let ends = matches!(tree.node(last).kind, "return_statement" | "raise_statement" | "pass_statement");
    // (A bare string ends it only as its docstring: a stray one is what a `pass` is, below.)
    (!ends && !is_docstring_in_place(tree, last)).then_some(function)
}

/// Is the expression wrong whatever the program is for: a literal, an operator's result or a value builtin's result
/// called (`'['(s)`, `(i + 1)(s)`, `len(arr)(x)`; a lambda called in place is rare enough), a literal whose type
/// lacks the attribute read of it, a literal compared with literals only (`10 == ')'`)? Corruptions that graft
/// foreign code leave such sites.
fn cannot_be_right(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    let Some(parent_id) = node.parent else { return false };
    let parent = tree.node(parent_id);
    // A docstring's text as a value (`groupby("""Write a function …""")`): what grafts from other functions bring.
    if node.kind == "string" && parent.kind != "expression_statement" && parent.kind != "concatenated_string" {
        let quoted = tree.text(node.span).trim_start_matches(|c: char| c.is_ascii_alphabetic());
        if quoted.starts_with("\"\"\"") || quoted.starts_with("'''") {
            return true;
        }
    }
    let constant = |kind: &str| sketch::is_literal(kind) || matches!(kind, "list" | "tuple" | "dictionary" | "set");
    match parent.kind {
        "call" if node.field == Some("function") => {
            let value_builtin =
                |f: NodeId| VALUE_BUILTINS.contains(&tree.text(tree.node(f).span)) && unbound_builtin(tree, f);
            // A value builtin's result dropped (`str(x)` alone where `out.append(x)` was), or called.
            let dropped =
                parent.parent.is_some_and(|s| tree.node(s).kind == "expression_statement") && value_builtin(id);
            dropped
                || constant(node.kind)
                || matches!(
                    node.kind,
                    "binary_operator"
                        | "comparison_operator"
                        | "boolean_operator"
                        | "not_operator"
                        | "unary_operator"
                        | "parenthesized_expression"
                )
                || (node.kind == "call"
                    && tree.children(id).find(|&c| tree.node(c).field == Some("function")).is_some_and(value_builtin))
                || builtin_miscalled(tree, id)
        }
        "comparison_operator" => {
            let children = || tree.children(parent_id).map(|c| tree.node(c)).filter(|c| !c.extra);
            let operands = || children().filter(|c| c.named);
            let ordering =
                children().filter(|c| !c.named).all(|c| matches!(tree.text(c.span), "<" | ">" | "<=" | ">="));
            // (A builtin equal to a literal never is: `len == 9` where `res` was.)
            let beside_literal = operands().any(|c| sketch::is_literal(c.kind));
            (sketch::is_literal(node.kind) && operands().count() >= 2 && operands().all(|c| sketch::is_literal(c.kind)))
                || ((ordering || beside_literal) && unbound_builtin(tree, id))
        }
        // A loop over its own variable (`for i, c in c:` where `enumerate(s)` was).
        "for_statement" if node.field == Some("right") && node.kind == "identifier" => {
            let left = tree.children(parent_id).find(|&c| tree.node(c).field == Some("left"));
            let text = tree.text(node.span);
            let targets = |l: NodeId| -> Vec<NodeId> {
                match tree.node(l).kind {
                    "pattern_list" | "tuple_pattern" => tree.named_children(l).collect(),
                    _ => vec![l],
                }
            };
            left.is_some_and(|l| {
                targets(l)
                    .into_iter()
                    .any(|v| tree.node(v).kind == "identifier" && tree.text(tree.node(v).span) == text)
            })
        }
        "binary_operator" => unbound_builtin(tree, id),
        // A builtin or one of the program's functions where a collection belongs (`sorted(list(max))`,
        // `sorted(rolling_max)` in `rolling_max` itself).
        "argument_list" if node.kind == "identifier" => {
            let callee = parent.parent.and_then(|c| tree.children(c).find(|&f| tree.node(f).field == Some("function")));
            callee.is_some_and(|f| ITERABLE_TAKERS.contains(&tree.text(tree.node(f).span)) && unbound_builtin(tree, f))
                && (unbound_builtin(tree, id) || is_program_function(tree, id))
        }
        // An attribute the program never sets read off one of its functions (`sum_product.append(x)`).
        "attribute" if node.field == Some("object") && node.kind == "identifier" => {
            let attribute = tree.children(parent_id).find(|&c| tree.node(c).field == Some("attribute"));
            let set = |a: &str| {
                let suffix = format!(".{a}");
                tree.nodes()
                    .iter()
                    .any(|n| n.kind == "attribute" && n.field == Some("left") && tree.text(n.span).ends_with(&suffix))
            };
            attribute.map(|a| tree.text(tree.node(a).span)).is_some_and(|a| !a.starts_with("__") && !set(a))
                && is_program_function(tree, id)
        }
        // A literal whose type lacks the attribute read of it (`"L".append(x)`, `[].upper()`).
        "attribute" if node.field == Some("object") => {
            let type_name = match node.kind {
                "string" if tree.text(node.span).split(['"', '\'']).next().is_some_and(|p| p.contains(['b', 'B'])) => {
                    "bytes"
                }
                "string" => "str",
                "integer" => "int",
                "float" => "float",
                "list" | "list_comprehension" => "list",
                "dictionary" | "dictionary_comprehension" => "dict",
                "set" | "set_comprehension" => "set",
                "tuple" => "tuple",
                _ => return false,
            };
            let attribute = tree
                .children(parent_id)
                .find(|&c| tree.node(c).field == Some("attribute"))
                .map(|c| tree.text(tree.node(c).span));
            attribute.is_some_and(|a| !a.starts_with('_') && !builtin_attributes(type_name).contains(&a))
        }
        _ => false,
    }
}

/// Builtins whose result is never callable: `len(arr)(x)` is a graft over `len(x)`. (`min`, `max` and kin may
/// pick a function from a list.)
const VALUE_BUILTINS: [&str; 30] = [
    "len",
    "str",
    "int",
    "float",
    "bool",
    "list",
    "dict",
    "set",
    "tuple",
    "frozenset",
    "sum",
    "abs",
    "sorted",
    "reversed",
    "range",
    "enumerate",
    "zip",
    "round",
    "ord",
    "chr",
    "repr",
    "any",
    "all",
    "hash",
    "divmod",
    "isinstance",
    "bin",
    "hex",
    "oct",
    "format",
];

/// Builtins whose positional arguments are collections (or, for `max` and `min`, values to compare): a function
/// there is a graft.
const ITERABLE_TAKERS: [&str; 15] = [
    "len",
    "list",
    "set",
    "tuple",
    "frozenset",
    "dict",
    "sum",
    "sorted",
    "reversed",
    "enumerate",
    "zip",
    "any",
    "all",
    "max",
    "min",
];

/// Builtins a callee may have been, commonest first, with the positional arguments each takes (fewest, most): a
/// grafted callee's call still passes what the builtin was given (`min(len(x) for x in xs)` under a docstring's
/// text, `filter(f, xs)` under `10`).
#[rustfmt::skip]
const CALLEE_BUILTINS: [(&str, usize, usize); 28] = [
    ("len", 1, 1), ("str", 0, 3), ("int", 0, 2), ("list", 0, 1), ("range", 1, 3), ("sum", 1, 2), ("max", 1, MANY),
    ("min", 1, MANY), ("sorted", 1, 1), ("set", 0, 1), ("tuple", 0, 1), ("abs", 1, 1), ("zip", 0, MANY),
    ("map", 2, MANY), ("filter", 2, 2), ("enumerate", 1, 2), ("isinstance", 2, 2), ("any", 1, 1), ("all", 1, 1),
    ("float", 0, 1), ("dict", 0, 1), ("round", 1, 2), ("reversed", 1, 1), ("ord", 1, 1), ("chr", 1, 1),
    ("divmod", 2, 2), ("pow", 2, 3), ("bool", 0, 1),
];

/// No bound on a builtin's positional arguments (`max(a, b, c)`).
const MANY: usize = usize::MAX;

/// The positional arguments a call passes (keywords aside); `None` when a `*args` hides how many.
fn positional_arguments(tree: &Tree, call: NodeId) -> Option<usize> {
    let arguments = tree.children(call).find(|&c| tree.node(c).field == Some("arguments"))?;
    if tree.node(arguments).kind == "generator_expression" {
        return Some(1);
    }
    let mut count = 0;
    for argument in tree.named_children(arguments) {
        match tree.node(argument).kind {
            "list_splat" => return None,
            "keyword_argument" | "dictionary_splat" => {}
            _ => count += 1,
        }
    }
    Some(count)
}

/// The builtins of [`CALLEE_BUILTINS`] that take as many positional arguments as the call passes (any that takes
/// one or more, when a `*args` hides the count).
fn builtins_taking(tree: &Tree, call: NodeId) -> impl Iterator<Item = &'static str> {
    let count = positional_arguments(tree, call);
    CALLEE_BUILTINS
        .iter()
        .filter(move |&&(_, fewest, most)| count.map_or(most >= 1, |n| (fewest..=most).contains(&n)))
        .map(|&(name, _, _)| name)
}

/// Is the node a call's builtin callee (one the program does not bind) given more or fewer positional arguments
/// than it takes (`list(x, list)` where `isinstance(x, list)` was)?
fn builtin_miscalled(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    let Some(call) = node.parent.filter(|&c| tree.node(c).kind == "call" && node.field == Some("function")) else {
        return false;
    };
    let text = tree.text(node.span);
    let Some(&(_, fewest, most)) = CALLEE_BUILTINS.iter().find(|b| b.0 == text) else { return false };
    unbound_builtin(tree, id) && positional_arguments(tree, call).is_some_and(|n| n < fewest || n > most)
}

/// Is the callee a name bound only as the variable of loops over numbers or pairs (`tup2(…)` beside `for tup1, tup2
/// in zip(…)`: no function; a loop over a list of functions, `for f in funcs`, may call its variable)?
fn called_value(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    if node.kind != "identifier" || syntax::is_builtin(tree.text(node.span)) {
        return false;
    }
    let loop_variable = |b: NodeId| {
        let mut cursor = b;
        while let Some(parent) = tree.node(cursor).parent {
            match tree.node(parent).kind {
                "for_statement" | "for_in_clause" => {
                    let over = tree.children(parent).find(|&c| tree.node(c).field == Some("right"));
                    let over = over.map_or("", |o| tree.text(tree.node(o).span));
                    let of_values = ["range(", "zip(", "enumerate("].iter().any(|m| over.starts_with(m))
                        || over.ends_with(".items()");
                    return tree.node(cursor).field == Some("left") && of_values;
                }
                "pattern_list" | "tuple_pattern" | "list_pattern" | "parenthesized_expression" | "tuple" => {
                    cursor = parent
                }
                _ => return false,
            }
        }
        false
    };
    let text = tree.text(node.span);
    let definitions = (0..tree.nodes().len() as NodeId)
        .filter(|&d| tree.node(d).kind == "identifier" && tree.text(tree.node(d).span) == text)
        .filter(|&d| is_binding(tree, d) || is_definition_name(tree, d));
    let mut definitions = definitions.peekable();
    definitions.peek().is_some() && definitions.all(loop_variable)
}

/// Is the node the name of a function the program defines, and binds nothing else to?
fn is_program_function(tree: &Tree, id: NodeId) -> bool {
    let text = tree.text(tree.node(id).span);
    let named = |n: NodeId| tree.text(tree.node(n).span) == text;
    let all = || 0..tree.nodes().len() as NodeId;
    let defines = |d: NodeId| {
        is_definition_name(tree, d) && tree.node(d).parent.is_some_and(|f| tree.node(f).kind == "function_definition")
    };
    tree.node(id).kind == "identifier"
        && all().any(|d| defines(d) && named(d))
        && !all().any(|b| is_binding(tree, b) && named(b))
}

/// Is the node a builtin's name (`len`, `str`, `bool`) that the program does not bind? As an operand of
/// arithmetic or of an ordering (`bool > 0`, `n % len`) it is a graft: `type(x) == int` compares a type rightly.
fn unbound_builtin(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    let text = tree.text(node.span);
    node.kind == "identifier"
        && syntax::is_builtin(text)
        && !(0..tree.nodes().len() as NodeId).any(|b| is_binding(tree, b) && tree.text(tree.node(b).span) == text)
}

/// If `id` is a `pass` (or a stray string, no docstring) that ends a function's body holding other statements (a docstring aside: a stub has its own
/// menu), that function.
fn pass_ending_a_body(tree: &Tree, id: NodeId) -> Option<NodeId> {
    let body = tree.node(id).parent?;
    let function = tree.node(body).parent.filter(|&f| tree.node(f).kind == "function_definition")?;
    let statements: Vec<NodeId> = tree.children(body).filter(|&c| !tree.node(c).extra).collect();
    let (&last, others) = statements.split_last()?;
    let does_something = others.iter().any(|&s| !tree.is_docstring(s));
    let idle = tree.node(id).kind == "pass_statement" || (tree.is_docstring(id) && !is_docstring_in_place(tree, id));
    (last == id && idle && does_something).then_some(function)
}

/// Is the statement grafted over another, whatever the tests say? It holds a site that cannot be right, or computes
/// a value and drops it (`n % i` alone, a string that is no docstring), or adds to a name nothing else in its
/// function binds (`even_count += 1` where `return True` was), or ends its block by storing into a name nothing in
/// its function reads after it (`a = None` where `return '1'` was, `sub = 1` where `return True` was; anywhere in its
/// block where a name is read and bound nowhere), or a `return` with statements after it, or, a simple statement that stores nothing, reads as a value a name the
/// program binds nowhere (`return res.lower()` where `running_max = …` was; not a called name, nor a capitalised
/// one, `MAX_N` or `TreeNode`: those may live in the file around the function).
///
/// `nonsense` holds [`cannot_be_right`] of every node of the tree (computed once per menu), `unbound` the names the
/// program reads and binds nowhere ([`unbound_reads`]).
fn is_foreign_statement(tree: &Tree, id: NodeId, nonsense: &[bool], unbound: &[&str]) -> bool {
    let node = tree.node(id);
    if nonsense[id as usize..node.subtree_end as usize].iter().any(|&n| n) {
        return true;
    }
    let compound = tree.children(id).any(|c| tree.node(c).kind == "block");
    let reads_unbound = (id..node.subtree_end).any(|r| {
        let read = tree.node(r);
        let name = tree.text(read.span);
        read.kind == "identifier"
            && read.class == Some(ReplacementClass::Expression)
            && !matches!(read.field, Some("attribute" | "function"))
            && unbound.contains(&name)
            && name.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
    });
    // (A store is left to the rules below: `mean = sum(numbers) / date.split` keeps its target, its value holds the
    // graft.)
    let stores = tree.children(id).any(|c| matches!(tree.node(c).kind, "assignment" | "augmented_assignment"));
    if !compound && !stores && reads_unbound {
        return true;
    }
    // A `return` with statements after it in its block leaves them dead: nobody writes that.
    if node.kind == "return_statement"
        && node.parent.is_some_and(|b| tree.children(b).skip_while(|&c| c != id).skip(1).any(|c| !tree.node(c).extra))
    {
        return true;
    }
    let named: Vec<&syntax::Node> = tree.named_children(id).map(|c| tree.node(c)).collect();
    if node.kind == "expression_statement"
        && !is_docstring_in_place(tree, id)
        && let [value] = named.as_slice()
        && (sketch::is_literal(value.kind)
            || matches!(
                value.kind,
                "identifier"
                    | "binary_operator"
                    | "comparison_operator"
                    | "boolean_operator"
                    | "not_operator"
                    | "unary_operator"
                    | "subscript"
                    | "list"
                    | "tuple"
                    | "dictionary"
                    | "set"
            ))
    {
        return true;
    }
    let Some(store) = tree.children(id).find(|&c| matches!(tree.node(c).kind, "assignment" | "augmented_assignment"))
    else {
        return false;
    };
    let Some(target) = tree.children(store).find(|&c| tree.node(c).field == Some("left")) else { return false };
    let name = tree.text(tree.node(target).span);
    if tree.node(target).kind != "identifier" || name.starts_with('_') {
        return false;
    }
    // Within its function: a store there makes the name local to it.
    let scope =
        sketch::enclosing_function(tree, id).map_or(0..tree.nodes().len() as NodeId, |f| f..tree.node(f).subtree_end);
    // Does the function spell the name (read, or bound) at a node `counts` keeps?
    let spelt = |read: bool, counts: &dyn Fn(NodeId) -> bool| {
        scope.clone().filter(|&o| counts(o)).any(|o| {
            let n = tree.node(o);
            o != target
                && n.kind == "identifier"
                && n.field != Some("attribute")
                && (n.class == Some(ReplacementClass::Expression)) == read
                && tree.text(n.span) == name
        })
    };
    let last = node.parent.and_then(|b| tree.children(b).filter(|&c| !tree.node(c).extra).last()) == Some(id);
    // (Not only last in its block where the program reads a name bound nowhere: the store took its binding's
    // place, `total = 1` where `e = match.end()` was.)
    match tree.node(store).kind {
        "augmented_assignment" => !spelt(false, &|_| true),
        // (Dead: nothing reads the name after it, nor anywhere in a loop around it, `y = True` where a lambda
        // read `y` before.)
        _ => {
            let mut outermost_loop = None;
            let mut cursor = innermost_loop(tree, id);
            while let Some(l) = cursor {
                outermost_loop = Some(l);
                cursor = innermost_loop(tree, l);
            }
            // (A function or lambda in it may run later: its read of the name counts wherever it is, unless the
            // name is its own parameter, `lambda x, y: x - y`.)
            let deferred = |o: NodeId| {
                let mut cursor = tree.node(o).parent;
                while let Some(c) = cursor.filter(|&c| scope.contains(&c) && c != scope.start) {
                    if matches!(tree.node(c).kind, "function_definition" | "lambda") {
                        let parameters = tree.children(c).find(|&p| tree.node(p).field == Some("parameters"));
                        return !parameters.is_some_and(|p| {
                            (p..tree.node(p).subtree_end)
                                .any(|i| tree.node(i).kind == "identifier" && tree.text(tree.node(i).span) == name)
                        });
                    }
                    cursor = tree.node(c).parent;
                }
                false
            };
            let later = |o: NodeId| {
                o >= node.subtree_end
                    || outermost_loop.is_some_and(|l| (l..tree.node(l).subtree_end).contains(&o))
                    || deferred(o)
            };
            // (Nor a `global` or `nonlocal` name: the store outlives the call.)
            let declared = scope.clone().any(|o| {
                matches!(tree.node(o).kind, "global_statement" | "nonlocal_statement")
                    && tree.named_children(o).any(|n| tree.text(tree.node(n).span) == name)
            });
            (last || !unbound.is_empty()) && !spelt(true, &later) && !declared
        }
    }
}

/// The locals of a function that are read before (or as) they are first bound (`max_depth = max(d, max_depth)`
/// with no `max_depth = 0` before it), with where the first read starts: the missing initialisation. Only names the
/// function binds by assignment or `for` alone (a comprehension's or a lambda's variable is read before its
/// clause binds it), and not its parameters.
fn read_before_bound(tree: &Tree, function: NodeId) -> Vec<(&str, u32)> {
    let mut first_read: HashMap<&str, u32> = HashMap::new();
    let mut bound_at: HashMap<&str, u32> = HashMap::new();
    let mut otherwise_bound: HashSet<&str> = sketch::parameters(tree, function).into_iter().collect();
    let mut order = Vec::new();
    for id in function + 1..tree.node(function).subtree_end {
        let node = tree.node(id);
        if node.kind != "identifier" || node.field == Some("attribute") || in_header(tree, id) {
            continue;
        }
        let text = tree.text(node.span);
        let parent = node.parent.map(|p| (p, tree.node(p).kind));
        match (node.class, parent) {
            (Some(ReplacementClass::Expression), _) => {
                first_read.entry(text).or_insert(node.span.start);
            }
            // An assignment binds once its right side is evaluated; an augmented one reads first.
            (_, Some((p, "assignment" | "augmented_assignment"))) if node.field == Some("left") => {
                if tree.node(p).kind == "augmented_assignment" {
                    first_read.entry(text).or_insert(node.span.start);
                }
                bound_at.entry(text).or_insert(tree.node(p).span.end);
                push_new(&mut order, text);
            }
            (_, Some((_, "for_statement"))) if node.field == Some("left") => {
                bound_at.entry(text).or_insert(node.span.start);
                push_new(&mut order, text);
            }
            _ => {
                otherwise_bound.insert(text);
            }
        }
    }
    order
        .into_iter()
        .filter(|n| !otherwise_bound.contains(n))
        .filter_map(|n| Some((n, *first_read.get(n)?)).filter(|&(_, r)| r < bound_at[n]))
        .collect()
}

/// Is the statement a bare string where a docstring goes, first in a function's, a class's or the module's body?
/// Anywhere else a bare string is a graft (HumanEval-repair's corruptions leave other functions' docstrings in a
/// loop), or a comment that deleting would not change.
fn is_docstring_in_place(tree: &Tree, id: NodeId) -> bool {
    let first = |body: NodeId| tree.children(body).find(|&c| !tree.node(c).extra) == Some(id);
    tree.is_docstring(id)
        && tree.node(id).parent.is_some_and(|b| {
            first(b)
                && (b == 0
                    || tree
                        .node(b)
                        .parent
                        .is_some_and(|d| matches!(tree.node(d).kind, "function_definition" | "class_definition")))
        })
}

/// The names the `for` loops around a node bind (within its function), outermost loop first.
fn loop_variables(tree: &Tree, id: NodeId) -> Vec<&str> {
    let mut loops = Vec::new();
    let mut cursor = tree.node(id).parent;
    while let Some(c) = cursor {
        match tree.node(c).kind {
            "for_statement" => loops.push(c),
            "function_definition" | "class_definition" | "lambda" => break,
            _ => {}
        }
        cursor = tree.node(c).parent;
    }
    let mut names = Vec::new();
    for &l in loops.iter().rev() {
        let Some(left) = tree.children(l).find(|&c| tree.node(c).field == Some("left")) else { continue };
        for i in left..tree.node(left).subtree_end {
            if tree.node(i).kind == "identifier" {
                push_new(&mut names, tree.text(tree.node(i).span));
            }
        }
    }
    names
}

/// Is the node the condition of an `if`, `elif` or `while`?
fn is_condition(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    node.field == Some("condition")
        && node.parent.is_some_and(|p| matches!(tree.node(p).kind, "if_statement" | "elif_clause" | "while_statement"))
}

/// The innermost `for` or `while` loop around a node, within its function.
fn innermost_loop(tree: &Tree, id: NodeId) -> Option<NodeId> {
    let mut cursor = tree.node(id).parent;
    while let Some(c) = cursor {
        match tree.node(c).kind {
            "for_statement" | "while_statement" => return Some(c),
            "function_definition" | "class_definition" | "lambda" => return None,
            _ => cursor = tree.node(c).parent,
        }
    }
    None
}

/// The plain and augmented assignments of a function's locals (by an identifier target), in order.
fn local_stores(tree: &Tree, function: NodeId) -> Vec<(&str, NodeId)> {
    (function + 1..tree.node(function).subtree_end)
        .filter(|&a| matches!(tree.node(a).kind, "assignment" | "augmented_assignment"))
        .filter(|&a| sketch::enclosing_function(tree, a) == Some(function))
        .filter_map(|a| {
            let target = tree.children(a).find(|&c| tree.node(c).field == Some("left"))?;
            (tree.node(target).kind == "identifier").then(|| (tree.text(tree.node(target).span), a))
        })
        .collect()
}

/// What a statement grafted over a binding of a local may have been: an update of an accumulator (`prod_value *=
/// n` for a local bound once to a literal before the loop and never after) by a variable of its loop, the same
/// update of another local where it updates a name nothing else stores (`depth -= 1` for `x -= 1`), and `y = E` for
/// up to [`MAX_LOST_TARGETS`] locals `y` it may have bound (its own target, a local read before it is bound, a name
/// read after it and bound nowhere, the function's other stored locals; only those something outside it reads) with
/// `E` over the names in scope there ([`sketch::assigned_values`]). The updates are few, the values many; the
/// values holding what the local's name names are few again, and so are a name bound nowhere's initial values
/// ([`initial_values_by_use`]).
fn lost_bindings(tree: &Tree, function: NodeId, statement: NodeId, unbound: &[&str]) -> LostBindings {
    let stores = local_stores(tree, function);
    let start = tree.node(statement).span.start;
    let inside = |a: NodeId| statement <= a && a < tree.node(statement).subtree_end;
    let loops = loop_variables(tree, statement);
    let parameters = sketch::parameters(tree, function);
    let mut updates = Vec::new();
    if let Some(innermost) = innermost_loop(tree, statement) {
        for (name, a) in &stores {
            let once = stores.iter().filter(|(n, _)| n == name).count() == 1;
            let literal = tree.node(*a).kind == "assignment"
                && tree.named_children(*a).nth(1).is_some_and(|v| sketch::is_literal(tree.node(v).kind));
            let before = tree.node(*a).span.end <= tree.node(innermost).span.start;
            if once && literal && before && !parameters.contains(name) {
                for x in loops.iter().rev() {
                    for op in ["+=", "-=", "*="] {
                        updates.push(format!("{name} {op} {x}"));
                    }
                }
            }
        }
    }
    // An update of a name nothing else stores (`x -= 1` where `depth -= 1` was): the same update of each local.
    if let [store] = tree.named_children(statement).collect::<Vec<_>>()[..]
        && tree.node(store).kind == "augmented_assignment"
        && let Some(&(target, _)) = stores.iter().find(|&&(_, a)| a == store)
        && stores.iter().all(|&(n, a)| n != target || a == store)
    {
        let rest = &tree.text(tree.node(statement).span)[target.len()..];
        for (name, _) in &stores {
            if *name != target && !updates.contains(&format!("{name}{rest}")) {
                updates.push(format!("{name}{rest}"));
            }
        }
    }
    let mut targets: Vec<&str> = Vec::new();
    for (name, a) in &stores {
        if inside(*a) {
            push_new(&mut targets, name);
        }
    }
    for (name, read) in read_before_bound(tree, function) {
        if read > start {
            push_new(&mut targets, name);
        }
    }
    // A name read after the statement and bound nowhere (`if distance < threshold` with no `distance = …`).
    for id in tree.node(statement).subtree_end..tree.node(function).subtree_end {
        let node = tree.node(id);
        let name = tree.text(node.span);
        if node.kind == "identifier" && node.field != Some("attribute") && unbound.contains(&name) {
            push_new(&mut targets, name);
        }
    }
    for (name, _) in &stores {
        push_new(&mut targets, name);
    }
    // A binding nothing reads is no repair.
    let read_outside = |name: &str| {
        (function + 1..tree.node(function).subtree_end).any(|r| {
            let n = tree.node(r);
            !inside(r)
                && n.kind == "identifier"
                && n.class == Some(ReplacementClass::Expression)
                && n.field != Some("attribute")
                && tree.text(n.span) == name
        })
    };
    targets.retain(|t| read_outside(t));
    let mut lost = LostBindings { updates, cued: Vec::new(), values: Vec::new() };
    for target in targets.into_iter().take(MAX_LOST_TARGETS) {
        let mut names = Vec::new();
        if stores.iter().any(|&(n, a)| n == target && tree.node(a).span.end <= start) {
            names.push(target);
        }
        for &v in &loops {
            push_new(&mut names, v);
        }
        for &(n, a) in &stores {
            if tree.node(a).span.end <= start && !inside(a) {
                push_new(&mut names, n);
            }
        }
        for &p in &parameters {
            push_new(&mut names, p);
        }
        // A name bound nowhere was initialised: the empty value its uses ask for first (`word_len = []` for
        // `word_len.append(x)`).
        if unbound.contains(&target) {
            for v in initial_values_by_use(tree, function, target) {
                lost.cued.push(format!("{target} = {v}"));
            }
        }
        // Or bound like its siblings (`e = match.end()` beside `s = match.start()`).
        for v in parallel_values(tree, function, target) {
            lost.cued.push(format!("{target} = {v}"));
        }
        // The local's own name may say what it holds (`distance`: `abs(`, `running_max`: `max(`).
        let cues = sketch::words_cues(target);
        for e in sketch::assigned_values(&names) {
            let cued = cues.iter().any(|m| e.contains(m));
            (if cued { &mut lost.cued } else { &mut lost.values }).push(format!("{target} = {e}"));
        }
    }
    lost
}

/// The reads of a local in the value of its own first binding, outside loops (`area = (area + 1) * r` with no `area`
/// bound before): they raise, so they stand where something else was, as a lonely name does.
fn reads_of_own_unbound_target(tree: &Tree) -> Vec<Span> {
    let mut out = Vec::new();
    for a in 0..tree.nodes().len() as NodeId {
        if tree.node(a).kind != "assignment" || innermost_loop(tree, a).is_some() {
            continue;
        }
        let Some(function) = sketch::enclosing_function(tree, a) else { continue };
        let left = tree.children(a).find(|&c| tree.node(c).field == Some("left"));
        let right = tree.children(a).find(|&c| tree.node(c).field == Some("right"));
        let (Some(left), Some(right)) = (left, right) else { continue };
        let target = tree.text(tree.node(left).span);
        if tree.node(left).kind != "identifier" {
            continue;
        }
        let reads: Vec<Span> = (right..tree.node(right).subtree_end)
            .map(|r| tree.node(r))
            .filter(|r| r.kind == "identifier" && r.field != Some("attribute") && tree.text(r.span) == target)
            .map(|r| r.span)
            .collect();
        // (Checked only for the rare binding that reads its own target.)
        let bound_before = || {
            sketch::parameters(tree, function).contains(&target)
                || (function..a).any(|b| is_binding(tree, b) && tree.text(tree.node(b).span) == target)
        };
        if !reads.is_empty() && !bound_before() {
            out.extend(reads);
        }
    }
    out
}

/// What a local of `function` may have been bound to by analogy with its siblings: each other one-line
/// assignment's value with a called name swapped for its sibling (`match.end()` beside `s = match.start()`), or a
/// parameter it reads replaced by a parameter no such value reads (`len(Y)` beside `m = len(X)` and `o = len(Z)`).
fn parallel_values(tree: &Tree, function: NodeId, target: &str) -> Vec<String> {
    let parameters = sketch::parameters(tree, function);
    let mut values: Vec<NodeId> = Vec::new();
    for id in function + 1..tree.node(function).subtree_end {
        if tree.node(id).kind != "assignment" || sketch::enclosing_function(tree, id) != Some(function) {
            continue;
        }
        let left = tree.children(id).find(|&c| tree.node(c).field == Some("left"));
        let right = tree.children(id).find(|&c| tree.node(c).field == Some("right"));
        if let (Some(left), Some(right)) = (left, right)
            && tree.node(left).kind == "identifier"
            && tree.text(tree.node(left).span) != target
            && !tree.text(tree.node(right).span).contains('\n')
            && !sketch::is_literal(tree.node(right).kind)
        {
            values.push(right);
        }
    }
    let texts: Vec<&str> = values.iter().map(|&v| tree.text(tree.node(v).span)).collect();
    let unused: Vec<&str> =
        parameters.iter().copied().filter(|p| !values.iter().any(|&v| reads_name(tree, v, p))).collect();
    let mut out: Vec<String> = Vec::new();
    for (&value, text) in values.iter().zip(&texts) {
        let base = tree.node(value).span.start;
        for id in value..tree.node(value).subtree_end {
            let node = tree.node(id);
            if node.kind != "identifier" {
                continue;
            }
            let name = tree.text(node.span);
            let (from, to) = ((node.span.start - base) as usize, (node.span.end - base) as usize);
            let with = |other: &str| format!("{}{other}{}", &text[..from], &text[to..]);
            let called = matches!(node.field, Some("attribute" | "function"));
            if called && let Some(family) = SIBLING_NAMES.iter().find(|f| f.contains(&name)) {
                for other in family.iter().filter(|&&o| o != name) {
                    out.push(with(other));
                }
            }
            if node.field != Some("attribute") && parameters.contains(&name) {
                for other in &unused {
                    out.push(with(other));
                }
            }
        }
    }
    out.retain(|v| !texts.contains(&v.as_str()));
    let mut seen = HashSet::new();
    out.retain(|v| seen.insert(v.clone()));
    out
}

/// [`INITIAL_VALUES`] for a local of `function`, the one its uses ask for first: a list for `name.append(…)`, a
/// set for `name.add(…)`, a dict for `name[k] = …` or `name.items()`, a number for `name += …`, a string for
/// `name += '…'`.
fn initial_values_by_use(tree: &Tree, function: NodeId, name: &str) -> Vec<&'static str> {
    let mut first: Option<&'static str> = None;
    for id in function + 1..tree.node(function).subtree_end {
        let node = tree.node(id);
        if first.is_some() {
            break;
        }
        if node.kind != "identifier" || tree.text(node.span) != name {
            continue;
        }
        let Some(parent) = node.parent.map(|p| (p, tree.node(p))) else { continue };
        let sibling_text = |field: &str| {
            tree.children(parent.0).find(|&c| tree.node(c).field == Some(field)).map(|c| tree.text(tree.node(c).span))
        };
        first = match (parent.1.kind, node.field) {
            ("attribute", Some("object")) => match sibling_text("attribute") {
                Some("append" | "extend" | "insert" | "pop" | "sort" | "reverse" | "remove") => Some("[]"),
                Some("add" | "discard" | "union" | "intersection") => Some("set()"),
                Some("items" | "keys" | "values" | "get" | "setdefault" | "update") => Some("{}"),
                _ => None,
            },
            ("subscript", Some("value"))
                if parent.1.parent.is_some_and(|a| {
                    tree.node(a).kind == "assignment"
                        && tree.children(a).find(|&c| tree.node(c).field == Some("left")) == Some(parent.0)
                }) =>
            {
                Some("{}")
            }
            ("augmented_assignment", Some("left")) => {
                let value = tree.children(parent.0).find(|&c| tree.node(c).field == Some("right"));
                match value.map(|v| tree.node(v).kind) {
                    Some("string") => Some("\"\""),
                    Some("list" | "list_comprehension") => Some("[]"),
                    _ if tree.text(parent.1.span).contains("*=") => Some("1"),
                    _ => Some("0"),
                }
            }
            _ => None,
        };
    }
    let mut out: Vec<&'static str> = first.into_iter().collect();
    for v in INITIAL_VALUES.iter().chain(&["set()"]) {
        if !out.contains(v) {
            out.push(v);
        }
    }
    out
}

/// What [`lost_bindings`] finds a grafted statement may have been.
struct LostBindings {
    /// Updates of an accumulator or of another local (`prod_value *= n`): few.
    updates: Vec<String>,
    /// Bindings whose value holds code the local's name names ([`sketch::words_cues`]): few.
    cued: Vec<String>,
    /// The other bindings: many.
    values: Vec<String>,
}

/// A function's own `return` statements (one line each, in order, each once), and for one returning a literal the
/// same with the literal's nearest kin (`True` for `False`, `1` for `0`, `'1'` for `'0'`).
fn returns_of(tree: &Tree, function: NodeId) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for id in function + 1..tree.node(function).subtree_end {
        let node = tree.node(id);
        let text = tree.text(node.span);
        if node.kind != "return_statement"
            || text.contains('\n')
            || sketch::enclosing_function(tree, id) != Some(function)
        {
            continue;
        }
        let mut variants = vec![text.to_string()];
        if let Some(value) = tree.named_children(id).next().map(|c| tree.node(c)) {
            let literal = tree.text(value.span);
            let quoted_digit = |q: char| {
                literal
                    .strip_prefix(q)
                    .and_then(|l| l.strip_suffix(q))
                    .and_then(|d| d.parse::<u8>().ok())
                    .map(|d| (q, d))
            };
            let kin: Vec<String> = match value.kind {
                "true" => vec!["False".into()],
                "false" => vec!["True".into()],
                "integer" => literal.parse::<i64>().map_or(Vec::new(), |v| {
                    [v.checked_add(1), v.checked_sub(1)].into_iter().flatten().map(|w| w.to_string()).collect()
                }),
                "string" => match quoted_digit('\'').or_else(|| quoted_digit('"')) {
                    Some((q, d)) if d < 10 => [d + 1, d.wrapping_sub(1)]
                        .into_iter()
                        .filter(|&e| e < 10)
                        .map(|e| format!("{q}{e}{q}"))
                        .collect(),
                    _ => Vec::new(),
                },
                _ => Vec::new(),
            };
            variants.extend(kin.into_iter().map(|k| format!("return {k}")));
        }
        for v in variants {
            if !out.contains(&v) {
                out.push(v);
            }
        }
    }
    out
}

/// The names a function binds by assignment, then its parameters: what a missing `return` returns.
fn assigned_names(tree: &Tree, function: NodeId) -> Vec<&str> {
    let mut names = Vec::new();
    for id in function..tree.node(function).subtree_end {
        let node = tree.node(id);
        let binds = node.kind == "identifier"
            && node.field == Some("left")
            && node.parent.is_some_and(|p| matches!(tree.node(p).kind, "assignment" | "augmented_assignment"));
        if binds {
            push_new(&mut names, tree.text(node.span));
        }
    }
    for p in sketch::parameters(tree, function) {
        push_new(&mut names, p);
    }
    names
}

/// The operator of an assignment (`=` of a plain one with a single target and no annotation, or an augmented
/// one's) and the operators it may become.
fn assignment_operator(tree: &Tree, id: NodeId) -> Option<(Span, &'static [&'static str])> {
    const AUGMENTED: [&str; 7] = ["=", "+=", "-=", "*=", "/=", "//=", "%="];
    // Bits: `n ^= n - 1` for `n &= n - 1`.
    const BITWISE: [&str; 5] = ["&=", "|=", "^=", "<<=", ">>="];
    const PLAIN: [&str; 3] = ["+=", "-=", "*="];
    let node = tree.node(id);
    let op = tree.children(id).map(|c| tree.node(c)).find(|c| !c.named && !c.extra)?;
    let op_text = tree.text(op.span);
    match node.kind {
        "augmented_assignment" if AUGMENTED.contains(&op_text) => Some((op.span, &AUGMENTED[..])),
        "augmented_assignment" if BITWISE.contains(&op_text) => Some((op.span, &BITWISE[..])),
        "assignment" => {
            let named: Vec<&str> =
                tree.children(id).map(|c| tree.node(c)).filter(|c| c.named && !c.extra).map(|c| c.kind).collect();
            let single_target = matches!(named.first(), Some(&("identifier" | "attribute" | "subscript")));
            (op_text == "=" && named.len() == 2 && single_target).then_some((op.span, &PLAIN[..]))
        }
        _ => None,
    }
}

/// Every single edit of the menu (see the module doc), as text; not yet checked to splice cleanly.
pub fn single_edits(tree: &Tree) -> Vec<RawEdit> {
    single_edits_with(tree, &TestFacts::default())
}

/// What the menus take from the tests besides running them: the strings the program lacks ([`test_strings`]) and
/// the numeric examples a stub's formula is fitted to (`examples::numeric_examples`); and from the file around the
/// program, the standard modules it imports ([`TestFacts::importing`]).
#[derive(Debug, Clone, Default)]
pub struct TestFacts {
    pub strings: Vec<String>,
    pub examples: Vec<examples::Example>,
    pub labelled: Vec<examples::Labelled>,
    /// The standard modules the file around the program imports whole, by the name it binds ([`imported_modules`]).
    pub modules: Vec<(String, &'static str)>,
}

impl TestFacts {
    pub fn of(tests: &Tests, program: &Tree) -> TestFacts {
        TestFacts {
            strings: test_strings(tests, program),
            examples: examples::numeric_examples(tests),
            labelled: examples::labelled_examples(tests),
            modules: Vec::new(),
        }
    }

    /// With the standard modules `context` (the file before the program) imports.
    pub fn importing(mut self, context: &str) -> TestFacts {
        self.modules = imported_modules(&syntax::parse(context));
        self
    }
}

/// The modules of [`STANDARD_MODULES`] a program imports whole (`import re`, `import math as m`), each with the name
/// it binds.
fn imported_modules(tree: &Tree) -> Vec<(String, &'static str)> {
    let mut out = Vec::new();
    for id in (0..tree.nodes().len() as NodeId).filter(|&id| tree.node(id).kind == "import_statement") {
        for imported in tree.named_children(id) {
            let (module, bound) = match tree.node(imported).kind {
                "dotted_name" => (imported, imported),
                "aliased_import" => {
                    let field = |f| tree.children(imported).find(|&c| tree.node(c).field == Some(f));
                    let (Some(module), Some(alias)) = (field("name"), field("alias")) else { continue };
                    (module, alias)
                }
                _ => continue,
            };
            let name = tree.text(tree.node(module).span);
            if let Some(standard) = STANDARD_MODULES.iter().find(|m| m.name == name) {
                out.push((tree.text(tree.node(bound).span).to_string(), standard.name));
            }
        }
    }
    out
}

/// The standard modules in scope: the file's (`facts`) and those the program imports itself, each with the name it
/// binds.
fn modules_in_scope(tree: &Tree, facts: &TestFacts) -> Vec<(String, &'static str)> {
    facts.modules.iter().cloned().chain(imported_modules(tree)).collect()
}

/// Each function of each module, called as the program would call it (`re.search`, `m.sqrt`).
fn module_callees<'m>(modules: &'m [(String, &'static str)]) -> impl Iterator<Item = String> + 'm {
    modules.iter().flat_map(|(bound, module)| module_functions(module).iter().map(move |f| format!("{bound}.{f}")))
}

/// Test strings at most: a test file's inputs and expected outputs can hold many.
const MAX_TEST_STRINGS: usize = 12;
/// Bytes of a test string at most (its quotes included).
const MAX_TEST_STRING_CHARS: usize = 32;

/// The string literals of the tests that `program` lacks, short and one-line, in order of first appearance (at most
/// `MAX_TEST_STRINGS`): an expected output (`"Buzz"`), a key, a separator the function should have used. Not
/// f-strings, which name the tests' own variables, nor a `parametrize`'s names.
pub fn test_strings(tests: &Tests, program: &Tree) -> Vec<String> {
    // One string whatever its quotes (`'a'` is `"a"`): compared as normalised ASTs.
    let strings = |tree: &Tree| -> Vec<NodeId> {
        (0..tree.nodes().len() as NodeId).filter(|&id| tree.node(id).kind == "string").collect()
    };
    let mut seen: HashSet<NormalisedAst> =
        strings(program).into_iter().map(|id| NormalisedAst::of(program, id, false)).collect();
    let mut out: Vec<String> = Vec::new();
    for source in tests.sources() {
        let tree = syntax::parse(source);
        for id in strings(&tree) {
            let node = tree.node(id);
            let text = tree.text(node.span);
            let plain = !tree.children(id).any(|c| tree.node(c).kind == "interpolation")
                && !node.parent.is_some_and(|p| tree.is_docstring(p))
                && !names_parameters(&tree, id)
                && text.len() <= MAX_TEST_STRING_CHARS
                && !text.contains('\n');
            if plain && seen.insert(NormalisedAst::of(&tree, id, false)) {
                out.push(text.to_string());
                if out.len() == MAX_TEST_STRINGS {
                    return out;
                }
            }
        }
    }
    out
}

/// Is the string the names of a `@pytest.mark.parametrize("a,b,expected", …)`? Those are the tests' own names.
fn names_parameters(tree: &Tree, string: NodeId) -> bool {
    let Some(args) = tree.node(string).parent.filter(|&p| tree.node(p).kind == "argument_list") else {
        return false;
    };
    let first = tree.children(args).find(|&c| tree.node(c).named && !tree.node(c).extra);
    let function =
        tree.node(args).parent.and_then(|c| tree.children(c).find(|&f| tree.node(f).field == Some("function")));
    first == Some(string) && function.is_some_and(|f| tree.text(tree.node(f).span).ends_with("parametrize"))
}

/// A name, call, attribute or subscript of one line and few leaves: a value a bound or a conversion may be added to.
fn is_small_value(node: &syntax::Node, text: &str) -> bool {
    matches!(node.kind, "identifier" | "call" | "attribute" | "subscript")
        && node.leaves <= MAX_SITE_LEAVES
        && !text.contains('\n')
}

/// [`single_edits`], each string literal of the program replaced by each of the tests' strings ([`test_strings`]),
/// and a stub's body by the formula the tests' examples fit (`examples::fitted_formula`).
pub fn single_edits_with(tree: &Tree, facts: &TestFacts) -> Vec<RawEdit> {
    let names = Names::of(tree);
    // Each small one-line expression of the program (in order of first appearance) with the spans it occurs at:
    // within a site, it is one of the site's own operands (a classic edit drops the rest).
    let mut expressions: Vec<(&str, Vec<Span>)> = Vec::new();
    {
        let mut index: HashMap<&str, usize> = HashMap::new();
        for node in tree.replaceable().map(|id| tree.node(id)) {
            let text = tree.text(node.span);
            if node.class != Some(ReplacementClass::Expression) || node.leaves > MAX_SITE_LEAVES || text.contains('\n')
            {
                continue;
            }
            let i = *index.entry(text).or_insert_with(|| {
                expressions.push((text, Vec::new()));
                expressions.len() - 1
            });
            expressions[i].1.push(node.span);
        }
    }
    // The names read or bound only once in the program (not builtins, attributes, `_` or the header's): see
    // `rewrite` below.
    let lonely: Vec<Span> = (0..tree.nodes().len() as NodeId)
        .filter(|&id| {
            let node = tree.node(id);
            let text = tree.text(node.span);
            node.kind == "identifier"
                && node.field != Some("attribute")
                && names.counts.get(text) == Some(&1)
                && text != "_"
                && !syntax::is_builtin(text)
                && !in_header(tree, id)
        })
        .map(|id| tree.node(id).span)
        .chain(reads_of_own_unbound_target(tree))
        .collect();
    // The program's annotations (one-line ones), each once.
    let mut annotations: Vec<&str> = Vec::new();
    for node in tree.nodes().iter().filter(|n| n.kind == "type") {
        let text = tree.text(node.span);
        if !text.contains('\n') {
            push_new(&mut annotations, text);
        }
    }
    // What the program calls (a name or a one-line method: `out.append`) or defines as a function: what a called
    // literal (a graft) stood for.
    let mut callables: Vec<&str> = Vec::new();
    let modules = modules_in_scope(tree, facts);
    let bound_names: HashSet<&str> = (0..tree.nodes().len() as NodeId)
        .filter(|&id| is_binding(tree, id))
        .map(|id| tree.text(tree.node(id).span))
        .collect();
    for id in 0..tree.nodes().len() as NodeId {
        let node = tree.node(id);
        let parent = node.parent.map(|p| tree.node(p).kind);
        let called = node.field == Some("function")
            && parent == Some("call")
            && (node.kind == "identifier"
                || (node.kind == "attribute"
                    && node.leaves <= MAX_SITE_LEAVES
                    && !tree.text(node.span).contains('\n')));
        let defined = node.kind == "identifier" && node.field == Some("name") && parent == Some("function_definition");
        if called || defined {
            push_new(&mut callables, tree.text(node.span));
        }
    }
    // The program's one-bound slices (`1:`, `:k`) and each on its other side (`k:`): a sequence passed or iterated
    // whole where its rest was meant (`lcs(a[1:], b)` for `lcs(a[1:], b[1:])`, `for x in arr` for `arr[k:]`).
    // And the names sliced so: where a name bound nowhere is passed, one of them sliced may have been.
    let mut slices: Vec<String> = Vec::new();
    let mut sliced: Vec<&str> = Vec::new();
    for id in (0..tree.nodes().len() as NodeId).filter(|&id| tree.node(id).kind == "slice") {
        let text = tree.text(tree.node(id).span);
        if let [bound] = tree.named_children(id).collect::<Vec<_>>()[..]
            && text.matches(':').count() == 1
        {
            if let Some(base) = tree.node(id).parent.and_then(|s| tree.named_children(s).next())
                && tree.node(base).kind == "identifier"
            {
                push_new(&mut sliced, tree.text(tree.node(base).span));
            }
            let bound = tree.text(tree.node(bound).span);
            for side in [format!("{bound}:"), format!(":{bound}")] {
                if !slices.contains(&side) && slices.len() < MAX_SLICES {
                    slices.push(side);
                }
            }
        }
    }
    // And what fills a collection begun empty (`out = []`): a graft over the only `out.append(x)` leaves none.
    let mut fillers: Vec<String> = Vec::new();
    for id in 0..tree.nodes().len() as NodeId {
        let node = tree.node(id);
        if node.kind == "assignment"
            && let [target, value] = tree.named_children(id).collect::<Vec<_>>()[..]
            && tree.node(target).kind == "identifier"
        {
            let method = match tree.text(tree.node(value).span) {
                "[]" | "list()" => "append",
                "set()" => "add",
                _ => continue,
            };
            fillers.push(format!("{}.{method}", tree.text(tree.node(target).span)));
        }
    }
    for f in &fillers {
        push_new(&mut callables, f);
    }
    // Per function, computed once: a function has several parameters and many sites.
    // The code the enclosing function's name cues (`sketch::cue_markers`; not its docstring's: a repaired function's
    // docstring is long and names much).
    let mut cues: HashMap<Option<NodeId>, Vec<&str>> = HashMap::new();
    let mut name_cues_of = |id: NodeId| -> Vec<&str> {
        let function = sketch::enclosing_function(tree, id);
        cues.entry(function)
            .or_insert_with(|| function.map(|f| sketch::cue_markers(tree, f, false)).unwrap_or_default())
            .clone()
    };
    let mut unbound: HashMap<NodeId, Vec<&str>> = HashMap::new();
    let mut parameters: HashMap<Option<NodeId>, Vec<&str>> = HashMap::new();
    let mut parameters_of = |id: NodeId| -> Vec<&str> {
        let function = sketch::enclosing_function(tree, id);
        parameters
            .entry(function)
            .or_insert_with(|| function.map(|f| sketch::parameters(tree, f)).unwrap_or_default())
            .clone()
    };
    // The parameters a function never reads (not `_`-named): a use of one was lost, so one belongs somewhere.
    let mut unread: HashMap<Option<NodeId>, Vec<&str>> = HashMap::new();
    let mut unread_parameters_of = |id: NodeId| -> Vec<&str> {
        let function = sketch::enclosing_function(tree, id);
        unread
            .entry(function)
            .or_insert_with(|| {
                function.map_or_else(Vec::new, |f| {
                    let mut names = sketch::parameters(tree, f);
                    names.retain(|p| !p.starts_with('_') && !reads_name(tree, f, p));
                    names
                })
            })
            .clone()
    };
    // Whether each node cannot be right: a site's own rewrites and its statement's mends both ask.
    let nonsense_at: Vec<bool> = (0..tree.nodes().len() as NodeId).map(|id| cannot_be_right(tree, id)).collect();
    // The names the program reads and binds nowhere: one read after a grafted statement was bound there.
    let unbound_anywhere = unbound_reads(tree, 0);
    // A parameter nothing reads is a use lost where the program reads no name bound nowhere; where it does, the
    // likelier story is a rename (`def max_val(a, half)` reading `b`), which the header's edits undo, and a
    // parameter's name at every site would crowd the classic tier.
    let unexplained_unread = unbound_anywhere.is_empty();
    let mut out = Vec::new();
    for id in tree.replaceable() {
        let node = tree.node(id);
        if in_header(tree, id) {
            // The classic repair of a misspelt binding, whose symptom is a `NameError` where the body reads the
            // right name: a header name that occurs nowhere else (a parameter the body never reads, an annotation
            // naming nothing) becomes each name of the program, and a parameter each name its function reads but
            // never binds.
            // An annotation naming what the program does not bind (a graft: `substring: x.append`) fails the
            // definition itself; the program's other annotations are its likely repairs.
            if node.class == Some(ReplacementClass::Expression)
                && node.parent.is_some_and(|p| tree.node(p).kind == "type")
            {
                let text = tree.text(node.span);
                for other in annotations.iter().filter(|&&a| a != text) {
                    let class = ReplacementClass::Expression;
                    out.push(RawEdit { span: node.span, class, text: other.to_string(), tier: Tier::Classic });
                }
            }
            if node.kind == "identifier"
                && !is_definition_name(tree, id)
                && let Some(class) = node.class
            {
                let text = tree.text(node.span);
                let mut push = |others: &[&str]| {
                    for name in others.iter().filter(|&&n| n != text) {
                        out.push(RawEdit { span: node.span, class, text: name.to_string(), tier: Tier::Classic });
                    }
                };
                if names.counts.get(text) == Some(&1) && !syntax::is_builtin(text) {
                    push(&names.all);
                }
                if class == ReplacementClass::Identifier
                    && let Some(function) = top_function(tree, id)
                {
                    push(unbound.entry(function).or_insert_with(|| unbound_reads(tree, function)));
                }
            }
            continue;
        }
        let Some(class) = node.class else { continue };
        let text = tree.text(node.span);
        let start = node.span.start;
        // A site holding a name nothing else in the program spells looks grafted (the forward process's
        // corruption, and HumanEval-repair's), and so does one that is wrong whatever the tests say: rewriting it
        // is as likely a repair as a classic edit.
        let nonsense = nonsense_at[id as usize];
        let grafted = nonsense || lonely.iter().any(|&s| node.span.contains(s));
        let rewrite = if grafted { Tier::Classic } else { Tier::Rewrite };
        let mut push = |tier: Tier, t: String| {
            if t != text {
                out.push(RawEdit { span: node.span, class, text: t, tier });
            }
        };
        // Off by one: a name, call, attribute or subscript gains `+ 1` or `- 1` where bounds live: a call's argument
        // (`range(2, n)` for `range(2, n + 1)`), an index or slice bound, a comparison's operand, a name assigned
        // to another (`lo = mid` for `lo = mid + 1`). A literal's ±1 is among the constant edits below, a returned
        // value's among its wrappings; elsewhere the edit is rare and would only crowd the menu.
        if class == ReplacementClass::Expression
            && is_small_value(node, text)
            && node.parent.is_some_and(|p| {
                let parent = tree.node(p);
                matches!(parent.kind, "argument_list" | "slice" | "comparison_operator")
                    || (parent.kind == "subscript" && node.field == Some("subscript"))
                    || (parent.kind == "assignment" && node.field == Some("right") && node.kind == "identifier")
            })
        {
            push(Tier::Classic, format!("{text} + 1"));
            push(Tier::Classic, format!("{text} - 1"));
        }
        if node.kind == "identifier"
            && (node.field == Some("attribute")
                || (node.field == Some("function") && node.parent.is_some_and(|p| tree.node(p).kind == "call")))
            && let Some(family) = SIBLING_NAMES.iter().find(|f| f.contains(&text))
        {
            for other in family.iter() {
                push(Tier::Classic, other.to_string());
            }
        }
        // A receiver that is no name the program binds, of an attribute an imported module has as a function: the
        // module (`re.sub(…)` under `(remove_lowercase + 0).sub(…)` beside `import re`).
        if node.field == Some("object")
            && class == ReplacementClass::Expression
            && !(node.kind == "identifier" && bound_names.contains(text))
            && let Some(attribute) = node
                .parent
                .filter(|&p| tree.node(p).kind == "attribute")
                .and_then(|p| tree.children(p).find(|&c| tree.node(c).field == Some("attribute")))
        {
            let attribute = tree.text(tree.node(attribute).span);
            for (bound, module) in &modules {
                if bound != text && module_functions(module).contains(&attribute) {
                    push(Tier::Classic, bound.clone());
                }
            }
        }
        // A sequence passed (not to a builtin) or iterated whole where a slice of it was meant (see `slices`).
        if node.kind == "identifier"
            && class == ReplacementClass::Expression
            && node.parent.is_some_and(|p| {
                let parent = tree.node(p);
                let called =
                    parent.parent.and_then(|c| tree.children(c).find(|&f| tree.node(f).field == Some("function")));
                (parent.kind == "argument_list"
                    && called.is_some_and(|f| !syntax::is_builtin(tree.text(tree.node(f).span))))
                    || (parent.kind == "for_statement" && node.field == Some("right"))
            })
        {
            for slice in &slices {
                push(Tier::Classic, format!("{text}[{slice}]"));
            }
            // (`is_palindrome(idx)` where `is_palindrome(string[k:])` was.)
            if unbound_anywhere.contains(&text) {
                for base in &sliced {
                    for slice in &slices {
                        push(Tier::Mend, format!("{base}[{slice}]"));
                    }
                }
            }
        }
        // A comprehension whose element ignores its loop variables but reads other names (`max(listval * listval
        // for i in listval)`): each variable in the element's place, alone or in the shapes elements commonly take,
        // a conversion or a first or last item (`min(len(x) for x in lst)` under `min(monthnum2 == 12 for x in
        // lst)`): the graft took the variable with what was around it.
        if class == ReplacementClass::Expression
            && node.field == Some("body")
            && let Some(comprehension) = node.parent.filter(|&p| {
                matches!(tree.node(p).kind, "list_comprehension" | "generator_expression" | "set_comprehension")
            })
        {
            let variables: Vec<&str> = tree
                .named_children(comprehension)
                .filter(|&c| tree.node(c).kind == "for_in_clause")
                .filter_map(|c| tree.children(c).find(|&l| tree.node(l).field == Some("left")))
                .flat_map(|l| (l..tree.node(l).subtree_end).filter(|&i| tree.node(i).kind == "identifier"))
                .map(|i| tree.text(tree.node(i).span))
                .filter(|v| !v.starts_with('_'))
                .collect();
            let names_read: Vec<&str> = (id..node.subtree_end)
                .filter(|&r| tree.node(r).kind == "identifier" && tree.node(r).field != Some("attribute"))
                .map(|r| tree.text(tree.node(r).span))
                .collect();
            if !names_read.is_empty() && !variables.iter().any(|v| names_read.contains(v)) {
                for v in &variables {
                    push(Tier::Classic, v.to_string());
                    for f in CONVERSIONS {
                        push(Tier::Classic, format!("{f}({v})"));
                    }
                    for index in ["0", "-1"] {
                        push(Tier::Classic, format!("{v}[{index}]"));
                    }
                }
            }
        }
        // A loop run `while True` that should stop when a value it works on runs out: `while queue:`.
        if node.kind == "true"
            && node.field == Some("condition")
            && let Some(parent) = node.parent.filter(|&p| tree.node(p).kind == "while_statement")
        {
            for name in read_names(tree, parent) {
                push(Tier::Classic, name.to_string());
            }
        }
        match node.kind {
            "true" => push(Tier::Classic, "False".into()),
            "false" => push(Tier::Classic, "True".into()),
            "integer" => {
                if let Ok(v) = text.parse::<i64>() {
                    for w in [v.checked_add(1), v.checked_sub(1), Some(0), Some(1), Some(-1)].into_iter().flatten() {
                        push(Tier::Classic, w.to_string());
                    }
                    // A zero too many or too few: `50` for `500`, `1000` for `100`.
                    if v.unsigned_abs() >= 10 {
                        if let Some(w) = v.checked_mul(10) {
                            push(Tier::Classic, w.to_string());
                        }
                        if v % 10 == 0 {
                            push(Tier::Classic, (v / 10).to_string());
                        }
                    }
                }
                // Two digits typed in the wrong order: `32` for `23`, `1024` for `1042`.
                let digits = text.as_bytes();
                if digits.iter().all(u8::is_ascii_digit) {
                    for i in 1..digits.len() {
                        if digits[i - 1] != digits[i] && (i > 1 || digits[i] != b'0') {
                            let mut swapped = digits.to_vec();
                            swapped.swap(i - 1, i);
                            push(Tier::Classic, String::from_utf8_lossy(&swapped).into_owned());
                        }
                    }
                }
            }
            "string" if !node.parent.is_some_and(|p| tree.is_docstring(p)) => {
                for t in &facts.strings {
                    push(Tier::Classic, t.clone());
                }
                let quote = &text[..1];
                if let Some(inner) = text.strip_prefix(quote).and_then(|t| t.strip_suffix(quote))
                    && matches!(quote, "\"" | "'")
                    && SEPARATORS.contains(&inner)
                {
                    for other in SEPARATORS {
                        push(Tier::Classic, format!("{quote}{other}{quote}"));
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
                    push(Tier::Classic, format!("{}{}{}", &text[..a], other, &text[b..]));
                }
            }
            if matches!(node.kind, "binary_operator" | "comparison_operator" | "boolean_operator")
                && children.len() == 3
            {
                let (l, r) = (tree.node(children[0]).span, tree.node(children[2]).span);
                push(Tier::Classic, format!("{} {} {}", tree.text(r), op, tree.text(l)));
                // The larger or smaller of the two where an operator combines them (`running_max % n` for
                // `max(running_max, n)`): cued where the function's name names it (`rolling_max`).
                if node.kind == "binary_operator" && !text.contains('\n') {
                    let markers = name_cues_of(id);
                    for f in ["max", "min"] {
                        let cued = markers.iter().any(|m| m.starts_with(f));
                        push(
                            if cued { Tier::Cued } else { Tier::Rewrite },
                            format!("{f}({}, {})", tree.text(l), tree.text(r)),
                        );
                    }
                }
            }
        }
        // A slice's bound on the wrong side: `s[:i]` for `s[i:]` and back.
        if node.kind == "subscript"
            && let Some(slice) = tree.children(id).find(|&c| tree.node(c).kind == "slice")
            && let [bound] = tree.named_children(slice).collect::<Vec<_>>()[..]
            && tree.children(slice).filter(|&c| tree.text(tree.node(c).span) == ":").count() == 1
        {
            let (s, b) = (tree.node(slice).span, tree.node(bound).span);
            let bound_text = tree.text(b);
            let moved = if b.start == s.start { format!(":{bound_text}") } else { format!("{bound_text}:") };
            let (a, z) = ((s.start - start) as usize, (s.end - start) as usize);
            push(Tier::Classic, format!("{}{}{}", &text[..a], moved, &text[z..]));
        }
        // An assignment's operator: `+=` for `-=` (and the other augmented operators), `=` for `+=` and back. The
        // operator is a child of the assignment, one level below the statement that has a class.
        if class == ReplacementClass::Statement
            && let [assignment] = children.as_slice()
            && let Some((op, family)) = assignment_operator(tree, *assignment)
        {
            let (a, b) = ((op.start - start) as usize, (op.end - start) as usize);
            for other in family {
                push(Tier::Classic, format!("{}{}{}", &text[..a], other, &text[b..]));
            }
        }
        if matches!(node.kind, "unary_operator" | "not_operator")
            && let Some(&operand) = children.last()
        {
            push(Tier::Classic, tree.text(tree.node(operand).span).to_string());
        }
        // A result computed and dropped: `n // 10` where `n //= 10` was meant.
        if class == ReplacementClass::Statement
            && let [value] = children.as_slice()
            && tree.node(*value).kind == "binary_operator"
            && let [left, op, right] = tree.children(*value).collect::<Vec<_>>().as_slice()
            && matches!(tree.node(*left).kind, "identifier" | "attribute" | "subscript")
        {
            let text_of = |c: NodeId| tree.text(tree.node(c).span);
            push(Tier::Classic, format!("{} {}= {}", text_of(*left), text_of(*op), text_of(*right)));
        }
        // Swapped neighbours: a call's arguments, the elements of a tuple or list, or of the bare tuple a `return`
        // returns (`return b, a`: that tuple has no class of its own, so the statement is the site).
        let elements = match node.kind {
            "call" => tree.children(id).find(|&c| tree.node(c).kind == "argument_list"),
            "tuple" | "list" => Some(id),
            "return_statement" => tree.children(id).find(|&c| tree.node(c).kind == "expression_list"),
            _ => None,
        };
        let elements: Option<Vec<Span>> = match elements {
            Some(args) => Some(
                tree.children(args)
                    .map(|c| tree.node(c))
                    .filter(|c| c.named && !c.extra && !matches!(c.kind, "keyword_argument" | "dictionary_splat"))
                    .map(|c| c.span)
                    .collect(),
            ),
            // And a subscript's indices: `d[j, k]` for `d[k, j]`.
            None if node.kind == "subscript" => Some(
                tree.children(id)
                    .map(|c| tree.node(c))
                    .filter(|c| c.field == Some("subscript"))
                    .map(|c| c.span)
                    .collect(),
            ),
            None => None,
        };
        if let Some(args) = elements {
            for pair in args.windows(2) {
                let (x, y) = (pair[0], pair[1]);
                let rel = |s: Span| ((s.start - start) as usize, (s.end - start) as usize);
                let ((xa, xb), (ya, yb)) = (rel(x), rel(y));
                push(
                    Tier::Classic,
                    format!("{}{}{}{}{}", &text[..xa], tree.text(y), &text[xb..ya], tree.text(x), &text[yb..]),
                );
            }
        }
        // An argument too many: `s.split(" ")` for `s.split()`, `range(1, n)` for `range(n)`, a keyword
        // argument dropped. Each argument goes with the separator that follows it (the one before it, if last).
        if node.kind == "call"
            && let Some(list) = tree.children(id).find(|&c| tree.node(c).kind == "argument_list")
        {
            let args: Vec<Span> =
                tree.children(list).map(|c| tree.node(c)).filter(|c| c.named && !c.extra).map(|c| c.span).collect();
            let rel = |offset: u32| (offset - start) as usize;
            for (i, arg) in args.iter().enumerate() {
                let (from, to) = match (args.get(i + 1), i.checked_sub(1).map(|j| args[j])) {
                    (Some(next), _) => (rel(arg.start), rel(next.start)),
                    (None, Some(before)) => (rel(before.end), rel(arg.end)),
                    (None, None) => (rel(arg.start), rel(arg.end)),
                };
                push(Tier::Classic, format!("{}{}", &text[..from], &text[to..]));
            }
        }
        // A result one level too shallow: `return [[]]` for `return []` (a recursion's base case), `return [n]` for
        // `return n`. Classic for an empty list, the base case's bug; a rewrite otherwise.
        if class == ReplacementClass::Expression
            && node.parent.is_some_and(|p| tree.node(p).kind == "return_statement")
            && (is_small_value(node, text) || text == "[]")
        {
            push(if text == "[]" { Tier::Classic } else { Tier::Rewrite }, format!("[{text}]"));
        }
        // A recursion where the value itself was meant: `yield flatten(x)` for `yield x`.
        if node.kind == "call"
            && !text.contains('\n')
            && let Some(callee) = tree.children(id).find(|&c| tree.node(c).field == Some("function"))
            && let Some(function) = sketch::enclosing_function(tree, id)
            && sketch::function_name(tree, function) == Some(tree.text(tree.node(callee).span))
            && let Some(list) = tree.children(id).find(|&c| tree.node(c).kind == "argument_list")
            && let [arg] = tree.named_children(list).collect::<Vec<_>>()[..]
            && !matches!(tree.node(arg).kind, "keyword_argument" | "list_splat" | "dictionary_splat")
        {
            push(Tier::Classic, tree.text(tree.node(arg).span).to_string());
        }
        // A recursion's argument that should move by a local: `kth(above, k - num_lessoreq)` for `kth(above, k)`
        // (a parameter passed on unchanged where the part of the input left behind should be taken off it).
        if node.kind == "identifier"
            && let Some(list) = node.parent.filter(|&p| tree.node(p).kind == "argument_list")
            && let Some(call) = tree.node(list).parent
            && let Some(callee) = tree.children(call).find(|&c| tree.node(c).field == Some("function"))
            && let Some(function) = sketch::enclosing_function(tree, id)
            && is_own_name(tree, function, tree.text(tree.node(callee).span))
            && sketch::parameters(tree, function).contains(&text)
        {
            let call_start = tree.node(call).span.start;
            let locals = local_stores(tree, function);
            let mut before: Vec<&str> = Vec::new();
            for &(name, a) in &locals {
                if tree.node(a).span.end <= call_start && name != text {
                    push_new(&mut before, name);
                }
            }
            for name in before {
                push(Tier::Rewrite, format!("{text} - {name}"));
                push(Tier::Rewrite, format!("{text} + {name}"));
            }
        }
        // An update that should keep the best so far (`longest = max(longest, length + 1)`) or stay above zero
        // (`here = max(0, here + x)`): a value stored into a local stored elsewhere too, wrapped in `max` or `min`
        // with the local or 0. Classic where the local's name says which (`longest`, `max_ending_here`).
        if class == ReplacementClass::Expression
            && node.field == Some("right")
            && !text.contains('\n')
            && !sketch::is_literal(node.kind)
            && !matches!(node.kind, "yield" | "expression_list")
            && let Some(store) = node.parent.filter(|&p| tree.node(p).kind == "assignment")
            && let Some(target) = tree.children(store).find(|&c| tree.node(c).field == Some("left"))
            && tree.node(target).kind == "identifier"
            && let Some(function) = sketch::enclosing_function(tree, id)
        {
            let local = tree.text(tree.node(target).span);
            if local_stores(tree, function).iter().any(|&(n, a)| n == local && a != store) {
                let cues = sketch::words_cues(local);
                for f in ["max", "min"] {
                    let tier = if cues.contains(&format!("{f}(").as_str()) { Tier::Classic } else { Tier::Rewrite };
                    push(tier, format!("{f}({local}, {text})"));
                    push(tier, format!("{f}(0, {text})"));
                }
            }
        }
        // A base case one too narrow, in a function that calls itself: `if len(arr) == 0: return arr` where `<= 1`
        // was (the empty case alone leaves a one-element input recursing for ever).
        if node.kind == "comparison_operator"
            && is_condition(tree, id)
            && let [left, right] = tree.named_children(id).collect::<Vec<_>>()[..]
            && tree.node(right).kind == "integer"
            && let Ok(bound) = tree.text(tree.node(right).span).parse::<i64>()
            && tree.children(id).filter(|&c| !tree.node(c).named).map(|c| tree.text(tree.node(c).span)).eq(["=="])
            && node.parent.is_some_and(|branch| localize::begins_by_returning(tree, branch))
            && sketch::enclosing_function(tree, id).is_some_and(|f| calls_itself(tree, f))
        {
            push(Tier::Classic, format!("{} <= {}", tree.text(tree.node(left).span), bound.saturating_add(1)));
        }
        // A verdict returned whole where a count's balance was meant: `return depth == 0` for the last `return
        // True` of a function that counts up and down.
        if node.kind == "true"
            && let Some(ret) = node.parent.filter(|&p| tree.node(p).kind == "return_statement")
            && let Some(function) = sketch::enclosing_function(tree, id)
            && tree.node(ret).parent.and_then(|b| tree.named_children(b).filter(|&c| !tree.node(c).extra).last())
                == Some(ret)
            && tree.node(ret).parent.and_then(|b| tree.node(b).parent) == Some(function)
        {
            let stores = local_stores(tree, function);
            // The operators of the augmented stores of `name` (`+=`, `-=`).
            let updates = |name: &str| -> Vec<&str> {
                let augmented =
                    stores.iter().filter(|&&(n, b)| n == name && tree.node(b).kind == "augmented_assignment");
                augmented
                    .filter_map(|&(_, b)| tree.children(b).find(|&o| tree.node(o).field == Some("operator")))
                    .map(|o| tree.text(tree.node(o).span))
                    .collect()
            };
            for &(name, a) in &stores {
                let counts = tree.node(a).kind == "assignment"
                    && tree.named_children(a).nth(1).is_some_and(|v| tree.node(v).kind == "integer")
                    && {
                        let ops = updates(name);
                        ops.contains(&"+=") && ops.contains(&"-=")
                    };
                if counts {
                    push(Tier::Classic, format!("{name} == 0"));
                }
            }
        }
        // A returned expression, one line and small (like any replaced site), wrapped in its function's terms; not a
        // literal, which the constant edits above already change.
        if class == ReplacementClass::Expression
            && node.parent.is_some_and(|p| tree.node(p).kind == "return_statement")
            && node.leaves <= MAX_SITE_LEAVES
            && !text.contains('\n')
            && !sketch::is_literal(node.kind)
        {
            // Cued where the wrapping adds code the function's name names (`clamp`: `min(hi, e)` around
            // `max(x, lo)`). Not its docstring's words: a repaired function's docstring is long and names much.
            let markers = name_cues_of(id);
            for t in sketch::wrappings(text, node.kind, &parameters_of(id)) {
                let cued = markers.iter().any(|m| t.contains(m) && !text.contains(m));
                push(if cued { Tier::Cued } else { Tier::Rewrite }, t);
            }
        }
        // A value wrapped in a conversion where it is passed, iterated or returned: `" ".join(reversed(words))`,
        // `for k in sorted(d)`, `return len(seen)` (the "function added around an expression" bug).
        if class == ReplacementClass::Expression
            && is_small_value(node, text)
            && node.parent.is_some_and(|p| {
                let parent = tree.node(p);
                (parent.kind == "argument_list"
                    && parent.parent.is_none_or(|c| tree.node(c).kind != "class_definition"))
                    || parent.kind == "return_statement"
                    || (parent.kind == "for_statement" && node.field == Some("right"))
            })
        {
            for f in CONVERSIONS.iter().filter(|f| !text.starts_with(&format!("{f}("))) {
                push(Tier::Rewrite, format!("{f}({text})"));
            }
        }
        match class {
            // A bare string statement (a docstring) would do nothing as another expression either.
            ReplacementClass::Expression
                if node.leaves <= MAX_SITE_LEAVES && !node.parent.is_some_and(|p| tree.is_docstring(p)) =>
            {
                // A truth test of a value holding a site that cannot be right (`if sorted(list(max)):` where `if
                // not strings:` was): a truth test of a name of its function, or its negation. (A comparison keeps
                // its form: the site is mended in place, `10 == ')'` as `c == ')'`; a name's truth there passes
                // some tests and lures the search.)
                if is_condition(tree, id)
                    && matches!(node.kind, "call" | "identifier" | "attribute" | "subscript")
                    && nonsense_at[id as usize..node.subtree_end as usize].iter().any(|&n| n)
                    && let Some(function) = sketch::enclosing_function(tree, id)
                {
                    for name in assigned_names(tree, function) {
                        push(Tier::Mend, name.to_string());
                        push(Tier::Mend, format!("not {name}"));
                    }
                }
                // A grafted value of a local's binding: what its siblings are bound to, by analogy (`e =
                // perimeter()` beside `s = match.start()`).
                if grafted
                    && node.field == Some("right")
                    && let Some(assignment) = node.parent.filter(|&p| tree.node(p).kind == "assignment")
                    && let Some(target) = tree.children(assignment).find(|&c| tree.node(c).field == Some("left"))
                    && tree.node(target).kind == "identifier"
                    && let Some(function) = sketch::enclosing_function(tree, id)
                {
                    for v in parallel_values(tree, function, tree.text(tree.node(target).span)) {
                        push(Tier::Mend, v);
                    }
                }
                // A callee that cannot be right: what the program calls or defines; or a function of a module the
                // file imports (`re.search(patterns, text)` under `(number > arr[-1])(patterns, text)`).
                if nonsense && node.field == Some("function") {
                    for name in &callables {
                        push(Tier::Mend, name.to_string());
                    }
                    for callee in module_callees(&modules) {
                        push(Tier::Classic, callee);
                    }
                }
                // A loop over pairs that cannot be right (`for i, c in c:`, `for k, v in """…""":`) was over
                // the pairs of a collection: enumerated, a dict's items, two zipped.
                if nonsense_at[id as usize..node.subtree_end as usize].iter().any(|&n| n)
                    && node.field == Some("right")
                    && let Some(function) = sketch::enclosing_function(tree, id)
                    && let Some(left) = node.parent.and_then(|f| {
                        (tree.node(f).kind == "for_statement")
                            .then(|| tree.children(f).find(|&c| tree.node(c).field == Some("left")))
                            .flatten()
                    })
                    && matches!(tree.node(left).kind, "pattern_list" | "tuple_pattern")
                    && tree.named_children(left).count() == 2
                {
                    let loop_names: Vec<&str> =
                        tree.named_children(left).map(|v| tree.text(tree.node(v).span)).collect();
                    let collections: Vec<&str> =
                        assigned_names(tree, function).into_iter().filter(|n| !loop_names.contains(n)).collect();
                    for name in &collections {
                        push(Tier::Mend, format!("enumerate({name})"));
                        push(Tier::Mend, format!("{name}.items()"));
                    }
                    let parameters = sketch::parameters(tree, function);
                    for (i, a) in parameters.iter().enumerate() {
                        for b in &parameters[i + 1..] {
                            push(Tier::Mend, format!("zip({a}, {b})"));
                        }
                    }
                }
                // Or a builtin given what the call passes; so too for a callee no function can be (a loop's
                // variable) or one grafted over (`res(t)` in `res = tuple(res(t) + u)`, a name spelt once).
                if let Some(call) = node.parent.filter(|&c| tree.node(c).kind == "call")
                    && node.field == Some("function")
                    && (nonsense || (node.kind == "identifier" && (grafted || called_value(tree, id))))
                {
                    for builtin in builtins_taking(tree, call) {
                        push(Tier::Classic, builtin.to_string());
                    }
                }
                if node.kind == "identifier" {
                    let unread = unread_parameters_of(id);
                    for name in &names.all {
                        let classic = nonsense || (unexplained_unread && unread.contains(name));
                        push(if classic { Tier::Classic } else { names.rename_tier(text, name) }, name.to_string());
                    }
                } else {
                    // Any other site that cannot be right: the names that could stand there.
                    if nonsense && node.field != Some("function") {
                        for name in &names.all {
                            push(Tier::Classic, name.to_string());
                        }
                    }
                    // A larger expression (or a literal) where a parameter belongs: the corruption that grafts
                    // foreign code over a name, and the bug of a computed value where the input was meant. Only
                    // the parameters, not every name: a few more edits per site. One that reads nothing but names
                    // bound nowhere (`x < lo` in `def add(a, half)`) cannot be right, and a parameter nothing
                    // reads is what it stood for: a mend.
                    // A parameter nothing reads is classic anywhere (see `unexplained_unread`): its one use was
                    // overwritten (`distance < (i % xs == 0)` for `distance < threshold`).
                    // So is any parameter where such a site is a method's receiver (`(1 << key).sort(…)`).
                    let grafted_in = reads_only_unbound(tree, id, &unbound_anywhere);
                    let receiver = node.field == Some("object");
                    let unread = unread_parameters_of(id);
                    for name in parameters_of(id) {
                        let tier = match unread.contains(&name) {
                            true if grafted_in => Tier::Mend,
                            true if unexplained_unread => Tier::Classic,
                            _ if grafted_in && receiver => Tier::Mend,
                            _ => rewrite,
                        };
                        push(tier, name.to_string());
                    }
                    // Or a constant stood there (`re.sub('[A-Z]', '', s)` under `n % 10`), the commonest ones, in
                    // an argument that reads only names bound nowhere or holds a graft (`range(n, 0, len(tuple) !=
                    // res)` for `range(n, 0, -1)`). Only arguments: elsewhere a constant turns a crash into a
                    // wrong value the climb follows (`sum(xs) / -1` where `len(xs)` was).
                    let argument = node.parent.is_some_and(|p| tree.node(p).kind == "argument_list");
                    let holds_nonsense = nonsense_at[id as usize..node.subtree_end as usize].iter().any(|&n| n);
                    if argument && (grafted_in || grafted || holds_nonsense) {
                        for constant in ["''", "0", "1", "-1", "None", "True", "False", "[]"] {
                            push(Tier::Classic, constant.to_string());
                        }
                    }
                    // An operand grafted over beside its sibling (`w * w + len(arr)` where `h * h` was): the sibling
                    // with a parameter it reads swapped for one nothing reads, by analogy (a bare name's analogue
                    // is the parameter itself, above).
                    if (grafted || grafted_in)
                        && !unread.is_empty()
                        && let Some(sibling) = node
                            .parent
                            .filter(|&p| tree.node(p).kind == "binary_operator")
                            .and_then(|p| tree.named_children(p).find(|&c| c != id))
                            .filter(|&s| tree.node(s).kind != "identifier")
                    {
                        let base = tree.node(sibling).span.start;
                        let sibling_text = tree.text(tree.node(sibling).span);
                        let reads = |name: &str| -> Vec<Span> {
                            (sibling..tree.node(sibling).subtree_end)
                                .map(|r| tree.node(r))
                                .filter(|r| r.kind == "identifier" && r.field != Some("attribute"))
                                .filter(|r| tree.text(r.span) == name)
                                .map(|r| r.span)
                                .collect()
                        };
                        let compound = !sketch::is_literal(tree.node(sibling).kind)
                            && !matches!(
                                tree.node(sibling).kind,
                                "identifier" | "call" | "attribute" | "subscript" | "parenthesized_expression"
                            );
                        for parameter in parameters_of(id) {
                            let spans = reads(parameter);
                            for other in unread.iter().filter(|_| !spans.is_empty()) {
                                let mut analogue = String::new();
                                let mut last = 0;
                                for span in &spans {
                                    analogue.push_str(&sibling_text[last..(span.start - base) as usize]);
                                    analogue.push_str(other);
                                    last = (span.end - base) as usize;
                                }
                                analogue.push_str(&sibling_text[last..]);
                                push(Tier::Mend, if compound { format!("({analogue})") } else { analogue });
                            }
                        }
                    }
                }
                for (expr, spans) in &expressions {
                    // Sub-expressions included: `return x` for `return x + 1` is a classic repair (an operand
                    // dropped); any other expression is a rewrite.
                    let operand = spans.iter().any(|&s| s != node.span && node.span.contains(s));
                    push(if operand { Tier::Classic } else { rewrite }, expr.to_string());
                }
            }
            // A binding or an attribute: another name of the program, another attribute of it. Not a keyword
            // argument's name (`f(a=1, a=2)` is no program) nor a definition's.
            ReplacementClass::Identifier
                if node.kind == "identifier"
                    && !is_definition_name(tree, id)
                    && node.parent.is_none_or(|p| tree.node(p).kind != "keyword_argument") =>
            {
                let others = if node.field == Some("attribute") { &names.attributes } else { &names.all };
                // A store of a name into itself (`incr = incr` where `res = incr` was) stores into another.
                let self_store = node.field == Some("left")
                    && node.parent.is_some_and(|a| {
                        tree.node(a).kind == "assignment"
                            && tree
                                .children(a)
                                .any(|v| tree.node(v).field == Some("right") && tree.text(tree.node(v).span) == text)
                    });
                for name in others {
                    push(if self_store { Tier::Classic } else { names.rename_tier(text, name) }, name.to_string());
                }
            }
            // Deleting a bare string would do nothing either.
            ReplacementClass::Statement if !is_docstring_in_place(tree, id) => {
                // A function's lone statement: the formula the tests' examples fit may replace it; a stub or a
                // body that ignores its inputs may become any of the stub's bodies.
                if let Some(function) = sketch::lone_statement(tree, id) {
                    let params = sketch::parameters(tree, function);
                    // A statement that reads names bound nowhere, as many as the parameters it does not read, may
                    // be right under renamed parameters (`return -x` in `def neg(half)`, `return a + b` in `def
                    // add(c, b)`: the header's rename is the repair), so its bodies get no head start. With more
                    // parameters unread (`return x * x` in `def add(a, b)`), renames would leave one unread.
                    let mentioned: Vec<&str> = (id..node.subtree_end)
                        .map(|n| tree.node(n))
                        .filter(|n| n.kind == "identifier" && n.field != Some("attribute"))
                        .map(|n| tree.text(n.span))
                        .collect();
                    let mut unbound_read: Vec<&str> =
                        mentioned.iter().copied().filter(|t| unbound_anywhere.contains(t)).collect();
                    unbound_read.sort_unstable();
                    unbound_read.dedup();
                    let unread = params.iter().filter(|p| !mentioned.contains(p)).count();
                    let renamed = !unbound_read.is_empty() && unbound_read.len() == unread;
                    // A stub ([`sketch::stub_function`]) or a body that reads none of its parameters
                    // ([`sketch::ignores_its_inputs`]), told from what was just counted.
                    let written_anew = node.kind == "pass_statement" || (!params.is_empty() && unread == params.len());
                    // What the tests' numbers fit comes first. Also for a lone statement that reads its inputs
                    // (`return x % 2 == 0` in `def neg(x)`): a formula that fits every example with one to spare is
                    // what the tests ask, and no classic edit reaches it.
                    let name = sketch::function_name(tree, function).unwrap_or("");
                    let fitted = examples::fitted_formula(&facts.examples, name, &params);
                    let fitted_tier = if renamed { Tier::Rewrite } else { Tier::Fitted };
                    if let Some(formula) = &fitted {
                        push(fitted_tier, format!("return {formula}"));
                    }
                    if written_anew {
                        let constants = sketch::spec_constants(tree, function);
                        // Else what its examples' labels fit: for one number, the label of each range (`return
                        // "cold" if degrees < 10 else …`) or a decision list over divisibility (leap years); for
                        // several, a predicate (`return a * b > 0`).
                        if fitted.is_none() {
                            let numbers: Vec<f64> = constants.iter().filter_map(|c| c.parse().ok()).collect();
                            let body = match params[..] {
                                [param] => examples::piecewise_body(&facts.labelled, name, param, &numbers)
                                    .or_else(|| examples::decision_list(&facts.labelled, name, param, &numbers)),
                                _ => examples::fitted_predicate(&facts.labelled, name, &params, &numbers)
                                    .map(|p| format!("return {p}")),
                            };
                            if let Some(body) = body {
                                push(fitted_tier, body);
                            }
                        }
                        let markers = sketch::cue_markers(tree, function, true);
                        let bodies = sketch::stub_returns(&params, &constants).into_iter();
                        for t in bodies.chain(sketch::stub_idioms(&params)) {
                            let cued = !renamed && markers.iter().any(|m| t.contains(m));
                            push(if cued { Tier::Cued } else { Tier::Rewrite }, t);
                        }
                    }
                }
                // A `pass` that ends a body doing something else stands where its `return v` was.
                if let Some(function) = pass_ending_a_body(tree, id) {
                    for name in assigned_names(tree, function) {
                        push(Tier::Classic, format!("return {name}"));
                    }
                }
                // A statement grafted over another stands where an initialisation of a local read before it is
                // bound (`max_depth = 0`) or one of its function's returns was, or where nothing was (over a
                // docstring), or where a local's binding was: an accumulator's update, any small value (a rewrite:
                // many). Mends of a small simple statement only: a loop whose header cannot be right is mended
                // there (`for op in op - bool`), and deleting a compound statement or returning in its place passes
                // the tests its absence passes, which lures the search away. Nor is it deleted where that leaves
                // a branch empty (`else: pass`), nor become a `return` with statements after it (dead code): nobody
                // writes those, and the tests they pass lure the search too.
                if let Some(function) = sketch::enclosing_function(tree, id)
                    && is_foreign_statement(tree, id, &nonsense_at, &unbound_anywhere)
                {
                    let compound = tree.children(id).any(|c| tree.node(c).kind == "block");
                    let small = if node.leaves <= MAX_SITE_LEAVES { Tier::Mend } else { Tier::Classic };
                    let tier = if compound { Tier::Classic } else { small };
                    let siblings: Vec<NodeId> =
                        node.parent.map(|b| tree.named_children(b).collect()).unwrap_or_default();
                    // (A function's lone statement deleted leaves a stub, which the stub's menu writes anew.)
                    let body_of_function = node.parent.and_then(|b| tree.node(b).parent) == Some(function);
                    if siblings.len() > 1 || body_of_function {
                        push(tier, "pass".into());
                    }
                    for (name, read) in read_before_bound(tree, function) {
                        if read > start {
                            for v in INITIAL_VALUES {
                                push(small, format!("{name} = {v}"));
                            }
                        }
                    }
                    // Inside a loop, the return that follows the loop would be a `break`.
                    let after_loop = innermost_loop(tree, id).and_then(|l| {
                        let block = tree.node(l).parent?;
                        let next = tree.named_children(block).skip_while(|&c| c != l).nth(1)?;
                        Some(tree.text(tree.node(next).span))
                    });
                    // In a loop, the statement that ended a branch may have left it (`break` under a string).
                    if siblings.last() == Some(&id) && innermost_loop(tree, id).is_some() {
                        push(tier, "break".into());
                        push(tier, "continue".into());
                    }
                    if siblings.last() == Some(&id) {
                        for r in returns_of(tree, function) {
                            if after_loop != Some(r.as_str()) {
                                push(tier, r);
                            }
                        }
                    }
                    // Ending the function's body, it stands where the `return v` was (`int = 1` for `return n`).
                    if siblings.last() == Some(&id) && body_of_function {
                        let stored = tree
                            .children(id)
                            .find(|&c| tree.node(c).kind == "assignment")
                            .and_then(|a| tree.children(a).find(|&c| tree.node(c).field == Some("left")))
                            .map(|t| tree.text(tree.node(t).span));
                        for name in assigned_names(tree, function).into_iter().filter(|&n| Some(n) != stored) {
                            push(Tier::Classic, format!("return {name}"));
                        }
                    }
                    if tier == Tier::Mend {
                        let lost = lost_bindings(tree, function, id, &unbound_anywhere);
                        for u in lost.updates.into_iter().chain(lost.cued) {
                            push(tier, u);
                        }
                        for v in lost.values {
                            push(Tier::Rewrite, v);
                        }
                    }
                }
                // (A duplicated statement is an additive edit: one statement cannot become two, its block can.)
                push(rewrite, "pass".into());
            }
            // A function that falls off its end where it should return what it built: its body, then `return v`
            // for each name it assigns (or takes). On the block: one statement cannot become two.
            // And the loop that never ends: a `while` body that never binds a name its condition reads gets
            // `v += 1` or `v -= 1` at its end.
            ReplacementClass::Block => {
                let body = block_body(tree, id);
                if let Some(body) = &body
                    && let Some(function) = falls_off_its_end(tree, id)
                {
                    for name in assigned_names(tree, function) {
                        push(Tier::Classic, format!("{body}\nreturn {name}"));
                    }
                }
                if let Some(body) = &body
                    && let Some(parent) = node.parent.filter(|&p| tree.node(p).kind == "while_statement")
                {
                    for name in names_never_bound_in(tree, parent, id) {
                        push(Tier::Classic, format!("{body}\n{name} += 1"));
                        push(Tier::Classic, format!("{body}\n{name} -= 1"));
                    }
                }
            }
            _ => {}
        }
    }
    distinct(out)
}

/// The edits without repeats (the same text at the same site), each in its first place and its lowest tier.
fn distinct(edits: Vec<RawEdit>) -> Vec<RawEdit> {
    let mut first: HashMap<(Span, ReplacementClass, String), usize> = HashMap::new();
    let mut out: Vec<RawEdit> = Vec::with_capacity(edits.len());
    for edit in edits {
        match first.entry((edit.span, edit.class, edit.text.clone())) {
            Entry::Occupied(i) => {
                let kept = &mut out[*i.get()];
                kept.tier = kept.tier.min(edit.tier);
            }
            Entry::Vacant(slot) => {
                slot.insert(out.len());
                out.push(edit);
            }
        }
    }
    out
}

/// The menu's last tier, tried after every edit of [`single_edits`] (in turns with compositions): edits that add code rather than change it,
/// so many per program that first they would crowd out the classic ones.
/// - A statement inserted: each one-line simple statement of the program (a call, an assignment, a `return`,
///   `break` or `continue`) copied to each position of each block of a function (the append after the loop that
///   flushes the last group, a base case's `return`). On the block: one statement cannot become two.
/// - A base case inserted first in a recursive function's body: `if n <= 1: return 1` and kin ([`base_cases`]).
/// - A condition negated, widened or narrowed: an `if`, `elif` or `while` condition or a returned predicate `C`
///   becomes `not C`, `C and E` or `C or E` for each other comparison, `not` or boolean operator `E` of the program,
///   or a comparison of it with two names exchanged (the missing clause; [`names_exchanged`]).
pub fn additive_edits(tree: &Tree) -> Vec<RawEdit> {
    let one_line = |id: NodeId| {
        let node = tree.node(id);
        let text = tree.text(node.span);
        (node.leaves <= MAX_SITE_LEAVES && !text.contains('\n') && !in_header(tree, id)).then_some(text)
    };
    let mut statements = Vec::new();
    let mut conditions = Vec::new();
    for id in 0..tree.nodes().len() as NodeId {
        let node = tree.node(id);
        let Some(text) = one_line(id) else { continue };
        match node.kind {
            "expression_statement" | "return_statement" | "break_statement" | "continue_statement"
                if !tree.is_docstring(id) =>
            {
                push_new(&mut statements, text)
            }
            "comparison_operator" | "not_operator" | "boolean_operator"
                if !conditions.iter().any(|(t, _)| t == text) =>
            {
                conditions.push((text.to_string(), grouped(node.kind, text)));
            }
            _ => {}
        }
    }
    // The cases a symmetric condition forgot: each comparison with two of its names exchanged (`b + c > a` beside
    // `a + b > c and a + c > b`).
    let mut mirrored = Vec::new();
    for (text, _) in conditions.iter().filter(|(t, _)| !t.contains(" and ") && !t.contains(" or ")) {
        for variant in names_exchanged(text) {
            if !conditions.iter().any(|(t, _)| *t == variant) && !mirrored.iter().any(|(t, _)| *t == variant) {
                mirrored.push((variant.clone(), variant));
            }
        }
    }
    conditions.extend(mirrored);
    let mut out = Vec::new();
    for id in tree.replaceable() {
        let node = tree.node(id);
        let text = tree.text(node.span);
        if in_header(tree, id) || sketch::enclosing_function(tree, id).is_none() {
            continue;
        }
        let mut push = |class: ReplacementClass, t: String| {
            if t != text {
                out.push(RawEdit { span: node.span, class, text: t, tier: Tier::Rewrite });
            }
        };
        if node.class == Some(ReplacementClass::Block)
            && let Some(body) = block_body(tree, id)
        {
            let lines: Vec<&str> = body.split('\n').collect();
            // A statement may go before any of the block's statements, or last.
            let mut positions = statement_lines(tree, id);
            positions.push(lines.len());
            let insert = |at: usize, statement: &str| {
                let mut new = lines.clone();
                new.insert(at, statement);
                new.join("\n")
            };
            // `break` and `continue` only where a loop encloses the block (CPython refuses them elsewhere).
            let in_loop = innermost_loop(tree, id).is_some();
            for statement in statements.iter().filter(|s| in_loop || !matches!(**s, "break" | "continue")) {
                for &at in &positions {
                    push(ReplacementClass::Block, insert(at, statement));
                }
            }
            for guard in base_cases(tree, id) {
                push(ReplacementClass::Block, insert(positions[0], &guard));
            }
            for update in carried_updates(tree, id) {
                for &at in &positions {
                    push(ReplacementClass::Block, insert(at, &update));
                }
            }
            for (after, flush) in flushes(tree, id) {
                push(ReplacementClass::Block, insert(positions[after + 1], &flush));
            }
        }
        let is_condition = is_condition(tree, id);
        // A returned predicate is a condition too: `return a + b > c and a + c > b`.
        let is_predicate = node.parent.is_some_and(|p| tree.node(p).kind == "return_statement")
            && matches!(node.kind, "comparison_operator" | "boolean_operator" | "not_operator");
        if (is_condition || is_predicate) && !text.contains('\n') {
            let c = grouped(node.kind, text);
            if node.kind != "not_operator" {
                push(ReplacementClass::Expression, format!("not {c}"));
            }
            // `A and B` takes another clause bare either way (`and` binds tighter than `or`): `A and B and E` is
            // the program a programmer writes, and the one the intended fix is compared with.
            let operator = (node.kind == "boolean_operator")
                .then(|| tree.children(id).map(|k| tree.text(tree.node(k).span)).find(|t| matches!(*t, "and" | "or")))
                .flatten();
            let (with_and, with_or) = match operator {
                Some("and") => (text.to_string(), text.to_string()),
                Some(_) => (c.clone(), text.to_string()),
                None => (c.clone(), c.clone()),
            };
            for (_, e) in conditions.iter().filter(|(e, _)| !text.contains(e.as_str())) {
                push(ReplacementClass::Expression, format!("{with_and} and {e}"));
                push(ReplacementClass::Expression, format!("{with_or} or {e}"));
            }
        }
    }
    distinct(out)
}

/// What a loop leaves unflushed: after each loop of the block `block` (the index of the loop among its statements,
/// as [`statement_lines`] counts them) that appends to a collection by name (`lines.append(line)`), the same append
/// of each other name the loop reads (`lines.append(text)`, the rest a line wrapper never adds).
fn flushes(tree: &Tree, block: NodeId) -> Vec<(usize, String)> {
    let statements = tree.children(block).filter(|&c| !tree.node(c).extra && !tree.is_docstring(c));
    let mut out = Vec::new();
    for (i, lp) in statements.enumerate() {
        if !matches!(tree.node(lp).kind, "for_statement" | "while_statement") {
            continue;
        }
        let names = read_names(tree, lp);
        for call in (lp..tree.node(lp).subtree_end).filter(|&c| tree.node(c).kind == "call") {
            let Some(callee) = tree.children(call).find(|&c| tree.node(c).field == Some("function")) else { continue };
            let Some(list) = tree.children(call).find(|&c| tree.node(c).kind == "argument_list") else { continue };
            let callee_text = tree.text(tree.node(callee).span);
            let args: Vec<NodeId> = tree.named_children(list).collect();
            let (Some((receiver, "append")), &[arg]) = (callee_text.rsplit_once('.'), &args[..]) else { continue };
            let arg = tree.text(tree.node(arg).span);
            let is_name = |t: &str| t.chars().all(|c| c.is_alphanumeric() || c == '_');
            if !is_name(receiver) {
                continue;
            }
            for name in names.iter().filter(|&&n| n != arg && n != receiver) {
                let flush = format!("{receiver}.append({name})");
                if !out.iter().any(|(at, f)| *at == i && *f == flush) {
                    out.push((i, flush));
                }
            }
        }
    }
    out
}

/// The update a loop never makes of a local it carries: for the body `block` of a loop, each local bound once
/// before the loop and read in it but never bound in it, become each name the loop binds (`prevnode = node`, which
/// a list reversal's loop lacks).
fn carried_updates(tree: &Tree, block: NodeId) -> Vec<String> {
    let Some(lp) =
        tree.node(block).parent.filter(|&p| matches!(tree.node(p).kind, "for_statement" | "while_statement"))
    else {
        return Vec::new();
    };
    let Some(function) = sketch::enclosing_function(tree, lp) else { return Vec::new() };
    let inside = |n: NodeId| lp < n && n < tree.node(lp).subtree_end;
    let stores = local_stores(tree, function);
    let mut bound_inside: Vec<&str> = Vec::new();
    for &(name, _) in stores.iter().filter(|&&(_, a)| inside(a)) {
        push_new(&mut bound_inside, name);
    }
    if tree.node(lp).kind == "for_statement"
        && let Some(left) = tree.children(lp).find(|&c| tree.node(c).field == Some("left"))
        && tree.node(left).kind == "identifier"
    {
        push_new(&mut bound_inside, tree.text(tree.node(left).span));
    }
    let mut out = Vec::new();
    for &(carried, a) in &stores {
        let once = stores.iter().filter(|&&(n, _)| n == carried).count() == 1;
        if once && tree.node(a).span.end <= tree.node(lp).span.start && reads_name(tree, lp, carried) {
            for x in bound_inside.iter().filter(|&&x| x != carried) {
                out.push(format!("{carried} = {x}"));
            }
        }
    }
    out
}

/// The line (of the block `id`, from 0) each of its statements starts on, a docstring and comments aside.
fn statement_lines(tree: &Tree, id: NodeId) -> Vec<usize> {
    let start = tree.node(id).span.start as usize;
    tree.children(id)
        .filter(|&c| !tree.node(c).extra && !tree.is_docstring(c))
        .map(|c| tree.source()[start..tree.node(c).span.start as usize].matches('\n').count())
        .collect()
}

/// What a guard returns: the empty or neutral value of the common result types.
const GUARD_VALUES: [&str; 7] = ["None", "0", "[]", "\"\"", "False", "True", "-1"];

/// Guards for an input a function crashes on: `if C: return V` first in its body (after the docstring), with `C`
/// one of `not p`, `p == 0`, `p is None` for a parameter `p` and `V` one of [`GUARD_VALUES`] (the missing check for
/// an empty list, a zero divisor, a `None`). The baseline tries them only where a failing test died in the function
/// on such an input ([`Suspicion::crashed`]); anywhere else they would crowd the menu, as base cases did in every
/// function ([`base_cases`]).
pub fn guard_edits(tree: &Tree) -> Vec<RawEdit> {
    let mut out = Vec::new();
    for id in tree.replaceable() {
        let node = tree.node(id);
        let Some(function) = node.parent.filter(|&f| tree.node(f).kind == "function_definition") else { continue };
        let first = statement_lines(tree, id).first().copied();
        let (Some(ReplacementClass::Block), Some(body), Some(at)) = (node.class, block_body(tree, id), first) else {
            continue;
        };
        let lines: Vec<&str> = body.split('\n').collect();
        for p in sketch::parameters(tree, function) {
            for condition in [format!("not {p}"), format!("{p} == 0"), format!("{p} is None")] {
                for value in GUARD_VALUES {
                    let guard = format!("if {condition}:\n    return {value}");
                    let mut new = lines.clone();
                    new.insert(at, &guard);
                    out.push(RawEdit {
                        span: node.span,
                        class: ReplacementClass::Block,
                        text: new.join("\n"),
                        tier: Tier::Rewrite,
                    });
                }
            }
        }
    }
    out
}

/// A standard module small functions use: its public functions (and classes called like them), from CPython 3.11's
/// `dir` (what a misspelt or grafted attribute of the module may have been), and the names it is known for (what a
/// function may use without importing it: `Counter`, `gcd`). A table, not a probe: the menu is built without running
/// Python.
struct StandardModule {
    name: &'static str,
    functions: &'static [&'static str],
    known_for: &'static [&'static str],
}

const fn module(
    name: &'static str,
    functions: &'static [&'static str],
    known_for: &'static [&'static str],
) -> StandardModule {
    StandardModule { name, functions, known_for }
}

#[rustfmt::skip]
const STANDARD_MODULES: [StandardModule; 21] = [
    module("re", &["compile", "escape", "findall", "finditer", "fullmatch", "match", "search", "split", "sub", "subn"],
        &[]),
    module("math", &["acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "comb", "copysign", "cos",
        "cosh", "degrees", "dist", "erf", "erfc", "exp", "expm1", "fabs", "factorial", "floor", "fmod", "frexp", "fsum",
        "gamma", "gcd", "hypot", "isclose", "isfinite", "isinf", "isnan", "isqrt", "lcm", "ldexp", "lgamma", "log",
        "log10", "log1p", "log2", "modf", "perm", "pow", "prod", "radians", "remainder", "sin", "sinh", "sqrt", "tan",
        "tanh", "trunc"],
        &["gcd", "sqrt", "floor", "ceil", "inf", "pi", "isqrt", "prod", "factorial", "comb", "log"]),
    module("cmath", &["acos", "asin", "atan", "cos", "exp", "isclose", "log", "log10", "phase", "polar", "rect", "sin",
        "sqrt", "tan"], &[]),
    module("heapq", &["heapify", "heappop", "heappush", "heappushpop", "heapreplace", "merge", "nlargest",
        "nsmallest"], &["heappush", "heappop", "heapify", "nlargest", "nsmallest"]),
    module("bisect", &["bisect", "bisect_left", "bisect_right", "insort", "insort_left", "insort_right"],
        &["bisect_left", "bisect_right", "insort"]),
    module("itertools", &["accumulate", "chain", "combinations", "combinations_with_replacement", "compress", "count",
        "cycle", "dropwhile", "filterfalse", "groupby", "islice", "pairwise", "permutations", "product", "repeat",
        "starmap", "takewhile", "tee", "zip_longest"],
        &["permutations", "combinations", "product", "accumulate", "groupby", "chain", "zip_longest", "islice"]),
    module("functools", &["cache", "cmp_to_key", "lru_cache", "partial", "reduce", "total_ordering", "wraps"],
        &["reduce", "lru_cache", "partial", "cmp_to_key"]),
    module("collections", &["ChainMap", "Counter", "OrderedDict", "defaultdict", "deque", "namedtuple"],
        &["Counter", "defaultdict", "deque", "OrderedDict", "namedtuple"]),
    module("statistics", &["fmean", "geometric_mean", "harmonic_mean", "mean", "median", "median_high", "median_low",
        "mode", "multimode", "pstdev", "pvariance", "quantiles", "stdev", "variance"], &[]),
    module("string", &["capwords"], &[]),
    module("fractions", &[], &["Fraction"]),
    module("copy", &[], &["deepcopy"]),
    module("random", &[], &[]),
    module("operator", &[], &[]),
    module("decimal", &[], &[]),
    module("datetime", &[], &[]),
    module("json", &[], &[]),
    module("os", &[], &[]),
    module("sys", &[], &[]),
    module("time", &[], &[]),
    module("hashlib", &[], &[]),
];

fn module_functions(name: &str) -> &'static [&'static str] {
    STANDARD_MODULES.iter().find(|m| m.name == name).map_or(&[], |m| m.functions)
}

/// The import that binds a name of the standard library a function may use without importing it: a module of
/// [`STANDARD_MODULES`] (`math`) or a name a module is known for (`Counter`).
fn import_of(name: &str) -> Option<String> {
    if STANDARD_MODULES.iter().any(|m| m.name == name) {
        return Some(format!("import {name}"));
    }
    let module = STANDARD_MODULES.iter().find(|m| m.known_for.contains(&name))?;
    Some(format!("from {} import {name}", module.name))
}

/// The body (block) of each function that spells `name` but does not take it as a parameter (an import or an
/// initialisation there would hide the argument), with how many times the body spells it.
fn bodies_reading(tree: &Tree, name: &str) -> Vec<(usize, NodeId)> {
    tree.replaceable()
        .filter_map(|id| {
            let node = tree.node(id);
            let function = node.parent.filter(|&f| tree.node(f).kind == "function_definition")?;
            if node.class != Some(ReplacementClass::Block) || sketch::parameters(tree, function).contains(&name) {
                return None;
            }
            let spellings = (id..node.subtree_end)
                .filter(|&c| {
                    let n = tree.node(c);
                    n.kind == "identifier" && n.field != Some("attribute") && tree.text(n.span) == name
                })
                .count();
            (spellings > 0).then_some((spellings, id))
        })
        .collect()
}

/// Each of `statements` first in the function body `body` (after its docstring), as edits of the body.
fn first_in_body(tree: &Tree, body: NodeId, statements: &[String]) -> Vec<RawEdit> {
    let (Some(text), Some(&at)) = (block_body(tree, body), statement_lines(tree, body).first()) else {
        return Vec::new();
    };
    let lines: Vec<&str> = text.split('\n').collect();
    statements
        .iter()
        .map(|statement| {
            let mut new = lines.clone();
            new.insert(at, statement);
            RawEdit {
                span: tree.node(body).span,
                class: ReplacementClass::Block,
                text: new.join("\n"),
                tier: Tier::Classic,
            }
        })
        .collect()
}

/// How many locals a grafted statement's lost binding is enumerated for ([`lost_bindings`]).
const MAX_LOST_TARGETS: usize = 3;

/// What a name read before its assignment starts as: the empty or neutral value of the common types.
const INITIAL_VALUES: [&str; 6] = ["0", "[]", "\"\"", "None", "{}", "1"];

/// The methods `str` and `bytes` share (CPython 3.11's `dir`, `_` names aside).
#[rustfmt::skip]
const STRING_METHODS: [&str; 39] = [
    "capitalize", "center", "count", "endswith", "expandtabs", "find", "index", "isalnum", "isalpha", "isascii",
    "isdigit", "islower", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans",
    "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit",
    "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill",
];

/// The public attributes of the builtin types an `AttributeError` can name (CPython 3.11's `dir`, `_` names aside):
/// where a method name is misspelt or wrong (`xs.fact()` for `xs.clear()`), the right one is among them.
#[rustfmt::skip]
fn builtin_attributes(type_name: &str) -> Vec<&'static str> {
    let own: &[&str] = match type_name {
        "list" => &["append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse", "sort"],
        "dict" => &["clear", "copy", "fromkeys", "get", "items", "keys", "pop", "popitem", "setdefault", "update", "values"],
        "set" => &[
            "add", "clear", "copy", "difference", "difference_update", "discard", "intersection", "intersection_update",
            "isdisjoint", "issubset", "issuperset", "pop", "remove", "symmetric_difference",
            "symmetric_difference_update", "union", "update",
        ],
        "tuple" => &["count", "index"],
        "str" => &[
            "casefold", "encode", "format", "format_map", "isdecimal", "isidentifier", "isnumeric", "isprintable",
        ],
        "bytes" => &["decode", "fromhex", "hex"],
        "int" | "bool" => &[
            "as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator", "from_bytes", "imag", "numerator",
            "real", "to_bytes",
        ],
        "float" => &["as_integer_ratio", "conjugate", "fromhex", "hex", "imag", "is_integer", "real"],
        _ => &[],
    };
    let shared: &[&str] = if matches!(type_name, "str" | "bytes") { &STRING_METHODS } else { &[] };
    shared.iter().chain(own).copied().collect()
}

/// Names this close (Damerau–Levenshtein distance) to the missing one are its likely misspellings: `lenght`,
/// `splitt`, `apend`…
const MISSPELLING_DISTANCE: usize = 2;

/// … if they are also this alike (normalised: 1 for equal names): any two one-letter names are one edit apart,
/// and on the toy set, ranking `a` → `x` as a sure repair of `return x == hi` cost the model search three repairs.
const MISSPELLING_LIKENESS: f64 = 0.6;

/// The edits that supply what the failing tests' errors say is missing ([`Missing`]), all classic.
#[derive(Debug, Default)]
pub struct ErrorEdits {
    /// Tried before every other edit: the errors name their culprit.
    /// - A name never bound (`NameError`) or read before its assignment (`UnboundLocalError`): each binding of the
    ///   program (a parameter, an assignment's or a loop's target) spelt like it ([`MISSPELLING_DISTANCE`],
    ///   [`MISSPELLING_LIKENESS`]) renamed to it, and each read of it renamed to each such binding.
    /// - A local read before its assignment that the function spells more than once (`total += n` and `return
    ///   total`, not a lone `x -= 1`, which is itself misspelt): `x = V` first in the body of each function that
    ///   spells it and does not take it as a parameter ([`INITIAL_VALUES`]), the missing initialisation.
    /// - A name never bound that names a standard module or a name one is known for, where no binding looks like
    ///   its misspelling: `import math`, `from collections import Counter` first in the body ([`import_of`]).
    /// - An attribute the value's builtin type lacks: each of the type's attributes spelt as closely, in its place,
    ///   each other name the program shows to have it in place of its receiver (`names_with_attribute`), and the
    ///   receiver alone in place of the attribute (or of its call without arguments).
    /// - A value of a type a `TypeError` refused: each name the program binds in place of each literal or name of
    ///   that type on the line that raised (`total += '-'`, `set(below_zero)` where `below_zero` is a function).
    pub first: Vec<RawEdit>,
    /// Tried next by the baseline (the model search lets the model rank them): for a name never bound or read
    /// before its assignment, each binding nothing reads and (for a name never bound) each parameter renamed to it,
    /// and each read of it (or the attribute it begins, `odd.append`) renamed to each binding nothing reads. A
    /// renamed parameter or loop variable leaves the old name unbound in the body and the new one unread; but a
    /// function has parameters whatever its bug, and on the toy set ranking these as sure cost the model search.
    pub likely: Vec<RawEdit>,
    /// The other such edits, tried with the rest of the menu by suspicion: every other binding renamed to the
    /// missing name (a corruption grafts foreign names), every other attribute of the type, the initialisation of a
    /// lone name, an import where a binding looks like the name's misspelling.
    pub rest: Vec<RawEdit>,
}

/// Is the node a name the program binds (a parameter, an assignment's or a loop's target), not a definition's own
/// name nor a keyword argument's?
fn is_binding(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    node.kind == "identifier"
        && node.class == Some(ReplacementClass::Identifier)
        && node.field != Some("attribute")
        && !is_definition_name(tree, id)
        && node.parent.is_none_or(|p| tree.node(p).kind != "keyword_argument")
}

/// Is the binding a function's (or a lambda's) parameter?
fn is_parameter(tree: &Tree, id: NodeId) -> bool {
    let mut cursor = tree.node(id).parent;
    while let Some(c) = cursor {
        match tree.node(c).kind {
            "parameters" | "lambda_parameters" => return true,
            "typed_parameter"
            | "default_parameter"
            | "typed_default_parameter"
            | "list_splat_pattern"
            | "dictionary_splat_pattern" => cursor = tree.node(c).parent,
            _ => return false,
        }
    }
    false
}

/// See [`ErrorEdits`].
pub fn error_edits(tree: &Tree, missing: &[Missing], facts: &TestFacts) -> ErrorEdits {
    let mut out = ErrorEdits::default();
    let close = |a: &str, b: &str| {
        strsim::damerau_levenshtein(a, b) <= MISSPELLING_DISTANCE
            && strsim::normalized_damerau_levenshtein(a, b) >= MISSPELLING_LIKENESS
    };
    let edit = |span: Span, class: ReplacementClass, text: String| RawEdit { span, class, text, tier: Tier::Classic };
    // The names the program reads (a name only bound, never read, was likely renamed away from what is missing).
    let reads: HashSet<&str> = (0..tree.nodes().len() as NodeId)
        .map(|id| tree.node(id))
        .filter(|n| n.kind == "identifier" && n.class == Some(ReplacementClass::Expression))
        .map(|n| tree.text(n.span))
        .collect();
    for m in missing {
        match m {
            Missing::Name(name) | Missing::Local(name) => {
                // Each binding renamed to the missing name; those spelt like it are its likely misspellings, and
                // a parameter (of a name never bound) or a binding nothing reads its likely culprits.
                let mut misspelt: Vec<&str> = Vec::new();
                let mut unread: Vec<&str> = Vec::new();
                let mut likely = Vec::new();
                for id in (0..tree.nodes().len() as NodeId).filter(|&id| is_binding(tree, id)) {
                    let span = tree.node(id).span;
                    let text = tree.text(span);
                    if text == name {
                        continue;
                    }
                    let renamed = edit(span, ReplacementClass::Identifier, name.clone());
                    let is_unread = !reads.contains(text) && !text.starts_with('_') && !matches!(text, "self" | "cls");
                    if is_unread {
                        push_new(&mut unread, text);
                    }
                    if close(text, name) {
                        push_new(&mut misspelt, text);
                        out.first.push(renamed);
                    } else if is_unread || (matches!(m, Missing::Name(_)) && is_parameter(tree, id)) {
                        likely.push(renamed);
                    } else {
                        out.rest.push(renamed);
                    }
                }
                // The other way round: each read of the missing name becomes a bound name spelt like it (`lenght`
                // for `length`), then a bound name nothing reads, in place of the read or of the attribute it
                // begins (a graft's `odd.append - mean` for `x - mean`).
                for id in (0..tree.nodes().len() as NodeId).filter(|&id| {
                    let node = tree.node(id);
                    node.kind == "identifier"
                        && node.class == Some(ReplacementClass::Expression)
                        && tree.text(node.span) == name
                }) {
                    let node = tree.node(id);
                    for b in &misspelt {
                        out.first.push(edit(node.span, ReplacementClass::Expression, b.to_string()));
                    }
                    let attribute = node
                        .parent
                        .filter(|&p| node.field == Some("object") && tree.node(p).kind == "attribute")
                        .map(|p| tree.node(p).span);
                    for b in unread.iter().filter(|b| !misspelt.contains(b)) {
                        for span in std::iter::once(node.span).chain(attribute) {
                            likely.push(edit(span, ReplacementClass::Expression, b.to_string()));
                        }
                    }
                }
                out.likely.append(&mut likely);
                // The statements that would bind it: an initialisation of a local, an import of a module or of a
                // name a standard module is known for (unless a binding looks like its misspelling: `time` for
                // `times`).
                let statements: Vec<String> = match m {
                    Missing::Local(_) => INITIAL_VALUES.iter().map(|v| format!("{name} = {v}")).collect(),
                    _ => import_of(name).into_iter().collect(),
                };
                for (spellings, body) in bodies_reading(tree, name) {
                    // A lone `x -= 1` is itself misspelt more often than it lacks `x = 0`.
                    let sure = match m {
                        Missing::Local(_) => spellings > 1,
                        _ => misspelt.is_empty(),
                    };
                    let list = if sure { &mut out.first } else { &mut out.rest };
                    list.extend(first_in_body(tree, body, &statements));
                }
            }
            Missing::Attribute { type_name, attribute } => {
                let mut others = builtin_attributes(type_name);
                others.retain(|o| o != attribute);
                others.sort_by_key(|o| strsim::damerau_levenshtein(o, attribute));
                for id in 0..tree.nodes().len() as NodeId {
                    let node = tree.node(id);
                    if node.kind == "identifier" && node.field == Some("attribute") && tree.text(node.span) == attribute
                    {
                        for other in &others {
                            let list = if close(other, attribute) { &mut out.first } else { &mut out.rest };
                            list.push(edit(node.span, ReplacementClass::Identifier, other.to_string()));
                        }
                    }
                }
                // Or the receiver is the wrong name (`depth.clear()` for `path.clear()`): each name the program
                // shows to have the attribute takes its place. Or the attribute of a builtin type does not belong
                // at all: `b.reverse()` (or `b.real`) becomes `b`.
                let holders = names_with_attribute(tree, attribute);
                for id in 0..tree.nodes().len() as NodeId {
                    let node = tree.node(id);
                    if node.kind != "attribute" {
                        continue;
                    }
                    let mut parts = tree.named_children(id).map(|c| (c, tree.node(c)));
                    let (Some((_, object)), Some((_, name))) = (parts.next(), parts.next()) else { continue };
                    if tree.text(name.span) != attribute {
                        continue;
                    }
                    if object.kind == "identifier" {
                        let receiver = tree.text(object.span);
                        for holder in holders.iter().filter(|&&h| h != receiver) {
                            out.first.push(edit(object.span, ReplacementClass::Expression, holder.to_string()));
                        }
                    }
                    // Or a standard module has it (`str1[0].sub(…)` where `re.sub(…)` was; the import is in the
                    // file around the function, which the menu does not see).
                    for module in STANDARD_MODULES.iter().filter(|m| m.functions.contains(&attribute.as_str())).take(2)
                    {
                        out.first.push(edit(object.span, ReplacementClass::Expression, module.name.to_string()));
                    }
                    // (Of a builtin type only: a class of the program's may lack what it should have.)
                    if !others.is_empty() {
                        let called_bare = node.parent.filter(|&p| {
                            tree.node(p).kind == "call"
                                && node.field == Some("function")
                                && tree.children(p).any(|a| tree.text(tree.node(a).span) == "()")
                        });
                        let whole = called_bare.map_or(node.span, |p| tree.node(p).span);
                        out.first.push(edit(whole, ReplacementClass::Expression, tree.text(object.span).to_string()));
                        // A method called with arguments where a builtin took them (`xs.finditer(g)` for `max(g)`).
                        if let Some(call) =
                            node.parent.filter(|&p| tree.node(p).kind == "call" && called_bare.is_none())
                            && let Some(arguments) = tree.children(call).find(|&a| tree.node(a).kind == "argument_list")
                        {
                            let arguments = tree.text(tree.node(arguments).span);
                            for f in ["max", "min", "sum", "len", "sorted", "list", "set", "tuple", "any", "all"] {
                                let text = format!("{f}{arguments}");
                                out.likely.push(edit(tree.node(call).span, ReplacementClass::Expression, text));
                            }
                        }
                    }
                }
            }
            // A module's function misspelt or grafted over (`re.num_list(…)`): each function the module has, those
            // spelt like it first.
            // (The message names the module, the program may alias it: `hq.nlargest` for heapq's.)
            Missing::ModuleAttribute { module, attribute } => {
                let mut others: Vec<&str> = module_functions(module).to_vec();
                others.sort_by_key(|o| strsim::damerau_levenshtein(o, attribute));
                for id in 0..tree.nodes().len() as NodeId {
                    let mut parts = tree.named_children(id).map(|c| tree.node(c));
                    let (Some(_), Some(name)) = (parts.next(), parts.next()) else { continue };
                    if tree.node(id).kind != "attribute" || tree.text(name.span) != attribute {
                        continue;
                    }
                    for other in &others {
                        let list = if close(other, attribute) { &mut out.first } else { &mut out.likely };
                        list.push(edit(name.span, ReplacementClass::Identifier, other.to_string()));
                    }
                }
            }
            // An index of the wrong type (`x[subject_marks]` where `x[1]` was): the small indices.
            Missing::Index { line } => {
                let line_at = localize::line_index(tree.source());
                for id in 0..tree.nodes().len() as NodeId {
                    let node = tree.node(id);
                    let index = node.field == Some("subscript")
                        && node.class == Some(ReplacementClass::Expression)
                        && node.parent.is_some_and(|p| tree.node(p).kind == "subscript")
                        && line_at(node.span.start) == *line;
                    if index {
                        for small in ["0", "1", "-1"] {
                            if tree.text(node.span) != small {
                                out.first.push(edit(node.span, ReplacementClass::Expression, small.to_string()));
                            }
                        }
                    }
                }
            }
            Missing::NotCallable { line } => {
                // A value called where a function was (`pattern(pattern, text)` for `re.search(pattern, text)`): each
                // builtin given what the call passes, each function of a module the file imports, each callable of
                // the program, in its place. Not a builtin or one of the program's functions: those are callable.
                let line_at = localize::line_index(tree.source());
                let modules = modules_in_scope(tree, facts);
                let callables: Vec<&str> = (0..tree.nodes().len() as NodeId)
                    .filter(|&id| {
                        let node = tree.node(id);
                        node.field == Some("function")
                            && node.kind == "identifier"
                            && (syntax::is_builtin(tree.text(node.span)) || is_program_function(tree, id))
                    })
                    .fold(Vec::new(), |mut names, id| {
                        push_new(&mut names, tree.text(tree.node(id).span));
                        names
                    });
                for call in (0..tree.nodes().len() as NodeId).filter(|&id| tree.node(id).kind == "call") {
                    let Some(callee) = tree.children(call).find(|&c| tree.node(c).field == Some("function")) else {
                        continue;
                    };
                    let node = tree.node(callee);
                    let callable = node.kind == "identifier"
                        && (unbound_builtin(tree, callee) || is_program_function(tree, callee));
                    if line_at(node.span.start) != *line || callable || node.kind == "attribute" {
                        continue;
                    }
                    let replacements = builtins_taking(tree, call)
                        .map(str::to_string)
                        .chain(module_callees(&modules))
                        .chain(callables.iter().map(|c| c.to_string()));
                    for text in replacements.filter(|t| t != tree.text(node.span)) {
                        out.likely.push(edit(node.span, ReplacementClass::Expression, text));
                    }
                }
            }
            Missing::WrongType { types, line, operator } => {
                // A value of a refused type on the line that raised stands where another value belongs (`total +=
                // '-'` for `total += n`, `set(below_zero)` for `set(operations)`): each name the program binds
                // takes its place.
                let line_at = localize::line_index(tree.source());
                let mut names: Vec<&str> = Vec::new();
                for id in (0..tree.nodes().len() as NodeId).filter(|&id| is_binding(tree, id)) {
                    let name = tree.text(tree.node(id).span);
                    if !matches!(name, "self" | "cls") {
                        push_new(&mut names, name);
                    }
                }
                let known = known_types(tree);
                let on_line: Vec<NodeId> = (0..tree.nodes().len() as NodeId)
                    .filter(|&id| tree.node(id).class == Some(ReplacementClass::Expression))
                    .filter(|&id| line_at(tree.node(id).span.start) == *line)
                    .collect();
                // A builtin the program does not bind, read there as a value (`str < 1`, `sorted(list(max))`; not
                // called), is the likelier culprit, and the mends of what cannot be right rewrite it.
                let called = |id: NodeId| tree.node(id).field == Some("function");
                if on_line.iter().any(|&id| unbound_builtin(tree, id) && !called(id)) {
                    continue;
                }
                // An operand of the operator the message names, if it names one (`+` and `+=` alike).
                let bare = |t: &str| match t.strip_suffix('=') {
                    Some(op) if !op.is_empty() && !matches!(t, "==" | "<=" | ">=" | "!=") => op.to_string(),
                    _ => t.to_string(),
                };
                let operand_of = |id: NodeId| {
                    let Some(operator) = operator else { return true };
                    tree.node(id).parent.is_some_and(|p| {
                        matches!(
                            tree.node(p).kind,
                            "binary_operator" | "comparison_operator" | "augmented_assignment" | "unary_operator"
                        ) && tree
                            .children(p)
                            .any(|c| !tree.node(c).named && bare(tree.text(tree.node(c).span)) == bare(operator))
                    })
                };
                for id in on_line.into_iter().filter(|&id| operand_of(id)) {
                    let node = tree.node(id);
                    let refused = |t: &str| types.iter().any(|r| r == t || (t == "alias" && r.starts_with('_')));
                    let site_type = match node.kind {
                        "none" => Some("NoneType"),
                        "string" | "integer" | "float" | "true" | "false" => value_type(tree, id),
                        "identifier" => known.get(tree.text(node.span)).copied(),
                        _ => None,
                    };
                    if site_type.is_some_and(refused) {
                        let text = tree.text(node.span);
                        for name in names.iter().filter(|&&n| n != text) {
                            out.first.push(edit(node.span, ReplacementClass::Expression, name.to_string()));
                        }
                    }
                }
            }
        }
    }
    out.first = distinct(out.first);
    out.likely = distinct(out.likely);
    out.rest = distinct(out.rest);
    out
}

/// The names the program shows to have `attribute`, in order of first showing: a name read with it (`path.clear()`),
/// first bound to a value of a builtin type that has it (`path = []`, `seen = set()`, `text = str(n)`), or a parameter
/// annotated with such a type (`path: list[int]`).
fn names_with_attribute<'t>(tree: &'t Tree, attribute: &str) -> Vec<&'t str> {
    let known = known_types(tree);
    let mut out = Vec::new();
    for id in 0..tree.nodes().len() as NodeId {
        let mut parts = tree.named_children(id);
        let (Some(first), Some(second)) = (parts.next(), parts.next()) else { continue };
        let name = tree.text(tree.node(first).span);
        let holder = tree.node(first).kind == "identifier"
            && match tree.node(id).kind {
                "attribute" => tree.text(tree.node(second).span) == attribute,
                "assignment" | "typed_parameter" | "typed_default_parameter" => {
                    known.get(name).is_some_and(|t| builtin_attributes(t).contains(&attribute))
                }
                _ => false,
            };
        if holder {
            push_new(&mut out, name);
        }
    }
    out
}

/// The type of each name whose type the program shows (as CPython's `TypeError`s name it): a parameter annotated
/// with a builtin type or a local bound to a typed value (`total = 0`; the first binding decides), a function the
/// program defines (`function`), and unbound, a `typing` alias (`alias`: `_SpecialGenericAlias` and kin). Builtins
/// are left to the mends of what cannot be right.
fn known_types(tree: &Tree) -> HashMap<&str, &'static str> {
    let mut out = HashMap::new();
    for id in 0..tree.nodes().len() as NodeId {
        let node = tree.node(id);
        let mut parts = tree.named_children(id);
        let (Some(first), Some(second)) = (parts.next(), parts.next()) else { continue };
        let named = tree.node(first).kind == "identifier";
        let found = match node.kind {
            "assignment" if named && tree.node(second).field == Some("right") => value_type(tree, second),
            "typed_parameter" | "typed_default_parameter" if named => tree
                .children(id)
                .find(|&c| tree.node(c).field == Some("type"))
                .and_then(|a| type_named(tree.text(tree.node(a).span))),
            "function_definition" => Some("function"),
            _ => None,
        };
        if let Some(t) = found {
            let name = if node.kind == "function_definition" {
                tree.children(id).find(|&c| tree.node(c).field == Some("name")).map(|n| tree.text(tree.node(n).span))
            } else {
                Some(tree.text(tree.node(first).span))
            };
            if let Some(name) = name {
                out.entry(name).or_insert(t);
            }
        }
    }
    let bound: HashSet<&str> = (0..tree.nodes().len() as NodeId)
        .filter(|&b| is_binding(tree, b))
        .map(|b| tree.text(tree.node(b).span))
        .collect();
    for id in 0..tree.nodes().len() as NodeId {
        let node = tree.node(id);
        if node.kind != "identifier" || node.class != Some(ReplacementClass::Expression) {
            continue;
        }
        let name = tree.text(node.span);
        if out.contains_key(name) || bound.contains(name) {
            continue;
        }
        if matches!(
            name,
            "List" | "Dict" | "Set" | "Tuple" | "Optional" | "Union" | "Any" | "Callable" | "Iterable" | "Sequence"
        ) {
            out.insert(name, "alias");
        }
    }
    out
}

/// The builtin type of a literal, a display, a comprehension or a call of a builtin constructor (`sorted` gives a
/// list); `None` for anything else.
fn value_type(tree: &Tree, id: NodeId) -> Option<&'static str> {
    let node = tree.node(id);
    Some(match node.kind {
        "list" | "list_comprehension" => "list",
        "dictionary" | "dictionary_comprehension" => "dict",
        "set" | "set_comprehension" => "set",
        "tuple" => "tuple",
        "string" | "concatenated_string" => "str",
        "integer" => "int",
        "float" => "float",
        "true" | "false" => "bool",
        "call" => {
            let function = tree.children(id).find(|&c| tree.node(c).field == Some("function"))?;
            match tree.text(tree.node(function).span) {
                "sorted" => "list",
                callee => type_named(callee)?,
            }
        }
        _ => return None,
    })
}

/// The builtin type a name or an annotation names (`list`, `List[str]`: its head, lowercased); `None` for any other
/// (`Optional[dict]` aside).
fn type_named(text: &str) -> Option<&'static str> {
    Some(match text.split('[').next().unwrap_or("").trim() {
        "list" | "List" => "list",
        "dict" | "Dict" => "dict",
        "set" | "Set" => "set",
        "tuple" | "Tuple" => "tuple",
        "str" => "str",
        "int" => "int",
        "float" => "float",
        _ => return None,
    })
}

/// A one-line expression's variants with two of its variable names exchanged, in order of first occurrence
/// (`a + c > b` gives `c + a > b`, `b + c > a`, `a + b > c`). Attributes, called names and builtins stay.
fn names_exchanged(text: &str) -> Vec<String> {
    let tree = syntax::parse(text);
    let mut spans: Vec<(Span, &str)> = Vec::new();
    for id in 0..tree.nodes().len() as NodeId {
        let node = tree.node(id);
        let called = node.field == Some("function") && node.parent.is_some_and(|p| tree.node(p).kind == "call");
        if node.kind == "identifier" && node.field != Some("attribute") && !called {
            let name = tree.text(node.span);
            if !syntax::is_builtin(name) {
                spans.push((node.span, name));
            }
        }
    }
    let mut names: Vec<&str> = Vec::new();
    for &(_, n) in &spans {
        push_new(&mut names, n);
    }
    let mut out = Vec::new();
    for (i, &x) in names.iter().enumerate() {
        for &y in &names[i + 1..] {
            let mut variant = String::with_capacity(text.len());
            let mut copied = 0;
            for &(span, n) in &spans {
                variant.push_str(&text[copied..span.start as usize]);
                variant.push_str(if n == x {
                    y
                } else if n == y {
                    x
                } else {
                    n
                });
                copied = span.end as usize;
            }
            variant.push_str(&text[copied..]);
            out.push(variant);
        }
    }
    out
}

/// Missing base cases for a recursive function's body (`id`, its block): `if C: return V` with `C` one of `not p`,
/// `p <= 0`, `p <= 1`, `p == 0`, `len(p) <= 1` for a parameter `p`, and `V` one of `0`, `1`, `p`, `[]`, `""`,
/// `None`, `True`, `False` (the recursion's floor). Empty for any other block. Not for functions that do not call
/// themselves: 40 edits per parameter crowded the small menus of the toy tasks (the localised baseline's k = 3
/// repairs within 100 runs fell from 79 to 73%), where no base case is missing.
fn base_cases(tree: &Tree, id: NodeId) -> Vec<String> {
    let Some(function) = tree.node(id).parent.filter(|&f| tree.node(f).kind == "function_definition") else {
        return Vec::new();
    };
    if !calls_itself(tree, function) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for p in sketch::parameters(tree, function) {
        let conditions = [
            format!("not {p}"),
            format!("{p} <= 0"),
            format!("{p} <= 1"),
            format!("{p} == 0"),
            format!("len({p}) <= 1"),
        ];
        for c in &conditions {
            for v in ["0", "1", p, "[]", "\"\"", "None", "True", "False"] {
                out.push(format!("if {c}:\n    return {v}"));
            }
        }
    }
    out
}

/// Does `function` call itself (`f(...)`, or `self.f(...)` / `cls.f(...)` in a method)?
fn calls_itself(tree: &Tree, function: NodeId) -> bool {
    (function..tree.node(function).subtree_end).any(|c| {
        let node = tree.node(c);
        node.field == Some("function")
            && node.parent.is_some_and(|p| tree.node(p).kind == "call")
            && is_own_name(tree, function, tree.text(node.span))
    })
}

/// Is `callee` (a call's callee text) `function`'s own name, bare or as `self.` / `cls.` reads it?
fn is_own_name(tree: &Tree, function: NodeId, callee: &str) -> bool {
    sketch::function_name(tree, function).is_some_and(|name| {
        [callee, callee.trim_start_matches("self."), callee.trim_start_matches("cls.")].contains(&name)
    })
}

/// A block's text dedented to column 0, where it begins its line (not `if x: y`) and can be moved losslessly.
fn block_body(tree: &Tree, id: NodeId) -> Option<String> {
    let start = tree.node(id).span.start as usize;
    line_starts_at(tree.source(), start)
        .then(|| syntax::dedent(tree.text(tree.node(id).span), syntax::indentation_at(tree.source(), start)))
        .flatten()
}

/// An expression as an operand of `and`, `or` or `not`: parenthesised where those would bind it differently.
fn grouped(kind: &str, text: &str) -> String {
    if matches!(kind, "boolean_operator" | "conditional_expression" | "lambda" | "named_expression") {
        format!("({text})")
    } else {
        text.to_string()
    }
}

/// The names a `while` loop's condition reads that its body never binds (by assignment, `for`, `with`...).
fn names_never_bound_in(tree: &Tree, loop_id: NodeId, body: NodeId) -> Vec<&str> {
    let Some(condition) = tree.children(loop_id).find(|&c| tree.node(c).field == Some("condition")) else {
        return Vec::new();
    };
    let identifiers = |range: std::ops::Range<NodeId>| {
        range.filter(|&i| tree.node(i).kind == "identifier" && tree.node(i).field != Some("attribute"))
    };
    let bound: HashSet<&str> = identifiers(body..tree.node(body).subtree_end)
        .filter(|&i| tree.node(i).class != Some(ReplacementClass::Expression))
        .map(|i| tree.text(tree.node(i).span))
        .collect();
    let mut read = Vec::new();
    for i in identifiers(condition..tree.node(condition).subtree_end) {
        let name = tree.text(tree.node(i).span);
        if !bound.contains(name) && !syntax::is_builtin(name) {
            push_new(&mut read, name);
        }
    }
    read
}

/// Applies a raw edit if it splices cleanly (see [`splice_checked`]).
pub fn apply(tree: &Tree, edit: &RawEdit) -> Option<(Edit, Tree)> {
    splice_checked(tree, edit.span, edit.class, &edit.text)
}

/// Edits in order of suspicion, most suspicious first, each with its log-prior (a stable sort: equals keep their
/// order).
fn by_suspicion(start: &Tree, suspicion: &Suspicion, edits: Vec<RawEdit>) -> Vec<(f64, RawEdit)> {
    let spans: Vec<_> = edits.iter().map(|e| e.span).collect();
    let priors = suspicion.priors(start, &spans);
    let mut ranked: Vec<(f64, RawEdit)> = priors.into_iter().zip(edits).collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0));
    ranked
}

/// Ranked edits (most suspicious first) in the order the baseline tries them: within each run of equally suspicious
/// edits tier by tier, each tier in its given order, and the `late` edits last.
///
/// Measured against the tiers taking turns (classic, rename, rewrite, classic…) on the dev set of 41 real bugs: 31
/// repairs against tier by tier's 33 (which had no rename tier then), most repairs later; and no better on the toy set's corruptions (which graft foreign code, so
/// their repairs are rewrites): each tier order costs those a few points at k = 2 and 3 within 100 runs.
fn tier_by_tier(ranked: Vec<(f64, RawEdit)>, late: impl Fn(&RawEdit) -> bool) -> Vec<RawEdit> {
    let mut out = Vec::with_capacity(ranked.len());
    let mut rest = ranked.into_iter().peekable();
    while let Some((rank, first)) = rest.next() {
        let mut group = vec![first];
        while let Some((_, e)) = rest.next_if(|(r, _)| *r == rank) {
            group.push(e);
        }
        let (late_edits, mut group): (Vec<RawEdit>, Vec<RawEdit>) = group.into_iter().partition(|e| late(e));
        // Cued stub bodies simplest first (`a + b` before `sum(1 for x in b if x)`); the rest in their seeded order.
        group.sort_by_key(|e| (e.tier, if e.tier == Tier::Cued { e.text.len() } else { 0 }));
        out.extend(group);
        out.extend(late_edits);
    }
    out
}

/// A child waiting in a model-ranked search (best-first, beam): a menu edit, applied (and so re-parsed) only if it
/// is picked, or a model sample, applied when it was checked.
pub(super) enum Pending {
    Menu(RawEdit),
    Sampled(Edit, Tree),
}

impl Pending {
    /// The edit and the program it makes of `parent`; `None` when a menu edit does not splice.
    pub(super) fn apply(self, parent: &Tree) -> Option<(Edit, Tree)> {
        match self {
            Pending::Menu(raw) => apply(parent, &raw),
            Pending::Sampled(edit, tree) => Some((edit, tree)),
        }
    }
}

/// A stream of distinct candidate programs: all single edits in seeded random order (tier by tier), then the additive ones
/// (`additive_edits`) and random 2–3-edit compositions taking turns (a missing statement and a bug of several
/// edits are both common; neither tier starves the other). Each candidate carries the edits that made it.
pub struct Baseline {
    start: Tree,
    /// The tests' strings the program lacks ([`test_strings`]): part of every single-edit menu.
    facts: TestFacts,
    singles: Vec<RawEdit>,
    next_single: usize,
    additive: Vec<RawEdit>,
    next_additive: usize,
    /// Whose turn it is once the single edits are spent.
    additive_turn: bool,
    seen: HashSet<u64>,
    rng: ChaCha8Rng,
}

impl Baseline {
    pub fn new(start: &Tree, seed: u64) -> Baseline {
        Baseline::localized(start, seed, None, &TestFacts::default())
    }

    /// With a spectrum, the single edits come in order of suspicion (most suspicious lines first; within a line's
    /// rank tier by tier, each in seeded random order: `tier_by_tier`), as classic APR tools walk a
    /// fault-localisation ranking. Compositions are unchanged. The single edits include `test_strings` in place of the program's strings ([`single_edits_with`]).
    pub fn localized(start: &Tree, seed: u64, suspicion: Option<&Suspicion>, facts: &TestFacts) -> Baseline {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let errors = suspicion.map(|s| error_edits(start, s.missing(), facts)).unwrap_or_default();
        let mut singles = single_edits_with(start, facts);
        singles.extend(errors.rest);
        let mut singles = distinct(singles);
        singles.shuffle(&mut rng);
        // A stub's idioms come after every other single edit of their rank: they are many, and the small
        // expressions come first in bottom-up enumeration.
        let idioms: HashSet<String> = (0..start.nodes().len() as NodeId)
            .filter_map(|id| sketch::stub_function(start, id).or_else(|| sketch::ignores_its_inputs(start, id)))
            .flat_map(|f| sketch::stub_idioms(&sketch::parameters(start, f)))
            .collect();
        let mut additive = additive_edits(start);
        additive.shuffle(&mut rng);
        let ranked = match suspicion {
            Some(suspicion) => by_suspicion(start, suspicion, singles),
            None => singles.into_iter().map(|e| (0.0, e)).collect(),
        };
        if let Some(suspicion) = suspicion {
            additive = by_suspicion(start, suspicion, additive).into_iter().map(|(_, e)| e).collect();
            if suspicion.crashed() {
                // A check the function lacks before anything else it lacks: the tests say where it died.
                let mut guards = guard_edits(start);
                guards.append(&mut additive);
                additive = guards;
            }
        }
        // What the errors say is missing, before anything else ([`ErrorEdits::first`]); then the mends of code
        // that cannot be right, most suspicious first.
        let mut singles = errors.first;
        singles.extend(errors.likely);
        let (mends, ranked): (Vec<_>, Vec<_>) = ranked.into_iter().partition(|(_, e)| e.tier == Tier::Mend);
        singles.extend(mends.into_iter().map(|(_, e)| e));
        singles.extend(tier_by_tier(ranked, |e| e.tier != Tier::Cued && idioms.contains(&e.text)));
        let singles = distinct(singles);
        let mut seen = HashSet::new();
        seen.insert(start.normalised().fingerprint());
        Baseline {
            start: start.clone(),
            facts: facts.clone(),
            singles,
            next_single: 0,
            additive,
            next_additive: 0,
            additive_turn: true,
            seen,
            rng,
        }
    }

    /// The tests' strings its menus hold ([`Baseline::localized`]).
    pub fn facts(&self) -> &TestFacts {
        &self.facts
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
        while out.len() < n {
            let additive_left = self.next_additive < self.additive.len();
            let compositions_left = misses < 200 && !self.singles.is_empty();
            if additive_left && (self.additive_turn || !compositions_left) {
                let raw = &self.additive[self.next_additive];
                self.next_additive += 1;
                if let Some((edit, tree)) = apply(&self.start, raw)
                    && self.seen.insert(tree.normalised().fingerprint())
                {
                    out.push((vec![edit], tree));
                    self.additive_turn = false;
                }
                continue;
            }
            if !compositions_left {
                break;
            }
            match self.composition() {
                Some((edits, tree)) if self.seen.insert(tree.normalised().fingerprint()) => {
                    out.push((edits, tree));
                    misses = 0;
                    self.additive_turn = true;
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
                fresh = single_edits_with(&tree, &self.facts);
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

    /// The programs one menu edit of `broken` of the classic tier or an earlier one makes.
    fn classic(broken: &str) -> Vec<String> {
        let tree = parse(broken);
        let edits = single_edits(&tree).into_iter().filter(|e| e.tier <= Tier::Classic);
        edits.filter_map(|e| apply(&tree, &e)).map(|(_, t)| t.source().to_string()).collect()
    }

    /// A stub's candidates that its name cues come first in the baseline's order, whatever the seed.
    #[test]
    fn cued_stub_bodies_come_first() {
        let tree = parse("def double(x):\n    pass\n");
        for seed in 0..5 {
            let singles = Baseline::new(&tree, seed).singles;
            let cued = singles.iter().take_while(|e| e.tier == Tier::Cued).count();
            assert!(cued > 0 && singles[cued..].iter().all(|e| e.tier != Tier::Cued));
            assert!(singles[..cued].iter().any(|e| e.text == "return x * 2") && cued < 10, "{:?}", &singles[..cued]);
        }
        // Simplest first: the sum of two parameters before the comprehensions that sum.
        let tree = parse("def add_up(a, b):\n    pass\n");
        let singles = Baseline::new(&tree, 0).singles;
        let at = |text: &str| singles.iter().position(|e| e.text == text).expect("in the menu");
        assert!(at("return a + b") < 4 && at("return a + b") < at("return sum(1 for x in b if x)"));
        // The formula the tests' examples fit before anything cued.
        let tree = parse("def total_seconds(hours, minutes, seconds):\n    \"\"\"Count the seconds.\"\"\"\n    pass\n");
        let tests = Tests::Asserts(
            ["(0, 0, 0) == 0", "(1, 0, 0) == 3600", "(0, 1, 0) == 60", "(0, 0, 45) == 45", "(2, 30, 15) == 9015"]
                .iter()
                .map(|e| format!("assert total_seconds{e}"))
                .collect(),
        );
        let singles = Baseline::localized(&tree, 0, None, &TestFacts::of(&tests, &tree)).singles;
        assert_eq!(singles[0].text, "return hours * 3600 + minutes * 60 + seconds");
        assert_eq!((singles[0].tier, singles[1].tier), (Tier::Fitted, Tier::Cued));
    }

    /// A stub of one number whose tests label ranges of it gets the body that returns each label by range first (or
    /// by divisibility); one of several numbers whose tests say `True` or `False`, the predicate that tells them
    /// apart.
    #[test]
    fn a_stub_gets_the_body_its_labelled_examples_fit_first() {
        // The baseline's single edits of a program under tests asserting `function(case)` for each case.
        let singles_under = |program: &str, function: &str, cases: &[&str]| {
            let tree = parse(program);
            let tests = Tests::Asserts(cases.iter().map(|c| format!("assert {function}{c}")).collect());
            let singles = Baseline::localized(&tree, 0, None, &TestFacts::of(&tests, &tree)).singles;
            (tree, singles)
        };
        let first = |singles: &[RawEdit]| (singles[0].tier, singles[0].text.clone());
        let labels =
            ["(-5) == 'cold'", "(9.9) == 'cold'", "(10) == 'mild'", "(24) == 'mild'", "(25) == 'hot'", "(40) == 'hot'"];
        let stub =
            "def label(degrees: float) -> str:\n    \"\"\"\"cold\" below 10, \"hot\" from 25 up.\"\"\"\n    pass\n";
        let (tree, singles) = singles_under(stub, "label", &labels);
        let body = "return 'cold' if degrees < 10 else 'mild' if degrees < 25 else 'hot'";
        assert_eq!(first(&singles), (Tier::Fitted, body.to_string()));
        assert!(apply(&tree, &singles[0]).is_some_and(|(_, t)| t.source().contains(body)));
        // Labels no ranges fit: a decision list over divisibility.
        let parity = ["(1) == 'odd'", "(2) == 'even'", "(7) == 'odd'", "(10) == 'even'", "(0) == 'even'"];
        let (_, singles) = singles_under("def parity(n):\n    pass\n", "parity", &parity);
        assert_eq!(first(&singles), (Tier::Fitted, "return 'even' if n % 2 == 0 else 'odd'".to_string()));
        // Of two numbers, with bools for labels: the predicate that tells them apart.
        let signs = ["(2, 5) is True", "(-1, -8) is True", "(3, -3) is False", "(-4, 2) is False", "(0, 5) is False"];
        let (_, singles) = singles_under(
            "def same_sign(a, b):\n    pass\n",
            "same_sign",
            &[&signs[..], &["(0, 0) is False"]].concat(),
        );
        assert_eq!(first(&singles), (Tier::Fitted, "return a * b > 0".to_string()));
        // Not for a body that reads its parameter.
        let (_, singles) = singles_under("def label(degrees):\n    return degrees + 1\n", "label", &labels);
        assert!(singles.iter().all(|e| e.tier != Tier::Fitted), "{:?}", &singles[..3]);
    }

    /// A function's lone statement that reads none of its parameters is written anew like a stub's body: the
    /// formula the tests' examples fit first (with an example to spare). A body that reads a parameter is not.
    #[test]
    fn a_body_that_ignores_its_inputs_is_written_anew() {
        let tests = Tests::Asserts(
            ["(2, 3) == 5", "(-4, 1) == -3", "(0, 7) == 7", "(10, 5) == 15"]
                .iter()
                .map(|e| format!("assert add{e}"))
                .collect(),
        );
        for body in ["return 2", "return x == hi", "if add > 0:\n        return 1"] {
            let tree = parse(format!("def add(a, b):\n    {body}\n").as_str());
            let singles = Baseline::localized(&tree, 0, None, &TestFacts::of(&tests, &tree)).singles;
            let fitted = singles.iter().find(|e| e.text == "return a + b").unwrap();
            if body.contains("hi") {
                // A name bound nowhere may be a renamed parameter's: no head start for the fitted body.
                assert_eq!(fitted.tier, Tier::Rewrite);
            } else {
                assert_eq!((singles[0].text.as_str(), singles[0].tier), ("return a + b", Tier::Fitted), "{body}");
            }
            assert!(repairs(tree.source()).iter().any(|r| r == "def add(a, b):\n    return a * b\n"), "{body}");
        }
        // `return -x` under a renamed parameter: its header's rename is the repair, before any body written anew.
        let tree = parse("def neg(half):\n    return -x\n");
        let tests =
            Tests::Asserts(["(1) == -1", "(-4) == 4", "(0) == 0"].iter().map(|e| format!("assert neg{e}")).collect());
        let singles = Baseline::localized(&tree, 0, None, &TestFacts::of(&tests, &tree)).singles;
        assert!(singles.iter().all(|e| e.tier != Tier::Fitted));
        assert_eq!(singles.iter().find(|e| e.text == "return -half").map(|e| e.tier), Some(Tier::Rewrite));
        assert!(repairs(tree.source()).iter().any(|r| r == "def neg(x):\n    return -x\n"));
        // A docstring aside, with a default parameter.
        let broken = "def scale(v, k=2):\n    \"\"\"Scale v.\"\"\"\n    return -1\n";
        assert!(repairs(broken).iter().any(|r| r.ends_with("    return v * k\n")));
        for reads_one in ["def add(a, b):\n    return a + 1\n", "def f():\n    return 2\n"] {
            assert!(!repairs(reads_one).iter().any(|r| r.contains("return a * b") || r.contains("return a - b")));
            let tree = parse(reads_one);
            let statement = tree.nodes().iter().position(|n| n.kind == "return_statement").unwrap() as NodeId;
            assert_eq!(sketch::ignores_its_inputs(&tree, statement), None, "{reads_one}");
        }
        // A lone statement that reads its inputs gets the formula the examples fit, not the stub's other bodies,
        // unless a renamed parameter explains it; with a parameter to spare, renames cannot.
        let tests = Tests::Asserts(
            ["(2, 3) == 5", "(-4, 1) == -3", "(0, 7) == 7", "(10, 5) == 15"]
                .iter()
                .map(|e| format!("assert add{e}"))
                .collect(),
        );
        let fitted = |source: &str, formula: &str| {
            let tree = parse(source);
            let singles = Baseline::localized(&tree, 0, None, &TestFacts::of(&tests, &tree)).singles;
            let tier = singles.iter().find(|e| e.text == formula).map(|e| e.tier);
            (singles[0].text.clone(), tier, singles.iter().any(|e| e.text == "return a * b"))
        };
        let reads_a = fitted("def add(a, b):\n    return a % 2 == 0\n", "return a + b");
        assert_eq!(reads_a, ("return a + b".to_string(), Some(Tier::Fitted), false));
        assert_eq!(fitted("def add(a, b):\n    return x * x\n", "return a + b").1, Some(Tier::Fitted));
        assert_eq!(fitted("def add(c, b):\n    return a + b\n", "return c + b").1, Some(Tier::Rewrite));
    }

    /// A called literal, a literal compared with a literal, an annotation naming nothing: wrong whatever the tests,
    /// they are rewritten as classic edits.
    #[test]
    fn sites_that_cannot_be_right_are_rewritten_as_classic_edits() {
        let fixed = "def is_p(s: str) -> bool:\n    return s == s[::-1]\n\n\ndef f(s: str) -> int:\n    i = 0\n    while not is_p(s[i:]):\n        i += 1\n    return i\n";
        for (from, to) in
            [("not is_p(", "not '['("), ("not is_p(", "not (i + 1)("), ("s: str) -> int", "s: x.append) -> int")]
        {
            let broken = fixed.replacen(from, to, 1);
            assert!(classic(&broken).iter().any(|r| r == fixed), "{broken:?}");
        }
        let fixed =
            "def depth(s):\n    d = 0\n    for c in s:\n        if c == '(':\n            d += 1\n    return d\n";
        for graft in ["10 == '('", "c < len"] {
            let broken = fixed.replacen("c == '('", graft, 1);
            let fixed = fixed.replacen("c == '('", &graft.replace("10", "c").replace("len", "d"), 1);
            assert!(classic(&broken).iter().any(|r| r == &fixed), "{broken:?}");
        }
        // An operator where the larger of its operands was meant: cued by the function's name.
        let rolling = "def rolling_max(xs):\n    out, best = [], xs[0]\n    for x in xs:\n        best = max(best, x)\n        out.append(best)\n    return out\n";
        let tree = parse(rolling.replacen("max(best, x)", "best % x", 1));
        let cued = single_edits(&tree).into_iter().filter(|e| e.tier == Tier::Cued);
        assert!(cued.filter_map(|e| apply(&tree, &e)).any(|(_, t)| t.source() == rolling));
        // A literal's attribute its type lacks: the literal was a name.
        let tags =
            "def tags(words):\n    out = []\n    for w in words:\n        out.append(w.lower())\n    return out\n";
        let broken = tags.replacen("out.append", "\"L\".append", 1);
        assert!(classic(&broken).iter().any(|r| r == tags), "{broken:?}");
        // A builtin the program binds is a name like any other; a type compared for equality may be right; a
        // literal's own method is sound.
        for sound in [
            "def f(len):\n    return 3 < len\n",
            "def f(x):\n    return type(x) == int\n",
            "def f(xs):\n    return ', '.join(xs) + b'x'.hex() + '{}'.format(1)\n",
            "def f(b):\n    return str(b, 'utf-8') + str(b, 'utf-8', 'ignore')\n",
        ] {
            let tree = parse(sound);
            assert!((0..tree.nodes().len() as NodeId).all(|id| !cannot_be_right(&tree, id)), "{sound}");
        }
        // A literal compared with a name may be right: another expression in its place is a rewrite.
        let rewritten = fixed.replacen("'('", "d", 1);
        assert!(repairs(fixed).contains(&rewritten) && !classic(fixed).contains(&rewritten));
    }

    #[test]
    fn grafted_statements_give_way_to_an_initialisation_or_a_return() {
        let deepest = "def deepest(s):\n    d = 0\n    most = 0\n    for c in s:\n        if c == '(':\n            d += 1\n            most = max(d, most)\n        else:\n            d -= 1\n    return most\n";
        let negative = "def negative(ops):\n    total = 0\n    for op in ops:\n        total += op\n        if total < 0:\n            return True\n    return False\n";
        let bit = "def bits(a, b):\n    def one(i, j):\n        if i == j:\n            return '0'\n        else:\n            return '1'\n    return ''.join(one(x, y) for x, y in zip(a, b))\n";
        let evens = "def evens(xs):\n    out = []\n    for x in xs:\n        if x % 2 == 0:\n            out.append(x)\n    return out\n";
        let longest =
            "def longest(words):\n    n = max(len(w) for w in words)\n    return [w for w in words if len(w) == n]\n";
        for (fixed, from, to) in [
            // A statement that cannot be right where an initialisation was.
            (deepest, "most = 0\n", "if str < 1:\n        return True\n"),
            // An addition to a name nothing binds, a dead store ending a block: where a return was.
            (negative, "return True", "odd_count += 1"),
            (bit, "return '1'", "a = None"),
            // A value builtin's result called.
            (longest, "len(w) for", "len(arr)(w) for"),
            // A slice's bound on the wrong side (not a graft, a classic bug).
            ("def head(s, i):\n    return s[:i].upper()\n", "s[:i]", "s[i:]"),
            // A value computed and dropped: over an append, over a docstring.
            (evens, "out.append(x)", "str(x)"),
        ] {
            let broken = fixed.replacen(from, to, 1);
            assert!(classic(&broken).iter().any(|r| r == fixed), "{broken}");
        }
        // A value computed and dropped where a docstring was: deleted.
        let tree = parse(longest.replacen("    n = max", "    int(k ** 0.5)\n    n = max", 1));
        let mends = single_edits(&tree).into_iter().filter(|e| e.tier == Tier::Mend);
        assert!(mends.into_iter().any(|e| e.text == "pass" && tree.text(e.span) == "int(k ** 0.5)"));
        // Sound statements are not grafts: a store read later, an addition to a bound name, a store nothing reads
        // in the middle of a block, a store into a `nonlocal` name, a store a lambda before it reads; and a
        // comprehension's variable is not read before it is bound.
        let visits = "def most(xs):\n    best = 0\n    def visit(x):\n        nonlocal best\n        if x > best:\n            best = x\n    for x in xs:\n        visit(x)\n    return best\n";
        let closure = "def make(n):\n    total = n\n    get = lambda: total\n    if n > 0:\n        total = n + 1\n    return get()\n";
        let unused = "def f(xs):\n    unused = 1\n    return xs\n";
        for sound in [deepest, negative, bit, longest, evens, unused, visits, closure] {
            let tree = parse(sound);
            let mut foreign = tree.replaceable().filter(|&id| tree.node(id).class == Some(ReplacementClass::Statement));
            let nonsense: Vec<bool> = (0..tree.nodes().len() as NodeId).map(|id| cannot_be_right(&tree, id)).collect();
            let unbound = unbound_reads(&tree, 0);
            assert!(foreign.all(|id| !is_foreign_statement(&tree, id, &nonsense, &unbound)), "{sound}");
            let function = (0..tree.nodes().len() as NodeId).find(|&f| tree.node(f).kind == "function_definition");
            assert_eq!(read_before_bound(&tree, function.unwrap()), [], "{sound}");
        }
    }

    /// `fixed` with `from` replaced by `to` is repaired by one single edit of `tier`.
    fn assert_repaired_at(fixed: &str, from: &str, to: &str, tier: Tier) {
        let broken = fixed.replacen(from, to, 1);
        assert_ne!(broken, fixed);
        let tree = parse(&broken);
        let edits = single_edits(&tree);
        let hit = edits.iter().find(|e| apply(&tree, e).is_some_and(|(_, t)| t.source() == fixed));
        assert_eq!(hit.map(|e| e.tier), Some(tier), "{broken}: {hit:?}");
    }

    #[test]
    fn grafts_over_a_binding_give_way_to_an_update_or_a_value() {
        let close = "def close(xs, t):\n    for i, a in enumerate(xs):\n        for j, b in enumerate(xs):\n            if i != j:\n                d = abs(a - b)\n                if d < t:\n                    return True\n    return False\n";
        let both =
            "def both(xs):\n    s = 0\n    p = 1\n    for n in xs:\n        s += n\n        p *= n\n    return s, p\n";
        let rolling = "def rolling(xs):\n    top = None\n    out = []\n    for n in xs:\n        if top is None:\n            top = n\n        else:\n            top = max(top, n)\n        out.append(top)\n    return out\n";
        let named = close.replace("d = ", "distance = ").replace("if d <", "if distance <");
        let running = rolling.replace("top", "running_max");
        let reads_t = close.replace("return True", "return t > 0");
        let palindrome = "def make(s):\n    k = 0\n    while not is_palindrome(s[k:]):\n        k += 1\n    return s + s[:k][::-1]\n";
        for (fixed, from, to, tier) in [
            // Over a string that is no docstring: a value over the names in scope.
            (close, "d = abs(a - b)", "'''A docstring\n                of another function.'''", Tier::Rewrite),
            // An attribute read off the function itself: the accumulator's lost update.
            (both, "p *= n", "both.append(s)", Tier::Mend),
            // An update of a name nothing else binds: the same update of a local.
            (both, "p *= n", "q *= n", Tier::Mend),
            // A value dropped, the function passed where a collection belongs: the update lost.
            (rolling, "top = max(top, n)", "len(out)", Tier::Rewrite),
            (rolling, "top = max(top, n)", "top = sorted(rolling, reverse=True)", Tier::Rewrite),
            // Named for what it holds (`distance`: `abs(`, `running_max`: `max(`): the cued values are mends. A
            // statement reading a name bound nowhere (`res`) is a graft too.
            (
                named.as_str(),
                "distance = abs(a - b)",
                "'''A docstring\n                of another function.'''",
                Tier::Mend,
            ),
            (running.as_str(), "running_max = max(running_max, n)", "return res.lower()", Tier::Mend),
            // A parameter nothing reads (`t`) where a larger expression is: classic; read elsewhere, a rewrite.
            (close, "d < t", "d < (i % xs == 0)", Tier::Classic),
            (reads_t.as_str(), "d < t", "d < (i % xs == 0)", Tier::Rewrite),
            // A name bound nowhere, passed: a sliced name of the program, sliced on either side.
            (palindrome, "is_palindrome(s[k:])", "is_palindrome(idx)", Tier::Mend),
            // A builtin where a collection belongs, in a condition: the condition a name or its negation.
            (
                "def longest(xs):\n    if not xs:\n        return None\n    return max(xs, key=len)\n",
                "not xs",
                "sorted(list(max))",
                Tier::Mend,
            ),
        ] {
            assert_repaired_at(fixed, from, to, tier);
        }
        // A builtin where a collection belongs, a program's function where a collection belongs or whose attribute
        // is read: sites that cannot be right; a keyword's function, a set attribute, a bound name are not.
        let flagged = |src: &str, site: &str| {
            let tree = parse(src);
            (0..tree.nodes().len() as NodeId)
                .any(|id| tree.text(tree.node(id).span) == site && cannot_be_right(&tree, id))
        };
        assert!(flagged("def f(xs):\n    return sorted(list(max))\n", "max"));
        assert!(flagged("def f(xs):\n    return len(f)\n", "f"));
        assert!(flagged("def f(xs):\n    f.append(xs)\n", "f"));
        assert!(!flagged("def f(xs):\n    return sorted(xs, key=len)\n", "len"));
        assert!(!flagged("def f(xs):\n    f.calls = 0\n    f.calls += 1\n", "f"));
        assert!(!flagged("def f(xs):\n    return len(xs)\n", "xs"));
        assert!(!flagged("def g(f):\n    return list(f)\n\ndef f():\n    pass\n", "f"));
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

    /// Two classic one-edit bugs: off by one in a bound, and a function that never returns what it built.
    #[test]
    fn off_by_one_and_missing_return_are_one_edit() {
        let fixed = "def primes(limit):\n    out = []\n    for n in range(2, limit + 1):\n        if all(n % d for d in range(2, n)):\n            out.append(n)\n    return out\n";
        let off_by_one = fixed.replace("limit + 1", "limit");
        assert!(repairs(&off_by_one).iter().any(|r| r == fixed), "{off_by_one:?}");
        let missing = fixed.replace("    return out\n", "");
        assert!(repairs(&missing).iter().any(|r| r == fixed), "{missing:?}");
        // A `pass` where the `return` was; a stub's lone `pass` is left to the stub's own menu.
        let passed = fixed.replace("return out", "pass");
        assert!(repairs(&passed).iter().any(|r| r == fixed), "{passed:?}");
        for stub in ["def f(xs):\n    pass\n", "def f(xs):\n    \"\"\"Doc.\"\"\"\n    pass\n"] {
            let tree = parse(stub);
            assert!((0..tree.nodes().len() as NodeId).all(|id| pass_ending_a_body(&tree, id).is_none()), "{stub}");
        }
        // A bound assigned from another name: the binary search that never moves past `mid`.
        let fixed = "def find(xs, t):\n    lo, hi = 0, len(xs)\n    while lo < hi:\n        mid = (lo + hi) // 2\n        if xs[mid] < t:\n            lo = mid + 1\n        else:\n            hi = mid\n    return lo\n";
        let stuck = fixed.replace("lo = mid + 1", "lo = mid");
        assert!(repairs(&stuck).iter().any(|r| r == fixed), "{stuck:?}");
    }

    /// A name for its kin, an operand too many and a wrong operator are classic edits; a name for another name is a
    /// rename; another expression of the program in a site's place, a statement deleted and a wrapped value are
    /// rewrites; and the baseline tries them tier by tier.
    #[test]
    fn menu_edits_come_tier_by_tier() {
        let broken = "def merge(a, b):\n    out = list(a)\n    out.extend(a[1:] + [0])\n    return len(out) > 2\n";
        let tree = parse(broken);
        let menu = single_edits(&tree);
        // The tier of the one menu edit that turns `from` (once) into `to`.
        let tier_of = |from: &str, to: &str| {
            let want = broken.replacen(from, to, 1);
            let edits: Vec<&RawEdit> =
                menu.iter().filter(|e| apply(&tree, e).is_some_and(|(_, t)| t.source() == want)).collect();
            assert_eq!(edits.len(), 1, "{from:?} -> {to:?}: {edits:?}");
            edits[0].tier
        };
        assert_eq!(tier_of("a[1:]", "b[1:]"), Tier::Classic);
        assert_eq!(tier_of("a[1:] + [0]", "a[1:]"), Tier::Classic);
        assert_eq!(tier_of("out) > 2", "out) >= 2"), Tier::Classic);
        assert_eq!(tier_of("len(out)", "len(a)"), Tier::Rename);
        assert_eq!(tier_of("a[1:] + [0]", "list(a)"), Tier::Rewrite);
        assert_eq!(tier_of("    out = list(a)\n", "    pass\n"), Tier::Rewrite);
        assert_eq!(tier_of("list(a)", "list(sorted(a))"), Tier::Rewrite);
        // A site holding a name nothing else spells looks grafted: its rewrites are classic.
        let grafted = parse("def g(a, b):\n    c = a * 2\n    return c + qq\n");
        let grafted_menu = single_edits(&grafted);
        let rewritten = |to: &str| {
            let want = grafted.source().replace("c + qq", to);
            grafted_menu.iter().find(|e| apply(&grafted, e).is_some_and(|(_, t)| t.source() == want)).map(|e| e.tier)
        };
        assert_eq!(rewritten("a * 2"), Some(Tier::Classic));
        assert_eq!(rewritten("b"), Some(Tier::Classic));
        let tiers: Vec<Tier> = Baseline::new(&tree, 7).singles.iter().map(|e| e.tier).collect();
        assert!([Tier::Classic, Tier::Rename, Tier::Rewrite].iter().all(|t| tiers.contains(t)));
        assert!(tiers.is_sorted(), "the tiers are out of order: {tiers:?}");
        assert_eq!(tiers.len(), menu.len());
    }

    /// Within a rank tier by tier, each tier in its order; ranks never mix; late edits close their rank.
    #[test]
    fn tier_by_tier_within_a_rank() {
        let edit = |text: &str, tier: Tier| RawEdit {
            span: Span::new(0, 1),
            class: ReplacementClass::Expression,
            text: text.into(),
            tier,
        };
        let ranked = vec![
            (0.0, edit("c1", Tier::Classic)),
            (0.0, edit("late", Tier::Classic)),
            (0.0, edit("c2", Tier::Classic)),
            (0.0, edit("w1", Tier::Rewrite)),
            (0.0, edit("c3", Tier::Classic)),
            (0.0, edit("w2", Tier::Rewrite)),
            (-1.0, edit("w3", Tier::Rewrite)),
            (-1.0, edit("r1", Tier::Rename)),
            (-1.0, edit("r2", Tier::Rename)),
        ];
        let order: Vec<String> = tier_by_tier(ranked, |e| e.text == "late").into_iter().map(|e| e.text).collect();
        assert_eq!(order, ["c1", "c2", "c3", "w1", "w2", "late", "r1", "r2", "w3"]);
    }

    /// The kin of a name: the other parameters of its function, the names unpacked with it, its function's other
    /// loop variables.
    #[test]
    fn names_introduced_together_are_kin() {
        let tree = parse(
            "def f(a, b=1, *, c: int = 2):\n    n, (m, p) = 1, (2, 3)\n    for i in a:\n        for j, k in b:\n            \
             x = [y for y in c]\n    return x\n",
        );
        let names = Names::of(&tree);
        for (x, y) in [("a", "b"), ("b", "c"), ("n", "m"), ("m", "p"), ("i", "j"), ("j", "k"), ("i", "y")] {
            assert_eq!(names.rename_tier(x, y), Tier::Classic, "{x} {y}");
            assert_eq!(names.rename_tier(y, x), Tier::Classic, "{y} {x}");
        }
        for (x, y) in [("a", "n"), ("x", "y"), ("i", "a"), ("n", "x")] {
            assert_eq!(names.rename_tier(x, y), Tier::Rename, "{x} {y}");
        }
    }

    /// A value wrapped in a builtin where it is passed, iterated or returned.
    #[test]
    fn values_are_wrapped_in_conversions() {
        let fixed = "def rev(s):\n    words = s.split()\n    for w in sorted(words):\n        print(w)\n    return \" \".join(reversed(words))\n";
        for broken in [fixed.replace("reversed(words)", "words"), fixed.replace("sorted(words)", "words")] {
            assert!(repairs(&broken).iter().any(|r| r == fixed), "{broken:?}");
        }
    }

    /// The programs one additive edit of `broken` makes.
    fn additions(broken: &str) -> Vec<String> {
        let tree = parse(broken);
        additive_edits(&tree).iter().filter_map(|e| apply(&tree, e)).map(|(_, t)| t.source().to_string()).collect()
    }

    /// A statement the function has, wanted somewhere else too; the step a `while` loop never takes; the clause a
    /// condition lacks. None of them is one edit of the first tier.
    #[test]
    fn additive_edits_insert_statements_and_widen_conditions() {
        let fixed = "def split_on(s, sep):\n    parts, cur = [], ''\n    for ch in s:\n        if ch == sep:\n            parts.append(cur)\n            cur = ''\n        else:\n            cur += ch\n    parts.append(cur)\n    return parts\n";
        let broken = fixed.replace("    parts.append(cur)\n    return", "    return");
        assert!(!repairs(&broken).iter().any(|r| r == fixed));
        assert!(additions(&broken).iter().any(|r| r == fixed), "{broken:?}");
        let fixed = "def insertion_sort(a):\n    for i in range(1, len(a)):\n        key, j = a[i], i - 1\n        while j >= 0 and a[j] > key:\n            a[j + 1] = a[j]\n            j -= 1\n        a[j + 1] = key\n    return a\n";
        let broken = fixed.replace("            j -= 1\n", "");
        assert!(repairs(&broken).iter().any(|r| r == fixed), "{broken:?}");
        let fixed = "def is_leap(y):\n    if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0):\n        return True\n    return y < 0\n";
        let broken = "def is_leap(y):\n    if y % 4 == 0 and y % 100 != 0:\n        return True\n    return y < 0 or y % 400 == 0\n";
        let normal = |s: &str| parse(s).normalised().fingerprint();
        let widened: Vec<_> = additions(broken).iter().map(|r| normal(r)).collect();
        let want = "def is_leap(y):\n    if (y % 4 == 0 and y % 100 != 0) or y % 400 == 0:\n        return True\n    return y < 0 or y % 400 == 0\n";
        assert!(widened.contains(&normal(want)), "{broken:?}");
        let want = "def is_leap(y):\n    if not (y % 4 == 0 and y % 100 != 0):\n        return True\n    return y < 0 or y % 400 == 0\n";
        assert!(widened.contains(&normal(want)), "{broken:?}");
        // A returned predicate widens too, and a symmetric condition gains the case it forgot.
        let triangle = "def is_triangle(a, b, c):\n    return a + b > c and a + c > b and b + c > a\n";
        let broken = "def is_triangle(a, b, c):\n    return a + b > c and a + c > b\n";
        assert!(additions(broken).iter().any(|r| r == triangle), "{broken:?}");
        assert_eq!(names_exchanged("a + c > b"), ["c + a > b", "b + c > a", "a + b > c"]);
        assert_eq!(names_exchanged("len(xs) < n.size"), ["len(n) < xs.size"]);
        // A missing base case, after the docstring; and in the recursion of a sort on lists.
        let with_base =
            "def fact(n):\n    \"\"\"n!\"\"\"\n    if n <= 1:\n        return 1\n    return n * fact(n - 1)\n";
        let broken = with_base.replace("    if n <= 1:\n        return 1\n", "");
        assert!(additions(&broken).iter().any(|r| r == with_base), "{broken:?}");
        let with_base = "def msort(xs):\n    if len(xs) <= 1:\n        return xs\n    m = len(xs) // 2\n    return merge(msort(xs[:m]), msort(xs[m:]))\n";
        let broken = with_base.replace("    if len(xs) <= 1:\n        return xs\n", "");
        assert!(additions(&broken).iter().any(|r| r == with_base), "{broken:?}");
        // The rest a loop leaves, appended after it.
        let wrap = "def wrap(text, cols):\n    lines = []\n    while len(text) > cols:\n        line, text = text[:cols], text[cols:]\n        lines.append(line)\n    lines.append(text)\n    return lines\n";
        let broken = wrap.replace("    lines.append(text)\n", "");
        assert!(!repairs(&broken).iter().any(|r| r == wrap));
        assert!(additions(&broken).iter().any(|r| r == wrap), "{broken:?}");
        // A local the loop carries but never updates.
        let reversed = "def reverse(node):\n    prev = None\n    while node:\n        nxt = node.next\n        node.next = prev\n        prev = node\n        node = nxt\n    return prev\n";
        let broken = reversed.replace("        prev = node\n", "");
        assert!(additions(&broken).iter().any(|r| r == reversed), "{broken:?}");
        let updates = |src: &str| {
            let tree = parse(src);
            let mut blocks = 0..tree.nodes().len() as NodeId;
            let body = blocks.find(|&b| {
                tree.node(b).kind == "block"
                    && tree.node(b).parent.is_some_and(|p| tree.node(p).kind == "while_statement")
            });
            carried_updates(&tree, body.expect("a loop body"))
        };
        assert_eq!(updates(&broken), ["prev = nxt", "prev = node"]);
        assert_eq!(updates(reversed), Vec::<String>::new());
        let method = "class C:\n    def depth(self, t):\n        return 1 + self.depth(t[0])\n";
        assert!(additions(method).iter().any(|r| r.contains("        if not t:\n            return 0\n")));
        // Not where the function does not call itself.
        let flat = parse("def total(xs):\n    return sum(xs)\n");
        assert!(additive_edits(&flat).iter().all(|e| !e.text.contains("if ")), "{:?}", additive_edits(&flat));
        // Only inside functions, never the header, and every edit splices; `break` only inside a loop (where
        // CPython accepts it).
        let tree = parse(fixed);
        assert!(additive_edits(&tree).iter().all(|e| apply(&tree, e).is_some()));
        let tree = parse(
            "def f(xs):\n    if not xs:\n        return 0\n    for x in xs:\n        if x:\n            break\n    return x\n",
        );
        let programs: Vec<String> =
            additive_edits(&tree).iter().filter_map(|e| apply(&tree, e)).map(|(_, t)| t.source().to_string()).collect();
        assert!(programs.iter().any(|p| p.contains("    for x in xs:\n        break\n")));
        assert!(!programs.iter().any(|p| p.contains("    if not xs:\n        break\n")));
        let validity = crate::exec::validate(&programs).expect("CPython runs");
        assert!(validity.iter().all(|v| v.ok), "{validity:?}");
        assert!(additive_edits(&parse("x = 1\nif x:\n    y = 2\n")).is_empty());
    }

    #[test]
    fn guards_go_first_in_the_body_after_the_docstring() {
        let fixed = "def mean(xs):\n    \"\"\"The mean.\"\"\"\n    if not xs:\n        return 0\n    return sum(xs) / len(xs)\n";
        let broken = fixed.replace("    if not xs:\n        return 0\n", "");
        let tree = parse(broken.as_str());
        let guarded: Vec<String> =
            guard_edits(&tree).iter().filter_map(|e| apply(&tree, e)).map(|(_, t)| t.source().to_string()).collect();
        assert!(guarded.iter().any(|g| g == fixed), "{guarded:?}");
        assert_eq!(guarded.len(), 3 * GUARD_VALUES.len(), "three conditions on one parameter, every one splices");
        let validity = crate::exec::validate(&guarded).expect("CPython runs");
        assert!(validity.iter().all(|v| v.ok), "{validity:?}");
        // Nothing to check without parameters.
        assert!(guard_edits(&parse("def f():\n    return 1\n")).is_empty());
    }

    /// Builtins for grafted callees, a loop's pairs, stores nothing reads after: each its shape's repair.
    #[test]
    fn grafted_callees_loops_and_dead_stores() {
        let minimum = "def shortest(lst):\n    return min((len(x) for x in lst))\n";
        let odd = "def odd(nums):\n    return list(filter(lambda x: x % 2 != 0, nums))\n";
        let kind = "def flat(x):\n    if isinstance(x, list):\n        return x[0]\n    return x\n";
        let pairs = "def sum_pairs(t1, t2):\n    return tuple((a + b for a, b in zip(t1, t2)))\n";
        let position = "def first_upper(s):\n    for i, c in enumerate(s):\n        if c.isupper():\n            return i\n    return -1\n";
        let found = "def found(xs, sub):\n    if any((sub in s for s in xs)):\n        return True\n    return False\n";
        let subtract = "def sub(xs, ys):\n    out = list(map(lambda x, y: x - y, xs, ys))\n    return out\n";
        let digits = "def first_digit(n):\n    while n >= 10:\n        n = n // 10\n    return n\n";
        let count = "def count(xs):\n    res = len(set(xs))\n    return res\n";
        let hypotenuse = "def hypotenuse(w, h):\n    return math.sqrt(w * w + (h * h))\n";
        let product = "def prod(xs):\n    res = 1\n    for x in xs:\n        step = res * x\n        res = step\n    return res\n";
        for (fixed, from, to, tier) in [
            // A callee that cannot be right: the builtins that take what it is passed.
            (minimum, "min(", "'''Write a function to filter odd numbers.'''(", Tier::Classic),
            (odd, "filter(", "10(", Tier::Classic),
            // A loop's variable called.
            (pairs, "tuple((", "b((", Tier::Classic),
            // A builtin given more arguments than it takes.
            (kind, "isinstance(x, list)", "list(x, list)", Tier::Classic),
            // A loop over pairs, over its own variable or a docstring.
            (position, "enumerate(s)", "c", Tier::Mend),
            // A store that nothing reads after it, ending its block: where a `return` was.
            (found, "return True", "sub = 1", Tier::Mend),
            (subtract, "return out", "y = True", Tier::Classic),
            (digits, "return n", "int = 1", Tier::Classic),
            // A builtin compared with a literal.
            (count, "return res", "return len == 9", Tier::Classic),
            // A store of a name into itself stores into another.
            (product, "res = step", "step = step", Tier::Classic),
            // An operand grafted over beside its sibling: the sibling with a parameter nothing reads.
            (hypotenuse, "(h * h)", "len(arr)", Tier::Mend),
        ] {
            assert_repaired_at(fixed, from, to, tier);
        }
    }

    /// What grafts leave in small real functions (MBPP's dev slice): each shape's repair, in its tier.
    #[test]
    fn what_grafts_leave_in_small_real_functions() {
        let circle = "def circle(r):\n    perimeter = 2 * 3.1415 * r\n    return perimeter\n";
        let words = "def long_words(n, text):\n    out = []\n    for w in text.split(' '):\n        if len(w) > n:\n            out.append(w)\n    return out\n";
        let biggest = "def biggest(xs):\n    return max((i for i in xs if isinstance(i, int)))\n";
        let shortest = "def shortest(lst):\n    return min((len(x) for x in lst))\n";
        let firsts = "def firsts(xs):\n    return [x[0] for x in xs]\n";
        let strip = "def strip_upper(s):\n    return re.sub('[A-Z]', '', s)\n";
        let span = "def span(text, pattern):\n    m = re.search(pattern, text)\n    s = m.start()\n    e = m.end()\n    return (s, e)\n";
        let sizes = "def sizes(X, Y, Z):\n    m = len(X)\n    n = len(Y)\n    o = len(Z)\n    return m * n * o\n";
        let first_even = "def first_even(xs):\n    found = None\n    for x in xs:\n        if x % 2 == 0:\n            found = x\n            break\n    return found\n";
        let dups = "def dups(nums):\n    return [key for key, group in groupby(nums)]\n";
        let marks = "def marks(pairs):\n    pairs.sort(key=lambda x: x[1])\n    return pairs\n";
        let area = "def area(r, h):\n    a = 2 * 3.14 * r * r + 2 * 3.14 * r * h\n    return a\n";
        for (fixed, from, to, tier) in [
            // A binding like its sibling's, over a store nothing reads or a graft's value, or a stray string.
            (span, "e = m.end()", "total = 1", Tier::Mend),
            (span, "m.end()", "perimeter()", Tier::Mend),
            (sizes, "n = len(Y)", "'''Another function's docstring.'''", Tier::Mend),
            // A docstring's text as a value, and a receiver reading only names bound nowhere.
            (dups, "groupby(nums)", "groupby('''Write a function to put spaces between words.''')", Tier::Classic),
            (marks, "pairs.sort", "(1 << key).sort", Tier::Mend),
            // A loop's `break` under a stray string.
            (first_even, "break", "'''Another function's docstring.'''", Tier::Mend),
            // A binding's value reading its own target, bound nowhere before: a graft, and its rewrites classic.
            (area, "2 * 3.14 * r * r", "(a + 1) * r * r", Tier::Classic),
            // A stray string where the body ended in its `return`.
            (circle, "return perimeter", "'''Another function's docstring.'''", Tier::Classic),
            // A `return` with statements after it, where an initialisation was: the empty list `append` asks for.
            (words, "out = []", "return text", Tier::Mend),
            // A comprehension's element that ignores its variable.
            (biggest, "(i for", "(xs * xs for", Tier::Classic),
            // … or took more than the variable: `len(x)` under `k == 12`.
            (shortest, "len(x) for", "k == 12 for", Tier::Classic),
            (firsts, "x[0] for", "xs.pop() for", Tier::Classic),
            // An argument reading only names bound nowhere, where a constant was.
            (strip, "''", "n % 10", Tier::Classic),
        ] {
            assert_repaired_at(fixed, from, to, tier);
        }
        // An element that reads nothing (`[0 for i in …]`) is no graft.
        let zeros = parse("def zeros(n):\n    return [0 for i in range(n)]\n");
        let as_variable = "def zeros(n):\n    return [i for i in range(n)]\n";
        assert!(!single_edits(&zeros).iter().any(|e| apply(&zeros, e).is_some_and(|(_, t)| t.source() == as_variable)));
        // The initial value a name's uses ask for comes first.
        let tree = parse("def f(xs):\n    for x in xs:\n        seen.add(x)\n        count[x] = 1\n    return seen\n");
        let function = tree.children(0).next().expect("a function");
        assert_eq!(initial_values_by_use(&tree, function, "seen")[0], "set()");
        assert_eq!(initial_values_by_use(&tree, function, "count")[0], "{}");
    }

    /// The misspelt binding, the missing initialisation and the wrong method, each from its error's message; every
    /// such edit splices and CPython accepts it, and the baseline's stream tries them first.
    #[test]
    fn errors_name_their_repairs() {
        let repaired = |broken: &str, missing: Missing| -> Vec<String> {
            let tree = parse(broken);
            let errors = error_edits(&tree, &[missing], &TestFacts::default());
            let edits: Vec<RawEdit> = errors.first.into_iter().chain(errors.likely).chain(errors.rest).collect();
            let programs: Vec<String> =
                edits.iter().filter_map(|e| apply(&tree, e)).map(|(_, t)| t.source().to_string()).collect();
            assert_eq!(programs.len(), edits.len(), "every edit splices");
            let validity = crate::exec::validate(&programs).expect("CPython runs");
            assert!(validity.iter().all(|v| v.ok), "{validity:?}");
            programs
        };
        let fixed = "def join(items, delim):\n    return delim.join(items)\n";
        let programs = repaired(&fixed.replace("items, delim", "items, sep"), Missing::Name("delim".into()));
        assert!(programs.iter().any(|p| p == fixed), "{programs:?}");
        assert!(!programs.iter().any(|p| p.contains("def delim")), "the function keeps its name");

        let fixed = "def total(xs):\n    \"\"\"Sum.\"\"\"\n    s = 0\n    for x in xs:\n        s += x\n    return s\n";
        let programs = repaired(&fixed.replace("    s = 0\n", ""), Missing::Local("s".into()));
        assert!(programs.iter().any(|p| p == fixed), "{programs:?}");
        // A misspelt initialisation is renamed instead.
        let programs = repaired(&fixed.replace("s = 0", "t = 0"), Missing::Local("s".into()));
        assert!(programs.iter().any(|p| p == fixed), "{programs:?}");

        // A standard module or one of its names, used but not imported.
        for fixed in [
            "def hypotenuse(a, b):\n    import math\n    return math.sqrt(a * a + b * b)\n",
            "def tally(xs):\n    \"\"\"Counts.\"\"\"\n    from collections import Counter\n    return Counter(xs)\n",
        ] {
            let import = fixed.lines().find(|l| l.contains("import")).expect("an import");
            let name = import.split(' ').next_back().expect("a name");
            let programs = repaired(&fixed.replace(&format!("{import}\n"), ""), Missing::Name(name.into()));
            assert!(programs.iter().any(|p| p == fixed), "{programs:?}");
        }
        assert!(import_of("total").is_none());
        // A misspelt read: the bound name it looks like, first.
        let fixed = "def area(length, width):\n    return length * width\n";
        let tree = parse(fixed.replacen("length *", "lenght *", 1));
        let first = error_edits(&tree, &[Missing::Name("lenght".into())], &TestFacts::default()).first;
        assert!(first.iter().filter_map(|e| apply(&tree, e)).any(|(_, t)| t.source() == fixed), "{first:?}");
        // A renamed parameter or loop variable, or a read grafted over: the name left unbound in the body and the
        // binding nothing reads are each other's likely repair, however unalike.
        for (fixed, from, to, missing) in [
            ("def scale(xs, factor):\n    return [x * factor for x in xs]\n", "xs, factor)", "xs, k)", "factor"),
            ("def total(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s\n", "for x", "for q", "x"),
            ("def shift(xs, d):\n    return [x + d for x in xs]\n", "[x + d", "[odd.append + d", "odd"),
        ] {
            let tree = parse(fixed.replacen(from, to, 1));
            let likely = error_edits(&tree, &[Missing::Name(missing.into())], &TestFacts::default()).likely;
            assert!(likely.iter().filter_map(|e| apply(&tree, e)).any(|(_, t)| t.source() == fixed), "{likely:?}");
        }
        // A binding that is read and not a parameter stays with the rest.
        let tree = parse("def f(xs):\n    n = len(xs)\n    return n + m\n");
        let errors = error_edits(&tree, &[Missing::Name("m".into())], &TestFacts::default());
        let renamed = |edits: &[RawEdit]| edits.iter().map(|e| tree.text(e.span).to_string()).collect::<Vec<_>>();
        assert_eq!((renamed(&errors.likely), renamed(&errors.rest)), (vec!["xs".into()], vec!["n".into()]));
        // A binding that looks like the missing name's misspelling makes its import unsure: `time` for `times`.
        let tree = parse("def f(times):\n    return time * 2\n");
        let errors = error_edits(&tree, &[Missing::Name("time".into())], &TestFacts::default());
        assert!(
            errors.first.iter().all(|e| !e.text.contains("import"))
                && errors.rest.iter().any(|e| e.text.contains("import time"))
        );
        // A module's function it lacks: each it has, spelt like it first; the message's module may be aliased.
        let fixed = "def largest(xs, n):\n    return hq.nlargest(n, xs)\n";
        let missing = Missing::ModuleAttribute { module: "heapq".into(), attribute: "nlargets".into() };
        let programs = repaired(&fixed.replace("nlargest", "nlargets"), missing);
        assert_eq!(programs.first().map(String::as_str), Some(fixed), "{programs:?}");
        assert_eq!(programs.len(), module_functions("heapq").len());
        // A receiver a builtin type made (`s[0].sub`) where a module's function was called.
        let fixed = "def strip(s):\n    return re.sub('[A-Z]', '', s)\n";
        let missing = Missing::Attribute { type_name: "str".into(), attribute: "sub".into() };
        assert!(repaired(&fixed.replace("re.sub", "s[0].sub"), missing).iter().any(|p| p == fixed));
        // A method a list lacks, called where a builtin took the arguments.
        let fixed = "def top(xs):\n    return max((x for x in xs if x > 0))\n";
        let missing = Missing::Attribute { type_name: "list".into(), attribute: "finditer".into() };
        assert!(repaired(&fixed.replace("max(", "xs.finditer("), missing).iter().any(|p| p == fixed));
        // An index of the wrong type, on the line that raised: the small indices.
        let fixed = "def second(pairs):\n    pairs.sort(key=lambda x: x[1])\n    return pairs\n";
        let programs = repaired(&fixed.replace("x[1]", "x[second]"), Missing::Index { line: 1 });
        assert!(programs.iter().any(|p| p == fixed));
        assert!(repaired(&fixed.replace("x[1]", "x[second]"), Missing::Index { line: 2 }).is_empty());
        // The attribute itself is never its own repair.
        let missing = Missing::Attribute { type_name: "str".into(), attribute: "decode".into() };
        let errors = error_edits(&parse("def f(s):\n    return s.decode()\n"), &[missing], &TestFacts::default());
        assert!(errors.first.iter().chain(&errors.rest).all(|e| e.text != "decode"));

        let fixed = "def reset(xs):\n    xs.clear()\n    return xs\n";
        let missing = Missing::Attribute { type_name: "list".into(), attribute: "clean".into() };
        let programs = repaired(&fixed.replace("clear", "clean"), missing.clone());
        assert_eq!(programs.first().map(String::as_str), Some(fixed), "the likest name first: {programs:?}");
        // Every other attribute of a list, and the call dropped (`xs`).
        assert_eq!(programs.len(), builtin_attributes("list").len() + 1);
        // The receiver may be the culprit: a name bound to a list, read with the attribute or annotated as a
        // list takes its place, and nothing else does.
        let fixed = "def groups(s: str, out: list):\n    path = []\n    depth = 0\n    for c in s:\n        path.append(c)\n        depth += 1\n    path.clear()\n    return depth\n";
        let broken = fixed.replace("path.clear()", "depth.clear()");
        let missing = Missing::Attribute { type_name: "int".into(), attribute: "clear".into() };
        let tree = parse(&broken);
        let first = error_edits(&tree, &[missing], &TestFacts::default()).first;
        let receivers: Vec<&str> =
            first.iter().filter(|e| tree.text(e.span) == "depth").map(|e| e.text.as_str()).collect();
        assert_eq!(receivers, ["out", "path"]);
        assert!(first.iter().filter_map(|e| apply(&tree, e)).any(|(_, t)| t.source() == fixed));
        // A literal the operator refused, on the line that raised, becomes each bound name; a literal elsewhere
        // or of another type stays.
        let fixed =
            "def sum_product(xs):\n    total = 0\n    for n in xs:\n        total += n\n    return total, 'x' + '-'\n";
        let broken = fixed.replace("total += n", "total += '-'");
        let missing =
            Missing::WrongType { types: vec!["int".into(), "str".into()], line: 3, operator: Some("+=".into()) };
        let tree = parse(&broken);
        let first = error_edits(&tree, &[missing], &TestFacts::default()).first;
        assert!(first.iter().filter_map(|e| apply(&tree, e)).any(|(_, t)| t.source() == fixed));
        assert!(
            first
                .iter()
                .all(|e| tree.text(e.span) == "'-'" && e.span.start < broken.find("return").unwrap_or(0) as u32)
        );
        assert_eq!(first.len(), 3, "total, n, xs: {first:?}");
        // A method the value lacks may not belong at all: the call becomes its receiver.
        let fixed = "def gcd(a, b):\n    while b:\n        a, b = b, a % b\n    return a\n";
        let broken = fixed.replace("= b, a", "= b.reverse(), a");
        let tree = parse(&broken);
        let missing = Missing::Attribute { type_name: "int".into(), attribute: "reverse".into() };
        let first = error_edits(&tree, &[missing], &TestFacts::default()).first;
        assert!(first.iter().filter_map(|e| apply(&tree, e)).any(|(_, t)| t.source() == fixed), "{first:?}");
        // So does a name of a refused type: a function where a value belongs, a builtin type as an operand.
        for (fixed, from, to, refused, line) in [
            (
                "def total(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s\n",
                "in xs",
                "in total",
                "function",
                2,
            ),
            ("def at(xs: list, n: int):\n    return xs[n - 1]\n", "[n - 1]", "[List - 1]", "_SpecialGenericAlias", 1),
        ] {
            let broken = fixed.replace(from, to);
            let tree = parse(&broken);
            let missing = Missing::WrongType { types: vec![refused.into()], line, operator: None };
            let first = error_edits(&tree, &[missing], &TestFacts::default()).first;
            assert!(first.iter().filter_map(|e| apply(&tree, e)).any(|(_, t)| t.source() == fixed), "{broken}");
        }
        // Only the operands of the operator the message names: `numbers` under `%`, not the `0` beside it.
        let tree = parse(
            "def close(numbers: list, t: float):\n    for i in range(3):\n        if t < (i % numbers == 0):\n            return True\n",
        );
        let missing =
            Missing::WrongType { types: vec!["int".into(), "list".into()], line: 2, operator: Some("%".into()) };
        let first = error_edits(&tree, &[missing], &TestFacts::default()).first;
        assert!(!first.is_empty() && first.iter().all(|e| tree.text(e.span) == "numbers"), "{first:?}");
        // A builtin on the line is left to the mends of what cannot be right: `bool < 0` offers no names; a
        // builtin called there is no culprit (`set(below_zero)` becomes `set(xs)`).
        let tree = parse("def below_zero(xs):\n    for x in set(below_zero):\n        pass\n");
        let missing = Missing::WrongType { types: vec!["function".into()], line: 1, operator: None };
        assert!(error_edits(&tree, &[missing], &TestFacts::default()).first.iter().any(|e| e.text == "xs"));
        let tree =
            parse("def neg(xs):\n    for x in xs:\n        if bool < 0:\n            return True\n    return False\n");
        let missing =
            Missing::WrongType { types: vec!["type".into(), "int".into()], line: 2, operator: Some("<".into()) };
        assert!(error_edits(&tree, &[missing], &TestFacts::default()).first.is_empty());
        // A value called where a function was: a builtin given as many arguments, an imported module's function,
        // one of the program's callables; not a callee that is callable, nor one on another line.
        let tree = parse(
            "def find(pattern, text):\n    m = pattern(pattern, text)\n    n = helper(text)\n    return len(m) + n\n",
        );
        let facts = TestFacts::default().importing("import re\n");
        let likely = error_edits(&tree, &[Missing::NotCallable { line: 1 }], &facts).likely;
        let texts: Vec<&str> = likely.iter().map(|e| e.text.as_str()).collect();
        for want in ["re.search", "divmod", "len", "isinstance"] {
            assert!(texts.contains(&want), "{want} missing from {texts:?}");
        }
        assert!(!texts.contains(&"sorted"), "sorted takes one argument: {texts:?}");
        assert!(likely.iter().all(|e| tree.text(e.span) == "pattern"), "{likely:?}");
        // An unknown type has no menu.
        let missing = Missing::Attribute { type_name: "Point".into(), attribute: "z".into() };
        let errors = error_edits(&parse("def f(p):\n    return p.z\n"), &[missing], &TestFacts::default());
        assert!(errors.first.is_empty() && errors.rest.is_empty());
    }

    /// A result computed and dropped, and neighbours swapped in a tuple, a list or a call anywhere.
    #[test]
    fn dropped_results_and_swapped_elements_are_one_edit() {
        let fixed = "def count_digits(n):\n    count = 0\n    while n > 0:\n        count += 1\n        n //= 10\n    return count\n";
        let broken = fixed.replace("n //= 10", "n // 10");
        assert!(repairs(&broken).iter().any(|r| r == fixed), "{broken:?}");
        let fixed = "def split_at(xs, i):\n    if i < 0:\n        i = max(0, len(xs) + i)\n    return xs[:i], xs[i:]\n";
        let broken = &fixed.replace("xs[:i], xs[i:]", "xs[i:], xs[:i]");
        assert!(repairs(broken).iter().any(|r| r == fixed), "{broken:?}");
        let fixed =
            "def cmp(pa, pb):\n    for x, y in zip(pa, pb):\n        if x < y:\n            return -1\n    return 0\n";
        let broken = fixed.replace("zip(pa, pb)", "zip(pb, pa)");
        assert!(repairs(&broken).iter().any(|r| r == fixed), "{broken:?}");
    }

    /// A function or method called where its sibling was meant: `max` for `min`, `rstrip` for `strip`.
    #[test]
    fn an_argument_too_many_is_dropped_in_one_edit() {
        let fixes = repairs("def slug(t):\n    return \"-\".join(t.lower().split(\" \"))\n");
        assert!(fixes.iter().any(|f| f.contains("t.lower().split()")), "{fixes:?}");
        let fixes = repairs("def f(n):\n    return sorted(range(1, n), reverse=True)\n");
        for want in ["sorted(range(n), reverse=True)", "sorted(range(1), reverse=True)", "sorted(range(1, n))"] {
            assert!(fixes.iter().any(|f| f.contains(want)), "{want} missing from {fixes:?}");
        }
        // Dropping an argument is one token's kind of edit: classic.
        let tree = parse("def f(s):\n    return s.split(\",\")\n");
        let edit = single_edits(&tree).into_iter().find(|e| e.text == "s.split()").expect("the argument dropped");
        assert_eq!(edit.tier, Tier::Classic);
    }

    #[test]
    fn a_separator_becomes_another_in_one_edit() {
        let fixes = repairs("def title(s):\n    return \"\".join(w.capitalize() for w in s.split(','))\n");
        assert!(fixes.iter().any(|f| f.contains("\" \".join(")), "{fixes:?}");
        assert!(fixes.iter().any(|f| f.contains("s.split('\\n')")), "{fixes:?}");
        // Only separators: a word stays a word.
        let fixes = repairs("def f():\n    return 'abc'\n");
        assert!(!fixes.iter().any(|f| f.contains("' '")), "{fixes:?}");
    }

    #[test]
    fn two_digits_in_the_wrong_order_are_one_edit() {
        let fixes = repairs("def cap(n):\n    return min(n, 23) + 1042\n");
        assert!(fixes.iter().any(|f| f.contains("min(n, 32)")), "{fixes:?}");
        assert!(fixes.iter().any(|f| f.contains("+ 1024")), "{fixes:?}");
        // Never a leading zero (`01` is no Python literal), nor a swap of equal digits.
        let fixes = repairs("def f():\n    return 10 + 11\n");
        assert!(!fixes.iter().any(|f| f.contains("return 01 ")), "{fixes:?}");
    }

    #[test]
    fn a_callee_that_cannot_be_right_may_be_an_imported_modules_function() {
        let broken = "def match_ab(text):\n    return bool((n > m[-1])('ab+', text))\n";
        let tree = parse(broken);
        let fixes = |facts: &TestFacts| -> Vec<String> {
            single_edits_with(&tree, facts)
                .iter()
                .filter(|e| e.tier == Tier::Classic)
                .filter_map(|e| apply(&tree, e))
                .map(|(_, t)| t.source().to_string())
                .collect()
        };
        let search = broken.replace("(n > m[-1])", "re.search");
        assert!(!fixes(&TestFacts::default()).contains(&search), "no import, no module's function");
        assert!(fixes(&TestFacts::default().importing("import os, re\n")).contains(&search));
        let aliased = broken.replace("(n > m[-1])", "regex.search");
        assert!(fixes(&TestFacts::default().importing("import re as regex\n")).contains(&aliased));
        // A module the function imports itself counts too; a name imported from one does not.
        let own = parse(format!("import math\n{}", broken.replace("'ab+', text", "x")));
        let floor = own.source().replace("(n > m[-1])", "math.floor");
        assert!(single_edits(&own).iter().filter_map(|e| apply(&own, e)).any(|(_, t)| t.source() == floor));
        assert!(!fixes(&TestFacts::default().importing("from re import search\n")).contains(&search));
        // So may a receiver that is no name the program binds, of one of the module's functions.
        let fixed = "def lowerless(s):\n    return re.sub('[a-z]', '', s)\n";
        let broken = fixed.replace("re.sub", "(lowerless + 0).sub");
        let tree = parse(&broken);
        let re = TestFacts::default().importing("import re\n");
        let hit = single_edits_with(&tree, &re)
            .into_iter()
            .find(|e| apply(&tree, e).is_some_and(|(_, t)| t.source() == fixed));
        assert_eq!(hit.map(|e| e.tier), Some(Tier::Classic));
        let bound = parse(fixed.replace("re.sub", "s.sub"));
        assert!(!single_edits_with(&bound, &re).iter().any(|e| e.text == "re"), "a parameter's method stays its own");
    }

    #[test]
    fn sibling_functions_and_methods_are_swapped() {
        let fixed = "def span(xs, s):\n    lo = min(xs)\n    return max(xs) - lo, s.strip().lower()\n";
        for broken in
            [fixed.replacen("min", "max", 1), fixed.replace("strip", "rstrip"), fixed.replace("lower", "upper")]
        {
            assert!(repairs(&broken).iter().any(|r| r == fixed), "{broken:?} has no one-edit repair");
        }
        // Not a variable that happens to share the name.
        let tree = parse("def f(max):\n    return max + 1\n");
        assert!(single_edits(&tree).iter().all(|e| e.text != "min"));
    }

    /// A literal with a zero too many or too few, and a string the tests expect that the function lacks (an
    /// expected output): one edit each. The tests' docstrings and f-strings, and strings the function has, are no
    /// test strings.
    #[test]
    fn literals_off_by_a_zero_and_the_tests_strings_are_one_edit() {
        let fixed = "def roman(c):\n    return {\"C\": 100, \"D\": 500}[c]\n";
        assert!(repairs(&fixed.replace("500", "50")).iter().any(|r| r == fixed));
        assert!(repairs(&fixed.replace("100", "1000")).iter().any(|r| r == fixed));
        let fixed = "def fizz(n):\n    if n % 5 == 0:\n        return \"Buzz\"\n    return \"Fizz\"\n";
        let broken = parse(fixed.replace("Buzz", "Fizz"));
        let tests = Tests::Check {
            source: "def check(f):\n    \"\"\"A docstring.\"\"\"\n    assert f(5) == \"Buzz\"\n    \
                     assert f(3) == 'Fizz', f\"{f(3)}\"\n    assert f(10) == \"Buzz\", \"\"\"docstring-like\"\"\"\n"
                .into(),
            entry_point: "fizz".into(),
        };
        let strings = test_strings(&tests, &broken);
        // 'Fizz' is the function's "Fizz"; b'x' is not 'x'.
        assert_eq!(parse("'Fizz'").normalised(), parse("\"Fizz\"").normalised());
        assert_ne!(parse("b'x'").normalised(), parse("'x'").normalised());
        assert_eq!(strings, ["\"Buzz\"", "\"\"\"docstring-like\"\"\""]);
        // A parametrised test's names are the test's own, not a value.
        let parametrised = Tests::Asserts(vec![
            "@pytest.mark.parametrize(\"n,out\", [(5, \"Buzz\")])\ndef test_f(n, out):\n    assert fizz(n) == out\n"
                .into(),
        ]);
        assert_eq!(test_strings(&parametrised, &broken), ["\"Buzz\""]);
        let repaired = |strings: &[String]| {
            single_edits_with(&broken, &TestFacts { strings: strings.to_vec(), ..TestFacts::default() })
                .iter()
                .filter_map(|e| apply(&broken, e))
                .any(|(_, t)| t.source() == fixed)
        };
        assert!(repaired(&strings));
        assert!(!repaired(&[]), "without the tests' strings there is no such repair");
    }

    /// An assignment's operator is one edit away from the others: a flipped `+=`, a `=` that should count.
    #[test]
    fn assignment_operators_are_swapped() {
        let fixed = "def tally(words):\n    counts = {}\n    for w in words:\n        counts[w] = counts.get(w, 0)\n        counts[w] += 1\n    return counts\n";
        for broken in
            [fixed.replace("] += 1", "] -= 1"), fixed.replace("] += 1", "] = 1"), fixed.replace("] += 1", "] //= 1")]
        {
            assert!(repairs(&broken).iter().any(|r| r == fixed), "{broken:?} has no one-edit repair");
        }
        let fixed =
            "def bitcount(n):\n    count = 0\n    while n:\n        n &= n - 1\n        count += 1\n    return count\n";
        assert!(repairs(&fixed.replace("&=", "^=")).iter().any(|r| r == fixed), "a bitwise operator");
        // Not where the assignment has several targets or an annotation.
        let tree = parse("def f(x):\n    a, b = x\n    c: int = x\n    return a\n");
        assert!(single_edits(&tree).iter().all(|e| !e.text.contains("+=")), "{:?}", single_edits(&tree));
    }

    /// QuixBugs' one-token bugs of these shapes are classic edits: a loop run `while True` (breadth-first search), a
    /// base case one level too shallow (subsequences), a recursion where the value was meant (flatten), a matrix's
    /// indices swapped (shortest path lengths), a sequence recursed on or iterated whole where its rest was meant
    /// (longest common subsequence, k-heapsort).
    #[test]
    fn loops_base_cases_recursions_and_indices() {
        let cases = [
            "def drain(queue):\n    out = []\n    while queue:\n        out.append(queue.pop())\n    return out\n",
            "def subsets(xs, k):\n    if k == 0:\n        return [[]]\n    return [[xs[0]] + s for s in subsets(xs[1:], k - 1)]\n",
            "def flatten(xs):\n    for x in xs:\n        if isinstance(x, list):\n            yield from flatten(x)\n        else:\n            yield x\n",
            "def at(m, j, k):\n    return m[k, j] + m[j, k]\n",
            "def lcs(a, b):\n    if not a or not b:\n        return 0\n    return max(lcs(a[1:], b), lcs(a, b[1:]))\n",
            "def tail_sum(xs, k):\n    head = xs[:k]\n    for x in xs[k:]:\n        head.append(x)\n    return sum(head)\n",
            "def lis(xs):\n    longest = 0\n    for x in xs:\n        longest = max(longest, x + 1)\n    return longest\n",
            "def best(xs):\n    max_here = 0\n    out = 0\n    for x in xs:\n        max_here = max(0, max_here + x)\n        out = max(out, max_here)\n    return out\n",
            "def msort(xs):\n    if len(xs) <= 1:\n        return xs\n    half = len(xs) // 2\n    return merge(msort(xs[:half]), msort(xs[half:]))\n",
            "def balanced(s):\n    depth = 0\n    for c in s:\n        if c == '(':\n            depth += 1\n        else:\n            depth -= 1\n            if depth < 0:\n                return False\n    return depth == 0\n",
        ];
        let broken = [
            cases[0].replace("while queue", "while True"),
            cases[1].replace("return [[]]", "return []"),
            cases[2].replace("yield x", "yield flatten(x)"),
            cases[3].replace("m[k, j] +", "m[j, k] +"),
            cases[4].replace("lcs(a, b[1:])", "lcs(a, b)"),
            cases[5].replace("in xs[k:]", "in xs"),
            cases[6].replace("max(longest, x + 1)", "x + 1"),
            cases[7].replace("max(0, max_here + x)", "max_here + x"),
            cases[8].replace("<= 1", "== 0"),
            cases[9].replace("depth == 0", "True"),
        ];
        // A recursion's argument moved by a local (a rewrite: not in `classic`).
        let kth = "def kth(xs, k):\n    p = xs[0]\n    below = [x for x in xs if x < p]\n    above = [x for x in xs if x > p]\n    n = len(xs) - len(above)\n    if k < len(below):\n        return kth(below, k)\n    if k >= n:\n        return kth(above, k - n)\n    return p\n";
        let kth_broken = kth.replace("k - n)", "k)");
        assert_ne!(kth_broken, kth);
        assert!(repairs(&kth_broken).iter().any(|r| r == kth));
        for (fixed, broken) in cases.iter().zip(&broken) {
            assert_ne!(fixed, broken);
            assert!(classic(broken).iter().any(|r| r == fixed), "{broken:?} has no classic one-edit repair");
        }
        // `while True` becomes a name its body reads, not a function it calls.
        assert!(!classic(&broken[0]).iter().any(|r| r.contains("while out.append")));
        // A store wrapped in `max` or `min` only where its name says which (otherwise it is a rewrite), and only
        // into a local stored elsewhere too.
        let plain = cases[6].replace("longest", "n");
        let plain_broken = plain.replace("max(n, x + 1)", "x + 1");
        assert!(!classic(&plain_broken).contains(&plain) && repairs(&plain_broken).contains(&plain));
        // A base case widened only in a function that calls itself; a balance only of a count up and down.
        assert!(
            !repairs("def even(n):\n    if n % 2 == 0:\n        return True\n    return False\n")
                .iter()
                .any(|r| r.contains("<= 1"))
        );
        let counted = "def f(s):\n    n = 0\n    for c in s:\n        n += 1\n    return True\n";
        assert!(!repairs(counted).iter().any(|r| r.contains("n == 0")));
        let once = "def f(x):\n    longest = x + 1\n    return longest\n";
        assert!(!repairs(once).iter().any(|r| r.contains("max(longest, x + 1)")));
    }

    /// A graft over a parameter's name is undone by one edit, whatever the graft; a docstring is left alone.
    #[test]
    fn a_foreign_expression_becomes_a_parameter_in_one_edit() {
        let fixed = "def below_zero(operations, limit):\n    \"\"\"Doc.\"\"\"\n    return sum(operations) < limit\n";
        for graft in ["op - bool", "below_zero[below_zero]", "'B-'", "(b + b)", "12"] {
            let broken = fixed.replacen("sum(operations)", &format!("sum({graft})"), 1);
            assert!(repairs(&broken).iter().any(|r| r == fixed), "{broken:?} has no one-edit repair");
        }
        let tree = parse(fixed);
        let docstring = tree.text(tree.nodes().iter().find(|n| n.kind == "string").unwrap().span);
        assert!(single_edits(&tree).iter().all(|e| tree.text(e.span) != docstring));
        // Reading only names bound nowhere, it becomes a parameter nothing reads as a mend; a parameter the body
        // reads stays a rewrite, and so does any parameter where the site reads a bound name.
        let tree = parse("def add(a, half):\n    return a + (x < lo) * a\n");
        let tier_of = |site: &str, text: &str| {
            let edits = single_edits(&tree);
            edits.iter().find(|e| tree.text(e.span) == site && e.text == text).map(|e| e.tier)
        };
        assert_eq!(tier_of("(x < lo)", "half"), Some(Tier::Mend));
        assert_eq!(tier_of("(x < lo)", "a"), Some(Tier::Classic));
        assert_eq!(tier_of("(x < lo) * a", "half"), Some(Tier::Classic));
    }

    #[test]
    fn a_consistent_header_is_left_alone() {
        // Every header name is read by the body (or is a builtin type) and the body reads nothing unbound: no header
        // edit. The function's own name never changes (the tests call it), nor does a keyword argument's.
        let source = "def add(a: int, b: int) -> int:\n    return max(a=a, b=b)\n";
        let tree = parse(source);
        let body_start = source.find("return").unwrap() as u32;
        let kwarg = source.find("a=a").unwrap() as u32;
        for e in single_edits(&tree) {
            assert!(e.span.start >= body_start, "header edit {e:?}");
            assert_ne!(e.span.start, kwarg, "keyword argument renamed: {e:?}");
        }
        // Only the parameter, to the name the body reads; not to the builtin it also reads.
        let source = "def scale(v):\n    return abs(v * factor)\n";
        let tree = parse(source);
        let header_end = source.find(':').unwrap() as u32;
        let header: Vec<_> = single_edits(&tree).into_iter().filter(|e| e.span.start < header_end).collect();
        assert_eq!(header.len(), 1, "{header:?}");
        assert_eq!((tree.text(header[0].span), header[0].text.as_str()), ("v", "factor"));
    }
}
