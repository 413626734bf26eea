#pragma once
// Share: the Open / Save / Record buttons and their dialogs, F12 screenshots, files
// dropped onto the window, and short notices in the corner.
//
// - Dear ImGui 1.86 has no file dialog: each dialog is a path field prefilled with a name
//   in the current directory made from the scenario id, its buttons, and the error in the
//   dialog itself, so a failed save or open never loses what was typed.
// - Opening (dialog or drop) replaces the session's scenario only when the file is valid;
//   otherwise the message is shown and the run goes on untouched (scenario_io.hpp).
// - Record runs a RecordJob (a child `poolscope --record`); while it runs, the Record
//   button becomes a progress bar with Cancel.
// - The screenshot itself needs the rendered frame, so draw_share() only raises
//   `screenshot_requested`; the frame loop writes the PNG and reports back with
//   screenshot_written().
#include <memory>
#include <string>

#include "app/gui/model/record_job.hpp"
#include "app/gui/model/session.hpp"
#include "app/gui/views/view_pool.hpp"

namespace poolscope::gui {

struct ShareState {
  std::string path;          // the path field of the open dialog
  std::string dialog_error;  // shown inside the open dialog
  std::string open_code;     // a Go program the open dialog chose: the app opens it as code

  // Record settings, kept between recordings.
  float record_seconds = 10.0f;
  int record_fps = 30;
  int record_size = 1;  // index into the size list (1920x1080)
  bool record_captions = false;
  bool record_code = false;
  int record_theme = -1;  // a ThemeId; -1: the app's theme
  int record_scale = 0;   // index into the scale list (0: from the video's height)
  std::unique_ptr<RecordJob> job;

  // A file dropped onto the window that could not be opened.
  std::string drop_error;
  bool show_drop_error = false;

  // A notice in the corner ("Saved hello-pool.json"), for a few seconds.
  std::string notice;
  bool notice_is_error = false;
  float notice_left_s = 0.0f;

  bool screenshot_requested = false;  // F12 this frame
};

// Draws the buttons into the current panel and any dialog they opened. Returns true when
// the session's scenario was replaced (views reset their own state).
bool draw_share(Session& session, ShareState& state, const PoolViewStyle& style);

// Every frame, whether the buttons show or not: F12, the recording's progress, a dropped
// file's error and the notice in the corner.
void draw_share_always(ShareState& state, const PoolViewStyle& style, float dt);

// Opens a file dropped onto the window: true when the scenario was replaced; otherwise
// the error is shown in a dialog on the next draw_share().
bool open_dropped_file(Session& session, ShareState& state, const std::string& path);

// Dialog pieces: a message in the warning colour and a dimmed note, both wrapped at the
// dialogs' width (nothing for ""); the next window centred on the screen as it appears.
void error_text(const PoolViewStyle& style, const std::string& text);
void dim_wrapped(const PoolViewStyle& style, const std::string& text);
void centre_next_window();

// Reports a screenshot the frame loop wrote (`error` "" on success).
void screenshot_written(ShareState& state, const std::string& path, const std::string& error);

}  // namespace poolscope::gui
