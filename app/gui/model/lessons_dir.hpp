#pragma once
// Where the app finds its lesson files (core/lesson/lesson.hpp reads them) and its icon.
#include <filesystem>
#include <string>
#include <vector>

namespace poolscope::gui {

// Where the lessons are, first match wins: `explicit_dir` (from --lessons) if given;
// $POOLSCOPE_LESSONS; <exe dir>/../share/poolscope/lessons (installed);
// <exe dir>/assets/lessons (copied beside the binary); the source tree's assets/lessons
// (unless $POOLSCOPE_NO_SOURCE_ASSETS is set, or the build has POOLSCOPE_SOURCE_ASSETS off).
// Returns the candidates looked at, in order, when none exists (for the message).
struct LessonsDir {
  std::filesystem::path found;  // empty when none
  std::vector<std::filesystem::path> tried;
};
LessonsDir find_lessons_dir(const std::string& explicit_dir);

// The app's icon at 32, 48 and 128 pixels, for the window: from the installed hicolor
// theme (<exe dir>/../share/icons/hicolor/NxN/apps), else from the source tree's
// assets/desktop/icons (as for the lessons). Empty when none is found.
std::vector<std::filesystem::path> find_icon_files();

}  // namespace poolscope::gui
