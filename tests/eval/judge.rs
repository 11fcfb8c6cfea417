//! Scores crosscheck's findings on a fixture cluster against its hand-written ground truth
//! (`fixtures/eval/<cluster>.expected.toml`): which expected findings it reports, whether the
//! verdict is right, which traps it falls into, and which findings nobody expected.
//!
//! Shared by `examples/eval_clusters.rs` (prints the scores) and `tests/eval_clusters.rs`
//! (keeps them from getting worse).
// Each of the two users reads only part of the scores.
#![allow(dead_code)]

use std::path::Path;

use serde::Deserialize;

use crosscheck::compare::Finding;
use crosscheck::document::Document;
use crosscheck::load::{load, LoadOptions};
use crosscheck::rules::RuleSet;
use crosscheck::Analysis;

#[derive(Debug, Deserialize)]
pub struct Expected {
    #[serde(default)]
    pub finding: Vec<ExpectedFinding>,
    #[serde(default)]
    pub trap: Vec<Trap>,
}

#[derive(Debug, Deserialize)]
pub struct ExpectedFinding {
    pub quantity: String,
    pub verdict: String,
    pub sides: Vec<Vec<String>>,
    #[serde(default)]
    pub files: Vec<Vec<String>>,
}

#[derive(Debug, Deserialize)]
pub struct Trap {
    pub description: String,
    pub phrases: Vec<String>,
}

/// The scores of one cluster.
#[derive(Debug, Default)]
pub struct Score {
    pub expected: usize,
    pub found: usize,
    pub verdict_right: usize,
    pub missed: Vec<String>,
    pub traps: usize,
    pub traps_hit: Vec<String>,
    /// Findings that match no expected finding: `key: message`.
    pub false_alarms: Vec<String>,
}

/// Runs crosscheck with the generic rules on `folder` and scores it against `expected`.
pub fn score_cluster(folder: &Path, expected: &Path) -> Score {
    score_cluster_as(folder, expected, Metadata::Kept)
}

/// What the articles' front matter is allowed to tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(dead_code)] // each user of the judge needs one of the two
pub enum Metadata {
    /// As written.
    Kept,
    /// As if the files had no front matter, as articles copied from the web often come:
    /// no outlet and no publication date, except what the text itself states.
    Dropped,
}

pub fn score_cluster_as(folder: &Path, expected: &Path, metadata: Metadata) -> Score {
    let expected: Expected = toml::from_str(&std::fs::read_to_string(expected).unwrap()).unwrap();
    let mut loaded = load(
        &[folder.display().to_string()],
        &mut std::io::empty(),
        &LoadOptions::default(),
    );
    if metadata == Metadata::Dropped {
        for document in &mut loaded.documents {
            let body = document.body().to_string();
            *document =
                Document::parse(document.path.clone(), body).expect("a body without front matter parses");
        }
    }
    let analysis = crosscheck::analyze(loaded.documents, &RuleSet::generic());
    score(&analysis, &expected)
}

pub fn score(analysis: &Analysis, expected: &Expected) -> Score {
    let mut s = Score {
        expected: expected.finding.len(),
        traps: expected.trap.len(),
        ..Score::default()
    };
    let mut matched = vec![false; analysis.comparison.findings.len()];
    for e in &expected.finding {
        let hit = analysis
            .comparison
            .findings
            .iter()
            .enumerate()
            .find(|(_, f)| covers_sides(analysis, f, &e.sides, &e.files));
        match hit {
            Some((i, f)) => {
                matched[i] = true;
                s.found += 1;
                if f.verdict.as_str() == e.verdict {
                    s.verdict_right += 1;
                }
            }
            None => s.missed.push(e.quantity.clone()),
        }
    }
    for t in &expected.trap {
        if analysis
            .comparison
            .findings
            .iter()
            .any(|f| falls_into(analysis, f, t, &expected.finding))
        {
            s.traps_hit.push(t.description.clone());
        }
    }
    for (f, m) in analysis.comparison.findings.iter().zip(matched) {
        if !m {
            s.false_alarms.push(format!("{}: {}", f.key, f.message));
        }
    }
    s
}

/// True when two different expected sides are each matched by claims on different sides of
/// the finding.
fn covers_sides(analysis: &Analysis, f: &Finding, sides: &[Vec<String>], files: &[Vec<String>]) -> bool {
    let side_of = |group: usize| -> Vec<usize> {
        f.sides
            .iter()
            .enumerate()
            .filter(|(_, side)| {
                side.claims.iter().any(|c| {
                    let claim = &analysis.claims[c];
                    let path = &analysis.documents[claim.source].path;
                    let file_ok = files
                        .get(group)
                        .is_none_or(|fs| fs.iter().any(|name| path.ends_with(name.as_str())));
                    file_ok && sides[group].iter().any(|p| phrase_matches(p, &claim.text))
                })
            })
            .map(|(i, _)| i)
            .collect()
    };
    let per_group: Vec<Vec<usize>> = (0..sides.len()).map(side_of).collect();
    for a in 0..per_group.len() {
        for b in a + 1..per_group.len() {
            if per_group[a].iter().any(|x| per_group[b].iter().any(|y| x != y)) {
                return true;
            }
        }
    }
    false
}

/// Whether a finding sets two claims matching two different phrases of the trap against each
/// other, on different sides, when no expected finding sets those two phrases against each
/// other (a trap's phrase list may name the figures of an expected finding beside the one
/// that must not be compared with them).
fn falls_into(analysis: &Analysis, f: &Finding, trap: &Trap, expected: &[ExpectedFinding]) -> bool {
    let phrases_of = |side: &crosscheck::compare::Side| -> Vec<(usize, &str)> {
        side.claims
            .iter()
            .flat_map(|c| {
                let text = &*analysis.claims[c].text;
                trap.phrases
                    .iter()
                    .enumerate()
                    .filter(move |(_, p)| phrase_matches(p, text))
                    .map(move |(i, _)| (i, text))
            })
            .collect()
    };
    // Two phrases an expected finding sets against each other, or lists on one side (figures
    // it says agree, such as `About 80,000` and `some 80,000`), are not what the trap is about.
    let same_side = |a: &str, b: &str| {
        expected.iter().any(|e| {
            e.sides.iter().any(|side| {
                side.iter().any(|p| phrase_matches(p, a)) && side.iter().any(|p| phrase_matches(p, b))
            })
        })
    };
    let sanctioned = |a: &str, b: &str| {
        same_side(a, b)
            || expected.iter().any(|e| {
                e.sides.iter().enumerate().any(|(ga, side_a)| {
                    side_a.iter().any(|p| phrase_matches(p, a))
                        && e.sides
                            .iter()
                            .enumerate()
                            .any(|(gb, side_b)| gb != ga && side_b.iter().any(|p| phrase_matches(p, b)))
                })
            })
    };
    let sides: Vec<Vec<(usize, &str)>> = f.sides.iter().map(phrases_of).collect();
    sides.iter().enumerate().any(|(x, side_x)| {
        sides[x + 1..].iter().any(|side_y| {
            side_x
                .iter()
                .any(|&(i, a)| side_y.iter().any(|&(j, b)| i != j && !sanctioned(a, b)))
        })
    })
}

/// A claim's phrase matches an expected phrase when one contains the other, ignoring case.
fn phrase_matches(expected: &str, claim: &str) -> bool {
    let (e, c) = (expected.to_lowercase(), claim.to_lowercase());
    !c.is_empty() && (e.contains(&c) || c.contains(&e))
}
