#include "app/gui/model/settings_list.hpp"

#include "app/gui/model/workers_control.hpp"

namespace poolscope::gui {

SettingRoute route_of(const scenario::KeySpec& key) {
  if (key.path == "pool.workers") return SettingRoute::Workers;
  if (key.path == "load.rate") return SettingRoute::Rate;
  return SettingRoute::Restart;
}

std::vector<SettingRow> all_settings() {
  std::vector<SettingRow> rows;
  for (const scenario::KeySpec& key : scenario::keys()) rows.push_back({&key, route_of(key)});
  return rows;
}

nlohmann::json shown_value(const Session& session, const scenario::KeySpec& key) {
  switch (route_of(key)) {
    case SettingRoute::Workers:
      return workers_in_force(session);
    case SettingRoute::Rate:
      return session.live_rate();
    case SettingRoute::Restart:
      break;
  }
  return key.get(session.scenario());
}

}  // namespace poolscope::gui
