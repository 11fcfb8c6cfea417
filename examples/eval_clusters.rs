//! Scores the generic rules on the evaluation clusters under `fixtures/eval/` (or another
//! folder of clusters given as an argument, such as `fixtures/holdout`):
//! `cargo run --example eval_clusters [-- -v] [--undated] [FOLDER]`. With `--undated` the
//! articles are read as if they had no front matter (no outlet, no publication date), as
//! articles copied from the web often come.

#[path = "../tests/eval/judge.rs"]
mod judge;

use std::path::Path;

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let metadata = if std::env::args().any(|a| a == "--undated") {
        judge::Metadata::Dropped
    } else {
        judge::Metadata::Kept
    };
    let folder = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .unwrap_or_else(|| "fixtures/eval".to_string());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut clusters: Vec<_> = std::fs::read_dir(&root)
        .expect("the cluster folder exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    clusters.sort();
    let (mut expected, mut found, mut right, mut traps, mut hit, mut alarms) = (0, 0, 0, 0, 0, 0);
    println!(
        "{:<20} {:>9} {:>9} {:>11} {:>12}",
        "cluster", "found", "verdict", "traps hit", "false alarms"
    );
    for dir in clusters {
        let name = dir.file_name().unwrap().to_string_lossy().to_string();
        let truth = root.join(format!("{name}.expected.toml"));
        if !truth.exists() {
            continue;
        }
        let s = judge::score_cluster_as(&dir, &truth, metadata);
        println!(
            "{name:<20} {:>9} {:>9} {:>11} {:>12}",
            format!("{}/{}", s.found, s.expected),
            format!("{}/{}", s.verdict_right, s.found),
            format!("{}/{}", s.traps_hit.len(), s.traps),
            s.false_alarms.len()
        );
        if verbose {
            s.missed.iter().for_each(|m| println!("    missed: {m}"));
            s.traps_hit.iter().for_each(|t| println!("    trap:   {t}"));
            s.false_alarms.iter().for_each(|f| println!("    alarm:  {f}"));
        }
        expected += s.expected;
        found += s.found;
        right += s.verdict_right;
        traps += s.traps;
        hit += s.traps_hit.len();
        alarms += s.false_alarms.len();
    }
    println!(
        "{:<20} {:>9} {:>9} {:>11} {:>12}",
        "total",
        format!("{found}/{expected}"),
        format!("{right}/{found}"),
        format!("{hit}/{traps}"),
        alarms
    );
}
