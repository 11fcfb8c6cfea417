//! Keeps the generic rules from getting worse on the evaluation clusters in `fixtures/eval/`:
//! the number of expected findings reported may only go up, the number of unexpected findings
//! only down. Run `cargo run --example eval_clusters -- -v` for the details, and raise the
//! floors here when the scores improve.

#[path = "eval/judge.rs"]
mod judge;

use std::path::Path;

const CLUSTERS: &[&str] = &[
    "airline-outage-2026",
    "avalanche-2026",
    "bank-failure-2026",
    "bridge-collapse-2026",
    "budget-2026",
    "census-release-2026",
    "data-breach-2026",
    "drought-2026",
    "drug-trial-2026",
    "earnings-2026",
    "earthquake-2026",
    "election-2026",
    "flood-2026",
    "football-transfer-2026",
    "fraud-trial-2026",
    "heat-pump-subsidy-2026",
    "hurricane-2026",
    "ipo-2026",
    "launch-failure-2026",
    "marathon-2026",
    "measles-2026",
    "merger-2026",
    "mine-collapse-2026",
    "oil-spill-2026",
    "plane-crash-2026",
    "plant-explosion-2026",
    "product-recall-2026",
    "protest-2026",
    "rail-strike-2026",
    "rate-decision-2026",
    "refugees-2025",
    "retailer-collapse-2026",
    "stadium-crush-2026",
    "summit-2026",
    "tower-fire-2026",
    "wildfire-2025",
    "wildfire-2026",
];

/// Measured totals over these clusters, as floors and ceilings. Clusters written before the
/// tool was run on them score well below the others on their first run: data breach, mine
/// collapse and rail strike brought 6 of 18 expected found, 5 false alarms and 9 traps;
/// earthquake, rate decision, product recall, hurricane, retailer collapse and drug trial 16 of
/// 32, 17 false alarms and 24 traps; oil spill, airline outage and census release 3 of 16, 13
/// false alarms and 7 traps; wildfire, football transfer and chemical plant explosion 9 of 18,
/// 12 false alarms and 11 traps; bridge collapse, bank failure and launch failure, first
/// run with the mechanisms drawn from those three, 5 of 17, 10 false alarms and 8 traps
/// (the same as without them); tower-block fire, flotation and drought 7 of 18, 10 false
/// alarms and 8 traps; stadium crush, heat-pump subsidy and avalanche, after the precision
/// round, 2 of 16, 12 false alarms and 12 traps.
const MIN_FOUND: usize = 115;
const MAX_FALSE_ALARMS: usize = 48;
const MAX_TRAPS_HIT: usize = 68;

#[test]
fn generic_rules_hold_their_scores_on_the_eval_clusters() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/eval");
    // The clusters the floors were measured on; a new cluster joins with new floors.
    let clusters: Vec<_> = CLUSTERS.iter().map(|c| root.join(c)).collect();
    let (mut found, mut alarms, mut traps) = (0, Vec::new(), 0);
    for dir in &clusters {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let s = judge::score_cluster(dir, &root.join(format!("{name}.expected.toml")));
        found += s.found;
        traps += s.traps_hit.len();
        alarms.extend(s.false_alarms.into_iter().map(|a| format!("{name}: {a}")));
    }
    assert!(
        clusters.iter().all(|c| c.is_dir()),
        "an evaluation cluster is missing"
    );
    assert!(
        found >= MIN_FOUND,
        "only {found} expected findings reported, floor {MIN_FOUND}"
    );
    assert!(
        alarms.len() <= MAX_FALSE_ALARMS,
        "{} false alarms:\n{}",
        alarms.len(),
        alarms.join("\n")
    );
    assert!(
        traps <= MAX_TRAPS_HIT,
        "{traps} traps hit, ceiling {MAX_TRAPS_HIT}"
    );
}

/// The same clusters read as if their files had no front matter (no outlet, no publication
/// date), as articles copied from the web often come: relative dates stay unresolved, and
/// keying must still keep earlier years' figures apart.
const MIN_FOUND_UNDATED: usize = 113;
const MAX_FALSE_ALARMS_UNDATED: usize = 55;
const MAX_TRAPS_HIT_UNDATED: usize = 82;

#[test]
fn generic_rules_hold_their_scores_on_the_eval_clusters_without_front_matter() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/eval");
    let (mut found, mut alarms, mut traps) = (0, Vec::new(), 0);
    for name in CLUSTERS {
        let expected = root.join(format!("{name}.expected.toml"));
        let s = judge::score_cluster_as(&root.join(name), &expected, judge::Metadata::Dropped);
        found += s.found;
        traps += s.traps_hit.len();
        alarms.extend(s.false_alarms.into_iter().map(|a| format!("{name}: {a}")));
    }
    assert!(
        found >= MIN_FOUND_UNDATED,
        "only {found} expected findings reported without front matter, floor {MIN_FOUND_UNDATED}"
    );
    assert!(
        alarms.len() <= MAX_FALSE_ALARMS_UNDATED,
        "{} false alarms without front matter:\n{}",
        alarms.len(),
        alarms.join("\n")
    );
    assert!(
        traps <= MAX_TRAPS_HIT_UNDATED,
        "{traps} traps hit without front matter, ceiling {MAX_TRAPS_HIT_UNDATED}"
    );
}
