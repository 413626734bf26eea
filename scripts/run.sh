#!/usr/bin/env bash
# Installs what is missing, builds Poolscope (Release) and launches it.
# Arguments go to poolscope (try --help).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
cmake --preset release
cmake --build --preset release -j "$(nproc)"
exec build/release/app/gui/poolscope "$@"
