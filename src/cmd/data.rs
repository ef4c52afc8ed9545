//! `kelp data`.
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct DataArgs {}

pub fn run(_args: DataArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("not implemented yet")
}
