//! Rule files: which statements are the same fact, and how differences are graded.
//!
//! A rule file is deserialized into raw serde structs (unknown fields rejected), then compiled
//! into a [`RuleSet`] whose errors name the file, line, column and field. The generic rules in
//! `rules/generic.toml` are built into the binary so that `check` works from any folder; event
//! packs add aliases, context-bound facts, tolerances and severities on top.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;

use crate::claim::Kind;

/// The generic rules shipped with crosscheck.
pub const GENERIC_RULES: &str = include_str!("../rules/generic.toml");

/// How serious a graded difference is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    fn parse(s: &str) -> Option<Severity> {
        match s {
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }
}

/// A class of things counted or measured: `troops`, `dead`, `aid`, `visit`.
#[derive(Debug, Clone, PartialEq)]
pub struct Class {
    pub id: String,
    pub description: String,
    /// Lower-case terms, each a sequence of words (`death toll`).
    pub terms: Vec<Vec<String>>,
    pub kinds: Vec<Kind>,
    /// A role says what happened to the counted things (`killed`, `deployed`) and refines the
    /// subject class: `troops` + `deployed` is the key `troops.deployed`.
    pub role: bool,
    /// Whether counts of this class are compared without a role; `people` alone is too vague.
    pub standalone: bool,
    /// Whether a role refines this class: `troops` + `killed` is `troops.dead`, but a
    /// `magnitude` next to `killed` is still a magnitude.
    pub takes_roles: bool,
    /// When several classes stand near a figure, the highest priority wins before distance:
    /// an `aftershock of magnitude 6.1` is about the aftershock.
    pub priority: i32,
    /// Figures of this class belong to a named entity (a party's seats, a country's votes):
    /// the nearest name before the figure joins the key, `seats.sdu`.
    pub by_entity: bool,
    /// For a role: whether it needs a subject to be compared (a `capacity` of what?).
    pub needs_subject: bool,
    /// Roles that do not change what is counted for this class: firefighters `deployed` to
    /// a fire are the firefighters at the fire.
    pub neutral_roles: Vec<String>,
}

/// An event-pack fact: claims of a generic key, in a given context, are this specific fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub key: String,
    pub description: String,
    /// Generic keys this fact narrows; a claim must have one of them.
    pub generic: Vec<String>,
    /// At least one of these words must occur in the claim's sentence (after aliasing).
    pub context: Vec<String>,
    /// None of these may occur in the sentence.
    pub exclude: Vec<String>,
    pub grading: Grading,
}

/// Tolerance and severities for one key.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Grading {
    /// Relative tolerance: stated figures within this fraction of each other agree.
    pub tolerance: f64,
    pub conflict: Severity,
    pub discrepancy: Severity,
}

impl Default for Grading {
    fn default() -> Self {
        Grading {
            tolerance: 0.0,
            conflict: Severity::Error,
            discrepancy: Severity::Warning,
        }
    }
}

/// All rules of a run, generic and event packs merged.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RuleSet {
    pub classes: Vec<Class>,
    pub facts: Vec<Fact>,
    /// Word -> canonical word (`moscow` -> `russia`), applied to context matching.
    pub aliases: BTreeMap<String, String>,
    /// Per generic key tolerance and severity.
    pub gradings: BTreeMap<String, Grading>,
    pub default_grading: Grading,
    /// Names of the files loaded, in order.
    pub sources: Vec<String>,
    /// First word of every class term -> (class index, term index), so that keying looks up
    /// the words near a figure instead of scanning every term of every class.
    pub term_index: BTreeMap<String, Vec<(usize, usize)>>,
}

/// A rule file that could not be loaded.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct RuleError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

impl RuleSet {
    /// The built-in generic rules.
    pub fn generic() -> RuleSet {
        let mut set = RuleSet::default();
        set.add("<built-in generic rules>", GENERIC_RULES)
            .expect("the built-in generic rules are valid");
        set
    }

    /// Parses and compiles one rule file, adding it to the set.
    pub fn add(&mut self, file: &str, text: &str) -> Result<(), RuleError> {
        let raw: RawRules = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
            RuleError {
                file: file.to_string(),
                line,
                column,
                message: e.message().to_string(),
                help: Some("see docs/rules.md for the rule-file reference".to_string()),
            }
        })?;
        let at = |needle: &str| find(text, needle);
        let err = |needle: &str, message: String, help: Option<String>| {
            let (line, column) = at(needle);
            RuleError {
                file: file.to_string(),
                line,
                column,
                message,
                help,
            }
        };
        for c in raw.class {
            let kinds = match &c.kinds {
                None => vec![Kind::Count],
                Some(names) => names
                    .iter()
                    .map(|n| {
                        Kind::parse(n).ok_or_else(|| {
                            err(
                                n,
                                format!("unknown kind `{n}` in class `{}`", c.id),
                                Some(format!("valid kinds: {}", kind_names())),
                            )
                        })
                    })
                    .collect::<Result<_, _>>()?,
            };
            if c.terms.is_empty() {
                return Err(err(&c.id, format!("class `{}` has no terms", c.id), None));
            }
            if let Some(g) = compile_grading(&c.tolerance, &c.severity, &err, &c.id)? {
                self.gradings.insert(c.id.clone(), g);
            }
            self.classes.push(Class {
                description: c.description.unwrap_or_else(|| c.id.clone()),
                terms: c.terms.iter().map(|t| words(t)).collect(),
                kinds,
                role: c.role.unwrap_or(false),
                standalone: c.standalone.unwrap_or(true),
                takes_roles: c.roles.unwrap_or(true),
                priority: c.priority.unwrap_or(0),
                by_entity: c.by_entity.unwrap_or(false),
                neutral_roles: c.neutral_roles.unwrap_or_default(),
                needs_subject: c.needs_subject.unwrap_or(false),
                id: c.id,
            });
        }
        for (canonical, words_) in raw.aliases {
            for w in words_ {
                self.aliases.insert(w.to_lowercase(), canonical.to_lowercase());
            }
        }
        for f in raw.fact {
            let grading =
                compile_grading(&f.tolerance, &f.severity, &err, &f.key)?.unwrap_or(self.default_grading);
            let generic = match (f.generic, f.class) {
                (Some(g), _) => g,
                (None, Some(c)) => vec![c],
                (None, None) => {
                    return Err(err(
                        &f.key,
                        format!("fact `{}` names no generic key", f.key),
                        Some("add `generic = [\"troops\"]` naming the generic keys it narrows".into()),
                    ))
                }
            };
            for g in &generic {
                let base = g.split(['.', '@']).next().unwrap_or_default();
                let known = self.classes.iter().any(|c| c.id == base)
                    || Kind::parse(base).is_some()
                    || base.contains('_');
                // Keys of unlisted nouns (`echelon`) are legitimate; a near miss of a class id
                // is a typo that would silently never match.
                if !known {
                    let suggestion = self
                        .classes
                        .iter()
                        .map(|c| c.id.as_str())
                        .min_by_key(|id| edit_distance(id, base))
                        .filter(|id| edit_distance(id, base) <= 2);
                    if let Some(id) = suggestion {
                        return Err(err(
                            g,
                            format!("fact `{}` narrows `{g}`, but no class is named `{base}`", f.key),
                            Some(format!(
                                "did you mean `{id}`? `crosscheck facts` shows the keys claims get"
                            )),
                        ));
                    }
                }
            }
            self.facts.push(Fact {
                description: f.description.unwrap_or_else(|| f.key.clone()),
                generic,
                context: f.context.iter().map(|w| self.canonical_phrase(w)).collect(),
                exclude: f.exclude.iter().map(|w| self.canonical_phrase(w)).collect(),
                grading,
                key: f.key,
            });
        }
        self.sources.push(file.to_string());
        self.term_index.clear();
        for (ci, class) in self.classes.iter().enumerate() {
            for (ti, term) in class.terms.iter().enumerate() {
                if let Some(first) = term.first() {
                    self.term_index.entry(first.clone()).or_default().push((ci, ti));
                }
            }
        }
        Ok(())
    }

    /// The alias-resolved lower-case form of a word.
    pub fn canonical(&self, word: &str) -> String {
        let lower = word.to_lowercase();
        self.aliases.get(&lower).cloned().unwrap_or(lower)
    }

    /// A phrase with each word in canonical form (a whole-phrase alias wins).
    pub fn canonical_phrase(&self, phrase: &str) -> String {
        let lower = phrase.to_lowercase();
        if let Some(c) = self.aliases.get(&lower) {
            return c.clone();
        }
        lower
            .split_whitespace()
            .map(|w| self.canonical(w))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The class with this id.
    pub fn class(&self, id: &str) -> Option<&Class> {
        self.classes.iter().find(|c| c.id == id)
    }

    /// Grading and description for a key: an event fact's, else the generic class's.
    pub fn grading(&self, key: &str) -> Grading {
        if let Some(f) = self.facts.iter().find(|f| f.key == key) {
            return f.grading;
        }
        let base = key.split(['.', '@']).next().unwrap_or(key);
        let role = key.split('@').next().and_then(|k| k.split('.').nth(1));
        role.and_then(|r| self.gradings.get(r))
            .or_else(|| self.gradings.get(base))
            .copied()
            .unwrap_or(self.default_grading)
    }

    /// A human description of a key.
    pub fn describe(&self, key: &str) -> String {
        if let Some(f) = self.facts.iter().find(|f| f.key == key) {
            return f.description.clone();
        }
        let main = key.split('@').next().unwrap_or(key);
        let mut parts: Vec<String> = main
            .split('.')
            .map(|p| {
                self.class(p)
                    .map_or_else(|| p.replace('_', " "), |c| c.description.clone())
            })
            .collect();
        if let Some(anchor) = key.split('@').nth(1) {
            // `@2004` is a year, `@2025-09-01` an as-of date.
            parts.push(if anchor.contains('-') {
                format!("(as of {anchor})")
            } else {
                format!("(in {anchor})")
            });
        }
        parts.join(", ")
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRules {
    #[serde(default)]
    #[allow(dead_code)]
    meta: Option<RawMeta>,
    #[serde(default)]
    class: Vec<RawClass>,
    #[serde(default)]
    fact: Vec<RawFact>,
    #[serde(default)]
    aliases: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct RawMeta {
    name: Option<String>,
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClass {
    id: String,
    description: Option<String>,
    terms: Vec<String>,
    kinds: Option<Vec<String>>,
    role: Option<bool>,
    standalone: Option<bool>,
    roles: Option<bool>,
    priority: Option<i32>,
    by_entity: Option<bool>,
    neutral_roles: Option<Vec<String>>,
    needs_subject: Option<bool>,
    tolerance: Option<toml::Value>,
    severity: Option<RawSeverity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    key: String,
    description: Option<String>,
    generic: Option<Vec<String>>,
    class: Option<String>,
    #[serde(default)]
    context: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    tolerance: Option<toml::Value>,
    severity: Option<RawSeverity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeverity {
    conflict: Option<String>,
    discrepancy: Option<String>,
}

fn compile_grading(
    tolerance: &Option<toml::Value>,
    severity: &Option<RawSeverity>,
    err: &impl Fn(&str, String, Option<String>) -> RuleError,
    id: &str,
) -> Result<Option<Grading>, RuleError> {
    if tolerance.is_none() && severity.is_none() {
        return Ok(None);
    }
    let mut g = Grading::default();
    if let Some(t) = tolerance {
        // Locate the value itself, not the first place the word `tolerance` appears.
        let written = t.to_string();
        let needle = written.trim_matches('"');
        let in_range = |v: f64| (0.0..=1.0).contains(&v);
        let number = match t {
            toml::Value::Float(f) => Some(*f),
            toml::Value::Integer(i) => Some(*i as f64),
            toml::Value::String(s) => s
                .trim()
                .strip_suffix('%')
                .and_then(|p| p.trim().parse::<f64>().ok())
                .map(|p| p / 100.0),
            _ => None,
        };
        g.tolerance =
            match number {
                Some(v) if in_range(v) => v,
                Some(_) => {
                    return Err(err(
                        needle,
                        format!("tolerance `{needle}` in `{id}` is out of range"),
                        Some("a tolerance is a fraction from 0 to 1, or a percentage from 0% to 100%".into()),
                    ))
                }
                None => return Err(err(
                    needle,
                    format!("malformed tolerance `{written}` in `{id}`"),
                    Some(
                        "write a fraction such as `0.05` or a percentage such as `\"5%\"`, from 0 to 100%"
                            .into(),
                    ),
                )),
            };
    }
    if let Some(s) = severity {
        for (value, slot) in [
            (&s.conflict, &mut g.conflict),
            (&s.discrepancy, &mut g.discrepancy),
        ] {
            if let Some(v) = value {
                *slot = Severity::parse(v).ok_or_else(|| {
                    err(
                        v,
                        format!("unknown severity `{v}` in `{id}`"),
                        Some("use `error`, `warning` or `info`".into()),
                    )
                })?;
            }
        }
    }
    Ok(Some(g))
}

/// Levenshtein distance, for "did you mean" hints.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

fn words(term: &str) -> Vec<String> {
    term.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn kind_names() -> String {
    Kind::ALL
        .iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Line and column (1-based) of the first occurrence of `needle`, or 1:1.
fn find(text: &str, needle: &str) -> (usize, usize) {
    // A value is written quoted; prefer that occurrence over the same letters in a header.
    let quoted = format!("\"{needle}\"");
    text.find(&quoted)
        .or_else(|| text.find(needle))
        .map_or((1, 1), |o| line_col(text, o))
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generic_rules_compile() {
        let set = RuleSet::generic();
        assert!(set.class("troops").is_some());
        assert!(set.class("dead").is_some_and(|c| c.role));
    }

    #[test]
    fn unknown_field_names_line_and_column() {
        let mut set = RuleSet::default();
        let e = set
            .add("x.toml", "[[class]]\nid = \"a\"\nterms = [\"a\"]\ncolour = 1\n")
            .unwrap_err();
        assert_eq!((e.line, e.column), (4, 1));
        assert!(e.message.contains("colour"), "{}", e.message);
    }

    #[test]
    fn bad_kind_and_tolerance_are_errors_with_help() {
        let mut set = RuleSet::default();
        let e = set
            .add(
                "x.toml",
                "[[class]]\nid = \"a\"\nterms = [\"a\"]\nkinds = [\"weight\"]\n",
            )
            .unwrap_err();
        assert_eq!(e.line, 4);
        assert!(e.help.unwrap().contains("count"));
        let e = set
            .add(
                "x.toml",
                "[[fact]]\nkey = \"k\"\nclass = \"a\"\ntolerance = \"150%\"\n",
            )
            .unwrap_err();
        assert!(e.message.contains("tolerance"));
    }

    #[test]
    fn errors_point_at_the_offending_value() {
        let mut set = RuleSet::default();
        let e = set
            .add("x.toml", "[[class]]\nid = \"a\"\nterms = []\n")
            .unwrap_err();
        assert_eq!((e.line, e.column), (2, 6));
    }

    #[test]
    fn unknown_generic_keys_are_errors_with_a_suggestion() {
        let mut set = RuleSet::generic();
        let e = set
            .add("x.toml", "[[fact]]\nkey = \"k\"\ngeneric = [\"deadd\"]\n")
            .unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.help.unwrap().contains("`dead`"));
        assert!(set
            .clone()
            .add(
                "y.toml",
                "[[fact]]\nkey = \"k\"\ngeneric = [\"troops.deployed\"]\n"
            )
            .is_ok());
    }

    #[test]
    fn tolerances_are_fractions_or_percentages() {
        let mut set = RuleSet::default();
        set.add(
            "a.toml",
            "[[class]]\nid = \"a\"\nterms = [\"a\"]\ntolerance = \"5%\"\n",
        )
        .unwrap();
        assert_eq!(set.gradings["a"].tolerance, 0.05);
        set.add(
            "b.toml",
            "[[class]]\nid = \"b\"\nterms = [\"b\"]\ntolerance = 0.1\n",
        )
        .unwrap();
        assert_eq!(set.gradings["b"].tolerance, 0.1);
        let e = set
            .add(
                "c.toml",
                "[[class]]\nid = \"c\"\nterms = [\"c\"]\ntolerance = 3.0\n",
            )
            .unwrap_err();
        assert!(e.message.contains("out of range"));
        let e = set
            .add(
                "d.toml",
                "[[class]]\nid = \"d\"\nterms = [\"d\"]\ntolerance = \"lots\"\n",
            )
            .unwrap_err();
        assert!(e.message.contains("malformed"));
    }

    #[test]
    fn aliases_apply_to_fact_context() {
        let mut set = RuleSet::default();
        set.add("x.toml", "[aliases]\nrussia = [\"Moscow\"]\n[[fact]]\nkey = \"k\"\nclass = \"troops\"\ncontext = [\"Moscow\"]\n")
            .unwrap();
        assert_eq!(set.facts[0].context, ["russia"]);
        assert_eq!(set.canonical("MOSCOW"), "russia");
    }
}
