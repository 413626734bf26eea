#include "core/pool/metrics.hpp"

#include <algorithm>

namespace poolscope::pool {

using trace::Event;
using trace::EventKind;
using trace::GoState;
using trace::Time;

Metrics::Metrics(MetricsOptions options) : options_(std::move(options)) { slot_epoch_.fill(-1); }

void Metrics::watch_jobs(trace::ChannelId c) {
  jobs_ = c;
  now_.queue_depth = 0;
}

void Metrics::watch_results(trace::ChannelId c) {
  results_ = c;
  now_.results_depth = 0;
}

void Metrics::set_workers(int workers) { now_.workers = workers; }

Metrics::GoroutineRec& Metrics::rec(trace::GoroutineId g) { return goroutines_[g]; }

void Metrics::advance(Time t) {
  if (t <= last_time_) return;
  const auto dt = static_cast<double>(t - last_time_);
  in_work_area_ += dt * now_.in_work;
  capacity_area_ += dt * now_.workers;
  in_system_area_ += dt * static_cast<double>(in_system_.size());
  last_time_ = t;
}

void Metrics::update_goroutine(trace::GoroutineId g, GoState state, std::uint16_t line,
                               std::uint32_t object, Time t) {
  GoroutineRec& r = rec(g);
  r.state = state;
  if (line != 0) r.line = line;
  update_in_work(r);
  const bool sending = state == GoState::BlockedSend && jobs_ != 0 && object == jobs_;
  if (sending != r.blocked_sending) {
    r.blocked_sending = sending;
    if (sending) {
      r.blocked_since = t;
      blocked_.push_back(g);
    } else {
      sender_wait_.add(t - r.blocked_since);
      blocked_.erase(std::find(blocked_.begin(), blocked_.end(), g));
    }
    now_.blocked_senders = static_cast<int>(blocked_.size());
  }
}

void Metrics::update_in_work(GoroutineRec& r) {
  const bool in_work = r.live && r.state != GoState::Exited &&
                       std::find(options_.work_lines.begin(), options_.work_lines.end(),
                                 static_cast<int>(r.line)) != options_.work_lines.end();
  if (in_work != r.in_work) {
    r.in_work = in_work;
    now_.in_work += in_work ? 1 : -1;
  }
}

// Every event that names a goroutine carries its current line (a Spawn event: the
// parent's, on the `go` line), whatever its kind.
void Metrics::note_line(trace::GoroutineId g, std::uint16_t line) {
  if (g == 0 || line == 0) return;
  GoroutineRec* r = goroutines_.find(g);  // none: it exited (e.g. main's MainExit)
  if (r == nullptr || r->line == line) return;
  r->line = line;
  update_in_work(*r);
}

void Metrics::on_job(const Event& e) {
  const auto phase = static_cast<trace::JobPhase>(e.detail);
  switch (phase) {
    case trace::JobPhase::Created:
      ++now_.jobs_created;
      if (first_created_ < 0) first_created_ = e.time;
      in_system_[e.value] = JobTimes{e.time, -1};
      break;
    case trace::JobPhase::Started: {
      ++now_.jobs_started;
      if (auto it = in_system_.find(e.value); it != in_system_.end()) {
        it->second.started = e.time;
        queue_wait_.add(e.time - it->second.created);
      }
      GoroutineRec& r = rec(e.goroutine);
      r.job = e.value;
      if (!r.holding) {
        r.holding = true;
        ++now_.holding;
      }
      break;
    }
    case trace::JobPhase::Done: {
      ++now_.jobs_done;
      if (auto it = in_system_.find(e.value); it != in_system_.end()) {
        if (it->second.started >= 0) service_.add(e.time - it->second.started);
        total_.add(e.time - it->second.created);
        in_system_.erase(it);
      }
      GoroutineRec& r = rec(e.goroutine);
      r.job = trace::kNoJob;
      if (r.holding) {
        r.holding = false;
        --now_.holding;
      }
      const Time slot_width = std::max<Time>(options_.window / kWindowSlots, 1);
      const std::int64_t epoch = e.time / slot_width;
      auto& slot = done_slots_[static_cast<std::size_t>(epoch % kWindowSlots)];
      auto& slot_epoch = slot_epoch_[static_cast<std::size_t>(epoch % kWindowSlots)];
      if (slot_epoch != epoch) {
        slot_epoch = epoch;
        slot = 0;
      }
      ++slot;
      break;
    }
    case trace::JobPhase::Collected:
      break;
  }
}

void Metrics::on_event(const Event& e) {
  advance(e.time);
  switch (e.kind) {
    case EventKind::Spawn: {
      GoroutineRec& r = rec(e.goroutine);
      r = GoroutineRec{};
      r.live = true;
      ++now_.goroutines;
      note_line(e.object, e.line);
      break;
    }
    case EventKind::State: {
      const auto state = trace::state_of(e);
      GoroutineRec& r = rec(e.goroutine);
      if (state == GoState::Exited && r.live) {
        update_goroutine(e.goroutine, state, e.line, e.object, e.time);
        if (r.holding) {
          r.holding = false;
          --now_.holding;
          in_system_.erase(r.job);  // left unfinished
          r.job = trace::kNoJob;
        }
        r.live = false;
        --now_.goroutines;
        goroutines_.erase(e.goroutine);  // no event names it again: memory follows the living
      } else {
        update_goroutine(e.goroutine, state, e.line, e.object, e.time);
      }
      break;
    }
    case EventKind::Line:
      note_line(e.goroutine, e.line);
      break;
    case EventKind::Send:
    case EventKind::Recv:
      note_line(e.goroutine, e.line);
      if (e.object == jobs_) now_.queue_depth = static_cast<int>(e.aux);
      if (e.object == results_) {
        now_.results_depth = static_cast<int>(e.aux);
        // A receive, or a send handed straight to a waiting receiver (no Recv event).
        const bool received =
            e.kind == EventKind::Recv
                ? static_cast<trace::RecvMode>(e.detail) != trace::RecvMode::Closed
                : static_cast<trace::SendMode>(e.detail) == trace::SendMode::Handoff;
        if (received) ++now_.results;
      }
      break;
    case EventKind::Job:
      note_line(e.goroutine, e.line);
      on_job(e);
      break;
    case EventKind::Config:  // the program tells set_workers
      break;
    default:
      note_line(e.goroutine, e.line);
      break;
  }
  now_.memory_bytes = now_.goroutines * kGoroutineStackBytes +
                      static_cast<std::int64_t>(now_.holding) * options_.payload_bytes;
  note_peaks();
}

void Metrics::note_peaks() {
  now_.max_in_work = std::max(now_.max_in_work, now_.in_work);
  now_.max_queue_depth = std::max(now_.max_queue_depth, now_.queue_depth);
  now_.max_blocked_senders = std::max(now_.max_blocked_senders, now_.blocked_senders);
  now_.peak_goroutines = std::max(now_.peak_goroutines, now_.goroutines);
  now_.peak_memory_bytes = std::max(now_.peak_memory_bytes, now_.memory_bytes);
}

Figures Metrics::figures(Time now) const {
  Figures f = now_;
  now = std::max(now, last_time_);
  f.time = now;
  const auto tail = static_cast<double>(now - last_time_);  // since the last event
  const double work_area = in_work_area_ + tail * now_.in_work;
  const double capacity_area = capacity_area_ + tail * now_.workers;
  const double system_area = in_system_area_ + tail * static_cast<double>(in_system_.size());
  const double seconds = first_created_ < 0 ? 0.0 : static_cast<double>(now - first_created_) / 1e9;
  if (seconds > 0) {
    f.throughput_per_s = static_cast<double>(now_.jobs_done) / seconds;
    f.arrival_rate = static_cast<double>(now_.jobs_created) / seconds;
    f.avg_in_system = system_area / (seconds * 1e9);
  }
  if (capacity_area > 0) f.utilisation = work_area / capacity_area;
  f.mean_in_system_s = total_.mean_ns() / 1e9;

  const Time slot_width = std::max<Time>(options_.window / kWindowSlots, 1);
  const std::int64_t epoch = now / slot_width;
  std::uint64_t recent = 0;
  for (std::size_t i = 0; i < kWindowSlots; ++i) {
    if (slot_epoch_[i] > epoch - kWindowSlots && slot_epoch_[i] <= epoch) recent += done_slots_[i];
  }
  f.recent_throughput_per_s =
      static_cast<double>(recent) / (static_cast<double>(slot_width * kWindowSlots) / 1e9);

  for (const trace::GoroutineId g : blocked_) {
    const GoroutineRec* r = goroutines_.find(g);
    const Time waited = r != nullptr ? now - r->blocked_since : 0;
    f.longest_sender_wait_now = std::max(f.longest_sender_wait_now, waited);
  }
  return f;
}

}  // namespace poolscope::pool
