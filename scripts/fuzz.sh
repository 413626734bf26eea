#!/usr/bin/env bash
# Builds the fuzz preset (clang, libFuzzer + ASan + UBSan) and runs each fuzz target of
# tests/fuzz for SECONDS (default 60), one after the other. Fails on any crash, leak,
# timeout or out-of-memory, leaving the input under build/fuzz/artifacts/. Prints each
# target's number of executions.
#   scripts/fuzz.sh [SECONDS]            all targets
#   FUZZ_TARGETS="lesson" scripts/fuzz.sh 600
# New inputs found are kept in build/fuzz/corpus/<target> (the seeds in
# tests/fuzz/corpus/<target> are only read), so a later run starts where this one ended.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
targets=${FUZZ_TARGETS:-scenario set lesson prefs go}
jobs=${POOLSCOPE_JOBS:-2}

# The longest input each target tries, in bytes: room for deep nesting and long
# strings, small enough to keep thousands of runs a second.
max_len() {
  case $1 in
    set) echo 2048 ;;
    prefs) echo 4096 ;;
    *) echo 16384 ;;
  esac
}
# Seeds beyond tests/fuzz/corpus/TARGET: the Go target starts from the Go corpus too.
more_seeds() {
  case $1 in
    go) echo "tests/golang/corpus" ;;
    *) echo "" ;;
  esac
}
dict() {
  case $1 in
    scenario | set) echo "-dict=tests/fuzz/scenario.dict" ;;
    lesson) echo "-dict=tests/fuzz/lesson.dict" ;;
    *) echo "" ;;
  esac
}

cmake --preset fuzz >/dev/null
names=()
for t in $targets; do names+=("fuzz_$t"); done
cmake --build build/fuzz -j"$jobs" --target "${names[@]}" >/dev/null

mkdir -p build/fuzz/artifacts
status=0
for t in $targets; do
  corpus=build/fuzz/corpus/$t
  log=build/fuzz/fuzz_$t.log
  mkdir -p "$corpus"
  # -timeout: one input taking longer than 10 s is a hang; -rss_limit_mb: memory beyond
  # 2 GiB is a finding; leaks are findings too (ASan's leak check, on by default).
  # shellcheck disable=SC2046 # the extra seeds and the dictionary are one word or none
  if "build/fuzz/tests/fuzz/fuzz_$t" "$corpus" "tests/fuzz/corpus/$t" $(more_seeds "$t") $(dict "$t") \
    -max_total_time="$seconds" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$t-" >"$log" 2>&1; then
    result=ok
  else
    result=FAILED
    status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  echo "fuzz_$t: $result, $runs executions in ${seconds} s (log: $log)"
  if [ $result = FAILED ]; then
    grep -E 'ERROR|SUMMARY|fuzz check failed|Test unit written' "$log" | head -20 >&2 || true
  fi
done
exit $status
