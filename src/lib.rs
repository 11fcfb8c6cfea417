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

use std::borrow::Cow;
use std::collections::HashSet;
use std::ops::Range;

use claim::{Claim, Figure, Interner, Packed};
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
    /// [`Reader::forget_text`] (and each claim's sentence is then its span); `lines` still
    /// places every claim.
    pub documents: Vec<Document>,
    /// Per document, where its lines start: the lines and columns reports show.
    pub lines: Vec<LineIndex>,
    /// Claims of every document, in document order; empty when the run was read with
    /// [`Reader::pack_claims`], which keeps them in `packed`. [`Analysis::claim`] reads either.
    pub claims: Vec<Claim>,
    pub comparison: Comparison,
    /// Remarks about the input itself (unused or malformed suppressions), by document.
    pub notices: Vec<Notice>,
    /// Claims found but not kept in `claims` (see [`Keep::Reported`]).
    pub unlisted_claims: usize,
    /// The claims of a run read with [`Reader::pack_claims`], in document order, held
    /// compactly: the kept claims are those of `claims`, then those of `packed`, and the
    /// comparison's indices count them in that order.
    pub packed: Packed,
}

impl Analysis {
    /// How many claims the documents gave, kept or not.
    pub fn claim_count(&self) -> usize {
        self.kept_claims() + self.unlisted_claims
    }

    /// How many claims the analysis holds (`claims` and `packed`).
    pub fn kept_claims(&self) -> usize {
        self.claims.len() + self.packed.len()
    }

    /// The kept claim `index` (as the comparison counts them), borrowed from `claims` or
    /// read back from `packed`; `None` past the end.
    pub fn claim(&self, index: usize) -> Option<Cow<'_, Claim>> {
        match self.claims.get(index) {
            Some(claim) => Some(Cow::Borrowed(claim)),
            None => self.packed.get(index - self.claims.len()).map(Cow::Owned),
        }
    }

    /// Where the kept claim `index` stands: its source and span, without reading the rest of
    /// it back (what a report needs to place each claim of a large finding).
    pub fn place(&self, index: usize) -> Option<(usize, Range<usize>)> {
        match self.claims.get(index) {
            Some(claim) => Some((claim.source, claim.span.clone())),
            None => self.packed.place(index - self.claims.len()),
        }
    }

    /// How many kept claims have a key.
    pub fn keyed_claims(&self) -> usize {
        let held = self.claims.iter().filter(|c| c.key.is_some()).count();
        held + self.packed_where(|c| c.key.is_some()).count()
    }

    /// The kept claims whose value is in doubt, in order.
    pub fn doubtful_claims(&self) -> impl Iterator<Item = Cow<'_, Claim>> {
        let held = self
            .claims
            .iter()
            .filter(|c| c.doubt.is_some())
            .map(Cow::Borrowed);
        let packed = self
            .packed_where(|c| c.doubt.is_some())
            .filter_map(|i| self.packed.get(i).map(Cow::Owned));
        held.chain(packed)
    }

    /// Indices in `packed` of the claims whose template (the claim without its place) passes.
    fn packed_where(&self, test: fn(Figure<'_>) -> bool) -> impl Iterator<Item = usize> + '_ {
        (0..self.packed.len()).filter(move |&i| self.packed.shape(i).is_some_and(test))
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
    pack: bool,
    documents: Vec<Document>,
    lines: Vec<LineIndex>,
    claims: Vec<Claim>,
    packed: Packed,
    unlisted: usize,
    directives: Vec<(usize, Directive)>,
    invalid: Vec<Notice>,
    interner: Interner,
    /// The last batch read, from the document it starts at, not yet merged into the run.
    pending: Option<(usize, Vec<Read>)>,
}

impl<'a> Reader<'a> {
    pub fn new(rules: &'a RuleSet, keep: Keep) -> Reader<'a> {
        Reader {
            rules,
            keep,
            forget_text: false,
            pack: false,
            documents: Vec::new(),
            lines: Vec::new(),
            claims: Vec::new(),
            packed: Packed::default(),
            unlisted: 0,
            directives: Vec::new(),
            invalid: Vec::new(),
            interner: Interner::default(),
            pending: None,
        }
    }

    /// Whether to drop each document's text once it is read. Reports that show only
    /// lines and columns (human, concise, GitHub) need no text; those that quote the file
    /// (SARIF snippets, JSON and JSON Lines sentences, fact listings, lint) do.
    ///
    /// The sentences of claims go with the text: a claim's `sentence` is only read to quote
    /// it, so a reader that forgets the text sets each claim's sentence to its span (the
    /// extent of the phrase), and packed claims ([`Reader::pack_claims`]) then need four
    /// bytes fewer each.
    pub fn forget_text(mut self, forget: bool) -> Reader<'a> {
        self.forget_text = forget;
        self
    }

    /// Whether to hold the claims compactly ([`Analysis::packed`]) rather than as a vector of
    /// claims: 10 or 14 bytes a claim (see [`Reader::forget_text`]), plus its share of the
    /// claims' templates, instead of 176, for runs of many articles. The comparator reads them
    /// in place ([`compare::Figures`]); the analysis gives the same claims and comparison, and
    /// its readers go through [`Analysis::claim`].
    pub fn pack_claims(mut self, pack: bool) -> Reader<'a> {
        self.pack = pack;
        self
    }

    /// Reads `documents`, which follow those added before, calling `document_done` once per
    /// document (from any thread).
    pub fn add(&mut self, documents: Vec<Document>, document_done: &(dyn Fn() + Sync)) {
        // Documents are read in batches, each batch in parallel, and its claims moved into one
        // vector: only two batches of per-document vectors exist beside it at any time. The
        // strings of the claims kept are shared across the run as they are moved, which one
        // thread does; it moves the batch before while the pool reads the next one.
        const BATCH: usize = 64;
        let mut documents = documents;
        let (rules, keep, forget) = (self.rules, self.keep, self.forget_text);
        for (batch, chunk) in documents.chunks_mut(BATCH).enumerate() {
            let first = self.documents.len() + batch * BATCH;
            let before = self.pending.take();
            let mut read = Vec::new();
            // The calling thread merges the batch before while the pool reads this one.
            rayon::in_place_scope(|scope| {
                scope.spawn(|_| read = Read::batch(chunk, first, rules, keep, forget, document_done));
                if let Some((first, before)) = before {
                    self.merge(first, before);
                }
            });
            self.pending = Some((first, read));
        }
        self.documents.extend(documents);
    }

    /// Moves the claims, line indexes and suppressions of a batch read from document `first`
    /// on into the run.
    fn merge(&mut self, first: usize, read: Vec<Read>) {
        for (source, read) in (first..).zip(read) {
            self.lines.push(read.lines);
            self.unlisted += read.unlisted;
            for mut claim in read.claims {
                self.interner.intern(&mut claim);
                if self.pack {
                    self.packed.push(claim);
                } else {
                    self.claims.push(claim);
                }
            }
            self.directives
                .extend(read.directives.into_iter().map(|d| (source, d)));
            self.invalid.extend(read.invalid);
        }
    }

    /// How many documents were added.
    pub fn documents(&self) -> usize {
        self.documents.len()
    }

    /// Compares the claims of every document added, leaving out the figures of ignored keys
    /// and those inline suppressions cover, and with the policy's severities (see
    /// [`analyze_with`]).
    pub fn finish(mut self, policy: &Policy) -> Analysis {
        if let Some((first, read)) = self.pending.take() {
            self.merge(first, read);
        }
        let Reader {
            mut documents,
            mut lines,
            mut claims,
            mut packed,
            unlisted,
            directives,
            invalid,
            rules,
            interner,
            ..
        } = self;
        drop(interner);
        // What reading grew by doubling is given back: the documents, their line indexes and
        // the claims are held until the reports are written.
        documents.shrink_to_fit();
        lines.shrink_to_fit();
        claims.shrink_to_fit();
        packed.shrink_to_fit();
        let every_claim = claims
            .iter()
            .map(Cow::Borrowed)
            .chain((0..packed.len()).filter_map(|i| packed.get(i).map(Cow::Owned)));
        let suppressions = Suppressions::of(
            directives,
            invalid,
            |source| lines.get(source),
            every_claim,
            policy,
        );
        let published: Vec<_> = documents.iter().map(|d| d.published).collect();
        // A reader holds its claims one way or the other, never both.
        let figures: &dyn compare::Figures = if packed.is_empty() { &claims } else { &packed };
        let compared = |suppressed: bool| {
            let mut comparison =
                compare::compare_figures(figures, rules, |i| !suppressions.hides(i, suppressed));
            compare::note_publication_days(&mut comparison, figures, &published);
            comparison
        };
        let mut comparison = compared(true);
        let unsuppressed = suppressions.any().then(|| compared(false));
        // The claims that take part in a finding when nothing is suppressed, gathered once:
        // each suppression asks about each claim it covers.
        let reported: HashSet<usize> = unsuppressed
            .iter()
            .flat_map(|c| &c.findings)
            .flat_map(|f| &f.sides)
            .flat_map(|s| s.claims.iter())
            .collect();
        let notices = suppressions.notices(|claim| reported.contains(&claim));
        policy.apply_severity(&mut comparison);
        Analysis {
            documents,
            lines,
            claims,
            comparison,
            notices,
            unlisted_claims: unlisted,
            packed,
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
    /// Reads `documents`, the first of which is document `first` of the run, in parallel.
    fn batch(
        documents: &mut [Document],
        first: usize,
        rules: &RuleSet,
        keep: Keep,
        forget: bool,
        document_done: &(dyn Fn() + Sync),
    ) -> Vec<Read> {
        documents
            .par_iter_mut()
            .enumerate()
            .map(|(offset, doc)| {
                let mut read = Read::of(doc, first + offset, rules, keep);
                if forget {
                    doc.text = String::new();
                    for claim in &mut read.claims {
                        claim.sentence = claim.span.clone();
                    }
                }
                document_done();
                read
            })
            .collect()
    }

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
    unkey_furniture(&segment::furniture(&text, prose.start), &mut found);
    prose.restore(&mut found);
    found
}

/// Claims read in page furniture (links to other stories, see [`segment::furniture`]) keep
/// their place in the listing but lose their key: another story's figures are never compared.
fn unkey_furniture(furniture: &[Range<usize>], claims: &mut [Claim]) {
    if furniture.is_empty() {
        return;
    }
    for claim in claims {
        let start = claim.span.start;
        let line = furniture.partition_point(|r| r.end < start);
        if furniture.get(line).is_some_and(|r| r.contains(&start)) {
            claim.key = None;
        }
    }
}
