//! `crosscheck rules check|test|explain` on the rule files in `fixtures/rules/` (good, failing
//! and broken ones) and on the shipped rules, against reviewed snapshots in `tests/snapshots/`.

use std::process::Output;

use assert_cmd::Command;
use crosscheck::rules::{Expect, Owner, RuleSet};

const FIXTURES: &str = "fixtures/rules";
const PARADE_PACK: &str = "rules/events/beijing-parade-2025.toml";

fn run(args: &[&str]) -> Output {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env_remove("NO_COLOR").args(args).arg("--color").arg("never");
    cmd.output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

fn fixture(name: &str) -> String {
    format!("{FIXTURES}/{name}")
}

// --- rules check -----------------------------------------------------------------------------

#[test]
fn the_shipped_rules_are_valid() {
    let out = run(&["rules", "check"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "1 rule file checked: all valid\n");
    let out = run(&[
        "rules",
        "check",
        "rules/generic.toml",
        "rules/events/",
        &fixture("good.toml"),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "3 rule files checked: all valid\n");
}

#[test]
fn every_error_of_a_broken_file_is_listed_with_its_line_and_field() {
    let out = run(&["rules", "check", &fixture("broken.toml")]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "");
    insta::assert_snapshot!("check_broken", stdout(&out));
}

#[test]
fn an_unknown_field_gets_the_nearest_name() {
    let out = run(&["rules", "check", &fixture("unknown-field.toml")]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("check_unknown_field", stdout(&out));
}

#[test]
fn concise_check_is_one_line_per_error() {
    let out = run(&["rules", "check", "--format", "concise", FIXTURES]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    insta::assert_snapshot!("check_concise", text);
    let shape = regex::Regex::new(r"^fixtures/rules/[a-z-]+\.toml:\d+:\d+: error\[[a-z_.]+\] \S.*$").unwrap();
    for line in text.lines() {
        assert!(
            shape.is_match(line),
            "not `path:line:col: error[field] message`: {line}"
        );
    }
    // broken.toml's eight, then one each for syntax.toml and unknown-field.toml.
    assert_eq!(text.lines().count(), 10);
}

#[test]
fn an_unreadable_rule_file_is_an_error_and_the_others_are_still_checked() {
    let out = run(&["rules", "check", &fixture("missing.toml"), &fixture("good.toml")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with("error: cannot read rule file `fixtures/rules/missing.toml`"));
    assert_eq!(
        stdout(&out),
        "1 rule file checked: all valid, but some paths could not be read\n"
    );
    // An invalid file as well: reading errors still win the exit status.
    let out = run(&[
        "rules",
        "check",
        &fixture("missing.toml"),
        &fixture("broken.toml"),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).ends_with("1 rule file checked: 1 invalid (8 errors)\n"));
}

// --- rules test ------------------------------------------------------------------------------

#[test]
fn passing_examples_and_cases() {
    let out = run(&["rules", "test", &fixture("good.toml")]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("test_good", stdout(&out));
}

#[test]
fn failing_examples_and_cases_say_what_the_pipeline_gave() {
    let out = run(&["rules", "test", &fixture("failing.toml")]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("test_failing", stdout(&out));
}

#[test]
fn an_invalid_rule_file_cannot_be_tested() {
    let out = run(&["rules", "test", &fixture("broken.toml"), &fixture("good.toml")]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("error: fixtures/rules/broken.toml:5:19: unknown kind `weight`"),
        "{err}"
    );
    assert_eq!(err.matches("error: ").count(), 8, "{err}");
    // The valid file is still tested.
    assert!(stdout(&out).ends_with("5 passed, 0 failed\n"));
}

#[test]
fn the_shipped_examples_and_cases_pass() {
    for args in [vec!["rules", "test"], vec!["rules", "test", "rules/events/"]] {
        let out = run(&args);
        let text = stdout(&out);
        assert_eq!(out.status.code(), Some(0), "{text}");
        assert!(!text.contains("FAIL"), "{text}");
        assert_eq!(stderr(&out), "", "every shipped file carries examples");
    }
}

/// Every generic class and every fact of a shipped pack carries at least one example or
/// counterexample, and each shipped file carries document-set cases.
#[test]
fn every_shipped_rule_carries_examples() {
    let generic = RuleSet::generic();
    for class in &generic.classes {
        let shown = generic
            .examples
            .iter()
            .any(|e| e.owner == Owner::Class(class.id.clone()));
        assert!(shown, "class `{}` carries no example", class.id);
    }
    assert!(generic.cases.len() >= 3);
    let mut pack = RuleSet::generic();
    pack.add(PARADE_PACK, &std::fs::read_to_string(PARADE_PACK).unwrap())
        .unwrap();
    for fact in &pack.facts {
        let shown = pack
            .examples
            .iter()
            .any(|e| e.owner == Owner::Fact(fact.key.clone()) && matches!(e.expect, Expect::Yields { .. }));
        assert!(shown, "fact `{}` carries no example", fact.key);
    }
    assert!(pack.cases.iter().any(|c| c.file == PARADE_PACK));
}

// --- rules explain ---------------------------------------------------------------------------

#[test]
fn explain_a_generic_key() {
    let out = run(&["rules", "explain", "troops.deployed"]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("explain_troops_deployed", stdout(&out));
}

#[test]
fn explain_a_fact_of_a_pack() {
    let out = run(&["rules", "explain", "parade.troops", "--rules", PARADE_PACK]);
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!("explain_parade_troops", stdout(&out));
}

#[test]
fn explain_an_unknown_key() {
    let out = run(&["rules", "explain", "troopz"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out), "");
    assert_eq!(
        stderr(&out),
        "error: no class or fact names `troopz`\n  help: did you mean `troops`?\n"
    );
}

// --- docs ------------------------------------------------------------------------------------

/// The complete example of docs/rules.md passes `rules test`, with the output the page shows.
#[test]
fn the_documented_complete_example_holds() {
    let doc = std::fs::read_to_string("docs/rules.md").unwrap();
    let example = &doc[doc.find("## Complete example").expect("the section is there")..];
    let block = |from: &str, fence: &str| -> String {
        let at = example.find(from).expect("the block is there");
        let start = example[at..].find(fence).unwrap() + at + fence.len();
        let end = example[start..].find("```").unwrap() + start;
        example[start..end].to_string()
    };
    let rules = block("`quake.toml`:", "```toml\n");
    let shown = block("`crosscheck rules test quake.toml`", "```text\n");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("quake.toml"), rules).unwrap();
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .current_dir(dir.path())
        .args(["rules", "test", "quake.toml", "--color", "never"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), shown);
}
