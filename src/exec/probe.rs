//! Probing: call candidate functions on inputs in the sandbox and record what they return, to write tests from.
//!
//! [`Sandbox::probe_many`] sends batches of [`ProbeRequest`]s to the sandbox's workers as harness jobs running
//! `python/probe.py` (embedded in the binary), so probing has the same isolation as test runs (a generated function
//! may loop, a harvested one may touch files) at a fraction of the cost: one forked process per batch, not per call.
//! Per call, the harness keeps a value only if it is deterministic (a second call on fresh arguments gives the same
//! repr) and its repr round-trips (`eval(repr(v)) == v`), and records the lines of the function the call ran, so
//! that callers can choose tests that cover every branch. The script's docstring has the protocol.
//!
//! A batch whose process dies or hangs (a loop in C code, where no timer signal is handled) loses only the program
//! it was on: that one is rejected and the programs after it are sent again.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::Deserialize;

use super::{ExecError, Sandbox};

const PROBE_PY: &str = include_str!("../../python/probe.py");

/// Which inputs to call a function on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProbeInputs {
    /// Argument lists as Python source, e.g. `"[1, 2], 3"`.
    Given(Vec<String>),
    /// Sampled by the harness from the parameters' annotations, defaults and names and the literals of the body,
    /// seeded; at most `samples` distinct argument lists. The first parameters get the `fixed` arguments
    /// (e.g. `None` for the unused `self` of a method); or, with `receiver`, the first parameter gets a class the
    /// program defines or a fresh instance of it.
    Sampled { seed: u64, samples: usize, fixed: Vec<String>, receiver: Option<SelfArg> },
}

/// The first argument of a method made a module-level function (`def m(self, x)` after `class C:`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SelfArg {
    /// A fresh instance per call, built by `C(...)` on constructor arguments the harness samples like a function's:
    /// tests read `m(C(1), 2)`.
    Instance(String),
    /// The class itself (the `cls` of a class method): `m(C, 2)`.
    Class(String),
}

/// One function to probe.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbeRequest {
    /// Python source defining the function.
    pub program: String,
    pub entry_point: String,
    pub inputs: ProbeInputs,
    /// Reject the function when it reads a global name other than a safe builtin or one of `modules`, imports,
    /// or is a closure: a test recorded from it would not run standalone or would not be deterministic. The
    /// rejection names every such global: `impure: uses os _helper`.
    pub pure: bool,
    /// Modules the program imports itself, which a pure function may use.
    pub modules: Vec<String>,
}

/// How one call went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CallOutcome {
    /// Returned a deterministic value whose repr round-trips; `lines` are the function's lines it ran, `echoes`
    /// the positions of the arguments equal to the value (a call that merely returns an argument).
    Returned { repr: String, lines: Vec<u32>, echoes: Vec<u32> },
    /// Raised an exception of this type.
    Raised(String),
    /// Returned something unusable in a test: `nondeterministic`, `not_round_trip`, `too_long`; or `timeout`.
    Unusable(String),
}

/// One call: the argument list (Python source) and its outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub args: String,
    pub outcome: CallOutcome,
}

/// What probing one function found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Probe {
    /// The function loaded; `lines` are its executable lines (not the `def` line), `calls` in input order (probing
    /// stops after a call that times out). `collected`: the function is a generator, and each call's value is the
    /// list of what it yielded (a test reads `assert list(f(x)) == [...]`).
    Probed { lines: Vec<u32>, calls: Vec<Call>, collected: bool },
    /// Not probed, and why: `does not load (NameError)`, `impure: uses open`, `timeout`, `crash`…
    Rejected(String),
}

/// Limits of a probe run.
#[derive(Debug, Clone, PartialEq)]
pub struct ProbeConfig {
    /// Functions per harness job (one forked process).
    pub batch: usize,
    /// Wall-clock limit of one call (an interval timer in the job process).
    pub call_seconds: f64,
    /// Limit for all calls of one function.
    pub program_seconds: f64,
    /// Longest repr kept as an expected value, in characters.
    pub max_repr: usize,
}

impl Default for ProbeConfig {
    fn default() -> Self {
        ProbeConfig { batch: 32, call_seconds: 0.05, program_seconds: 0.5, max_repr: 200 }
    }
}

#[derive(Deserialize)]
struct RawProbe {
    k: usize,
    status: String,
    #[serde(default)]
    reason: String,
    #[serde(default)]
    lines: Vec<u32>,
    #[serde(default)]
    calls: Vec<RawCall>,
    #[serde(default)]
    collected: bool,
}

#[derive(Deserialize)]
struct RawCall {
    args: String,
    repr: Option<String>,
    #[serde(default)]
    lines: Vec<u32>,
    #[serde(default)]
    echoes: Vec<u32>,
    raised: Option<String>,
    bad: Option<String>,
}

impl From<RawProbe> for Probe {
    fn from(raw: RawProbe) -> Probe {
        if raw.status != "ok" {
            return Probe::Rejected(if raw.reason.is_empty() { raw.status } else { raw.reason });
        }
        let calls = raw
            .calls
            .into_iter()
            .map(|c| {
                let outcome = match (c.repr, c.raised, c.bad) {
                    (Some(repr), _, _) => CallOutcome::Returned { repr, lines: c.lines, echoes: c.echoes },
                    (None, Some(kind), _) => CallOutcome::Raised(kind),
                    (None, None, bad) => CallOutcome::Unusable(bad.unwrap_or_else(|| "unknown".into())),
                };
                Call { args: c.args, outcome }
            })
            .collect();
        Probe::Probed { lines: raw.lines, calls, collected: raw.collected }
    }
}

impl Sandbox {
    /// Probes every request (see the module docs); one [`Probe`] per request, in order. Batches run in
    /// parallel over the pool. `Err` only when the sandbox itself fails.
    pub fn probe_many(&self, requests: &[ProbeRequest], config: &ProbeConfig) -> Result<Vec<Probe>, ExecError> {
        let results: Vec<Mutex<Option<Probe>>> = requests.iter().map(|_| Mutex::new(None)).collect();
        let batch = config.batch.max(1);
        let batches: Vec<Vec<usize>> =
            (0..requests.len()).collect::<Vec<_>>().chunks(batch).map(<[usize]>::to_vec).collect();
        let next = AtomicUsize::new(0);
        let failure: Mutex<Option<ExecError>> = Mutex::new(None);
        std::thread::scope(|s| {
            for _ in 0..self.config().workers.min(batches.len()) {
                s.spawn(|| {
                    while let Some(indices) = batches.get(next.fetch_add(1, Ordering::Relaxed)) {
                        if let Err(e) = self.probe_batch(requests, indices, config, &results) {
                            *failure.lock().unwrap_or_else(|e| e.into_inner()) = Some(e);
                            return;
                        }
                    }
                });
            }
        });
        if let Some(e) = failure.into_inner().unwrap_or_else(|e| e.into_inner()) {
            return Err(e);
        }
        Ok(results
            .into_iter()
            .map(|r| r.into_inner().unwrap_or_else(|e| e.into_inner()).unwrap_or(Probe::Rejected("not probed".into())))
            .collect())
    }

    /// Probes one batch, sending the rest again after a program that killed its job.
    fn probe_batch(
        &self,
        requests: &[ProbeRequest],
        indices: &[usize],
        config: &ProbeConfig,
        results: &[Mutex<Option<Probe>>],
    ) -> Result<(), ExecError> {
        let mut pending: &[usize] = indices;
        while !pending.is_empty() {
            let programs: Vec<serde_json::Value> = pending
                .iter()
                .map(|&i| {
                    let r = &requests[i];
                    let mut v = serde_json::json!({
                        "program": r.program, "entry_point": r.entry_point, "pure": r.pure, "args": null,
                        "modules": r.modules,
                    });
                    match &r.inputs {
                        ProbeInputs::Given(args) => v["args"] = serde_json::json!(args),
                        ProbeInputs::Sampled { seed, samples, fixed, receiver } => {
                            v["seed"] = serde_json::json!(seed);
                            v["samples"] = serde_json::json!(samples);
                            v["fixed"] = serde_json::json!(fixed);
                            match receiver {
                                Some(SelfArg::Instance(class)) => v["instance"] = serde_json::json!(class),
                                Some(SelfArg::Class(class)) => v["class"] = serde_json::json!(class),
                                None => {}
                            }
                        }
                    }
                    v
                })
                .collect();
            let payload = serde_json::json!({
                "programs": programs,
                "call_seconds": config.call_seconds,
                "program_seconds": config.program_seconds,
                "max_repr": config.max_repr,
            });
            let run = self.harness(PROBE_PY, &payload, self.config().timeout)?;
            let mut done = 0;
            for item in run.items {
                if let Some(fatal) = item.get("fatal") {
                    return Err(ExecError::Protocol(format!("the probe harness failed: {fatal}")));
                }
                let raw: RawProbe = serde_json::from_value(item)
                    .map_err(|e| ExecError::Protocol(format!("the probe harness answered unexpectedly: {e}")))?;
                // Items come in order; anything else is a confused (or forged) reply and is ignored.
                if raw.k != done || done >= pending.len() {
                    continue;
                }
                *results[pending[done]].lock().unwrap_or_else(|e| e.into_inner()) = Some(raw.into());
                done += 1;
            }
            if done == pending.len() {
                break;
            }
            if !run.completed {
                // The program in flight took the job down with it.
                let why = if run.timed_out { "timeout" } else { "crash" };
                *results[pending[done]].lock().unwrap_or_else(|e| e.into_inner()) = Some(Probe::Rejected(why.into()));
                done += 1;
            } else {
                // The harness ended without reporting every program: a protocol problem, not the program's.
                for &i in &pending[done..] {
                    *results[i].lock().unwrap_or_else(|e| e.into_inner()) = Some(Probe::Rejected("lost".into()));
                }
                break;
            }
            pending = &pending[done..];
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::exec::SandboxConfig;

    fn sandbox() -> Sandbox {
        Sandbox::new(SandboxConfig { workers: 2, timeout: Duration::from_secs(3), ..SandboxConfig::default() }).unwrap()
    }

    fn given(program: &str, entry: &str, args: &[&str]) -> ProbeRequest {
        ProbeRequest {
            program: program.into(),
            entry_point: entry.into(),
            inputs: ProbeInputs::Given(args.iter().map(|a| a.to_string()).collect()),
            pure: true,
            modules: Vec::new(),
        }
    }

    #[test]
    fn records_values_errors_and_lines() {
        let program = "def pick(nums, k):\n    if not nums:\n        return -1\n    return nums[k]\n";
        let probes = sandbox()
            .probe_many(&[given(program, "pick", &["[4, 5], 1", "[], 0", "[1], 3"])], &ProbeConfig::default())
            .unwrap();
        let Probe::Probed { lines, calls, .. } = &probes[0] else { panic!("{probes:?}") };
        assert_eq!(lines, &[2, 3, 4]);
        assert_eq!(calls[0].outcome, CallOutcome::Returned { repr: "5".into(), lines: vec![2, 4], echoes: vec![] });
        assert_eq!(calls[1].outcome, CallOutcome::Returned { repr: "-1".into(), lines: vec![2, 3], echoes: vec![] });
        assert_eq!(calls[2].outcome, CallOutcome::Raised("IndexError".into()));
    }

    #[test]
    fn loops_crashes_impurity_and_bad_values_are_contained() {
        let requests = vec![
            given("def spin(n):\n    while True:\n        n += 1\n", "spin", &["1"]),
            // An endless loop in C (`sum` over an endless iterator), where no timer signal is handled: the job is
            // killed, and the programs after this one are sent again.
            given("def endless(n):\n    return sum(iter(int, n))\n", "endless", &["1"]),
            given("def area(w, h):\n    return w * h\n", "area", &["2, 3"]),
            given("import os\ndef cwd(x):\n    return os.getcwd() + x\n", "cwd", &["'a'"]),
            given("def obj(x):\n    return object()\n", "obj", &["1"]),
            given("import random\ndef r(x):\n    return random.random()\n", "r", &["1"]),
        ];
        let mut requests = requests;
        requests[5].pure = false;
        let probes = sandbox().probe_many(&requests, &ProbeConfig { batch: 8, ..ProbeConfig::default() }).unwrap();
        let Probe::Probed { calls, .. } = &probes[0] else { panic!("{probes:?}") };
        assert_eq!(calls[0].outcome, CallOutcome::Unusable("timeout".into()));
        assert_eq!(probes[1], Probe::Rejected("timeout".into()));
        let Probe::Probed { calls, .. } = &probes[2] else { panic!("{probes:?}") };
        assert!(matches!(&calls[0].outcome, CallOutcome::Returned { repr, .. } if repr == "6"));
        // `os` beyond its pure attributes (`os.path`, `os.sep`…) is marked `os!`: no import can make it pure.
        assert_eq!(probes[3], Probe::Rejected("impure: uses os!".into()));
        let Probe::Probed { calls, .. } = &probes[4] else { panic!("{probes:?}") };
        assert_eq!(calls[0].outcome, CallOutcome::Unusable("not_round_trip".into()));
        let Probe::Probed { calls, .. } = &probes[5] else { panic!("{probes:?}") };
        assert_eq!(calls[0].outcome, CallOutcome::Unusable("nondeterministic".into()));
    }

    #[test]
    fn limited_modules_through_their_pure_attributes() {
        let mut request = given("import os\ndef ext(p):\n    return os.path.splitext(p)[1]\n", "ext", &["'a.py'"]);
        request.modules = vec!["os".into()];
        let probes = sandbox().probe_many(&[request], &ProbeConfig::default()).unwrap();
        let Probe::Probed { calls, .. } = &probes[0] else { panic!("{probes:?}") };
        assert!(matches!(&calls[0].outcome, CallOutcome::Returned { repr, .. } if repr == "'.py'"), "{calls:?}");
    }

    #[test]
    fn samples_inputs_from_the_signature() {
        let program = "def shout(text: str, times=2):\n    return (text.upper() + '!') * times\n";
        let request = ProbeRequest {
            program: program.into(),
            entry_point: "shout".into(),
            inputs: ProbeInputs::Sampled { seed: 3, samples: 8, fixed: Vec::new(), receiver: None },
            pure: true,
            modules: Vec::new(),
        };
        let probes = sandbox().probe_many(&[request], &ProbeConfig::default()).unwrap();
        let Probe::Probed { calls, .. } = &probes[0] else { panic!("{probes:?}") };
        let returned = calls.iter().filter(|c| matches!(c.outcome, CallOutcome::Returned { .. })).count();
        assert!(returned >= 5, "{calls:?}");
        // Mostly strings, as annotated; now and then another type, as annotations can mislead.
        let strings = calls.iter().filter(|c| c.args.starts_with('\'') || c.args.starts_with('"')).count();
        assert!(strings >= 5, "{calls:?}");
    }

    #[test]
    fn methods_get_a_fresh_instance_or_their_class() {
        let program = "class C:\n    def __init__(self, n=2):\n        self.n = n\n        self.seen = []\n\n\
def add(self, x: int):\n    self.seen.append(x)\n    return self.n * x + len(self.seen)\n";
        let request = |receiver| ProbeRequest {
            program: program.into(),
            entry_point: "add".into(),
            inputs: ProbeInputs::Sampled { seed: 1, samples: 16, fixed: Vec::new(), receiver: Some(receiver) },
            pure: true,
            modules: Vec::new(),
        };
        let probes = sandbox()
            .probe_many(
                &[request(SelfArg::Instance("C".into())), request(SelfArg::Class("C".into()))],
                &ProbeConfig::default(),
            )
            .unwrap();
        let Probe::Probed { calls, .. } = &probes[0] else { panic!("{probes:?}") };
        assert!(calls.iter().all(|c| c.args.starts_with("C(")), "{calls:?}");
        // A fresh instance per call: the list never carries over, so `C(), x` always gives 2 * x + 1.
        let returned: Vec<_> = calls
            .iter()
            .filter_map(|c| match &c.outcome {
                CallOutcome::Returned { repr, .. } => Some((c.args.as_str(), repr.as_str())),
                _ => None,
            })
            .collect();
        assert!(returned.len() >= 5, "{calls:?}");
        let fresh: Vec<_> = returned
            .iter()
            .filter_map(|(a, r)| Some((a.strip_prefix("C(), ")?.parse::<i64>().ok()?, r.parse::<i64>().ok()?)))
            .collect();
        assert!(!fresh.is_empty() && fresh.iter().all(|(x, r)| *r == 2 * x + 1), "{returned:?}");
        // The class itself has no `n`: every call raises.
        let Probe::Probed { calls, .. } = &probes[1] else { panic!("{probes:?}") };
        assert!(calls.iter().all(|c| c.args.starts_with("C, ") && matches!(c.outcome, CallOutcome::Raised(_))));
    }
}
