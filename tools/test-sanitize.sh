#!/usr/bin/env bash
# The sanitizer suite: builds everything with AddressSanitizer (and LeakSanitizer) and
# UndefinedBehaviorSanitizer into build-asan and runs the whole test suite there (the
# unit tests, the command-line tests on the instrumented rco-audit, and each fuzz target
# over its corpus), all but the consumer tests, which build the library again without
# sanitizers. Any report fails the run (-fno-sanitize-recover=all, leaks included).
#
# With Clang and its libFuzzer runtime (Debian: clang, libclang-rt-14-dev) the fuzz
# targets are real libFuzzer binaries (RCO_FUZZ), the ones tools/fuzz.sh runs; without,
# g++ builds the same suite with the stand-in driver.
#
# Usage: tools/test-sanitize.sh [--configure-only]    (build dir: $RCO_ASAN_BUILD or build-asan)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${RCO_ASAN_BUILD:-build-asan}

if [ ! -f "$dir/CMakeCache.txt" ]; then
  args=(-G Ninja -DRCO_SANITIZE=ON -DRCO_BUILD_BENCH=OFF
        -DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1")
  probe=$(mktemp -d)
  trap 'rm -rf "$probe"' EXIT
  printf 'extern "C" int LLVMFuzzerTestOneInput(const unsigned char*, unsigned long) { return 0; }\n' >"$probe/p.cpp"
  if command -v clang++ >/dev/null &&
     clang++ -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" 2>/dev/null; then
    args+=(-DCMAKE_CXX_COMPILER=clang++ -DRCO_FUZZ=ON)
  else
    echo "test-sanitize.sh: no Clang with libFuzzer; building with the default compiler and the stand-in fuzz driver" >&2
  fi
  cmake -S . -B "$dir" "${args[@]}" >/dev/null
fi
[ "${1:-}" = "--configure-only" ] && exit 0

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cmake --build "$dir" -j 2
ctest --test-dir "$dir" --output-on-failure -E '^consumer_'
