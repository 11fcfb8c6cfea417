//! End-to-end tests of `crosscheck lint` on `fixtures/lint/`: a draft about the Beijing
//! parade, built from the seeds in `fixtures/beijing-parade-2025/`, that contradicts the
//! sources on the parade's troops, differs from them on the troops sent to Russia, and gives
//! a distance no source states; its other figures (a year, the aircraft, the leaders) are
//! supported. The human report is compared with reviewed snapshots in `tests/snapshots/`.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const DRAFT: &str = "fixtures/lint/draft.md";
const SOURCES: &str = "fixtures/lint/sources";
const PACK: &str = "rules/events/beijing-parade-2025.toml";

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

/// `lint DRAFT --against SOURCES --rules PACK`, then `extra`.
fn lint(extra: &[&str]) -> Command {
    let mut cmd = crosscheck();
    cmd.args(["lint", DRAFT, "--rules", PACK, "--against", SOURCES])
        .args(extra);
    cmd
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

fn json(extra: &[&str]) -> Value {
    let mut args = vec!["--format", "json"];
    args.extend_from_slice(extra);
    serde_json::from_str(&stdout(&mut lint(&args))).expect("stdout is JSON")
}

#[test]
fn human_report_matches_the_reviewed_snapshot() {
    insta::assert_snapshot!(stdout(&mut lint(&["--color", "never"])));
}

#[test]
fn human_report_with_unsupported_figures_matches_the_reviewed_snapshot() {
    insta::assert_snapshot!(stdout(&mut lint(&["--color", "never", "--show-unsupported"])));
}

#[test]
fn grades_of_the_draft_figures() {
    let report = json(&["--show-unsupported"]);
    assert_eq!(report["version"], 1);
    let lints: Vec<(&str, &str, &str, u64)> = report["lints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["grade"].as_str().unwrap(),
                l["key"].as_str().unwrap(),
                l["claim"]["text"].as_str().unwrap(),
                l["claim"]["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        lints,
        [
            ("contradicted", "parade.troops", "about 5,000", 8),
            ("differs", "russia.troops", "some 12,000", 10),
            ("unsupported", "distance.pyongyang", "about 1,300 kilometers", 11),
        ]
    );
    let summary = &report["summary"];
    assert_eq!(summary["drafts"], 1);
    assert_eq!(summary["sources"], 3);
    assert_eq!(summary["contradicted"], 1);
    assert_eq!(summary["differs"], 1);
    assert_eq!(summary["unsupported"], 1);
    // 2019 (against `January 2019` and `2019`), `over 100` aircraft, 26 leaders.
    assert_eq!(summary["supported"], 3);
    assert_eq!(report["problems"], Value::Array(vec![]));
}

#[test]
fn each_lint_names_the_source_claims_and_how_they_stand() {
    let report = json(&[]);
    let russia = &report["lints"][1];
    assert_eq!(russia["severity"], "warning");
    let related: Vec<(&str, &str, &str)> = russia["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let claim = &r["claims"][0];
            (
                r["stance"].as_str().unwrap(),
                claim["text"].as_str().unwrap(),
                claim["source"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        related,
        [
            ("differs", "over 10,000", "fixtures/lint/sources/a.txt"),
            (
                "contradicts",
                "approximately 15,000",
                "fixtures/lint/sources/b.txt"
            ),
        ]
    );
    assert_eq!(russia["related"][1]["value"]["lo"], 13500);
    assert!(russia["sources_disagree"]
        .as_str()
        .unwrap()
        .contains("`over 10,000` and `approximately 15,000`"));
    // Unsupported figures are left out unless asked for; the summary still counts them.
    assert_eq!(report["lints"].as_array().unwrap().len(), 2);
    assert_eq!(report["summary"]["unsupported"], 1);
}

#[test]
fn exit_status_follows_fail_on_and_exit_zero() {
    lint(&[]).assert().code(1);
    lint(&["--fail-on", "contradicted"]).assert().code(1);
    lint(&["--fail-on", "conflict"]).assert().code(1);
    lint(&["--fail-on", "never"]).assert().code(0);
    lint(&["--exit-zero"]).assert().code(0);
    lint(&["--fail-on", "bogus"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("contradicted"));
    // Against a source the draft does not contradict, only `differs` remains.
    let dir = tempfile::tempdir().unwrap();
    let source = dir.path().join("source.txt");
    std::fs::write(
        &source,
        "Over 10,000 North Korean soldiers are reportedly aiding Moscow.\n",
    )
    .unwrap();
    let only_differs = |fail_on: &str| {
        crosscheck()
            .args(["lint", DRAFT, "--rules", PACK, "--fail-on", fail_on, "--against"])
            .arg(&source)
            .assert()
    };
    only_differs("contradicted").code(0);
    only_differs("differs").code(1);
    only_differs("discrepancy").code(1);
}

#[test]
fn unsupported_figures_never_fail_the_run() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.txt");
    std::fs::write(&draft, "The storm killed 12 people.\n").unwrap();
    let source = dir.path().join("source.txt");
    std::fs::write(&source, "The storm destroyed 300 homes.\n").unwrap();
    crosscheck()
        .args([
            "lint",
            "--show-unsupported",
            "--fail-on",
            "differs",
            "--color",
            "never",
        ])
        .arg(&draft)
        .arg("--against")
        .arg(&source)
        .assert()
        .code(0)
        .stdout(predicate::str::contains(
            "info[unsupported]: people killed (death toll)",
        ));
}

#[test]
fn line_formats_point_at_the_draft() {
    lint(&["--format", "concise"]).assert().code(1).stdout(
        "fixtures/lint/draft.md:8:21: error[parade.troops] `about 5,000` is contradicted by every source\n\
         fixtures/lint/draft.md:10:22: warning[russia.troops] `some 12,000` is contradicted by some sources and stated differently by the others\n",
    );
    lint(&["--format", "github", "--show-unsupported"])
        .assert()
        .stdout(predicate::str::contains(
            "::error file=fixtures/lint/draft.md,line=8,col=21,endColumn=32,title=contradicted [parade.troops]::",
        ))
        .stdout(predicate::str::contains("::notice file=fixtures/lint/draft.md,line=11,col=27,"));
    let lines: Vec<Value> = stdout(&mut lint(&["--format", "jsonl"]))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines, json(&[])["lints"].as_array().unwrap().clone());
}

#[test]
fn colour_is_ours_to_decide() {
    let plain = stdout(&mut lint(&["--color", "never"]));
    let styled = stdout(&mut lint(&["--color", "always"]));
    assert!(!plain.contains('\u{1b}'));
    assert!(styled.contains('\u{1b}'));
    // `auto` into a pipe is plain.
    assert_eq!(stdout(&mut lint(&[])), plain);
}

#[test]
fn a_bad_source_is_reported_and_the_others_still_used() {
    let out = crosscheck()
        .args(["lint", DRAFT, "--rules", PACK, "--color", "never", "--against"])
        .args([SOURCES, "fixtures/lint/missing.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr, "error: `fixtures/lint/missing.txt` does not exist\n");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        stdout(&mut lint(&["--color", "never"]))
    );
    let report = json(&["--against", "fixtures/lint/missing.txt"]);
    assert_eq!(report["problems"][0]["path"], "fixtures/lint/missing.txt");
    assert_eq!(report["summary"]["sources"], 3);
}

#[test]
fn without_a_draft_or_a_source_nothing_is_linted() {
    crosscheck()
        .args(["lint", "fixtures/lint/none.md", "--against", SOURCES])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no draft to lint"));
    crosscheck()
        .args(["lint", DRAFT, "--against", "fixtures/lint/none"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("no source to check the drafts against"));
    crosscheck()
        .args(["lint", DRAFT])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--against"));
    crosscheck()
        .args(["lint", "-", "--against", "-"])
        .write_stdin("The storm killed 12 people.")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not as both"));
}

#[test]
fn a_draft_among_its_sources_does_not_support_itself() {
    let out = crosscheck()
        .args([
            "lint",
            DRAFT,
            "--rules",
            PACK,
            "--format",
            "json",
            "--against",
            "fixtures/lint",
        ])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("`fixtures/lint/draft.md` is a draft, so it is not used as a source"),
        "{stderr}"
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["summary"]["sources"], 3);
    assert_eq!(report["summary"]["contradicted"], 1);
}

#[test]
fn date_option_resolves_relative_figures_of_an_undated_draft() {
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("draft.txt");
    std::fs::write(&draft, "The flood killed 12 people last year.\n").unwrap();
    let source = dir.path().join("source.txt");
    std::fs::write(
        &source,
        "---\npublished: 2025-03-01\n---\nThe 2023 flood killed 12 people.\n",
    )
    .unwrap();
    let summary = |date: &str| -> Value {
        let out = crosscheck()
            .args(["lint", "--show-unsupported", "--format", "json", "--date", date])
            .arg(&draft)
            .arg("--against")
            .arg(&source)
            .output()
            .unwrap();
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(report["drafts"][0]["published"], date);
        report["summary"].clone()
    };
    // Written in 2024, "last year" is the source's 2023 flood; written in 2025, it is
    // another year, of which no source gives a toll.
    assert_eq!(summary("2024-03-02")["supported"], 1);
    assert_eq!(summary("2025-03-02")["unsupported"], 1);
    crosscheck()
        .args(["lint", "--date", "2025-02-30"])
        .arg(&draft)
        .arg("--against")
        .arg(&source)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a day of the calendar"));
}

#[test]
fn readme_shows_the_real_lint_report() {
    let report = stdout(&mut lint(&["--color", "never"]));
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(
        readme.contains(&report),
        "README.md's lint excerpt differs from the report:\n{report}"
    );
    // docs/output.md shows the report from its second diagnostic on.
    let from_differs = &report[report.find("warning[differs]").unwrap()..];
    let docs = std::fs::read_to_string("docs/output.md").unwrap();
    assert!(
        docs.contains(from_differs),
        "docs/output.md's lint excerpt differs:\n{from_differs}"
    );
}

#[test]
fn help_lists_the_grades_and_exit_statuses() {
    crosscheck()
        .args(["lint", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--against <SOURCE>"))
        .stdout(predicate::str::contains("--show-unsupported"))
        .stdout(predicate::str::contains("--exit-zero"))
        .stdout(predicate::str::contains(
            "unsupported   no source states the quantity",
        ));
}

mod properties {
    use crosscheck::document::Document;
    use crosscheck::lint::{lint, Grade, Stance};
    use crosscheck::report::{self, LintOptions};
    use crosscheck::rules::RuleSet;
    use proptest::prelude::*;

    /// A sentence about a toll, with noise (tabs, CRLF, any characters) around it.
    fn article() -> impl Strategy<Value = String> {
        let sentence = (
            "(About |More than |At least |Nearly |Some |)",
            1u32..5_000,
            "(people were killed|people were injured|troops marched|homes were destroyed)",
        )
            .prop_map(|(q, n, rest)| format!("{q}{n} {rest}."));
        (
            prop::collection::vec(sentence, 0..4),
            "\\PC{0,40}",
            "(\n|\r\n|\t| )",
        )
            .prop_map(|(sentences, noise, sep)| format!("{noise}{sep}{}", sentences.join(sep.as_str())))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        /// Any draft against any sources: no panic in any format, lints point at the draft,
        /// related claims at the sources, and each grade follows from the stances.
        #[test]
        fn any_draft_against_any_sources(draft in article(), sources in prop::collection::vec(article(), 0..3)) {
            let sources = sources
                .into_iter()
                .enumerate()
                .filter_map(|(i, s)| Document::parse(format!("s{i}.txt"), s).ok())
                .collect();
            let Ok(draft) = Document::parse("draft.txt", draft) else { return Ok(()) };
            let report = lint(vec![draft], sources, &RuleSet::generic());
            for l in &report.lints {
                prop_assert!(report.is_draft(report.analysis.claims[l.claim].source));
                for r in &l.related {
                    prop_assert!(r.claims.iter().all(|&c| !report.is_draft(report.analysis.claims[c].source)));
                }
                let all_contradict = l.related.iter().all(|r| r.stance == Stance::Contradicts);
                prop_assert_eq!(l.grade == Grade::Unsupported, l.related.is_empty());
                prop_assert_eq!(l.grade == Grade::Contradicted, !l.related.is_empty() && all_contradict);
            }
            for color in [false, true] {
                let options = LintOptions { color, show_unsupported: true };
                let mut out = Vec::new();
                report::write_lint_human(&mut out, &report, options).unwrap();
                report::write_lint_concise(&mut out, &report, options).unwrap();
                report::write_lint_github(&mut out, &report, options).unwrap();
                report::write_lint_jsonl(&mut out, &report, options).unwrap();
                report::write_lint_json(&mut out, &report, options, &[]).unwrap();
                prop_assert!(String::from_utf8(out).is_ok());
            }
        }
    }
}

#[test]
fn drafts_taken_by_against_get_a_hint() {
    let out = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["lint", "--against", SOURCES, DRAFT])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: no draft to check\n  help: `--against` took every path after it; put the drafts first \
         (`crosscheck lint DRAFT... --against SOURCE...`) or end the sources with `--`\n"
    );
    // Ending the sources with `--` reads the draft.
    let ended = Command::cargo_bin("crosscheck")
        .unwrap()
        .args(["lint", "--rules", PACK, "--against", SOURCES, "--", DRAFT])
        .output()
        .unwrap();
    let reference = lint(&[]).output().unwrap();
    assert_eq!(ended.stdout, reference.stdout);
}
