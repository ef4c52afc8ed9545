//! Sandbox throughput: test runs per second of a trivial passing candidate with three assert tests, cache disabled,
//! through the worker pool and through the naive baseline of one `python3` process per run (both with one job in
//! flight per core).
//!
//! `cargo bench --bench exec` prints criterion's numbers (elements = runs) and then a summary line with both rates
//! and their ratio, measured over a fixed number of runs.

use std::hint::black_box;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput};
use kelp::exec::{Sandbox, SandboxConfig, Tests, python_command};

const PROGRAM: &str = "def add(a, b):\n    return a + b\n";
const ASSERTS: [&str; 3] = ["assert add(2, 3) == 5", "assert add(-4, 1) == -3", "assert add(0, 7) == 7"];
const POOL_BATCH: usize = 200;
const BASELINE_BATCH: usize = 20;

fn tests() -> Tests {
    Tests::Asserts(ASSERTS.iter().map(|s| s.to_string()).collect())
}

/// The interpreter behind `python3` (which may be a pyenv shell shim): the baseline should not pay for the shim.
fn real_python() -> String {
    let python = python_command();
    Command::new(&python)
        .args(["-c", "import sys; print(sys.executable)"])
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .unwrap_or(python)
}

/// One run the naive way: a fresh interpreter runs the program and each assert, and prints a verdict per test.
fn baseline_run(python: &str, flags: &[&str]) -> bool {
    let mut script = format!("{PROGRAM}\nimport json\nresults = []\n");
    for line in ASSERTS {
        script.push_str(&format!(
            "try:\n    {line}\n    results.append('passed')\nexcept AssertionError:\n    results.append('failed')\nexcept Exception as e:\n    results.append(type(e).__name__)\n"
        ));
    }
    script.push_str("print(json.dumps(results))\n");
    let output =
        Command::new(python).args(flags).arg("-c").arg(&script).stdin(Stdio::null()).output().expect("python3 runs");
    output.stdout.starts_with(br#"["passed", "passed", "passed"]"#)
}

/// `runs` baseline runs, `threads` at a time.
fn baseline(python: &str, flags: &[&str], runs: usize, threads: usize) {
    let next = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                while next.fetch_add(1, Ordering::Relaxed) < runs {
                    assert!(baseline_run(python, flags));
                }
            });
        }
    });
}

fn rate(runs: usize, f: impl FnOnce()) -> f64 {
    let start = Instant::now();
    f();
    runs as f64 / start.elapsed().as_secs_f64()
}

fn main() {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let sandbox = Sandbox::new(SandboxConfig { workers: cores, cache_capacity: 0, ..SandboxConfig::default() })
        .expect("the sandbox starts");
    let jobs: Vec<(String, Tests)> = (0..POOL_BATCH).map(|_| (PROGRAM.to_string(), tests())).collect();
    let python = real_python();
    let check = sandbox.run_many(&jobs[..3]).expect("the sandbox answers");
    assert!(check.iter().all(|r| r.all_passed() && !r.cached));
    assert!(baseline_run(&python, &[]));

    let mut criterion = Criterion::default()
        .configure_from_args()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5));
    let mut group = criterion.benchmark_group("exec");
    group.throughput(Throughput::Elements(POOL_BATCH as u64));
    group.bench_function("pool", |b| b.iter(|| black_box(sandbox.run_many(&jobs).expect("the sandbox answers"))));
    group.throughput(Throughput::Elements(BASELINE_BATCH as u64));
    group.bench_function("baseline_python3_per_run", |b| b.iter(|| baseline(&python, &[], BASELINE_BATCH, cores)));
    group.finish();
    criterion.final_summary();

    // A plain summary over fixed numbers of runs, for the record.
    let pool = rate(10 * POOL_BATCH, || {
        for _ in 0..10 {
            let reports = sandbox.run_many(&jobs).expect("the sandbox answers");
            assert!(reports.iter().all(|r| r.all_passed()));
        }
    });
    let naive = rate(100, || baseline(&python, &[], 100, cores));
    let naive_isolated = rate(100, || baseline(&python, &["-I", "-S"], 100, cores));
    let stats = sandbox.stats();
    println!(
        "summary ({cores} cores, {} workers, cache off, {} runs, {} cache hits): pool {pool:.0} runs/s; \
         baseline `python3 -c` {naive:.0} runs/s (ratio {:.1}x); \
         baseline `python3 -I -S -c` {naive_isolated:.0} runs/s (ratio {:.1}x); interpreter {python}",
        sandbox.config().workers,
        stats.runs,
        stats.cache_hits,
        pool / naive,
        pool / naive_isolated,
    );
}
