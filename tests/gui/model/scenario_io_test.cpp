// Sharing scenarios from the app: save, open (dialog or drop), and the file names the
// app writes. Runs a Session without a window.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "app/gui/model/scenario_io.hpp"
#include "app/gui/model/session.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"

using namespace poolscope;
namespace fs = std::filesystem;

namespace {
std::string output_path(const std::string& name) {
  return std::string(POOLSCOPE_TEST_OUTPUT_DIR) + "/" + name;
}

scenario::Scenario preset(const char* id) { return scenario::find_preset(id).value(); }

std::string write_file(const std::string& name, const std::string& text) {
  const std::string path = output_path(name);
  std::ofstream(path) << text;
  return path;
}
}  // namespace

TEST_CASE(
    "Scenario files: the app names them NAME.poolscope.json, keeping a name's own extension") {
  CHECK(gui::scenario_file_path("my-pool") == "my-pool.poolscope.json");
  CHECK(gui::scenario_file_path("dir/my-pool") == "dir/my-pool.poolscope.json");
  CHECK(gui::scenario_file_path("my-pool.poolscope.json") == "my-pool.poolscope.json");
  CHECK(gui::scenario_file_path("plain.json") == "plain.json");  // still opens, as any .json
  CHECK(gui::scenario_file_path("dir/") == "dir/");              // a folder: save says so
  CHECK(gui::scenario_file_path("") == "");
}

TEST_CASE("Scenario files: saving from the app then opening gives back exactly that scenario") {
  scenario::Scenario original = preset("backpressure");
  original.id = "my-backpressure";
  original.title = "Backpressure, \"tuned\"";
  original.pool.jobs_buffer = 7;
  original.work.mean_ms = 123.5;
  original.seed = 42;
  gui::Session saver(original);
  const std::string path = output_path("scenario_io_roundtrip.json");
  REQUIRE(gui::save_scenario_file(saver, path) == "");

  gui::Session opener(preset("hello-pool"));
  CHECK(gui::open_scenario_file(opener, path) == "");
  CHECK(opener.scenario() == original);
}

TEST_CASE("Scenario files: a malformed file is rejected with its messages, session untouched") {
  const std::string path =
      write_file("scenario_io_bad.json",
                 R"({"pool": {"workers": 0, "jobs_buffer": "big"}, "load": {"jobz": 5}})");
  gui::Session session(preset("backpressure"));
  session.advance_to_seconds(1.5);
  const auto before_scenario = session.scenario();
  const auto before_time = session.now();
  const auto before_events = session.log().last_seq();

  const std::string error = gui::open_scenario_file(session, path);
  INFO(error);
  // Each problem at its line and column.
  CHECK(error.find("scenario_io_bad.json:1:11: pool.workers: 0 is out of range") !=
        std::string::npos);
  CHECK(error.find("pool.jobs_buffer") != std::string::npos);
  CHECK(error.find("did you mean \"load.jobs\"") != std::string::npos);
  CHECK(session.scenario() == before_scenario);
  CHECK(session.now() == before_time);
  CHECK(session.log().last_seq() == before_events);
}

TEST_CASE("Scenario files: broken JSON is rejected with its line and column") {
  const std::string path = write_file("scenario_io_syntax.json", "{\n  \"seed\": 3,\n  oops\n}\n");
  gui::Session session(preset("hello-pool"));
  const std::string error = gui::open_scenario_file(session, path);
  CHECK(error.find("malformed JSON at line 3") != std::string::npos);
  CHECK(session.scenario() == preset("hello-pool"));
}

TEST_CASE("Scenario files: a missing file or a folder is rejected by its name") {
  gui::Session session(preset("hello-pool"));
  CHECK(gui::open_scenario_file(session, output_path("no-such-file.json"))
            .find("no-such-file.json: cannot open") != std::string::npos);
  CHECK(gui::open_scenario_file(session, output_path("")).find("is a folder") != std::string::npos);
  CHECK(gui::save_scenario_file(session, output_path("")).find("is a folder") != std::string::npos);
  CHECK(gui::save_scenario_file(session, "/nonexistent-dir/x.json") != "");
  CHECK(session.scenario() == preset("hello-pool"));
}

TEST_CASE("Scenario files: live worker and rate changes are saved as the starting values") {
  gui::Session session(preset("backpressure"));
  session.advance_to_seconds(0.5);
  REQUIRE(session.set_workers(6));
  session.set_rate(4.0);
  const scenario::Scenario saved = gui::scenario_to_save(session);
  CHECK(saved.pool.workers == 6);
  CHECK(saved.load.rate == 4.0);
  CHECK(saved.pool.jobs_buffer == session.scenario().pool.jobs_buffer);
  // Without live changes, what is saved is the scenario as set.
  session.reset();
  CHECK(gui::scenario_to_save(session) == session.scenario());
}

TEST_CASE("Scenario files: screenshot names carry the scenario and the moment, never replace") {
  const fs::path dir = output_path("screenshot_names");
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto s = preset("hello-pool");
  const fs::path first = gui::screenshot_path(dir, s, 2'350'000'000);
  CHECK(first.filename() == "hello-pool_t2.350s.png");
  std::ofstream(first) << "x";
  CHECK(gui::screenshot_path(dir, s, 2'350'000'000).filename() == "hello-pool_t2.350s-2.png");
}

TEST_CASE("Scenario files: file names keep only the safe characters of the id") {
  scenario::Scenario s;
  s.id = "my pool/../v2";
  CHECK(gui::file_stem(s) == "my-pool-..-v2");
  s.id = "///";
  CHECK(gui::file_stem(s) == "custom");
  s.id = ".hidden";
  CHECK(gui::file_stem(s) == "-hidden");
}
