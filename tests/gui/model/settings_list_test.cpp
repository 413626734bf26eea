// SettingsList: "All settings" offers every key of the key table, and a live setting
// shows the value the run uses, the same one its slider shows.
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "app/gui/model/settings_list.hpp"
#include "app/gui/model/workers_control.hpp"
#include "core/scenario/presets.hpp"

using namespace poolscope;

TEST_CASE("All settings: every key of the scenario is listed, once, in file order") {
  const auto rows = gui::all_settings();
  // The program's source has its own editor, not a row.
  std::vector<const scenario::KeySpec*> keys;
  for (const scenario::KeySpec& key : scenario::keys()) {
    if (key.path != "source") keys.push_back(&key);
  }
  REQUIRE(rows.size() == keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    CAPTURE(keys[i]->path);
    CHECK(rows[i].key == keys[i]);
  }
  // Issue 13: pool.workers was left out.
  const auto workers = std::find_if(rows.begin(), rows.end(), [](const gui::SettingRow& r) {
    return r.key->path == "pool.workers";
  });
  REQUIRE(workers != rows.end());
  CHECK(workers->route == gui::SettingRoute::Workers);
  const auto rate = std::find_if(rows.begin(), rows.end(), [](const gui::SettingRow& r) {
    return r.key->path == "load.rate";
  });
  REQUIRE(rate != rows.end());
  CHECK(rate->route == gui::SettingRoute::Rate);
  const auto live = std::count_if(rows.begin(), rows.end(), [](const gui::SettingRow& r) {
    return r.route != gui::SettingRoute::Restart;
  });
  CHECK(live == 2);
}

TEST_CASE("All settings: a live setting shows the value in force, as its slider does") {
  gui::Session session(scenario::find_preset("size-to-bottleneck").value());
  const scenario::KeySpec& workers = *scenario::find_key("pool.workers");
  const scenario::KeySpec& rate = *scenario::find_key("load.rate");
  const scenario::KeySpec& buffer = *scenario::find_key("pool.jobs_buffer");
  CHECK(gui::shown_value(session, workers) == 10);
  CHECK(gui::shown_value(session, rate) == 0.0);

  session.advance_to_seconds(0.5);
  gui::WorkersControl control;
  control.moved(session, 14, false);
  session.set_rate(12.5);
  CHECK(session.scenario().pool.workers == 10);  // the starting count, unchanged
  CHECK(gui::shown_value(session, workers) == 14);
  CHECK(gui::shown_value(session, workers) == control.shown(session));
  CHECK(gui::shown_value(session, rate) == 12.5);
  CHECK(gui::shown_value(session, buffer) == 100);
}

TEST_CASE("Settings: every key has a label for people, and no label is a raw key name") {
  std::vector<std::string> labels;
  for (const scenario::KeySpec& key : scenario::keys()) {
    CAPTURE(key.path);
    const std::string label = gui::setting_label(key);
    CHECK_FALSE(label.empty());
    CHECK(label.find('_') == std::string::npos);
    CHECK(label != key.leaf());
    CHECK(std::isupper(static_cast<unsigned char>(label[0])));
    CHECK(std::find(labels.begin(), labels.end(), label) == labels.end());  // unique
    labels.push_back(label);
  }
  CHECK(gui::setting_label(*scenario::find_key("pool.jobs_buffer")) == "Jobs buffer");
  CHECK(gui::setting_label(*scenario::find_key("pool.collect")) == "Collect results");
}

TEST_CASE("Settings: values are written with their units, for people") {
  const auto value = [](std::string_view path, const nlohmann::json& v) {
    return gui::format_setting_value(*scenario::find_key(path), v);
  };
  CHECK(value("work.mean_ms", 1000.0) == "1 s");
  CHECK(value("work.mean_ms", 500.0) == "500 ms");
  CHECK(value("load.jobs", 1000) == "1,000 jobs");
  CHECK(value("load.rate", 10.0) == "10 jobs/s");
  CHECK(value("pool.fail_job", 0) == "0");
  CHECK(value("pool.mode", "pool") == "pool");
  CHECK(value("seed", 1234567) == "1234567");  // a name, not an amount
  CHECK(value("load.jobs", 100'000'000) == "100,000,000 jobs");
}
