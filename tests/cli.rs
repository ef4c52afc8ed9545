//! The `kelp` binary on bad input: clear messages, non-zero exits, never a panic.

use std::path::PathBuf;
use std::process::{Command, Output};

fn kelp(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kelp")).args(args).output().expect("kelp runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kelp-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn empty_directory_is_reported() {
    let dir = scratch("empty");
    let out = kelp(&["corpus", "stats", "--no-stdlib", "--no-toy", "--dir", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("the corpus is empty"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("panicked"));
}

#[test]
fn unusable_files_are_skipped_and_counted() {
    let dir = scratch("bad");
    std::fs::write(dir.join("latin1.py"), b"def f():\n    return '\xe9'\n").unwrap();
    std::fs::write(dir.join("broken.py"), "def f(:\n    pass\n").unwrap();
    std::fs::write(dir.join("huge.py"), "x = 1\n".repeat(10 * 1024 * 1024 / 6)).unwrap();
    let only_bad = kelp(&["corpus", "stats", "--no-stdlib", "--no-toy", "--dir", dir.to_str().unwrap()]);
    assert_eq!(only_bad.status.code(), Some(2));
    let err = stderr(&only_bad);
    assert!(
        err.contains("1 larger than 1 MiB") && err.contains("1 not UTF-8") && err.contains("1 syntax error"),
        "{err}"
    );

    std::fs::write(dir.join("good.py"), "def area(w, h):\n    return w * h + 0\n").unwrap();
    let out = kelp(&["corpus", "stats", "--no-stdlib", "--no-toy", "--dir", dir.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["tasks"], 1);
}

#[test]
fn missing_inputs_and_bad_flags_exit_2() {
    let out = kelp(&["corpus", "stats", "--no-stdlib", "--dir", "/definitely/not/here"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("/definitely/not/here"), "{}", stderr(&out));
    let out = kelp(&["corpus", "stats", "--no-stdlib", "--no-toy"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no corpus source"), "{}", stderr(&out));
    let out = kelp(&["data", "--n", "0", "--out", "/tmp/x"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn data_writes_reproducible_shards() {
    let dir = scratch("data");
    let run = |out: &str| {
        let o = kelp(&["data", "--no-stdlib", "--n", "300", "--shard-size", "200", "--seed", "5", "--out", out]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    };
    let (a, b) = (dir.join("a"), dir.join("b"));
    run(a.to_str().unwrap());
    run(b.to_str().unwrap());
    let mut no_edit = 0;
    for shard in ["examples-00000.jsonl", "examples-00001.jsonl"] {
        let text = std::fs::read_to_string(a.join(shard)).unwrap();
        assert_eq!(text, std::fs::read_to_string(b.join(shard)).unwrap(), "same seed, same examples");
        for line in text.lines() {
            let example: kelp::noise::Example = serde_json::from_str(line).unwrap();
            // The target edit addresses a node of the state, and applying it parses.
            let state = kelp::syntax::parse(example.state.as_str());
            let Some(edit) = &example.edit else {
                // "No edit" examples show a clean program: one that needs no edit parses cleanly.
                assert!(!state.has_error(), "{line}");
                no_edit += 1;
                continue;
            };
            let span = kelp::syntax::Span { start: edit.start, end: edit.end };
            let class = edit.class.unwrap();
            assert!(state.find_node(span, class).is_some(), "{line}");
        }
    }
    // About one example in ten (the default clean share) teaches "no edit".
    assert!((10..=60).contains(&no_edit), "{no_edit} no-edit examples of 300");
    let summary: serde_json::Value = serde_json::from_slice(&std::fs::read(a.join("summary.json")).unwrap()).unwrap();
    assert_eq!(summary["examples"], 300);
}
