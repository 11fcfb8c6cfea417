//! Invariant checks shared by the fuzz targets (`fuzz/`) and the replay of their corpora
//! (`tests/fuzz_regressions.rs`), so that a saved input is judged by exactly the checks that
//! found it.
//!
//! Each `check_*` function runs one entry point on arbitrary input and returns the first
//! broken invariant as a [`Violation`]; a panic inside the pipeline is left to propagate, as
//! the fuzzer and the test harness both report it with its input. The invariants are the ones
//! every stage promises whatever the input:
//!
//! - spans (claims, sentences, the body start) lie inside the text and on char boundaries;
//! - every interval has `lo <= hi`, and no value is NaN;
//! - indices into the run (sources, claims) are in range;
//! - the same input gives the same result, byte for byte, on a second run;
//! - every report renders, and the JSON ones parse back.

use std::fmt;
use std::io::Cursor;
use std::ops::Range;
use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::claim::Claim;
use crate::document::Document;
use crate::interval::Interval;
use crate::load::{load, LoadOptions};
use crate::report::{self, RenderOptions};
use crate::rules::RuleSet;
use crate::{analyze, Analysis, Keep, Policy, Reader};

/// A broken invariant, described for the person reading the fuzzer's report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation(pub String);

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Violation {}

/// The longest input the checks read; longer inputs are cut (at a char boundary) so that a
/// fuzzer spends its time on variety rather than on size.
pub const MAX_INPUT_BYTES: usize = 64 * 1024;

/// At most this many articles come out of one input of [`check_articles`].
pub const MAX_ARTICLES: usize = 8;

/// A small article with front matter and figures, for a fuzz target to run once before its
/// loop so that rules and lazy caches are built outside it.
pub const WARM_UP: &[u8] =
    b"---\noutlet: A\npublished: 2025-09-02\n---\nMore than 10,000 troops took part on Wednesday.\n";

/// Makes rayon's global pool the calling thread alone, before a fuzz target's warm-up: AFL++
/// forks the target after the warm-up, and a forked child has none of the parent's worker
/// threads, so a pool with threads of its own would wait on them forever. Does nothing when
/// the pool already exists.
pub fn pool_on_this_thread() {
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .use_current_thread()
        .build_global();
}

/// The publication date given to articles whose front matter names none, so that relative
/// dates ("last year", "Wednesday") are resolved and their code is exercised too.
pub fn fallback_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 9, 2).unwrap_or_default()
}

/// The normalizer on one article: front matter, segment, extract and key, with and without a
/// publication date. Bytes that are not UTF-8 are replaced, as the loader would refuse them.
pub fn check_article(bytes: &[u8]) -> Result<(), Violation> {
    let text = text_of(bytes);
    let (body_start, published) = match Document::parse("fuzz.txt", text.clone()) {
        Ok(doc) => (doc.body_start, doc.published),
        Err(_) => (0, None),
    };
    let rules = generic_rules();
    let run = |published| {
        let sentences = crate::segment::segment(&text, body_start);
        let mut claims = crate::extract::extract(&text, &sentences, 0, published);
        crate::key::assign_keys(&text, &mut claims, rules, published);
        (sentences, claims)
    };
    let dated = published.or(Some(fallback_date()));
    let (sentences, claims) = run(dated);
    check_sentences(&text, body_start, &sentences)?;
    check_claims(&text, 0, &claims)?;
    let (undated_sentences, undated) = run(None);
    check_claims(&text, 0, &undated)?;
    if undated_sentences != sentences {
        return Err(violation("sentences depend on the publication date"));
    }
    same("the claims of one article", &claims, &run(dated).1)
}

/// The loader on one file's bytes, read as `-` (stdin): the binary and UTF-8 checks and the
/// front matter. Also renders every problem message.
pub fn check_loader(bytes: &[u8]) -> Result<(), Violation> {
    let bytes = &bytes[..bytes.len().min(MAX_INPUT_BYTES)];
    let run = || {
        let options = LoadOptions {
            fallback_date: Some(fallback_date()),
        };
        load(&[String::from("-")], &mut Cursor::new(bytes), &options)
    };
    let loaded = run();
    // One input is read or refused, never both; a note may accompany a document read.
    let errors = loaded.problems.iter().filter(|p| p.is_error()).count();
    if loaded.documents.len() + errors != 1 {
        return Err(violation(format!(
            "one input gave {} documents and {errors} errors",
            loaded.documents.len(),
        )));
    }
    for doc in &loaded.documents {
        if doc.text.as_bytes() != bytes {
            return Err(violation("the document's text is not the bytes read"));
        }
        check_span(&doc.text, "body start", &(doc.body_start..doc.text.len()))?;
        if doc.published.is_none() {
            return Err(violation("a loaded document has no date despite the fallback"));
        }
    }
    let messages: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    let again = run();
    same("the loaded documents", &loaded.documents, &again.documents)?;
    let again: Vec<String> = again.problems.iter().map(|p| p.to_string()).collect();
    same("the load problems", &messages, &again)
}

/// The rule-file loader on one file's text, added to the generic rules; rules that load are
/// then used on a sample article set.
pub fn check_rules(bytes: &[u8]) -> Result<(), Violation> {
    let text = text_of(bytes);
    let build = || {
        let mut rules = generic_rules().clone();
        let result = rules.add("fuzz.toml", &text);
        (rules, result)
    };
    let (rules, result) = build();
    let (again, again_result) = build();
    same("the rule set", &rules, &again)?;
    same("the rule file's result", &result, &again_result)?;
    match result {
        Err(error) => {
            let lines = text.split('\n').count();
            if error.line == 0 || error.column == 0 || error.line > lines.max(1) {
                return Err(violation(format!(
                    "rule error at {}:{} in a text of {lines} lines",
                    error.line, error.column
                )));
            }
            let _ = error.to_string();
            Ok(())
        }
        Ok(()) => {
            let docs = SAMPLE
                .iter()
                .enumerate()
                .filter_map(|(i, text)| Document::parse(format!("{i}.txt"), text.to_string()).ok())
                .collect();
            check_run(docs, &rules)
        }
    }
}

/// The whole pipeline on an article set: the input is split at NUL bytes into up to
/// [`MAX_ARTICLES`] articles, analysed with the generic rules and the bundled event pack, and
/// rendered in every format.
pub fn check_articles(bytes: &[u8]) -> Result<(), Violation> {
    let text = text_of(bytes);
    let docs: Vec<Document> = text
        .split('\0')
        .take(MAX_ARTICLES)
        .enumerate()
        .filter_map(|(i, part)| {
            let mut doc = Document::parse(format!("{i}.txt"), part.to_string()).ok()?;
            // Every other article keeps no date, so that dated and undated sources meet.
            if i % 2 == 0 {
                doc.published = doc.published.or(Some(fallback_date()));
            }
            Some(doc)
        })
        .collect();
    check_run(docs, pack_rules())
}

/// Analyses `docs` twice, checks the analysis and that both runs render the same bytes.
pub fn check_run(docs: Vec<Document>, rules: &RuleSet) -> Result<(), Violation> {
    let first = analyze(docs.clone(), rules);
    check_analysis(&first)?;
    let rendered = render(&first)?;
    let second = render(&analyze(docs.clone(), rules))?;
    for ((name, a), (_, b)) in rendered.iter().zip(&second) {
        if a != b {
            return Err(violation(format!("the {name} report differs between two runs")));
        }
    }
    // As `check` reads a large run: only the claims a findings report shows, packed, the text
    // let go, the documents added in more than one batch. The reports that quote no text
    // must not change.
    let mut docs = docs;
    let rest = docs.split_off(docs.len() / 2);
    let mut reader = Reader::new(rules, Keep::Reported)
        .forget_text(true)
        .pack_claims(true);
    reader.add(docs, &|| {});
    reader.add(rest, &|| {});
    let batched = reader.finish(&Policy::default());
    for (name, bytes) in render_without_text(&batched)? {
        if rendered.iter().any(|(n, b)| *n == name && *b != bytes) {
            return Err(violation(format!(
                "the {name} report of a packed, batched run without text differs"
            )));
        }
    }
    Ok(())
}

/// Invariants of a finished analysis: claims, sides and findings.
pub fn check_analysis(analysis: &Analysis) -> Result<(), Violation> {
    for (source, doc) in analysis.documents.iter().enumerate() {
        let claims: Vec<Claim> = analysis
            .claims
            .iter()
            .filter(|c| c.source == source)
            .cloned()
            .collect();
        check_claims(&doc.text, source, &claims)?;
    }
    if let Some(c) = analysis
        .claims
        .iter()
        .find(|c| c.source >= analysis.documents.len())
    {
        return Err(violation(format!("claim `{}` names source {}", c.text, c.source)));
    }
    let comparison = &analysis.comparison;
    let sides = comparison.findings.iter().flat_map(|f| f.sides.iter());
    for side in sides {
        check_interval("a side's value", &side.value)?;
        if let Some(i) = side.claims.iter().find(|&i| i >= analysis.kept_claims()) {
            return Err(violation(format!(
                "a side names claim {i} of {}",
                analysis.kept_claims()
            )));
        }
    }
    let agreed = comparison.agreements.iter().flat_map(|a| a.claims.iter());
    if let Some(i) = agreed.clone().find(|&i| i >= analysis.kept_claims()) {
        return Err(violation(format!(
            "an agreement names claim {i} of {}",
            analysis.kept_claims()
        )));
    }
    Ok(())
}

/// Invariants of the claims of one document: spans, text, intervals and finite numbers.
pub fn check_claims(text: &str, source: usize, claims: &[Claim]) -> Result<(), Violation> {
    for c in claims {
        if c.source != source {
            return Err(violation(format!("claim `{}` names source {}", c.text, c.source)));
        }
        check_span(text, "claim", &c.span)?;
        check_span(text, "claim sentence", &c.sentence)?;
        if c.span.start < c.sentence.start || c.span.end > c.sentence.end {
            return Err(violation(format!(
                "claim {:?} lies outside its sentence {:?}",
                c.span, c.sentence
            )));
        }
        if text.get(c.span.clone()) != Some(&*c.text) {
            return Err(violation(format!(
                "claim text `{}` is not its span {:?}",
                c.text, c.span
            )));
        }
        if let Some(value) = &c.value {
            check_interval(&format!("the value of `{}`", c.text), value)?;
        }
        if let Some((lo, hi)) = c.stated {
            if lo.is_nan() || hi.is_nan() || lo > hi {
                return Err(violation(format!("`{}` is stated as {lo}..{hi}", c.text)));
            }
        }
        if c.precision.is_nan() || c.written_factor.is_nan() {
            return Err(violation(format!(
                "`{}` has a NaN precision or unit factor",
                c.text
            )));
        }
    }
    Ok(())
}

/// Sentences as [`crate::segment::segment`] promises them: in order, never empty, never
/// overlapping, from `start` on, on char boundaries.
pub fn check_sentences(text: &str, start: usize, sentences: &[Range<usize>]) -> Result<(), Violation> {
    let mut previous_end = start.min(text.len());
    for s in sentences {
        check_span(text, "sentence", s)?;
        if s.is_empty() || s.start < previous_end {
            return Err(violation(format!(
                "sentence {s:?} is empty or starts before {previous_end}"
            )));
        }
        previous_end = s.end;
    }
    Ok(())
}

/// A byte range inside `text`, in order, on char boundaries.
pub fn check_span(text: &str, what: &str, span: &Range<usize>) -> Result<(), Violation> {
    if span.start > span.end || text.get(span.clone()).is_none() {
        return Err(violation(format!(
            "{what} span {span:?} is not a char range of a text of {} bytes",
            text.len()
        )));
    }
    Ok(())
}

/// `lo <= hi` when both ends are bounded, and no NaN end.
pub fn check_interval(what: &str, value: &Interval) -> Result<(), Violation> {
    let nan = [value.lo, value.hi].iter().flatten().any(|b| b.value.is_nan());
    let reversed = matches!((value.lo_value(), value.hi_value()), (Some(lo), Some(hi)) if lo > hi);
    if nan || reversed {
        return Err(violation(format!("{what} is the interval {value:?}")));
    }
    Ok(())
}

/// Sentences for [`check_rules`] to run a fuzzed rule file on: deaths, troops, money, dates.
const SAMPLE: [&str; 3] = [
    "---\noutlet: A\npublished: 2025-09-02\n---\nAt least 12 people were killed and 40 injured on Wednesday.\nMore than 10,000 troops took part in the parade, which cost $3bn.\n",
    "---\noutlet: B\npublished: 2025-09-03\n---\nThe storm killed 40 people, officials said on Sept. 3, 2025.\nAbout 15,000 troops marched; turnout was 61.2%, up from 58 per cent in 2019.\n",
    "The quake, the strongest since 2011, killed dozens and displaced tens of thousands 12 km away.\n",
];

fn generic_rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(RuleSet::generic)
}

/// The generic rules and the bundled event pack, so that facts narrowing keys are exercised.
fn pack_rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let mut rules = RuleSet::generic();
        let pack = include_str!("../rules/events/beijing-parade-2025.toml");
        // The pack is tested to load elsewhere; were it broken, the generic rules still run.
        let _ = rules.add("beijing-parade-2025.toml", pack);
        rules
    })
}

/// The input as text, cut to [`MAX_INPUT_BYTES`], with bytes that are not UTF-8 replaced.
fn text_of(bytes: &[u8]) -> String {
    let bytes = &bytes[..bytes.len().min(MAX_INPUT_BYTES)];
    String::from_utf8_lossy(bytes).into_owned()
}

/// The reports that quote no text: what a run that lets the text go can render.
fn render_without_text(analysis: &Analysis) -> Result<Vec<(&'static str, Vec<u8>)>, Violation> {
    write_each(
        analysis,
        &[
            ("human", report::write_human),
            ("concise", report::write_concise),
            ("github", report::write_github),
        ],
    )
}

/// A report renderer of the kind `render` runs.
type Writer = fn(&mut dyn std::io::Write, &Analysis, RenderOptions) -> std::io::Result<()>;

/// Each of `writers`' reports of `analysis`, with agreements and without colour.
fn write_each(
    analysis: &Analysis,
    writers: &[(&'static str, Writer)],
) -> Result<Vec<(&'static str, Vec<u8>)>, Violation> {
    let options = RenderOptions {
        color: false,
        show_agreements: true,
        context: false,
    };
    let mut out = Vec::new();
    for &(name, write) in writers {
        let mut bytes = Vec::new();
        write(&mut bytes, analysis, options).map_err(|e| violation(format!("{name} report: {e}")))?;
        out.push((name, bytes));
    }
    Ok(out)
}

/// Every report format, rendered without colour.
fn render(analysis: &Analysis) -> Result<Vec<(&'static str, Vec<u8>)>, Violation> {
    let mut out = write_each(
        analysis,
        &[
            ("human", report::write_human),
            ("facts", report::write_facts_table),
            ("concise", report::write_concise),
            ("jsonl", report::write_jsonl),
            ("github", report::write_github),
        ],
    )?;
    let options = RenderOptions {
        color: false,
        show_agreements: true,
        context: false,
    };
    // The human report quoting each side's sentence, in colour: every span is cut out of
    // the text and emphasized.
    let mut quoted = Vec::new();
    let quoting = RenderOptions {
        color: true,
        context: true,
        ..options
    };
    report::write_human(&mut quoted, analysis, quoting)
        .map_err(|e| violation(format!("human report with context: {e}")))?;
    let mut json = Vec::new();
    report::write_json(&mut json, analysis, options, None).map_err(|e| violation(format!("json: {e}")))?;
    if serde_json::from_slice::<serde_json::Value>(&json).is_err() {
        return Err(violation("the json report does not parse"));
    }
    let jsonl = &out[3].1;
    for line in jsonl.split(|&b| b == b'\n').filter(|l| !l.is_empty()) {
        if serde_json::from_slice::<serde_json::Value>(line).is_err() {
            return Err(violation("a jsonl line does not parse"));
        }
    }
    out.push(("json", json));
    out.push(("human with context", quoted));
    out.push((
        "claims json",
        report::claims_json(analysis).to_string().into_bytes(),
    ));
    Ok(out)
}

/// Equal when their debug forms are: floats compare as written, so NaN equals NaN here and
/// a NaN is reported by the checks that look for it rather than as a difference.
fn same<T: fmt::Debug>(what: &str, a: &T, b: &T) -> Result<(), Violation> {
    if format!("{a:?}") != format!("{b:?}") {
        return Err(violation(format!("{what} differ between two runs")));
    }
    Ok(())
}

fn violation(message: impl Into<String>) -> Violation {
    Violation(message.into())
}
