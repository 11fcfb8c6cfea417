//! Rule files: which statements are the same fact, and how differences are graded.
//!
//! A rule file is deserialized into raw serde structs (unknown fields rejected), then compiled
//! into a [`RuleSet`] whose errors name the file, line, column and field. The generic rules in
//! `rules/generic.toml` are built into the binary so that `check` works from any folder; event
//! packs add aliases, context-bound facts, tolerances and severities on top.

use std::collections::BTreeMap;
use std::fmt;
use std::ops::Range;

use crate::claim::Kind;

mod compile;
pub mod example;
mod explain;
mod raw;

pub use example::{Article, Case, Example, Expect, ExpectedValue, Owner};
pub use explain::{Explanation, Part};

/// The generic rules shipped with crosscheck.
pub const GENERIC_RULES: &str = include_str!("../../rules/generic.toml");

/// The name the built-in generic rules go by in examples and messages: the file they are built
/// from, in the crosscheck repository.
pub const GENERIC_RULES_NAME: &str = "rules/generic.toml";

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

    pub fn parse(s: &str) -> Option<Severity> {
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
    pub term_index: std::collections::HashMap<String, Vec<(usize, usize)>, crate::token::WordHash>,
    /// The examples the rule files carry, in file order.
    pub examples: Vec<Example>,
    /// The document-set cases the rule files carry, in file order.
    pub cases: Vec<Case>,
}

/// A rule file that could not be loaded: where, which field, what, and how to fix it.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct RuleError {
    pub file: String,
    /// 1-based line and column of the offending value (or key, for an unknown field).
    pub line: usize,
    pub column: usize,
    /// Byte range of the offending text in the file, for snippets.
    pub span: Range<usize>,
    /// Dotted path of the field: `class.kinds`, `fact.tolerance`, `class.example.value`.
    pub field: String,
    pub message: String,
    pub help: Option<String>,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)?;
        if !self.field.is_empty() {
            write!(f, "\n  field: {}", self.field)?;
        }
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
        set.add(GENERIC_RULES_NAME, GENERIC_RULES)
            .expect("the built-in generic rules are valid");
        set
    }

    /// Parses and compiles one rule file, adding it to the set; on an error the set is left
    /// as it was and the first error (in file order) is returned.
    // An error ends the run that loads the file, so its size costs nothing worth boxing for.
    #[allow(clippy::result_large_err)]
    pub fn add(&mut self, file: &str, text: &str) -> Result<(), RuleError> {
        self.add_checked(file, text)
            .map_err(|mut errors| errors.swap_remove(0))
    }

    /// Like [`RuleSet::add`], but returns every error found (never an empty list): the first
    /// syntax error, or all the validation errors.
    pub fn add_checked(&mut self, file: &str, text: &str) -> Result<(), Vec<RuleError>> {
        *self = compile::compile(self, file, text)?;
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

impl RuleSet {
    /// Rebuilds the first-word index of class terms.
    fn index_terms(&mut self) {
        self.term_index.clear();
        for (ci, class) in self.classes.iter().enumerate() {
            for (ti, term) in class.terms.iter().enumerate() {
                if let Some(first) = term.first() {
                    self.term_index.entry(first.clone()).or_default().push((ci, ti));
                }
            }
        }
    }
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
        assert_eq!((e.line, e.column, e.field.as_str()), (3, 9, "class.terms"));
        // The value itself, not an earlier line that holds the same letters.
        let text = "[[class]]\nid = \"b\"\nterms = [\"weight\"]\nkinds = [\"weight\"]\n";
        let e = set.add("x.toml", text).unwrap_err();
        assert_eq!((e.line, e.column, e.field.as_str()), (4, 10, "class.kinds"));
        assert_eq!(&text[e.span.clone()], "\"weight\"");
    }

    #[test]
    fn every_validation_error_is_collected_and_the_set_is_unchanged() {
        let mut set = RuleSet::generic();
        let before = set.clone();
        let text = "[[class]]\nid = \"a\"\nterms = [\"a\"]\nkinds = [\"cuont\"]\ntolerance = 2\n\
                    [[fact]]\nkey = \"k\"\ngeneric = [\"troop\"]\nseverity = { conflict = \"fatal\" }\n";
        let errors = set.add_checked("x.toml", text).unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| (e.line, e.field.as_str())).collect();
        assert_eq!(
            fields,
            [
                (4, "class.kinds"),
                (5, "class.tolerance"),
                (8, "fact.generic"),
                (9, "fact.severity")
            ]
        );
        assert!(errors[0]
            .help
            .as_deref()
            .unwrap()
            .starts_with("did you mean `count`?"));
        assert_eq!(set, before);
    }

    #[test]
    fn unknown_fields_name_their_table_and_suggest_the_nearest() {
        let mut set = RuleSet::default();
        let e = set
            .add(
                "x.toml",
                "[[class]]\nid = \"a\"\nterms = [\"a\"]\nkind = [\"count\"]\n",
            )
            .unwrap_err();
        assert_eq!(e.field, "class.kind");
        assert_eq!(e.help.as_deref(), Some("did you mean `kinds`?"));
        let e = set
            .add(
                "x.toml",
                "[[class]]\nid = \"a\"\nterms = [\"a\"]\n[[class.example]]\ntext = \"1\"\nkey = \"a\"\n",
            )
            .unwrap_err();
        assert!(e.message.contains("missing field `value`"), "{}", e.message);
        assert_eq!(e.field, "class.example.value");
    }

    #[test]
    fn examples_are_validated_like_every_other_field() {
        let mut set = RuleSet::generic();
        let class = "[[class]]\nid = \"shelters\"\nterms = [\"shelters\"]\n[[class.example]]\n";
        let cases = [
            (
                "text = \"40 shelters\"\nkey = \"tents\"\nvalue = \"40\"\n",
                "class.example.key",
            ),
            (
                "text = \"40 shelters\"\nkey = \"shelters\"\nvalue = \"forty\"\n",
                "class.example.value",
            ),
            (
                "text = \"40 shelters\"\nkey = \"shelters\"\nvalue = \"40\"\nfigure = \"41\"\n",
                "class.example.figure",
            ),
            (
                "text = \"40 shelters\"\nkey = \"shelters\"\nvalue = \"40\"\ndate = \"2025-02-30\"\n",
                "class.example.date",
            ),
        ];
        for ((example, field), line) in cases.into_iter().zip([6, 7, 8, 8]) {
            let e = set.add("x.toml", &format!("{class}{example}")).unwrap_err();
            assert_eq!((e.line, e.field.as_str()), (line, field), "{example}");
        }
        let ok = "text = \"Some 40 shelters opened.\"\nkey = \"shelters\"\nvalue = \"[36, 44]\"\ndate = 2024-03-02\n";
        set.add("x.toml", &format!("{class}{ok}")).unwrap();
        let example = set.examples.last().unwrap();
        assert_eq!(
            (example.line, example.owner.label()),
            (5, "class `shelters`".to_string())
        );
    }

    #[test]
    fn cases_need_two_articles_and_known_verdicts() {
        let mut set = RuleSet::generic();
        let e = set
            .add(
                "x.toml",
                "[[test]]\nname = \"one\"\n[[test.article]]\ntext = \"5 dead\"\n",
            )
            .unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (2, "test.article"));
        let two =
            "[[test]]\nname = \"two\"\n[[test.article]]\ntext = \"a\"\n[[test.article]]\ntext = \"b\"\n";
        let e = set
            .add(
                "x.toml",
                &format!("{two}[[test.finding]]\nkey = \"dead\"\nverdict = \"clash\"\n"),
            )
            .unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (9, "test.finding.verdict"));
        set.add("x.toml", two).unwrap();
        assert_eq!(set.cases.iter().filter(|c| c.file == "x.toml").count(), 1);
    }

    #[test]
    fn neutral_roles_must_be_roles() {
        let mut set = RuleSet::generic();
        let e = set
            .add(
                "x.toml",
                "[[class]]\nid = \"medics\"\nterms = [\"medics\"]\nneutral_roles = [\"deploy\"]\n",
            )
            .unwrap_err();
        assert_eq!((e.line, e.field.as_str()), (4, "class.neutral_roles"));
        assert_eq!(e.help.as_deref(), Some("did you mean `deployed`?"));
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
