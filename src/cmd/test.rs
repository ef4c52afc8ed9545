//! `kelp test FILE.py --tests TESTS.py`: run one program against its tests in the sandbox and print the report.
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, bail};
use kelp::exec::{
    Outcome, Sandbox, SandboxConfig, TestFile, TestFileError, TestReport, Tests, local_modules, parse_test_file,
};

#[derive(clap::Args)]
pub struct TestArgs {
    /// The program to test (a Python file).
    pub file: PathBuf,
    /// The tests: `assert` lines (one test each), a pytest or unittest file (each `test_*` function or method is a
    /// test), or a file defining `check(candidate)`.
    #[arg(long)]
    pub tests: PathBuf,
    /// The function `check` receives (default: the only function FILE defines).
    #[arg(long)]
    pub entry_point: Option<String>,
    /// Wall-clock limit for the whole run, in seconds.
    #[arg(long, default_value_t = 5.0)]
    pub timeout: f64,
    /// Wall-clock limit of each test, in seconds (default: none but the whole run's): a test past it is reported
    /// as TIMEOUT and the next test runs.
    #[arg(long)]
    pub test_timeout: Option<f64>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: TestArgs) -> anyhow::Result<ExitCode> {
    if !(args.timeout.is_finite() && args.timeout > 0.0) {
        bail!("--timeout must be a positive number of seconds, not {}", args.timeout);
    }
    if let Some(t) = args.test_timeout
        && !(t.is_finite() && t > 0.0)
    {
        bail!("--test-timeout must be a positive number of seconds, not {t}");
    }
    let program = read_source(&args.file)?;
    let tests_source = read_source(&args.tests)?;
    let tests = parse_tests(&tests_source, &program, args.entry_point.as_deref())
        .with_context(|| format!("in {}", args.tests.display()))?;
    let tests = with_user_modules(tests, (&args.file, &program), Some((&args.tests, &tests_source)));
    let sandbox = Sandbox::new(SandboxConfig {
        workers: 1,
        timeout: Duration::from_secs_f64(args.timeout),
        test_timeout: args.test_timeout.map(Duration::from_secs_f64),
        cache_capacity: 0,
        ..SandboxConfig::default()
    })
    .context("could not start the sandbox")?;
    if !sandbox.isolation().complete() {
        for note in &sandbox.isolation().notes {
            eprintln!("kelp: warning: {note}");
        }
    }
    let report = sandbox.run(&program, &tests)?;
    if args.json {
        outln!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&report);
    }
    Ok(if report.all_passed() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// A source file's text, without a leading byte-order mark (`syntax::without_bom`).
pub(crate) fn read_source(path: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(path).with_context(|| format!("could not read {}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "{} is not UTF-8 (invalid byte at offset {}); save it as UTF-8",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(kelp::syntax::without_bom(text))
}

/// CPython's own message for a source that does not compile (`SyntaxError: expected ':' (line 2)`), if CPython
/// can be asked.
pub(crate) fn syntax_error(source: &str) -> Option<String> {
    kelp::exec::validate(&[source]).ok()?.pop()?.error
}

/// The tests of a test file ([`parse_test_file`]); tests it leaves out are named on stderr.
pub(crate) fn parse_tests(source: &str, program: &str, entry_point: Option<&str>) -> anyhow::Result<Tests> {
    parse_test_file(source, program, entry_point).map(kept).map_err(|e| match e {
        TestFileError::NoEntryPoint | TestFileError::SeveralEntryPoints(_) => anyhow::anyhow!("{e} with --entry-point"),
        // tree-sitter's error node can start well before the error: CPython says where it is.
        TestFileError::Syntax { .. } => match syntax_error(source) {
            Some(error) => anyhow::anyhow!("the test file does not parse as Python ({error})"),
            None => e.into(),
        },
        e => e.into(),
    })
}

/// A test file's tests, naming on stderr those it left out.
pub(crate) fn kept(file: TestFile) -> Tests {
    for skipped in &file.skipped {
        eprintln!("kelp: warning: left out the test {skipped}");
    }
    file.tests
}

/// The tests as the sandbox must run them for the program in `program` (its path and source), tested by the file
/// `tests` (if any): its own module named after its file, and the user's modules next to either shipped along.
pub(crate) fn with_user_modules(mut tests: Tests, program: (&Path, &str), tests_file: Option<(&Path, &str)>) -> Tests {
    let stem = program.0.file_stem().and_then(|s| s.to_str());
    if let Some(stem) = stem {
        tests.name_program_module(stem);
    }
    let files = std::iter::once(program).chain(tests_file);
    let dirs: Vec<&Path> = files
        .clone()
        .map(|(p, _)| p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")))
        .collect();
    let sources: Vec<&str> = files.map(|(_, s)| s).collect();
    tests.with_sources(local_modules(&dirs, &sources, stem))
}

fn print_report(report: &TestReport) {
    for test in &report.tests {
        let (label, detail) = match &test.outcome {
            Outcome::Passed => ("pass", String::new()),
            Outcome::Failed { message } if message.is_empty() => ("FAIL", String::new()),
            Outcome::Failed { message } => ("FAIL", format!("AssertionError: {message}")),
            Outcome::Error { kind, message, line, .. } => {
                let at = line.map(|l| format!(" (line {l})")).unwrap_or_default();
                ("ERROR", format!("{kind}: {message}{at}"))
            }
            Outcome::Timeout => ("TIMEOUT", String::new()),
        };
        if detail.is_empty() {
            outln!("{label:<8} {}", test.name);
        } else {
            outln!("{label:<8} {}  -- {detail}", test.name);
        }
    }
    for (name, text) in [("stdout", &report.stdout), ("stderr", &report.stderr)] {
        if !text.is_empty() {
            outln!("--- {name} ---\n{}", text.trim_end());
        }
    }
    if report.output_dropped > 0 {
        outln!("({} characters of output dropped)", report.output_dropped);
    }
    outln!(
        "{} tests: {} passed, {} failed, {} errors, {} timeouts ({:.1} ms)",
        report.tests.len(),
        report.passed,
        report.failed,
        report.errors,
        report.timeouts,
        report.seconds * 1e3
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assert_lines_are_tests() {
        let tests = parse_tests(
            "# toy\nassert add(2, 3) == 5\n\nassert add(0, 7) == 7  # comment\n",
            "def add(a, b):\n    return a + b\n",
            None,
        )
        .unwrap();
        assert_eq!(tests, Tests::Asserts(vec!["assert add(2, 3) == 5".into(), "assert add(0, 7) == 7".into()]));
    }

    #[test]
    fn check_takes_the_single_function() {
        let check = "def check(candidate):\n    assert candidate(1) == 2\n";
        let tests = parse_tests(check, "def double(x):\n    return x * 2\n", None).unwrap();
        // Cut into one test per assert, `candidate` named by the program's only function (`exec::split_check`).
        assert_eq!(tests, Tests::Asserts(vec!["assert double(1) == 2".into()]));
        let two = "def f(x):\n    return x\n\ndef g(x):\n    return x\n";
        let err = parse_tests(check, two, None).unwrap_err().to_string();
        assert!(err.contains("--entry-point"), "{err}");
        assert!(parse_tests(check, two, Some("g")).is_ok());
    }

    #[test]
    fn no_tests_is_an_error() {
        assert!(parse_tests("x = 1\n", "def f(): pass\n", None).is_err());
    }
}
