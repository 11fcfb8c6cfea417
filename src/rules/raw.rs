//! A rule file as written: serde structs that mirror the TOML, before any validation.
//!
//! Every table rejects unknown fields, every optional field is an `Option`, and the values an
//! error may have to point at are [`Spanned`], so that a bad kind or tolerance is reported at
//! its own line and column rather than at the first place the same letters occur.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRules {
    #[serde(default)]
    #[allow(dead_code)]
    pub meta: Option<RawMeta>,
    #[serde(default)]
    pub class: Vec<RawClass>,
    #[serde(default)]
    pub fact: Vec<RawFact>,
    #[serde(default)]
    pub aliases: BTreeMap<String, Vec<String>>,
    /// Document-set cases: several small articles and the findings they must give.
    #[serde(default)]
    pub test: Vec<RawCase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub(super) struct RawMeta {
    pub name: Option<String>,
    pub description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawClass {
    pub id: Spanned<String>,
    pub description: Option<String>,
    pub terms: Spanned<Vec<String>>,
    pub kinds: Option<Vec<Spanned<String>>>,
    pub role: Option<bool>,
    pub standalone: Option<bool>,
    pub roles: Option<bool>,
    pub priority: Option<i32>,
    pub by_entity: Option<bool>,
    pub neutral_roles: Option<Vec<Spanned<String>>>,
    pub needs_subject: Option<bool>,
    pub tolerance: Option<Spanned<toml::Value>>,
    pub severity: Option<RawSeverity>,
    #[serde(default)]
    pub example: Vec<RawExample>,
    #[serde(default)]
    pub counterexample: Vec<RawCounterexample>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFact {
    pub key: Spanned<String>,
    pub description: Option<String>,
    pub generic: Option<Vec<Spanned<String>>>,
    pub class: Option<Spanned<String>>,
    #[serde(default)]
    pub context: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    pub tolerance: Option<Spanned<toml::Value>>,
    pub severity: Option<RawSeverity>,
    #[serde(default)]
    pub example: Vec<RawExample>,
    #[serde(default)]
    pub counterexample: Vec<RawCounterexample>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSeverity {
    pub conflict: Option<Spanned<String>>,
    pub discrepancy: Option<Spanned<String>>,
}

/// A sentence and the key and value one of its figures must get.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExample {
    pub text: Spanned<String>,
    pub key: Spanned<String>,
    pub value: Spanned<String>,
    pub figure: Option<Spanned<String>>,
    pub date: Option<Spanned<toml::Value>>,
}

/// A sentence in which no figure may get a key of the class or fact.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCounterexample {
    pub text: Spanned<String>,
    pub figure: Option<Spanned<String>>,
    pub date: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCase {
    pub name: Spanned<String>,
    pub date: Option<Spanned<toml::Value>>,
    pub article: Vec<RawArticle>,
    #[serde(default)]
    pub finding: Vec<RawFinding>,
    #[serde(default)]
    pub agreements: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawArticle {
    pub text: Spanned<String>,
    pub outlet: Option<String>,
    pub date: Option<Spanned<toml::Value>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFinding {
    pub key: Spanned<String>,
    pub verdict: Spanned<String>,
}
