//! Holidays: fixed ones (`Christmas`, `New Year's Day`, `Halloween`) and computed ones
//! (`Easter`, `Thanksgiving`, `Labor Day`, `Black Friday`), with an optional year (`Christmas
//! 2024`, `Easter of 2018`, `Independence Day of this year`) or modifier (`last Easter`, `next
//! Thanksgiving`). Without either, the occurrence nearest publication is meant.
//!
//! Holidays named the same in several countries are read with their US date (`Independence
//! Day` is 4 July, `Labor Day` the first Monday of September); the claim's resolution says so.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{date_phrase, set_day, set_days};
use crate::claim::{Kind, Qualifier};
use crate::extract::Phrase;
use crate::token::Token;

/// First words of the holiday names below, and the modifiers that may precede them.
pub(super) const TRIGGERS: &[&str] = &[
    "christmas",
    "new",
    "halloween",
    "easter",
    "thanksgiving",
    "labor",
    "independence",
    "valentine's",
    "valentines",
    "st",
    "saint",
    "earth",
    "black",
    "cyber",
    "memorial",
    "martin",
    "mlk",
    "presidents",
    "presidents'",
    "president's",
    "mother's",
    "father's",
    "international",
    "juneteenth",
    "veterans",
    "armistice",
    "good",
    "columbus",
    "boxing",
    "halloween",
    "previous",
    "following",
];

/// How a holiday's date is found in a given year.
#[derive(Debug, Clone, Copy)]
enum Rule {
    Fixed(u32, u32),
    /// Days after Easter Sunday.
    Easter(i64),
    /// The nth weekday of a month (n = 0: the last one), plus a number of days.
    Nth(u32, Weekday, u8, i64),
}

/// Names as folded words, the rule, and a note when the date is one country's.
const HOLIDAYS: &[(&[&str], Rule, Option<&str>)] = &[
    (&["new", "year's", "day"], Rule::Fixed(1, 1), None),
    (&["new", "years", "day"], Rule::Fixed(1, 1), None),
    (&["new", "year", "day"], Rule::Fixed(1, 1), None),
    (&["new", "year's", "eve"], Rule::Fixed(12, 31), None),
    (&["new", "year's"], Rule::Fixed(1, 1), None),
    (&["new", "year"], Rule::Fixed(1, 1), None),
    (&["christmas", "eve"], Rule::Fixed(12, 24), None),
    (&["christmas", "day"], Rule::Fixed(12, 25), None),
    (&["christmas"], Rule::Fixed(12, 25), None),
    (&["boxing", "day"], Rule::Fixed(12, 26), None),
    (&["valentine's", "day"], Rule::Fixed(2, 14), None),
    (&["valentines", "day"], Rule::Fixed(2, 14), None),
    (&["st", "patrick's", "day"], Rule::Fixed(3, 17), None),
    (&["saint", "patrick's", "day"], Rule::Fixed(3, 17), None),
    (&["st", "patrick"], Rule::Fixed(3, 17), None),
    (&["saint", "patrick"], Rule::Fixed(3, 17), None),
    (&["international", "women's", "day"], Rule::Fixed(3, 8), None),
    (&["earth", "day"], Rule::Fixed(4, 22), None),
    (&["international", "workers", "day"], Rule::Fixed(5, 1), None),
    (&["international", "workers'", "day"], Rule::Fixed(5, 1), None),
    (&["juneteenth"], Rule::Fixed(6, 19), None),
    (
        &["independence", "day"],
        Rule::Fixed(7, 4),
        Some("read as the US Independence Day, 4 July"),
    ),
    (&["halloween"], Rule::Fixed(10, 31), None),
    (&["veterans", "day"], Rule::Fixed(11, 11), None),
    (&["armistice", "day"], Rule::Fixed(11, 11), None),
    (&["good", "friday"], Rule::Easter(-2), None),
    (&["easter", "sunday"], Rule::Easter(0), None),
    (&["easter", "monday"], Rule::Easter(1), None),
    (&["easter"], Rule::Easter(0), None),
    (
        &["thanksgiving", "day"],
        Rule::Nth(11, Weekday::Thu, 4, 0),
        Some("read as the US Thanksgiving"),
    ),
    (
        &["thanksgiving"],
        Rule::Nth(11, Weekday::Thu, 4, 0),
        Some("read as the US Thanksgiving"),
    ),
    (&["black", "friday"], Rule::Nth(11, Weekday::Thu, 4, 1), None),
    (&["cyber", "monday"], Rule::Nth(11, Weekday::Thu, 4, 4), None),
    (
        &["labor", "day"],
        Rule::Nth(9, Weekday::Mon, 1, 0),
        Some("read as the US Labor Day"),
    ),
    (&["memorial", "day"], Rule::Nth(5, Weekday::Mon, 0, 0), None),
    (
        &["martin", "luther", "king", "day"],
        Rule::Nth(1, Weekday::Mon, 3, 0),
        None,
    ),
    (&["mlk", "day"], Rule::Nth(1, Weekday::Mon, 3, 0), None),
    (&["presidents", "day"], Rule::Nth(2, Weekday::Mon, 3, 0), None),
    (&["presidents'", "day"], Rule::Nth(2, Weekday::Mon, 3, 0), None),
    (&["president's", "day"], Rule::Nth(2, Weekday::Mon, 3, 0), None),
    (
        &["mother's", "day"],
        Rule::Nth(5, Weekday::Sun, 2, 0),
        Some("read as the US Mother's Day"),
    ),
    (&["father's", "day"], Rule::Nth(6, Weekday::Sun, 3, 0), None),
    (&["columbus", "day"], Rule::Nth(10, Weekday::Mon, 2, 0), None),
];

/// A holiday at `i`, with its year or modifier, and `weekend` after it (`Labor Day weekend`:
/// the Saturday to the Monday; `Thanksgiving weekend`: the Thursday to the Sunday).
pub(super) fn holiday_at(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let (modifier, mut j) = match tokens.get(i)?.folded.as_ref() {
        "last" | "previous" => (Some(-1), i + 1),
        "next" | "following" => (Some(1), i + 1),
        "this" => (Some(0), i + 1),
        _ => (None, i),
    };
    // Every holiday name starts with a word: numbers, the most common tokens here, stop now.
    if !tokens.get(j)?.is_word() {
        return None;
    }
    let weekend_first =
        tokens.get(j).is_some_and(|t| t.is("weekend")) && tokens.get(j + 1).is_some_and(|t| t.is("of"));
    if weekend_first {
        j += 2;
    }
    let (rule, note, mut end) = name_at(tokens, j)?;
    // `in the new year` is vague; `New Year's Day` is not.
    let vague_new_year = tokens[j].is("new")
        && end - j == 2
        && j.checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|t| t.is("the"));
    if vague_new_year {
        return None;
    }
    // `Easter Island`, `Christmas Day Parade`: a capitalised name goes on.
    if tokens.get(end).is_some_and(|t| {
        t.is_word() && t.text.chars().next().is_some_and(char::is_uppercase) && !t.is("weekend")
    }) {
        return None;
    }
    let mut year = None;
    let of = tokens.get(end).is_some_and(|t| t.is("of"));
    let y_at = end + usize::from(of);
    if let Some(y) = tokens
        .get(y_at)
        .filter(|y| y.is_number() && y.text.len() == 4 && y.text.bytes().all(|b| b.is_ascii_digit()))
    {
        year = Some(y.number_value()? as i32);
        end = y_at + 1;
    } else if of
        && tokens.get(y_at).is_some_and(|t| t.is("this"))
        && tokens.get(y_at + 1).is_some_and(|t| t.is("year"))
    {
        year = published.map(|p| p.year());
        end = y_at + 2;
    }
    let weekend_after = !weekend_first && tokens.get(end).is_some_and(|t| t.is("weekend"));
    if weekend_after {
        end += 1;
    }
    let mut p = date_phrase(
        i,
        end,
        if year.is_some() {
            Qualifier::Exact
        } else {
            Qualifier::Relative
        },
    );
    let date = match (year, published) {
        (Some(y), _) => on(rule, y)?,
        (None, Some(pub_date)) => {
            let around: Vec<NaiveDate> = [-1, 0, 1]
                .iter()
                .filter_map(|d| on(rule, pub_date.year() + d))
                .collect();
            let found = match modifier {
                Some(-1) => around.iter().filter(|d| **d < pub_date).max().copied(),
                Some(1) => around.iter().filter(|d| **d > pub_date).min().copied(),
                Some(_) => on(rule, pub_date.year()),
                None => around
                    .iter()
                    .min_by_key(|d| (**d - pub_date).num_days().abs())
                    .copied(),
            };
            p.resolution = Some(format!("the occurrence nearest the publication date {pub_date}"));
            found?
        }
        (None, None) => {
            p.resolution = Some("no year and no publication date".to_string());
            return Some(p);
        }
    };
    if weekend_first || weekend_after {
        let (first, last) = long_weekend(date);
        set_days(&mut p, first, last);
    } else {
        set_day(&mut p, date);
    }
    if let Some(note) = note {
        p.resolution = Some(match p.resolution.take() {
            Some(r) => format!("{note}; {r}"),
            None => note.to_string(),
        });
    }
    p.kind = Kind::Date;
    Some(p)
}

/// The holiday name at `j`: its rule, note and the index after it. Apostrophes written as
/// separate tokens (`Workers' Day`) and dots (`St. Patrick's`) are skipped.
fn name_at(tokens: &[Token], j: usize) -> Option<(Rule, Option<&'static str>, usize)> {
    let counted = |t: &&Token| !matches!(t.text, "'" | "’" | ".");
    // Most words start no holiday name: tell so before copying any word.
    let first = tokens.get(j..)?.iter().find(counted)?;
    if !first.folded.contains('’') && !opens_a_name(&first.folded) {
        return None;
    }
    let words: Vec<(String, usize)> = tokens[j.min(tokens.len())..]
        .iter()
        .enumerate()
        .filter(|(_, t)| !matches!(t.text, "'" | "’" | "."))
        .take(4)
        .map(|(k, t)| (t.folded.replace('’', "'"), j + k + 1))
        .collect();
    // A separate apostrophe after `workers` belongs to the word.
    HOLIDAYS.iter().find_map(|(name, rule, note)| {
        let matches = name.len() <= words.len()
            && name
                .iter()
                .zip(&words)
                .all(|(n, (w, _))| n == w || n.strip_suffix('\'').is_some_and(|bare| bare == w));
        matches.then(|| (*rule, *note, words[name.len() - 1].1))
    })
}

/// Whether some holiday name may start with `word`: its first word, or that word without a
/// trailing apostrophe (`workers'`). The first words are hashed once, as this is asked at
/// every word that may start a date.
fn opens_a_name(word: &str) -> bool {
    type Firsts = (
        bool,
        std::collections::HashSet<&'static str, crate::token::WordHash>,
    );
    static FIRSTS: std::sync::OnceLock<Firsts> = std::sync::OnceLock::new();
    let (any_empty, firsts) = FIRSTS.get_or_init(|| {
        let mut firsts = std::collections::HashSet::default();
        let mut any_empty = false;
        for (name, ..) in HOLIDAYS {
            match name.first() {
                None => any_empty = true,
                Some(n) => {
                    firsts.insert(*n);
                    if let Some(bare) = n.strip_suffix('\'') {
                        firsts.insert(bare);
                    }
                }
            }
        }
        (any_empty, firsts)
    });
    *any_empty || firsts.contains(word)
}

/// The day a holiday falls on in year `y`.
fn on(rule: Rule, y: i32) -> Option<NaiveDate> {
    match rule {
        Rule::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        Rule::Easter(offset) => easter(y).map(|e| e + Duration::days(offset)),
        Rule::Nth(m, w, 0, offset) => {
            let next_month = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)?
            };
            let last = next_month - Duration::days(1);
            let back = (7 + last.weekday().num_days_from_monday() - w.num_days_from_monday()) % 7;
            Some(last - Duration::days(i64::from(back)) + Duration::days(offset))
        }
        Rule::Nth(m, w, n, offset) => {
            NaiveDate::from_weekday_of_month_opt(y, m, w, n).map(|d| d + Duration::days(offset))
        }
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and
/// Butcher).
fn easter(y: i32) -> Option<NaiveDate> {
    if y < 1583 {
        return None;
    }
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

/// The long weekend around a holiday: Saturday to Monday for a Monday or Saturday holiday,
/// Thursday to Sunday for a Thursday one, Friday to Sunday for a Friday one, else the
/// Saturday and Sunday of its week.
fn long_weekend(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let d = Duration::days;
    match day.weekday() {
        Weekday::Mon => (day - d(2), day),
        Weekday::Thu => (day, day + d(3)),
        Weekday::Fri => (day, day + d(2)),
        Weekday::Sat => (day, day + d(1)),
        Weekday::Sun => (day - d(1), day),
        w => {
            let saturday = day + d(i64::from(5 - w.num_days_from_monday()));
            (saturday, saturday + d(1))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::when::tests::{iso, nothing_dated, span};

    #[test]
    fn computed_holidays() {
        assert_eq!(easter(2018), NaiveDate::from_ymd_opt(2018, 4, 1));
        assert_eq!(easter(2024), NaiveDate::from_ymd_opt(2024, 3, 31));
        assert_eq!(iso("on Thanksgiving 2024", "2020-01-01"), "2024-11-28");
        assert_eq!(iso("black friday 2010", "2020-01-01"), "2010-11-26");
        assert_eq!(iso("Labor Day 2021", "2020-01-01"), "2021-09-06");
        assert_eq!(iso("Memorial Day 2024", "2020-01-01"), "2024-05-27");
    }

    #[test]
    fn fixed_holidays_and_modifiers() {
        assert_eq!(iso("Christmas 2024", "2020-01-01"), "2024-12-25");
        assert_eq!(iso("on New Year's Day", "2025-12-20"), "2026-01-01");
        assert_eq!(iso("last Easter", "2019-03-01"), "2018-04-01");
        assert_eq!(iso("next easter", "2019-03-01"), "2019-04-21");
        assert_eq!(iso("International Workers' Day", "2020-03-01"), "2020-05-01");
        assert_eq!(iso("independence day of this year", "2018-03-01"), "2018-07-04");
    }

    #[test]
    fn holiday_weekends() {
        assert_eq!(
            span("labor day 2021 weekend", "2020-01-01"),
            ("2021-09-04".into(), "2021-09-06".into())
        );
        assert_eq!(
            span("weekend of thanksgiving 2023", "2020-01-01"),
            ("2023-11-23".into(), "2023-11-26".into())
        );
    }

    #[test]
    fn names_that_go_on_are_not_holidays() {
        assert!(nothing_dated("on Easter Island", "2020-01-01"));
        assert!(nothing_dated(
            "the Christmas Island detention centre",
            "2020-01-01"
        ));
    }
}
