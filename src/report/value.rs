//! Formatting normalized values for people: `10,000`, `> 20`, `2025-09-03`, `70 minutes`.

use crate::claim::Kind;
use crate::interval::Interval;
use crate::when::date_of;

/// A value as a reader expects it: `26`, `> 10,000`, `20,000–99,999`, `2025-09-03`.
pub fn format_value(value: &Interval, kind: Kind, unit: Option<&str>) -> String {
    // Both ends of a duration in the unit of the larger one: `12.6–14 days`, not
    // `18144 minutes–2 weeks`.
    let duration_unit = (kind == Kind::Duration && !value.is_point()).then(|| {
        let largest = value.hi_value().or(value.lo_value()).unwrap_or(0.0).abs();
        duration_unit_for(largest)
    });
    let f = |v: f64| match duration_unit {
        Some((size, name)) => {
            let n = trim(v / size);
            format!("{n} {name}{}", if n == "1" { "" } else { "s" })
        }
        None => format_number(v, kind, unit),
    };
    match (value.lo, value.hi) {
        (Some(lo), Some(hi)) if lo.value == hi.value => f(lo.value),
        (Some(lo), Some(hi)) => {
            let open = if lo.inclusive { "" } else { "> " };
            let close = if hi.inclusive { "" } else { " (excl.)" };
            format!("{open}{}–{}{close}", f(lo.value), f(hi.value))
        }
        (Some(lo), None) => format!("{} {}", if lo.inclusive { "≥" } else { ">" }, f(lo.value)),
        (None, Some(hi)) => format!("{} {}", if hi.inclusive { "≤" } else { "<" }, f(hi.value)),
        (None, None) => "any".to_string(),
    }
}

/// One number in the units of its kind.
pub(crate) fn format_number(v: f64, kind: Kind, unit: Option<&str>) -> String {
    match kind {
        Kind::Date => date_of(v).map_or_else(|| group(v), |d| d.to_string()),
        Kind::Year | Kind::Ordinal => format!("{}", v.round() as i64),
        Kind::Percent => format!("{}%", trim(v)),
        Kind::Money => format!("{} {}", large(v), unit.unwrap_or(""))
            .trim_end()
            .to_string(),
        Kind::Duration => duration(v),
        Kind::Distance if v.abs() < 1.0 => format!("{} m", group(v * 1000.0)),
        Kind::Distance => format!("{} km", group(v)),
        Kind::Area => format!("{} km²", group(v)),
        Kind::Temperature => format!("{}°C", trim(v)),
        Kind::Speed => format!("{} km/h", group(v)),
        Kind::Count => group(v),
    }
}

/// `886 billion`, `1.3 million`, or a grouped integer below a million.
fn large(v: f64) -> String {
    for (scale, name) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if v.abs() >= scale {
            return format!("{} {name}", trim(v / scale));
        }
    }
    group(v)
}

/// The largest unit in which a duration is at least one: (seconds per unit, name).
fn duration_unit_for(seconds: f64) -> (f64, &'static str) {
    const UNITS: [(f64, &str); 7] = [
        (31_557_600.0, "year"),
        (2_629_800.0, "month"),
        (604_800.0, "week"),
        (86_400.0, "day"),
        (3_600.0, "hour"),
        (60.0, "minute"),
        (1.0, "second"),
    ];
    UNITS
        .into_iter()
        .find(|(size, _)| seconds >= *size)
        .unwrap_or((1.0, "second"))
}

fn duration(seconds: f64) -> String {
    const UNITS: [(f64, &str); 7] = [
        (31_557_600.0, "year"),
        (2_629_800.0, "month"),
        (604_800.0, "week"),
        (86_400.0, "day"),
        (3_600.0, "hour"),
        (60.0, "minute"),
        (1.0, "second"),
    ];
    // The largest unit in which the duration has at most one decimal (`70 minutes`, `15.2
    // hours`, `41.7 years`), else the largest it reaches at all.
    let exact = |decimals: i32| {
        UNITS.into_iter().find(|(size, _)| {
            let n = seconds / size * 10f64.powi(decimals);
            seconds / size >= 1.0 && (n - n.round()).abs() < 1e-6
        })
    };
    let unit = exact(1).or_else(|| UNITS.into_iter().find(|(size, _)| seconds >= *size));
    if let Some((size, name)) = unit {
        let n = trim(seconds / size);
        return format!("{n} {name}{}", if n == "1" { "" } else { "s" });
    }
    trim(seconds)
}

/// Digits grouped by thousands, up to two decimals: `10,000`, `1,287.48`.
fn group(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let text = trim(v.abs());
    let (int, frac) = text
        .split_once('.')
        .map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if v < 0.0 { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A number with at most two decimals and no trailing zeros.
fn trim(v: f64) -> String {
    // Whole numbers (most figures) print as integers, which is what the two decimals come to
    // once their zeros are trimmed, without formatting a float; below 2^53 every whole `f64`
    // is an exact `i64`. `-0` becomes `0` either way.
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        return (v as i64).to_string();
    }
    let s = format!("{:.2}", v);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_gives_whole_numbers_as_the_two_decimals_do() {
        for v in [
            0.0,
            -0.0,
            1.0,
            -5.0,
            100.0,
            1_000_000.0,
            123_456_789_012.0,
            8.9e15,
            1.5,
            0.125,
            1e16,
        ] {
            let s = format!("{:.2}", v);
            let s = s.trim_end_matches('0').trim_end_matches('.');
            let expected = if s == "-0" { "0" } else { s };
            assert_eq!(trim(v), expected, "{v}");
        }
    }

    #[test]
    fn values_read_naturally() {
        let day = crate::when::day_number(chrono::NaiveDate::from_ymd_opt(2025, 9, 3).unwrap());
        let nearly_two_weeks =
            crate::extract::interval_for(crate::claim::Qualifier::Nearly, 1_209_600.0, 1_209_600.0);
        let cases = [
            (Interval::point(10_000.0), Kind::Count, None, "10,000"),
            (Interval::above(20.0, false), Kind::Count, None, "> 20"),
            (
                Interval::closed(20_000.0, 99_999.0),
                Kind::Count,
                None,
                "20,000–99,999",
            ),
            (
                Interval::point(886e9),
                Kind::Money,
                Some("USD"),
                "886 billion USD",
            ),
            (Interval::point(4_200.0), Kind::Duration, Some("s"), "70 minutes"),
            (Interval::closed(90.0, 98.0), Kind::Percent, Some("%"), "90%–98%"),
            (
                Interval::point(1287.4752),
                Kind::Distance,
                Some("km"),
                "1,287.48 km",
            ),
            (Interval::point(0.008), Kind::Distance, Some("km"), "8 m"),
            (
                Interval::point(41.7 * 31_557_600.0),
                Kind::Duration,
                Some("s"),
                "41.7 years",
            ),
            (
                Interval::point(912.0 * 60.0),
                Kind::Duration,
                Some("s"),
                "15.2 hours",
            ),
            (
                nearly_two_weeks,
                Kind::Duration,
                Some("s"),
                "1.8 weeks–2 weeks (excl.)",
            ),
            (Interval::point(day), Kind::Date, None, "2025-09-03"),
        ];
        for (value, kind, unit, expected) in cases {
            assert_eq!(format_value(&value, kind, unit), expected, "{value:?}");
        }
    }
}
