//! Synthetic tasks: a seeded generator of small Python functions, each kept only with tests that pin it down.
//!
//! [`SynthGenerator::candidate`] writes candidate `i` of a seed (the same on every machine): a function over ints,
//! bools, strings and lists, 1–15 statements, drawn from families of idioms real small functions use (a loop with
//! an accumulator and a predicate, a range loop, a digit loop, an `if`/`elif` ladder, arithmetic, boolean
//! conditions, string and list pipelines, nested loops over pairs), each family with many choice points (predicate,
//! accumulator, loop style, guards, constants) and names that say what the function does (`count_evens(nums)`,
//! `sum_multiples_of_3_below(n)`, `strip_then_reverse(text)`). Inputs are sampled by parameter type, biased towards
//! the constants of the body (a threshold `t` gives `t - 1`, `t`, `t + 1`) and empty collections, so that every
//! branch is reachable.
//!
//! [`synthesize`] runs the candidates through [`crate::exec::Sandbox::probe_many`] (isolated: a generated loop may
//! not end) and keeps a candidate only when [`select_tests`] finds 3–5 calls that cover every line of the function,
//! produce at least two distinct outputs and never merely echo an argument: deterministic, terminating,
//! non-constant functions whose tests tell them apart from trivial variants. Candidates are deduplicated by
//! normalised AST before probing, and the hold-out is removed. Every rejection is counted by reason.

use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::Serialize;

use super::testgen::{TestPolicy, select_tests};
use super::{HoldOut, Origin, Split, Task, Tests, spec_of};
use crate::exec::{ExecError, ProbeConfig, ProbeInputs, ProbeRequest, Sandbox};
use crate::syntax;

/// Parameter types of generated functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Int,
    Bool,
    Str,
    IntList,
    StrList,
}

/// One generated function before it is probed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub source: String,
    pub entry_point: String,
    /// The idiom family it was drawn from (for statistics).
    pub family: &'static str,
    /// Argument lists (Python source) to probe it on.
    pub inputs: Vec<String>,
}

/// Knobs of the generator.
#[derive(Debug, Clone)]
pub struct SynthConfig {
    pub seed: u64,
    /// Argument lists sampled per candidate (tests are chosen among those that return).
    pub inputs_per_candidate: usize,
    pub policy: TestPolicy,
    pub probe: ProbeConfig,
    /// Candidates generated and probed per round.
    pub chunk: usize,
}

impl Default for SynthConfig {
    fn default() -> Self {
        SynthConfig {
            seed: 0,
            inputs_per_candidate: 10,
            policy: TestPolicy::synthetic(),
            probe: ProbeConfig::default(),
            chunk: 4096,
        }
    }
}

/// What a synthesis run did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct SynthReport {
    pub candidates: u64,
    pub kept: u64,
    /// Rejected candidates by reason (`duplicate`, `held out`, `constant`, `untested branch`…).
    pub rejected: BTreeMap<String, u64>,
    /// Kept tasks by family.
    pub families: BTreeMap<String, u64>,
    pub seconds: f64,
}

impl SynthReport {
    pub fn rejected_total(&self) -> u64 {
        self.rejected.values().sum()
    }
}

/// Generates `n` synthetic tasks (fewer only if `max_candidates` runs out first), probing candidates in `sandbox`.
/// `progress` is called after each round with the report so far.
pub fn synthesize(
    sandbox: &Sandbox,
    config: &SynthConfig,
    n: usize,
    max_candidates: u64,
    hold_out: &HoldOut,
    mut progress: impl FnMut(&SynthReport),
) -> Result<(Vec<Task>, SynthReport), ExecError> {
    let generator = SynthGenerator::new(config.seed);
    let started = Instant::now();
    let mut report = SynthReport::default();
    let mut seen: HashSet<u64> = HashSet::new();
    let mut tasks = Vec::with_capacity(n);
    let mut next = 0u64;
    while tasks.len() < n && next < max_candidates {
        // Near the target, smaller rounds: candidates judged past it would skew the counts.
        let round = config.chunk.min(2 * (n - tasks.len()) + 64) as u64;
        let end = (next + round).min(max_candidates);
        let batch: Vec<(Candidate, u64, u64)> = (next..end)
            .into_par_iter()
            .map(|i| {
                let c = generator.candidate(i, config.inputs_per_candidate);
                let tree = syntax::parse(c.source.as_str());
                let (exact, alpha) = (tree.normalised().fingerprint(), tree.alpha_normalised().fingerprint());
                (c, exact, alpha)
            })
            .collect();
        next = end;
        let mut fresh = Vec::new();
        for (c, exact, alpha) in batch {
            report.candidates += 1;
            if !seen.insert(exact) {
                *report.rejected.entry("duplicate".into()).or_insert(0) += 1;
            } else if hold_out.contains_fingerprints(exact, alpha) {
                *report.rejected.entry("held out".into()).or_insert(0) += 1;
            } else {
                fresh.push(c);
            }
        }
        let requests: Vec<ProbeRequest> = fresh
            .iter()
            .map(|c| ProbeRequest {
                program: c.source.clone(),
                entry_point: c.entry_point.clone(),
                inputs: ProbeInputs::Given(c.inputs.clone()),
                pure: true,
                modules: Vec::new(),
            })
            .collect();
        let probes = sandbox.probe_many(&requests, &config.probe)?;
        for (c, probe) in fresh.into_iter().zip(probes) {
            if tasks.len() >= n {
                // Judged but past the target: not counted, so that rates and shares describe the kept run.
                report.candidates -= 1;
                continue;
            }
            match select_tests(&c.entry_point, &probe, &config.policy) {
                Ok(asserts) => {
                    report.kept += 1;
                    *report.families.entry(c.family.into()).or_insert(0) += 1;
                    tasks.push(into_task(c, asserts, config.seed, tasks.len()));
                }
                Err(why) => *report.rejected.entry(why).or_insert(0) += 1,
            }
        }
        report.seconds = started.elapsed().as_secs_f64();
        progress(&report);
    }
    Ok((tasks, report))
}

fn into_task(c: Candidate, asserts: Vec<String>, seed: u64, index: usize) -> Task {
    let tree = syntax::parse(c.source.as_str());
    let mut spec = spec_of(&tree);
    spec.tests = Some(Tests::Asserts(asserts));
    Task {
        id: format!("synthetic/{seed}/{index}:{}", c.entry_point),
        origin: Origin::Synthetic,
        split: Split::Train,
        entry_point: c.entry_point,
        source: c.source,
        spec,
    }
}

/// Writes candidate functions; candidate `i` depends only on the seed and `i`.
#[derive(Debug, Clone)]
pub struct SynthGenerator {
    seed: u64,
}

/// Idiom families and their relative weights.
const FAMILIES: &[(&str, u32)] = &[
    ("list_reduce", 26),
    ("range_loop", 10),
    ("digits", 5),
    ("piecewise", 12),
    ("arithmetic", 8),
    ("conditions", 8),
    ("string_loop", 10),
    ("string_pipeline", 7),
    ("list_pipeline", 9),
    ("pairs", 5),
];

impl SynthGenerator {
    pub fn new(seed: u64) -> SynthGenerator {
        SynthGenerator { seed }
    }

    /// Candidate `index`, with `inputs` sampled argument lists.
    pub fn candidate(&self, index: u64, inputs: usize) -> Candidate {
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ index);
        let total: u32 = FAMILIES.iter().map(|f| f.1).sum();
        let mut roll = rng.random_range(0..total);
        let family = FAMILIES.iter().find(|f| {
            if roll < f.1 {
                true
            } else {
                roll -= f.1;
                false
            }
        });
        let family = family.map_or("arithmetic", |f| f.0);
        let mut g = Gen { rng, consts: Vec::new() };
        let f = match family {
            "list_reduce" => g.list_reduce(),
            "range_loop" => g.range_loop(),
            "digits" => g.digits(),
            "piecewise" => g.piecewise(),
            "conditions" => g.conditions(),
            "string_loop" => g.string_loop(),
            "string_pipeline" => g.string_pipeline(),
            "list_pipeline" => g.list_pipeline(),
            "pairs" => g.pairs(),
            _ => g.arithmetic(),
        };
        let inputs = g.inputs(&f.params, inputs);
        Candidate { source: f.source(), entry_point: f.name, family, inputs }
    }
}

/// A function being written: name, typed parameters, body lines (indent level, text).
struct Func {
    name: String,
    params: Vec<(String, Ty)>,
    body: Vec<(usize, String)>,
}

impl Func {
    fn new(name: impl Into<String>, params: Vec<(String, Ty)>) -> Func {
        Func { name: name.into(), params, body: Vec::new() }
    }

    fn line(&mut self, depth: usize, text: impl Into<String>) {
        self.body.push((depth, text.into()));
    }

    fn source(&self) -> String {
        let params: Vec<&str> = self.params.iter().map(|p| p.0.as_str()).collect();
        let mut out = format!("def {}({}):\n", self.name, params.join(", "));
        for (depth, text) in &self.body {
            out.push_str(&"    ".repeat(depth + 1));
            out.push_str(text);
            out.push('\n');
        }
        out
    }
}

const LIST_NAMES: &[&str] = &["nums", "values", "items", "xs", "numbers", "scores", "data", "arr", "readings"];
const LIMIT_NAMES: &[&str] = &["k", "target", "limit", "threshold", "cutoff", "m", "bound"];
const ELEM_NAMES: &[&str] = &["x", "v", "num", "value", "item", "n"];
const WORDS: &[&str] = &[
    "",
    "a",
    "hello",
    "Hello World",
    "abc123",
    "racecar",
    "Mississippi",
    "  spaced out ",
    "UPPER lower",
    "x1y2z3",
    "a,b;c",
    "banana",
    "Python 3.11",
    "level",
    "aeiou",
    "The quick brown fox",
];

/// A predicate on an element: (condition with `{x}` and `{k}`, plural name, singular name, uses the limit param).
type Pred = (String, String, String, bool);

struct Gen {
    rng: ChaCha8Rng,
    /// Integer constants of the body: inputs are biased towards them.
    consts: Vec<i64>,
}

impl Gen {
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.rng.random_range(0..items.len())]
    }

    fn chance(&mut self, p: f64) -> bool {
        self.rng.random_bool(p)
    }

    fn int(&mut self, lo: i64, hi: i64) -> i64 {
        let c = self.rng.random_range(lo..=hi);
        self.consts.push(c);
        c
    }

    /// A predicate on `x` (maybe against the limit parameter `k`).
    fn predicate(&mut self) -> Pred {
        let c = self.int(2, 9);
        let t = self.int(-3, 12);
        let (cond, plural, singular, uses_k) = match self.rng.random_range(0..14) {
            0 => ("{x} % 2 == 0".to_string(), "evens".to_string(), "even".to_string(), false),
            1 => ("{x} % 2 == 1".into(), "odds".into(), "odd".into(), false),
            2 => ("{x} > 0".into(), "positives".into(), "positive".into(), false),
            3 => ("{x} < 0".into(), "negatives".into(), "negative".into(), false),
            4 => ("{x} > {k}".into(), "above".into(), "above".into(), true),
            5 => ("{x} >= {k}".into(), "at_least".into(), "at_least".into(), true),
            6 => ("{x} < {k}".into(), "below".into(), "below".into(), true),
            7 => (format!("{{x}} % {c} == 0"), format!("multiples_of_{c}"), format!("multiple_of_{c}"), false),
            8 => ("{x} == {k}".into(), "matches".into(), "match".into(), true),
            9 => ("{x} != 0".into(), "nonzero".into(), "nonzero".into(), false),
            10 => (format!("{{x}} > {t}"), format!("above_{}", name_num(t)), format!("above_{}", name_num(t)), false),
            11 => (format!("abs({{x}}) > {c}"), "large".into(), "large".into(), false),
            12 => (
                format!("{{x}} % 10 == {}", c % 10),
                format!("ending_in_{}", c % 10),
                format!("ending_in_{}", c % 10),
                false,
            ),
            _ => (format!("{{x}} % {c} != 0"), format!("non_multiples_of_{c}"), format!("non_multiple_of_{c}"), false),
        };
        (cond, plural, singular, uses_k)
    }

    fn list_reduce(&mut self) -> Func {
        let list = self.pick(LIST_NAMES).to_string();
        let elem = self.pick(ELEM_NAMES).to_string();
        let limit = self.pick(LIMIT_NAMES).to_string();
        let (cond, plural, singular, uses_k) = self.predicate();
        let mut params = vec![(list.clone(), Ty::IntList)];
        if uses_k {
            params.push((limit.clone(), Ty::Int));
        }
        // Loop styles: over elements, over indices, enumerate, while with an index.
        let style = self.rng.random_range(0..4);
        let acc = self.rng.random_range(0..10);
        let needs_index = acc == 7;
        let style = if needs_index && style == 0 { 2 } else { style };
        let x = if style == 1 { format!("{list}[i]") } else { elem.clone() };
        let cond = cond.replace("{x}", &x).replace("{k}", &limit);
        let c = self.int(2, 5);
        let (term, term_name) = match self.rng.random_range(0..5) {
            0 => (format!("{x} * {x}"), "squares_of_"),
            1 => (format!("abs({x})"), "abs_"),
            2 => (format!("{x} * {c}"), "scaled_"),
            _ => (x.clone(), ""),
        };
        let mut f = Func::new("", params);
        let guard = self.chance(0.25);
        let (init, update, ret, name): (Vec<String>, Vec<String>, Vec<String>, String) = match acc {
            0 => (
                vec!["count = 0".into()],
                vec!["count += 1".into()],
                vec!["return count".into()],
                format!("count_{plural}"),
            ),
            1 => (
                vec!["total = 0".into()],
                vec![format!("total += {term}")],
                vec!["return total".into()],
                format!("sum_{term_name}{plural}"),
            ),
            2 => (
                vec!["product = 1".into()],
                vec![format!("product *= {x}")],
                vec!["return product".into()],
                format!("product_of_{plural}"),
            ),
            3 => {
                let (op, word) = if self.chance(0.5) { (">", "largest") } else { ("<", "smallest") };
                (
                    vec!["best = None".into()],
                    vec![format!("if best is None or {x} {op} best:"), format!("    best = {x}")],
                    vec!["return best".into()],
                    format!("{word}_{singular}"),
                )
            }
            4 => (
                vec!["result = []".into()],
                vec![format!("result.append({term})")],
                vec!["return result".into()],
                if term_name.is_empty() { format!("keep_{plural}") } else { format!("{}{plural}", term_name) },
            ),
            5 => (vec![], vec!["return True".into()], vec!["return False".into()], format!("has_{singular}")),
            6 => (vec![], vec![], vec!["return True".into()], format!("all_{plural}")),
            7 => (vec![], vec!["return i".into()], vec!["return -1".into()], format!("index_of_first_{singular}")),
            8 => (
                vec!["inside = 0".into(), "outside = 0".into()],
                vec![format!("inside += {term}")],
                vec!["return inside - outside".into()],
                format!("{plural}_minus_rest"),
            ),
            _ => (
                vec![format!("last = {}", if self.chance(0.5) { "None" } else { "-1" })],
                vec![format!("last = {x}")],
                vec!["return last".into()],
                format!("last_{singular}"),
            ),
        };
        f.name = name;
        if guard {
            let empty = match acc {
                4 => "[]",
                5 => "False",
                6 => "True",
                3 | 9 => "None",
                _ => "0",
            };
            let test = if self.chance(0.5) { format!("not {list}") } else { format!("len({list}) == 0") };
            f.line(0, format!("if {test}:"));
            f.line(1, format!("return {empty}"));
        }
        for line in init {
            f.line(0, line);
        }
        if style == 3 {
            f.line(0, "i = 0");
        }
        let header = match style {
            0 => format!("for {elem} in {list}:"),
            1 => format!("for i in range(len({list})):"),
            2 => format!("for i, {elem} in enumerate({list}):"),
            _ => format!("while i < len({list}):"),
        };
        f.line(0, header);
        if style == 3 {
            f.line(1, format!("{elem} = {list}[i]"));
        }
        let depth = 1;
        if acc == 6 {
            f.line(depth, format!("if not ({cond}):"));
            f.line(depth + 1, "return False");
        } else {
            f.line(depth, format!("if {cond}:"));
            for u in update {
                f.line(depth + 1, u);
            }
            if acc == 8 {
                f.line(depth, "else:");
                f.line(depth + 1, format!("outside += {term}"));
            }
        }
        if style == 3 {
            f.line(depth, "i += 1");
        }
        for line in ret {
            f.line(0, line);
        }
        f
    }

    fn range_loop(&mut self) -> Func {
        let n = self.pick(&["n", "limit", "count", "stop", "size"]).to_string();
        let mut f = Func::new("", vec![(n.clone(), Ty::Int)]);
        let var = self.pick(&["i", "j", "d", "step"]).to_string();
        let c = self.int(2, 7);
        let (range, range_name) = match self.rng.random_range(0..4) {
            0 => (format!("range({n})"), "below"),
            1 => (format!("range(1, {n} + 1)"), "up_to"),
            2 => (format!("range({c}, {n})"), "from_c_below"),
            _ => (format!("range(0, {n}, {c})"), "stepped_below"),
        };
        let range_name = if range_name == "from_c_below" { format!("from_{c}_below") } else { range_name.to_string() };
        let range_name = if range_name == "stepped_below" { format!("every_{c}th_below") } else { range_name };
        let (expr, expr_name) = match self.rng.random_range(0..5) {
            0 => (var.clone(), "numbers"),
            1 => (format!("{var} * {var}"), "squares"),
            2 => (format!("{var} * {c}"), "multiples"),
            3 => (format!("{var} % {c}"), "remainders"),
            _ => (format!("{var} + {c}"), "shifted"),
        };
        let pred = self.predicate();
        let filtered = self.chance(0.5) && !pred.3;
        let cond = pred.0.replace("{x}", &var);
        let acc = self.rng.random_range(0..4);
        let (init, update, ret, name) = match acc {
            0 => ("total = 0", format!("total += {expr}"), "return total", format!("sum_{expr_name}")),
            1 => ("count = 0", "count += 1".to_string(), "return count", "count".to_string()),
            2 => ("result = []", format!("result.append({expr})"), "return result", format!("list_{expr_name}")),
            _ => ("product = 1", format!("product *= {var}"), "return product", "product".to_string()),
        };
        let name = match (acc, filtered) {
            (1, true) => format!("count_{}_{range_name}", pred.1),
            (1, false) => format!("count_{range_name}"),
            (_, true) => format!("{name}_of_{}_{range_name}", pred.1),
            (_, false) => format!("{name}_{range_name}"),
        };
        f.name = name;
        if self.chance(0.3) {
            f.line(0, format!("if {n} <= 0:"));
            f.line(
                1,
                format!(
                    "return {}",
                    if acc == 2 {
                        "[]"
                    } else if acc == 3 {
                        "1"
                    } else {
                        "0"
                    }
                ),
            );
        }
        f.line(0, init);
        f.line(0, format!("for {var} in {range}:"));
        if filtered {
            f.line(1, format!("if {cond}:"));
            f.line(2, update);
        } else {
            f.line(1, update);
        }
        f.line(0, ret);
        f
    }

    fn digits(&mut self) -> Func {
        let n = self.pick(&["n", "number", "value", "num"]).to_string();
        let base = if self.chance(0.6) { 10 } else { self.int(2, 9) };
        self.consts.push(base);
        let mut f = Func::new("", vec![(n.clone(), Ty::Int)]);
        match self.rng.random_range(0..9) {
            0 => {
                f.name = if base == 10 { "digit_sum".into() } else { format!("digit_sum_base_{base}") };
                f.line(0, format!("{n} = abs({n})"));
                f.line(0, "total = 0");
                f.line(0, format!("while {n} > 0:"));
                f.line(1, format!("total += {n} % {base}"));
                f.line(1, format!("{n} //= {base}"));
                f.line(0, "return total");
            }
            1 => {
                f.name = if base == 10 { "count_digits".into() } else { format!("count_digits_base_{base}") };
                f.line(0, format!("if {n} == 0:"));
                f.line(1, "return 1");
                f.line(0, format!("{n} = abs({n})"));
                f.line(0, "count = 0");
                f.line(0, format!("while {n} > 0:"));
                f.line(1, "count += 1");
                f.line(1, format!("{n} //= {base}"));
                f.line(0, "return count");
            }
            2 => {
                f.name = "reverse_digits".into();
                f.line(0, "result = 0");
                f.line(0, format!("while {n} > 0:"));
                f.line(1, format!("result = result * {base} + {n} % {base}"));
                f.line(1, format!("{n} //= {base}"));
                f.line(0, "return result");
            }
            3 => {
                f.name = "collatz_steps".into();
                let m = self.int(2, 4);
                f.line(0, "steps = 0");
                f.line(0, format!("while {n} > 1 and steps < {}:", 50 * m));
                f.line(1, format!("if {n} % 2 == 0:"));
                f.line(2, format!("{n} //= 2"));
                f.line(1, "else:");
                f.line(2, format!("{n} = 3 * {n} + 1"));
                f.line(1, "steps += 1");
                f.line(0, "return steps");
            }
            4 => {
                f.name = "gcd".into();
                f.params = vec![("a".into(), Ty::Int), ("b".into(), Ty::Int)];
                f.line(0, "while b != 0:");
                f.line(1, "a, b = b, a % b");
                f.line(0, if self.chance(0.5) { "return abs(a)" } else { "return a" });
            }
            5 => {
                f.name = format!("is_power_of_{base}");
                f.line(0, format!("if {n} < 1:"));
                f.line(1, "return False");
                f.line(0, format!("while {n} % {base} == 0:"));
                f.line(1, format!("{n} //= {base}"));
                f.line(0, format!("return {n} == 1"));
            }
            6 => {
                f.name = "sum_of_divisors".into();
                f.line(0, "total = 0");
                f.line(0, format!("for d in range(1, {n}):"));
                f.line(1, format!("if {n} % d == 0:"));
                f.line(2, "total += d");
                f.line(0, "return total");
            }
            7 => {
                f.name = "is_prime".into();
                f.line(0, format!("if {n} < 2:"));
                f.line(1, "return False");
                if self.chance(0.5) {
                    f.line(0, "d = 2");
                    f.line(0, format!("while d * d <= {n}:"));
                    f.line(1, format!("if {n} % d == 0:"));
                    f.line(2, "return False");
                    f.line(1, "d += 1");
                } else {
                    f.line(0, format!("for d in range(2, {n}):"));
                    f.line(1, format!("if {n} % d == 0:"));
                    f.line(2, "return False");
                }
                f.line(0, "return True");
            }
            _ => {
                f.name = "integer_sqrt".into();
                f.line(0, "root = 0");
                f.line(0, format!("while (root + 1) * (root + 1) <= {n}:"));
                f.line(1, "root += 1");
                f.line(0, "return root");
            }
        }
        // A post-processing step multiplies the variety of an otherwise small family (integer results only).
        let numeric =
            ["digit_sum", "count_digits", "reverse_digits", "collatz_steps", "gcd", "sum_of_divisors", "integer_sqrt"];
        if numeric.iter().any(|p| f.name.starts_with(p))
            && self.chance(0.5)
            && let Some((depth, last)) = f.body.pop()
        {
            let c = self.int(2, 9);
            let value = last.trim_start_matches("return ").to_string();
            let (post, suffix) = match self.rng.random_range(0..3) {
                0 => (format!("return {value} * {c}"), format!("times_{c}")),
                1 => (format!("return {value} % {c}"), format!("mod_{c}")),
                _ => (format!("return {value} + {c}"), format!("plus_{c}")),
            };
            f.body.push((depth, post));
            f.name = format!("{}_{suffix}", f.name);
        }
        f
    }

    fn piecewise(&mut self) -> Func {
        let x = self.pick(&["x", "score", "value", "temperature", "age", "n", "level", "amount"]).to_string();
        let mut f = Func::new("", vec![(x.clone(), Ty::Int)]);
        let branches = self.rng.random_range(2..=4);
        let mut thresholds: Vec<i64> = (0..branches - 1).map(|_| self.int(-5, 30)).collect();
        thresholds.sort_unstable();
        thresholds.dedup();
        let strings = self.chance(0.35);
        let labels: &[&str] = match self.rng.random_range(0..4) {
            0 => &["'low'", "'medium'", "'high'", "'extreme'"],
            1 => &["'cold'", "'mild'", "'warm'", "'hot'"],
            2 => &["'F'", "'C'", "'B'", "'A'"],
            _ => &["'small'", "'medium'", "'large'", "'huge'"],
        };
        let name_pool: &[&str] = if strings {
            &["classify", "grade", "label", "category", "describe", "bucket_name", "rating"]
        } else {
            &["bucket", "tier", "adjust", "shipping_cost", "discount", "piecewise_scale", "level_of", "bonus", "fee"]
        };
        f.name = self.pick(name_pool).to_string();
        let op = self.pick(&["<", "<="]);
        let mut values = Vec::new();
        for i in 0..=thresholds.len() {
            if strings {
                values.push(labels[i.min(labels.len() - 1)].to_string());
            } else {
                let c = self.int(-3, 10);
                values.push(match self.rng.random_range(0..6) {
                    0 => format!("{c}"),
                    1 => x.clone(),
                    2 => format!("{x} * {}", c.abs().max(2)),
                    3 => format!("{x} + {c}"),
                    4 => format!("{c} - {x}"),
                    _ => format!("{x} // {}", c.abs().max(2)),
                });
            }
        }
        let with_result = self.chance(0.3);
        for (i, t) in thresholds.iter().enumerate() {
            let kw = if i == 0 || (!with_result && self.chance(0.5)) { "if" } else { "elif" };
            f.line(0, format!("{kw} {x} {op} {t}:"));
            if with_result {
                f.line(1, format!("result = {}", values[i]));
            } else {
                f.line(1, format!("return {}", values[i]));
            }
        }
        let last = &values[thresholds.len()];
        if with_result {
            f.line(0, "else:");
            f.line(1, format!("result = {last}"));
            f.line(0, "return result");
        } else {
            f.line(0, format!("return {last}"));
        }
        f
    }

    /// An integer expression over `vars`, at most `depth` operators deep; never an operation on two constants or
    /// on one variable with itself (`3 % 4`, `a - a`), which real code does not write.
    fn int_expr(&mut self, vars: &[String], depth: u32) -> String {
        if depth == 0 || self.chance(0.3) {
            return if self.chance(0.75) {
                vars[self.rng.random_range(0..vars.len())].clone()
            } else {
                self.int(1, 9).to_string()
            };
        }
        let a = self.int_expr(vars, depth - 1);
        let mut b = self.int_expr(vars, depth - 1);
        let is_const = |e: &str| e.parse::<i64>().is_ok();
        if (is_const(&a) && is_const(&b)) || a == b {
            b = loop {
                let v = vars[self.rng.random_range(0..vars.len())].clone();
                if v != a || vars.len() == 1 {
                    break if v == a { self.int(2, 9).to_string() } else { v };
                }
            };
        }
        let wrap = |e: &str| if e.contains(' ') { format!("({e})") } else { e.to_string() };
        match self.rng.random_range(0..9) {
            0 | 1 => format!("{a} + {b}"),
            2 => format!("{a} - {}", wrap(&b)),
            3 | 4 => format!("{} * {}", wrap(&a), wrap(&b)),
            5 => format!("{} // {}", wrap(&a), self.int(2, 9)),
            6 => format!("{} % {}", wrap(&a), self.int(2, 9)),
            7 => format!("{}({a}, {b})", self.pick(&["max", "min"])),
            _ => format!("abs({a} - {})", wrap(&b)),
        }
    }

    /// An expression over `vars` that uses at least one of them.
    fn int_expr_using(&mut self, vars: &[String], depth: u32) -> String {
        for _ in 0..8 {
            let e = self.int_expr(vars, depth);
            if vars.iter().any(|v| syntax::mentions(&e, v)) {
                return e;
            }
        }
        vars[0].clone()
    }

    fn arithmetic(&mut self) -> Func {
        let sets: &[&[&str]] = &[
            &["a", "b"],
            &["x", "y"],
            &["width", "height"],
            &["price", "quantity"],
            &["a", "b", "c"],
            &["x", "lo", "hi"],
        ];
        let names: Vec<String> = sets[self.rng.random_range(0..sets.len())].iter().map(|s| s.to_string()).collect();
        let params = names.iter().map(|n| (n.clone(), Ty::Int)).collect();
        let mut f = Func::new("", params);
        f.name = self
            .pick(&[
                "combine",
                "weighted_total",
                "score",
                "blend",
                "mix",
                "scaled_difference",
                "offset_product",
                "compute",
            ])
            .to_string();
        let mut vars = names.clone();
        let steps = self.rng.random_range(0..=3);
        let locals = ["total", "diff", "scaled", "base", "extra", "part"];
        for local in locals.iter().take(steps) {
            let e = self.int_expr_using(&vars, 2);
            let local = local.to_string();
            f.line(0, format!("{local} = {e}"));
            vars.push(local);
        }
        // Use every parameter and local: an unused parameter is a smell, a dead assignment an untestable line.
        let mut e = self.int_expr_using(&vars, 2);
        for v in &vars {
            if !f.body.iter().any(|(_, l)| syntax::mentions(l, v)) && !syntax::mentions(&e, v) {
                e = if e.contains(' ') {
                    format!("({e}) {} {v}", self.pick(&["+", "-", "*"]))
                } else {
                    format!("{e} + {v}")
                };
            }
        }
        f.line(0, format!("return {e}"));
        f
    }

    fn comparison(&mut self, vars: &[String]) -> String {
        let a = vars[self.rng.random_range(0..vars.len())].clone();
        let op = self.pick(&["<", "<=", ">", ">=", "==", "!="]);
        let rhs = if self.chance(0.5) && vars.len() > 1 {
            vars[self.rng.random_range(0..vars.len())].clone()
        } else {
            self.int(-2, 10).to_string()
        };
        if rhs == a {
            return format!("{a} % {} == 0", self.int(2, 5));
        }
        format!("{a} {op} {rhs}")
    }

    fn conditions(&mut self) -> Func {
        let sets: &[&[&str]] = &[&["x"], &["a", "b"], &["x", "lo", "hi"], &["year"], &["age", "height"], &["n", "m"]];
        let names: Vec<String> = sets[self.rng.random_range(0..sets.len())].iter().map(|s| s.to_string()).collect();
        let mut f = Func::new("", names.iter().map(|n| (n.clone(), Ty::Int)).collect());
        f.name = self
            .pick(&[
                "is_valid",
                "in_range",
                "is_allowed",
                "can_proceed",
                "should_alert",
                "is_special",
                "check",
                "matches",
            ])
            .to_string();
        let c1 = self.comparison(&names);
        let mut c2 = self.comparison(&names);
        // Every parameter in some condition: the last one compares what the first did not.
        if let Some(unused) = names.iter().find(|n| !syntax::mentions(&c1, n) && !syntax::mentions(&c2, n)) {
            c2 = format!("{unused} {} {}", self.pick(&["<", ">", "!="]), self.int(-2, 10));
        }
        let joined = match self.rng.random_range(0..5) {
            0 => format!("{c1} and {c2}"),
            1 => format!("{c1} or {c2}"),
            2 => format!("not ({c1}) and {c2}"),
            3 => {
                let c3 = self.comparison(&names);
                format!("({c1} or {c2}) and {c3}")
            }
            _ => c1.clone(),
        };
        if self.chance(0.5) {
            f.line(0, format!("return {joined}"));
        } else {
            f.line(0, format!("if {joined}:"));
            f.line(1, "return True");
            if self.chance(0.5) {
                f.line(0, format!("if {c2}:"));
                f.line(1, "return False");
                let c3 = self.comparison(&names);
                f.line(0, format!("return {c3}"));
            } else {
                f.line(0, "return False");
            }
        }
        f
    }

    fn string_loop(&mut self) -> Func {
        let s = self.pick(&["s", "text", "word", "line", "name", "message"]).to_string();
        let ch = self.pick(&["ch", "c", "char", "letter"]).to_string();
        let mut f = Func::new("", vec![(s.clone(), Ty::Str)]);
        let target = self.pick(&["'a'", "'e'", "' '", "'s'", "'l'", "'o'"]);
        let lo = self.pick(&["'a'", "'f'", "'m'", "'A'", "'0'"]);
        let base: [(String, &str, &str); 12] = [
            (format!("{ch} in 'aeiou'"), "vowels", "vowel"),
            (format!("{ch}.isdigit()"), "digits", "digit"),
            (format!("{ch}.isupper()"), "uppercase", "uppercase"),
            (format!("{ch}.isalpha()"), "letters", "letter"),
            (format!("{ch} == {target}"), "matching", "match"),
            (format!("{ch}.isspace()"), "spaces", "space"),
            (format!("{ch} not in 'aeiou '"), "consonants", "consonant"),
            (format!("{ch}.lower() in 'aeiou'"), "vowels_any_case", "vowel"),
            (format!("{ch}.islower()"), "lowercase", "lowercase"),
            (format!("{ch} > {lo}"), "late_chars", "late_char"),
            (format!("{ch}.isalnum()"), "alphanumerics", "alphanumeric"),
            (format!("{ch} in ',.;:!?'"), "punctuation", "punctuation"),
        ];
        let first = self.rng.random_range(0..base.len());
        // Sometimes two conditions joined, or a negation: `ch.isalpha() and ch.islower()`.
        let (cond, plural, singular) = match self.rng.random_range(0..6) {
            0 => {
                let second = self.rng.random_range(0..base.len());
                let joiner = self.pick(&["and", "or"]);
                let name = format!("{}_{joiner}_{}", base[first].1, base[second].1);
                (format!("{} {joiner} {}", base[first].0, base[second].0), name.clone(), name)
            }
            1 => (format!("not {}", base[first].0), format!("non_{}", base[first].1), format!("non_{}", base[first].2)),
            _ => (base[first].0.clone(), base[first].1.to_string(), base[first].2.to_string()),
        };
        let acc = self.rng.random_range(0..6);
        let indexed = acc == 4;
        if indexed {
            f.line(0, format!("for i, {ch} in enumerate({s}):"));
        } else {
            match acc {
                0 => f.line(0, "count = 0"),
                1..=3 => f.line(0, "result = ''"),
                _ => {}
            }
            f.line(0, format!("for {ch} in {s}:"));
        }
        f.line(1, format!("if {cond}:"));
        match acc {
            0 => {
                f.name = format!("count_{plural}");
                f.line(2, "count += 1");
                f.line(0, "return count");
            }
            1 => {
                f.name = format!("keep_{plural}");
                f.line(2, format!("result += {ch}"));
                f.line(0, "return result");
            }
            2 => {
                f.name = format!("remove_{plural}");
                f.line(2, "continue");
                f.line(1, format!("result += {ch}"));
                f.line(0, "return result");
            }
            3 => {
                let repl = self.pick(&["'*'", "'_'", &format!("{ch}.upper()"), &format!("{ch} + {ch}")]).to_string();
                f.name = format!("mask_{plural}");
                f.line(2, format!("result += {repl}"));
                f.line(1, "else:");
                f.line(2, format!("result += {ch}"));
                f.line(0, "return result");
            }
            4 => {
                f.name = format!("index_of_first_{singular}");
                f.line(2, "return i");
                f.line(0, "return -1");
            }
            _ => {
                f.name = format!("has_{singular}");
                f.line(2, "return True");
                f.line(0, "return False");
            }
        }
        f
    }

    fn string_pipeline(&mut self) -> Func {
        let s = self.pick(&["s", "text", "sentence", "line", "title"]).to_string();
        let mut f = Func::new("", vec![(s.clone(), Ty::Str)]);
        let mut ty = Ty::Str;
        let mut var = s.clone();
        let mut words = Vec::new();
        let steps = self.rng.random_range(1..=3);
        for step in 0..steps {
            let k = self.int(1, 4);
            let (expr, new_ty, word) = match ty {
                Ty::Str => match self.rng.random_range(0..9) {
                    0 => (format!("{var}.strip()"), Ty::Str, "strip"),
                    1 => (format!("{var}.lower()"), Ty::Str, "lower"),
                    2 => (format!("{var}.upper()"), Ty::Str, "upper"),
                    3 => (format!("{var}[::-1]"), Ty::Str, "reverse"),
                    4 => (format!("{var}[:{k}]"), Ty::Str, "truncate"),
                    5 => (format!("{var}[{k}:]"), Ty::Str, "drop_prefix"),
                    6 => (format!("{var}.replace(' ', '{}')", self.pick(&["", "_", "-"])), Ty::Str, "replace_spaces"),
                    7 => (format!("{var}.split()"), Ty::StrList, "words"),
                    _ => (format!("{var}.title()"), Ty::Str, "title"),
                },
                _ => match self.rng.random_range(0..6) {
                    0 => (format!("sorted({var})"), Ty::StrList, "sort"),
                    1 => (format!("{var}[::-1]"), Ty::StrList, "reverse"),
                    2 => (format!("' '.join({var})"), Ty::Str, "join"),
                    3 => (format!("'-'.join({var})"), Ty::Str, "hyphenate"),
                    4 => (format!("[w[:{k}] for w in {var}]"), Ty::StrList, "clip_words"),
                    _ => (format!("[w for w in {var} if len(w) > {k}]"), Ty::StrList, "long_words"),
                },
            };
            let local = ["cleaned", "parts", "result", "out"][step].to_string();
            f.line(0, format!("{local} = {expr}"));
            var = local;
            ty = new_ty;
            words.push(word);
        }
        let (ret, word) = match (ty, self.rng.random_range(0..4)) {
            (Ty::Str, 0) => (format!("len({var})"), Some("length")),
            (Ty::Str, 1) => (format!("{var} == {var}[::-1]"), Some("is_palindrome")),
            (Ty::StrList, 0) => (format!("len({var})"), Some("count")),
            (Ty::StrList, 1) => (format!("' '.join({var})"), None),
            _ => (var.clone(), None),
        };
        f.line(0, format!("return {ret}"));
        words.dedup();
        let mut name = words.join("_then_");
        if let Some(w) = word {
            name = format!("{w}_after_{name}");
        }
        f.name = name;
        f
    }

    fn list_pipeline(&mut self) -> Func {
        let list = self.pick(LIST_NAMES).to_string();
        let elem = self.pick(&["x", "v", "item"]).to_string();
        let mut f = Func::new("", vec![(list.clone(), Ty::IntList)]);
        let mut var = list.clone();
        let mut words: Vec<String> = Vec::new();
        let mut looped = false;
        let steps = self.rng.random_range(1..=3);
        for step in 0..steps {
            let c = self.int(2, 4);
            let pred = self.predicate();
            let local = ["first", "second", "third"][step].to_string();
            // At most one loop step, so that the function stays small.
            let choice = self.rng.random_range(0..if looped { 7 } else { 10 });
            let (expr, word): (String, String) = match choice {
                0 => (format!("sorted({var})"), "sorted".into()),
                1 => (format!("sorted({var}, reverse=True)"), "sorted_desc".into()),
                2 => (format!("{var}[::-1]"), "reversed".into()),
                3 => (format!("{var}[{}:]", c - 1), "tail".into()),
                4 => (format!("{var}[::{c}]"), format!("every_{c}th")),
                5 => (format!("[{elem} * {c} for {elem} in {var}]"), "scaled".into()),
                6 if !pred.3 => {
                    (format!("[{elem} for {elem} in {var} if {}]", pred.0.replace("{x}", &elem)), pred.1.clone())
                }
                6 => (format!("[{elem} - {c} for {elem} in {var}]"), "shifted".into()),
                7 => {
                    looped = true;
                    f.line(0, format!("{local} = []"));
                    f.line(0, "acc = 0");
                    f.line(0, format!("for {elem} in {var}:"));
                    f.line(1, format!("acc += {elem}"));
                    f.line(1, format!("{local}.append(acc)"));
                    (String::new(), "running_sums".into())
                }
                8 => (format!("[{var}[i + 1] - {var}[i] for i in range(len({var}) - 1)]"), "differences".into()),
                _ => {
                    looped = true;
                    f.line(0, format!("{local} = []"));
                    f.line(0, format!("for {elem} in {var}:"));
                    f.line(1, format!("if {elem} not in {local}:"));
                    f.line(2, format!("{local}.append({elem})"));
                    (String::new(), "unique".into())
                }
            };
            if !expr.is_empty() {
                f.line(0, format!("{local} = {expr}"));
            }
            var = local;
            if words.last() != Some(&word) {
                words.push(word);
            }
        }
        let (ret, word) = match self.rng.random_range(0..6) {
            0 => (format!("sum({var})"), Some("sum")),
            1 => (format!("len({var})"), Some("count")),
            2 => (format!("max({var}, default=0)"), Some("max")),
            3 => (format!("{var}[0] if {var} else None"), Some("first")),
            _ => (var.clone(), None),
        };
        f.line(0, format!("return {ret}"));
        let mut name = words.join("_");
        if let Some(w) = word {
            name = format!("{w}_of_{name}");
        }
        f.name = name;
        f
    }

    fn pairs(&mut self) -> Func {
        let list = self.pick(LIST_NAMES).to_string();
        let limit = self.pick(LIMIT_NAMES).to_string();
        let mut f = Func::new("", vec![(list.clone(), Ty::IntList)]);
        let (a, b) = (format!("{list}[i]"), format!("{list}[j]"));
        // The pair condition: against the limit parameter, a constant, or each other.
        let c = self.int(1, 12);
        let (cond, cond_name, uses_k) = match self.rng.random_range(0..9) {
            0 => (format!("{a} + {b} == {limit}"), "summing_to".to_string(), true),
            1 => (format!("{a} + {b} < {limit}"), "with_sum_below".into(), true),
            2 => (format!("abs({a} - {b}) <= {limit}"), "within".into(), true),
            3 => (format!("{a} * {b} > {limit}"), "with_product_above".into(), true),
            4 => (format!("{a} == {b}"), "equal".into(), false),
            5 => (format!("{a} > {b}"), "inverted".into(), false),
            6 => (format!("{a} + {b} == {c}"), format!("summing_to_{c}"), false),
            7 => (format!("({a} + {b}) % {} == 0", c.max(2)), format!("with_sum_divisible_by_{}", c.max(2)), false),
            _ => (format!("abs({a} - {b}) == {c}"), format!("{c}_apart"), false),
        };
        if uses_k {
            f.params.push((limit, Ty::Int));
        }
        let acc = self.rng.random_range(0..5);
        let all_pairs = self.chance(0.3);
        f.line(0, format!("n = len({list})"));
        match acc {
            0 => f.line(0, "count = 0"),
            1 => f.line(0, "best = None"),
            3 => f.line(0, "pairs = []"),
            _ => {}
        }
        f.line(0, "for i in range(n):");
        let depth = if all_pairs {
            f.line(1, "for j in range(n):");
            f.line(2, "if i < j:");
            3
        } else {
            f.line(1, "for j in range(i + 1, n):");
            2
        };
        f.line(depth, format!("if {cond}:"));
        f.name = match acc {
            0 => {
                f.line(depth + 1, "count += 1");
                f.line(0, "return count");
                format!("count_pairs_{cond_name}")
            }
            1 => {
                let (expr, word) =
                    if self.chance(0.5) { (format!("{a} * {b}"), "product") } else { (format!("{a} + {b}"), "sum") };
                f.line(depth + 1, format!("if best is None or {expr} > best:"));
                f.line(depth + 2, format!("best = {expr}"));
                f.line(0, "return best");
                format!("max_{word}_of_pairs_{cond_name}")
            }
            2 => {
                f.line(depth + 1, "return True");
                f.line(0, "return False");
                format!("has_pair_{cond_name}")
            }
            3 => {
                f.line(depth + 1, "pairs.append((i, j))");
                f.line(0, "return pairs");
                format!("index_pairs_{cond_name}")
            }
            _ => {
                f.line(depth + 1, "return (i, j)");
                f.line(0, "return None");
                format!("first_pair_{cond_name}")
            }
        };
        f
    }

    /// `count` distinct argument lists for `params`, as Python source.
    fn inputs(&mut self, params: &[(String, Ty)], count: usize) -> Vec<String> {
        let mut interesting: Vec<i64> = self.consts.iter().flat_map(|&c| [c - 1, c, c + 1]).collect();
        interesting.extend([0, 1, -1, 2]);
        let mut out: Vec<String> = Vec::new();
        for _ in 0..count * 3 {
            if out.len() >= count {
                break;
            }
            let args: Vec<String> = params.iter().map(|(_, ty)| self.value(*ty, &interesting)).collect();
            let args = args.join(", ");
            if !out.contains(&args) {
                out.push(args);
            }
        }
        out
    }

    fn small_int(&mut self, interesting: &[i64]) -> i64 {
        if self.chance(0.5) {
            interesting[self.rng.random_range(0..interesting.len())]
        } else {
            self.rng.random_range(-5..=25)
        }
    }

    fn value(&mut self, ty: Ty, interesting: &[i64]) -> String {
        match ty {
            Ty::Int => self.small_int(interesting).to_string(),
            Ty::Bool => if self.chance(0.5) { "True" } else { "False" }.to_string(),
            Ty::Str => {
                if self.chance(0.7) {
                    py_str(WORDS[self.rng.random_range(0..WORDS.len())])
                } else {
                    let len = self.rng.random_range(0..8);
                    let alphabet: Vec<char> = "abeioAEsl 19xyz".chars().collect();
                    let s: String = (0..len).map(|_| alphabet[self.rng.random_range(0..alphabet.len())]).collect();
                    py_str(&s)
                }
            }
            Ty::IntList => {
                let len = if self.chance(0.15) { 0 } else { self.rng.random_range(1..=7) };
                let items: Vec<String> = (0..len).map(|_| self.small_int(interesting).to_string()).collect();
                format!("[{}]", items.join(", "))
            }
            Ty::StrList => {
                let len = self.rng.random_range(0..=4);
                let items: Vec<String> =
                    (0..len).map(|_| py_str(WORDS[self.rng.random_range(1..WORDS.len())])).collect();
                format!("[{}]", items.join(", "))
            }
        }
    }
}

/// `-3` → `minus_3`, for names.
fn name_num(n: i64) -> String {
    if n < 0 { format!("minus_{}", -n) } else { n.to_string() }
}

/// A Python string literal for printable ASCII text, quoted as `repr` would.
pub(super) fn py_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn candidates_are_reproducible_and_parse() {
        let generator = SynthGenerator::new(7);
        let mut families = HashSet::new();
        let mut sources = Vec::new();
        for i in 0..2000 {
            let c = generator.candidate(i, 8);
            assert_eq!(c, generator.candidate(i, 8), "candidate {i} depends only on (seed, index)");
            let tree = syntax::parse(c.source.as_str());
            assert!(!tree.has_error(), "candidate {i} does not parse:\n{}", c.source);
            let statements = c.source.lines().count() - 1;
            assert!((1..=15).contains(&statements), "{statements} lines:\n{}", c.source);
            assert!(!c.inputs.is_empty());
            families.insert(c.family);
            sources.push(c.source);
        }
        assert_eq!(families.len(), FAMILIES.len());
        let verdicts = crate::exec::validate(&sources).unwrap();
        let bad: Vec<_> = sources.iter().zip(&verdicts).filter(|(_, v)| !v.ok).collect();
        assert!(bad.is_empty(), "CPython rejects {} candidates, e.g. {:?}", bad.len(), bad.first());
    }

    #[test]
    fn python_string_literals() {
        assert_eq!(py_str("it's"), "\"it's\"");
        assert_eq!(py_str("a\\b\n"), "'a\\\\b\\n'");
    }
}
