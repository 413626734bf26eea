#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "app/gui/model/compare.hpp"
#include "core/scenario/presets.hpp"

using namespace poolscope;
using namespace poolscope::gui;

namespace {
scenario::Scenario preset(const char* id) { return scenario::find_preset(id).value(); }

// `source` without its line that holds `text`.
std::string without_line(std::string source, const std::string& text) {
  const std::size_t at = source.find(text);
  REQUIRE(at != std::string::npos);
  const std::size_t begin = source.rfind('\n', at) + 1;
  return source.erase(begin, source.find('\n', at) + 1 - begin);
}
}  // namespace

TEST_CASE("Compare: a variant is the left scenario with its settings applied") {
  const auto left = preset("unbounded-vs-pool");
  const std::vector<std::string> sets = {"pool.mode=pool", "pool.workers=7"};
  const auto right = apply_variant(left, sets);
  REQUIRE(right.ok());
  CHECK(right.value().pool.workers == 7);
  CHECK(right.value().load.jobs == left.load.jobs);  // the same load
  CHECK(right.value().seed == left.seed);            // and the same seed
  CHECK(describe_difference(left, right.value()).find("pool.workers 7") != std::string::npos);
  CHECK(describe_difference(left, left) == "same settings");
}

TEST_CASE("Compare: a variant that breaks validation is refused with the key's message") {
  const std::vector<std::string> sets = {"pool.workers=0"};
  const auto right = apply_variant(preset("hello-pool"), sets);
  REQUIRE_FALSE(right.ok());
  CHECK(right.message().find("pool.workers") != std::string::npos);
}

TEST_CASE("Compare: the suggested partner contrasts with the lesson") {
  CHECK(suggested_variant(preset("unbounded-vs-pool")).name == "a pool of 20 workers");
  CHECK(suggested_variant(preset("forgot-close")).name == "with close(jobs)");
  CHECK(suggested_variant(preset("backpressure")).name == "unbuffered jobs");
}

TEST_CASE("Compare: both runs keep one clock through play, steps, restarts and scrubbing") {
  Session left(preset("hello-pool"));
  Session right(
      apply_variant(preset("hello-pool"), std::vector<std::string>{"pool.workers=5"}).value());
  left.playing = false;
  left.speed = 4.0;
  share_clock(left, right, left.now());
  CHECK_FALSE(right.playing);
  CHECK(right.speed == 4.0);

  // A step on the left moves the right to the same moment.
  trace::Time before = left.now();
  left.advance_to_seconds(0.7);
  share_clock(left, right, before);
  CHECK(right.now() == left.now());

  // Scrubbing the left shows the same moment on the right; returning to live, too.
  left.view_at(left.now() / 2);
  share_clock(left, right, left.now());
  REQUIRE(right.scrubbing());
  CHECK(right.view_time() == left.view_time());
  left.live();
  share_clock(left, right, left.now());
  CHECK_FALSE(right.scrubbing());

  // A step back on the left takes the right back to the same moment, paused.
  before = left.now();
  REQUIRE(left.step_back_event());
  REQUIRE(left.now() < before);
  share_clock(left, right, before);
  CHECK(right.now() == left.now());
  CHECK_FALSE(right.playing);

  // A restart of the left (reset, or a changed setting) restarts the right.
  before = left.now();
  left.reset();
  share_clock(left, right, before);
  CHECK(right.now() == 0);
}

TEST_CASE("Compare: a program is compared with another version of itself") {
  const auto left = preset("your-own-pool");
  REQUIRE_FALSE(left.source.empty());
  CHECK(suggested_variant(left).name == "the program in the editor");
  CHECK(compare_variants(left).size() == 1);
  CHECK(describe_difference(left, left) == "the same program");

  // A constant set by name: its line changes, and the description says from what.
  const auto one = apply_variant(left, std::vector<std::string>{"numWorkers=1"});
  REQUIRE(one.ok());
  CHECK(one.value().source.find("numWorkers = 1") != std::string::npos);
  CHECK(describe_difference(left, one.value()) == "numWorkers 1 (A: 3)");

  // Other lines edited besides: their numbers in B.
  scenario::Scenario edited = one.value();
  edited.source = without_line(edited.source, "\tclose(jobs)");
  const std::size_t close_line = static_cast<std::size_t>(
      std::count(left.source.begin(), left.source.begin() + left.source.find("\tclose(jobs)"),
                 '\n'));  // the line before close(jobs)
  CHECK(describe_difference(left, edited) ==
        "numWorkers 1 (A: 3); lines removed after line " + std::to_string(close_line));
  edited.source = one.value().source;
  edited.source.insert(edited.source.find("\tclose(jobs)"), "\t// done\n");
  CHECK(describe_difference(left, edited) ==
        "numWorkers 1 (A: 3); line " + std::to_string(close_line + 1) + " edited");
}

TEST_CASE("Compare: a program's constant that does not exist or does not fit is refused") {
  const auto left = preset("your-own-pool");
  const auto unknown = apply_variant(left, std::vector<std::string>{"numWorker=1"});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.message().find("\"numWorker\" is not a constant of the program") !=
        std::string::npos);
  const auto bad = apply_variant(left, std::vector<std::string>{"numWorkers=\"three\""});
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.message().find("does not compile") != std::string::npos);
}
