// libFuzzer target: the lesson loader on arbitrary file text. A lesson that loads has at
// least one step and can be played; any problem must be a short UTF-8 message.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/lesson/lesson.hpp"
#include "core/scenario/presets.hpp"
#include "tests/fuzz/fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace poolscope;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto parsed = lesson::parse_lesson(text, "hello-pool.json");
  if (!parsed) {
    fuzz::check_messages(parsed.message());
    return 0;
  }
  const lesson::Lesson& l = parsed.value();
  fuzz::require(!l.steps.empty(), "a lesson without steps loaded");
  fuzz::require(scenario::find_preset(l.preset).ok(), "a lesson with an unknown preset loaded");
  // The player and the question must work on anything the loader accepts.
  lesson::LessonPlayer player;
  for (std::size_t i = 0; i <= l.steps.size(); ++i) player.next(l);
  player.update(l, 0, {});
  (void)lesson::pause_times(l);
  (void)lesson::moment_of(l, l.steps.size());
  const auto variant = lesson::question_scenario(l, scenario::find_preset(l.preset).value());
  fuzz::require(variant.ok(), "a lesson's question variant does not build", variant.message());
  return 0;
}
