#pragma once
// Looks: what a goroutine is doing as the pictures show it, and the themes' names.
//
// - Every Look has a name and a one-character glyph, so colour is never the only cue;
//   the colours themselves are the views' (views/theme.hpp).
#include <cstdint>
#include <string_view>

namespace poolscope::gui {

enum class ThemeId { Dark, Light, Projector };

// What a goroutine is doing, as the pool view shows it.
enum class Look : std::uint8_t {
  Idle,             // waiting for a job (blocked receiving on jobs)
  Runnable,         // ready, waiting to be scheduled
  Working,          // doing a job
  BlockedSend,      // blocked sending (a result, or a job into a full channel)
  BlockedRecv,      // blocked receiving on something other than jobs
  WaitingResource,  // waiting for a database connection (a semaphore)
  WaitingLimit,     // g.Go waiting for a free slot (errgroup's SetLimit)
  WaitingCpu,       // runnable work with no free processor
  Sleeping,         // time.Sleep, rate limiting
  Exited,           // returned
  Leaked,           // blocked forever after main returned
  Panicked,         // panicked: the program ended
  Count
};

// The state in a few characters, by one rule ("blocked: send"), for a card too narrow for
// look_name(); the legend gives the full name.
std::string_view look_short_name(Look look);
std::string_view look_name(Look look);
// A one-character glyph drawn on cards beside the colour.
std::string_view look_glyph(Look look);

std::string_view theme_name(ThemeId theme);

}  // namespace poolscope::gui
