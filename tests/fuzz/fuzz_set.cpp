// libFuzzer target: --set KEY=VALUE parsing. The input is one assignment per line,
// applied in order to the default scenario and then validated, as the CLI does.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario/scenario_json.hpp"
#include "tests/fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace poolscope;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<std::string> assignments;
  while (!text.empty() && assignments.size() < 64) {
    const auto end = text.find('\n');
    assignments.emplace_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  scenario::Scenario s;
  const auto status = scenario::apply_overrides(s, assignments);
  if (!status) {
    fuzz::check_messages(status.message());
    fuzz::require(s == scenario::Scenario{}, "a failed --set changed the scenario");
    return 0;
  }
  fuzz::require(scenario::validate(s).empty(), "--set accepted an invalid scenario");
  const auto again = scenario::load_scenario(scenario::save_scenario(s));
  fuzz::require(again.ok() && again.value() == s, "a --set scenario does not save and load back",
                again.message());
  return 0;
}
