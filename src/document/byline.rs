//! The publication date an article states in its own header lines.
//!
//! Articles copied from the web often keep the page's header as plain lines before the
//! story: `Published September 2, 2025 at 4:05 p.m. ET`, `Updated 9:14 AM EDT, Sept. 2,
//! 2025`, `By Jane Doe | 2 September 2025`, or a date alone on a line. Such a line dates the
//! article as front matter would. Only short lines near the top are read, and a line is taken
//! only when everything on it besides one full calendar date is a label (`Published`,
//! `Updated`, ...), a weekday, a clock time, a time zone, punctuation or, after a leading
//! `By`, an author's name: a sentence that mentions a date (`The storm hit on September 2,
//! 2025.`) dates an event, not the article.

use chrono::NaiveDate;

use crate::claim::Kind;
use crate::token::{tokenize, Token, TokenKind};

/// How many non-blank lines at the top of the body may hold the date.
const HEADER_LINES: usize = 8;
/// Longer lines are prose, not header lines.
const MAX_LINE_CHARS: usize = 120;

/// A publication date read from a header line, and the line's byte offset in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BylineDate {
    pub date: NaiveDate,
    pub offset: usize,
}

/// The publication date stated by a header line of the body starting at `body_start`: the
/// first line labelled as the publication (`Published`, `Posted`, `First published`), else
/// the first dated header line (an `Updated` line, a bare date).
pub fn byline_date(text: &str, body_start: usize) -> Option<BylineDate> {
    let mut first = None;
    for (offset, line) in header_lines(text, body_start) {
        let tokens = tokenize(text, offset..offset + line.len());
        let Some(date) = header_date(&tokens) else {
            continue;
        };
        let found = BylineDate { date, offset };
        if labelled_as_publication(&tokens) {
            return Some(found);
        }
        first.get_or_insert(found);
    }
    first
}

/// The first non-blank lines of the body, with their byte offsets, up to the first long line.
fn header_lines(text: &str, body_start: usize) -> impl Iterator<Item = (usize, &str)> {
    let body = text.get(body_start..).unwrap_or("");
    body.split_inclusive('\n')
        .scan(body_start, |offset, line| {
            let start = *offset;
            *offset += line.len();
            Some((start, line.trim_end_matches(['\n', '\r'])))
        })
        .filter(|(_, line)| !line.trim().is_empty())
        .take(HEADER_LINES)
        .take_while(|(_, line)| line.chars().count() <= MAX_LINE_CHARS)
}

/// The one full calendar date of a header line whose other tokens all belong in a dateline.
fn header_date(tokens: &[Token]) -> Option<NaiveDate> {
    let phrases = crate::extract::phrases(tokens, None);
    let [phrase] = phrases.as_slice() else {
        return None;
    };
    if phrase.kind != Kind::Date || phrase.doubt.is_some() {
        return None;
    }
    let value = phrase.value?;
    let (lo, hi) = (value.lo?, value.hi?);
    if lo.value != hi.value {
        return None;
    }
    let date = crate::when::date_of(lo.value)?;
    // `By Jane Doe`, or after a word or two of label: `Exclusive by Karen Doyle`, `Analysis
    // by Jane Doe`.
    let by_author = tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .take(3)
        .any(|t| t.is("by"));
    // After a leading `By`, the author's name (and outlet) runs up to the last separator
    // before the date: `By Jane Doe, Reuters | September 2, 2025`.
    let name_end = if by_author {
        tokens[..phrase.start]
            .iter()
            .rposition(|t| t.kind == TokenKind::Punct && SEPARATORS.contains(&t.text))
            .unwrap_or(phrase.start)
    } else {
        0
    };
    // Phrases count in tokens: every token outside the date's must fit a dateline.
    let date_tokens = phrase.start..phrase.end;
    tokens
        .iter()
        .enumerate()
        .skip(name_end)
        .filter(|(i, _)| !date_tokens.contains(i))
        .all(|(_, t)| belongs_in_dateline(t))
        .then_some(date)
}

/// Punctuation that separates a byline's name from its date.
const SEPARATORS: &[&str] = &["|", "·", "•", "—", "–", "-", ",", "/"];

/// Words that label a dateline or a time in it.
const LABELS: &[&str] = &[
    "published",
    "posted",
    "updated",
    "modified",
    "last",
    "first",
    "date",
    "dated",
    "on",
    "at",
    "am",
    "pm",
    "a.m",
    "p.m",
    "a",
    "m",
    "p",
    "noon",
    "midnight",
    "time",
    "and",
    "edited",
    "revised",
];

/// Words that label the line as the publication itself rather than an update.
const PUBLICATION_LABELS: &[&str] = &["published", "posted", "dated", "date"];

fn labelled_as_publication(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .take(4)
        .any(|t| PUBLICATION_LABELS.iter().any(|l| t.is(l)))
        && !tokens.iter().take(4).any(|t| t.is("updated") || t.is("modified"))
}

/// Whether a token outside the date may stand in a dateline: a label, a weekday, a clock
/// time's digits, a time zone (`ET`, `GMT`, `UTC+8`), or punctuation.
fn belongs_in_dateline(token: &Token) -> bool {
    match token.kind {
        TokenKind::Punct => true,
        // Clock times (`4:05`, `16.30`) and zone offsets (`+8`).
        TokenKind::Number => token.text.len() <= 4,
        TokenKind::Word => {
            let word = token.folded.as_ref();
            LABELS.contains(&word) || crate::when::is_weekday_word(word) || is_time_zone(token.text)
        }
    }
}

/// An abbreviation in capitals as time zones are written: `ET`, `EDT`, `GMT`, `UTC`, `AEST`.
fn is_time_zone(word: &str) -> bool {
    (2..=5).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_of(text: &str) -> Option<NaiveDate> {
        byline_date(text, 0).map(|b| b.date)
    }

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn labelled_header_lines_date_the_article() {
        let text = "Storm hits coast\nPublished September 2, 2025 at 4:05 p.m. ET\n\nThe storm killed 26.\n";
        assert_eq!(date_of(text), day(2025, 9, 2));
        assert_eq!(byline_date(text, 0).unwrap().offset, 17);
        let updated = "Storm hits coast\nUpdated 9:14 AM EDT, Tue September 2, 2025\n\nIt killed 26.\n";
        assert_eq!(date_of(updated), day(2025, 9, 2));
        assert_eq!(date_of("2025-09-02\n\nIt killed 26.\n"), day(2025, 9, 2));
        assert_eq!(date_of("3 Sept 2025\nIt killed 26.\n"), day(2025, 9, 3));
    }

    #[test]
    fn a_byline_may_name_its_author_before_the_date() {
        let text = "By Jane Doe | 2 September 2025\n\nThe storm killed 26.\n";
        assert_eq!(date_of(text), day(2025, 9, 2));
        let text = "# Storm\n\n_By Jane Doe, Reuters · Sept. 2, 2025, 10:14 AM_\n\nIt killed 26.\n";
        assert_eq!(date_of(text), day(2025, 9, 2));
        // A word or two of label may come before `by`.
        let text = "STORM HITS\n\nExclusive by JANE DOE in Wendham | Sunday 19 April 2026\n\nIt killed 26.\n";
        assert_eq!(date_of(text), day(2026, 4, 19));
        // Without `By`, words before the date make the line prose.
        assert_eq!(
            date_of("Jane Doe wrote on 2 September 2025\n\nIt killed 26.\n"),
            None
        );
    }

    #[test]
    fn the_publication_line_wins_over_an_update() {
        let text = "Updated: September 4, 2025\nPublished: September 2, 2025\n\nIt killed 26.\n";
        assert_eq!(date_of(text), day(2025, 9, 2));
        let text = "Updated: September 4, 2025\n\nIt killed 26.\n";
        assert_eq!(date_of(text), day(2025, 9, 4));
    }

    #[test]
    fn sentences_and_partial_dates_do_not_date_the_article() {
        // A sentence stating a date dates an event.
        assert_eq!(date_of("The minister arrived on September 2, 2025.\n"), None);
        // A date without a year, a month or a year alone, a figure beside the date.
        assert_eq!(date_of("LONDON, Sept 2 (Wire) - The minister arrived.\n"), None);
        assert_eq!(date_of("September 2025\n"), None);
        assert_eq!(date_of("Published September 2, 2025, 26 dead\n"), None);
        // Two dates on one line.
        assert_eq!(date_of("September 2, 2025 - September 4, 2025\n"), None);
    }

    #[test]
    fn only_the_header_is_read() {
        let prose = "The storm, which forecasters had tracked for days across the ocean, made landfall \
                     late in the evening near the port, where crews had waited since the morning.\n";
        let text = format!("{prose}Published September 2, 2025\n");
        assert_eq!(date_of(&text), None);
        let deep = format!("{}Published September 2, 2025\n", "Line.\n".repeat(HEADER_LINES));
        assert_eq!(date_of(&deep), None);
        // The body start skips front matter or anything before it.
        let text = "Published September 1, 2025\nPublished September 2, 2025\n";
        assert_eq!(byline_date(text, 28).map(|b| b.date), day(2025, 9, 2));
    }
}
