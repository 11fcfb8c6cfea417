//! Line-oriented formats for CI: `concise` (greppable), `jsonl` (one finding per line) and
//! `github` (workflow commands that annotate a pull request).

use std::io;

use super::json::finding_json;
use super::{Locator, RenderOptions};
use crate::compare::{Finding, Verdict};
use crate::rules::Severity;
use crate::Analysis;

/// `path:line:col: severity[key] message`, one line per finding, at the first claim of the
/// finding's second side (the first figure that differs). The message names the verdict in
/// its wording ("cannot both be true", "compatible but stated differently").
pub fn write_concise(
    out: &mut dyn io::Write,
    analysis: &Analysis,
    _options: RenderOptions,
) -> io::Result<()> {
    let locator = Locator::new(analysis);
    for f in &analysis.comparison.findings {
        let Some(place) = place(analysis, &locator, f) else {
            continue;
        };
        writeln!(
            out,
            "{}:{}:{}: {}[{}] {}",
            one_line(&place.path),
            place.line,
            place.col,
            f.severity.as_str(),
            f.key,
            one_line(&f.message)
        )?;
    }
    super::notices::write_concise(out, analysis)
}

/// One JSON object per finding and per line, each as in the `findings` array of the JSON report.
pub fn write_jsonl(out: &mut dyn io::Write, analysis: &Analysis, _options: RenderOptions) -> io::Result<()> {
    let locator = Locator::new(analysis);
    for f in &analysis.comparison.findings {
        serde_json::to_writer(&mut *out, &finding_json(analysis, &locator, f))?;
        writeln!(out)?;
    }
    super::notices::write_jsonl(out, analysis)
}

/// GitHub Actions workflow commands: `::error file=..,line=..,col=..,endColumn=..,title=..::msg`.
/// A phrase that runs onto the next line gives `endLine` instead of `endColumn`, which GitHub
/// accepts only on a single line.
pub fn write_github(out: &mut dyn io::Write, analysis: &Analysis, _options: RenderOptions) -> io::Result<()> {
    let locator = Locator::new(analysis);
    for f in &analysis.comparison.findings {
        let Some(place) = place(analysis, &locator, f) else {
            continue;
        };
        let command = match (f.verdict, f.severity) {
            (_, Severity::Error) => "error",
            (Verdict::Conflict, _) | (_, Severity::Warning) => "warning",
            (_, Severity::Info) => "notice",
        };
        let end = if place.end_line == place.line {
            format!("endColumn={}", place.end_col)
        } else {
            format!("endLine={}", place.end_line)
        };
        let title = format!("{} [{}]", f.verdict.as_str(), f.key);
        writeln!(
            out,
            "::{command} file={},line={},col={},{end},title={}::{}",
            escape_property(&place.path),
            place.line,
            place.col,
            escape_property(&title),
            escape_data(&f.message)
        )?;
    }
    super::notices::write_github(out, analysis)
}

/// Where a line format puts a finding: the first claim of its second side.
struct Place {
    path: String,
    line: usize,
    col: usize,
    /// Just after the phrase.
    end_line: usize,
    end_col: usize,
}

fn place(analysis: &Analysis, locator: &Locator, f: &Finding) -> Option<Place> {
    let side = f.sides.get(1).or(f.sides.first())?;
    let claim = analysis.claim(side.claims.first()?)?;
    let (line, col) = locator.line_col(analysis, claim.source, claim.span.start);
    let (end_line, end_col) = locator.line_col(analysis, claim.source, claim.span.end);
    Some(Place {
        path: analysis.documents.get(claim.source)?.path.clone(),
        line,
        col,
        end_line,
        end_col,
    })
}

/// Text on one line: a greppable line format must not be split by a newline in a quoted
/// phrase (hard-wrapped articles break lines inside phrases) or in a file name.
fn one_line(s: &str) -> String {
    s.replace("\r\n", " ").replace(['\r', '\n'], " ")
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
    use crate::document::Document;
    use crate::rules::RuleSet;

    #[test]
    fn github_escapes() {
        assert_eq!(escape_data("50% off\nnow"), "50%25 off%0Anow");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(escape_property("100%\r\n"), "100%25%0D%0A");
    }

    /// Two articles that conflict on a death toll; the second one's phrase is then stretched
    /// over a line break, as a hard-wrapped article can have it.
    fn wrapped() -> Analysis {
        let a = Document::parse("a.txt", "The quake killed 1,240 people.\n".to_string()).unwrap();
        let b = Document::parse("b.txt", "The quake killed 1,870\npeople.\n".to_string()).unwrap();
        let mut analysis = crate::analyze(vec![a, b], &RuleSet::generic());
        assert_eq!(analysis.comparison.findings.len(), 1);
        let primary = analysis.comparison.findings[0].sides[1].claims.first().unwrap();
        let claim = &mut analysis.claims[primary];
        claim.span.end += "\npeople".len();
        claim.text = "1,870\npeople".into();
        analysis.comparison.findings[0].message = "`1,240` and `1,870\npeople` cannot both be true".into();
        analysis
    }

    #[test]
    fn github_gives_the_end_line_of_a_phrase_over_two_lines() {
        let mut out = Vec::new();
        write_github(&mut out, &wrapped(), RenderOptions::default()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "::error file=b.txt,line=1,col=18,endLine=2,title=conflict [dead]::`1,240` and `1,870%0Apeople` cannot both be true\n"
        );
    }

    #[test]
    fn concise_keeps_a_phrase_over_two_lines_on_one_line() {
        let mut out = Vec::new();
        write_concise(&mut out, &wrapped(), RenderOptions::default()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "b.txt:1:18: error[dead] `1,240` and `1,870 people` cannot both be true\n"
        );
    }
}
