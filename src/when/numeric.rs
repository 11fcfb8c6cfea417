//! Dates written with digits and separators: `3/9/2025`, `9/3`, `2025/09/03`, `03.09.2025`,
//! `05-Aug-2016`, `Dec/2018`, `2015-3`, `20161016`.
//!
//! Order policy: slashes and dashes are read month first (US order, the one the English wire
//! services use), unless the first number cannot be a month (`22/04` is 22 April). Dots are
//! read day first (`03.09.2025` is 3 September), the European convention that writes them.
//! When both readings are valid dates the claim says so in its resolution, so a reader can
//! see which order was assumed.
//!
//! A bare `M/D` without a year is also a fraction (`3/4`), a rate (`24/7`), a score (`11/20`)
//! or a name (`the 9/11 attacks`, which happened in 2001, not in the year nearest
//! publication): it is read as a date only after a word that introduces dates (`on 5/12`, `by
//! 5/12`), never before `of` or `%`.

use chrono::NaiveDate;

use super::{date_phrase, last_of_month, month_of, nearest_year, set_day, set_days, weekday_of};
use crate::claim::{Doubt, Qualifier};
use crate::extract::Phrase;
use crate::token::Token;

/// A numeric or mixed date starting at `i`.
pub(super) fn numeric_at(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    numeric_range(tokens, i, published)
        .or_else(|| dotted(tokens, i))
        .or_else(|| chain(tokens, i, published))
}

/// A month, day and perhaps year written `M/D`, `M/D/YYYY` or `M-D-YYYY`.
#[derive(Clone, Copy)]
struct MonthDay {
    month: u32,
    day: u32,
    year: Option<i32>,
    /// Both orders give a date (`10/1`: October 1 or January 10).
    either_order: bool,
}

/// `M/D`, `M/D/YYYY` or `M-D-YYYY` at `i`, its parts joined by `sep` written solid; the
/// separator used and the index after it.
fn month_day(tokens: &[Token], i: usize, sep: Option<&str>) -> Option<(MonthDay, &'static str, usize)> {
    let num = |j: usize, max_len: usize| {
        tokens
            .get(j)
            .filter(|t| {
                t.is_number() && t.text.len() <= max_len && t.text.bytes().all(|b| b.is_ascii_digit())
            })
            .and_then(|t| t.text.parse::<u32>().ok())
    };
    let solid = |j: usize, s: &str| tokens.get(j).is_some_and(|t| t.text == s && !t.space_before);
    let s: &'static str = match sep {
        Some("-") => "-",
        Some(_) => "/",
        None if solid(i + 1, "/") => "/",
        None => "-",
    };
    let a = num(i, 2)?;
    if !solid(i + 1, s) || tokens.get(i + 2).is_some_and(|t| t.space_before) {
        return None;
    }
    let b = num(i + 2, 2)?;
    let (month, day) = if a > 12 { (b, a) } else { (a, b) };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let year = (solid(i + 3, s) && tokens.get(i + 4).is_some_and(|t| !t.space_before))
        .then(|| num(i + 4, 4).filter(|_| tokens[i + 4].text.len() == 4))
        .flatten()
        .and_then(|y| i32::try_from(y).ok());
    let end = if year.is_some() { i + 5 } else { i + 3 };
    let md = MonthDay {
        month,
        day,
        year,
        either_order: a <= 12 && b <= 12 && a != b,
    };
    Some((md, s, end))
}

/// Two numeric dates joined by a solid dash: `10/1/2018-10/7/2018`, `10-1-2018-10-7-2018`,
/// `5/1-5/7/2020`, `from 5/1-5/7, 2020`, `10/1-11/2/2017`, `between 10/1-11/7`. The first
/// takes the second's year when it has none (the year before if its month and day come
/// later); with no year at all, the range is read only after a word that introduces dates, in
/// the year nearest publication. Dashed dates need their years (`4-23` is a score).
fn numeric_range(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let (a, sep, j) = month_day(tokens, i, None)?;
    if !tokens.get(j).is_some_and(|h| h.is_hyphen() && !h.space_before)
        || tokens.get(j + 1).is_none_or(|t| t.space_before)
    {
        return None;
    }
    let (b, _, mut end) = month_day(tokens, j + 1, Some(sep))?;
    let mut b_year = b.year;
    // `5/1-5/7, 2020`.
    if b_year.is_none()
        && tokens.get(end).is_some_and(|c| c.text == ",")
        && tokens
            .get(end + 1)
            .is_some_and(|y| y.is_number() && y.text.len() == 4 && y.text.bytes().all(|d| d.is_ascii_digit()))
    {
        b_year = tokens[end + 1].text.parse().ok();
        end += 2;
    }
    // A chain that goes on is a code.
    let goes_on = tokens.get(end).is_some_and(|s| {
        !s.space_before
            && (s.is_hyphen() || s.text == "/")
            && tokens.get(end + 1).is_some_and(|n| !n.space_before)
    });
    if goes_on || (sep == "-" && (a.year.is_none() || b.year.is_none())) {
        return None;
    }
    let later = (a.month, a.day) > (b.month, b.day);
    let mut resolution = None;
    let (ya, yb) = match (a.year, b_year) {
        (Some(x), Some(y)) => (x, y),
        (None, Some(y)) => (if later { y - 1 } else { y }, y),
        (Some(_), None) => return None,
        (None, None) => {
            let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
            if !prev.is_some_and(|p| DATE_CONTEXT.iter().any(|w| p.is(w))) {
                return None;
            }
            let p = published?;
            let first = nearest_year(p, a.month, a.day)?;
            resolution = Some(format!("year taken from the publication date {p}"));
            let y = chrono::Datelike::year(&first);
            (y, if later { y + 1 } else { y })
        }
    };
    let first = NaiveDate::from_ymd_opt(ya, a.month, a.day)?;
    let last = NaiveDate::from_ymd_opt(yb, b.month, b.day)?;
    if last < first {
        return None;
    }
    let mut p = date_phrase(i, end, Qualifier::Range);
    set_days(&mut p, first, last);
    p.resolution = resolution;
    if a.either_order || b.either_order {
        p.doubt = Some(Doubt::Ambiguous);
    }
    Some(p)
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Part {
    /// A number and how many digits it was written with.
    Num(u32, usize),
    Month(u32),
}

/// Words after which a bare `M/D` is a date.
const DATE_CONTEXT: &[&str] = &[
    "on", "by", "from", "since", "until", "till", "before", "after", "between", "and", "to", "this", "next",
    "last", "dated", "through",
];

/// `9/3/2025`, `2025/9/3`, `Sep-23-2020`, `23/Sep/2020`, `mar3`, `Dec/2018`, `12-2015`,
/// `2015-3`, `20161016`.
fn chain(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let part = |j: usize| -> Option<Part> {
        let t = tokens.get(j)?;
        if t.is_number() && t.text.bytes().all(|b| b.is_ascii_digit()) {
            return Some(Part::Num(t.text.parse().ok()?, t.text.len()));
        }
        if t.is_word() {
            return month_of(t.text).map(Part::Month);
        }
        None
    };
    // At most three parts, kept on the stack: this runs at every number that may start a date.
    let mut buf = [part(i)?; 3];
    let mut n = 1;
    let mut sep: Option<&str> = None;
    let mut j = i + 1;
    while n < 3 {
        let Some(s) = tokens.get(j) else { break };
        let last = buf[n - 1];
        // `mar3`: a month glued to its day.
        if matches!(last, Part::Month(_)) && s.is_number() && !s.space_before && n == 1 {
            if let Some(p @ Part::Num(..)) = part(j) {
                buf[n] = p;
                n += 1;
                j += 1;
                sep = Some("");
                continue;
            }
        }
        let joins = !s.space_before
            && matches!(s.text, "/" | "-")
            && sep.is_none_or(|x| x == s.text)
            && tokens.get(j + 1).is_some_and(|n| !n.space_before);
        let Some(next) = joins.then(|| part(j + 1)).flatten() else {
            break;
        };
        sep = Some(s.text);
        buf[n] = next;
        n += 1;
        j += 2;
    }
    let parts = &buf[..n];
    // A chain that goes on (`541-555-0142`, `1/2/3/4`) is a code, not a date.
    let goes_on = tokens.get(j).is_some_and(|s| {
        !s.space_before
            && matches!(s.text, "/" | "-" | ".")
            && tokens
                .get(j + 1)
                .is_some_and(|n| n.is_number() && !n.space_before)
    });
    if goes_on && sep != Some("") && parts.len() == 3 {
        return None;
    }
    let months = parts.iter().filter(|p| matches!(p, Part::Month(_))).count();
    let (date, end, note) = match (months, parts) {
        (0, [Part::Num(v, 8)]) => (Day(compact(*v)?), j, None),
        (0, [a, b, c]) => {
            let note = match (a, b) {
                (Part::Num(x, lx), Part::Num(y, _)) if *lx <= 2 => order_note(*x, *y),
                _ => None,
            };
            (numeric_three(*a, *b, *c)?, j, note)
        }
        (0, [a, b]) => numeric_two(tokens, i, j, *a, *b, sep?, published)?,
        (1, _) if parts.len() >= 2 => mixed(parts, published)?.with(j)?,
        _ => return None,
    };
    let mut p = date_phrase(i, end, Qualifier::Exact);
    // `3/4/2025`, `5/6`: both orders give a date.
    let either_order = match parts {
        [Part::Num(x, lx), Part::Num(y, _), ..] if months == 0 && parts.len() <= 3 && *lx <= 2 => {
            order_note(*x, *y).is_some()
        }
        _ => false,
    };
    if either_order {
        p.doubt = Some(Doubt::Ambiguous);
    }
    match date {
        Day(d) => set_day(&mut p, d),
        Month(first) => set_days(&mut p, first, last_of_month(first)?),
        NoYear => p.resolution = Some("no year and no publication date".to_string()),
    }
    if p.resolution.is_none() {
        p.resolution = note;
    }
    Some(p)
}

/// What a numeric date names.
enum Reading {
    Day(NaiveDate),
    Month(NaiveDate),
    /// A day and month with neither a year nor a publication date to take one from.
    NoYear,
}
use Reading::{Day, Month, NoYear};

impl Reading {
    fn with(self, end: usize) -> Option<(Reading, usize, Option<String>)> {
        Some((self, end, None))
    }
}

/// `20161016`: a year, month and day written solid.
fn compact(v: u32) -> Option<NaiveDate> {
    let (y, m, d) = (v / 10_000, v / 100 % 100, v % 100);
    (1900..=2100).contains(&y).then_some(())?;
    NaiveDate::from_ymd_opt(y as i32, m, d)
}

/// A two-digit year: `40` is 1940, `25` is 2025 (years below 30 are this century's).
fn full_year(v: u32, digits: usize) -> Option<i32> {
    match digits {
        4 if (1000..=2100).contains(&v) => Some(v as i32),
        2 => Some(if v < 30 { 2000 + v as i32 } else { 1900 + v as i32 }),
        _ => None,
    }
}

/// Three numbers: `2025/9/3` (year first), else `9/3/2025` (month first, US order) unless the
/// first cannot be a month (`23/08/39`).
fn numeric_three(a: Part, b: Part, c: Part) -> Option<Reading> {
    let (Part::Num(a, la), Part::Num(b, lb), Part::Num(c, lc)) = (a, b, c) else {
        return None;
    };
    if la == 4 {
        let y = full_year(a, la)?;
        return (lb <= 2 && lc <= 2)
            .then(|| NaiveDate::from_ymd_opt(y, b, c))
            .flatten()
            .map(Day);
    }
    if la > 2 || lb > 2 {
        return None;
    }
    let y = full_year(c, lc)?;
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    NaiveDate::from_ymd_opt(y, m, d).map(Day)
}

/// Two numbers: `2015-3` and `12/2015` (a month), or `9/3` and `22/04` (a day of the year
/// nearest publication), under the conditions in the module notes.
fn numeric_two(
    tokens: &[Token],
    i: usize,
    end: usize,
    a: Part,
    b: Part,
    sep: &str,
    published: Option<NaiveDate>,
) -> Option<(Reading, usize, Option<String>)> {
    let (Part::Num(a, la), Part::Num(b, lb)) = (a, b) else {
        return None;
    };
    // `2015-3`, `2015/03`: a month of a year. `2015-12` is left alone: `2011-12` is more often
    // a fiscal year or a span of years.
    if la == 4 && (lb == 1 || (lb == 2 && b < 10)) && (1..=12).contains(&b) {
        let first = NaiveDate::from_ymd_opt(full_year(a, la)?, b, 1)?;
        return Some((Month(first), end, None));
    }
    if lb == 4 && la <= 2 && (1..=12).contains(&a) {
        let first = NaiveDate::from_ymd_opt(full_year(b, lb)?, a, 1)?;
        return Some((Month(first), end, None));
    }
    if sep != "/" || la > 2 || lb > 2 {
        return None;
    }
    let prev = i.checked_sub(1).and_then(|p| tokens.get(p));
    let context =
        prev.is_some_and(|p| DATE_CONTEXT.iter().any(|w| p.is(w)) || weekday_of(&p.folded).is_some());
    let next = tokens.get(end);
    let blocked = next.is_some_and(|n| n.is("of") || n.text == "%");
    if blocked || !context {
        return None;
    }
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // `5/1-5/7, 2020`: a year after a comma.
    let comma_year = tokens.get(end).is_some_and(|c| c.text == ",")
        && tokens
            .get(end + 1)
            .is_some_and(|y| y.is_number() && y.text.len() == 4);
    if comma_year {
        let y = tokens[end + 1].number_value()? as i32;
        return Some((Day(NaiveDate::from_ymd_opt(y, m, d)?), end + 2, order_note(a, b)));
    }
    let Some(p) = published else {
        return Some((NoYear, end, None));
    };
    let date = nearest_year(p, m, d)?;
    let mut note = format!("year taken from the publication date {p}");
    if let Some(order) = order_note(a, b) {
        note = format!("{note}; {order}");
    }
    Some((Day(date), end, Some(note)))
}

/// The note on an `a/b` date that could be read either way.
fn order_note(a: u32, b: u32) -> Option<String> {
    (a <= 12 && b <= 12 && a != b).then(|| format!("read month/day (US order); day/month would be {b}/{a}"))
}

/// A month name among numbers: `Oct/2`, `Dec/2018`, `05-Aug-2016`, `2019-aug-01`,
/// `Sep-23-2020`, `23/Sep/2020`, `2020/Sep/23`, `September-2020-23`.
fn mixed(parts: &[Part], published: Option<NaiveDate>) -> Option<Reading> {
    let month = parts.iter().find_map(|p| match p {
        Part::Month(m) => Some(*m),
        Part::Num(..) => None,
    })?;
    let nums: Vec<(u32, usize)> = parts
        .iter()
        .filter_map(|p| match p {
            Part::Num(v, l) => Some((*v, *l)),
            Part::Month(_) => None,
        })
        .collect();
    let year = nums
        .iter()
        .find(|(_, l)| *l == 4)
        .and_then(|&(v, l)| full_year(v, l));
    let day = nums
        .iter()
        .find(|(v, l)| *l <= 2 && (1..=31).contains(v))
        .map(|&(v, _)| v);
    match (year, day, nums.len()) {
        (Some(y), Some(d), 2) => NaiveDate::from_ymd_opt(y, month, d).map(Day),
        (Some(y), None, 1) => NaiveDate::from_ymd_opt(y, month, 1).map(Month),
        (None, Some(d), 1) => match published {
            Some(p) => nearest_year(p, month, d).map(Day),
            None => Some(NoYear),
        },
        _ => None,
    }
}

/// `03.09.2025`: day, month and year joined by dots (tokenized as `03.09`, `.`, `2025`).
fn dotted(tokens: &[Token], i: usize) -> Option<Phrase> {
    let t = tokens.get(i)?;
    let (d, m) = t.text.split_once('.')?;
    if !(t.is_number() && (1..=2).contains(&d.len()) && (1..=2).contains(&m.len())) {
        return None;
    }
    let dot = tokens.get(i + 1).filter(|s| s.text == "." && !s.space_before)?;
    let _ = dot;
    let y = tokens
        .get(i + 2)
        .filter(|y| y.is_number() && !y.space_before && y.text.len() == 4)?;
    let date = NaiveDate::from_ymd_opt(y.number_value()? as i32, m.parse().ok()?, d.parse().ok()?)?;
    let mut p = date_phrase(i, i + 3, Qualifier::Exact);
    set_day(&mut p, date);
    Some(p)
}

#[cfg(test)]
mod tests {
    use crate::when::tests::{iso as day, nothing_dated, span as range};

    #[test]
    fn numeric_ranges_joined_by_a_dash() {
        let d = |a: &str, b: &str| (a.to_string(), b.to_string());
        let p = "2018-11-07";
        assert_eq!(
            range("from 10/1/2018-10/7/2018", p),
            d("2018-10-01", "2018-10-07")
        );
        assert_eq!(
            range("from 10-1-2018-10-7-2018", p),
            d("2018-10-01", "2018-10-07")
        );
        assert_eq!(
            range("I will leave from 5/1-5/7/2020", p),
            d("2020-05-01", "2020-05-07")
        );
        assert_eq!(range("from 5/1-5/7, 2020", p), d("2020-05-01", "2020-05-07"));
        assert_eq!(range("from 5/1/2019-5/7/2020", p), d("2019-05-01", "2020-05-07"));
        assert_eq!(
            range("The period is 10/1-11/2/2017", p),
            d("2017-10-01", "2017-11-02")
        );
        assert_eq!(range("between 10/1-11/7", p), d("2018-10-01", "2018-11-07"));
        assert_eq!(range("from 12/20-1/5/2019", p), d("2018-12-20", "2019-01-05"));
        // Without a year or a word that introduces dates, or dashed without years, or going
        // on as a code: no range.
        assert!(nothing_dated("won 3/4-1/2 of the seats", p));
        assert!(nothing_dated("from 4-23 to", p));
        assert!(nothing_dated("call 10/1/2018-10/7/2018-55", p));
    }

    #[test]
    fn numeric_dates_read_month_first() {
        assert_eq!(day("on 3/9/2025", "2020-01-01"), "2025-03-09");
        assert_eq!(day("on 22/04/2025", "2020-01-01"), "2025-04-22");
        assert_eq!(day("on 9/11", "2025-08-28"), "2025-09-11");
        assert_eq!(day("I'll go back on 22/04", "2016-11-07"), "2017-04-22");
        assert_eq!(day("2025/09/03", "2020-01-01"), "2025-09-03");
        assert_eq!(day("03.09.2025", "2020-01-01"), "2025-09-03");
        assert_eq!(day("03/18/40", "2020-01-01"), "1940-03-18");
        assert_eq!(day("20161016", "2020-01-01"), "2016-10-16");
    }

    #[test]
    fn month_names_among_numbers() {
        assert_eq!(day("05-Aug-2016", "2020-01-01"), "2016-08-05");
        assert_eq!(day("Sep-23-2020", "2020-01-01"), "2020-09-23");
        assert_eq!(day("2020/Sep/23", "2020-01-01"), "2020-09-23");
        assert_eq!(day("Oct/2", "2016-11-07"), "2016-10-02");
        assert_eq!(day("mar3", "2019-08-07"), "2019-03-03");
        assert_eq!(
            range("Dec/2018", "2020-01-01"),
            ("2018-12-01".into(), "2018-12-31".into())
        );
        assert_eq!(
            range("2015-3", "2020-01-01"),
            ("2015-03-01".into(), "2015-03-31".into())
        );
        assert_eq!(
            range("12/2015", "2020-01-01"),
            ("2015-12-01".into(), "2015-12-31".into())
        );
    }

    #[test]
    fn fractions_rates_and_codes_are_not_dates() {
        assert!(nothing_dated("open 24/7 all year", "2020-01-01"));
        assert!(nothing_dated("3/4 of the vote", "2020-01-01"));
        assert!(nothing_dated("about 1/3 said", "2020-01-01"));
        assert!(nothing_dated("since the 9/11 attacks", "2020-01-01"));
        assert!(nothing_dated("she scored 11/20", "2020-01-01"));
        assert!(nothing_dated("call 541-555-0142", "2020-01-01"));
        assert!(nothing_dated("the ratio was 5.12", "2020-01-01"));
    }

    #[test]
    fn ambiguous_order_is_noted() {
        let p = crate::when::tests::first("on 3/9/2025", "2020-01-01");
        assert_eq!(p.doubt, Some(crate::claim::Doubt::Ambiguous));
        assert!(p.resolution.unwrap().contains("day/month would be 9/3"));
        // Only one order gives a date, or the day is written first by convention: no doubt.
        assert_eq!(
            crate::when::tests::first("on 3/19/2025", "2020-01-01").doubt,
            None
        );
        assert_eq!(
            crate::when::tests::first("on 2025-03-09", "2020-01-01").doubt,
            None
        );
    }
}
