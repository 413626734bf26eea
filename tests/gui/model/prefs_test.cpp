// Preferences: the file's place, a round trip, and bad files that never stop the app.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "app/gui/model/prefs.hpp"

using namespace poolscope;

namespace {
std::filesystem::path fresh(const std::string& name) {
  const auto dir = std::filesystem::path(POOLSCOPE_TEST_OUTPUT_DIR) / name;
  std::filesystem::remove_all(dir);
  return dir / "poolscope" / "prefs.json";
}
}  // namespace

TEST_CASE("Prefs: the file lives under XDG_CONFIG_HOME, else ~/.config") {
  const char* old_xdg = std::getenv("XDG_CONFIG_HOME");
  const std::string saved = old_xdg != nullptr ? old_xdg : "";
  setenv("XDG_CONFIG_HOME", "/tmp/some-config", 1);
  CHECK(gui::prefs_path() == std::filesystem::path("/tmp/some-config/poolscope/prefs.json"));
  setenv("XDG_CONFIG_HOME", "", 1);
  CHECK(gui::prefs_path().string().ends_with("/.config/poolscope/prefs.json"));
  if (old_xdg != nullptr) {
    setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
  } else {
    unsetenv("XDG_CONFIG_HOME");
  }
}

TEST_CASE("Prefs: what is saved is read back") {
  const auto path = fresh("prefs-roundtrip");
  const gui::Prefs p{.scale = 1.75f,
                     .theme = gui::ThemeId::Projector,
                     .width = 1600,
                     .height = 900,
                     .x = 40,
                     .y = 30,
                     .preset = "backpressure",
                     .stage = true,
                     .fullscreen = true};
  REQUIRE(gui::save_prefs(path, p).empty());  // creates the folder
  const auto loaded = gui::load_prefs(path);
  CHECK(loaded.warning.empty());
  CHECK(loaded.prefs == p);
}

TEST_CASE("Prefs: a missing file gives the defaults without a warning") {
  const auto loaded = gui::load_prefs(fresh("prefs-missing"));
  CHECK(loaded.warning.empty());
  CHECK(loaded.prefs == gui::Prefs{});
}

TEST_CASE("Prefs: a corrupt file is reported with its line and ignored") {
  const auto path = fresh("prefs-corrupt");
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << "{\n  \"scale\": 2,\n  oops\n}";
  const auto loaded = gui::load_prefs(path);
  CHECK(loaded.warning.find("prefs.json:3:3: preferences are not valid JSON") != std::string::npos);
  CHECK(loaded.prefs == gui::Prefs{});
}

TEST_CASE("Prefs: bad values are named and fall back one by one") {
  const auto path = fresh("prefs-bad-values");
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << R"({"scale": 9, "theme": "neon", "stage": true, "width": "wide"})";
  const auto loaded = gui::load_prefs(path);
  CHECK(loaded.warning.find("scale, theme, width") != std::string::npos);
  CHECK(loaded.prefs.scale == 1.0f);
  CHECK(loaded.prefs.theme == gui::ThemeId::Dark);
  CHECK(loaded.prefs.stage);  // the good value is kept
}

TEST_CASE("Prefs: a number beyond a double gives the defaults and a warning, never an abort") {
  const auto path = fresh("prefs-overflow");
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << "{\"scale\": 1e400}";
  const auto loaded = gui::load_prefs(path);
  CHECK(loaded.warning ==
        path.string() +
            ":1:11: preferences are not valid JSON (the number 1e400 is too large (numbers go up "
            "to about 1.8e308)); using the defaults");
  CHECK(loaded.prefs == gui::Prefs{});
  std::ofstream(path) << "{\"x\": " << std::string(1'000'000, '9') << "}";
  CHECK(gui::load_prefs(path).warning.size() < 300);
}

TEST_CASE("Prefs: a link to /dev/zero, a FIFO or a folder is a warning, not a hang") {
  const auto path = fresh("prefs-kinds");
  std::filesystem::create_directories(path.parent_path());
  std::filesystem::create_symlink("/dev/zero", path);
  CHECK(gui::load_prefs(path).warning ==
        path.string() + " is a character device, not a preferences file; using the defaults");
  std::filesystem::remove(path);
  REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  CHECK(gui::load_prefs(path).warning.find("is a FIFO (named pipe)") != std::string::npos);
  std::filesystem::remove(path);
  std::filesystem::create_directories(path);
  CHECK(gui::load_prefs(path).warning.find("is a folder") != std::string::npos);
}

TEST_CASE("Prefs: a position beyond int64 is a bad value, not a wrapped one") {
  const auto path = fresh("prefs-unsigned");
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << R"({"x": 18446744073709551615, "y": 5})";
  const auto loaded = gui::load_prefs(path);
  CHECK(loaded.warning.find("bad values for x") != std::string::npos);
  CHECK(loaded.prefs.x == INT_MIN);
}
