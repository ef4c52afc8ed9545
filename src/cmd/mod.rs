//! One file per subcommand.

pub mod corpus;
pub mod data;
pub mod edits;
pub mod eval;
pub mod eval_repair;
pub mod repair;
pub mod test;
pub mod train;
