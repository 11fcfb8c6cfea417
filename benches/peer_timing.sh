#!/usr/bin/env bash
# Times crosscheck's extraction against quantulum3 and the Recognizers-Text number model on
# the same generated news articles, and prints MB/s for each and the ratios.
#
#   benches/peer_timing.sh [ARTICLES] [SAMPLE]
#
# ARTICLES (default 1000) is the size of the corpus crosscheck reads; the Python peers read
# the first SAMPLE articles (default 40: quantulum3 needs minutes for a few MB). The peers are
# installed from PyPI into a virtualenv at $PEER_VENV (default target/peer-venv).
set -euo pipefail
cd "$(dirname "$0")/.."
articles=${1:-1000}
sample=${2:-40}
venv=${PEER_VENV:-target/peer-venv}
corpus=${PEER_CORPUS:-target/peer-corpus-$articles}

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
# recognizers-text 1.0.2a2 imports `UNICODE_EMOJI`, which emoji 2 removed.
"$venv/bin/pip" install --quiet --disable-pip-version-check \
  "quantulum3==0.10.0" "recognizers-text-suite==1.0.2a2" "emoji<2"

cargo build --release --quiet --bin crosscheck
rm -rf "$corpus"
cargo run --release --quiet --example gen_corpus -- --articles "$articles" --out "$corpus"

binary=${CARGO_TARGET_DIR:-target}/release/crosscheck
"$venv/bin/python" benches/peer_timing.py --corpus "$corpus" --crosscheck "$binary" --sample "$sample"
