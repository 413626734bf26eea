#pragma once
// SettingsList: which settings the controls panel offers and the value each shows.
//
// - "All settings" lists every key of the key table (core/scenario/keys.hpp), in file
//   order, none left out: the two with a live control too (pool.workers, load.rate).
// - A live setting shows the value in force, the one its live control shows and the run
//   uses (workers_in_force, Session::live_rate), not the scenario's starting value, and
//   a new value goes the live way (WorkersControl, Session::set_rate). Every other
//   setting shows the scenario's value and a new one restarts the run with it.
#include <nlohmann/json.hpp>
#include <vector>

#include "app/gui/model/session.hpp"
#include "core/scenario/keys.hpp"

namespace poolscope::gui {

// How the controls apply a new value of a setting.
enum class SettingRoute {
  Restart,  // the changed scenario restarts the run (Session::load)
  Workers,  // WorkersControl: live when it can be, else a restart at the same moment
  Rate,     // Session::set_rate: live
};

struct SettingRow {
  const scenario::KeySpec* key = nullptr;
  SettingRoute route = SettingRoute::Restart;
};

// The rows of "All settings": every key, in file order.
[[nodiscard]] std::vector<SettingRow> all_settings();
[[nodiscard]] SettingRoute route_of(const scenario::KeySpec& key);
// The value the controls show for `key` (canonical, as KeySpec::get gives it).
[[nodiscard]] nlohmann::json shown_value(const Session& session, const scenario::KeySpec& key);

}  // namespace poolscope::gui
