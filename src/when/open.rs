//! Open-ended dates: `after 2018`, `before March`, `no later than January 1, 2010`, `starting
//! May 20th`, `as late as tomorrow`, `2018 or later`, `from 2019 onwards`.
//!
//! Each is a half-open interval with a qualifier: `after` and `later than` exclude the period
//! named (`after 2018` is `(2018, inf)` = from 2019), `before` excludes it (`before March` ends
//! on the last day of February), `starting`, `as early as` and `or later` include its first
//! day, `no later than`, `as late as` and `before the end of` include its last day.
//!
//! `since X` and `by X` are not read here: the key stage compares the start (`since 2019`) and
//! the as-of date (`by Monday`) as points, so those keep the point and say `since` / `as_of` in
//! the claim's relation.

use chrono::NaiveDate;

use super::{bounds, date_phrase, day_number, single, year_at};
use crate::claim::{Kind, Qualifier};
use crate::extract::Phrase;
use crate::interval::Interval;
use crate::token::Token;

/// Words that start an open-ended date.
pub(super) const TRIGGERS: &[&str] = &[
    "after",
    "before",
    "later",
    "earlier",
    "prior",
    "no",
    "not",
    "starting",
    "beginning",
    "commencing",
    "as",
    "from",
];

/// An open-ended date starting at `i`, its bound written before it (`after 2018`) or after it
/// (`2018 or later`).
/// `here` is the single reading at `i` ([`super::single`]), computed once by the caller.
pub(super) fn open_at(
    tokens: &[Token],
    i: usize,
    published: Option<NaiveDate>,
    here: Option<&Phrase>,
) -> Option<Phrase> {
    prefixed(tokens, i, published).or_else(|| suffixed(tokens, i, here))
}

fn prefixed(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let w = |k: usize| tokens.get(i + k).map(|t| t.folded.as_ref()).unwrap_or_default();
    let (q, j) = match (w(0), w(1), w(2)) {
        ("after", ..) => (Qualifier::MoreThan, i + 1),
        ("later", "than", _) => (Qualifier::MoreThan, i + 2),
        ("before", ..) => (Qualifier::LessThan, i + 1),
        ("earlier", "than", _) | ("prior", "to", _) => (Qualifier::LessThan, i + 2),
        ("no" | "not", "later", "than") => (Qualifier::AtMost, i + 3),
        ("no" | "not", "earlier", "than") => (Qualifier::AtLeast, i + 3),
        ("starting" | "beginning" | "commencing", "on" | "from" | "in", _) => (Qualifier::AtLeast, i + 2),
        ("starting" | "beginning" | "commencing", ..) => (Qualifier::AtLeast, i + 1),
        ("as", "early", "as") => (Qualifier::AtLeast, i + 3),
        ("as", "late", "as") => (Qualifier::AtMost, i + 3),
        ("from", ..) => return from_onwards(tokens, i, published),
        ("year" | "years", ..) => return year_compared(tokens, i),
        _ => return None,
    };
    let inner = inner_at(tokens, j, published)?;
    // `before the end of December`: by its last day.
    let q = if q == Qualifier::LessThan && tokens[inner.start].is("end") {
        Qualifier::AtMost
    } else {
        q
    };
    let end = inner.end;
    Some(open(i, end, q, &inner))
}

/// `from 2019 on`, `from March onwards`.
fn from_onwards(tokens: &[Token], i: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let inner = inner_at(tokens, i + 1, published)?;
    let after = tokens.get(inner.end)?;
    if !(after.is("on") || after.is("onwards") || after.is("onward")) {
        return None;
    }
    // `from March on the ...` is a place.
    if after.is("on") && tokens.get(inner.end + 1).is_some_and(|t| t.is_word()) {
        return None;
    }
    Some(open(i, inner.end + 1, Qualifier::AtLeast, &inner))
}

/// `2018 or later`, `1/1/2016 and after`, `May 2020 or earlier`.
fn suffixed(tokens: &[Token], i: usize, here: Option<&Phrase>) -> Option<Phrase> {
    // The date the bound is taken from: a year, else the reading at `i` (a phrase never starts
    // at `the`, so `inner_at`'s `the` cases cannot arise here).
    let year = year_at(tokens, i);
    let inner = match &year {
        Some(y) => y,
        None => here.filter(|p| matches!(p.kind, Kind::Date | Kind::Year))?,
    };
    let w = |k: usize| {
        tokens
            .get(inner.end + k)
            .map(|t| t.folded.as_ref())
            .unwrap_or_default()
    };
    // `year 2016 and greater`: comparatives of size only where the word `year` says the
    // figure is a year (`2016 and greater` alone is a count).
    let year_word = tokens[i].is("year") || tokens.get(i + 1).is_some_and(|t| t.is("year"));
    let (q, len) = match (w(0), w(1)) {
        ("or" | "and", "later" | "after" | "beyond") => (Qualifier::AtLeast, 2),
        ("or" | "and", "greater" | "above" | "higher" | "more") if year_word => (Qualifier::AtLeast, 2),
        ("or" | "and", "less" | "below" | "lower" | "smaller") if year_word => (Qualifier::AtMost, 2),
        ("onwards" | "onward", _) => (Qualifier::AtLeast, 1),
        ("or" | "and", "earlier" | "before") => (Qualifier::AtMost, 2),
        _ => return None,
    };
    Some(open(i, inner.end + len, q, inner))
}

/// `year greater than 2012`, `years later than 2000`, `year is less than or equal to 2015`: a
/// year compared, the word `year` saying the figure is one.
fn year_compared(tokens: &[Token], i: usize) -> Option<Phrase> {
    let mut j = i + 1;
    if tokens.get(j).is_some_and(|t| t.is("is") || t.is("was")) {
        j += 1;
    }
    let w = |k: usize| tokens.get(j + k).map(|t| t.folded.as_ref()).unwrap_or_default();
    let (mut q, mut k) = match (w(0), w(1)) {
        ("greater" | "larger" | "bigger" | "higher" | "more" | "later", "than") => {
            (Qualifier::MoreThan, j + 2)
        }
        ("less" | "smaller" | "lower" | "earlier", "than") => (Qualifier::LessThan, j + 2),
        _ => return None,
    };
    // `greater than or equal to 2015`.
    let rest = |n: usize| tokens.get(k + n).map(|t| t.folded.as_ref()).unwrap_or_default();
    if rest(0) == "or" && matches!(rest(1), "equal" | "equals") && rest(2) == "to" {
        q = if q == Qualifier::MoreThan {
            Qualifier::AtLeast
        } else {
            Qualifier::AtMost
        };
        k += 3;
    }
    let inner = year_at(tokens, k)?;
    Some(open(i, inner.end, q, &inner))
}

/// The date or year an open bound is taken from: `the year 2020`, `2018`, `mid May`, `the
/// end of December`.
fn inner_at(tokens: &[Token], j: usize, published: Option<NaiveDate>) -> Option<Phrase> {
    let skip_the = tokens.get(j).is_some_and(|t| t.is("the"))
        && tokens
            .get(j + 1)
            .is_some_and(|t| ["end", "beginning", "start", "middle"].iter().any(|w| t.is(w)));
    let j = j + usize::from(skip_the);
    let the = tokens.get(j).is_some_and(|t| t.is("the"));
    let p = year_at(tokens, j)
        .or_else(|| single(tokens, j, published))
        .or_else(|| the.then(|| single(tokens, j + 1, published)).flatten())?;
    matches!(p.kind, Kind::Date | Kind::Year).then_some(p)
}

/// The half-open phrase for bound `q` of `inner`, spanning tokens `start..end`.
fn open(start: usize, end: usize, q: Qualifier, inner: &Phrase) -> Phrase {
    let mut p = date_phrase(start, end, q);
    p.kind = inner.kind;
    p.resolution = inner.resolution.clone();
    p.stated = inner.stated;
    let Some((first, last)) = bounds(inner) else {
        return p;
    };
    let (lo, hi) = match inner.kind {
        Kind::Year => (
            f64::from(chrono::Datelike::year(&first)),
            f64::from(chrono::Datelike::year(&last)),
        ),
        _ => (day_number(first), day_number(last)),
    };
    p.value = Some(match q {
        Qualifier::MoreThan => Interval::above(hi, false),
        Qualifier::LessThan => Interval::below(lo, false),
        Qualifier::AtLeast => Interval::above(lo, true),
        _ => Interval::below(hi, true),
    });
    p
}

#[cfg(test)]
mod tests {
    use crate::claim::Kind;
    use crate::interval::Interval;
    use crate::when::tests::{first, open_days};

    #[test]
    fn after_and_before_exclude_the_period() {
        let p = first("Maybe we can leave after 2018", "2016-11-07");
        assert_eq!(
            (p.kind, p.value),
            (Kind::Year, Some(Interval::above(2018.0, false)))
        );
        assert_eq!(
            open_days("before March 2020", "2016-11-07"),
            (None, Some("2020-02-29".into()))
        );
        assert_eq!(
            open_days("after Feb 2018", "2016-11-07"),
            (Some("2018-03-01".into()), None)
        );
        assert_eq!(
            open_days("later than 2018", "2016-11-07"),
            (Some("2019-01-01".into()), None)
        );
    }

    #[test]
    fn inclusive_bounds() {
        assert_eq!(
            open_days("starting on January 7th, 2019", "2016-11-07"),
            (Some("2019-01-07".into()), None)
        );
        assert_eq!(
            open_days("year 2012 or later", "2016-11-07"),
            (Some("2012-01-01".into()), None)
        );
        assert_eq!(
            open_days("1/1/2016 and after", "2016-11-07"),
            (Some("2016-01-01".into()), None)
        );
        assert_eq!(
            open_days("as late as tomorrow", "2018-08-17"),
            (None, Some("2018-08-18".into()))
        );
        assert_eq!(
            open_days("no later than March 3, 2010", "2018-08-17"),
            (None, Some("2010-03-03".into()))
        );
        assert_eq!(
            open_days("before the end of December 2016", "2018-08-17"),
            (None, Some("2016-12-31".into()))
        );
    }

    #[test]
    fn years_compared() {
        assert_eq!(
            open_days("sales for year greater than 2012", "2016-11-07"),
            (Some("2013-01-01".into()), None)
        );
        assert_eq!(
            open_days("where year is greater than 2015", "2016-11-07"),
            (Some("2016-01-01".into()), None)
        );
        assert_eq!(
            open_days("year 2016 and greater", "2016-11-07"),
            (Some("2016-01-01".into()), None)
        );
        assert_eq!(
            open_days("year less than or equal to 2015", "2016-11-07"),
            (None, Some("2015-12-31".into()))
        );
        // Without the word `year`, a comparison of a four-digit figure is a count.
        let p = first("2016 and greater", "2016-11-07");
        assert_ne!(p.kind, Kind::Year);
    }

    #[test]
    fn a_count_is_no_bound() {
        // `2000 troops` is a count, not the year an open range ends at.
        let p = first("before 2000 troops arrived", "2016-11-07");
        assert!(p.value.is_some_and(|v| v.is_point()), "{p:?}");
    }
}
