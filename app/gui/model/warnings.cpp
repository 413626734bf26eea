#include "app/gui/model/warnings.hpp"

#include <fmt/core.h>
#include <algorithm>
#include <cstdint>

#include "app/gui/model/number_format.hpp"

namespace poolscope::gui {

namespace {
int count_look(const std::vector<Actor>& actors, Look look) {
  return static_cast<int>(
      std::count_if(actors.begin(), actors.end(), [&](const Actor& a) { return a.look == look; }));
}
}  // namespace

std::vector<Warning> teaching_warnings(const pool::Figures& f, const PoolModel& m) {
  std::vector<Warning> out;
  const int workers = static_cast<int>(m.workers.size());
  const int idle = count_look(m.workers, Look::Idle);
  const int busy = workers - idle - count_look(m.workers, Look::Exited);

  if (m.outcome == trace::Outcome::Deadlock) {
    out.push_back({WarningKind::Deadlock,
                   "Deadlock: every goroutine waits for another one, so none can move. Follow "
                   "the red arrows: who waits for whom."});
  }
  if (f.blocked_senders > 0 && m.jobs != 0) {
    out.push_back(
        {WarningKind::Backpressure,
         fmt::format("Backpressure: the sender has waited {} because jobs is full "
                     "({}) and {} busy. Nothing is lost: it just waits its turn.",
                     format_quantity(static_cast<double>(f.longest_sender_wait_now) / 1e9, "s"),
                     plural(static_cast<std::int64_t>(m.jobs_cap), "slot", "slots"),
                     busy == workers
                         ? fmt::format("all {} are", plural(workers, "worker", "workers"))
                         : plural(busy, "worker is", "workers are"))});
  }
  const int sending_results = count_look(m.workers, Look::BlockedSend);
  if (sending_results > 0 && m.results != 0 && f.results_depth >= m.results_cap &&
      m.outcome == trace::Outcome::Running) {
    out.push_back({WarningKind::ResultsFull,
                   fmt::format("results is full and nobody is reading: {} blocked on "
                               "`results <-`, so they take no new jobs.",
                               plural(sending_results, "worker is", "workers are"))});
  }
  const int waiting_db = count_look(m.workers, Look::WaitingResource);
  if (waiting_db > 0 && m.db != 0) {
    out.push_back(
        {WarningKind::Bottleneck,
         fmt::format("Bottleneck: {} wait for a database connection; only {} can "
                     "work at once. More workers would only wait longer.",
                     plural(waiting_db, "worker", "workers"), group_thousands(m.db_cap))});
  }
  if (workers > 0 && idle == workers && f.queue_depth == 0 && f.blocked_senders == 0 &&
      !m.main_exited && m.outcome == trace::Outcome::Running && f.jobs_created > 0) {
    out.push_back({WarningKind::ProducerBound,
                   "Producer-bound: every worker is idle and the queue is empty. The pool "
                   "waits for work; more workers would not help."});
  }
  const int leaked = count_look(m.workers, Look::Leaked) + count_look(m.producers, Look::Leaked) +
                     count_look(m.others, Look::Leaked);
  if (leaked > 0) {
    out.push_back({WarningKind::Leaked,
                   fmt::format("{} leaked: main returned, they wait forever and nothing will "
                               "wake them.",
                               plural(leaked, "goroutine", "goroutines"))});
  }
  return out;
}

}  // namespace poolscope::gui
