#!/usr/bin/env bash
# Installs every Debian package Poolscope needs to build, test and run.
# Idempotent: installs only what is missing. Runs apt-get directly as root,
# through sudo otherwise, and says what to run when it can do neither.
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config git
  # the GUI: Dear ImGui (GLFW + OpenGL3 backends in libimgui.a), GLFW, glad, PNG
  libimgui-dev libglfw3-dev python3-glad libgl-dev libx11-dev libstb-dev
  # the engine and the CLI: JSON, command line, formatting
  nlohmann-json3-dev libcli11-dev libfmt-dev
  # tests: doctest, a headless X server, the Go toolchain for parity tests and the real
  # errgroup (golang.org/x/sync) for the Go corpus of tests/golang
  doctest-dev xvfb xauth golang-go golang-golang-x-sync-dev
  # run time: fonts for crisp text at every scale, ffmpeg for video export
  fonts-inter-variable fonts-jetbrains-mono fonts-dejavu-core ffmpeg
  # packaging (scripts/package.sh): manual pages, the .deb's Depends, its checks
  help2man dpkg-dev file fakeroot lintian desktop-file-utils appstream man-db
  # formatting and static checks
  clang-format clang-tidy universal-ctags
  # fuzzing (scripts/fuzz.sh): clang with libFuzzer and the sanitizer runtimes
  clang libclang-rt-14-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "setup-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo)
elif command -v sudo >/dev/null 2>&1 && [ -t 0 ]; then
  as_root=(sudo)  # sudo will ask for the password on this terminal
else
  echo "setup-deps: missing packages: ${missing[*]}" >&2
  echo "setup-deps: cannot install them (not root, no usable sudo). As root, run:" >&2
  echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "setup-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
