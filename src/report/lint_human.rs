//! The lint report for people: rustc-style diagnostics rendered by `annotate-snippets`, then
//! a summary line.
//!
//! ```text
//! error[contradicted]: troops taking part in the parade: `about 5,000` is contradicted by every source
//!  --> draft.md:8:21
//!   |
//! 8 | The parade featured about 5,000 troops and over 100 aircraft.
//!   |                     ^^^^^^^^^^^ parade.troops = 4,500–5,500
//!   |
//! note: `about 5,000` and `tens of thousands` cannot both be true
//!  --> sources/a.txt:6:68
//! ...
//! ```
//! The draft's sentence carries the primary annotation; each distinct value the sources give
//! is a note quoting the sentence of up to three sources that state it.

use std::collections::HashSet;
use std::io;
use std::ops::Range;

use annotate_snippets::{normalize_untrusted_str, AnnotationKind, Group, Level, Renderer, Snippet};
use colored::Colorize;

use super::human::paint;
use super::value::format_value;
use crate::claim::Claim;
use crate::lint::{Grade, LintReport, Related};
use crate::location::LineIndex;

/// Sources quoted for one value; the others are counted.
const QUOTED_SOURCES: usize = 3;

/// What a lint renderer needs besides the report.
#[derive(Debug, Clone, Copy, Default)]
pub struct LintOptions {
    pub color: bool,
    /// Also report the figures no source states.
    pub show_unsupported: bool,
}

/// Writes every diagnostic, then the summary line.
pub fn write_lint_human(
    out: &mut dyn io::Write,
    report: &LintReport,
    options: LintOptions,
) -> io::Result<()> {
    let renderer = if options.color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let indexes: Vec<LineIndex> = report
        .analysis
        .documents
        .iter()
        .map(|d| LineIndex::new(&d.text))
        .collect();
    let quote = |claim: &Claim| Quote::new(report, &indexes, claim);
    for lint in report.shown(options.show_unsupported) {
        let claims = &report.analysis.claims;
        let draft = quote(&claims[lint.claim]);
        let title = format!("{}: {}", lint.description, lint.message);
        let label = format!("{} = {}", lint.key, value_of(&claims[lint.claim]));
        let mut groups = vec![level(lint.grade)
            .primary_title(title)
            .id(lint.grade.as_str())
            .element(draft.snippet(AnnotationKind::Primary, label))];
        for related in &lint.related {
            groups.push(note(report, related, &quote));
        }
        if let Some(disagreement) = &lint.sources_disagree {
            let text = format!("the sources disagree among themselves: {disagreement}");
            groups.push(Group::with_title(
                Level::NOTE.secondary_title(normalize_untrusted_str(&text)),
            ));
        }
        writeln!(out, "{}\n", renderer.render(&groups))?;
    }
    super::notices::write_human(out, &report.analysis, options.color)?;
    write_summary(out, report, options)
}

/// The level of a grade: error, warning or info.
fn level(grade: Grade) -> Level<'static> {
    match grade {
        Grade::Contradicted => Level::ERROR,
        Grade::Differs => Level::WARNING,
        Grade::Unsupported => Level::INFO,
    }
}

/// One note per distinct source value: how it stands towards the draft, and where it is
/// stated.
fn note<'a>(
    report: &'a LintReport,
    related: &'a Related,
    quote: &dyn Fn(&'a Claim) -> Quote<'a>,
) -> Group<'a> {
    let claims = &report.analysis.claims;
    let first = &claims[related.claims[0]];
    let title = related
        .message
        .clone()
        .unwrap_or_else(|| format!("`{}` states the same", first.text));
    // The first claim of each source that states the value.
    let mut seen = HashSet::new();
    let per_source: Vec<&Claim> = related
        .claims
        .iter()
        .map(|&c| &claims[c])
        .filter(|claim| seen.insert(claim.source))
        .collect();
    let mut group = Group::with_title(Level::NOTE.secondary_title(normalize_untrusted_str(&title)));
    for claim in per_source.iter().take(QUOTED_SOURCES) {
        let doc = &report.analysis.documents[claim.source];
        let outlet = doc
            .outlet
            .as_deref()
            .map(|o| format!(" ({o})"))
            .unwrap_or_default();
        let label = format!(
            "{}{outlet}",
            format_value(&related.value, related.kind, claim.unit)
        );
        group = group.element(quote(claim).snippet(AnnotationKind::Context, label));
    }
    if per_source.len() > QUOTED_SOURCES {
        let more = per_source.len() - QUOTED_SOURCES;
        let text = format!(
            "{more} more source{} state{} `{}`",
            if more == 1 { "" } else { "s" },
            if more == 1 { "s" } else { "" },
            first.text
        );
        group = group.element(Level::NOTE.message(normalize_untrusted_str(&text)));
    }
    group
}

/// The lines of a document that hold a claim, as a snippet to annotate.
struct Quote<'a> {
    path: &'a str,
    lines: &'a str,
    first_line: usize,
    span: Range<usize>,
}

impl<'a> Quote<'a> {
    fn new(report: &'a LintReport, indexes: &[LineIndex], claim: &Claim) -> Quote<'a> {
        let doc = &report.analysis.documents[claim.source];
        let text = doc.text.as_str();
        let start = claim.span.start.min(text.len());
        let end = claim.span.end.clamp(start, text.len());
        let from = text.get(..start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
        let to = text
            .get(end..)
            .and_then(|t| t.find('\n'))
            .map_or(text.len(), |i| end + i);
        let lines = text.get(from..to).unwrap_or_default().trim_end_matches('\r');
        let first_line = indexes
            .get(claim.source)
            .map_or(1, |ix| ix.line_col(text, from).0);
        Quote {
            path: &doc.path,
            lines,
            first_line,
            span: (start - from).min(lines.len())..(end - from).min(lines.len()),
        }
    }

    fn snippet(&self, kind: AnnotationKind, label: String) -> Snippet<'a, annotate_snippets::Annotation<'a>> {
        Snippet::source(self.lines)
            .line_start(self.first_line)
            .path(self.path)
            .annotation(kind.span(self.span.clone()).label(label))
    }
}

fn value_of(claim: &Claim) -> String {
    claim
        .value
        .map(|v| format_value(&v, claim.kind, claim.unit))
        .unwrap_or_else(|| "unresolved".to_string())
}

fn write_summary(out: &mut dyn io::Write, report: &LintReport, options: LintOptions) -> io::Result<()> {
    let color = options.color;
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let sources = report.analysis.documents.len() - report.drafts;
    let figures = report.draft_claims();
    let keyed = figures.iter().filter(|c| c.key.is_some()).count();
    let contradicted = report.count(Grade::Contradicted);
    let differs = report.count(Grade::Differs);
    let unsupported = report.count(Grade::Unsupported);
    let contradicted = match contradicted {
        0 => "0 contradicted".to_string(),
        n => paint(format!("{n} contradicted"), color, |s| s.red().bold()),
    };
    let differs = match differs {
        0 => "0 differs".to_string(),
        n => paint(format!("{n} differs"), color, |s| s.yellow().bold()),
    };
    let hidden = if unsupported > 0 && !options.show_unsupported {
        " (shown with --show-unsupported)"
    } else {
        ""
    };
    writeln!(
        out,
        "{}, {}, {} in the draft{} ({keyed} keyed): {contradicted}, {differs}, {unsupported} unsupported{hidden}, {} supported",
        plural(report.drafts, "draft", "drafts"),
        plural(sources, "source", "sources"),
        plural(figures.len(), "figure", "figures"),
        if report.drafts == 1 { "" } else { "s" },
        report.supported,
    )
}
