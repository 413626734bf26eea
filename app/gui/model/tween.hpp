#pragma once
// Tweening: smooth motion for tokens and counters, advanced by frame time.
//
// - A Tween moves a value from where it is now towards a target over a fixed
//   duration with an ease-in-out curve; retargeting mid-flight starts a new
//   leg from the current position, so motion never jumps.
// - advance(dt) returns whether the value is still moving (the frame loop can
//   sleep when nothing moves).
// - Pure arithmetic: tested without a window.

namespace poolscope::gui {

struct Vec2 {
  float x = 0.0f;
  float y = 0.0f;
  friend bool operator==(const Vec2&, const Vec2&) = default;
};

// Smoothstep-like cubic ease in [0, 1] -> [0, 1]; ease(0) = 0, ease(1) = 1.
float ease_in_out(float t);

Vec2 lerp(Vec2 a, Vec2 b, float t);

class Tween {
 public:
  explicit Tween(Vec2 at = {}, float duration_s = 0.35f)
      : from_(at), to_(at), duration_(duration_s) {}

  // Starts moving towards `target`, unless it is the target already.
  void retarget(Vec2 target);
  // Jumps to `at` with no motion (e.g. when the view is rebuilt after a scrub).
  void snap(Vec2 at);
  // Advances time; returns true while the value is still moving.
  bool advance(float dt);
  Vec2 value() const;
  Vec2 target() const { return to_; }
  bool moving() const { return elapsed_ < duration_ && !(from_ == to_); }

 private:
  Vec2 from_;
  Vec2 to_;
  float duration_;
  float elapsed_ = 0.0f;
};

}  // namespace poolscope::gui
