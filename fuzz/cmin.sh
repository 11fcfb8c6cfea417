#!/usr/bin/env bash
# Minimizes a fuzzing run's queue into the committed corpus: fuzz/cmin.sh TARGET [MAX_BYTES]
# Keeps the smallest set of inputs up to MAX_BYTES (default 4096) that covers what they all
# cover, drops the seeds (the fixtures and rule files, replayed by `cargo test` from where they
# live) and names each input by its content hash. The size cap keeps the repository and the
# replay small: mutants of whole fixtures or of the 16 KB generic rules add little.
set -euo pipefail
cd "$(dirname "$0")"
target=${1:?usage: fuzz/cmin.sh article|loader|rules|articles [MAX_BYTES]}
max_bytes=${2:-4096}
# The shell version of afl-cmin: the Python one records no coverage from persistent-mode
# Rust targets here.
cmin=$(ls -d "$HOME"/.local/share/afl.rs/rustc-*/afl.rs-*/afl/bin/afl-cmin.bash | tail -1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/queue"
find "out/$target/default/queue" -maxdepth 1 -type f -size -"$((max_bytes + 1))"c -exec cp {} "$tmp/queue/" \;
PATH="$(dirname "$cmin"):$PATH" AFL_SKIP_CPUFREQ=1 nice -n 19 "$cmin" \
  -i "$tmp/queue" -o "$tmp/min" -- "target/release/$target" > "$tmp/log" 2>&1 \
  || { cat "$tmp/log" >&2; exit 1; }
mkdir -p "corpus/$target"
for file in "$tmp"/min/*; do
  case "$file" in *orig:*) continue ;; esac
  cp "$file" "corpus/$target/$(sha1sum "$file" | cut -c1-16)"
done
echo "$target: $(find "corpus/$target" -type f | wc -l) inputs, $(du -sh "corpus/$target" | cut -f1)"
