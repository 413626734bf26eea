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
#include <string>
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

// The rows of "All settings": every key, in file order, but the program's source (its
// editor is the code panel).
[[nodiscard]] std::vector<SettingRow> all_settings();
[[nodiscard]] SettingRoute route_of(const scenario::KeySpec& key);
// The label a person reads beside the control: "Jobs buffer" for pool.jobs_buffer. The
// key's path stays in its tooltip, since lessons, files and the CLI speak of keys. A key
// without a label of its own gets its leaf written as words ("burst_size": "Burst size").
[[nodiscard]] std::string setting_label(const scenario::KeySpec& key);

// A setting's value with its unit, for people: "1 s", "1,000 jobs", "10 jobs/s", "true";
// whole numbers exactly (grouped), the seed as it is ("1234567").
[[nodiscard]] std::string format_setting_value(const scenario::KeySpec& key,
                                               const nlohmann::json& value);

// The value the controls show for `key` (canonical, as KeySpec::get gives it).
[[nodiscard]] nlohmann::json shown_value(const Session& session, const scenario::KeySpec& key);

}  // namespace poolscope::gui
