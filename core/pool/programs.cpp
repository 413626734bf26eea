// The worker-pool programs, goroutine by goroutine. Each function below mirrors a part of
// the exported listing (go_export.cpp); the comment above it names that part.
//
// Index
//   [SECTION] Setup, durations and live controls
//   [SECTION] main and the handlers (pool, unbounded, errgroup)
//   [SECTION] Workers and job goroutines
//   [SECTION] Sending and spawning jobs
//   [SECTION] Collecting results
//   [SECTION] errgroup jobs and process()
#include "core/pool/programs.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace poolscope::pool::detail {

using scenario::Anchor;
using scenario::Arrival;
using scenario::Collect;
using scenario::Mode;
using scenario::WorkDist;
using scenario::WorkKind;
using trace::ChanRole;
using trace::JobPhase;
using trace::Time;

namespace {

constexpr double kMaxLiveRate = 1'000'000.0;  // load.rate's maximum (keys.cpp)

// ms as the listing writes a duration: rounded to the microsecond (go_duration).
Time listing_duration(double ms) {
  return static_cast<Time>(std::llround(ms * 1000.0)) * trace::kMicrosecond;
}

}  // namespace

// [SECTION] Setup, durations and live controls ---------------------------------------

void PoolProgram::Sinks::on_event(const trace::Event& e) {
  hash.on_event(e);
  if (metrics != nullptr) metrics->on_event(e);
  if (extra != nullptr) extra->on_event(e);
}

PoolProgram::PoolProgram(const scenario::Scenario& scenario, const PoolRunOptions& options)
    : scenario_(scenario),
      program_(scenario::export_go(scenario)),
      lines_(program_),
      sinks_(options.sink),
      rt_(sim::Config{.seed = scenario.seed,
                      .procs = scenario.pool.cpus,
                      .max_goroutines = options.max_goroutines,
                      .max_events = options.max_events,
                      .keep_exited = options.keep_exited},
          &sinks_),
      metrics_(MetricsOptions{.payload_bytes = std::int64_t{scenario.work.payload_kb} * 1024,
                              .work_lines = lines_.work_lines}),
      resizable_(options.resizable),
      mean_work_(listing_duration(scenario.work.mean_ms)),
      workers_(scenario.pool.workers),
      rate_(scenario.load.rate) {
  sinks_.metrics = &metrics_;
  roles_.set_role(rt_.spawn_main(main_body(*this)), Role::Main);
}

Time PoolProgram::work_time(std::int64_t j) const {
  const auto draw = [&] {
    return sim::keyed_uniform(scenario_.seed, sim::kWorkStream, static_cast<std::uint64_t>(j));
  };
  switch (scenario_.work.dist) {
    case WorkDist::Constant:
      break;
    case WorkDist::Exponential:
      return static_cast<Time>(-static_cast<double>(mean_work_) * std::log(1.0 - draw()));
    case WorkDist::Uniform:
      return static_cast<Time>(draw() * static_cast<double>(2 * mean_work_));
  }
  return mean_work_;
}

// arrive(j) of the listing, read at each arrival so that set_rate acts on the next one.
Time PoolProgram::arrival_gap(std::int64_t j, int senders) {
  if (rate_ <= 0.0) return 0;
  // validate() keeps a scenario's gaps below kMaxArrivalGapS; a live set_rate is held
  // there too, so that no gap overflows the clock.
  constexpr double kMaxGapMs = scenario::kMaxArrivalGapS * 1000.0;
  const double gap_ms = std::min(1000.0 * senders / rate_, kMaxGapMs);
  switch (scenario_.load.arrival) {
    case Arrival::Constant:
      break;
    case Arrival::Poisson: {
      const double u =
          sim::keyed_uniform(scenario_.seed, sim::kArrivalStream, static_cast<std::uint64_t>(j));
      return static_cast<Time>(-static_cast<double>(listing_duration(gap_ms)) * std::log(1.0 - u));
    }
    case Arrival::Burst: {
      const std::int64_t block = std::int64_t{scenario_.load.burst_size} * senders;
      return (j - 1) % block < senders
                 ? listing_duration(std::min(gap_ms * scenario_.load.burst_size, kMaxGapMs))
                 : 0;
    }
  }
  return listing_duration(gap_ms);
}

bool PoolProgram::jobs_left(const Request& q, std::int64_t j) const noexcept {
  return endless() ? rt_.now() < q.deadline : j <= scenario_.load.jobs;
}

bool PoolProgram::uses_wg() const noexcept {
  const Collect c = scenario_.pool.collect;
  return scenario_.pool.mode != Mode::Errgroup &&
         (c == Collect::WaitThenRange || c == Collect::CloserGoroutine ||
          c == Collect::ProducerGoroutine);
}

trace::GoroutineId PoolProgram::go(Role role, std::string_view name, std::int64_t index,
                                   sim::Go body, int line) {
  const trace::GoroutineId g = rt_.spawn(name, index, std::move(body), line);
  roles_.set_role(g, role);
  return g;
}

trace::GoroutineId PoolProgram::go(Role role, std::string_view name, sim::Go body, int line) {
  const trace::GoroutineId g = rt_.spawn(name, std::move(body), line);
  roles_.set_role(g, role);
  return g;
}

sim::Chan PoolProgram::make_chan(ChannelUse use, std::int64_t cap, std::string_view name,
                                 int line) {
  const sim::Chan c = rt_.make_chan(cap, name, ChanRole::Plain, line);
  roles_.set_use(c.id(), use);
  if (use == ChannelUse::Jobs) metrics_.watch_jobs(c.id());
  if (use == ChannelUse::Results) metrics_.watch_results(c.id());
  return c;
}

sim::Chan PoolProgram::make_semaphore(ChannelUse use, std::int64_t n, std::string_view name,
                                      int line) {
  const sim::Chan c = rt_.make_semaphore(n, name, line);
  roles_.set_use(c.id(), use);
  return c;
}

void PoolProgram::announce_workers(int workers) {
  rt_.config_changed("workers", workers);
  metrics_.set_workers(workers);
}

Request& PoolProgram::begin_request(int number) {
  Request& q = requests_.emplace_back();
  q.number = number;
  q.offset = (number - 1) * (endless() ? kEndlessJobStride : scenario_.load.jobs);
  if (endless()) q.deadline = rt_.now() + listing_duration(scenario_.load.duration_s * 1000.0);
  return q;
}

// `go worker(w, jobs, results...)`. A resizable worker also gets its quit channel (a
// cancellable context's Done, which set_workers can close from outside the program).
// join_wg: the worker makes the `wg.Add(1)` itself (a worker added live, by the host,
// which cannot call a blocking-capable operation).
void PoolProgram::spawn_worker(Request& q, int line, bool join_wg) {
  WorkerSlot slot;
  slot.index = static_cast<std::int64_t>(q.workers.size()) + 1;
  if (resizable_) slot.quit = rt_.with_cancel({}, line);
  q.workers.push_back(slot);
  go(Role::Worker, "worker", slot.index, worker(*this, &q, q.workers.size() - 1, join_wg), line);
}

bool PoolProgram::set_workers(int workers) {
  if (scenario_.pool.mode != Mode::Pool || workers < 1 || rt_.finished()) return false;
  if (workers < workers_ && !resizable_) return false;
  workers_ = workers;
  announce_workers(workers);
  if (requests_.empty() || !requests_.back().live) return true;  // the next pool uses it
  Request& q = requests_.back();
  const auto active =
      static_cast<int>(std::count_if(q.workers.begin(), q.workers.end(), [](const WorkerSlot& w) {
        return w.state == WorkerState::Active;
      }));
  if (workers > active) {
    // A new worker joins the WaitGroup as its first statement (see worker()); that is
    // only safe while no worker can leave its loop, i.e. before close(jobs).
    if (q.wg.id != 0 && q.jobs_closed) return true;
    for (int i = active; i < workers; ++i) {
      spawn_worker(q, lines_[Anchor::MainSpawnWorker], q.wg.id != 0);
    }
  }
  for (auto it = q.workers.rbegin(); it != q.workers.rend() && workers < active; ++it) {
    if (it->state != WorkerState::Active) continue;
    it->state = WorkerState::Retiring;
    rt_.cancel(it->quit, lines_[Anchor::MainSpawnWorker]);
    ++workers;
  }
  return true;
}

void PoolProgram::set_rate(double jobs_per_second) {
  // Held in load.rate's range (NaN and negatives: 0), so the Config event's thousandths
  // and every arrival gap stay whole numbers of nanoseconds.
  rate_ = jobs_per_second > 0.0 ? std::min(jobs_per_second, kMaxLiveRate) : 0.0;
  rt_.config_changed("rate", std::llround(rate_ * 1000.0));
}

// [SECTION] main and the handlers ----------------------------------------------------

// func main() { runtime.GOMAXPROCS(P); for r := 1; r <= R; r++ { handle() }; stats.report() }
sim::Go PoolProgram::main_body(PoolProgram& p) {
  sim::Runtime& rt = p.rt_;
  const ProgramLines& lines = p.lines_;
  const scenario::Scenario& s = p.scenario_;
  if (s.work.kind == WorkKind::Cpu) {
    rt.at(lines[Anchor::MainSetCpus]);
    rt.set_procs(s.pool.cpus);
  }
  for (int r = 1; r <= s.load.requests; ++r) {
    rt.at(lines[Anchor::MainCallHandle]);
    if (r == 1 && s.pool.mode != Mode::Unbounded) p.announce_workers(p.workers_);
    switch (s.pool.mode) {
      case Mode::Pool:
        co_await handle_pool(p, r);
        break;
      case Mode::Unbounded:
        co_await handle_unbounded(p, r);
        break;
      case Mode::Errgroup:
        co_await handle_errgroup(p, r);
        break;
    }
  }
  rt.at(lines[Anchor::MainReport]);
  p.note_main_return();
}

void PoolProgram::note_main_return() {
  main_return_.time = rt_.now();
  main_return_.counts = counts_;
  main_return_.figures = metrics_.figures(rt_.now());
  main_return_.latency_p50_ms = static_cast<double>(metrics_.total().percentile(0.5)) / 1e6;
  main_return_.latency_p99_ms = static_cast<double>(metrics_.total().percentile(0.99)) / 1e6;
  main_returned_ = true;
}

// func handle() in pool mode: make the channels, start the workers, send, collect.
sim::Go PoolProgram::handle_pool(PoolProgram& p, int number) {
  sim::Runtime& rt = p.rt_;
  const ProgramLines& lines = p.lines_;
  const scenario::Scenario& s = p.scenario_;
  Request* q = &p.begin_request(number);
  if (p.endless()) rt.at(lines[Anchor::MainDeadline]);
  q->jobs = p.make_chan(ChannelUse::Jobs, s.pool.jobs_buffer, "jobs", lines[Anchor::MainMakeJobs]);
  q->results = p.make_chan(ChannelUse::Results, s.pool.results_buffer, "results",
                           lines[Anchor::MainMakeResults]);
  if (s.pool.resource_limit > 0) {
    q->db =
        p.make_semaphore(ChannelUse::Db, s.pool.resource_limit, "db", lines[Anchor::MainMakeDb]);
  }
  if (p.uses_wg()) q->wg = rt.make_waitgroup("wg", lines[Anchor::MainDeclareWg]);
  for (int w = 1; w <= p.workers_; ++w) {
    if (q->wg.id != 0) co_await rt.add(q->wg, 1, lines[Anchor::MainWgAddWorker]);
    p.spawn_worker(*q, lines[Anchor::MainSpawnWorker], false);
  }
  q->live = true;
  switch (s.pool.collect) {
    case Collect::CloserGoroutine:
      p.go(Role::Closer, "closer", closer(p, q), lines[Anchor::MainStartCloser]);
      co_await send_jobs(p, q, Runner::Main);
      break;
    case Collect::ProducerGoroutine:
      p.go(Role::Producer, "producer", producer(p, q), lines[Anchor::MainStartProducer]);
      p.go(Role::Closer, "closer", closer(p, q), lines[Anchor::MainStartCloser]);
      break;
    default:
      co_await send_jobs(p, q, Runner::Main);
      break;
  }
  co_await collect(p, q);
  q->live = false;
}

// func handle() in unbounded mode: one goroutine per job.
sim::Go PoolProgram::handle_unbounded(PoolProgram& p, int number) {
  sim::Runtime& rt = p.rt_;
  const ProgramLines& lines = p.lines_;
  const scenario::Scenario& s = p.scenario_;
  Request* q = &p.begin_request(number);
  if (p.endless()) rt.at(lines[Anchor::MainDeadline]);
  q->results = p.make_chan(ChannelUse::Results, s.pool.results_buffer, "results",
                           lines[Anchor::MainMakeResults]);
  if (s.pool.resource_limit > 0) {
    q->db =
        p.make_semaphore(ChannelUse::Db, s.pool.resource_limit, "db", lines[Anchor::MainMakeDb]);
  }
  if (p.uses_wg()) q->wg = rt.make_waitgroup("wg", lines[Anchor::MainDeclareWg]);
  if (s.pool.collect == Collect::ProducerGoroutine) {
    p.go(Role::Producer, "producer", producer(p, q), lines[Anchor::MainStartProducer]);
  } else {
    co_await spawn_jobs(p, q, Runner::Main);
    if (s.pool.collect == Collect::CloserGoroutine) {
      p.go(Role::Closer, "closer", closer(p, q), lines[Anchor::MainStartCloser]);
    }
  }
  co_await collect(p, q);
}

// func handle() in errgroup mode: WithContext, SetLimit, g.Go per job, g.Wait(). The
// Group's own methods (Go, done, Wait) are inlined here and in group_job, on the lines
// of the local Group type.
sim::Go PoolProgram::handle_errgroup(PoolProgram& p, int number) {
  sim::Runtime& rt = p.rt_;
  const ProgramLines& lines = p.lines_;
  const scenario::Scenario& s = p.scenario_;
  Request* q = &p.begin_request(number);
  if (p.endless()) rt.at(lines[Anchor::MainDeadline]);
  q->ctx = rt.with_cancel({}, lines[Anchor::ErrgroupWithContext]);
  q->group_wg = rt.make_waitgroup("g.wg", lines[Anchor::ErrgroupWithContext]);
  q->sem =
      p.make_semaphore(ChannelUse::Limit, p.workers_, "g.sem", lines[Anchor::ErrgroupSetLimit]);
  if (s.pool.resource_limit > 0) {
    q->db =
        p.make_semaphore(ChannelUse::Db, s.pool.resource_limit, "db", lines[Anchor::MainMakeDb]);
  }
  const int arrive =
      lines[Anchor::ArriveSleep] != 0 ? lines[Anchor::ArriveSleep] : lines[Anchor::ErrgroupGo];
  for (std::int64_t j = 1; p.jobs_left(*q, j); ++j) {
    if (const Time gap = p.arrival_gap(j, 1); gap > 0) co_await rt.sleep(gap, arrive);
    rt.job(JobPhase::Created, q->offset + j, lines[Anchor::ErrgroupGo]);
    co_await rt.acquire(q->sem, lines[Anchor::GroupGoAcquire]);
    co_await rt.add(q->group_wg, 1, lines[Anchor::GroupGoAdd]);
    if (p.go(Role::Job, "job", j, group_job(p, q, j), lines[Anchor::GroupGoSpawn]) == 0) break;
    ++p.counts_.jobs_sent;
  }
  co_await rt.wait(q->group_wg, lines[Anchor::GroupWaitWg]);
  rt.cancel(q->ctx, lines[Anchor::GroupWaitCancel]);
  if (q->has_error) {
    rt.at(lines[Anchor::ErrgroupWait]);
    if (p.counts_.error.empty()) p.counts_.error = q->group_error;
  }
}

// [SECTION] Workers and job goroutines -----------------------------------------------

// func worker(...) { defer wg.Done(); for j := range jobs { ... } }. A resizable worker
// loops on the `for` line over two selects: first `case <-quit: return; default:`, so a
// retired worker leaves after its current job, then jobs or quit, whichever comes.
sim::Go PoolProgram::worker(PoolProgram& p, Request* q, std::size_t slot, bool join_wg) {
  sim::Runtime& rt = p.rt_;
  const ProgramLines& lines = p.lines_;
  const int range = lines[Anchor::WorkerRange];
  if (join_wg) co_await rt.add(q->wg, 1, lines[Anchor::MainWgAddWorker]);
  if (!p.resizable_) {
    while (const auto j = co_await rt.recv(q->jobs, range)) {
      rt.job(JobPhase::Started, q->offset + j.value, range);
      co_await do_job(p, q, j.value, true);
    }
  } else {
    // A call of its own: the selects' awaiters (about 1.6 KB) then live in a frame only
    // resizable workers allocate, not in every worker's (a leaked worker keeps it).
    co_await resizable_range(p, q, slot);
  }
  q->workers[slot].state = WorkerState::Exited;
  if (q->wg.id != 0) co_await rt.done(q->wg, lines[Anchor::WorkerDone]);
}

// A resizable worker's `for j := range jobs`, on the `for` line: quit first, then jobs
// or quit, whichever comes.
sim::Go PoolProgram::resizable_range(PoolProgram& p, Request* q, std::size_t slot) {
  sim::Runtime& rt = p.rt_;
  const int range = p.lines_[Anchor::WorkerRange];
  const sim::Chan quit = q->workers[slot].quit.done;
  for (;;) {
    // Awaited into a variable, never inside an if condition (GCC 12 PR106188).
    const auto stop = co_await rt.select(range, sim::recv_case(quit), sim::default_case());
    if (stop.index == 0) break;
    const auto r = co_await rt.select(range, sim::recv_case(q->jobs), sim::recv_case(quit));
    if (r.index != 0 || !r.ok) break;
    rt.job(JobPhase::Started, q->offset + r.value, range);
    co_await do_job(p, q, r.value, true);
  }
}

// The body of one job, in a worker or in its own goroutine:
//   db <- struct{}{}; work(j); <-db; results <- j * 2
sim::Go PoolProgram::do_job(PoolProgram& p, Request* q, std::int64_t j, bool in_worker) {
  sim::Runtime& rt = p.rt_;
  const ProgramLines& lines = p.lines_;
  const int acquire = lines[in_worker ? Anchor::WorkerAcquireDb : Anchor::JobAcquireDb];
  const int release = lines[in_worker ? Anchor::WorkerReleaseDb : Anchor::JobReleaseDb];
  const int send = lines[in_worker ? Anchor::WorkerSendResult : Anchor::JobSendResult];
  if (!q->db.is_nil()) co_await rt.acquire(q->db, acquire);
  // func work(j int): the work time on its one line, or nothing at all.
  if (p.has_work_time()) {
    const Time d = p.work_time(j);
    if (p.scenario_.work.kind == WorkKind::Cpu) {
      co_await rt.cpu(d, lines[Anchor::WorkSleep]);
    } else {
      co_await rt.io(d, lines[Anchor::WorkSleep]);
    }
  } else {
    rt.at(lines[Anchor::WorkFunc]);
  }
  ++p.counts_.jobs_done;
  rt.job(JobPhase::Done, q->offset + j, q->db.is_nil() ? send : release);
  if (!q->db.is_nil()) co_await rt.release(q->db, release);
  co_await rt.send(q->results, j * 2, send);
}

// go func(j int) { defer wg.Done(); db...; work(j); <-db; results <- j * 2 }(j)
sim::Go PoolProgram::job(PoolProgram& p, Request* q, std::int64_t j) {
  sim::Runtime& rt = p.rt_;
  const ProgramLines& lines = p.lines_;
  const int first = q->wg.id != 0     ? lines[Anchor::JobDone]
                    : !q->db.is_nil() ? lines[Anchor::JobAcquireDb]
                                      : lines[Anchor::JobWork];
  rt.job(JobPhase::Started, q->offset + j, first);
  co_await do_job(p, q, j, false);
  if (q->wg.id != 0) co_await rt.done(q->wg, lines[Anchor::JobDone]);
}

// go func() { wg.Wait(); close(results) }()
sim::Go PoolProgram::closer(PoolProgram& p, Request* q) {
  sim::Runtime& rt = p.rt_;
  co_await rt.wait(q->wg, p.lines_[Anchor::CloserWait]);
  co_await rt.close(q->results, p.lines_[Anchor::CloserClose]);
}

// go func() { ...send or spawn every job...; (unbounded) wg.Wait(); close(results) }()
sim::Go PoolProgram::producer(PoolProgram& p, Request* q) {
  sim::Runtime& rt = p.rt_;
  if (p.scenario_.pool.mode == Mode::Pool) {
    co_await send_jobs(p, q, Runner::Producer);
  } else {
    co_await spawn_jobs(p, q, Runner::Producer);
    co_await rt.wait(q->wg, p.lines_[Anchor::ProducerWgWait]);
    co_await rt.close(q->results, p.lines_[Anchor::ProducerCloseResults]);
  }
}

// [SECTION] Sending and spawning jobs ------------------------------------------------

// Every job into `jobs` (by this goroutine, or by load.producers senders), then
// close(jobs) when the scenario closes it.
sim::Go PoolProgram::send_jobs(PoolProgram& p, Request* q, Runner runner) {
  sim::Runtime& rt = p.rt_;
  const ProgramLines& lines = p.lines_;
  const int senders = p.scenario_.load.producers;
  if (senders == 1) {
    co_await send_loop(p, q, 1, 1, runner);
  } else {
    const sim::WaitGroup wg = rt.make_waitgroup("senders", lines[Anchor::SendersDeclare]);
    for (int i = 1; i <= senders; ++i) {
      co_await rt.add(wg, 1, lines[Anchor::SendersAdd]);
      p.go(Role::Producer, "sender", i, sender(p, q, i, wg), lines[Anchor::SendersStart]);
    }
    co_await rt.wait(wg, lines[Anchor::SendersWait]);
  }
  if (p.scenario_.pool.close_jobs) {
    co_await rt.close(
        q->jobs, lines[runner == Runner::Main ? Anchor::MainCloseJobs : Anchor::ProducerCloseJobs]);
    q->jobs_closed = true;
  }
}

// go func(p int) { defer senders.Done(); for j := p; ...; j += P { arrive(j); jobs <- j } }(p)
sim::Go PoolProgram::sender(PoolProgram& p, Request* q, int first, sim::WaitGroup senders) {
  co_await send_loop(p, q, first, p.scenario_.load.producers, Runner::Sender);
  co_await p.rt_.done(senders, p.lines_[Anchor::SenderDone]);
}

// for j := first; <jobs left>; j += step { arrive(j); jobs <- j; stats.sent() }
sim::Go PoolProgram::send_loop(PoolProgram& p, Request* q, int first, int step, Runner runner) {
  sim::Runtime& rt = p.rt_;
  const ProgramLines& lines = p.lines_;
  const int send = lines[runner == Runner::Main       ? Anchor::MainSendJob
                         : runner == Runner::Producer ? Anchor::ProducerSendJob
                                                      : Anchor::SenderSendJob];
  // Without arrive() in the listing (rate 0 when exported, raised live), the pause is
  // shown on the send line.
  const int arrive = lines[Anchor::ArriveSleep] != 0 ? lines[Anchor::ArriveSleep] : send;
  for (std::int64_t j = first; p.jobs_left(*q, j); j += step) {
    if (const Time gap = p.arrival_gap(j, step); gap > 0) co_await rt.sleep(gap, arrive);
    rt.job(JobPhase::Created, q->offset + j, send);
    co_await rt.send(q->jobs, j, send);
    ++p.counts_.jobs_sent;
  }
}

// for j := 1; <jobs left>; j++ { arrive(j); wg.Add(1); go func(j int) {...}(j) }
sim::Go PoolProgram::spawn_jobs(PoolProgram& p, Request* q, Runner runner) {
  sim::Runtime& rt = p.rt_;
  const ProgramLines& lines = p.lines_;
  const bool main = runner == Runner::Main;
  const int add = lines[main ? Anchor::MainWgAdd : Anchor::ProducerWgAdd];
  const int spawn = lines[main ? Anchor::MainSpawnJob : Anchor::ProducerSpawnJob];
  const int arrive = lines[Anchor::ArriveSleep] != 0 ? lines[Anchor::ArriveSleep] : spawn;
  for (std::int64_t j = 1; p.jobs_left(*q, j); ++j) {
    if (const Time gap = p.arrival_gap(j, 1); gap > 0) co_await rt.sleep(gap, arrive);
    if (q->wg.id != 0) co_await rt.add(q->wg, 1, add);
    rt.job(JobPhase::Created, q->offset + j, spawn);
    // 0: a limit stopped the run (see Runtime::spawn); leave, to stop at the next await.
    if (p.go(Role::Job, "job", j, job(p, q, j), spawn) == 0) break;
    ++p.counts_.jobs_sent;
  }
}

// [SECTION] Collecting results -------------------------------------------------------

// Main's part after the jobs are out (collect_results in go_export.cpp).
sim::Go PoolProgram::collect(PoolProgram& p, Request* q) {
  sim::Runtime& rt = p.rt_;
  const ProgramLines& lines = p.lines_;
  const scenario::Scenario& s = p.scenario_;
  const int count = s.pool.collect_count;
  switch (s.pool.collect) {
    case Collect::AfterSend:
      if (count == scenario::kCollectUntilClosed) {
        co_await range_results(p, q, 0);
      } else {
        // for a := 1; a <= n; a++ { <-results; stats.received() }: a receive from a
        // closed channel counts too, as in the listing.
        const int n = count == scenario::kCollectAll ? s.load.jobs : count;
        for (int a = 1; a <= n; ++a) {
          const auto r = co_await rt.recv(q->results, lines[Anchor::MainRecvResult]);
          ++p.counts_.results;
          if (r.ok) {
            rt.job(JobPhase::Collected, q->offset + r.value / 2, lines[Anchor::MainRecvResult]);
          }
        }
      }
      break;
    case Collect::WaitThenRange:
      co_await rt.wait(q->wg, lines[Anchor::MainWgWait]);
      co_await rt.close(q->results, lines[Anchor::MainCloseResults]);
      co_await range_results(p, q, 0);
      break;
    case Collect::CloserGoroutine:
      co_await range_results(p, q, 0);
      break;
    case Collect::ProducerGoroutine:
      co_await range_results(p, q, count > 0 ? count : 0);
      break;
    case Collect::None:
      break;
  }
}

// for range results { stats.received(); n++; if n == stop_after { return } }
sim::Go PoolProgram::range_results(PoolProgram& p, Request* q, std::int64_t stop_after) {
  sim::Runtime& rt = p.rt_;
  const int line = p.lines_[Anchor::MainRecvResult];
  std::int64_t n = 0;
  while (const auto r = co_await rt.recv(q->results, line)) {
    ++p.counts_.results;
    rt.job(JobPhase::Collected, q->offset + r.value / 2, line);
    if (stop_after > 0 && ++n == stop_after) {
      rt.at(p.lines_[Anchor::MainReturnEarly]);
      co_return;
    }
  }
}

// [SECTION] errgroup jobs and process() ----------------------------------------------

// The goroutine Group.Go starts: `if err := f(); err != nil { errOnce: cancel }`, with
// f the handler's closure, then the deferred g.done() (<-g.sem; g.wg.Done()).
sim::Go PoolProgram::group_job(PoolProgram& p, Request* q, std::int64_t j) {
  sim::Runtime& rt = p.rt_;
  const ProgramLines& lines = p.lines_;
  const std::int64_t id = q->offset + j;
  rt.job(JobPhase::Started, id, lines[Anchor::JobCheckCtx]);
  std::string err;
  if (!rt.err(q->ctx).empty()) {
    ++p.counts_.skipped;
    rt.at(lines[Anchor::JobSkip]);
    err = rt.err(q->ctx);
  } else {
    const bool db = !q->db.is_nil();
    if (db) co_await rt.acquire(q->db, lines[Anchor::JobAcquireDb]);
    WorkResult result = WorkResult::Ok;
    co_await process(p, q, j, &result);
    if (result == WorkResult::Ok) {
      ++p.counts_.jobs_done;
      rt.job(JobPhase::Done, id, lines[db ? Anchor::JobReleaseDb : Anchor::JobStoreResult]);
    }
    if (db) co_await rt.release(q->db, lines[Anchor::JobReleaseDb]);
    switch (result) {
      case WorkResult::Ok:
        ++p.counts_.completed_ok;
        ++p.counts_.results;
        rt.at(lines[Anchor::JobStoreResult]);
        break;
      case WorkResult::Failed:
        ++p.counts_.failed;
        err = fmt::format("job {} failed", j);
        break;
      case WorkResult::Cancelled:
        ++p.counts_.cancelled;
        err = rt.err(q->ctx);
        break;
    }
  }
  if (!err.empty() && !q->has_error) {
    q->has_error = true;
    q->group_error = std::move(err);
    rt.cancel(q->ctx, lines[Anchor::GroupCancel]);
  }
  co_await rt.release(q->sem, lines[Anchor::GroupDoneRelease]);
  co_await rt.done(q->group_wg, lines[Anchor::GroupDoneWg]);
}

// func process(ctx, j) (int, error): the failing job fails after half its time; the
// others wait for their time or for ctx.Done(), whichever comes first. CPU-bound work
// checks ctx.Err() between slices of at most max(d / 50, 1 ms), as the listing's busy
// loop checks it on every turn.
sim::Go PoolProgram::process(PoolProgram& p, Request* q, std::int64_t j, WorkResult* result) {
  sim::Runtime& rt = p.rt_;
  const ProgramLines& lines = p.lines_;
  const bool cpu = p.scenario_.work.kind == WorkKind::Cpu;
  const Time d = p.has_work_time() ? p.work_time(j) : 0;
  if (j == p.scenario_.pool.fail_job) {
    if (p.has_work_time()) {
      if (cpu) {
        co_await rt.cpu(d / 2, lines[Anchor::WorkFailWait]);
      } else {
        co_await rt.io(d / 2, lines[Anchor::WorkFailWait]);
      }
    }
    rt.at(lines[Anchor::WorkFail]);
    *result = WorkResult::Failed;
    co_return;
  }
  if (!p.has_work_time()) {
    rt.at(lines[Anchor::WorkFunc]);
    *result = WorkResult::Ok;
    co_return;
  }
  const int work = lines[Anchor::WorkSleep];
  bool cancelled = false;
  if (cpu) {
    const Time slice = std::max(d / 50, trace::kMillisecond);
    for (Time left = d; left > 0 && !cancelled; left -= slice) {
      cancelled = !rt.err(q->ctx).empty();
      if (!cancelled) co_await rt.cpu(std::min(left, slice), work);
    }
  } else {
    const sim::Chan timer = rt.after(d, work);
    const auto r = co_await rt.select(work, sim::recv_case(timer), sim::recv_case(q->ctx.done));
    cancelled = r.index == 1;
  }
  if (cancelled) rt.at(lines[Anchor::WorkCancelled]);
  *result = cancelled ? WorkResult::Cancelled : WorkResult::Ok;
}

}  // namespace poolscope::pool::detail
