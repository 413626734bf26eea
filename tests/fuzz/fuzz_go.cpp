// libFuzzer target: run-go on arbitrary source text: the front end (lexer, parser,
// checker), then, for a program that checks clean, the interpreter on the simulator,
// within small budgets (steps, virtual time, memory). Every input either checks clean or
// gets at least one message; each message is short printable UTF-8; a clean program
// lists its constants, compiles, and its run ends (any outcome but a compile error).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/golang/check.hpp"
#include "core/golang/interp.hpp"
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
    GoRunOptions options;
    options.max_steps = 20'000;
    options.max_virtual = 2 * poolscope::trace::kSecond;
    options.max_memory = std::int64_t{64} << 20;
    const GoRunResult run = run_go(text, options);
    poolscope::fuzz::require(run.outcome != GoOutcome::CompileError,
                             "a program that checks clean does not compile");
  }
  return 0;
}
