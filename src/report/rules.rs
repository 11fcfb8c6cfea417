//! Output of the `rules` commands: rule-file errors as rustc-style diagnostics or one line
//! each, example and case results one per line, and a key's explanation.

use std::io;

use annotate_snippets::{normalize_untrusted_str, AnnotationKind, Level, Renderer, Snippet};
use colored::Colorize;

use super::human::paint;
use crate::rules::{Example, Expect, Explanation, Grading, Owner, Part, RuleError};
use crate::rules_test::{Outcome, Tested};

/// Longest example text shown on a result line, in characters.
const TEXT_SHOWN: usize = 72;

/// Every error of one rule file, each quoting the line it is about:
///
/// ```text
/// error: unknown kind `weight` in class `ships`
///  --> kind.toml:4:10
///   |
/// 4 | kinds = ["weight"]
///   |          ^^^^^^^^ class.kinds
///   |
///   = help: valid kinds: count, year, ...
/// ```
pub fn write_rule_errors(
    out: &mut dyn io::Write,
    text: &str,
    errors: &[RuleError],
    color: bool,
) -> io::Result<()> {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    for e in errors {
        let (lines, first_line, span) = lines_around(text, &e.span);
        let mut group = Level::ERROR
            .primary_title(normalize_untrusted_str(&e.message))
            .element(
                Snippet::source(lines)
                    .line_start(first_line)
                    .path(e.file.as_str())
                    .annotation(AnnotationKind::Primary.span(span).label(e.field.as_str())),
            );
        if let Some(help) = &e.help {
            group = group.element(Level::HELP.message(normalize_untrusted_str(help)));
        }
        writeln!(out, "{}\n", renderer.render(&[group]))?;
    }
    Ok(())
}

/// One line per error, in the shape of `check --format concise`:
/// `path:line:col: error[field] message`.
pub fn write_rule_errors_concise(out: &mut dyn io::Write, errors: &[RuleError]) -> io::Result<()> {
    for e in errors {
        let message = e.message.replace(['\n', '\r'], " ");
        writeln!(
            out,
            "{}:{}:{}: error[{}] {message}",
            e.file, e.line, e.column, e.field
        )?;
    }
    Ok(())
}

/// One line per example or case, `ok` or `FAIL`, and under a failure what the pipeline gave.
pub fn write_rule_outcomes(out: &mut dyn io::Write, outcomes: &[Outcome], color: bool) -> io::Result<()> {
    for o in outcomes {
        let (file, line) = o.tested.location();
        let status = match o.failure {
            None => paint("ok  ".to_string(), color, |s| s.green()),
            Some(_) => paint("FAIL".to_string(), color, |s| s.red().bold()),
        };
        writeln!(out, "{status} {file}:{line}: {}", summary(&o.tested))?;
        if let Some(f) = &o.failure {
            writeln!(out, "     {}", f.message)?;
            for got in &f.got {
                writeln!(out, "     got {got}")?;
            }
        }
    }
    Ok(())
}

/// What the rules say about a key, for people.
pub fn write_explanation(out: &mut dyn io::Write, e: &Explanation, color: bool) -> io::Result<()> {
    let bold = |s: String| paint(s, color, |s| s.bold());
    writeln!(out, "{}: {}", bold(e.key.clone()), e.description)?;
    if let Some(fact) = e.fact {
        writeln!(out, "\nfact `{}` narrows {}", fact.key, backticked(&fact.generic))?;
        if !fact.context.is_empty() {
            writeln!(out, "  when the sentence has one of: {}", fact.context.join(", "))?;
        }
        if !fact.exclude.is_empty() {
            writeln!(out, "  unless it has one of: {}", fact.exclude.join(", "))?;
        }
    }
    for part in &e.parts {
        write_part(out, part)?;
    }
    if let Some(anchor) = &e.anchor {
        let what = if anchor.contains('-') { "as of" } else { "in" };
        writeln!(
            out,
            "\n@{anchor}: a figure stated for another time than the publication ({what} {anchor})"
        )?;
    }
    writeln!(out, "\ngrading: {}", grading(&e.grading))?;
    for example in &e.examples {
        writeln!(
            out,
            "\nexample ({}:{}):\n  {}",
            example.file, example.line, example.text
        )?;
        if let Expect::Yields { key, value } = &example.expect {
            let figure = example
                .figure
                .as_deref()
                .map(|f| format!("`{f}` "))
                .unwrap_or_default();
            writeln!(out, "  {figure}→ {key} = {value}")?;
        }
    }
    if e.examples.is_empty() {
        writeln!(out, "\nno example: the rule files carry none for this key")?;
    }
    Ok(())
}

fn write_part(out: &mut dyn io::Write, part: &Part) -> io::Result<()> {
    match part {
        Part::Class(defs) => {
            let Some(first) = defs.first() else {
                return Ok(());
            };
            let sort = if first.role { "role" } else { "class" };
            let kinds: Vec<&str> = first.kinds.iter().map(|k| k.as_str()).collect();
            writeln!(
                out,
                "\n{sort} `{}` ({}), kinds {}",
                first.id,
                first.description,
                kinds.join(", ")
            )?;
            let terms: Vec<String> = defs.iter().flat_map(|c| &c.terms).map(|t| t.join(" ")).collect();
            writeln!(out, "  terms: {}", terms.join(", "))
        }
        Part::Kind(kind) => writeln!(out, "\n`{}`: the kind of the figure", kind.as_str()),
        Part::Noun(noun) => writeln!(out, "\n`{noun}`: a word from the text, named by no class"),
    }
}

fn grading(g: &Grading) -> String {
    format!(
        "tolerance {}%, conflict {}, discrepancy {}",
        g.tolerance * 100.0,
        g.conflict.as_str(),
        g.discrepancy.as_str()
    )
}

fn backticked(keys: &[String]) -> String {
    keys.iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `troops = (10000, inf): More than 10,000 troops ...`, `not people: ...`, `case `tolls``.
fn summary(tested: &Tested) -> String {
    match tested {
        Tested::Example(e) => format!("{}: {}", expectation(e), shortened(&e.text)),
        Tested::Case(c) => format!("case `{}` ({} articles)", c.name, c.articles.len()),
    }
}

fn expectation(e: &Example) -> String {
    match &e.expect {
        Expect::Yields { key, value } => format!("{key} = {value}"),
        Expect::NoMatch => match &e.owner {
            Owner::Class(id) => format!("no {id}"),
            Owner::Fact(key) => format!("no {key}"),
        },
    }
}

fn shortened(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if one_line.chars().count() <= TEXT_SHOWN {
        return one_line;
    }
    let cut: String = one_line.chars().take(TEXT_SHOWN - 1).collect();
    format!("{}…", cut.trim_end())
}

/// The whole lines a span touches, their first line number, and the span within them.
fn lines_around<'a>(
    text: &'a str,
    span: &std::ops::Range<usize>,
) -> (&'a str, usize, std::ops::Range<usize>) {
    let start = span.start.min(text.len());
    let end = span.end.clamp(start, text.len());
    let from = text.get(..start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    let to = text
        .get(end..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| end + i);
    let lines = text.get(from..to).unwrap_or_default().trim_end_matches('\r');
    let first_line = text.get(..from).map_or(0, |t| t.matches('\n').count()) + 1;
    let local = (start - from).min(lines.len())..(end - from).min(lines.len());
    (lines, first_line, local)
}
