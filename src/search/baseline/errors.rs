//! What a failing test's error says is missing ([`error_edits`]): a misspelt binding, an initialisation, a builtin
//! type's method, a callable where a value was called.

use super::*;

/// The body (block) of each function that spells `name` but does not take it as a parameter (an import or an
/// initialisation there would hide the argument), with how many times the body spells it.
pub(super) fn bodies_reading(tree: &Tree, name: &str) -> Vec<(usize, NodeId)> {
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
pub(super) fn first_in_body(tree: &Tree, body: NodeId, statements: &[String]) -> Vec<RawEdit> {
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
pub(super) const MAX_LOST_TARGETS: usize = 3;

/// What a name read before its assignment starts as: the empty or neutral value of the common types.
pub(super) const INITIAL_VALUES: [&str; 6] = ["0", "[]", "\"\"", "None", "{}", "1"];

/// The methods `str` and `bytes` share (CPython 3.11's `dir`, `_` names aside).
#[rustfmt::skip]
pub(super) const STRING_METHODS: [&str; 39] = [
    "capitalize", "center", "count", "endswith", "expandtabs", "find", "index", "isalnum", "isalpha", "isascii",
    "isdigit", "islower", "isspace", "istitle", "isupper", "join", "ljust", "lower", "lstrip", "maketrans",
    "partition", "removeprefix", "removesuffix", "replace", "rfind", "rindex", "rjust", "rpartition", "rsplit",
    "rstrip", "split", "splitlines", "startswith", "strip", "swapcase", "title", "translate", "upper", "zfill",
];

/// The public attributes of the builtin types an `AttributeError` can name (CPython 3.11's `dir`, `_` names aside):
/// where a method name is misspelt or wrong (`xs.fact()` for `xs.clear()`), the right one is among them.
#[rustfmt::skip]
pub(super) fn builtin_attributes(type_name: &str) -> Vec<&'static str> {
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
pub(super) const MISSPELLING_DISTANCE: usize = 2;

/// … if they are also this alike (normalised: 1 for equal names): any two one-letter names are one edit apart,
/// and on the toy set, ranking `a` → `x` as a sure repair of `return x == hi` cost the model search three repairs.
pub(super) const MISSPELLING_LIKENESS: f64 = 0.6;

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
    /// and each read of it (or the attribute it begins, `odd.append`) renamed to each binding nothing reads; for a
    /// test that hangs, the update (`+= 1`, `-= 1`) of each name a `while` loop's condition reads and its body
    /// never binds nor changes through a method (`out.pop()`), added at the end of the body (`div -= 1` under
    /// `while div:`). A
    /// renamed parameter or loop variable leaves the old name unbound in the body and the new one unread; but a
    /// function has parameters whatever its bug, and on the toy set ranking these as sure cost the model search.
    pub likely: Vec<RawEdit>,
    /// The other such edits, tried with the rest of the menu by suspicion: every other binding renamed to the
    /// missing name (a corruption grafts foreign names), every other attribute of the type, the initialisation of a
    /// lone name, an import where a binding looks like the name's misspelling.
    pub rest: Vec<RawEdit>,
    /// Where the error's cause likely sits, away from the line that raised: for an index out of range, the value
    /// each collection subscripted on that line was bound to (`out = [[0] * n for _ in range(n)]` where `out[i][j]`
    /// raised) and the iterable or value each of its index variables was bound to (`for j in range(p)`). The menu's
    /// classic edits inside these spans are tried as likely ones ([`ErrorEdits::likely`]).
    pub hot: HotSpans,
}

/// See [`ErrorEdits::hot`].
#[derive(Debug, Default)]
pub struct HotSpans(Vec<Span>);

impl HotSpans {
    /// Is `raw` a classic edit inside one of the spans?
    pub fn holds(&self, raw: &RawEdit) -> bool {
        raw.tier == Tier::Classic && self.0.iter().any(|h| h.start <= raw.span.start && raw.span.end <= h.end)
    }
}

/// See [`ErrorEdits::hot`]: the values that bound what line `line` (0-based) subscripts.
fn sources_of_range(tree: &Tree, line: usize) -> Vec<Span> {
    let line_at = localize::line_index(tree.source());
    let field = |id: NodeId, name: &str| tree.children(id).find(|&c| tree.node(c).field == Some(name));
    let mut names: Vec<&str> = Vec::new();
    for id in (0..tree.nodes().len() as NodeId).filter(|&id| tree.node(id).kind == "subscript") {
        if line_at(tree.node(id).span.start) != line {
            continue;
        }
        // The collection (`out` of `out[i][j]`) and the names its index reads.
        let mut value = field(id, "value");
        while let Some(v) = value.filter(|&v| tree.node(v).kind == "subscript") {
            value = field(v, "value");
        }
        if let Some(v) = value.filter(|&v| tree.node(v).kind == "identifier") {
            push_new(&mut names, tree.text(tree.node(v).span));
        }
        for index in tree.children(id).filter(|&c| tree.node(c).field == Some("subscript")) {
            let end = tree.node(index).subtree_end;
            for n in index..end {
                let node = tree.node(n);
                if node.kind == "identifier" && node.class == Some(ReplacementClass::Expression) {
                    push_new(&mut names, tree.text(node.span));
                }
            }
        }
    }
    let mut hot = Vec::new();
    for id in (0..tree.nodes().len() as NodeId).filter(|&id| is_binding(tree, id)) {
        if !names.contains(&tree.text(tree.node(id).span)) {
            continue;
        }
        let Some(parent) = tree.node(id).parent else { continue };
        let source = match (tree.node(parent).kind, tree.node(id).field) {
            ("assignment" | "for_statement" | "for_in_clause", Some("left")) => field(parent, "right"),
            _ => None,
        };
        hot.extend(source.map(|s| tree.node(s).span));
    }
    hot
}

/// Is the binding a function's (or a lambda's) parameter?
pub(super) fn is_parameter(tree: &Tree, id: NodeId) -> bool {
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

/// The smallest statement holding every use of the local `name` from its first binding on (its bindings and reads,
/// not its calls, attributes or keyword names), with those renamed `name_`.
fn shadow_renamed(tree: &Tree, name: &str) -> Option<RawEdit> {
    let ids = 0..tree.nodes().len() as NodeId;
    let named = |id: NodeId| tree.node(id).kind == "identifier" && tree.text(tree.node(id).span) == name;
    let bound_at = ids.clone().find(|&id| named(id) && is_binding(tree, id)).map(|id| tree.node(id).span.start)?;
    let uses: Vec<NodeId> = ids
        .filter(|&id| {
            let n = tree.node(id);
            let parent = n.parent.map(|p| tree.node(p).kind);
            named(id)
                && n.span.start >= bound_at
                && n.field != Some("attribute")
                && !(n.field == Some("function") && parent == Some("call"))
                && !(n.field == Some("name") && parent == Some("keyword_argument"))
        })
        .collect();
    let (first, last) = (tree.node(*uses.first()?).span, tree.node(*uses.last()?).span);
    let mut holder = tree.node(uses[0]).parent;
    while let Some(h) = holder {
        let node = tree.node(h);
        if node.span.start <= first.start
            && last.end <= node.span.end
            && node.class == Some(ReplacementClass::Statement)
        {
            break;
        }
        holder = node.parent;
    }
    let node = tree.node(holder?);
    let mut text = tree.text(node.span).to_string();
    for &id in uses.iter().rev() {
        let span = tree.node(id).span;
        let (a, b) = ((span.start - node.span.start) as usize, (span.end - node.span.start) as usize);
        text.replace_range(a..b, &format!("{name}_"));
    }
    // A splice indents the lines after the first as the site's first line: the text is written relative to it.
    let text = syntax::dedent(&text, syntax::indentation_at(tree.source(), node.span.start as usize))?;
    Some(RawEdit { span: node.span, class: ReplacementClass::Statement, text, tier: Tier::Classic })
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
                // A builtin shadowed by a local bound after its call (`len(word)`, then `for len in …`): the local
                // renamed (`len_`, the convention for a name that clashes) from its binding on.
                if matches!(m, Missing::Local(_))
                    && syntax::is_builtin(name)
                    && let Some(e) = shadow_renamed(tree, name)
                {
                    out.first.push(e);
                }
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
            Missing::OutOfRange { line } => out.hot.0.extend(sources_of_range(tree, *line)),
            // A test that hangs: each `while` loop's body gains the update of what its condition reads and the body
            // neither binds nor changes through a method (`div -= 1` under `while div:`).
            Missing::Hang => {
                for (id, body) in (0..tree.nodes().len() as NodeId)
                    .filter(|&id| tree.node(id).kind == "while_statement")
                    .filter_map(|id| tree.children(id).find(|&c| tree.node(c).field == Some("body")).map(|b| (id, b)))
                {
                    let Some(text) = block_body(tree, body) else { continue };
                    let names = names_never_bound_in(tree, id, body);
                    let names = names.into_iter().filter(|n| !changed_by_a_method(tree, body, n));
                    for updated in with_updates(&text, names) {
                        out.likely.push(edit(tree.node(body).span, ReplacementClass::Block, updated));
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
pub(super) fn names_with_attribute<'t>(tree: &'t Tree, attribute: &str) -> Vec<&'t str> {
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
pub(super) fn known_types(tree: &Tree) -> HashMap<&str, &'static str> {
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
    let bound = bound_names(tree);
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
pub(super) fn value_type(tree: &Tree, id: NodeId) -> Option<&'static str> {
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
pub(super) fn type_named(text: &str) -> Option<&'static str> {
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
pub(super) fn names_exchanged(text: &str) -> Vec<String> {
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
pub(super) fn base_cases(tree: &Tree, id: NodeId) -> Vec<String> {
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
pub(super) fn calls_itself(tree: &Tree, function: NodeId) -> bool {
    (function..tree.node(function).subtree_end).any(|c| {
        let node = tree.node(c);
        node.field == Some("function")
            && node.parent.is_some_and(|p| tree.node(p).kind == "call")
            && is_own_name(tree, function, tree.text(node.span))
    })
}

/// Is `callee` (a call's callee text) `function`'s own name, bare or as `self.` / `cls.` reads it?
pub(super) fn is_own_name(tree: &Tree, function: NodeId, callee: &str) -> bool {
    sketch::function_name(tree, function).is_some_and(|name| {
        [callee, callee.trim_start_matches("self."), callee.trim_start_matches("cls.")].contains(&name)
    })
}

/// A block's text dedented to column 0, where it begins its line (not `if x: y`) and can be moved losslessly.
pub(super) fn block_body(tree: &Tree, id: NodeId) -> Option<String> {
    let start = tree.node(id).span.start as usize;
    line_starts_at(tree.source(), start)
        .then(|| syntax::dedent(tree.text(tree.node(id).span), syntax::indentation_at(tree.source(), start)))
        .flatten()
}

/// An expression as an operand of `and`, `or` or `not`: parenthesised where those would bind it differently.
pub(super) fn grouped(kind: &str, text: &str) -> String {
    if matches!(kind, "boolean_operator" | "conditional_expression" | "lambda" | "named_expression") {
        format!("({text})")
    } else {
        text.to_string()
    }
}

/// The block text `body` with `name += 1`, then with `name -= 1`, added at its end, for each name: a loop's missing
/// update.
pub(super) fn with_updates<'a>(body: &str, names: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    names.into_iter().flat_map(|name| ["+= 1", "-= 1"].map(|update| format!("{body}\n{name} {update}"))).collect()
}

/// Does the subtree at `body` call a method on `name` (`out.pop()`)?
fn changed_by_a_method(tree: &Tree, body: NodeId, name: &str) -> bool {
    (body..tree.node(body).subtree_end).any(|r| {
        let node = tree.node(r);
        node.kind == "identifier"
            && node.field == Some("object")
            && tree.text(node.span) == name
            && node.parent.and_then(|a| tree.node(a).parent).is_some_and(|c| tree.node(c).kind == "call")
    })
}

/// The names a `while` loop's condition reads that its body never binds (by assignment, `for`, `with`...).
pub(super) fn names_never_bound_in(tree: &Tree, loop_id: NodeId, body: NodeId) -> Vec<&str> {
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
