#pragma once
// Preferences: what Poolscope remembers between runs (UI scale, theme, window size and
// position, the last preset, stage mode), as JSON in the user's config directory.
//
// - The file is $XDG_CONFIG_HOME/poolscope/prefs.json, or ~/.config/poolscope/prefs.json
//   when XDG_CONFIG_HOME is unset or empty (XDG Base Directory spec). Tests set
//   XDG_CONFIG_HOME to a folder of their own.
// - load_prefs() never fails: a missing file gives the defaults; a corrupt file or a bad
//   value gives the defaults for what could not be read and a warning naming the file
//   and the problem. Unknown keys are ignored (a newer version may have written them).
// - save_prefs() creates the folder; it returns "" or a message naming the file.
#include <climits>
#include <filesystem>
#include <string>
#include <string_view>

#include "app/gui/model/look.hpp"

namespace poolscope::gui {

struct Prefs {
  float scale = 1.0f;             // = 1    // UI scale, 0.5..4
  ThemeId theme = ThemeId::Dark;  // = dark
  int width = 0;                  // = 0    // window size in pixels; 0: the default
  int height = 0;                 // = 0
  int x = INT_MIN;                // = none // window position; INT_MIN: let the system place it
  int y = INT_MIN;                // = none
  std::string preset;             // = ""   // the preset shown last
  bool stage = false;             // = false // stage mode
  bool fullscreen = false;        // = false

  friend bool operator==(const Prefs&, const Prefs&) = default;
};

struct LoadedPrefs {
  Prefs prefs;
  std::string warning;  // "" when the file was read cleanly or was not there
};

// The prefs file's path (see above); empty when neither XDG_CONFIG_HOME nor HOME is set.
std::filesystem::path prefs_path();
// Reads the file through util::read_text_file (a regular file of at most 1 MiB: a link
// to /dev/zero or a FIFO is a warning, not a hang) and parse_prefs().
LoadedPrefs load_prefs(const std::filesystem::path& path);
// Preferences from the text of a prefs file; `name` starts the warning.
LoadedPrefs parse_prefs(std::string_view text, const std::string& name);
std::string save_prefs(const std::filesystem::path& path, const Prefs& prefs);

// "dark", "light", "projector" -> the theme; false when unknown.
bool parse_theme(const std::string& name, ThemeId& theme);

}  // namespace poolscope::gui
