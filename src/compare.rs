//! The comparator: per key, groups claims into sides of equal normalized value and grades
//! every disagreement between sources as a conflict or a discrepancy.
//!
//! - **conflict**: the intervals cannot both be true (170,000 vs 230,000 dead);
//! - **discrepancy**: they can, but the stated figures differ ("more than 20" vs 26), or they
//!   only clash under the strict reading of a vague word ("thousands" vs "tens of thousands").
//!
//! Claims found in one source only are never findings: a difference inside one article is
//! not a disagreement between sources.

use std::collections::{BTreeMap, BTreeSet};

use crate::claim::{Claim, Figure, Kind, Packed, Qualifier};
use crate::interval::Interval;
use crate::rules::{Grading, RuleSet, Severity};
use crate::when::date_of;

mod claim_ids;
mod updates;

pub use claim_ids::ClaimIds;

/// The grade of a disagreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Discrepancy,
    Conflict,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Conflict => "conflict",
            Verdict::Discrepancy => "discrepancy",
        }
    }
}

/// Claims of one key that state the same value.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// The value as compared (dates read as years when the key mixes years and dates).
    pub value: Interval,
    /// The kind the value is in: a date compared against years is read as a year.
    pub kind: Kind,
    /// Indices into the run's claims, in document order.
    pub claims: ClaimIds,
}

/// One disagreement between sources about one key.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub key: String,
    pub description: String,
    pub verdict: Verdict,
    pub severity: Severity,
    pub message: String,
    pub sides: Vec<Side>,
    /// The tolerance and severities the finding was graded with, to grade it again when
    /// some of its figures turn out to be earlier updates (see [`note_publication_days`]).
    pub grading: Grading,
}

/// A key on which every source agrees.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    pub key: String,
    pub claims: ClaimIds,
}

/// Everything the comparator found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    pub findings: Vec<Finding>,
    pub agreements: Vec<Agreement>,
    /// Keys stated by at least two sources.
    pub keys_compared: usize,
}

/// Compares all keyed claims. `claims` are those of every source, in document order.
pub fn compare(claims: &[Claim], rules: &RuleSet) -> Comparison {
    compare_where(claims, rules, |_| true)
}

/// [`compare`] over the claims whose index `included` accepts; the others are passed over as
/// if they had no key, while indices stay those of `claims` (no claim is copied).
pub fn compare_where(claims: &[Claim], rules: &RuleSet, included: impl Fn(usize) -> bool) -> Comparison {
    compare_figures(claims, rules, included)
}

/// The claims the comparator reads, by index: each one's figures and its source. A slice of
/// claims is one; so are claims held packed ([`Packed`]), which are compared without being
/// copied out.
pub trait Figures {
    /// How many claims there are; indices run from 0 to this.
    fn count(&self) -> usize;
    /// Claim `i` as compared, without its place: the comparator reads the source from
    /// [`Figures::source`].
    fn figure(&self, i: usize) -> Figure<'_>;
    /// The document claim `i` comes from.
    fn source(&self, i: usize) -> usize;
}

impl Figures for [Claim] {
    fn count(&self) -> usize {
        self.len()
    }

    fn figure(&self, i: usize) -> Figure<'_> {
        self[i].figure()
    }

    fn source(&self, i: usize) -> usize {
        self[i].source
    }
}

/// A vector of claims reads as its slice: a sized type, so that it can stand behind
/// `&dyn Figures`.
impl Figures for Vec<Claim> {
    fn count(&self) -> usize {
        self.as_slice().count()
    }

    fn figure(&self, i: usize) -> Figure<'_> {
        self.as_slice().figure(i)
    }

    fn source(&self, i: usize) -> usize {
        self.as_slice().source(i)
    }
}

impl Figures for Packed {
    fn count(&self) -> usize {
        self.len()
    }

    fn figure(&self, i: usize) -> Figure<'_> {
        // Indices come from `0..count()`, which `shape` always answers.
        self.shape(i).expect("a packed claim's index")
    }

    fn source(&self, i: usize) -> usize {
        Packed::source(self, i).unwrap_or_default()
    }
}

/// [`compare_where`] over any [`Figures`]. Claims are grouped by key with `u32` indices (a
/// run of more than 2^32 claims, hundreds of gigabytes of them, compares the first 2^32).
pub fn compare_figures(
    claims: &(impl Figures + ?Sized),
    rules: &RuleSet,
    included: impl Fn(usize) -> bool,
) -> Comparison {
    // Claims are grouped by key, and within a key by unit: figures in different currencies
    // or units are not compared with each other. A large run groups millions of claims, so
    // the groups are counted first and then filled, each given only the room it fills.
    let indices = || (0..claims.count()).map_while(|i| u32::try_from(i).ok());
    let group_of = |i: u32| {
        let c = claims.figure(i as usize);
        let doubtful = c.doubt.is_some_and(|d| d.keeps_out());
        match (c.key, c.value, doubtful) {
            (Some(key), _, _) if key.ends_with(crate::key::EARLIER) => None,
            (Some(key), Some(_), false) if included(i as usize) => Some((key, c.unit)),
            _ => None,
        }
    };
    let mut sizes: BTreeMap<(&str, Option<&str>), usize> = BTreeMap::new();
    for group in indices().filter_map(group_of) {
        *sizes.entry(group).or_default() += 1;
    }
    let mut groups: BTreeMap<(&str, Option<&str>), Vec<u32>> = sizes
        .into_iter()
        .map(|(group, size)| (group, Vec::with_capacity(size)))
        .collect();
    for i in indices() {
        if let Some(members) = group_of(i).and_then(|group| groups.get_mut(&group)) {
            members.push(i);
        }
    }
    let earlier = earlier_pairs(claims, &included);
    let mut out = Comparison::default();
    for ((key, _), group) in groups {
        let first = group.first().map(|&i| claims.source(i as usize));
        if group.iter().all(|&i| Some(claims.source(i as usize)) == first) {
            continue;
        }
        out.keys_compared += 1;
        let pairs = earlier.get(key).map_or(&[][..], Vec::as_slice);
        match grade_key(key, &group, claims, pairs, rules.grading(key), || {
            rules.describe(key)
        }) {
            Some(f) => out.findings.push(f),
            None => out.agreements.push(Agreement {
                key: key.to_string(),
                claims: group.into(),
            }),
        }
    }
    out.findings
        .sort_by(|a, b| b.verdict.cmp(&a.verdict).then_with(|| a.key.cmp(&b.key)));
    out
}

/// Figures that change over time (tolls, evacuations, acreage) differ between articles
/// published on different days without any of them being wrong. A running count or level
/// stated on an earlier day than the latest report of it is an update, not a disagreement,
/// and leaves the finding (see [`updates`]); any other finding whose sides each come from a
/// different day says so, so that an editor reads a possible update as one.
pub fn note_publication_days(
    comparison: &mut Comparison,
    claims: &(impl Figures + ?Sized),
    published: &[Option<chrono::NaiveDate>],
) {
    updates::settle(comparison, claims, published);
    for finding in &mut comparison.findings {
        // Only when the days explain the whole disagreement: each side published on one day,
        // and no two sides on the same day.
        let side_days: Vec<Option<chrono::NaiveDate>> = finding
            .sides
            .iter()
            .map(|side| {
                let mut days = side
                    .claims
                    .iter()
                    .map(|c| published.get(claims.source(c)).copied().flatten());
                let first = days.next().flatten()?;
                days.all(|d| d == Some(first)).then_some(first)
            })
            .collect();
        let Some(mut days) = side_days.into_iter().collect::<Option<Vec<_>>>() else {
            continue;
        };
        let sides = days.len();
        days.sort();
        days.dedup();
        if days.len() == sides && sides > 1 {
            let (first, last) = (days[0], days[days.len() - 1]);
            finding.message.push_str(&format!(
                "; each figure comes from a different day ({first} to {last}), so a later one may be an update"
            ));
        }
    }
}

/// A claim's value as compared: `(interval, stated figure)`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Reading {
    value: Interval,
    stated: (f64, f64),
    precision: f64,
    written_factor: f64,
    qualifier: Qualifier,
    kind: Kind,
}

fn reading(c: Figure<'_>, as_years: bool) -> Option<Reading> {
    let mut value = c.value?;
    let mut stated = c.stated.unwrap_or((f64::NAN, f64::NAN));
    let mut kind = c.kind;
    if as_years && c.kind == Kind::Date {
        kind = Kind::Year;
        let year = |d: f64| date_of(d).map(|d| f64::from(chrono::Datelike::year(&d)));
        let (lo, hi) = (year(value.lo_value()?)?, year(value.hi_value()?)?);
        value = Interval::closed(lo, hi);
        stated = (lo, hi);
    }
    Some(Reading {
        value,
        stated,
        precision: c.precision,
        written_factor: c.written_factor,
        qualifier: c.qualifier,
        kind,
    })
}

/// A running figure's value and the earlier value a sentence gives beside it (`183 homes,
/// up from 146`), as stated figures.
type EarlierPair = ((f64, f64), (f64, f64));

/// Per key, the pairs of figures a sentence gives as the key's value and its earlier value
/// (see [`crate::key::EARLIER`]). The value is the nearest claim before the earlier one, in
/// the same source, with the key itself.
fn earlier_pairs<'c>(
    claims: &'c (impl Figures + ?Sized),
    included: &impl Fn(usize) -> bool,
) -> BTreeMap<&'c str, Vec<EarlierPair>> {
    let mut pairs: BTreeMap<&str, Vec<EarlierPair>> = BTreeMap::new();
    for i in 0..claims.count() {
        let c = claims.figure(i);
        let Some(key) = c.key.and_then(|k| k.strip_suffix(crate::key::EARLIER)) else {
            continue;
        };
        let (Some(earlier), true) = (c.stated, included(i)) else {
            continue;
        };
        let source = claims.source(i);
        let current = (i.saturating_sub(16)..i)
            .rev()
            .take_while(|&j| claims.source(j) == source)
            .map(|j| claims.figure(j))
            .find(|f| f.key == Some(key))
            .and_then(|f| f.stated);
        if let Some(current) = current {
            pairs.entry(key).or_default().push((current, earlier));
        }
    }
    pairs
}

fn grade_key(
    key: &str,
    group: &[u32],
    claims: &(impl Figures + ?Sized),
    earlier: &[EarlierPair],
    grading: Grading,
    describe: impl FnOnce() -> String,
) -> Option<Finding> {
    let as_years = group
        .iter()
        .any(|&i| claims.figure(i as usize).kind == Kind::Year);
    // Sides: claims whose readings are equal.
    let mut sides: Vec<(Reading, Vec<u32>)> = Vec::new();
    // Side of each distinct reading, found by the exact bits of its numbers.
    let mut index: std::collections::HashMap<[u64; 6], usize> = std::collections::HashMap::new();
    for &i in group {
        let Some(r) = reading(claims.figure(i as usize), as_years) else {
            continue;
        };
        let bits = |b: Option<crate::interval::Bound>| {
            b.map_or(u64::MAX, |b| b.value.to_bits() ^ u64::from(b.inclusive))
        };
        let id = [
            bits(r.value.lo),
            bits(r.value.hi),
            r.stated.0.to_bits(),
            r.stated.1.to_bits(),
            0,
            0,
        ];
        match index.get(&id) {
            Some(&side) => sides[side].1.push(i),
            None => {
                index.insert(id, sides.len());
                sides.push((r, vec![i]));
            }
        }
    }
    // Whether two sides hold claims from different sources, from each side's first two
    // distinct sources (a side with two sources differs from any other side).
    let sources: Vec<(usize, Option<usize>)> = sides
        .iter()
        .map(|(_, members)| {
            let first = claims.source(members[0] as usize);
            (
                first,
                members
                    .iter()
                    .map(|&m| claims.source(m as usize))
                    .find(|&s| s != first),
            )
        })
        .collect();
    // Claimants of each side, when every claim of the side names one.
    let claimants: Vec<Option<BTreeSet<&str>>> = sides
        .iter()
        .map(|(_, members)| {
            members
                .iter()
                .map(|&m| claims.figure(m as usize).claimant)
                .collect()
        })
        .collect();
    // A value and the earlier value a sentence gives beside it (`183, up from 146`) are one
    // running figure at two times, whichever sources state them.
    let same_bits =
        |x: (f64, f64), y: (f64, f64)| x.0.to_bits() == y.0.to_bits() && x.1.to_bits() == y.1.to_bits();
    let running = |a: usize, b: usize| {
        let (x, y) = (sides[a].0.stated, sides[b].0.stated);
        earlier.iter().any(|&(now, then)| {
            (same_bits(x, now) && same_bits(y, then)) || (same_bits(x, then) && same_bits(y, now))
        })
    };
    let cross = |a: usize, b: usize| {
        let sources_differ = sources[a].1.is_some() || sources[b].1.is_some() || sources[a].0 != sources[b].0;
        sources_differ && !opposed_claimants(&claimants[a], &claimants[b]) && !running(a, b)
    };
    let candidates = extreme_sides(&sides);
    let mut worst: Option<(Verdict, usize, usize)> = None;
    for (i, &a) in candidates.iter().enumerate() {
        for &b in &candidates[i + 1..] {
            if !cross(a, b) {
                continue;
            }
            if let Some(v) = grade(&sides[a].0, &sides[b].0, grading.tolerance) {
                if worst.is_none_or(|(w, _, _)| v > w) {
                    worst = Some((v, a.min(b), a.max(b)));
                }
            }
        }
    }
    let (verdict, a, b) = worst?;
    // A discrepancy that rests on reading a vague word loosely says so.
    let loose_pair = (verdict == Verdict::Discrepancy)
        .then(|| {
            candidates
                .iter()
                .enumerate()
                .flat_map(|(i, &x)| candidates[i + 1..].iter().map(move |&y| (x.min(y), x.max(y))))
                .find(|&(x, y)| {
                    let vague =
                        sides[x].0.qualifier == Qualifier::Vague || sides[y].0.qualifier == Qualifier::Vague;
                    vague && cross(x, y) && strictly_disjoint(&sides[x].0, &sides[y].0, grading.tolerance)
                })
        })
        .flatten();
    let quote = |side: usize| claims.figure(sides[side].1[0] as usize).text;
    let message = match verdict {
        Verdict::Conflict => format!("`{}` and `{}` cannot both be true", quote(a), quote(b)),
        Verdict::Discrepancy => match loose_pair {
            Some((x, y)) if (x, y) == (a, b) => format!(
                "`{}` and `{}` differ unless the vague figure is read loosely",
                quote(a),
                quote(b)
            ),
            Some((x, y)) => format!(
                "`{}` and `{}` are compatible but stated differently; `{}` and `{}` meet only if the vague figure is read loosely",
                quote(a),
                quote(b),
                quote(x),
                quote(y)
            ),
            None => format!("`{}` and `{}` are compatible but stated differently", quote(a), quote(b)),
        },
    };
    let severity = match verdict {
        Verdict::Conflict => grading.conflict,
        Verdict::Discrepancy => grading.discrepancy,
    };
    Some(Finding {
        key: key.to_string(),
        description: describe(),
        verdict,
        severity,
        message,
        // A run of many articles holds many sides: each is given only the room it fills.
        // (A vector of its own, not collected in place into the wider tuples' allocation.)
        sides: {
            let mut out = Vec::with_capacity(sides.len());
            out.extend(sides.into_iter().map(|(r, claims)| Side {
                value: r.value,
                kind: r.kind,
                claims: claims.into(),
            }));
            out
        },
        grading,
    })
}

/// Two sides whose every figure is attributed, and to different claimants (police on one,
/// organisers on the other): the sources agree on who said what, and the claimants' dispute is
/// not a disagreement between sources.
fn opposed_claimants(a: &Option<BTreeSet<&str>>, b: &Option<BTreeSet<&str>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.is_disjoint(b),
        _ => false,
    }
}

/// The sides worth grading against each other. A few dozen sides are all compared; past
/// that only those with the lowest upper and the highest lower ends, which is where the
/// widest disagreement lies, so that an archive with thousands of readings of one key stays
/// linear rather than quadratic.
fn extreme_sides(sides: &[(Reading, Vec<u32>)]) -> Vec<usize> {
    const ALL_BELOW: usize = 48;
    const EACH_END: usize = 16;
    if sides.len() <= ALL_BELOW {
        return (0..sides.len()).collect();
    }
    let mut by_hi: Vec<usize> = (0..sides.len()).collect();
    by_hi.sort_by(|&a, &b| {
        let hi = |i: usize| sides[i].0.value.hi_value().unwrap_or(f64::INFINITY);
        hi(a).total_cmp(&hi(b)).then(a.cmp(&b))
    });
    let mut by_lo: Vec<usize> = (0..sides.len()).collect();
    by_lo.sort_by(|&a, &b| {
        let lo = |i: usize| sides[i].0.value.lo_value().unwrap_or(f64::NEG_INFINITY);
        lo(b).total_cmp(&lo(a)).then(a.cmp(&b))
    });
    let mut picked: Vec<usize> = by_hi
        .into_iter()
        .take(EACH_END)
        .chain(by_lo.into_iter().take(EACH_END))
        .collect();
    picked.sort_unstable();
    picked.dedup();
    picked
}

/// Grades two readings: `None` when they agree.
fn grade(a: &Reading, b: &Reading, tolerance: f64) -> Option<Verdict> {
    if strictly_disjoint(a, b, tolerance) {
        let vague = a.qualifier == Qualifier::Vague || b.qualifier == Qualifier::Vague;
        if vague && loose(a).intersects(&loose(b)) {
            return Some(Verdict::Discrepancy);
        }
        return Some(Verdict::Conflict);
    }
    let converted = a.written_factor != b.written_factor;
    let tolerance = if a.kind.is_time_point() { 0.0 } else { tolerance };
    let same_figure = family(a.qualifier) == family(b.qualifier)
        && (converted
            || close(a.stated.0, b.stated.0, tolerance) && close(a.stated.1, b.stated.1, tolerance));
    // `12.4 million` is `12,384,000` rounded: the same figure, not a different one.
    let rounds_to = |coarse: &Reading, fine: &Reading| {
        coarse.qualifier == Qualifier::Exact
            && fine.qualifier == Qualifier::Exact
            && coarse.precision > fine.precision
            && (fine.stated.0 - coarse.stated.0).abs() <= coarse.precision
            && (fine.stated.1 - coarse.stated.1).abs() <= coarse.precision
    };
    let rounded = rounds_to(a, b) || rounds_to(b, a);
    // `up to 80 mm` and `60 to 80 mm` (or `about 80 mm`) give the same maximum: the bound is
    // what the other figure's top end says, not a different figure.
    let same_top = |bound: &Reading, other: &Reading| {
        bound.qualifier == Qualifier::AtMost
            && !matches!(
                other.qualifier,
                Qualifier::AtMost | Qualifier::AtLeast | Qualifier::MoreThan | Qualifier::Vague
            )
            && !converted
            && close(bound.stated.1, other.stated.1, tolerance)
    };
    let topped = same_top(a, b) || same_top(b, a);
    (!(same_figure || rounded || topped)).then_some(Verdict::Discrepancy)
}

fn strictly_disjoint(a: &Reading, b: &Reading, tolerance: f64) -> bool {
    // Figures written in different units ("28 km", "17 miles") are each as precise as their
    // last written digit; tolerances are fractions of a quantity, meaningless for dates.
    let converted = a.written_factor != b.written_factor;
    let widen = |r: &Reading| {
        // Half of the last written digit: whole units, or tenths for a decimal figure.
        let written = r.stated.1 / r.written_factor;
        let step = if (written - written.round()).abs() < 1e-9 {
            1.0
        } else {
            0.1
        };
        let slack = if converted {
            0.5 * step * r.written_factor
        } else {
            0.0
        };
        let tolerance = if r.kind.is_time_point() { 0.0 } else { tolerance };
        r.value
            .widened(r.precision + slack + tolerance * r.stated.1.abs())
    };
    !widen(a).intersects(&widen(b))
}

/// The loose reading of a vague magnitude: "thousands" is used for anything from a thousand
/// up to a hundred thousand in ordinary prose.
fn loose(r: &Reading) -> Interval {
    if r.qualifier != Qualifier::Vague {
        return r.value;
    }
    match (r.value.lo_value(), r.value.hi_value()) {
        (Some(lo), Some(hi)) => Interval::closed(lo / 2.0, hi * 10.0),
        _ => r.value,
    }
}

/// Qualifiers that say the same thing about a figure: `over` and `more than`, or a plain
/// figure and `about` the same figure.
fn family(q: Qualifier) -> u8 {
    match q {
        Qualifier::MoreThan | Qualifier::AtLeast => 1,
        Qualifier::LessThan | Qualifier::AtMost | Qualifier::Nearly => 2,
        _ => 0,
    }
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    a == b || (a - b).abs() <= tolerance * a.abs().max(b.abs())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::interval_for;

    pub(crate) fn claim(source: usize, key: &str, q: Qualifier, lo: f64, hi: f64, text: &str) -> Claim {
        Claim {
            source,
            span: 0..1,
            text: text.into(),
            sentence: 0..1,
            value: Some(interval_for(q, lo, hi)),
            stated: Some((lo, hi)),
            precision: 0.0,
            written_factor: 1.0,
            kind: Kind::Count,
            unit: None,
            qualifier: q,
            noun: None,
            key: Some(key.into()),
            resolution: None,
            relation: None,
            doubt: None,
            claimant: None,
        }
    }

    fn verdicts(claims: &[Claim]) -> Vec<Verdict> {
        compare(claims, &RuleSet::generic())
            .findings
            .iter()
            .map(|f| f.verdict)
            .collect()
    }

    #[test]
    fn figures_of_different_claimants_are_not_compared() {
        let said = |source, lo: f64, claimant: Option<&str>| Claim {
            claimant: claimant.map(Into::into),
            ..claim(source, "attending", Qualifier::Exact, lo, lo, "n")
        };
        // Police against organisers, every figure attributed: no finding.
        let c = [
            said(0, 80_000.0, Some("police")),
            said(1, 250_000.0, Some("organiser")),
        ];
        assert_eq!(verdicts(&c), vec![]);
        // The same claimant quoted differently, or one figure stated as fact: a conflict.
        let c = [
            said(0, 80_000.0, Some("police")),
            said(1, 100_000.0, Some("police")),
        ];
        assert_eq!(verdicts(&c), vec![Verdict::Conflict]);
        let c = [said(0, 80_000.0, Some("police")), said(1, 250_000.0, None)];
        assert_eq!(verdicts(&c), vec![Verdict::Conflict]);
    }

    #[test]
    fn an_upper_bound_and_a_figure_at_that_bound_agree() {
        let up_to = claim(0, "berths", Qualifier::AtMost, 300.0, 300.0, "up to 300");
        for other in [
            claim(1, "berths", Qualifier::Exact, 300.0, 300.0, "300"),
            claim(1, "berths", Qualifier::About, 300.0, 300.0, "about 300"),
            claim(1, "berths", Qualifier::Exact, 250.0, 300.0, "250 to 300"),
        ] {
            assert_eq!(
                verdicts(&[up_to.clone(), other.clone()]),
                vec![],
                "{}",
                other.text.as_ref() as &str
            );
        }
        // Counter-tests: another top, or a lower bound at the same figure, differ.
        let other_top = claim(1, "berths", Qualifier::Exact, 250.0, 280.0, "250 to 280");
        assert_eq!(verdicts(&[up_to.clone(), other_top]), vec![Verdict::Discrepancy]);
        let at_least = claim(1, "berths", Qualifier::AtLeast, 300.0, 300.0, "at least 300");
        assert_eq!(verdicts(&[up_to, at_least]), vec![Verdict::Discrepancy]);
    }

    #[test]
    fn a_value_and_the_earlier_value_beside_it_are_not_compared() {
        let c = [
            // Source 0: `410 shelters are open, up from 290`.
            claim(0, "shelters", Qualifier::Exact, 410.0, 410.0, "410"),
            claim(0, "shelters@earlier", Qualifier::Exact, 290.0, 290.0, "290"),
            // Source 1, written before the rise: 290.
            claim(1, "shelters", Qualifier::Exact, 290.0, 290.0, "290"),
        ];
        assert_eq!(verdicts(&c), vec![]);
        // Counter-test: a third figure is still set against both.
        let mut more = c.to_vec();
        more.push(claim(2, "shelters", Qualifier::Exact, 350.0, 350.0, "350"));
        assert_eq!(verdicts(&more), vec![Verdict::Conflict]);
        // Counter-test: without the earlier value, 410 and 290 conflict.
        let plain = [c[0].clone(), c[2].clone()];
        assert_eq!(verdicts(&plain), vec![Verdict::Conflict]);
    }

    #[test]
    fn disjoint_values_conflict() {
        let c = [
            claim(0, "dead", Qualifier::Exact, 170_000.0, 170_000.0, "170,000"),
            claim(1, "dead", Qualifier::Exact, 230_000.0, 230_000.0, "230,000"),
        ];
        assert_eq!(verdicts(&c), [Verdict::Conflict]);
    }

    #[test]
    fn compatible_but_different_figures_are_discrepancies() {
        let c = [
            claim(0, "leaders", Qualifier::MoreThan, 20.0, 20.0, "more than 20"),
            claim(1, "leaders", Qualifier::Exact, 26.0, 26.0, "26"),
            claim(2, "leaders", Qualifier::Exact, 26.0, 26.0, "26"),
        ];
        let cmp = compare(&c, &RuleSet::generic());
        assert_eq!(cmp.findings.len(), 1);
        assert_eq!(cmp.findings[0].verdict, Verdict::Discrepancy);
        assert_eq!(cmp.findings[0].sides.len(), 2);
        assert_eq!(cmp.findings[0].sides[1].claims, [1, 2]);
    }

    #[test]
    fn vague_magnitudes_only_discrepancy_when_loosely_compatible() {
        let c = [
            claim(
                0,
                "troops",
                Qualifier::Vague,
                20_000.0,
                99_999.0,
                "tens of thousands",
            ),
            claim(1, "troops", Qualifier::Vague, 2_000.0, 9_999.0, "thousands"),
        ];
        assert_eq!(verdicts(&c), [Verdict::Discrepancy]);
        let c = [
            claim(0, "troops", Qualifier::Vague, 200.0, 999.0, "hundreds"),
            claim(1, "troops", Qualifier::Exact, 50_000.0, 50_000.0, "50,000"),
        ];
        assert_eq!(verdicts(&c), [Verdict::Conflict]);
    }

    #[test]
    fn same_figure_same_direction_agrees() {
        let c = [
            claim(
                0,
                "troops",
                Qualifier::MoreThan,
                10_000.0,
                10_000.0,
                "more than 10,000",
            ),
            claim(
                1,
                "troops",
                Qualifier::MoreThan,
                10_000.0,
                10_000.0,
                "over 10,000",
            ),
            claim(2, "troops", Qualifier::About, 10_000.0, 10_000.0, "about 10,000"),
            claim(3, "troops", Qualifier::Exact, 10_000.0, 10_000.0, "10,000"),
        ];
        let cmp = compare(&c[..2], &RuleSet::generic());
        assert!(cmp.findings.is_empty());
        assert_eq!(cmp.agreements.len(), 1);
        assert!(compare(&c[2..], &RuleSet::generic()).findings.is_empty());
    }

    #[test]
    fn figures_in_different_units_agree_when_they_overlap() {
        let mut km = claim(0, "depth", Qualifier::Exact, 28.0, 28.0, "28 km");
        let mut miles = claim(
            1,
            "depth",
            Qualifier::Exact,
            17.0 * 1.609_344,
            17.0 * 1.609_344,
            "17 miles",
        );
        miles.written_factor = 1.609_344;
        km.kind = Kind::Distance;
        miles.kind = Kind::Distance;
        assert!(verdicts(&[km.clone(), miles.clone()]).is_empty());
        miles.value = Some(Interval::point(48.0));
        miles.stated = Some((48.0, 48.0));
        assert_eq!(verdicts(&[km, miles]), [Verdict::Conflict]);
        // The same unit on both sides: 3 days and 4 days conflict.
        let mut three = claim(0, "d", Qualifier::Exact, 3.0 * 86_400.0, 3.0 * 86_400.0, "3 days");
        let mut four = claim(1, "d", Qualifier::Exact, 4.0 * 86_400.0, 4.0 * 86_400.0, "4 days");
        three.written_factor = 86_400.0;
        four.written_factor = 86_400.0;
        assert_eq!(verdicts(&[three, four]), [Verdict::Conflict]);
    }

    #[test]
    fn a_temperature_converted_from_fahrenheit_meets_its_rounded_celsius() {
        let celsius = |c: f64, text: &str| {
            let mut claim = claim(0, "°C", Qualifier::Exact, c, c, text);
            claim.kind = Kind::Temperature;
            claim
        };
        let fahrenheit = |f: f64, text: &str| {
            let c = (f - 32.0) * 5.0 / 9.0;
            let mut claim = claim(1, "°C", Qualifier::Exact, c, c, text);
            claim.kind = Kind::Temperature;
            claim.written_factor = 5.0 / 9.0;
            claim
        };
        // 93F is 33.9 °C: the same heat as 34C, rounded in another scale.
        assert!(verdicts(&[celsius(34.0, "34C"), fahrenheit(93.0, "93F")]).is_empty());
        // 97F is 36.1 °C: not 34C however either is rounded.
        assert_eq!(
            verdicts(&[celsius(34.0, "34C"), fahrenheit(97.0, "97F")]),
            [Verdict::Conflict]
        );
    }

    #[test]
    fn a_rounded_figure_agrees_with_the_precise_one() {
        let mut rounded = claim(0, "people", Qualifier::Exact, 12.4e6, 12.4e6, "12.4 million");
        rounded.precision = 50_000.0;
        let precise = claim(
            1,
            "people",
            Qualifier::Exact,
            12_384_000.0,
            12_384_000.0,
            "12,384,000",
        );
        assert!(verdicts(&[rounded.clone(), precise]).is_empty());
        let other = claim(
            1,
            "people",
            Qualifier::Exact,
            12_470_000.0,
            12_470_000.0,
            "12,470,000",
        );
        // 12,470,000 would round to 12.5 million: the two cannot both be right.
        assert_eq!(verdicts(&[rounded, other]), [Verdict::Conflict]);
    }

    #[test]
    fn one_source_alone_is_never_a_finding() {
        let c = [
            claim(0, "dead", Qualifier::Exact, 10.0, 10.0, "10"),
            claim(0, "dead", Qualifier::Exact, 99.0, 99.0, "99"),
        ];
        let cmp = compare(&c, &RuleSet::generic());
        assert!(cmp.findings.is_empty());
        assert_eq!(cmp.keys_compared, 0);
    }

    #[test]
    fn comparison_is_symmetric_in_source_order() {
        let a = claim(0, "dead", Qualifier::Exact, 1_240.0, 1_240.0, "1,240");
        let b = claim(1, "dead", Qualifier::Exact, 1_870.0, 1_870.0, "1,870");
        let mut b0 = b.clone();
        b0.source = 0;
        let mut a1 = a.clone();
        a1.source = 1;
        assert_eq!(verdicts(&[a, b]), verdicts(&[b0, a1]));
    }

    #[test]
    fn tolerance_makes_near_figures_agree() {
        let mut rules = RuleSet::generic();
        rules
            .add(
                "t.toml",
                "[[fact]]\nkey = \"dead\"\nclass = \"dead\"\ntolerance = \"5%\"\n",
            )
            .unwrap();
        let c = [
            claim(0, "dead", Qualifier::Exact, 100.0, 100.0, "100"),
            claim(1, "dead", Qualifier::Exact, 104.0, 104.0, "104"),
        ];
        assert!(compare(&c, &rules).findings.is_empty());
        assert_eq!(verdicts(&c), [Verdict::Conflict]);
    }

    #[test]
    fn packed_claims_compare_as_the_claims_they_hold() {
        let mut c = vec![
            claim(0, "dead", Qualifier::Exact, 9.0, 9.0, "9"),
            claim(0, "troops", Qualifier::Exact, 500.0, 500.0, "500"),
            claim(1, "dead", Qualifier::Exact, 17.0, 17.0, "17"),
            claim(1, "aid", Qualifier::Exact, 5.0, 5.0, "5"),
            claim(2, "dead", Qualifier::Exact, 19.0, 19.0, "19"),
            claim(2, "troops", Qualifier::About, 500.0, 500.0, "about 500"),
            claim(3, "aid", Qualifier::Exact, 5.0, 5.0, "five"),
            claim(3, "troops", Qualifier::Exact, 900.0, 900.0, "900"),
            claim(4, "aid", Qualifier::Exact, 7.0, 7.0, "7"),
            claim(4, "aid", Qualifier::Exact, 2.0, 2.0, "$2"),
            claim(5, "aid", Qualifier::Exact, 3.0, 3.0, "$3"),
            claim(3, "dead", Qualifier::Exact, 21.0, 21.0, "21"),
        ];
        // Two units under one key give two groups; `dead` has earlier-day updates and is
        // graded again on the latest day.
        c[9].unit = Some("USD");
        c[10].unit = Some("USD");
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 10, d);
        let published = [day(19), day(19), day(21), day(21), None, day(22)];
        let rules = RuleSet::generic();
        let included = |i: usize| i != 8;
        let mut whole = compare_where(&c, &rules, included);
        note_publication_days(&mut whole, &c, &published);
        let mut packed = Packed::default();
        let mut interner = crate::claim::Interner::default();
        for mut claim in c.clone() {
            interner.intern(&mut claim);
            packed.push(claim);
        }
        let mut from_packed = compare_figures(&packed, &rules, included);
        note_publication_days(&mut from_packed, &packed, &published);
        assert_eq!(from_packed, whole);
        assert!(
            whole.findings.len() >= 3 && !whole.agreements.is_empty(),
            "{whole:?}"
        );
        assert!(whole
            .findings
            .iter()
            .any(|f| f.sides.iter().any(|s| s.claims.contains(10))));
    }

    /// Figures read from text by the normalizer, keyed alike, one source each.
    fn read(texts: &[&str]) -> Vec<Claim> {
        texts
            .iter()
            .enumerate()
            .map(|(source, text)| {
                let mut claims =
                    crate::extract::extract(text, std::slice::from_ref(&(0..text.len())), source, None);
                assert_eq!(claims.len(), 1, "{text}: {claims:?}");
                let mut c = claims.remove(0);
                c.key = Some("q".into());
                c
            })
            .collect()
    }

    /// Units are converted before comparison: kilometres and miles, hours and minutes,
    /// percentages and `one in five`.
    #[test]
    fn figures_read_in_different_units_compare_as_one_quantity() {
        // About 1,300 km is 1,170-1,430 km; 800 miles is 1,287 km.
        assert!(verdicts(&read(&["about 1,300 kilometers", "800 miles"])).is_empty());
        // 500 miles is 805 km.
        assert_eq!(
            verdicts(&read(&["about 1,300 kilometers", "500 miles"])),
            [Verdict::Conflict]
        );
        assert!(verdicts(&read(&["1.5 hours", "90 minutes"])).is_empty());
        // `2 hours` is as precise as its last digit (1.5-2.5 hours), so `90 minutes` may be it;
        // `3 hours` may not.
        assert!(verdicts(&read(&["2 hours", "90 minutes"])).is_empty());
        assert_eq!(verdicts(&read(&["3 hours", "90 minutes"])), [Verdict::Conflict]);
        assert!(verdicts(&read(&["20%", "one in five"])).is_empty());
        assert_eq!(verdicts(&read(&["40%", "one in five"])), [Verdict::Conflict]);
    }
}
