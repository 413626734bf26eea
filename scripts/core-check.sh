#!/usr/bin/env bash
# The core preset: the engine and the CLI alone, optimised (Release), with no GUI library
# configured at all. Builds poolscope-cli and uses it as a user would:
#   - every lesson preset runs to its end; its export-go program, run under run-go, ends
#     with the same outcome (payloads capped at 1 KiB, as in the export parity test:
#     run-go holds a []byte as one value per byte, and unbounded-vs-pool holds 10,000 MiB
#     at once; 3600 s of virtual time, as queueing sends jobs for 60 s);
#   - every Go program of tests/golang/corpus prints what the real go1.19 binary printed
#     (stdout and exit code).
# The unit tests run in the debug and asan presets (scripts/test.sh); this proves the
# engine and CLI build and work without the GUI, with the optimiser's code.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
cmake --preset core ${CI:+-DPOOLSCOPE_WARNINGS_AS_ERRORS=ON} > /dev/null
cmake --build --preset core -j "$(nproc)" --target poolscope-cli
cli=build/core/app/cli/poolscope-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
  echo "core-check: $*" >&2
  failures=$((failures + 1))
}
outcome() { python3 -c 'import json,sys; print(json.load(sys.stdin)["outcome"])'; }

presets=$("$cli" presets | awk '/^ *[0-9]+ / { print $2 }')
[ -n "$presets" ] || fail "poolscope-cli presets listed none"
for p in $presets; do
  if ! "$cli" run --preset "$p" --set work.payload_kb=1 --json > "$work/run.json"; then
    fail "run --preset $p failed"
    continue
  fi
  "$cli" export-go --preset "$p" --set work.payload_kb=1 -o "$work/main.go"
  set +e
  "$cli" run-go "$work/main.go" --max-virtual 3600 --json > "$work/go.json"
  set -e
  want=$(outcome < "$work/run.json")
  got=$(outcome < "$work/go.json")
  [ "$want" = "$got" ] || fail "preset $p: run says $want, its export under run-go $got"
done

programs=0
for go in tests/golang/corpus/*.go; do
  name=${go%.go}
  set +e
  "$cli" run-go "$go" > "$work/stdout" 2> "$work/stderr"
  code=$?
  set -e
  programs=$((programs + 1))
  cmp -s "$work/stdout" "$name.stdout" || fail "$(basename "$go"): stdout differs from real Go's"
  [ "$code" = "$(cat "$name.exit")" ] || fail "$(basename "$go"): exit $code, real Go $(cat "$name.exit")"
done

if [ "$failures" -gt 0 ]; then
  echo "core-check: $failures failures" >&2
  exit 1
fi
echo "core-check: $(echo "$presets" | wc -w) presets and their exports, $programs Go programs: all as expected"
