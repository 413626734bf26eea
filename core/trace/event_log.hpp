#pragma once
// EventLog: the bounded memory of a run: the newest events in a ring, plus periodic
// snapshots so any moment still in the ring can be rebuilt.
//
// Contract
// - Memory is fixed at construction: `capacity` events (40 bytes each) plus at most
//   capacity / snapshot_every + 2 snapshots. A run of any length fits.
// - Events must arrive in sequence (it is an EventSink: attach it to the engine).
// - Without snapshots (snapshot_every = 0, the default) on_event is a copy into the
//   ring and nothing else. With snapshots, the log also folds every event into a live
//   Snapshot (see latest()) and stores a copy every `snapshot_every` events.
// - at(seq) is valid for first_seq() <= seq <= last_seq(); older events are gone.
// - snapshot_at(seq) rebuilds the state just after event seq from the nearest stored
//   snapshot; it needs snapshots on and seq within reach (see earliest_snapshot_seq()).
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "core/trace/event.hpp"
#include "core/trace/sink.hpp"
#include "core/trace/snapshot.hpp"

namespace poolscope::trace {

class EventLog final : public EventSink {
 public:
  struct Options {
    std::size_t capacity = 65536;      // events kept; rounded up to a power of two
    std::uint64_t snapshot_every = 0;  // 0: no snapshots; N: store one every N events
  };

  EventLog() : EventLog(Options{}) {}
  explicit EventLog(Options options);

  void on_event(const Event& e) override;

  // Forgets everything. With a base, the log continues from that state (e.g. a
  // Runtime::snapshot() taken when the log is attached to a running engine).
  void reset();
  void reset(const Snapshot& base);

  [[nodiscard]] std::size_t capacity() const noexcept { return ring_.size(); }
  [[nodiscard]] std::size_t size() const noexcept;  // events held now
  [[nodiscard]] bool empty() const noexcept { return size() == 0; }
  [[nodiscard]] std::uint64_t first_seq() const noexcept;  // oldest held (0: empty)
  [[nodiscard]] std::uint64_t last_seq() const noexcept { return last_seq_; }
  [[nodiscard]] const Event& at(std::uint64_t seq) const;
  [[nodiscard]] const Event& back() const { return at(last_seq_); }

  // Appends the events after `after_seq` (those still held) to out. A view calls this
  // each frame with the last seq it saw.
  void copy_since(std::uint64_t after_seq, std::vector<Event>& out) const;

  [[nodiscard]] bool snapshots_enabled() const noexcept { return snapshot_every_ != 0; }
  // The state after the newest event (snapshots on).
  [[nodiscard]] const Snapshot& latest() const noexcept { return live_; }
  // The oldest seq snapshot_at can rebuild.
  [[nodiscard]] std::uint64_t earliest_snapshot_seq() const noexcept;
  [[nodiscard]] std::optional<Snapshot> snapshot_at(std::uint64_t seq) const;

 private:
  std::vector<Event> ring_;
  std::uint64_t mask_ = 0;
  std::uint64_t base_seq_ = 0;  // events before this were never held
  std::uint64_t last_seq_ = 0;
  std::uint64_t snapshot_every_ = 0;
  Snapshot live_;
  std::deque<Snapshot> stored_;  // ascending seq, all rebuildable from the ring
};

}  // namespace poolscope::trace
