#pragma once
// EventSink: how a consumer sees every event as it happens.
//
// Contract
// - The engine calls on_event once per event, in sequence order, on its own thread,
//   synchronously, before the operation that caused it returns. The reference is
//   valid only during the call: copy what you keep.
// - A sink must not call back into the engine (no operations, no spawns).
// - The engine stores no events itself: attach an EventLog (bounded ring), a HashSink,
//   a writer, or several through a FanoutSink. No sink attached means events are off
//   and cost nothing.
#include <cstdint>
#include <span>
#include <vector>

#include "core/trace/event.hpp"

namespace poolscope::trace {

class EventSink {
 public:
  virtual ~EventSink() = default;
  virtual void on_event(const Event& e) = 0;
};

// Forwards each event to several sinks, in the order they were added. Does not own them.
class FanoutSink final : public EventSink {
 public:
  void add(EventSink& sink) { sinks_.push_back(&sink); }
  void on_event(const Event& e) override {
    for (EventSink* s : sinks_) s->on_event(e);
  }

 private:
  std::vector<EventSink*> sinks_;
};

// FNV-1a (64-bit) over every field of every event, in order: two runs that emit the
// same events, field for field, have the same hash. Padding bytes are never hashed.
class HashSink final : public EventSink {
 public:
  void on_event(const Event& e) override;
  [[nodiscard]] std::uint64_t hash() const noexcept { return hash_; }
  [[nodiscard]] std::uint64_t count() const noexcept { return count_; }

 private:
  void mix(std::uint64_t v, int bytes) noexcept;
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
  std::uint64_t count_ = 0;
};

// Keeps every event in memory. For tests and short tools only: it grows without bound;
// long runs use EventLog.
class VectorSink final : public EventSink {
 public:
  void on_event(const Event& e) override { events.push_back(e); }
  std::vector<Event> events;
};

}  // namespace poolscope::trace
