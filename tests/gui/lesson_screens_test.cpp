// Lessons on screen: every lesson at scale 2 in the projector theme, stage mode, a broken
// lesson file and broken preferences, checked on the screenshot through the layout
// report the app prints (`--layout-report`).
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/gui/model/look.hpp"
#include "tests/gui/gui_harness.hpp"

using namespace poolscope;

namespace {

struct Item {
  std::string name{};
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int r = 0, g = 0, b = 0;
  std::string text{};
};

std::vector<Item> parse_report(const std::string& output) {
  std::vector<Item> items;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.starts_with("layout ")) continue;
    Item it;
    char hex[8] = {};
    char name[64] = {};
    int used = 0;
    if (std::sscanf(line.c_str(), "layout %63s %f %f %f %f #%7s %n", name, &it.x0, &it.y0, &it.x1,
                    &it.y1, hex, &used) < 6) {
      continue;
    }
    it.name = name;
    const unsigned long rgb = std::strtoul(hex, nullptr, 16);
    it.r = static_cast<int>((rgb >> 16) & 0xFF);
    it.g = static_cast<int>((rgb >> 8) & 0xFF);
    it.b = static_cast<int>(rgb & 0xFF);
    if (used > 0 && static_cast<std::size_t>(used) <= line.size()) it.text = line.substr(used);
    items.push_back(it);
  }
  return items;
}

std::vector<Item> named(const std::vector<Item>& items, const std::string& prefix) {
  std::vector<Item> out;
  for (const auto& i : items) {
    if (i.name.starts_with(prefix)) out.push_back(i);
  }
  return out;
}

bool inside(const Item& a, const Item& outer, float slack = 1.0f) {
  return a.x0 >= outer.x0 - slack && a.y0 >= outer.y0 - slack && a.x1 <= outer.x1 + slack &&
         a.y1 <= outer.y1 + slack;
}

bool overlap(const Item& a, const Item& b) {
  const float w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
  const float h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return w > 1.0f && h > 1.0f;
}

// Pixels of `image` inside `it` within `tolerance` of the item's colour.
int pixels_like(const gui::Image& image, const Item& it, int tolerance) {
  int n = 0;
  for (int y = std::max(0, static_cast<int>(it.y0));
       y < std::min(image.height, static_cast<int>(it.y1)); ++y) {
    for (int x = std::max(0, static_cast<int>(it.x0));
         x < std::min(image.width, static_cast<int>(it.x1)); ++x) {
      const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width) +
                             static_cast<std::size_t>(x)) *
                            4;
      if (std::abs(image.rgba[i] - it.r) <= tolerance &&
          std::abs(image.rgba[i + 1] - it.g) <= tolerance &&
          std::abs(image.rgba[i + 2] - it.b) <= tolerance) {
        ++n;
      }
    }
  }
  return n;
}

float area(const Item& it) { return (it.x1 - it.x0) * (it.y1 - it.y0); }

// The panels lie inside the window and do not overlap one another.
void check_panels(const std::vector<Item>& items, int width, int height) {
  const Item window{"window", 0, 0, static_cast<float>(width), static_cast<float>(height)};
  const auto panels = named(items, "panel:");
  REQUIRE(panels.size() >= 2);
  for (std::size_t i = 0; i < panels.size(); ++i) {
    CAPTURE(panels[i].name);
    CHECK(inside(panels[i], window));
    CHECK(area(panels[i]) > 0);
    for (std::size_t j = i + 1; j < panels.size(); ++j) {
      CAPTURE(panels[j].name);
      CHECK_FALSE(overlap(panels[i], panels[j]));
    }
  }
}

// The narration is drawn, inside its panel (not cut off), in the text colour.
void check_narration(const std::vector<Item>& items, const gui::Image& image, const char* panel) {
  const auto narration = named(items, "narration");
  REQUIRE(narration.size() == 1);
  const auto lesson = named(items, panel);
  REQUIRE(lesson.size() == 1);
  CHECK(area(narration[0]) > 0);
  CHECK(inside(narration[0], lesson[0]));
  // Anti-aliased glyphs at scale 2 have solid cores in the text colour.
  CHECK(pixels_like(image, narration[0], 40) > 200);
}

struct Shot {
  test::Run run;
  std::vector<Item> items;
  gui::Image image;
};

Shot shoot(const std::string& name, const std::string& args) {
  Shot shot;
  const std::string path = test::output_path(name + ".png");
  std::remove(path.c_str());
  shot.run = test::run_gui(args + " --screenshot " + path + " --layout-report");
  shot.items = parse_report(shot.run.output);
  shot.image = test::load_png(path);
  return shot;
}

struct LessonCase {
  const char* preset;
  double at_s;
};

}  // namespace

TEST_CASE(
    "Lesson screens: every lesson at scale 2 in the projector theme shows its narration "
    "and code markers") {
  for (const LessonCase c :
       {LessonCase{"hello-pool", 0.5}, LessonCase{"backpressure", 2.5},
        LessonCase{"unbounded-vs-pool", 0.05}, LessonCase{"forgot-close", 0.5},
        LessonCase{"results-deadlock", 0.35}, LessonCase{"size-to-bottleneck", 0.05},
        LessonCase{"errgroup-limit", 0.5}}) {
    CAPTURE(c.preset);
    const Shot shot = shoot(std::string("lesson-") + c.preset,
                            std::string("--size 1920x1080 --scale 2 --theme projector --frames 3 "
                                        "--paused --preset ") +
                                c.preset + " --at " + std::to_string(c.at_s));
    INFO(shot.run.output);
    REQUIRE(shot.run.exit_code == 0);
    REQUIRE(shot.image.width == 1920);
    check_panels(shot.items, 1920, 1080);
    check_narration(shot.items, shot.image, "panel:lesson");
    CHECK(shot.run.output.find("lesson:") == std::string::npos);  // no lesson problems

    // Markers: at least one, each inside the visible listing, filled with its state colour.
    const auto listing = named(shot.items, "code-listing");
    REQUIRE(listing.size() == 1);
    const auto markers = named(shot.items, "marker");
    REQUIRE(!markers.empty());
    for (const Item& m : markers) {
      CAPTURE(m.text);
      CHECK(inside(m, listing[0]));
      CHECK(pixels_like(shot.image, m, 12) > area(m) * 0.3f);
    }
  }
}

TEST_CASE("Lesson screens: at scale 2 a 1280x720 window shows the stage, with a hint") {
  // 640 x 360 logical pixels cannot hold every panel (the jobs channel's frame got so small
  // that its layout indexed an empty grid): the app shows the stage instead.
  const Shot shot = shoot("normal-scale2-small",
                          "--size 1280x720 --scale 2 --theme projector "
                          "--frames 3 --paused --preset backpressure --at 2.5");
  INFO(shot.run.output);
  REQUIRE(shot.run.exit_code == 0);
  check_panels(shot.items, 1280, 720);
  check_narration(shot.items, shot.image, "panel:stage-lesson");
  CHECK(named(shot.items, "hint:cramped").size() == 1);
  CHECK(shot.run.output.find("stage=0") != std::string::npos);  // the preference is unchanged
}

TEST_CASE("Lesson screens: stage mode at scale 2 gives the pool most of a 1280x720 window") {
  const Shot shot = shoot("stage-scale2",
                          "--size 1280x720 --scale 2 --theme projector --stage "
                          "--frames 3 --paused --preset backpressure --at 2.5");
  INFO(shot.run.output);
  REQUIRE(shot.run.exit_code == 0);
  CHECK(shot.run.output.find("stage=1") != std::string::npos);
  check_panels(shot.items, 1280, 720);
  check_narration(shot.items, shot.image, "panel:stage-lesson");
  const auto pool = named(shot.items, "panel:pool");
  REQUIRE(pool.size() == 1);
  CHECK(pool[0].x1 - pool[0].x0 > 1280 * 0.55f);
  const auto counters = named(shot.items, "counter");
  CHECK(counters.size() == 5);
  for (const Item& c : counters) CHECK(c.y1 <= pool[0].y0);
  CHECK(named(shot.items, "code-listing").empty());  // nothing but the stage
}

TEST_CASE("Lesson screens: stage mode keeps compare's two runs side by side") {
  const std::string json = test::output_path("stage-compare.json");
  std::remove(json.c_str());
  const Shot shot = shoot("stage-compare",
                          "--size 1920x1080 --scale 2 --stage --compare pool.workers=6 --frames 3 "
                          "--paused --preset backpressure --at 2.5 --picture-report " +
                              json);
  INFO(shot.run.output);
  REQUIRE(shot.run.exit_code == 0);
  CHECK(shot.run.output.find("stage=1") != std::string::npos);
  check_panels(shot.items, 1920, 1080);
  std::ifstream in(json);
  const nlohmann::json drawn = nlohmann::json::parse(in);
  REQUIRE(drawn.contains("compare"));
  CHECK(drawn["cards"].size() == 4);             // main and three workers
  CHECK(drawn["compare"]["cards"].size() == 7);  // main and six workers
}

TEST_CASE(
    "Lesson screens: a malformed lesson file is reported with file and line, and the app "
    "keeps running") {
  const auto dir = std::filesystem::path(test::output_path("broken-lessons"));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "hello-pool.json")
      << "{\n  \"preset\": \"hello-pool\",\n  \"title\": oops\n}\n";
  const Shot shot = shoot("lesson-malformed",
                          "--size 1280x720 --frames 3 --paused --preset "
                          "hello-pool --lessons '" +
                              dir.string() + "'");
  INFO(shot.run.output);
  CHECK(shot.run.exit_code == 0);
  CHECK(shot.run.output.find("hello-pool.json:3:12: malformed JSON") != std::string::npos);
  const auto error = named(shot.items, "lesson-error");
  REQUIRE(error.size() == 1);
  CHECK(error[0].text.find("hello-pool.json:3:12") != std::string::npos);
  CHECK(pixels_like(shot.image, error[0], 40) > 100);  // drawn, in the warning colour
}

TEST_CASE("Lesson screens: a corrupt preferences file is reported and ignored") {
  const std::string home = test::output_path("config-corrupt");
  std::filesystem::remove_all(home);
  std::filesystem::create_directories(home + "/poolscope");
  std::ofstream(home + "/poolscope/prefs.json") << "{\"scale\": 2,,}";
  const auto run = test::run_gui_with_config(home, "--size 800x600 --frames 2 --screenshot " +
                                                       test::output_path("prefs-corrupt.png") +
                                                       " --layout-report");
  INFO(run.output);
  CHECK(run.exit_code == 0);
  CHECK(run.output.find("prefs.json:1:13: preferences are not valid JSON") != std::string::npos);
  CHECK(run.output.find("state scale=1 theme=dark") != std::string::npos);
}

TEST_CASE("Lesson screens: saved preferences are the defaults, and options win over them") {
  const std::string home = test::output_path("config-saved");
  std::filesystem::remove_all(home);
  std::filesystem::create_directories(home + "/poolscope");
  std::ofstream(home + "/poolscope/prefs.json")
      << R"({"scale": 1.5, "theme": "light", "preset": "forgot-close", "stage": true,
             "width": 900, "height": 700})";
  const std::string shot =
      " --frames 2 --screenshot " + test::output_path("prefs-saved.png") + " --layout-report";
  const auto run = test::run_gui_with_config(home, shot);
  INFO(run.output);
  CHECK(run.exit_code == 0);
  CHECK(run.output.find("state scale=1.5 theme=light stage=1 fullscreen=0 size=900x700 "
                        "preset=forgot-close") != std::string::npos);
  const auto over = test::run_gui_with_config(home, "--theme dark --scale 1 --size 640x480" + shot);
  CHECK(over.output.find("state scale=1 theme=dark stage=1 fullscreen=0 size=640x480") !=
        std::string::npos);
  // A scripted run never writes the file.
  std::ifstream in(home + "/poolscope/prefs.json");
  std::stringstream text;
  text << in.rdbuf();
  CHECK(text.str().find("\"light\"") != std::string::npos);
}

TEST_CASE("Lesson screens: --fullscreen fills the screen") {
  const auto run = test::run_gui("--fullscreen --frames 3 --screenshot " +
                                 test::output_path("fullscreen.png") + " --layout-report");
  INFO(run.output);
  CHECK(run.exit_code == 0);
  CHECK(run.output.find("fullscreen=1 size=1920x1080") != std::string::npos);
}

TEST_CASE("Lesson screens: a missing lessons folder is a message in the app, not a crash") {
  const Shot shot = shoot("lessons-missing",
                          "--size 1280x720 --frames 2 --paused --lessons "
                          "/nonexistent/poolscope-lessons");
  INFO(shot.run.output);
  CHECK(shot.run.exit_code == 0);
  CHECK(shot.run.output.find(
            "lessons folder not found (looked in: /nonexistent/poolscope-lessons)") !=
        std::string::npos);
  CHECK(named(shot.items, "lesson-error").size() == 1);
}

TEST_CASE("Lesson screens: an installed tree finds its lessons under <prefix>/share/poolscope") {
  namespace fs = std::filesystem;
  const fs::path root = test::output_path("install-tree");
  fs::remove_all(root);
  fs::create_directories(root / "bin");
  fs::create_directories(root / "share" / "poolscope" / "lessons");
  fs::copy_file(POOLSCOPE_GUI_BINARY, root / "bin" / "poolscope");
  for (const auto& f :
       fs::directory_iterator(fs::path(POOLSCOPE_SOURCE_DIR) / "assets" / "lessons")) {
    fs::copy_file(f.path(), root / "share" / "poolscope" / "lessons" / f.path().filename());
  }
  const auto run =
      test::run_gui_binary((root / "bin" / "poolscope").string(),
                           "--size 800x600 --frames 2 --paused --layout-report --screenshot " +
                               test::output_path("install-tree.png"));
  INFO(run.output);
  CHECK(run.exit_code == 0);
  CHECK(run.output.find("lessons=" + (root / "share" / "poolscope" / "lessons").string()) !=
        std::string::npos);
  CHECK(run.output.find("lesson:") == std::string::npos);
}

// The words a card may show for the state `name` (look_name()): the name, its short form,
// or the short form's first word.
std::vector<std::string> state_words(const std::string& name) {
  for (int i = 0; i < static_cast<int>(gui::Look::Count); ++i) {
    const auto look = static_cast<gui::Look>(i);
    if (gui::look_name(look) != name) continue;
    const std::string brief(gui::look_short_name(look));
    return {name, brief, brief.substr(0, brief.find(':'))};
  }
  return {};
}

TEST_CASE(
    "Projector: at 1920x1080 scale 2 the pool view is at least half the window and every "
    "worker card names its goroutine and state in text") {
  for (const LessonCase c : {LessonCase{"hello-pool", 0.5}, LessonCase{"backpressure", 2.5},
                             LessonCase{"forgot-close", 0.5}, LessonCase{"results-deadlock", 0.35},
                             LessonCase{"size-to-bottleneck", 0.05},
                             LessonCase{"errgroup-limit", 0.5}, LessonCase{"queueing", 10.0}}) {
    CAPTURE(c.preset);
    const std::string json = test::output_path(std::string("projector-") + c.preset + ".json");
    std::remove(json.c_str());
    const Shot shot =
        shoot(std::string("projector-") + c.preset,
              std::string("--size 1920x1080 --scale 2 --frames 3 --paused --preset ") + c.preset +
                  " --at " + std::to_string(c.at_s) + " --picture-report " + json);
    INFO(shot.run.output);
    REQUIRE(shot.run.exit_code == 0);
    check_panels(shot.items, 1920, 1080);
    const auto pool = named(shot.items, "panel:pool");
    REQUIRE(pool.size() == 1);
    CHECK(area(pool[0]) >= 0.5f * 1920 * 1080);
    check_narration(shot.items, shot.image, "panel:lesson");
    std::ifstream in(json);
    const nlohmann::json drawn = nlohmann::json::parse(in);
    REQUIRE_FALSE(drawn["cards"].empty());
    for (const auto& card : drawn["cards"]) {
      const std::string name = card["name"];
      const std::string text = card["text"];
      CAPTURE(text);
      CHECK(text.starts_with(name));  // the producer's and collector's cards: the name at least
      if (!name.starts_with("worker")) continue;
      CHECK(text.starts_with(name + " / "));
      const std::string rest = text.substr(std::min(text.size(), name.size() + 3));
      bool states = false;
      for (const std::string& word : state_words(card["look"])) {
        states = states || rest.starts_with(word);
      }
      CHECK(states);
    }
  }
}
