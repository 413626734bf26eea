#pragma once
// Sweep: one scenario run once per value of one setting, the runs' summaries in order.
// `poolscope-cli sweep` prints them; the GUI's sizing curve plots pool.workers 1..30.
//
// - The values are FROM, FROM + STEP, ... up to TO inclusive (with a slack of 1e-9 of a
//   step, so that 0.1..0.3:0.1 ends at 0.3). A range of whole numbers (`whole`) is swept
//   in int64, exactly: a double cannot hold every integer above 2^53. Each is applied to `base` as
//   `KEY=VALUE` through scenario::apply_overrides, so it is checked like a `--set`; a whole number
//   is written without a decimal point ("5"), any other as fmt's shortest form ("2.5").
// - Every run starts from `base` (values do not accumulate) and runs to its end, or until
//   `limit` of virtual time has passed.
// - Stops at the first value that cannot be set or whose run throws, or when keep_going
//   says so; the points run so far are kept.
// - No I/O. Deterministic, unless keep_going is not (the GUI's looks at a wall clock).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/pool/pool_run.hpp"
#include "core/scenario/scenario.hpp"
#include "core/trace/event.hpp"

namespace poolscope::pool {

struct WholeRange {
  std::int64_t from = 0;
  std::int64_t to = 0;
  std::int64_t step = 1;  // > 0
};

struct SweepRange {
  SweepRange() = default;
  SweepRange(std::string setting, double first, double last, double by = 1)
      : key(std::move(setting)), from(first), to(last), step(by) {}

  std::string key;  // a scenario key, e.g. "pool.workers"
  double from = 0;
  double to = 0;
  double step = 1;  // > 0
  // = none // the same range when all three are whole numbers; it wins over the doubles
  std::optional<WholeRange> whole;
};

// The values of `range` in order; empty when to < from, step <= 0 or a bound is not
// finite.
[[nodiscard]] std::vector<double> sweep_values(const SweepRange& range);
// The values as written after `KEY=`, in order: exact for a whole range.
[[nodiscard]] std::vector<std::string> sweep_texts(const SweepRange& range);

// A value as it is written after `KEY=`: "5", "2.5".
[[nodiscard]] std::string sweep_value_text(double value);

struct SweepPoint {
  double value = 0;
  Summary summary;
  std::string text;  // the value as set, exact: "5", "2.5", "9007199254740993"
};

struct SweepOptions {
  trace::Time limit = trace::kForever;  // = forever // virtual time each run may take
  // = none // asked after every run but the last, with the points so far; false stops
  std::function<bool(const std::vector<SweepPoint>&)> keep_going;
};

enum class SweepEnd {
  Done,       // every value ran
  BadValue,   // a value could not be set: error holds apply_overrides' messages
  RunFailed,  // a run threw: error holds what()
  Stopped,    // keep_going returned false
};

struct SweepResult {
  std::vector<SweepPoint> points;  // one per value run, in order
  SweepEnd end = SweepEnd::Done;
  std::string error;  // "" unless BadValue or RunFailed
};

[[nodiscard]] SweepResult sweep(const scenario::Scenario& base, const SweepRange& range,
                                const SweepOptions& options = {});

}  // namespace poolscope::pool
