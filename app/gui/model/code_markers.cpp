#include "app/gui/model/code_markers.hpp"

#include <algorithm>

namespace poolscope::gui {

Look LineMarker::look() const {
  const auto most = std::max_element(by_look.begin(), by_look.end());
  return static_cast<Look>(most - by_look.begin());
}

std::vector<LineMarker> line_markers(const PoolModel& m, std::size_t lines) {
  std::vector<LineMarker> markers(lines + 1);
  for (const std::vector<Actor>* group : {&m.producers, &m.workers, &m.others}) {
    for (const Actor& a : *group) {
      if (a.look == Look::Exited || a.line == 0 || a.line > lines) continue;
      LineMarker& mk = markers[a.line];
      ++mk.count;
      ++mk.by_look[static_cast<std::size_t>(a.look)];
      if (mk.actors.size() < kMarkerListed) mk.actors.push_back(&a);
    }
  }
  for (LineMarker& mk : markers) {
    std::sort(mk.actors.begin(), mk.actors.end(),
              [](const Actor* a, const Actor* b) { return a->id < b->id; });
  }
  return markers;
}

std::vector<int> goroutines_per_line(const std::vector<LineMarker>& markers) {
  std::vector<int> counts(markers.size());
  for (std::size_t l = 0; l < markers.size(); ++l) counts[l] = markers[l].count;
  return counts;
}

trace::GoroutineId next_on_line(const LineMarker& mk, trace::GoroutineId selected) {
  for (std::size_t i = 0; i < mk.actors.size(); ++i) {
    if (mk.actors[i]->id == selected) return mk.actors[(i + 1) % mk.actors.size()]->id;
  }
  return mk.actors.empty() ? 0 : mk.actors.front()->id;
}

SelectedPlace selected_place(const PoolModel& m, trace::GoroutineId selected, std::size_t lines) {
  SelectedPlace place;
  for (const std::vector<Actor>* group : {&m.producers, &m.workers, &m.others}) {
    for (const Actor& a : *group) {
      if (a.id != selected || a.look == Look::Exited) continue;
      if (a.line > 0 && a.line <= lines) place.line = a.line;
      place.look = a.look;
    }
  }
  return place;
}

}  // namespace poolscope::gui
