#include "app/gui/model/lessons_dir.hpp"

#include <cstdlib>
#include <system_error>

namespace poolscope::gui {

LessonsDir find_lessons_dir(const std::string& explicit_dir) {
  LessonsDir out;
  std::vector<std::filesystem::path> candidates;
  if (!explicit_dir.empty()) {
    candidates.emplace_back(explicit_dir);
  } else {
    if (const char* env = std::getenv("POOLSCOPE_LESSONS"); env != nullptr && *env != '\0') {
      candidates.emplace_back(env);
    }
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
      candidates.push_back(exe.parent_path().parent_path() / "share" / "poolscope" / "lessons");
      candidates.push_back(exe.parent_path() / "assets" / "lessons");
    }
#ifdef POOLSCOPE_SOURCE_ASSETS_DIR
    // A package's test turns this off, so that a lesson missing from the package shows.
    if (const char* off = std::getenv("POOLSCOPE_NO_SOURCE_ASSETS");
        off == nullptr || *off == '\0') {
      candidates.push_back(std::filesystem::path(POOLSCOPE_SOURCE_ASSETS_DIR) / "lessons");
    }
#endif
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
