//! Accuracy floors on the external peer suites (quantulum3 and Recognizers-Text test data).
//!
//! When the suites directory (`../shared/peer-suites`, or `$CROSSCHECK_PEER_SUITES`) exists,
//! every suite file is judged as `examples/peer_suites.rs` judges it, and the test fails when a
//! file's pass rate drops below its floor in `peer-floors.toml`. Without the directory it prints
//! a note and passes. How cases are judged: `docs/accuracy.md`.

#[path = "peer/judge.rs"]
mod judge;

use std::path::Path;

use serde_json::json;

fn floors_path() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("peer-floors.toml")
}

#[test]
fn peer_suites_stay_above_their_floors() {
    let dir = judge::suites_dir();
    if !dir.is_dir() {
        eprintln!(
            "note: peer suites not found at {}; floors not checked (set CROSSCHECK_PEER_SUITES)",
            dir.display()
        );
        return;
    }
    let floors = judge::read_floors(&floors_path()).unwrap_or_else(|e| panic!("{e}"));
    let mut problems = Vec::new();
    for file in judge::FILES {
        let path = dir.join(file);
        if !path.is_file() {
            eprintln!("note: {} missing; its floor is not checked", path.display());
            continue;
        }
        let result = judge::run_file(&path).unwrap_or_else(|e| panic!("{e}"));
        let Some(&floor) = floors.get(file) else {
            problems.push(format!("{file}: no floor in peer-floors.toml"));
            continue;
        };
        let rate = result.rate();
        eprintln!(
            "{file}: {}/{} = {rate:.4} (floor {floor:.2})",
            result.passed, result.total
        );
        if rate < floor {
            let classes: Vec<String> = result
                .classes()
                .iter()
                .take(5)
                .map(|(class, n)| format!("{n} {class}"))
                .collect();
            problems.push(format!(
                "{file}: pass rate {rate:.4} ({}/{}) is below the floor {floor:.2}; failure classes: {}; \
                 see `cargo run --release --example peer_suites -- {file}`",
                result.passed,
                result.total,
                classes.join(", ")
            ));
        } else if rate >= floor + 0.02 {
            eprintln!(
                "note: {file} is {:.2} above its floor; raise it in peer-floors.toml",
                rate - floor
            );
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn floors_name_only_known_suites_and_are_rates() {
    let floors = judge::read_floors(&floors_path()).unwrap_or_else(|e| panic!("{e}"));
    for (file, floor) in &floors {
        assert!(
            judge::FILES.contains(&file.as_str()),
            "unknown suite {file} in peer-floors.toml"
        );
        assert!(
            (0.0..=1.0).contains(floor),
            "floor of {file} is not a rate: {floor}"
        );
    }
}

// The judging rules themselves, on hand-made cases: these run with or without the suites.

fn judge(suite: judge::Suite, case: serde_json::Value) -> judge::Verdict {
    judge::judge_case(suite, &case)
}

fn passes(suite: judge::Suite, case: serde_json::Value) -> bool {
    matches!(judge(suite, case), judge::Verdict::Pass(_))
}

/// Whether the case passes without any judging rule.
fn passes_strictly(suite: judge::Suite, case: serde_json::Value) -> bool {
    matches!(judge(suite, case), judge::Verdict::Pass(rules) if rules.is_empty())
}

#[test]
fn numberrange_ends_must_match_open_and_closed() {
    let case = |range: &str| {
        json!({"text": "more than 20 people", "expected": [
            {"surface": "more than 20", "range": range, "type": "numberrange", "start": 0, "end": 11}]})
    };
    assert!(passes(judge::Suite::NumberRange, case("(20,)")));
    assert!(!passes(judge::Suite::NumberRange, case("[20,)")));
    assert!(!passes(judge::Suite::NumberRange, case("(20,30)")));
}

#[test]
fn ranges_naming_both_ends_pass_closed_by_their_rule() {
    let case = |text: &str, range: &str| {
        let end = text.len() - 1;
        json!({"text": text, "expected": [
            {"surface": text, "range": range, "type": "numberrange", "start": 0, "end": end}]})
    };
    for text in ["between 20 and 30", "20 through 30", "20-30", "from 20 to 30"] {
        match judge(judge::Suite::NumberRange, case(text, "[20,30)")) {
            judge::Verdict::Pass(rules) => assert_eq!(rules, [judge::Rule::ClosedRange], "{text}"),
            other => panic!("{text}: expected a pass by the closed-range rule, got {other:?}"),
        }
        assert!(passes_strictly(judge::Suite::NumberRange, case(text, "[20,30]")));
    }
    // Other ends still fail, in the convention's class only when the closed reading fits.
    assert!(!passes(
        judge::Suite::NumberRange,
        case("between 20 and 30", "[20,40)")
    ));
    match judge(judge::Suite::NumberRange, case("between 20 and 30", "(20,30)")) {
        judge::Verdict::Fail(f) => assert_ne!(f.class, judge::CONVENTION),
        other => panic!("expected a failure, got {other:?}"),
    }
}

#[test]
fn proportions_and_ages_pass_by_their_rules() {
    let two_thirds = json!({"text": "I'd like two thirds of the cake.", "expected": [
        {"value": 0.6666666666666666, "unit": "dimensionless", "surface": "two thirds"}]});
    match judge(judge::Suite::Quantulum, two_thirds) {
        judge::Verdict::Pass(rules) => assert_eq!(rules, [judge::Rule::Proportion]),
        other => panic!("expected a pass by the proportion rule, got {other:?}"),
    }
    // `66 %` states a percentage, never a fraction.
    let percent = json!({"text": "I'd like 66 % of the cake.", "expected": [
        {"value": 0.66, "unit": "dimensionless", "surface": "66 %"}]});
    assert!(!passes(judge::Suite::Quantulum, percent));
    let age = json!({"text": "He is more than thirty years old.", "expected": [
        {"surface": "more than thirty", "range": "(30,)", "type": "numberrange", "start": 6, "end": 21}]});
    match judge(judge::Suite::NumberRange, age) {
        judge::Verdict::Pass(rules) => assert_eq!(rules, [judge::Rule::Age]),
        other => panic!("expected a pass by the age rule, got {other:?}"),
    }
    // A length of time that is no age stays a duration.
    let span = json!({"text": "He waited more than thirty years.", "expected": [
        {"surface": "more than thirty", "range": "(30,)", "type": "numberrange", "start": 10, "end": 25}]});
    assert!(!passes(judge::Suite::NumberRange, span));
}

#[test]
fn character_offsets_are_converted_to_bytes() {
    // `€` is three bytes: the second `40 percent` starts at character 16 but byte 18.
    let text = "40 percent € or 40 percent";
    let item = json!({"surface": "40 percent", "start": 16, "end": 25});
    let mut cursor = 0;
    assert_eq!(judge::locate(text, &item, &mut cursor), Some(18..28));
    assert_eq!(&text[18..28], "40 percent");
    // quantulum3 items have no offsets: surfaces are found left to right.
    let mut cursor = 0;
    let item = json!({"surface": "40 percent"});
    assert_eq!(judge::locate(text, &item, &mut cursor), Some(0..10));
    assert_eq!(judge::locate(text, &item, &mut cursor), Some(18..28));
}

#[test]
fn empty_expectations_forbid_only_the_suites_kinds() {
    let text = json!({"text": "There are 10 students.", "expected": []});
    assert!(passes(judge::Suite::Currency, text.clone()));
    assert!(!passes(judge::Suite::Number, text));
}

#[test]
fn currencies_are_compared_by_iso_code() {
    let dollars = json!({"text": "it cost $ 2.75 .", "expected": [
        {"surface": "$ 2.75", "value": "2.75", "unit": "Dollar", "type": "currency", "start": 8, "end": 13}]});
    assert!(passes(judge::Suite::Currency, dollars));
    let cad = json!({"text": "it cost c $ 2.75 .", "expected": [
        {"surface": "c $ 2.75", "value": "2.75", "unit": "Canadian dollar", "isoCurrency": "CAD",
         "type": "currency", "start": 8, "end": 15}]});
    assert!(passes(judge::Suite::Currency, cad));
    // The same figure in another currency does not match.
    let aud = json!({"text": "it cost c $ 2.75 .", "expected": [
        {"surface": "c $ 2.75", "value": "2.75", "unit": "Australian dollar", "isoCurrency": "AUD",
         "type": "currency", "start": 8, "end": 15}]});
    assert!(!passes(judge::Suite::Currency, aud));
}

#[test]
fn dimensions_are_converted_and_unsupported_subtypes_skipped() {
    let miles = json!({"text": "an area about ten miles long", "expected": [
        {"surface": "ten miles", "value": "10", "subtype": "Length", "unit": "Mile", "type": "dimension",
         "start": 14, "end": 22}]});
    assert!(passes(judge::Suite::Dimension, miles));
    let pounds = json!({"text": "You weight 200lbs.", "expected": [
        {"surface": "200lbs", "value": "200", "subtype": "Weight", "unit": "Pound", "type": "dimension",
         "start": 11, "end": 16}]});
    assert!(matches!(
        judge(judge::Suite::Dimension, pounds),
        judge::Verdict::Skip(_)
    ));
}

#[test]
fn dates_match_any_listed_resolution_and_other_types_are_skipped() {
    let date = json!({"text": "I'll go back 04th Jan 2019.", "reference_datetime": "2016-11-07T00:00:00",
        "expected": [{"surface": "04th jan 2019", "type": "datetimeV2.date", "start": 13, "end": 25,
            "values": [{"timex": "2019-01-04", "type": "date", "value": "2019-01-04"}]}]});
    assert!(passes(judge::Suite::DateTime, date));
    let year = json!({"text": "Show sales in 2008", "reference_datetime": "2018-05-31T00:00:00",
        "expected": [{"surface": "2008", "type": "datetimeV2.daterange", "start": 14, "end": 17,
            "values": [{"timex": "2008", "type": "daterange", "start": "2008-01-01", "end": "2009-01-01"}]}]});
    assert!(passes(judge::Suite::DateTime, year));
    let time = json!({"text": "at 3pm", "expected": [{"surface": "3pm", "type": "datetimeV2.time",
        "start": 3, "end": 5, "values": [{"timex": "T15", "type": "time", "value": "15:00:00"}]}]});
    assert!(matches!(
        judge(judge::Suite::DateTime, time),
        judge::Verdict::Skip(_)
    ));
}

#[test]
fn quantulum_ranges_are_value_plus_minus_uncertainty() {
    let case = json!({"text": "They were given between 44 and 50 people.", "expected": [
        {"value": 47, "uncertainty": 3, "unit": "dimensionless", "surface": "between 44 and 50"}]});
    assert!(passes(judge::Suite::Quantulum, case));
}
