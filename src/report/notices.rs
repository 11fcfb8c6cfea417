//! Notices (unused, reasonless or malformed suppressions) in every format, written by the
//! renderers of `check` and `lint` after their findings, each in its format's own shape:
//!
//! ```text
//! warning[unused-suppression]: no finding involves a figure of `dead` on the next line
//!  --> coverage/a.md:4:1
//! coverage/a.md:4:1: warning[unused-suppression] no finding involves ...
//! ::warning file=coverage/a.md,line=4,col=1,title=unused-suppression::no finding involves ...
//! ```

use std::io;

use colored::Colorize;
use serde_json::{json, Value};

use super::human::paint;
use super::lines::{escape_data, escape_property};
use super::sarif::{SarifResult, SarifRule, SarifSpan};
use super::Locator;
use crate::rules::Severity;
use crate::suppress::{Notice, NoticeCode};
use crate::Analysis;

/// The SARIF rules of the notices, added to a run's rules when it has notices.
pub const NOTICE_RULES: [SarifRule; 3] = [
    SarifRule {
        id: "unused-suppression",
        name: "unused-suppression",
        short_description: "A suppression hides no finding",
        full_description: "A `crosscheck-ignore` comment covers no figure that takes part in a \
            finding: the figure changed, moved, or no longer disagrees with any source.",
        help: "Remove the comment, or move it to the line before the figure it is meant for.",
        help_markdown: "Remove the comment, or move it to the line before the figure it is meant for.",
        default_level: Severity::Warning,
        precision: "very-high",
    },
    SarifRule {
        id: "suppression-without-reason",
        name: "suppression-without-reason",
        short_description: "A suppression gives no reason",
        full_description: "A `crosscheck-ignore` comment names keys but does not say why the \
            figures may differ from the sources.",
        help: "Write the reason after the keys: `<!-- crosscheck-ignore: KEY reason -->`.",
        help_markdown: "Write the reason after the keys: `<!-- crosscheck-ignore: KEY reason -->`.",
        default_level: Severity::Warning,
        precision: "very-high",
    },
    SarifRule {
        id: "invalid-suppression",
        name: "invalid-suppression",
        short_description: "A crosscheck comment is not a valid suppression",
        full_description: "An HTML comment starts with `crosscheck-` but is neither \
            `crosscheck-ignore: KEY reason` nor `crosscheck-ignore-file: KEY reason`.",
        help: "Fix the comment as docs/config.md shows.",
        help_markdown: "Fix the comment as `docs/config.md` shows.",
        default_level: Severity::Warning,
        precision: "very-high",
    },
];

/// `warning[code]: message` and ` --> path:line:col`, then a blank line, for each notice.
pub(crate) fn write_human(out: &mut dyn io::Write, analysis: &Analysis, color: bool) -> io::Result<()> {
    let locator = Locator::new(analysis);
    for notice in &analysis.notices {
        let (path, line, col) = place(analysis, &locator, notice);
        let label = paint(
            format!("{}[{}]", notice.code.severity().as_str(), notice.code.as_str()),
            color,
            |s| s.yellow().bold(),
        );
        writeln!(out, "{label}: {}", notice.message)?;
        writeln!(out, " --> {path}:{line}:{col}")?;
        writeln!(out)?;
    }
    Ok(())
}

/// `path:line:col: warning[code] message`.
pub(crate) fn write_concise(out: &mut dyn io::Write, analysis: &Analysis) -> io::Result<()> {
    let locator = Locator::new(analysis);
    for notice in &analysis.notices {
        let (path, line, col) = place(analysis, &locator, notice);
        writeln!(
            out,
            "{path}:{line}:{col}: {}[{}] {}",
            notice.code.severity().as_str(),
            notice.code.as_str(),
            notice.message
        )?;
    }
    Ok(())
}

/// `::warning file=..,line=..,col=..,title=code::message`.
pub(crate) fn write_github(out: &mut dyn io::Write, analysis: &Analysis) -> io::Result<()> {
    let locator = Locator::new(analysis);
    for notice in &analysis.notices {
        let (path, line, col) = place(analysis, &locator, notice);
        writeln!(
            out,
            "::warning file={},line={line},col={col},title={}::{}",
            escape_property(&path),
            notice.code.as_str(),
            escape_data(&notice.message)
        )?;
    }
    Ok(())
}

/// One JSON object per notice and per line, as in the `notices` array of the JSON reports.
pub(crate) fn write_jsonl(out: &mut dyn io::Write, analysis: &Analysis) -> io::Result<()> {
    for notice in notices_json(analysis) {
        serde_json::to_writer(&mut *out, &notice)?;
        writeln!(out)?;
    }
    Ok(())
}

/// The `notices` array: `code`, `severity`, `message`, `path`, `line`, `column`, `span`.
pub(crate) fn notices_json(analysis: &Analysis) -> Vec<Value> {
    let locator = Locator::new(analysis);
    analysis
        .notices
        .iter()
        .map(|n| {
            let (path, line, column) = place(analysis, &locator, n);
            json!({
                "code": n.code.as_str(),
                "severity": n.code.severity().as_str(),
                "message": n.message,
                "path": path,
                "line": line,
                "column": column,
                "span": { "start": n.span.start, "end": n.span.end },
            })
        })
        .collect()
}

/// The SARIF results of the notices, at their comments.
pub(crate) fn sarif_results(analysis: &Analysis) -> Vec<SarifResult<'_>> {
    analysis
        .notices
        .iter()
        .filter_map(|n| {
            let doc = analysis.documents.get(n.source)?;
            Some(SarifResult {
                rule_id: n.code.as_str(),
                level: n.code.severity(),
                message: n.message.clone(),
                location: SarifSpan {
                    path: &doc.path,
                    text: &doc.text,
                    span: n.span.clone(),
                    message: None,
                },
                related: Vec::new(),
                identity: vec![n.message.clone()],
                properties: serde_json::Map::new(),
            })
        })
        .collect()
}

/// The rules of a SARIF run: `base`, and the notice rules when there are notices.
pub(crate) fn sarif_rules(base: &[SarifRule], analysis: &Analysis) -> Vec<SarifRule> {
    let mut rules = base.to_vec();
    let codes = [
        NoticeCode::UnusedSuppression,
        NoticeCode::SuppressionWithoutReason,
        NoticeCode::InvalidSuppression,
    ];
    for (code, rule) in codes.iter().zip(NOTICE_RULES) {
        if analysis.notices.iter().any(|n| n.code == *code) {
            rules.push(rule);
        }
    }
    rules
}

fn place(analysis: &Analysis, locator: &Locator, notice: &Notice) -> (String, usize, usize) {
    let (line, col) = locator.line_col(analysis, notice.source, notice.span.start);
    let path = analysis
        .documents
        .get(notice.source)
        .map_or_else(String::new, |d| d.path.replace(['\r', '\n'], " "));
    (path, line, col)
}
