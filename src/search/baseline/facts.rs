//! What the tests and the file around the program tell the menus: the tests' strings and examples, and the
//! standard modules in scope ([`TestFacts`], [`STANDARD_MODULES`]).

use super::*;

/// What the menus take from the tests besides running them: the strings the program lacks ([`test_strings`]) and
/// the numeric examples a stub's formula is fitted to (`examples::numeric_examples`); and from the file around the
/// program, the standard modules it imports ([`TestFacts::importing`]).
#[derive(Debug, Clone, Default)]
pub struct TestFacts {
    pub strings: Vec<String>,
    /// The punctuation of the tests' strings the program has no one-character string of ([`test_punctuation`]).
    pub punctuation: Vec<char>,
    pub examples: Vec<examples::Example>,
    pub labelled: Vec<examples::Labelled>,
    /// What the tests state of their calls' arguments and results (`examples::expected_calls`).
    pub expected: Vec<examples::Expected>,
    /// The standard modules the file around the program imports whole, by the name it binds (`imported_modules`).
    pub modules: Vec<(String, &'static str)>,
    /// The exceptions of [`EXCEPTIONS`] the tests name (`pytest.raises(IndexError)`).
    pub exceptions: Vec<&'static str>,
    /// The exception classes the file before the program defines ([`program_exceptions`]), raised or caught.
    pub exception_classes: Vec<String>,
}

impl TestFacts {
    pub fn of(tests: &Tests, program: &Tree) -> TestFacts {
        TestFacts {
            strings: test_strings(tests, program),
            punctuation: test_punctuation(tests, program),
            examples: examples::numeric_examples(tests),
            labelled: examples::labelled_examples(tests),
            expected: examples::expected_calls(tests),
            modules: Vec::new(),
            exceptions: EXCEPTIONS
                .iter()
                .copied()
                .filter(|e| tests.sources().iter().any(|source| syntax::mentions(source, e)))
                .collect(),
            exception_classes: Vec::new(),
        }
    }

    /// With the standard modules `context` (the file before the program) imports, and the exception classes it
    /// defines.
    pub fn importing(mut self, context: &str) -> TestFacts {
        let tree = syntax::parse(context);
        self.modules = imported_modules(&tree);
        self.exception_classes = program_exceptions(&tree).into_iter().map(String::from).collect();
        self
    }
}

/// The exception classes the program defines: classes whose name ends in `Error` or `Exception`, or whose bases
/// do (`class InsufficientFunds(BankError)`).
pub(super) fn program_exceptions(tree: &Tree) -> Vec<&str> {
    let exceptional = |t: &str| t.ends_with("Error") || t.ends_with("Exception");
    (0..tree.nodes().len() as NodeId)
        .filter(|&id| tree.node(id).kind == "class_definition")
        .filter_map(|id| {
            let field = |f: &str| tree.children(id).find(|&c| tree.node(c).field == Some(f));
            let name = tree.text(tree.node(field("name")?).span);
            let bases = field("superclasses").map(|b| tree.named_children(b).collect::<Vec<_>>()).unwrap_or_default();
            (exceptional(name) || bases.iter().any(|&b| exceptional(tree.text(tree.node(b).span)))).then_some(name)
        })
        .collect()
}

/// The modules of [`STANDARD_MODULES`] a program imports whole (`import re`, `import math as m`), each with the name
/// it binds.
pub(super) fn imported_modules(tree: &Tree) -> Vec<(String, &'static str)> {
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
pub(super) fn modules_in_scope(tree: &Tree, facts: &TestFacts) -> Vec<(String, &'static str)> {
    facts.modules.iter().cloned().chain(imported_modules(tree)).collect()
}

/// Each function of each module, called as the program would call it (`re.search`, `m.sqrt`).
pub(super) fn module_callees<'m>(modules: &'m [(String, &'static str)]) -> impl Iterator<Item = String> + 'm {
    modules.iter().flat_map(|(bound, module)| module_functions(module).iter().map(move |f| format!("{bound}.{f}")))
}

/// Test strings at most: a test file's inputs and expected outputs can hold many.
pub(super) const MAX_TEST_STRINGS: usize = 12;
/// Bytes of a test string at most (its quotes included).
pub(super) const MAX_TEST_STRING_CHARS: usize = 32;

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
            let plain = is_value_string(&tree, id) && text.len() <= MAX_TEST_STRING_CHARS && !text.contains('\n');
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

/// Punctuation characters at most in [`test_punctuation`].
pub(super) const MAX_TEST_PUNCTUATION: usize = 8;

/// The ASCII punctuation in the tests' string literals (not quotes or backslashes) that no one-character string of
/// `program` holds, in order of first appearance (at most `MAX_TEST_PUNCTUATION`): what a character the function
/// looks for may have been meant to be (`'('` where the tests' inputs are `'[[]]'`).
pub fn test_punctuation(tests: &Tests, program: &Tree) -> Vec<char> {
    let one_char = |tree: &Tree, id: NodeId| {
        let text = tree.text(tree.node(id).span);
        let mut chars = text.chars();
        match (chars.next(), chars.next(), chars.next(), chars.next()) {
            (Some(q), Some(c), Some(r), None) if q == r && matches!(q, '\'' | '"') => Some(c),
            _ => None,
        }
    };
    let mut seen: HashSet<char> = (0..program.nodes().len() as NodeId)
        .filter(|&id| program.node(id).kind == "string")
        .filter_map(|id| one_char(program, id))
        .chain(['\'', '"', '\\'])
        .collect();
    let mut out = Vec::new();
    for source in tests.sources() {
        let tree = syntax::parse(source);
        for id in (0..tree.nodes().len() as NodeId).filter(|&id| tree.node(id).kind == "string") {
            // Not an assert's message (HumanEval's "This prints if this assert fails 1 (good for debugging!)").
            let message = tree
                .node(id)
                .parent
                .is_some_and(|p| tree.node(p).kind == "assert_statement" && tree.named_children(p).next() != Some(id));
            if !is_value_string(&tree, id) || message {
                continue;
            }
            for c in tree.text(tree.node(id).span).chars().filter(char::is_ascii_punctuation) {
                if seen.insert(c) {
                    out.push(c);
                    if out.len() == MAX_TEST_PUNCTUATION {
                        return out;
                    }
                }
            }
        }
    }
    out
}

/// Is the tests' string a value they pass or expect: not an f-string (which names the tests' own variables), a
/// docstring, nor a `parametrize`'s names?
fn is_value_string(tree: &Tree, id: NodeId) -> bool {
    !tree.children(id).any(|c| tree.node(c).kind == "interpolation")
        && !tree.node(id).parent.is_some_and(|p| tree.is_docstring(p))
        && !names_parameters(tree, id)
}

/// Is the string the names of a `@pytest.mark.parametrize("a,b,expected", …)`? Those are the tests' own names.
pub(super) fn names_parameters(tree: &Tree, string: NodeId) -> bool {
    let Some(args) = tree.node(string).parent.filter(|&p| tree.node(p).kind == "argument_list") else {
        return false;
    };
    let first = tree.children(args).find(|&c| tree.node(c).named && !tree.node(c).extra);
    let function =
        tree.node(args).parent.and_then(|c| tree.children(c).find(|&f| tree.node(f).field == Some("function")));
    first == Some(string) && function.is_some_and(|f| tree.text(tree.node(f).span).ends_with("parametrize"))
}

/// A name, call, attribute or subscript of one line and few leaves: a value a bound or a conversion may be added to.
pub(super) fn is_small_value(node: &syntax::Node, text: &str) -> bool {
    matches!(node.kind, "identifier" | "call" | "attribute" | "subscript")
        && node.leaves <= MAX_SITE_LEAVES
        && !text.contains('\n')
}

/// A standard module small functions use: its public functions (and classes called like them), from CPython 3.11's
/// `dir` (what a misspelt or grafted attribute of the module may have been), and the names it is known for (what a
/// function may use without importing it: `Counter`, `gcd`). A table, not a probe: the menu is built without running
/// Python.
pub(super) struct StandardModule {
    pub(super) name: &'static str,
    pub(super) functions: &'static [&'static str],
    known_for: &'static [&'static str],
}

pub(super) const fn module(
    name: &'static str,
    functions: &'static [&'static str],
    known_for: &'static [&'static str],
) -> StandardModule {
    StandardModule { name, functions, known_for }
}

#[rustfmt::skip]
pub(super) const STANDARD_MODULES: [StandardModule; 21] = [
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

pub(super) fn module_functions(name: &str) -> &'static [&'static str] {
    STANDARD_MODULES.iter().find(|m| m.name == name).map_or(&[], |m| m.functions)
}

/// The import that binds a name of the standard library a function may use without importing it: a module of
/// [`STANDARD_MODULES`] (`math`) or a name a module is known for (`Counter`).
pub(super) fn import_of(name: &str) -> Option<String> {
    if STANDARD_MODULES.iter().any(|m| m.name == name) {
        return Some(format!("import {name}"));
    }
    let module = STANDARD_MODULES.iter().find(|m| m.known_for.contains(&name))?;
    Some(format!("from {} import {name}", module.name))
}
