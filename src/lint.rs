//! The lint: checks every figure of a draft against what trusted sources say, before
//! publication.
//!
//! Drafts and sources go through the same load -> segment -> extract -> key stages as `check`.
//! Each keyed figure of a draft is then graded against the source figures of the same key
//! and unit, with the comparator's own rules (tolerances, rounding, vague magnitudes, years
//! against dates), one distinct source value at a time:
//!
//! - **contradicted**: every source value is disjoint from the draft's (an error);
//! - **differs**: no source states the figure the way the draft does, or some source
//!   contradicts it while another agrees, that is the sources disagree among themselves
//!   (a warning);
//! - **unsupported**: no source states the quantity at all (information).
//!
//! A figure that some source states the same way, and that no source contradicts, is
//! supported and not reported: a source being vaguer ("more than 20" against the draft's
//! "26") is no reason to change the draft. Drafts are never compared with each other.

use std::collections::{BTreeMap, HashMap};

use crate::claim::{Claim, Kind};
use crate::compare::{self, Verdict};
use crate::document::Document;
use crate::interval::Interval;
use crate::location::LineIndex;
use crate::rules::RuleSet;
use crate::suppress::{Policy, Suppressions};
use crate::Analysis;

/// How a draft's figure stands against the sources, from the mildest to the worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    /// No source states the quantity.
    Unsupported,
    /// The sources state it differently, or disagree among themselves about it.
    Differs,
    /// What the draft says cannot be true if the sources are right.
    Contradicted,
}

impl Grade {
    pub fn as_str(self) -> &'static str {
        match self {
            Grade::Unsupported => "unsupported",
            Grade::Differs => "differs",
            Grade::Contradicted => "contradicted",
        }
    }

    /// The diagnostic level: `error`, `warning` or `info`.
    pub fn level(self) -> &'static str {
        match self {
            Grade::Unsupported => "info",
            Grade::Differs => "warning",
            Grade::Contradicted => "error",
        }
    }
}

/// How one source value stands towards the draft's figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// The comparator finds no disagreement.
    Agrees,
    /// Compatible, but stated differently.
    Differs,
    /// The two cannot both be true.
    Contradicts,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Agrees => "agrees",
            Stance::Differs => "differs",
            Stance::Contradicts => "contradicts",
        }
    }
}

/// The source claims of one key that state the same value, and how they stand towards the
/// draft's figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub value: Interval,
    pub kind: Kind,
    pub stance: Stance,
    /// The comparator's message for the draft's figure against this value (`None` when it
    /// agrees): "`about 5,000` and `tens of thousands` cannot both be true".
    pub message: Option<String>,
    /// Indices into the report's claims, all of sources, in document order.
    pub claims: Vec<usize>,
}

/// One diagnostic: a figure of a draft and what the sources say about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Lint {
    pub grade: Grade,
    pub key: String,
    /// The key in words, from the rule files.
    pub description: String,
    /// Index of the draft's claim in the report's claims.
    pub claim: usize,
    pub message: String,
    /// Every distinct value the sources give for the key, in the order first stated; empty
    /// for an unsupported figure.
    pub related: Vec<Related>,
    /// When the sources disagree among themselves on the key, the comparator's message about
    /// it (with its note on publication days).
    pub sources_disagree: Option<String>,
}

/// Everything one lint run found.
#[derive(Debug, Clone)]
pub struct LintReport {
    /// The drafts, then the sources; the claims of both. `analysis.comparison` compares the
    /// sources among themselves (indices into `analysis.claims`).
    pub analysis: Analysis,
    /// The first `drafts` documents of `analysis` are the drafts.
    pub drafts: usize,
    /// In draft order, then by position in the draft.
    pub lints: Vec<Lint>,
    /// Keyed and resolved draft figures that the sources support (not reported).
    pub supported: usize,
}

impl LintReport {
    /// Whether document `index` of the analysis is a draft.
    pub fn is_draft(&self, index: usize) -> bool {
        index < self.drafts
    }

    /// The number of lints of a grade.
    pub fn count(&self, grade: Grade) -> usize {
        self.lints.iter().filter(|l| l.grade == grade).count()
    }

    /// The claims of the drafts: a prefix of `analysis.claims`.
    pub fn draft_claims(&self) -> &[Claim] {
        let end = self.analysis.claims.partition_point(|c| c.source < self.drafts);
        &self.analysis.claims[..end]
    }

    /// The lints to show: all of them, or all but the unsupported ones.
    pub fn shown(&self, show_unsupported: bool) -> impl Iterator<Item = &Lint> {
        self.lints
            .iter()
            .filter(move |l| show_unsupported || l.grade != Grade::Unsupported)
    }
}

/// Grades every keyed figure of the drafts against the sources.
pub fn lint(drafts: Vec<Document>, sources: Vec<Document>, rules: &RuleSet) -> LintReport {
    lint_with(drafts, sources, rules, &Policy::default())
}

/// [`lint`], leaving out the figures of ignored keys and those that inline suppressions cover,
/// in drafts and sources alike. A suppression is used when a figure it covers takes part in
/// a diagnostic of the lint without suppressions: a draft's figure that is reported, a source
/// value that differs from or contradicts a reported figure, or a disagreement among the
/// sources; the others become notices.
pub fn lint_with(
    drafts: Vec<Document>,
    sources: Vec<Document>,
    rules: &RuleSet,
    policy: &Policy,
) -> LintReport {
    let draft_count = drafts.len();
    let mut documents = drafts;
    documents.extend(sources);
    let claims = crate::keyed_claims(&documents, rules);
    let split = claims.partition_point(|c| c.source < draft_count);
    let suppressions = Suppressions::find(&documents, &claims, policy);
    let graded = grade_all(&documents, &suppressions.masked(&claims, true), split, rules);
    let unsuppressed = suppressions
        .any()
        .then(|| grade_all(&documents, &suppressions.masked(&claims, false), split, rules));
    let notices = suppressions.notices(|claim| unsuppressed.as_ref().is_some_and(|g| g.reports(claim)));
    LintReport {
        analysis: Analysis {
            lines: documents.iter().map(|d| LineIndex::new(&d.text)).collect(),
            documents,
            claims,
            comparison: graded.comparison,
            notices,
            unlisted_claims: 0,
            packed: Default::default(),
        },
        drafts: draft_count,
        lints: graded.lints,
        supported: graded.supported,
    }
}

/// The grades of one pass over the claims.
struct Graded {
    comparison: compare::Comparison,
    lints: Vec<Lint>,
    supported: usize,
}

impl Graded {
    /// Whether claim `claim` takes part in a diagnostic.
    fn reports(&self, claim: usize) -> bool {
        self.lints.iter().any(|l| {
            l.claim == claim
                || l.related
                    .iter()
                    .any(|r| r.stance != Stance::Agrees && r.claims.contains(&claim))
        }) || self
            .comparison
            .findings
            .iter()
            .any(|f| f.sides.iter().any(|s| s.claims.contains(claim)))
    }
}

/// Grades the keyed figures of the drafts (the claims before `split`) against the others.
fn grade_all(documents: &[Document], claims: &[Claim], split: usize, rules: &RuleSet) -> Graded {
    let comparison = compare_sources(documents, claims, split, rules);
    let sides = source_sides(claims, split);
    let mut lints = Vec::new();
    let mut supported = 0;
    for (index, claim) in claims[..split].iter().enumerate() {
        // A figure read one of two ways is not graded: a guess must not make a diagnostic.
        let doubtful = claim.doubt.is_some_and(|d| d.keeps_out());
        let (Some(key), Some(_), false) = (&claim.key, &claim.value, doubtful) else {
            continue;
        };
        let found = sides
            .get(&(key.as_ref(), claim.unit))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let related: Vec<Related> = found
            .iter()
            .map(|side| relate(claim, side, claims, rules))
            .map(|r| note_later_days(r, claim, claims, documents))
            .collect();
        let Some((grade, message)) = grade(claim, &related) else {
            supported += 1;
            continue;
        };
        let sources_disagree = comparison
            .findings
            .iter()
            .find(|f| {
                *f.key == **key
                    && f.sides
                        .iter()
                        .any(|s| s.claims.first().is_some_and(|c| claims[c].unit == claim.unit))
            })
            .map(|f| f.message.clone());
        lints.push(Lint {
            grade,
            key: key.to_string(),
            description: rules.describe(key),
            claim: index,
            message,
            related,
            sources_disagree,
        });
    }
    Graded {
        comparison,
        lints,
        supported,
    }
}

/// The comparator's findings among the sources alone, with indices into all the claims.
fn compare_sources(
    documents: &[Document],
    claims: &[Claim],
    split: usize,
    rules: &RuleSet,
) -> compare::Comparison {
    let sources = &claims[split..];
    let mut comparison = compare::compare(sources, rules);
    let published: Vec<_> = documents.iter().map(|d| d.published).collect();
    compare::note_publication_days(&mut comparison, sources, &published);
    for finding in &mut comparison.findings {
        for side in &mut finding.sides {
            side.claims = side.claims.iter().map(|c| c + split).collect();
        }
    }
    for agreement in &mut comparison.agreements {
        agreement.claims = agreement.claims.iter().map(|c| c + split).collect();
    }
    comparison
}

/// Source claims of one key and unit that state the same value.
struct SourceSide {
    value: Interval,
    kind: Kind,
    claims: Vec<usize>,
}

/// The source sides of every key and unit, each in the order first stated. Claims are the
/// same side when their value and stated figure are equal to the bit.
fn source_sides(claims: &[Claim], split: usize) -> BTreeMap<(&str, Option<&str>), Vec<SourceSide>> {
    let mut sides: BTreeMap<(&str, Option<&str>), Vec<SourceSide>> = BTreeMap::new();
    let mut index: HashMap<(&str, Option<&str>, [u64; 6]), usize> = HashMap::new();
    for (i, c) in claims.iter().enumerate().skip(split) {
        let doubtful = c.doubt.is_some_and(|d| d.keeps_out());
        let (Some(key), Some(value), false) = (&c.key, c.value, doubtful) else {
            continue;
        };
        let group = (key.as_ref(), c.unit);
        let bits = |b: Option<crate::interval::Bound>| {
            b.map_or(u64::MAX, |b| b.value.to_bits() ^ u64::from(b.inclusive))
        };
        let (lo, hi) = c.stated.unwrap_or((f64::NAN, f64::NAN));
        let id = [
            bits(value.lo),
            bits(value.hi),
            lo.to_bits(),
            hi.to_bits(),
            c.kind as u64,
            c.qualifier as u64,
        ];
        let list = sides.entry(group).or_default();
        match index.get(&(group.0, group.1, id)) {
            Some(&at) => list[at].claims.push(i),
            None => {
                index.insert((group.0, group.1, id), list.len());
                list.push(SourceSide {
                    value,
                    kind: c.kind,
                    claims: vec![i],
                });
            }
        }
    }
    sides
}

/// How one source side stands towards the draft's claim, graded by the comparator itself on
/// the pair (as two sources), so that `lint` and `check` never disagree on a pair of figures.
fn relate(draft: &Claim, side: &SourceSide, claims: &[Claim], rules: &RuleSet) -> Related {
    let mut pair = [draft.clone(), claims[side.claims[0]].clone()];
    pair[0].source = 0;
    pair[1].source = 1;
    let finding = compare::compare(&pair, rules).findings.into_iter().next();
    let stance = match finding.as_ref().map(|f| f.verdict) {
        None => Stance::Agrees,
        Some(Verdict::Discrepancy) => Stance::Differs,
        Some(Verdict::Conflict) => Stance::Contradicts,
    };
    Related {
        value: side.value,
        kind: side.kind,
        stance,
        message: finding.map(|f| f.message),
        claims: side.claims.clone(),
    }
}

/// A draft written from early reports is contradicted by later ones when a figure changed
/// (a toll that rose): when every source that states a differing value was published after
/// the draft, the message says so, as `check` does for sources of different days.
fn note_later_days(mut related: Related, draft: &Claim, claims: &[Claim], documents: &[Document]) -> Related {
    let published = |c: &Claim| documents.get(c.source).and_then(|d| d.published);
    let (Some(message), Some(drafted)) = (&mut related.message, published(draft)) else {
        return related;
    };
    let days: Option<Vec<_>> = related.claims.iter().map(|&c| published(&claims[c])).collect();
    if let Some(first) = days
        .filter(|days| days.iter().all(|&d| d > drafted))
        .and_then(|days| days.into_iter().min())
    {
        message.push_str(&format!(
            "; the sources that say so were published after the draft (from {first}), so it may be an update"
        ));
    }
    related
}

/// The grade of a draft figure and its message; `None` when the sources support it.
fn grade(claim: &Claim, related: &[Related]) -> Option<(Grade, String)> {
    let phrase = &claim.text;
    let has = |stance: Stance| related.iter().any(|r| r.stance == stance);
    if related.is_empty() {
        return Some((Grade::Unsupported, format!("no source states `{phrase}`")));
    }
    if related.iter().all(|r| r.stance == Stance::Contradicts) {
        return Some((
            Grade::Contradicted,
            format!("`{phrase}` is contradicted by every source"),
        ));
    }
    let message = match (has(Stance::Agrees), has(Stance::Contradicts)) {
        (true, false) => return None,
        (true, true) => format!("the sources disagree on `{phrase}`: some state it, others contradict it"),
        (false, true) => {
            format!("`{phrase}` is contradicted by some sources and stated differently by the others")
        }
        (false, false) => format!("`{phrase}` is compatible with the sources but stated differently"),
    };
    Some((Grade::Differs, message))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(path: &str, text: &str) -> Document {
        Document::parse(path, text.to_string()).unwrap()
    }

    fn graded(draft: &str, sources: &[&str]) -> Vec<(Grade, String)> {
        let sources = sources
            .iter()
            .enumerate()
            .map(|(i, s)| doc(&format!("s{i}.txt"), s))
            .collect();
        let report = lint(vec![doc("draft.txt", draft)], sources, &RuleSet::generic());
        report
            .lints
            .iter()
            .map(|l| (l.grade, report.analysis.claims[l.claim].text.to_string()))
            .collect()
    }

    #[test]
    fn a_figure_disjoint_from_every_source_is_contradicted() {
        let got = graded(
            "The earthquake killed 900 people.",
            &[
                "The earthquake killed 1,240 people.",
                "The quake killed 1,870 people.",
            ],
        );
        assert_eq!(got, [(Grade::Contradicted, "900".to_string())]);
    }

    #[test]
    fn a_figure_some_source_contradicts_differs() {
        // One source says the same, the other contradicts it: the sources disagree.
        let got = graded(
            "The earthquake killed 1,240 people.",
            &[
                "The earthquake killed 1,240 people.",
                "The quake killed 1,870 people.",
            ],
        );
        assert_eq!(got, [(Grade::Differs, "1,240".to_string())]);
    }

    #[test]
    fn a_compatible_figure_stated_differently_differs() {
        let got = graded(
            "The earthquake killed more than 1,000 people.",
            &["The earthquake killed 1,240 people."],
        );
        assert_eq!(got, [(Grade::Differs, "more than 1,000".to_string())]);
    }

    #[test]
    fn a_figure_a_source_states_the_same_way_is_supported() {
        // The vaguer source does not make the precise draft figure wrong.
        let draft = "The earthquake killed 1,240 people.";
        let report = lint(
            vec![doc("draft.txt", draft)],
            vec![
                doc("a.txt", "The earthquake killed 1,240 people."),
                doc("b.txt", "The earthquake killed more than 1,000 people."),
            ],
            &RuleSet::generic(),
        );
        assert!(report.lints.is_empty(), "{:?}", report.lints);
        assert_eq!(report.supported, 1);
    }

    #[test]
    fn a_quantity_no_source_states_is_unsupported() {
        let got = graded(
            "The earthquake killed 1,240 people and injured 3,000.",
            &["The earthquake killed 1,240 people."],
        );
        assert_eq!(got, [(Grade::Unsupported, "3,000".to_string())]);
    }

    #[test]
    fn related_values_carry_their_stance_and_the_sources_disagreement() {
        let report = lint(
            vec![doc("draft.txt", "The earthquake killed 1,240 people.")],
            vec![
                doc("a.txt", "The earthquake killed 1,240 people."),
                doc("b.txt", "The quake killed 1,870 people."),
                doc("c.txt", "More than 1,000 people were killed by the quake."),
            ],
            &RuleSet::generic(),
        );
        let lint = &report.lints[0];
        let stances: Vec<Stance> = lint.related.iter().map(|r| r.stance).collect();
        assert_eq!(stances, [Stance::Agrees, Stance::Contradicts, Stance::Differs]);
        // Every related claim is a source's, never the draft's.
        assert!(lint
            .related
            .iter()
            .flat_map(|r| &r.claims)
            .all(|&c| !report.is_draft(report.analysis.claims[c].source)));
        assert!(lint
            .sources_disagree
            .as_deref()
            .unwrap()
            .contains("cannot both be true"));
        assert!(lint.related[1]
            .message
            .as_deref()
            .unwrap()
            .contains("`1,240` and `1,870`"));
    }

    #[test]
    fn later_sources_are_flagged_as_possible_updates() {
        let dated =
            |path: &str, day: &str, body: &str| doc(path, &format!("---\npublished: {day}\n---\n{body}"));
        let draft = || dated("draft.txt", "2024-03-13", "The earthquake killed 1,240 people.");
        let message = |source: Document| {
            let report = lint(vec![draft()], vec![source], &RuleSet::generic());
            report.lints[0].related[0].message.clone().unwrap()
        };
        let later = message(dated("a.txt", "2024-03-14", "The quake killed 1,870 people."));
        assert!(later.ends_with("published after the draft (from 2024-03-14), so it may be an update"));
        let same_day = message(dated("a.txt", "2024-03-13", "The quake killed 1,870 people."));
        assert!(!same_day.contains("update"), "{same_day}");
    }

    #[test]
    fn drafts_are_not_compared_with_each_other() {
        let report = lint(
            vec![
                doc("one.txt", "The earthquake killed 900 people."),
                doc("two.txt", "The earthquake killed 2,000 people."),
            ],
            vec![],
            &RuleSet::generic(),
        );
        let grades: Vec<Grade> = report.lints.iter().map(|l| l.grade).collect();
        assert_eq!(grades, [Grade::Unsupported, Grade::Unsupported]);
        assert!(report.analysis.comparison.findings.is_empty());
        assert_eq!(report.draft_claims().len(), 2);
    }

    #[test]
    fn figures_in_other_units_are_not_compared() {
        let got = graded(
            "The damage was estimated at $2 billion.",
            &["The damage was estimated at €5 billion."],
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, Grade::Unsupported);
    }

    #[test]
    fn years_and_dates_are_compared_as_the_comparator_does() {
        let got = graded(
            "It was his first visit since 2019.",
            &["It was his first visit since January 2019."],
        );
        assert!(got.is_empty(), "{got:?}");
    }
}
