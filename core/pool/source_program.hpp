#pragma once
// SourceProgram: the learner's own Go program (Scenario::source) on core/sim, behind the
// same PoolRun as the built-in programs. Internal to core/pool; PoolRun is the interface.
//
// - The program is compiled once per source text and thread (a rerun of the same text, a
//   replay, a step back reuse it) and run by a golang::GoMachine on a Runtime made with
//   golang::runtime_config(), so its output and its end are run-go's, byte for byte.
// - The clock calls of PoolRun end the program as run-go does: at a deadlock, a panic or
//   os.Exit, or, still running at kSourceMaxVirtual of virtual time, stopped with a
//   message; after main returned the rest runs on (at most the drain horizon) only to
//   tell leaked goroutines apart.
// - Figures: the Metrics watch the channels the program names `jobs` and `results` (the
//   learner's names are all there is to go by); a program without them shows no queue.
// - Console: every piece of output with its virtual time, at most kMaxConsoleBytes (then
//   one line saying the rest was cut, while the run goes on).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/golang/interp.hpp"
#include "core/pool/metrics.hpp"
#include "core/pool/pool_run.hpp"
#include "core/pool/roles.hpp"
#include "core/scenario/go_export.hpp"
#include "core/scenario/scenario.hpp"
#include "core/sim/runtime.hpp"
#include "core/trace/sink.hpp"

namespace poolscope::pool::detail {

class SourceProgram {
 public:
  // Throws std::invalid_argument with Go's messages when the source does not compile.
  SourceProgram(const scenario::Scenario& scenario, const PoolRunOptions& options);
  SourceProgram(const SourceProgram&) = delete;
  SourceProgram& operator=(const SourceProgram&) = delete;

  [[nodiscard]] const scenario::Scenario& scenario() const noexcept { return scenario_; }
  [[nodiscard]] const scenario::GoProgram& program() const noexcept { return program_; }
  [[nodiscard]] sim::Runtime& runtime() noexcept { return rt_; }
  [[nodiscard]] const sim::Runtime& runtime() const noexcept { return rt_; }
  [[nodiscard]] const Metrics& metrics() const noexcept { return metrics_; }
  [[nodiscard]] const Roles& roles() const noexcept { return roles_; }
  [[nodiscard]] std::uint64_t event_hash() const noexcept { return sinks_.hash.hash(); }
  [[nodiscard]] const std::vector<ConsoleChunk>& console() const noexcept { return console_; }
  [[nodiscard]] golang::GoRunResult result() const { return machine_->result(); }

  // The clock, as PoolRun's (see there).
  void run_until(trace::Time t);
  bool step(trace::Time limit);
  trace::Outcome run(trace::Time limit);

 private:
  // Every event goes to the hash, the metrics and the caller's sink, in that order. The
  // Runtime emits events while it is built, before the Metrics exist: `program` is set
  // once the whole SourceProgram is.
  struct Sinks final : trace::EventSink {
    explicit Sinks(trace::EventSink* extra_sink) : extra(extra_sink) {}
    void on_event(const trace::Event& e) override;
    trace::HashSink hash;
    trace::EventSink* extra;
    SourceProgram* program = nullptr;
  };
  // Ends the program once the Runtime finished or the clock reached the limit.
  void conclude();
  void take_output(bool is_stderr, std::string_view text, trace::Time at);

  scenario::Scenario scenario_;
  scenario::GoProgram program_;
  Sinks sinks_;
  sim::Runtime rt_;
  Metrics metrics_;
  Roles roles_;
  std::vector<ConsoleChunk> console_;
  std::size_t console_bytes_ = 0;
  std::unique_ptr<golang::GoMachine> machine_;
};

}  // namespace poolscope::pool::detail
