#pragma once
// The one way Poolscope parses JSON it did not write itself (scenario files and --set
// values, lesson files, prefs.json): bounded, linear and exception-free.
//
// - parse_json() never throws: every nlohmann exception (syntax errors, numbers beyond
//   a double such as 1e400 or a million digits, anything else) becomes a JsonError with
//   the line and column where it happened.
// - Limits are enforced while parsing, before any value is built, so no later step
//   (conversion, dump(), destruction) recurses deeper than `max_depth` or meets more than
//   `max_keys` keys in one object (or more than `max_values` values in all): deeper
//   nesting or more keys stop the parse with an error. Time is linear in the text (objects are
//   filled without nlohmann's per-key search, which is quadratic for ordered_json).
// - A key that appears twice in one object is an error naming the key and both places,
//   not "the last one wins".
// - `//` and `/* */` comments are allowed when `comments` is true.
// - Messages echo at most a short, printable piece of the input (util::printable).
#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/util/read_file.hpp"

namespace poolscope::util {

struct JsonLimits {
  std::size_t max_depth = 64;    // arrays and objects inside each other; our files need ~8
  std::size_t max_keys = 1'000;  // keys in one object; our files need ~30
  // Values in all (scalars, arrays and objects): bounds the memory of the parsed value,
  // which is up to ~20 times the text's size for "[{},{},...]". Our files need ~500.
  std::size_t max_values = 1'000'000;
  bool comments = true;
  // Record where each key starts (ParsedJson::key_places) for keys in objects at most
  // this deep, reached through objects only: 2 records "pool" and "pool.workers".
  std::size_t key_places_depth = 0;
};

struct JsonError {
  TextPosition at;      // where in the text
  std::string what;     // e.g. "syntax error while parsing value - unexpected '}'"
  bool syntax = false;  // the text is not JSON (as opposed to a limit or a duplicate key)
};

template <class Json>
struct ParsedJson {  // NOLINT(bugprone-exception-escape): implicit members that only move
  Json value;        // null when error is set
  bool ok = false;   // false: see error
  JsonError error;
  // Byte offset of each recorded key by its dotted path (see key_places_depth).
  std::unordered_map<std::string, std::size_t> key_places;
};

// Json is nlohmann::json or nlohmann::ordered_json (explicitly instantiated).
template <class Json>
ParsedJson<Json> parse_json(std::string_view text, const JsonLimits& limits = {});

// value.dump(), made printable and shortened for a message (see printable()); never
// throws, even on strings that are not UTF-8.
std::string short_dump(const nlohmann::json& value, std::size_t max_chars = 60);
std::string short_dump(const nlohmann::ordered_json& value, std::size_t max_chars = 60);

}  // namespace poolscope::util
