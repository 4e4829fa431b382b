#!/usr/bin/env bash
# Speed-up of a CLI batch on two cores over one: 2,000 generated records audited into one
# joined JSON report, and into one HTML report per record (--output-dir), each run with
# --jobs 2 and pinned to one core (taskset -c 0, where --jobs defaults to the one core
# available); the median of ROUNDS runs counts.
#
#   bench/batch_scaling.sh [BUILD_DIR] [RECORDS] [ROUNDS]     (default: build, 2000, 5)
#
# The corpus is the one bench/audit_bench.cpp times (written with --write-corpus) in a
# temporary directory that is removed afterwards. Each run writes into a new directory,
# after `sync` and a pause, and the outputs are removed at the end only: removing 2,000
# files leaves the file system work to do afterwards (ext4 with `discard` here), which
# tripled the kernel time of the run that followed and was measured as if it were its own.
# The outputs take about 2 GB meanwhile. Meaningful on an otherwise idle machine with at
# least two cores. Needs taskset (util-linux).
set -euo pipefail
build=${1:-build}
records=${2:-2000}
rounds=${3:-5}
tool="$build/tools/rco-audit"
bench="$build/bench/audit_bench"
for f in "$tool" "$bench"; do
  [ -x "$f" ] || { echo "batch_scaling.sh: $f is missing (build the project first)" >&2; exit 2; }
done
command -v taskset >/dev/null || { echo "batch_scaling.sh: taskset is missing (util-linux)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bench" --write-corpus "$tmp/corpus" "$records" >/dev/null

# Wall-clock seconds of one run of the command given, in a new output directory (@OUT@).
seconds() {
  local out t0 t1 status=0
  out=$(mktemp -d "$tmp/out.XXXXXX")
  sync
  sleep 1
  t0=$(date +%s.%N)
  "${@//@OUT@/$out}" >/dev/null 2>&1 || status=$?
  t1=$(date +%s.%N)
  [ "$status" -le 1 ] || { echo "batch_scaling.sh: rco-audit exited with $status: $*" >&2; exit 1; }
  awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}'
}
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END{print v[int((NR+1)/2)]}'; }

printf '%d records, median of %d runs (%d cores available)\n' "$records" "$rounds" "$(nproc)"
for format in json html; do
  # @OUT@: the run's own output directory
  if [ "$format" = json ]; then
    args=(check "$tmp/corpus" --format "json:@OUT@/batch.json")
  else
    args=(check "$tmp/corpus" --format html --output-dir "@OUT@")
  fi
  # One core and two in turn, so that a slow spell of the machine (a virtual one's host
  # busy elsewhere) weighs on both alike.
  ones=() twos=()
  for ((r = 0; r < rounds; r++)); do
    ones+=("$(seconds taskset -c 0 "$tool" "${args[@]}")")
    twos+=("$(seconds "$tool" "${args[@]}" --jobs 2)")
  done
  one=$(median "${ones[@]}")
  two=$(median "${twos[@]}")
  printf '%-5s one core %7.2f s, --jobs 2 %7.2f s: speed-up %.2fx (goal >= 1.7x)\n' "$format" "$one" "$two" \
    "$(awk -v a="$one" -v b="$two" 'BEGIN{print a/b}')"
done
