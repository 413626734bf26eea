#!/usr/bin/env bash
# Installs what is missing, builds everything (Debug) and runs the whole test
# suite. Extra arguments go to ctest (e.g. -R Channel). Set POOLSCOPE_PRESET to
# use another configure preset (e.g. asan).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
preset=${POOLSCOPE_PRESET:-debug}
# Under CI, warnings in our own targets are errors.
cmake --preset "$preset" ${CI:+-DPOOLSCOPE_WARNINGS_AS_ERRORS=ON}
cmake --build --preset "$preset" -j "$(nproc)"
ctest --preset "$preset" -j "$(nproc)" "$@"
