#include "app/gui/model/key_queue.hpp"

#include <algorithm>

namespace poolscope::gui {

std::vector<KeyEvent> KeyQueue::take_frame() {
  std::vector<KeyEvent> out;
  std::vector<int> changed;  // keys pressed or released in this frame
  while (!pending_.empty()) {
    const KeyEvent& e = pending_.front();
    if (e.action != kRepeat) {
      if (std::find(changed.begin(), changed.end(), e.key) != changed.end()) break;
      changed.push_back(e.key);
    }
    out.push_back(e);
    pending_.pop_front();
  }
  return out;
}

}  // namespace poolscope::gui
