#!/usr/bin/env bash
# Fails when a layer includes what it must not (ARCHITECTURE.md: the arrows point one way):
# - core/ and app/gui/model/ include no ImGui, GLFW, glad, OpenGL or X11 header;
# - core/ includes nothing of app/; app/gui/model/ nothing of views/, platform/ or modes/;
# - only app/gui/platform/ includes GLFW, glad, OpenGL, X11 or the ImGui backends;
# - app/gui/views/ include nothing of modes/.
set -euo pipefail
cd "$(dirname "$0")/.."
status=0
check() {  # check <what> <extended regex of forbidden includes> <folders...>
  local what=$1 pattern=$2
  shift 2
  local hits
  hits=$(git grep -nE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($pattern)" -- "$@" || true)
  if [ -n "$hits" ]; then
    echo "check-layers: $what:" >&2
    echo "$hits" >&2
    status=1
  fi
}
ui='imgui|GLFW/|glad/|GL/|X11/|EGL/|imgui_'
check "core/ and app/gui/model/ must not include UI or GL headers" "$ui" core app/gui/model
check "core/ must not include app/" "app/" core
check "app/gui/model/ must not include views, platform or modes" \
  "app/gui/(views|platform|modes)/|app/gui/app\.hpp" app/gui/model
check "only app/gui/platform/ may include GLFW, glad, GL, X11 or the ImGui backends" \
  'GLFW/|glad/|GL/|X11/|EGL/|imgui_impl_' app/gui/views app/gui/modes app/gui/app.cpp \
  app/gui/app.hpp app/gui/main.cpp
check "app/gui/views/ must not include modes" "app/gui/modes/" app/gui/views
[ $status -eq 0 ] && echo "check-layers: every layer includes only what is below it"
exit $status
