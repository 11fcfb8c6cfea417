//! The configuration file, `crosscheck.toml` (or `.crosscheck.toml`): rule files to load, a
//! manifest of sources (outlet, publication date and trust for files that carry no front
//! matter), the fallback date, `fail-on`, keys to ignore and per-key severities.
//!
//! As with rule files, the text is deserialized into raw serde structs that reject unknown
//! fields, then checked into a [`Config`] whose errors name the file, line and column, list
//! the valid names and suggest the nearest one. Every value keeps the line it was written on,
//! so that `crosscheck config --show` can say where each setting came from.
//!
//! Relative paths in a configuration file are relative to the folder that holds it, so the
//! same file works from any folder below it. Command-line flags override the file; the
//! front end does the merging, this module only reads and applies the file.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use crate::document::{DateSource, Document};
use crate::rules::Severity;

/// The names a configuration file may have, in the order they are looked for in each folder.
pub const FILE_NAMES: [&str; 2] = ["crosscheck.toml", ".crosscheck.toml"];

/// The lowest verdict that makes the exit status 1. `lint` reads `conflict` as
/// `contradicted` and `discrepancy` as `differs`, and the other way round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    Conflict,
    Discrepancy,
    Never,
}

impl FailOn {
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Conflict => "conflict",
            FailOn::Discrepancy => "discrepancy",
            FailOn::Never => "never",
        }
    }

    /// The names `fail-on` accepts: `check`'s verdicts and `lint`'s grades.
    pub fn parse(name: &str) -> Option<FailOn> {
        match name {
            "conflict" | "contradicted" => Some(FailOn::Conflict),
            "discrepancy" | "differs" => Some(FailOn::Discrepancy),
            "never" => Some(FailOn::Never),
            _ => None,
        }
    }
}

/// Severities that replace the rule files' for one key; `None` keeps the rule files' own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SeverityOverride {
    pub conflict: Option<Severity>,
    pub discrepancy: Option<Severity>,
}

/// A value and the line of the configuration file it was written on.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub line: usize,
}

/// What the manifest says about one file or folder of sources.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceEntry {
    /// As written in the configuration file.
    pub written: String,
    /// Resolved against the configuration file's folder.
    pub path: PathBuf,
    pub outlet: Option<String>,
    pub published: Option<NaiveDate>,
    pub trusted: Option<bool>,
    pub line: usize,
}

/// A configuration file, read and checked. Every setting is `None` (or empty) when the file
/// does not give it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Config {
    /// The file read, as found or given; `None` for no file.
    pub file: Option<PathBuf>,
    /// Rule files and folders, resolved against the file's folder.
    pub rules: Option<Located<Vec<PathBuf>>>,
    pub date: Option<Located<NaiveDate>>,
    pub fail_on: Option<Located<FailOn>>,
    pub ignore: Option<Located<Vec<String>>>,
    /// Per key (or key pattern), sorted by key.
    pub severity: Vec<(String, Located<SeverityOverride>)>,
    /// The sources manifest, sorted by path as written.
    pub sources: Vec<SourceEntry>,
}

/// A configuration file that could not be used.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct ConfigError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub help: Option<String>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: {}", self.file, self.line, self.column, self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// The configuration file that applies in folder `cwd`: the first of [`FILE_NAMES`] found in
/// `cwd` or the nearest folder above it. One in `cwd` itself is named relative to it
/// (`crosscheck.toml`), one further up by its absolute path.
pub fn discover(cwd: &Path) -> Option<PathBuf> {
    for (depth, dir) in cwd.ancestors().enumerate() {
        for name in FILE_NAMES {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Some(if depth == 0 {
                    PathBuf::from(name)
                } else {
                    candidate
                });
            }
        }
    }
    None
}

impl Config {
    /// Reads the text of the configuration file at `path`; relative paths in it are resolved
    /// against `path`'s folder.
    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let file = path.display().to_string();
        let raw: RawConfig = toml::from_str(text).map_err(|e| toml_error(&file, text, &e))?;
        let base = path.parent().unwrap_or(Path::new(""));
        let at = |span: std::ops::Range<usize>| Position {
            file: &file,
            text,
            span,
        };
        let mut config = Config {
            file: Some(path.to_path_buf()),
            ..Config::default()
        };
        if let Some(rules) = raw.rules {
            let line = at(rules.span()).line();
            let value = rules.into_inner().iter().map(|r| base.join(r)).collect();
            config.rules = Some(Located { value, line });
        }
        if let Some(date) = raw.date {
            let value = parse_date(date.get_ref()).ok_or_else(|| at(date.span()).date_error("date"))?;
            config.date = Some(Located {
                value,
                line: at(date.span()).line(),
            });
        }
        if let Some(fail_on) = raw.fail_on {
            let value = FailOn::parse(fail_on.get_ref()).ok_or_else(|| {
                at(fail_on.span()).error(
                    format!("unknown `fail-on` value `{}`", fail_on.get_ref()),
                    suggest(fail_on.get_ref(), &FAIL_ON_NAMES),
                )
            })?;
            config.fail_on = Some(Located {
                value,
                line: at(fail_on.span()).line(),
            });
        }
        if let Some(ignore) = raw.ignore {
            let line = at(ignore.span()).line();
            config.ignore = Some(Located {
                value: ignore.into_inner(),
                line,
            });
        }
        for (key, value) in raw.severity {
            let over = severity_override(&value, &at(value.span()), &key)?;
            config.severity.push((
                key,
                Located {
                    value: over,
                    line: at(value.span()).line(),
                },
            ));
        }
        for (written, entry) in raw.sources {
            config.sources.push(source_entry(base, written, entry, &at)?);
        }
        Ok(config)
    }

    /// The keys (or key patterns) whose figures are not compared.
    pub fn ignored_keys(&self) -> &[String] {
        self.ignore.as_ref().map_or(&[], |i| i.value.as_slice())
    }

    /// Per-key severities, for [`crate::suppress::Policy`].
    pub fn severity_overrides(&self) -> Vec<(String, SeverityOverride)> {
        self.severity.iter().map(|(k, s)| (k.clone(), s.value)).collect()
    }

    /// Fills in the outlet and publication date of loaded documents whose front matter gives
    /// none: first from the manifest (the most specific entry that says, a file before its
    /// folder), then the date from `fallback`. Front matter always wins.
    pub fn apply_sources(&self, documents: &mut [Document], fallback: Option<NaiveDate>) {
        for document in documents {
            let entries = self.entries_for(&document.path);
            if document.outlet.is_none() {
                document.outlet = entries.iter().find_map(|e| e.outlet.clone());
            }
            let overrules = document.published_from.is_none_or(|from| from.yields_to_config());
            match entries.iter().find_map(|e| e.published) {
                Some(date) if overrules => document.set_published(date, DateSource::Config),
                _ => {
                    if let (None, Some(date)) = (document.published, fallback) {
                        document.set_published(date, DateSource::Option);
                    }
                }
            }
        }
    }

    /// The manifest entries that name no file or folder on disk: a typo there would silently
    /// lose an outlet or a publication date.
    pub fn missing_sources(&self) -> impl Iterator<Item = &SourceEntry> {
        self.sources.iter().filter(|e| !e.path.exists())
    }

    /// Whether the manifest marks the file at `path` as trusted: `Some(false)` for a source
    /// `lint` must not check drafts against, `None` when the manifest does not say.
    pub fn trusted(&self, path: &str) -> Option<bool> {
        self.entries_for(path).iter().find_map(|e| e.trusted)
    }

    /// The files and folders the manifest marks `trusted = true`: the default sources of
    /// `lint` when `--against` is not given.
    pub fn trusted_sources(&self) -> Vec<PathBuf> {
        self.sources
            .iter()
            .filter(|e| e.trusted == Some(true))
            .map(|e| e.path.clone())
            .collect()
    }

    /// The manifest entries that cover `path` (the entry of the file itself, or of a folder
    /// holding it), the most specific first. Standard input (`-`) has none.
    fn entries_for(&self, path: &str) -> Vec<&SourceEntry> {
        if path == "-" || self.sources.is_empty() {
            return Vec::new();
        }
        let file = canonical(Path::new(path));
        let mut found: Vec<(usize, &SourceEntry)> = self
            .sources
            .iter()
            .filter_map(|e| {
                let entry = canonical(&e.path);
                file.starts_with(&entry).then(|| (entry.components().count(), e))
            })
            .collect();
        found.sort_by_key(|(depth, _)| std::cmp::Reverse(*depth));
        found.into_iter().map(|(_, e)| e).collect()
    }
}

/// Where a setting comes from, for `config --show`: `FILE:LINE` or `default`.
fn origin(file: &Option<PathBuf>, line: Option<usize>) -> String {
    match (file, line) {
        (Some(file), Some(line)) => format!("{}:{line}", file.display()),
        _ => "default".to_string(),
    }
}

impl Config {
    /// The configuration as TOML, each value followed by a comment saying where it comes from
    /// (`FILE:LINE` or `default`), as `cargo config get --show-origin` does. Paths are shown
    /// resolved, as crosscheck uses them.
    pub fn show_toml(&self) -> String {
        let file = &self.file;
        let quoted = |s: &str| toml::Value::String(s.to_string()).to_string();
        let list = |items: &mut dyn Iterator<Item = String>| {
            format!("[{}]", items.map(|s| quoted(&s)).collect::<Vec<_>>().join(", "))
        };
        let mut out = match file {
            Some(path) => format!("# configuration file: {}\n", path.display()),
            None => "# no configuration file: every setting is the default\n".to_string(),
        };
        let rules = self.rules.as_ref();
        out += &format!(
            "rules = {}  # {}\n",
            list(
                &mut rules
                    .map_or(&[][..], |r| &r.value[..])
                    .iter()
                    .map(|p| p.display().to_string())
            ),
            origin(file, rules.map(|r| r.line))
        );
        match &self.date {
            Some(d) => out += &format!("date = {}  # {}\n", d.value, origin(file, Some(d.line))),
            None => out += "# date is not set (default): articles without a date stay undated\n",
        }
        let fail_on = self.fail_on.as_ref();
        out += &format!(
            "fail-on = {}  # {}\n",
            quoted(fail_on.map_or(FailOn::Conflict, |f| f.value).as_str()),
            origin(file, fail_on.map(|f| f.line))
        );
        let ignore = self.ignore.as_ref();
        out += &format!(
            "ignore = {}  # {}\n",
            list(&mut self.ignored_keys().iter().cloned()),
            origin(file, ignore.map(|i| i.line))
        );
        if !self.severity.is_empty() {
            out += "\n[severity]\n";
        }
        for (key, s) in &self.severity {
            let mut parts = Vec::new();
            for (name, value) in [
                ("conflict", s.value.conflict),
                ("discrepancy", s.value.discrepancy),
            ] {
                if let Some(v) = value {
                    parts.push(format!("{name} = {}", quoted(v.as_str())));
                }
            }
            out += &format!(
                "{} = {{ {} }}  # {}\n",
                quoted(key),
                parts.join(", "),
                origin(file, Some(s.line))
            );
        }
        for e in &self.sources {
            out += &format!(
                "\n[sources.{}]  # {}\n",
                quoted(&e.path.display().to_string()),
                origin(file, Some(e.line))
            );
            if let Some(outlet) = &e.outlet {
                out += &format!("outlet = {}\n", quoted(outlet));
            }
            if let Some(published) = e.published {
                out += &format!("published = {published}\n");
            }
            if let Some(trusted) = e.trusted {
                out += &format!("trusted = {trusted}\n");
            }
        }
        out
    }

    /// The configuration as JSON: `version`, `file`, and each setting as `{value, origin}`.
    pub fn show_json(&self) -> serde_json::Value {
        use serde_json::json;
        let file = &self.file;
        let setting = |value: serde_json::Value, line: Option<usize>| json!({ "value": value, "origin": origin(file, line) });
        let rules = self.rules.as_ref();
        let severity: serde_json::Map<String, serde_json::Value> = self
            .severity
            .iter()
            .map(|(key, s)| {
                let value = json!({
                    "conflict": s.value.conflict.map(Severity::as_str),
                    "discrepancy": s.value.discrepancy.map(Severity::as_str),
                });
                (key.clone(), setting(value, Some(s.line)))
            })
            .collect();
        let sources: serde_json::Map<String, serde_json::Value> = self
            .sources
            .iter()
            .map(|e| {
                let value = json!({
                    "outlet": e.outlet,
                    "published": e.published.map(|d| d.to_string()),
                    "trusted": e.trusted,
                });
                (e.path.display().to_string(), setting(value, Some(e.line)))
            })
            .collect();
        json!({
            "version": 1,
            "file": file.as_ref().map(|f| f.display().to_string()),
            "settings": {
                "rules": setting(
                    json!(rules.map_or(Vec::new(), |r| r.value.iter().map(|p| p.display().to_string()).collect())),
                    rules.map(|r| r.line),
                ),
                "date": setting(json!(self.date.as_ref().map(|d| d.value.to_string())), self.date.as_ref().map(|d| d.line)),
                "fail-on": setting(
                    json!(self.fail_on.as_ref().map_or(FailOn::Conflict, |f| f.value).as_str()),
                    self.fail_on.as_ref().map(|f| f.line),
                ),
                "ignore": setting(json!(self.ignored_keys()), self.ignore.as_ref().map(|i| i.line)),
                "severity": severity,
                "sources": sources,
            },
        })
    }
}

/// Parses a severity name as written in a configuration file.
pub fn parse_severity(name: &str) -> Option<Severity> {
    match name {
        "error" => Some(Severity::Error),
        "warning" => Some(Severity::Warning),
        "info" => Some(Severity::Info),
        _ => None,
    }
}

/// Whether a fact key matches a pattern of `ignore`, `severity` or a suppression: the key
/// itself, `*` for any key, or a prefix ending in `.*` (`parade.*` is `parade` and every key
/// under it).
pub fn key_matches(pattern: &str, key: &str) -> bool {
    if pattern == "*" || pattern == key {
        return true;
    }
    pattern.strip_suffix(".*").is_some_and(|prefix| {
        key == prefix
            || key
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with(['.', '@']))
    })
}

/// The top-level settings, for errors and `config --show`.
pub const SETTING_NAMES: [&str; 6] = ["rules", "date", "fail-on", "ignore", "severity", "sources"];

const FAIL_ON_NAMES: [&str; 5] = ["conflict", "discrepancy", "never", "contradicted", "differs"];
const SEVERITY_NAMES: [&str; 3] = ["error", "warning", "info"];
const VERDICT_NAMES: [&str; 2] = ["conflict", "discrepancy"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    rules: Option<Spanned<Vec<String>>>,
    date: Option<Spanned<toml::Value>>,
    fail_on: Option<Spanned<String>>,
    ignore: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    severity: BTreeMap<String, Spanned<toml::Value>>,
    #[serde(default)]
    sources: BTreeMap<String, Spanned<RawSource>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    outlet: Option<String>,
    published: Option<Spanned<toml::Value>>,
    trusted: Option<bool>,
}

/// A place in the configuration file, to report an error at.
struct Position<'a> {
    file: &'a str,
    text: &'a str,
    span: std::ops::Range<usize>,
}

impl Position<'_> {
    fn line(&self) -> usize {
        line_col(self.text, self.span.start).0
    }

    fn error(&self, message: String, help: Option<String>) -> ConfigError {
        let (line, column) = line_col(self.text, self.span.start);
        ConfigError {
            file: self.file.to_string(),
            line,
            column,
            message,
            help,
        }
    }

    fn date_error(&self, name: &str) -> ConfigError {
        let written = self.text.get(self.span.clone()).unwrap_or_default();
        self.error(
            format!("`{name}` is not a date: `{written}`"),
            Some("write a date as YYYY-MM-DD, such as `2025-09-02`".into()),
        )
    }
}

fn source_entry<'a>(
    base: &Path,
    written: String,
    raw: Spanned<RawSource>,
    at: &impl Fn(std::ops::Range<usize>) -> Position<'a>,
) -> Result<SourceEntry, ConfigError> {
    let line = at(raw.span()).line();
    let raw = raw.into_inner();
    let published = match raw.published {
        None => None,
        Some(p) => Some(parse_date(p.get_ref()).ok_or_else(|| at(p.span()).date_error("published"))?),
    };
    Ok(SourceEntry {
        path: base.join(&written),
        written,
        outlet: raw.outlet,
        published,
        trusted: raw.trusted,
        line,
    })
}

/// `"info"` for both verdicts, or `{ conflict = "error", discrepancy = "info" }`.
fn severity_override(
    value: &Spanned<toml::Value>,
    at: &Position,
    key: &str,
) -> Result<SeverityOverride, ConfigError> {
    let severity = |name: &str| {
        parse_severity(name).ok_or_else(|| {
            at.error(
                format!("unknown severity `{name}` for `{key}`"),
                suggest(name, &SEVERITY_NAMES),
            )
        })
    };
    match value.get_ref() {
        toml::Value::String(name) => {
            let s = severity(name)?;
            Ok(SeverityOverride {
                conflict: Some(s),
                discrepancy: Some(s),
            })
        }
        toml::Value::Table(table) => {
            let mut over = SeverityOverride::default();
            for (verdict, v) in table {
                let name = v.as_str().ok_or_else(|| {
                    at.error(
                        format!("the `{verdict}` severity of `{key}` is not a string"),
                        Some("use `\"error\"`, `\"warning\"` or `\"info\"`".into()),
                    )
                })?;
                match verdict.as_str() {
                    "conflict" => over.conflict = Some(severity(name)?),
                    "discrepancy" => over.discrepancy = Some(severity(name)?),
                    _ => {
                        return Err(at.error(
                            format!("unknown field `{verdict}` in the severity of `{key}`, expected `conflict` or `discrepancy`"),
                            suggest(verdict, &VERDICT_NAMES),
                        ))
                    }
                }
            }
            Ok(over)
        }
        _ => Err(at.error(
            format!("the severity of `{key}` is neither a name nor a table"),
            Some("write `\"info\"`, or `{ conflict = \"error\", discrepancy = \"info\" }`".into()),
        )),
    }
}

/// A date as a TOML date (`2025-09-02`) or a string (`"2025-09-02"`).
fn parse_date(value: &toml::Value) -> Option<NaiveDate> {
    let text = match value {
        toml::Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => d.to_string(),
        toml::Value::String(s) => s.clone(),
        _ => return None,
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok()
}

/// A TOML or serde error at its place; an unknown field gets the valid names and the
/// nearest one.
fn toml_error(file: &str, text: &str, e: &toml::de::Error) -> ConfigError {
    let (line, column) = e.span().map_or((1, 1), |s| line_col(text, s.start));
    let message = e.message().trim_end().to_string();
    let help = unknown_field(&message).and_then(|(field, expected)| {
        let names: Vec<&str> = expected.iter().map(String::as_str).collect();
        suggest(&field, &names)
    });
    ConfigError {
        file: file.to_string(),
        line,
        column,
        message,
        help: help.or_else(|| Some("see docs/config.md for the settings".into())),
    }
}

/// The field and the expected names of serde's "unknown field `x`, expected one of `a`, `b`".
fn unknown_field(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message.strip_prefix("unknown field `")?;
    let (field, rest) = rest.split_once('`')?;
    let expected = rest.split('`').skip(1).step_by(2).map(str::to_string).collect();
    Some((field.to_string(), expected))
}

/// "did you mean `x`?" for the name nearest to `written`, if it is near enough to be a typo.
fn suggest(written: &str, names: &[&str]) -> Option<String> {
    let list = names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let nearest = names
        .iter()
        .min_by_key(|n| strsim::levenshtein(n, written))
        .filter(|n| strsim::levenshtein(n, written) <= 2.max(written.chars().count() / 3));
    Some(match nearest {
        Some(n) => format!("did you mean `{n}`? the valid names are {list}"),
        None => format!("the valid names are {list}"),
    })
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The identity of a file or folder for matching manifest entries: its canonical path, or the
/// path itself when it cannot be resolved.
fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(Path::new("cfg/crosscheck.toml"), text)
    }

    #[test]
    fn every_setting_is_read_with_its_line() {
        let config = parse(
            "rules = [\"pack.toml\", \"../shared/rules\"]\ndate = 2025-09-02\nfail-on = \"differs\"\n\
             ignore = [\"visit.*\"]\n[severity]\n\"parade.troops\" = \"info\"\n\
             leaders = { conflict = \"warning\" }\n[sources.\"wire.txt\"]\noutlet = \"Wire\"\n\
             published = \"2025-09-01\"\ntrusted = true\n",
        )
        .unwrap();
        let rules = config.rules.unwrap();
        assert_eq!(
            rules.value,
            [
                PathBuf::from("cfg/pack.toml"),
                PathBuf::from("cfg/../shared/rules")
            ]
        );
        assert_eq!(rules.line, 1);
        let date = config.date.unwrap();
        assert_eq!((date.value.to_string().as_str(), date.line), ("2025-09-02", 2));
        assert_eq!(config.fail_on.unwrap().value, FailOn::Discrepancy);
        assert_eq!(config.ignore.unwrap().value, ["visit.*"]);
        assert_eq!(config.severity.len(), 2);
        assert_eq!(config.severity[0].0, "leaders");
        assert_eq!(config.severity[0].1.value.conflict, Some(Severity::Warning));
        assert_eq!(config.severity[0].1.value.discrepancy, None);
        assert_eq!(config.severity[1].1.value.discrepancy, Some(Severity::Info));
        assert_eq!(config.severity[1].1.line, 6);
        let source = &config.sources[0];
        assert_eq!(source.path, PathBuf::from("cfg/wire.txt"));
        assert_eq!(source.outlet.as_deref(), Some("Wire"));
        assert_eq!(source.published.unwrap().to_string(), "2025-09-01");
        assert_eq!((source.trusted, source.line), (Some(true), 8));
    }

    #[test]
    fn unknown_settings_name_the_place_and_the_nearest_name() {
        let e = parse("rules = []\nfial-on = \"never\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 1));
        assert!(e.message.contains("unknown field `fial-on`"), "{}", e.message);
        let help = e.help.unwrap();
        assert!(help.starts_with("did you mean `fail-on`?"), "{help}");
        assert!(help.contains("`severity`"), "{help}");
        let e = parse("[sources.\"a.txt\"]\noutlt = \"Wire\"\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.help.unwrap().contains("did you mean `outlet`?"));
        let e = parse("colour = 1\n").unwrap_err();
        assert!(!e.help.unwrap().contains("did you mean"));
    }

    #[test]
    fn bad_values_are_errors_at_the_value() {
        let e = parse("\nfail-on = \"conflicts\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 11));
        assert!(e.help.unwrap().contains("did you mean `conflict`?"));
        let e = parse("date = \"2025-02-30\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 8));
        assert!(e.message.contains("`date` is not a date"), "{}", e.message);
        let e = parse("date = 2025-09-02T10:00:00\n").unwrap_err();
        assert_eq!(e.line, 1);
        let e = parse("[severity]\nk = \"loud\"\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("unknown severity `loud`"));
        let e = parse("[severity]\nk = { conflit = \"info\" }\n").unwrap_err();
        assert!(e.help.unwrap().contains("did you mean `conflict`?"));
        let e = parse("[severity]\nk = 3\n").unwrap_err();
        assert!(e.message.contains("neither a name nor a table"));
        let e = parse("[sources.\"a.txt\"]\npublished = \"soon\"\n").unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse("rules = \"pack.toml\"\n").unwrap_err();
        assert_eq!(e.line, 1);
    }

    #[test]
    fn syntax_errors_have_a_place() {
        let e = parse("rules = [\n").unwrap_err();
        assert!(e.line >= 1 && e.help.is_some());
        assert!(e.to_string().starts_with("cfg/crosscheck.toml:"));
    }

    #[test]
    fn fail_on_takes_both_vocabularies() {
        for (name, value) in [
            ("conflict", FailOn::Conflict),
            ("contradicted", FailOn::Conflict),
            ("discrepancy", FailOn::Discrepancy),
            ("differs", FailOn::Discrepancy),
            ("never", FailOn::Never),
        ] {
            assert_eq!(FailOn::parse(name), Some(value));
        }
        assert_eq!(FailOn::parse("Conflict"), None);
    }

    #[test]
    fn key_patterns() {
        assert!(key_matches("parade.troops", "parade.troops"));
        assert!(!key_matches("parade.troops", "parade.troops.dead"));
        assert!(key_matches("*", "anything"));
        assert!(key_matches("parade.*", "parade"));
        assert!(key_matches("parade.*", "parade.troops"));
        assert!(key_matches("troops.*", "troops@2004"));
        assert!(!key_matches("parade.*", "parades.troops"));
        assert!(!key_matches("parade", "parade.troops"));
    }

    #[test]
    fn discovery_walks_up_and_prefers_the_plain_name() {
        let dir = tempfile::TempDir::new().unwrap();
        let deep = dir.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(dir.path().join(".crosscheck.toml"), "").unwrap();
        assert_eq!(discover(&deep), Some(dir.path().join(".crosscheck.toml")));
        std::fs::write(dir.path().join("a/crosscheck.toml"), "").unwrap();
        assert_eq!(discover(&deep), Some(dir.path().join("a/crosscheck.toml")));
        std::fs::write(deep.join(".crosscheck.toml"), "").unwrap();
        std::fs::write(deep.join("crosscheck.toml"), "").unwrap();
        assert_eq!(discover(&deep), Some(PathBuf::from("crosscheck.toml")));
    }

    #[test]
    fn the_manifest_fills_what_front_matter_leaves_out() {
        let dir = tempfile::TempDir::new().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("wires")).unwrap();
        for name in ["wires/a.txt", "wires/b.txt", "c.txt"] {
            std::fs::write(root.join(name), "Text.").unwrap();
        }
        let config = Config::parse(
            &root.join("crosscheck.toml"),
            "[sources.\"wires\"]\noutlet = \"Wire\"\npublished = 2025-01-01\ntrusted = true\n\
             [sources.\"wires/b.txt\"]\noutlet = \"Wire B\"\ntrusted = false\n",
        )
        .unwrap();
        let doc = |name: &str, outlet: Option<&str>| Document {
            path: root.join(name).display().to_string(),
            text: "Text.".into(),
            body_start: 0,
            format: crate::markup::Format::Text,
            outlet: outlet.map(String::from),
            published: None,
            published_from: None,
        };
        let fallback = NaiveDate::from_ymd_opt(2024, 5, 5);
        let mut docs = vec![
            doc("wires/a.txt", None),
            doc("wires/b.txt", None),
            doc("c.txt", Some("Own")),
        ];
        // A date read from a header line yields to the manifest; one from the front matter does not.
        let mut guessed = doc("wires/d.txt", None);
        guessed.set_published(
            NaiveDate::from_ymd_opt(2025, 3, 3).unwrap(),
            DateSource::HeaderLine { line: 2 },
        );
        let mut stated = doc("wires/e.txt", None);
        stated.set_published(
            NaiveDate::from_ymd_opt(2025, 3, 3).unwrap(),
            DateSource::FrontMatter,
        );
        let mut own = doc("f.txt", None);
        own.set_published(
            NaiveDate::from_ymd_opt(2025, 3, 3).unwrap(),
            DateSource::HeaderLine { line: 2 },
        );
        docs.extend([guessed, stated, own]);
        config.apply_sources(&mut docs, fallback);
        assert_eq!(docs[3].published, NaiveDate::from_ymd_opt(2025, 1, 1));
        assert_eq!(docs[3].published_from, Some(DateSource::Config));
        assert_eq!(docs[4].published, NaiveDate::from_ymd_opt(2025, 3, 3));
        // Nor does `--date` replace a date the article states.
        assert_eq!(docs[5].published, NaiveDate::from_ymd_opt(2025, 3, 3));
        assert_eq!(docs[2].published_from, Some(DateSource::Option));
        assert_eq!(docs[0].outlet.as_deref(), Some("Wire"));
        assert_eq!(docs[1].outlet.as_deref(), Some("Wire B"));
        assert_eq!(docs[1].published, NaiveDate::from_ymd_opt(2025, 1, 1));
        assert_eq!(docs[2].outlet.as_deref(), Some("Own"));
        assert_eq!(docs[2].published, fallback);
        assert_eq!(config.trusted(&docs[0].path), Some(true));
        assert_eq!(config.trusted(&docs[1].path), Some(false));
        assert_eq!(config.trusted(&docs[2].path), None);
        assert_eq!(config.trusted("-"), None);
        assert_eq!(config.trusted_sources(), [root.join("wires")]);
    }
}
