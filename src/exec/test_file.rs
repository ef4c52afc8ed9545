//! Reading a user's test file into [`Tests`]: what `kelp repair --tests` and `kelp test` accept.
//!
//! Three shapes, tried in this order:
//! - a file defining `check(candidate)` is HumanEval-style: each statement of its body that asserts is one test
//!   ([`split_check`]; [`Tests::Asserts`]), or, when the body cannot be cut so, the whole check is one test
//!   ([`Tests::Check`]);
//! - a file of one-line top-level `assert` statements and nothing else is one test per assert
//!   ([`Tests::Asserts`], as the corpus stores tests);
//! - anything else is read as a pytest or unittest module ([`Tests::Suite`]): each top-level assert, each
//!   `test_*` function (each parameter set of a literal `@pytest.mark.parametrize` list) and each `test_*` method
//!   of a `Test*` class or `unittest.TestCase` subclass (directly or through a class of the file) is one test,
//!   inherited methods included (once per class that runs them, as unittest does); the rest of the file (imports, helpers, fixtures, constants) runs once before them.
//!
//! Tests that need what the sandbox cannot give (a pytest fixture the file does not define, `async def`) are left
//! out and listed in [`TestFile::skipped`], so the caller can say so rather than fail them on every candidate; so
//! are tests and parameter sets marked skip or as expected failures (`xfail`, `expectedFailure`), which say nothing
//! about whether the program is right.
use crate::syntax::{self, NodeId, Tree};

use super::{TestCase, Tests};

/// A parsed test file.
#[derive(Debug, Clone, PartialEq)]
pub struct TestFile {
    pub tests: Tests,
    /// Tests left out, each with why.
    pub skipped: Vec<String>,
}

/// Why a test file could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TestFileError {
    #[error("the test file does not parse as Python (syntax error at line {line})")]
    Syntax { line: usize },
    #[error(
        "no tests found: expected top-level `assert` lines, `test_*` functions, a `unittest.TestCase` class or a \
         `def check(candidate):` function{}",
        skipped_note(.skipped)
    )]
    NoTests { skipped: Vec<String> },
    #[error("the program defines no function to pass to check(); name the entry point")]
    NoEntryPoint,
    #[error("the program defines several functions ({}); name the one check() receives", .0.join(", "))]
    SeveralEntryPoints(Vec<String>),
}

fn skipped_note(skipped: &[String]) -> String {
    if skipped.is_empty() { String::new() } else { format!(" (left out: {})", skipped.join("; ")) }
}

/// Reads `source`, a test file for `program`. `entry_point` names the function a `check(candidate)` receives
/// (default: the program's only top-level function).
pub fn parse_test_file(source: &str, program: &str, entry_point: Option<&str>) -> Result<TestFile, TestFileError> {
    let tree = syntax::parse(source);
    if let Some(span) = tree.error_span() {
        return Err(TestFileError::Syntax { line: tree.line_of(span.start as usize) });
    }
    let top: Vec<NodeId> = statements(&tree, 0).collect();
    if top.iter().any(|&s| definition_name(&tree, s).is_some_and(|(kind, name)| kind == "function" && name == "check"))
    {
        let entry_point = match entry_point {
            Some(name) => name.to_string(),
            None => {
                let program_tree = syntax::parse(program);
                let functions: Vec<String> = statements(&program_tree, 0)
                    .filter_map(|s| definition_name(&program_tree, s))
                    .filter(|(kind, _)| *kind == "function")
                    .map(|(_, name)| name.to_string())
                    .collect();
                match functions.as_slice() {
                    [one] => one.clone(),
                    [] => return Err(TestFileError::NoEntryPoint),
                    many => return Err(TestFileError::SeveralEntryPoints(many.to_vec())),
                }
            }
        };
        let tests = match split_check(source, &entry_point) {
            Some(asserts) => Tests::Asserts(asserts),
            None => Tests::Check { source: source.to_string(), entry_point },
        };
        return Ok(TestFile { tests, skipped: Vec::new() });
    }

    let kind = |s: NodeId| tree.node(s).kind;
    let asserts_only =
        !top.is_empty() && top.iter().all(|&s| kind(s) == "assert_statement" && !text(&tree, s).contains('\n'));
    if asserts_only {
        let lines = top.iter().map(|&s| text(&tree, s).to_string()).collect();
        return Ok(TestFile { tests: Tests::Asserts(lines), skipped: Vec::new() });
    }

    let fixtures = fixture_names(&tree, &top);
    let test_classes = test_classes(&tree, &top);
    let mut cases = Vec::new();
    let mut skipped = Vec::new();
    let mut modules = Vec::new();
    let mut setup = String::new();
    let mut copied = 0;
    for &s in &top {
        match kind(s) {
            "assert_statement" => {
                // Out of the setup, into the cases: `pass` and its newlines keep the file's line numbers.
                let span = tree.node(s).span;
                setup.push_str(&source[copied..span.start as usize]);
                setup.push_str("pass");
                setup.extend(std::iter::repeat_n('\n', text(&tree, s).matches('\n').count()));
                copied = span.end as usize;
                let code = text(&tree, s).to_string();
                cases.push(TestCase { name: code.split_whitespace().collect::<Vec<_>>().join(" "), code });
            }
            // `pytest` is the worker's stand-in, never the program.
            "import_statement" | "import_from_statement" => {
                modules.extend(imported_modules(&tree, s).into_iter().filter(|m| m != "pytest"))
            }
            // A script's `if __name__ == "__main__":` block never runs in the tests' namespace; its asserts are
            // tests all the same.
            "if_statement" if is_main_guard(&tree, s) => {
                let Some(block) = tree.children(s).find(|&c| tree.node(c).field == Some("consequence")) else {
                    continue;
                };
                for statement in statements(&tree, block).filter(|&c| kind(c) == "assert_statement") {
                    let code = text(&tree, statement).to_string();
                    if !code.contains('\n') {
                        cases.push(TestCase { name: code.clone(), code });
                    }
                }
            }
            _ => match definition_name(&tree, s) {
                Some(("function", name)) if name.starts_with("test") => {
                    function_cases(&tree, s, name, None, &fixtures, &mut cases, &mut skipped)
                }
                Some(("class", name)) if test_classes.contains(&name) => {
                    // A class marked skip or as an expected failure leaves out every test it holds.
                    if let Some(why) = left_out_by_decorators(&tree, s) {
                        skipped.push(format!("{name} ({why})"));
                        continue;
                    }
                    for (method, m) in test_methods(&tree, s, &top) {
                        function_cases(&tree, method, m, Some(name), &fixtures, &mut cases, &mut skipped);
                    }
                }
                _ => {}
            },
        }
    }
    setup.push_str(&source[copied..]);
    if cases.is_empty() {
        return Err(TestFileError::NoTests { skipped });
    }
    let mut seen = std::collections::HashSet::new();
    modules.retain(|m| seen.insert(m.clone()));
    Ok(TestFile { tests: Tests::Suite { setup, cases, modules, module: None, sources: Default::default() }, skipped })
}

/// Most modules [`local_modules`] ships, and the largest source it reads.
const MAX_LOCAL_MODULES: usize = 32;
const MAX_LOCAL_MODULE_BYTES: u64 = 1 << 20;

/// The user's own modules that `sources` import, directly or through each other: `NAME.py` in one of `dirs`
/// (in order), for every `import NAME…` / `from NAME… import` anywhere in them, `exclude` (the program's own
/// module) aside. The sandbox cannot see the user's files, so they travel with the tests ([`Tests::with_sources`]).
/// Packages (`NAME/__init__.py`) are not shipped.
pub fn local_modules(
    dirs: &[&std::path::Path],
    sources: &[&str],
    exclude: Option<&str>,
) -> std::collections::BTreeMap<String, String> {
    let mut found = std::collections::BTreeMap::new();
    let mut queue: Vec<String> = sources.iter().map(|s| s.to_string()).collect();
    while let Some(source) = queue.pop() {
        let tree = syntax::parse(source.as_str());
        let imports = (0..tree.nodes().len() as NodeId)
            .filter(|&id| matches!(tree.node(id).kind, "import_statement" | "import_from_statement"))
            .flat_map(|id| imported_modules(&tree, id));
        for module in imports {
            let name = module.split('.').next().unwrap_or_default().to_string();
            if found.contains_key(&name) || Some(name.as_str()) == exclude || found.len() >= MAX_LOCAL_MODULES {
                continue;
            }
            let file = dirs.iter().map(|d| d.join(format!("{name}.py"))).find(|f| f.is_file());
            let Some(file) = file else { continue };
            if std::fs::metadata(&file).map_or(true, |m| m.len() > MAX_LOCAL_MODULE_BYTES) {
                continue;
            }
            if let Ok(text) = std::fs::read_to_string(&file) {
                let text = syntax::without_bom(text);
                queue.push(text.clone());
                found.insert(name, text);
            }
        }
    }
    found
}

/// `if __name__ == "__main__":` (either quote, either order).
fn is_main_guard(tree: &Tree, statement: NodeId) -> bool {
    let Some(condition) = tree.children(statement).find(|&c| tree.node(c).field == Some("condition")) else {
        return false;
    };
    let condition: String =
        text(tree, condition).chars().filter(|c| !c.is_whitespace()).collect::<String>().replace('\'', "\"");
    condition == "__name__==\"__main__\"" || condition == "\"__main__\"==__name__"
}

/// The cases of one test function (or method of class `owner`): one per parameter set when the parameters are a
/// literal list, else one that runs them all.
fn function_cases(
    tree: &Tree,
    statement: NodeId,
    name: &str,
    owner: Option<&str>,
    fixtures: &[String],
    cases: &mut Vec<TestCase>,
    skipped: &mut Vec<String>,
) {
    let function = tree.undecorated(statement);
    let full = owner.map_or(name.to_string(), |o| format!("{o}.{name}"));
    if tree.children(function).any(|c| tree.node(c).kind == "async") {
        skipped.push(format!("{full} (async def)"));
        return;
    }
    if let Some(why) = left_out_by_decorators(tree, statement) {
        skipped.push(format!("{full} ({why})"));
        return;
    }
    let (params, rows) = parametrized(tree, statement);
    let mut arguments = parameter_names(tree, function);
    if owner.is_some() && !arguments.is_empty() {
        arguments.remove(0); // self
    }
    if let Some(missing) = arguments.iter().find(|a| !params.contains(a) && !fixtures.contains(a)) {
        skipped.push(format!("{full} (needs the pytest fixture `{missing}`, which the file does not define)"));
        return;
    }
    let call = |index: &str| match owner {
        Some(o) => format!("__kelp_method__({o}, {name:?}, {index})"),
        None => format!("__kelp_case__({name}, {index})"),
    };
    match rows {
        Some(rows) if rows.is_empty() => skipped.push(format!("{full} (an empty parameter list)")),
        Some(rows) if rows.len() > 1 || rows[0].is_some() => {
            for (i, row) in rows.into_iter().enumerate() {
                match row {
                    Some(why) => skipped.push(format!("{full}[{i}] ({why})")),
                    None => cases.push(TestCase { name: format!("{full}[{i}]"), code: call(&i.to_string()) }),
                }
            }
        }
        _ => cases.push(TestCase { name: full, code: call("None") }),
    }
}

/// The argument names of a test's `@…parametrize` decorators and the parameter sets they make, in the worker's
/// order (the top decorator's rows vary slowest), each with why it is left out (`None`: it runs). The sets are
/// `None` when a list is not a literal the file spells out.
fn parametrized(tree: &Tree, statement: NodeId) -> (Vec<String>, Option<Vec<Option<&'static str>>>) {
    let mut names = Vec::new();
    let mut rows: Option<Vec<Option<&'static str>>> = Some(vec![None]);
    for decorator in tree.children(statement).filter(|&c| tree.node(c).kind == "decorator") {
        let Some(call) = tree.children(decorator).find(|&c| tree.node(c).kind == "call") else { continue };
        let Some(function) = tree.children(call).find(|&c| tree.node(c).field == Some("function")) else { continue };
        if !text(tree, function).ends_with("parametrize") {
            continue;
        }
        let Some(args) = tree.children(call).find(|&c| tree.node(c).field == Some("arguments")) else { continue };
        let mut positional = Vec::new();
        let (mut arg_names, mut arg_values) = (None, None);
        for arg in statements(tree, args) {
            if tree.node(arg).kind == "keyword_argument" {
                let key = tree.children(arg).find(|&c| tree.node(c).field == Some("name")).map(|c| text(tree, c));
                let value = tree.children(arg).find(|&c| tree.node(c).field == Some("value"));
                match key {
                    Some("argnames") => arg_names = value,
                    Some("argvalues") => arg_values = value,
                    _ => {}
                }
            } else {
                positional.push(arg);
            }
        }
        let arg_names = arg_names.or(positional.first().copied());
        let arg_values = arg_values.or(positional.get(1).copied());
        if let Some(n) = arg_names {
            names.extend(string_items(tree, n));
        }
        let these: Option<Vec<Option<&'static str>>> = arg_values
            .filter(|&v| matches!(tree.node(v).kind, "list" | "tuple"))
            .map(|v| statements(tree, v).map(|row| row_left_out(tree, row)).collect());
        rows = match (rows, these) {
            (Some(outer), Some(inner)) => {
                Some(outer.iter().flat_map(|o| inner.iter().map(move |i| o.or(*i))).collect())
            }
            _ => None,
        };
    }
    (names, rows)
}

/// The names in a parametrize argnames: `"a, b"` or `["a", "b"]`.
fn string_items(tree: &Tree, node: NodeId) -> Vec<String> {
    let strings: Vec<NodeId> = if tree.node(node).kind == "string" {
        vec![node]
    } else {
        statements(tree, node).filter(|&c| tree.node(c).kind == "string").collect()
    };
    strings
        .into_iter()
        .flat_map(|s| {
            let t = text(tree, s).trim_matches(|c| c == '"' || c == '\'');
            t.split(',').map(|n| n.trim().to_string()).filter(|n| !n.is_empty()).collect::<Vec<_>>()
        })
        .collect()
}

/// Names of the fixtures the file defines (functions decorated with `…fixture`, called or not).
fn fixture_names(tree: &Tree, top: &[NodeId]) -> Vec<String> {
    top.iter()
        .filter(|&&s| {
            tree.children(s).any(|c| {
                tree.node(c).kind == "decorator" && {
                    let t = text(tree, c).trim_start_matches('@');
                    let head = t.split('(').next().unwrap_or("");
                    head == "fixture" || head.ends_with(".fixture")
                }
            })
        })
        .filter_map(|&s| definition_name(tree, s).map(|(_, name)| name.to_string()))
        .collect()
}

/// The file's test classes: `Test*` classes (pytest's convention), classes deriving from something named
/// `…TestCase`, and classes deriving from a test class of the file (`class Edge(BaseCase)` with
/// `class BaseCase(unittest.TestCase)`), in file order.
fn test_classes<'t>(tree: &'t Tree, top: &[NodeId]) -> Vec<&'t str> {
    let mut found: Vec<&str> = Vec::new();
    for &s in top {
        let Some(("class", name)) = definition_name(tree, s) else { continue };
        if name.starts_with("Test") || bases(tree, s).any(|b| b.contains("TestCase") || found.contains(&b)) {
            found.push(name);
        }
    }
    found
}

/// The superclasses a class statement names, as written (`unittest.TestCase`, `Base`).
fn bases<'t>(tree: &'t Tree, class: NodeId) -> impl Iterator<Item = &'t str> + 't {
    tree.children(tree.undecorated(class))
        .filter(|&c| tree.node(c).field == Some("superclasses"))
        .flat_map(|b| statements(tree, b))
        .map(|b| text(tree, b))
}

/// The `test*` methods a test class runs, as unittest and pytest find them: its own, then those it inherits from
/// the file's classes (a base test class, or a mixin that is no test class itself: `class TestA(Checks,
/// unittest.TestCase)`), base by base, each name once (a method overrides the ones it shadows).
fn test_methods<'t>(tree: &'t Tree, class: NodeId, top: &[NodeId]) -> Vec<(NodeId, &'t str)> {
    let mut found: Vec<(NodeId, &str)> = Vec::new();
    let mut visited = Vec::new();
    let mut queue = vec![class];
    while let Some(c) = queue.pop() {
        if visited.contains(&c) {
            continue; // a diamond, or a class naming itself
        }
        visited.push(c);
        for method in statements(tree, body(tree, tree.undecorated(c))) {
            if let Some(("function", m)) = definition_name(tree, method)
                && m.starts_with("test")
                && !found.iter().any(|&(_, f)| f == m)
            {
                found.push((method, m));
            }
        }
        // Depth first, left base first: the order of Python's MRO for the hierarchies tests use.
        let in_file: Vec<NodeId> = bases(tree, c)
            .filter_map(|b| top.iter().copied().find(|&s| definition_name(tree, s) == Some(("class", b))))
            .collect();
        queue.extend(in_file.into_iter().rev());
    }
    found
}

/// Why a mark leaves its test out, if it does: skip (`pytest.mark.skip`, `unittest.skip(…)`; not their conditional
/// kinds, which the worker evaluates) or an expected failure (`pytest.mark.xfail`, `unittest.expectedFailure`),
/// which says nothing about whether the function is right. `mark` is its text, with or without `@` and arguments.
fn mark_leaves_out(mark: &str) -> Option<&'static str> {
    let head = mark.trim_start_matches('@').split('(').next().unwrap_or("").trim();
    match head.rsplit('.').next().unwrap_or(head) {
        "skip" => Some("marked skip"),
        "xfail" | "expectedFailure" => Some("marked as an expected failure"),
        _ => None,
    }
}

/// Why a definition's decorators leave it out ([`mark_leaves_out`]), if they do.
fn left_out_by_decorators(tree: &Tree, statement: NodeId) -> Option<&'static str> {
    tree.children(statement).filter(|&c| tree.node(c).kind == "decorator").find_map(|d| mark_leaves_out(text(tree, d)))
}

/// Whether a parameter set is a `pytest.param(…, marks=…)` whose marks leave it out ([`mark_leaves_out`]).
fn row_left_out(tree: &Tree, row: NodeId) -> Option<&'static str> {
    if tree.node(row).kind != "call" {
        return None;
    }
    let function = tree.children(row).find(|&c| tree.node(c).field == Some("function"))?;
    if !text(tree, function).ends_with("param") {
        return None;
    }
    let args = tree.children(row).find(|&c| tree.node(c).field == Some("arguments"))?;
    let marks = statements(tree, args).find(|&a| {
        tree.node(a).kind == "keyword_argument"
            && tree.children(a).any(|c| tree.node(c).field == Some("name") && text(tree, c) == "marks")
    })?;
    let value = tree.children(marks).find(|&c| tree.node(c).field == Some("value"))?;
    let marks: Vec<NodeId> = match tree.node(value).kind {
        "list" | "tuple" => statements(tree, value).collect(),
        _ => vec![value],
    };
    marks.into_iter().find_map(|m| mark_leaves_out(text(tree, m)))
}

/// The parameter names of a function definition, `*args` and `**kwargs` aside.
fn parameter_names(tree: &Tree, function: NodeId) -> Vec<String> {
    let Some(params) = tree.children(function).find(|&c| tree.node(c).field == Some("parameters")) else {
        return Vec::new();
    };
    statements(tree, params)
        .filter_map(|p| match tree.node(p).kind {
            "identifier" => Some(text(tree, p).to_string()),
            "typed_parameter" => {
                tree.children(p).find(|&c| tree.node(c).kind == "identifier").map(|c| text(tree, c).into())
            }
            // A parameter with a default needs no value: pytest leaves it alone too.
            _ => None,
        })
        .collect()
}

/// The module names an import statement names (`import a.b` → `a.b`; `from m import f` → `m`); relative imports
/// are left out (the sandbox has no package around the program).
fn imported_modules(tree: &Tree, statement: NodeId) -> Vec<String> {
    match tree.node(statement).kind {
        "import_from_statement" => tree
            .children(statement)
            .find(|&c| tree.node(c).field == Some("module_name") && tree.node(c).kind == "dotted_name")
            .map(|c| vec![text(tree, c).to_string()])
            .unwrap_or_default(),
        _ => statements(tree, statement)
            .filter_map(|c| match tree.node(c).kind {
                "dotted_name" => Some(text(tree, c).to_string()),
                "aliased_import" => {
                    tree.children(c).find(|&d| tree.node(d).field == Some("name")).map(|d| text(tree, d).into())
                }
                _ => None,
            })
            .collect(),
    }
}

/// A HumanEval-style test file, `def check(candidate):` with asserts, as one test per statement of the check's body
/// that asserts (an `assert`, a loop or block holding one, or a `with pytest.raises(…):`), its parameter (`candidate`) renamed to `entry_point`. Each test is
/// that statement after the file's other top-level statements (imports, helpers; `METADATA` and a call of `check`
/// aside) and the check's statements before it that do not assert (`import math`, `rng = random.Random(42)`), all
/// dedented. One failing assert then fails one test, not the whole check, and the search sees how many pass: a
/// partial repair counts as progress (`search/climb.rs`), and the spectrum tells passing tests from failing ones.
///
/// `None` when the file does not parse, has no `check`, its body has no statement that asserts, or a
/// statement cannot be dedented (a multi-line string less indented than the body): the check then stays one test.
pub fn split_check(source: &str, entry_point: &str) -> Option<Vec<String>> {
    let tree = syntax::parse(source);
    if tree.has_error() {
        return None;
    }
    let mut preamble = String::new();
    let mut check = None;
    for s in statements(&tree, 0) {
        match definition_name(&tree, s) {
            Some(("function", "check")) => check = Some(tree.undecorated(s)),
            _ if is_check_call(&tree, s) || text(&tree, s).starts_with("METADATA") => {}
            _ => {
                preamble.push_str(text(&tree, s));
                preamble.push('\n');
            }
        }
    }
    let check = check?;
    // The check's parameter: `candidate` in HumanEval, the function's own name in some of its derivatives.
    let parameters = tree.children(check).find(|&c| tree.node(c).field == Some("parameters"))?;
    let parameter = statements(&tree, parameters).next().filter(|&p| tree.node(p).kind == "identifier")?;
    let parameter = text(&tree, parameter);
    let body = body(&tree, check);
    let indent = syntax::indentation_at(source, tree.node(body).span.start as usize);
    let mut setup = preamble;
    let mut tests = Vec::new();
    for s in statements(&tree, body) {
        let code = syntax::dedent(&renamed(&tree, s, parameter, entry_point), indent)?;
        // A statement that asserts, or expects an exception (`with pytest.raises(ZeroDivisionError):`), is a test.
        let asserts =
            tree.nodes()[s as usize..tree.node(s).subtree_end as usize].iter().any(|n| n.kind == "assert_statement")
                || (tree.node(s).kind == "with_statement" && text(&tree, s).contains(".raises("));
        if asserts {
            tests.push(format!("{setup}{code}"));
        } else {
            setup.push_str(&code);
            setup.push('\n');
        }
    }
    (!tests.is_empty()).then_some(tests)
}

/// Is the statement a call of `check(…)` (a file that runs its own check)?
fn is_check_call(tree: &Tree, statement: NodeId) -> bool {
    let Some(call) = statements(tree, statement).next() else { return false };
    tree.node(statement).kind == "expression_statement"
        && tree.node(call).kind == "call"
        && statements(tree, call).next().is_some_and(|f| text(tree, f) == "check")
}

/// The statement's text with every identifier `from` spelt `to`.
fn renamed(tree: &Tree, statement: NodeId, from: &str, to: &str) -> String {
    let span = tree.node(statement).span;
    let mut out = String::new();
    let mut copied = span.start as usize;
    let end = tree.node(statement).subtree_end as usize;
    for n in &tree.nodes()[statement as usize..end] {
        if n.kind == "identifier" && tree.text(n.span) == from {
            out.push_str(&tree.source()[copied..n.span.start as usize]);
            out.push_str(to);
            copied = n.span.end as usize;
        }
    }
    out.push_str(&tree.source()[copied..span.end as usize]);
    out
}

/// `("function" | "class", name)` of a definition statement, decorated or not.
fn definition_name(tree: &Tree, statement: NodeId) -> Option<(&'static str, &str)> {
    let def = tree.undecorated(statement);
    let kind = match tree.node(def).kind {
        "function_definition" => "function",
        "class_definition" => "class",
        _ => return None,
    };
    let name = tree.children(def).find(|&c| tree.node(c).field == Some("name"))?;
    Some((kind, text(tree, name)))
}

fn body(tree: &Tree, definition: NodeId) -> NodeId {
    tree.children(definition).find(|&c| tree.node(c).field == Some("body")).unwrap_or(definition)
}

/// The statements of a block (its named children, comments aside).
fn statements(tree: &Tree, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
    tree.named_children(id)
}

fn text(tree: &Tree, id: NodeId) -> &str {
    tree.text(tree.node(id).span)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROGRAM: &str = "def add(a, b):\n    return a + b\n";

    fn names(tests: &Tests) -> Vec<String> {
        tests.names()
    }

    #[test]
    fn one_line_asserts_alone_stay_assert_lines() {
        let file = parse_test_file("# toy\nassert add(2, 3) == 5\n\nassert add(0, 7) == 7  # c\n", PROGRAM, None);
        let want = Tests::Asserts(vec!["assert add(2, 3) == 5".into(), "assert add(0, 7) == 7".into()]);
        assert_eq!(file.map(|f| f.tests), Ok(want));
    }

    #[test]
    fn a_pytest_file_is_a_suite_of_functions_parameter_sets_and_methods() {
        let source = "\
import pytest
from solution import add
import helpers.numbers as hn

@pytest.fixture
def pair():
    return (1, 2)

@pytest.mark.parametrize('a, b, want', [(1, 2, 3), (0, 0, 0), pytest.param(2, 2, 4)])
def test_table(a, b, want):
    assert add(a, b) == want

@pytest.mark.parametrize('a', [1, 2])
@pytest.mark.parametrize(argnames='b', argvalues=(3, 4, 5))
def test_grid(a, b):
    assert add(a, b) > 0

@pytest.mark.parametrize('a', range(4))
def test_dynamic(a):
    assert add(a, 0) == a

def test_fixture(pair):
    assert add(*pair) == 3

def test_tmp(tmp_path):
    pass

@pytest.mark.skip(reason='later')
def test_later():
    pass

async def test_async():
    pass

def helper():
    assert False

assert add(1,
           1) == 2

class TestAdd:
    def test_zero(self):
        assert add(0, 0) == 0

class Plain:
    def test_not_collected(self):
        pass
";
        let file = parse_test_file(source, PROGRAM, None).unwrap();
        let Tests::Suite { setup, cases, modules, .. } = &file.tests else { panic!("{:?}", file.tests) };
        assert_eq!(
            names(&file.tests),
            [
                "test_table[0]",
                "test_table[1]",
                "test_table[2]",
                "test_grid[0]",
                "test_grid[1]",
                "test_grid[2]",
                "test_grid[3]",
                "test_grid[4]",
                "test_grid[5]",
                "test_dynamic",
                "test_fixture",
                "assert add(1, 1) == 2",
                "TestAdd.test_zero",
            ]
        );
        assert_eq!(cases[1].code, "__kelp_case__(test_table, 1)");
        assert_eq!(cases[9].code, "__kelp_case__(test_dynamic, None)");
        assert_eq!(cases[12].code, "__kelp_method__(TestAdd, \"test_zero\", None)");
        assert_eq!(modules, &["solution", "helpers.numbers"]);
        assert_eq!(file.skipped.len(), 3, "{:?}", file.skipped);
        assert!(file.skipped[0].contains("`tmp_path`"), "{:?}", file.skipped);
        // The top-level assert left the setup, and the setup keeps the file's line numbers.
        assert!(!setup.contains("add(1,"), "{setup}");
        assert_eq!(setup.lines().count(), source.lines().count());
    }

    #[test]
    fn asserts_under_a_main_guard_are_tests() {
        let source = "from m import add\n\nif __name__ == '__main__':\n    print('checking')\n    assert add(1, 2) == 3\n    assert add(0, 0) == 0\n";
        let file = parse_test_file(source, PROGRAM, None).unwrap();
        assert_eq!(names(&file.tests), ["assert add(1, 2) == 3", "assert add(0, 0) == 0"]);
        let not_main = "if __name__ == 'other':\n    assert add(1, 2) == 3\n";
        assert!(parse_test_file(not_main, PROGRAM, None).is_err());
    }

    #[test]
    fn local_modules_are_found_through_each_other() {
        let dir = std::env::temp_dir().join(format!("kelp-local-modules-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("helpers.py"), "import shared\n\ndef h():\n    return shared.X\n").unwrap();
        std::fs::write(dir.join("shared.py"), "X = 1\n").unwrap();
        std::fs::write(dir.join("prog.py"), "import helpers\n").unwrap();
        let program = "import math\nimport prog\n\ndef f():\n    from helpers import h\n    return h()\n";
        let found = local_modules(&[dir.as_path()], &[program], Some("prog"));
        assert_eq!(found.keys().collect::<Vec<_>>(), ["helpers", "shared"], "math is Python's, prog the program");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_unittest_file_is_a_suite_of_methods() {
        let source = "\
import unittest
from calc import add

class AddTest(unittest.TestCase):
    def setUp(self):
        self.z = 0

    def test_small(self):
        self.assertEqual(add(1, 2), 3)

    def test_zero(self):
        self.assertEqual(add(self.z, self.z), 0)

if __name__ == '__main__':
    unittest.main()
";
        let file = parse_test_file(source, PROGRAM, None).unwrap();
        assert_eq!(names(&file.tests), ["AddTest.test_small", "AddTest.test_zero"]);
        assert!(file.skipped.is_empty());
    }

    #[test]
    fn mixin_tests_run_in_each_class_that_inherits_them() {
        let source = "\
import unittest
from calc import add

class Checks:
    def test_identity(self):
        self.assertEqual(add(self.z, 0), self.z)

    def test_twice(self):
        self.assertEqual(add(self.z, self.z), 2 * self.z)

class TestZero(Checks, unittest.TestCase):
    z = 0

class TestTen(Checks, unittest.TestCase):
    z = 10

    def test_twice(self):
        self.assertEqual(add(10, 10), 20)
";
        let file = parse_test_file(source, PROGRAM, None).unwrap();
        // `Checks` is no test class (pytest and unittest never run it alone); `TestTen.test_twice` is its own.
        assert_eq!(
            names(&file.tests),
            ["TestZero.test_identity", "TestZero.test_twice", "TestTen.test_twice", "TestTen.test_identity"]
        );
        let Tests::Suite { cases, .. } = &file.tests else { panic!() };
        assert_eq!(cases[3].code, "__kelp_method__(TestTen, \"test_identity\", None)");
        // A class naming itself among its bases does not loop.
        let odd = "import unittest\n\nclass TestA(TestA, unittest.TestCase):\n    def test_a(self):\n        pass\n";
        assert_eq!(names(&parse_test_file(odd, PROGRAM, None).unwrap().tests), ["TestA.test_a"]);
    }

    #[test]
    fn skipped_and_expected_failures_are_left_out_row_by_row() {
        let source = "\
import pytest
import unittest
from solution import add

@pytest.mark.parametrize('a, want', [
    (1, 2),
    pytest.param(2, 9, marks=pytest.mark.xfail),
    pytest.param(3, 4, id='three'),
    pytest.param(4, 0, marks=[pytest.mark.slow, pytest.mark.skip(reason='later')]),
])
@pytest.mark.parametrize('b', [0, pytest.param(1, marks=pytest.mark.skip)])
def test_rows(a, want, b):
    assert add(a, b) == want + b

@pytest.mark.xfail(reason='known')
def test_known_bug():
    assert add(1, 1) == 3

@pytest.mark.skipif(False, reason='never')
def test_conditional():
    assert add(1, 1) == 2

class Base(unittest.TestCase):
    def setUp(self):
        self.z = 0

class Edge(Base):
    def test_zero(self):
        self.assertEqual(add(self.z, self.z), 0)

    @unittest.expectedFailure
    def test_wrong(self):
        self.assertEqual(add(1, 1), 3)

class Deeper(Edge):
    @unittest.skip('slow')
    def test_slow(self):
        pass

@unittest.skip('not yet')
class Later(unittest.TestCase):
    def test_later(self):
        self.assertEqual(add(1, 1), 3)
";
        let file = parse_test_file(source, PROGRAM, None).unwrap();
        // Rows vary fastest in the bottom decorator: `a`'s row 0 with `b` 0 and 1 are 0 and 1, row 2's are 4, 5.
        // Deeper inherits Edge's tests and runs them again, as unittest does (with its own setUp, if it has one).
        assert_eq!(
            names(&file.tests),
            ["test_rows[0]", "test_rows[4]", "test_conditional", "Edge.test_zero", "Deeper.test_zero"]
        );
        let Tests::Suite { cases, .. } = &file.tests else { panic!() };
        assert_eq!(cases[1].code, "__kelp_case__(test_rows, 4)");
        let left_out: Vec<&str> = file.skipped.iter().map(|s| s.split(' ').next().unwrap()).collect();
        assert_eq!(
            left_out,
            [
                "test_rows[1]",
                "test_rows[2]",
                "test_rows[3]",
                "test_rows[5]",
                "test_rows[6]",
                "test_rows[7]",
                "test_known_bug",
                "Edge.test_wrong",
                "Deeper.test_slow",
                "Deeper.test_wrong",
                "Later"
            ]
        );
        assert!(file.skipped[0].contains("marked skip"), "{:?}", file.skipped);
        assert!(file.skipped[1].contains("expected failure"), "{:?}", file.skipped);
    }

    #[test]
    fn check_wins_and_needs_one_entry_point() {
        let check = "def check(candidate):\n    assert candidate(1, 2) == 3\n\ndef test_x():\n    pass\n";
        let file = parse_test_file(check, PROGRAM, None).unwrap();
        let one = "def test_x():\n    pass\nassert add(1, 2) == 3".to_string();
        assert_eq!(file.tests, Tests::Asserts(vec![one]));
        // A check that does not assert stays one test.
        let silent = "def check(candidate):\n    candidate(1, 2)\n";
        let file = parse_test_file(silent, PROGRAM, None).unwrap();
        assert_eq!(file.tests, Tests::Check { source: silent.into(), entry_point: "add".into() });
        let two = "def f(x):\n    return x\n\ndef g(x):\n    return x\n";
        assert_eq!(
            parse_test_file(check, two, None),
            Err(TestFileError::SeveralEntryPoints(vec!["f".into(), "g".into()]))
        );
        assert_eq!(parse_test_file(check, "x = 1\n", None), Err(TestFileError::NoEntryPoint));
        assert!(parse_test_file(check, two, Some("g")).is_ok());
    }

    /// HumanEval/44's check, and kin: the statements that assert become tests, each after the imports and the
    /// statements before it that do not assert; `candidate` is the entry point.
    #[test]
    fn a_check_is_cut_into_one_test_per_statement_that_asserts() {
        let check = "import math\n\nMETADATA = {}\n\n\ndef check(candidate):\n    assert candidate(8, 3) == \"22\"\n    \
                     assert candidate(\n        9, 3\n    ) == \"100\"\n    base = 2\n    for x in range(base, 8):\n        \
                     assert candidate(x, x + 1) == str(x)\n    assert True\n\ncheck(change_base)\n";
        let tests = split_check(check, "change_base").expect("cut");
        assert_eq!(
            tests,
            [
                "import math\nassert change_base(8, 3) == \"22\"",
                "import math\nassert change_base(\n    9, 3\n) == \"100\"",
                "import math\nbase = 2\nfor x in range(base, 8):\n    assert change_base(x, x + 1) == str(x)",
                "import math\nbase = 2\nassert True",
            ]
        );
        // Each test compiles on its own.
        for t in &tests {
            assert!(!syntax::parse(t.as_str()).has_error(), "{t}");
        }
        assert_eq!(split_check("def check(candidate):\n    pass\n", "f"), None);
        // HumanEvalPack names the parameter after the function; any name is the entry point.
        let named = "def check(has_close_elements):\n    assert has_close_elements([1.0], 0.5) == False\n\n\
                     check(has_close_elements)\n";
        assert_eq!(
            split_check(named, "has_close_elements").unwrap(),
            ["assert has_close_elements([1.0], 0.5) == False"]
        );
        let fn_named = "def check(fn):\n    assert fn(2) == 4\n    assert fn(3) == 9\n";
        assert_eq!(split_check(fn_named, "square").unwrap(), ["assert square(2) == 4", "assert square(3) == 9"]);
        assert_eq!(split_check("def check():\n    assert f(2) == 4\n", "f"), None);
        assert_eq!(split_check("def test_a():\n    assert 1\n", "f"), None);
        // A multi-line string less indented than the body cannot be dedented.
        let string = "def check(candidate):\n    assert candidate(\"\"\"a\nb\"\"\") == 1\n";
        assert_eq!(split_check(string, "f"), None);
    }

    #[test]
    fn files_without_tests_or_that_do_not_parse_are_errors() {
        assert_eq!(parse_test_file("x = 1\n", PROGRAM, None), Err(TestFileError::NoTests { skipped: vec![] }));
        let only_fixture_tests = "def test_a(tmp_path):\n    pass\n";
        let err = parse_test_file(only_fixture_tests, PROGRAM, None).unwrap_err();
        assert!(err.to_string().contains("tmp_path"), "{err}");
        assert_eq!(parse_test_file("def test_a(:\n", PROGRAM, None), Err(TestFileError::Syntax { line: 1 }));
    }
}
