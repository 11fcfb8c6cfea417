//! SARIF 2.1.0, the format GitHub code scanning and SARIF viewers read.
//!
//! The renderer takes [`SarifResult`]s, not the comparator's findings, so that every command
//! (`check`'s findings, a draft lint's diagnostics) writes its results through the same code:
//! a command maps its findings to results and picks its [`SarifRule`]s; this module owns URIs,
//! regions, fingerprints and the log's shape.
//!
//! Choices the spec leaves open, and why:
//! - **URIs** are relative to the directory crosscheck ran in (`%SRCROOT%`, declared in
//!   `originalUriBaseIds`), because GitHub matches them against paths relative to the
//!   repository root; a file outside that directory gets an absolute `file://` URI.
//! - **Columns** are UTF-16 code units (`columnKind` is set explicitly): the SARIF default and
//!   what JavaScript-based viewers count. `endColumn` is exclusive, as the spec defines it.
//! - **Fingerprints** hash what the result says (rule, key, values, source files), never line
//!   numbers, so an alert survives edits elsewhere in an article. GitHub's upload action adds
//!   its own line hash next to ours.

use std::collections::{BTreeSet, HashMap};
use std::io;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use serde_json::{json, Map, Value};

use super::json::Problem;
use super::value::format_value;
use crate::compare::{Finding, Side, Verdict};
use crate::interval::Bound;
use crate::lint::{Grade, Lint, LintReport};
use crate::location::LineIndex;
use crate::rules::Severity;
use crate::Analysis;

/// The SARIF version written.
pub const SARIF_VERSION: &str = "2.1.0";

/// The `$schema` of the log: the OASIS SARIF 2.1.0 schema (errata 01).
pub const SARIF_SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The URI base id of paths relative to the directory crosscheck ran in.
pub const SRCROOT: &str = "%SRCROOT%";

/// The name of crosscheck's entry in `partialFingerprints` (a versioned hierarchical string,
/// as the spec recommends: a new version when the hashed content changes).
pub const FINGERPRINT_KEY: &str = "crosscheckFindingHash/v1";

/// At most this many related locations per result: GitHub rejects a result with more than
/// 1,000 locations, and an editor gains nothing from the thousandth copy of a figure.
pub const MAX_RELATED: usize = 1000;

/// A rule, as a SARIF `reportingDescriptor`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SarifRule {
    /// Stable identifier; GitHub keys alerts on it.
    pub id: &'static str,
    /// Short name shown in filters (at most 255 characters for GitHub).
    pub name: &'static str,
    /// One sentence (at most 1,024 characters for GitHub).
    pub short_description: &'static str,
    /// A paragraph (at most 1,024 characters for GitHub).
    pub full_description: &'static str,
    /// What to do about a result, in plain text.
    pub help: &'static str,
    /// The same help in Markdown, which GitHub shows instead of the text.
    pub help_markdown: &'static str,
    /// The level of a result that does not give its own.
    pub default_level: Severity,
    /// How often a result of the rule is right: `very-high`, `high`, `medium` or `low`.
    pub precision: &'static str,
}

/// The rules of `crosscheck check`: one per verdict.
pub const CHECK_RULES: [SarifRule; 2] = [
    SarifRule {
        id: "conflict",
        name: "conflicting-figures",
        short_description: "Sources state values that cannot both be true",
        full_description:
            "Two or more articles state the same quantity (the same key, such as a death toll) \
            with values whose intervals do not meet: at least one of the articles is wrong or out of date.",
        help: "Find out which figure is right and correct or attribute the others. The related \
            locations show where each source states its figure; `crosscheck facts` lists every \
            figure found. Figures that change over time may be updates between publication days.",
        help_markdown: "Find out which figure is right and correct or attribute the others.\n\n\
            The related locations show where each source states its figure; `crosscheck facts` \
            lists every figure found. Figures that change over time (tolls, evacuations) may be \
            updates between publication days: the message says so when the days explain the \
            disagreement.",
        default_level: Severity::Error,
        precision: "high",
    },
    SarifRule {
        id: "discrepancy",
        name: "discrepant-figures",
        short_description: "Sources state compatible values differently",
        full_description: "Two or more articles state the same quantity with values that can both be true \
            but are stated differently (\"more than 20\" and \"26\"), or that meet only when a vague \
            word such as \"thousands\" is read loosely.",
        help: "Check whether the articles mean the same figure and, if so, state it the same way. \
            The related locations show where each source states its figure.",
        help_markdown: "Check whether the articles mean the same figure and, if so, state it the \
            same way.\n\nThe related locations show where each source states its figure.",
        default_level: Severity::Warning,
        precision: "medium",
    },
];

/// The rules of `crosscheck lint`: one per grade.
pub const LINT_RULES: [SarifRule; 3] = [
    SarifRule {
        id: "contradicted",
        name: "contradicted-figure",
        short_description: "The draft states a figure the sources contradict",
        full_description: "A figure of the draft cannot be true if the trusted sources are right: \
            its interval does not meet what any source states for the same quantity.",
        help: "Check the figure against the sources shown as related locations and correct it, \
            or attribute it if the draft is right to differ.",
        help_markdown: "Check the figure against the sources shown as related locations and \
            correct it, or attribute it if the draft is right to differ.",
        default_level: Severity::Error,
        precision: "high",
    },
    SarifRule {
        id: "differs",
        name: "differing-figure",
        short_description: "The draft states a figure differently from the sources",
        full_description: "A figure of the draft is compatible with the sources but stated \
            differently (\"about 12,000\" against \"over 10,000\"), or the sources disagree \
            among themselves about it.",
        help: "Check whether the draft and the sources mean the same figure and, if so, state it \
            as the sources do.",
        help_markdown: "Check whether the draft and the sources mean the same figure and, if so, \
            state it as the sources do.",
        default_level: Severity::Warning,
        precision: "medium",
    },
    SarifRule {
        id: "unsupported",
        name: "unsupported-figure",
        short_description: "No source states this figure",
        full_description: "The draft states a quantity that none of the trusted sources states.",
        help: "Find a source for the figure or attribute it.",
        help_markdown: "Find a source for the figure or attribute it.",
        default_level: Severity::Info,
        precision: "medium",
    },
];

/// A region of one input text: the place a result or a related location points at.
#[derive(Debug, Clone, PartialEq)]
pub struct SarifSpan<'a> {
    /// The path as the user gave it or as found in a folder (`-` for standard input).
    pub path: &'a str,
    /// The whole text of the file, to turn byte offsets into lines and columns.
    pub text: &'a str,
    /// Byte range of the region in `text`.
    pub span: Range<usize>,
    /// What the location shows, for related locations.
    pub message: Option<String>,
}

/// One result, before it is laid out as SARIF.
#[derive(Debug, Clone, PartialEq)]
pub struct SarifResult<'a> {
    /// The `id` of one of the run's rules.
    pub rule_id: &'static str,
    pub level: Severity,
    /// Plain text; may link to related location `n` (1-based, in the order of `related`)
    /// with [`link`].
    pub message: String,
    pub location: SarifSpan<'a>,
    /// Other places that matter to the result (at most [`MAX_RELATED`] are written).
    pub related: Vec<SarifSpan<'a>>,
    /// What makes two results the same across runs (key, values), hashed with the rule id and
    /// the URIs of every location into the fingerprint; never line numbers.
    pub identity: Vec<String>,
    /// Extra facts for tools, written as the result's `properties`.
    pub properties: Map<String, Value>,
}

/// A whole run: the rules, the results and the inputs that could not be read.
#[derive(Debug, Clone, Copy)]
pub struct SarifRun<'a> {
    pub rules: &'a [SarifRule],
    pub results: &'a [SarifResult<'a>],
    /// Reported as tool execution notifications; an error makes `executionSuccessful` false.
    pub problems: &'a [Problem],
    /// The directory relative URIs are relative to (the working directory), if known.
    pub base: Option<&'a Path>,
}

/// Writes the `check` report as a SARIF log: one result per finding.
pub fn write_sarif(
    out: &mut dyn io::Write,
    analysis: &Analysis,
    problems: &[Problem],
    base: Option<&Path>,
) -> io::Result<()> {
    let mut results = check_results(analysis);
    results.extend(super::notices::sarif_results(analysis));
    let rules = super::notices::sarif_rules(&CHECK_RULES, analysis);
    let run = SarifRun {
        rules: &rules,
        results: &results,
        problems,
        base,
    };
    write_sarif_run(out, run)
}

/// Writes one run as a pretty-printed SARIF log, `version` first as the spec recommends.
pub fn write_sarif_run(out: &mut dyn io::Write, run: SarifRun) -> io::Result<()> {
    #[derive(serde::Serialize)]
    struct Log {
        version: &'static str,
        #[serde(rename = "$schema")]
        schema: &'static str,
        runs: [Value; 1],
    }
    let log = Log {
        version: SARIF_VERSION,
        schema: SARIF_SCHEMA,
        runs: [run_json(run)],
    };
    serde_json::to_writer_pretty(&mut *out, &log)?;
    writeln!(out)
}

/// The SARIF log of one run, as a JSON value.
pub fn sarif_log(run: SarifRun) -> Value {
    json!({
        "version": SARIF_VERSION,
        "$schema": SARIF_SCHEMA,
        "runs": [run_json(run)],
    })
}

/// The results of `check`: each finding at the first claim of its second side (the first
/// figure that differs, where `concise` and `github` also place it), with every other claim
/// of the finding as a related location.
pub fn check_results(analysis: &Analysis) -> Vec<SarifResult<'_>> {
    analysis
        .comparison
        .findings
        .iter()
        .filter_map(|f| check_result(analysis, f))
        .collect()
}

/// Writes the `lint` report as a SARIF log: one result per lint, at the draft's figure, with
/// the sources' figures as related locations. Unsupported figures are results only when asked
/// for.
pub fn write_lint_sarif(
    out: &mut dyn io::Write,
    report: &LintReport,
    show_unsupported: bool,
    problems: &[Problem],
    base: Option<&Path>,
) -> io::Result<()> {
    let mut results = lint_results(report, show_unsupported);
    results.extend(super::notices::sarif_results(&report.analysis));
    let rules = super::notices::sarif_rules(&LINT_RULES, &report.analysis);
    let run = SarifRun {
        rules: &rules,
        results: &results,
        problems,
        base,
    };
    write_sarif_run(out, run)
}

/// The results of `lint`, in the report's order.
pub fn lint_results(report: &LintReport, show_unsupported: bool) -> Vec<SarifResult<'_>> {
    report
        .lints
        .iter()
        .filter(|l| show_unsupported || l.grade != Grade::Unsupported)
        .filter_map(|l| lint_result(&report.analysis, l))
        .collect()
}

fn lint_result<'a>(analysis: &'a Analysis, lint: &'a Lint) -> Option<SarifResult<'a>> {
    let draft = analysis.claim(lint.claim)?;
    let mut related = Vec::new();
    let mut links = Vec::new();
    let mut identity = vec![
        lint.key.clone(),
        lint.grade.as_str().to_string(),
        exact_value(&draft.value),
    ];
    for value in &lint.related {
        let shown = format_value(&value.value, value.kind, draft.unit);
        identity.push(exact_value(&Some(value.value)));
        for (n, &i) in value.claims.iter().enumerate() {
            if related.len() >= MAX_RELATED {
                break;
            }
            let Some(claim) = analysis.claim(i) else {
                continue;
            };
            let message = format!("`{}` ({shown}), {}", claim.text, value.stance.as_str());
            let Some(span) = claim_span(analysis, i, Some(message)) else {
                continue;
            };
            if n == 0 {
                links.push(link(
                    &format!("`{}` in {}", claim.text, span.path),
                    related.len() + 1,
                ));
            }
            related.push(span);
        }
    }
    let mut message = format!("{} ({}: {})", lint.message, lint.key, lint.description);
    if !links.is_empty() {
        message.push_str(&format!(". Sources: {}", links.join(", ")));
    }
    message.push('.');
    let mut properties = Map::new();
    properties.insert("key".into(), json!(lint.key));
    properties.insert("grade".into(), json!(lint.grade.as_str()));
    let (rule, level) = match lint.grade {
        Grade::Contradicted => (&LINT_RULES[0], Severity::Error),
        Grade::Differs => (&LINT_RULES[1], Severity::Warning),
        Grade::Unsupported => (&LINT_RULES[2], Severity::Info),
    };
    Some(SarifResult {
        rule_id: rule.id,
        level,
        message,
        location: claim_span(analysis, lint.claim, None)?,
        related,
        identity,
        properties,
    })
}

/// An interval exactly (not as displayed), for fingerprints.
fn exact_value(value: &Option<crate::interval::Interval>) -> String {
    let end = |b: Option<Bound>| {
        b.map_or_else(
            || "open".to_string(),
            |b| format!("{}{}", b.value, if b.inclusive { "=" } else { "" }),
        )
    };
    value.map_or_else(|| "none".to_string(), |v| format!("{} {}", end(v.lo), end(v.hi)))
}

/// An embedded link to related location `id` (1-based): `[text](id)`, with the brackets and
/// backslashes of the text escaped as the spec requires.
pub fn link(text: &str, id: usize) -> String {
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(c, '\\' | '[' | ']') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    format!("[{escaped}]({id})")
}

fn run_json(run: SarifRun) -> Value {
    let uris = Uris::new(run.base);
    let mut lines = Lines::default();
    let results: Vec<Value> = run
        .results
        .iter()
        .map(|r| result_json(r, run.rules, &uris, &mut lines))
        .collect();
    let mut run_json = json!({
        "tool": { "driver": driver_json(run.rules) },
        "columnKind": "utf16CodeUnits",
        "results": results,
        "invocations": [invocation_json(run.problems, &uris)],
    });
    if let Some(root) = &uris.root_uri {
        run_json["originalUriBaseIds"] = json!({
            SRCROOT: {
                "uri": root,
                "description": { "text": "The directory crosscheck ran in." },
            }
        });
    }
    run_json
}

fn check_result<'a>(analysis: &'a Analysis, f: &'a Finding) -> Option<SarifResult<'a>> {
    let primary_side = usize::from(f.sides.len() > 1);
    let primary = f.sides.get(primary_side)?.claims.first()?;
    let (related, links) = related_claims(analysis, f, primary, primary_side);
    let mut message = format!("{} ({}: {})", f.message, f.key, f.description);
    if !links.is_empty() {
        message.push_str(&format!(". Compare {}", links.join(", ")));
    }
    message.push('.');
    let mut identity = vec![f.key.clone()];
    identity.extend(f.sides.iter().map(|side| side_identity(analysis, side)));
    let mut properties = Map::new();
    properties.insert("key".into(), json!(f.key));
    properties.insert("verdict".into(), json!(f.verdict.as_str()));
    Some(SarifResult {
        rule_id: match f.verdict {
            Verdict::Conflict => CHECK_RULES[0].id,
            Verdict::Discrepancy => CHECK_RULES[1].id,
        },
        level: f.severity,
        message,
        location: claim_span(analysis, primary, None)?,
        related,
        identity,
        properties,
    })
}

/// Every claim of the finding but the primary one, and the message's links to the first
/// claim of each other side.
fn related_claims<'a>(
    analysis: &'a Analysis,
    f: &Finding,
    primary: usize,
    primary_side: usize,
) -> (Vec<SarifSpan<'a>>, Vec<String>) {
    let mut related = Vec::new();
    let mut links = Vec::new();
    let mut linked = None;
    for (s, side) in f.sides.iter().enumerate() {
        for i in side.claims.iter().filter(|&i| i != primary) {
            let Some(claim) = analysis.claim(i) else {
                continue;
            };
            if related.len() >= MAX_RELATED {
                break;
            }
            let value = format_value(&side.value, side.kind, claim.unit);
            let message = match analysis
                .documents
                .get(claim.source)
                .and_then(|d| d.outlet.as_deref())
            {
                Some(outlet) => format!("`{}` ({value}) in {outlet}", claim.text),
                None => format!("`{}` ({value})", claim.text),
            };
            let Some(span) = claim_span(analysis, i, Some(message)) else {
                continue;
            };
            if s != primary_side && linked != Some(s) {
                linked = Some(s);
                links.push(link(
                    &format!("`{}` in {}", claim.text, span.path),
                    related.len() + 1,
                ));
            }
            related.push(span);
        }
    }
    (related, links)
}

fn claim_span(analysis: &Analysis, claim: usize, message: Option<String>) -> Option<SarifSpan<'_>> {
    let claim = analysis.claim(claim)?;
    let doc = analysis.documents.get(claim.source)?;
    Some(SarifSpan {
        path: &doc.path,
        text: &doc.text,
        span: claim.span.clone(),
        message,
    })
}

/// A side's value as compared, exactly (not as displayed, which may round), with its kind and
/// unit.
fn side_identity(analysis: &Analysis, side: &Side) -> String {
    let end = |b: Option<Bound>| {
        b.map_or_else(
            || "open".to_string(),
            |b| format!("{}{}", b.value, if b.inclusive { "=" } else { "" }),
        )
    };
    let unit = side
        .claims
        .first()
        .and_then(|i| analysis.claim(i))
        .and_then(|c| c.unit);
    format!(
        "{} {} {} {}",
        side.kind.as_str(),
        unit.unwrap_or("-"),
        end(side.value.lo),
        end(side.value.hi)
    )
}

fn driver_json(rules: &[SarifRule]) -> Value {
    json!({
        "name": env!("CARGO_PKG_NAME"),
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "rules": rules.iter().map(|r| json!({
            "id": r.id,
            "name": r.name,
            "shortDescription": { "text": r.short_description },
            "fullDescription": { "text": r.full_description },
            "help": { "text": r.help, "markdown": r.help_markdown },
            "defaultConfiguration": { "level": level(r.default_level) },
            "properties": {
                "precision": r.precision,
                "problem.severity": match r.default_level {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                    Severity::Info => "recommendation",
                },
                "tags": ["accuracy", "consistency"],
            },
        })).collect::<Vec<_>>(),
    })
}

fn result_json(r: &SarifResult, rules: &[SarifRule], uris: &Uris, lines: &mut Lines) -> Value {
    let mut sources: BTreeSet<String> = BTreeSet::new();
    let mut location = |s: &SarifSpan, id: Option<usize>| {
        let artifact = uris.artifact(s.path);
        sources.insert(artifact.to_string());
        let mut loc = json!({
            "physicalLocation": {
                "artifactLocation": artifact,
                "region": lines.region(s),
            }
        });
        if let Some(id) = id {
            loc["id"] = json!(id);
        }
        if let Some(message) = &s.message {
            loc["message"] = json!({ "text": message });
        }
        loc
    };
    let primary = location(&r.location, None);
    let related: Vec<Value> = r
        .related
        .iter()
        .take(MAX_RELATED)
        .enumerate()
        .map(|(i, s)| location(s, Some(i + 1)))
        .collect();
    let mut parts = vec![r.rule_id.to_string()];
    parts.extend(r.identity.iter().cloned());
    parts.extend(sources);
    let mut result = json!({
        "ruleId": r.rule_id,
        "level": level(r.level),
        "message": { "text": r.message },
        "locations": [primary],
        "partialFingerprints": { FINGERPRINT_KEY: fingerprint(&parts) },
    });
    if let Some(index) = rules.iter().position(|rule| rule.id == r.rule_id) {
        result["ruleIndex"] = json!(index);
    }
    if !related.is_empty() {
        result["relatedLocations"] = json!(related);
    }
    if !r.properties.is_empty() {
        result["properties"] = Value::Object(r.properties.clone());
    }
    result
}

/// Inputs that could not be read become notifications; the run failed if one was an error.
fn invocation_json(problems: &[Problem], uris: &Uris) -> Value {
    let notifications: Vec<Value> = problems
        .iter()
        .map(|p| {
            json!({
                "level": if p.severity == "error" { "error" } else { "note" },
                "message": { "text": p.message },
                "locations": [{ "physicalLocation": { "artifactLocation": uris.artifact(&p.path) } }],
            })
        })
        .collect();
    let mut invocation = json!({
        "executionSuccessful": !problems.iter().any(|p| p.severity == "error"),
    });
    if !notifications.is_empty() {
        invocation["toolExecutionNotifications"] = json!(notifications);
    }
    if let Some(root) = &uris.root_uri {
        invocation["workingDirectory"] = json!({ "uri": root });
    }
    invocation
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// 64-bit FNV-1a of the parts, each followed by a NUL, as 16 hex digits: stable across
/// platforms and releases, which the standard library's hasher does not promise.
fn fingerprint(parts: &[String]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.as_bytes().iter().chain(&[0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// Line indexes of the texts met so far, so that many locations in one file stay cheap.
#[derive(Default)]
struct Lines {
    indexes: HashMap<(usize, usize), LineIndex>,
}

impl Lines {
    fn region(&mut self, s: &SarifSpan) -> Value {
        let key = (s.text.as_ptr() as usize, s.text.len());
        let index = self.indexes.entry(key).or_insert_with(|| LineIndex::new(s.text));
        let (start_line, start_column) = index.line_col_utf16(s.text, s.span.start);
        let (end_line, end_column) = index.line_col_utf16(s.text, s.span.end.max(s.span.start));
        let mut region = json!({
            "startLine": start_line,
            "startColumn": start_column,
            "endLine": end_line,
            "endColumn": end_column,
        });
        if let Some(snippet) = s.text.get(s.span.clone()).filter(|t| !t.is_empty()) {
            region["snippet"] = json!({ "text": snippet });
        }
        region
    }
}

/// Turns paths as given into SARIF artifact locations.
struct Uris {
    root: Option<PathBuf>,
    /// `file:///…/` URI of the root, with the trailing slash a base URI needs.
    root_uri: Option<String>,
}

impl Uris {
    fn new(base: Option<&Path>) -> Self {
        let root = base.filter(|b| b.is_absolute()).map(normalize);
        let root_uri = root.as_deref().map(|r| {
            let mut uri = file_uri(r);
            if !uri.ends_with('/') {
                uri.push('/');
            }
            uri
        });
        Uris { root, root_uri }
    }

    /// `{"uri", "uriBaseId"}` for a file under the root, `{"uri": "file:///…"}` for one outside
    /// it, and a description only for standard input, which has no URI.
    fn artifact(&self, path: &str) -> Value {
        if path == "-" {
            return json!({ "description": { "text": "standard input" } });
        }
        let p = Path::new(path);
        let absolute = match &self.root {
            Some(root) if p.is_relative() => Some(normalize(&root.join(p))),
            _ if p.is_absolute() => Some(normalize(p)),
            _ => None,
        };
        match (absolute, &self.root) {
            (Some(abs), Some(root)) => match abs.strip_prefix(root) {
                Ok(rel) if rel.components().next().is_some() => {
                    json!({ "uri": relative_uri(rel), "uriBaseId": SRCROOT })
                }
                _ => json!({ "uri": file_uri(&abs) }),
            },
            (Some(abs), None) => json!({ "uri": file_uri(&abs) }),
            // No root to resolve against: the path stays relative, to wherever crosscheck ran.
            (None, _) => json!({ "uri": relative_uri(&normalize(p)), "uriBaseId": SRCROOT }),
        }
    }
}

/// `.` dropped and `..` applied, without touching the file system (symbolic links are not
/// resolved: the user's spelling of a path is what they will look for).
fn normalize(path: &Path) -> PathBuf {
    let mut parts: Vec<Component> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match parts.last() {
                Some(Component::Normal(_)) => {
                    parts.pop();
                }
                // `/..` is `/`.
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => parts.push(component),
            },
            c => parts.push(c),
        }
    }
    parts.iter().collect()
}

fn relative_uri(path: &Path) -> String {
    let segments: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            Component::Normal(s) => Some(encode_segment(&s.to_string_lossy())),
            Component::ParentDir => Some("..".to_string()),
            _ => None,
        })
        .collect();
    segments.join("/")
}

fn file_uri(path: &Path) -> String {
    let mut uri = String::from("file://");
    for component in path.components() {
        match component {
            // A Windows drive (`C:`) stays as it is: `file:///C:/…`.
            Component::Prefix(p) => {
                uri.push('/');
                uri.push_str(&p.as_os_str().to_string_lossy().replace('\\', "/"));
            }
            Component::RootDir | Component::CurDir => {}
            Component::ParentDir => uri.push_str("/.."),
            Component::Normal(s) => {
                uri.push('/');
                uri.push_str(&encode_segment(&s.to_string_lossy()));
            }
        }
    }
    if uri == "file://" {
        uri.push('/');
    }
    uri
}

/// Percent-encodes a path segment (RFC 3986): unreserved characters and the sub-delimiters
/// that mean nothing in a path stay; `:` is encoded so a first segment never reads as a scheme.
fn encode_segment(segment: &str) -> String {
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => out.push(byte as char),
            b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'=' | b'@' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_stay_relative_to_the_root() {
        let uris = Uris::new(Some(Path::new("/work/repo")));
        assert_eq!(
            uris.artifact("drafts/a b.md"),
            json!({"uri": "drafts/a%20b.md", "uriBaseId": SRCROOT})
        );
        assert_eq!(
            uris.artifact("./drafts/../c.txt"),
            json!({"uri": "c.txt", "uriBaseId": SRCROOT})
        );
        assert_eq!(
            uris.artifact("/work/repo/x/y.txt"),
            json!({"uri": "x/y.txt", "uriBaseId": SRCROOT})
        );
        assert_eq!(uris.root_uri.as_deref(), Some("file:///work/repo/"));
    }

    #[test]
    fn paths_outside_the_root_are_absolute_file_uris() {
        let uris = Uris::new(Some(Path::new("/work/repo")));
        assert_eq!(
            uris.artifact("../other/a.txt"),
            json!({"uri": "file:///work/other/a.txt"})
        );
        assert_eq!(
            uris.artifact("/tmp/ä#1.txt"),
            json!({"uri": "file:///tmp/%C3%A4%231.txt"})
        );
        assert_eq!(
            uris.artifact("/work/repository.txt"),
            json!({"uri": "file:///work/repository.txt"})
        );
    }

    #[test]
    fn without_a_root_relative_paths_keep_their_spelling() {
        let uris = Uris::new(None);
        assert_eq!(uris.root_uri, None);
        assert_eq!(
            uris.artifact("../a:b.txt"),
            json!({"uri": "../a%3Ab.txt", "uriBaseId": SRCROOT})
        );
        assert_eq!(uris.artifact("/a/b.txt"), json!({"uri": "file:///a/b.txt"}));
        assert_eq!(
            uris.artifact("-"),
            json!({"description": {"text": "standard input"}})
        );
    }

    #[test]
    fn normalizing_keeps_leading_parent_dirs_only() {
        assert_eq!(normalize(Path::new("a/../b/./c")), PathBuf::from("b/c"));
        assert_eq!(normalize(Path::new("a/..")), PathBuf::from(""));
        assert_eq!(normalize(Path::new("../../x")), PathBuf::from("../../x"));
        assert_eq!(normalize(Path::new("/../x")), PathBuf::from("/x"));
    }

    #[test]
    fn segments_are_percent_encoded() {
        assert_eq!(
            encode_segment("50%,x y:z?#[]é"),
            "50%25,x%20y%3Az%3F%23%5B%5D%C3%A9"
        );
        assert_eq!(encode_segment("a-b_c.d~e"), "a-b_c.d~e");
    }

    #[test]
    fn links_escape_brackets_and_backslashes() {
        assert_eq!(link("a[0]\\b", 3), "[a\\[0\\]\\\\b](3)");
    }

    #[test]
    fn regions_count_utf16_columns_and_end_after_the_region() {
        let text = "🎉 killed 1,240\npeople";
        let start = text.find("1,240").unwrap();
        let span = SarifSpan {
            path: "a.txt",
            text,
            span: start..start + 5,
            message: None,
        };
        let region = Lines::default().region(&span);
        assert_eq!(
            region,
            json!({"startLine": 1, "startColumn": 11, "endLine": 1, "endColumn": 16,
                   "snippet": {"text": "1,240"}})
        );
    }

    #[test]
    fn fingerprints_are_stable_and_separate_their_parts() {
        let a = fingerprint(&["dead".into(), "1,240".into()]);
        assert_eq!(a, fingerprint(&["dead".into(), "1,240".into()]));
        assert_eq!(a.len(), 16);
        assert_ne!(a, fingerprint(&["dead1".into(), ",240".into()]));
        // FNV-1a 64 of the empty input, as published.
        assert_eq!(fingerprint(&[]), "cbf29ce484222325");
    }
}
