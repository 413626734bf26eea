#pragma once
// Scenario files from the app: open (a path typed in, or a file dropped onto the window),
// save, and the names of the files the app writes. No ImGui here: the dialogs are in
// view_share.cpp, and these functions are tested without a window.
//
// - open_scenario_file() replaces the session's scenario only when the whole file is
//   valid. On any problem the session is untouched (same scenario, same moment, same
//   events) and the message names the file, the key, the value and where (line, column)
//   as core/scenario reports them.
// - scenario_to_save() is what Save writes: the session's scenario, with live changes
//   (the worker and rate sliders) folded in as its starting values, so what is shared is
//   what is on screen. Opening the saved file gives back exactly that scenario.
// - Names are made from the scenario id with only [A-Za-z0-9._-] kept, so any id gives a
//   usable file name.
#include <filesystem>
#include <string>
#include <vector>

#include "app/gui/model/session.hpp"
#include "core/scenario/scenario.hpp"

namespace poolscope::gui {

// Loads `path` into `session` (which resets to its start). "" on success, else the
// message for the user (one problem a line); the session is then unchanged.
std::string open_scenario_file(Session& session, const std::filesystem::path& path);

// The scenario Save writes (see above).
scenario::Scenario scenario_to_save(const Session& session);

// The name a scenario is saved under: NAME.poolscope.json, the type the desktop knows as
// a Poolscope scenario. A name without an extension gets ".poolscope.json" ("my-pool" ->
// "my-pool.poolscope.json"); a name the user gave an extension (".json") stays.
std::filesystem::path scenario_file_path(const std::filesystem::path& path);

// Writes scenario_to_save(session) to `path`. "" or the message for the user.
std::string save_scenario_file(const Session& session, const std::filesystem::path& path);

// The scenario id made safe for a file name ("custom" when nothing is left).
std::string file_stem(const scenario::Scenario& s);

// "<dir>/<id>_t<seconds>s.png" for a screenshot at virtual time `t`, with "-2", "-3"...
// added when that file exists, so a screenshot never replaces another.
std::filesystem::path screenshot_path(const std::filesystem::path& dir, const scenario::Scenario& s,
                                      trace::Time t);

// The files Open lists: *.json (scenarios) and *.go (programs) directly in `dir`, sorted
// by name, at most `limit`.
std::vector<std::filesystem::path> openable_files_in(const std::filesystem::path& dir,
                                                     std::size_t limit);

}  // namespace poolscope::gui
