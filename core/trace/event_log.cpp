#include "core/trace/event_log.hpp"

#include <algorithm>
#include <bit>

#include "core/trace/check.hpp"

namespace poolscope::trace {

EventLog::EventLog(Options options)
    : ring_(std::bit_ceil(std::max<std::size_t>(options.capacity, 2))),
      mask_(ring_.size() - 1),
      snapshot_every_(options.snapshot_every) {
  // A stored snapshot must stay rebuildable for a while after it is taken.
  POOLSCOPE_CHECK((snapshot_every_ == 0 || snapshot_every_ < ring_.size()),
                  "snapshot_every must be smaller than the capacity");
  reset();
}

void EventLog::reset() { reset(Snapshot{}); }

void EventLog::reset(const Snapshot& base) {
  base_seq_ = base.seq;
  last_seq_ = base.seq;
  live_ = base;
  stored_.clear();
  if (snapshots_enabled()) stored_.push_back(base);
}

std::size_t EventLog::size() const noexcept {
  return static_cast<std::size_t>(std::min<std::uint64_t>(last_seq_ - base_seq_, ring_.size()));
}

std::uint64_t EventLog::first_seq() const noexcept {
  return size() == 0 ? 0 : last_seq_ - size() + 1;
}

const Event& EventLog::at(std::uint64_t seq) const {
  POOLSCOPE_CHECK(size() != 0 && seq >= first_seq() && seq <= last_seq_, "event no longer held");
  return ring_[seq & mask_];
}

void EventLog::on_event(const Event& e) {
  POOLSCOPE_CHECK(e.seq == last_seq_ + 1, "events must arrive in sequence");
  ring_[e.seq & mask_] = e;
  last_seq_ = e.seq;
  if (!snapshots_enabled()) return;
  fold(live_, e);
  if (e.seq % snapshot_every_ == 0) {
    stored_.push_back(live_);
    // Keep only snapshots from which the ring still holds every later event.
    const std::uint64_t oldest_usable = first_seq() - 1;
    while (stored_.front().seq < oldest_usable) stored_.pop_front();
  }
}

void EventLog::copy_since(std::uint64_t after_seq, std::vector<Event>& out) const {
  if (size() == 0) return;
  for (std::uint64_t s = std::max(after_seq + 1, first_seq()); s <= last_seq_; ++s) {
    out.push_back(ring_[s & mask_]);
  }
}

std::uint64_t EventLog::earliest_snapshot_seq() const noexcept {
  if (!snapshots_enabled()) return last_seq_ + 1;
  // Between two stored snapshots the ring may already have dropped events after the
  // oldest one; it is then no longer a starting point.
  for (const Snapshot& s : stored_) {
    if (s.seq + 1 >= first_seq()) return s.seq;
  }
  return live_.seq;
}

std::optional<Snapshot> EventLog::snapshot_at(std::uint64_t seq) const {
  if (!snapshots_enabled() || seq > last_seq_) return std::nullopt;
  if (seq == live_.seq) return live_;
  if (seq < earliest_snapshot_seq()) return std::nullopt;
  // The newest stored snapshot at or before seq, then the events after it.
  auto it = std::upper_bound(stored_.begin(), stored_.end(), seq,
                             [](std::uint64_t s, const Snapshot& snap) { return s < snap.seq; });
  POOLSCOPE_CHECK(it != stored_.begin(), "no snapshot at or before seq");
  Snapshot s = *std::prev(it);
  POOLSCOPE_CHECK(s.seq + 1 >= first_seq(), "snapshot older than the ring");
  for (std::uint64_t k = s.seq + 1; k <= seq; ++k) fold(s, ring_[k & mask_]);
  return s;
}

}  // namespace poolscope::trace
