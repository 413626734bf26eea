#pragma once
// The program view: a learner's own Go program as it runs (program_model.hpp says what
// it shows, program_layout.hpp where). Goroutine cards in columns by function, channels
// as boxes of slots with their blocked senders and receivers queued beside them, an
// arrow from each blocked goroutine to what it waits on, and value tokens that glide
// from a sender's hand into a slot and on to a receiver. Same visual language as the
// pool view: its cards, looks, glyphs, palette and fonts.
//
// - ProgramViewState is the view's memory across frames: one tween per value token, the
//   previous frame's model (to tell where a token went), the selected goroutine.
// - draw_program_view() draws into a `width` x `height` region at the current ImGui
//   cursor, and fills state.drawn with what it drew (tests, --picture-report).
// - Hovering a card shows its name, state, line and wait; a click selects it.
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/gui/model/program_model.hpp"
#include "app/gui/views/view_pool.hpp"

namespace poolscope::gui {

// What the last frame drew, for tests and screenshots to check against the picture.
struct ProgramPictureRecord {
  struct Card {
    std::string name;  // "worker 2"
    Look look = Look::Idle;
    std::string text;  // the lines of text drawn on it, joined by " / " ("" for none)
  };
  struct Channel {
    std::string name;
    int len = 0;
    int cap = 0;
    int senders = 0;    // blocked senders queued
    int receivers = 0;  // blocked receivers queued
    bool closed = false;
  };
  struct Arrow {
    std::string from;  // a card's name
    std::string to;    // a channel's, mutex's or WaitGroup's name, or "time"
    std::string kind;  // to_string(WaitKind): "chan-send", "select", ...
  };
  std::vector<Card> cards;
  std::vector<Channel> channels;
  std::vector<Arrow> arrows;
  std::vector<std::string> columns;  // captions, left to right
  int tokens = 0;                    // value tokens drawn
  int summarised_columns = 0;        // columns drawn as counts by state
  std::string banner;                // "Deadlock", "Panic", "3 goroutines leaked", or ""
};

struct ProgramViewState {
  std::unordered_map<std::uint64_t, TokenMotion> tokens;  // token key -> its motion
  std::unordered_map<std::uint64_t, float> fading;        // tokens gone, seconds left
  ProgramModel last;                                      // the model of the last frame
  trace::GoroutineId selected = 0;                        // highlighted goroutine (0: none)
  ProgramPictureRecord drawn;                             // what the last frame drew
  bool primed = false;  // false until the first frame: tokens then start where they are
};

void draw_program_view(const ProgramModel& model, ProgramViewState& state,
                       const PoolViewStyle& style, float width, float height, float dt);

}  // namespace poolscope::gui
