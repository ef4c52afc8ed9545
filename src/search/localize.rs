//! Fault localisation from the tests' line spectrum: which lines of a program the failing tests run and the passing
//! ones do not (spectrum-based fault localisation, the Ochiai measure).
//!
//! The sandbox traces every test run of the search ([`Sandbox::run_many_traced`](crate::exec::Sandbox)), so a tested
//! program comes with, per test, the lines it executed. A line's suspicion is `failed(line) / sqrt(failed_total ×
//! (failed(line) + passed(line)))`: 1 for a line every failing test runs and no passing test does, 0 for a line no
//! failing test runs. A line where failing tests raised an exception (a `NameError`, a `TypeError`…) gets the share of
//! failing tests that raised there on top: the line a test dies on is the likeliest place of its bug among all the
//! lines it ran, which the spectrum alone cannot tell apart. A `NameError` shares that with the `def` line: a name read
//! but never bound is as often a misspelt parameter (the header) as a misspelt read (the line that raised). Any other
//! exception also gives half as much to each line that binds a name read on the line that raised, one step of a
//! backward slice: an `IndexError` on `out[i][j] += x` is as often the making of `out` (`[[0] * n for _ in
//! range(n)]` where `p` was meant) as the line itself, and the spectrum cannot tell the lines apart when every test
//! runs them all. A test that hangs (times out) died in a loop that never ends: the `while` headers it ran share what a
//! raised exception gives its line, and so do the lines in the loop that read or bind the names the header reads
//! (the lines binding them before the loop get half of it). A test that dies of a `RecursionError` recursed for
//! ever past its base cases: the `if` conditions it ran whose branch begins by returning share half of what the
//! line that raised gets (the recursive call's arguments are as likely wrong as the base case, and it is there).
//! The scores
//! are then scaled so the top line has 1. An edit is as suspicious as the most suspicious line from the start of its
//! statement to the end of its span (a condition's edit takes its `if` line; a parameter's, the `def` line, which
//! counts as run whenever the function is called).
//!
//! The errors also say what is missing ([`Missing`]): a name read but never bound, a local read before its
//! assignment, an attribute a value's type lacks, a value of a type an operation refused (a `TypeError` that names
//! it). The baseline puts the edits that supply it first
//! ([`error_edits`](super::baseline::error_edits)).
//!
//! The search adds [`Suspicion::priors`] to an edit's rank: a log-prior of at most 0 (the most suspicious line) and
//! at least `ln(FLOOR)` (a line no failing test runs). It only reorders: every edit stays in the queue. A bug is
//! always on a line some failing test runs, but a repair may be elsewhere (a missing branch), and a program with
//! several bugs shows them through the same tests.

use std::collections::{HashMap, HashSet};

use crate::exec::{Outcome, TestReport};
use crate::syntax::{self, NodeId, ReplacementClass, Span, Tree};

/// The suspicion below which lines are not told apart (a line no failing test runs has 0).
const FLOOR: f64 = 0.02;

/// Nats per unit of log-suspicion: at 1, a line no failing test runs starts 3.9 nats behind the most suspicious
/// one. 3 made no difference on the dev set (`kelp eval --protocol dev-repair`, 12 tasks: the same repair rates).
const WEIGHT: f64 = 1.0;

/// Statement-like nodes: an edit's lines start at its innermost one. Clauses count, so an `elif` condition is not
/// charged with the whole `if` before it.
fn is_statement(kind: &str) -> bool {
    kind.ends_with("_statement")
        || kind.ends_with("_clause")
        || matches!(kind, "function_definition" | "class_definition" | "decorated_definition")
}

/// Per line of one function's source, how suspicious the tests make it.
#[derive(Debug, Clone, PartialEq)]
pub struct Suspicion {
    /// Index: 0-based line of the function's source. Scaled so that the most suspicious line has 1.
    lines: Vec<f64>,
    /// Did a failing test die in the function on an input it cannot take ([`GUARDED_ERRORS`])?
    crashed: bool,
    /// What the failing tests' errors in the function say is missing, each once, in order of first report.
    missing: Vec<Missing>,
}

/// What an error raised in the function says the program lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Missing {
    /// `NameError: name 'x' is not defined`: a misspelt binding, or one never written.
    Name(String),
    /// `UnboundLocalError: cannot access local variable 'x' …`: bound, but after the read (a missing
    /// initialisation, or a binding misspelt before it).
    Local(String),
    /// `AttributeError: 'list' object has no attribute 'fact'`: the value's type and the attribute it lacks.
    Attribute { type_name: String, attribute: String },
    /// A `TypeError` naming the types it refused (`unsupported operand type(s) for +=: 'int' and 'str'`, `can only
    /// concatenate str (not "int") to str`, `'function' object is not iterable`, `object of type 'int' has no
    /// len()`…): a value of the wrong type on the line (0-based) that raised it, an operand of `operator` where
    /// the message names one (`+=`, `%`, `<`, `+` for a concatenation).
    WrongType { types: Vec<String>, line: usize, operator: Option<String> },
    /// `AttributeError: module 're' has no attribute 'num_list'`: the module (as the program spells it) and the
    /// function it lacks.
    ModuleAttribute { module: String, attribute: String },
    /// `TypeError: list indices must be integers or slices, not str`: an index of the wrong type on the line
    /// (0-based) that raised it.
    Index { line: usize },
    /// `TypeError: 'str' object is not callable`: a value called on the line (0-based) that raised it, where a
    /// function was.
    NotCallable { line: usize },
    /// `IndexError: list index out of range` (a string's, a tuple's): a collection too short, or an index past
    /// its end, on the line (0-based) that raised it; the size or the bound is often set elsewhere.
    OutOfRange { line: usize },
    /// A test timed out: a loop that never ends, often a `while` whose body never updates what its condition reads.
    Hang,
}

impl Missing {
    /// From an error's kind and message (CPython's wording, 3.8 to 3.13) and the line it was raised on; `None` for
    /// any other error.
    pub fn of(kind: &str, message: &str, line: usize) -> Option<Missing> {
        // The quoted parts of the message, in order: `'list' object has no attribute 'fact'` gives list, fact.
        let quoted: Vec<&str> = message.split('\'').skip(1).step_by(2).collect();
        let is_name = |q: &str| !q.is_empty() && q.chars().all(|c| c.is_alphanumeric() || c == '_');
        let name = |i: usize| quoted.get(i).filter(|q| is_name(q)).map(|q| q.to_string());
        match kind {
            "NameError" if message.starts_with("name '") => name(0).map(Missing::Name),
            "UnboundLocalError" => name(0).map(Missing::Local),
            "AttributeError" if message.starts_with('\'') && message.contains("' object has no attribute '") => {
                Some(Missing::Attribute { type_name: name(0)?, attribute: name(1)? })
            }
            "AttributeError" if message.starts_with("module '") && message.contains("' has no attribute '") => {
                Some(Missing::ModuleAttribute { module: name(0)?, attribute: name(1)? })
            }
            "TypeError" if message.contains(" indices must be integers") => Some(Missing::Index { line }),
            "TypeError" if message.ends_with("' object is not callable") => Some(Missing::NotCallable { line }),
            "IndexError" if message.ends_with("index out of range") => Some(Missing::OutOfRange { line }),
            "TypeError" => {
                let concatenation = message.strip_prefix("can only concatenate ");
                let types: Vec<String> = match concatenation {
                    // `str (not "int") to str`
                    Some(rest) => [rest.split(' ').next(), rest.split('"').nth(1)]
                        .into_iter()
                        .flatten()
                        .filter(|t| is_name(t))
                        .map(str::to_string)
                        .collect(),
                    // The quoted types (an operator, `'<'`, is no name); a call's own complaints quote none.
                    None => quoted.iter().filter(|q| is_name(q)).map(|q| q.to_string()).collect(),
                };
                let operator = if concatenation.is_some() {
                    Some("+")
                } else if let Some(rest) = message.strip_prefix("unsupported operand type(s) for ") {
                    // `+=: 'int' and 'str'`, `** or pow(): …`
                    rest.split([':', ' ']).next()
                } else if let Some(rest) = message.strip_prefix("bad operand type for unary ") {
                    rest.split(':').next()
                } else if message.contains("' not supported between instances of '") {
                    quoted.first().copied()
                } else {
                    None
                };
                let operator = operator.filter(|o| !o.is_empty()).map(str::to_string);
                (!types.is_empty()).then_some(Missing::WrongType { types, line, operator })
            }
            _ => None,
        }
    }
}

/// The 0-based line of each byte offset of `source`, from one scan of its newlines.
pub(super) fn line_index(source: &str) -> impl Fn(u32) -> usize {
    let newlines: Vec<usize> = source.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| i).collect();
    move |offset| newlines.partition_point(|&n| n < offset as usize)
}

/// The lines (0-based) other than `line` that bind a name read on `line`: its assignments and augmented
/// assignments, loop and `with` targets, parameters (the `def` line).
fn binding_lines(tree: &Tree, line: usize) -> Vec<usize> {
    let line_at = line_index(tree.source());
    let line_of = |span: Span| line_at(span.start);
    let nodes = tree.nodes();
    let read = names_read_on(tree, line);
    let mut out: Vec<usize> = nodes
        .iter()
        .filter(|n| {
            n.kind == "identifier"
                && n.class == Some(ReplacementClass::Identifier)
                && n.field != Some("attribute")
                && read.contains(&tree.text(n.span))
        })
        .map(|n| line_of(n.span))
        .filter(|&l| l != line)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// A `while` loop whose condition reads a name (not `while True:`, which a `break` in its body ends), with the lines
/// (0-based) a hang in it suspects: its header, the lines of its body that read or bind a name the condition reads
/// (`lo = mid`, `n // 10` under `while n > 0`), and the lines before it that bind one.
struct HangingLoop {
    header: usize,
    inside: Vec<usize>,
    before: Vec<usize>,
}

/// The `while` loops of a tree that read a name in their condition (see [`HangingLoop`]).
fn hanging_loops(tree: &Tree) -> Vec<HangingLoop> {
    let line_at = line_index(tree.source());
    let mut loops = Vec::new();
    for n in tree.nodes().iter().filter(|n| n.kind == "while_statement") {
        let (header, end) = (line_at(n.span.start), line_at(n.span.end.saturating_sub(1)));
        let names = names_read_on(tree, header);
        if names.is_empty() {
            continue;
        }
        let mut inside: Vec<usize> = tree
            .nodes()
            .iter()
            .filter(|n| n.kind == "identifier" && n.field != Some("attribute") && names.contains(&tree.text(n.span)))
            .map(|n| line_at(n.span.start))
            .filter(|&l| l > header && l <= end)
            .collect();
        inside.sort_unstable();
        inside.dedup();
        let before = binding_lines(tree, header).into_iter().filter(|&l| l < header).collect();
        loops.push(HangingLoop { header, inside, before });
    }
    loops
}

/// The lines (0-based) of the `if` and `elif` conditions whose branch begins with a `return`: a recursion's base
/// cases (`if len(arr) == 0: return arr`).
fn base_case_guards(tree: &Tree) -> Vec<usize> {
    let line_at = line_index(tree.source());
    let ids = 0..tree.nodes().len() as syntax::NodeId;
    ids.filter(|&id| begins_by_returning(tree, id)).map(|id| line_at(tree.node(id).span.start)).collect()
}

/// Is `id` an `if` or `elif` whose branch begins with a `return` (comments aside): a base case's shape?
pub(super) fn begins_by_returning(tree: &Tree, id: syntax::NodeId) -> bool {
    matches!(tree.node(id).kind, "if_statement" | "elif_clause") && {
        let branch = tree.children(id).find(|&c| tree.node(c).field == Some("consequence"));
        let first = branch.and_then(|b| tree.named_children(b).find(|&c| !tree.node(c).extra));
        first.is_some_and(|f| tree.node(f).kind == "return_statement")
    }
}

/// The names read on a line (0-based): reads are expressions; names in binding (or attribute) position have the
/// identifier class.
fn names_read_on(tree: &Tree, line: usize) -> Vec<&str> {
    let line_at = line_index(tree.source());
    let reads = tree.nodes().iter().filter(|n| n.kind == "identifier" && n.class == Some(ReplacementClass::Expression));
    reads.filter(|n| line_at(n.span.start) == line).map(|n| tree.text(n.span)).collect()
}

/// Exceptions a missing check lets through: a zero divisor, an empty sequence, a missing key, a `None`.
const GUARDED_ERRORS: [&str; 6] =
    ["ZeroDivisionError", "IndexError", "KeyError", "ValueError", "TypeError", "AttributeError"];

/// Does every test of `report` that fails run none of the function's lines (the function at `offset` lines into
/// the program, as in [`Suspicion::from_report`]), where some test does run them? No edit of the function's body can
/// mend such a test: it never calls the function (the bug is in another one). Only tests that failed an assertion
/// or raised count: one that did not finish (a timeout, a crash) may have lost its trace, and a `TypeError` may be a
/// call that never got into the function (a keyword argument its header misspells).
pub fn fails_elsewhere(report: &TestReport, offset: usize, source: &str) -> bool {
    let n = source.lines().count();
    let runs_function =
        |lines: &[u32]| lines.iter().any(|&l| (l as usize).checked_sub(offset + 1).is_some_and(|l| l < n));
    let failing: Vec<_> = report.tests.iter().filter(|t| t.outcome != Outcome::Passed).collect();
    let traced = |outcome: &Outcome| match outcome {
        Outcome::Failed { .. } => true,
        Outcome::Error { kind, .. } => !matches!(kind.as_str(), "TypeError" | "Crash" | "ProcessExit" | "SandboxError"),
        _ => false,
    };
    !failing.is_empty()
        && failing.iter().all(|t| traced(&t.outcome) && !runs_function(&t.lines))
        && report.tests.iter().any(|t| runs_function(&t.lines))
}

/// Is this line (its indentation trimmed) a `def` line?
fn is_def_line(line: &str) -> bool {
    line.starts_with("def ") || line.starts_with("async def ")
}

/// The name the function's `def` line defines.
pub fn defined_name(source: &str) -> Option<&str> {
    let line = source.lines().map(str::trim_start).find(|l| is_def_line(l))?;
    let rest = line.strip_prefix("async ").unwrap_or(line).strip_prefix("def ")?;
    rest.split('(').next().map(str::trim).filter(|n| !n.is_empty())
}

/// Does code that runs when `program` loads name `name`: a top-level statement, a class body, a decorator or a
/// default value, or the body of a top-level function or class such code names (`TABLE = table()`, `C()`), and so on
/// until nothing new is named? Such a call runs before the tests do, untraced, so a test can fail through the
/// function while its trace never shows it. A definition's own name is not a use; a lambda's body outside any
/// definition is not taken to run.
pub fn named_at_load(program: &str, name: &str) -> bool {
    let tree = syntax::parse(program);
    // Each use: its name, whether a function's or a lambda's body holds it, and the top-level definition holding it.
    let mut uses: Vec<(&str, bool, Option<&str>)> = Vec::new();
    for id in 0..tree.nodes().len() as NodeId {
        let node = tree.node(id);
        if node.kind != "identifier" || is_definition_name(&tree, id) {
            continue;
        }
        let (mut in_body, mut top, mut at) = (false, None, id);
        while let Some(parent) = tree.node(at).parent {
            let kind = tree.node(parent).kind;
            in_body |= tree.node(at).field == Some("body") && matches!(kind, "function_definition" | "lambda");
            if tree.node(parent).parent == Some(0) {
                let definition = tree.undecorated(parent);
                top = tree
                    .children(definition)
                    .find(|&c| is_definition_name(&tree, c))
                    .map(|c| tree.text(tree.node(c).span));
            }
            at = parent;
        }
        uses.push((tree.text(node.span), in_body, top));
    }
    let mut live: HashSet<&str> = uses.iter().filter(|u| !u.1).map(|u| u.0).collect();
    loop {
        let named: Vec<&str> = uses
            .iter()
            .filter(|u| u.1 && u.2.is_some_and(|t| live.contains(t)) && !live.contains(u.0))
            .map(|u| u.0)
            .collect();
        if named.is_empty() {
            return live.contains(name);
        }
        live.extend(named);
    }
}

/// Is `id` the name a function or class definition defines?
fn is_definition_name(tree: &Tree, id: NodeId) -> bool {
    let node = tree.node(id);
    node.field == Some("name")
        && node.parent.is_some_and(|p| matches!(tree.node(p).kind, "function_definition" | "class_definition"))
}

impl Suspicion {
    /// From a traced run of the function (`source`) with its file context: `offset` lines came before the function.
    /// `None` when no failing test reported a line of the function (all passed, the program
    /// did not load, or the failing tests timed out): nothing to localise with.
    pub fn from_report(report: &TestReport, offset: usize, source: &str) -> Option<Suspicion> {
        let source_lines = source.lines().count();
        let def_line = source.lines().position(|l| is_def_line(l.trim_start()));
        let mut failed = vec![0u32; source_lines];
        let mut passed = vec![0u32; source_lines];
        // In tests: a `NameError` gives half to the line that raised, half to the `def` line; another exception all
        // of one to the line, and half of one to each line binding a name read there.
        let mut raised = vec![0f64; source_lines];
        // Parsed, and each line's bindings found, once per report: every failing test can die on the same line.
        let mut tree = None;
        let mut bindings: Vec<Option<Vec<usize>>> = vec![None; source_lines];
        // And its `while` loops, for the tests that hang.
        let mut all_loops: Option<Vec<HangingLoop>> = None;
        // And its base cases, for the tests that recurse for ever.
        let mut all_guards: Option<Vec<usize>> = None;
        let mut failed_total = 0u32;
        let mut crashed = false;
        let mut missing = Vec::new();
        for test in &report.tests {
            let ok = matches!(test.outcome, Outcome::Passed);
            let lines = test
                .lines
                .iter()
                .filter_map(|&l| (l as usize).checked_sub(offset + 1))
                .filter(|&l| l < source_lines)
                .collect::<Vec<_>>();
            if lines.is_empty() {
                // A failing test that ran none of the function says nothing about where the bug is.
                continue;
            }
            if !ok {
                failed_total += 1;
            }
            if let Outcome::Error { kind, message, line: Some(l), .. } = &test.outcome
                && let Some(l) = (*l as usize).checked_sub(offset + 1).filter(|&l| l < source_lines)
            {
                crashed |= GUARDED_ERRORS.contains(&kind.as_str());
                if let Some(m) = Missing::of(kind, message, l).filter(|m| !missing.contains(m)) {
                    missing.push(m);
                }
                // Half to the line that raised and half to the header for a `NameError` (see the module doc).
                match def_line.filter(|&d| d != l && kind == "NameError") {
                    Some(d) => {
                        raised[l] += 0.5;
                        raised[d] += 0.5;
                    }
                    None => raised[l] += 1.0,
                }
                if !matches!(kind.as_str(), "NameError" | "UnboundLocalError") {
                    let bound = bindings[l]
                        .get_or_insert_with(|| binding_lines(tree.get_or_insert_with(|| syntax::parse(source)), l));
                    for &b in bound.iter() {
                        raised[b] += 0.5;
                    }
                }
            }
            if matches!(test.outcome, Outcome::Timeout) {
                if !missing.contains(&Missing::Hang) {
                    missing.push(Missing::Hang);
                }
                // A test that hangs is stuck in a loop whose condition never turns false: its `while` headers (the
                // ones this test ran, shared between them) and the lines in the loop reading or binding the names
                // they read (`lo = mid` under `while lo <= hi`) are where it died, as a raised exception's line is;
                // the lines binding them before the loop get half as much.
                let tree = tree.get_or_insert_with(|| syntax::parse(source));
                let loops = all_loops.get_or_insert_with(|| hanging_loops(tree));
                let ran: Vec<&HangingLoop> = loops.iter().filter(|l| lines.contains(&l.header)).collect();
                let share = 1.0 / ran.len().max(1) as f64;
                for l in ran {
                    raised[l.header] += share;
                    for &i in &l.inside {
                        raised[i] += share;
                    }
                    for &b in &l.before {
                        raised[b] += share / 2.0;
                    }
                }
            }
            if matches!(&test.outcome, Outcome::Error { kind, .. } if kind == "RecursionError") {
                let tree = tree.get_or_insert_with(|| syntax::parse(source));
                let guards = all_guards.get_or_insert_with(|| base_case_guards(tree));
                let ran: Vec<usize> = guards.iter().copied().filter(|g| lines.contains(g)).collect();
                for &g in &ran {
                    raised[g] += 0.5 / ran.len() as f64;
                }
            }
            for l in lines {
                if ok {
                    passed[l] += 1;
                } else {
                    failed[l] += 1;
                }
            }
        }
        if failed_total == 0 {
            return None;
        }
        let ochiai =
            |f: u32, p: u32| if f == 0 { 0.0 } else { f as f64 / (failed_total as f64 * (f + p) as f64).sqrt() };
        // The line a failing test died on (see the module doc) gets the share of failing tests that died there.
        let mut lines: Vec<f64> =
            (0..source_lines).map(|l| ochiai(failed[l], passed[l]) + raised[l] / failed_total as f64).collect();
        let top = lines.iter().copied().fold(0.0, f64::max);
        if top <= 0.0 {
            return None;
        }
        lines.iter_mut().for_each(|s| *s /= top);
        Some(Suspicion { lines, crashed, missing })
    }

    /// Did a failing test raise, in the function, an exception that a check of its input would have prevented (a
    /// `ZeroDivisionError`, an `IndexError`, a `KeyError`, a `ValueError`, a `TypeError`, an `AttributeError`)?
    /// Then the baseline tries guards (`baseline::guard_edits`).
    pub fn crashed(&self) -> bool {
        self.crashed
    }

    /// What the failing tests' errors in the function say the program lacks (`Missing`).
    pub fn missing(&self) -> &[Missing] {
        &self.missing
    }

    /// Per span (byte ranges of `tree`, which must be the program the spectrum was taken on), the log-prior of an
    /// edit there: `ln(max(suspicion, FLOOR))`, in `[ln FLOOR, 0]`.
    pub fn priors(&self, tree: &Tree, spans: &[Span]) -> Vec<f64> {
        let line = line_index(tree.source());
        let statements: Vec<Span> =
            tree.nodes().iter().filter(|n| n.named && is_statement(n.kind)).map(|n| n.span).collect();
        spans
            .iter()
            .map(|&span| {
                // The innermost statement holding the span starts last among those that hold it.
                let first = statements
                    .iter()
                    .filter(|s| s.contains(span))
                    .map(|s| s.start)
                    .max()
                    .map_or(span.start, |s| s.min(span.start));
                let last = line(span.end.saturating_sub(1).max(span.start));
                let top = (line(first)..=last).filter_map(|l| self.lines.get(l)).copied().fold(0.0, f64::max);
                WEIGHT * top.max(FLOOR).ln()
            })
            .collect()
    }

    /// The suspicion of each line (0-based lines of the function), the most suspicious scaled to 1.
    pub fn lines(&self) -> &[f64] {
        &self.lines
    }
}

/// How suspicious one traced run of a whole program makes each of several of its parts, given as 1-based inclusive
/// line ranges (the functions of a file): the Ochiai suspicion of the part's most suspicious line, plus the share of
/// failing tests that raised an exception within it. Tells which function of a file to repair when the tests call
/// several; unlike [`Suspicion`], not scaled, so parts compare. All 0 when no test failed.
pub fn part_suspicions(report: &TestReport, parts: &[(u32, u32)]) -> Vec<f64> {
    let failing: Vec<_> = report.tests.iter().filter(|t| !matches!(t.outcome, Outcome::Passed)).collect();
    if failing.is_empty() {
        return vec![0.0; parts.len()];
    }
    let mut failed: HashMap<u32, u32> = HashMap::new();
    let mut passed: HashMap<u32, u32> = HashMap::new();
    for test in &report.tests {
        let counts = if matches!(test.outcome, Outcome::Passed) { &mut passed } else { &mut failed };
        for &line in &test.lines {
            *counts.entry(line).or_default() += 1;
        }
    }
    let total = failing.len() as f64;
    parts
        .iter()
        .map(|&(first, last)| {
            let ochiai = (first..=last)
                .filter_map(|l| {
                    let f = *failed.get(&l)?;
                    let p = passed.get(&l).copied().unwrap_or(0);
                    Some(f as f64 / (total * (f + p) as f64).sqrt())
                })
                .fold(0.0, f64::max);
            let raised = failing
                .iter()
                .filter(|t| matches!(t.outcome, Outcome::Error { line: Some(l), .. } if (first..=last).contains(&l)))
                .count();
            ochiai + raised as f64 / total
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exec::TestResult;

    fn test(passed: bool, lines: &[u32]) -> TestResult {
        let outcome = if passed { Outcome::Passed } else { Outcome::Failed { message: String::new() } };
        TestResult { name: "t".into(), outcome, lines: lines.to_vec() }
    }

    fn report(tests: Vec<TestResult>) -> TestReport {
        TestReport::of_results(tests)
    }

    const PROGRAM: &str = "def f(x):\n    if x > 0:\n        return x + 1\n    return -x\n";

    #[test]
    fn a_partial_repair_fails_elsewhere_only_where_no_failing_test_calls_the_function() {
        // PROGRAM at offset 2: lines 3–6 of the program; line 1 is a helper's.
        let elsewhere = |tests| fails_elsewhere(&report(tests), 2, PROGRAM);
        assert!(elsewhere(vec![test(false, &[1]), test(true, &[3, 4, 5])]));
        // A failing test that runs the function, one line is enough.
        assert!(!elsewhere(vec![test(false, &[1, 6]), test(true, &[3, 4, 5])]));
        // No test runs it: the traces say nothing (the function is not reached at all, or nothing was traced).
        assert!(!elsewhere(vec![test(false, &[1]), test(true, &[1])]));
        // A test that did not finish may have lost its trace; a `TypeError` may be a call that never got in.
        let hung = TestResult { name: "t".into(), outcome: Outcome::Timeout, lines: Vec::new() };
        assert!(!elsewhere(vec![test(false, &[1]), hung, test(true, &[3])]));
        let error = |kind: &str| TestResult {
            name: "t".into(),
            outcome: Outcome::Error { kind: kind.into(), message: String::new(), line: None, entry_line: None },
            lines: Vec::new(),
        };
        for kind in ["Crash", "ProcessExit", "TypeError"] {
            assert!(!elsewhere(vec![test(false, &[1]), error(kind), test(true, &[3])]), "{kind}");
        }
        assert!(elsewhere(vec![error("KeyError"), test(true, &[3])]));
        // The function's first line is the program's line offset + 1; the line before it is not the function's.
        assert!(!elsewhere(vec![test(false, &[3]), test(true, &[4])]));
        assert!(elsewhere(vec![test(false, &[2]), test(true, &[4])]));
        assert_eq!(defined_name(PROGRAM), Some("f"));
        assert_eq!(defined_name("@cache\nasync def g (x):\n    pass\n"), Some("g"));
        // Nothing fails: nothing is elsewhere.
        assert!(!elsewhere(vec![test(true, &[3])]));
    }

    #[test]
    fn a_name_is_used_at_load_in_top_level_code_class_bodies_and_defaults_but_not_in_bodies() {
        let file =
            |extra: &str| format!("def trim(p):\n    return p\n\ndef add(p, q):\n    return trim(p + q)\n{extra}");
        // Called from another function's body (traced when a test calls it) or in a lambda's: not at load.
        assert!(!named_at_load(&file(""), "trim"));
        assert!(!named_at_load(&file("key = lambda p: trim(p)\n"), "trim"));
        assert!(!named_at_load(&file("class C:\n    def m(self):\n        return trim(self)\n"), "trim"));
        // Run at load: a top-level call, a table, a class attribute, a default value, a decorator.
        assert!(named_at_load(&file("ZERO = trim([0])\n"), "trim"));
        assert!(named_at_load(&file("OPS = {'t': trim}\n"), "trim"));
        assert!(named_at_load(&file("class C:\n    t = staticmethod(trim)\n"), "trim"));
        assert!(named_at_load(&file("def g(p, f=trim):\n    return f(p)\n"), "trim"));
        assert!(named_at_load(&file("@trim\ndef g():\n    pass\n"), "trim"));
        // Through what load-time code calls: a function that builds a table, a class whose constructor calls it.
        assert!(named_at_load(&file("def table():\n    return {1: trim(1)}\n\nTABLE = table()\n"), "trim"));
        let class = "class C:\n    def __init__(self):\n        self.p = trim([])\n\n";
        assert!(named_at_load(&file(&format!("{class}INSTANCE = C()\n")), "trim"));
        assert!(!named_at_load(&file(class), "trim"));
        // Only that name, as a whole identifier.
        assert!(!named_at_load(&file("trimmed = 1\n"), "trim"));
    }

    #[test]
    fn parts_are_scored_by_their_most_suspicious_line_and_where_tests_raised() {
        // Two functions, lines 1–3 and 5–7: the failing test runs both, the passing one only the first.
        let r = report(vec![test(false, &[1, 2, 5, 6]), test(true, &[1, 2, 3])]);
        let scores = part_suspicions(&r, &[(1, 3), (5, 7), (9, 9)]);
        assert_eq!(scores[1], 1.0, "{scores:?}");
        assert!(scores[0] > 0.0 && scores[0] < scores[1], "{scores:?}");
        assert_eq!(scores[2], 0.0);
        // A test that raised in the first part adds its share there.
        let raised = TestResult {
            name: "t".into(),
            outcome: Outcome::Error {
                kind: "KeyError".into(),
                message: String::new(),
                line: Some(2),
                entry_line: None,
            },
            lines: vec![1, 2],
        };
        let r = report(vec![raised, test(false, &[5, 6]), test(true, &[1, 2, 3])]);
        let scores = part_suspicions(&r, &[(1, 3), (5, 7)]);
        assert!(scores[0] > scores[1], "{scores:?}");
        // Nothing failed: nothing to choose by.
        assert_eq!(part_suspicions(&report(vec![test(true, &[1])]), &[(1, 3)]), vec![0.0]);
    }

    #[test]
    fn the_line_only_failing_tests_run_ranks_first() {
        // Line 3 (`return x + 1`) is run by the failing test only; 1, 2 by every test; 4 by the passing one.
        let r = report(vec![test(false, &[1, 2, 3]), test(true, &[1, 2, 4])]);
        let s = Suspicion::from_report(&r, 0, PROGRAM).expect("a failing test ran the function");
        assert_eq!(s.lines()[2], 1.0);
        assert!(s.lines()[0] < 1.0 && s.lines()[0] > 0.0);
        assert_eq!(s.lines()[3], 0.0);
        let tree = crate::syntax::parse(PROGRAM);
        let at = |text: &str| {
            let start = PROGRAM.find(text).expect("in the program");
            Span::new(start, start + text.len())
        };
        let p = s.priors(&tree, &[at("x + 1"), at("x > 0"), at("-x"), at("(x)")]);
        assert_eq!(p[0], 0.0, "the suspicious return");
        assert!(p[1] < 0.0 && p[1] > FLOOR.ln(), "the condition: run by both");
        assert_eq!(p[2], FLOOR.ln(), "a line no failing test runs");
        assert!(p[3] > FLOOR.ln(), "the parameters take the def line, which the failing test ran");
    }

    #[test]
    fn the_line_a_failing_test_died_on_ranks_first() {
        // Both lines are run by the failing tests alone (the spectrum ties them); one test raised on line 2.
        let died = |kind: &str| TestResult {
            name: "t".into(),
            outcome: Outcome::Error { kind: kind.into(), message: String::new(), line: Some(2), entry_line: None },
            lines: vec![1, 2],
        };
        let source = "def f(x):\n    return len(x) + y\n";
        let r = report(vec![died("TypeError"), test(false, &[1, 2]), test(true, &[])]);
        let s = Suspicion::from_report(&r, 0, source).expect("localised");
        assert_eq!(s.lines()[1], 1.0);
        // The header binds `x`, read where the test died: (1 + 0.5 / 2) / (1 + 1 / 2).
        assert!((s.lines()[0] - 5.0 / 6.0).abs() < 1e-9, "{:?}", s.lines());
        // A name read but never bound: the read and the header (a misspelt parameter) tie.
        let r = report(vec![died("NameError"), test(false, &[1, 2]), test(true, &[])]);
        let s = Suspicion::from_report(&r, 0, source).expect("localised");
        assert_eq!(s.lines(), &[1.0, 1.0]);
        assert!(!s.crashed(), "a name never bound is no missing check");
        let r = report(vec![died("ZeroDivisionError"), test(true, &[1, 2])]);
        assert!(Suspicion::from_report(&r, 0, source).expect("localised").crashed());
        assert!(!Suspicion::from_report(&report(vec![test(false, &[1, 2])]), 0, source).unwrap().crashed());
    }

    #[test]
    fn the_lines_binding_what_the_dying_line_reads_rank_next() {
        let source = "def matmul(a, b):\n    n, p = len(a), len(b[0])\n    out = [[0] * n for _ in range(n)]\n    \
                      for i in range(n):\n        for j in range(p):\n            out[i][j] += a[i][0] * b[0][j]\n    \
                      total = 0\n    return out\n";
        let tree = crate::syntax::parse(source);
        // `out`, `i`, `j` are bound on lines 3, 4, 5 (1-based), `a` and `b` by the header; `total` is not read.
        assert_eq!(binding_lines(&tree, 5), vec![0, 2, 3, 4]);
        let every_line: Vec<u32> = (1..=8).collect();
        let died = TestResult {
            name: "t".into(),
            outcome: Outcome::Error {
                kind: "IndexError".into(),
                message: String::new(),
                line: Some(6),
                entry_line: None,
            },
            lines: every_line.clone(),
        };
        let r = report(vec![died, test(true, &every_line)]);
        let s = Suspicion::from_report(&r, 0, source).expect("localised");
        assert_eq!(s.lines()[5], 1.0);
        let (bound, other) = (s.lines()[2], s.lines()[6]);
        assert!(bound < 1.0 && other < bound, "{:?}", s.lines());
        assert_eq!(s.lines()[0], bound);
        assert_eq!(s.lines()[1], other, "n and p are not read where it died");
    }

    #[test]
    fn a_hanging_test_suspects_its_loop_header_and_the_updates_of_what_it_reads() {
        let source = "def find(arr, x):\n    lo, hi = 0, len(arr)\n    while lo <= hi:\n        mid = (lo + hi) // 2\n        \
                      if arr[mid] < x:\n            lo = mid + 1\n        else:\n            hi = mid\n    return lo\n";
        let every_line: Vec<u32> = (1..=9).collect();
        let hung = TestResult { name: "t".into(), outcome: Outcome::Timeout, lines: every_line.clone() };
        // Every test runs every line: the spectrum alone ties them.
        let r = report(vec![hung, test(true, &every_line)]);
        let s = Suspicion::from_report(&r, 0, source).expect("localised");
        // The header and the lines in the loop that read or bind what it reads tie; the initialisation before the
        // loop follows, then the loop's other lines.
        assert_eq!(s.lines()[2], 1.0, "the while header: {:?}", s.lines());
        assert_eq!(s.lines()[3], 1.0, "mid = (lo + hi) // 2: {:?}", s.lines());
        assert_eq!(s.lines()[5], 1.0, "lo = mid + 1: {:?}", s.lines());
        assert_eq!(s.lines()[7], 1.0, "hi = mid: {:?}", s.lines());
        let (before, other) = (s.lines()[1], s.lines()[4]);
        assert!(before < 1.0 && other < before, "{:?}", s.lines());
        // What the hang says the program lacks: an update of what a loop's condition reads.
        assert_eq!(s.missing(), &[Missing::Hang]);
        // A test that failed by its assertion names no loop, and neither does a `while True:`.
        let r = report(vec![test(false, &every_line), test(true, &every_line)]);
        let s = Suspicion::from_report(&r, 0, source).expect("localised");
        assert_eq!(s.lines()[2], s.lines()[4]);
        assert!(s.missing().is_empty());
        let source = source.replace("lo <= hi", "True");
        let hung = TestResult { name: "t".into(), outcome: Outcome::Timeout, lines: every_line.clone() };
        let s = Suspicion::from_report(&report(vec![hung, test(true, &every_line)]), 0, &source).expect("localised");
        assert_eq!(s.lines()[2], s.lines()[4]);
    }

    #[test]
    fn a_test_that_recurses_for_ever_suspects_the_base_cases() {
        let source = "def msort(xs):\n    if len(xs) == 0:\n        return xs\n    half = len(xs) // 2\n    \
                      return merge(msort(xs[:half]), msort(xs[half:]))\n";
        let every_line: Vec<u32> = (1..=5).collect();
        let recursed = |line| TestResult {
            name: "t".into(),
            outcome: Outcome::Error {
                kind: "RecursionError".into(),
                message: "maximum recursion depth".into(),
                line,
                entry_line: None,
            },
            lines: every_line.clone(),
        };
        let base_case = |outcome: TestResult| {
            let s = Suspicion::from_report(&report(vec![outcome, test(true, &every_line)]), 0, source);
            let s = s.expect("localised");
            (s.lines()[1], s.lines()[2])
        };
        // Dying in the recursive call, the base case's guard follows the line that raised, ahead of the rest; any
        // other error there leaves the guard with the rest.
        let (guard, other) = base_case(recursed(Some(5)));
        assert!(guard < 1.0 && other < guard, "{guard} {other}");
        let mut raised = recursed(Some(5));
        raised.outcome =
            Outcome::Error { kind: "TypeError".into(), message: "unsupported".into(), line: Some(5), entry_line: None };
        let (guard, other) = base_case(raised);
        assert_eq!(guard, other);
    }

    #[test]
    fn errors_say_what_is_missing() {
        let name = |s: &str| Some(Missing::Name(s.into()));
        assert_eq!(Missing::of("NameError", "name 'delimeter' is not defined", 0), name("delimeter"));
        let local = Some(Missing::Local("total".into()));
        assert_eq!(
            Missing::of(
                "UnboundLocalError",
                "cannot access local variable 'total' where it is not associated with a value",
                0
            ),
            local
        );
        assert_eq!(Missing::of("UnboundLocalError", "local variable 'total' referenced before assignment", 0), local);
        let attribute = Missing::of("AttributeError", "'list' object has no attribute 'fact'", 0);
        assert_eq!(attribute, Some(Missing::Attribute { type_name: "list".into(), attribute: "fact".into() }));
        let module = Missing::of("AttributeError", "module 're' has no attribute 'num_list'", 0);
        assert_eq!(module, Some(Missing::ModuleAttribute { module: "re".into(), attribute: "num_list".into() }));
        let index = Missing::of("TypeError", "tuple indices must be integers or slices, not function", 4);
        assert_eq!(index, Some(Missing::Index { line: 4 }));
        let called = Missing::of("TypeError", "'str' object is not callable", 2);
        assert_eq!(called, Some(Missing::NotCallable { line: 2 }));
        assert_eq!(Missing::of("IndexError", "list index out of range", 3), Some(Missing::OutOfRange { line: 3 }));
        assert_eq!(Missing::of("IndexError", "pop from empty list", 3), None);
        // A refusal names the types refused, and the line that raised it.
        let operand = |types: &[&str], line, operator: Option<&str>| {
            let types = types.iter().map(|t| t.to_string()).collect();
            Some(Missing::WrongType { types, line, operator: operator.map(str::to_string) })
        };
        assert_eq!(
            Missing::of("TypeError", "unsupported operand type(s) for +=: 'int' and 'str'", 3),
            operand(&["int", "str"], 3, Some("+="))
        );
        assert_eq!(
            Missing::of("TypeError", "can only concatenate str (not \"int\") to str", 1),
            operand(&["str", "int"], 1, Some("+"))
        );
        assert_eq!(
            Missing::of("TypeError", "'<' not supported between instances of 'str' and 'int'", 2),
            operand(&["str", "int"], 2, Some("<"))
        );
        assert_eq!(Missing::of("TypeError", "bad operand type for unary -: 'str'", 0), operand(&["str"], 0, Some("-")));
        // Other wordings and other errors say nothing the baseline can use.
        assert_eq!(Missing::of("AttributeError", "type object 'str' has no attribute 'sqr'", 0), None);
        assert_eq!(
            Missing::of("NameError", "free variable 'x' referenced before assignment in enclosing scope", 0),
            None
        );
        assert_eq!(Missing::of("TypeError", "'function' object is not iterable", 4), operand(&["function"], 4, None));
        assert_eq!(Missing::of("TypeError", "object of type 'int' has no len()", 0), operand(&["int"], 0, None));
        assert_eq!(Missing::of("TypeError", "f() takes 2 positional arguments but 3 were given", 0), None);
        assert_eq!(Missing::of("NameError", "name '' is not defined", 0), None);
        // Only errors raised in the function count, each once.
        let source = "def f(xs):\n    return xs.fact()\n";
        let died = |line: u32| TestResult {
            name: "t".into(),
            outcome: Outcome::Error {
                kind: "AttributeError".into(),
                message: "'list' object has no attribute 'fact'".into(),
                line: Some(line),
                entry_line: None,
            },
            lines: vec![1, 2],
        };
        let s = Suspicion::from_report(&report(vec![died(2), died(2)]), 0, source).expect("localised");
        assert_eq!(s.missing(), &[attribute.expect("parsed")]);
        let s = Suspicion::from_report(&report(vec![died(7)]), 0, source).expect("localised");
        assert!(s.missing().is_empty(), "raised outside the function");
    }

    #[test]
    fn context_lines_are_skipped_and_no_failure_means_no_localisation() {
        // Two lines of context before the function: program line 5 is the function's line 3.
        let r = report(vec![test(false, &[1, 3, 5]), test(true, &[3, 4])]);
        let source = "def f(x):\n    y = x\n    z = y\n    return z\n";
        let s = Suspicion::from_report(&r, 2, source).expect("localised");
        assert_eq!(s.lines(), &[1.0 / 2f64.sqrt(), 0.0, 1.0, 0.0]);
        assert!(Suspicion::from_report(&report(vec![test(true, &[3])]), 2, source).is_none());
        assert!(Suspicion::from_report(&report(vec![test(false, &[])]), 0, source).is_none(), "no lines: no evidence");
    }
}
