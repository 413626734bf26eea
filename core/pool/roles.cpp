#include "core/pool/roles.hpp"

namespace poolscope::pool {

void Roles::set_role(trace::GoroutineId g, Role role) {
  if (g == 0) return;
  if (g > goroutines_.size()) goroutines_.resize(g, Role::Other);
  goroutines_[g - 1] = role;
}

void Roles::set_use(trace::ChannelId c, ChannelUse use) {
  if (c == 0) return;
  if (c > channels_.size()) channels_.resize(c, ChannelUse::Other);
  channels_[c - 1] = use;
}

Role Roles::role(trace::GoroutineId g) const noexcept {
  return g != 0 && g <= goroutines_.size() ? goroutines_[g - 1] : Role::Other;
}

ChannelUse Roles::use(trace::ChannelId c) const noexcept {
  return c != 0 && c <= channels_.size() ? channels_[c - 1] : ChannelUse::Other;
}

}  // namespace poolscope::pool
