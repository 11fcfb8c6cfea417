//! Throughput of the normalizer and of `check` end to end, on generated news text.
//!
//! `cargo bench` reports MB/s for a plain digit scan (the yardstick), extraction alone,
//! extraction plus keying (one thread), and the whole analysis of 10 and 1,000 articles (on
//! all cores). The corpus comes from `examples/gen_corpus.rs`'s
//! templates, rebuilt here in memory so the bench needs no files. The generated text holds
//! far more figures per sentence than news does, so `normalizer-news` runs the same stages on
//! the bundled real articles (`fixtures/eval` and `fixtures/beijing-parade-2025`), read at bench
//! time.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

use crosscheck::document::Document;
use crosscheck::rules::RuleSet;

#[path = "../examples/gen_corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

fn corpus(articles: usize) -> Vec<Document> {
    let mut rng = fastrand::Rng::with_seed(7);
    (0..articles)
        .map(|i| {
            let text = gen_corpus::article(&mut rng, 7 ^ (i as u64 / 5));
            Document::parse(format!("{i}.txt"), text).expect("generated front matter is valid")
        })
        .collect()
}

/// The real news articles bundled with the fixtures, as `check` would load them.
fn news() -> Vec<Document> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let paths = [root.join("eval"), root.join("beijing-parade-2025")];
    let loaded = crosscheck::load::load_paths(
        &paths,
        &mut std::io::empty(),
        &crosscheck::load::LoadOptions::default(),
    );
    assert!(!loaded.documents.is_empty(), "the fixture articles are readable");
    loaded.documents
}

fn normalizer(c: &mut Criterion) {
    stages(c, "normalizer", &corpus(200));
    stages(c, "normalizer-news", &news());
}

/// The digit-scan yardstick and the normalizer's stages on one thread, over `docs`.
fn stages(c: &mut Criterion, name: &str, docs: &[Document]) {
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let rules = RuleSet::generic();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(bytes as u64));
    // The yardstick: one pass over the same bytes looking for digits, as a grep for `[0-9]`
    // does; the normalizer's speed is reported as a ratio to it.
    group.bench_function("digit-scan", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| d.text.bytes().filter(u8::is_ascii_digit).count())
                .sum::<usize>()
        })
    });
    group.bench_function("segment+extract", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let sentences = crosscheck::segment::segment(&d.text, d.body_start);
                    crosscheck::extract::extract(&d.text, &sentences, 0, d.published).len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("segment+extract+key", |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let sentences = crosscheck::segment::segment(&d.text, d.body_start);
                    let mut claims = crosscheck::extract::extract(&d.text, &sentences, 0, d.published);
                    crosscheck::key::assign_keys(&d.text, &mut claims, &rules, d.published);
                    claims.len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

fn check(c: &mut Criterion) {
    let rules = RuleSet::generic();
    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    for articles in [10, 1_000] {
        let docs = corpus(articles);
        let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_with_input(BenchmarkId::from_parameter(articles), &docs, |b, docs| {
            b.iter(|| {
                crosscheck::analyze(docs.clone(), &rules)
                    .comparison
                    .findings
                    .len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, normalizer, check);
criterion_main!(benches);
