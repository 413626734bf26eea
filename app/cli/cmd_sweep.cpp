#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <type_traits>
#include <variant>

#include "app/cli/commands.hpp"
#include "core/pool/summary_fields.hpp"
#include "core/pool/sweep.hpp"
#include "core/util/atomic_file.hpp"

namespace poolscope::cli {

namespace {
struct SweepArgs {
  ScenarioArgs scenario;
  std::string vary;
  std::string csv;
};

constexpr int kMaxRows = 1000;

// A finite number, the whole text: "nan" and "inf" are not.
bool parse_number(std::string_view text, double& out) {
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end && std::isfinite(out);
}

bool parse_whole(std::string_view text, std::int64_t& out) {
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

// The same range in int64 when FROM, TO and STEP are all whole numbers.
std::optional<pool::WholeRange> whole_range(const std::string& from, const std::string& to,
                                            const std::string& step) {
  pool::WholeRange w;
  if (!parse_whole(from, w.from) || !parse_whole(to, w.to)) return std::nullopt;
  if (!step.empty() && !parse_whole(step, w.step)) return std::nullopt;
  return w;
}

// KEY=FROM..TO or KEY=FROM..TO:STEP
scenario::Result<pool::SweepRange> parse_range(const std::string& text) {
  const auto fail = [&](const std::string& why) {
    return scenario::Error{"",
                           fmt::format("--vary {}: {} (expected KEY=FROM..TO or KEY=FROM..TO:STEP, "
                                       "e.g. pool.workers=1..30)",
                                       text, why)};
  };
  const auto eq = text.find('=');
  const auto dots = text.find("..");
  if (eq == std::string::npos || dots == std::string::npos || dots < eq) return fail("malformed");
  // "1...3" would read as 1 to .3, "1..2..3" as 1 to "2..3": say so rather than guess.
  if (text.find("..", dots + 2) != std::string::npos || text.compare(dots + 2, 1, ".") == 0) {
    return fail("more than two dots between FROM and TO");
  }
  pool::SweepRange r;
  r.key = text.substr(0, eq);
  const std::string from = text.substr(eq + 1, dots - eq - 1);
  std::string to = text.substr(dots + 2);
  std::string step;
  if (const auto colon = to.find(':'); colon != std::string::npos) {
    step = to.substr(colon + 1);
    to = to.substr(0, colon);
  }
  if (!parse_number(from, r.from) || !parse_number(to, r.to))
    return fail("FROM and TO must be finite numbers");
  if (!step.empty() && !parse_number(step, r.step)) return fail("STEP must be a finite number");
  r.whole = whole_range(from, to, step);
  if (!(r.step > 0)) return fail("STEP must be positive");
  if (r.to < r.from || (r.whole && r.whole->to < r.whole->from)) {
    return fail("TO is smaller than FROM");
  }
  if ((r.to - r.from) / r.step + 1 > kMaxRows)
    return fail(fmt::format("more than {} values", kMaxRows));
  return r;
}

// A table cell: real numbers with two decimals, the rest as written in JSON.
std::string cell(const pool::SummaryValue& value) {
  return std::visit(
      [](const auto& v) -> std::string {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return v;
        } else if constexpr (std::is_same_v<T, double>) {
          return fmt::format("{:.2f}", v);
        } else {
          return fmt::format("{}", v);
        }
      },
      value);
}

// The value, then every sweep column of pool::summary_fields().
std::vector<std::vector<std::string>> table_rows(const std::vector<pool::SweepPoint>& points) {
  std::vector<std::vector<std::string>> rows;
  for (const pool::SweepPoint& p : points) {
    std::vector<std::string> row{p.text};
    for (const pool::SummaryField& field : pool::summary_fields()) {
      if (field.sweep) row.push_back(cell(field.get(p.summary)));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

void print_table(const std::string& key, const std::vector<std::vector<std::string>>& rows) {
  fmt::print("{:>8}", key.substr(key.find('.') + 1));
  for (const pool::SummaryField& field : pool::summary_fields()) {
    if (field.sweep) fmt::print(" {:>14}", field.name);
  }
  fmt::print("\n");
  for (const auto& row : rows) {
    fmt::print("{:>8}", row[0]);
    for (std::size_t c = 1; c < row.size(); ++c) fmt::print(" {:>14}", row[c]);
    fmt::print("\n");
  }
}

// "" or why the file could not be written.
std::string write_csv(const std::string& path, const std::string& key,
                      const std::vector<std::vector<std::string>>& rows) {
  std::string csv = key;
  for (const pool::SummaryField& field : pool::summary_fields()) {
    if (field.sweep) csv += fmt::format(",{}", field.name);
  }
  csv += '\n';
  for (const auto& row : rows) {
    csv += fmt::format("{}\n", fmt::join(row, ","));
  }
  return util::write_file_atomically(path, csv);
}

int sweep_command(const SweepArgs& args) {
  auto base = args.scenario.resolve();
  if (!base) return report_bad_input(base.message());
  auto range = parse_range(args.vary);
  if (!range) return report_bad_input(range.message());
  const pool::SweepRange& r = range.value();

  const pool::SweepResult result = pool::sweep(base.value(), r);
  if (result.end == pool::SweepEnd::BadValue) return report_bad_input(result.error);
  if (result.end == pool::SweepEnd::RunFailed) {
    fmt::print(stderr, "poolscope-cli: the run with {}={} failed: {}\n", r.key,
               pool::sweep_texts(r)[result.points.size()], result.error);
    return kExitFailure;
  }
  const auto rows = table_rows(result.points);
  print_table(r.key, rows);
  if (!args.csv.empty()) {
    if (const std::string failure = write_csv(args.csv, r.key, rows); !failure.empty()) {
      fmt::print(stderr, "poolscope-cli: {}\n", failure);
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
  cmd->add_option("--csv", args->csv, "Also write the table to this CSV file")->check(non_empty());
  cmd->footer("Example: poolscope-cli sweep --preset size-to-bottleneck --vary pool.workers=1..30");
  return [args] { return sweep_command(*args); };
}

}  // namespace poolscope::cli
