//! Generates article sets for benchmarks: `cargo run --release --example gen_corpus --
//! --articles 1000 --out /tmp/corpus [--seed 7]`.
//!
//! Articles are built from news-like templates with varied figures, qualifiers, units and
//! dates, grouped into events of five articles that partly disagree, so that every stage of
//! the pipeline (extraction, keying, comparison) does real work. The same seed gives the same
//! corpus.

use std::fmt::Write as _;
use std::path::PathBuf;

const TEMPLATES: &[&str] = &[
    "Officials said {q}{n} people were killed and {n2} injured when the {event} struck {place} on {weekday}.",
    "The death toll rose to {n} on {weekday}, the agency said, as rescuers searched the rubble in {place}.",
    "More than {n3} troops and {n4} vehicles took part in the {event}, which lasted {d} minutes.",
    "About {n2} residents were evacuated from {place}, some {k} km from the epicentre.",
    "The government pledged ${m} million in emergency aid, up from ${m2} million last year.",
    "Turnout reached {p}%, the commission said, compared with {p2} per cent in {year}.",
    "{place} has been hit by {vague} of aftershocks since {month} {day}, {year}.",
    "In {year}, a similar {event} killed about {n3} people and destroyed {n4} homes.",
    "The {event} caused damage estimated at ${b}bn, insurers said on {weekday}.",
    "Witnesses described the scene as chaotic, with crowds gathering near the station and roads blocked for hours.",
    "Analysts say the response will be judged on how quickly shelter and water reach those who lost everything.",
    "Schools in {place} will stay closed until {month} {day}, the education ministry said.",
];
const PLACES: &[&str] = &[
    "Port Calder",
    "Sanvel Bay",
    "Orenburg",
    "Kessara",
    "Linmouth",
    "Marrow Flats",
];
const EVENTS: &[&str] = &["earthquake", "storm", "flood", "parade", "summit", "wildfire"];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const MONTHS: &[&str] = &["January", "March", "May", "July", "September", "November"];
const QUALIFIERS: &[&str] = &["", "at least ", "more than ", "about ", "nearly "];
const VAGUE: &[&str] = &["dozens", "hundreds", "thousands", "tens of thousands"];

const USAGE: &str = "usage: gen_corpus [--articles N] [--out DIR] [--seed N]

Writes N news-like articles (default 100), five per event, into DIR (default target/corpus),
one folder per event; the same seed (default 7) gives the same corpus.";

/// Prints the usage and exits with status 2 after a bad argument.
fn usage_error(message: &str) -> ! {
    eprintln!("error: {message}\n\n{USAGE}");
    std::process::exit(2)
}

fn main() {
    let mut articles = 100usize;
    let mut out = PathBuf::from("target/corpus");
    let mut seed = 7u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--articles" => {
                articles = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| usage_error("--articles needs a whole number"))
            }
            "--out" => {
                out = args
                    .next()
                    .map(PathBuf::from)
                    .unwrap_or_else(|| usage_error("--out needs a folder"))
            }
            "--seed" => {
                seed = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .unwrap_or_else(|| usage_error("--seed needs a whole number"))
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                return;
            }
            other => usage_error(&format!("unknown argument `{other}`")),
        }
    }
    std::fs::create_dir_all(&out).expect("create the output folder");
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut bytes = 0usize;
    for i in 0..articles {
        let event_seed = seed ^ (i as u64 / 5);
        let text = article(&mut rng, event_seed);
        bytes += text.len();
        let folder = out.join(format!("event-{:06}", i / 5));
        std::fs::create_dir_all(&folder).expect("create an event folder");
        std::fs::write(folder.join(format!("{i:07}.txt")), text).expect("write an article");
    }
    eprintln!(
        "wrote {articles} articles, {:.1} MB, to {}",
        bytes as f64 / 1e6,
        out.display()
    );
}

/// One article: the event's figures (shared by its five articles) with some drift.
pub fn article(rng: &mut fastrand::Rng, event_seed: u64) -> String {
    let mut event = fastrand::Rng::with_seed(event_seed);
    let base = event.u32(20..5_000);
    let day = event.u32(1..28);
    let month = event.usize(..MONTHS.len());
    let mut text = String::new();
    let _ = writeln!(
        text,
        "---\noutlet: Outlet {}\npublished: 2025-{:02}-{:02}\n---",
        rng.u32(1..40),
        month * 2 + 1,
        day
    );
    let _ = writeln!(
        text,
        "{} hits {}\n",
        EVENTS[event.usize(..EVENTS.len())],
        PLACES[event.usize(..PLACES.len())]
    );
    let paragraphs = rng.usize(40..70);
    for _ in 0..paragraphs {
        let mut sentence = TEMPLATES[rng.usize(..TEMPLATES.len())].to_string();
        let drift = |rng: &mut fastrand::Rng, v: u32| {
            if rng.u8(..4) == 0 {
                v + rng.u32(1..=v / 5 + 1)
            } else {
                v
            }
        };
        let fills: [(&str, String); 19] = [
            ("{q}", QUALIFIERS[rng.usize(..QUALIFIERS.len())].to_string()),
            ("{n}", grouped(drift(rng, base))),
            ("{n2}", grouped(drift(rng, base * 3))),
            ("{n3}", grouped(drift(rng, base * 10))),
            ("{n4}", grouped(drift(rng, base / 2 + 1))),
            ("{d}", (60 + rng.u32(..4) * 10).to_string()),
            ("{k}", rng.u32(5..400).to_string()),
            ("{m}", rng.u32(1..900).to_string()),
            ("{m2}", rng.u32(1..900).to_string()),
            ("{b}", format!("{}.{}", rng.u32(1..9), rng.u32(0..10))),
            ("{p}", format!("{}.{}", rng.u32(40..80), rng.u32(0..10))),
            ("{p2}", format!("{}.{}", rng.u32(40..80), rng.u32(0..10))),
            ("{year}", rng.u32(1990..2024).to_string()),
            ("{month}", MONTHS[month].to_string()),
            ("{day}", day.to_string()),
            ("{weekday}", WEEKDAYS[rng.usize(..WEEKDAYS.len())].to_string()),
            ("{place}", PLACES[rng.usize(..PLACES.len())].to_string()),
            ("{event}", EVENTS[rng.usize(..EVENTS.len())].to_string()),
            ("{vague}", VAGUE[rng.usize(..VAGUE.len())].to_string()),
        ];
        for (slot, value) in &fills {
            sentence = sentence.replace(slot, value);
        }
        text.push_str(&sentence);
        text.push_str(if rng.bool() { " " } else { "\n\n" });
    }
    text.push('\n');
    text
}

fn grouped(n: u32) -> String {
    // The report's own formatting: `1234567` as `1,234,567`.
    crosscheck::report::format_value(
        &crosscheck::interval::Interval::point(n as f64),
        crosscheck::claim::Kind::Count,
        None,
    )
}
