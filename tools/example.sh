#!/usr/bin/env bash
# Installs what is missing, builds rco-audit and audits the bundled example record.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup-debian.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target rco-audit -j 2
./build/tools/rco-audit check examples/harbor-recovery-community.json "$@"
