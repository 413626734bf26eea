#include "app/gui/model/lessons_dir.hpp"

#include <cstdlib>
#include <system_error>

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
  std::vector<std::filesystem::path> roots;
  if (const std::filesystem::path exe = exe_dir(); !exe.empty()) {
    roots.push_back(exe.parent_path() / "share" / "icons" / "hicolor");
  }
  if (const std::filesystem::path source = source_assets(); !source.empty()) {
    roots.push_back(source / "desktop" / "icons");
  }
  for (const std::filesystem::path& root : roots) {
    std::vector<std::filesystem::path> found;
    for (const char* size : {"32x32", "48x48", "128x128"}) {
      const std::filesystem::path installed = root / size / "apps" / kName;
      const std::filesystem::path source = root / size / kName;
      std::error_code ec;
      if (std::filesystem::is_regular_file(installed, ec)) found.push_back(installed);
      if (std::filesystem::is_regular_file(source, ec)) found.push_back(source);
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
