// Screenshot tests of every lesson preset: the real app under Xvfb draws a moment of
// the run, writes the PNG and a record of what the pool view drew; each test checks
// the part of the picture its lesson is about, in the record and in the pixels.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>

#include "app/gui/model/palette.hpp"
#include "tests/gui/gui_harness.hpp"

using namespace poolscope;

namespace {

struct Picture {
  gui::Image image;
  nlohmann::json drawn;
};

Picture shoot(const std::string& name, const std::string& args) {
  const std::string png = test::output_path("picture_" + name + ".png");
  const std::string json = test::output_path("picture_" + name + ".json");
  std::remove(png.c_str());
  std::remove(json.c_str());
  const auto run = test::run_gui("--size 1280x720 --paused --frames 30 --screenshot " + png +
                                 " --picture-report " + json + " " + args);
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  Picture p;
  p.image = test::load_png(png);
  REQUIRE(p.image.width == 1280);
  std::ifstream in(json);
  p.drawn = nlohmann::json::parse(in);
  return p;
}

int cards_with_look(const nlohmann::json& drawn, const std::string& look) {
  int n = 0;
  for (const auto& c : drawn["cards"]) n += c["look"] == look ? 1 : 0;
  return n;
}

// Pixels within `tolerance` of an RGB colour (a state's fill shows as its exact colour).
int pixels_near(const gui::Image& image, std::uint32_t rgb, int tolerance = 6) {
  const int r = static_cast<int>((rgb >> 16) & 0xff), g = static_cast<int>((rgb >> 8) & 0xff),
            b = static_cast<int>(rgb & 0xff);
  int n = 0;
  for (std::size_t i = 0; i + 3 < image.rgba.size(); i += 4) {
    if (std::abs(image.rgba[i] - r) <= tolerance && std::abs(image.rgba[i + 1] - g) <= tolerance &&
        std::abs(image.rgba[i + 2] - b) <= tolerance) {
      ++n;
    }
  }
  return n;
}

// A colour of the dark theme's palette (model/palette.hpp) as 0xRRGGBB.
constexpr std::uint32_t rgb_of(std::uint32_t packed) {
  return (packed & 0xFFu) << 16 | (packed & 0xFF00u) | (packed >> 16 & 0xFFu);
}
std::uint32_t look_rgb(gui::Look look) {
  return rgb_of(gui::look_colour(gui::ThemeId::Dark, look));
}

const std::uint32_t kWorkingGreen = look_rgb(gui::Look::Working);
const std::uint32_t kBlockedVermillion = look_rgb(gui::Look::BlockedSend);
const std::uint32_t kLeakedPurple = look_rgb(gui::Look::Leaked);
const std::uint32_t kDeadlockRed = rgb_of(gui::palette(gui::ThemeId::Dark).deadlock);
const std::uint32_t kResourceOrange = look_rgb(gui::Look::WaitingResource);

}  // namespace

TEST_CASE("Picture: hello-pool shows three working workers, each holding a job token") {
  const Picture p = shoot("hello_pool", "--preset hello-pool --at 0.5");
  CHECK(cards_with_look(p.drawn, "working") == 3);
  CHECK(p.drawn["tokens"].get<int>() >= 3);
  CHECK(p.drawn["banner"] == "");
  CHECK(pixels_near(p.image, kWorkingGreen) > 2000);
}

TEST_CASE("Picture: backpressure shows the sender blocked at the entrance of a full jobs") {
  const Picture p = shoot("backpressure", "--preset backpressure --at 2");
  CHECK(p.drawn["sender_entries"].get<int>() >= 1);
  CHECK(cards_with_look(p.drawn, "blocked sending") >= 1);
  CHECK(pixels_near(p.image, kBlockedVermillion) > 500);
}

TEST_CASE("Picture: unbounded mode summarises 10,000 goroutines instead of drawing cards") {
  const Picture p = shoot("unbounded", "--preset unbounded-vs-pool --at 0.05");
  CHECK(p.drawn["swarm"] == true);
  CHECK(p.drawn["cards"].size() < 10);  // producers and collector only
  CHECK(p.drawn["tokens"].get<int>() < 500);
}

TEST_CASE("Picture: forgot-close marks the workers leaked after main returns") {
  // The lesson runs the handler five times: three workers leak per request.
  const Picture p = shoot("forgot_close", "--preset forgot-close --at 30");
  CHECK(cards_with_look(p.drawn, "leaked") == 15);
  CHECK(p.drawn["banner"] == "15 goroutines leaked");
  CHECK(pixels_near(p.image, kLeakedPurple) > 5000);
}

TEST_CASE("Picture: results-deadlock draws the banner and the wait-for cycle") {
  const Picture p = shoot("results_deadlock", "--preset results-deadlock --at 5");
  CHECK(p.drawn["banner"] == "Deadlock");
  // main waits for each of the three workers and each worker for main: six arrows, all
  // routed clear of the labels and channels.
  CHECK(p.drawn["cycle_arrows"].get<int>() == 6);
  CHECK(p.drawn["arrows_crossing"].get<int>() == 0);
  CHECK(pixels_near(p.image, kDeadlockRed) > 10000);       // the arrows and the banner
  CHECK(pixels_near(p.image, kBlockedVermillion) > 1000);  // the cards, blocked sending
}

TEST_CASE("Picture: size-to-bottleneck shows workers waiting for a database connection") {
  const Picture p = shoot("bottleneck", "--preset size-to-bottleneck --at 0.5");
  CHECK(cards_with_look(p.drawn, "waiting for a connection") >= 1);
  CHECK(pixels_near(p.image, kResourceOrange) > 500);
}

TEST_CASE("Picture: errgroup-limit never draws more working goroutines than the limit") {
  const Picture p = shoot("errgroup", "--preset errgroup-limit --at 0.5");
  const int working = cards_with_look(p.drawn, "working");
  CHECK(working >= 1);
  CHECK(working <= 3);
}

TEST_CASE("Picture: compare mode draws both runs side by side on the same clock") {
  const Picture p = shoot("compare",
                          "--preset unbounded-vs-pool --compare pool.mode=pool "
                          "--compare pool.workers=20 --at 0.05");
  CHECK(p.drawn["swarm"] == true);
  REQUIRE(p.drawn.contains("compare"));
  CHECK(p.drawn["compare"]["swarm"] == false);
  CHECK(cards_with_look(p.drawn["compare"], "working") == 20);
}

TEST_CASE("Picture: a bad --compare setting is rejected with its message") {
  const auto run = test::run_gui("--size 640x480 --compare pool.workers=0 --screenshot /dev/null");
  CHECK(run.exit_code == 2);
  CHECK(run.output.find("pool.workers") != std::string::npos);
}

TEST_CASE(
    "Picture: repainting and showing only what changed gives the same pixels as a full repaint") {
  // 40 frames of a playing run: tokens move, cards change, the timeline grows.
  const std::string args =
      "--size 960x600 --frames 40 --preset backpressure --at 1.5 --compare pool.jobs_buffer=0";
  const std::string tracked = test::output_path("repaint_tracked.png");
  const std::string full = test::output_path("repaint_full.png");
  REQUIRE(test::run_gui(args + " --screenshot " + tracked).exit_code == 0);
  REQUIRE(test::run_gui(args + " --full-repaint --screenshot " + full).exit_code == 0);
  const auto a = test::load_png(tracked);
  const auto b = test::load_png(full);
  REQUIRE(a.width == 960);
  CHECK(a.rgba == b.rgba);

  // And the screen: frames shown by copying only their repainted part to the window
  // leave it the same as the frame.
  const std::string screen = test::output_path("repaint_screen.png");
  REQUIRE(test::run_gui(args + " --from-screen --screenshot " + screen).exit_code == 0);
  const auto c = test::load_png(screen);
  REQUIRE(c.width == 960);
  CHECK(c.rgba == b.rgba);
}

TEST_CASE("Picture: the unbounded lesson's last step puts the pool of 20 beside it") {
  // Page Down three times: from the first step to the last, which asks for a second run.
  const Picture p = shoot("lesson_compare",
                          "--preset unbounded-vs-pool --at 0.01 "
                          "--press pagedown@2,pagedown@4,pagedown@6");
  // Both runs restart together when the second appears (paused here, at t = 0).
  REQUIRE(p.drawn.contains("compare"));
  CHECK(p.drawn["compare"]["swarm"] == false);
}

TEST_CASE("Picture: the legend of looks opens with L and stays closed otherwise") {
  const Picture closed = shoot("legend_closed", "--preset results-deadlock --at 3");
  CHECK(closed.drawn["legend"] == false);
  const Picture open = shoot("legend_open", "--preset results-deadlock --at 3 --press l@5");
  CHECK(open.drawn["legend"] == true);
  // The table draws every look's disc: the leaked purple is in no card of this picture.
  CHECK(pixels_near(closed.image, kLeakedPurple) == 0);
  CHECK(pixels_near(open.image, kLeakedPurple) > 50);
}

TEST_CASE("Picture: on stage a legend row under the picture names the looks in it") {
  const Picture stage =
      shoot("legend_stage", "--stage --scale 2 --theme projector --preset backpressure --at 2.5");
  // backpressure at 2.5 s: the workers work, main waits at the entrance of a full jobs.
  CHECK(stage.drawn["legend_row"] == "working, blocked sending");
  const Picture panels = shoot("legend_panels", "--preset backpressure --at 2.5");
  CHECK(panels.drawn["legend_row"] == "");  // the panels have the Legend button instead
}
