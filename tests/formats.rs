//! The machine formats of `check` (`concise`, `github`, `sarif`), shell completions and man
//! pages, against reviewed snapshots (`tests/snapshots/`) and the specs they follow.
//!
//! The SARIF schema in `tests/sarif/` is the OASIS SARIF 2.1.0 JSON schema (draft-07 edition,
//! as shipped in the `serde-sarif` 0.8.0 crate's `src/schema.json`).

use std::fs;
use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

const QUAKE: &str = "fixtures/coastal-quake-2024";
const PARADE: &str = "fixtures/beijing-parade-2025";
const PARADE_PACK: &str = "rules/events/beijing-parade-2025.toml";

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

fn run(args: &[&str]) -> Output {
    crosscheck().args(args).output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

/// Two articles that conflict on a death toll and a turnout, with an emoji before the figures
/// of the first (two UTF-16 code units, one character).
fn write_pair(dir: &Path, first: &str, second: &str) {
    fs::write(
        dir.join(first),
        "---\noutlet: Alpha, Inc.\npublished: 2024-03-13\n---\n\
         🎉 The earthquake killed 1,240 people, officials said. Turnout was 45% in the vote.\n",
    )
    .unwrap();
    fs::write(
        dir.join(second),
        "---\noutlet: Beta\npublished: 2024-03-13\n---\n\
         The earthquake killed 1,870 people, officials said. Turnout was 60% in the vote.\n",
    )
    .unwrap();
}

// --- concise ---------------------------------------------------------------------------------

#[test]
fn concise_is_one_greppable_line_per_finding() {
    let out = run(&["check", QUAKE, "--format", "concise"]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    insta::assert_snapshot!("concise_quake", text);
    let shape = regex::Regex::new(r"^[^:\n]+:\d+:\d+: (error|warning|info)\[[a-z0-9_.]+\] \S.*$").unwrap();
    let parade = run(&["check", PARADE, "--rules", PARADE_PACK, "--format", "concise"]);
    let parade = stdout(&parade);
    for line in text.lines().chain(parade.lines()) {
        assert!(
            shape.is_match(line),
            "not `path:line:col: severity[key] message`: {line}"
        );
    }
    assert_eq!(parade.lines().count(), 3);
}

#[test]
fn concise_keeps_a_finding_on_one_line_whatever_the_file_name() {
    let dir = tempfile::tempdir().unwrap();
    write_pair(dir.path(), "a.txt", "b\nc.txt");
    let out = crosscheck()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "concise"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("./b c.txt:5:"), "{text}");
}

// --- github ----------------------------------------------------------------------------------

#[test]
fn github_annotations_snapshot() {
    let out = run(&["check", QUAKE, "--format", "github"]);
    assert_eq!(out.status.code(), Some(1));
    insta::assert_snapshot!("github_quake", stdout(&out));
}

#[test]
fn github_escapes_hostile_file_names_and_messages() {
    let dir = tempfile::tempdir().unwrap();
    write_pair(dir.path(), "a,b:c%d.txt", "new\nline.txt");
    let out = crosscheck()
        .current_dir(dir.path())
        .args(["check", "a,b:c%d.txt", "new\nline.txt", "--format", "github"])
        .output()
        .unwrap();
    let text = stdout(&out);
    // One command per finding: no raw newline from the file name splits one.
    assert_eq!(text.lines().count(), 2, "{text}");
    for line in text.lines() {
        assert!(
            line.starts_with("::error file=new%0Aline.txt,line=5,col="),
            "{line}"
        );
        let (properties, message) = line[2..].split_once("::").unwrap();
        // Properties are split on `,` and `=`: only the separators may be raw.
        let fields: Vec<&str> = properties.split_once(' ').unwrap().1.split(',').collect();
        assert_eq!(fields.len(), 5, "{properties}");
        assert!(!message.contains('\n') && !message.contains('\r'));
    }
    // The percent signs of the figures are escaped in the message, not left to be decoded.
    assert!(
        text.contains("::`45%25` and `60%25` cannot both be true"),
        "{text}"
    );
    // A name with `,` `:` and `%` as a property value.
    let out = crosscheck()
        .current_dir(dir.path())
        .args(["check", "new\nline.txt", "a,b:c%d.txt", "--format", "github"])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(
        text.contains("file=a%2Cb%3Ac%25d.txt,line=5,col=25,endColumn=30,"),
        "{text}"
    );
}

// --- sarif -----------------------------------------------------------------------------------

fn sarif(args: &[&str], dir: Option<&Path>) -> (Value, Output) {
    let mut cmd = crosscheck();
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let out = cmd.args(args).args(["--format", "sarif"]).output().unwrap();
    let log = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    (log, out)
}

fn schema_errors(log: &Value) -> Vec<String> {
    // The schema's two `language` patterns carry a stray `]` (`{2}]?$`) that an ECMA-262
    // regex in Unicode mode rejects, so the validator would refuse the schema itself; the
    // patterns only constrain `language` properties, which crosscheck never writes.
    let text = fs::read_to_string("tests/sarif/sarif-schema-2.1.0.json").unwrap();
    let stray = "[a-zA-Z]{2}]?$";
    assert_eq!(text.matches(stray).count(), 2, "the vendored schema changed");
    let schema: Value = serde_json::from_str(&text.replace(stray, "[a-zA-Z]{2}?$")).unwrap();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft7)
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles");
    validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

/// What GitHub code scanning requires beyond the schema, and what the spec says of embedded
/// links and fingerprints.
fn assert_github_accepts(log: &Value) {
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().starts_with("https://"));
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "utf16CodeUnits");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "crosscheck");
    let rules = driver["rules"].as_array().unwrap();
    for rule in rules {
        assert!(rule["id"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(rule["name"].as_str().unwrap().len() <= 255);
        for field in ["shortDescription", "fullDescription", "help"] {
            let text = rule[field]["text"].as_str().unwrap();
            assert!(!text.is_empty() && text.len() <= 1024, "{field}: {text}");
        }
    }
    let links = regex::Regex::new(r"\]\((\d+)\)").unwrap();
    let base = &run["originalUriBaseIds"]["%SRCROOT%"]["uri"];
    assert!(base.as_str().unwrap().starts_with("file:///") && base.as_str().unwrap().ends_with('/'));
    for result in run["results"].as_array().unwrap() {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(["error", "warning", "note"].contains(&result["level"].as_str().unwrap()));
        let locations = result["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 1);
        let physical = &locations[0]["physicalLocation"];
        let uri = physical["artifactLocation"]["uri"].as_str().unwrap();
        if physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%" {
            assert!(
                !uri.starts_with('/') && !uri.starts_with("..") && !uri.contains("./"),
                "{uri}"
            );
        } else {
            assert!(uri.starts_with("file:///"), "{uri}");
        }
        let region = &physical["region"];
        for field in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(
                region[field].as_u64().is_some_and(|n| n >= 1),
                "{field}: {region}"
            );
        }
        assert!(
            (region["startLine"].as_u64(), region["startColumn"].as_u64())
                < (region["endLine"].as_u64(), region["endColumn"].as_u64())
        );
        let fingerprint = result["partialFingerprints"]["crosscheckFindingHash/v1"]
            .as_str()
            .unwrap();
        assert!(fingerprint.len() == 16 && fingerprint.bytes().all(|b| b.is_ascii_hexdigit()));
        // Every embedded link points at exactly one related location.
        let related = result["relatedLocations"].as_array().cloned().unwrap_or_default();
        let message = result["message"]["text"].as_str().unwrap();
        for id in links.captures_iter(message) {
            let id: u64 = id[1].parse().unwrap();
            assert_eq!(related.iter().filter(|l| l["id"] == id).count(), 1, "{message}");
        }
        assert!(related.len() <= 1000);
    }
}

/// The log with what depends on the machine (the working directory) and the release (the
/// version) replaced, for a snapshot.
fn redacted(mut log: Value) -> Value {
    let run = &mut log["runs"][0];
    run["tool"]["driver"]["version"] = "[version]".into();
    run["tool"]["driver"]["semanticVersion"] = "[version]".into();
    run["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "file:///[cwd]/".into();
    run["invocations"][0]["workingDirectory"]["uri"] = "file:///[cwd]/".into();
    log
}

#[test]
fn sarif_report_snapshot() {
    let (log, out) = sarif(&["check", QUAKE], None);
    assert_eq!(out.status.code(), Some(1));
    // `version` first, as the spec recommends.
    assert!(stdout(&out).starts_with("{\n  \"version\": \"2.1.0\",\n  \"$schema\": "));
    let run = &log["runs"][0];
    assert_eq!(
        run["invocations"][0]["workingDirectory"]["uri"],
        run["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    );
    insta::assert_snapshot!(
        "sarif_quake",
        serde_json::to_string_pretty(&redacted(log)).unwrap()
    );
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let (quake, _) = sarif(&["check", QUAKE], None);
    let (parade, _) = sarif(
        &["check", PARADE, "--rules", PARADE_PACK, "--show-agreements"],
        None,
    );
    for log in [&quake, &parade] {
        assert_eq!(schema_errors(log), Vec::<String>::new());
        assert_github_accepts(log);
    }
    assert_eq!(quake["runs"][0]["results"].as_array().unwrap().len(), 3);
    assert_eq!(parade["runs"][0]["results"].as_array().unwrap().len(), 3);
    // Three sides, the second one primary: the message links to the first and the third.
    let troops = parade["runs"][0]["results"][0]["message"]["text"]
        .as_str()
        .unwrap();
    assert!(
        troops
            .contains("(parade.troops: troops taking part in the parade). Compare [`tens of thousands` in "),
        "{troops}"
    );
    assert!(
        troops.contains("](1), [`thousands` in ") && troops.ends_with("](2)."),
        "{troops}"
    );
}

#[test]
fn sarif_validates_with_hostile_names_problems_and_files_outside_the_directory() {
    let dir = tempfile::tempdir().unwrap();
    let inside = dir.path().join("work");
    fs::create_dir(&inside).unwrap();
    write_pair(&inside, "a,b:c%d [1] #é.txt", "new\nline.txt");
    let outside = dir.path().join("outside.txt");
    fs::write(&outside, "The earthquake killed 2,500 people.\n").unwrap();
    let (log, out) = sarif(
        &["check", ".", "missing.txt", outside.to_str().unwrap()],
        Some(&inside),
    );
    assert_eq!(out.status.code(), Some(2), "an unreadable input still gives 2");
    assert_eq!(schema_errors(&log), Vec::<String>::new());
    assert_github_accepts(&log);
    let run = &log["runs"][0];
    let invocation = &run["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notification = &invocation["toolExecutionNotifications"][0];
    assert_eq!(notification["level"], "error");
    assert_eq!(notification["message"]["text"], "`missing.txt` does not exist");
    assert_eq!(
        notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "missing.txt"
    );
    let uris: Vec<String> = run["results"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| {
            let related = r["relatedLocations"].as_array().cloned().unwrap_or_default();
            std::iter::once(r["locations"][0].clone()).chain(related)
        })
        .map(|l| {
            l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert!(
        uris.contains(&"a,b%3Ac%25d%20%5B1%5D%20%23%C3%A9.txt".to_string()),
        "{uris:?}"
    );
    assert!(uris.contains(&"new%0Aline.txt".to_string()), "{uris:?}");
    assert!(
        uris.iter()
            .any(|u| u.starts_with("file:///") && u.ends_with("/outside.txt")),
        "{uris:?}"
    );
}

#[test]
fn sarif_from_standard_input_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "The earthquake killed 1,240 people.\n").unwrap();
    let out = crosscheck()
        .current_dir(dir.path())
        .args(["check", "a.txt", "-", "--format", "sarif"])
        .write_stdin("The earthquake killed 1,870 people.\n")
        .output()
        .unwrap();
    let log: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(schema_errors(&log), Vec::<String>::new());
    let result = &log["runs"][0]["results"][0];
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"],
        serde_json::json!({"description": {"text": "standard input"}})
    );
    assert_eq!(
        result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "a.txt"
    );
}

#[test]
fn the_schema_check_is_not_vacuous() {
    let (log, _) = sarif(&["check", QUAKE], None);
    let mut bad_line = log.clone();
    bad_line["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0.into();
    let mut bad_level = log.clone();
    bad_level["runs"][0]["results"][0]["level"] = "fatal".into();
    let mut bad_uri = log;
    bad_uri["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] =
        "a b\\c".into();
    for bad in [bad_line, bad_level, bad_uri] {
        assert!(!schema_errors(&bad).is_empty());
    }
}

#[test]
fn sarif_columns_count_utf16_code_units() {
    let dir = tempfile::tempdir().unwrap();
    write_pair(dir.path(), "a.txt", "b.txt");
    // `b.txt` comes second, so the findings point at it; swap so they point at the emoji line.
    let (log, _) = sarif(&["check", "b.txt", "a.txt"], Some(dir.path()));
    let concise = crosscheck()
        .current_dir(dir.path())
        .args(["check", "b.txt", "a.txt", "--format", "concise"])
        .output()
        .unwrap();
    let concise = stdout(&concise);
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    for (result, line) in results.iter().zip(concise.lines()) {
        let region = &result["locations"][0]["physicalLocation"]["region"];
        let char_column: u64 = line.split(':').nth(2).unwrap().parse().unwrap();
        // One emoji before the figure: one character, two UTF-16 code units.
        assert_eq!(region["startColumn"].as_u64(), Some(char_column + 1), "{line}");
        let snippet = region["snippet"]["text"].as_str().unwrap();
        assert_eq!(
            region["endColumn"].as_u64().unwrap() - region["startColumn"].as_u64().unwrap(),
            snippet.encode_utf16().count() as u64
        );
    }
}

#[test]
fn sarif_fingerprints_follow_the_facts_not_the_lines() {
    let dir = tempfile::tempdir().unwrap();
    write_pair(dir.path(), "a.txt", "b.txt");
    let prints = |dir: &Path| -> Vec<(String, u64)> {
        let (log, _) = sarif(&["check", "a.txt", "b.txt"], Some(dir));
        log["runs"][0]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["partialFingerprints"]["crosscheckFindingHash/v1"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                    r["locations"][0]["physicalLocation"]["region"]["startLine"]
                        .as_u64()
                        .unwrap(),
                )
            })
            .collect()
    };
    let before = prints(dir.path());
    assert_eq!(before.len(), 2);
    assert_ne!(before[0].0, before[1].0);
    // Lines added above the figures: same findings, same fingerprints, other lines.
    let b = fs::read_to_string(dir.path().join("b.txt")).unwrap();
    fs::write(
        dir.path().join("b.txt"),
        b.replace("---\nThe", "---\nA new lead.\n\nThe"),
    )
    .unwrap();
    let moved = prints(dir.path());
    assert_eq!(
        moved.iter().map(|p| &p.0).collect::<Vec<_>>(),
        before.iter().map(|p| &p.0).collect::<Vec<_>>()
    );
    assert!(moved.iter().zip(&before).all(|(m, b)| m.1 == b.1 + 2));
    // Another figure: another finding.
    let b = fs::read_to_string(dir.path().join("b.txt")).unwrap();
    fs::write(dir.path().join("b.txt"), b.replace("1,870", "1,900")).unwrap();
    let changed = prints(dir.path());
    assert!(changed.iter().any(|c| c.0 == before[1].0 || c.0 == before[0].0));
    assert!(changed.iter().any(|c| c.0 != before[0].0 && c.0 != before[1].0));
}

#[test]
fn sarif_is_refused_for_facts() {
    let out = run(&["facts", QUAKE, "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("use them with `check`"));
}

// --- completions and man pages ---------------------------------------------------------------

#[test]
fn completions_for_every_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = run(&["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = stdout(&out);
        for word in [
            "check",
            "facts",
            "completions",
            "format",
            "fail-on",
            "show-agreements",
        ] {
            assert!(script.contains(word), "{shell} completions lack {word}");
        }
        // The shells whose scripts complete option values offer every format.
        if ["bash", "zsh", "fish"].contains(&shell) {
            for format in ["concise", "jsonl", "github", "sarif"] {
                assert!(script.contains(format), "{shell} completions lack {format}");
            }
        }
    }
    let out = run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn completion_scripts_parse_in_their_shell() {
    // Each shell that is installed checks the syntax of its script without running it.
    for (shell, check) in [("bash", "-n"), ("zsh", "-n"), ("fish", "--no-execute")] {
        let Ok(status) = std::process::Command::new(shell).arg("-c").arg("true").output() else {
            continue;
        };
        if !status.status.success() {
            continue;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("completions");
        fs::write(&path, run(&["completions", shell]).stdout).unwrap();
        let parsed = std::process::Command::new(shell)
            .arg(check)
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            parsed.status.success(),
            "{shell}: {}",
            String::from_utf8_lossy(&parsed.stderr)
        );
    }
}

#[test]
fn man_pages() {
    let out = run(&["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out).replace(env!("CARGO_PKG_VERSION"), "[version]");
    insta::assert_snapshot!("man_crosscheck", page);
    let check = stdout(&run(&["man", "check"]));
    assert!(check.contains(".TH crosscheck-check 1"), "{check}");
    for option in [r"\-\-format", r"\-\-fail\-on", "sarif", ".SH EXIT STATUS"] {
        assert!(check.contains(option), "{option}");
    }
    let out = run(&["man", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the commands are `check`, `facts`"));
}

#[test]
fn man_pages_render_without_warnings() {
    let Ok(probe) = std::process::Command::new("groff").arg("--version").output() else {
        return;
    };
    if !probe.status.success() {
        return;
    }
    for page in [vec!["man"], vec!["man", "check"], vec!["man", "facts"]] {
        let roff = run(&page).stdout;
        let mut groff = std::process::Command::new("groff")
            .args(["-man", "-Tutf8", "-ww", "-z"])
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        std::io::Write::write_all(groff.stdin.as_mut().unwrap(), &roff).unwrap();
        let out = groff.wait_with_output().unwrap();
        assert!(
            out.stderr.is_empty(),
            "{page:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

// --- pre-commit hooks ------------------------------------------------------------------------

/// The hooks of `.pre-commit-hooks.yaml` as `(key, value)` pairs, one list per hook (the file
/// is a flat list of mappings, which a line reader is enough for).
fn hooks() -> Vec<Vec<(String, String)>> {
    let text = fs::read_to_string(".pre-commit-hooks.yaml").unwrap();
    let mut hooks: Vec<Vec<(String, String)>> = Vec::new();
    for line in text.lines() {
        let line = line.split(" #").next().unwrap();
        if line.trim_start().starts_with('#') || line.trim().is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix("- ") {
            hooks.push(Vec::new());
            let (k, v) = rest.split_once(':').unwrap();
            hooks.last_mut().unwrap().push((k.trim().into(), v.trim().into()));
        } else {
            assert!(line.starts_with("  "), "unexpected line: {line}");
            let (k, v) = line.trim().split_once(':').unwrap();
            hooks.last_mut().unwrap().push((k.trim().into(), v.trim().into()));
        }
    }
    hooks
}

fn field<'a>(hook: &'a [(String, String)], key: &str) -> &'a str {
    hook.iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

#[test]
fn pre_commit_hooks_run_crosscheck_on_changed_articles() {
    let hooks = hooks();
    let ids: Vec<&str> = hooks.iter().map(|h| field(h, "id")).collect();
    assert_eq!(ids, ["crosscheck-lint", "crosscheck-check"]);
    for hook in &hooks {
        let id = field(hook, "id");
        assert_eq!(field(hook, "entry"), id.replace('-', " "));
        assert_eq!(field(hook, "language"), "rust");
        // Comparing needs every file in one process.
        assert_eq!(field(hook, "require_serial"), "true");
        for key in ["name", "description"] {
            assert!(!field(hook, key).is_empty(), "{id} has no {key}");
        }
        let files = regex::Regex::new(field(hook, "files")).unwrap();
        for name in ["drafts/a.md", "coverage/b.txt", "c.markdown", "d.html", "e.htm"] {
            assert!(files.is_match(name), "{id} skips {name}");
        }
        for name in ["rules/pack.toml", "notes.txt.bak", "image.png"] {
            assert!(!files.is_match(name), "{id} runs on {name}");
        }
    }
    // What pre-commit runs for `crosscheck-check`: the entry, the args, then the changed files.
    let check = &hooks[1];
    let mut cmd = crosscheck();
    cmd.args(field(check, "entry").split_whitespace().skip(1));
    cmd.args(["--format", "concise", "--color", "never"]);
    for name in ["harbor-daily.txt", "meridian-times.txt"] {
        cmd.arg(format!("{QUAKE}/{name}"));
    }
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1), "a conflict stops the commit");
    assert!(stdout(&out).contains("error[dead] `1,240` and `1,870` cannot both be true"));
}

#[test]
fn lint_sarif_validates_and_points_at_the_draft_with_sources_related() {
    let lint = [
        "lint",
        "fixtures/lint/draft.md",
        "--against",
        "fixtures/lint/sources",
    ];
    let (log, out) = sarif(&lint, None);
    assert_eq!(out.status.code(), Some(1), "a contradicted figure fails the run");
    assert_eq!(schema_errors(&log), Vec::<String>::new());
    assert_github_accepts(&log);
    let run = &log["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["contradicted", "differs", "unsupported"]);
    let results = run["results"].as_array().unwrap();
    let grades: Vec<(&str, &str)> = results
        .iter()
        .map(|r| (r["ruleId"].as_str().unwrap(), r["level"].as_str().unwrap()))
        .collect();
    assert_eq!(grades, [("contradicted", "error"), ("differs", "warning")]);
    for r in results {
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert_eq!(uri, "fixtures/lint/draft.md");
        let related = r["relatedLocations"].as_array().unwrap();
        assert!(!related.is_empty());
        assert!(related
            .iter()
            .all(|l| l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with("fixtures/lint/sources/")));
    }
    // Unsupported figures are results only when asked for.
    let mut with_unsupported = lint.to_vec();
    with_unsupported.push("--show-unsupported");
    let (log, _) = sarif(&with_unsupported, None);
    assert_eq!(schema_errors(&log), Vec::<String>::new());
    let levels: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["level"].as_str().unwrap())
        .collect();
    assert_eq!(levels, ["error", "warning", "note"]);
}
