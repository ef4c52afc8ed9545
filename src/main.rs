//! `kelp`: the command-line interface, a thin layer over the library.
//!
//! Each subcommand lives in its own file under `cmd/`: it parses its arguments (clap), validates them into library
//! configs, calls the library and prints. Errors are printed as `kelp: ` + the error chain.
//! Exit codes: 0 success, 1 a negative answer (e.g. tests fail), 2 bad input or a failure.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cmd;

// mimalloc is ≈1.3× faster than the system allocator for candle's many small tensors (DESIGN §4).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "kelp", version, about = "Tree diffusion for Python program repair and synthesis")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build task corpora (harvested and synthetic tasks with tests) and inspect them: counts, sizes, node kinds.
    #[command(subcommand)]
    Corpus(cmd::corpus::CorpusCommand),
    /// Generate training examples (corrupt → TreeDiff → one target edit) as JSONL shards.
    Data(cmd::data::DataArgs),
    /// Run a program against its tests in the sandbox (exit 0 when all pass, 1 otherwise).
    Test(cmd::test::TestArgs),
    /// Train the edit model on corruptions of the corpus (checkpoints, metrics, --resume).
    Train(cmd::train::TrainArgs),
    /// Held-out edit accuracy of a checkpoint on k-mutation corruptions (pointer, token, exact edit).
    EvalEdits(cmd::edits::EvalEditsArgs),
    /// Repair a broken Python function against its tests: model search (or --baseline), diff and report.
    Repair(cmd::repair::RepairArgs),
    /// Write a Python function's body from scratch: its signature, docstring and tests are the spec (the body in
    /// FILE is ignored; a bare `pass` will do). Same options, output and exit codes as `repair`.
    Synth(cmd::repair::RepairArgs),
    /// Repair rates on the toy evaluation tasks at 10/100/1,000 test runs, model search against the baseline.
    EvalRepair(cmd::eval_repair::EvalRepairArgs),
    /// The evaluation protocols (toy10, HumanEval-repair, synthesis): JSON report, Markdown table, plots.
    Eval(cmd::eval::EvalArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Corpus(c) => cmd::corpus::run(c),
        Command::Data(args) => cmd::data::run(args),
        Command::Test(args) => cmd::test::run(args),
        Command::Train(args) => cmd::train::run(args),
        Command::EvalEdits(args) => cmd::edits::run(args),
        Command::Repair(args) => cmd::repair::run(args, cmd::repair::Job::Repair),
        Command::Synth(args) => cmd::repair::run(args, cmd::repair::Job::Synth),
        Command::EvalRepair(args) => cmd::eval_repair::run(args),
        Command::Eval(args) => cmd::eval::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("kelp: {err:#}");
            ExitCode::from(2)
        }
    }
}
