//! End-to-end tests of the `crosscheck` binary on the bundled fixtures.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

const PARADE: &str = "fixtures/beijing-parade-2025";
const PARADE_PACK: &str = "rules/events/beijing-parade-2025.toml";
const QUAKE: &str = "fixtures/coastal-quake-2024";

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

fn json_report(args: &[&str]) -> Value {
    let out = crosscheck()
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// `(key, verdict, [sorted source file names per side])` of every finding.
fn findings(report: &Value) -> Vec<(String, String, Vec<Vec<String>>)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let sides = f["sides"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| {
                    let mut files: Vec<String> = s["claims"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|c| {
                            let p = c["source"].as_str().unwrap();
                            Path::new(p).file_name().unwrap().to_string_lossy()[..3].to_string()
                        })
                        .collect();
                    files.dedup();
                    files
                })
                .collect();
            (
                f["key"].as_str().unwrap().to_string(),
                f["verdict"].as_str().unwrap().to_string(),
                sides,
            )
        })
        .collect()
}

fn side(files: &[&str]) -> Vec<String> {
    files.iter().map(|s| s.to_string()).collect()
}

#[test]
fn parade_with_event_pack_reports_exactly_the_three_findings() {
    let report = json_report(&["check", PARADE, "--rules", PARADE_PACK]);
    let got = findings(&report);
    assert_eq!(
        got,
        vec![
            (
                "parade.troops".to_string(),
                "discrepancy".to_string(),
                vec![side(&["001"]), side(&["003"]), side(&["004"])]
            ),
            (
                "russia.troops".to_string(),
                "discrepancy".to_string(),
                vec![side(&["001"]), side(&["002"])]
            ),
            (
                "summit.foreign_leaders".to_string(),
                "discrepancy".to_string(),
                vec![side(&["000"]), side(&["001", "002", "003"])]
            ),
        ]
    );
}

#[test]
fn parade_with_generic_rules_only_finds_leaders_and_parade_troops_without_false_alarms() {
    let report = json_report(&["check", PARADE]);
    let keys: Vec<String> = findings(&report).into_iter().map(|(k, _, _)| k).collect();
    // The third is the real disagreement on troops sent to Russia, found without the event pack.
    assert_eq!(keys, ["leaders", "troops", "troops.deployed"]);
    let troops = &report["findings"][1];
    let texts: Vec<&str> = troops["sides"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["claims"][0]["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["tens of thousands", "more than 10,000", "thousands"]);
}

#[test]
fn json_contract_fields_are_present() {
    let report = json_report(&["check", PARADE, "--rules", PARADE_PACK]);
    assert_eq!(report["version"], 1);
    assert_eq!(report["sources"].as_array().unwrap().len(), 5);
    assert_eq!(report["sources"][0]["published"], "2025-09-02");
    let leaders = &report["findings"][2];
    for field in ["key", "description", "verdict", "severity", "message", "sides"] {
        assert!(!leaders[field].is_null(), "finding field {field}");
    }
    let more_than_20 = &leaders["sides"][0];
    assert_eq!(more_than_20["value"]["lo"], 20);
    assert_eq!(more_than_20["value"]["hi"], Value::Null);
    let claim = &more_than_20["claims"][0];
    for field in [
        "key",
        "source",
        "span",
        "line",
        "column",
        "text",
        "sentence",
        "value",
        "kind",
        "unit",
        "qualifier",
    ] {
        assert!(claim.get(field).is_some(), "claim field {field}");
    }
    assert_eq!(claim["text"], "more than 20");
    assert_eq!(claim["qualifier"], "more_than");
    assert_eq!(claim["kind"], "count");
    // The span points at the phrase in the file exactly as read, front matter included.
    let path = claim["source"].as_str().unwrap();
    let file = std::fs::read_to_string(path).unwrap();
    let (start, end) = (
        claim["span"]["start"].as_u64().unwrap() as usize,
        claim["span"]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&file[start..end], "more than 20");
    let line = file[..start].matches('\n').count() + 1;
    assert_eq!(claim["line"], line as u64);
}

#[test]
fn relative_dates_resolve_and_agree_with_stated_ones() {
    let report = json_report(&["check", PARADE, "--show-agreements"]);
    let agreements = report["agreements"].as_array().unwrap();
    let parade_date = agreements
        .iter()
        .find(|a| a["key"] == "parade.date")
        .expect("parade.date agreement");
    let values: Vec<&str> = parade_date["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"]["lo"].as_str().unwrap())
        .collect();
    assert!(values.iter().all(|v| *v == "2025-09-03"), "{values:?}");
    let texts: Vec<&str> = parade_date["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["text"].as_str().unwrap())
        .collect();
    assert!(texts.contains(&"Wednesday"), "{texts:?}");
}

#[test]
fn human_report_shows_diff_lines_and_summary() {
    crosscheck()
        .args(["check", PARADE, "--rules", PARADE_PACK, "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "discrepancy[summit.foreign_leaders]: foreign leaders attending the parade",
        ))
        .stdout(predicate::str::contains(
            "  - more than 20   > 20   fixtures/beijing-parade-2025/000_04863f69a178a8b1.txt:34:80",
        ))
        .stdout(predicate::str::contains("  + 26             26     "))
        .stdout(predicate::str::contains("5 sources, "))
        .stdout(predicate::str::contains("0 conflicts, 3 discrepancies"))
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn color_always_emits_ansi_and_no_color_is_honoured_in_auto() {
    crosscheck()
        .args(["check", PARADE, "--color", "always"])
        .assert()
        .stdout(predicate::str::contains("\u{1b}["));
    crosscheck()
        .env("NO_COLOR", "1")
        .args(["check", PARADE])
        .assert()
        .stdout(predicate::str::contains("\u{1b}[").not());
}

#[test]
fn fail_on_sets_the_exit_code() {
    crosscheck().args(["check", PARADE]).assert().code(0);
    crosscheck()
        .args(["check", PARADE, "--fail-on", "discrepancy"])
        .assert()
        .code(1);
    crosscheck().args(["check", QUAKE]).assert().code(1);
    crosscheck()
        .args(["check", QUAKE, "--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn quake_cluster_finds_the_real_conflict_with_generic_rules() {
    let report = json_report(&["check", QUAKE]);
    let got: Vec<(String, String)> = findings(&report).into_iter().map(|(k, v, _)| (k, v)).collect();
    assert!(
        got.contains(&("dead".to_string(), "conflict".to_string())),
        "{got:?}"
    );
    assert!(
        got.contains(&("injured".to_string(), "discrepancy".to_string())),
        "{got:?}"
    );
    assert!(
        got.contains(&("evacuated".to_string(), "discrepancy".to_string())),
        "{got:?}"
    );
    // The 2004 quake's toll and one hospital's patients are other quantities.
    let texts = report["findings"].to_string();
    assert!(!texts.contains("3,500"), "the 2004 toll was compared");
    assert!(!texts.contains("450"), "a partial count was compared");
    assert_eq!(got.iter().filter(|(_, v)| v == "conflict").count(), 1, "{got:?}");
}

#[test]
fn facts_lists_every_claim_with_its_location() {
    crosscheck()
        .args(["facts", PARADE, "--color", "never"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"(?m)^KEY\s+VALUE\s+QUALIFIER\s+PHRASE\s+LOCATION$").unwrap())
        .stdout(predicate::str::is_match(r#"(?m)^troops\s+20,000–99,999\s+vague\s+"tens of thousands"\s+fixtures/beijing-parade-2025/001_ef90c9dd86ac32ff.txt:8:319$"#).unwrap());
    let out = crosscheck()
        .args(["facts", PARADE, "--format", "json"])
        .output()
        .unwrap();
    let claims: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(claims.as_array().unwrap().len() > 50);
}

#[test]
fn stdin_is_read_with_the_fallback_date() {
    crosscheck()
        .args(["facts", "-", "--date", "2025-08-28", "--format", "json"])
        .write_stdin("Last year, 26 foreign leaders met.")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"lo\": 2024"))
        .stdout(predicate::str::contains("\"source\": \"-\""));
}

#[test]
fn relative_years_without_a_date_stay_unresolved() {
    crosscheck()
        .args(["facts", "-", "--color", "never"])
        .write_stdin("Kim signed the pact last year.")
        .assert()
        .success()
        .stdout(predicate::str::contains("unresolved"));
}

#[test]
fn bad_inputs_are_reported_and_the_rest_still_checked() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.txt");
    std::fs::write(&bad, b"\xff\xfe not text").unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "At least 12 people were killed.").unwrap();
    let missing = dir.path().join("missing.txt");
    crosscheck()
        .args(["facts", "--color", "never"])
        .arg(&bad)
        .arg(&empty)
        .arg(&good)
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not valid UTF-8"))
        .stderr(predicate::str::contains("holds no article text"))
        .stderr(predicate::str::contains("does not exist"))
        .stdout(predicate::str::contains("At least 12"));
}

#[test]
fn invalid_rule_file_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("bad.toml");
    std::fs::write(
        &rules,
        "[[fact]]\nkey = \"k\"\nclass = \"troops\"\ncontext = [\"a\"]\nsevrity = 1\n",
    )
    .unwrap();
    crosscheck()
        .args(["check", PARADE, "--rules"])
        .arg(&rules)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.toml:5:1"))
        .stderr(predicate::str::contains("sevrity"));
}

#[test]
fn bad_date_and_missing_args_are_usage_errors() {
    crosscheck()
        .args(["check", PARADE, "--date", "2025-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
    crosscheck().args(["check"]).assert().code(2);
    crosscheck()
        .args(["--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit status"));
}

#[test]
fn output_is_deterministic() {
    let a = crosscheck()
        .args(["check", PARADE, QUAKE, "--format", "json"])
        .output()
        .unwrap();
    let b = crosscheck()
        .args(["check", QUAKE, PARADE, "--format", "json"])
        .output()
        .unwrap();
    let c = crosscheck()
        .args(["check", PARADE, QUAKE, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(a.stdout, c.stdout);
    let count = |o: &[u8]| {
        serde_json::from_slice::<Value>(o).unwrap()["findings"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!(count(&a.stdout), count(&b.stdout));
}

#[test]
fn json_report_lists_inputs_that_could_not_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let out = crosscheck()
        .args(["check", PARADE, "--format", "json"])
        .arg(&empty)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let problems = report["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0]["severity"], "error");
    assert!(problems[0]["message"]
        .as_str()
        .unwrap()
        .contains("holds no article text"));
    assert_eq!(report["findings"].as_array().unwrap().len(), 3);
}

#[test]
fn a_single_article_gets_a_note() {
    crosscheck()
        .args(["check", "fixtures/coastal-quake-2024/harbor-daily.txt"])
        .assert()
        .success()
        .stderr(predicate::str::contains("only one article was read"));
}

#[test]
fn an_empty_rule_folder_is_an_error_and_facts_help_has_its_own_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    crosscheck()
        .args(["check", PARADE, "--rules"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("holds no .toml rule file"));
    crosscheck()
        .args(["facts", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("the claims were listed"))
        .stdout(predicate::str::contains("--fail-on").not());
    crosscheck()
        .args(["check", PARADE, "--date", "2024-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a day of the calendar"));
}

#[test]
fn readme_shows_the_real_report() {
    let out = crosscheck()
        .args([
            "check",
            "fixtures/beijing-parade-2025/",
            "--rules",
            PARADE_PACK,
            "--color",
            "never",
        ])
        .output()
        .unwrap();
    let report = String::from_utf8(out.stdout).unwrap();
    let readme = std::fs::read_to_string("README.md").unwrap();
    assert!(
        readme.contains(&report),
        "README.md's excerpt differs from the report:\n{report}"
    );
}

#[test]
fn figures_from_different_days_are_flagged_as_possible_updates() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "---\npublished: 2025-03-01\n---\nThe flood killed 12 people.\n",
    )
    .unwrap();
    // A day apart, a count is still compared, with a note.
    std::fs::write(
        dir.path().join("b.txt"),
        "---\npublished: 2025-03-02\n---\nThe death toll rose to 19.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("c.txt"),
        "---\npublished: 2025-03-02\n---\nThe flood killed 12 people.\n",
    )
    .unwrap();
    let two = crosscheck()
        .args(["check", "--color", "never"])
        .arg(dir.path().join("a.txt"))
        .arg(dir.path().join("b.txt"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&two.stdout).contains("may be an update"));
    // When the same day carries both figures, the days do not explain it.
    let three = crosscheck()
        .args(["check", "--color", "never"])
        .arg(dir.path())
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&three.stdout);
    assert!(
        report.contains("conflict[dead]") && !report.contains("may be an update"),
        "{report}"
    );
    // Two days on, the lower toll of the earlier day is an update and no finding.
    let later = tempfile::tempdir().unwrap();
    std::fs::write(
        later.path().join("a.txt"),
        "---\npublished: 2025-03-01\n---\nThe flood killed 12 people.\n",
    )
    .unwrap();
    std::fs::write(
        later.path().join("b.txt"),
        "---\npublished: 2025-03-03\n---\nThe death toll rose to 19.\n",
    )
    .unwrap();
    crosscheck()
        .args(["check", "--color", "never"])
        .arg(later.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("conflict[dead]").not());
}

#[test]
fn line_formats_for_ci() {
    crosscheck()
        .args(["check", QUAKE, "--format", "concise"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_match(r"(?m)^fixtures/coastal-quake-2024/\S+\.txt:\d+:\d+: error\[dead\] `1,240` and `1,870` cannot both be true$").unwrap());
    crosscheck()
        .args(["check", QUAKE, "--format", "github"])
        .assert()
        .stdout(predicate::str::is_match(r"(?m)^::error file=fixtures/coastal-quake-2024/\S+\.txt,line=\d+,col=\d+,endColumn=\d+,title=conflict \[dead\]::").unwrap());
    let out = crosscheck()
        .args(["check", QUAKE, "--format", "jsonl"])
        .output()
        .unwrap();
    let lines: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert!(lines
        .iter()
        .all(|f| f["sides"].as_array().is_some_and(|s| s.len() >= 2)));
    crosscheck()
        .args(["facts", QUAKE, "--format", "github"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("use them with `check`"));
}

#[test]
fn claims_that_could_not_be_normalized_are_reported_apart() {
    let out = crosscheck()
        .args(["check", "fixtures/uncertain", "--color", "never"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("could not normalize (4):"), "{text}");
    assert!(
        text.contains(
            "inconsistent  `Tuesday, September 3, 2025`  fixtures/uncertain/a.md:4:22  \
             the stated weekday, Tuesday, does not match 2025-09-03, a Wednesday\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("ambiguous     `3/4/2026`  ") && text.contains("day/month would be 4/3 (not compared)"),
        "{text}"
    );
    assert!(
        text.contains(
            "unresolved    `last Friday`                 fixtures/uncertain/c.txt:1:11  weekday with no publication date\n"
        ),
        "{text}"
    );
    assert!(text.contains("help:         give a publication date"), "{text}");
    // The ambiguous dates, read the same way in both articles, make no agreement and no finding;
    // the weekday-checked date still agrees with `Wednesday`.
    let report = json_report(&["check", "fixtures/uncertain"]);
    assert_eq!(report["summary"]["uncertain"], 4);
    let doubts: Vec<(&str, bool)> = report["uncertain"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["doubt"].as_str().unwrap(), u["compared"].as_bool().unwrap()))
        .collect();
    assert_eq!(
        doubts,
        [
            ("inconsistent", true),
            ("ambiguous", false),
            ("ambiguous", false),
            ("unresolved", false)
        ]
    );
    // Two keys compared (leaders, the opening date), both agreeing; the second round is not.
    assert_eq!(report["summary"]["keys_compared"], 2);
    assert_eq!(report["summary"]["agreements"], 2);
    assert_eq!(report["summary"]["conflicts"], 0);
    assert_eq!(report["summary"]["discrepancies"], 0);
    let claims = report["claims"].as_array().unwrap();
    let ambiguous = claims.iter().filter(|c| c["doubt"] == "ambiguous").count();
    assert_eq!(ambiguous, 2);
}

#[test]
fn check_takes_exit_zero_and_lint_spellings_of_fail_on() {
    let quake = "fixtures/coastal-quake-2024";
    let code = |args: &[&str]| crosscheck().args(args).output().unwrap().status.code();
    assert_eq!(code(&["check", quake, "--color", "never"]), Some(1));
    assert_eq!(code(&["check", quake, "--exit-zero"]), Some(0));
    assert_eq!(code(&["check", quake, "--fail-on", "contradicted"]), Some(1));
    assert_eq!(code(&["check", quake, "--fail-on", "differs"]), Some(1));
    assert_eq!(code(&["check", "no/such/path", "--exit-zero"]), Some(2));
}

#[test]
fn a_dateline_at_the_top_dates_the_article_and_the_report_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let dated = dir.path().join("a.txt");
    std::fs::write(
        &dated,
        "Storm hits coast\nPublished September 2, 2025 at 4:05 p.m. ET\n\n\
         The storm killed 26 people on Monday.\n",
    )
    .unwrap();
    let undated = dir.path().join("b.txt");
    std::fs::write(
        &undated,
        "Storm hits coast\n\nThe storm killed 26 people on Monday.\n",
    )
    .unwrap();
    let report = json_report(&[
        "check",
        "--isolated",
        "--date",
        "2025-09-10",
        dir.path().to_str().unwrap(),
    ]);
    let sources = report["sources"].as_array().unwrap();
    assert_eq!(sources[0]["published"], "2025-09-02");
    assert_eq!(sources[0]["published_from"], "header_line");
    assert_eq!(sources[1]["published"], "2025-09-10");
    assert_eq!(sources[1]["published_from"], "date_option");
    // `Monday` resolves against each article's own date.
    let days: Vec<&str> = report["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["text"] == "Monday")
        .map(|c| c["value"]["lo"].as_str().unwrap())
        .collect();
    assert_eq!(days, ["2025-09-01", "2025-09-08"]);
}

#[test]
fn figures_in_links_to_other_stories_are_listed_but_never_compared() {
    const FURNITURE: &str = "fixtures/furniture";
    // The `READ MORE:` line and the related-articles list hold another story's 900
    // passengers and another fare rise: no finding sets them against the article's own.
    let report = json_report(&["check", FURNITURE]);
    assert_eq!(findings(&report), Vec::new());
    // They are still read as claims, without a key.
    let claims = report["claims"].as_array().unwrap();
    let linked: Vec<&Value> = claims
        .iter()
        .filter(|c| c["sentence"].as_str().unwrap().contains("900 passengers"))
        .collect();
    assert_eq!(linked.len(), 2, "{linked:?}");
    assert!(linked.iter().all(|c| c["key"].is_null()), "{linked:?}");
    // The article's own figures (the headline's and both bodies') are keyed and agree.
    let own = claims
        .iter()
        .filter(|c| c["text"] == "420" && !c["key"].is_null())
        .count();
    assert_eq!(own, 3);
}

#[test]
fn context_quotes_the_sentence_of_each_side() {
    let quoted = crosscheck()
        .args(["check", PARADE, "--context", "--color", "never"])
        .output()
        .unwrap();
    let report = String::from_utf8(quoted.stdout).unwrap();
    // Each side's line is followed by the sentence its phrase was read from.
    let lines: Vec<&str> = report.lines().collect();
    let first_side = lines
        .iter()
        .position(|l| l.starts_with("  - more than 20"))
        .expect("the leaders finding");
    assert!(
        lines[first_side + 1].starts_with("      │ ") && lines[first_side + 1].contains("more than 20"),
        "{report}"
    );
    // Without the flag the report quotes nothing, and the JSON report is the same either way.
    let plain = crosscheck()
        .args(["check", PARADE, "--color", "never"])
        .output()
        .unwrap();
    assert!(!String::from_utf8(plain.stdout).unwrap().contains('│'));
    assert_eq!(
        json_report(&["check", PARADE, "--context"]),
        json_report(&["check", PARADE])
    );
}
