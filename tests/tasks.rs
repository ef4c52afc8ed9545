//! Tasks with tests (issue 6): synthetic tasks, tests for standard-library functions, HumanEval held out, the
//! corpus command. Small samples, so that the suite stays fast; `kelp corpus build` and `kelp corpus check` measure
//! the same things at scale.

use std::collections::HashSet;
use std::process::Command;
use std::sync::OnceLock;
use std::time::Duration;

use kelp::corpus::{
    HoldOut, Origin, Split, SynthConfig, Task, TestPolicy, check_tests, humaneval_tasks, synthesize, write_tests,
};
use kelp::exec::{ProbeConfig, Sandbox, SandboxConfig, Tests};
use kelp::syntax::parse;

use crate::fixtures::{stdlib_bank, stdlib_corpus};

fn sandbox() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        Sandbox::new(SandboxConfig {
            workers: 2,
            timeout: Duration::from_secs(3),
            cache_capacity: 0,
            ..SandboxConfig::default()
        })
        .expect("the sandbox starts")
    })
}

/// 300 synthetic tasks (seed 11), made once.
fn synthetic() -> &'static [Task] {
    static TASKS: OnceLock<Vec<Task>> = OnceLock::new();
    TASKS.get_or_init(|| {
        let config = SynthConfig { seed: 11, chunk: 512, ..SynthConfig::default() };
        let (tasks, report) =
            synthesize(sandbox(), &config, 300, 20_000, &HoldOut::evaluation_sets(), |_| {}).expect("synthesis runs");
        eprintln!("synthetic: {report:?}");
        tasks
    })
}

#[test]
fn synthetic_tasks_pass_their_tests_and_their_corruptions_fail() {
    let tasks = synthetic();
    assert_eq!(tasks.len(), 300);
    let fingerprints: HashSet<u64> =
        tasks.iter().map(|t| parse(t.source.as_str()).normalised().fingerprint()).collect();
    assert_eq!(fingerprints.len(), 300, "deduplicated by normalised AST");
    for task in tasks {
        assert_eq!(task.origin, Origin::Synthetic);
        let Some(Tests::Asserts(lines)) = &task.spec.tests else { panic!("{} has no asserts", task.id) };
        assert!((3..=5).contains(&lines.len()), "{}: {lines:?}", task.id);
        assert!(lines.iter().all(|l| l.starts_with(&format!("assert {}(", task.entry_point))), "{lines:?}");
        let statements = task.source.lines().count() - 1;
        assert!((1..=15).contains(&statements), "{}", task.source);
    }
    let sample: Vec<&Task> = tasks.iter().collect();
    let check = check_tests(sandbox(), &sample, stdlib_bank(), 3).unwrap();
    eprintln!("synthetic check: {:?}", check.all);
    assert_eq!(check.all.clean_passed, 300, "clean functions failing their tests: {:?}", check.clean_failures);
    assert!(check.all.corrupted >= 290);
    assert!(check.all.sensitivity() >= 0.8, "only {:.1}% of corruptions fail a test", 100.0 * check.all.sensitivity());
}

#[test]
fn standard_library_functions_get_tests_that_pass_and_notice_corruptions() {
    // A slice of the corpus keeps this fast; `kelp corpus build` does all of it.
    let mut tasks: Vec<Task> =
        stdlib_corpus().tasks.iter().filter(|t| t.origin == Origin::Stdlib).take(4000).cloned().collect();
    let report = write_tests(
        sandbox(),
        &mut tasks,
        &TestPolicy::harvested(),
        &ProbeConfig { batch: 16, ..ProbeConfig::default() },
        24,
        0,
    )
    .unwrap();
    eprintln!("stdlib slice: {} of {} tested, rejected {:?}", report.tested, report.candidates, report.rejected);
    let tested: Vec<&Task> = tasks.iter().filter(|t| t.has_tests()).collect();
    assert_eq!(tested.len(), report.tested);
    assert!(tested.len() >= 20, "only {} functions got tests", tested.len());
    assert!(tested.iter().all(|t| t.spec.tests.as_ref().is_some_and(|s| s.len() >= 3)));
    let check = check_tests(sandbox(), &tested, stdlib_bank(), 5).unwrap();
    eprintln!("stdlib check: {:?}", check.all);
    assert_eq!(check.all.clean_passed, check.all.tasks, "{:?}", check.clean_failures);
    assert!(check.all.sensitivity() >= 0.6, "{:.1}%", 100.0 * check.all.sensitivity());
}

#[test]
fn humaneval_is_shipped_runs_and_is_held_out_of_training_tasks() {
    let humaneval = humaneval_tasks();
    assert_eq!(humaneval.len(), 164);
    assert!(humaneval.iter().all(|t| t.split == Split::Eval && t.origin == Origin::HumanEval));
    // The decompressed copy is the shipped file.
    let root = env!("CARGO_MANIFEST_DIR");
    let same = Command::new("python3")
        .args(["-c", "import gzip, sys; sys.exit(gzip.open(sys.argv[1]).read() != open(sys.argv[2], 'rb').read())"])
        .arg(format!("{root}/data/humaneval/HumanEval.jsonl.gz"))
        .arg(format!("{root}/data/humaneval/HumanEval.jsonl"))
        .status()
        .unwrap();
    assert!(same.success(), "data/humaneval/HumanEval.jsonl differs from HumanEval.jsonl.gz");
    // check() is cut into one test per statement that asserts (partial credit for the search): every check can be.
    let split = humaneval.iter().filter(|t| matches!(t.spec.tests, Some(Tests::Asserts(_)))).count();
    assert_eq!(split, 164);
    let tests = |i: usize| match &humaneval[i].spec.tests {
        Some(Tests::Asserts(a)) => a.len(),
        _ => 0,
    };
    // Multi-line asserts (HumanEval/1), a loop after six asserts (44), set-up then one loop (32).
    assert_eq!((tests(1), tests(44), tests(32)), (4, 7, 1));
    let first = &humaneval[0].spec.tests;
    assert!(
        matches!(first, Some(Tests::Asserts(a)) if a[0].starts_with("assert has_close_elements([1.0, 2.0, 3.9")),
        "{first:?}"
    );
    // Every canonical solution passes its tests, split or not.
    let jobs: Vec<(&str, Tests)> =
        humaneval.iter().map(|t| (t.source.as_str(), t.spec.tests.clone().unwrap())).collect();
    let reports = sandbox().run_many(&jobs).unwrap();
    let failing: Vec<&str> =
        humaneval.iter().zip(&reports).filter(|(_, r)| !r.all_passed()).map(|(t, _)| t.id.as_str()).collect();
    assert!(failing.is_empty(), "{failing:?}");

    // The proof: no training task (standard library, synthetic sample) is a HumanEval program or one of its
    // functions, up to formatting or renaming.
    let mut exact = HashSet::new();
    let mut alpha = HashSet::new();
    for task in &humaneval {
        let tree = parse(task.source.as_str());
        let functions = tree.children(0).filter(|&c| tree.node(c).kind == "function_definition");
        for f in functions {
            let function = parse(tree.text(tree.node(f).span));
            exact.insert(function.normalised());
            alpha.insert(function.alpha_normalised());
        }
        exact.insert(tree.normalised());
        alpha.insert(tree.alpha_normalised());
    }
    let training = stdlib_corpus().tasks.iter().chain(synthetic());
    let mut checked = 0;
    for task in training {
        let tree = parse(task.source.as_str());
        assert!(!exact.contains(&tree.normalised()), "{} is a HumanEval function", task.id);
        assert!(!alpha.contains(&tree.alpha_normalised()), "{} is a renamed HumanEval function", task.id);
        checked += 1;
    }
    assert!(checked > 40_000);
    // And the hold-out is what removes them: a reformatted HumanEval solution is caught.
    let hold_out = HoldOut::evaluation_sets();
    let reformatted = humaneval[2].source.replace("return number % 1.0", "return (number % 1.0)  # the fraction");
    assert_ne!(reformatted, humaneval[2].source);
    assert!(hold_out.contains_source(&reformatted), "{reformatted}");
}

#[test]
fn corpus_build_stats_and_check_commands() {
    let dir = std::env::temp_dir().join(format!("kelp-tasks-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let kelp = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_kelp")).args(args).output().expect("kelp runs");
    let out =
        kelp(&["corpus", "build", "--out", dir.to_str().unwrap(), "--synthetic", "40", "--no-stdlib", "--seed", "2"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let out = kelp(&["corpus", "stats", "--tasks", dir.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["by_origin"]["synthetic"], 40);
    assert_eq!(stats["by_origin"]["toy"], 5);
    assert_eq!(stats["tested_by_origin"]["synthetic"], 40);
    assert!(stats["node_kinds"].as_array().is_some_and(|k| !k.is_empty()));
    let shard = std::fs::read_to_string(dir.join("tasks-00000.jsonl")).unwrap();
    assert!(shard.lines().all(|l| l.contains("\"licence\":\"generated\"") || l.contains("\"licence\":\"MIT\"")));
    let out = kelp(&["corpus", "check", "--tasks", dir.to_str().unwrap(), "--sample", "45"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stdout));
    let out = kelp(&["corpus", "stats", "--tasks", "/definitely/not/here"]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}
