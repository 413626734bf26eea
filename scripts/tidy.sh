#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) over our own sources (core/, app/, bench/), one process a
# core, through the compile database of a configured build (default: build/debug, made by
# scripts/test.sh). Any finding fails: .clang-tidy makes every warning an error.
# clang's -Wsign-conversion is off: GCC, which builds Poolscope, does not warn on it in C++;
# GCC-only warning flags (-Wno-restrict) are not clang's to judge.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/debug}
if [ ! -f "$build/compile_commands.json" ]; then
  echo "tidy: $build/compile_commands.json is missing; configure first (cmake --preset debug)" >&2
  exit 2
fi
start=$(date +%s)
mapfile -t files < <(git ls-files 'core/*.cpp' 'app/*.cpp' 'bench/*.cpp')
if ! printf '%s\n' "${files[@]}" |
  xargs -P "${POOLSCOPE_TIDY_JOBS:-$(nproc)}" -n 1 clang-tidy -p "$build" --quiet \
    --use-color=false --extra-arg=-Wno-sign-conversion \
    --extra-arg=-Wno-unknown-warning-option > "$build/tidy.log" 2>&1; then
  grep -E "(error|warning): " "$build/tidy.log" | sort -u >&2
  echo "tidy: the findings above fail the check (whole log: $build/tidy.log)" >&2
  exit 1
fi
echo "tidy: ${#files[@]} files clean in $(($(date +%s) - start)) s"
