#include "core/pool/sweep.hpp"

#include <fmt/core.h>

#include <cmath>
#include <exception>

#include "core/scenario/scenario_json.hpp"

namespace poolscope::pool {

std::vector<double> sweep_values(const SweepRange& range) {
  std::vector<double> values;
  if (!(range.step > 0) || range.to < range.from) return values;
  const int count = static_cast<int>(std::floor((range.to - range.from) / range.step + 1e-9)) + 1;
  for (int i = 0; i < count; ++i) values.push_back(range.from + range.step * i);
  return values;
}

std::string sweep_value_text(double value) {
  return value == std::floor(value) ? fmt::format("{:.0f}", value) : fmt::format("{}", value);
}

SweepResult sweep(const scenario::Scenario& base, const SweepRange& range,
                  const SweepOptions& options) {
  SweepResult result;
  const std::vector<double> values = sweep_values(range);
  for (std::size_t i = 0; i < values.size(); ++i) {
    scenario::Scenario s = base;
    const std::vector<std::string> set{range.key + "=" + sweep_value_text(values[i])};
    if (auto status = scenario::apply_overrides(s, set); !status) {
      result.end = SweepEnd::BadValue;
      result.error = status.message();
      return result;
    }
    try {
      PoolRun run(s);
      run.run(options.limit);
      result.points.push_back({values[i], run.summary()});
    } catch (const std::exception& e) {
      result.end = SweepEnd::RunFailed;
      result.error = e.what();
      return result;
    }
    if (i + 1 < values.size() && options.keep_going && !options.keep_going(result.points)) {
      result.end = SweepEnd::Stopped;
      return result;
    }
  }
  return result;
}

}  // namespace poolscope::pool
