//! Documents are read in parallel: the claims, the comparison and every report must be the
//! same whatever the number of threads.

use crosscheck::document::Document;
use crosscheck::report::{self, RenderOptions};
use crosscheck::rules::RuleSet;
use crosscheck::Analysis;

#[path = "../examples/gen_corpus.rs"]
#[allow(dead_code)]
mod gen_corpus;

/// Generated articles (events of five) followed by the bundled fixtures.
fn documents() -> Vec<Document> {
    let mut rng = fastrand::Rng::with_seed(11);
    let mut docs: Vec<Document> = (0..60)
        .map(|i| {
            let text = gen_corpus::article(&mut rng, 11 ^ (i as u64 / 5));
            Document::parse(format!("gen/{i}.txt"), text).expect("generated front matter is valid")
        })
        .collect();
    for folder in ["fixtures/beijing-parade-2025", "fixtures/coastal-quake-2024"] {
        let mut paths: Vec<_> = std::fs::read_dir(folder)
            .expect("fixture folder")
            .map(|e| e.expect("fixture entry").path())
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("fixture text");
            docs.push(Document::parse(path.display().to_string(), text).expect("fixture front matter"));
        }
    }
    docs
}

fn analyze_on(threads: usize, docs: Vec<Document>, rules: &RuleSet) -> Analysis {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("thread pool")
        .install(|| crosscheck::analyze(docs, rules))
}

fn rendered(analysis: &Analysis) -> (String, String) {
    let options = RenderOptions {
        color: false,
        show_agreements: true,
        context: false,
    };
    let mut human = Vec::new();
    report::write_human(&mut human, analysis, options).expect("human report");
    let mut json = Vec::new();
    report::write_json(&mut json, analysis, options, None).expect("json report");
    (
        String::from_utf8(human).expect("utf-8"),
        String::from_utf8(json).expect("utf-8"),
    )
}

#[test]
fn one_and_four_threads_give_the_same_claims_findings_and_reports() {
    let mut rules = RuleSet::generic();
    rules
        .add(
            "rules/events/beijing-parade-2025.toml",
            &std::fs::read_to_string("rules/events/beijing-parade-2025.toml").expect("rule pack"),
        )
        .expect("valid rule pack");
    let docs = documents();
    let one = analyze_on(1, docs.clone(), &rules);
    let four = analyze_on(4, docs, &rules);
    assert!(one.claims.len() > 1000, "{} claims", one.claims.len());
    assert!(!one.comparison.findings.is_empty());
    // Claims carry their document's index: the merge kept input order.
    assert!(one.claims.windows(2).all(|w| w[0].source <= w[1].source));
    assert_eq!(one.claims, four.claims);
    assert_eq!(one.comparison, four.comparison);
    assert_eq!(rendered(&one), rendered(&four));
}

/// A findings report shows keyed and doubtful claims only: keeping just those (in batches of
/// documents) must change neither the claims kept, nor their sources, nor the report.
#[test]
fn keeping_only_reported_claims_changes_no_report() {
    let mut rng = fastrand::Rng::with_seed(5);
    // More documents than one batch, so claims of later batches keep their document index.
    let docs: Vec<Document> = (0..300)
        .map(|i| {
            let text = gen_corpus::article(&mut rng, 5 ^ (i as u64 / 5));
            Document::parse(format!("gen/{i}.txt"), text).expect("generated front matter is valid")
        })
        .collect();
    let rules = RuleSet::generic();
    let policy = crosscheck::suppress::Policy::default();
    let all = crosscheck::analyze_with_progress(docs.clone(), &rules, &policy, crosscheck::Keep::All, &|| {});
    let reported =
        crosscheck::analyze_with_progress(docs, &rules, &policy, crosscheck::Keep::Reported, &|| {});
    let expected: Vec<_> = all
        .claims
        .iter()
        .filter(|c| c.key.is_some() || c.doubt.is_some())
        .cloned()
        .collect();
    assert!(expected.len() < all.claims.len(), "some claims are unkeyed");
    assert_eq!(reported.claims, expected);
    assert!(reported.claims.iter().any(|c| c.source >= 256));
    assert_eq!(reported.claim_count(), all.claims.len());
    assert_eq!(reported.unlisted_claims, all.claims.len() - expected.len());
    let options = RenderOptions {
        color: false,
        show_agreements: false,
        context: false,
    };
    let human = |analysis: &Analysis| {
        let mut out = Vec::new();
        report::write_human(&mut out, analysis, options).expect("human report");
        String::from_utf8(out).expect("utf-8")
    };
    assert!(!all.comparison.findings.is_empty());
    assert_eq!(human(&reported), human(&all));
}

/// Documents added in batches of any size, their text dropped once read, give the same
/// claims (each sentence then being its claim's span) and the same text-free reports as one
/// analysis holding every text.
#[test]
fn batches_without_text_give_the_same_reports() {
    let docs = documents();
    let rules = RuleSet::generic();
    let policy = crosscheck::suppress::Policy::default();
    let whole =
        crosscheck::analyze_with_progress(docs.clone(), &rules, &policy, crosscheck::Keep::Reported, &|| {});
    let mut reader = crosscheck::Reader::new(&rules, crosscheck::Keep::Reported).forget_text(true);
    let mut rest = docs;
    for size in [1, 7, 30].into_iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let tail = rest.split_off(size.min(rest.len()));
        reader.add(rest, &|| {});
        rest = tail;
    }
    let batched = reader.finish(&policy);
    assert!(batched.documents.iter().all(|d| d.text.is_empty()));
    // The sentences go with the text: nothing is left to quote them from.
    let without_sentences: Vec<_> = whole
        .claims
        .iter()
        .map(|c| crosscheck::claim::Claim {
            sentence: c.span.clone(),
            ..c.clone()
        })
        .collect();
    assert!(without_sentences != whole.claims);
    assert_eq!(batched.claims, without_sentences);
    assert_eq!(batched.comparison, whole.comparison);
    let options = RenderOptions {
        color: false,
        show_agreements: true,
        context: false,
    };
    type Render = fn(&mut dyn std::io::Write, &Analysis, RenderOptions) -> std::io::Result<()>;
    let renderers: [Render; 3] = [report::write_human, report::write_concise, report::write_github];
    for render in renderers {
        let text = |analysis: &Analysis| {
            let mut out = Vec::new();
            render(&mut out, analysis, options).expect("report");
            String::from_utf8(out).expect("utf-8")
        };
        assert_eq!(text(&batched), text(&whole));
    }
}

/// Claims held packed, compared one key at a time, give the same claims, comparison, notices
/// and text-free reports as claims held whole, over several batches of generated articles
/// and the fixtures, with a suppression, an ignored key and severities.
#[test]
fn packed_claims_give_the_same_comparison_and_reports() {
    let mut rng = fastrand::Rng::with_seed(7);
    // More documents than one batch (256).
    let mut docs: Vec<Document> = (0..270)
        .map(|i| {
            let text = gen_corpus::article(&mut rng, 7 ^ (i as u64 / 5));
            Document::parse(format!("gen/{i}.txt"), text).expect("generated front matter is valid")
        })
        .collect();
    docs.extend(documents());
    let suppressed = "<!-- crosscheck-ignore: dead first count -->\nThe earthquake killed 1,240 people.\n\
                      <!-- crosscheck-ignore: aid nothing here -->\n";
    docs.push(Document::parse("suppressed.md", suppressed.to_string()).expect("markdown"));
    let rules = RuleSet::generic();
    let policy = crosscheck::suppress::Policy {
        ignore: vec!["troops".into()],
        severity: vec![(
            "aftershock".into(),
            crosscheck::config::SeverityOverride {
                conflict: Some(crosscheck::rules::Severity::Info),
                discrepancy: None,
            },
        )],
    };
    let read_of = |docs: &[Document], pack: bool, forget: bool| {
        let mut reader = crosscheck::Reader::new(&rules, crosscheck::Keep::Reported)
            .forget_text(forget)
            .pack_claims(pack);
        reader.add(docs.to_vec(), &|| {});
        reader.finish(&policy)
    };
    let (whole, packed) = (read_of(&docs, false, true), read_of(&docs, true, true));
    assert!(whole.packed.is_empty() && packed.claims.is_empty());
    assert_eq!(packed.kept_claims(), whole.claims.len());
    assert_eq!(packed.claim_count(), whole.claim_count());
    assert_eq!(packed.keyed_claims(), whole.keyed_claims());
    for (i, claim) in whole.claims.iter().enumerate() {
        assert_eq!(packed.claim(i).as_deref(), Some(claim), "claim {i}");
    }
    assert_eq!(packed.comparison, whole.comparison);
    assert!(packed.comparison.findings.len() > 10);
    assert_eq!(packed.notices, whole.notices);
    assert!(!packed.notices.is_empty());
    type Render = fn(&mut dyn std::io::Write, &Analysis, RenderOptions) -> std::io::Result<()>;
    let renderers: [Render; 3] = [report::write_human, report::write_concise, report::write_github];
    for render in renderers {
        let text = |analysis: &Analysis| {
            let mut out = Vec::new();
            let options = RenderOptions {
                color: false,
                show_agreements: true,
                context: false,
            };
            render(&mut out, analysis, options).expect("report");
            String::from_utf8(out).expect("utf-8")
        };
        assert_eq!(text(&packed), text(&whole));
    }
    // The reports that quote the articles, from a run that keeps their text (one batch).
    let few = &docs[docs.len() - 80..];
    let (whole, packed) = (read_of(few, false, false), read_of(few, true, false));
    assert!(!whole.comparison.findings.is_empty());
    let quoted = |analysis: &Analysis| {
        let (mut jsonl, mut sarif) = (Vec::new(), Vec::new());
        report::write_jsonl(&mut jsonl, analysis, RenderOptions::default()).expect("jsonl");
        report::write_sarif(&mut sarif, analysis, &[], None).expect("sarif");
        (jsonl, sarif)
    };
    assert_eq!(quoted(&packed), quoted(&whole));
}
