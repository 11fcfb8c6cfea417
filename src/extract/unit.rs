//! Units after a figure: percent, temperatures, areas, speeds, lengths, durations and
//! currencies written after the number.

use crate::claim::Kind;
use crate::number::number_word;
use crate::token::Token;

use super::core_at;
use super::money::{currency_symbol, money_word};

/// A unit after a figure, either spaced (`70 minutes`) or as a compound adjective
/// (`70-minute`). Returns the kind, the canonical unit, the factor to it, and the end index.
pub(super) fn unit_at(tokens: &[Token], i: usize) -> Option<(Kind, &'static str, f64, usize)> {
    let mut j = i;
    if tokens.get(j).is_some_and(|t| t.is_hyphen() && !t.space_before) {
        j += 1;
    }
    let t = tokens.get(j)?;
    let w = t.lower();
    let next = |k: usize| tokens.get(j + k).map(|t| t.lower()).unwrap_or_default();
    if t.text == "%" {
        return Some((Kind::Percent, "%", 1.0, j + 1));
    }
    match w.as_str() {
        "percentage" if next(1) == "points" || next(1) == "point" => {
            return Some((Kind::Percent, "%", 1.0, j + 2))
        }
        "percent" | "percents" | "percentage" | "pct" => return Some((Kind::Percent, "%", 1.0, j + 1)),
        "per" if next(1) == "cent" => return Some((Kind::Percent, "%", 1.0, j + 2)),
        _ => {}
    }
    // Temperatures: `46C`, `46.2 °C`, `8 degrees Celsius`, `104F` (converted after, as
    // Fahrenheit is not a multiple of Celsius).
    let degree_sign = t.text == "°";
    let (temp_word, temp_end) = if degree_sign {
        (next(1), j + 2)
    } else {
        (w.clone(), j + 1)
    };
    match temp_word.as_str() {
        "c" | "celsius" | "centigrade" if degree_sign || !t.space_before || w != "c" => {
            return Some((Kind::Temperature, "°C", 1.0, temp_end));
        }
        "f" | "fahrenheit" if degree_sign || !t.space_before || w != "f" => {
            return Some((Kind::Temperature, "°F", 1.0, temp_end));
        }
        "degrees" | "degree" if is_temperature_degree(&w, &next(1), j > i) => {
            let scale = next(1);
            let end = j + if matches!(
                scale.as_str(),
                "celsius" | "centigrade" | "c" | "fahrenheit" | "f"
            ) {
                2
            } else {
                1
            };
            let unit = if matches!(scale.as_str(), "fahrenheit" | "f") {
                "°F"
            } else {
                "°C"
            };
            return Some((Kind::Temperature, unit, 1.0, end));
        }
        _ => {}
    }
    // Areas: `48,000 acres`, `19,400 hectares`, `75 square miles`, `12 sq km`, `5 km²`.
    let square = matches!(w.as_str(), "square" | "sq");
    let area_word = if square { next(1) } else { w.clone() };
    let area = match area_word.as_str() {
        "acre" | "acres" => Some(0.004_046_856),
        "hectare" | "hectares" | "ha" => Some(0.01),
        "kilometre" | "kilometres" | "kilometer" | "kilometers" | "km" if square => Some(1.0),
        "mile" | "miles" | "mi" if square => Some(2.589_988),
        "metre" | "metres" | "meter" | "meters" | "m" if square => Some(0.000_001),
        _ => None,
    };
    if let Some(factor) = area {
        return Some((Kind::Area, "km2", factor, j + if square { 2 } else { 1 }));
    }
    if w == "km" && next(1) == "²" {
        return Some((Kind::Area, "km2", 1.0, j + 2));
    }
    // Speeds before distances: `60 km/h`, `100 miles per hour`.
    let per_hour = |k: usize| -> Option<usize> {
        match (next(k).as_str(), next(k + 1).as_str()) {
            ("/", "h") | ("/", "hr") => Some(k + 2),
            ("per", "hour") | ("an", "hour") | ("a", "hour") => Some(k + 2),
            _ => None,
        }
    };
    let distance = match w.as_str() {
        "km" | "kms" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => Some(1.0),
        "mile" | "miles" | "mi" => Some(1.609_344),
        "m" | "meter" | "meters" | "metre" | "metres" => Some(0.001),
        "cm" | "centimeter" | "centimeters" | "centimetre" | "centimetres" => Some(0.000_01),
        "mm" | "millimeter" | "millimeters" | "millimetre" | "millimetres" => Some(0.000_001),
        "inch" | "inches" => Some(0.000_025_4),
        "ft" | "foot" | "feet" => Some(0.000_304_8),
        "nautical" if next(1).starts_with("mile") => Some(1.852),
        _ => None,
    };
    if let Some(factor) = distance {
        let skip = if w == "nautical" { 2 } else { 1 };
        // `190 km2`, `24703m2`, `5 m²`: a squared length is an area.
        let squared = tokens
            .get(j + 1)
            .is_some_and(|s| !s.space_before && (s.text == "2" || s.text == "²"));
        if squared && skip == 1 {
            return Some((Kind::Area, "km2", factor * factor, j + 2));
        }
        if next(skip) == "square" || w == "m" && next(1) == "/" && next(2) == "s" {
            return None;
        }
        if let Some(k) = per_hour(skip) {
            return Some((Kind::Speed, "km/h", factor, j + k));
        }
        return Some((Kind::Distance, "km", factor, j + skip));
    }
    match w.as_str() {
        "kph" | "kmh" | "kmph" => return Some((Kind::Speed, "km/h", 1.0, j + 1)),
        "mph" => return Some((Kind::Speed, "km/h", 1.609_344, j + 1)),
        _ => {}
    }
    let seconds = match w.as_str() {
        "second" | "seconds" | "sec" | "secs" => 1.0,
        "minute" | "minutes" | "min" | "mins" => 60.0,
        "hour" | "hours" | "hr" | "hrs" => 3600.0,
        "day" | "days" => 86_400.0,
        "week" | "weeks" => 604_800.0,
        "month" | "months" => 2_629_800.0,
        "year" | "years" | "yr" | "yrs" => 31_557_600.0,
        "decade" | "decades" => 315_576_000.0,
        "century" | "centuries" => 3_155_760_000.0,
        _ => {
            // `470 pence`, `50 cents`: a hundredth of the currency.
            let sub = match w.as_str() {
                "cent" | "cents" => Some("USD"),
                "pence" | "penny" | "p" if t.text != "p" || !t.space_before => Some("GBP"),
                _ => None,
            };
            if let Some(code) = sub {
                return Some((Kind::Money, code, 0.01, j + 1));
            }
            // `125 million Australian dollars`, `10,000 Swiss francs`, `50 €`.
            let qualified = match (w.as_str(), next(1).as_str()) {
                ("us" | "american", "dollar" | "dollars") => Some(("USD", 2)),
                ("australian", "dollar" | "dollars") => Some(("AUD", 2)),
                ("canadian", "dollar" | "dollars") => Some(("CAD", 2)),
                ("hong", "kong") if matches!(next(2).as_str(), "dollar" | "dollars") => Some(("HKD", 3)),
                ("swiss", "franc" | "francs") => Some(("CHF", 2)),
                ("chinese", "yuan") => Some(("CNY", 2)),
                ("turkish", "lira" | "liras") => Some(("TRY", 2)),
                ("new", "zealand") if matches!(next(2).as_str(), "dollar" | "dollars") => Some(("NZD", 3)),
                ("singapore", "dollar" | "dollars") => Some(("SGD", 2)),
                ("taiwan" | "taiwanese", "dollar" | "dollars") => Some(("TWD", 2)),
                ("mexican", "peso" | "pesos") => Some(("MXN", 2)),
                ("philippine", "peso" | "pesos") => Some(("PHP", 2)),
                ("argentine" | "argentinian", "peso" | "pesos") => Some(("ARS", 2)),
                ("colombian", "peso" | "pesos") => Some(("COP", 2)),
                ("chilean", "peso" | "pesos") => Some(("CLP", 2)),
                ("french", "franc" | "francs") => Some(("FRF", 2)),
                ("dutch", "guilder" | "guilders") => Some(("NLG", 2)),
                ("finnish", "markka" | "markkaa") => Some(("FIM", 2)),
                ("german", "mark" | "marks") => Some(("DEM", 2)),
                ("south", "african") if matches!(next(2).as_str(), "rand" | "rands") => Some(("ZAR", 3)),
                ("indian", "rupee" | "rupees") => Some(("INR", 2)),
                ("pakistani", "rupee" | "rupees") => Some(("PKR", 2)),
                ("sri", "lankan") if matches!(next(2).as_str(), "rupee" | "rupees") => Some(("LKR", 3)),
                ("kenyan", "shilling" | "shillings") => Some(("KES", 2)),
                ("ugandan", "shilling" | "shillings") => Some(("UGX", 2)),
                ("tanzanian", "shilling" | "shillings") => Some(("TZS", 2)),
                ("swedish", "krona" | "kronor") => Some(("SEK", 2)),
                ("norwegian", "krone" | "kroner") => Some(("NOK", 2)),
                ("danish", "krone" | "kroner") => Some(("DKK", 2)),
                ("saudi", "riyal" | "riyals") => Some(("SAR", 2)),
                ("brazilian", "real" | "reais") => Some(("BRL", 2)),
                _ => None,
            };
            if let Some((code, n)) = qualified {
                return Some((Kind::Money, code, 1.0, j + n));
            }
            let symbol = match t.text {
                "¥" | "元" => Some("CNY"),
                s => currency_symbol(s),
            };
            if matches!(w.as_str(), "satoshi" | "satoshis" | "sats") {
                return Some((Kind::Money, "XBT", 1e-8, j + 1));
            }
            return symbol
                .or_else(|| money_word(&w))
                .map(|code| (Kind::Money, code, 1.0, j + 1));
        }
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
    let i = if tokens.get(i)?.is("and") { i + 1 } else { i };
    if !tokens.get(i)?.is_number() && number_word(&tokens.get(i)?.folded).is_none() {
        return None;
    }
    let core = core_at(tokens, i, false)?;
    let (kind, unit, small, end) = unit_at(tokens, core.end)?;
    let same = kind == of.0 && (kind != Kind::Money || of.1 == Some(unit));
    (same && small < factor && core.lo == core.hi && !core.vague).then_some((core.lo * small, end))
}

/// `30 degrees` is a temperature; `a 90-degree turn` or `180 degrees of latitude` is an angle.
pub(super) fn is_temperature_degree(word: &str, next: &str, compound: bool) -> bool {
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
