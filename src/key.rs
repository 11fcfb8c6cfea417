//! Keying: gives every claim the key of the real-world quantity it states, so that claims
//! from different sources about the same quantity meet in the comparator.
//!
//! A key is built from the rule classes whose terms stand next to the figure: a subject
//! (`troops`), optionally refined by a role (`troops.deployed`); a time point takes the key of
//! the event it dates (`visit.since`, `parade.date`). Event-pack facts then narrow generic keys
//! by context (`troops` in a sentence about the parade is `parade.troops`). A claim that gives
//! no confident key stays unkeyed: it is listed by `facts` but never compared, because a wrong
//! key is a false alarm and a missing one is only a missed comparison.

use std::cell::OnceCell;
use std::ops::Range;

use crate::claim::{Claim, Kind, Qualifier, Relation};
use crate::rules::{Class, RuleSet};
use crate::token::{tokenize, Token, TokenKind};

mod claimant;
mod live;
mod place;
mod scope;

pub use live::date_earlier_updates;
pub use place::{key_other_places, OPENING_SENTENCES};

/// Assigns `key` and `noun` to every claim of one document.
///
/// `published` anchors figures to past years: in a sentence about "the 2004 earthquake", a
/// death toll is keyed `dead@2004` and never meets this year's toll.
pub fn assign_keys(text: &str, claims: &mut [Claim], rules: &RuleSet, published: Option<chrono::NaiveDate>) {
    // Claims come in sentence order; each sentence is tokenized once and keyed on its own, so
    // the cost stays linear in the size of the document.
    let mut start = 0;
    while start < claims.len() {
        let sentence = claims[start].sentence.clone();
        let end = start
            + claims[start..]
                .iter()
                .take_while(|c| c.sentence == sentence)
                .count();
        key_sentence(text, &sentence, &mut claims[start..end], rules, published);
        start = end;
    }
}

/// Keys the claims of one sentence.
fn key_sentence(
    text: &str,
    sentence: &Range<usize>,
    claims: &mut [Claim],
    rules: &RuleSet,
    published: Option<chrono::NaiveDate>,
) {
    let tokens = tokenize(text, sentence.clone());
    key_sentence_tokens(text, &tokens, claims, rules, published);
}

/// Keys the claims of one sentence whose tokens are already known (see
/// [`crate::extract::extract_each`]); the same keys as [`assign_keys`] gives them.
pub fn key_sentence_tokens(
    text: &str,
    tokens: &[Token],
    claims: &mut [Claim],
    rules: &RuleSet,
    published: Option<chrono::NaiveDate>,
) {
    let anchors = past_years(text, claims, published);
    let days = past_days(claims, published);
    let time_spans: Vec<Range<usize>> = claims
        .iter()
        .filter(|c| c.kind.is_time_point())
        .map(|c| c.span.clone())
        .collect();
    // Dates between a figure and its noun ("the toll from the quake on March 12 rose to 1,870")
    // do not cut the figure off from it: their tokens are left out of its windows.
    let no_spans = time_spans.is_empty();
    let mut without_dates = Vec::new();
    if !no_spans {
        tokens_outside(&mut without_dates, tokens, &time_spans, |_| false);
    }
    // `In the previous eruption, about 800 earthquakes...`, `a similar storm killed 18`: another
    // instance of the event.
    let other_instance = tokens
        .iter()
        .any(|t| ["previous", "prior", "similar", "former"].iter().any(|w| t.is(w)))
        || refers_back(tokens)
        || last_event(tokens, rules);
    // `the strongest storm since Hurricane Vance, which killed 31 people`: the figures after
    // an earlier named event are that event's.
    let earlier_event = since_named_event(tokens, rules);
    let rival = names_rival(tokens);
    let words = OnceCell::new();
    let attributed = claimant::attributes(tokens);
    let mut heads = claimant::Heads::default();
    // Reused from claim to claim: the tokens a time claim sees without the other times.
    let mut visible_for_time = Vec::new();
    for i in 0..claims.len() {
        let (earlier, rest) = claims.split_at_mut(i);
        let claim = &mut rest[0];
        let own_time = claim.kind.is_time_point() && time_spans.len() > 1;
        if own_time {
            tokens_outside(&mut visible_for_time, tokens, &time_spans, |span| {
                *span == claim.span
            });
        }
        let keying_tokens: &[Token] = if own_time {
            &visible_for_time
        } else if claim.kind.is_time_point() || no_spans {
            tokens
        } else {
            &without_dates
        };
        claim.claimant = attributed
            .then(|| claimant::claimant_in(tokens, claim_tokens(tokens, &claim.span), &mut heads))
            .flatten()
            .map(Into::into);
        let mut keyed = generic_key(keying_tokens, claim, rules);
        let range = claim_tokens(keying_tokens, &claim.span);
        if keyed.key.is_none()
            && is_the_figure(keying_tokens, &range)
            && !is_side_figure(keying_tokens, &range, claim.kind)
        {
            // The quantity of the nearest earlier figure of the same kind, even if that one is
            // a part (`In the capital alone, turnout reached 74.9 per cent, well above the
            // national figure of 64.8 per cent`).
            if let Some(prev) = earlier
                .iter()
                .rev()
                .find(|c| c.kind == claim.kind && c.value.is_some())
            {
                let prev_tokens: &[Token] = if no_spans { tokens } else { &without_dates };
                let prev_range = claim_tokens(prev_tokens, &prev.span);
                let prev_keyed = kind_key(prev_tokens, prev_range, prev, rules);
                keyed.key = prev_keyed.key;
            }
        }
        claim.noun = keyed.noun.map(Into::into);
        claim.key = keyed
            .key
            .map(|generic| of_rival(generic, rival, claim.kind, rules))
            .map(|generic| {
                let counted = !claim.kind.is_time_point() && claim.kind != Kind::Ordinal;
                let mut key = match scope::wide_scope(keying_tokens, range.clone()).filter(|_| counted) {
                    Some(scope) => format!("{generic}.{scope}"),
                    None => generic,
                };
                // What a merger does (`will cut 3,500 jobs`) is the deal's, whoever is named;
                // only levels (staff, revenue, shares of them) differ for the merged whole.
                let role = key
                    .split('.')
                    .any(|segment| rules.class(segment).is_some_and(|c| c.role));
                if counted && !role && scope::merged(keying_tokens, range.clone()) {
                    key.push_str(".combined");
                } else if scope::company_part(keying_tokens, range.clone(), claim.kind) {
                    key.push_str(".division");
                }
                key
            })
            .map(|generic| match narrow(&generic, tokens, &words, rules) {
                Some(fact) => fact,
                None => match anchor(&anchors, claim, keying_tokens)
                    .or_else(|| day_of_move(&days, claim, tokens, keying_tokens, &range))
                {
                    Some(label) => format!("{generic}@{label}"),
                    None if (other_instance || earlier_event.is_some_and(|at| claim.span.start > at))
                        && !claim.kind.is_time_point()
                        && claim.kind != Kind::Ordinal =>
                    {
                        format!("{generic}@other")
                    }
                    None => generic,
                },
            })
            .map(Into::into);
    }
    mark_earlier_values(tokens, claims);
}

/// The anchor of a figure that a sentence gives as the earlier value of the figure before it:
/// `183 homes have been destroyed, up from 146 yesterday`, `870,000 homes were without power,
/// down from a peak of 1.12 million`. Such a figure (`homes.destroyed@earlier`) is not graded
/// on its own; the comparator reads it as telling that the two values are one running figure
/// at two times (see `compare::earlier_pairs`).
pub const EARLIER: &str = "@earlier";

/// Keys each figure given as an earlier value (see [`EARLIER`]) by the key of the nearest figure
/// of the same kind and unit before it in the sentence, when that key has no anchor.
fn mark_earlier_values(tokens: &[Token], claims: &mut [Claim]) {
    if let Some(after) = earlier_report(tokens) {
        for claim in claims
            .iter_mut()
            .filter(|c| c.span.start >= after && !c.kind.is_time_point())
        {
            if let Some(key) = claim.key.as_deref().filter(|k| !k.contains('@')) {
                claim.key = Some(format!("{key}{EARLIER}").into());
            }
        }
    }
    // `cut the weight limit from 40 tonnes to 18 tonnes`: the figure after `from` is the earlier
    // value of the one after `to`.
    for i in 0..claims.len().saturating_sub(1) {
        let (claim, next) = (&claims[i], &claims[i + 1]);
        if claim.kind.is_time_point()
            || claim.kind != next.kind
            || claim.unit != next.unit
            || claim.value.is_none()
        {
            continue;
        }
        let range = claim_tokens(tokens, &claim.span);
        let next_range = claim_tokens(tokens, &next.span);
        let from = range.start > 0 && tokens[range.start - 1].is("from");
        // `from 40 to 18`, `from 40 tonnes to 18 tonnes`: a unit word may stand before `to`.
        let to = next_range.start > range.end
            && next_range.start <= range.end + 2
            && tokens[next_range.start - 1].is("to")
            && tokens[range.end..next_range.start - 1].iter().all(Token::is_word);
        if let (true, true, Some(key)) = (from, to, next.key.as_deref().filter(|k| !k.contains('@'))) {
            claims[i].key = Some(format!("{key}{EARLIER}").into());
        }
    }
    for i in 1..claims.len() {
        let claim = &claims[i];
        if claim.kind.is_time_point() || claim.value.is_none() {
            continue;
        }
        if !is_earlier_value(tokens, &claim_tokens(tokens, &claim.span)) {
            continue;
        }
        let current = claims[..i]
            .iter()
            .rev()
            .find(|c| c.kind == claim.kind && c.unit == claim.unit && c.value.is_some())
            .and_then(|c| c.key.as_deref())
            .filter(|k| !k.contains('@'))
            .map(|k| format!("{k}{EARLIER}"));
        if let Some(key) = current {
            claims[i].key = Some(key.into());
        }
    }
}

/// Where a report in the past perfect ends, in a sentence that gives one: `Late on Wednesday,
/// officials had put the toll at four dead, 29 injured and 11 missing`, `The coastguard had
/// said on Sunday that at least 1,500 tonnes had escaped`. Told before the article's present,
/// such a report is an earlier one, and its figures are earlier values (see [`EARLIER`]).
/// A sentence opening with `By` (`By Friday evening officials had confirmed 19 deaths`) gives
/// the figure as of that time, which may be the latest one; `put` reports only as `put ...
/// at` (`she had put $180,000 into an account` reports nothing).
fn earlier_report(tokens: &[Token]) -> Option<usize> {
    if tokens.first().is_some_and(|t| t.is("by")) {
        return None;
    }
    let at = tokens.windows(2).position(|w| {
        w[0].is("had")
            && w[1].is_word()
            && w[1].folded.ends_with(['d', 't'])
            && claimant::is_reporting(&w[1].folded)
    })?;
    let verb = &tokens[at + 1];
    let put = verb.is("put") && !tokens[at + 2..].iter().take(8).any(|t| t.is("at"));
    (!put).then_some(verb.span.end)
}

/// Whether the figure at tokens `range` follows a change word and `from`: `up from 146`,
/// `down from a peak of 1.12 million`, `rising from 12%`.
fn is_earlier_value(tokens: &[Token], range: &Range<usize>) -> bool {
    const MOVES: &[&str] = &[
        "up",
        "down",
        "rising",
        "falling",
        "rose",
        "fell",
        "increased",
        "decreased",
        "dropped",
        "climbed",
        "grew",
        "shrank",
        "declined",
    ];
    let mut i = range.start;
    let back = |i: usize, words: &[&str]| i > 0 && words.iter().any(|w| tokens[i - 1].is(w));
    if back(i, &["of"]) {
        i -= 1;
        if !back(
            i,
            &["peak", "high", "low", "total", "figure", "count", "toll", "level"],
        ) {
            return false;
        }
        i -= 1;
        if back(i, &["a", "the", "its", "their"]) {
            i -= 1;
        }
    }
    back(i, &["from"]) && back(i - 1, MOVES)
}

/// The tokens outside every span of `spans` that `keep` does not keep, into `out` (cleared
/// first, so that one buffer serves every claim of a sentence).
fn tokens_outside<'t>(
    out: &mut Vec<Token<'t>>,
    tokens: &'t [Token],
    spans: &[Range<usize>],
    keep: impl Fn(&Range<usize>) -> bool,
) {
    out.clear();
    out.extend(
        tokens
            .iter()
            .filter(|t| {
                !spans
                    .iter()
                    .filter(|o| !keep(o))
                    .any(|o| t.span.start >= o.start && t.span.end <= o.end)
            })
            .map(Token::borrowed),
    );
}

/// `When the last Sahrel Basin summit was held`, `at the last election`: `last` before an
/// event (a class with dates) names the previous instance of it; `last week` or `the last 30
/// days` name no event.
fn last_event(tokens: &[Token], rules: &RuleSet) -> bool {
    tokens.iter().enumerate().any(|(i, t)| {
        if !t.is("last") {
            return false;
        }
        let after: Vec<&str> = tokens[i + 1..]
            .iter()
            .take_while(|t| t.is_word())
            .take(4)
            .map(|t| t.folded.as_ref())
            .collect();
        nearest_at(&after, false, rules, |c| !c.role && c.kinds.contains(&Kind::Date)).is_some()
    })
}

/// `Five officers were injured on that occasion`, `back then`, `that year`: the sentence points
/// back to an earlier event the article has just told of, not to this one.
/// Where `since` names an earlier event of a class of events (`since Hurricane Vance`, `since
/// the Great Kanto Earthquake`): two or more capitalised words, one of them a term of a class
/// that dates events. Returns the byte offset of `since`.
fn since_named_event(tokens: &[Token], rules: &RuleSet) -> Option<usize> {
    tokens.iter().enumerate().find_map(|(i, t)| {
        if !t.is("since") {
            return None;
        }
        let start = i + 1 + usize::from(tokens.get(i + 1).is_some_and(|t| t.is("the")));
        let name: Vec<&str> = tokens
            .get(start..)?
            .iter()
            .take_while(|t| t.is_word() && t.text.starts_with(|c: char| c.is_uppercase()))
            .take(4)
            .map(|t| t.folded.as_ref())
            .collect();
        // The event term is looked up as `last_event` looks up the one after `last`.
        let event = nearest_at(&name, false, rules, |c| !c.role && c.kinds.contains(&Kind::Date)).is_some();
        (name.len() >= 2 && event).then_some(t.span.start)
    })
}

fn refers_back(tokens: &[Token]) -> bool {
    // Each pair of consecutive words, without gathering the sentence's words first.
    let mut words = tokens.iter().filter(|t| t.is_word()).map(|t| t.folded.as_ref());
    let Some(mut prev) = words.next() else {
        return false;
    };
    words.any(|w| {
        let pair = matches!(
            (prev, w),
            ("that", "occasion") | ("back", "then") | ("that", "year")
        );
        prev = w;
        pair
    })
}

/// True when the sentence names a rival company or competitor: `Rival Norvik Systems posted
/// revenue of $3.9bn`, `Norvik, Veltra's closest rival, cut 1,500 jobs`. A rival or competitor
/// word counts only beside a proper name (before it, or after a possessive name), so that
/// `clashes between rival groups` names no other entity.
fn names_rival(tokens: &[Token]) -> bool {
    const RIVALS: &[&str] = &["rival", "rivals", "competitor", "competitors"];
    let capitalised = |t: &Token| t.is_word() && t.text.chars().next().is_some_and(char::is_uppercase);
    tokens.iter().enumerate().any(|(i, t)| {
        if !RIVALS.contains(&t.folded.as_ref()) {
            return false;
        }
        let named_after = tokens.get(i + 1).is_some_and(|n| capitalised(n) && !n.is("the"));
        let owner_before = tokens[i.saturating_sub(3)..i]
            .iter()
            .any(|p| capitalised(p) && (p.text.ends_with("'s") || p.text.ends_with("’s")));
        named_after || owner_before
    })
}

/// Figures of a sentence about a rival belong to the rival, not to the company the articles
/// cover: `revenue` becomes `revenue.rival`. Keys already scoped by a named entity
/// (`seats.sdu`), times and ordinals are left alone.
fn of_rival(key: String, rival: bool, kind: Kind, rules: &RuleSet) -> String {
    let base = key.split('.').next().unwrap_or_default();
    let by_entity = rules.class(base).is_some_and(|c| c.by_entity);
    if !rival || by_entity || kind.is_time_point() || kind == Kind::Ordinal {
        return key;
    }
    format!("{key}.rival")
}

/// A past time stated in a sentence, to which figures in the same clause belong.
struct Anchor {
    sentence: Range<usize>,
    span: Range<usize>,
    /// `2004`, or an ISO date for an as-of date (`by Tuesday`).
    label: String,
    /// Stated as `since 2015`: it names a past event but dates the figure only inside a
    /// relative clause about that event ("since the 2021 fire, which burned 62,000 acres").
    since: bool,
    /// Dates only the figures after it: a month of a past year after a figure (`lost $1.4bn
    /// when the firm froze withdrawals in November 2024`) often tells when something else
    /// happened.
    before_only: bool,
}

/// The past year or as-of date a figure belongs to: one stated in the same clause of its
/// sentence (no `;`, `:`, dash or bracket between them, and no `up from` or `than` that makes
/// one of them a comparison). Time points and ordinals name things and are never anchored.
fn anchor(anchors: &[Anchor], claim: &Claim, tokens: &[Token]) -> Option<String> {
    if claim.kind.is_time_point() || claim.kind == Kind::Ordinal {
        return None;
    }
    // Of the years that may date the figure, the nearest: in `violations during a 2025
    // inspection, and Corbel was fined €1.2m in 2024`, the fine is 2024's.
    let distance = |a: &Anchor| {
        if a.span.end <= claim.span.start {
            claim.span.start - a.span.end
        } else {
            a.span.start.saturating_sub(claim.span.end)
        }
    };
    let mut eligible: Vec<(usize, &Anchor)> = anchors.iter().map(|a| (distance(a), a)).collect();
    eligible.sort_by_key(|&(d, _)| d);
    eligible.into_iter().find_map(|(_, a)| {
        if a.sentence != claim.sentence {
            return None;
        }
        let year_first = a.span.end <= claim.span.start;
        let (from, to) = if year_first {
            (a.span.end, claim.span.start)
        } else {
            (claim.span.end, a.span.start)
        };
        let between: Vec<&Token> = tokens
            .iter()
            .filter(|t| t.span.start >= from && t.span.end <= to)
            .collect();
        // A past date dates the figures after it, and the figure of the noun it qualifies:
        // `A 24-hour stoppage in October`, `31 people in October 1998`.
        let qualifies_noun = between.len() <= 3
            && between.iter().all(|t| t.is_word())
            && between
                .last()
                .is_some_and(|t| ["in", "on", "during"].iter().any(|w| t.is(w)));
        if a.before_only && !year_first && !qualifies_noun {
            return None;
        }
        // `the highest reading since the gauge was moved in 2004`: a year inside a `since`
        // phrase after the figure dates what it is compared with, not the figure.
        let since_after = !year_first && between.iter().any(|t| t.is("since"));
        let separated = since_after
            || between.iter().any(|t| {
                matches!(t.text, ";" | ":" | "—" | "–" | "(" | ")")
                    || [
                        "from", "than", "compared", "versus", "vs", "while", "whereas", "but",
                    ]
                    .iter()
                    .any(|w| t.is(w))
            });
        // `growth of 1.4 per cent in 2026, rising to 1.7 per cent in 2027`: a year after
        // the figure dates the nearest figure before it, not one further back.
        // A name's digits (`Kessel-7`, written solid after a hyphen) are no figure.
        let figure = |t: &&Token| {
            t.is_number()
                && (t.space_before
                    || !tokens
                        .iter()
                        .rposition(|p| p.span.end <= t.span.start)
                        .is_some_and(|p| tokens[p].is_hyphen() && p > 0 && tokens[p - 1].is_word()))
        };
        let separated = separated || (!year_first && between.iter().any(figure));
        let relative_clause = year_first
            && between
                .iter()
                .any(|t| ["which", "that", "when", "where", "who"].iter().any(|w| t.is(w)));
        (!separated && (!a.since || relative_clause)).then(|| a.label.clone())
    })
}

/// Past years (before the publication year) and as-of dates (`by Tuesday`, `as of March 3`,
/// at least a day before publication) stated in each sentence.
///
/// Without a publication date the current year is unknown, so every year a sentence states
/// dates its figures: `the 2021 fire, which killed four` must not meet this fire's toll, and
/// a figure wrongly set apart is a comparison missed, where one wrongly joined is a false alarm.
fn past_years(text: &str, claims: &[Claim], published: Option<chrono::NaiveDate>) -> Vec<Anchor> {
    let this_year = published.map(|p| f64::from(chrono::Datelike::year(&p)));
    let today = published.map(crate::when::day_number);
    claims
        .iter()
        .filter_map(|c| {
            if let Some(label) = unresolved_year_label(c) {
                return Some(Anchor {
                    sentence: c.sentence.clone(),
                    span: c.span.clone(),
                    label,
                    since: c.relation == Some(Relation::Since),
                    before_only: false,
                });
            }
            // A date read one of two ways dates nothing: the anchor would be a guess.
            if c.doubt.is_some_and(|d| d.keeps_out()) {
                return None;
            }
            let v = c.value?;
            // `Before 2020, ...`, `After 2018, ...`: an open year still dates its clause by the
            // year it names.
            let (lo, hi) = match (v.lo_value(), v.hi_value(), c.kind, c.stated) {
                (Some(lo), Some(hi), ..) => (lo, hi),
                (_, _, Kind::Year, Some((a, b))) if a == b => (a, b),
                _ => return None,
            };
            let as_of = c.relation == Some(Relation::AsOf) || as_of_words(&words_before(text, c));
            let year_of = |d: f64| crate::when::date_of(d).map(|d| f64::from(chrono::Datelike::year(&d)));
            let (mut before_only, mut label) = (false, None);
            match c.kind {
                // Past and future years alike: `96% of GDP in 2027-28` is a forecast.
                Kind::Year if lo == hi && Some(lo) != this_year => label = Some(format!("{}", lo as i64)),
                Kind::Date if as_of && today.is_some_and(|today| hi < today) => {
                    label = Some(crate::when::date_of(lo)?.to_string());
                }
                // `She was sentenced in February to four years`: a whole month before the month
                // of publication dates the figures after it, as a past year does.
                Kind::Date if whole_past_month(lo, hi, published) => {
                    label = Some(crate::when::date_of(lo)?.format("%Y-%m").to_string());
                    before_only = true;
                }
                // `In October 1998, when the river reached 9.2 metres, 31 people died`: a date
                // of a past year dates the figures after it by its year, like the year alone.
                Kind::Date if Some(year_of(hi)?) < this_year && year_of(lo) == year_of(hi) => {
                    label = Some(format!("{}", year_of(lo)? as i64));
                    before_only = true;
                }
                _ => {}
            }
            let label = label?;
            // `Veltra, founded in 1987, reported ...`: a year that defines the subject
            // dates nothing in the sentence.
            let defining = words_before(text, c).iter().any(|w| {
                lower_in(
                    w,
                    &[
                        "founded",
                        "established",
                        "born",
                        "built",
                        "formed",
                        "created",
                        "opened",
                        "launched",
                        "incorporated",
                    ],
                )
            });
            if defining {
                return None;
            }
            Some(Anchor {
                sentence: c.sentence.clone(),
                span: c.span.clone(),
                label,
                since: c.relation == Some(Relation::Since),
                before_only,
            })
        })
        .collect()
}

/// Days stated in a sentence that may date a day's move (see [`day_of_move`]), labelled by
/// their ISO date: a single day with a later weekday before publication, an earlier session
/// than the latest. The day before publication, or a Friday in a Monday paper, is the latest
/// session, the one outlets report without naming its day; without a publication date, no day
/// can be told to be an earlier session.
fn past_days(claims: &[Claim], published: Option<chrono::NaiveDate>) -> Vec<(Range<usize>, String)> {
    use chrono::Datelike;
    let Some(published) = published else {
        return Vec::new();
    };
    claims
        .iter()
        .filter(|c| c.kind == Kind::Date && c.relation.is_none())
        .filter_map(|c| {
            let v = c.value?;
            let (lo, hi) = (v.lo_value()?, v.hi_value()?);
            let day = crate::when::date_of(lo)?;
            let later_session = day
                .iter_days()
                .skip(1)
                .take_while(|d| *d < published)
                .any(|d| d.weekday().number_from_monday() <= 5);
            (lo == hi && later_session).then(|| (c.span.clone(), day.to_string()))
        })
        .collect()
}

/// Verbs (and `up`/`down`) that state a percentage as a move of one trading day or session.
const MOVE_WORDS: [&str; 24] = [
    "fell",
    "rose",
    "dropped",
    "plunged",
    "plummeted",
    "crashed",
    "tumbled",
    "slid",
    "sank",
    "slumped",
    "jumped",
    "surged",
    "soared",
    "climbed",
    "gained",
    "lost",
    "rallied",
    "declined",
    "dived",
    "dove",
    "sagged",
    "skidded",
    "down",
    "up",
];

/// The day a percentage move is stated for, when the move is told as one day's (`shares
/// plunged 31% on Tuesday`, `closed down 12% on Monday`): a move of a past day is that day's,
/// not the move of the day the article reports, and two days' moves are never one fact.
fn day_of_move(
    days: &[(Range<usize>, String)],
    claim: &Claim,
    tokens: &[Token],
    keying: &[Token],
    range: &Range<usize>,
) -> Option<String> {
    if claim.kind != Kind::Percent || !moved_by_verb(keying, range) {
        return None;
    }
    days.iter().find_map(|(span, label)| {
        let between: Vec<&Token> = tokens
            .iter()
            .filter(|t| t.span.start >= claim.span.end && t.span.end <= span.start)
            .collect();
        let next_to = match between.as_slice() {
            [] => true,
            [on] => on.is("on"),
            _ => false,
        };
        (next_to && span.start >= claim.span.end).then(|| label.clone())
    })
}

/// Whether a move word stands right before the figure, or two words before it after `down` or
/// `up` (`closed down 12%`, `was down 12%`).
fn moved_by_verb(tokens: &[Token], range: &Range<usize>) -> bool {
    let before = &tokens[..range.start];
    before
        .last()
        .is_some_and(|t| t.is_word() && MOVE_WORDS.iter().any(|w| t.is(w)))
}

/// Whether `lo..=hi` (day numbers) is one whole calendar month of the publication year before
/// the month of publication: `in February` in an article of 12 March.
fn whole_past_month(lo: f64, hi: f64, published: Option<chrono::NaiveDate>) -> bool {
    use chrono::Datelike;
    let (Some(first), Some(last), Some(published)) =
        (crate::when::date_of(lo), crate::when::date_of(hi), published)
    else {
        return false;
    };
    let next_month = last.succ_opt().is_some_and(|d| d.day() == 1);
    first.day() == 1
        && next_month
        && first.month() == last.month()
        && first.year() == published.year()
        && first.month() < published.month()
}

/// `as of the state's Tuesday update`, `as of Monday's count`: `as of` a few words before a
/// date (the last five words before it, see [`words_before`]) makes it an as-of date.
fn as_of_words(before: &[&str]) -> bool {
    before
        .windows(2)
        .position(|w| lower_is(w[0], "as") && lower_is(w[1], "of"))
        .is_some_and(|at| before.len() - (at + 2) <= 3)
}

/// The anchor of a year stated relative to a publication date there is none of: `Last year,
/// 58 runners ...` is another year's figure even when the year cannot be told, so it is
/// labelled by its words (`last_year`); the year it names, `this year`, labels nothing.
///
/// `Seven years ago` is read as a date, a day that many years back; its figures belong to that
/// other year as well.
fn unresolved_year_label(c: &Claim) -> Option<String> {
    if !matches!(c.kind, Kind::Year | Kind::Date)
        || c.value.is_some()
        || c.doubt != Some(crate::claim::Doubt::Unresolved)
    {
        return None;
    }
    let words: Vec<String> = c
        .text
        .split(|ch: char| !ch.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.iter().any(|w| ["this", "current"].contains(&w.as_str())) {
        return None;
    }
    let years_ago = matches!(
        words.as_slice(),
        [.., unit, ago] if ago == "ago" && (unit == "years" || unit == "year")
    );
    (c.kind == Kind::Year || years_ago).then(|| words.join("_"))
}

/// The last five words before a claim in its sentence, as written: compare them with
/// [`lower_is`]. They are borrowed rather than lower-cased copies, as this is asked of every
/// dated claim.
fn words_before<'t>(text: &'t str, c: &Claim) -> Few<'t> {
    last_words(text.get(c.sentence.start..c.span.start).unwrap_or_default())
}

/// The last five words of `before`: runs of alphanumeric characters. It walks back from the
/// end a character at a time, an ASCII byte being a character (news text is nearly all ASCII,
/// but its quotes and dashes are not).
fn last_words(before: &str) -> Few<'_> {
    // The character that ends at byte `at`, and where it starts.
    let char_before = |at: usize| -> Option<(usize, char)> {
        let b = *before.as_bytes().get(at.checked_sub(1)?)?;
        if b.is_ascii() {
            Some((at - 1, char::from(b)))
        } else {
            before.get(..at)?.char_indices().next_back()
        }
    };
    let mut words = Few::new();
    let mut end = before.len();
    while words.len() < 5 {
        while let Some((start, _)) = char_before(end).filter(|&(_, c)| !c.is_alphanumeric()) {
            end = start;
        }
        let mut start = end;
        while let Some((s, _)) = char_before(start).filter(|&(_, c)| c.is_alphanumeric()) {
            start = s;
        }
        if start == end {
            break;
        }
        words.push(&before[start..end]);
        end = start;
    }
    words.reverse();
    words
}

/// Whether `word` in lower case is `lower` (ASCII, lower case), without building the
/// lower-case copy for an ASCII word.
fn lower_is(word: &str, lower: &str) -> bool {
    lower_in(word, &[lower])
}

/// Whether `word` in lower case is one of `list` (ASCII, lower case), without building the
/// lower-case copy for an ASCII word.
fn lower_in(word: &str, list: &[&str]) -> bool {
    if word.is_ascii() {
        list.iter().any(|l| word.eq_ignore_ascii_case(l))
    } else {
        let word = word.to_lowercase();
        list.contains(&word.as_str())
    }
}

/// A figure that is not the current level of a quantity: a change (`grew by 12,000`,
/// `an increase of 5%`), an earlier value (`up from 81`, `compared with 60,000`), or a part
/// named by a group noun (`a strike team of 180`).
fn is_side_figure(tokens: &[Token], range: &Range<usize>, kind: Kind) -> bool {
    // `in Gaza City alone`, `in the capital alone`: part of a total, not the total; but `the
    // national figure of 64.8 per cent` in the same sentence is the whole.
    if tokens.iter().any(|t| t.is("alone")) && !names_whole(tokens, range) && !day_alone(tokens, range) {
        return true;
    }
    // `Of the 24 seats elected in the region, the SDU won 13`, `Among the 38,514 starters were
    // more than 2,100 runners from the city`: a subset.
    if tokens.first().is_some_and(|t| t.is("of") || t.is("among"))
        && tokens.get(1).is_some_and(|t| t.is("the"))
    {
        return true;
    }
    // `450 employees ... as part of a reduction of 3,200`: a part named before its whole.
    let later = &tokens[range.end..tokens.len().min(range.end + 24)];
    let whole_follows = |at: usize| {
        tokens[range.end..]
            .iter()
            .skip(at)
            .take(10)
            .any(|t| t.is_number())
    };
    if let Some(at) = later
        .windows(3)
        .position(|w| w[0].is("as") && w[1].is("part") && w[2].is("of"))
        .filter(|&at| whole_follows(at))
    {
        let _ = at;
        return true;
    }
    // `would have a majority of five`, `could rise to 2,000`, `gusts should ease to around
    // 30 mph`: hypothetical or expected, not stated as fact; but `forecast
    // that the economy would grow 1.4 percent` reports a forecast.
    let before = range.start.saturating_sub(8);
    if let Some(modal) = tokens[before..range.start]
        .iter()
        .position(|t| ["would", "could", "might", "should"].iter().any(|w| t.is(w)))
    {
        let at = before + modal;
        if !(tokens[at].is("would") && claimant::forecast_before(tokens, at)) {
            return true;
        }
    }
    // `the three leaders`, `all 26`, `its 80,000 troops`: a set named elsewhere (but `the
    // 70-minute event` is a measure of the event).
    let counted = matches!(kind, Kind::Count | Kind::Money | Kind::Percent);
    if let Some(prev) = range
        .start
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .filter(|_| counted)
    {
        let p: &str = &prev.folded;
        let determiner = [
            "the", "these", "those", "all", "both", "its", "their", "his", "her", "our", "whose", "each",
        ];
        if determiner.contains(&p) || p.ends_with("'s") || p.ends_with("’s") {
            return true;
        }
    }
    // `three of the world's leaders`: part of a set.
    let next = |k: usize| tokens.get(range.end + k).map_or("", |t| t.folded.as_ref());
    let sets = [
        "the", "these", "those", "them", "us", "their", "its", "whom", "which", "his", "her",
    ];
    if kind == Kind::Count && next(0) == "of" && sets.contains(&next(1)) {
        return true;
    }
    // `a £4.3bn increase`: a change.
    if [
        "increase",
        "rise",
        "cut",
        "drop",
        "hike",
        "jump",
        "fall",
        "reduction",
        "boost",
    ]
    .contains(&next(0))
    {
        return true;
    }
    let word = |back: usize| {
        range
            .start
            .checked_sub(back)
            .and_then(|i| tokens.get(i))
            .map(|t| t.folded.as_ref())
    };
    let (w1, w2, w3) = (word(1), word(2), word(3));
    // `Another 31 cases are listed as probable`, `a further 1,100 homes`: an addition to a
    // figure stated before, not the figure.
    if w1 == Some("another") || (w1 == Some("further") && w2 == Some("a")) {
        return true;
    }
    const CHANGE: &[&str] = &[
        "grew",
        "grown",
        "rose",
        "risen",
        "increased",
        "fell",
        "fallen",
        "dropped",
        "jumped",
        "climbed",
        "expanded",
        "declined",
        "up",
        "down",
        "rising",
        "falling",
        "growing",
        "increasing",
        "cut",
        "reduced",
    ];
    const CHANGE_NOUNS: &[&str] = &[
        "increase",
        "rise",
        "drop",
        "fall",
        "decline",
        "jump",
        "growth",
        "cut",
        "reduction",
        "gain",
        "loss",
        "swing",
    ];
    const GROUPS: &[&str] = &[
        "team",
        "group",
        "unit",
        "contingent",
        "batch",
        "convoy",
        "squad",
        "crew",
        "delegation",
        "detachment",
        "wave",
        "sample",
    ];
    let is = |w: &Option<&str>, list: &[&str]| w.is_some_and(|w| list.contains(&w));
    // `a dad of three`, `a mother of two`: the children of one person, not a count of the story.
    const PARENTS: &[&str] = &[
        "dad",
        "father",
        "mother",
        "mum",
        "mom",
        "parent",
        "grandfather",
        "grandmother",
        "grandparent",
    ];
    if w1 == Some("of") && is(&w2, PARENTS) {
        return true;
    }
    match w1 {
        // `grew by 12,000` is a change of a level; `grew by 2.3%` is itself the figure reported.
        Some("by") => kind != Kind::Percent && (is(&w2, CHANGE) || is(&w3, CHANGE)),
        Some("from") => {
            is(
                &w2,
                &[
                    "up",
                    "down",
                    "rose",
                    "fell",
                    "increased",
                    "decreased",
                    "dropped",
                    "climbed",
                ],
            ) || is(&w2, CHANGE)
        }
        Some("with" | "to") => w2 == Some("compared"),
        Some("versus" | "vs") => true,
        // `an increase of 12,000` is a change of a level; `growth of 1.4%` is the figure itself.
        Some("of") => (kind != Kind::Percent && is(&w2, CHANGE_NOUNS)) || is(&w2, GROUPS),
        _ => false,
    }
}

/// Words that name a whole (`the national figure of`, `overall`, `in total`) right before a
/// figure in its clause.
/// `plunged 45% on Thursday alone`: a move told as one day's is that day's (see
/// [`day_of_move`], which dates it), not a part of a place's total. The day itself is left out
/// of the keying tokens, so `on` stands right before `alone`.
fn day_alone(tokens: &[Token], range: &Range<usize>) -> bool {
    let after = &tokens[range.end..];
    moved_by_verb(tokens, range)
        && after.first().is_some_and(|t| t.is("on"))
        && after.get(1).is_some_and(|t| t.is("alone"))
}

fn names_whole(tokens: &[Token], range: &Range<usize>) -> bool {
    const WHOLE: &[&str] = &[
        "national",
        "nationwide",
        "nationally",
        "overall",
        "total",
        "countrywide",
        "statewide",
        "worldwide",
        "global",
    ];
    window(tokens, range.clone(), true, 4, true)
        .iter()
        .any(|w| WHOLE.contains(w))
}

/// `the national figure of 64.8 per cent`, `the figure was 300`: a figure named only as `the
/// figure` states the same quantity as the figure before it in the sentence.
fn is_the_figure(tokens: &[Token], range: &Range<usize>) -> bool {
    let before = window(tokens, range.clone(), true, 3, true);
    matches!(
        before.as_slice(),
        [.., "figure" | "figures", "of" | "was" | "is" | "at"]
            | [.., "figure" | "figures", "stood" | "stands", "at"]
    )
}

struct Keyed {
    key: Option<String>,
    noun: Option<String>,
}

/// Words that close the window around a figure: the claim cannot reach across them.
fn is_boundary(t: &Token, stop_at_comma: bool) -> bool {
    t.kind == TokenKind::Number
        || (t.kind == TokenKind::Punct
            && (matches!(
                t.text,
                ";" | ":" | "!" | "?" | "(" | ")" | "[" | "]" | "|" | "\"" | "“" | "”"
            ) || (stop_at_comma && t.text == ",")))
}

/// The ten words before a figure across commas, as [`window`] reads them, less any clause set
/// off by commas that opens with a relative word: in `At the showgrounds, which has become the
/// biggest of the evacuation centres, about 1,100 people slept there`, the evacuation centres
/// describe the showgrounds, not the 1,100. The figure's own clause is kept whatever opens it.
fn before_past_relatives<'t>(tokens: &'t [Token], claim: Range<usize>) -> Few<'t> {
    const RELATIVE: &[&str] = &["which", "who", "whose", "where"];
    let mut words: Vec<&str> = Vec::new();
    // Where the clause being read starts in `words`, once past the figure's own clause.
    let mut clause_start = None;
    let mut at = claim.start;
    while let Some(prev) = at.checked_sub(1) {
        at = prev;
        let t = &tokens[at];
        if let Some(past) = conversion(tokens, at, true).or_else(|| dash_aside(tokens, at, true)) {
            at = past;
            continue;
        }
        if t.text == ":" && is_label_colon(tokens, t) {
            continue;
        }
        if t.text == "," {
            // The clause just read opens with the last word read.
            if let Some(start) = clause_start.filter(|_| words.last().is_some_and(|w| RELATIVE.contains(w))) {
                words.truncate(start);
            }
            clause_start = Some(words.len());
            continue;
        }
        if is_boundary(t, false) || words.len() >= 10 {
            break;
        }
        if t.is_word() {
            words.push(t.folded.as_ref());
        }
    }
    words.reverse();
    Few::of(&words)
}

/// `the 31 taken to hospital and seven treated at the scene`: a figure right after `and` or
/// `but` with a predicate of its own right after it (a word in `-ed`, or `was`, `were`, `is`,
/// `are`, `had`, `have`) says what happened to it there, and takes no role from the clause
/// before the conjunction.
fn own_predicate_after_and(tokens: &[Token], range: &Range<usize>) -> bool {
    let after_and = range
        .start
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|t| t.is("and") || t.is("but"));
    let predicate = tokens.get(range.end).is_some_and(|t| {
        let w: &str = &t.folded;
        t.is_word()
            && ((w.len() > 4 && w.ends_with("ed"))
                || ["was", "were", "is", "are", "had", "have"].contains(&w))
    });
    after_and && predicate
}

/// `Nine were seriously hurt`, `three remain in a critical condition`, `12 critically
/// injured`: how badly the injured counted were hurt, from the figure's own clause (the four
/// words before it and the six after it, to a comma or a conjunction). The seriously or
/// critically injured are a part of all the injured, not another count of them.
fn severity(tokens: &[Token], range: &Range<usize>) -> Option<&'static str> {
    let before = clause_before(tokens, range.clone(), 4);
    let after: Vec<&str> = window(tokens, range.clone(), false, 6, true)
        .iter()
        .take_while(|w| !["and", "but", "while", "whereas", "or"].contains(*w))
        .copied()
        .collect();
    let has = |words: &[&str]| before.iter().chain(after.iter()).any(|w| words.contains(w));
    if has(&["critical", "critically"]) {
        Some("critical")
    } else if has(&["seriously", "serious", "severely", "badly", "gravely"]) {
        Some("serious")
    } else {
        None
    }
}

/// Lower-case words near the claim, nearest first, with their distance in words.
fn window<'t>(
    tokens: &'t [Token],
    claim: Range<usize>,
    before: bool,
    limit: usize,
    stop_at_comma: bool,
) -> Few<'t> {
    debug_assert!(limit <= FEW, "a window holds at most {FEW} words");
    let mut words = Few::new();
    // The index of the next token to read: walking back, the one before `at`.
    let mut at = if before { claim.start } else { claim.end };
    loop {
        let t = if before {
            let Some(prev) = at.checked_sub(1) else { break };
            at = prev;
            &tokens[at]
        } else {
            let Some(next) = tokens.get(at) else { break };
            at += 1;
            next
        };
        // `310 millimetres (12.2 inches) of rain`: the same figure in other units, in brackets,
        // stands between a figure and its noun without cutting them apart.
        if let Some(past) = conversion(tokens, at, before) {
            at = past;
            continue;
        }
        // `The deficit - the gap between what it spends and what it raises - is expected to
        // fall to 3.8%`: an aside set off by dashes stands between a figure and its noun.
        if let Some(past) = dash_aside(tokens, at, before) {
            at = past;
            continue;
        }
        // `Net profit: $615m`, `- Job cuts: 3,200`: a short label before a colon names the figure.
        if before && t.text == ":" && is_label_colon(tokens, t) {
            continue;
        }
        // `Revenue rose 38% to $1.46 billion`: the change before `to` stands between the
        // new level and what it measures, as `rose to` would not.
        if let Some(past) = before.then(|| change_before_to(tokens, at)).flatten() {
            at = past;
            continue;
        }
        if is_boundary(t, stop_at_comma) || words.len() >= limit {
            break;
        }
        if t.is_word() {
            words.push(t.folded.as_ref());
        }
    }
    if before {
        words.reverse();
    }
    words
}

/// Walking back from a figure after `to`, at token `at`: where the walk resumes past a
/// change stated before that `to` (`rose 38% to`, `fell by 1,200 to`, `was up 4.5 points
/// to`), so that it reads the verb next. `None` unless the tokens from `at` back are a
/// figure (a number with its currency, scale or percentage words), an optional `by` and a
/// verb of change, and the token after `at` is `to`.
fn change_before_to(tokens: &[Token], at: usize) -> Option<usize> {
    // A day's moves (`MOVE_WORDS`), and the other forms of a change of level.
    const CHANGES: &[&str] = &[
        "risen",
        "rising",
        "fallen",
        "falling",
        "grew",
        "grown",
        "growing",
        "increased",
        "decreased",
        "cut",
        "reduced",
        "lowered",
        "raised",
    ];
    const FIGURE_WORDS: &[&str] = &[
        "%",
        "percent",
        "per",
        "cent",
        "pc",
        "percentage",
        "points",
        "point",
        "million",
        "billion",
        "trillion",
        "bn",
        "m",
        "$",
        "£",
        "€",
        "¥",
        ".",
    ];
    if !tokens.get(at + 1).is_some_and(|t| t.is("to")) {
        return None;
    }
    let mut first = at;
    let mut numbers = 0;
    while first + 5 > at {
        let t = tokens.get(first)?;
        if t.is_number() {
            numbers += 1;
        } else if !FIGURE_WORDS.contains(&t.folded.as_ref()) {
            break;
        }
        first = first.checked_sub(1)?;
    }
    if numbers != 1 {
        return None;
    }
    let verb = if tokens[first].is("by") {
        first.checked_sub(1)?
    } else {
        first
    };
    let verb_word = tokens[verb].folded.as_ref();
    (MOVE_WORDS.contains(&verb_word) || CHANGES.contains(&verb_word)).then_some(verb + 1)
}

/// How many words a [`Few`] holds: the widest window the keyer reads.
const FEW: usize = 10;

/// Up to [`FEW`] words, held in place rather than on the heap: the keyer reads several short
/// windows of words around every figure, and a vector for each was one of its commonest
/// allocations. It reads as a slice of words.
#[derive(Clone, Copy)]
struct Few<'t> {
    words: [&'t str; FEW],
    len: usize,
}

impl<'t> Few<'t> {
    fn new() -> Self {
        Few {
            words: [""; FEW],
            len: 0,
        }
    }

    /// The words of `words`, which holds at most [`FEW`].
    fn of(words: &[&'t str]) -> Self {
        let mut few = Few::new();
        for w in words {
            few.push(w);
        }
        few
    }

    /// Adds a word; past [`FEW`] words, none is added (no window reads that many).
    fn push(&mut self, word: &'t str) {
        debug_assert!(self.len < FEW, "a window holds at most {FEW} words");
        if let Some(slot) = self.words.get_mut(self.len) {
            *slot = word;
            self.len += 1;
        }
    }

    fn as_slice(&self) -> &[&'t str] {
        &self.words[..self.len]
    }
}

impl Default for Few<'_> {
    fn default() -> Self {
        Few::new()
    }
}

impl<'t> std::ops::Deref for Few<'t> {
    type Target = [&'t str];

    fn deref(&self) -> &[&'t str] {
        self.as_slice()
    }
}

impl<'t> std::ops::DerefMut for Few<'t> {
    fn deref_mut(&mut self) -> &mut [&'t str] {
        &mut self.words[..self.len]
    }
}

/// A bracketed figure in other units next to a figure (`(12.2 inches)`, `(€13.1bn)`): where
/// the walk resumes past it, given the index the walk stands at after reading the bracket at
/// `at - 1` (forward) or `at` (back). At most four tokens inside, one of them a number, and
/// nothing but words, numbers and signs: `(Q1 2025: $702m)` is a note of its own.
fn conversion(tokens: &[Token], at: usize, before: bool) -> Option<usize> {
    let bracket = if before {
        tokens.get(at)
    } else {
        at.checked_sub(1).and_then(|i| tokens.get(i))
    };
    let wanted = if before { ")" } else { "(" };
    if bracket.is_none_or(|t| t.text != wanted) {
        return None;
    }
    let (open, close) = if before {
        let close = at;
        (
            tokens[close.saturating_sub(5)..close]
                .iter()
                .rposition(|t| t.text == "(")?
                + close.saturating_sub(5),
            close,
        )
    } else {
        let open = at.checked_sub(1)?;
        (
            open,
            open + 1
                + tokens
                    .get(open + 1..)?
                    .iter()
                    .take(5)
                    .position(|t| t.text == ")")?,
        )
    };
    if tokens[open].text != "(" || tokens[close].text != ")" || close <= open + 1 {
        return None;
    }
    let inside = &tokens[open + 1..close];
    let plain = inside.iter().all(|t| {
        t.is_word()
            || t.is_number()
            || (t.kind == TokenKind::Punct && !matches!(t.text, ":" | ";" | "(" | ")"))
    });
    (plain && inside.iter().any(Token::is_number)).then_some(if before { open } else { close + 1 })
}

/// A dash that sets off an aside: an em dash, or a hyphen or en dash with space on both sides
/// (`2026-27` and `10-15` join their parts, they set nothing off).
fn is_aside_dash(tokens: &[Token], i: usize) -> bool {
    let Some(t) = tokens.get(i) else { return false };
    match t.text {
        "—" | "--" => true,
        "-" | "–" => t.space_before && tokens.get(i + 1).is_some_and(|next| next.space_before),
        _ => false,
    }
}

/// An aside set off by two dashes next to a figure: where the walk resumes past it, given the
/// index the walk stands at after reading the dash at `at - 1` (forward) or `at` (back). Only
/// words and commas inside, at most twenty tokens: a figure or a bracket inside makes the
/// dashes something else than an aside.
fn dash_aside(tokens: &[Token], at: usize, before: bool) -> Option<usize> {
    const LONGEST: usize = 20;
    let dash = if before { at } else { at.checked_sub(1)? };
    if !is_aside_dash(tokens, dash) {
        return None;
    }
    let plain = |t: &Token| t.is_word() || t.text == "," || t.text == "'" || t.text == "’";
    if before {
        let other = (dash.saturating_sub(LONGEST + 1)..dash)
            .rev()
            .take_while(|&i| is_aside_dash(tokens, i) || plain(&tokens[i]))
            .find(|&i| is_aside_dash(tokens, i))?;
        (other + 1 < dash).then_some(other)
    } else {
        let other = (dash + 1..tokens.len().min(dash + LONGEST + 2))
            .take_while(|&i| is_aside_dash(tokens, i) || plain(&tokens[i]))
            .find(|&i| is_aside_dash(tokens, i))?;
        (other > dash + 1).then_some(other + 1)
    }
}

/// True when the colon ends a short label that starts its sentence (at most five words).
fn is_label_colon(tokens: &[Token], colon: &Token) -> bool {
    let words_before = tokens
        .iter()
        .take_while(|t| t.span.start < colon.span.start)
        .filter(|t| t.is_word())
        .count();
    (1..=5).contains(&words_before)
}

/// The first figure of a list the figure at `start` closes: `450 passengers and 60 vehicles`.
fn coordinated_start(tokens: &[Token], start: usize) -> Option<usize> {
    let joiner = tokens.get(start.checked_sub(1)?)?;
    if !(joiner.is("and") || joiner.is("or") || joiner.text == ",") {
        return None;
    }
    // Up to three words of the first item's noun: `450 passengers`, `450 foot passengers`.
    (2..=4)
        .filter_map(|back| start.checked_sub(back))
        .find(|&i| tokens[i].is_number())
        .filter(|&i| tokens[i + 1..start - 1].iter().all(|t| t.is_word()))
}

/// Words before the figure in its own clause: up to a comma or a coordinating conjunction
/// ("40 people were arrested and 12 officers were injured").
fn clause_before<'t>(tokens: &'t [Token], range: Range<usize>, limit: usize) -> Few<'t> {
    let words = window(tokens, range, true, limit, true);
    match words
        .iter()
        .rposition(|w| ["and", "but", "while", "whereas", "as", "with"].contains(w))
    {
        Some(i) => Few::of(&words[i + 1..]),
        None => words,
    }
}

/// The nearest class (of the wanted sort) whose term occurs in the window; returns the class,
/// the term as found and its distance from the claim.
fn nearest<'r>(
    words: &[&str],
    before: bool,
    rules: &'r RuleSet,
    accept: impl Fn(&Class) -> bool,
) -> Option<(&'r Class, String, usize)> {
    nearest_at(words, before, rules, accept).map(|(class, ti, d)| (class, class.terms[ti].join(" "), d))
}

/// [`nearest`], with the index of the term in its class instead of the term's words joined.
fn nearest_at<'r>(
    words: &[&str],
    before: bool,
    rules: &'r RuleSet,
    accept: impl Fn(&Class) -> bool,
) -> Option<(&'r Class, usize, usize)> {
    // Ranked by priority, then nearness, then the longer term, then the earlier class.
    let mut best: Option<(usize, usize, usize)> = None; // (class, term, distance)
    let rank = |ci: usize, n: usize, d: usize| {
        (
            rules.classes[ci].priority,
            std::cmp::Reverse(d),
            n,
            std::cmp::Reverse(ci),
        )
    };
    for start in 0..words.len() {
        let Some(candidates) = rules.term_index.get(words[start]) else {
            continue;
        };
        for &(ci, ti) in candidates {
            let class = &rules.classes[ci];
            let term = &class.terms[ti];
            let n = term.len();
            let matches =
                start + n <= words.len() && words[start..start + n].iter().zip(term).all(|(w, t)| *w == t);
            if !matches || !accept(class) {
                continue;
            }
            let distance = if before { words.len() - (start + n) } else { start };
            let better = best.is_none_or(|(bc, bt, bd)| {
                rank(ci, n, distance) > rank(bc, rules.classes[bc].terms[bt].len(), bd)
            });
            if better {
                best = Some((ci, ti, distance));
            }
        }
    }
    best.map(|(ci, ti, d)| (&rules.classes[ci], ti, d))
}

/// How many words `term.join(" ").split(' ')` gives, without joining.
fn joined_word_count(term: &[String]) -> usize {
    term.iter().map(|w| w.matches(' ').count()).sum::<usize>() + term.len().max(1)
}

fn claim_tokens(tokens: &[Token], span: &Range<usize>) -> Range<usize> {
    let start = tokens
        .iter()
        .position(|t| t.span.start >= span.start)
        .unwrap_or(tokens.len());
    let end = tokens
        .iter()
        .rposition(|t| t.span.end <= span.end)
        .map_or(start, |e| e + 1);
    start..end.max(start)
}

fn generic_key(tokens: &[Token], claim: &Claim, rules: &RuleSet) -> Keyed {
    let range = claim_tokens(tokens, &claim.span);
    let none = Keyed {
        key: None,
        noun: None,
    };
    if claim.value.is_none() {
        return none;
    }
    if is_threshold(tokens, &range, claim) || is_difference(tokens, &range) || no_count(tokens, &range, claim)
    {
        return none;
    }
    let tally = (claim.kind == Kind::Count)
        .then(|| tally_side(tokens, &range))
        .flatten();
    let keyed = if let Some(votes_for) = tally {
        Keyed {
            key: votes_for.then(|| "tally.for".to_string()),
            noun: Some("votes".to_string()),
        }
    } else if !claim.kind.is_time_point()
        && claim.kind != Kind::Ordinal
        && is_side_figure(tokens, &range, claim.kind)
    {
        // `Merrow has offered a 3.8% rise`: a percentage before a change noun is the change
        // itself, keyed when a class of percentages names it (an offer, growth); with no class
        // it stays a side figure (`a 4% rise` of what, the sentence does not say).
        let change = claim.kind == Kind::Percent && before_change_noun(tokens, &range);
        match subject(tokens, range.clone(), claim.kind, rules, true).filter(|_| change) {
            Some((class, term)) => Keyed {
                key: Some(format!("{}.percent", class.id)),
                noun: Some(term),
            },
            None => return none,
        }
    } else {
        kind_key(tokens, range.clone(), claim, rules)
    };
    let keyed = per_unit(keyed, tokens, &range, claim.kind);
    let keyed = over_period(keyed, tokens, &range, claim.kind);
    let keyed = rising(keyed, tokens, &range, claim.kind);
    let keyed = intraday(keyed, tokens, &range, claim.kind);
    scope_to_entity(keyed, tokens, range, rules)
}

/// Whether a change noun follows the figure, after at most one modifier: `a 3.8% rise`, `a 4%
/// pay increase`.
fn before_change_noun(tokens: &[Token], range: &Range<usize>) -> bool {
    const CHANGES: &[&str] = &["rise", "increase", "raise", "hike", "cut", "reduction", "boost"];
    let next = |k: usize| tokens.get(range.end + k).filter(|t| t.is_word());
    let is_change = |t: &Token| CHANGES.iter().any(|c| t.is(c));
    next(0).is_some_and(is_change) || (next(0).is_some() && next(1).is_some_and(is_change))
}

/// A percentage change over a stated period (`rallied 18% since January`, `up 12% year on
/// year`, `gained 18% this year`) is not the change of the day.
fn over_period(keyed: Keyed, tokens: &[Token], range: &Range<usize>, kind: Kind) -> Keyed {
    let Some(key) = &keyed.key else { return keyed };
    if kind != Kind::Percent {
        return keyed;
    }
    let after: Vec<&str> = tokens[range.end..]
        .iter()
        .take(5)
        .filter(|t| t.is_word())
        .map(|t| t.folded.as_ref())
        .collect();
    // `the highest since 2006` compares a level with earlier ones; it is not a change.
    let record = |at: usize| {
        at.checked_sub(1)
            .and_then(|i| after.get(i))
            .is_some_and(|w| w.ends_with("est") || ["most", "least", "first", "ever"].contains(w))
    };
    let since_period = after
        .iter()
        .position(|w| *w == "since")
        .is_some_and(|at| !record(at));
    let period = since_period
        || after
            .windows(2)
            .any(|w| w == ["this", "year"] || w == ["year", "on"] || w == ["a", "year"])
        || after.iter().any(|w| ["annually", "yearly"].contains(w));
    if period {
        return Keyed {
            key: Some(format!("{key}.over_period")),
            noun: keyed.noun,
        };
    }
    keyed
}

/// `Shares were up 22% in early trading`, `down as much as 9.3% intraday`: a market move or
/// price during the session is not the day's close (`closed up 24%`). Money and percentages
/// with a session word in their clause (the eight words before, the six after) are keyed
/// `.intraday`.
fn intraday(keyed: Keyed, tokens: &[Token], range: &Range<usize>, kind: Kind) -> Keyed {
    let Some(key) = &keyed.key else { return keyed };
    if !matches!(kind, Kind::Percent | Kind::Money) {
        return keyed;
    }
    let session = |words: &[&str]| {
        words
            .iter()
            .any(|w| ["intraday", "premarket", "midsession"].contains(w))
            || words.windows(2).any(|w| {
                ["early", "morning", "midday", "afternoon", "late", "pre"].contains(&w[0])
                    && ["trading", "trade", "deals", "dealings", "market"].contains(&w[1])
            })
            || words
                .windows(3)
                .any(|w| w[0] == "at" && w[1] == "one" && ["point", "stage"].contains(&w[2]))
            // `down 11% in the first hour of trading`: a part of the session.
            || words.windows(3).any(|w| {
                w[0] == "first" && ["hour", "hours", "minutes"].contains(&w[1]) && w[2] == "of"
            })
    };
    let before = clause_before(tokens, range.clone(), 8);
    let after = window(tokens, range.clone(), false, 6, true);
    if session(&before) || session(&after) {
        return Keyed {
            key: Some(format!("{key}.intraday")),
            noun: keyed.noun,
        };
    }
    keyed
}

/// A percentage move up is not the move down it recovers from: `shares closed up 2.1%
/// today, recovering a little of yesterday's fall` and `shares fell 8.2%` are two sessions'
/// moves, and an outlet that gets a move's direction wrong is rarer than two articles giving
/// moves of different days. A rise of shares (a rising verb or `up` right before the figure,
/// or `higher` right after it) is keyed apart (`percent.shares.rise`); falls keep their key, so
/// that two reports of one fall still meet. Only share moves: `prices rose 2.9 per cent in the
/// year to September` is the rate of inflation, and `make up 55%` no move at all.
fn rising(keyed: Keyed, tokens: &[Token], range: &Range<usize>, kind: Kind) -> Keyed {
    const RISES: &[&str] = &[
        "rose", "risen", "rising", "jumped", "surged", "soared", "climbed", "gained", "rallied", "advanced",
        "up",
    ];
    let Some(key) = &keyed.key else { return keyed };
    if kind != Kind::Percent || !key.split('.').any(|s| s == "shares") {
        return keyed;
    }
    let before = range.start.checked_sub(1).map(|i| &tokens[i]);
    let after = tokens.get(range.end);
    let up = before.is_some_and(|t| t.is_word() && RISES.iter().any(|w| t.is(w)))
        || after.is_some_and(|t| t.is("higher"));
    if !up {
        return keyed;
    }
    Keyed {
        key: Some(format!("{key}.rise")),
        noun: keyed.noun,
    }
}

/// Rates are their own quantity: `6,000 people a day` is not a total, `$1.38 a share` not a
/// profit. The key gets the unit of the rate: `arrived.per_day`.
fn per_unit(keyed: Keyed, tokens: &[Token], range: &Range<usize>, kind: Kind) -> Keyed {
    if kind.is_time_point() || kind == Kind::Speed {
        return keyed;
    }
    let Some(key) = &keyed.key else { return keyed };
    const UNITS: &[&str] = &[
        "day",
        "week",
        "month",
        "year",
        "hour",
        "minute",
        "share",
        "person",
        "capita",
        "head",
        "night",
        "student",
        "household",
    ];
    // `about $900 (£710) a month`: the rate's unit comes after a conversion in brackets.
    let from = conversion(tokens, range.end + 1, false)
        .unwrap_or(range.end)
        .min(tokens.len());
    let after: Vec<&Token> = tokens[from..]
        .iter()
        .take(6)
        .take_while(|t| !is_boundary(t, true))
        .collect();
    let rate = after.windows(2).find_map(|w| {
        let per = ["a", "an", "per", "each", "every"].iter().any(|p| w[0].is(p));
        // `a year ago`, `a day after the storm`: a time, not a rate; but `a week before
        // bonuses`, `a year after taxes` name what the rate is counted before.
        let timed = after.iter().enumerate().any(|(i, t)| {
            let counted_before = || {
                after.get(i + 1).is_some_and(|n| {
                    n.is_word() && n.text == &*n.folded && plural_noun(&[&n.folded]).is_some()
                })
            };
            ["ago", "earlier", "later"].iter().any(|x| t.is(x))
                || (["after", "before"].iter().any(|x| t.is(x)) && !counted_before())
        });
        let per = per && !timed;
        let unit = w[1].folded.trim_end_matches('s');
        // `per` names its unit outright (`1.38 children per woman`, `$90 per barrel`); after
        // `a` or `each` only a unit of the list does (`a year`, not `a record`).
        let any_unit =
            w[0].is("per") && w[1].is_word() && unit.len() > 2 && unit.chars().all(char::is_alphabetic);
        (per && (UNITS.contains(&unit) || any_unit)).then(|| unit.to_string())
    });
    // `Every day of strike action costs us about £6 million`: `every` or `each` and the unit
    // opening the figure's clause.
    let rate = rate.or_else(|| {
        let before = clause_before(tokens, range.clone(), 8);
        before.windows(2).find_map(|w| {
            let unit = w[1].trim_end_matches('s');
            (["each", "every", "per"].contains(&w[0]) && UNITS.contains(&unit)).then(|| unit.to_string())
        })
    });
    // `compensation of 250 to 600 euros each`, `£500 apiece`: an amount for each one.
    let each = after.first().is_some_and(|t| t.is("each") || t.is("apiece"));
    match rate {
        Some(unit) => Keyed {
            key: Some(format!("{key}.per_{unit}")),
            noun: keyed.noun,
        },
        None if each => Keyed {
            key: Some(format!("{key}.each")),
            noun: keyed.noun,
        },
        None => keyed,
    }
}

/// Keys of classes whose figures belong to a named entity get the entity's name; without one
/// the figure cannot be attributed and stays unkeyed.
fn scope_to_entity(keyed: Keyed, tokens: &[Token], range: Range<usize>, rules: &RuleSet) -> Keyed {
    let Some(key) = &keyed.key else { return keyed };
    let base = key.split('.').next().unwrap_or_default();
    if !rules.class(base).is_some_and(|c| c.by_entity) {
        return keyed;
    }
    match entity_before(tokens, range.start) {
        Some(entity) => Keyed {
            key: Some(format!("{key}.{entity}")),
            noun: keyed.noun,
        },
        None => Keyed {
            key: None,
            noun: keyed.noun,
        },
    }
}

/// The nearest proper name before a figure in its clause: `the SDU won 104 seats` -> `sdu`,
/// `the People's Party took 81` -> `people's_party`.
fn entity_before(tokens: &[Token], start: usize) -> Option<String> {
    const NOT_NAMES: &[&str] = &[
        "the",
        "a",
        "an",
        "in",
        "on",
        "at",
        "by",
        "it",
        "this",
        "that",
        "but",
        "and",
        "with",
        "after",
        "according",
        "its",
        "their",
        "they",
        "he",
        "she",
        "we",
        "some",
        "more",
        "about",
        "of",
    ];
    let capitalised = |t: &Token| t.is_word() && t.text.chars().next().is_some_and(char::is_uppercase);
    let mut run: Vec<&Token> = Vec::new();
    for t in tokens[..start].iter().rev().take(10) {
        if is_boundary(t, true) {
            break;
        }
        let name_word = capitalised(t)
            && !NOT_NAMES.contains(&t.folded.as_ref())
            && crate::when::month_number(t.text).is_none();
        if name_word {
            run.push(t);
        } else if !run.is_empty() {
            break;
        }
    }
    if run.is_empty() {
        return None;
    }
    run.reverse();
    let name: Vec<String> = run
        .iter()
        .map(|t| {
            t.lower()
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_string()
        })
        .collect();
    Some(name.join("_"))
}

fn kind_key(tokens: &[Token], range: Range<usize>, claim: &Claim, rules: &RuleSet) -> Keyed {
    let none = Keyed {
        key: None,
        noun: None,
    };
    if claim.kind == Kind::Duration && claim.relation == Some(Relation::Age) {
        return age_key(tokens, range, rules);
    }
    match claim.kind {
        Kind::Year | Kind::Date => time_key(tokens, range, claim, rules),
        Kind::Count => count_key(tokens, range, claim, rules),
        Kind::Ordinal => {
            // `80th WWII anniversary`: the noun is the first lower-case word.
            let noun = tokens[range.end..]
                .iter()
                .take(3)
                .take_while(|t| t.is_word())
                .find(|t| t.text.chars().next().is_some_and(char::is_lowercase))
                .map(|t| t.lower())
                .filter(|w| w.len() > 2);
            Keyed {
                key: noun.as_ref().map(|n| format!("{n}.ordinal")),
                noun,
            }
        }
        Kind::Percent => {
            let after = window(tokens, range.clone(), false, 6, true);
            // `The offer is a 35 per cent premium`: the noun the figure qualifies names it
            // before any class around it does, unless that noun is a class's own term.
            let names_class = |noun: &str| {
                rules.term_index.get(noun).is_some_and(|found| {
                    found
                        .iter()
                        .any(|&(ci, _)| rules.classes[ci].kinds.contains(&Kind::Percent))
                })
            };
            let own_noun = attributive_noun(tokens, &range, &after).is_some_and(|n| !names_class(&n));
            let class = if own_noun {
                None
            } else {
                subject(tokens, range.clone(), claim.kind, rules, true)
            };
            match class {
                Some((class, term)) => Keyed {
                    key: Some(match measure_modifier(tokens, &range, &term) {
                        Some(measure) => format!("{}.{measure}.percent", class.id),
                        None => format!("{}.percent", class.id),
                    }),
                    noun: Some(term),
                },
                None => {
                    // `90% of trade`; else `Shares fell 62 per cent`: the plural noun that
                    // does something to the figure in its clause.
                    let before = clause_before(tokens, range.clone(), 6);
                    let noun = share_subject(&before)
                        .or_else(|| pronoun_complement(&after))
                        .or_else(|| of_noun(&after).map(|n| stake(&n)))
                        .or_else(|| attributive_noun(tokens, &range, &after))
                        .or_else(|| {
                            // `Officials said 40% ...`: who speaks is not what is counted.
                            let spoken =
                                |i: usize| before.get(i + 1).is_some_and(|v| claimant::is_reporting(v));
                            // `Veltra ends the day down 7.4%`: a word before a determiner is a
                            // verb, not the noun counted.
                            let verb = |i: usize| {
                                before.get(i + 1).is_some_and(|v| {
                                    ["the", "a", "an", "its", "their", "his", "her"].contains(v)
                                })
                            };
                            // `cut its rate by 25 basis points to 4.25%`: the unit of the
                            // change before it, not what the figure measures.
                            let change_unit = |i: usize| {
                                let unit = |a: usize| {
                                    ["basis", "percentage"].contains(&before[a])
                                        && before.get(a + 1).is_some_and(|w| w.starts_with("point"))
                                };
                                unit(i) || i.checked_sub(1).is_some_and(unit)
                            };
                            let start = before.len().saturating_sub(4);
                            (start..before.len())
                                .rev()
                                .filter(|&i| !spoken(i) && !verb(i) && !change_unit(i))
                                .find_map(|i| plural_noun(&[before[i]]).or_else(|| stock_noun(&before, i)))
                        });
                    // `Norvik shares rose 2.1%`: the shares of a named company, not those of
                    // the company the sentence does not name (`Shares closed down 7.4%`).
                    let owner = noun.as_deref().and_then(|n| noun_owner(tokens, range.start, n));
                    Keyed {
                        key: noun.as_ref().map(|n| match &owner {
                            Some(owner) => format!("percent.{n}.{owner}"),
                            None => format!("percent.{n}"),
                        }),
                        noun,
                    }
                }
            }
        }
        Kind::Money => money_key(tokens, range, rules),
        Kind::Duration | Kind::Distance | Kind::Area | Kind::Speed | Kind::Temperature => {
            match subject(tokens, range.clone(), claim.kind, rules, true) {
                Some((_, term))
                    if claim.kind == Kind::Duration
                        && (offset_from(tokens, &range, &term) || record_window(tokens, &range)) =>
                {
                    none
                }
                Some((class, term)) => {
                    let mut key = match claim.kind {
                        Kind::Money => class.id.clone(),
                        k => format!("{}.{}", class.id, k.as_str()),
                    };
                    if forecast_measure(tokens, &range) {
                        key.push_str(".projected");
                    }
                    Keyed {
                        key: Some(key),
                        noun: Some(term),
                    }
                }
                None if claim.kind == Kind::Distance => match place_after(tokens, range) {
                    Some(place) => Keyed {
                        key: Some(format!("distance.{place}")),
                        noun: Some(place),
                    },
                    None => none,
                },
                None => none,
            }
        }
    }
}

/// Whether a count is a vote tally (`voted 6-3`, read whole, and `seven` in `by seven votes to
/// two`): `Some(true)`, keyed `tally.for`; or the votes against in a tally written out (`two`):
/// `Some(false)`, not keyed of its own, as the tally stands for both. Unlike the votes a
/// candidate or party won (`votes`, kept by entity), a tally needs no name: the body that voted
/// is the story's.
fn tally_side(tokens: &[Token], range: &Range<usize>) -> Option<bool> {
    let word = |i: usize, w: &str| tokens.get(i).is_some_and(|t| t.is(w));
    let (start, end) = (range.start, range.end);
    let score = end == start + 3
        && tokens.get(start + 1).is_some_and(|t| matches!(t.text, "-" | "–"))
        && crate::extract::votes_around(tokens, start..end);
    if score || (word(end, "votes") && word(end + 1, "to") && tokens.get(end + 2).is_some()) {
        return Some(true);
    }
    (start >= 3 && word(start - 1, "to") && word(start - 2, "votes")).then_some(false)
}

/// `services inflation at 4.8%`, `Wage growth is running at 4.6%`, `House prices fell 3.2%`:
/// a word before a rate's term that names another measure than the headline one. Only words
/// known to do so: `annual inflation`, `economic growth` or `UK inflation` are the headline
/// figure as other outlets state it without the word.
fn measure_modifier(tokens: &[Token], range: &Range<usize>, term: &str) -> Option<&'static str> {
    const MEASURES: &[(&str, &str)] = &[
        ("core", "core"),
        ("underlying", "core"),
        ("services", "services"),
        ("service", "services"),
        ("goods", "goods"),
        ("food", "food"),
        ("energy", "energy"),
        ("fuel", "energy"),
        ("wage", "wage"),
        ("wages", "wage"),
        ("pay", "wage"),
        ("earnings", "wage"),
        ("house", "house"),
        ("home", "house"),
        ("housing", "house"),
        ("rent", "rent"),
        ("rents", "rent"),
        ("rental", "rent"),
        ("producer", "producer"),
        ("factory", "producer"),
        ("import", "import"),
        ("export", "export"),
        ("manufacturing", "manufacturing"),
        ("youth", "youth"),
        ("population", "population"),
        ("productivity", "productivity"),
        ("credit", "credit"),
        ("lending", "credit"),
        ("sales", "sales"),
        ("retail", "sales"),
    ];
    let first = term.split(' ').next()?;
    let modifier_of = |words: &[&str]| {
        let at = words.iter().rposition(|w| *w == first)?;
        let word = words.get(at.checked_sub(1)?)?;
        MEASURES
            .iter()
            .find(|(w, _)| w == word)
            .map(|&(_, measure)| measure)
    };
    let before = window(tokens, range.clone(), true, 6, true);
    let after = window(tokens, range.clone(), false, 6, true);
    modifier_of(&before).or_else(|| modifier_of(&after))
}

/// `if the wind drops below 30 knots`, `once winds fell below 40 mph`, `until the river rises
/// above 5 metres`: a bound in a condition is a threshold someone set, not a figure measured
/// (`when` is left out: `when it struck with winds of more than 140 mph` states a measure).
/// Digits that count nothing: a name's number (`Talon 2 launches`, `the Route 9 bus`: a small
/// bare number right after a capitalised word inside a sentence that is not a headline in
/// title case, and not a month's or a weekday's) and a phone number (`call the police line on
/// 311.`, `dial 999`: a bare number after `on`, `dial`, `call` or `ring` ending its clause,
/// with a word of telephoning in the five words before it).
fn no_count(tokens: &[Token], range: &Range<usize>, claim: &Claim) -> bool {
    let bare = range.len() == 1
        && claim.kind == Kind::Count
        && tokens[range.start].text.len() <= 3
        && tokens[range.start].text.bytes().all(|b| b.is_ascii_digit());
    if !bare || range.start == 0 {
        return false;
    }
    let prev = &tokens[range.start - 1];
    let word = |t: &Token| t.is_word();
    let capitalised = |t: &Token| {
        let mut chars = t.text.chars();
        word(t) && chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    };
    let words = tokens.iter().filter(|t| word(t)).count();
    let title_case = tokens.iter().filter(|t| capitalised(t)).count() * 2 >= words;
    // `In Gaza 40 people died`: a capitalised word after a preposition of place is a place,
    // and the figure after it counts.
    let place = range.start >= 2
        && ["in", "at", "across", "near", "from", "throughout", "around"]
            .iter()
            .any(|w| tokens[range.start - 2].is(w));
    let name = range.start >= 2
        && capitalised(prev)
        && !place
        && !title_case
        && crate::when::month_number(prev.text).is_none()
        && !crate::when::is_weekday_name(prev.text);
    let ends_clause = tokens
        .get(range.end)
        .is_none_or(|t| t.kind == TokenKind::Punct || t.is("or") || t.is("and"));
    let phone = ["on", "dial", "call", "ring"].iter().any(|w| prev.is(w))
        && ends_clause
        && tokens[range.start.saturating_sub(6)..range.start]
            .iter()
            .any(|t| {
                [
                    "line", "hotline", "helpline", "phone", "number", "call", "dial", "ring",
                ]
                .iter()
                .any(|w| t.is(w))
            });
    name || phone
}

fn is_threshold(tokens: &[Token], range: &Range<usize>, claim: &Claim) -> bool {
    let bound = matches!(
        claim.qualifier,
        Qualifier::MoreThan | Qualifier::AtLeast | Qualifier::LessThan | Qualifier::AtMost
    );
    bound
        && !claim.kind.is_time_point()
        && clause_before(tokens, range.clone(), 6)
            .iter()
            .any(|w| ["if", "once", "until", "unless"].contains(w))
}

/// `births exceeded deaths by 76,000`, `the Greens trailed by 4,000 votes`: the gap between two
/// quantities, which is neither of them.
fn is_difference(tokens: &[Token], range: &Range<usize>) -> bool {
    const COMPARING: &[&str] = &[
        "exceeded",
        "exceed",
        "exceeds",
        "outnumbered",
        "outnumber",
        "outnumbers",
        "outstripped",
        "surpassed",
        "trailed",
        "trails",
        "led",
        "leads",
        "beat",
        "beats",
        "outpaced",
    ];
    let before = window(tokens, range.clone(), true, 5, true);
    let Some((last, rest)) = before.split_last() else {
        return false;
    };
    let by = *last == "by" || ((*last == "only" || *last == "just") && rest.last() == Some(&"by"));
    by && rest.iter().any(|w| COMPARING.contains(w))
}

/// `its second major IT failure in three years`, `the worst flooding in 20 years`: the span
/// a rank is counted over, not how long the event lasted.
fn record_window(tokens: &[Token], range: &Range<usize>) -> bool {
    const RANKS: &[&str] = &[
        "first", "second", "third", "fourth", "fifth", "sixth", "last", "most", "only", "worst", "best",
        "least",
    ];
    let before = window(tokens, range.clone(), true, 7, true);
    let Some((last, rest)) = before.split_last() else {
        return false;
    };
    *last == "in"
        && rest
            .iter()
            .any(|w| RANKS.contains(w) || (w.len() > 4 && w.ends_with("est") && !w.ends_with("rest")))
}

/// `rescued 31 hours after the quake`, `three days after the main quake`: the time from the
/// event to something else that happened, which differs from one thing to the next, not how long
/// the event lasted; so is the time `into` the event (`separated 158 seconds into the
/// flight`). Only when the event's own term follows `after`, `before` or `into` within a few
/// words: `pulled out 58 hours after a roof fall trapped them` still says how long they were
/// trapped.
fn offset_from(tokens: &[Token], range: &Range<usize>, term: &str) -> bool {
    let after = window(tokens, range.clone(), false, 5, true);
    let Some(first) = after.first() else {
        return false;
    };
    // `158 seconds into the flight`, `five days into the strike`: the moment something happened
    // in the event, counted from its start.
    if !["after", "before", "into"].contains(first) {
        return false;
    }
    let words: Vec<&str> = term.split(' ').collect();
    (1..after.len().min(4)).any(|i| after[i..].starts_with(&words))
}

/// `Its stock slid 7%`, `the stock price fell 7%`: a company's stock moves as its shares do, so
/// the figure is keyed `percent.shares`; but `the stock market fell 2%` is a market index.
fn stock_noun(before: &[&str], i: usize) -> Option<String> {
    let market = |w: &&str| ["market", "markets", "index", "indices", "exchange", "exchanges"].contains(w);
    (before[i] == "stock" && !before.get(i + 1).is_some_and(market)).then(|| "shares".to_string())
}

/// The proper name right before the noun a percentage is keyed by, in the figure's clause:
/// `Norvik shares rose 2.1%` -> `norvik`, `Apple Inc sales grew 4%` -> `apple_inc`. A noun
/// with no name before it (`Shares fell 7%`, `its shares fell 7%`) has no owner.
fn noun_owner(tokens: &[Token], start: usize, noun: &str) -> Option<String> {
    let at = tokens[..start]
        .iter()
        .rev()
        .take(8)
        .take_while(|t| !is_boundary(t, true))
        .position(|t| t.is(noun) || (noun == "shares" && t.is("stock")))
        .map(|back| start - 1 - back)?;
    let name_word = |t: &Token| {
        t.is_word()
            && t.text.chars().next().is_some_and(char::is_uppercase)
            && !PRONOUNS.contains(&t.folded.as_ref())
            && ![
                "the", "a", "an", "its", "their", "his", "her", "our", "some", "all", "many", "most",
            ]
            .contains(&t.folded.as_ref())
            && crate::when::month_number(t.text).is_none()
    };
    let run: Vec<String> = tokens[..at]
        .iter()
        .rev()
        .take(4)
        .take_while(|t| name_word(t))
        .map(|t| {
            t.lower()
                .trim_end_matches("'s")
                .trim_end_matches("’s")
                .to_string()
        })
        .collect();
    if run.is_empty() {
        return None;
    }
    Some(run.into_iter().rev().collect::<Vec<_>>().join("_"))
}

/// Subject class for non-count kinds: the nearest class that measures this kind.
fn subject<'r>(
    tokens: &[Token],
    range: Range<usize>,
    kind: Kind,
    rules: &'r RuleSet,
    stop_at_comma: bool,
) -> Option<(&'r Class, String)> {
    let after = window(tokens, range.clone(), false, 6, stop_at_comma);
    let before = window(tokens, range, true, 6, stop_at_comma);
    let accept = |c: &Class| !c.role && c.kinds.contains(&kind);
    let a = nearest(&after, false, rules, accept);
    let b = nearest(&before, true, rules, accept);
    pick(a, b).map(|(c, t, _)| (c, t))
}

/// The nearer of two matches, the one after the figure on a tie.
fn pick<'r, T>(
    a: Option<(&'r Class, T, usize)>,
    b: Option<(&'r Class, T, usize)>,
) -> Option<(&'r Class, T, usize)> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let rank = |m: &(&Class, T, usize)| (m.0.priority, std::cmp::Reverse(m.2));
            Some(if rank(&b) > rank(&a) { b } else { a })
        }
        (a, b) => a.or(b),
    }
}

/// `a 23-storey tower`, `a five-bedroom house`, `his 300-page report`: a count joined by a
/// hyphen to the word after it describes the noun that follows; it counts nothing the story
/// reports (`seven dead as fire races up 23-storey tower` is no toll of 23). `40-strong`,
/// `40-odd` and `40-plus` still count what follows, and a word that a class names is the
/// measure itself (`a 7.6-magnitude earthquake`).
fn is_compound_modifier(tokens: &[Token], range: &Range<usize>, rules: &RuleSet) -> bool {
    let (Some(hyphen), Some(word)) = (tokens.get(range.end), tokens.get(range.end + 1)) else {
        return false;
    };
    hyphen.is_hyphen()
        && !hyphen.space_before
        && word.is_word()
        && !word.space_before
        && !["strong", "odd", "plus", "some"].iter().any(|w| word.is(w))
        && !rules.term_index.contains_key(word.folded.as_ref())
}

fn count_key(tokens: &[Token], range: Range<usize>, claim: &Claim, rules: &RuleSet) -> Keyed {
    let none = Keyed {
        key: None,
        noun: None,
    };
    if is_apposed_age(tokens, &range, claim)
        || scope::is_age_bound(tokens, &range, claim)
        || scope::is_denominator(tokens, &range)
        || scope::is_span_of_count(tokens, &range)
        || is_compound_modifier(tokens, &range, rules)
    {
        return none;
    }
    let after = window(tokens, range.clone(), false, 6, false);
    let table = tokens.iter().any(|t| t.text == "|");
    let label = if table {
        table_label(tokens, range.start)
    } else {
        Vec::new()
    };

    let is_subject = |c: &Class| !c.role && c.kinds.contains(&Kind::Count);
    // The counted noun follows the figure in English ("26 foreign leaders", "hundreds of
    // vehicles"); a noun before it counts only when none follows ("the toll rose to 1,870").
    // `a crowd of 83,861`: a class term joined to the figure by `of` names it.
    let clause = clause_before(tokens, range.clone(), 10);
    let bound_by_of = (clause.last() == Some(&"of"))
        .then(|| nearest(&clause, true, rules, is_subject).filter(|m| m.2 == 1))
        .flatten();
    // Proper names after a figure (`83,861, Ollie Watkins scored`) are not what it counts.
    let common_after = common_words_after(tokens, range.clone(), 6);
    // `forced 9,000 from their homes`: a noun behind a preposition is where the counted go,
    // not what is counted.
    // `cancelled more than 900 flights and disrupted the journeys of ...`: a plain plural
    // noun right after the figure is what it counts, before a class term two or more words on
    // (`48,000 runners finished` still counts finishers; a name, `six million Kestrians were
    // eligible to vote`, is not a plain noun).
    let own_plural = after
        .first()
        .is_some_and(|w| common_after.first() == Some(w) && plural_noun(&[w]).is_some());
    let noun_after = nearest(&after, false, rules, is_subject).filter(|m| {
        m.2 <= 4 && !after[..m.2].iter().any(|w| PREPOSITIONS.contains(w)) && (m.2 <= 1 || !own_plural)
    });
    let subject_after = bound_by_of.is_none() && noun_after.is_some();
    let subject = bound_by_of
        .or(noun_after)
        // A plain noun right after the figure ("23 foreign nationals") is its subject, even
        // when a known class stands further back.
        .or_else(|| {
            if plural_noun(&common_after).is_some() {
                None
            } else {
                // `police put turnout at 80,000`: who says the figure is not what it counts.
                nearest(&clause, true, rules, is_subject)
                    .filter(|(_, term, _)| claim.claimant.as_deref() != Some(singular(term).as_str()))
            }
        })
        .or_else(|| nearest(&label, true, rules, is_subject));
    let takes_roles = subject.as_ref().is_none_or(|(c, _, _)| c.takes_roles);
    // A role in the figure's own clause beats a nearer one across a comma: in "5,000 died,
    // 10,000 were injured" the 10,000 were injured.
    let before_clause = clause;
    // `licensed to carry 450 passengers and 60 vehicles`: the second figure of a list shares
    // the role stated before the first.
    let list_before = coordinated_start(tokens, range.start)
        .map(|first| clause_before(tokens, first..first + 1, 10))
        .unwrap_or_default();
    // `convicted him on nine counts and acquitted him on two`: a role past a conjunction
    // after the figure is the next clause's when its own clause states one before it.
    let after_clause: Vec<&str> = after
        .iter()
        .take_while(|w| !["and", "but", "while", "whereas"].contains(*w))
        .copied()
        .collect();
    let own_before = role_of(&[], &before_clause, rules);
    let role = role_of(&after_clause, &before_clause, rules)
        .filter(|_| own_before.is_some())
        .or_else(|| role_of(&after, &before_clause, rules))
        .or_else(|| role_of(&[], &list_before, rules))
        // `20,000 people across the region have had to leave their homes`: the predicate of
        // the counted noun's clause, past a phrase that places it.
        .or_else(|| {
            subject_after
                .then(|| role_of(&predicate_after(tokens, range.clone()), &[], rules))
                .flatten()
        })
        .or_else(|| {
            (!own_predicate_after_and(tokens, &range))
                .then(|| role_of(&after, &before_past_relatives(tokens, range.clone()), rules))
                .flatten()
        })
        // `| Dead | 42 |`: a row label names the role of the figures in its row.
        .or_else(|| role_of(&[], &label, rules))
        .filter(|_| takes_roles)
        .filter(|r| {
            subject
                .as_ref()
                .is_none_or(|(c, _, _)| !c.neutral_roles.contains(r))
        });

    let spelled = !tokens[range.clone()].iter().any(|t| t.is_number());
    if role.is_none()
        && spelled
        && claim.qualifier == Qualifier::Exact
        && claim.stated.is_some_and(|(_, hi)| hi < 10.0)
    {
        // Small spelled counts without an event role ("three leaders standing together") name
        // people the story already introduced, not a figure to check.
        return none;
    }
    let noun = subject
        .as_ref()
        .map(|(_, t, _)| t.clone())
        .or_else(|| plural_noun(&after));
    // A fallback noun that is itself a role word (`860 deaths`) is no subject.
    let is_role_word = |n: &String| {
        rules
            .term_index
            .get(n.as_str())
            .is_some_and(|c| c.iter().any(|&(ci, _)| rules.classes[ci].role))
    };
    let subject_id = match &subject {
        Some((c, _, _)) => Some(c.id.clone()),
        None => plural_noun(&common_after)
            .filter(|n| !is_role_word(n))
            .map(|n| singular(&n)),
    };
    let role = role.map(|r| match severity(tokens, &range) {
        Some(level) if r == "injured" => format!("{r}.{level}"),
        _ => r,
    });
    let key = match (subject_id, role) {
        (Some(s), Some(r)) if s == "people" => Some(r),
        (Some(s), Some(r)) => Some(format!("{s}.{r}")),
        (None, Some(r)) => rules.class(&r).is_none_or(|c| !c.needs_subject).then_some(r),
        (Some(s), None) => {
            let standalone = rules.class(&s).is_none_or(|c| c.standalone);
            standalone.then_some(s)
        }
        (None, None) => None,
    };
    Keyed { key, noun }
}

/// Words that make a figure after them in its clause a forecast or a target, not a result.
const OUTLOOK: &[&str] = &[
    "expects",
    "expected",
    "forecast",
    "forecasts",
    "guidance",
    "outlook",
    "projected",
    "projects",
    "predicts",
    "target",
    "targets",
];

/// `Forecasters expect up to 80 mm more rain`, `60 to 80 millimetres of rain possible`: a
/// measure stated as a forecast is not the measure of what happened. Words before the figure
/// in its clause, or a forecast adjective among the four words after it.
/// `Temperatures are set to stay below 25C`: `set to` before the figure forecasts it too, and
/// a `with` phrase after a comma goes on the clause before it (`Forecasters expect winds to pick
/// up on Friday, with gusts of around 40 km/h`).
fn forecast_measure(tokens: &[Token], range: &Range<usize>) -> bool {
    const BEFORE: &[&str] = &["expect", "predict", "predicted", "forecasting"];
    const AFTER: &[&str] = &["possible", "expected", "forecast", "predicted", "likely"];
    let forecasts = |before: &[&str]| {
        before.iter().any(|w| OUTLOOK.contains(w) || BEFORE.contains(w))
            || before.windows(2).any(|w| w == ["set", "to"])
    };
    let after = window(tokens, range.clone(), false, 4, true);
    forecasts(&clause_before(tokens, range.clone(), 8))
        || with_phrase_after_comma(tokens, range.start)
            .is_some_and(|comma| forecasts(&clause_before(tokens, comma..comma + 1, 8)))
        || after.iter().any(|w| AFTER.contains(w))
}

/// The index of the comma before a short phrase opened by `with` that holds the token at
/// `start` (`..., with gusts of`), if there is one.
fn with_phrase_after_comma(tokens: &[Token], start: usize) -> Option<usize> {
    let mut first = None;
    let mut words = 0;
    for at in (0..start).rev() {
        let t = &tokens[at];
        if t.text == "," {
            return (first == Some("with")).then_some(at);
        }
        if is_boundary(t, true) || words >= 6 {
            return None;
        }
        if t.is_word() {
            first = Some(t.folded.as_ref());
            words += 1;
        }
    }
    None
}

/// Money takes the class of what it pays for, narrowed by the word before that class's term:
/// `Defence spending will hit £64bn` is `budget.defence`, apart from `Health spending`.
fn money_key(tokens: &[Token], range: Range<usize>, rules: &RuleSet) -> Keyed {
    const VERBS: &[&str] = &[
        "reported",
        "reports",
        "posted",
        "posts",
        "said",
        "says",
        "announced",
        "pledged",
        "rose",
        "fell",
        "hit",
        "reached",
        "raised",
        "set",
        "allocated",
        "spent",
        "spends",
        "spend",
        "cut",
        "boosted",
        "totalled",
        "totaled",
    ];
    let after = window(tokens, range.clone(), false, 6, true);
    let before = clause_before(tokens, range, 10);
    let accept = |c: &Class| !c.role && c.kinds.contains(&Kind::Money);
    // `net income of $651 million on revenue of ...`: a term joined to the figure by `of`
    // right before it names the figure, whatever follows.
    let bound_before =
        before.last() == Some(&"of") && nearest_at(&before, true, rules, accept).is_some_and(|m| m.2 == 1);
    // `sold $7.4 billion of bonds at a loss of $1.1 billion`: the noun after `of` says what
    // the sum is of, and a class term further on belongs to another figure.
    let of_noun = after.first() == Some(&"of")
        && after.get(1).is_some_and(|w| {
            ![
                "the", "a", "an", "its", "their", "his", "her", "that", "this", "it",
            ]
            .contains(w)
        });
    let found = match nearest(&after, false, rules, accept)
        .filter(|m| m.2 <= 4 && !bound_before && (!of_noun || m.2 <= 2))
    {
        Some(m) => Some((m, &after, false)),
        None => nearest(&before, true, rules, accept).map(|m| (m, &before, true)),
    };
    let Some(((class, term, distance), words, is_before)) = found else {
        // No known class: `$38 billion in assets`, `assets of $38 billion` still name it.
        let noun = money_noun(&after, &before);
        return Keyed {
            key: noun.as_ref().map(|n| format!("money.{n}")),
            noun,
        };
    };
    let n = term.split(' ').count();
    let term_start = if is_before {
        words.len() - distance - n
    } else {
        distance
    };
    if personal_loss(&term, words, term_start) {
        return Keyed {
            key: None,
            noun: None,
        };
    }
    const NEUTRAL: &[&str] = &[
        "the",
        "a",
        "an",
        "in",
        "of",
        "for",
        "on",
        "to",
        "and",
        "its",
        "their",
        "his",
        "her",
        "new",
        "extra",
        "additional",
        "emergency",
        "humanitarian",
        "annual",
        "total",
        "overall",
        "public",
        "government",
        "federal",
        "national",
        "state",
        "will",
        "would",
        "has",
        "had",
        "was",
        "is",
        "it",
        "they",
        "we",
        "he",
        "she",
        "this",
        "that",
        "which",
        "who",
        // Words that qualify an estimate or a period rather than name a sector.
        "quarter",
        "quarterly",
        "half",
        "year",
        "monthly",
        "fiscal",
        "property",
        "economic",
        "estimated",
        "preliminary",
        "insured",
        "direct",
        "put",
        "ordered",
        "though",
        "although",
        "but",
        "while",
        "yet",
        "still",
        "even",
        "also",
        "only",
        "just",
        "with",
        "from",
        "by",
        "at",
        "as",
    ];
    let modifier = term_start
        .checked_sub(1)
        .and_then(|i| words.get(i))
        .filter(|w| !NEUTRAL.contains(*w) && !OUTLOOK.contains(*w) && !VERBS.contains(*w) && !is_not_noun(w))
        .filter(|w| w.chars().all(char::is_alphabetic))
        // `investors lost $1.4bn` and `Investor losses: $1.4bn` name one sector.
        .map(|w| {
            let canonical = rules.canonical(w);
            let plural =
                w.len() > 3 && w.ends_with('s') && !["ss", "us", "is"].iter().any(|e| w.ends_with(e));
            if canonical == *w && plural {
                singular(w)
            } else {
                canonical
            }
        });
    let mut key = match modifier {
        Some(m) => format!("{}.{m}", class.id),
        None => class.id.clone(),
    };
    // `expects revenue of $4.6bn`: guidance and forecasts are not results.
    if before.iter().any(|w| OUTLOOK.contains(w)) {
        key.push_str(".projected");
    }
    Keyed {
        key: Some(key),
        noun: Some(term),
    }
}

/// `she lost $180,000`, `who lost $74,000`, `he had lost equipment worth €60,000`: what one
/// person lost is their own story, not the event's losses (`investors lost $1.4 billion`).
fn personal_loss(term: &str, words: &[&str], term_start: usize) -> bool {
    if !["lost", "lose", "loses", "losing"].contains(&term) {
        return false;
    }
    let subject = words[..term_start]
        .iter()
        .rev()
        .find(|w| !["had", "has", "have", "also", "already", "just", "reportedly"].contains(*w));
    subject.is_some_and(|w| ["he", "she", "i", "you", "who", "we", "they", "family", "couple"].contains(w))
}

/// The noun money is `in` (`$38 billion in assets`) or `of` (`deposits of $31 billion`).
fn money_noun(after: &[&str], before: &[&str]) -> Option<String> {
    const NOT: &[&str] = &[
        "the", "a", "an", "its", "their", "total", "cash", "all", "new", "order", "addition", "response",
        "return", "exchange", "fact", "part",
    ];
    const SINGULAR: &[&str] = &[
        "capital",
        "equity",
        "debt",
        "cash",
        "revenue",
        "income",
        "investment",
        "spending",
        "savings",
        "funding",
    ];
    // A plural (`assets`, `deposits`) or a money noun; never a place (`in New York`).
    let plural = |w: &str| w.ends_with('s') && !(w.ends_with("ss") || w.ends_with("us") || w.ends_with("is"));
    let usable = |w: &str| {
        w.len() > 3
            && w.chars().all(char::is_alphabetic)
            && !NOT.contains(&w)
            && (plural(w) || SINGULAR.contains(&w))
    };
    if after.first() == Some(&"in") {
        if let Some(n) = after[1..].iter().take(2).find(|w| usable(w)) {
            return Some(n.to_string());
        }
    }
    if before.last() == Some(&"of") && before.len() >= 2 {
        let n = before[before.len() - 2];
        if usable(n) {
            return Some(n.to_string());
        }
    }
    None
}

/// A person's age set off after their name or description: `Vera Szold, 68, said`, `the
/// driver, 34, was arrested`, `Vera Szold (68)`. It counts nothing in the story, so it gets no
/// key; without this, the role word that follows (`was arrested`) would make it a count.
fn is_apposed_age(tokens: &[Token], range: &Range<usize>, claim: &Claim) -> bool {
    let whole_years = claim.qualifier == Qualifier::Exact
        && claim
            .stated
            .is_some_and(|(lo, hi)| lo == hi && lo.fract() == 0.0 && (1.0..=120.0).contains(&lo));
    if !whole_years || range.start < 2 || range.end >= tokens.len() || range.len() != 1 {
        return false;
    }
    let (open, close) = (&tokens[range.start - 1], &tokens[range.end]);
    let set_off = matches!((open.text, close.text), ("," | "(", ",") | ("(", ")"));
    if !set_off {
        return false;
    }
    // What the figure is set off from: a name (`Szold`) or a person noun after `the` (`the
    // driver`), not a number of a list (`12, 15, 18`) or a clause (`In 2019, 45 died`).
    let head = &tokens[range.start - 2];
    let named = head.is_word() && head.text.chars().next().is_some_and(char::is_uppercase);
    let described = head.is_word()
        && range.start >= 3
        && ["the", "a", "an", "his", "her", "their"]
            .iter()
            .any(|w| tokens[range.start - 3].is(w));
    (named || described) && !tokens.get(range.end + 1).is_some_and(Token::is_number)
}

/// `a 14-year-old jet`: the age of the thing named after it.
fn age_key(tokens: &[Token], range: Range<usize>, rules: &RuleSet) -> Keyed {
    let after = window(tokens, range, false, 3, true);
    let subject = nearest(&after, false, rules, |c: &Class| !c.role);
    let id = match subject {
        Some((class, _, _)) => Some(class.id.clone()),
        None => after
            .first()
            .filter(|w| w.len() > 2 && !is_not_noun(w))
            .map(|w| w.to_string()),
    };
    Keyed {
        key: id.as_ref().map(|i| format!("{i}.age")),
        noun: id,
    }
}

/// Role of a count: the nearest role term; `killed or wounded` joins two roles.
fn role_of(after: &[&str], before: &[&str], rules: &RuleSet) -> Option<String> {
    let is_role = |c: &Class| c.role;
    let a = nearest_at(after, false, rules, is_role);
    let b = nearest_at(before, true, rules, is_role);
    let (class, term, distance) = pick(a, b)?;
    let from_after = a.is_some_and(|(c, _, d)| c.id == class.id && d == distance);
    let words = if from_after { after } else { before };
    // Look for `<term> or|and <other role>` right next to the found term.
    let term_words = joined_word_count(&class.terms[term]);
    let pos = if from_after {
        distance
    } else {
        words.len() - distance - term_words
    };
    let next = pos + term_words;
    if words.get(next).is_some_and(|w| *w == "or" || *w == "and") {
        if let Some((other, _, 0)) = nearest_at(&words[next + 1..], false, rules, is_role) {
            if other.id != class.id {
                let mut ids = [class.id.clone(), other.id.clone()];
                ids.sort();
                return Some(ids.join("_or_"));
            }
        }
    }
    Some(class.id.clone())
}

/// Time points take the key of the event they date: the event noun before them in the same
/// clause (`the parade ... on September 3`), one right after them (`a September 3 parade`),
/// or one inside the phrase (`his 14-year rule`).
fn time_key(tokens: &[Token], range: Range<usize>, claim: &Claim, rules: &RuleSet) -> Keyed {
    let none = Keyed {
        key: None,
        noun: None,
    };
    let since = claim.relation == Some(Relation::Since);
    let prev = range
        .start
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .map(|t| t.lower());
    let next_is_word = tokens.get(range.end).is_some_and(|t| t.is_word());
    // `the 2015 parade` names one parade; `the 2021 to 2025 model years` states a span.
    let span_of_years = claim.value.is_some_and(|v| v.lo_value() != v.hi_value());
    let attributive_year = claim.kind == Kind::Year
        && !since
        && !span_of_years
        && next_is_word
        && prev
            .as_deref()
            .is_some_and(|p| ["the", "a", "an"].contains(&p) || p.ends_with("'s") || p.ends_with("’s"));
    if attributive_year {
        // `the 2015 parade`: the year names which parade, it is not a claim about this one.
        return none;
    }
    let accept = |c: &Class| !c.role && c.kinds.contains(&claim.kind);
    let inside: Vec<&str> = tokens[range.clone()]
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.folded.as_ref())
        .collect();
    let mut before = window(tokens, range.clone(), true, 8, true);
    // `a ballot that closed on February 12`: in a relative clause, the date is its head's
    // (`a ballot`, `its invasion of the country`: the noun phrase before the relative), not
    // that of an event named further back (`voted for strike action`).
    if let Some(relative) = before
        .iter()
        .rposition(|w| ["that", "which", "who", "whom"].contains(w))
    {
        let start = head_start(&before, relative);
        before = Few::of(&before[start..]);
    }
    // `An inquiry into the fire reported in 2021`: an event named after `into` is what an
    // inquiry or a review looks into; the date is the inquiry's, not the event's.
    if let Some(into) = before.iter().position(|w| *w == "into") {
        let complement = before[into + 1..].iter().take(3).position(|w| {
            rules
                .term_index
                .get(*w)
                .is_some_and(|c| c.iter().any(|&(ci, _)| accept(&rules.classes[ci])))
        });
        if let Some(term) = complement.filter(|&t| into + 2 + t < before.len()) {
            let mut kept: Vec<&str> = before[..into].to_vec();
            kept.extend_from_slice(&before[into + 2 + term..]);
            before = Few::of(&kept);
        }
    }
    let after = window(tokens, range, false, 2, true);
    let found = nearest(&inside, false, rules, accept).or_else(|| {
        pick(
            nearest(&after, false, rules, accept).filter(|m| m.2 <= 1),
            nearest(&before, true, rules, accept),
        )
    });
    let Some((class, term, _)) = found else {
        return match (since, claim.kind) {
            (false, Kind::Date) => next_occasion(&before).map_or(none, |noun| Keyed {
                key: Some(format!("{noun}.date.next")),
                noun: Some(noun),
            }),
            _ => none,
        };
    };
    let suffix = if since {
        "since"
    } else if claim.kind == Kind::Year {
        "year"
    } else {
        "date"
    };
    Keyed {
        key: Some(format!("{}.{suffix}", class.id)),
        noun: Some(term),
    }
}

/// `The bank's next rate decision is due on December 10`, `The next hearing will be on 3 May`:
/// the date of the next occasion of something, which no class names. The noun is the last
/// word after `next` before the verb or preposition that ends the phrase; `next week` and
/// other times are dates themselves, not occasions.
fn next_occasion(before: &[&str]) -> Option<String> {
    const ENDS: &[&str] = &[
        "is",
        "are",
        "was",
        "will",
        "would",
        "has",
        "had",
        "be",
        "due",
        "set",
        "scheduled",
        "expected",
        "planned",
        "on",
        "for",
        "from",
        "of",
        "at",
        "in",
        "by",
        "to",
        "takes",
        "comes",
        "falls",
    ];
    const TIMES: &[&str] = &[
        "day",
        "days",
        "week",
        "weeks",
        "weekend",
        "month",
        "months",
        "year",
        "years",
        "time",
        "quarter",
        "season",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "morning",
        "afternoon",
        "evening",
        "night",
        "one",
        "few",
        "two",
        "three",
    ];
    let at = before.iter().rposition(|w| *w == "next")?;
    let phrase = &before[at + 1..];
    let end = phrase.iter().position(|w| ENDS.contains(w))?;
    let words = &phrase[..end];
    let noun_like = |w: &&str| w.len() > 2 && w.chars().all(char::is_alphabetic) && !TIMES.contains(w);
    let joined = |w: &&str| ["and", "or", "but", "then"].contains(w);
    let phrase_fits = (1..=3).contains(&words.len()) && words.iter().all(|w| noun_like(w) && !joined(w));
    phrase_fits.then(|| singular(words[words.len() - 1]))
}

/// Where the noun phrase that ends right before `end` starts: its determiners, and the nouns
/// an `of` joins (`its invasion of the country`).
fn head_start(words: &[&str], end: usize) -> usize {
    const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "this", "that"];
    let mut start = end.saturating_sub(1);
    loop {
        while start > 0 && DETERMINERS.contains(&words[start - 1]) {
            start -= 1;
        }
        if start >= 2 && words[start - 1] == "of" {
            start -= 2;
        } else {
            return start;
        }
    }
}

/// The named place a distance is measured from: `95 km southwest of Port Calder`,
/// `40 km off the coast of Sanvel Bay`, `300 miles from Kyiv` -> `port_calder`.
fn place_after(tokens: &[Token], range: Range<usize>) -> Option<String> {
    // The eight tokens after the figure in its clause, past a bracketed conversion (`142-mile
    // (229 km) main line`).
    let mut words: Vec<&Token> = Vec::with_capacity(8);
    let mut at = range.end;
    while let Some(t) = tokens.get(at) {
        at += 1;
        if let Some(past) = conversion(tokens, at, false) {
            at = past;
            continue;
        }
        if is_boundary(t, true) || words.len() >= 8 {
            break;
        }
        words.push(t);
    }
    let from = words
        .iter()
        .position(|t| t.is("from") || t.is("of") || t.is("off") || t.is("between"))?;
    let capitalised = |t: &Token| t.is_word() && t.text.chars().next().is_some_and(char::is_uppercase);
    let rest = &words[from + 1..];
    let start = rest.iter().position(|t| capitalised(t))?;
    // Only `the coast of`-like filler may stand between the preposition and the name.
    if rest[..start].iter().any(|t| {
        !(t.is("the") || t.is("coast") || t.is("of") || t.is("city") || t.is("centre") || t.is("center"))
    }) {
        return None;
    }
    let name_of = |names: &[&Token]| -> Vec<String> {
        names
            .iter()
            .take_while(|t| capitalised(t))
            .map(|t| t.lower())
            .collect()
    };
    let name = name_of(&rest[start..]);
    if name.is_empty() {
        return None;
    }
    // `between Ravel and Ostby`, `from Ravel to Ostby`: the route, whichever way round.
    let after_name = &rest[start + name.len()..];
    let joined = after_name.first().is_some_and(|t| t.is("and") || t.is("to"));
    let other = if joined {
        name_of(&after_name[1..])
    } else {
        Vec::new()
    };
    if !other.is_empty() {
        let mut ends = [name.join("_"), other.join("_")];
        ends.sort();
        return Some(ends.join("_"));
    }
    Some(name.join("_"))
}

/// First cell of a table row, as context for the figures in the row.
fn table_label<'t>(tokens: &'t [Token], upto: usize) -> Vec<&'t str> {
    // `| Leaders | 26 |`: a leading bar opens the row; the label is the first cell.
    let skip = usize::from(tokens.first().is_some_and(|t| t.text == "|"));
    let first_bar = tokens[skip..]
        .iter()
        .position(|t| t.text == "|")
        .map_or(skip, |p| p + skip);
    if first_bar >= upto {
        return Vec::new();
    }
    tokens[skip..first_bar]
        .iter()
        .filter(|t| t.is_word())
        .map(|t| t.folded.as_ref())
        .collect()
}

/// The lower-case words after a figure in its clause: proper names left out.
fn common_words_after<'t>(tokens: &'t [Token], range: Range<usize>, limit: usize) -> Vec<&'t str> {
    tokens[range.end..]
        .iter()
        .take_while(|t| !is_boundary(t, true))
        .filter(|t| t.is_word())
        .take(limit)
        .filter(|t| !t.text.chars().next().is_some_and(char::is_uppercase))
        .map(|t| t.folded.as_ref())
        .collect()
}

/// The singular of a plural noun, for key names: `companies` -> `company`, `buses` -> `bus`.
/// Function words that are never a noun, let alone a claimant: conjunctions, auxiliaries,
/// pronouns and particles (`..., and says 260 bridges`; `aged 78 and his wife`).
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "and", "or", "but", "nor", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "will", "would", "can", "could", "may", "might", "must", "should", "what", "whose", "which", "who", "my",
    "your", "our", "now", "then", "up", "down",
];

/// The commonest verbs in their `-s` and past forms, which a keyer without parts of speech
/// would otherwise take for plural nouns (`which spends 3 per cent`, `now holds one in nine`)
/// or for a noun's modifier (`face fines of £1,000`). Not used for claimants: a capitalised
/// name may be spelled like one (`said Graham Fell`).
const VERB_FORMS: &[&str] = &[
    "says", "said", "rises", "rose", "falls", "fell", "puts", "posts", "holds", "held", "spends", "stays",
    "makes", "made", "making", "takes", "took", "gives", "gave", "gets", "got", "goes", "went", "comes",
    "came", "tells", "told", "remains", "includes", "affects", "depends", "faces", "face", "fails", "flies",
    "pulls", "passes", "braces", "seems", "means", "needs", "wants", "warns", "died", "managed", "manages",
];

/// Words that are never what a figure counts, whose age it is, or a sector money is spent on.
fn is_not_noun(word: &str) -> bool {
    FUNCTION_WORDS.contains(&word) || VERB_FORMS.contains(&word)
}

/// The singular of an English plural; a word that only ends in `s` (`furious`, `bus`,
/// `crisis`, `class`) is its own singular.
fn singular(word: &str) -> String {
    if ["ous", "ss", "us", "is"].iter().any(|e| word.ends_with(e)) {
        return word.to_string();
    }
    if let Some(stem) = word.strip_suffix("ies") {
        return format!("{stem}y");
    }
    for ending in ["sses", "shes", "ches", "xes", "zes", "uses", "sses"] {
        if word.ends_with(ending) {
            return word[..word.len() - 2].to_string();
        }
    }
    word.strip_suffix('s').unwrap_or(word).to_string()
}

/// Prepositions that put a noun after a figure in a phrase of its own: `9,000 from their
/// homes`, `2,000 troops in armoured vehicles`.
const PREPOSITIONS: &[&str] = &[
    "from",
    "in",
    "into",
    "at",
    "on",
    "across",
    "near",
    "inside",
    "outside",
    "for",
    "with",
    "without",
    "by",
    "to",
    "since",
    "under",
    "through",
    "throughout",
];

/// Up to twelve words after a figure, to the end of its clause: the predicate of the noun it
/// counts. A comma, a conjunction or a relative word ends the clause, so that the role of
/// another clause (`and police arrested 12`) is never read.
fn predicate_after<'t>(tokens: &'t [Token], range: Range<usize>) -> Vec<&'t str> {
    const ENDS: &[&str] = &[
        "and", "but", "or", "while", "whereas", "where", "who", "which", "that", "when", "after", "before",
        "because", "as", "although", "though", "if", "than",
    ];
    tokens[range.end..]
        .iter()
        .take_while(|t| !is_boundary(t, true) && !ENDS.iter().any(|w| t.is(w)))
        .filter(|t| t.is_word())
        .take(12)
        .map(|t| t.folded.as_ref())
        .collect()
}

/// A plural noun among the first words after a figure: `10 foreign trips`, `45 echelons`.
fn plural_noun(after: &[&str]) -> Option<String> {
    const STOP: &[&str] = &[
        "in", "to", "for", "on", "at", "with", "by", "from", "and", "or", "into", "than", "as",
    ];
    const NOT_COUNTED: &[&str] = &[
        "times",
        "others",
        "ones",
        "is",
        "was",
        "has",
        "as",
        "its",
        "this",
        "his",
        "us",
        "percent",
        "years",
        "days",
        "months",
        "weeks",
        "hours",
        "minutes",
        "seconds",
        "decades",
        "plus",
        "less",
        "kilometers",
        "miles",
        "meters",
        "metres",
        "its",
        "thus",
        "always",
        "across",
        "series",
    ];
    after
        .iter()
        .skip_while(|w| **w == "of")
        .take_while(|w| !STOP.contains(*w))
        .take(3)
        .find(|w| {
            w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.contains('\'') && !w.contains('’')
        })
        .filter(|w| !NOT_COUNTED.contains(*w) && !is_not_noun(w))
        .map(|w| w.to_string())
}

/// Pronouns that stand for a set named elsewhere: `half of them` says nothing of what is counted.
const PRONOUNS: &[&str] = &[
    "them", "those", "these", "us", "which", "whom", "it", "this", "that",
];

/// `Children make up 55% of the arrivals`, `Women account for 40% of the staff`: the subject
/// of a verb of proportion is what the percentage counts, not the whole after `of`.
fn share_subject(before: &[&str]) -> Option<String> {
    const VERBS: &[[&str; 2]] = &[
        ["make", "up"],
        ["makes", "up"],
        ["made", "up"],
        ["account", "for"],
        ["accounts", "for"],
        ["accounted", "for"],
    ];
    let n = before.len();
    let verb = n.checked_sub(2).map(|at| [before[at], before[at + 1]])?;
    if !VERBS.contains(&verb) {
        return None;
    }
    // The noun right before the verb (`children`, `women`: irregular plurals too).
    before[..n - 2]
        .last()
        .filter(|w| is_content_word(w) && !["they", "who", "and", "together"].contains(*w))
        .map(|w| w.to_string())
}

/// A word that can name what is counted: letters only, longer than two, no pronoun and no
/// adverb or article that sits between a verb and its noun.
fn is_content_word(word: &str) -> bool {
    word.len() > 2
        && word.chars().all(char::is_alphabetic)
        && !PRONOUNS.contains(&word)
        && !["the", "not", "now", "still"].contains(&word)
}

/// `more than half of them are children`: after a pronoun, the noun the clause says they are.
fn pronoun_complement(after: &[&str]) -> Option<String> {
    match after {
        ["of", pronoun, "are" | "were", rest @ ..] if PRONOUNS.contains(pronoun) => rest
            .iter()
            .take(2)
            .find(|w| is_content_word(w))
            .map(|w| w.to_string()),
        _ => None,
    }
}

/// `holds about 11% of the shares`: a share of a company's shares or stock is a stake, not a
/// move of its share price (`shares fell 3.1%`).
fn stake(noun: &str) -> String {
    if ["shares", "stock", "stake", "equity"].contains(&noun) {
        "stake".to_string()
    } else {
        noun.to_string()
    }
}

/// `a 32% premium`, `a 25 per cent stake`: after `a` and the figure, the noun it qualifies.
/// A unit, a time word or a word made of the figure's own parts is no noun.
fn attributive_noun(tokens: &[Token], range: &Range<usize>, after: &[&str]) -> Option<String> {
    let article = range
        .start
        .checked_sub(1)
        .and_then(|i| tokens.get(i))
        .is_some_and(|t| t.is("a") || t.is("an"));
    let next = tokens.get(range.end).filter(|t| t.is_word())?;
    let lower = next.text.chars().next().is_some_and(char::is_lowercase);
    const NOT: &[&str] = &[
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "more",
        "less",
        "higher",
        "lower",
        "year",
        "day",
        "week",
        "month",
        "point",
        "points",
        "chance",
        "probability",
    ];
    let word = *after.first()?;
    (article && lower && word.len() > 3 && word.chars().all(char::is_alphabetic) && !NOT.contains(&word))
        .then(|| word.to_string())
}

/// The head of an `of` phrase after a percentage: `90% of North Korea's trade` -> `trade`.
fn of_noun(after: &[&str]) -> Option<String> {
    if after.first() != Some(&"of") || after.get(1).is_some_and(|w| PRONOUNS.contains(w)) {
        return None;
    }
    // Determiners are skipped before the noun; after it, they, prepositions and conjunctions
    // end the phrase (`a third of capacity as the region braces for...`).
    const STOP: &[&str] = &[
        "the", "a", "an", "all", "its", "their", "his", "her", "our", "and", "or", "in", "on", "at", "to",
        "for", "from", "by", "with", "is", "are", "was", "were", "as", "while", "when", "because", "since",
        "but", "than", "after", "before", "if", "amid", "despite", "during", "over", "under", "into",
        "across", "through", "against",
    ];
    // `81% of kindergarteners had received both doses`: a verb ends the noun phrase.
    const VERBS: &[&str] = &[
        "had", "has", "have", "will", "would", "could", "can", "did", "do", "does", "been", "be", "who",
        "that", "which",
    ];
    let mut head = None;
    for w in &after[1..] {
        // `6% of the combined workforce of roughly 46,000`: a second `of` ends the phrase.
        if VERBS.contains(w) || (*w == "of" && head.is_some()) {
            break;
        }
        if STOP.contains(w) {
            if head.is_some() {
                break;
            }
            continue;
        }
        if w.ends_with("'s") || w.ends_with("’s") {
            continue;
        }
        head = Some(w.to_string());
    }
    // `3% of GDP`, `40% of the population`: a denominator says nothing of what is measured.
    const DENOMINATORS: &[&str] = &[
        "gdp",
        "output",
        "economy",
        "population",
        "total",
        "income",
        "budget",
        "people",
        "residents",
        "adults",
        "revenue",
        // `41% of the long-term average`, `60% of normal`: a baseline of any measure.
        "average",
        "normal",
    ];
    head.filter(|h| !DENOMINATORS.contains(&h.as_str()))
}

/// Event-pack facts narrow a generic key by the words of the sentence. `words` holds the
/// sentence's words once built, for the other claims of the same sentence.
fn narrow(key: &str, tokens: &[Token], words: &OnceCell<SentenceWords>, rules: &RuleSet) -> Option<String> {
    for fact in &rules.facts {
        if !fact.generic.iter().any(|g| g == key) {
            continue;
        }
        let words = words.get_or_init(|| SentenceWords::new(tokens, rules));
        let in_context = fact.context.is_empty() || fact.context.iter().any(|t| words.has(t, rules));
        let excluded = fact.exclude.iter().any(|t| words.has(t, rules));
        if in_context && !excluded {
            return Some(fact.key.clone());
        }
    }
    None
}

/// The words of a sentence as written and in their canonical forms, space-delimited so that
/// context terms of several words ("storm surge") match as phrases.
struct SentenceWords {
    plain: String,
    canonical: String,
}

impl SentenceWords {
    fn new(tokens: &[Token], rules: &RuleSet) -> Self {
        let words: Vec<&str> = tokens
            .iter()
            .filter(|t| t.is_word())
            .map(|t| t.folded.as_ref())
            .collect();
        let plain = format!(" {} ", words.join(" "));
        let canonical = format!(
            " {} ",
            words
                .iter()
                .map(|w| rules.canonical(w))
                .collect::<Vec<_>>()
                .join(" ")
        );
        SentenceWords { plain, canonical }
    }

    fn has(&self, term: &String, rules: &RuleSet) -> bool {
        let needle = format!(" {term} ");
        self.plain.contains(&needle)
            || self.canonical.contains(&needle)
            || rules.aliases.iter().any(|(alias, target)| {
                target == term && alias.contains(' ') && self.plain.contains(&format!(" {alias} "))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    #[test]
    fn lower_is_agrees_with_lower_casing() {
        for (word, lower) in [
            ("As", "as"),
            ("FOUNDED", "founded"),
            ("as", "of"),
            ("\u{212A}m", "km"),
            ("Ünited", "united"),
        ] {
            assert_eq!(lower_is(word, lower), word.to_lowercase() == lower, "{word}");
        }
    }

    #[test]
    fn last_words_are_the_last_five_alphanumeric_runs() {
        for before in [
            "",
            "as of",
            "Veltra, founded in ",
            "  the toll (as of Tuesday's count) ",
            "one two three four five six seven ",
            "Zürich's café, as of the ",
            "café one two three four five ",
            "one two three four éa ",
            "x\u{212A}y as-of 3 ",
            "the “official” count — as of ",
            "Hale’s budget, which she said—as of March ",
            "日本 the 東京 count ",
            "...!!",
        ] {
            let mut expected: Vec<&str> = before
                .rsplit(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .take(5)
                .collect();
            expected.reverse();
            assert_eq!(last_words(before).as_slice(), expected.as_slice(), "{before}");
        }
    }

    #[test]
    fn few_reads_as_the_words_pushed() {
        let mut few = Few::new();
        for w in ["a", "b", "c"] {
            few.push(w);
        }
        few.reverse();
        assert_eq!(few.as_slice(), ["c", "b", "a"]);
        assert_eq!(Few::of(&few[1..]).as_slice(), ["b", "a"]);
    }

    /// `(text, key)` of every claim of `text` read as one sentence published on `published`.
    pub(super) fn keys_on(
        text: &str,
        rules: &RuleSet,
        published: Option<chrono::NaiveDate>,
    ) -> Vec<(String, Option<String>)> {
        let sentences = [Range {
            start: 0,
            end: text.len(),
        }];
        let mut claims = extract(text, &sentences, 0, published);
        assign_keys(text, &mut claims, rules, published);
        claims
            .into_iter()
            .map(|c| (c.text.to_string(), c.key.map(|k| k.to_string())))
            .collect()
    }

    fn keys_with(text: &str, rules: &RuleSet) -> Vec<(String, Option<String>)> {
        keys_on(text, rules, chrono::NaiveDate::from_ymd_opt(2025, 9, 2))
    }

    fn key(text: &str) -> Option<String> {
        let all = keys_with(text, &RuleSet::generic());
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all[0].1.clone()
    }

    #[test]
    fn an_earlier_value_beside_a_figure_takes_its_key_as_earlier() {
        let got = keys_with(
            "The storm has destroyed 412 homes, up from 290 on Friday.",
            &RuleSet::generic(),
        );
        let current = got[0].1.clone().expect("the current figure is keyed");
        assert_eq!(got[0].0, "412");
        assert!(got.iter().any(
            |(text, key)| text == "290" && key.as_deref() == Some(format!("{current}@earlier").as_str())
        ));
        let got = keys_with(
            "About 52,000 homes were without power, down from a peak of 96,000.",
            &RuleSet::generic(),
        );
        let current = got[0].1.clone().expect("the current figure is keyed");
        assert_eq!(got[1].1, Some(format!("{current}@earlier")));
        // Counter-test: a change (`up by`) or a figure after `from` with no change word is no
        // earlier value.
        for text in [
            "The storm has destroyed 412 homes, up by 120 on Friday.",
            "The storm has destroyed 412 homes, from 290 villages.",
        ] {
            let got = keys_with(text, &RuleSet::generic());
            assert!(
                got.iter()
                    .all(|(_, k)| !k.as_deref().is_some_and(|k| k.ends_with(EARLIER))),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn a_sum_of_a_named_thing_takes_no_class_further_on() {
        let loss = key("The insurer took a $400 million loss on bonds.");
        assert_eq!(loss.as_deref(), Some("profit"));
        let sold = key("The insurer sold $3 billion of bonds at a loss.");
        assert_ne!(sold, loss);
        // Counter-test: a class term right after `of` still names the sum.
        assert!(key("The insurer holds $3 billion of revenue in reserve.").is_some());
        assert_eq!(
            key("The insurer holds $3 billion of revenue in reserve.").as_deref(),
            key("The insurer holds $3 billion revenue in reserve.").as_deref()
        );
    }

    #[test]
    fn the_digits_of_a_name_or_a_phone_number_count_nothing() {
        for text in [
            "Insurers expect premiums for Vega 3 rockets to rise.",
            "Anyone with news of the missing is asked to call the emergency line on 555.",
            "Residents should dial 101 or visit the council office.",
        ] {
            let got = keys_with(text, &RuleSet::generic());
            assert!(got.iter().all(|(_, k)| k.is_none()), "{text}: {got:?}");
        }
        // Counter-tests: a count after a capitalised first word, a title-case headline, and a
        // number after `call` that goes on to its noun stay counts.
        assert_eq!(key("Police arrested 40 people.").as_deref(), Some("arrested"));
        assert_eq!(key("Some 40 people were arrested.").as_deref(), Some("arrested"));
        assert_eq!(
            key("Quake Kills 118 People In Hill Town").as_deref(),
            Some("dead")
        );
        assert_eq!(
            key("After a phone call, police arrested 14 people.").as_deref(),
            Some("arrested")
        );
        // After a place named behind a preposition, the figure still counts.
        assert_eq!(
            key("Shelling killed civilians overnight and in Kharsk 40 people died.").as_deref(),
            key("Shelling killed civilians overnight and in the city 40 people died.").as_deref()
        );
        assert!(key("In the city 40 people died.").is_some());
    }

    #[test]
    fn the_figure_a_change_starts_from_is_an_earlier_value() {
        for text in [
            "The ferry's load limit was lowered from 60 tonnes to 25 tonnes.",
            "The depot cut its fleet from 120 buses to 85 buses.",
        ] {
            let got = keys_with(text, &RuleSet::generic());
            let to = got[1].1.clone();
            assert!(to.as_deref().is_some_and(|k| !k.contains('@')), "{text}: {got:?}");
            assert_eq!(got[0].1, to.map(|k| format!("{k}{EARLIER}")), "{text}: {got:?}");
        }
        // Counter-test: two figures joined by `and` are no change.
        let got = keys_with(
            "The ferry carries 60 tonnes of freight and 25 tonnes of mail.",
            &RuleSet::generic(),
        );
        assert!(
            got.iter()
                .all(|(_, k)| !k.as_deref().is_some_and(|k| k.ends_with(EARLIER))),
            "{got:?}"
        );
    }

    #[test]
    fn a_report_in_the_past_perfect_gives_earlier_values() {
        let got = keys_with(
            "Earlier, the agency had said that 40 people were injured.",
            &RuleSet::generic(),
        );
        let injured = got.iter().find(|(t, _)| t == "40").and_then(|(_, k)| k.clone());
        assert_eq!(injured.as_deref(), Some("injured@earlier"));
        // Counter-tests: a report as of a time, a present report, money put into something.
        for (text, figure) in [
            ("By Friday evening officials had confirmed 19 deaths.", "19"),
            ("The agency said 40 people were injured.", "40"),
            ("She said she had put $90,000 into the fund.", "$90,000"),
        ] {
            let got = keys_with(text, &RuleSet::generic());
            let key = got.iter().find(|(t, _)| t == figure).and_then(|(_, k)| k.clone());
            assert!(
                !key.as_deref().is_some_and(|k| k.ends_with(EARLIER)),
                "{text}: {got:?}"
            );
        }
    }

    #[test]
    fn subjects_and_roles() {
        assert_eq!(
            key("tens of thousands of troops marching").as_deref(),
            Some("troops")
        );
        assert_eq!(
            key("North Korea has sent approximately 15,000 troops to Russia").as_deref(),
            Some("troops.deployed")
        );
        assert_eq!(key("at least 1,240 people were killed").as_deref(), Some("dead"));
        assert_eq!(key("the death toll rose to 1,870").as_deref(), Some("dead"));
        assert_eq!(
            key("over 35 million killed or wounded").as_deref(),
            Some("dead_or_injured")
        );
        assert_eq!(
            key("more than 20 other world leaders").as_deref(),
            Some("leaders")
        );
        assert_eq!(key("10 foreign trips").as_deref(), Some("visit"));
        assert_eq!(key("45 echelons").as_deref(), Some("echelon"));
        let got = keys_with(
            "over 100 aircraft, and hundreds of military vehicles",
            &RuleSet::generic(),
        );
        assert_eq!(got[1].1.as_deref(), Some("vehicles"));
        assert_eq!(
            key("send thousands of military construction workers").as_deref(),
            Some("worker.deployed")
        );
    }

    fn key_on(text: &str, figure: &str, published: (i32, u32, u32)) -> Option<String> {
        let day = chrono::NaiveDate::from_ymd_opt(published.0, published.1, published.2);
        keys_on(text, &RuleSet::generic(), day)
            .into_iter()
            .find(|(t, _)| t == figure)
            .unwrap_or_else(|| panic!("{figure} in {text}"))
            .1
    }

    #[test]
    fn a_past_date_after_a_noun_dates_its_figure() {
        assert_eq!(
            key_on(
                "A 24-hour stoppage in October led to cancellations.",
                "24-hour",
                (2026, 3, 10)
            )
            .as_deref(),
            Some("labour_strike.duration@2025")
        );
        // Further from the figure, a date in a past month dates only what follows it.
        assert_eq!(
            key_on(
                "The stoppage lasted 24 hours and ended in talks that broke down in October.",
                "24 hours",
                (2026, 3, 10)
            )
            .as_deref(),
            Some("labour_strike.duration")
        );
    }

    #[test]
    fn names_digits_and_a_parents_children_are_not_figures_of_the_story() {
        assert_eq!(
            key_on(
                "Rescuers searched for the missing miner, a dad of three.",
                "three",
                (2026, 4, 19)
            ),
            None
        );
        // `Kessel-7` between a figure and its year does not cut them apart.
        assert!(key_on(
            "Inspectors listed 37 safety violations at Kessel-7 in 2025.",
            "37",
            (2026, 4, 19)
        )
        .is_some_and(|k| k.ends_with("@2025")));
        assert_eq!(
            key_on(
                "Inspectors listed 37 safety violations at Kessel-7 in 2025.",
                "37",
                (2026, 4, 19)
            ),
            key_on(
                "Inspectors listed 37 safety violations at the mine in 2025.",
                "37",
                (2026, 4, 19)
            ),
        );
    }

    #[test]
    fn the_nearest_year_dates_a_figure() {
        assert_eq!(
            key_on(
                "Inspectors found 30 violations during a 2025 inspection, and Corbel was fined 1.2 million euros in 2024.",
                "1.2 million euros",
                (2026, 4, 19)
            )
            .as_deref(),
            Some("fine@2024")
        );
    }

    #[test]
    fn a_distance_between_two_places_is_the_routes() {
        let route = Some("distance.ostby_ravel".to_string());
        assert_eq!(
            key_on(
                "Buses ran on the 142-mile (229 km) main line between Ravel and Ostby.",
                "142-mile",
                (2026, 3, 10)
            ),
            route
        );
        assert_eq!(
            key_on(
                "On the 260-kilometre main line from Ostby to Ravel, trains were thin.",
                "260-kilometre",
                (2026, 3, 10)
            ),
            route
        );
        assert_eq!(
            key_on(
                "Ostby sits at the far end of the 142-mile main line from Ravel.",
                "142-mile",
                (2026, 3, 10)
            )
            .as_deref(),
            Some("distance.ravel")
        );
    }

    #[test]
    fn a_date_in_a_relative_clause_is_its_heads() {
        assert_eq!(
            key_on(
                "It ended the invasion of the country that began in 1931.",
                "1931",
                (2025, 9, 3)
            ),
            key_on("It ended the invasion that began in 1931.", "1931", (2025, 9, 3)),
        );
        assert_eq!(
            key_on(
                "Members voted for strike action in a ballot that closed on February 12.",
                "February 12",
                (2026, 3, 10)
            ),
            None
        );
        assert_eq!(
            key_on(
                "Members backed the walkout that began on March 10.",
                "March 10",
                (2026, 3, 10)
            )
            .as_deref(),
            Some("labour_strike.date")
        );
    }

    #[test]
    fn as_of_a_few_words_before_a_date_makes_it_an_as_of_date() {
        let text = "As of the state's Tuesday update, 197 cases had been confirmed.";
        assert_eq!(
            key_on(text, "197", (2026, 2, 19)).as_deref(),
            Some("infected@2026-02-17")
        );
        let far = "As of now, the state says, after its Tuesday update, 197 cases had been confirmed.";
        assert_eq!(key_on(far, "197", (2026, 2, 19)).as_deref(), Some("infected"));
    }

    #[test]
    fn a_year_in_a_since_phrase_after_a_figure_does_not_date_it() {
        let text =
            "The river peaked at 8.9 metres at the bridge, the highest since the gauge was moved in 2004.";
        assert_eq!(
            key_on(text, "8.9 metres", (2026, 10, 21)).as_deref(),
            Some("length.distance")
        );
        let dated = "The river peaked at 9.2 metres at the bridge in 2004.";
        assert_eq!(
            key_on(dated, "9.2 metres", (2026, 10, 21)).as_deref(),
            Some("length.distance@2004")
        );
    }

    #[test]
    fn a_date_of_a_past_year_dates_the_figures_after_it() {
        let text = "In October 1998, 31 people died across the valley.";
        assert_eq!(key_on(text, "31", (2026, 10, 21)).as_deref(), Some("dead@1998"));
        // After the figure it often dates something else.
        let after = "More than 40,000 investors lost money when the firm froze withdrawals in November 2024.";
        assert_eq!(
            key_on(after, "More than 40,000", (2026, 3, 13)).as_deref(),
            Some("investor")
        );
    }

    #[test]
    fn a_bracketed_conversion_does_not_cut_a_figure_from_its_noun() {
        let text = "The station recorded 310 millimetres (12.2 inches) of rain.";
        assert_eq!(
            key_on(text, "310 millimetres", (2026, 10, 19)).as_deref(),
            Some("rainfall.distance")
        );
        // A bracketed note of its own still ends the window.
        let note =
            "The station recorded 310 millimetres (the wettest day since records began, 1871) of rain.";
        assert_eq!(key_on(note, "310 millimetres", (2026, 10, 19)), None);
    }

    #[test]
    fn a_measure_stated_as_a_forecast_is_projected() {
        let expect = "Forecasters expect up to 80 mm more rain on Thursday.";
        assert_eq!(
            key_on(expect, "up to 80 mm", (2026, 10, 21)).as_deref(),
            Some("rainfall.distance.projected")
        );
        let possible = "There is a warning for Thursday, with 60 to 80 millimetres of rain possible.";
        assert_eq!(
            key_on(possible, "60 to 80 millimetres", (2026, 10, 21)).as_deref(),
            Some("rainfall.distance.projected")
        );
        let with = "The weather service predicts a stormy Friday, with gusts of about 60 km/h.";
        assert_eq!(
            key_on(with, "about 60 km/h", (2026, 10, 21)).as_deref(),
            Some("gusts.speed.projected")
        );
        let set = "Temperatures are set to climb to 41C by the weekend.";
        assert_eq!(
            key_on(set, "41C", (2026, 10, 21)).as_deref(),
            Some("temperature.temperature.projected")
        );
        let past = "The storm hit on Friday, with gusts of about 60 km/h.";
        assert_eq!(
            key_on(past, "about 60 km/h", (2026, 10, 21)).as_deref(),
            Some("gusts.speed")
        );
        let set_record = "The town set a record of 41C on Monday.";
        assert_eq!(
            key_on(set_record, "41C", (2026, 10, 21)).as_deref(),
            Some("temperature.temperature")
        );
        let fell = "Forecasters said more than 300 mm of rain fell in two days.";
        assert_eq!(
            key_on(fell, "more than 300 mm", (2026, 10, 21)).as_deref(),
            Some("rainfall.distance")
        );
    }

    #[test]
    fn percentages_name_the_noun_they_qualify_and_stakes() {
        let premium = "Calder will pay $48.50 per share, a 32% premium to the closing price.";
        assert_eq!(
            key_on(premium, "32%", (2026, 5, 11)).as_deref(),
            Some("percent.premium")
        );
        let stake = "The family trust, which holds about 11% of the shares, will vote in favour.";
        assert_eq!(
            key_on(stake, "about 11%", (2026, 5, 11)).as_deref(),
            Some("percent.stake")
        );
        let verb = "Just 81% of county kindergarteners had received both doses.";
        assert_eq!(
            key_on(verb, "81%", (2026, 2, 20)).as_deref(),
            Some("percent.kindergarteners")
        );
        // The unit of a change before the figure is not what it measures.
        let rate = "The lender cut its variable rate by 0.25 percentage points to 5.89 per cent.";
        assert_eq!(key_on(rate, "5.89 per cent", (2026, 2, 20)), None);
        let bank = "The bank cut its policy rate by 25 basis points to 4.25%.";
        assert_eq!(key_on(bank, "4.25%", (2026, 2, 20)), None);
        // A figure with no article before it qualifies nothing after it.
        let bare = "Turnout rose 5% overnight.";
        assert_ne!(
            key_on(bare, "5%", (2026, 2, 20)).as_deref(),
            Some("percent.overnight")
        );
    }

    #[test]
    fn a_rate_of_another_measure_is_keyed_apart() {
        let at = (2026, 10, 22);
        let services = "Wage growth is running at 4.6%, and services inflation at 4.8%.";
        assert_eq!(
            key_on(services, "4.6%", at).as_deref(),
            Some("growth.wage.percent")
        );
        assert_eq!(
            key_on(services, "4.8%", at).as_deref(),
            Some("inflation.services.percent")
        );
        let house = "House prices fell 3.2 per cent in the year to September.";
        assert_eq!(
            key_on(house, "3.2 per cent", at).as_deref(),
            Some("inflation.house.percent")
        );
        // The headline rate, however it is introduced, keeps the class's key.
        let headline = "Annual inflation rose to 3.1%.";
        assert_eq!(key_on(headline, "3.1%", at).as_deref(), Some("inflation.percent"));
        let economic = "The bank expects economic growth of 0.8%.";
        assert_eq!(key_on(economic, "0.8%", at).as_deref(), Some("growth.percent"));
    }

    #[test]
    fn the_date_of_the_next_occasion_is_keyed_by_its_noun() {
        let at = (2026, 10, 22);
        let due = "The bank's next rate decision is due on December 10.";
        assert_eq!(
            key_on(due, "December 10", at).as_deref(),
            Some("decision.date.next")
        );
        let from = "The next decision from the bank is on Thursday 10 December.";
        assert_eq!(
            key_on(from, "Thursday 10 December", at).as_deref(),
            Some("decision.date.next")
        );
        let hearing = "The next hearings will be on 3 November.";
        assert_eq!(
            key_on(hearing, "3 November", at).as_deref(),
            Some("hearing.date.next")
        );
        // A time after `next` is a date of its own; a date in another clause is not the next one's.
        let week = "The union walks out next week and returns on Friday.";
        assert_eq!(key_on(week, "Friday", at), None);
        let other = "The next meeting is in December, and the first of 2027 on 11 February.";
        assert_eq!(key_on(other, "11 February", at), None);
    }

    #[test]
    fn a_vote_tally_is_keyed_by_its_sides() {
        let at = (2026, 10, 22);
        let score = "The committee voted 6-3 to cut rates.";
        assert_eq!(key_on(score, "6-3", at).as_deref(), Some("tally.for"));
        let split = "A 6-3 split showed a divided court.";
        assert_eq!(key_on(split, "6-3", at).as_deref(), Some("tally.for"));
        let words = "The committee backed the move by seven votes to two.";
        assert_eq!(key_on(words, "seven", at).as_deref(), Some("tally.for"));
        assert_eq!(key_on(words, "two", at), None);
        let commons = "MPs backed the bill by 312 votes to 290.";
        assert_eq!(key_on(commons, "312", at).as_deref(), Some("tally.for"));
        assert_eq!(key_on(commons, "290", at), None);
    }

    #[test]
    fn figures_after_since_an_earlier_named_event_are_that_events() {
        let at = (2026, 9, 16);
        let vance = "Corinne is the strongest storm since Hurricane Vance, which killed 31 people.";
        assert_eq!(key_on(vance, "31", at).as_deref(), Some("dead@other"));
        let before = "Corinne, which killed 12 people, is the strongest storm since Hurricane Vance.";
        assert_eq!(key_on(before, "12", at).as_deref(), Some("dead"));
    }

    #[test]
    fn an_amount_for_each_one_is_keyed_apart_from_the_total() {
        let at = (2026, 11, 19);
        let text = "Passengers are entitled to compensation of 250 to 600 euros each under the rules.";
        assert!(key_on(text, "250 to 600 euros", at).is_some_and(|k| k.ends_with(".each")));
        let total = "The airline put the cost of compensation at €60m.";
        assert!(key_on(total, "€60m", at).is_some_and(|k| !k.ends_with(".each")));
    }

    #[test]
    fn a_rate_before_deductions_is_still_a_rate() {
        let at = (2026, 5, 11);
        let pay = "The new coach will earn about $90,000 a week before bonuses.";
        assert_eq!(key_on(pay, "about $90,000", at).as_deref(), Some("wage.per_week"));
        // `a week before the vote` is a time.
        let time = "Donors gave the party $90,000 a week before the vote.";
        assert!(key_on(time, "$90,000", at).is_none_or(|k| !k.contains(".per_")));
    }

    #[test]
    fn per_names_any_unit() {
        let at = (2026, 4, 28);
        let rate = "The fertility rate fell to 1.38 children per woman.";
        assert!(
            key_on(rate, "1.38", at).is_some_and(|k| k.ends_with(".per_woman")),
            "{:?}",
            key_on(rate, "1.38", at)
        );
        let record = "Officials counted 1,200 children a record high.";
        assert!(key_on(record, "1,200", at).is_none_or(|k| !k.contains(".per_")));
        let barrel = "Brent crude rose to $90 per barrel.";
        assert!(key_on(barrel, "$90", at).is_none_or(|k| k.ends_with(".per_barrel")));
    }

    #[test]
    fn the_gap_between_two_quantities_is_neither() {
        let at = (2026, 4, 28);
        let births = "Births exceeded deaths by only 76,000 over the decade.";
        assert_eq!(key_on(births, "76,000", at), None);
        let killed = "The quake killed 76,000 people.";
        assert_eq!(key_on(killed, "76,000", at).as_deref(), Some("dead"));
    }

    #[test]
    fn a_bound_in_a_condition_is_a_threshold() {
        let at = (2026, 10, 12);
        let wind = "Salvors hope to start pumping on Tuesday if the wind drops below 30 knots.";
        assert_eq!(key_on(wind, "below 30 knots", at), None);
        let once = "Crews would begin assessing damage once winds fell below 40 mph.";
        assert_eq!(key_on(once, "below 40 mph", at), None);
        let measured = "Winds of more than 100 mph hit the coast.";
        assert_eq!(
            key_on(measured, "more than 100 mph", at).as_deref(),
            Some("wind.speed")
        );
    }

    #[test]
    fn a_plural_right_after_the_figure_beats_a_class_further_on() {
        let at = (2026, 11, 24);
        let text = "It had cancelled more than 900 flights and disrupted the journeys of thousands.";
        assert_eq!(key_on(text, "more than 900", at).as_deref(), Some("flight"));
    }

    #[test]
    fn time_after_an_event_is_no_length_of_it() {
        let rescue = "Firefighters pulled a girl alive from a house, 31 hours after the quake.";
        assert_eq!(key_on(rescue, "31 hours", (2026, 11, 17)), None);
        let main = "The strongest came just four hours after the main quake.";
        assert_eq!(key_on(main, "four hours", (2026, 11, 17)), None);
        let lasted = "The quake lasted about 40 seconds.";
        assert_eq!(
            key_on(lasted, "about 40 seconds", (2026, 11, 17)).as_deref(),
            Some("quake.duration")
        );
        let rank = "It is the airline's second major outage in three years.";
        assert_eq!(key_on(rank, "three years", (2026, 11, 17)), None);
        let worst = "It was the worst outage in 20 years.";
        assert_eq!(key_on(worst, "20 years", (2026, 11, 17)), None);
        let trapped = "They were pulled out 58 hours after a roof fall trapped them.";
        assert_eq!(
            key_on(trapped, "58 hours", (2026, 11, 17)).as_deref(),
            Some("trapped.duration")
        );
        // The time into an event is when something happened in it.
        let into = "The tremor was felt again 90 seconds into the quake.";
        assert_eq!(key_on(into, "90 seconds", (2026, 11, 17)), None);
        // Counter-test: `into` before another word than the event's term.
        let inquiry = "The quake lasted 40 seconds into a second shock.";
        assert_eq!(
            key_on(inquiry, "40 seconds", (2026, 11, 17)).as_deref(),
            Some("quake.duration")
        );
    }

    #[test]
    fn another_or_a_further_figure_is_an_addition() {
        let text = "Another 31 cases are listed as probable.";
        assert_eq!(key_on(text, "31", (2026, 2, 20)), None);
        let further = "A further 1,100 homes remained under threat.";
        assert_eq!(key_on(further, "1,100", (2026, 2, 20)), None);
    }

    #[test]
    fn a_past_month_of_this_year_dates_the_figures_after_it() {
        let text = "She was sentenced in February to four years in prison.";
        assert_eq!(
            key_on(text, "four years", (2026, 3, 12)).as_deref(),
            Some("prison.duration@2026-02")
        );
        let now = "He was sentenced on Thursday to 14 years in prison.";
        assert_eq!(
            key_on(now, "14 years", (2026, 3, 12)).as_deref(),
            Some("prison.duration")
        );
        // The month of publication is no past month.
        let this_month = "In March, 40 people were arrested.";
        assert_eq!(
            key_on(this_month, "40", (2026, 3, 12)).as_deref(),
            Some("arrested")
        );
    }

    #[test]
    fn a_role_past_a_conjunction_belongs_to_the_next_clause() {
        let text = "Jurors convicted him on nine counts and acquitted him on two.";
        assert_eq!(
            key_on(text, "nine", (2026, 3, 13)).as_deref(),
            Some("charges.convicted")
        );
        // Without a role of its own the figure still takes the one after it.
        let after = "About 5,000 died and 10,000 were injured.";
        assert_eq!(
            key_on(after, "About 5,000", (2026, 3, 13)).as_deref(),
            Some("dead")
        );
    }

    #[test]
    fn what_one_person_lost_is_not_the_events_losses() {
        let all = "Prosecutors said investors lost a combined $1.4 billion.";
        assert_eq!(
            key_on(all, "$1.4 billion", (2026, 3, 12)).as_deref(),
            Some("damage.investor")
        );
        let one = "A retired teacher told the court she lost $180,000.";
        assert_eq!(key_on(one, "$180,000", (2026, 3, 12)), None);
        let worth = "Pirk said he had lost equipment worth about €60,000.";
        assert_eq!(key_on(worth, "about €60,000", (2026, 3, 12)), None);
    }

    #[test]
    fn a_noun_behind_a_preposition_is_not_what_is_counted() {
        assert_eq!(
            key("The floods forced about 9,000 from their homes.").as_deref(),
            Some("evacuated")
        );
        assert_eq!(
            key("About 2,000 troops in armoured vehicles paraded through the city.").as_deref(),
            Some("troops")
        );
    }

    #[test]
    fn the_seriously_or_critically_injured_are_a_part_of_the_injured() {
        let at = (2026, 3, 2);
        let all = "The crash injured 40 people, the ambulance service said.";
        assert_eq!(key_on(all, "40", at).as_deref(), Some("injured"));
        let serious = "At least 12 were badly hurt in the crash.";
        assert_eq!(
            key_on(serious, "At least 12", at).as_deref(),
            Some("injured.serious")
        );
        let critical = "Doctors said 14 people were critically injured.";
        assert_eq!(key_on(critical, "14", at).as_deref(), Some("injured.critical"));
        // The severity of another clause is not this figure's.
        let other = "The crash injured 40 people, and the driver is in a critical condition.";
        assert_eq!(key_on(other, "40", at).as_deref(), Some("injured"));
    }

    #[test]
    fn a_figure_with_its_own_predicate_after_and_takes_no_earlier_role() {
        let own =
            "The clinic said the 31 taken to hospital overnight and 15 discharged later were all miners.";
        assert_eq!(key_on(own, "15", (2026, 3, 2)), None);
        // Without a predicate of its own, the figure after `and` shares the role.
        let shared = "Rescuers said 40 people had been evacuated from the east bank and 25 from the west.";
        assert_eq!(key_on(shared, "25", (2026, 3, 2)).as_deref(), Some("evacuated"));
    }

    #[test]
    fn an_event_looked_into_is_not_dated_by_the_inquiry() {
        let inquiry = "A review into the blaze reported in 2021 that warnings had been ignored.";
        assert_eq!(key_on(inquiry, "2021", (2026, 3, 2)), None);
        let spread = "The blaze spread into the valley in 2021.";
        assert_eq!(key_on(spread, "2021", (2026, 3, 2)).as_deref(), Some("fire.year"));
    }

    #[test]
    fn a_relative_clause_between_commas_names_no_role() {
        let aside =
            "At the depot, which the army turned into an evacuation hub, about 700 people slept in tents.";
        assert_eq!(key(aside), None);
        let plain = "At the evacuation hub by the depot, about 700 people slept in tents.";
        assert_eq!(key(plain).as_deref(), Some("evacuated"));
    }

    #[test]
    fn the_predicate_of_the_counted_noun_names_its_role() {
        assert_eq!(
            key("More than 20,000 people across the region have had to leave their homes.").as_deref(),
            Some("evacuated")
        );
        // The role of the next clause is not the role of this one.
        let got = keys_with(
            "About 2,000 people gathered in the square and police arrested 12.",
            &RuleSet::generic(),
        );
        assert_ne!(got[0].1.as_deref(), Some("arrested"), "{got:?}");
    }

    #[test]
    fn roles_prefer_their_own_clause() {
        let got = keys_with(
            "5,000 people died, 10,000 people were injured.",
            &RuleSet::generic(),
        );
        assert_eq!(got[1].1.as_deref(), Some("injured"));
    }

    #[test]
    fn vague_subjects_are_not_keyed() {
        assert_eq!(key("some 5,000 people live there"), None);
        assert_eq!(key("all three leaders will be present"), None);
        assert_eq!(key("three of the world's most controversial leaders"), None);
        assert_eq!(key("three leaders standing together"), None);
        assert_eq!(key("the army's 80,000 troops"), None);
        assert_eq!(key("three people were killed").as_deref(), Some("dead"));
    }

    #[test]
    fn without_a_publication_date_every_stated_year_dates_its_figures() {
        let undated = |text: &str| keys_on(text, &RuleSet::generic(), None);
        let got = undated("It is the worst since the 2021 fire, which killed four people.");
        assert_eq!(got.last().unwrap().1.as_deref(), Some("dead@2021"));
        // With a date, the publication year's own figures stay unanchored.
        let dated = keys_on(
            "In 2021, the fire killed four people.",
            &RuleSet::generic(),
            chrono::NaiveDate::from_ymd_opt(2021, 8, 1),
        );
        assert_eq!(dated.last().unwrap().1.as_deref(), Some("dead"));
        // A year stated relative to the missing date still sets its figures apart.
        let got = undated("Last year, when temperatures reached 24C, 58 runners needed treatment.");
        assert_eq!(got[2].1.as_deref(), Some("runners@last_year"));
        let got = undated("Twelve years ago, 40 runners needed treatment.");
        assert_eq!(got[1].1.as_deref(), Some("runners@twelve_years_ago"));
        // A day or a week back is no other year.
        let got = undated("Two days ago, 40 runners needed treatment.");
        assert_eq!(got[1].1.as_deref(), Some("runners"));
        let got = undated("This year 58 runners needed treatment.");
        assert_eq!(got[1].1.as_deref(), Some("runners"));
        // An as-of date needs a publication date to be in the past.
        let got = undated("As of March 3, the fire had killed four people.");
        assert_eq!(got.last().unwrap().1.as_deref(), Some("dead"));
    }

    #[test]
    fn past_years_anchor_figures() {
        assert_eq!(
            keys_with(
                "In 2004, an earthquake killed about 3,500 people.",
                &RuleSet::generic()
            )[1]
            .1
            .as_deref(),
            Some("dead@2004")
        );
        // An open year (`Before 2020`) dates its clause like a single one.
        let got = keys_with(
            "Before 2020, an earthquake killed about 3,500 people.",
            &RuleSet::generic(),
        );
        assert_eq!(got[1].1.as_deref(), Some("dead@2020"));
        assert_eq!(
            key("the hospital treated more than 450 injured people on the first day alone"),
            None
        );
        let got = keys_with(
            "An aftershock of magnitude 6.1 rattled the region",
            &RuleSet::generic(),
        );
        assert_eq!(got[0].1.as_deref(), Some("aftershock"));
        assert_eq!(
            key("a 7.6-magnitude earthquake sent a wall of water").as_deref(),
            Some("magnitude")
        );
    }

    #[test]
    fn a_past_day_dates_its_own_move() {
        let generic = RuleSet::generic();
        let keyed = |text: &str| -> Vec<Option<String>> {
            keys_with(text, &generic)
                .into_iter()
                .filter(|(t, _)| t.contains('%'))
                .map(|(_, k)| k)
                .collect()
        };
        // Published Tuesday 2025-09-02: Friday's move is an earlier session's (Monday was
        // traded since).
        assert_eq!(
            keyed("Its shares tumbled 18% on Friday."),
            [Some("percent.shares@2025-08-29".to_string())]
        );
        // A day's move is that day's, not a part of a place's total.
        assert_eq!(
            keyed("Harwick shares slid 12% on Friday alone.")[0].as_deref(),
            Some("percent.shares.harwick@2025-08-29")
        );
        // The day before publication is the latest session, which outlets report without its
        // day; so is a Friday in a Monday paper.
        assert_eq!(
            keyed("Its shares tumbled 18% on Monday."),
            [Some("percent.shares".to_string())]
        );
        let monday = chrono::NaiveDate::from_ymd_opt(2025, 9, 1);
        let got = keys_on("Its shares tumbled 18% on Friday.", &generic, monday);
        assert_eq!(got[0].1.as_deref(), Some("percent.shares"));
        // Undated, no day is known to be an earlier session.
        let undated = keys_on("Its shares tumbled 18% on Friday.", &generic, None);
        assert_eq!(undated[0].1.as_deref(), Some("percent.shares"));
    }

    #[test]
    fn a_day_dates_no_level_or_count() {
        let generic = RuleSet::generic();
        // No move: a level stated on a day stays the day's level of the story.
        let got = keys_with("Its shares were worth 18% less on Friday.", &generic);
        assert!(
            got.iter()
                .all(|(_, k)| k.as_deref().is_none_or(|k| !k.contains('@'))),
            "{got:?}"
        );
        // A count on one day alone is still a part of the total.
        let got = keys_with("The storm killed 40 people on Friday alone.", &generic);
        assert_eq!(got[0].1, None, "{got:?}");
    }

    #[test]
    fn anchors_stay_in_their_clause() {
        let got = keys_with(
            "Kim made 10 foreign trips; his last outing was a 2023 summit.",
            &RuleSet::generic(),
        );
        assert_eq!(got[0].1.as_deref(), Some("visit"));
        let got = keys_with(
            "the 80th anniversary of a war that began in 1931",
            &RuleSet::generic(),
        );
        assert_eq!(got[0].1.as_deref(), Some("anniversary.ordinal"));
    }

    #[test]
    fn changes_earlier_values_and_groups_are_not_levels() {
        assert_eq!(key("The fire grew by about 12,000 acres overnight"), None);
        assert_eq!(key("an increase of 5% in arrests"), None);
        assert_eq!(key("A strike team of 180 firefighters"), None);
        let got = keys_with(
            "The People's Party won 112 seats, up from 81 in 2022.",
            &RuleSet::generic(),
        );
        assert_eq!(got[0].1.as_deref(), Some("seats.people_party"));
        // The earlier value, never graded on its own.
        assert_eq!(got[1].1.as_deref(), Some("seats.people_party@earlier"));
    }

    #[test]
    fn since_years_anchor_only_their_relative_clause() {
        let got = keys_with(
            "The largest since the 2021 Juniper Fire, which burned 62,000 acres and killed four people.",
            &RuleSet::generic(),
        );
        assert_eq!(got.last().unwrap().1.as_deref(), Some("dead@2021"));
        let got = keys_with(
            "The event, the most ambitious since the 2015 parade, will feature 12,000 troops.",
            &RuleSet::generic(),
        );
        assert_eq!(got.last().unwrap().1.as_deref(), Some("troops"));
    }

    #[test]
    fn entity_classes_and_ages() {
        assert_eq!(key("the SDU won 104 seats").as_deref(), Some("seats.sdu"));
        assert_eq!(
            key("while the People's Party took 81 seats").as_deref(),
            Some("seats.people_party")
        );
        assert_eq!(key("won 104 seats"), None);
        assert_eq!(key("the 14-year-old jet").as_deref(), Some("aircraft.age"));
    }

    #[test]
    fn ages_set_off_after_a_person_count_nothing() {
        let rules = RuleSet::generic();
        let keyed = |text: &str| keys_with(text, &rules);
        assert_eq!(keyed("The driver, 34, was arrested.")[0].1, None);
        assert_eq!(keyed("Vera Szold, 68, who marched, was injured.")[0].1, None);
        assert_eq!(keyed("Vera Szold (68) was injured.")[0].1, None);
        // A figure after an introductory phrase keeps its key.
        assert_eq!(
            keyed("In Leeds, 34 people were arrested.")[0].1.as_deref(),
            Some("arrested")
        );
        assert_eq!(
            keyed("On Tuesday, 34 people were arrested.")[1].1.as_deref(),
            Some("arrested")
        );
        assert_eq!(
            keyed("Police arrested 34 people.")[0].1.as_deref(),
            Some("arrested")
        );
    }

    #[test]
    fn short_labels_before_a_colon_name_the_figure() {
        assert_eq!(key("- Net profit: $615m").as_deref(), Some("profit"));
        assert_eq!(key("Job cuts: 3,200").as_deref(), Some("jobs.cut"));
    }

    #[test]
    fn rates_parts_and_outlooks_are_their_own_quantities() {
        assert_eq!(
            key("About 6,000 people a day are crossing into the country").as_deref(),
            Some("arrived.per_day")
        );
        assert_eq!(
            key("earnings were $1.38 a share").as_deref(),
            Some("profit.per_share")
        );
        let got = keys_with(
            "About 450 employees will lose their jobs as part of a reduction of 3,200",
            &RuleSet::generic(),
        );
        assert_eq!(got[0].1, None);
        assert_eq!(
            key("Veltra expects revenue of $4.6bn").as_deref(),
            Some("revenue.projected")
        );
    }

    #[test]
    fn money_bound_by_of_and_defining_years() {
        let got = keys_with(
            "Veltra, founded in Port Ellery in 1987, reported first-quarter net income of $651 million on revenue of $4.82 billion.",
            &RuleSet::generic(),
        );
        assert_eq!(got[1].1.as_deref(), Some("profit"));
        assert_eq!(got[2].1.as_deref(), Some("revenue"));
        assert_eq!(
            key("About 80,000 people marched through the capital").as_deref(),
            Some("attending")
        );
        assert_eq!(
            key("Preliminary estimates put property damage at $120 million").as_deref(),
            Some("damage")
        );
    }

    #[test]
    fn review_corner_cases_of_keys() {
        assert_eq!(
            key("The company will cut 3,200 jobs as part of a restructuring plan").as_deref(),
            Some("jobs.cut")
        );
        assert_eq!(
            key("5,000 people were killed a year ago").as_deref(),
            Some("dead")
        );
        assert_eq!(key("It cost $5").as_deref(), Some("cost"));
    }

    #[test]
    fn unlisted_money_percent_and_other_instances() {
        assert_eq!(
            key("The bank had $38 billion in assets").as_deref(),
            Some("money.assets")
        );
        assert_eq!(
            key("It held deposits of $31 billion").as_deref(),
            Some("money.deposits")
        );
        assert_eq!(
            key("Shares in Northgate fell 62 per cent").as_deref(),
            Some("percent.shares")
        );
        assert_eq!(
            key("In the previous eruption about 800 earthquakes were recorded").as_deref(),
            Some("earthquake@other")
        );
    }

    #[test]
    fn third_trial_fixes() {
        assert_eq!(crate::key::singular("companies"), "company");
        assert_eq!(crate::key::singular("businesses"), "business");
        assert_eq!(crate::key::singular("buses"), "bus");
        assert_eq!(crate::key::singular("echelons"), "echelon");
        assert_eq!(
            key("in front of a crowd of 83,861, Ollie Watkins scored").as_deref(),
            Some("spectators")
        );
        let got = keys_with("which infected 66 people and killed 15", &RuleSet::generic());
        assert_eq!(
            (got[0].1.as_deref(), got[1].1.as_deref()),
            (Some("infected"), Some("dead"))
        );
    }

    #[test]
    fn table_rows_take_their_label() {
        assert_eq!(
            key("Total Foreign Leaders | 26 | N/A |").as_deref(),
            Some("leaders")
        );
        assert_eq!(key("| Leaders | 26 |").as_deref(), Some("leaders"));
    }

    #[test]
    fn time_points_take_their_event() {
        assert_eq!(
            key("his first trip to China since 2019").as_deref(),
            Some("visit.since")
        );
        assert_eq!(
            key("his first visit in six years").as_deref(),
            Some("visit.since")
        );
        assert_eq!(key("during his 14-year rule").as_deref(), Some("tenure.since"));
        assert_eq!(key("since taking power in 2011").as_deref(), Some("tenure.since"));
        assert_eq!(
            key("The parade is set for Wednesday").as_deref(),
            Some("parade.date")
        );
        assert_eq!(
            key("a landmark September 3 military parade").as_deref(),
            Some("parade.date")
        );
        assert_eq!(key("the 2015 parade"), None);
        assert_eq!(
            key("traveled to Beijing on Tuesday to attend a military parade"),
            None
        );
    }

    #[test]
    fn distances_take_their_place() {
        assert_eq!(
            key("about 95 km southwest of Port Calder").as_deref(),
            Some("distance.port_calder")
        );
        assert_eq!(
            key("about 60 miles southwest of Port Calder").as_deref(),
            Some("distance.port_calder")
        );
        assert_eq!(
            key("about 40 km off the coast of Sanvel Bay").as_deref(),
            Some("distance.sanvel_bay")
        );
        assert_eq!(
            key("at a depth of 28 kilometres").as_deref(),
            Some("depth.distance")
        );
        assert_eq!(key("walked 5 km with friends"), None);
    }

    #[test]
    fn dates_do_not_cut_a_figure_from_its_noun() {
        let got = keys_with(
            "The death toll from the quake that struck on March 12 rose to 1,870 on Wednesday.",
            &RuleSet::generic(),
        );
        let toll = got.iter().find(|(t, _)| t == "1,870").unwrap();
        assert_eq!(toll.1.as_deref(), Some("dead"));
    }

    #[test]
    fn money_is_narrowed_by_its_sector() {
        assert_eq!(
            key("Defence spending will hit £64bn").as_deref(),
            Some("budget.defence")
        );
        assert_eq!(
            key("The military budget rises to £58.4bn").as_deref(),
            Some("budget.defence")
        );
        assert_eq!(
            key("Health spending will rise to 212 billion pounds").as_deref(),
            Some("budget.health")
        );
        assert_eq!(key("$50 million in emergency funds").as_deref(), Some("aid"));
    }

    #[test]
    fn money_and_percent() {
        assert_eq!(
            key("$600 billion in U.S.-China trade").as_deref(),
            Some("trade.china")
        );
        assert_eq!(
            key("China provides 90-98% of North Korea's trade").as_deref(),
            Some("percent.trade")
        );
    }

    #[test]
    fn facts_narrow_by_context_and_aliases() {
        let mut rules = RuleSet::generic();
        rules
            .add(
                "pack.toml",
                "[aliases]\nrussia = [\"moscow\"]\n[[fact]]\nkey = \"russia.troops\"\ngeneric = [\"troops.deployed\"]\ncontext = [\"russia\"]\n",
            )
            .unwrap();
        let got = keys_with(
            "troop deployments to Ukraine, over 10,000 soldiers aiding Moscow",
            &rules,
        );
        assert_eq!(got[0].1.as_deref(), Some("russia.troops"));
    }
}

#[cfg(test)]
mod forecast_tests {
    use super::tests::keys_on;
    use crate::rules::RuleSet;

    /// `(text, key)` of every claim of one sentence published on 2026-03-25.
    fn keys(text: &str) -> Vec<(String, Option<String>)> {
        keys_on(
            text,
            &RuleSet::generic(),
            chrono::NaiveDate::from_ymd_opt(2026, 3, 25),
        )
    }

    fn key_of(text: &str, figure: &str) -> Option<String> {
        keys(text)
            .into_iter()
            .find(|(t, _)| t == figure)
            .unwrap_or_else(|| panic!("{figure} in {text}"))
            .1
    }

    #[test]
    fn a_new_level_after_a_stated_change_takes_the_key_of_what_changed() {
        // The change between the noun and `to` no longer cuts the new level off from it.
        assert_eq!(
            key_of("Deaths from the fever rose 20% to 1,400.", "1,400").as_deref(),
            Some("dead")
        );
        assert_eq!(
            key_of("Its profit fell by 12 per cent to $310 million.", "$310 million").as_deref(),
            key_of("Its profit fell to $310 million.", "$310 million").as_deref()
        );
        assert!(key_of("Its profit fell to $310 million.", "$310 million").is_some());
    }

    #[test]
    fn verbs_and_function_words_are_never_a_figures_noun() {
        // A verb's `-s` is no plural: nothing here is a percentage of `spends` or `holds`.
        let spends = key_of(
            "Its neighbour, which spends 3 per cent of GDP on defence.",
            "3 per cent",
        );
        assert!(
            spends.as_deref().is_none_or(|k| !k.contains("spends")),
            "{spends:?}"
        );
        let holds = key_of(
            "The capital now holds more than one in nine voters.",
            "more than one in nine",
        );
        assert!(holds.as_deref().is_none_or(|k| !k.contains("holds")), "{holds:?}");
        // An age followed by a conjunction or a verb is no age of `and` or `rose`.
        let age = key_of(
            "Two residents, a man aged 78 and his wife, were rescued.",
            "aged 78",
        );
        assert!(age.as_deref().is_none_or(|k| !k.starts_with("and")), "{age:?}");
        assert_eq!(
            key_of("the 14-year-old jet", "14-year-old").as_deref(),
            Some("aircraft.age")
        );
        // A verb before a class term does not narrow it: `face fines` are fines.
        assert_eq!(
            key_of("Those who break it face fines of up to £1,000.", "up to £1,000").as_deref(),
            Some("fine")
        );
    }

    #[test]
    fn a_word_that_only_ends_in_s_is_its_own_singular() {
        assert_eq!(crate::key::singular("furious"), "furious");
        assert_eq!(crate::key::singular("bus"), "bus");
        assert_eq!(crate::key::singular("crisis"), "crisis");
        assert_eq!(crate::key::singular("buses"), "bus");
        assert_eq!(crate::key::singular("fines"), "fine");
        assert_eq!(crate::key::singular("casualties"), "casualty");
    }

    #[test]
    fn a_share_of_an_average_or_of_normal_is_not_a_share_of_averages() {
        // The baseline names no measure: any figure can be stated against its average.
        for text in [
            "The river carried just 41% of the long-term average.",
            "Sales ran at 60% of normal.",
        ] {
            let figure = if text.contains("41%") { "41%" } else { "60%" };
            let key = key_of(text, figure);
            assert!(
                key.as_deref()
                    .is_none_or(|k| !k.ends_with("average") && !k.ends_with("normal")),
                "{text}: {key:?}"
            );
        }
        assert_eq!(
            key_of("Nearly 90% of trade was halted.", "Nearly 90%").as_deref(),
            Some("percent.trade")
        );
        // A conjunction or a preposition ends the noun phrase after `of`.
        assert_eq!(
            key_of(
                "Dams are at 30% of capacity as the region braces for heat.",
                "30%"
            )
            .as_deref(),
            Some("percent.capacity")
        );
        assert_eq!(
            key_of("Nearly 90% of trade across the region was halted.", "Nearly 90%").as_deref(),
            Some("percent.trade")
        );
    }

    #[test]
    fn a_count_joined_to_the_next_word_by_a_hyphen_describes_a_noun() {
        // The number of floors, pages or rooms is no toll, whatever stands before it.
        assert_eq!(
            key_of("Four dead as blaze sweeps through 30-storey block", "30"),
            None
        );
        assert_eq!(key_of("Six injured in crash at 12-lane junction", "12"), None);
        assert_eq!(
            key_of("Four dead as blaze sweeps through 30-storey block", "Four").as_deref(),
            Some("dead")
        );
        // `40-strong`, `40-odd`: still a count of what follows.
        assert_eq!(
            key_of("A 40-strong team of firefighters was sent.", "40").as_deref(),
            Some("firefighters")
        );
        assert!(key_of("Some 40-odd firefighters were sent.", "Some 40-odd").is_some());
    }

    #[test]
    fn only_a_change_after_its_verb_is_walked_past() {
        // Where the walk back from the figure after `to` resumes: the verb is read next.
        let resumes = |text: &str| {
            let tokens = crate::token::tokenize(text, 0..text.len());
            let to = tokens.iter().rposition(|t| t.is("to")).expect("a `to`");
            crate::key::change_before_to(&tokens, to - 1).map(|i| tokens[i - 1].text.to_string())
        };
        assert_eq!(resumes("Deaths rose 20% to 1,400").as_deref(), Some("rose"));
        assert_eq!(
            resumes("Sales were up 4.5 percentage points to 61%").as_deref(),
            Some("up")
        );
        assert_eq!(
            resumes("The rate was cut by 0.25 points to 4.25%").as_deref(),
            Some("cut")
        );
        assert_eq!(
            resumes("Its debt fell by $1.2 billion to $8 billion").as_deref(),
            Some("fell")
        );
        // Not a change: a range of movement (`from 20 to`), a figure handed `to` someone, two
        // figures, or no verb of change.
        assert_eq!(resumes("Deaths rose from 20 to 1,400"), None);
        assert_eq!(resumes("It sold 400 to investors"), None);
        assert_eq!(resumes("Deaths rose 20% 30% to 1,400"), None);
        assert_eq!(resumes("The 20% to 1,400"), None);
    }

    #[test]
    fn a_forecast_reported_with_would_is_keyed_a_conjecture_is_not() {
        let forecast = "The OFO forecast that the economy would grow 1.4 percent.";
        assert_eq!(key_of(forecast, "1.4 percent").as_deref(), Some("growth.percent"));
        // Without a forecasting verb, `would` and `could` stay hypothetical.
        assert_eq!(key_of("The economy would grow 1.4 percent.", "1.4 percent"), None);
        assert_eq!(
            key_of("The forecast says the toll could rise to 2,000 dead.", "2,000"),
            None
        );
    }

    #[test]
    fn a_rate_of_change_stated_as_a_percentage_is_the_figure_itself() {
        assert_eq!(
            key_of("Growth of 1.4% was recorded.", "1.4%").as_deref(),
            Some("growth.percent")
        );
        // A change of a level stays unkeyed: `an increase of 12,000 troops` is not a total.
        assert_eq!(
            key_of("It announced an increase of 12,000 troops.", "12,000"),
            None
        );
    }

    #[test]
    fn a_verb_before_a_determiner_names_nothing_a_percentage_counts() {
        assert_eq!(key_of("Veltra ends the day down 7.4%.", "7.4%"), None);
        assert_eq!(
            key_of("Shares fell 62 per cent.", "62 per cent").as_deref(),
            Some("percent.shares")
        );
    }

    #[test]
    fn a_table_row_label_names_the_role() {
        assert_eq!(key_of("| Dead | 42 |", "42").as_deref(), Some("dead"));
        assert_eq!(
            key_of("| Homes destroyed | 300 |", "300").as_deref(),
            Some("homes.destroyed")
        );
        assert_eq!(key_of("| Leaders | 26 |", "26").as_deref(), Some("leaders"));
    }

    #[test]
    fn an_ambiguous_date_dates_no_figure() {
        assert_eq!(
            key_of("By March 4, 2025, 500 people had been killed.", "500").as_deref(),
            Some("dead@2025-03-04")
        );
        // `3/4/2025` is March 4 or April 3: the figure keeps its plain key.
        assert_eq!(
            key_of("By 3/4/2025, 500 people had been killed.", "500").as_deref(),
            Some("dead")
        );
    }

    #[test]
    fn what_a_share_counts() {
        assert_eq!(
            key_of("Children make up 55% of the arrivals, UNICEF said.", "55%").as_deref(),
            Some("percent.children")
        );
        assert_eq!(
            key_of(
                "More than 150,000 people crossed, and more than half of them are children.",
                "more than half"
            )
            .as_deref(),
            Some("percent.children")
        );
        // A pronoun alone names nothing.
        assert_eq!(key_of("Officials said 40% of them left.", "40%"), None);
        assert_eq!(
            key_of("Exports fell and 90% of trade is with China.", "90%").as_deref(),
            Some("percent.trade")
        );
    }

    #[test]
    fn every_or_each_and_a_unit_before_a_figure_make_it_a_rate() {
        let total = key_of(
            "The strike costs the railway about £6 million in lost fares.",
            "about £6 million",
        )
        .expect("keyed");
        assert_eq!(
            key_of(
                "Every day of strike action costs the railway about £6 million in lost fares.",
                "about £6 million"
            ),
            Some(format!("{total}.per_day"))
        );
        assert_eq!(
            key_of(
                "Each week the strike costs the railway about £6 million in lost fares.",
                "about £6 million"
            ),
            Some(format!("{total}.per_week"))
        );
        // Every other word before a figure leaves it a total.
        assert_eq!(
            key_of(
                "Every passenger knows the strike costs the railway about £6 million in lost fares.",
                "about £6 million"
            ),
            Some(total)
        );
    }

    #[test]
    fn a_rate_unit_after_a_conversion_in_brackets_is_the_figures() {
        let rate = key_of(
            "Analysts expect the tablet to cost about $700 (£550) a month.",
            "about $700",
        )
        .expect("keyed");
        assert!(rate.ends_with(".per_month"), "{rate}");
        // Counter-test: a conversion followed by no unit leaves a total.
        let total = key_of(
            "The new plant will cost $2 billion (£1.6 billion) to build.",
            "$2 billion",
        )
        .expect("keyed");
        assert!(!total.contains(".per_"), "{total}");
    }

    #[test]
    fn a_move_during_the_session_is_not_the_close() {
        let close = key_of("Norvik shares closed up 24% at $45.55.", "24%").expect("keyed");
        for (text, figure) in [
            ("Norvik shares are up 22% in early trading.", "22%"),
            ("Norvik shares rose as much as 9.3% intraday.", "as much as 9.3%"),
            ("At one point Norvik shares were up 30%.", "30%"),
        ] {
            assert_eq!(key_of(text, figure), Some(format!("{close}.intraday")), "{text}");
        }
        let close = key_of("Norvik shares closed down 24% at $45.55.", "24%").expect("keyed");
        for (text, figure) in [
            ("Norvik shares fell as much as 9.3% intraday.", "as much as 9.3%"),
            ("Norvik shares were down 11% in the first hour of trading.", "11%"),
        ] {
            assert_eq!(key_of(text, figure), Some(format!("{close}.intraday")), "{text}");
        }
        // A trading day named without its session is the day's move.
        assert_eq!(
            key_of("Norvik shares fell 24% in Monday trading.", "24%"),
            Some(close)
        );
    }

    #[test]
    fn an_aside_between_dashes_does_not_cut_a_figure_from_its_noun() {
        for text in [
            "The deficit - the gap between what the state spends and what it raises - is expected to fall to 3.8% of GDP.",
            "The deficit—the gap between spending and revenue—is expected to fall to 3.8% of GDP.",
        ] {
            assert_eq!(key_of(text, "3.8%").as_deref(), Some("deficit.percent"), "{text}");
        }
        // Hyphens join words and ranges; they set nothing off.
        assert_eq!(
            key_of(
                "The deficit in 2026-27 is an awkward-looking figure - economists expect 3.8% growth.",
                "3.8%"
            )
            .as_deref(),
            Some("growth.percent")
        );
        // An aside holding a figure is not an aside to walk past.
        assert_ne!(
            key_of(
                "The deficit - 4.6% last year - is expected to fall to 3.8%.",
                "3.8%"
            )
            .as_deref(),
            Some("deficit.percent")
        );
    }

    #[test]
    fn expectations_subsets_and_memberships() {
        assert_eq!(
            key_of("Gusts should ease to around 30 mph by Friday.", "around 30 mph"),
            None
        );
        let subset = "Among the 38,514 starters were more than 2,100 runners from the city.";
        assert_eq!(key_of(subset, "more than 2,100"), None);
        assert_eq!(
            key_of("The bloc now has 21 member states.", "21").as_deref(),
            Some("countries.members")
        );
        assert_eq!(
            key_of("Delegations from 52 nations attended.", "52").as_deref(),
            Some("countries.attending")
        );
    }

    #[test]
    fn a_record_since_a_year_is_not_a_change_over_a_period() {
        assert_eq!(
            key_of("Overall turnout was 68.4% - the highest since 2006.", "68.4%").as_deref(),
            Some("turnout.percent")
        );
        assert_eq!(
            key_of("Turnout rose 4% since 2022.", "4%").as_deref(),
            Some("turnout.percent.over_period")
        );
    }

    #[test]
    fn a_year_after_a_figure_dates_the_nearest_figure_only() {
        let text = "The office expects growth of 1.4 per cent in 2026, rising to 1.7 per cent in 2027.";
        assert_eq!(key_of(text, "1.4 per cent").as_deref(), Some("growth.percent"));
        // The year right after a figure still dates it.
        assert_eq!(
            key_of("Growth was 0.9 per cent in 2024.", "0.9 per cent").as_deref(),
            Some("growth.percent@2024")
        );
    }
}

#[cfg(test)]
mod owner_and_whole_tests {
    use super::tests::keys_on;
    use crate::rules::RuleSet;

    /// The keys of every claim of one sentence with no publication date.
    fn keys(text: &str) -> Vec<Option<String>> {
        keys_on(text, &RuleSet::generic(), None)
            .into_iter()
            .map(|(_, key)| key)
            .collect()
    }

    #[test]
    fn a_named_owner_scopes_a_percentage() {
        assert_eq!(
            keys("Helix Motors shares slid 3.5%."),
            [Some("percent.shares.helix_motors".to_string())]
        );
        assert_eq!(keys("Shares slid 3.5%."), [Some("percent.shares".to_string())]);
        assert_eq!(
            keys("Its shares slid 3.5%."),
            [Some("percent.shares".to_string())]
        );
        assert_eq!(keys("Its stock slid 3.5%."), [Some("percent.shares".to_string())]);
        assert_eq!(
            keys("Helix stock slid 3.5%."),
            [Some("percent.shares.helix".to_string())]
        );
        assert_eq!(keys("The stock market slid 3.5%."), [None]);
    }

    #[test]
    fn a_rise_of_shares_is_not_the_fall_it_follows() {
        for text in [
            "Helix shares jumped 3.5%.",
            "Helix shares closed up 3.5% on the day.",
            "Helix shares ended 3.5% higher.",
        ] {
            assert_eq!(
                keys(text),
                [Some("percent.shares.helix.rise".to_string())],
                "{text}"
            );
        }
        // Counter-tests: falls keep their key; a rise of anything but shares is not a move.
        for text in [
            "Helix shares lost 3.5%.",
            "Helix shares closed down 3.5% on the day.",
        ] {
            assert_eq!(keys(text), [Some("percent.shares.helix".to_string())], "{text}");
        }
        assert!(keys("Consumer prices rose 2.4 per cent in the year to May.")
            .iter()
            .all(|k| !k.as_deref().is_some_and(|k| k.ends_with(".rise"))));
        assert!(keys("Nurses make up 55% of the staff.")
            .iter()
            .all(|k| !k.as_deref().is_some_and(|k| k.ends_with(".rise"))));
    }

    #[test]
    fn the_whole_beside_a_part_is_keyed() {
        assert_eq!(
            keys("In the north alone, unemployment hit 12 per cent, far above the national figure of 7.5 per cent."),
            [None, Some("unemployment.percent".to_string())]
        );
        assert_eq!(keys("In the north alone, unemployment hit 12 per cent."), [None]);
        assert_eq!(
            keys("In the north alone, unemployment hit 12 per cent, and the figure keeps rising."),
            [None]
        );
    }

    #[test]
    fn a_named_rival_has_its_own_figures() {
        assert_eq!(
            keys("Rival Zentra Labs reported revenue of $2.1 billion."),
            [Some("revenue.rival".to_string())]
        );
        assert_eq!(
            keys("Zentra Labs, Helix's closest competitor, cut 800 jobs."),
            [Some("jobs.cut.rival".to_string())]
        );
        assert_eq!(
            keys("Clashes between rival groups killed 12 people."),
            [Some("dead".to_string())]
        );
        assert_eq!(
            keys("Helix reported revenue of $2.1 billion."),
            [Some("revenue".to_string())]
        );
    }

    #[test]
    fn a_sentence_pointing_back_speaks_of_another_event() {
        assert_eq!(
            keys("Three firefighters were hurt on that occasion."),
            [Some("firefighters.injured@other".to_string())]
        );
        assert_eq!(
            keys("Back then, 40 homes were destroyed."),
            [Some("homes.destroyed@other".to_string())]
        );
        assert_eq!(
            keys("Firefighters say 40 homes were destroyed and that the toll may rise."),
            [Some("homes.destroyed".to_string())]
        );
    }

    #[test]
    fn the_last_event_is_another_instance() {
        assert_eq!(
            keys("At the last Gulf Coast summit, 22 leaders attended."),
            [Some("leaders@other".to_string())]
        );
        assert_eq!(
            keys("The last delegates left after 22 leaders spoke."),
            [Some("leaders".to_string())]
        );
    }

    #[test]
    fn the_figure_needs_an_earlier_figure() {
        assert_eq!(keys("Officials put the figure at 300."), [None]);
    }
}
