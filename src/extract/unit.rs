//! Units after a figure: percent, temperatures, areas, speeds, lengths, durations and
//! currencies written after the number.

use crate::claim::Kind;
use crate::number::number_word;
use crate::token::Token;

use super::core_at;
use super::money::money_after;

/// A unit after a figure, either spaced (`70 minutes`) or as a compound adjective
/// (`70-minute`). Returns the kind, the canonical unit, the factor to it, and the end index.
pub(super) fn unit_at(tokens: &[Token], i: usize) -> Option<(Kind, &'static str, f64, usize)> {
    if after_identifier(tokens, i) {
        return None;
    }
    let mut j = i;
    if tokens.get(j).is_some_and(|t| t.is_hyphen() && !t.space_before) {
        j += 1;
    }
    let t = tokens.get(j)?;
    let w: &str = &t.folded;
    let next = |k: usize| tokens.get(j + k).map_or("", |t| t.folded.as_ref());
    if t.text == "%" {
        return Some((Kind::Percent, "%", 1.0, j + 1));
    }
    match w {
        "percentage" if next(1) == "points" || next(1) == "point" => {
            return Some((Kind::Percent, "%", 1.0, j + 2))
        }
        "percent" | "percents" | "percentage" | "pct" => return Some((Kind::Percent, "%", 1.0, j + 1)),
        "per" if next(1) == "cent" => return Some((Kind::Percent, "%", 1.0, j + 2)),
        // `25 basis points`, `25bps`, `25bp`: hundredths of a percentage point.
        "basis" if matches!(next(1), "point" | "points") => return Some((Kind::Percent, "%", 0.01, j + 2)),
        "bps" | "bp" if t.text == w => return Some((Kind::Percent, "%", 0.01, j + 1)),
        // `rose 5pc`, British business copy; written solid and in lower case (`5 PCs`).
        "pc" if t.text == "pc" && !t.space_before => return Some((Kind::Percent, "%", 1.0, j + 1)),
        _ => {}
    }
    // Temperatures: `46C`, `46.2 °C`, `8 degrees Celsius`, `104F` (converted after, as
    // Fahrenheit is not a multiple of Celsius).
    let degree_sign = t.text == "°";
    let (temp_word, temp_end) = if degree_sign { (next(1), j + 2) } else { (w, j + 1) };
    match temp_word {
        "c" | "celsius" | "centigrade" if degree_sign || !t.space_before || w != "c" => {
            return Some((Kind::Temperature, "°C", 1.0, temp_end));
        }
        "f" | "fahrenheit" if degree_sign || !t.space_before || w != "f" => {
            return Some((Kind::Temperature, "°F", 1.0, temp_end));
        }
        "degrees" | "degree" if is_temperature_degree(w, next(1), j > i) => {
            let scale = next(1);
            let end = j + if matches!(scale, "celsius" | "centigrade" | "c" | "fahrenheit" | "f") {
                2
            } else {
                1
            };
            let unit = if matches!(scale, "fahrenheit" | "f") {
                "°F"
            } else {
                "°C"
            };
            return Some((Kind::Temperature, unit, 1.0, end));
        }
        _ => {}
    }
    // Areas: `48,000 acres`, `19,400 hectares`, `75 square miles`, `12 sq km`, `5 km²`.
    // `2,000 square feet`, `5,000 sq ft`, `100 sq. km`, `a 300-square-foot flat`: any length
    // squared.
    let square = matches!(w, "square" | "sq");
    let dotted = w == "sq" && next(1) == "." || square && next(1) == "-" && j > i;
    let area_word = match (square, dotted) {
        (true, true) => next(2),
        (true, false) => next(1),
        _ => w,
    };
    let area = match area_word {
        "acre" | "acres" => Some(0.004_046_856),
        "hectare" | "hectares" | "ha" => Some(0.01),
        // The Levant's dunam (1,000 m²) and Egypt's feddan (4,200 m²).
        "dunam" | "dunams" | "dunum" | "dunums" | "donum" | "donums" => Some(0.001),
        "feddan" | "feddans" => Some(0.0042),
        "mile" | "miles" | "mi" if square => Some(2.589_988),
        length if square => length_word(length).map(|f| f * f),
        _ => None,
    };
    if let Some(factor) = area {
        let words = match (square, dotted) {
            (true, true) => 3,
            (true, false) => 2,
            _ => 1,
        };
        return Some((Kind::Area, "km2", factor, j + words));
    }
    if w == "km" && next(1) == "²" {
        return Some((Kind::Area, "km2", 1.0, j + 2));
    }
    if let Some((factor, end)) = dotted_speed(tokens, j) {
        return Some((Kind::Speed, "km/h", factor, end));
    }
    if let Some(found) = length_or_speed(tokens, i, j) {
        return Some(found);
    }
    match w {
        "kph" | "kmh" | "kmph" => return Some((Kind::Speed, "km/h", 1.0, j + 1)),
        // A nautical mile an hour: `winds of 15 knots`.
        "knot" | "knots" => return Some((Kind::Speed, "km/h", 1.852, j + 1)),
        "mph" => return Some((Kind::Speed, "km/h", MILE, j + 1)),
        _ => {}
    }
    let seconds = match w {
        "millisecond" | "milliseconds" => 0.001,
        "ms" if t.text == "ms" => 0.001,
        // `it took 5h`, written solid; not `1h30`.
        "h" if t.text == "h"
            && !t.space_before
            && !tokens
                .get(j + 1)
                .is_some_and(|n| n.is_number() && !n.space_before) =>
        {
            3600.0
        }
        "second" | "seconds" | "sec" | "secs" => 1.0,
        "minute" | "minutes" | "min" | "mins" => 60.0,
        "hour" | "hours" | "hr" | "hrs" => 3600.0,
        "day" | "days" => 86_400.0,
        "week" | "weeks" => 604_800.0,
        "fortnight" | "fortnights" => 1_209_600.0,
        "month" | "months" => 2_629_800.0,
        "year" | "years" | "yr" | "yrs" | "annum" => YEAR,
        "decade" | "decades" => 10.0 * YEAR,
        "century" | "centuries" => 100.0 * YEAR,
        "millennium" | "millennia" => 1000.0 * YEAR,
        // Geological time: `66 Ma`, `4.5 Ga`, `a megayear`.
        "megayear" | "megayears" | "megaannum" | "megaanna" => 1e6 * YEAR,
        "gigayear" | "gigayears" | "gigaannum" | "gigaanna" => 1e9 * YEAR,
        // `Ma` and `Ga` only written solid: `in 2019 Ma stepped down` names a person.
        _ if t.text == "Myr" || t.text == "Ma" && !t.space_before => 1e6 * YEAR,
        _ if t.text == "Gyr" || t.text == "Ga" && !t.space_before => 1e9 * YEAR,
        _ => return money_after(tokens, j),
    };
    Some((Kind::Duration, "s", seconds, j + 1))
}

/// `and 20 minutes` after `2 hours`, `2 inches` after `5 feet`, `50 cents` after `3 dollars`:
/// the smaller part of a compound duration, length or sum, in the canonical unit.
pub(super) fn smaller_unit_tail(
    tokens: &[Token],
    i: usize,
    of: (Kind, Option<&str>),
    factor: f64,
) -> Option<(f64, usize)> {
    // `5 ft. 3 in.`: the abbreviation's dot before the inches.
    let dotted = factor == FOOT
        && tokens.get(i).is_some_and(|d| d.text == "." && !d.space_before)
        && tokens.get(i + 1).is_some_and(Token::is_number)
        && tokens.get(i + 2).is_some_and(|t| t.text == "in");
    let i = if dotted { i + 1 } else { i };
    let i = if tokens.get(i)?.is("and") { i + 1 } else { i };
    if !tokens.get(i)?.is_number() && number_word(&tokens.get(i)?.folded).is_none() {
        return None;
    }
    let core = core_at(tokens, i, false)?;
    // `5 ft 2 in`, `5' 4"`: after feet, `in` and a double quote are the inch.
    let inches = factor == FOOT
        && tokens
            .get(core.end)
            .is_some_and(|t| t.text == "in" || is_inch_mark(t));
    let (kind, unit, small, end) = if inches {
        (Kind::Distance, "km", INCH, core.end + 1)
    } else {
        unit_at(tokens, core.end)?
    };
    let same = kind == of.0 && (kind != Kind::Money || of.1 == Some(unit));
    // `5 feet 2 inches` is one length; `12 m 2 dm` two, as metric lengths are written as
    // decimals.
    let metric = kind == Kind::Distance && !(IMPERIAL.contains(&factor) && IMPERIAL.contains(&small));
    (same && !metric && small < factor && core.lo == core.hi && !core.vague).then_some((core.lo * small, end))
}

/// `30 degrees` is a temperature; `a 90-degree turn` or `180 degrees of latitude` is an angle.
fn is_temperature_degree(word: &str, next: &str, compound: bool) -> bool {
    const ANGLES: &[&str] = &[
        "of",
        "turn",
        "angle",
        "east",
        "west",
        "north",
        "south",
        "latitude",
        "longitude",
        "incline",
    ];
    !(ANGLES.contains(&next) || word == "degree" && compound)
}

/// `m.p.h.` and `k.p.h.` at `j`, as some newspapers write them: the factor to km/h and the
/// end (after the last dot).
pub(super) fn dotted_speed(tokens: &[Token], j: usize) -> Option<(f64, usize)> {
    let solid = |k: usize, text: &str| tokens.get(j + k).is_some_and(|t| t.is(text) && !t.space_before);
    let factor = match tokens.get(j)?.folded.as_ref() {
        "m" => MILE,
        "k" => 1.0,
        _ => return None,
    };
    if !(solid(1, ".") && solid(2, "p") && solid(3, ".") && solid(4, "h")) {
        return None;
    }
    Some((factor, if solid(5, ".") { j + 6 } else { j + 5 }))
}

/// Seconds in crosscheck's year (365.25 days).
const YEAR: f64 = 31_557_600.0;

/// A length after a figure, or a speed when a time unit divides it: `1,300 km`, `10 dm`,
/// `2 in thick`, `9"`, `60 km/h`, `20 m/s`, `50 km/ms`. A squared length is an area (`190
/// km2`, `4km^2`, `4 km squared`).
fn length_or_speed(tokens: &[Token], i: usize, j: usize) -> Option<(Kind, &'static str, f64, usize)> {
    let t = tokens.get(j)?;
    let w: &str = &t.folded;
    let next = |k: usize| tokens.get(j + k).map_or("", |t| t.folded.as_ref());
    let factor = match w {
        "nautical" if next(1).starts_with("mile") => 1.852,
        "nmi" => 1.852,
        // `4.2 light-years`, `4.2 light years`.
        "light" if light_year(tokens, j).is_some() => LIGHT_YEAR,
        _ if t.text == "NM" => 1.852,
        "in" if inch_abbreviation(tokens, i, j) => INCH,
        _ if t.text == "\"" && inch_mark(tokens, i, j) => INCH,
        _ if t.text == "″" => INCH,
        // `5' 4"`, `6′2″`: a foot mark only in a pair with inches.
        _ if matches!(t.text, "'" | "′" | "’") && feet_and_inches(tokens, i, j) => FOOT,
        // `2.1 pm` is no clock time: picometres, and `2.123 am` attometres.
        "pm" | "am" if t.text == w && tiny_decimal_before(tokens, i) => {
            if w == "pm" {
                1e-15
            } else {
                1e-21
            }
        }
        // `nm` is nanometres in chip news (`a 5nm process`) and nautical miles in aviation
        // (`a range of 8,700 nm`), `Nm` torque: none is read.
        "nm" => return None,
        _ => length_word(w)?,
    };
    let skip = match w {
        "nautical" => 2,
        "light" => light_year(tokens, j).unwrap_or(1),
        _ => 1,
    };
    // `190 km2`, `24703m2`, `5 m²`, `4km^2`, `4 km squared`: a squared length is an area.
    let solid = |k: usize| tokens.get(j + k).filter(|s| !s.space_before);
    let squared = if solid(1).is_some_and(|s| s.text == "2" || s.text == "²") {
        Some(2)
    } else if solid(1).is_some_and(|s| s.text == "^") && solid(2).is_some_and(|s| s.text == "2") {
        Some(3)
    } else if next(1) == "squared" {
        Some(2)
    } else {
        None
    };
    if let Some(n) = squared.filter(|_| skip == 1 && t.is_word()) {
        return Some((Kind::Area, "km2", factor * factor, j + n));
    }
    // `24703m212`, `m3`: a unit letter written solid before other digits is part of a code.
    if t.is_word() && solid(skip).is_some_and(Token::is_number) {
        return None;
    }
    if next(skip) == "square" {
        return None;
    }
    if let Some((per_hour, k)) = per_time(tokens, j + skip) {
        return Some((Kind::Speed, "km/h", factor * per_hour, k));
    }
    // `9.8 m/s2`, `10 km/l`: a length divided by something other than a time is no length.
    if solid(skip).is_some_and(|s| s.text == "/") {
        return None;
    }
    Some((Kind::Distance, "km", factor, j + skip))
}

/// Kilometres in a light-year (the IAU's Julian year at the speed of light).
const LIGHT_YEAR: f64 = 9_460_730_472_580.8;

/// `light-years` or `light years` at `j`: the number of tokens it takes.
fn light_year(tokens: &[Token], j: usize) -> Option<usize> {
    let year = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| matches!(t.folded.as_ref(), "year" | "years"))
    };
    let hyphen = tokens
        .get(j + 1)
        .is_some_and(|h| h.is_hyphen() && !h.space_before);
    if hyphen && year(j + 2) {
        Some(3)
    } else if year(j + 1) {
        Some(2)
    } else {
        None
    }
}

/// Kilometres in an inch and in a foot.
const INCH: f64 = 0.000_025_4;
const FOOT: f64 = 0.000_304_8;

/// Kilometres in the imperial lengths that are written as compounds: mile, yard, foot, inch.
const IMPERIAL: &[f64] = &[MILE, YARD, FOOT, INCH];
const MILE: f64 = 1.609_344;
const YARD: f64 = 0.000_914_4;

/// A length unit word or abbreviation, in kilometres.
fn length_word(w: &str) -> Option<f64> {
    Some(match w {
        "km" | "kms" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => 1.0,
        "mile" | "miles" | "mi" => MILE,
        "m" | "meter" | "meters" | "metre" | "metres" => 0.001,
        "dm" | "decimeter" | "decimeters" | "decimetre" | "decimetres" => 0.000_1,
        "cm" | "centimeter" | "centimeters" | "centimetre" | "centimetres" => 0.000_01,
        "mm" | "millimeter" | "millimeters" | "millimetre" | "millimetres" => 0.000_001,
        "µm" | "μm" | "micrometer" | "micrometers" | "micrometre" | "micrometres" | "micron" | "microns" => {
            1e-9
        }
        "nanometer" | "nanometers" | "nanometre" | "nanometres" => 1e-12,
        "picometer" | "picometers" | "picometre" | "picometres" => 1e-15,
        "attometer" | "attometers" | "attometre" | "attometres" => 1e-21,
        "inch" | "inches" => INCH,
        "ft" | "foot" | "feet" => FOOT,
        "yd" | "yds" | "yard" | "yards" => YARD,
        _ => return None,
    })
}

/// A time unit dividing a length at `k`: `/h`, `per hour`, `an hour`, `/s`, `per second`,
/// `/ms`. Returns the factor from "per that unit" to "per hour" and the end index.
fn per_time(tokens: &[Token], k: usize) -> Option<(f64, usize)> {
    let hyphen = |n: usize| tokens.get(n).is_some_and(|t| t.is_hyphen() && !t.space_before);
    // `a 100-mile-per-hour wind`, `100 miles-per-hour`: the same with hyphens.
    let k = if hyphen(k) && tokens.get(k + 1).is_some_and(|t| t.is("per")) {
        k + 1
    } else {
        k
    };
    let word = |n: usize| tokens.get(k + n).map_or("", |t| t.folded.as_ref());
    let slash = word(0) == "/";
    if !(slash || matches!(word(0), "per" | "an" | "a")) {
        return None;
    }
    let u = if word(0) == "per" && hyphen(k + 1) { 2 } else { 1 };
    let per_hour = match word(u) {
        "h" | "hr" | "hour" if slash || word(u) == "hour" => 1.0,
        "min" | "minute" if slash || word(u) == "minute" => 60.0,
        "s" | "sec" | "second" if slash || word(u) == "second" => 3600.0,
        "ms" | "millisecond" if slash || word(u) == "millisecond" => 3_600_000.0,
        _ => return None,
    };
    // `9.8 m/s2`, `m/s²`: an acceleration, not a speed.
    let after = tokens.get(k + u + 1);
    if after.is_some_and(|a| !a.space_before && matches!(a.text, "2" | "²" | "^")) {
        return None;
    }
    Some((per_hour, k + u + 1))
}

/// `in` after a figure is an inch only where the preposition cannot be meant: before a
/// measure word (`2 in thick`, `8 in long`), or ending the clause after a verb of being or
/// measuring (`the pencil is 2 in`, `it measures 5 in.`); `let 5 in` and `2 in 5` stay.
fn inch_abbreviation(tokens: &[Token], i: usize, j: usize) -> bool {
    const MEASURES: &[&str] = &[
        "thick", "long", "wide", "tall", "high", "deep", "across", "diameter", "square",
    ];
    if tokens[j].text != "in" || !figure_before(tokens, i) {
        return false;
    }
    // `in high demand`, `in deep water`, `in long-term care`: the measure word must end the
    // clause.
    let clause_end = |k: usize| match tokens.get(k) {
        None => true,
        Some(n) if n.is_word() => matches!(n.folded.as_ref(), "and" | "or" | "but"),
        Some(n) => !n.is_hyphen() && !n.is_number(),
    };
    match tokens.get(j + 1) {
        Some(n) if n.is_word() => MEASURES.contains(&n.folded.as_ref()) && clause_end(j + 2),
        // `2 in. of rain`: the abbreviation's dot.
        Some(n) if n.text == "." && !n.space_before => {
            tokens.get(j + 2).is_some_and(|o| o.is("of")) || clause_end(j + 2) && after_being(tokens, i)
        }
        // `a 2-in-1 laptop`, `3 in/5`.
        Some(n) if !clause_end(j + 1) || n.text == "/" => false,
        _ => after_being(tokens, i),
    }
}

/// Whether a verb of being or measuring (or `of`, `by`) comes before the figure ending at
/// `i`, skipping the figure's digits and fraction: `the pencil is 2 1/2`.
fn after_being(tokens: &[Token], i: usize) -> bool {
    let before = (0..i.saturating_sub(1))
        .rev()
        .find(|&k| !tokens[k].is_number() && tokens[k].text != "/");
    before.is_some_and(|k| {
        matches!(
            tokens[k].folded.as_ref(),
            "is" | "was" | "are" | "were" | "be" | "measures" | "measured" | "measuring" | "of" | "by"
        )
    })
}

/// `10"` or `10 " long`: a straight double quote after a figure is an inch mark unless it
/// closes a quotation (an odd number of quotes before it) or opens one (a word written
/// solid after it).
fn inch_mark(tokens: &[Token], i: usize, j: usize) -> bool {
    let quotes_before = tokens[..j].iter().filter(|t| t.text == "\"").count();
    figure_before(tokens, i)
        && quotes_before % 2 == 0
        && tokens.get(j + 1).is_none_or(|n| n.space_before || !n.is_word())
}

/// `5' 4"`: a foot mark at `j`, then a figure and an inch mark written solid after it.
fn feet_and_inches(tokens: &[Token], i: usize, j: usize) -> bool {
    figure_before(tokens, i)
        && tokens.get(j + 1).is_some_and(Token::is_number)
        && tokens.get(j + 2).is_some_and(is_inch_mark)
}

/// A double quote or double prime written solid after what precedes it.
fn is_inch_mark(t: &Token) -> bool {
    matches!(t.text, "\"" | "″" | "”") && !t.space_before
}

/// Whether the token before `i` is a figure written in digits.
fn figure_before(tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|f| tokens.get(f))
        .is_some_and(Token::is_number)
}

/// `2.1 pm`, `2.123 am`: a decimal figure whose decimals are not two clock minutes.
fn tiny_decimal_before(tokens: &[Token], i: usize) -> bool {
    let Some(f) = i.checked_sub(1).and_then(|f| tokens.get(f)) else {
        return false;
    };
    f.is_number() && f.text.split_once('.').is_some_and(|(_, d)| d.len() != 2)
}

/// A figure written solid after a hyphen and a word is part of a name or code (`scp-173m`,
/// `scp2-173 m`, `ef-300mm`): no unit attaches to it. A number word or a range before the
/// hyphen (`ten-15 km`, `5-10 km`) keeps its unit.
fn after_identifier(tokens: &[Token], i: usize) -> bool {
    let Some(f) = i.checked_sub(1).filter(|&f| f >= 2 && f < tokens.len()) else {
        return false;
    };
    let (figure, hyphen, left) = (&tokens[f], &tokens[f - 1], &tokens[f - 2]);
    if !figure.is_number() || figure.space_before || !hyphen.is_hyphen() || hyphen.space_before {
        return false;
    }
    let name = |t: &Token| {
        t.is_word() && number_word(&t.folded).is_none() && !NOT_NAMES.contains(&t.folded.as_ref())
    };
    name(left) || (left.is_number() && !left.space_before && f >= 3 && tokens[f - 3].is_word())
}

/// Words that may be written solid before a hyphen and a figure without naming anything.
const NOT_NAMES: &[&str] = &[
    "mid", "pre", "post", "late", "early", "minus", "plus", "about", "around", "some", "over", "under", "up",
    "to", "from", "and", "or", "by", "between", "than", "of", "a", "the", "at",
];

#[cfg(test)]
mod tests {
    use crate::claim::Kind;
    use crate::token::tokenize;

    use super::super::phrases;
    use super::{FOOT, INCH, MILE};

    /// Every phrase of `kind` in `text`, as the ends of its interval.
    fn of(kind: Kind, text: &str) -> Vec<(f64, f64)> {
        let tokens = tokenize(text, 0..text.len());
        phrases(&tokens, None)
            .into_iter()
            .filter(|p| p.kind == kind)
            .map(|p| {
                let v = p.value.expect("a measure has a value");
                (v.lo_value().unwrap_or(f64::NAN), v.hi_value().unwrap_or(f64::NAN))
            })
            .collect()
    }

    /// The one phrase of `kind` in `text`, a point.
    fn point(kind: Kind, text: &str) -> f64 {
        let all = of(kind, text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        assert!(near(all[0].0, all[0].1), "{text}: {all:?}");
        all[0].0
    }

    fn near(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1e-30)
    }

    fn km(text: &str, want: f64) {
        let got = point(Kind::Distance, text);
        assert!(near(got, want), "{text}: {got} km, want {want}");
    }

    #[test]
    fn small_lengths() {
        km("10 dm", 0.001);
        km("an accuracy of 16.25 nanometers", 16.25e-12);
        assert!(of(Kind::Distance, "chips made on a 5nm process").is_empty());
        assert!(of(Kind::Distance, "The A350-1000 flew 8,700 nm.").is_empty());
        km("2 picometer", 2e-15);
        km("a 100-yard dash", 100.0 * 0.000_914_4);
        km("a 3 micron filter", 3e-9);
        // `Nm` is a newton-metre of torque.
        assert!(of(Kind::Distance, "400 Nm of torque").is_empty());
    }

    #[test]
    fn pm_and_am_after_a_decimal_that_is_no_clock_time() {
        km("a size of 2.1 pm.", 2.1e-15);
        km("a size of 2.123 am.", 2.123e-21);
        // Clock times stay times.
        assert!(of(Kind::Distance, "He said: 2 pm is late").is_empty());
        assert!(of(Kind::Distance, "at 2.30 pm").is_empty());
    }

    #[test]
    fn inches_abbreviated_or_marked() {
        km("The door is 2 1/2 in thick, and", 2.5 * INCH);
        km("The length of my pencil is 2 in.", 2.0 * INCH);
        km("The length of my pencil is 2 in", 2.0 * INCH);
        km("He has a pen that is 10 \" long.", 10.0 * INCH);
        km("finest 9\" 360-ish plates", 9.0 * INCH);
        km("Adjustable Wrench 8\"", 8.0 * INCH);
        km("a 12″ pipe", 12.0 * INCH);
        // `in` as a preposition or particle, `"` closing or opening a quotation.
        assert!(of(Kind::Distance, "police let 200 in.").is_empty());
        assert!(of(Kind::Distance, "The laptop is 2-in-1.").is_empty());
        km("The storm dumped 2 in. of rain", 2.0 * INCH);
        assert!(of(Kind::Distance, "2 in 5 people agree").is_empty());
        assert!(of(Kind::Distance, "rose 3 in March").is_empty());
        assert!(of(Kind::Distance, "kept 5 in high demand").is_empty());
        assert!(of(Kind::Distance, "left 2 in long-term care").is_empty());
        assert!(of(Kind::Distance, "\"We lost 10\" he said").is_empty());
        assert!(of(Kind::Distance, "he ordered 10 \"special\" boxes").is_empty());
    }

    #[test]
    fn imperial_compounds_join_and_metric_ones_do_not() {
        km("he is 5 ft 2 in", 5.0 * FOOT + 2.0 * INCH);
        km("The length is 12 ft 2 in more or less", 12.0 * FOOT + 2.0 * INCH);
        km("5 feet 2 inches", 5.0 * FOOT + 2.0 * INCH);
        km("She is 5' 4\" tall.", 5.0 * FOOT + 4.0 * INCH);
        km("a 6′2″ forward", 6.0 * FOOT + 2.0 * INCH);
        km("he stands 6’ 2” tall", 6.0 * FOOT + 2.0 * INCH);
        km("a 3 miles 200 yards course", 3.0 * MILE + 200.0 * 0.000_914_4);
        // A foot mark alone is no foot: `the 1990’s`, `5' of arc`.
        assert!(of(Kind::Distance, "in the 1990’s and 5' of arc").is_empty());
        assert_eq!(
            of(Kind::Distance, "The length is 12 m 2 dm more or less"),
            [(0.012, 0.012), (0.0002, 0.0002)]
        );
    }

    #[test]
    fn speeds_per_hour_minute_second_and_millisecond() {
        let kmh = |text: &str, want: f64| {
            let got = point(Kind::Speed, text);
            assert!(near(got, want), "{text}: {got} km/h, want {want}");
        };
        kmh("winds of 20 m/s", 72.0);
        kmh("50 meters per millisecond", 180_000.0);
        kmh("50 centimeters/millisecond", 1_800.0);
        kmh("50 km/ms", 180_000_000.0);
        kmh("10 metres a second", 36.0);
        kmh("100 miles per hour", 100.0 * MILE);
        kmh("3 km/min", 180.0);
        kmh("a 100-mile-per-hour wind", 100.0 * MILE);
        kmh("winds of 100 miles-per-hour", 100.0 * MILE);
        // An acceleration or a consumption is neither a speed nor a length.
        let text = "9.8 m/s2 and 10 km/l";
        assert!(of(Kind::Speed, text).is_empty() && of(Kind::Distance, text).is_empty());
    }

    #[test]
    fn squared_lengths_are_areas() {
        let area = |text: &str, want: f64| {
            let got = point(Kind::Area, text);
            assert!(near(got, want), "{text}: {got} km2, want {want}");
        };
        area("4km^2", 4.0);
        area("4 km squared", 4.0);
        area("24703m2", 0.024_703);
        area("4 square kilometers", 4.0);
        area("2,000 square feet", 2000.0 * FOOT * FOOT);
        area("5,000 sq ft", 5000.0 * FOOT * FOOT);
        area("100 sq. km", 100.0);
        area("500 dunams of land", 0.5);
        area("a 300-square-foot flat", 300.0 * FOOT * FOOT);
        area("a 5-square-kilometre area", 5.0);
        area("a 5-sq-km zone", 5.0);
        area("10 feddans", 0.042);
        area("10 m squared", 1e-5);
        // A square of a given side is no area: `5 km square`.
        assert!(of(Kind::Area, "a 5 km square plot").is_empty());
    }

    #[test]
    fn basis_points_are_hundredths_of_a_percent() {
        let pct = |text: &str, want: f64| {
            let got = point(Kind::Percent, text);
            assert!(near(got, want), "{text}: {got} %, want {want}");
        };
        pct("raised rates by 25 basis points", 0.25);
        pct("a 50bp cut", 0.5);
        pct("up 10 bps", 0.1);
        pct("shares rose 5pc", 5.0);
        assert!(of(Kind::Percent, "5 PCs and 3 pc").is_empty());
        // `BP` is the company.
        assert!(of(Kind::Percent, "sold 5 BP shares").is_empty());
    }

    #[test]
    fn dotted_abbreviations() {
        let mph = point(Kind::Speed, "winds of 60 m.p.h. were recorded");
        assert!(near(mph, 60.0 * MILE), "{mph}");
        assert!(near(point(Kind::Speed, "at 100 k.p.h."), 100.0));
        km("it rose 5 ft. 3 in.", 5.0 * FOOT + 3.0 * INCH);
        km("35,000 ft. high", 35_000.0 * FOOT);
    }

    #[test]
    fn knots_and_light_years() {
        assert!(near(point(Kind::Speed, "winds of 15 knots"), 15.0 * 1.852));
        km("4.2 light-years away", 4.2 * 9_460_730_472_580.8);
        km("4.2 light years away", 4.2 * 9_460_730_472_580.8);
        assert!(of(Kind::Distance, "5 light bulbs").is_empty());
    }

    #[test]
    fn figures_inside_codes_take_no_unit() {
        for text in ["scp-173m", "scp2-173m", "scp-173 m", "24703m212", "24703 m212"] {
            assert!(of(Kind::Distance, text).is_empty(), "{text}");
        }
        // A range, a number word or a date word before the hyphen keeps the unit.
        assert_eq!(of(Kind::Distance, "from 5-10 km"), [(5.0, 10.0)]);
        km("a mid-10 km stretch", 10.0);
        // A dash after another figure is no minus sign.
        assert_eq!(of(Kind::Distance, "ef 75 -300mm f/4"), [(0.0003, 0.0003)]);
    }

    #[test]
    fn suspended_hyphen_ranges() {
        assert_eq!(
            of(Kind::Distance, "an 8- to 16-meter telescope"),
            [(0.008, 0.016)]
        );
        let years = 31_557_600.0;
        assert_eq!(
            of(Kind::Duration, "a 3- to 5-year sentence"),
            [(3.0 * years, 5.0 * years)]
        );
    }

    #[test]
    fn geological_and_short_durations() {
        let year = 31_557_600.0;
        let secs = |text: &str, want: f64| {
            let got = point(Kind::Duration, text);
            assert!(near(got, want), "{text}: {got} s, want {want}");
        };
        secs("a span of 66Ma", 66e6 * year);
        secs("4.5 Gyr old", 4.5e9 * year);
        // Spaced, `Ma` is more likely a name.
        assert!(of(Kind::Duration, "In 2019 Ma stepped down").is_empty());
        assert_eq!(
            of(Kind::Duration, "One gigaannum (1Ga) is long"),
            [(1e9 * year, 1e9 * year); 2]
        );
        secs("a delay of 50 ms", 0.05);
        secs("two fortnights", 2_419_200.0);
        secs("it took 5h", 18_000.0);
        assert!(of(Kind::Duration, "a 1h30 delay").is_empty());
        secs("two millennia", 2000.0 * year);
    }
}
