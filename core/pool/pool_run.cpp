#include "core/pool/pool_run.hpp"

#include <string_view>
#include <utility>

#include "core/pool/programs.hpp"
#include "core/pool/source_program.hpp"

namespace poolscope::pool {

// One of the two programs: a built-in pool program, or the learner's own source.
struct PoolRun::Impl {
  std::unique_ptr<detail::PoolProgram> pool;
  std::unique_ptr<detail::SourceProgram> source;
  // Calls f with whichever program this run has.
  template <class F>
  decltype(auto) with(F&& f) {
    return source ? f(*source) : f(*pool);
  }
  template <class F>
  decltype(auto) with(F&& f) const {
    return source ? f(std::as_const(*source)) : f(std::as_const(*pool));
  }
};

PoolRun::PoolRun(const scenario::Scenario& scenario, PoolRunOptions options)
    : impl_(std::make_unique<Impl>()) {
  if (scenario.source.empty()) {
    impl_->pool = std::make_unique<detail::PoolProgram>(scenario, options);
  } else {
    impl_->source = std::make_unique<detail::SourceProgram>(scenario, options);
  }
}

PoolRun::~PoolRun() = default;

const scenario::Scenario& PoolRun::scenario() const noexcept {
  return impl_->with([](const auto& p) -> const scenario::Scenario& { return p.scenario(); });
}
const scenario::GoProgram& PoolRun::program() const noexcept {
  return impl_->with([](const auto& p) -> const scenario::GoProgram& { return p.program(); });
}
const sim::Runtime& PoolRun::runtime() const noexcept {
  return impl_->with([](const auto& p) -> const sim::Runtime& { return p.runtime(); });
}
const Metrics& PoolRun::metrics() const noexcept {
  return impl_->with([](const auto& p) -> const Metrics& { return p.metrics(); });
}
const Roles& PoolRun::roles() const noexcept {
  return impl_->with([](const auto& p) -> const Roles& { return p.roles(); });
}

bool PoolRun::runs_source() const noexcept { return impl_->source != nullptr; }

const std::vector<ConsoleChunk>& PoolRun::console() const noexcept {
  static const std::vector<ConsoleChunk> kNone;
  return impl_->source ? impl_->source->console() : kNone;
}

golang::GoRunResult PoolRun::go_result() const {
  return impl_->source ? impl_->source->result() : golang::GoRunResult{};
}

void PoolRun::run_until(trace::Time t) {
  if (impl_->source) return impl_->source->run_until(t);
  impl_->pool->runtime().run_until(t);
}
bool PoolRun::step(trace::Time limit) {
  if (impl_->source) return impl_->source->step(limit);
  return impl_->pool->runtime().step(limit);
}
void PoolRun::interrupt() noexcept {
  impl_->with([](auto& p) { p.runtime().interrupt(); });
}

trace::Outcome PoolRun::run(trace::Time limit) {
  if (impl_->source) return impl_->source->run(limit);
  sim::Runtime& rt = impl_->pool->runtime();
  if (limit == trace::kForever) return rt.run();
  rt.run_until(limit);
  return rt.outcome();
}

trace::Time PoolRun::now() const noexcept { return runtime().now(); }
bool PoolRun::finished() const noexcept { return runtime().finished(); }

bool PoolRun::set_workers(int workers) { return impl_->pool && impl_->pool->set_workers(workers); }
void PoolRun::set_rate(double jobs_per_second) {
  if (impl_->pool) impl_->pool->set_rate(jobs_per_second);
}

trace::Time PoolRun::program_end() const noexcept {
  const sim::Runtime& rt = runtime();
  if (rt.finished() && rt.outcome() != trace::Outcome::Completed) return rt.report().time;
  return rt.main_exit_time();
}

namespace {

// The figures of the program: as of main's return once main returned (a Go program ends
// there, whatever its other goroutines were doing), else as of the end or of now.
void fill_figures(Summary& s, const detail::Counts& c, const Figures& f) {
  s.results = c.results;
  s.jobs_sent = c.jobs_sent;
  s.jobs_done = c.jobs_done;
  s.completed_ok = c.completed_ok;
  s.cancelled = c.cancelled;
  s.skipped = c.skipped;
  s.failed = c.failed;
  s.error = c.error;
  s.max_concurrent = f.max_in_work;
  s.max_queue_depth = f.max_queue_depth;
  s.max_blocked_senders = f.max_blocked_senders;
  s.peak_goroutines = f.peak_goroutines;
  s.peak_memory_bytes = f.peak_memory_bytes;
  s.virtual_ms = static_cast<double>(f.time) / 1e6;
  s.throughput_per_s = f.throughput_per_s;
}

}  // namespace

Summary PoolRun::summary() const {
  const sim::Runtime& rt = runtime();
  const sim::Report& report = rt.report();
  Summary s;
  s.outcome = rt.outcome();
  const detail::MainReturn* at_return = impl_->pool ? impl_->pool->main_return() : nullptr;
  if (at_return != nullptr &&
      (s.outcome == trace::Outcome::Completed || s.outcome == trace::Outcome::Running)) {
    fill_figures(s, at_return->counts, at_return->figures);
    s.latency_p50_ms = at_return->latency_p50_ms;
    s.latency_p99_ms = at_return->latency_p99_ms;
  } else {
    const trace::Time end = rt.finished() ? report.time : rt.now();
    // The learner's program counts nothing of its own: its figures are the Metrics'.
    const Figures f = metrics().figures(end);
    fill_figures(s, impl_->pool ? impl_->pool->counts() : detail::Counts{}, f);
    if (!impl_->pool) s.results = static_cast<std::int64_t>(f.results);  // from `results`
    s.latency_p50_ms = static_cast<double>(metrics().total().percentile(0.5)) / 1e6;
    s.latency_p99_ms = static_cast<double>(metrics().total().percentile(0.99)) / 1e6;
  }
  if (s.outcome == trace::Outcome::Completed) {
    s.leaked = static_cast<std::int64_t>(report.blocked.size());
    s.still_running = static_cast<std::int64_t>(report.running.size());
  }
  if (s.error.empty() && s.outcome == trace::Outcome::Panic) {
    std::string_view message = report.message;
    if (message.starts_with("panic: ")) message.remove_prefix(7);
    s.error = message;
  }
  if (s.outcome == trace::Outcome::Stopped) {
    s.stopped_by = sim::to_string(report.stop);
    s.stop_message = report.message;
  }
  s.events = rt.events_emitted();
  s.event_hash = impl_->with([](const auto& p) { return p.event_hash(); });
  return s;
}

Summary run_to_end(const scenario::Scenario& scenario, PoolRunOptions options) {
  options.keep_exited = false;
  PoolRun run(scenario, options);
  run.run();
  return run.summary();
}

}  // namespace poolscope::pool
