//! Inline suppressions, keys ignored by the configuration, and per-key severities.
//!
//! An article (or a draft) can say that a figure is known to differ, in an HTML comment that
//! Markdown does not display:
//!
//! ```text
//! <!-- crosscheck-ignore: parade.troops the ministry's own figure, confirmed by phone -->
//! The parade featured about 5,000 troops.
//! <!-- crosscheck-ignore-file: russia.*, leaders reason -->
//! ```
//!
//! `crosscheck-ignore` covers the figures of the named keys on the line after the comment;
//! `crosscheck-ignore-file` covers them anywhere in the file. Keys are separated by commas
//! with no spaces and take the patterns of [`crate::config::key_matches`]; the rest of the
//! comment is the reason (an eslint-style `--` before it is allowed). A covered figure is left
//! out of the comparison, as if the article did not state it.
//!
//! Suppressions are read from the raw text by byte offset, before and independently of any
//! markup handling, and their comments are blanked (same length, line breaks kept) before
//! extraction, so neither the keys nor the figures of a reason become claims.
//!
//! Like ruff's RUF100 and eslint's unused-disable report, a suppression that hides nothing
//! is itself reported, as is one without a reason: both are [`Notice`]s, which every output
//! format shows.

use std::borrow::{Borrow, Cow};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

use crate::claim::Claim;
use crate::compare::Comparison;
use crate::config::{key_matches, SeverityOverride};
use crate::document::Document;
use crate::location::LineIndex;
use crate::rules::Severity;

/// What a suppression covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The line after the comment.
    NextLine,
    /// The whole file.
    File,
}

/// One `crosscheck-ignore` comment.
#[derive(Debug, Clone, PartialEq)]
pub struct Directive {
    /// The whole comment, `<!--` to `-->`, in the file as read.
    pub span: Range<usize>,
    pub scope: Scope,
    /// Key patterns; never empty.
    pub keys: Vec<String>,
    pub reason: Option<String>,
}

/// A remark about the input itself rather than about the facts.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// Index of the document in the run.
    pub source: usize,
    /// Byte span in the document (the comment).
    pub span: Range<usize>,
    pub code: NoticeCode,
    pub message: String,
}

/// The kinds of notice, each with a stable code for machine formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NoticeCode {
    /// A suppression that hides no finding.
    UnusedSuppression,
    /// A suppression that gives no reason.
    SuppressionWithoutReason,
    /// A `crosscheck-` comment that is not a valid suppression.
    InvalidSuppression,
}

impl NoticeCode {
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeCode::UnusedSuppression => "unused-suppression",
            NoticeCode::SuppressionWithoutReason => "suppression-without-reason",
            NoticeCode::InvalidSuppression => "invalid-suppression",
        }
    }

    /// Every notice is a warning: it never changes the exit status.
    pub fn severity(self) -> Severity {
        Severity::Warning
    }
}

/// What the configuration changes in a run: keys not compared, and per-key severities.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Policy {
    /// Key patterns whose figures are not compared.
    pub ignore: Vec<String>,
    /// Severities that replace the rule files' for the keys matching each pattern; the last
    /// matching pattern wins.
    pub severity: Vec<(String, SeverityOverride)>,
}

impl Policy {
    /// Replaces the severity of every finding whose key an override matches.
    pub fn apply_severity(&self, comparison: &mut Comparison) {
        for finding in &mut comparison.findings {
            for (pattern, over) in &self.severity {
                if !key_matches(pattern, &finding.key) {
                    continue;
                }
                let chosen = match finding.verdict {
                    crate::compare::Verdict::Conflict => over.conflict,
                    crate::compare::Verdict::Discrepancy => over.discrepancy,
                };
                if let Some(severity) = chosen {
                    finding.severity = severity;
                }
            }
        }
    }
}

/// The suppressions of a text, and notices for `crosscheck-` comments that are not valid.
/// `source` is the text's index in the run, for the notices.
pub fn directives(text: &str, source: usize) -> (Vec<Directive>, Vec<Notice>) {
    let mut found = Vec::new();
    let mut notices = Vec::new();
    for (span, body) in comments(text) {
        let body = body.trim();
        let Some(rest) = body.strip_prefix("crosscheck-") else {
            continue;
        };
        let parsed = if let Some(args) = rest.strip_prefix("ignore-file:") {
            parse_args(args, Scope::File, span.clone())
        } else if let Some(args) = rest.strip_prefix("ignore:") {
            parse_args(args, Scope::NextLine, span.clone())
        } else {
            Err(format!(
                "`{}` is not a suppression; write `crosscheck-ignore: KEY reason` or `crosscheck-ignore-file: KEY reason`",
                first_word(body)
            ))
        };
        match parsed {
            Ok(directive) => found.push(directive),
            Err(message) => notices.push(Notice {
                source,
                span,
                code: NoticeCode::InvalidSuppression,
                message,
            }),
        }
    }
    (found, notices)
}

/// The text with every `crosscheck-` comment blanked: each byte that is not a line break
/// becomes a space (multi-byte characters become as many spaces), so byte offsets and lines
/// are unchanged.
pub fn mask(text: &str) -> Cow<'_, str> {
    let spans: Vec<Range<usize>> = comments(text)
        .filter(|(_, body)| body.trim_start().starts_with("crosscheck-"))
        .map(|(span, _)| span)
        .collect();
    if spans.is_empty() {
        return Cow::Borrowed(text);
    }
    let mut bytes = text.as_bytes().to_vec();
    for span in spans {
        for byte in &mut bytes[span] {
            if *byte != b'\n' && *byte != b'\r' {
                *byte = b' ';
            }
        }
    }
    // Whole characters inside ASCII delimiters were replaced, so the text is still UTF-8.
    Cow::Owned(String::from_utf8(bytes).unwrap_or_else(|_| text.to_string()))
}

/// The suppressions of a run and what each covers.
#[derive(Debug, Clone, Default)]
pub struct Suppressions {
    /// Per directive: its document and the directive.
    directives: Vec<(usize, Directive)>,
    /// Notices found while reading the directives.
    invalid: Vec<Notice>,
    /// Per claim: the directive that covers it; empty when no document holds a directive.
    covered_by: Vec<Option<usize>>,
    /// Per claim: whether the configuration ignores its key; empty when it ignores none.
    ignored: Vec<bool>,
}

impl Suppressions {
    /// Reads the suppressions of every document and matches them to the claims.
    ///
    /// A run without suppressions and ignored keys, the usual case, holds nothing per claim:
    /// a large run keeps millions of claims.
    pub fn find(documents: &[Document], claims: &[Claim], policy: &Policy) -> Suppressions {
        let mut directives = Vec::new();
        let mut invalid = Vec::new();
        for (index, doc) in documents.iter().enumerate() {
            let (found, notices) = self::directives(&doc.text, index);
            directives.extend(found.into_iter().map(|d| (index, d)));
            invalid.extend(notices);
        }
        // Lines are counted only in the documents that hold a directive.
        let mut lines: HashMap<usize, LineIndex> = HashMap::new();
        for (source, _) in &directives {
            if let Some(doc) = documents.get(*source) {
                lines.entry(*source).or_insert_with(|| LineIndex::new(&doc.text));
            }
        }
        Suppressions::of(directives, invalid, |source| lines.get(&source), claims, policy)
    }

    /// [`Suppressions::find`] from directives already read (each with the index of its
    /// document) and the notices met reading them; `lines` gives the line index of a document
    /// that holds a directive. The documents' text is not needed.
    pub fn of<'a, C: Borrow<Claim>>(
        directives: Vec<(usize, Directive)>,
        invalid: Vec<Notice>,
        lines: impl Fn(usize) -> Option<&'a LineIndex>,
        claims: impl IntoIterator<Item = C>,
        policy: &Policy,
    ) -> Suppressions {
        let line_of =
            |source: usize, offset: usize| lines(source).map_or(0, |index| index.position(offset).0);
        let with_directives: HashSet<usize> = directives.iter().map(|(source, _)| *source).collect();
        let covered = |claim: &Claim| {
            let key = claim.key.as_deref()?;
            if !with_directives.contains(&claim.source) {
                return None;
            }
            let line = line_of(claim.source, claim.span.start);
            directives.iter().position(|(source, d)| {
                *source == claim.source
                    && d.keys.iter().any(|k| key_matches(k, key))
                    && match d.scope {
                        Scope::File => true,
                        Scope::NextLine => line == line_of(*source, d.span.end) + 1,
                    }
            })
        };
        let ignored = |claim: &Claim| {
            claim
                .key
                .as_deref()
                .is_some_and(|key| policy.ignore.iter().any(|p| key_matches(p, key)))
        };
        // One pass over the claims, and none when nothing can be suppressed: a packed run
        // reads its claims back to walk them.
        let (mut covered_by, mut ignored_claims) = (Vec::new(), Vec::new());
        if !directives.is_empty() || !policy.ignore.is_empty() {
            for claim in claims {
                let claim = claim.borrow();
                if !directives.is_empty() {
                    covered_by.push(covered(claim));
                }
                if !policy.ignore.is_empty() {
                    ignored_claims.push(ignored(claim));
                }
            }
        }
        let ignored = ignored_claims;
        Suppressions {
            directives,
            invalid,
            covered_by,
            ignored,
        }
    }

    /// Whether any document holds a suppression.
    pub fn any(&self) -> bool {
        !self.directives.is_empty()
    }

    /// Whether claim `index` is left out of the comparison: its key is ignored, or a
    /// suppression covers it and `suppressed` is true. [`Suppressions::masked`] without copies.
    pub fn hides(&self, index: usize, suppressed: bool) -> bool {
        self.ignored.get(index).copied().unwrap_or(false)
            || (suppressed && self.covered_by.get(index).copied().flatten().is_some())
    }

    /// The claims as compared: those of ignored keys, and those covered by a suppression when
    /// `suppressed` is true, lose their key (so the comparison passes them over, while
    /// indices stay those of `claims`).
    pub fn masked(&self, claims: &[Claim], suppressed: bool) -> Vec<Claim> {
        claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let hidden = self.hides(i, suppressed);
                let mut c = c.clone();
                if hidden {
                    c.key = None;
                }
                c
            })
            .collect()
    }

    /// The notices of the run: invalid comments, suppressions without a reason, and
    /// suppressions none of whose claims `reported` (whether a claim takes part in a
    /// diagnostic when nothing is suppressed). Sorted by document and place.
    pub fn notices(&self, reported: impl Fn(usize) -> bool) -> Vec<Notice> {
        let mut notices = self.invalid.clone();
        // One pass over the claims marks the suppressions that hide a reported claim.
        let mut used = vec![false; self.directives.len()];
        for (claim, by) in self.covered_by.iter().enumerate() {
            if let Some(&at) = by.as_ref() {
                if !used[at] && !self.ignored.get(claim).copied().unwrap_or(false) && reported(claim) {
                    used[at] = true;
                }
            }
        }
        for ((source, d), used) in self.directives.iter().zip(used) {
            let keys = d.keys.join(",");
            if !used {
                let place = match d.scope {
                    Scope::NextLine => "on the next line",
                    Scope::File => "in this file",
                };
                notices.push(Notice {
                    source: *source,
                    span: d.span.clone(),
                    code: NoticeCode::UnusedSuppression,
                    message: format!("no finding involves a figure of `{keys}` {place}"),
                });
            }
            if d.reason.is_none() {
                notices.push(Notice {
                    source: *source,
                    span: d.span.clone(),
                    code: NoticeCode::SuppressionWithoutReason,
                    message: format!("the suppression of `{keys}` gives no reason; add one after the keys"),
                });
            }
        }
        notices.sort_by_key(|n| (n.source, n.span.start, n.code));
        notices
    }
}

/// Every `<!-- ... -->` comment: its span (to the end of the text when unclosed) and body.
fn comments(text: &str) -> impl Iterator<Item = (Range<usize>, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + text.get(at..)?.find("<!--")?;
        let body_start = start + 4;
        let (body_end, end) = match text[body_start..].find("-->") {
            Some(i) => (body_start + i, body_start + i + 3),
            None => (text.len(), text.len()),
        };
        at = end;
        Some((start..end, &text[body_start..body_end]))
    })
}

/// `KEY[,KEY...] [--] [reason]`.
fn parse_args(args: &str, scope: Scope, span: Range<usize>) -> Result<Directive, String> {
    let args = args.trim();
    let (keys, reason) = args.split_once(char::is_whitespace).unwrap_or((args, ""));
    let keys: Vec<String> = keys
        .split(',')
        .filter(|k| !k.is_empty())
        .map(str::to_string)
        .collect();
    if keys.is_empty() {
        return Err("the suppression names no key; write `crosscheck-ignore: KEY reason`".into());
    }
    let reason = reason.trim();
    let reason = reason.strip_prefix("--").unwrap_or(reason).trim();
    Ok(Directive {
        span,
        scope,
        keys,
        reason: (!reason.is_empty()).then(|| reason.to_string()),
    })
}

fn first_word(body: &str) -> &str {
    body.split(|c: char| c.is_whitespace() || c == ':')
        .next()
        .unwrap_or(body)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Directive {
        let (found, notices) = directives(text, 0);
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(found.len(), 1, "{found:?}");
        found.into_iter().next().unwrap()
    }

    #[test]
    fn reads_keys_and_reasons() {
        let text = "Intro.\n<!-- crosscheck-ignore: parade.troops the 2015 figure -->\nBody.";
        let d = one(text);
        assert_eq!(d.scope, Scope::NextLine);
        assert_eq!(d.keys, ["parade.troops"]);
        assert_eq!(d.reason.as_deref(), Some("the 2015 figure"));
        assert_eq!(
            &text[d.span.clone()],
            "<!-- crosscheck-ignore: parade.troops the 2015 figure -->"
        );
        let d = one("<!--crosscheck-ignore-file:a.*,b -- old wire copy-->");
        assert_eq!(d.scope, Scope::File);
        assert_eq!(d.keys, ["a.*", "b"]);
        assert_eq!(d.reason.as_deref(), Some("old wire copy"));
        let d = one("<!-- crosscheck-ignore: k -->");
        assert_eq!(d.reason, None);
    }

    #[test]
    fn other_comments_are_not_suppressions() {
        let (found, notices) = directives("<!-- note: 26 dead --> <!-- crosscheckignore: x -->", 0);
        assert!(found.is_empty() && notices.is_empty());
    }

    #[test]
    fn malformed_suppressions_are_notices() {
        let (found, notices) = directives(
            "<!-- crosscheck-ignore-next-line: k r -->\n<!-- crosscheck-ignore: -->\n<!-- crosscheck-ignore",
            3,
        );
        assert!(found.is_empty());
        assert_eq!(notices.len(), 3, "{notices:?}");
        assert!(notices[0].message.contains("`crosscheck-ignore-next-line`"));
        assert!(notices[1].message.contains("names no key"));
        assert!(notices[2]
            .message
            .starts_with("`crosscheck-ignore` is not a suppression"));
        assert!(notices
            .iter()
            .all(|n| n.source == 3 && n.code == NoticeCode::InvalidSuppression));
        // An unclosed comment runs to the end of the text: its key is read.
        let (found, _) = directives("x <!-- crosscheck-ignore: k why", 0);
        assert_eq!(found[0].span, 2..31);
    }

    #[test]
    fn masking_keeps_offsets_and_lines() {
        let text = "A <!-- crosscheck-ignore: k 26 dead — é -->\r\nB 12 <!-- keep 5 -->";
        let masked = mask(text);
        assert_eq!(masked.len(), text.len());
        assert!(!masked.contains("26"));
        assert!(masked.contains("<!-- keep 5 -->"));
        assert_eq!(masked.find("\r\nB 12"), text.find("\r\nB 12"));
        assert!(matches!(mask("no comment"), Cow::Borrowed(_)));
    }

    #[test]
    fn comments_never_panic_on_odd_text() {
        for text in [
            "<!--",
            "<!---->",
            "<!-- -->-->",
            "é<!--é-->é",
            "<!-- crosscheck-ignore:é",
        ] {
            let _ = directives(text, 0);
            assert_eq!(mask(text).len(), text.len());
        }
    }

    fn run(texts: &[&str], policy: &Policy) -> crate::Analysis {
        let documents = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::parse(format!("{i}.md"), t.to_string()).unwrap())
            .collect();
        crate::analyze_with(documents, &crate::rules::RuleSet::generic(), policy)
    }

    const KILLED_1870: &str = "The earthquake killed 1,870 people, officials said.\n";

    #[test]
    fn a_used_suppression_hides_its_figure_and_is_silent() {
        let a = "<!-- crosscheck-ignore: dead early count -->\nThe earthquake killed 1,240 people, officials said.\n";
        let analysis = run(&[a, KILLED_1870], &Policy::default());
        assert!(analysis.comparison.findings.is_empty());
        assert!(analysis.notices.is_empty(), "{:?}", analysis.notices);
        // The claim is still listed, with its key, for `facts` and the JSON report.
        assert_eq!(analysis.claims[0].key.as_deref(), Some("dead"));
    }

    #[test]
    fn suppressions_that_hide_nothing_are_reported() {
        // Two lines down: the suppression covers the blank line only.
        let a = "<!-- crosscheck-ignore: dead -->\n\nThe earthquake killed 1,240 people, officials said.\n";
        let analysis = run(&[a, KILLED_1870], &Policy::default());
        assert_eq!(analysis.comparison.findings.len(), 1);
        let codes: Vec<_> = analysis.notices.iter().map(|n| n.code).collect();
        assert_eq!(
            codes,
            [
                NoticeCode::UnusedSuppression,
                NoticeCode::SuppressionWithoutReason
            ]
        );
        assert_eq!(analysis.notices[0].span, 0..32);
        // A figure that agrees anyway: suppressing it hides no finding.
        let a = "<!-- crosscheck-ignore-file: dead same figure -->\nThe earthquake killed 1,870 people.\n";
        let analysis = run(&[a, KILLED_1870], &Policy::default());
        assert_eq!(analysis.notices.len(), 1);
        assert!(analysis.notices[0].message.contains("in this file"));
    }

    #[test]
    fn a_file_suppression_covers_every_line_and_key_patterns() {
        let a = "The earthquake killed 1,240 people.\n\n<!-- crosscheck-ignore-file: turnout.*,dead wire copy -->\n";
        let b = "The earthquake killed 1,870 people. Turnout was 60% in the vote.\n";
        let c = "Turnout was 45% in the vote, after a quake that killed 1,870.\n";
        let analysis = run(&[a, b, c], &Policy::default());
        let keys: Vec<_> = analysis
            .comparison
            .findings
            .iter()
            .map(|f| f.key.as_str())
            .collect();
        assert_eq!(
            keys,
            ["turnout.percent"],
            "the turnout conflict is between b and c"
        );
        assert!(analysis.notices.is_empty(), "{:?}", analysis.notices);
    }

    #[test]
    fn the_policy_ignores_keys_and_sets_severities() {
        let a = "The earthquake killed 1,240 people. Turnout was 45% in the vote.\n";
        let b = "The earthquake killed 1,870 people. Turnout was 60% in the vote.\n";
        let policy = Policy {
            ignore: vec!["turnout.*".into()],
            severity: vec![(
                "dead".into(),
                SeverityOverride {
                    conflict: Some(Severity::Info),
                    discrepancy: None,
                },
            )],
        };
        let analysis = run(&[a, b], &policy);
        assert_eq!(analysis.comparison.findings.len(), 1);
        assert_eq!(analysis.comparison.findings[0].key, "dead");
        assert_eq!(analysis.comparison.findings[0].severity, Severity::Info);
        assert_eq!(analysis.comparison.keys_compared, 1);
    }
}
