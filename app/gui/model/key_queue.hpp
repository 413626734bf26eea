#pragma once
// KeyQueue: key events in the order they came, handed to a UI that reads the key state
// once per frame (Dear ImGui 1.86), so that no press is lost however short.
//
// - A presentation clicker's tap can press and release a key within one frame: sampled
//   once per frame, that press never happened. Queued here, each key changes at most once
//   per frame, so the press is seen in one frame and the release in the next.
// - Order across keys is kept (Ctrl down, = down, = up, Ctrl up stays Ctrl+=): a frame
//   takes events from the front until one would change a key a second time, or would
//   change a modifier (Shift, Ctrl, Alt, Super) after another key went down, so that a key
//   is seen with the modifiers held when it went down (xdotool's Ctrl+Enter lets go of
//   Ctrl before Enter: in one frame, Enter would be seen without Ctrl).
// - No window, no GLFW: the platform pushes its callbacks' events and replays each
//   frame's share into the ImGui backend.
#include <cstddef>
#include <deque>
#include <vector>

namespace poolscope::gui {

struct KeyEvent {
  int key = 0;
  int scancode = 0;
  int action = 0;  // GLFW's values: 1 press, 0 release, 2 repeat
  int mods = 0;
};

class KeyQueue {
 public:
  static constexpr int kRelease = 0;
  static constexpr int kPress = 1;
  static constexpr int kRepeat = 2;

  void push(const KeyEvent& e) { pending_.push_back(e); }
  // The events to apply this frame, in order (see above); the rest wait.
  std::vector<KeyEvent> take_frame();
  [[nodiscard]] std::size_t pending() const noexcept { return pending_.size(); }

 private:
  std::deque<KeyEvent> pending_;
};

}  // namespace poolscope::gui
