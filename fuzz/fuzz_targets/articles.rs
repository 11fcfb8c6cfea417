//! The whole pipeline on an article set (articles separated by NUL bytes), every report format.
//!
//! Invariants: crosscheck::fuzzing::check_articles; a broken one panics so that AFL++ saves the input.

fn main() {
    crosscheck::fuzzing::pool_on_this_thread();
    // Compiles the rules and fills lazy caches before the loop, so that the first input does
    // not cover more code than the rest (AFL++ would report the target as unstable).
    let _ = crosscheck::fuzzing::check_articles(crosscheck::fuzzing::WARM_UP);
    afl::fuzz!(|data: &[u8]| {
        if let Err(violation) = crosscheck::fuzzing::check_articles(data) {
            panic!("{violation}");
        }
    });
}
