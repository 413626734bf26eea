#include "core/pool/source_program.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <stdexcept>
#include <string_view>
#include <utility>

#include "core/golang/check.hpp"
#include "core/scenario/keys.hpp"
#include "core/scenario/scenario_json.hpp"
#include "core/util/json_text.hpp"

namespace poolscope::pool::detail {

namespace {

// The last program compiled on this thread: a replay, a step back or a rerun of the same
// text (the GUI makes many runs of one source) compiles it once.
std::shared_ptr<const golang::Program> compiled(const std::string& source) {
  thread_local std::string last_source;
  thread_local std::shared_ptr<const golang::Program> last;
  if (last != nullptr && last_source == source) return last;
  golang::Compiled c = golang::compile_go(source);
  if (c.program == nullptr) {
    throw std::invalid_argument("# command-line-arguments\n" +
                                golang::format_diagnostics(c.diagnostics));
  }
  last_source = source;
  last = std::move(c.program);
  return last;
}

golang::GoRunOptions go_options(const scenario::Scenario& s) {
  golang::GoRunOptions o;
  o.seed = s.seed;
  o.max_virtual = kSourceMaxVirtual;
  return o;
}

sim::Config source_config(const scenario::Scenario& s, const PoolRunOptions& options) {
  sim::Config c = golang::runtime_config(go_options(s));
  c.max_goroutines = options.max_goroutines;
  c.max_events = options.max_events;
  c.keep_exited = options.keep_exited;
  return c;
}

}  // namespace

void SourceProgram::Sinks::on_event(const trace::Event& e) {
  hash.on_event(e);
  if (program != nullptr) {
    Metrics& metrics = program->metrics_;
    if (e.kind == trace::EventKind::MakeChan) {
      const std::string_view name = program->rt_.strings().str(e.aux);
      if (name == "jobs") metrics.watch_jobs(e.object);
      if (name == "results") metrics.watch_results(e.object);
    }
    metrics.on_event(e);
  }
  if (extra != nullptr) extra->on_event(e);
}

SourceProgram::SourceProgram(const scenario::Scenario& scenario, const PoolRunOptions& options)
    : scenario_(scenario),
      program_{.source = scenario.source, .lines = {}},
      sinks_(options.sink),
      rt_(source_config(scenario, options), &sinks_),
      metrics_(MetricsOptions{}) {
  sinks_.program = this;
  golang::GoRunOptions o = go_options(scenario);
  o.on_output = [this](bool is_stderr, std::string_view text, trace::Time at) {
    take_output(is_stderr, text, at);
  };
  machine_ = std::make_unique<golang::GoMachine>(compiled(scenario.source), rt_, std::move(o));
  machine_->start();
  roles_.set_role(1, Role::Main);
}

void SourceProgram::take_output(bool is_stderr, std::string_view text, trace::Time at) {
  if (console_bytes_ >= kMaxConsoleBytes) return;
  const std::uint64_t seq = rt_.events_emitted();
  if (console_bytes_ + text.size() > kMaxConsoleBytes) {
    text = text.substr(0, kMaxConsoleBytes - console_bytes_);
    console_bytes_ = kMaxConsoleBytes;
    console_.push_back({is_stderr, std::string(text), at, seq});
    console_.push_back(
        {true, "\n[Poolscope: the rest of the output was cut; the run goes on]\n", at, seq});
    return;
  }
  console_bytes_ += text.size();
  // Pieces written to one stream with no event between them join, so a line printed
  // piece by piece (fmt.Print in a loop) stays one chunk.
  if (!console_.empty() && console_.back().is_stderr == is_stderr && console_.back().seq == seq) {
    console_.back().text += text;
  } else {
    console_.push_back({is_stderr, std::string(text), at, seq});
  }
}

void SourceProgram::conclude() {
  if (machine_->over()) return;
  if (rt_.finished() || rt_.now() >= kSourceMaxVirtual) machine_->end_run();
}

void SourceProgram::run_until(trace::Time t) {
  if (!machine_->over()) t = std::min(t, kSourceMaxVirtual);
  rt_.run_until(t);
  conclude();
}

bool SourceProgram::step(trace::Time limit) {
  if (!machine_->over()) limit = std::min(limit, kSourceMaxVirtual);
  const bool moved = rt_.step(limit);
  conclude();
  return moved;
}

trace::Outcome SourceProgram::run(trace::Time limit) {
  while (!rt_.finished() && !machine_->over() && rt_.now() < limit) {
    run_until(std::min(limit, rt_.now() + trace::kSecond));
  }
  if (machine_->over() && !rt_.finished()) {
    // Main returned: the rest runs on only to tell leaked goroutines apart (as run-go).
    const trace::Time drain = rt_.now() + rt_.config().drain_horizon + trace::kSecond;
    rt_.run_until(std::min(limit, drain));
  }
  return rt_.outcome();
}

}  // namespace poolscope::pool::detail

namespace poolscope::pool {

std::string source_problems(const scenario::Scenario& scenario) {
  if (scenario.source.empty()) return "";
  try {
    (void)detail::compiled(scenario.source);
  } catch (const std::invalid_argument& e) {
    std::string_view messages = e.what();
    messages.remove_prefix(
        std::min(messages.find('\n') + 1, messages.size()));  // go build's header
    return std::string(messages);
  }
  return "";
}

scenario::Result<scenario::Scenario> apply_sets(scenario::Scenario s,
                                                std::span<const std::string> sets) {
  std::vector<std::string> settings;
  std::vector<std::pair<std::string, std::string>> constants;
  for (const std::string& set : sets) {
    const std::size_t eq = set.find('=');
    const bool constant = !s.source.empty() && eq != std::string::npos &&
                          scenario::find_key(set.substr(0, eq)) == nullptr;
    if (constant) {
      constants.emplace_back(set.substr(0, eq), set.substr(eq + 1));
    } else {
      settings.push_back(set);
    }
  }
  if (auto status = scenario::apply_overrides(s, settings); !status) return status.errors();
  if (constants.empty()) return s;
  golang::TypeTable types;
  const golang::CheckResult checked = golang::check_program(s.source, types);
  std::vector<std::string> names;
  if (checked.ok) {
    for (const golang::ConstInfo& c : golang::main_constants(*checked.file, s.source)) {
      names.push_back(c.name);
    }
  }
  for (const auto& [name, value] : constants) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      return scenario::Error{
          name, fmt::format("\"{}\" is not a constant of the program (its constants: {})",
                            util::printable(name), fmt::join(names, ", "))};
    }
  }
  s.source = golang::override_constants(s.source, constants);
  if (std::string problems = source_problems(s); !problems.empty()) {
    return scenario::Error{"source",
                           "with those constants the program does not compile: " + problems};
  }
  return s;
}

}  // namespace poolscope::pool
