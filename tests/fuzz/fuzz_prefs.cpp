// libFuzzer target: the preferences loader on arbitrary file text. It never fails: any
// text gives preferences within their ranges and at most a short UTF-8 warning.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/gui/model/prefs.hpp"
#include "tests/fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace poolscope;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const gui::LoadedPrefs loaded = gui::parse_prefs(text, "prefs.json");
  fuzz::check_messages(loaded.warning);
  const gui::Prefs& p = loaded.prefs;
  fuzz::require(p.scale >= 0.5f && p.scale <= 4.0f, "scale out of range");
  fuzz::require(p.width == 0 || (p.width >= 320 && p.width <= 7680), "width out of range");
  fuzz::require(p.height == 0 || (p.height >= 240 && p.height <= 4320), "height out of range");
  fuzz::check_messages(p.preset.size() < 5000 ? p.preset : "");
  return 0;
}
