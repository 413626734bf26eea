#include "app/gui/model/pool_model.hpp"

#include <algorithm>

#include "app/gui/model/goroutine_look.hpp"
#include "core/scenario/go_export.hpp"

namespace poolscope::gui {

using pool::ChannelUse;
using scenario::Anchor;
using trace::GoState;

namespace {

// Main collects while it waits for results (or on a line of its collecting part), and
// once it returned.
bool collecting(const Actor& a, const trace::GoroutineView& g, const PoolModel& m,
                const scenario::GoProgram& program) {
  return a.role == Role::Main &&
         (m.main_exited ||
          (a.look == Look::BlockedRecv && m.results != 0 && g.wait_object == m.results) ||
          a.line == program.line(Anchor::MainRecvResult) ||
          a.line == program.line(Anchor::MainWgWait) ||
          a.line == program.line(Anchor::ErrgroupWait));
}

}  // namespace

PoolModel build_pool_model(const trace::Snapshot& s, const pool::PoolRun& run, trace::Time now,
                           std::span<const int> work_lines) {
  const pool::Roles& roles = run.roles();
  const sim::Report& report = run.runtime().report();
  PoolModel m;
  m.outcome = s.outcome;
  m.main_exited = s.main_exited;
  for (const trace::ChannelView& c : s.channels) {  // the newest of each use wins
    switch (roles.use(c.id)) {
      case ChannelUse::Jobs:
        m.jobs = c.id;
        m.jobs_cap = c.cap;
        break;
      case ChannelUse::Results:
        m.results = c.id;
        m.results_cap = c.cap;
        break;
      case ChannelUse::Db:
        m.db = c.id;
        m.db_cap = c.cap;
        m.db_in_use = static_cast<std::int64_t>(c.buffer.size());
        break;
      case ChannelUse::Limit:
        m.limit = c.id;
        break;
      case ChannelUse::Other:
        break;
    }
  }
  // Leaks are known once the run completed: the report lists them.
  std::vector<trace::GoroutineId> leaked;
  if (s.outcome == trace::Outcome::Completed) {
    for (const auto& b : report.blocked) leaked.push_back(b.id);
  }
  const LookRules rules = look_rules(roles, run.program(), work_lines);
  for (const trace::GoroutineView& g : s.goroutines) {
    Actor a;
    a.id = g.id;
    a.role = roles.role(g.id);
    // Ended job goroutines and producers are not drawn: skipped first, since an endless
    // load leaves ever more of them in the snapshot and this runs every frame.
    if (g.state == GoState::Exited && (a.role == Role::Job || a.role == Role::Producer)) continue;
    a.index = g.index;
    a.line = g.line;
    a.job = g.job;
    a.since = g.since;
    const bool is_leaked = std::find(leaked.begin(), leaked.end(), g.id) != leaked.end();
    a.look = classify({g.state, g.wait_object, g.line, is_leaked}, rules);
    if ((g.state == GoState::Working || g.state == GoState::IoWait) && g.wait_value > g.since) {
      a.progress = std::clamp(
          static_cast<double>(now - g.since) / static_cast<double>(g.wait_value - g.since), 0.0,
          1.0);
    }
    if (g.state == GoState::BlockedSend && g.wait_object == m.results && m.results != 0) {
      a.sending = job_of_result(g.wait_value);
    }
    if (a.role == Role::Worker || a.role == Role::Job) {
      if (g.state == GoState::Exited && a.role == Role::Job) continue;  // not drawn
      m.workers.push_back(a);
    } else if (a.role == Role::Main || a.role == Role::Producer) {
      if (a.role == Role::Producer && g.state == GoState::Exited) continue;
      if (collecting(a, g, m, run.program())) m.collector = a.id;
      m.producers.push_back(a);
    } else {
      m.others.push_back(a);
    }
  }

  // Tokens, in the order a job travels.
  if (m.jobs != 0) {
    const trace::ChannelView& jobs = s.channel(m.jobs);
    for (std::size_t i = 0; i < jobs.sendq.size(); ++i) {
      m.tokens.push_back(
          {jobs.sendq[i].value, Place::SenderHand, static_cast<int>(i), jobs.sendq[i].goroutine});
    }
    for (std::size_t i = 0; i < jobs.buffer.size(); ++i) {
      m.tokens.push_back({jobs.buffer[i], Place::JobsSlot, static_cast<int>(i), 0});
    }
  }
  for (const Actor& a : m.workers) {
    if (a.job != trace::kNoJob) m.tokens.push_back({a.job, Place::Held, 0, a.id});
    if (a.sending != trace::kNoJob && a.sending != a.job) {
      m.tokens.push_back({a.sending, Place::ResultHand, 0, a.id});
    }
  }
  if (m.results != 0) {
    const trace::ChannelView& results = s.channel(m.results);
    for (std::size_t i = 0; i < results.buffer.size(); ++i) {
      m.tokens.push_back(
          {job_of_result(results.buffer[i]), Place::ResultsSlot, static_cast<int>(i), 0});
    }
  }
  return m;
}

std::optional<trace::Time> wait_so_far(const Actor& a, trace::Time now) {
  switch (a.look) {
    case Look::Working:
    case Look::Runnable:
    case Look::Exited:
    case Look::Panicked:
    case Look::Count:
      return std::nullopt;
    case Look::Idle:
    case Look::BlockedSend:
    case Look::BlockedRecv:
    case Look::WaitingResource:
    case Look::WaitingLimit:
    case Look::WaitingCpu:
    case Look::Sleeping:
    case Look::Leaked:
      break;
  }
  return std::max<trace::Time>(now - a.since, 0);
}

LookCounts look_counts(const PoolModel& m) {
  LookCounts counts{};
  for (const std::vector<Actor>* group : {&m.producers, &m.workers, &m.others}) {
    for (const Actor& a : *group) ++counts[static_cast<std::size_t>(a.look)];
  }
  return counts;
}

int jobs_queued(const PoolModel& m) {
  return static_cast<int>(std::count_if(m.tokens.begin(), m.tokens.end(),
                                        [](const Token& t) { return t.place == Place::JobsSlot; }));
}

std::vector<WaitEdge> deadlock_edges(const sim::Report& report) {
  std::vector<WaitEdge> edges;
  if (report.outcome != trace::Outcome::Deadlock) return edges;
  const auto waits_for = [&report](trace::GoroutineId g) -> const std::vector<trace::GoroutineId>* {
    const sim::GoroutineReport* r = report.find(g);
    return r != nullptr ? &r->waits_for : nullptr;
  };
  // Does `from` reach `to` by wait-for edges? (A handful of goroutines: a plain search.)
  const auto reaches = [&waits_for](trace::GoroutineId from, trace::GoroutineId to) {
    std::vector<trace::GoroutineId> seen{from};
    std::vector<trace::GoroutineId> todo{from};
    while (!todo.empty()) {
      const trace::GoroutineId g = todo.back();
      todo.pop_back();
      if (g == to) return true;
      const std::vector<trace::GoroutineId>* next = waits_for(g);
      if (next == nullptr) continue;
      for (trace::GoroutineId n : *next) {
        if (std::find(seen.begin(), seen.end(), n) != seen.end()) continue;
        seen.push_back(n);
        todo.push_back(n);
      }
    }
    return false;
  };
  for (const sim::GoroutineReport& g : report.blocked) {
    for (trace::GoroutineId to : g.waits_for) {
      if (to != g.id && reaches(to, g.id)) edges.push_back({g.id, to});
    }
  }
  return edges;
}

}  // namespace poolscope::gui
