#include <doctest/doctest.h>

#include "core/pool/metrics.hpp"

using namespace poolscope;
using trace::Event;
using trace::EventKind;
using trace::GoState;
using trace::kMillisecond;
using trace::kSecond;

namespace {
// Builds events by hand: Metrics must work from events and what the program says of them.
struct Feed {
  pool::Metrics metrics{{.payload_bytes = 1024, .work_lines = {22}}};
  std::uint64_t seq = 0;

  void emit(trace::Time t, EventKind kind, trace::GoroutineId g, std::uint32_t object = 0,
            std::int64_t value = 0, std::uint32_t aux = 0, std::uint8_t detail = 0,
            std::uint16_t line = 0) {
    Event e;
    e.seq = ++seq;
    e.time = t;
    e.kind = kind;
    e.goroutine = g;
    e.object = object;
    e.value = value;
    e.aux = aux;
    e.detail = detail;
    e.line = line;
    metrics.on_event(e);
  }
  void spawn(trace::Time t, trace::GoroutineId g) { emit(t, EventKind::Spawn, g); }
  void state(trace::Time t, trace::GoroutineId g, GoState s, std::uint32_t object = 0,
             std::uint16_t line = 0) {
    emit(t, EventKind::State, g, object, 0, 0, static_cast<std::uint8_t>(s), line);
  }
  void job(trace::Time t, trace::GoroutineId g, trace::JobPhase phase, std::int64_t j) {
    emit(t, EventKind::Job, g, 0, j, 0, static_cast<std::uint8_t>(phase));
  }
};
}  // namespace

TEST_CASE("Metrics: queue depth, blocked senders and their wait come from channel events") {
  Feed f;
  f.spawn(0, 1);
  f.emit(0, EventKind::MakeChan, 1, 1, 2);
  f.metrics.watch_jobs(1);
  f.emit(0, EventKind::Send, 1, 1, 1, 1);  // len 1
  f.emit(0, EventKind::Send, 1, 1, 2, 2);  // len 2: full
  f.state(0, 1, GoState::BlockedSend, 1);
  CHECK(f.metrics.figures(0).blocked_senders == 1);
  CHECK(f.metrics.figures(1500 * kMillisecond).longest_sender_wait_now == 1500 * kMillisecond);
  f.state(2 * kSecond, 1, GoState::Runnable);
  const pool::Figures fig = f.metrics.figures(2 * kSecond);
  CHECK(fig.blocked_senders == 0);
  CHECK(fig.max_blocked_senders == 1);
  CHECK(fig.queue_depth == 2);
  CHECK(fig.max_queue_depth == 2);
  CHECK(f.metrics.sender_wait().count() == 1);
  CHECK(f.metrics.sender_wait().max() == 2 * kSecond);
}

TEST_CASE("Metrics: a job's latency splits into queue wait and service") {
  Feed f;
  f.spawn(0, 1);
  f.spawn(0, 2);
  f.job(0, 1, trace::JobPhase::Created, 7);
  f.job(1 * kSecond, 2, trace::JobPhase::Started, 7);
  f.state(1 * kSecond, 2, GoState::IoWait, 0, 22);  // inside the work
  CHECK(f.metrics.figures(1 * kSecond).in_work == 1);
  CHECK(f.metrics.figures(1 * kSecond).memory_bytes == 2 * 2048 + 1024);
  f.state(3 * kSecond, 2, GoState::Running, 0, 23);
  f.job(3 * kSecond, 2, trace::JobPhase::Done, 7);
  const pool::Figures fig = f.metrics.figures(3 * kSecond);
  CHECK(fig.in_work == 0);
  CHECK(fig.max_in_work == 1);
  CHECK(fig.jobs_done == 1);
  CHECK(f.metrics.queue_wait().max() == 1 * kSecond);
  CHECK(f.metrics.service().max() == 2 * kSecond);
  CHECK(f.metrics.total().max() == 3 * kSecond);
  // Little's law over [0, 3 s]: one job in the system the whole time.
  CHECK(fig.avg_in_system == doctest::Approx(1.0));
  CHECK(fig.mean_in_system_s == doctest::Approx(3.0).epsilon(1.0 / 16));
}

TEST_CASE("Metrics: utilisation divides time in work by the workers setting") {
  Feed f;
  f.metrics.set_workers(2);
  f.spawn(0, 1);
  f.job(0, 1, trace::JobPhase::Created, 1);
  f.state(0, 1, GoState::IoWait, 0, 22);
  f.state(1 * kSecond, 1, GoState::Running, 0, 23);
  const pool::Figures fig = f.metrics.figures(2 * kSecond);
  CHECK(fig.workers == 2);
  CHECK(fig.utilisation == doctest::Approx(0.25));  // 1 s of work / (2 workers * 2 s)
}

TEST_CASE("Metrics: goroutine count follows spawns and exits") {
  Feed f;
  for (trace::GoroutineId g = 1; g <= 5; ++g) f.spawn(0, g);
  f.state(1, 3, GoState::Exited);
  f.state(1, 4, GoState::Exited);
  const pool::Figures fig = f.metrics.figures(1);
  CHECK(fig.goroutines == 3);
  CHECK(fig.peak_goroutines == 5);
}

TEST_CASE("Metrics: the jobs queue is the newest channel the program says it is") {
  Feed f;
  f.spawn(0, 1);
  f.emit(0, EventKind::MakeChan, 1, 1, 4);  // not watched: its length is no queue depth
  f.emit(0, EventKind::Send, 1, 1, 1, 1);
  CHECK(f.metrics.figures(0).queue_depth == 0);
  f.metrics.watch_jobs(1);
  f.emit(0, EventKind::Send, 1, 1, 2, 2);
  CHECK(f.metrics.figures(0).queue_depth == 2);
  f.emit(1, EventKind::MakeChan, 1, 2, 4);  // the next request's jobs
  f.metrics.watch_jobs(2);
  CHECK(f.metrics.figures(1).queue_depth == 0);
  f.emit(1, EventKind::Send, 1, 1, 3, 3);  // the old channel no longer counts
  CHECK(f.metrics.figures(1).queue_depth == 0);
  CHECK(f.metrics.figures(1).max_queue_depth == 2);
}
