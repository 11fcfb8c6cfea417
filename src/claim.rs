//! Claims: one numeric statement of one article, normalized.

use std::borrow::Borrow;
use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

use serde::Serialize;

use crate::interval::Interval;

/// The [`Figure`] of anything with a claim's fields but its place (a [`Claim`], a packed
/// template): one list of the fields for both.
macro_rules! figure_of {
    ($claim:expr) => {
        Figure {
            text: &$claim.text,
            value: $claim.value,
            stated: $claim.stated,
            precision: $claim.precision,
            written_factor: $claim.written_factor,
            kind: $claim.kind,
            unit: $claim.unit,
            qualifier: $claim.qualifier,
            noun: $claim.noun.as_deref(),
            key: $claim.key.as_deref(),
            resolution: $claim.resolution.as_deref(),
            relation: $claim.relation,
            doubt: $claim.doubt,
            claimant: $claim.claimant.as_deref(),
        }
    };
}

mod packed;

pub use packed::Packed;

/// What sort of quantity a claim states; decides its unit and how its value is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Count,
    Year,
    Date,
    Money,
    Percent,
    Duration,
    Distance,
    /// Areas, in square kilometres: acres, hectares, square miles.
    Area,
    /// Temperatures, in degrees Celsius.
    Temperature,
    Speed,
    Ordinal,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Count => "count",
            Kind::Year => "year",
            Kind::Date => "date",
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Duration => "duration",
            Kind::Distance => "distance",
            Kind::Area => "area",
            Kind::Temperature => "temperature",
            Kind::Speed => "speed",
            Kind::Ordinal => "ordinal",
        }
    }

    /// Parses the names used in rule files.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.iter().copied().find(|k| k.as_str() == name)
    }

    pub const ALL: [Kind; 11] = [
        Kind::Count,
        Kind::Year,
        Kind::Date,
        Kind::Money,
        Kind::Percent,
        Kind::Duration,
        Kind::Distance,
        Kind::Area,
        Kind::Temperature,
        Kind::Speed,
        Kind::Ordinal,
    ];

    /// Points in time (years and dates) compare with each other.
    pub fn is_time_point(self) -> bool {
        matches!(self, Kind::Year | Kind::Date)
    }
}

/// How the text qualifies its figure; kept so a report can say *why* an interval is wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// A plain figure: `26`, `1.3 million`.
    Exact,
    /// `more than`, `over`, `above`, `in excess of`.
    MoreThan,
    /// `at least`, `no fewer than`, `20+`, `20,000-plus`.
    AtLeast,
    /// `fewer than`, `less than`, `under`, `below`.
    LessThan,
    /// `up to`, `at most`, `as many as`, `no more than`.
    AtMost,
    /// `about`, `approximately`, `around`, `some`, `roughly`, `an estimated`.
    About,
    /// `nearly`, `almost`, `close to`, `just under`.
    Nearly,
    /// `10-15`, `between 10 and 12`, `90-98%`.
    Range,
    /// A vague magnitude: `dozens`, `thousands`, `tens of thousands`.
    Vague,
    /// A relative expression resolved against the publication date: `last year`, `Wednesday`.
    Relative,
}

impl Qualifier {
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::AtMost => "at_most",
            Qualifier::About => "about",
            Qualifier::Nearly => "nearly",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
            Qualifier::Relative => "relative",
        }
    }
}

/// One normalized numeric statement with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Index of the source document in the run.
    pub source: usize,
    /// Byte span of the number phrase in the file as read.
    pub span: Range<usize>,
    /// The number phrase as written. Shared, like the other strings of a claim: a run holds
    /// millions of claims, and the same phrase, noun and key recur across them ([`Interner`]).
    pub text: Shared,
    /// Byte span of the sentence holding it.
    pub sentence: Range<usize>,
    /// The value, in the canonical unit of `kind` (see [`Claim::unit`]); `None` when a
    /// relative expression could not be resolved (no publication date).
    pub value: Option<Interval>,
    /// The figure as stated, before qualifiers widen it: `20` for "more than 20". Two claims
    /// with the same stated figure and qualifier say the same thing.
    pub stated: Option<(f64, f64)>,
    /// Half the rounding step of a round figure ("10,000" may stand for 9,500..10,500): used
    /// by the comparator so that "10,000" and "10,200" are not a conflict.
    pub precision: f64,
    /// Factor from the unit as written to the canonical one: figures written in different
    /// units ("28 km", "17 miles") agree when they overlap, as their stated figures cannot match.
    pub written_factor: f64,
    pub kind: Kind,
    /// Canonical unit: `km`, `km/h`, `s`, `%`, an ISO currency code, or none for counts.
    pub unit: Option<&'static str>,
    pub qualifier: Qualifier,
    /// The counted noun or the thing measured, lower-cased, as found near the figure.
    pub noun: Option<Shared>,
    /// The fact key, assigned by the keying stage; `None` means the claim is listed but not compared.
    pub key: Option<Shared>,
    /// How a relative expression was resolved, e.g. "last year, published 2025-08-28".
    pub resolution: Option<Shared>,
    /// Relation word that ties a time point to its event: `since` in "first visit since 2019".
    pub relation: Option<Relation>,
    /// Why the value is not certain, if it is not: such claims are reported apart ("could not
    /// normalize") and, when [`Doubt::keeps_out`], not compared.
    pub doubt: Option<Doubt>,
    /// Who the sentence attributes the figure to (`police` in "80,000 marched, police said"),
    /// normalized; `None` when nobody in particular. Set by the keying stage.
    pub claimant: Option<Shared>,
}

/// The relations a time point can have to its event: `since 2019`, `as of March 3` (`by
/// Tuesday`), and an age (`14-year-old`). One byte in a claim, where a name would be two words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Relation {
    Since,
    AsOf,
    Age,
}

impl Relation {
    pub const ALL: [Relation; 3] = [Relation::Since, Relation::AsOf, Relation::Age];

    /// The name used in the JSON output and by the extractor: `since`, `as_of`, `age`.
    pub fn as_str(self) -> &'static str {
        match self {
            Relation::Since => "since",
            Relation::AsOf => "as_of",
            Relation::Age => "age",
        }
    }

    /// The relation named `name`.
    pub fn named(name: &str) -> Option<Relation> {
        Relation::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

/// Why crosscheck is unsure of a claim's value. The claim is kept and reported, never dropped
/// and never silently guessed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Doubt {
    /// No value could be computed: a relative date or a weekday with no publication date.
    Unresolved,
    /// Two readings are possible (`3/4/2025`: March 4 or April 3); the value is one of them.
    Ambiguous,
    /// The words contradict each other: `Tuesday, September 3, 2025` (a Wednesday). The value
    /// is the one the more precise words give (the date).
    Inconsistent,
}

impl Doubt {
    pub fn as_str(self) -> &'static str {
        match self {
            Doubt::Unresolved => "unresolved",
            Doubt::Ambiguous => "ambiguous",
            Doubt::Inconsistent => "inconsistent",
        }
    }

    /// Whether the claim stays out of comparisons: a guessed reading must not make a finding.
    pub fn keeps_out(self) -> bool {
        !matches!(self, Doubt::Inconsistent)
    }
}

impl Claim {
    /// The text of the sentence holding the claim.
    pub fn sentence_text<'a>(&self, file: &'a str) -> &'a str {
        file.get(self.sentence.clone()).unwrap_or_default()
    }

    /// The claim without its place: what the comparator reads.
    pub fn figure(&self) -> Figure<'_> {
        figure_of!(self)
    }
}

/// A claim without its place (source, span and sentence), borrowed: what the comparator and
/// the summaries read, whether the claim is held whole or packed ([`Packed`] keeps one copy
/// of these fields for many claims). The fields are those of [`Claim`], strings as `str`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure<'a> {
    pub text: &'a str,
    pub value: Option<Interval>,
    pub stated: Option<(f64, f64)>,
    pub precision: f64,
    pub written_factor: f64,
    pub kind: Kind,
    pub unit: Option<&'static str>,
    pub qualifier: Qualifier,
    pub noun: Option<&'a str>,
    pub key: Option<&'a str>,
    pub resolution: Option<&'a str>,
    pub relation: Option<Relation>,
    pub doubt: Option<Doubt>,
    pub claimant: Option<&'a str>,
}

/// One shared copy of each string the claims of a run hold.
///
/// Most claims of a large run repeat a few keys, nouns and phrases (every article about an
/// event says `2,208` of `people` under `deaths`), so a run that keeps millions of claims
/// keeps each such string once and the claims point at it.
#[derive(Debug, Default)]
pub struct Interner {
    /// Hashed with rustc's `FxHasher`, eight bytes a step: the interner runs on the one thread
    /// that merges the reading threads' batches.
    strings: rustc_hash::FxHashSet<Shared>,
}

impl Interner {
    /// Points the strings of `claim` at the shared copies, adding the ones not seen yet.
    pub fn intern(&mut self, claim: &mut Claim) {
        self.share(&mut claim.text);
        for string in [
            &mut claim.noun,
            &mut claim.key,
            &mut claim.resolution,
            &mut claim.claimant,
        ]
        .into_iter()
        .flatten()
        {
            self.share(string);
        }
    }

    /// Points `string` at the shared copy, or keeps it as the shared copy when it is new.
    fn share(&mut self, string: &mut Shared) {
        match self.strings.get(&**string) {
            Some(shared) => *string = shared.clone(),
            None => {
                self.strings.insert(string.clone());
            }
        }
    }
}

/// A string that claims share: one pointer wide (an `Arc<str>` is two), as a claim holds five
/// of them. Reads as a `str`.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Shared(Arc<String>);

impl Deref for Shared {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for Shared {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Shared {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl From<String> for Shared {
    fn from(string: String) -> Shared {
        Shared(Arc::new(string))
    }
}

impl From<&str> for Shared {
    fn from(string: &str) -> Shared {
        Shared(Arc::new(string.to_string()))
    }
}

impl PartialEq<str> for Shared {
    fn eq(&self, other: &str) -> bool {
        self.0.as_str() == other
    }
}

impl PartialEq<&str> for Shared {
    fn eq(&self, other: &&str) -> bool {
        self.0.as_str() == *other
    }
}

impl fmt::Debug for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.0.as_str(), f)
    }
}

impl fmt::Display for Shared {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(text: &str, key: &str) -> Claim {
        Claim {
            source: 0,
            span: 0..text.len(),
            text: text.into(),
            sentence: 0..text.len(),
            value: None,
            stated: None,
            precision: 0.0,
            written_factor: 1.0,
            kind: Kind::Count,
            unit: None,
            qualifier: Qualifier::Exact,
            noun: Some("people".into()),
            key: Some(key.into()),
            resolution: None,
            relation: None,
            doubt: None,
            claimant: None,
        }
    }

    #[test]
    fn interned_claims_share_one_copy_of_each_string() {
        let mut interner = Interner::default();
        let (mut a, mut b) = (claim("26", "dead"), claim("26", "dead"));
        interner.intern(&mut a);
        interner.intern(&mut b);
        assert_eq!(a, b);
        let same = |x: &Option<Shared>, y: &Option<Shared>| match (x, y) {
            (Some(x), Some(y)) => Arc::ptr_eq(&x.0, &y.0),
            _ => false,
        };
        assert!(Arc::ptr_eq(&a.text.0, &b.text.0));
        assert!(same(&a.key, &b.key) && same(&a.noun, &b.noun));
        let mut c = claim("27", "dead");
        interner.intern(&mut c);
        assert!(!Arc::ptr_eq(&a.text.0, &c.text.0));
        assert!(same(&a.key, &c.key));
    }

    #[test]
    fn shared_strings_read_as_str() {
        let s = Shared::from("26 dead");
        assert_eq!(&*s, "26 dead");
        assert_eq!(s, "26 dead");
        assert_eq!(format!("{s} {s:?}"), "26 dead \"26 dead\"");
        assert_eq!(
            std::mem::size_of::<Option<Shared>>(),
            std::mem::size_of::<usize>()
        );
    }

    #[test]
    fn relations_are_read_back_from_their_names() {
        for relation in Relation::ALL {
            assert_eq!(Relation::named(relation.as_str()), Some(relation));
        }
        assert_eq!(Relation::named("until"), None);
    }

    #[test]
    fn claims_stay_compact() {
        // A large run keeps millions of claims: every byte here is megabytes there.
        assert!(
            std::mem::size_of::<Claim>() <= 176,
            "{}",
            std::mem::size_of::<Claim>()
        );
    }
}
