#!/usr/bin/env bash
# Installs what rco-audit needs on Debian 12, only if something is missing.
# help2man makes the manual page at build time, gettext's msgfmt compiles the translations (po/).
# Run as root (or with sudo). `--tests` adds what the test suite needs: the schema
# validators, Debian's Chromium for the rendered-report test, LibreOffice Calc (headless)
# for the workbook test, and Clang with its libFuzzer runtime for the sanitizer suite and
# fuzzing (tools/test-sanitize.sh, tools/fuzz.sh), and groff to render the manual page.
# Used by tools/example.sh and tools/test.sh.
set -euo pipefail
packages=(g++ cmake ninja-build pkg-config
          libboost-json1.81-dev libboost-test1.81-dev libpugixml-dev libcli11-dev libssl-dev
          libzip-dev libxlsxwriter-dev help2man gettext)
if [ "${1:-}" = "--tests" ]; then
  packages+=(python3 python3-jsonschema libxml2-utils chromium fonts-dejavu-core clang libclang-rt-14-dev
             libreoffice-calc-nogui poppler-utils groff-base)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Installing: ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
