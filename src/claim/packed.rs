//! Claims held compactly: a large run keeps millions of claims until it compares them, and
//! a [`Claim`] is 176 bytes.
//!
//! Most of a claim recurs across the run: every article about an event says `2,208` of
//! `people` under `deaths`, with the same value, unit, qualifier and key. Only where it stands
//! (its source, its span and its sentence) is its own. [`Packed`] keeps that part in a
//! 10-byte record and four bytes for the sentence (the source once per run of claims from one
//! document, the sentence not at all while every sentence is its claim's span, as when a run
//! forgets its text), and the rest once per distinct *template* (the claim without its place,
//! 136 bytes where a claim is 176), so a claim costs 10 or 14 bytes plus its share of the
//! templates. [`Packed::get`] gives the claim back, every field as it was pushed.

use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHasher};

use super::{Claim, Doubt, Figure, Kind, Qualifier, Relation, Shared};
use crate::interval::Interval;

/// Claims in the order they were pushed, read back by index.
#[derive(Debug, Default, Clone)]
pub struct Packed {
    records: Chunks<Record>,
    /// How far each claim's sentence reaches around its span, by record; empty while every
    /// sentence pushed is its claim's span (a reader that forgets the text makes them so).
    reaches: Vec<Reach>,
    /// Where each run of claims of one source starts: (first record, source). Claims are
    /// pushed in document order, so a run holds a document's claims.
    runs: Vec<(usize, usize)>,
    /// Each distinct claim without its place.
    templates: Chunks<Template>,
    /// Template ids by hash; templates with the same hash are chained through `next`.
    by_hash: FxHashMap<u64, u32>,
    next: Vec<u32>,
    /// Claims whose place does not fit a record (a file past 4 GiB, a sentence reaching more
    /// than 64 KiB around its phrase): kept whole.
    whole: Vec<Claim>,
}

impl Packed {
    /// Adds `claim` after those pushed before.
    pub fn push(&mut self, claim: Claim) {
        if self.runs.last().is_none_or(|&(_, source)| source != claim.source) {
            self.runs.push((self.records.len(), claim.source));
        }
        let (record, reach) = match Place::of(&claim) {
            Some((place, reach)) => {
                let template = self.template(Template::of(claim));
                (Record { place, template }, reach)
            }
            None => {
                let at = self.whole.len() as u32;
                self.whole.push(claim);
                let template = WHOLE | at;
                (
                    Record {
                        place: Place::default(),
                        template,
                    },
                    Reach::default(),
                )
            }
        };
        // The first sentence wider than its span gives every claim before it a reach of none.
        if !self.reaches.is_empty() || reach != Reach::default() {
            self.reaches.resize(self.records.len(), Reach::default());
            self.reaches.push(reach);
        }
        self.records.push(record);
    }

    /// How many claims were pushed.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The claim pushed `index`-th, as it was pushed; `None` past the end.
    pub fn get(&self, index: usize) -> Option<Claim> {
        let record = self.records.get(index)?;
        if record.template & WHOLE != 0 {
            return self.whole.get((record.template & !WHOLE) as usize).cloned();
        }
        let template = self.templates.get(record.template as usize)?;
        let reach = self.reaches.get(index).copied().unwrap_or_default();
        let (span, sentence) = record.place.unpack(reach);
        Some(template.at(self.source(index)?, span, sentence))
    }

    /// The source and span of the claim pushed `index`-th: [`Packed::get`]'s, without the
    /// rest of the claim.
    pub fn place(&self, index: usize) -> Option<(usize, Range<usize>)> {
        let record = self.records.get(index)?;
        if record.template & WHOLE != 0 {
            let claim = self.whole.get((record.template & !WHOLE) as usize)?;
            return Some((claim.source, claim.span.clone()));
        }
        let (span, _) = record.place.unpack(Reach::default());
        Some((self.source(index)?, span))
    }

    /// The claim pushed `index`-th without its place: what the comparator and the summaries
    /// read, without copying the claim.
    pub fn shape(&self, index: usize) -> Option<Figure<'_>> {
        let record = self.records.get(index)?;
        if record.template & WHOLE != 0 {
            Some(self.whole.get((record.template & !WHOLE) as usize)?.figure())
        } else {
            Some(self.templates.get(record.template as usize)?.figure())
        }
    }

    /// The document the claim pushed `index`-th comes from.
    pub fn source(&self, index: usize) -> Option<usize> {
        if index >= self.records.len() {
            return None;
        }
        let run = self.runs.partition_point(|&(first, _)| first <= index);
        Some(self.runs.get(run.checked_sub(1)?)?.1)
    }

    /// Lets go of what only pushing needs; no claim can be added afterwards without the
    /// templates being stored again.
    pub fn shrink_to_fit(&mut self) {
        self.by_hash = FxHashMap::default();
        self.next = Vec::new();
        self.records.shrink_to_fit();
        self.reaches.shrink_to_fit();
        self.runs.shrink_to_fit();
        self.templates.shrink_to_fit();
        self.whole.shrink_to_fit();
    }

    /// The id of `template`, stored if it is new.
    fn template(&mut self, template: Template) -> u32 {
        let hash = template_hash(&template);
        let mut at = self.by_hash.get(&hash).copied().unwrap_or(NONE);
        while at != NONE {
            if self
                .templates
                .get(at as usize)
                .is_some_and(|t| same_template(t, &template))
            {
                return at;
            }
            at = self.next[at as usize];
        }
        let id = self.templates.len() as u32;
        // Ids run out long after memory would: 2^31 distinct templates is 290 GB of them.
        self.templates.push(template);
        self.next.push(self.by_hash.insert(hash, id).unwrap_or(NONE));
        id
    }
}

/// A record's `template` with this bit set indexes `Packed::whole` instead.
const WHOLE: u32 = 1 << 31;
/// The end of a chain of templates.
const NONE: u32 = u32::MAX;

/// One claim: where its phrase stands in its document, and its template. Packed to two-byte
/// alignment: 10 bytes rather than 12, 12 MB in a run of six million claims.
#[derive(Debug, Clone, Copy)]
#[repr(C, packed(2))]
struct Record {
    place: Place,
    template: u32,
}

/// A claim's span in 6 bytes: a start and a length.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, packed(2))]
struct Place {
    start: u32,
    len: u16,
}

/// How far a claim's sentence reaches before and after its span.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Reach {
    before: u16,
    after: u16,
}

impl Place {
    /// `None` when a field does not fit, or the sentence does not hold the span.
    fn of(claim: &Claim) -> Option<(Place, Reach)> {
        let (span, sentence) = (&claim.span, &claim.sentence);
        let small = |n: usize| u16::try_from(n).ok();
        let place = Place {
            start: u32::try_from(span.start).ok()?,
            len: small(span.end.checked_sub(span.start)?)?,
        };
        let reach = Reach {
            before: small(span.start.checked_sub(sentence.start)?)?,
            after: small(sentence.end.checked_sub(span.end)?)?,
        };
        Some((place, reach))
    }

    /// The span, and the sentence that reaches `reach` around it.
    fn unpack(self, reach: Reach) -> (Range<usize>, Range<usize>) {
        let start = self.start as usize;
        let end = start + usize::from(self.len);
        (
            start..end,
            start - usize::from(reach.before)..end + usize::from(reach.after),
        )
    }
}

/// A claim without its place (source, span and sentence): what claims at different places
/// share. The fields are those of [`Claim`].
#[derive(Debug, Clone)]
struct Template {
    text: Shared,
    value: Option<Interval>,
    stated: Option<(f64, f64)>,
    precision: f64,
    written_factor: f64,
    kind: Kind,
    unit: Option<&'static str>,
    qualifier: Qualifier,
    noun: Option<Shared>,
    key: Option<Shared>,
    resolution: Option<Shared>,
    relation: Option<Relation>,
    doubt: Option<Doubt>,
    claimant: Option<Shared>,
}

impl Template {
    /// `claim` without its place. Every field is named, so that a field added to `Claim`
    /// cannot be left out of templates.
    fn of(claim: Claim) -> Template {
        let Claim {
            source: _,
            span: _,
            text,
            sentence: _,
            value,
            stated,
            precision,
            written_factor,
            kind,
            unit,
            qualifier,
            noun,
            key,
            resolution,
            relation,
            doubt,
            claimant,
        } = claim;
        Template {
            text,
            value,
            stated,
            precision,
            written_factor,
            kind,
            unit,
            qualifier,
            noun,
            key,
            resolution,
            relation,
            doubt,
            claimant,
        }
    }

    /// The claim of this template at a place.
    fn at(&self, source: usize, span: Range<usize>, sentence: Range<usize>) -> Claim {
        let Template {
            text,
            value,
            stated,
            precision,
            written_factor,
            kind,
            unit,
            qualifier,
            noun,
            key,
            resolution,
            relation,
            doubt,
            claimant,
        } = self.clone();
        Claim {
            source,
            span,
            text,
            sentence,
            value,
            stated,
            precision,
            written_factor,
            kind,
            unit,
            qualifier,
            noun,
            key,
            resolution,
            relation,
            doubt,
            claimant,
        }
    }

    fn figure(&self) -> Figure<'_> {
        figure_of!(self)
    }
}

/// A template's fields, floats as their bits (so that the claim read back is the one pushed,
/// `-0.0` and NaN included), strings apart. Every field is named, so that a field added to
/// `Template` cannot be forgotten by the hash or the comparison.
fn template_parts(template: &Template) -> (impl Hash + Eq, [Option<&Shared>; 5]) {
    let Template {
        text,
        value,
        stated,
        precision,
        written_factor,
        kind,
        unit,
        qualifier,
        noun,
        key,
        resolution,
        relation,
        doubt,
        claimant,
    } = template;
    let bits = (
        value.map(|v| [v.lo, v.hi].map(|b| b.map(|b| (b.value.to_bits(), b.inclusive)))),
        stated.map(|(lo, hi)| (lo.to_bits(), hi.to_bits())),
        (precision.to_bits(), written_factor.to_bits()),
        (*kind, *unit, *qualifier, *relation, doubt.map(|d| d as u8)),
    );
    let strings = [
        Some(text),
        noun.as_ref(),
        key.as_ref(),
        resolution.as_ref(),
        claimant.as_ref(),
    ];
    (bits, strings)
}

/// A hash of every field but the place. Strings hash by address: the reader interns them
/// ([`super::Interner`]), so equal strings are one copy, and two equal strings held apart only
/// cost a second template, never a wrong one (`same_template` compares their text).
///
/// The thread that merges the reading threads' batches hashes every claim kept, so the hash is
/// a fast one (rustc's `FxHasher`), not the default `SipHash`: templates are not chosen by
/// an adversary, and a collision only lengthens a chain.
fn template_hash(template: &Template) -> u64 {
    let mut h = FxHasher::default();
    let (bits, strings) = template_parts(template);
    bits.hash(&mut h);
    for s in strings {
        s.map(|s| Arc::as_ptr(&s.0) as usize).hash(&mut h);
    }
    h.finish()
}

/// Whether two templates agree on every field, floats bit for bit.
fn same_template(a: &Template, b: &Template) -> bool {
    template_parts(a) == template_parts(b)
}

/// A vector that grows a fixed-size chunk at a time: a run pushes millions of records and
/// hundreds of thousands of templates, and a vector growing by doubling may hold nearly as
/// much room again as it fills (25 MB of records at 100,000 articles), and needs both its old
/// and new room while it moves.
#[derive(Debug, Clone)]
struct Chunks<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
}

/// Elements a chunk holds: a power of two, so that an index splits by shifting.
const CHUNK_BITS: u32 = 14;
const CHUNK: usize = 1 << CHUNK_BITS;

impl<T> Default for Chunks<T> {
    fn default() -> Self {
        Chunks {
            chunks: Vec::new(),
            len: 0,
        }
    }
}

impl<T> Chunks<T> {
    fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(chunk) if chunk.len() < CHUNK => chunk.push(item),
            _ => {
                let mut chunk = Vec::with_capacity(CHUNK);
                chunk.push(item);
                self.chunks.push(chunk);
            }
        }
        self.len += 1;
    }

    fn len(&self) -> usize {
        self.len
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn get(&self, index: usize) -> Option<&T> {
        self.chunks.get(index >> CHUNK_BITS)?.get(index & (CHUNK - 1))
    }

    /// Gives back the room of the last chunk beyond its elements.
    fn shrink_to_fit(&mut self) {
        if let Some(last) = self.chunks.last_mut() {
            last.shrink_to_fit();
        }
        self.chunks.shrink_to_fit();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::{Doubt, Interner, Kind, Qualifier, Relation};
    use crate::interval::Interval;

    fn full() -> Claim {
        Claim {
            source: 7,
            span: 120..133,
            text: "more than 2,208".into(),
            sentence: 100..180,
            value: Some(Interval::point(2208.0)),
            stated: Some((2208.0, 2208.0)),
            precision: 0.5,
            written_factor: 86_400.0,
            kind: Kind::Duration,
            unit: Some("s"),
            qualifier: Qualifier::MoreThan,
            noun: Some("days".into()),
            key: Some("siege.length".into()),
            resolution: Some("last year, published 2025-08-28".into()),
            relation: Some(Relation::Since),
            doubt: Some(Doubt::Inconsistent),
            claimant: Some("police".into()),
        }
    }

    #[test]
    fn sentences_are_kept_only_when_wider_than_their_spans() {
        let at = |start: usize, sentence: Range<usize>| Claim {
            span: start..start + 5,
            sentence,
            ..full()
        };
        let mut packed = Packed::default();
        packed.push(at(10, 10..15));
        packed.push(at(30, 30..35));
        assert!(packed.reaches.is_empty());
        let claims = [at(10, 10..15), at(30, 30..35), at(50, 40..70), at(80, 80..85)];
        packed.push(claims[2].clone());
        packed.push(claims[3].clone());
        assert_eq!(packed.reaches.len(), 4);
        for (i, claim) in claims.iter().enumerate() {
            assert_eq!(packed.get(i).as_ref(), Some(claim), "claim {i}");
        }
    }

    #[test]
    fn claims_come_back_with_every_field() {
        let mut packed = Packed::default();
        let mut other = full();
        other.source = 8;
        other.span = 5..9;
        other.sentence = 0..9;
        other.value = Some(Interval::closed(-0.0, f64::NAN));
        other.stated = None;
        other.noun = None;
        let bare = Claim {
            resolution: None,
            relation: None,
            doubt: None,
            claimant: None,
            key: None,
            unit: None,
            value: None,
            ..full()
        };
        let mut interner = Interner::default();
        for mut claim in [full(), other.clone(), bare.clone(), full()] {
            interner.intern(&mut claim);
            packed.push(claim);
        }
        assert_eq!(packed.len(), 4);
        assert_eq!(packed.get(0), Some(full()));
        // NaN is not equal to itself: compare the debug form, which prints every field.
        assert_eq!(format!("{:?}", packed.get(1)), format!("{:?}", Some(other)));
        assert_eq!(packed.get(2), Some(bare));
        assert_eq!(packed.get(3), Some(full()));
        assert_eq!(packed.get(4), None);
        assert_eq!(packed.source(1), Some(8));
        assert_eq!((packed.source(2), packed.source(4)), (Some(7), None));
        assert_eq!(packed.shape(3).and_then(|c| c.key), full().key.as_deref());
        // The first and last claim share a template; -0.0 is not 0.0.
        assert_eq!(packed.templates.len(), 3);
        packed.shrink_to_fit();
        assert_eq!(packed.get(3), Some(full()));
    }

    #[test]
    fn interned_claims_at_other_places_share_a_template() {
        let mut interner = Interner::default();
        let mut packed = Packed::default();
        for source in 0..100 {
            let mut claim = Claim {
                source,
                span: source * 10 + 3..source * 10 + 8,
                ..full()
            };
            claim.sentence = claim.span.start - 3..claim.span.end + 1;
            interner.intern(&mut claim);
            packed.push(claim);
        }
        assert_eq!(packed.templates.len(), 1);
        assert_eq!(
            packed.get(42).map(|c| (c.source, c.span, c.sentence)),
            Some((42, 423..428, 420..429))
        );
        // Equal text held twice (not interned) still reads back right, in a template of its own.
        packed.push(full());
        assert_eq!(packed.templates.len(), 2);
        assert_eq!(packed.get(100), Some(full()));
    }

    #[test]
    fn places_that_do_not_fit_keep_the_whole_claim() {
        let mut packed = Packed::default();
        let far = Claim {
            span: 5_000_000_000..5_000_000_010,
            sentence: 4_999_999_000..5_000_000_020,
            ..full()
        };
        let long_sentence = Claim {
            sentence: 0..200_000,
            span: 100_000..100_010,
            ..full()
        };
        let odd = Claim {
            sentence: 130..140,
            ..full()
        };
        for claim in [far.clone(), long_sentence.clone(), odd.clone(), full()] {
            packed.push(claim);
        }
        assert_eq!(packed.whole.len(), 3);
        assert_eq!(packed.get(0), Some(far));
        assert_eq!(packed.get(1), Some(long_sentence));
        assert_eq!(packed.get(2), Some(odd));
        assert_eq!(packed.get(3), Some(full()));
        assert_eq!(packed.source(0), Some(7));
    }

    #[test]
    fn chunks_read_back_across_chunk_boundaries() {
        let mut chunks = Chunks::default();
        assert!(chunks.is_empty());
        let n = 2 * CHUNK + 3;
        for i in 0..n {
            chunks.push(i);
        }
        assert_eq!(chunks.len(), n);
        assert_eq!(chunks.chunks.len(), 3);
        for i in [0, CHUNK - 1, CHUNK, 2 * CHUNK, n - 1] {
            assert_eq!(chunks.get(i), Some(&i));
        }
        assert_eq!(chunks.get(n), None);
        chunks.shrink_to_fit();
        assert_eq!(chunks.chunks[2].capacity(), 3);
        assert_eq!(chunks.get(n - 1), Some(&(n - 1)));
    }

    #[test]
    fn a_claim_costs_a_small_record() {
        assert_eq!(std::mem::size_of::<Record>(), 10);
        assert_eq!(std::mem::size_of::<Reach>(), 4);
        // A template is what is left of a claim without its place: 40 bytes fewer.
        assert!(std::mem::size_of::<Template>() <= std::mem::size_of::<Claim>() - 40);
    }
}
