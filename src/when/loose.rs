//! Periods named loosely, around publication: `earlier this year`, `later this week`, `the
//! week`, `the same month`, `that weekend`, `the day before`, `year to date`, `to date`,
//! `this working week`, `the nineties`, `the 90s`.
//!
//! Most of these are conventions rather than readings the words force: `later this year`
//! said in May is taken as the second half of the year, `the week` as the publication's week.
//! Such phrases carry an `ambiguous` doubt, so they are listed but never make a finding.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::period::monday_of;
use super::{date_phrase, last_of_month, set_days};
use crate::claim::{Doubt, Kind, Qualifier};
use crate::extract::Phrase;
use crate::interval::Interval;
use crate::token::Token;

/// Words that may start a phrase read here.
pub(super) const TRIGGERS: &[&str] = &[
    "earlier",
    "later",
    "day",
    "week",
    "month",
    "year",
    "fortnight",
    "weekend",
    "date",
    "ytd",
    "tmrw",
    "tmw",
    "workweek",
    "working",
    "work",
    "business",
    "this",
    "next",
    "last",
    "previous",
    "current",
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
];

/// The longest loose period starting at `i`.
pub(super) fn loose_at(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let t = tokens.get(i)?;
    match t.folded.as_ref() {
        "earlier" | "later" => earlier_later(tokens, i, published),
        "date" | "ytd" | "year" => to_date(tokens, i, published).or_else(|| the_period(tokens, i, published)),
        "this" | "next" | "last" | "previous" | "current" | "coming" => {
            work_week(tokens, i, published).or_else(|| decades_ahead(tokens, i, published))
        }
        _ if decade_word(&t.folded).is_some() => decade_word_at(tokens, i),
        _ => the_period(tokens, i, published),
    }
}

/// `2016 s`, `90 s`, `90s`, `'90s`: a decade written with its `s` (four-digit years solid
/// with their `s`, `1990s`, are read with the other figures). Two digits name the decade of
/// the last century that has them, marked ambiguous (`the 90s` could be temperatures).
pub(super) fn decade_digits(tokens: &[Token], i: usize) -> Option<Phrase> {
    let t = tokens.get(i)?;
    let apostrophe = t.text == "'" || t.text == "’";
    let d = if apostrophe { tokens.get(i + 1)? } else { t };
    let k = i + usize::from(apostrophe);
    if !d.is_number()
        || !d.text.bytes().all(|b| b.is_ascii_digit())
        || !(d.text.len() == 2 || d.text.len() == 4)
    {
        return None;
    }
    let s = tokens.get(k + 1).filter(|s| s.is("s"))?;
    // `1990 s.` or `90s`; not `90 s` before a word, where `s` may be seconds.
    let ends = tokens.get(k + 2).is_none_or(|n| !n.is_word());
    if s.space_before && !ends {
        return None;
    }
    let n: i32 = d.text.parse().ok()?;
    if n % 10 != 0 || (d.text.len() == 4 && !(1000..=2100).contains(&n)) {
        return None;
    }
    if d.text.len() == 4 && !s.space_before {
        // Read with the figures (`1990s`).
        return None;
    }
    let first = if d.text.len() == 2 { 1900 + n } else { n };
    let mut p = decade(i, k + 2, first);
    if d.text.len() == 2 {
        p.doubt = Some(Doubt::Ambiguous);
        p.resolution = Some(format!("`{n}s` read as the {first}s"));
    }
    Some(p)
}

/// A decade word after `the` or `in`: `the nineties` is 1990-1999, marked ambiguous (it may
/// be a temperature or an age).
fn decade_word_at(tokens: &[Token], i: usize) -> Option<Phrase> {
    let n = decade_word(&tokens[i].folded)?;
    let before = i.checked_sub(1).and_then(|b| tokens.get(b))?;
    if !(before.is("the") || before.is("in")) {
        return None;
    }
    let first = 1900 + n;
    let mut p = decade(i, i + 1, first);
    p.doubt = Some(Doubt::Ambiguous);
    p.resolution = Some(format!("read as the {first}s"));
    Some(p)
}

/// `this decade`, `the next decade`, `the coming two decades`: calendar decades (the 2020s are
/// 2020-2029), marked ambiguous (`the next decade` may also mean the next ten years). `the past
/// decade` is left to the spans counted back from publication.
fn decades_ahead(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let shift = match tokens[i].folded.as_ref() {
        "this" | "current" => 0,
        "next" | "coming" => 1,
        _ => return None,
    };
    let (n, j) = match super::period::count_at(tokens, i + 1) {
        Some((n, j)) if shift == 1 && tokens.get(j).is_some_and(|d| d.is("decades")) => (n, j),
        _ => (1, i + 1),
    };
    let word = tokens.get(j)?;
    if !(word.is("decade") || (n > 1 && word.is("decades"))) || !(1..=10).contains(&n) {
        return None;
    }
    let mut p = date_phrase(i, j + 1, Qualifier::Range);
    p.kind = Kind::Year;
    p.doubt = Some(Doubt::Ambiguous);
    let Some(published) = published else {
        p.resolution = Some("relative date with no publication date".to_string());
        return Some(p);
    };
    let first = published.year().div_euclid(10) * 10 + 10 * shift;
    let (a, b) = (f64::from(first), f64::from(first + 10 * n - 1));
    p.value = Some(Interval::closed(a, b));
    p.stated = Some((a, b));
    p.resolution = Some(format!(
        "calendar decades counted from the publication date {published}"
    ));
    Some(p)
}

/// The decade a plural tens word names (`nineties` = 90).
pub(super) fn decade_word(word: &str) -> Option<i32> {
    let n = match word {
        "twenties" => 20,
        "thirties" => 30,
        "forties" => 40,
        "fifties" => 50,
        "sixties" => 60,
        "seventies" => 70,
        "eighties" => 80,
        "nineties" => 90,
        _ => return None,
    };
    Some(n)
}

fn decade(start: usize, end: usize, first: i32) -> Phrase {
    let mut p = date_phrase(start, end, Qualifier::Range);
    p.kind = Kind::Year;
    let (a, b) = (f64::from(first), f64::from(first + 9));
    p.value = Some(Interval::closed(a, b));
    p.stated = Some((a, b));
    p
}

/// A calendar period around publication: its first day, its last day, and the index after the
/// words naming it.
#[derive(Clone, Copy, PartialEq)]
enum Period {
    Week,
    Month,
    Year,
}

/// `earlier this year`, `later this week`, `earlier in the week`, `later in the year`,
/// `earlier previous week`, `later next month`: the first half of the period (Monday to
/// Wednesday, the 1st to the 15th, January to June) or its second half (Thursday to Sunday, the
/// 16th to the end, July to December); in the publication's own period, `earlier` ends the day
/// before publication and `later` starts on it.
fn earlier_later(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let later = tokens[i].is("later");
    let mut j = i + 1;
    if tokens.get(j).is_some_and(|t| t.is("in")) && tokens.get(j + 1).is_some_and(|t| t.is("the")) {
        j += 2;
    }
    let shift = match tokens.get(j)?.folded.as_ref() {
        "this" | "the" => {
            j += 1;
            0
        }
        "next" => {
            j += 1;
            1
        }
        "last" | "previous" => {
            j += 1;
            -1
        }
        _ if j == i + 3 => 0,
        _ => return None,
    };
    let period = period_word(tokens.get(j)?)?;
    let mut p = date_phrase(i, j + 1, Qualifier::Range);
    p.doubt = Some(Doubt::Ambiguous);
    let Some(published) = published else {
        p.resolution = Some("relative date with no publication date".to_string());
        return Some(p);
    };
    let (first, last) = period_days(published, period, shift)?;
    let (mid_last, mid_first) = match period {
        Period::Week => (first + Duration::days(2), first + Duration::days(3)),
        Period::Month => (first.with_day(15)?, first.with_day(16)?),
        Period::Year => (first.with_month(6)?.with_day(30)?, first.with_month(7)?),
    };
    let (mut a, mut b) = if later {
        (mid_first, last)
    } else {
        (first, mid_last)
    };
    if shift == 0 {
        let (ca, cb) = if later {
            (a.max(published), b)
        } else {
            (a, b.min(published - Duration::days(1)))
        };
        if ca <= cb {
            (a, b) = (ca, cb);
        }
    }
    set_days(&mut p, a, b);
    let half = if later { "second" } else { "first" };
    p.resolution = Some(format!(
        "the {half} half of the period, counted from the publication date {published}"
    ));
    Some(p)
}

fn period_word(t: &Token) -> Option<Period> {
    match t.folded.as_ref() {
        "week" => Some(Period::Week),
        "month" => Some(Period::Month),
        "year" => Some(Period::Year),
        _ => None,
    }
}

/// The first and last day of the week, month or year `shift` periods from publication's.
fn period_days(published: NaiveDate, period: Period, shift: i32) -> Option<(NaiveDate, NaiveDate)> {
    match period {
        Period::Week => {
            let monday = monday_of(published) + Duration::days(7 * i64::from(shift));
            Some((monday, monday + Duration::days(6)))
        }
        Period::Month => {
            let first = super::add_months(published.with_day(1)?, shift)?;
            Some((first, last_of_month(first)?))
        }
        Period::Year => {
            let y = published.year() + shift;
            Some((
                NaiveDate::from_ymd_opt(y, 1, 1)?,
                NaiveDate::from_ymd_opt(y, 12, 31)?,
            ))
        }
    }
}

/// `the same week`, `the same year`, `that weekend`, read as the publication's own period;
/// `the day before` and `the day after` at the end of a clause as the days around it. All are
/// marked ambiguous: in an article they usually mean a time the text narrates. The phrase
/// starts at the noun; `the same week of April 10` and `the day before the vote` are unread.
fn the_period(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let noun = tokens.get(i)?;
    if !["day", "week", "month", "year", "fortnight", "weekend"]
        .iter()
        .any(|w| noun.is(w))
    {
        return None;
    }
    let before = |k: usize| i.checked_sub(k).and_then(|b| tokens.get(b));
    let same = before(1).is_some_and(|t| t.is("same")) && before(2).is_some_and(|t| t.is("the"));
    let that = before(1).is_some_and(|t| t.is("that"));
    let the = before(1).is_some_and(|t| t.is("the"));
    if !(same || that || the) {
        return None;
    }
    let next = tokens.get(i + 1);
    let next_is = |w: &str| next.is_some_and(|t| t.is(w));
    let ends = next.is_none_or(|t| !t.is_word() && !t.is_number());
    // `the day before`, `the day after`, at the end of a clause.
    let day_shift = if noun.is("day") && (next_is("before") || next_is("after")) {
        let closes = tokens.get(i + 2).is_none_or(|t| !t.is_word() && !t.is_number());
        if !closes {
            return None;
        }
        Some(if next_is("before") { -1 } else { 1 })
    } else {
        None
    };
    // A bare `the week`, `the year` (`the climax of the week`, `later in the day`, `events of
    // the year`) is left unread: in news it is nearly always a narrated time, and a doubtful
    // claim for each would bury the ones that matter.
    if !(same || (that && noun.is("weekend")) || day_shift.is_some()) {
        return None;
    }
    let follows_ok = ends
        || day_shift.is_some()
        || next.is_some_and(|t| {
            t.is_word()
                && ![
                    "of", "before", "after", "to", "when", "in", "which", "ended", "ending", "'s", "’s",
                ]
                .iter()
                .any(|w| t.is(w))
        });
    if !follows_ok
        || next.is_some_and(|t| t.is_number() || t.text.starts_with('\'') || t.text.starts_with('’'))
    {
        return None;
    }
    let end = i + 1 + usize::from(day_shift.is_some());
    let mut p = date_phrase(i, end, Qualifier::Relative);
    p.doubt = Some(Doubt::Ambiguous);
    let Some(published) = published else {
        p.resolution = Some("relative date with no publication date".to_string());
        return Some(p);
    };
    let (first, last) = match noun.folded.as_ref() {
        "day" => {
            let d = published + Duration::days(day_shift.unwrap_or(0));
            (d, d)
        }
        "week" => period_days(published, Period::Week, 0)?,
        "month" => period_days(published, Period::Month, 0)?,
        "year" => {
            p.kind = Kind::Year;
            let y = f64::from(published.year());
            p.value = Some(Interval::point(y));
            p.stated = Some((y, y));
            p.resolution = Some(format!("taken as the year of publication, {published}"));
            return Some(p);
        }
        "fortnight" => {
            let monday = monday_of(published);
            (monday, monday + Duration::days(13))
        }
        "weekend" if that => {
            let saturday = monday_of(published) + Duration::days(5);
            (saturday, saturday + Duration::days(1))
        }
        _ => return None,
    };
    set_days(&mut p, first, last);
    p.resolution = Some(format!("taken as the period of publication, {published}"));
    Some(p)
}

/// `year to date`, `the year-to-date`, `YTD`: from 1 January to the day before publication
/// (the last whole day a year-to-date figure counts); `to date` and `till date` alone: as of
/// publication.
fn to_date(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let t = &tokens[i];
    let solid_hyphen = |k: usize| tokens.get(k).is_some_and(|h| h.is_hyphen());
    let (year, end) = if t.is("ytd") {
        (true, i + 1)
    } else if t.is("year") {
        let k = i + 1 + usize::from(solid_hyphen(i + 1));
        let to = tokens.get(k).filter(|w| w.is("to"))?;
        let h = k + 1 + usize::from(solid_hyphen(k + 1));
        let _ = to;
        tokens.get(h).filter(|w| w.is("date"))?;
        (true, h + 1)
    } else {
        // `to date`, `till date`: the phrase is the word `date`, its relation `as_of`.
        let before = i.checked_sub(1).and_then(|b| tokens.get(b))?;
        if !["to", "till", "until"].iter().any(|w| before.is(w)) {
            return None;
        }
        // `up to date`, `equals to date 1`, `to date of birth`, `to date from 2010`.
        let up = i
            .checked_sub(2)
            .and_then(|b| tokens.get(b))
            .is_some_and(|w| ["up", "equal", "equals", "equally"].iter().any(|x| w.is(x)));
        let next = tokens.get(i + 1);
        if up || next.is_some_and(|n| n.is("of") || n.is("from") || n.is_number()) {
            return None;
        }
        (false, i + 1)
    };
    let mut p = date_phrase(i, end, Qualifier::Relative);
    let Some(published) = published else {
        p.resolution = Some("relative date with no publication date".to_string());
        return Some(p);
    };
    if year {
        let last = published - Duration::days(1);
        let first = NaiveDate::from_ymd_opt(published.year(), 1, 1)?;
        set_days(&mut p, first.min(last), last);
        p.resolution = Some(format!("up to the day before the publication date {published}"));
    } else {
        // As of publication: not an earlier as-of date, which would date the figures beside it.
        set_days(&mut p, published, published);
        p.relation = Some("as_of".to_string());
        p.resolution = Some(format!("as of the publication date {published}"));
    }
    Some(p)
}

/// `this working week`, `next workweek`, `last work week`, `this business week`: Monday to
/// Friday.
fn work_week(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let shift = match tokens[i].folded.as_ref() {
        "this" | "current" => 0,
        "next" => 1,
        "last" | "previous" => -1,
        _ => return None,
    };
    let w = tokens.get(i + 1)?;
    let end = if w.is("workweek") {
        i + 2
    } else if ["working", "work", "business"].iter().any(|x| w.is(x)) && tokens.get(i + 2)?.is("week") {
        i + 3
    } else {
        return None;
    };
    let mut p = date_phrase(i, end, Qualifier::Relative);
    let Some(published) = published else {
        p.resolution = Some("relative date with no publication date".to_string());
        return Some(p);
    };
    let monday = monday_of(published) + Duration::days(7 * shift);
    debug_assert_eq!(monday.weekday(), Weekday::Mon);
    set_days(&mut p, monday, monday + Duration::days(4));
    p.resolution = Some(format!(
        "working week counted from the publication date {published}"
    ));
    Some(p)
}

#[cfg(test)]
mod tests {
    use crate::claim::{Doubt, Kind};
    use crate::interval::Interval;
    use crate::when::tests::{days, first, nothing_dated, span};

    #[test]
    fn earlier_and_later_take_halves_clipped_at_publication() {
        // 2018-05-28 was a Monday.
        assert_eq!(
            span("earlier this month", "2018-05-28"),
            days("2018-05-01", "2018-05-15")
        );
        assert_eq!(
            span("earlier this year", "2018-05-28"),
            days("2018-01-01", "2018-05-27")
        );
        assert_eq!(
            span("later this week", "2018-05-28"),
            days("2018-05-31", "2018-06-03")
        );
        assert_eq!(
            span("later this month", "2018-05-28"),
            days("2018-05-28", "2018-05-31")
        );
        assert_eq!(
            span("later this year", "2018-05-28"),
            days("2018-07-01", "2018-12-31")
        );
        assert_eq!(
            span("later in the year", "2018-05-28"),
            days("2018-07-01", "2018-12-31")
        );
        assert_eq!(
            span("earlier in the week", "2018-05-31"),
            days("2018-05-28", "2018-05-30")
        );
        assert_eq!(
            span("earlier previous week", "2018-11-30"),
            days("2018-11-19", "2018-11-21")
        );
        assert_eq!(
            first("later this year", "2018-05-28").doubt,
            Some(Doubt::Ambiguous)
        );
        // `later` alone, or before another word, is no period.
        assert!(nothing_dated("he said later that the plan", "2018-05-28"));
    }

    #[test]
    fn the_same_period_is_the_publications_and_doubtful() {
        let p = first("the same week that it", "2017-11-17");
        assert_eq!(p.doubt, Some(Doubt::Ambiguous));
        assert_eq!(
            span("the same week that it", "2017-11-17"),
            days("2017-11-13", "2017-11-19")
        );
        assert_eq!(
            span("not there that weekend.", "2016-11-11"),
            days("2016-11-12", "2016-11-13")
        );
        assert_eq!(
            span("What happened the day before", "2018-11-08"),
            days("2018-11-07", "2018-11-07")
        );
        let p = first("in the same year.", "2018-05-24");
        assert_eq!((p.kind, p.value), (Kind::Year, Some(Interval::point(2018.0))));
        // A bare `the week` is a narrated time; a period named by what follows is no period
        // of publication.
        assert!(nothing_dated("The climax of the week will be", "2018-05-24"));
        assert!(nothing_dated("events of the year, a testament", "2018-05-24"));
        assert!(nothing_dated("arrive later in the day.", "2018-05-24"));
        assert!(nothing_dated("the same week of talks", "2018-05-24"));
        assert!(nothing_dated("the day before the vote", "2018-05-24"));
        assert!(nothing_dated("the year's best film", "2018-05-24"));
        assert!(nothing_dated("the six-mile trip, that one mile", "2018-05-24"));
    }

    #[test]
    fn up_to_date() {
        assert_eq!(
            span("down 20% in the year to date.", "2018-09-07"),
            days("2018-01-01", "2018-09-06")
        );
        assert_eq!(
            span("year-to-date sales", "2018-09-07"),
            days("2018-01-01", "2018-09-06")
        );
        let p = first("docked to date?", "2016-11-07");
        assert_eq!(p.relation.as_deref(), Some("as_of"));
        assert_eq!(
            span("docked to date?", "2016-11-07"),
            days("2016-11-07", "2016-11-07")
        );
        assert!(nothing_dated("keep it up to date", "2016-11-07"));
        assert!(nothing_dated("greater than or equals to date 1", "2016-11-07"));
    }

    #[test]
    fn working_weeks_run_monday_to_friday() {
        assert_eq!(
            span("this working week", "2018-06-27"),
            days("2018-06-25", "2018-06-29")
        );
        assert_eq!(
            span("on next workweek", "2018-06-27"),
            days("2018-07-02", "2018-07-06")
        );
    }

    #[test]
    fn decades() {
        let p = first("presidents in 1990 s.", "2018-06-27");
        assert_eq!(
            (p.kind, p.value),
            (Kind::Year, Some(Interval::closed(1990.0, 1999.0)))
        );
        let p = first("presidents in 90 s.", "2018-06-27");
        assert_eq!(p.value, Some(Interval::closed(1990.0, 1999.0)));
        assert_eq!(p.doubt, Some(Doubt::Ambiguous));
        let p = first("presidents in the nineties", "2018-06-27");
        assert_eq!(p.value, Some(Interval::closed(1990.0, 1999.0)));
        assert_eq!(p.doubt, Some(Doubt::Ambiguous));
        assert!(nothing_dated("a woman in her forties", "2018-06-27"));
        let p = first("should start in the next decade", "2019-06-27");
        assert_eq!(
            (p.kind, p.value),
            (Kind::Year, Some(Interval::closed(2020.0, 2029.0)))
        );
        assert_eq!(p.doubt, Some(Doubt::Ambiguous));
        let p = first("completed in the next two decades.", "2019-06-27");
        assert_eq!(p.value, Some(Interval::closed(2020.0, 2039.0)));
        let p = first("later this decade", "2019-06-27");
        assert_eq!(p.value, Some(Interval::closed(2010.0, 2019.0)));
        assert!(nothing_dated("ran 90 s laps", "2018-06-27"));
    }
}
