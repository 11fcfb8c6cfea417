//! Line-oriented formats for CI: `concise` (greppable), `jsonl` (one finding per line) and
//! `github` (workflow commands that annotate a pull request).

use std::io;

use super::json::finding_json;
use super::{Locator, RenderOptions};
use crate::compare::{Finding, Verdict};
use crate::rules::Severity;
use crate::Analysis;

/// `path:line:col: severity[key] message`, one line per finding, at the first claim of the
/// finding's second side (the first figure that differs).
pub fn write_concise(
    out: &mut dyn io::Write,
    analysis: &Analysis,
    _options: RenderOptions,
) -> io::Result<()> {
    let locator = Locator::new(analysis);
    for f in &analysis.comparison.findings {
        let (path, line, col) = place(analysis, &locator, f);
        writeln!(
            out,
            "{path}:{line}:{col}: {}[{}] {}: {}",
            f.severity.as_str(),
            f.key,
            f.verdict.as_str(),
            f.message
        )?;
    }
    Ok(())
}

/// One JSON object per finding and per line, each as in the `findings` array of the JSON report.
pub fn write_jsonl(out: &mut dyn io::Write, analysis: &Analysis, _options: RenderOptions) -> io::Result<()> {
    let locator = Locator::new(analysis);
    for f in &analysis.comparison.findings {
        serde_json::to_writer(&mut *out, &finding_json(analysis, &locator, f))?;
        writeln!(out)?;
    }
    Ok(())
}

/// GitHub Actions workflow commands: `::error file=..,line=..,col=..,endColumn=..,title=..::msg`.
pub fn write_github(out: &mut dyn io::Write, analysis: &Analysis, _options: RenderOptions) -> io::Result<()> {
    let locator = Locator::new(analysis);
    for f in &analysis.comparison.findings {
        let (path, line, col) = place(analysis, &locator, f);
        let claim = &analysis.claims[f.sides.get(1).unwrap_or(&f.sides[0]).claims[0]];
        let end_col = col + claim.text.chars().count();
        let command = match (f.verdict, f.severity) {
            (_, Severity::Error) => "error",
            (Verdict::Conflict, _) | (_, Severity::Warning) => "warning",
            (_, Severity::Info) => "notice",
        };
        let title = format!("{} [{}]", f.verdict.as_str(), f.key);
        writeln!(
            out,
            "::{command} file={},line={line},col={col},endColumn={end_col},title={}::{}",
            escape_property(&path),
            escape_property(&title),
            escape_data(&f.message)
        )?;
    }
    Ok(())
}

fn place(analysis: &Analysis, locator: &Locator, f: &Finding) -> (String, usize, usize) {
    let side = f.sides.get(1).unwrap_or(&f.sides[0]);
    let claim = &analysis.claims[side.claims[0]];
    let (line, col) = locator.line_col(analysis, claim.source, claim.span.start);
    (analysis.documents[claim.source].path.clone(), line, col)
}

/// Message data: `%`, CR and LF escaped as GitHub requires.
pub(crate) fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Property values: as data, plus `:` and `,`.
pub(crate) fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn github_escapes() {
        assert_eq!(escape_data("50% off\nnow"), "50%25 off%0Anow");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
