//! Time expressions: calendar dates, weekdays and relative days, months and years.
//!
//! Dates are held as day numbers (days since 0001-01-01, chrono's `num_days_from_ce`) so
//! that they fit the same [`Interval`] as every other value; reports print them as ISO dates.
//! Relative expressions ("last year", "Wednesday") are resolved against the publication date
//! and say so in the claim's `resolution`; without a date they stay unresolved.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::claim::{Kind, Qualifier};
use crate::extract::{relation_before, Phrase};
use crate::interval::Interval;
use crate::token::Token;

/// The day number of a date, as stored in intervals.
pub fn day_number(date: NaiveDate) -> f64 {
    f64::from(date.num_days_from_ce())
}

/// The date of a day number, if it is a valid one.
pub fn date_of(day: f64) -> Option<NaiveDate> {
    if !day.is_finite() || day.abs() > 1e8 {
        return None;
    }
    NaiveDate::from_num_days_from_ce_opt(day.floor() as i32)
}

mod holiday;
mod numeric;
mod open;
mod period;
mod range;
mod spelled;

/// A time expression starting at token `i`: a range (`from May to October 2020`), an
/// open-ended date (`after 2018`, `before March`), an offset from a date (`3 days after
/// Christmas`) or a single date, month, week, quarter or year.
pub fn time_at(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    open::open_at(tokens, i, published)
        .or_else(|| range::range_at(tokens, i, published))
        .or_else(|| single(tokens, i, published))
        .map(|mut p| {
            if p.relation.is_none() {
                p.relation = relation_before(tokens, p.start).or_else(|| as_of_before(tokens, p.start));
            }
            p
        })
}

/// Whether a word may start a time expression that does not start with a number, a month or
/// a weekday (those the extractor already tries): `after 2018`, `the day after tomorrow`,
/// `Christmas`, `the nineties`.
pub fn may_start(word: &str) -> bool {
    open::TRIGGERS.contains(&word)
        || range::TRIGGERS.contains(&word)
        || period::TRIGGERS.contains(&word)
        || spelled::ordinal_word(word).is_some()
        || holiday::TRIGGERS.contains(&word)
        || weekday_of(word).is_some()
        || weekday_abbreviation(word).is_some()
}

/// One time point or period starting at `i`: the longest reading any parser finds (`Friday,
/// September 5` rather than `Friday`).
fn single(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let candidates = [
        period::offset_at(tokens, i, published),
        holiday::holiday_at(tokens, i, published),
        numeric::numeric_at(tokens, i, published),
        spelled::spelled_at(tokens, i, published),
        calendar_date(tokens, i, published),
        iso_date(tokens, i),
        period::period_at(tokens, i, published),
        weekday(tokens, i, published),
        relative(tokens, i, published),
        part_of_period(tokens, i, published),
        span_from_now(tokens, i, published),
        quarter(tokens, i, published),
        month_alone(tokens, i, published),
        year_month(tokens, i),
    ];
    candidates
        .into_iter()
        .flatten()
        .filter(|p| p.end > i)
        .fold(None, |best: Option<Phrase>, p| match best {
            Some(b) if b.end >= p.end => Some(b),
            _ => Some(p),
        })
}

/// The first and last day a resolved date or year phrase covers.
fn bounds(p: &Phrase) -> Option<(NaiveDate, NaiveDate)> {
    let v = p.value?;
    let (lo, hi) = (v.lo_value()?, v.hi_value()?);
    match p.kind {
        Kind::Year => Some((year_first(lo)?, year_first(hi)?.with_month(12)?.with_day(31)?)),
        Kind::Date => Some((date_of(lo)?, date_of(hi)?)),
        _ => None,
    }
}

/// 1 January of a year held as a number.
fn year_first(y: f64) -> Option<NaiveDate> {
    if !y.is_finite() || y.abs() > 100_000.0 {
        return None;
    }
    NaiveDate::from_ymd_opt(y as i32, 1, 1)
}

/// The direction a bare weekday points in, from the words before it: `will resume on
/// Monday` and `is due on Monday` look ahead (2: the coming one, or today), `was signed on
/// Monday` and `said on Monday` look back (-2: the last one, or today), anything else takes
/// the nearest day (0).
fn tense_before(tokens: &[Token], i: usize) -> i32 {
    const FUTURE: &[&str] = &[
        "will",
        "due",
        "scheduled",
        "expected",
        "set",
        "planned",
        "plans",
        "shall",
        "going",
        "resume",
        "resumes",
    ];
    const PAST: &[&str] = &[
        "was",
        "were",
        "had",
        "did",
        "said",
        "says",
        "told",
        "announced",
        "began",
        "ended",
        "happened",
    ];
    for t in tokens[..i].iter().rev().take(6) {
        if FUTURE.iter().any(|w| t.is(w)) {
            return 2;
        }
        if PAST.iter().any(|w| t.is(w)) {
            return -2;
        }
    }
    0
}

/// `by Tuesday`, `as of March 3`: the date a figure is current at.
fn as_of_before(tokens: &[Token], i: usize) -> Option<String> {
    let word = |back: usize| i.checked_sub(back).and_then(|j| tokens.get(j));
    let by = word(1).is_some_and(|t| t.is("by") || t.is("until") || t.is("through"));
    let as_of = word(1).is_some_and(|t| t.is("of")) && word(2).is_some_and(|t| t.is("as"));
    (by || as_of).then(|| "as_of".to_string())
}

/// The month number of a month name or abbreviation (`Sept.`, `Sep`), capitalised as in prose.
pub fn month_number(word: &str) -> Option<u32> {
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    month_of(word)
}

/// The month number of a month name or abbreviation in any case, without allocating.
pub fn month_of(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const ABBREVIATIONS: [(&str, u32); 12] = [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ];
    if let Some(i) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(word)) {
        return Some(i as u32 + 1);
    }
    ABBREVIATIONS
        .iter()
        .find(|(a, _)| a.eq_ignore_ascii_case(word))
        .map(|(_, m)| *m)
}

fn weekday_of(word: &str) -> Option<Weekday> {
    match word.to_lowercase().as_str() {
        "monday" => Some(Weekday::Mon),
        "tuesday" => Some(Weekday::Tue),
        "wednesday" => Some(Weekday::Wed),
        "thursday" => Some(Weekday::Thu),
        "friday" => Some(Weekday::Fri),
        "saturday" => Some(Weekday::Sat),
        "sunday" => Some(Weekday::Sun),
        _ => None,
    }
}

/// A weekday abbreviation (`Mon`, `Tues`, `Thu`): read only before a day of the month, where
/// `Sun` and `Sat` cannot be a newspaper or a verb.
fn weekday_abbreviation(word: &str) -> Option<Weekday> {
    match word.to_lowercase().trim_end_matches('.') {
        "mon" => Some(Weekday::Mon),
        "tue" | "tues" => Some(Weekday::Tue),
        "wed" => Some(Weekday::Wed),
        "thu" | "thur" | "thurs" => Some(Weekday::Thu),
        "fri" => Some(Weekday::Fri),
        "sat" => Some(Weekday::Sat),
        "sun" => Some(Weekday::Sun),
        _ => None,
    }
}

/// A year phrase: the single year `year`.
fn year_phrase(start: usize, end: usize, year: i32) -> Phrase {
    let mut p = date_phrase(start, end, Qualifier::Exact);
    p.kind = Kind::Year;
    let y = f64::from(year);
    p.value = Some(Interval::point(y));
    p.stated = Some((y, y));
    p
}

/// A year written in digits where a date may stand (`2018`, `the year 2020`, `year 2012`),
/// for the ends of ranges and open intervals; not a count (`2000 troops`).
fn year_at(tokens: &[Token], j: usize) -> Option<Phrase> {
    let mut k = j;
    if tokens.get(k).is_some_and(|t| t.is("the")) && tokens.get(k + 1).is_some_and(|t| t.is("year")) {
        k += 1;
    }
    if tokens.get(k).is_some_and(|t| t.is("year")) {
        k += 1;
    }
    let t = tokens
        .get(k)
        .filter(|t| t.is_number() && t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit()))?;
    let y: i32 = t.text.parse().ok()?;
    if !(1000..=2100).contains(&y) {
        return None;
    }
    // `2,000 troops` has a separator; `2000 troops` counts troops.
    if let Some(next) = tokens.get(k + 1).filter(|n| n.is_word()) {
        let w = next.folded.as_ref();
        let singular_s = w.ends_with("ss") || w.ends_with("us") || w.ends_with("is");
        let counted = (w.ends_with('s') && !singular_s && !w.contains('\'') && w.len() > 3)
            || [
                "people",
                "children",
                "men",
                "women",
                "police",
                "staff",
                "personnel",
            ]
            .contains(&w);
        if counted {
            return None;
        }
    }
    // `2015-32`, `2019-aug-01`, `2017-q1`: the year is part of something longer.
    if tokens
        .get(k + 1)
        .is_some_and(|h| (h.is_hyphen() || h.text == "/") && !h.space_before)
        && tokens.get(k + 2).is_some_and(|n| !n.space_before)
    {
        return None;
    }
    Some(year_phrase(j, k + 1, y))
}

/// `2017 April`, `in 2017 april`: a year then a month.
fn year_month(tokens: &[Token], i: usize) -> Option<Phrase> {
    let y = tokens
        .get(i)
        .filter(|y| y.is_number() && y.text.len() == 4 && y.text.bytes().all(|b| b.is_ascii_digit()))?;
    let w = tokens.get(i + 1).filter(|w| w.is_word())?;
    let full_lower = w.text.len() > 3 && !matches!(w.folded.as_ref(), "may" | "march" | "august");
    let m = month_number(w.text).or_else(|| full_lower.then(|| month_of(w.text)).flatten())?;
    if tokens.get(i + 2).is_some_and(|n| n.is_number()) {
        return None;
    }
    let first = NaiveDate::from_ymd_opt(y.text.parse().ok()?, m, 1)?;
    let mut p = date_phrase(i, i + 2, Qualifier::Exact);
    set_days(&mut p, first, last_of_month(first)?);
    Some(p)
}

/// A month named alone: `this September`, `last March`, `next May`, or a month after a word
/// that introduces dates (`in October`, `since August`, `until March`). The year is the
/// publication year for `this`, the latest past one for `last` and after `since`, the next one
/// for `next`, else the one that puts the month nearest publication.
fn month_alone(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let t = tokens.get(i)?;
    let (modifier, j) = match t.folded.as_ref() {
        "this" => (Some(0), i + 1),
        "last" | "past" | "previous" => (Some(-1), i + 1),
        "next" | "coming" => (Some(1), i + 1),
        _ => (None, i),
    };
    let w = tokens.get(j).filter(|w| w.is_word())?;
    // Lower case only for full names that are not common words (`this may`, `may or may not`).
    let full_lower = w.text.len() > 3 && !matches!(w.folded.as_ref(), "may" | "march" | "august");
    let m = month_number(w.text).or_else(|| full_lower.then(|| month_of(w.text)).flatten())?;
    if modifier.is_none() {
        let prev = i.checked_sub(1).and_then(|p| tokens.get(p))?;
        let intro = [
            "in", "since", "until", "till", "by", "before", "after", "from", "during", "through", "to",
        ]
        .iter()
        .any(|x| prev.is(x));
        if !intro {
            return None;
        }
    }
    // `May's`, `May-based`: not a month.
    if tokens
        .get(j + 1)
        .is_some_and(|h| h.is_hyphen() && !h.space_before)
    {
        return None;
    }
    let mut p = date_phrase(i, j + 1, Qualifier::Relative);
    let Some(published) = published else {
        p.resolution = Some("no year and no publication date".to_string());
        return Some(p);
    };
    let y = published.year();
    let current = published.month();
    let since = relation_before(tokens, i).is_some() || tense_before(tokens, i) < 0;
    let year = match modifier {
        Some(0) => y,
        Some(-1) => {
            if m < current {
                y
            } else {
                y - 1
            }
        }
        Some(_) => {
            if m > current {
                y
            } else {
                y + 1
            }
        }
        None if since => {
            if m <= current {
                y
            } else {
                y - 1
            }
        }
        None => nearest_year(published, m, 15)?.year(),
    };
    let first = NaiveDate::from_ymd_opt(year, m, 1)?;
    set_days(&mut p, first, last_of_month(first)?);
    p.resolution = Some(match modifier {
        // Only an implicit year may be replaced by one written later in a range.
        None => format!("year taken from the publication date {published}"),
        Some(_) => format!("counted from the publication date {published}"),
    });
    Some(p)
}

/// `September 3, 2025`, `Sept. 3`, `3 Sept 2025`, `January 2019`, optionally after a weekday
/// (`Tuesday, September 2, 2025`).
fn calendar_date(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let (weekday, i_date) = match tokens.get(i).and_then(|t| weekday_of(t.text)) {
        Some(w) => {
            let j = if tokens.get(i + 1).is_some_and(|t| t.text == ",") {
                i + 2
            } else {
                i + 1
            };
            (Some(w), j)
        }
        None => (None, i),
    };
    let (month, day, mut end) = month_day(tokens, i_date)?;
    let mut year = None;
    if let Some((y, e)) = year_after_month(tokens, end, day.is_some()) {
        year = Some(y);
        end = e;
    }
    let mut phrase = Phrase {
        start: i,
        end,
        value: None,
        stated: None,
        precision: 0.0,
        written_factor: 1.0,
        kind: Kind::Date,
        unit: None,
        qualifier: Qualifier::Exact,
        resolution: None,
        relation: None,
    };
    match (day, year) {
        (Some(d), Some(y)) => set_day(&mut phrase, NaiveDate::from_ymd_opt(y, month, d)?),
        (None, Some(y)) => {
            let first = NaiveDate::from_ymd_opt(y, month, 1)?;
            set_days(&mut phrase, first, last_of_month(first)?);
        }
        (Some(d), None) => match published {
            Some(p) => {
                let date = nearest_year(p, month, d)?;
                set_day(&mut phrase, date);
                phrase.resolution = Some(format!("year taken from the publication date {p}"));
            }
            None => phrase.resolution = Some("no year and no publication date".to_string()),
        },
        (None, None) => return None,
    }
    if let (Some(w), Some(v)) = (weekday, phrase.value) {
        if let Some(date) = v.lo_value().and_then(date_of) {
            if date.weekday() != w && phrase.stated.is_some_and(|(a, b)| a == b) {
                phrase.resolution = Some(format!(
                    "stated weekday {w:?} does not match {date}, a {:?}",
                    date.weekday()
                ));
            }
        }
    }
    Some(phrase)
}

/// `September 3` / `Sept. 3rd` / `3 September` / `the 3rd of September` / `January` + year,
/// with days in words too: `May twenty-nine`, `the third of September`, `June the 28th`.
/// Returns month, day (if any) and the end index.
fn month_day(tokens: &[Token], i: usize) -> Option<(u32, Option<u32>, usize)> {
    let t = tokens.get(i)?;
    // Lower-case months count when a day or year follows (`14 nov`, `september 3`, `june
    // the 28th`), except the ones that are also common words.
    let lower_case_month = || {
        let followed = tokens.get(i + 1).is_some_and(|n| {
            n.is_number()
                || n.is("the")
                || spelled::ordinal_word(&n.folded).is_some()
                || crate::number::number_word(&n.folded).is_some()
                || n.is("of")
                || n.text == ","
        });
        let common_word = matches!(
            t.folded.as_ref(),
            "may" | "march" | "august" | "jan" | "mar" | "sat" | "sun"
        );
        (followed && !common_word).then(|| month_of(t.text)).flatten()
    };
    if let Some(m) = month_number(t.text).or_else(lower_case_month) {
        let mut j = i + 1;
        if tokens.get(j).is_some_and(|d| d.text == "." && !d.space_before) {
            j += 1;
        }
        let the = tokens.get(j).is_some_and(|t| t.is("the"));
        if let Some((d, end)) = day_at(tokens, j + usize::from(the)) {
            return Some((m, Some(d), end));
        }
        // `October, 1st`: a comma only before an ordinal day.
        if tokens.get(j).is_some_and(|c| c.text == ",") {
            if let Some((d, end)) = day_at(tokens, j + 1).filter(|&(_, e)| e == j + 3) {
                return Some((m, Some(d), end));
            }
        }
        if let Some((d, end, ordinal)) = spelled::day_words(tokens, j + usize::from(the)) {
            // `March two people` is no date; `May twenty-nine` at the end of a clause is.
            let complete = tokens.get(end).is_none_or(|n| !n.is_word() || n.is("of"))
                || spelled::year_words(tokens, end).is_some();
            if ordinal || complete {
                return Some((m, Some(d), end));
            }
        }
        // `January 2019`, `April of 1987`, `Dec, 2018`: month and year, no day.
        if year_after_month(tokens, j, false).is_some() {
            return Some((m, None, j));
        }
        return None;
    }
    // `3 September`, `3rd of September`, `fourth of july`, `fifteen August`.
    let (d, mut j) = day_at(tokens, i).or_else(|| {
        let (d, end, ordinal) = spelled::day_words(tokens, i)?;
        let capital_month = tokens.get(end).is_some_and(|m| month_number(m.text).is_some());
        (ordinal || capital_month).then_some((d, end))
    })?;
    let of = tokens.get(j).is_some_and(|t| t.is("of"));
    if of {
        j += 1;
    }
    let month_word = tokens.get(j)?.text;
    // `14 nov`, `28 june`: lower case after a day, except months that are common words.
    let m = month_number(month_word).or_else(|| {
        let common = matches!(
            month_word.to_lowercase().as_str(),
            "may" | "march" | "august" | "mar" | "jan"
        );
        (!common).then(|| month_of(month_word)).flatten()
    })?;
    let mut end = j + 1;
    // The dot of `Sept.`, not the full stop after `September`.
    let abbreviated = month_word.len() <= 4
        && !month_word.eq_ignore_ascii_case("june")
        && !month_word.eq_ignore_ascii_case("july")
        && !month_word.eq_ignore_ascii_case("may");
    if abbreviated && tokens.get(end).is_some_and(|d| d.text == "." && !d.space_before) {
        end += 1;
    }
    Some((m, Some(d), end))
}

/// The year written after a month or a day and month: `2025`, `, 2025`, `of 1987`, `in 2020`
/// (after a day only), or in words (`nineteen eighty-six`), with the index after it.
fn year_after_month(tokens: &[Token], j: usize, with_day: bool) -> Option<(i32, usize)> {
    let skip = tokens
        .get(j)
        .is_some_and(|t| t.text == "," || t.is("of") || (with_day && t.is("in")));
    let k = j + usize::from(skip);
    if let Some(y) = tokens
        .get(k)
        .filter(|t| t.is_number() && t.text.len() == 4 && t.text.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some((y.number_value()? as i32, k + 1));
    }
    let (y, end) = spelled::year_words(tokens, k)?;
    spelled::free_after(tokens, end).then_some((y, end))
}

/// A day of the month `1`..`31`, with an optional ordinal suffix.
fn day_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let t = tokens.get(i)?;
    if !t.is_number() || t.text.len() > 2 {
        return None;
    }
    let d = t.number_value()? as u32;
    if !(1..=31).contains(&d) {
        return None;
    }
    let suffix = tokens
        .get(i + 1)
        .is_some_and(|s| !s.space_before && ["st", "nd", "rd", "th"].iter().any(|x| s.is(x)));
    Some((d, if suffix { i + 2 } else { i + 1 }))
}

/// `2025-09-03`.
fn iso_date(tokens: &[Token], i: usize) -> Option<Phrase> {
    let parts: Vec<&Token> = tokens.get(i..i + 5)?.iter().collect();
    let solid = parts[1..].iter().all(|t| !t.space_before);
    if !(solid && parts[0].text.len() == 4 && parts[1].text == "-" && parts[3].text == "-") {
        return None;
    }
    if parts[2].text.len() != 2 || parts[4].text.len() != 2 {
        return None;
    }
    let y = parts[0].number_value()? as i32;
    let m = parts[2].number_value()? as u32;
    let d = parts[4].number_value()? as u32;
    let date = NaiveDate::from_ymd_opt(y, m, d)?;
    let mut p = date_phrase(i, i + 5, Qualifier::Exact);
    set_day(&mut p, date);
    Some(p)
}

/// `Wednesday`, `next Wednesday`, `last Monday`: the nearest such day around publication.
fn weekday(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let (shift, w_index) = match tokens.get(i)?.folded.as_ref() {
        "next" | "coming" | "upcoming" => (1, i + 1),
        "last" | "previous" => (-1, i + 1),
        "this" => (2, i + 1),
        _ => (tense_before(tokens, i), i),
    };
    let w = weekday_of(tokens.get(w_index)?.text)?;
    let mut p = date_phrase(i, w_index + 1, Qualifier::Relative);
    let Some(published) = published else {
        p.resolution = Some("weekday with no publication date".to_string());
        return Some(p);
    };
    let from = published.weekday().num_days_from_monday() as i64;
    let to = w.num_days_from_monday() as i64;
    let ahead = (to - from).rem_euclid(7);
    let offset = match shift {
        1 => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        -1 => {
            if ahead == 0 {
                -7
            } else {
                ahead - 7
            }
        }
        // `this Saturday`: the coming one, or today.
        2 => ahead,
        -2 => {
            if ahead == 0 {
                0
            } else {
                ahead - 7
            }
        }
        // The nearest occurrence; news uses a bare weekday for the days just around publication.
        _ => {
            if ahead <= 3 {
                ahead
            } else {
                ahead - 7
            }
        }
    };
    let date = published + Duration::days(offset);
    set_day(&mut p, date);
    p.resolution = Some(format!("{w:?} nearest to the publication date {published}"));
    Some(p)
}

/// `last year`, `this year`, `next year`, `last month`, `yesterday`, `today`, `two days ago`,
/// `last fall`.
fn relative(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let w0 = tokens.get(i)?.lower();
    // `last year's race`: the possessive belongs to the period.
    let w1 = tokens.get(i + 1).map(|t| t.lower()).unwrap_or_default();
    let w1 = w1.trim_end_matches("'s").trim_end_matches("’s").to_string();
    enum Rel {
        Year(i32),
        Month(i32),
        Week(i64),
        Day(i64),
        Season(u32),
    }
    let (rel, end) = match (w0.as_str(), w1.as_str()) {
        ("last", "year") => (Rel::Year(-1), i + 2),
        ("this", "year") => (Rel::Year(0), i + 2),
        ("next", "year") => (Rel::Year(1), i + 2),
        ("last", "month") => (Rel::Month(-1), i + 2),
        ("this", "month") => (Rel::Month(0), i + 2),
        ("next", "month") => (Rel::Month(1), i + 2),
        ("last", "week") => (Rel::Week(-1), i + 2),
        ("this", "week") => (Rel::Week(0), i + 2),
        ("next", "week") => (Rel::Week(1), i + 2),
        ("yesterday", _) => (Rel::Day(-1), i + 1),
        ("today" | "tonight", _) => (Rel::Day(0), i + 1),
        ("tomorrow", _) => (Rel::Day(1), i + 1),
        ("last", "spring") => (Rel::Season(3), i + 2),
        ("last", "summer") => (Rel::Season(6), i + 2),
        ("last", "fall" | "autumn") => (Rel::Season(9), i + 2),
        ("last", "winter") => (Rel::Season(12), i + 2),
        _ => return ago(tokens, i, published),
    };
    let kind_q = Qualifier::Relative;
    let mut p = match rel {
        Rel::Year(_) => {
            let mut p = date_phrase(i, end, kind_q);
            p.kind = Kind::Year;
            p
        }
        _ => date_phrase(i, end, kind_q),
    };
    let Some(published) = published else {
        p.resolution = Some("relative date with no publication date".to_string());
        return Some(p);
    };
    let phrase = crate::extract::joined(&tokens[i..end]);
    p.resolution = Some(format!("`{phrase}` from the publication date {published}"));
    match rel {
        Rel::Year(d) => {
            let y = f64::from(published.year() + d);
            p.value = Some(Interval::point(y));
            p.stated = Some((y, y));
        }
        Rel::Month(d) => {
            let first = add_months(published.with_day(1)?, d)?;
            set_days(&mut p, first, last_of_month(first)?);
        }
        Rel::Week(d) => {
            // Weeks run Monday to Sunday.
            let monday = published - Duration::days(i64::from(published.weekday().num_days_from_monday()))
                + Duration::days(7 * d);
            set_days(&mut p, monday, monday + Duration::days(6));
        }
        Rel::Day(d) => set_day(&mut p, published + Duration::days(d)),
        Rel::Season(start_month) => {
            // The most recent such season that began before publication.
            let mut year = published.year();
            let start = |y: i32| NaiveDate::from_ymd_opt(y, start_month, 1);
            while start(year)? + Duration::days(90) > published {
                year -= 1;
            }
            let first = start(year)?;
            let last = last_of_month(add_months(first, 2)?)?;
            set_days(&mut p, first, last);
        }
    }
    Some(p)
}

/// `early September`, `mid-November 2024`, `late 2023`, `the end of 2000`: a third of a
/// month or of a year (early = first third, mid = middle, late/end = last third).
fn part_of_period(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let third = match tokens.get(i)?.folded.as_ref() {
        "early" | "beginning" | "start" => 0,
        "mid" | "middle" => 1,
        "late" | "end" => 2,
        _ => return None,
    };
    let mut j = i + 1;
    while tokens
        .get(j)
        .is_some_and(|t| t.is_hyphen() || t.is("of") || t.is("the"))
    {
        j += 1;
    }
    let t = tokens.get(j)?;
    let year_token = |k: usize| {
        tokens
            .get(k)
            .filter(|y| y.is_number() && y.text.len() == 4)
            .and_then(|y| y.number_value())
    };
    // The month (its first day) or the year the part is taken of.
    let (month, year, end, resolved) = if let Some(m) = month_number(t.text) {
        match year_token(j + 1) {
            Some(y) => (Some(NaiveDate::from_ymd_opt(y as i32, m, 1)?), None, j + 2, None),
            None => {
                let p = published?;
                let date = nearest_year(p, m, 15)?;
                let resolved = Some(format!("year taken from the publication date {p}"));
                (Some(date.with_day(1)?), None, j + 1, resolved)
            }
        }
    } else if let Some(y) = year_token(j) {
        (None, Some(y as i32), j + 1, None)
    } else {
        // `the end of this year`, `early next month`, `by the end of the year`.
        let (shift, k) = match t.folded.as_ref() {
            "this" => (0, j + 1),
            "next" => (1, j + 1),
            "last" => (-1, j + 1),
            "year" | "month" if tokens[j - 1].is("the") => (0, j),
            _ => return None,
        };
        let p = published?;
        let resolved = Some(format!("counted from the publication date {p}"));
        match tokens.get(k)?.folded.as_ref() {
            "year" => (None, Some(p.year() + shift), k + 1, resolved),
            "month" => (Some(add_months(p.with_day(1)?, shift)?), None, k + 1, resolved),
            _ => return None,
        }
    };
    let (first, last) = match (month, year) {
        (Some(first), _) => {
            let days = last_of_month(first)?.day();
            let (a, b) = [(1, 10), (11, 20), (21, days)][third];
            (first.with_day(a)?, first.with_day(b)?)
        }
        (None, Some(y)) => {
            let (a, b) = [(1, 4), (5, 8), (9, 12)][third];
            let first = NaiveDate::from_ymd_opt(y, a, 1)?;
            (first, last_of_month(NaiveDate::from_ymd_opt(y, b, 1)?)?)
        }
        (None, None) => return None,
    };
    let mut p = date_phrase(i, end, Qualifier::Range);
    set_days(&mut p, first, last);
    p.resolution = resolved;
    Some(p)
}

/// `the past 10 days`, `the next three weeks`, `the 3 next weeks`, `in two weeks`, `within
/// 9 months`, `the last 2 quarters`: a span counted from publication. The past N days end the
/// day before publication and the next N days start the day after it; `within` starts on
/// publication day; `in two weeks` is the one day two weeks on. Quarters are calendar ones.
fn span_from_now(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    #[derive(PartialEq)]
    enum Dir {
        Past,
        Next,
        In,
        Within,
    }
    let dir_word = |t: &Token| match t.folded.as_ref() {
        "past" | "last" | "previous" => Some(Dir::Past),
        "next" | "coming" | "upcoming" => Some(Dir::Next),
        _ => None,
    };
    let t = tokens.get(i)?;
    let (dir, n, unit_index) = if let Some(d) = dir_word(t) {
        // `the past year`, `the next fortnight`: one unit.
        let (n, j) = period::count_at(tokens, i + 1).unwrap_or((1, i + 1));
        (d, n, j)
    } else if t.is("in") || t.is("within") {
        let mut j = i + 1;
        if t.is("within") && tokens.get(j).is_some_and(|n| n.is("next") || n.is("the")) {
            j += 1;
        }
        let (n, j) = period::count_at(tokens, j)?;
        (if t.is("in") { Dir::In } else { Dir::Within }, n, j)
    } else if t.is_number() || crate::number::number_word(&t.folded).is_some() {
        // `the 3 next weeks`, `the 5 past years`.
        let (n, j) = period::count_at(tokens, i)?;
        (dir_word(tokens.get(j)?)?, n, j + 1)
    } else {
        return None;
    };
    let (unit, end) = period::unit_at(tokens, unit_index)?;
    // `the last four months of 2021` counts within 2021, not back from publication.
    if tokens.get(end).is_some_and(|t| t.is("of")) {
        return None;
    }
    // `3 next week` is not `the 3 next weeks`: more than one needs the plural.
    let unit_word = tokens[unit_index].folded.as_ref();
    let plural = unit_word.ends_with('s') && !unit_word.ends_with("'s") && !unit_word.ends_with("’s");
    if !(1..=10_000).contains(&n) || (n > 1 && !plural) || (n == 1 && plural) {
        return None;
    }
    // `the highest in two years`, `the second crash in seven years`, `most returned within two
    // years`: a span back from some other time, not one from publication.
    if matches!(dir, Dir::In | Dir::Within) && looks_back(tokens, i) {
        return None;
    }
    let mut p = date_phrase(i, end, Qualifier::Relative);
    let Some(published) = published else {
        p.resolution = Some("relative date with no publication date".to_string());
        return Some(p);
    };
    let day = Duration::days(1);
    let (first, last) = match (dir, unit) {
        (Dir::Past, period::Unit::Quarter) => {
            let this = period::quarter_start(published)?;
            (period::shift(this, unit, -n)?, this - day)
        }
        (Dir::Next, period::Unit::Quarter) => {
            let next = period::shift(period::quarter_start(published)?, unit, 1)?;
            (next, period::shift(next, unit, n)? - day)
        }
        (Dir::Past, _) => (period::shift(published, unit, -n)?, published - day),
        (Dir::Next, _) => (published + day, period::shift(published, unit, n)?),
        (Dir::In, _) => {
            let d = period::shift(published, unit, n)?;
            (d, d)
        }
        (Dir::Within, _) => (published, period::shift(published, unit, n)? - day),
    };
    set_days(&mut p, first, last);
    p.resolution = Some(format!("counted from the publication date {published}"));
    Some(p)
}

/// Whether `in N units` / `within N units` at `i` counts from another time than publication:
/// after an ordinal or a superlative (`the first visit in six years`, `the worst in two
/// years`), or when the verb before it is in the past tense (`most returned within two
/// years`).
fn looks_back(tokens: &[Token], i: usize) -> bool {
    let before = &tokens[i.saturating_sub(8)..i];
    let ranked = before.iter().any(|w| {
        let w = w.folded.as_ref();
        spelled::ordinal_word(w).is_some()
            || matches!(
                w,
                "last" | "most" | "least" | "ever" | "best" | "worst" | "st" | "nd" | "rd" | "th"
            )
            || (w.len() > 4 && w.ends_with("est"))
    });
    let past = tense_before(tokens, i) < 0
        || tokens[i.saturating_sub(6)..i]
            .iter()
            .rev()
            .find(|w| w.is_word() && w.folded.len() > 4 && w.folded.ends_with("ed"))
            .is_some_and(|w| !matches!(w.folded.as_ref(), "expected" | "scheduled" | "planned"));
    ranked || (past && tense_before(tokens, i) <= 0)
}

/// `Q3 2025`, `2019 q3`, `q1-2019`, `the third quarter`, `the 1st quarter of 2013`, `2019-H2`,
/// `the first half of 2024`: three or six months. A half needs its year (`the second half`
/// alone is as often a match's).
fn quarter(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let four_digits = |k: usize| {
        tokens
            .get(k)
            .filter(|y| y.is_number() && y.text.len() == 4 && y.text.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|y| y.text.parse::<i32>().ok())
    };
    // `2019 q3`, `2019-H2`.
    if let Some(y) = four_digits(i) {
        let hyphen = tokens
            .get(i + 1)
            .is_some_and(|h| h.is_hyphen() && !h.space_before);
        let (months, n, end) = period_code(tokens, i + 1 + usize::from(hyphen))?;
        return Some(part_of_year(i, end, y, months, n));
    }
    let t = tokens.get(i)?;
    let (months, n, mut end) = match period_code(tokens, i) {
        Some(code) => code,
        None => {
            let (n, j) = match spelled::ordinal_word(&t.folded) {
                Some(n) => (n, i + 1),
                None => match day_at(tokens, i) {
                    Some((n, j)) if j == i + 2 => (n, j),
                    _ => return None,
                },
            };
            match tokens.get(j)?.folded.as_ref() {
                "quarter" if (1..=4).contains(&n) => (3, n, j + 1),
                "half" if (1..=2).contains(&n) => (6, n, j + 1),
                _ => return None,
            }
        }
    };
    // The year: `of 2024`, `2024`, `-2019`, `of this year`, `of last year`.
    let of = tokens.get(end).is_some_and(|w| w.is("of"));
    let hyphen = tokens.get(end).is_some_and(|h| h.is_hyphen() && !h.space_before);
    let k = end + usize::from(of || hyphen);
    let mut year = four_digits(k).map(|y| (y, k + 1));
    if year.is_none() && of {
        let shift = match tokens.get(k).map(|w| w.folded.as_ref()) {
            Some("this") => Some(0),
            Some("next") => Some(1),
            Some("last") => Some(-1),
            _ => None,
        };
        if let (Some(d), Some(p), true) = (shift, published, tokens.get(k + 1).is_some_and(|w| w.is("year")))
        {
            year = Some((p.year() + d, k + 2));
        }
    }
    if let Some((y, e)) = year {
        end = e;
        return Some(part_of_year(i, end, y, months, n));
    }
    if months == 6 {
        return None;
    }
    match published {
        Some(pub_date) => {
            let mut p = part_of_year(i, end, pub_date.year(), months, n);
            p.resolution = Some(format!("year taken from the publication date {pub_date}"));
            Some(p)
        }
        // A bare `first quarter` without a year or a date is left out rather than guessed.
        None => t.is("q").then(|| {
            let mut p = date_phrase(i, end, Qualifier::Range);
            p.resolution = Some("no year and no publication date".to_string());
            p
        }),
    }
}

/// `q3`, `Q1`, `H2` written solid: months per period (3 or 6), the period number and the end.
fn period_code(tokens: &[Token], k: usize) -> Option<(u32, u32, usize)> {
    let t = tokens.get(k)?;
    let d = tokens
        .get(k + 1)
        .filter(|d| d.is_number() && !d.space_before && d.text.len() == 1)?
        .text
        .parse::<u32>()
        .ok()?;
    match t.folded.as_ref() {
        "q" if (1..=4).contains(&d) => Some((3, d, k + 2)),
        "h" if (1..=2).contains(&d) => Some((6, d, k + 2)),
        _ => None,
    }
}

/// Period `n` of `months` months (a quarter or a half) of year `y`.
fn part_of_year(start: usize, end: usize, y: i32, months: u32, n: u32) -> Phrase {
    let mut p = date_phrase(start, end, Qualifier::Range);
    let first = NaiveDate::from_ymd_opt(y, (n - 1) * months + 1, 1);
    let last = NaiveDate::from_ymd_opt(y, n * months, 1).and_then(last_of_month);
    if let (Some(first), Some(last)) = (first, last) {
        set_days(&mut p, first, last);
    }
    p
}

/// `two days ago`, `3 years ago`.
fn ago(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let n = match tokens.get(i)? {
        t if t.is_number() => t.number_value()?,
        t => match crate::number::number_word(&t.folded)? {
            crate::number::NumberWord::Small(v) if v >= 1.0 => v,
            _ => return None,
        },
    };
    let unit = tokens.get(i + 1)?.lower();
    if !tokens.get(i + 2)?.is("ago") {
        return None;
    }
    let mut p = date_phrase(i, i + 3, Qualifier::Relative);
    let Some(published) = published else {
        p.resolution = Some("relative date with no publication date".to_string());
        return Some(p);
    };
    p.resolution = Some(format!("counted back from the publication date {published}"));
    let n_i = n as i64;
    match unit.trim_end_matches('s') {
        "day" => set_day(&mut p, published - Duration::days(n_i)),
        "week" => set_day(&mut p, published - Duration::days(7 * n_i)),
        "month" => {
            let first = add_months(published.with_day(1)?, -(n_i as i32))?;
            set_days(&mut p, first, last_of_month(first)?);
        }
        "year" => {
            p.kind = Kind::Year;
            let y = f64::from(published.year()) - n;
            p.value = Some(Interval::point(y));
            p.stated = Some((y, y));
        }
        _ => return None,
    }
    Some(p)
}

fn date_phrase(start: usize, end: usize, qualifier: Qualifier) -> Phrase {
    Phrase {
        start,
        end,
        value: None,
        stated: None,
        precision: 0.0,
        written_factor: 1.0,
        kind: Kind::Date,
        unit: None,
        qualifier,
        resolution: None,
        relation: None,
    }
}

fn set_day(p: &mut Phrase, date: NaiveDate) {
    let d = day_number(date);
    p.value = Some(Interval::point(d));
    p.stated = Some((d, d));
}

fn set_days(p: &mut Phrase, first: NaiveDate, last: NaiveDate) {
    let (a, b) = (day_number(first), day_number(last));
    p.value = Some(Interval::closed(a, b));
    p.stated = Some((a, b));
}

fn last_of_month(first: NaiveDate) -> Option<NaiveDate> {
    add_months(first.with_day(1)?, 1).map(|d| d - Duration::days(1))
}

fn add_months(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    let total = date.year() * 12 + date.month0() as i32 + months;
    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, date.day())
}

/// The year that puts `month`/`day` closest to publication (September 3 read in late
/// December is next year's only if it is nearer).
fn nearest_year(published: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    let y = published.year();
    [y - 1, y, y + 1]
        .iter()
        .filter_map(|&y| NaiveDate::from_ymd_opt(y, month, day))
        .min_by_key(|d| (*d - published).num_days().abs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::phrases;
    use crate::token::tokenize;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The first time phrase of `text` (or its first phrase of any kind when it has none).
    pub(crate) fn first(text: &str, published: &str) -> Phrase {
        let tokens = tokenize(text, 0..text.len());
        let all = phrases(&tokens, Some(date(published)));
        let time = all.iter().position(|p| p.kind.is_time_point()).unwrap_or(0);
        all.into_iter().nth(time).expect(text)
    }

    /// The one day of the first time phrase, as an ISO date.
    pub(crate) fn iso(text: &str, published: &str) -> String {
        let p = first(text, published);
        let v = p.value.unwrap_or_else(|| panic!("{text}: unresolved {p:?}"));
        assert!(v.is_point() && p.kind == Kind::Date, "{text}: {p:?}");
        date_of(v.lo_value().unwrap()).unwrap().to_string()
    }

    /// The first and last day of the first time phrase, as ISO dates.
    pub(crate) fn span(text: &str, published: &str) -> (String, String) {
        let p = first(text, published);
        let (a, b) = bounds(&p).unwrap_or_else(|| panic!("{text}: {p:?}"));
        (a.to_string(), b.to_string())
    }

    /// The first and last day of an open-ended phrase, `None` for an open end.
    pub(crate) fn open_days(text: &str, published: &str) -> (Option<String>, Option<String>) {
        let p = first(text, published);
        let v = p.value.unwrap_or_else(|| panic!("{text}: {p:?}"));
        let lo = v.lo.map(|b| b.value + if b.inclusive { 0.0 } else { 1.0 });
        let hi = v.hi.map(|b| b.value - if b.inclusive { 0.0 } else { 1.0 });
        let (lo, hi) = match p.kind {
            Kind::Year => (
                lo.and_then(year_first).map(day_number),
                hi.and_then(|y| year_first(y + 1.0)).map(|d| day_number(d) - 1.0),
            ),
            _ => (lo, hi),
        };
        let iso = |d: Option<f64>| d.and_then(date_of).map(|d| d.to_string());
        (iso(lo), iso(hi))
    }

    /// True when `text` yields no date or year.
    pub(crate) fn nothing_dated(text: &str, published: &str) -> bool {
        let tokens = tokenize(text, 0..text.len());
        phrases(&tokens, Some(date(published)))
            .iter()
            .all(|p| !p.kind.is_time_point())
    }

    /// The first and last day of the first phrase's interval.
    fn range(text: &str, published: &str) -> (NaiveDate, NaiveDate) {
        let v = first(text, published).value.unwrap();
        (
            date_of(v.lo_value().unwrap()).unwrap(),
            date_of(v.hi_value().unwrap()).unwrap(),
        )
    }

    fn day(text: &str, published: &str) -> NaiveDate {
        let p = first(text, published);
        assert_eq!(p.kind, Kind::Date, "{text}");
        date_of(p.value.unwrap().lo_value().unwrap()).unwrap()
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(day("on September 3, 2025", "2025-09-02"), date("2025-09-03"));
        assert_eq!(day("on September 3", "2025-08-28"), date("2025-09-03"));
        assert_eq!(day("Sept. 3", "2025-08-28"), date("2025-09-03"));
        assert_eq!(day("3 Sept 2025", "2020-01-01"), date("2025-09-03"));
        assert_eq!(day("the 3rd of September", "2025-08-28"), date("2025-09-03"));
        assert_eq!(day("2025-09-03", "2020-01-01"), date("2025-09-03"));
        assert_eq!(day("on January 3", "2025-12-30"), date("2026-01-03"));
    }

    #[test]
    fn month_and_year_is_the_whole_month() {
        let p = first("since January 2019", "2025-09-02");
        let v = p.value.unwrap();
        assert_eq!(date_of(v.lo_value().unwrap()), Some(date("2019-01-01")));
        assert_eq!(date_of(v.hi_value().unwrap()), Some(date("2019-01-31")));
        assert_eq!(p.relation.as_deref(), Some("since"));
    }

    #[test]
    fn weekdays_resolve_to_the_nearest_day() {
        // 2025-09-02 was a Tuesday.
        assert_eq!(day("set for Wednesday", "2025-09-02"), date("2025-09-03"));
        assert_eq!(day("began Monday", "2025-09-02"), date("2025-09-01"));
        assert_eq!(day("next Tuesday", "2025-09-02"), date("2025-09-09"));
        assert_eq!(day("last Wednesday", "2025-09-02"), date("2025-08-27"));
        assert_eq!(day("this Saturday", "2025-09-02"), date("2025-09-06"));
        // 2026-01-15 was a Thursday.
        assert_eq!(
            day("talks are due to resume on Monday", "2026-01-15"),
            date("2026-01-19")
        );
        assert_eq!(
            day("the deal was signed on Monday", "2026-01-15"),
            date("2026-01-12")
        );
        assert_eq!(first("on Wednesday", "2025-09-02").qualifier, Qualifier::Relative);
    }

    #[test]
    fn weekday_date_pairs_are_one_claim_and_checked() {
        let p = first("early Tuesday, September 2, 2025, at", "2025-09-02");
        assert_eq!(p.end - p.start, 6);
        assert!(p.resolution.is_none());
        let bad = first("Tuesday, September 3, 2025", "2025-09-02");
        assert!(bad.resolution.unwrap().contains("does not match"));
    }

    #[test]
    fn relative_days_months_years() {
        let p = first("Last year, they signed", "2025-08-28");
        assert_eq!((p.kind, p.value.unwrap()), (Kind::Year, Interval::point(2024.0)));
        assert_eq!(day("yesterday", "2025-09-02"), date("2025-09-01"));
        assert_eq!(day("two days ago", "2025-09-02"), date("2025-08-31"));
        let p = first("since last fall", "2025-09-02");
        let v = p.value.unwrap();
        assert_eq!(date_of(v.lo_value().unwrap()), Some(date("2024-09-01")));
        assert_eq!(date_of(v.hi_value().unwrap()), Some(date("2024-11-30")));
        let p = first("last month", "2025-03-31");
        assert_eq!(
            date_of(p.value.unwrap().lo_value().unwrap()),
            Some(date("2025-02-01"))
        );
    }

    #[test]
    fn weeks_and_parts_of_periods() {
        assert_eq!(
            range("last week", "2025-09-03"),
            (date("2025-08-25"), date("2025-08-31"))
        );
        assert_eq!(
            range("in early September", "2025-08-28"),
            (date("2025-09-01"), date("2025-09-10"))
        );
        assert_eq!(
            range("by mid-November 2024", "2025-08-28"),
            (date("2024-11-11"), date("2024-11-20"))
        );
        assert_eq!(
            range("in late 2023", "2025-08-28"),
            (date("2023-09-01"), date("2023-12-31"))
        );
        assert_eq!(
            range("by the end of the year", "2025-08-28"),
            (date("2025-09-01"), date("2025-12-31"))
        );
        assert_eq!(
            range("early next month", "2025-08-28"),
            (date("2025-09-01"), date("2025-09-10"))
        );
        assert_eq!(
            range("at the end of 2000", "2025-08-28"),
            (date("2000-09-01"), date("2000-12-31"))
        );
    }

    #[test]
    fn spans_from_now_and_quarters() {
        assert_eq!(
            range("over the past 10 days", "2025-09-12"),
            (date("2025-09-02"), date("2025-09-11"))
        );
        assert_eq!(
            range("in the next three weeks", "2025-09-01"),
            (date("2025-09-02"), date("2025-09-22"))
        );
        assert_eq!(
            range("in Q3 2025", "2020-01-01"),
            (date("2025-07-01"), date("2025-09-30"))
        );
        assert_eq!(
            range("in the third quarter", "2025-11-02"),
            (date("2025-07-01"), date("2025-09-30"))
        );
        assert_eq!(
            range("the first quarter of 2024", "2025-11-02"),
            (date("2024-01-01"), date("2024-03-31"))
        );
    }

    #[test]
    fn no_publication_date_means_unresolved() {
        let text = "last year";
        let tokens = tokenize(text, 0..text.len());
        let p = &phrases(&tokens, None)[0];
        assert_eq!(p.value, None);
        assert!(p.resolution.is_some());
    }

    #[test]
    fn lower_case_months_before_a_number() {
        assert_eq!(day("on september 3, 2025", "2025-01-01"), date("2025-09-03"));
        let text = "they may 3 times";
        let tokens = tokenize(text, 0..text.len());
        assert!(phrases(&tokens, None).iter().all(|p| p.kind != Kind::Date));
    }

    #[test]
    fn spelled_days_and_years() {
        assert_eq!(iso("the third of September 2025", "2020-01-01"), "2025-09-03");
        assert_eq!(iso("May twenty-nine, 2016", "2020-01-01"), "2016-05-29");
        assert_eq!(iso("second of Aug", "2016-11-07"), "2016-08-02");
        assert_eq!(iso("January first 2000", "2020-01-01"), "2000-01-01");
        assert_eq!(
            iso("Let's meet on february twenty second.", "2019-01-10"),
            "2019-02-22"
        );
        assert_eq!(
            iso("January twenty five nineteen eighty six", "2020-01-01"),
            "1986-01-25"
        );
        assert_eq!(iso("13 Sept nineteen seventy two", "2020-01-01"), "1972-09-13");
        assert_eq!(
            span("in October two thousand and five", "2020-01-01"),
            ("2005-10-01".into(), "2005-10-31".into())
        );
        let p = first("They left in nineteen ninety six", "2020-01-01");
        assert_eq!((p.kind, p.value), (Kind::Year, Some(Interval::point(1996.0))));
        assert_eq!(iso("on the 15th day of next month", "2020-07-10"), "2020-08-15");
        // A cardinal after a month that a noun follows counts the noun.
        let p = first("In March two people died", "2020-01-01");
        assert_eq!((p.start, p.end), (1, 2), "only `March` is a date: {p:?}");
    }

    #[test]
    fn months_named_alone() {
        assert_eq!(
            span("I'll be out this September", "2016-11-07"),
            ("2016-09-01".into(), "2016-09-30".into())
        );
        assert_eq!(
            span("since August", "2016-11-07"),
            ("2016-08-01".into(), "2016-08-31".into())
        );
        assert_eq!(
            span("next March", "2016-11-07"),
            ("2017-03-01".into(), "2017-03-31".into())
        );
        assert_eq!(
            span("in 2017 april", "2016-11-07"),
            ("2017-04-01".into(), "2017-04-30".into())
        );
        assert_eq!(
            span("April of 1987", "2016-11-07"),
            ("1987-04-01".into(), "1987-04-30".into())
        );
        assert_eq!(
            span("Dec, 2018", "2016-11-07"),
            ("2018-12-01".into(), "2018-12-31".into())
        );
        assert!(nothing_dated("This may or may not be right", "2016-11-07"));
        assert!(nothing_dated("Theresa May said", "2016-11-07"));
    }

    #[test]
    fn quarters_and_halves() {
        assert_eq!(
            span("2019 q3", "2020-01-01"),
            ("2019-07-01".into(), "2019-09-30".into())
        );
        assert_eq!(
            span("q1-2019", "2020-01-01"),
            ("2019-01-01".into(), "2019-03-31".into())
        );
        assert_eq!(
            span("2019-H2", "2020-01-01"),
            ("2019-07-01".into(), "2019-12-31".into())
        );
        assert_eq!(
            span("the 1st quarter of 2013", "2020-01-01"),
            ("2013-01-01".into(), "2013-03-31".into())
        );
        assert_eq!(
            span("in the first half of 2024", "2020-01-01"),
            ("2024-01-01".into(), "2024-06-30".into())
        );
        assert!(nothing_dated("in the second half, the team scored", "2020-01-01"));
    }

    #[test]
    fn spans_before_and_after_publication() {
        // The past N units end the day before publication; the next N start the day after.
        assert_eq!(
            span("next 3 days", "2016-11-07"),
            ("2016-11-08".into(), "2016-11-10".into())
        );
        assert_eq!(
            span("the last 3 months", "2016-11-07"),
            ("2016-08-07".into(), "2016-11-06".into())
        );
        assert_eq!(
            span("over the past year", "2016-11-07"),
            ("2015-11-07".into(), "2016-11-06".into())
        );
        assert_eq!(
            span("the last 2 quarters", "2019-08-01"),
            ("2019-01-01".into(), "2019-06-30".into())
        );
        assert_eq!(
            span("within 9 months", "2018-03-23"),
            ("2018-03-23".into(), "2018-12-22".into())
        );
        assert_eq!(iso("I will leave in two months", "2018-07-05"), "2018-09-05");
        assert_eq!(iso("in a fortnight's time", "2021-05-20"), "2021-06-03");
        // After a superlative or an ordinal, or in the past tense, `in N years` looks back.
        assert!(nothing_dated("the highest level in two years", "2018-07-05"));
        assert!(nothing_dated("the second crash in seven years", "2018-07-05"));
        assert!(nothing_dated("Most returned within two years", "2018-07-05"));
        assert_eq!(
            iso("The plant will reopen in two years", "2018-07-05"),
            "2020-07-05"
        );
        let p = first("We will be only 3 next week", "2016-11-07");
        assert_eq!((p.start, p.end), (5, 7), "`3 next week` is no span: {p:?}");
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        let text = "Kim may 3 times";
        let tokens = tokenize(text, 0..text.len());
        assert!(phrases(&tokens, None).iter().all(|p| p.kind != Kind::Date));
    }
}
