//! Markdown, HTML and hard-wrapped versions of one seed article give the facts of the plain
//! text, with every claim pointing into its own file.

use assert_cmd::Command;
use serde_json::Value;

const PLAIN: &str = "fixtures/beijing-parade-2025/001_ef90c9dd86ac32ff.txt";
const MARKDOWN: &str = "fixtures/markup/parade.md";
const HTML: &str = "fixtures/markup/parade.html";
const WRAPPED: &str = "fixtures/markup/parade.wrapped.txt";
/// The publication date of the seed article; the HTML version has no front matter.
const PUBLISHED: &str = "2025-09-02";

fn crosscheck() -> Command {
    let mut cmd = Command::cargo_bin("crosscheck").unwrap();
    cmd.env_remove("NO_COLOR");
    cmd
}

fn facts(path: &str) -> Vec<Value> {
    let out = crosscheck()
        .args(["facts", path, "--date", PUBLISHED, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

/// What a claim says, whatever the file it was read from: its phrase with whitespace
/// collapsed (a line break or a no-break space inside it is a space), key, value and kind.
fn said(claim: &Value) -> String {
    let text = claim["text"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    format!(
        "{text} | {} | {} | {} | {} | {}",
        claim["key"], claim["value"], claim["kind"], claim["unit"], claim["qualifier"]
    )
}

/// The 1-based line and char column of byte `offset` of `text`.
fn line_col(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line as u64, column as u64)
}

/// The prose a span of a Markdown or HTML file shows: tags, emphasis and the entities the
/// fixtures use taken out, whitespace collapsed.
fn shown(raw: &str) -> String {
    let tags = regex::Regex::new(r"<[^>]*>|\*\*").unwrap();
    let text = tags
        .replace_all(raw, "")
        .replace("&nbsp;", " ")
        .replace("&rsquo;", "’")
        .replace("&mdash;", "—")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn markdown_html_and_wrapped_text_give_the_facts_of_the_plain_text() {
    let plain: Vec<String> = facts(PLAIN).iter().map(said).collect();
    assert!(plain.len() > 30, "{plain:?}");
    assert!(plain
        .iter()
        .any(|c| c.starts_with("tens of thousands | \"troops\"")));
    for path in [MARKDOWN, HTML, WRAPPED] {
        let got: Vec<String> = facts(path).iter().map(said).collect();
        assert_eq!(got, plain, "{path}");
    }
}

#[test]
fn every_claim_points_into_its_own_file() {
    for path in [MARKDOWN, HTML, WRAPPED] {
        let file = std::fs::read_to_string(path).unwrap();
        for claim in facts(path) {
            assert_eq!(claim["source"], path);
            let start = claim["span"]["start"].as_u64().unwrap() as usize;
            let end = claim["span"]["end"].as_u64().unwrap() as usize;
            let raw = file.get(start..end).expect("span on char boundaries");
            let text = claim["text"].as_str().unwrap().replace('\u{a0}', " ");
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(shown(raw), text, "{path}: {raw:?}");
            let (line, column) = line_col(&file, start);
            assert_eq!(
                (claim["line"].as_u64(), claim["column"].as_u64()),
                (Some(line), Some(column))
            );
            let sentence = claim["sentence"].as_str().unwrap();
            assert!(file.contains(sentence), "{path}: sentence {sentence:?}");
        }
    }
}

#[test]
fn the_figure_broken_across_lines_is_one_claim() {
    for path in [MARKDOWN, HTML, WRAPPED] {
        let file = std::fs::read_to_string(path).unwrap();
        let claims = facts(path);
        let troops: Vec<&Value> = claims.iter().filter(|c| c["key"] == "troops").collect();
        assert_eq!(troops.len(), 1, "{path}");
        assert_eq!(troops[0]["value"]["lo"], 20_000);
        assert_eq!(troops[0]["value"]["hi"], 99_999);
        let start = troops[0]["span"]["start"].as_u64().unwrap() as usize;
        let end = troops[0]["span"]["end"].as_u64().unwrap() as usize;
        assert!(file[start..end].starts_with("tens of\n"), "{path}");
        assert!(file[start..end].ends_with("thousands"), "{path}");
    }
}

#[test]
fn addresses_images_comments_code_and_page_furniture_yield_no_claims() {
    for (path, hidden) in [
        (
            MARKDOWN,
            &["2025/09/02", "parade-2015-10000", "12,000", "48213"][..],
        ),
        (
            HTML,
            &[
                "24/7", "20250902", "960px", "Top 10", "5 things", "12,000", "42", "1 Main",
            ][..],
        ),
    ] {
        let file = std::fs::read_to_string(path).unwrap();
        let spans: Vec<(usize, usize)> = facts(path)
            .iter()
            .map(|c| {
                let span = &c["span"];
                (
                    span["start"].as_u64().unwrap() as usize,
                    span["end"].as_u64().unwrap() as usize,
                )
            })
            .collect();
        for needle in hidden {
            let at = file.find(needle).unwrap_or_else(|| panic!("{needle} in {path}"));
            let inside = spans.iter().any(|&(s, e)| s < at + needle.len() && at < e);
            assert!(!inside, "{path}: a claim in {needle}");
        }
    }
}

#[test]
fn folders_are_read_for_html_too_and_the_versions_agree() {
    let out = crosscheck()
        .args([
            "check",
            "fixtures/markup",
            "--date",
            PUBLISHED,
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    let sources: Vec<&str> = report["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["path"].as_str().unwrap())
        .collect();
    assert_eq!(
        sources,
        [
            "fixtures/markup/parade.html",
            "fixtures/markup/parade.md",
            "fixtures/markup/parade.wrapped.txt"
        ]
    );
    assert_eq!(report["findings"].as_array().unwrap().len(), 0, "{report}");
}

#[test]
fn html_from_stdin_is_told_by_its_start() {
    let page = "<!DOCTYPE html><p>Storm kills <b>26</b>. <a href=\"/2024\">Read</a></p>";
    let out = crosscheck()
        .args(["facts", "-", "--format", "json"])
        .write_stdin(page)
        .output()
        .unwrap();
    let claims: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    let texts: Vec<&str> = claims.iter().map(|c| c["text"].as_str().unwrap()).collect();
    assert_eq!(texts, ["26"]);
    assert_eq!(claims[0]["span"]["start"], page.find("26").unwrap());
}
