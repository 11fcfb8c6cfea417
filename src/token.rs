//! Tokens of a sentence, each with its byte span in the original file.
//!
//! The extractor works on tokens rather than raw characters so that multi-word phrases
//! ("tens of thousands", "more than") are matched word by word whatever the spacing, while
//! every token keeps the exact byte range it came from.

use std::borrow::Cow;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner apostrophes: `Kim`, `China's`, `don't`.
    Word,
    /// Digits with inner group separators and a decimal point: `10,000`, `1.3`, `15 000`.
    Number,
    /// Any other single non-space character: `$`, `%`, `-`, `|`.
    Punct,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    pub kind: TokenKind,
    pub text: &'a str,
    /// Absolute byte span in the file.
    pub span: Range<usize>,
    /// True when whitespace separates this token from the previous one.
    pub space_before: bool,
    /// The text in lower case, computed once: borrowed when it already is.
    pub folded: Cow<'a, str>,
}

impl Token<'_> {
    /// Case-insensitive comparison with an ASCII lower-case word.
    pub fn is(&self, lower: &str) -> bool {
        self.folded == lower
    }

    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_number(&self) -> bool {
        self.kind == TokenKind::Number
    }

    /// True for `-`, `–` (en dash) and `‐`, which join ranges and compound adjectives.
    pub fn is_hyphen(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.text, "-" | "–" | "‐" | "‑")
    }

    /// The token in lower case (an owned copy; [`Token::folded`] borrows).
    pub fn lower(&self) -> String {
        self.folded.to_string()
    }

    /// A copy of the token that borrows its folded text from this one instead of copying it.
    pub fn borrowed(&self) -> Token<'_> {
        Token {
            kind: self.kind,
            text: self.text,
            span: self.span.clone(),
            space_before: self.space_before,
            folded: Cow::Borrowed(self.folded.as_ref()),
        }
    }

    /// The numeric value of a [`TokenKind::Number`] token, separators removed.
    pub fn number_value(&self) -> Option<f64> {
        if self.kind != TokenKind::Number {
            return None;
        }
        if let Some(v) = whole_number(self.text) {
            return Some(v);
        }
        // `1.111,11`: dots group the digits and the comma is the decimal mark (the tokenizer
        // only joins such a comma to a dotted figure, see `european_decimal`).
        let comma_decimal = self.text.rfind(',').is_some_and(|c| self.text[..c].contains('.'));
        let kept = self.text.chars().filter_map(|c| match c {
            '.' if !comma_decimal => Some(b'.'),
            ',' if comma_decimal => Some(b'.'),
            c => digit_value(c).map(|d| b'0' + d as u8),
        });
        // The kept characters are ASCII: gather them on the stack, as the figures of news
        // text are short, and only spill to a heap buffer for a very long one.
        let mut buf = [0u8; 64];
        let mut n = 0;
        let mut spill: Option<Vec<u8>> = None;
        for b in kept {
            match spill.as_mut() {
                Some(v) => v.push(b),
                None if n < buf.len() => {
                    buf[n] = b;
                    n += 1;
                }
                None => {
                    let mut v = buf.to_vec();
                    v.push(b);
                    spill = Some(v);
                }
            }
        }
        let bytes = spill.as_deref().unwrap_or(&buf[..n]);
        std::str::from_utf8(bytes).ok()?.parse().ok()
    }
}

/// The value of a whole number written in ASCII digits and commas (`2025`, `10,000`), the
/// common case of [`Token::number_value`], without building and parsing a string; `None` for
/// anything else, or more than 15 digits, which the general path reads. Up to 15 digits the
/// integer converts to `f64` exactly, the value the parse gives.
fn whole_number(text: &str) -> Option<f64> {
    let mut value: u64 = 0;
    let mut digits = 0;
    for b in text.bytes() {
        match b {
            b'0'..=b'9' => {
                value = value * 10 + u64::from(b - b'0');
                digits += 1;
                if digits > 15 {
                    return None;
                }
            }
            b',' => {}
            _ => return None,
        }
    }
    (digits > 0).then_some(value as f64)
}

/// A hash for the short words of word tables (FNV-1a): a set or map keyed by words is
/// looked up at nearly every token, where the default hasher's per-call cost, built to
/// resist crafted keys, is most of the lookup and the tables are fixed or come from rules.
#[derive(Debug, Clone, Copy)]
pub struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Builds [`WordHasher`]s, for `HashMap<_, _, WordHash>` and `HashSet<_, WordHash>`.
pub type WordHash = std::hash::BuildHasherDefault<WordHasher>;

/// `word` without trailing possessives (`'s`, `’s`), as `trim_end_matches("'s")` then
/// `trim_end_matches("’s")` give it, without building a substring searcher per call.
pub fn trim_possessive(mut word: &str) -> &str {
    while let Some(w) = word.strip_suffix("'s") {
        word = w;
    }
    while let Some(w) = word.strip_suffix("’s") {
        word = w;
    }
    word
}

/// Splits `text[range]` into tokens whose spans are absolute offsets into `text`.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    // An ASCII sentence (nearly all of news text) is read byte by byte; any other is first
    // split into its characters with their offsets.
    if slice.is_ascii() {
        tokens_of(slice, range.start, slice.as_bytes())
    } else {
        let chars: Vec<(usize, char)> = slice.char_indices().collect();
        tokens_of(slice, range.start, chars.as_slice())
    }
}

/// The characters of a sentence by index, with their byte offsets: the bytes of an ASCII
/// sentence, or the characters of any other with their offsets.
trait Chars {
    /// Whether every character is ASCII (the bytes of an ASCII sentence).
    const ASCII: bool;
    fn count(&self) -> usize;
    /// The character at index `i`, if there is one.
    fn get(&self, i: usize) -> Option<char>;
    /// The byte offset of the character at index `i`, if there is one.
    fn offset(&self, i: usize) -> Option<usize>;
}

impl Chars for &[u8] {
    const ASCII: bool = true;

    fn count(&self) -> usize {
        self.len()
    }

    fn get(&self, i: usize) -> Option<char> {
        <[u8]>::get(self, i).map(|&b| char::from(b))
    }

    fn offset(&self, i: usize) -> Option<usize> {
        (i < self.len()).then_some(i)
    }
}

impl Chars for &[(usize, char)] {
    const ASCII: bool = false;

    fn count(&self) -> usize {
        self.len()
    }

    fn get(&self, i: usize) -> Option<char> {
        <[(usize, char)]>::get(self, i).map(|&(_, c)| c)
    }

    fn offset(&self, i: usize) -> Option<usize> {
        <[(usize, char)]>::get(self, i).map(|&(o, _)| o)
    }
}

/// The tokens of `slice`, whose characters are `chars` and which starts at `base` in its file.
fn tokens_of<C: Chars>(slice: &str, base: usize, chars: C) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(slice.len() / 4 + 1);
    let mut i = 0;
    let mut space_before = false;
    while let (Some(c), Some(start)) = (chars.get(i), chars.offset(i)) {
        if c.is_whitespace() {
            space_before = true;
            i += 1;
            continue;
        }
        let (kind, next) = if c.is_alphabetic() {
            (TokenKind::Word, scan_word(&chars, i))
        } else if digit_value(c).is_some() {
            (TokenKind::Number, scan_number(&chars, i))
        } else if c == '.'
            && chars.get(i + 1).is_some_and(|d| digit_value(d).is_some())
            && (i == 0 || chars.get(i - 1).is_some_and(char::is_whitespace))
        {
            // `.08`: a decimal written without its leading zero.
            (TokenKind::Number, scan_number(&chars, i))
        } else {
            (TokenKind::Punct, i + 1)
        };
        let end = chars.offset(next).unwrap_or(slice.len());
        let text = &slice[start..end];
        let folded = if C::ASCII || text.bytes().all(|b| b.is_ascii()) {
            // The common case, without the Unicode tables: the same result for ASCII.
            if text.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(text.to_ascii_lowercase())
            } else {
                Cow::Borrowed(text)
            }
        } else if text.chars().any(char::is_uppercase) {
            Cow::Owned(text.to_lowercase())
        } else {
            Cow::Borrowed(text)
        };
        tokens.push(Token {
            kind,
            text,
            span: base + start..base + end,
            space_before,
            folded,
        });
        space_before = false;
        i = next;
    }
    tokens
}

/// The value of a decimal digit in ASCII, full-width, Arabic-Indic or Devanagari script.
pub fn digit_value(c: char) -> Option<u32> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        '\u{0966}'..='\u{096F}' => '\u{0966}',
        _ => return None,
    };
    Some(c as u32 - zero as u32)
}

fn scan_word<C: Chars>(chars: &C, mut i: usize) -> usize {
    while let Some(c) = chars.get(i) {
        // The next character is looked at only after an apostrophe.
        let inner_apostrophe =
            || matches!(c, '\'' | '’') && i > 0 && chars.get(i + 1).is_some_and(char::is_alphabetic);
        if c.is_alphabetic() || inner_apostrophe() {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Digits, `,` or `.` between digits, and a space-like group separator (thin space, no-break
/// space, or an ordinary space before a group of exactly three digits, as in `15 000`).
fn scan_number<C: Chars>(chars: &C, start: usize) -> usize {
    if let Some(end) = indian_grouping(chars, start).or_else(|| european_decimal(chars, start)) {
        return end;
    }
    let is_digit = |i: usize| chars.get(i).is_some_and(|c| digit_value(c).is_some());
    // `i7 860`: digits glued to a word are a name; a spaced group after them is another figure.
    let glued_to_word = start > 0 && chars.get(start - 1).is_some_and(char::is_alphabetic);
    let mut i = start;
    let mut group_len = 0;
    let mut seen_decimal = false;
    while let Some(c) = chars.get(i) {
        if digit_value(c).is_some() {
            i += 1;
            group_len += 1;
        } else if c == ',' && is_digit(i + 1) && three_digit_group(chars, i + 1) && !seen_decimal {
            i += 1;
            group_len = 0;
        } else if c == '.' && is_digit(i + 1) && !seen_decimal {
            seen_decimal = true;
            i += 1;
        } else if matches!(c, '\u{2009}' | '\u{202F}' | '\u{A0}' | ' ')
            && !seen_decimal
            && !glued_to_word
            && (1..=3).contains(&group_len)
            && three_digit_group(chars, i + 1)
        {
            i += 1;
            group_len = 0;
        } else {
            break;
        }
    }
    i
}

/// `12,34,567.89`, `1,00,000`: Indian grouping (lakhs and crores), one or two digits, pairs of
/// digits, then a last group of three and an optional decimal part. Returns the end.
fn indian_grouping<C: Chars>(chars: &C, start: usize) -> Option<usize> {
    let digits = |from: usize| {
        (from..chars.count())
            .take_while(|&i| chars.get(i).is_some_and(|c| digit_value(c).is_some()))
            .count()
    };
    let comma = |i: usize| chars.get(i) == Some(',');
    let lead = digits(start);
    if !(1..=2).contains(&lead) {
        return None;
    }
    let mut i = start + lead;
    let mut pairs = 0;
    while comma(i) && digits(i + 1) == 2 && comma(i + 3) {
        pairs += 1;
        i += 3;
    }
    if pairs == 0 || !comma(i) || digits(i + 1) != 3 {
        return None;
    }
    i += 4;
    // A comma and a digit after the last group would make it a list (`1,22,333,4`).
    if comma(i) && digits(i + 1) > 0 {
        return None;
    }
    if chars.get(i) == Some('.') && digits(i + 1) > 0 {
        i += 1 + digits(i + 1);
    }
    Some(i)
}

/// `1.111,11`, `2.500.000,50`: groups of three after dots, then a comma and one or two
/// decimals, the continental way. Returns the end.
fn european_decimal<C: Chars>(chars: &C, start: usize) -> Option<usize> {
    let digits = |from: usize| {
        (from..chars.count())
            .take_while(|&i| chars.get(i).is_some_and(|c| digit_value(c).is_some()))
            .count()
    };
    let at = |i: usize, ch: char| chars.get(i) == Some(ch);
    let lead = digits(start);
    if !(1..=3).contains(&lead) {
        return None;
    }
    let mut i = start + lead;
    let mut groups = 0;
    while at(i, '.') && digits(i + 1) == 3 {
        groups += 1;
        i += 4;
    }
    let decimals = digits(i + 1);
    if groups == 0 || !at(i, ',') || !(1..=2).contains(&decimals) {
        return None;
    }
    i += 1 + decimals;
    // `1.111,11.5` or `1.111,11,3` is no single figure.
    if (at(i, '.') || at(i, ',')) && digits(i + 1) > 0 {
        return None;
    }
    Some(i)
}

/// True when exactly three digits start at `i` and no further digit follows.
fn three_digit_group<C: Chars>(chars: &C, i: usize) -> bool {
    let digit = |j: usize| chars.get(j).is_some_and(|c| digit_value(c).is_some());
    digit(i) && digit(i + 1) && digit(i + 2) && !digit(i + 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_possessive_is_trim_end_matches() {
        for w in [
            "year's", "year’s", "years", "'s", "x's's", "x’s's", "x's’s", "’s’s", "s", "",
        ] {
            assert_eq!(
                trim_possessive(w),
                w.trim_end_matches("'s").trim_end_matches("’s"),
                "{w}"
            );
        }
    }

    fn texts(s: &str) -> Vec<&str> {
        tokenize(s, 0..s.len()).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn numbers_keep_separators() {
        assert_eq!(texts("over 10,000 troops"), ["over", "10,000", "troops"]);
        assert_eq!(texts("1.3 million"), ["1.3", "million"]);
        assert_eq!(texts("15 000 people"), ["15 000", "people"]);
        assert_eq!(texts("15\u{202F}000"), ["15\u{202F}000"]);
        assert_eq!(texts("in 2019 200 people"), ["in", "2019", "200", "people"]);
        assert_eq!(texts("26, 27"), ["26", ",", "27"]);
        assert_eq!(
            texts("Core i7 860 Processor"),
            ["Core", "i", "7", "860", "Processor"]
        );
    }

    #[test]
    fn punctuation_splits_compounds() {
        assert_eq!(texts("90-98%"), ["90", "-", "98", "%"]);
        assert_eq!(texts("$1.2bn"), ["$", "1.2", "bn"]);
        assert_eq!(texts("70-minute"), ["70", "-", "minute"]);
        assert_eq!(texts("China’s 80th"), ["China’s", "80", "th"]);
    }

    #[test]
    fn spans_are_absolute_and_values_parse() {
        let s = "xx 1,300 km";
        let toks = tokenize(s, 3..s.len());
        assert_eq!(toks[0].span, 3..8);
        assert_eq!(toks[0].number_value(), Some(1300.0));
        assert!(!toks[0].space_before);
        assert!(toks[1].space_before);
    }

    #[test]
    fn leading_decimal_points_belong_to_the_number() {
        let s = "rose .08 points, then 3.5";
        let toks = tokenize(s, 0..s.len());
        assert_eq!(toks[1].text, ".08");
        assert_eq!(toks[1].number_value(), Some(0.08));
        assert_eq!(texts("end. 5 more"), ["end", ".", "5", "more"]);
    }

    #[test]
    fn indian_grouping_and_comma_decimals() {
        let value = |s: &str| {
            let toks = tokenize(s, 0..s.len());
            assert_eq!(toks.len(), 1, "{s}: {toks:?}");
            toks[0].number_value()
        };
        assert_eq!(value("12,34,567.89"), Some(1_234_567.89));
        assert_eq!(value("1,00,000"), Some(100_000.0));
        assert_eq!(value("1.111,11"), Some(1111.11));
        assert_eq!(value("2.500.000,5"), Some(2_500_000.5));
        // Ordinary groups and decimals are unchanged.
        assert_eq!(value("1,111.11"), Some(1111.11));
        assert_eq!(value("1.111"), Some(1.111));
        assert_eq!(texts("1.111,11, 1,111.11"), ["1.111,11", ",", "1,111.11"]);
        // Lists stay lists.
        assert_eq!(texts("1,22,333,4"), ["1", ",", "22,333", ",", "4"]);
        assert_eq!(texts("1.5,2"), ["1.5", ",", "2"]);
    }

    #[test]
    fn other_scripts_digits_are_numbers() {
        let value = |s: &str| tokenize(s, 0..s.len())[0].number_value();
        assert_eq!(value("\u{0664}\u{0665}"), Some(45.0));
        assert_eq!(value("\u{06F1}\u{06F2}"), Some(12.0));
        assert_eq!(value("\u{0967}\u{0966}"), Some(10.0));
    }

    #[test]
    fn whole_numbers_read_as_the_parse_reads_them() {
        let general = |t: &Token| {
            let kept: String = t
                .text
                .chars()
                .filter_map(|c| digit_value(c).map(|d| (b'0' + d as u8) as char))
                .collect();
            kept.parse::<f64>().ok()
        };
        for s in [
            "0",
            "7",
            "007",
            "2025",
            "10,000",
            "1,234,567",
            "999999999999999",
            "123,456,789,012,345",
        ] {
            let toks = tokenize(s, 0..s.len());
            assert_eq!(toks.len(), 1, "{s}");
            assert!(whole_number(s).is_some(), "{s}");
            assert_eq!(toks[0].number_value(), general(&toks[0]), "{s}");
        }
        // Longer figures, decimals and other separators take the general path.
        assert_eq!(whole_number("1234567890123456"), None);
        assert_eq!(whole_number("1.5"), None);
        assert_eq!(whole_number("15 000"), None);
        assert_eq!(whole_number("１２"), None);
        assert_eq!(whole_number(","), None);
    }

    #[test]
    fn full_width_digits_are_numbers() {
        let s = "１２３ people";
        let toks = tokenize(s, 0..s.len());
        assert_eq!(toks[0].kind, TokenKind::Number);
        assert_eq!(toks[0].number_value(), Some(123.0));
    }
}
