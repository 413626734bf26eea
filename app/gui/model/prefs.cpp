#include "app/gui/model/prefs.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "core/util/atomic_file.hpp"
#include "core/util/json_text.hpp"
#include "core/util/read_file.hpp"

namespace poolscope::gui {

using nlohmann::json;

namespace {
constexpr std::size_t kMaxPrefsBytes = std::size_t{1} << 20;
}  // namespace

bool parse_theme(const std::string& name, ThemeId& theme) {
  for (ThemeId t : {ThemeId::Dark, ThemeId::Light, ThemeId::Projector}) {
    if (theme_name(t) == name) {
      theme = t;
      return true;
    }
  }
  return false;
}

std::filesystem::path prefs_path() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  if (xdg != nullptr && *xdg != '\0')
    return std::filesystem::path(xdg) / "poolscope" / "prefs.json";
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') {
    return std::filesystem::path(home) / ".config" / "poolscope" / "prefs.json";
  }
  return {};
}

LoadedPrefs load_prefs(const std::filesystem::path& path) {
  LoadedPrefs out;
  if (path.empty()) return out;
  // Preferences are small: 1 MiB is far beyond any real file, and a link to /dev/zero
  // or a huge file is refused rather than read.
  const util::FileText file = util::read_text_file(path, "preferences file", kMaxPrefsBytes);
  if (file.missing) return out;
  if (!file.ok()) {
    out.warning = file.error + "; using the defaults";
    return out;
  }
  return parse_prefs(file.text, path.string());
}

LoadedPrefs parse_prefs(std::string_view text, const std::string& name) {
  LoadedPrefs out;
  const auto parsed = util::parse_json<json>(text, {.max_depth = 8, .max_keys = 100});
  if (!parsed.ok) {
    const util::JsonError& e = parsed.error;
    out.warning = fmt::format("{}:{}:{}: preferences are not valid JSON ({}); using the defaults",
                              name, e.at.line, e.at.column, e.what);
    return out;
  }
  const json& j = parsed.value;
  if (!j.is_object()) {
    out.warning = fmt::format("{}: preferences are not a JSON object; using the defaults", name);
    return out;
  }
  std::string bad;
  const auto note = [&](const char* key) {
    bad += fmt::format("{}{}", bad.empty() ? "" : ", ", key);
  };
  Prefs& p = out.prefs;
  if (const auto it = j.find("scale"); it != j.end()) {
    if (it->is_number() && it->get<double>() >= 0.5 && it->get<double>() <= 4.0) {
      p.scale = it->get<float>();
    } else {
      note("scale");
    }
  }
  if (const auto it = j.find("theme"); it != j.end()) {
    if (!it->is_string() || !parse_theme(it->get<std::string>(), p.theme)) note("theme");
  }
  const auto integer = [&](const char* key, int& field, int lo, int hi) {
    if (const auto it = j.find(key); it != j.end()) {
      // An unsigned number above 2^63-1 would wrap to a negative int64: not in range.
      const bool whole = it->is_number_integer() &&
                         !(it->is_number_unsigned() && it->get<std::uint64_t>() > INT64_MAX);
      if (whole && it->get<std::int64_t>() >= lo && it->get<std::int64_t>() <= hi) {
        field = it->get<int>();
      } else {
        note(key);
      }
    }
  };
  integer("width", p.width, 320, 7680);
  integer("height", p.height, 240, 4320);
  integer("x", p.x, -100000, 100000);
  integer("y", p.y, -100000, 100000);
  if (const auto it = j.find("preset"); it != j.end()) {
    if (it->is_string()) {
      p.preset = it->get<std::string>();
    } else {
      note("preset");
    }
  }
  const auto flag = [&](const char* key, bool& field) {
    if (const auto it = j.find(key); it != j.end()) {
      if (it->is_boolean()) {
        field = it->get<bool>();
      } else {
        note(key);
      }
    }
  };
  flag("stage", p.stage);
  flag("fullscreen", p.fullscreen);
  if (!bad.empty()) {
    out.warning =
        fmt::format("{}: ignored bad values for {}; using the defaults for them", name, bad);
  }
  return out;
}

std::string save_prefs(const std::filesystem::path& path, const Prefs& p) {
  if (path.empty()) return "cannot save preferences: neither XDG_CONFIG_HOME nor HOME is set";
  json j = {{"scale", p.scale},
            {"theme", std::string(theme_name(p.theme))},
            {"preset", p.preset},
            {"stage", p.stage},
            {"fullscreen", p.fullscreen}};
  if (p.width > 0 && p.height > 0) {
    j["width"] = p.width;
    j["height"] = p.height;
  }
  if (p.x != INT_MIN && p.y != INT_MIN) {
    j["x"] = p.x;
    j["y"] = p.y;
  }
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (std::string failure = util::write_file_atomically(path, j.dump(2) + '\n'); !failure.empty()) {
    return "cannot save preferences: " + failure;
  }
  return "";
}

}  // namespace poolscope::gui
