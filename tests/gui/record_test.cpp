// poolscope --record: the real binary under Xvfb, its output checked with ffprobe and by
// hashing the frames.
#include <doctest/doctest.h>

#include <algorithm>
#include <climits>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"
#include "tests/gui/gui_harness.hpp"
#include "tests/support/process.hpp"

using namespace poolscope;
namespace fs = std::filesystem;

namespace {

// ffprobe's view of the first video stream: codec_name, width, height, r_frame_rate,
// nb_read_frames (frames actually decoded).
std::map<std::string, std::string> probe(const std::string& path) {
  std::map<std::string, std::string> fields;
  std::istringstream lines(
      test::run_command(
          "ffprobe -v error -select_streams v:0 -count_frames -show_entries "
          "stream=codec_name,width,height,r_frame_rate,nb_read_frames,pix_fmt -of default=nw=1 '" +
              path + "'",
          test::Stderr::Apart)
          .out);
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

TEST_CASE("Record: repainting only what changed records the same frames as a full repaint") {
  std::vector<std::vector<std::uint64_t>> recordings;
  for (const char* mode : {"", " --full-repaint"}) {
    const std::string out = fresh_output(*mode != 0 ? "record_full_repaint" : "record_damage");
    const auto run = test::run_gui("--record " + out +
                                   " --preset backpressure --duration 1 --size 640x360" + mode);
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    recordings.push_back(frame_hashes(out));
  }
  REQUIRE(recordings[0].size() == 30);
  CHECK(recordings[0] == recordings[1]);
}

TEST_CASE("Record: an H.264 video made from the changed rows only equals a full repaint's") {
  // The recorder reads back and converts only the rows a frame repainted; decoded, the
  // video is the same, frame for frame, as one that reads and converts every row.
  std::vector<std::string> decoded;
  for (const char* mode : {"", " --full-repaint"}) {
    const std::string out = fresh_output(*mode != 0 ? "record_rows_full.mp4" : "record_rows.mp4");
    const auto run = test::run_gui(
        "--record " + out + " --preset backpressure --duration 1 --at 2 --size 640x360" + mode);
    INFO(run.output);
    REQUIRE(run.exit_code == 0);
    decoded.push_back(
        test::run_command("ffmpeg -v error -i '" + out + "' -f framemd5 -", test::Stderr::Apart)
            .out);
  }
  CHECK(std::count(decoded[0].begin(), decoded[0].end(), '\n') > 30);
  CHECK(decoded[0] == decoded[1]);
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
  std::string error;
  auto app = test::start_gui("--record " + out +
                                 " --preset hello-pool --duration 600 --size 640x360 "
                                 "--progress-lines",
                             error);
  REQUIRE_MESSAGE(app != nullptr, error);
  // Once the first frame is written, ffmpeg is running and the video exists in part.
  std::string output;
  // The bounds are for an app that hangs, not timings: the line comes within seconds.
  while (output.find("progress 1 ") == std::string::npos && app->read_available(output)) {
    if (!app->wait_readable(60'000)) break;
  }
  REQUIRE_MESSAGE(output.find("progress 1 ") != std::string::npos, output);
  app->send_signal(SIGTERM);
  while (app->read_available(output) && app->wait_readable(60'000)) {
  }
  const int exit_code = app->wait().exit_code();
  INFO(output);
  CHECK(output.find("recording cancelled after") != std::string::npos);
  CHECK(exit_code == 143);  // 128 + SIGTERM, as a shell reports it
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

namespace {
// The frames of a PNG recording, in order.
std::vector<gui::Image> frames_of(const fs::path& dir) {
  std::vector<gui::Image> frames;
  for (int i = 1;; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "frame_%05d.png", i);
    gui::Image image = test::load_png((dir / name).string());
    if (image.width == 0) break;
    frames.push_back(std::move(image));
  }
  return frames;
}

struct Box {
  int x0 = INT32_MAX, y0 = INT32_MAX, x1 = -1, y1 = -1;  // inclusive; empty when x1 < x0
};

bool same_inside(const gui::Image& a, const gui::Image& b, const Box& box) {
  for (int y = box.y0; y <= box.y1; ++y) {
    const std::size_t i = (static_cast<std::size_t>(y) * a.width + box.x0) * 4;
    if (std::memcmp(&a.rgba[i], &b.rgba[i], static_cast<std::size_t>(box.x1 - box.x0 + 1) * 4) !=
        0) {
      return false;
    }
  }
  return true;
}
}  // namespace

namespace {
// A rectangle of the layout report: "layout NAME X0 Y0 X1 Y1 ..." (the first NAME).
struct Rect {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool found = false;
};
Rect layout_rect(const std::string& output, const std::string& name) {
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string tag, item;
    Rect r;
    if (words >> tag >> item >> r.x0 >> r.y0 >> r.x1 >> r.y1 && tag == "layout" && item == name) {
      r.found = true;
      return r;
    }
  }
  return {};
}
bool overlap(const Rect& a, const Rect& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}
Box to_box(const Rect& r) {
  return {static_cast<int>(r.x0), static_cast<int>(r.y0), static_cast<int>(r.x1) - 1,
          static_cast<int>(r.y1) - 1};
}
}  // namespace

TEST_CASE("Record: --captions burns each narration step in from the frame its moment comes") {
  // hello-pool's lesson: step 1 until 0.5 s, then step 2 (at_s 0.5). At 30 fps frame
  // index 15 is the first at 0.5 s.
  const std::string out = fresh_output("record_captions_on");
  const auto run = test::run_gui("--record " + out +
                                 " --preset hello-pool --duration 0.6 --size 640x360 --captions "
                                 "--layout-report");
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  const auto b = frames_of(out);
  REQUIRE(b.size() == 18);
  // The captions have a band of their own at the bottom, under the picture.
  const Rect band = layout_rect(run.output, "captions");
  const Rect picture = layout_rect(run.output, "video:picture");
  REQUIRE(band.found);
  REQUIRE(picture.found);
  CHECK(band.y1 == 360);
  CHECK(band.y0 > 360 / 2);
  CHECK(picture.y1 <= band.y0);
  // The band holds still while the run moves above it, and changes exactly when the
  // second step's moment comes.
  const Box inside = to_box(band);
  const Box above{0, 0, 639, static_cast<int>(band.y0) - 1};
  CHECK_FALSE(same_inside(b[0], b[14], above));  // the picture does move
  for (int i : {0, 7, 14}) CHECK(same_inside(b[0], b[static_cast<std::size_t>(i)], inside));
  CHECK_FALSE(same_inside(b[14], b[15], inside));
  CHECK(same_inside(b[15], b[17], inside));
}

TEST_CASE(
    "Record: after a deadlock the lesson's remaining steps are captioned and the video "
    "grows") {
  // results-deadlock deadlocks at once; its deadlock step has a note, and "Two fixes"
  // follows, reached with Next only. One second of video cannot hold them: it grows.
  const std::string out = fresh_output("record_captions_deadlock");
  const auto run = test::run_gui("--record " + out +
                                 " --preset results-deadlock --duration 1 --size 640x360 "
                                 "--captions --layout-report");
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  CHECK(run.output.find("+2 steps") != std::string::npos);
  const auto frames = frames_of(out);
  CHECK(frames.size() > 30 * 10);  // the note alone is twelve seconds of reading
  // The last frame captions "Two fixes: ...", under the picture and its Deadlock banner.
  const Rect caption = layout_rect(run.output, "caption");
  REQUIRE(caption.found);
  CHECK(run.output.find("layout caption") != std::string::npos);
  CHECK(run.output.find("Two fixes") != std::string::npos);
  const Rect picture = layout_rect(run.output, "video:picture");
  const Rect band = layout_rect(run.output, "captions");
  CHECK_FALSE(overlap(band, picture));
  // The picture holds the end state while the captions change below it.
  REQUIRE(frames.size() > 60);
  const Box above{0, 0, 639, static_cast<int>(band.y0) - 1};
  CHECK(same_inside(frames[frames.size() - 60], frames.back(), above));
}

TEST_CASE("Record: at 1080p a 720p-sized band fits the text at scale 1.5, the banner above it") {
  const std::string out = fresh_output("record_scale_1080");
  const auto run = test::run_gui("--record " + out +
                                 " --preset results-deadlock --duration 0.5 --size 1920x1080 "
                                 "--captions --layout-report");
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  // The scale comes from the height: 1080 / 720.
  CHECK(run.output.find("scale=1.5") != std::string::npos);
  const Rect band = layout_rect(run.output, "captions");
  const Rect picture = layout_rect(run.output, "video:picture");
  REQUIRE(band.found);
  REQUIRE(picture.found);
  CHECK_FALSE(overlap(band, picture));
  // The picture gets most of the frame.
  CHECK((picture.x1 - picture.x0) * (picture.y1 - picture.y0) > 0.5f * 1920 * 1080);
}

TEST_CASE("Record: --captions for a scenario without a lesson is refused with exit code 2") {
  const std::string scenario_file = test::output_path("record_custom.json");
  scenario::Scenario custom;  // id "custom"
  REQUIRE(scenario::save_scenario_file(custom, scenario_file));
  const std::string out = fresh_output("record_custom.mp4");
  const auto run = test::run_gui("--record " + out + " --scenario " + scenario_file +
                                 " --duration 1 --size 640x360 --captions");
  INFO(run.output);
  CHECK(run.exit_code == 2);
  CHECK(run.output.find("\"custom\" has no lesson") != std::string::npos);
  CHECK_FALSE(fs::exists(out));
}

TEST_CASE("Record: a video frame has no widgets, where the app's window has many") {
  // --mark-widgets paints every widget's frame #FF00FF: a recorded frame shows none of
  // it, while a screenshot of the app (the control) shows buttons, sliders, checkboxes.
  const auto marked = [](const gui::Image& image) {
    int n = 0;
    for (std::size_t i = 0; i + 3 < image.rgba.size(); i += 4) {
      n += image.rgba[i] == 255 && image.rgba[i + 1] == 0 && image.rgba[i + 2] == 255;
    }
    return n;
  };
  const std::string shot = test::output_path("record_widgets_app.png");
  const auto app = test::run_gui(
      "--screenshot " + shot + " --preset backpressure --size 1280x720 --mark-widgets --no-prefs");
  INFO(app.output);
  REQUIRE(app.exit_code == 0);
  CHECK(marked(test::load_png(shot)) > 1000);
  for (const char* extra : {"", " --captions --record-code", " --compare pool.workers=6"}) {
    const std::string out = fresh_output("record_widgets");
    const auto run = test::run_gui("--record " + out +
                                   " --preset backpressure --duration 0.1 --at 3 --size 1280x720 "
                                   "--mark-widgets --layout-report" +
                                   extra);
    INFO(extra, "\n", run.output);
    REQUIRE(run.exit_code == 0);
    const auto frames = frames_of(out);
    REQUIRE(frames.size() == 3);
    CHECK(marked(frames.back()) == 0);
    // No status bar, no controls: none of the app's panels.
    CHECK(run.output.find("layout panel:controls") == std::string::npos);
    CHECK(run.output.find("layout prompt:start") == std::string::npos);
    CHECK(run.output.find("layout video:picture") != std::string::npos);
  }
}

TEST_CASE("Record: both runs of a compare move with the recorder's clock") {
  const std::string out = fresh_output("record_compare");
  const auto run = test::run_gui("--record " + out +
                                 " --preset backpressure --duration 0.5 --size 640x360 "
                                 "--compare pool.workers=6");
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  const auto frames = frames_of(out);
  REQUIRE(frames.size() == 15);
  // Below the title line, each half of the frame is one run's pane.
  const Box left{0, 40, 315, 359};
  const Box right{325, 40, 639, 359};
  CHECK_FALSE(same_inside(frames.front(), frames.back(), left));
  CHECK_FALSE(same_inside(frames.front(), frames.back(), right));
}
