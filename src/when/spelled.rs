//! Days and years in words: `the third of September`, `May twenty-nine`, `nineteen
//! ninety-six`, `two thousand and five`, `the 15th day of next month`.

use chrono::{Datelike, NaiveDate};

use super::{date_phrase, day_at, last_of_month, month_of, set_day, year_phrase};
use crate::claim::Qualifier;
use crate::extract::Phrase;
use crate::number::{number_word, NumberWord};
use crate::token::Token;

/// A year in words where a year is expected (`in nineteen ninety-six`, `since two thousand
/// and five`), or `the Nth day of` a month (`the 15th day of next month`, `the thirty-first
/// day of the month`).
pub(super) fn spelled_at(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    day_of_month_at(tokens, i, published).or_else(|| standalone_year(tokens, i))
}

/// The day of an ordinal word: `first` = 1 .. `thirty` (`twentieth`, `thirtieth`).
pub(super) fn ordinal_word(word: &str) -> Option<u32> {
    crate::number::ordinal_value(word)
        .filter(|v| *v <= 30.0)
        .map(|v| v as u32)
}

/// A day of the month in words at `i`: `third`, `twenty-first`, `thirty first`, `twenty nine`.
/// Returns the day, the index after it, and whether it was an ordinal (`first`) rather than a
/// cardinal (`nine`).
pub(super) fn day_words(tokens: &[Token], i: usize) -> Option<(u32, usize, bool)> {
    let t = tokens.get(i)?;
    if let Some(d) = ordinal_word(&t.folded) {
        return Some((d, i + 1, true));
    }
    let v = small(t)?;
    if v == 0 || v > 31 {
        return None;
    }
    if v == 20 || v == 30 {
        // `twenty-first`, `thirty first`, `twenty nine`.
        let mut j = i + 1;
        if tokens.get(j).is_some_and(|h| h.is_hyphen() && !h.space_before) {
            j += 1;
        }
        if let Some(u) = tokens.get(j) {
            let unit = ordinal_word(&u.folded)
                .filter(|&d| d < 10)
                .map(|d| (d, true))
                .or_else(|| small(u).filter(|&d| (1..10).contains(&d)).map(|d| (d, false)));
            if let Some((d, ordinal)) = unit.filter(|&(d, _)| v + d <= 31) {
                return Some((v + d, j + 1, ordinal));
            }
        }
    }
    Some((v, i + 1, false))
}

/// A year in words at `i`: `nineteen ninety-six`, `nineteen oh five`, `twenty twenty-five`,
/// `seventeen hundred thirty three`, `two thousand`, `two thousand and fifteen`.
pub(super) fn year_words(tokens: &[Token], i: usize) -> Option<(i32, usize)> {
    let first = small(tokens.get(i)?)?;
    let next = tokens.get(i + 1);
    let (year, end) = if first == 2 && next.is_some_and(|t| t.is("thousand")) {
        let j = i + 2;
        let and = tokens.get(j).is_some_and(|t| t.is("and"));
        match two_digits(tokens, j + usize::from(and)) {
            Some((r, end)) => (2000 + r, end),
            None => (2000, j),
        }
    } else if (10..=20).contains(&first) && next.is_some_and(|t| t.is("hundred")) {
        let j = i + 2;
        let and = tokens.get(j).is_some_and(|t| t.is("and"));
        match two_digits(tokens, j + usize::from(and)) {
            Some((r, end)) => (first * 100 + r, end),
            None => (first * 100, j),
        }
    } else if (10..=20).contains(&first) {
        let (r, end) = two_digits(tokens, i + 1)?;
        if r < 10 && !tokens[i + 1].is("oh") && !tokens[i + 1].is("o") {
            return None;
        }
        (first * 100 + r, end)
    } else {
        return None;
    };
    (1000..=2100).contains(&year).then_some((year as i32, end))
}

/// `ninety-six`, `ninety six`, `seventy`, `fifteen`, `oh five`: 1 to 99 in words.
fn two_digits(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let t = tokens.get(i)?;
    if t.is("oh") || t.is("o") {
        let u = small(tokens.get(i + 1)?).filter(|&u| (1..10).contains(&u))?;
        return Some((u, i + 2));
    }
    let v = small(t).filter(|&v| (1..100).contains(&v))?;
    if v >= 20 && v % 10 == 0 {
        let mut j = i + 1;
        if tokens.get(j).is_some_and(|h| h.is_hyphen() && !h.space_before) {
            j += 1;
        }
        if let Some(u) = tokens.get(j).and_then(small).filter(|&u| (1..10).contains(&u)) {
            return Some((v + u, j + 1));
        }
    }
    Some((v, i + 1))
}

/// The value of a number word below a hundred (`nine`, `forty`).
fn small(t: &Token) -> Option<u32> {
    match number_word(&t.folded)? {
        NumberWord::Small(v) => Some(v as u32),
        _ => None,
    }
}

/// A spelled year after a word that introduces years, and not followed by a noun it counts
/// (`in two thousand and fifteen` is a year, `in two thousand homes` is not).
fn standalone_year(tokens: &[Token], i: usize) -> Option<Phrase> {
    let prev = i.checked_sub(1).and_then(|p| tokens.get(p))?;
    if ![
        "in", "since", "until", "till", "by", "during", "of", "from", "before", "after", "and",
    ]
    .iter()
    .any(|w| prev.is(w))
    {
        return None;
    }
    let (year, end) = year_words(tokens, i)?;
    if !free_after(tokens, end) {
        return None;
    }
    Some(year_phrase(i, end, year))
}

/// Whether the token at `end` leaves a number phrase complete: nothing, punctuation, or a
/// function word rather than a noun the number would count.
pub(super) fn free_after(tokens: &[Token], end: usize) -> bool {
    match tokens.get(end) {
        Some(t) if t.is_word() => [
            "and", "or", "but", "to", "when", "where", "while", "the", "that", "was", "were", "is", "are",
            "in", "on", "at", "as", "for", "with", "until", "till", "before", "after", "through", "he",
            "she", "they", "we", "i", "it",
        ]
        .iter()
        .any(|w| t.is(w)),
        Some(t) => !t.is_number(),
        None => true,
    }
}

/// `the 15th day of next month`, `the twenty third day of September`, `the thirty-first day
/// of the month`: one day of a month named after `day of`.
fn day_of_month_at(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let (d, j) = match day_words(tokens, i) {
        Some((d, j, true)) => (d, j),
        _ => {
            let (d, j) = day_at(tokens, i)?;
            // A digit needs its ordinal suffix here: `the 15th day`.
            if j != i + 2 {
                return None;
            }
            (d, j)
        }
    };
    if !(tokens.get(j)?.is("day") && tokens.get(j + 1)?.is("of")) {
        return None;
    }
    let k = j + 2;
    let (first, end) = month_expression(tokens, k, published)?;
    let date = first.with_day(d)?;
    let mut p = date_phrase(i, end, Qualifier::Exact);
    set_day(&mut p, date);
    if date.month() != first.month() || date > last_of_month(first)? {
        return None;
    }
    Some(p)
}

/// The first day of the month named at `k`: `September`, `September 2020`, `next month`,
/// `the month` (the publication month), with the index after it.
fn month_expression(tokens: &[Token], k: usize, published: Option<NaiveDate>) -> Option<(NaiveDate, usize)> {
    let t = tokens.get(k)?;
    if let Some(m) = month_of(t.text) {
        if let Some(y) = tokens
            .get(k + 1)
            .filter(|y| y.is_number() && y.text.len() == 4)
            .and_then(|y| y.number_value())
        {
            return Some((NaiveDate::from_ymd_opt(y as i32, m, 1)?, k + 2));
        }
        let p = published?;
        let date = super::nearest_year(p, m, 15)?;
        return Some((date.with_day(1)?, k + 1));
    }
    let p = published?.with_day(1)?;
    let shift = match t.folded.as_ref() {
        "next" => 1,
        "last" => -1,
        "this" | "the" => 0,
        _ => return None,
    };
    tokens.get(k + 1).filter(|m| m.is("month"))?;
    Some((super::add_months(p, shift)?, k + 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    fn year(text: &str) -> Option<i32> {
        let tokens = tokenize(text, 0..text.len());
        year_words(&tokens, 0).map(|(y, _)| y)
    }

    #[test]
    fn years_in_words() {
        assert_eq!(year("nineteen ninety-six"), Some(1996));
        assert_eq!(year("nineteen ninety six"), Some(1996));
        assert_eq!(year("nineteen oh five"), Some(1905));
        assert_eq!(year("twenty twenty-five"), Some(2025));
        assert_eq!(year("two thousand and fifteen"), Some(2015));
        assert_eq!(year("two thousand"), Some(2000));
        assert_eq!(year("seventeen hundred thirty three"), Some(1733));
        assert_eq!(year("nineteen hundred ninety three"), Some(1993));
        assert_eq!(year("nineteen five"), None);
        assert_eq!(year("three thousand"), None);
    }

    #[test]
    fn days_in_words() {
        let days = |text: &str| {
            let tokens = tokenize(text, 0..text.len());
            day_words(&tokens, 0).map(|(d, _, o)| (d, o))
        };
        assert_eq!(days("third"), Some((3, true)));
        assert_eq!(days("twenty-first"), Some((21, true)));
        assert_eq!(days("thirty first"), Some((31, true)));
        assert_eq!(days("twenty nine"), Some((29, false)));
        assert_eq!(days("thirty nine"), Some((30, false)));
        assert_eq!(days("forty"), None);
    }
}
