// strconv, strings, math and time.Duration.String against real Go: every expected text in
// lib_cases.inc is go1.19.8's output for the same call (gen_lib_cases.py writes the Go
// program, runs it and writes the checks). The helpers print results as the Go program's
// helpers of the same names do.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "core/golang/lib_math.hpp"
#include "core/golang/lib_strconv.hpp"
#include "core/golang/lib_strings.hpp"
#include "core/golang/lib_time_format.hpp"

namespace poolscope::golang {
namespace {

using namespace std::literals;

std::string go_error(const std::string& e) { return e.empty() ? "<nil>" : e; }
std::string fl(double v) { return format_float(v, 'g', -1, 64); }
std::string pi(const Parsed<std::int64_t>& p) {
  return fmt::format("{}|{}", p.value, go_error(p.error));
}
std::string pu(const Parsed<std::uint64_t>& p) {
  return fmt::format("{}|{}", p.value, go_error(p.error));
}
std::string pf(const Parsed<double>& p) { return fl(p.value) + "|" + go_error(p.error); }
std::string pb(const Parsed<bool>& p) { return fmt::format("{}|{}", p.value, go_error(p.error)); }
// Go's fmt.Sprintf("%d%q", len(v), v).
std::string ps(const std::vector<std::string>& v) {
  std::string out = std::to_string(v.size()) + "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i > 0 ? " " : "") + quote(v[i]);
  return out + "]";
}

TEST_CASE("lib: strconv, strings, math and Duration.String answer as go1.19 does"){
#include "tests/golang/lib_cases.inc"
}

TEST_CASE("lib: decode_rune rejects what unicode/utf8 rejects") {
  CHECK(decode_rune("\xc0\x80"sv).width == 1);                  // overlong
  CHECK(decode_rune("\xed\xa0\x80"sv).rune == kRuneError);      // surrogate
  CHECK(decode_rune("\xf4\x90\x80\x80"sv).rune == kRuneError);  // past U+10FFFF
  CHECK(decode_rune("\xe2\x82\xac"sv).rune == 0x20AC);
  CHECK(decode_rune("\xe2\x82\xac"sv).width == 3);
  CHECK(rune_count("h\xc3\xa9llo\xff"sv) == 6);
  CHECK(is_print(0x20AC));
  CHECK_FALSE(is_print(0xAD));
}

}  // namespace
}  // namespace poolscope::golang
