//! Reading a program's names: what it reads, binds and calls, its kin names, loop variables and returns.

use super::*;

/// The names read in the subtree of `id` (not called ones, not attributes), each once, in order; builtins aside.
pub(super) fn read_names(tree: &Tree, id: NodeId) -> Vec<&str> {
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
pub(super) fn is_definition_name(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    node.field == Some("name")
        && node.parent.is_some_and(|p| matches!(tree.node(p).kind, "function_definition" | "class_definition"))
}

/// Is the node a top-level statement itself, or part of a top-level function's header (its name, parameters,
/// annotations, decorators: anything of it outside its body)?
pub(super) fn in_header(tree: &Tree, id: NodeId) -> bool {
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
pub(super) fn top_function(tree: &Tree, id: NodeId) -> Option<NodeId> {
    let mut c = id;
    while let Some(p) = tree.node(c).parent.filter(|&p| p != 0) {
        c = p;
    }
    tree.as_function(c)
}

/// The names a name may become (see [`single_edits`]).
pub(super) struct Names<'t> {
    /// Identifiers in value or binding position (not attribute names), the first definition's own name excluded.
    pub(super) all: Vec<&'t str>,
    /// Attribute names outside the header.
    pub(super) attributes: Vec<&'t str>,
    /// How many identifiers of the program spell each name.
    pub(super) counts: HashMap<&'t str, usize>,
    /// Pairs of names introduced together ([`kin_groups`]), both orders.
    kin: HashSet<(&'t str, &'t str)>,
}

impl<'t> Names<'t> {
    pub(super) fn of(tree: &'t Tree) -> Names<'t> {
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
    pub(super) fn rename_tier(&self, from: &str, to: &str) -> Tier {
        if self.kin.contains(&(from, to)) { Tier::Classic } else { Tier::Rename }
    }
}

/// Groups of names introduced together, the likeliest to be confused with each other (the wrong-name bug): the
/// parameters of one function (`a` for `b`), the names one assignment unpacks into (`rows, cols = …`), a name and
/// the name whose value it was bound to (`units = TIME_UNITS`), and the loop variables of one function (`i` for `j`).
pub(super) fn kin_groups(tree: &Tree) -> Vec<Vec<&str>> {
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
            // A name bound to another's value stands in for it (`units = TIME_UNITS`, then `ch in TIME_UNITS` where
            // `ch in units` was meant), one by one where a tuple is unpacked (`units, n = DATE_UNITS, 0`).
            "assignment" => {
                let side = |f: &str| tree.children(id).find(|&c| tree.node(c).field == Some(f));
                let (Some(left), Some(right)) = (side("left"), side("right")) else { continue };
                let items = |side: NodeId| match tree.node(side).kind {
                    "identifier" => vec![Some(tree.text(tree.node(side).span))],
                    "pattern_list" | "expression_list" | "tuple_pattern" | "tuple" => tree
                        .named_children(side)
                        .map(|c| (tree.node(c).kind == "identifier").then(|| tree.text(tree.node(c).span)))
                        .collect(),
                    _ => Vec::new(),
                };
                let (targets, values) = (items(left), items(right));
                if targets.len() == values.len() {
                    for (target, value) in targets.into_iter().zip(values) {
                        if let (Some(t), Some(v)) = (target, value)
                            && t != v
                        {
                            groups.push(vec![t, v]);
                        }
                    }
                }
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

pub(super) fn push_new<'t>(list: &mut Vec<&'t str>, text: &'t str) {
    if !list.contains(&text) {
        list.push(text);
    }
}

/// The names a function's body reads that the function never binds and that are not builtins: where a parameter
/// is misspelt, the body reads the right name.
pub(super) fn unbound_reads(tree: &Tree, function: NodeId) -> Vec<&str> {
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
pub(super) fn reads_only_unbound(tree: &Tree, id: NodeId, unbound: &[&str]) -> bool {
    let mut reads = (id..tree.node(id).subtree_end)
        .map(|n| tree.node(n))
        .filter(|n| n.kind == "identifier" && n.field != Some("attribute"))
        .peekable();
    reads.peek().is_some() && reads.all(|n| n.field != Some("function") && unbound.contains(&tree.text(n.span)))
}

/// Does the function's body (or any node's subtree: a loop's) read `name`?
pub(super) fn reads_name(tree: &Tree, function: NodeId, name: &str) -> bool {
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
pub(super) fn falls_off_its_end(tree: &Tree, id: NodeId) -> Option<NodeId> {
    let function = tree.node(id).parent.filter(|&f| tree.node(f).kind == "function_definition")?;
    let last = tree.children(id).filter(|&c| !tree.node(c).extra).last()?;
    let ends = matches!(tree.node(last).kind, "return_statement" | "raise_statement" | "pass_statement");
    // (A bare string ends it only as its docstring: a stray one is what a `pass` is, below.)
    (!ends && !is_docstring_in_place(tree, last)).then_some(function)
}

/// The locals of a function that are read before (or as) they are first bound (`max_depth = max(d, max_depth)`
/// with no `max_depth = 0` before it), with where the first read starts: the missing initialisation. Only names the
/// function binds by assignment or `for` alone (a comprehension's or a lambda's variable is read before its
/// clause binds it), and not its parameters.
pub(super) fn read_before_bound(tree: &Tree, function: NodeId) -> Vec<(&str, u32)> {
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
pub(super) fn is_docstring_in_place(tree: &Tree, id: NodeId) -> bool {
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
pub(super) fn loop_variables(tree: &Tree, id: NodeId) -> Vec<&str> {
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
pub(super) fn is_condition(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    node.field == Some("condition")
        && node.parent.is_some_and(|p| matches!(tree.node(p).kind, "if_statement" | "elif_clause" | "while_statement"))
}

/// The innermost `for` or `while` loop around a node, within its function: not a loop whose `else:` holds the node
/// (that runs once the loop is over, where CPython refuses `break` and `continue`).
pub(super) fn innermost_loop(tree: &Tree, id: NodeId) -> Option<NodeId> {
    let mut from = id;
    let mut cursor = tree.node(id).parent;
    while let Some(c) = cursor {
        match tree.node(c).kind {
            "for_statement" | "while_statement" if tree.node(from).kind != "else_clause" => return Some(c),
            "function_definition" | "class_definition" | "lambda" => return None,
            _ => {
                from = c;
                cursor = tree.node(c).parent;
            }
        }
    }
    None
}

/// The plain and augmented assignments of a function's locals (by an identifier target), in order.
pub(super) fn local_stores(tree: &Tree, function: NodeId) -> Vec<(&str, NodeId)> {
    (function + 1..tree.node(function).subtree_end)
        .filter(|&a| matches!(tree.node(a).kind, "assignment" | "augmented_assignment"))
        .filter(|&a| sketch::enclosing_function(tree, a) == Some(function))
        .filter_map(|a| {
            let target = tree.children(a).find(|&c| tree.node(c).field == Some("left"))?;
            (tree.node(target).kind == "identifier").then(|| (tree.text(tree.node(target).span), a))
        })
        .collect()
}

/// A function's own `return` statements (one line each, in order, each once), and for one returning a literal the
/// same with the literal's nearest kin (`True` for `False`, `1` for `0`, `'1'` for `'0'`).
pub(super) fn returns_of(tree: &Tree, function: NodeId) -> Vec<String> {
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
pub(super) fn assigned_names(tree: &Tree, function: NodeId) -> Vec<&str> {
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
pub(super) fn assignment_operator(tree: &Tree, id: NodeId) -> Option<(Span, &'static [&'static str])> {
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

/// Is the node a name the program binds (a parameter, an assignment's or a loop's target), not a definition's own
/// name nor a keyword argument's?
pub(super) fn is_binding(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    node.kind == "identifier"
        && node.class == Some(ReplacementClass::Identifier)
        && node.field != Some("attribute")
        && !is_definition_name(tree, id)
        && node.parent.is_none_or(|p| tree.node(p).kind != "keyword_argument")
}

/// Every name the program binds ([`is_binding`]).
pub(super) fn bound_names(tree: &Tree) -> HashSet<&str> {
    (0..tree.nodes().len() as NodeId)
        .filter(|&id| is_binding(tree, id))
        .map(|id| tree.text(tree.node(id).span))
        .collect()
}
