//! The subtree bank: replacement fragments harvested from a corpus, indexed by replacement class and size.

use std::collections::HashSet;

use rand::{Rng, RngExt};
use rayon::prelude::*;

use crate::syntax::{self, ReplacementClass, Tree, dedent, indentation_at};

/// A subtree's text, dedented, ready to splice at any node of its class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fragment {
    pub text: String,
    pub kind: &'static str,
    pub leaves: u32,
}

impl Fragment {
    pub fn is_multi_line(&self) -> bool {
        self.text.contains('\n')
    }
}

/// Kinds never put into the bank: an unparenthesised walrus is valid in few positions.
const UNBANKED_KINDS: &[&str] = &["named_expression"];

/// Fragments by class, each class sorted by size so that "at most n leaves" is a prefix.
#[derive(Debug, Clone, Default)]
pub struct SubtreeBank {
    classes: [Vec<Fragment>; 4],
    /// `prefix[class][n]`: number of fragments of that class with at most `n` leaves.
    prefix: [Vec<usize>; 4],
}

/// Kinds that make a fragment valid only in some contexts: `await` outside `async def`, `yield` (turns any
/// function into a generator), `global`/`nonlocal` (must precede every use), `from m import *` (module level only).
const CONTEXT_BOUND_KINDS: &[&str] = &[
    "await",
    "yield",
    "global_statement",
    "nonlocal_statement",
    "wildcard_import",
    "break_statement",
    "continue_statement",
];

/// For each node: does its subtree contain a context-bound construct that is not closed off inside it?
/// (`break`/`continue` are closed off by a loop within the subtree.)
fn context_bound(tree: &Tree) -> Vec<bool> {
    let nodes = tree.nodes();
    let mut bound = vec![false; nodes.len()];
    for id in (0..nodes.len()).rev() {
        let node = &nodes[id];
        // `async for`, `async with` and async comprehensions need an `async def` around them.
        let is_async = tree.children(id as u32).next().is_some_and(|c| tree.node(c).kind == "async");
        if CONTEXT_BOUND_KINDS.contains(&node.kind) || is_async {
            bound[id] = true;
        }
        if matches!(node.kind, "for_statement" | "while_statement") {
            // Only loop control is closed off by a loop; anything else stays bound.
            bound[id] = tree.children(id as u32).any(|c| {
                let mut stack = vec![c];
                while let Some(n) = stack.pop() {
                    let k = tree.node(n).kind;
                    if CONTEXT_BOUND_KINDS.contains(&k) && !matches!(k, "break_statement" | "continue_statement") {
                        return true;
                    }
                    stack.extend(tree.children(n));
                }
                false
            });
        }
        let loop_parent = |p: &u32| matches!(nodes[*p as usize].kind, "for_statement" | "while_statement");
        if let Some(parent) = node.parent.filter(|p| bound[id] && !loop_parent(p)) {
            bound[parent as usize] = true;
        }
    }
    bound
}

/// Fragments of one program, before deduplication.
fn fragments_of(tree: &Tree, max_leaves: u32) -> Vec<(ReplacementClass, Fragment)> {
    let mut out = Vec::new();
    let bound = context_bound(tree);
    for (id, node) in tree.nodes().iter().enumerate() {
        let Some(class) = node.class else { continue };
        // The program's own function (a top-level statement) is not a fragment.
        if node.leaves > max_leaves || bound[id] || UNBANKED_KINDS.contains(&node.kind) || node.parent == Some(0) {
            continue;
        }
        let raw = tree.text(node.span);
        let Some(text) = dedent(raw, indentation_at(tree.source(), node.span.start as usize)) else { continue };
        if node.kind == "identifier" && tree.text(node.span) == "__debug__" {
            continue; // cannot be assigned or used as a parameter
        }
        if node.kind == "identifier" && class == ReplacementClass::Expression {
            out.push((ReplacementClass::Identifier, Fragment { text: text.clone(), kind: node.kind, leaves: 1 }));
        }
        out.push((class, Fragment { text, kind: node.kind, leaves: node.leaves }));
    }
    out
}

/// Deduplicates fragments by class and text as they arrive.
#[derive(Default)]
struct Collector {
    classes: [Vec<Fragment>; 4],
    seen: [HashSet<String>; 4],
}

impl Collector {
    fn add(&mut self, fragments: Vec<(ReplacementClass, Fragment)>) {
        for (class, fragment) in fragments {
            if self.seen[slot(class)].insert(fragment.text.clone()) {
                self.classes[slot(class)].push(fragment);
            }
        }
    }
}

fn slot(class: ReplacementClass) -> usize {
    match class {
        ReplacementClass::Expression => 0,
        ReplacementClass::Identifier => 1,
        ReplacementClass::Statement => 2,
        ReplacementClass::Block => 3,
    }
}

impl SubtreeBank {
    /// Harvests every replaceable subtree of at most `max_leaves` leaves from `programs`, once per distinct text.
    /// Every identifier in a value position also enters the identifier class.
    pub fn harvest<'a>(programs: impl IntoIterator<Item = &'a Tree>, max_leaves: u32) -> SubtreeBank {
        let mut collector = Collector::default();
        for tree in programs {
            collector.add(fragments_of(tree, max_leaves));
        }
        SubtreeBank::from_classes(collector.classes)
    }

    /// [`harvest`](Self::harvest) over program sources, parsed in parallel (a corpus of tens of thousands of
    /// functions is never held as trees all at once).
    pub fn from_sources<S: AsRef<str> + Sync>(sources: &[S], max_leaves: u32) -> SubtreeBank {
        let per_chunk: Vec<Vec<(ReplacementClass, Fragment)>> = sources
            .par_chunks(256)
            .map(|chunk| chunk.iter().flat_map(|s| fragments_of(&syntax::parse(s.as_ref()), max_leaves)).collect())
            .collect();
        let mut collector = Collector::default();
        for fragments in per_chunk {
            collector.add(fragments);
        }
        SubtreeBank::from_classes(collector.classes)
    }

    fn from_classes(mut classes: [Vec<Fragment>; 4]) -> SubtreeBank {
        let mut prefix: [Vec<usize>; 4] = Default::default();
        for (fragments, prefix) in classes.iter_mut().zip(prefix.iter_mut()) {
            // Stable sort on (leaves, text): the bank's order depends only on its contents.
            fragments.sort_by(|a, b| a.leaves.cmp(&b.leaves).then_with(|| a.text.cmp(&b.text)));
            let max = fragments.last().map_or(0, |f| f.leaves as usize);
            *prefix = (0..=max).map(|n| fragments.partition_point(|f| f.leaves as usize <= n)).collect();
        }
        SubtreeBank { classes, prefix }
    }

    /// Number of fragments of a class.
    pub fn len(&self, class: ReplacementClass) -> usize {
        self.classes[slot(class)].len()
    }

    pub fn is_empty(&self) -> bool {
        self.classes.iter().all(Vec::is_empty)
    }

    /// A uniformly random fragment of `class` with at most `max_leaves` leaves.
    pub fn sample<R: Rng>(&self, class: ReplacementClass, max_leaves: u32, rng: &mut R) -> Option<&Fragment> {
        let s = slot(class);
        let prefix = &self.prefix[s];
        let available = match prefix.get(max_leaves as usize) {
            Some(&n) => n,
            None => self.classes[s].len(),
        };
        (available > 0).then(|| &self.classes[s][rng.random_range(0..available)])
    }
}

#[cfg(test)]
mod tests {
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    use super::*;
    use crate::syntax::parse;

    #[test]
    fn harvest_indexes_by_class_and_size() {
        let trees = [
            parse("def f(a, b):\n    if a:\n        x = a + b\n        return x\n    return b\n"),
            parse("def g(n):\n    for i in range(n):\n        continue\n    return n * 2\n"),
        ];
        let bank = SubtreeBank::harvest(&trees, 16);
        let mut rng = ChaCha8Rng::seed_from_u64(0);
        for _ in 0..50 {
            let f = bank.sample(ReplacementClass::Expression, 1, &mut rng).unwrap();
            assert_eq!(f.leaves, 1);
            let s = bank.sample(ReplacementClass::Statement, 100, &mut rng).unwrap();
            assert_ne!(s.kind, "continue_statement");
        }
        let block = bank.sample(ReplacementClass::Block, 100, &mut rng).unwrap();
        assert!(!block.text.starts_with(' '));
        assert!(bank.sample(ReplacementClass::Identifier, 1, &mut rng).is_some());
        assert!(bank.sample(ReplacementClass::Expression, 0, &mut rng).is_none());
        assert!(bank.classes[3].iter().all(|f| f.text != "continue"), "loop control stays with its loop");
        assert!(bank.classes[2].iter().any(|f| f.text.starts_with("for i in range(n):\n    continue")));
        // "a" appears as an expression and as a parameter name: once per class.
        assert_eq!(bank.classes[1].iter().filter(|f| f.text == "a").count(), 1);
    }
}
