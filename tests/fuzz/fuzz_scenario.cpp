// libFuzzer target: the scenario loader on arbitrary file text. A scenario that loads
// must save and load back to itself; any problem must be a short UTF-8 message.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/scenario/scenario_json.hpp"
#include "tests/fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace poolscope;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto loaded = scenario::load_scenario(text);
  if (!loaded) {
    fuzz::check_messages(loaded.message());
    return 0;
  }
  const std::string saved = scenario::save_scenario(loaded.value());
  const auto again = scenario::load_scenario(saved);
  fuzz::require(again.ok(), "a saved scenario does not load", again.message());
  fuzz::require(again.value() == loaded.value(), "save then load changed the scenario", saved);
  return 0;
}
