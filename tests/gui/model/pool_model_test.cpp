// The pool model: roles as the program declared them, and who stands at the collector.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/gui/model/pool_model.hpp"
#include "app/gui/model/session.hpp"
#include "core/pool/program_lines.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"

using namespace poolscope;
using namespace poolscope::gui;

namespace {

scenario::Scenario preset(const std::string& id, const std::vector<std::string>& sets = {}) {
  scenario::Scenario s = scenario::find_preset(id).value();
  REQUIRE(scenario::apply_overrides(s, sets).ok());
  return s;
}

// The model of `run` at virtual time `seconds`.
PoolModel model_at(pool::PoolRun& run, double seconds) {
  const auto t = static_cast<trace::Time>(seconds * 1e9);
  run.run_until(t);
  const std::vector<int> work = pool::ProgramLines(run.program()).work_lines;
  return build_pool_model(run.runtime().snapshot(), run, t, work);
}

}  // namespace

TEST_CASE("PoolModel: hello-pool's workers work while main waits at the collector") {
  pool::PoolRun run(preset("hello-pool"));
  const PoolModel m = model_at(run, 0.5);
  REQUIRE(m.workers.size() == 3);
  for (const Actor& w : m.workers) {
    CHECK(w.role == Role::Worker);
    CHECK(w.look == Look::Working);
  }
  REQUIRE(!m.producers.empty());
  CHECK(m.producers.front().role == Role::Main);
  CHECK(m.collector == m.producers.front().id);
  CHECK(m.jobs != 0);
  CHECK(m.results != 0);
  CHECK(m.db == 0);
  CHECK(m.limit == 0);
}

TEST_CASE("PoolModel: a main blocked sending jobs stays with the producers") {
  pool::PoolRun run(preset("backpressure"));
  const PoolModel m = model_at(run, 1.5);
  REQUIRE(!m.producers.empty());
  CHECK(m.producers.front().look == Look::BlockedSend);
  CHECK(m.collector == 0);
}

TEST_CASE("PoolModel: a producer goroutine and a closer are sorted by their roles") {
  pool::PoolRun run(preset("backpressure", {"pool.collect=producer_goroutine"}));
  const PoolModel m = model_at(run, 0.5);
  REQUIRE(m.producers.size() == 2);
  CHECK(m.producers[0].role == Role::Main);
  CHECK(m.producers[1].role == Role::Producer);
  CHECK(m.collector == m.producers[0].id);
  REQUIRE(m.others.size() == 1);
  CHECK(m.others[0].role == Role::Closer);
}

TEST_CASE("PoolModel: errgroup jobs are the workers, g.sem is the limit, db the database") {
  pool::PoolRun run(preset("errgroup-limit", {"pool.resource_limit=2"}));
  const PoolModel m = model_at(run, 0.2);
  REQUIRE(!m.workers.empty());
  for (const Actor& w : m.workers) CHECK(w.role == Role::Job);
  CHECK(m.limit != 0);
  CHECK(m.db != 0);
  CHECK(m.db_cap == 2);
  CHECK(m.jobs == 0);
}

TEST_CASE("PoolModel: the second request's channels are the ones shown") {
  pool::PoolRun run(preset("hello-pool", {"load.requests=2"}));
  const PoolModel first = model_at(run, 0.5);
  const PoolModel second = model_at(run, 2.5);
  CHECK(second.jobs > first.jobs);
  CHECK(second.results > first.results);
}

TEST_CASE("PoolModel: look counts and queued jobs are what the results-deadlock picture shows") {
  pool::PoolRun run(preset("results-deadlock"));
  const PoolModel m = model_at(run, 3.0);  // deadlocked at 0.3 s
  REQUIRE(m.outcome == trace::Outcome::Deadlock);
  const LookCounts counts = look_counts(m);
  // main blocked sending job 6, the three workers blocked sending their results.
  CHECK(counts[static_cast<std::size_t>(Look::BlockedSend)] == 4);
  CHECK(counts[static_cast<std::size_t>(Look::Working)] == 0);
  CHECK(jobs_queued(m) == 2);
  int total = 0;
  for (int c : counts) total += c;
  CHECK(total == 4);
}

TEST_CASE("PoolModel: every goroutine of results-deadlock's cycle gets its wait-for arrows") {
  pool::PoolRun run(preset("results-deadlock"));
  run.run_until(3 * trace::kSecond);
  const sim::Report& report = run.runtime().report();
  REQUIRE(report.outcome == trace::Outcome::Deadlock);
  const std::vector<WaitEdge> edges = deadlock_edges(report);
  // main waits for each worker to take a job; each worker waits for main to take its result.
  std::vector<trace::GoroutineId> workers;
  for (const sim::GoroutineReport& g : report.blocked) {
    if (run.roles().role(g.id) == Role::Worker) workers.push_back(g.id);
  }
  REQUIRE(workers.size() == 3);
  CHECK(edges.size() == 6);
  for (trace::GoroutineId w : workers) {
    CHECK(std::find(edges.begin(), edges.end(), WaitEdge{1, w}) != edges.end());
    CHECK(std::find(edges.begin(), edges.end(), WaitEdge{w, 1}) != edges.end());
  }
  // Not a deadlock: no arrows.
  pool::PoolRun fine(preset("hello-pool"));
  fine.run_until(10 * trace::kSecond);
  CHECK(deadlock_edges(fine.runtime().report()).empty());
}

TEST_CASE("PoolModel: a blocked goroutine's wait counts the virtual time, live and scrubbed") {
  Session session(preset("results-deadlock"));
  session.advance_to_seconds(0.2);
  // main blocked sending job 6 at some moment before 0.2 s and still waits.
  const auto main_of = [&session]() -> const Actor& {
    for (const Actor& a : session.model().producers) {
      if (a.role == Role::Main) return a;
    }
    FAIL("no main");
    return session.model().producers.front();
  };
  REQUIRE(main_of().look == Look::BlockedSend);
  const trace::Time since = main_of().since;
  REQUIRE(since < 200 * trace::kMillisecond);
  CHECK(wait_so_far(main_of(), session.view_time()) == 200 * trace::kMillisecond - since);
  // At the deadlock (0.3 s) it has waited 100 ms more; the workers block just then.
  session.advance_to_seconds(3);
  REQUIRE(session.model().outcome == trace::Outcome::Deadlock);
  CHECK(wait_so_far(main_of(), session.view_time()) == 300 * trace::kMillisecond - since);
  // Scrubbed back to 0.25 s: the timer shows that moment's wait, not the end's.
  session.view_at(250 * trace::kMillisecond);
  CHECK(wait_so_far(main_of(), session.view_time()) == 250 * trace::kMillisecond - since);
  for (const Actor& w : session.model().workers) {
    CHECK(w.look == Look::Working);
    CHECK_FALSE(wait_so_far(w, session.view_time()).has_value());  // working: no timer
  }
}
