//! One file per subcommand.

/// `println!` for what a command prints on stdout ([`write_out`]).
macro_rules! outln {
    ($($arg:tt)*) => { $crate::cmd::write_out(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `print!` for what a command prints on stdout ([`write_out`]).
macro_rules! out {
    ($($arg:tt)*) => { $crate::cmd::write_out(format_args!($($arg)*)) };
}

pub mod corpus;
pub mod data;
pub mod edits;
pub mod eval;
pub mod eval_repair;
pub mod repair;
pub mod test;
pub mod train;

/// Writes to stdout; when its reader has gone (`kelp test … --json | head`), ends the process quietly with exit
/// code 0, as ripgrep does, where `println!` would panic. Rust ignores SIGPIPE and Kelp keeps it so: the sandbox must
/// see a worker's closed pipe as an error to report, not die of it.
pub fn write_out(args: std::fmt::Arguments) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(err) = stdout.write_fmt(args).and_then(|()| stdout.flush()) {
        if err.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("kelp: cannot write to stdout: {err}");
        std::process::exit(2);
    }
}
