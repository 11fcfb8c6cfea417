//! Time relative to publication: weekdays (`next Tuesday`), `yesterday`, `last year`, `last
//! fall`, parts of periods (`early September`, `the end of the year`), spans (`the past 10
//! days`, `in two weeks`), quarters and halves (`Q3 2025`, `the first half of 2024`) and `two
//! days ago`.

use chrono::{Datelike, Duration, NaiveDate};

use super::{
    add_months, date_phrase, day_at, last_of_month, month_number, nearest_year, period, set_day, set_days,
    spelled, tense_before, weekday_of,
};
use crate::claim::{Doubt, Kind, Qualifier};
use crate::extract::Phrase;
use crate::interval::Interval;
use crate::token::Token;

/// `Wednesday`, `coming Wednesday`, `this Saturday`: the nearest such day around
/// publication. `next Friday` and `last Wednesday` are read by week, as the Friday of next
/// week and the Wednesday of last week; where that differs from the nearest such day (`next
/// Friday` said on a Thursday: tomorrow, or eight days on) the phrase is marked ambiguous.
pub(super) fn weekday(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let (shift, w_index) = match tokens.get(i)?.folded.as_ref() {
        "next" | "following" => (3, i + 1),
        "last" | "previous" => (-3, i + 1),
        "coming" | "upcoming" => (1, i + 1),
        "this" => (2, i + 1),
        // Most tokens name no weekday: tell so before looking for the tense.
        _ if weekday_of(&tokens[i].folded).is_none() => return None,
        // `on a Thursday`, `every Monday`, `any Sunday`: a kind of day, not a day.
        _ if i
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .is_some_and(|p| ["a", "every", "each", "any"].iter().any(|w| p.is(w))) =>
        {
            return None
        }
        _ => (tense_before(tokens, i), i),
    };
    let w = weekday_of(&tokens.get(w_index)?.folded)?;
    if w_index == i {
        if let Some(p) = weekday_then_offset(tokens, i, w, published) {
            return Some(p);
        }
    }
    let mut p = date_phrase(i, w_index + 1, Qualifier::Relative);
    let Some(published) = published else {
        p.resolution = Some("weekday with no publication date".to_string());
        return Some(p);
    };
    let from = published.weekday().num_days_from_monday() as i64;
    let to = w.num_days_from_monday() as i64;
    let ahead = (to - from).rem_euclid(7);
    let nearest = |shift: i32| match shift {
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
    let offset = match shift {
        3 | -3 => {
            // The weekday of the week after or before the publication week (weeks run Monday
            // to Sunday).
            let by_week = to - from + if shift > 0 { 7 } else { -7 };
            if by_week != nearest(shift / 3) {
                p.doubt = Some(Doubt::Ambiguous);
            }
            by_week
        }
        _ => nearest(shift),
    };
    let date = published + Duration::days(offset);
    set_day(&mut p, date);
    p.resolution = Some(format!("{w:?} nearest to the publication date {published}"));
    Some(p)
}

/// `Monday two weeks from now`, `Thursday, two years from now`: that weekday of the week an
/// offset lands in.
fn weekday_then_offset(
    tokens: &[Token],
    i: usize,
    w: chrono::Weekday,
    published: Option<NaiveDate>,
) -> Option<Phrase> {
    let k = i + 1 + usize::from(tokens.get(i + 1).is_some_and(|c| c.text == ","));
    // Only a count can start the offset; anything else is a weekday alone.
    let t = tokens.get(k)?;
    if !(t.is_number() || crate::number::number_word(&t.folded).is_some()) {
        return None;
    }
    let offset = period::offset_at(tokens, k, published)?;
    if offset.start != k || offset.qualifier == Qualifier::Range {
        return None;
    }
    let mut p = date_phrase(i, offset.end, offset.qualifier);
    p.resolution = offset.resolution.clone();
    if let Some(v) = offset.value {
        let day = super::date_of(v.lo_value()?).filter(|_| v.is_point())?;
        let monday = period::monday_of(day);
        set_day(
            &mut p,
            monday + Duration::days(i64::from(w.num_days_from_monday())),
        );
    }
    Some(p)
}

/// `last year`, `this year`, `next year`, `last month`, `yesterday`, `today`, `two days ago`,
/// `last fall`.
pub(super) fn relative(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    // Folded words, borrowed: this runs on every token that may start a date.
    let w0: &str = tokens.get(i)?.folded.as_ref();
    // `last year's race`: the possessive belongs to the period.
    let w1 = tokens.get(i + 1).map_or("", |t| t.folded.as_ref());
    let w1 = crate::token::trim_possessive(w1);
    enum Rel {
        Year(i32),
        /// A school or academic year, which starts in August or September: read as the year it
        /// starts in, as `2024-25` is.
        SchoolYear(i32),
        Month(i32),
        Week(i64),
        Day(i64),
        Season(u32),
    }
    let (rel, end) = match (w0, w1) {
        ("last", "year") => (Rel::Year(-1), i + 2),
        ("this", "year") => (Rel::Year(0), i + 2),
        ("next" | "following", "year") => (Rel::Year(1), i + 2),
        ("this", "calendar") if tokens.get(i + 2).is_some_and(|t| t.is("year")) => (Rel::Year(0), i + 3),
        // `this school year` is left unread: as the current period it must date nothing, but
        // read as the year it starts in it would name last calendar year until August.
        ("last" | "next", "school" | "academic") if tokens.get(i + 2).is_some_and(|t| t.is("year")) => {
            (Rel::SchoolYear(if w0 == "last" { -1 } else { 1 }), i + 3)
        }
        ("last", "month") => (Rel::Month(-1), i + 2),
        ("this", "month") => (Rel::Month(0), i + 2),
        ("next" | "following", "month") => (Rel::Month(1), i + 2),
        ("last", "week") => (Rel::Week(-1), i + 2),
        ("this", "week") => (Rel::Week(0), i + 2),
        ("next" | "following", "week") => (Rel::Week(1), i + 2),
        ("yesterday", _) => (Rel::Day(-1), i + 1),
        ("today" | "tonight", _) => (Rel::Day(0), i + 1),
        ("tomorrow" | "tmrw" | "tmw", _) => (Rel::Day(1), i + 1),
        ("last", "spring") => (Rel::Season(3), i + 2),
        ("last", "summer") => (Rel::Season(6), i + 2),
        ("last", "fall" | "autumn") => (Rel::Season(9), i + 2),
        ("last", "winter") => (Rel::Season(12), i + 2),
        _ => return ago(tokens, i, published),
    };
    let kind_q = Qualifier::Relative;
    let mut p = match rel {
        Rel::Year(_) | Rel::SchoolYear(_) => {
            let mut p = date_phrase(i, end, kind_q);
            p.kind = Kind::Year;
            p
        }
        _ => date_phrase(i, end, kind_q),
    };
    // `the following week` usually follows a narrated time.
    if w0 == "following" {
        p.doubt = Some(Doubt::Ambiguous);
    }
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
        Rel::SchoolYear(d) => {
            let starts = if published.month() >= 8 {
                published.year()
            } else {
                published.year() - 1
            };
            let y = f64::from(starts + d);
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
pub(super) fn part_of_period(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
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
    // `the end of the 1960s` is a decade, not the year 1960.
    let decade = |k: usize| {
        tokens
            .get(k + 1)
            .is_some_and(|s| !s.space_before && (s.is("s") || s.text == "'" || s.text == "’"))
    };
    let year_token = |k: usize| {
        tokens
            .get(k)
            .filter(|y| y.is_number() && y.text.len() == 4 && !decade(k))
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
pub(super) fn span_from_now(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    #[derive(PartialEq)]
    enum Dir {
        Past,
        Next,
        In,
        Within,
    }
    let dir_word = |t: &Token| match t.folded.as_ref() {
        "past" | "last" | "previous" => Some(Dir::Past),
        "next" | "coming" | "upcoming" | "following" => Some(Dir::Next),
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
    let unit_word = tokens[end - 1].folded.as_ref();
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
    if t.is("following") {
        p.doubt = Some(Doubt::Ambiguous);
    }
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
        // Working days: the N before or after publication day, skipping weekends.
        (Dir::Past, period::Unit::BusinessDay) => (
            period::shift(published, unit, -n)?,
            period::shift(published, unit, -1)?,
        ),
        (Dir::Next, period::Unit::BusinessDay) => (
            period::shift(published, unit, 1)?,
            period::shift(published, unit, n)?,
        ),
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
pub(super) fn quarter(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
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

/// `2 weeks and 2 days ago`, `three years, two months ago`: the one day the parts count back
/// to, each part taken in turn (months and years keep the day of the month where it exists).
fn compound_ago(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    // A fixed array: this is tried at every number.
    let mut parts = [(period::Unit::Day, 0); 3];
    let mut len = 0;
    let mut j = i;
    while len < 3 {
        if len > 0 && tokens.get(j).is_some_and(|t| t.is("and") || t.text == ",") {
            j += 1;
        }
        let Some((n, k)) = period::count_at(tokens, j).filter(|&(n, _)| (1..=10_000).contains(&n)) else {
            break;
        };
        let Some((unit, e)) = period::unit_at(tokens, k) else {
            break;
        };
        parts[len] = (unit, n);
        len += 1;
        j = e;
    }
    if len < 2 || !tokens.get(j).is_some_and(|t| t.is("ago")) {
        return None;
    }
    let mut p = date_phrase(i, j + 1, Qualifier::Relative);
    let Some(published) = published else {
        p.resolution = Some("relative date with no publication date".to_string());
        return Some(p);
    };
    let mut day = published;
    for &(unit, n) in &parts[..len] {
        day = period::shift(day, unit, -n)?;
    }
    set_day(&mut p, day);
    p.resolution = Some(format!("counted back from the publication date {published}"));
    Some(p)
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
    if !(1.0..=100_000.0).contains(&n) {
        // `99999999999 days ago` is no date (and would overflow the calendar).
        return None;
    }
    if !tokens.get(i + 2)?.is("ago") {
        return compound_ago(tokens, i, published);
    }
    let unit: &str = tokens.get(i + 1)?.folded.as_ref();
    let mut p = date_phrase(i, i + 3, Qualifier::Relative);
    let Some(published) = published else {
        p.resolution = Some("relative date with no publication date".to_string());
        return Some(p);
    };
    p.resolution = Some(format!("counted back from the publication date {published}"));
    let n_i = n as i64;
    match unit.trim_end_matches('s') {
        "day" => set_day(&mut p, published.checked_sub_signed(Duration::days(n_i))?),
        "week" => set_day(&mut p, published.checked_sub_signed(Duration::days(7 * n_i))?),
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
