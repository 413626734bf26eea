#include "app/gui/model/tween.hpp"

#include <algorithm>

namespace poolscope::gui {

float ease_in_out(float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

Vec2 lerp(Vec2 a, Vec2 b, float t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

void Tween::retarget(Vec2 target) {
  if (target == to_) return;
  from_ = value();
  to_ = target;
  elapsed_ = 0.0f;
}

void Tween::snap(Vec2 at) {
  from_ = to_ = at;
  elapsed_ = duration_;
}

bool Tween::advance(float dt) {
  elapsed_ = std::min(elapsed_ + std::max(dt, 0.0f), duration_);
  return moving();
}

Vec2 Tween::value() const {
  if (duration_ <= 0.0f) return to_;
  return lerp(from_, to_, ease_in_out(elapsed_ / duration_));
}

}  // namespace poolscope::gui
