#include "app/gui/model/settings_list.hpp"

#include <array>
#include <cctype>
#include <cstdint>
#include <utility>

#include "app/gui/model/number_format.hpp"
#include "app/gui/model/workers_control.hpp"

namespace poolscope::gui {

SettingRoute route_of(const scenario::KeySpec& key) {
  if (key.path == "pool.workers") return SettingRoute::Workers;
  if (key.path == "load.rate") return SettingRoute::Rate;
  return SettingRoute::Restart;
}

namespace {
constexpr auto kLabels = std::to_array<std::pair<std::string_view, std::string_view>>({
    {"id", "Scenario id"},
    {"title", "Title"},
    {"summary", "Summary"},
    {"seed", "Random seed"},
    {"pool.mode", "Mode"},
    {"pool.collect", "Collect results"},
    {"pool.collect_count", "Results to collect"},
    {"pool.workers", "Workers"},
    {"pool.jobs_buffer", "Jobs buffer"},
    {"pool.results_buffer", "Results buffer"},
    {"pool.close_jobs", "Close jobs after sending"},
    {"pool.resource_limit", "Database connections"},
    {"pool.cpus", "CPUs (GOMAXPROCS)"},
    {"pool.fail_job", "Failing job"},
    {"load.jobs", "Jobs"},
    {"load.rate", "Job rate"},
    {"load.arrival", "Arrivals"},
    {"load.burst_size", "Burst size"},
    {"load.producers", "Producers"},
    {"load.requests", "Requests"},
    {"load.duration_s", "Run for"},
    {"work.mean_ms", "Time per job"},
    {"work.dist", "Job time spread"},
    {"work.kind", "Kind of work"},
    {"work.payload_kb", "Payload per job"},
});
}  // namespace

std::string setting_label(const scenario::KeySpec& key) {
  for (const auto& [path, label] : kLabels) {
    if (path == key.path) return std::string(label);
  }
  std::string words(key.leaf());
  for (char& c : words) {
    if (c == '_') c = ' ';
  }
  if (!words.empty())
    words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
  return words;
}

std::string format_setting_value(const scenario::KeySpec& key, const nlohmann::json& value) {
  // A seed is a name for a run, not an amount: no thousands separators.
  if (key.path == "seed" && value.is_number_integer()) return value.dump();
  if (value.is_number_integer()) {
    const std::string n = group_thousands(value.get<std::int64_t>());
    return key.unit.empty() ? n : n + " " + std::string(key.unit);
  }
  if (value.is_number()) return format_quantity(value.get<double>(), key.unit);
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

std::vector<SettingRow> all_settings() {
  std::vector<SettingRow> rows;
  for (const scenario::KeySpec& key : scenario::keys()) {
    if (!key.multiline) rows.push_back({&key, route_of(key)});  // the source has its editor
  }
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
