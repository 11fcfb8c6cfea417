//! The JSON report: a stable contract for CI and other tools (see docs/output.md).
//!
//! Fields are only ever added, never renamed or dropped; `version` changes on a breaking change.

use std::io;

use serde::Serialize;
use serde_json::{json, Value};

use super::{Locator, RenderOptions};
use crate::claim::{Claim, Kind, Relation};
use crate::compare::ClaimIds;
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
        match self.what {
            Part::Claims => serializer.collect_seq((0..analysis.kept_claims()).map(|index| ClaimAt {
                analysis,
                locator,
                index,
            })),
            Part::Findings => serializer.collect_seq(
                analysis
                    .comparison
                    .findings
                    .iter()
                    .map(|f| FindingJson::new(analysis, locator, f)),
            ),
            Part::Agreements => {
                serializer.collect_seq(analysis.comparison.agreements.iter().map(|a| AgreementJson {
                    claims: Claims::new(analysis, locator, &a.claims),
                    key: &a.key,
                }))
            }
        }
    }
}

/// One finding, as in the `findings` array of the report.
pub(crate) fn finding_json(analysis: &Analysis, locator: &Locator, f: &crate::compare::Finding) -> Value {
    serde_json::to_value(FindingJson::new(analysis, locator, f)).unwrap_or(Value::Null)
}

/// Writes every claim as the JSON array of the `claims` field of the report, pretty-printed
/// as `facts --format json` prints it, one claim at a time.
pub fn write_claims_json(out: &mut dyn io::Write, analysis: &Analysis) -> io::Result<()> {
    let locator = Locator::new(analysis);
    let claims = Streamed {
        analysis,
        locator: &locator,
        what: Part::Claims,
    };
    serde_json::to_writer_pretty(&mut *out, &claims)?;
    writeln!(out)
}

/// Writes every claim as one JSON object per line.
pub fn write_claims_jsonl(out: &mut dyn io::Write, analysis: &Analysis) -> io::Result<()> {
    let locator = Locator::new(analysis);
    for index in 0..analysis.kept_claims() {
        serde_json::to_writer(
            &mut *out,
            &ClaimAt {
                analysis,
                locator: &locator,
                index,
            },
        )?;
        writeln!(out)?;
    }
    Ok(())
}

// The JSON shapes, serialized as they are written rather than built as `Value` trees first.
// Fields are in alphabetical order, the order in which a `Value` object writes its keys.

#[derive(Serialize)]
struct FindingJson<'a> {
    description: &'a str,
    key: &'a str,
    message: &'a str,
    severity: &'static str,
    sides: Vec<SideJson<'a>>,
    verdict: &'static str,
}

impl<'a> FindingJson<'a> {
    fn new(analysis: &'a Analysis, locator: &'a Locator, f: &'a crate::compare::Finding) -> Self {
        FindingJson {
            description: &f.description,
            key: &f.key,
            message: &f.message,
            severity: f.severity.as_str(),
            sides: f
                .sides
                .iter()
                .map(|s| SideJson {
                    claims: Claims::new(analysis, locator, &s.claims),
                    value: ValueJson::new(&s.value, s.kind),
                })
                .collect(),
            verdict: f.verdict.as_str(),
        }
    }
}

#[derive(Serialize)]
struct SideJson<'a> {
    claims: Claims<'a>,
    value: ValueJson,
}

#[derive(Serialize)]
struct AgreementJson<'a> {
    claims: Claims<'a>,
    key: &'a str,
}

/// Claims named by their indices, serialized one at a time.
struct Claims<'a> {
    analysis: &'a Analysis,
    locator: &'a Locator,
    indices: &'a ClaimIds,
}

impl<'a> Claims<'a> {
    fn new(analysis: &'a Analysis, locator: &'a Locator, indices: &'a ClaimIds) -> Self {
        Claims {
            analysis,
            locator,
            indices,
        }
    }
}

impl Serialize for Claims<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (analysis, locator) = (self.analysis, self.locator);
        serializer.collect_seq(self.indices.iter().map(|index| ClaimAt {
            analysis,
            locator,
            index,
        }))
    }
}

/// The claim of index `index`, serialized as [`ClaimJson`] (read back first when the claims
/// are packed).
struct ClaimAt<'a> {
    analysis: &'a Analysis,
    locator: &'a Locator,
    index: usize,
}

impl Serialize for ClaimAt<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.analysis.claim(self.index) {
            Some(claim) => ClaimJson::new(self.analysis, self.locator, &claim).serialize(serializer),
            None => serializer.serialize_none(),
        }
    }
}

#[derive(Serialize)]
struct ClaimJson<'a> {
    claimant: Option<&'a str>,
    column: usize,
    doubt: Option<&'static str>,
    key: Option<&'a str>,
    kind: &'static str,
    line: usize,
    noun: Option<&'a str>,
    qualifier: &'static str,
    relation: Option<&'a str>,
    resolution: Option<&'a str>,
    sentence: &'a str,
    source: &'a str,
    span: SpanJson,
    text: &'a str,
    unit: Option<&'a str>,
    value: ValueJson,
}

impl<'a> ClaimJson<'a> {
    fn new(analysis: &'a Analysis, locator: &Locator, c: &'a Claim) -> Self {
        let doc = &analysis.documents[c.source];
        let (line, column) = locator.line_col(analysis, c.source, c.span.start);
        ClaimJson {
            claimant: c.claimant.as_deref(),
            column,
            doubt: c.doubt.map(|d| d.as_str()),
            key: c.key.as_deref(),
            kind: c.kind.as_str(),
            line,
            noun: c.noun.as_deref(),
            qualifier: c.qualifier.as_str(),
            relation: c.relation.map(Relation::as_str),
            resolution: c.resolution.as_deref(),
            sentence: doc.text.get(c.sentence.clone()).unwrap_or_default(),
            source: &doc.path,
            span: SpanJson {
                end: c.span.end,
                start: c.span.start,
            },
            text: &c.text,
            unit: c.unit,
            value: match &c.value {
                Some(v) => ValueJson::new(v, c.kind),
                None => ValueJson::Unresolved {
                    hi: None,
                    lo: None,
                    resolved: false,
                },
            },
        }
    }
}

#[derive(Serialize)]
struct SpanJson {
    end: usize,
    start: usize,
}

#[derive(Serialize)]
#[serde(untagged)]
enum ValueJson {
    Interval {
        hi: End,
        hi_inclusive: Option<bool>,
        lo: End,
        lo_inclusive: Option<bool>,
    },
    Unresolved {
        hi: Option<()>,
        lo: Option<()>,
        resolved: bool,
    },
}

impl ValueJson {
    fn new(v: &Interval, kind: Kind) -> Self {
        ValueJson::Interval {
            hi: End::new(v.hi, kind),
            hi_inclusive: v.hi.map(|b| b.inclusive),
            lo: End::new(v.lo, kind),
            lo_inclusive: v.lo.map(|b| b.inclusive),
        }
    }
}

/// One end of an interval: dates as ISO strings, whole numbers without a decimal point,
/// open ends `null`.
#[derive(Serialize)]
#[serde(untagged)]
enum End {
    Open(Option<()>),
    Date(String),
    Whole(i64),
    Real(f64),
}

impl End {
    fn new(b: Option<Bound>, kind: Kind) -> Self {
        match b {
            None => End::Open(None),
            Some(b) if kind == Kind::Date => {
                date_of(b.value).map_or(End::Open(None), |d| End::Date(d.to_string()))
            }
            Some(b) if b.value.fract() == 0.0 && b.value.abs() < 9e15 => End::Whole(b.value as i64),
            Some(b) => End::Real(b.value),
        }
    }
}

/// Every claim, as in the `claims` array of the report.
pub fn claims_json(analysis: &Analysis) -> Value {
    let locator = Locator::new(analysis);
    (0..analysis.kept_claims())
        .filter_map(|i| analysis.claim(i))
        .map(|c| claim_json(analysis, &locator, &c))
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
                "published_from": d.published_from.map(|f| f.as_str()),
            })
        })
        .collect()
}

fn summary_json(analysis: &Analysis) -> Value {
    let c = &analysis.comparison;
    let count = |v: crate::compare::Verdict| c.findings.iter().filter(|f| f.verdict == v).count();
    json!({
        "sources": analysis.documents.len(),
        "claims": analysis.claim_count(),
        "keyed_claims": analysis.keyed_claims(),
        "keys_compared": c.keys_compared,
        "conflicts": count(crate::compare::Verdict::Conflict),
        "discrepancies": count(crate::compare::Verdict::Discrepancy),
        "agreements": c.agreements.len(),
        "uncertain": analysis.doubtful_claims().count(),
    })
}

/// The claims crosscheck could not normalize with confidence, as in the report's `uncertain`
/// array: each with the index of its claim, why, and what it says.
fn uncertain_json(analysis: &Analysis, locator: &Locator) -> Value {
    let items: Vec<Value> = (0..analysis.kept_claims())
        .filter_map(|i| Some((i, analysis.claim(i)?)))
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
                "text": &*c.text,
                "message": c.resolution.as_deref(),
            }))
        })
        .collect();
    Value::Array(items)
}

pub(crate) fn claim_json(analysis: &Analysis, locator: &Locator, c: &Claim) -> Value {
    serde_json::to_value(ClaimJson::new(analysis, locator, c)).unwrap_or(Value::Null)
}

/// `{"lo", "hi", "lo_inclusive", "hi_inclusive"}`; dates as ISO strings, open ends `null`.
pub(crate) fn value_json(v: &Interval, kind: Kind) -> Value {
    serde_json::to_value(ValueJson::new(v, kind)).unwrap_or(Value::Null)
}
