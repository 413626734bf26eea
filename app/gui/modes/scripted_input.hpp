#pragma once
// Scripted key presses, so tests can drive the keyboard shortcuts of a real window
// (`poolscope --press "ctrl+equal@2,t@3,?@4" --screenshot ...`).
//
// - A press is `[ctrl+][shift+]KEY@FRAME`: KEY is a letter, a digit, space, left, right,
//   up, down, pageup, pagedown, escape, equal, minus, f5, f11, f12, or `?` (typed as a
//   character). The key is down during frame FRAME (1 = the first) and up after it.
// - `wheel:X:Y:DY@FRAME` moves the mouse to (X, Y) in framebuffer pixels and turns the
//   wheel by DY notches (negative: down) during that frame. The pointer is moved through
//   the backend (io.WantSetMousePos), which works when the window has the focus.
// - apply_presses() is called before each Platform::begin_frame(); it writes Dear ImGui's
//   input state the way the GLFW backend's callbacks do (ImGui 1.86: io.KeysDown[] with
//   GLFW key codes, io.KeyCtrl/KeyShift, io.AddInputCharacter).
#include <string>
#include <vector>

namespace poolscope::gui {

struct KeyPress {
  int frame = 1;
  int key = -1;        // GLFW key code (platform.hpp keys::), -1 for a character only
  char character = 0;  // typed character ('?'), 0 for none
  bool ctrl = false;
  bool shift = false;
  bool wheel = false;  // a wheel turn at (x, y) instead of a key
  float x = 0, y = 0, wheel_dy = 0;
};

// Parses a comma-separated list; on error returns an empty list and sets `error` to a
// message naming the bad entry.
std::vector<KeyPress> parse_presses(const std::string& text, std::string& error);

// Sets the input state for frame `frame` (keys pressed at other frames are released).
void apply_presses(const std::vector<KeyPress>& presses, int frame);

}  // namespace poolscope::gui
