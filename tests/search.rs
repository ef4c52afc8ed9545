//! The search stage: the baseline repairs one-token bugs, every constrained proposal parses, the search stops at
//! the first repair, no program is tested twice, and `kelp repair` on good and bad input.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::Duration;

use kelp::corpus::{Split, Task, toy_tasks};
use kelp::exec::{Sandbox, SandboxConfig};
use kelp::model::decode::Prefix;
use kelp::model::decode::spec_text;
use kelp::search::{
    Budget, Mode, PrefixPass, Proposer, Sampling, SearchConfig, Searcher, Strategy, TestFacts, class_at, sample_edits,
    score_edits, single_edits, single_edits_with,
};
use kelp::syntax;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::fixtures::tiny_random_model as tiny;

/// A fresh sandbox with its cache on: a cache hit would mean a program was run twice.
fn sandbox() -> Sandbox {
    Sandbox::new(SandboxConfig { workers: 2, timeout: Duration::from_secs(2), ..SandboxConfig::default() })
        .expect("the sandbox starts")
}

/// The model-free baseline over assert tests (each an expression, `assert` added), 1,000 runs, seed `seed`.
/// The program `repaired`, reached from `start` by TreeDiff's edits and not run yet: a foothold for `run_from`.
fn foothold(start: &str, repaired: &str, tests: usize) -> kelp::search::Candidate {
    let path = kelp::noise::tree_diff(&syntax::parse(start), &syntax::parse(repaired));
    kelp::search::Candidate::untested(repaired, path.edits.into_iter().map(|e| e.edit).collect(), tests, 0.0)
}

fn baseline_searcher<'a>(sandbox: &'a Sandbox, tests: &[&str], seed: u64) -> Searcher<'a> {
    Searcher {
        sandbox,
        model: None,
        spec: String::new(),
        tests: kelp::exec::Tests::Asserts(tests.iter().map(|t| format!("assert {t}")).collect()),
        context: Default::default(),
        config: SearchConfig {
            mode: Mode::Baseline,
            budget: Budget { test_runs: 1000, model_calls: 0, wall: Duration::from_secs(60) },
            seed,
            ..SearchConfig::default()
        },
    }
}

fn toy(name: &str) -> Task {
    toy_tasks().into_iter().find(|t| t.entry_point == name).expect("a toy task")
}

fn searcher<'a>(sandbox: &'a Sandbox, task: &Task, mode: Mode, budget: usize) -> Searcher<'a> {
    let (tokenizer, model) = tiny();
    Searcher {
        sandbox,
        model: (mode != Mode::Baseline).then_some((model, tokenizer)),
        spec: spec_text(&task.spec),
        tests: task.spec.tests.clone().unwrap(),
        context: Default::default(),
        config: SearchConfig {
            mode,
            budget: Budget { test_runs: budget, model_calls: budget * 4, wall: Duration::from_secs(30) },
            rollouts: 4,
            depth: 2,
            ..SearchConfig::default()
        },
    }
}

#[test]
fn baseline_repairs_a_one_operator_bug_within_100_runs() {
    let sandbox = sandbox();
    for (name, broken) in [
        ("add", "def add(a, b):\n    return a - b\n"),
        ("max_val", "def max_val(a, b):\n    if a < b:\n        return a\n    return b\n"),
    ] {
        let report = searcher(&sandbox, &toy(name), Mode::Baseline, 100).run(broken).unwrap();
        assert!(report.repaired, "{name}: {report:?}");
        assert!(report.test_runs <= 100);
        assert!(report.best.all_passed());
        assert!(report.passed_before < report.tests);
    }
}

/// A stub's menu leaves out the bodies whose form shows they cannot pass the tests (a number returned where a list
/// is expected, a number iterated, a string's method on a list): run, every one of them fails a test, and they are
/// many (the pruning is sound and not idle).
#[test]
fn stub_bodies_left_out_for_their_kinds_fail_the_tests() {
    let sandbox = sandbox();
    let mut left_out = 0;
    for (stub, tests) in [
        ("def keep_small(xs, n):\n    pass\n", &["keep_small([3, 1, 2], 2) == [1, 2]", "keep_small([], 0) == []"][..]),
        ("def count_vowels(s):\n    pass\n", &["count_vowels('banana') == 3", "count_vowels('') == 0"][..]),
        ("def has_pair(xs, ys):\n    pass\n", &["has_pair([1, 2], [2, 3]) == True", "has_pair([], [1]) == False"][..]),
    ] {
        let tree = syntax::parse(stub);
        let tests = kelp::exec::Tests::Asserts(tests.iter().map(|t| format!("assert {t}")).collect());
        let facts = TestFacts::of(&tests, &tree);
        let blind = TestFacts { expected: Vec::new(), ..facts.clone() };
        let kept: std::collections::HashSet<String> =
            single_edits_with(&tree, &facts).into_iter().map(|e| e.text).collect();
        let programs: Vec<(String, kelp::exec::Tests)> = single_edits_with(&tree, &blind)
            .into_iter()
            .filter(|e| !kept.contains(&e.text))
            .map(|e| {
                let (start, end) = (e.span.start as usize, e.span.end as usize);
                (format!("{}{}{}", &stub[..start], e.text, &stub[end..]), tests.clone())
            })
            .collect();
        left_out += programs.len();
        for ((program, _), report) in programs.iter().zip(sandbox.run_many(&programs).unwrap()) {
            assert!(!report.all_passed(), "left out, yet passes:\n{program}");
        }
    }
    assert!(left_out > 300, "{left_out} bodies left out");
}

/// Fault localisation puts the baseline's edits of the lines only failing tests run first: on a ladder of `if`s
/// with an off-by-one in its last rung, it repairs in fewer runs than the blind order over twelve seeds, and always
/// within 60.
#[test]
fn localisation_finds_the_bug_sooner_than_random_order() {
    let sandbox = sandbox();
    let program = "def grade(score):\n    if score >= 90:\n        return 4\n    if score >= 80:\n        return 3\n    \
                   if score >= 70:\n        return 2\n    if score >= 61:\n        return 1\n    return 0\n";
    let tests =
        ["grade(95) == 4", "grade(85) == 3", "grade(75) == 2", "grade(60) == 1", "grade(65) == 1", "grade(10) == 0"];
    let tests = kelp::exec::Tests::Asserts(tests.iter().map(|t| format!("assert {t}")).collect());
    let runs = |localize: bool, seed: u64| {
        let searcher = Searcher {
            sandbox: &sandbox,
            model: None,
            spec: String::new(),
            tests: tests.clone(),
            context: Default::default(),
            config: SearchConfig {
                mode: Mode::Baseline,
                budget: Budget { test_runs: 1000, model_calls: 0, wall: Duration::from_secs(60) },
                seed,
                localize,
                ..SearchConfig::default()
            },
        };
        let report = searcher.run(program).unwrap();
        assert!(report.repaired, "{report:?}");
        report.test_runs_to_repair.unwrap()
    };
    let (mut localized, mut random) = (0, 0);
    for seed in 0..12 {
        let (l, r) = (runs(true, seed), runs(false, seed));
        assert!(l <= 60, "seed {seed}: {l} runs with localisation");
        localized += l;
        random += r;
    }
    // Measured: 244 against 268 over these twelve seeds (session 16; over the first six, 115 against 94: a literal's
    // swapped digits are one more classic edit on the suspicious line). Session 15, six seeds: 130 against 169.
    // Before the menu's tiers (the off-by-one is a classic edit, tried before the many rewrites), 267 against 1,026.
    assert!(localized < random, "{localized} runs with localisation, {random} in the blind order");
}

/// Bugs whose errors name what is missing: a misspelt method, a module never imported, a local never initialised.
/// The localised baseline tries the edits the errors name first (`baseline::error_edits`); in the blind order each
/// waits among the whole menu.
#[test]
fn the_errors_name_their_repairs_to_the_localised_baseline() {
    let sandbox = sandbox();
    let cases = [
        ("def shout(s):\n    return s.uper() + '!'\n", "shout('hi') == 'HI!'"),
        ("def hypotenuse(a, b):\n    return math.sqrt(a * a + b * b)\n", "hypotenuse(3, 4) == 5.0"),
        (
            "def running(xs):\n    out = []\n    for x in xs:\n        total += x\n        out.append(total)\n    return out\n",
            "running([1, 2, 3]) == [1, 3, 6]",
        ),
    ];
    for (program, test) in cases {
        let report = baseline_searcher(&sandbox, &[test], 0).run(program).unwrap();
        assert!(report.repaired, "{program}: {report:?}");
        // The start's traced run, then the first few edits the errors name.
        assert!(report.test_runs_to_repair.unwrap() <= 4, "{program}: {report:?}");
    }
}

/// An index out of range raises where the collection is read, but its size, or the index's bound, is set on
/// another line: the classic edits of those values come first (`ErrorEdits::hot`). Before, the preallocated
/// table's size took the localised baseline 778 runs here (a matrix product's `[0] * n` for `[0] * p`; 43 to 81 since,
/// as the menu's other edits change the seeded order of the likely ones), and
/// a table one too short (`[0] * (len(xs) + 1)`) was not in the menu.
#[test]
fn an_index_out_of_range_points_at_the_size_and_the_bound() {
    let sandbox = sandbox();
    let cases = [
        (
            "def matmul(a, b):\n    n, m, p = len(a), len(b), len(b[0])\n    out = [[0] * n for _ in range(n)]\n    \
             for i in range(n):\n        for j in range(p):\n            for k in range(m):\n                \
             out[i][j] += a[i][k] * b[k][j]\n    return out\n",
            &["matmul([[1, 2]], [[1, 2, 3], [4, 5, 6]]) == [[9, 12, 15]]", "matmul([[1], [2]], [[3]]) == [[3], [6]]"][..],
        ),
        (
            "def prefix_sums(xs):\n    sums = [0] * len(xs)\n    for i in range(len(xs)):\n        \
             sums[i + 1] = sums[i] + xs[i]\n    return sums\n",
            &["prefix_sums([1, 2, 3]) == [0, 1, 3, 6]", "prefix_sums([]) == [0]"][..],
        ),
    ];
    for (program, tests) in cases {
        let report = baseline_searcher(&sandbox, tests, 0).run(program).unwrap();
        assert!(report.repaired, "{program}: {report:?}");
        assert!(report.test_runs_to_repair.unwrap() <= 100, "{program}: {report:?}");
    }
}

/// A test that times out points at the `while` loops whose bodies never update what their conditions read: their
/// classic edits (the update added) come first (`Missing::Hang`). Before, the roman numerals' inner loop without
/// `div -= 1` was not repaired within 1,000 runs by the localised baseline: the lists' literals held the front of the
/// menu, and partial repairs (a hang turned into a wrong answer) drew the picks.
#[test]
fn a_hanging_test_points_at_the_loop_that_never_updates() {
    // Tests limited one by one, as `kelp repair` runs them: a hanging test reports the lines it ran.
    let config = SandboxConfig { test_timeout: Some(Duration::from_millis(500)), ..SandboxConfig::default() };
    let sandbox = Sandbox::new(SandboxConfig { workers: 2, timeout: Duration::from_secs(2), ..config }).unwrap();
    let program = "def to_roman(number):\n    num = [1, 4, 5, 9, 10, 40, 50, 90, 100, 400, 500, 900, 1000]\n    \
                   sym = ['I', 'IV', 'V', 'IX', 'X', 'XL', 'L', 'XC', 'C', 'CD', 'D', 'CM', 'M']\n    i = 12\n    \
                   res = ''\n    while number:\n        div = number // num[i]\n        number %= num[i]\n        \
                   while div:\n            res += sym[i]\n        i -= 1\n    return res\n";
    let tests = ["to_roman(19) == 'XIX'", "to_roman(4) == 'IV'", "to_roman(1994) == 'MCMXCIV'"];
    let report = baseline_searcher(&sandbox, &tests, 0).run(program).unwrap();
    assert!(report.repaired, "{report:?}");
    assert!(report.best.source.contains("            res += sym[i]\n            div -= 1\n"), "{report:?}");
    assert!(report.test_runs_to_repair.unwrap() <= 10, "{report:?}");
}

/// Two bugs, each failing tests of its own: the baseline climbs from the first repair it finds (`climb.rs`), where
/// its random 2–3-edit compositions needed more than 1,000 runs for every seed. Given the first repair as a
/// foothold (as `kelp repair` hands the model search's best to the baseline), it starts climbing from there.
#[test]
fn baseline_climbs_from_a_partial_repair() {
    let sandbox = sandbox();
    let program = "def stats(xs):\n    lo = max(xs)\n    hi = max(xs)\n    total = 0\n    for x in xs:\n        \
                   total -= x\n    return lo, hi, total\n";
    let tests =
        ["stats([3, 1, 2])[0] == 1", "stats([5, 7])[0] == 5", "stats([3, 1, 2])[1] == 3", "stats([3, 1, 2])[2] == 6"];
    let searcher = |seed| baseline_searcher(&sandbox, &tests, seed);
    let fixed = program.replacen("max", "min", 1).replace("-=", "+=");
    for seed in 0..3 {
        let report = searcher(seed).run(program).unwrap();
        assert!(report.repaired, "seed {seed}: {report:?}");
        assert_eq!(report.best.source, fixed, "seed {seed}");
        assert!(report.best.edits.len() >= 2, "seed {seed}: {:?}", report.best.edits);
    }
    let start = syntax::parse(program);
    let (edit, half) = single_edits(&start)
        .into_iter()
        .filter_map(|e| kelp::search::splice_checked(&start, e.span, e.class, &e.text))
        .find(|(_, t)| t.source() == program.replacen("max", "min", 1))
        .expect("min for max is one menu edit");
    let foothold = kelp::search::Candidate::untested(half.source().to_string(), vec![edit.clone()], tests.len(), 0.0);
    for seed in 0..3 {
        let report = searcher(seed).run_from(program, std::slice::from_ref(&foothold)).unwrap();
        assert!(report.repaired, "seed {seed}: {report:?}");
        // Climbed from the foothold, or merged with it (`merge.rs`: the other bug's edit, tested from the start,
        // mends a test the foothold does not): its edit is the repair's either way.
        assert!(report.best.edits.contains(&edit), "seed {seed}: {:?} from the foothold", report.best.edits);
    }
}

/// Polishing (`search/polish.rs`): a repair of two edits that fits the tests gives way to the one-edit fix a few
/// runs down the start's own stream, and arithmetic a menu edit leaves behind (`n - 0`) is rewritten away.
#[test]
fn a_repair_is_polished_to_fewer_edits_and_plain_arithmetic() {
    let sandbox = sandbox();
    let searcher = |tests: &[&str], seed| baseline_searcher(&sandbox, tests, seed);
    // The README's example: `pass` and `min(hi, x)` pass its tests too, with two edits.
    let clamp =
        "def clamp(x, lo, hi):\n    if x < lo:\n        return lo\n    if x < hi:\n        return hi\n    return x\n";
    let fitted = clamp.replace("if x < hi:\n        return hi\n    return x", "pass\n    return min(hi, x)");
    let clamp_tests =
        ["clamp(5, 0, 10) == 5", "clamp(-3, 0, 10) == 0", "clamp(12, 0, 10) == 10", "clamp(0, 0, 0) == 0"];
    let foothold = foothold(clamp, &fitted, clamp_tests.len());
    assert_eq!(foothold.edits.len(), 2);
    for seed in 0..3 {
        let report = searcher(&clamp_tests, seed).run_from(clamp, std::slice::from_ref(&foothold)).unwrap();
        assert!(report.repaired, "seed {seed}: {report:?}");
        // The foothold is the first repair (the start's run, then its own).
        assert_eq!(report.test_runs_to_repair, Some(2), "seed {seed}");
        let polish = report.polish.as_ref().expect("a repair is polished");
        assert!(polish.fewer_edits && polish.edits_before == 2 && polish.edits_after == 1, "seed {seed}: {polish:?}");
        assert!(polish.runs <= kelp::search::POLISH_RUNS, "seed {seed}: {polish:?}");
        assert_eq!(report.best.edits.len(), 1, "seed {seed}: {}", report.best.source);
        assert_ne!(report.best.source, fitted);
        assert_eq!(report.test_runs, report.test_runs_to_repair.unwrap() + polish.runs);
    }
    // Off by one in a range bound: the menu's integer edits reach `n - 0` or `n`, whichever comes first; either way
    // the repair reported is `range(n)`.
    let fib = "def fib(n):\n    a, b = 0, 1\n    for _ in range(n - 1):\n        a, b = b, a + b\n    return a\n";
    let fib_tests = ["fib(0) == 0", "fib(1) == 1", "fib(2) == 1", "fib(7) == 13"];
    let mut simplified = 0;
    for seed in 0..6 {
        let report = searcher(&fib_tests, seed).run(fib).unwrap();
        assert!(report.repaired, "seed {seed}: {report:?}");
        assert_eq!(report.best.source, fib.replace("n - 1", "n"), "seed {seed}");
        // `n - 0` becomes `n` by the start's own edit to `n` on that line (smaller), or else by the simplification.
        simplified += usize::from(report.polish.as_ref().is_some_and(|p| p.simplified || p.tidier));
    }
    assert!(simplified > 0, "no seed's first repair was `n - 0`: the test no longer tests the simplification");
    // A first repair of two edits, `n - 1` → `n - 0` → `n`: the start's one-edit `n - 0` passes too, and it
    // simplifies back to the first repair, which stands.
    let fixed = fib.replace("n - 1", "n");
    let halfway = syntax::parse(fib.replace("n - 1", "n - 0"));
    let mut edits: Vec<_> =
        kelp::noise::tree_diff(&syntax::parse(fib), &halfway).edits.into_iter().map(|e| e.edit).collect();
    edits.extend(kelp::noise::tree_diff(&halfway, &syntax::parse(fixed.as_str())).edits.into_iter().map(|e| e.edit));
    assert_eq!(edits.len(), 2);
    let foothold = kelp::search::Candidate::untested(fixed.clone(), edits, fib_tests.len(), 0.0);
    let mut tried_halfway = 0;
    for seed in 0..6 {
        let report = searcher(&fib_tests, seed).run_from(fib, std::slice::from_ref(&foothold)).unwrap();
        assert_eq!(report.best.source, fixed, "seed {seed}");
        let polish = report.polish.as_ref().expect("a repair is polished");
        assert!(!polish.fewer_edits && polish.edits_after == 2, "seed {seed}: {polish:?}");
        tried_halfway += usize::from(polish.runs > 0);
    }
    assert!(tried_halfway > 0, "no seed's polish ran: the test no longer tests a first repair's return");
}

/// Polishing a one-edit repair that fits the tests (`search/polish.rs`): a smaller program one edit away on the same
/// line (the excess dropped, not made harmless), or one the same size that keeps its comparison's kind (`==` for
/// `!=`, not `<=`), replaces it when it passes too.
#[test]
fn a_test_fitting_repair_gives_way_to_a_tidier_one_on_its_line() {
    let sandbox = sandbox();
    let cases: [(&str, &str, &str, &[&str]); 2] = [
        (
            "def truncate(number):\n    return number % 1.0 + 1.0\n",
            "% 1.0 + 1.0",
            "% 1.0 % 1.0",
            &["truncate(3.5) == 0.5", "abs(truncate(1.33) - 0.33) < 1e-6", "truncate(2.0) == 0.0"],
        ),
        (
            "def is_palindrome(s):\n    return s[::-1] != s\n",
            "!=",
            "<=",
            &["is_palindrome('aba')", "not is_palindrome('abc')", "is_palindrome('')", "not is_palindrome('ab')"],
        ),
    ];
    for (program, bug, fitted_fix, tests) in cases {
        let foothold = foothold(program, &program.replace(bug, fitted_fix), tests.len());
        assert_eq!(foothold.edits.len(), 1, "{}", foothold.source);
        let tidy = if bug == "!=" { program.replace(bug, "==") } else { program.replace(" + 1.0", "") };
        for seed in 0..3 {
            let report =
                baseline_searcher(&sandbox, tests, seed).run_from(program, std::slice::from_ref(&foothold)).unwrap();
            assert_eq!(report.test_runs_to_repair, Some(2), "seed {seed}: the foothold is the first repair");
            let polish = report.polish.as_ref().expect("a repair is polished");
            assert!(polish.tidier && polish.runs <= kelp::search::TIDY_RUNS, "seed {seed}: {polish:?}");
            assert_eq!(report.best.source, tidy, "seed {seed}");
        }
    }
    // But not to a program larger than the start: `len(points)` is smaller than `float("inf")` and passes these
    // tests too, by their luck.
    let closest = "def closest_pair_gap(points):\n    if len(points) < 2:\n        return None\n    ordered = sorted(points)\n    best = 0\n    for a, b in zip(ordered, ordered[1:]):\n        gap = b - a\n        if gap < best:\n            best = gap\n    return best\n";
    let tests: &[&str] = &[
        "closest_pair_gap([10, 4, 7, 1]) == 3",
        "closest_pair_gap([5, 9, 5]) == 0",
        "closest_pair_gap([1.5, 3.0, 2.0]) == 0.5",
        "closest_pair_gap([1]) is None",
    ];
    let intended = closest.replace("best = 0", "best = float('inf')");
    let fitted = closest.replace("best = 0", "best = len(points)");
    let foothold = foothold(closest, &intended, tests.len());
    let fits = baseline_searcher(&sandbox, tests, 0).run(&fitted).unwrap();
    assert_eq!(fits.passed_before, tests.len(), "the larger alternative passes too: the case tests the bound");
    for seed in 0..3 {
        let report =
            baseline_searcher(&sandbox, tests, seed).run_from(closest, std::slice::from_ref(&foothold)).unwrap();
        assert_eq!(report.best.source, intended, "seed {seed}: {:?}", report.polish);
    }
}

#[test]
fn every_constrained_proposal_parses_as_its_class() {
    // The shipped model: a random one rarely ends a replacement, and a replacement cut off at the token limit is
    // rejected.
    let checkpoint = kelp::model::Checkpoint::load(std::path::Path::new("models/default")).unwrap();
    let (tokenizer, model) = (&checkpoint.tokenizer, &checkpoint.model);
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    let mut sources = Vec::new();
    for (i, task) in toy_tasks().into_iter().filter(|t| t.split == Split::Eval).take(6).enumerate() {
        let tree = syntax::parse(task.source.as_str());
        // Short limits cut many replacements off, longer ones few: both are tried.
        let max_tokens = if i % 2 == 0 { 3 } else { 12 };
        let sampling = Sampling { temperature: 1.0, top_p: 0.9, max_tokens };
        let mut proposer = Proposer::new(model, tokenizer, spec_text(&task.spec), sampling);
        for p in proposer.propose(&tree, 6, &mut rng).unwrap() {
            assert!(!p.tree.has_error(), "{}", p.tree.source());
            let class = class_at(&tree, p.edit.span).expect("the edit targets a replaceable node");
            let end = p.edit.span.end as usize + p.tree.source().len() - tree.source().len();
            assert!(p.tree.find_node(syntax::Span::new(p.edit.span.start as usize, end), class).is_some());
            sources.push(p.tree.source().to_string());
        }
        assert!(proposer.stats.sampled >= proposer.stats.rejected);
    }
    assert!(sources.len() >= 5, "only {} proposals survived the constraints", sources.len());
    // CPython agrees with tree-sitter on what was kept (reported, and required of the toy programs).
    let verdicts = kelp::exec::validate(&sources).unwrap();
    let valid = verdicts.iter().filter(|v| v.ok).count();
    assert_eq!(valid, sources.len(), "{:?}", verdicts.iter().zip(&sources).filter(|(v, _)| !v.ok).collect::<Vec<_>>());
}

#[test]
fn search_stops_when_the_tests_pass() {
    let sandbox = sandbox();
    // Already correct: one run, no model call.
    let task = toy("double");
    let report = searcher(&sandbox, &task, Mode::Model, 50).run(&task.source).unwrap();
    assert!(report.repaired);
    assert_eq!((report.test_runs, report.model_calls), (1, 0));
    // The first repairing candidate is the last one run (batches of one) but for polishing's runs after it.
    let mut s = searcher(&sandbox, &toy("add"), Mode::Baseline, 200);
    s.config.batch = 1;
    let report = s.run("def add(a, b):\n    return a * b\n").unwrap();
    assert!(report.repaired);
    let polish_runs = report.polish.as_ref().map_or(0, |p| p.runs);
    assert_eq!(Some(report.test_runs - polish_runs), report.test_runs_to_repair);
}

#[test]
fn no_program_is_tested_twice() {
    for (mode, strategy) in
        [(Mode::Baseline, Strategy::BestFirst), (Mode::Model, Strategy::BestFirst), (Mode::Model, Strategy::Rollouts)]
    {
        let sandbox = sandbox();
        // Unrepairable within the budget by blind search, and by a random model: the whole budget is spent.
        let task = toy("clamp");
        let broken = "def clamp(x, lo, hi):\n    return hi * 7 - lo\n";
        let mut s = searcher(&sandbox, &task, mode, 40);
        s.config.strategy = strategy;
        let report = s.run(broken).unwrap();
        let stats = sandbox.stats();
        assert_eq!(stats.cache_hits, 0, "{mode:?}: a program was run twice");
        assert_eq!(stats.runs as usize, report.test_runs, "{mode:?}");
        // Besides the candidates, the start program and the re-runs (the traced runs of the baseline's climbing roots).
        assert_eq!(
            report.candidates + 1 + report.reruns,
            report.test_runs,
            "{mode:?}: every distinct candidate is run once"
        );
    }
}

/// Once a test finished, the search runs its candidates under a limit of its own (ten times its slowest test, at
/// least 0.1 s): here 0.1 s, which the repair (a 0.3 s sleep in the second test, where the broken program returns at
/// once) runs out of. It passes the other test and timed out where the start program did not, so it is run again
/// under ten times the limit, and is the repair; without that re-run the search would have passed it by.
#[test]
fn a_repair_slower_than_the_searchs_limit_is_run_again() {
    let sandbox = sandbox();
    let broken = "def nap(s):\n    import time\n    done = 0\n    if s < 0:\n        time.sleep(s)\n        done = s\n    return done\n";
    let searcher = Searcher {
        sandbox: &sandbox,
        model: None,
        spec: String::new(),
        tests: kelp::exec::Tests::Asserts(vec!["assert nap(0) == 0".into(), "assert nap(0.3) == 0.3".into()]),
        context: Default::default(),
        config: SearchConfig {
            mode: Mode::Baseline,
            budget: Budget { test_runs: 300, model_calls: 0, wall: Duration::from_secs(60) },
            // No traced re-runs of climbing roots: every re-run is a slow candidate's. Batches of one: the repair
            // is the last program run.
            localize: false,
            batch: 1,
            ..SearchConfig::default()
        },
    };
    let report = searcher.run(broken).unwrap();
    assert!(report.repaired, "{report:?}");
    assert!(report.reruns >= 1, "{report:?}");
    assert_eq!(report.candidates + 1 + report.reruns, report.test_runs);
    // The search stops at the repair, but for polishing's runs.
    let polished = report.polish.as_ref().map_or(0, |p| p.runs);
    assert_eq!(report.test_runs_to_repair.map(|r| r + polished), Some(report.test_runs), "{report:?}");
}

/// "An edit" and "no edit" split the start pointer's probability: they sum to one.
#[test]
fn edit_and_no_edit_probabilities_sum_to_one() {
    let (tokenizer, model) = tiny();
    for task in toy_tasks().iter().take(4) {
        let prefix = Prefix::new(tokenizer, &spec_text(&task.spec), &task.source);
        let pass = PrefixPass::new(model, &prefix).unwrap().expect("the prefix fits the model");
        let (edit, no_edit) = (pass.edit_log_prob(), pass.no_edit_log_prob());
        assert!(edit < 0.0 && no_edit < 0.0, "{edit} {no_edit}");
        assert!((edit.exp() + no_edit.exp() - 1.0).abs() < 1e-4, "{edit} {no_edit}");
    }
}

/// A place prior moves where samples start, not what the model says of them.
#[test]
fn biased_starts_move_samples_but_keep_the_models_log_prob() {
    let (tokenizer, model) = tiny();
    let task = toy("clamp");
    let prefix = Prefix::new(tokenizer, &spec_text(&task.spec), &task.source);
    let starts = prefix.starts();
    let greedy = Sampling { temperature: 0.0, ..Sampling::default() };
    let sample = |bias: Option<usize>, sampling: &Sampling, n: usize| {
        let mut pass = PrefixPass::new(model, &prefix).unwrap().expect("the prefix fits the model");
        if let Some(target) = bias {
            pass.bias_starts(starts.iter().map(|&s| (s, if s == target { 0.0 } else { -1e3 })));
        }
        sample_edits(model, tokenizer, &pass, n, sampling, &mut ChaCha8Rng::seed_from_u64(5)).unwrap()
    };
    // The model's own first choice, favoured by the prior: the same edit with the same (unbiased) log-probability,
    // which a prior folded into the score would have raised to about the end pointer's and the text's alone.
    let plain = sample(None, &greedy, 1);
    let first = starts.iter().copied().find(|&s| prefix.byte_span(s, s).start == plain[0].span.start).unwrap();
    assert_eq!(sample(Some(first), &greedy, 1), plain);
    // Any other start: every sample starts there.
    let other = *starts.iter().rev().find(|&&s| s != first).unwrap();
    let at = prefix.byte_span(other, other).start;
    let moved = sample(Some(other), &Sampling::default(), 16);
    assert_eq!(moved.len(), 16);
    assert!(moved.iter().all(|s| s.span.start == at), "{moved:?}");
}

#[test]
fn batched_edit_scores_equal_one_at_a_time_scores() {
    // Batches pad replacements of different lengths and repeat the prefix's cache: neither may change a score.
    let (tokenizer, model) = tiny();
    let task = toy("clamp");
    let tree = syntax::parse(task.source.as_str());
    let prefix = Prefix::new(tokenizer, &spec_text(&task.spec), tree.source());
    let pass = PrefixPass::new(model, &prefix).unwrap().expect("the prefix fits the model");
    let menu = single_edits(&tree);
    let edits: Vec<(syntax::Span, &str)> = menu.iter().map(|e| (e.span, e.text.as_str())).collect();
    assert!(edits.len() > 40, "the menu spans more than one batch");
    let batched = score_edits(model, tokenizer, &pass, &edits, usize::MAX).unwrap();
    let mut scored = 0;
    for (edit, batch_score) in edits.iter().zip(&batched) {
        let alone = score_edits(model, tokenizer, &pass, std::slice::from_ref(edit), usize::MAX).unwrap()[0];
        match (batch_score, alone) {
            (Some(a), Some(b)) => {
                assert!((a - b).abs() < 1e-3 * b.abs().max(1.0), "{edit:?}: batched {a}, alone {b}");
                assert!(*a < 0.0);
                scored += 1;
            }
            (a, b) => assert_eq!(*a, b, "{edit:?}"),
        }
    }
    assert!(scored > 40, "only {scored} menu edits were addressable");
    // With a text budget, the 8 best-placed edits keep their exact scores and the others get an estimate.
    let pruned = score_edits(model, tokenizer, &pass, &edits, 8).unwrap();
    assert_eq!(
        pruned.iter().map(Option::is_some).collect::<Vec<_>>(),
        batched.iter().map(Option::is_some).collect::<Vec<_>>()
    );
    let exact = pruned
        .iter()
        .zip(&batched)
        .filter(|(a, b)| matches!((a, b), (Some(a), Some(b)) if (a - b).abs() < 1e-4))
        .count();
    assert!((8..scored).contains(&exact), "{exact} of {scored} pruned scores are exact");
    // The cut never splits one site's rewrites: at each span, every edit's score is exact or none is.
    let mut by_span: std::collections::HashMap<syntax::Span, Vec<bool>> = std::collections::HashMap::new();
    for ((edit, a), b) in edits.iter().zip(&pruned).zip(&batched) {
        if let (Some(a), Some(b)) = (a, b) {
            by_span.entry(edit.0).or_default().push((a - b).abs() < 1e-4);
        }
    }
    for (span, exact) in by_span {
        assert!(exact.iter().all(|&e| e == exact[0]), "{span:?}: {exact:?}");
    }
    // A span that is no node cannot be scored.
    let bogus = score_edits(model, tokenizer, &pass, &[(syntax::Span::new(1, 2), "x")], usize::MAX).unwrap();
    assert_eq!(bogus, vec![None]);
}

#[test]
fn best_first_repairs_one_operator_bugs_with_a_random_model() {
    // The menu is always searched: even a model that knows nothing repairs what the baseline repairs.
    let sandbox = sandbox();
    for (name, broken) in [
        ("add", "def add(a, b):\n    return a - b\n"),
        ("max_val", "def max_val(a, b):\n    if a < b:\n        return a\n    return b\n"),
    ] {
        let report = searcher(&sandbox, &toy(name), Mode::Model, 100).run(broken).unwrap();
        assert!(report.repaired, "{name}: {report:?}");
        assert!(report.model_calls > 0);
    }
}

#[test]
fn model_only_mode_runs_tests_once_for_the_report() {
    let sandbox = sandbox();
    let task = toy("sub");
    let report = searcher(&sandbox, &task, Mode::ModelOnly, 50).run("def sub(a, b):\n    return a + b\n").unwrap();
    assert!(report.test_runs <= 2, "{report:?}");
    assert!(report.model_calls > 0);
}

/// Model-only's beam: the start is never its answer (a repair starts from a broken program), its answer compiles,
/// and the same seed gives the same answer.
#[test]
fn model_only_beam_answers_with_an_edit_that_compiles_deterministically() {
    let sandbox = sandbox();
    let task = toy("sub");
    let broken = "def sub(a, b):\n    return a + b\n";
    let first = searcher(&sandbox, &task, Mode::ModelOnly, 50).run(broken).unwrap();
    let again = searcher(&sandbox, &task, Mode::ModelOnly, 50).run(broken).unwrap();
    assert!(!first.best.edits.is_empty(), "{first:?}");
    assert_ne!(first.best.source, broken);
    assert_eq!(first.best.source, again.best.source);
    assert!(kelp::exec::validate(&[&first.best.source]).unwrap()[0].ok, "{}", first.best.source);
}

fn kelp(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kelp")).args(args).output().expect("kelp runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kelp-repair-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn repair_bad_input_exits_2_and_writes_nothing() {
    let dir = scratch("bad");
    let stderr = |o: &Output| String::from_utf8_lossy(&o.stderr).into_owned();
    let missing = kelp(&["repair", "--baseline", dir.join("nope.py").to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2), "{}", stderr(&missing));
    assert!(stderr(&missing).contains("nope.py"));

    let no_tests = dir.join("no_tests.py");
    let text = "def f(x):\n    return x + 1\n";
    std::fs::write(&no_tests, text).unwrap();
    let out = kelp(&["repair", "--baseline", "--in-place", no_tests.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("no tests found"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&no_tests).unwrap(), text);
    // With --json the answer on stdout is JSON too.
    let out = kelp(&["repair", "--baseline", "--json", no_tests.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    assert!(json["error"].as_str().is_some_and(|e| e.contains("no tests found")), "{json}");
    assert_eq!(json["repaired"], false);

    let not_python = dir.join("notes.py");
    std::fs::write(&not_python, "this is not ) python (\n").unwrap();
    let out = kelp(&["repair", "--baseline", not_python.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("does not parse"), "{}", stderr(&out));

    // CPython says where the syntax error is (tree-sitter's error node starts a line later here).
    let colon = dir.join("colon.py");
    std::fs::write(&colon, "def f(x)\n    return x\n\nassert f(1) == 1\n").unwrap();
    let out = kelp(&["repair", "--baseline", colon.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("line 1)"), "{}", stderr(&out));

    // Tests that cannot run at all are flagged before the search.
    let unrunnable = dir.join("unrunnable.py");
    std::fs::write(&unrunnable, "def f(x):\n    return x\n").unwrap();
    let tests = dir.join("unrunnable_tests.py");
    std::fs::write(&tests, "from math import no_such_name\n\ndef test_a():\n    pass\n\ndef test_b():\n    pass\n")
        .unwrap();
    let out = kelp(&[
        "repair",
        "--baseline",
        "--budget",
        "5",
        unrunnable.to_str().unwrap(),
        "--tests",
        tests.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("every test fails on the original with ImportError"), "{}", stderr(&out));

    let out = kelp(&["repair", "--baseline", "--function", "g", no_tests.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no function `g` (it defines: f)"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));

    // The program's own file as its tests: its definition would stand over every candidate.
    let own = dir.join("own.py");
    std::fs::write(&own, "def f(x):\n    return x - 1\n\nassert f(1) == 2\n").unwrap();
    let out = kelp(&["repair", "--baseline", own.to_str().unwrap(), "--tests", own.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("read without --tests"), "{}", stderr(&out));

    // Tests that import a name the program lacks, through a module Python cannot find (taken to be the program).
    let helper_tests = dir.join("helper_tests.py");
    std::fs::write(
        &helper_tests,
        "from helpers_xyz import make_input\nfrom own import f\n\ndef test_a():\n    assert f(make_input()) == 2\n",
    )
    .unwrap();
    let out = kelp(&["repair", "--baseline", own.to_str().unwrap(), "--tests", helper_tests.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("import `make_input` from"), "{}", stderr(&out));

    // A file whose top-level code never finishes loading: every test times out, whatever the function does.
    let looping = dir.join("looping.py");
    std::fs::write(&looping, "def f(x):\n    return x - 1\n\nwhile True:\n    pass\n").unwrap();
    let tests = dir.join("looping_tests.py");
    std::fs::write(&tests, "from looping import f\n\ndef test_a():\n    assert f(1) == 2\n").unwrap();
    let args = ["repair", "--baseline", "--timeout", "0.5", looping.to_str().unwrap(), "--tests"];
    let out = kelp(&[&args[..], &[tests.to_str().unwrap()]].concat());
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("does not finish loading"), "{}", stderr(&out));
    // Unless that code calls the function, whose bug may be the hang: then the search goes on.
    let calling = dir.join("calling.py");
    std::fs::write(&calling, "def f(x):\n    while x:\n        x += 1\n    return x\n\nf(1)\n").unwrap();
    std::fs::write(&tests, "from calling import f\n\ndef test_a():\n    assert f(0) == 0\n").unwrap();
    let args = ["repair", "--baseline", "--budget", "3", "--timeout", "0.5", calling.to_str().unwrap(), "--tests"];
    let out = kelp(&[&args[..], &[tests.to_str().unwrap()]].concat());
    assert_ne!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("its top-level code calls `f`"), "{}", stderr(&out));
}

/// A file saved with a byte-order mark (as some Windows editors do), its tests too: repaired like any other, and
/// written back with its mark.
#[test]
fn repair_reads_and_keeps_a_byte_order_mark() {
    let dir = scratch("bom");
    let file = dir.join("inc.py");
    std::fs::write(&file, "\u{feff}def inc(x):\n    return x - 1\n").unwrap();
    let tests = dir.join("test_inc.py");
    std::fs::write(&tests, "\u{feff}from inc import inc\n\ndef test_one():\n    assert inc(1) == 2\n\ndef test_two():\n    assert inc(5) == 6\n").unwrap();
    let out = kelp(&["repair", "--baseline", "--in-place", file.to_str().unwrap(), "--tests", tests.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "\u{feff}def inc(x):\n    return x + 1\n");
}

/// A file with a helper beside the function its tests call, and HumanEval-style tests (`check(fn)` named after
/// the function, called at the end): no `--function` needed, and each assert of the check is a test of its own.
#[test]
fn repair_finds_the_tested_function_among_helpers_and_cuts_a_check_into_tests() {
    let dir = scratch("helpers");
    let file = dir.join("scale.py");
    let program =
        "def helper(x):\n    return x * 2\n\n\ndef scale_positive(xs):\n    return [helper(x) for x in xs if x < 0]\n";
    std::fs::write(&file, program).unwrap();
    let tests = dir.join("check_scale.py");
    std::fs::write(
        &tests,
        "METADATA = {}\n\n\ndef check(scale_positive):\n    assert scale_positive([1, -2, 3]) == [2, 6]\n    \
         assert scale_positive([]) == []\n    assert scale_positive([0, 5]) == [10]\n    for n in range(1, 4):\n        assert scale_positive([n]) == [2 * n]\n\n\
         check(scale_positive)\n",
    )
    .unwrap();
    let stderr = |o: &Output| String::from_utf8_lossy(&o.stderr).into_owned();
    let out = kelp(&["repair", "--baseline", "--json", file.to_str().unwrap(), "--tests", tests.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("repairing `scale_positive`, the one its tests call"), "{err}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["function"], "scale_positive");
    assert_eq!(json["report"]["tests"], 4, "one test per statement that asserts");
    // `[] == []` passes on the broken program: one of four.
    assert_eq!(json["report"]["passed_before"], 1);
    assert_eq!(json["report"]["repaired"], true);
    assert!(json["diff"].as_str().unwrap().contains("-    return [helper(x) for x in xs if x < 0]"), "{json}");
    // A check that calls the helper too still names the function it receives.
    let helper_too = dir.join("check_helper_too.py");
    std::fs::write(
        &helper_too,
        "def check(candidate):\n    assert candidate([helper(1)]) == [4]\n    assert candidate([-1, 2]) == [4]\n\n\
         check(scale_positive)\n",
    )
    .unwrap();
    let out =
        kelp(&["repair", "--baseline", "--json", file.to_str().unwrap(), "--tests", helper_too.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["function"], "scale_positive");
    // A check that names no function (the harness passes it): the one the other does not call.
    let unnamed = dir.join("check_unnamed.py");
    std::fs::write(&unnamed, "def check(candidate):\n    assert candidate([-1, 2]) == [4]\n").unwrap();
    let out = kelp(&["repair", "--baseline", "--json", file.to_str().unwrap(), "--tests", unnamed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("repairing `scale_positive`, the one the others do not call"), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["function"], "scale_positive");
    // Two functions that call neither the other: no telling which the check receives.
    let apart = dir.join("apart.py");
    std::fs::write(&apart, "def f(x):\n    return x\n\n\ndef g(x):\n    return -x\n").unwrap();
    let out = kelp(&["repair", "--baseline", apart.to_str().unwrap(), "--tests", unnamed.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("choose one with --function"), "{}", stderr(&out));
    // Tests that call both functions: the one whose lines the failing tests make the more suspicious (the helper's
    // lines run by two passing tests, the function's by one).
    let both = dir.join("test_both.py");
    std::fs::write(
        &both,
        "from scale import helper, scale_positive\n\ndef test_a():\n    assert helper(1) == 2\n\n\
         def test_b():\n    assert scale_positive([1, -2]) == [2]\n\n\
         def test_c():\n    assert scale_positive([]) == []\n\n\
         def test_d():\n    assert helper(2) == 4\n",
    )
    .unwrap();
    let out = kelp(&["repair", "--baseline", "--json", file.to_str().unwrap(), "--tests", both.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("repairing `scale_positive`, where the failing tests point"), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["function"], "scale_positive");
    assert_eq!(json["report"]["repaired"], true);
    // Where no failing test runs either of them (the test dies before calling them), the user chooses.
    let neither = dir.join("test_neither.py");
    std::fs::write(
        &neither,
        "from scale import helper, scale_positive\n\ndef test_a():\n    assert {}[0] == helper(1)\n\n\
         def test_b():\n    assert scale_positive([]) == []\n",
    )
    .unwrap();
    let out = kelp(&["repair", "--baseline", file.to_str().unwrap(), "--tests", neither.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("no failing test runs any of them; choose one with --function"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), program);
}

/// A bug in each of two methods, where the failing tests point at a method with none: the search of the class's
/// methods together mends both.
#[test]
fn repair_mends_two_methods_when_each_has_a_bug() {
    let dir = scratch("two-methods");
    let file = dir.join("account.py");
    let fixed = "class Account:\n    def __init__(self, balance=0):\n        self.balance = balance\n\n    \
                 def deposit(self, amount):\n        self.balance += amount\n        return self.balance\n\n    \
                 def withdraw(self, amount):\n        self.balance -= amount\n        return self.balance\n";
    // `+=` and `-=` swapped.
    let broken = fixed.replace("+= amount", "@").replace("-= amount", "+= amount").replace('@', "-= amount");
    std::fs::write(&file, &broken).unwrap();
    let tests = dir.join("test_account.py");
    std::fs::write(
        &tests,
        "from account import Account\n\ndef test_new():\n    assert Account(3).balance == 3\n\n\
         def test_deposit():\n    assert Account().deposit(5) == 5\n\n\
         def test_withdraw():\n    assert Account(10).withdraw(3) == 7\n\n\
         def test_both():\n    a = Account()\n    a.deposit(10)\n    assert a.withdraw(4) == 6\n",
    )
    .unwrap();
    let out = kelp(&[
        "repair",
        "--baseline",
        "--json",
        "--in-place",
        "--budget",
        "200",
        file.to_str().unwrap(),
        "--tests",
        tests.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{err}");
    // Every failing test runs `__init__`, the most suspicious: its search mends nothing, and the class's methods
    // are searched together.
    assert!(err.contains("`Account.__init__` alone was not repaired in "), "{err}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["group_searched"], "Account.__init__ … Account.withdraw", "{json}");
    assert_eq!(json["functions_changed"], serde_json::json!(["Account.deposit", "Account.withdraw"]), "{json}");
    assert_eq!(json["report"]["passed_before"], 1);
    assert!(json["report"]["test_runs"].as_u64().unwrap() <= 200, "{json}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), fixed);
}

/// A bug in each of two functions: the search of the one the failing tests point at mends its own tests and stops
/// when the tests still failing never call it; the one they point at then is searched in the file with that repair.
#[test]
fn repair_mends_two_functions_one_after_the_other() {
    let dir = scratch("two-functions");
    let file = dir.join("poly.py");
    let fixed = "def trim(p):\n    p = list(p)\n    while p and p[-1] == 0:\n        p.pop()\n    return p\n\n\n\
                 def evaluate(p, x):\n    result = 0\n    for c in reversed(p):\n        result = result * x + c\n    \
                 return result\n";
    std::fs::write(&file, fixed.replace("p[-1]", "p[0]").replace("reversed(p)", "p")).unwrap();
    let tests = dir.join("test_poly.py");
    std::fs::write(
        &tests,
        "from poly import evaluate, trim\n\ndef test_trim():\n    assert trim([1, 0, 0]) == [1]\n    \
         assert trim([0, 0]) == []\n\ndef test_trim_keeps():\n    assert trim([0, 1]) == [0, 1]\n\n\
         def test_evaluate():\n    assert evaluate([1, 2, 3], 2) == 17\n\n\
         def test_constant():\n    assert evaluate([5], 3) == 5\n",
    )
    .unwrap();
    let args = ["repair", "--baseline", "--json", "--in-place", "--budget", "400", file.to_str().unwrap(), "--tests"];
    let out = kelp(&[&args[..], &[tests.to_str().unwrap()]].concat());
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.contains("never call it: the rest of the bug is elsewhere"), "{err}");
    assert!(err.contains("`trim` not repaired; then `evaluate`, where the failing tests point now"), "{err}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["function"], "trim", "{json}");
    assert_eq!(json["next_searched"], serde_json::json!(["evaluate"]), "{json}");
    assert_eq!(json["group_searched"], serde_json::Value::Null, "{json}");
    assert_eq!(json["functions_changed"], serde_json::json!(["trim", "evaluate"]), "{json}");
    assert_eq!(json["report"]["passed_before"], 1, "{json}");
    assert!(json["report"]["test_runs"].as_u64().unwrap() <= 400, "{json}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"diff\""));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), fixed);
}

#[test]
fn synth_starts_from_the_signature_alone() {
    // The working body in the file is ignored: the search starts from `pass`, which passes no test.
    let dir = scratch("synth");
    let file = dir.join("double.py");
    let text =
        "def double(x):\n    \"\"\"Twice x.\"\"\"\n    return x + x\n\nassert double(2) == 4\nassert double(0) == 0\n";
    std::fs::write(&file, text).unwrap();
    let out = kelp(&["synth", "--baseline", "--json", "--budget", "20", file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    assert!(stderr.contains("writing the body of double"), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["report"]["passed_before"], 0);
    assert_eq!(json["report"]["tests"], 2);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);
}

#[test]
fn repair_fixes_the_shipped_example_with_the_baseline() {
    let dir = scratch("example");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples");
    let file = dir.join("clamp_broken.py");
    std::fs::copy(root.join("clamp_broken.py"), &file).unwrap();
    let tests = root.join("clamp_tests.py");
    let out = kelp(&["repair", "--baseline", "--in-place", file.to_str().unwrap(), "--tests", tests.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("-    if x < hi:") && stdout.contains("repaired"), "{stdout}");
    let repaired = std::fs::read_to_string(&file).unwrap();
    let check = kelp(&["test", file.to_str().unwrap(), "--tests", tests.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(0), "{repaired}");
    // Doctests in the docstring are found when there is no tests file.
    let doc = dir.join("doc.py");
    std::fs::write(
        &doc,
        "def twice(x):\n    \"\"\"\n    >>> twice(3)\n    6\n    >>> twice(0)\n    0\n    \"\"\"\n    return x + 2\n",
    )
    .unwrap();
    let out = kelp(&["repair", "--baseline", "--json", doc.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["report"]["repaired"], true);
    assert_eq!(json["report"]["tests"], 2);
}

#[test]
fn repair_reads_pytest_and_unittest_test_files() {
    let dir = scratch("suites");
    let file = dir.join("stats.py");
    let broken = "def span(xs):\n    return max(xs) + min(xs)\n";
    std::fs::write(&file, broken).unwrap();
    let pytest = dir.join("test_stats.py");
    std::fs::write(
        &pytest,
        "import pytest\nfrom stats import span\n\n@pytest.mark.parametrize('xs, want', [([1, 5], 4), ([2], 0), ([-3, 3], 6)])\ndef test_span(xs, want):\n    assert span(xs) == want\n\ndef test_empty():\n    with pytest.raises(ValueError):\n        span([])\n",
    )
    .unwrap();
    let out = kelp(&["repair", "--baseline", "--json", file.to_str().unwrap(), "--tests", pytest.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["report"]["tests"], 4);
    assert_eq!(json["report"]["passed_before"], 1, "only test_empty passes before");
    assert!(json["diff"].as_str().unwrap().contains("+    return max(xs) - min(xs)"), "{}", json["diff"]);

    // unittest methods in the file itself, after the function.
    let own = dir.join("own.py");
    std::fs::write(
        &own,
        format!("import unittest\n\n{broken}\n\nclass SpanTest(unittest.TestCase):\n    def test_pair(self):\n        self.assertEqual(span([1, 5]), 4)\n\n    def test_one(self):\n        self.assertEqual(span([7]), 0)\n\n\nif __name__ == '__main__':\n    unittest.main()\n"),
    )
    .unwrap();
    let out = kelp(&["repair", "--baseline", "--json", own.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["report"]["tests"], 2);
    assert_eq!(json["function"], "span");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), broken, "nothing written without --in-place");
}

#[test]
fn repair_finds_methods_and_decorated_functions() {
    let dir = scratch("methods");
    let file = dir.join("shapes.py");
    let text = "import functools\n\n\nclass Square:\n    def __init__(self, side):\n        self.side = side\n\n    def area(self):\n        \"\"\"The area.\"\"\"\n        return self.side + self.side\n\n\n@functools.lru_cache(maxsize=None)\ndef double(x):\n    return x - x\n";
    std::fs::write(&file, text).unwrap();
    let tests = dir.join("tests.py");
    let area_tests = "from shapes import Square\n\ndef test_area():\n    assert Square(3).area() == 9\n    assert Square(1).area() == 1\n";
    let double_tests = "import shapes\n\ndef test_double():\n    assert shapes.double(4) == 8\n";
    let run = |function: &str, tests_text: &str| {
        std::fs::write(&tests, tests_text).unwrap();
        let out = kelp(&[
            "repair",
            "--baseline",
            "--json",
            "--in-place",
            file.to_str().unwrap(),
            "--tests",
            tests.to_str().unwrap(),
            "--function",
            function,
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let json = run("area", area_tests);
    assert_eq!(json["function"], "Square.area");
    assert_eq!(json["report"]["passed_before"], 0);
    run("double", double_tests);
    // Both repairs went back in place, the method at its indentation, the decorator kept.
    let repaired = std::fs::read_to_string(&file).unwrap();
    assert!(repaired.contains("\n        return self.side * self.side\n"), "{repaired}");
    assert!(repaired.contains("@functools.lru_cache(maxsize=None)\ndef double(x):\n    return x + x\n"), "{repaired}");
    for tests_text in [area_tests, double_tests] {
        std::fs::write(&tests, tests_text).unwrap();
        let check = kelp(&["test", file.to_str().unwrap(), "--tests", tests.to_str().unwrap()]);
        assert_eq!(check.status.code(), Some(0), "{repaired}");
    }
    // A method name two classes share must be qualified.
    std::fs::write(
        &file,
        "class A:\n    def f(self):\n        return 1\n\nclass B:\n    def f(self):\n        return 2\n",
    )
    .unwrap();
    let out =
        kelp(&["repair", "--baseline", file.to_str().unwrap(), "--tests", tests.to_str().unwrap(), "--function", "f"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("A.f, B.f"), "{}", String::from_utf8_lossy(&out.stderr));
}
