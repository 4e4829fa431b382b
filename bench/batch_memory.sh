#!/usr/bin/env bash
# Peak memory (maximum resident set size) of a CLI batch of 500 and of 4,000 generated
# records, audited into one joined JSON report plus a CSV summary.
#
#   bench/batch_memory.sh [BUILD_DIR] [SIZES...]     (default: build, 500 4000)
#
# The corpus is the one bench/audit_bench.cpp times (written with --write-corpus) in a
# temporary directory that is removed afterwards. Needs GNU time (/usr/bin/time -v).
set -euo pipefail
build=${1:-build}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(500 4000)
tool="$build/tools/rco-audit"
bench="$build/bench/audit_bench"
for f in "$tool" "$bench" /usr/bin/time; do
  [ -x "$f" ] || { echo "batch_memory.sh: $f is missing (build the project first)" >&2; exit 2; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
declare -A peak
for n in "${sizes[@]}"; do
  "$bench" --write-corpus "$tmp/corpus-$n" "$n" >/dev/null
  status=0
  /usr/bin/time -v -o "$tmp/time-$n" "$tool" check "$tmp/corpus-$n" --format "json:$tmp/batch-$n.json" \
    --summary "$tmp/summary-$n.csv" ${RCO_BATCH_ARGS:-} 2>/dev/null || status=$?
  [ "$status" -le 1 ] || { echo "batch_memory.sh: rco-audit exited with $status for $n records" >&2; exit 1; }
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tmp/time-$n")
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$tmp/time-$n")
  peak[$n]=$kb
  printf '%6d records: peak %8.1f MiB, %s wall clock, report %s bytes\n' "$n" "$(awk -v k="$kb" 'BEGIN{print k/1024}')" \
    "$secs" "$(stat -c %s "$tmp/batch-$n.json")"
  rm -rf "$tmp/corpus-$n" "$tmp/batch-$n.json"
done
if [ ${#sizes[@]} -ge 2 ]; then
  first=${sizes[0]} last=${sizes[${#sizes[@]}-1]}
  printf 'peak(%d) / peak(%d) = %.2f (goal <= 1.5)\n' "$last" "$first" "$(awk -v a="${peak[$last]}" -v b="${peak[$first]}" 'BEGIN{print a/b}')"
fi
