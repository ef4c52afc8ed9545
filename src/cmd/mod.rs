//! One file per subcommand.

pub mod corpus;
pub mod data;
pub mod edits;
pub mod test;
pub mod train;
