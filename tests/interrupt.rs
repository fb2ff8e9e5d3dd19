//! Ctrl-C in the middle of a long command: the real binary, a synthetic
//! corpus large enough to take a few seconds, SIGINT once the command has
//! started writing. It exits with 130, removes what it was half-way through
//! writing and leaves the previous output as it was.
#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// Records of the synthetic corpus: enough for a few seconds of work.
const RECORDS: &str = "30000";

/// A project with the mini fixture as `data/`, and a synthetic corpus of
/// `RECORDS` records beside it in `big/data`.
fn projects() -> tempfile::TempDir {
    let dir = common::project();
    common::labourgraph(dir.path())
        .args(["synth", "--records", RECORDS, "--seed", "3", "--out", "big"])
        .assert()
        .success();
    dir
}

/// Paths under `dir` whose name ends in `.partial`.
fn partials(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
        .map(|e| e.path().display().to_string())
        .collect()
}

/// Starts `labourgraph args…` in `project`, waits until a `.partial` entry
/// appears under `watch`, sends SIGINT and returns the exit code.
fn interrupt(project: &Path, args: &[&str], watch: &Path) -> i32 {
    let mut child: Child = Command::new(assert_cmd::cargo::cargo_bin("labourgraph"))
        .current_dir(project)
        .args(args)
        .spawn()
        .unwrap();
    let started = Instant::now();
    while partials(watch).is_empty() {
        if let Some(status) = child.try_wait().unwrap() {
            panic!(
                "`{}` ended ({status}) before it was interrupted",
                args.join(" ")
            );
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "no .partial appeared"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    let kill = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    child
        .wait()
        .unwrap()
        .code()
        .expect("an exit code, not a signal")
}

#[test]
fn an_interrupted_build_removes_its_partial_store_and_keeps_the_previous_one() {
    let dir = projects();
    let store = dir.path().join("store");
    common::labourgraph(dir.path())
        .args(["--store", "store", "build"])
        .assert()
        .success();
    let before = common::files(&store);
    let args = ["--quiet", "--data", "big/data", "--store", "store", "build"];
    assert_eq!(interrupt(dir.path(), &args, &store), 130);
    assert_eq!(partials(&store), Vec::<String>::new());
    assert!(
        common::files(&store) == before,
        "the previous store is untouched"
    );
    common::labourgraph(dir.path())
        .args(["--store", "store", "query", "--format", "csv"])
        .arg("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        .assert()
        .success();
}

#[test]
fn an_interrupted_convert_removes_its_partial_file_and_keeps_the_previous_one() {
    let dir = projects();
    let out = dir.path().join("out.nq");
    std::fs::write(&out, "# the previous output\n").unwrap();
    let args = [
        "--quiet", "--data", "big/data", "convert", "--output", "out.nq",
    ];
    assert_eq!(interrupt(dir.path(), &args, dir.path()), 130);
    assert_eq!(partials(dir.path()), Vec::<String>::new());
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        "# the previous output\n"
    );
}
