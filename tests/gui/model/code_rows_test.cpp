// The code view's rows: the lesson's lines without the measurements, main.go's numbers
// kept, and every goroutine still on the row of the line it stands on.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/gui/model/code_rows.hpp"
#include "app/gui/model/session.hpp"
#include "core/scenario/go_export.hpp"
#include "core/scenario/presets.hpp"

using namespace poolscope;
using namespace poolscope::gui;
using scenario::Anchor;

namespace {

scenario::GoProgram program_of(const char* preset) {
  return scenario::export_go(scenario::find_preset(preset).value());
}

int line_of(const GoListing& listing, const std::string& text) {
  for (std::size_t i = 0; i < listing.lines.size(); ++i) {
    if (listing.lines[i].text.find(text) != std::string::npos) return static_cast<int>(i) + 1;
  }
  return 0;
}

}  // namespace

TEST_CASE("Code rows: folded, the stats calls are left out and the stats section is one row") {
  const scenario::GoProgram p = program_of("backpressure");
  const GoListing listing = highlight_go(p.source);
  const CodeRows rows = code_rows(listing, false);
  const int sent = line_of(listing, "stats.sent()");
  const int banner = line_of(listing, "// stats: measurements");
  REQUIRE(sent > 0);
  REQUIRE(banner > 0);
  // About 60 of the 185 lines are the lesson; each row keeps its line of main.go.
  CHECK(rows.rows.size() < listing.lines.size() / 2);
  int fold_rows = 0;
  for (const CodeRow& r : rows.rows) {
    if (r.folded > 0) {
      ++fold_rows;
      CHECK(r.line == banner - 1);  // from the rule above the banner
      CHECK(r.line + r.folded == static_cast<int>(listing.lines.size()) + 1);
      continue;
    }
    CAPTURE(r.line);
    CHECK_FALSE(listing.lines[static_cast<std::size_t>(r.line - 1)].instrumentation);
  }
  CHECK(fold_rows == 1);
  // stats.sent() has no row: the row after it shows the line after it, marked as a gap.
  const int row = rows.row_of(sent);
  REQUIRE(row > 0);
  CHECK(rows.rows[static_cast<std::size_t>(row - 1)].line == sent + 1);
  CHECK(rows.rows[static_cast<std::size_t>(row - 1)].after_gap);
  CHECK(rows.row_of(sent - 1) == row - 1);
  CHECK(rows.left_out ==
        static_cast<int>(listing.lines.size()) - static_cast<int>(rows.rows.size()) + 1);
}

TEST_CASE("Code rows: shown, every line is a row of its own") {
  const GoListing listing = highlight_go(program_of("errgroup-limit").source);
  const CodeRows rows = code_rows(listing, true);
  REQUIRE(rows.rows.size() == listing.lines.size());
  for (std::size_t i = 0; i < rows.rows.size(); ++i) {
    CHECK(rows.rows[i].line == static_cast<int>(i) + 1);
    CHECK(rows.rows[i].folded == 0);
    CHECK(rows.row_of(static_cast<int>(i) + 1) == static_cast<int>(i) + 1);
  }
  CHECK(rows.left_out == 0);
  CHECK(rows.row_of(0) == 0);
  CHECK(rows.row_of(static_cast<int>(listing.lines.size()) + 1) == 0);
}

TEST_CASE("Code rows: the workers' marker lands on the row of their line, folded or not") {
  // hello-pool at 0.5 s: three workers in work (time.Sleep), main waits.
  gui::Session session(scenario::find_preset("hello-pool").value());
  session.advance_to_seconds(0.5);
  const GoListing listing = highlight_go(session.program().source);
  const std::vector<LineMarker> by_line = line_markers(session.model(), listing.lines.size());
  const int sleep = session.program().line(Anchor::WorkSleep);
  REQUIRE(by_line[static_cast<std::size_t>(sleep)].count == 3);
  for (const bool shown : {false, true}) {
    CAPTURE(shown);
    const CodeRows rows = code_rows(listing, shown);
    const std::vector<LineMarker> markers = row_markers(rows, by_line);
    REQUIRE(markers.size() == rows.rows.size() + 1);
    int total = 0, before = 0;
    for (std::size_t r = 1; r < markers.size(); ++r) {
      total += markers[r].count;
      if (markers[r].count == 0) continue;
      // Every marked row shows a line some goroutine is on, with all of that line's.
      const int line = rows.rows[r - 1].line;
      CAPTURE(line);
      CHECK(markers[r].count == by_line[static_cast<std::size_t>(line)].count);
    }
    for (const LineMarker& mk : by_line) before += mk.count;
    CHECK(total == before);
    const LineMarker& workers = markers[static_cast<std::size_t>(rows.row_of(sleep))];
    CHECK(workers.count == 3);
    CHECK(workers.look() == Look::Working);  // an I/O wait inside work is work
  }
}

TEST_CASE("Code rows: a goroutine on a line left out is on the next row shown") {
  const scenario::GoProgram p = program_of("hello-pool");
  const GoListing listing = highlight_go(p.source);
  const CodeRows rows = code_rows(listing, false);
  const int report = p.line(Anchor::MainReport);  // stats.report(), last in main
  REQUIRE(report > 0);
  REQUIRE(listing.lines[static_cast<std::size_t>(report - 1)].instrumentation);
  PoolModel m;
  Actor main_g;
  main_g.id = 1;
  main_g.line = static_cast<std::uint16_t>(report);
  main_g.look = Look::Runnable;
  m.producers = {main_g};
  const std::vector<LineMarker> markers = row_markers(rows, line_markers(m, listing.lines.size()));
  const int row = rows.row_of(report);
  REQUIRE(row > 0);
  CHECK(markers[static_cast<std::size_t>(row)].count == 1);
  CHECK(rows.rows[static_cast<std::size_t>(row - 1)].line == report + 1);  // main's "}"
  CHECK(listing.lines[static_cast<std::size_t>(report)].text == "}");
}
