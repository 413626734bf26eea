// KeyQueue: no key press is lost however short, and order across keys is kept.
#include <doctest/doctest.h>

#include <vector>

#include "app/gui/model/key_queue.hpp"

using poolscope::gui::KeyEvent;
using poolscope::gui::KeyQueue;

namespace {
constexpr int kSpace = 32, kCtrl = 341, kEqual = 61, kPageDown = 267;

KeyEvent press(int key) { return {key, 0, KeyQueue::kPress, 0}; }
KeyEvent release(int key) { return {key, 0, KeyQueue::kRelease, 0}; }

// The frames' events as (key, action) pairs.
std::vector<std::vector<int>> frames(KeyQueue& q) {
  std::vector<std::vector<int>> out;
  while (q.pending() > 0) {
    std::vector<int> f;
    for (const KeyEvent& e : q.take_frame()) {
      f.push_back(e.key);
      f.push_back(e.action);
    }
    out.push_back(f);
  }
  return out;
}
}  // namespace

TEST_CASE("KeyQueue: a tap within one frame is pressed in one frame and released in the next") {
  KeyQueue q;
  q.push(press(kSpace));
  q.push(release(kSpace));
  CHECK(frames(q) == std::vector<std::vector<int>>{{kSpace, 1}, {kSpace, 0}});
}

TEST_CASE("KeyQueue: two quick taps are two presses") {
  KeyQueue q;
  for (int i = 0; i < 2; ++i) {
    q.push(press(kPageDown));
    q.push(release(kPageDown));
  }
  const auto f = frames(q);
  REQUIRE(f.size() == 4);
  CHECK(f[0] == std::vector<int>{kPageDown, 1});
  CHECK(f[2] == std::vector<int>{kPageDown, 1});
}

TEST_CASE("KeyQueue: a chord keeps its order, each key changing once per frame") {
  KeyQueue q;
  q.push(press(kCtrl));
  q.push(press(kEqual));
  q.push(release(kEqual));
  q.push(release(kCtrl));
  CHECK(frames(q) == std::vector<std::vector<int>>{{kCtrl, 1, kEqual, 1}, {kEqual, 0, kCtrl, 0}});
}

TEST_CASE("KeyQueue: a key is seen with the modifiers held when it went down") {
  constexpr int kEnter = 257;
  KeyQueue q;  // Ctrl let go before Enter, all before the next frame (as xdotool sends)
  q.push(press(kCtrl));
  q.push(press(kEnter));
  q.push(release(kCtrl));
  q.push(release(kEnter));
  CHECK(frames(q) == std::vector<std::vector<int>>{{kCtrl, 1, kEnter, 1}, {kCtrl, 0, kEnter, 0}});
  // Enter, then Ctrl: Enter alone.
  q.push(press(kEnter));
  q.push(press(kCtrl));
  q.push(release(kEnter));
  q.push(release(kCtrl));
  CHECK(frames(q) == std::vector<std::vector<int>>{{kEnter, 1}, {kCtrl, 1, kEnter, 0}, {kCtrl, 0}});
}

TEST_CASE("KeyQueue: repeats pass through without holding back the frame") {
  KeyQueue q;
  q.push(press(kSpace));
  q.push({kSpace, 0, KeyQueue::kRepeat, 0});
  q.push({kSpace, 0, KeyQueue::kRepeat, 0});
  CHECK(frames(q) == std::vector<std::vector<int>>{{kSpace, 1, kSpace, 2, kSpace, 2}});
}
