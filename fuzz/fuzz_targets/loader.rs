//! The loader on one file's bytes: binary and UTF-8 checks, front matter.
//!
//! Invariants: crosscheck::fuzzing::check_loader; a broken one panics so that AFL++ saves the input.

fn main() {
    // Compiles the rules and fills lazy caches before the loop, so that the first input does
    // not cover more code than the rest (AFL++ would report the target as unstable).
    let _ = crosscheck::fuzzing::check_loader(crosscheck::fuzzing::WARM_UP);
    afl::fuzz!(|data: &[u8]| {
        if let Err(violation) = crosscheck::fuzzing::check_loader(data) {
            panic!("{violation}");
        }
    });
}
