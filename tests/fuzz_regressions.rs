//! Replays the fuzzers' inputs through the same invariant checks the fuzz targets run
//! (`crosscheck::fuzzing`), so that `cargo test` keeps every input the fuzzers ever found
//! interesting working, without a fuzzer installed:
//!
//! - `fuzz/regressions/TARGET/*`: inputs that once broke an invariant or panicked;
//! - `fuzz/corpus/TARGET/*`: the minimized corpus of a fuzzing run;
//! - the seeds the corpora grew from: the articles under `fixtures/` and `rules/*.toml`.
//!
//! See `docs/fuzzing.md` for running the fuzzers themselves.

use std::fs;
use std::path::{Path, PathBuf};

use crosscheck::fuzzing::{check_article, check_articles, check_loader, check_rules, Violation};

type Check = fn(&[u8]) -> Result<(), Violation>;

const TARGETS: [(&str, Check); 4] = [
    ("article", check_article),
    ("loader", check_loader),
    ("rules", check_rules),
    ("articles", check_articles),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The files directly in `dir`, sorted; none when it does not exist.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
}

/// The article files of `fixtures/`, recursively, sorted.
fn fixture_articles(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            fixture_articles(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt" || e == "md") {
            out.push(path);
        }
    }
}

/// Runs `check` on every file, and fails naming every file that broke an invariant.
fn replay(check: Check, files: &[PathBuf]) -> usize {
    let failures: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let bytes = fs::read(path).unwrap();
            check(&bytes).err().map(|v| format!("{}: {v}", path.display()))
        })
        .collect();
    assert!(failures.is_empty(), "broken invariants:\n{}", failures.join("\n"));
    files.len()
}

#[test]
fn regression_inputs_keep_every_invariant() {
    for (target, check) in TARGETS {
        replay(check, &files_in(&root().join("fuzz/regressions").join(target)));
    }
}

#[test]
fn corpus_inputs_keep_every_invariant() {
    for (target, check) in TARGETS {
        replay(check, &files_in(&root().join("fuzz/corpus").join(target)));
    }
}

#[test]
fn seed_articles_keep_every_invariant() {
    let mut articles = Vec::new();
    fixture_articles(&root().join("fixtures"), &mut articles);
    assert!(
        articles.len() >= 20,
        "the fixtures hold {} articles",
        articles.len()
    );
    replay(check_article, &articles);
    replay(check_loader, &articles);
}

#[test]
fn seed_rule_files_keep_every_invariant() {
    let mut rules = files_in(&root().join("rules"));
    rules.extend(files_in(&root().join("rules/events")));
    rules.retain(|p| p.extension().is_some_and(|e| e == "toml"));
    assert_eq!(replay(check_rules, &rules), 2);
}

#[test]
fn seed_clusters_keep_every_invariant() {
    let clusters = [
        "fixtures/beijing-parade-2025",
        "fixtures/coastal-quake-2024",
        "fixtures/eval/wildfire-2025",
        "fixtures/holdout/trial-2026",
    ];
    for cluster in clusters {
        let mut input = Vec::new();
        for (i, path) in files_in(&root().join(cluster)).iter().enumerate() {
            if i > 0 {
                input.push(0);
            }
            input.extend(fs::read(path).unwrap());
        }
        check_articles(&input).unwrap_or_else(|v| panic!("{cluster}: {v}"));
    }
}

/// The checks do catch what they promise to: a span off a char boundary, a reversed
/// interval, a sentence out of order.
#[test]
fn the_checks_catch_broken_invariants() {
    use crosscheck::fuzzing::{check_interval, check_sentences, check_span};
    use crosscheck::interval::{Bound, Interval};
    assert!(check_span("é1", "claim", &(1..3)).is_err());
    assert!(check_span("é1", "claim", &(2..4)).is_err());
    assert!(check_span("é1", "claim", &(2..3)).is_ok());
    let bound = |value| {
        Some(Bound {
            value,
            inclusive: true,
        })
    };
    let reversed = Interval {
        lo: bound(5.0),
        hi: bound(4.0),
    };
    assert!(check_interval("v", &reversed).is_err());
    assert!(check_interval("v", &Interval::above(f64::NAN, true)).is_err());
    assert!(check_interval("v", &Interval::closed(4.0, 5.0)).is_ok());
    assert!(check_sentences("ab. cd.", 0, &[4..7, 0..3]).is_err());
    assert!(check_sentences("ab. cd.", 0, &[0..3, 4..7]).is_ok());
}
