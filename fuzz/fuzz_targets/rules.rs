//! The rule-file loader on one TOML text, then the rules it loads on sample articles.
//!
//! Invariants: crosscheck::fuzzing::check_rules; a broken one panics so that AFL++ saves the input.

fn main() {
    // Compiles the rules and fills lazy caches before the loop, so that the first input does
    // not cover more code than the rest (AFL++ would report the target as unstable).
    let _ = crosscheck::fuzzing::check_rules(b"");
    afl::fuzz!(|data: &[u8]| {
        if let Err(violation) = crosscheck::fuzzing::check_rules(data) {
            panic!("{violation}");
        }
    });
}
