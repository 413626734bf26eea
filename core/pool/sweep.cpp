#include "core/pool/sweep.hpp"

#include <fmt/core.h>

#include <cmath>
#include <exception>

#include "core/scenario/scenario_json.hpp"

namespace poolscope::pool {

std::vector<double> sweep_values(const SweepRange& range) {
  std::vector<double> values;
  if (range.whole) {
    for (const std::string& text : sweep_texts(range)) values.push_back(std::stod(text));
    return values;
  }
  if (!std::isfinite(range.from) || !std::isfinite(range.to) || !std::isfinite(range.step) ||
      !(range.step > 0) || range.to < range.from) {
    return values;
  }
  const int count = static_cast<int>(std::floor((range.to - range.from) / range.step + 1e-9)) + 1;
  for (int i = 0; i < count; ++i) values.push_back(range.from + range.step * i);
  return values;
}

std::vector<std::string> sweep_texts(const SweepRange& range) {
  std::vector<std::string> texts;
  if (!range.whole) {
    for (const double v : sweep_values(range)) texts.push_back(sweep_value_text(v));
    return texts;
  }
  const WholeRange& w = *range.whole;
  if (w.step <= 0 || w.to < w.from) return texts;
  // In unsigned arithmetic, so that no step overflows near the ends of int64.
  const auto span = static_cast<std::uint64_t>(w.to) - static_cast<std::uint64_t>(w.from);
  const std::uint64_t count = span / static_cast<std::uint64_t>(w.step) + 1;
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::uint64_t v =
        static_cast<std::uint64_t>(w.from) + i * static_cast<std::uint64_t>(w.step);
    texts.push_back(fmt::format("{}", static_cast<std::int64_t>(v)));
  }
  return texts;
}

std::string sweep_value_text(double value) {
  return value == std::floor(value) ? fmt::format("{:.0f}", value) : fmt::format("{}", value);
}

SweepResult sweep(const scenario::Scenario& base, const SweepRange& range,
                  const SweepOptions& options) {
  SweepResult result;
  const std::vector<double> values = sweep_values(range);
  const std::vector<std::string> texts = sweep_texts(range);
  for (std::size_t i = 0; i < values.size(); ++i) {
    scenario::Scenario s = base;
    const std::vector<std::string> set{range.key + "=" + texts[i]};
    if (auto status = scenario::apply_overrides(s, set); !status) {
      result.end = SweepEnd::BadValue;
      result.error = status.message();
      return result;
    }
    try {
      PoolRun run(s);
      run.run(options.limit);
      result.points.push_back({values[i], run.summary(), texts[i]});
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
