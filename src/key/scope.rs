//! What a figure is about besides its noun: a wider area than the story's (`1,100 cases
//! nationwide`), or a bound on people's ages rather than a count of them (`146 of those
//! infected are under 18`).

use std::ops::Range;

use crate::claim::{Claim, Qualifier};
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
