//! Money: currency signs, codes and names, before or after the figure.

use crate::claim::Kind;
use crate::number::{number_word, scale_word};
use crate::token::Token;

use super::core_at;
use super::unit::unit_at;

/// A currency written after a figure at `j`: a name (`dollars`, `Swiss francs`), a code
/// (`USD`, `30 MUSD`, `75 USD million`), a sign (`50 €`) or a subunit (`470 pence`, `3 dimes`).
/// Returns the kind, the ISO code, the factor from the figure to the code's unit and the end.
pub(super) fn money_after(tokens: &[Token], j: usize) -> Option<(Kind, &'static str, f64, usize)> {
    let t = tokens.get(j)?;
    let w: &str = &t.folded;
    let next = |k: usize| tokens.get(j + k).map_or("", |t| t.folded.as_ref());
    // `470 pence`, `50 cents`: a hundredth of the currency.
    let sub = match w {
        "cent" | "cents" => Some("USD"),
        "paisa" | "paise" => Some("INR"),
        "kopeck" | "kopecks" | "kopek" | "kopeks" => Some("RUB"),
        "¢" if !t.space_before => Some("USD"),
        "pence" | "penny" | "p" if t.text != "p" || !t.space_before => Some("GBP"),
        _ => None,
    };
    if let Some(code) = sub {
        return Some((Kind::Money, code, 0.01, j + 1));
    }
    if matches!(next(1), "cent" | "cents") {
        match w {
            "euro" => return Some((Kind::Money, "EUR", 0.01, j + 2)),
            "us" => return Some((Kind::Money, "USD", 0.01, j + 2)),
            _ => {}
        }
    }
    // `125 million Australian dollars`, `10,000 Swiss francs`, `50 €`.
    let qualified = match (w, next(1)) {
        ("us" | "american", "dollar" | "dollars") => Some(("USD", 2)),
        ("australian", "dollar" | "dollars") => Some(("AUD", 2)),
        ("canadian", "dollar" | "dollars") => Some(("CAD", 2)),
        ("hong", "kong") if matches!(next(2), "dollar" | "dollars") => Some(("HKD", 3)),
        ("swiss", "franc" | "francs") => Some(("CHF", 2)),
        ("chinese", "yuan") => Some(("CNY", 2)),
        ("turkish", "lira" | "liras") => Some(("TRY", 2)),
        ("new", "zealand") if matches!(next(2), "dollar" | "dollars") => Some(("NZD", 3)),
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
        ("south", "african") if matches!(next(2), "rand" | "rands") => Some(("ZAR", 3)),
        ("indian", "rupee" | "rupees") => Some(("INR", 2)),
        ("pakistani", "rupee" | "rupees") => Some(("PKR", 2)),
        ("sri", "lankan") if matches!(next(2), "rupee" | "rupees") => Some(("LKR", 3)),
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
        // The rupee sign in Tamil and Sinhala script.
        "ரூ" | "රු" => Some("LKR"),
        s => currency_symbol(s),
    };
    if matches!(w, "satoshi" | "satoshis" | "sats") {
        return Some((Kind::Money, "XBT", 1e-8, j + 1));
    }
    if matches!(w, "dime" | "dimes") {
        return Some((Kind::Money, "USD", 0.1, j + 1));
    }
    if let Some((code, scale)) = magnitude_code(t.text) {
        return Some((Kind::Money, code, scale, j + 1));
    }
    // `3 CAD drawings`, `2 SAR teams`, `5 ILS approaches`: a code that is also a common
    // abbreviation counts only where no word follows it.
    let ambiguous = AMBIGUOUS_CODES.contains(&t.text)
        && tokens
            .get(j + 1)
            .is_some_and(|n| n.is_word() && scale_word(&n.folded, false).is_none());
    let code = symbol
        .or_else(|| money_word(w))
        .or_else(|| iso_code(t.text).filter(|_| !ambiguous))?;
    // `3 USD50 Cards`: a code written solid before digits belongs to them.
    if tokens
        .get(j + 1)
        .is_some_and(|n| n.is_number() && !n.space_before)
    {
        return None;
    }
    // `75 USD million`: a scale word after a code in capitals.
    let capitals = t.text.len() == 3 && t.text.bytes().all(|b| b.is_ascii_uppercase());
    if let Some(scale) = tokens
        .get(j + 1)
        .filter(|_| capitals)
        .filter(|n| n.space_before)
        .and_then(|n| scale_word(&n.folded, false))
        .filter(|&s| s >= 1e6)
    {
        return Some((Kind::Money, code, scale, j + 2));
    }
    Some((Kind::Money, code, 1.0, j + 1))
}

/// A currency marker at `i`: `$`, `US$`, `€`, `£`, `Rs`, `USD`. Returns the ISO code and the
/// index of the figure after it.
pub(super) fn currency_prefix(tokens: &[Token], i: usize) -> (Option<&'static str>, usize) {
    let Some(t) = tokens.get(i) else { return (None, i) };
    let next_is_figure = |j: usize| tokens.get(j).is_some_and(|n| n.is_number());
    // `¥` before a figure is the yen; after one (`50 ¥`) it may be the yuan.
    let symbol = |s: &str| {
        if s == "¥" {
            Some("JPY")
        } else {
            currency_symbol(s)
        }
    };
    if let Some(code) = symbol(t.text) {
        // `$-99.99`: a sign written solid between the symbol and the figure.
        let signed = tokens
            .get(i + 1)
            .is_some_and(|s| matches!(s.text, "-" | "−") && !s.space_before)
            && tokens.get(i + 2).is_some_and(|n| !n.space_before);
        return if next_is_figure(i + 1) {
            (Some(code), i + 1)
        } else if signed && next_is_figure(i + 2) {
            (Some(code), i + 2)
        } else {
            (None, i)
        };
    }
    // `US$3`, `A$`, `HK$`, `Mex$`, `NZD$15`.
    if let Some(dollar) = tokens.get(i + 1) {
        if dollar.text == "$" && next_is_figure(i + 2) {
            let code = match t.folded.as_ref() {
                "us" | "usd" => Some("USD"),
                "a" | "au" | "aud" => Some("AUD"),
                "c" | "ca" | "can" | "cad" => Some("CAD"),
                "hk" | "hkd" => Some("HKD"),
                "nz" | "nzd" => Some("NZD"),
                "s" | "sg" | "sgd" => Some("SGD"),
                "mex" | "mx" | "mxn" => Some("MXN"),
                "r" if t.text == "R" => Some("BRL"),
                "nt" => Some("TWD"),
                _ => None,
            };
            // `C$` is written solid; a spaced `C $` only with a code of two or more letters or
            // a capital.
            // `c $ 16.4 million` in lower-case copy: `c` is no English word.
            let code = code
                .filter(|_| !dollar.space_before || t.text.len() > 1 || t.text != t.folded || t.text == "c");
            if code.is_some() {
                return (code, i + 2);
            }
        }
    }
    // `GH¢5 million`: the Ghanaian cedi.
    if t.text == "GH"
        && tokens
            .get(i + 1)
            .is_some_and(|c| c.text == "¢" && !c.space_before)
        && next_is_figure(i + 2)
    {
        return (Some("GHS"), i + 2);
    }
    // A code is read only before a figure (or `.` and a figure): at any other token, which is
    // nearly every token asked, the code tables are not searched.
    let figure_follows =
        next_is_figure(i + 1) || (tokens.get(i + 1).is_some_and(|d| d.text == ".") && next_is_figure(i + 2));
    if !figure_follows {
        return (None, i);
    }
    let code = match t.text {
        "Rs" | "INR" => Some("INR"),
        "Sh" | "KSh" | "KES" => Some("KES"),
        "TSh" | "TZS" => Some("TZS"),
        "R" | "ZAR" => Some("ZAR"),
        "USD" => Some("USD"),
        "EUR" => Some("EUR"),
        "GBP" => Some("GBP"),
        "CNY" | "RMB" => Some("CNY"),
        "JPY" => Some("JPY"),
        "SFr" | "SFR" => Some("CHF"),
        "Dh" | "Dhs" => Some("AED"),
        "TL" => Some("TRY"),
        "zł" => Some("PLN"),
        // `AUD 60`, and `MAUD 60` (millions, see [`prefix_magnitude`]).
        // Not `PHP 8` (the language) or `COP 26` (the conference).
        "PHP" | "COP" => None,
        s => iso_code(s).or_else(|| magnitude_code(s).map(|(code, _)| code)),
    };
    // `CAD 3D`, `EUR 5G`: a figure glued to a word other than a scale is a name.
    let glued = |k: usize| {
        tokens
            .get(k + 1)
            .is_some_and(|w| w.is_word() && !w.space_before && scale_word(&w.folded, true).is_none())
    };
    match code {
        Some(_) if glued(i + 1) => (None, i),
        Some(code) if next_is_figure(i + 1) => (Some(code), i + 1),
        Some(code) if tokens.get(i + 1).is_some_and(|d| d.text == ".") && next_is_figure(i + 2) => {
            (Some(code), i + 2)
        }
        _ => (None, i),
    }
}

/// A currency sign: `$`, `€`, `£`, `₹`, `₽`, `₦`, `₿`. (`¥` is read by the callers: the yen
/// before a figure, the yuan after one.)
pub(super) fn currency_symbol(s: &str) -> Option<&'static str> {
    Some(match s {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "₹" => "INR",
        "₩" => "KRW",
        "₽" => "RUB",
        "₺" => "TRY",
        "₴" => "UAH",
        "₦" => "NGN",
        "₱" => "PHP",
        "₫" => "VND",
        "₪" => "ILS",
        "₡" => "CRC",
        "₾" => "GEL",
        "₭" => "LAK",
        "฿" => "THB",
        "₿" => "XBT",
        _ => return None,
    })
}

/// `tens of millions of dollars`, `thousands of pounds`: a vague magnitude of a currency, at
/// `j` (the `of`). Exact figures take their currency without `of`.
pub(super) fn of_currency(
    tokens: &[Token],
    j: usize,
    vague: bool,
) -> Option<(Kind, &'static str, f64, usize)> {
    if !vague || !tokens.get(j)?.is("of") {
        return None;
    }
    money_after(tokens, j + 1).filter(|&(_, _, factor, _)| factor == 1.0)
}

/// Whether a word in lower case names a currency after a figure (`euros`, `rupees`, `usd`).
pub(super) fn names_currency(w: &str) -> bool {
    money_word(w).is_some()
}

/// A scale the figure's own scale word leaves out, from `end` (the token after the figure and
/// its scale word): `a $5-billion deal`, `a 2-million-strong army` (a full scale word after a
/// hyphen), `Rs 2.5 lakh crore` (crores of a lakh or a thousand). Returns the whole scale and
/// the end.
pub(super) fn scale_tail(tokens: &[Token], end: usize, scale: f64) -> Option<(f64, usize)> {
    let solid = |k: usize| tokens.get(k).filter(|t| !t.space_before);
    if scale == 1.0 && solid(end).is_some_and(|h| h.is_hyphen()) {
        let word = solid(end + 1)?;
        let s = match word.folded.as_ref() {
            "thousand" => 1e3,
            "million" => 1e6,
            "billion" => 1e9,
            "trillion" => 1e12,
            _ => return None,
        };
        return Some((s, end + 2));
    }
    let crore = tokens
        .get(end)
        .is_some_and(|c| c.space_before && matches!(c.folded.as_ref(), "crore" | "crores"));
    (crore && (1e3..1e7).contains(&scale)).then_some((scale * 1e7, end + 1))
}

/// The factor a currency marker at `i` puts on the figure after it: a million for a
/// magnitude-prefixed code (`MAUD 60` is 60 million Australian dollars), else 1.
pub(super) fn prefix_magnitude(tokens: &[Token], i: usize) -> f64 {
    tokens
        .get(i)
        .and_then(|t| magnitude_code(t.text))
        .map_or(1.0, |(_, scale)| scale)
}

/// `15 dollars 50`, `17 USD 25`, `thirteen dollars forty five`, `15 dollars and 15.`: a bare
/// number of cents after a sum whose currency is written after its figure. `i` is the token
/// after the currency. Only a whole 1 to 99 at the end of the clause (or before `and`, `or`,
/// `more`, ...) counts: `15 dollars and 50 people` and `100 dollars and 30 days` do not.
pub(super) fn bare_subunit(tokens: &[Token], i: usize, code: &str) -> Option<(f64, usize)> {
    if !HUNDREDTHS.contains(&code) {
        return None;
    }
    let and = tokens.get(i)?.is("and");
    let k = if and { i + 1 } else { i };
    let t = tokens.get(k)?;
    let digits = t.is_number() && t.text.len() <= 2 && t.text.bytes().all(|b| b.is_ascii_digit());
    if !digits && (!t.is_word() || number_word(&t.folded).is_none()) {
        return None;
    }
    // A lone `one` is no figure elsewhere; after a sum it is a cent (`one dollar and one`).
    let core = core_at(tokens, k, false).or_else(|| t.is("one").then(|| super::Core::exact(1.0, k + 1)))?;
    let whole = core.lo == core.hi && !core.vague && core.lo.fract() == 0.0;
    if !whole || !(1.0..=99.0).contains(&core.lo) || (digits && core.end != k + 1) {
        return None;
    }
    let clause_ends = match tokens.get(core.end) {
        None => true,
        // `15 dollars and 50 more` may be two sums; `15 USD 50 more` is one.
        Some(n) if n.is_word() && and => matches!(n.folded.as_ref(), "and" | "or" | "but"),
        Some(n) if n.is_word() => CLAUSE_WORDS.contains(&n.folded.as_ref()),
        Some(n) => !n.is_number() && !n.is_hyphen() && !matches!(n.text, "%" | "/" | "$" | "€" | "£"),
    };
    (clause_ends && unit_at(tokens, core.end).is_none()).then_some((core.lo * 0.01, core.end))
}

/// Whether a word in lower case may be a currency code before a figure (`aud 60`, `maud
/// 60`), for the phrase-start filter; [`currency_prefix`] checks the letter case.
pub(super) fn code_may_start(w: &str) -> bool {
    if matches!(w, "sfr" | "dh" | "dhs" | "tl" | "zł" | "gh") {
        return true;
    }
    let code = match w.len() {
        3 => w,
        4 if w.starts_with(['m', 'k']) => &w[1..],
        _ => return false,
    };
    // One bisection in the codes lower-cased and sorted once, in place of a scan: the
    // extractor asks this of every three- and four-letter word.
    static LOWER: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let lower = LOWER.get_or_init(|| {
        let mut v: Vec<String> = ISO_CODES.iter().map(|c| c.to_ascii_lowercase()).collect();
        v.sort_unstable();
        v
    });
    if code.bytes().all(|b| !b.is_ascii_uppercase()) {
        lower.binary_search_by(|c| c.as_str().cmp(code)).is_ok()
    } else {
        ISO_CODES.iter().any(|c| c.eq_ignore_ascii_case(code))
    }
}

/// Every lower-case word [`code_may_start`] accepts: its own words, the ISO codes, and the
/// codes after `m` or `k`.
pub(super) fn code_words() -> impl Iterator<Item = String> {
    let codes = ISO_CODES.iter().map(|c| c.to_ascii_lowercase());
    let own = ["sfr", "dh", "dhs", "tl", "zł", "gh"]
        .into_iter()
        .map(str::to_string);
    own.chain(codes.flat_map(|c| [format!("m{c}"), format!("k{c}"), c]))
}

/// Currency names written after the figure: `50 million dollars`.
fn money_word(w: &str) -> Option<&'static str> {
    match w {
        "dollar" | "dollars" | "usd" => Some("USD"),
        "euro" | "euros" | "eur" => Some("EUR"),
        "pound" | "pounds" | "gbp" => Some("GBP"),
        "yuan" | "renminbi" | "cny" => Some("CNY"),
        "rupee" | "rupees" | "inr" => Some("INR"),
        "yen" | "jpy" => Some("JPY"),
        "franc" | "francs" | "chf" => Some("CHF"),
        "rouble" | "roubles" | "ruble" | "rubles" | "rub" => Some("RUB"),
        // Not `try`: `scored 1 try` is rugby.
        "lira" | "liras" => Some("TRY"),
        "rmb" => Some("CNY"),
        "peseta" | "pesetas" => Some("ESP"),
        "guilder" | "guilders" => Some("NLG"),
        "markka" | "markkaa" => Some("FIM"),
        "bitcoin" | "bitcoins" | "btc" | "xbt" => Some("XBT"),
        "naira" => Some("NGN"),
        "rand" => Some("ZAR"),
        "ringgit" => Some("MYR"),
        "baht" => Some("THB"),
        "won" => Some("KRW"),
        "reais" => Some("BRL"),
        "hryvnia" | "hryvnias" => Some("UAH"),
        "zloty" | "zlotys" | "zlotych" | "zł" => Some("PLN"),
        "dirham" | "dirhams" => Some("AED"),
        "rupiah" => Some("IDR"),
        "dong" => Some("VND"),
        _ => None,
    }
}

/// ISO codes that are also common abbreviations in capitals (computer-aided design, search and
/// rescue, instrument landing system, the UN climate conference, the programming language).
const AMBIGUOUS_CODES: &[&str] = &["CAD", "SAR", "ILS", "COP", "PHP", "PEN", "TRY", "ALL"];

/// Currencies whose subunit is a hundredth, for [`bare_subunit`].
const HUNDREDTHS: &[&str] = &[
    "USD", "EUR", "GBP", "CAD", "AUD", "NZD", "HKD", "SGD", "CHF", "CNY", "INR", "ZAR", "TRY", "RUB", "MXN",
    "BRL",
];

/// Words that may follow a bare number of cents written without `and`: `15 USD 50 more`.
const CLAUSE_WORDS: &[&str] = &[
    "and", "or", "but", "more", "less", "extra", "each", "only", "then",
];

/// `MUSD`, `MEUR`, `kEUR`: an ISO code after a magnitude letter (M a million, k a thousand).
fn magnitude_code(s: &str) -> Option<(&'static str, f64)> {
    let scale = match s.as_bytes() {
        [b'M', _, _, _] => 1e6,
        [b'k' | b'K', _, _, _] => 1e3,
        _ => return None,
    };
    let code = iso_code(s.get(1..)?)?;
    // Only the currencies business copy writes this way: `MARS 2020` is a mission.
    MAGNITUDE_CURRENCIES.contains(&code).then_some((code, scale))
}

/// Currencies written after a magnitude letter (`MUSD`, `kEUR`).
const MAGNITUDE_CURRENCIES: &[&str] = &[
    "USD", "EUR", "GBP", "AUD", "CAD", "CHF", "JPY", "CNY", "SEK", "NOK", "DKK", "NZD", "HKD", "SGD",
];

/// An ISO 4217 code written in capitals, among those news names.
fn iso_code(s: &str) -> Option<&'static str> {
    ISO_CODES
        .iter()
        .find(|&&c| c == s)
        .map(|&c| if c == "BTC" { "XBT" } else { c })
}

/// The ISO 4217 codes [`iso_code`] knows (and `BTC`, written for bitcoin).
const ISO_CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "INR", "CHF", "AUD", "CAD", "HKD", "NZD", "SGD", "SEK", "NOK", "DKK",
    "RUB", "TRY", "BRL", "MXN", "ZAR", "KRW", "KES", "NGN", "PKR", "IDR", "MYR", "THB", "PHP", "VND", "AED",
    "SAR", "ILS", "EGP", "UAH", "PLN", "CZK", "HUF", "ARS", "CLP", "COP", "PEN", "TWD", "LKR", "BDT", "GHS",
    "UGX", "TZS", "ETB", "QAR", "KWD", "XBT", "BTC",
];

#[cfg(test)]
mod tests {
    use crate::claim::Kind;
    use crate::token::tokenize;

    use super::super::phrases;

    /// Every sum in `text`: its ISO code and the ends of its interval (NaN for an open end).
    fn sums(text: &str) -> Vec<(&'static str, f64, f64)> {
        let tokens = tokenize(text, 0..text.len());
        phrases(&tokens, None)
            .into_iter()
            .filter(|p| p.kind == Kind::Money)
            .map(|p| {
                let v = p.value.expect("a sum has a value");
                (
                    p.unit.unwrap_or_default(),
                    v.lo_value().unwrap_or(f64::NAN),
                    v.hi_value().unwrap_or(f64::NAN),
                )
            })
            .collect()
    }

    /// The one sum in `text`, as a code and a point value.
    fn sum(text: &str) -> (&'static str, f64) {
        let all = sums(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        let (code, lo, hi) = all[0];
        assert!((lo - hi).abs() <= 1e-9 * hi.abs(), "{text}: not a point {all:?}");
        (code, lo)
    }

    fn near(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * b.abs().max(1.0)
    }

    #[test]
    fn magnitude_prefixed_codes_are_millions_or_thousands() {
        let open = sums("in excess of 30 MUSD");
        assert!(
            open.len() == 1 && open[0].1 == 30e6 && open[0].2.is_nan(),
            "{open:?}"
        );
        assert_eq!(sum("an increase to 120 MEUR"), ("EUR", 120e6));
        assert_eq!(sum("48.5 MGBP purchase price"), ("GBP", 48.5e6));
        assert_eq!(sum("totalling twenty MUSD"), ("USD", 20e6));
        assert_eq!(sum("a budget of 250 kEUR"), ("EUR", 250e3));
        // Before the figure, and under a qualifier: about 60 million, ±10 %.
        assert_eq!(sums("revenues of about MAUD 60"), [("AUD", 54e6, 66e6)]);
        // Not a code: lower case, an unknown code, a word.
        assert!(sums("the MUSE 30 tour").is_empty());
        assert!(sums("30 MXYZ").is_empty());
        assert!(sums("the MARS 2020 rover").is_empty());
        assert!(sums("PHP 8 and COP 26").is_empty());
        assert!(sums("the CAD 3D model").is_empty());
        assert_eq!(sum("EUR 5bn"), ("EUR", 5e9));
    }

    #[test]
    fn codes_before_and_after_figures() {
        assert_eq!(sum("AUD 60 a share"), ("AUD", 60.0));
        assert_eq!(sum("It cost 40 SEK"), ("SEK", 40.0));
        assert_eq!(sum("It cost 40 CAD."), ("CAD", 40.0));
        // Codes that are also abbreviations, before a noun; `try` in rugby.
        assert!(sums("3 CAD drawings, 2 SAR teams and 5 ILS approaches").is_empty());
        assert!(sums("Smith scored 1 try").is_empty());
        // A scale word after a code in capitals.
        assert_eq!(sum("They lost 75 USD million"), ("USD", 75e6));
        assert_eq!(sum("50 million USD"), ("USD", 50e6));
        // `USD50` belongs to the figure written solid after it, not to the one before.
        assert_eq!(sum("we are giving away 3 USD50 Cards"), ("USD", 50.0));
        // The Tamil rupee sign.
        assert_eq!(sum("100,000 ரூ for emergency"), ("LKR", 100_000.0));
    }

    #[test]
    fn bare_cents_after_a_sum_written_with_its_currency_after() {
        let cents = |text: &str, code: &str, want: f64| {
            let (c, v) = sum(text);
            assert!(c == code && near(v, want), "{text}: {c} {v}");
        };
        cents("It costs 15 dollars 50.", "USD", 15.5);
        cents("it costs only 15 dollars and 15.", "USD", 15.15);
        cents("The subscription will increase to 17 USD 25.", "USD", 17.25);
        cents("it only cost thirteen dollars forty five", "USD", 13.45);
        cents("if they had just 15 USD 50 more", "USD", 15.5);
        cents(
            "It costs one dollar and one and one point of credit.",
            "USD",
            1.01,
        );
        // Counter-cases: a count, a duration or a sign after; a sign before the figure;
        // a currency without hundredths; `and 50 more` may be a second sum.
        cents("It costs 15 dollars and 50 people came.", "USD", 15.0);
        cents("a fine of 100 dollars and 30 days in jail", "USD", 100.0);
        cents("It costs $15 and 50.", "USD", 15.0);
        cents("It costs 500 yen 50.", "JPY", 500.0);
        cents("It costs 15 dollars and 50 more for delivery.", "USD", 15.0);
        cents("It costs 15 dollars 50%.", "USD", 15.0);
    }

    #[test]
    fn dollar_prefixes_and_signs() {
        // `c $` in lower-case copy is the Canadian dollar; `a $` stays the US one.
        assert_eq!(sum("the c $ 300 million charge"), ("CAD", 300e6));
        assert_eq!(sums("would amount to about c $ 1.34 a share")[0].0, "CAD");
        assert_eq!(sum("a $ 300 million charge"), ("USD", 300e6));
        // A sign between the symbol and the figure.
        assert_eq!(sum("The annual revenue is $-99.99."), ("USD", -99.99));
        assert_eq!(sum("$-5"), ("USD", -5.0));
        assert_eq!(sum("a $-5 fee"), ("USD", -5.0));
        assert_eq!(sum("a loss of -15€"), ("EUR", -15.0));
    }

    /// The money forms of the normalizer issue, each with its interval.
    #[test]
    fn news_money_forms() {
        assert_eq!(sum("$1.2bn in aid"), ("USD", 1.2e9));
        assert_eq!(sum("US$3 million"), ("USD", 3e6));
        assert_eq!(sum("€3bn"), ("EUR", 3e9));
        assert_eq!(sum("£40m"), ("GBP", 40e6));
        assert_eq!(sum("Rs 500 crore"), ("INR", 5e9));
        // `lakh` is a count alone and a sum where a currency is given.
        assert_eq!(sum("Rs 1.3 lakh"), ("INR", 130_000.0));
        assert_eq!(sum("₹1.3 lakh"), ("INR", 130_000.0));
        assert_eq!(sum("1.3 lakh rupees"), ("INR", 130_000.0));
        assert!(sums("1.3 lakh people").is_empty());
        // Crores of a lakh or a thousand.
        assert_eq!(sum("Rs 2.5 lakh crore"), ("INR", 2.5e12));
        assert_eq!(sum("Rs 10 thousand crore"), ("INR", 1e11));
        // A full scale word after a hyphen, and `m` before a currency name.
        assert_eq!(sum("a $5-billion deal"), ("USD", 5e9));
        assert_eq!(sum("a 10-million-dollar deal"), ("USD", 1e7));
        assert_eq!(sum("5m euros"), ("EUR", 5e6));
        assert!(sums("a 5m wall").is_empty());
    }

    #[test]
    fn vague_magnitudes_of_a_currency() {
        assert_eq!(
            sums("tens of millions of dollars in damage"),
            [("USD", 20e6, 99_999_999.0)]
        );
        assert_eq!(sums("millions of pounds"), [("GBP", 2e6, 9_999_999.0)]);
        assert_eq!(
            sums("hundreds of millions of euros"),
            [("EUR", 200e6, 999_999_999.0)]
        );
        // Not a currency after `of`, or an exact figure.
        assert!(sums("millions of Americans").is_empty());
        assert!(sums("3 of dollars").is_empty());
    }

    #[test]
    fn regional_signs_and_abbreviations() {
        assert_eq!(sum("SFr 20 million"), ("CHF", 20e6));
        assert_eq!(sum("Dh500"), ("AED", 500.0));
        assert_eq!(sum("Dhs 1,200"), ("AED", 1200.0));
        assert_eq!(sum("GH¢5 million"), ("GHS", 5e6));
        assert_eq!(sum("TL 5 billion"), ("TRY", 5e9));
        assert_eq!(sum("zł 100"), ("PLN", 100.0));
        assert_eq!(sum("100 zł"), ("PLN", 100.0));
        let (code, v) = sum("50 euro cents");
        assert!(code == "EUR" && near(v, 0.5), "{code} {v}");
        let (code, v) = sum("5 US cents");
        assert!(code == "USD" && near(v, 0.05), "{code} {v}");
        let (code, v) = sum("up 50 paise");
        assert!(code == "INR" && near(v, 0.5), "{code} {v}");
        let (code, v) = sum("a 50¢ stamp");
        assert!(code == "USD" && near(v, 0.5), "{code} {v}");
        // `kr` may be any of four crowns: no sum.
        assert!(sums("kr 500").is_empty());
    }
}
