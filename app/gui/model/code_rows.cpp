#include "app/gui/model/code_rows.hpp"

#include <algorithm>
#include <cstddef>

namespace poolscope::gui {

int CodeRows::row_of(int line) const noexcept {
  if (line <= 0 || static_cast<std::size_t>(line) >= row_of_line.size()) return 0;
  return row_of_line[static_cast<std::size_t>(line)];
}

CodeRows code_rows(const GoListing& listing, bool show_measurements) {
  CodeRows out;
  const int lines = static_cast<int>(listing.lines.size());
  out.row_of_line.assign(static_cast<std::size_t>(lines) + 1, 0);
  const auto measures = [&listing](int line) {
    return listing.lines[static_cast<std::size_t>(line - 1)].instrumentation;
  };
  std::vector<int> pending;  // lines left out, waiting for the next row shown
  for (int line = 1; line <= lines;) {
    if (show_measurements || !measures(line)) {
      out.rows.push_back({line, 0, !pending.empty()});
      const int row = static_cast<int>(out.rows.size());
      for (const int l : pending) out.row_of_line[static_cast<std::size_t>(l)] = row;
      pending.clear();
      out.row_of_line[static_cast<std::size_t>(line)] = row;
      ++line;
      continue;
    }
    int end = line;
    while (end <= lines && measures(end)) ++end;
    if (end - line >= kFoldAtLeast) {
      out.rows.push_back({line, end - line, !pending.empty()});
      const int row = static_cast<int>(out.rows.size());
      for (const int l : pending) out.row_of_line[static_cast<std::size_t>(l)] = row;
      pending.clear();
      for (int l = line; l < end; ++l) out.row_of_line[static_cast<std::size_t>(l)] = row;
    } else {
      for (int l = line; l < end; ++l) pending.push_back(l);
    }
    out.left_out += end - line;
    line = end;
  }
  // Lines left out at the very end: the last row shows their goroutines.
  const int last = static_cast<int>(out.rows.size());
  for (const int l : pending) out.row_of_line[static_cast<std::size_t>(l)] = last;
  return out;
}

std::vector<LineMarker> row_markers(const CodeRows& rows, std::span<const LineMarker> by_line) {
  std::vector<LineMarker> out(rows.rows.size() + 1);
  for (std::size_t line = 1; line < by_line.size(); ++line) {
    const LineMarker& mk = by_line[line];
    const int row = rows.row_of(static_cast<int>(line));
    if (mk.count == 0 || row == 0) continue;
    LineMarker& to = out[static_cast<std::size_t>(row)];
    to.count += mk.count;
    for (std::size_t l = 0; l < to.by_look.size(); ++l) to.by_look[l] += mk.by_look[l];
    to.actors.insert(to.actors.end(), mk.actors.begin(), mk.actors.end());
  }
  for (LineMarker& mk : out) {
    std::sort(mk.actors.begin(), mk.actors.end(),
              [](const Actor* a, const Actor* b) { return a->id < b->id; });
    if (mk.actors.size() > kMarkerListed) mk.actors.resize(kMarkerListed);
  }
  return out;
}

}  // namespace poolscope::gui
