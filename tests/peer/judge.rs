//! Judges crosscheck's normalizer against the external peer suites in `../shared/peer-suites`
//! (quantulum3 and Microsoft Recognizers-Text test data converted to JSON Lines).
//!
//! Shared by `examples/peer_suites.rs` (the report) and `tests/peer_floors.rs` (the floor
//! check); both include this file with `#[path]`. The judging rules are documented in
//! `docs/accuracy.md`; in short:
//!
//! * every in-scope expected item must be matched by its own claim whose byte span overlaps the
//!   expected surface, whose kind is one the item accepts, whose unit matches (money) and whose
//!   value matches (figures within 1e-9 relative, 1e-6 after a unit conversion; ranges with
//!   their open and closed ends; dates as day ranges);
//! * where crosscheck writes the same quantity another way (a closed range, a proportion in
//!   percent, an age in seconds), a documented [`Rule`] lets the claim match; the cases each
//!   rule decides are counted apart from the strict passes;
//! * `expected: []` means the text must yield no claim of the kinds the suite is about;
//! * items crosscheck has no kind for (weights, temperatures, times of day, ...) are out of
//!   scope; a case with no in-scope item left is skipped and counted by reason.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use crosscheck::claim::{Claim, Kind, Relation};
use crosscheck::interval::{Bound, Interval};
use serde_json::Value;

/// Relative tolerance for figures: the Recognizers specs print 15 significant digits.
pub const TOLERANCE: f64 = 1e-9;
/// Relative tolerance for figures converted to a canonical unit (`3 miles` to km, `50 cents`
/// to USD): conversion constants are written to different precision in the two programs
/// (crosscheck's acre is 0.004046856 km², the exact one 0.0040468564224).
pub const CONVERTED_TOLERANCE: f64 = 1e-6;

/// The suite files, in report order.
pub const FILES: [&str; 7] = [
    "quantulum3-en.jsonl",
    "recognizers-number-en.jsonl",
    "recognizers-numberrange-en.jsonl",
    "recognizers-percent-en.jsonl",
    "recognizers-currency-en.jsonl",
    "recognizers-dimension-en.jsonl",
    "recognizers-datetime-en.jsonl",
];

/// Where the suites are: `$CROSSCHECK_PEER_SUITES`, else `../shared/peer-suites` beside the crate.
pub fn suites_dir() -> PathBuf {
    match std::env::var_os("CROSSCHECK_PEER_SUITES") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir),
        _ => Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/peer-suites"),
    }
}

/// Failure class of a case that would pass if the spec's half-open ranges `[a, b)` were read
/// as closed `[a, b]`.
pub const CONVENTION: &str = "closed where spec is half-open [a,b)";

/// Which suite a file holds; decides how its expected items are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suite {
    Quantulum,
    Number,
    NumberRange,
    Percent,
    Currency,
    Dimension,
    DateTime,
}

impl Suite {
    pub fn of_file(name: &str) -> Option<Suite> {
        let name = Path::new(name).file_name()?.to_str()?;
        Some(match name {
            n if n.starts_with("quantulum3") => Suite::Quantulum,
            n if n.starts_with("recognizers-numberrange") => Suite::NumberRange,
            n if n.starts_with("recognizers-number") => Suite::Number,
            n if n.starts_with("recognizers-percent") => Suite::Percent,
            n if n.starts_with("recognizers-currency") => Suite::Currency,
            n if n.starts_with("recognizers-dimension") => Suite::Dimension,
            n if n.starts_with("recognizers-datetime") => Suite::DateTime,
            _ => return None,
        })
    }

    /// The claim kinds that an `expected: []` case forbids.
    pub fn relevant_kinds(self) -> &'static [Kind] {
        match self {
            Suite::Quantulum => &Kind::ALL,
            Suite::Number => NUMBER_KINDS,
            Suite::NumberRange => &[Kind::Count],
            Suite::Percent => &[Kind::Percent],
            Suite::Currency => &[Kind::Money],
            Suite::Dimension => &[Kind::Distance, Kind::Area, Kind::Speed],
            Suite::DateTime => DATE_KINDS,
        }
    }
}

/// A plain number may be read as a count, a year, or the figure of a money or percent claim
/// (`$20` states the number 20).
const NUMBER_KINDS: &[Kind] = &[Kind::Count, Kind::Year, Kind::Money, Kind::Percent];
/// A dimensionless quantulum3 figure: a count or a year (`1979`).
const COUNT_KINDS: &[Kind] = &[Kind::Count, Kind::Year];
const DATE_KINDS: &[Kind] = &[Kind::Date, Kind::Year];

/// One failed case, ready to print.
#[derive(Debug, Clone)]
pub struct Failure {
    pub text: String,
    pub expected: String,
    pub got: String,
    /// Coarse failure class of the first unmatched item, e.g. `missed`, `wrong value`.
    pub class: String,
}

/// A documented judging rule under which a claim matches an item although crosscheck writes the
/// same quantity another way than the spec (`docs/accuracy.md`, "How a case is judged"). A case
/// passes strictly when it needs none; the report counts the cases each rule decides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rule {
    /// A two-ended range whose text names both of its ends (`between 20 and 30`, `1000-5000`,
    /// `from March 3 to March 7`) is matched read as closed where the spec writes `[a, b)`.
    ClosedRange,
    /// A proportion that crosscheck keeps as a percentage without a percent sign or word (`two
    /// thirds` = 66.67 %, `one in five` = 20 %) is the fraction the spec writes (0.6667, 0.2).
    Proportion,
    /// An age (`thirty years old`, `aged 31`: a duration with relation `age`) is its count of
    /// years, as the number specs write it.
    Age,
    /// A range led by a qualifier that the spec leaves out of its surface (`about 20~100`,
    /// surface `20~100`) is compared by the ends it states, as figures are.
    UnreadQualifier,
}

impl Rule {
    pub const ALL: [Rule; 4] = [
        Rule::ClosedRange,
        Rule::Proportion,
        Rule::Age,
        Rule::UnreadQualifier,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Rule::ClosedRange => "closed range naming both ends",
            Rule::Proportion => "proportion as a fraction",
            Rule::Age => "age as a count of years",
            Rule::UnreadQualifier => "stated range beside an unread qualifier",
        }
    }

    /// Whether the rule is in force for `suite`.
    fn applies(self, suite: Suite) -> bool {
        match self {
            Rule::ClosedRange => matches!(suite, Suite::NumberRange | Suite::DateTime),
            Rule::Proportion => matches!(suite, Suite::Number | Suite::NumberRange | Suite::Quantulum),
            Rule::Age => matches!(suite, Suite::Number | Suite::NumberRange),
            Rule::UnreadQualifier => suite == Suite::NumberRange,
        }
    }
}

/// The outcome of one case.
#[derive(Debug, Clone)]
pub enum Verdict {
    /// Passed, with the judging rules it needed (none: a strict pass).
    Pass(Vec<Rule>),
    Fail(Failure),
    /// Out of scope, with the reason.
    Skip(String),
}

/// The outcome of one file.
#[derive(Debug, Clone, Default)]
pub struct FileResult {
    pub file: String,
    pub passed: usize,
    /// In-scope cases (passed + failed).
    pub total: usize,
    pub skipped: BTreeMap<String, usize>,
    pub failures: Vec<Failure>,
    /// Passed cases that needed judging rules, by the rules' names joined with ` + `.
    pub by_rules: BTreeMap<String, usize>,
    /// Passed and in-scope cases per source file of the suite (`origin`, last path part):
    /// quantulum3's main and ambiguity files are reported apart.
    pub by_origin: BTreeMap<String, (usize, usize)>,
}

impl FileResult {
    pub fn rate(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.passed as f64 / self.total as f64
        }
    }

    /// Cases that pass without any judging rule.
    pub fn strict(&self) -> usize {
        self.passed - self.by_rules.values().sum::<usize>()
    }

    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }

    /// Failure counts by coarse class, most frequent first.
    pub fn classes(&self) -> Vec<(String, usize)> {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for f in &self.failures {
            *counts.entry(f.class.as_str()).or_default() += 1;
        }
        let mut v: Vec<(String, usize)> = counts.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        v
    }
}

/// Runs every case of one suite file.
pub fn run_file(path: &Path) -> Result<FileResult, String> {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default()
        .to_string();
    let suite = Suite::of_file(&name).ok_or_else(|| format!("{}: not a known peer suite", path.display()))?;
    let data = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let mut result = FileResult {
        file: name,
        ..FileResult::default()
    };
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: Value =
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), n + 1))?;
        let origin = case["origin"]
            .as_str()
            .and_then(|o| o.rsplit('/').next())
            .unwrap_or_default()
            .to_string();
        match judge_case(suite, &case) {
            Verdict::Pass(rules) => {
                if !rules.is_empty() {
                    let names: Vec<&str> = rules.iter().map(|r| r.name()).collect();
                    *result.by_rules.entry(names.join(" + ")).or_default() += 1;
                }
                result.passed += 1;
                result.total += 1;
                let o = result.by_origin.entry(origin).or_default();
                o.0 += 1;
                o.1 += 1;
            }
            Verdict::Fail(f) => {
                result.total += 1;
                result.failures.push(f);
                result.by_origin.entry(origin).or_default().1 += 1;
            }
            Verdict::Skip(reason) => *result.skipped.entry(reason).or_default() += 1,
        }
    }
    Ok(result)
}

/// What an expected item wants the claim's value to be.
#[derive(Debug, Clone)]
enum Want {
    /// The figure as stated (`Claim::stated`), before qualifiers widen it: `[lo, hi]` in the
    /// kind's canonical unit (a point when equal).
    Figure(f64, f64),
    /// The claim's value interval, ends and their openness included.
    Interval(Interval),
    /// Day ranges (inclusive day numbers, `None` unbounded), any of which may match: the specs
    /// give every reading of an ambiguous date (`Friday`: last or next one).
    Days(Vec<DayRange>),
}

type DayRange = (Option<i64>, Option<i64>);

/// One in-scope expected item: where it is and what it wants.
#[derive(Debug, Clone)]
struct Target {
    bytes: Range<usize>,
    surface: String,
    spec: Spec,
}

/// What an expected item accepts: claim kinds, the unit (money and percent), the value and the
/// relative tolerance for figures.
#[derive(Debug, Clone)]
struct Spec {
    kinds: &'static [Kind],
    unit: Option<String>,
    want: Want,
    tolerance: f64,
    /// What the item would want if the spec's half-open range `[a, b)` were read as `[a, b]`
    /// (`between 20 and 30`, `2014-2018`): used to class the failure.
    closed_reading: Option<Want>,
    /// Whether the text names both ends of that range, so that [`Rule::ClosedRange`] accepts
    /// the closed reading.
    names_both_ends: bool,
}

impl Spec {
    fn new(kinds: &'static [Kind], want: Want) -> Spec {
        Spec {
            kinds,
            unit: None,
            want,
            tolerance: TOLERANCE,
            closed_reading: None,
            names_both_ends: false,
        }
    }

    fn unit(mut self, unit: &str) -> Spec {
        self.unit = Some(unit.to_string());
        self
    }

    /// Marks a figure converted by `factor`: compared with the looser tolerance.
    fn converted(mut self, factor: f64) -> Spec {
        if factor != 1.0 {
            self.tolerance = CONVERTED_TOLERANCE;
        }
        self
    }
}

/// Judges one case of a suite.
pub fn judge_case(suite: Suite, case: &Value) -> Verdict {
    let text = case["text"].as_str().unwrap_or_default();
    let empty = Vec::new();
    let expected = case["expected"].as_array().unwrap_or(&empty);

    if suite == Suite::DateTime {
        let mut other: Vec<&str> = expected
            .iter()
            .filter_map(|e| e["type"].as_str())
            .map(|t| t.trim_start_matches("datetimeV2."))
            .filter(|t| !matches!(*t, "date" | "daterange"))
            .collect();
        other.sort_unstable();
        other.dedup();
        if !other.is_empty() {
            return Verdict::Skip(format!("expects {}", other.join("+")));
        }
    }

    let mut targets = Vec::new();
    let mut reasons = Vec::new();
    let mut cursor = 0;
    for item in expected {
        let Some(bytes) = locate(text, item, &mut cursor) else {
            reasons.push("surface not found in text".to_string());
            continue;
        };
        match target(suite, item) {
            Ok(spec) => targets.push(Target {
                surface: text[bytes.clone()].to_string(),
                bytes,
                spec,
            }),
            Err(reason) => reasons.push(reason),
        }
    }
    if !expected.is_empty() && targets.is_empty() {
        return Verdict::Skip(reasons.into_iter().next().unwrap_or_default());
    }

    let published = case["reference_datetime"]
        .as_str()
        .and_then(|s| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok());
    // One sentence covering the whole text: the suites' cases are single sentences or
    // fragments, and the segmenter is not what is being measured.
    let whole = 0..text.len();
    let raw = crosscheck::extract::extract(text, std::slice::from_ref(&whole), 0, published);
    let rules: Vec<Rule> = Rule::ALL.into_iter().filter(|r| r.applies(suite)).collect();
    // The claims as every rule in force reads them: what failures are classed and described on.
    let claims = read_under(&raw, &rules);

    if targets.is_empty() {
        let relevant: Vec<&Claim> = claims
            .iter()
            .filter(|c| suite.relevant_kinds().contains(&c.kind))
            .collect();
        return match relevant.first() {
            None => Verdict::Pass(Vec::new()),
            Some(first) => Verdict::Fail(Failure {
                text: text.to_string(),
                expected: "nothing".to_string(),
                got: describe_claims(&claims),
                class: format!("spurious {}", first.kind.as_str()),
            }),
        };
    }

    // Strictly first, then under the fewest judging rules that let every item match.
    let mut subsets: Vec<Vec<Rule>> = (0u32..1 << rules.len())
        .map(|mask| {
            (0..rules.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| rules[i])
                .collect()
        })
        .collect();
    subsets.sort_by_key(Vec::len);
    for subset in &subsets {
        let read = read_under(&raw, subset);
        if match_targets(&targets, &read, subset).1.is_empty() {
            return Verdict::Pass(subset.clone());
        }
    }

    let (used, unmatched) = match_targets(&targets, &claims, &rules);
    let Some(first) = unmatched.first() else {
        return Verdict::Pass(rules);
    };
    // Every miss explained by the half-open range convention: one class of its own.
    let convention = unmatched.iter().all(|t| {
        t.spec.closed_reading.as_ref().is_some_and(|want| {
            claims.iter().zip(&used).any(|(c, u)| {
                !*u && overlaps(&c.span, &t.bytes)
                    && t.spec.kinds.contains(&c.kind)
                    && want_ok(want, t.spec.tolerance, c)
            })
        })
    });
    Verdict::Fail(Failure {
        text: text.to_string(),
        expected: targets.iter().map(describe_target).collect::<Vec<_>>().join("; "),
        got: describe_claims(&claims),
        class: if convention {
            CONVENTION.to_string()
        } else {
            classify(first, &claims, &used)
        },
    })
}

/// The claims as the judging rules `rules` read them: proportions as fractions, ages as
/// counts of years.
fn read_under(claims: &[Claim], rules: &[Rule]) -> Vec<Claim> {
    let mut claims = claims.to_vec();
    if rules.contains(&Rule::Proportion) {
        claims.iter_mut().for_each(proportion_as_fraction);
    }
    if rules.contains(&Rule::Age) {
        claims.iter_mut().for_each(age_as_years);
    }
    claims
}

/// Matches each expected item to the first free claim that satisfies it, left to right, under
/// the judging rules `rules`: which claims were taken, and the items left unmatched.
fn match_targets<'t>(
    targets: &'t [Target],
    claims: &[Claim],
    rules: &[Rule],
) -> (Vec<bool>, Vec<&'t Target>) {
    let mut used = vec![false; claims.len()];
    let mut unmatched = Vec::new();
    for t in targets {
        let found = claims
            .iter()
            .enumerate()
            .find(|(i, c)| !used[*i] && overlaps(&c.span, &t.bytes) && accepts_under(t, c, rules));
        match found {
            Some((i, _)) => used[i] = true,
            None => unmatched.push(t),
        }
    }
    (used, unmatched)
}

/// Whether claim `c` satisfies target `t` under the judging rules `rules` (the span is
/// checked apart).
fn accepts_under(t: &Target, c: &Claim, rules: &[Rule]) -> bool {
    let spec = &t.spec;
    let closed = rules.contains(&Rule::ClosedRange) && spec.names_both_ends;
    let fits = |c: &Claim| {
        accepts(spec, c)
            || closed
                && spec.kinds.contains(&c.kind)
                && unit_ok(spec, c)
                && spec
                    .closed_reading
                    .as_ref()
                    .is_some_and(|want| want_ok(want, spec.tolerance, c))
    };
    if fits(c) {
        return true;
    }
    // `about 20~100` where the spec's surface is `20~100`: the spec did not read the
    // qualifier, so the claim is compared by the range it states.
    let unread = rules.contains(&Rule::UnreadQualifier)
        && matches!(spec.want, Want::Interval(_))
        && c.span.start < t.bytes.start;
    match (unread, c.stated) {
        (true, Some((lo, hi))) if lo < hi => {
            let mut stated = c.clone();
            stated.value = Some(Interval::closed(lo, hi));
            fits(&stated)
        }
        _ => false,
    }
}

/// An age (`thirty years old`, `a 14-year-old jet`: a duration with relation `age`) is a
/// count of years in the number specs: its value in seconds is divided by crosscheck's
/// 365.25-day year.
fn age_as_years(c: &mut Claim) {
    const YEAR: f64 = 31_557_600.0;
    if c.kind != Kind::Duration || c.relation != Some(Relation::Age) {
        return;
    }
    as_count_divided_by(c, YEAR);
}

/// Reads a claim as a plain count of its value divided by `divisor`.
fn as_count_divided_by(c: &mut Claim, divisor: f64) {
    c.kind = Kind::Count;
    c.unit = None;
    c.value = c.value.map(|v| v.scaled(1.0 / divisor));
    c.stated = c.stated.map(|(a, b)| (a / divisor, b / divisor));
}

/// A proportion (`one in five`, `five eighths of`, `more than 1/2 of`) is a fraction that
/// crosscheck keeps in percent (20 %) and the number specs write as the number (0.2): a
/// percent claim whose text has no percent sign or word is compared as a count of its value
/// divided by 100. `20 %` and `20 percent` stay percentages.
fn proportion_as_fraction(c: &mut Claim) {
    let text = c.text.to_lowercase();
    let marked = ["%", "percent", "per cent", "pct", "percentage"]
        .iter()
        .any(|m| text.contains(m));
    if c.kind != Kind::Percent || marked {
        return;
    }
    as_count_divided_by(c, 100.0);
}

/// The byte range of an expected item's surface. Recognizers items give character offsets with
/// an inclusive end; quantulum3 items give only the surface, found left to right.
pub fn locate(text: &str, item: &Value, cursor: &mut usize) -> Option<Range<usize>> {
    let surface = item["surface"].as_str().unwrap_or_default();
    if let (Some(start), Some(end)) = (item["start"].as_u64(), item["end"].as_u64()) {
        let byte_of = |chars: usize| text.char_indices().nth(chars).map_or(text.len(), |(b, _)| b);
        let range = byte_of(start as usize)..byte_of(end as usize + 1);
        if text
            .get(range.clone())
            .is_some_and(|s| s.to_lowercase() == surface.to_lowercase())
        {
            return Some(range);
        }
    }
    if surface.is_empty() {
        return None;
    }
    let from = text
        .get(*cursor..)
        .and_then(|rest| rest.find(surface))
        .map(|i| i + *cursor);
    let at = from.or_else(|| text.find(surface))?;
    *cursor = at + surface.len();
    Some(at..at + surface.len())
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Reads one expected item into the kinds it accepts, the unit it needs and the value it
/// wants; `Err` is the reason it is out of scope.
fn target(suite: Suite, item: &Value) -> Result<Spec, String> {
    match suite {
        Suite::Quantulum => quantulum_target(item),
        Suite::Number => {
            let v = number(&item["value"]).ok_or("number without a value")?;
            Ok(Spec::new(NUMBER_KINDS, Want::Figure(v, v)))
        }
        Suite::NumberRange => {
            let range = item["range"].as_str().ok_or("numberrange without a range")?;
            let interval = parse_range(range).ok_or_else(|| format!("unreadable range {range}"))?;
            // A rank is a number too: `between the tenth and the fifteenth` (an ordinal claim).
            let mut spec = Spec::new(&[Kind::Count, Kind::Ordinal], Want::Interval(interval));
            if let (Some(lo), Some(hi)) = (interval.lo, interval.hi) {
                if !hi.inclusive && lo.value < hi.value {
                    let closed = Interval {
                        lo: Some(lo),
                        hi: Some(Bound {
                            value: hi.value,
                            inclusive: true,
                        }),
                    };
                    spec.closed_reading = Some(Want::Interval(closed));
                    // `[a, b)` for `between 20 and 30`, `1000-5000`, `20 through 100`.
                    let surface = item["surface"].as_str().unwrap_or_default();
                    spec.names_both_ends = lo.inclusive && names_both_ends(surface);
                }
            }
            Ok(spec)
        }
        Suite::Percent => {
            let v = number(&item["value"]).ok_or("percent word without a figure (value null)")?;
            Ok(Spec::new(&[Kind::Percent], Want::Figure(v, v)).unit("%"))
        }
        Suite::Currency => {
            let Some(v) = number(&item["value"]) else {
                return Err("currency name without a figure (value null)".to_string());
            };
            let unit = item["unit"].as_str().unwrap_or_default();
            let (code, factor) = currency(unit, item["isoCurrency"].as_str());
            let v = v * factor;
            Ok(Spec::new(&[Kind::Money], Want::Figure(v, v))
                .unit(&code)
                .converted(factor))
        }
        Suite::Dimension => {
            let subtype = item["subtype"].as_str().unwrap_or_default();
            let unit = item["unit"].as_str().unwrap_or_default();
            let kinds: &'static [Kind] = match subtype {
                "Length" => &[Kind::Distance],
                "Area" => &[Kind::Area],
                "Speed" => &[Kind::Speed],
                other => return Err(format!("dimension subtype {other} (no crosscheck kind)")),
            };
            let v = number(&item["value"]).ok_or("dimension without a value")?;
            // A unit the harness cannot convert wants NaN, which nothing matches.
            let factor = dimension_factor(unit).unwrap_or(f64::NAN);
            let v = v * factor;
            Ok(Spec::new(kinds, Want::Figure(v, v)).converted(factor))
        }
        Suite::DateTime => date_target(item),
    }
}

/// A number as the specs write it: `"10000"`, `"1E-12"`, `"98%"`, or a JSON number.
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().trim_end_matches('%').trim().parse().ok(),
        _ => None,
    }
}

/// Interval notation as the NumberRange spec writes it: `(20,35]`, `[194,)`, `(,12)`.
fn parse_range(s: &str) -> Option<Interval> {
    let s = s.trim();
    let lo_inclusive = match s.chars().next()? {
        '[' => true,
        '(' => false,
        _ => return None,
    };
    let hi_inclusive = match s.chars().last()? {
        ']' => true,
        ')' => false,
        _ => return None,
    };
    let (lo, hi) = s.get(1..s.len() - 1)?.split_once(',')?;
    let bound = |t: &str, inclusive: bool| -> Option<Option<Bound>> {
        let t = t.trim();
        if t.is_empty() {
            return Some(None);
        }
        Some(Some(Bound {
            value: t.parse().ok()?,
            inclusive,
        }))
    };
    Some(Interval {
        lo: bound(lo, lo_inclusive)?,
        hi: bound(hi, hi_inclusive)?,
    })
}

/// The ISO code and the factor to its main unit of a Recognizers currency; unknown names give
/// a code crosscheck never produces, so they fail.
fn currency(unit: &str, iso: Option<&str>) -> (String, f64) {
    let (code, factor) = match unit {
        "Dollar" => ("USD", 1.0),
        "Euro" => ("EUR", 1.0),
        "Pound" | "British pound" => ("GBP", 1.0),
        "Cent" => ("USD", 0.01),
        "Pence" | "Penny" => ("GBP", 0.01),
        "Rupee" => ("INR", 1.0),
        "Franc" => ("FRF", 1.0),
        "Peseta" => ("ESP", 1.0),
        "Netherlands guilder" => ("NLG", 1.0),
        "Finnish markka" => ("FIM", 1.0),
        "Bitcoin" => ("XBT", 1.0),
        "Satoshi" => ("XBT", 1e-8),
        _ => match iso {
            Some(code) if !code.is_empty() => return (code.to_string(), 1.0),
            _ => return (format!("unknown currency {unit}"), 1.0),
        },
    };
    (code.to_string(), factor)
}

/// Factor from a Recognizers length, area or speed unit to km, km² or km/h.
fn dimension_factor(unit: &str) -> Option<f64> {
    Some(match unit {
        "Kilometer" => 1.0,
        "Meter" => 0.001,
        "Decimeter" => 1e-4,
        "Centimeter" => 1e-5,
        "Millimeter" => 1e-6,
        "Micrometer" => 1e-9,
        "Nanometer" => 1e-12,
        "Picometer" => 1e-15,
        "Mile" => 1.609_344,
        "Yard" => 0.000_914_4,
        "Foot" => 0.000_304_8,
        "Inch" => 0.000_025_4,
        "Nautical mile" => 1.852,
        "Square kilometer" => 1.0,
        "Square meter" => 1e-6,
        "Square foot" => 9.290_304e-8,
        "Square mile" => 2.589_988_110_336,
        "Acre" => 0.004_046_856_422_4,
        "Hectare" => 0.01,
        "Kilometer per hour" => 1.0,
        "Mile per hour" => 1.609_344,
        "Meter per second" => 3.6,
        "Knot" => 1.852,
        "Meter per millisecond" => 3_600.0,
        "Centimeter per millisecond" => 36.0,
        "Kilometer per millisecond" => 3_600_000.0,
        _ => return None,
    })
}

/// A quantulum3 item: its unit decides the kind; `value ± uncertainty` is a range.
fn quantulum_target(item: &Value) -> Result<Spec, String> {
    let unit = item["unit"].as_str().unwrap_or_default();
    let v = number(&item["value"]).ok_or("quantity without a value")?;
    let u = number(&item["uncertainty"]).unwrap_or(0.0);
    let (kinds, code, factor): (&'static [Kind], Option<&str>, f64) = match unit {
        "dimensionless" => (COUNT_KINDS, None, 1.0),
        "square kilometre" => (&[Kind::Area], None, 1.0),
        "square mile" => (&[Kind::Area], None, 2.589_988_110_336),
        "dozen" => (COUNT_KINDS, None, 12.0),
        "baker's dozen" => (COUNT_KINDS, None, 13.0),
        "gross" => (COUNT_KINDS, None, 144.0),
        "percentage" => (&[Kind::Percent], Some("%"), 1.0),
        "kilometre" => (&[Kind::Distance], None, 1.0),
        "metre" => (&[Kind::Distance], None, 1e-3),
        "mile" => (&[Kind::Distance], None, 1.609_344),
        "inch" => (&[Kind::Distance], None, 2.54e-5),
        "nanometre" => (&[Kind::Distance], None, 1e-12),
        "picometre" => (&[Kind::Distance], None, 1e-15),
        "attometre" => (&[Kind::Distance], None, 1e-21),
        "kilometre per hour" => (&[Kind::Speed], None, 1.0),
        "second" => (&[Kind::Duration], None, 1.0),
        "minute" => (&[Kind::Duration], None, 60.0),
        "hour" => (&[Kind::Duration], None, 3_600.0),
        "day" => (&[Kind::Duration], None, 86_400.0),
        "week" => (&[Kind::Duration], None, 604_800.0),
        "month" => (&[Kind::Duration], None, 2_629_800.0),
        "year" => (&[Kind::Duration], None, 31_557_600.0),
        "megayear" => (&[Kind::Duration], None, 31_557_600.0 * 1e6),
        "gigayear" => (&[Kind::Duration], None, 31_557_600.0 * 1e9),
        "dollar" => (&[Kind::Money], Some("USD"), 1.0),
        "cent" | "penny" => (&[Kind::Money], Some("USD"), 0.01),
        "dime" => (&[Kind::Money], Some("USD"), 0.1),
        "euro" => (&[Kind::Money], Some("EUR"), 1.0),
        "pound sterling" => (&[Kind::Money], Some("GBP"), 1.0),
        other => return Err(format!("unit `{other}` (no crosscheck kind)")),
    };
    let (lo, hi) = ((v - u) * factor, (v + u) * factor);
    let spec = Spec::new(kinds, Want::Figure(lo, hi)).converted(factor);
    Ok(match code {
        Some(code) => spec.unit(code),
        None => spec,
    })
}

/// A Recognizers date or date range: every resolution it lists, as day ranges.
fn date_target(item: &Value) -> Result<Spec, String> {
    let empty = Vec::new();
    let values = item["values"].as_array().unwrap_or(&empty);
    let day = |v: &Value| {
        v.as_str()
            .and_then(|s| NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok())
            .map(|d| i64::from(d.num_days_from_ce()))
    };
    let mut ranges = Vec::new();
    let mut closed: Vec<DayRange> = Vec::new();
    for v in values {
        if let Some(d) = day(&v["value"]) {
            ranges.push((Some(d), Some(d)));
            continue;
        }
        let (start, end) = (day(&v["start"]), day(&v["end"]));
        if start.is_none() && end.is_none() {
            continue;
        }
        // Recognizers range ends are exclusive.
        ranges.push((start, end.map(|e| e - 1)));
        // An explicit two-ended range (`(2014-01-01,2018-01-01,P4Y)` for `2014-2018`) ends
        // where its last named period starts; the closed reading runs to the end of that day,
        // month or year.
        let explicit = v["timex"].as_str().is_some_and(|t| t.starts_with('('));
        if let (true, Some(start), Some(end)) = (explicit, start, end) {
            closed.extend(period_ends(end).into_iter().map(|e| (Some(start), Some(e))));
        }
    }
    if ranges.is_empty() {
        return Err("date left unresolved by the spec".to_string());
    }
    // A range whose text names both of its ends (`from March 3 to March 7`, `2014-2018`,
    // `between August and October`) includes the last one it names, whatever the spec's
    // half-open notation: news means `from May to October` to take in October. Other explicit
    // ranges (`the last 3 months`, `2019 q1`) name one period and keep the spec's end.
    let surface = item["surface"].as_str().unwrap_or_default();
    let mut spec = Spec::new(DATE_KINDS, Want::Days(ranges));
    if !closed.is_empty() {
        spec.closed_reading = Some(Want::Days(closed));
        spec.names_both_ends = names_both_ends(surface);
    }
    Ok(spec)
}

/// Whether a date range's surface names both of its ends: a joining word (`to`, `till`,
/// `until`, `through`, `thru`, `between ... and`) or a dash or tilde between two dates
/// (`2014-2018`, `Jan-Feb`, `2014~2018`), but not the hyphen of a period code (`2019-q1`,
/// `q1-2019`) or of a single date (`2019-08-01`).
pub fn names_both_ends(surface: &str) -> bool {
    let lower = surface.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if words
        .iter()
        .any(|w| matches!(*w, "to" | "till" | "until" | "through" | "thru"))
        || (words.first() == Some(&"between") && words.contains(&"and"))
    {
        return true;
    }
    let code = |w: &str| {
        let b = w.as_bytes();
        b.len() == 2 && matches!(b[0], b'q' | b'h') && b[1].is_ascii_digit()
    };
    // The pieces a dash or tilde separates: a range when there are two, or two dates of three
    // numeric parts each (`10-1-2018-10-7-2018`).
    let pieces: Vec<&str> = lower.split(['-', '~', '–']).map(str::trim).collect();
    if pieces.len() < 2
        || pieces
            .iter()
            .any(|p| p.is_empty() || code(p) || code(p.rsplit(' ').next().unwrap_or(p)))
    {
        return false;
    }
    let numeric = pieces.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    !numeric || pieces.len() == 2 || pieces.len() == 6
}

/// The last days of the day, month, quarter, half-year and year that start on day number
/// `first` (only those it starts).
fn period_ends(first: i64) -> Vec<i64> {
    let mut ends = vec![first];
    let Some(date) = i32::try_from(first)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
    else {
        return ends;
    };
    let day = |d: NaiveDate| i64::from(d.num_days_from_ce());
    if date.day() == 1 {
        let next = if date.month() == 12 {
            NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(date.year(), date.month() + 1, 1)
        };
        if let Some(next) = next {
            ends.push(day(next) - 1);
        }
        // A quarter (`to 2018-q1`) or a half-year (`to 2019 h2`).
        for months in [3, 6] {
            if date.month0() % months == 0 {
                let total = date.year() * 12 + (date.month0() + months) as i32;
                if let Some(next) =
                    NaiveDate::from_ymd_opt(total.div_euclid(12), total.rem_euclid(12) as u32 + 1, 1)
                {
                    ends.push(day(next) - 1);
                }
            }
        }
        if date.month() == 1 {
            if let Some(next) = NaiveDate::from_ymd_opt(date.year() + 1, 1, 1) {
                ends.push(day(next) - 1);
            }
        }
    }
    ends
}

/// Whether claim `c` satisfies `spec` (kind, unit and value; the span is checked apart).
fn accepts(spec: &Spec, c: &Claim) -> bool {
    spec.kinds.contains(&c.kind) && unit_ok(spec, c) && value_ok(spec, c)
}

fn unit_ok(spec: &Spec, c: &Claim) -> bool {
    spec.unit.as_ref().is_none_or(|u| c.unit == Some(u.as_str()))
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    a == b || (a - b).abs() <= tolerance * a.abs().max(b.abs())
}

fn value_ok(spec: &Spec, c: &Claim) -> bool {
    want_ok(&spec.want, spec.tolerance, c)
}

fn want_ok(want: &Want, tol: f64, c: &Claim) -> bool {
    match want {
        Want::Figure(lo, hi) => {
            let stated = c
                .stated
                .or_else(|| c.value.and_then(|v| Some((v.lo_value()?, v.hi_value()?))));
            stated.is_some_and(|(a, b)| close(a, *lo, tol) && close(b, *hi, tol))
        }
        Want::Interval(want) => c.value.is_some_and(|v| {
            let end = |a: Option<Bound>, b: Option<Bound>| match (a, b) {
                (None, None) => true,
                (Some(a), Some(b)) => a.inclusive == b.inclusive && close(a.value, b.value, tol),
                _ => false,
            };
            end(v.lo, want.lo) && end(v.hi, want.hi)
        }),
        Want::Days(ranges) => claim_days(c).is_some_and(|days| ranges.contains(&days)),
    }
}

/// A date or year claim as an inclusive range of day numbers.
///
/// `since 2015` and `by March` keep the point they name, with `since` / `as_of` in the claim's
/// relation, because the key stage compares starts and as-of dates as points; the spec writes
/// the same statement as an open range (`[2015-01-01, inf)`, `(-inf, 2015-03-31]`), so they are
/// read that way here.
fn claim_days(c: &Claim) -> Option<DayRange> {
    let (lo, hi) = point_days(c)?;
    Some(match c.relation {
        Some(Relation::Since) => (lo, None),
        Some(Relation::AsOf) => (None, hi),
        _ => (lo, hi),
    })
}

/// The days a date or year claim's own interval covers.
fn point_days(c: &Claim) -> Option<DayRange> {
    let v = c.value?;
    match c.kind {
        Kind::Date => {
            let lo = v.lo.map(|b| {
                let d = b.value.floor() as i64;
                if b.inclusive || b.value.fract() != 0.0 {
                    d
                } else {
                    d + 1
                }
            });
            let hi = v.hi.map(|b| {
                let d = b.value.floor() as i64;
                if b.inclusive || b.value.fract() != 0.0 {
                    d
                } else {
                    d - 1
                }
            });
            Some((lo, hi))
        }
        Kind::Year => {
            let first = |y: i64| NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, 1, 1);
            let lo = match v.lo {
                None => None,
                Some(b) => {
                    let y = b.value.floor() as i64 + i64::from(!b.inclusive);
                    Some(i64::from(first(y)?.num_days_from_ce()))
                }
            };
            let hi = match v.hi {
                None => None,
                Some(b) => {
                    let y = b.value.floor() as i64 - i64::from(!b.inclusive);
                    Some(i64::from(first(y + 1)?.num_days_from_ce()) - 1)
                }
            };
            Some((lo, hi))
        }
        _ => None,
    }
}

/// Why target `t` found no claim, given the claims left free after matching: the coarse class
/// printed with each failure.
///
/// * `missed`: no free claim overlaps the surface;
/// * `right value, span elsewhere`: a free claim elsewhere would satisfy it;
/// * `wrong kind (k)`: the overlapping claims are all of other kinds;
/// * `wrong unit`: the right kind but another unit (currency code);
/// * `cut short`: the right kind and unit, but the claim covers less than the surface (the
///   phrase was split or its end not recognised) and its value is wrong;
/// * `wrong value`: the claim covers the surface but its value differs.
fn classify(t: &Target, claims: &[Claim], used: &[bool]) -> String {
    let spec = &t.spec;
    let free: Vec<&Claim> = claims
        .iter()
        .zip(used)
        .filter(|(_, u)| !**u)
        .map(|(c, _)| c)
        .collect();
    let over: Vec<&Claim> = free
        .iter()
        .copied()
        .filter(|c| overlaps(&c.span, &t.bytes))
        .collect();
    if over.is_empty() {
        if free.iter().any(|c| accepts(spec, c)) {
            return "right value, span elsewhere".to_string();
        }
        return "missed".to_string();
    }
    let right_kind: Vec<&Claim> = over
        .iter()
        .copied()
        .filter(|c| spec.kinds.contains(&c.kind))
        .collect();
    if right_kind.is_empty() {
        let mut kinds: Vec<&str> = over.iter().map(|c| c.kind.as_str()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        return format!("wrong kind ({})", kinds.join(","));
    }
    let Some(c) = right_kind.iter().find(|c| unit_ok(spec, c)) else {
        return "wrong unit".to_string();
    };
    if c.span.start > t.bytes.start || c.span.end < t.bytes.end {
        "cut short".to_string()
    } else {
        "wrong value".to_string()
    }
}

fn fmt_num(v: f64) -> String {
    if v.is_nan() {
        return "?".to_string();
    }
    let s = format!("{v}");
    if s.len() > 18 {
        format!("{v:e}")
    } else {
        s
    }
}

fn fmt_day(d: f64) -> String {
    crosscheck::when::date_of(d).map_or_else(|| fmt_num(d), |date| date.to_string())
}

fn fmt_days((lo, hi): DayRange) -> String {
    let day = |d: Option<i64>| d.map_or_else(|| "inf".to_string(), |d| fmt_day(d as f64));
    if lo == hi {
        return day(lo);
    }
    let lo = lo.map_or_else(|| "-inf".to_string(), |d| fmt_day(d as f64));
    format!("[{lo}, {}]", day(hi))
}

fn describe_target(t: &Target) -> String {
    let mut s = format!("`{}` ", t.surface);
    let kinds: Vec<&str> = t.spec.kinds.iter().map(|k| k.as_str()).collect();
    match &t.spec.want {
        Want::Figure(lo, hi) if lo == hi => s.push_str(&fmt_num(*lo)),
        Want::Figure(lo, hi) => {
            let _ = write!(s, "[{}, {}]", fmt_num(*lo), fmt_num(*hi));
        }
        Want::Interval(i) => s.push_str(&i.notation(fmt_num)),
        Want::Days(ranges) => {
            let all: Vec<String> = ranges.iter().map(|r| fmt_days(*r)).collect();
            s.push_str(&all.join(" or "));
        }
    }
    if let Some(u) = &t.spec.unit {
        let _ = write!(s, " {u}");
    }
    let _ = write!(s, " ({})", kinds.join("|"));
    s
}

fn describe_claims(claims: &[Claim]) -> String {
    if claims.is_empty() {
        return "nothing".to_string();
    }
    let all: Vec<String> = claims.iter().map(describe_claim).collect();
    all.join("; ")
}

/// `"more than 20" count (20, inf)`, dates printed as dates.
pub fn describe_claim(c: &Claim) -> String {
    let value = match (c.value, c.kind) {
        (None, _) => "unresolved".to_string(),
        (Some(v), Kind::Date) => v.notation(fmt_day),
        (Some(v), _) => v.notation(fmt_num),
    };
    let mut s = format!("`{}` {} {value}", c.text, c.kind.as_str());
    if let Some(u) = &c.unit {
        let _ = write!(s, " {u}");
    }
    if let Some((lo, hi)) = c.stated {
        let shown = c
            .value
            .is_some_and(|v| v.lo_value() == Some(lo) && v.hi_value() == Some(hi));
        if !shown && c.kind != Kind::Date {
            let _ = write!(s, " stated {}", fmt_num(lo));
            if hi != lo {
                let _ = write!(s, "..{}", fmt_num(hi));
            }
        }
    }
    s
}

/// The `[floors]` table of `peer-floors.toml`: file name to the lowest acceptable pass rate.
pub fn read_floors(path: &Path) -> Result<BTreeMap<String, f64>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let doc: toml::Table = text.parse().map_err(|e| format!("{}: {e}", path.display()))?;
    let floors = doc
        .get("floors")
        .and_then(|f| f.as_table())
        .ok_or_else(|| format!("{}: no [floors] table", path.display()))?;
    floors
        .iter()
        .map(|(file, v)| {
            let rate = v
                .as_float()
                .or_else(|| v.as_integer().map(|i| i as f64))
                .ok_or_else(|| format!("{}: floor of {file} is not a number", path.display()))?;
            Ok((file.clone(), rate))
        })
        .collect()
}
