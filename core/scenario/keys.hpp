#pragma once
// The key table: one row per scenario setting, the single source of truth for its JSON
// name, type, allowed values, help text and the Scenario field it reads and writes.
//
// - JSON load and save, `--set KEY=VALUE`, validation and the GUI's tooltips all walk
//   this table; no code elsewhere knows a key by name (cross-field rules excepted, in
//   scenario_json.cpp).
// - Keys are dotted paths: "pool.workers" is {"pool": {"workers": ...}} in a file;
//   "seed", "id", "title" and "summary" sit at the top level.
// - Rows come in the order a saved file lists them.
// - check_value() turns any JSON value into the canonical value for the key (named
//   values such as "all" resolved) or into an Error naming the key, the value and what
//   is allowed. set() takes canonical values only.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario/result.hpp"
#include "core/scenario/scenario.hpp"

namespace poolscope::scenario {

enum class KeyType {
  Integer,  // a whole number in [int_min, int_max], or one of the named aliases
  Number,   // a finite number in [num_min, num_max]
  Boolean,  // true or false
  Choice,   // one of the names in choices
  Text,     // a string of at most int_max characters
};

// A named integer value, e.g. "all" for pool.collect_count = 0.
struct IntAlias {
  std::string_view name;
  std::int64_t value;
};

struct KeySpec {
  std::string_view path;  // dotted path, e.g. "pool.workers"
  KeyType type = KeyType::Integer;
  std::string_view doc;      // what the setting means, for tooltips and help (one or two sentences)
  std::string_view unit;     // "", "ms", "jobs/s", "s", "KiB"
  std::int64_t int_min = 0;  // Integer: smallest value; Text: -
  std::int64_t int_max = 0;  // Integer: largest value; Text: longest length
  double num_min = 0.0;      // Number: smallest value
  double num_max = 0.0;      // Number: largest value
  bool identifier = false;   // Text: only a-z, 0-9, '-' and '_' allowed
  bool multiline = false;    // Text: line breaks and tabs allowed (a program's source)
  std::span<const std::string_view> choices;         // Choice: allowed names
  std::span<const IntAlias> aliases;                 // Integer: named values, written by name
  nlohmann::json (*get)(const Scenario&) = nullptr;  // current value, canonical
  void (*set)(Scenario&, const nlohmann::json&) = nullptr;  // canonical value only

  // "pool" for "pool.workers", "" for top-level keys.
  std::string_view group() const noexcept;
  // "workers" for "pool.workers".
  std::string_view leaf() const noexcept;
  // What is allowed, as the learner reads it: `1..10000`, `"io" or "cpu"`, `true or false`.
  std::string allowed() const;
};

// Every key, in file order.
std::span<const KeySpec> keys() noexcept;

// The key with that dotted path, or nullptr.
const KeySpec* find_key(std::string_view path) noexcept;

// The groups ("pool", "load", "work"), in file order.
std::span<const std::string_view> key_groups() noexcept;

// The canonical value of `value` for `key`, or an Error such as
// `pool.workers: 0 is out of range (allowed 1..10000)`.
Result<nlohmann::json> check_value(const KeySpec& key, const nlohmann::json& value);

// The value of `text` (the right side of --set KEY=VALUE) read as the key's type, then
// checked: "5", "true", "errgroup", "all", "\"quoted text\"".
Result<nlohmann::json> parse_value_text(const KeySpec& key, std::string_view text);

// The value as a file stores it: like get(), but aliased integers by name ("all").
nlohmann::json saved_value(const KeySpec& key, const Scenario& s);

// The candidate nearest to `word` by edit distance, if it is near enough to be a likely
// typo (distance <= max(2, length / 3)).
std::optional<std::string_view> nearest(std::string_view word,
                                        std::span<const std::string_view> candidates);

// Levenshtein distance (insertions, deletions, substitutions).
std::size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace poolscope::scenario
