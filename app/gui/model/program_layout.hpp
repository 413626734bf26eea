#pragma once
// ProgramLayout: where each part of the program view goes, as pure geometry (the
// program view's counterpart of pool_layout.hpp, whose Rect, ChannelLayout and grids it
// reuses).
//
// The picture reads left to right in the model's order: stations of channels stand in
// the gaps between the columns of goroutine cards, a channel in gap g between columns
// g - 1 and g:
//
//   [chan] | column 0 | [chan, chan] | column 1 | ... |  sync row: mutexes, WaitGroups, clock
//
// - A channel's cell: its label on top, then its blocked senders' queue, its frame of
//   slots (layout_channel: wrapping, summarised past kMaxSlots) and its blocked
//   receivers' queue, left to right. Queues show up to kMaxQueueShown entries; the rest
//   are counted.
// - A column's cards fill a grid (layout_grid). Level of detail: cards carry text only
//   while the picture has at most kProgramDetailLimit cards and they are wide enough;
//   a column past kProgramSwarmLimit goroutines, or the biggest columns while all of them
//   together pass kProgramShapeBudget, is summarised by state counts instead.
// - An arrow from each blocked goroutine's card to what it waits on: its own entry in a
//   channel's queue when that is shown, else the queue's side of the channel, or the box
//   of a mutex, WaitGroup or the clock; routed around channels and boxes (arrow_route).
//   Only detailed cards have arrows, at most kMaxProgramArrows.
// - Nothing overlaps and nothing leaves the canvas, for any model, size and scale.
#include <cstddef>
#include <vector>

#include "app/gui/model/arrow_route.hpp"
#include "app/gui/model/pool_layout.hpp"
#include "app/gui/model/program_model.hpp"

namespace poolscope::gui {

inline constexpr int kProgramDetailLimit = 200;   // cards with text, whole picture
inline constexpr int kProgramSwarmLimit = 1000;   // cards in one column
inline constexpr int kProgramShapeBudget = 1500;  // cards in the whole picture
inline constexpr int kMaxQueueShown = 6;
inline constexpr std::size_t kMaxProgramArrows = 60;

struct ColumnBox {
  Rect area;                // the cards' area; its caption goes above it
  std::vector<Rect> cards;  // cards[i] for the column's cards[i] (none when summarised)
  bool detailed = true;     // cards wide enough and few enough for text
  bool summarised = false;  // too many goroutines: counts by state in `area`
};

struct ChannelBox {
  trace::ChannelId id = 0;
  Rect cell;                    // everything of the channel, its label included
  Rect label;                   // the strip for its name and len/cap
  ChannelLayout body;           // frame and slots
  Rect sendq;                   // blocked senders queue here, left of the frame
  Rect recvq;                   // blocked receivers, right of the frame
  std::vector<Rect> senders;    // senders[i] for the channel's senders[i], first shown
  std::vector<Rect> receivers;  // likewise
  int more_senders = 0;         // queued but not shown
  int more_receivers = 0;
};

struct SyncBox {
  ObjectRef ref;
  Rect frame;
};

struct ArrowPath {
  std::size_t arrow = 0;  // index into ProgramModel::arrows
  ArrowRoute route;
};

struct ProgramLayout {
  std::vector<ColumnBox> columns;    // parallel to ProgramModel::columns
  std::vector<ChannelBox> channels;  // parallel to ProgramModel::channels
  std::vector<SyncBox> syncs;        // parallel to ProgramModel::syncs
  std::vector<ArrowPath> arrows;
  int arrows_hidden = 0;  // arrows of the model not drawn (no detailed card, or past the cap)
  float caption_h = 0;    // the height of a caption strip above a part

  // The card of goroutine g (null: no card drawn for it).
  [[nodiscard]] const Rect* card(const ProgramModel& m, trace::GoroutineId g) const;
  // Every rectangle that must not overlap another: cards, channel cells, sync boxes,
  // summarised columns' areas.
  [[nodiscard]] std::vector<Rect> parts() const;
};

struct ProgramLayoutInput {
  float width = 1280;  // canvas size in pixels
  float height = 720;
  float scale = 1.0f;  // UI scale
};

[[nodiscard]] ProgramLayout layout_program(const ProgramModel& m, const ProgramLayoutInput& in);

}  // namespace poolscope::gui
