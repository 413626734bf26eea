#!/usr/bin/env bash
# Builds the Debian package and checks it as a user's machine would see it:
#   scripts/package.sh [--preset NAME]
# NAME is a configure preset, "package" by default (optimised, no tests, no path into this
# source tree); CI passes "debug" to package the build its tests just used. Writes
# build/NAME/poolscope_VERSION_ARCH.deb, then:
#   - prints dpkg-deb --info and checks the files the package must hold;
#   - lintian: any error fails; warnings are printed (README.md explains the ones left);
#   - desktop-file-validate and appstreamcli validate (no net) on the installed files;
#   - extracts the package into an empty folder and runs the binaries from there, with
#     the fallback to this source tree's lessons turned off, so a file missing from the
#     package shows: both --version, the CLI's presets and a run, the app's first frame
#     of a lesson under Xvfb (its lessons must all load), and both manual pages;
#   - for the "package" preset, that the binaries hold no path of this machine.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=package
while [ $# -gt 0 ]; do
  case $1 in
    --preset) preset=$2; shift 2 ;;
    *) echo "package: unknown argument $1 (usage: scripts/package.sh [--preset NAME])" >&2; exit 2 ;;
  esac
done
scripts/setup-deps.sh
build=build/$preset
cmake --preset "$preset" ${CI:+-DPOOLSCOPE_WARNINGS_AS_ERRORS=ON} > /dev/null
cmake --build "$build" -j "$(nproc)" --target poolscope poolscope-cli poolscope_manpages
rm -f "$build"/poolscope_*.deb
(cd "$build" && cpack -G DEB > /dev/null)
deb=$(ls "$build"/poolscope_*.deb)
echo "package: built $deb"

failures=0
fail() {
  echo "package: $*" >&2
  failures=$((failures + 1))
}

echo "== dpkg-deb --info"
dpkg-deb --info "$deb"
contents=$(dpkg-deb --contents "$deb" | awk '{ print $6 }')
for f in ./usr/bin/poolscope ./usr/bin/poolscope-cli \
  ./usr/share/applications/org.poolscope.Poolscope.desktop \
  ./usr/share/metainfo/org.poolscope.Poolscope.metainfo.xml \
  ./usr/share/mime/packages/org.poolscope.Poolscope.xml \
  ./usr/share/icons/hicolor/scalable/apps/org.poolscope.Poolscope.svg \
  ./usr/share/icons/hicolor/48x48/apps/org.poolscope.Poolscope.png \
  ./usr/share/man/man1/poolscope.1.gz ./usr/share/man/man1/poolscope-cli.1.gz \
  ./usr/share/doc/poolscope/copyright ./usr/share/doc/poolscope/changelog.Debian.gz \
  ./usr/share/poolscope/lessons/hello-pool.json; do
  grep -qx -- "$f" <<< "$contents" || fail "the package lacks $f"
done
depends=$(dpkg-deb --field "$deb" Depends)
for lib in libglfw3 libfmt9 libc6 libstdc++6; do
  grep -q "$lib" <<< "$depends" || fail "Depends lacks $lib (dpkg-shlibdeps): $depends"
done

echo "== lintian"
lintian_out=$(lintian --tag-display-limit 0 "$deb" 2>&1 || true)
echo "${lintian_out:-lintian: no tags}"
if grep -q '^E:' <<< "$lintian_out"; then fail "lintian reports errors"; fi

root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg-deb -x "$deb" "$root"
echo "== desktop-file-validate, appstreamcli validate"
desktop-file-validate "$root/usr/share/applications/org.poolscope.Poolscope.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net "$root/usr/share/metainfo/org.poolscope.Poolscope.metainfo.xml" || fail "appstreamcli validate"

echo "== the installed binaries, from an empty root"
export POOLSCOPE_NO_SOURCE_ASSETS=1
bin=$root/usr/bin
"$bin/poolscope-cli" --version | grep -q '^poolscope-cli [0-9.]* (commit ' || fail "poolscope-cli --version"
"$bin/poolscope" --version | grep -q '^poolscope [0-9.]* (commit ' || fail "poolscope --version"
"$bin/poolscope-cli" presets | grep -q hello-pool || fail "poolscope-cli presets"
"$bin/poolscope-cli" run --preset hello-pool > /dev/null || fail "poolscope-cli run"
lessons=$(find "$root/usr/share/poolscope/lessons" -name '*.json' | wc -l)
xvfb-run -a -s "-screen 0 1280x720x24" "$bin/poolscope" --no-prefs --preset hello-pool \
  --size 1280x720 --screenshot "$root/shot.png" --picture-report "$root/report.json" \
  || fail "poolscope --screenshot"
loaded=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["lessons"]["loaded"])' "$root/report.json" 2>/dev/null || echo 0)
[ "$loaded" = "$lessons" ] || fail "the installed app loaded $loaded lessons of $lessons"
# A package for others holds no path of the machine it was built on (the "package"
# preset maps the source folder out of __FILE__ and leaves the source assets out).
if [ "$preset" = package ] && strings "$bin/poolscope" "$bin/poolscope-cli" | grep -qF "$PWD/"; then
  fail "the binaries hold this machine's source path $PWD/"
fi
for page in poolscope poolscope-cli; do
  warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$root/usr/share/man/man1/$page.1.gz" 2>&1 > /dev/null || true)
  [ -z "$warnings" ] || fail "man $page: $warnings"
  LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$root/usr/share/man/man1/$page.1.gz" 2> /dev/null | grep -q -- '--version' \
    || fail "man $page lacks --version"
done

if [ "$failures" -ne 0 ]; then
  echo "package: $failures problem(s) with $deb" >&2
  exit 1
fi
echo "package: $deb installs and runs ($lessons lessons, $(du -k "$deb" | cut -f1) KiB)"
