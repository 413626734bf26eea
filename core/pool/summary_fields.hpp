#pragma once
// The fields of pool::Summary by name: the one table behind every list of them, as
// core/scenario/keys.hpp is for scenario keys.
//
// - `poolscope-cli run --json` writes every field under its name (app/cli).
// - `poolscope-cli sweep` (its table and its CSV file) has one column per field marked
//   `sweep`, in table order, after the swept value.
// - A lesson question's "expect" may bound the fields marked `lesson` (core/lesson);
//   those are whole numbers (std::int64_t).
// - Values keep their type: text (the outcome's name, the event hash as 16 hex digits,
//   the error), whole numbers, or real numbers.
// - Rows come in the order of the sweep's columns; add a field to Summary and to this
//   table together.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "core/pool/pool_run.hpp"

namespace poolscope::pool {

using SummaryValue = std::variant<std::string, std::int64_t, std::uint64_t, double>;

struct SummaryField {
  std::string_view name;         // "max_concurrent"
  std::string_view description;  // what it counts, one line
  SummaryValue (*get)(const Summary&) = nullptr;
  bool sweep = false;   // a column of `poolscope-cli sweep`
  bool lesson = false;  // a figure a lesson's "expect" may bound
};

// Every field of Summary, in table order.
[[nodiscard]] std::span<const SummaryField> summary_fields() noexcept;

// The field of that name, or null.
[[nodiscard]] const SummaryField* find_summary_field(std::string_view name) noexcept;

}  // namespace poolscope::pool
