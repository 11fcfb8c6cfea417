#!/usr/bin/env bash
# Builds the seed corpora in fuzz/in/TARGET from the repository's own articles and rules:
#   article, loader  every fixture article, and each of its paragraphs on its own
#   rules            rules/*.toml and rules/events/*.toml, whole and table by table
#   articles         each fixture cluster, its articles joined by NUL bytes, whole and a
#                    paragraph of each
# plus the committed corpus (fuzz/corpus/TARGET) and regressions (fuzz/regressions/TARGET).
set -euo pipefail
cd "$(dirname "$0")"
root=..
rm -rf in
mkdir -p in/article in/loader in/rules in/articles

n=0
while IFS= read -r -d '' file; do
  n=$((n + 1))
  cp "$file" "in/article/fixture-$n"
  cp "$file" "in/loader/fixture-$n"
  # Paragraphs alone: small seeds run fast and mutate well.
  awk -v prefix="in/article/fixture-$n-p" 'BEGIN { RS = ""; ORS = "\n" } { print > (prefix NR) }' "$file"
done < <(find "$root/fixtures" -type f \( -name '*.txt' -o -name '*.md' \) -print0 | sort -z)

for file in "$root"/rules/*.toml "$root"/rules/events/*.toml; do
  name=$(basename "$file" .toml)
  cp "$file" "in/rules/$name.toml"
  # Each table on its own too: small rule files mutate far better than a 16 KB one.
  awk -v prefix="in/rules/$name-" '/^\[/ { n++ } n { print > (prefix n ".toml") }' "$file"
done

while IFS= read -r -d '' dir; do
  mapfile -d '' files < <(find "$dir" -maxdepth 1 -type f \( -name '*.txt' -o -name '*.md' \) -print0 | sort -z)
  [ "${#files[@]}" -gt 0 ] || continue
  name=$(echo "${dir#"$root"/fixtures/}" | tr '/' '-')
  out="in/articles/$name"
  : > "$out"
  for i in "${!files[@]}"; do
    [ "$i" -eq 0 ] || printf '\0' >> "$out"
    cat "${files[$i]}" >> "$out"
  done
  # Small sets too: the Nth paragraph holding a digit of each article, so that sources
  # that state the same figure meet without 20 KB of text around them.
  for n in 1 2 3 4 5 6; do
    out="in/articles/$name-p$n"
    : > "$out"
    for i in "${!files[@]}"; do
      [ "$i" -eq 0 ] || printf '\0' >> "$out"
      awk -v n="$n" 'BEGIN { RS = "" } /[0-9]/ && !/^---/ { if (++k == n) { print; exit } }' "${files[$i]}" >> "$out"
    done
  done
done < <(find "$root/fixtures" -mindepth 1 -type d -print0 | sort -z)

for target in article loader rules articles; do
  for kept in corpus regressions; do
    if [ -d "$kept/$target" ]; then
      cp "$kept/$target"/* "in/$target/" 2>/dev/null || true
    fi
  done
  echo "$target: $(find "in/$target" -type f | wc -l) seeds"
done
