//! The lint report for machines: the JSON report, one JSON lint per line, `concise` lines and
//! GitHub annotations (see docs/output.md).
//!
//! Every lint carries the draft's claim (path, span, line and column) and the source claims
//! it was graded against, each with its own location, so that formats with related locations
//! (SARIF, editors) can point at both.

use std::io;

use serde_json::{json, Value};

use super::json::{claim_json, value_json, Problem};
use super::lines::{escape_data, escape_property};
use super::lint_human::LintOptions;
use super::Locator;
use crate::document::Document;
use crate::lint::{Grade, Lint, LintReport};

/// The version of the lint JSON contract.
pub const LINT_JSON_VERSION: u32 = 1;

/// The whole report as one pretty-printed JSON object: `version`, `drafts`, `sources`,
/// `lints`, `summary` and `problems`.
pub fn write_lint_json(
    out: &mut dyn io::Write,
    report: &LintReport,
    options: LintOptions,
    problems: &[Problem],
) -> io::Result<()> {
    let locator = Locator::new(&report.analysis);
    let documents = &report.analysis.documents;
    let mut value = json!({
        "version": LINT_JSON_VERSION,
        "drafts": documents_json(&documents[..report.drafts]),
        "sources": documents_json(&documents[report.drafts..]),
        "lints": report
            .shown(options.show_unsupported)
            .map(|l| lint_json(report, &locator, l))
            .collect::<Vec<_>>(),
        "summary": summary_json(report),
        "problems": problems,
    });
    let notices = super::notices::notices_json(&report.analysis);
    if !notices.is_empty() {
        value["notices"] = Value::Array(notices);
    }
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

/// One lint per line, each as in the `lints` array of the JSON report.
pub fn write_lint_jsonl(
    out: &mut dyn io::Write,
    report: &LintReport,
    options: LintOptions,
) -> io::Result<()> {
    let locator = Locator::new(&report.analysis);
    for lint in report.shown(options.show_unsupported) {
        serde_json::to_writer(&mut *out, &lint_json(report, &locator, lint))?;
        writeln!(out)?;
    }
    super::notices::write_jsonl(out, &report.analysis)
}

/// `path:line:col: level[key] grade: message`, one line per lint, at the draft's figure.
pub fn write_lint_concise(
    out: &mut dyn io::Write,
    report: &LintReport,
    options: LintOptions,
) -> io::Result<()> {
    let locator = Locator::new(&report.analysis);
    for lint in report.shown(options.show_unsupported) {
        let (path, line, col, _) = place(report, &locator, lint);
        writeln!(
            out,
            "{path}:{line}:{col}: {}[{}] {}",
            lint.grade.level(),
            lint.key,
            lint.message
        )?;
    }
    super::notices::write_concise(out, &report.analysis)
}

/// GitHub Actions workflow commands on the draft's figures: contradicted figures are errors,
/// differing ones warnings, unsupported ones notices.
pub fn write_lint_github(
    out: &mut dyn io::Write,
    report: &LintReport,
    options: LintOptions,
) -> io::Result<()> {
    let locator = Locator::new(&report.analysis);
    for lint in report.shown(options.show_unsupported) {
        let (path, line, col, end_col) = place(report, &locator, lint);
        let command = match lint.grade {
            Grade::Contradicted => "error",
            Grade::Differs => "warning",
            Grade::Unsupported => "notice",
        };
        let title = format!("{} [{}]", lint.grade.as_str(), lint.key);
        writeln!(
            out,
            "::{command} file={},line={line},col={col},endColumn={end_col},title={}::{}",
            escape_property(&path),
            escape_property(&title),
            escape_data(&lint.message)
        )?;
    }
    super::notices::write_github(out, &report.analysis)
}

/// One lint, as in the `lints` array.
fn lint_json(report: &LintReport, locator: &Locator, lint: &Lint) -> Value {
    let analysis = &report.analysis;
    let claim = |i: usize| claim_json(analysis, locator, &analysis.claims[i]);
    json!({
        "grade": lint.grade.as_str(),
        "severity": lint.grade.level(),
        "key": lint.key,
        "description": lint.description,
        "message": lint.message,
        "claim": claim(lint.claim),
        "related": lint.related.iter().map(|r| json!({
            "stance": r.stance.as_str(),
            "message": r.message,
            "value": value_json(&r.value, r.kind),
            "claims": r.claims.iter().map(|&i| claim(i)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "sources_disagree": lint.sources_disagree,
    })
}

fn documents_json(documents: &[Document]) -> Value {
    documents
        .iter()
        .map(|d| {
            json!({
                "path": d.path,
                "outlet": d.outlet,
                "published": d.published.map(|p| p.to_string()),
                "published_from": d.published_from.map(|f| f.as_str()),
            })
        })
        .collect()
}

fn summary_json(report: &LintReport) -> Value {
    let figures = report.draft_claims();
    json!({
        "drafts": report.drafts,
        "sources": report.analysis.documents.len() - report.drafts,
        "figures": figures.len(),
        "keyed_figures": figures.iter().filter(|c| c.key.is_some()).count(),
        "contradicted": report.count(Grade::Contradicted),
        "differs": report.count(Grade::Differs),
        "unsupported": report.count(Grade::Unsupported),
        "supported": report.supported,
    })
}

/// Path, line, column and end column (exclusive, in characters) of the draft's figure.
fn place(report: &LintReport, locator: &Locator, lint: &Lint) -> (String, usize, usize, usize) {
    let claim = &report.analysis.claims[lint.claim];
    let (line, col) = locator.line_col(&report.analysis, claim.source, claim.span.start);
    let path = report.analysis.documents[claim.source].path.clone();
    (path, line, col, col + claim.text.chars().count())
}
