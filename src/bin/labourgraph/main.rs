//! The `labourgraph` command line: parses arguments, turns them into a
//! validated configuration and calls the library. Errors are printed as
//! `labourgraph: <error>: <cause>…` with a documented exit code.
//!
//! The arguments are in [`args`] (clap derive: their doc comments are the
//! `--help` text), the configuration in [`config`], the handlers of the
//! subcommands in [`records`] (validate, build, convert, synth), [`query`]
//! (query, export, publish) and [`exchange`] (import, push, serve), and what
//! several of them print or write in [`output`].

mod args;
mod config;
mod exchange;
mod output;
mod query;
mod records;

use args::{Cli, Command};
use clap::Parser;
use config::Config;
use labourgraph::Error;
use std::io::Write;
use std::process::ExitCode;

/// The exit codes, shown at the end of `labourgraph --help`.
const EXIT_CODES: &str = "\
Exit codes:
  0  success (also when the output pipe is closed early)
  1  failure: a file could not be read or written, the store failed
  2  usage error: bad arguments, unknown query or parameter, unsuitable format
  3  invalid records: every problem is listed on standard error; nothing was written
  4  invalid or failing SPARQL query
  5  a remote endpoint refused a push, failed or did not answer
  130  interrupted (Ctrl-C or SIGTERM): what was half-written is removed";

fn main() -> ExitCode {
    let cli = Cli::parse();
    let config = Config::from(cli.global);
    if let Err(err) = labourgraph::interrupt::install() {
        return report(&err.into());
    }
    let result = match cli.command {
        Command::Validate => records::run_validate(&config),
        Command::Build => records::run_build(&config),
        Command::Query(args) => query::run_query(&config, args),
        Command::Export(args) => query::run_export(&config, args),
        Command::Publish(args) => query::run_publish(&config, args),
        Command::Import(args) => exchange::run_import(&config, args),
        Command::ImportIlostat(args) => exchange::run_import_ilostat(&config, args),
        Command::Push(args) => exchange::run_push(&config, args),
        Command::Serve(args) => exchange::run_serve(&config, args),
        Command::Convert(args) => records::run_convert(&config, args),
        Command::Synth(args) => records::run_synth(&config, args),
    };
    if labourgraph::interrupt::interrupted() {
        // The handler is removing what the command was writing (which may be
        // why it failed) and ends the process with 130 when done.
        labourgraph::interrupt::wait_for_exit();
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => report(&err),
    }
}

/// Prints an error with its cause chain; returns its exit code.
fn report(err: &anyhow::Error) -> ExitCode {
    let lib = err.chain().find_map(|e| e.downcast_ref::<Error>());
    if lib.is_some_and(Error::is_broken_pipe) {
        return ExitCode::SUCCESS;
    }
    if let Some(diags) = lib.and_then(Error::diagnostics) {
        let mut stderr = std::io::stderr().lock();
        for d in diags.items() {
            let _ = writeln!(stderr, "{d}");
        }
    }
    let chain: Vec<String> = err.chain().map(ToString::to_string).collect();
    eprintln!("labourgraph: {}", chain.join(": "));
    ExitCode::from(lib.map_or(1, Error::exit_code) as u8)
}
