//! Time expressions: calendar dates, weekdays and relative days, months and years.
//!
//! Dates are held as day numbers (days since 0001-01-01, chrono's `num_days_from_ce`) so
//! that they fit the same [`Interval`] as every other value; reports print them as ISO dates.
//! Relative expressions ("last year", "Wednesday") are resolved against the publication date
//! and say so in the claim's `resolution`; without a date they stay unresolved.
//!
//! [`time_at`] tries, in order, an open-ended date (`open`: `after 2018`), a range (`range`:
//! `from May to October 2020`) and the longest single expression any parser reads: calendar
//! dates and months (`calendar`), dates in digits (`numeric`), days and years in words
//! (`spelled`), time relative to publication (`relative`), weeks, weekends and offsets
//! (`period`) and holidays (`holiday`). When a form is ambiguous in a way that a fact check
//! would pay for (a bare `3/4`, `the 9/11 attacks`, `the second crash in seven years`), it is
//! left unread rather than guessed.

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

mod calendar;
mod holiday;
mod loose;
mod numeric;
mod open;
mod period;
mod range;
mod relative;
mod spelled;

use calendar::{calendar_date, day_at, iso_date, month_alone, year_month};
use relative::{part_of_period, quarter, relative, span_from_now, weekday};

/// A time expression starting at token `i`: a range (`from May to October 2020`), an
/// open-ended date (`after 2018`, `before March`), an offset from a date (`3 days after
/// Christmas`) or a single date, month, week, quarter or year.
pub fn time_at(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    // Most tokens cannot start a date: rejecting them here, with a few comparisons, spares
    // the dozen readings below (`trigger_list_covers_every_form` keeps this list complete).
    if !passes_prefilter(tokens, i) {
        return None;
    }
    // A publication date far outside history (`--date 262143-12-31`) resolves nothing: the
    // calendar arithmetic below would overflow at chrono's limits.
    let published = published.filter(|d| (1..=9999).contains(&d.year()));
    time_at_any(tokens, i, published)
}

/// Whether a time expression may start at token `i` (an index past the end fails): the
/// token itself ([`may_start_token`]) and, after the commonest starting words, the words
/// after it ([`may_start_before`]).
fn passes_prefilter(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(may_start_token) && may_start_before(tokens, i)
}

/// Whether a time expression may start at this token: a number, or a word [`may_start`]
/// accepts, a month name or a number word (`two days ago`).
fn may_start_token(t: &Token) -> bool {
    match t.kind {
        crate::token::TokenKind::Number => true,
        crate::token::TokenKind::Word => {
            let w = t.folded.as_ref();
            // Only the number words below a hundred start a count, a day or a year in words
            // (`period::count_at`, `spelled`, `relative::ago`): `hundred`, `thousand` and
            // `million` start none.
            may_start(w)
                || month_of(w).is_some()
                || matches!(
                    crate::number::number_word(w),
                    Some(crate::number::NumberWord::Small(_))
                )
        }
        crate::token::TokenKind::Punct => false,
    }
}

/// Whether the words after a common word that starts a date only as the head of one form
/// (the commonest words [`may_start_token`] lets through) are the ones that form reads next.
/// Each arm holds what every reader that can start at the word demands of the words after
/// it; any other token passes (`prefilter_never_rejects_a_date` tries every token of the
/// bundled articles and suites against the full set of readers).
fn may_start_before(tokens: &[Token], i: usize) -> bool {
    let next = |k: usize| tokens.get(i + k);
    let next_is = |k: usize, words: &[&str]| next(k).is_some_and(|t| words.iter().any(|w| t.is(w)));
    match tokens[i].folded.as_ref() {
        // `a week from Monday`, `a year ago`, `a couple of days`: a count (`period::count_at`)
        // then a unit, read by `period::offset_at`, `relative::compound_ago` and the spans.
        "a" | "an" => next_is(1, &["couple"]) || period::unit_at(tokens, i + 1).is_some(),
        // `in two weeks`, `in a month`: `relative::span_from_now` reads a count, then a unit.
        "in" => period::count_at(tokens, i + 1).is_some_and(|(_, j)| period::unit_at(tokens, j).is_some()),
        // `after 2018`, `before the end of March`, `after the year 2000` (`open`): a date
        // next, or `the`.
        "after" | "before" => next(1).is_some_and(|t| t.is("the") || may_start_token(t)),
        // `as early as May`, `as late as 2019` (`open`).
        "as" => next_is(1, &["early", "late"]),
        // `no later than Friday`, `not earlier than 2020` (`open`).
        "no" | "not" => next_is(1, &["later", "earlier"]),
        // `from 2019 on`, `from the end of May onwards` (`open`), `from May to June` (`range`):
        // a date (after an optional `the`) or `now` / `current date` next.
        "from" => {
            let k = 1 + usize::from(next_is(1, &["the"]));
            next(k).is_some_and(|t| may_start_token(t) || t.is("now"))
        }
        _ => true,
    }
}

/// [`time_at`] without the cheap rejection of tokens that cannot start a date.
fn time_at_any(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    // The single reading at `i`, computed once: the open and range readings start from it.
    let here = single(tokens, i, published);
    open::open_at(tokens, i, published, here.as_ref())
        .or_else(|| range::range_at(tokens, i, published, here.as_ref()))
        .or(here)
        .map(|mut p| {
            if p.relation.is_none() {
                p.relation = relation_before(tokens, p.start).or_else(|| as_of_before(tokens, p.start));
            }
            p
        })
}

/// Words, besides those the parsers' own trigger lists hold, that may start a time
/// expression: `a week from Monday`, `in two weeks`, `the past 10 days`, `early September`,
/// `next year`, `Q3 2025`, `H2 2019`, `yesterday`.
const WORDS: &[&str] = &[
    "a",
    "an",
    "in",
    "within",
    "past",
    "previous",
    "coming",
    "following",
    "q",
    "h",
    "early",
    "mid",
    "middle",
    "late",
    "end",
    "beginning",
    "start",
    "next",
    "last",
    "this",
    "yesterday",
    "today",
    "tomorrow",
];

/// Whether a word, in lower case, may start a time expression that does not start with a
/// number, a month or a number word: `after 2018`, `the day after tomorrow`, `Christmas`, `the
/// nineties`, `last year`, `Wednesday`.
///
/// The extractor asks this of every word it reads, so it is one lookup in the hashed
/// union of the trigger lists (built once), then a suffix test before the ordinal lookup.
pub fn may_start(word: &str) -> bool {
    if triggers().contains(word) {
        return true;
    }
    let b = word.as_bytes();
    let ordinal_like = b.len() > 2 && matches!(&b[b.len() - 2..], b"st" | b"nd" | b"rd" | b"th");
    (ordinal_like && spelled::ordinal_word(word).is_some())
        || (word.ends_with('.') && weekday_abbreviation(word).is_some())
}

/// Every word, in lower case, that [`may_start`] or [`month_of`] accepts without a trailing
/// `.`, besides the ordinals of [`crate::number::words`] (a superset is harmless): the
/// extractor hashes them once into its table of words that may start a phrase.
pub(crate) fn start_words() -> impl Iterator<Item = &'static str> {
    triggers()
        .iter()
        .copied()
        .chain(MONTHS)
        .chain(ABBREVIATIONS.iter().map(|(a, _)| *a))
}

/// Weekday names and the abbreviations read before a day of the month.
const WEEKDAY_WORDS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
];

/// The union of every trigger list, hashed.
fn triggers() -> &'static std::collections::HashSet<&'static str, crate::token::WordHash> {
    static SET: std::sync::OnceLock<std::collections::HashSet<&'static str, crate::token::WordHash>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| {
        let lists: [&[&'static str]; 7] = [
            WORDS,
            open::TRIGGERS,
            range::TRIGGERS,
            period::TRIGGERS,
            holiday::TRIGGERS,
            loose::TRIGGERS,
            WEEKDAY_WORDS,
        ];
        lists.concat().into_iter().collect()
    })
}

/// One time point or period starting at `i`: the longest reading any parser finds (`Friday,
/// September 5` rather than `Friday`).
fn single(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let mut best = Longest::after(i);
    best.offer(period::offset_at(tokens, i, published));
    best.offer(holiday::holiday_at(tokens, i, published));
    best.offer(numeric::numeric_at(tokens, i, published));
    best.offer(spelled::spelled_at(tokens, i, published));
    best.offer(calendar_date(tokens, i, published));
    best.offer(iso_date(tokens, i));
    best.offer(period::period_at(tokens, i, published));
    best.offer(weekday(tokens, i, published));
    best.offer(relative(tokens, i, published));
    best.offer(part_of_period(tokens, i, published));
    best.offer(span_from_now(tokens, i, published));
    best.offer(quarter(tokens, i, published));
    best.offer(month_alone(tokens, i, published));
    best.offer(year_month(tokens, i));
    best.offer(loose::loose_at(tokens, i, published));
    best.offer(loose::decade_digits(tokens, i));
    best.0
}

/// The longest phrase offered (ending after `start`, if given); the first offered among equally long
/// ones. Candidates are weighed as they come rather than gathered in an array first: a
/// phrase is large, and moving a dozen of them for every token was a good part of the cost
/// of reading dates.
struct Longest(Option<Phrase>, Option<usize>);

impl Longest {
    fn after(start: usize) -> Self {
        Longest(None, Some(start))
    }

    /// Any phrase, however short.
    fn any() -> Self {
        Longest(None, None)
    }

    fn offer(&mut self, phrase: Option<Phrase>) {
        let Some(p) = phrase else { return };
        let longer = match &self.0 {
            Some(best) => p.end > best.end,
            None => self.1.is_none_or(|start| p.end > start),
        };
        if longer {
            self.0 = Some(p);
        }
    }
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
        "starting",
        "beginning",
        "commencing",
        "may",
        "might",
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
    // The nearest tense word back to the start of the clause, at most ten words: `when the
    // storm was a Category 5 hurricane over the Gulf on Monday night` looks back.
    let clause = tokens[..i]
        .iter()
        .rev()
        .take_while(|t| !matches!(t.text, ";" | ":" | "(" | ")"))
        .take(10);
    for t in clause {
        if FUTURE.iter().any(|w| t.is(w)) {
            return 2;
        }
        if PAST.iter().any(|w| t.is(w)) {
            return -2;
        }
    }
    // No auxiliary either way: a verb in the past tense (`died on Saturday`, `fell on
    // Sunday`) still tells a past day.
    if tokens[..i].iter().rev().take(6).any(is_past_verb) {
        return -2;
    }
    0
}

/// A word in the simple past: a regular `-ed` form (`died`, `killed`, `flooded`) or one of
/// the irregular pasts news reports use most.
fn is_past_verb(t: &Token) -> bool {
    const IRREGULAR: &[&str] = &[
        "fell", "rose", "came", "went", "struck", "broke", "took", "gave", "made", "left", "fled", "met",
        "held", "saw", "won", "lost", "led", "ran", "spoke", "wrote", "sank", "drew", "stood", "found",
        "kept", "brought", "caught", "fought", "paid", "sold", "sent", "spent", "built", "felt", "swept",
        "tore", "shook", "threw", "blew", "froze", "burst", "flew", "slid", "hit",
    ];
    /// `-ed` words that are not past verbs.
    const NOT_PAST: &[&str] = &[
        "hundred", "united", "limited", "based", "related", "detailed", "advanced",
    ];
    if !t.is_word() {
        return false;
    }
    let w = t.folded.as_ref();
    IRREGULAR.contains(&w)
        || (w.len() >= 4 && w.ends_with("ed") && !w.ends_with("eed") && !NOT_PAST.contains(&w))
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

/// Month names, January first.
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

/// Month abbreviations and their numbers.
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

/// The month number of a month name or abbreviation in any case, without allocating.
pub fn month_of(word: &str) -> Option<u32> {
    // Every name and abbreviation is 3 to 9 letters long and starts with one of these: the
    // comparisons below need the same length and first letter, so other words stop here.
    if !(3..=9).contains(&word.len())
        || !matches!(
            word.as_bytes()[0].to_ascii_lowercase(),
            b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd'
        )
    {
        return None;
    }
    if let Some(i) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(word)) {
        return Some(i as u32 + 1);
    }
    ABBREVIATIONS
        .iter()
        .find(|(a, _)| a.eq_ignore_ascii_case(word))
        .map(|(_, m)| *m)
}

/// `word` in lower case, copied only when it has a capital: these lookups run on every
/// word the extractor reads, most of them already folded.
fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
        std::borrow::Cow::Owned(word.to_lowercase())
    } else {
        std::borrow::Cow::Borrowed(word)
    }
}

/// Whether a word names a day of the week, in full or abbreviated (`Tuesday`, `Tue`).
pub(crate) fn is_weekday_word(word: &str) -> bool {
    weekday_of(word).or_else(|| weekday_abbreviation(word)).is_some()
}

/// Whether a word is a weekday's full name (`Tuesday`), in any case: unlike
/// [`is_weekday_word`], not an abbreviation (`Sun`, `Sat`), which may be a name of its own.
pub(crate) fn is_weekday_name(word: &str) -> bool {
    weekday_of(word).is_some()
}

fn weekday_of(word: &str) -> Option<Weekday> {
    // An ASCII word names a weekday only if it is 6 to 9 letters long and ends in `day`:
    // most words stop here, before they are lower-cased and matched.
    if word.is_ascii()
        && !((6..=9).contains(&word.len()) && word.as_bytes()[word.len() - 3..].eq_ignore_ascii_case(b"day"))
    {
        return None;
    }
    match lower(word).as_ref() {
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
    match lower(word).trim_end_matches('.') {
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
            || crate::extract::PEOPLE.contains(&w);
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
        doubt: None,
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

/// `Monday` .. `Sunday`.
pub(crate) fn weekday_name(day: chrono::Weekday) -> &'static str {
    use chrono::Weekday::*;
    match day {
        Mon => "Monday",
        Tue => "Tuesday",
        Wed => "Wednesday",
        Thu => "Thursday",
        Fri => "Friday",
        Sat => "Saturday",
        Sun => "Sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::phrases;
    use crate::token::tokenize;

    #[test]
    fn month_and_weekday_lookups_still_read_every_name() {
        for (i, m) in MONTHS.iter().enumerate() {
            for w in [m.to_string(), m.to_uppercase(), capitalized(m)] {
                assert_eq!(month_of(&w), Some(i as u32 + 1), "{w}");
            }
        }
        for (a, n) in ABBREVIATIONS {
            for w in [a.to_string(), a.to_uppercase(), capitalized(a)] {
                assert_eq!(month_of(&w), Some(n), "{w}");
            }
        }
        // The first seven weekday words are the full names, Monday first.
        for (i, d) in WEEKDAY_WORDS[..7].iter().enumerate() {
            for w in [d.to_string(), d.to_uppercase(), capitalized(d)] {
                assert_eq!(
                    weekday_of(&w).map(|d| d.num_days_from_monday()),
                    Some(i as u32),
                    "{w}"
                );
            }
        }
        for w in [
            "may-day", "mondays", "day", "today", "birthday", "holiday", "jane", "xmas", "",
        ] {
            assert_eq!(weekday_of(w), None, "{w}");
        }
        assert_eq!(month_of("mayday"), None);
        assert_eq!(month_of(""), None);
    }

    fn capitalized(w: &str) -> String {
        let mut c = w.chars();
        c.next()
            .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
    }

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

    /// A first and last day as [`span`] gives them, for comparing with it.
    pub(crate) fn days(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
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
    fn a_past_verb_before_a_weekday_tells_a_past_day() {
        // Published Friday 2026-03-27: a bare Saturday is the nearest, tomorrow.
        assert_eq!(day("on Saturday", "2026-03-27"), date("2026-03-28"));
        assert_eq!(
            day("the river burst its banks on Saturday", "2026-03-27"),
            date("2026-03-21")
        );
        assert_eq!(
            day("two people died on Saturday", "2026-03-27"),
            date("2026-03-21")
        );
        // An auxiliary of the future wins over a participle nearer the day.
        assert_eq!(
            day("the rally will be held on Saturday", "2026-03-27"),
            date("2026-03-28")
        );
        assert_eq!(
            day("the storm may hit on Saturday", "2026-03-27"),
            date("2026-03-28")
        );
        // `hundred` is no verb.
        assert_eq!(day("a hundred on Saturday", "2026-03-27"), date("2026-03-28"));
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
        // A kind of day is no day.
        for text in [
            "A stoppage on a Thursday would hurt",
            "markets open every Monday",
            "on any Sunday",
        ] {
            let tokens = tokenize(text, 0..text.len());
            assert!(phrases(&tokens, Some(date("2025-09-02"))).is_empty(), "{text}");
        }
        // 2025-09-02 was a Tuesday.
        assert_eq!(day("set for Wednesday", "2025-09-02"), date("2025-09-03"));
        assert_eq!(day("began Monday", "2025-09-02"), date("2025-09-01"));
        // 2026-09-19 was a Saturday: the tense of the clause, ten words back, points back.
        assert_eq!(
            day(
                "when the storm was a Category 5 hurricane over the Gulf on Monday night",
                "2026-09-19"
            ),
            date("2026-09-14")
        );
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
        // A weekday before an offset is that day of the week the offset lands in.
        assert_eq!(
            day("I'll go back Monday two weeks from now.", "2016-11-07"),
            date("2016-11-21")
        );
        assert_eq!(
            day("Thursday, two year from now.", "2021-01-02"),
            date("2023-01-05")
        );
        // `next` and `last` count by week; where that differs from the nearest such day the
        // phrase is ambiguous. 2019-01-31 was a Thursday.
        let next = first("on next Friday", "2019-01-31");
        assert_eq!(day("on next Friday", "2019-01-31"), date("2019-02-08"));
        assert_eq!(next.doubt, Some(crate::claim::Doubt::Ambiguous));
        assert_eq!(day("on following Friday", "2019-01-31"), date("2019-02-08"));
        assert_eq!(day("on last Wednesday", "2019-01-31"), date("2019-01-23"));
        assert_eq!(day("next Monday", "2019-01-31"), date("2019-02-04"));
        assert_eq!(first("next Monday", "2019-01-31").doubt, None);
        // Said on a Tuesday, `next Wednesday` may be tomorrow.
        assert_eq!(day("next Wednesday", "2025-09-02"), date("2025-09-10"));
        assert_eq!(
            first("next Wednesday", "2025-09-02").doubt,
            Some(crate::claim::Doubt::Ambiguous)
        );
        // `starting Monday` looks ahead.
        assert_eq!(
            open_days("talks run starting Monday", "2025-09-02"),
            (Some("2025-09-08".into()), None)
        );
    }

    #[test]
    fn weekday_date_pairs_are_one_claim_and_checked() {
        let p = first("early Tuesday, September 2, 2025, at", "2025-09-02");
        assert_eq!(p.end - p.start, 6);
        assert!(p.resolution.is_none());
        let bad = first("Tuesday, September 3, 2025", "2025-09-02");
        assert_eq!(bad.doubt, Some(crate::claim::Doubt::Inconsistent));
        assert_eq!(
            bad.resolution.as_deref(),
            Some("the stated weekday, Tuesday, does not match 2025-09-03, a Wednesday")
        );
        // The date is the more precise statement: it is the value, and it is still compared.
        assert_eq!(
            bad.value,
            Some(crate::interval::Interval::point(day_number(date("2025-09-03"))))
        );
        let late = first("on Friday the 5th", "2025-09-02");
        assert_eq!(late.doubt, None);
        // A time after a weekday is no day of the month: `Saturday 16:05` is that Saturday.
        assert_eq!(iso("Saturday 16:05", "2026-04-19"), "2026-04-18");
    }

    #[test]
    fn relative_days_months_years() {
        let p = first("Last year, they signed", "2025-08-28");
        assert_eq!((p.kind, p.value.unwrap()), (Kind::Year, Interval::point(2024.0)));
        // A school year is read as the year it starts in, as `2024-25` is: in February 2026
        // the school year is 2025-26, the last one 2024-25; in October 2026, 2025-26.
        let p = first("vaccinated last school year", "2026-02-20");
        assert_eq!((p.kind, p.value.unwrap()), (Kind::Year, Interval::point(2024.0)));
        assert_eq!(
            first("last academic year", "2026-10-01").value.unwrap(),
            Interval::point(2025.0)
        );
        assert_eq!(
            first("next school year", "2026-02-20").value.unwrap(),
            Interval::point(2026.0)
        );
        assert_eq!(day("yesterday", "2025-09-02"), date("2025-09-01"));
        assert_eq!(day("two days ago", "2025-09-02"), date("2025-08-31"));
        assert_eq!(
            day("and 2 weeks and 2 days ago they", "2016-11-07"),
            date("2016-10-22")
        );
        assert_eq!(
            day("three years, two months ago", "2025-09-02"),
            date("2022-07-02")
        );
        // Parts without `ago` are a duration.
        assert!(nothing_dated("for 2 weeks and 2 days", "2016-11-07"));
        assert_eq!(day("three weeks from tmrw", "2018-05-31"), date("2018-06-22"));
        let p = first("in this calendar year", "2025-09-02");
        assert_eq!((p.kind, p.value.unwrap()), (Kind::Year, Interval::point(2025.0)));
        let p = first("for the following week", "2018-08-01");
        assert_eq!(p.doubt, Some(crate::claim::Doubt::Ambiguous));
        assert_eq!(
            span("for the following week", "2018-08-01"),
            ("2018-08-06".into(), "2018-08-12".into())
        );
        assert_eq!(
            span("the following 2 quarters", "2019-08-01"),
            ("2019-10-01".into(), "2020-03-31".into())
        );
        assert_eq!(
            span("the following quarter", "2019-08-01"),
            ("2019-10-01".into(), "2019-12-31".into())
        );
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
            span("I was born in April of 87", "2016-11-07"),
            ("1987-04-01".into(), "1987-04-30".into())
        );
        assert_eq!(iso("on 15 April of 87.", "2016-11-07"), "1987-04-15");
        assert_eq!(
            span("in April of '19", "2016-11-07"),
            ("2019-04-01".into(), "2019-04-30".into())
        );
        let p = first("in April of 87 deaths", "2016-11-07");
        assert_eq!(p.end - p.start, 1, "`87 deaths` is a count: {p:?}");
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
        // Working days skip the weekend; 2018-08-21 was a Tuesday.
        assert_eq!(
            span("for the next 4 business days", "2018-08-21"),
            ("2018-08-22".into(), "2018-08-27".into())
        );
        assert_eq!(
            span("the previous 4 business days", "2018-08-21"),
            ("2018-08-15".into(), "2018-08-20".into())
        );
        assert_eq!(
            span("the next working day", "2018-08-24"),
            ("2018-08-27".into(), "2018-08-27".into())
        );
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

    /// The date forms of the normalizer issue, against a publication on Tuesday 2025-09-02
    /// (the rest are in `calendar_dates`, `relative_days_months_years`,
    /// `weeks_and_parts_of_periods` and `weekday_date_pairs_are_one_claim_and_checked`).
    #[test]
    fn issue_forms() {
        let p = "2025-09-02";
        assert_eq!(span("mid-2024", p), ("2024-05-01".into(), "2024-08-31".into()));
        assert_eq!(
            span("in the 1990s", p),
            ("1990-01-01".into(), "1999-12-31".into())
        );
        let this = first("this year", p);
        assert_eq!(
            (this.kind, this.value),
            (Kind::Year, Some(Interval::point(2025.0)))
        );
        assert_eq!(iso("next Wednesday", p), "2025-09-10");
        assert_eq!(iso("two days ago", p), "2025-08-31");
        assert_eq!(span("last month", p), ("2025-08-01".into(), "2025-08-31".into()));
        assert_eq!(
            span("early September", p),
            ("2025-09-01".into(), "2025-09-10".into())
        );
        // A fiscal or season year is one period, not the numbers 2012 to 13.
        let fiscal = first("in fiscal 2012-13", p);
        assert_eq!(
            (fiscal.kind, fiscal.value),
            (Kind::Year, Some(Interval::point(2012.0)))
        );
    }

    /// Every token a time expression can start at passes the cheap check of [`time_at`]:
    /// each form the parsers read, tried at every token with the check left out.
    #[test]
    fn trigger_list_covers_every_form() {
        const FORMS: &[&str] = &[
            "on September 3, 2025",
            "Sept. 3",
            "3 Sept 2025",
            "the 3rd of September",
            "2025-09-03",
            "since January 2019",
            "set for Wednesday",
            "next Tuesday",
            "last Wednesday",
            "this Saturday",
            "following Friday",
            "coming Thursday",
            "Tuesday, September 3, 2025",
            "on Friday the 5th",
            "Last year, they signed",
            "yesterday",
            "today",
            "tomorrow",
            "tmrw",
            "tonight",
            "two days ago",
            "3 years ago",
            "since last fall",
            "last month",
            "last week",
            "in early September",
            "by mid-November 2024",
            "in late 2023",
            "by the end of the year",
            "early next month",
            "at the end of 2000",
            "mid-2024",
            "the 1990s",
            "in the 1990 s",
            "the 90s",
            "in the nineties",
            "over the past 10 days",
            "in the next three weeks",
            "in Q3 2025",
            "in the third quarter",
            "the first quarter of 2024",
            "2019 q3",
            "q1-2019",
            "2019-H2",
            "H2 2019",
            "in the first half of 2024",
            "next 3 days",
            "the last 3 months",
            "within 9 months",
            "in two months",
            "in a fortnight's time",
            "the 3 next weeks",
            "the third of September 2025",
            "May twenty-nine, 2016",
            "second of Aug",
            "January first 2000",
            "february twenty second",
            "nineteen ninety six",
            "on the 15th day of next month",
            "this September",
            "next March",
            "in 2017 april",
            "April of 1987",
            "Dec, 2018",
            "after 2018",
            "before March 2020",
            "later than 2018",
            "no later than March 3, 2010",
            "as late as tomorrow",
            "starting on January 7th, 2019",
            "year 2012 or later",
            "1/1/2016 and after",
            "from 2019 onwards",
            "year greater than 2012",
            "year 2016 and greater",
            "from May to Oct 2020",
            "Jan-Feb 2017",
            "between 3 and 12 of Sept",
            "april 9th through 17th",
            "between Jan 2019 and now",
            "between now and November 15th",
            "2014-2018",
            "this weekend",
            "the weekend",
            "this quarter",
            "current quarter",
            "the week of April 10",
            "w/c Feb 4",
            "the first week of 2021",
            "week 31",
            "Tuesday of next week",
            "next week Wednesday",
            "the 15th century",
            "on the 18th",
            "the day after tomorrow",
            "the week after next",
            "3 days after Christmas",
            "a week from Monday",
            "two weeks before Christmas",
            "4 months from now",
            "more than 2 weeks after today",
            "for 3 days from today",
            "the first ten days of last year",
            "Christmas",
            "New Year's Day",
            "Easter",
            "Labor Day weekend",
            "earlier this year",
            "later this week",
            "earlier in the week",
            "later in the year",
            "the same week",
            "that weekend",
            "the day before",
            "year to date",
            "YTD",
            "docked to date",
            "this working week",
            "next workweek",
            "the next 4 business days",
            "this calendar year",
            "the following quarter",
            "the following 2 quarters",
            "on 5/12",
            "10/1/2018",
            "on 5.12.2019",
            "20170302",
            "fiscal 2012-13",
            "the twenty-first century",
            "a week from Monday",
            "an hour and a year ago",
            "a couple of days ago",
            "in a couple of weeks",
            "in two weeks",
            "as early as May",
            "not later than Friday",
            "no earlier than 2020",
            "from the end of May onwards",
            "from now until June",
            "from 2019 on",
            "two thousand and five",
            "after the year 2000",
            "before the end of March",
            "after 2018",
            "before Friday",
            "in a fortnight",
        ];
        for text in FORMS {
            let tokens = tokenize(text, 0..text.len());
            for i in 0..tokens.len() {
                if time_at_any(&tokens, i, Some(date("2025-09-02"))).is_some() {
                    assert!(
                        passes_prefilter(&tokens, i),
                        "{text}: a date starts at `{}`",
                        tokens[i].text
                    );
                }
            }
        }
        assert!(may_start("year"));
        assert!(!may_start("the") && !may_start("said"));
        // The sorted set holds every word of every list, and the words outside the lists.
        for w in WORDS
            .iter()
            .chain(open::TRIGGERS)
            .chain(range::TRIGGERS)
            .chain(period::TRIGGERS)
            .chain(holiday::TRIGGERS)
            .chain(loose::TRIGGERS)
            .chain(WEEKDAY_WORDS)
        {
            assert!(may_start(w), "{w}");
        }
        for w in ["fifteenth", "third", "first", "thirtieth", "tues.", "friday"] {
            assert!(may_start(w), "{w}");
        }
    }

    /// Huge counts and publication dates at the calendar's limits resolve nothing rather than
    /// overflow.
    #[test]
    fn no_overflow_at_the_calendar_limits() {
        for text in [
            "99999999999999999999 days ago",
            "9999999999 weeks ago",
            "99999999 months ago",
            "99999999999 years ago",
            "in 9999 years",
            "the next 9999 business days",
            "for 9999 days from today",
            "the day before",
            "tomorrow, next Friday, earlier this year, the next decade",
        ] {
            let tokens = tokenize(text, 0..text.len());
            for published in ["2020-01-01", "9999-12-31", "0001-01-01"] {
                let _ = phrases(&tokens, Some(date(published)));
            }
            let max = NaiveDate::MAX;
            let min = NaiveDate::MIN;
            for published in [max, min] {
                let _ = phrases(&tokens, Some(published));
            }
        }
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        let text = "Kim may 3 times";
        let tokens = tokenize(text, 0..text.len());
        assert!(phrases(&tokens, None).iter().all(|p| p.kind != Kind::Date));
    }

    /// The cheap rejection of [`time_at`] never rejects a token at which the full set of
    /// readers finds a phrase: every token of every bundled article (`fixtures/`), of the
    /// seed articles and of the peer-suite texts, with and without a publication date.
    #[test]
    fn prefilter_never_rejects_a_date() {
        fn texts_under(dir: &std::path::Path, out: &mut Vec<String>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                if p.is_dir() {
                    texts_under(&p, out);
                } else if p.extension().is_some_and(|e| e == "jsonl") {
                    for line in std::fs::read_to_string(&p).unwrap_or_default().lines() {
                        let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
                        if let Some(t) = v.get("text").and_then(|t| t.as_str()) {
                            out.push(t.to_string());
                        }
                    }
                } else if let Ok(t) = std::fs::read_to_string(&p) {
                    out.push(t);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts = Vec::new();
        texts_under(&root.join("fixtures"), &mut texts);
        let bundled = texts.len();
        texts_under(&root.join("../shared/seeds"), &mut texts);
        texts_under(&root.join("../shared/peer-suites"), &mut texts);
        assert!(bundled > 50, "{bundled} bundled texts");
        let (mut tried, mut rejected) = (0, 0);
        for text in &texts {
            for sentence in crate::segment::segment(text, 0) {
                let tokens = tokenize(text, sentence);
                for i in 0..tokens.len() {
                    tried += 1;
                    if passes_prefilter(&tokens, i) {
                        continue;
                    }
                    rejected += 1;
                    // `the` is rejected on purpose (`!may_start("the")` above): a range the
                    // range reader would open with it (`the April - June`) is read from the
                    // word after it.
                    if tokens[i].is("the") {
                        continue;
                    }
                    for published in [Some(date("2025-09-02")), None] {
                        if let Some(p) = time_at_any(&tokens, i, published) {
                            let words: Vec<&str> = tokens[p.start..p.end].iter().map(|t| t.text).collect();
                            panic!(
                                "rejected `{}`, which starts `{}`",
                                tokens[i].text,
                                words.join(" ")
                            );
                        }
                    }
                }
            }
        }
        assert!(rejected * 2 > tried, "{rejected} of {tried} tokens rejected");
    }
}
