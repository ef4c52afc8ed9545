//! The menu's enumerative part: small expressions built from a function's parameters, the classic bottom-up
//! enumeration of program synthesis with the tests as the oracle.
//!
//! - A stub body (a function whose body is `pass`, a docstring aside: where `kelp synth` starts) may become
//!   `return E` for every small `E` over its parameters: a parameter, a parameter under a unary operator, a builtin
//!   or an index (`-x`, `len(xs)`, `xs[-1]`), a parameter with a small constant (`n - 1`, `x % 2 == 0`) or with a
//!   number its docstring names (`divmod(m, 60)`: [`spec_constants`]), or two parameters under a binary operator
//!   or averaged (of the first [`PAIRED_PARAMETERS`]: the menu stays in the hundreds); then, after every other
//!   edit, the idioms of [`stub_idioms`] (comprehensions, everyday calls, neighbours, first finds), the formulas of
//!   [`math_idioms`] where the program imports `math`, and the recurrences of [`recursive_idioms`]. So may a
//!   function's lone statement that reads none of its parameters ([`ignores_its_inputs`]).
//! - A returned expression `e` (not a literal) may be wrapped once: `-e`, `not e`, `abs(e)`, `e == 0`, `e > 0`,
//!   `e < 0`, `e ± 1`, `e * 2`, `e / 2`, and with a parameter `p`: `max(p, e)`, `min(p, e)`, `e + p`, `e - p`,
//!   `e * p`. Two steps reach `max(lo, min(x, hi))`; a missing negation or `abs` is a classic repair too.
//!
//! The enumeration is blind: the search ranks it (the model's log-probability, the tests' verdict), and a
//! candidate that does not parse as its node's class is dropped by the splice check like every menu edit. The spec's
//! words are its one hint: a candidate holding code that the function's name or docstring names ([`CUES`]: `double`
//! and `x * 2`, "the largest" and `max(`) is tried first ([`cue_markers`]; `Tier::Cued` in `baseline/mod.rs`).

use crate::syntax::{NodeId, Tree};

/// Builtins of one argument tried on a parameter.
const UNARY_CALLS: [&str; 10] = ["abs", "len", "sum", "max", "min", "sorted", "int", "str", "bool", "list"];

/// Binary operators whose operands commute: one order is enough. (`+` does not on strings and lists, nor do
/// `and` and `or`, which return an operand.)
const COMMUTATIVE: [&str; 3] = ["*", "==", "!="];

/// Binary operators tried in both orders (`<` both ways covers `>`).
const ORDERED: [&str; 10] = ["+", "-", "/", "//", "%", "**", "<", "<=", "and", "or"];

/// A parameter with a constant: the common ones, not every pairing (`x * 1`, `x ** 0`, `x // 0` are no program).
const WITH_CONSTANT: [&str; 17] = [
    "{} + 1",
    "{} - 1",
    "{} * 2",
    "{} ** 2",
    "{} // 2",
    "{} % 2",
    "{} / 2",
    "{} == 0",
    "{} != 0",
    "{} < 0",
    "{} > 0",
    "{} <= 0",
    "{} >= 0",
    "{} == 1",
    "1 - {}",
    "{} % 2 == 0",
    "{} % 2 == 1",
];

/// Parameters (in order) that pair with each other under a binary operator: with n of them the pairs grow as
/// n², and a function's first parameters are the ones its result is most often made of.
const PAIRED_PARAMETERS: usize = 4;

/// Literal node kinds: wrapping one folds to a constant, which the menu's constant edits already reach.
pub(super) fn is_literal(kind: &str) -> bool {
    matches!(kind, "integer" | "float" | "string" | "true" | "false" | "none")
}

/// Node kinds that need no parentheses under a unary or binary operator.
pub(super) fn is_primary(kind: &str) -> bool {
    is_literal(kind)
        || matches!(
            kind,
            "identifier"
                | "call"
                | "attribute"
                | "subscript"
                | "parenthesized_expression"
                | "list"
                | "tuple"
                | "dictionary"
                | "set"
        )
}

/// The parameter names of a function definition, in order: plain, typed and default parameters (`*args`,
/// `**kwargs`, `self` and `cls` are left out: no arithmetic is done on them).
pub(super) fn parameters(tree: &Tree, function: NodeId) -> Vec<&str> {
    parameter_nodes(tree, function)
        .map(|(_, name)| tree.text(tree.node(name).span))
        .filter(|&n| n != "self" && n != "cls")
        .collect()
}

/// Each plain, typed or default parameter of a function definition, in order, with the node of its name.
pub(super) fn parameter_nodes(tree: &Tree, function: NodeId) -> impl Iterator<Item = (NodeId, NodeId)> + '_ {
    let list = tree.children(function).find(|&c| tree.node(c).field == Some("parameters"));
    list.into_iter().flat_map(|list| tree.children(list)).filter_map(|p| {
        let name = match tree.node(p).kind {
            "identifier" => Some(p),
            "typed_parameter" => tree.children(p).find(|&c| tree.node(c).kind == "identifier"),
            "default_parameter" | "typed_default_parameter" => {
                tree.children(p).find(|&c| tree.node(c).field == Some("name"))
            }
            _ => None,
        }?;
        Some((p, name))
    })
}

/// The innermost function definition holding the node.
pub(super) fn enclosing_function(tree: &Tree, id: NodeId) -> Option<NodeId> {
    let mut cursor = tree.node(id).parent;
    while let Some(c) = cursor {
        if tree.node(c).kind == "function_definition" {
            return Some(c);
        }
        cursor = tree.node(c).parent;
    }
    None
}

/// A function definition's own name.
pub(super) fn function_name(tree: &Tree, function: NodeId) -> Option<&str> {
    let name = tree.children(function).find(|&c| tree.node(c).field == Some("name"))?;
    Some(tree.text(tree.node(name).span))
}

/// If `id` is a `pass` statement that is a function's whole body (a docstring aside), that function.
pub(super) fn stub_function(tree: &Tree, id: NodeId) -> Option<NodeId> {
    if tree.node(id).kind != "pass_statement" {
        return None;
    }
    lone_statement(tree, id)
}

/// If `id` is the only statement of a function's body (a docstring aside, and not the docstring itself), that
/// function.
pub(super) fn lone_statement(tree: &Tree, id: NodeId) -> Option<NodeId> {
    let block = tree.node(id).parent.filter(|&b| tree.node(b).kind == "block")?;
    let function = tree.node(block).parent.filter(|&f| tree.node(f).kind == "function_definition")?;
    let alone = tree.children(block).all(|c| c == id || tree.node(c).extra || tree.is_docstring(c));
    (alone && !tree.is_docstring(id)).then_some(function)
}

/// If `id` is the lone statement of a function's body (a docstring aside) and reads none of the function's
/// parameters, that function: a body that ignores its inputs (`return 2`, `return x == hi` in `def add(a, b)`)
/// cannot compute what its tests ask, so like a stub's it may become any small expression over them.
pub(super) fn ignores_its_inputs(tree: &Tree, id: NodeId) -> Option<NodeId> {
    let function = lone_statement(tree, id)?;
    let params = parameters(tree, function);
    let reads_one = (id..tree.node(id).subtree_end).any(|n| {
        let node = tree.node(n);
        node.kind == "identifier" && node.field != Some("attribute") && params.contains(&tree.text(node.span))
    });
    (!params.is_empty() && !reads_one).then_some(function)
}

/// How many of the docstring's numbers [`spec_constants`] keeps: the first ones, where a spec states its rule
/// (examples come later).
const MAX_SPEC_CONSTANTS: usize = 4;

/// The numbers a function's docstring names, in order, without repeats, beyond the small ones every enumeration
/// has (0, 1, 2): "60 minutes", "boundaries at 10 and 25"; then those its words name ("minutes": 60). A spec's
/// constants are a program's constants.
pub(super) fn spec_constants(tree: &Tree, function: NodeId) -> Vec<String> {
    let Some(doc) = docstring_of(tree, function) else {
        return Vec::new();
    };
    let text = tree.text(tree.node(doc).span);
    let mut out: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        // A number begins a word: not the 2 of `x2` or `f2`.
        let after_word = rest[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == '_');
        let len = rest[start..].find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(rest.len() - start);
        let number = rest[start..start + len].trim_end_matches('.');
        rest = &rest[start + len..];
        // `007` is no Python literal; `0.5` is.
        let leading_zero = number.len() > 1 && number.starts_with('0') && !number.starts_with("0.");
        let fits = number.parse::<f64>().is_ok_and(f64::is_finite) && !leading_zero;
        if after_word || !fits || ["0", "1", "2"].contains(&number) || out.iter().any(|n| n == number) {
            continue;
        }
        out.push(number.to_string());
        if out.len() == MAX_SPEC_CONSTANTS {
            return out;
        }
    }
    // Then the numbers its words name: "minutes" are counted in sixties, a percentage in hundredths.
    for word in text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()) {
        let word = word.to_ascii_lowercase();
        let singular = word.strip_suffix('s').unwrap_or(&word);
        let Some((_, number)) = WORD_CONSTANTS.iter().find(|(w, _)| *w == word || *w == singular) else { continue };
        if !out.iter().any(|n| n == number) {
            out.push(number.to_string());
            if out.len() == MAX_SPEC_CONSTANTS {
                break;
            }
        }
    }
    out
}

/// Words that name a number (after the digits a docstring spells, [`spec_constants`] keeps these).
const WORD_CONSTANTS: [(&str, &str); 12] = [
    ("minute", "60"),
    ("hour", "60"),
    ("week", "7"),
    ("dozen", "12"),
    ("percent", "100"),
    ("percentage", "100"),
    ("hundred", "100"),
    ("century", "100"),
    ("centuries", "100"),
    ("thousand", "1000"),
    ("ten", "10"),
    ("byte", "8"),
];

/// Words a function's name or docstring may use for an operation, and the code that performs it: a stub's
/// candidate holding such code is *cued* ([`cue_markers`]). The table covers everyday arithmetic, comparisons,
/// collections and strings, the words programmers and docstrings use for them (a plural `s` is dropped from a
/// word before it is looked up). A word may cue several entries' code; code that names an idiom's variables
/// (`% x == 0`, `for y in`) is written for the names [`stub_idioms`] gives them when no parameter has them.
const CUES: &[(&[&str], &[&str])] = &[
    (&["add", "plus"], &[" + "]),
    (&["sum", "total"], &["sum(", " + "]),
    (&["sub", "subtract", "minus", "difference", "diff"], &[" - "]),
    (&["mul", "multiply", "product", "times"], &[" * "]),
    (&["div", "divide", "quotient", "ratio"], &[" / ", " // ", "divmod("]),
    (&["mod", "modulo", "remainder"], &[" % ", "divmod("]),
    (&["pow", "power", "exponent"], &[" ** "]),
    (&["neg", "negate", "negative", "opposite"], &["return -", "< 0"]),
    (&["positive"], &["> 0"]),
    (&["abs", "absolute", "magnitude", "distance", "dist", "gap", "apart"], &["abs("]),
    (&["max", "maximum", "largest", "biggest", "greatest", "highest", "longest"], &["max(", "reverse=True)"]),
    (&["min", "minimum", "smallest", "lowest", "least", "shortest"], &["min("]),
    (&["common", "intersection", "shared", "overlap"], &[" & ", "intersection("]),
    (&["clamp", "clip"], &["max(", "min("]),
    (&["double", "twice"], &["* 2"]),
    (&["half", "halve"], &["/ 2", "// 2"]),
    (&["square", "squared"], &["** 2"]),
    (&["cube", "cubed"], &["** 3"]),
    (&["sqrt", "root"], &["** 0.5"]),
    (&["neighbour", "neighbouring", "neighbor", "neighboring", "adjacent", "consecutive"], &["[1:])"]),
    (&["run", "collapse", "squeeze"], &["- 1]"]),
    (&["mean", "average", "avg", "midpoint"], &["/ 2", "/ len("]),
    (&["len", "length", "count", "size", "many"], &["len(", ".count(", "sum(1 "]),
    (&["frequency", "occurrence", "occurrences", "occur"], &[".count("]),
    (&["sort", "sorted", "ascending"], &["sorted("]),
    (&["reverse", "reversed", "backward", "backwards", "palindrome"], &["[::-1]", "reversed("]),
    (&["even"], &["% 2 == 0"]),
    (&["odd"], &["% 2 == 1", "% 2 != 0"]),
    (&["upper", "uppercase"], &[".upper()"]),
    (&["capital", "capitalize", "capitalise", "title"], &[".capitalize()", ".title()"]),
    (&["vowel"], &["aeiou"]),
    (&["digit"], &[".isdigit()", "for d in str(", "int(str(", "len(str(", "% 10"]),
    (&["lower", "lowercase"], &[".lower()"]),
    (&["first", "head"], &["[0]", "next(("]),
    (&["last", "tail", "rear"], &["[-1]"]),
    (&["empty"], &["not ", "== 0"]),
    (&["zero"], &["== 0"]),
    (&["equal", "same", "identical"], &[" == "]),
    (&["greater", "larger", "bigger", "exceed", "above"], &[" > "]),
    (&["less", "smaller", "fewer", "below"], &[" < "]),
    (&["corresponding", "wise", "pairwise", "position", "elementwise"], &["zip("]),
    (&["unique", "distinct", "dedup"], &["set(", "fromkeys("]),
    (&["duplicate"], &["set(", "fromkeys("]),
    (&["prime"], &["** 0.5) + 1"]),
    (&["divisor", "factor", "divisible"], &["% x == 0", "== 0]"]),
    (&["bit", "binary"], &["bin("]),
    (&["remove", "delete", "drop"], &[" not in ", " if not "]),
    (&["frequent", "commonest"], &["key="]),
    (&["second"], &["[1]"]),
    (&["natural"], &["range(1, "]),
    (&["letter", "alphabet", "alphabetic"], &[".isalpha()"]),
    (&["alphanumeric"], &[".isalnum()"]),
    (&["alternate"], &["[::2]", "[1::2]"]),
    (&["join", "concat", "concatenate"], &[".join("]),
    (&["split", "word"], &[".split("]),
    (&["space", "whitespace"], &[".split()", "' '"]),
    (&["rotate", "rotation"], &["] + "]),
    (&["flatten", "flat"], &["for y in"]),
    (&["range", "between"], &["range("]),
    (&["dictionary", "dict"], &[".items()"]),
    (&["strip", "trim"], &[".strip("]),
    (&["round", "rounded"], &["round("]),
    (&["circle", "circumference", "radius", "sphere", "cylinder", "cone", "sector", "arc"], &[".pi"]),
    (&["hypotenuse", "hypot"], &[".sqrt("]),
    (&["factorial"], &[".factorial(", " else "]),
    (&["fibonacci", "fib"], &[" - 2)"]),
    (&["recursive", "recursion", "recursively", "series", "sequence", "nth"], &[" else "]),
    (&["gcd", "divisor", "lcm", "multiple"], &[".gcd("]),
    (&["combination", "binomial", "choose"], &[".comb("]),
    (&["permutation"], &[".perm("]),
    (&["log", "logarithm"], &[".log("]),
    (&["degree", "radian", "angle"], &[".degrees(", ".radians(", "360"]),
    (&["every"], &["all("]),
    (&["any", "exist", "exists", "contain", "contains", "present", "substring", "include"], &["any(", " in "]),
];

/// The code ([`CUES`]) that the words of `function`'s name (split at `_` and case changes) and, with `docstring`,
/// its docstring name: `double` gives `* 2`, "the largest element" gives `max(`. The enumeration is blind; these
/// words are the spec's plainest hint at which of its candidates to test first.
pub(super) fn cue_markers(tree: &Tree, function: NodeId, docstring: bool) -> Vec<&'static str> {
    let mut text = function_name(tree, function).unwrap_or_default().to_string();
    if let Some(doc) = docstring.then(|| docstring_of(tree, function)).flatten() {
        text.push(' ');
        text.push_str(tree.text(tree.node(doc).span));
    }
    words_cues(&text)
}

/// The code ([`CUES`]) that the names and docstrings of every function of `tree` name, each once.
pub(super) fn spec_markers(tree: &Tree) -> Vec<&'static str> {
    let mut markers = Vec::new();
    for f in (0..tree.nodes().len() as NodeId).filter(|&id| tree.node(id).kind == "function_definition") {
        for m in cue_markers(tree, f, true) {
            if !markers.contains(&m) {
                markers.push(m);
            }
        }
    }
    markers
}

/// How a cued candidate ranks among the cued: by how many of the spec's `markers` its `text` holds (more first: a
/// body holding both the `min(` and the `len(` of "the length of the smallest list" before one holding either),
/// then by length (simpler first). Smaller is earlier.
pub(super) fn cue_rank(text: &str, markers: &[&str]) -> (std::cmp::Reverse<usize>, usize) {
    (std::cmp::Reverse(markers.iter().filter(|m| text.contains(*m)).count()), text.len())
}

/// The code ([`CUES`]) that the words of `text` name (split at anything but a letter and before a capital, so
/// `isEven` and `is_even` alike; a plural `s` dropped).
pub(super) fn words_cues(text: &str) -> Vec<&'static str> {
    let mut spaced = String::new();
    for c in text.chars() {
        if c.is_uppercase() {
            spaced.push(' ');
        }
        spaced.push(c);
    }
    let mut markers = Vec::new();
    for word in spaced.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()) {
        let word = word.to_ascii_lowercase();
        let singular = word.strip_suffix('s').unwrap_or(&word);
        for (words, code) in CUES {
            if words.contains(&word.as_str()) || words.contains(&singular) {
                for m in code.iter() {
                    if !markers.contains(m) {
                        markers.push(*m);
                    }
                }
            }
        }
    }
    markers
}

/// `function`'s docstring, if its body begins with one.
pub(super) fn docstring_of(tree: &Tree, function: NodeId) -> Option<NodeId> {
    let body = tree.children(function).find(|&c| tree.node(c).field == Some("body"))?;
    tree.children(body).find(|&c| !tree.node(c).extra).filter(|&c| tree.is_docstring(c))
}

/// `return E` for every small expression `E` over `params` (see the module doc), and a parameter with each of the
/// spec's `constants` ([`spec_constants`]): `divmod(minutes, 60)`, `degrees < 10`.
pub(super) fn stub_returns(params: &[&str], constants: &[String]) -> Vec<String> {
    small_expressions(params, constants).into_iter().map(|e| format!("return {e}")).collect()
}

/// The small expressions of [`stub_returns`], bare (a lambda's body: `x % 2 == 1`, `x[0]`).
pub(super) fn small_expressions(params: &[&str], constants: &[String]) -> Vec<String> {
    let mut exprs: Vec<String> = Vec::new();
    for &p in params {
        for c in constants {
            for op in ["*", "/", "//", "%", "+", "-", "<", ">", "<=", ">=", "=="] {
                exprs.push(format!("{p} {op} {c}"));
            }
            exprs.push(format!("divmod({p}, {c})"));
        }
    }
    for &p in params {
        exprs.push(p.to_string());
        exprs.push(format!("-{p}"));
        exprs.push(format!("not {p}"));
        exprs.push(format!("{p} * {p}"));
        exprs.extend(UNARY_CALLS.iter().map(|f| format!("{f}({p})")));
        exprs.extend(["[0]", "[-1]", "[::-1]"].iter().map(|i| format!("{p}{i}")));
        exprs.extend(WITH_CONSTANT.iter().map(|t| t.replace("{}", p)));
    }
    for (p, q) in pairs(params) {
        exprs.push(format!("max({p}, {q})"));
        exprs.push(format!("min({p}, {q})"));
        exprs.push(format!("({p} + {q}) / 2"));
        exprs.extend(COMMUTATIVE.iter().map(|op| format!("{p} {op} {q}")));
        for op in ORDERED {
            exprs.push(format!("{p} {op} {q}"));
            exprs.push(format!("{q} {op} {p}"));
        }
    }
    exprs
}

/// Each pair of the first [`PAIRED_PARAMETERS`] names, in their order.
fn pairs<'a>(names: &'a [&'a str]) -> impl Iterator<Item = (&'a str, &'a str)> {
    let paired = &names[..names.len().min(PAIRED_PARAMETERS)];
    paired.iter().enumerate().flat_map(move |(i, &p)| paired[i + 1..].iter().map(move |&q| (p, q)))
}

/// Builtins of one argument tried on a name in a statement's value (no whole-collection conversions: a statement
/// inside a function mostly updates a number or picks an element).
const VALUE_CALLS: [&str; 7] = ["abs", "len", "sum", "max", "min", "int", "str"];

/// Small values of a statement that binds a name, over the names in scope there (`names`, likeliest first): a
/// name, a name under a builtin or `± 1`, and of the first [`PAIRED_PARAMETERS`] names each pair under arithmetic,
/// `max`, `min` or their distance (`abs(a - b)`). What a grafted statement stood for (`distance = abs(elem -
/// elem2)`, `running_max = max(running_max, n)`): enumerated blind, ranked by the search.
pub(super) fn assigned_values(names: &[&str]) -> Vec<String> {
    let mut exprs: Vec<String> = Vec::new();
    for &p in names {
        exprs.push(p.to_string());
        exprs.extend(VALUE_CALLS.iter().map(|f| format!("{f}({p})")));
        exprs.push(format!("{p} + 1"));
        exprs.push(format!("{p} - 1"));
    }
    for (p, q) in pairs(names) {
        exprs.push(format!("max({p}, {q})"));
        exprs.push(format!("min({p}, {q})"));
        exprs.push(format!("abs({p} - {q})"));
        exprs.push(format!("{p} * {q}"));
        for op in ["+", "-", "/", "//", "%"] {
            exprs.push(format!("{p} {op} {q}"));
            exprs.push(format!("{q} {op} {p}"));
        }
    }
    exprs
}

/// Maps of a collection's element `x` tried in comprehensions: `[x * 2 for x in xs]`.
const ELEMENT_MAPS: [&str; 14] = [
    "x * 2",
    "x + 1",
    "x ** 2",
    "-x",
    "abs(x)",
    "str(x)",
    "int(x)",
    "len(x)",
    "x.upper()",
    "x.lower()",
    "x.strip()",
    "x[::-1]",
    "x[0]",
    "x[-1]",
];

/// Conditions on a collection's element `x` tried in filters, counts, `all` and `any`.
const ELEMENT_TESTS: [&str; 13] = [
    "x > 0",
    "x < 0",
    "x >= 0",
    "x != 0",
    "x % 2 == 0",
    "x % 2 == 1",
    "x",
    "not x",
    "x.isdigit()",
    "x.isalpha()",
    "x.isupper()",
    "x.islower()",
    "x.lower() in 'aeiou'",
];

/// Whole-value idioms of one parameter `p`: sequences, strings and numbers (each fails fast on the other types).
const VALUE_IDIOMS: [&str; 85] = [
    "sorted(p)",
    "sorted(p, reverse=True)",
    "list(reversed(p))",
    "sorted(set(p))",
    "list(set(p))",
    "set(p)",
    "len(set(p))",
    "len(set(p)) == len(p)",
    "p == p[::-1]",
    "p == sorted(p)",
    "max(p) - min(p)",
    "sum(p) / len(p)",
    "p[1:]",
    "p[:-1]",
    "p.upper()",
    "p.lower()",
    "p.strip()",
    "p.split()",
    "p.title()",
    "p.capitalize()",
    "p.swapcase()",
    "' '.join(p)",
    "''.join(p)",
    "' '.join(p.split()[::-1])",
    "len(p.split())",
    "sorted(p.split())",
    "max(p.split(), key=len)",
    "[len(word) for word in p.split()]",
    "{word: len(word) for word in p.split()}",
    "' '.join(word.capitalize() for word in p.split())",
    "p.isdigit()",
    "p.isalpha()",
    "sum(range(p + 1))",
    "list(range(p))",
    "sum(int(d) for d in str(p))",
    "str(p)[::-1]",
    "int(str(p)[::-1])",
    "int(str(p)[0])",
    "int(p ** 0.5)",
    "bin(p)[2:]",
    "p[len(p) // 2]",
    "all(a <= b for a, b in zip(p, p[1:]))",
    "sum(p[i] for i in range(0, len(p), 2))",
    "''.join(p.split())",
    "p.replace(' ', '')",
    "sorted(p.items(), key=lambda kv: kv[1])",
    "sorted(p.items(), key=lambda kv: kv[1], reverse=True)",
    "p.strip().lower()",
    "p.strip().upper()",
    "p[:1]",
    "p[-1:]",
    "p[1:-1]",
    "p.index(max(p))",
    "0 in p",
    "[list(row) for row in zip(*p)]",
    "{v: k for k, v in p.items()}",
    "list(set.intersection(*map(set, p)))",
    // A string's characters of one class kept or dropped; every other one.
    "''.join(x for x in p if x.isalpha())",
    "''.join(x for x in p if x.isdigit())",
    "''.join(x for x in p if x.isalnum())",
    "''.join(x for x in p if not x.isdigit())",
    "''.join(x for x in p if x.lower() not in 'aeiou')",
    "p[::2]",
    "p[1::2]",
    "p[0] == p[-1]",
    "p[0].upper() + p[1:]",
    // Extremes and orders by a key: an element's second item, its sum; the commonest element; duplicates dropped
    // in order.
    "sorted(p, key=lambda x: x[1])",
    "sorted(p, key=lambda x: x[-1])",
    "max(p, key=lambda x: x[1])",
    "min(p, key=lambda x: x[1])",
    "max(p, key=sum)",
    "min(p, key=sum)",
    "max(p, key=p.count)",
    "list(dict.fromkeys(p))",
    // Numbers: sums over 1..p, divisors, primes, digits, bits, squares.
    "sum(range(1, p + 1))",
    "sum(x * x for x in range(1, p + 1))",
    "sum(x ** 3 for x in range(1, p + 1))",
    "[x for x in range(1, p + 1) if p % x == 0]",
    "sum(x for x in range(1, p) if p % x == 0)",
    "p > 1 and all(p % x for x in range(2, int(p ** 0.5) + 1))",
    "len(str(p))",
    "p % 10",
    "bin(p).count('1')",
    "str(p) == str(p)[::-1]",
    "int(p ** 0.5) ** 2 == p",
];

/// Idioms over a sequence `p`'s neighbours `a`, `b` (`zip(p, p[1:])`) and over each element `x` at `i` against the
/// one before it: differences, rises, sign changes, runs collapsed (`"aabbaa"` → `"aba"`).
const NEIGHBOUR_IDIOMS: [&str; 10] = [
    "[b - a for a, b in zip(p, p[1:])]",
    "sum(1 for a, b in zip(p, p[1:]) if a < b)",
    "sum(1 for a, b in zip(p, p[1:]) if a != b)",
    "sum(1 for a, b in zip(p, p[1:]) if a * b < 0)",
    "all(a < b for a, b in zip(p, p[1:]))",
    "any(a == b for a, b in zip(p, p[1:]))",
    "[x for i, x in enumerate(p) if i == 0 or x != p[i - 1]]",
    "''.join(x for i, x in enumerate(p) if i == 0 or x != p[i - 1])",
    "next((x for i, x in enumerate(p) if x in p[:i]), None)",
    "min(b - a for a, b in zip(sorted(p), sorted(p)[1:]))",
];

/// Idioms of two parameters `p` and `q` (both orders are tried): a sequence and an element or a count (what it
/// holds, where, cut, rotated, filtered, counted), two numbers as a range, two sequences as sets.
const PAIR_IDIOMS: [&str; 62] = [
    "p.count(q)",
    "q in p",
    "q not in p",
    "p.index(q)",
    "p.split(q)",
    "q.join(p)",
    "p.startswith(q)",
    "p.endswith(q)",
    "p[q]",
    "p[:q]",
    "p[q:]",
    "p[-q:]",
    "p[q:] + p[:q]",
    "p[-q:] + p[:-q]",
    "p[:q] + p[q + 1:]",
    "p[:q - 1] + p[q:]",
    "p[:q][::-1] + p[q:]",
    "[x for x in p if x != q]",
    "[x for x in p if x > q]",
    "[x for x in p if x < q]",
    "[x + q for x in p]",
    "[x * q for x in p]",
    "[x for x in p if q in x]",
    "[x for x in p if x.startswith(q)]",
    "sum(1 for x in p if q in x)",
    "sum(1 for x in p if x in q)",
    "[x for x in p if x in q]",
    "any(p[i:i + len(q)] == q for i in range(len(p) - len(q) + 1))",
    "all(x < q for x in p)",
    "all(x > q for x in p)",
    "p.replace(q, '')",
    "max(len(p), len(q))",
    "len(p) + len(q)",
    "len(p) > len(q)",
    "p % q == 0",
    "max(p - q, 0)",
    "list(range(p, q + 1))",
    "sum(range(p, q + 1))",
    "sum(x for x in range(p, q + 1) if x % 2 == 1)",
    "sum(int(d) for d in str(p ** q))",
    "dict(zip(p, q))",
    "list(zip(p, q))",
    "[x for x in p if len(x) > q]",
    "sum(1 for x in p if len(x) > q)",
    "sum(1 for x in p if x == q)",
    "[p[i:i + q] for i in range(0, len(p), q)]",
    "any(q in x for x in p)",
    "sorted(p, reverse=True)[:q]",
    "sorted(p)[:q]",
    "list(set(p) & set(q))",
    "bool(set(p) & set(q))",
    "list(set(p) - set(q))",
    "q > max(p)",
    "[x for x in p if x % q == 0]",
    "[x for x in p if x not in q]",
    "[x ** q for x in p]",
    "sorted(p)[q - 1]",
    "sorted(p + q)",
    "[x[q] for x in p]",
    "p.find(q)",
    "[p] * q",
    "p ** q % 10",
];

/// Idioms of two sequences `p` and `q` taken element by element (`a` from `p`, `b` from `q`): element-wise
/// arithmetic, counts and checks of corresponding elements, the same one level down (tuples of tuples, `x` of
/// `p` with `y` of `q`), and the two joined (both orders are tried).
const ZIP_IDIOMS: [&str; 17] = [
    "[a + b for a, b in zip(p, q)]",
    "[a - b for a, b in zip(p, q)]",
    "[a * b for a, b in zip(p, q)]",
    "tuple(a + b for a, b in zip(p, q))",
    "tuple(a - b for a, b in zip(p, q))",
    "[max(a, b) for a, b in zip(p, q)]",
    "sum(a * b for a, b in zip(p, q))",
    "sum(a == b for a, b in zip(p, q))",
    "sum(1 for a, b in zip(p, q) if a != b)",
    "all(a > b for a, b in zip(p, q))",
    "any(a == b for a, b in zip(p, q))",
    "[a for a, b in zip(p, q) if a == b]",
    "tuple(tuple(a + b for a, b in zip(x, y)) for x, y in zip(p, q))",
    "tuple(tuple(a * b for a, b in zip(x, y)) for x, y in zip(p, q))",
    "tuple(tuple(max(a, b) for a, b in zip(x, y)) for x, y in zip(p, q))",
    "list(p) + list(q)",
    "tuple(list(p) + list(q))",
];

/// `return E` for common idioms of Python over the parameters: comprehensions that map, filter, count or test a
/// collection's elements, and the everyday calls on sequences, strings and numbers (see the constants above).
/// A second tier of the stub's menu: the baseline tries them after [`stub_returns`] (they are more, and longer).
pub(super) fn stub_idioms(params: &[&str]) -> Vec<String> {
    // The comprehension variable must not hide a parameter.
    let var = ["x", "v", "item", "elem"].into_iter().find(|v| !params.contains(v)).unwrap_or("x");
    let pair = [("a", "b"), ("left", "right")].into_iter().find(|(a, b)| !params.contains(a) && !params.contains(b));
    let pair = pair.unwrap_or(("a", "b"));
    let index = ["i", "k", "at"].into_iter().find(|i| !params.contains(i)).unwrap_or("i");
    // A second element variable, for an element's own elements (`[y for x in xs for y in x]`).
    let inner = ["y", "w", "part"].into_iter().find(|v| !params.contains(v) && *v != var).unwrap_or("y");
    let element = |template: &str| substitute(template, &[("x", var)]);
    let mut exprs = Vec::new();
    for &p in params {
        for m in ELEMENT_MAPS {
            exprs.push(format!("[{} for {var} in {p}]", element(m)));
        }
        for t in ELEMENT_TESTS {
            let t = element(t);
            exprs.push(format!("[{var} for {var} in {p} if {t}]"));
            exprs.push(format!("sum(1 for {var} in {p} if {t})"));
            exprs.push(format!("all({t} for {var} in {p})"));
            exprs.push(format!("any({t} for {var} in {p})"));
        }
        // The first element that passes a test, and the index of the first.
        for t in ELEMENT_TESTS {
            let t = element(t);
            exprs.push(format!("next(({var} for {var} in {p} if {t}), None)"));
            exprs.push(format!("next(({index} for {index}, {var} in enumerate({p}) if {t}), -1)"));
        }
        for template in NEIGHBOUR_IDIOMS {
            exprs.push(substitute(template, &[("p", p), ("x", var), ("a", pair.0), ("b", pair.1), ("i", index)]));
        }
        for m in ["x ** 2", "abs(x)", "int(x)", "len(x)", "x * x"] {
            exprs.push(format!("sum({} for {var} in {p})", element(m)));
        }
        // The extremes of a collection of collections: the shortest's length, the longest itself.
        for extreme in ["min", "max"] {
            exprs.push(format!("{extreme}(len({var}) for {var} in {p})"));
            exprs.push(format!("{extreme}({p}, key=len)"));
        }
        // A collection of collections flattened, and its distinct elements.
        exprs.push(format!("[{inner} for {var} in {p} for {inner} in {var}]"));
        exprs.push(format!("set({inner} for {var} in {p} for {inner} in {var})"));
        // Dictionaries keyed by the elements: their lengths, their counts.
        for m in ["len(x)", "p.count(x)"] {
            let m = substitute(&element(m), &[("p", p)]);
            exprs.push(format!("{{{var}: {m} for {var} in {p}}}"));
        }
        exprs.extend(VALUE_IDIOMS.iter().map(|t| substitute(t, &[("p", p), ("x", var)])));
    }
    let paired = &params[..params.len().min(PAIRED_PARAMETERS)];
    for &p in paired {
        for &q in paired.iter().filter(|&&q| q != p) {
            for t in PAIR_IDIOMS {
                exprs.push(substitute(t, &[("p", p), ("q", q), ("x", var), ("i", index)]));
            }
            for t in ZIP_IDIOMS {
                let names = [("p", p), ("q", q), ("a", pair.0), ("b", pair.1), ("x", var), ("y", inner)];
                exprs.push(substitute(t, &names));
            }
        }
    }
    if let [p, q, r, ..] = paired {
        exprs.push(format!("{p}.replace({q}, {r})"));
        exprs.push(format!("{p}[{q}:{r}]"));
    }
    let mut seen = std::collections::HashSet::new();
    exprs.into_iter().filter(|e| seen.insert(e.clone())).map(|e| format!("return {e}")).collect()
}

/// Formulas over one parameter `p` with the `math` module bound as `M`: a circle's and a sphere's measures from
/// a radius, roots, factorials, angles.
const MATH_IDIOMS: [&str; 12] = [
    "M.pi * p ** 2",
    "2 * M.pi * p",
    "4 / 3 * M.pi * p ** 3",
    "4 * M.pi * p ** 2",
    "M.sqrt(p)",
    "M.isqrt(p)",
    "M.factorial(p)",
    "M.log(p)",
    "M.degrees(p)",
    "M.radians(p)",
    "M.floor(p)",
    "M.ceil(p)",
];

/// Formulas over two parameters `p` and `q` with `math` bound as `M` (both orders are tried): a cylinder's and
/// a cone's measures from a radius and a height, a right triangle's hypotenuse, divisors and multiples,
/// combinations, a sector's area and arc from a radius and an angle in degrees.
const MATH_PAIR_IDIOMS: [&str; 12] = [
    "M.pi * p ** 2 * q",
    "M.pi * p ** 2 * q / 3",
    "2 * M.pi * p * q",
    "M.pi * p * q",
    "M.sqrt(p ** 2 + q ** 2)",
    "M.gcd(p, q)",
    "p * q // M.gcd(p, q)",
    "M.comb(p, q)",
    "M.perm(p, q)",
    "M.log(p, q)",
    "M.pi * p ** 2 * q / 360",
    "2 * M.pi * p * q / 360",
];

/// `return E` for the formulas of [`MATH_IDIOMS`] and [`MATH_PAIR_IDIOMS`] over the parameters, with the `math`
/// module bound as `module` (the program imports it: a stub's body cannot).
pub(super) fn math_idioms(module: &str, params: &[&str]) -> Vec<String> {
    let mut exprs = Vec::new();
    for &p in params {
        exprs.extend(MATH_IDIOMS.iter().map(|t| substitute(t, &[("p", p), ("M", module)])));
    }
    let paired = &params[..params.len().min(PAIRED_PARAMETERS)];
    for &p in paired {
        for &q in paired.iter().filter(|&&q| q != p) {
            exprs.extend(MATH_PAIR_IDIOMS.iter().map(|t| substitute(t, &[("p", p), ("q", q), ("M", module)])));
        }
    }
    exprs.into_iter().map(|e| format!("return {e}")).collect()
}

/// Recursive definitions of a function `f` of one number `p`: a base case, then the step (factorials, sums down
/// to 0 by ones and twos, Fibonacci's and Pell's recurrences, harmonic sums, digit sums, doublings).
const RECURSIVE_IDIOMS: [&str; 9] = [
    "1 if p < 2 else p * f(p - 1)",
    "p if p < 2 else f(p - 1) + f(p - 2)",
    "0 if p < 1 else p + f(p - 1)",
    "0 if p < 1 else p + f(p - 2)",
    "1 if p < 2 else 1 / p + f(p - 1)",
    "0 if p == 0 else p % 10 + f(p // 10)",
    "1 if p == 0 else 2 * f(p - 1)",
    "p if p < 2 else 2 * f(p - 1) + f(p - 2)",
    "2 if p == 0 else 1 if p == 1 else f(p - 1) + f(p - 2)",
];

/// `return E` for the recursive definitions of [`RECURSIVE_IDIOMS`], for a function `name` of one parameter.
pub(super) fn recursive_idioms(name: &str, params: &[&str]) -> Vec<String> {
    let [p] = params else { return Vec::new() };
    RECURSIVE_IDIOMS.iter().map(|t| format!("return {}", substitute(t, &[("p", p), ("f", name)]))).collect()
}

/// Replaces whole-word placeholders (`p`, `q`) in an idiom template by names.
fn substitute(template: &str, names: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let w = std::mem::take(word);
        out.push_str(names.iter().find(|(k, _)| *k == w).map_or(w.as_str(), |(_, v)| v));
    };
    let mut in_string = false;
    for c in template.chars() {
        if c == '\'' {
            in_string = !in_string;
        }
        if !in_string && (c.is_alphanumeric() || c == '_') {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Wrappings of a returned expression `text` of node kind `kind` (see the module doc).
pub(super) fn wrappings(text: &str, kind: &str, params: &[&str]) -> Vec<String> {
    let e = if is_primary(kind) { text.to_string() } else { format!("({text})") };
    let mut out = vec![
        format!("-{e}"),
        format!("not {e}"),
        format!("abs({text})"),
        format!("{e} == 0"),
        format!("{e} > 0"),
        format!("{e} < 0"),
        format!("{e} + 1"),
        format!("{e} - 1"),
        format!("{e} * 2"),
        format!("{e} / 2"),
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
    fn names_and_docstrings_cue_the_code_they_name() {
        let markers = |src: &str| {
            let tree = parse(src);
            let function = tree.children(0).next().expect("a definition");
            cue_markers(&tree, function, true)
        };
        assert_eq!(markers("def double(x):\n    pass\n"), ["* 2"]);
        assert_eq!(markers("def isEven(n):\n    pass\n"), ["% 2 == 0"]);
        let doc = markers("def pick(xs):\n    \"\"\"Return the largest of the squares.\"\"\"\n    pass\n");
        assert_eq!(doc, ["max(", "reverse=True)", "** 2"]);
        // Element by element: "element-wise" and "corresponding" name `zip(`, a comparison's word its operator.
        let doc = markers("def sub(a, b):\n    \"\"\"Subtract two lists element-wise.\"\"\"\n    pass\n");
        assert_eq!(doc, [" - ", "zip("]);
        let doc =
            markers("def check(a, b):\n    \"\"\"Is each item smaller than its corresponding item?\"\"\"\n    pass\n");
        assert_eq!(doc, [" < ", "zip("]);
        // Words that name no operation cue nothing: the enumeration keeps its blind order.
        assert!(markers("def f(a, b):\n    \"\"\"Frobnicate them.\"\"\"\n    pass\n").is_empty());
    }

    #[test]
    fn parameters_of_every_form() {
        let tree = parse("def f(self, a, /, b: int, c=1, d: str = 'x', *rest: int, e=2, **kw):\n    pass\n");
        let function = tree.children(0).next().expect("a definition");
        assert_eq!(parameters(&tree, function), ["a", "b", "c", "d", "e"]);
    }

    #[test]
    fn a_stub_is_a_lone_pass_a_docstring_aside() {
        // The parameters of the stub's own function.
        let stub = |src: &str| {
            let tree = parse(src);
            (0..tree.nodes().len() as NodeId)
                .find_map(|id| stub_function(&tree, id))
                .map(|f| parameters(&tree, f).join(","))
        };
        assert_eq!(stub("def f(x):\n    pass\n").as_deref(), Some("x"));
        assert_eq!(stub("def f(x):\n    \"\"\"Doc.\"\"\" \"More.\"\n    pass\n").as_deref(), Some("x"));
        assert_eq!(stub("def f(x):\n    def g(y):\n        pass\n    return g\n").as_deref(), Some("y"));
        assert_eq!(stub("class C:\n    def m(self, a, *, b):\n        pass\n").as_deref(), Some("a,b"));
        assert_eq!(stub("def f(x):\n    y = x\n    pass\n"), None);
        assert_eq!(stub("def f(x):\n    if x:\n        pass\n    return x\n"), None);
    }

    #[test]
    fn small_bodies_are_enumerated_once() {
        let returns = stub_returns(&["a", "b"], &[]);
        for want in ["return a + b", "return b + a", "return b - a", "return a * a", "return max(a, b)", "return -a"] {
            assert!(returns.iter().any(|r| r == want), "{want} missing");
        }
        for unwanted in ["return b * a", "return a - a", "return a * 1", "return a // 0", "return a > b"] {
            assert!(!returns.iter().any(|r| r == unwanted), "{unwanted} enumerated");
        }
        let unique: std::collections::HashSet<_> = returns.iter().collect();
        assert_eq!(unique.len(), returns.len());
        // Pairs only among the first parameters: the menu grows linearly beyond them.
        let six = stub_returns(&["a", "b", "c", "d", "e", "f"], &[]).len();
        let eight = stub_returns(&["a", "b", "c", "d", "e", "f", "g", "h"], &[]).len();
        assert!(six < 400 && eight - six == six - stub_returns(&["a", "b", "c", "d"], &[]).len(), "{six} {eight}");
        assert!(wrappings("x % 2", "binary_operator", &["x"]).contains(&"(x % 2) == 0".to_string()));
        // A statement's values: a pair's distance and extremes in the names' order, each value once, linear growth.
        let values = assigned_values(&["a", "b", "c"]);
        for want in ["abs(a - b)", "max(a, b)", "b // a", "len(c)", "c - 1"] {
            assert!(values.iter().any(|v| v == want), "{want} missing");
        }
        assert!(!values.iter().any(|v| v == "max(b, a)" || v == "abs(b - a)"));
        assert_eq!(values.iter().collect::<std::collections::HashSet<_>>().len(), values.len());
        let (four, six) =
            (assigned_values(&["a", "b", "c", "d"]).len(), assigned_values(&["a", "b", "c", "d", "e", "f"]).len());
        assert!(four < 150 && six - four == 2 * 10, "{four} {six}");
        // Idioms: whole words substituted, strings left alone, the comprehension variable never a parameter.
        let offers = |params: &[&str], wants: &[&str]| {
            let idioms = stub_idioms(params);
            for want in wants {
                assert!(idioms.iter().any(|r| r == want), "{want} missing");
            }
            idioms
        };
        let idioms = offers(
            &["x", "sep"],
            &[
                "return [v for v in x if v % 2 == 0]",
                "return sum(1 for v in x if v.lower() in 'aeiou')",
                "return sep.join(x)",
                "return x.count(sep)",
                "return [v for v in x if sep in v]",
                "return ' '.join(x.split()[::-1])",
                "return all(a <= b for a, b in zip(x, x[1:]))",
            ],
        );
        assert!(idioms.iter().all(|r| !r.contains("for x in")), "x is a parameter");
        // Neighbours and first finds name their variables apart from the parameters too.
        offers(
            &["a", "i"],
            &[
                "return sum(1 for left, right in zip(a, a[1:]) if left * right < 0)",
                "return next((x for k, x in enumerate(a) if x in a[:k]), None)",
                "return ''.join(x for k, x in enumerate(i) if k == 0 or x != i[k - 1])",
                "return next((k for k, x in enumerate(a) if x > 0), -1)",
            ],
        );
        // Three parameters: 1,076 idioms (six ordered pairs of pair and element-wise idioms among them).
        let n = stub_idioms(&["a", "b", "c"]).len();
        assert!(n <= 1076, "{n}");
        for idiom in stub_idioms(&["xs", "n", "s"]) {
            let tree = parse(format!("def f(xs, n, s):\n    {idiom}\n"));
            assert!(!tree.has_error(), "{idiom}");
        }
        assert!(wrappings("min(x, hi)", "call", &["x", "lo", "hi"]).contains(&"max(lo, min(x, hi))".to_string()));
        offers(
            &["words", "n"],
            &[
                "return {v: k for k, v in words.items()}",
                "return {x: words.count(x) for x in words}",
                "return sum(1 for x in words if len(x) > n)",
                "return [words[i:i + n] for i in range(0, len(words), n)]",
                "return max(len(n), len(words))",
                "return min(len(x) for x in words)",
                "return max(words, key=len)",
            ],
        );
        // Cut, rotated, counted, ranged, flattened, one level down.
        offers(
            &["xs", "n"],
            &[
                "return xs[n:] + xs[:n]",
                "return xs[:n - 1] + xs[n:]",
                "return sum(1 for x in xs if n in x)",
                "return [x[-1] for x in xs]",
                "return [y for x in xs for y in x]",
                "return any(xs[i:i + len(n)] == n for i in range(len(xs) - len(n) + 1))",
                "return sum(range(xs, n + 1))",
            ],
        );
        offers(&["x", "y"], &["return tuple(tuple(a + b for a, b in zip(v, w)) for v, w in zip(x, y))"]);
        // Recurrences of a function of one number, under its own name.
        let recursive = recursive_idioms("fib", &["k"]);
        assert!(recursive.contains(&"return k if k < 2 else fib(k - 1) + fib(k - 2)".to_string()));
        assert!(recursive_idioms("g", &["a", "b"]).is_empty());
        // Formulas with the math module under the name the program binds.
        let formulas = math_idioms("m", &["r", "h"]);
        for want in ["return m.pi * r ** 2 * h / 3", "return m.sqrt(h ** 2 + r ** 2)", "return m.factorial(h)"] {
            assert!(formulas.iter().any(|f| f == want), "{want} missing");
        }
        // Two sequences element by element, in both orders.
        offers(
            &["a", "b"],
            &[
                "return [left - right for left, right in zip(a, b)]",
                "return [left - right for left, right in zip(b, a)]",
                "return sum(left == right for left, right in zip(a, b))",
                "return all(left > right for left, right in zip(b, a))",
                "return tuple(list(a) + list(b))",
            ],
        );
    }

    #[test]
    fn a_docstrings_numbers_are_the_stubs_constants() {
        let constants = |doc: &str| {
            let tree = parse(format!("def f(m):\n    \"\"\"{doc}\"\"\"\n    pass\n"));
            let function = tree.children(0).next().expect("a definition");
            spec_constants(&tree, function)
        };
        assert_eq!(constants("Hours and minutes: 60 to the hour, 1.5 is 90."), ["60", "1.5", "90"]);
        assert_eq!(
            constants("Cold below 10, hot from 25. Not x2, not 007, not 2 or 1.2.3; 0.5 is."),
            ["10", "25", "0.5"]
        );
        assert_eq!(constants("1 2 3 4 5 6 7 8"), ["3", "4", "5", "6"]);
        // Numbers named in words come after the digits.
        assert_eq!(constants("Split minutes into (hours, minutes left over)."), ["60"]);
        assert_eq!(constants("Round to 3 places; as a percentage."), ["3", "100"]);
        assert_eq!(constants("Tens of items, often."), ["10"]);
        assert!(stub_returns(&["m"], &["60".into()]).contains(&"return divmod(m, 60)".to_string()));
        let tree = parse("def f(m):\n    pass\n");
        assert!(spec_constants(&tree, tree.children(0).next().unwrap()).is_empty());
    }
}
