#pragma once
// The code view's markers (views/view_code.hpp): which goroutines are on which line of
// the Go listing, in which look, and which one a click on a line selects. A pure
// function of the PoolModel; no ImGui, tested without a window.
//
// - A goroutine is on the line its Actor::line names. Exited goroutines, and goroutines
//   on no line of the listing (not started, or a line past its end), have no marker.
// - A marker's look is the look most of its goroutines share.
#include <array>
#include <cstddef>
#include <vector>

#include "app/gui/model/look.hpp"
#include "app/gui/model/pool_model.hpp"
#include "core/trace/event.hpp"

namespace poolscope::gui {

inline constexpr std::size_t kMarkerListed = 64;  // goroutines a marker remembers

// The goroutines on one line.
struct LineMarker {
  int count = 0;                                                     // all of them
  std::array<int, static_cast<std::size_t>(Look::Count)> by_look{};  // how many in each look
  std::vector<const Actor*> actors;  // the first kMarkerListed met, in goroutine order

  // The look most of them share (the first such look when tied).
  [[nodiscard]] Look look() const;
};

// markers[line] for lines 1..lines (markers[0] stays empty). The Actor pointers point
// into `m`: they live as long as it does.
[[nodiscard]] std::vector<LineMarker> line_markers(const PoolModel& m, std::size_t lines);

// The number of goroutines on each line: counts[line] = markers[line].count.
[[nodiscard]] std::vector<int> goroutines_per_line(const std::vector<LineMarker>& markers);

// The goroutine a click on the marker selects: the one after `selected` on that line
// (from the last back to the first), else the first; 0 when it lists none.
[[nodiscard]] trace::GoroutineId next_on_line(const LineMarker& mk, trace::GoroutineId selected);

// Where the selected goroutine is in the listing.
struct SelectedPlace {
  int line = 0;                // its line (0: exited, unknown, or on no line of the listing)
  Look look = Look::Runnable;  // its look (Runnable when it is not in the model)
};

[[nodiscard]] SelectedPlace selected_place(const PoolModel& m, trace::GoroutineId selected,
                                           std::size_t lines);

}  // namespace poolscope::gui
