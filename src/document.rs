//! One article and its optional front matter.
//!
//! Articles saved from the web often carry Jekyll/Hugo style front matter
//! naming the outlet and the publication date. Both matter when comparing
//! numbers: the outlet labels each side of a disagreement, and the date
//! tells an update ("26 dead" the next day) from a contradiction.

use chrono::{DateTime, NaiveDate, NaiveDateTime};

use crate::markup::Format;

mod byline;

/// One article as read, with its optional front matter parsed.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The path as given on the command line, or "-" for stdin.
    pub path: String,
    /// The whole file exactly as read (front matter included), so that byte
    /// offsets and line numbers match what the user sees in an editor.
    pub text: String,
    /// Byte offset into `text` where the article body starts: just after the
    /// closing `---` line, or after a UTF-8 byte order mark when there is no
    /// front matter (0 for a file with neither).
    pub body_start: usize,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    /// Where `published` came from (`None` when there is no date).
    pub published_from: Option<DateSource>,
    /// How the article is written (plain text, Markdown or HTML), from its path or, when the
    /// path does not tell, from how the text starts.
    pub format: Format,
}

impl Document {
    /// Parses optional front matter: the file starts with a line `---`, then
    /// `key: value` lines, then a line `---`.
    ///
    /// CRLF line endings and a UTF-8 byte order mark before the first `---`
    /// are accepted. Known keys (matched ignoring ASCII case) are `outlet`
    /// and `published`, with `date` as a synonym for `published` that loses
    /// when both are given. Values may be quoted with "..." or '...'; an
    /// empty value, `null` or `~` counts as absent; unknown keys (title, url,
    /// tags, ...) are ignored. Besides `YYYY-MM-DD`, a date may carry a time
    /// as Hugo and Jekyll write it (`2025-02-03T10:00:00Z`,
    /// `2025-02-03 10:00:00 +0100`); the date as written is kept.
    ///
    /// A date that is not valid (`2025-02-30`, `soon`) is an error naming its
    /// line and column, because silently dropping it would make the
    /// comparison treat an old article as current.
    ///
    /// Without a closing `---`, or when a line between the two `---` does
    /// not look like front matter (so the file most likely opens with a
    /// markdown horizontal rule), the whole file is body: losing article text
    /// would be worse than missing metadata.
    pub fn parse(path: impl Into<String>, text: String) -> Result<Document, DocumentError> {
        let mut document = Self::parse_front_matter(path.into(), text)?;
        if document.format == Format::Html {
            read_html_meta(&mut document);
        } else if document.published.is_none() {
            // Text and Markdown copied from the web keep the page's dateline as a line.
            if let Some(found) = byline::byline_date(&document.text, document.body_start) {
                let line = document.text[..found.offset].matches('\n').count() + 1;
                document.set_published(found.date, DateSource::HeaderLine { line });
            }
        }
        Ok(document)
    }

    /// Dates the article, saying where the date came from.
    pub fn set_published(&mut self, date: NaiveDate, from: DateSource) {
        self.published = Some(date);
        self.published_from = Some(from);
    }

    fn parse_front_matter(path: String, text: String) -> Result<Document, DocumentError> {
        let bom = if text.starts_with('\u{feff}') {
            '\u{feff}'.len_utf8()
        } else {
            0
        };

        let mut document = Document {
            format: Format::of(&path, &text),
            path,
            body_start: bom,
            outlet: None,
            published: None,
            published_from: None,
            text,
        };
        let Some(front) = find_front_matter(&document.text, bom) else {
            return Ok(document);
        };
        let mut published = None;
        let mut date = None;
        for line in &front.lines {
            // Indented lines belong to a nested value, not to the top level;
            // comments and list items hold no key.
            if line
                .text
                .starts_with(|c: char| c.is_whitespace() || c == '#' || c == '-')
            {
                continue;
            }
            let Some((key, raw)) = line.text.split_once(':') else {
                continue;
            };
            let key = key.trim();
            let (value, value_at) = scalar(raw);
            let value_at = line.text.len() - raw.len() + value_at;
            let column = line.text.get(..value_at).unwrap_or("").chars().count() + 1;
            let value = value.filter(|value| !matches!(value.as_str(), "" | "~" | "null"));
            if key.eq_ignore_ascii_case("outlet") {
                document.outlet = value;
            } else if key.eq_ignore_ascii_case("published") || key.eq_ignore_ascii_case("date") {
                let parsed = value
                    .map(|value| match parse_date(&value) {
                        Some(date) => Ok(date),
                        None => Err(DocumentError::InvalidDate {
                            key: key.to_ascii_lowercase(),
                            line: line.number,
                            column,
                            value,
                        }),
                    })
                    .transpose()?;
                if key.eq_ignore_ascii_case("published") {
                    published = parsed;
                } else {
                    date = parsed;
                }
            }
        }
        document.published = published.or(date);
        document.published_from = document.published.map(|_| DateSource::FrontMatter);
        document.body_start = front.body_start;
        Ok(document)
    }

    /// The article text after the front matter.
    pub fn body(&self) -> &str {
        self.text.get(self.body_start..).unwrap_or("")
    }
}

/// Where an article's publication date came from, from the most to the least specific.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSource {
    /// `published:` or `date:` in the front matter.
    FrontMatter,
    /// A web page's `<meta>` tag (`article:published_time`, ...).
    MetaTag,
    /// A dateline at the top of the article (`Published September 2, 2025`), at this 1-based
    /// line of the file.
    HeaderLine { line: usize },
    /// The configuration's `[sources]` entry for the file or its folder.
    Config,
    /// The `--date` option, for articles that state no date.
    Option,
}

impl DateSource {
    /// The name used in machine-readable reports.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::FrontMatter => "front_matter",
            DateSource::MetaTag => "meta_tag",
            DateSource::HeaderLine { .. } => "header_line",
            DateSource::Config => "config",
            DateSource::Option => "date_option",
        }
    }

    /// Whether a date from the configuration's `[sources]` replaces this one: a dateline
    /// read from the text is a guess the user's own configuration overrules.
    pub fn yields_to_config(self) -> bool {
        matches!(self, DateSource::HeaderLine { .. })
    }
}

/// Web pages carry their publication date and site name in `<meta>` tags
/// (`article:published_time`, `og:site_name`, ...): an HTML article without front matter
/// takes them from there. Front matter wins; a date that does not parse is ignored (a page's
/// metadata is not the user's to fix).
fn read_html_meta(document: &mut Document) {
    const DATES: &[&str] = &[
        "article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
    ];
    const OUTLETS: &[&str] = &["og:site_name", "application-name", "publisher"];
    if document.published.is_some() && document.outlet.is_some() {
        return;
    }
    let (mut published, mut outlet) = (None, None);
    for (name, content) in crate::markup::meta_tags(&document.text) {
        if published.is_none() && DATES.contains(&name.as_str()) {
            published = parse_date(&content);
        } else if outlet.is_none() && OUTLETS.contains(&name.as_str()) && !content.is_empty() {
            outlet = Some(content);
        }
    }
    if let (None, Some(date)) = (document.published, published) {
        document.set_published(date, DateSource::MetaTag);
    }
    if document.outlet.is_none() {
        document.outlet = outlet;
    }
}

/// What can be wrong in front matter.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum DocumentError {
    /// A `published` (or `date`) value that is not a real calendar date.
    /// `key` is the key as written, lowercased; `line` and `column` are
    /// 1-based and point at the value (inside its quotes, if any).
    #[error("invalid `{key}` date `{value}` at line {line}, column {column}")]
    InvalidDate {
        key: String,
        line: usize,
        column: usize,
        value: String,
    },
}

impl DocumentError {
    /// A hint on how to fix the error, for the CLI to show under it.
    pub fn help(&self) -> String {
        match self {
            DocumentError::InvalidDate { key, .. } => format!(
                "write the date as YYYY-MM-DD, e.g. `{key}: 2025-02-28`, or delete the line to use the fallback date"
            ),
        }
    }
}

/// The front matter block of a file.
struct FrontMatter<'a> {
    /// The lines between the two `---` lines.
    lines: Vec<Line<'a>>,
    /// Byte offset just after the closing `---` line (and its line ending).
    body_start: usize,
}

/// One line of a file, without its line ending.
struct Line<'a> {
    /// 1-based line number in the file.
    number: usize,
    text: &'a str,
}

/// Finds front matter starting at byte `from` (0, or just after a BOM).
fn find_front_matter(text: &str, from: usize) -> Option<FrontMatter<'_>> {
    let rest = text.get(from..)?;
    let mut lines = Vec::new();
    let mut at = from;
    for (index, raw) in rest.split_inclusive('\n').enumerate() {
        at += raw.len();
        let content = raw.strip_suffix('\n').unwrap_or(raw);
        let content = content.strip_suffix('\r').unwrap_or(content);
        let is_fence = content.trim_end() == "---";
        if index == 0 {
            if !is_fence || !raw.ends_with('\n') {
                return None;
            }
            continue;
        }
        if is_fence {
            return Some(FrontMatter {
                lines,
                body_start: at,
            });
        }
        if !looks_like_front_matter(content) {
            return None;
        }
        lines.push(Line {
            number: index + 1,
            text: content,
        });
    }
    None
}

/// When a document that was read whole as body opens with a `---` line followed by front
/// matter lines naming `published`, `date` or `outlet`, and no `---` closes them: the line of
/// the opening `---` (1-based) and the first such key. The file is still read (losing
/// article text would be worse), but the user meant front matter and should hear that its
/// date is not used.
pub fn unclosed_front_matter(document: &Document) -> Option<(usize, String)> {
    let bom = if document.text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    if document.body_start != bom {
        return None;
    }
    let mut lines = document.text[bom..].lines();
    if lines.next()?.trim_end() != "---" {
        return None;
    }
    for line in lines {
        if line.trim_end() == "---" || !looks_like_front_matter(line) {
            return None;
        }
        if let Some((key, _)) = line.split_once(':') {
            let key = key.trim();
            if ["published", "date", "outlet"]
                .iter()
                .any(|k| key.eq_ignore_ascii_case(k))
            {
                return Some((1, key.to_string()));
            }
        }
    }
    None
}

/// Whether a line can belong to a YAML front matter block: blank, a
/// comment, an indented continuation or list item, or `key: value` with a
/// one-word key.
fn looks_like_front_matter(line: &str) -> bool {
    if line.trim().is_empty()
        || line.starts_with(char::is_whitespace)
        || line.starts_with('#')
        || line == "-"
        || line.starts_with("- ")
    {
        return true;
    }
    let Some((key, rest)) = line.split_once(':') else {
        return false;
    };
    let key = key.trim_end();
    !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
        && (rest.is_empty() || rest.starts_with(char::is_whitespace))
}

/// Reads a YAML-ish scalar from the text after `key:`. Returns the value
/// (`None` when there is nothing) and the byte offset within `raw` where the
/// value's text starts (after the opening quote, if quoted), for error
/// columns.
fn scalar(raw: &str) -> (Option<String>, usize) {
    let trimmed = raw.trim_start();
    let lead = raw.len() - trimmed.len();
    for quote in ['"', '\''] {
        if let Some(inner) = trimmed.strip_prefix(quote) {
            if let Some(value) = unquote(inner, quote) {
                return (Some(value), lead + quote.len_utf8());
            }
        }
    }
    // Plain scalar: a ` #` starts a comment.
    let mut end = trimmed.len();
    for (at, _) in trimmed.match_indices('#') {
        if trimmed
            .get(..at)
            .is_some_and(|before| before.ends_with(char::is_whitespace))
        {
            end = at;
            break;
        }
    }
    let value = trimmed.get(..end).unwrap_or(trimmed).trim_end();
    (Some(value.to_string()).filter(|v| !v.is_empty()), lead)
}

/// The content of a quoted scalar whose opening quote has been removed, if
/// the closing quote is found and only a comment (or nothing) follows it.
/// Double quotes understand `\"` and `\\`; single quotes understand `''`.
fn unquote(inner: &str, quote: char) -> Option<String> {
    let mut value = String::new();
    let mut chars = inner.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            match chars.peek() {
                Some(&(_, next @ ('"' | '\\'))) => {
                    value.push(next);
                    chars.next();
                }
                _ => value.push(c),
            }
        } else if c == quote {
            if quote == '\'' && chars.peek().is_some_and(|&(_, next)| next == '\'') {
                value.push('\'');
                chars.next();
                continue;
            }
            let after = inner.get(at + c.len_utf8()..).unwrap_or("").trim();
            return (after.is_empty() || after.starts_with('#')).then_some(value);
        } else {
            value.push(c);
        }
    }
    None
}

/// Parses `YYYY-MM-DD`, optionally followed by a time in one of the forms
/// static site generators write.
fn parse_date(value: &str) -> Option<NaiveDate> {
    let date_part = value.get(..10)?;
    let bytes = date_part.as_bytes();
    let shape_ok = bytes.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    if !shape_ok {
        return None;
    }
    let number = |range: std::ops::Range<usize>| date_part.get(range)?.parse::<u32>().ok();
    let year = i32::try_from(number(0..4)?).ok()?;
    let date = NaiveDate::from_ymd_opt(year, number(5..7)?, number(8..10)?)?;
    if value.len() == 10 {
        return Some(date);
    }
    let with_time = DateTime::parse_from_rfc3339(value).is_ok()
        || [
            "%Y-%m-%dT%H:%M:%S%.f",
            "%Y-%m-%d %H:%M:%S%.f",
            "%Y-%m-%dT%H:%M",
            "%Y-%m-%d %H:%M",
        ]
        .iter()
        .any(|format| NaiveDateTime::parse_from_str(value, format).is_ok())
        || ["%Y-%m-%d %H:%M:%S%.f %z", "%Y-%m-%dT%H:%M:%S%.f%z"]
            .iter()
            .any(|format| DateTime::parse_from_str(value, format).is_ok());
    with_time.then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn parse(text: &str) -> Result<Document, DocumentError> {
        Document::parse("a.md", text.to_string())
    }

    #[test]
    fn html_pages_give_their_date_and_site_name_in_meta_tags() {
        let page = "<html><head><meta property=\"og:site_name\" content=\"Daily Wire\">\
            <meta content='2025-09-03T08:15:00+08:00' property='article:published_time'/></head>\
            <body><p>Storm kills 26.</p></body></html>";
        let doc = Document::parse("a.html", page.to_string()).unwrap();
        assert_eq!(doc.published, date(2025, 9, 3));
        assert_eq!(doc.outlet.as_deref(), Some("Daily Wire"));
        // Front matter wins; an unparsable date is ignored.
        let fronted = format!("---\npublished: 2025-09-01\n---\n{page}");
        assert_eq!(
            Document::parse("a.html", fronted).unwrap().published,
            date(2025, 9, 1)
        );
        let bad = page.replace("2025-09-03T08:15:00+08:00", "yesterday");
        assert_eq!(Document::parse("a.html", bad).unwrap().published, None);
        // Plain text is not searched for tags.
        let text = "<meta name=\"date\" content=\"2025-09-03\"> Storm kills 26.";
        assert_eq!(
            Document::parse("a.txt", text.to_string()).unwrap().published,
            None
        );
    }

    #[test]
    fn unclosed_front_matter_is_found_only_when_it_names_a_known_key() {
        let unclosed = parse("---\ntitle: Storm\npublished: 2025-09-03\n\nStorm kills 26.\n").unwrap();
        assert_eq!(unclosed.body_start, 0);
        assert_eq!(
            unclosed_front_matter(&unclosed),
            Some((1, "published".to_string()))
        );
        // Closed: no note.
        let closed = parse("---\npublished: 2025-09-03\n---\nStorm kills 26.\n").unwrap();
        assert_eq!(unclosed_front_matter(&closed), None);
        // A horizontal rule opening a Markdown file, or unknown keys only: no note.
        let rule = parse("---\nStorm kills 26.\n").unwrap();
        assert_eq!(unclosed_front_matter(&rule), None);
        let unknown = parse("---\ntitle: Storm\n\nStorm kills 26.\n").unwrap();
        assert_eq!(unclosed_front_matter(&unknown), None);
    }

    #[test]
    fn no_front_matter_is_all_body() {
        let doc = parse("Storm kills 26.\n").unwrap();
        assert_eq!(doc.path, "a.md");
        assert_eq!(doc.body_start, 0);
        assert_eq!(doc.body(), "Storm kills 26.\n");
        assert_eq!(doc.outlet, None);
        assert_eq!(doc.published, None);
    }

    #[test]
    fn empty_text() {
        let doc = parse("").unwrap();
        assert_eq!(doc.body_start, 0);
        assert_eq!(doc.body(), "");
    }

    #[test]
    fn front_matter_is_parsed() {
        let text = "---\ntitle: Storm\noutlet: Daily News\npublished: 2025-02-03\nurl: https://example.com/a\n---\nStorm kills 26.\n";
        let doc = parse(text).unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("Daily News"));
        assert_eq!(doc.published, date(2025, 2, 3));
        assert_eq!(doc.body(), "Storm kills 26.\n");
        assert_eq!(doc.text, text);
        assert_eq!(&text[doc.body_start..], "Storm kills 26.\n");
    }

    #[test]
    fn crlf_front_matter() {
        let doc = parse("---\r\noutlet: Wire\r\npublished: 2025-02-03\r\n---\r\nBody.\r\n").unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("Wire"));
        assert_eq!(doc.published, date(2025, 2, 3));
        assert_eq!(doc.body(), "Body.\r\n");
    }

    #[test]
    fn bom_before_front_matter() {
        let doc = parse("\u{feff}---\noutlet: Wire\n---\nBody.").unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("Wire"));
        assert_eq!(doc.body(), "Body.");
    }

    #[test]
    fn bom_without_front_matter_is_skipped_from_the_body() {
        let doc = parse("\u{feff}Body.").unwrap();
        assert_eq!(doc.body_start, 3);
        assert_eq!(doc.body(), "Body.");
    }

    #[test]
    fn quoted_values() {
        let doc = parse("---\noutlet: \"The \\\"Daily\\\" News\"\npublished: '2025-02-03'\n---\n").unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("The \"Daily\" News"));
        assert_eq!(doc.published, date(2025, 2, 3));
        let doc = parse("---\noutlet: 'It''s News' # comment\n---\n").unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("It's News"));
    }

    #[test]
    fn quoted_value_keeps_a_hash() {
        let doc = parse("---\noutlet: \"Channel #4\"\n---\n").unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("Channel #4"));
    }

    #[test]
    fn unclosed_quote_is_taken_literally() {
        let doc = parse("---\noutlet: \"Wire\n---\n").unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("\"Wire"));
    }

    #[test]
    fn trailing_comment_is_dropped() {
        let doc = parse("---\noutlet: Wire # via AP\npublished: 2025-02-03 # updated\n---\n").unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("Wire"));
        assert_eq!(doc.published, date(2025, 2, 3));
        let doc = parse("---\noutlet: Channel#4\n---\n").unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("Channel#4"));
    }

    #[test]
    fn date_is_a_synonym_and_published_wins() {
        let doc = parse("---\ndate: 2025-02-03\n---\n").unwrap();
        assert_eq!(doc.published, date(2025, 2, 3));
        let doc = parse("---\npublished: 2025-02-04\ndate: 2025-02-03\n---\n").unwrap();
        assert_eq!(doc.published, date(2025, 2, 4));
        let doc = parse("---\ndate: 2025-02-03\npublished: 2025-02-04\n---\n").unwrap();
        assert_eq!(doc.published, date(2025, 2, 4));
    }

    #[test]
    fn keys_ignore_case_and_last_value_wins() {
        let doc = parse("---\nOutlet: A\nOUTLET: B\nPublished: 2025-01-01\n---\n").unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("B"));
        assert_eq!(doc.published, date(2025, 1, 1));
    }

    #[test]
    fn empty_or_null_values_are_absent() {
        let doc = parse("---\noutlet:\npublished: ~\ndate: null\n---\n").unwrap();
        assert_eq!(doc.outlet, None);
        assert_eq!(doc.published, None);
        let doc = parse("---\noutlet: \"\"\npublished: ''\n---\n").unwrap();
        assert_eq!(doc.outlet, None);
        assert_eq!(doc.published, None);
    }

    #[test]
    fn dates_with_times() {
        for value in [
            "2025-02-03T10:00:00Z",
            "2025-02-03T23:30:00-05:00",
            "2025-02-03T10:00:00.123+01:00",
            "2025-02-03T10:00:00",
            "2025-02-03 10:00:00",
            "2025-02-03 10:00",
            "2025-02-03T10:00",
            "2025-02-03 10:00:00 +0100",
            "\"2025-02-03T10:00:00Z\"",
        ] {
            let doc = parse(&format!("---\ndate: {value}\n---\n")).unwrap();
            assert_eq!(doc.published, date(2025, 2, 3), "{value}");
        }
    }

    #[test]
    fn invalid_dates_are_errors_with_position() {
        let error = parse("---\ntitle: x\npublished: 2025-02-30\n---\nBody.").unwrap_err();
        assert_eq!(
            error,
            DocumentError::InvalidDate {
                key: "published".into(),
                line: 3,
                column: 12,
                value: "2025-02-30".into(),
            }
        );
        assert_eq!(
            error.to_string(),
            "invalid `published` date `2025-02-30` at line 3, column 12"
        );
        assert!(error.help().contains("YYYY-MM-DD"));
    }

    #[test]
    fn invalid_date_forms() {
        for value in [
            "soon",
            "2025-2-3",
            "2025/02/03",
            "03-02-2025",
            "2025-13-01",
            "2025-02-03x",
            "2025-02-03T25:00:00",
            "2025-02-03 garbage",
            "+2025-02-03",
            "2025-02-0é",
            "é",
        ] {
            let result = parse(&format!("---\npublished: {value}\n---\n"));
            assert!(
                matches!(result, Err(DocumentError::InvalidDate { .. })),
                "{value}"
            );
        }
    }

    #[test]
    fn invalid_date_column_counts_chars_and_skips_quotes() {
        let error = parse("---\ndate:   \"soon\"\n---\n").unwrap_err();
        assert_eq!(
            error,
            DocumentError::InvalidDate {
                key: "date".into(),
                line: 2,
                column: 10,
                value: "soon".into(),
            }
        );
        let error = parse("\u{feff}---\r\n\r\nDate: 2025-02-29\r\n---\r\n").unwrap_err();
        assert_eq!(
            error,
            DocumentError::InvalidDate {
                key: "date".into(),
                line: 3,
                column: 7,
                value: "2025-02-29".into(),
            }
        );
    }

    #[test]
    fn space_before_colon_is_allowed() {
        let doc = parse("---\noutlet : Wire\n---\n").unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("Wire"));
        let error = parse("---\npublished : soon\n---\n").unwrap_err();
        assert!(matches!(error, DocumentError::InvalidDate { column: 13, .. }));
    }

    #[test]
    fn leap_day_is_valid_in_a_leap_year() {
        let doc = parse("---\npublished: 2024-02-29\n---\n").unwrap();
        assert_eq!(doc.published, date(2024, 2, 29));
    }

    #[test]
    fn no_closing_fence_is_all_body() {
        let text = "---\noutlet: Wire\npublished: soon\nStorm kills 26.";
        let doc = parse(text).unwrap();
        assert_eq!(doc.body_start, 0);
        assert_eq!(doc.outlet, None);
        assert_eq!(doc.body(), text);
    }

    #[test]
    fn lone_fence_is_all_body() {
        assert_eq!(parse("---").unwrap().body(), "---");
        assert_eq!(parse("---\n").unwrap().body(), "---\n");
    }

    #[test]
    fn empty_front_matter() {
        let doc = parse("---\n---\nBody.").unwrap();
        assert_eq!(doc.body(), "Body.");
        assert_eq!(doc.outlet, None);
    }

    #[test]
    fn closing_fence_at_end_of_file() {
        let doc = parse("---\noutlet: Wire\n---").unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("Wire"));
        assert_eq!(doc.body(), "");
        let doc = parse("---  \noutlet: Wire\n---\t\r\n").unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("Wire"));
        assert_eq!(doc.body(), "");
    }

    #[test]
    fn fence_must_start_the_file() {
        let text = "\n---\noutlet: Wire\n---\nBody.";
        let doc = parse(text).unwrap();
        assert_eq!(doc.body_start, 0);
        assert_eq!(doc.outlet, None);
        let doc = parse(" ---\noutlet: Wire\n---\n").unwrap();
        assert_eq!(doc.outlet, None);
        let doc = parse("----\noutlet: Wire\n----\n").unwrap();
        assert_eq!(doc.outlet, None);
    }

    #[test]
    fn yaml_lists_comments_and_blocks_are_tolerated() {
        let text = "---\n# saved from the web\ntags:\n  - storm\n  - weather\n- loose\ndescription: |\n  Long text: with colons.\nco-author.name: X\nsource:\n  outlet: Nested\n  date: soon\n---\nBody.";
        let doc = parse(text).unwrap();
        assert_eq!(doc.body(), "Body.");
        assert_eq!(doc.outlet, None);
    }

    #[test]
    fn prose_between_rules_is_not_front_matter() {
        let text = "---\nOfficials said: 26 people died.\n---\nMore text.";
        let doc = parse(text).unwrap();
        assert_eq!(doc.body_start, 0);
        assert_eq!(doc.body(), text);
        let text = "---\nJust a paragraph\n---\n";
        assert_eq!(parse(text).unwrap().body_start, 0);
        let text = "---\nurl:https://x\n---\n";
        assert_eq!(parse(text).unwrap().body_start, 0);
    }

    #[test]
    fn body_start_past_text_does_not_panic() {
        let mut doc = parse("abc").unwrap();
        doc.body_start = 99;
        assert_eq!(doc.body(), "");
        doc.body_start = 1;
        doc.text = "é".into();
        assert_eq!(doc.body(), "");
    }

    #[test]
    fn unicode_values() {
        let doc = parse("---\noutlet: Le Monde — Édition\n---\n中文。").unwrap();
        assert_eq!(doc.outlet.as_deref(), Some("Le Monde — Édition"));
        assert_eq!(doc.body(), "中文。");
    }
}
