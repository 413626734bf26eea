// Keyboard shortcuts on a real window, driven with --press (scripted key presses) and
// observed through the state line and layout report the app prints.
#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "tests/gui/gui_harness.hpp"

using namespace poolscope;

namespace {
// Runs a screenshot session of `frames` frames with `args` and returns its output.
std::string run_frames(const std::string& name, int frames, const std::string& args) {
  const auto run = test::run_gui("--size 1280x720 --frames " + std::to_string(frames) +
                                 " --layout-report --screenshot " +
                                 test::output_path(name + ".png") + " " + args);
  INFO(run.output);
  CHECK(run.exit_code == 0);
  return run.output;
}

std::string run_keys(const std::string& name, const std::string& args) {
  return run_frames(name, 6, args);
}

bool has(const std::string& output, const std::string& what) {
  return output.find(what) != std::string::npos;
}
}  // namespace

TEST_CASE("Keys: Ctrl + and Ctrl - rescale with fonts re-rasterised, Ctrl 0 resets") {
  const std::string up = run_keys("keys-scale-up", "--press ctrl+equal@2,ctrl+equal@4");
  CHECK(has(up, "state scale=1.5 "));
  CHECK(has(up, " font=24 "));  // the atlas is rebuilt at 16 px x 1.5, not stretched
  const std::string down = run_keys("keys-scale-down", "--scale 2 --press ctrl+minus@2");
  CHECK(has(down, "state scale=1.75 "));
  CHECK(has(down, " font=28 "));
  const std::string reset = run_keys("keys-scale-reset", "--scale 2 --press ctrl+0@2");
  CHECK(has(reset, "state scale=1 "));
  CHECK(has(reset, " font=16 "));
}

TEST_CASE("Keys: T switches the theme live, F5 stage mode, F11 full screen") {
  CHECK(has(run_keys("keys-theme", "--theme dark --press t@2"), "theme=light "));
  CHECK(has(run_keys("keys-theme2", "--theme light --press t@2"), "theme=projector "));
  CHECK(has(run_keys("keys-stage", "--press f5@2"), "stage=1 "));
  const std::string full = run_keys("keys-fullscreen", "--press f11@2");
  CHECK(has(full, "fullscreen=1 size=1920x1080 "));
}

TEST_CASE("Keys: ? opens the shortcut list and Esc closes it") {
  const std::string open = run_keys("keys-help", "--press ?@2");
  CHECK(has(open, "shortcuts=1"));
  CHECK(has(open, "layout overlay:shortcuts "));
  const std::string closed = run_keys("keys-help-closed", "--press ?@2,escape@4");
  CHECK(has(closed, "shortcuts=0"));
}

TEST_CASE("Keys: Space plays, digits open lessons, Page Down moves through the lesson") {
  CHECK(has(run_keys("keys-space", "--press space@2"), "playing=1 "));
  const std::string lesson = run_keys("keys-lesson", "--press 2@2,pagedown@4");
  CHECK(has(lesson, "preset=backpressure step=1 "));
}

TEST_CASE("Keys: a malformed --press is rejected with exit code 2") {
  const auto run = test::run_gui_without_display("--press ctrl+banana@2");
  CHECK(run.exit_code == 2);
  CHECK(has(run.output, "unknown key \"banana\""));
  const auto wheel = test::run_gui_without_display("--press wheel:1:2@3");
  CHECK(wheel.exit_code == 2);
  CHECK(has(wheel.output, "is not wheel:X:Y:DY@FRAME"));
}

TEST_CASE("Lesson pause: the run stops at the scripted moment and the note is in view") {
  // hello-pool pauses at 0.5 s; starting at 0.3 s and playing, 20 frames of 1/60 s cross it:
  // the run stops exactly at 0.5 s, not at the frame after it.
  const auto run = test::run_gui(
      "--size 1920x1080 --scale 2 --theme projector --frames 20 --preset hello-pool --at 0.3 "
      "--play "
      "--layout-report --screenshot " +
      test::output_path("lesson-pause.png"));
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK(has(run.output, "preset=hello-pool step=1 t=0.500000 paused=1 goroutines=4 "));
  // The note's box lies inside the lesson panel (scrolled into view).
  float nx0 = 0, ny0 = 0, nx1 = 0, ny1 = 0, px0 = 0, py0 = 0, px1 = 0, py1 = 0;
  const auto note = run.output.find("layout note ");
  const auto panel = run.output.find("layout panel:lesson ");
  REQUIRE(note != std::string::npos);
  REQUIRE(panel != std::string::npos);
  REQUIRE(std::sscanf(run.output.c_str() + note, "layout note %f %f %f %f", &nx0, &ny0, &nx1,
                      &ny1) == 4);
  REQUIRE(std::sscanf(run.output.c_str() + panel, "layout panel:lesson %f %f %f %f", &px0, &py0,
                      &px1, &py1) == 4);
  CHECK(ny0 >= py0);
  CHECK(ny1 <= py1);
}

TEST_CASE("Lessons: --play stops every lesson exactly at its first paused moment, at 1x and 50x") {
  struct Case {
    const char* preset;
    const char* state;  // what the state line must say
    int frames_1x;      // frames of 1/60 s that cross the moment at 1x (0: only at 50x)
  };
  const Case cases[] = {
      {"hello-pool", "step=1 t=0.500000 paused=1 goroutines=4 ", 40},
      {"backpressure", "step=2 t=2.500000 paused=1 ", 0},
      {"unbounded-vs-pool", "step=1 t=0.050000 paused=1 goroutines=10002 ", 6},
      {"forgot-close", "step=1 t=0.500000 paused=1 ", 0},
      {"results-deadlock", "step=2 t=", 0},
      {"size-to-bottleneck", "step=1 t=0.050000 paused=1 ", 6},
      {"errgroup-limit", "step=1 t=0.500000 paused=1 goroutines=4 ", 0},
      {"queueing", "step=1 t=10.000000 paused=1 ", 0},
  };
  for (const Case& c : cases) {
    CAPTURE(c.preset);
    // 20 frames of 1/60 s at 50x cross 16 s of the run: past every first pause.
    const std::string fast = run_frames(std::string("play50-") + c.preset, 20,
                                        std::string("--preset ") + c.preset + " --play --speed 50");
    CHECK(has(fast, c.state));
    CHECK(has(fast, "paused=1 "));
    if (c.frames_1x == 0) continue;
    const std::string slow = run_frames(std::string("play1-") + c.preset, c.frames_1x,
                                        std::string("--preset ") + c.preset + " --play");
    CHECK(has(slow, c.state));
  }
}

TEST_CASE("Lessons: the app opens paused on step 1 with a prompt to press Play") {
  const std::string out = run_keys("first-use", "--preset backpressure");
  CHECK(has(out, "preset=backpressure step=0 t=0.000000 paused=1 "));
  CHECK(has(out, "layout prompt:play "));
  CHECK(has(out, "Press Play (Space) to start"));
  // Opening another lesson (key 8) opens it on its first step, paused, with the prompt.
  const std::string other = run_keys("open-queueing", "--preset hello-pool --play --press 8@3");
  CHECK(has(other, "preset=queueing step=0 t=0.000000 paused=1 "));
}

TEST_CASE("Code view: it follows the goroutines until the listing is scrolled by hand") {
  // hello-pool at 0.5 s: three workers on line 57, far below the top of the listing.
  const std::string args = "--preset hello-pool --at 0.5";
  const std::string follows = run_keys("code-follow", args);
  CHECK(has(follows, " follow=1 "));
  CHECK(has(follows, "layout marker "));  // scrolled to where the goroutines are
  // The wheel over the listing (x 1100, y 560 at 1280x720; the folded listing ends a few
  // lines below line 57, so the wheel turns up) scrolls it and stops following; the same
  // wheel over the controls panel changes nothing.
  const std::string scrolled = run_keys("code-scrolled", args + " --press wheel:1100:560:3@4");
  CHECK(has(scrolled, " follow=0 "));
  const std::string elsewhere = run_keys("code-elsewhere", args + " --press wheel:300:560:3@4");
  CHECK(has(elsewhere, " follow=1 "));
}

namespace {
// The box of the first layout item named `name` (all zero when there is none).
struct Box {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string text{};
};

std::vector<Box> boxes(const std::string& output, const std::string& name) {
  std::vector<Box> out;
  const std::string key = "layout " + name + " ";
  for (auto at = output.find(key); at != std::string::npos; at = output.find(key, at + 1)) {
    Box b;
    char hex[8] = {};
    int used = 0;
    if (std::sscanf(output.c_str() + at + key.size(), "%f %f %f %f #%7s %n", &b.x0, &b.y0, &b.x1,
                    &b.y1, hex, &used) < 5) {
      continue;
    }
    const auto end = output.find('\n', at);
    b.text = output.substr(at + key.size() + static_cast<std::size_t>(used),
                           end - at - key.size() - static_cast<std::size_t>(used));
    out.push_back(b);
  }
  return out;
}
}  // namespace

TEST_CASE("Code view: Right and Left arrows step on and back, and the line just run is marked") {
  // backpressure at 2.5 s, folded listing: the workers sleep in work on main.go's line 58.
  const std::string args = "--preset backpressure --at 2.5";
  const std::string still = run_keys("code-still", args);
  CHECK(boxes(still, "code-just-run").empty());  // nothing stepped yet
  const std::string stepped = run_keys("code-stepped", args + " --press right@2,right@3");
  CHECK(has(stepped, " t=2.600000 "));
  const auto just = boxes(stepped, "code-just-run");
  REQUIRE(just.size() == 1);
  CHECK(just[0].text == "58");
  const auto markers = boxes(stepped, "marker");
  REQUIRE(!markers.empty());
  CHECK(markers[0].text == "58");  // main.go's number, though the measurements are hidden
  // The chip counting goroutines out of view has a strip of its own, off the listing.
  const auto listing = boxes(stepped, "code-listing");
  REQUIRE(listing.size() == 1);
  for (const Box& chip : boxes(stepped, "code-chip")) {
    CAPTURE(chip.text);
    CHECK((chip.y1 <= listing[0].y0 + 1 || chip.y0 >= listing[0].y1 - 1));
  }
  // Left undoes the second step: back at 2.5 s.
  const std::string back = run_keys("code-back", args + " --press right@2,right@3,left@4");
  CHECK(has(back, " t=2.500000 "));
}
