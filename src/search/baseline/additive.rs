//! Edits that add code ([`additive_edits`]): a statement copied, a recursion's base case, a condition's clause,
//! and the checks a crashing function lacks ([`guard_edits`]).

use super::*;

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
            // A call's, name's, attribute's or subscript's `not` is the menu's (`menu.rs`: a rewrite; a clause's, classic).
            if !matches!(node.kind, "not_operator" | "call" | "identifier" | "attribute" | "subscript") {
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
/// of each other name the loop reads (`lines.append(text)`, the rest a line wrapper never adds); where the loop
/// iterates all but the last element (`for n in numbers[:-1]`), the append of that last one (`numbers[-1]`); and
/// where the loop yields or appends a local it then begins anew (`yield batch`, then `batch = []`), the same if that
/// local holds anything (`if batch: yield batch`, the final partial group).
pub(super) fn flushes(tree: &Tree, block: NodeId) -> Vec<(usize, String)> {
    let statements = tree.children(block).filter(|&c| !tree.node(c).extra && !tree.is_docstring(c));
    let mut out = Vec::new();
    for (i, lp) in statements.enumerate() {
        if !matches!(tree.node(lp).kind, "for_statement" | "while_statement") {
            continue;
        }
        let names = read_names(tree, lp);
        // `for v in xs[:-1]`: the loop's variable and `xs[-1]`.
        let field = |f| tree.children(lp).find(|&c| tree.node(c).field == Some(f));
        let all_but_last = match (field("left"), field("right")) {
            (Some(v), Some(seq)) if tree.node(seq).kind == "subscript" => tree
                .text(tree.node(seq).span)
                .strip_suffix("[:-1]")
                .map(|base| (tree.text(tree.node(v).span), format!("{base}[-1]"))),
            _ => None,
        };
        // The locals the loop begins anew after emitting them (`yield batch`, then `batch = []` or `current =
        // [x]`): assigned a literal collection, an empty one's call or zero.
        let reset = |name: &str, emitted_at: NodeId| {
            (emitted_at..tree.node(lp).subtree_end).any(|a| {
                let part = |f| tree.children(a).find(|&t| tree.node(t).field == Some(f));
                tree.node(a).kind == "assignment"
                    && part("left").is_some_and(|t| tree.text(tree.node(t).span) == name)
                    && part("right").is_some_and(|v| {
                        matches!(tree.node(v).kind, "list" | "string" | "tuple" | "dictionary" | "set")
                            || matches!(tree.text(tree.node(v).span), "list()" | "set()" | "dict()" | "0")
                    })
            })
        };
        let mut push = |flush: String| {
            if !out.iter().any(|(at, f)| *at == i && *f == flush) {
                out.push((i, flush));
            }
        };
        for emitted in (lp..tree.node(lp).subtree_end).filter(|&y| tree.node(y).kind == "yield") {
            if let Some(value) = tree.named_children(emitted).next()
                && tree.node(value).kind == "identifier"
                && reset(tree.text(tree.node(value).span), emitted)
            {
                let name = tree.text(tree.node(value).span);
                push(format!("if {name}:\n    yield {name}"));
            }
        }
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
            let last = all_but_last.as_ref().filter(|(v, _)| *v == arg).map(|(_, last)| last.as_str());
            for name in names.iter().copied().filter(|&n| n != arg && n != receiver).chain(last) {
                push(format!("{receiver}.append({name})"));
            }
            if is_name(arg) && reset(arg, call) {
                push(format!("if {arg}:\n    {receiver}.append({arg})"));
            }
        }
    }
    out
}

/// The update a loop never makes of a local it carries: for the body `block` of a loop, each local bound once
/// before the loop and read in it but never bound in it, become each name the loop binds (`prevnode = node`, which
/// a list reversal's loop lacks).
pub(super) fn carried_updates(tree: &Tree, block: NodeId) -> Vec<String> {
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

/// Each branch of a loop that forgot the `continue` a sibling branch ends in (`if not line: continue` before `if
/// line.startswith("["): section = …`), given it: a classic edit of the menu ([`single_edits_with`]), not an
/// additive one, since the sibling says how the loop goes on.
pub(super) fn forgotten_continues(tree: &Tree) -> Vec<RawEdit> {
    let mut out = Vec::new();
    for id in (0..tree.nodes().len() as NodeId).filter(|&b| tree.node(b).kind == "block") {
        if innermost_loop(tree, id).is_none() || !forgot_continue(tree, id) {
            continue;
        }
        if let Some(body) = block_body(tree, id) {
            let text = format!("{}\ncontinue", body.trim_end_matches('\n'));
            out.push(RawEdit { span: tree.node(id).span, class: ReplacementClass::Block, text, tier: Tier::Classic });
        }
    }
    out
}

/// Is `block` the body of an `if` that ends without a jump, beside an `if` of the same block whose body ends in
/// `continue`?
fn forgot_continue(tree: &Tree, block: NodeId) -> bool {
    let last = |b: NodeId| tree.named_children(b).filter(|&c| !tree.node(c).extra).last().map(|c| tree.node(c).kind);
    let body_of = |branch: NodeId| tree.children(branch).find(|&c| tree.node(c).field == Some("consequence"));
    let Some(branch) = tree.node(block).parent.filter(|&p| tree.node(p).kind == "if_statement") else { return false };
    let Some(around) = tree.node(branch).parent else { return false };
    body_of(branch) == Some(block)
        && !matches!(
            last(block),
            Some("continue_statement" | "break_statement" | "return_statement" | "raise_statement") | None
        )
        && tree.named_children(around).any(|other| {
            other != branch
                && tree.node(other).kind == "if_statement"
                && body_of(other).is_some_and(|b| last(b) == Some("continue_statement"))
        })
}

/// The line (of the block `id`, from 0) each of its statements starts on, a docstring and comments aside.
pub(super) fn statement_lines(tree: &Tree, id: NodeId) -> Vec<usize> {
    let start = tree.node(id).span.start as usize;
    tree.children(id)
        .filter(|&c| !tree.node(c).extra && !tree.is_docstring(c))
        .map(|c| tree.source()[start..tree.node(c).span.start as usize].matches('\n').count())
        .collect()
}

/// What a guard returns: the empty or neutral value of the common result types.
pub(super) const GUARD_VALUES: [&str; 7] = ["None", "0", "[]", "\"\"", "False", "True", "-1"];

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
