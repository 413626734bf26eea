// poolscope --record: the real binary under Xvfb, its output checked with ffprobe and by
// hashing the frames.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"
#include "tests/gui/gui_harness.hpp"

using namespace poolscope;
namespace fs = std::filesystem;

namespace {

// Runs a shell command; its stdout (and stderr, with `merge`).
std::string shell(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) {
    out += buffer.data();
  }
  pclose(pipe);
  return out;
}

// ffprobe's view of the first video stream: codec_name, width, height, r_frame_rate,
// nb_read_frames (frames actually decoded).
std::map<std::string, std::string> probe(const std::string& path) {
  std::map<std::string, std::string> fields;
  std::istringstream lines(shell(
      "ffprobe -v error -select_streams v:0 -count_frames -show_entries "
      "stream=codec_name,width,height,r_frame_rate,nb_read_frames,pix_fmt -of default=nw=1 '" +
      path + "'"));
  for (std::string line; std::getline(lines, line);) {
    const auto eq = line.find('=');
    if (eq != std::string::npos) fields[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return fields;
}

// FNV-1a of each frame's size and pixels, in frame order.
std::vector<std::uint64_t> frame_hashes(const fs::path& dir) {
  std::vector<std::uint64_t> hashes;
  for (int i = 1;; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%05d.png", i);
    const gui::Image image = test::load_png((dir / name).string());
    if (image.width == 0) break;
    std::uint64_t h = 1469598103934665603ull;
    const auto mix = [&h](std::uint8_t byte) { h = (h ^ byte) * 1099511628211ull; };
    for (int v : {image.width, image.height}) {
      for (int b = 0; b < 4; ++b) mix(static_cast<std::uint8_t>(v >> (8 * b)));
    }
    for (std::uint8_t byte : image.rgba) mix(byte);
    hashes.push_back(h);
  }
  return hashes;
}

std::string fresh_output(const std::string& name) {
  const std::string path = test::output_path(name);
  fs::remove_all(path);
  return path;
}

}  // namespace

TEST_CASE("Record: two seconds of a preset at 30 fps give an H.264 video of 60 frames") {
  const std::string out = fresh_output("record_hello.mp4");
  const auto run = test::run_gui("--record " + out +
                                 " --preset hello-pool --duration 2 --fps 30 --size 640x360");
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK(run.output.find("60 frames") != std::string::npos);
  auto video = probe(out);
  CHECK(video["codec_name"] == "h264");
  CHECK(video["width"] == "640");
  CHECK(video["height"] == "360");
  CHECK(video["r_frame_rate"] == "30/1");
  CHECK(video["nb_read_frames"] == "60");
  CHECK(video["pix_fmt"] == "yuv420p");
}

TEST_CASE("Record: two recordings of one scenario file have identical frames that change") {
  const std::string scenario_file = test::output_path("record_backpressure.json");
  REQUIRE(
      scenario::save_scenario_file(scenario::find_preset("backpressure").value(), scenario_file));
  std::vector<std::vector<std::uint64_t>> recordings;
  for (const char* name : {"record_same_a", "record_same_b"}) {
    const std::string out = fresh_output(name);
    const auto run = test::run_gui("--record " + out + " --scenario " + scenario_file +
                                   " --duration 1 --size 640x360 --speed 2");
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    recordings.push_back(frame_hashes(out));
  }
  REQUIRE(recordings[0].size() == 30);
  CHECK(recordings[0] == recordings[1]);
  // Not a still picture: the run moves, so the first and last frames differ.
  CHECK(recordings[0].front() != recordings[0].back());
}

TEST_CASE("Record: a .gif is a palette GIF holding every frame at the asked size") {
  const std::string out = fresh_output("record_hello.gif");
  const auto run =
      test::run_gui("--record " + out + " --preset hello-pool --duration 1 --size 640x360");
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  auto gif = probe(out);
  CHECK(gif["codec_name"] == "gif");
  CHECK(gif["width"] == "640");
  CHECK(gif["height"] == "360");
  CHECK(gif["nb_read_frames"] == "30");
  CHECK(gif["pix_fmt"] == "bgra");  // paletted GIF frames decode to bgra in ffmpeg 5
}

TEST_CASE("Record: without ffmpeg the app says so and writes PNG frames instead") {
  const std::string out = test::output_path("record_noffmpeg.mp4");
  const std::string frames = fresh_output("record_noffmpeg_frames");
  fs::remove(out);
  setenv("POOLSCOPE_FFMPEG", "/nonexistent/ffmpeg", 1);
  const auto run =
      test::run_gui("--record " + out + " --preset hello-pool --duration 0.2 --size 640x360");
  unsetenv("POOLSCOPE_FFMPEG");
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK(run.output.find("ffmpeg was not found") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
  CHECK(frame_hashes(frames).size() == 6);
}

TEST_CASE("Record: SIGTERM stops a recording between frames and removes the partial video") {
  const std::string out = fresh_output("record_cancelled.mp4");
  const std::string command =
      std::string(POOLSCOPE_XVFB_RUN) +
      " -a -s '-screen 0 1920x1080x24' timeout --preserve-status -s TERM 3 " +
      POOLSCOPE_GUI_BINARY + " --record " + out +
      " --preset hello-pool --duration 600 --size 640x360 2>&1; echo \"exit=$?\"";
  const std::string output = shell("env ASAN_OPTIONS=\"$ASAN_OPTIONS:detect_leaks=0\" " + command);
  INFO(output);
  CHECK(output.find("recording cancelled after") != std::string::npos);
  CHECK(output.find("exit=130") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("Record: options that cannot be recorded are rejected with exit code 2") {
  struct Case {
    const char* args;
    const char* message;
  };
  for (const Case& c : {
           Case{"--record x.mp4 --duration 1 --size 641x360", "even width and height"},
           Case{"--record x.gif --duration 1 --fps 60", "cannot play 60 frames"},
           Case{"--record x.mp4 --duration 1 --fps 24", "--fps"},
           Case{"--record x.mp4", "--duration"},
           Case{"--record x.mp4 --duration 0.001", "shorter than one frame"},
           Case{"--duration 2", "--record"},
           Case{"--record x.mp4 --duration 1 --preset no-such-lesson", "no-such-lesson"},
       }) {
    const auto run = test::run_gui_without_display(c.args);
    INFO(c.args, "\n", run.output);
    CHECK(run.exit_code == 2);
    CHECK(run.output.find(c.message) != std::string::npos);
  }
}
