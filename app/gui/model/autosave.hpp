#pragma once
// Autosave: the editor's text survives a crash of the run and a restart of the app. The
// app keeps a copy of unsaved text in the XDG state folder and offers it back, with a
// one-line notice, on the next start.
//
// - Where: $XDG_STATE_HOME/poolscope/ when XDG_STATE_HOME is set and absolute (the XDG
//   Base Directory spec says a relative one is to be ignored), else
//   $HOME/.local/state/poolscope/ (HOME must be absolute too); neither is a message, not
//   a crash. Folders that are missing are made with mode 0700: the text is private.
// - What: two files. autosave.go holds the text exactly as it was (no escaping: a learner
//   can open it by hand, and bad metadata never takes the text with it). autosave.json
//   holds the metadata: the program file's path (null for a new program), the time
//   (Unix seconds), and the text's size and FNV-1a hash. Each is written whole through
//   util::write_file_atomically, the text first. A crash between the two leaves metadata
//   that does not match the text: the hash shows it, and the text is restored as a new
//   program (never with a path that may belong to other text, which a Save would
//   overwrite). There is no "unsaved" flag: an autosave exists only while the text
//   differs from its file (text equal to the file removes it), so its presence is that
//   fact.
// - Writing (Autosaver): the app reports the editor's state each frame. A change (a new
//   revision or path) is written at once when the last write was at least `interval`
//   seconds ago, else when that time has passed; nothing is written while nothing
//   changes. Text equal to the file on disk removes the autosave instead. A failed write
//   is reported once (until a write succeeds again) and retried every `interval`; the
//   previous autosave stays whole. Text above scenario::kMaxSourceBytes is not written
//   (reported once): restore would refuse it.
// - Restoring (restore_autosave): text that is missing a file path, or differs from its
//   file, is offered back with a notice such as "Restored your unsaved program from
//   14:03 (main.go). Save it to keep it." Text equal to its file is nothing to restore
//   (the autosave is removed). An autosave that cannot be read (too large, not UTF-8,
//   not a regular file) is renamed to autosave.go.bad (or .bad.2, ...: an older one is
//   never replaced) and the notice says so; bad metadata is set aside the same way and
//   the text is restored as a new program. Nothing here throws or crashes on any input.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace poolscope::gui {

inline constexpr double kAutosaveInterval = 2.0;  // seconds between writes, at most one

struct AutosaveDir {
  std::filesystem::path path;  // the poolscope folder; empty when there is none
  std::string error;           // why there is none ("" when path is set)
};

// The autosave folder from XDG_STATE_HOME or HOME (see above). Makes nothing.
AutosaveDir autosave_dir();

struct Restored {
  bool found = false;          // there is text for the editor
  std::string text;            // the autosaved text, when found
  std::filesystem::path path;  // its program file; empty: a new program (Save asks a name)
  std::int64_t saved_at = 0;   // Unix seconds; 0 when unknown
  // One line for the app to show; set when found, and when something was set aside.
  std::string notice;
};

// Reads the autosave in `dir` (an empty dir gives nothing). Files are read through
// util::read_text_file; the program file is compared with the text.
Restored restore_autosave(const std::filesystem::path& dir);

class Autosaver {
 public:
  explicit Autosaver(AutosaveDir dir, double interval = kAutosaveInterval);

  // Each frame: the editor's revision (TextEditor::revision()), its text, the program
  // file's path (empty for a new program) and a steady clock in seconds. The first call
  // only notes the state (the text came from a file or from restore_autosave(), which
  // keeps its autosave). Returns "" or a message to show once.
  std::string update(std::uint64_t revision, std::string_view text,
                     const std::filesystem::path& path, double now);

  // The text at `revision` is safe (saved to `path`, a new empty program, ...): removes
  // the autosave and writes nothing until the revision or the path changes. "" or why
  // the files could not be removed.
  std::string clear(std::uint64_t revision, const std::filesystem::path& path);

  // The last write's failure, "" when it worked (or nothing was tried yet).
  [[nodiscard]] const std::string& error() const noexcept { return error_; }

 private:
  std::string write(std::string_view text, const std::filesystem::path& path);

  AutosaveDir dir_;
  double interval_;
  bool started_ = false;
  std::uint64_t revision_ = 0;  // the state last written or cleared (or first seen)
  std::filesystem::path path_;
  bool attempted_ = false;  // a write was tried at last_attempt_
  double last_attempt_ = 0.0;
  std::string error_;
  bool reported_ = false;  // error_ was returned once already
};

// FNV-1a, 64 bits, of `text` as 16 lowercase hex digits (the metadata's check of the text).
std::string autosave_hash(std::string_view text);

}  // namespace poolscope::gui
