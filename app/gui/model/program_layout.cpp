// The program view's geometry. Sections:
//   [SECTION] Stations: channels' gaps and columns, left to right
//   [SECTION] Columns of cards
//   [SECTION] Channels with their queues
//   [SECTION] Arrows
//   [SECTION] layout_program
#include "app/gui/model/program_layout.hpp"

#include <algorithm>
#include <cmath>

namespace poolscope::gui {

namespace {

// [SECTION] Stations ----------------------------------------------------------------------

// One slot of the row: a column, or the channels of one gap.
struct Station {
  bool channels = false;
  int index = 0;  // the column, or the gap
  float weight = 0;
  Rect area;
};

std::vector<Station> stations_of(const ProgramModel& m) {
  const int n = static_cast<int>(m.columns.size());
  std::vector<bool> gap_used(static_cast<std::size_t>(n) + 1, false);
  for (const ProgramChannel& c : m.channels) {
    gap_used[static_cast<std::size_t>(std::clamp(c.gap, 0, n))] = true;
  }
  std::vector<Station> out;
  for (int g = 0; g <= n; ++g) {
    if (gap_used[static_cast<std::size_t>(g)]) out.push_back({true, g, 0, {}});
    if (g < n) {
      const float live = static_cast<float>(m.columns[static_cast<std::size_t>(g)].live());
      // A column of one card is narrow, a crowd wider, up to four times as wide.
      out.push_back({false, g, 1.0f + std::min(std::sqrt(live) - 1.0f, 3.0f) * 0.5f, {}});
    }
  }
  return out;
}

// Gives each station its share of the row [x, x + w): a channel station a fixed width
// (at most half the row between them), the columns the rest by weight.
void place_stations(std::vector<Station>& st, Rect row, float scale) {
  if (st.empty()) return;
  const float spacing = std::min(12.0f * scale, row.w / static_cast<float>(st.size() * 4));
  const float avail = std::max(row.w - spacing * static_cast<float>(st.size() - 1), 0.0f);
  int channel_stations = 0;
  float weights = 0;
  for (const Station& s : st) {
    if (s.channels) {
      ++channel_stations;
    } else {
      weights += s.weight;
    }
  }
  float chan_w = std::clamp(avail * 0.2f, 120.0f * scale, 250.0f * scale);
  if (weights == 0) {
    chan_w = avail / static_cast<float>(std::max(channel_stations, 1));
  } else if (chan_w * static_cast<float>(channel_stations) > avail * 0.55f) {
    chan_w = avail * 0.55f / static_cast<float>(channel_stations);
  }
  const float cols_w = std::max(avail - chan_w * static_cast<float>(channel_stations), 0.0f);
  float x = row.x;
  for (Station& s : st) {
    const float w = s.channels ? chan_w : (weights > 0 ? cols_w * s.weight / weights : 0.0f);
    s.area = {x, row.y, w, row.h};
    x += w + spacing;
  }
}

// [SECTION] Columns ----------------------------------------------------------------------

// Which columns are summarised: any past kProgramSwarmLimit, then the biggest while the
// picture still has more than kProgramShapeBudget cards.
std::vector<bool> summarised_columns(const ProgramModel& m) {
  std::vector<bool> out(m.columns.size(), false);
  int total = 0;
  for (std::size_t i = 0; i < m.columns.size(); ++i) {
    out[i] = m.columns[i].live() > kProgramSwarmLimit;
    if (!out[i]) total += m.columns[i].live();
  }
  while (total > kProgramShapeBudget) {
    std::size_t biggest = 0;
    int most = -1;
    for (std::size_t i = 0; i < m.columns.size(); ++i) {
      if (!out[i] && m.columns[i].live() > most) {
        most = m.columns[i].live();
        biggest = i;
      }
    }
    out[biggest] = true;
    total -= most;
  }
  return out;
}

ColumnBox layout_column(const ProgramColumn& col, Rect area, bool summarised, bool few,
                        float scale) {
  ColumnBox box;
  box.area = area;
  const int n = static_cast<int>(col.cards.size());
  box.summarised = summarised || (n > 0 && (area.w < 4 || area.h < 4));
  if (box.summarised || n == 0) {
    box.detailed = false;
    return box;
  }
  box.cards = layout_grid(area, n, 2.0f, 8.0f * scale, 240.0f * scale);
  box.detailed = few && box.cards.front().w >= 110.0f * scale;
  if (!box.detailed) {
    box.cards = layout_grid(area, n, 1.0f, 2.0f * scale, 160.0f * scale);
  } else {
    for (Rect& r : box.cards) {  // a card of at most 84 px (scaled) high, centred in its cell
      const float h = std::min(r.h, 84.0f * scale);
      r = {r.x, r.centre().y - h / 2, r.w, h};
    }
  }
  // A grid too small for its cells (a tiny canvas) would spill: summarise instead.
  if (std::any_of(box.cards.begin(), box.cards.end(),
                  [&](const Rect& r) { return !area.contains(r); })) {
    box.cards.clear();
    box.summarised = true;
    box.detailed = false;
  }
  return box;
}

// [SECTION] Channels ---------------------------------------------------------------------

// The frame's height for `capacity` slots in a frame `w` wide (pool_layout's rule: small
// buffers get slots big enough for a number at the body text size).
float frame_height(int capacity, float w, float scale) {
  if (capacity <= 0) return std::min(w, 48.0f * scale);
  const float shown = static_cast<float>(std::min(capacity, kShownSlots));
  const float gauge = capacity > kMaxSlots ? 16.0f * scale : 0.0f;
  float h = gauge + std::max(40.0f * scale, w * std::min(1.0f, std::sqrt(shown) / 6.0f));
  if (shown <= 12) {
    const float per_row = std::max(1.0f, std::floor((w - 8.0f * scale) / (30.0f * scale)));
    h = std::max(h, std::ceil(shown / per_row) * 30.0f * scale + 8.0f * scale);
  }
  return h;
}

// Up to kMaxQueueShown entries stacked in `q`, centred on `centre_y`; the number placed.
int queue_entries(Rect q, std::size_t queued, float centre_y, float scale, std::vector<Rect>& out) {
  const float gap = 3.0f * scale;
  const float wanted = static_cast<float>(
      std::clamp<std::size_t>(queued, 1, static_cast<std::size_t>(kMaxQueueShown)));
  const float h = std::min(26.0f * scale, (q.h + gap) / wanted - gap);
  if (h < 6.0f * scale || q.w < 6.0f * scale) return 0;
  const auto fits = static_cast<std::size_t>(std::floor((q.h + gap) / (h + gap)));
  const std::size_t shown = std::min({queued, static_cast<std::size_t>(kMaxQueueShown), fits});
  const float total = static_cast<float>(shown) * (h + gap) - gap;
  const float y0 = std::max(std::min(centre_y - total / 2, q.bottom() - total), q.y);
  for (std::size_t i = 0; i < shown; ++i) {
    out.push_back({q.x, y0 + static_cast<float>(i) * (h + gap), q.w, h});
  }
  return static_cast<int>(shown);
}

ChannelBox layout_channel_box(const ProgramChannel& ch, Rect cell, float caption_h, float scale) {
  ChannelBox box;
  box.id = ch.id;
  box.cell = cell;
  box.label = {cell.x, cell.y, cell.w, std::min(caption_h, cell.h)};
  const float closed_line = std::min(18.0f * scale, std::max(cell.h - box.label.h, 0.0f) / 4);
  const Rect body{cell.x, box.label.bottom(), cell.w,
                  std::max(cell.h - box.label.h - closed_line, 0.0f)};
  const float pad = std::min(4.0f * scale, body.w / 8);
  const float qw = std::max(body.w * 0.22f - pad, 0.0f);
  const float fw = std::max(body.w - 2 * (qw + pad), 0.0f);
  const auto capped = static_cast<int>(std::min(ch.cap, std::int64_t{1} << 30));
  const float fh = std::min(frame_height(capped, fw, scale), body.h);
  const float fy = body.y + (body.h - fh) / 2;
  const float fx = body.x + qw + pad;
  if (ch.cap <= 0) {  // the gate: a square
    const float side = std::min(fw, fh);
    box.body =
        layout_channel({fx + (fw - side) / 2, body.y + (body.h - side) / 2, side, side}, 0, scale);
  } else {
    box.body = layout_channel({fx, fy, fw, fh}, capped, scale);
  }
  // A frame too small for its slots (a tiny canvas) has none rather than slots outside it.
  if (std::any_of(box.body.slots.begin(), box.body.slots.end(),
                  [&](const Rect& r) { return !box.body.frame.contains(r) || r.w <= 0; })) {
    box.body.slots.clear();
    box.body.gauge = {};
  }
  box.sendq = {body.x, body.y, qw, body.h};
  box.recvq = {body.right() - qw, body.y, qw, body.h};
  const float centre = box.body.frame.centre().y;
  const int s = queue_entries(box.sendq, ch.senders.size(), centre, scale, box.senders);
  const int r = queue_entries(box.recvq, ch.receivers.size(), centre, scale, box.receivers);
  box.more_senders = static_cast<int>(ch.senders.size()) - s;
  box.more_receivers = static_cast<int>(ch.receivers.size()) - r;
  return box;
}

// The channels of one gap, stacked in the station.
void layout_gap(const ProgramModel& m, const Station& st, float caption_h, float scale,
                std::vector<ChannelBox>& boxes) {
  const int n = static_cast<int>(m.columns.size());
  std::vector<std::size_t> here;
  for (std::size_t i = 0; i < m.channels.size(); ++i) {
    if (std::clamp(m.channels[i].gap, 0, n) == st.index) here.push_back(i);
  }
  const float gap = 8.0f * scale;
  const float each = st.area.h / static_cast<float>(here.size());
  // A cell as high as its channel needs, at most its share.
  for (std::size_t k = 0; k < here.size(); ++k) {
    const ProgramChannel& ch = m.channels[here[k]];
    const float need =
        caption_h + 18.0f * scale +
        std::max(frame_height(static_cast<int>(std::min(ch.cap, std::int64_t{999})),
                              st.area.w * 0.5f, scale),
                 static_cast<float>(std::min<std::size_t>(
                     std::max(ch.senders.size(), ch.receivers.size()), kMaxQueueShown)) *
                     29.0f * scale);
    const float h = std::max(std::min(need, each - gap), 0.0f);
    const float y = st.area.y + each * static_cast<float>(k) + (each - gap - h) / 2;
    boxes[here[k]] =
        layout_channel_box(ch, {st.area.x, std::max(y, st.area.y), st.area.w, h}, caption_h, scale);
  }
}

// [SECTION] Arrows -----------------------------------------------------------------------

// Where an arrow ends: the goroutine's own queue entry, the queue's side, or the box.
Rect arrow_target(const ProgramModel& m, const ProgramLayout& l, const ProgramArrow& a) {
  if (a.to.kind == ObjectKind::Channel) {
    for (std::size_t i = 0; i < m.channels.size(); ++i) {
      if (m.channels[i].id != a.to.id) continue;
      const ChannelBox& box = l.channels[i];
      const bool send = a.dir == trace::Dir::Send;
      const auto& queue = send ? m.channels[i].senders : m.channels[i].receivers;
      const auto& entries = send ? box.senders : box.receivers;
      for (std::size_t k = 0; k < entries.size() && k < queue.size(); ++k) {
        if (queue[k].goroutine == a.from) return entries[k];
      }
      const Rect& f = box.body.frame;
      return send ? Rect{f.x - 2, f.centre().y - 2, 4, 4}
                  : Rect{f.right() - 2, f.centre().y - 2, 4, 4};
    }
    return {};
  }
  for (std::size_t i = 0; i < m.syncs.size(); ++i) {
    if (m.syncs[i].ref == a.to) return l.syncs[i].frame;
  }
  return {};
}

void route_arrows(const ProgramModel& m, ProgramLayout& l, float scale) {
  std::vector<Rect> fixed;
  for (const ChannelBox& c : l.channels) fixed.push_back(c.body.frame);
  for (const SyncBox& s : l.syncs) fixed.push_back(s.frame);
  for (std::size_t i = 0; i < m.arrows.size(); ++i) {
    const ProgramArrow& a = m.arrows[i];
    const int col = m.column_of(a.from);
    const Rect* from = l.card(m, a.from);
    const bool detailed = col >= 0 && l.columns[static_cast<std::size_t>(col)].detailed;
    const Rect to = arrow_target(m, l, a);
    if (from == nullptr || !detailed || to.w <= 0 || l.arrows.size() >= kMaxProgramArrows) {
      ++l.arrows_hidden;
      continue;
    }
    std::vector<Rect> obstacles;
    for (const Rect& r : fixed) {
      if (!r.overlaps(to) && !to.overlaps(r) && !r.contains(to)) obstacles.push_back(r);
    }
    l.arrows.push_back(
        {i, route_arrow(*from, to, obstacles, 3.0f * scale, 14.0f * scale, 2.0f * scale)});
  }
}

}  // namespace

// [SECTION] layout_program ----------------------------------------------------------------

const Rect* ProgramLayout::card(const ProgramModel& m, trace::GoroutineId g) const {
  for (std::size_t c = 0; c < m.columns.size() && c < columns.size(); ++c) {
    const auto& cards = m.columns[c].cards;
    for (std::size_t i = 0; i < cards.size() && i < columns[c].cards.size(); ++i) {
      if (cards[i].id == g) return &columns[c].cards[i];
    }
  }
  return nullptr;
}

std::vector<Rect> ProgramLayout::parts() const {
  std::vector<Rect> out;
  for (const ColumnBox& c : columns) {
    if (c.summarised) {
      out.push_back(c.area);
    } else {
      out.insert(out.end(), c.cards.begin(), c.cards.end());
    }
  }
  for (const ChannelBox& c : channels) out.push_back(c.cell);
  for (const SyncBox& s : syncs) out.push_back(s.frame);
  return out;
}

ProgramLayout layout_program(const ProgramModel& m, const ProgramLayoutInput& in) {
  ProgramLayout l;
  const float s = in.scale;
  const float width = std::max(in.width, 0.0f), height = std::max(in.height, 0.0f);
  const float margin = std::min(12.0f * s, std::min(width, height) / 8);
  l.caption_h = std::min(26.0f * s, height / 6);
  // The sync row along the bottom, when there are mutexes, WaitGroups or sleepers.
  const float sync_h = m.syncs.empty() ? 0.0f : std::min(52.0f * s, height / 5);
  const float top = margin + l.caption_h;
  const float bottom = std::max(height - margin - (sync_h > 0 ? sync_h + 10.0f * s : 0.0f), top);
  const Rect row{margin, top, std::max(width - 2 * margin, 0.0f), bottom - top};

  std::vector<Station> stations = stations_of(m);
  place_stations(stations, row, s);
  const std::vector<bool> summarised = summarised_columns(m);
  int cards = 0;
  for (std::size_t i = 0; i < m.columns.size(); ++i) {
    if (!summarised[i]) cards += static_cast<int>(m.columns[i].cards.size());
  }
  l.columns.resize(m.columns.size());
  l.channels.resize(m.channels.size());
  for (const Station& st : stations) {
    if (st.channels) {
      layout_gap(m, st, l.caption_h, s, l.channels);
    } else {
      const auto i = static_cast<std::size_t>(st.index);
      l.columns[i] =
          layout_column(m.columns[i], st.area, summarised[i], cards <= kProgramDetailLimit, s);
    }
  }
  if (sync_h > 0) {
    const float y = height - margin - sync_h;
    const float n = static_cast<float>(m.syncs.size());
    const float gap = std::min(10.0f * s, row.w / (4 * n));
    const float w = std::min(180.0f * s, std::max((row.w - gap * (n - 1)) / n, 0.0f));
    for (std::size_t i = 0; i < m.syncs.size(); ++i) {
      l.syncs.push_back(
          {m.syncs[i].ref, {margin + static_cast<float>(i) * (w + gap), y, w, sync_h}});
    }
  }
  route_arrows(m, l, s);
  return l;
}

}  // namespace poolscope::gui
