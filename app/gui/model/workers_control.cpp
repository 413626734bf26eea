#include "app/gui/model/workers_control.hpp"

#include <fmt/core.h>

#include "core/pool/roles.hpp"
#include "core/scenario/scenario_json.hpp"

namespace poolscope::gui {

namespace {

// The pool's workers join a WaitGroup (pool.collect wait_then_range, closer_goroutine,
// producer_goroutine), as PoolRun::set_workers says.
bool uses_wait_group(const scenario::Scenario& s) {
  const scenario::Collect c = s.pool.collect;
  return c == scenario::Collect::WaitThenRange || c == scenario::Collect::CloserGoroutine ||
         c == scenario::Collect::ProducerGoroutine;
}

// Whether the newest jobs channel (the running request's) is closed now.
bool jobs_closed(const Session& session) {
  const trace::Snapshot& present = session.log().latest();
  for (auto it = present.channels.rbegin(); it != present.channels.rend(); ++it) {
    if (session.run().roles().use(it->id) == pool::ChannelUse::Jobs) return it->closed;
  }
  return false;
}

// Whether a worker goroutine has returned (in a run of several requests, any request's).
bool worker_left(const Session& session) {
  const trace::Snapshot& present = session.log().latest();
  for (const trace::GoroutineView& g : present.goroutines) {
    if (g.state == trace::GoState::Exited &&
        session.run().roles().role(g.id) == pool::Role::Worker) {
      return true;
    }
  }
  return false;
}

// "1 worker", "4 workers".
std::string count(int workers) {
  return fmt::format("{} worker{}", workers, workers == 1 ? "" : "s");
}

}  // namespace

int workers_in_force(const Session& session) {
  const int announced = session.figures().workers;
  return announced > 0 ? announced : session.scenario().pool.workers;
}

std::string why_not_live(const Session& session, int workers) {
  const int current = workers_in_force(session);
  if (workers == current) return "";
  if (session.scenario().pool.mode != scenario::Mode::Pool) {
    return "only pool mode changes workers live";
  }
  if (session.finished()) return "the run had ended";
  if (workers < current) return "a running pool only grows";
  // PoolRun only records such a grow for a next request: a new worker could join the
  // WaitGroup after Wait returned.
  if (uses_wait_group(session.scenario()) && jobs_closed(session)) {
    return "jobs is closed, too late to join the WaitGroup";
  }
  // New workers would replace those that left (PoolRun counts the running ones), so the
  // picture would show more cards than the count.
  if (worker_left(session)) return "its workers are already leaving";
  return "";
}

int WorkersControl::shown(const Session& session) const {
  return pending_ ? *pending_ : workers_in_force(session);
}

void WorkersControl::moved(Session& session, int workers, bool held) {
  if (session.scrubbing()) session.resume_from_view();  // the change starts at that moment
  std::string why = why_not_live(session, workers);
  if (why.empty()) {
    pending_.reset();
    if (workers != workers_in_force(session) && session.set_workers(workers)) status_.clear();
    return;
  }
  if (held) {
    pending_ = workers;
    pending_why_ = std::move(why);
    return;
  }
  restart(session, workers, why);
}

void WorkersControl::released(Session& session) {
  if (!pending_) return;
  const int workers = *pending_;
  const std::string why = pending_why_;
  pending_.reset();
  restart(session, workers, why);
}

void WorkersControl::restart(Session& session, int workers, const std::string& why) {
  pending_.reset();
  scenario::Scenario next = session.scenario();
  const std::vector<std::string> set{fmt::format("pool.workers={}", workers)};
  if (auto applied = scenario::apply_overrides(next, set); !applied) {
    status_ = applied.message();
    status_id_ = session.scenario().id;
    status_workers_ = workers_in_force(session);
    status_time_ = session.now();
    return;
  }
  session.restart_with(std::move(next), fmt::format("restart, workers {}", workers));
  // No time in the text: it is the moment on screen, and ImGui may wrap "0.750" at its dot.
  status_ = fmt::format("Restarted with {} and ran back to this moment: {}.", count(workers), why);
  status_id_ = session.scenario().id;
  status_workers_ = workers;
  status_time_ = session.now();
}

std::string WorkersControl::status(const Session& session) const {
  if (pending_) {
    return fmt::format("Let go to restart with {} at this moment: {}.", count(*pending_),
                       pending_why_);
  }
  const bool same_run = session.scenario().id == status_id_ &&
                        workers_in_force(session) == status_workers_ &&
                        session.now() >= status_time_;
  return same_run ? status_ : std::string();
}

}  // namespace poolscope::gui
