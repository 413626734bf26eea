#include "core/pool/roles.hpp"

#include <algorithm>
#include <iterator>

namespace poolscope::pool {

void Roles::set_role(trace::GoroutineId g, Role role) {
  if (g == 0) return;
  if (g > last_) {
    // The usual case: the newest goroutine. Undeclared ids in between are Other.
    if (g > last_ + 1 && (runs_.empty() || runs_.back().role != Role::Other)) {
      runs_.push_back({last_ + 1, Role::Other});
    }
    if (runs_.empty() || runs_.back().role != role) runs_.push_back({g, role});
    last_ = g;
    return;
  }
  if (this->role(g) == role) return;
  // Declared again with another role: split its run into before, g, after.
  auto it =
      std::prev(std::upper_bound(runs_.begin(), runs_.end(), g,
                                 [](trace::GoroutineId id, const Run& r) { return id < r.first; }));
  const Role old = it->role;
  const trace::GoroutineId next = std::next(it) != runs_.end() ? std::next(it)->first : last_ + 1;
  std::vector<Run> parts;
  if (it->first < g) parts.push_back({it->first, old});
  parts.push_back({g, role});
  if (g + 1 < next) parts.push_back({g + 1, old});
  it = runs_.erase(it);
  runs_.insert(it, parts.begin(), parts.end());
}

void Roles::set_use(trace::ChannelId c, ChannelUse use) {
  if (c == 0) return;
  if (c > channels_.size()) channels_.resize(c, ChannelUse::Other);
  channels_[c - 1] = use;
}

Role Roles::role(trace::GoroutineId g) const noexcept {
  if (g == 0 || g > last_) return Role::Other;
  const auto it =
      std::upper_bound(runs_.begin(), runs_.end(), g,
                       [](trace::GoroutineId id, const Run& r) { return id < r.first; });
  return std::prev(it)->role;
}

ChannelUse Roles::use(trace::ChannelId c) const noexcept {
  return c != 0 && c <= channels_.size() ? channels_[c - 1] : ChannelUse::Other;
}

}  // namespace poolscope::pool
