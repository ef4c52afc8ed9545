//! Kelp's integration tests: one binary, one module per stage (plus the CLI).

mod cli;
mod corpus;
mod eval;
mod fixtures;
mod model;
mod noise;
mod sandbox;
mod search;
mod tasks;
