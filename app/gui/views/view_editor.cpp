// The code editor's view (view_editor.hpp; every editing rule is model/text_editor.hpp).
// Sections:
//   [SECTION] Geometry
//   [SECTION] Keys
//   [SECTION] Mouse
//   [SECTION] The text: bands, selection, colours, errors, caret
//   [SECTION] The gutter: numbers, error dots, markers
//   [SECTION] The find bar
//   [SECTION] draw_editor
#include "app/gui/views/view_editor.hpp"

#include <imgui.h>
// ImGui 1.86 has no public way to ask for text input next frame (1.87 added
// SetNextFrameWantCaptureKeyboard); InputText sets WantTextInputNextFrame, and so do we.
// Also ItemAdd/ButtonBehavior (the text area as one item) and PlatformImePos.
#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <fmt/core.h>
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "app/gui/platform/keys.hpp"
#include "app/gui/views/code_colours.hpp"

namespace poolscope::gui {

namespace {

constexpr double kBlinkPeriod = 1.06;       // seconds: caret on for half of it
constexpr double kNoticeSeconds = 3.0;      // how long a refusal stays on screen
constexpr float kSquiggleAmplitude = 1.5f;  // pixels at scale 1
constexpr float kSquigglePeriod = 4.0f;

// [SECTION] Geometry ---------------------------------------------------------------------------

struct Geometry {
  ImFont* font = nullptr;
  float fs = 0;      // font size
  float line_h = 1;  // one line's height
  float char_w = 1;  // one column's width (a monospace font)
  float diag_w = 0;  // the gutter: error dots, line numbers, markers, then a gap
  float number_w = 0;
  float marker_w = 0;
  float gutter_w = 0;
  ImVec2 window;  // the visible text area's top-left on screen
  ImVec2 inner;   // its size, less the scroll bars
  float scroll_x = 0;
  float scroll_y = 0;
  int first_line = 0;  // the lines in view
  int last_line = -1;

  [[nodiscard]] float code_x() const { return window.x + gutter_w - scroll_x; }  // column 0
  [[nodiscard]] float line_y(int line) const {
    return window.y - scroll_y + static_cast<float>(line) * line_h;
  }
  [[nodiscard]] float column_x(int display_column) const {
    return code_x() + static_cast<float>(display_column) * char_w;
  }
};

// Metrics that do not depend on the child window (its content size needs them first).
Geometry font_geometry(const TextEditor& editor, std::span<const EditorLineMarker> markers,
                       float s) {
  Geometry g;
  g.font = ImGui::GetFont();
  g.fs = ImGui::GetFontSize();
  g.line_h = std::round(g.fs + 4 * s);
  g.char_w = ImGui::CalcTextSize("M").x;
  const std::string widest_number = std::to_string(std::max(editor.line_count(), 99));
  g.number_w = ImGui::CalcTextSize(widest_number.c_str()).x;
  g.diag_w = std::round(12 * s);
  float label_w = 0;
  for (const EditorLineMarker& m : markers) {
    label_w = std::max(label_w, ImGui::CalcTextSize(m.label.c_str()).x);
  }
  g.marker_w = markers.empty() ? 0 : std::round(label_w + 10 * s);
  g.gutter_w = g.diag_w + g.number_w + 6 * s + (markers.empty() ? 0 : g.marker_w + 4 * s) + 8 * s;
  return g;
}

// The rest, inside the child window.
void window_geometry(Geometry& g, int line_count) {
  const ImRect inner = ImGui::GetCurrentWindow()->InnerRect;
  g.window = inner.Min;
  g.inner = inner.GetSize();
  g.scroll_x = ImGui::GetScrollX();
  g.scroll_y = ImGui::GetScrollY();
  g.first_line = std::max(0, static_cast<int>(g.scroll_y / g.line_h));
  g.last_line = std::min(line_count - 1, static_cast<int>((g.scroll_y + g.inner.y) / g.line_h));
}

TextPos position_at(const TextEditor& editor, const Geometry& g, ImVec2 mouse) {
  const int line = std::clamp(static_cast<int>(std::floor((mouse.y - g.line_y(0)) / g.line_h)), 0,
                              editor.line_count() - 1);
  return {line, editor.column_at_display(line, (mouse.x - g.code_x()) / g.char_w)};
}

// Scrolls (from the next frame) so the caret is in view, a few columns from the edges.
void reveal_caret(const TextEditor& editor, const Geometry& g) {
  const float y = static_cast<float>(editor.cursor().line) * g.line_h;
  if (y < g.scroll_y) {
    ImGui::SetScrollY(y);
  } else if (y + g.line_h > g.scroll_y + g.inner.y) {
    ImGui::SetScrollY(y + g.line_h - g.inner.y);
  }
  const float code_w = g.inner.x - g.gutter_w;
  const float margin = std::min(4 * g.char_w, code_w / 4);
  const float x = static_cast<float>(editor.display_column(editor.cursor())) * g.char_w;
  if (x < g.scroll_x + margin) {
    ImGui::SetScrollX(std::max(0.0f, x - margin));
  } else if (x > g.scroll_x + code_w - margin) {
    ImGui::SetScrollX(x - code_w + margin);
  }
}

void show_notice(EditorViewState& state, std::string text) {
  state.notice = std::move(text);
  state.notice_until = ImGui::GetTime() + kNoticeSeconds;
}

// Why an edit that adds `bytes` was refused, shown for a moment.
void refused(EditorViewState& state, const TextEditor& editor, std::size_t bytes) {
  if (editor.read_only()) {
    show_notice(state, "Read-only while the program runs");
  } else if (editor.size() + bytes > kMaxEditorBytes) {
    show_notice(state, fmt::format("Refused: a program is at most {} KiB", kMaxEditorBytes / 1024));
  }
}

// [SECTION] Keys --------------------------------------------------------------------------------

bool pressed(ImGuiKey key, bool repeat = true) {
  return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key), repeat);
}

// Arrows, Home, End, PageUp, PageDown (Shift selects); true when one was pressed.
bool motion_keys(TextEditor& editor) {
  struct Binding {
    ImGuiKey key;
    Motion plain;
    Motion with_ctrl;
  };
  static constexpr Binding kBindings[] = {
      {ImGuiKey_LeftArrow, Motion::Left, Motion::WordLeft},
      {ImGuiKey_RightArrow, Motion::Right, Motion::WordRight},
      {ImGuiKey_UpArrow, Motion::Up, Motion::Up},
      {ImGuiKey_DownArrow, Motion::Down, Motion::Down},
      {ImGuiKey_PageUp, Motion::PageUp, Motion::PageUp},
      {ImGuiKey_PageDown, Motion::PageDown, Motion::PageDown},
      {ImGuiKey_Home, Motion::Home, Motion::DocumentStart},
      {ImGuiKey_End, Motion::End, Motion::DocumentEnd},
  };
  const ImGuiIO& io = ImGui::GetIO();
  bool acted = false;
  for (const Binding& b : kBindings) {
    if (!pressed(b.key)) continue;
    editor.move(io.KeyCtrl ? b.with_ctrl : b.plain, io.KeyShift);
    acted = true;
  }
  return acted;
}

std::string utf8(unsigned int c) {
  std::string out;
  if (c < 0x80) {
    out.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (c >> 12)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (c >> 18)));
    out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
  return out;
}

// Typed characters, Enter, Tab, Backspace, Delete; true when one was pressed.
bool typing_keys(TextEditor& editor, EditorViewState& state) {
  const ImGuiIO& io = ImGui::GetIO();
  bool acted = false;
  const auto attempt = [&](bool ok, std::size_t bytes) {
    acted = true;
    if (!ok) refused(state, editor, bytes);
  };
  // Ctrl+letter arrives as a character on some platforms; AltGr (Ctrl+Alt) types.
  if (!io.KeyCtrl || io.KeyAlt) {
    for (const ImWchar c : io.InputQueueCharacters) {
      if (c < 0x20 || c == 0x7F || (c >= 0xD800 && c < 0xE000)) continue;
      attempt(editor.type(utf8(c)), 1);
    }
  }
  if ((pressed(ImGuiKey_Enter) || pressed(ImGuiKey_KeyPadEnter)) && !io.KeyCtrl) {
    attempt(editor.newline(), 1);
  }
  if (pressed(ImGuiKey_Tab) && !io.KeyCtrl) attempt(io.KeyShift ? editor.untab() : editor.tab(), 1);
  // At either end of the text these do nothing, and no notice says so (0 bytes fit).
  if (pressed(ImGuiKey_Backspace)) attempt(editor.backspace(io.KeyCtrl), 0);
  if (pressed(ImGuiKey_Delete) && !io.KeyShift) attempt(editor.delete_forward(io.KeyCtrl), 0);
  return acted;
}

void open_find(TextEditor& editor, EditorViewState& state) {
  state.find_open = true;
  state.find_focus_next_frame = true;
  const TextRange sel = editor.selection();
  if (!sel.empty() && sel.begin.line == sel.end.line) state.find_query = editor.selected_text();
}

// Ctrl+A, the clipboard, undo and redo, Ctrl+F; true when one was pressed.
bool command_keys(TextEditor& editor, EditorViewState& state) {
  const ImGuiIO& io = ImGui::GetIO();
  const bool ctrl = io.KeyCtrl;
  bool acted = true;
  if (ctrl && pressed(ImGuiKey_A, false)) {
    editor.select_all();
  } else if (ctrl && (pressed(ImGuiKey_C, false) || pressed(ImGuiKey_Insert, false))) {
    if (editor.has_selection()) ImGui::SetClipboardText(editor.selected_text().c_str());
  } else if ((ctrl && pressed(ImGuiKey_X, false)) || (io.KeyShift && pressed(ImGuiKey_Delete))) {
    const std::string cut = editor.cut();
    if (!cut.empty()) ImGui::SetClipboardText(cut.c_str());
    if (cut.empty() && editor.has_selection()) refused(state, editor, 0);
  } else if ((ctrl && pressed(ImGuiKey_V)) || (io.KeyShift && pressed(ImGuiKey_Insert))) {
    const char* clip = ImGui::GetClipboardText();
    const std::string_view text = clip != nullptr ? std::string_view(clip) : std::string_view();
    if (!text.empty() && !editor.insert(text)) refused(state, editor, text.size());
  } else if (ctrl && pressed(ImGuiKey_Z)) {
    if (!(io.KeyShift ? editor.redo() : editor.undo())) refused(state, editor, 0);
  } else if (ctrl && pressed(ImGuiKey_Y)) {
    if (!editor.redo()) refused(state, editor, 0);
  } else if (ctrl && ImGui::IsKeyPressed(keys::kF, false)) {
    open_find(editor, state);
  } else {
    acted = false;
  }
  return acted;
}

// Every key the editor takes; true when the caret may have moved (so it is revealed).
bool handle_keys(TextEditor& editor, EditorViewState& state, EditorResult& out) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl && (pressed(ImGuiKey_Enter, false) || pressed(ImGuiKey_KeyPadEnter, false))) {
    out.run = true;
  }
  if (pressed(ImGuiKey_Escape, false)) {
    if (state.find_open) {
      state.find_open = false;
    } else {
      state.focused = false;
    }
    return false;
  }
  bool acted = command_keys(editor, state);
  acted = motion_keys(editor) || acted;
  acted = typing_keys(editor, state) || acted;
  if (acted) state.blink_start = ImGui::GetTime();
  return acted;
}

// [SECTION] Mouse -------------------------------------------------------------------------------

// Click, drag, Shift+click, double- and triple-click in the text; true when the caret moved.
bool handle_mouse(TextEditor& editor, EditorViewState& state, const Geometry& g, bool hovered) {
  const ImGuiIO& io = ImGui::GetIO();
  const bool in_gutter = io.MousePos.x < g.window.x + g.gutter_w;
  if (hovered && !in_gutter) ImGui::SetMouseCursor(ImGuiMouseCursor_TextInput);
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    state.focused = true;
    state.blink_start = ImGui::GetTime();
    if (in_gutter) return false;  // the gutter acts once it is drawn (draw_gutter)
    const TextPos at = position_at(editor, g, io.MousePos);
    const int clicks = ImGui::GetMouseClickedCount(ImGuiMouseButton_Left);
    if (clicks >= 3) {
      editor.select_line(at.line);
    } else if (clicks == 2) {
      editor.select_word_at(at);
    } else {
      editor.set_cursor(at, io.KeyShift);
      state.dragging = true;
    }
    return true;
  }
  if (!state.dragging) return false;
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    state.dragging = false;
    return false;
  }
  if (io.MouseDelta.x == 0 && io.MouseDelta.y == 0 && hovered) return false;
  editor.set_cursor(position_at(editor, g, io.MousePos), true);
  return true;  // past an edge, revealing the caret scrolls along
}

// [SECTION] The text: bands, selection, colours, errors, caret
// --------------------------------------

struct Frame {
  const TextEditor& editor;
  const EditorViewState& state;
  const EditorStyle& style;
  const Geometry& g;
  const Palette& pal;
  ImDrawList* dl;
};

int code_points(const char* begin, const char* end) {
  int n = 0;
  for (const char* p = begin; p < end; ++p) n += (static_cast<unsigned char>(*p) & 0xC0) != 0x80;
  return n;
}

void draw_line_text(const Frame& f, int line, float y) {
  if (line >= static_cast<int>(f.state.listing.lines.size())) return;
  const GoLine& gl = f.state.listing.lines[static_cast<std::size_t>(line)];
  const float left = f.g.window.x + f.g.gutter_w;
  const float right = f.g.window.x + f.g.inner.x;
  const float text_y = y + (f.g.line_h - f.g.fs) / 2;
  int column = 0;
  for (const GoRun& r : gl.runs) {
    const char* begin = gl.text.data() + r.begin;
    const char* end = gl.text.data() + r.end;
    const int n = code_points(begin, end);
    const float x = f.g.column_x(column);
    if (x > right) break;
    if (x + static_cast<float>(n) * f.g.char_w >= left) {
      f.dl->AddText(f.g.font, f.g.fs, ImVec2(x, text_y), syntax_colour(f.style.theme, r.kind),
                    begin, end);
    }
    column += n;
  }
}

void draw_line_bands(const Frame& f, int line, float y) {
  const TextEditor& ed = f.editor;
  const float s = f.style.scale;
  const ImVec2 band_a(f.g.window.x + f.g.gutter_w, y);
  const ImVec2 band_b(f.g.window.x + f.g.inner.x, y + f.g.line_h);
  if (f.state.focused && !ed.has_selection() && line == ed.cursor().line) {
    f.dl->AddRectFilled(band_a, band_b, with_alpha(f.pal.text, 0.06f));
  }
  const TextRange sel = ed.selection();
  if (sel.empty() || line < sel.begin.line || line > sel.end.line) return;
  const int from = line == sel.begin.line ? ed.display_column(sel.begin) : 0;
  // A selected newline shows as a little room after the line's end.
  const int to = line == sel.end.line
                     ? ed.display_column(sel.end)
                     : ed.display_column({line, static_cast<int>(ed.line(line).size())}) + 1;
  if (to <= from) return;
  const std::uint32_t colour = with_alpha(f.pal.accent, f.state.focused ? 0.38f : 0.22f);
  f.dl->AddRectFilled(ImVec2(f.g.column_x(from), y), ImVec2(f.g.column_x(to), y + f.g.line_h),
                      colour, 2 * s);
}

void squiggle(ImDrawList* dl, float x0, float x1, float y, std::uint32_t colour, float s) {
  const float a = kSquiggleAmplitude * s;
  const float step = kSquigglePeriod * s / 2;
  std::vector<ImVec2> points;
  bool up = true;
  for (float x = x0; x < x1 + step; x += step, up = !up) {
    points.emplace_back(std::min(x, x1), y + (up ? -a : a));
  }
  dl->AddPolyline(points.data(), static_cast<int>(points.size()), colour, 0, std::max(1.0f, s));
}

// The underlines of compile errors in view; the messages under the mouse go in `hovered`.
void draw_diagnostics(const Frame& f, std::span<const golang::Diagnostic> diagnostics,
                      std::vector<const golang::Diagnostic*>& hovered) {
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const bool window_hovered = ImGui::IsWindowHovered();
  for (const golang::Diagnostic& d : diagnostics) {
    const std::optional<TextRange> r = f.editor.diagnostic_range(d.line, d.col);
    if (!r || r->begin.line < f.g.first_line || r->begin.line > f.g.last_line) continue;
    const float x0 = f.g.column_x(f.editor.display_column(r->begin));
    const float x1 = std::max(f.g.column_x(f.editor.display_column(r->end)), x0 + f.g.char_w);
    const float y = f.g.line_y(r->begin.line);
    squiggle(f.dl, x0, x1, y + f.g.line_h - 2 * f.style.scale, f.pal.deadlock, f.style.scale);
    if (window_hovered && mouse.x >= x0 && mouse.x < x1 && mouse.y >= y &&
        mouse.y < y + f.g.line_h && mouse.x >= f.g.window.x + f.g.gutter_w) {
      hovered.push_back(&d);
    }
  }
}

void draw_caret(const Frame& f) {
  const TextEditor& ed = f.editor;
  if (!f.state.focused) return;
  const float x = f.g.column_x(ed.display_column(ed.cursor()));
  const float y = f.g.line_y(ed.cursor().line);
  // Where an input method shows its window (ImGui 1.86 passes it to the platform).
  ImGui::GetCurrentContext()->PlatformImePos = ImVec2(x, y + f.g.line_h);
  const double t = ImGui::GetTime() - f.state.blink_start;
  if (std::fmod(t, kBlinkPeriod) > kBlinkPeriod / 2) return;
  const float w = std::max(1.0f, (ed.read_only() ? 1.0f : 2.0f) * f.style.scale);
  f.dl->AddRectFilled(ImVec2(x, y + 1), ImVec2(x + w, y + f.g.line_h - 1),
                      ed.read_only() ? with_alpha(f.pal.text, 0.5f) : f.pal.text);
}

void draw_text(const Frame& f, std::span<const golang::Diagnostic> diagnostics,
               std::vector<const golang::Diagnostic*>& hovered) {
  const ImVec2 clip_a(f.g.window.x + f.g.gutter_w, f.g.window.y);
  const ImVec2 clip_b(f.g.window.x + f.g.inner.x, f.g.window.y + f.g.inner.y);
  f.dl->PushClipRect(clip_a, clip_b, true);
  for (int line = f.g.first_line; line <= f.g.last_line; ++line) {
    const float y = f.g.line_y(line);
    draw_line_bands(f, line, y);
    draw_line_text(f, line, y);
  }
  draw_diagnostics(f, diagnostics, hovered);
  draw_caret(f);
  f.dl->PopClipRect();
}

// [SECTION] The gutter: numbers, error dots, markers -------------------------------------------

struct GutterHover {
  int diagnostic = -1;  // the first diagnostic of the line whose dot the mouse is on
  int marker = -1;
  int line = -1;  // the line whose number the mouse is on (0-based)
};

bool mouse_in(ImVec2 a, ImVec2 b) {
  const ImVec2 m = ImGui::GetIO().MousePos;
  return ImGui::IsWindowHovered() && m.x >= a.x && m.x < b.x && m.y >= a.y && m.y < b.y;
}

void draw_markers(const Frame& f, std::span<const EditorLineMarker> markers, GutterHover& hover) {
  const float s = f.style.scale;
  const float x = f.g.window.x + f.g.diag_w + f.g.number_w + 6 * s;
  for (std::size_t i = 0; i < markers.size(); ++i) {
    const EditorLineMarker& m = markers[i];
    const int line = m.line - 1;
    if (line < f.g.first_line || line > f.g.last_line) continue;
    const float y = f.g.line_y(line);
    const ImVec2 a(x, y + 1.5f * s);
    const ImVec2 b(x + f.g.marker_w, y + f.g.line_h - 1.5f * s);
    f.dl->AddRectFilled(a, b, m.colour, 3 * s);
    const float label_w = ImGui::CalcTextSize(m.label.c_str()).x;
    f.dl->AddText(ImVec2(a.x + (f.g.marker_w - label_w) / 2, y + (f.g.line_h - f.g.fs) / 2),
                  ink_on(m.colour), m.label.c_str());
    if (mouse_in(a, b)) hover.marker = static_cast<int>(i);
  }
}

GutterHover draw_gutter(const Frame& f, std::span<const golang::Diagnostic> diagnostics,
                        std::span<const EditorLineMarker> markers) {
  const float s = f.style.scale;
  const Geometry& g = f.g;
  GutterHover hover;
  const ImVec2 a = g.window;
  const ImVec2 b(g.window.x + g.gutter_w, g.window.y + g.inner.y);
  f.dl->PushClipRect(a, b, true);
  f.dl->AddRectFilled(a, b, f.pal.panel);
  f.dl->AddLine(ImVec2(b.x - 0.5f, a.y), ImVec2(b.x - 0.5f, b.y), with_alpha(f.pal.outline, 0.6f));
  for (int line = g.first_line; line <= g.last_line; ++line) {
    const float y = g.line_y(line);
    const std::string n = std::to_string(line + 1);
    const bool current = line == f.editor.cursor().line;
    f.dl->AddText(ImVec2(a.x + g.diag_w + g.number_w - ImGui::CalcTextSize(n.c_str()).x,
                         y + (g.line_h - g.fs) / 2),
                  current ? f.pal.text : f.pal.text_dim, n.c_str());
    if (mouse_in(ImVec2(a.x, y), ImVec2(b.x, y + g.line_h))) hover.line = line;
  }
  for (std::size_t i = 0; i < diagnostics.size(); ++i) {
    const std::optional<TextRange> r =
        f.editor.diagnostic_range(diagnostics[i].line, diagnostics[i].col);
    if (!r || r->begin.line < g.first_line || r->begin.line > g.last_line) continue;
    const float y = g.line_y(r->begin.line);
    const ImVec2 centre(a.x + g.diag_w / 2 + 1 * s, y + g.line_h / 2);
    f.dl->AddCircleFilled(centre, 3.5f * s, f.pal.deadlock);
    if (hover.diagnostic < 0 &&
        mouse_in(ImVec2(a.x, y), ImVec2(a.x + g.diag_w + 2 * s, y + g.line_h))) {
      hover.diagnostic = static_cast<int>(i);
    }
  }
  draw_markers(f, markers, hover);
  f.dl->PopClipRect();
  return hover;
}

// Tooltips and clicks of the gutter and the underlines.
void gutter_actions(TextEditor& editor, const GutterHover& hover,
                    std::span<const golang::Diagnostic> diagnostics,
                    std::span<const EditorLineMarker> markers,
                    const std::vector<const golang::Diagnostic*>& underlined, EditorResult& out) {
  const bool clicked = ImGui::IsMouseClicked(ImGuiMouseButton_Left);
  if (hover.diagnostic >= 0) {
    const golang::Diagnostic& d = diagnostics[static_cast<std::size_t>(hover.diagnostic)];
    ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::BeginTooltip();
    for (const golang::Diagnostic& other : diagnostics) {
      if (other.line == d.line)
        ImGui::Text("%d:%d: %s", other.line, other.col, other.message.c_str());
    }
    ImGui::TextDisabled("Click to go there.");
    ImGui::EndTooltip();
    if (clicked) {
      if (const auto r = editor.diagnostic_range(d.line, d.col))
        editor.set_selection(r->begin, r->end);
      out.diagnostic_clicked = hover.diagnostic;
    }
  } else if (hover.marker >= 0) {
    const EditorLineMarker& m = markers[static_cast<std::size_t>(hover.marker)];
    if (!m.tooltip.empty()) ImGui::SetTooltip("%s", m.tooltip.c_str());
    if (clicked) out.marker_clicked = hover.marker;
  } else if (hover.line >= 0 && clicked) {
    editor.select_line(hover.line);
  } else if (!underlined.empty()) {
    ImGui::BeginTooltip();
    for (const golang::Diagnostic* d : underlined) {
      ImGui::Text("%d:%d: %s", d->line, d->col, d->message.c_str());
    }
    ImGui::EndTooltip();
  }
}

void draw_notice(const Frame& f) {
  if (f.state.notice.empty() || ImGui::GetTime() > f.state.notice_until) return;
  const float s = f.style.scale;
  const ImVec2 size = ImGui::CalcTextSize(f.state.notice.c_str());
  const ImVec2 b(f.g.window.x + f.g.inner.x - 6 * s, f.g.window.y + f.g.inner.y - 6 * s);
  const ImVec2 a(b.x - size.x - 12 * s, b.y - size.y - 8 * s);
  f.dl->AddRectFilled(a, b, f.pal.panel, 4 * s);
  f.dl->AddRect(a, b, f.pal.warning, 4 * s, 0, s);
  f.dl->AddText(ImVec2(a.x + 6 * s, a.y + 4 * s), f.pal.warning, f.state.notice.c_str());
}

// [SECTION] The find bar ------------------------------------------------------------------------

std::size_t match_count(const TextEditor& editor, EditorViewState& state) {
  if (state.count_revision != editor.revision() || state.count_query != state.find_query ||
      state.count_match_case != state.find_match_case) {
    state.count_revision = editor.revision();
    state.count_query = state.find_query;
    state.count_match_case = state.find_match_case;
    state.match_count = editor.count_matches(state.find_query, state.find_match_case);
  }
  return state.match_count;
}

struct FindBar {
  bool found = false;        // a match was selected (so the caret is revealed)
  bool took_escape = false;  // Escape closed the bar: the text must not see it too
};

// One row: the query, previous / next, match case, the count, close.
FindBar draw_find_bar(TextEditor& editor, EditorViewState& state) {
  if (state.find_active && pressed(ImGuiKey_Escape, false)) {  // before InputText reverts it
    state.find_open = false;
    state.find_active = false;
    state.focused = true;
    return {false, true};
  }
  bool found = false;
  ImGui::PushID("##editor-find");
  if (std::exchange(state.find_focus_next_frame, false)) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(
      std::min(ImGui::GetContentRegionAvail().x * 0.45f, ImGui::GetFontSize() * 16));
  const bool enter = ImGui::InputTextWithHint("##query", "Find", &state.find_query,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  state.find_active = ImGui::IsItemActive();
  if (ImGui::IsItemEdited()) {  // search as the query is typed, from the current match
    editor.set_cursor(editor.selection().begin);
    found = editor.find_next(state.find_query, state.find_match_case);
  }
  if (enter) {
    found = ImGui::GetIO().KeyShift ? editor.find_prev(state.find_query, state.find_match_case)
                                    : editor.find_next(state.find_query, state.find_match_case);
    state.find_focus_next_frame = true;  // Enter let go of the field: keep typing in it
  }
  ImGui::SameLine();
  if (ImGui::ArrowButton("##prev", ImGuiDir_Up)) {
    found = editor.find_prev(state.find_query, state.find_match_case);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous match (Shift+Enter)");
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Down)) {
    found = editor.find_next(state.find_query, state.find_match_case);
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next match (Enter)");
  ImGui::SameLine();
  ImGui::Checkbox("Aa", &state.find_match_case);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Match case");
  ImGui::SameLine();
  if (ImGui::SmallButton("x")) state.find_open = false;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Close (Escape)");
  // The count last: in a narrow panel it is what the edge cuts off.
  const std::size_t n = match_count(editor, state);
  if (!state.find_query.empty()) {
    ImGui::SameLine();
    const std::string count =
        n == 0 ? "no match" : fmt::format("{} match{}", n, n == 1 ? "" : "es");
    ImGui::TextDisabled("%s", count.c_str());
  }
  ImGui::PopID();
  return {found, false};
}

// [SECTION] draw_editor ---------------------------------------------------------------------------

void refresh_listing(const TextEditor& editor, EditorViewState& state) {
  if (state.listing_revision == editor.revision()) return;
  state.listing = highlight_go(editor.text());
  state.listing_revision = editor.revision();
}

// While the editor has the keyboard, ImGui says so to the app: this frame and the next.
void claim_keyboard() {
  ImGui::GetIO().WantTextInput = true;
  ImGui::GetCurrentContext()->WantTextInputNextFrame = 1;
  ImGui::CaptureKeyboardFromApp(true);
}

}  // namespace

EditorResult draw_editor(TextEditor& editor, EditorViewState& state, const EditorStyle& style,
                         ImVec2 size, std::span<const golang::Diagnostic> diagnostics,
                         std::span<const EditorLineMarker> markers) {
  EditorResult out;
  const std::uint64_t revision = editor.revision();
  editor.set_time(ImGui::GetTime());
  if (std::exchange(state.focus_next_frame, false)) {
    state.focused = true;
    state.blink_start = ImGui::GetTime();
  }
  bool reveal = std::exchange(state.reveal_cursor, false);
  FindBar find;
  if (state.find_open) {
    find = draw_find_bar(editor, state);
    reveal |= find.found;
  } else {
    state.find_active = false;
  }
  const float s = style.scale;
  ImGui::PushFont(style.fonts != nullptr && style.fonts->code != nullptr ? style.fonts->code
                                                                         : ImGui::GetFont());
  refresh_listing(editor, state);
  Geometry g = font_geometry(editor, markers, s);
  ImGui::SetNextWindowContentSize(
      ImVec2(g.gutter_w + static_cast<float>(state.listing.widest + 4) * g.char_w,
             static_cast<float>(editor.line_count() + 1) * g.line_h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::BeginChild("##editor-text", size, true,
                    ImGuiWindowFlags_HorizontalScrollbar | ImGuiWindowFlags_NoNavInputs);
  ImGui::PopStyleVar();
  window_geometry(g, editor.line_count());
  editor.set_page_lines(std::max(1, static_cast<int>(g.inner.y / g.line_h) - 1));
  // The visible area is one item, so a click or a drag in it never moves the window.
  const ImGuiID id = ImGui::GetID("##text-area");
  const ImRect area(g.window, ImVec2(g.window.x + g.inner.x, g.window.y + g.inner.y));
  ImGui::ItemAdd(area, id);
  bool hovered = false;
  bool held = false;
  ImGui::ButtonBehavior(area, id, &hovered, &held);
  // A click anywhere else (the scroll bars are this window's) takes the keyboard back.
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !ImGui::IsWindowHovered()) {
    state.focused = false;
  }
  reveal |= handle_mouse(editor, state, g, hovered);
  if (state.focused && !state.find_active && !find.took_escape) {
    reveal |= handle_keys(editor, state, out);
  }
  refresh_listing(editor, state);
  if (reveal) reveal_caret(editor, g);
  const Frame frame{editor, state, style, g, palette(style.theme), ImGui::GetWindowDrawList()};
  std::vector<const golang::Diagnostic*> underlined;
  draw_text(frame, diagnostics, underlined);
  const GutterHover gutter = draw_gutter(frame, diagnostics, markers);
  draw_notice(frame);
  ImGui::EndChild();
  ImGui::PopFont();
  gutter_actions(editor, gutter, diagnostics, markers, underlined, out);
  if (state.focused) claim_keyboard();
  out.changed = editor.revision() != revision;
  out.focused = state.focused;
  return out;
}

}  // namespace poolscope::gui
