//! Hostile programs against the sandbox (issue 4).
//!
//! Every test runs one misbehaving program, asserts that it was contained (the report says what happened, nothing
//! leaked to the host), then that the same pool still answers an ordinary job correctly and that no process of the
//! job is left. The tests share one pool and take turns (a lock), so "no process left" is exact: between two tests
//! nothing may run as the sandbox user nor below a worker but the worker itself.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use kelp::exec::{Outcome, Sandbox, SandboxConfig, TestReport, Tests};

const TIMEOUT: Duration = Duration::from_secs(1);
const OUTPUT_LIMIT: usize = 4096;

fn sandbox() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| {
        let sandbox = Sandbox::new(SandboxConfig {
            workers: 2,
            timeout: TIMEOUT,
            output_limit: OUTPUT_LIMIT,
            cache_capacity: 0,
            ..SandboxConfig::default()
        })
        .expect("the sandbox starts");
        eprintln!("isolation: {:?}", sandbox.isolation());
        sandbox
    })
}

/// One hostile program at a time, so that leftover processes can be counted exactly.
fn turn() -> MutexGuard<'static, ()> {
    static TURN: Mutex<()> = Mutex::new(());
    TURN.lock().unwrap_or_else(|e| e.into_inner())
}

fn asserts(lines: &[&str]) -> Tests {
    Tests::Asserts(lines.iter().map(|l| l.to_string()).collect())
}

/// Runs a hostile program, then checks that the pool still works and that nothing of the job survived.
fn hostile(program: &str, tests: &Tests) -> TestReport {
    let start = Instant::now();
    let report = sandbox().run(program, tests).expect("the sandbox answers");
    assert!(!report.cached);
    assert!(start.elapsed() < TIMEOUT + Duration::from_secs(4), "took {:?}", start.elapsed());
    still_answers();
    no_strays();
    report
}

/// An ordinary job, made unique so that no cache could answer it, must pass.
fn still_answers() {
    static N: AtomicU64 = AtomicU64::new(0);
    let n = N.fetch_add(1, Ordering::Relaxed);
    let program = format!("def add(a, b):\n    return a + b  # {n}\n");
    let tests = asserts(&["assert add(2, 3) == 5", "assert add(-4, 1) == -3", "assert add(0, 7) == 7"]);
    for _ in 0..2 {
        // twice: both workers of the pool
        let report = sandbox().run(&program, &tests).expect("the sandbox answers");
        assert!(report.all_passed(), "a normal job failed after a hostile one: {report:?}");
    }
}

struct Proc {
    ppid: u32,
    uids: Vec<u32>,
    name: String,
}

fn processes() -> HashMap<u32, Proc> {
    let mut all = HashMap::new();
    let Ok(dir) = std::fs::read_dir("/proc") else {
        return all;
    };
    for entry in dir.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(status) = std::fs::read_to_string(entry.path().join("status")) else {
            continue;
        };
        let field = |key: &str| status.lines().find_map(|l| l.strip_prefix(key)).unwrap_or("").trim().to_string();
        all.insert(
            pid,
            Proc {
                ppid: field("PPid:").parse().unwrap_or(0),
                uids: field("Uid:").split_whitespace().filter_map(|u| u.parse().ok()).collect(),
                name: field("Name:"),
            },
        );
    }
    all
}

/// No process of the sandbox user, and below each worker nothing but the worker's own PID-1 process.
fn no_strays() {
    let workers: HashSet<u32> = sandbox().worker_pids().into_iter().collect();
    let uid = sandbox().config().uid;
    let all = processes();
    let inner: HashSet<u32> =
        all.iter().filter(|(pid, p)| workers.contains(pid) || workers.contains(&p.ppid)).map(|(pid, _)| *pid).collect();
    let below_worker = |pid: u32| {
        let mut at = pid;
        for _ in 0..64 {
            match all.get(&at) {
                Some(p) if inner.contains(&p.ppid) => return true,
                Some(p) if p.ppid > 1 => at = p.ppid,
                _ => return false,
            }
        }
        false
    };
    let strays: Vec<String> = all
        .iter()
        .filter(|(pid, p)| p.uids.contains(&uid) || (!inner.contains(pid) && below_worker(**pid)))
        .map(|(pid, p)| format!("{pid} {} (ppid {}, uids {:?})", p.name, p.ppid, p.uids))
        .collect();
    assert!(strays.is_empty(), "stray processes: {strays:?}");
}

fn mem_available() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find_map(|l| l.strip_prefix("MemAvailable:"))
                .and_then(|v| v.split_whitespace().next()?.parse::<u64>().ok())
        })
        .map_or(0, |kib| kib * 1024)
}

fn kind(outcome: &Outcome) -> &str {
    match outcome {
        Outcome::Passed => "passed",
        Outcome::Failed { .. } => "failed",
        Outcome::Error { kind, .. } => kind,
        Outcome::Timeout => "timeout",
    }
}

fn all_timeouts(report: &TestReport) {
    assert!(report.tests.iter().all(|t| t.outcome == Outcome::Timeout), "{report:?}");
}

#[test]
fn infinite_loop() {
    let _turn = turn();
    let report = hostile("def f():\n    while True:\n        pass\n", &asserts(&["assert f() == 1", "assert True"]));
    assert_eq!(report.timeouts, 2, "{report:?}");
    let report = hostile("while True:\n    pass\n", &asserts(&["assert True"]));
    all_timeouts(&report);
}

#[test]
fn passing_tests_before_a_hang_are_kept() {
    let _turn = turn();
    let report = hostile(
        "def f(x):\n    while x:\n        pass\n    return 0\n",
        &asserts(&["assert f(0) == 0", "assert f(1) == 0", "assert f(0) == 0"]),
    );
    let kinds: Vec<&str> = report.tests.iter().map(|t| kind(&t.outcome)).collect();
    assert_eq!(kinds, ["passed", "timeout", "timeout"]);
}

/// A job's own per-test limit (`run_many_within`) replaces the configured one, traced or not: a loop is cut off
/// at it, not at the run's timeout; a slow test that ran out of it is not cached, so the configured limit lets it
/// finish; a report says how long its slowest finished test took.
#[test]
fn a_jobs_own_limit_cuts_a_loop_short_and_its_timeouts_are_not_cached() {
    let _turn = turn();
    let pool = Sandbox::new(SandboxConfig { workers: 1, timeout: Duration::from_secs(5), ..SandboxConfig::default() })
        .expect("the sandbox starts");
    let hang = "def f(x):\n    while x:\n        pass\n    return 0\n";
    for traced in [false, true] {
        let start = Instant::now();
        let jobs = [(hang, asserts(&["assert f(0) == 0", "assert f(1) == 0"]))];
        let report = pool.run_many_within(&jobs, traced, Duration::from_millis(100)).unwrap().remove(0);
        let kinds: Vec<&str> = report.tests.iter().map(|t| kind(&t.outcome)).collect();
        assert_eq!(kinds, ["passed", "timeout"], "traced: {traced}");
        assert!(report.slowest_test > 0.0 && report.slowest_test < 0.1, "{report:?}");
        // The configured limit is the run's 5 s (no per-test limit): the loop alone would take all of it.
        assert!(start.elapsed() < Duration::from_millis(2500), "traced: {traced}, took {:?}", start.elapsed());
    }
    let slow = "def total(n):\n    t = 0\n    for i in range(n):\n        t += i\n    return t\n";
    let jobs = [(slow, asserts(&["assert total(3) == 3", "assert total(3_000_000) == 4_499_998_500_000"]))];
    let cut = pool.run_many_within(&jobs, false, Duration::from_millis(10)).unwrap().remove(0);
    assert_eq!((cut.passed, cut.timeouts), (1, 1), "{cut:?}");
    let full = pool.run_many(&jobs).unwrap().remove(0);
    assert!(!full.cached && full.all_passed(), "{full:?}");
    assert!(full.slowest_test >= 0.01, "{full:?}");
    // A limit no shorter than the configured one is no limit of the job's: the sandbox's cache answers.
    let again = pool.run_many_within(&jobs, false, Duration::from_secs(60)).unwrap().remove(0);
    assert!(again.cached && again.all_passed(), "{again:?}");
    drop(pool);
    still_answers();
    no_strays();
}

/// With a per-test limit, a test that hangs is cut off and the tests after it still run (with a tenth of the
/// limit after the first timeout), traced or not, in assert files and pytest files alike; a program that swallows
/// the limit's exception still meets the run's own timeout.
#[test]
fn a_hanging_test_is_cut_off_and_the_rest_still_run() {
    let _turn = turn();
    let pool = Sandbox::new(SandboxConfig {
        workers: 1,
        timeout: Duration::from_secs(5),
        test_timeout: Some(Duration::from_millis(300)),
        cache_capacity: 0,
        ..SandboxConfig::default()
    })
    .expect("the sandbox starts");
    let program = "def f(x):\n    while x:\n        pass\n    return 0\n";
    let tests = asserts(&["assert f(0) == 0", "assert f(1) == 0", "assert f(2) == 0", "assert f(0) == 1"]);
    let pytest = Tests::Suite {
        setup: "from solution import f\n".into(),
        cases: ["test_a", "test_b"]
            .iter()
            .zip(["assert f(1) == 0", "assert f(0) == 0"])
            .map(|(name, code)| kelp::exec::TestCase { name: name.to_string(), code: code.to_string() })
            .collect(),
        modules: vec!["solution".into()],
        module: None,
        sources: Default::default(),
    };
    for traced in [false, true] {
        let start = Instant::now();
        let jobs = [(program, tests.clone()), (program, pytest.clone())];
        let reports = if traced { pool.run_many_traced(&jobs) } else { pool.run_many(&jobs) }.unwrap();
        let kinds: Vec<&str> = reports[0].tests.iter().map(|t| kind(&t.outcome)).collect();
        assert_eq!(kinds, ["passed", "timeout", "timeout", "failed"], "traced: {traced}");
        let kinds: Vec<&str> = reports[1].tests.iter().map(|t| kind(&t.outcome)).collect();
        assert_eq!(kinds, ["timeout", "passed"], "traced: {traced}");
        // Without the per-test limit the first report alone would take the run's 5 s.
        assert!(start.elapsed() < Duration::from_secs(4), "traced: {traced}, took {:?}", start.elapsed());
    }
    let swallowed = "def f():\n    while True:\n        try:\n            while True:\n                pass\n        except BaseException:\n            pass\n";
    let report = pool.run(swallowed, &asserts(&["assert f() is None"])).unwrap();
    assert_eq!(report.timeouts, 1, "{report:?}");
    drop(pool);
    still_answers();
    no_strays();
}

#[test]
fn fork_bomb() {
    let _turn = turn();
    let report = hostile("import os\nwhile True:\n    os.fork()\n", &asserts(&["assert True"]));
    assert_eq!(kind(&report.tests[0].outcome), "PermissionError", "{report:?}");
}

#[test]
fn fork_bomb_through_ctypes() {
    // Past the audit hook: RLIMIT_NPROC (as an unprivileged user) bounds it, the timeout kills the group and the
    // PID namespace takes the rest.
    let _turn = turn();
    let report = hostile(
        "import ctypes, os\nfork = ctypes.pythonapi.fork\nwhile True:\n    if fork() == 0:\n        os.setsid()\n",
        &asserts(&["assert True"]),
    );
    all_timeouts(&report);
}

#[test]
fn allocate_50_gb() {
    let _turn = turn();
    let before = mem_available();
    let report = hostile("x = bytearray(50 * 10**9)\n", &asserts(&["assert len(x) > 0"]));
    assert_eq!(kind(&report.tests[0].outcome), "MemoryError", "{report:?}");
    // Growing step by step, touching every page: stopped by RLIMIT_AS (or, on a loaded machine, by the timeout).
    let report = hostile("chunks = []\nwhile True:\n    chunks.append(bytearray(10**8))\n", &asserts(&["assert True"]));
    assert!(matches!(kind(&report.tests[0].outcome), "MemoryError" | "timeout"), "{report:?}");
    // Other tests of this binary (corpus fixtures, model training) allocate concurrently: allow 1.5 GiB of drift
    // and give the host a moment. A job never holds more than its 1 GiB RLIMIT_AS, and no_strays() checks that
    // none is left.
    let mut after = mem_available();
    for _ in 0..30 {
        if after + (1536 << 20) > before {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        after = mem_available();
    }
    assert!(after + (1536 << 20) > before, "host memory did not come back: {before} -> {after} bytes available");
}

#[test]
fn recursion_a_million_deep() {
    let _turn = turn();
    let deep = "def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\n";
    let report = hostile(deep, &asserts(&["assert f(10**6) == 10**6"]));
    assert_eq!(kind(&report.tests[0].outcome), "RecursionError", "{report:?}");
    // With the recursion limit lifted and every level going through C (`map`, `sum`), the C stack overflows: a
    // crash, contained.
    let report = hostile(
        "import sys\nsys.setrecursionlimit(10**7)\ndef g(n):\n    return 0 if n == 0 else 1 + sum(map(g, [n - 1]))\n",
        &asserts(&["assert g(10**6) == 10**6"]),
    );
    assert!(matches!(kind(&report.tests[0].outcome), "Crash" | "MemoryError" | "RecursionError"), "{report:?}");
}

#[test]
fn print_1_gb() {
    let _turn = turn();
    let report = hostile(
        "import os, sys\nchunk = 'x' * 10**6\nfor _ in range(1000):\n    sys.stdout.write(chunk)\n    os.write(1, b'y' * 10**6)\n",
        &asserts(&["assert True"]),
    );
    assert!(report.all_passed(), "{report:?}");
    assert_eq!(report.stdout.len(), OUTPUT_LIMIT);
    assert_eq!(report.output_dropped, 1_000_000_000 - OUTPUT_LIMIT);
    let report = hostile("print('x' * 10**9)\n", &asserts(&["assert True"]));
    assert!(report.stdout.len() <= OUTPUT_LIMIT);
}

#[test]
fn write_outside_the_working_directory() {
    let _turn = turn();
    let victim_dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let targets = [
        PathBuf::from("/root/kelp-evil.txt"),
        PathBuf::from("/tmp/kelp-evil.txt"),
        PathBuf::from("/var/tmp/kelp-evil.txt"),
        PathBuf::from("/dev/shm/kelp-evil.txt"),
        victim_dir.join("kelp-evil.txt"),
        std::env::current_dir().unwrap().join("kelp-evil.txt"),
    ];
    let list: Vec<String> = targets.iter().map(|p| format!("{:?}", p.display().to_string())).collect();
    let program = format!(
        "import os\nwritten = []\nfor path in [{}, '../kelp-evil.txt', os.path.expanduser('~root/kelp-evil.txt')]:\n    try:\n        with open(path, 'w') as f:\n            f.write('x')\n        written.append(path)\n    except OSError:\n        pass\nopen('mine.txt', 'w').write('inside is fine')\n",
        list.join(", ")
    );
    let report = hostile(
        &program,
        &asserts(&["assert written == [], written", "assert open('mine.txt').read() == 'inside is fine'"]),
    );
    assert!(report.all_passed(), "{report:?}");
    for target in &targets {
        assert!(!target.exists(), "{} was created", target.display());
    }
}

#[test]
fn no_directory_is_writable() {
    // Every directory down to depth 3 (but /proc and /sys), the job's own working directory excepted; at most 400 of
    // them, so that the test's time does not grow with the host's directories (a busy /tmp took it past its limit).
    let _turn = turn();
    let program = "import os\nhere = os.getcwd()\nwritten, tried = [], 0\nfor top, dirs, files in os.walk('/'):\n    if top.count('/') >= 3 or top.startswith(('/proc', '/sys')):\n        dirs.clear()\n    if top.startswith(here):\n        continue\n    if tried == 400:\n        break\n    tried += 1\n    try:\n        with open(os.path.join(top, 'kelp-evil-probe'), 'x') as f:\n            f.write('x')\n        written.append(top)\n    except OSError:\n        pass\n";
    let report = hostile(program, &asserts(&["assert tried > 50, tried", "assert written == [], written"]));
    assert!(report.all_passed(), "{report:?}");
}

#[test]
fn delete_files_it_can_see() {
    let _turn = turn();
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("kelp-victim-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    let program = format!(
        "import os, shutil\ngone = []\nfor path in [{:?}, os.__file__]:\n    try:\n        os.remove(path)\n        gone.append(path)\n    except OSError:\n        pass\nshutil.rmtree({:?}, ignore_errors=True)\n",
        victim.display().to_string(),
        dir.display().to_string()
    );
    let report = hostile(&program, &asserts(&["assert gone == [], gone"]));
    assert!(report.all_passed(), "{report:?}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn network_socket() {
    let _turn = turn();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    let report = hostile(
        &format!("import socket\nsocket.create_connection(('127.0.0.1', {port}), timeout=0.5)\n"),
        &asserts(&["assert True"]),
    );
    assert_eq!(kind(&report.tests[0].outcome), "PermissionError", "{report:?}");
    // Past the audit hook, with libc's socket(2)/connect(2): the network namespace has no usable interface.
    let program = format!(
        "import ctypes, struct\nlibc = ctypes.pythonapi\nfd = libc.socket(2, 1, 0)\naddress = struct.pack('=H', 2) + struct.pack('!H', {port}) + bytes([127, 0, 0, 1]) + bytes(8)\nconnected = fd >= 0 and libc.connect(fd, address, 16) == 0\n"
    );
    let report = hostile(&program, &asserts(&["assert not connected"]));
    assert!(report.all_passed(), "{report:?}");
    assert!(listener.accept().is_err(), "the job reached the host's loopback");
    // Unix sockets may be made (asyncio's self-pipe), never connected: not to a host socket the job can see.
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("kelp-host-{}.sock", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let unix = std::os::unix::net::UnixListener::bind(&path).unwrap();
    unix.set_nonblocking(true).unwrap();
    let program =
        format!("import socket\ns = socket.socket(socket.AF_UNIX)\ns.connect({:?})\n", path.display().to_string());
    let report = hostile(&program, &asserts(&["assert True"]));
    assert_eq!(kind(&report.tests[0].outcome), "PermissionError", "{report:?}");
    assert!(unix.accept().is_err(), "the job reached a host Unix socket");
    let _ = std::fs::remove_file(&path);
}

#[test]
fn kill_the_parent() {
    let _turn = turn();
    let report = hostile("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\n", &asserts(&["assert True"]));
    assert_eq!(kind(&report.tests[0].outcome), "PermissionError", "{report:?}");
    // Past the audit hook: the parent is root (EPERM) and kill(-1) reaches no one outside the job.
    let report = hostile(
        "import ctypes, os\nlibc = ctypes.pythonapi\nresults = [libc.kill(os.getppid(), 9), libc.kill(-1, 9), libc.kill(1, 9)]\n",
        &asserts(&["assert True"]),
    );
    assert!(report.all_passed(), "{report:?}");
}

#[test]
fn sys_exit_before_the_tests() {
    let _turn = turn();
    let report = hostile("import sys\nsys.exit(0)\n", &asserts(&["assert True", "assert 1 == 1"]));
    assert_eq!(report.errors, 2, "{report:?}");
    assert_eq!(kind(&report.tests[0].outcome), "SystemExit");
    // Inside a test too: that test errors, the next still runs.
    let report = hostile("import sys\n", &asserts(&["sys.exit(3)", "assert True"]));
    let kinds: Vec<&str> = report.tests.iter().map(|t| kind(&t.outcome)).collect();
    assert_eq!(kinds, ["SystemExit", "passed"]);
}

#[test]
fn os_exit() {
    let _turn = turn();
    let report = hostile("import os\nos._exit(0)\n", &asserts(&["assert True"]));
    assert_eq!(kind(&report.tests[0].outcome), "ProcessExit", "{report:?}");
    let report = hostile("import os\n", &asserts(&["assert True", "os._exit(0)", "assert True"]));
    let kinds: Vec<&str> = report.tests.iter().map(|t| kind(&t.outcome)).collect();
    assert_eq!(kinds, ["passed", "ProcessExit", "ProcessExit"]);
}

#[test]
fn read_stdin() {
    let _turn = turn();
    let report = hostile(
        "import os, sys\nraw = os.read(0, 1 << 16)\ntext = sys.stdin.read()\ntry:\n    line = input()\nexcept EOFError:\n    line = None\n",
        &asserts(&["assert raw == b''", "assert text == ''", "assert line is None"]),
    );
    assert!(report.all_passed(), "{report:?}");
}

#[test]
fn change_signal_handlers() {
    let _turn = turn();
    let report = hostile(
        "import signal\nfor s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGXCPU, signal.SIGALRM, signal.SIGUSR1):\n    signal.signal(s, signal.SIG_IGN)\nwhile True:\n    pass\n",
        &asserts(&["assert True"]),
    );
    all_timeouts(&report);
}

#[test]
fn ctypes_segfault() {
    let _turn = turn();
    let report = hostile("import ctypes\nctypes.string_at(0)\n", &asserts(&["assert True"]));
    match &report.tests[0].outcome {
        Outcome::Error { kind, message, .. } => {
            assert_eq!(kind, "Crash");
            assert!(message.contains("SIGSEGV"), "{message}");
        }
        other => panic!("expected a crash, got {other:?}"),
    }
    // Loading another native library is refused by the audit hook.
    let report = hostile("import ctypes\nlibc = ctypes.CDLL('libc.so.6')\n", &asserts(&["assert True"]));
    assert_eq!(kind(&report.tests[0].outcome), "PermissionError", "{report:?}");
}

#[test]
fn subprocess_and_system() {
    let _turn = turn();
    for program in [
        "import os\nos.system('touch /tmp/kelp-evil')\n",
        "import subprocess\nsubprocess.run(['true'])\n",
        "import os\nos.execv('/bin/true', ['true'])\n",
    ] {
        let report = hostile(program, &asserts(&["assert True"]));
        assert_eq!(kind(&report.tests[0].outcome), "PermissionError", "{report:?}");
    }
}

#[test]
fn a_dead_worker_is_replaced() {
    let _turn = turn();
    let before = sandbox().stats().worker_restarts;
    // The pool hands out its most recently returned worker first: kill that one.
    let pid = *sandbox().worker_pids().last().unwrap();
    // SAFETY: kill(2) has no memory-safety preconditions; the pid is one of our own worker processes.
    unsafe {
        libc::kill(pid as i32, libc::SIGKILL);
    }
    std::thread::sleep(Duration::from_millis(100));
    let report = sandbox().run("x = 1\n", &asserts(&["assert x == 1"])).expect("the sandbox answers");
    assert_eq!(kind(&report.tests[0].outcome), "SandboxError", "{report:?}");
    still_answers();
    assert!(sandbox().stats().worker_restarts > before);
    no_strays();
}

#[test]
fn a_hung_worker_is_replaced() {
    let _turn = turn();
    let before = sandbox().stats().worker_restarts;
    // Freeze the worker proper (the child of the process the pool started): it can no longer answer.
    let pid = *sandbox().worker_pids().last().unwrap();
    let inner: u32 = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children"))
        .unwrap()
        .split_whitespace()
        .next()
        .unwrap()
        .parse()
        .unwrap();
    // SAFETY: kill(2) has no memory-safety preconditions; the pid is our own worker.
    unsafe {
        libc::kill(inner as i32, libc::SIGSTOP);
    }
    let start = Instant::now();
    let report = sandbox().run("x = 1\n", &asserts(&["assert x == 1"])).expect("the sandbox answers");
    all_timeouts(&report);
    assert!(start.elapsed() < TIMEOUT + Duration::from_secs(4));
    assert!(sandbox().stats().worker_restarts > before);
    // The frozen worker died with the process the pool started (parent-death signal); give init a moment to reap it.
    let gone = (0..50).any(|_| {
        let state = std::fs::read_to_string(format!("/proc/{inner}/stat")).unwrap_or_default();
        let dead = state.is_empty() || state.rsplit_once(") ").is_some_and(|(_, rest)| rest.starts_with('Z'));
        if !dead {
            std::thread::sleep(Duration::from_millis(20));
        }
        dead
    });
    assert!(gone, "the frozen worker {inner} is still alive");
    still_answers();
    no_strays();
}

#[test]
fn workers_stay_small() {
    let _turn = turn();
    still_answers();
    for pid in sandbox().worker_pids() {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
        let rss_kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmRSS:"))
            .and_then(|v| v.split_whitespace().next()?.parse().ok())
            .unwrap();
        assert!(rss_kib < 200 * 1024, "worker {pid} holds {rss_kib} KiB");
    }
}

/// The toy set's 15 clean programs pass all their own tests; an operator swapped in each fails at least one
/// (the tests tell the clean program from its one-token corruptions, so the spec is informative).
#[test]
fn toy_programs_pass_their_tests_and_operator_swaps_fail() {
    let _turn = turn();
    let toy = kelp::corpus::toy_tasks();
    let jobs: Vec<(String, Tests)> =
        toy.iter().map(|t| (t.source.clone(), t.spec.tests.clone().expect("toy tasks have tests"))).collect();
    let reports = sandbox().run_many(&jobs).unwrap();
    for (task, report) in toy.iter().zip(&reports) {
        assert_eq!(report.passed, 3, "{}: {report:?}", task.id);
    }
    // Golden one-token corruptions: the operator of each toy program swapped for its "opposite".
    let swaps = [
        (" + ", " - "),
        (" - ", " + "),
        (" * ", " + "),
        ("-x", "x"),
        (" < ", " > "),
        (" > ", " < "),
        (" == ", " != "),
        (" / ", " * "),
    ];
    let corrupted: Vec<(String, Tests)> = jobs
        .iter()
        .filter_map(|(source, tests)| {
            let (from, to) = swaps.iter().find(|(from, _)| source.contains(from))?;
            Some((source.replacen(from, to, 1), tests.clone()))
        })
        .collect();
    // All but `identity`, which has no operator.
    assert_eq!(corrupted.len(), 14, "only {} toy programs have a swappable operator", corrupted.len());
    for ((source, _), report) in corrupted.iter().zip(sandbox().run_many(&corrupted).unwrap()) {
        assert!(report.passed < 3, "a corruption passes every test:\n{source}");
    }
    no_strays();
}

/// A traced run reports, per test, the program's lines it executed (the `def` line when the function was called),
/// with the same verdicts as an untraced run; an untraced run reports no lines.
#[test]
fn traced_runs_report_the_lines_each_test_ran() {
    let _turn = turn();
    let program = "import math\ndef sign(x):\n    if x > 0:\n        return 1\n    elif x < 0:\n        return -1\n    return 1\n";
    let tests = asserts(&["assert sign(5) == 1", "assert sign(-2) == -1", "assert sign(0) == 0", "assert math.pi > 3"]);
    let jobs = [(program, tests.clone())];
    let traced = sandbox().run_many_traced(&jobs).unwrap().remove(0);
    let plain = sandbox().run_many(&jobs).unwrap().remove(0);
    let lines: Vec<&[u32]> = traced.tests.iter().map(|t| t.lines.as_slice()).collect();
    assert_eq!(lines, [&[2, 3, 4][..], &[2, 3, 5, 6], &[2, 3, 5, 7], &[]], "{traced:?}");
    assert_eq!(traced.passed, 3);
    assert!(matches!(traced.tests[2].outcome, Outcome::Failed { .. }));
    let verdicts = |r: &TestReport| r.tests.iter().map(|t| t.outcome.clone()).collect::<Vec<_>>();
    assert_eq!(verdicts(&traced), verdicts(&plain));
    assert!(plain.tests.iter().all(|t| t.lines.is_empty()));
    no_strays();
}

/// A program that replaces the tracer, or loops forever under it, spoils only its own spectrum: the verdicts stand
/// and the pool answers on.
#[test]
fn a_program_cannot_break_tracing() {
    let _turn = turn();
    let program =
        "import sys\ndef f(x):\n    sys.settrace(None)\n    return x\ndef g():\n    while True:\n        pass\n";
    let tests = asserts(&["assert f(1) == 1", "assert f(2) == 3", "assert g()"]);
    let report = sandbox().run_many_traced(&[(program, tests)]).unwrap().remove(0);
    assert_eq!(report.passed, 1, "{report:?}");
    assert!(matches!(report.tests[1].outcome, Outcome::Failed { .. }));
    assert_eq!(report.tests[2].outcome, Outcome::Timeout);
    assert!(report.tests[2].lines.is_empty());
    still_answers();
    no_strays();
}

/// A HumanEval-style check that imports pytest and expects an exception with `pytest.raises` runs under the
/// worker's stand-in: the expectation is a test of its own, passed by the right program and failed by a wrong one.
#[test]
fn a_check_may_use_pytest_raises() {
    let _turn = turn();
    let check = "import pytest\n\ndef check(candidate):\n    assert candidate(6, 3) == 2\n    with pytest.raises(ZeroDivisionError):\n        candidate(1, 0)\n";
    let right = "def div(a, b):\n    return a / b\n";
    let tests = kelp::exec::parse_test_file(check, right, None).expect("parses").tests;
    assert!(matches!(&tests, Tests::Asserts(a) if a.len() == 2), "{tests:?}");
    let report = sandbox().run(right, &tests).unwrap();
    assert!(report.all_passed(), "{report:?}");
    let wrong = "def div(a, b):\n    return a / b if b else 0\n";
    let report = sandbox().run(wrong, &tests).unwrap();
    assert_eq!(report.passed, 1, "{report:?}");
    no_strays();
}

/// A check's locals stay out of the program's globals when its statements become tests of their own: a check that
/// names a local `str` (HumanEvalFix's `decode_cyclic`) does not let a program that returns the builtin `str` pass,
/// and a test's assignment is not seen by the next test.
#[test]
fn a_tests_assignments_do_not_reach_the_program() {
    let _turn = turn();
    let check = "def check(candidate):\n    str = 'abc'\n    assert candidate('abc') == str\n";
    let wrong = "def echo(s):\n    return str\n";
    let tests = kelp::exec::parse_test_file(check, wrong, None).expect("parses").tests;
    let report = sandbox().run(wrong, &tests).unwrap();
    assert_eq!(report.passed, 0, "{report:?}");
    let right = "def echo(s):\n    return s\n";
    assert!(sandbox().run(right, &tests).unwrap().all_passed());
    let leaky = Tests::Asserts(vec!["limit = 3\nassert f() == 3".into(), "assert f() == 3".into()]);
    let reads_global = "def f():\n    return limit\n";
    assert_eq!(sandbox().run(reads_global, &leaky).unwrap().passed, 0);
    no_strays();
}

/// A pytest file and a unittest file, read by `parse_test_file` and run by the worker's pytest stand-in, give each
/// test its own outcome; the program is importable under the module name the tests use (and only under a name
/// Python cannot find: `math` stays math).
#[test]
fn pytest_and_unittest_files_run_test_by_test() {
    let _turn = turn();
    let pytest = "\
import math
import pytest
from solution import mean, sqrt
import solution

@pytest.fixture
def numbers():
    yield [1, 2, 3]

@pytest.mark.parametrize('xs, want', [([2], 2), ([1, 2], 1.5), pytest.param([0, 3], 1.5)])
def test_table(xs, want):
    assert mean(xs) == pytest.approx(want)

ROWS = [([4], 4), pytest.param([1], 99, marks=pytest.mark.xfail)]

@pytest.mark.parametrize('xs, want', ROWS)
def test_rows_by_name(xs, want):
    assert mean(xs) == want

def test_fixture(numbers):
    assert solution.mean(numbers) == 2

def test_empty():
    with pytest.raises(ZeroDivisionError):
        mean([])

def test_math_is_math():
    assert math.sqrt(4) == 2.0 and sqrt(4) == 'mine'

class TestMean:
    def setup_method(self, method):
        self.xs = [4, 6]

    def test_method(self):
        assert mean(self.xs) == 5

class TestHooks:
    def setup_method(self):
        self.ran = True

    def test_hook_without_argument(self):
        assert self.ran

import asyncio

async def later(x):
    await asyncio.sleep(0)
    return x

def test_asyncio_runs():
    assert asyncio.run(later(3)) == 3
";
    let unittest = "\
import unittest
from solution import mean

class MeanTest(unittest.TestCase):
    def test_one(self):
        self.assertEqual(mean([7]), 7)

    def test_two(self):
        self.assertAlmostEqual(mean([1, 2]), 1.5)

class Single:
    def test_single(self):
        self.assertEqual(mean([self.a]), self.a)

class TestSingleZero(Single, unittest.TestCase):
    a = 0

class TestSingleTen(Single, unittest.TestCase):
    a = 10
";
    let right = "def mean(xs):\n    return sum(xs) / len(xs)\n\ndef sqrt(x):\n    return 'mine'\n";
    let wrong = "def mean(xs):\n    return sum(xs) / max(len(xs), 2)\n\ndef sqrt(x):\n    return 'mine'\n";
    let statuses = |program: &str, file: &str| -> Vec<String> {
        let tests = kelp::exec::parse_test_file(file, program, None).expect("parses").tests;
        let report = sandbox().run(program, &tests).expect("runs");
        report.tests.iter().map(|t| format!("{} {}", t.name, kind(&t.outcome))).collect()
    };
    let all_pass = statuses(right, pytest);
    // The xfail row of a list the file does not spell out is left out when the test runs.
    assert_eq!(all_pass.len(), 10, "{all_pass:?}");
    assert!(all_pass.iter().all(|s| s.ends_with(" passed")), "{all_pass:?}");
    assert_eq!(
        statuses(wrong, pytest),
        [
            "test_table[0] failed",
            "test_table[1] passed",
            "test_table[2] passed",
            "test_rows_by_name failed",
            "test_fixture passed",
            "test_empty failed",
            "test_math_is_math passed",
            "TestMean.test_method passed",
            "TestHooks.test_hook_without_argument passed",
            "test_asyncio_runs passed",
        ]
    );
    // A mixin's test runs once per class that inherits it, with that class's attributes.
    assert_eq!(
        statuses(right, unittest),
        [
            "MeanTest.test_one passed",
            "MeanTest.test_two passed",
            "TestSingleZero.test_single passed",
            "TestSingleTen.test_single passed"
        ]
    );
    assert_eq!(
        statuses(wrong, unittest),
        [
            "MeanTest.test_one failed",
            "MeanTest.test_two passed",
            "TestSingleZero.test_single passed",
            "TestSingleTen.test_single failed"
        ]
    );
    // A program named after a standard module (a user's statistics.py) is what its tests import, once named.
    let shadow = "from statistics import mean\n\ndef test_mine():\n    assert mean([1, 3]) == 'mine'\n";
    let mine = "def mean(xs):\n    return 'mine'\n";
    assert_eq!(statuses(mine, shadow), ["test_mine failed"], "without a name, statistics is the standard one");
    let mut tests = kelp::exec::parse_test_file(shadow, mine, None).unwrap().tests;
    tests.name_program_module("statistics");
    assert!(sandbox().run(mine, &tests).unwrap().all_passed());
    // The user's own modules travel with the tests: the program and the tests both import them.
    let uses_helper = "from helpers import double\n\ndef quad(x):\n    return double(double(x))\n";
    let helper_tests = kelp::exec::Tests::Asserts(vec!["assert quad(1) == 4".into()]);
    let report = sandbox().run(uses_helper, &helper_tests).unwrap();
    assert!(matches!(&report.tests[0].outcome, Outcome::Error { kind, .. } if kind == "ModuleNotFoundError"));
    let sources = [("helpers".to_string(), "def double(x):\n    return 2 * x\n".to_string())].into_iter().collect();
    assert!(sandbox().run(uses_helper, &helper_tests.with_sources(sources)).unwrap().all_passed());
    // A test file that fails before any test runs fails every test, with its own error.
    let broken = "import solution\nraise RuntimeError('setup')\n\ndef test_a():\n    pass\n\ndef test_b():\n    pass\n";
    assert_eq!(statuses(right, broken), ["test_a RuntimeError", "test_b RuntimeError"]);
}

/// The pool's workers hash strings alike (one `PYTHONHASHSEED`), so a program whose result is a set's order answers
/// the same on every worker and in every run; [`Sandbox::confirm`] runs it under other seeds, where that order
/// differs, so a pass that hung on it is not confirmed. (HumanEvalFix `find_max`: `max(set(words), key=len)` passed
/// its ties by the luck of one order.)
#[test]
fn a_pass_that_hangs_on_a_sets_order_is_not_confirmed() {
    let _turn = turn();
    let program = "def order(words):\n    return list(set(words))\n";
    let words = "['ant', 'bee', 'cat', 'dog', 'eel', 'fox', 'gnu', 'hen', 'ibis', 'jay', 'kiwi', 'lark']";
    // The pool's order, as a failing assertion's message (the cache is off: every run is a worker's).
    let probe = asserts(&[&format!("assert order({words}) is None, repr(order({words}))")]);
    let orders: HashSet<String> = (0..6)
        .map(|_| match &sandbox().run(program, &probe).expect("the sandbox answers").tests[0].outcome {
            Outcome::Failed { message } => message.clone(),
            other => panic!("the probe should fail by its assertion: {other:?}"),
        })
        .collect();
    assert_eq!(orders.len(), 1, "the workers order a set differently: {orders:?}");
    let pool_order = orders.into_iter().next().unwrap_or_default();
    let tests = asserts(&[&format!("assert order({words}) == {pool_order}")]);
    assert!(sandbox().run(program, &tests).expect("the sandbox answers").all_passed());
    let confirmed = sandbox().confirm(program, &tests).expect("the sandbox answers");
    assert!(!confirmed.all_passed(), "the same order under other hash seeds: {confirmed:?}");
    assert_eq!(kind(&confirmed.tests[0].outcome), "failed");
    // A program that does not hang on the order is confirmed.
    let sorted = "def order(words):\n    return sorted(set(words))\n";
    let tests = asserts(&[&format!("assert order({words}) == sorted({words})")]);
    assert!(sandbox().confirm(sorted, &tests).expect("the sandbox answers").all_passed());
    no_strays();
}
