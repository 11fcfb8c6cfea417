//! Baselines: the findings a desk has already seen, recorded so that later runs report only
//! new ones (`--write-baseline FILE`, then `--baseline FILE`).
//!
//! A finding is recorded by what it is about, never by where it is: its key and the figures
//! in it, each as the source's path and the normalized value (`count [20000, 99999]`). Line
//! numbers are left out, so re-editing the prose around a figure keeps it baselined; a source
//! that changes the figure, or a new source with a figure of the key, makes the finding new
//! again. Paths are relative to the baseline file's folder, so the file can live in the
//! repository and be used from any folder.
//!
//! A current finding is baselined when a recorded one has the same key (and, for `lint`, the
//! same draft figure) and every figure of the current finding was in it: a finding that only
//! lost a source is still the one recorded.
//!
//! The file is JSON, sorted, one entry per finding:
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {
//!       "key": "dead",
//!       "figures": [
//!         { "source": "coverage/a.txt", "value": "count [1240, 1240]" },
//!         { "source": "coverage/b.txt", "value": "count [1870, 1870]" }
//!       ]
//!     }
//!   ]
//! }
//! ```

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::claim::Kind;
use crate::interval::{Bound, Interval};
use crate::lint::LintReport;
use crate::when::date_of;
use crate::Analysis;

/// The version of the baseline format.
pub const BASELINE_VERSION: u32 = 1;

/// Recorded findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

/// One recorded finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub key: String,
    /// For `lint`: the draft's figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub draft: Option<Figure>,
    /// The figures of the finding (for `lint`, the sources' values that differ), sorted.
    pub figures: Vec<Figure>,
}

/// One figure of a finding: a source and a normalized value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub source: String,
    pub value: String,
}

/// A baseline file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    #[error("`{file}` is not a crosscheck baseline: {error}")]
    Invalid { file: String, error: serde_json::Error },
    #[error("`{file}` is a baseline of version {version}; this crosscheck reads version {BASELINE_VERSION}")]
    Version { file: String, version: u32 },
}

impl Baseline {
    /// The findings of a `check` run. `base` is the folder of the baseline file.
    pub fn of_check(analysis: &Analysis, base: &Path) -> Baseline {
        Baseline::new(Baseline::of_check_unsorted(analysis, base))
    }

    /// The lints of a `lint` run (all of them, unsupported figures included).
    pub fn of_lint(report: &LintReport, base: &Path) -> Baseline {
        let ids = SourceIds::new(&report.analysis, base);
        let entries = report
            .lints
            .iter()
            .filter_map(|l| lint_entry(report, &ids, l))
            .collect();
        Baseline::new(entries)
    }

    /// Reads a baseline file's text; `file` names it in errors.
    pub fn parse(file: &str, text: &str) -> Result<Baseline, BaselineError> {
        #[derive(Deserialize)]
        struct Versioned {
            version: u32,
        }
        let invalid = |error| BaselineError::Invalid {
            file: file.to_string(),
            error,
        };
        let version = serde_json::from_str::<Versioned>(text).map_err(invalid)?.version;
        if version != BASELINE_VERSION {
            return Err(BaselineError::Version {
                file: file.to_string(),
                version,
            });
        }
        serde_json::from_str(text).map_err(invalid)
    }

    /// The file's text: pretty JSON ending with a line break.
    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        text
    }

    /// Drops the findings of a `check` run that the baseline holds; returns how many.
    pub fn filter_check(&self, analysis: &mut Analysis, base: &Path) -> usize {
        let current = Baseline::of_check_unsorted(analysis, base);
        let before = analysis.comparison.findings.len();
        let mut keep = current.iter().map(|e| !self.holds(e));
        analysis
            .comparison
            .findings
            .retain(|_| keep.next().unwrap_or(true));
        before - analysis.comparison.findings.len()
    }

    /// Drops the lints of a `lint` run that the baseline holds; returns how many.
    pub fn filter_lint(&self, report: &mut LintReport, base: &Path) -> usize {
        let ids = SourceIds::new(&report.analysis, base);
        let keep: Vec<bool> = report
            .lints
            .iter()
            .map(|l| lint_entry(report, &ids, l).is_none_or(|e| !self.holds(&e)))
            .collect();
        let before = report.lints.len();
        let mut keep = keep.into_iter();
        report.lints.retain(|_| keep.next().unwrap_or(true));
        before - report.lints.len()
    }

    /// Whether a recorded finding covers `entry`: same key and draft, and no figure it lacks.
    pub fn holds(&self, entry: &Entry) -> bool {
        self.findings.iter().any(|recorded| {
            recorded.key == entry.key
                && recorded.draft == entry.draft
                && entry
                    .figures
                    .iter()
                    .all(|f| recorded.figures.binary_search(f).is_ok())
        })
    }

    fn new(mut findings: Vec<Entry>) -> Baseline {
        findings.sort();
        findings.dedup();
        Baseline {
            version: BASELINE_VERSION,
            findings,
        }
    }

    /// The entries of a `check` run in the order of its findings.
    fn of_check_unsorted(analysis: &Analysis, base: &Path) -> Vec<Entry> {
        let ids = SourceIds::new(analysis, base);
        analysis
            .comparison
            .findings
            .iter()
            .map(|f| Entry {
                key: f.key.clone(),
                draft: None,
                figures: figures(
                    analysis,
                    &ids,
                    f.sides
                        .iter()
                        .flat_map(|s| s.claims.iter().map(move |c| (c, s.value, s.kind))),
                ),
            })
            .collect()
    }
}

/// The baseline entry of one lint: the draft's figure, and the sources' values that differ.
fn lint_entry(report: &LintReport, ids: &SourceIds, lint: &crate::lint::Lint) -> Option<Entry> {
    let analysis = &report.analysis;
    let draft = analysis.claims.get(lint.claim)?;
    let value = draft.value?;
    let unit = draft.unit;
    let source_claims = lint
        .related
        .iter()
        .filter(|r| r.stance != crate::lint::Stance::Agrees)
        .flat_map(|r| r.claims.iter().map(move |&c| (c, r.value, r.kind)));
    Some(Entry {
        key: lint.key.clone(),
        draft: Some(Figure {
            source: ids.id(draft.source),
            value: normalized(&value, draft.kind, unit),
        }),
        figures: figures(analysis, ids, source_claims),
    })
}

/// The sorted, distinct figures of `(claim, value, kind)` triples.
fn figures(
    analysis: &Analysis,
    ids: &SourceIds,
    claims: impl Iterator<Item = (usize, Interval, Kind)>,
) -> Vec<Figure> {
    let set: BTreeSet<Figure> = claims
        .filter_map(|(c, value, kind)| {
            let claim = analysis.claim(c)?;
            Some(Figure {
                source: ids.id(claim.source),
                value: normalized(&value, kind, claim.unit),
            })
        })
        .collect();
    set.into_iter().collect()
}

/// A value exactly, in interval notation: `count [20000, 99999]`, `count (10000, inf)`,
/// `money USD [1000000, 1000000]`, `date [2025-09-03, 2025-09-03]`.
fn normalized(value: &Interval, kind: Kind, unit: Option<&str>) -> String {
    let number = |b: Bound| match kind {
        Kind::Date => date_of(b.value).map_or_else(|| b.value.to_string(), |d| d.to_string()),
        _ => b.value.to_string(),
    };
    let lo = value.lo.map_or_else(
        || "(-inf".to_string(),
        |b| format!("{}{}", if b.inclusive { '[' } else { '(' }, number(b)),
    );
    let hi = value.hi.map_or_else(
        || "inf)".to_string(),
        |b| format!("{}{}", number(b), if b.inclusive { ']' } else { ')' }),
    );
    match unit {
        Some(unit) => format!("{} {unit} {lo}, {hi}", kind.as_str()),
        None => format!("{} {lo}, {hi}", kind.as_str()),
    }
}

/// Each document's path relative to the baseline's folder, with `/` separators; a path
/// outside it stays absolute, standard input is `-`.
struct SourceIds {
    ids: Vec<String>,
}

impl SourceIds {
    fn new(analysis: &Analysis, base: &Path) -> SourceIds {
        let base = if base.as_os_str().is_empty() {
            Path::new(".")
        } else {
            base
        };
        let base = std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf());
        let ids = analysis
            .documents
            .iter()
            .map(|d| {
                if d.path == "-" {
                    return d.path.clone();
                }
                let path = std::fs::canonicalize(&d.path).unwrap_or_else(|_| PathBuf::from(&d.path));
                let shown = path.strip_prefix(&base).unwrap_or(&path);
                let parts: Vec<String> = shown
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if shown.is_absolute() {
                    shown.to_string_lossy().into_owned()
                } else {
                    parts.join("/")
                }
            })
            .collect();
        SourceIds { ids }
    }

    fn id(&self, source: usize) -> String {
        self.ids.get(source).cloned().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::rules::RuleSet;

    fn analysis(dir: &Path, texts: &[(&str, &str)]) -> Analysis {
        let documents = texts
            .iter()
            .map(|(name, text)| {
                let path = dir.join(name);
                std::fs::write(&path, text).unwrap();
                Document::parse(path.display().to_string(), text.to_string()).unwrap()
            })
            .collect();
        crate::analyze(documents, &RuleSet::generic())
    }

    const A: &str = "The earthquake killed 1,240 people, officials said.\n";
    const B: &str = "The earthquake killed 1,870 people, officials said.\n";

    #[test]
    fn findings_are_recorded_by_key_values_and_sources() {
        let dir = tempfile::TempDir::new().unwrap();
        let run = analysis(dir.path(), &[("a.txt", A), ("b.txt", B)]);
        let baseline = Baseline::of_check(&run, dir.path());
        assert_eq!(baseline.findings.len(), 1);
        let entry = &baseline.findings[0];
        assert_eq!(entry.key, "dead");
        assert_eq!(
            entry.figures,
            [
                Figure {
                    source: "a.txt".into(),
                    value: "count [1240, 1240]".into()
                },
                Figure {
                    source: "b.txt".into(),
                    value: "count [1870, 1870]".into()
                },
            ]
        );
        let text = baseline.to_json();
        assert!(!text.contains("line"), "{text}");
        assert_eq!(Baseline::parse("b.json", &text).unwrap(), baseline);
    }

    #[test]
    fn edited_prose_stays_baselined_and_new_figures_do_not() {
        let dir = tempfile::TempDir::new().unwrap();
        let run = analysis(dir.path(), &[("a.txt", A), ("b.txt", B)]);
        let baseline = Baseline::of_check(&run, dir.path());
        let moved = format!("A new first paragraph.\n\n{A}");
        let mut run = analysis(dir.path(), &[("a.txt", &moved), ("b.txt", B)]);
        assert_eq!(baseline.filter_check(&mut run, dir.path()), 1);
        assert!(run.comparison.findings.is_empty());
        let changed = A.replace("1,240", "1,300");
        let mut run = analysis(dir.path(), &[("a.txt", &changed), ("b.txt", B)]);
        assert_eq!(baseline.filter_check(&mut run, dir.path()), 0);
        assert_eq!(run.comparison.findings.len(), 1);
        // A third source with a third figure is news; losing a source is not.
        let c = "The earthquake killed 2,000 people, officials said.\n";
        let mut run = analysis(dir.path(), &[("a.txt", A), ("b.txt", B), ("c.txt", c)]);
        assert_eq!(baseline.filter_check(&mut run, dir.path()), 0);
        let three = Baseline::of_check(&run, dir.path());
        let mut run = analysis(dir.path(), &[("a.txt", A), ("c.txt", c)]);
        assert_eq!(three.filter_check(&mut run, dir.path()), 1);
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(matches!(
            Baseline::parse("b.json", "{\"version\": 2, \"findings\": []}"),
            Err(BaselineError::Version { version: 2, .. })
        ));
        let e = Baseline::parse("b.json", "[]").unwrap_err();
        assert!(e.to_string().starts_with("`b.json` is not a crosscheck baseline"));
        assert!(Baseline::parse("b.json", "{\"version\": 1, \"findings\": [], \"x\": 1}").is_err());
    }

    #[test]
    fn values_in_interval_notation() {
        let open = Interval {
            lo: Some(Bound {
                value: 10000.0,
                inclusive: false,
            }),
            hi: None,
        };
        assert_eq!(normalized(&open, Kind::Count, None), "count (10000, inf)");
        let money = Interval::closed(1.5e9, 1.5e9);
        assert_eq!(
            normalized(&money, Kind::Money, Some("USD")),
            "money USD [1500000000, 1500000000]"
        );
    }
}
