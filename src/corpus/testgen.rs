//! Tests for functions that have none: choosing assert lines from probed calls, and writing tests for harvested
//! (standard-library, user-directory) functions.
//!
//! [`select_tests`] turns a [`Probe`] into 3–5 `assert f(...) == <repr>` lines under a [`TestPolicy`]: greedily the
//! calls that cover the most lines not yet covered, then calls with outputs not yet seen. It refuses (with a reason
//! that the callers count) when too few calls return, when every chosen call returns the same value (a constant
//! function passes), when an argument is echoed back by every chosen call (the identity passes), or, for generated
//! functions, when some line of the function is run by no chosen test (a corruption there would go unnoticed).
//!
//! [`write_tests`] gives harvested functions tests, in two ways: doctests of the docstring that call the function
//! itself and need nothing else (`>>> f(2)` / `4` becomes `assert f(2) == 4`), and input/output tests recorded by
//! calling pure-looking module-level functions (no global names but safe builtins, no imports) on inputs
//! sampled from annotations, defaults, names and literals of the body. A method that uses its `self`/`cls` gets a
//! trimmed copy of its class before it (`methods.rs`) and is called on a fresh instance built in each test
//! (`assert m(C(1), 2) == 3`), or on the class. Every assert is then run against the clean
//! function in the sandbox and kept only if it passes. Origins stay as they were: a tested standard-library function
//! is `Origin::Stdlib` with `spec.tests` set.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use serde::Serialize;

use super::methods::{self, Classes};
use super::{Origin, Task};
use crate::exec::{CallOutcome, ExecError, Probe, ProbeConfig, ProbeInputs, ProbeRequest, Sandbox, SelfArg, Tests};
use crate::syntax::{self, NodeId};

/// Standard-library modules without I/O or process state: a harvested function that uses one of them is made
/// standalone by importing it.
const PURE_MODULES: &[&str] = &[
    "math",
    "cmath",
    "re",
    "string",
    "itertools",
    "functools",
    "operator",
    "collections",
    "bisect",
    "heapq",
    "textwrap",
    "keyword",
    "fnmatch",
    "posixpath",
    "ntpath",
    "binascii",
    "struct",
    "base64",
    "codecs",
    "copy",
    "unicodedata",
    "html",
    "fractions",
    "decimal",
    "statistics",
    "calendar",
    "datetime",
    "dataclasses",
    "types",
    "enum",
    "json",
    "shlex",
    "difflib",
    "reprlib",
    "ipaddress",
    "colorsys",
    "numbers",
    "abc",
    "typing",
    "quopri",
    "stringprep",
    "genericpath",
    "sre_constants",
    "sre_parse",
    "token",
    "errno",
    "warnings",
    // Used through their pure attributes only (`io.StringIO`, `inspect.signature`, `os.path`, `sys.maxsize`): the
    // probe reports `os!` otherwise, which no import makes pure.
    "io",
    "inspect",
    "os",
    "sys",
];

/// Rounds of resolving a function's module-level names (a helper's helpers take a second round).
const RESOLVE_ROUNDS: usize = 4;
/// Largest program (function plus the definitions it needs) kept.
const MAX_RESOLVED_BYTES: usize = 4000;
/// Largest class definition put before a function.
const MAX_CLASS_LINES: usize = 40;

/// What a module defines at top level, by name: functions, simple assignments, `from <pure module> import …`.
type Definitions = HashMap<String, String>;

/// Module-level definitions and classes of the files that harvested functions come from, parsed once each.
#[derive(Default)]
struct ModuleDefinitions {
    stdlib: Option<Option<PathBuf>>,
    parsed: HashMap<PathBuf, Option<(Definitions, Classes)>>,
}

impl ModuleDefinitions {
    /// The definitions of the module `task` was harvested from (its id is `<label>:<qualified name>`).
    fn of(&mut self, task: &Task) -> Option<&Definitions> {
        self.module(task).map(|(defs, _)| defs)
    }

    fn module(&mut self, task: &Task) -> Option<&(Definitions, Classes)> {
        let (label, _) = task.id.rsplit_once(':')?;
        let path = match task.origin {
            Origin::Stdlib => {
                let root = self.stdlib.get_or_insert_with(|| super::python_stdlib_dir().ok()).as_ref()?;
                root.join(label.strip_prefix("stdlib/")?)
            }
            Origin::Directory => PathBuf::from(label),
            _ => return None,
        };
        self.parsed
            .entry(path)
            .or_insert_with_key(|path| {
                std::fs::read_to_string(path).ok().map(|s| {
                    let tree = syntax::parse(s);
                    (definitions(&tree), methods::classes(&tree))
                })
            })
            .as_ref()
    }
}

fn definitions(tree: &syntax::Tree) -> Definitions {
    let module = tree.source();
    let mut defs = Definitions::new();
    // Top-level statements first; then those in the first branch of a top-level `if` or `try` (`try: from _c
    // import f` / `except ImportError: def f(...)`), which never override a top-level definition.
    let top: Vec<NodeId> = tree.children(0).collect();
    let mut nested = Vec::new();
    for &id in &top {
        if matches!(tree.node(id).kind, "if_statement" | "try_statement")
            && let Some(block) = tree.children(id).find(|&c| tree.node(c).kind == "block")
        {
            nested.extend(tree.children(block));
        }
    }
    for (ids, conditional) in [(top, false), (nested, true)] {
        for id in ids {
            let node = tree.node(id);
            let raw = tree.text(node.span);
            let Some(text) = syntax::dedent(raw, syntax::indentation_at(module, node.span.start as usize)) else {
                continue;
            };
            let mut define = |name: &str, text: String, last_wins: bool| {
                if last_wins && !conditional {
                    defs.insert(name.to_string(), text);
                } else {
                    defs.entry(name.to_string()).or_insert(text);
                }
            };
            let name_of = |id: NodeId| {
                tree.children(id).find(|&c| tree.node(c).field == Some("name")).map(|c| tree.text(tree.node(c).span))
            };
            match node.kind {
                "function_definition" => {
                    if let Some(name) = name_of(id) {
                        define(name, text, false);
                    }
                }
                // Small classes (exceptions, records) that a function raises or builds.
                "class_definition" if text.lines().count() <= MAX_CLASS_LINES => {
                    if let Some(name) = name_of(id) {
                        define(name, text, false);
                    }
                }
                "expression_statement" => {
                    // `NAME = value` (one target): the last assignment at top level wins, as at run time.
                    let Some(assign) = tree.children(id).find(|&c| tree.node(c).kind == "assignment") else { continue };
                    let Some(left) = tree.children(assign).find(|&c| tree.node(c).field == Some("left")) else {
                        continue;
                    };
                    if tree.node(left).kind == "identifier" && text.lines().count() <= 12 {
                        define(tree.text(tree.node(left).span), text, true);
                    }
                }
                "import_from_statement" => {
                    let Some(module) = tree.children(id).find(|&c| tree.node(c).field == Some("module_name")) else {
                        continue;
                    };
                    let module = tree.text(tree.node(module).span);
                    if !PURE_MODULES.contains(&module) && module != "os.path" {
                        continue;
                    }
                    for name in tree.children(id).filter(|&c| tree.node(c).field == Some("name")) {
                        let imported = tree.text(tree.node(name).span);
                        // Of the limited modules, only what the probe would allow as an attribute.
                        let limited = match module {
                            "os" | "sys" | "inspect" => true,
                            "io" => !matches!(imported, "BytesIO" | "StringIO"),
                            _ => false,
                        };
                        if !limited && !imported.contains(' ') && !imported.contains('.') {
                            define(imported, text.clone(), true);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    defs
}

/// What a function needs of its module, in the order it must be written.
#[derive(Debug, Clone, Default)]
struct Prelude {
    /// Modules imported (for the probe's purity check).
    modules: Vec<String>,
    /// `import` lines, then definitions in dependency order (later rounds' needs go first).
    imports: Vec<String>,
    definitions: Vec<String>,
}

impl Prelude {
    /// Adds what `names` need; `Err(name)` for a name that cannot be resolved, `Ok(false)` when nothing new was
    /// added.
    fn resolve<'a>(&mut self, names: impl Iterator<Item = &'a str>, defs: &Definitions) -> Result<bool, String> {
        let mut imports = Vec::new();
        let mut definitions = Vec::new();
        let mut modules = Vec::new();
        for name in names {
            let module = name.strip_prefix("import:").unwrap_or(name);
            // A function-local `import os` escapes the probe's attribute check: only module-level use is allowed.
            if name.starts_with("import:") && matches!(module.split('.').next(), Some("os" | "sys" | "io" | "inspect"))
            {
                return Err(name.to_string());
            }
            if PURE_MODULES.contains(&module.split('.').next().unwrap_or(module)) {
                modules.push(module.split('.').next().unwrap_or(module).to_string());
                if !name.starts_with("import:") {
                    imports.push(format!("import {module}"));
                }
            } else if let Some(def) = defs.get(name) {
                if !self.definitions.contains(def) && !definitions.contains(def) {
                    definitions.push(def.clone());
                }
            } else {
                return Err(name.to_string());
            }
        }
        if imports.is_empty() && definitions.is_empty() && modules.iter().all(|m| self.modules.contains(m)) {
            return Ok(false);
        }
        self.modules.extend(modules);
        self.imports.extend(imports);
        self.imports.sort();
        self.imports.dedup();
        // What the definitions added in this round need was missing from those of the last: they go first.
        definitions.append(&mut self.definitions);
        self.definitions = definitions;
        Ok(true)
    }

    fn program(&self, function: &str) -> String {
        let mut out = String::new();
        for line in &self.imports {
            out.push_str(line);
            out.push('\n');
        }
        for def in &self.definitions {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(def);
            out.push('\n');
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(function);
        out
    }
}

/// What a set of tests must achieve.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TestPolicy {
    pub min_tests: usize,
    pub max_tests: usize,
    /// Every executable line of the function must run in some chosen test.
    pub full_coverage: bool,
    /// Longest assert line kept, in characters.
    pub max_line: usize,
}

impl TestPolicy {
    /// For generated functions: 3–5 tests covering every line.
    pub fn synthetic() -> TestPolicy {
        TestPolicy { min_tests: 3, max_tests: 5, full_coverage: true, max_line: 240 }
    }

    /// For harvested functions: 3–5 tests; coverage is sought but not required (real code has defensive branches
    /// that sampled inputs rarely reach).
    pub fn harvested() -> TestPolicy {
        TestPolicy { min_tests: 3, max_tests: 5, full_coverage: false, max_line: 240 }
    }
}

/// Chooses assert lines from a probe (see the module doc), or says why none will do.
pub fn select_tests(entry_point: &str, probe: &Probe, policy: &TestPolicy) -> Result<Vec<String>, String> {
    let (lines, calls, collected) = match probe {
        Probe::Rejected(why) => return Err(why.clone()),
        Probe::Probed { lines, calls, collected } => (lines, calls, *collected),
    };
    struct Usable<'a> {
        args: &'a str,
        repr: &'a str,
        lines: &'a [u32],
        echoes: &'a [u32],
    }
    // `assert f() == ` and, for a generator, `list()`.
    let overhead = if collected { 20 } else { 14 };
    let usable: Vec<Usable> = calls
        .iter()
        .filter_map(|c| match &c.outcome {
            CallOutcome::Returned { repr, lines, echoes }
                if entry_point.len() + c.args.len() + repr.len() + overhead <= policy.max_line =>
            {
                Some(Usable { args: &c.args, repr, lines, echoes })
            }
            _ => None,
        })
        .collect();
    if usable.len() < policy.min_tests {
        let timeouts = calls.iter().any(|c| c.outcome == CallOutcome::Unusable("timeout".into()));
        let unusable = calls.iter().filter(|c| matches!(c.outcome, CallOutcome::Unusable(_))).count();
        let raised = calls.iter().filter(|c| matches!(c.outcome, CallOutcome::Raised(_))).count();
        return Err(if timeouts {
            "timeout".into()
        } else if unusable > raised {
            "unusable values".into()
        } else {
            "raises on most inputs".into()
        });
    }
    let mut chosen: Vec<usize> = Vec::new();
    let mut covered: BTreeSet<u32> = BTreeSet::new();
    let mut outputs: BTreeSet<&str> = BTreeSet::new();
    // Coverage first, then new outputs, then anything, up to max_tests; ties go to the earlier call.
    while chosen.len() < policy.max_tests {
        let score = |u: &Usable| {
            let new_lines = u.lines.iter().filter(|l| !covered.contains(l)).count();
            let new_output = !outputs.contains(u.repr);
            (new_lines, new_output)
        };
        let best = (0..usable.len())
            .filter(|i| !chosen.contains(i))
            .max_by_key(|&i| (score(&usable[i]), std::cmp::Reverse(i)));
        let Some(best) = best else { break };
        let (new_lines, new_output) = score(&usable[best]);
        if new_lines == 0 && !new_output && chosen.len() >= policy.min_tests {
            break;
        }
        covered.extend(usable[best].lines.iter().copied());
        outputs.insert(usable[best].repr);
        chosen.push(best);
    }
    if outputs.len() < 2 {
        return Err("constant".into());
    }
    // If every chosen call returns the same argument, the identity would pass: bring in a call that does not,
    // if there is one.
    if let Some(p) = (0..8u32).find(|p| chosen.iter().all(|&i| usable[i].echoes.contains(p))) {
        let Some(other) = (0..usable.len()).find(|&i| !usable[i].echoes.contains(&p)) else {
            return Err("returns an argument".into());
        };
        if chosen.len() >= policy.max_tests {
            // Drop a call that adds no line of its own, else the last one.
            let drop = (0..chosen.len())
                .rev()
                .find(|&c| {
                    let others: BTreeSet<u32> = chosen
                        .iter()
                        .enumerate()
                        .filter(|&(j, _)| j != c)
                        .flat_map(|(_, &i)| usable[i].lines.iter().copied())
                        .collect();
                    usable[chosen[c]].lines.iter().all(|l| others.contains(l))
                })
                .unwrap_or(chosen.len() - 1);
            chosen.remove(drop);
        }
        covered.extend(usable[other].lines.iter().copied());
        outputs.insert(usable[other].repr);
        chosen.push(other);
    }
    let covered: BTreeSet<u32> = chosen.iter().flat_map(|&i| usable[i].lines.iter().copied()).collect();
    if chosen.iter().map(|&i| usable[i].repr).collect::<BTreeSet<_>>().len() < 2 {
        return Err("constant".into());
    }
    if policy.full_coverage && lines.iter().any(|l| !covered.contains(l)) {
        return Err("untested branch".into());
    }
    chosen.sort_unstable();
    let call = |args: &str| {
        if collected { format!("list({entry_point}({args}))") } else { format!("{entry_point}({args})") }
    };
    Ok(chosen.iter().map(|&i| format!("assert {} == {}", call(usable[i].args), usable[i].repr)).collect())
}

/// How [`write_tests`] went.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TestWriteReport {
    /// Functions and methods considered.
    pub candidates: usize,
    /// Of those, methods that use their `self`/`cls`, given a trimmed copy of their class (whether they could be
    /// made standalone or not).
    pub method_candidates: usize,
    /// Functions that ended with at least `min_tests` passing tests.
    pub tested: usize,
    /// Of those, methods called on a fresh instance of their class (or on the class itself).
    pub methods: usize,
    /// Of those, functions with at least one doctest-derived test.
    pub with_doctests: usize,
    /// Of those, functions made standalone by putting what they use of their module before them (imports of
    /// modules without I/O, constants, helper functions): their source now starts with those definitions.
    pub with_imports: usize,
    /// Tests written (after the sandbox check).
    pub tests: usize,
    /// Candidates left without tests, by reason.
    pub rejected: BTreeMap<String, usize>,
    /// The module-level names that most often kept a function from being made standalone, with counts.
    pub unresolved: Vec<(String, usize)>,
    /// A few task ids per reason, to look into.
    pub examples: BTreeMap<String, Vec<String>>,
}

/// How a method's first parameter is used, which decides whether a standalone test can call it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Receiver {
    /// The first parameter is not `self` or `cls` (a static method, or no parameters): call it as it is.
    Absent,
    /// `self` or `cls` that the body never mentions: call it with `None` in its place.
    Unused,
    /// `self` or `cls` that the body uses: it needs an instance, which a standalone test cannot build.
    Used,
}

fn receiver(source: &str) -> Receiver {
    let tree = syntax::parse(source);
    let Some(func) = tree.children(0).find(|&c| tree.node(c).kind == "function_definition") else {
        return Receiver::Used;
    };
    let Some(params) = tree.children(func).find(|&c| tree.node(c).field == Some("parameters")) else {
        return Receiver::Used;
    };
    let Some(first) = tree.children(params).find(|&c| tree.node(c).named && !tree.node(c).extra) else {
        return Receiver::Absent;
    };
    let name = tree.text(tree.node(first).span);
    if tree.node(first).kind != "identifier" || (name != "self" && name != "cls") {
        return Receiver::Absent;
    }
    let mentions = tree.nodes().iter().filter(|n| n.kind == "identifier" && tree.text(n.span) == name).count();
    if mentions == 1 { Receiver::Unused } else { Receiver::Used }
}

/// Doctest examples of a docstring that call `entry_point` and fit one line each: `(expression, expected)`.
pub fn doctest_examples(docstring: &str, entry_point: &str) -> Vec<(String, String)> {
    let lines: Vec<&str> = docstring.lines().map(str::trim).collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(expr) = line.strip_prefix(">>> ") else { continue };
        if expr.contains(" = ") || expr.starts_with("import ") || expr.starts_with("from ") {
            break; // later examples may depend on this state
        }
        let expected = lines.get(i + 1).copied().unwrap_or_default();
        // Continuation lines, blank (None) results and exceptions are not single-value examples.
        if expected.is_empty()
            || expected.starts_with(">>>")
            || expected.starts_with("...")
            || expected.starts_with("Traceback")
            || lines.get(i + 2).is_some_and(|l| !l.is_empty() && !l.starts_with(">>>"))
        {
            continue;
        }
        if !expr.contains(&format!("{entry_point}(")) {
            continue;
        }
        out.push((expr.trim().to_string(), expected.to_string()));
    }
    out
}

/// Gives tests to the harvested functions in `tasks` that have none (see the module doc): at most
/// `policy.max_tests` per function, doctests first. `samples` argument lists are tried per function.
pub fn write_tests(
    sandbox: &Sandbox,
    tasks: &mut [Task],
    policy: &TestPolicy,
    probe: &ProbeConfig,
    samples: usize,
    seed: u64,
) -> Result<TestWriteReport, ExecError> {
    let mut report = TestWriteReport::default();
    let mut modules = ModuleDefinitions::default();
    // Module-level functions, static methods, and methods that never use their `self`/`cls` (called with `None`
    // in its place); methods that do use it get a trimmed copy of their class before them and a fresh instance
    // (or the class) as first argument.
    let mut fixed: Vec<Vec<String>> = Vec::new();
    let mut receivers: Vec<Option<SelfArg>> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    let mut preludes: Vec<Prelude> = Vec::new();
    let mut sources: Vec<Option<String>> = Vec::new();
    let mut refused = 0;
    let reject = |report: &mut TestWriteReport, why: String, id: &str| {
        let examples = report.examples.entry(why.clone()).or_default();
        if examples.len() < 8 {
            examples.push(id.to_string());
        }
        *report.rejected.entry(why).or_insert(0) += 1;
    };
    for (i, t) in tasks.iter().enumerate() {
        if t.spec.tests.is_some() {
            continue;
        }
        let Some((_, qualified)) = t.id.rsplit_once(':') else { continue };
        let receiver = if qualified.contains('.') { receiver(&t.source) } else { Receiver::Absent };
        let mut prelude = Prelude::default();
        let mut source = None;
        match receiver {
            Receiver::Absent => {
                fixed.push(Vec::new());
                receivers.push(None);
            }
            Receiver::Unused => {
                fixed.push(vec!["None".to_string()]);
                receivers.push(None);
            }
            Receiver::Used => {
                report.method_candidates += 1;
                let made = match qualified.split_once('.') {
                    Some((class, method)) if !method.contains('.') => match modules.module(t) {
                        Some((defs, classes)) => {
                            // A base or decorator from a module without I/O is imported by the prelude.
                            let known = |name: &str| PURE_MODULES.contains(&name) || defs.contains_key(name);
                            methods::class_prelude(classes, &known, class, method, &t.source)
                        }
                        None => Err("module not found"),
                    },
                    _ => Err("nested class"),
                };
                let made = match made {
                    Ok(made) => made,
                    Err(why) => {
                        reject(&mut report, format!("method: {why}"), &t.id);
                        refused += 1;
                        continue;
                    }
                };
                prelude.definitions.push(made.text);
                source = Some(prelude.program(&t.source));
                fixed.push(Vec::new());
                receivers.push(Some(if made.class_receiver {
                    SelfArg::Class(made.class)
                } else {
                    SelfArg::Instance(made.class)
                }));
            }
        }
        preludes.push(prelude);
        sources.push(source);
        candidates.push(i);
    }
    report.candidates = candidates.len() + refused;
    let request = |k: usize, program: String, modules: Vec<String>| ProbeRequest {
        program,
        entry_point: tasks[candidates[k]].entry_point.clone(),
        inputs: ProbeInputs::Sampled {
            seed: seed.wrapping_add(k as u64),
            samples,
            fixed: fixed[k].clone(),
            receiver: receivers[k].clone(),
        },
        pure: true,
        modules,
    };
    let requests: Vec<ProbeRequest> = (0..candidates.len())
        .map(|k| request(k, sources[k].clone().unwrap_or_else(|| tasks[candidates[k]].source.clone()), Vec::new()))
        .collect();
    let mut probes = sandbox.probe_many(&requests, probe)?;
    // A function that needs only a few names of its module (an `import re` of a module without I/O, a constant, a
    // helper function) is made standalone by putting their definitions before it, and probed again; the helpers'
    // own needs are resolved in the next round.
    let mut unresolved: BTreeMap<String, usize> = BTreeMap::new();
    for _round in 0..RESOLVE_ROUNDS {
        let mut retry = Vec::new();
        for (k, p) in probes.iter().enumerate() {
            let Probe::Rejected(why) = p else { continue };
            let Some(names) = why.strip_prefix("impure: uses ") else { continue };
            let task = &tasks[candidates[k]];
            let Some(defs) = modules.of(task) else { continue };
            // The method's own class is in its prelude already.
            if receivers[k].is_some() && names.split(' ').any(|n| n == task.entry_point) {
                continue;
            }
            match preludes[k].resolve(names.split(' '), defs) {
                Ok(true) => {}
                Ok(false) => continue,
                Err(name) => {
                    *unresolved.entry(name).or_insert(0usize) += 1;
                    continue;
                }
            }
            let source = preludes[k].program(&task.source);
            if source.len() > MAX_RESOLVED_BYTES {
                continue;
            }
            sources[k] = Some(source.clone());
            retry.push((k, request(k, source, preludes[k].modules.clone())));
        }
        if retry.is_empty() {
            break;
        }
        let again = sandbox.probe_many(&retry.iter().map(|(_, r)| r.clone()).collect::<Vec<_>>(), probe)?;
        for ((k, _), p) in retry.into_iter().zip(again) {
            probes[k] = p;
        }
    }
    let mut unresolved: Vec<(String, usize)> = unresolved.into_iter().collect();
    unresolved.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    unresolved.truncate(40);
    report.unresolved = unresolved;
    // Proposed tests per candidate: doctests, then recorded ones.
    // (task, test lines, how many of them are doctests, source with its prelude, a method on an instance)
    type Proposed = (usize, Vec<String>, usize, Option<String>, bool);
    let mut proposed: Vec<Proposed> = Vec::new();
    for (((&i, probe), source), method) in candidates.iter().zip(&probes).zip(sources).zip(&receivers) {
        let task = &tasks[i];
        let doctests: Vec<String> = task
            .spec
            .docstring
            .as_deref()
            .map(|d| doctest_examples(d, &task.entry_point))
            .unwrap_or_default()
            .into_iter()
            .map(|(expr, expected)| format!("assert ({expr}) == ({expected})"))
            .collect();
        let relaxed =
            TestPolicy { min_tests: policy.min_tests.saturating_sub(doctests.len()).max(1), ..policy.clone() };
        let recorded = match select_tests(&task.entry_point, probe, &relaxed) {
            Ok(lines) => lines,
            Err(why) => {
                if doctests.len() < policy.min_tests {
                    // Which globals, one by one, is too fine a grain for a summary.
                    let why =
                        if why.starts_with("impure: uses ") { "impure: uses module-level names".into() } else { why };
                    reject(&mut report, why, &task.id);
                    continue;
                }
                Vec::new()
            }
        };
        let n_doc = doctests.len();
        let mut lines = doctests;
        for line in recorded {
            if !lines.contains(&line) {
                lines.push(line);
            }
        }
        lines.truncate(policy.max_tests);
        proposed.push((i, lines, n_doc, source, method.is_some()));
    }
    // The clean function must pass every test it keeps, in an ordinary sandbox run.
    let jobs: Vec<(&str, Tests)> = proposed
        .iter()
        .map(|(i, lines, _, source, _)| {
            (source.as_deref().unwrap_or(tasks[*i].source.as_str()), Tests::Asserts(lines.clone()))
        })
        .collect();
    let reports = sandbox.run_many(&jobs)?;
    drop(jobs);
    for ((i, lines, n_doc, source, method), run) in proposed.into_iter().zip(reports) {
        let passing: Vec<(usize, String)> = lines
            .into_iter()
            .enumerate()
            .zip(&run.tests)
            .filter(|(_, r)| r.outcome == crate::exec::Outcome::Passed)
            .map(|(l, _)| l)
            .collect();
        if passing.len() < policy.min_tests {
            *report.rejected.entry("fails its own tests".into()).or_insert(0) += 1;
            continue;
        }
        if passing.iter().any(|(k, _)| *k < n_doc) {
            report.with_doctests += 1;
        }
        report.tested += 1;
        report.methods += usize::from(method);
        report.tests += passing.len();
        tasks[i].spec.tests = Some(Tests::Asserts(passing.into_iter().map(|(_, l)| l).collect()));
        if let Some(source) = source {
            tasks[i].source = source;
            report.with_imports += 1;
        }
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::Call;

    fn returned(args: &str, repr: &str, lines: &[u32]) -> Call {
        Call {
            args: args.into(),
            outcome: CallOutcome::Returned { repr: repr.into(), lines: lines.to_vec(), echoes: vec![] },
        }
    }

    #[test]
    fn selection_covers_lines_and_refuses_weak_tests() {
        let probe = Probe::Probed {
            lines: vec![2, 3, 4],
            calls: vec![
                returned("1", "1", &[2, 4]),
                returned("2", "1", &[2, 4]),
                returned("-1", "0", &[2, 3]),
                returned("5", "1", &[2, 4]),
                Call { args: "0".into(), outcome: CallOutcome::Raised("ZeroDivisionError".into()) },
            ],
            collected: false,
        };
        let tests = select_tests("f", &probe, &TestPolicy::synthetic()).unwrap();
        assert_eq!(tests, ["assert f(1) == 1", "assert f(2) == 1", "assert f(-1) == 0"]);

        let constant = Probe::Probed {
            lines: vec![2],
            calls: vec![returned("1", "0", &[2]), returned("2", "0", &[2]), returned("3", "0", &[2])],
            collected: false,
        };
        assert_eq!(select_tests("f", &constant, &TestPolicy::synthetic()), Err("constant".into()));

        let untested = Probe::Probed {
            lines: vec![2, 3, 4],
            calls: vec![returned("1", "1", &[2, 4]), returned("2", "2", &[2, 4]), returned("3", "3", &[2, 4])],
            collected: false,
        };
        assert_eq!(select_tests("f", &untested, &TestPolicy::synthetic()), Err("untested branch".into()));
        assert!(select_tests("f", &untested, &TestPolicy::harvested()).is_ok());

        let mut echo = untested.clone();
        // Every call echoes its argument: the identity would pass any choice.
        if let Probe::Probed { calls, .. } = &mut echo {
            for c in calls {
                if let CallOutcome::Returned { echoes, .. } = &mut c.outcome {
                    echoes.push(0);
                }
            }
        }
        assert_eq!(select_tests("f", &echo, &TestPolicy::harvested()), Err("returns an argument".into()));

        // A generator's values are lists of what it yielded, and its tests say so.
        let generator = Probe::Probed {
            lines: vec![2],
            calls: vec![returned("1", "[0]", &[2]), returned("2", "[0, 1]", &[2]), returned("0", "[]", &[2])],
            collected: true,
        };
        assert_eq!(
            select_tests("f", &generator, &TestPolicy::harvested()).unwrap(),
            ["assert list(f(1)) == [0]", "assert list(f(2)) == [0, 1]", "assert list(f(0)) == []"]
        );
    }

    #[test]
    fn methods_are_called_without_an_instance_only_when_they_need_none() {
        assert_eq!(receiver("def f(a, b):\n    return a + b\n"), Receiver::Absent);
        assert_eq!(receiver("def f():\n    return 1\n"), Receiver::Absent);
        assert_eq!(receiver("def f(self, a):\n    return a * 2\n"), Receiver::Unused);
        assert_eq!(receiver("def f(cls, a):\n    return cls(a)\n"), Receiver::Used);
        assert_eq!(receiver("def f(self):\n    return self.x\n"), Receiver::Used);
    }

    #[test]
    fn doctests_that_call_the_function() {
        let doc = "Double it.\n\n    >>> double(2)\n    4\n    >>> x = 3\n    >>> double(x)\n    6\n    >>> other(1)\n    1\n    >>> double(None)\n    Traceback (most recent call last):\n    TypeError\n";
        assert_eq!(doctest_examples(doc, "double"), [("double(2)".to_string(), "4".to_string())]);
    }
}
