//! The single-edit menu: every edit of one site of a program ([`single_edits_with`]), each of a [`Tier`].

use std::cell::RefCell;

use super::*;
use crate::search::examples::{BodyFit, BodyJudge};
use crate::syntax::Node;

/// How many slices (`1:`, `:k`, and their other sides) a passed or iterated sequence may take (see
/// `single_edits_with`): the program's first ones.
pub(super) const MAX_SLICES: usize = 4;

/// Sites larger than this (leaf tokens) are not replaced by other expressions: repairs are local.
pub(super) const MAX_SITE_LEAVES: u32 = 12;

/// Functions and methods that stand in for each other: the bug that calls one where its sibling was meant
/// (`max(xs)` for `min(xs)`, `.rstrip()` for `.strip()`). Swapped where the name is called or is an attribute.
pub(super) const SIBLING_NAMES: &[&[&str]] = &[
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
    &["get", "pop"],
    &["remove", "discard"],
    &["keys", "values", "items"],
    &["isdigit", "isalpha", "isalnum", "isspace"],
    &["isupper", "islower"],
    &["start", "end"],
    &["bisect_left", "bisect_right", "bisect"],
    &["insort_left", "insort_right", "insort"],
    &["match", "fullmatch", "search"],
    &["partition", "rpartition"],
    &["ljust", "rjust"],
    &["removeprefix", "removesuffix"],
];

/// Separators, as spelt between a string's quotes: a join or split on the wrong one is a one-token bug
/// (`"".join(words)` for `" ".join(words)`), and the right one is often in no string of the program or its tests.
pub(super) const SEPARATORS: &[&str] =
    &["", " ", ",", ", ", "\\n", "\\t", "-", "_", ":", ": ", ";", ".", "=", "/", "|"];

/// What a docstring says of letters' case (not a bare "case": "in that case", "test cases").
const CASE_PHRASES: &[&str] = &[
    "lowercase",
    "uppercase",
    "lower case",
    "upper case",
    "case-insensitive",
    "case insensitive",
    "of case",
    "its case",
    "their case",
    "the case of",
    "capital",
];

/// The exceptions small functions catch, one for another in an `except` clause, or raise.
pub(super) const EXCEPTIONS: &[&str] = &[
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "ZeroDivisionError",
    "AttributeError",
    "LookupError",
    "ArithmeticError",
    "OSError",
    "StopIteration",
    "RuntimeError",
    "Exception",
];

/// Builtins a value may be wrapped in where it is passed, iterated or returned (see [`single_edits_with`]).
pub(super) const CONVERSIONS: &[&str] = &["reversed", "sorted", "list", "set", "len", "str", "int", "abs"];

/// Every single edit of the menu (see the module doc), as text; not yet checked to splice cleanly.
pub fn single_edits(tree: &Tree) -> Vec<RawEdit> {
    single_edits_with(tree, &TestFacts::default())
}

/// [`single_edits`], each string literal of the program replaced by each of the tests' strings ([`test_strings`]),
/// and a stub's body by the formula the tests' examples fit (`examples::fitted_formula`).
///
/// Site by site in the tree's order, each site's edits in a fixed order (the baseline reorders them by a seeded hash
/// of each edit, `order_key`).
pub fn single_edits_with(tree: &Tree, facts: &TestFacts) -> Vec<RawEdit> {
    let menu = Menu::of(tree, facts);
    let mut out = mutable_default_guards(tree);
    out.extend(loop_resets(tree));
    out.extend(forgotten_continues(tree));
    for id in tree.replaceable() {
        if in_header(tree, id) {
            menu.header_edits(id, &mut out);
        } else if let Some(site) = menu.site(id) {
            menu.site_edits(&site, &mut out);
        }
    }
    distinct(out)
}

/// What the menu knows of a program before it visits a site: computed once, read at every site.
struct Menu<'t> {
    tree: &'t Tree,
    facts: &'t TestFacts,
    names: Names<'t>,
    /// Each small one-line expression of the program (in order of first appearance) with the spans it occurs at:
    /// within a site, it is one of the site's own operands (a classic edit drops the rest).
    expressions: Vec<(&'t str, Vec<Span>)>,
    /// The names read or bound only once in the program (not builtins, attributes, `_` or the header's): a site
    /// holding one looks grafted.
    lonely: Vec<Span>,
    /// The program's annotations (one-line ones), each once.
    annotations: Vec<&'t str>,
    /// What the program calls (a name or a one-line method: `out.append`) or defines as a function, and what fills
    /// a collection begun empty (`out.append` after `out = []`): what a called literal (a graft) stood for.
    callables: Vec<String>,
    /// The modules in scope: imported by the program or by its tests.
    modules: Vec<(String, &'static str)>,
    /// Every name the program binds.
    bound_names: HashSet<&'t str>,
    /// The program's one-bound slices (`1:`, `:k`) and each on its other side (`k:`): a sequence passed or iterated
    /// whole where its rest was meant (`lcs(a[1:], b)` for `lcs(a[1:], b[1:])`, `for x in arr` for `arr[k:]`).
    slices: Vec<String>,
    /// The names sliced so: where a name bound nowhere is passed, one of them sliced may have been.
    sliced: Vec<&'t str>,
    /// Whether each node cannot be right: a site's own rewrites and its statement's mends both ask.
    nonsense_at: Vec<bool>,
    /// The names the program reads and binds nowhere: one read after a grafted statement was bound there.
    unbound_anywhere: Vec<&'t str>,
    /// A parameter nothing reads is a use lost where the program reads no name bound nowhere; where it does, the
    /// likelier story is a rename (`def max_val(a, half)` reading `b`), which the header's edits undo, and a
    /// parameter's name at every site would crowd the classic tier.
    unexplained_unread: bool,
    per_function: PerFunction<'t>,
}

/// Facts of one function, computed when a site first asks: a function has several parameters and many sites.
#[derive(Default)]
struct PerFunction<'t> {
    /// The code the function's name cues (`sketch::cue_markers`; not its docstring's: a repaired function's
    /// docstring is long and names much).
    name_cues: RefCell<HashMap<Option<NodeId>, Vec<&'t str>>>,
    parameters: RefCell<HashMap<Option<NodeId>, Vec<&'t str>>>,
    /// The parameters a function never reads (not `_`-named): a use of one was lost, so one belongs somewhere.
    unread_parameters: RefCell<HashMap<Option<NodeId>, Vec<&'t str>>>,
    /// The names a top-level function reads but never binds (keyed by the function).
    unbound_reads: RefCell<HashMap<NodeId, Vec<&'t str>>>,
    /// The names that hold text in a function ([`text_names`]).
    text_names: RefCell<HashMap<Option<NodeId>, Vec<&'t str>>>,
}

/// `cache`'s entry for `key`, computed the first time.
fn cached<'t, K: std::hash::Hash + Eq>(
    cache: &RefCell<HashMap<K, Vec<&'t str>>>,
    key: K,
    compute: impl FnOnce() -> Vec<&'t str>,
) -> Vec<&'t str> {
    cache.borrow_mut().entry(key).or_insert_with(compute).clone()
}

/// A site of a function's body (not its header) and what the menu makes of it.
#[derive(Clone, Copy)]
struct Site<'t> {
    id: NodeId,
    node: &'t Node,
    class: ReplacementClass,
    text: &'t str,
    /// Wrong whatever the tests say ([`cannot_be_right`]).
    nonsense: bool,
    /// Holding a name nothing else in the program spells (the forward process's corruption, and
    /// HumanEval-repair's), or nonsense: rewriting it is as likely a repair as a classic edit.
    grafted: bool,
    /// The operand of a comparison or a subtraction-like operation that holds the site, and the other operand
    /// ([`operand_twin`]): an edit that makes them read the same is not written.
    twin: Option<Twin<'t>>,
    /// The whole value of an expression statement (`out.append(x)`): a value without a call there (`out`, `not s`)
    /// does nothing, what the statement deleted (`pass`) already is, and a wrong repair when the tests pass without
    /// the statement (HumanEvalFix: `s_list.append(',')` become `s_list`).
    statement_value: bool,
}

/// The operand holding a site, as the text before and after the site, and the other operand's text.
#[derive(Clone, Copy)]
struct Twin<'t> {
    before: &'t str,
    after: &'t str,
    other: &'t str,
}

impl Site<'_> {
    /// The tier of a rewrite of this site: classic where the site looks grafted.
    fn rewrite(&self) -> Tier {
        if self.grafted { Tier::Classic } else { Tier::Rewrite }
    }

    /// Adds the edit of this site to `text`, unless it leaves the site as it is or makes an operand its twin.
    fn push(&self, out: &mut Vec<RawEdit>, tier: Tier, text: String) {
        let does_nothing =
            self.statement_value && !["(", "yield", "await", ":="].iter().any(|effect| text.contains(effect));
        if text != self.text && !self.makes_twins(&text) && !does_nothing {
            out.push(RawEdit { span: self.node.span, class: self.class, text, tier });
        }
    }

    /// Would `text` here make the operand holding the site read as the other one (`y - y`, `s[i] == s[i]`)? Such
    /// code is constant (`True`, `0`), never what a programmer writes, and when the tests pass it anyway, a wrong
    /// repair that stops the search (HumanEvalFix: `abs(y - y)`, `n <= n`, `s[i] == s[i]`).
    fn makes_twins(&self, text: &str) -> bool {
        self.twin.is_some_and(|Twin { before, after, other }| {
            other.len() == before.len() + text.len() + after.len()
                && other.starts_with(before)
                && other.ends_with(after)
                && other.get(before.len()..before.len() + text.len()) == Some(text)
        })
    }
}

/// The nearest comparison of two operands (not `!=`: `x != x` is the NaN test), subtraction, division, modulo,
/// `^`, `and` or `or` above `id` within its statement, if the other operand has no call (a call may differ
/// between its two evaluations): the operand holding `id` as its text around `id`, and the other operand.
fn operand_twin(tree: &Tree, id: NodeId) -> Option<Twin<'_>> {
    let mut child = id;
    while let Some(parent) = tree.node(child).parent {
        let p = tree.node(parent);
        if p.class != Some(ReplacementClass::Expression) {
            return None;
        }
        let operands: Vec<NodeId> = tree.named_children(parent).collect();
        let operator = tree.operator_text(parent);
        let degenerate = match p.kind {
            "comparison_operator" => operator != "!=",
            "binary_operator" => matches!(operator.as_str(), "-" | "/" | "//" | "%" | "^"),
            "boolean_operator" => true,
            _ => false,
        };
        if degenerate && operands.len() == 2 {
            let other = operands.into_iter().find(|&o| o != child)?;
            if tree.holds(other, "call") {
                return None;
            }
            let (site, operand) = (tree.node(id).span, tree.node(child).span);
            return Some(Twin {
                before: &tree.source()[operand.start as usize..site.start as usize],
                after: &tree.source()[site.end as usize..operand.end as usize],
                other: tree.text(tree.node(other).span),
            });
        }
        child = parent;
    }
    None
}

impl<'t> Menu<'t> {
    fn of(tree: &'t Tree, facts: &'t TestFacts) -> Self {
        let names = Names::of(tree);
        let unbound_anywhere = unbound_reads(tree, 0);
        let (slices, sliced) = one_bound_slices(tree);
        Menu {
            tree,
            facts,
            expressions: small_expressions(tree),
            lonely: lonely_names(tree, &names),
            annotations: annotations(tree),
            callables: callables(tree),
            modules: modules_in_scope(tree, facts),
            bound_names: bound_names(tree),
            slices,
            sliced,
            nonsense_at: (0..tree.nodes().len() as NodeId).map(|id| cannot_be_right(tree, id)).collect(),
            unexplained_unread: unbound_anywhere.is_empty(),
            unbound_anywhere,
            names,
            per_function: PerFunction::default(),
        }
    }

    /// The code the name of the function enclosing `id` cues.
    fn name_cues(&self, id: NodeId) -> Vec<&'t str> {
        let function = sketch::enclosing_function(self.tree, id);
        cached(&self.per_function.name_cues, function, || {
            function.map(|f| sketch::cue_markers(self.tree, f, false)).unwrap_or_default()
        })
    }

    /// The parameters of the function enclosing `id`.
    fn parameters(&self, id: NodeId) -> Vec<&'t str> {
        let function = sketch::enclosing_function(self.tree, id);
        cached(&self.per_function.parameters, function, || {
            function.map(|f| sketch::parameters(self.tree, f)).unwrap_or_default()
        })
    }

    /// The names that hold text in the function enclosing `id` ([`text_names`]).
    fn text_names(&self, id: NodeId) -> Vec<&'t str> {
        let function = sketch::enclosing_function(self.tree, id);
        cached(&self.per_function.text_names, function, || {
            function.map(|f| text_names(self.tree, f, self.facts)).unwrap_or_default()
        })
    }

    /// The parameters the function enclosing `id` never reads (not `_`-named).
    fn unread_parameters(&self, id: NodeId) -> Vec<&'t str> {
        let function = sketch::enclosing_function(self.tree, id);
        cached(&self.per_function.unread_parameters, function, || {
            function.map_or_else(Vec::new, |f| {
                let mut names = sketch::parameters(self.tree, f);
                names.retain(|p| !p.starts_with('_') && !reads_name(self.tree, f, p));
                names
            })
        })
    }

    /// The site `id` of a function's body, if it has a replacement class.
    fn site(&self, id: NodeId) -> Option<Site<'t>> {
        let node = self.tree.node(id);
        let class = node.class?;
        let nonsense = self.nonsense_at[id as usize];
        let grafted = nonsense || self.lonely.iter().any(|&s| node.span.contains(s));
        let twin = operand_twin(self.tree, id);
        let statement_value = node.parent.is_some_and(|p| self.tree.node(p).kind == "expression_statement");
        Some(Site { id, node, class, text: self.tree.text(node.span), nonsense, grafted, twin, statement_value })
    }

    /// Whether any node of the subtree at `id` cannot be right.
    fn holds_nonsense(&self, id: NodeId) -> bool {
        self.nonsense_at[id as usize..self.tree.node(id).subtree_end as usize].iter().any(|&n| n)
    }

    /// The edits of a header's site: the classic repair of a misspelt binding, whose symptom is a `NameError` where
    /// the body reads the right name. A header name that occurs nowhere else (a parameter the body never reads, an
    /// annotation naming nothing) becomes each name of the program, and a parameter each name its function reads
    /// but never binds. An annotation naming what the program does not bind (a graft: `substring: x.append`) fails
    /// the definition itself; the program's other annotations are its likely repairs.
    fn header_edits(&self, id: NodeId, out: &mut Vec<RawEdit>) {
        let Menu { tree, names, annotations, .. } = self;
        let node = tree.node(id);
        if node.class == Some(ReplacementClass::Expression) && node.parent.is_some_and(|p| tree.node(p).kind == "type")
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
                push(&cached(&self.per_function.unbound_reads, function, || unbound_reads(tree, function)));
            }
        }
    }

    /// Every edit of a body's site, kind by kind.
    fn site_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        self.off_by_one(site, out);
        self.sibling_edits(site, out);
        self.slice_edits(site, out);
        self.comprehension_element_edits(site, out);
        self.literal_edits(site, out);
        self.operator_edits(site, out);
        self.argument_edits(site, out);
        self.exception_edits(site, out);
        self.dictionary_read_edits(site, out);
        self.recursion_edits(site, out);
        self.update_edits(site, out);
        self.condition_edits(site, out);
        self.wrapping_edits(site, out);
        self.missing_logic_edits(site, out);
        self.pitfall_edits(site, out);
        match site.class {
            // A bare string statement (a docstring) would do nothing as another expression either.
            ReplacementClass::Expression
                if site.node.leaves <= MAX_SITE_LEAVES
                    && !site.node.parent.is_some_and(|p| self.tree.is_docstring(p)) =>
            {
                self.expression_edits(site, out)
            }
            // A binding or an attribute: another name of the program, another attribute of it. Not a keyword
            // argument's name (`f(a=1, a=2)` is no program) nor a definition's.
            ReplacementClass::Identifier
                if site.node.kind == "identifier"
                    && !is_definition_name(self.tree, site.id)
                    && site.node.parent.is_none_or(|p| self.tree.node(p).kind != "keyword_argument") =>
            {
                self.identifier_edits(site, out)
            }
            // Deleting a bare string would do nothing either.
            ReplacementClass::Statement if !is_docstring_in_place(self.tree, site.id) => {
                self.statement_edits(site, out)
            }
            ReplacementClass::Block => self.block_edits(site, out),
            _ => {}
        }
    }

    /// Off by one: a name, call, attribute or subscript gains `+ 1` or `- 1` where bounds live: a call's argument
    /// (`range(2, n)` for `range(2, n + 1)`), an index or slice bound, a comparison's operand, a name assigned
    /// to another (`lo = mid` for `lo = mid + 1`), a table's size (`[0] * (n + 1)`); so does a sum or difference of two such values passed to `range`,
    /// indexing, slicing or compared (`range(len(seq) - n)` for `range(len(seq) - n + 1)`; a literal operand's ±1
    /// is already a constant edit), unless an operand is never a number (`set(a) - set(b)`). A literal's ±1 is
    /// among the constant edits below, a returned value's among its wrappings; elsewhere the edit is rare and would
    /// only crowd the menu.
    fn off_by_one(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Site { id, node, class, text, .. } = *site;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
        let additive = node.kind == "binary_operator" && !text.contains('\n') && {
            let parts: Vec<NodeId> = tree.children(id).filter(|&c| !tree.node(c).extra).collect();
            matches!(parts.as_slice(), [left, op, right]
            if matches!(tree.text(tree.node(*op).span), "+" | "-")
                && [left, right].iter().all(|&&o| {
                    is_small_value(tree.node(o), tree.text(tree.node(o).span)) && !never_an_integer(tree, o)
                }))
        };
        // A sum's bound lives in `range`'s arguments, not any call's (`tuple(xs + ys)`).
        let bound_argument = !additive || builtin_argument(tree, id).is_some_and(|(callee, _)| callee == "range");
        if class == ReplacementClass::Expression
            && (is_small_value(node, text) || additive)
            && node.parent.is_some_and(|p| {
                let parent = tree.node(p);
                (parent.kind == "argument_list" && bound_argument)
                    || matches!(parent.kind, "slice" | "comparison_operator")
                    || (parent.kind == "subscript" && node.field == Some("subscript"))
                    || (parent.kind == "assignment" && node.field == Some("right") && node.kind == "identifier")
                    || repeats_a_sequence(tree, p, id)
                    // The count may be parenthesised: `[1] + (len(digits)) * [0]`.
                    || (parent.kind == "parenthesized_expression"
                        && parent.parent.is_some_and(|g| repeats_a_sequence(tree, g, p)))
            })
        {
            push(Tier::Classic, format!("{text} + 1"));
            push(Tier::Classic, format!("{text} - 1"));
        }
        // A count from 0 where it was from 1: `range(1, month)`, `range(1, n + 1)` for `range(n)`.
        if node.kind == "call"
            && let Some(arguments) = tree.children(id).find(|&c| tree.node(c).field == Some("arguments"))
            && let [stop] = tree.named_children(arguments).filter(|&c| !tree.node(c).extra).collect::<Vec<_>>()[..]
            && builtin_argument(tree, stop) == Some(("range", 0))
            && !text.contains('\n')
        {
            let stop_text = tree.text(tree.node(stop).span);
            // `+ 1` binds tighter than a conditional, a comparison or `<<`: those are parenthesised.
            let binds_looser = match tree.node(stop).kind {
                "identifier" | "call" | "attribute" | "subscript" | "integer" | "parenthesized_expression" => false,
                "binary_operator" => !tree.children(stop).any(|c| {
                    !tree.node(c).named
                        && matches!(tree.text(tree.node(c).span), "+" | "-" | "*" | "/" | "//" | "%" | "**")
                }),
                _ => true,
            };
            let plus_one = if binds_looser { format!("({stop_text}) + 1") } else { format!("{stop_text} + 1") };
            push(Tier::Classic, format!("range(1, {stop_text})"));
            push(Tier::Classic, format!("range(1, {plus_one})"));
        }
    }

    /// A function or method swapped for its sibling; a receiver for a module.
    fn sibling_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Menu { modules, bound_names, .. } = self;
        let Site { node, class, text, .. } = *site;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
        if node.kind == "identifier"
            && (node.field == Some("attribute")
                || (node.field == Some("function") && node.parent.is_some_and(|p| tree.node(p).kind == "call")))
            && let Some(family) = SIBLING_NAMES.iter().find(|f| f.contains(&text))
        {
            for other in family.iter() {
                push(Tier::Classic, other.to_string());
            }
        }
        // The builtins that round, for `math`'s, and back: `round(total)` where `math.ceil(total)` was meant; of one
        // argument, not a string (`int(s)`, `round(x, 2)`: no `math.ceil` takes those).
        let called = node.field == Some("function")
            && node.parent.is_some_and(|p| {
                let arguments: Vec<NodeId> = tree
                    .children(p)
                    .filter(|&c| tree.node(c).kind == "argument_list")
                    .flat_map(|a| tree.named_children(a))
                    .filter(|&a| !tree.node(a).extra)
                    .collect();
                tree.node(p).kind == "call"
                    && matches!(arguments[..], [a] if !matches!(tree.node(a).kind, "string" | "concatenated_string" | "keyword_argument"))
            });
        for (bound, _) in modules.iter().filter(|(_, module)| *module == "math") {
            let math = |f: &str| format!("{bound}.{f}");
            if called && node.kind == "identifier" && matches!(text, "round" | "int") {
                push(Tier::Classic, math("ceil"));
                push(Tier::Classic, math("floor"));
            }
            if called && node.kind == "attribute" && (text == math("ceil") || text == math("floor")) {
                push(Tier::Classic, "round".to_string());
                push(Tier::Classic, "int".to_string());
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
            for (bound, module) in modules {
                if bound != text && module_functions(module).contains(&attribute) {
                    push(Tier::Classic, bound.clone());
                }
            }
        }
    }

    /// A sequence passed (not to a builtin) or iterated whole where a slice of it was meant (see `slices`).
    fn slice_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Menu { slices, sliced, unbound_anywhere, .. } = self;
        let Site { node, class, text, .. } = *site;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
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
            for slice in slices {
                push(Tier::Classic, format!("{text}[{slice}]"));
            }
            // (`is_palindrome(idx)` where `is_palindrome(string[k:])` was.)
            if unbound_anywhere.contains(&text) {
                for base in sliced {
                    for slice in slices {
                        push(Tier::Mend, format!("{base}[{slice}]"));
                    }
                }
            }
        }
    }

    /// A comprehension whose element ignores its loop variables but reads other names (`max(listval * listval
    /// for i in listval)`): each variable in the element's place, alone or in the shapes elements commonly take,
    /// a conversion or a first or last item (`min(len(x) for x in lst)` under `min(monthnum2 == 12 for x in
    /// lst)`): the graft took the variable with what was around it.
    fn comprehension_element_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Site { id, node, class, .. } = *site;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
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
    }

    /// Constants changed: booleans, integers, strings.
    fn literal_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Menu { facts, .. } = self;
        let Site { node, text, .. } = *site;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
        // A loop run `while True` that should stop when a value it works on runs out: `while queue:`.
        if node.kind == "true"
            && node.field == Some("condition")
            && let Some(parent) = node.parent.filter(|&p| tree.node(p).kind == "while_statement")
        {
            for name in read_names(tree, parent) {
                push(Tier::Classic, name.to_string());
            }
        }
        // An f-string's value without the format its sibling has (`f"{hours:02d}:{minutes}"` for `{minutes:02d}`).
        if node.kind == "string" && !text.contains('\n') {
            let interpolations: Vec<NodeId> =
                tree.children(site.id).filter(|&c| tree.node(c).kind == "interpolation").collect();
            let format = |i: NodeId| tree.children(i).find(|&c| tree.node(c).kind == "format_specifier");
            let mut formats: Vec<&str> = Vec::new();
            for f in interpolations.iter().filter_map(|&i| format(i)) {
                push_new(&mut formats, tree.text(tree.node(f).span));
            }
            // A precision without its type (`{total:.2}`: two significant digits, `{total:.2f}`: two decimals).
            for spec in interpolations.iter().filter_map(|&i| format(i)) {
                let span = tree.node(spec).span;
                let spec_text = tree.text(span).trim_start_matches(':');
                let at = (span.end - node.span.start) as usize;
                // Digits after the last `.` (not a fill character: `{name:.<20}`).
                if spec_text
                    .rsplit_once('.')
                    .is_some_and(|(_, p)| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
                    && let (Some(before), Some(after)) = (text.get(..at), text.get(at..))
                {
                    push(Tier::Classic, format!("{before}f{after}"));
                }
                // A precision written as a number where a parameter nothing reads was meant (`{x:.2f}` in
                // `def fmt(x, decimals)` for `{x:.{decimals}f}`).
                if let Some((_, tail)) = spec_text.rsplit_once('.')
                    && let digits = tail.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%')
                    && !digits.is_empty()
                    && digits.bytes().all(|b| b.is_ascii_digit())
                {
                    let from = (span.end - node.span.start) as usize - tail.len();
                    let (Some(before), Some(after)) = (text.get(..from), text.get(from + digits.len()..)) else {
                        continue;
                    };
                    for parameter in self.unread_parameters(site.id) {
                        push(Tier::Classic, format!("{before}{{{parameter}}}{after}"));
                    }
                }
            }
            for &i in interpolations.iter().filter(|&&i| format(i).is_none()) {
                // Before its closing brace (after a `!r` conversion, where there is one).
                let at = (tree.node(i).span.end - 1 - node.span.start) as usize;
                let (Some(before), Some(after)) = (text.get(..at), text.get(at..)) else { continue };
                if after.starts_with('}') {
                    for f in &formats {
                        push(Tier::Classic, format!("{before}{f}{after}"));
                    }
                }
            }
        }
        match node.kind {
            "true" => push(Tier::Classic, "False".into()),
            "false" => push(Tier::Classic, "True".into()),
            "integer" => {
                // A running minimum or maximum begun at a number the data may never cross (`best = 0` where
                // `best = float("inf")` was): the bounds that any value crosses.
                if is_running_extreme(tree, site.id) {
                    for bound in ["float(\"inf\")", "float(\"-inf\")"] {
                        push(Tier::Classic, bound.to_string());
                    }
                }
                if let Ok(v) = text.parse::<i64>() {
                    for w in [v.checked_add(1), v.checked_sub(1), Some(0), Some(1), Some(-1)].into_iter().flatten() {
                        push(Tier::Classic, w.to_string());
                    }
                    // Two off (a rewrite: rarer than one off): `i = 0` for `i = 2` in a search for divisors,
                    // `% 24` for `% 26`.
                    for w in [v.checked_add(2), v.checked_sub(2)].into_iter().flatten() {
                        push(Tier::Rewrite, w.to_string());
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
                // A number spelt as a string passed or defaulted, one off (`options.get("q", "0")` for `"1"`).
                let passed = node.parent.is_some_and(|p| {
                    matches!(tree.node(p).kind, "argument_list" | "keyword_argument" | "default_parameter")
                });
                if let Some(inner) = text.strip_prefix(quote).and_then(|t| t.strip_suffix(quote))
                    && matches!(quote, "\"" | "'")
                    && passed
                    && inner.len() <= 4
                    && let Ok(v) = inner.parse::<i64>()
                {
                    for w in [v + 1, v - 1] {
                        push(Tier::Classic, format!("{quote}{w}{quote}"));
                    }
                }
                // A regular expression's repetition lost or mistyped: `[^a-z0-9]+` for `[^a-z0-9]`.
                if is_pattern_argument(tree, site.id) {
                    for (tier, pattern) in quantifier_edits(text) {
                        push(tier, pattern);
                    }
                }
                // A character looked for that should have been another: the tests' punctuation (`'['` for `'('`).
                if matches!(quote, "\"" | "'")
                    && let [_, c, _] = text.as_bytes()
                    && c.is_ascii_punctuation()
                {
                    for other in &facts.punctuation {
                        push(Tier::Classic, format!("{quote}{other}{quote}"));
                    }
                }
            }
            _ => {}
        }
    }

    /// Operators and operands swapped, dropped or kept.
    fn operator_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Site { id, node, class, text, .. } = *site;
        let start = node.span.start;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
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
            // Identity where equality was meant (`count is 10`: true only while CPython caches the number).
            if let Some(equality) = match op {
                "is" => Some("=="),
                "is not" => Some("!="),
                _ => None,
            } {
                push(Tier::Classic, format!("{}{}{}", &text[..a], equality, &text[b..]));
            }
            if matches!(node.kind, "binary_operator" | "comparison_operator" | "boolean_operator")
                && children.len() == 3
            {
                let (l, r) = (tree.node(children[0]).span, tree.node(children[2]).span);
                push(Tier::Classic, format!("{} {} {}", tree.text(r), op, tree.text(l)));
                // An operand dropped, whatever the size (the small sites get it from their own expressions):
                // a term or a conjunct in excess, `abs(x - y) + abs(y - x)`, `n >= 8 and n <= 8`.
                if node.kind != "comparison_operator" && !text.contains('\n') {
                    push(Tier::Classic, tree.text(l).to_string());
                    push(Tier::Classic, tree.text(r).to_string());
                    // Where the left operand is itself an operation, an operand and an operator too many inside
                    // the chain: two trailing terms (`abs(a % 10) * abs(b % 10) * a * b`) and the inner right
                    // operand with the outer operator (`(-1) ** 2 * len(xs)` for `(-1) ** len(xs)`).
                    if tree.node(children[0]).kind == node.kind
                        && let [ll, inner_op, _] = tree.children(children[0]).collect::<Vec<_>>()[..]
                    {
                        let text_of = |c: NodeId| tree.text(tree.node(c).span);
                        push(Tier::Classic, text_of(ll).to_string());
                        // An operation on the right keeps its own grouping (`a + b | c & d` → `a + (c & d)`).
                        let right = if sketch::is_primary(tree.node(children[2]).kind) {
                            tree.text(r).to_string()
                        } else {
                            format!("({})", tree.text(r))
                        };
                        push(Tier::Classic, format!("{} {} {right}", text_of(ll), text_of(inner_op)));
                    }
                }
                // The larger or smaller of the two where an operator combines them (`running_max % n` for
                // `max(running_max, n)`): cued where the function's name names it (`rolling_max`).
                if node.kind == "binary_operator" && !text.contains('\n') {
                    let markers = self.name_cues(id);
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
            let at_start = b.start == s.start;
            let moved = if at_start { format!(":{bound_text}") } else { format!("{bound_text}:") };
            let (a, z) = ((s.start - start) as usize, (s.end - start) as usize);
            push(Tier::Classic, format!("{}{}{}", &text[..a], moved, &text[z..]));
            // The other end's one element left out: `value[1:-1]` strips quotes where `value[1:]` kept the last.
            // Classic where the function looks for a quote or a bracket; else a rewrite (a slice that drops one
            // element at one end more often means another bound there: `lines[2:]`).
            if (at_start && bound_text == "1") || (!at_start && bound_text == "-1") {
                let delimited = sketch::enclosing_function(tree, id).is_some_and(|f| looks_for_delimiters(tree, f));
                let tier = if delimited { Tier::Classic } else { Tier::Rewrite };
                push(tier, format!("{}1:-1{}", &text[..a], &text[z..]));
            }
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
        // A new value computed and dropped: `sorted(times)` where `times.sort()` or `times = sorted(times)` was
        // meant, `line.strip()` where `line = line.strip()` was.
        if class == ReplacementClass::Statement
            && let [value] = children.as_slice()
            && let Some((target, in_place)) = dropped_copy(tree, *value)
        {
            push(Tier::Classic, format!("{target} = {}", tree.text(tree.node(*value).span)));
            if let Some(in_place) = in_place {
                push(Tier::Classic, in_place);
            }
        }
    }

    /// The exception an `except` clause catches, another one (`except ValueError` where `int(s)` raises, not
    /// `KeyError`); and the one a `raise` raises (`raise ValueError("pop from an empty buffer")` where the caller
    /// catches an `IndexError`).
    fn exception_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Site { node, class, text, .. } = *site;
        let mut clause = node.parent;
        while let Some(p) = clause.filter(|&p| matches!(tree.node(p).kind, "tuple" | "as_pattern")) {
            clause = tree.node(p).parent;
        }
        // `raise E(…)`'s `E`, or a bare `raise E`.
        let raised = node.parent.map(|p| tree.node(p)).is_some_and(|p| {
            p.kind == "raise_statement"
                || (p.kind == "call"
                    && node.field == Some("function")
                    && p.parent.is_some_and(|r| tree.node(r).kind == "raise_statement"))
        });
        if class == ReplacementClass::Expression
            && node.kind == "identifier"
            && (raised || clause.is_some_and(|c| tree.node(c).kind == "except_clause"))
        {
            // The file's own exceptions too (`raise InsufficientFunds(…)` where `ValueError` was raised).
            let mut own = program_exceptions(tree);
            own.extend(self.facts.exception_classes.iter().map(String::as_str));
            if !EXCEPTIONS.contains(&text) && !own.contains(&text) {
                return;
            }
            // A base class catches more than was meant, and passes tests the specific one would: tried later. A
            // raise raises what the tests or the program name (`pytest.raises(IndexError)`, "IndexError when
            // empty"); the others later. The file's own exceptions are there to be raised: named.
            let named =
                |e: &str| self.facts.exceptions.contains(&e) || own.contains(&e) || syntax::mentions(tree.source(), e);
            for other in EXCEPTIONS.iter().chain(&own).filter(|&&e| e != text) {
                let broad = matches!(*other, "Exception" | "LookupError" | "ArithmeticError");
                // An `except` of the file's own exception means it; a builtin there is the rarer bug.
                let late = broad || (raised && !named(other)) || (own.contains(&text) && !own.contains(other));
                site.push(out, if late { Tier::Rewrite } else { Tier::Classic }, other.to_string());
            }
        }
    }

    /// A dictionary's key read where it may be missing: `counts.get(word, 0)` for `counts[word]`, for a name the
    /// program binds to a dictionary (`{}`, `{k: v}`, `dict(…)`, a comprehension: [`examples::value_kind`]), where the subscript is read, not stored into.
    fn dictionary_read_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Site { id, node, class, .. } = *site;
        if class != ReplacementClass::Expression || node.kind != "subscript" {
            return;
        }
        let field = |name: &str| tree.children(id).find(|&c| tree.node(c).field == Some(name));
        let (Some(value), Some(key)) = (field("value"), field("subscript")) else { return };
        let keys = tree.children(id).filter(|&c| tree.node(c).field == Some("subscript")).count();
        if tree.node(value).kind != "identifier" || keys != 1 || tree.node(key).kind == "slice" {
            return;
        }
        let (name, key) = (tree.text(tree.node(value).span), tree.text(tree.node(key).span));
        let is_dictionary = (0..tree.nodes().len() as NodeId).any(|a| {
            let assignment = tree.node(a);
            let part = |f: &str| tree.children(a).find(|&c| tree.node(c).field == Some(f));
            assignment.kind == "assignment"
                && part("left").is_some_and(|l| tree.text(tree.node(l).span) == name)
                && part("right").is_some_and(|r| examples::value_kind(tree, r) == Some(examples::ValueKind::Dict))
        });
        if is_dictionary && !key.contains('\n') {
            for default in [", 0", "", ", []"] {
                site.push(out, Tier::Classic, format!("{name}.get({key}{default})"));
            }
        }
        // The raw lookup where the program's helper that looks it up was meant: `parent[node]` for `find(node)`,
        // a function of one parameter whose body reads `parent[…]` (a union-find's root, a cache's loader). Not a
        // store, and not inside that helper.
        if node.field != Some("left") && !key.contains('\n') {
            for helper in lookup_helpers(tree, name) {
                // Where it can be called: not inside it, and inside the function it is nested in, if any.
                let within = |f: NodeId| (f..tree.node(f).subtree_end).contains(&id);
                let outer = sketch::enclosing_function(tree, helper);
                if !within(helper)
                    && outer.is_none_or(within)
                    && let Some(helper_name) = sketch::function_name(tree, helper)
                {
                    site.push(out, Tier::Classic, format!("{helper_name}({key})"));
                }
            }
        }
    }

    /// Neighbours swapped, an argument too many.
    fn argument_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Site { id, node, text, .. } = *site;
        let start = node.span.start;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
        // Swapped neighbours: a call's arguments, the elements of a tuple or list, or of the bare tuple a `return`
        // returns (`return b, a`: that tuple has no class of its own, so the statement is the site).
        let elements = match node.kind {
            "call" => tree.children(id).find(|&c| tree.node(c).kind == "argument_list"),
            "tuple" | "list" => Some(id),
            "return_statement" => tree.children(id).find(|&c| tree.node(c).kind == "expression_list"),
            // A loop's unpacked pair in the wrong order: `for line, n in enumerate(lines)`.
            "for_statement" => {
                let part = |f: &str| tree.children(id).find(|&c| tree.node(c).field == Some(f));
                let pairs = part("right").is_some_and(|r| {
                    let iterated = tree.text(tree.node(r).span);
                    iterated.starts_with("enumerate(") || iterated.starts_with("zip(") || iterated.ends_with(".items()")
                });
                part("left").filter(|&l| pairs && tree.node(l).kind == "pattern_list")
            }
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
        // argument dropped; and a value too many in a literal collection of three to a dozen literals
        // (`odd_digits = (1, 2, 3, 5, 7, 9)`). Each goes with the separator that follows it (the one before it, if
        // last).
        let values = |list: NodeId| tree.children(list).map(|c| tree.node(c)).filter(|c| c.named && !c.extra);
        let literal = |c: &Node| matches!(c.kind, "integer" | "float" | "string" | "true" | "false" | "none");
        let dropped = match node.kind {
            "call" => tree.children(id).find(|&c| tree.node(c).kind == "argument_list"),
            "list" | "tuple" | "set" if (3..=12).contains(&values(id).count()) && values(id).all(literal) => Some(id),
            _ => None,
        };
        if let Some(list) = dropped {
            let args: Vec<Span> = values(list).map(|c| c.span).collect();
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
        // A method call too many: `ans` for `ans.sort(reverse=True)` (which returns `None`), `s.replace(',', '.')`
        // for `s.replace(',', '.').replace('.', ',')`, whatever the site's size.
        if node.kind == "call"
            && let Some(callee) = tree.children(id).find(|&c| tree.node(c).field == Some("function"))
            && tree.node(callee).kind == "attribute"
            && let Some(receiver) = tree.children(callee).find(|&c| tree.node(c).field == Some("object"))
            && !tree.text(tree.node(receiver).span).contains('\n')
        {
            push(Tier::Classic, tree.text(tree.node(receiver).span).to_string());
        }
        // An argument too few: the order `sorted` and `sort` were meant to give (`reverse=True`), the separator a
        // bare `split` was meant to cut at (`line.split(",")`), where `enumerate` starts.
        if node.kind == "call"
            && !text.contains('\n')
            && let Some(list) = tree.children(id).find(|&c| tree.node(c).kind == "argument_list")
            && let Some(callee) = tree.children(id).find(|&c| tree.node(c).field == Some("function"))
        {
            let callee = tree.node(callee);
            let method = callee.kind == "attribute";
            let name = match method {
                true => tree.text(callee.span).rsplit('.').next().unwrap_or(""),
                false => tree.text(callee.span),
            };
            let span = tree.node(list).span;
            let (a, b) = ((span.start - start) as usize, (span.end - start) as usize);
            let inner = text[a + 1..b - 1].trim();
            let with = |argument: &str| {
                let arguments = if inner.is_empty() { argument.to_string() } else { format!("{inner}, {argument}") };
                format!("{}({arguments}){}", &text[..a], &text[b..])
            };
            let sorts = (name == "sorted" && !method && !inner.is_empty()) || (name == "sort" && method);
            if sorts && !inner.contains("reverse") {
                push(Tier::Classic, with("reverse=True"));
            }
            // Counting from 1 (`line {lineno}` of a file, a rank).
            if name == "enumerate" && !method && tree.named_children(list).count() == 1 {
                push(Tier::Classic, with("start=1"));
            }
            // A number read in another base: a slice of a text (`int(color[i:i + 2], 16)`), or any text where the
            // program speaks of bases (a word or name part `hex`, `binary`, `bits`, `octal`, `base`, `radix`).
            let argument = tree.named_children(list).next();
            let sliced = argument.is_some_and(|a| {
                tree.node(a).kind == "subscript" && tree.named_children(a).any(|c| tree.node(c).kind == "slice")
            });
            let bases = || {
                let words = tree.source().split(|c: char| !c.is_ascii_alphanumeric());
                words
                    .map(str::to_ascii_lowercase)
                    .any(|w| ["hex", "hexadecimal", "binary", "bits", "octal", "base", "radix"].contains(&w.as_str()))
            };
            if name == "int"
                && !method
                && tree.named_children(list).count() == 1
                && argument.is_some_and(|a| !matches!(tree.node(a).kind, "integer" | "float"))
                && (sliced || bases())
            {
                for base in ["16", "2", "8"] {
                    push(Tier::Classic, with(base));
                }
            }
            if method && matches!(name, "split" | "rsplit") && inner.is_empty() {
                for separator in SEPARATORS.iter().filter(|s| !s.is_empty() && **s != " ") {
                    push(Tier::Classic, with(&format!("\"{separator}\"")));
                }
            }
            // A split meant to stop after a few fields (the last may hold the separator: a log line's message).
            if method
                && matches!(name, "split" | "rsplit")
                && tree.named_children(list).count() == 1
                && argument.is_some_and(|a| tree.node(a).kind == "string")
            {
                for fields in ["1", "2", "3"] {
                    push(Tier::Classic, with(fields));
                }
            }
        }
    }

    /// Results and recursions one level off.
    fn recursion_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Site { id, node, class, text, .. } = *site;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
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
    }

    /// An update that should keep the best so far (`longest = max(longest, length + 1)`) or stay above zero
    /// (`here = max(0, here + x)`): a value stored into a local stored elsewhere too, wrapped in `max` or `min`
    /// with the local or 0. Classic where the local's name says which (`longest`, `max_ending_here`).
    fn update_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Site { id, node, class, text, .. } = *site;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
        if class == ReplacementClass::Expression
            && node.field == Some("right")
            && !text.contains('\n')
            && !sketch::is_literal(node.kind)
            && !matches!(node.kind, "yield" | "expression_list")
            && let Some(store) = node.parent.filter(|&p| tree.node(p).kind == "assignment")
            && let Some(target) = tree.children(store).find(|&c| tree.node(c).field == Some("left"))
            && matches!(tree.node(target).kind, "identifier" | "subscript")
            && let Some(function) = sketch::enclosing_function(tree, id)
        {
            let local = tree.text(tree.node(target).span);
            // An element kept as the extreme so far (`last[1] = max(last[1], end)` when intervals merge).
            let element = tree.node(target).kind == "subscript" && !local.contains('\n');
            if element || local_stores(tree, function).iter().any(|&(n, a)| n == local && a != store) {
                let cues = sketch::words_cues(local);
                for f in ["max", "min"] {
                    let tier = if cues.contains(&format!("{f}(").as_str()) { Tier::Classic } else { Tier::Rewrite };
                    push(tier, format!("{f}({local}, {text})"));
                    push(tier, format!("{f}(0, {text})"));
                }
            }
        }
    }

    /// A base case too narrow; a verdict where a balance was meant.
    fn condition_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Site { id, node, .. } = *site;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
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
    }

    /// A returned, passed or iterated value wrapped.
    fn wrapping_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Site { id, node, class, text, .. } = *site;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
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
            let markers = self.name_cues(id);
            for t in sketch::wrappings(text, node.kind, &self.parameters(id)) {
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
        // A parameter kept by reference (`self.items = items`, `items if items else []`) where its default is
        // mutable (`items=[]`: every call shares it), or where what keeps it is changed in place
        // (`self.items.sort()`: the caller's list changes too): a copy.
        if node.kind == "identifier"
            && let Some(kept) = stored_into(tree, id)
            && let Some(function) = sketch::enclosing_function(tree, id)
            && let Some(kind) = mutable_default(tree, function, text).or_else(|| {
                (sketch::parameters(tree, function).contains(&text) && changes_in_place(tree, 0, kept, false))
                    .then_some("list")
            })
        {
            push(Tier::Classic, format!("{kind}({text})"));
        }
    }

    /// Python's own pitfalls, written by programmers who know better: a list of lists made by repeating one inner
    /// list (`[[0] * n] * m`, every row the same object), a membership test chained into a comparison with a
    /// boolean (`x in seen == False` means `x in seen and seen == False`), a sort key that forgot its minus
    /// (`key=lambda kv: (kv[1], kv[0])` for the most frequent first, ties in order), a list handed out as it is and
    /// changed again (`results.append(chosen)`, `yield window`: a copy) or emptied in place after
    /// (`current.clear()`: a fresh one), a list's other end (`insert(0, x)` and `append(x)`), and a list used as a
    /// queue taken from its end (`queue.pop()` for `queue.pop(0)`).
    fn pitfall_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Site { id, node, text, .. } = *site;
        if text.contains('\n') {
            return;
        }
        let mut push = |t: String| site.push(out, Tier::Classic, t);
        let operators = |id: NodeId| -> Vec<&str> {
            tree.children(id).filter(|&c| !tree.node(c).named).map(|c| tree.text(tree.node(c).span)).collect()
        };
        if node.kind == "binary_operator"
            && operators(id) == ["*"]
            && let [left, count] = tree.named_children(id).collect::<Vec<_>>()[..]
            && tree.node(left).kind == "list"
            && let [inner] = tree.named_children(left).collect::<Vec<_>>()[..]
            && is_fresh_mutable(tree, inner)
            && !(inner..tree.node(inner).subtree_end)
                .any(|n| tree.node(n).kind == "identifier" && tree.text(tree.node(n).span) == "_")
        {
            push(format!(
                "[{} for _ in range({})]",
                tree.text(tree.node(inner).span),
                tree.text(tree.node(count).span)
            ));
        }
        if node.kind == "comparison_operator"
            && let [.., last] = tree.named_children(id).collect::<Vec<_>>()[..]
            && matches!(tree.node(last).kind, "true" | "false")
            && let [ops @ .., "=="] | [ops @ .., "is"] = &operators(id)[..]
            && let [first_op] = ops
        {
            // The comparison before the last operator: `x in seen` of `x in seen == False`.
            let Some(last_op) = tree.children(id).filter(|&c| !tree.node(c).named).last() else { return };
            let test = text[..(tree.node(last_op).span.start - node.span.start) as usize].trim_end();
            // `in` become `not in` where it stands (not an `in` inside the left operand).
            let first_op_node = tree.children(id).find(|&c| !tree.node(c).named);
            let negated = match (*first_op, first_op_node) {
                ("in", Some(op)) => {
                    let at = (tree.node(op).span.start - node.span.start) as usize;
                    Some(format!("{}not {}", &test[..at], &test[at..]))
                }
                _ => None,
            };
            match tree.node(last).kind {
                "true" => push(test.to_string()),
                _ => push(negated.filter(|n| n != test).unwrap_or_else(|| format!("not ({test})"))),
            }
        }
        if node.kind == "lambda"
            && node.parent.is_some_and(|p| {
                tree.node(p).kind == "keyword_argument"
                    && tree.children(p).next().is_some_and(|k| tree.text(tree.node(k).span) == "key")
            })
            && let Some(body) = tree.children(id).find(|&c| tree.node(c).field == Some("body"))
        {
            let body_node = tree.node(body);
            let negatable = |n: &Node| {
                !matches!(n.kind, "unary_operator" | "string" | "tuple") && !tree.text(n.span).starts_with('-')
            };
            let negated = |n: &Node| match n.kind {
                "identifier"
                | "subscript"
                | "call"
                | "attribute"
                | "integer"
                | "float"
                | "parenthesized_expression" => {
                    format!("-{}", tree.text(n.span))
                }
                _ => format!("-({})", tree.text(n.span)),
            };
            let rel = |s: Span| ((s.start - node.span.start) as usize, (s.end - node.span.start) as usize);
            let elements: Vec<&Node> = match body_node.kind {
                "tuple" => tree.named_children(body).map(|c| tree.node(c)).collect(),
                _ => vec![body_node],
            };
            for element in elements.into_iter().filter(|n| negatable(n)) {
                let (a, b) = rel(element.span);
                push(format!("{}{}{}", &text[..a], negated(element), &text[b..]));
            }
        }
        // A list built up and handed out as it is (`results.append(chosen)`, `yield window`), then changed again
        // (`chosen.pop()`): every value handed out is the one object; a copy was meant.
        if node.kind == "identifier"
            && is_handed_out(tree, id)
            && let Some(function) = sketch::enclosing_function(tree, id)
            && changes_in_place(tree, function, text, false)
        {
            push(format!("list({text})"));
            push(format!("tuple({text})"));
        }
        // And emptied in place after it was handed out (`current.clear()`): a fresh one was meant.
        if node.kind == "expression_statement"
            && let Some(call) = tree.named_children(id).next()
            && let Some(emptied) = tree.text(tree.node(call).span).strip_suffix(".clear()")
            && let Some(function) = sketch::enclosing_function(tree, id)
            && let Some(fresh) = fresh_value_of(tree, function, emptied)
            && (function..tree.node(function).subtree_end).any(|n| {
                tree.node(n).kind == "identifier" && tree.text(tree.node(n).span) == emptied && is_handed_out(tree, n)
            })
        {
            push(format!("{emptied} = {fresh}"));
        }
        // A list used as a queue taken from its end: `queue.pop()` for `queue.pop(0)`.
        if node.kind == "call"
            && let Some(callee) = tree.children(id).find(|&c| tree.node(c).field == Some("function"))
            && tree.node(callee).kind == "attribute"
            && tree.text(tree.node(callee).span).ends_with(".pop")
            && let Some(list) = tree.children(id).find(|&c| tree.node(c).kind == "argument_list")
            && tree.named_children(list).next().is_none()
        {
            push(format!("{}(0)", tree.text(tree.node(callee).span)));
        }
        // The other end of a list: `xs.insert(0, x)` for `xs.append(x)`, and back (a rewrite: at every `append`,
        // it reverses whatever the function builds, and where the order is the bug it passes tests the intended
        // fix, elsewhere, would: HumanEvalFix's `by_length` took it over its `reverse=True`).
        if node.kind == "call"
            && let Some(callee) = tree.children(id).find(|&c| tree.node(c).field == Some("function"))
            && tree.node(callee).kind == "attribute"
            && let Some(list) = tree.children(id).find(|&c| tree.node(c).kind == "argument_list")
        {
            let callee = tree.text(tree.node(callee).span);
            let args: Vec<&str> = tree.named_children(list).map(|a| tree.text(tree.node(a).span)).collect();
            match (callee.rsplit_once('.'), &args[..]) {
                (Some((receiver, "append")), [x]) => {
                    site.push(out, Tier::Rewrite, format!("{receiver}.insert(0, {x})"))
                }
                (Some((receiver, "insert")), ["0", x]) => {
                    site.push(out, Tier::Classic, format!("{receiver}.append({x})"))
                }
                _ => {}
            }
        }
    }

    /// Logic left out of a value (HumanEvalFix's "missing logic" bugs, which real code shares): a difference
    /// without its `abs` (`distance = a - b`), two values compared raw where their sets, sorted orders, sizes or
    /// lowered texts were meant (`s0 == s1` for `set(s0) == set(s1)`), a running extreme that forgot itself
    /// (`top = max(xs)` in a loop over `xs` for `top = max(top, x)`), and a sequence iterated whole where a
    /// parameter nothing reads was its bound (`for x in arr` for `for x in arr[:k]`).
    fn missing_logic_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Site { id, node, class, text, .. } = *site;
        if class != ReplacementClass::Expression || text.contains('\n') {
            return;
        }
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
        let parts: Vec<NodeId> = tree.children(id).filter(|&c| !tree.node(c).extra).collect();
        let parent = node.parent.map(|p| tree.node(p));
        // The difference of two values that are no literals, where a value is kept, returned or compared (not an
        // index or a bound: `xs[i - j]`, `range(n - k)`), and not already under `abs`.
        if node.kind == "binary_operator"
            && node.leaves <= MAX_SITE_LEAVES
            && let [left, op, right] = parts[..]
            && tree.text(tree.node(op).span) == "-"
            && ![left, right].iter().any(|&o| sketch::is_literal(tree.node(o).kind))
            && let callee = builtin_argument(tree, id).map(|(f, _)| f)
            && parent.is_some_and(|p| {
                matches!(p.kind, "assignment" | "return_statement" | "comparison_operator" | "augmented_assignment")
                    || (p.kind == "argument_list" && callee != Some("range"))
            })
            && callee != Some("abs")
        {
            push(Tier::Classic, format!("abs({text})"));
        }
        // A sum or difference stored or used as an index without the modulus the function wraps its kin in (`end =
        // start + size` beside `start = (start + 1) % cap`: a ring buffer's index run off its end).
        if node.kind == "binary_operator"
            && node.leaves <= MAX_SITE_LEAVES
            && let [_, op, _] = parts[..]
            && matches!(tree.text(tree.node(op).span), "+" | "-")
            && (node.field == Some("right") && parent.is_some_and(|p| p.kind == "assignment")
                || parent.is_some_and(|p| p.kind == "subscript") && node.field == Some("subscript"))
            && let Some(function) = sketch::enclosing_function(tree, id)
        {
            for modulus in moduli(tree, function) {
                push(Tier::Classic, format!("({text}) % {modulus}"));
            }
        }
        // A value whose sign the function tests, kept as it is where its size was meant (`size = n` beside `sign =
        // "-" if n < 0 else ""`).
        if node.kind == "identifier"
            && node.field == Some("right")
            && parent.is_some_and(|p| p.kind == "assignment")
            && sketch::enclosing_function(tree, id).is_some_and(|f| sign_tested(tree, f, text))
        {
            push(Tier::Classic, format!("abs({text})"));
        }
        // Two values compared for (in)equality as they are.
        if node.kind == "comparison_operator"
            && let [left, op, right] = parts[..]
            && matches!(tree.text(tree.node(op).span), "==" | "!=")
            && [left, right].iter().all(|&o| is_small_value(tree.node(o), tree.text(tree.node(o).span)))
        {
            let (a, o, b) =
                (tree.text(tree.node(left).span), tree.text(tree.node(op).span), tree.text(tree.node(right).span));
            for f in ["set", "sorted"] {
                push(Tier::Classic, format!("{f}({a}) {o} {f}({b})"));
            }
            push(Tier::Rewrite, format!("len({a}) {o} len({b})"));
            push(Tier::Rewrite, format!("{a}.lower() {o} {b}.lower()"));
        }
        // A running extreme in a loop that forgets the extreme so far: `best = max(xs)` for `best = max(best, x)`.
        if node.kind == "call"
            && let Some(assignment) =
                node.parent.filter(|&p| tree.node(p).kind == "assignment" && node.field == Some("right"))
            && let Some(target) = tree.children(assignment).find(|&c| tree.node(c).field == Some("left"))
            && tree.node(target).kind == "identifier"
            && let Some(callee) = tree.children(id).find(|&c| tree.node(c).field == Some("function"))
            && matches!(tree.text(tree.node(callee).span), "max" | "min")
            && let Some(variable) = enclosing_loop_variable(tree, id)
        {
            let (name, f) = (tree.text(tree.node(target).span), tree.text(tree.node(callee).span));
            if !(id..node.subtree_end)
                .any(|r| tree.node(r).kind == "identifier" && tree.text(tree.node(r).span) == name)
            {
                push(Tier::Classic, format!("{f}({name}, {variable})"));
            }
        }
        // A returned list that keeps one element too many at an end (`[i * x for i, x in enumerate(xs)]` for the
        // same from its second element on).
        if node.kind == "list_comprehension" && parent.is_some_and(|p| p.kind == "return_statement") {
            push(Tier::Rewrite, format!("{text}[1:]"));
            push(Tier::Rewrite, format!("{text}[:-1]"));
        }
        // A clause of a condition, or a whole `if`/`elif`/`while` condition, that lacks its `not` (`len(zip) != 5
        // or zip.isdigit()` for `not zip.isdigit()`, `if any(c.isdigit() for c in pw)` for `if not any(…)`): the
        // opposite of a truth test, as an operator swap is a comparison's. Other conditions' `not` is additive. A
        // whole condition's is a rewrite: as a classic edit it moved 8 of the 675 baseline-only dev-check trials
        // (MBPP dev slices and P2), 7 of them later by 1–4 runs; as a rewrite, none.
        let whole_condition = is_condition(tree, id);
        if matches!(node.kind, "call" | "identifier" | "attribute" | "subscript")
            && (parent.is_some_and(|p| p.kind == "boolean_operator") || whole_condition)
            && is_truth_test(tree, id)
        {
            push(if whole_condition { Tier::Rewrite } else { Tier::Classic }, format!("not {text}"));
        }
        // Text read without the change of case it needed (`len(set(string))` for `string.lower()`, a character
        // kept where its case was to be swapped): cued where the function's docstring speaks of case.
        if node.kind == "identifier"
            && !is_binding(tree, id)
            && node.field.is_none_or(|f| !matches!(f, "function" | "object" | "attribute" | "name"))
            && self.text_names(id).contains(&text)
        {
            let cued =
                sketch::enclosing_function(tree, id).and_then(|f| sketch::docstring_of(tree, f)).is_some_and(|d| {
                    let doc = tree.text(tree.node(d).span).to_lowercase();
                    CASE_PHRASES.iter().any(|p| doc.contains(p))
                });
            for method in ["lower", "upper", "swapcase"] {
                push(if cued { Tier::Classic } else { Tier::Rewrite }, format!("{text}.{method}()"));
            }
        }
        // A sequence iterated whole beside a parameter nothing reads: that parameter bounds it.
        if node.kind == "identifier"
            && node.field == Some("right")
            && parent.is_some_and(|p| matches!(p.kind, "for_statement" | "for_in_clause"))
        {
            for p in self.unread_parameters(id) {
                push(Tier::Classic, format!("{text}[:{p}]"));
                push(Tier::Classic, format!("{text}[{p}:]"));
            }
        }
    }

    /// An expression site's rewrites: mends where it cannot be right, the names or parameters that could stand
    /// there, and the program's other small expressions.
    fn expression_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        self.expression_mends(site, out);
        let Menu { names, expressions, .. } = self;
        let Site { node, text, nonsense, .. } = *site;
        let unexplained_unread = self.unexplained_unread;
        let rewrite = site.rewrite();
        if node.kind == "identifier" {
            let unread = self.unread_parameters(site.id);
            for name in &names.all {
                let classic = nonsense || (unexplained_unread && unread.contains(name));
                site.push(out, if classic { Tier::Classic } else { names.rename_tier(text, name) }, name.to_string());
            }
            // The element an index loop is about, where the program never reads it (`arr[i]` in `for i in
            // range(len(arr) // 2)` where `ans != arr[len(arr) - i - 1]` compares the wrong name).
            for element in indexed_elements(self.tree, site.id) {
                if !expressions.iter().any(|(e, _)| *e == element)
                    && !element.starts_with(&format!("{text}["))
                    && !element.ends_with(&format!("[{text}]"))
                {
                    site.push(out, rewrite, element);
                }
            }
        } else {
            self.stand_in_edits(site, out);
        }
        for (expr, spans) in expressions {
            // Sub-expressions included: `return x` for `return x + 1` is a classic repair (an operand
            // dropped); any other expression is a rewrite.
            let operand = spans.iter().any(|&s| s != node.span && node.span.contains(s));
            site.push(out, if operand { Tier::Classic } else { rewrite }, expr.to_string());
        }
    }

    /// Mends of an expression that cannot be right, or holds or calls what cannot be.
    fn expression_mends(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Menu { callables, modules, .. } = self;
        let Site { id, node, nonsense, grafted, .. } = *site;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
        // A truth test of a value holding a site that cannot be right (`if sorted(list(max)):` where `if
        // not strings:` was): a truth test of a name of its function, or its negation. (A comparison keeps
        // its form: the site is mended in place, `10 == ')'` as `c == ')'`; a name's truth there passes
        // some tests and lures the search.)
        if is_condition(tree, id)
            && matches!(node.kind, "call" | "identifier" | "attribute" | "subscript")
            && self.holds_nonsense(id)
            && let Some(function) = sketch::enclosing_function(tree, id)
        {
            for name in assigned_names(tree, function) {
                push(Tier::Mend, name.to_string());
                push(Tier::Mend, format!("not {name}"));
            }
        }
        // A builtin returned as a value (`return float` where `return int(n)` was): it, or a conversion, of a
        // name of its function.
        if nonsense
            && node.kind == "identifier"
            && node.parent.is_some_and(|p| tree.node(p).kind == "return_statement")
            && let Some(function) = sketch::enclosing_function(tree, id)
        {
            let callee = tree.text(node.span);
            for name in assigned_names(tree, function) {
                for c in std::iter::once(callee).chain(CONVERSIONS.iter().copied()) {
                    push(Tier::Mend, format!("{c}({name})"));
                }
            }
        }
        // A lambda's body that reads none of its parameters or holds what cannot be right (`lambda x: """…"""`
        // where `x % 2 != 0` was, `lambda x: x - x + 1` where `x[1]` was): small expressions over them, a pair's
        // second element too (a sort key).
        if node.field == Some("body")
            && let Some(lambda) = node.parent.filter(|&l| tree.node(l).kind == "lambda")
        {
            let mut parameters = sketch::parameters(tree, lambda);
            parameters.retain(|p| !p.starts_with('_'));
            let reads = (id..node.subtree_end)
                .any(|r| tree.node(r).kind == "identifier" && parameters.contains(&tree.text(tree.node(r).span)));
            // A body that reads them keeps its mends at the site that cannot be right (`x ** (list < 1)` where
            // `x ** n` was): there the small expressions are rewrites.
            let tier = if reads { Tier::Rewrite } else { Tier::Mend };
            if !parameters.is_empty() && (!reads || self.holds_nonsense(id)) {
                for p in &parameters {
                    push(tier, format!("{p}[1]"));
                }
                for body in sketch::small_expressions(&parameters, &[]) {
                    push(tier, body);
                }
            }
        }
        // A type that cannot be right (`isinstance(x, """…""")`): the builtin types.
        if nonsense && builtin_argument(tree, id) == Some(("isinstance", 1)) {
            for t in ["list", "tuple", "dict", "str", "int", "float", "set", "bool", "(list, tuple)", "(int, float)"] {
                push(Tier::Mend, t.to_string());
            }
        }
        // A number iterated (`for i in len(xs):`): the range up to it.
        if nonsense
            && node.field == Some("right")
            && node.parent.is_some_and(|p| matches!(tree.node(p).kind, "for_statement" | "for_in_clause"))
            && !matches!(node.kind, "identifier" | "comparison_operator" | "not_operator" | "true" | "false" | "none")
        {
            push(Tier::Mend, format!("range({})", tree.text(node.span)));
        }
        // An in-place method's `None` used as a value (`return xs.sort()`): the value meant, or the receiver.
        if nonsense && let Some((receiver, method)) = in_place_receiver(tree, id) {
            let receiver = tree.text(tree.node(receiver).span);
            match method {
                "sort" => push(Tier::Mend, format!("sorted({receiver})")),
                "reverse" => push(Tier::Mend, format!("{receiver}[::-1]")),
                _ => {}
            }
            push(Tier::Mend, receiver.to_string());
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
            for name in callables {
                push(Tier::Mend, name.to_string());
            }
            for callee in module_callees(modules) {
                push(Tier::Classic, callee);
            }
        }
        // A loop over pairs that cannot be right (`for i, c in c:`, `for k, v in """…""":`) was over
        // the pairs of a collection: enumerated, a dict's items, two zipped.
        if self.holds_nonsense(id)
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
            let loop_names: Vec<&str> = tree.named_children(left).map(|v| tree.text(tree.node(v).span)).collect();
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
    }

    /// What may stand where a larger expression (or a literal) is: names where it cannot be right, the function's
    /// parameters, constants, an analogue of its sibling.
    fn stand_in_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Menu { names, unbound_anywhere, .. } = self;
        let Site { id, node, nonsense, grafted, .. } = *site;
        let unexplained_unread = self.unexplained_unread;
        let rewrite = site.rewrite();
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
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
        let grafted_in = reads_only_unbound(tree, id, unbound_anywhere);
        let receiver = node.field == Some("object");
        let unread = self.unread_parameters(id);
        for name in self.parameters(id) {
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
        let holds_nonsense = self.holds_nonsense(id);
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
            for parameter in self.parameters(id) {
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

    /// A binding's or an attribute's other names.
    fn identifier_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Menu { names, .. } = self;
        let Site { node, text, .. } = *site;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
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
        // An attribute (not a method called) named like a parameter of its function, a rename: the field may be
        // defined in another class (`item.quantity += quantity`, where `item.unit_cents += quantity` was).
        let called = node.parent.is_some_and(|a| {
            tree.node(a).field == Some("function") && tree.node(a).parent.is_some_and(|c| tree.node(c).kind == "call")
        });
        if node.field == Some("attribute") && !called {
            for name in self.parameters(site.id).into_iter().filter(|p| !others.contains(p)) {
                push(Tier::Rename, name.to_string());
            }
        }
    }

    /// A statement's rewrites: a function's lone statement written anew, a statement that cannot be right
    /// mended, a loop's jump for the other, any statement deleted.
    fn statement_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        self.lone_statement_edits(site, out);
        let tree = self.tree;
        let Site { id, .. } = *site;
        // One token: `break` where the iteration should only be skipped (a comment line ends the whole input), or
        // the reverse. Not `continue` in a `while`, whose step may come after it (the loop would never end).
        match site.node.kind {
            "break_statement" if innermost_loop(tree, id).is_some_and(|l| tree.node(l).kind == "for_statement") => {
                site.push(out, Tier::Classic, "continue".into())
            }
            "continue_statement" => site.push(out, Tier::Classic, "break".into()),
            _ => {}
        }
        // A `pass` that ends a body doing something else stands where its `return v` was.
        if let Some(function) = pass_ending_a_body(tree, id) {
            for name in assigned_names(tree, function) {
                site.push(out, Tier::Classic, format!("return {name}"));
            }
        }
        // A value computed and dropped where its `return` was left out: last in a function that falls off its end
        // (`sorted(c for c in s if c.isalnum())` alone as a helper's body), or a recursive call anywhere
        // (`find(xs, mid + 1, hi)` where `return find(xs, mid + 1, hi)` was: a recursion's value is what it computes).
        if site.node.kind == "expression_statement"
            && let [value] = tree.named_children(id).collect::<Vec<_>>().as_slice()
        {
            let value_node = tree.node(*value);
            let value_text = tree.text(value_node.span);
            let dropped_last = !matches!(
                value_node.kind,
                "string" | "concatenated_string" | "assignment" | "augmented_assignment" | "yield"
            ) && site.node.parent.is_some_and(|block| {
                tree.children(block).filter(|&c| !tree.node(c).extra).last() == Some(id)
                    && falls_off_its_end(tree, block).is_some()
            });
            let recursion = value_node.kind == "call"
                && !value_text.contains('\n')
                && tree.children(*value).find(|&c| tree.node(c).field == Some("function")).is_some_and(|callee| {
                    top_function(tree, id).is_some_and(|f| is_own_name(tree, f, tree.text(tree.node(callee).span)))
                });
            if dropped_last || recursion {
                site.push(out, Tier::Classic, format!("return {value_text}"));
            }
        }
        self.foreign_statement_edits(site, out);
        // (A duplicated statement is an additive edit: one statement cannot become two, its block can.)
        site.push(out, site.rewrite(), "pass".into());
    }

    /// A function's lone statement: the formula the tests' examples fit may replace it; a stub, a body that
    /// ignores its inputs or one that cannot pass for the kinds of value it uses may become any of the stub's bodies.
    fn lone_statement_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Menu { facts, unbound_anywhere, .. } = self;
        let Site { id, node, .. } = *site;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
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
            // Written anew: a stub, a body that reads none of its parameters, or one whose form cannot pass the
            // tests (`return lst * lst` where lists are passed: [`function_could_pass`]).
            let written_anew =
                sketch::stub_function(tree, id).or_else(|| sketch::ignores_its_inputs(tree, id)).is_some()
                    || !function_could_pass(tree, function, facts);
            let name = sketch::function_name(tree, function).unwrap_or("");
            // What the tests' numbers fit comes first. Also for a lone statement that reads its inputs
            // (`return x % 2 == 0` in `def neg(x)`): a formula that fits every example with one to spare is
            // what the tests ask, and no classic edit reaches it.
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
                let math = self.modules.iter().find(|(_, module)| *module == "math");
                let formulas = math.map(|(bound, _)| sketch::math_idioms(bound, &params)).unwrap_or_default();
                let recursive = sketch::recursive_idioms(name, &params);
                let judge = BodyJudge::new(&params, &facts.expected, name);
                let idioms = sketch::stub_idioms(&params).into_iter().chain(formulas).chain(recursive);
                let bodies = bodies.map(|t| (Tier::Rewrite, t)).chain(idioms.map(|t| (Tier::Idiom, t)));
                for (tier, t) in bodies {
                    // (A body that returns what a test does not expect, or iterates a number it is passed, cannot
                    // pass the tests; one that returns a number where they expect bools, or the reverse, would
                    // pass by a coincidence of 0 and 1.)
                    match judge.fit(&t) {
                        BodyFit::Cannot => continue,
                        BodyFit::Stretched => push(Tier::Stretched, t),
                        BodyFit::Fits => {
                            let cued = !renamed && markers.iter().any(|m| t.contains(m));
                            push(if cued { Tier::Cued } else { tier }, t);
                        }
                    }
                }
            }
        }
    }

    /// A statement grafted over another stands where an initialisation of a local read before it is
    /// bound (`max_depth = 0`) or one of its function's returns was, or where nothing was (over a
    /// docstring), or where a local's binding was: an accumulator's update, any small value (a rewrite:
    /// many). Mends of a small simple statement only: a loop whose header cannot be right is mended
    /// there (`for op in op - bool`), and deleting a compound statement or returning in its place passes
    /// the tests its absence passes, which lures the search away. Nor is it deleted where that leaves
    /// a branch empty (`else: pass`), nor become a `return` with statements after it (dead code): nobody
    /// writes those, and the tests they pass lure the search too.
    fn foreign_statement_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Menu { nonsense_at, unbound_anywhere, .. } = self;
        let Site { id, node, .. } = *site;
        let start = node.span.start;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
        if let Some(function) = sketch::enclosing_function(tree, id)
            && is_foreign_statement(tree, id, nonsense_at, unbound_anywhere)
        {
            let compound = tree.children(id).any(|c| tree.node(c).kind == "block");
            let small = if node.leaves <= MAX_SITE_LEAVES { Tier::Mend } else { Tier::Classic };
            let tier = if compound { Tier::Classic } else { small };
            let siblings: Vec<NodeId> = node.parent.map(|b| tree.named_children(b).collect()).unwrap_or_default();
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
            // Ending the function's body, it stands where the `return v` was (`int = 1` for `return n`); `v` may be
            // the name it stores only where something else binds that name too (`res = 1` for `return res`), or
            // it is a parameter.
            if siblings.last() == Some(&id) && body_of_function {
                let assignment = tree.children(id).find(|&c| tree.node(c).kind == "assignment");
                let stored = assignment
                    .and_then(|a| tree.children(a).find(|&c| tree.node(c).field == Some("left")))
                    .map(|t| tree.text(tree.node(t).span))
                    .filter(|&s| !local_stores(tree, function).iter().any(|&(n, a)| n == s && Some(a) != assignment))
                    .filter(|s| !sketch::parameters(tree, function).contains(s));
                for name in assigned_names(tree, function).into_iter().filter(|&n| Some(n) != stored) {
                    push(Tier::Classic, format!("return {name}"));
                }
            }
            if tier == Tier::Mend {
                let lost = lost_bindings(tree, function, id, unbound_anywhere);
                for u in lost.updates.into_iter().chain(lost.cued) {
                    push(tier, u);
                }
                for v in lost.values {
                    push(Tier::Rewrite, v);
                }
            }
        }
    }

    /// A block's edits written line by line on its dedented text `body` (whose line 0 is the block's first line):
    /// a predicate's verdicts inverted together, the `else:` a counting branch forgot, two neighbouring simple
    /// statements deleted.
    fn line_edits(&self, site: &Site<'t>, body: &str, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Site { id, node, .. } = *site;
        let mut push = |tier: Tier, t: String| site.push(out, tier, t);
        let lines: Vec<&str> = body.split('\n').collect();
        let first_line = tree.source()[..node.span.start as usize].matches('\n').count();
        let line_of = |at: u32| tree.source()[..at as usize].matches('\n').count() - first_line;
        // A predicate's verdicts inverted together: every `return True` of the function a `return False`, and the
        // reverse (each alone answers one way for every input, which passes no more tests than the bug).
        let verdict = |l: &str, v: &str| l.trim_start() == format!("return {v}");
        if node.parent.is_some_and(|p| tree.node(p).kind == "function_definition")
            && lines.iter().any(|l| verdict(l, "True"))
            && lines.iter().any(|l| verdict(l, "False"))
        {
            let swapped: Vec<String> = lines
                .iter()
                .map(|l| match l.trim_start() {
                    "return True" => l.replace("return True", "return False"),
                    "return False" => l.replace("return False", "return True"),
                    _ => l.to_string(),
                })
                .collect();
            push(Tier::Classic, swapped.join("\n"));
        }
        // A branch that counts one case and forgets the other: `if n % 2 == 0: even += 1` with `odd = 0` never
        // updated gains `else: odd += 1`.
        if let Some(function) = sketch::enclosing_function(tree, id) {
            let stores = local_stores(tree, function);
            for branch in tree.named_children(id).filter(|&c| tree.node(c).kind == "if_statement") {
                let Some((counter, rest)) = counted_update(tree, branch) else { continue };
                let alone = stores.iter().map(|&(n, _)| n).filter(|&n| {
                    n != counter
                        && stores.iter().filter(|&&(m, _)| m == n).count() == 1
                        && stores.iter().any(|&(m, a)| {
                            m == n && tree.named_children(a).nth(1).is_some_and(|v| tree.node(v).kind == "integer")
                        })
                        && reads_name(tree, function, n)
                });
                // The branch is one of the block's statements: at column 0 of its dedented text.
                let last = line_of(tree.node(branch).span.end);
                for other in alone.filter(|_| last < lines.len()) {
                    let mut new: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
                    new.insert(last + 1, format!("    {other} {rest}"));
                    new.insert(last + 1, "else:".to_string());
                    push(Tier::Rewrite, new.join("\n"));
                }
            }
        }
        // One keyword: an `elif` whose case should be tested whatever the branch before it did become an `if`, and
        // an `if` right after an `if` (without an `else:`) that should be skipped when that one ran an `elif`.
        for (tier, chained) in elif_swaps(tree, id, &lines, &line_of) {
            push(tier, chained);
        }
        // A statement on the wrong side of a loop's end: a check or a `return` indented into the loop where it
        // belonged after it (`raise ValueError("cycle")` once per iteration), or an update left after the loop
        // where it belonged in it.
        for (tier, moved) in loop_edge_moves(tree, id, &lines, &line_of) {
            push(tier, moved);
        }
        // Two neighbouring simple statements deleted at once (logic added in excess, a line pair each alone
        // harmless to the tests: `a = int(b) * int(c)` and `d = int(c) * int(b)` before the real computation).
        let statements: Vec<NodeId> = tree.named_children(id).filter(|&c| !tree.node(c).extra).collect();
        for pair in statements.windows(2).filter(|_| statements.len() > 2) {
            let [a, b] = [pair[0], pair[1]];
            if ![a, b].iter().all(|&s| tree.node(s).kind == "expression_statement") {
                continue;
            }
            let (from, to) = (line_of(tree.node(a).span.start), line_of(tree.node(b).span.end));
            if to < lines.len() && from <= to {
                let kept: Vec<&str> = lines[..from].iter().chain(&lines[to + 1..]).copied().collect();
                push(Tier::Rewrite, kept.join("\n"));
            }
        }
    }

    /// A block's endings, and its edits line by line ([`Menu::line_edits`]).
    fn block_edits(&self, site: &Site<'t>, out: &mut Vec<RawEdit>) {
        let tree = self.tree;
        let Site { id, node, .. } = *site;
        let Some(body) = block_body(tree, id) else { return };
        if let Some(function) = falls_off_its_end(tree, id) {
            for name in assigned_names(tree, function) {
                site.push(out, Tier::Classic, format!("{body}\nreturn {name}"));
            }
        }
        self.line_edits(site, &body, out);
        // A branch in a loop that forgot to leave the iteration or the loop: `continue` after counting a comment
        // line, `break` at the first match.
        let branch = node.parent.is_some_and(|p| match tree.node(p).kind {
            "if_statement" | "elif_clause" => true,
            "else_clause" => tree.node(p).parent.is_some_and(|q| tree.node(q).kind == "if_statement"),
            _ => false,
        });
        let last = tree.named_children(id).filter(|&c| !tree.node(c).extra).last();
        if branch
            && innermost_loop(tree, id).is_some()
            && last.is_some_and(|s| {
                !matches!(
                    tree.node(s).kind,
                    "continue_statement" | "break_statement" | "return_statement" | "raise_statement"
                )
            })
        {
            for jump in ["continue", "break"] {
                site.push(out, Tier::Rewrite, format!("{body}\n{jump}"));
            }
        }
        if let Some(parent) = node.parent.filter(|&p| tree.node(p).kind == "while_statement") {
            for updated in with_updates(&body, names_never_bound_in(tree, parent, id)) {
                site.push(out, Tier::Classic, updated);
            }
        }
    }
}

/// Is the string at `id` the pattern of a call to the `re` module (`re.sub(r"[^a-z]", …)`, `re.compile(…)`)?
fn is_pattern_argument(tree: &Tree, id: NodeId) -> bool {
    call_argument(tree, id).is_some_and(|(callee, position)| {
        let (module, function) = tree.text(tree.node(callee).span).split_once('.').unwrap_or_default();
        position == 0
            && module == "re"
            && matches!(
                function,
                "sub" | "subn" | "match" | "fullmatch" | "search" | "findall" | "finditer" | "split" | "compile"
            )
    })
}

/// A regular expression literal's repetitions changed: `+` (classic) or `*` (a rewrite) after a character class,
/// a class escape (`\d`), `.` or a group that repeats nothing, and an existing `+` or `*` the other one or dropped
/// (rewrites). Only raw one-line literals, and plain ones without a backslash (not an f-string, whose braces are
/// not the pattern's, nor a plain literal's escapes, which are Python's before they are the pattern's).
pub(super) fn quantifier_edits(literal: &str) -> Vec<(Tier, String)> {
    let Some(prefix) = literal.find(['"', '\'']) else { return Vec::new() };
    let quote = &literal[prefix..prefix + 1];
    let raw = literal[..prefix].eq_ignore_ascii_case("r");
    // A plain literal's backslashes are Python's escapes before they are the pattern's: left alone.
    if !(raw || prefix == 0 && !literal.contains('\\')) || literal.contains('\n') {
        return Vec::new();
    }
    let Some(pattern) = literal[prefix..].strip_prefix(quote).and_then(|t| t.strip_suffix(quote)) else {
        return Vec::new();
    };
    let start = prefix + 1;
    let bytes = pattern.as_bytes();
    // Where each repeatable atom of interest ends (a byte offset into the pattern), and where each `+` or `*` is.
    let (mut atom_ends, mut quantifiers) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if i + 1 < bytes.len() => {
                if b"dswDSW".contains(&bytes[i + 1]) {
                    atom_ends.push(i + 2);
                }
                i += 2;
            }
            b'[' => {
                // A class's first `]` (after an optional `^`) is a member, not its end.
                let mut j = i + 1;
                j += usize::from(bytes.get(j) == Some(&b'^'));
                j += usize::from(bytes.get(j) == Some(&b']'));
                while j < bytes.len() && bytes[j] != b']' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if j >= bytes.len() {
                    return Vec::new();
                }
                atom_ends.push(j + 1);
                i = j + 1;
            }
            b'.' | b')' => {
                atom_ends.push(i + 1);
                i += 1;
            }
            b'+' | b'*' => {
                quantifiers.push(i);
                i += 1;
            }
            _ => i += 1,
        }
    }
    let spliced = |at: usize, remove: usize, insert: &str| {
        let at = start + at;
        format!("{}{insert}{}", &literal[..at], &literal[at + remove..])
    };
    let mut edits = Vec::new();
    for &end in atom_ends.iter().filter(|&&e| !matches!(bytes.get(e), Some(b'+' | b'*' | b'?' | b'{'))) {
        edits.push((Tier::Classic, spliced(end, 0, "+")));
        edits.push((Tier::Rewrite, spliced(end, 0, "*")));
    }
    for &at in &quantifiers {
        let other = if bytes[at] == b'+' { "*" } else { "+" };
        edits.push((Tier::Rewrite, spliced(at, 1, other)));
        edits.push((Tier::Rewrite, spliced(at, 1, "")));
    }
    edits
}

/// The block `block`'s dedented text `lines` with a statement moved across the end of one of its loops: the
/// loop's last statement dedented out of it (classic: a statement only the last iteration should run), or the
/// statement after the loop indented into it (a rewrite: more often right where it is). Loops with an `else:`
/// are left alone, and so is a loop whose body would be left empty. `line_of` gives an offset's line in `lines`.
fn loop_edge_moves(tree: &Tree, block: NodeId, lines: &[&str], line_of: &dyn Fn(u32) -> usize) -> Vec<(Tier, String)> {
    let statements: Vec<NodeId> = tree.named_children(block).filter(|&c| !tree.node(c).extra).collect();
    let mut moves = Vec::new();
    for (i, &looped) in statements.iter().enumerate() {
        if !matches!(tree.node(looped).kind, "for_statement" | "while_statement")
            || tree.children(looped).any(|c| tree.node(c).kind == "else_clause")
        {
            continue;
        }
        let Some(body) = tree.children(looped).find(|&c| tree.node(c).field == Some("body")) else { continue };
        let inner: Vec<NodeId> = tree.named_children(body).filter(|&c| !tree.node(c).extra).collect();
        let (Some(&last), Some(&first)) = (inner.last(), inner.first()) else { continue };
        // The loop's own header line holds its body (`for x in xs: total += x`): no line to move.
        if line_of(tree.node(first).span.start) == line_of(tree.node(looped).span.start) {
            continue;
        }
        let range = |id: NodeId| line_of(tree.node(id).span.start)..=line_of(tree.node(id).span.end);
        let indent: String = lines
            .get(*range(first).start())
            .map_or("", |l| l)
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        // A statement that can move: no jump (`break` out of a loop is another program), and no string over
        // several lines (re-indenting would change its text).
        let movable = |id: NodeId| {
            let node = tree.node(id);
            let long_string = |d: NodeId| tree.node(d).kind == "string" && tree.text(tree.node(d).span).contains('\n');
            !matches!(node.kind, "break_statement" | "continue_statement") && !(id..node.subtree_end).any(long_string)
        };
        // The block's lines with `moved`'s re-indented (`syntax::dedent` and `reindent` work on the lines after a
        // text's first).
        let shifted = |moved: std::ops::RangeInclusive<usize>, out_of: bool| -> Option<String> {
            let (from, to) = (*moved.start(), *moved.end());
            let text = lines.get(from..=to)?.join("\n");
            let text = match out_of {
                true => syntax::dedent(text.strip_prefix(indent.as_str())?, &indent)?,
                false => format!("{indent}{}", syntax::reindent(&text, &indent)),
            };
            let kept = |r: &[&str]| r.iter().map(|l| l.to_string()).collect::<Vec<_>>();
            Some([kept(&lines[..from]), vec![text], kept(&lines[to + 1..])].concat().join("\n"))
        };
        // The last statement on lines of its own (not `total = x; print(total)`'s second).
        let own_lines = inner.len() > 1
            && line_of(tree.node(last).span.start) > line_of(tree.node(inner[inner.len() - 2]).span.end);
        if own_lines && movable(last) && *range(last).end() == *range(looped).end() {
            moves.extend(shifted(range(last), true).map(|t| (Tier::Classic, t)));
        }
        if let Some(&next) = statements.get(i + 1).filter(|&&n| {
            movable(n)
                && !matches!(tree.node(n).kind, "function_definition" | "class_definition" | "decorated_definition")
        }) {
            moves.extend(shifted(range(next), false).map(|t| (Tier::Rewrite, t)));
        }
    }
    moves
}

/// Does the function `function` hold a one-character string of a quote or an opening bracket (`'"'`, `"("`)?
fn looks_for_delimiters(tree: &Tree, function: NodeId) -> bool {
    (function..tree.node(function).subtree_end).any(|id| {
        let node = tree.node(id);
        let text = tree.text(node.span);
        node.kind == "string"
            && text
                .get(1..text.len().saturating_sub(1))
                .is_some_and(|inner| matches!(inner, "\"" | "'" | "\\\"" | "\\'" | "(" | "[" | "{" | "<"))
    })
}

/// Builtins that return a new value made from their first argument, and the method that would change it in place
/// (`list(x)` and `tuple(x)` kept would mostly change nothing).
const COPYING_BUILTINS: &[(&str, Option<&str>)] =
    &[("sorted", Some("sort")), ("reversed", Some("reverse")), ("set", None)];

/// String methods that return a new string and leave theirs as it was.
const COPYING_METHODS: &[&str] = &[
    "strip",
    "lstrip",
    "rstrip",
    "lower",
    "upper",
    "casefold",
    "replace",
    "title",
    "capitalize",
    "swapcase",
    "zfill",
    "removeprefix",
    "removesuffix",
    "ljust",
    "rjust",
    "center",
    "expandtabs",
    "translate",
];

/// If the call `call` makes a new value out of a name or attribute and nothing keeps it (it stands alone as a
/// statement: one of [`COPYING_BUILTINS`] the program does not bind, of one argument and keyword arguments, or of
/// [`COPYING_METHODS`]), that name and the call that would have changed it in place, if any (`x.sort(key=len)`).
fn dropped_copy(tree: &Tree, call: NodeId) -> Option<(&str, Option<String>)> {
    if tree.node(call).kind != "call" {
        return None;
    }
    let field = |id: NodeId, f: &str| tree.children(id).find(|&c| tree.node(c).field == Some(f));
    let callee = field(call, "function")?;
    let held = |id: NodeId| matches!(tree.node(id).kind, "identifier" | "attribute");
    match tree.node(callee).kind {
        "identifier" if unbound_builtin(tree, callee) => {
            let &(_, in_place) = COPYING_BUILTINS.iter().find(|(b, _)| *b == tree.text(tree.node(callee).span))?;
            let arguments: Vec<NodeId> = tree.named_children(field(call, "arguments")?).collect();
            let (&argument, keywords) = arguments.split_first()?;
            if !held(argument) || keywords.iter().any(|&k| tree.node(k).kind != "keyword_argument") {
                return None;
            }
            let keywords: Vec<&str> = keywords.iter().map(|&k| tree.text(tree.node(k).span)).collect();
            let target = tree.text(tree.node(argument).span);
            Some((target, in_place.map(|m| format!("{target}.{m}({})", keywords.join(", ")))))
        }
        "attribute" => {
            let (object, method) = (field(callee, "object")?, field(callee, "attribute")?);
            (held(object) && COPYING_METHODS.contains(&tree.text(tree.node(method).span)))
                .then(|| (tree.text(tree.node(object).span), None))
        }
        _ => None,
    }
}

/// The block `block`'s dedented text `lines` with one `elif` become `if` or one `if` become `elif` (classic: one
/// keyword). An `if` becomes `elif` only right after an `if` statement without an `else:` (else no program), and a
/// keyword only where it begins its line at the block's column. Not where every branch before it ends in a jump
/// (`if not s: return 0` then `if len(s) == 1:`): there the two are one program.
fn elif_swaps(tree: &Tree, block: NodeId, lines: &[&str], line_of: &dyn Fn(u32) -> usize) -> Vec<(Tier, String)> {
    // Does the branch (an `if`'s or an `elif`'s) end in a jump out of it?
    let jumps = |branch: NodeId| {
        let body = tree.children(branch).find(|&c| tree.node(c).field == Some("consequence"));
        let last = body.and_then(|b| tree.named_children(b).filter(|&c| !tree.node(c).extra).last());
        last.is_some_and(|s| {
            matches!(
                tree.node(s).kind,
                "return_statement" | "raise_statement" | "break_statement" | "continue_statement"
            )
        })
    };
    let statements: Vec<NodeId> = tree.named_children(block).filter(|&c| !tree.node(c).extra).collect();
    let swapped = |line: usize, from: &str, to: &str| -> Option<String> {
        let rest = lines.get(line)?.strip_prefix(from)?;
        if !rest.starts_with([' ', '(']) {
            return None;
        }
        let mut new: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
        new[line] = format!("{to}{rest}");
        Some(new.join("\n"))
    };
    let mut swaps = Vec::new();
    for (i, &statement) in statements.iter().enumerate() {
        if tree.node(statement).kind != "if_statement" {
            continue;
        }
        let clauses: Vec<NodeId> = tree.children(statement).collect();
        // The `if` itself, then its `elif`s: each clause with whether all before it jump.
        let mut all_jump = jumps(statement);
        for &clause in clauses.iter().filter(|&&c| tree.node(c).kind == "elif_clause") {
            if !all_jump {
                let split = swapped(line_of(tree.node(clause).span.start), "elif", "if");
                swaps.extend(split.map(|t| (Tier::Classic, t)));
            }
            all_jump &= jumps(clause);
        }
        let has_else = clauses.iter().any(|&c| tree.node(c).kind == "else_clause");
        if let Some(&next) =
            statements.get(i + 1).filter(|&&n| tree.node(n).kind == "if_statement" && !has_else && !all_jump)
        {
            swaps.extend(swapped(line_of(tree.node(next).span.start), "if", "elif").map(|t| (Tier::Classic, t)));
        }
    }
    swaps
}

/// The type of the mutable literal (`[]`, `{}`, `set()`) that is parameter `name`'s default in `function`, if
/// it has one: `"list"`, `"dict"` or `"set"`.
fn mutable_default(tree: &Tree, function: NodeId, name: &str) -> Option<&'static str> {
    let (parameter, _) =
        sketch::parameter_nodes(tree, function).find(|&(_, n)| tree.text(tree.node(n).span) == name)?;
    let value = tree.children(parameter).find(|&c| tree.node(c).field == Some("value"))?;
    match (tree.node(value).kind, tree.text(tree.node(value).span)) {
        ("list", _) => Some("list"),
        ("dictionary", _) => Some("dict"),
        ("call", "set()") => Some("set"),
        _ => None,
    }
}

/// Each function whose parameter's mutable default (`out=[]`) it changes in place (`out.append(path)`, `out[k] = v`,
/// `out += …`) written anew with the default `None` and a fresh value made first in its body (`if out is None: out
/// = []`): Python evaluates a default once, so every call that omits it shares one object. A classic edit of the
/// whole function (the default and the body are two places).
fn mutable_default_guards(tree: &Tree) -> Vec<RawEdit> {
    let mut out = Vec::new();
    for function in (0..tree.nodes().len() as NodeId).filter(|&f| tree.node(f).kind == "function_definition") {
        let (node, Some(class)) = (tree.node(function), tree.node(function).class) else { continue };
        let Some(body) = tree.children(function).find(|&c| tree.node(c).field == Some("body")) else { continue };
        let Some(first) = tree.named_children(body).find(|&c| !tree.node(c).extra && !tree.is_docstring(c)) else {
            continue;
        };
        let first_start = tree.node(first).span.start as usize;
        if !syntax::line_starts_at(tree.source(), first_start) {
            continue; // `def f(x=[]): return x`: no line of its own to put the guard before
        }
        let indent = syntax::indentation_at(tree.source(), first_start);
        for (parameter, name) in sketch::parameter_nodes(tree, function) {
            let Some(value) = tree.children(parameter).find(|&c| tree.node(c).field == Some("value")) else { continue };
            let value_text = tree.text(tree.node(value).span);
            let name = tree.text(tree.node(name).span);
            if mutable_default(tree, function, name).is_none() || !changes_in_place(tree, body, name, true) {
                continue;
            }
            let base = node.span.start as usize;
            let text = tree.text(node.span);
            let value_span = tree.node(value).span;
            let (va, vb) = (value_span.start as usize - base, value_span.end as usize - base);
            let at = first_start - base;
            let guard = format!("if {name} is None:\n{indent}    {name} = {value_text}\n{indent}");
            let rewritten = format!("{}None{}{guard}{}", &text[..va], &text[vb..at], &text[at..]);
            // Relative to the `def` line's indentation, as a splice re-indents it (a nested function's).
            let Some(rewritten) = syntax::dedent(&rewritten, syntax::indentation_at(tree.source(), base)) else {
                continue;
            };
            out.push(RawEdit { span: node.span, class, text: rewritten, tier: Tier::Classic });
        }
    }
    out
}

/// Each function where a value is made fresh (`row = []`) just before a loop that builds it up and hands it out
/// each time round (`row.append(…)`, `result.append(row)`) written anew with that statement first in the loop's
/// body: made once, every row handed out is the same object, and it keeps growing. A classic edit of the whole
/// function (the statement leaves one place for another).
fn loop_resets(tree: &Tree) -> Vec<RawEdit> {
    let mut out = Vec::new();
    let source = tree.source();
    let line_start = |at: usize| syntax::line_start(source, at);
    for function in (0..tree.nodes().len() as NodeId).filter(|&f| tree.node(f).kind == "function_definition") {
        let (node, Some(class)) = (tree.node(function), tree.node(function).class) else { continue };
        for block in (function..node.subtree_end).filter(|&b| tree.node(b).kind == "block") {
            let statements: Vec<NodeId> = tree.named_children(block).filter(|&c| !tree.node(c).extra).collect();
            for pair in statements.windows(2) {
                let (init, looped) = (pair[0], pair[1]);
                let Some(store) = tree.named_children(init).next().filter(|&a| tree.node(a).kind == "assignment")
                else {
                    continue;
                };
                let part = |f: &str| tree.children(store).find(|&c| tree.node(c).field == Some(f));
                let (Some(left), Some(right)) = (part("left"), part("right")) else { continue };
                let name = tree.text(tree.node(left).span);
                let loop_node = tree.node(looped);
                if tree.node(left).kind != "identifier"
                    || !is_fresh_mutable(tree, right)
                    || !matches!(loop_node.kind, "for_statement" | "while_statement")
                    || !changes_in_place(tree, looped, name, true)
                    || !(looped..loop_node.subtree_end).any(|n| {
                        tree.node(n).kind == "identifier"
                            && tree.text(tree.node(n).span) == name
                            && is_handed_out(tree, n)
                    })
                {
                    continue;
                }
                let Some(body) = tree.children(looped).find(|&c| tree.node(c).field == Some("body")) else { continue };
                let Some(first) = tree.named_children(body).find(|&c| !tree.node(c).extra) else { continue };
                let first_start = tree.node(first).span.start as usize;
                let init_span = tree.node(init).span;
                if ![first_start, init_span.start as usize].iter().all(|&at| syntax::line_starts_at(source, at)) {
                    continue; // a body on its `for` line, or statements sharing a line
                }
                let indent = syntax::indentation_at(source, first_start);
                let base = node.span.start as usize;
                let text = tree.text(node.span);
                // The statement's whole line out, and in again before the body's first line.
                let (cut_from, cut_to) =
                    (line_start(init_span.start as usize) - base, init_span.end as usize - base + 1);
                let at = line_start(first_start) - base;
                if !text[cut_to - 1..].starts_with('\n') || at < cut_to {
                    continue;
                }
                let moved = format!("{indent}{}\n", tree.text(init_span));
                let rewritten = format!("{}{}{moved}{}", &text[..cut_from], &text[cut_to..at], &text[at..]);
                let Some(rewritten) = syntax::dedent(&rewritten, syntax::indentation_at(source, base)) else {
                    continue;
                };
                out.push(RawEdit { span: node.span, class, text: rewritten, tier: Tier::Classic });
            }
        }
    }
    out
}

/// A value that makes a new mutable object each time it is evaluated: a list, dict or set display or
/// comprehension, a repeated list (`[0] * n`), `list()`, `dict()`, `set()`.
fn is_fresh_mutable(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    match node.kind {
        "list" | "dictionary" | "set" | "list_comprehension" | "dictionary_comprehension" | "set_comprehension" => true,
        "binary_operator" => tree.named_children(id).next().is_some_and(|l| tree.node(l).kind == "list"),
        "call" => matches!(tree.text(node.span), "list()" | "dict()" | "set()"),
        _ => false,
    }
}

/// The target an expression is stored into when it is the right side of an assignment, or a branch (not the test)
/// of a conditional expression that is: `self.items` for `items` in `self.items = items if items else []`.
fn stored_into(tree: &Tree, id: NodeId) -> Option<&str> {
    let mut value = id;
    let mut parent = tree.node(id).parent?;
    if tree.node(parent).kind == "conditional_expression" {
        let test = tree.named_children(parent).nth(1);
        if test == Some(id) {
            return None;
        }
        value = parent;
        parent = tree.node(parent).parent?;
    }
    let assignment = tree.node(parent);
    let right = tree.children(parent).find(|&c| tree.node(c).field == Some("right"));
    let left = tree.children(parent).find(|&c| tree.node(c).field == Some("left"))?;
    (assignment.kind == "assignment" && right == Some(value)).then(|| tree.text(tree.node(left).span))
}

/// Is the expression handed out as it is: appended to a list (`results.append(chosen)`) or yielded?
fn is_handed_out(tree: &Tree, id: NodeId) -> bool {
    let Some(parent) = tree.node(id).parent else { return false };
    match tree.node(parent).kind {
        "yield" => true,
        "argument_list" => {
            tree.named_children(parent).count() == 1
                && tree.node(parent).parent.is_some_and(|call| {
                    tree.children(call)
                        .find(|&c| tree.node(c).field == Some("function"))
                        .is_some_and(|f| tree.text(tree.node(f).span).ends_with(".append"))
                })
        }
        _ => false,
    }
}

/// The fresh mutable value (`{}`, `[]`) `function` first stores into `name`, if any.
fn fresh_value_of<'t>(tree: &'t Tree, function: NodeId, name: &str) -> Option<&'t str> {
    (function..tree.node(function).subtree_end).find_map(|id| {
        let node = tree.node(id);
        let left = tree.children(id).find(|&c| tree.node(c).field == Some("left"))?;
        let right = tree.children(id).find(|&c| tree.node(c).field == Some("right"))?;
        (node.kind == "assignment" && tree.text(tree.node(left).span) == name && is_fresh_mutable(tree, right))
            .then(|| tree.text(tree.node(right).span))
    })
}

/// Methods that change a list in place.
const LIST_MUTATORS: [&str; 8] = ["append", "extend", "insert", "sort", "reverse", "remove", "pop", "clear"];
/// And those that change a dict or a set.
const OTHER_MUTATORS: [&str; 4] = ["add", "update", "setdefault", "discard"];

/// Does the code of node `scope` change `target` (a name or attribute, whole: `rows` is not changed by
/// `all_rows.append(row)`) in place? Where `target` is known to hold a list, dict or set (`known_mutable`): a
/// mutating method called on it (`out.append(x)`), an item stored into it (`out[k] = v`), an augmented store
/// (`out += …`). Otherwise only what shows a list changed: a list's mutating method, `+= [x]` (`i += 1` rebinds a
/// number).
fn changes_in_place(tree: &Tree, scope: NodeId, target: &str, known_mutable: bool) -> bool {
    let mutator = |m: &str| LIST_MUTATORS.contains(&m) || (known_mutable && OTHER_MUTATORS.contains(&m));
    (scope..tree.node(scope).subtree_end).any(|id| {
        let n = tree.node(id);
        let first = || tree.named_children(id).next().map(|c| tree.text(tree.node(c).span));
        let right = || tree.children(id).find(|&c| tree.node(c).field == Some("right")).map(|c| tree.node(c).kind);
        match n.kind {
            "attribute" => {
                n.field == Some("function")
                    && tree.text(n.span).strip_prefix(target).and_then(|m| m.strip_prefix('.')).is_some_and(mutator)
            }
            "subscript" => known_mutable && n.field == Some("left") && first() == Some(target),
            "augmented_assignment" => {
                first() == Some(target) && (known_mutable || matches!(right(), Some("list" | "list_comprehension")))
            }
            _ => false,
        }
    })
}

/// For an `if` without `else` or `elif` whose body is one augmented store of a name (`even += 1`): the name and the
/// rest of the store (`+= 1`).
fn counted_update(tree: &Tree, branch: NodeId) -> Option<(&str, &str)> {
    let parts: Vec<NodeId> = tree.named_children(branch).filter(|&c| !tree.node(c).extra).collect();
    let [_, consequence] = parts[..] else { return None };
    let [statement] = tree.named_children(consequence).filter(|&c| !tree.node(c).extra).collect::<Vec<_>>()[..] else {
        return None;
    };
    let store = tree.named_children(statement).next().filter(|&a| tree.node(a).kind == "augmented_assignment")?;
    let target = tree.children(store).find(|&c| tree.node(c).field == Some("left"))?;
    let operator = tree.children(store).find(|&c| tree.node(c).field == Some("operator"))?;
    (tree.node(target).kind == "identifier").then(|| {
        let text = tree.text(tree.node(store).span);
        (
            tree.text(tree.node(target).span),
            &text[(tree.node(operator).span.start - tree.node(store).span.start) as usize..],
        )
    })
}

/// The loop variable of the innermost `for` loop around `id`, if that loop binds one name.
fn enclosing_loop_variable(tree: &Tree, id: NodeId) -> Option<&str> {
    let mut at = tree.node(id).parent;
    while let Some(p) = at {
        let node = tree.node(p);
        if node.kind == "function_definition" {
            return None;
        }
        if node.kind == "for_statement" {
            let left = tree.children(p).find(|&c| tree.node(c).field == Some("left"))?;
            return (tree.node(left).kind == "identifier").then(|| tree.text(tree.node(left).span));
        }
        at = node.parent;
    }
    None
}

/// Each small one-line expression of `tree` (in order of first appearance) with the spans it occurs at.
fn small_expressions(tree: &Tree) -> Vec<(&str, Vec<Span>)> {
    let mut expressions: Vec<(&str, Vec<Span>)> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for node in tree.replaceable().map(|id| tree.node(id)) {
        let text = tree.text(node.span);
        if node.class != Some(ReplacementClass::Expression) || node.leaves > MAX_SITE_LEAVES || text.contains('\n') {
            continue;
        }
        let i = *index.entry(text).or_insert_with(|| {
            expressions.push((text, Vec::new()));
            expressions.len() - 1
        });
        expressions[i].1.push(node.span);
    }
    expressions
}

/// The spans of the names `tree` reads or binds only once (not builtins, attributes, `_` or the header's), and of
/// a read of its own unbound target.
fn lonely_names(tree: &Tree, names: &Names) -> Vec<Span> {
    (0..tree.nodes().len() as NodeId)
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
        .collect()
}

/// The program's one-line annotations, each once.
fn annotations(tree: &Tree) -> Vec<&str> {
    let mut annotations: Vec<&str> = Vec::new();
    for node in tree.nodes().iter().filter(|n| n.kind == "type") {
        let text = tree.text(node.span);
        if !text.contains('\n') {
            push_new(&mut annotations, text);
        }
    }
    annotations
}

/// What the program calls (a name or a one-line method) or defines as a function, then what fills a collection
/// begun empty (`out.append` after `out = []`), each once.
fn callables(tree: &Tree) -> Vec<String> {
    let mut callables: Vec<String> = Vec::new();
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
            let text = tree.text(node.span);
            if !callables.iter().any(|c| c == text) {
                callables.push(text.to_string());
            }
        }
    }
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
    for f in fillers {
        if !callables.contains(&f) {
            callables.push(f);
        }
    }
    callables
}

/// The program's first one-bound slices (`1:`, `:k`), each also on its other side, and the names sliced so.
fn one_bound_slices(tree: &Tree) -> (Vec<String>, Vec<&str>) {
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
    (slices, sliced)
}

/// Is `operand` the count of a sequence repeated, `n` in `[0] * n` or `"-" * n` (`product` is their product)?
fn repeats_a_sequence(tree: &Tree, product: NodeId, operand: NodeId) -> bool {
    let parts: Vec<NodeId> = tree.children(product).filter(|&c| !tree.node(c).extra).collect();
    tree.node(product).kind == "binary_operator"
        && matches!(parts.as_slice(), [left, op, right]
        if tree.text(tree.node(*op).span) == "*"
            && [(left, right), (right, left)].iter().any(|(count, sequence)| {
                **count == operand && matches!(tree.node(**sequence).kind, "list" | "tuple" | "string")
            }))
}

/// Does the literal begin a name, as `best = 0`, that the function then compares or passes to `min` or `max` (a
/// running extreme)?
fn is_running_extreme(tree: &Tree, literal: NodeId) -> bool {
    let Some(assignment) = tree.node(literal).parent.filter(|&p| tree.node(p).kind == "assignment") else {
        return false;
    };
    let Some(left) = tree.children(assignment).find(|&c| tree.node(c).field == Some("left")) else { return false };
    let Some(function) = top_function(tree, literal) else { return false };
    if tree.node(literal).field != Some("right") || tree.node(left).kind != "identifier" {
        return false;
    }
    let name = tree.text(tree.node(left).span);
    (function..tree.node(function).subtree_end).any(|id| {
        let node = tree.node(id);
        node.kind == "identifier"
            && node.class == Some(ReplacementClass::Expression)
            && tree.text(node.span) == name
            && node.parent.is_some_and(|p| {
                let parent = tree.node(p);
                parent.kind == "comparison_operator"
                    || (parent.kind == "argument_list"
                        && parent.parent.is_some_and(|c| {
                            matches!(tree.text(tree.node(c).span).split('(').next(), Some("min" | "max"))
                        }))
            })
    })
}

/// The names that hold text in `function`: its parameters the tests pass only strings and it never rebinds, and
/// the variables of loops over them (a string's characters).
fn text_names<'t>(tree: &'t Tree, function: NodeId, facts: &TestFacts) -> Vec<&'t str> {
    let Some(name) = sketch::function_name(tree, function) else { return Vec::new() };
    let params = sketch::parameters(tree, function);
    let passed = examples::passed_kinds(&facts.expected, name, params.len());
    let body = function..tree.node(function).subtree_end;
    let bindings = |n: &str| {
        body.clone()
            .filter(|&id| {
                let node = tree.node(id);
                node.kind == "identifier" && tree.text(node.span) == n && is_binding(tree, id)
            })
            .count()
    };
    let mut out: Vec<&str> = params
        .iter()
        .zip(&passed)
        .filter(|(p, kinds)| examples::one_kind(kinds) == Some(ValueKind::Str) && bindings(p) <= 1)
        .map(|(&p, _)| p)
        .collect();
    for id in body.clone() {
        let node = tree.node(id);
        if !matches!(node.kind, "for_statement" | "for_in_clause") {
            continue;
        }
        let field = |f| tree.children(id).find(|&c| tree.node(c).field == Some(f));
        if let (Some(variable), Some(iterated)) = (field("left"), field("right"))
            && tree.node(variable).kind == "identifier"
            && out.contains(&tree.text(tree.node(iterated).span))
            && bindings(tree.text(tree.node(variable).span)) == 1
        {
            out.push(tree.text(tree.node(variable).span));
        }
    }
    out
}

/// For each `for v in range(…len(xs)…)` loop whose body holds `id` (within its function), `xs[v]`: the element
/// the loop indexes.
fn indexed_elements(tree: &Tree, id: NodeId) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = id;
    let mut at = tree.node(id).parent;
    while let Some(p) = at {
        let node = tree.node(p);
        if matches!(node.kind, "function_definition" | "lambda" | "class_definition") {
            break;
        }
        let in_body = tree.node(from).field == Some("body");
        (from, at) = (p, node.parent);
        if node.kind != "for_statement" || !in_body {
            continue;
        }
        let field = |f| tree.children(p).find(|&c| tree.node(c).field == Some(f));
        let (Some(variable), Some(range)) = (field("left"), field("right")) else { continue };
        let callee = tree.children(range).find(|&c| tree.node(c).field == Some("function"));
        if tree.node(variable).kind != "identifier"
            || tree.node(range).kind != "call"
            || callee.is_none_or(|c| tree.text(tree.node(c).span) != "range")
        {
            continue;
        }
        for call in (range + 1..tree.node(range).subtree_end).filter(|&c| tree.node(c).kind == "call") {
            let f = tree.children(call).find(|&c| tree.node(c).field == Some("function"));
            let args = tree.children(call).find(|&c| tree.node(c).kind == "argument_list");
            if f.is_some_and(|f| tree.text(tree.node(f).span) == "len")
                && let Some([sequence]) = args.map(|a| tree.named_children(a).collect::<Vec<_>>()).as_deref()
                && matches!(tree.node(*sequence).kind, "identifier" | "attribute")
            {
                let element =
                    format!("{}[{}]", tree.text(tree.node(*sequence).span), tree.text(tree.node(variable).span));
                if !out.contains(&element) {
                    out.push(element);
                }
            }
        }
    }
    out
}

/// Does `function` compare `name` with zero (`n < 0`, `0 <= n`)?
fn sign_tested(tree: &Tree, function: NodeId, name: &str) -> bool {
    (function..tree.node(function).subtree_end).filter(|&id| tree.node(id).kind == "comparison_operator").any(|id| {
        let parts: Vec<&str> = tree.children(id).map(|c| tree.text(tree.node(c).span)).collect();
        matches!(parts[..], [a, "<" | "<=" | ">" | ">=", b] if (a, b) == (name, "0") || (a, b) == ("0", name))
    })
}

/// The moduli `function` takes a sum or difference by (`cap` of `(start + 1) % cap`; not `n % 2`, nor a string's
/// `"%s" % x`): names, attributes and integers, each once, at most three.
fn moduli(tree: &Tree, function: NodeId) -> Vec<&str> {
    let mut out = Vec::new();
    for id in (function..tree.node(function).subtree_end).filter(|&id| tree.node(id).kind == "binary_operator") {
        let parts: Vec<NodeId> = tree.children(id).filter(|&c| !tree.node(c).extra).collect();
        if let [left, op, right] = parts[..]
            && tree.text(tree.node(op).span) == "%"
            && is_parenthesised_sum(tree, left)
            && matches!(tree.node(right).kind, "identifier" | "attribute" | "integer")
            && !tree.text(tree.node(right).span).contains('\n')
        {
            let modulus = tree.text(tree.node(right).span);
            if !out.contains(&modulus) && out.len() < 3 {
                out.push(modulus);
            }
        }
    }
    out
}

/// The functions of one parameter whose bodies read `name[…]`.
fn lookup_helpers(tree: &Tree, name: &str) -> Vec<NodeId> {
    (0..tree.nodes().len() as NodeId)
        .filter(|&f| tree.node(f).kind == "function_definition" && sketch::parameters(tree, f).len() == 1)
        .filter(|&f| {
            (f..tree.node(f).subtree_end).any(|s| {
                tree.node(s).kind == "subscript"
                    && tree.named_children(s).next().is_some_and(|v| tree.text(tree.node(v).span) == name)
            })
        })
        .collect()
}

/// `(a + b)` or `(a - b)`.
fn is_parenthesised_sum(tree: &Tree, id: NodeId) -> bool {
    tree.node(id).kind == "parenthesized_expression"
        && tree.named_children(id).next().is_some_and(|inner| {
            let ops: Vec<&str> =
                tree.children(inner).filter(|&c| !tree.node(c).named).map(|c| tree.text(tree.node(c).span)).collect();
            tree.node(inner).kind == "binary_operator" && matches!(ops[..], ["+"] | ["-"])
        })
}
