//! The normalizer on one article: front matter, segment, extract and key.
//!
//! Invariants: crosscheck::fuzzing::check_article; a broken one panics so that AFL++ saves the input.

fn main() {
    // Compiles the rules and fills lazy caches before the loop, so that the first input does
    // not cover more code than the rest (AFL++ would report the target as unstable).
    let _ = crosscheck::fuzzing::check_article(crosscheck::fuzzing::WARM_UP);
    afl::fuzz!(|data: &[u8]| {
        if let Err(violation) = crosscheck::fuzzing::check_article(data) {
            panic!("{violation}");
        }
    });
}
