//! crosscheck: tells where articles about the same event disagree on the facts.
//!
//! The pipeline is plain functions over plain data:
//!
//! ```text
//! load -> markup -> segment -> extract -> key -> compare -> report
//! ```
//!
//! [`load`] reads articles (the only stage that touches the file system), [`markup`] takes
//! the prose out of Markdown and HTML, [`segment`] splits it into sentences, [`extract`]
//! normalizes number phrases into [`claim::Claim`]s, [`key`] gives each claim the key of
//! the quantity it states, [`compare`] grades disagreements between sources, and [`report`]
//! renders the result.
//!
//! [`lint`] grades the figures of a draft against trusted sources with the same stages.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod claim;
pub mod compare;
pub mod document;
pub mod extract;
pub mod interval;
pub mod key;
pub mod lint;
pub mod load;
pub mod location;
pub mod markup;
pub mod number;
pub mod report;
pub mod rules;
pub mod segment;
pub mod token;
pub mod when;

use claim::Claim;
use compare::Comparison;
use document::Document;
use rules::RuleSet;

/// Everything one run found: the sources, every claim, and the graded comparison.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub documents: Vec<Document>,
    /// Claims of every document, in document order.
    pub claims: Vec<Claim>,
    pub comparison: Comparison,
}

/// Runs segment -> extract -> key -> compare over loaded documents.
pub fn analyze(documents: Vec<Document>, rules: &RuleSet) -> Analysis {
    let claims = keyed_claims(&documents, rules);
    let mut comparison = compare::compare(&claims, rules);
    let published: Vec<_> = documents.iter().map(|d| d.published).collect();
    compare::note_publication_days(&mut comparison, &claims, &published);
    Analysis {
        documents,
        claims,
        comparison,
    }
}

/// Runs segment -> extract -> key: the claims of every document, in document order, each
/// with the index of its document as `source`.
pub fn keyed_claims(documents: &[Document], rules: &RuleSet) -> Vec<Claim> {
    let mut claims = Vec::new();
    for (index, doc) in documents.iter().enumerate() {
        let prose = markup::Prose::of(doc);
        let sentences = segment::segment(&prose.text, prose.start);
        let mut found = extract::extract(&prose.text, &sentences, index, doc.published);
        key::assign_keys(&prose.text, &mut found, rules, doc.published);
        prose.restore(&mut found);
        claims.extend(found);
    }
    claims
}
