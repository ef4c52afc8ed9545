//! Corpus statistics: counts by origin, size histogram, node-kind frequencies, tests per task.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use super::Task;
use crate::syntax;

/// Line-count buckets of the size histogram (upper bounds, inclusive).
const LINE_BUCKETS: &[usize] = &[5, 10, 20, 40, 80];

/// Summary of a set of tasks.
#[derive(Debug, Clone, Serialize, Default)]
pub struct CorpusStats {
    pub tasks: usize,
    pub by_origin: BTreeMap<String, usize>,
    /// Tasks with at least one executable test, by origin.
    pub tested_by_origin: BTreeMap<String, usize>,
    /// `"≤5 lines"` → count, in bucket order.
    pub lines_histogram: Vec<(String, usize)>,
    pub mean_leaves: f64,
    /// Named node kinds by frequency, most frequent first.
    pub node_kinds: Vec<(String, usize)>,
    /// Number of tests → number of tasks with that many.
    pub tests_per_task: BTreeMap<usize, usize>,
}

impl CorpusStats {
    pub fn of(tasks: &[Task]) -> CorpusStats {
        let mut by_origin = BTreeMap::new();
        let mut tested_by_origin = BTreeMap::new();
        let mut buckets = vec![0usize; LINE_BUCKETS.len() + 1];
        let mut kinds: BTreeMap<&'static str, usize> = BTreeMap::new();
        let mut tests_per_task = BTreeMap::new();
        let mut leaves = 0u64;
        for task in tasks {
            *by_origin.entry(task.origin.name().to_string()).or_insert(0) += 1;
            let tested = tested_by_origin.entry(task.origin.name().to_string()).or_insert(0);
            if task.has_tests() {
                *tested += 1;
            }
            let lines = task.source.lines().count();
            let bucket = LINE_BUCKETS.iter().position(|&b| lines <= b).unwrap_or(LINE_BUCKETS.len());
            buckets[bucket] += 1;
            let tree = syntax::parse(task.source.as_str());
            leaves += u64::from(tree.node(0).leaves);
            for node in tree.nodes().iter().filter(|n| n.named && !n.extra) {
                *kinds.entry(node.kind).or_insert(0) += 1;
            }
            let tests = task.spec.tests.as_ref().map_or(0, |t| t.len());
            *tests_per_task.entry(tests).or_insert(0) += 1;
        }
        let mut lines_histogram = Vec::new();
        let mut lower = 1;
        for (i, count) in buckets.into_iter().enumerate() {
            let label = match LINE_BUCKETS.get(i) {
                Some(&upper) => format!("{lower}-{upper} lines"),
                None => format!(">{} lines", LINE_BUCKETS[LINE_BUCKETS.len() - 1]),
            };
            lower = LINE_BUCKETS.get(i).map_or(lower, |u| u + 1);
            lines_histogram.push((label, count));
        }
        let mut node_kinds: Vec<(String, usize)> = kinds.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
        node_kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        CorpusStats {
            tasks: tasks.len(),
            by_origin,
            tested_by_origin,
            lines_histogram,
            mean_leaves: if tasks.is_empty() { 0.0 } else { leaves as f64 / tasks.len() as f64 },
            node_kinds,
            tests_per_task,
        }
    }
}

/// Markdown tables; node kinds limited to the 25 most frequent.
impl fmt::Display for CorpusStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} tasks, {:.1} leaf tokens on average\n", self.tasks, self.mean_leaves)?;
        writeln!(f, "| origin | tasks | with tests |\n|---|---:|---:|")?;
        for (origin, n) in &self.by_origin {
            let tested = self.tested_by_origin.get(origin).copied().unwrap_or(0);
            writeln!(f, "| {origin} | {n} | {tested} |")?;
        }
        writeln!(f, "\n| size | tasks |\n|---|---:|")?;
        for (label, n) in &self.lines_histogram {
            writeln!(f, "| {label} | {n} |")?;
        }
        writeln!(f, "\n| tests | tasks |\n|---:|---:|")?;
        for (tests, n) in &self.tests_per_task {
            writeln!(f, "| {tests} | {n} |")?;
        }
        writeln!(f, "\n| node kind | count |\n|---|---:|")?;
        for (kind, n) in self.node_kinds.iter().take(25) {
            writeln!(f, "| {kind} | {n} |")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::toy_tasks;
    use super::*;

    #[test]
    fn toy_stats() {
        let stats = CorpusStats::of(&toy_tasks());
        assert_eq!(stats.tasks, 15);
        assert_eq!(stats.by_origin["toy"], 15);
        assert_eq!(stats.lines_histogram[0], ("1-5 lines".to_string(), 13));
        assert_eq!(stats.lines_histogram[1], ("6-10 lines".to_string(), 2));
        assert_eq!(stats.tests_per_task[&3], 15);
        assert_eq!(stats.node_kinds[0].0, "identifier");
        let table = stats.to_string();
        assert!(table.contains("| toy | 15 | 15 |"), "{table}");
    }
}
