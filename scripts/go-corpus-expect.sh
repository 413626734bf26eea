#!/usr/bin/env bash
# Writes the expectations of the Go corpus (tests/golang) from the REAL Go toolchain, so
# that poolscope-cli run-go can be compared with what Go itself does.
#
#   tests/golang/corpus/NAME.go          a program that builds; beside it this writes
#       NAME.stdout                      everything the built binary printed on stdout
#       NAME.stderr1                     the first line of its stderr (empty when none)
#       NAME.exit                        its exit code
#   tests/golang/compile_errors/NAME.go  a program go1.19 rejects; beside it this writes
#       NAME.expected                    what `go build` printed on stderr (exit code 2)
#
# Each program is copied to a temporary directory as main.go (so positions read
# ./main.go), built with `go build -o BIN main.go` in GOPATH mode with Debian's
# /usr/share/gocode on GOPATH (golang-golang-x-sync-dev: the real errgroup), and the
# BUILT binary is run (not `go run`, whose exit code is 1 for any failure).
#
# Usage: scripts/go-corpus-expect.sh [--runs N] [--check] [NAME...]
#   --runs N  run every program N times and fail when any run differs (determinism)
#   --check   compare with the committed files instead of writing them
#   NAME...   only these programs (default: all of both directories)
set -euo pipefail
cd "$(dirname "$0")/.."

runs=1
check=0
names=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --check) check=1; shift ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) names+=("$1"); shift ;;
  esac
done

command -v go >/dev/null || { echo "go-corpus-expect: go is not installed (golang-go)" >&2; exit 1; }
[ -d /usr/share/gocode/src/golang.org/x/sync/errgroup ] || {
  echo "go-corpus-expect: errgroup is missing: install golang-golang-x-sync-dev" >&2; exit 1; }
case "$(go version)" in
  *go1.19*) ;;
  *) echo "go-corpus-expect: expectations come from go1.19, found: $(go version)" >&2; exit 1 ;;
esac

export GO111MODULE=off GOFLAGS='' GOPATH=/usr/share/gocode GOTOOLCHAIN=local
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failures=0
fail() {
  echo "go-corpus-expect: $*" >&2
  failures=$((failures + 1))
}

# Writes (or with --check compares) $2 into file $1.
emit() {
  local file=$1 text=$2
  if [ "$check" = 1 ]; then
    if [ ! -f "$file" ]; then
      fail "$file is missing"
    elif [ "$(cat "$file"; echo x)" != "${text}x" ]; then
      fail "$file differs from what Go does now"
      diff <(printf '%s' "$text") "$file" | head -5 >&2 || true
    fi
  else
    printf '%s' "$text" >"$file"
  fi
}

wanted() {
  [ ${#names[@]} -eq 0 ] && return 0
  local n
  for n in "${names[@]}"; do [ "$n" = "$1" ] && return 0; done
  return 1
}

programs=0
for src in tests/golang/corpus/*.go; do
  [ -e "$src" ] || continue
  name=$(basename "$src" .go)
  wanted "$name" || continue
  programs=$((programs + 1))
  dir="$work/$name"
  mkdir -p "$dir"
  cp "$src" "$dir/main.go"
  if ! (cd "$dir" && go build -o prog main.go) 2>"$dir/build.err"; then
    fail "$name does not build:"; cat "$dir/build.err" >&2
    continue
  fi
  first=""
  for ((i = 1; i <= runs; i++)); do
    set +e
    (cd "$dir" && timeout -k 5 60 ./prog >out 2>err)
    code=$?
    set -e
    out=$(cat "$dir/out"; echo x)
    out=${out%x}
    err1=$(head -n 1 "$dir/err"; echo x)
    err1=${err1%x}
    this="$code"$'\x1f'"$out"$'\x1f'"$err1"
    if [ $i -eq 1 ]; then
      first=$this
    elif [ "$this" != "$first" ]; then
      fail "$name is not deterministic: run $i differs from run 1"
      break
    fi
  done
  [ "$code" = 124 ] || [ "$code" = 137 ] && fail "$name timed out"
  emit "tests/golang/corpus/$name.stdout" "$out"
  emit "tests/golang/corpus/$name.stderr1" "$err1"
  emit "tests/golang/corpus/$name.exit" "$code"$'\n'
done

for src in tests/golang/compile_errors/*.go; do
  [ -e "$src" ] || continue
  name=$(basename "$src" .go)
  wanted "$name" || continue
  programs=$((programs + 1))
  dir="$work/compile-$name"
  mkdir -p "$dir"
  cp "$src" "$dir/main.go"
  set +e
  (cd "$dir" && go build -o prog main.go) 2>"$dir/build.err"
  code=$?
  set -e
  if [ "$code" != 2 ]; then
    fail "$name: go build exited $code, not 2 (a compile error is expected)"
    continue
  fi
  text=$(cat "$dir/build.err"; echo x)
  emit "tests/golang/compile_errors/$name.expected" "${text%x}"
done

if [ "$failures" -gt 0 ]; then
  echo "go-corpus-expect: $failures problem(s) in $programs programs" >&2
  exit 1
fi
verb=$([ "$check" = 1 ] && echo "checked" || echo "wrote the expectations of")
echo "go-corpus-expect: $verb $programs programs ($runs run(s) each)"
