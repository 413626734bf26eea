#include "app/gui/damage.hpp"

#include <algorithm>
#include <unordered_map>

namespace poolscope::gui {

ScreenRect unite(const ScreenRect& a, const ScreenRect& b) {
  if (a.empty()) return b;
  if (b.empty()) return a;
  return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

ScreenRect intersect(const ScreenRect& a, const ScreenRect& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

std::vector<ScreenRect> DamageTracker::update(std::vector<ListSignature> lists, ScreenRect screen,
                                              float full_share) {
  std::vector<ScreenRect> dirty;
  bool same_order = valid_ && lists.size() == last_.size();
  for (std::size_t i = 0; same_order && i < lists.size(); ++i) {
    same_order = lists[i].owner == last_[i].owner;
  }
  if (!same_order) {
    // Appearing and disappearing lists (a tooltip, a popup) keep the order of the rest;
    // anything else is a reordering, repainted whole.
    std::unordered_map<std::string, const ListSignature*> before;
    for (const ListSignature& l : last_) before.emplace(l.owner, &l);
    std::size_t next = 0;  // lists still present must keep their relative order
    bool in_order = valid_;
    for (const ListSignature& l : lists) {
      auto it = before.find(l.owner);
      if (it == before.end()) {
        dirty.push_back(l.bounds);
        continue;
      }
      const auto index = static_cast<std::size_t>(it->second - last_.data());
      in_order = in_order && index >= next;
      next = index + 1;
      if (it->second->hash != l.hash || !(it->second->bounds == l.bounds)) {
        dirty.push_back(unite(it->second->bounds, l.bounds));
      }
      before.erase(it);
    }
    for (const auto& [owner, l] : before) dirty.push_back(l->bounds);
    if (!in_order) dirty = {screen};
  } else {
    for (std::size_t i = 0; i < lists.size(); ++i) {
      if (lists[i].hash != last_[i].hash || !(lists[i].bounds == last_[i].bounds)) {
        dirty.push_back(unite(last_[i].bounds, lists[i].bounds));
      }
    }
  }
  last_ = std::move(lists);
  valid_ = true;

  float area = 0;
  for (ScreenRect& r : dirty) {
    r = intersect(r, screen);
    area += r.area();
  }
  std::erase_if(dirty, [](const ScreenRect& r) { return r.empty(); });
  if (area > full_share * screen.area()) dirty = {screen};
  return dirty;
}

}  // namespace poolscope::gui
