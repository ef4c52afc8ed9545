//! The subtree bank: replacement fragments harvested from a corpus, indexed by replacement class and size.

use std::collections::HashSet;

use rand::{Rng, RngExt};

use crate::syntax::{ReplacementClass, Tree, dedent, indentation_at};

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

/// Statement kinds never put into the bank: valid only in some contexts (`break` outside a loop and `return`
/// outside a function are compile errors), so grafting them elsewhere would make invalid programs.
const UNBANKED_KINDS: &[&str] = &["break_statement", "continue_statement", "named_expression"];

/// Fragments by class, each class sorted by size so that "at most n leaves" is a prefix.
#[derive(Debug, Clone, Default)]
pub struct SubtreeBank {
    classes: [Vec<Fragment>; 4],
    /// `prefix[class][n]`: number of fragments of that class with at most `n` leaves.
    prefix: [Vec<usize>; 4],
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
    /// Every identifier also enters the identifier class, whatever its position.
    pub fn harvest<'a>(programs: impl IntoIterator<Item = &'a Tree>, max_leaves: u32) -> SubtreeBank {
        let mut classes: [Vec<Fragment>; 4] = Default::default();
        let mut seen: [HashSet<String>; 4] = Default::default();
        for tree in programs {
            for node in tree.nodes() {
                let Some(class) = node.class else { continue };
                if node.leaves > max_leaves || UNBANKED_KINDS.contains(&node.kind) {
                    continue;
                }
                // The program's own function (a top-level statement) is not a fragment.
                if node.parent == Some(0) {
                    continue;
                }
                let raw = tree.text(node.span);
                let Some(text) = dedent(raw, indentation_at(tree.source(), node.span.start as usize)) else {
                    continue;
                };
                let mut add = |class: ReplacementClass, text: String| {
                    if seen[slot(class)].insert(text.clone()) {
                        classes[slot(class)].push(Fragment { text, kind: node.kind, leaves: node.leaves });
                    }
                };
                if node.kind == "identifier" && class == ReplacementClass::Expression {
                    add(ReplacementClass::Identifier, text.clone());
                }
                add(class, text);
            }
        }
        SubtreeBank::from_classes(classes)
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
        // "a" appears as an expression and as a parameter name: once per class.
        assert_eq!(bank.classes[1].iter().filter(|f| f.text == "a").count(), 1);
    }
}
