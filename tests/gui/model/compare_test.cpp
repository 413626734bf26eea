#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "app/gui/model/compare.hpp"
#include "core/scenario/presets.hpp"

using namespace poolscope;
using namespace poolscope::gui;

namespace {
scenario::Scenario preset(const char* id) { return scenario::find_preset(id).value(); }
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
