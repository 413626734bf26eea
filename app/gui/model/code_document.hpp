#pragma once
// CodeDocument: the learner's own Go program in the app. No ImGui: tested without a window.
//
// - The editor's text is what the learner is writing; the run on screen is the last text
//   that compiled and was run (Session::scenario().source). A text that does not compile
//   never replaces that run: its messages are shown instead, in Go's words
//   ("./main.go:4:2: x declared but not used"), and the last good run stays on screen.
// - check() compiles the text when it changed since the last check (a small program
//   compiles in well under a millisecond; the cap is scenario::kMaxSourceBytes).
// - Files: read_go_file() reads through util::read_text_file (regular files only, UTF-8,
//   at most kMaxSourceBytes); save() writes through util::write_file_atomically, so a
//   full disk or a crash leaves the old file whole.
// - Live constants: constants() lists the top-level int, float and duration constants of
//   package main of the text on screen (golang::main_constants); with_constant() gives the
//   text with one constant's value replaced, which the app puts into the editor (undoable)
//   and runs from the start.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/gui/model/text_editor.hpp"
#include "core/golang/check.hpp"
#include "core/scenario/scenario.hpp"

namespace poolscope::gui {

struct CodeDocument {
  TextEditor editor;
  std::filesystem::path path;                   // "" for a program not saved yet
  std::vector<golang::Diagnostic> diagnostics;  // of the text at checked_revision
  std::uint64_t checked_revision = ~std::uint64_t{0};
  bool compiles = false;  // the text at checked_revision compiles
  // The scenario the program came from when it was not a file (a lesson's preset, a
  // scenario file with a source): its runs keep its id, title and summary, so its lesson
  // follows them.
  std::optional<scenario::Scenario> origin;
};

// The file name shown and used in messages: the path's name, or "main.go".
[[nodiscard]] std::string display_name(const CodeDocument& doc);

// Compiles the editor's text if it changed since the last check; true when it compiles.
bool check(CodeDocument& doc);

// "main.go:LINE:COL: message" lines (gc's own form, with the document's file name).
[[nodiscard]] std::string diagnostics_text(const CodeDocument& doc);

// The scenario that runs `source`: id and title from the file name, the given seed.
[[nodiscard]] scenario::Scenario program_scenario(std::string source,
                                                  const std::filesystem::path& path,
                                                  std::uint64_t seed = 1);
// The same for the document's program: its origin's id and title when it has one.
[[nodiscard]] scenario::Scenario program_scenario(const CodeDocument& doc, std::string source,
                                                  std::uint64_t seed);

// The text of a Go file, or a one-line error naming it.
struct GoFile {
  std::string text;
  std::string error;
};
[[nodiscard]] GoFile read_go_file(const std::filesystem::path& path);

// Writes the editor's text to `path` (atomically) and makes it the document's file; ""
// or the message for the learner.
std::string save(CodeDocument& doc, const std::filesystem::path& path);

// The live constants of `source` (empty when it does not compile).
[[nodiscard]] std::vector<golang::ConstInfo> constants(std::string_view source);
// `source` with constant `name` set to the Go expression `value` (e.g. "5", "250 *
// time.Millisecond"); unchanged when there is no such constant.
[[nodiscard]] std::string with_constant(std::string_view source, const std::string& name,
                                        const std::string& value);

}  // namespace poolscope::gui
