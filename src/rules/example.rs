//! Examples that rule files carry, as data: sentences with the key and value a figure must
//! get, sentences in which no figure may get the rule's key, and document-set cases with the
//! findings several small articles must give. `crate::rules_test` runs them.
//!
//! An expected value is written in the interval notation of `docs/intervals.md`, in the unit
//! the JSON report uses for the kind: `"1240"`, `"[20000, 99999]"`, `"(10000, inf)"`,
//! `"[1170, 1430] km"`, `"2025-09-03"`. Durations may name their unit (`"3 days"`, `"70
//! minutes"`), since seconds are no way to write a week.

use std::fmt;

use chrono::NaiveDate;

use crate::compare::Verdict;
use crate::interval::{Bound, Interval};
use crate::when::{date_of, day_number};

/// Whose example it is: a class (by id) or a fact (by key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    Class(String),
    Fact(String),
}

impl Owner {
    /// `class `dead`` or `fact `parade.troops``, for messages.
    pub fn label(&self) -> String {
        match self {
            Owner::Class(id) => format!("class `{id}`"),
            Owner::Fact(key) => format!("fact `{key}`"),
        }
    }

    /// Whether a claim's key belongs to this class or fact: for a class, the key has its id
    /// as one of its parts (`troops.dead` belongs to `troops` and to `dead`); for a fact, the
    /// key is the fact's.
    pub fn owns(&self, key: &str) -> bool {
        let main = key.split('@').next().unwrap_or(key);
        match self {
            Owner::Class(id) => main.split('.').any(|part| part == id),
            Owner::Fact(fact) => main == fact,
        }
    }
}

/// What an example asks of its sentence.
#[derive(Debug, Clone, PartialEq)]
pub enum Expect {
    /// A figure of the text gets this key and this value.
    Yields { key: String, value: ExpectedValue },
    /// No figure of the text gets a key of the owner.
    NoMatch,
}

/// One example of a class or fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    /// The rule file and the 1-based line of the example's text.
    pub file: String,
    pub line: usize,
    pub owner: Owner,
    pub text: String,
    /// The phrase of the figure meant (`"1,240"`, `"more than 10,000"`), when the text has
    /// several.
    pub figure: Option<String>,
    /// Publication date, for relative dates and year anchors.
    pub published: Option<NaiveDate>,
    pub expect: Expect,
}

/// A document-set case: articles and the findings comparing them must give.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub file: String,
    pub line: usize,
    pub name: String,
    pub articles: Vec<Article>,
    /// Every finding the articles give, as (key, verdict); any other finding fails the case.
    pub findings: Vec<(String, Verdict)>,
    /// Keys on which the articles must agree.
    pub agreements: Vec<String>,
}

/// One article of a case.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub text: String,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
}

/// The value an example expects, as written and as an interval.
#[derive(Debug, Clone, PartialEq)]
pub struct ExpectedValue {
    pub written: String,
    pub interval: Interval,
    /// The unit the claim must carry (`km`, `USD`, `s`); any when not written.
    pub unit: Option<String>,
}

impl ExpectedValue {
    /// Reads the notation: a point (`1240`, `2025-09-03`) or `[lo, hi]` with `(`/`)` for open
    /// ends and `inf`/`-inf` for missing ones, then an optional unit.
    pub fn parse(written: &str) -> Result<ExpectedValue, String> {
        let s = written.trim();
        let (interval, rest) = if let Some(inner) = s.strip_prefix(['[', '(']) {
            let close = inner
                .find([']', ')'])
                .ok_or_else(|| "an interval ends with `]` or `)`".to_string())?;
            let (lo, hi) = inner[..close]
                .split_once(',')
                .ok_or_else(|| "an interval holds two ends separated by a comma".to_string())?;
            let lo_inclusive = s.starts_with('[');
            let hi_inclusive = inner[close..].starts_with(']');
            let interval = Interval {
                lo: bound(lo, lo_inclusive, false)?,
                hi: bound(hi, hi_inclusive, true)?,
            };
            (interval, &inner[close + 1..])
        } else {
            let end = number_end(s);
            let v = number(&s[..end])?;
            (Interval::point(v), &s[end..])
        };
        if let (Some(lo), Some(hi)) = (interval.lo, interval.hi) {
            if lo.value > hi.value {
                return Err(format!(
                    "the low end `{}` is above the high end `{}`",
                    lo.value, hi.value
                ));
            }
        }
        let mut unit = rest.trim();
        if unit.starts_with(|c: char| c.is_ascii_digit() || (c.is_ascii_punctuation() && c != '%')) {
            return Err(format!(
                "`{unit}` is not a unit: write numbers without thousands separators"
            ));
        }
        let mut interval = interval;
        for (word, scale) in [("million", 1e6), ("billion", 1e9), ("trillion", 1e12)] {
            if let Some(after) = unit.strip_prefix(word) {
                interval = interval.scaled(scale);
                unit = after.trim();
            }
        }
        let (interval, unit) = match duration_unit(unit) {
            Some(seconds) => (interval.scaled(seconds), Some("s".to_string())),
            None if unit.is_empty() => (interval, None),
            None => (interval, Some(unit.to_string())),
        };
        Ok(ExpectedValue {
            written: written.to_string(),
            interval,
            unit,
        })
    }

    /// Whether a claim's value and unit are the expected ones (ends equal to a billionth).
    pub fn matches(&self, value: &Interval, unit: Option<&str>) -> bool {
        let same = |a: Option<Bound>, b: Option<Bound>| match (a, b) {
            (None, None) => true,
            (Some(a), Some(b)) => {
                a.inclusive == b.inclusive && (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(1.0)
            }
            _ => false,
        };
        let unit_ok = self.unit.as_deref().is_none_or(|u| Some(u) == unit);
        unit_ok && same(self.interval.lo, value.lo) && same(self.interval.hi, value.hi)
    }
}

/// A value in the examples' notation, for messages: `[1170, 1430] km`, `2025-09-03`.
pub fn notation(value: &Interval, is_date: bool, unit: Option<&str>) -> String {
    let number = |v: f64| match date_of(v).filter(|_| is_date) {
        Some(d) => d.to_string(),
        None => {
            let s = format!("{v:.4}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    };
    let written = value.notation(number);
    match unit {
        Some(u) => format!("{written} {u}"),
        None => written,
    }
}

impl fmt::Display for ExpectedValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.written)
    }
}

/// A verdict as written in a case: `conflict` or `discrepancy`.
pub fn parse_verdict(s: &str) -> Option<Verdict> {
    match s {
        "conflict" => Some(Verdict::Conflict),
        "discrepancy" => Some(Verdict::Discrepancy),
        _ => None,
    }
}

/// One end of an interval; `inf` only at the top, `-inf` only at the bottom, both open.
fn bound(s: &str, inclusive: bool, upper: bool) -> Result<Option<Bound>, String> {
    let s = s.trim();
    let infinite = if upper {
        matches!(s, "inf" | "+inf")
    } else {
        s == "-inf"
    };
    if infinite {
        return if inclusive {
            Err(format!("`{s}` is never reached: write `(` or `)` next to it"))
        } else {
            Ok(None)
        };
    }
    Ok(Some(Bound {
        value: number(s)?,
        inclusive,
    }))
}

/// Where a point's number (or date) ends and its unit begins: `45%`, `46°C`, `3 days`.
fn number_end(s: &str) -> usize {
    let b = s.as_bytes();
    let mut end = 0;
    while end < b.len() {
        let c = b[end];
        let exponent =
            matches!(c, b'e' | b'E') && b.get(end + 1).is_some_and(|n| n.is_ascii_digit() || *n == b'-');
        if !(c.is_ascii_digit() || matches!(c, b'.' | b'-' | b'+' | b'_') || exponent) {
            break;
        }
        end += 1;
    }
    // A word after the figure is a unit; `inf` and other letters stay for `number` to reject.
    if end == 0 {
        s.find(char::is_whitespace).unwrap_or(s.len())
    } else {
        end
    }
}

/// A plain number (`1240`, `-3.5`, `4.6e9`) or an ISO date read as its day number.
fn number(s: &str) -> Result<f64, String> {
    if let Ok(date) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(day_number(date));
    }
    let plain = s.replace('_', "");
    match plain.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(v),
        _ => Err(format!("`{s}` is not a number or a YYYY-MM-DD date")),
    }
}

/// Seconds in a duration unit written after the value.
fn duration_unit(unit: &str) -> Option<f64> {
    let seconds = match unit.trim_end_matches('s') {
        "" if unit == "s" => 1.0,
        "second" | "sec" => 1.0,
        "minute" | "min" => 60.0,
        "hour" | "h" => 3_600.0,
        "day" => 86_400.0,
        "week" => 604_800.0,
        // As figures are read: a year of 365.25 days, a month of a twelfth of it.
        "month" => 2_629_800.0,
        "year" | "yr" => 31_557_600.0,
        _ => return None,
    };
    Some(seconds)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(s: &str) -> ExpectedValue {
        ExpectedValue::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn points_intervals_and_open_ends() {
        assert_eq!(parsed("1240").interval, Interval::point(1240.0));
        assert_eq!(
            parsed("[20000, 99999]").interval,
            Interval::closed(20000.0, 99999.0)
        );
        assert_eq!(parsed("(10000, inf)").interval, Interval::above(10000.0, false));
        assert_eq!(parsed("(-inf, 30]").interval, Interval::below(30.0, true));
        assert_eq!(
            parsed("[1800, 2000)").interval.hi.map(|b| b.inclusive),
            Some(false)
        );
        assert_eq!(parsed("4.6e9 USD").unit.as_deref(), Some("USD"));
        let money = parsed("4.6 billion USD");
        assert!(money.matches(&Interval::point(4.6e9), Some("USD")));
        assert!(parsed("1.2 million").matches(&Interval::point(1.2e6), None));
        assert!(parsed("45%").matches(&Interval::point(45.0), Some("%")));
        assert!(parsed("46°C").matches(&Interval::point(46.0), Some("°C")));
        assert!(parsed("14 years").matches(&Interval::point(441_806_400.0), Some("s")));
        assert!(parsed("168 months").matches(&Interval::point(441_806_400.0), Some("s")));
    }

    #[test]
    fn units_and_dates() {
        let km = parsed("[1170, 1430] km");
        assert_eq!(km.unit.as_deref(), Some("km"));
        assert!(km.matches(&Interval::closed(1170.0, 1430.0), Some("km")));
        assert!(!km.matches(&Interval::closed(1170.0, 1430.0), Some("mi")));
        let days = parsed("3 days");
        assert!(days.matches(&Interval::point(259_200.0), Some("s")));
        assert!(parsed("70 minutes").matches(&Interval::point(4_200.0), Some("s")));
        let day = NaiveDate::from_ymd_opt(2025, 9, 3).unwrap();
        assert!(parsed("2025-09-03").matches(&Interval::point(day_number(day)), None));
        assert_eq!(
            notation(&Interval::point(day_number(day)), true, None),
            "2025-09-03"
        );
    }

    #[test]
    fn values_must_match_exactly() {
        let v = parsed("(10000, inf)");
        assert!(v.matches(&Interval::above(10000.0, false), None));
        assert!(!v.matches(&Interval::above(10000.0, true), None));
        assert!(!v.matches(&Interval::closed(10000.0, 20000.0), None));
        assert!(!parsed("1240").matches(&Interval::point(1241.0), None));
    }

    #[test]
    fn malformed_values_are_explained() {
        for bad in [
            "", "lots", "1,240", "[1, 2", "[1 2]", "[inf, 2]", "[1, inf]", "[5, 2]",
        ] {
            assert!(ExpectedValue::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn claim_values_read_back_in_the_notation() {
        let v = Interval::closed(1170.0, 1430.0);
        assert_eq!(notation(&v, false, Some("km")), "[1170, 1430] km");
        assert_eq!(
            notation(&Interval::above(10000.0, false), false, None),
            "(10000, inf)"
        );
    }
}
