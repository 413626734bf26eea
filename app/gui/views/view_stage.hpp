#pragma once
// Stage mode and the shortcut overlay: the presentation views.
//
// - Stage mode is for a projector: a row of a few big counters, the pool view and the
//   lesson's narration, nothing else. App draws it instead of its usual panels when
//   AppOptions::stage (or F5) is on.
// - The shortcut overlay (`?`) lists every keyboard shortcut of App::handle_keys; the
//   list below is the one place that names them.
#include <span>
#include <string_view>

#include "app/gui/model/session.hpp"
#include "app/gui/views/layout_report.hpp"
#include "app/gui/views/theme.hpp"
#include "app/gui/views/view_pool.hpp"

namespace poolscope::gui {

struct Shortcut {
  std::string_view keys;  // "Ctrl +"
  std::string_view what;  // "larger text"
};
std::span<const Shortcut> shortcuts() noexcept;

// The presentation settings as the controls panel edits them.
struct PresentationRequest {
  float scale = 1.0f;
  ThemeId theme = ThemeId::Dark;
  bool stage = false;
  bool shortcuts = false;
  bool toggle_fullscreen = false;  // set when the full-screen button is clicked
};
// Theme, text size (A- / A+), stage mode, full screen and the shortcut list, as widgets
// that mirror the keys; writes `r`.
void draw_presentation(PresentationRequest& r, const PoolViewStyle& style);

// The big counters row (queued, working, blocked sending, results, goroutines), `height`
// tall, across the current window's width, for the moment shown; the goroutines are
// counted by their looks (the classifier of the cards). (The legend of the looks in the
// picture is the pool view's, under it: PoolViewStyle::legend_row.)
void draw_stage_counters(const Session& session, const PoolViewStyle& style, float height,
                         LayoutReport& report);

// A centred window listing shortcuts(); clicking outside it or pressing ? or Esc closes it.
void draw_shortcut_overlay(bool& open, const PoolViewStyle& style, LayoutReport& report);

}  // namespace poolscope::gui
