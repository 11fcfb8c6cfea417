//! Number words and magnitude words: `twenty-six`, `million`, `tens of thousands`.
//!
//! Everything here works on lower-case words; the extractor decides where a number phrase
//! starts and ends.

/// The value of a number word that can stand inside a spelled number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberWord {
    /// `one` .. `nineteen`, `twenty` .. `ninety`.
    Small(f64),
    /// `hundred`.
    Hundred,
    /// `thousand`, `million`, `billion`, `trillion`.
    Scale(f64),
}

/// The number words below twenty, by value.
const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// The tens, `twenty` (20) .. `ninety` (90).
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Looks up a spelled number word.
pub fn number_word(word: &str) -> Option<NumberWord> {
    // Every number word is 3 to 9 bytes long and starts with one of these letters: most
    // words of a sentence are ruled out here, before the scans of the tables.
    if !(3..=9).contains(&word.len())
        || !matches!(
            word.as_bytes()[0],
            b'b' | b'c' | b'e' | b'f' | b'h' | b'l' | b'm' | b'n' | b'o' | b's' | b't' | b'z'
        )
    {
        return None;
    }
    if let Some(i) = SMALL.iter().position(|w| *w == word) {
        return Some(NumberWord::Small(i as f64));
    }
    if matches!(word, "nought" | "naught") {
        return Some(NumberWord::Small(0.0));
    }
    if let Some(i) = TENS.iter().position(|w| *w == word) {
        return Some(NumberWord::Small((i as f64 + 2.0) * 10.0));
    }
    match word {
        "hundred" => Some(NumberWord::Hundred),
        "thousand" => Some(NumberWord::Scale(1e3)),
        "million" => Some(NumberWord::Scale(1e6)),
        "billion" => Some(NumberWord::Scale(1e9)),
        "trillion" => Some(NumberWord::Scale(1e12)),
        // Indian scales: `three lakh`, `two crore`, `three lakh crore` (3 × 10^12).
        "lakh" => Some(NumberWord::Scale(1e5)),
        "crore" => Some(NumberWord::Scale(1e7)),
        _ => None,
    }
}

/// Multiplier words that may follow a figure: `1.3 million`, `$1.2bn`, `Rs 500 crore`, `10k`.
/// `m` is only a multiplier after a currency (`£40m`); elsewhere it is metres.
pub fn scale_word(word: &str, after_currency: bool) -> Option<f64> {
    match word {
        "hundred" => Some(1e2),
        "thousand" | "k" => Some(1e3),
        "million" | "mn" | "mln" | "mil" | "mio" => Some(1e6),
        "m" if after_currency => Some(1e6),
        "t" if after_currency => Some(1e12),
        "billion" | "bn" | "b" | "bln" | "bil" => Some(1e9),
        "trillion" | "tn" | "trn" | "tln" => Some(1e12),
        "lakh" | "lakhs" | "lac" => Some(1e5),
        "crore" | "crores" | "cr" => Some(1e7),
        _ => None,
    }
}

/// The denominator a fraction word names, and whether the word is plural: `half` (2),
/// `thirds` (3, plural), `quarter` (4), `eighth` (8), `hundredths` (100), `trillionth` (1e12).
///
/// `first` and `second` are ordinals (and a unit of time), never fraction words on their own;
/// they only end a compound denominator (`twenty-first`), see [`ordinal_unit`].
pub fn fraction_word(word: &str) -> Option<(f64, bool)> {
    match word {
        "half" => return Some((2.0, false)),
        "halves" => return Some((2.0, true)),
        "quarter" => return Some((4.0, false)),
        "quarters" => return Some((4.0, true)),
        "first" | "firsts" | "second" | "seconds" => return None,
        _ => {}
    }
    let (singular, plural) = match word.strip_suffix('s') {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    ordinal_value(singular).map(|v| (v, plural))
}

/// The value of a unit ordinal that can end a compound denominator: `first` .. `ninth`
/// (`twenty-first`, `thirty-fifths`), with its plurality.
pub fn ordinal_unit(word: &str) -> Option<(f64, bool)> {
    let (singular, plural) = match word.strip_suffix('s') {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    ordinal_value(singular).filter(|v| *v < 10.0).map(|v| (v, plural))
}

/// The ordinals `first` (1) .. `nineteenth` (19).
const ORDINAL_UNITS: [&str; 19] = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];

/// The ordinals `twentieth` (20) .. `ninetieth` (90).
const ORDINAL_TENS: [&str; 8] = [
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

/// `first` 1 .. `nineteenth` 19, `twentieth` .. `ninetieth`, `hundredth` .. `trillionth`.
pub fn ordinal_value(word: &str) -> Option<f64> {
    // Every ordinal word ends in `st`, `nd`, `rd` or `th`: rule the others out before the scans.
    if !matches!(
        word.as_bytes().get(word.len().wrapping_sub(2)..),
        Some(b"st" | b"nd" | b"rd" | b"th")
    ) {
        return None;
    }
    if let Some(i) = ORDINAL_UNITS.iter().position(|w| *w == word) {
        return Some(i as f64 + 1.0);
    }
    if let Some(i) = ORDINAL_TENS.iter().position(|w| *w == word) {
        return Some((i as f64 + 2.0) * 10.0);
    }
    match word {
        "hundredth" => Some(1e2),
        "thousandth" => Some(1e3),
        "millionth" => Some(1e6),
        "billionth" => Some(1e9),
        "trillionth" => Some(1e12),
        _ => None,
    }
}

/// Plural magnitude words used vaguely: `hundreds`, `thousands`, `dozens`.
pub fn plural_magnitude(word: &str) -> Option<f64> {
    match word {
        "dozens" => Some(12.0),
        "scores" => Some(20.0),
        "hundreds" => Some(1e2),
        "thousands" => Some(1e3),
        "millions" => Some(1e6),
        "billions" => Some(1e9),
        "trillions" => Some(1e12),
        _ => None,
    }
}

/// Every word [`number_word`], [`ordinal_value`] or [`plural_magnitude`] reads (a superset is
/// harmless): the extractor hashes them once into its table of words that may start a phrase.
pub(crate) fn words() -> impl Iterator<Item = &'static str> {
    const OTHERS: &[&str] = &[
        "nought",
        "naught",
        "hundred",
        "thousand",
        "million",
        "billion",
        "trillion",
        "lakh",
        "crore",
        "hundredth",
        "thousandth",
        "millionth",
        "billionth",
        "trillionth",
        "dozens",
        "scores",
        "hundreds",
        "thousands",
        "millions",
        "billions",
        "trillions",
    ];
    SMALL
        .iter()
        .chain(&TENS)
        .chain(&ORDINAL_UNITS)
        .chain(&ORDINAL_TENS)
        .chain(OTHERS)
        .copied()
}

/// Accumulates spelled number words left to right: `two thousand and twenty-five` = 2025.
#[derive(Debug, Default, Clone, Copy)]
pub struct SpelledNumber {
    total: f64,
    current: f64,
    words: usize,
    /// The scale of the last word when it was a scale word (`lakh` in `three lakh`).
    last_scale: Option<f64>,
}

impl SpelledNumber {
    /// Adds one word; returns false (and changes nothing) when the word cannot continue the number.
    pub fn push(&mut self, word: NumberWord) -> bool {
        // `zero` is a number on its own: nothing continues it and it continues nothing
        // (`three-nought-four` is three figures).
        let zero = matches!(word, NumberWord::Small(v) if v == 0.0);
        if self.words > 0 && (zero || self.value() == 0.0) {
            return false;
        }
        let last_scale = self.last_scale.take();
        match word {
            NumberWord::Small(v) => {
                // "twenty six" and "hundred and sixteen" continue; "six twenty" does not.
                let below_hundred = self.current % 100.0;
                let fits = self.current == 0.0
                    || (below_hundred == 0.0 && v < 100.0)
                    || (below_hundred % 10.0 == 0.0 && below_hundred >= 20.0 && v < 10.0);
                if self.words > 0 && !fits {
                    self.last_scale = last_scale;
                    return false;
                }
                self.current += v;
            }
            NumberWord::Hundred => {
                // `nineteen hundred`, but not `three hundred and two hundred`.
                if self.current == 0.0 && self.words > 0 || self.current >= 100.0 {
                    self.last_scale = last_scale;
                    return false;
                }
                self.current = self.current.max(1.0) * 100.0;
            }
            NumberWord::Scale(s) => {
                // `three lakh crore`, `one thousand million`: a larger scale right after a
                // smaller one multiplies the whole.
                if last_scale.is_some_and(|p| s > p && self.total < s) {
                    self.total *= s;
                    self.last_scale = Some(s);
                    self.words += 1;
                    return true;
                }
                let after_scale = last_scale.is_some();
                if after_scale || self.total != 0.0 && self.total < s * 1000.0 && self.current == 0.0 {
                    self.last_scale = last_scale;
                    return false;
                }
                self.total += self.current.max(1.0) * s;
                self.current = 0.0;
                self.last_scale = Some(s);
            }
        }
        self.words += 1;
        true
    }

    pub fn value(&self) -> f64 {
        self.total + self.current
    }

    pub fn words(&self) -> usize {
        self.words
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spell(words: &str) -> f64 {
        let mut n = SpelledNumber::default();
        for w in words.split([' ', '-']).filter(|w| *w != "and") {
            assert!(n.push(number_word(w).unwrap()), "{w} rejected in {words}");
        }
        n.value()
    }

    #[test]
    fn spelled_numbers() {
        assert_eq!(spell("twenty-six"), 26.0);
        assert_eq!(spell("one hundred and five"), 105.0);
        assert_eq!(spell("two thousand and twenty-five"), 2025.0);
        assert_eq!(spell("three million four hundred thousand"), 3_400_000.0);
        assert_eq!(spell("hundred"), 100.0);
        assert_eq!(spell("fifteen"), 15.0);
        assert_eq!(spell("one hundred and sixteen"), 116.0);
        assert_eq!(spell("two hundred twenty one"), 221.0);
        assert_eq!(spell("one thousand nine hundred ninety"), 1990.0);
    }

    #[test]
    fn spelled_numbers_refuse_bad_sequences() {
        let mut n = SpelledNumber::default();
        assert!(n.push(NumberWord::Small(6.0)));
        assert!(!n.push(NumberWord::Small(20.0)));
        let mut n = SpelledNumber::default();
        assert!(n.push(NumberWord::Small(20.0)));
        assert!(n.push(NumberWord::Small(6.0)));
        assert!(!n.push(NumberWord::Small(5.0)));
    }

    #[test]
    fn zero_stands_alone_and_indian_scales_multiply() {
        assert_eq!(spell("zero"), 0.0);
        let mut n = SpelledNumber::default();
        assert!(n.push(NumberWord::Small(3.0)));
        assert!(!n.push(NumberWord::Small(0.0)), "three nought");
        let mut n = SpelledNumber::default();
        assert!(n.push(NumberWord::Small(0.0)));
        assert!(!n.push(NumberWord::Small(4.0)), "nought four");
        let mut n = SpelledNumber::default();
        assert!(n.push(NumberWord::Small(4.0)));
        assert!(n.push(NumberWord::Scale(1e3)));
        assert!(!n.push(NumberWord::Small(0.0)), "four thousand and zero");
        assert_eq!(spell("three lakh"), 3e5);
        assert_eq!(spell("three lakh crore"), 3e12);
        assert_eq!(spell("six crore and two hundred"), 60_000_200.0);
        assert_eq!(spell("one thousand million"), 1e9);
        // A smaller scale after a larger one still adds: `two million thousand` is refused.
        let mut n = SpelledNumber::default();
        assert!(n.push(NumberWord::Small(2.0)));
        assert!(n.push(NumberWord::Scale(1e6)));
        assert!(!n.push(NumberWord::Scale(1e3)));
        assert_eq!(spell("two million three thousand"), 2_003_000.0);
        assert_eq!(spell("nineteen hundred ninety three"), 1993.0);
        let mut n = SpelledNumber::default();
        for w in [3.0, 100.0, 2.0] {
            assert!(n.push(if w == 100.0 {
                NumberWord::Hundred
            } else {
                NumberWord::Small(w)
            }));
        }
        assert!(!n.push(NumberWord::Hundred), "three hundred and two hundred");
    }

    #[test]
    fn scale_words() {
        assert_eq!(scale_word("bn", true), Some(1e9));
        assert_eq!(scale_word("m", false), None);
        assert_eq!(scale_word("m", true), Some(1e6));
        assert_eq!(scale_word("crore", false), Some(1e7));
        assert_eq!(plural_magnitude("thousands"), Some(1e3));
    }

    #[test]
    fn fraction_words() {
        assert_eq!(fraction_word("half"), Some((2.0, false)));
        assert_eq!(fraction_word("thirds"), Some((3.0, true)));
        assert_eq!(fraction_word("eighth"), Some((8.0, false)));
        assert_eq!(fraction_word("twelfths"), Some((12.0, true)));
        assert_eq!(fraction_word("hundredths"), Some((100.0, true)));
        assert_eq!(fraction_word("trillionth"), Some((1e12, false)));
        assert_eq!(fraction_word("second"), None);
        assert_eq!(fraction_word("firsts"), None);
        assert_eq!(fraction_word("thirty"), None);
        assert_eq!(ordinal_unit("fifths"), Some((5.0, true)));
        assert_eq!(ordinal_unit("first"), Some((1.0, false)));
        assert_eq!(ordinal_unit("tenth"), None);
        assert_eq!(number_word("nought"), Some(NumberWord::Small(0.0)));
    }
}
