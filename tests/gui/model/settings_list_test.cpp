// SettingsList: "All settings" offers every key of the key table, and a live setting
// shows the value the run uses, the same one its slider shows.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "app/gui/model/settings_list.hpp"
#include "app/gui/model/workers_control.hpp"
#include "core/scenario/presets.hpp"

using namespace poolscope;

TEST_CASE("All settings: every key of the scenario is listed, once, in file order") {
  const auto rows = gui::all_settings();
  const auto keys = scenario::keys();
  REQUIRE(rows.size() == keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    CAPTURE(keys[i].path);
    CHECK(rows[i].key == &keys[i]);
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
