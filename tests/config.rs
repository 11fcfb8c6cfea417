//! The editor's workflow on the command line: `crosscheck.toml` (discovery, `--config`,
//! `--isolated`, errors, `config --show`, the sources manifest), inline suppressions and
//! baselines, each run in a temporary folder against reviewed snapshots.

use std::fs;
use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// Three articles on one quake: the toll of `a` conflicts with `b` and `c`, and the turnout
/// of `b` with `c`.
fn coverage() -> TempDir {
    let dir = TempDir::new().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("coverage")).unwrap();
    fs::create_dir_all(root.join("drafts")).unwrap();
    write(
        root,
        "coverage/a.md",
        "The earthquake killed 1,240 people, officials said.\n",
    );
    write(
        root,
        "coverage/b.md",
        "---\noutlet: Beta\n---\nThe earthquake killed 1,870 people. Turnout was 45% in the vote.\n",
    );
    write(
        root,
        "coverage/c.md",
        "The earthquake killed 1,870 people on Tuesday. Turnout was 60% in the vote.\n",
    );
    dir
}

fn write(root: &Path, name: &str, text: &str) {
    fs::write(root.join(name), text).unwrap();
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("crosscheck")
        .unwrap()
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .args(args)
        .output()
        .unwrap()
}

fn out(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn err(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// Errors of a log against the vendored SARIF 2.1.0 schema (see tests/formats.rs for the one
/// pattern the schema gets wrong).
fn sarif_schema_errors(log: &Value) -> Vec<String> {
    let text = fs::read_to_string("tests/sarif/sarif-schema-2.1.0.json").unwrap();
    let schema: Value = serde_json::from_str(&text.replace("[a-zA-Z]{2}]?$", "[a-zA-Z]{2}?$")).unwrap();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .build(&schema)
        .expect("the SARIF schema compiles");
    validator
        .iter_errors(log)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

// --- configuration file ----------------------------------------------------------------------

#[test]
fn the_nearest_config_applies_and_flags_override_it() {
    let dir = coverage();
    let root = dir.path();
    write(
        root,
        "crosscheck.toml",
        "fail-on = \"never\"\nignore = [\"turnout.*\"]\n[severity]\ndead = { conflict = \"warning\" }\n",
    );
    fs::create_dir_all(root.join("coverage/sub")).unwrap();
    // From a folder below the configuration file.
    let output = run(
        &root.join("coverage/sub"),
        &["check", "..", "--format", "concise"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", err(&output));
    insta::assert_snapshot!(out(&output), @"../b.md:4:23: warning[dead] `1,240` and `1,870` cannot both be true");
    // A flag wins over the file.
    let output = run(
        root,
        &[
            "check",
            "coverage",
            "--fail-on",
            "conflict",
            "--format",
            "concise",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    // --isolated reads no file: the turnout conflict is back and the toll is an error.
    let output = run(root, &["--isolated", "check", "coverage", "--format", "concise"]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(out(&output), @r"
    coverage/b.md:4:23: error[dead] `1,240` and `1,870` cannot both be true
    coverage/c.md:1:60: error[turnout.percent] `45%` and `60%` cannot both be true
    ");
}

#[test]
fn relative_paths_are_relative_to_the_config_file() {
    let dir = coverage();
    let root = dir.path();
    fs::create_dir_all(root.join("desk/rules")).unwrap();
    write(
        root,
        "desk/rules/quake.toml",
        "[[fact]]\nkey = \"quake.dead\"\ndescription = \"people killed by the quake\"\ngeneric = [\"dead\"]\ncontext = [\"earthquake\"]\n",
    );
    write(
        root,
        "desk/settings.toml",
        "rules = [\"rules\"]\ndate = 2024-03-13\n[sources.\"../coverage/a.md\"]\noutlet = \"Alpha\"\n",
    );
    let output = run(root, &["check", "coverage", "--config", "desk/settings.toml"]);
    assert_eq!(output.status.code(), Some(1), "{}", err(&output));
    let text = out(&output);
    insta::assert_snapshot!(text, @r"
    conflict[quake.dead]: people killed by the quake
      `1,240` and `1,870` cannot both be true
      - 1,240   1,240   coverage/a.md:1:23 (Alpha)
      + 1,870   1,870   coverage/b.md:4:23 (Beta)
                        coverage/c.md:1:23

    conflict[turnout.percent]: turnout, percent
      `45%` and `60%` cannot both be true
      - 45%   45%   coverage/b.md:4:49 (Beta)
      + 60%   60%   coverage/c.md:1:60

    3 sources, 6 claims (5 keyed), 2 keys compared: 2 conflicts, 0 discrepancies, 0 agreements
    ");
    // The date of the configuration resolves "Tuesday" in c.md.
    let facts = run(
        root,
        &[
            "facts",
            "coverage",
            "--config",
            "desk/settings.toml",
            "--format",
            "json",
        ],
    );
    let claims: Value = serde_json::from_str(&out(&facts)).unwrap();
    let resolutions: Vec<&str> = claims
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["resolution"].as_str())
        .collect();
    assert_eq!(resolutions.len(), 1, "{claims}");
    assert!(resolutions[0].contains("2024-03-13"), "{resolutions:?}");
    // `--rules` replaces the configuration's rule files.
    let output = run(
        root,
        &[
            "check",
            "coverage",
            "--config",
            "desk/settings.toml",
            "--rules",
            "desk/rules/quake.toml",
            "--format",
            "concise",
        ],
    );
    assert!(out(&output).contains("[quake.dead]"));
}

#[test]
fn unknown_settings_are_errors_with_the_place_and_a_suggestion() {
    let dir = coverage();
    let root = dir.path();
    write(
        root,
        "crosscheck.toml",
        "# desk settings\nfail-on = \"never\"\nignored = [\"dead\"]\n",
    );
    let output = run(root, &["check", "coverage"]);
    assert_eq!(output.status.code(), Some(2));
    insta::assert_snapshot!(err(&output), @r"
    error: crosscheck.toml:3:1: unknown field `ignored`, expected one of `rules`, `date`, `fail-on`, `ignore`, `severity`, `sources`
      help: did you mean `ignore`? the valid names are `rules`, `date`, `fail-on`, `ignore`, `severity`, `sources`
    ");
    write(
        root,
        "crosscheck.toml",
        "[sources.\"coverage/a.md\"]\npublished = 2024-02-30\n",
    );
    let output = run(root, &["lint", "coverage/a.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(err(&output).contains("crosscheck.toml:2:"), "{}", err(&output));
    // A missing --config file is an error, not a silent default.
    let output = run(root, &["check", "coverage", "--config", "nowhere.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(err(&output).contains("cannot read configuration file `nowhere.toml`"));
    // `completions` and `man` never read it.
    assert_eq!(run(root, &["completions", "bash"]).status.code(), Some(0));
}

#[test]
fn a_sources_entry_naming_no_file_gets_a_note() {
    let dir = coverage();
    let config =
        "[sources.\"coverage/b.md\"]\noutlet = \"Beta\"\n\n[sources.\"coverage/bb.md\"]\noutlet = \"Typo\"\n";
    write(dir.path(), "crosscheck.toml", config);
    let checked = run(dir.path(), &["check", "coverage", "--color", "never"]);
    assert_eq!(checked.status.code(), Some(1), "{}", err(&checked));
    assert_eq!(
        err(&checked),
        "note: crosscheck.toml:4: the sources entry `coverage/bb.md` names no file or folder\n"
    );
}

#[test]
fn rules_explain_reads_the_configured_rule_files() {
    let dir = coverage();
    let pack = "[[fact]]\nkey = \"harbour_toll\"\ngeneric = [\"dead\"]\ndescription = \"the quake's toll\"\n";
    write(dir.path(), "pack.toml", pack);
    write(dir.path(), "crosscheck.toml", "rules = [\"pack.toml\"]\n");
    let explained = run(
        dir.path(),
        &["rules", "explain", "harbour_toll", "--color", "never"],
    );
    assert_eq!(explained.status.code(), Some(0), "{}", err(&explained));
    assert!(
        out(&explained).starts_with("harbour_toll: the quake's toll"),
        "{}",
        out(&explained)
    );
    // `rules check` and `rules test` without paths read the configured files too.
    let checked = run(dir.path(), &["rules", "check", "--color", "never"]);
    assert_eq!(out(&checked), "1 rule file checked: all valid\n");
    let tested = run(dir.path(), &["rules", "test", "--color", "never"]);
    assert_eq!(tested.status.code(), Some(0), "{}", err(&tested));
    assert!(
        err(&tested).contains("`pack.toml` carries no example"),
        "{}",
        err(&tested)
    );
    // --isolated reads no configuration, so the pack's key is unknown.
    let isolated = run(dir.path(), &["--isolated", "rules", "explain", "harbour_toll"]);
    assert_eq!(isolated.status.code(), Some(2));
    assert!(
        err(&isolated).contains("no class or fact names `harbour_toll`"),
        "{}",
        err(&isolated)
    );
}

#[test]
fn config_show_says_where_each_value_comes_from() {
    let dir = coverage();
    let root = dir.path();
    write(
        root,
        "crosscheck.toml",
        "rules = [\"rules\"]\nfail-on = \"differs\"\n\n[severity]\n\"parade.*\" = \"info\"\n\n\
         [sources.\"coverage/a.md\"]\noutlet = \"Alpha\"\npublished = \"2024-03-12\"\ntrusted = true\n",
    );
    let output = run(root, &["config", "--show"]);
    assert_eq!(output.status.code(), Some(0), "{}", err(&output));
    insta::assert_snapshot!(out(&output), @r#"
    # configuration file: crosscheck.toml
    rules = ["rules"]  # crosscheck.toml:1
    # date is not set (default): articles without a date stay undated
    fail-on = "discrepancy"  # crosscheck.toml:2
    ignore = []  # default

    [severity]
    "parade.*" = { conflict = "info", discrepancy = "info" }  # crosscheck.toml:5

    [sources."coverage/a.md"]  # crosscheck.toml:7
    outlet = "Alpha"
    published = 2024-03-12
    trusted = true
    "#);
    // The shown configuration is itself a valid configuration.
    write(root, "shown.toml", &out(&output));
    assert_eq!(
        run(root, &["--config", "shown.toml", "config", "--show"])
            .status
            .code(),
        Some(0)
    );
    let json: Value =
        serde_json::from_str(&out(&run(root, &["config", "--show", "--format", "json"]))).unwrap();
    assert_eq!(json["file"], "crosscheck.toml");
    assert_eq!(json["settings"]["fail-on"]["value"], "discrepancy");
    assert_eq!(json["settings"]["fail-on"]["origin"], "crosscheck.toml:2");
    assert_eq!(json["settings"]["date"]["origin"], "default");
    assert_eq!(
        json["settings"]["sources"]["coverage/a.md"]["value"]["trusted"],
        true
    );
    let isolated = out(&run(root, &["config", "--show", "--isolated"]));
    assert!(isolated.starts_with("# no configuration file"), "{isolated}");
    assert_eq!(run(root, &["config"]).status.code(), Some(2));
}

#[test]
fn lint_takes_its_sources_from_the_trusted_manifest() {
    let dir = coverage();
    let root = dir.path();
    write(
        root,
        "drafts/draft.md",
        "The earthquake killed about 900 people.\n",
    );
    write(
        root,
        "crosscheck.toml",
        "[sources.\"coverage\"]\ntrusted = true\n[sources.\"coverage/a.md\"]\ntrusted = false\n",
    );
    let output = run(root, &["lint", "drafts/draft.md", "--format", "concise"]);
    assert_eq!(output.status.code(), Some(1), "{}", err(&output));
    insta::assert_snapshot!(out(&output), @"drafts/draft.md:1:23: error[dead] `about 900` is contradicted by every source");
    assert!(
        err(&output).contains("note: `coverage/a.md` is marked `trusted = false` in the configuration"),
        "{}",
        err(&output)
    );
    let output = run(root, &["--isolated", "lint", "drafts/draft.md"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        err(&output).contains("help: give `--against SOURCE...`"),
        "{}",
        err(&output)
    );
}

// --- inline suppressions ---------------------------------------------------------------------

#[test]
fn a_suppression_hides_its_figure_and_says_nothing() {
    let dir = coverage();
    let root = dir.path();
    write(
        root,
        "coverage/a.md",
        "<!-- crosscheck-ignore: dead first count, 1,240, later revised -->\nThe earthquake killed 1,240 people, officials said.\n",
    );
    let output = run(root, &["check", "coverage", "--format", "concise"]);
    insta::assert_snapshot!(out(&output), @"coverage/c.md:1:60: error[turnout.percent] `45%` and `60%` cannot both be true");
    // The figures of the reason are not claims.
    let facts = out(&run(root, &["facts", "coverage/a.md"]));
    assert_eq!(facts.lines().count(), 2, "a header and one claim: {facts}");
}

#[test]
fn unused_suppressions_are_reported_in_every_format() {
    let dir = coverage();
    let root = dir.path();
    write(
        root,
        "coverage/c.md",
        "<!-- crosscheck-ignore-file: dead -->\n<!-- crosscheck-ignore: turnout.percent wrong line -->\n\n\
         The earthquake killed 1,240 people on Tuesday. Turnout was 60% in the vote.\n",
    );
    let output = run(root, &["check", "coverage", "--color", "never"]);
    insta::assert_snapshot!(out(&output), @r"
    conflict[dead]: people killed (death toll)
      `1,240` and `1,870` cannot both be true
      - 1,240   1,240   coverage/a.md:1:23
      + 1,870   1,870   coverage/b.md:4:23 (Beta)

    conflict[turnout.percent]: turnout, percent
      `45%` and `60%` cannot both be true
      - 45%   45%   coverage/b.md:4:49 (Beta)
      + 60%   60%   coverage/c.md:4:60

    could not normalize (1):
      unresolved    `Tuesday`  coverage/c.md:4:39  weekday with no publication date
      help:         give a publication date in front matter (`published:`), a dateline at the top (`Published September 2, 2025`) or --date

    warning[suppression-without-reason]: the suppression of `dead` gives no reason; add one after the keys
     --> coverage/c.md:1:1

    warning[unused-suppression]: no finding involves a figure of `turnout.percent` on the next line
     --> coverage/c.md:2:1

    3 sources, 6 claims (5 keyed), 2 keys compared: 2 conflicts, 0 discrepancies, 0 agreements
    ");
    let concise = out(&run(root, &["check", "coverage", "--format", "concise"]));
    assert!(concise.contains("coverage/c.md:2:1: warning[unused-suppression] no finding involves"));
    let github = out(&run(root, &["check", "coverage", "--format", "github"]));
    assert!(github.contains("::warning file=coverage/c.md,line=2,col=1,title=unused-suppression::"));
    let jsonl = out(&run(root, &["check", "coverage", "--format", "jsonl"]));
    let notice: Value = serde_json::from_str(jsonl.lines().last().unwrap()).unwrap();
    assert_eq!(
        (notice["code"].as_str(), notice["line"].as_i64()),
        (Some("unused-suppression"), Some(2))
    );
    let json: Value =
        serde_json::from_str(&out(&run(root, &["check", "coverage", "--format", "json"]))).unwrap();
    assert_eq!(json["notices"].as_array().map(Vec::len), Some(2));
    let sarif: Value =
        serde_json::from_str(&out(&run(root, &["check", "coverage", "--format", "sarif"]))).unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let ids: Vec<&str> = results.iter().filter_map(|r| r["ruleId"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "conflict",
            "conflict",
            "suppression-without-reason",
            "unused-suppression"
        ]
    );
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    let unused = results[3]["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[unused]["id"], "unused-suppression");
    assert_eq!(sarif_schema_errors(&sarif), Vec::<String>::new());
    // Notices never change the exit status.
    assert_eq!(
        run(root, &["check", "coverage", "--fail-on", "never"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn drafts_can_suppress_in_lint_too() {
    let dir = coverage();
    let root = dir.path();
    write(
        root,
        "drafts/draft.md",
        "<!-- crosscheck-ignore: dead our own count from the morgue -->\nThe earthquake killed about 900 people.\n\
         <!-- crosscheck-ignore: turnout.percent -- nothing to hide -->\nIt was a Tuesday.\n",
    );
    let output = run(
        root,
        &[
            "lint",
            "drafts/draft.md",
            "--against",
            "coverage",
            "--format",
            "concise",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", err(&output));
    insta::assert_snapshot!(out(&output), @"drafts/draft.md:3:1: warning[unused-suppression] no finding involves a figure of `turnout.percent` on the next line");
}

// --- baselines -------------------------------------------------------------------------------

#[test]
fn a_baseline_hides_known_findings_until_a_figure_changes() {
    let dir = coverage();
    let root = dir.path();
    let output = run(root, &["check", "coverage", "--write-baseline", "baseline.json"]);
    assert_eq!(
        output.status.code(),
        Some(0),
        "writing a baseline accepts the findings"
    );
    assert!(err(&output).contains("note: wrote 2 findings to the baseline `baseline.json`"));
    let baseline = fs::read_to_string(root.join("baseline.json")).unwrap();
    insta::assert_snapshot!(baseline, @r#"
    {
      "version": 1,
      "findings": [
        {
          "key": "dead",
          "figures": [
            {
              "source": "coverage/a.md",
              "value": "count [1240, 1240]"
            },
            {
              "source": "coverage/b.md",
              "value": "count [1870, 1870]"
            },
            {
              "source": "coverage/c.md",
              "value": "count [1870, 1870]"
            }
          ]
        },
        {
          "key": "turnout.percent",
          "figures": [
            {
              "source": "coverage/b.md",
              "value": "percent % [45, 45]"
            },
            {
              "source": "coverage/c.md",
              "value": "percent % [60, 60]"
            }
          ]
        }
      ]
    }
    "#);
    // Prose edited around the figures: nothing new.
    write(
        root,
        "coverage/a.md",
        "Rescue work went on overnight.\n\nThe earthquake killed 1,240 people, officials said on Sunday.\n",
    );
    let output = run(root, &["check", "coverage", "--baseline", "baseline.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", out(&output));
    assert!(err(&output).contains("note: 2 findings recorded in the baseline `baseline.json` are not shown"));
    // A changed figure is new, from another folder too.
    write(
        root,
        "coverage/c.md",
        "The earthquake killed 1,870 people. Turnout was 61% in the vote.\n",
    );
    let output = run(
        &root.join("coverage"),
        &[
            "check",
            ".",
            "--baseline",
            "../baseline.json",
            "--format",
            "concise",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(out(&output), @"./c.md:1:49: error[turnout.percent] `45%` and `61%` cannot both be true");
    assert!(err(&output).contains("note: 1 finding recorded in the baseline `../baseline.json` is not shown"));
    // Nothing is written unless asked.
    let names: Vec<_> = fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn lint_baselines_record_the_draft_figure() {
    let dir = coverage();
    let root = dir.path();
    write(
        root,
        "drafts/draft.md",
        "The earthquake killed about 900 people.\n",
    );
    let args = ["lint", "drafts/draft.md", "--against", "coverage"];
    let output = run(root, &[&args[..], &["--write-baseline", "lint.json"]].concat());
    assert_eq!(output.status.code(), Some(0));
    let recorded: Value = serde_json::from_str(&fs::read_to_string(root.join("lint.json")).unwrap()).unwrap();
    assert_eq!(recorded["findings"][0]["draft"]["source"], "drafts/draft.md");
    assert_eq!(recorded["findings"][0]["draft"]["value"], "count [810, 990]");
    let output = run(root, &[&args[..], &["--baseline", "lint.json"]].concat());
    assert_eq!(output.status.code(), Some(0));
    write(
        root,
        "drafts/draft.md",
        "The earthquake killed about 950 people.\n",
    );
    let output = run(root, &[&args[..], &["--baseline", "lint.json"]].concat());
    assert_eq!(output.status.code(), Some(1));
    let output = run(root, &[&args[..], &["--baseline", "missing.json"]].concat());
    assert_eq!(output.status.code(), Some(2));
    assert!(err(&output).contains("cannot read baseline `missing.json`"));
}
