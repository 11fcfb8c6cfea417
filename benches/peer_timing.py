"""Times crosscheck's extraction against two Python peers on the same generated articles.

Run through benches/peer_timing.sh, which makes the virtualenv, builds crosscheck and
generates the corpus. Usage:

    peer_timing.py --corpus DIR --crosscheck BIN [--sample N] [--repeat R]

Every extractor reads the same files, front matter included, so MB/s are comparable:

- crosscheck: `crosscheck facts --format jsonl` (segment, extract, key, render) as a
  process, on the sample and on the whole corpus; best of R runs.
- quantulum3: `quantulum3.parser.parse` on each sample article.
- Recognizers-Text: the English number model (`recognize_number`) on each sample article.

The Python peers are timed after one warm-up call, so loading their models is not counted.
"""

import argparse
import pathlib
import shutil
import subprocess
import sys
import tempfile
import time
import warnings


def articles_in(corpus):
    return sorted(p for p in pathlib.Path(corpus).rglob("*.txt") if p.is_file())


def time_crosscheck(binary, folder, repeat):
    """Best wall time of `crosscheck facts --format jsonl FOLDER`, and its claim count."""
    times = []
    claims = 0
    for _ in range(repeat):
        start = time.perf_counter()
        out = subprocess.run(
            [binary, "facts", "--format", "jsonl", str(folder)],
            check=True,
            stdout=subprocess.PIPE,
        ).stdout
        times.append(time.perf_counter() - start)
        claims = out.count(b"\n")
    return min(times), claims


def time_python(name, extract, texts):
    """Wall time of `extract` over every text, after one warm-up call, and its result count."""
    extract("Officials said more than 1,300 people were killed, up 12% from 2019.")
    found = 0
    start = time.perf_counter()
    for text in texts:
        found += len(extract(text))
    seconds = time.perf_counter() - start
    print(f"  {name}: {seconds:.2f} s", file=sys.stderr)
    return seconds, found


def quantulum3_extractor():
    with warnings.catch_warnings():
        # Without its optional classifier (scikit-learn) quantulum3 warns once and
        # disambiguates units by frequency; the parser itself is unchanged.
        warnings.simplefilter("ignore")
        from quantulum3 import parser
        parser.parse("1 km")
    return parser.parse


def recognizers_number_extractor():
    from recognizers_number import recognize_number
    from recognizers_text import Culture

    return lambda text: recognize_number(text, Culture.English)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True, help="folder written by gen_corpus")
    ap.add_argument("--crosscheck", required=True, help="the release binary")
    ap.add_argument("--sample", type=int, default=40, help="articles the Python peers read")
    ap.add_argument("--repeat", type=int, default=5, help="runs of crosscheck, best kept")
    args = ap.parse_args()

    files = articles_in(args.corpus)
    if not files:
        sys.exit(f"no .txt articles under {args.corpus}")
    sample = files[: args.sample]
    texts = [p.read_text(encoding="utf-8") for p in sample]
    sample_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    corpus_mb = sum(p.stat().st_size for p in files) / 1e6

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        # The sample in a folder of its own, so crosscheck reads exactly the peers' text.
        for i, path in enumerate(sample):
            shutil.copy(path, pathlib.Path(tmp) / f"{i:05}.txt")
        seconds, found = time_crosscheck(args.crosscheck, tmp, args.repeat)
        rows.append(("crosscheck facts (sample)", len(sample), sample_mb, seconds, found))
    seconds, found = time_crosscheck(args.crosscheck, args.corpus, args.repeat)
    rows.append(("crosscheck facts (corpus)", len(files), corpus_mb, seconds, found))

    print(f"timing the Python peers on {len(sample)} articles ({sample_mb:.2f} MB)", file=sys.stderr)
    peers = [
        ("quantulum3", quantulum3_extractor),
        ("Recognizers-Text number", recognizers_number_extractor),
    ]
    for name, make in peers:
        seconds, found = time_python(name, make(), texts)
        rows.append((name, len(sample), sample_mb, seconds, found))

    print(f"{'extractor':<28} {'articles':>8} {'MB':>7} {'seconds':>8} {'found':>7} {'MB/s':>9}")
    for name, count, mb, seconds, found in rows:
        print(f"{name:<28} {count:>8} {mb:>7.2f} {seconds:>8.2f} {found:>7} {mb / seconds:>9.3f}")
    print()
    for label, (_, _, our_mb, our_seconds, _) in zip(["sample", "corpus"], rows[:2]):
        ours = our_mb / our_seconds
        for name, _, mb, seconds, _ in rows[2:]:
            print(f"crosscheck ({label}) / {name}: {ours / (mb / seconds):,.0f}x")

if __name__ == "__main__":
    main()
