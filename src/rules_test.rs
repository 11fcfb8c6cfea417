//! Running the examples and cases that rule files carry, the way semgrep and ast-grep test
//! rules as data: each example's text goes through segment -> extract -> key with the rules,
//! each case's articles through the whole comparison, and the result is held against what the
//! rule file states.
//!
//! An example passes when a figure of its text (the one whose phrase overlaps `figure`, if
//! given) gets the stated key and exactly the stated interval; a counterexample passes when no
//! such figure gets a key of its class or fact. A case passes when its articles give exactly
//! the listed findings (key and verdict) and agree on the listed keys.

use crate::claim::{Claim, Kind};
use crate::document::Document;
use crate::report::format_value;
use crate::rules::example::notation;
use crate::rules::{Case, Example, Expect, RuleSet};

/// What was tested.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tested<'a> {
    Example(&'a Example),
    Case(&'a Case),
}

impl Tested<'_> {
    /// The rule file and line the example or case is written at.
    pub fn location(&self) -> (&str, usize) {
        match self {
            Tested::Example(e) => (&e.file, e.line),
            Tested::Case(c) => (&c.file, c.line),
        }
    }
}

/// The result of one example or case.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome<'a> {
    pub tested: Tested<'a>,
    /// Why it failed; `None` when it passed.
    pub failure: Option<Failure>,
}

/// What went wrong, and what the pipeline gave instead.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub message: String,
    /// One line per figure found (for an example) or finding given (for a case).
    pub got: Vec<String>,
}

/// Runs every example and case of `file` (a name in `rules.sources`), in file order.
pub fn run_file<'a>(rules: &'a RuleSet, file: &str) -> Vec<Outcome<'a>> {
    let examples = rules.examples.iter().filter(|e| e.file == file).map(|e| Outcome {
        tested: Tested::Example(e),
        failure: run_example(rules, e),
    });
    let cases = rules.cases.iter().filter(|c| c.file == file).map(|c| Outcome {
        tested: Tested::Case(c),
        failure: run_case(rules, c),
    });
    let mut outcomes: Vec<Outcome> = examples.chain(cases).collect();
    outcomes.sort_by_key(|o| o.tested.location().1);
    outcomes
}

/// Runs one example; `None` when it holds.
pub fn run_example(rules: &RuleSet, example: &Example) -> Option<Failure> {
    let claims = claims_of(rules, example);
    let describe = || claims.iter().map(describe_claim).collect::<Vec<_>>();
    let where_ = match &example.figure {
        Some(f) => format!("`{f}`"),
        None => "the text".to_string(),
    };
    match &example.expect {
        Expect::Yields { key, value } => {
            let hit = claims
                .iter()
                .any(|c| c.key.as_deref() == Some(key) && c.value.is_some_and(|v| value.matches(&v, c.unit)));
            (!hit).then(|| Failure {
                message: format!("expected {where_} to give `{key}` = {value}"),
                got: describe(),
            })
        }
        Expect::NoMatch => {
            let owned: Vec<String> = claims
                .iter()
                .filter(|c| c.key.as_deref().is_some_and(|k| example.owner.owns(k)))
                .map(describe_claim)
                .collect();
            (!owned.is_empty()).then(|| Failure {
                message: format!(
                    "expected no figure of {where_} to get a key of {}",
                    example.owner.label()
                ),
                got: owned,
            })
        }
    }
}

/// Runs one case; `None` when it holds.
pub fn run_case(rules: &RuleSet, case: &Case) -> Option<Failure> {
    let documents = case
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| Document {
            path: format!("article {}", i + 1),
            text: a.text.clone(),
            body_start: 0,
            format: crate::markup::Format::Text,
            outlet: a.outlet.clone(),
            published: a.published,
            published_from: a.published.map(|_| crate::document::DateSource::FrontMatter),
        })
        .collect();
    let analysis = crate::analyze(documents, rules);
    let found = &analysis.comparison.findings;
    let mut wrong = Vec::new();
    for (key, verdict) in &case.findings {
        if !found.iter().any(|f| &f.key == key && f.verdict == *verdict) {
            wrong.push(format!("no {} on `{key}`", verdict.as_str()));
        }
    }
    for f in found {
        if !case.findings.iter().any(|(k, v)| *k == f.key && *v == f.verdict) {
            wrong.push(format!("an unexpected {} on `{}`", f.verdict.as_str(), f.key));
        }
    }
    for key in &case.agreements {
        if !analysis.comparison.agreements.iter().any(|a| &a.key == key) {
            wrong.push(format!("no agreement on `{key}`"));
        }
    }
    if wrong.is_empty() {
        return None;
    }
    let mut got: Vec<String> = found
        .iter()
        .map(|f| format!("{}[{}]: {}", f.verdict.as_str(), f.key, f.message))
        .collect();
    got.extend(
        analysis
            .comparison
            .agreements
            .iter()
            .map(|a| format!("agreement[{}]", a.key)),
    );
    if got.is_empty() {
        // Nothing was compared: the keys each article's figures got tell why.
        got = analysis
            .claims
            .iter()
            .map(|c| format!("in article {}: {}", c.source + 1, describe_claim(c)))
            .collect();
    }
    Some(Failure {
        message: wrong.join("; "),
        got,
    })
}

/// The keyed claims of an example's text: all of them, or those overlapping its figure.
fn claims_of(rules: &RuleSet, example: &Example) -> Vec<Claim> {
    let document = Document {
        path: example.file.clone(),
        text: example.text.clone(),
        body_start: 0,
        format: crate::markup::Format::Text,
        outlet: None,
        published: example.published,
        published_from: example
            .published
            .map(|_| crate::document::DateSource::FrontMatter),
    };
    let claims = crate::keyed_claims(std::slice::from_ref(&document), rules);
    let Some(figure) = &example.figure else {
        return claims;
    };
    let Some(at) = example.text.find(figure.as_str()) else {
        return Vec::new();
    };
    let span = at..at + figure.len();
    claims
        .into_iter()
        .filter(|c| c.span.start < span.end && span.start < c.span.end)
        .collect()
}

/// `` `1,240` → dead = 1240 (1,240) ``, or `` `March 3` → no key ``.
fn describe_claim(c: &Claim) -> String {
    let value = c.value.map_or_else(
        || "unresolved".to_string(),
        |v| {
            let written = notation(&v, c.kind == Kind::Date, c.unit);
            let shown = format_value(&v, c.kind, c.unit);
            if shown == written {
                written
            } else {
                format!("{written} ({shown})")
            }
        },
    );
    match &c.key {
        Some(k) => format!("`{}` → {k} = {value}", c.text),
        None => format!("`{}` → no key, {value}", c.text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_with(extra: &str) -> RuleSet {
        let mut set = RuleSet::generic();
        set.add("x.toml", extra).unwrap_or_else(|e| panic!("{e}"));
        set
    }

    fn outcomes(extra: &str) -> Vec<Option<Failure>> {
        let set = rules_with(extra);
        run_file(&set, "x.toml").into_iter().map(|o| o.failure).collect()
    }

    const SHELTERS: &str = "[[class]]\nid = \"shelters\"\nterms = [\"shelters\"]\n";

    #[test]
    fn an_example_passes_only_with_its_key_and_value() {
        let good = format!(
            "{SHELTERS}[[class.example]]\ntext = \"Some 40 shelters opened.\"\nkey = \"shelters\"\nvalue = \"[36, 44]\"\n"
        );
        assert_eq!(outcomes(&good), [None]);
        let wrong_value = good.replace("[36, 44]", "40");
        let failure = outcomes(&wrong_value).remove(0).expect("fails");
        assert_eq!(failure.message, "expected the text to give `shelters` = 40");
        assert_eq!(failure.got, ["`Some 40` → shelters = [36, 44] (36–44)"]);
    }

    #[test]
    fn a_figure_picks_one_of_several() {
        let text = "text = \"Some 40 shelters opened and 12 people died.\"\n";
        let pick = |figure: &str, key: &str, value: &str| {
            outcomes(&format!(
                "{SHELTERS}[[class.example]]\n{text}key = \"{key}\"\nvalue = \"{value}\"\nfigure = \"{figure}\"\n"
            ))
        };
        assert_eq!(pick("40", "shelters", "[36, 44]"), [None]);
        // 12 is `dead`, not a shelter count, so the shelters example must not see it.
        assert!(pick("12", "shelters", "12")[0].is_some());
    }

    #[test]
    fn a_counterexample_fails_when_the_class_keys_a_figure() {
        let holds = format!("{SHELTERS}[[class.counterexample]]\ntext = \"5,000 people gathered.\"\n");
        assert_eq!(outcomes(&holds), [None]);
        let broken = format!("{SHELTERS}[[class.counterexample]]\ntext = \"Some 40 shelters opened.\"\n");
        let failure = outcomes(&broken).remove(0).expect("fails");
        assert_eq!(failure.got, ["`Some 40` → shelters = [36, 44] (36–44)"]);
    }

    #[test]
    fn a_case_needs_exactly_its_findings() {
        let articles = "[[test.article]]\ntext = \"The quake killed 1,240 people.\"\n\
                        [[test.article]]\ntext = \"The quake killed 1,870 people.\"\n";
        let conflict = format!(
            "[[test]]\nname = \"tolls\"\n{articles}[[test.finding]]\nkey = \"dead\"\nverdict = \"conflict\"\n"
        );
        assert_eq!(outcomes(&conflict), [None]);
        let failure = outcomes(&conflict.replace("\"conflict\"", "\"discrepancy\""))
            .remove(0)
            .expect("fails");
        assert_eq!(
            failure.message,
            "no discrepancy on `dead`; an unexpected conflict on `dead`"
        );
        let silent = format!("[[test]]\nname = \"tolls\"\n{articles}");
        assert!(
            outcomes(&silent)[0].is_some(),
            "an unlisted finding fails the case"
        );
        let agreeing = "[[test]]\nname = \"same\"\nagreements = [\"dead\"]\n\
                        [[test.article]]\ntext = \"The quake killed 1,240 people.\"\n\
                        [[test.article]]\ntext = \"The toll stood at 1,240.\"\n";
        assert_eq!(outcomes(agreeing), [None]);
    }
}
