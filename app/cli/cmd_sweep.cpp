#include <fmt/core.h>

#include <charconv>
#include <cmath>
#include <fstream>

#include "app/cli/commands.hpp"
#include "app/cli/summary_format.hpp"
#include "core/scenario/scenario_json.hpp"

namespace poolscope::cli {

namespace {
struct SweepArgs {
  ScenarioArgs scenario;
  std::string vary;
  std::string csv;
};

struct Range {
  std::string key;
  double from = 0, to = 0, step = 1;
};

constexpr int kMaxRows = 1000;

bool parse_number(std::string_view text, double& out) {
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

// KEY=FROM..TO or KEY=FROM..TO:STEP
scenario::Result<Range> parse_range(const std::string& text) {
  const auto fail = [&](const std::string& why) {
    return scenario::Error{"",
                           fmt::format("--vary {}: {} (expected KEY=FROM..TO or KEY=FROM..TO:STEP, "
                                       "e.g. pool.workers=1..30)",
                                       text, why)};
  };
  const auto eq = text.find('=');
  const auto dots = text.find("..");
  if (eq == std::string::npos || dots == std::string::npos || dots < eq) return fail("malformed");
  Range r;
  r.key = text.substr(0, eq);
  const std::string from = text.substr(eq + 1, dots - eq - 1);
  std::string to = text.substr(dots + 2);
  std::string step;
  if (const auto colon = to.find(':'); colon != std::string::npos) {
    step = to.substr(colon + 1);
    to = to.substr(0, colon);
  }
  if (!parse_number(from, r.from) || !parse_number(to, r.to))
    return fail("FROM and TO must be numbers");
  if (!step.empty() && !parse_number(step, r.step)) return fail("STEP must be a number");
  if (!(r.step > 0)) return fail("STEP must be positive");
  if (r.to < r.from) return fail("TO is smaller than FROM");
  if ((r.to - r.from) / r.step + 1 > kMaxRows)
    return fail(fmt::format("more than {} values", kMaxRows));
  return r;
}

std::string format_value(double v) {
  return v == std::floor(v) ? fmt::format("{:.0f}", v) : fmt::format("{}", v);
}

constexpr const char* kColumns[] = {
    "value",           "outcome",          "results",         "leaked",
    "jobs_done",       "max_concurrent",   "max_queue_depth", "max_blocked_senders",
    "peak_goroutines", "throughput_per_s", "latency_p50_ms",  "latency_p99_ms",
    "virtual_ms"};

int sweep_command(const SweepArgs& args) {
  auto base = args.scenario.resolve();
  if (!base) return report_bad_input(base.message());
  auto range = parse_range(args.vary);
  if (!range) return report_bad_input(range.message());
  const Range& r = range.value();

  std::vector<std::vector<std::string>> rows;
  const int count = static_cast<int>(std::floor((r.to - r.from) / r.step + 1e-9)) + 1;
  for (int i = 0; i < count; ++i) {
    const std::string value = format_value(r.from + r.step * i);
    scenario::Scenario s = base.value();
    const std::vector<std::string> set{r.key + "=" + value};
    if (auto status = scenario::apply_overrides(s, set); !status) {
      return report_bad_input(status.message());
    }
    const auto j = summary_json(pool::run_to_end(s));
    std::vector<std::string> row{value};
    for (std::size_t c = 1; c < std::size(kColumns); ++c) {
      const auto& field = j.at(kColumns[c]);
      row.push_back(field.is_string()         ? field.get<std::string>()
                    : field.is_number_float() ? fmt::format("{:.2f}", field.get<double>())
                                              : field.dump());
    }
    rows.push_back(std::move(row));
  }

  fmt::print("{:>8}", r.key.substr(r.key.find('.') + 1));
  for (std::size_t c = 1; c < std::size(kColumns); ++c) fmt::print(" {:>14}", kColumns[c]);
  fmt::print("\n");
  for (const auto& row : rows) {
    fmt::print("{:>8}", row[0]);
    for (std::size_t c = 1; c < row.size(); ++c) fmt::print(" {:>14}", row[c]);
    fmt::print("\n");
  }
  if (!args.csv.empty()) {
    std::ofstream csv(args.csv);
    csv << r.key;
    for (std::size_t c = 1; c < std::size(kColumns); ++c) csv << ',' << kColumns[c];
    csv << '\n';
    for (const auto& row : rows) {
      for (std::size_t c = 0; c < row.size(); ++c) csv << (c ? "," : "") << row[c];
      csv << '\n';
    }
    csv.close();
    if (!csv) {
      fmt::print(stderr, "poolscope-cli: cannot write {}\n", args.csv);
      return kExitFailure;
    }
  }
  return kExitOk;
}
}  // namespace

CommandRunner add_sweep_command(CLI::App& app) {
  auto* cmd = app.add_subcommand(
      "sweep", "Run a scenario once per value of one setting and tabulate the results");
  auto args = std::make_shared<SweepArgs>();
  args->scenario.add_to(*cmd);
  cmd->add_option("--vary", args->vary, "The setting and its values, e.g. pool.workers=1..30")
      ->type_name("KEY=FROM..TO[:STEP]")
      ->required();
  cmd->add_option("--csv", args->csv, "Also write the table to this CSV file");
  cmd->footer("Example: poolscope-cli sweep --preset size-to-bottleneck --vary pool.workers=1..30");
  return [args] { return sweep_command(*args); };
}

}  // namespace poolscope::cli
