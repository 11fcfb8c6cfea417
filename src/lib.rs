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

use claim::{Claim, Interner};
use compare::Comparison;
use document::Document;
use location::LineIndex;
use rayon::prelude::*;
use rules::RuleSet;
use suppress::{Directive, Notice, Policy, Suppressions};

/// Everything one run found: the sources, every claim, and the graded comparison.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// The documents, in input order. Their `text` is empty when the run was read with
    /// [`Reader::forget_text`]; `lines` still places every claim.
    pub documents: Vec<Document>,
    /// Per document, where its lines start: the lines and columns reports show.
    pub lines: Vec<LineIndex>,
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
    let mut reader = Reader::new(rules, keep);
    reader.add(documents, document_done);
    reader.finish(policy)
}

/// Reads documents into an [`Analysis`] as they come: segment -> extract -> key as each batch
/// of documents is added, compare when the run is finished. A front end that loads a large
/// run in batches, with [`Reader::forget_text`], never holds all of its articles' text: each
/// article's text is dropped once its claims, line index and suppressions are read.
///
/// Documents are read in parallel on rayon's pool (as many threads as cores unless
/// `RAYON_NUM_THREADS` says otherwise); each is read on its own and the results are joined
/// in input order, so the claims are the same whatever the number of threads or batches.
pub struct Reader<'a> {
    rules: &'a RuleSet,
    keep: Keep,
    forget_text: bool,
    documents: Vec<Document>,
    lines: Vec<LineIndex>,
    claims: Vec<Claim>,
    unlisted: usize,
    directives: Vec<(usize, Directive)>,
    invalid: Vec<Notice>,
    interner: Interner,
}

impl<'a> Reader<'a> {
    pub fn new(rules: &'a RuleSet, keep: Keep) -> Reader<'a> {
        Reader {
            rules,
            keep,
            forget_text: false,
            documents: Vec::new(),
            lines: Vec::new(),
            claims: Vec::new(),
            unlisted: 0,
            directives: Vec::new(),
            invalid: Vec::new(),
            interner: Interner::default(),
        }
    }

    /// Whether to drop each document's text once it is read. Reports that show only
    /// lines and columns (human, concise, GitHub) need no text; those that quote the file
    /// (SARIF snippets, JSON and JSON Lines sentences, fact listings, lint) do.
    pub fn forget_text(mut self, forget: bool) -> Reader<'a> {
        self.forget_text = forget;
        self
    }

    /// Reads `documents`, which follow those added before, calling `document_done` once per
    /// document (from any thread).
    pub fn add(&mut self, documents: Vec<Document>, document_done: &(dyn Fn() + Sync)) {
        // Documents are read in batches, each batch in parallel, and its claims moved into one
        // vector: only one batch of per-document vectors exists beside it at any time. The
        // strings of the claims kept are shared across the run as they are moved.
        const BATCH: usize = 256;
        let mut documents = documents;
        let (rules, keep, forget) = (self.rules, self.keep, self.forget_text);
        for (batch, chunk) in documents.chunks_mut(BATCH).enumerate() {
            let first = self.documents.len() + batch * BATCH;
            let read: Vec<Read> = chunk
                .par_iter_mut()
                .enumerate()
                .map(|(offset, doc)| {
                    let read = Read::of(doc, first + offset, rules, keep);
                    if forget {
                        doc.text = String::new();
                    }
                    document_done();
                    read
                })
                .collect();
            for (source, read) in (first..).zip(read) {
                self.lines.push(read.lines);
                self.unlisted += read.unlisted;
                self.claims.extend(read.claims.into_iter().map(|mut claim| {
                    self.interner.intern(&mut claim);
                    claim
                }));
                self.directives
                    .extend(read.directives.into_iter().map(|d| (source, d)));
                self.invalid.extend(read.invalid);
            }
        }
        self.documents.extend(documents);
    }

    /// How many documents were added.
    pub fn documents(&self) -> usize {
        self.documents.len()
    }

    /// Compares the claims of every document added, leaving out the figures of ignored keys
    /// and those inline suppressions cover, and with the policy's severities (see
    /// [`analyze_with`]).
    pub fn finish(self, policy: &Policy) -> Analysis {
        let Reader {
            documents,
            lines,
            mut claims,
            unlisted,
            directives,
            invalid,
            rules,
            ..
        } = self;
        claims.shrink_to_fit();
        let suppressions = Suppressions::of(directives, invalid, |source| lines.get(source), &claims, policy);
        let published: Vec<_> = documents.iter().map(|d| d.published).collect();
        let compared = |suppressed: bool| {
            let mut comparison =
                compare::compare_where(&claims, rules, |i| !suppressions.hides(i, suppressed));
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
            lines,
            claims,
            comparison,
            notices,
            unlisted_claims: unlisted,
        }
    }
}

/// What reading one document gives.
struct Read {
    claims: Vec<Claim>,
    /// Claims found but not kept.
    unlisted: usize,
    lines: LineIndex,
    directives: Vec<Directive>,
    invalid: Vec<Notice>,
}

impl Read {
    fn of(doc: &Document, index: usize, rules: &RuleSet, keep: Keep) -> Read {
        let mut claims = document_claims(doc, index, rules);
        let all = claims.len();
        claims.retain(|c| keep.keeps(c));
        let (directives, invalid) = suppress::directives(&doc.text, index);
        Read {
            unlisted: all - claims.len(),
            claims,
            lines: LineIndex::new(&doc.text),
            directives,
            invalid,
        }
    }
}

/// Runs segment -> extract -> key: the claims of every document, in document order, each
/// with the index of its document as `source`. Suppression comments are blanked first, so
/// their keys and reasons state nothing.
///
/// Documents are read in parallel on rayon's pool; the claims are the same whatever the
/// number of threads.
pub fn keyed_claims(documents: &[Document], rules: &RuleSet) -> Vec<Claim> {
    let per_document: Vec<Vec<Claim>> = documents
        .par_iter()
        .enumerate()
        .map(|(index, doc)| document_claims(doc, index, rules))
        .collect();
    per_document.into_iter().flatten().collect()
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
    let opening_end = sentences
        .get(key::OPENING_SENTENCES - 1)
        .or(sentences.last())
        .map_or(prose.start, |s| s.end);
    key::key_other_places(&text, prose.start..opening_end, &mut found);
    prose.restore(&mut found);
    found
}
