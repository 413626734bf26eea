#pragma once
// TextEditor: the learner's Go program as it is being typed: the text, a cursor and a
// selection, undo and redo, find, and where Go's compile errors point. Pure (no ImGui):
// views/view_editor.hpp draws it and turns keys and clicks into these calls; tested
// without a window (tests/gui/model/text_editor_test.cpp).
//
//   [SECTION] Positions
//   [SECTION] Limits
//   [SECTION] TextEditor: text, cursor and selection, editing, undo, find, positions
//
// Contract:
// - A position is TextPos{line, column}: both 0-based, the column a *byte* offset into
//   that line's UTF-8 text, always on a code point boundary (every position handed in is
//   clamped to the text and moved back to one). Moving left and right steps by code
//   points; up and down keep a preferred *display* column, where a tab advances to the
//   next multiple of kGoTabWidth (go_syntax.hpp) and every other code point is one column.
// - The text is UTF-8 split into lines at '\n'; there is always at least one line, and a
//   text that ends in '\n' has an empty last line. Everything that comes in (set_text,
//   type, insert, replace_range) is cleaned first: "\r\n" and a lone "\r" become "\n";
//   every byte that is not part of valid UTF-8, and every control character other than
//   tab and newline, becomes U+FFFD.
// - Size: the text never grows past kMaxEditorBytes. An edit that would make it larger is
//   refused whole (false, nothing changes); a 100 MB paste is refused from its length
//   alone, before it is looked at.
// - Read-only (set_read_only): the learner's edits (type, insert, newline, backspace,
//   delete_forward, tab, untab, cut, undo, redo) return false or "" and change nothing;
//   moving, selecting, copying and finding still work. The app's own edits, set_text and
//   replace_range, work either way.
// - Undo: every edit is one step that restores the text and the selection it had. Typed
//   characters (type(), Tab) join the step before them while the learner keeps typing:
//   a newline, a paste, a cut, any cursor move or click, an undo, or a pause of
//   kUndoPause seconds ends the step. Backspaces join likewise, and so do deletes. The
//   clock is what set_time() last said (the view passes ImGui::GetTime() each frame), so
//   tests decide what a pause is. History is bounded: the oldest steps go once the
//   steps hold more than kMaxUndoBytes of text or number more than kMaxUndoSteps (the
//   newest step always stays). set_text() clears it.
// - revision() counts the changes to the text and never goes back (an undo is a change
//   too): a caller that remembers it knows when to rerun or autosave. modified() says
//   whether the text differs, by its history, from the last set_text() or mark_saved():
//   undoing back to that point makes it false again (after mark_unsaved(), nothing does).
// - Find matches bytes, ignoring ASCII case unless asked; a match may span lines.
// - One thread; nothing throws on any input.
#include <compare>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace poolscope::gui {

// [SECTION] Positions ----------------------------------------------------------------------

struct TextPos {
  int line = 0;    // 0-based
  int column = 0;  // 0-based byte offset in the line
  friend bool operator==(const TextPos&, const TextPos&) = default;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  friend auto operator<=>(const TextPos&, const TextPos&) = default;
};

// [begin, end): begin <= end when a TextEditor hands one out.
struct TextRange {
  TextPos begin;
  TextPos end;
  [[nodiscard]] bool empty() const noexcept { return begin == end; }
  friend bool operator==(const TextRange&, const TextRange&) = default;
};

enum class Motion : std::uint8_t {
  Left,           // one code point (a selection collapses to its start instead)
  Right,          // one code point (a selection collapses to its end instead)
  WordLeft,       // Ctrl+Left: to the start of the word (or run of punctuation) before
  WordRight,      // Ctrl+Right: past the next word (or run of punctuation)
  Up,             // one line, keeping the preferred display column
  Down,           //
  PageUp,         // page_lines() lines, keeping the preferred display column
  PageDown,       //
  Home,           // the first non-blank character; from there, column 0
  End,            // the end of the line
  DocumentStart,  // Ctrl+Home
  DocumentEnd,    // Ctrl+End
};

// [SECTION] Limits -------------------------------------------------------------------------

inline constexpr std::size_t kMaxEditorBytes = std::size_t{1} << 20;  // 1 MiB of program text
inline constexpr std::size_t kMaxUndoBytes = std::size_t{8} << 20;    // text kept for undo
inline constexpr std::size_t kMaxUndoSteps = 5000;
inline constexpr double kUndoPause = 1.0;  // seconds without typing that end an undo step

// The cleaning every text coming in gets (see the contract): newlines, U+FFFD.
[[nodiscard]] std::string clean_editor_text(std::string_view text);

// [SECTION] TextEditor ---------------------------------------------------------------------

class TextEditor {
 public:
  TextEditor() = default;  // one empty line
  explicit TextEditor(std::string_view text);

  // Text ---------------------------------------------------------------------------------
  // Replaces the whole text (cleaned); the cursor goes to the start, undo history is
  // cleared, and the text counts as saved. False (nothing changes) when it is too large.
  bool set_text(std::string_view text);
  [[nodiscard]] std::string text() const;
  [[nodiscard]] int line_count() const noexcept { return static_cast<int>(lines_.size()); }
  // Line `line` without its newline ("" when out of range).
  [[nodiscard]] std::string_view line(int line) const noexcept;
  [[nodiscard]] std::size_t size() const noexcept { return bytes_; }  // bytes of text()
  [[nodiscard]] std::uint64_t revision() const noexcept { return revision_; }
  [[nodiscard]] bool modified() const noexcept { return state_id_ != saved_id_; }
  void mark_saved() noexcept { saved_id_ = state_id_; }
  // The text is not in any file (restored unsaved work): modified() until mark_saved().
  void mark_unsaved() noexcept { saved_id_ = kNoState; }
  void set_read_only(bool read_only) noexcept { read_only_ = read_only; }
  [[nodiscard]] bool read_only() const noexcept { return read_only_; }
  // The clock, in seconds, that undo grouping measures pauses with.
  void set_time(double seconds) noexcept { now_ = seconds; }

  // Cursor and selection ------------------------------------------------------------------
  // The cursor is where the caret is and the end of the selection that moves; the anchor
  // is the end that stays. No selection: anchor == cursor.
  [[nodiscard]] TextPos cursor() const noexcept { return cursor_; }
  [[nodiscard]] TextPos anchor() const noexcept { return anchor_; }
  [[nodiscard]] TextRange selection() const noexcept;  // ordered
  [[nodiscard]] bool has_selection() const noexcept { return anchor_ != cursor_; }
  [[nodiscard]] std::string selected_text() const;
  // Puts the cursor at `at` (clamped); `extend` keeps the anchor (Shift+click, drag).
  void set_cursor(TextPos at, bool extend = false);
  void set_selection(TextPos anchor, TextPos cursor);
  void move(Motion motion, bool extend = false);
  // How far PageUp and PageDown move (>= 1; the view sets the lines it shows).
  void set_page_lines(int lines) noexcept { page_lines_ = lines < 1 ? 1 : lines; }
  [[nodiscard]] int page_lines() const noexcept { return page_lines_; }
  void select_all();
  // Double-click: the word (identifier or number), run of blanks or of punctuation at
  // `at`; at the end of a line, the one before it.
  void select_word_at(TextPos at);
  // Triple-click: the whole line with its newline.
  void select_line(int line);

  // Editing by the learner (each refused when read-only) ---------------------------------
  // Typed characters replace the selection. A `}` typed where the line holds only
  // indentation ending in a tab first removes that tab.
  bool type(std::string_view text);
  // A paste: replaces the selection, one undo step of its own.
  bool insert(std::string_view text);
  // Enter: the line's indentation again, one tab more after a line ending in `{` or `(`;
  // between `{` and `}` (or `(` and `)`) the closer goes on a line of its own below.
  bool newline();
  // Backspace and Delete: the selection, else one code point (a word with `word`).
  bool backspace(bool word = false);
  bool delete_forward(bool word = false);
  // Tab: a tab in place of a selection within one line, else one tab more at the start
  // of every selected line that is not empty. Shift+Tab: one tab (or up to kGoTabWidth
  // spaces) less at the start of every line the selection touches.
  bool tab();
  bool untab();
  // The selection's text, removed ("" and nothing changes when empty or read-only).
  std::string cut();
  bool undo();
  bool redo();
  [[nodiscard]] bool can_undo() const noexcept { return !read_only_ && !undo_.empty(); }
  [[nodiscard]] bool can_redo() const noexcept { return !read_only_ && !redo_.empty(); }
  [[nodiscard]] std::size_t undo_steps() const noexcept { return undo_.size(); }
  [[nodiscard]] std::size_t undo_bytes() const noexcept { return undo_bytes_; }

  // Editing by the app -------------------------------------------------------------------
  // Replaces `range` (clamped, either order) with `text`, as one undo step, even when
  // read-only (e.g. rewriting a constant's value from a control). The cursor and anchor
  // keep their place in the text around it: after the range they move with the text,
  // inside it they go to the end of the new text. False when the text would be too large.
  bool replace_range(TextRange range, std::string_view text);

  // Find ---------------------------------------------------------------------------------
  // Selects the next match after the selection (the previous one before it), wrapping
  // around the end (start); false when there is none or `query` is empty.
  bool find_next(std::string_view query, bool match_case = false);
  bool find_prev(std::string_view query, bool match_case = false);
  // Matches in the whole text, not overlapping.
  [[nodiscard]] std::size_t count_matches(std::string_view query, bool match_case = false) const;

  // Positions ----------------------------------------------------------------------------
  [[nodiscard]] TextPos clamp(TextPos at) const noexcept;
  // Byte offsets into text() (clamped both ways).
  [[nodiscard]] std::size_t position_to_offset(TextPos at) const noexcept;
  [[nodiscard]] TextPos offset_to_position(std::size_t offset) const noexcept;
  // The display column of `at` (tabs to kGoTabWidth stops, a code point one column).
  [[nodiscard]] int display_column(TextPos at) const noexcept;
  // The column of `line` nearest to display column `x` (a fraction picks the nearer side
  // of a character; a tab is one character).
  [[nodiscard]] int column_at_display(int line, float x) const noexcept;
  // The range to underline for a compile error Go reports at `line`:`column` (both
  // 1-based; gc's column is a byte column, a tab counting one): from there to the end of
  // the token (identifier, number, string or rune literal, comment, operator), on that
  // line. Never empty unless the line is; a column past the end marks the line's last
  // character; column 0 (none given) marks the line from its first non-blank; a line
  // past the end marks the end of the last line. Line 0 or less: nothing.
  [[nodiscard]] std::optional<TextRange> diagnostic_range(int line, int column) const;

 private:
  enum class Group : std::uint8_t { None, Typing, Backspace, Delete };
  struct Selection {
    TextPos anchor;
    TextPos cursor;
  };
  struct Step {
    TextPos begin;         // where the change starts
    std::string removed;   // the text it took out
    std::string inserted;  // the text it put in
    Selection before;      // the selection before and after
    Selection after;
    std::uint64_t state_before = 0;
    std::uint64_t state_after = 0;
    Group group = Group::None;
  };

  [[nodiscard]] std::size_t range_bytes(TextRange range) const noexcept;
  [[nodiscard]] bool fits(TextRange range, std::size_t inserted) const noexcept;
  // Replaces `range` with clean `text`; returns where the new text ends. Records nothing.
  TextPos splice(TextRange range, std::string_view text, std::string* removed);
  // A learner's edit: splice + undo step; the caret ends at `caret` (default: the end of
  // the new text) with no selection.
  bool edit(TextRange range, std::string_view clean, Group group,
            std::optional<TextPos> caret = std::nullopt);
  void record(Step step);
  void trim_history();
  bool merge_into_last(const Step& step);
  void apply(const Step& step, bool forward);
  // Indents (+1) or dedents (-1) lines [first, last]; false when nothing changed.
  bool shift_lines(int first, int last, int direction);
  void place(TextPos anchor, TextPos cursor);  // a move: ends the undo group
  [[nodiscard]] TextPos motion_target(Motion motion);
  [[nodiscard]] TextPos vertical_target(int delta);
  [[nodiscard]] TextPos word_left(TextPos at) const noexcept;
  [[nodiscard]] TextPos word_right(TextPos at) const noexcept;
  [[nodiscard]] TextPos step_left(TextPos at) const noexcept;
  [[nodiscard]] TextPos step_right(TextPos at) const noexcept;
  [[nodiscard]] TextPos document_end() const noexcept;
  [[nodiscard]] bool find_from(std::string_view query, bool match_case, bool forward);

  std::vector<std::string> lines_{std::string()};
  std::size_t bytes_ = 0;  // of text(): the lines and the newlines between them
  TextPos anchor_;
  TextPos cursor_;
  int preferred_x_ = -1;  // display column up and down keep (-1: the cursor's)
  int page_lines_ = 20;
  bool read_only_ = false;
  double now_ = 0;
  double last_edit_time_ = 0;
  bool group_open_ = false;  // the last undo step may take the next edit of its kind
  std::deque<Step> undo_;
  std::vector<Step> redo_;
  std::size_t undo_bytes_ = 0;
  std::uint64_t revision_ = 0;
  static constexpr std::uint64_t kNoState = UINT64_MAX;  // no state of the history is saved
  std::uint64_t state_id_ = 0;  // names the text's state in its history (for modified())
  std::uint64_t saved_id_ = 0;
  std::uint64_t next_state_id_ = 1;
};

}  // namespace poolscope::gui
