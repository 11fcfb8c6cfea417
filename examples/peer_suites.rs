//! Measures crosscheck's normalizer against the external peer suites (quantulum3 and
//! Recognizers-Text test data in `../shared/peer-suites`, or `$CROSSCHECK_PEER_SUITES`).
//!
//! ```text
//! cargo run --release --example peer_suites                          # every file, 5 failures each
//! cargo run --release --example peer_suites -- --failures 40         # more failures per file
//! cargo run --release --example peer_suites -- recognizers-number-en.jsonl
//! cargo run --release --example peer_suites -- --class "cut short" --failures 100
//! cargo run --release --example peer_suites -- --jsonl > failures.jsonl   # every failure
//! ```
//!
//! Per file it prints `passed/total (pct%)` over the in-scope cases (and per source file of
//! the suite where it has several: quantulum3's main and ambiguity files), the out-of-scope count
//! with its reasons, the failure classes, and up to N failures (text, expected, got). How a case
//! is judged is documented in `docs/accuracy.md` and implemented in `tests/peer/judge.rs`.

#[path = "../tests/peer/judge.rs"]
mod judge;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: peer_suites [--failures N] [--class PREFIX] [--jsonl] [FILE...]";

fn main() -> ExitCode {
    let mut failures = 5usize;
    let mut class_filter: Option<String> = None;
    let mut jsonl = false;
    let mut files: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--failures" | "-n" => match args.next().and_then(|n| n.parse().ok()) {
                Some(n) => failures = n,
                None => {
                    eprintln!("--failures needs a number\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--class" => match args.next() {
                Some(c) => class_filter = Some(c),
                None => {
                    eprintln!("--class needs a failure class prefix\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            "--jsonl" => jsonl = true,
            "--help" | "-h" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => files.push(arg),
        }
    }

    let dir = judge::suites_dir();
    let paths: Vec<PathBuf> = if files.is_empty() {
        judge::FILES.iter().map(|f| dir.join(f)).collect()
    } else {
        files
            .iter()
            .map(|f| {
                let p = PathBuf::from(f);
                if p.exists() {
                    p
                } else {
                    dir.join(f)
                }
            })
            .collect()
    };

    let mut status = ExitCode::SUCCESS;
    let mut summary = Vec::new();
    for path in &paths {
        let result = match judge::run_file(path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("error: {e}");
                status = ExitCode::from(2);
                continue;
            }
        };
        if jsonl {
            print_jsonl(&result);
        } else {
            print_file(&result, failures, class_filter.as_deref());
        }
        summary.push(result);
    }
    if summary.len() > 1 && !jsonl {
        println!("== summary");
        for r in &summary {
            println!(
                "{:<36} {:>4}/{:<4} ({:5.1}%)  strict {:>4}  skipped {}",
                r.file,
                r.passed,
                r.total,
                100.0 * r.rate(),
                r.strict(),
                r.skipped_total()
            );
            // quantulum3's main and ambiguity files have their own targets.
            if r.by_origin.len() > 1 {
                for (origin, (passed, total)) in &r.by_origin {
                    let pct = 100.0 * *passed as f64 / (*total).max(1) as f64;
                    println!("  {origin:<34} {passed:>4}/{total:<4} ({pct:5.1}%)");
                }
            }
        }
    }
    status
}

fn print_file(r: &judge::FileResult, failures: usize, class_filter: Option<&str>) {
    println!("== {}", r.file);
    println!("passed {}/{} ({:.1}%)", r.passed, r.total, 100.0 * r.rate());
    if !r.by_rules.is_empty() {
        // The rate without the documented judging rules, so that nothing is hidden.
        let strict = r.strict();
        let pct = 100.0 * strict as f64 / r.total.max(1) as f64;
        println!("strict (no judging rule): {strict}/{} ({pct:.1}%)", r.total);
        println!("passed by a judging rule (docs/accuracy.md):");
        for (rules, n) in &r.by_rules {
            println!("  {n:>4}  {rules}");
        }
    }
    if r.by_origin.len() > 1 {
        for (origin, (passed, total)) in &r.by_origin {
            let pct = 100.0 * *passed as f64 / (*total).max(1) as f64;
            println!("  {origin}: {passed}/{total} ({pct:.1}%)");
        }
    }
    if !r.skipped.is_empty() {
        println!("skipped (out of scope): {}", r.skipped_total());
        let mut reasons: Vec<(&String, &usize)> = r.skipped.iter().collect();
        reasons.sort_by(|a, b| b.1.cmp(a.1).then_with(|| a.0.cmp(b.0)));
        for (reason, n) in reasons {
            println!("  {n:>4}  {reason}");
        }
    }
    if !r.failures.is_empty() {
        println!("failure classes:");
        for (class, n) in r.classes() {
            println!("  {n:>4}  {class}");
        }
    }
    let shown: Vec<&judge::Failure> = r
        .failures
        .iter()
        .filter(|f| class_filter.is_none_or(|c| f.class.starts_with(c)))
        .take(failures)
        .collect();
    for f in shown {
        println!("- [{}] {}", f.class, one_line(&f.text, 160));
        println!("    expected: {}", f.expected);
        println!("    got:      {}", one_line(&f.got, 400));
    }
    println!();
}

/// Every failure of a file as one JSON object a line: file, class, text, expected, got.
fn print_jsonl(r: &judge::FileResult) {
    for f in &r.failures {
        let line = serde_json::json!({
            "file": r.file,
            "class": f.class,
            "text": f.text,
            "expected": f.expected,
            "got": f.got,
        });
        println!("{line}");
    }
}

/// The text on one line, cut to `max` characters.
fn one_line(text: &str, max: usize) -> String {
    let flat: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    if flat.chars().count() > max {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    } else {
        flat
    }
}
