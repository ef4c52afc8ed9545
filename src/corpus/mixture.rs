//! Task corpora on disk and the weighted mixture the trainer draws from.
//!
//! `kelp corpus build` writes a corpus directory of JSONL shards, `tasks-00000.jsonl`, …: one [`Task`] per line
//! (its JSON with an added `licence` field, [`Origin::licence`]), plus `summary.json`. [`write_shards`] and
//! [`load_shards`] are the two ends. [`TaskMixture`] splits tasks into [`TaskGroup`]s (synthetic, real with tests,
//! real without tests, toy) and samples a group by weight, then a task uniformly within it, so that the example
//! stream's mix does not depend on how many tasks each source happened to yield.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};

use rand::{Rng, RngExt};
use serde::Serialize;

use super::{CorpusError, Origin, Split, Task};

/// A shard line: the task and the licence of its text.
#[derive(Serialize)]
struct ShardRecord<'a> {
    #[serde(flatten)]
    task: &'a Task,
    licence: &'static str,
}

/// Writes `tasks` as `tasks-00000.jsonl`, … under `dir` (created if missing), `shard_size` tasks per file.
/// Returns the file names.
pub fn write_shards(dir: &Path, tasks: &[Task], shard_size: usize) -> Result<Vec<String>, CorpusError> {
    let write_err = |path: PathBuf| move |source| CorpusError::Read { path, source };
    std::fs::create_dir_all(dir).map_err(write_err(dir.to_path_buf()))?;
    let mut names = Vec::new();
    for (i, chunk) in tasks.chunks(shard_size.max(1)).enumerate() {
        let name = format!("tasks-{i:05}.jsonl");
        let path = dir.join(&name);
        let file = File::create(&path).map_err(write_err(path.clone()))?;
        let mut out = BufWriter::new(file);
        for task in chunk {
            let record = ShardRecord { task, licence: task.origin.licence() };
            let line = serde_json::to_string(&record).expect("a task always serialises");
            writeln!(out, "{line}").map_err(write_err(path.clone()))?;
        }
        out.flush().map_err(write_err(path.clone()))?;
        names.push(name);
    }
    Ok(names)
}

/// Reads every `*.jsonl` shard of a corpus directory (in name order), one [`Task`] per line.
pub fn load_shards(dir: &Path) -> Result<Vec<Task>, CorpusError> {
    if !dir.is_dir() {
        return Err(CorpusError::NotADirectory { path: dir.to_path_buf() });
    }
    let read_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| CorpusError::Read { path, source }
    };
    let mut shards: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(read_err(dir))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .collect();
    shards.sort();
    if shards.is_empty() {
        return Err(CorpusError::Empty(format!(
            "{} holds no .jsonl shards; write one with `kelp corpus build`",
            dir.display()
        )));
    }
    let mut tasks = Vec::new();
    for path in shards {
        let file = File::open(&path).map_err(read_err(&path))?;
        for (i, line) in BufReader::new(file).lines().enumerate() {
            let line = line.map_err(read_err(&path))?;
            if line.trim().is_empty() {
                continue;
            }
            let task: Task = serde_json::from_str(&line).map_err(|e| CorpusError::BadRecord {
                path: path.clone(),
                line: i + 1,
                message: e.to_string(),
            })?;
            tasks.push(task);
        }
    }
    Ok(tasks)
}

/// The groups a mixture weighs against each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskGroup {
    Synthetic,
    /// Harvested (standard library, directories, JSONL) with executable tests.
    RealTested,
    /// Harvested without tests: signature and docstring only.
    RealUntested,
    Toy,
}

impl TaskGroup {
    pub const ALL: [TaskGroup; 4] =
        [TaskGroup::Synthetic, TaskGroup::RealTested, TaskGroup::RealUntested, TaskGroup::Toy];

    pub fn of(task: &Task) -> TaskGroup {
        match task.origin {
            Origin::Synthetic => TaskGroup::Synthetic,
            Origin::Toy => TaskGroup::Toy,
            _ if task.has_tests() => TaskGroup::RealTested,
            _ => TaskGroup::RealUntested,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            TaskGroup::Synthetic => "synthetic",
            TaskGroup::RealTested => "real_tested",
            TaskGroup::RealUntested => "real_untested",
            TaskGroup::Toy => "toy",
        }
    }

    fn slot(self) -> usize {
        self as usize
    }
}

/// Relative weights of the groups; a group without tasks gets no draws and the rest are renormalised.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MixtureWeights {
    pub synthetic: f64,
    pub real_tested: f64,
    pub real_untested: f64,
    pub toy: f64,
}

impl Default for MixtureWeights {
    /// Mostly tasks with tests (the model must learn to read them), some real code without tests for the
    /// variety of real programs, a pinch of the toy set.
    fn default() -> Self {
        MixtureWeights { synthetic: 0.5, real_tested: 0.25, real_untested: 0.2, toy: 0.05 }
    }
}

impl MixtureWeights {
    fn get(&self, group: TaskGroup) -> f64 {
        match group {
            TaskGroup::Synthetic => self.synthetic,
            TaskGroup::RealTested => self.real_tested,
            TaskGroup::RealUntested => self.real_untested,
            TaskGroup::Toy => self.toy,
        }
    }
}

/// Training tasks by group, drawn by weight (see the module doc).
#[derive(Debug, Clone)]
pub struct TaskMixture {
    groups: [Vec<Task>; 4],
    /// Cumulative weights over the groups (0 for empty groups), ending at 1.
    cumulative: [f64; 4],
}

impl TaskMixture {
    /// Groups `tasks` (evaluation-split tasks are dropped: they are never trained on). Fails when no group with a
    /// positive weight has a task, or a weight is negative or not finite.
    pub fn new(tasks: Vec<Task>, weights: MixtureWeights) -> Result<TaskMixture, CorpusError> {
        let mut groups: [Vec<Task>; 4] = Default::default();
        for task in tasks.into_iter().filter(|t| t.split == Split::Train) {
            groups[TaskGroup::of(&task).slot()].push(task);
        }
        let mut raw = [0.0; 4];
        for group in TaskGroup::ALL {
            let w = weights.get(group);
            if !(w.is_finite() && w >= 0.0) {
                return Err(CorpusError::Empty(format!(
                    "the weight of {} must be a non-negative number",
                    group.name()
                )));
            }
            raw[group.slot()] = if groups[group.slot()].is_empty() { 0.0 } else { w };
        }
        let total: f64 = raw.iter().sum();
        if total <= 0.0 {
            let sizes: Vec<String> =
                TaskGroup::ALL.iter().map(|g| format!("{} {}", g.name(), groups[g.slot()].len())).collect();
            return Err(CorpusError::Empty(format!(
                "no group with a positive weight has tasks ({}); give a weight to a group that has some",
                sizes.join(", ")
            )));
        }
        let mut cumulative = [0.0; 4];
        let mut acc = 0.0;
        for (c, w) in cumulative.iter_mut().zip(raw) {
            acc += w / total;
            *c = acc;
        }
        Ok(TaskMixture { groups, cumulative })
    }

    /// Tasks in a group.
    pub fn group(&self, group: TaskGroup) -> &[Task] {
        &self.groups[group.slot()]
    }

    /// The probability of drawing from `group` (after renormalising over non-empty groups).
    pub fn share(&self, group: TaskGroup) -> f64 {
        let i = group.slot();
        self.cumulative[i] - if i == 0 { 0.0 } else { self.cumulative[i - 1] }
    }

    pub fn len(&self) -> usize {
        self.groups.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A group by weight, then a task of it uniformly.
    pub fn sample<R: Rng>(&self, rng: &mut R) -> &Task {
        let u: f64 = rng.random();
        let slot = (0..4).find(|&i| u < self.cumulative[i] && !self.groups[i].is_empty()).unwrap_or_else(|| {
            // Rounding can leave u just above the last cumulative weight: take the last non-empty group.
            (0..4).rev().find(|&i| !self.groups[i].is_empty() && self.share(TaskGroup::ALL[i]) > 0.0).unwrap_or(0)
        });
        let group = &self.groups[slot];
        &group[rng.random_range(0..group.len())]
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    use super::*;
    use crate::corpus::{Tests, toy_tasks};

    fn task(id: &str, origin: Origin, tested: bool) -> Task {
        let mut t = toy_tasks()[0].clone();
        t.id = id.into();
        t.origin = origin;
        t.split = Split::Train;
        t.spec.tests = tested.then(|| Tests::Asserts(vec!["assert add(1, 1) == 2".into()]));
        t
    }

    #[test]
    fn samples_groups_by_weight() {
        let mut tasks = Vec::new();
        for i in 0..100 {
            tasks.push(task(&format!("s{i}"), Origin::Synthetic, true));
        }
        tasks.push(task("real", Origin::Stdlib, true));
        tasks.push(task("bare", Origin::Stdlib, false));
        let mut eval = task("eval", Origin::Toy, true);
        eval.split = Split::Eval;
        tasks.push(eval);
        let weights = MixtureWeights { synthetic: 1.0, real_tested: 1.0, real_untested: 2.0, toy: 5.0 };
        let mixture = TaskMixture::new(tasks, weights).unwrap();
        assert_eq!(mixture.len(), 102, "the evaluation task is dropped");
        assert_eq!(mixture.share(TaskGroup::Toy), 0.0, "an empty group gets nothing");
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        let mut counts = std::collections::HashMap::new();
        for _ in 0..20_000 {
            *counts.entry(TaskGroup::of(mixture.sample(&mut rng))).or_insert(0) += 1;
        }
        let share = |g| counts.get(&g).copied().unwrap_or(0) as f64 / 20_000.0;
        assert!((share(TaskGroup::Synthetic) - 0.25).abs() < 0.02);
        assert!((share(TaskGroup::RealTested) - 0.25).abs() < 0.02);
        assert!((share(TaskGroup::RealUntested) - 0.5).abs() < 0.02);
    }

    #[test]
    fn no_weighted_tasks_is_an_error() {
        let tasks = vec![task("bare", Origin::Stdlib, false)];
        let weights = MixtureWeights { real_untested: 0.0, ..MixtureWeights::default() };
        assert!(matches!(TaskMixture::new(tasks, weights), Err(CorpusError::Empty(_))));
    }

    #[test]
    fn shards_round_trip_with_licences() {
        let dir = std::env::temp_dir().join(format!("kelp-shards-{}", std::process::id()));
        let tasks =
            vec![task("a", Origin::Synthetic, true), task("b", Origin::Stdlib, false), task("c", Origin::Toy, true)];
        let names = write_shards(&dir, &tasks, 2).unwrap();
        assert_eq!(names, ["tasks-00000.jsonl", "tasks-00001.jsonl"]);
        let first = std::fs::read_to_string(dir.join(&names[0])).unwrap();
        assert!(first.contains("\"licence\":\"generated\"") && first.contains("\"licence\":\"PSF-2.0\""), "{first}");
        assert_eq!(load_shards(&dir).unwrap(), tasks);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// Where an example stream draws its tasks: uniformly from a list, or by group weight from a [`TaskMixture`].
#[derive(Debug, Clone, Copy)]
pub enum TaskPool<'a> {
    Uniform(&'a [Task]),
    Mixture(&'a TaskMixture),
}

impl<'a> TaskPool<'a> {
    pub fn is_empty(&self) -> bool {
        match self {
            TaskPool::Uniform(tasks) => tasks.is_empty(),
            TaskPool::Mixture(mixture) => mixture.is_empty(),
        }
    }

    /// One task; `None` only for an empty pool.
    pub fn sample<R: Rng>(&self, rng: &mut R) -> Option<&'a Task> {
        match *self {
            TaskPool::Uniform([]) => None,
            TaskPool::Uniform(tasks) => Some(&tasks[rng.random_range(0..tasks.len())]),
            TaskPool::Mixture(mixture) if mixture.is_empty() => None,
            TaskPool::Mixture(mixture) => Some(mixture.sample(rng)),
        }
    }
}

impl<'a> From<&'a [Task]> for TaskPool<'a> {
    fn from(tasks: &'a [Task]) -> Self {
        TaskPool::Uniform(tasks)
    }
}

impl<'a> From<&'a Vec<Task>> for TaskPool<'a> {
    fn from(tasks: &'a Vec<Task>) -> Self {
        TaskPool::Uniform(tasks)
    }
}

impl<'a> From<&'a TaskMixture> for TaskPool<'a> {
    fn from(mixture: &'a TaskMixture) -> Self {
        TaskPool::Mixture(mixture)
    }
}
