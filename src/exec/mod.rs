//! The exec stage: the one place where Kelp runs CPython.
//!
//! Today it holds the validity gate, [`validate`]: tree-sitter is error-tolerant and accepts a few programs that
//! CPython rejects (`del 1`, `f(a=1, 2)`, `break` outside a loop), so "valid Python" always means "CPython's
//! `compile` accepts it". Sources are checked in bulk by a single `python3` process, never one process per source.
//!
//! [`Sandbox`] runs untrusted candidates against their [`Tests`]: a pool of pre-warmed CPython workers, a fresh
//! isolated child per run, a [`TestReport`] per program (see the `sandbox` module). [`Sandbox::probe_many`] uses
//! the same workers to call functions on inputs and record what they return (the `probe` module), which is how the
//! corpus stage writes tests for functions that have none.

mod probe;
mod sandbox;
mod test_file;
mod validate;

pub use probe::{Call, CallOutcome, Probe, ProbeConfig, ProbeInputs, ProbeRequest, SelfArg};
pub use sandbox::{Isolation, Outcome, Sandbox, SandboxConfig, SandboxStats, TestCase, TestReport, TestResult, Tests};
pub use test_file::{TestFile, TestFileError, local_modules, parse_test_file, split_check};
pub use validate::{Validity, python_command, validate};

/// Errors from running CPython.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ExecError {
    /// `python3` could not be started.
    #[error(
        "could not start `{command}` (is Python 3 installed and on PATH? set KELP_PYTHON to choose another): {source}"
    )]
    Spawn {
        command: String,
        #[source]
        source: std::io::Error,
    },
    /// Talking to the Python process failed.
    #[error("i/o with the python process failed: {0}")]
    Io(#[from] std::io::Error),
    /// The Python process answered something Kelp does not understand.
    #[error("the python process answered unexpectedly: {0}")]
    Protocol(String),
    /// A sandbox worker did not start (its own error, or silence).
    #[error("a sandbox worker did not start: {0}")]
    WorkerStart(String),
    /// A [`SandboxConfig`] that cannot work, e.g. zero workers.
    #[error("invalid sandbox configuration: {0}")]
    InvalidConfig(String),
}
