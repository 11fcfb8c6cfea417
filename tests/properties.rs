//! Property tests: invariants of the normalizer and the comparator on generated inputs.

use proptest::prelude::*;

use crosscheck::claim::Kind;
use crosscheck::document::Document;
use crosscheck::extract::extract;
use crosscheck::interval::Interval;
use crosscheck::rules::RuleSet;

fn claims_of(text: &str) -> Vec<crosscheck::claim::Claim> {
    let sentences = crosscheck::segment::segment(text, 0);
    extract(text, &sentences, 0, chrono::NaiveDate::from_ymd_opt(2025, 9, 2))
}

/// `1234567` written `1,234,567`.
fn grouped(n: u64) -> String {
    // The report's own formatting: `1234567` as `1,234,567`.
    crosscheck::report::format_value(
        &crosscheck::interval::Interval::point(n as f64),
        crosscheck::claim::Kind::Count,
        None,
    )
}

fn contains(outer: &Interval, inner: &Interval) -> bool {
    let lo_ok = match (outer.lo, inner.lo) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(a), Some(b)) => a.value <= b.value,
    };
    let hi_ok = match (outer.hi, inner.hi) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(a), Some(b)) => a.value >= b.value,
    };
    lo_ok && hi_ok
}

fn doc(path: &str, text: String) -> Document {
    Document::parse(path, text).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// A formatted count reads back as itself.
    #[test]
    fn formatted_numbers_round_trip(n in 10u64..10_000_000_000, noun in "(people|troops|homes|vehicles)") {
        let text = format!("Officials said {} {noun} were counted.", grouped(n));
        let claims = claims_of(&text);
        prop_assert_eq!(claims.len(), 1);
        prop_assert_eq!(claims[0].value.unwrap(), Interval::point(n as f64));
        prop_assert_eq!(claims[0].kind, Kind::Count);
    }

    /// Qualifiers only widen a figure in their documented direction: the interval of
    /// "about N", "more than N", "at least N", "up to N" holds (or borders) N.
    #[test]
    fn qualifiers_widen_in_their_direction(n in 100u64..1_000_000, q in 0usize..5) {
        let (word, upward) = [("about", None), ("more than", Some(true)), ("at least", Some(true)), ("up to", Some(false)), ("fewer than", Some(false))][q];
        let text = format!("Officials said {word} {} people were counted.", grouped(n));
        let claims = claims_of(&text);
        prop_assert_eq!(claims.len(), 1);
        let v = claims[0].value.unwrap();
        let n = n as f64;
        match upward {
            None => prop_assert!(contains(&v, &Interval::point(n))),
            Some(true) => {
                prop_assert!(v.hi.is_none());
                prop_assert_eq!(v.lo_value(), Some(n));
            }
            Some(false) => {
                prop_assert!(v.lo.is_none());
                prop_assert_eq!(v.hi_value(), Some(n));
            }
        }
    }

    /// Swapping the order of sources never changes which keys have findings, nor their verdicts.
    #[test]
    fn comparator_is_symmetric(a in 1u64..5_000, b in 1u64..5_000, qa in 0usize..3, qb in 0usize..3) {
        let q = ["", "more than ", "about "];
        let texts = [
            format!("The quake killed {}{} people.", q[qa], grouped(a)),
            format!("The death toll rose to {}{}.", q[qb], grouped(b)),
        ];
        let run = |order: [usize; 2]| {
            let docs = order.iter().map(|&i| doc(&format!("{i}.txt"), texts[i].clone())).collect();
            let analysis = crosscheck::analyze(docs, &RuleSet::generic());
            let mut v: Vec<(String, String)> = analysis.comparison.findings.iter().map(|f| (f.key.clone(), f.verdict.as_str().to_string())).collect();
            v.sort();
            v
        };
        prop_assert_eq!(run([0, 1]), run([1, 0]));
    }

    /// A source that repeats what another says never adds a finding.
    #[test]
    fn an_agreeing_source_adds_no_finding(a in 1u64..5_000, b in 1u64..5_000) {
        let first = format!("The quake killed {} people.", grouped(a));
        let second = format!("The death toll rose to {}.", grouped(b));
        let run = |extra: bool| {
            let mut docs = vec![doc("a.txt", first.clone()), doc("b.txt", second.clone())];
            if extra {
                docs.push(doc("c.txt", format!("{} people were killed, officials said.", grouped(a))));
            }
            crosscheck::analyze(docs, &RuleSet::generic()).comparison.findings.len()
        };
        prop_assert!(run(true) <= run(false));
    }

    /// Nothing panics on arbitrary text, every span lies on char boundaries inside the text,
    /// and every interval has lo <= hi.
    #[test]
    fn arbitrary_text_is_safe(text in "\\PC{0,400}") {
        let claims = claims_of(&text);
        for c in &claims {
            prop_assert!(c.span.start <= c.span.end && c.span.end <= text.len());
            prop_assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
            if let Some(v) = c.value {
                if let (Some(lo), Some(hi)) = (v.lo_value(), v.hi_value()) {
                    prop_assert!(lo <= hi, "{:?} from {:?}", v, c.text);
                }
            }
        }
        let docs = vec![doc("x.txt", text.clone()), doc("y.txt", text)];
        let _ = crosscheck::analyze(docs, &RuleSet::generic());
    }

    /// Text built from number-ish pieces: the same invariants, with far more figures.
    #[test]
    fn numberish_text_is_safe(pieces in proptest::collection::vec(prop_oneof![
        Just("more than"), Just("about"), Just("tens of thousands"), Just("1,300"), Just("-"), Just("–"),
        Just("$"), Just("€3bn"), Just("%"), Just("km"), Just("miles"), Just("last year"), Just("Wednesday"),
        Just("September 3"), Just("2025-02-30"), Just("twenty-six"), Just("80th"), Just("1990s"), Just("½"),
        Just("１２"), Just("killed"), Just("troops"), Just("since"), Just("2019"), Just("14-year"), Just("rule"),
        Just(","), Just("."), Just("\n"), Just("|"), Just("between"), Just("and"), Just("10"), Just("0.5"),
    ], 0..60)) {
        let text = pieces.join(" ");
        let claims = claims_of(&text);
        for c in &claims {
            prop_assert!(text.get(c.span.clone()).is_some());
            if let Some(v) = c.value {
                if let (Some(lo), Some(hi)) = (v.lo_value(), v.hi_value()) {
                    prop_assert!(lo <= hi, "{:?} from {:?} in {:?}", v, c.text, text);
                }
            }
        }
    }
}
