//! Weeks, weekends, quarters, centuries and offsets: `this weekend`, `last quarter`, `the
//! week of April 10`, `the first week of 2021`, `week 31`, `Tuesday of next week`, `Friday
//! 31`, `the 15th century`, `the day after tomorrow`, `3 days after Christmas`.
//!
//! Weeks run Monday to Sunday. Numbered weeks of a year are ISO weeks (week 1 holds the
//! year's first Thursday); the Nth week of a month counts from the week holding its 1st.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{
    bounds, date_phrase, day_at, last_of_month, set_day, set_days, single, spelled, tense_before,
    weekday_abbreviation, weekday_of, year_phrase,
};
use crate::claim::{Doubt, Kind, Qualifier};
use crate::extract::Phrase;
use crate::interval::Interval;
use crate::number::{number_word, NumberWord};
use crate::token::Token;

/// Words that may start a phrase read here (besides numbers, ordinals and weekdays).
pub(super) const TRIGGERS: &[&str] = &[
    "weekend", "week", "w", "current", "upcoming", "day", "tonight", "an", "couple", "century",
];

/// A unit of calendar time that can be counted.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Unit {
    Day,
    /// A working day, Monday to Friday (`business days`, `working days`).
    BusinessDay,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
}

/// One period starting at `i`: the longest reading of the forms in the module notes.
pub(super) fn period_at(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let mut best = super::Longest::any();
    // Most of these readers start with a given word (`this`, `week`, a weekday): at a number
    // or a sign they are not asked. The order of the offers is kept, as it breaks ties.
    let word = tokens.get(i)?.is_word();
    if word {
        best.offer(weekend(tokens, i, published));
        best.offer(this_quarter(tokens, i, published));
        best.offer(week_of(tokens, i, published));
    }
    best.offer(nth_week(tokens, i, published));
    if word {
        best.offer(week_number(tokens, i, published));
    }
    best.offer(nth_month(tokens, i, published));
    if word {
        best.offer(weekday_of_week(tokens, i, published));
        best.offer(week_then_weekday(tokens, i, published));
        best.offer(weekday_date(tokens, i, published));
    }
    best.offer(century(tokens, i));
    best.offer(day_only(tokens, i, published));
    if word {
        best.offer(day_after_tomorrow(tokens, i, published));
        best.offer(week_after_next(tokens, i, published));
        best.offer(first_or_last_of(tokens, i, published));
    }
    best.0
}

/// `3 days from today`, `two weeks before Christmas`, `a week from Monday`, `4 months from
/// now`, `three months after Easter`: a day counted from another. `2 weeks starting May 20th`
/// is the span from that day. A comparative before the count makes it a bound: `more than 2
/// weeks after today` is open, `less than 3 days after tomorrow` runs from tomorrow; any other
/// qualifier (`about 3 days after`) leaves the offset unread.
pub(super) fn offset_at(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let (n, j) = count_at(tokens, i)?;
    let (unit, k) = unit_at(tokens, j)?;
    let w = tokens.get(k)?;
    let next_is = |word: &str| tokens.get(k + 1).is_some_and(|t| t.is(word));
    let (sign, base_at) = match w.folded.as_ref() {
        "from" | "after" => (1, k + 1),
        "before" => (-1, k + 1),
        "later" | "earlier" if next_is("than") => (if w.is("later") { 1 } else { -1 }, k + 2),
        "prior" if next_is("to") => (-1, k + 2),
        "starting" | "beginning" if next_is("from") || next_is("on") => (0, k + 2),
        "starting" | "beginning" => (0, k + 1),
        // `for 3 days, from today` (the span, below).
        "," if next_is("from") => (1, k + 2),
        _ => return None,
    };
    let before = |back: usize| i.checked_sub(back).and_then(|b| tokens.get(b));
    // `for 3 days from today`: the span that starts there, not the day it ends on.
    let from = w.is("from") || w.text == ",";
    if w.text == "," && !before(1).is_some_and(|f| f.is("for")) {
        return None;
    }
    let (sign, i) = if sign == 1 && from && before(1).is_some_and(|f| f.is("for")) {
        (0, i - 1)
    } else {
        (sign, i)
    };
    let before = |back: usize| i.checked_sub(back).and_then(|b| tokens.get(b));
    let (bound, start) = match (before(2), before(1)) {
        (Some(a), Some(b)) if (a.is("more") || a.is("less")) && b.is("than") => (Some(a.is("more")), i - 2),
        (_, Some(b)) if b.is("over") => (Some(true), i - 1),
        (_, Some(b)) if b.is("under") || b.is("within") => (Some(false), i - 1),
        (_, Some(b))
            if [
                "about", "nearly", "almost", "around", "some", "roughly", "least", "most", "to",
            ]
            .iter()
            .any(|q| b.is(q)) =>
        {
            return None
        }
        _ => (None, i),
    };
    let (base, end, relative) = if tokens.get(base_at).is_some_and(|t| t.is("now")) && sign == 1 {
        (published, base_at + 1, true)
    } else {
        let b = single(tokens, base_at, published)?;
        match b.value {
            Some(_) => {
                let (first, last) = bounds(&b)?;
                if first != last || b.kind != Kind::Date {
                    return None;
                }
                (Some(first), b.end, b.qualifier == Qualifier::Relative)
            }
            None => (None, b.end, true),
        }
    };
    let mut p = date_phrase(
        start,
        end,
        if relative {
            Qualifier::Relative
        } else {
            Qualifier::Exact
        },
    );
    let Some(base) = base else {
        p.resolution = Some("relative date with no publication date".to_string());
        return Some(p);
    };
    if sign == 0 {
        if bound.is_some() {
            return None;
        }
        let last = shift(base, unit, n)? - Duration::days(1);
        set_days(&mut p, base, last);
        return Some(p);
    }
    let mut day = shift(base, unit, sign * n)?;
    // `3 weeks after Christmas on Friday`: that weekday of the week the count lands in.
    let on_weekday = tokens
        .get(end)
        .filter(|t| t.is("on") && bound.is_none())
        .and_then(|_| weekday_of(&tokens.get(end + 1)?.folded));
    if let Some(w) = on_weekday {
        day = monday_of(day) + Duration::days(i64::from(w.num_days_from_monday()));
        p.end = end + 2;
    }
    let d = super::day_number(day);
    let b = super::day_number(base);
    match (bound, sign) {
        (None, _) => set_day(&mut p, day),
        (Some(true), 1) => {
            p.value = Some(Interval::above(d, false));
            p.qualifier = Qualifier::MoreThan;
        }
        (Some(true), _) => {
            p.value = Some(Interval::below(d, false));
            p.qualifier = Qualifier::LessThan;
        }
        (Some(false), 1) => {
            p.value = Some(Interval::half_open(b, d));
            p.qualifier = Qualifier::Range;
        }
        (Some(false), _) => {
            p.value = Some(Interval {
                lo: Some(crate::interval::Bound {
                    value: d,
                    inclusive: false,
                }),
                hi: Some(crate::interval::Bound {
                    value: b,
                    inclusive: true,
                }),
            });
            p.qualifier = Qualifier::Range;
        }
    }
    p.stated = Some((d, d));
    Some(p)
}

/// `the first ten days of last year`, `the last four months of 2021`, `the first 2 weeks of
/// 2021`: the first or last N days, Monday-to-Sunday weeks or months of a year or month.
fn first_or_last_of(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let from_end = match tokens.get(i)?.folded.as_ref() {
        "first" => false,
        "last" => true,
        _ => return None,
    };
    let (n, j) = count_at(tokens, i + 1).filter(|&(_, j)| j > i + 1)?;
    let (unit, k) = unit_at(tokens, j)?;
    if !tokens.get(k)?.is("of") || !(1..=400).contains(&n) {
        return None;
    }
    let (first, last, end, year) = container(tokens, k + 1, published)?;
    let n64 = i64::from(n);
    let (a, b) = match (unit, from_end) {
        (Unit::Day, false) => (first, first + Duration::days(n64 - 1)),
        (Unit::Day, true) => (last - Duration::days(n64 - 1), last),
        (Unit::Month, false) => (first, last_of_month(add_months_clamped(first, n - 1)?)?),
        (Unit::Month, true) => (add_months_clamped(last.with_day(1)?, 1 - n)?, last),
        (Unit::Week, false) => {
            let monday = if year {
                NaiveDate::from_isoywd_opt(first.year(), 1, Weekday::Mon)?
            } else {
                monday_of(first)
            };
            (monday, monday + Duration::days(7 * n64 - 1))
        }
        (Unit::Week, true) => {
            // Whole weeks inside the period.
            let sunday = last - Duration::days(i64::from((last.weekday().num_days_from_monday() + 1) % 7));
            (sunday - Duration::days(7 * n64 - 1), sunday)
        }
        _ => return None,
    };
    if a < first - Duration::days(6) || b > last + Duration::days(6) {
        return None;
    }
    let mut p = date_phrase(i, end, Qualifier::Range);
    set_days(&mut p, a, b);
    Some(p)
}

/// `the week after next`: the week two weeks on from the publication week.
fn week_after_next(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let words = ["week", "after", "next"];
    if !words
        .iter()
        .enumerate()
        .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.is(w)))
    {
        return None;
    }
    let mut p = date_phrase(i, i + 3, Qualifier::Relative);
    let Some(published) = published else {
        p.resolution = Some("relative date with no publication date".to_string());
        return Some(p);
    };
    let monday = monday_of(published) + Duration::days(14);
    set_days(&mut p, monday, monday + Duration::days(6));
    p.resolution = Some(format!("counted from the publication date {published}"));
    Some(p)
}

/// A count of periods: `3`, `three`, `a`, `an`, `a couple of`.
pub(super) fn count_at(tokens: &[Token], i: usize) -> Option<(i32, usize)> {
    let t = tokens.get(i)?;
    if t.is("a") || t.is("an") || t.is("couple") {
        let couple = |j: usize| tokens.get(j).is_some_and(|c| c.is("couple"));
        let j = if t.is("couple") { i } else { i + 1 };
        if couple(j) {
            let of = tokens.get(j + 1).is_some_and(|o| o.is("of"));
            return Some((2, j + 1 + usize::from(of)));
        }
        return (!t.is("couple")).then_some((1, i + 1));
    }
    if t.is_number() && t.text.bytes().all(|b| b.is_ascii_digit()) && t.text.len() <= 4 {
        return Some((t.text.parse().ok()?, i + 1));
    }
    match number_word(&t.folded)? {
        NumberWord::Small(v) if v >= 1.0 => {
            // `twenty five`.
            let unit = tokens.get(i + 1).and_then(|u| match number_word(&u.folded) {
                Some(NumberWord::Small(d)) if v >= 20.0 && v % 10.0 == 0.0 && d < 10.0 && d > 0.0 => Some(d),
                _ => None,
            });
            match unit {
                Some(d) => Some(((v + d) as i32, i + 2)),
                None => Some((v as i32, i + 1)),
            }
        }
        _ => None,
    }
}

/// `day(s)`, `business day(s)`, `working day(s)`, `week(s)`, `fortnight(s)`, `month(s)`,
/// `quarter(s)`, `year(s)`.
pub(super) fn unit_at(tokens: &[Token], j: usize) -> Option<(Unit, usize)> {
    let word = tokens.get(j)?.folded.as_ref();
    if matches!(word, "business" | "working" | "work")
        && tokens.get(j + 1).is_some_and(|d| d.is("day") || d.is("days"))
    {
        return Some((Unit::BusinessDay, j + 2));
    }
    let word = crate::token::trim_possessive(word);
    let unit = match word.trim_end_matches('s') {
        "day" => Unit::Day,
        "week" => Unit::Week,
        "fortnight" => Unit::Fortnight,
        "month" => Unit::Month,
        "quarter" => Unit::Quarter,
        "year" => Unit::Year,
        _ => return None,
    };
    Some((unit, j + 1))
}

/// `date` moved by `n` units; months and years keep the day of the month where it exists
/// (31 January plus a month is 28 or 29 February).
pub(super) fn shift(date: NaiveDate, unit: Unit, n: i32) -> Option<NaiveDate> {
    let days = |d: i64| date.checked_add_signed(Duration::days(d));
    match unit {
        Unit::Day => days(i64::from(n)),
        Unit::BusinessDay => {
            // Step one day at a time over weekends; a count of working days stays small.
            if n.unsigned_abs() > 10_000 {
                return None;
            }
            let step = Duration::days(if n < 0 { -1 } else { 1 });
            let mut d = date;
            for _ in 0..n.unsigned_abs() {
                d = d.checked_add_signed(step)?;
                while d.weekday().num_days_from_monday() >= 5 {
                    d = d.checked_add_signed(step)?;
                }
            }
            Some(d)
        }
        Unit::Week => days(7 * i64::from(n)),
        Unit::Fortnight => days(14 * i64::from(n)),
        Unit::Month => add_months_clamped(date, n),
        Unit::Quarter => add_months_clamped(date, 3 * n),
        Unit::Year => add_months_clamped(date, 12 * n),
    }
}

fn add_months_clamped(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    let total = date.year().checked_mul(12)? + date.month0() as i32 + months;
    let first = NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)?;
    let last = last_of_month(first)?;
    first.with_day(date.day().min(last.day()))
}

/// The Monday of the week holding `date`.
pub(super) fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// The first day of the quarter holding `date`.
pub(super) fn quarter_start(date: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(date.year(), date.month0() / 3 * 3 + 1, 1)
}

/// `this weekend`, `next weekend`, `last weekend`, `the weekend`: a Saturday and Sunday. A
/// bare `the weekend` is the coming one, or the last one after a verb in the past tense.
fn weekend(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let t = tokens.get(i)?;
    let (shift_weeks, w) = match t.folded.as_ref() {
        "this" | "coming" | "upcoming" => (0, i + 1),
        "next" => (1, i + 1),
        "last" | "past" => (-1, i + 1),
        "weekend" => {
            // `the weekend`, not `a weekend trip` or `weekend sales`.
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
            if !prev.is_some_and(|p| p.is("the")) {
                return None;
            }
            (if tense_before(tokens, i) < 0 { -1 } else { 0 }, i)
        }
        _ => return None,
    };
    if !tokens.get(w)?.is("weekend") {
        return None;
    }
    let mut p = date_phrase(i, w + 1, Qualifier::Relative);
    let Some(published) = published else {
        p.resolution = Some("relative date with no publication date".to_string());
        return Some(p);
    };
    let mut saturday = monday_of(published) + Duration::days(5);
    // On a Saturday or Sunday, `the weekend` said in the past tense is this one.
    if t.is("weekend") && shift_weeks == -1 && published.weekday().num_days_from_monday() >= 5 {
        saturday += Duration::days(7);
    }
    let saturday = saturday + Duration::days(7 * shift_weeks);
    set_days(&mut p, saturday, saturday + Duration::days(1));
    p.resolution = Some(format!("weekend counted from the publication date {published}"));
    Some(p)
}

/// `this quarter`, `current quarter`, `last quarter`, `previous quarter`, `next quarter`:
/// calendar quarters around publication.
fn this_quarter(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let shift_q = match tokens.get(i)?.folded.as_ref() {
        "this" | "current" => 0,
        "last" | "previous" | "past" => -1,
        "next" | "coming" | "upcoming" | "following" => 1,
        _ => return None,
    };
    if !tokens.get(i + 1)?.is("quarter") {
        return None;
    }
    let mut p = date_phrase(i, i + 2, Qualifier::Relative);
    // `the following quarter` usually follows a narrated time.
    if tokens[i].is("following") {
        p.doubt = Some(Doubt::Ambiguous);
    }
    let Some(published) = published else {
        p.resolution = Some("relative date with no publication date".to_string());
        return Some(p);
    };
    let first = add_months_clamped(quarter_start(published)?, 3 * shift_q)?;
    let last = last_of_month(add_months_clamped(first, 2)?)?;
    set_days(&mut p, first, last);
    p.resolution = Some(format!("quarter counted from the publication date {published}"));
    Some(p)
}

/// `week of April 10`, `week beginning February 4`, `w/c Feb 4`: the week holding that day.
fn week_of(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let t = tokens.get(i)?;
    let mut j = if t.is("week") {
        match tokens.get(i + 1)?.folded.as_ref() {
            "of" => i + 2,
            "beginning" | "commencing" | "starting" => i + 2,
            _ => return None,
        }
    } else if t.is("w")
        && tokens
            .get(i + 1)
            .is_some_and(|s| s.text == "/" && !s.space_before)
        && tokens.get(i + 2).is_some_and(|c| c.is("c") && !c.space_before)
    {
        i + 3
    } else {
        return None;
    };
    if tokens.get(j).is_some_and(|t| t.is("on") || t.is("the")) {
        j += 1;
    }
    let day = single(tokens, j, published)?;
    let mut p = date_phrase(i, day.end, day.qualifier);
    p.resolution = day.resolution.clone();
    if day.value.is_some() {
        let (first, last) = bounds(&day)?;
        if first != last || day.kind != Kind::Date {
            return None;
        }
        let monday = monday_of(first);
        set_days(&mut p, monday, monday + Duration::days(6));
    }
    Some(p)
}

/// An ordinal from 1 to 5 (`first`, `3rd`) or `last` (0) at `i`, with the index after it.
fn week_ordinal(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let t = tokens.get(i)?;
    if t.is("last") {
        return Some((0, i + 1));
    }
    if let Some(n) = spelled::ordinal_word(&t.folded) {
        return Some((n, i + 1));
    }
    let (n, end) = day_at(tokens, i)?;
    (end == i + 2).then_some((n, end))
}

/// The period after `of` that a week or month is counted in: a year (`2021`, `next year`) or
/// a month (`July`, `Dec 2016`, `this month`).
fn container(
    tokens: &[Token],
    k: usize,
    published: Option<NaiveDate>,
) -> Option<(NaiveDate, NaiveDate, usize, bool)> {
    if let Some(y) = tokens
        .get(k)
        .filter(|y| y.is_number() && y.text.len() == 4)
        .and_then(|y| y.number_value())
    {
        let first = NaiveDate::from_ymd_opt(y as i32, 1, 1)?;
        return Some((first, first.with_month(12)?.with_day(31)?, k + 1, true));
    }
    // `july`, `Dec 2016`: a month in any case after `of`.
    if let Some(m) = tokens
        .get(k)
        .filter(|t| t.is_word())
        .and_then(|t| super::month_of(t.text))
    {
        let year = tokens
            .get(k + 1)
            .filter(|y| y.is_number() && y.text.len() == 4)
            .and_then(|y| y.text.parse::<i32>().ok());
        let (first, end) = match year {
            Some(y) => (NaiveDate::from_ymd_opt(y, m, 1)?, k + 2),
            None => (super::nearest_year(published?, m, 15)?.with_day(1)?, k + 1),
        };
        return Some((first, last_of_month(first)?, end, false));
    }
    let p = single(tokens, k, published)?;
    let (first, last) = bounds(&p)?;
    let whole_year = first.month() == 1 && first.day() == 1 && last.month() == 12 && last.day() == 31;
    let whole_month = first.day() == 1 && last == last_of_month(first)?;
    if whole_year && first.year() == last.year() {
        Some((first, last, p.end, true))
    } else if whole_month {
        Some((first, last, p.end, false))
    } else {
        None
    }
}

/// `the first week of 2021` (ISO week 1), `3rd week of Jan`, `the last week of July` (the
/// last Monday-to-Sunday week inside it).
fn nth_week(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let (n, j) = week_ordinal(tokens, i)?;
    if !(tokens.get(j)?.is("week") && tokens.get(j + 1)?.is("of")) {
        return None;
    }
    let (first, last, end, year) = container(tokens, j + 2, published)?;
    let monday = match (year, n) {
        (true, 0) => {
            let w = NaiveDate::from_ymd_opt(first.year(), 12, 28)?.iso_week().week();
            NaiveDate::from_isoywd_opt(first.year(), w, Weekday::Mon)?
        }
        (true, n) => NaiveDate::from_isoywd_opt(first.year(), n, Weekday::Mon)?,
        // The week holding the month's last day if most of it is in the month, else the one
        // before: ISO's rule for the weeks of a year, applied to a month.
        (false, 0) => {
            let m = monday_of(last);
            if (last - m).num_days() < 3 {
                m - Duration::days(7)
            } else {
                m
            }
        }
        (false, n) => monday_of(first) + Duration::days(7 * (i64::from(n) - 1)),
    };
    let mut p = date_phrase(i, end, Qualifier::Range);
    set_days(&mut p, monday, monday + Duration::days(6));
    Some(p)
}

/// `week 31`, `week 3 of 2027`, `week 27 of last year`: an ISO week, of the publication year
/// when none is named.
fn week_number(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    if !tokens.get(i)?.is("week") {
        return None;
    }
    let n = tokens
        .get(i + 1)
        .filter(|t| t.is_number() && t.text.len() <= 2)?
        .number_value()? as u32;
    if !(1..=53).contains(&n) {
        return None;
    }
    let (year, end) = if tokens.get(i + 2).is_some_and(|t| t.is("of")) {
        let (first, _, end, true) = container(tokens, i + 3, published)? else {
            return None;
        };
        (first.year(), end)
    } else {
        match published {
            Some(p) => (p.year(), i + 2),
            None => {
                let mut p = date_phrase(i, i + 2, Qualifier::Relative);
                p.resolution = Some("no year and no publication date".to_string());
                return Some(p);
            }
        }
    };
    let monday = NaiveDate::from_isoywd_opt(year, n, Weekday::Mon)?;
    let mut p = date_phrase(i, end, Qualifier::Range);
    set_days(&mut p, monday, monday + Duration::days(6));
    Some(p)
}

/// `the third month of 2021`, `the 9th month of next year`.
fn nth_month(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let (n, j) = week_ordinal(tokens, i)
        .filter(|&(n, _)| n > 0)
        .or_else(|| {
            let (n, end) = day_at(tokens, i)?;
            (end == i + 2).then_some((n, end))
        })
        .or_else(|| {
            spelled::day_words(tokens, i)
                .filter(|d| d.2)
                .map(|(d, e, _)| (d, e))
        })?;
    if !((1..=12).contains(&n) && tokens.get(j)?.is("month") && tokens.get(j + 1)?.is("of")) {
        return None;
    }
    let (first, _, end, true) = container(tokens, j + 2, published)? else {
        return None;
    };
    let month = first.with_month(n)?;
    let mut p = date_phrase(i, end, Qualifier::Exact);
    set_days(&mut p, month, last_of_month(month)?);
    Some(p)
}

/// The week `n` weeks from the publication week named by a word: `next` 1, `last` -1.
fn week_shift(word: &str) -> Option<i64> {
    match word {
        "this" => Some(0),
        "next" | "following" => Some(1),
        "last" | "previous" => Some(-1),
        _ => None,
    }
}

/// `Tuesday of next week`, `Monday of the following week`.
fn weekday_of_week(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let w = weekday_of(&tokens.get(i)?.folded)?;
    if !tokens.get(i + 1)?.is("of") {
        return None;
    }
    let mut j = i + 2;
    if tokens.get(j).is_some_and(|t| t.is("the")) {
        j += 1;
    }
    let shift_weeks = week_shift(&tokens.get(j)?.folded)?;
    if !tokens.get(j + 1)?.is("week") {
        return None;
    }
    in_week(i, j + 2, w, shift_weeks, published)
}

/// `next week Wednesday`, `next week on Tuesday`, `previous week - Monday`.
fn week_then_weekday(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let shift_weeks = week_shift(&tokens.get(i)?.folded)?;
    if !tokens.get(i + 1)?.is("week") {
        return None;
    }
    let mut j = i + 2;
    if tokens
        .get(j)
        .is_some_and(|t| t.is("on") || t.text == "," || (t.is_hyphen() && t.space_before))
    {
        j += 1;
    }
    let w = weekday_of(&tokens.get(j)?.folded).or_else(|| weekday_abbreviation(&tokens.get(j)?.folded))?;
    in_week(i, j + 1, w, shift_weeks, published)
}

fn in_week(
    start: usize,
    end: usize,
    w: Weekday,
    shift_weeks: i64,
    published: Option<NaiveDate>,
) -> Option<Phrase> {
    let mut p = date_phrase(start, end, Qualifier::Relative);
    let Some(published) = published else {
        p.resolution = Some("weekday with no publication date".to_string());
        return Some(p);
    };
    let day = monday_of(published) + Duration::days(7 * shift_weeks + i64::from(w.num_days_from_monday()));
    set_day(&mut p, day);
    p.resolution = Some(format!("{w:?} counted from the publication date {published}"));
    Some(p)
}

/// A weekday before a date or a day of the month: `Friday 5/12`, `Fri 14th`, `Wednesday the
/// thirty first`, `Friday-Jun-15`. A day of the month alone goes to the nearest month where it
/// falls on that weekday; a full date is checked against the weekday.
fn weekday_date(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let t = tokens.get(i)?;
    let w = weekday_of(&t.folded).or_else(|| weekday_abbreviation(&t.folded))?;
    let mut j = i + 1;
    if tokens
        .get(j)
        .is_some_and(|s| s.text == "," || (s.is_hyphen() && !s.space_before) || s.is("the"))
    {
        j += 1;
    }
    let next = tokens.get(j)?;
    if weekday_of(&next.folded).is_none() {
        // Only a date written out is checked against the weekday; `Monday two weeks from now`
        // combines the two in ways that are better left unread.
        let written = |d: &Phrase| d.kind == Kind::Date && d.qualifier == Qualifier::Exact;
        if let Some(d) = single(tokens, j, published).filter(written) {
            let mut p = date_phrase(i, d.end, d.qualifier);
            p.value = d.value;
            p.stated = d.stated;
            p.resolution = d.resolution.clone();
            if let Some((first, last)) = bounds(&d) {
                if first != last {
                    return None;
                }
                if first.weekday() != w {
                    p.resolution = Some(format!(
                        "the stated weekday, {}, does not match {first}, a {}",
                        super::weekday_name(w),
                        super::weekday_name(first.weekday())
                    ));
                    p.doubt = Some(Doubt::Inconsistent);
                }
            }
            return Some(p);
        }
    }
    let (d, end) = day_at(tokens, j).or_else(|| spelled::day_words(tokens, j).map(|(d, e, _)| (d, e)))?;
    // `Saturday 16:05`: a time of the day, not the 16th.
    let clock = tokens.get(end).is_some_and(|c| c.text == ":" && !c.space_before)
        && tokens
            .get(end + 1)
            .is_some_and(|m| m.is_number() && !m.space_before);
    if clock {
        return None;
    }
    // `Friday 13 people` counts people.
    if tokens
        .get(end)
        .is_some_and(|n| n.is_word() && !spelled::free_after(tokens, end))
    {
        return None;
    }
    let mut p = date_phrase(i, end, Qualifier::Relative);
    let Some(published) = published else {
        p.resolution = Some("weekday with no publication date".to_string());
        return Some(p);
    };
    let month = published.with_day(1)?;
    let date = (-24..=24)
        .filter_map(|k| add_months_clamped(month, k)?.with_day(d))
        .filter(|c| c.weekday() == w)
        .min_by_key(|c| (*c - published).num_days().abs())?;
    set_day(&mut p, date);
    p.resolution = Some(format!(
        "the {w:?} {d} nearest to the publication date {published}"
    ));
    Some(p)
}

/// `the 15th century`, `the twenty-first century`: a hundred years.
fn century(tokens: &[Token], i: usize) -> Option<Phrase> {
    let (n, j) = match day_at(tokens, i) {
        Some((n, end)) if end == i + 2 => (n, end),
        _ => spelled::day_words(tokens, i)
            .filter(|d| d.2)
            .map(|(d, e, _)| (d, e))?,
    };
    let mut k = j;
    if tokens.get(k).is_some_and(|h| h.is_hyphen() && !h.space_before) {
        k += 1;
    }
    if !tokens.get(k)?.is("century") || !(1..=21).contains(&n) {
        return None;
    }
    let first = (n as i32 - 1) * 100;
    let mut p = year_phrase(i, k + 1, first);
    p.value = Some(crate::interval::Interval::closed(
        f64::from(first),
        f64::from(first + 99),
    ));
    p.stated = Some((f64::from(first), f64::from(first + 99)));
    p.qualifier = Qualifier::Range;
    Some(p)
}

/// `on the 18th`, `by the 4th`: a day of the month alone, in the month nearest publication
/// that has it. Only after such a preposition and `the`, and not before a noun (`the 18th
/// century`, `the 80th anniversary`).
fn day_only(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let before = |k: usize| i.checked_sub(k).and_then(|p| tokens.get(p));
    if !before(1).is_some_and(|t| t.is("the")) {
        return None;
    }
    if !before(2).is_some_and(|t| {
        [
            "on", "by", "until", "till", "since", "from", "before", "after", "of",
        ]
        .iter()
        .any(|w| t.is(w))
    }) {
        return None;
    }
    let (d, end) = match day_at(tokens, i) {
        Some((d, end)) if end == i + 2 => (d, end),
        _ => spelled::day_words(tokens, i)
            .filter(|d| d.2)
            .map(|(d, e, _)| (d, e))?,
    };
    if tokens
        .get(end)
        .is_some_and(|n| n.is_word() && !spelled::free_after(tokens, end))
    {
        return None;
    }
    let mut p = date_phrase(i, end, Qualifier::Relative);
    let Some(published) = published else {
        p.resolution = Some("day of the month with no publication date".to_string());
        return Some(p);
    };
    let month = published.with_day(1)?;
    let date = (-1..=1)
        .filter_map(|k| add_months_clamped(month, k)?.with_day(d))
        .min_by_key(|c| (*c - published).num_days().abs())?;
    set_day(&mut p, date);
    p.resolution = Some(format!("month taken from the publication date {published}"));
    Some(p)
}

/// `the day after tomorrow`, `the day before yesterday`.
fn day_after_tomorrow(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    if !tokens.get(i)?.is("day") {
        return None;
    }
    let offset = match (
        tokens.get(i + 1)?.folded.as_ref(),
        tokens.get(i + 2)?.folded.as_ref(),
    ) {
        ("after", "tomorrow") => 2,
        ("before", "yesterday") => -2,
        _ => return None,
    };
    let mut p = date_phrase(i, i + 3, Qualifier::Relative);
    match published {
        Some(d) => {
            set_day(&mut p, d + Duration::days(offset));
            p.resolution = Some(format!("counted from the publication date {d}"));
        }
        None => p.resolution = Some("relative date with no publication date".to_string()),
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use crate::when::tests::{days, iso, span};

    #[test]
    fn weekends_and_quarters() {
        // 2016-11-07 was a Monday.
        assert_eq!(
            span("dinner this weekend", "2016-11-07"),
            days("2016-11-12", "2016-11-13")
        );
        assert_eq!(
            span("it rained last weekend", "2016-11-07"),
            days("2016-11-05", "2016-11-06")
        );
        assert_eq!(
            span("a game over the weekend", "2016-11-07"),
            days("2016-11-12", "2016-11-13")
        );
        assert_eq!(
            span("he was there over the weekend", "2016-11-07"),
            days("2016-11-05", "2016-11-06")
        );
        assert_eq!(
            span("sales for last quarter", "2019-07-10"),
            days("2019-04-01", "2019-06-30")
        );
        assert_eq!(
            span("sales this quarter", "2019-07-10"),
            days("2019-07-01", "2019-09-30")
        );
    }

    #[test]
    fn weeks() {
        assert_eq!(
            span("the week of April 10th", "2017-03-01"),
            days("2017-04-10", "2017-04-16")
        );
        assert_eq!(span("w/c Feb 4", "2019-01-20"), days("2019-02-04", "2019-02-10"));
        assert_eq!(
            span("the first week of 2021", "2019-01-01"),
            days("2021-01-04", "2021-01-10")
        );
        assert_eq!(
            span("first week of 2015", "2019-01-01"),
            days("2014-12-29", "2015-01-04")
        );
        assert_eq!(
            span("the last week of July 2016", "2019-01-01"),
            days("2016-07-25", "2016-07-31")
        );
        assert_eq!(
            span("the last week of July 2017", "2019-01-01"),
            days("2017-07-24", "2017-07-30")
        );
        assert_eq!(
            span("last week of Dec 2016", "2019-01-01"),
            days("2016-12-26", "2017-01-01")
        );
        assert_eq!(
            span("3rd week of Jan 2019", "2019-05-01"),
            days("2019-01-14", "2019-01-20")
        );
        assert_eq!(span("in week 31", "2018-07-01"), days("2018-07-30", "2018-08-05"));
        assert_eq!(
            span("the third month of 2021", "2018-07-01"),
            days("2021-03-01", "2021-03-31")
        );
    }

    #[test]
    fn weekdays_with_weeks_and_days() {
        // 2019-07-30 was a Tuesday.
        assert_eq!(iso("on tuesday of last week", "2019-07-30"), "2019-07-23");
        assert_eq!(iso("next week Wednesday", "2018-11-28"), "2018-12-05");
        assert_eq!(iso("on Friday 31", "2019-02-20"), "2019-05-31");
        assert_eq!(iso("Mon 13th", "2022-01-01"), "2021-12-13");
        assert_eq!(iso("on the 18th.", "2018-08-10"), "2018-08-18");
        assert_eq!(iso("the day after tomorrow", "2018-08-10"), "2018-08-12");
    }

    #[test]
    fn first_and_last_units_of_a_period() {
        assert_eq!(
            span("the last four months of 2021", "2018-07-04"),
            days("2021-09-01", "2021-12-31")
        );
        assert_eq!(
            span("first ten days of last year", "2021-07-04"),
            days("2020-01-01", "2020-01-10")
        );
        assert_eq!(
            span("the first 2 weeks of 2021", "2018-07-04"),
            days("2021-01-04", "2021-01-17")
        );
        assert_eq!(
            span("the last 3 weeks of this year", "2019-07-04"),
            days("2019-12-09", "2019-12-29")
        );
    }

    #[test]
    fn offsets_from_a_day() {
        assert_eq!(iso("3 days from today", "2019-08-24"), "2019-08-27");
        // A weekday after the offset picks that day of the week the count lands in.
        assert_eq!(
            iso("I'll go back 3 weeks after Christmas on Friday.", "2021-11-09"),
            "2022-01-14"
        );
        // `for N days from` a day is the span starting there.
        assert_eq!(
            crate::when::tests::span("set OOO for 1 week, from 20th dec", "2018-11-07"),
            ("2018-12-20".into(), "2018-12-26".into())
        );
        // Without `for`, the comma ends the count: only `today` is a date.
        assert_eq!(
            crate::when::tests::iso("3 days, from today", "2018-05-23"),
            "2018-05-23"
        );
        let p = crate::when::tests::first("set OOO for 3 days from today", "2018-05-23");
        let v = p.value.unwrap();
        assert_eq!(
            (
                v.lo_value().and_then(crate::when::date_of),
                v.hi_value().and_then(crate::when::date_of)
            ),
            (
                chrono::NaiveDate::from_ymd_opt(2018, 5, 23),
                chrono::NaiveDate::from_ymd_opt(2018, 5, 25)
            )
        );
        assert_eq!(iso("two weeks before Christmas 2016", "2016-01-01"), "2016-12-11");
        assert_eq!(iso("a week from Monday", "2016-11-09"), "2016-11-14");
        assert_eq!(iso("4 months from tomorrow", "2016-11-07"), "2017-03-08");
        assert_eq!(
            iso("one month after January 31, 2021", "2016-11-07"),
            "2021-02-28"
        );
    }

    #[test]
    fn centuries() {
        let p = crate::when::tests::first("in the 15th century", "2020-01-01");
        assert_eq!(p.value, Some(crate::interval::Interval::closed(1400.0, 1499.0)));
    }
}
