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
pub mod number;
pub mod report;
pub mod rules;
pub mod segment;
pub mod token;
pub mod when;

use claim::Claim;
use compare::Comparison;
use document::Document;
use rayon::prelude::*;
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
    analyze_with_progress(documents, rules, &|| {})
}

/// [`analyze`], calling `document_done` once per document read (from any thread), so that a
/// front end can show progress on a long run.
pub fn analyze_with_progress(
    documents: Vec<Document>,
    rules: &RuleSet,
    document_done: &(dyn Fn() + Sync),
) -> Analysis {
    let claims = keyed_claims_with_progress(&documents, rules, document_done);
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
///
/// Documents are read in parallel on rayon's pool (as many threads as cores unless
/// `RAYON_NUM_THREADS` says otherwise); each is read on its own and the results are joined
/// in input order, so the claims are the same whatever the number of threads.
pub fn keyed_claims(documents: &[Document], rules: &RuleSet) -> Vec<Claim> {
    keyed_claims_with_progress(documents, rules, &|| {})
}

fn keyed_claims_with_progress(
    documents: &[Document],
    rules: &RuleSet,
    document_done: &(dyn Fn() + Sync),
) -> Vec<Claim> {
    documents
        .par_iter()
        .enumerate()
        .flat_map_iter(|(index, doc)| {
            let claims = document_claims(doc, index, rules);
            document_done();
            claims
        })
        .collect()
}

/// The keyed claims of one document, `index` being its place in the run.
pub fn document_claims(doc: &Document, index: usize, rules: &RuleSet) -> Vec<Claim> {
    let sentences = segment::segment(&doc.text, doc.body_start);
    let mut found = extract::extract(&doc.text, &sentences, index, doc.published);
    key::assign_keys(&doc.text, &mut found, rules, doc.published);
    found
}
