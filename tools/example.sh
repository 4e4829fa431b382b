#!/usr/bin/env bash
# Installs what is missing, builds rco-audit, installs it into PREFIX (default /usr/local,
# so `rco-audit` is on the PATH) and audits the bundled example record with the installed
# program. Extra arguments go to `rco-audit check`, e.g. --format json.
#   PREFIX=~/.local bash tools/example.sh    # without root
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${PREFIX:-/usr/local}"
bash tools/setup-debian.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target rco-audit rco-audit-docs -j 2  # the program, its completion script and man page: all installed
cmake --install build --prefix "$prefix" >/dev/null
echo "Installed $prefix/bin/rco-audit"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on your PATH; add it (export PATH=\"$prefix/bin:\$PATH\") or open a new shell" >&2 ;;
esac
"$prefix/bin/rco-audit" check examples/harbor-recovery-community.json "$@"
