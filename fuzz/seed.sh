#!/usr/bin/env bash
# Seeds the fuzz corpora from the example content: `fuzz/seed.sh`, then
# `cargo +nightly fuzz run front_matter fuzz/corpus/front_matter -- -max_total_time=600`.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p corpus/{front_matter,markdown,letter,duration}
for f in $(find ../content -name '*.md'); do
  n=$(echo "$f" | tr / _)
  cp "$f" "corpus/front_matter/$n"
  cp "$f" "corpus/markdown/$n"
  # Any page is Markdown a letter body may hold; the real letters add fields and placeholders.
  cp "$f" "corpus/letter/$n"
done
for d in 30 30m "30 min" "30 mins" "1h" "1h 30m" "1:30" "90 minutes" "1 hr 15 mins" "0:45"; do
  printf '%s' "$d" > "corpus/duration/$(echo "$d" | tr ' :' '__')"
done
