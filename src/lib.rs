//! crosscheck: tells where articles about the same event disagree on the facts.
//!
//! The pipeline is plain functions over plain data:
//!
//! ```text
//! load -> segment -> extract -> key -> compare -> report
//! ```
//!
//! [`load`] reads articles (the only stage that touches the file system), [`segment`] splits
//! them into sentences, [`extract`] normalizes number phrases into [`claim::Claim`]s,
//! [`key`] gives each claim the key of the quantity it states, [`compare`] grades
//! disagreements between sources, and [`report`] renders the result.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod claim;
pub mod compare;
pub mod document;
pub mod extract;
#[doc(hidden)]
pub mod fuzzing;
pub mod interval;
pub mod key;
pub mod load;
pub mod location;
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
    let mut claims = Vec::new();
    for (index, doc) in documents.iter().enumerate() {
        let sentences = segment::segment(&doc.text, doc.body_start);
        let mut found = extract::extract(&doc.text, &sentences, index, doc.published);
        key::assign_keys(&doc.text, &mut found, rules, doc.published);
        claims.extend(found);
    }
    let mut comparison = compare::compare(&claims, rules);
    let published: Vec<_> = documents.iter().map(|d| d.published).collect();
    compare::note_publication_days(&mut comparison, &claims, &published);
    Analysis {
        documents,
        claims,
        comparison,
    }
}
