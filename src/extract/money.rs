//! Money: currency signs, codes and names, before or after the figure.

use crate::token::Token;

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
        return if next_is_figure(i + 1) {
            (Some(code), i + 1)
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
            let code = code.filter(|_| !dollar.space_before || t.text.len() > 1 || t.text != t.folded);
            if code.is_some() {
                return (code, i + 2);
            }
        }
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
        _ => None,
    };
    match code {
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

/// Currency names written after the figure: `50 million dollars`.
pub(super) fn money_word(w: &str) -> Option<&'static str> {
    match w {
        "dollar" | "dollars" | "usd" => Some("USD"),
        "euro" | "euros" | "eur" => Some("EUR"),
        "pound" | "pounds" | "gbp" => Some("GBP"),
        "yuan" | "renminbi" | "cny" => Some("CNY"),
        "rupee" | "rupees" | "inr" => Some("INR"),
        "yen" | "jpy" => Some("JPY"),
        "franc" | "francs" | "chf" => Some("CHF"),
        "rouble" | "roubles" | "ruble" | "rubles" | "rub" => Some("RUB"),
        "lira" | "liras" | "try" => Some("TRY"),
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
        "zloty" | "zlotys" | "zlotych" => Some("PLN"),
        "dirham" | "dirhams" => Some("AED"),
        "rupiah" => Some("IDR"),
        "dong" => Some("VND"),
        _ => None,
    }
}
