#include "app/cli/summary_format.hpp"

#include <fmt/core.h>

#include <string_view>
#include <variant>

#include "core/pool/summary_fields.hpp"
#include "core/sim/report.hpp"

namespace poolscope::cli {

nlohmann::json summary_json(const pool::Summary& s) {
  nlohmann::json out = nlohmann::json::object();
  for (const pool::SummaryField& field : pool::summary_fields()) {
    std::visit([&](const auto& value) { out[std::string(field.name)] = value; }, field.get(s));
  }
  return out;
}

std::string summary_text(const pool::PoolRun& run, const pool::Summary& s) {
  const auto& sc = run.scenario();
  std::string out = fmt::format("{} ({}): {} after {:.3f} s of virtual time\n", sc.id, sc.title,
                                trace::to_string(s.outcome), s.virtual_ms / 1000.0);
  if (run.runs_source()) {
    // A Go program of its own has no jobs the simulator can see: only what it did.
    out += fmt::format(
        "  results {}   leaked {}   longest jobs queue {}   most blocked senders {}   peak "
        "goroutines {}\n  its output: export-go writes its source, and run-go runs that and prints "
        "it\n",
        s.results, s.leaked, s.max_queue_depth, s.max_blocked_senders, s.peak_goroutines);
  } else {
    out += fmt::format("  results {}   jobs sent {}   jobs done {}   leaked {}\n", s.results,
                       s.jobs_sent, s.jobs_done, s.leaked);
    out += fmt::format(
        "  most jobs in work at once {}   longest queue {}   most blocked senders {}   peak "
        "goroutines {}\n",
        s.max_concurrent, s.max_queue_depth, s.max_blocked_senders, s.peak_goroutines);
    out += fmt::format("  throughput {:.2f} jobs/s   latency p50 {:.1f} ms   p99 {:.1f} ms\n",
                       s.throughput_per_s, s.latency_p50_ms, s.latency_p99_ms);
  }
  if (sc.pool.mode == scenario::Mode::Errgroup) {
    out += fmt::format("  errgroup: {} ok, {} failed, {} cancelled mid-work, {} skipped\n",
                       s.completed_ok, s.failed, s.cancelled, s.skipped);
  }
  if (!s.error.empty()) out += fmt::format("  error: {}\n", s.error);
  out += fmt::format("  events {}   event hash {:016x}\n", s.events, s.event_hash);
  const sim::Report& report = run.runtime().report();
  if (s.outcome == trace::Outcome::Completed && report.time > run.program_end()) {
    out += fmt::format(
        "  main returned at {:.3f} s, where a Go program ends; the simulator ran on to {:.3f} s "
        "only to tell leaked goroutines from running ones\n",
        static_cast<double>(run.program_end()) / 1e9, static_cast<double>(report.time) / 1e9);
  }
  if (s.outcome == trace::Outcome::Stopped) {
    // A limit of the simulator, not of the Go program: say which, and how to raise it.
    const std::string_view hint =
        report.stop == sim::StopReason::Goroutines ? "; raise it with --max-goroutines"
        : report.stop == sim::StopReason::Events   ? "; raise it with --max-events"
                                                   : "";
    out += fmt::format("\n{}{}\n", s.stop_message, hint);
  } else if (s.outcome != trace::Outcome::Completed || !report.blocked.empty() ||
             !report.running.empty()) {
    out += "\n" + sim::format_report(report);
    if (!out.empty() && out.back() != '\n') out += '\n';
  }
  return out;
}

}  // namespace poolscope::cli
