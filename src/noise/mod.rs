//! The noise stage: the forward process that corrupts programs, and TreeDiff, which walks back.
//!
//! - [`SubtreeBank`]: fragments harvested from a corpus, by replacement class and size.
//! - [`Mutator`]: k seeded, class-preserving subtree replacements (a [`Corruption`]); never a no-op.
//! - [`tree_diff`]: the [`EditPath`] from a corrupted program back to the clean one, node-anchored and small.
//! - [`ExampleGenerator`]: training [`Example`]s (corrupt → diff → one edit of the path), reproducible by index.
//!
//! Nothing here runs Python; CPython's verdict on corruptions is measured by the tests with
//! [`crate::exec::validate`].
//!
//! ```
//! use kelp::noise::{Mutator, MutatorConfig, SubtreeBank, tree_diff};
//! use kelp::syntax::parse;
//! use rand::SeedableRng;
//!
//! let clean = parse("def clamp(x, lo, hi):\n    if x < lo:\n        return lo\n    return min(x, hi)\n");
//! let bank = SubtreeBank::harvest([&clean], 16);
//! let mutator = Mutator::new(&bank, MutatorConfig::default());
//! let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(0);
//! let corruption = mutator.corrupt(&clean, 3, &mut rng).unwrap();
//! let path = tree_diff(&corruption.tree, &clean);
//! let repaired = path.state_after(corruption.tree.source(), path.len()).unwrap();
//! assert_eq!(parse(repaired).normalised(), clean.normalised());
//! ```

mod bank;
mod diff;
mod example;
mod mutate;

pub use bank::{Fragment, SubtreeBank};
pub use diff::{EditPath, PathEdit, tree_diff};
pub use example::{Example, ExampleConfig, ExampleGenerator, TargetEdit};
pub use mutate::{
    Corruption, Mutation, Mutator, MutatorConfig, OPERATOR_FAMILIES, perturb_integers, rename_identifiers,
};
