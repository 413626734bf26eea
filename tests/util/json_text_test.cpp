// The JSON reader every loader uses: limits while parsing, duplicates, every exception
// turned into a message with a position, and short echoes.
#include "core/util/json_text.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace poolscope;
using nlohmann::json;
using nlohmann::ordered_json;

namespace {
template <class Json = ordered_json>
util::JsonError error_of(const std::string& text, const util::JsonLimits& limits = {}) {
  const auto parsed = util::parse_json<Json>(text, limits);
  REQUIRE_FALSE(parsed.ok);
  return parsed.error;
}
}  // namespace

TEST_CASE("JSON text: valid text parses, in file order, with comments") {
  const auto parsed = util::parse_json<ordered_json>(
      "{\"b\": 1, /* c */ \"a\": [true, null, 2.5, \"\xc3\xa9\"], // d\n \"z\": {}}");
  REQUIRE(parsed.ok);
  CHECK(parsed.value.dump() == "{\"b\":1,\"a\":[true,null,2.5,\"\xc3\xa9\"],\"z\":{}}");
  CHECK(util::parse_json<json>("[1, {\"x\": -3}]").value.dump() == "[1,{\"x\":-3}]");
}

TEST_CASE("JSON text: a number beyond a double is an error at the number, not an exception") {
  const auto e = error_of("{\n  \"x\": 1e400}");
  CHECK(e.at.line == 2);
  CHECK(e.at.column == 8);
  CHECK(e.what == "the number 1e400 is too large (numbers go up to about 1.8e308)");
  const auto digits = error_of<json>("[" + std::string(1'000'000, '7') + "]");
  CHECK(digits.what ==
        "the number " + std::string(57, '7') + "... is too large (numbers go up to about 1.8e308)");
}

TEST_CASE("JSON text: nesting deeper than the limit stops the parse where it goes too deep") {
  const std::string deep = std::string(50'000, '[') + std::string(50'000, ']');
  const auto e = error_of(deep);
  CHECK(e.at.column == 65);
  CHECK(e.what == "nested deeper than 64 levels (arrays and objects inside each other)");
  CHECK(util::parse_json<json>(std::string(64, '[') + std::string(64, ']')).ok);
}

TEST_CASE("JSON text: more keys in one object than the limit is an error, found while parsing") {
  std::string text = "{";
  for (int i = 0; i < 200'000; ++i) text += "\"k" + std::to_string(i) + "\": 1,";
  text.back() = '}';
  const auto e = error_of(text);
  CHECK(e.what == "more than 1000 keys in one object (the limit)");
  CHECK(e.at.column == 1 + static_cast<int>(text.find("\"k1000\"")));
}

TEST_CASE("JSON text: a duplicate key names both places") {
  const auto e = error_of("{\"pool\": {\"workers\": 3,\n \"workers\": 5}}");
  CHECK(e.at.line == 2);
  CHECK(e.at.column == 2);
  CHECK(e.what ==
        "duplicate key \"workers\" (first at line 1, column 11); each key may appear once in an "
        "object");
  CHECK(error_of<json>("{\"a\\\"b\": 1, \"a\\\"b\": 2}").at.column == 13);
  // The same key in two objects is fine.
  CHECK(util::parse_json<json>("[{\"a\": 1}, {\"a\": 2}]").ok);
}

TEST_CASE("JSON text: a syntax error inside a huge string is short, with line and column") {
  const std::string text = "{\"title\": \"" + std::string(50'000, 'x') + "\n\"}";
  const auto e = error_of(text);
  CHECK(e.syntax);
  CHECK(e.at.line == 1);
  CHECK(e.at.column == 50'012);
  CHECK(e.what.size() < 300);
  CHECK(
      e.what.starts_with("syntax error while parsing value - invalid string: control character "
                         "U+000A (LF) must be escaped"));
}

TEST_CASE("JSON text: the line and column of a syntax error are those of the bad character") {
  const auto e = error_of("{\n  \"pool\": {\"workers\": 3,}\n}");
  CHECK(e.at.line == 2);
  CHECK(e.at.column == 25);
  CHECK(e.what ==
        "syntax error while parsing object key - unexpected '}'; expected string literal");
  CHECK(error_of("").what ==
        "syntax error while parsing value - unexpected end of input; expected '[', '{', or a "
        "literal");
}

TEST_CASE("JSON text: short_dump never throws on text that is not UTF-8 and stays short") {
  CHECK(util::short_dump(json("a\xff")) == "\"a\xEF\xBF\xBD\"");  // U+FFFD
  CHECK(util::short_dump(json(std::string(10'000'000, 'v'))).size() == 60);
}

TEST_CASE("JSON text: more values in all than the limit is an error, so memory stays bounded") {
  std::string text = "[";
  for (int i = 0; i < 2000; ++i) text += "{},";
  text += "{}]";
  CHECK(error_of(text, {.max_values = 1000}).what == "more than 1000 values in all (the limit)");
  CHECK(util::parse_json<json>(text).ok);
}
