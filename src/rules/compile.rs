//! Compiling a raw rule file into classes, facts, gradings and examples, collecting every
//! error with the span and field it is about, so that `crosscheck rules check` can list them
//! all and `--rules` can stop at the first.

use std::ops::Range;

use chrono::NaiveDate;
use toml::Spanned;

use super::example::{parse_verdict, Article, Case, Example, Expect, ExpectedValue, Owner};
use super::raw::{RawCase, RawClass, RawCounterexample, RawExample, RawFact, RawRules, RawSeverity};
use super::{Class, Fact, Grading, RuleError, RuleSet, Severity};
use crate::claim::Kind;
use crate::location::LineIndex;

/// Compiles `text` on top of `base`: the set with the file added, or every error found.
pub(super) fn compile(base: &RuleSet, file: &str, text: &str) -> Result<RuleSet, Vec<RuleError>> {
    let mut c = Compiler {
        file,
        text,
        index: LineIndex::new(text),
        errors: Vec::new(),
    };
    let raw: RawRules = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => return Err(vec![c.toml_error(&e)]),
    };
    let mut set = base.clone();
    let mut examples = Vec::new();
    let mut neutral = Vec::new();
    for class in raw.class {
        c.class(&mut set, class, &mut examples, &mut neutral);
    }
    for role in neutral {
        c.neutral_role(&set, &role);
    }
    for (canonical, words) in raw.aliases {
        for w in words {
            set.aliases.insert(w.to_lowercase(), canonical.to_lowercase());
        }
    }
    for fact in raw.fact {
        c.fact(&mut set, fact, &mut examples);
    }
    for case in raw.test {
        if let Some(case) = c.case(case) {
            set.cases.push(case);
        }
    }
    if !c.errors.is_empty() {
        c.errors.sort_by_key(|e| (e.line, e.column));
        return Err(c.errors);
    }
    set.examples.extend(examples);
    set.sources.push(file.to_string());
    set.index_terms();
    Ok(set)
}

/// Where errors are collected, with what they need to locate themselves.
struct Compiler<'a> {
    file: &'a str,
    text: &'a str,
    index: LineIndex,
    errors: Vec<RuleError>,
}

impl Compiler<'_> {
    fn class(
        &mut self,
        set: &mut RuleSet,
        c: RawClass,
        examples: &mut Vec<Example>,
        neutral: &mut Vec<Spanned<String>>,
    ) {
        let id = c.id.get_ref().clone();
        if !is_name(&id) {
            self.error(
                c.id.span(),
                "class.id",
                format!("class id `{id}` is not a lower-case name"),
                Some("write it in lower case with `_` between words, such as `death_toll`".into()),
            );
        }
        let kinds: Vec<Kind> = match &c.kinds {
            None => vec![Kind::Count],
            Some(names) => names.iter().filter_map(|n| self.kind(n, &id)).collect(),
        };
        if c.terms.get_ref().is_empty() {
            self.error(
                c.terms.span(),
                "class.terms",
                format!("class `{id}` has no terms"),
                Some("add the words that name it, such as `terms = [\"troops\", \"soldiers\"]`".into()),
            );
        }
        if c.terms.get_ref().iter().any(|t| words(t).is_empty()) {
            self.error(
                c.terms.span(),
                "class.terms",
                format!("class `{id}` has an empty term"),
                Some("every term needs at least one word".into()),
            );
        }
        if let Some(g) = self.grading(&c.tolerance, &c.severity, "class", &id) {
            set.gradings.insert(id.clone(), g);
        }
        let owner = Owner::Class(id.clone());
        for e in c.example {
            examples.extend(self.example(e, &owner, "class"));
        }
        for e in c.counterexample {
            examples.extend(self.counterexample(e, &owner, "class"));
        }
        neutral.extend(c.neutral_roles.iter().flatten().cloned());
        set.classes.push(Class {
            description: c.description.unwrap_or_else(|| id.clone()),
            terms: c.terms.get_ref().iter().map(|t| words(t)).collect(),
            kinds,
            role: c.role.unwrap_or(false),
            standalone: c.standalone.unwrap_or(true),
            takes_roles: c.roles.unwrap_or(true),
            priority: c.priority.unwrap_or(0),
            by_entity: c.by_entity.unwrap_or(false),
            neutral_roles: c
                .neutral_roles
                .into_iter()
                .flatten()
                .map(Spanned::into_inner)
                .collect(),
            needs_subject: c.needs_subject.unwrap_or(false),
            id,
        });
    }

    fn kind(&mut self, name: &Spanned<String>, id: &str) -> Option<Kind> {
        let n = name.get_ref();
        let kind = Kind::parse(n);
        if kind.is_none() {
            let names: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            let help = match nearest(n, names.iter().copied()) {
                Some(k) => format!("did you mean `{k}`? valid kinds: {}", names.join(", ")),
                None => format!("valid kinds: {}", names.join(", ")),
            };
            self.error(
                name.span(),
                "class.kinds",
                format!("unknown kind `{n}` in class `{id}`"),
                Some(help),
            );
        }
        kind
    }

    /// A neutral role must be a role class, known once every class of the file is read.
    fn neutral_role(&mut self, set: &RuleSet, role: &Spanned<String>) {
        let name = role.get_ref();
        if set.classes.iter().any(|c| c.role && &c.id == name) {
            return;
        }
        let roles = set.classes.iter().filter(|c| c.role).map(|c| c.id.as_str());
        let help = match nearest(name, roles) {
            Some(r) => format!("did you mean `{r}`?"),
            None => "list role ids such as `deployed` or `attending`".to_string(),
        };
        self.error(
            role.span(),
            "class.neutral_roles",
            format!("neutral role `{name}` is not a role class"),
            Some(help),
        );
    }

    fn fact(&mut self, set: &mut RuleSet, f: RawFact, examples: &mut Vec<Example>) {
        let key = f.key.get_ref().clone();
        if !is_key(&key) {
            self.error(
                f.key.span(),
                "fact.key",
                format!("fact key `{key}` is not a key"),
                Some("write lower-case names joined by `.`, such as `parade.troops`".into()),
            );
        }
        let grading = self
            .grading(&f.tolerance, &f.severity, "fact", &key)
            .unwrap_or(set.default_grading);
        let generic: Vec<Spanned<String>> = match (f.generic, f.class) {
            (Some(g), _) => g,
            (None, Some(c)) => vec![c],
            (None, None) => {
                self.error(
                    f.key.span(),
                    "fact.generic",
                    format!("fact `{key}` names no generic key"),
                    Some("add `generic = [\"troops\"]` naming the generic keys it narrows".into()),
                );
                Vec::new()
            }
        };
        for g in &generic {
            self.generic_key(set, g, &key);
        }
        let owner = Owner::Fact(key.clone());
        for e in f.example {
            examples.extend(self.example(e, &owner, "fact"));
        }
        for e in f.counterexample {
            examples.extend(self.counterexample(e, &owner, "fact"));
        }
        let fact = Fact {
            description: f.description.unwrap_or_else(|| key.clone()),
            generic: generic.into_iter().map(Spanned::into_inner).collect(),
            context: f.context.iter().map(|w| set.canonical_phrase(w)).collect(),
            exclude: f.exclude.iter().map(|w| set.canonical_phrase(w)).collect(),
            grading,
            key,
        };
        set.facts.push(fact);
    }

    /// Keys of unlisted nouns (`echelon`) are legitimate; a near miss of a class id is a typo
    /// that would silently never match.
    fn generic_key(&mut self, set: &RuleSet, g: &Spanned<String>, key: &str) {
        let name = g.get_ref();
        let base = name.split(['.', '@']).next().unwrap_or_default();
        let known =
            set.classes.iter().any(|c| c.id == base) || Kind::parse(base).is_some() || base.contains('_');
        if known {
            return;
        }
        if let Some(id) = nearest(base, set.classes.iter().map(|c| c.id.as_str())) {
            self.error(
                g.span(),
                "fact.generic",
                format!("fact `{key}` narrows `{name}`, but no class is named `{base}`"),
                Some(format!(
                    "did you mean `{id}`? `crosscheck facts` shows the keys claims get"
                )),
            );
        }
    }

    fn grading(
        &mut self,
        tolerance: &Option<Spanned<toml::Value>>,
        severity: &Option<RawSeverity>,
        table: &str,
        id: &str,
    ) -> Option<Grading> {
        if tolerance.is_none() && severity.is_none() {
            return None;
        }
        let mut g = Grading::default();
        if let Some(t) = tolerance {
            g.tolerance = self.tolerance(t, table, id).unwrap_or_default();
        }
        if let Some(s) = severity {
            g.conflict = self.severity(&s.conflict, table, id).unwrap_or(g.conflict);
            g.discrepancy = self.severity(&s.discrepancy, table, id).unwrap_or(g.discrepancy);
        }
        Some(g)
    }

    fn severity(&mut self, value: &Option<Spanned<String>>, table: &str, id: &str) -> Option<Severity> {
        let v = value.as_ref()?;
        let parsed = Severity::parse(v.get_ref());
        if parsed.is_none() {
            self.error(
                v.span(),
                &format!("{table}.severity"),
                format!("unknown severity `{}` in `{id}`", v.get_ref()),
                Some("use `error`, `warning` or `info`".into()),
            );
        }
        parsed
    }

    fn tolerance(&mut self, t: &Spanned<toml::Value>, table: &str, id: &str) -> Option<f64> {
        let field = format!("{table}.tolerance");
        let number = match t.get_ref() {
            toml::Value::Float(f) => Some(*f),
            toml::Value::Integer(i) => Some(*i as f64),
            toml::Value::String(s) => s
                .trim()
                .strip_suffix('%')
                .and_then(|p| p.trim().parse::<f64>().ok())
                .map(|p| p / 100.0),
            _ => None,
        };
        let written = t.get_ref().to_string();
        match number {
            Some(v) if (0.0..=1.0).contains(&v) => return Some(v),
            Some(_) => self.error(
                t.span(),
                &field,
                format!(
                    "tolerance `{}` in `{id}` is out of range",
                    written.trim_matches('"')
                ),
                Some("a tolerance is a fraction from 0 to 1, or a percentage from 0% to 100%".into()),
            ),
            None => self.error(
                t.span(),
                &field,
                format!("malformed tolerance `{written}` in `{id}`"),
                Some(
                    "write a fraction such as `0.05` or a percentage such as `\"5%\"`, from 0 to 100%".into(),
                ),
            ),
        }
        None
    }

    fn example(&mut self, e: RawExample, owner: &Owner, table: &str) -> Option<Example> {
        let field = |f: &str| format!("{table}.example.{f}");
        let key = e.key.get_ref();
        let mut ok = self.figure_in_text(&e.text, e.figure.as_ref(), &field("figure"));
        if !owner.owns(key) {
            let help = match owner {
                Owner::Class(id) => format!(
                    "an example of class `{id}` shows a key with `{id}` as one of its parts; \
                     put it under the class its key names"
                ),
                Owner::Fact(f) => format!("an example of fact `{f}` shows the key `{f}`"),
            };
            self.error(
                e.key.span(),
                &field("key"),
                format!("example key `{key}` is not a key of {}", owner.label()),
                Some(help),
            );
            ok = false;
        }
        let value = match ExpectedValue::parse(e.value.get_ref()) {
            Ok(v) => Some(v),
            Err(why) => {
                self.error(
                    e.value.span(),
                    &field("value"),
                    format!("malformed example value `{}`: {why}", e.value.get_ref()),
                    Some(
                        "write the value in interval notation, in the unit of the JSON report: \
                         `\"1240\"`, `\"[20000, 99999]\"`, `\"(10000, inf)\"`, `\"[1170, 1430] km\"`, \
                         `\"3 days\"`, `\"2025-09-03\"`"
                            .into(),
                    ),
                );
                None
            }
        };
        let published = self.date(e.date.as_ref(), &field("date"));
        Some(Example {
            file: self.file.to_string(),
            line: self.index.line_col(self.text, e.text.span().start).0,
            owner: owner.clone(),
            text: e.text.get_ref().clone(),
            figure: e.figure.map(Spanned::into_inner),
            published: published?,
            expect: Expect::Yields {
                key: key.clone(),
                value: value?,
            },
        })
        .filter(|_| ok)
    }

    fn counterexample(&mut self, e: RawCounterexample, owner: &Owner, table: &str) -> Option<Example> {
        let ok = self.figure_in_text(
            &e.text,
            e.figure.as_ref(),
            &format!("{table}.counterexample.figure"),
        );
        let published = self.date(e.date.as_ref(), &format!("{table}.counterexample.date"))?;
        ok.then(|| Example {
            file: self.file.to_string(),
            line: self.index.line_col(self.text, e.text.span().start).0,
            owner: owner.clone(),
            text: e.text.get_ref().clone(),
            figure: e.figure.map(Spanned::into_inner),
            published,
            expect: Expect::NoMatch,
        })
    }

    fn figure_in_text(
        &mut self,
        text: &Spanned<String>,
        figure: Option<&Spanned<String>>,
        field: &str,
    ) -> bool {
        let Some(figure) = figure else { return true };
        if text.get_ref().contains(figure.get_ref().as_str()) && !figure.get_ref().trim().is_empty() {
            return true;
        }
        self.error(
            figure.span(),
            field,
            format!(
                "figure `{}` does not occur in the example's text",
                figure.get_ref()
            ),
            Some("copy the figure's phrase from the text, as `crosscheck facts` shows it".into()),
        );
        false
    }

    /// An optional publication date: `Some(None)` when absent, `None` after an error.
    fn date(&mut self, date: Option<&Spanned<toml::Value>>, field: &str) -> Option<Option<NaiveDate>> {
        let Some(d) = date else { return Some(None) };
        let written = match d.get_ref() {
            toml::Value::String(s) => s.clone(),
            toml::Value::Datetime(dt) => dt.to_string(),
            other => other.to_string(),
        };
        match NaiveDate::parse_from_str(&written, "%Y-%m-%d") {
            Ok(day) => Some(Some(day)),
            Err(_) => {
                self.error(
                    d.span(),
                    field,
                    format!("`{written}` is not a date of the form YYYY-MM-DD"),
                    Some("write the publication date, such as `date = 2025-09-02`".into()),
                );
                None
            }
        }
    }

    fn case(&mut self, t: RawCase) -> Option<Case> {
        let name = t.name.get_ref().clone();
        if t.article.len() < 2 {
            self.error(
                t.name.span(),
                "test.article",
                format!(
                    "case `{name}` has {} article{}",
                    t.article.len(),
                    if t.article.len() == 1 { "" } else { "s" }
                ),
                Some("a case compares at least two `[[test.article]]` tables".into()),
            );
        }
        let default_date = self.date(t.date.as_ref(), "test.date");
        let mut articles = Vec::new();
        for a in t.article {
            let published = self.date(a.date.as_ref(), "test.article.date");
            articles.push(Article {
                text: a.text.into_inner(),
                outlet: a.outlet,
                published: published
                    .map(|d| d.or(default_date.flatten()))
                    .unwrap_or_default(),
            });
        }
        let mut findings = Vec::new();
        for f in t.finding {
            match parse_verdict(f.verdict.get_ref()) {
                Some(v) => findings.push((f.key.into_inner(), v)),
                None => self.error(
                    f.verdict.span(),
                    "test.finding.verdict",
                    format!("unknown verdict `{}` in case `{name}`", f.verdict.get_ref()),
                    Some("a finding is a `conflict` or a `discrepancy`".into()),
                ),
            }
        }
        Some(Case {
            file: self.file.to_string(),
            line: self.index.line_col(self.text, t.name.span().start).0,
            name,
            articles,
            findings,
            agreements: t.agreements.into_iter().map(Spanned::into_inner).collect(),
        })
    }

    fn error(&mut self, span: Range<usize>, field: &str, message: String, help: Option<String>) {
        let (line, column) = self.index.line_col(self.text, span.start);
        self.errors.push(RuleError {
            file: self.file.to_string(),
            line,
            column,
            span,
            field: field.to_string(),
            message,
            help,
        });
    }

    /// A syntax or schema error from the TOML reader, with the field it is about.
    fn toml_error(&self, e: &toml::de::Error) -> RuleError {
        let span = e.span().unwrap_or(0..0);
        let (line, column) = self.index.line_col(self.text, span.start);
        // The reader words some messages on two lines ("invalid array" / "expected `]`").
        let message = e.message().trim_end().replace('\n', ", ");
        let field = field_at(self.text, &span, &message);
        let unknown = between(&message, "unknown field `", "`");
        let expected: Vec<&str> = message
            .split_once("expected")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let help = match unknown.and_then(|u| nearest(u, expected.iter().copied())) {
            Some(name) => format!("did you mean `{name}`?"),
            None => "see docs/rules.md for the rule-file reference".to_string(),
        };
        RuleError {
            file: self.file.to_string(),
            line,
            column,
            span,
            field,
            message: lowercase_first(&message),
            help: Some(help),
        }
    }
}

/// The dotted path of the field at `span`: the enclosing table's header, then the key on the
/// span's line (or the field a "missing field" message names).
fn field_at(text: &str, span: &Range<usize>, message: &str) -> String {
    let before = text.get(..span.start.min(text.len())).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text
        .get(line_start..)
        .and_then(|l| l.lines().next())
        .unwrap_or_default();
    let header = text
        .get(..line_start + line.len())
        .unwrap_or_default()
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| {
            l.trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        });
    let key = between(message, "missing field `", "`")
        .or_else(|| between(message, "unknown field `", "`"))
        .or_else(|| line.split_once('=').map(|(k, _)| k.trim()))
        .filter(|k| !k.is_empty() && !k.starts_with('['));
    let header = header.unwrap_or_default();
    match key {
        Some(k) if header.is_empty() => k.to_string(),
        Some(k) => format!("{header}.{k}"),
        None => header,
    }
}

fn between<'a>(s: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &s[s.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

fn lowercase_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The candidate within two edits of `name`, for "did you mean" hints.
pub(super) fn nearest<'a>(name: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|c| (strsim::levenshtein(c, name), c))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, c)| c)
}

pub(super) fn words(term: &str) -> Vec<String> {
    term.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A class id: lower-case letters, digits and `_`.
fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// A fact key: names joined by `.`.
fn is_key(s: &str) -> bool {
    s.split('.').all(is_name)
}
