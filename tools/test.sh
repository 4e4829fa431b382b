#!/usr/bin/env bash
# Installs what is missing, builds everything and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup-debian.sh --tests
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DRCO_CONSUMER_TESTS=ON >/dev/null
cmake --build build -j 2
ctest --test-dir build --output-on-failure
