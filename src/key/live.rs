//! Live pages: a page of updates under time-stamped headings (`Thursday 8:02 a.m.`,
//! `Tuesday 7:15 p.m.`, `Aug. 12, 9:40 p.m.`) states each figure as of its heading. "The fire has grown to 21,000
//! acres" under Tuesday's heading and "48,000 acres" under Thursday's are one fire at two
//! times, not two sources disagreeing: figures under the headings of earlier days get the day
//! as their anchor (`fire.area@2025-08-12`), like figures stated `as of` a date, so they are
//! compared only with figures stated for that day. Figures under the latest day's headings,
//! and those above the first heading (the summary a live page opens with), keep their key.

use std::ops::Range;
use std::str::FromStr;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate, Weekday};
use regex::Regex;

use crate::claim::{Claim, Kind};

/// A heading line: a weekday and a clock time, and nothing else (`Thursday 8:02 a.m.`,
/// `Wed, 21:40`, `Updated Tuesday at 7 p.m. EDT`).
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^
        (?:updated?:?\s+)?
        ([a-z]{3,9})\.?,?\s+
        (?:at\s+)?
        (?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)
        (?:\s+\(?[a-z]{2,5}\)?)?
        $",
    )
    .expect("the live heading pattern is valid")
});

/// A dated heading line: a month and day, an optional year, and a clock time (`Sept. 3,
/// 10:02 a.m.`, `3 September 2025 21:40`, `Updated Sep 3, 2025 at 7 p.m. ET`).
static DATED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^
        (?:updated?:?\s+)?
        (?:
            (?P<month>[a-z]{3,9})\.?\s+(?P<day>\d{1,2})
          | (?P<day2>\d{1,2})\s+(?P<month2>[a-z]{3,9})\.?
        )
        (?:,?\s+(?P<year>\d{4}))?
        ,?\s+(?:at\s+)?
        (?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)
        (?:\s+\(?[a-z]{2,5}\)?)?
        $",
    )
    .expect("the dated heading pattern is valid")
});

/// The day a dated heading names: the year as written, else the latest such day on or
/// before publication.
fn dated_heading(line: &str, published: NaiveDate) -> Option<NaiveDate> {
    let c = DATED_HEADING.captures(line)?;
    let month = c.name("month").or_else(|| c.name("month2"))?.as_str();
    let month = crate::when::month_of(month)?;
    let day: u32 = c.name("day").or_else(|| c.name("day2"))?.as_str().parse().ok()?;
    match c.name("year") {
        Some(year) => NaiveDate::from_ymd_opt(year.as_str().parse().ok()?, month, day),
        None => {
            let this_year = NaiveDate::from_ymd_opt(published.year(), month, day)?;
            if this_year <= published {
                Some(this_year)
            } else {
                NaiveDate::from_ymd_opt(published.year() - 1, month, day)
            }
        }
    }
}

/// The lines of `text[body]` short enough to be headings, with where each starts, without
/// Markdown heading marks and emphasis. Both heading patterns end in a clock time, so a line
/// without a digit is left out before any pattern is tried: nearly every line of an article.
fn heading_lines(text: &str, body: Range<usize>) -> impl Iterator<Item = (usize, &str)> {
    let slice = text.get(body.clone()).unwrap_or("");
    slice
        .split_inclusive('\n')
        .scan(body.start, |offset, line| {
            let start = *offset;
            *offset += line.len();
            Some((start, line))
        })
        .map(|(start, line)| {
            let trimmed = line
                .trim()
                .trim_start_matches('#')
                .trim_matches(|c: char| c == '*' || c == '_')
                .trim();
            (start, trimmed)
        })
        .filter(|(_, line)| line.len() <= 40 && may_hold_digit(line))
}

/// Whether `line` may hold a digit as the patterns' `\d` reads one (any Unicode decimal
/// digit): an ASCII digit, or any numeric character outside ASCII.
fn may_hold_digit(line: &str) -> bool {
    line.bytes().any(|b| b.is_ascii_digit()) || (!line.is_ascii() && line.chars().any(char::is_numeric))
}

/// The weekday a weekday heading (`Thursday 8:02 a.m.`) names.
fn weekday_heading(line: &str) -> Option<Weekday> {
    HEADING
        .captures(line)
        .and_then(|c| c.get(1))
        .and_then(|w| Weekday::from_str(w.as_str()).ok())
}

/// Time-stamped headings of `text[body]`: where each starts and the day it names, resolved as
/// the latest such weekday on or before the publication date.
fn headings(text: &str, body: Range<usize>, published: NaiveDate) -> Vec<(usize, NaiveDate)> {
    let mut found = Vec::new();
    for (start, line) in heading_lines(text, body) {
        if let Some(date) = dated_heading(line, published) {
            found.push((start, date));
            continue;
        }
        let Some(day) = weekday_heading(line) else {
            continue;
        };
        let back = (published.weekday().num_days_from_monday() + 7 - day.num_days_from_monday()) % 7;
        if let Some(date) = published.checked_sub_days(chrono::Days::new(u64::from(back))) {
            found.push((start, date));
        }
    }
    found
}

/// For a page without a publication date, the day its weekday headings are counted back
/// from: the latest weekday of the page, which is its first heading's when the headings run
/// newest first (`Thursday`, `Wednesday`, `Tuesday`), its last heading's when they run oldest
/// first, whichever of the two readings spans fewer days, and less than a week. Otherwise
/// (a week or more, or both readings as long) no day is the latest, and the page is left alone. The date stands in for a week nobody named: only the
/// weekdays it gives are used.
fn stand_in_date(text: &str, body: Range<usize>) -> Option<NaiveDate> {
    let days: Vec<u32> = heading_lines(text, body)
        .filter_map(|(_, line)| weekday_heading(line))
        .map(|d| d.num_days_from_monday())
        .collect();
    let span = |steps: &mut dyn Iterator<Item = u32>| steps.sum::<u32>();
    let back = span(&mut days.windows(2).map(|w| (w[0] + 7 - w[1]) % 7));
    let forward = span(&mut days.windows(2).map(|w| (w[1] + 7 - w[0]) % 7));
    // The order that spans fewer days; a tie (or a week or more either way) tells nothing.
    let latest = if back < forward && back < 7 {
        days.first()?
    } else if forward < back && forward < 7 {
        days.last()?
    } else {
        return None;
    };
    // 2001-01-01 was a Monday.
    NaiveDate::from_ymd_opt(2001, 1, 1)?.checked_add_days(chrono::Days::new(u64::from(*latest)))
}

/// Anchors the keyed figures stated under the headings of days before the latest one, and,
/// on the latest day, those the page itself states again under a later heading
/// (`{key}@{day}-earlier`).
pub fn date_earlier_updates(
    text: &str,
    body: Range<usize>,
    claims: &mut [Claim],
    published: Option<NaiveDate>,
) {
    // Without a publication date, weekday headings still tell earlier days from the latest
    // one: their figures are anchored by the weekday's name (`@tuesday`).
    let (headings, named_by_weekday) = match published {
        Some(published) => (headings(text, body, published), false),
        None => {
            let Some(stand_in) = stand_in_date(text, body.clone()) else {
                return;
            };
            let weekdays_only = heading_lines(text, body.clone())
                .filter(|(_, line)| weekday_heading(line).is_some())
                .map(|(start, _)| start)
                .collect::<Vec<_>>();
            let mut found = headings(text, body, stand_in);
            found.retain(|(start, _)| weekdays_only.contains(start));
            (found, true)
        }
    };
    let Some(latest) = headings.iter().map(|&(_, d)| d).max() else {
        return;
    };
    // One heading, or one day only: not a page of updates over several days.
    if headings.len() < 2 || headings.iter().all(|&(_, d)| d == latest) {
        return;
    }
    // Which heading each claim stands under, if any.
    let under = |claim: &Claim| {
        headings
            .iter()
            .take_while(|&&(start, _)| start <= claim.span.start)
            .count()
            .checked_sub(1)
    };
    // The latest day's entries in the order they were written, newest first: the page runs
    // newest first when its first heading is of a later day than its last.
    let newest_first = headings.first().map(|h| h.1) > headings.last().map(|h| h.1);
    // Above the first heading is the summary a live page opens with: it restates the latest
    // figures and is left as it is.
    let age = |heading: Option<usize>| match heading {
        Some(h) if headings[h].1 == latest => Some(if newest_first { h } else { headings.len() - h }),
        _ => None,
    };
    // The newest entry of the latest day stating each key (`14 people have died` at 18:10):
    // the same key under an earlier heading of that day (`11 people have now died` at 10:00)
    // is the page's own earlier figure.
    let mut newest: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for claim in claims.iter() {
        if let (Some(key), Some(age)) = (claim.key.as_deref(), age(under(claim))) {
            let entry = newest.entry(key).or_insert(age);
            *entry = (*entry).min(age);
        }
    }
    let superseded: Vec<bool> = claims
        .iter()
        .map(|claim| {
            let key = claim.key.as_deref().filter(|k| !k.contains('@'));
            let counted = !claim.kind.is_time_point() && claim.kind != Kind::Ordinal;
            match (key, age(under(claim))) {
                (Some(key), Some(age)) => counted && newest.get(key).is_some_and(|&n| n < age),
                _ => false,
            }
        })
        .collect();
    for (claim, superseded) in claims.iter_mut().zip(superseded) {
        if claim.kind.is_time_point() || claim.kind == Kind::Ordinal {
            continue;
        }
        let heading = under(claim);
        let Some(key) = claim.key.as_mut().filter(|k| !k.contains('@')) else {
            continue;
        };
        if superseded {
            let day = if named_by_weekday {
                weekday_name(latest.weekday()).to_string()
            } else {
                latest.to_string()
            };
            *key = format!("{key}@{day}-earlier").into();
            continue;
        }
        let day = heading.map(|h| headings[h].1);
        if let Some(day) = day.filter(|&d| d < latest) {
            *key = if named_by_weekday {
                format!("{key}@{}", weekday_name(day.weekday()))
            } else {
                format!("{key}@{day}")
            }
            .into();
        }
    }
}

fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "monday",
        Weekday::Tue => "tuesday",
        Weekday::Wed => "wednesday",
        Weekday::Thu => "thursday",
        Weekday::Fri => "friday",
        Weekday::Sat => "saturday",
        Weekday::Sun => "sunday",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::rules::RuleSet;

    #[test]
    fn lines_without_a_digit_are_no_headings() {
        for line in [
            "Thursday 8:02 a.m.",
            "Wed, 21:40",
            "Sept. 3, 10:02 a.m.",
            "Thursday \u{0668}:\u{0660}\u{0662} a.m.",
            "Thursday noon",
            "Updated Tuesday",
            "Sept. third, ten a.m.",
        ] {
            let matched = HEADING.is_match(line) || DATED_HEADING.is_match(line);
            assert!(!matched || may_hold_digit(line), "{line}");
        }
        assert!(may_hold_digit("Thursday \u{0668}:\u{0660}\u{0662} a.m."));
        assert!(HEADING.is_match("Thursday \u{0668}:\u{0660}\u{0662} a.m."));
        assert!(!may_hold_digit("Thursday noon"));
    }

    fn keys(text: &str) -> Vec<(String, Option<String>)> {
        let doc = Document::parse("live.txt", text.to_string()).expect("front matter");
        crate::document_claims(&doc, 0, &RuleSet::generic())
            .into_iter()
            .map(|c| (c.text.to_string(), c.key.map(|k| k.to_string())))
            .collect()
    }

    fn key_of(all: &[(String, Option<String>)], figure: &str) -> Option<String> {
        all.iter().find(|(t, _)| t == figure).and_then(|(_, k)| k.clone())
    }

    const PAGE: &str = "---\npublished: 2025-08-14\n---\nLIVE: Ridge Fire\n\n\
        - The fire has burned 48,000 acres\n\n\
        Thursday 8:02 a.m.\nThe fire has burned 48,000 acres, officials say.\n\n\
        Tuesday 7:15 p.m.\nThe fire has grown to 21,000 acres.\n";

    #[test]
    fn figures_under_earlier_days_are_dated_by_their_heading() {
        let all = keys(PAGE);
        let keyed: Vec<&Option<String>> = all
            .iter()
            .filter(|(t, _)| t.contains("acres"))
            .map(|(_, k)| k)
            .collect();
        assert_eq!(keyed.len(), 3, "{all:?}");
        // The summary and the latest update keep the plain key; Tuesday's figure is Tuesday's.
        assert_eq!(keyed[0], keyed[1]);
        let plain = keyed[0].clone().expect("the fire's area is keyed");
        assert!(!plain.contains('@'), "{plain}");
        assert_eq!(key_of(&all, "21,000 acres"), Some(format!("{plain}@2025-08-12")));
    }

    #[test]
    fn a_figure_the_page_restates_later_the_same_day_is_its_own_earlier_one() {
        let page = "---\npublished: 2025-08-14\n---\nLIVE: Storm\n\n\
            Thursday 6:10 p.m.\nOfficials say 14 people have died.\n\n\
            Thursday 10:00 a.m.\nThe governor says 11 people have died.\n\n\
            Wednesday 7:00 p.m.\nSeven people have died.\n";
        let all = keys(page);
        let plain = key_of(&all, "14").expect("the toll is keyed");
        assert!(!plain.contains('@'), "{plain}");
        assert_eq!(key_of(&all, "11"), Some(format!("{plain}@2025-08-14-earlier")));
        assert_eq!(key_of(&all, "Seven"), Some(format!("{plain}@2025-08-13")));
        // Oldest first, the last entry of the latest day is the newest.
        let oldest_first = "---\npublished: 2025-08-14\n---\nLIVE: Storm\n\n\
            Wednesday 7:00 p.m.\nSeven people have died.\n\n\
            Thursday 10:00 a.m.\nThe governor says 11 people have died.\n\n\
            Thursday 6:10 p.m.\nOfficials say 14 people have died.\n";
        let all = keys(oldest_first);
        assert_eq!(key_of(&all, "14"), Some(plain.clone()));
        assert_eq!(key_of(&all, "11"), Some(format!("{plain}@2025-08-14-earlier")));
    }

    #[test]
    fn without_a_publication_date_earlier_days_are_named_by_their_weekday() {
        let undated = PAGE.replace("---\npublished: 2025-08-14\n---\n", "");
        let all = keys(&undated);
        let plain = key_of(&all, "48,000 acres").expect("the fire's area is keyed");
        assert!(!plain.contains('@'), "{plain}");
        assert_eq!(key_of(&all, "21,000 acres"), Some(format!("{plain}@tuesday")));
        // Oldest first: the last heading is the latest day.
        let oldest_first = "LIVE: Ridge Fire\n\nTuesday 7:15 p.m.\nThe fire has grown to 21,000 acres.\n\n\
            Thursday 8:02 a.m.\nThe fire has burned 48,000 acres, officials say.\n";
        let all = keys(oldest_first);
        assert_eq!(key_of(&all, "21,000 acres"), Some(format!("{plain}@tuesday")));
        assert_eq!(key_of(&all, "48,000 acres"), Some(plain.clone()));
        // Days in no order within a week tell no latest day.
        let shuffled = "Tuesday 7:15 p.m.\nThe fire has grown to 21,000 acres.\n\n\
            Thursday 8:02 a.m.\nThe fire has burned 48,000 acres.\n\n\
            Tuesday 9:00 a.m.\nThe fire has burned 9,000 acres.\n";
        let all = keys(shuffled);
        assert!(
            all.iter()
                .all(|(_, k)| k.as_deref().is_none_or(|k| !k.contains('@'))),
            "{all:?}"
        );
    }

    #[test]
    fn one_day_of_headings_or_none_changes_nothing() {
        let same_day = PAGE.replace("Tuesday 7:15 p.m.", "Thursday 7:15 a.m.");
        let all = keys(&same_day);
        assert!(
            all.iter()
                .all(|(_, k)| k.as_deref().is_none_or(|k| !k.contains('@'))),
            "{all:?}"
        );
        // A sentence that merely starts with a weekday is no heading.
        let prose = PAGE.replace("Tuesday 7:15 p.m.\n", "Tuesday was calm.\n");
        let all = keys(&prose);
        assert!(
            all.iter()
                .all(|(_, k)| k.as_deref().is_none_or(|k| !k.contains('@'))),
            "{all:?}"
        );
    }

    #[test]
    fn heading_forms() {
        let date = NaiveDate::from_ymd_opt(2025, 8, 14).expect("date");
        let text = "Thursday 8:02 a.m.\nx\n## Wed, 21:40\nx\nUpdated Tuesday at 7 p.m. EDT\nx\n**Mon 9am**\n\
            Tuesday, 7 people died\n";
        let days: Vec<u32> = headings(text, 0..text.len(), date)
            .iter()
            .map(|(_, d)| d.day())
            .collect();
        assert_eq!(days, [14, 13, 12, 11]);
        let dated = "Aug. 13, 10:02 a.m.\nx\n12 August 2025 21:40\nx\nUpdated Aug 11, 2025 at 7 p.m. ET\n\
            August 10 people died\nDecember 31, 9:00\n";
        let days: Vec<String> = headings(dated, 0..dated.len(), date)
            .iter()
            .map(|(_, d)| d.to_string())
            .collect();
        // A day after publication is last year's.
        assert_eq!(days, ["2025-08-13", "2025-08-12", "2025-08-11", "2024-12-31"]);
    }
}
