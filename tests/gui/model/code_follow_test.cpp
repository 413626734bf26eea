#include <doctest/doctest.h>

#include <vector>

#include "app/gui/model/code_follow.hpp"

using namespace poolscope::gui;

namespace {

// A listing of 100 lines, 20 px each, in a view 400 px high (20 lines): it scrolls
// from 0 to 1600.
struct Listing {
  std::vector<int> on_line = std::vector<int>(101, 0);

  [[nodiscard]] CodeScrollInput at(float scroll, float set_scroll) const {
    CodeScrollInput in;
    in.set_scroll = set_scroll;
    in.on_line = on_line;
    in.line_h = 20;
    in.view_h = 400;
    in.inner_h = 400;
    in.scroll = scroll;
    in.scroll_max = 1600;
    return in;
  }
};

}  // namespace

TEST_CASE("Code follow: it scrolls to the lines with the most goroutines, one line above them") {
  Listing l;
  l.on_line[10] = 1;
  l.on_line[60] = 3;
  l.on_line[61] = 2;
  const CodeScroll s = code_scroll(l.at(0, 0));
  CHECK(s.follow);
  CHECK(s.scroll_to == doctest::Approx(58 * 20.0f));  // line 59 at the top
  CHECK(s.set_scroll == s.scroll_to);
}

TEST_CASE("Code follow: it stays put while goroutines step between lines it already shows") {
  Listing l;
  l.on_line[60] = 3;
  l.on_line[61] = 2;
  CHECK(code_scroll(l.at(1160, 1160)).scroll_to < 0);
  // They move on to lines 62 and 63, still in the window of lines 59 to 77.
  l.on_line[60] = l.on_line[61] = 0;
  l.on_line[62] = 3;
  l.on_line[63] = 2;
  const CodeScroll s = code_scroll(l.at(1160, 1160));
  CHECK(s.follow);
  CHECK(s.scroll_to < 0);
  CHECK(s.set_scroll == doctest::Approx(1160.0f));
}

TEST_CASE("Code follow: it moves on when more goroutines gather elsewhere, within the scroll") {
  Listing l;
  l.on_line[60] = 3;
  l.on_line[95] = 8;  // the newest goroutines, near the end of the listing
  const CodeScroll s = code_scroll(l.at(1160, 1160));
  CHECK(s.scroll_to == doctest::Approx(1600.0f));  // line 94 at the top is past the end
  CHECK(s.set_scroll == doctest::Approx(1600.0f));
}

TEST_CASE("Code follow: a scroll by hand stops following, and it stays stopped") {
  Listing l;
  l.on_line[60] = 5;
  CodeScroll s =
      code_scroll(l.at(400, 1160));  // asked for 1160 last frame, the user scrolled to 400
  CHECK_FALSE(s.follow);
  CHECK(s.scroll_to < 0);
  CHECK(s.set_scroll == doctest::Approx(400.0f));
  CodeScrollInput next = l.at(400, s.set_scroll);
  next.follow = s.follow;
  s = code_scroll(next);
  CHECK_FALSE(s.follow);
  CHECK(s.scroll_to < 0);  // line 60 stays out of view
}

TEST_CASE("Code follow: a pixel of drift, or a listing that fits, is no scroll by hand") {
  Listing l;
  l.on_line[60] = 5;
  CHECK(code_scroll(l.at(1160.8f, 1160)).follow);
  CodeScrollInput fits = l.at(0, 1160);
  fits.scroll_max = 0;
  const CodeScroll s = code_scroll(fits);
  CHECK(s.follow);
  CHECK(s.scroll_to < 0);  // nothing to scroll
}

TEST_CASE("Code follow: a new selection out of view is centred once, then left alone") {
  Listing l;
  CodeScrollInput in = l.at(0, 0);
  in.follow = false;
  in.selected = 7;
  in.selected_line = 80;
  CodeScroll s = code_scroll(in);
  CHECK(s.scrolled_to == 7);
  CHECK(s.scroll_to == doctest::Approx(79 * 20.0f - 190.0f));
  // The learner scrolls back to the top: the selection does not pull the view again.
  in.scrolled_to = s.scrolled_to;
  in.set_scroll = s.set_scroll;
  s = code_scroll(in);
  CHECK(s.scrolled_to == 7);
  CHECK(s.scroll_to < 0);
}

TEST_CASE("Code follow: a new selection already in view is marked without scrolling") {
  Listing l;
  CodeScrollInput in = l.at(0, 0);
  in.selected = 3;
  in.selected_line = 5;
  const CodeScroll s = code_scroll(in);
  CHECK(s.scrolled_to == 3);
  CHECK(s.scroll_to < 0);
}

TEST_CASE("Code follow: a listing that cannot scroll yet tries the selection again next frame") {
  Listing l;
  CodeScrollInput in = l.at(0, -1);
  in.scroll_max = 0;
  in.selected = 3;
  in.selected_line = 80;
  const CodeScroll s = code_scroll(in);
  CHECK(s.scrolled_to == 0);
  CHECK(s.scroll_to < 0);
}

TEST_CASE("Code follow: following keeps the selected goroutine's line in view, not the busiest") {
  Listing l;
  l.on_line[90] = 20;
  CodeScrollInput in = l.at(0, 0);
  in.selected = 4;
  in.scrolled_to = 4;
  in.selected_line = 50;
  CodeScroll s = code_scroll(in);
  CHECK(s.scroll_to == doctest::Approx(49 * 20.0f - 190.0f));  // centred
  in.selected_line = 10;  // in view: nothing moves, though line 90 has more goroutines
  s = code_scroll(in);
  CHECK(s.scroll_to < 0);
}

TEST_CASE("Code follow: clearing the selection forgets what was scrolled to") {
  Listing l;
  CodeScrollInput in = l.at(0, 0);
  in.scrolled_to = 4;
  CHECK(code_scroll(in).scrolled_to == 0);
}

TEST_CASE("Code follow: goroutines above and below the view, and the nearest line of each") {
  std::vector<int> on_line(101, 0);
  on_line[3] = 2;
  on_line[10] = 1;  // ends exactly where the view starts: above
  on_line[20] = 9;  // in view
  on_line[31] = 4;  // starts exactly where the view ends: below
  on_line[70] = 1;
  const OffscreenGoroutines o = offscreen_goroutines(on_line, 20, 200, 400);
  CHECK(o.above.count == 3);
  CHECK(o.above.nearest == 10);
  CHECK(o.below.count == 5);
  CHECK(o.below.nearest == 31);
  const OffscreenGoroutines none = offscreen_goroutines(on_line, 20, 0, 2020);
  CHECK(none.above.count == 0);
  CHECK(none.below.nearest == 0);
}

TEST_CASE("Code follow: a line is centred within the scroll's range") {
  CHECK(centred_scroll(50, 20, 400, 1600) == doctest::Approx(790.0f));
  CHECK(centred_scroll(1, 20, 400, 1600) == 0.0f);
  CHECK(centred_scroll(100, 20, 400, 1600) == doctest::Approx(1600.0f));
}

TEST_CASE("Code follow: a view with room for two lines still scrolls to the goroutines") {
  // At scale 2 in a small panel: 104 px of 38 px lines, so one line is fully shown below
  // the first. The line of context above the goroutines would push them out: none then.
  Listing l;
  l.on_line[57] = 3;
  CodeScrollInput in = l.at(0, 0);
  in.line_h = 38;
  in.view_h = 132;
  in.inner_h = 104;
  in.scroll_max = 100 * 38 - 104;
  const CodeScroll s = code_scroll(in);
  CHECK(s.scroll_to == doctest::Approx(56 * 38.0f));  // line 57 at the top
}
