//! What a figure is about besides its noun: a wider area than the story's (`1,100 cases
//! nationwide`), or a bound on people's ages rather than a count of them (`146 of those
//! infected are under 18`).

use std::ops::Range;

use crate::claim::{Claim, Kind, Qualifier};
use crate::token::Token;

/// Words that widen a figure to the whole country, state or world, and the key suffix each
/// gives. The story's own figures are those of its event; `Nationally, coverage was 92.7%`
/// is the backdrop, and is compared only with other sources' national figures.
const WIDE: &[(&str, &str)] = &[
    ("nationwide", "nationwide"),
    ("nationally", "nationwide"),
    ("countrywide", "nationwide"),
    ("statewide", "statewide"),
    ("worldwide", "worldwide"),
    ("globally", "worldwide"),
];

/// The wider area a figure is stated for, from a scope word opening its sentence
/// (`Nationwide, about 1,100 cases ...`) or standing within six words of it in its clause
/// (`1,100 cases have been reported nationwide`, `turnout nationwide was 64%`), or `across
/// the country`.
pub(super) fn wide_scope(tokens: &[Token], range: Range<usize>) -> Option<&'static str> {
    let scope_of = |w: &str| WIDE.iter().find(|(word, _)| *word == w).map(|(_, s)| *s);
    let opening = tokens.iter().position(Token::is_word);
    if let Some(first) = opening {
        let set_off = tokens.get(first + 1).is_some_and(|t| t.text == ",");
        if let Some(scope) = scope_of(&tokens[first].folded).filter(|_| set_off && first < range.start) {
            return Some(scope);
        }
    }
    let before = super::window(tokens, range.clone(), true, 6, true);
    let after = super::window(tokens, range, false, 6, true);
    let across = |words: &[&str]| {
        words
            .windows(3)
            .any(|w| w[0] == "across" && w[1] == "the" && ["country", "nation"].contains(&w[2]))
    };
    before
        .iter()
        .chain(after.iter())
        .find_map(|w| scope_of(w))
        .or_else(|| (across(&before) || across(&after)).then_some("nationwide"))
}

/// Nouns that `combined` makes the merged whole of two companies: `the combined company`,
/// `a combined workforce of 46,000`.
const MERGED: &[&str] = &[
    "company",
    "group",
    "business",
    "entity",
    "firm",
    "workforce",
    "revenue",
    "revenues",
    "sales",
    "staff",
    "headcount",
];

/// `The combined company will have some 46,000 employees`, `6% of the combined workforce`: a
/// figure of the merged whole, apart from each company's own. `combined` before a merged noun
/// in the figure's clause (no comma, semicolon or colon between) or among the six words after
/// it; but `a combined $1.4 billion` right before a figure is a sum, not a merger.
pub(super) fn merged(tokens: &[Token], range: Range<usize>) -> bool {
    let sum = range
        .start
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|t| t.is("combined"));
    let clause_start = tokens[..range.start]
        .iter()
        .rposition(|t| matches!(t.text, "," | ";" | ":" | "(" | ")"))
        .map_or(0, |i| i + 1);
    // The words before, paired as they come rather than gathered first.
    let mut before = tokens[clause_start..range.start]
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.folded.as_ref());
    let after = super::window(tokens, range, false, 6, true);
    let names_merger = |words: &mut dyn Iterator<Item = &str>| {
        let Some(mut prev) = words.next() else {
            return false;
        };
        for w in words {
            if prev == "combined" && MERGED.contains(&w.trim_end_matches("'s")) {
                return true;
            }
            prev = w;
        }
        false
    };
    !sum && (names_merger(&mut before) || names_merger(&mut after.iter().copied()))
}

/// Nouns that name a part of a company: `its cloud division`, `the cheese business`.
const PARTS: &[&str] = &["division", "segment", "subsidiary", "business", "unit"];

/// Words before a part noun that name the whole, or nothing: `the combined business`, `its
/// core business` is the company itself.
const NOT_A_PART: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "each", "every", "one",
    "combined", "whole", "entire", "core", "main", "same", "new", "merged", "family", "per",
];

/// `Quorra's cloud division grew 27% to $1.9bn`, `revenue of $1.9 billion at its cloud unit`:
/// a figure of a named part of a company (a noun, then `division`, `segment`, `subsidiary`,
/// `business` or `unit`, in the figure's sentence before it or among the six words after it),
/// apart from the group's. Only money and percentages and, for the nouns a company alone has
/// (`division`, `segment`, `subsidiary`), counts: `a police unit of 40 officers` is no part
/// of a company.
pub(super) fn company_part(tokens: &[Token], range: Range<usize>, kind: Kind) -> bool {
    let parts: &[&str] = match kind {
        Kind::Money | Kind::Percent => PARTS,
        Kind::Count => &PARTS[..3],
        _ => return false,
    };
    let names = |name: &str, part: &str| {
        parts.contains(&part)
            && name.len() > 2
            && name.chars().all(char::is_alphabetic)
            && !NOT_A_PART.contains(&name)
    };
    let names_part = |words: &mut dyn Iterator<Item = &str>| {
        let Some(mut prev) = words.next() else {
            return false;
        };
        for w in words {
            if names(prev, w) {
                return true;
            }
            prev = w;
        }
        false
    };
    let sentence_start = tokens[..range.start]
        .iter()
        .rposition(|t| t.text == ";")
        .map_or(0, |i| i + 1);
    // The words before, paired as they come rather than gathered first.
    let mut before = tokens[sentence_start..range.start]
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.folded.as_ref());
    let after = super::window(tokens, range, false, 6, true);
    names_part(&mut before) || names_part(&mut after.iter().copied())
}

/// `146 of those infected are under 18`, `children aged over 5`: a bound after a copula or
/// `aged`, with no noun after it, bounds ages; it counts nobody.
pub(super) fn is_age_bound(tokens: &[Token], range: &Range<usize>, claim: &Claim) -> bool {
    let bound = matches!(
        claim.qualifier,
        Qualifier::LessThan | Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::AtMost
    );
    let small = claim.stated.is_some_and(|(lo, hi)| lo == hi && hi <= 120.0);
    let prev = range.start.checked_sub(1).and_then(|i| tokens.get(i));
    let copula = prev.is_some_and(|t| {
        ["are", "were", "is", "was", "aged", "age", "ages", "being"]
            .iter()
            .any(|w| t.is(w))
    });
    let no_noun = !tokens.get(range.end).is_some_and(Token::is_word);
    bound && small && copula && no_noun
}

/// `one family in ten has someone who works there`, `one child out of five`: the count after
/// `in` or `out of`, with `one` and at most two words before it, is the denominator of a
/// proportion; it counts nobody.
pub(super) fn is_denominator(tokens: &[Token], range: &Range<usize>) -> bool {
    let mut at = range.start;
    let mut prev = || {
        at = at.checked_sub(1)?;
        tokens.get(at)
    };
    let Some(link) = prev() else { return false };
    let link_ok = link.is("in") || (link.is("of") && prev().is_some_and(|t| t.is("out")));
    if !link_ok {
        return false;
    }
    for _ in 0..3 {
        match prev() {
            Some(t) if t.is("one") || t.text == "1" => return true,
            Some(t) if t.is_word() => continue,
            _ => return false,
        }
    }
    false
}

/// `scored 27 goals in 41 appearances`, `three wins in eight games`: a count after `in` that
/// follows another count and its plural noun is the span the first is counted over, as the
/// `ten` of `one family in ten` is a denominator; it is not a figure of its own to compare.
pub(super) fn is_span_of_count(tokens: &[Token], range: &Range<usize>) -> bool {
    const SPELLED: &[&str] = &[
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];
    let back = |k: usize| range.start.checked_sub(k).and_then(|i| tokens.get(i));
    let is_count = |t: &Token| t.is_number() || SPELLED.iter().any(|w| t.is(w));
    let plural = |t: &Token| {
        let w: &str = &t.folded;
        t.is_word() && t.text == w && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")
    };
    let counted_noun_after = tokens.get(range.end).is_some_and(plural);
    if !counted_noun_after || !back(1).is_some_and(|t| t.is("in")) || !back(2).is_some_and(plural) {
        return false;
    }
    // The noun of the first count, with at most one word before it: `27 league goals`.
    back(3).is_some_and(is_count) || (back(3).is_some_and(Token::is_word) && back(4).is_some_and(is_count))
}

#[cfg(test)]
mod tests {
    use crate::key::tests::keys_on;
    use crate::rules::RuleSet;

    fn key(text: &str, figure: &str) -> Option<String> {
        keys_on(
            text,
            &RuleSet::generic(),
            chrono::NaiveDate::from_ymd_opt(2026, 2, 20),
        )
        .into_iter()
        .find(|(t, _)| t == figure)
        .unwrap_or_else(|| panic!("{figure} in {text}"))
        .1
    }

    #[test]
    fn the_denominator_of_a_proportion_counts_nobody() {
        let text = "In a county where one household in ten lost power, 40 people died.";
        assert_eq!(key(text, "ten"), None);
        assert_eq!(key(text, "40").as_deref(), Some("dead"));
        let out_of = "One worker out of 12 was injured, the firm said.";
        assert_eq!(key(out_of, "12"), None);
        // A count after `in` with no `one` before it is keyed as usual.
        let toll = "Floods in the valley killed 12 people in three villages.";
        assert_eq!(key(toll, "12").as_deref(), Some("dead"));
    }

    #[test]
    fn the_span_a_count_is_counted_over_is_no_figure() {
        let text = "The keeper made 14 saves in 22 matches last season.";
        assert_eq!(key(text, "22"), None);
        let league = "She won 9 league titles in 12 seasons.";
        assert_eq!(key(league, "12"), None);
        // Without a count before it, the figure after `in` is keyed as usual.
        let games = "The keeper played in 22 matches last season.";
        assert_eq!(key(games, "22").as_deref(), Some("match"));
    }

    #[test]
    fn figures_of_a_part_of_a_company_are_keyed_apart() {
        let whole = key(
            "Acme posted revenue of $4.8 billion in the quarter.",
            "$4.8 billion",
        );
        let part = key(
            "Acme's cloud division posted revenue of $1.9 billion in the quarter.",
            "$1.9 billion",
        );
        assert_eq!(part, whole.as_ref().map(|k| format!("{k}.division")), "{whole:?}");
        assert_eq!(
            key(
                "Cloud networking, its fastest-growing unit, posted revenue of $1.9 billion.",
                "$1.9 billion"
            )
            .as_deref(),
            Some("revenue.division")
        );
        assert_eq!(
            key(
                "The group posted revenue of $1.1 billion at its cheese business.",
                "$1.1 billion"
            )
            .as_deref(),
            Some("revenue.division")
        );
        // The company itself, and units that are no part of a company.
        assert!(key(
            "The combined business will post revenue of $31 billion.",
            "$31 billion"
        )
        .is_some_and(|k| k.ends_with(".combined")));
        assert_eq!(
            key(
                "Its core business posted revenue of $4.8 billion.",
                "$4.8 billion"
            ),
            whole
        );
        assert!(!key("A police unit of 40 officers was sent to the border.", "40")
            .is_some_and(|k| k.ends_with(".division")));
    }

    #[test]
    fn figures_for_the_whole_country_are_keyed_apart() {
        assert_eq!(
            key(
                "About 1,100 cases have been reported nationwide since January.",
                "About 1,100"
            )
            .as_deref(),
            Some("infected.nationwide")
        );
        assert_eq!(
            key(
                "Nationwide, about 1,100 cases have been reported so far.",
                "about 1,100"
            )
            .as_deref(),
            Some("infected.nationwide")
        );
        assert_eq!(
            key("Nationally, coverage among kindergarteners was 92.7%.", "92.7%").as_deref(),
            Some("percent.kindergarteners.nationwide")
        );
        // The story's own figure keeps its key.
        assert_eq!(
            key("The outbreak has grown to 214 confirmed cases.", "214").as_deref(),
            Some("infected")
        );
    }

    #[test]
    fn figures_of_a_merged_company_are_keyed_apart() {
        let merged =
            "The combined company will have annual revenue of about $31 billion and some 46,000 employees.";
        assert_eq!(key(merged, "some 46,000").as_deref(), Some("jobs.combined"));
        let share = "It will cut about 2,800 jobs, or roughly 6% of the combined workforce.";
        assert_eq!(
            key(share, "roughly 6%").as_deref(),
            Some("percent.workforce.combined")
        );
        assert_eq!(key(share, "about 2,800").as_deref(), Some("jobs.cut"));
        let cut = "The combined company will cut 3,500 jobs.";
        assert_eq!(key(cut, "3,500").as_deref(), Some("jobs.cut"));
        let own = "Brightwater has about 14,000 employees.";
        assert_eq!(key(own, "about 14,000").as_deref(), Some("jobs"));
        // A sum is not a merger.
        let sum = "Investors lost a combined $1.4 billion.";
        assert_eq!(key(sum, "$1.4 billion").as_deref(), Some("damage.investor"));
    }

    #[test]
    fn a_bound_on_ages_counts_nobody() {
        assert_eq!(
            key("Officials said 146 of those infected are under 18.", "under 18"),
            None
        );
        // A bound before a noun still counts it.
        assert_eq!(
            key("Officials said under 18 people were hospitalized.", "under 18").as_deref(),
            Some("hospitalised")
        );
    }
}
