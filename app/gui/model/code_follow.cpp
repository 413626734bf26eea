#include "app/gui/model/code_follow.hpp"

#include <algorithm>
#include <cmath>

namespace poolscope::gui {

namespace {

// A new selection scrolls its line into view, once. (A child window that is new this
// frame cannot scroll yet: scroll_max is 0, and it is tried again next frame.)
void scroll_to_selection(const CodeScrollInput& in, CodeScroll& out) {
  if (in.selected == in.scrolled_to || in.selected_line == 0) {
    if (in.selected == 0) out.scrolled_to = 0;
    return;
  }
  const float y = static_cast<float>(in.selected_line - 1) * in.line_h;
  if (y >= in.scroll && y + in.line_h <= in.scroll + in.view_h) {
    out.scrolled_to = in.selected;
  } else if (in.scroll_max > 0) {
    out.scroll_to = std::max(0.0f, y - (in.view_h - in.line_h) / 2);
    out.scrolled_to = in.selected;
  }
}

// The first line of the window of `visible` lines that shows the most goroutines:
// `current` unless another window shows more.
int busiest_window(std::span<const int> on_line, int current, int visible) {
  const int lines = static_cast<int>(on_line.size()) - 1;
  const auto covered = [&](int first) {
    int n = 0;
    for (int l = std::max(1, first); l < first + visible && l <= lines; ++l) {
      n += on_line[static_cast<std::size_t>(l)];
    }
    return n;
  };
  int best = covered(current);
  int best_first = current;
  for (int l = 1; l <= lines; ++l) {
    if (on_line[static_cast<std::size_t>(l)] == 0) continue;
    // One line of context above, when the view shows more than the one line.
    const int first = visible > 1 ? std::max(1, l - 1) : l;
    if (const int c = covered(first); c > best) {
      best = c;
      best_first = first;
    }
  }
  return best_first;
}

// Following: the selected goroutine's line, else the busiest window of lines. (A wanted
// scroll below 0 is dropped, as any other: the listing then stays where it is.)
float follow_scroll(const CodeScrollInput& in) {
  const int visible = std::max(1, static_cast<int>(in.inner_h / in.line_h) - 1);  // fully shown
  const int current = static_cast<int>(std::ceil(in.scroll / in.line_h)) + 1;     // first shown
  if (in.selected_line > 0) {
    if (in.selected_line >= current && in.selected_line < current + visible) return -1;
    return static_cast<float>(in.selected_line - 1) * in.line_h - (in.inner_h - in.line_h) / 2;
  }
  const int first = busiest_window(in.on_line, current, visible);
  return first != current ? static_cast<float>(first - 1) * in.line_h : -1;
}

}  // namespace

CodeScroll code_scroll(const CodeScrollInput& in) {
  CodeScroll out{in.follow, in.scrolled_to, -1, -1};
  // Scrolled by the user (wheel, scroll bar, keys) since the last frame: stop following.
  if (in.set_scroll >= 0 && std::abs(in.scroll - in.set_scroll) > 1.0f && in.scroll_max > 0) {
    out.follow = false;
  }
  scroll_to_selection(in, out);
  if (out.follow && out.scroll_to < 0 && in.scroll_max > 0) out.scroll_to = follow_scroll(in);
  if (out.scroll_to >= 0) {
    out.scroll_to = std::clamp(out.scroll_to, 0.0f, in.scroll_max);
    out.set_scroll = out.scroll_to;
  } else {
    out.scroll_to = -1;
    out.set_scroll = in.scroll;
  }
  return out;
}

OffscreenGoroutines offscreen_goroutines(std::span<const int> on_line, float line_h, float scroll,
                                         float inner_h) {
  OffscreenGoroutines o;
  for (std::size_t n = 1; n < on_line.size(); ++n) {
    if (on_line[n] == 0) continue;
    const float top = static_cast<float>(n - 1) * line_h;
    if (top + line_h <= scroll) {
      o.above.count += on_line[n];
      o.above.nearest = static_cast<int>(n);
    } else if (top >= scroll + inner_h) {
      o.below.count += on_line[n];
      if (o.below.nearest == 0) o.below.nearest = static_cast<int>(n);
    }
  }
  return o;
}

float centred_scroll(int line, float line_h, float inner_h, float scroll_max) {
  const float y = static_cast<float>(line - 1) * line_h;
  return std::clamp(y - (inner_h - line_h) / 2, 0.0f, scroll_max);
}

}  // namespace poolscope::gui
