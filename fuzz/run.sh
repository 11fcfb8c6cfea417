#!/usr/bin/env bash
# Runs one fuzz target under AFL++ on stable Rust: fuzz/run.sh TARGET [SECONDS]
#   TARGET   article | loader | rules | articles
#   SECONDS  how long to fuzz (default 600); findings land in fuzz/out/TARGET/default/crashes
# Needs `cargo install cargo-afl` once. Runs at the lowest priority, one instance, so a
# shared machine keeps its cores for builds.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/run.sh article|loader|rules|articles [SECONDS]}
seconds=${2:-600}
export CARGO_TARGET_DIR="$PWD/target"
cargo afl build --release --bin "$target"
[ -d "in/$target" ] || ./seed.sh
mkdir -p out
# No UI on a pipe; no core_pattern or CPU governor tuning needed (both need root outside
# containers, and only cost speed or crash detection in forked children, not correctness).
export AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
# Resume a previous run of the same target rather than starting over.
input="in/$target"
if [ -d "out/$target/default/queue" ]; then input=-; fi
# Words of the input's language (number phrases, front matter, rule-file keys) to splice in.
dict=()
if [ -f "dict/$target.dict" ]; then dict=(-x "dict/$target.dict"); fi
nice -n 19 cargo afl fuzz -i "$input" -o "out/$target" "${dict[@]}" -V "$seconds" "target/release/$target"
crashes=$(find "out/$target/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
echo "$target: $crashes crashing inputs in fuzz/out/$target/default/crashes"
