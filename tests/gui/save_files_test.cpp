// What the app writes never costs the user a file: PNGs, picture reports and recordings
// on a full disk, a cancelled, failed or killed recording next to an earlier video, and
// the command line's values that cannot mean anything.
#include <doctest/doctest.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "app/gui/platform/platform.hpp"
#include "app/gui/views/view_share.hpp"
#include "tests/gui/gui_harness.hpp"
#include "tests/support/disk_full.hpp"
#include "tests/support/scratch_files.hpp"

using namespace poolscope;
namespace fs = std::filesystem;

using poolscope::test::read;
using poolscope::test::scratch;
using poolscope::test::write;

namespace {
// The names in `dir`, sorted, space-separated.
std::string listing(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : " ") + name;
  return out;
}

// Starts a long recording into `out` and reads its output until `frames` are written.
std::unique_ptr<gui::ChildProcess> start_recording(const fs::path& out, int frames,
                                                   std::string& output) {
  std::string error;
  auto app = test::start_gui("--record " + out.string() +
                                 " --preset hello-pool --duration 600 --size 640x360 "
                                 "--progress-lines",
                             error);
  REQUIRE_MESSAGE(app != nullptr, error);
  const std::string line = "progress " + std::to_string(frames) + " ";
  // The bounds are for an app that hangs, not timings: the line comes within seconds.
  while (output.find(line) == std::string::npos && app->read_available(output)) {
    if (!app->wait_readable(60'000)) break;
  }
  REQUIRE_MESSAGE(output.find(line) != std::string::npos, output);
  return app;
}

int wait_for_end(gui::ChildProcess& app, std::string& output) {
  while (app.read_available(output) && app.wait_readable(60'000)) {
  }
  return app.wait().exit_code();
}
}  // namespace

TEST_CASE("Save files: a PNG on a full disk is an error and the old PNG stays whole") {
  const fs::path dir = scratch("save_png_full");
  gui::Image image;
  image.width = 4;
  image.height = 2;
  image.rgba.assign(4 * 2 * 4, 200);
  REQUIRE(gui::write_png((dir / "a.png").string(), image).empty());
  const std::string before = read(dir / "a.png");
  image.rgba.assign(4 * 2 * 4, 10);
  std::string failure;
  {
    const test::DiskFullAfter full(16);
    failure = gui::write_png((dir / "a.png").string(), image);
  }
  CHECK(failure == "cannot write " + (dir / "a.png").string() +
                       ": No space left on device; the old file is unchanged");
  CHECK(read(dir / "a.png") == before);
  CHECK(listing(dir) == "a.png");
  // F12's notice says so, as an error.
  gui::ShareState state;
  gui::screenshot_written(state, "a.png", failure);
  CHECK(state.notice == "Screenshot not saved: " + failure);
  CHECK(state.notice_is_error);
}

TEST_CASE("Save files: --screenshot and --picture-report on a full disk exit 1, the old PNG kept") {
  const fs::path dir = scratch("save_screenshot_full");
  write(dir / "shot.png", "an earlier screenshot");
  test::Run run;
  {
    const test::DiskFullAfter full(100);
    run = test::run_gui("--preset hello-pool --size 640x480 --frames 2 --screenshot " +
                        (dir / "shot.png").string());
  }
  INFO(run.output);
  CHECK(run.exit_code == 1);
  CHECK(run.output.find("No space left on device; the old file is unchanged") != std::string::npos);
  CHECK(read(dir / "shot.png") == "an earlier screenshot");
  // /dev/full, a real device that is always full: written in place, and the error seen.
  for (const std::string& args :
       {std::string("--screenshot /dev/full"),
        "--screenshot " + (dir / "new.png").string() + " --picture-report /dev/full"}) {
    run = test::run_gui("--preset hello-pool --size 640x480 --frames 2 " + args);
    INFO(args, "\n", run.output);
    CHECK(run.exit_code == 1);
    CHECK(run.output.find("cannot write /dev/full: No space left on device") != std::string::npos);
  }
}

TEST_CASE("Save files: a cancelled recording leaves an earlier video of that name untouched") {
  const fs::path dir = scratch("save_record_cancel");
  const fs::path out = dir / "lesson.mp4";
  write(out, "an earlier video");
  std::string output;
  auto app = start_recording(out, 3, output);
  // Meanwhile ffmpeg writes a hidden temporary beside it, with the extension kept.
  CHECK(read(out) == "an earlier video");
  const std::string during = listing(dir);
  CHECK(during.rfind(".lesson.partial-", 0) == 0);
  CHECK(during.find(".mp4 lesson.mp4") != std::string::npos);
  app->send_signal(SIGTERM);
  const int exit_code = wait_for_end(*app, output);
  INFO(output);
  CHECK(exit_code == 143);  // 128 + SIGTERM
  CHECK(read(out) == "an earlier video");
  CHECK(listing(dir) == "lesson.mp4");
}

TEST_CASE("Save files: a killed recorder leaves no short video under the final name") {
  const fs::path dir = scratch("save_record_kill");
  const fs::path out = dir / "lesson.mp4";
  std::string output;
  auto app = start_recording(out, 5, output);
  app->send_signal(SIGKILL);
  wait_for_end(*app, output);
  // ffmpeg, in its own process group, sees its input end and completes what it has:
  // the hidden temporary, never lesson.mp4.
  std::this_thread::sleep_for(std::chrono::seconds(2));
  CHECK_FALSE(fs::exists(out));
  CHECK(listing(dir).rfind(".lesson.partial-", 0) == 0);
}

TEST_CASE("Save files: a failed recording keeps the earlier video, a finished one replaces it") {
  const fs::path dir = scratch("save_record_fail");
  const fs::path out = dir / "lesson.mp4";
  write(out, "an earlier video");
  setenv("POOLSCOPE_FFMPEG", "/bin/false", 1);  // an encoder that fails at once
  auto run = test::run_gui("--record " + out.string() +
                           " --preset hello-pool --duration 1 --size 640x360");
  unsetenv("POOLSCOPE_FFMPEG");
  INFO(run.output);
  CHECK(run.exit_code == 1);
  CHECK(read(out) == "an earlier video");
  CHECK(listing(dir) == "lesson.mp4");
  run = test::run_gui("--record " + out.string() +
                      " --preset hello-pool --duration 0.5 --size 640x360");
  INFO(run.output);
  CHECK(run.exit_code == 0);
  CHECK(read(out).substr(4, 4) == "ftyp");  // an MP4 now
  CHECK(listing(dir) == "lesson.mp4");
}

TEST_CASE("Save files: --record into a folder that holds files is refused, and they are kept") {
  const fs::path dir = scratch("save_record_frames");
  write(dir / "frame_00001.png", "an earlier frame");
  for (const char* ffmpeg : {"", "/nonexistent/ffmpeg"}) {
    if (*ffmpeg != '\0') setenv("POOLSCOPE_FFMPEG", ffmpeg, 1);
    const auto run = test::run_gui("--record " + dir.string() +
                                   " --preset hello-pool --duration 0.2 --size 640x360");
    unsetenv("POOLSCOPE_FFMPEG");
    INFO(run.output);
    CHECK(run.exit_code == 2);
    CHECK(run.output.find("is not empty") != std::string::npos);
    CHECK(listing(dir) == "frame_00001.png");
    CHECK(read(dir / "frame_00001.png") == "an earlier frame");
  }
  // A new folder gets every frame, at once, when the recording is complete.
  const fs::path frames = dir.parent_path() / "save_record_frames_new";
  fs::remove_all(frames);
  setenv("POOLSCOPE_FFMPEG", "/nonexistent/ffmpeg", 1);
  auto run = test::run_gui("--record " + frames.string() +
                           " --preset hello-pool --duration 0.2 --size 640x360");
  INFO(run.output);
  CHECK(run.exit_code == 0);
  CHECK(listing(frames) ==
        "frame_00001.png frame_00002.png frame_00003.png frame_00004.png frame_00005.png "
        "frame_00006.png");
  // PNG frames on a full disk: an error, and no folder of some frames.
  fs::remove_all(frames);
  {
    const test::DiskFullAfter full(1'000);
    run = test::run_gui("--record " + frames.string() +
                        " --preset hello-pool --duration 0.2 --size 640x360");
  }
  unsetenv("POOLSCOPE_FFMPEG");
  INFO(run.output);
  CHECK(run.exit_code == 1);
  CHECK(run.output.find("No space left on device") != std::string::npos);
  CHECK_FALSE(fs::exists(frames));
  CHECK(listing(dir.parent_path()).find(".save_record_frames_new.partial-") == std::string::npos);
}

TEST_CASE("Save files: values that cannot mean anything are refused with exit code 2") {
  struct Case {
    const char* args;
    const char* message;
  };
  for (const Case& c : {
           Case{"--scale nan", "--scale: nan is not a finite number"},
           Case{"--scale inf", "--scale: inf is not a finite number"},
           Case{"--scale 0", "--scale"},
           Case{"--speed nan", "--speed: nan is not a finite number"},
           Case{"--speed -1", "--speed"},
           Case{"--at nan", "--at: nan is not a finite number"},
           Case{"--at -1", "--at"},
           Case{"--record x.mp4 --duration inf", "--duration: inf is not a finite number"},
           Case{"--record x.mp4 --duration nan", "--duration: nan is not a finite number"},
           Case{"--record ''", "--record: the value is empty"},
           Case{"--record '' --duration 1", "--record: the value is empty"},
           Case{"--scenario ''", "--scenario: the value is empty"},
           Case{"--preset ''", "--preset: the value is empty"},
           Case{"--screenshot ''", "--screenshot: the value is empty"},
           Case{"--size ''", "--size: the value is empty"},
           Case{"--size 0x0", "out of range"},
           Case{"--size 99999x99999", "out of range"},
           Case{"--frames -1", "--frames"},
           Case{"--frames 0", "--frames"},
           Case{"--picture-report r.json", "--picture-report requires --screenshot"},
       }) {
    const auto run = test::run_gui_without_display(c.args);
    INFO(c.args, "\n", run.output);
    CHECK(run.exit_code == 2);
    CHECK(run.output.find(c.message) != std::string::npos);
  }
}
