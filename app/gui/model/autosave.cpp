#include "app/gui/model/autosave.hpp"

#include <sys/stat.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>
#include <system_error>
#include <utility>

#include "core/scenario/scenario.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/json_text.hpp"
#include "core/util/read_file.hpp"

namespace poolscope::gui {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
constexpr const char* kTextName = "autosave.go";
constexpr const char* kMetaName = "autosave.json";
constexpr auto kMaxTextBytes = static_cast<std::size_t>(scenario::kMaxSourceBytes);
constexpr std::size_t kMaxMetaBytes = std::size_t{64} * 1024;  // a path and a few numbers
constexpr int kMaxSetAside = 100;

// An absolute path from environment variable `name`, or empty.
fs::path absolute_from_env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return {};
  fs::path path(value);
  return path.is_absolute() ? path : fs::path();
}

// Makes `dir` and any missing folder above it with mode 0700; "" or why not.
std::string make_private_folders(const fs::path& dir) {
  std::error_code ec;
  if (fs::is_directory(dir, ec)) return "";
  if (dir.has_parent_path() && dir.parent_path() != dir) {
    if (std::string failure = make_private_folders(dir.parent_path()); !failure.empty()) {
      return failure;
    }
  }
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return fmt::format("cannot make the folder {}: {}", dir.string(), std::strerror(errno));
  }
  return "";
}

// Removes `path` when it is there; "" or why not.
std::string remove_file(const fs::path& path) {
  std::error_code ec;
  fs::remove(path, ec);
  return ec ? fmt::format("cannot remove {}: {}", path.string(), ec.message()) : "";
}

// Renames `path` to the first free "NAME.bad", "NAME.bad.2", ...; the new name or "" (with
// `error` set) when it could not be moved.
fs::path set_aside(const fs::path& path, std::string& error) {
  for (int i = 1; i <= kMaxSetAside; ++i) {
    fs::path bad = path;
    bad += i == 1 ? std::string(".bad") : fmt::format(".bad.{}", i);
    std::error_code ec;
    if (fs::exists(fs::symlink_status(bad, ec))) continue;
    fs::rename(path, bad, ec);
    if (!ec) return bad;
    error = fmt::format("cannot rename {}: {}", path.string(), ec.message());
    return {};
  }
  error =
      fmt::format("cannot rename {}: {} older copies are in the way", path.string(), kMaxSetAside);
  return {};
}

// "14:03" for today (local time), else "2024-03-05 14:03"; "" when unknown.
std::string when(std::int64_t saved_at) {
  if (saved_at <= 0) return "";
  const auto then_time = static_cast<std::time_t>(saved_at);
  const std::time_t now_time = std::time(nullptr);
  std::tm then = {};
  std::tm now = {};
  if (::localtime_r(&then_time, &then) == nullptr || ::localtime_r(&now_time, &now) == nullptr) {
    return "";
  }
  if (then.tm_year == now.tm_year && then.tm_yday == now.tm_yday) {
    return fmt::format("{:02}:{:02}", then.tm_hour, then.tm_min);
  }
  return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", then.tm_year + 1900, then.tm_mon + 1,
                     then.tm_mday, then.tm_hour, then.tm_min);
}

// What autosave.json says; `error` set when it cannot be trusted.
struct Meta {
  fs::path path;
  std::int64_t saved_at = 0;
  std::string error;
};

Meta parse_meta(std::string_view text, std::string_view full_text) {
  Meta meta;
  const auto parsed = util::parse_json<json>(text, {.max_depth = 4, .max_keys = 50});
  if (!parsed.ok) {
    meta.error = fmt::format("not valid JSON at line {}", parsed.error.at.line);
    return meta;
  }
  const json& j = parsed.value;
  if (!j.is_object()) {
    meta.error = "not a JSON object";
    return meta;
  }
  const auto path = j.find("path");
  const auto saved_at = j.find("saved_at");
  const auto bytes = j.find("bytes");
  const auto hash = j.find("fnv1a64");
  if (path == j.end() || !(path->is_null() || path->is_string()) || saved_at == j.end() ||
      !saved_at->is_number_integer() || bytes == j.end() || !bytes->is_number_unsigned() ||
      hash == j.end() || !hash->is_string()) {
    meta.error = "a value is missing or of the wrong kind";
    return meta;
  }
  if (bytes->get<std::uint64_t>() != full_text.size() ||
      hash->get<std::string>() != autosave_hash(full_text)) {
    meta.error = "it describes other text";
    return meta;
  }
  if (path->is_string()) meta.path = path->get<std::string>();
  meta.saved_at = saved_at->get<std::int64_t>();
  return meta;
}

// Removes both files: the text first, so a crash in between leaves only metadata, which
// restore ignores without its text.
std::string remove_autosave(const fs::path& dir) {
  std::string failure = remove_file(dir / kTextName);
  if (!failure.empty()) return failure;
  return remove_file(dir / kMetaName);
}

// The notice for text that is restored; `aside` says what happened to bad metadata.
std::string restored_notice(const Restored& r, bool file_missing, const std::string& aside) {
  const std::string time = when(r.saved_at);
  const std::string from = time.empty() ? "" : " from " + time;
  if (!aside.empty()) {
    return fmt::format("Restored your unsaved program{} as a new program ({}). Save it to keep it.",
                       from, aside);
  }
  if (r.path.empty()) {
    return fmt::format("Restored your unsaved new program{}. Save it to keep it.", from);
  }
  return fmt::format("Restored your unsaved program{} ({}{}). Save it to keep it.", from,
                     util::printable(r.path.filename().string()),
                     file_missing ? ", no longer on disk" : "");
}

// The text was read; decides with the metadata and the program file.
Restored restore_text(const fs::path& dir, std::string text) {
  Restored r;
  const fs::path meta_file = dir / kMetaName;
  const util::FileText meta_text = util::read_text_file(meta_file, "autosave file", kMaxMetaBytes);
  std::string aside;
  if (!meta_text.missing) {
    const Meta meta = meta_text.ok() ? parse_meta(meta_text.text, text)
                                     : Meta{.path = {}, .saved_at = 0, .error = "unreadable"};
    if (meta.error.empty()) {
      r.path = meta.path;
      r.saved_at = meta.saved_at;
    } else {
      std::string error;
      const fs::path bad = set_aside(meta_file, error);
      aside = fmt::format("its details were {}: {}", meta.error,
                          bad.empty() ? error : "set aside as " + bad.filename().string());
    }
  } else {
    aside = "its details were missing";
  }
  bool file_missing = false;
  if (!r.path.empty()) {
    const util::FileText file = util::read_text_file(r.path, "program file", kMaxTextBytes);
    if (file.ok() && file.text == text) {
      remove_autosave(dir);  // saved after all: nothing to restore, no notice next time
      return {};
    }
    file_missing = file.missing;
  }
  r.found = true;
  r.text = std::move(text);
  r.notice = restored_notice(r, file_missing, aside);
  return r;
}
}  // namespace

std::string autosave_hash(std::string_view text) {
  std::uint64_t hash = 14695981039346656037ULL;
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return fmt::format("{:016x}", hash);
}

AutosaveDir autosave_dir() {
  if (const fs::path state = absolute_from_env("XDG_STATE_HOME"); !state.empty()) {
    return {.path = state / "poolscope", .error = ""};
  }
  if (const fs::path home = absolute_from_env("HOME"); !home.empty()) {
    return {.path = home / ".local" / "state" / "poolscope", .error = ""};
  }
  return {.path = {},
          .error =
              "cannot autosave the program: neither XDG_STATE_HOME nor HOME is set to an "
              "absolute path"};
}

Restored restore_autosave(const fs::path& dir) {
  if (dir.empty()) return {};
  const fs::path text_file = dir / kTextName;
  util::FileText file = util::read_text_file(text_file, "autosave file", kMaxTextBytes);
  if (file.missing) {
    remove_file(dir / kMetaName);  // metadata without its text (a crash while clearing)
    return {};
  }
  if (file.ok()) return restore_text(dir, std::move(file.text));
  Restored r;
  std::string error;
  const fs::path bad = set_aside(text_file, error);
  r.notice = bad.empty() ? fmt::format("Could not restore your autosaved program: {}; {}.",
                                       file.error, error)
                         : fmt::format(
                               "Could not restore your autosaved program: {}; it was "
                               "set aside as {}.",
                               file.error, bad.string());
  return r;
}

Autosaver::Autosaver(AutosaveDir dir, double interval)
    : dir_(std::move(dir)), interval_(interval) {}

std::string Autosaver::update(std::uint64_t revision, std::string_view text, const fs::path& path,
                              double now) {
  if (!started_) {
    started_ = true;
    revision_ = revision;
    path_ = path;
    return "";
  }
  if (revision == revision_ && path == path_) return "";
  if (attempted_ && now - last_attempt_ < interval_) return "";
  attempted_ = true;
  last_attempt_ = now;
  error_ = write(text, path);
  if (error_.empty()) {
    reported_ = false;
    revision_ = revision;
    path_ = path;
    return "";
  }
  if (reported_) return "";
  reported_ = true;
  return error_;
}

std::string Autosaver::write(std::string_view text, const fs::path& path) {
  if (dir_.path.empty()) return dir_.error;
  if (text.size() > kMaxTextBytes) {
    return fmt::format(
        "cannot autosave the program: it has {} bytes, more than the {} a program may have",
        text.size(), kMaxTextBytes);
  }
  if (!path.empty()) {
    const util::FileText file = util::read_text_file(path, "program file", kMaxTextBytes);
    if (file.ok() && file.text == text) return remove_autosave(dir_.path);
  }
  if (std::string failure = make_private_folders(dir_.path); !failure.empty()) {
    return "cannot autosave the program: " + failure;
  }
  // A path that is not UTF-8 cannot be JSON: such text is kept as a new program.
  const std::string path_text = path.string();
  const json path_value =
      path.empty() || !util::is_utf8(path_text) ? json(nullptr) : json(path_text);
  const json meta = {{"path", path_value},
                     {"saved_at", static_cast<std::int64_t>(std::time(nullptr))},
                     {"bytes", text.size()},
                     {"fnv1a64", autosave_hash(text)}};
  if (std::string failure = util::write_file_atomically(dir_.path / kTextName, text);
      !failure.empty()) {
    return "cannot autosave the program: " + failure;
  }
  if (std::string failure = util::write_file_atomically(dir_.path / kMetaName, meta.dump(2) + '\n');
      !failure.empty()) {
    return "cannot autosave the program: " + failure;
  }
  return "";
}

std::string Autosaver::clear(std::uint64_t revision, const fs::path& path) {
  started_ = true;
  revision_ = revision;
  path_ = path;
  error_.clear();
  reported_ = false;
  if (dir_.path.empty()) return "";
  return remove_autosave(dir_.path);
}

}  // namespace poolscope::gui
