#include "app/gui/model/key_queue.hpp"

#include <algorithm>

namespace poolscope::gui {

namespace {
// GLFW's Shift, Control, Alt and Super keys, left and right (GLFW_KEY_LEFT_SHIFT ..
// GLFW_KEY_RIGHT_SUPER).
bool is_modifier(int key) { return key >= 340 && key <= 347; }
}  // namespace

std::vector<KeyEvent> KeyQueue::take_frame() {
  std::vector<KeyEvent> out;
  std::vector<int> changed;  // keys pressed or released in this frame
  bool pressed = false;      // a key that is not a modifier went down in this frame
  while (!pending_.empty()) {
    const KeyEvent& e = pending_.front();
    if (e.action != kRepeat) {
      if (std::find(changed.begin(), changed.end(), e.key) != changed.end()) break;
      if (is_modifier(e.key) && pressed) break;
      changed.push_back(e.key);
      pressed = pressed || (!is_modifier(e.key) && e.action == kPress);
    }
    out.push_back(e);
    pending_.pop_front();
  }
  return out;
}

}  // namespace poolscope::gui
