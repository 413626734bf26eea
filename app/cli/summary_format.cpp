#include "app/cli/summary_format.hpp"

#include <fmt/core.h>

#include "core/sim/report.hpp"

namespace poolscope::cli {

nlohmann::json summary_json(const pool::Summary& s) {
  return {
      {"outcome", std::string(trace::to_string(s.outcome))},
      {"results", s.results},
      {"leaked", s.leaked},
      {"still_running", s.still_running},
      {"jobs_sent", s.jobs_sent},
      {"jobs_done", s.jobs_done},
      {"max_concurrent", s.max_concurrent},
      {"max_queue_depth", s.max_queue_depth},
      {"max_blocked_senders", s.max_blocked_senders},
      {"peak_goroutines", s.peak_goroutines},
      {"peak_memory_bytes", s.peak_memory_bytes},
      {"virtual_ms", s.virtual_ms},
      {"events", s.events},
      {"event_hash", fmt::format("{:016x}", s.event_hash)},
      {"throughput_per_s", s.throughput_per_s},
      {"latency_p50_ms", s.latency_p50_ms},
      {"latency_p99_ms", s.latency_p99_ms},
      {"error", s.error},
      {"completed_ok", s.completed_ok},
      {"cancelled", s.cancelled},
      {"skipped", s.skipped},
      {"failed", s.failed},
  };
}

std::string summary_text(const pool::PoolRun& run, const pool::Summary& s) {
  const auto& sc = run.scenario();
  std::string out = fmt::format("{} ({}): {} after {:.3f} s of virtual time\n", sc.id, sc.title,
                                trace::to_string(s.outcome), s.virtual_ms / 1000.0);
  out += fmt::format("  results {}   jobs sent {}   jobs done {}   leaked {}\n", s.results,
                     s.jobs_sent, s.jobs_done, s.leaked);
  out += fmt::format(
      "  most jobs in work at once {}   longest queue {}   most blocked senders {}   peak "
      "goroutines {}\n",
      s.max_concurrent, s.max_queue_depth, s.max_blocked_senders, s.peak_goroutines);
  out += fmt::format("  throughput {:.2f} jobs/s   latency p50 {:.1f} ms   p99 {:.1f} ms\n",
                     s.throughput_per_s, s.latency_p50_ms, s.latency_p99_ms);
  if (sc.pool.mode == scenario::Mode::Errgroup) {
    out += fmt::format("  errgroup: {} ok, {} failed, {} cancelled mid-work, {} skipped\n",
                       s.completed_ok, s.failed, s.cancelled, s.skipped);
  }
  if (!s.error.empty()) out += fmt::format("  error: {}\n", s.error);
  out += fmt::format("  events {}   event hash {:016x}\n", s.events, s.event_hash);
  const sim::Report& report = run.runtime().report();
  if (s.outcome != trace::Outcome::Completed || !report.blocked.empty() ||
      !report.running.empty()) {
    out += "\n" + sim::format_report(report);
    if (!out.empty() && out.back() != '\n') out += '\n';
  }
  return out;
}

}  // namespace poolscope::cli
