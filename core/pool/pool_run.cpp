#include "core/pool/pool_run.hpp"

#include <string_view>

#include "core/pool/programs.hpp"

namespace poolscope::pool {

struct PoolRun::Impl : detail::PoolProgram {
  using PoolProgram::PoolProgram;
};

PoolRun::PoolRun(const scenario::Scenario& scenario, PoolRunOptions options)
    : impl_(std::make_unique<Impl>(scenario, options)) {}

PoolRun::~PoolRun() = default;

const scenario::Scenario& PoolRun::scenario() const noexcept { return impl_->scenario(); }
const scenario::GoProgram& PoolRun::program() const noexcept { return impl_->program(); }
const sim::Runtime& PoolRun::runtime() const noexcept { return impl_->runtime(); }
const Metrics& PoolRun::metrics() const noexcept { return impl_->metrics(); }
const Roles& PoolRun::roles() const noexcept { return impl_->roles(); }

void PoolRun::run_until(trace::Time t) { impl_->runtime().run_until(t); }
bool PoolRun::step(trace::Time limit) { return impl_->runtime().step(limit); }
void PoolRun::interrupt() noexcept { impl_->runtime().interrupt(); }

trace::Outcome PoolRun::run(trace::Time limit) {
  sim::Runtime& rt = impl_->runtime();
  if (limit == trace::kForever) return rt.run();
  rt.run_until(limit);
  return rt.outcome();
}

trace::Time PoolRun::now() const noexcept { return impl_->runtime().now(); }
bool PoolRun::finished() const noexcept { return impl_->runtime().finished(); }

bool PoolRun::set_workers(int workers) { return impl_->set_workers(workers); }
void PoolRun::set_rate(double jobs_per_second) { impl_->set_rate(jobs_per_second); }

trace::Time PoolRun::program_end() const noexcept {
  const sim::Runtime& rt = impl_->runtime();
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
  const sim::Runtime& rt = impl_->runtime();
  const sim::Report& report = rt.report();
  Summary s;
  s.outcome = rt.outcome();
  const detail::MainReturn* at_return = impl_->main_return();
  if (at_return != nullptr &&
      (s.outcome == trace::Outcome::Completed || s.outcome == trace::Outcome::Running)) {
    fill_figures(s, at_return->counts, at_return->figures);
    s.latency_p50_ms = at_return->latency_p50_ms;
    s.latency_p99_ms = at_return->latency_p99_ms;
  } else {
    const trace::Time end = rt.finished() ? report.time : rt.now();
    fill_figures(s, impl_->counts(), impl_->metrics().figures(end));
    s.latency_p50_ms = static_cast<double>(impl_->metrics().total().percentile(0.5)) / 1e6;
    s.latency_p99_ms = static_cast<double>(impl_->metrics().total().percentile(0.99)) / 1e6;
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
  s.event_hash = impl_->event_hash();
  return s;
}

Summary run_to_end(const scenario::Scenario& scenario, PoolRunOptions options) {
  options.keep_exited = false;
  PoolRun run(scenario, options);
  run.run();
  return run.summary();
}

}  // namespace poolscope::pool
