#pragma once
// The pool view: the main picture of a run (see pool_layout.hpp for its geometry and
// pool_model.hpp for what it shows).
//
// - PoolViewState keeps the view's own memory across frames: one tween per job token,
//   so tokens glide from producer to slot to worker to results to the collector.
// - draw_pool_view() draws into the current ImGui window's remaining region.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "app/gui/model/session.hpp"
#include "app/gui/model/tween.hpp"
#include "app/gui/platform/fonts.hpp"
#include "app/gui/views/theme.hpp"

namespace poolscope::gui {

// A job token in motion: where it is going and how big it is drawn there (a token
// shrinks into a small slot of a big channel and grows back on a worker's card).
struct TokenMotion {
  Tween at;
  float size = 0;
};

// What the last frame drew, for tests and screenshots to check against the picture.
struct PictureRecord {
  struct Card {
    std::string name;
    Look look = Look::Idle;
    std::string text;  // the lines of text drawn on it, joined by " / " ("" for none)
  };
  std::vector<Card> cards;  // every card drawn
  int sender_entries = 0;   // blocked senders queued at the entrance of jobs
  int tokens = 0;           // job tokens drawn
  int cycle_arrows = 0;     // wait-for arrows of a deadlock
  int arrows_crossing = 0;  // of them, those that found no way around the labels
  bool swarm = false;       // goroutines summarised instead of drawn as cards
  bool legend = false;      // the legend of looks is open
  std::string legend_row;   // the looks the stage's legend row names, ", "-separated
  std::string banner;       // "Deadlock", "Panic", "3 goroutines leaked", or ""
};

struct PoolViewState {
  std::unordered_map<std::int64_t, TokenMotion> tokens;  // job id -> its motion
  std::unordered_map<std::int64_t, float> fading;  // collected jobs, fading out (seconds left)
  std::unordered_set<std::int64_t> seen;           // scratch: jobs placed this frame
  trace::GoroutineId selected = 0;                 // highlighted goroutine (0: none)
  PictureRecord drawn;                             // what the last frame drew
  bool open_legend = false;                        // set (the L key) to open the legend next frame
  bool primed = false;  // false until the first frame: tokens then start where they are
};

struct PoolViewStyle {
  ThemeId theme = ThemeId::Dark;
  float scale = 1.0f;
  const Fonts* fonts = nullptr;
  // Stage mode: under the picture, always, a row naming the looks in it (view_legend.hpp).
  bool legend_row = false;
  // A recording's frame (app_video.cpp): nothing to click, so no Legend button.
  bool video = false;
};

void draw_pool_view(const Session& session, PoolViewState& state, const PoolViewStyle& style,
                    float dt);

}  // namespace poolscope::gui
