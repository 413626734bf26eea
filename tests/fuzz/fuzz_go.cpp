// libFuzzer target: the Go front end (lexer, parser, checker) on arbitrary source text.
// Every input either checks clean or gets at least one message; each message is short
// printable UTF-8, and a clean program lists its constants without crashing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/golang/check.hpp"
#include "tests/fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace poolscope::golang;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  TypeTable types;
  const CheckResult r = check_program(text, types);
  poolscope::fuzz::require(r.ok == r.diagnostics.empty(), "ok disagrees with the diagnostics");
  poolscope::fuzz::check_messages(format_diagnostics(r.diagnostics));
  if (r.ok) {
    poolscope::fuzz::require(r.file != nullptr, "a clean check without a file");
    for (const ConstInfo& c : main_constants(*r.file, text)) {
      poolscope::fuzz::require(c.begin <= c.end && c.end <= text.size(),
                               "a constant's range is outside the source");
    }
  }
  return 0;
}
