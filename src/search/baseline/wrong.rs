//! Code that cannot be right whatever the tests say ([`cannot_be_right`], [`is_foreign_statement`]), and what a
//! grafted statement may have been ([`lost_bindings`]).

use super::*;

/// Is the expression wrong whatever the program is for: a literal, an operator's result or a value builtin's or
/// string method's result called (`'['(s)`, `(i + 1)(s)`, `len(arr)(x)`, `d.items()(n)`; a lambda called in place
/// is rare enough), a literal whose type lacks the attribute read of it, a literal compared with literals only
/// (`10 == ')'`), a function, number or truth value where a builtin takes a collection (`map(eq, a, any)`,
/// `len(x == 1)`) or an integer (`range(n, 0, x > 1)`), a number or truth value subscripted, an in-place list
/// method's `None` used (`xs.sort() > 1`), a name against itself (`x - x`)? Corruptions that graft foreign code
/// leave such sites.
pub(super) fn cannot_be_right(tree: &Tree, id: NodeId) -> bool {
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
    // An in-place method's `None` used as a value (`i.sort() > 1` where `gaps > 1` was, `return lst.sort()`).
    let used = match parent.kind {
        "assignment" | "for_statement" => node.field == Some("right"),
        "subscript" | "attribute" => node.field == Some("value") || node.field == Some("object"),
        kind => matches!(kind, "return_statement" | "binary_operator" | "comparison_operator" | "argument_list"),
    };
    if used && in_place_receiver(tree, id).is_some() {
        return true;
    }
    // A name against itself where the result is a constant (`x - x`, `n % n`, `i < i`): a graft over one
    // operand. (Not `x == x` or `x != x`: the test for NaN.)
    if matches!(node.kind, "binary_operator" | "comparison_operator") {
        let mut children = tree.children(id).filter(|&c| !tree.node(c).extra);
        if let (Some(left), Some(operator), Some(right), None) =
            (children.next(), children.next(), children.next(), children.next())
            && tree.node(left).kind == "identifier"
            && tree.text(tree.node(left).span) == tree.text(tree.node(right).span)
            && matches!(tree.text(tree.node(operator).span), "-" | "/" | "//" | "%" | "^" | "<" | ">" | "<=" | ">=")
        {
            return true;
        }
    }
    // A function as a truth value, always true (`any(search_from for x in xs)` where `search_from(x)` was, `if
    // is_prime:`).
    if node.kind == "identifier" && is_truth_test(tree, id) && is_function_value(tree, id) {
        return true;
    }
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
                || method_call(tree, id).is_some_and(|(_, m)| VALUE_METHODS.contains(&m))
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
        // A loop over a number or a truth value (`for i in len(xs):` where `range(len(xs))` was).
        "for_statement" | "for_in_clause" if node.field == Some("right") && never_a_collection(tree, id) => true,
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
        // A builtin returned as a value (`return float` where `return int(n)` was).
        "return_statement" => unbound_builtin(tree, id),
        // A builtin or one of the program's functions where a collection belongs (`sorted(list(max))`,
        // `sorted(rolling_max)` in `rolling_max` itself, `map(eq, nums1, any)`), or a number or a truth value
        // (`len((res == 1))`).
        "argument_list" if node.kind == "identifier" => {
            collection_expected(tree, id, true) && (unbound_builtin(tree, id) || is_program_function(tree, id))
        }
        "argument_list" => {
            (collection_expected(tree, id, false) && never_a_collection(tree, id))
                || (builtin_argument(tree, id).is_some_and(|(b, _)| b == "range") && never_an_integer(tree, id))
        }
        // A number or a truth value subscripted (`(c == 8)[:index + 1]` where `str1[:index + 1]` was).
        "subscript" if node.field == Some("value") => never_a_collection(tree, id),
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

/// Is the node a positional argument where a builtin the program does not bind takes a collection: the first of an
/// [`ITERABLE_TAKERS`]'s, any of `zip`'s, `map`'s after its function, `filter`'s second? Asked of a function
/// (`of_function`), any argument of an [`ITERABLE_TAKERS`]: `sum(xs, max)`, and `max`'s and `min`'s values.
fn collection_expected(tree: &Tree, id: NodeId, of_function: bool) -> bool {
    let Some((builtin, position)) = builtin_argument(tree, id) else { return false };
    match builtin {
        "map" => position >= 1,
        "filter" => position == 1,
        "zip" => true,
        "max" | "min" => of_function,
        name => ITERABLE_TAKERS.contains(&name) && (of_function || position == 0),
    }
}

/// If the node is a positional argument of a call of a builtin the program does not bind, that builtin and the
/// argument's position (`("range", 2)` for `-1` in `range(n, 0, -1)`).
pub(super) fn builtin_argument(tree: &Tree, id: NodeId) -> Option<(&str, usize)> {
    let (callee, position) = call_argument(tree, id)?;
    unbound_builtin(tree, callee).then(|| (tree.text(tree.node(callee).span), position))
}

/// If the node is a positional argument of a call (before any `*` or `**`), the call's callee and the argument's
/// position (`(re.sub, 0)` for the pattern of `re.sub(r"\s+", " ", s)`).
pub(super) fn call_argument(tree: &Tree, id: NodeId) -> Option<(NodeId, usize)> {
    let arguments = tree.node(id).parent.filter(|&a| tree.node(a).kind == "argument_list")?;
    let call = tree.node(arguments).parent.filter(|&c| tree.node(c).kind == "call")?;
    let callee = tree.children(call).find(|&f| tree.node(f).field == Some("function"))?;
    let position = tree
        .named_children(arguments)
        .take_while(|&a| !matches!(tree.node(a).kind, "list_splat" | "dictionary_splat"))
        .filter(|&a| tree.node(a).kind != "keyword_argument")
        .position(|a| a == id)?;
    Some((callee, position))
}

/// The expression inside its parentheses (`(c == 8)` gives `c == 8`).
fn unparenthesized(tree: &Tree, mut id: NodeId) -> NodeId {
    while tree.node(id).kind == "parenthesized_expression"
        && let Some(inner) = tree.named_children(id).next()
    {
        id = inner;
    }
    id
}

/// Is the expression (parentheses aside) a number, a truth value or `None` by its form: a numeric or boolean
/// literal, `None`, a comparison, `not`, or a call of a builtin that returns a number or a truth value (`len(x)`)?
fn never_a_collection(tree: &Tree, id: NodeId) -> bool {
    let id = unparenthesized(tree, id);
    let node = tree.node(id);
    match node.kind {
        // (Not `and`/`or`: `a or []` is a collection.)
        "integer" | "float" | "true" | "false" | "none" | "comparison_operator" | "not_operator" => true,
        "call" => tree
            .children(id)
            .find(|&f| tree.node(f).field == Some("function"))
            .is_some_and(|f| NUMBER_BUILTINS.contains(&tree.text(tree.node(f).span)) && unbound_builtin(tree, f)),
        _ => false,
    }
}

/// Is the expression (parentheses aside) never an integer by its form: a string, a float, a truth value, `None`, a
/// collection, a comparison, `not`, a lambda, or a call of a builtin that returns none (`isinstance(res, int)`
/// where `range`'s step `-1` was)?
pub(super) fn never_an_integer(tree: &Tree, id: NodeId) -> bool {
    let id = unparenthesized(tree, id);
    match tree.node(id).kind {
        "string"
        | "concatenated_string"
        | "float"
        | "true"
        | "false"
        | "none"
        | "list"
        | "tuple"
        | "dictionary"
        | "set"
        | "list_comprehension"
        | "dictionary_comprehension"
        | "set_comprehension"
        | "generator_expression"
        | "lambda"
        | "comparison_operator"
        | "not_operator" => true,
        "call" => tree.children(id).find(|&f| tree.node(f).field == Some("function")).is_some_and(|f| {
            ["isinstance", "str", "list", "sorted", "set", "dict", "tuple", "bool", "float", "zip", "enumerate", "map"]
                .contains(&tree.text(tree.node(f).span))
                && unbound_builtin(tree, f)
        }),
        _ => false,
    }
}

/// If the node calls a method (`d.items()`, `s.split(' ')`), its receiver and the method's name.
fn method_call(tree: &Tree, id: NodeId) -> Option<(NodeId, &str)> {
    if tree.node(id).kind != "call" {
        return None;
    }
    let callee = tree.children(id).find(|&f| tree.node(f).field == Some("function"))?;
    if tree.node(callee).kind != "attribute" {
        return None;
    }
    let field = |f: &str| tree.children(callee).find(|&c| tree.node(c).field == Some(f));
    Some((field("object")?, tree.text(tree.node(field("attribute")?).span)))
}

/// Methods of the builtin types whose result is never callable: `d.items()(step)` is a graft over `range(step)`.
const VALUE_METHODS: [&str; 20] = [
    "items",
    "keys",
    "values",
    "split",
    "join",
    "strip",
    "lower",
    "upper",
    "count",
    "index",
    "find",
    "replace",
    "startswith",
    "endswith",
    "isdigit",
    "isalpha",
    "append",
    "sort",
    "copy",
    "format",
];

/// Builtins whose result is a number or a truth value, never a collection.
const NUMBER_BUILTINS: [&str; 9] = ["len", "int", "float", "bool", "abs", "ord", "round", "hash", "isinstance"];

/// If the node calls a list's in-place method, one that returns `None` (`xs.sort()`, `out.append(x)`), its
/// receiver and method.
pub(super) fn in_place_receiver(tree: &Tree, id: NodeId) -> Option<(NodeId, &str)> {
    method_call(tree, id).filter(|(_, method)| IN_PLACE_METHODS.contains(method))
}

/// Methods of `list` that change it in place and return `None`.
const IN_PLACE_METHODS: [&str; 7] = ["sort", "reverse", "append", "extend", "insert", "clear", "remove"];

/// Builtins whose result is never callable: `len(arr)(x)` is a graft over `len(x)`. (`min`, `max` and kin may
/// pick a function from a list.)
pub(super) const VALUE_BUILTINS: [&str; 30] = [
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
pub(super) const ITERABLE_TAKERS: [&str; 15] = [
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
pub(super) const CALLEE_BUILTINS: [(&str, usize, usize); 28] = [
    ("len", 1, 1), ("str", 0, 3), ("int", 0, 2), ("list", 0, 1), ("range", 1, 3), ("sum", 1, 2), ("max", 1, MANY),
    ("min", 1, MANY), ("sorted", 1, 1), ("set", 0, 1), ("tuple", 0, 1), ("abs", 1, 1), ("zip", 0, MANY),
    ("map", 2, MANY), ("filter", 2, 2), ("enumerate", 1, 2), ("isinstance", 2, 2), ("any", 1, 1), ("all", 1, 1),
    ("float", 0, 1), ("dict", 0, 1), ("round", 1, 2), ("reversed", 1, 1), ("ord", 1, 1), ("chr", 1, 1),
    ("divmod", 2, 2), ("pow", 2, 3), ("bool", 0, 1),
];

/// No bound on a builtin's positional arguments (`max(a, b, c)`).
pub(super) const MANY: usize = usize::MAX;

/// The positional arguments a call passes (keywords aside); `None` when a `*args` hides how many.
pub(super) fn positional_arguments(tree: &Tree, call: NodeId) -> Option<usize> {
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
pub(super) fn builtins_taking(tree: &Tree, call: NodeId) -> impl Iterator<Item = &'static str> {
    let count = positional_arguments(tree, call);
    CALLEE_BUILTINS
        .iter()
        .filter(move |&&(_, fewest, most)| count.map_or(most >= 1, |n| (fewest..=most).contains(&n)))
        .map(|&(name, _, _)| name)
}

/// Is the node a call's builtin callee (one the program does not bind) given more or fewer positional arguments
/// than it takes (`list(x, list)` where `isinstance(x, list)` was)?
pub(super) fn builtin_miscalled(tree: &Tree, id: NodeId) -> bool {
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
pub(super) fn called_value(tree: &Tree, id: NodeId) -> bool {
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
pub(super) fn is_program_function(tree: &Tree, id: NodeId) -> bool {
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

/// Is the expression tested for truth: a condition, the operand of `not`, the left operand of `and` or `or` (or
/// the right one where the operation itself is tested), or the element of a generator passed to `any` or `all`?
pub(super) fn is_truth_test(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    let Some(p) = node.parent else { return false };
    match tree.node(p).kind {
        "if_statement" | "while_statement" | "elif_clause" => node.field == Some("condition"),
        "conditional_expression" => tree.named_children(p).nth(1) == Some(id),
        "not_operator" => true,
        "boolean_operator" => node.field == Some("left") || is_truth_test(tree, p),
        "generator_expression" => {
            let call = tree.node(p).parent.filter(|&c| tree.node(c).kind == "call");
            let callee = call.and_then(|c| tree.children(c).find(|&f| tree.node(f).field == Some("function")));
            node.field == Some("body")
                && callee
                    .is_some_and(|f| matches!(tree.text(tree.node(f).span), "any" | "all") && unbound_builtin(tree, f))
        }
        _ => false,
    }
}

/// Is the name a function's: one of the program's, or a builtin function or type it does not bind?
fn is_function_value(tree: &Tree, id: NodeId) -> bool {
    let text = tree.text(tree.node(id).span);
    let builtin_function =
        !text.starts_with("__") && !matches!(text, "Ellipsis" | "NotImplemented") && unbound_builtin(tree, id);
    builtin_function || is_program_function(tree, id)
}

/// Is the node a builtin's name (`len`, `str`, `bool`) that the program does not bind? As an operand of
/// arithmetic or of an ordering (`bool > 0`, `n % len`) it is a graft: `type(x) == int` compares a type rightly.
pub(super) fn unbound_builtin(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    let text = tree.text(node.span);
    node.kind == "identifier"
        && syntax::is_builtin(text)
        && !(0..tree.nodes().len() as NodeId).any(|b| is_binding(tree, b) && tree.text(tree.node(b).span) == text)
}

/// If `id` is a `pass` (or a stray string, no docstring) that ends a function's body holding other statements (a docstring aside: a stub has its own
/// menu), that function.
pub(super) fn pass_ending_a_body(tree: &Tree, id: NodeId) -> Option<NodeId> {
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
pub(super) fn is_foreign_statement(tree: &Tree, id: NodeId, nonsense: &[bool], unbound: &[&str]) -> bool {
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

/// What a statement grafted over a binding of a local may have been: an update of an accumulator (`prod_value *=
/// n` for a local bound once to a literal before the loop and never after) by a variable of its loop, the same
/// update of another local where it updates a name nothing else stores (`depth -= 1` for `x -= 1`), and `y = E` for
/// up to [`MAX_LOST_TARGETS`] locals `y` it may have bound (its own target, a local read before it is bound, a name
/// read after it and bound nowhere, the function's other stored locals; only those something outside it reads) with
/// `E` over the names in scope there ([`sketch::assigned_values`]). The updates are few, the values many; the
/// values holding what the local's name names are few again, and so are a name bound nowhere's initial values
/// ([`initial_values_by_use`]).
pub(super) fn lost_bindings(tree: &Tree, function: NodeId, statement: NodeId, unbound: &[&str]) -> LostBindings {
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
pub(super) fn reads_of_own_unbound_target(tree: &Tree) -> Vec<Span> {
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
pub(super) fn parallel_values(tree: &Tree, function: NodeId, target: &str) -> Vec<String> {
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
pub(super) fn initial_values_by_use(tree: &Tree, function: NodeId, name: &str) -> Vec<&'static str> {
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
pub(super) struct LostBindings {
    /// Updates of an accumulator or of another local (`prod_value *= n`): few.
    pub(super) updates: Vec<String>,
    /// Bindings whose value holds code the local's name names ([`sketch::words_cues`]): few.
    pub(super) cued: Vec<String>,
    /// The other bindings: many.
    pub(super) values: Vec<String>,
}

/// Whether `tree` could pass the tests' stated calls as far as the kinds of values tell: false where a tested
/// function uses a parameter as what the calls' argument cannot be (`examples::use_admits`: iterates a number,
/// calls a string's method on a list), uses a local bound once to a value of one kind (`total = 0`) as what that
/// kind cannot be, or returns from its one `return` a kind the tests do not expect. Such a program raises or
/// returns the wrong kind on those tests whatever else it does, so it is not worth a run.
pub fn kinds_could_pass(tree: &Tree, facts: &TestFacts) -> bool {
    if facts.expected.is_empty() || shadows_a_builtin(tree) {
        return true;
    }
    tree.named_children(0)
        .filter_map(|c| tree.as_function(c))
        .all(|function| function_kinds_could_pass(tree, function, facts))
}

/// [`kinds_could_pass`] for the one function `function` of the program.
pub(super) fn function_could_pass(tree: &Tree, function: NodeId, facts: &TestFacts) -> bool {
    facts.expected.is_empty() || shadows_a_builtin(tree) || function_kinds_could_pass(tree, function, facts)
}

/// The program binds or defines a builtin's name (`def sum(a, b)`), which the kinds of values are read by.
fn shadows_a_builtin(tree: &Tree) -> bool {
    bound_names(tree).into_iter().any(examples::judges_by)
        || (0..tree.nodes().len() as NodeId)
            .filter(|&id| tree.node(id).kind == "function_definition")
            .any(|f| sketch::function_name(tree, f).is_some_and(examples::judges_by))
}

/// [`kinds_could_pass`] for one top-level function. Code that tells kinds apart (`isinstance`, `type`, `hasattr`,
/// `try`) may use a name both ways, so it is judged by nothing; nor are parameters the calls pass of two kinds.
fn function_kinds_could_pass(tree: &Tree, function: NodeId, facts: &TestFacts) -> bool {
    let Some(name) = sketch::function_name(tree, function) else { return true };
    let body = function..tree.node(function).subtree_end;
    let tells_kinds = body.clone().any(|id| {
        let node = tree.node(id);
        matches!(node.kind, "try_statement" | "global_statement" | "nonlocal_statement")
            || (node.kind == "identifier"
                && matches!(tree.text(node.span), "isinstance" | "type" | "hasattr" | "callable"))
    });
    if tells_kinds {
        return true;
    }
    let occurrences = |name: &str| -> Vec<NodeId> {
        body.clone()
            .filter(|&id| {
                let node = tree.node(id);
                node.kind == "identifier" && node.field != Some("attribute") && tree.text(node.span) == name
            })
            .collect()
    };
    // The names of a known kind at every use, each with the kinds to check its uses against: parameters never
    // rebound and passed one kind (each kind passed), then locals bound by one plain assignment to a value of a
    // known kind and otherwise only updated in place (`+=` keeps a number a number, a list a list).
    let params = sketch::parameters(tree, function);
    let passed = examples::passed_kinds(&facts.expected, name, params.len());
    if passed.iter().all(Vec::is_empty) && examples::expected_results(&facts.expected, name).is_empty() {
        return true;
    }
    let mut known = examples::Known::new();
    let mut checked: Vec<(Vec<NodeId>, Vec<ValueKind>)> = Vec::new();
    for (&param, kinds) in params.iter().zip(&passed) {
        let found = occurrences(param);
        let rebound = found.iter().filter(|&&id| is_binding(tree, id)).count() > 1;
        if let Some(kind) = examples::one_kind(kinds).filter(|_| !rebound) {
            known.insert(param, kind);
            checked.push((found, kinds.clone()));
        }
    }
    for id in body.clone() {
        let node = tree.node(id);
        if node.kind != "assignment" {
            continue;
        }
        let (Some(target), Some(value)) = (
            tree.children(id).find(|&c| tree.node(c).field == Some("left")),
            tree.children(id).find(|&c| tree.node(c).field == Some("right")),
        ) else {
            continue;
        };
        let local = tree.text(tree.node(target).span);
        if tree.node(target).kind != "identifier" || params.contains(&local) {
            continue;
        }
        let Some(kind) = examples::value_kind_among(tree, value, &known) else { continue };
        let found = occurrences(local);
        let bound_once = found
            .iter()
            .filter(|&&o| is_binding(tree, o))
            .all(|&o| o == target || tree.node(o).parent.is_some_and(|p| tree.node(p).kind == "augmented_assignment"));
        if bound_once {
            known.insert(local, kind);
            checked.push((found, vec![kind]));
        }
    }
    let uses_admit = |(occurrences, kinds): &(Vec<NodeId>, Vec<ValueKind>)| {
        occurrences
            .iter()
            .all(|&id| is_binding(tree, id) || kinds.iter().all(|&k| examples::use_admits(tree, id, k, &known)))
    };
    if !checked.iter().all(uses_admit) {
        return false;
    }
    // The one `return`, ending the body: what every call that returns returns.
    let returns: Vec<NodeId> = body
        .clone()
        .filter(|&id| {
            tree.node(id).kind == "return_statement" && sketch::enclosing_function(tree, id) == Some(function)
        })
        .collect();
    let generator = body.clone().any(|id| matches!(tree.node(id).kind, "yield" | "lambda"));
    let last = tree
        .children(function)
        .find(|&c| tree.node(c).field == Some("body"))
        .and_then(|b| tree.named_children(b).filter(|&c| !tree.node(c).extra).last());
    if let [only] = returns[..]
        && !generator
        && last == Some(only)
        && let Some(kind) = tree.named_children(only).next().and_then(|v| examples::value_kind_among(tree, v, &known))
    {
        return examples::expected_results(&facts.expected, name).iter().all(|e| e.admits(kind));
    }
    true
}
