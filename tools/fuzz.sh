#!/usr/bin/env bash
# Fuzzes one target for a while with libFuzzer (needs Clang and its libFuzzer runtime:
# Debian's clang and libclang-rt-14-dev, installed by tools/setup-debian.sh --tests).
#
#   tools/fuzz.sh TARGET [SECONDS] [libFuzzer options...]       (default 60 seconds)
#   tools/fuzz.sh --list
#
# Builds fuzz_TARGET in build-asan (AddressSanitizer, UndefinedBehaviorSanitizer; see
# tools/test-sanitize.sh) and fuzzes it, starting from its seeds and corpus (fuzz/), with
# its dictionary. Inputs that add coverage are kept in build-asan/fuzz-corpus/TARGET for
# the next run; a crash, leak, timeout or failed invariant stops the run and is saved in
# build-asan/fuzz-crashes/TARGET/. Reproduce one with
#   build-asan/fuzz/fuzz_TARGET FILE
# and, once fixed, copy it into fuzz/corpus/TARGET/ so the test suite keeps checking it.
# RCO_FUZZ_NO_BUILD=1 runs the binary already built.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${RCO_ASAN_BUILD:-build-asan}
bash tools/test-sanitize.sh --configure-only
if [ "${1:-}" = "--list" ] || [ $# -eq 0 ]; then
  echo "usage: tools/fuzz.sh TARGET [SECONDS] [libFuzzer options...]; targets:"
  for f in "$dir"/fuzz/*.fuzz; do basename "$f" .fuzz; done
  [ $# -eq 0 ] && exit 2 || exit 0
fi
target=$1
seconds=${2:-60}
shift $(( $# >= 2 ? 2 : 1 ))
config="$dir/fuzz/$target.fuzz"
if [ ! -f "$config" ]; then
  echo "fuzz.sh: no fuzz target '$target' (tools/fuzz.sh --list)" >&2
  exit 2
fi
shopt -s nullglob globstar
# shellcheck source=/dev/null
source "$config"
if [ "$FUZZ_LIBFUZZER" != ON ]; then
  echo "fuzz.sh: $dir is not a libFuzzer build (needs clang++ with libFuzzer; remove $dir to reconfigure)" >&2
  exit 2
fi
[ -n "${RCO_FUZZ_NO_BUILD:-}" ] || cmake --build "$dir" --target "fuzz_$target"

work="$dir/fuzz-corpus/$target"
seeds="$dir/fuzz-seeds/$target"
crashes="$dir/fuzz-crashes/$target/"
mkdir -p "$work" "$crashes"
rm -rf "$seeds" && mkdir -p "$seeds"
dirs=()
for s in "${FUZZ_SEEDS[@]}"; do
  if [ -d "$s" ]; then dirs+=("$s"); elif [ -f "$s" ]; then cp "$s" "$seeds/"; fi
done
opts=(-max_total_time="$seconds" -artifact_prefix="$crashes" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1)
[ -n "$FUZZ_DICT" ] && opts+=(-dict="$FUZZ_DICT")
[ -n "$FUZZ_MAX_LEN" ] && opts+=(-max_len="$FUZZ_MAX_LEN")
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
"$FUZZ_BINARY" "${opts[@]}" "$@" "$work" "$seeds" "${dirs[@]}" || status=$?
if [ $status -ne 0 ]; then
  echo "fuzz.sh: $target found a problem; inputs saved in $crashes:" >&2
  ls -t "$crashes" | head -n 5 >&2
  echo "reproduce: $FUZZ_BINARY ${crashes}FILE; after the fix, copy FILE into fuzz/corpus/$target/" >&2
fi
exit $status
