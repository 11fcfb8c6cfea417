//! Figures written in the less common ways: powers (`1.1^23`), `X over Y` fractions, digits
//! mixed with scale words (`4 thousand 3 hundred and 21`), compound spelled denominators (`one
//! hundred thirty-fifths`), spaced hyphens (`fifty - two`), bounds written after a figure
//! (`200 or greater than`, `less than 5000 or equal`) and `percent of 10`.
//!
//! Each reader returns `None` unless the words leave no other plain reading; where two
//! readings remain, the value carries [`Doubt::Ambiguous`] and stays out of comparisons.

use super::{closes_phrase, core_at, open_bound_after, unit_at, Core, Phrase};
use crate::claim::{Doubt, Kind, Qualifier};
use crate::interval::Interval;
use crate::number::{number_word, ordinal_value, NumberWord, SpelledNumber};
use crate::token::{Token, TokenKind};

/// `^23`, `^-1`, `^+23` written solid after a figure: the exponent and the index after it.
/// Signs multiply (`^--23` is `^23`).
pub(super) fn power_after(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    let solid = |j: usize| tokens.get(j).filter(|t| !t.space_before);
    solid(i).filter(|t| t.text == "^")?;
    let mut j = i + 1;
    let mut negative = false;
    while let Some(sign) = solid(j).filter(|t| matches!(t.text, "-" | "−" | "+")) {
        if j > i + 2 {
            return None;
        }
        negative ^= sign.text != "+";
        j += 1;
    }
    let digits = solid(j)
        .filter(|t| t.is_number() && t.text.len() <= 3 && t.text.bytes().all(|b| b.is_ascii_digit()))?;
    if solid(j + 1).is_some_and(|t| t.is_word() || t.is_number()) {
        return None;
    }
    let exp: f64 = digits.text.parse().ok()?;
    Some((if negative { -exp } else { exp }, j + 1))
}

/// `over 3`, `over twenty-one` after a figure, when the clause ends there (`1 over 3`, `one
/// over twenty.`): the denominator and the index after it. `$2,000 over 3 years` (a period) and
/// `30 over 20 games` (a count of something) are not fractions.
pub(super) fn over_denominator(tokens: &[Token], j: usize) -> Option<(f64, usize)> {
    if !tokens.get(j)?.is("over") {
        return None;
    }
    let next = tokens.get(j + 1)?;
    let figure = next.is_number() || matches!(number_word(&next.folded), Some(NumberWord::Small(_)));
    if !figure || (j > 0 && tokens[j - 1].is_hyphen()) {
        return None;
    }
    let den = core_at(tokens, j + 1, false)?;
    if den.vague || den.lo != den.hi || den.lo == 0.0 || den.doubt.is_some() {
        return None;
    }
    let clause_ends = match tokens.get(den.end) {
        None => true,
        Some(t) if t.kind == TokenKind::Punct => {
            !t.is_hyphen() && !matches!(t.text, "/" | "%" | "^" | "$" | "€" | "£")
        }
        Some(t) => matches!(
            t.folded.as_ref(),
            "is" | "equals" | "was" | "makes" | "gives" | "and" | "or"
        ),
    };
    (clause_ends && unit_at(tokens, den.end).is_none()).then_some((den.lo, den.end))
}

/// `X over Y` as a figure ending before `end`. A quotient above 1 (`2000 over 3`, but also
/// `120 over 80`, a blood pressure, or `3 over 1`, a score) is marked ambiguous.
pub(super) fn quotient(numerator: f64, denominator: f64, end: usize) -> Core {
    let mut core = Core::exact(numerator / denominator, end);
    if numerator > denominator {
        core.doubt = Some(Doubt::Ambiguous);
    }
    core
}

/// Whether `over` at `i` after a figure is not "more than": a fraction (`1 over 3`) or a
/// period (`$2,000 over 3 years`).
pub(super) fn over_is_not_a_bound(tokens: &[Token], i: usize) -> bool {
    if over_denominator(tokens, i).is_some() {
        return true;
    }
    core_at(tokens, i + 1, false)
        .and_then(|c| unit_at(tokens, c.end))
        .is_some_and(|(kind, ..)| kind == Kind::Duration)
}

/// `3 hundred and 21`, `4 thousand 3 hundred and 21`, `6 crore and two hundred`: a whole
/// number written in digits, its scale word at `scale_at`, and more digits or number words.
/// Returns the value and the index after it, when anything follows the scale word.
pub(super) fn mixed_tail(tokens: &[Token], lead: f64, scale_at: usize) -> Option<(f64, usize)> {
    let scale = number_word(&tokens.get(scale_at)?.folded)
        .filter(|w| matches!(w, NumberWord::Hundred | NumberWord::Scale(_)))?;
    if lead.fract() != 0.0 || !(1.0..1000.0).contains(&lead) {
        return None;
    }
    let mut n = SpelledNumber::default();
    if !(n.push(NumberWord::Small(lead)) && n.push(scale)) {
        return None;
    }
    let word = |t: &Token| -> Option<NumberWord> {
        if t.is_number() {
            let v = t.number_value()?;
            let whole = t.text.bytes().all(|b| b.is_ascii_digit());
            return (whole && v < 1000.0).then_some(NumberWord::Small(v));
        }
        number_word(&t.folded)
    };
    let mut j = scale_at + 1;
    let mut end = None;
    // The figure before the last `and`: `3 hundred and 2 hundred` is two figures.
    let mut saved = None;
    while let Some(t) = tokens.get(j) {
        if let Some(w) = word(t) {
            if !n.push(w) {
                let scale = matches!(w, NumberWord::Hundred | NumberWord::Scale(_));
                if let Some((sn, send)) = saved.filter(|_| scale && tokens[j - 2].is("and")) {
                    (n, end) = (sn, send);
                }
                break;
            }
            j += 1;
            end = Some(j);
        } else if (t.is("and") || t.is_hyphen() && !t.space_before && end.is_some())
            && tokens.get(j + 1).and_then(word).is_some()
            // `3 hundred and 21` is one number, but `$5 million and 50 investors` two figures:
            // digits after `and` continue only a `hundred`.
            && !(t.is("and")
                && tokens.get(j + 1).is_some_and(Token::is_number)
                && !tokens.get(j.wrapping_sub(1)).is_some_and(|p| p.is("hundred")))
        {
            if t.is("and") {
                saved = Some((n, end));
            }
            j += 1;
        } else {
            break;
        }
    }
    end.map(|e| (n.value(), e))
}

/// A hyphen with spaces on both sides between a tens word and a unit word (`fifty - two`):
/// one number, as a range cannot run from fifty down to two.
pub(super) fn spaced_hyphen_joins(tokens: &[Token], j: usize) -> bool {
    let small = |k: usize| match tokens.get(k).and_then(|t| number_word(&t.folded)) {
        Some(NumberWord::Small(v)) => Some(v),
        _ => None,
    };
    let Some(h) = tokens.get(j) else { return false };
    let spaced = h.is_hyphen() && h.space_before && tokens.get(j + 1).is_some_and(|n| n.space_before);
    let tens = j > 0 && small(j - 1).is_some_and(|v| (20.0..100.0).contains(&v) && v % 10.0 == 0.0);
    let unit = small(j + 1).is_some_and(|u| (1.0..10.0).contains(&u));
    spaced && tens && unit
}

/// How a number word is joined to the one before it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Join {
    Space,
    Hyphen,
    And,
}

/// `one hundred thirty-fifths` (100/35), `one one hundred fifth` (1/105), `one hundred one
/// thousand fifths` (100/1005): number words ending in an ordinal, split into a numerator and
/// a compound denominator. The split leaves the longest denominator that still reads as an
/// ordinal number and never breaks a hyphen or an `and`. When the words also read as one
/// numerator over the ordinal alone (`one hundred thirty fifths` = 130/5), the value is marked
/// ambiguous, unless a hyphen ties the ordinal to the word before it.
pub(super) fn compound_fraction(tokens: &[Token], i: usize) -> Option<Core> {
    let mut words: Vec<(NumberWord, Join)> = Vec::new();
    let mut j = i;
    let mut join = Join::Space;
    let is_number_word = |k: usize| tokens.get(k).is_some_and(|t| number_word(&t.folded).is_some());
    while let Some(t) = tokens.get(j) {
        if let Some(w) = number_word(&t.folded) {
            words.push((w, join));
            join = Join::Space;
            j += 1;
        } else if !words.is_empty() && t.is("and") && is_number_word(j + 1) {
            join = Join::And;
            j += 1;
        } else if !words.is_empty()
            && (t.is_hyphen() && !t.space_before || spaced_hyphen_joins(tokens, j))
            && is_number_word(j + 1)
        {
            join = Join::Hyphen;
            j += 1;
        } else {
            break;
        }
    }
    if words.len() < 2 {
        return None;
    }
    let hyphen = tokens.get(j).is_some_and(|h| h.is_hyphen() && !h.space_before);
    let and = tokens.get(j).is_some_and(|a| a.is("and"));
    let k = if hyphen || and { j + 1 } else { j };
    let ordinal_join = match (hyphen, and) {
        (true, _) => Join::Hyphen,
        (_, true) => Join::And,
        _ => Join::Space,
    };
    let word = tokens.get(k)?.folded.as_ref();
    let (singular, plural) = match word.strip_suffix('s') {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    let ord = ordinal_value(singular)?;
    let ord_word = if ord < 100.0 {
        NumberWord::Small(ord)
    } else if ord == 100.0 {
        NumberWord::Hundred
    } else {
        NumberWord::Scale(ord)
    };
    let spell = |part: &[(NumberWord, Join)], last: Option<NumberWord>| -> Option<f64> {
        let mut n = SpelledNumber::default();
        for (w, _) in part {
            n.push(*w).then_some(())?;
        }
        if let Some(w) = last {
            n.push(w).then_some(())?;
        }
        Some(n.value())
    };
    let agrees = |numerator: f64| plural == (numerator != 1.0) && numerator > 0.0;
    let split = (1..words.len()).find_map(|s| {
        let (num, den) = words.split_at(s);
        if den[0].1 != Join::Space || !matches!(den[0].0, NumberWord::Small(v) if v > 0.0) {
            return None;
        }
        let numerator = spell(num, None).filter(|n| agrees(*n))?;
        let denominator = spell(den, Some(ord_word)).filter(|d| *d > 0.0)?;
        Some(numerator / denominator)
    })?;
    // The other reading: all the words over the ordinal alone.
    let plain = spell(&words, None).is_some_and(agrees);
    let mut core = Core::exact(split, k + 1);
    if plain && ordinal_join != Join::Hyphen {
        core.doubt = Some(Doubt::Ambiguous);
    }
    Some(core)
}

/// A bound written after the figure: `20 or more`, `65 and over`, `200 or greater than`,
/// `less than 5000 or equal to` (with `prefix`, the qualifier before the figure). Returns the
/// qualifier and the index after the words.
pub(super) fn bound_after(
    tokens: &[Token],
    i: usize,
    prefix: Option<Qualifier>,
) -> Option<(Qualifier, usize)> {
    if let Some(q) = open_bound_after(tokens, i) {
        return Some((q, i + 2));
    }
    let joiner = tokens.get(i)?;
    if !joiner.is("or") {
        return None;
    }
    let word = tokens.get(i + 1)?.folded.as_ref();
    // `20 or so`.
    if word == "so" {
        return Some((Qualifier::About, i + 2));
    }
    let than = tokens.get(i + 2).is_some_and(|t| t.is("than"));
    match word {
        "more" | "greater" | "higher" | "larger" | "bigger" if than && closes_phrase(tokens, i + 3) => {
            Some((Qualifier::AtLeast, i + 3))
        }
        "less" | "fewer" | "lower" | "smaller" if than && closes_phrase(tokens, i + 3) => {
            Some((Qualifier::AtMost, i + 3))
        }
        "equal" => {
            let end = if tokens.get(i + 2).is_some_and(|t| t.is("to")) {
                i + 3
            } else {
                i + 2
            };
            if !closes_phrase(tokens, end) {
                return None;
            }
            match prefix? {
                Qualifier::MoreThan => Some((Qualifier::AtLeast, end)),
                Qualifier::LessThan => Some((Qualifier::AtMost, end)),
                _ => None,
            }
        }
        _ => None,
    }
}

/// Whether the words before `i` compare (`more than`, `below`, `nearly`): a fraction word
/// after them (`more than half`, `below a third and`) is a fraction, not an ordinal. (A word
/// list rather than `qualifier_before`, which reads figures and would call back here.)
pub(super) fn compared(tokens: &[Token], i: usize) -> bool {
    let before = |k: usize| {
        i.checked_sub(k)
            .and_then(|j| tokens.get(j))
            .map(|t| t.folded.as_ref())
    };
    match before(1) {
        Some("than") => matches!(
            before(2),
            Some(
                "more" | "less" | "fewer" | "greater" | "larger" | "bigger" | "higher" | "lower" | "smaller"
            )
        ),
        Some("over" | "above" | "below" | "under" | "nearly" | "almost" | "about" | "around" | "roughly") => {
            true
        }
        Some("least" | "most") => before(2) == Some("at"),
        _ => false,
    }
}

/// A share written as a fraction after a comparison, with no `of` after it: `more than half
/// people`, `above one quarter and`, `below a half`. A proportion like `more than half of
/// them`, so a percentage: the share and the index after the fraction. Not `half a million`,
/// `a quarter mile` or `one quarter of a`, read as numbers and measures elsewhere.
pub(super) fn compared_share(tokens: &[Token], i: usize) -> Option<(f64, usize)> {
    if !compared(tokens, i) {
        return None;
    }
    let t = tokens.get(i)?;
    let (share, end) = if t.is("half") {
        (50.0, i + 1)
    } else {
        let numerator = match t.folded.as_ref() {
            "a" | "an" => 1.0,
            w => match number_word(w)? {
                NumberWord::Small(v) if v >= 1.0 => v,
                _ => return None,
            },
        };
        let hyphen = tokens
            .get(i + 1)
            .is_some_and(|h| h.is_hyphen() && !h.space_before);
        let at = if hyphen { i + 2 } else { i + 1 };
        let (d, plural, end) = super::denominator_at(tokens, at)?;
        if plural != (numerator != 1.0) || numerator >= d {
            return None;
        }
        (numerator / d * 100.0, end)
    };
    let next = tokens.get(end);
    let measure = next.is_some_and(|n| {
        n.is("of")
            || n.is("a")
            || n.is("an")
            || number_word(&n.folded).is_some()
            || unit_at(tokens, end).is_some()
    });
    (!measure).then_some((share, end))
}

/// `percent of 10`, `per cent of twenty-two`, with no figure before `percent` and nothing
/// after the figure: the figure as a percentage, written the other way round. The reading is
/// a guess (`the percent of 10 voters` is not 10 %), so it is marked ambiguous.
pub(super) fn percent_of_at(tokens: &[Token], i: usize) -> Option<Phrase> {
    let t = tokens.get(i)?;
    let of = match t.folded.as_ref() {
        "percent" | "percents" => i + 1,
        "per" if tokens.get(i + 1).is_some_and(|c| c.is("cent")) => i + 2,
        _ => return None,
    };
    if !tokens.get(of)?.is("of") {
        return None;
    }
    let prev_is_figure = i.checked_sub(1).and_then(|p| tokens.get(p)).is_some_and(|p| {
        p.is_number() || number_word(&p.folded).is_some() || p.is("a") || p.is("the") || p.is("what")
    });
    if prev_is_figure {
        return None;
    }
    let core = core_at(tokens, of + 1, false)?;
    if core.vague || core.lo != core.hi || core.doubt.is_some() {
        return None;
    }
    let clause_ends = tokens
        .get(core.end)
        .is_none_or(|n| n.kind == TokenKind::Punct && !n.is_hyphen() && n.text != "%");
    if !clause_ends {
        return None;
    }
    let mut p = super::simple(i, core.end, Kind::Percent, Some("%"), core.lo, Qualifier::Exact);
    p.doubt = Some(Doubt::Ambiguous);
    Some(p)
}

/// A rank used as a bound: `higher than the tenth`, `below the third`, `between the tenth and
/// the fifteenth`, starting at the ordinal word `i`. An ordinal claim with the bound's interval.
pub(super) fn ordinal_bound_at(tokens: &[Token], i: usize) -> Option<Phrase> {
    let rank = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.is_word())
            .and_then(|t| ordinal_value(&t.folded))
    };
    let low = rank(i)?;
    if i < 2 || !tokens[i - 1].is("the") {
        return None;
    }
    if tokens[i - 2].is("between") {
        let and = tokens.get(i + 1).is_some_and(|t| t.is("and"));
        let the = tokens.get(i + 2).is_some_and(|t| t.is("the"));
        let high = rank(i + 3).filter(|h| *h > low && and && the)?;
        let mut p = super::simple(i - 2, i + 4, Kind::Ordinal, None, low, Qualifier::Range);
        p.value = Some(Interval::closed(low, high));
        p.stated = Some((low, high));
        return Some(p);
    }
    let (q, start) = super::qualifier_before(tokens, i - 1);
    let q = q.filter(|q| {
        matches!(
            q,
            Qualifier::MoreThan | Qualifier::LessThan | Qualifier::AtLeast | Qualifier::AtMost
        )
    })?;
    let mut p = super::simple(start, i + 1, Kind::Ordinal, None, low, q);
    p.value = Some(super::interval_for(q, low, low));
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::super::phrases;
    use crate::claim::{Doubt, Kind, Qualifier};
    use crate::interval::Interval;
    use crate::token::tokenize;

    fn all(text: &str) -> Vec<super::Phrase> {
        let tokens = tokenize(text, 0..text.len());
        phrases(&tokens, None)
    }

    /// The stated figures of every phrase.
    fn figures(text: &str) -> Vec<f64> {
        all(text).iter().filter_map(|p| p.stated.map(|s| s.0)).collect()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
    }

    fn assert_one(text: &str, want: f64) {
        let got = figures(text);
        assert!(
            got.len() == 1 && close(got[0], want),
            "{text}: {got:?}, want {want}"
        );
    }

    #[test]
    fn powers() {
        assert_one("1.1^23", 1.1f64.powi(23));
        assert_one("1.1^+23", 1.1f64.powi(23));
        assert_one("2.5^-1", 0.4);
        assert_one("-2500^-1", -0.0004);
        assert_one("-1.1^--23", -(1.1f64.powi(23)));
        assert_one("10^6 cells", 1e6);
        // Not a power: a caret before a word.
        assert_eq!(figures("3^x"), [3.0]);
    }

    #[test]
    fn x_over_y_is_a_fraction_only_when_the_clause_ends() {
        assert_one("one over three", 1.0 / 3.0);
        assert_one("1 over twenty-one", 1.0 / 21.0);
        assert_one("1 over one hundred and twenty one", 1.0 / 121.0);
        assert_one("2000 over 3", 2000.0 / 3.0);
        assert_one("The answer is negative one over 20", -0.05);
        // `over` as "more than" is kept.
        let p = &all("over 3,000 people")[0];
        assert_eq!(p.value, Some(Interval::above(3000.0, false)));
        let found = all("In 2019 over 300 people died");
        assert_eq!(found.last().unwrap().value, Some(Interval::above(300.0, false)));
        // A period, and a count of something, are not denominators.
        let found = all("$2,000 spread over 3 years");
        assert_eq!(found[0].stated, Some((2000.0, 2000.0)));
        assert!(found
            .iter()
            .all(|p| p.stated != Some((2000.0 / 3.0, 2000.0 / 3.0))));
        let found = all("I want to earn $2000 over 3 years");
        assert_eq!(found[1].value, Some(Interval::point(3.0 * 31_557_600.0)));
        assert_eq!(figures("scored 30 over 20 games"), [30.0, 20.0]);
        // An improper quotient may be a blood pressure or a score: kept, marked.
        let p = &all("Blood pressure of 120 over 80 is normal.")[0];
        assert_eq!((p.stated, p.doubt), (Some((1.5, 1.5)), Some(Doubt::Ambiguous)));
        assert!(all("1 over 3")[0].doubt.is_none());
        // A period after a figure with its unit.
        let found = all("Prices rose 3.2% over 12 months");
        assert_eq!(found[1].value, Some(Interval::point(31_557_600.0)));
        assert!(all("though ground zero remained closed").is_empty());
    }

    #[test]
    fn digits_mixed_with_scale_words() {
        assert_one("I can give you 3 hundred and 21 yuan.", 321.0);
        assert_one("4 thousand 3 hundred and 21 is a valid number", 4321.0);
        assert_eq!(figures("4000 3 hundred and 21 are two"), [4000.0, 321.0, 2.0]);
        assert_eq!(figures("4 thousand 3 hundred and 0 are two"), [4300.0, 0.0, 2.0]);
        assert_eq!(figures("3 hundred and negative one are two"), [300.0, -1.0, 2.0]);
        assert_one("3 hundred and one", 301.0);
        assert_eq!(figures("3 hundred and 2 hundred are two"), [300.0, 200.0, 2.0]);
        assert_eq!(figures("three hundred and two hundred"), [300.0, 200.0]);
        assert_one("I count 6 crore and two hundred", 60_000_200.0);
        assert_one("The total is three lakh crore", 3e12);
        assert_one("2 million 300 thousand people", 2_300_000.0);
        // Digits after `and` and a scale above `hundred` start a new figure.
        assert_eq!(figures("3 million and 20 people"), [3e6, 20.0]);
        assert_eq!(figures("$5 million and 50 investors"), [5e6, 50.0]);
        // A scale word does not start a number.
        assert_eq!(figures("crore thirty percent"), [30.0]);
        assert_one("a thousand and one nights", 1001.0);
        assert_one("two out of five hundreds tvs", 0.4);
        assert_one("five hundreds tvs", 500.0);
        // `hundreds of` after a number stays apart.
        assert_eq!(all("two hundreds of people").len(), 2);
        assert_one("three million, two hundred & forty people", 3_000_240.0);
        // A comma elsewhere separates figures.
        assert_eq!(figures("one, two, three"), [2.0, 3.0]);
        assert_eq!(figures("three million, 200 people"), [3e6, 200.0]);
        assert_eq!(figures("some three million, one in five of them"), [3e6, 20.0]);
    }

    #[test]
    fn spaced_hyphens_join_tens_and_units() {
        assert_one("fifty - two", 52.0);
        assert_one("how much is ninety - five hundred fifths?", 1900.0);
        assert_one("ninety - five hundred-fifths", 1900.0);
        assert_one("minus ninety - five hundred fifths", -1900.0);
        // A range of figures keeps its hyphen.
        assert_eq!(all("10 - 15 people").len(), 1);
        assert_eq!(figures("fifty - sixty"), [50.0, 60.0]);
    }

    #[test]
    fn compound_denominators() {
        assert_one("one hundred thirty-fifths", 100.0 / 35.0);
        assert_one("one one hundred fifth", 1.0 / 105.0);
        assert_one("one one hundred and fifth", 1.0 / 105.0);
        assert_one("one hundred one thousand fifths", 100.0 / 1005.0);
        assert_one("minus one hundred thirty fifths", -100.0 / 35.0);
        // Without a hyphen the words also read as 130/5: kept, marked ambiguous.
        let p = &all("one hundred thirty fifths")[0];
        assert_eq!(p.doubt, Some(Doubt::Ambiguous));
        assert!(all("one hundred thirty-fifths")[0].doubt.is_none());
        // Plain fractions are untouched.
        assert_one("twenty-three fifths", 23.0 / 5.0);
        assert_one("twenty three fifths", 23.0 / 5.0);
        assert_one("two hundred fifths", 40.0);
        assert_one("one hundred and thirty-two fifths", 132.0 / 5.0);
        // Ordinals that are not fractions.
        assert!(all("the twenty first century")
            .iter()
            .all(|p| p.kind != Kind::Count));
    }

    #[test]
    fn bounds_written_after_the_figure() {
        let v = |s: &str| all(s)[0].value.unwrap();
        assert_eq!(
            v("His score is 200 or greater than"),
            Interval::above(200.0, true)
        );
        assert_eq!(
            v("His score is at least or equal to 30"),
            Interval::above(30.0, true)
        );
        assert_eq!(
            v("His score is equal to 5000 or more than"),
            Interval::above(5000.0, true)
        );
        assert_eq!(
            v("His score is less than 5000 or equal"),
            Interval::below(5000.0, true)
        );
        assert_eq!(v("more than 5000 or equal to it"), Interval::above(5000.0, true));
        // A second bound is not swallowed.
        assert_eq!(all("more than 20 or less than 35").len(), 2);
    }

    #[test]
    fn more_ways_news_qualifies_a_figure() {
        let v = |s: &str| all(s)[0].value.unwrap();
        assert_eq!(v("20 or so people"), Interval::closed(18.0, 22.0));
        assert_eq!(v("well over 100 people"), Interval::above(100.0, false));
        assert_eq!(v("north of $5 billion"), Interval::above(5e9, false));
        assert_eq!(v("well below 10 percent"), Interval::below(10.0, false));
        assert_eq!(all("just shy of 1,000 votes")[0].qualifier, Qualifier::Nearly);
        assert_eq!(v("as few as 12 people"), Interval::above(12.0, true));
        assert_eq!(v("as little as $5"), Interval::above(5.0, true));
        assert_eq!(v("more or less 30 people"), Interval::closed(27.0, 33.0));
        assert_eq!(v("in the region of 500 jobs"), Interval::closed(450.0, 550.0));
        assert_eq!(v("on the order of 1,000 troops"), Interval::closed(900.0, 1100.0));
        // `or so` does not swallow a second figure.
        assert_eq!(all("20 or 30 people").len(), 2);
    }

    #[test]
    fn unknown_operators_leave_the_figure_ambiguous() {
        for text in ["==30", "><30"] {
            let p = &all(text)[0];
            assert_eq!(
                (p.stated, p.doubt),
                (Some((30.0, 30.0)), Some(Doubt::Ambiguous)),
                "{text}"
            );
        }
        assert_eq!(all(">=30")[0].value, Some(Interval::above(30.0, true)));
        assert!(all("x = 30")[0].doubt.is_none());
        // `=>` and `=<` are `>=` and `<=` with their signs swapped.
        assert_eq!(all("=>30")[0].value, Some(Interval::above(30.0, true)));
        assert_eq!(all("scores =< 30")[0].value, Some(Interval::below(30.0, true)));
        assert!(all("=>30")[0].doubt.is_none());
        // `<>30`, `!=30`, `≠30` say what a value is not: no claim.
        for text in ["<>30", "x != 30", "x ≠ 30"] {
            assert!(all(text).is_empty(), "{text}: {:?}", all(text));
        }
        // A space apart, `!` and `=` are no operator.
        assert_eq!(all("wow! = 30").len(), 1);
    }

    #[test]
    fn shares_out_of_every() {
        let v = |s: &str| all(s)[0].value.unwrap();
        assert_eq!(v("one in every five adults"), Interval::point(20.0));
        assert_eq!(v("one out of every four votes"), Interval::point(25.0));
        let p = &all("nearly one in every three")[0];
        assert_eq!((p.kind, p.qualifier), (Kind::Percent, Qualifier::Nearly));
        assert!(close(p.stated.unwrap().0, 100.0 / 3.0));
    }

    #[test]
    fn fractions_after_a_comparison() {
        let v = |s: &str| all(s)[0].value.unwrap();
        // Shares, as percentages like `more than half of them`.
        assert_eq!(all("more than half people came here.")[0].kind, Kind::Percent);
        assert_eq!(
            v("more than half people came here."),
            Interval::above(50.0, false)
        );
        assert_eq!(v("more than half the town came"), Interval::above(50.0, false));
        assert_eq!(v("more than half of the town came"), Interval::above(50.0, false));
        let both = v("The number is above one quarter and below a half.");
        assert_eq!((both.lo_value(), both.hi_value()), (Some(25.0), Some(50.0)));
        // Numbers and measures stay numbers and measures.
        assert_eq!(
            v("more than half a million people"),
            Interval::above(500_000.0, false)
        );
        assert_eq!(all("more than a quarter mile")[0].kind, Kind::Distance);
        // Without a comparison `half` and `a third` are words.
        assert!(all("the half time show").is_empty());
        assert!(all("won a third term").is_empty());
    }

    #[test]
    fn signs_reach_only_the_first_figure_of_a_range() {
        let v = |s: &str| all(s)[0].value.unwrap();
        assert_eq!(v("from -10 to 15 degrees"), Interval::closed(-10.0, 15.0));
        assert_eq!(
            v("He scores between negative ten and fifteen."),
            Interval::closed(-10.0, 15.0)
        );
        assert_eq!(v("between -10 and 15"), Interval::closed(-10.0, 15.0));
        assert_eq!(v("10-15 people"), Interval::closed(10.0, 15.0));
        assert_eq!(v("The answer is minus one"), Interval::point(-1.0));
        assert_eq!(v("The answer is negative one"), Interval::point(-1.0));
        assert_eq!(v("temperatures < -30"), Interval::below(-30.0, false));
        // `scores` is a verb here, not a magnitude.
        assert!(all("He scores well").is_empty());
        assert_eq!(v("scores of people"), Interval::closed(40.0, 199.0));
    }

    #[test]
    fn zero_words_glued_units_and_magnitude_letters() {
        assert_eq!(figures("zero is 0"), [0.0, 0.0]);
        assert_eq!(figures("naught"), [0.0]);
        assert_eq!(figures("they were playing three-nought-four"), [3.0, 0.0, 4.0]);
        assert!(all("a zero-sum game").is_empty());
        // A figure glued to a unit crosscheck does not know is not a count.
        assert!(all("the 180ml liquid").is_empty());
        assert!(all("the .25ml liquid").is_empty());
        assert!(all("a 16GB phone").is_empty());
        assert_one("10G", 1e10);
        assert_one("1,674.5 G", 1.6745e12);
        assert_one("1,674,200.5 M", 1.6742005e12);
        assert_one("That account revenue target is US$ 1MM", 1e6);
        assert_eq!(figures("10M people"), [1e7]);
        // `5G` is a network, `5 m` five metres.
        assert!(all("the 5G network").is_empty());
        assert_eq!(all("5 m deep")[0].kind, Kind::Distance);
    }

    #[test]
    fn fractions_in_digits_and_signs() {
        assert_one("-4/5", -0.8);
        assert_eq!(figures("the result is ⅙ and sometimes ½"), [1.0 / 6.0, 0.5]);
        // Alone in its clause a slash fraction may be a date or a score: marked.
        let p = &all("3/4")[0];
        assert_eq!((p.stated, p.doubt), (Some((0.75, 0.75)), Some(Doubt::Ambiguous)));
        assert!(all("the 9/11 attacks")
            .iter()
            .all(|p| p.stated != Some((9.0 / 11.0, 9.0 / 11.0))));
        // A decimal comma, or a list: read as the decimal, marked.
        let p = &all("The number is 1,3.")[0];
        assert_eq!((p.stated, p.doubt), (Some((1.3, 1.3)), Some(Doubt::Ambiguous)));
        assert_eq!(figures("Exercises nrs. 22,24,26,31."), [22.0, 24.0, 26.0, 31.0]);
    }

    #[test]
    fn scales_after_and_bind_to_the_nearest_number() {
        assert_one("one billion and three quarters million", 1_000_750_000.0);
        assert_one("Current value is one billion and a half million", 1_000_500_000.0);
        assert_one("1 billion and a half million", 1_000_500_000.0);
        assert_one("one hundred and five million", 105e6);
        assert_one("five and a half million", 5.5e6);
        let p = &all("three hundred and two dozens")[0];
        assert_eq!(
            (p.stated, p.doubt),
            (Some((324.0, 324.0)), Some(Doubt::Ambiguous))
        );
        assert_eq!(all("two dozen eggs")[0].stated, Some((24.0, 24.0)));
    }

    #[test]
    fn exponents_suspended_hyphens_and_slash_pairs() {
        assert_one("by a factor of 2.48×10−5, with", 2.48e-5);
        assert_one("2.48×10^-5", 2.48e-5);
        let p = &all("a conceptualized 8- to 16-meter telescope")[0];
        assert_eq!(
            (p.kind, p.value),
            (Kind::Distance, Some(Interval::closed(0.008, 0.016)))
        );
        assert!(all("open 24/7").is_empty());
        assert!(all("a 50/50 chance").is_empty());
        assert!(all("The number 1/0 is not a valid value.").is_empty());
        assert!(all("the 9/11 attacks").is_empty());
        assert_eq!(all("in the 2026/27 financial year")[0].kind, Kind::Year);
        // Fractions before a unit or `of` are still read.
        assert_eq!(all("3/4 of the vote")[0].kind, Kind::Percent);
    }

    #[test]
    fn ranks_as_bounds() {
        let p = &all("He ranks higher than the tenth but lower than the fifteenth.")[0];
        assert_eq!(p.kind, Kind::Ordinal);
        let v = p.value.unwrap();
        assert_eq!((v.lo_value(), v.hi_value()), (Some(10.0), Some(15.0)));
        assert!(!v.lo.unwrap().inclusive && !v.hi.unwrap().inclusive);
        let p = &all("He ranks between the tenth and the fifteenth.")[0];
        assert_eq!(
            (p.kind, p.value),
            (Kind::Ordinal, Some(Interval::closed(10.0, 15.0)))
        );
        let p = &all("finished higher than 10th")[0];
        assert_eq!(
            (p.kind, p.value),
            (Kind::Ordinal, Some(Interval::above(10.0, false)))
        );
        assert_eq!(all("the 80th anniversary")[0].value, Some(Interval::point(80.0)));
        // A rank without a comparison is no claim.
        assert!(all("for the tenth time").is_empty());
    }

    #[test]
    fn fractions_of_a_scale_and_dozens_as_a_scale() {
        assert_one("three-quarters of a million people", 750_000.0);
        assert_one("three quarters of a million people", 750_000.0);
        assert_one("five eighths of a billion", 0.625e9);
        assert_one("two-thirds of a billion dollars", 2e9 / 3.0);
        let v = |s: &str| all(s)[0].value.unwrap();
        assert_eq!(v("a few dozen people"), Interval::closed(24.0, 60.0));
        assert_eq!(v("several dozen people"), Interval::closed(36.0, 108.0));
        assert_eq!(v("a couple dozen people"), Interval::closed(24.0, 36.0));
        assert_eq!(v("a dozen people"), Interval::point(12.0));
    }

    #[test]
    fn a_count_of_halves_or_quarters_is_marked() {
        // More halves than make a whole: 1½, marked (halves of several things are possible).
        let p = &all("Is three halves fractional?")[0];
        assert_eq!((p.stated, p.doubt), (Some((1.5, 1.5)), Some(Doubt::Ambiguous)));
        assert_eq!(p.end - p.start, 2, "three halves");
        let p = &all("five halves are left")[0];
        assert_eq!((p.stated, p.doubt), (Some((2.5, 2.5)), Some(Doubt::Ambiguous)));
        // Fewer: the halves of a whole, counted.
        let p = &all("two halves make a whole")[0];
        assert_eq!((p.stated, p.doubt), (Some((2.0, 2.0)), Some(Doubt::Ambiguous)));
        // Read as fractions where nothing but punctuation, `of`, a scale or a unit follows.
        assert_one("three quarters of the vote", 75.0);
        assert_one("three halves.", 1.5);
        let p = &all("three quarters revenue fell")[0];
        assert_eq!((p.stated, p.doubt), (Some((3.0, 3.0)), Some(Doubt::Ambiguous)));
        // Other plural denominators are fractions whatever follows.
        assert_one("five eighths", 0.625);
        assert_one("two thirds voted", 2.0 / 3.0);
    }

    #[test]
    fn percent_of_a_figure_is_kept_as_a_guess() {
        for (text, want) in [
            ("percent of 10", 10.0),
            ("percents of twenty", 20.0),
            ("per cent of twenty-two", 22.0),
        ] {
            let p = &all(text)[0];
            assert_eq!((p.kind, p.stated), (Kind::Percent, Some((want, want))), "{text}");
            assert_eq!(p.doubt, Some(Doubt::Ambiguous));
        }
        // A figure before `percent`, or a noun after the figure: not this form.
        assert!(all("20 percent of 10")
            .iter()
            .all(|p| p.stated != Some((10.0, 10.0)) || p.kind != Kind::Percent));
        assert!(all("a small percent of 10,000 voters")
            .iter()
            .all(|p| p.kind != Kind::Percent));
    }
}
