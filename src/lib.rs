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
//! [`lint`] grades the figures of a draft against trusted sources with the same stages, and
//! [`rules_test`] runs the examples that rule files carry through them.
//!
//! [`config`] reads `crosscheck.toml`; [`suppress`] leaves out the figures that inline
//! suppressions and ignored keys cover; [`baseline`] records findings to hide in later runs.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod baseline;
pub mod claim;
pub mod compare;
pub mod config;
pub mod document;
pub mod extract;
#[doc(hidden)]
pub mod fuzzing;
pub mod interval;
pub mod key;
pub mod lint;
pub mod load;
pub mod location;
pub mod markup;
pub mod number;
pub mod report;
pub mod rules;
pub mod rules_test;
pub mod segment;
pub mod suppress;
pub mod token;
pub mod when;

use claim::Claim;
use compare::Comparison;
use document::Document;
use rayon::prelude::*;
use rules::RuleSet;
use suppress::{Notice, Policy, Suppressions};

/// Everything one run found: the sources, every claim, and the graded comparison.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub documents: Vec<Document>,
    /// Claims of every document, in document order.
    pub claims: Vec<Claim>,
    pub comparison: Comparison,
    /// Remarks about the input itself (unused or malformed suppressions), by document.
    pub notices: Vec<Notice>,
    /// Claims found but not kept in `claims` (see [`Keep::Reported`]).
    pub unlisted_claims: usize,
}

impl Analysis {
    /// How many claims the documents gave, kept or not.
    pub fn claim_count(&self) -> usize {
        self.claims.len() + self.unlisted_claims
    }
}

/// Which claims an [`Analysis`] keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Keep {
    /// Every claim, for listings of facts and reports that show every claim (JSON).
    #[default]
    All,
    /// Only the claims a findings report can show: keyed ones, which may be compared, and
    /// doubtful ones, which are listed apart. The others are only counted
    /// ([`Analysis::unlisted_claims`]), so a large run holds far fewer claims in memory.
    Reported,
}

impl Keep {
    fn keeps(self, claim: &Claim) -> bool {
        match self {
            Keep::All => true,
            Keep::Reported => claim.key.is_some() || claim.doubt.is_some(),
        }
    }
}

/// Runs segment -> extract -> key -> compare over loaded documents.
pub fn analyze(documents: Vec<Document>, rules: &RuleSet) -> Analysis {
    analyze_with(documents, rules, &Policy::default())
}

/// [`analyze`], leaving out the figures of ignored keys and those inline suppressions cover,
/// and with the policy's severities. A suppression is used when a figure it covers takes
/// part in a finding of the comparison without suppressions; the others become notices.
pub fn analyze_with(documents: Vec<Document>, rules: &RuleSet, policy: &Policy) -> Analysis {
    analyze_with_progress(documents, rules, policy, Keep::All, &|| {})
}

/// [`analyze_with`], keeping the claims `keep` says and calling `document_done` once per
/// document read (from any thread), so that a front end can show progress on a long run.
pub fn analyze_with_progress(
    documents: Vec<Document>,
    rules: &RuleSet,
    policy: &Policy,
    keep: Keep,
    document_done: &(dyn Fn() + Sync),
) -> Analysis {
    let (claims, unlisted_claims) = kept_claims(&documents, rules, keep, document_done);
    let suppressions = Suppressions::find(&documents, &claims, policy);
    let published: Vec<_> = documents.iter().map(|d| d.published).collect();
    let compared = |suppressed: bool| {
        let mut comparison = compare::compare_where(&claims, rules, |i| !suppressions.hides(i, suppressed));
        compare::note_publication_days(&mut comparison, &claims, &published);
        comparison
    };
    let mut comparison = compared(true);
    let unsuppressed = suppressions.any().then(|| compared(false));
    let notices = suppressions.notices(|claim| {
        unsuppressed.as_ref().is_some_and(|c| {
            c.findings
                .iter()
                .any(|f| f.sides.iter().any(|s| s.claims.contains(&claim)))
        })
    });
    policy.apply_severity(&mut comparison);
    Analysis {
        documents,
        claims,
        comparison,
        notices,
        unlisted_claims,
    }
}

/// Runs segment -> extract -> key: the claims of every document, in document order, each
/// with the index of its document as `source`. Suppression comments are blanked first, so
/// their keys and reasons state nothing.
///
/// Documents are read in parallel on rayon's pool (as many threads as cores unless
/// `RAYON_NUM_THREADS` says otherwise); each is read on its own and the results are joined
/// in input order, so the claims are the same whatever the number of threads.
pub fn keyed_claims(documents: &[Document], rules: &RuleSet) -> Vec<Claim> {
    kept_claims(documents, rules, Keep::All, &|| {}).0
}

/// The claims `keep` keeps, in document order, and how many others were found.
fn kept_claims(
    documents: &[Document],
    rules: &RuleSet,
    keep: Keep,
    document_done: &(dyn Fn() + Sync),
) -> (Vec<Claim>, usize) {
    // Documents are read in batches, each batch in parallel, and its claims moved into one
    // vector: only one batch of per-document vectors exists beside it at any time. The
    // strings of the claims kept are shared across the run as they are moved.
    const BATCH: usize = 256;
    let mut claims = Vec::new();
    let mut interner = claim::Interner::default();
    let mut unlisted = 0;
    for (batch, chunk) in documents.chunks(BATCH).enumerate() {
        let per_document: Vec<(Vec<Claim>, usize)> = chunk
            .par_iter()
            .enumerate()
            .map(|(offset, doc)| {
                let mut found = document_claims(doc, batch * BATCH + offset, rules);
                let all = found.len();
                found.retain(|c| keep.keeps(c));
                document_done();
                let dropped = all - found.len();
                (found, dropped)
            })
            .collect();
        for (found, dropped) in per_document {
            claims.extend(found.into_iter().map(|mut claim| {
                interner.intern(&mut claim);
                claim
            }));
            unlisted += dropped;
        }
    }
    claims.shrink_to_fit();
    (claims, unlisted)
}

/// The keyed claims of one document, `index` being its place in the run.
pub fn document_claims(doc: &Document, index: usize, rules: &RuleSet) -> Vec<Claim> {
    let prose = markup::Prose::of(doc);
    // Suppression comments in plain text are blanked; Markdown and HTML drop comments.
    let text = match doc.format {
        markup::Format::Text => suppress::mask(&prose.text),
        _ => std::borrow::Cow::Borrowed(prose.text.as_ref()),
    };
    let sentences = segment::segment(&text, prose.start);
    // Each sentence is keyed as soon as it is read, with the tokens extraction made of it.
    let mut found = extract::extract_each(&text, &sentences, index, doc.published, |_, tokens, claims| {
        key::key_sentence_tokens(&text, tokens, claims, rules, doc.published)
    });
    key::date_earlier_updates(&text, prose.start..text.len(), &mut found, doc.published);
    prose.restore(&mut found);
    found
}
