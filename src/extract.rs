//! The claim normalizer: finds number phrases in sentences and turns each into a [`Claim`]
//! with an interval value, a kind, a canonical unit and a qualifier.
//!
//! The interval meaning of every qualifier and vague word is documented in
//! `docs/intervals.md`; this file is the one place that implements it.

use std::ops::Range;

use chrono::NaiveDate;

use crate::claim::{Claim, Doubt, Kind, Qualifier};
use crate::interval::Interval;
use crate::number::{
    fraction_word, number_word, ordinal_unit, plural_magnitude, scale_word, NumberWord, SpelledNumber,
};
use crate::token::{tokenize, Token};
use crate::when;

mod figure;
mod money;
mod unit;

use money::{bare_subunit, currency_prefix, currency_symbol, prefix_magnitude};
use unit::{smaller_unit_tail, unit_at};

/// Extracts every claim of one document. `sentences` are byte ranges into `text`.
pub fn extract(
    text: &str,
    sentences: &[Range<usize>],
    source: usize,
    published: Option<NaiveDate>,
) -> Vec<Claim> {
    extract_each(text, sentences, source, published, |_, _, _| {})
}

/// [`extract`], handing each sentence that gave claims to `each` with its tokens and its
/// claims, so that a later stage (keying) reads the sentence without tokenizing it again.
pub fn extract_each(
    text: &str,
    sentences: &[Range<usize>],
    source: usize,
    published: Option<NaiveDate>,
    mut each: impl FnMut(&Range<usize>, &[Token], &mut [Claim]),
) -> Vec<Claim> {
    let mut claims = Vec::new();
    for sentence in sentences {
        if !may_hold_figure(text.get(sentence.clone()).unwrap_or_default()) {
            continue;
        }
        let tokens = tokenize(text, sentence.clone());
        let first = claims.len();
        for phrase in phrases(&tokens, published) {
            // A phrase always lies inside its sentence; one that does not is a bug, never a panic.
            let (Some(first), Some(last)) = (
                tokens.get(phrase.start),
                phrase.end.checked_sub(1).and_then(|e| tokens.get(e)),
            ) else {
                debug_assert!(
                    false,
                    "phrase {}..{} outside {} tokens",
                    phrase.start,
                    phrase.end,
                    tokens.len()
                );
                continue;
            };
            let span = first.span.start..last.span.end;
            claims.push(Claim {
                source,
                text: text.get(span.clone()).unwrap_or_default().into(),
                span,
                sentence: sentence.clone(),
                value: phrase.value,
                stated: phrase.stated,
                precision: phrase.precision,
                written_factor: phrase.written_factor,
                kind: phrase.kind,
                unit: phrase.unit,
                qualifier: phrase.qualifier,
                noun: None,
                key: None,
                resolution: phrase.resolution.map(Into::into),
                relation: phrase.relation.as_deref().and_then(crate::claim::Relation::named),
                doubt: phrase
                    .doubt
                    .or(phrase.value.is_none().then_some(Doubt::Unresolved)),
                claimant: None,
            });
        }
        if claims.len() > first {
            each(sentence, &tokens, &mut claims[first..]);
        }
    }
    claims
}

/// A number phrase found in a token list: tokens `start..end`.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    pub start: usize,
    pub end: usize,
    pub value: Option<Interval>,
    pub stated: Option<(f64, f64)>,
    pub precision: f64,
    /// Factor from the unit as written to the canonical unit (1 for `km`, 1.609 for `miles`).
    pub written_factor: f64,
    pub kind: Kind,
    pub unit: Option<&'static str>,
    pub qualifier: Qualifier,
    pub resolution: Option<String>,
    pub relation: Option<String>,
    /// Set when the phrase could be read another way or contradicts itself.
    pub doubt: Option<Doubt>,
}

/// Every number phrase of one sentence, left to right, never overlapping.
pub fn phrases(tokens: &[Token], published: Option<NaiveDate>) -> Vec<Phrase> {
    let mut found: Vec<Phrase> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(end) = link_end(tokens, i) {
            i = end;
            continue;
        }
        if !may_start(&tokens[i]) {
            i += 1;
            continue;
        }
        // Dates first: `10-1-2018` is a date, not the score `10-1`.
        let date = when::time_at(tokens, i, published);
        if date.is_none() {
            if let Some(race) = race_time(tokens, i) {
                i = race.end;
                found.push(race);
                continue;
            }
            if let Some(votes) = tally(tokens, i) {
                i = votes.end;
                found.push(votes);
                continue;
            }
            if let Some(end) = clock_time(tokens, i).or_else(|| score(tokens, i)) {
                i = end;
                continue;
            }
        }
        if date.is_none() {
            if let Some(end) = number_chain(tokens, i) {
                i = end;
                continue;
            }
        }
        let phrase = date
            .or_else(|| numeric_proportion_at(tokens, i))
            .or_else(|| proportion_at(tokens, i))
            .or_else(|| figure::percent_of_at(tokens, i))
            .or_else(|| figure::ordinal_bound_at(tokens, i))
            .or_else(|| quantity_at(tokens, i, published));
        match phrase {
            Some(mut p) if p.end > i => {
                // A qualifier never reaches back into the phrase before.
                p.start = p.start.max(found.last().map_or(0, |f| f.end));
                i = p.end;
                found.push(p);
            }
            _ => i += 1,
        }
    }
    join_bounds(tokens, found)
}

/// `more than 10 and less than 20`, `at most 100 and at least 20`: a lower and an upper bound
/// of the same quantity, joined by `and`, `but` or a comma, are one interval.
fn join_bounds(tokens: &[Token], found: Vec<Phrase>) -> Vec<Phrase> {
    let lower = |q: Qualifier| matches!(q, Qualifier::MoreThan | Qualifier::AtLeast);
    let upper = |q: Qualifier| matches!(q, Qualifier::LessThan | Qualifier::AtMost);
    let mut joined: Vec<Phrase> = Vec::with_capacity(found.len());
    for p in found {
        if let Some(prev) = joined.last_mut() {
            let between = tokens.get(prev.end..p.start).unwrap_or_default();
            let joiner = match between {
                [w] => w.is("and") || w.is("but") || w.is(","),
                [comma, w] => comma.is(",") && (w.is("and") || w.is("but")),
                _ => false,
            };
            let same = prev.kind == p.kind && prev.unit == p.unit && prev.resolution.is_none();
            let (lo, hi) = match (prev.qualifier, p.qualifier) {
                (a, b) if lower(a) && upper(b) => (&*prev, &p),
                (a, b) if upper(a) && lower(b) => (&p, &*prev),
                _ => (&p, &p),
            };
            if joiner && same && !std::ptr::eq(lo, hi) {
                let lo_bound = lo.value.and_then(|v| v.lo);
                let hi_bound = hi.value.and_then(|v| v.hi);
                if let (Some(a), Some(b)) = (lo_bound, hi_bound) {
                    if a.value < b.value {
                        let stated = (a.value, b.value);
                        prev.end = p.end;
                        prev.value = Some(Interval {
                            lo: Some(a),
                            hi: Some(b),
                        });
                        prev.stated = Some(stated);
                        prev.qualifier = Qualifier::Range;
                        prev.precision = 0.0;
                        continue;
                    }
                }
            }
        }
        joined.push(p);
    }
    joined
}

/// A web address starting at `i` (`https://…`, `www.…`): the index after it. Its digits and
/// percent-encodings (`%20`) are no figures.
fn link_end(tokens: &[Token], i: usize) -> Option<usize> {
    let t = &tokens[i];
    let solid = |j: usize, text: &str| tokens.get(j).is_some_and(|n| n.text == text && !n.space_before);
    let starts = match t.folded.as_ref() {
        "http" | "https" | "ftp" => solid(i + 1, ":") && solid(i + 2, "/"),
        "www" => solid(i + 1, "."),
        _ => false,
    };
    if !starts {
        return None;
    }
    let mut end = i + 1;
    while tokens.get(end).is_some_and(|n| !n.space_before) {
        end += 1;
    }
    Some(end)
}

/// Whether a phrase can start at this token: most words cannot, and skipping them early is
/// what keeps the normalizer fast.
fn may_start(t: &Token) -> bool {
    match t.kind {
        crate::token::TokenKind::Number => true,
        crate::token::TokenKind::Punct => {
            t.text == "¥" || currency_symbol(t.text).is_some() || vulgar_fraction(t.text).is_some()
        }
        crate::token::TokenKind::Word => word_may_start(&t.folded),
    }
}

/// Whether a phrase can start at a word, given in lower case.
///
/// The extractor asks this of nearly every word it reads, so an ASCII word without capitals
/// (nearly all of them) is one lookup in a table built once from the same word lists
/// ([`start_words`]); other words go through [`word_may_start_by_lists`].
fn word_may_start(w: &str) -> bool {
    if !w
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'.')
    {
        return word_may_start_by_lists(w);
    }
    start_words().contains(w)
}

/// [`word_may_start`], asking each word list in turn.
fn word_may_start_by_lists(w: &str) -> bool {
    number_word(w).is_some()
        || crate::number::ordinal_value(w).is_some()
        || plural_magnitude(w).is_some()
        || money::code_may_start(w)
        || when::month_of(w).is_some()
        || when::may_start(w)
        || START_WORDS.contains(&w)
}

/// Words that may start a phrase besides those of the number, currency and date tables (the
/// date readers' own words are [`when::may_start`]'s).
const START_WORDS: &[&str] = &[
    "tens", "half", "quarter", "first", "second", "fourth", "third", "several", "percent", "percents", "per",
    "us", "mex", "mx", "mxn", "nt", "cad", "can", "aud", "nzd", "hkd", "sgd", "sg", "au", "c", "ca", "hk",
    "nz", "s", "rs", "sh", "ksh", "tsh", "r", "kes", "tzs", "zar", "inr", "usd", "eur", "gbp", "cny", "rmb",
    "jpy",
];

/// The ASCII words, without capitals or `.`, that may start a phrase, hashed.
struct StartWords {
    words: std::collections::HashSet<String, crate::token::WordHash>,
    longest: usize,
    /// For each first byte, the lengths (as bits) of the words starting with it: most words
    /// of a sentence share no first letter and length with any word of the table, and are
    /// ruled out without hashing them.
    lengths: [u64; 128],
}

impl StartWords {
    fn contains(&self, w: &str) -> bool {
        if w.len() > self.longest {
            return false;
        }
        // Lengths are kept for ASCII first bytes and words under 64 bytes; others are looked up.
        let lengths = w
            .as_bytes()
            .first()
            .and_then(|&first| self.lengths.get(usize::from(first)))
            .filter(|_| w.len() < 64);
        match lengths {
            Some(lengths) => lengths & (1 << w.len()) != 0 && self.words.contains(w),
            None => self.words.contains(w),
        }
    }
}

/// Every ASCII word [`word_may_start_by_lists`] accepts that has no capital or `.`. The
/// candidates are the union of the lists it asks, each kept only if it accepts it, so the
/// table and the lists agree on every such word (`start_words_agree_with_the_lists`).
fn start_words() -> &'static StartWords {
    static TABLE: std::sync::OnceLock<StartWords> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let candidates = crate::number::words()
            .chain(when::start_words())
            .chain(START_WORDS.iter().copied())
            .map(str::to_string)
            .chain(money::code_words());
        let words: std::collections::HashSet<String, crate::token::WordHash> = candidates
            .filter(|w| {
                w.bytes()
                    .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'.')
            })
            .filter(|w| word_may_start_by_lists(w))
            .collect();
        let longest = words.iter().map(String::len).max().unwrap_or(0);
        let mut lengths = [0u64; 128];
        for w in &words {
            // Every word is ASCII; one of 64 bytes or more (none is) is only looked up.
            if let (Some(&first), true) = (w.as_bytes().first(), w.len() < 64) {
                if let Some(l) = lengths.get_mut(usize::from(first)) {
                    *l |= 1 << w.len();
                }
            }
        }
        StartWords {
            words,
            longest,
            lengths,
        }
    })
}

/// A cheap test run before a sentence is tokenized: false only when no phrase can start in
/// it, so skipping it changes nothing. That is an ASCII sentence without a digit or `$` none
/// of whose words may start a phrase ([`word_may_start`]); anything else is read in full.
fn may_hold_figure(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    if bytes
        .iter()
        .any(|&b| !b.is_ascii() || b.is_ascii_digit() || b == b'$')
    {
        return true;
    }
    let mut folded = [0u8; 32];
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        // A word as the tokenizer reads it: letters, with apostrophes between letters.
        let start = i;
        while i < bytes.len()
            && (bytes[i].is_ascii_alphabetic()
                || (bytes[i] == b'\'' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic)))
        {
            i += 1;
        }
        let Some(word) = folded.get_mut(..i - start) else {
            return true;
        };
        word.copy_from_slice(&bytes[start..i]);
        word.make_ascii_lowercase();
        if std::str::from_utf8(word).map_or(true, word_may_start) {
            return true;
        }
    }
    false
}

/// Three or more numbers joined without spaces by `-`, `.` or `/` (`541-555-0142`,
/// `192.168.1.2`, `12/03/24`): a phone number, address or code, never a range.
fn number_chain(tokens: &[Token], i: usize) -> Option<usize> {
    let mut j = i;
    let mut numbers = 0;
    while tokens
        .get(j)
        .is_some_and(|t| t.is_number() && (j == i || !t.space_before))
    {
        // `192.168` is one token of two parts.
        numbers += 1 + tokens[j].text.matches('.').count();
        let joined = tokens
            .get(j + 1)
            .is_some_and(|s| !s.space_before && matches!(s.text, "-" | "." | "/"))
            && tokens
                .get(j + 2)
                .is_some_and(|n| n.is_number() && !n.space_before);
        if !joined {
            break;
        }
        j += 2;
    }
    (numbers >= 3 && j > i).then_some(j + 1)
}

fn colon_then_two_digits(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|c| c.text == ":" && !c.space_before)
        && tokens
            .get(i + 1)
            .is_some_and(|d| d.is_number() && d.text.len() == 2 && !d.space_before)
}

/// A race or elapsed time written `2:05:14` (hours, minutes, seconds): a duration.
fn race_time(tokens: &[Token], i: usize) -> Option<Phrase> {
    let part = |j: usize, max_len: usize| {
        tokens
            .get(j)
            .filter(|t| t.is_number() && t.text.len() <= max_len && (j == i || !t.space_before))
    };
    let colon = |j: usize| tokens.get(j).is_some_and(|t| t.text == ":" && !t.space_before);
    let (h, m, sec) = (part(i, 2)?, part(i + 2, 2)?, part(i + 4, 2)?);
    if !(colon(i + 1) && colon(i + 3)) || m.text.len() != 2 || sec.text.len() != 2 {
        return None;
    }
    // `10:30:00 local time` is a time of day.
    let after = tokens.get(i + 5).map(|t| t.folded.as_ref()).unwrap_or_default();
    if matches!(
        after,
        "local" | "am" | "pm" | "gmt" | "utc" | "time" | "hrs" | "a" | "p"
    ) {
        return None;
    }
    let seconds = h.number_value()? * 3600.0 + m.number_value()? * 60.0 + sec.number_value()?;
    let mut p = simple(i, i + 5, Kind::Duration, Some("s"), seconds, Qualifier::Exact);
    p.written_factor = 1.0;
    Some(p)
}

/// A score such as `3-1` or `1-1`: two small whole numbers joined by a dash, the second not
/// larger than the first (ranges are written low to high). Passed over whole.
fn score(tokens: &[Token], i: usize) -> Option<usize> {
    let small = |t: &Token| t.is_number() && t.text.len() <= 2 && t.text.chars().all(|c| c.is_ascii_digit());
    let (a, dash, b) = (tokens.get(i)?, tokens.get(i + 1)?, tokens.get(i + 2)?);
    let joined = matches!(dash.text, "-" | "–") && !dash.space_before && !b.space_before;
    (small(a) && small(b) && joined && b.number_value()? <= a.number_value()?).then_some(i + 3)
}

/// A vote tally written as a score (`voted 6-3`, `a 52-48 split`, `passed 312-290`): one
/// phrase, valued as the votes for (the keyer keys it `tally.for`). Only next to a word of
/// voting, as `won 3-1` is a score.
fn tally(tokens: &[Token], i: usize) -> Option<Phrase> {
    let whole = |t: &Token| t.is_number() && t.text.len() <= 4 && t.text.bytes().all(|b| b.is_ascii_digit());
    let (a, dash, b) = (tokens.get(i)?, tokens.get(i + 1)?, tokens.get(i + 2)?);
    let joined = matches!(dash.text, "-" | "–") && !dash.space_before && !b.space_before;
    if !(whole(a) && whole(b) && joined && votes_around(tokens, i..i + 3)) {
        return None;
    }
    Some(simple(
        i,
        i + 3,
        Kind::Count,
        None,
        a.number_value()?,
        Qualifier::Exact,
    ))
}

/// Whether the tokens `range` stand next to a word of voting: `voted 6-3`, `by a 6-3 vote`,
/// `a 52-48 split`. Also used by the keyer to tell the two sides of a tally.
pub(crate) fn votes_around(tokens: &[Token], range: Range<usize>) -> bool {
    const BEFORE: &[&str] = &[
        "voted",
        "vote",
        "votes",
        "passed",
        "approved",
        "backed",
        "rejected",
        "ruled",
        "decided",
        "split",
        "carried",
        "defeated",
        "endorsed",
        "confirmed",
        "margin",
        "majority",
    ];
    const AFTER: &[&str] = &[
        "vote", "votes", "split", "decision", "majority", "ruling", "verdict", "margin", "tally",
    ];
    let mut back = range.start;
    while let Some(prev) = back.checked_sub(1) {
        if !["a", "an", "the", "by", "its", "their"]
            .iter()
            .any(|w| tokens[prev].is(w))
        {
            break;
        }
        back = prev;
    }
    let before = back
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| BEFORE.iter().any(|w| t.is(w)));
    let after = tokens
        .get(range.end)
        .is_some_and(|t| AFTER.iter().any(|w| t.is(w)));
    before || after
}

/// A time of day (`4:17`, `4 a.m.`, `10:30 pm`): not a figure to compare, so it is passed
/// over whole rather than read as two counts. Returns the index after it.
fn clock_time(tokens: &[Token], i: usize) -> Option<usize> {
    let t = tokens.get(i)?;
    // `03.40`, `11.45pm`, `2.30pm`: the British way of writing a time.
    let bytes = t.text.as_bytes();
    let dotted = matches!(t.text.len(), 4 | 5)
        && bytes[t.text.len() - 3] == b'.'
        && t.text.bytes().filter(u8::is_ascii_digit).count() == t.text.len() - 1
        && t.text[t.text.len() - 2..].parse::<u32>().is_ok_and(|m| m < 60);
    if dotted {
        let after = tokens.get(i + 1).map(|n| n.folded.as_ref()).unwrap_or_default();
        if (t.text.starts_with('0') && t.text.len() == 5)
            || matches!(after, "am" | "pm" | "a" | "p" | "gmt" | "bst" | "hrs" | "local")
        {
            let meridiem = matches!(after, "am" | "pm" | "gmt" | "bst" | "hrs");
            return Some(i + 1 + usize::from(meridiem));
        }
    }
    if !t.is_number() || t.text.len() > 2 {
        return None;
    }
    let mut end = i + 1;
    let solid = |j: usize| tokens.get(j).is_some_and(|x| !x.space_before);
    let minutes = tokens.get(i + 1).is_some_and(|c| c.text == ":")
        && solid(i + 1)
        && solid(i + 2)
        && tokens
            .get(i + 2)
            .is_some_and(|m| m.is_number() && m.text.len() == 2);
    if minutes {
        end = i + 3;
        // `10:30:00`: seconds too.
        if colon_then_two_digits(tokens, end) {
            end += 2;
        }
    }
    let meridiem = match tokens.get(end) {
        Some(w) if w.is("am") || w.is("pm") => Some(end + 1),
        Some(w) if (w.is("a") || w.is("p")) && tokens.get(end + 1).is_some_and(|d| d.text == ".") => {
            let after = end + 2;
            let m = tokens.get(after).is_some_and(|m| m.is("m") && !m.space_before);
            m.then(|| {
                if tokens
                    .get(after + 1)
                    .is_some_and(|d| d.text == "." && !d.space_before)
                {
                    after + 2
                } else {
                    after + 1
                }
            })
        }
        _ => None,
    };
    match (minutes, meridiem) {
        (_, Some(e)) => Some(e),
        (true, None) => Some(end),
        _ => None,
    }
}

/// The figure at the heart of a phrase, before qualifiers and units.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Core {
    lo: f64,
    hi: f64,
    precision: f64,
    vague: bool,
    /// Token index after the figure.
    end: usize,
    /// A single four-digit integer with no separators: a candidate year.
    year_like: bool,
    /// Set when the words allow another reading (`one hundred thirty fifths`).
    doubt: Option<Doubt>,
}

impl Core {
    /// A figure stated exactly, ending before token `end`.
    fn exact(value: f64, end: usize) -> Core {
        Core {
            lo: value,
            hi: value,
            precision: 0.0,
            vague: false,
            end,
            year_like: false,
            doubt: None,
        }
    }
}

fn quantity_at(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let (currency, core_start) = currency_prefix(tokens, i);
    let mut core = core_at(tokens, core_start, currency.is_some())?;
    if currency.is_some() {
        // `MAUD 60`: a magnitude-prefixed code.
        let magnitude = prefix_magnitude(tokens, i);
        core.lo *= magnitude;
        core.hi *= magnitude;
        core.precision *= magnitude;
    }
    let (prefix_q, start) = match currency {
        Some(_) => qualifier_before(tokens, i),
        None => qualifier_before(tokens, core_start),
    };
    let start = if currency.is_some() { start.min(i) } else { start };
    // `-1`, `-9.2`, `minus 5`: a sign before the figure, written solid after a space.
    let sign_token = (start == core_start && core_start > 0).then(|| &tokens[core_start - 1]);
    let minus_sign = sign_token.is_some_and(|s| {
        matches!(s.text, "-" | "−")
            && !tokens[core_start].space_before
            && tokens[core_start].is_number()
            && (core_start == 1 || s.space_before)
            // `ef 75 -300mm`: a dash after another figure is no sign.
            && !(core_start >= 2 && tokens[core_start - 2].is_number())
    });
    let minus_word = sign_token.is_some_and(|s| s.is("minus") || s.is("negative"));
    // `$-99.99`: the sign after the currency symbol.
    let signed_sum = currency.is_some()
        && core_start > i
        && matches!(tokens[core_start - 1].text, "-" | "−")
        && !tokens[core_start].space_before;
    let mut start = if minus_sign || minus_word {
        start - 1
    } else {
        start
    };
    let mut negative = minus_sign || minus_word || signed_sum;
    let mut prefix_q = prefix_q;
    // `< -30`, `<= -30`, `below -5`: a comparison, then a signed figure.
    if !minus_word && prefix_q.is_none() && currency.is_none() && core_start > 1 {
        let sign = &tokens[core_start - 1];
        if matches!(sign.text, "-" | "−")
            && !tokens[core_start].space_before
            && tokens[core_start].is_number()
        {
            if let (Some(q), q_start) = qualifier_before(tokens, core_start - 1) {
                prefix_q = Some(q);
                start = q_start;
                negative = true;
            }
        }
    }
    // `between negative ten and fifteen`, `below minus 5`.
    if minus_word && prefix_q.is_none() && currency.is_none() && core_start > 1 {
        if let (Some(q), q_start) = qualifier_before(tokens, core_start - 1) {
            prefix_q = Some(q);
            start = q_start;
        }
    }
    let mut qualifier = if core.vague {
        Qualifier::Vague
    } else {
        prefix_q.unwrap_or(Qualifier::Exact)
    };
    // `equal to thousands` stays vague.
    if let Some(q) = prefix_q.filter(|q| core.vague && *q != Qualifier::Exact) {
        qualifier = q;
    }
    // `<>30`, `!=30`, `≠30`: a figure something is said to differ from states no value.
    let before = |k: usize| {
        core_start
            .checked_sub(k)
            .and_then(|j| tokens.get(j))
            .map_or("", |t| t.text)
    };
    let not_equal = before(1) == "≠"
        || (matches!((before(2), before(1)), ("<", ">") | ("!", "="))
            && !tokens[core_start - 1].space_before);
    if prefix_q.is_none() && currency.is_none() && not_equal {
        return None;
    }
    // `><30`, `==30`: an operator crosscheck does not know; the figure is kept, marked.
    let operator = |k: usize| matches!(before(k), "<" | ">" | "=");
    if prefix_q.is_none() && currency.is_none() && operator(1) && operator(2) {
        core.doubt = Some(Doubt::Ambiguous);
    }
    let mut end = core.end;

    if let Some(ordinal) = ordinal_suffix(tokens, &core) {
        // `higher than 10th`: a rank as a bound keeps its comparison.
        let q = prefix_q
            .filter(|q| {
                matches!(
                    q,
                    Qualifier::MoreThan | Qualifier::LessThan | Qualifier::AtLeast | Qualifier::AtMost
                )
            })
            .unwrap_or(Qualifier::Exact);
        let mut p = simple(start, ordinal, Kind::Ordinal, None, core.lo, q);
        p.value = Some(interval_for(q, core.lo, core.lo));
        return Some(p);
    }
    if let Some(decade_end) = decade_suffix(tokens, &core) {
        let mut p = simple(start, decade_end, Kind::Year, None, core.lo, Qualifier::Range);
        p.value = Some(Interval::closed(core.lo, core.lo + 9.0));
        p.stated = Some((core.lo, core.lo + 9.0));
        return Some(p);
    }
    // A range: `10-15`, `10 to 15`, `between 10 and 12`.
    let between = start < core_start && tokens[start].is("between");
    let by_before = core_start > 0 && tokens[core_start - 1].is("by");
    if let Some((hi_core, range_end)) = range_tail(tokens, end, between, by_before, currency.is_some()) {
        let fiscal = core.year_like
            && tokens
                .get(end)
                .is_some_and(|j| (j.is_hyphen() || j.text == "/") && !j.space_before)
            && tokens.get(end + 1).is_some_and(|n| n.text.len() == 2)
            && hi_core.hi == (core.lo + 1.0) % 100.0;
        if fiscal {
            // `2012-13`: a fiscal or season year, a period rather than a range of numbers.
            return Some(simple(
                start,
                range_end,
                Kind::Year,
                None,
                core.lo,
                Qualifier::Exact,
            ));
        }
        // `2019-23`: a short span of years.
        let short_span = core.year_like
            && tokens.get(range_end - 1).is_some_and(|t| t.text.len() == 2)
            && hi_core.hi < 100.0
            && (core.lo - core.lo % 100.0 + hi_core.hi) > core.lo;
        let hi_core = if short_span {
            let full = core.lo - core.lo % 100.0 + hi_core.hi;
            Core {
                hi: full,
                lo: full,
                year_like: true,
                ..hi_core
            }
        } else {
            hi_core
        };
        let years = core.year_like
            && hi_core.year_like
            && hi_core.hi > core.lo
            && (1000.0..=2100.0).contains(&core.lo)
            && hi_core.hi <= 2100.0;
        if years && is_year_use(tokens, core_start, range_end) {
            // `between 2014 and 2018`, `2019-2023`: a span of years.
            let mut p = simple(start, range_end, Kind::Year, None, core.lo, Qualifier::Range);
            p.value = Some(Interval::closed(core.lo, hi_core.hi));
            p.stated = Some((core.lo, hi_core.hi));
            p.relation = relation_before(tokens, core_start);
            return Some(p);
        }
        let scale = range_scale(&core, &hi_core);
        // `-10 to 15`: the sign is the first figure's alone.
        let sign = if negative { -1.0 } else { 1.0 };
        // A range never runs downwards: `losses of €48.6m to 2,140 investors` is two figures.
        if sign * core.lo * scale <= hi_core.hi {
            negative = false;
            core = Core {
                lo: sign * core.lo * scale,
                hi: hi_core.hi,
                precision: hi_core.precision,
                vague: false,
                end: range_end,
                year_like: false,
                doubt: core.doubt.or(hi_core.doubt),
            };
            end = range_end;
            if !matches!(qualifier, Qualifier::About) {
                qualifier = Qualifier::Range;
            }
        }
    }
    // `20+`, `20,000-plus`.
    if let Some(t) = tokens.get(end) {
        if t.text == "+" && !t.space_before {
            qualifier = Qualifier::AtLeast;
            end += 1;
        } else if let Some((q, after)) = figure::bound_after(tokens, end, prefix_q).filter(|_| !core.vague) {
            // `20 or more`, `65 and over`, `10 or fewer`, `less than 5000 or equal`.
            qualifier = q;
            end = after;
        } else if t.is_hyphen() && tokens.get(end + 1).is_some_and(|p| p.is("plus")) {
            qualifier = Qualifier::AtLeast;
            end += 2;
        } else if t.is_hyphen()
            && tokens
                .get(end + 1)
                .is_some_and(|p| p.is("odd") || p.is("something"))
        {
            // `30-odd`: somewhere in the thirties.
            let step = 10f64.powi(core.lo.log10().floor().max(1.0) as i32);
            let step = if core.lo >= 10.0 { step.min(10.0) } else { 1.0 };
            // `1.26-odd` or `5-odd`: a bit over the figure, which `lo + 1 - 1` would put
            // below it in floating point.
            core.hi = (core.lo + step - 1.0).max(core.lo);
            qualifier = Qualifier::Range;
            end += 2;
        }
    }

    // `aged 31`, `aged over 65`, `aged between 18 and 30`: a figure after `aged` is an age.
    let aged = currency.is_none() && start > 0 && tokens[start - 1].is("aged");
    let (kind, unit, factor, unit_end) = match currency {
        Some(code) => (Kind::Money, Some(code), 1.0, end),
        None => match unit_at(tokens, end)
            .or_else(|| part_of_a_unit(tokens, end, &core))
            .or_else(|| money::of_currency(tokens, end, core.vague))
        {
            Some((kind, unit, factor, unit_end)) => (kind, Some(unit), factor, unit_end),
            // A bare age counts years.
            None if aged && !core.vague => (Kind::Duration, Some("s"), YEAR, end),
            None => (Kind::Count, None, 1.0, end),
        },
    };
    // `180ml`, `16GB`, `5G`, `3D`: a figure glued to a unit crosscheck does not know, or to
    // a capital letter, is no count (`70s` and `3x` still are).
    let glued = tokens.get(end).is_some_and(|w| {
        w.is_word()
            && !w.space_before
            && (w.text.chars().count() >= 2 || w.text.chars().all(char::is_uppercase))
    });
    if kind == Kind::Count && end == core_start + 1 && tokens[core_start].is_number() && glued {
        return None;
    }
    // `24/7`, `50/50`, `9/11`, `1/0`: a pair of figures joined by a slash, read neither as a
    // date nor as a fraction, is a ratio or a name, no count.
    let slash_pair = tokens.get(end).is_some_and(|s| s.text == "/" && !s.space_before)
        && tokens
            .get(end + 1)
            .is_some_and(|n| n.is_number() && !n.space_before);
    // (`the 2026/27 financial year` is left to the year reading.)
    if kind == Kind::Count
        && end == core_start + 1
        && tokens[core_start].is_number()
        && slash_pair
        && !core.year_like
    {
        return None;
    }
    let mut end = unit_end.max(end);
    let mut extra = 0.0;
    let mut relation = None;
    if matches!(kind, Kind::Duration | Kind::Distance | Kind::Money) && qualifier != Qualifier::Range {
        // `2 hours and 20 minutes`, `5 feet 2 inches`, `3 dollars 50 cents`: one figure.
        let tail = smaller_unit_tail(tokens, end, (kind, unit), factor).or_else(|| {
            // `15 dollars 50`: cents without their unit, after a whole sum.
            let whole = core.lo == core.hi && core.lo.fract() == 0.0 && factor == 1.0;
            let written_after = currency.is_none() && kind == Kind::Money && whole;
            written_after
                .then(|| bare_subunit(tokens, end, unit.unwrap_or_default()))
                .flatten()
        });
        if let Some((more, more_end)) = tail {
            extra = more;
            end = more_end;
        }
    }
    if kind == Kind::Duration {
        // `a 14-year-old jet`, `thirty years old`, `18 years of age`, `aged 31`: an age.
        if let Some(after) = old_after(tokens, end) {
            end = after;
            relation = Some("age".to_string());
        } else if aged {
            start -= 1;
            relation = Some("age".to_string());
        }
    }

    if kind == Kind::Count
        && core.year_like
        && qualifier == Qualifier::Exact
        && is_year_use(tokens, core_start, end)
    {
        let mut p = simple(start, end, Kind::Year, None, core.lo, Qualifier::Exact);
        p.relation = relation_before(tokens, core_start);
        return Some(p);
    }
    if kind == Kind::Count && !core_is_claim_worthy(tokens, core_start, &core) {
        return None;
    }
    if kind == Kind::Duration && unit == Some("s") && relation.is_none() && extra == 0.0 {
        if let Some(p) = relative_years(tokens, start, core_start, end, &core, factor, published) {
            return Some(p);
        }
    }

    let (mut lo, mut hi) = (core.lo * factor + extra, core.hi * factor + extra);
    let mut unit = unit;
    if negative {
        (lo, hi) = (-hi, -lo);
    }
    let mut factor = factor;
    if unit == Some("°F") {
        lo = (lo - 32.0) * 5.0 / 9.0;
        hi = (hi - 32.0) * 5.0 / 9.0;
        unit = Some("°C");
        // A Fahrenheit degree is five ninths of a Celsius one: `93F` is as precise as its last
        // digit in Fahrenheit, so it meets `34C` (33.9 °C) once both are widened by half a
        // written degree.
        factor *= 5.0 / 9.0;
    }
    let mut value = interval_for(qualifier, lo, hi);
    if relation.is_some() && qualifier == Qualifier::Exact && lo == hi && core.lo.fract() == 0.0 && !negative
    {
        // An age is counted in whole units lived: `a 30-year-old` is 30 until the 31st
        // birthday, so `30-year-old` and `aged 31` conflict, `more than 30 years old` does not.
        value = Interval {
            lo: Some(crate::interval::Bound {
                value: lo,
                inclusive: true,
            }),
            hi: Some(crate::interval::Bound {
                value: lo + factor,
                inclusive: false,
            }),
        };
    }
    Some(Phrase {
        start,
        end,
        value: Some(value),
        stated: Some((lo, hi)),
        precision: match qualifier {
            Qualifier::Exact => core.precision * factor,
            _ => 0.0,
        },
        written_factor: factor,
        kind,
        unit,
        qualifier,
        resolution: None,
        relation,
        doubt: core.doubt,
    })
}

/// Seconds in crosscheck's 365.25-day year.
const YEAR: f64 = 31_557_600.0;

/// Where an age ends after its unit: `-old` (`14-year-old`), ` old` (`thirty years old`) or
/// `of age` (`18 years of age`); `None` when no such words follow (`30 years older`, `30 years
/// ago` are no ages).
fn old_after(tokens: &[Token], end: usize) -> Option<usize> {
    let t = tokens.get(end)?;
    if t.is("old") {
        return Some(end + 1);
    }
    if t.is_hyphen()
        && !t.space_before
        && tokens
            .get(end + 1)
            .is_some_and(|o| o.is("old") && !o.space_before)
    {
        return Some(end + 2);
    }
    (t.is("of") && tokens.get(end + 1).is_some_and(|a| a.is("age"))).then_some(end + 2)
}

/// The interval a qualifier gives to a stated figure `[lo, hi]` (a point when `lo == hi`).
pub fn interval_for(q: Qualifier, lo: f64, hi: f64) -> Interval {
    match q {
        Qualifier::Exact | Qualifier::Range | Qualifier::Vague | Qualifier::Relative => {
            Interval::closed(lo, hi)
        }
        Qualifier::MoreThan => Interval::above(lo, false),
        Qualifier::AtLeast => Interval::above(lo, true),
        Qualifier::LessThan => Interval::below(lo, false),
        Qualifier::AtMost => Interval::below(hi, true),
        Qualifier::About => Interval::closed(lo - 0.1 * lo.abs(), hi + 0.1 * hi.abs()),
        Qualifier::Nearly => Interval {
            lo: Some(crate::interval::Bound {
                value: lo - 0.1 * lo.abs(),
                inclusive: true,
            }),
            hi: Some(crate::interval::Bound {
                value: hi,
                inclusive: false,
            }),
        },
    }
}

fn simple(start: usize, end: usize, kind: Kind, unit: Option<&'static str>, v: f64, q: Qualifier) -> Phrase {
    Phrase {
        start,
        end,
        value: Some(Interval::point(v)),
        stated: Some((v, v)),
        precision: 0.0,
        written_factor: 1.0,
        kind,
        unit,
        qualifier: q,
        resolution: None,
        relation: None,
        doubt: None,
    }
}

/// Qualifier words ending right before token `i`; returns the qualifier and the index where
/// the phrase starts (`i` when there is none).
fn qualifier_before(tokens: &[Token], i: usize) -> (Option<Qualifier>, usize) {
    const PHRASES: &[(&[&str], Qualifier)] = &[
        (&["less", "than", "or", "equal", "to"], Qualifier::AtMost),
        (&["fewer", "than", "or", "equal", "to"], Qualifier::AtMost),
        (&["more", "than", "or", "equal", "to"], Qualifier::AtLeast),
        (&["greater", "than", "or", "equal", "to"], Qualifier::AtLeast),
        (&["equal", "to", "or", "less", "than"], Qualifier::AtMost),
        (&["equal", "to", "or", "fewer", "than"], Qualifier::AtMost),
        (&["equal", "to", "or", "more", "than"], Qualifier::AtLeast),
        (&["equal", "to", "or", "greater", "than"], Qualifier::AtLeast),
        (&["equal", "to", "or", "higher", "than"], Qualifier::AtLeast),
        (&["equal", "to", "or", "lower", "than"], Qualifier::AtMost),
        (&["at", "least", "or", "equal", "to"], Qualifier::AtLeast),
        (&["at", "most", "or", "equal", "to"], Qualifier::AtMost),
        (&["higher", "or", "equal", "than"], Qualifier::AtLeast),
        (&["bigger", "or", "equal", "than"], Qualifier::AtLeast),
        (&["larger", "or", "equal", "than"], Qualifier::AtLeast),
        (&["greater", "or", "equal", "than"], Qualifier::AtLeast),
        (&["lower", "or", "equal", "than"], Qualifier::AtMost),
        (&["smaller", "or", "equal", "than"], Qualifier::AtMost),
        (&["less", "or", "equal", "than"], Qualifier::AtMost),
        (&["more", "than"], Qualifier::MoreThan),
        (&["bigger", "than"], Qualifier::MoreThan),
        (&["exceed"], Qualifier::MoreThan),
        (&["exceeds"], Qualifier::MoreThan),
        (&["exceeded"], Qualifier::MoreThan),
        (&["surpass"], Qualifier::MoreThan),
        (&["surpasses"], Qualifier::MoreThan),
        (&["surpassed"], Qualifier::MoreThan),
        (&["surpassing"], Qualifier::MoreThan),
        // `the toll tops 200`: past the figure (`the top 10` is a rank, not read here).
        (&["tops"], Qualifier::MoreThan),
        (&["topped"], Qualifier::MoreThan),
        (&["topping"], Qualifier::MoreThan),
        (&["nearing"], Qualifier::Nearly),
        (&["nears"], Qualifier::Nearly),
        (&["neared"], Qualifier::Nearly),
        (&["approaching"], Qualifier::Nearly),
        (&["just", "over"], Qualifier::MoreThan),
        (&["well", "over"], Qualifier::MoreThan),
        (&["well", "above"], Qualifier::MoreThan),
        (&["north", "of"], Qualifier::MoreThan),
        (&["well", "under"], Qualifier::LessThan),
        (&["well", "below"], Qualifier::LessThan),
        (&["just", "shy", "of"], Qualifier::Nearly),
        (&["shy", "of"], Qualifier::Nearly),
        (&["as", "few", "as"], Qualifier::AtLeast),
        (&["as", "little", "as"], Qualifier::AtLeast),
        (&["as", "low", "as"], Qualifier::AtLeast),
        (&["more", "or", "less"], Qualifier::About),
        (&["in", "the", "region", "of"], Qualifier::About),
        (&["in", "the", "order", "of"], Qualifier::About),
        (&["on", "the", "order", "of"], Qualifier::About),
        (&["over"], Qualifier::MoreThan),
        (&["above"], Qualifier::MoreThan),
        (&["greater", "than"], Qualifier::MoreThan),
        (&["larger", "than"], Qualifier::MoreThan),
        (&["higher", "than"], Qualifier::MoreThan),
        (&["exceeding"], Qualifier::MoreThan),
        (&["lower", "than"], Qualifier::LessThan),
        (&["smaller", "than"], Qualifier::LessThan),
        (&[">"], Qualifier::MoreThan),
        (&["<"], Qualifier::LessThan),
        (&[">", "="], Qualifier::AtLeast),
        (&["<", "="], Qualifier::AtMost),
        (&["≥"], Qualifier::AtLeast),
        (&["≤"], Qualifier::AtMost),
        // `=>30`, `=<30`: the signs of `>=` and `<=` written the other way round.
        (&["=", ">"], Qualifier::AtLeast),
        (&["=", "<"], Qualifier::AtMost),
        (&["in", "excess", "of"], Qualifier::MoreThan),
        (&["upwards", "of"], Qualifier::MoreThan),
        (&["at", "least"], Qualifier::AtLeast),
        (&["no", "fewer", "than"], Qualifier::AtLeast),
        (&["no", "less", "than"], Qualifier::AtLeast),
        (&["a", "minimum", "of"], Qualifier::AtLeast),
        (&["just", "under"], Qualifier::Nearly),
        (&["fewer", "than"], Qualifier::LessThan),
        (&["less", "than"], Qualifier::LessThan),
        (&["under"], Qualifier::LessThan),
        (&["below"], Qualifier::LessThan),
        (&["up", "to"], Qualifier::AtMost),
        (&["at", "most"], Qualifier::AtMost),
        (&["as", "many", "as"], Qualifier::AtMost),
        (&["as", "high", "as"], Qualifier::AtMost),
        (&["as", "much", "as"], Qualifier::AtMost),
        (&["no", "more", "than"], Qualifier::AtMost),
        (&["a", "maximum", "of"], Qualifier::AtMost),
        (&["about"], Qualifier::About),
        (&["approximately"], Qualifier::About),
        (&["approx"], Qualifier::About),
        (&["around"], Qualifier::About),
        (&["roughly"], Qualifier::About),
        (&["some"], Qualifier::About),
        (&["an", "estimated"], Qualifier::About),
        (&["estimated"], Qualifier::About),
        (&["circa"], Qualifier::About),
        (&["an", "approximate"], Qualifier::About),
        (&["nearly"], Qualifier::Nearly),
        (&["almost"], Qualifier::Nearly),
        (&["close", "to"], Qualifier::Nearly),
        (&["between"], Qualifier::Range),
        // `equal to 5000 or more than`: the phrase starts at `equal`.
        (&["equal", "to"], Qualifier::Exact),
    ];
    type ByLastWord = std::collections::HashMap<&'static str, Vec<(&'static [&'static str], Qualifier)>>;
    // The phrases grouped by their last word, each group longest first (`no more than`
    // before `more than`), built once: only the phrases ending in the word before `i` are tried.
    static BY_LAST_WORD: std::sync::OnceLock<ByLastWord> = std::sync::OnceLock::new();
    let by_last_word = BY_LAST_WORD.get_or_init(|| {
        let mut map = ByLastWord::new();
        for n in (1..=5).rev() {
            for &(words, q) in PHRASES.iter().filter(|(w, _)| w.len() == n) {
                map.entry(words[n - 1]).or_default().push((words, q));
            }
        }
        map
    });
    let Some(candidates) = i
        .checked_sub(1)
        .and_then(|last| by_last_word.get(tokens.get(last)?.folded.as_ref()))
    else {
        return (None, i);
    };
    for (words, q) in candidates {
        let n = words.len();
        if i < n {
            continue;
        }
        // The phrase must be there before any of the tests below, which only rule a
        // matching phrase out: the last word first, as it tells most phrases apart.
        if !tokens[i - 1].is(words[n - 1]) || !tokens[i - n..i].iter().zip(words.iter()).all(|(t, w)| t.is(w))
        {
            continue;
        }
        // `<>30`, `=>30`: not comparisons crosscheck knows.
        if matches!(words[0], ">" | "<")
            && i > n
            && matches!(tokens[i - n - 1].text, "<" | "=" | ">")
            && !tokens[i - n].space_before
        {
            continue;
        }
        // `> 30 people were killed` at the start of a line is a Markdown quote.
        if i == n && matches!(words[0], ">" | "<") && tokens.get(i).is_some_and(|t| t.space_before) {
            continue;
        }
        // `one over three` is a fraction and `$2,000 over 3 years` a period, not "more than".
        // (A figure may end in its unit: `rose 3.2% over 12 months`, `$2bn over five years`.)
        let after_figure = i > n && {
            let prev = &tokens[i - n - 1];
            prev.is_number()
                || number_word(&prev.folded).is_some()
                || scale_word(&prev.folded, true).is_some()
                || ["%", "percent", "cent", "pct", "points"]
                    .iter()
                    .any(|w| prev.is(w))
        };
        if *words == ["over"] && after_figure && figure::over_is_not_a_bound(tokens, i - 1) {
            continue;
        }
        // `How about 2 in 5`: a question, not an approximation.
        if *words == ["about"] && i > n && (tokens[i - n - 1].is("how") || tokens[i - n - 1].is("what")) {
            continue;
        }
        return (Some(*q), i - n);
    }
    (None, i)
}

/// The figure at `i`: digits with an optional scale word, a spelled number, or a vague magnitude.
fn core_at(tokens: &[Token], i: usize, after_currency: bool) -> Option<Core> {
    let t = tokens.get(i)?;
    if t.is_number() {
        if is_identifier(tokens, i) {
            return None;
        }
        // `1/4 mile`: a fraction, when a unit says it is a measure.
        if let Some((part, end)) =
            numeric_fraction(tokens, i).filter(|&(_, end)| unit_at(tokens, end).is_some())
        {
            return Some(Core::exact(part, end));
        }
        if let Some(core) = bare_fraction(tokens, i).or_else(|| comma_decimal(tokens, i)) {
            return Some(core);
        }
        // `1.1^23`, `2.5^-1`.
        if let Some((exp, end)) = figure::power_after(tokens, i + 1) {
            let v = t.number_value()?.powf(exp);
            return v.is_finite().then(|| Core::exact(v, end));
        }
        let (value, mut end) = match exponent_after(tokens, i + 1) {
            Some((power, end)) => (t.number_value()? * power, end),
            None => (t.number_value()?, i + 1),
        };
        let mut scale = 1.0;
        if let Some(next) = tokens.get(i + 1) {
            // `6.2m voters`: a solid `m` after a decimal is millions unless a measure follows.
            let million_m = next.is("m")
                && !next.space_before
                && t.text.contains('.')
                && tokens.get(i + 2).is_some_and(|w| {
                    w.is_word()
                        && ![
                            "tall", "high", "long", "deep", "wide", "away", "above", "below", "from", "of",
                            "in", "across", "metres", "meters",
                        ]
                        .contains(&w.folded.as_ref())
                });
            // `10M people`, `1,674,200.5 M`: a capital M is millions (mega); metres are
            // written `m`. `1MM` is a million in finance; `10G`, `1,674.5 G` giga, but a
            // digit solid before `G` names a network (`5G`).
            let capital_m = next.text == "M";
            let magnitude = match next.text {
                "MM" => Some(1e6),
                "G" if next.space_before || t.text.len() > 1 => Some(1e9),
                _ => None,
            };
            // `5m euros`: millions of a currency named after.
            let before_money = next.is("m")
                && !next.space_before
                && tokens
                    .get(i + 2)
                    .is_some_and(|w| w.space_before && money::names_currency(&w.folded));
            let millions = after_currency || million_m || capital_m || before_money;
            // `100 k.p.h.` is a speed, not a hundred thousand.
            let speed = unit::dotted_speed(tokens, i + 1).is_some();
            if let Some(s) = magnitude
                .or_else(|| scale_word(&next.folded, millions))
                .filter(|_| !speed)
            {
                // `10k` and `$1.2bn` are written solid; `1.3 million` with a space, but a
                // headline may run it in (`£40MILLION`).
                let spelled = matches!(
                    next.folded.as_ref(),
                    "thousand" | "million" | "billion" | "trillion"
                );
                let solid_ok = next.space_before || next.text.len() <= 3 || spelled;
                if solid_ok {
                    scale = s;
                    end = i + 2;
                }
            }
        }
        if let Some((s, after)) = money::scale_tail(tokens, end, scale) {
            scale = s;
            end = after;
        }
        let digits_only = t.text.chars().all(|c| c.is_ascii_digit());
        // `2½`, `2 1/2 miles`: a whole number and a fraction.
        let mut value = value;
        // `3 hundred and 21`, `4 thousand 3 hundred`.
        if digits_only && scale > 1.0 {
            if let Some((whole, after)) = figure::mixed_tail(tokens, value, i + 1) {
                return Some(Core {
                    year_like: false,
                    ..Core::exact(whole, after)
                });
            }
        }
        // `3 dozen`, `3 dozens`.
        if scale == 1.0
            && tokens.get(end).is_some_and(|d| {
                matches!(
                    d.folded.as_ref(),
                    "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs"
                )
            })
        {
            value *= 12.0;
            end += 1;
        }
        // `3 million and a half`, `5 and a quarter`, `2 and a half million`.
        if digits_only || scale > 1.0 {
            if let Some((part, after)) = and_fraction(tokens, end) {
                end = after;
                match scale_word_at(tokens, end) {
                    Some(s) if scale == 1.0 => {
                        value += part;
                        scale = s;
                        end += 1;
                    }
                    // `1 billion and a half million`: half a million more.
                    Some(s) if s < scale => {
                        value = times_power_of_ten(value, scale) + part * s;
                        scale = 1.0;
                        end += 1;
                    }
                    _ => value += part,
                }
            }
        }
        let mut fraction = false;
        if scale == 1.0 && digits_only {
            if let Some((part, after)) = fraction_after(tokens, end) {
                value += part;
                end = after;
                fraction = true;
            }
        }
        // `1 over 3`, `2000 over 3`.
        if scale == 1.0 && !fraction && end == i + 1 {
            if let Some((den, after)) = figure::over_denominator(tokens, end) {
                return Some(figure::quotient(value, den, after));
            }
        }
        let scaled = times_power_of_ten(value, scale);
        return Some(Core {
            lo: scaled,
            hi: scaled,
            precision: rounding(t.text, value, scale),
            vague: false,
            end,
            year_like: digits_only && t.text.len() == 4 && scale == 1.0,
            doubt: None,
        });
    }
    // `½ mile`: a fraction alone.
    if let Some(part) = vulgar_fraction(t.text) {
        return Some(Core::exact(part, i + 1));
    }
    if !t.is_word() {
        return None;
    }
    // `more than half people`: a fraction after a comparison.
    if t.is("half")
        && figure::compared(tokens, i)
        && !tokens
            .get(i + 1)
            .is_some_and(|n| n.is("a") || n.is("an") || n.is("of") || number_word(&n.folded).is_some())
    {
        return Some(Core::exact(0.5, i + 1));
    }
    // `a hundred and two`, `a thousand and one`: a spelled number after `a`.
    if t.is("a") {
        if let Some(core) = spelled_at(tokens, i + 1).filter(|c| c.end > i + 2 && c.lo >= 100.0) {
            return Some(core);
        }
    }
    // `a half`, `an eighth`, `a hundredth` (after `a quarter million`, read as a magnitude).
    if let Some(core) = vague_at(tokens, i) {
        return Some(with_denominator(tokens, core));
    }
    if t.is("a") || t.is("an") {
        if let Some((part, end)) =
            fraction_after_numerator(tokens, 1.0, i + 1).or_else(|| compared_fraction(tokens, i, 1.0, i + 1))
        {
            return Some(Core::exact(part, end));
        }
    }
    spelled_at(tokens, i)
}

/// `a hundred trillionths`: an exact magnitude over a denominator.
fn with_denominator(tokens: &[Token], core: Core) -> Core {
    match fraction_after_numerator(tokens, core.lo, core.end) {
        Some((part, end)) if !core.vague && core.lo == core.hi => Core {
            lo: part,
            hi: part,
            end,
            ..core
        },
        _ => core,
    }
}

/// `value × scale` without binary rounding error when the scale is a power of ten: `16.4
/// million` is 16,400,000, not 16,399,999.999999998.
fn times_power_of_ten(value: f64, scale: f64) -> f64 {
    let exponent = scale.log10().round();
    if scale > 1.0 && 10f64.powi(exponent as i32) == scale {
        if let Ok(exact) = format!("{value}e{exponent}").parse::<f64>() {
            return exact;
        }
    }
    value * scale
}

/// Half the rounding step of a figure, capped at 5 % of it: `10,000` may stand for anything
/// from 9,500 to 10,500, `1.3 million` for 1.25 to 1.35 million; `26` is exact.
fn rounding(text: &str, value: f64, scale: f64) -> f64 {
    let step = match text.split_once('.') {
        Some((_, frac)) => 10f64.powi(-(frac.len() as i32)) * scale,
        None => {
            let digits: String = text.chars().filter(|c| c.is_ascii_digit()).collect();
            let zeros = digits.len() - digits.trim_end_matches('0').len();
            if scale == 1.0 && (zeros < 2 || value < 100.0) {
                return 0.0;
            }
            10f64.powi(zeros as i32) * scale
        }
    };
    (step / 2.0).min(0.05 * value * scale)
}

/// `dozens`, `thousands`, `tens of thousands`, `hundreds of millions`, `several hundred`,
/// `a few thousand`, `a couple of hundred`, `a dozen`, `half a million`.
fn vague_at(tokens: &[Token], i: usize) -> Option<Core> {
    let word: &str = &tokens[i].folded;
    let of_magnitude = |j: usize| -> Option<f64> {
        if tokens.get(j).is_some_and(|t| t.is("of")) {
            tokens.get(j + 1).and_then(|t| plural_magnitude(&t.folded))
        } else {
            None
        }
    };
    let span = |lo: f64, hi: f64, end: usize| Core {
        lo,
        hi,
        precision: 0.0,
        vague: true,
        end,
        year_like: false,
        doubt: None,
    };
    // `tens of thousands`, `hundreds of millions`.
    if word == "tens" {
        let base = of_magnitude(i + 1).unwrap_or(1.0);
        let end = if base > 1.0 { i + 3 } else { i + 1 };
        if base == 1.0 && !tokens.get(i + 1).is_some_and(|t| t.is("of")) {
            return None;
        }
        return Some(span(20.0 * base, 100.0 * base - 1.0, end));
    }
    if let Some(m) = plural_magnitude(word) {
        if let Some(base) = of_magnitude(i + 1).filter(|b| *b > m) {
            return Some(span(2.0 * m * base, 10.0 * m * base - 1.0, i + 3));
        }
        // `scores` alone is a verb or test results; `scores of` is a magnitude.
        if word == "scores" && !tokens.get(i + 1).is_some_and(|t| t.is("of")) {
            return None;
        }
        return Some(match word {
            "dozens" => span(24.0, 99.0, i + 1),
            "scores" => span(40.0, 199.0, i + 1),
            _ => span(2.0 * m, 10.0 * m - 1.0, i + 1),
        });
    }
    let scale_after = |j: usize| -> Option<(f64, usize)> {
        let j = if tokens.get(j).is_some_and(|t| t.is("of")) {
            j + 1
        } else {
            j
        };
        // `several hundred thousand`: scales multiply. `a few dozen`: a dozen is a scale here.
        if tokens.get(j).is_some_and(|t| t.is("dozen")) {
            return Some((12.0, j + 1));
        }
        let mut scale = 1.0;
        let mut end = j;
        while let Some(w) = tokens.get(end).and_then(|t| number_word(&t.folded)) {
            match w {
                NumberWord::Hundred if scale < 100.0 => scale *= 100.0,
                NumberWord::Scale(s) if s > scale => scale *= s,
                _ => break,
            }
            end += 1;
        }
        (end > j).then_some((scale, end))
    };
    let next_is = |w: &str| tokens.get(i + 1).is_some_and(|t| t.is(w));
    let numerator = |w: &str| match w {
        "a" | "an" | "one" => Some(1.0),
        _ => match number_word(w) {
            Some(NumberWord::Small(v)) if v >= 2.0 => Some(v),
            _ => None,
        },
    };
    let fraction_at = if tokens
        .get(i + 1)
        .is_some_and(|h| h.is_hyphen() && !h.space_before)
    {
        i + 2
    } else {
        i + 1
    };
    match word {
        "several" => scale_after(i + 1).map(|(s, end)| span(3.0 * s, 9.0 * s, end)),
        "a" if next_is("few") => scale_after(i + 2).map(|(s, end)| span(2.0 * s, 5.0 * s, end)),
        "a" if next_is("couple") => scale_after(i + 2).map(|(s, end)| span(2.0 * s, 3.0 * s, end)),
        "a" if next_is("dozen") => Some(Core::exact(12.0, i + 2)),
        "half" if next_is("a") && tokens.get(i + 2).is_some_and(|t| t.is("dozen")) => {
            Some(Core::exact(6.0, i + 3))
        }
        // `a quarter of a million`, `three quarters of a million`, `a third of a billion`.
        "quarter" | "third" if fraction_of(tokens, i).is_some() => {
            let (part, end) = fraction_of(tokens, i)?;
            Some(Core::exact(part, end))
        }
        // `three quarters of a million`, `three-quarters of a million`, `five eighths of a billion`.
        _ if numerator(word).is_some() && fraction_of(tokens, fraction_at).is_some() => {
            let (part, end) = fraction_of(tokens, fraction_at)?;
            Some(Core::exact(numerator(word)? * part, end))
        }
        "half" if !next_is("a") => scale_after(i + 1)
            .filter(|(s, _)| *s >= 1000.0)
            .map(|(s, end)| Core::exact(s / 2.0, end)),
        "half" if next_is("a") => scale_after(i + 2).map(|(s, end)| Core::exact(s / 2.0, end)),
        "a" => scale_after(i + 1)
            .filter(|(s, _)| *s >= 100.0)
            .map(|(s, end)| Core::exact(s, end)),
        _ => None,
    }
}

/// Proportions written in words, as percentages: `a third of voters` (33.3%), `two thirds
/// of`, `half of`, `one in five` (20%), `three out of four` (75%).
fn proportion_at(tokens: &[Token], i: usize) -> Option<Phrase> {
    let count = |t: &Token| -> Option<f64> {
        match t.folded.as_ref() {
            "a" | "an" => Some(1.0),
            _ if t.is_number() => t.number_value(),
            w => match number_word(w)? {
                NumberWord::Small(v) => Some(v),
                _ => None,
            },
        }
    };
    let part = |w: &str| fraction_word(w).map(|(d, _)| 1.0 / d);
    let t = tokens.get(i)?;
    if let Some(share) = figure::compared_share(tokens, i) {
        return finish_proportion(tokens, i, share.0, share.1);
    }
    let share = if t.is("half") && tokens.get(i + 1).is_some_and(|o| o.is("of")) {
        Some((50.0, i + 1))
    } else if let Some((n, p, at)) = {
        // `two thirds of`, `two-thirds of`.
        let hyphen = tokens
            .get(i + 1)
            .is_some_and(|h| h.is_hyphen() && !h.space_before);
        let at = if hyphen { i + 2 } else { i + 1 };
        count(t)
            .zip(tokens.get(at).and_then(|w| part(&w.folded)))
            .map(|(n, p)| (n, p, at))
    } {
        tokens
            .get(at + 1)
            .is_some_and(|o| o.is("of"))
            .then_some((n * p * 100.0, at + 1))
    } else {
        // `one in five`, `three out of four`.
        let n = count(t).filter(|_| !t.is("a") && !t.is("an"))?;
        let m_at = match (tokens.get(i + 1), tokens.get(i + 2)) {
            (Some(a), _) if a.is("in") => i + 2,
            (Some(a), Some(b)) if a.is("out") && b.is("of") => i + 3,
            _ => return None,
        };
        // `one in every five`, `one out of every three`.
        let m_at = if tokens.get(m_at).is_some_and(|e| e.is("every")) {
            m_at + 1
        } else {
            m_at
        };
        // `one in twenty-one`, `1 in 1,000`: the whole figure after `in`.
        // `Voyager 2 in 1979` is a time, not a share.
        let whole = core_at(tokens, m_at, false)
            .filter(|c| !c.vague && c.lo == c.hi && !(c.year_like && (1800.0..=2100.0).contains(&c.lo)))?;
        let m = whole.lo;
        ((2.0..=1e6).contains(&m) && n < m).then_some((n / m * 100.0, whole.end))
    };
    let (percent, end) = share?;
    finish_proportion(tokens, i, percent, end)
}

/// `3/4 of the vote`: a numeric fraction before `of`, as a percentage.
fn numeric_proportion_at(tokens: &[Token], i: usize) -> Option<Phrase> {
    let (part, end) = numeric_fraction(tokens, i)?;
    tokens.get(end)?.is("of").then_some(())?;
    finish_proportion(tokens, i, part * 100.0, end)
}

/// A proportion's phrase, ending before `end` (the `of` after it, or the token after the
/// denominator).
fn finish_proportion(tokens: &[Token], i: usize, percent: f64, end: usize) -> Option<Phrase> {
    // `a third of a million` is a number and `an eighth of a mile` a distance, read elsewhere.
    if tokens.get(end + 1).is_some_and(|a| a.is("a") || a.is("an"))
        && (tokens
            .get(end + 2)
            .is_some_and(|s| matches!(number_word(&s.folded), Some(NumberWord::Scale(_))))
            || unit_at(tokens, end + 2).is_some())
    {
        return None;
    }
    let (q, start) = qualifier_before(tokens, i);
    let mut qualifier = q.unwrap_or(Qualifier::Exact);
    let mut end = end;
    // `2 in 5 or more`.
    if let Some((bound, after)) = figure::bound_after(tokens, end, q) {
        qualifier = bound;
        end = after;
    }
    let mut p = simple(start, end, Kind::Percent, Some("%"), percent, qualifier);
    p.value = Some(interval_for(qualifier, percent, percent));
    Some(p)
}

/// `or more` / `and over` (at least) or `or less` / `and under` (at most) right after a
/// figure, when nothing after them starts a second bound.
fn open_bound_after(tokens: &[Token], i: usize) -> Option<Qualifier> {
    let joiner = tokens.get(i)?;
    if !(joiner.is("or") || joiner.is("and")) || !closes_phrase(tokens, i + 2) {
        return None;
    }
    match tokens.get(i + 1)?.folded.as_ref() {
        "more" | "above" | "over" | "greater" | "higher" | "larger" => Some(Qualifier::AtLeast),
        "less" | "fewer" | "below" | "under" | "lower" | "smaller" => Some(Qualifier::AtMost),
        _ => None,
    }
}

/// True when nothing at `i` continues a comparison: `20 or more people`, but not `20 and
/// below 30` or `more than 20 and less than 35`, where the words start a second bound.
fn closes_phrase(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_none_or(|t| {
        !(t.is_number()
            || ["than", "or", "equal", "the"].iter().any(|w| t.is(w))
            || number_word(&t.folded).is_some()
            // `above one quarter and below a half`.
            || may_start(t) && core_at(tokens, i, false).is_some())
    })
}

/// The value of a single-character fraction: `½`, `¾`.
fn vulgar_fraction(text: &str) -> Option<f64> {
    Some(match text {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅐" => 1.0 / 7.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        "⅑" => 1.0 / 9.0,
        "⅒" => 0.1,
        _ => return None,
    })
}

/// A fraction right after a whole number: `½` (solid or spaced) or ` 1/2`. Returns its value
/// and the index after it.
fn fraction_after(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    let t = tokens.get(i)?;
    if let Some(part) = vulgar_fraction(t.text) {
        return Some((part, i + 1));
    }
    let (num, slash, den) = (t, tokens.get(i + 1)?, tokens.get(i + 2)?);
    let solid = !slash.space_before && !den.space_before && num.space_before;
    if !(solid && slash.text == "/" && num.is_number() && den.is_number()) {
        return None;
    }
    let (n, d) = (num.number_value()?, den.number_value()?);
    (d > n && d <= 16.0 && n >= 1.0 && tokens.get(i + 3).is_none_or(|x| x.text != "/"))
        .then_some((n / d, i + 3))
}

/// `quarter(s) of a million`, `third(s) of a billion` starting at `i`: the value of one part
/// and the end index.
fn fraction_of(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    let part = 1.0 / fraction_word(&tokens.get(i)?.folded)?.0;
    // `a quarter of a million`, `quarter of a million`, `a quarter million`.
    let mut j = i + 1;
    if tokens.get(j).is_some_and(|t| t.is("of")) {
        j += 1;
        if tokens.get(j).is_some_and(|t| t.is("a")) {
            j += 1;
        }
    }
    match number_word(tokens.get(j)?.folded.as_ref())? {
        NumberWord::Scale(s) => Some((part * s, j + 1)),
        NumberWord::Hundred => Some((part * 100.0, j + 1)),
        NumberWord::Small(_) => None,
    }
}

/// `twenty-six`, `one hundred and five`, `two dozen`, and spelled fractions and decimals:
/// `two thirds`, `one and a half`, `twenty and three fifths`, `five point five`.
fn spelled_at(tokens: &[Token], i: usize) -> Option<Core> {
    // `World War Two`, `Apollo Eleven`: a capitalised number word after a capitalised word is
    // part of a name.
    let capitalised = |t: &Token| t.is_word() && t.text.chars().next().is_some_and(char::is_uppercase);
    if capitalised(tokens.get(i)?) && i > 0 && capitalised(&tokens[i - 1]) {
        return None;
    }
    if let Some(core) = figure::compound_fraction(tokens, i) {
        return Some(core);
    }
    // `million thirty`, `crore thirty`: a number does not start with a scale word, unless `a`
    // stands for its one (`a thousand and one`).
    let after_a = i > 0 && (tokens[i - 1].is("a") || tokens[i - 1].is("an"));
    if matches!(number_word(&tokens[i].folded), Some(NumberWord::Scale(_))) && !after_a {
        return None;
    }
    let mut n = SpelledNumber::default();
    let mut j = i;
    let mut end = i;
    // The whole part before the last `and` (`one hundred and three quarters`), and the scale
    // word it ends on (`two million and three fifths`).
    let mut before_and: Option<(f64, f64)> = None;
    let mut last_scale = 1.0;
    // The number before the last `and`, to go back to when the word after it starts a figure
    // of its own (`three hundred and two hundred`).
    let mut saved = None;
    while let Some(t) = tokens.get(j) {
        if let Some(w) = number_word(&t.folded) {
            if !n.push(w) {
                let scale = matches!(w, NumberWord::Hundred | NumberWord::Scale(_));
                if let Some((sn, send, sscale, sbefore)) =
                    saved.filter(|_| scale && j >= 2 && tokens[j - 2].is("and"))
                {
                    (n, end, last_scale, before_and) = (sn, send, sscale, sbefore);
                }
                break;
            }
            last_scale = match w {
                NumberWord::Scale(s) => s,
                _ => 1.0,
            };
            j += 1;
            end = j;
        } else if (t.is_hyphen() && !t.space_before
            || t.is("and")
            || t.text == "&"
            || figure::spaced_hyphen_joins(tokens, j)
            // `three million, two hundred`: a comma after a scale word, before another.
            || t.text == ","
                && !t.space_before
                && last_scale > 1.0
                && tokens.get(j + 2).and_then(|h| number_word(&h.folded)).is_some_and(|w| {
                    matches!(w, NumberWord::Hundred | NumberWord::Scale(_))
                }))
            && n.words() > 0
            && tokens
                .get(j + 1)
                .is_some_and(|x| number_word(&x.folded).is_some())
        {
            if t.is("and") || t.text == "&" {
                saved = Some((n, end, last_scale, before_and));
                before_and = Some((n.value(), last_scale));
            }
            j += 1;
        } else {
            break;
        }
    }
    if n.words() == 0 {
        return None;
    }
    // `five point five`, `two hundred point zero three`.
    if let Some((decimals, after)) = spelled_decimals(tokens, end) {
        return Some(Core::exact(n.value() + decimals, after));
    }
    // `two thirds`, `one-eighth`, `twenty-three fifths`; `one hundred and three quarters` is
    // 100¾ because a mixed number's fraction is proper, while `one hundred and thirty-two
    // fifths` is 132/5.
    let over = if tokens.get(end).is_some_and(Token::is_hyphen) {
        end + 1
    } else {
        end
    };
    if let Some((whole, scale)) = before_and {
        let numerator = n.value() - whole;
        if let Some((part, after)) = fraction_after_numerator(tokens, numerator, over) {
            if part < 1.0 {
                // `one billion and three quarters million`: three quarters of a million more.
                return Some(match scale_word_at(tokens, after).filter(|s| *s < scale) {
                    Some(s) => Core::exact(whole + part * s, after + 1),
                    None => Core::exact(whole + part * scale, after),
                });
            }
        }
    }
    // `three halves`: more halves than make one whole are an improper fraction (1½) even with
    // a word after them, where `two halves` and `three quarters` may be counted (the halves of
    // a match, the quarters of a fiscal year). Halves of several things stay possible, so
    // the value is marked.
    let whole_numerator = n.value() > 2.0 && n.value().fract() == 0.0;
    if let Some((d, true, after)) = denominator_at(tokens, over).filter(|_| whole_numerator) {
        if d == 2.0 && !fraction_may_end(tokens, after) {
            let mut core = Core::exact(n.value() / 2.0, after);
            core.doubt = Some(Doubt::Ambiguous);
            return Some(core);
        }
    }
    if let Some((part, after)) = fraction_after_numerator(tokens, n.value(), over)
        .or_else(|| compared_fraction(tokens, i, n.value(), over))
    {
        return Some(Core::exact(part, after));
    }
    // `a two-party government`, `a three-day visit` (durations are units, handled after):
    // a spelled number joined to a word is an adjective, not a count.
    let joined_word = tokens.get(end).is_some_and(|t| t.is_hyphen() && !t.space_before)
        && tokens
            .get(end + 1)
            .is_some_and(|w| w.is_word() && number_word(&w.folded).is_none());
    if joined_word && unit_at(tokens, end).is_none() {
        return None;
    }
    let mut value = n.value();
    // `three quarters revenue fell`, `three halves`: a count of quarters, or ¾ and 1½ read
    // with a word after them; the count is kept and marked.
    let mut doubt = denominator_at(tokens, over)
        .filter(|&(d, plural, _)| plural && n.value() != 1.0 && (d == 2.0 || d == 4.0))
        .map(|_| Doubt::Ambiguous);
    // `one and a half`, `forty two and a third`, `one million and a half`; `one and a half
    // million`.
    if let Some((part, after)) = and_fraction(tokens, end) {
        let whole = value + part * last_scale;
        return Some(match scale_word_at(tokens, after) {
            Some(scale) if last_scale == 1.0 && value < 1000.0 => Core::exact(whole * scale, after + 1),
            // `one billion and a half million`: half a million more.
            Some(scale) if scale < last_scale => Core::exact(value + part * scale, after + 1),
            _ => Core::exact(whole, after),
        });
    }
    if tokens.get(end).is_some_and(|t| {
        matches!(
            t.folded.as_ref(),
            "dozen" | "dozens" | "doz" | "dozs" | "dz" | "dzs"
        )
    }) {
        // `three hundred and two dozen`: the dozen binds to the nearest number (300 + 24),
        // as `and a half million` does; (302 × 12) stays possible, so the value is a guess.
        match before_and.filter(|(whole, _)| *whole >= 12.0) {
            Some((whole, _)) => {
                value = whole + (value - whole) * 12.0;
                doubt = Some(Doubt::Ambiguous);
            }
            None => value *= 12.0,
        }
        end += 1;
    }
    // `five hundreds tvs`, `two thousands people`: a plural scale after a number, without the
    // `of` that makes `hundreds of` vague, multiplies it.
    let plural_scale = tokens
        .get(end)
        .and_then(|t| plural_magnitude(&t.folded))
        .filter(|m| *m >= 100.0 && (2.0..100.0).contains(&value) && value.fract() == 0.0);
    if let Some(m) = plural_scale.filter(|_| !tokens.get(end + 1).is_some_and(|o| o.is("of"))) {
        value *= m;
        end += 1;
    }
    // A scale word alone (`billion`, `hundred`) is no figure; `a million` is read elsewhere.
    if n.words() == 1
        && matches!(
            number_word(&tokens[i].folded),
            Some(NumberWord::Scale(_) | NumberWord::Hundred)
        )
    {
        return None;
    }
    // `one over three`.
    if let Some((den, after)) = figure::over_denominator(tokens, end) {
        return Some(figure::quotient(value, den, after));
    }
    // A lone `one` is rarely a stated figure ("one of the", "no one"), unless signed
    // (`minus one`) or followed by a unit; `zero` and `nought` are.
    let signed = i > 0 && (tokens[i - 1].is("minus") || tokens[i - 1].is("negative"));
    // `ground zero` is a place.
    if value == 0.0 && i > 0 && tokens[i - 1].is("ground") {
        return None;
    }
    if n.words() == 1 && value == 1.0 && !signed && unit_at(tokens, end).is_none() {
        return None;
    }
    Some(Core {
        doubt,
        ..Core::exact(value, end)
    })
}

/// A fraction word after a comparison (`above one quarter and`, `below a third`), where
/// [`fraction_after_numerator`] would take a singular fraction word for an ordinal.
fn compared_fraction(tokens: &[Token], i: usize, numerator: f64, j: usize) -> Option<(f64, usize)> {
    if !figure::compared(tokens, i) {
        return None;
    }
    let (d, plural, end) = denominator_at(tokens, j)?;
    (plural == (numerator != 1.0)).then_some((numerator / d, end))
}

/// `1,3`: a comma before one or two digits, written solid, is a decimal comma (1.3) or a
/// list (`chapters 1,3`); read as the decimal and marked ambiguous.
fn comma_decimal(tokens: &[Token], i: usize) -> Option<Core> {
    let solid = |j: usize| tokens.get(j).filter(|t| !t.space_before);
    let digits = |t: &Token| t.is_number() && t.text.bytes().all(|b| b.is_ascii_digit());
    let whole = tokens.get(i).filter(|t| digits(t) && t.text.len() <= 3)?;
    // `nrs. 22,24,26,31`: a list.
    if i > 0 && tokens[i - 1].text == "," && !tokens[i].space_before {
        return None;
    }
    solid(i + 1).filter(|c| c.text == ",")?;
    let decimals = solid(i + 2).filter(|d| digits(d) && d.text.len() <= 2)?;
    let continues = solid(i + 3)
        .is_some_and(|n| matches!(n.text, "," | "." | "/" | "-") || n.is_word() || n.is_number())
        && solid(i + 4).is_some_and(|n| n.is_number() || n.is_word());
    if continues || solid(i + 3).is_some_and(|n| n.is_word() || n.is_number()) {
        return None;
    }
    let value: f64 = format!("{}.{}", whole.text, decimals.text).parse().ok()?;
    Some(Core {
        doubt: Some(Doubt::Ambiguous),
        ..Core::exact(value, i + 3)
    })
}

/// `-4/5` (signed, so no date), or `3/4` alone in its clause: a fraction. Unsigned, the
/// figure may still be a date or a score, so the value is marked ambiguous.
fn bare_fraction(tokens: &[Token], i: usize) -> Option<Core> {
    let (part, end) = numeric_fraction(tokens, i)?;
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    let signed = prev.is_some_and(|s| {
        matches!(s.text, "-" | "−") && !tokens[i].space_before && (i == 1 || s.space_before)
    });
    if signed {
        return Some(Core::exact(part, end));
    }
    let clause_ends = tokens
        .get(end)
        .is_none_or(|n| n.kind == crate::token::TokenKind::Punct && !matches!(n.text, "/" | "-" | "%"));
    let lead_ok = prev.is_none_or(|p| {
        !p.is_word() && !p.is_number() && p.text != "/"
            || ["is", "was", "equals", "be"].iter().any(|w| p.is(w))
    });
    (clause_ends && lead_ok).then(|| Core {
        doubt: Some(Doubt::Ambiguous),
        ..Core::exact(part, end)
    })
}

/// `of a mile` after a fraction (`an eighth of a mile`): the unit, as [`unit_at`] gives it.
fn part_of_a_unit(tokens: &[Token], j: usize, core: &Core) -> Option<(Kind, &'static str, f64, usize)> {
    let of_a = tokens.get(j).is_some_and(|t| t.is("of"))
        && tokens.get(j + 1).is_some_and(|t| t.is("a") || t.is("an"));
    (of_a && core.hi < 1.0).then(|| unit_at(tokens, j + 2)).flatten()
}

/// A spelled scale word (`million`, `billion`) at `j`.
fn scale_word_at(tokens: &[Token], j: usize) -> Option<f64> {
    match number_word(&tokens.get(j)?.folded)? {
        NumberWord::Scale(s) => Some(s),
        _ => None,
    }
}

/// `point zero three`, `point five`, `point seventy-one`: the decimals of a spelled number,
/// and the index after them.
fn spelled_decimals(tokens: &[Token], j: usize) -> Option<(f64, usize)> {
    if !tokens.get(j)?.is("point") {
        return None;
    }
    let small = |k: usize| match tokens.get(k).and_then(|t| number_word(&t.folded)) {
        Some(NumberWord::Small(v)) => Some(v),
        _ => None,
    };
    let mut digits = String::new();
    let mut k = j + 1;
    match small(k) {
        // `point seventy-one`, `point eleven`: one two-digit group.
        Some(v) if v >= 10.0 => {
            let mut group = v;
            k += 1;
            let hyphen = tokens.get(k).is_some_and(|h| h.is_hyphen() && !h.space_before);
            let unit_at = if hyphen { k + 1 } else { k };
            if v >= 20.0 && v % 10.0 == 0.0 {
                if let Some(u) = small(unit_at).filter(|u| *u < 10.0 && *u > 0.0) {
                    group += u;
                    k = unit_at + 1;
                }
            }
            digits = format!("{group}");
        }
        // `point zero three`: one digit a word.
        _ => {
            while let Some(v) = small(k).filter(|v| *v < 10.0) {
                digits.push(char::from_digit(v as u32, 10)?);
                k += 1;
            }
        }
    }
    if digits.is_empty() {
        return None;
    }
    Some((format!("0.{digits}").parse().ok()?, k))
}

/// A fraction's denominator at `j`: `fifths`, `hundredth`, or a compound `thirty-fifths`.
/// Returns the denominator, whether it is plural, and the index after it.
fn denominator_at(tokens: &[Token], j: usize) -> Option<(f64, bool, usize)> {
    let t = tokens.get(j)?;
    if let Some(NumberWord::Small(tens)) = number_word(&t.folded) {
        if tens < 20.0 || tens % 10.0 != 0.0 {
            return None;
        }
        let hyphen = tokens
            .get(j + 1)
            .is_some_and(|h| h.is_hyphen() && !h.space_before);
        let k = if hyphen { j + 2 } else { j + 1 };
        let (unit, plural) = ordinal_unit(&tokens.get(k)?.folded)?;
        return Some((tens + unit, plural, k + 1));
    }
    let (d, plural) = fraction_word(&t.folded)?;
    Some((d, plural, j + 1))
}

/// The value of `numerator` over the denominator at `j` (`two thirds`, `one eighth`) and the
/// index after it. The denominator agrees in number with the numerator; a singular one (`a
/// third term`) or an ambiguous plural (`three quarters` of a fiscal year, `two halves`) only
/// counts when nothing but punctuation, `of`, a scale word or a unit follows.
fn fraction_after_numerator(tokens: &[Token], numerator: f64, j: usize) -> Option<(f64, usize)> {
    let (d, plural, end) = denominator_at(tokens, j)?;
    if plural != (numerator != 1.0) {
        return None;
    }
    let ambiguous = !plural || d == 2.0 || d == 4.0;
    if ambiguous && !fraction_may_end(tokens, end) {
        return None;
    }
    Some((numerator / d, end))
}

/// Whether a fraction may end before `k`: see [`fraction_after_numerator`].
fn fraction_may_end(tokens: &[Token], k: usize) -> bool {
    match tokens.get(k) {
        None => true,
        Some(t) if t.kind == crate::token::TokenKind::Punct => !t.is_hyphen(),
        Some(t) => t.is("of") || scale_word_at(tokens, k).is_some() || unit_at(tokens, k).is_some(),
    }
}

/// `e10`, `e-4`, `x10^6`, `×10^-4` written solid after a figure: the power of ten and the
/// index after it.
fn exponent_after(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    let solid = |j: usize| tokens.get(j).filter(|t| !t.space_before);
    let mark = solid(i)?;
    let mut j = i + 1;
    match mark.text {
        "e" | "E" => {}
        "x" | "×" => {
            solid(j).filter(|t| t.text == "10")?;
            // `×10^-5`, or `×10−5` where the exponent lost its superscript.
            match solid(j + 1).map(|t| t.text) {
                Some("^") => j += 2,
                Some("-" | "−") if mark.text == "×" => j += 1,
                _ => return None,
            }
        }
        _ => return None,
    }
    let negative = match solid(j).map(|t| t.text) {
        Some("-" | "−") => {
            j += 1;
            true
        }
        Some("+") => {
            j += 1;
            false
        }
        _ => false,
    };
    let digits = solid(j)
        .filter(|t| t.is_number() && t.text.len() <= 3 && t.text.bytes().all(|b| b.is_ascii_digit()))?;
    // `3e4` is a figure; `5e` or `2e3d` are codes.
    if solid(j + 1).is_some_and(|t| t.is_word() || t.is_number()) {
        return None;
    }
    let exp: i32 = digits.text.parse().ok()?;
    Some((10f64.powi(if negative { -exp } else { exp }), j + 1))
}

/// `3/4`, `1/2` written with a slash (numerator below the denominator, at most 100): the
/// value and the index after it. Alone it is as likely a date or a score, so callers only take
/// it before `of` or a unit.
fn numeric_fraction(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    let (num, slash, den) = (tokens.get(i)?, tokens.get(i + 1)?, tokens.get(i + 2)?);
    let solid = !slash.space_before && !den.space_before;
    let digits = |t: &Token| t.is_number() && t.text.bytes().all(|b| b.is_ascii_digit());
    if !(solid && slash.text == "/" && digits(num) && digits(den)) {
        return None;
    }
    let (n, d) = (num.number_value()?, den.number_value()?);
    let after_slash = tokens
        .get(i + 3)
        .is_some_and(|t| t.text == "/" && !t.space_before);
    (n >= 1.0 && n < d && d <= 100.0 && !after_slash).then_some((n / d, i + 3))
}

/// `and a half`, `and a quarter`, `and three fifths` after a whole number: the fraction (always
/// proper) and the index after it.
fn and_fraction(tokens: &[Token], j: usize) -> Option<(f64, usize)> {
    if !tokens.get(j)?.is("and") {
        return None;
    }
    if let "a" | "an" | "one" = tokens.get(j + 1)?.folded.as_ref() {
        let (d, plural, end) = denominator_at(tokens, j + 2)?;
        return (!plural).then_some((1.0 / d, end));
    }
    // `and three fifths`, `and fifty-four hundredths`: a spelled proper fraction.
    let part = spelled_at(tokens, j + 1)?;
    let ends_in_fraction = tokens
        .get(part.end.checked_sub(1)?)
        .is_some_and(|t| fraction_word(&t.folded).is_some() || ordinal_unit(&t.folded).is_some());
    (ends_in_fraction && part.lo > 0.0 && part.lo < 1.0).then_some((part.lo, part.end))
}

/// `-15`, ` to 15`, ` and 15` (after `between`), `–15`; scale words on the second figure
/// (`1.2 to 1.5 million`) apply to the first too.
fn range_tail(
    tokens: &[Token],
    i: usize,
    between: bool,
    by_before: bool,
    currency: bool,
) -> Option<(Core, usize)> {
    // `8- to 16-meter`, `a 3- to 5-year sentence`: the first figure's unit is left to the second.
    let suspended = tokens.get(i).is_some_and(|h| h.is_hyphen() && !h.space_before)
        && tokens.get(i + 1).is_some_and(|t| t.is("to") && t.space_before);
    let i = if suspended { i + 1 } else { i };
    let joiner = tokens.get(i)?;
    // `fell by 110,000 to 7.9 million`: a change, then the new level, not a range.
    if joiner.is("to") && by_before {
        return None;
    }
    let ok = (joiner.is_hyphen()
        || joiner.is("to")
        || joiner.is("through")
        || joiner.text == "~"
        || (between && joiner.is("and")))
        && !(joiner.is_hyphen() && joiner.space_before && !tokens.get(i + 1)?.space_before);
    if !ok {
        return None;
    }
    let mut j = i + 1;
    if currency
        && tokens
            .get(j)
            .is_some_and(|t| matches!(t.text, "$" | "€" | "£" | "¥" | "₹"))
    {
        j += 1;
    }
    let next = tokens.get(j)?;
    if joiner.is_hyphen() && !next.is_number() {
        return None;
    }
    let core = core_at(tokens, j, currency)?;
    if core.vague {
        return None;
    }
    // `1995-01`: a month, not a range running backwards.
    if joiner.is_hyphen() && next.text.starts_with('0') && next.text.len() > 1 {
        return None;
    }
    Some((core, core.end))
}

/// When only the second figure of a range carries a scale word, the first shares it.
fn range_scale(lo: &Core, hi: &Core) -> f64 {
    if lo.lo < hi.hi && lo.lo * 1000.0 < hi.hi && lo.lo != 0.0 {
        let ratio = hi.hi / lo.lo;
        for s in [1e12, 1e9, 1e6, 1e3] {
            if ratio >= s && (hi.hi / s) < lo.lo * 10.0 {
                return s;
            }
        }
    }
    1.0
}

/// `80th`, `2nd`: digits followed without a space by an ordinal suffix.
fn ordinal_suffix(tokens: &[Token], core: &Core) -> Option<usize> {
    let t = tokens.get(core.end)?;
    let is_suffix = ["st", "nd", "rd", "th"].iter().any(|s| t.is(s));
    (is_suffix && !t.space_before && tokens[core.end - 1].is_number()).then_some(core.end + 1)
}

/// `1990s`: a decade.
fn decade_suffix(tokens: &[Token], core: &Core) -> Option<usize> {
    let t = tokens.get(core.end)?;
    let apostrophe = t.text == "'" || t.text == "’";
    let (t, end) = if apostrophe {
        (tokens.get(core.end + 1)?, core.end + 2)
    } else {
        (t, core.end + 1)
    };
    (core.year_like && core.lo % 10.0 == 0.0 && t.is("s") && !t.space_before).then_some(end)
}

/// Plural nouns that do not end in `s`, and nouns of people a bare four-digit figure counts.
pub(crate) const PEOPLE: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "staff",
    "personnel",
    "persons",
];

/// Whether a four-digit integer at `i` is used as a year: `in 2011`, `the 2015 parade`, but
/// not `2000 troops`.
fn is_year_use(tokens: &[Token], i: usize, end: usize) -> bool {
    let v = tokens[i].number_value().unwrap_or(0.0);
    if !(1000.0..=2100.0).contains(&v) {
        return false;
    }
    let prev = i
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .map(|t| t.folded.as_ref());
    if matches!(
        prev,
        Some(
            "in" | "since"
                | "of"
                | "from"
                | "until"
                | "by"
                | "before"
                | "after"
                | "year"
                | "early"
                | "late"
                | "mid"
        )
    ) {
        return true;
    }
    // `the post-2021 houses`, `pre-2008 rules`, `mid-1990s`: a prefix joined to a year.
    let prefixed = i >= 2
        && tokens[i - 1].is_hyphen()
        && !tokens[i - 1].space_before
        && !tokens[i].space_before
        && ["pre", "post", "mid"].iter().any(|w| tokens[i - 2].is(w));
    if prefixed {
        return true;
    }
    match tokens.get(end) {
        Some(next) if next.is_word() => {
            let w: &str = &next.folded;
            // `census`, `crisis`, `bus` end in s but are singular.
            let singular_s = w.ends_with("ss") || w.ends_with("us") || w.ends_with("is");
            let plural = w.ends_with('s') && !singular_s && !w.contains('\'') && !w.contains('’')
                || PEOPLE.contains(&w)
                || ["cattle", "feet"].contains(&w);
            // `the 1998 floods`, `the 2019 protests`: after a determiner, a figure of this
            // range written without a thousands separator names the year of the things counted
            // (a count is written `the 2,000 floods`); `the 2000 people` still counts people.
            let determined = matches!(prev, Some("the" | "these" | "those"))
                && (1900.0..2100.0).contains(&v)
                && !tokens[i].text.contains(',')
                && !PEOPLE.contains(&w);
            !plural
                || determined
                || ["was", "is", "has", "as", "its", "this", "his", "us", "thus"].contains(&w)
        }
        _ => true,
    }
}

/// `since` (or `first ... since`) a few words before a time point ties it to a start.
pub(crate) fn relation_before(tokens: &[Token], i: usize) -> Option<String> {
    let from = i.saturating_sub(4);
    tokens[from..i]
        .iter()
        .any(|t| t.is("since"))
        .then(|| "since".to_string())
}

/// `Courtroom 4B`, `Gate 12A`, `Terminal 2B`: whole digits with one capital letter written
/// solid after them, after a capitalised name that is no currency, label a place; `$4B` and
/// `raised 4B` are billions.
fn is_place_label(name: &Token, digits: &Token, letter: Option<&Token>) -> bool {
    let Some(letter) = letter else { return false };
    let capital = |t: &Token| t.text.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    letter.is_word()
        && !letter.space_before
        && letter.text.len() == 1
        && capital(letter)
        && digits.text.bytes().all(|b| b.is_ascii_digit())
        && name.is_word()
        && capital(name)
        && name.text.len() > 1
        && !SOLID_CURRENCY.contains(&name.text)
        && !money::names_currency(&name.folded)
}

/// Digits that are part of a name or handle: `@Nazran71`, `A320`, `COVID-19`, `Su-57`.
/// Currency prefixes that may be written solid before the figure: `Rs500`, `Sh2 billion`.
const SOLID_CURRENCY: &[&str] = &[
    "Rs", "Sh", "KSh", "TSh", "R", "USD", "EUR", "GBP", "INR", "Dh", "Dhs",
];

fn is_identifier(tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).and_then(|p| tokens.get(p)) else {
        return false;
    };
    if is_place_label(prev, &tokens[i], tokens.get(i + 1)) {
        return true;
    }
    if tokens[i].space_before {
        return false;
    }
    if prev.is_word() {
        return !SOLID_CURRENCY.contains(&prev.text);
    }
    let has_upper = |t: &Token| t.is_word() && t.text.chars().any(char::is_uppercase);
    prev.is_hyphen() && !prev.space_before && i >= 2 && has_upper(&tokens[i - 2])
}

/// Whether a bare count is worth keeping: a spelled `two` before a noun is, a `1` after a
/// `No.` is not.
fn core_is_claim_worthy(tokens: &[Token], i: usize, core: &Core) -> bool {
    let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
    if prev.is_some_and(|p| matches!(p.text, "#" | "@" | "/")) {
        return false;
    }
    // `01`, `007`: a code, not a count.
    let digits = tokens[i].text;
    let padded = digits.starts_with('0') && digits.chars().any(|c| c.is_ascii_digit() && c != '0');
    if tokens[i].is_number() && padded && !digits.contains('.') {
        return false;
    }
    // `a Category 4 storm`, `level 3 restrictions`, `stage 2 trials`: a label, not a count.
    const LABELS: &[&str] = &[
        "category", "cat", "level", "phase", "stage", "tier", "grade", "type",
    ];
    let small_whole = digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit());
    if small_whole && prev.is_some_and(|p| LABELS.iter().any(|w| p.is(w))) {
        return false;
    }
    // `No. 10`: a rank or a number in a list, not a count.
    let before_dot = i.checked_sub(2).and_then(|p| tokens.get(p));
    if prev.is_some_and(|p| p.text == ".") && before_dot.is_some_and(|w| w.text == "No" || w.text == "no") {
        return false;
    }
    !(core.lo.is_nan() || core.hi.is_nan())
}

/// "first visit in six years" and "14-year rule": a duration that dates a start relative to
/// the publication date.
fn relative_years(
    tokens: &[Token],
    start: usize,
    core_start: usize,
    end: usize,
    core: &Core,
    factor: f64,
    published: Option<NaiveDate>,
) -> Option<Phrase> {
    let years = factor / 31_557_600.0;
    if years != 1.0 || core.lo != core.hi {
        return None;
    }
    let n = core.lo;
    let before = |k: usize| {
        core_start
            .checked_sub(k)
            .and_then(|j| tokens.get(j))
            .map(|t| t.lower())
    };
    let compound = tokens
        .get(core.end)
        .is_some_and(|t| t.is_hyphen() && !t.space_before);
    let tenure = compound
        && tokens
            .get(end)
            .is_some_and(|t| TENURE.contains(&t.folded.as_ref()));
    let first_in = !compound
        && matches!(before(1).as_deref(), Some("in" | "for"))
        && (2..=7).any(|k| before(k).as_deref() == Some("first"));
    if !(tenure || first_in) {
        return None;
    }
    let end = if tenure { end + 1 } else { end };
    let phrase_text = joined(&tokens[start..end]);
    let mut p = simple(start, end, Kind::Year, None, 0.0, Qualifier::Relative);
    p.relation = Some("since".to_string());
    match published {
        Some(date) => {
            let year = f64::from(chrono::Datelike::year(&date)) - n;
            p.value = Some(Interval::point(year));
            p.stated = Some((year, year));
            p.resolution = Some(format!("`{phrase_text}` counted back from {date}"));
        }
        None => {
            p.value = None;
            p.stated = None;
            p.resolution = Some("no publication date to count back from".to_string());
        }
    }
    Some(p)
}

/// Tokens written back with their original spacing: `14-year rule`.
pub(crate) fn joined(tokens: &[Token]) -> String {
    let mut out = String::new();
    for (k, t) in tokens.iter().enumerate() {
        if k > 0 && t.space_before {
            out.push(' ');
        }
        out.push_str(t.text);
    }
    out
}

/// Nouns for a time in office: a `14-year rule` started 14 years before publication.
const TENURE: &[&str] = &[
    "rule",
    "reign",
    "tenure",
    "presidency",
    "premiership",
    "leadership",
    "term",
    "stint",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Phrase {
        let all = all(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    fn all(text: &str) -> Vec<Phrase> {
        let tokens = tokenize(text, 0..text.len());
        phrases(&tokens, NaiveDate::from_ymd_opt(2025, 9, 2))
    }

    /// Every file under `dir`, recursively.
    fn files_under(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                files_under(&path, out);
            } else {
                out.push(path);
            }
        }
    }

    #[test]
    fn start_words_agree_with_the_lists() {
        // Every word of the bundled articles and suites, and every listed word with a letter
        // more, a letter less, a capital or a trailing `s`.
        let mut words: Vec<String> = Vec::new();
        let mut files = Vec::new();
        files_under(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"),
            &mut files,
        );
        for path in files {
            let text = std::fs::read_to_string(path).unwrap_or_default();
            words.extend(
                tokenize(&text, 0..text.len())
                    .iter()
                    .map(|t| t.folded.to_string()),
            );
        }
        let listed: Vec<String> = crate::number::words()
            .chain(when::start_words())
            .chain(START_WORDS.iter().copied())
            .map(str::to_string)
            .chain(money::code_words())
            .collect();
        for w in &listed {
            words.push(format!("{w}s"));
            words.push(format!("{w}x"));
            words.push(format!("x{w}"));
            words.push(format!("{w}."));
            words.push(w.to_uppercase());
            words.extend((0..w.len()).filter_map(|i| w.get(..i).map(str::to_string)));
            words.push(w.clone());
        }
        assert!(words.len() > 10_000, "{}", words.len());
        for w in &words {
            assert_eq!(word_may_start(w), word_may_start_by_lists(w), "{w}");
        }
    }

    #[test]
    fn the_prefilter_skips_only_sentences_without_figures() {
        assert!(!may_hold_figure("Witnesses described chaotic scenes."));
        assert!(!may_hold_figure(
            "Officials didn't comment, said ministry's spokesman."
        ));
        // `as` may start `as of Monday`: the sentence is read.
        assert!(may_hold_figure("Witnesses described it as chaotic."));
        for figure in [
            "It cost $ a lot.",
            "Rescuers found 26.",
            "Crowds came in March.",
            "Thousands marched.",
            "They met on Tuesday.",
            "Dozens were hurt.",
            "It was a third of it.",
            "Prices rose ½ point.",
            "Le prix a augmenté à Paris.",
        ] {
            assert!(may_hold_figure(figure), "{figure}");
        }
    }

    /// Skipping a sentence must never lose a phrase: every sentence of the bundled articles
    /// that the prefilter would skip holds none.
    #[test]
    fn sentences_the_prefilter_skips_hold_no_phrase() {
        let mut skipped = 0;
        let mut read = 0;
        for dir in [
            "fixtures/beijing-parade-2025",
            "fixtures/coastal-quake-2024",
            "fixtures/eval",
            "fixtures/holdout",
        ] {
            for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
                let Ok(text) = std::fs::read_to_string(entry.path()) else {
                    continue;
                };
                for sentence in crate::segment::segment(&text, 0) {
                    let tokens = tokenize(&text, sentence.clone());
                    let found = phrases(&tokens, NaiveDate::from_ymd_opt(2025, 9, 2));
                    if may_hold_figure(&text[sentence.clone()]) {
                        read += 1;
                    } else {
                        skipped += 1;
                        assert!(found.is_empty(), "{:?}: {found:?}", &text[sentence]);
                    }
                }
            }
        }
        assert!(skipped > 10 && read > 100, "{skipped} skipped, {read} read");
    }

    fn covers(text: &str) -> String {
        let tokens = tokenize(text, 0..text.len());
        let p = &phrases(&tokens, NaiveDate::from_ymd_opt(2025, 9, 2))[0];
        text[tokens[p.start].span.start..tokens[p.end - 1].span.end].to_string()
    }

    fn value(text: &str) -> Interval {
        one(text).value.unwrap()
    }

    #[test]
    fn plain_figures_with_separators_and_scales() {
        assert_eq!(value("26 leaders"), Interval::point(26.0));
        assert_eq!(value("10,000 troops"), Interval::point(10_000.0));
        assert_eq!(value("1.3 million people"), Interval::point(1_300_000.0));
        assert_eq!(value("15 000 people"), Interval::point(15_000.0));
        assert_eq!(value("twenty-six leaders"), Interval::point(26.0));
        assert_eq!(one("twenty-six leaders").qualifier, Qualifier::Exact);
    }

    #[test]
    fn qualifiers_set_open_and_closed_ends() {
        assert_eq!(value("more than 10,000 troops"), Interval::above(10_000.0, false));
        assert_eq!(value("over 100 aircraft"), Interval::above(100.0, false));
        assert_eq!(value("at least 50 people"), Interval::above(50.0, true));
        assert_eq!(value("20+ leaders"), Interval::above(20.0, true));
        assert_eq!(value("fewer than 30 people"), Interval::below(30.0, false));
        assert_eq!(value("under 30 people"), Interval::below(30.0, false));
        assert_eq!(value("up to 30 people"), Interval::below(30.0, true));
        assert_eq!(
            value("approximately 15,000 troops"),
            Interval::closed(13_500.0, 16_500.0)
        );
        assert_eq!(
            value("about 1,300 kilometers"),
            Interval::closed(1_170.0, 1_430.0)
        );
        assert_eq!(value("some 200 people"), Interval::closed(180.0, 220.0));
        assert_eq!(one("nearly 2,000 people").qualifier, Qualifier::Nearly);
        assert!(!value("almost 2,000 people").intersects(&Interval::point(2_000.0)));
        assert_eq!(covers("more than 20 other leaders"), "more than 20");
    }

    #[test]
    fn vague_magnitudes() {
        assert_eq!(
            value("tens of thousands of troops"),
            Interval::closed(20_000.0, 99_999.0)
        );
        assert_eq!(value("thousands of troops"), Interval::closed(2_000.0, 9_999.0));
        assert_eq!(value("hundreds of vehicles"), Interval::closed(200.0, 999.0));
        assert_eq!(value("dozens of people"), Interval::closed(24.0, 99.0));
        assert_eq!(
            value("hundreds of thousands of people"),
            Interval::closed(200_000.0, 999_999.0)
        );
        assert_eq!(value("several hundred people"), Interval::closed(300.0, 900.0));
        assert_eq!(value("a dozen people"), Interval::point(12.0));
        assert_eq!(value("half a million people"), Interval::point(500_000.0));
        assert_eq!(one("thousands of troops").qualifier, Qualifier::Vague);
    }

    #[test]
    fn ranges() {
        assert_eq!(value("10-15 carriages"), Interval::closed(10.0, 15.0));
        assert_eq!(value("between 10 and 12 people"), Interval::closed(10.0, 12.0));
        let p = one("90-98% of trade");
        assert_eq!(
            (p.kind, p.value.unwrap()),
            (Kind::Percent, Interval::closed(90.0, 98.0))
        );
        assert_eq!(value("1.2 to 1.5 million people"), Interval::closed(1.2e6, 1.5e6));
        assert_eq!(one("fiscal 2012-13").kind, Kind::Year);
    }

    /// Found by the `article` fuzz target on a fixture: the stated figure was `48.6e6..2140`.
    #[test]
    fn a_range_never_runs_downwards() {
        let found = all("causing losses of €48.6m to 2,140 investors");
        let values: Vec<_> = found.iter().map(|p| (p.kind, p.stated)).collect();
        assert_eq!(
            values,
            [
                (Kind::Money, Some((48.6e6, 48.6e6))),
                (Kind::Count, Some((2140.0, 2140.0)))
            ]
        );
        let stated: Vec<_> = all("15 to 10 people").iter().map(|p| p.stated).collect();
        assert_eq!(stated, [Some((15.0, 15.0)), Some((10.0, 10.0))]);
    }

    #[test]
    fn money() {
        let p = one("$886 billion");
        assert_eq!(
            (p.kind, p.unit, p.value.unwrap()),
            (Kind::Money, Some("USD"), Interval::point(886e9))
        );
        assert_eq!(value("$1.2bn in aid"), Interval::point(1.2e9));
        assert_eq!(one("€3bn").unit, Some("EUR"));
        assert_eq!(value("£40m"), Interval::point(40e6));
        assert_eq!(one("US$3 million").unit, Some("USD"));
        assert_eq!(value("Rs 500 crore"), Interval::point(5e9));
        assert_eq!(one("50 million dollars").unit, Some("USD"));
    }

    #[test]
    fn durations_distances_speeds() {
        let p = one("Lasting 70 minutes");
        assert_eq!(
            (p.kind, p.value.unwrap()),
            (Kind::Duration, Interval::point(4_200.0))
        );
        assert_eq!(
            one("The 70-minute event").value.unwrap(),
            Interval::point(4_200.0)
        );
        let p = one("about 1,300 kilometers");
        assert_eq!((p.kind, p.unit), (Kind::Distance, Some("km")));
        let p = one("800 miles");
        assert!((p.value.unwrap().lo_value().unwrap() - 1287.48).abs() < 0.01);
        let p = one("a cautious 60 km/h");
        assert_eq!((p.kind, p.value.unwrap()), (Kind::Speed, Interval::point(60.0)));
        assert_eq!(one("six years of war").kind, Kind::Duration);
    }

    #[test]
    fn years_ordinals_and_relative_years() {
        assert_eq!(one("since 2019").kind, Kind::Year);
        assert_eq!(one("since 2019").relation.as_deref(), Some("since"));
        assert_eq!(one("the 2015 parade").kind, Kind::Year);
        assert_eq!(one("2000 troops").kind, Kind::Count);
        // After a determiner, a bare figure of this range before a plural names its year.
        assert_eq!(one("the 1998 floods").kind, Kind::Year);
        assert_eq!(one("the 1998 floods").value.unwrap(), Interval::point(1998.0));
        assert_eq!(one("since the 2019 protests").kind, Kind::Year);
        assert_eq!(one("the 2000 people").kind, Kind::Count);
        assert_eq!(one("the 2,000 floods").kind, Kind::Count);
        assert_eq!(one("the 1500 troops").kind, Kind::Count);
        // A number after a label word names a grade, not a count.
        assert!(all("as a Category 4 storm, killing seven")
            .iter()
            .all(|p| p.value != Some(Interval::point(4.0))));
        assert!(all("level 3 restrictions").is_empty());
        // A prefix joined to the figure makes it a year whatever follows.
        assert_eq!(one("the post-2021 houses").kind, Kind::Year);
        assert_eq!(one("pre-2008 rules").value.unwrap(), Interval::point(2008.0));
        assert_eq!(one("the 80th anniversary").kind, Kind::Ordinal);
        assert_eq!(one("the 1990s").value.unwrap(), Interval::closed(1990.0, 1999.0));
        let p = one("his first visit in six years");
        assert_eq!((p.kind, p.value.unwrap()), (Kind::Year, Interval::point(2019.0)));
        let p = one("his 14-year rule");
        assert_eq!((p.kind, p.value.unwrap()), (Kind::Year, Interval::point(2011.0)));
        assert_eq!(one("80 years since the end").kind, Kind::Duration);
    }

    #[test]
    fn relative_years_stay_unresolved_without_a_date() {
        let text = "his first visit in six years";
        let tokens = tokenize(text, 0..text.len());
        let p = &phrases(&tokens, None)[0];
        assert_eq!(p.kind, Kind::Year);
        assert_eq!(p.value, None);
    }

    #[test]
    fn rounding_precision() {
        assert_eq!(one("10,000 troops").precision, 500.0);
        assert_eq!(one("26 leaders").precision, 0.0);
        assert_eq!(one("1.3 million").precision, 50_000.0);
        assert_eq!(one("1,240 people").precision, 0.0);
        assert_eq!(one("more than 10,000").precision, 0.0);
    }

    #[test]
    fn names_and_handles_are_not_figures() {
        assert!(all("World War Two anniversary").is_empty());
        assert!(all("users like @Nazran71 noting").is_empty());
        assert!(all("the COVID-19 pandemic and an A320").is_empty());
        assert!(all("the hearing in Courtroom 4B").is_empty());
        assert!(all("passengers at Gate 12A").is_empty());
        assert_eq!(one("a $4B deal").value.unwrap(), Interval::point(4e9));
        assert_eq!(one("Acme raised 4B").value.unwrap(), Interval::point(4e9));
        assert_eq!(one("Two people died").value.unwrap(), Interval::point(2.0));
        assert_eq!(one("mid-2024").kind, Kind::Date);
    }

    #[test]
    fn reported_corner_cases() {
        assert_eq!(value("no more than 30 people"), Interval::below(30.0, true));
        assert_eq!(
            value("several hundred thousand people"),
            Interval::closed(300_000.0, 900_000.0)
        );
        assert_eq!(value("half a dozen people"), Interval::point(6.0));
        assert_eq!(
            value("more than tens of thousands"),
            Interval::above(20_000.0, false)
        );
        assert_eq!(covers("on the 3rd of September."), "3rd of September");
        assert!(all("No. 10 troops").is_empty());
    }

    #[test]
    fn ages_are_whole_years_lived() {
        const YEAR: f64 = 31_557_600.0;
        let age = |text: &str| {
            let p = one(text);
            assert_eq!(
                (p.kind, p.relation.as_deref()),
                (Kind::Duration, Some("age")),
                "{text}"
            );
            (covers(text), p.value.unwrap())
        };
        let thirty = Interval {
            lo: Some(crate::interval::Bound {
                value: 30.0 * YEAR,
                inclusive: true,
            }),
            hi: Some(crate::interval::Bound {
                value: 31.0 * YEAR,
                inclusive: false,
            }),
        };
        for text in [
            "a 30-year-old man",
            "a 30 year old man",
            "the man, 30 years old, was",
            "he is thirty years old.",
            "the victim, aged 30, was",
            "people 30 years of age",
        ] {
            assert_eq!(age(text).1, thirty, "{text}");
        }
        assert_eq!(age("the man, aged 30, was").0, "aged 30");
        assert_eq!(
            age("He is more than thirty years old.").0,
            "more than thirty years old"
        );
        assert_eq!(
            age("He is more than thirty years old.").1,
            Interval::above(30.0 * YEAR, false)
        );
        assert_eq!(age("over 65 years old").1, Interval::above(65.0 * YEAR, false));
        assert_eq!(
            age("people aged between 18 and 30").1,
            Interval::closed(18.0 * YEAR, 30.0 * YEAR)
        );
        assert_eq!(age("a baby aged 6 months").1.lo_value(), Some(6.0 * 2_629_800.0));
        // A length of time is no age.
        for text in [
            "30 years ago",
            "for thirty years",
            "30 years older than",
            "he aged the wine",
        ] {
            assert!(
                all(text).iter().all(|p| p.relation.as_deref() != Some("age")),
                "{text}"
            );
        }
        assert_eq!(
            one("he waited 30 years").value,
            Some(Interval::point(30.0 * YEAR))
        );
    }

    #[test]
    fn compound_durations_ages_areas_and_millions() {
        assert_eq!(
            value("2 hours and 20 minutes after taking off"),
            Interval::point(8_400.0)
        );
        let p = one("a 14-year-old jet");
        assert_eq!((p.kind, p.relation.as_deref()), (Kind::Duration, Some("age")));
        let p = one("had burned 48,000 acres");
        assert_eq!(p.kind, Kind::Area);
        assert!((p.value.unwrap().lo_value().unwrap() - 194.25).abs() < 0.01);
        assert_eq!(one("75 square miles").kind, Kind::Area);
        assert_eq!(
            value("A quarter of a million households"),
            Interval::point(250_000.0)
        );
        assert_eq!(
            value("Three quarters of a million people fled"),
            Interval::point(750_000.0)
        );
        assert_eq!(value("half million people"), Interval::point(500_000.0));
        assert_eq!(value("waves as high as 8 metres"), Interval::below(0.008, true));
        assert_eq!(one("150 mm of rain").kind, Kind::Distance);
        assert_eq!(value("10M people"), Interval::point(10_000_000.0));
        assert!(all("one over three")
            .iter()
            .all(|p| p.qualifier != Qualifier::MoreThan));
        assert_eq!(value("between 2014 and 2018"), Interval::closed(2014.0, 2018.0));
        assert_eq!(one("between 2014 and 2018").kind, Kind::Year);
        assert_eq!(value("the 2019-23 plan"), Interval::closed(2019.0, 2023.0));
        assert_eq!(one("between 1500 and 2000 troops were killed").kind, Kind::Count);
        assert_eq!(value("a quarter million troops"), Interval::point(250_000.0));
        assert_eq!(value("quarter of a million troops"), Interval::point(250_000.0));
        assert_eq!(
            value("four fifths of a million troops"),
            Interval::point(800_000.0)
        );
        assert_eq!(
            value("one and a half million troops"),
            Interval::point(1_500_000.0)
        );
        assert!(all("the server at 192.168.1.2 failed").is_empty());
        assert_eq!(value("6.2m registered voters"), Interval::point(6_200_000.0));
        assert_eq!(one("1.5m tall").kind, Kind::Distance);
        assert!(all("call 541-555-0142 now").is_empty());
        assert!(all("a two-party government").is_empty());
        assert_eq!(one("a two-day summit").kind, Kind::Duration);
    }

    #[test]
    fn comparatives_subunits_and_currency_names() {
        assert_eq!(value("greater than 4,565"), Interval::above(4_565.0, false));
        assert_eq!(value(">30 people"), Interval::above(30.0, false));
        assert_eq!(value("20 or more people"), Interval::above(20.0, true));
        assert_eq!(value("65 and over"), Interval::above(65.0, true));
        let p = one("470 pence a share");
        assert_eq!((p.kind, p.unit), (Kind::Money, Some("GBP")));
        assert!((p.value.unwrap().lo_value().unwrap() - 4.7).abs() < 1e-9);
        assert_eq!(one("125 million Australian dollars").unit, Some("AUD"));
        assert_eq!(one("10,000 Swiss francs").unit, Some("CHF"));
        assert_eq!(one("50 € in aid").unit, Some("EUR"));
        assert_eq!(value("10 bln roubles"), Interval::point(1e10));
    }

    #[test]
    fn temperatures_and_dotted_times() {
        let p = one("temperatures hit 46.2C in the south");
        assert_eq!(
            (p.kind, p.value.unwrap()),
            (Kind::Temperature, Interval::point(46.2))
        );
        assert_eq!(one("below 10 degrees Celsius").kind, Kind::Temperature);
        let p = one("a high of 104F");
        assert!((p.value.unwrap().lo_value().unwrap() - 40.0).abs() < 1e-9);
        // Written in Fahrenheit degrees, five ninths of a Celsius degree each.
        assert!((p.written_factor - 5.0 / 9.0).abs() < 1e-12);
        assert_eq!(one("a high of 40C").written_factor, 1.0);
        assert_eq!(one("the sea was 8°C").unit, Some("°C"));
        assert!(all("at 03.40 local time").is_empty());
        assert!(all("it left at 11.45pm").is_empty());
        assert_eq!(value("grew 10.45 percent"), Interval::point(10.45));
    }

    #[test]
    fn review_corner_cases_of_units() {
        assert!(all("Police detain 2 Hong Kong")
            .iter()
            .all(|p| p.kind == Kind::Count));
        assert_eq!(one("5 Hong Kong dollars").unit, Some("HKD"));
        assert_eq!(value("it fell to -5C overnight"), Interval::point(-5.0));
        assert_eq!(value("minus 5 degrees Celsius"), Interval::point(-5.0));
        assert_ne!(one("turned 180 degrees of the way").kind, Kind::Temperature);
        assert_eq!(one("2000 people were killed").kind, Kind::Count);
        assert!(all("at 10:30:00 local time").is_empty());
        assert_eq!(value("> 30 people were killed"), Interval::point(30.0));
    }

    #[test]
    fn fractions_after_numbers() {
        assert_eq!(value("2½ miles of road"), Interval::point(2.5 * 1.609_344));
        assert_eq!(value("2 1/2 miles"), Interval::point(2.5 * 1.609_344));
        assert_eq!(value("½ mile"), Interval::point(0.5 * 1.609_344));
        assert!(all("on 9/11 the towers fell")
            .iter()
            .all(|p| p.value != Some(Interval::point(9.0 + 1.0 / 11.0))));
    }

    #[test]
    fn spelled_fractions() {
        let close = |text: &str, want: f64| {
            let got = one(text).stated.map(|(lo, _)| lo);
            assert!(
                got.is_some_and(|v| (v - want).abs() < 1e-9),
                "{text}: {got:?}, want {want}"
            );
        };
        close("two thirds", 2.0 / 3.0);
        close("five eighths.", 0.625);
        close("one-eighth", 0.125);
        close("twenty-three fifths", 4.6);
        close("a half", 0.5);
        close("an eighth of a mile", 0.125 * 1.609_344);
        close("a hundredth", 0.01);
        close("a hundred trillionths", 1e-10);
        close("one twenty-fifth", 0.04);
        // A mixed number's fraction is proper: `and three quarters` is a fraction of one.
        close("one hundred and three quarters", 100.75);
        close("one hundred and thirty-two fifths", 26.4);
        close("twenty and three fifths", 20.6);
        close("two hundred and fifty-four hundredths", 200.54);
        // After a scale word the fraction is of that scale.
        close("two million and three fifths", 2_600_000.0);
        close("3 million and a half", 3_500_000.0);
        close("one million and a half", 1_500_000.0);
        close("five and a half million fish", 5_500_000.0);
        close("2 and a half million people", 2_500_000.0);
        close("forty two and a third", 42.0 + 1.0 / 3.0);
        close("it took 5 and a quarter hours", 5.25 * 3600.0);
        close("a quarter million dollars", 250_000.0);
    }

    #[test]
    fn numeric_fractions_exponents_and_spelled_proportions() {
        assert_eq!(value("a 1/4 mile oval"), Interval::point(0.25 * 1.609_344));
        let p = one("3/4 of the vote");
        assert_eq!((p.kind, p.value), (Kind::Percent, Some(Interval::point(75.0))));
        // Alone, `9/11` and `24/7` are no fractions.
        assert!(all("since the 9/11 attacks")
            .iter()
            .all(|p| p.value != Some(Interval::point(9.0 / 11.0))));
        assert_eq!(value("1e10"), Interval::point(1e10));
        assert_eq!(value("1.3x10^6 cells"), Interval::point(1.3e6));
        assert_eq!(value("12e-1"), Interval::point(1.2000000000000002));
        // A letter and digits after the figure make a code, not an exponent.
        assert_eq!(covers("the 2e3d code"), "2");
        let p = one("one in twenty-one adults");
        assert_eq!(
            (p.kind, p.value),
            (Kind::Percent, Some(Interval::point(100.0 / 21.0)))
        );
        assert_eq!(one("1 in 1,000 people").value, Some(Interval::point(0.1)));
        assert!(all("Voyager 2 in 1979").iter().all(|p| p.kind != Kind::Percent));
        let close = |text: &str, want: f64| {
            let got = one(text).stated.map(|(lo, _)| lo);
            assert!(
                got.is_some_and(|v| (v - want).abs() < 1e-9),
                "{text}: {got:?}, want {want}"
            );
        };
        close("two and fifty-four hundredths", 2.54);
        close("three and three fifths", 3.6);
    }

    #[test]
    fn currencies_by_sign_prefix_and_name_and_compound_sums() {
        let money = |text: &str| {
            let p = one(text);
            assert_eq!(p.kind, Kind::Money, "{text}");
            (
                p.unit.unwrap_or_default(),
                p.stated.map(|(lo, _)| lo).unwrap_or_default(),
            )
        };
        assert_eq!(money("C$ 16.4 million"), ("CAD", 16_400_000.0));
        assert_eq!(money("Mex$ 10 million"), ("MXN", 10_000_000.0));
        assert_eq!(money("NZD$15"), ("NZD", 15.0));
        assert_eq!(money("100,000 ₭"), ("LAK", 100_000.0));
        assert_eq!(money("₽500"), ("RUB", 500.0));
        assert_eq!(money("₦2 billion"), ("NGN", 2e9));
        assert_eq!(money("6.25 BTC"), ("XBT", 6.25));
        assert_eq!(money("6.65 billion pesetas"), ("ESP", 6.65e9));
        assert_eq!(money("250 million Dutch guilders"), ("NLG", 2.5e8));
        assert_eq!(money("40 Mexican pesos"), ("MXN", 40.0));
        let (code, v) = money("3 dollars 50 cents");
        assert_eq!(code, "USD");
        assert!((v - 3.5).abs() < 1e-9);
        let (_, v) = money("thirteen dollars and forty-five cents");
        assert!((v - 13.45).abs() < 1e-9);
        // Cents of another currency are another figure.
        assert_eq!(all("3 euros 50 cents").len(), 2);
    }

    /// Every form the normalizer issue lists, with the interval it yields (published
    /// 2025-09-02, a Tuesday). Dates are day numbers; `[a, b]` closed unless noted.
    #[test]
    fn forms_news_text_uses() {
        use crate::when::{date_of, day_number};
        let d = |s: &str| day_number(NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
        let closed = Interval::closed;
        let cases: Vec<(&str, Interval)> = vec![
            // Vague magnitudes and fractions.
            ("a dozen eggs", Interval::point(12.0)),
            ("dozens of people", closed(24.0, 99.0)),
            ("scores of people", closed(40.0, 199.0)),
            ("a couple hundred people", closed(200.0, 300.0)),
            ("hundreds of thousands of people", closed(200_000.0, 999_999.0)),
            ("half a million people", Interval::point(500_000.0)),
            ("tens of millions of people", closed(20e6, 99_999_999.0)),
            ("tens of thousands of troops", closed(20_000.0, 99_999.0)),
            // Proportions are percentages.
            ("a third of voters", Interval::point(100.0 / 3.0)),
            ("one in five adults", Interval::point(20.0)),
            // Compact money and units.
            ("$1.2bn", Interval::point(1.2e9)),
            ("US$3 million", Interval::point(3e6)),
            ("€3bn", Interval::point(3e9)),
            ("£40m", Interval::point(40e6)),
            ("Rs 500 crore", Interval::point(5e9)),
            ("1.3 lakh people", Interval::point(130_000.0)),
            ("30-odd people", closed(30.0, 39.0)),
            // A decimal `-odd` never runs downwards (`1.26 + 1 - 1` is below 1.26).
            ("1.26-odd people", Interval::point(1.26)),
            ("40-something people", closed(40.0, 49.0)),
            ("20,000-plus people", Interval::above(20_000.0, true)),
            ("10k runners", Interval::point(10_000.0)),
            // Spelled and mixed.
            ("two thousand and twenty-five people", Interval::point(2025.0)),
            ("1.5 million people", Interval::point(1.5e6)),
            ("15\u{2009}000 people", Interval::point(15_000.0)),
            ("15\u{A0}000 people", Interval::point(15_000.0)),
            ("１２３ people", Interval::point(123.0)),
            ("\u{0664}\u{0665} people", Interval::point(45.0)),
            ("\u{096A}\u{096B} people", Interval::point(45.0)),
            ("1,50,000 people", Interval::point(150_000.0)),
            ("½ mile", Interval::point(0.5 * 1.609_344)),
            // Dates.
            ("early September", closed(d("2025-09-01"), d("2025-09-10"))),
            ("mid-2024", closed(d("2024-05-01"), d("2024-08-31"))),
            ("the 1990s", closed(1990.0, 1999.0)),
            ("last month", closed(d("2025-08-01"), d("2025-08-31"))),
            ("two days ago", Interval::point(d("2025-08-31"))),
            // `next` is that day of next week (docs/intervals.md), marked ambiguous where the
            // coming one is nearer (`next Wednesday` said on a Tuesday).
            ("next Wednesday", Interval::point(d("2025-09-10"))),
            ("next Tuesday", Interval::point(d("2025-09-09"))),
            ("this year", closed(2025.0, 2025.0)),
            ("Sept. 3", Interval::point(d("2025-09-03"))),
            ("3 Sept 2025", Interval::point(d("2025-09-03"))),
            ("2025-09-03", Interval::point(d("2025-09-03"))),
            ("fiscal 2012-13", Interval::point(2012.0)),
            // Units converted before comparison.
            (
                "about 800 miles",
                closed(800.0 * 1.609_344 * 0.9, 800.0 * 1.609_344 * 1.1),
            ),
            ("90 minutes", Interval::point(5400.0)),
        ];
        let mut wrong = Vec::new();
        for (text, want) in cases {
            let got = all(text).into_iter().find_map(|p| p.value);
            let near = |a: Option<crate::interval::Bound>, b: Option<crate::interval::Bound>| match (a, b) {
                (Some(a), Some(b)) => (a.value - b.value).abs() <= 1e-6 * b.value.abs().max(1.0),
                (None, None) => true,
                _ => false,
            };
            if !got.is_some_and(|g| near(g.lo, want.lo) && near(g.hi, want.hi)) {
                let show = |v: Option<Interval>| {
                    v.map(|v| v.notation(|x| date_of(x).map_or(format!("{x}"), |d| d.to_string())))
                };
                wrong.push(format!(
                    "{text}: got {:?}, want {:?}",
                    show(got),
                    show(Some(want))
                ));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn spelled_numbers_after_a_and_trillions_after_a_currency() {
        assert_eq!(value("I want a hundred and two of those"), Interval::point(102.0));
        assert_eq!(value("a thousand and one nights"), Interval::point(1001.0));
        assert_eq!(value("a hundred people"), Interval::point(100.0));
        assert_eq!(value("GDP is $2.174T."), Interval::point(2.174e12));
    }

    #[test]
    fn fraction_words_that_are_ordinals_stay_ordinals() {
        // `third term`, `fifth straight day`: ordinals, not fractions.
        assert!(all("won a third term").is_empty());
        assert!(all("for a fifth straight day").is_empty());
        assert!(all("a second later").is_empty());
        // `three quarters` of a fiscal year are not three fourths.
        assert!(all("in three quarters revenue fell")
            .iter()
            .all(|p| p.stated != Some((0.75, 0.75))));
    }

    #[test]
    fn spelled_decimals_and_negative_words() {
        assert_eq!(value("five point five"), Interval::point(5.5));
        assert_eq!(value("two hundred point zero three"), Interval::point(200.03));
        assert_eq!(value("two hundred point seventy-one"), Interval::point(200.71));
        assert_eq!(value("nine point nought four"), Interval::point(9.04));
        assert_eq!(value("minus five point five"), Interval::point(-5.5));
        assert_eq!(value("negative 12 degrees"), Interval::point(-12.0));
        assert_eq!(value("3 dzs eggs"), Interval::point(36.0));
    }

    #[test]
    fn lower_and_upper_bounds_join_into_one_interval() {
        let both = |lo: f64, lo_in: bool, hi: f64, hi_in: bool| Interval {
            lo: Some(crate::interval::Bound {
                value: lo,
                inclusive: lo_in,
            }),
            hi: Some(crate::interval::Bound {
                value: hi,
                inclusive: hi_in,
            }),
        };
        assert_eq!(
            value("more than 10 and fewer than 20 people"),
            both(10.0, false, 20.0, false)
        );
        assert_eq!(
            value("at most 100 and at least 20 apples"),
            both(20.0, true, 100.0, true)
        );
        assert_eq!(
            value("over 1,000 but under 1,500"),
            both(1000.0, false, 1500.0, false)
        );
        assert_eq!(one("more than 10 and less than 20").qualifier, Qualifier::Range);
        // Two bounds of different things, or bounds that cannot hold together, stay apart.
        assert_eq!(all("more than 100 dead and fewer than 50 hurt").len(), 2);
        assert_eq!(all("more than 40 and less than 10").len(), 2);
        assert_eq!(all("more than 5 km and less than 20 people").len(), 2);
    }

    #[test]
    fn longer_comparisons_and_verbs_of_exceeding() {
        assert_eq!(value("less than or equal to 30"), Interval::below(30.0, true));
        assert_eq!(value("equal to or more than 30"), Interval::above(30.0, true));
        assert_eq!(value("greater than or equal to 50"), Interval::above(50.0, true));
        assert_eq!(value("the toll exceeded 3,000"), Interval::above(3000.0, false));
        assert_eq!(value("sales surpassed 1 million"), Interval::above(1e6, false));
        assert_eq!(value("the death toll tops 200"), Interval::above(200.0, false));
        assert_eq!(value("costing £40MILLION A DAY"), Interval::point(40e6));
        assert_eq!(value("a 40million deal"), Interval::point(40e6));
        assert_eq!(value("the toll topped 1,000"), Interval::above(1000.0, false));
        assert_eq!(value("the top 10 universities"), Interval::point(10.0));
        assert_eq!(one("the toll is nearing 1,000").qualifier, Qualifier::Nearly);
        assert_eq!(one("crowds approaching 50,000").qualifier, Qualifier::Nearly);
        assert_eq!(value("20 or higher"), Interval::above(20.0, true));
        assert_eq!(value("when <-30"), Interval::below(-30.0, false));
        assert_eq!(value("when <= -30"), Interval::below(-30.0, true));
        assert_eq!(value("below -5 degrees"), Interval::below(-5.0, false));
    }

    #[test]
    fn more_range_joiners_and_implausible_years() {
        assert_eq!(value("20 through 100"), Interval::closed(20.0, 100.0));
        assert_eq!(value("20~100 apples"), Interval::closed(20.0, 100.0));
        let p = one("The range is 1000-5000");
        assert_eq!(p.kind, Kind::Count);
        assert_eq!(p.value, Some(Interval::closed(1000.0, 5000.0)));
        // `1995-01` is a month written as a code: no range running backwards, no count 1.
        assert!(all("1995-01")
            .iter()
            .all(|p| p.value != Some(Interval::closed(1.0, 1995.0))));
        assert!(all("code 007").is_empty());
    }

    #[test]
    fn compound_lengths_squared_units_and_links() {
        let feet = 0.000_304_8;
        let inch = 0.000_025_4;
        for text in [
            "he is 5 feet 2 inches",
            "he is 5 feet and 2 inches.",
            "5 ft 2 inches tall",
        ] {
            let got = one(text).stated.map(|(lo, _)| lo).unwrap_or_default();
            assert!((got - (5.0 * feet + 2.0 * inch)).abs() < 1e-12, "{text}: {got}");
        }
        assert_eq!(one("2 hours 20 minutes").stated, Some((8400.0, 8400.0)));
        assert_eq!(one("home ranges of 190 km2").kind, Kind::Area);
        assert_eq!(one("a 500 m² plot").value, Some(Interval::point(0.0005)));
        assert_eq!(one("thirty percentage").unit, Some("%"));
        assert_eq!(one("a 2 percentage point rise").end, 4);
        assert!(all("see https://example.com/a?q=30%25%2020% now").is_empty());
        assert!(all("at www.example.org/2024/05/report").is_empty());
    }

    #[test]
    fn signs_dozens_and_hundreds() {
        assert_eq!(value("it was -1 at dawn"), Interval::point(-1.0));
        assert_eq!(value("minus 5 points"), Interval::point(-5.0));
        assert_eq!(value("3 dozens eggs"), Interval::point(36.0));
        assert_eq!(value("three dozens eggs"), Interval::point(36.0));
        assert_eq!(value("322 hundred people"), Interval::point(32_200.0));
        assert_eq!(value("rose .08 points"), Interval::point(0.08));
        assert_eq!(all("10 - 15 people").len(), 1);
    }

    #[test]
    fn proportions_in_words_are_percentages() {
        let p = one("a third of voters stayed home");
        assert_eq!(p.kind, Kind::Percent);
        assert!((p.value.unwrap().lo_value().unwrap() - 33.333).abs() < 0.01);
        assert_eq!(value("one in five adults"), Interval::point(20.0));
        assert!((value("Roughly two-thirds of its deposits").lo_value().unwrap() - 60.0).abs() < 1e-9);
        assert_eq!(one("from the 2016 census").kind, Kind::Year);
        assert_eq!(all("fell by 110,000 to 7.9 million").len(), 2);
        assert_eq!(value("three out of four doctors"), Interval::point(75.0));
        assert_eq!(
            value("more than half of the children"),
            Interval::above(50.0, false)
        );
        assert!((value("two thirds of the budget").lo_value().unwrap() - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!(value("a third of a million people"), Interval::point(1e6 / 3.0));
    }

    #[test]
    fn solid_currency_prefixes() {
        let p = one("a budget of Sh2 billion");
        assert_eq!((p.unit, p.value.unwrap()), (Some("KES"), Interval::point(2e9)));
        assert_eq!(one("Rs500 crore").unit, Some("INR"));
        assert!(all("billion-dollar question").is_empty());
        assert!(all("the F35 jet").is_empty());
    }

    #[test]
    fn a_vote_tally_is_its_votes_for_and_a_score_nothing() {
        let values = |text: &str| -> Vec<f64> {
            all(text)
                .iter()
                .filter_map(|p| p.value.and_then(|v| v.lo_value()))
                .collect()
        };
        assert_eq!(values("The court ruled 6-3 in the case."), [6.0]);
        assert_eq!(values("The Senate passed it by a 52-48 vote."), [52.0]);
        assert!(values("United won 3-1 at home.").is_empty());
    }

    #[test]
    fn scores_are_not_ranges() {
        assert!(all("Villa won 3-1 at Wembley").is_empty());
        assert!(all("a 1-1 draw").is_empty());
        assert_eq!(value("10-15 carriages"), Interval::closed(10.0, 15.0));
    }

    #[test]
    fn race_times_are_durations() {
        let p = one("won in 2:05:14, a course record");
        assert_eq!(
            (p.kind, p.value.unwrap()),
            (Kind::Duration, Interval::point(7_514.0))
        );
    }

    #[test]
    fn clock_times_are_not_figures() {
        assert!(all("The quake hit at 4:17 a.m. local time").is_empty());
        assert!(all("shortly after 4 a.m. on Tuesday")
            .iter()
            .all(|p| p.kind == Kind::Date));
        assert!(all("at 10:30 pm").is_empty());
        assert!(all("The robbery began at 2.17pm").is_empty());
        assert!(all("I arrived at 2.13 am.").is_empty());
        assert_eq!(value("rose 2.17 points"), Interval::point(2.17));
        assert_eq!(all("4 people").len(), 1);
    }

    #[test]
    fn lone_one_is_not_a_claim() {
        assert!(all("one of the leaders").is_empty());
        assert_eq!(all("one hour").len(), 1);
    }
}
