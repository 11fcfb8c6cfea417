//! Who a figure is attributed to: `police said`, `according to the organisers`, `the ministry
//! puts the figure at`. Two sources that quote different claimants (police against organisers)
//! report a dispute between those claimants, not a disagreement between the sources; the
//! comparator leaves such pairs alone (see `compare::opposed_claimants`).

use std::ops::Range;

use crate::token::{Token, TokenKind};

/// Verbs that attribute a figure to whoever says it.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "claimed",
    "claims",
    "estimated",
    "estimates",
    "estimate",
    "put",
    "puts",
    "admitted",
    "admits",
    "reported",
    "reports",
    "counted",
    "counts",
    "confirmed",
    "confirms",
    "announced",
    "announces",
    "insisted",
    "insists",
    "stated",
    "states",
];

/// Verbs that report a forecast or an expectation: `would` after them is reported speech
/// (`forecast that the economy would grow 1.4 percent`), not a hypothetical.
const FORECASTING: &[&str] = &[
    "forecast",
    "forecasts",
    "predicted",
    "predicts",
    "expected",
    "expects",
    "projected",
    "projects",
    "warned",
    "warns",
];

/// Whether a forecasting verb comes before token `at`: `would` after one (`forecast that
/// the economy would grow 1.4 percent`) reports the forecast, where `said the toll could
/// rise` stays a conjecture.
pub fn forecast_before(tokens: &[Token], at: usize) -> bool {
    tokens[..at.min(tokens.len())]
        .iter()
        .any(|t| FORECASTING.contains(&t.folded.as_ref()))
}

/// Words between a claimant and its verb that do not end the claimant's phrase.
const BETWEEN: &[&str] = &[
    "also",
    "already",
    "still",
    "just",
    "so",
    "even",
    "later",
    "earlier",
    "had",
    "have",
    "has",
    "initially",
    "now",
    "then",
    "first",
];

/// Words that never head a claimant's phrase: besides the words that are never a noun
/// ([`super::FUNCTION_WORDS`]: conjunctions, auxiliaries, pronouns, particles) and weekdays,
/// prepositions and words of time (`..., and says 260 bridges`: `and` joins a second verb to
/// the subject of the first; `the company yesterday announced`, `Brannock last night told`).
/// A head read as one of them is not a claimant.
const NEVER_HEADS: &[&str] = &[
    "yet",
    "than",
    "as",
    "if",
    "because",
    "while",
    "when",
    "where",
    "whom",
    "to",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "into",
    "about",
    "after",
    "before",
    "not",
    "there",
    "here",
    "this",
    "these",
    "those",
    "do",
    "does",
    "did",
    "yesterday",
    "today",
    "tonight",
    "night",
    "morning",
    "afternoon",
    "evening",
    "week",
    "weekend",
    "month",
    "year",
];

/// Whether a word may not head a claimant's phrase (see [`NEVER_HEADS`]).
fn never_heads(word: &str) -> bool {
    NEVER_HEADS.contains(&word) || super::FUNCTION_WORDS.contains(&word) || crate::when::is_weekday_name(word)
}

/// Words of time between a claimant and its verb: `Tessaly yesterday announced`.
const TIME_BETWEEN: &[&str] = &["yesterday", "today", "tonight"];

/// Periods that `last` or `this` make a time between a claimant and its verb: `Brannock
/// last night told`.
const TIME_PERIODS: &[&str] = &[
    "night",
    "morning",
    "afternoon",
    "evening",
    "week",
    "weekend",
    "month",
    "year",
];

/// Claimants that name nobody in particular: two outlets quoting "officials" and "police" may
/// well quote the same people, so such a claimant never sets two figures apart.
const UNSPECIFIC: &[&str] = &[
    "official",
    "authority",
    "source",
    "report",
    "people",
    "person",
    "expert",
    "analyst",
    "witness",
    "resident",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "who",
    "which",
    "that",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "statement",
    "media",
    "figure",
    "data",
    "estimate",
    "count",
    "update",
    "tally",
    "toll",
    "filing",
    "document",
    "record",
];

/// The claimant of the figure at tokens `claim` of a sentence: the head word of the phrase
/// that says it, normalized (lower case, singular, `-ize` spelled `-ise`, no dots), or `None`
/// when the sentence attributes it to nobody in particular.
#[cfg(test)]
pub fn claimant(tokens: &[Token], claim: Range<usize>) -> Option<String> {
    claimant_in(tokens, claim, &mut Heads::default())
}

/// The heads of phrases [`claimant_in`] has read in one sentence, by where it read them: the
/// figures of a sentence mostly share their reporting verb, whose claimant is read once.
#[derive(Default)]
pub struct Heads(Vec<(HeadAt, Option<String>)>);

/// Where a head is read: before the verb at an index down to a floor, or after an index up to
/// an end.
#[derive(Clone, Copy, PartialEq)]
enum HeadAt {
    Before { verb: usize, floor: usize },
    After { start: usize, end: usize },
}

impl Heads {
    fn head(&mut self, tokens: &[Token], at: HeadAt) -> Option<String> {
        if let Some((_, head)) = self.0.iter().find(|(a, _)| *a == at) {
            return head.clone();
        }
        let head = match at {
            HeadAt::Before { verb, floor } => head_before(tokens, verb, floor),
            HeadAt::After { start, end } => head_after(tokens, start, end),
        };
        self.0.push((at, head.clone()));
        head
    }
}

/// [`claimant`], with the heads already read in the sentence of `tokens`.
pub fn claimant_in(tokens: &[Token], claim: Range<usize>, heads: &mut Heads) -> Option<String> {
    let clause = clause_around(tokens, &claim);
    // The nearest attribution in the figure's clause, by distance in tokens.
    let mut best: Option<(usize, String)> = None;
    for i in clause.clone() {
        let t = &tokens[i];
        if i >= claim.start && i < claim.end {
            continue;
        }
        let distance = if i < claim.start {
            claim.start - i
        } else {
            i - claim.end
        };
        if best.as_ref().is_some_and(|(d, _)| distance >= *d) {
            continue;
        }
        let head = if t.is("according") && tokens.get(i + 1).is_some_and(|n| n.is("to")) {
            heads.head(
                tokens,
                HeadAt::After {
                    start: i + 2,
                    end: clause.end,
                },
            )
        } else if REPORTING.iter().any(|v| t.is(v))
            && !is_noun_use(tokens, i)
            && !idle_put(tokens, i, clause.end)
        {
            heads
                .head(
                    tokens,
                    HeadAt::Before {
                        verb: i,
                        floor: clause.start,
                    },
                )
                .or_else(|| {
                    // `..., said the Interior Ministry.`: the claimant after its verb, which
                    // follows a comma or a closing quote. After a passive (`had been
                    // confirmed dead`, `have been told to leave`) the words are no speaker.
                    (i > claim.end && inverted(tokens, i))
                        .then(|| {
                            heads.head(
                                tokens,
                                HeadAt::After {
                                    start: i + 1,
                                    end: clause.end,
                                },
                            )
                        })
                        .flatten()
                })
        } else {
            None
        };
        let Some(head) = head else { continue };
        best = Some((distance, head));
    }
    best.map(|(_, head)| head)
        .filter(|h| !UNSPECIFIC.contains(&h.as_str()) && !never_heads(h))
}

/// `put` reports a figure only as `put the figure at`: `told to stay put`, `put in €60,000`
/// name nobody.
fn idle_put(tokens: &[Token], i: usize, end: usize) -> bool {
    (tokens[i].is("put") || tokens[i].is("puts")) && !tokens[i + 1..end].iter().any(|t| t.is("at"))
}

/// Whether the reporting verb at `i` comes right after a comma or a quotation mark, where a
/// speaker follows it (`..., said the ministry`, `"...," says Ana Ruiz`).
fn inverted(tokens: &[Token], i: usize) -> bool {
    i.checked_sub(1)
        .map(|p| &tokens[p])
        .is_some_and(|t| matches!(t.text, "," | "\"" | "\u{201d}" | "'" | "\u{2019}"))
}

/// `on eight counts`, `the estimates`, `12 claims`: a reporting word after a number or a
/// determiner is a plural noun, not a verb.
fn is_noun_use(tokens: &[Token], i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|p| &tokens[p]) else {
        return false;
    };
    prev.is_number()
        || crate::number::number_word(&prev.folded).is_some()
        || [
            "the", "a", "these", "those", "its", "their", "his", "her", "all", "both",
        ]
        .iter()
        .any(|d| prev.is(d))
}

/// Whether `word` (lower case) is a verb that attributes a figure: `said`, `estimated`, ...
pub fn is_reporting(word: &str) -> bool {
    REPORTING.contains(&word)
}

/// Whether the sentence holds any word that attributes a figure (`said`, `according to`, ...):
/// without one, no figure of it has a claimant, and [`claimant`] need not be asked.
pub fn attributes(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .any(|t| t.is_word() && (t.is("according") || REPORTING.contains(&t.folded.as_ref())))
}

/// The token range of the figure's clause: up to `;`, `:` (not in a number) or a bracket.
fn clause_around(tokens: &[Token], claim: &Range<usize>) -> Range<usize> {
    let ends = |t: &Token| t.kind == TokenKind::Punct && matches!(t.text, ";" | "(" | ")" | "[" | "]");
    let start = tokens[..claim.start].iter().rposition(ends).map_or(0, |i| i + 1);
    let end = tokens[claim.end.min(tokens.len())..]
        .iter()
        .position(ends)
        .map_or(tokens.len(), |i| claim.end + i);
    start..end
}

/// The head of the noun phrase that ends right before the verb at `verb`: `police` in `Even
/// police admitted`, `organiser` in `Organizers from the Workers' Front claimed`, `police` in
/// `a police spokeswoman, Ilka Varos, told`.
fn head_before(tokens: &[Token], verb: usize, floor: usize) -> Option<String> {
    let mut i = verb;
    loop {
        if i > floor
            && (BETWEEN.iter().any(|w| tokens[i - 1].is(w))
                || TIME_BETWEEN.iter().any(|w| tokens[i - 1].is(w))
                || tokens[i - 1].folded.ends_with("ly"))
        {
            i -= 1;
        } else if i > floor + 1
            && TIME_PERIODS.iter().any(|w| tokens[i - 1].is(w))
            && (tokens[i - 2].is("last") || tokens[i - 2].is("this"))
        {
            i -= 2;
        } else {
            break;
        }
    }
    // `It estimates ..., and says 260 bridges ...`: a verb joined by `and` to an earlier one
    // says what the earlier verb's subject says.
    if i > floor && ["and", "but", "or"].iter().any(|w| tokens[i - 1].is(w)) {
        let earlier = tokens[floor..i - 1]
            .iter()
            .rposition(|t| t.is_word() && REPORTING.contains(&t.folded.as_ref()));
        return match earlier {
            Some(earlier) => head_before(tokens, earlier + floor, floor),
            None => named_subject(&tokens[floor..i - 1]),
        };
    }
    // `Damage is estimated at`, `an estimated 14,000`: a passive or an adjective, no claimant.
    if i > floor
        && [
            "is", "was", "are", "were", "be", "been", "being", "a", "an", "the",
        ]
        .iter()
        .any(|w| tokens[i - 1].is(w))
    {
        return None;
    }
    // A name set off by commas before the verb stands for the phrase before it.
    if i > floor && tokens[i - 1].text == "," {
        let comma = tokens[floor..i - 1].iter().rposition(|t| t.text == ",")? + floor;
        let named = tokens[comma + 1..i - 1]
            .iter()
            .all(|t| t.is_word() && t.text.chars().next().is_some_and(char::is_uppercase));
        if !named || comma + 1 == i - 1 {
            return None;
        }
        i = comma;
    }
    let mut words: Vec<&Token> = tokens[floor..i]
        .iter()
        .rev()
        .take_while(|t| t.is_word() || t.text == "'" || t.text == "’")
        .filter(|t| t.is_word())
        .take(6)
        .collect();
    words.reverse();
    let last = *words.last()?;
    let unspecific = |t: &Token| UNSPECIFIC.contains(&normalize(t).as_str());
    // `Organizers from the Workers' Front`, `a spokesman for the ministry`.
    if let Some(p) = words
        .iter()
        .rposition(|t| ["for", "from", "of", "at", "with"].iter().any(|w| t.is(w)))
    {
        if p > 0 && p + 1 < words.len() {
            let left = words[p - 1];
            return Some(normalize(if unspecific(left) { last } else { left }));
        }
    }
    // `a police spokeswoman`, `ministry officials`: the word that says whose.
    if unspecific(last) && words.len() >= 2 {
        let before = words[words.len() - 2];
        let determiner = ["a", "an", "the", "senior", "two", "three", "local", "some"]
            .iter()
            .any(|d| before.is(d));
        if !determiner {
            return Some(normalize(before));
        }
    }
    Some(normalize(last))
}

/// The name a clause opens with, when it is one of two words or more (`Prime Minister Ana
/// Varga, who flew in on Monday, declared ... and said`, `The Harbour Board ... and says`):
/// the subject of the verbs `and` joins. A single capitalised word may be any sentence's
/// first word (`Prices rose, and ...`), and gives none.
fn named_subject(clause: &[Token]) -> Option<String> {
    let capitalised = |t: &&Token| t.is_word() && t.text.chars().next().is_some_and(char::is_uppercase);
    let run: Vec<&Token> = clause.iter().take_while(capitalised).collect();
    let named = run.iter().filter(|t| !t.is("the")).count();
    (named >= 2).then(|| normalize(run[run.len() - 1]))
}

/// The head of the noun phrase starting at `from`: its last word before a verb, a comma or
/// the clause's end (`the U.N. refugee agency` gives `agency`).
fn head_after(tokens: &[Token], from: usize, ceiling: usize) -> Option<String> {
    let mut head = None;
    // `the state Department of Health's Thursday update`: the owner of a report says it.
    let mut phrase: Vec<&Token> = Vec::new();
    let mut owner = None;
    for t in tokens.get(from..ceiling)? {
        let word = t.is_word() || (t.text == "." && head.is_some() && !t.space_before);
        if !word
            || t.is("on")
            || t.is("in")
            || t.is("who")
            || t.is("which")
            || REPORTING.iter().any(|v| t.is(v))
        {
            break;
        }
        if t.is_word() && !["the", "a", "an"].iter().any(|d| t.is(d)) {
            head = Some(t);
        }
        phrase.push(t);
        if t.folded.ends_with("'s") || t.folded.ends_with("’s") {
            owner = Some(owner_head(&phrase));
        }
    }
    // Normalized once, for the last head word only.
    match (head.map(normalize), owner) {
        (Some(h), Some(o)) if UNSPECIFIC.contains(&h.as_str()) => Some(o),
        (head, _) => head,
    }
}

/// The head of an owner's phrase (`the state Department of Health's`): the word before `of`
/// when it has one, as [`head_before`] reads `the Department of Health said`, else its last
/// word.
fn owner_head(phrase: &[&Token]) -> String {
    let words: Vec<&Token> = phrase.iter().copied().filter(|t| t.is_word()).collect();
    match words.iter().rposition(|t| t.is("of")) {
        Some(p) if p > 0 => normalize(words[p - 1]),
        _ => words.last().map_or_else(String::new, |t| normalize(t)),
    }
}

/// Lower case, without dots or a possessive, singular, with `-ize` spelled `-ise`.
fn normalize(t: &Token) -> String {
    let folded = crate::token::trim_possessive(&t.folded);
    // Dots dropped and `iz` spelled `is` in one pass (`iz` cannot overlap itself, so this is
    // `replace("iz", "is")` on the word without dots).
    let mut word = String::with_capacity(folded.len());
    for c in folded.chars().filter(|c| *c != '.') {
        word.push(if c == 'z' && word.ends_with('i') { 's' } else { c });
    }
    // An acronym is a name, not a plural: `INS`, `AFRS`.
    let acronym = t.text.len() > 1 && t.text.chars().all(|c| c.is_ascii_uppercase());
    if acronym {
        word
    } else {
        super::singular(&word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::token::tokenize;

    /// The claimant of the first number in `text`.
    fn of(text: &str) -> Option<String> {
        let tokens = tokenize(text, 0..text.len());
        let at = tokens.iter().position(Token::is_number).expect("a number");
        claimant(&tokens, at..at + 1)
    }

    #[test]
    fn normalize_drops_dots_and_possessives_and_spells_ize_ise() {
        for w in [
            "Organizers",
            "U.N.",
            "ministry's",
            "agency’s",
            "i.z",
            "iizz",
            "Izvestia",
            "organiser",
            "police",
            "analyses",
            "authorities",
            "z",
            "",
        ] {
            let t = Token {
                kind: TokenKind::Word,
                text: w,
                span: 0..w.len(),
                space_before: false,
                folded: w.to_lowercase().into(),
            };
            let old: String = t
                .folded
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .chars()
                .filter(|c| *c != '.')
                .collect();
            assert_eq!(
                normalize(&t),
                crate::key::singular(&old.replace("iz", "is")),
                "{w}"
            );
        }
    }

    #[test]
    fn claimants_are_found_before_and_after_their_verb() {
        assert_eq!(
            of("About 80,000 people marched on Saturday, police said.").as_deref(),
            Some("police")
        );
        assert_eq!(
            of("Organizers claimed 250,000 people had joined.").as_deref(),
            Some("organiser")
        );
        assert_eq!(
            of("The organisers said 250,000 had joined.").as_deref(),
            Some("organiser")
        );
        assert_eq!(
            of("Even police admitted 100,000 had turned out.").as_deref(),
            Some("police")
        );
        assert_eq!(
            of("The government puts the figure at 150,000.").as_deref(),
            Some("government")
        );
        assert_eq!(
            of("More than 150,000 people have crossed, said the Interior Ministry.").as_deref(),
            Some("ministry")
        );
        assert_eq!(
            of("About 6,000 a day cross, according to the U.N. refugee agency.").as_deref(),
            Some("agency")
        );
        assert_eq!(
            of("UNHCR says 118,000 people have crossed.").as_deref(),
            Some("unhcr")
        );
    }

    #[test]
    fn a_reporting_word_after_a_number_is_a_noun() {
        assert_eq!(of("He was convicted on 8 counts of fraud."), None);
        assert_eq!(of("A jury found him guilty of 9 counts of wire fraud."), None);
        assert_eq!(of("He faces 9 claims from the estimates of 2024."), None);
        assert_eq!(
            of("Police counts put the crowd at 9,000.").as_deref(),
            Some("police")
        );
    }

    #[test]
    fn the_owner_of_a_report_is_its_claimant() {
        let owned = "So far 33 have needed hospital care, according to the state Department of Health's Thursday update.";
        let said = "The state Department of Health said 38 people had been hospitalized.";
        assert_eq!(of(owned).as_deref(), Some("department"));
        assert_eq!(of(said), of(owned));
        assert_eq!(
            of("Some 40 died, according to the ministry's latest tally.").as_deref(),
            Some("ministry")
        );
        // A report with no owner names nobody in particular.
        assert_eq!(of("Some 40 died, according to the latest update."), None);
        assert_eq!(
            of("According to court filings, investors lost $1.2 billion."),
            None
        );
    }

    #[test]
    fn function_words_and_times_are_never_claimants() {
        // A second verb joined by `and` says what the first verb's subject says.
        let last = |text: &str| {
            let tokens = tokenize(text, 0..text.len());
            let at = tokens.iter().rposition(Token::is_number).expect("a number");
            claimant(&tokens, at..at + 1)
        };
        assert_eq!(
            last("The union puts the strikers at 9,000, against the firm's count of 4,000, and says 40 depots are shut.")
                .as_deref(),
            Some("union")
        );
        assert_eq!(
            last("The guild estimates the shortfall at $3 billion and says 75 schools should close.")
                .as_deref(),
            Some("guild")
        );
        // Counter-test: with no earlier verb there is nobody, not `and`.
        assert_eq!(of("Prices rose, and says 40 shops are shut."), None);
        // With no earlier reporting verb, the name the clause opens with.
        assert_eq!(
            of("Mayor Ines Talbot, who toured the site, declared an emergency and said 30 homes were lost.")
                .as_deref(),
            Some("talbot")
        );
        // A time between the speaker and the verb is skipped.
        assert_eq!(
            of("Norvale Foods yesterday announced 1,200 job cuts.").as_deref(),
            Some("food")
        );
        assert_eq!(
            of("The carmaker last night told owners of 40,000 vans to stay away.").as_deref(),
            Some("carmaker")
        );
        assert_eq!(of("Yesterday announced 20 cuts."), None);
        // A pronoun is nobody in particular; a name spelled like a verb is still a name.
        assert_eq!(of("By our count, 40 shops are shut."), None);
        assert_eq!(
            of("\"Three failures in 24 flights is a lot,\" said Graham Fell, a broker.").as_deref(),
            Some("fell")
        );
        // A weekday, as the only word before the verb, is no speaker.
        assert_eq!(of("Monday saw 40 shops shut."), None);
    }

    #[test]
    fn put_reports_only_a_figure_put_at_a_value() {
        assert_eq!(
            of("\"They told us to stay put,\" said a man who lives on the 12th floor.").as_deref(),
            None
        );
        assert_eq!(
            of("The council puts the damage at $40 million.").as_deref(),
            Some("council")
        );
    }

    #[test]
    fn acronyms_are_not_plurals() {
        assert_eq!(
            of("The NHS said 38 patients were treated.").as_deref(),
            Some("nhs")
        );
        assert_eq!(
            of("The firefighters said 38 homes burned.").as_deref(),
            Some("firefighter")
        );
    }

    #[test]
    fn words_after_a_passive_verb_are_no_speaker() {
        assert_eq!(
            of("The agency said at noon that 52 people had been confirmed dead.").as_deref(),
            Some("agency")
        );
        assert_eq!(of("Around 300 homes have been told to leave."), None);
        // Counter-test: a speaker after a verb that follows a comma is read.
        assert_eq!(
            of("About 300 homes were flooded, said the river authority board.").as_deref(),
            Some("board")
        );
    }

    #[test]
    fn unspecific_or_absent_claimants_are_none() {
        assert_eq!(of("At least 40 people died, officials said."), None);
        assert_eq!(of("At least 40 people died, he said."), None);
        assert_eq!(of("Damage is already estimated at $100 million."), None);
        assert_eq!(of("An estimated 14,000 residents fled."), None);
        assert_eq!(of("At least 40 people died in the flood."), None);
        // Another clause's attribution is not this figure's.
        assert_eq!(
            of("At least 40 people died; police said the road was closed."),
            None
        );
    }
}
