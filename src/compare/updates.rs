//! Running figures across publication days. A death toll of 9 in Monday's wire and 17 in
//! Wednesday's paper are one toll at two times: counts that only grow (the dead, the
//! infected, the arrested) may be below it two days or more before the latest report, and levels
//! that move both ways (the missing, homes without power, containment) may be anything on an
//! earlier day. Such earlier figures are updates, not disagreements: they leave the finding,
//! which is graded again on the rest, or becomes an agreement when nothing is left to
//! disagree.
//!
//! Counts a day apart stay compared: the morning-after report of a march, a race or a crash
//! gives the count of the same day's events, and a different figure there is worth a look. An
//! earlier count that the latest ones allow (`more than 40` before `47`) is a figure stated
//! differently, not an outdated one; one higher than the latest cannot be an update of a
//! growing count; both stay, and nothing changes when some figure's article has no date.

use chrono::NaiveDate;

use super::{earlier_pairs, grade_key, Agreement, Comparison, Figures, Finding};
use crate::claim::Figure;

/// Roles whose counts only grow as an event goes on (a home a fire destroyed stays destroyed).
const GROWING: &[&str] = &[
    "dead",
    "injured",
    "dead_or_injured",
    "infected",
    "hospitalised",
    "arrested",
    "evacuated",
    "homeless",
    "destroyed",
    "damaged",
];

/// Levels that rise and fall as an event goes on.
const MOVING: &[&str] = &["missing", "without_power", "containment"];

#[derive(Clone, Copy, PartialEq)]
enum Course {
    Grows,
    Moves,
}

/// Takes earlier-day updates out of every finding about a running figure.
pub(super) fn settle(
    comparison: &mut Comparison,
    claims: &(impl Figures + ?Sized),
    published: &[Option<NaiveDate>],
) {
    let findings = std::mem::take(&mut comparison.findings);
    let earlier = earlier_pairs(claims, &|_| true);
    for mut finding in findings {
        let Some((rest, updates)) = updates_apart(&finding, claims, published) else {
            comparison.findings.push(finding);
            continue;
        };
        // The finding's sides go before it is graded again: the finding of a large run may
        // hold most of its claims, and `rest` and `updates` hold them too.
        finding.sides = Vec::new();
        let pairs = earlier.get(finding.key.as_str()).map_or(&[][..], Vec::as_slice);
        let regraded = grade_key(&finding.key, &rest, claims, pairs, finding.grading, || {
            finding.description.clone()
        });
        match regraded {
            Some(regraded) => comparison.findings.push(regraded),
            None => {
                let mut members = rest;
                members.extend(updates);
                members.sort_unstable();
                comparison.agreements.push(Agreement {
                    key: finding.key,
                    claims: members.into(),
                });
            }
        }
    }
    comparison
        .findings
        .sort_by(|a, b| b.verdict.cmp(&a.verdict).then_with(|| a.key.cmp(&b.key)));
    comparison.agreements.sort_by(|a, b| a.key.cmp(&b.key));
}

/// `None` when the finding stands as it is (no figure of it is an earlier-day update);
/// otherwise its claims that are not updates and those that are, each in order.
fn updates_apart(
    finding: &Finding,
    claims: &(impl Figures + ?Sized),
    published: &[Option<NaiveDate>],
) -> Option<(Vec<u32>, Vec<u32>)> {
    let course = course(&finding.key)?;
    // The finding's claims are walked in place rather than gathered: the finding of a large
    // run may hold most of its claims.
    let members = || finding.sides.iter().flat_map(|s| s.claims.iter());
    let day = |c: usize| published.get(claims.source(c)).copied().flatten();
    // Every figure's day must be known.
    let mut latest = None;
    for c in members() {
        latest = latest.max(Some(day(c)?));
    }
    let latest = latest?;
    // The lowest figure of the latest day: an earlier count wholly below it has since grown.
    let floor = members()
        .filter(|&c| day(c) == Some(latest))
        .map(|c| low(claims.figure(c)))
        .fold(f64::INFINITY, f64::min);
    let update = |c: usize| {
        let Some(d) = day(c) else { return false };
        match course {
            Course::Moves => d < latest,
            Course::Grows => (latest - d).num_days() >= 2 && high(claims.figure(c)) < floor,
        }
    };
    if !members().any(update) {
        return None;
    }
    let (mut rest, mut updates): (Vec<u32>, Vec<u32>) = finding
        .sides
        .iter()
        .flat_map(|s| s.claims.as_u32().iter().copied())
        .partition(|&c| !update(c as usize));
    rest.sort_unstable();
    updates.sort_unstable();
    Some((rest, updates))
}

fn low(c: Figure<'_>) -> f64 {
    c.value.and_then(|v| v.lo_value()).unwrap_or(f64::NEG_INFINITY)
}

fn high(c: Figure<'_>) -> f64 {
    c.value.and_then(|v| v.hi_value()).unwrap_or(f64::INFINITY)
}

/// How the quantity a key names changes over time, from the roles in the key before any
/// anchor (`dead`, `civilians.dead`, `missing@2026-10-20`).
fn course(key: &str) -> Option<Course> {
    let base = key.split('@').next().unwrap_or(key);
    let segments = || base.split('.');
    if segments().any(|s| GROWING.contains(&s)) {
        Some(Course::Grows)
    } else if segments().any(|s| MOVING.contains(&s)) {
        Some(Course::Moves)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Claim, Qualifier};
    use crate::compare::compare;
    use crate::rules::RuleSet;

    fn claim(source: usize, key: &str, q: Qualifier, n: f64) -> Claim {
        crate::compare::tests::claim(source, key, q, n, n, &n.to_string())
    }

    fn day(d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2026, 10, d)
    }

    fn settled_findings(claims: &[Claim], published: &[Option<NaiveDate>]) -> Comparison {
        let mut c = compare(claims, &RuleSet::generic());
        settle(&mut c, claims, published);
        c
    }

    #[test]
    fn a_lower_toll_on_an_earlier_day_is_an_update() {
        let claims = [
            claim(0, "dead", Qualifier::Exact, 9.0),
            claim(1, "dead", Qualifier::Exact, 17.0),
            claim(2, "dead", Qualifier::Exact, 17.0),
        ];
        let c = settled_findings(&claims, &[day(19), day(21), day(21)]);
        assert!(c.findings.is_empty(), "{:?}", c.findings);
        assert_eq!(c.agreements.len(), 1);
    }

    #[test]
    fn homes_destroyed_days_earlier_are_an_update() {
        let claims = [
            claim(0, "homes.destroyed", Qualifier::Exact, 90.0),
            claim(1, "homes.destroyed", Qualifier::Exact, 130.0),
        ];
        assert!(settled_findings(&claims, &[day(19), day(22)]).findings.is_empty());
        // More homes destroyed on the earlier day cannot be an update of a growing count.
        let fewer = [
            claim(0, "homes.destroyed", Qualifier::Exact, 130.0),
            claim(1, "homes.destroyed", Qualifier::Exact, 90.0),
        ];
        assert_eq!(settled_findings(&fewer, &[day(19), day(22)]).findings.len(), 1);
    }

    #[test]
    fn the_latest_day_still_disagrees_with_itself() {
        let claims = [
            claim(0, "dead", Qualifier::Exact, 9.0),
            claim(1, "dead", Qualifier::Exact, 17.0),
            claim(2, "dead", Qualifier::Exact, 19.0),
        ];
        let c = settled_findings(&claims, &[day(19), day(21), day(21)]);
        assert_eq!(c.findings.len(), 1);
        let f = &c.findings[0];
        assert_eq!(f.sides.len(), 2, "the Monday figure leaves the finding");
        assert!(
            f.message.contains("17") && f.message.contains("19"),
            "{}",
            f.message
        );
    }

    #[test]
    fn a_count_a_day_apart_is_still_compared() {
        let claims = [
            claim(0, "injured", Qualifier::Exact, 14.0),
            claim(1, "injured", Qualifier::Exact, 21.0),
        ];
        assert_eq!(settled_findings(&claims, &[day(19), day(20)]).findings.len(), 1);
    }

    #[test]
    fn an_earlier_count_the_latest_allows_is_stated_differently() {
        let claims = [
            claim(0, "arrested", Qualifier::MoreThan, 40.0),
            claim(1, "arrested", Qualifier::Exact, 47.0),
        ];
        let c = settled_findings(&claims, &[day(7), day(9)]);
        assert_eq!(c.findings.len(), 1);
        assert_eq!(c.findings[0].verdict, crate::compare::Verdict::Discrepancy);
    }

    #[test]
    fn a_higher_toll_on_an_earlier_day_is_no_update() {
        let claims = [
            claim(0, "dead", Qualifier::Exact, 30.0),
            claim(1, "dead", Qualifier::Exact, 17.0),
        ];
        let c = settled_findings(&claims, &[day(19), day(21)]);
        assert_eq!(c.findings.len(), 1);
    }

    #[test]
    fn a_level_may_move_either_way_between_days() {
        let claims = [
            claim(0, "missing", Qualifier::Exact, 12.0),
            claim(1, "missing", Qualifier::Exact, 6.0),
        ];
        assert!(settled_findings(&claims, &[day(19), day(21)]).findings.is_empty());
        // On one day the two figures disagree.
        assert_eq!(settled_findings(&claims, &[day(21), day(21)]).findings.len(), 1);
    }

    #[test]
    fn other_quantities_and_undated_articles_are_left_alone() {
        let fixed = [
            claim(0, "jobs.cut", Qualifier::Exact, 2800.0),
            claim(1, "jobs.cut", Qualifier::Exact, 3500.0),
        ];
        assert_eq!(settled_findings(&fixed, &[day(19), day(21)]).findings.len(), 1);
        let toll = [
            claim(0, "dead", Qualifier::Exact, 9.0),
            claim(1, "dead", Qualifier::Exact, 17.0),
        ];
        assert_eq!(settled_findings(&toll, &[None, day(21)]).findings.len(), 1);
    }
}
