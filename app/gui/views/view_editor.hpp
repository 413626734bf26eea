#pragma once
// The code editor: where the learner types their own Go program. It draws a TextEditor
// (model/text_editor.hpp, which holds the text and every editing rule) and turns keys
// and clicks into its calls.
//
// - Widget, not owner: the text is the caller's TextEditor, the view's memory between
//   frames is EditorViewState (no function-local statics), and the compile errors and
//   line markers are the caller's spans, read during the call only.
// - Call draw_editor() once a frame for each editor shown, inside a window, with the same
//   state. It draws at the window's cursor: the find bar (while open), then the text in
//   a child window of `size` (ImGui's child sizes: 0 fills the rest, a negative value
//   leaves that much room) that scrolls by itself. The code font is style.fonts->code.
//   Two editors in one window need ImGui::PushID() around each (their IDs are fixed).
// - The state remembers the keyboard between frames: an editor not drawn for a while
//   (a hidden tab) claims nothing then, and has the keyboard again when drawn again.
// - The keyboard: a click in the text gives the editor the keyboard; a click anywhere
//   else, or Escape (with the find bar closed), takes it back. While it has it,
//   io.WantTextInput is true, from the next frame's NewFrame() on and, within this frame,
//   from draw_editor()'s return. The app must then leave single-key shortcuts alone:
//   check `ImGui::GetIO().WantTextInput` before them (App::handle_keys() does, at the top
//   of the frame), or EditorResult::focused / EditorViewState::focused.
// - Keys, while it has the keyboard: typing, Enter (auto-indent), Tab / Shift+Tab,
//   Backspace / Delete (Ctrl: a word), arrows (Ctrl: words), Home / End (Ctrl: the whole
//   text), PageUp / PageDown, Shift with any of them to select, Ctrl+A, Ctrl+C / X / V
//   (also Ctrl+Insert, Shift+Delete, Shift+Insert), Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y,
//   Ctrl+F (find bar: Enter next, Shift+Enter previous, Escape closes), and Ctrl+Enter,
//   which only reports `run`. Mouse: click, drag, Shift+click, double-click (word),
//   triple-click (line), wheel.
// - Read-only (TextEditor::set_read_only): moving, selecting, copying and finding work;
//   an edit shows a short notice instead. Markers suit a running program.
// - Compile errors: each golang::Diagnostic (1-based line and gc's byte column) gets a
//   wavy underline in the error colour over TextEditor::diagnostic_range() and a dot in
//   the gutter; hovering either shows the message; clicking the dot moves the caret
//   there and reports it. They are drawn where they say: after an edit they may point
//   at moved text until the caller replaces them.
// - Cost: only the lines in view are drawn; the colouring (highlight_go) is made again
//   only when the text's revision changes.
#include <cstdint>
#include <span>
#include <string>

#include <imgui.h>

#include "app/gui/model/go_syntax.hpp"
#include "app/gui/model/palette.hpp"
#include "app/gui/model/text_editor.hpp"
#include "app/gui/platform/fonts.hpp"
#include "core/golang/ast.hpp"

namespace poolscope::gui {

struct EditorStyle {
  ThemeId theme = ThemeId::Dark;  // = Dark    // colours (palette.hpp, code_colours.hpp)
  float scale = 1.0f;             // = 1       // the UI scale: paddings and strokes
  const Fonts* fonts = nullptr;   // = nullptr // the code font; null: ImGui's current font
};

// A mark in the gutter, e.g. the goroutines on a line of a running program.
struct EditorLineMarker {
  int line = 0;              // 1-based, as Go numbers lines
  std::uint32_t colour = 0;  // fill, packed as IM_COL32
  std::string label;         // short: a glyph or "3x" (drawn in black or white on the fill)
  std::string tooltip;       // shown on hover ("" for none)
};

struct EditorViewState {
  // Set by the app.
  bool focus_next_frame = false;  // = false // give the editor the keyboard next frame
  bool reveal_cursor = false;     // = false // scroll the caret into view next frame
  // The find bar (Ctrl+F).
  bool find_open = false;        // = false
  std::string find_query;        // = ""
  bool find_match_case = false;  // = false // else ASCII case is ignored
  // The view's own memory.
  bool focused = false;  // the editor has the keyboard (see the contract above)
  bool find_active = false;
  bool find_focus_next_frame = false;
  bool dragging = false;    // a drag that began in the text is selecting
  double blink_start = 0;   // the caret shows solid for a while after this time
  std::string notice;       // a short message over the text ("read-only ...")
  double notice_until = 0;  // ImGui time at which the notice goes
  std::uint64_t listing_revision = ~std::uint64_t{0};  // the revision `listing` shows
  GoListing listing;                                   // highlight_go(editor.text())
  std::uint64_t count_revision = ~std::uint64_t{0};    // what `match_count` counted
  std::string count_query;
  bool count_match_case = false;
  std::size_t match_count = 0;
};

struct EditorResult {
  bool changed = false;         // the text changed in this call (typing, paste, undo...)
  bool run = false;             // Ctrl+Enter: the learner asks to run the program
  int diagnostic_clicked = -1;  // index into `diagnostics` of the gutter dot clicked
  int marker_clicked = -1;      // index into `markers` of the marker clicked
  bool focused = false;         // the editor has the keyboard after this call
};

EditorResult draw_editor(TextEditor& editor, EditorViewState& state, const EditorStyle& style,
                         ImVec2 size, std::span<const golang::Diagnostic> diagnostics = {},
                         std::span<const EditorLineMarker> markers = {});

}  // namespace poolscope::gui
