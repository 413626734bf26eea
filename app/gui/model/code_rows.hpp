#pragma once
// The rows the code view (views/view_code.hpp) shows of a Go listing: the lesson's lines,
// with the lines that only measure the run (GoLine::instrumentation, the `stats.` calls
// and the stats section) left out or folded. Pure; no ImGui, tested without a window.
//
// - Folded: a run of fewer than kFoldAtLeast instrumentation lines (a `stats.sent()`
//   between two statements) is left out, and the rows keep main.go's line numbers, so
//   the numbers skip it; a longer run (the stats section at the end) becomes one fold
//   row standing for all its lines, which the view expands on a click.
// - Shown: every line of the listing, one row each.
// - A goroutine on a line left out is shown on the row of the next line shown (the
//   statement it goes on to; the row before when none follows); one on a folded line, on
//   its fold row.
// - Rows are numbered from 1 like lines, so code_follow.hpp's per-line arithmetic works
//   on rows unchanged.
#include <span>
#include <vector>

#include "app/gui/model/code_markers.hpp"
#include "app/gui/model/go_syntax.hpp"

namespace poolscope::gui {

inline constexpr int kFoldAtLeast = 3;  // instrumentation lines in a row that make a fold row

struct CodeRow {
  int line = 0;            // the line of main.go it shows (the first one folded for a fold row)
  int folded = 0;          // > 0: a fold row standing for lines [line, line + folded)
  bool after_gap = false;  // lines were left out just above it
};

struct CodeRows {
  std::vector<CodeRow> rows;     // rows[0] is row 1
  std::vector<int> row_of_line;  // [line] -> the row that shows it, 1-based; [0] unused
  int left_out = 0;              // instrumentation lines not on a row of their own

  // The row that shows `line` (0 for 0 or a line past the end).
  [[nodiscard]] int row_of(int line) const noexcept;
};

[[nodiscard]] CodeRows code_rows(const GoListing& listing, bool show_measurements);

// Markers per row, [1..rows] ([0] stays empty), from line_markers()' per line: the
// goroutines of every line a row shows, in goroutine order.
[[nodiscard]] std::vector<LineMarker> row_markers(const CodeRows& rows,
                                                  std::span<const LineMarker> by_line);

}  // namespace poolscope::gui
