//! The JSON report: a stable contract for CI and other tools (see docs/output.md).
//!
//! Fields are only ever added, never renamed or dropped; `version` changes on a breaking change.

use std::io;

use serde::Serialize;
use serde_json::{json, Value};

use super::{Locator, RenderOptions};
use crate::claim::{Claim, Kind};
use crate::interval::{Bound, Interval};
use crate::when::date_of;
use crate::Analysis;

/// The version of the JSON contract.
pub const JSON_VERSION: u32 = 1;

/// An input that could not be read, as listed in the report's `problems` array.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    pub path: String,
    /// `error` or `note`.
    pub severity: &'static str,
    pub message: String,
}

/// Writes the whole report as one pretty-printed JSON document, streaming claims and findings
/// one at a time so that memory stays proportional to the analysis, not to the output.
pub fn write_json(
    out: &mut dyn io::Write,
    analysis: &Analysis,
    options: RenderOptions,
    problems: Option<&[Problem]>,
) -> io::Result<()> {
    let locator = Locator::new(analysis);
    let report = Report::new(analysis, &locator, options, problems);
    serde_json::to_writer_pretty(&mut *out, &report)?;
    writeln!(out)
}

/// The report as a JSON value: `version`, `sources`, `claims`, `findings`, `summary`.
pub fn report_json(analysis: &Analysis, options: RenderOptions) -> Value {
    let locator = Locator::new(analysis);
    serde_json::to_value(Report::new(analysis, &locator, options, None)).unwrap_or(Value::Null)
}

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    sources: Value,
    claims: Streamed<'a>,
    findings: Streamed<'a>,
    summary: Value,
    uncertain: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    agreements: Option<Streamed<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    problems: Option<&'a [Problem]>,
    /// Unused, reasonless or malformed suppressions; present when there is one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notices: Vec<Value>,
}

impl<'a> Report<'a> {
    fn new(
        analysis: &'a Analysis,
        locator: &'a Locator,
        options: RenderOptions,
        problems: Option<&'a [Problem]>,
    ) -> Self {
        let part = |what| Streamed {
            analysis,
            locator,
            what,
        };
        Report {
            version: JSON_VERSION,
            sources: sources_json(analysis),
            claims: part(Part::Claims),
            findings: part(Part::Findings),
            summary: summary_json(analysis),
            uncertain: uncertain_json(analysis, locator),
            agreements: options.show_agreements.then(|| part(Part::Agreements)),
            problems,
            notices: super::notices::notices_json(analysis),
        }
    }
}

#[derive(Clone, Copy)]
enum Part {
    Claims,
    Findings,
    Agreements,
}

/// An array serialized element by element.
struct Streamed<'a> {
    analysis: &'a Analysis,
    locator: &'a Locator,
    what: Part,
}

impl Serialize for Streamed<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (analysis, locator) = (self.analysis, self.locator);
        let claim = |i: usize| claim_json(analysis, locator, &analysis.claims[i]);
        match self.what {
            Part::Claims => {
                serializer.collect_seq(analysis.claims.iter().map(|c| claim_json(analysis, locator, c)))
            }
            Part::Findings => serializer.collect_seq(
                analysis
                    .comparison
                    .findings
                    .iter()
                    .map(|f| finding_json(analysis, locator, f)),
            ),
            Part::Agreements => serializer.collect_seq(analysis.comparison.agreements.iter().map(
                |a| json!({"key": a.key, "claims": a.claims.iter().map(|&i| claim(i)).collect::<Vec<_>>()}),
            )),
        }
    }
}

/// One finding, as in the `findings` array of the report.
pub(crate) fn finding_json(analysis: &Analysis, locator: &Locator, f: &crate::compare::Finding) -> Value {
    let claim = |i: usize| claim_json(analysis, locator, &analysis.claims[i]);
    json!({
        "key": f.key,
        "description": f.description,
        "verdict": f.verdict.as_str(),
        "severity": f.severity.as_str(),
        "message": f.message,
        "sides": f.sides.iter().map(|s| json!({
            "value": value_json(&s.value, s.kind),
            "claims": s.claims.iter().map(|&i| claim(i)).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
    })
}

/// Every claim, as in the `claims` array of the report.
pub fn claims_json(analysis: &Analysis) -> Value {
    let locator = Locator::new(analysis);
    analysis
        .claims
        .iter()
        .map(|c| claim_json(analysis, &locator, c))
        .collect()
}

fn sources_json(analysis: &Analysis) -> Value {
    analysis
        .documents
        .iter()
        .map(|d| {
            json!({
                "path": d.path,
                "outlet": d.outlet,
                "published": d.published.map(|p| p.to_string()),
            })
        })
        .collect()
}

fn summary_json(analysis: &Analysis) -> Value {
    let c = &analysis.comparison;
    let count = |v: crate::compare::Verdict| c.findings.iter().filter(|f| f.verdict == v).count();
    json!({
        "sources": analysis.documents.len(),
        "claims": analysis.claims.len(),
        "keyed_claims": analysis.claims.iter().filter(|c| c.key.is_some()).count(),
        "keys_compared": c.keys_compared,
        "conflicts": count(crate::compare::Verdict::Conflict),
        "discrepancies": count(crate::compare::Verdict::Discrepancy),
        "agreements": c.agreements.len(),
        "uncertain": analysis.claims.iter().filter(|c| c.doubt.is_some()).count(),
    })
}

/// The claims crosscheck could not normalize with confidence, as in the report's `uncertain`
/// array: each with the index of its claim, why, and what it says.
fn uncertain_json(analysis: &Analysis, locator: &Locator) -> Value {
    let items: Vec<Value> = analysis
        .claims
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let doubt = c.doubt?;
            let (line, column) = locator.line_col(analysis, c.source, c.span.start);
            Some(json!({
                "claim": i,
                "doubt": doubt.as_str(),
                "compared": !doubt.keeps_out(),
                "source": analysis.documents[c.source].path,
                "line": line,
                "column": column,
                "text": c.text,
                "message": c.resolution,
            }))
        })
        .collect();
    Value::Array(items)
}

pub(crate) fn claim_json(analysis: &Analysis, locator: &Locator, c: &Claim) -> Value {
    let doc = &analysis.documents[c.source];
    let (line, column) = locator.line_col(analysis, c.source, c.span.start);
    json!({
        "key": c.key,
        "source": doc.path,
        "span": { "start": c.span.start, "end": c.span.end },
        "line": line,
        "column": column,
        "text": c.text,
        "sentence": doc.text.get(c.sentence.clone()).unwrap_or_default(),
        "value": match &c.value {
            Some(v) => value_json(v, c.kind),
            None => json!({ "lo": null, "hi": null, "resolved": false }),
        },
        "kind": c.kind.as_str(),
        "unit": c.unit,
        "qualifier": c.qualifier.as_str(),
        "noun": c.noun,
        "resolution": c.resolution,
        "relation": c.relation,
        "doubt": c.doubt.map(|d| d.as_str()),
    })
}

/// `{"lo", "hi", "lo_inclusive", "hi_inclusive"}`; dates as ISO strings, open ends `null`.
pub(crate) fn value_json(v: &Interval, kind: Kind) -> Value {
    let end = |b: Option<Bound>| match b {
        None => Value::Null,
        Some(b) if kind == Kind::Date => date_of(b.value).map_or(Value::Null, |d| json!(d.to_string())),
        Some(b) if b.value.fract() == 0.0 && b.value.abs() < 9e15 => json!(b.value as i64),
        Some(b) => json!(b.value),
    };
    json!({
        "lo": end(v.lo),
        "hi": end(v.hi),
        "lo_inclusive": v.lo.map(|b| b.inclusive),
        "hi_inclusive": v.hi.map(|b| b.inclusive),
    })
}
