#!/usr/bin/env bash
# Fails when a function under app/ runs past 100 lines (STYLE.md: split long functions
# along their seams). Lengths come from universal-ctags (start and end line of each
# function definition). Usage: check-function-length.sh [max lines] [folders...]
set -euo pipefail
cd "$(dirname "$0")/.."
max=${1:-100}
shift || true
folders=("${@:-app}")
long=$(ctags --languages=C++ --c++-kinds=f --fields=+ne -f - -R "${folders[@]}" |
  awk -F'\t' -v max="$max" '{
    start = ""; end = ""
    for (i = 4; i <= NF; i++) {
      if ($i ~ /^line:/) start = substr($i, 6)
      if ($i ~ /^end:/) end = substr($i, 5)
    }
    if (end != "" && end - start + 1 > max) printf "%s:%s: %s is %d lines\n", $2, start, $1, end - start + 1
  }' | sort)
if [ -n "$long" ]; then
  echo "$long" >&2
  echo "check-function-length: the functions above run past $max lines; split them along their seams" >&2
  exit 1
fi
echo "check-function-length: no function in ${folders[*]} runs past $max lines"
