#include <doctest/doctest.h>

#include <cstdio>

#include "app/gui/model/lessons_dir.hpp"
#include "tests/gui/gui_harness.hpp"

using namespace poolscope;

TEST_CASE("Window: --screenshot writes a PNG of the requested size that is not blank") {
  const std::string path = test::output_path("window_smoke.png");
  std::remove(path.c_str());
  const auto run = test::run_gui("--size 800x600 --screenshot " + path + " --frames 3");
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  const auto image = test::load_png(path);
  CHECK(image.width == 800);
  CHECK(image.height == 600);
  // A blank or single-colour frame has a handful of colours; text and panels
  // drawn with anti-aliasing give many.
  CHECK(test::distinct_colours(image) > 32);
}

TEST_CASE("Window: without a display the app says so and exits non-zero") {
  const auto run = test::run_gui_without_display("--screenshot /dev/null");
  CHECK(run.exit_code != 0);
  CHECK(run.output.find("no display") != std::string::npos);
}

TEST_CASE("Window: a malformed --size is rejected with exit code 2") {
  const auto run = test::run_gui_without_display("--size 12x");
  CHECK(run.exit_code == 2);
  CHECK(run.output.find("WIDTHxHEIGHT") != std::string::npos);
}

TEST_CASE("Window: the app's icon is found at 32, 48 and 128 pixels, each a square PNG") {
  const auto files = gui::find_icon_files();
  REQUIRE(files.size() == 3);
  const int sizes[] = {32, 48, 128};
  for (std::size_t i = 0; i < files.size(); ++i) {
    std::string error;
    const gui::Image icon = gui::read_png(files[i], error);
    INFO(files[i].string(), ": ", error);
    CHECK(error.empty());
    CHECK(icon.width == sizes[i]);
    CHECK(icon.height == sizes[i]);
  }
  std::string error;
  CHECK(gui::read_png(files[0].parent_path(), error).width == 0);  // a folder: a message
  CHECK(error.find("folder") != std::string::npos);
}
