#include "app/gui/modes/scripted_input.hpp"

#include <imgui.h>

#include <array>
#include <charconv>
#include <cstdio>
#include <utility>

#include "app/gui/platform/keys.hpp"
#include "app/gui/platform/platform.hpp"

namespace poolscope::gui {

namespace {
constexpr std::array<std::pair<std::string_view, int>, 15> kNamed = {{
    {"space", keys::kSpace},
    {"left", keys::kLeft},
    {"right", keys::kRight},
    {"up", keys::kUp},
    {"down", keys::kDown},
    {"pageup", keys::kPageUp},
    {"pagedown", keys::kPageDown},
    {"escape", keys::kEscape},
    {"equal", keys::kEqual},
    {"minus", keys::kMinus},
    {"f5", keys::kF5},
    {"l", keys::kL},
    {"f11", keys::kF11},
    {"f12", keys::kF12},
    {"slash", keys::kSlash},
}};

int key_code(std::string_view name) {
  for (const auto& [n, code] : kNamed) {
    if (n == name) return code;
  }
  if (name.size() == 1 && name[0] >= 'a' && name[0] <= 'z') return 'A' + (name[0] - 'a');
  if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') return name[0];
  return -1;
}
}  // namespace

std::vector<KeyPress> parse_presses(const std::string& text, std::string& error) {
  std::vector<KeyPress> out;
  std::string_view rest = text;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::string_view entry = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    const auto at = entry.rfind('@');
    KeyPress p;
    const std::string_view frame = at == std::string_view::npos ? "" : entry.substr(at + 1);
    const auto [end, ec] = std::from_chars(frame.data(), frame.data() + frame.size(), p.frame);
    if (at == std::string_view::npos || ec != std::errc() || end != frame.data() + frame.size() ||
        p.frame < 1) {
      error = "--press: \"" + std::string(entry) + "\" is not KEY@FRAME (e.g. ctrl+equal@2)";
      return {};
    }
    std::string_view key = entry.substr(0, at);
    if (key.starts_with("wheel:")) {
      const std::string spec(key.substr(6));
      float x = 0, y = 0, dy = 0;
      char extra = 0;
      if (std::sscanf(spec.c_str(), "%f:%f:%f%c", &x, &y, &dy, &extra) != 3) {
        error = "--press: \"" + std::string(entry) + "\" is not wheel:X:Y:DY@FRAME";
        return {};
      }
      p.wheel = true;
      p.x = x;
      p.y = y;
      p.wheel_dy = dy;
      out.push_back(p);
      continue;
    }
    for (;;) {
      if (key.starts_with("ctrl+")) {
        p.ctrl = true;
        key.remove_prefix(5);
      } else if (key.starts_with("shift+")) {
        p.shift = true;
        key.remove_prefix(6);
      } else {
        break;
      }
    }
    if (key == "?") {
      p.character = '?';
      p.key = keys::kSlash;
      p.shift = true;
    } else {
      p.key = key_code(key);
    }
    if (p.key < 0) {
      error = "--press: unknown key \"" + std::string(key) + "\" in \"" + std::string(entry) + "\"";
      return {};
    }
    out.push_back(p);
  }
  return out;
}

void apply_presses(const std::vector<KeyPress>& presses, int frame) {
  ImGuiIO& io = ImGui::GetIO();
  bool ctrl = false, shift = false;
  for (const KeyPress& p : presses) {
    if (p.key >= 0) io.KeysDown[p.key] = false;
  }
  for (const KeyPress& p : presses) {
    if (p.frame != frame) continue;
    if (p.wheel) {
      io.MousePos = ImVec2(p.x, p.y);
      io.WantSetMousePos = true;  // the backend moves the pointer there
      io.MouseWheel += p.wheel_dy;
      continue;
    }
    if (p.key >= 0) io.KeysDown[p.key] = true;
    ctrl = ctrl || p.ctrl;
    shift = shift || p.shift;
    if (p.character != 0) io.AddInputCharacter(static_cast<unsigned>(p.character));
  }
  io.KeyCtrl = ctrl;
  io.KeyShift = shift;
}

}  // namespace poolscope::gui
