//! Date ranges: `from May to October 2020`, `Jan-Feb 2017`, `between 3 and 12 September`,
//! `3-5 September`, `April 9th through 17th`, `Nov 18-Dec 19, 2015`, `from 2014 through
//! 2018`, `10/1/2018 - 10/7/2018`.
//!
//! A range is the closed interval from the first day of its first end to the last day of its
//! second: `from May to October` includes October, as news prose means it. An end written
//! without a year or month borrows them from the other end (`Nov 18-Dec 19, 2015` starts in
//! November 2015; `Nov-Feb 2017` in November 2016).

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

use super::{bounds, date_phrase, day_at, last_of_month, month_of, nearest_year, single, spelled, year_at};
use crate::claim::{Kind, Qualifier};
use crate::extract::Phrase;
use crate::interval::Interval;
use crate::token::Token;

/// Words that start a range.
pub(super) const TRIGGERS: &[&str] = &["between", "from"];

/// One end of a range.
#[derive(Debug, Clone)]
enum End<'p> {
    /// A full date, period or year: borrowed when it is the reading the caller already has.
    Full(Cow<'p, Phrase>),
    /// A day of the month alone: `3` in `3-5 September`, `17th` in `April 9th through 17th`.
    Day(u32, usize),
    /// A month alone: `Jan` in `Jan-Feb 2017`.
    Month(u32, usize),
}

/// A range starting at `i`; `here` is the single reading at `i` ([`single`]), computed once by
/// the caller.
pub(super) fn range_at(
    tokens: &[Token],
    i: usize,
    published: Option<NaiveDate>,
    here: Option<&Phrase>,
) -> Option<Phrase> {
    let first = tokens.get(i)?;
    let (prefix, j) = if first.is("between") || first.is("from") {
        (Some(first.folded.as_ref()), i + 1)
    } else {
        (None, i)
    };
    let a = end_at(tokens, j, published, true, (j == i).then_some(here))?;
    let a_end = end_index(&a);
    let joiner = tokens.get(a_end)?;
    let joins = match prefix {
        Some("between") => joiner.is("and"),
        _ => {
            ["to", "till", "until", "through", "thru"]
                .iter()
                .any(|w| joiner.is(w))
                || joiner.is_hyphen()
                || joiner.text == "~"
        }
    };
    if !joins {
        return None;
    }
    let loose_joiner =
        ["through", "thru", "till", "until"].iter().any(|w| joiner.is(w)) || joiner.text == "~";
    let b = end_at(tokens, a_end + 1, published, false, None)?;
    // `q1-2019`, `March-2019`: a year glued to a period names that period's year.
    let solid =
        joiner.is_hyphen() && !joiner.space_before && tokens.get(a_end + 1).is_some_and(|t| !t.space_before);
    let is_year = |e: &End| matches!(e, End::Full(p) if p.kind == Kind::Year);
    if solid && is_year(&a) != is_year(&b) {
        return None;
    }
    let (lo, hi, end, kind) = combine(tokens, &a, &b, published, prefix.is_some() || loose_joiner)?;
    if hi < lo {
        return None;
    }
    let mut p = date_phrase(i, end, Qualifier::Range);
    p.kind = kind;
    p.value = Some(Interval::closed(lo, hi));
    p.stated = Some((lo, hi));
    Some(p)
}

fn end_index(e: &End) -> usize {
    match e {
        End::Full(p) => p.end,
        End::Day(_, end) | End::Month(_, end) => *end,
    }
}

/// One end at `j`. A month or day alone is taken only when a joiner follows it (`first`) or
/// anywhere for the second end.
///
/// `known` is the single reading at `j` when the caller has it (`Some(None)`: there is none).
fn end_at<'p>(
    tokens: &[Token],
    j: usize,
    published: Option<NaiveDate>,
    first: bool,
    known: Option<Option<&'p Phrase>>,
) -> Option<End<'p>> {
    let joiner_at = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            ["to", "till", "until", "through", "thru", "and"]
                .iter()
                .any(|w| t.is(w))
                || t.is_hyphen()
                || t.text == "~"
        })
    };
    let k = j + usize::from(tokens.get(j).is_some_and(|t| t.is("the")));
    let t = tokens.get(k)?;
    let single_at_k = || -> Option<Cow<'p, Phrase>> {
        match known {
            Some(here) if k == j => here.map(Cow::Borrowed),
            _ => single(tokens, k, published).map(Cow::Owned),
        }
    };
    // `between Jan 2019 and now`, `from 2010-01-01 till current date`: publication day.
    let now_end = if t.is("now") {
        Some(k + 1)
    } else if t.is("current") && tokens.get(k + 1).is_some_and(|d| d.is("date")) {
        Some(k + 2)
    } else {
        None
    };
    if let Some(end) = now_end {
        if first && !joiner_at(end) {
            return None;
        }
        let mut p = date_phrase(k, end, Qualifier::Relative);
        match published {
            Some(d) => super::set_day(&mut p, d),
            None => p.resolution = Some("relative date with no publication date".to_string()),
        }
        return Some(End::Full(Cow::Owned(p)));
    }
    if let Some(m) = month_of(t.text).filter(|_| t.is_word()) {
        if !first || joiner_at(k + 1) {
            let full = single_at_k().filter(|p| p.end > k + 1);
            if let Some(p) = full {
                return Some(End::Full(p));
            }
            return Some(End::Month(m, k + 1));
        }
    }
    let day = day_at(tokens, k).or_else(|| {
        spelled::day_words(tokens, k)
            .filter(|d| d.2)
            .map(|(d, e, _)| (d, e))
    });
    if let Some((d, end)) = day {
        // `02-02-2020 - 03-03-2020`: a day followed by a numeric chain starts a numeric date.
        let chain = tokens.get(end).is_some_and(|h| h.is_hyphen() && !h.space_before)
            && tokens
                .get(end + 2)
                .is_some_and(|s| !s.space_before && (s.is_hyphen() || s.text == "/"));
        if first && joiner_at(end) && !chain {
            return Some(End::Day(d, end));
        }
        // `17th` or `seventeenth` closing `April 9th through 17th`.
        let month_follows = tokens
            .get(end)
            .is_some_and(|t| month_of(t.text).is_some() || t.is("of"));
        // `September 3-5`: a bare day right after a solid dash.
        let solid_dash =
            j > 0 && tokens[j - 1].is_hyphen() && !tokens[j - 1].space_before && !tokens[k].space_before;
        let marked = end == k + 2 || spelled::ordinal_word(&tokens[k].folded).is_some() || solid_dash;
        if !first && marked && !month_follows {
            return Some(End::Day(d, end));
        }
    }
    if let Some(y) = year_at(tokens, k) {
        return Some(End::Full(Cow::Owned(y)));
    }
    let p = single_at_k()?;
    matches!(p.kind, Kind::Date | Kind::Year).then_some(End::Full(p))
}

/// The day numbers (or years) of the two ends, with the index after the range and its kind.
fn combine(
    tokens: &[Token],
    a: &End,
    b: &End,
    published: Option<NaiveDate>,
    years_allowed: bool,
) -> Option<(f64, f64, usize, Kind)> {
    let day = |d: NaiveDate| super::day_number(d);
    match (a, b) {
        (End::Full(x), End::Full(y)) if x.kind == Kind::Year && y.kind == Kind::Year => {
            if !years_allowed || !x.value?.is_point() || !y.value?.is_point() {
                return None;
            }
            Some((x.value?.lo_value()?, y.value?.hi_value()?, y.end, Kind::Year))
        }
        (End::Full(x), End::Full(y)) => {
            let (mut y_first, mut y_last) = bounds(y)?;
            let (mut x_first, _) = bounds(x)?;
            // `between now and November 15th`: an end whose year was taken from publication
            // comes after the start.
            if year_from_publication(y) && !year_from_publication(x) && y_first < x_first {
                y_first = with_year(y_first, y_first.year() + 1)?;
                y_last = with_year(y_last, y_last.year() + 1)?;
            }
            // `from next Monday to Friday`: a bare weekday ending a range is the first such
            // day from the start on.
            let bare_weekday = y.end == y.start + 1 && super::weekday_of(&tokens[y.start].folded).is_some();
            if bare_weekday && y_first == y_last && y_first < x_first {
                let ahead = (y_first.weekday().num_days_from_monday() + 7
                    - x_first.weekday().num_days_from_monday())
                    % 7;
                y_first = x_first + chrono::Duration::days(i64::from(ahead));
                y_last = y_first;
            }
            if year_from_publication(x) && !year_from_publication(y) {
                x_first = with_year(x_first, y_first.year())?;
                if x_first > y_first {
                    x_first = with_year(x_first, y_first.year() - 1)?;
                }
            }
            Some((day(x_first), day(y_last), y.end, Kind::Date))
        }
        (End::Month(m, _), End::Full(y)) => {
            let (y_first, y_last) = bounds(y)?;
            let mut first = NaiveDate::from_ymd_opt(y_first.year(), *m, 1)?;
            if first > y_first {
                first = with_year(first, y_first.year() - 1)?;
            }
            Some((day(first), day(y_last), y.end, Kind::Date))
        }
        (End::Month(m, _), End::Month(n, end)) => {
            // `from April to June in 2017`, else the months nearest publication.
            let (year, end) = match year_after(tokens, *end) {
                Some((y, e)) => (if n < m { y - 1 } else { y }, e),
                None => (nearest_year(published?, *m, 15)?.year(), *end),
            };
            let first = NaiveDate::from_ymd_opt(year, *m, 1)?;
            let last_year = if n < m { year + 1 } else { year };
            let last = last_of_month(NaiveDate::from_ymd_opt(last_year, *n, 1)?)?;
            Some((day(first), day(last), end, Kind::Date))
        }
        (End::Day(d, _), End::Day(e, end)) => {
            // `between 3 and 12 of Sept`, `9 to 12 of June 2020`.
            let k = end + usize::from(tokens.get(*end).is_some_and(|t| t.is("of")));
            let month = single(tokens, k, published)?;
            let (first, _) = bounds(&month)?;
            if first.day() != 1 {
                return None;
            }
            Some((
                day(first.with_day(*d)?),
                day(first.with_day(*e)?),
                month.end,
                Kind::Date,
            ))
        }
        (End::Day(d, _), End::Full(y)) => {
            let (y_first, y_last) = bounds(y)?;
            (y_first == y_last).then_some(())?;
            Some((day(y_first.with_day(*d)?), day(y_last), y.end, Kind::Date))
        }
        (End::Full(x), End::Day(e, end)) => {
            let (mut x_first, x_last) = bounds(x)?;
            (x_first == x_last).then_some(())?;
            // `September 3-5, 2025`: the year written after the second day.
            let mut end = *end;
            if let Some((y, e)) = year_after(tokens, end).filter(|_| year_from_publication(x)) {
                x_first = with_year(x_first, y)?;
                end = e;
            }
            Some((day(x_first), day(x_first.with_day(*e)?), end, Kind::Date))
        }
        _ => None,
    }
}

/// `in 2017`, `of 2017`, `, 2017`, `2017` after a month.
fn year_after(tokens: &[Token], k: usize) -> Option<(i32, usize)> {
    let skip = tokens
        .get(k)
        .is_some_and(|t| t.is("in") || t.is("of") || t.text == ",");
    let j = k + usize::from(skip);
    let y = tokens
        .get(j)
        .filter(|y| y.is_number() && y.text.len() == 4 && y.text.bytes().all(|b| b.is_ascii_digit()))?;
    Some((y.number_value()? as i32, j + 1))
}

fn year_from_publication(p: &Phrase) -> bool {
    p.resolution
        .as_deref()
        .is_some_and(|r| r.starts_with("year taken from the publication date"))
}

fn with_year(d: NaiveDate, y: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use crate::claim::Kind;
    use crate::interval::Interval;
    use crate::when::tests::{days, first, nothing_dated, span};

    #[test]
    fn month_ranges_borrow_the_year() {
        assert_eq!(
            span("from May to Oct 2020", "2016-11-07"),
            days("2020-05-01", "2020-10-31")
        );
        assert_eq!(
            span("Jan-Feb 2017", "2016-11-07"),
            days("2017-01-01", "2017-02-28")
        );
        assert_eq!(
            span("Nov-Feb 2017", "2016-11-07"),
            days("2016-11-01", "2017-02-28")
        );
        assert_eq!(
            span("from april to June in 2017", "2016-11-07"),
            days("2017-04-01", "2017-06-30")
        );
        assert_eq!(
            span("from August to October", "2016-11-07"),
            days("2016-08-01", "2016-10-31")
        );
    }

    #[test]
    fn day_ranges() {
        assert_eq!(
            span("3-5 September 2025", "2016-11-07"),
            days("2025-09-03", "2025-09-05")
        );
        assert_eq!(
            span("on September 3-5", "2025-08-07"),
            days("2025-09-03", "2025-09-05")
        );
        assert_eq!(
            span("on September 3-5, 2020", "2025-08-07"),
            days("2020-09-03", "2020-09-05")
        );
        assert_eq!(
            span("between 3 and 12 of Sept 2016", "2016-11-07"),
            days("2016-09-03", "2016-09-12")
        );
        assert_eq!(
            span("april 9th through 17th", "2016-11-07"),
            days("2017-04-09", "2017-04-17")
        );
        assert_eq!(
            span("Nov 18-Dec 19, 2015", "2018-11-07"),
            days("2015-11-18", "2015-12-19")
        );
        assert_eq!(
            span("from 10/1/2018 - 10/7/2018", "2018-11-07"),
            days("2018-10-01", "2018-10-07")
        );
        assert_eq!(
            span("at 02-02-2020 - 03-03-2020", "2018-11-07"),
            days("2020-02-02", "2020-03-03")
        );
    }

    #[test]
    fn year_ranges() {
        let p = first("from 2014 through 2018", "2018-11-07");
        assert_eq!(
            (p.kind, p.value),
            (Kind::Year, Some(Interval::closed(2014.0, 2018.0)))
        );
        assert_eq!(
            span("from 2007 to the end of 2008", "2018-11-07"),
            days("2007-01-01", "2008-12-31")
        );
    }

    #[test]
    fn a_weekday_ending_a_range_follows_its_start() {
        // 2019-09-05 was a Thursday.
        assert_eq!(
            span("from next monday to friday", "2019-09-05"),
            days("2019-09-09", "2019-09-13")
        );
    }

    #[test]
    fn ranges_up_to_now() {
        assert_eq!(
            span("between Jan 2019 and now", "2020-04-26"),
            days("2019-01-01", "2020-04-26")
        );
        assert_eq!(
            span("between now and November 15th", "2019-04-23"),
            days("2019-04-23", "2019-11-15")
        );
        assert_eq!(
            span("from 2010-01-01 till current date", "2021-06-18"),
            days("2010-01-01", "2021-06-18")
        );
        assert_eq!(
            span("from March to date", "2016-11-07"),
            days("2016-03-01", "2016-11-07")
        );
        // `now` alone is no date.
        assert!(nothing_dated("now is the time", "2019-04-23"));
    }

    #[test]
    fn figures_are_not_day_ranges() {
        assert!(nothing_dated("scores from 6 to 8 points", "2018-11-07"));
        assert!(nothing_dated("between 2 and 3 of the children", "2018-11-07"));
        assert!(nothing_dated("rose from 2,000 to 3,000", "2018-11-07"));
    }
}
