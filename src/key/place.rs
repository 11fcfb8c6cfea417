//! Figures of another place than the story's: `A smaller cluster of 17 cases has been
//! confirmed in Falkner County`, in an article about an outbreak in Brenton County, counts the
//! neighbouring county's cases, not the outbreak's.
//!
//! The story's own places are those its opening (headline, dateline and first sentences)
//! names. A keyed figure followed in its clause by `in`, `into`, `inside`, `across` or
//! `throughout` and a capitalised name the opening does not name, or set in a sentence that
//! opens with such a phrase (`In Falkner County, 17 cases ...`), is keyed apart by that
//! place (`infected.in_falkner_county`). A place the opening names changes nothing: in a
//! story about Brenton County, `214 cases in Brenton County` is the story's figure.

use std::ops::Range;

use crate::claim::{Claim, Kind};

/// How many sentences open an article: the headline, the dateline's sentence and the next.
pub const OPENING_SENTENCES: usize = 3;

/// Prepositions that place a figure.
const PLACING: &[&str] = &["in", "into", "inside", "across", "throughout"];

/// Words that may stand between a placing word and the place's name.
const BEFORE_PLACES: &[&str] = &[
    "the",
    "neighboring",
    "neighbouring",
    "nearby",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "rural",
];

/// Capitalised words that name no place.
const NOT_PLACES: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "Their",
    "His",
    "Her",
    "Our",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "I",
];

/// Keys apart the figures of places the article's opening (`opening`, a byte range of `text`)
/// does not name. Claims must be those of `text`, before their spans are moved to the file's.
pub fn key_other_places(text: &str, opening: Range<usize>, claims: &mut [Claim]) {
    let opening_text = text.get(opening).unwrap_or_default();
    for claim in claims.iter_mut() {
        let counted = matches!(claim.kind, Kind::Count | Kind::Money | Kind::Percent);
        let Some(key) = claim.key.as_deref().filter(|_| counted) else {
            continue;
        };
        let Some(place) = place_of(text, claim) else {
            continue;
        };
        if names(opening_text, &place) {
            continue;
        }
        let suffix = format!(".in_{}", place.to_lowercase().replace([' ', '-'], "_"));
        // Before an anchor: `dead.in_lessing@2024`.
        let key = match key.find('@') {
            Some(at) => format!("{}{suffix}{}", &key[..at], &key[at..]),
            None => format!("{key}{suffix}"),
        };
        claim.key = Some(key.into());
    }
}

/// Whether `text` names `place`: its first word, as a whole word.
fn names(text: &str, place: &str) -> bool {
    let first = place.split(' ').next().unwrap_or(place);
    text.match_indices(first).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + first.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The place a figure is stated for: a placing phrase among the words after it in its clause,
/// or one that opens its sentence and is set off by a comma.
fn place_of(text: &str, claim: &Claim) -> Option<String> {
    let sentence = text.get(claim.sentence.clone())?;
    let after = text.get(claim.span.end..claim.sentence.end)?;
    let clause = after
        .split([',', ';', ':', '(', ')', '—', '–'])
        .next()
        .unwrap_or("");
    let words: Vec<&str> = clause.split_whitespace().take(14).collect();
    // Up to eight words of the figure's noun and verb before the preposition, all lower-case
    // (`cases has been confirmed in`, `people have also fled north into`); the first placing
    // word followed by a name (`across the county line in Falkner County`).
    let lower = |w: &&str| w.chars().all(|c| c.is_lowercase() || c == '-');
    let placed = (0..words.len().min(9))
        .take_while(|&at| words[..at].iter().all(lower))
        .filter(|&at| PLACING.contains(&words[at]))
        .find_map(|at| {
            // `in neighboring Falkner County`, `into the Netherlands`.
            let skip = words[at + 1..]
                .iter()
                .take(2)
                .take_while(|w| BEFORE_PLACES.contains(w))
                .count();
            capitalised_name(&words[at + 1 + skip..])
        });
    if placed.is_some() {
        return placed;
    }
    // `In Falkner County, 17 cases ...`, `Inside Velmar, an estimated 400,000 ...`.
    let (opening, _) = sentence.split_once(',')?;
    let opening_end = claim.sentence.start + opening.len();
    if opening_end > claim.span.start {
        return None;
    }
    let mut words = opening.split_whitespace();
    let first = words.next()?;
    if !["In", "Inside", "Across", "Throughout"].contains(&first) {
        return None;
    }
    let rest: Vec<&str> = words.collect();
    capitalised_name(&rest).filter(|name| name.split(' ').count() == rest.len())
}

/// One to three capitalised words at the start of `words`, none of them a month, a weekday or
/// an article: `Falkner County`, `Port Ellery`, `Orrin`.
fn capitalised_name(words: &[&str]) -> Option<String> {
    let mut name = Vec::new();
    for word in words.iter().take(3) {
        let word = word
            .trim_end_matches(['.', '\'', '’', '"', '”'])
            .trim_end_matches("'s");
        let capital = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|c| c.is_alphabetic() || c == '-')
            && word.chars().skip(1).any(char::is_lowercase);
        if !capital || NOT_PLACES.contains(&word) {
            break;
        }
        name.push(word);
    }
    (!name.is_empty()).then(|| name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::rules::RuleSet;

    /// `(phrase, key)` of every keyed claim of `text`, read as an article.
    fn keys(text: &str) -> Vec<(String, String)> {
        let doc = Document::parse("article.txt", text.to_string()).expect("an article");
        crate::document_claims(&doc, 0, &RuleSet::generic())
            .into_iter()
            .filter_map(|c| Some((c.text.to_string(), c.key?.to_string())))
            .collect()
    }

    fn key_of(text: &str, phrase: &str) -> Option<String> {
        keys(text).into_iter().find(|(p, _)| p == phrase).map(|(_, k)| k)
    }

    const OUTBREAK: &str = "Measles outbreak in Brenton County grows\n\n\
        The outbreak in Brenton County has grown to 214 confirmed cases, officials said. \
        Schools are open. Clinics are busy.\n\n";

    #[test]
    fn figures_of_a_place_the_opening_does_not_name_are_keyed_apart() {
        let text = format!("{OUTBREAK}A smaller cluster of 17 cases has been confirmed in Falkner County.\n");
        let own = key_of(&text, "214").expect("the outbreak's figure is keyed");
        assert_eq!(key_of(&text, "17"), Some(format!("{own}.in_falkner_county")));
        let text = format!("{OUTBREAK}A smaller cluster of 17 cases has been confirmed across the county line in Falkner County.\n");
        assert_eq!(key_of(&text, "17"), Some(format!("{own}.in_falkner_county")));
        let text =
            format!("{OUTBREAK}Seventeen cases have also been reported in neighboring Falkner County.\n");
        assert_eq!(
            key_of(&text, "Seventeen"),
            Some(format!("{own}.in_falkner_county"))
        );
        let text = format!("{OUTBREAK}In Falkner County, 17 cases have been confirmed.\n");
        assert_eq!(key_of(&text, "17"), Some(format!("{own}.in_falkner_county")));
    }

    #[test]
    fn the_storys_own_places_and_other_capitals_change_nothing() {
        let text = format!("{OUTBREAK}By Thursday, 230 cases had been confirmed in Brenton County.\n");
        let own = key_of(&text, "214");
        assert_eq!(key_of(&text, "230"), own);
        let text = format!("{OUTBREAK}Officials confirmed 230 cases in March.\n");
        assert_eq!(key_of(&text, "230"), own);
        // A capitalised word after other words of the clause is not where the figure is.
        let text = format!("{OUTBREAK}Officials counted 230 cases, Dr. Ray Okafor said in Tilby.\n");
        assert_eq!(key_of(&text, "230"), own);
    }

    #[test]
    fn names_are_whole_words() {
        assert!(names("floods in Wendham and Arden", "Wendham"));
        assert!(!names("floods in Wendhamton", "Wendham"));
        assert!(names("cases in Falkner", "Falkner County"));
    }
}
