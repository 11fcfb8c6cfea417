//! Sentence splitting.
//!
//! Numbers are compared sentence by sentence, so a sentence is the unit of
//! context a reader sees next to a disagreement. The splitter is rule based
//! and deliberately conservative: wrongly joining two sentences only makes
//! the quoted context longer, while wrongly splitting one (`Dr.` / `Smith
//! said 26`) can separate a number from what it counts.

use std::ops::Range;

mod furniture;

pub use furniture::furniture;

/// Splits text into sentences, as byte ranges into the original text (trimmed of surrounding whitespace).
///
/// Splitting starts at `start` (the body start, so front matter is never
/// read as prose); an offset past the end gives nothing, and one inside a
/// multi-byte character is moved forward to the next character. Ranges are
/// absolute offsets into `text`, in order, never empty and never overlapping.
///
/// A blank line always ends a paragraph. A single line break usually ends
/// something too, because articles pasted one paragraph per line carry
/// headlines, bylines, list items and table rows without a final period; but
/// in hard-wrapped text it is only a space, and reading it as an end splits
/// "tens of\nthousands" into "tens" and "thousands". A line break is read as
/// a space (see [`soft_break`]) when the next line goes on in lower case, or
/// when the paragraph is wrapped at a fixed width, the line stops short of a
/// sentence end and the next word would not have fitted on it. Blank lines
/// and markdown table separator rows (`|---|:-:|`) yield nothing.
///
/// Within a line a sentence ends after `.`, `!`, `?` or `…` (and any closing
/// quotes or brackets) when whitespace and then the start of a new sentence
/// follow: a letter that is not lowercase, a digit, a currency sign or an
/// opening quote or bracket. A single `.` after a common abbreviation (`Dr.`,
/// `Jan.`, `U.S.`), a capital initial (`John F. Kennedy`) or dotted
/// initials (`J.R.R.`) does not end a sentence, and neither does a period
/// closing something without any letter in it, such as the `1.` of a
/// numbered list. Decimals such as `1.3` are never split because no
/// whitespace follows the point. The CJK full stops `。！？` end a sentence
/// without needing whitespace after them.
pub fn segment(text: &str, start: usize) -> Vec<Range<usize>> {
    let mut start = start.min(text.len());
    while !text.is_char_boundary(start) {
        // Terminates: `text.len()` is always a char boundary.
        start += 1;
    }
    let mut sentences = Vec::new();
    for paragraph in paragraphs(text.get(start..).unwrap_or(""), start) {
        let width = wrap_width(&paragraph);
        let mut run = paragraph[0];
        for pair in paragraph.windows(2) {
            let (line, next) = (pair[0], pair[1]);
            if soft_break(line.1, next.1, width) {
                run.1 = text.get(run.0..next.0 + next.1.len()).unwrap_or(run.1);
            } else {
                split_line(run.1, run.0, &mut sentences);
                run = next;
            }
        }
        split_line(run.1, run.0, &mut sentences);
    }
    bound_lengths(text, sentences)
}

/// The longest line, in chars, that still counts as hard-wrapped: wrapped text is set at
/// 60 to 80 columns, and a paragraph with longer lines was written one line per paragraph.
const WRAP_LIMIT: usize = 120;

/// The narrowest width a wrapped paragraph is set at; below it, a paragraph of short lines
/// is a headline over a byline, not wrapped prose.
const MIN_WRAP_WIDTH: usize = 50;

/// How far short of the width a wrapped line may stop: hand-wrapped text is ragged.
const WRAP_SLACK: usize = 8;

/// Whether the line break between `line` and `next` (two lines of one paragraph, without
/// their line endings) is a space inside a sentence rather than the end of something.
/// `width` is the paragraph's wrap width, or `None` when it is not hard-wrapped.
///
/// Lines that start a list item, a heading or a quote, and table rows, are never joined.
/// A next line that starts in lower case goes on whatever came before ("tens of" /
/// "thousands"). Otherwise the line must stop short of a sentence end, in a paragraph
/// wrapped at a fixed width, and be long enough that the next word would not have fitted
/// on it: a short line in wrapped text is a headline or a byline, kept on its own.
pub fn soft_break(line: &str, next: &str, width: Option<usize>) -> bool {
    let line = line.trim_end();
    let next = next.trim();
    if line.trim_start().is_empty() || next.is_empty() || is_block_line(line) || is_block_line(next) {
        return false;
    }
    let Some(first) = next.chars().next() else {
        return false;
    };
    if first.is_lowercase() {
        return true;
    }
    let Some(width) = width else {
        return false;
    };
    let ends_sentence = line
        .trim_end_matches(is_closer)
        .ends_with(|c: char| is_terminator(c) || c == ':');
    let word = next.split_whitespace().next().map_or(0, |w| w.chars().count());
    !ends_sentence && line.chars().count() + 1 + word + WRAP_SLACK > width
}

/// The longest sentence, in bytes, handed to the later stages. Real sentences are far
/// shorter; a run of text with no full stop (a minified page, a 50 MB line) is cut at spaces
/// so that the cost of keying, which looks around each figure in its sentence, stays linear.
pub const MAX_SENTENCE_BYTES: usize = 4096;

fn bound_lengths(text: &str, sentences: Vec<Range<usize>>) -> Vec<Range<usize>> {
    if sentences.iter().all(|s| s.len() <= MAX_SENTENCE_BYTES) {
        return sentences;
    }
    let mut out = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut start = s.start;
        while s.end - start > MAX_SENTENCE_BYTES {
            let mut cut = start + MAX_SENTENCE_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            // Prefer the last space before the limit, so that no word or number is split.
            let piece = &text[start..cut];
            if let Some(space) = piece.rfind(char::is_whitespace).filter(|&i| i > 0) {
                cut = start + space;
            }
            out.push(start..cut);
            start = cut;
            while start < s.end && text[start..].starts_with(char::is_whitespace) {
                start += text[start..].chars().next().map_or(1, char::len_utf8);
            }
        }
        if start < s.end {
            out.push(start..s.end);
        }
    }
    out
}

/// Abbreviations after which a period does not end the sentence. Matched
/// case-sensitively: `No. 10` is an abbreviation, `said no. Then` is not.
/// Dotted forms such as `U.S` are also caught by the dotted-initials rule but
/// are listed so the list reads as documentation.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Col", "Lt", "Sgt", "Capt", "Sen", "Rep", "Gov", "Pres",
    "Jr", "Sr", "Inc", "Ltd", "Co", "Corp", "No", "Rs", "vs", "etc", "e.g", "i.e", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "U.S", "U.K", "U.N", "E.U",
];

/// Splits one line (without its `\n`; a trailing `\r` is trimmed as
/// whitespace), or lines joined by soft breaks, which start at absolute offset `offset`.
fn split_line(line: &str, offset: usize, out: &mut Vec<Range<usize>>) {
    if is_separator_row(line) {
        return;
    }
    // Byte offsets into `line`, each on a character boundary (no vector of the line's
    // characters: this runs on every line of every article).
    let at = |i: usize| line.get(i..).and_then(|rest| rest.chars().next());
    let mut sentence_start = 0;
    let mut i = 0;
    while let Some(c) = at(i) {
        if !is_terminator(c) {
            // On to the next byte that may start a terminator: `.`, `!`, `?` or the first
            // byte of `…`, `。`, `！` or `？` (always a character boundary); the characters
            // skipped end nothing.
            i += c.len_utf8();
            i = line.as_bytes()[i..]
                .iter()
                .position(|&b| may_start_terminator(b))
                .map_or(line.len(), |p| i + p);
            continue;
        }
        let run_start = i;
        let mut j = i;
        while let Some(c) = at(j).filter(|&c| is_terminator(c)) {
            j += c.len_utf8();
        }
        let run = &line[run_start..j];
        let single = run.chars().nth(1).is_none();
        let cjk = run.chars().any(is_cjk_terminator);
        while let Some(c) = at(j).filter(|&c| is_closer(c)) {
            j += c.len_utf8();
        }
        let end = j;
        let mut k = j;
        while let Some(c) = at(k).filter(|c| c.is_whitespace()) {
            k += c.len_utf8();
        }
        let Some(next) = at(k) else {
            // Nothing but whitespace left: the rest is the last sentence.
            break;
        };
        let ends = if cjk {
            true
        } else {
            k > j && starts_sentence(next) && !(c == '.' && single && is_abbreviation(line, run_start))
        };
        let pending = line.get(sentence_start..end).unwrap_or("");
        if ends && pending.chars().any(char::is_alphabetic) {
            push_trimmed(line, offset, sentence_start..end, out);
            sentence_start = k;
            i = k;
        } else {
            i = j;
        }
    }
    push_trimmed(line, offset, sentence_start..line.len(), out);
}

/// The lines of `body` (which starts at absolute offset `offset`), grouped into
/// paragraphs: runs of lines that are not blank. Each line is its absolute start and its
/// text without the `\n`.
fn paragraphs(body: &str, offset: usize) -> Vec<Vec<(usize, &str)>> {
    let mut paragraphs = Vec::new();
    let mut current = Vec::new();
    let mut at = offset;
    for line in body.split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(std::mem::take(&mut current));
            }
        } else {
            current.push((at, line));
        }
        at += line.len() + 1;
    }
    if !current.is_empty() {
        paragraphs.push(current);
    }
    paragraphs
}

/// The width a paragraph is wrapped at: its longest line, when it has several lines and
/// nearly all of them (a long web address may stick out) fit in [`WRAP_LIMIT`].
fn wrap_width(paragraph: &[(usize, &str)]) -> Option<usize> {
    if paragraph.len() < 2 {
        return None;
    }
    let lengths: Vec<usize> = paragraph
        .iter()
        .map(|(_, line)| line.trim_end().chars().count())
        .collect();
    let fitting: Vec<usize> = lengths.iter().copied().filter(|&n| n <= WRAP_LIMIT).collect();
    // At most one line in ten may stick out.
    if fitting.len() * 10 < lengths.len() * 9 {
        return None;
    }
    fitting.into_iter().max().filter(|&width| width >= MIN_WRAP_WIDTH)
}

/// A line that is a block of its own in plain text or markdown: a table row, a list item,
/// a heading or a quote.
fn is_block_line(line: &str) -> bool {
    let line = line.trim_start();
    if line.contains('|') || is_separator_row(line) {
        return true;
    }
    if ["- ", "* ", "+ ", "• ", "#", ">"]
        .iter()
        .any(|m| line.starts_with(m))
    {
        return true;
    }
    // `1. ` and `2) `: a numbered list item.
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && {
        let rest = &line[digits..];
        rest.starts_with(". ") || rest.starts_with(") ")
    }
}

/// A markdown table separator row (`| --- | :-: |`), or a blank line: made
/// only of `|`, `-`, `:` and whitespace.
fn is_separator_row(line: &str) -> bool {
    line.chars()
        .all(|c| matches!(c, '|' | '-' | ':') || c.is_whitespace())
}

fn is_terminator(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…') || is_cjk_terminator(c)
}

fn is_cjk_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？')
}

/// Whether a byte may start a character [`is_terminator`] accepts: the ASCII terminators and
/// the first bytes of the others' UTF-8 forms.
fn may_start_terminator(b: u8) -> bool {
    matches!(b, b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF)
}

/// What may follow a terminator and still belong to the sentence it ends:
/// closing quotes and brackets, and markdown emphasis (`**Done.** Next`).
fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}' | '）' | '」' | '』' | '】' | '*' | '_'
    )
}

/// Whether `c` can open a sentence. "Not lowercase" rather than "uppercase"
/// so that scripts without case (CJK) count too.
fn starts_sentence(c: char) -> bool {
    (c.is_alphabetic() && !c.is_lowercase())
        || c.is_numeric()
        || matches!(
            c,
            '"' | '\''
                | '“'
                | '‘'
                | '„'
                | '«'
                | '('
                | '['
                | '「'
                | '『'
                | '¿'
                | '¡'
                | '$'
                | '€'
                | '£'
                | '¥'
                | '₹'
        )
}

/// Whether the period at byte `dot_at` of `line` closes an abbreviation or
/// an initial rather than a sentence.
fn is_abbreviation(line: &str, dot_at: usize) -> bool {
    let before = line.get(..dot_at).unwrap_or("");
    let token_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '.')
        .last()
        .map_or(before.len(), |(at, _)| at);
    let token = before.get(token_start..).unwrap_or("").trim_start_matches('.');
    if token.is_empty() {
        return false;
    }
    ABBREVIATIONS.contains(&token) || is_initial(token) || is_dotted_initials(token)
}

/// A single capital letter, as in `John F. Kennedy`.
fn is_initial(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Single letters joined by periods, as in `J.R.R` or `U.S` (the final
/// period is the one being examined, so it is not part of the token).
fn is_dotted_initials(token: &str) -> bool {
    let mut parts = 0;
    for part in token.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => parts += 1,
            _ => return false,
        }
    }
    parts >= 2
}

/// Pushes `range` of `line` (relative), trimmed of whitespace and made
/// absolute, unless nothing is left after trimming.
fn push_trimmed(line: &str, offset: usize, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(piece) = line.get(range.clone()) else {
        return;
    };
    let trimmed = piece.trim();
    if trimmed.is_empty() {
        return;
    }
    let lead = piece.len() - piece.trim_start().len();
    let start = offset + range.start + lead;
    out.push(start..start + trimmed.len());
}

#[cfg(test)]
mod tests {
    #[test]
    fn overlong_runs_are_cut_at_spaces() {
        let text = "12 troops ".repeat(2_000);
        let sentences = super::segment(&text, 0);
        assert!(sentences.len() > 1);
        for s in &sentences {
            assert!(s.len() <= super::MAX_SENTENCE_BYTES);
            let before = text[..s.start].chars().last();
            let after = text[s.end..].chars().next();
            assert!(
                before.is_none_or(char::is_whitespace),
                "cut inside a word at {}",
                s.start
            );
            assert!(
                after.is_none_or(char::is_whitespace),
                "cut inside a word at {}",
                s.end
            );
        }
        let joined: usize = sentences.iter().map(|s| s.len()).sum();
        assert!(joined >= text.trim_end().len() - 2 * sentences.len());
    }

    use super::*;

    #[test]
    fn every_terminator_starts_with_a_byte_the_scan_stops_at() {
        for c in ['.', '!', '?', '…', '。', '！', '？'] {
            assert!(is_terminator(c));
            let mut buf = [0u8; 4];
            assert!(may_start_terminator(c.encode_utf8(&mut buf).as_bytes()[0]), "{c}");
        }
    }

    fn sentences(text: &str) -> Vec<&str> {
        segment(text, 0).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn empty_and_blank_text_yield_nothing() {
        assert!(sentences("").is_empty());
        assert!(sentences("   \n\n\t\r\n").is_empty());
    }

    #[test]
    fn splits_on_period_exclamation_and_question() {
        assert_eq!(
            sentences("It rained. Was it bad? Yes! 26 died."),
            vec!["It rained.", "Was it bad?", "Yes!", "26 died."]
        );
    }

    #[test]
    fn no_split_before_lowercase() {
        assert_eq!(
            sentences("The figure was approx. ten thousand."),
            vec!["The figure was approx. ten thousand."]
        );
    }

    #[test]
    fn no_split_without_whitespace() {
        assert_eq!(
            sentences("Growth was 1.3 percent.It fell."),
            vec!["Growth was 1.3 percent.It fell."]
        );
    }

    #[test]
    fn decimals_never_split() {
        assert_eq!(
            sentences("Output rose 1.3% to 4.56 million. Prices fell 0.5."),
            vec!["Output rose 1.3% to 4.56 million.", "Prices fell 0.5."]
        );
    }

    #[test]
    fn splits_before_digit_and_currency() {
        assert_eq!(
            sentences("Nine were hurt. 26 died. $5 million was pledged."),
            vec!["Nine were hurt.", "26 died.", "$5 million was pledged."]
        );
    }

    #[test]
    fn closing_quotes_and_brackets_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said “no.” Then he left. (It was late.) Later, “Go!” she said."),
            vec![
                "He said “no.”",
                "Then he left.",
                "(It was late.)",
                "Later, “Go!” she said."
            ]
        );
        assert_eq!(
            sentences("He said \"no.\" 'Fine,' she said. [Sic.] Done."),
            vec!["He said \"no.\"", "'Fine,' she said.", "[Sic.]", "Done."]
        );
        assert_eq!(
            sentences("It said ‘stop.’ Then it did."),
            vec!["It said ‘stop.’", "Then it did."]
        );
    }

    #[test]
    fn splits_before_opening_quote() {
        assert_eq!(
            sentences("He paused. “We lost 26,” he said."),
            vec!["He paused.", "“We lost 26,” he said."]
        );
    }

    #[test]
    fn runs_of_terminators_end_once() {
        assert_eq!(
            sentences("Really?! Yes... Fine… Go."),
            vec!["Really?!", "Yes...", "Fine…", "Go."]
        );
    }

    #[test]
    fn abbreviations_do_not_split() {
        for abbreviation in ABBREVIATIONS {
            let text = format!("Ask {abbreviation}. Smith now.");
            assert_eq!(sentences(&text), vec![text.as_str()], "{abbreviation}");
        }
    }

    #[test]
    fn abbreviations_are_case_sensitive() {
        assert_eq!(
            sentences("He said no. Then he left."),
            vec!["He said no.", "Then he left."]
        );
    }

    #[test]
    fn abbreviation_must_be_the_whole_word() {
        assert_eq!(
            sentences("Talks with Mars. Then Venus."),
            vec!["Talks with Mars.", "Then Venus."]
        );
        assert_eq!(
            sentences("It went to the Doctor. Then home."),
            vec!["It went to the Doctor.", "Then home."]
        );
    }

    #[test]
    fn abbreviation_after_punctuation() {
        assert_eq!(
            sentences("Visitors (Dr. Smith, Gen. Lee) came."),
            vec!["Visitors (Dr. Smith, Gen. Lee) came."]
        );
    }

    #[test]
    fn initials_do_not_split() {
        assert_eq!(
            sentences("John F. Kennedy spoke. J.R.R. Tolkien wrote."),
            vec!["John F. Kennedy spoke.", "J.R.R. Tolkien wrote."]
        );
        assert_eq!(
            sentences("The U.S. Senate voted. The U.N. Council met."),
            vec!["The U.S. Senate voted.", "The U.N. Council met."]
        );
    }

    #[test]
    fn e_g_and_i_e_do_not_split() {
        assert_eq!(
            sentences("Some states, e.g. Texas, agreed. Others, i.e. California, did not."),
            vec![
                "Some states, e.g. Texas, agreed.",
                "Others, i.e. California, did not."
            ]
        );
    }

    #[test]
    fn abbreviation_before_another_terminator_still_splits() {
        assert_eq!(sentences("Was it Dr? Yes."), vec!["Was it Dr?", "Yes."]);
    }

    #[test]
    fn numbered_list_marker_is_not_a_sentence() {
        assert_eq!(
            sentences("1. Revenue rose 5%. Costs fell."),
            vec!["1. Revenue rose 5%.", "Costs fell."]
        );
    }

    #[test]
    fn every_line_is_split_separately() {
        let text = "Storm Kills 26\nBy Jane Doe\n\nThe storm hit at dawn. Rescuers arrived\nlater that day.";
        assert_eq!(
            sentences(text),
            vec![
                "Storm Kills 26",
                "By Jane Doe",
                "The storm hit at dawn.",
                "Rescuers arrived\nlater that day."
            ]
        );
    }

    #[test]
    fn a_line_going_on_in_lower_case_continues_the_sentence() {
        let text = "The parade will feature tens of\nthousands of troops.\nOfficials said so.";
        assert_eq!(
            sentences(text),
            vec![
                "The parade will feature tens of\nthousands of troops.",
                "Officials said so."
            ]
        );
        assert_eq!(
            sentences("It was approx.\r\nten thousand."),
            vec!["It was approx.\r\nten thousand."]
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_are_read_as_paragraphs() {
        let text = "Rescuers searched the flooded valley through the night, and by dawn they\n\
had found 1,240 survivors. The regional governor said the storm killed\n\
26 people in three villages, and that 4,000 homes had been destroyed.\n\
\n\
Storm Kills 26\n\
By Jane Doe";
        assert_eq!(
            sentences(text),
            vec![
                "Rescuers searched the flooded valley through the night, and by dawn they\nhad found 1,240 survivors.",
                "The regional governor said the storm killed\n26 people in three villages, and that 4,000 homes had been destroyed.",
                "Storm Kills 26",
                "By Jane Doe",
            ]
        );
    }

    #[test]
    fn short_lines_in_wrapped_text_stand_alone() {
        // The heading is far shorter than the width the paragraph is wrapped at.
        let text = "Death toll rises\n\
Rescuers searched the flooded valley through the night, and at dawn\n\
said that 26 people had died in the three villages along the river.";
        assert_eq!(sentences(text)[0], "Death toll rises");
        // A line that ends a sentence keeps its line break.
        let text = "Rescuers searched the flooded valley through the night, and at dawn.\n\
The governor said that 26 people had died in the three villages there.";
        assert_eq!(sentences(text).len(), 2);
    }

    #[test]
    fn one_paragraph_per_line_is_never_joined() {
        let long = "The storm hit the coast at dawn and flooded three villages, ".repeat(3);
        let text = format!("Storm Kills 26 In Coastal Villages\n{long}\nRescuers arrived\nLater that day.");
        assert_eq!(sentences(&text).len(), 4);
    }

    #[test]
    fn blocks_are_never_joined() {
        for text in [
            "Figures for the week\n- 26 dead\n- 140 injured",
            "Figures for the week\n1. 26 dead\n2) 140 injured",
            "Totals for the week\nDead | 26\nInjured | 140",
            "Figures for the week\n# tens\n> thousands",
        ] {
            assert_eq!(sentences(text).len(), 3, "{text:?}");
        }
    }

    #[test]
    fn soft_breaks() {
        assert!(soft_break("tens of", "thousands", None));
        assert!(!soft_break("tens of", "", None));
        assert!(!soft_break("", "thousands", None));
        assert!(!soft_break("tens of", "Thousands", None));
        let line = "x".repeat(70);
        assert!(soft_break(&line, "Thousands", Some(72)));
        assert!(!soft_break(&format!("{line}."), "Thousands", Some(72)));
        assert!(!soft_break(&format!("{line}:"), "Thousands", Some(72)));
        assert!(!soft_break("short", "Thousands", Some(72)));
        assert!(!soft_break(&line, "- thousands", Some(72)));
    }

    #[test]
    fn table_rows_are_sentences_and_separators_are_not() {
        let text =
            "| Group | Count | Note |\n|:------|------:|:----:|\n| Total Foreign Leaders | 26 | N/A |\n";
        assert_eq!(
            sentences(text),
            vec!["| Group | Count | Note |", "| Total Foreign Leaders | 26 | N/A |"]
        );
        assert_eq!(
            sentences("Total Foreign Leaders | 26 | N/A |"),
            vec!["Total Foreign Leaders | 26 | N/A |"]
        );
        assert!(sentences("---\n- | :\n").is_empty());
    }

    #[test]
    fn crlf_lines_are_trimmed() {
        let text = "First line.\r\nSecond. Third.\r\n\r\n";
        assert_eq!(sentences(text), vec!["First line.", "Second.", "Third."]);
    }

    #[test]
    fn ranges_are_trimmed_and_absolute() {
        let text = "  Hello there.   Next one.  ";
        let ranges = segment(text, 0);
        assert_eq!(ranges, vec![2..14, 17..26]);
    }

    #[test]
    fn start_skips_front_matter() {
        let text = "---\noutlet: X\n---\nBody one. Body two.";
        let start = text.find("Body").unwrap();
        let ranges = segment(text, start);
        assert_eq!(ranges, vec![start..start + 9, start + 10..text.len()]);
    }

    #[test]
    fn start_mid_line_begins_there() {
        let text = "ignored. Kept here.";
        assert_eq!(segment(text, 9), vec![9..text.len()]);
    }

    #[test]
    fn start_out_of_range_or_inside_a_char_does_not_panic() {
        assert!(segment("abc", 4).is_empty());
        assert!(segment("abc", usize::MAX).is_empty());
        let text = "é. Ok.";
        // Offset 1 is inside `é`; splitting starts at the next character.
        let ranges = segment(text, 1);
        assert_eq!(
            ranges.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>(),
            vec![". Ok."]
        );
    }

    #[test]
    fn unicode_text() {
        assert_eq!(
            sentences("Émile a dit «oui.» Écoutez bien. Ça va."),
            vec!["Émile a dit «oui.»", "Écoutez bien.", "Ça va."]
        );
        assert_eq!(
            sentences("Prices rose — sharply. Émigrés left — quietly."),
            vec!["Prices rose — sharply.", "Émigrés left — quietly."]
        );
    }

    #[test]
    fn cjk_full_stops_split_without_whitespace() {
        assert_eq!(
            sentences("地震造成26人死亡。救援人员赶到！他说：“完了。”然后离开？"),
            vec![
                "地震造成26人死亡。",
                "救援人员赶到！",
                "他说：“完了。”",
                "然后离开？"
            ]
        );
    }

    #[test]
    fn latin_sentence_followed_by_cjk_splits() {
        assert_eq!(sentences("It ended. 他说好。"), vec!["It ended.", "他说好。"]);
    }

    #[test]
    fn markdown_emphasis_closes_with_the_sentence() {
        assert_eq!(
            sentences("**Breaking.** The toll rose."),
            vec!["**Breaking.**", "The toll rose."]
        );
    }

    #[test]
    fn nbsp_and_tabs_count_as_whitespace() {
        assert_eq!(
            sentences("One.\u{a0}Two.\tThree."),
            vec!["One.", "Two.", "Three."]
        );
    }

    #[test]
    fn terminator_at_line_end_and_trailing_whitespace() {
        assert_eq!(sentences("Done.   "), vec!["Done."]);
        assert_eq!(sentences("."), vec!["."]);
        assert_eq!(sentences("?! "), vec!["?!"]);
    }

    #[test]
    fn realistic_paragraph() {
        let text = "WASHINGTON (Reuters) — At least 26 foreign leaders attended Monday's \
ceremony, officials said. Mr. Trump greeted Gen. Mark A. Milley and Sen. Jane Roe \
at 11:30 a.m. outside the U.S. Capitol. “It was the largest gathering since Jan. 2021,” \
said Dr. Helen Park, a historian. Attendance reached 1.3 million, according to the \
National Park Service. Others put it at 250,000! Who is right? No. 10 Downing St. \
declined to comment.";
        assert_eq!(
            sentences(text),
            vec![
                "WASHINGTON (Reuters) — At least 26 foreign leaders attended Monday's ceremony, officials said.",
                "Mr. Trump greeted Gen. Mark A. Milley and Sen. Jane Roe at 11:30 a.m. outside the U.S. Capitol.",
                "“It was the largest gathering since Jan. 2021,” said Dr. Helen Park, a historian.",
                "Attendance reached 1.3 million, according to the National Park Service.",
                "Others put it at 250,000!",
                "Who is right?",
                "No. 10 Downing St. declined to comment.",
            ]
        );
    }

    #[test]
    fn ranges_are_ordered_nonempty_and_on_char_boundaries() {
        let text = "「東京」。Ünïcödé? ‘Yes.’ 1.5. “Ok!” — 中文。\r\n| a | b |\n|---|\nÉ. Z.";
        for start in 0..=text.len() + 1 {
            let ranges = segment(text, start);
            let mut previous_end = 0;
            for range in ranges {
                assert!(range.start < range.end);
                assert!(range.start >= previous_end);
                assert!(range.start >= start);
                assert!(text.is_char_boundary(range.start));
                assert!(text.is_char_boundary(range.end));
                let piece = &text[range.clone()];
                assert_eq!(piece, piece.trim());
                previous_end = range.end;
            }
        }
    }
}
