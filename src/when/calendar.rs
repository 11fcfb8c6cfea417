//! Calendar dates and months: `September 3, 2025`, `3 Sept`, `the third of September`, `May
//! twenty-nine`, `January 2019`, `April of 1987`, `2017 april`, `this September`, `in October`,
//! `2025-09-03`.

use chrono::{Datelike, NaiveDate};

use super::{
    date_of, date_phrase, last_of_month, month_number, month_of, nearest_year, relation_before, set_day,
    set_days, spelled, tense_before, weekday_of,
};
use crate::claim::{Doubt, Kind, Qualifier};
use crate::extract::Phrase;
use crate::token::Token;

/// `September 3, 2025`, `Sept. 3`, `3 Sept 2025`, `January 2019`, optionally after a weekday
/// (`Tuesday, September 2, 2025`).
pub(super) fn calendar_date(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let (weekday, i_date) = match tokens.get(i).and_then(|t| weekday_of(&t.folded)) {
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
        doubt: None,
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
                    "the stated weekday, {}, does not match {date}, a {}",
                    super::weekday_name(w),
                    super::weekday_name(date.weekday())
                ));
                phrase.doubt = Some(Doubt::Inconsistent);
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
    // `April of 87`, `April of '87`: two digits after `of`, ending the phrase (`April of 87
    // deaths` counts); below 30 this century, else the last.
    let of = tokens.get(j).is_some_and(|t| t.is("of"));
    let apostrophe = tokens.get(k).is_some_and(|t| t.text == "'" || t.text == "’");
    let k2 = k + usize::from(apostrophe);
    if let Some(y) = tokens.get(k2).filter(|t| {
        (of || apostrophe) && t.is_number() && t.text.len() == 2 && t.text.bytes().all(|b| b.is_ascii_digit())
    }) {
        let free = tokens
            .get(k2 + 1)
            .is_none_or(|n| !n.is_word() && !n.is_number() && n.text != "%" && n.text != "/");
        if free {
            let v: i32 = y.text.parse().ok()?;
            return Some((if v < 30 { 2000 + v } else { 1900 + v }, k2 + 1));
        }
    }
    let (y, end) = spelled::year_words(tokens, k)?;
    spelled::free_after(tokens, end).then_some((y, end))
}

/// A day of the month `1`..`31`, with an optional ordinal suffix.
pub(super) fn day_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
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
pub(super) fn iso_date(tokens: &[Token], i: usize) -> Option<Phrase> {
    let parts = tokens.get(i..i + 5)?;
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

/// A month named alone: `this September`, `last March`, `next May`, or a month after a word
/// that introduces dates (`in October`, `since August`, `until March`). The year is the
/// publication year for `this`, the latest past one for `last` and after `since`, the next one
/// for `next`, else the one that puts the month nearest publication.
pub(super) fn month_alone(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
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

/// `2017 April`, `in 2017 april`: a year then a month.
pub(super) fn year_month(tokens: &[Token], i: usize) -> Option<Phrase> {
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
