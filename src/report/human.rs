//! The human report: one diff-style block per finding, then a summary line.
//!
//! ```text
//! discrepancy[leaders]: leaders and heads of state or government
//!   `more than 20` and `26` are compatible but stated differently
//!   - more than 20   > 20   000.txt:33:73
//!   + 26             26     001.txt:3:156, 002.txt:2:118
//! ```
//! The first side is marked `-`, the others `+`; the words that differ from the first side
//! are emphasized (word diff by `similar`).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io;

use colored::{ColoredString, Colorize};
use rayon::prelude::*;
use similar::{ChangeTag, TextDiff};

use super::value::format_value;
use super::{Locator, RenderOptions};
use crate::claim::Doubt;
use crate::compare::{Finding, Verdict};
use crate::Analysis;

/// How many claims of a side the human report places in one parallel task (a few in unit
/// tests, so that small inputs cross chunks).
const PLACES_CHUNK: usize = if cfg!(test) { 3 } else { 4_096 };

/// Writes the findings and the summary line.
pub fn write_human(out: &mut dyn io::Write, analysis: &Analysis, options: RenderOptions) -> io::Result<()> {
    let locator = Locator::new(analysis);
    for finding in &analysis.comparison.findings {
        write_finding(out, analysis, &locator, finding, options)?;
        writeln!(out)?;
    }
    if options.show_agreements {
        for agreement in &analysis.comparison.agreements {
            let Some(first) = agreement.claims.first().and_then(|i| analysis.claim(i)) else {
                continue;
            };
            let sources: std::collections::BTreeSet<usize> = agreement
                .claims
                .iter()
                .filter_map(|i| analysis.claim(i).map(|c| c.source))
                .collect();
            let label = paint(format!("agreement[{}]", agreement.key), options.color, |s| {
                s.green()
            });
            writeln!(out, "{label}: `{}` in {} sources", first.text, sources.len())?;
        }
        if !analysis.comparison.agreements.is_empty() {
            writeln!(out)?;
        }
    }
    write_uncertain(out, analysis, &locator, options)?;
    super::notices::write_human(out, analysis, options.color)?;
    write_summary(out, analysis, options)
}

/// The claims that could not be normalized with confidence, apart from the findings: dates
/// that contradict their weekday or read two ways one by one, unresolved ones as a count.
fn write_uncertain(
    out: &mut dyn io::Write,
    analysis: &Analysis,
    locator: &Locator,
    options: RenderOptions,
) -> io::Result<()> {
    let doubtful: Vec<_> = analysis
        .doubtful_claims()
        .filter(|c| matches!(c.doubt, Some(Doubt::Ambiguous | Doubt::Inconsistent)))
        .collect();
    let unresolved = analysis
        .doubtful_claims()
        .filter(|c| c.doubt == Some(Doubt::Unresolved))
        .count();
    if doubtful.is_empty() && unresolved == 0 {
        return Ok(());
    }
    let heading = paint(
        format!("could not normalize ({}):", doubtful.len() + unresolved),
        options.color,
        |s| s.bold(),
    );
    writeln!(out, "{heading}")?;
    let width = doubtful.iter().map(|c| c.text.chars().count()).max().unwrap_or(0) + 2;
    for claim in doubtful {
        let doubt = claim.doubt.map_or("", |d| d.as_str());
        let (line, column) = locator.line_col(analysis, claim.source, claim.span.start);
        let place = format!("{}:{line}:{column}", analysis.documents[claim.source].path);
        let quoted = format!("`{}`", claim.text);
        let mut why = claim.resolution.as_deref().unwrap_or_default().to_string();
        if claim.doubt.is_some_and(|d| d.keeps_out()) {
            why.push_str(" (not compared)");
        }
        writeln!(out, "  {doubt:<12}  {quoted:<width$}  {place}  {why}")?;
    }
    // A few unresolved figures are named; many are counted.
    if (1..=5).contains(&unresolved) {
        for claim in analysis
            .doubtful_claims()
            .filter(|c| c.doubt == Some(Doubt::Unresolved))
        {
            let (line, column) = locator.line_col(analysis, claim.source, claim.span.start);
            let place = format!("{}:{line}:{column}", analysis.documents[claim.source].path);
            let quoted = format!("`{}`", claim.text);
            let why = claim.resolution.as_deref().unwrap_or("no value");
            writeln!(out, "  {:<12}  {quoted:<width$}  {place}  {why}", "unresolved")?;
        }
    }
    if (1..=5).contains(&unresolved) {
        writeln!(
            out,
            "  {:<12}  give a publication date in front matter (`published:`), a dateline at the top (`Published September 2, 2025`) or --date",
            "help:"
        )?;
    } else if unresolved > 0 {
        let what = if unresolved == 1 { "figure" } else { "figures" };
        writeln!(
            out,
            "  {:<12}  {unresolved} relative {what} with no publication date to count from; \
             give one in front matter (`published:`), a dateline at the top or --date",
            "unresolved"
        )?;
    }
    writeln!(out)
}

fn write_finding(
    out: &mut dyn io::Write,
    analysis: &Analysis,
    locator: &Locator,
    finding: &Finding,
    options: RenderOptions,
) -> io::Result<()> {
    let color = options.color;
    let verdict = match finding.verdict {
        Verdict::Conflict => paint(format!("conflict[{}]", finding.key), color, |s| s.red().bold()),
        Verdict::Discrepancy => paint(format!("discrepancy[{}]", finding.key), color, |s| {
            s.yellow().bold()
        }),
    };
    writeln!(out, "{verdict}: {}", finding.description)?;
    writeln!(out, "  {}", finding.message)?;

    // The first claim of each side stands for it: its phrase and unit.
    let firsts: Vec<_> = finding
        .sides
        .iter()
        .map(|s| s.claims.first().and_then(|i| analysis.claim(i)))
        .collect();
    let phrases: Vec<&str> = firsts
        .iter()
        .map(|c| c.as_ref().map_or("", |c| &c.text))
        .collect();
    let values: Vec<String> = finding
        .sides
        .iter()
        .zip(&firsts)
        .map(|(s, c)| format_value(&s.value, s.kind, c.as_ref().and_then(|c| c.unit)))
        .collect();
    let phrase_width = phrases.iter().map(|p| p.chars().count()).max().unwrap_or(0);
    let value_width = values.iter().map(|v| v.chars().count()).max().unwrap_or(0);
    for (i, side) in finding.sides.iter().enumerate() {
        let (sign, other) = if i == 0 {
            ('-', phrases.get(1))
        } else {
            ('+', phrases.first())
        };
        let emphasized = emphasize(phrases[i], other.copied().unwrap_or(""), i == 0, color);
        let pad = " ".repeat(phrase_width - phrases[i].chars().count());
        // One line per source: `path:line:col, line:col (Outlet)`; the first stands on the
        // side's line, the others below it, aligned.
        // A side's claims are in document order, so a source's claims stand together; the
        // map keeps a side of a run of 100,000 articles from searching every source per claim.
        // Only a claim's place is read: a side of a large run holds hundreds of thousands.
        // They are read and written out in parallel, a chunk of claims at a time, each chunk
        // giving runs of one source's places in order; the runs are then gathered by source.
        let runs: Vec<Vec<(usize, String)>> = side
            .claims
            .as_u32()
            .par_chunks(PLACES_CHUNK)
            .map(|chunk| {
                let mut runs: Vec<(usize, String)> = Vec::new();
                for (source, span) in chunk.iter().filter_map(|&c| analysis.place(c as usize)) {
                    let (line, col) = locator.line_col(analysis, source, span.start);
                    match runs.last_mut() {
                        Some((last, at)) if *last == source => {
                            // Writing to a String cannot fail.
                            let _ = write!(at, ", {line}:{col}");
                        }
                        _ => runs.push((source, format!("{line}:{col}"))),
                    }
                }
                runs
            })
            .collect();
        let mut per_source: Vec<(usize, String)> = Vec::new();
        let mut slot_of: HashMap<usize, usize> = HashMap::new();
        for (source, at) in runs.into_iter().flatten() {
            let slot = match per_source.last() {
                Some(&(last, _)) if last == source => per_source.len() - 1,
                _ => *slot_of.entry(source).or_insert_with(|| {
                    per_source.push((source, String::new()));
                    per_source.len() - 1
                }),
            };
            let into = &mut per_source[slot].1;
            if into.is_empty() {
                *into = at;
            } else {
                into.push_str(", ");
                into.push_str(&at);
            }
        }
        let place_lines: Vec<String> = per_source
            .iter()
            .map(|(source, at)| {
                let doc = &analysis.documents[*source];
                let outlet = doc
                    .outlet
                    .as_deref()
                    .map(|o| format!(" ({o})"))
                    .unwrap_or_default();
                format!("{}:{at}{}", doc.path, paint(outlet, color, |s| s.dimmed()))
            })
            .collect();
        let value = format!("{:<value_width$}", values[i]);
        let sign = match sign {
            '-' => paint(sign.to_string(), color, |s| s.red()),
            _ => paint(sign.to_string(), color, |s| s.green()),
        };
        writeln!(
            out,
            "  {sign} {emphasized}{pad}   {}   {}",
            paint(value, color, |s| s.cyan()),
            place_lines.first().map(String::as_str).unwrap_or_default()
        )?;
        // The quote is of the side's first claim, the first place on the side's line.
        if options.context {
            if let Some(quote) = firsts[i].as_ref().and_then(|c| quote(analysis, c, color)) {
                writeln!(out, "      {quote}")?;
            }
        }
        let indent = " ".repeat(4 + phrase_width + 3 + value_width + 3);
        for more in place_lines.iter().skip(1) {
            out.write_all(indent.as_bytes())?;
            out.write_all(more.as_bytes())?;
            out.write_all(b"\n")?;
        }
    }
    Ok(())
}

/// How many characters of a sentence a quote shows on each side of its figure.
const QUOTE_REACH: usize = 60;

/// The sentence `claim` was read from, on one line: at most [`QUOTE_REACH`] characters on
/// each side of the figure (cut at a space, with `…`), markup tags left out, the figure
/// emphasized. `None` when the articles' text is gone or the claim's place is not in it.
fn quote(analysis: &Analysis, claim: &crate::claim::Claim, color: bool) -> Option<String> {
    let document = analysis.documents.get(claim.source)?;
    let text = document.text.as_str();
    let before = text.get(claim.sentence.start..claim.span.start)?;
    let figure = text.get(claim.span.clone())?;
    let after = text.get(claim.span.end..claim.sentence.end)?;
    if figure.is_empty() {
        return None;
    }
    let html = document.format == crate::markup::Format::Html;
    let before = one_line(before, html);
    let after = one_line(after, html);
    let before = match before.char_indices().rev().nth(QUOTE_REACH - 1) {
        Some((cut, _)) => {
            // From the first space after the cut, so that no word is halved.
            let from = before[cut..].find(' ').map_or(cut, |s| cut + s + 1);
            format!("…{}", &before[from..])
        }
        None => before,
    };
    let after = match after.char_indices().nth(QUOTE_REACH) {
        Some((cut, _)) => {
            let to = after[..cut].rfind(' ').unwrap_or(cut);
            format!("{}…", &after[..to])
        }
        None => after,
    };
    let figure = paint(one_line(figure, html), color, |s| s.bold());
    Some(format!(
        "{}{figure}{}",
        paint(format!("│ {before}"), color, |s| s.dimmed()),
        paint(after, color, |s| s.dimmed())
    ))
}

/// `text` on one line: each run of white space a single space (kept at either end), and,
/// for HTML, tags (`<b>`, `</p>`) left out.
fn one_line(text: &str, html: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        if html && c == '<' {
            in_tag = true;
        } else if in_tag {
            in_tag = c != '>';
        } else if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The words of `phrase` that are not in `other`, in bold (and underlined) when colour is on.
fn emphasize(phrase: &str, other: &str, is_old: bool, color: bool) -> String {
    if !color {
        return phrase.to_string();
    }
    let diff = if is_old {
        TextDiff::from_words(phrase, other)
    } else {
        TextDiff::from_words(other, phrase)
    };
    let mut out = String::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match (change.tag(), is_old) {
            (ChangeTag::Equal, _) => out.push_str(text),
            (ChangeTag::Delete, true) | (ChangeTag::Insert, false) => {
                out.push_str(&text.bold().underline().to_string())
            }
            _ => {}
        }
    }
    out
}

fn write_summary(out: &mut dyn io::Write, analysis: &Analysis, options: RenderOptions) -> io::Result<()> {
    let c = &analysis.comparison;
    let conflicts = c
        .findings
        .iter()
        .filter(|f| f.verdict == Verdict::Conflict)
        .count();
    let discrepancies = c.findings.len() - conflicts;
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let conflicts_text = plural(conflicts, "conflict", "conflicts");
    let conflicts_text = if conflicts > 0 {
        paint(conflicts_text, options.color, |s| s.red().bold())
    } else {
        conflicts_text
    };
    let discrepancies_text = plural(discrepancies, "discrepancy", "discrepancies");
    let discrepancies_text = if discrepancies > 0 {
        paint(discrepancies_text, options.color, |s| s.yellow().bold())
    } else {
        discrepancies_text
    };
    let keyed = analysis.keyed_claims();
    writeln!(
        out,
        "{}, {} ({keyed} keyed), {}: {conflicts_text}, {discrepancies_text}, {}",
        plural(analysis.documents.len(), "source", "sources"),
        plural(analysis.claim_count(), "claim", "claims"),
        plural(c.keys_compared, "key compared", "keys compared"),
        plural(c.agreements.len(), "agreement", "agreements"),
    )
}

/// Applies a style only when colour is on, so tests and pipes see plain text.
pub(crate) fn paint(text: String, color: bool, style: impl Fn(&str) -> ColoredString) -> String {
    if color {
        style(&text).to_string()
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::rules::RuleSet;

    /// Articles whose tolls disagree: a finding whose sides' places are read in several
    /// chunks, one source's two claims falling in different chunks.
    fn analysis() -> Analysis {
        let docs = (0..12)
            .map(|i| {
                let toll = if i % 3 == 0 { 40 } else { 52 };
                let homes = match i {
                    0 | 1 => "It destroyed 450 homes.\n",
                    2 | 3 => "It destroyed 300 homes.\n",
                    _ => "",
                };
                let text = format!(
                    "---\npublished: 2026-03-0{}\n---\nThe storm killed {toll} people, officials said.\n\n\
                     Rescuers found that it killed {toll} people.\n\n{homes}",
                    1 + i % 2,
                );
                Document::parse(format!("{i:02}.txt"), text).expect("front matter")
            })
            .collect();
        crate::analyze(docs, &RuleSet::generic())
    }

    fn human_on(threads: usize, analysis: &Analysis) -> String {
        let mut out = Vec::new();
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool")
            .install(|| write_human(&mut out, analysis, RenderOptions::default()))
            .expect("report");
        String::from_utf8(out).expect("utf-8")
    }

    #[test]
    fn reports_are_the_same_on_one_thread_and_four() {
        let analysis = analysis();
        // A side whose places are read in more than one chunk.
        let chunked = analysis
            .comparison
            .findings
            .iter()
            .flat_map(|f| &f.sides)
            .any(|s| s.claims.len() > PLACES_CHUNK);
        assert!(chunked, "a side of more than {PLACES_CHUNK} claims");
        let one = human_on(1, &analysis);
        assert_eq!(one, human_on(4, &analysis));
        // Each source's two places stand on one line, whatever chunk they were placed in.
        assert!(one.contains("03.txt:4:18, 6:31"), "{one}");
    }

    #[test]
    fn with_context_each_side_quotes_its_first_sentence() {
        let analysis = analysis();
        let mut out = Vec::new();
        let options = RenderOptions {
            context: true,
            ..RenderOptions::default()
        };
        write_human(&mut out, &analysis, options).expect("report");
        let report = String::from_utf8(out).expect("utf-8");
        let quotes: Vec<&str> = report.lines().filter(|l| l.starts_with("      │ ")).collect();
        // One quote per side: two tolls, two counts of homes.
        assert_eq!(
            quotes,
            [
                "      │ The storm killed 40 people, officials said.",
                "      │ The storm killed 52 people, officials said.",
                "      │ It destroyed 450 homes.",
                "      │ It destroyed 300 homes.",
            ],
            "{report}"
        );
        // Without it, nothing is quoted.
        assert!(!human_on(1, &analysis).contains('│'));
    }

    #[test]
    fn a_quote_is_one_line_cut_at_spaces_around_its_figure() {
        assert_eq!(one_line("a  long\n\tline ", false), "a long line ");
        assert_eq!(
            one_line("<p>killed <b>40</b>\npeople</p>", true),
            "killed 40 people"
        );
        assert_eq!(one_line("3 < 4 > 2", false), "3 < 4 > 2");
        let docs = vec![
            Document::parse(
                "a.txt".to_string(),
                format!(
                    "{} killed 40 people {}.\n",
                    "word ".repeat(30),
                    "more ".repeat(30)
                ),
            )
            .expect("plain text"),
            Document::parse("b.txt".to_string(), "The storm killed 52 people.\n".to_string())
                .expect("plain text"),
        ];
        let analysis = crate::analyze(docs, &RuleSet::generic());
        let claim = analysis.claim(0).expect("a claim");
        let quote = quote(&analysis, &claim, false).expect("text is kept");
        assert!(quote.starts_with("│ …word word"), "{quote}");
        assert!(quote.ends_with("more more…"), "{quote}");
        assert!(quote.contains(" killed 40 people "), "{quote}");
        // Sixty characters of the sentence on each side of the figure, cut at a space.
        let (before, after) = quote.split_once("40").expect("the figure");
        assert!(
            before.chars().count() <= "│ …".chars().count() + QUOTE_REACH,
            "{before}"
        );
        assert!(after.chars().count() <= QUOTE_REACH + 1, "{after}");
    }
}
