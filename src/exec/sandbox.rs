//! Sandboxed test runs: a pool of long-lived CPython workers that run untrusted candidates against their tests.
//!
//! A [`Sandbox`] starts [`SandboxConfig::workers`] `python3` processes running `python/worker.py` (embedded in the
//! binary) and talks to each over its stdin/stdout in JSON lines. A worker sets up its isolation once (network,
//! mount and PID namespaces where the kernel grants them), then forks a fresh child per job: a new process group, a
//! temporary working directory, rlimits, an unprivileged user, an audit hook. This side enforces the wall-clock
//! timeout: it kills the job's whole process group, and it replaces a worker that dies or stops answering; the job
//! in flight is then reported as a timeout or an error, and the other jobs go on. `python/worker.py`'s docstring
//! lists the isolation layers and what each one falls back to.
//!
//! [`Sandbox::run`] runs one program; [`Sandbox::run_many`] spreads a batch over the pool. Both answer with a
//! [`TestReport`] per program (one [`Outcome`] per test), and remember it in a cache keyed by the trimmed program
//! text and the [`Tests`], so a candidate that search proposes twice runs once.
//!
//! ```no_run
//! use kelp::exec::{Sandbox, SandboxConfig, Tests};
//!
//! let sandbox = Sandbox::new(SandboxConfig::default())?;
//! let tests = Tests::Asserts(vec!["assert add(2, 3) == 5".into()]);
//! let report = sandbox.run("def add(a, b):\n    return a + b\n", &tests)?;
//! assert!(report.all_passed());
//! # Ok::<(), kelp::exec::ExecError>(())
//! ```

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::{ExecError, python_command};

const WORKER_PY: &str = include_str!("../../python/worker.py");

/// How long a new worker may take to say it is ready (Python start-up, namespaces, pre-imports).
const START_TIMEOUT: Duration = Duration::from_secs(20);
/// How long a worker may take to report a job after its process group was killed, before it counts as hung.
const KILL_GRACE: Duration = Duration::from_secs(2);
/// How long a worker may take to exit once its stdin is closed, before it is killed.
const EXIT_GRACE: Duration = Duration::from_millis(500);

/// `PYTHONHASHSEED` of the pool's workers: one seed for all, so a program whose result hangs on the order of a
/// set of strings passes or fails alike on every worker and in every run.
const POOL_HASH_SEED: u32 = 0;

/// `PYTHONHASHSEED`s of [`Sandbox::confirm`]'s fresh workers: other than the pool's, so that a program that
/// passed by the luck of one order (`max(set(words), key=len)`) is caught.
pub const CONFIRM_HASH_SEEDS: [u32; 2] = [1, 2];

/// The tests a program must pass.
///
/// Serialised as `{"asserts": [...]}`, `{"check": {"source": ..., "entry_point": ...}}` or
/// `{"suite": {"setup": ..., "cases": [...], "modules": [...]}}`, which is also what the worker reads.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tests {
    /// `assert` statements, one test each, run in order after the program, in the program's namespace.
    Asserts(Vec<String>),
    /// A HumanEval-style `check(candidate)` function, run after the program and called as
    /// `check(<entry_point>)`: one test.
    Check {
        /// Python source defining `check`.
        source: String,
        /// The function of the program that `check` receives.
        entry_point: String,
    },
    /// A test file of pytest or unittest style (built by [`parse_test_file`](super::parse_test_file)): `setup`
    /// (the file less its top-level asserts) runs once after the program, in a namespace of its own that starts as
    /// a copy of the program's, where the program is importable under each of `modules` that Python cannot find;
    /// then each case is one test.
    Suite {
        setup: String,
        cases: Vec<TestCase>,
        /// The modules the test file imports; those Python cannot find are the program.
        modules: Vec<String>,
        /// The program's own module name (its file's stem), the program even where Python has a module of that
        /// name (a user's `heapq.py`): see [`Tests::name_program_module`].
        #[serde(default, skip_serializing_if = "Option::is_none")]
        module: Option<String>,
        /// Modules of the user's own next to the program or the tests (name → source), importable by both: see
        /// [`local_modules`](super::local_modules).
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        sources: BTreeMap<String, String>,
    },
}

/// One test of a [`Tests::Suite`]: a statement run in the test file's namespace.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TestCase {
    /// What reports call it: `test_add`, `test_add[2]` (a parameter set), `TestMath.test_add`, or the assert line.
    pub name: String,
    /// The statement: a top-level assert, or a call of the worker's `__kelp_case__` / `__kelp_method__`.
    pub code: String,
}

impl Tests {
    /// The Python text of the tests: each assert, the `check` function, or a test file's set-up and cases.
    pub fn sources(&self) -> Vec<&str> {
        match self {
            Tests::Asserts(lines) => lines.iter().map(String::as_str).collect(),
            Tests::Check { source, .. } => vec![source.as_str()],
            Tests::Suite { setup, cases, .. } => {
                std::iter::once(setup.as_str()).chain(cases.iter().map(|c| c.code.as_str())).collect()
            }
        }
    }

    /// The number of tests.
    pub fn len(&self) -> usize {
        match self {
            Tests::Asserts(lines) => lines.len(),
            Tests::Check { .. } => 1,
            Tests::Suite { cases, .. } => cases.len(),
        }
    }

    /// Names the program's module (its file's stem): when a test file imports it, that import means the program,
    /// even if Python also has a module of that name.
    pub fn name_program_module(&mut self, stem: &str) {
        if let Tests::Suite { modules, module, .. } = self
            && modules.iter().any(|m| m == stem)
        {
            *module = Some(stem.to_string());
        }
    }

    /// The same tests as a [`Tests::Suite`] (which alone can carry [`Tests::Suite::sources`]): assert lines become
    /// its cases, a `check` function its setup and one case.
    pub fn into_suite(self) -> Tests {
        let suite = |setup: String, cases: Vec<TestCase>| Tests::Suite {
            setup,
            cases,
            modules: Vec::new(),
            module: None,
            sources: BTreeMap::new(),
        };
        match self {
            Tests::Asserts(lines) => suite(
                String::new(),
                lines.into_iter().map(|l| TestCase { name: l.trim().to_string(), code: l }).collect(),
            ),
            Tests::Check { source, entry_point } => {
                let call = format!("check({entry_point})");
                suite(source, vec![TestCase { name: call.clone(), code: call }])
            }
            suite @ Tests::Suite { .. } => suite,
        }
    }

    /// Ships the user's own modules with the tests (see [`Tests::Suite::sources`]); a no-op when there are none.
    pub fn with_sources(self, found: BTreeMap<String, String>) -> Tests {
        if found.is_empty() {
            return self;
        }
        let mut tests = self.into_suite();
        if let Tests::Suite { sources, .. } = &mut tests {
            sources.extend(found);
        }
        tests
    }

    /// Whether there are no tests at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A name per test, for reports: the assert line itself, or `check(entry_point)`.
    pub fn names(&self) -> Vec<String> {
        match self {
            Tests::Asserts(lines) => lines.iter().map(|l| l.trim().to_string()).collect(),
            Tests::Check { entry_point, .. } => vec![format!("check({entry_point})")],
            Tests::Suite { cases, .. } => cases.iter().map(|c| c.name.clone()).collect(),
        }
    }
}

/// How one test ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Outcome {
    /// The test ran without raising.
    Passed,
    /// The test raised `AssertionError` (`message` is its text, often empty).
    Failed { message: String },
    /// The program or the test raised another exception, or the process ended before the test finished.
    Error {
        /// The exception type (`ZeroDivisionError`, `SyntaxError`…), or `Crash` (killed by a signal),
        /// `ProcessExit` (the program ended the process) or `SandboxError` (the worker died).
        kind: String,
        message: String,
        /// The line of the program where it was raised, when it was raised inside the program.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        line: Option<u32>,
        /// The line the outermost frame of the program was at when it raised: in the function the test called,
        /// where it stood (`line` itself when it raised there rather than in a function it called).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        entry_line: Option<u32>,
    },
    /// The run hit its wall-clock or CPU limit before the test finished.
    Timeout,
}

/// One test and how it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestResult {
    /// The assert line, or `check(entry_point)`.
    pub name: String,
    #[serde(flatten)]
    pub outcome: Outcome,
    /// The program's lines (1-based) this test executed, a function's `def` line included when it was called;
    /// only from [`Sandbox::run_many_traced`], and empty for a test that did not finish.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lines: Vec<u32>,
}

/// The result of running one program against its tests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TestReport {
    /// One result per test, in the order of the tests.
    pub tests: Vec<TestResult>,
    pub passed: usize,
    pub failed: usize,
    pub errors: usize,
    pub timeouts: usize,
    /// Wall-clock seconds of the run (of the original run, for a cache hit).
    pub seconds: f64,
    /// Wall-clock seconds of the slowest test that finished (0 when none did): what a test of a program like this
    /// one takes, where [`TestReport::seconds`] also holds the start of the process and any test that hung.
    #[serde(default)]
    pub slowest_test: f64,
    /// What the program printed, truncated to [`SandboxConfig::output_limit`] characters.
    pub stdout: String,
    pub stderr: String,
    /// Characters of stdout and stderr beyond the limit, dropped.
    pub output_dropped: usize,
    /// The report comes from the cache: nothing ran.
    pub cached: bool,
}

impl TestReport {
    /// True when there is at least one test and every test passed.
    pub fn all_passed(&self) -> bool {
        !self.tests.is_empty() && self.passed == self.tests.len()
    }

    /// Fraction of tests passed (0 when there are none).
    pub fn pass_rate(&self) -> f64 {
        if self.tests.is_empty() { 0.0 } else { self.passed as f64 / self.tests.len() as f64 }
    }

    fn new(names: Vec<String>, outcomes: Vec<Outcome>, seconds: f64) -> Self {
        let mut report = TestReport {
            tests: Vec::with_capacity(names.len()),
            passed: 0,
            failed: 0,
            errors: 0,
            timeouts: 0,
            seconds,
            slowest_test: 0.0,
            stdout: String::new(),
            stderr: String::new(),
            output_dropped: 0,
            cached: false,
        };
        for (name, outcome) in names.into_iter().zip(outcomes) {
            match outcome {
                Outcome::Passed => report.passed += 1,
                Outcome::Failed { .. } => report.failed += 1,
                Outcome::Error { .. } => report.errors += 1,
                Outcome::Timeout => report.timeouts += 1,
            }
            report.tests.push(TestResult { name, outcome, lines: Vec::new() });
        }
        report
    }

    /// A report of these results, counted, that took no time and printed nothing: for the tests of what reads
    /// reports.
    #[cfg(test)]
    pub(crate) fn of_results(tests: Vec<TestResult>) -> TestReport {
        let lines: Vec<Vec<u32>> = tests.iter().map(|t| t.lines.clone()).collect();
        let (names, outcomes) = tests.into_iter().map(|t| (t.name, t.outcome)).unzip();
        let mut report = TestReport::new(names, outcomes, 0.0);
        for (test, lines) in report.tests.iter_mut().zip(lines) {
            test.lines = lines;
        }
        report
    }
}

/// Limits and pool size. `Default` is one worker per core, 5 s per run, 1 GiB of address space.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Worker processes (jobs run in parallel up to this many).
    pub workers: usize,
    /// Wall-clock limit per run (program + all its tests); the job's process group is killed after it.
    pub timeout: Duration,
    /// Wall-clock limit per test inside a run (`None`: the run's limit only). A test past it is a
    /// [`Outcome::Timeout`] and the run goes on with the next test, which then gets a tenth of this limit (a program
    /// that hung once likely hangs again); traced tests get three times the limit. Checked by `SIGALRM`, so a test
    /// stuck in C code, or one that catches every exception, still runs into [`SandboxConfig::timeout`].
    pub test_timeout: Option<Duration>,
    /// `RLIMIT_CPU` in seconds; 0 means the timeout rounded up.
    pub cpu_seconds: u64,
    /// `RLIMIT_AS`: address space of the job process.
    pub memory_bytes: u64,
    /// `RLIMIT_NPROC`: processes (and threads) of the sandbox user, which jobs share.
    pub max_processes: u64,
    /// `RLIMIT_FSIZE`: largest file a job may write.
    pub max_file_bytes: u64,
    /// `RLIMIT_NOFILE`: open file descriptors.
    pub max_open_files: u64,
    /// Characters of stdout and of stderr kept per run.
    pub output_limit: usize,
    /// Size of each private tmpfs (the jobs' working directories live in one).
    pub tmp_bytes: u64,
    /// The unprivileged user and group jobs run as when Kelp runs as root (65534: nobody).
    pub uid: u32,
    pub gid: u32,
    /// Use Linux namespaces (network, mount, PID) where the kernel allows them.
    pub isolate: bool,
    /// Reports remembered; 0 disables the cache. When full, the cache is emptied and starts again.
    pub cache_capacity: usize,
    /// The Python interpreter (`$KELP_PYTHON`, else `python3`).
    pub python: String,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            workers: std::thread::available_parallelism().map_or(1, |n| n.get()),
            timeout: Duration::from_secs(5),
            test_timeout: None,
            cpu_seconds: 0,
            memory_bytes: 1 << 30,
            max_processes: 64,
            max_file_bytes: 16 << 20,
            max_open_files: 64,
            output_limit: 16 << 10,
            tmp_bytes: 64 << 20,
            uid: 65534,
            gid: 65534,
            isolate: true,
            cache_capacity: 100_000,
            python: python_command(),
        }
    }
}

/// Which isolation layers the kernel granted (see `python/worker.py`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Isolation {
    /// A private network namespace: no network at all.
    pub network: bool,
    /// A private mount namespace: everything read-only but private tmpfs directories.
    pub filesystem: bool,
    /// A private PID namespace: every leftover process of a job is killed after it.
    pub pid: bool,
    /// Jobs switch to the unprivileged [`SandboxConfig::uid`].
    pub user: bool,
    /// `PR_SET_NO_NEW_PRIVS`: set-uid programs cannot regain privileges.
    pub no_new_privs: bool,
    /// What was refused and what replaces it.
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Isolation {
    /// True when every layer is in place.
    pub fn complete(&self) -> bool {
        self.network && self.filesystem && self.pid && self.user && self.no_new_privs
    }
}

/// Counters since the sandbox started.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SandboxStats {
    /// Programs run by a worker.
    pub runs: u64,
    /// Programs answered from the cache.
    pub cache_hits: u64,
    /// Runs that hit the timeout.
    pub timeouts: u64,
    /// Workers replaced after dying or hanging.
    pub worker_restarts: u64,
}

/// A pool of CPython workers that run programs against tests. See the module docs.
pub struct Sandbox {
    config: SandboxConfig,
    worker_config: String,
    isolation: Isolation,
    idle: Mutex<Vec<Slot>>,
    returned: Condvar,
    cache: Mutex<HashMap<(String, Tests, bool), TestReport>>,
    next_id: AtomicU64,
    runs: AtomicU64,
    cache_hits: AtomicU64,
    timeouts: AtomicU64,
    restarts: AtomicU64,
}

impl Sandbox {
    /// Starts the workers and waits until each is ready.
    pub fn new(config: SandboxConfig) -> Result<Self, ExecError> {
        if config.workers == 0 {
            return Err(ExecError::InvalidConfig("workers must be at least 1".into()));
        }
        if config.timeout.is_zero() {
            return Err(ExecError::InvalidConfig("the timeout must be positive".into()));
        }
        let cpu_seconds = match config.cpu_seconds {
            0 => config.timeout.as_secs_f64().ceil().max(1.0) as u64,
            n => n,
        };
        if config.test_timeout.is_some_and(|t| t.is_zero()) {
            return Err(ExecError::InvalidConfig("the per-test timeout must be positive".into()));
        }
        let worker_config = serde_json::json!({
            "cpu_seconds": cpu_seconds,
            "test_seconds": config.test_timeout.map(|t| t.as_secs_f64()),
            "memory_bytes": config.memory_bytes,
            "max_processes": config.max_processes,
            "max_file_bytes": config.max_file_bytes,
            "max_open_files": config.max_open_files,
            "output_limit": config.output_limit,
            "tmp_bytes": config.tmp_bytes,
            "uid": config.uid,
            "gid": config.gid,
            "isolate": config.isolate,
        })
        .to_string();
        let started: Vec<Result<Process, ExecError>> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..config.workers)
                .map(|_| s.spawn(|| Process::spawn(&config.python, &worker_config, POOL_HASH_SEED)))
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join().unwrap_or_else(|_| Err(ExecError::WorkerStart("the start-up thread panicked".into())))
                })
                .collect()
        });
        let mut slots = Vec::with_capacity(started.len());
        for process in started {
            slots.push(Slot { process: Some(process?) });
        }
        let isolation = slots.first().and_then(|s| s.process.as_ref()).map(|p| p.isolation.clone()).unwrap_or_default();
        Ok(Sandbox {
            config,
            worker_config,
            isolation,
            idle: Mutex::new(slots),
            returned: Condvar::new(),
            cache: Mutex::new(HashMap::new()),
            next_id: AtomicU64::new(0),
            runs: AtomicU64::new(0),
            cache_hits: AtomicU64::new(0),
            timeouts: AtomicU64::new(0),
            restarts: AtomicU64::new(0),
        })
    }

    /// The configuration the sandbox was started with.
    pub fn config(&self) -> &SandboxConfig {
        &self.config
    }

    /// The isolation layers the kernel granted.
    pub fn isolation(&self) -> &Isolation {
        &self.isolation
    }

    /// Counters since the sandbox started.
    pub fn stats(&self) -> SandboxStats {
        SandboxStats {
            runs: self.runs.load(Ordering::Relaxed),
            cache_hits: self.cache_hits.load(Ordering::Relaxed),
            timeouts: self.timeouts.load(Ordering::Relaxed),
            worker_restarts: self.restarts.load(Ordering::Relaxed),
        }
    }

    /// Process ids of the idle workers, as the host sees them (for tests and diagnostics).
    pub fn worker_pids(&self) -> Vec<u32> {
        lock(&self.idle).iter().filter_map(|s| s.process.as_ref().map(|p| p.pid)).collect()
    }

    /// Runs `program` then its `tests` in a fresh sandboxed process; blocks while every worker is busy.
    ///
    /// A program that misbehaves (loops, crashes, exits, allocates too much) yields a report, not an error: `Err`
    /// means the sandbox itself failed, e.g. a dead worker could not be restarted.
    pub fn run(&self, program: &str, tests: &Tests) -> Result<TestReport, ExecError> {
        if let Some(hit) = self.cached(program, tests, false) {
            return Ok(hit);
        }
        let mut slot = self.checkout();
        self.execute(&mut slot, program, tests, false, None)
    }

    /// Runs `program` once more in a fresh worker for each of [`CONFIRM_HASH_SEEDS`] (not the pool's, not
    /// cached) and answers the first report that is not a pass, else the last: a repair that passed in the pool
    /// by the luck of one hash order fails here. Costs a worker's start-up per seed (tens of milliseconds).
    pub fn confirm(&self, program: &str, tests: &Tests) -> Result<TestReport, ExecError> {
        let mut last = None;
        for seed in CONFIRM_HASH_SEEDS {
            let mut process = Process::spawn(&self.config.python, &self.worker_config, seed)?;
            let id = self.next_id.fetch_add(1, Ordering::Relaxed);
            let start = Instant::now();
            let job = Job { id, program, tests, trace: false, test_seconds: None };
            let end = process.run(id, &job, self.config.timeout);
            self.runs.fetch_add(1, Ordering::Relaxed);
            let report = match end {
                JobEnd::Finished { reply, killed } => {
                    build_report(tests.names(), reply, killed, start.elapsed().as_secs_f64())
                }
                JobEnd::Lost(why) => {
                    let outcome = process.abandon(why);
                    TestReport::new(tests.names(), vec![outcome; tests.len()], start.elapsed().as_secs_f64())
                }
            };
            if !report.all_passed() {
                return Ok(report);
            }
            last = Some(report);
        }
        last.ok_or_else(|| ExecError::Protocol("no confirmation seed".into()))
    }

    /// Runs many programs, spread over the pool (in parallel across workers); reports come back in order.
    pub fn run_many<P: AsRef<str> + Sync>(&self, jobs: &[(P, Tests)]) -> Result<Vec<TestReport>, ExecError> {
        self.run_many_with(jobs, false, None)
    }

    /// [`Sandbox::run_many`], and each finished test also reports the program's lines it executed
    /// ([`TestResult::lines`], by `sys.settrace`): the spectrum that fault localisation reads. Tracing slows
    /// programs that execute many lines (several times over), so a test close to the timeout may time out traced.
    pub fn run_many_traced<P: AsRef<str> + Sync>(&self, jobs: &[(P, Tests)]) -> Result<Vec<TestReport>, ExecError> {
        self.run_many_with(jobs, true, None)
    }

    /// [`Sandbox::run_many`] or [`Sandbox::run_many_traced`] with a per-test limit of `test_limit` in place of
    /// [`SandboxConfig::test_timeout`] (when shorter than it, and than [`SandboxConfig::timeout`]; traced tests get
    /// this limit too, not three times it; a zero limit is none). For a search that knows how long its programs
    /// take: a candidate that loops forever then costs a fraction of a second, not the configured limit. The job's
    /// own wall-clock limit is still [`SandboxConfig::timeout`], for the loading of the program and the tests'
    /// set-up, which no per-test limit covers. A report with a timeout under the shorter limit is not cached (the
    /// configured limit could have let the test finish).
    pub fn run_many_within<P: AsRef<str> + Sync>(
        &self,
        jobs: &[(P, Tests)],
        trace: bool,
        test_limit: Duration,
    ) -> Result<Vec<TestReport>, ExecError> {
        let configured = self.config.test_timeout.map_or(self.config.timeout, |t| t.min(self.config.timeout));
        self.run_many_with(jobs, trace, (!test_limit.is_zero() && test_limit < configured).then_some(test_limit))
    }

    fn run_many_with<P: AsRef<str> + Sync>(
        &self,
        jobs: &[(P, Tests)],
        trace: bool,
        test_limit: Option<Duration>,
    ) -> Result<Vec<TestReport>, ExecError> {
        let results: Vec<Mutex<Option<Result<TestReport, ExecError>>>> =
            jobs.iter().map(|_| Mutex::new(None)).collect();
        let next = AtomicUsize::new(0);
        let threads = self.config.workers.min(jobs.len());
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| {
                    let mut slot: Option<Checkout<'_>> = None;
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((program, tests)) = jobs.get(i) else {
                            break;
                        };
                        let program = program.as_ref();
                        let result = match self.cached(program, tests, trace) {
                            Some(hit) => Ok(hit),
                            None => {
                                let slot = slot.get_or_insert_with(|| self.checkout());
                                self.execute(slot, program, tests, trace, test_limit)
                            }
                        };
                        *lock(&results[i]) = Some(result);
                    }
                });
            }
        });
        results
            .into_iter()
            .map(|r| {
                r.into_inner()
                    .unwrap_or_else(|e| e.into_inner())
                    .unwrap_or_else(|| Err(ExecError::Protocol("a job was never run".into())))
            })
            .collect()
    }

    fn cached(&self, program: &str, tests: &Tests, trace: bool) -> Option<TestReport> {
        if self.config.cache_capacity == 0 {
            return None;
        }
        let key = (program.trim().to_string(), tests.clone(), trace);
        let hit = lock(&self.cache).get(&key).cloned()?;
        self.cache_hits.fetch_add(1, Ordering::Relaxed);
        Some(TestReport { cached: true, ..hit })
    }

    fn remember(&self, program: &str, tests: &Tests, trace: bool, report: &TestReport) {
        if self.config.cache_capacity == 0 {
            return;
        }
        let mut cache = lock(&self.cache);
        if cache.len() >= self.config.cache_capacity {
            cache.clear();
        }
        cache.insert((program.trim().to_string(), tests.clone(), trace), report.clone());
    }

    fn checkout(&self) -> Checkout<'_> {
        let mut idle = lock(&self.idle);
        loop {
            if let Some(slot) = idle.pop() {
                return Checkout { sandbox: self, slot: Some(slot) };
            }
            idle = self.returned.wait(idle).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Runs one job on a checked-out worker, replacing the worker if it dies or hangs.
    fn execute(
        &self,
        checkout: &mut Checkout<'_>,
        program: &str,
        tests: &Tests,
        trace: bool,
        test_limit: Option<Duration>,
    ) -> Result<TestReport, ExecError> {
        let slot = checkout.slot.as_mut().ok_or_else(|| ExecError::Protocol("no worker checked out".into()))?;
        if slot.process.is_none() {
            slot.process = Some(Process::spawn(&self.config.python, &self.worker_config, POOL_HASH_SEED)?);
        }
        let Some(process) = slot.process.as_mut() else {
            return Err(ExecError::Protocol("no worker process".into()));
        };
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let start = Instant::now();
        // The job's own wall-clock limit stays the configured one even under a shorter per-test limit: loading the
        // program and a test file's set-up (imports) run outside every test's limit, and may take long.
        let test_seconds = test_limit.map(|t| t.as_secs_f64());
        let end = process.run(id, &Job { id, program, tests, trace, test_seconds }, self.config.timeout);
        let seconds = start.elapsed().as_secs_f64();
        self.runs.fetch_add(1, Ordering::Relaxed);
        let names = tests.names();
        let (report, keep) = match end {
            JobEnd::Finished { reply, killed } => (build_report(names, reply, killed, seconds), true),
            JobEnd::Lost(why) => {
                // The worker died (its jobs die with it: PID namespace, or parent-death signal) or stopped
                // answering (then kill what is left of the job first); replace it.
                let outcome = process.abandon(why);
                slot.process = None;
                self.restarts.fetch_add(1, Ordering::Relaxed);
                let outcomes = vec![outcome; names.len()];
                (TestReport::new(names, outcomes, seconds), false)
            }
        };
        if report.timeouts > 0 {
            self.timeouts.fetch_add(1, Ordering::Relaxed);
        }
        if keep && (test_limit.is_none() || report.timeouts == 0) {
            self.remember(program, tests, trace, &report);
        }
        Ok(report)
    }
}

/// What a harness job emitted: a trusted script of Kelp's (e.g. `python/probe.py`) run in a sandboxed job process
/// on untrusted programs. `items` holds what it emitted before it ended, even when it did not end well.
pub(super) struct HarnessRun {
    pub items: Vec<serde_json::Value>,
    /// The script ran to its end.
    pub completed: bool,
    /// The job was killed at its wall-clock or CPU limit.
    pub timed_out: bool,
}

#[derive(Serialize)]
struct HarnessJob<'a> {
    id: u64,
    harness: &'a str,
    payload: &'a serde_json::Value,
}

impl Sandbox {
    /// Runs `script` with `payload` in a fresh sandboxed process on one worker (blocks while every worker is busy).
    /// Never cached: a harness is used for measurements, which the caller stores.
    pub(super) fn harness(
        &self,
        script: &str,
        payload: &serde_json::Value,
        timeout: Duration,
    ) -> Result<HarnessRun, ExecError> {
        let mut checkout = self.checkout();
        let slot = checkout.slot.as_mut().ok_or_else(|| ExecError::Protocol("no worker checked out".into()))?;
        if slot.process.is_none() {
            slot.process = Some(Process::spawn(&self.config.python, &self.worker_config, POOL_HASH_SEED)?);
        }
        let Some(process) = slot.process.as_mut() else {
            return Err(ExecError::Protocol("no worker process".into()));
        };
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        let line = serde_json::to_vec(&HarnessJob { id, harness: script, payload })
            .map_err(|e| ExecError::Protocol(format!("could not encode the harness job: {e}")))?;
        let end = process.send(id, line, timeout);
        self.runs.fetch_add(1, Ordering::Relaxed);
        let run = match end {
            JobEnd::Finished { reply, killed } => {
                let limit = matches!(reply.exit, Exit::Signal(s) if s == libc::SIGKILL || s == libc::SIGXCPU);
                HarnessRun { items: reply.harness, completed: reply.completed && !killed, timed_out: killed || limit }
            }
            JobEnd::Lost(why) => {
                // As in `execute`: kill what is left of a hung job, and replace the worker.
                let hung = process.abandon(why) == Outcome::Timeout;
                slot.process = None;
                self.restarts.fetch_add(1, Ordering::Relaxed);
                HarnessRun { items: Vec::new(), completed: false, timed_out: hung }
            }
        };
        if run.timed_out {
            self.timeouts.fetch_add(1, Ordering::Relaxed);
        }
        Ok(run)
    }
}

/// A worker slot taken from the pool; goes back when dropped, even on panic.
struct Checkout<'a> {
    sandbox: &'a Sandbox,
    slot: Option<Slot>,
}

impl Drop for Checkout<'_> {
    fn drop(&mut self) {
        if let Some(slot) = self.slot.take() {
            lock(&self.sandbox.idle).push(slot);
            self.sandbox.returned.notify_one();
        }
    }
}

/// One place in the pool: a worker process, or none after a failure (started again on next use).
struct Slot {
    process: Option<Process>,
}

/// One running `worker.py`.
struct Process {
    child: Child,
    /// `None` once closed: the worker then finishes its loop and exits.
    stdin: Option<ChildStdin>,
    replies: Receiver<String>,
    pid: u32,
    /// The worker proper (PID 1 of its namespace, as the host sees it): each job is one of its children.
    init_pid: u32,
    /// The worker's directory of job directories; on the host's /tmp unless the worker has a private one.
    base: PathBuf,
    isolation: Isolation,
}

enum JobEnd {
    Finished { reply: Finished, killed: bool },
    Lost(Lost),
}

enum Lost {
    Hung,
    Died(String),
}

/// A line from a worker.
#[derive(Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
enum Reply {
    Ready {
        pid: u32,
        base: PathBuf,
        layers: Isolation,
        #[serde(default)]
        notes: Vec<String>,
    },
    Fatal {
        message: String,
    },
    Finished(Finished),
}

#[derive(Deserialize)]
struct Finished {
    id: u64,
    #[serde(default)]
    results: Vec<RawResult>,
    /// What a harness job emitted, in order.
    #[serde(default)]
    harness: Vec<serde_json::Value>,
    /// The job process reached its end (sent its output) before exiting.
    #[serde(default)]
    completed: bool,
    #[serde(default)]
    stdout: String,
    #[serde(default)]
    stderr: String,
    #[serde(default)]
    dropped: usize,
    exit: Exit,
}

#[derive(Deserialize)]
struct RawResult {
    i: usize,
    #[serde(flatten)]
    outcome: Outcome,
    #[serde(default)]
    lines: Vec<u32>,
    /// How long the test took; absent for a test that timed out or never ran.
    #[serde(default)]
    seconds: f64,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Exit {
    Code(i32),
    Signal(i32),
}

#[derive(Serialize)]
struct Job<'a> {
    id: u64,
    program: &'a str,
    tests: &'a Tests,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    trace: bool,
    /// A per-test limit replacing [`SandboxConfig::test_timeout`] for this job.
    #[serde(skip_serializing_if = "Option::is_none")]
    test_seconds: Option<f64>,
}

impl Process {
    /// Starts a worker whose strings hash by `hash_seed`. Not `python3 -I`: its `-E` ignores `PYTHONHASHSEED`;
    /// the environment is cleared instead, and the worker drops the working directory from its import path.
    fn spawn(python: &str, worker_config: &str, hash_seed: u32) -> Result<Self, ExecError> {
        let mut command = Command::new(python);
        command
            .args(["-s", "-S", "-B", "-c", WORKER_PY, worker_config])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .current_dir("/")
            .env_clear()
            .env("PYTHONHASHSEED", hash_seed.to_string());
        // Only what finding the interpreter needs (pyenv shims read HOME and PYENV_*); jobs get an empty
        // environment anyway.
        for var in ["PATH", "HOME", "LANG", "LC_ALL", "PYENV_ROOT", "PYENV_VERSION"] {
            if let Some(value) = std::env::var_os(var) {
                command.env(var, value);
            }
        }
        let mut child = command.spawn().map_err(|source| ExecError::Spawn { command: python.to_string(), source })?;
        let pid = child.id();
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(ExecError::Protocol("the worker has no stdin/stdout pipe".into()));
        };
        let (sender, replies) = mpsc::channel();
        let reader = std::thread::Builder::new().name(format!("kelp-sandbox-{pid}")).spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if sender.send(line).is_err() {
                    break;
                }
            }
        });
        if let Err(e) = reader {
            let _ = child.kill();
            let _ = child.wait();
            return Err(e.into());
        }
        let mut process = Process {
            child,
            stdin: Some(stdin),
            replies,
            pid,
            init_pid: pid,
            base: PathBuf::new(),
            isolation: Isolation::default(),
        };
        let failure = match process.replies.recv_timeout(START_TIMEOUT) {
            Ok(line) => match serde_json::from_str::<Reply>(&line) {
                Ok(Reply::Ready { pid: init_pid, base, mut layers, notes }) => {
                    layers.notes = notes;
                    process.init_pid = init_pid;
                    process.base = base;
                    process.isolation = layers;
                    return Ok(process);
                }
                Ok(Reply::Fatal { message }) => message,
                _ => format!("unexpected first line: {line}"),
            },
            Err(RecvTimeoutError::Timeout) => {
                format!("no answer within {} s", START_TIMEOUT.as_secs())
            }
            Err(RecvTimeoutError::Disconnected) => "it exited during start-up".into(),
        };
        Err(ExecError::WorkerStart(failure))
    }

    /// Sends one job and waits for its report, killing the job's process group at the deadline.
    fn run(&mut self, id: u64, job: &Job<'_>, timeout: Duration) -> JobEnd {
        match serde_json::to_vec(job) {
            Ok(line) => self.send(id, line, timeout),
            Err(e) => lost_died(format!("could not encode the job: {e}")),
        }
    }

    /// Sends one encoded job (without its newline) and waits for its report (see [`Process::run`]).
    fn send(&mut self, id: u64, mut line: Vec<u8>, timeout: Duration) -> JobEnd {
        line.push(b'\n');
        let Some(stdin) = self.stdin.as_mut() else {
            return lost_died("the worker's stdin is closed".into());
        };
        if let Err(e) = stdin.write_all(&line).and_then(|()| stdin.flush()) {
            return lost_died(format!("could not send the job to the worker: {e}"));
        }
        let mut deadline = Instant::now() + timeout;
        let mut killed = false;
        loop {
            let wait = deadline.saturating_duration_since(Instant::now());
            match self.replies.recv_timeout(wait) {
                Ok(line) => match serde_json::from_str::<Reply>(&line) {
                    Ok(Reply::Finished(reply)) if reply.id == id => {
                        return JobEnd::Finished { reply, killed };
                    }
                    _ => return lost_died(format!("the worker answered unexpectedly: {line}")),
                },
                Err(RecvTimeoutError::Timeout) if !killed => {
                    self.kill_jobs();
                    killed = true;
                    deadline = Instant::now() + KILL_GRACE;
                }
                Err(RecvTimeoutError::Timeout) => return JobEnd::Lost(Lost::Hung),
                Err(RecvTimeoutError::Disconnected) => {
                    return lost_died("the sandbox worker died; it has been replaced".into());
                }
            }
        }
    }

    /// After a lost job: what is left of it killed if it hung (then no graceful exit to wait for), and the
    /// outcome its tests get (a timeout, or the sandbox's error). The caller replaces the worker.
    fn abandon(&mut self, why: Lost) -> Outcome {
        match why {
            Lost::Hung => {
                self.kill_jobs();
                self.stdin = None;
                Outcome::Timeout
            }
            Lost::Died(message) => {
                Outcome::Error { kind: "SandboxError".into(), message, line: None, entry_line: None }
            }
        }
    }

    /// SIGKILL to the process group of each child of the worker proper: the job in flight (it called setsid) and,
    /// without a PID namespace, leftovers re-parented to the worker. Only read on a timeout, so a job costs no
    /// "started" message.
    fn kill_jobs(&self) {
        for pid in children(self.init_pid) {
            kill_group(pid);
        }
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        // Closing stdin ends the worker's loop: it exits, and the process we started reaps it and exits as well.
        // Killing that process instead also kills the worker (parent-death signal) and its PID namespace, but
        // leaves the worker for init to reap: the way out for a worker that does not answer.
        if self.stdin.take().is_some() {
            let deadline = Instant::now() + EXIT_GRACE;
            while matches!(self.child.try_wait(), Ok(None)) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(2));
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        if !self.isolation.filesystem && self.base.starts_with(std::env::temp_dir()) {
            let _ = std::fs::remove_dir_all(&self.base);
        }
    }
}

fn lost_died(message: String) -> JobEnd {
    JobEnd::Lost(Lost::Died(message))
}

/// The children of a process: `/proc/<pid>/task/<pid>/children`, else a scan of `/proc/*/stat`.
fn children(pid: u32) -> Vec<i32> {
    if let Ok(list) = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")) {
        return list.split_whitespace().filter_map(|p| p.parse().ok()).collect();
    }
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.flatten()
        .filter_map(|entry| {
            let child: i32 = entry.file_name().to_str()?.parse().ok()?;
            let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
            // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
            let ppid: u32 = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()?;
            (ppid == pid).then_some(child)
        })
        .collect()
}

/// SIGKILL to a process group and to the process itself. Never to 0 or 1, which would mean "ours" or "everyone".
fn kill_group(pid: i32) {
    if pid > 1 {
        // SAFETY: kill(2) has no memory-safety preconditions.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
            libc::kill(pid, libc::SIGKILL);
        }
    }
}

fn build_report(names: Vec<String>, reply: Finished, killed: bool, seconds: f64) -> TestReport {
    let mut outcomes: Vec<Option<Outcome>> = vec![None; names.len()];
    let mut lines: Vec<Vec<u32>> = vec![Vec::new(); names.len()];
    // The job measured itself, and the program could have patched its clock: no more than the whole run took.
    let slowest_test =
        reply.results.iter().map(|r| r.seconds).filter(|s| s.is_finite()).fold(0.0, f64::max).clamp(0.0, seconds);
    for result in reply.results {
        if let Some(place) = outcomes.get_mut(result.i)
            && place.is_none()
        {
            *place = Some(result.outcome);
            lines[result.i] = result.lines;
        }
    }
    // Tests without a result did not finish: say why from how the process ended.
    let unfinished = match reply.exit {
        _ if killed => Outcome::Timeout,
        Exit::Signal(s) if s == libc::SIGKILL || s == libc::SIGXCPU => Outcome::Timeout,
        Exit::Signal(s) => Outcome::Error {
            kind: "Crash".into(),
            message: format!(
                "the process was killed by signal {s}{} before the test finished",
                signal_name(s).map(|n| format!(" ({n})")).unwrap_or_default()
            ),
            line: None,
            entry_line: None,
        },
        Exit::Code(code) => Outcome::Error {
            kind: "ProcessExit".into(),
            message: format!("the program ended the process (exit status {code}) before the test finished"),
            line: None,
            entry_line: None,
        },
    };
    let outcomes = outcomes.into_iter().map(|o| o.unwrap_or_else(|| unfinished.clone())).collect();
    let mut report = TestReport::new(names, outcomes, seconds);
    report.slowest_test = slowest_test;
    for (test, lines) in report.tests.iter_mut().zip(lines) {
        test.lines = lines;
    }
    report.stdout = reply.stdout;
    report.stderr = reply.stderr;
    report.output_dropped = reply.dropped;
    report
}

fn signal_name(signal: i32) -> Option<&'static str> {
    Some(match signal {
        libc::SIGSEGV => "SIGSEGV",
        libc::SIGBUS => "SIGBUS",
        libc::SIGABRT => "SIGABRT",
        libc::SIGFPE => "SIGFPE",
        libc::SIGILL => "SIGILL",
        libc::SIGTERM => "SIGTERM",
        libc::SIGXFSZ => "SIGXFSZ",
        _ => return None,
    })
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> SandboxConfig {
        SandboxConfig { workers: 2, timeout: Duration::from_secs(2), ..SandboxConfig::default() }
    }

    fn asserts(lines: &[&str]) -> Tests {
        Tests::Asserts(lines.iter().map(|l| l.to_string()).collect())
    }

    /// The toy `add` task of DESIGN.md §7, clean and corrupted.
    #[test]
    fn golden_add() {
        let sandbox = Sandbox::new(small()).unwrap();
        let tests = asserts(&["assert add(2, 3) == 5", "assert add(-4, 1) == -3", "assert add(0, 7) == 7"]);
        let clean = sandbox.run("def add(a, b):\n    return a + b\n", &tests).unwrap();
        assert!(clean.all_passed(), "{clean:?}");
        assert_eq!((clean.passed, clean.failed, clean.errors), (3, 0, 0));

        let minus = sandbox.run("def add(a, b):\n    return a - b\n", &tests).unwrap();
        assert!(!minus.all_passed());
        assert_eq!(minus.failed, 3, "{minus:?}");

        let times = sandbox.run("def add(a, b):\n    return a * b\n", &tests).unwrap();
        assert_eq!(times.passed, 0);
        let names: Vec<_> = times.tests.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names[0], "assert add(2, 3) == 5");

        let divide = sandbox.run("def add(a, b):\n    return a / 0\n", &tests).unwrap();
        assert_eq!(divide.errors, 3);
        assert_eq!(
            divide.tests[0].outcome,
            Outcome::Error {
                kind: "ZeroDivisionError".into(),
                message: "division by zero".into(),
                line: Some(2),
                entry_line: Some(2)
            }
        );
        // Raised in a nested function: its line, and the line of the function the test called.
        let nested = "def add(a, b):\n    def inner():\n        return a / 0\n    return inner()\n";
        let divide = sandbox.run(nested, &tests).unwrap();
        assert!(matches!(divide.tests[0].outcome, Outcome::Error { line: Some(3), entry_line: Some(4), .. }));

        let broken = sandbox.run("def add(a, b)\n    return a + b\n", &tests).unwrap();
        assert!(matches!(
            &broken.tests[1].outcome,
            Outcome::Error { kind, line: Some(1), .. } if kind == "SyntaxError"
        ));
    }

    #[test]
    fn golden_toy_set() {
        let sandbox = Sandbox::new(small()).unwrap();
        let clamp = "def clamp(x, lo, hi):\n    if x < lo:\n        return lo\n    if x > hi:\n        return hi\n    return x\n";
        let clamp_tests =
            asserts(&["assert clamp(5, 0, 10) == 5", "assert clamp(-3, 0, 10) == 0", "assert clamp(15, 0, 10) == 10"]);
        let abs_val = "def abs_val(x):\n    if x < 0:\n        return -x\n    return x\n";
        let abs_tests = asserts(&["assert abs_val(-5) == 5", "assert abs_val(4) == 4", "assert abs_val(0) == 0"]);
        let jobs = vec![
            (clamp.to_string(), clamp_tests.clone()),
            (clamp.replace("x > hi", "x < hi"), clamp_tests),
            (abs_val.to_string(), abs_tests.clone()),
            (abs_val.replace("return -x", "return x"), abs_tests),
        ];
        let reports = sandbox.run_many(&jobs).unwrap();
        let passed: Vec<usize> = reports.iter().map(|r| r.passed).collect();
        assert_eq!(passed, [3, 1, 3, 2]);
    }

    #[test]
    fn check_function_and_output() {
        let sandbox = Sandbox::new(small()).unwrap();
        let tests = Tests::Check {
            source: "def check(candidate):\n    assert candidate(3) == 9\n    assert candidate(-4) == 16\n".into(),
            entry_point: "square".into(),
        };
        let ok = sandbox.run("def square(x):\n    print('called', x)\n    return x * x\n", &tests).unwrap();
        assert!(ok.all_passed(), "{ok:?}");
        assert_eq!(ok.tests[0].name, "check(square)");
        assert_eq!(ok.stdout, "called 3\ncalled -4\n");
        let wrong = sandbox.run("def square(x):\n    return x + x\n", &tests).unwrap();
        assert_eq!(wrong.failed, 1);
        let missing = sandbox.run("def cube(x):\n    return x ** 3\n", &tests).unwrap();
        assert!(matches!(&missing.tests[0].outcome, Outcome::Error { kind, .. } if kind == "NameError"));
    }

    #[test]
    fn cache_hits_skip_work() {
        let sandbox = Sandbox::new(SandboxConfig { workers: 1, ..small() }).unwrap();
        let tests = asserts(&["assert f() == 1"]);
        let first = sandbox.run("def f():\n    return 1\n", &tests).unwrap();
        let again = sandbox.run("\n\ndef f():\n    return 1\n  ", &tests).unwrap();
        assert!(!first.cached && again.cached);
        assert_eq!(again.passed, 1);
        let stats = sandbox.stats();
        assert_eq!((stats.runs, stats.cache_hits), (1, 1));
    }

    #[test]
    fn without_namespaces_jobs_still_run() {
        // The fallback where the kernel refuses namespaces: rlimits, the user switch and the audit hook remain.
        let sandbox = Sandbox::new(SandboxConfig { workers: 1, isolate: false, ..small() }).unwrap();
        let isolation = sandbox.isolation();
        assert!(!isolation.network && !isolation.filesystem && !isolation.pid);
        assert!(!isolation.notes.is_empty());
        let tests = asserts(&["assert add(2, 3) == 5"]);
        let report = sandbox.run("def add(a, b):\n    return a + b\n", &tests).unwrap();
        assert!(report.all_passed(), "{report:?}");
        let blocked = sandbox.run("import os\nos.fork()\n", &tests).unwrap();
        assert!(matches!(&blocked.tests[0].outcome, Outcome::Error { kind, .. } if kind == "PermissionError"));
        let looping = sandbox.run("while True:\n    pass\n", &tests).unwrap();
        assert_eq!(looping.timeouts, 1);
    }

    #[test]
    fn invalid_config_is_refused() {
        let config = SandboxConfig { workers: 0, ..SandboxConfig::default() };
        assert!(matches!(Sandbox::new(config), Err(ExecError::InvalidConfig(_))));
    }

    #[test]
    fn tests_serialise_as_the_worker_reads_them() {
        let json = serde_json::to_string(&asserts(&["assert 1"])).unwrap();
        assert_eq!(json, r#"{"asserts":["assert 1"]}"#);
        let check = Tests::Check { source: "def check(c): pass".into(), entry_point: "f".into() };
        let json = serde_json::to_string(&check).unwrap();
        assert_eq!(json, r#"{"check":{"source":"def check(c): pass","entry_point":"f"}}"#);
    }
}
