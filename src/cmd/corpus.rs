//! `kelp corpus …`.
use std::process::ExitCode;

#[derive(clap::Subcommand)]
pub enum CorpusCommand {
    /// Print counts by source, a size histogram and node-kind frequencies.
    Stats,
}

pub fn run(_command: CorpusCommand) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
