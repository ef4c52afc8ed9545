"""Kelp's sandbox worker: runs untrusted candidate programs against their tests, one fresh forked child per job.

The Rust side (src/exec/sandbox.rs) starts one worker per core as `python3 -s -S -B -c <this source> <config json>`
in an environment of its own making (so not `-I`, whose `-E` would ignore the PYTHONHASHSEED it sets: every worker
hashes strings alike, and a confirmation worker otherwise), as root or as an ordinary user, and talks to it in JSON
lines:

  worker -> rust, once      {"event": "ready", "pid": 12, "base": "/tmp/kelp-worker", "layers": {...}, "notes": [...]}
                            or {"event": "fatal", "message": "..."} and exit. "pid" is the worker proper, as the host
                            sees it: a job is its child, and leads its own process group (setsid), so on a wall
                            clock timeout Rust kills the group of each child of "pid" (/proc/<pid>/task/<pid>/children)
  rust -> worker, per job   {"id": 7, "program": "def add(a, b): ...", "tests": {"asserts": ["assert add(2, 3) == 5"]}}
                            (with "trace": true, each result also lists the program's lines the test executed,
                            "lines": [1, 2]; with "test_seconds": 0.1, that per-test limit replaces the configured one)
                            or ... "tests": {"check": {"source": "def check(candidate): ...", "entry_point": "add"}}
                            or ... "tests": {"suite": {"setup": "<test file less its asserts>", "modules": ["f"],
                            "cases": [{"name": "test_add", "code": "__kelp_case__(test_add, None)"}, ...],
                            "module": "f", "sources": {"helpers": "..."}}} ("module", optional: the program's own
                            name, even if Python has one; "sources", optional: the user's own modules, by name)
                            or {"id": 8, "harness": "<python source>", "payload": {...}}: a trusted script of Kelp's
                            (e.g. python/probe.py) run in the job process, after all of the isolation below, with the
                            names PAYLOAD and emit; what it emits comes back in "harness", in order
  worker -> rust            {"id": 7, "event": "finished", "results": [{"i": 0, "status": "passed"}, ...],
                             "stdout": "...", "stderr": "...", "dropped": 0, "exit": {"code": 0}, "completed": true}

A harness job's reply carries "harness": [obj, ...] (each emit(obj) call) instead of "results".
Per test, a result is {"status": "passed"}, {"status": "failed", "message": ...} (an AssertionError) or
{"status": "error", "kind": "ZeroDivisionError", "message": ..., "line": 3, "entry_line": 7} ("line": the
innermost frame of the program's, where it raised; "entry_line": the outermost, the function the test called; either
absent when no frame was the program's). Tests missing from "results" did not
finish: Rust reports them as timeouts or crashes from "exit".

Isolation, outermost first (each layer says in "layers"/"notes" whether the kernel granted it):
1. Worker, once at start-up: a new network namespace (no interfaces but a down loopback: no network at all); a new
   mount namespace in which every mount is read-only and /tmp, /var/tmp and /dev/shm are fresh root-owned tmpfs
   (size-limited, gone with the worker); a directory that hides the Python installation from other users (pyenv
   under /root) is covered by an empty tmpfs with only the installation mounted back, read-only;
   PR_SET_NO_NEW_PRIVS (no set-uid binary can regain privileges).
   Then a new PID namespace: the process Rust started only waits, and the worker proper runs as PID 1 of the
   namespace, so every process a job leaves behind (even one that left its process group) is its child, and one
   kill(-1) after the job removes them all; when the worker dies, the kernel kills the whole namespace. Without PID
   namespaces the worker is a child subreaper and kills the job's process group only (a weaker fallback: a process
   that calls setsid itself escapes it).
2. Per job, a child forked from this pre-warmed worker: new session (setsid, so the job is one process group, which
   Rust kills on a wall-clock timeout), parent-death signal (it dies with the worker).
3. The job process: stdin/stdout/stderr on /dev/null (Python-level stdout/stderr captured in memory, capped), a
   fresh temporary working directory (also HOME and TMPDIR) removed afterwards, a four-variable environment
   (PATH, HOME, TMPDIR, LANG: nothing of Kelp's own environment), rlimits
   (CPU seconds, address space, processes, file size, open files, no core dumps), and, when the worker is root, a
   switch to an unprivileged user (nobody) before any untrusted code runs: the kernel ignores RLIMIT_NPROC and file
   permissions for root. Last, a Python audit hook refuses sockets, subprocesses, fork, exec, kill of other
   processes and loading native libraries: an extra layer only, since ctypes can call libc directly.
"""
import builtins
import ctypes
import gc
import io
import json
import os
import resource
import signal
import sys
import traceback
from time import perf_counter

CLONE_NEWNS = 0x00020000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000
CLONE_NEWUSER = 0x10000000
MS_RDONLY = 0x1
MS_NOSUID = 0x2
MS_NODEV = 0x4
MS_REMOUNT = 0x20
MS_BIND = 0x1000
MS_MOVE = 0x2000
MS_REC = 0x4000
MS_PRIVATE = 0x40000
PR_SET_NO_NEW_PRIVS = 38
PR_SET_CHILD_SUBREAPER = 36
PR_SET_PDEATHSIG = 1
SYS_MOUNT_SETATTR = 442  # the same number on x86_64 and aarch64
AT_FDCWD = -100
AT_RECURSIVE = 0x8000
MOUNT_ATTR_RDONLY = 0x1

RESULT_FD = 3  # in the job process, results are written here (a memfd the worker reads afterwards)
MESSAGE_LIMIT = 2000  # characters kept of an exception message

# Modules candidates commonly import, loaded once here so that a forked job gets them for free. Not more: a bigger
# worker forks slower (random, decimal, statistics, fractions, enum and dataclasses cost ~0.4 ms per job, measured;
# random also reseeds in every child).
PREWARM = ("math", "re", "collections", "itertools", "functools", "typing", "string", "heapq", "bisect", "operator",
           "copy")

# Audit events the job may not raise. An extra layer: ctypes calls libc without raising events.
BLOCKED_EVENTS = frozenset({
    "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty", "os.kill", "os.killpg",
    "subprocess.Popen", "pty.spawn", "socket.__new__", "socket.bind", "socket.connect", "socket.getaddrinfo",
    "socket.sendto", "ctypes.dlopen", "webbrowser.open", "os.add_dll_directory", "os.startfile",
})

libc = ctypes.CDLL(None, use_errno=True)
libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
libc.unshare.argtypes = [ctypes.c_int]
libc.prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]


def check_call(name, result):
    if result != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, f"{name}: {os.strerror(errno)}")


PROTOCOL_OUT = 1  # where replies go (moved off stdout once the worker is set up)


def send(obj):
    data = (json.dumps(obj) + "\n").encode()
    while data:
        data = data[os.write(PROTOCOL_OUT, data):]


# ---------------------------------------------------------------------------------------------------------------------
# Worker start-up: namespaces, read-only filesystem, private temporary directories.

def isolate(cfg):
    layers = {"network": False, "filesystem": False, "pid": False, "user": False, "no_new_privs": False}
    notes = []
    root = os.geteuid() == 0
    os.chdir("/")
    if cfg["isolate"]:
        flags = CLONE_NEWNET if root else CLONE_NEWUSER | CLONE_NEWNET
        try:
            check_call("unshare(CLONE_NEWNET)", libc.unshare(flags))
            layers["network"] = True
        except OSError as e:
            notes.append(f"no network namespace ({e}): sockets are refused by the audit hook only")
        if root:
            try:
                private_filesystem(cfg["tmp_bytes"], notes)
                layers["filesystem"] = True
            except OSError as e:
                notes.append(f"no mount namespace ({e}): files are protected by the user switch only")
        else:
            notes.append("not root: no mount namespace; files are protected by the user's own permissions")
        try:
            become_pid_one()
            layers["pid"] = True
        except OSError as e:
            notes.append(f"no PID namespace ({e}): a job's leftover processes are killed by process group only")
    else:
        notes.append("namespaces disabled by configuration")
    if not layers["pid"]:
        # Orphans of a job are re-parented to the worker, which reaps them (they count against RLIMIT_NPROC).
        libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    try:
        check_call("prctl(PR_SET_NO_NEW_PRIVS)", libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
        layers["no_new_privs"] = True
    except OSError as e:
        notes.append(str(e))
    if root:
        layers["user"] = True
    else:
        notes.append("not root: jobs run as the calling user (rlimits apply; no switch to an unprivileged user)")
    return layers, notes


def private_filesystem(tmp_bytes, notes):
    check_call("unshare(CLONE_NEWNS)", libc.unshare(CLONE_NEWNS))
    check_call("mount(MS_PRIVATE)", libc.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None))
    attr = (ctypes.c_uint64 * 4)(MOUNT_ATTR_RDONLY, 0, 0, 0)
    done = libc.syscall(ctypes.c_long(SYS_MOUNT_SETATTR), ctypes.c_int(AT_FDCWD), ctypes.c_char_p(b"/"),
                        ctypes.c_uint(AT_RECURSIVE), ctypes.byref(attr), ctypes.c_size_t(ctypes.sizeof(attr)))
    if done != 0:
        # Before Linux 5.12: only the root mount itself becomes read-only.
        errno = ctypes.get_errno()
        notes.append(f"mount_setattr: {os.strerror(errno)}; only / itself is read-only")
        check_call("remount / read-only",
                   libc.mount(None, b"/", None, MS_REMOUNT | MS_BIND | MS_RDONLY, None))
    options = f"size={tmp_bytes},mode=0755".encode()
    for path in ("/tmp", "/var/tmp", "/dev/shm"):
        if os.path.isdir(path):
            check_call(f"mount tmpfs on {path}",
                       libc.mount(b"tmpfs", path.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, options))
    expose_python(notes)


def expose_python(notes):
    """Makes the Python installation readable by the job user when a private directory (/root) hides it."""
    prefix = os.path.realpath(sys.base_prefix)
    hidden, path = None, "/"
    for part in prefix.strip("/").split("/"):
        path = os.path.join(path, part)
        if not os.stat(path).st_mode & 0o001:
            hidden = path
            break
    if hidden is None:
        return
    stage = "/tmp/.kelp-python"
    os.mkdir(stage, 0o755)
    check_call("bind the python installation", libc.mount(prefix.encode(), stage.encode(), None, MS_BIND | MS_REC, None))
    check_call(f"mount tmpfs on {hidden}",
               libc.mount(b"tmpfs", hidden.encode(), b"tmpfs", MS_NOSUID | MS_NODEV, b"size=1m,mode=0755"))
    os.makedirs(prefix, 0o755)
    check_call("move the python installation", libc.mount(stage.encode(), prefix.encode(), None, MS_MOVE, None))
    os.rmdir(stage)
    check_call(f"remount {hidden} read-only",
               libc.mount(None, hidden.encode(), None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, None))
    notes.append(f"{hidden} is hidden from jobs; only {prefix} is visible in it, read-only")


def become_pid_one():
    """Moves the worker into a new PID namespace as its PID 1; the calling process stays behind and only waits."""
    check_call("unshare(CLONE_NEWPID)", libc.unshare(CLONE_NEWPID))
    pid = os.fork()
    if pid != 0:
        # The process Rust started: wait for the worker and exit as it did. If Rust kills this process, the
        # worker gets SIGKILL (PR_SET_PDEATHSIG) and the kernel kills everything in the namespace.
        code = 1
        try:
            _, status = os.waitpid(pid, 0)
            code = os.waitstatus_to_exitcode(status) & 0xFF
        finally:
            os._exit(code)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


# ---------------------------------------------------------------------------------------------------------------------
# One job.

class Worker:
    def __init__(self, cfg, layers):
        self.cfg = cfg
        self.layers = layers
        self.drop = layers["user"]
        if layers["filesystem"]:
            self.base = "/tmp/kelp-worker"
            os.mkdir(self.base, 0o711)
        else:
            import tempfile
            self.base = tempfile.mkdtemp(prefix="kelp-sandbox-")
            os.chmod(self.base, 0o711)
        # One job at a time: every job gets a fresh directory at the same path, so the environment below is set
        # once, here, and a forked job inherits it without a single putenv.
        self.jobdir = f"{self.base}/job"
        self.codes = {}
        os.environ.clear()
        os.environ.update(PATH="/usr/local/bin:/usr/bin:/bin", HOME=self.jobdir, TMPDIR=self.jobdir, LANG="C.UTF-8")
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write fails with EFBIG instead
        # The protocol moves to other descriptors; 0, 1 and 2 become /dev/null, which jobs inherit.
        global PROTOCOL_OUT
        self.jobs = os.fdopen(os.dup(0), "rb")
        PROTOCOL_OUT = os.dup(1)
        devnull = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
        os.close(devnull)

    def run(self, job):
        jid = int(job["id"])
        jobdir = self.jobdir
        try:
            os.mkdir(jobdir, 0o700)
        except FileExistsError:  # the last job's directory could not be removed: try once more
            remove_tree(jobdir)
            os.mkdir(jobdir, 0o700)
        if self.drop:
            os.chown(jobdir, self.cfg["uid"], self.cfg["gid"])
        if "harness" in job:
            codes = [self.compiled(job["harness"], "<harness>")]
        elif "asserts" in job["tests"]:
            codes = [self.compiled(line, f"<test {i + 1}>") for i, line in enumerate(job["tests"]["asserts"])]
        elif "suite" in job["tests"]:
            suite = job["tests"]["suite"]
            codes = [self.compiled(suite["setup"], "<tests>")]
            codes += [self.compiled(case["code"], f"<test {case['name']}>") for case in suite["cases"]]
        else:
            codes = [self.compiled(job["tests"]["check"]["source"], "<check>")]
        memfd = os.memfd_create("kelp-job")
        try:
            pid = os.fork()
            if pid == 0:
                self.job(job, codes, jobdir, memfd)  # never returns
            _, status = os.waitpid(pid, 0)
            self.clean_up(pid)
            data = os.pread(memfd, 16 * self.cfg["output_limit"] + (1 << 20), 0)
        finally:
            os.close(memfd)
            remove_tree(jobdir)
        reply = parse_results(data)
        reply.update(id=jid, event="finished", exit=describe_status(status))
        return reply

    def compiled(self, source, name):
        """Tests repeat across the candidates of one task: compile each once, here, before forking."""
        key = (source, name)
        code = self.codes.get(key)
        if code is None:
            try:
                code = compile(source, name, "exec")
            except BaseException:
                return None  # the job compiles it again and reports the error
            if len(self.codes) >= 4096:
                self.codes.clear()
            self.codes[key] = code
        return code

    def clean_up(self, pgid):
        """Kills whatever the job left behind and reaps it."""
        try:
            os.killpg(pgid, signal.SIGKILL)
        except OSError:
            pass
        if self.layers["pid"] and os.getpid() == 1:
            # We are PID 1 of our own namespace: every leftover process is our descendant, and kill(-1) reaches
            # exactly the processes of this namespace (never the host's).
            try:
                if os.waitpid(-1, os.WNOHANG)[0] == 0:
                    os.kill(-1, signal.SIGKILL)
                while True:
                    os.waitpid(-1, 0)
            except ChildProcessError:
                pass
        else:
            while True:  # reap re-parented orphans
                try:
                    pid, _ = os.waitpid(-1, os.WNOHANG)
                except ChildProcessError:
                    break
                if pid == 0:
                    break

    def job(self, job, codes, jobdir, memfd):
        """The job process: confine, drop privileges, then run the untrusted program and its tests."""
        completed = False
        try:
            os.setsid()
            cfg = self.cfg
            os.dup2(memfd, RESULT_FD)
            os.closerange(RESULT_FD + 1, 1 << 16)
            os.chdir(jobdir)
            cpu = cfg["cpu_seconds"]
            limits = [(resource.RLIMIT_CPU, (cpu, cpu + 1)), (resource.RLIMIT_AS, cfg["memory_bytes"]),
                      (resource.RLIMIT_FSIZE, cfg["max_file_bytes"]), (resource.RLIMIT_NOFILE, cfg["max_open_files"]),
                      (resource.RLIMIT_NPROC, cfg["max_processes"]), (resource.RLIMIT_CORE, 0)]
            for which, value in limits:
                resource.setrlimit(which, value if isinstance(value, tuple) else (value, value))
            if self.drop:
                os.setgroups([])
                os.setresgid(cfg["gid"], cfg["gid"], cfg["gid"])
                os.setresuid(cfg["uid"], cfg["uid"], cfg["uid"])
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)  # after setresuid, which clears it
            os.umask(0o077)
            out, err = Capped(cfg["output_limit"]), Capped(cfg["output_limit"])
            sys.stdout, sys.stderr = out, err
            sys.addaudithook(audit)
            if "harness" in job:
                run_harness(job, codes[0], out, err)
            else:
                run_tests(job, codes, out, err, float(cfg.get("test_seconds") or 0.0))
            completed = True
        except BaseException:
            pass
        finally:
            os._exit(0 if completed else 1)


def remove_tree(path):
    try:
        os.rmdir(path)
    except OSError:
        import shutil
        shutil.rmtree(path, ignore_errors=True)


def describe_status(status):
    if os.WIFSIGNALED(status):
        return {"signal": os.WTERMSIG(status)}
    return {"code": os.waitstatus_to_exitcode(status)}


def parse_results(data):
    results, seen, harness = [], set(), []
    reply = {"stdout": "", "stderr": "", "dropped": 0, "completed": False}
    for line in data.decode("utf-8", "replace").splitlines():
        try:
            item = json.loads(line)
        except ValueError:
            continue
        if not isinstance(item, dict):
            continue
        if "h" in item:
            harness.append(item["h"])
        elif "i" in item and "status" in item:
            if item["i"] not in seen:
                seen.add(item["i"])
                results.append(item)
        elif item.get("end"):
            reply.update(stdout=str(item.get("stdout", "")), stderr=str(item.get("stderr", "")),
                         dropped=int(item.get("dropped", 0)), completed=True)
    reply["results"] = results
    reply["harness"] = harness
    return reply


# ---------------------------------------------------------------------------------------------------------------------
# Inside the job process: everything below runs next to untrusted code.

def audit(event, args):
    if event in BLOCKED_EVENTS:
        if event == "os.kill" and args and args[0] == os.getpid():
            return
        # A Unix socket that can neither bind nor connect (both refused here) is a pipe: asyncio's event loop
        # makes such a pair, so `asyncio.run` works.
        if event == "socket.__new__" and len(args) > 1 and args[1] == socket_family_unix():
            return
        raise PermissionError(f"the kelp sandbox does not allow {event}")


def socket_family_unix():
    return 1  # AF_UNIX on Linux


class Capped(io.TextIOBase):
    """A text stream that keeps the first `limit` characters written to it and counts the rest."""

    def __init__(self, limit):
        self.parts, self.size, self.limit, self.dropped = [], 0, limit, 0

    def writable(self):
        return True

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        room = self.limit - self.size
        if room > 0:
            piece = s[:room]
            self.parts.append(piece)
            self.size += len(piece)
        self.dropped += max(0, len(s) - max(room, 0))
        return len(s)

    def getvalue(self):
        return "".join(self.parts)


def emit(obj):
    data = (json.dumps(obj) + "\n").encode()
    while data:
        data = data[os.write(RESULT_FD, data):]


def text(e):
    try:
        s = str(e)
    except BaseException:
        s = "<unprintable>"
    return s if len(s) <= MESSAGE_LIMIT else s[:MESSAGE_LIMIT] + "..."


def describe(e):
    out = {"status": "error", "kind": type(e).__name__, "message": text(e)}
    line = entry = None
    if isinstance(e, SyntaxError) and e.filename == "<candidate>":
        line = e.lineno
    else:
        # The innermost frame of the program raised; the outermost is the function the test called.
        for frame, lineno in traceback.walk_tb(e.__traceback__):
            if frame.f_code.co_filename == "<candidate>":
                line = lineno
                entry = lineno if entry is None else entry
    if line is not None:
        out["line"] = line
    if entry is not None:
        out["entry_line"] = entry
    return out


class TestTimeout(BaseException):
    """Raised (by SIGALRM) in a test that ran past the per-test limit; a BaseException, so `except Exception` in the
    program does not swallow it."""


def attempt(thunk):
    try:
        thunk()
        return {"status": "passed"}
    except AssertionError as e:
        return {"status": "failed", "message": text(e)}
    except TestTimeout:
        return {"status": "timeout"}
    except BaseException as e:
        return describe(e)


def test_runner(job, limit):
    """How each test runs: traced or not, and under the per-test wall-clock limit (`test_seconds`, none when 0).

    Without it one test that loops forever costs the whole job's timeout and the tests after it report nothing. A
    program that hung once is likely to hang again, so after a job's first timeout the other tests get a tenth of
    the limit each: a hanging candidate costs about one limit, not one per test. Tracing slows a test several times,
    so a traced test gets three limits. A job's own "test_seconds" is its limit as given, traced or not (the search
    that sets it measured its tests as it runs them)."""
    trace = bool(job.get("trace"))
    # After a timeout: a tenth of the limit, but not below a floor (lower under a search's own limit, short by design).
    floor = 0.05
    if job.get("test_seconds"):
        limit, floor = float(job["test_seconds"]), 0.01
    elif limit and trace:
        limit *= 3
    state = {"seconds": limit or 0.0}

    def on_alarm(signum, frame):
        raise TestTimeout()

    def run(thunk):
        seconds = state["seconds"]
        body = thunk
        if seconds > 0:
            def body():
                signal.signal(signal.SIGALRM, on_alarm)
                signal.setitimer(signal.ITIMER_REAL, seconds)
                try:
                    thunk()
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
        started = perf_counter()
        result, lines = traced(body) if trace else (attempt(body), None)
        if result["status"] == "timeout":
            state["seconds"] = max(seconds / 10, floor)
        else:
            result = dict(result, seconds=perf_counter() - started)
        return result, lines

    return run


def traced(thunk):
    """`attempt(thunk)`, plus the lines of the program it executed (sorted): a function's `def` line counts when it
    is called, so an edit of the header is located too. For fault localisation: the search ranks edits of lines
    that failing tests run, and passing tests do not, first."""
    lines = set()

    def local(frame, event, arg):
        if event == "line":
            lines.add(frame.f_lineno)
        return local

    def calls(frame, event, arg):
        if frame.f_code.co_filename != "<candidate>":
            return None
        lines.add(frame.f_code.co_firstlineno)
        return local

    sys.settrace(calls)
    try:
        result = attempt(thunk)
    finally:
        sys.settrace(None)
    # The program can reach `lines` (through sys.gettrace()): keep only what a line number can be.
    return result, sorted(n for n in list(lines) if type(n) is int and 0 < n < 1 << 31)


def run_tests(job, codes, out, err, test_seconds):
    tests = job["tests"]
    names = {"__name__": "__candidate__", "__builtins__": builtins}
    if "suite" in tests:  # the program is a module the test file imports: give it a module's namespace
        serve_sources(tests["suite"].get("sources") or {})
        names = program_module(tests["suite"]["modules"], tests["suite"].get("module")).__dict__
        names["__builtins__"] = builtins
    count = len(tests["asserts"]) if "asserts" in tests else len(tests["suite"]["cases"]) if "suite" in tests else 1
    # Whatever the tests' shape (a HumanEval-style check may use pytest.raises too).
    sys.modules["pytest"] = pytest_stand_in()
    run = test_runner(job, test_seconds)
    loaded = attempt(lambda: exec(compile(job["program"], "<candidate>", "exec"), names))
    if loaded["status"] != "passed":
        if loaded["status"] == "failed":  # an assert at the program's top level
            loaded = {"status": "error", "kind": "AssertionError", "message": loaded["message"]}
        for i in range(count):
            emit(dict(loaded, i=i))
    elif "suite" in tests:
        run_suite(tests["suite"], codes, names, run)
    elif "asserts" in tests:
        for i, line in enumerate(tests["asserts"]):
            # Each test runs in a copy of the program's globals: what it assigns (a check's local `str = …`, lifted
            # to a test of its own) must not become a global the program reads, as it would not in the original.
            # A test the worker could not compile is compiled here again, to report its SyntaxError.
            result, lines = run(lambda: exec(codes[i] or compile(line, f"<test {i + 1}>", "exec"), dict(names)))
            emit(dict(result, i=i) if lines is None else dict(result, i=i, lines=lines))
    else:
        check = tests["check"]

        def call():
            exec(codes[0] or compile(check["source"], "<check>", "exec"), names)
            entry = check["entry_point"]
            if entry not in names:
                raise NameError(f"name '{entry}' is not defined")
            names["check"](names[entry])

        result, lines = run(call)
        emit(dict(result, i=0) if lines is None else dict(result, i=0, lines=lines))
    emit({"end": True, "stdout": out.getvalue(), "stderr": err.getvalue(), "dropped": out.dropped + err.dropped})


# ---------------------------------------------------------------------------------------------------------------------
# Test files of pytest and unittest style ({"suite": ...}, built by src/exec/test_file.rs).
#
# The program becomes a module under every name the test file imports that Python cannot find (`from solution
# import f` or `import solution`); the file less its top-level asserts (`setup`) runs once in a namespace of its own,
# a copy of the program's; then each case is one statement, one test: a top-level assert, or a call of
# __kelp_case__ (a test function, one parameter set of it) or __kelp_method__ (a test method of a class). pytest is
# never imported (the worker runs without site-packages, and a real pytest session per candidate would cost far
# more than the candidate): `import pytest` gets the small stand-in below, which covers raises, approx,
# mark.parametrize/skip/skipif/xfail, param, fixture (function-scoped, generator fixtures included), fail and skip.

def serve_sources(sources):
    """Makes the user's own modules (name -> source, shipped with the job) importable, before anything else."""
    if not sources:
        return
    import importlib.util

    class Local:
        @staticmethod
        def find_spec(name, path=None, target=None):
            return importlib.util.spec_from_loader(name, Local) if name in sources else None

        @staticmethod
        def create_module(spec):
            return None

        @staticmethod
        def exec_module(module):
            exec(compile(sources[module.__name__], f"{module.__name__}.py", "exec"), module.__dict__)

    sys.meta_path.insert(0, Local)


def program_module(module_names, own):
    import importlib.util
    import types
    module = types.ModuleType(own or (module_names[0] if module_names else "__candidate__"))
    for name in module_names:
        try:
            found = name != own and importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:  # a module Python cannot find: the tests mean the program
            sys.modules[name] = module
            parent, _, child = name.rpartition(".")
            if parent and parent not in sys.modules:
                sys.modules[parent] = types.ModuleType(parent)
            if parent:
                setattr(sys.modules[parent], child, module)
    return module


class Skipped(Exception):
    """pytest.skip() inside a test: the test counts as passed (it asserts nothing that could fail)."""


class MarkDecorator:
    def __init__(self, name, args=(), kwargs=None):
        self.name, self.args, self.kwargs = name, args, kwargs or {}

    def __call__(self, *args, **kwargs):
        bare = not self.args and not self.kwargs and self.name != "parametrize"
        if (bare and len(args) == 1 and not kwargs and callable(args[0])) or self.args or self.kwargs:
            return self.apply(args[0])  # `@mark.slow`, or a mark already given its arguments: this is the test
        return MarkDecorator(self.name, args, kwargs)

    def skips(self):
        """skip, xfail (an expected failure says nothing about the program) and a true skipif."""
        return self.name in ("skip", "xfail") or (self.name == "skipif" and (self.args[:1] or [self.kwargs.get("condition")])[0])

    def apply(self, target):
        if self.skips():
            target.__kelp_skip__ = True
        elif self.name == "parametrize":
            names = self.args[0] if self.args else self.kwargs["argnames"]
            values = list(self.args[1] if len(self.args) > 1 else self.kwargs["argvalues"])
            if isinstance(names, str):
                names = [n.strip() for n in names.split(",") if n.strip()]
            names = list(names)
            rows = []
            for value in values:
                if isinstance(value, Param) and value.skips():
                    rows.append(None)  # a row its marks leave out
                    continue
                value = value.values if isinstance(value, Param) else value
                rows.append((value,) if len(names) == 1 else tuple(value))
            target.__kelp_params__ = [(names, rows)] + list(getattr(target, "__kelp_params__", []))
        return target


class Mark:
    def __getattr__(self, name):
        return MarkDecorator(name)


class Param:
    def __init__(self, *values, marks=(), **kwargs):
        self.values = values[0] if len(values) == 1 else values
        self.marks = marks if isinstance(marks, (list, tuple)) else [marks]

    def skips(self):
        return any(isinstance(m, MarkDecorator) and m.skips() for m in self.marks)


class ExceptionInfo:
    def __init__(self):
        self.value = self.type = self.tb = None

    def match(self, pattern):
        import re
        assert re.search(pattern, str(self.value)), f"pattern {pattern!r} does not match {str(self.value)!r}"
        return True


class Raises:
    def __init__(self, expected, match):
        self.expected, self.pattern, self.info = expected, match, ExceptionInfo()

    def __enter__(self):
        return self.info

    def __exit__(self, kind, value, tb):
        if kind is None:
            raise AssertionError(f"DID NOT RAISE {self.expected}")
        if not issubclass(kind, self.expected):
            return False
        self.info.value, self.info.type, self.info.tb = value, kind, tb
        if self.pattern is not None:
            self.info.match(self.pattern)
        return True


class Approx:
    def __init__(self, expected, rel=None, abs=None):
        self.expected, self.rel, self.abs = expected, rel, abs

    def close(self, expected, actual):
        if isinstance(expected, (list, tuple)):
            return isinstance(actual, (list, tuple)) and len(actual) == len(expected) and all(
                self.close(e, a) for e, a in zip(expected, actual))
        if isinstance(expected, dict):
            return isinstance(actual, dict) and actual.keys() == expected.keys() and all(
                self.close(expected[k], actual[k]) for k in expected)
        try:
            if expected == actual:
                return True
            tolerance = max(1e-6 * builtins.abs(expected) if self.rel is None else self.rel * builtins.abs(expected),
                            1e-12 if self.abs is None else self.abs)
            return builtins.abs(expected - actual) <= tolerance
        except TypeError:
            return False

    def __eq__(self, actual):
        return self.close(self.expected, actual)

    def __repr__(self):
        return f"approx({self.expected!r})"


def pytest_stand_in():
    import types
    pytest = types.ModuleType("pytest")
    fixtures = {}

    def raises(expected, *args, match=None, **kwargs):
        if args:  # pytest.raises(E, f, *args): the old call form
            with Raises(expected, match) as info:
                args[0](*args[1:], **kwargs)
            return info
        return Raises(expected, match)

    def fixture(function=None, *, name=None, **_):
        def register(f):
            fixtures[name or f.__name__] = f
            return f
        return register(function) if callable(function) else register

    def fail(reason="", pytrace=True):
        raise AssertionError(reason)

    def skip(reason="", **_):
        raise Skipped(reason)

    pytest.raises, pytest.approx, pytest.fixture, pytest.fail, pytest.skip = raises, Approx, fixture, fail, skip
    pytest.mark, pytest.param, pytest.__kelp_fixtures__ = Mark(), Param, fixtures
    return pytest


def call_test(function, index):
    """Calls a test function with its parameter set `index` (all of them in turn for None) and its fixtures."""
    import inspect
    if getattr(function, "__kelp_skip__", False):
        return
    combos = [{}]
    for names, rows in getattr(function, "__kelp_params__", []):
        combos = [dict(combo, **(dict(zip(names, row)) if row is not None else {"__kelp_skip__": True}))
                  for combo in combos for row in rows]
    fixtures = sys.modules["pytest"].__kelp_fixtures__
    for combo in combos if index is None else [combos[index]]:
        if combo.get("__kelp_skip__"):
            continue
        made, finish = {}, []

        def value(name, params):
            if name in params:
                return params[name]
            if name not in made:
                if name not in fixtures:
                    raise LookupError(f"fixture '{name}' not found (kelp provides the fixtures the test file defines)")
                f = fixtures[name]
                result = f(**{p: value(p, {}) for p in inspect.signature(f).parameters})
                if inspect.isgenerator(result):
                    finish.append(result)
                    result = next(result)
                made[name] = result
            return made[name]

        try:
            arguments = {}
            for name, p in inspect.signature(function).parameters.items():
                if name in combo or p.default is inspect.Parameter.empty:
                    arguments[name] = value(name, combo)
            function(**arguments)
        except Skipped:
            pass
        finally:
            for generator in reversed(finish):
                next(generator, None)


def call_method(cls, name, index):
    """A test method: unittest's (setUpClass once, then setUp, the test, tearDown) or a pytest class's."""
    import unittest
    if issubclass(cls, unittest.TestCase):
        if cls not in CLASSES_SET_UP:
            CLASSES_SET_UP.add(cls)
            cls.setUpClass()
        try:
            cls(name).debug()
        except unittest.SkipTest:
            pass
        return
    import inspect
    instance = cls()
    method = getattr(instance, name)

    def hook(name):  # pytest passes the test method when the hook takes an argument
        f = getattr(instance, name, None)
        if f is not None:
            f(method) if inspect.signature(f).parameters else f()

    hook("setup_method")
    try:
        call_test(method, index)
    finally:
        hook("teardown_method")


CLASSES_SET_UP = set()


def run_suite(suite, codes, program, run):
    names = dict(program, __name__="__kelp_tests__", __kelp_case__=call_test, __kelp_method__=call_method)
    setup = attempt(lambda: exec(codes[0] or compile(suite["setup"], "<tests>", "exec"), names))
    for i, case in enumerate(suite["cases"]):
        if setup["status"] != "passed":  # the test file itself failed (an import, a helper): no test can run
            emit(dict(setup, status="error", kind=setup.get("kind", "AssertionError"), i=i))
            continue
        code = codes[i + 1]
        result, lines = run(lambda: exec(code or compile(case["code"], f"<test {case['name']}>", "exec"), names))
        emit(dict(result, i=i) if lines is None else dict(result, i=i, lines=lines))


def run_harness(job, code, out, err):
    """Runs one of Kelp's own scripts on untrusted programs: it gets the job's payload and an emit function."""
    names = {"__name__": "__harness__", "__builtins__": builtins, "PAYLOAD": job.get("payload"),
             "emit": lambda obj: emit({"h": obj})}
    try:
        exec(code or compile(job["harness"], "<harness>", "exec"), names)
    except BaseException as e:
        emit({"h": {"fatal": f"{type(e).__name__}: {text(e)}"}})
    emit({"end": True, "stdout": out.getvalue(), "stderr": err.getvalue(), "dropped": out.dropped + err.dropped})


# ---------------------------------------------------------------------------------------------------------------------

def main():
    # What `-I` would drop: the working directory at the head of the import path.
    if sys.path and sys.path[0] == "":
        del sys.path[0]
    try:
        cfg = json.loads(sys.argv[1])
        layers, notes = isolate(cfg)
        worker = Worker(cfg, layers)
        for name in PREWARM:
            try:
                __import__(name)
            except ImportError:
                pass
        gc.collect()
        gc.freeze()  # fewer copy-on-write page faults in forked jobs
    except BaseException as e:
        send({"event": "fatal", "message": "".join(traceback.format_exception_only(type(e), e)).strip()})
        return
    send({"event": "ready", "pid": int(os.readlink("/proc/self")), "base": worker.base, "layers": layers, "notes": notes})
    try:
        for raw in worker.jobs:
            if raw.strip():
                send(worker.run(json.loads(raw)))
    finally:
        if not layers["filesystem"]:
            remove_tree(worker.base)


if __name__ == "__main__":
    main()
