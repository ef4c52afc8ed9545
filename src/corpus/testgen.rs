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
//! calling pure-looking module-level functions (no `self`, no global names but safe builtins, no imports) on inputs
//! sampled from annotations, defaults, names and literals of the body. Every assert is then run against the clean
//! function in the sandbox and kept only if it passes. Origins stay as they were: a tested standard-library function
//! is `Origin::Stdlib` with `spec.tests` set.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::Task;
use crate::exec::{CallOutcome, ExecError, Probe, ProbeConfig, ProbeInputs, ProbeRequest, Sandbox, Tests};

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
    let (lines, calls) = match probe {
        Probe::Rejected(why) => return Err(why.clone()),
        Probe::Probed { lines, calls } => (lines, calls),
    };
    struct Usable<'a> {
        args: &'a str,
        repr: &'a str,
        lines: &'a [u32],
        echoes: &'a [u32],
    }
    let usable: Vec<Usable> = calls
        .iter()
        .filter_map(|c| match &c.outcome {
            CallOutcome::Returned { repr, lines, echoes }
                if entry_point.len() + c.args.len() + repr.len() + 14 <= policy.max_line =>
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
    let echoed = (0..8u32).any(|p| chosen.iter().all(|&i| usable[i].echoes.contains(&p)));
    if echoed {
        return Err("returns an argument".into());
    }
    if policy.full_coverage && lines.iter().any(|l| !covered.contains(l)) {
        return Err("untested branch".into());
    }
    chosen.sort_unstable();
    Ok(chosen.iter().map(|&i| format!("assert {entry_point}({}) == {}", usable[i].args, usable[i].repr)).collect())
}

/// How [`write_tests`] went.
#[derive(Debug, Clone, Default, Serialize)]
pub struct TestWriteReport {
    /// Module-level functions considered.
    pub candidates: usize,
    /// Functions that ended with at least `min_tests` passing tests.
    pub tested: usize,
    /// Of those, functions with at least one doctest-derived test.
    pub with_doctests: usize,
    /// Tests written (after the sandbox check).
    pub tests: usize,
    /// Candidates left without tests, by reason.
    pub rejected: BTreeMap<String, usize>,
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
    // Module-level functions only: a method needs an instance, which a standalone test cannot build.
    let candidates: Vec<usize> = (0..tasks.len())
        .filter(|&i| {
            let t = &tasks[i];
            t.spec.tests.is_none() && t.id.rsplit_once(':').is_some_and(|(_, q)| !q.contains('.'))
        })
        .collect();
    report.candidates = candidates.len();
    let requests: Vec<ProbeRequest> = candidates
        .iter()
        .enumerate()
        .map(|(k, &i)| ProbeRequest {
            program: tasks[i].source.clone(),
            entry_point: tasks[i].entry_point.clone(),
            inputs: ProbeInputs::Sampled { seed: seed.wrapping_add(k as u64), samples },
            pure: true,
        })
        .collect();
    let probes = sandbox.probe_many(&requests, probe)?;
    // Proposed tests per candidate: doctests, then recorded ones.
    let mut proposed: Vec<(usize, Vec<String>, usize)> = Vec::new();
    for (&i, probe) in candidates.iter().zip(&probes) {
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
                    *report.rejected.entry(why).or_insert(0) += 1;
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
        proposed.push((i, lines, n_doc));
    }
    // The clean function must pass every test it keeps, in an ordinary sandbox run.
    let jobs: Vec<(&str, Tests)> =
        proposed.iter().map(|(i, lines, _)| (tasks[*i].source.as_str(), Tests::Asserts(lines.clone()))).collect();
    let reports = sandbox.run_many(&jobs)?;
    drop(jobs);
    for ((i, lines, n_doc), run) in proposed.into_iter().zip(reports) {
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
        report.tests += passing.len();
        tasks[i].spec.tests = Some(Tests::Asserts(passing.into_iter().map(|(_, l)| l).collect()));
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
        };
        let tests = select_tests("f", &probe, &TestPolicy::synthetic()).unwrap();
        assert_eq!(tests, ["assert f(1) == 1", "assert f(2) == 1", "assert f(-1) == 0"]);

        let constant = Probe::Probed {
            lines: vec![2],
            calls: vec![returned("1", "0", &[2]), returned("2", "0", &[2]), returned("3", "0", &[2])],
        };
        assert_eq!(select_tests("f", &constant, &TestPolicy::synthetic()), Err("constant".into()));

        let untested = Probe::Probed {
            lines: vec![2, 3, 4],
            calls: vec![returned("1", "1", &[2, 4]), returned("2", "2", &[2, 4]), returned("3", "3", &[2, 4])],
        };
        assert_eq!(select_tests("f", &untested, &TestPolicy::synthetic()), Err("untested branch".into()));
        assert!(select_tests("f", &untested, &TestPolicy::harvested()).is_ok());

        let mut echo = untested.clone();
        if let Probe::Probed { calls, .. } = &mut echo {
            for c in calls {
                if let CallOutcome::Returned { echoes, .. } = &mut c.outcome {
                    echoes.push(0);
                }
            }
        }
        assert_eq!(select_tests("f", &echo, &TestPolicy::harvested()), Err("returns an argument".into()));
    }

    #[test]
    fn doctests_that_call_the_function() {
        let doc = "Double it.\n\n    >>> double(2)\n    4\n    >>> x = 3\n    >>> double(x)\n    6\n    >>> other(1)\n    1\n    >>> double(None)\n    Traceback (most recent call last):\n    TypeError\n";
        assert_eq!(doctest_examples(doc, "double"), [("double(2)".to_string(), "4".to_string())]);
    }
}
