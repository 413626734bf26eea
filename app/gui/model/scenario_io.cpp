#include "app/gui/model/scenario_io.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <system_error>

#include "core/pool/pool_run.hpp"
#include "core/scenario/scenario_json.hpp"

namespace poolscope::gui {

namespace fs = std::filesystem;

std::string open_scenario_file(Session& session, const fs::path& path) {
  std::error_code error;
  if (fs::is_directory(path, error)) {
    return path.string() + ": is a folder; give a scenario file (.json)";
  }
  auto loaded = scenario::load_scenario_file(path);
  if (!loaded) return loaded.message();
  if (std::string problems = pool::source_problems(loaded.value()); !problems.empty()) {
    return path.filename().string() + ": its Go source does not compile:\n" + problems;
  }
  session.load(std::move(loaded).value());
  return "";
}

scenario::Scenario scenario_to_save(const Session& session) {
  scenario::Scenario s = session.scenario();
  if (session.changes().empty()) return s;
  // Live changes become starting values, but only when the result is a valid scenario
  // (e.g. a Poisson load cannot start at rate 0); otherwise the scenario is saved as set.
  scenario::Scenario folded = s;
  const int workers = session.figures().workers;
  if (folded.pool.mode == scenario::Mode::Pool && workers > 0) folded.pool.workers = workers;
  folded.load.rate = session.live_rate();
  return scenario::validate(folded).empty() ? folded : s;
}

fs::path scenario_file_path(const fs::path& path) {
  if (path.empty() || path.has_extension() || !path.has_filename()) return path;
  fs::path out = path;
  out += ".poolscope.json";
  return out;
}

std::string save_scenario_file(const Session& session, const fs::path& path) {
  if (path.empty()) return "give a file name, e.g. my-pool.poolscope.json";
  std::error_code error;
  if (fs::is_directory(path, error)) {
    return path.string() + ": is a folder; add a file name, e.g. " +
           (path / "my-pool.poolscope.json").string();
  }
  auto saved = scenario::save_scenario_file(scenario_to_save(session), path);
  return saved ? "" : saved.message();
}

std::string file_stem(const scenario::Scenario& s) {
  std::string stem;
  for (const char c : s.id) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' ||
                      (c == '.' && !stem.empty());
    stem += keep ? c : '-';
  }
  const bool empty = std::all_of(stem.begin(), stem.end(), [](char c) { return c == '-'; });
  return empty ? std::string("custom") : stem;
}

fs::path screenshot_path(const fs::path& dir, const scenario::Scenario& s, trace::Time t) {
  const std::string base = fmt::format("{}_t{:.3f}s", file_stem(s), static_cast<double>(t) / 1e9);
  fs::path path = dir / (base + ".png");
  std::error_code error;
  for (int n = 2; fs::exists(path, error) && n < 10000; ++n) {
    path = dir / fmt::format("{}-{}.png", base, n);
  }
  return path;
}

std::vector<fs::path> openable_files_in(const fs::path& dir, std::size_t limit) {
  std::vector<fs::path> files;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    const fs::path ext = entry.path().extension();
    if (entry.is_regular_file(error) && (ext == ".json" || ext == ".go")) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  if (files.size() > limit) files.resize(limit);
  return files;
}

}  // namespace poolscope::gui
