#!/usr/bin/env bash
# Runs one fuzz target once over each file of its seeds and corpus: the regression test
# that ctest runs (label "fuzz"). Usage: fuzz/run-corpus.sh BUILD/fuzz/NAME.fuzz
# Works with both builds: a libFuzzer binary given files runs each once; the stand-in
# driver (driver.cpp) does the same.
set -euo pipefail
shopt -s nullglob globstar
# shellcheck source=/dev/null
source "$1"
files=()
for s in "${FUZZ_SEEDS[@]}"; do
  if [ -d "$s" ]; then
    while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$s" -type f ! -name '.*' -print0 | sort -z)
  elif [ -f "$s" ]; then
    files+=("$s")
  fi
done
if [ ${#files[@]} -eq 0 ]; then
  echo "run-corpus.sh: no seed files for $FUZZ_BINARY" >&2
  exit 1
fi
echo "$(basename "$FUZZ_BINARY"): ${#files[@]} inputs"
# libFuzzer prints two lines per input; keep the log short unless something fails.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! "$FUZZ_BINARY" -rss_limit_mb=4096 -timeout=60 "${files[@]}" >"$log" 2>&1; then
  cat "$log"
  exit 1
fi
tail -n 3 "$log"
