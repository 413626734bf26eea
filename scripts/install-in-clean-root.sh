#!/usr/bin/env bash
# Installs a Poolscope .deb on a Debian 12 that never built Poolscope, as a lab machine
# would get it: a fresh bookworm root (mmdebstrap, from Debian's mirror), then
# `apt-get install ./poolscope_*.deb`, then the installed binaries run there (both
# --version, a CLI run, and the app's first frame of lesson 9 under Xvfb, with every
# lesson loaded). Needs root and the network; takes a few minutes, so CI runs the
# lighter check in scripts/package.sh and this one is run by hand before a release:
#   scripts/install-in-clean-root.sh build/package/poolscope_0.1.0-1_amd64.deb
set -euo pipefail
deb=$(realpath "${1:?usage: scripts/install-in-clean-root.sh PACKAGE.deb}")
[ "$(id -u)" -eq 0 ] || { echo "install-in-clean-root: run as root (chroot)" >&2; exit 1; }
command -v mmdebstrap > /dev/null || apt-get install -y -qq --no-install-recommends mmdebstrap
root=$(mktemp -d)
trap 'umount "$root/proc" 2> /dev/null || true; rm -rf "$root"' EXIT
# Xvfb and python3 are the check's own tools, not the package's dependencies.
mmdebstrap --quiet --variant=apt --include=xvfb,xauth,python3 bookworm "$root" \
  "deb http://deb.debian.org/debian bookworm main" \
  "deb http://deb.debian.org/debian-security bookworm-security main"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
mount -t proc proc "$root/proc"
chroot "$root" /bin/bash -euo pipefail -c '
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "/tmp/$(basename "$0")" > /tmp/apt.log 2>&1 \
    || { tail -20 /tmp/apt.log; exit 1; }
  poolscope --version
  poolscope-cli --version
  poolscope-cli run --preset hello-pool | head -1
  cd /tmp
  xvfb-run -a -s "-screen 0 1280x800x24" poolscope --preset your-own-pool --size 1280x800 \
    --at 1 --screenshot shot.png --picture-report report.json
  n=$(ls /usr/share/poolscope/lessons/*.json | wc -l)
  python3 -c "import json, sys; l = json.load(open(\"report.json\"))[\"lessons\"]; print(\"lessons\", l); assert l[\"loaded\"] == int(sys.argv[1]) and not l[\"problems\"]" "$n"
' "$(basename "$deb")"
cp "$root/tmp/shot.png" "${deb%.deb}-clean-root.png"
echo "install-in-clean-root: $deb installs and runs on a fresh Debian 12 (screenshot: ${deb%.deb}-clean-root.png)"
