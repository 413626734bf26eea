#include "app/gui/model/lessons_dir.hpp"

#include <cstdlib>
#include <system_error>
#include <utility>

namespace poolscope::gui {

namespace {

// The running binary's folder ("" when /proc cannot say).
std::filesystem::path exe_dir() {
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

// The source tree's assets folder, or "" (not built in, or turned off: a package's test
// turns it off, so that a file missing from the package shows).
std::filesystem::path source_assets() {
#ifdef POOLSCOPE_SOURCE_ASSETS_DIR
  if (const char* off = std::getenv("POOLSCOPE_NO_SOURCE_ASSETS"); off == nullptr || *off == '\0') {
    return POOLSCOPE_SOURCE_ASSETS_DIR;
  }
#endif
  return {};
}

}  // namespace

std::vector<std::filesystem::path> find_icon_files() {
  constexpr const char* kName = "org.poolscope.Poolscope.png";
  // Each place with its own layout: hicolor's SIZE/apps/NAME, the source tree's SIZE/NAME.
  std::vector<std::pair<std::filesystem::path, const char*>> places;
  if (const std::filesystem::path exe = exe_dir(); !exe.empty()) {
    places.emplace_back(exe.parent_path() / "share" / "icons" / "hicolor", "apps");
  }
  if (const std::filesystem::path source = source_assets(); !source.empty()) {
    places.emplace_back(source / "desktop" / "icons", "");
  }
  for (const auto& [root, folder] : places) {
    std::vector<std::filesystem::path> found;
    for (const char* size : {"32x32", "48x48", "128x128"}) {
      const std::filesystem::path file = root / size / folder / kName;
      std::error_code ec;
      if (std::filesystem::is_regular_file(file, ec)) found.push_back(file);
    }
    if (!found.empty()) return found;
  }
  return {};
}

LessonsDir find_lessons_dir(const std::string& explicit_dir) {
  LessonsDir out;
  std::vector<std::filesystem::path> candidates;
  if (!explicit_dir.empty()) {
    candidates.emplace_back(explicit_dir);
  } else {
    if (const char* env = std::getenv("POOLSCOPE_LESSONS"); env != nullptr && *env != '\0') {
      candidates.emplace_back(env);
    }
    const std::filesystem::path exe = exe_dir();
    if (!exe.empty()) {
      candidates.push_back(exe.parent_path() / "share" / "poolscope" / "lessons");
      candidates.push_back(exe / "assets" / "lessons");
    }
    const std::filesystem::path source = source_assets();
    if (!source.empty()) candidates.push_back(source / "lessons");
  }
  for (const auto& c : candidates) {
    std::error_code ec;
    out.tried.push_back(c);
    if (std::filesystem::is_directory(c, ec)) {
      out.found = c;
      break;
    }
  }
  return out;
}

}  // namespace poolscope::gui
