//! Bulk CPython validity check: one `python3` process reads many sources as JSON lines.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use serde::Deserialize;

use super::ExecError;

const VALIDATE_PY: &str = include_str!("../../python/validate.py");

/// CPython's verdict on one source.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Validity {
    /// `compile(source, …, "exec")` succeeded.
    pub ok: bool,
    /// The error CPython raised, e.g. `SyntaxError: invalid syntax (line 3)`.
    #[serde(default)]
    pub error: Option<String>,
}

/// The Python interpreter Kelp runs: `$KELP_PYTHON`, else `python3`.
pub fn python_command() -> String {
    std::env::var("KELP_PYTHON").unwrap_or_else(|_| "python3".to_string())
}

/// Asks CPython whether each source compiles, with a single `python3` process for the whole batch.
///
/// Returns one [`Validity`] per source, in order.
pub fn validate<S: AsRef<str>>(sources: &[S]) -> Result<Vec<Validity>, ExecError> {
    if sources.is_empty() {
        return Ok(Vec::new());
    }
    let command = python_command();
    let mut child = Command::new(&command)
        .args(["-I", "-S", "-c", VALIDATE_PY])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|source| ExecError::Spawn { command: command.clone(), source })?;
    let mut stdin = child.stdin.take().ok_or_else(|| ExecError::Protocol("no stdin".into()))?;
    let stdout = child.stdout.take().ok_or_else(|| ExecError::Protocol("no stdout".into()))?;
    // Write from a second thread: with many sources both pipes fill up, and one thread writing everything before
    // reading anything would deadlock.
    let payload: Vec<String> =
        sources.iter().map(|s| serde_json::to_string(s.as_ref()).expect("a string always serialises")).collect();
    let writer = std::thread::spawn(move || -> std::io::Result<()> {
        for line in payload {
            stdin.write_all(line.as_bytes())?;
            stdin.write_all(b"\n")?;
        }
        Ok(())
    });
    let mut verdicts = Vec::with_capacity(sources.len());
    for line in BufReader::new(stdout).lines() {
        let line = line?;
        let verdict: Validity = serde_json::from_str(&line).map_err(|e| ExecError::Protocol(format!("{e}: {line}")))?;
        verdicts.push(verdict);
    }
    writer.join().map_err(|_| ExecError::Protocol("writer thread panicked".into()))??;
    child.wait()?;
    if verdicts.len() != sources.len() {
        return Err(ExecError::Protocol(format!(
            "asked about {} sources, got {} answers",
            sources.len(),
            verdicts.len()
        )));
    }
    Ok(verdicts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpython_rejects_what_tree_sitter_tolerates() {
        let sources = ["def f(a):\n    return a + 1\n", "del 1\n", "f(a=1, 2)\n", "def g():\n    break\n", "def h(:\n"];
        let verdicts = validate(&sources).unwrap();
        let ok: Vec<bool> = verdicts.iter().map(|v| v.ok).collect();
        assert_eq!(ok, [true, false, false, false, false]);
        assert!(verdicts[4].error.as_deref().unwrap().starts_with("SyntaxError"));
    }

    #[test]
    fn many_sources_one_process_no_deadlock() {
        let sources: Vec<String> = (0..5000).map(|i| format!("x{i} = {i}\n")).collect();
        let verdicts = validate(&sources).unwrap();
        assert!(verdicts.iter().all(|v| v.ok));
    }
}
