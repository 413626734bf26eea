// A long jump spans frames when there is a work budget (the interactive window's): frames
// keep being drawn while it runs, and the picture after it is the picture of a direct run.
// --slice-steps gives --screenshot the budget in engine steps, so the test is exact.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>

#include "tests/gui/gui_harness.hpp"

using namespace poolscope;

namespace {

// 20,000 jobs of 1 ms: a jump to 1.5 s is about 100,000 engine steps.
const std::string kRun =
    "--no-prefs --size 1280x720 --preset hello-pool --set load.jobs=20000 --set work.mean_ms=1 "
    "--set pool.collect=producer_goroutine --at 1.5";

int frames_during_jumps(const std::string& output) {
  const std::string key = "frames drawn during jumps: ";
  const auto at = output.find(key);
  return at == std::string::npos ? -1 : std::stoi(output.substr(at + key.size()));
}

void same_picture(const std::string& args, const std::string& name) {
  const std::string direct = test::output_path(name + "_direct.png");
  const std::string sliced = test::output_path(name + "_sliced.png");
  std::remove(direct.c_str());
  std::remove(sliced.c_str());
  const auto a = test::run_gui(args + " --screenshot " + direct);
  INFO(a.output);
  REQUIRE(a.exit_code == 0);
  CHECK(frames_during_jumps(a.output) == -1);  // no budget: --at was done before frame 1
  const auto b = test::run_gui(args + " --slice-steps 300 --screenshot " + sliced);
  INFO(b.output);
  REQUIRE(b.exit_code == 0);
  // The jump went on over many frames, each drawn (before: --at held the first frame).
  CHECK(frames_during_jumps(b.output) > 10);
  const gui::Image pa = test::load_png(direct);
  const gui::Image pb = test::load_png(sliced);
  REQUIRE(pa.width == 1280);
  REQUIRE(pb.width == pa.width);
  REQUIRE(pb.height == pa.height);
  CHECK(pa.rgba == pb.rgba);  // the same picture, pixel for pixel
}

}  // namespace

TEST_CASE("Jump: --at in slices keeps drawing frames and ends on the direct run's picture") {
  same_picture(kRun, "jump_at");
}

TEST_CASE("Jump: compare's second run in slices ends on the direct run's picture") {
  same_picture(kRun + " --compare pool.workers=6", "jump_compare");
}
