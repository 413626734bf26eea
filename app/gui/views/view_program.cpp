// The program view. Sections:
//   [SECTION] Frame: what every part draws with
//   [SECTION] Cards and columns
//   [SECTION] Channels and sync boxes
//   [SECTION] Arrows
//   [SECTION] Value tokens (tweened)
//   [SECTION] draw_program_view
#include "app/gui/views/view_program.hpp"

#include <imgui.h>

#include <fmt/core.h>
#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_set>

#include "app/gui/model/number_format.hpp"
#include "app/gui/model/program_layout.hpp"
#include "app/gui/views/draw_kit.hpp"

namespace poolscope::gui {

namespace {

constexpr float kPi = 3.14159265358979f;
constexpr std::size_t kTokenLabelLimit = 300;  // tokens carry their value up to this many

// [SECTION] Frame -----------------------------------------------------------------------

struct Frame {
  ImDrawList* dl;
  const PoolViewStyle& st;
  const ProgramModel& m;
  ProgramLayout& l;
  ProgramViewState& state;
  const Palette& pal;
  float s;  // the UI scale
};

// Every rectangle of the layout moved from the canvas to the screen.
void move_layout(ProgramLayout& l, ImVec2 o) {
  const auto at = [o](Rect& r) { r = {r.x + o.x, r.y + o.y, r.w, r.h}; };
  const auto at_all = [&](std::vector<Rect>& rs) {
    for (Rect& r : rs) at(r);
  };
  for (ColumnBox& c : l.columns) {
    at(c.area);
    at_all(c.cards);
  }
  for (ChannelBox& c : l.channels) {
    for (Rect* r : {&c.cell, &c.label, &c.body.frame, &c.body.gauge, &c.sendq, &c.recvq}) at(*r);
    at_all(c.body.slots);
    at_all(c.senders);
    at_all(c.receivers);
  }
  for (SyncBox& b : l.syncs) at(b.frame);
  for (ArrowPath& a : l.arrows) {
    for (Vec2* p : {&a.route.start, &a.route.control, &a.route.end}) *p = {p->x + o.x, p->y + o.y};
  }
}

std::string format_seconds(trace::Time t) {
  const double sec = static_cast<double>(t) / 1e9;
  return sec < 10 ? fmt::format("{:.1f} s", sec) : fmt::format("{:.0f} s", sec);
}

// [SECTION] Cards and columns -------------------------------------------------------------

// The first of `forms` that fits `room` pixels at the body size ("" when none does).
std::string fitting(std::initializer_list<std::string> forms, float room) {
  for (const std::string& f : forms) {
    if (!f.empty() && ImGui::CalcTextSize(f.c_str()).x <= room) return f;
  }
  return "";
}

// A card: its state's colour and glyph; with room, its name, state and line. Returns the
// text drawn on it, its lines joined by " / ".
std::string draw_card(const Frame& f, const ProgramCard& c, const Rect& r, bool detailed) {
  const std::uint32_t colour = look_colour(f.st.theme, c.look);
  const bool selected = c.id == f.state.selected;
  const float s = f.s;
  ImDrawList* dl = f.dl;
  if (!detailed || r.w < 72 * s) {
    const NoAntiAliasing plain(dl);
    dl->AddRectFilled(tl(r), br(r), colour);
    if (selected) dl->AddRect(tl(r), br(r), f.pal.text, 0, 0, 2.0f * s);
    if (r.h >= 14 * s) {
      text_centred(dl, ImGui::GetFont(), std::min(ImGui::GetFontSize(), r.h * 0.8f), r.centre(),
                   f.pal.background, std::string(look_glyph(c.look)));
    }
    return "";
  }
  const float rounding = std::min(6.0f * s, r.h / 4);
  dl->AddRectFilled(tl(r), br(r), f.pal.panel, rounding);
  dl->AddRectFilled(tl(r), ImVec2(r.x + 6 * s, r.bottom()), colour, rounding,
                    ImDrawFlags_RoundCornersLeft);
  dl->AddRect(tl(r), br(r), selected ? f.pal.text : colour, rounding, 0,
              (selected ? 2.5f : 1.5f) * s * (f.pal.stroke / 1.5f));
  const float fs = ImGui::GetFontSize();
  const float pad = 10 * s;
  const float radius = std::min(r.h * 0.28f, 14.0f * s);
  // Lines beside the state's disc leave it room; lines below it have the card's width.
  const float disc_bottom = r.y + 2 * radius + 6 * s;
  float y = r.y + 4 * s;
  std::string drawn;
  const auto line = [&](std::initializer_list<std::string> forms, std::uint32_t colour_of_text) {
    std::string text = fitting(forms, r.w - 2 * pad - (y < disc_bottom ? 2 * radius + 4 * s : 0));
    if (text.empty() && y < disc_bottom) {  // too long beside the disc: below it, full width
      text = fitting(forms, r.w - 2 * pad);
      if (!text.empty()) y = disc_bottom;
    }
    if (text.empty() || y + fs > r.bottom() - 2 * s) return;
    dl->AddText(ImVec2(r.x + pad, y), colour_of_text, text.c_str());
    y += fs * 1.1f;
    drawn += (drawn.empty() ? "" : " / ") + text;
  };
  line({c.name, c.index >= 0 ? std::to_string(c.index) : std::string()}, f.pal.text);
  const std::string state(look_name(c.look));
  const std::string brief(look_short_name(c.look));
  line({c.waits_on.empty() ? state : state + ": " + c.waits_on, state, brief}, f.pal.text_dim);
  const std::string waited = format_seconds(std::max<trace::Time>(f.m.now - c.since, 0));
  line({fmt::format("line {}  ·  {}", c.line, waited), fmt::format("line {}", c.line)},
       f.pal.text_dim);
  const ImVec2 disc(r.right() - radius - 6 * s, r.y + radius + 6 * s);
  dl->AddCircleFilled(disc, radius, colour, 20);
  text_centred(dl, ImGui::GetFont(), fs, {disc.x, disc.y}, f.pal.background,
               std::string(look_glyph(c.look)));
  if (c.progress >= 0) {
    dl->PathArcTo(disc, radius + 3 * s, -kPi / 2,
                  -kPi / 2 + 2 * kPi * static_cast<float>(c.progress), 24);
    dl->PathStroke(f.pal.text, 0, 2.0f * s);
  }
  return drawn;
}

// A column too crowded for cards: how many of its goroutines are in each look.
void draw_counts(const Frame& f, const ProgramColumn& col, const Rect& area) {
  const float fs = ImGui::GetFontSize();
  float y = area.y;
  for (std::size_t i = 0; i < col.counts.size(); ++i) {
    if (col.counts[i] == 0 || y + fs * 1.5f > area.bottom()) continue;
    const Look look = static_cast<Look>(i);
    const ImVec2 c(area.x + fs * 0.6f, y + fs * 0.75f);
    f.dl->AddCircleFilled(c, fs * 0.6f, look_colour(f.st.theme, look), 16);
    text_centred(f.dl, ImGui::GetFont(), fs * 0.85f, {c.x, c.y}, f.pal.background,
                 std::string(look_glyph(look)));
    const std::string label = fmt::format("{} {}", group_thousands(col.counts[i]), look_name(look));
    f.dl->AddText(ImVec2(area.x + fs * 1.6f, y + fs * 0.25f), f.pal.text, label.c_str());
    y += fs * 1.5f;
  }
}

std::string column_caption(const ProgramColumn& col) {
  std::string text = col.live() > 1 ? fmt::format("{} ({})", col.title, col.live()) : col.title;
  if (col.exited > 0) text += fmt::format("  +{} exited", col.exited);
  return text;
}

void draw_columns(Frame& f) {
  for (std::size_t i = 0; i < f.m.columns.size(); ++i) {
    const ProgramColumn& col = f.m.columns[i];
    const ColumnBox& box = f.l.columns[i];
    const std::string text = column_caption(col);
    const char* role = col.role == ColumnRole::Producers   ? "producer: "
                       : col.role == ColumnRole::Workers   ? "workers: "
                       : col.role == ColumnRole::Collector ? "collector: "
                                                           : "";
    caption(f.dl, f.st, box.area, {role + text, text, col.title});
    f.state.drawn.columns.push_back(role + text);
    if (box.summarised) {
      draw_counts(f, col, box.area);
      ++f.state.drawn.summarised_columns;
      continue;
    }
    for (std::size_t k = 0; k < col.cards.size() && k < box.cards.size(); ++k) {
      const ProgramCard& c = col.cards[k];
      f.state.drawn.cards.push_back({c.name, c.look, draw_card(f, c, box.cards[k], box.detailed)});
    }
  }
}

// [SECTION] Channels and sync boxes -------------------------------------------------------

// One queued goroutine beside a channel: a small box in its wait's colour with its number.
void draw_entry(const Frame& f, const Rect& r, const ProgramCard* card, Look fallback) {
  const Look look = card != nullptr ? card->look : fallback;
  const std::uint32_t colour = look_colour(f.st.theme, look);
  f.dl->AddRect(tl(r), br(r), colour, 4 * f.s, 0, f.pal.stroke * f.s);
  if (card == nullptr) return;
  const std::string label = card->index >= 0 ? std::to_string(card->index) : card->name;
  const float fs = std::min(ImGui::GetFontSize() * 0.8f, r.h * 0.8f);
  if (ImGui::GetFont()->CalcTextSizeA(fs, 1e9f, 0, label.c_str()).x <= r.w * 0.45f) {
    f.dl->AddText(ImGui::GetFont(), fs, ImVec2(r.x + 3 * f.s, r.centre().y - fs / 2), f.pal.text,
                  label.c_str());
  }
}

void draw_queue(const Frame& f, const std::vector<Rect>& entries,
                const std::vector<trace::Waiting>& queue, int more, const Rect& area, Look look) {
  for (std::size_t i = 0; i < entries.size() && i < queue.size(); ++i) {
    draw_entry(f, entries[i], f.m.card(queue[i].goroutine), look);
  }
  if (more > 0 && !entries.empty()) {
    const std::string text = fmt::format("+{}", more);
    f.dl->AddText(ImVec2(area.x, entries.back().bottom() + 2 * f.s), f.pal.text_dim, text.c_str());
  }
}

void draw_channels(Frame& f) {
  for (std::size_t i = 0; i < f.m.channels.size(); ++i) {
    const ProgramChannel& ch = f.m.channels[i];
    const ChannelBox& b = f.l.channels[i];
    const ChannelLayout& body = b.body;
    f.dl->AddRect(tl(body.frame), br(body.frame), ch.closed ? f.pal.text_dim : f.pal.outline,
                  6 * f.s, 0, f.pal.stroke * f.s);
    {
      const NoAntiAliasing plain(f.dl);
      for (const Rect& slot : body.slots) {
        f.dl->AddRectFilled(tl(slot), br(slot), f.pal.slot, slot.w >= 12 * f.s ? 3.0f * f.s : 0.0f);
      }
    }
    if (body.summarised()) {
      const Rect& g = body.gauge;
      const float fill = static_cast<float>(ch.buffer.size()) /
                         static_cast<float>(std::max<std::int64_t>(ch.cap, 1));
      f.dl->AddRectFilled(tl(g), br(g), f.pal.slot, 2 * f.s);
      f.dl->AddRectFilled(tl(g), ImVec2(g.x + g.w * fill, g.bottom()), f.pal.token, 2 * f.s);
    }
    const std::string len = fmt::format("{}/{}", ch.buffer.size(), ch.cap);
    const std::string label = ch.closed ? fmt::format("{}  {}  closed", ch.name, len)
                                        : fmt::format("{}  {}", ch.name, len);
    caption(f.dl, f.st, {b.label.x, b.label.bottom(), b.label.w, 0},
            {label, ch.name + "  " + len, ch.name});
    draw_queue(f, b.senders, ch.senders, b.more_senders, b.sendq, Look::BlockedSend);
    draw_queue(f, b.receivers, ch.receivers, b.more_receivers, b.recvq, Look::BlockedRecv);
    f.state.drawn.channels.push_back({ch.name, static_cast<int>(ch.buffer.size()),
                                      static_cast<int>(ch.cap), static_cast<int>(ch.senders.size()),
                                      static_cast<int>(ch.receivers.size()), ch.closed});
  }
}

void draw_syncs(const Frame& f) {
  for (std::size_t i = 0; i < f.m.syncs.size() && i < f.l.syncs.size(); ++i) {
    const ProgramSync& x = f.m.syncs[i];
    const Rect& r = f.l.syncs[i].frame;
    f.dl->AddRect(tl(r), br(r), f.pal.outline, 6 * f.s, 0, f.pal.stroke * f.s);
    std::string detail;
    switch (x.ref.kind) {
      case ObjectKind::WaitGroup:
        detail = fmt::format("counter {}", x.counter);
        break;
      case ObjectKind::Mutex:
        detail = x.holder != 0 && f.m.card(x.holder) != nullptr
                     ? "held by " + f.m.card(x.holder)->name
                     : (x.counter > 0 ? fmt::format("{} readers", x.counter) : "free");
        break;
      case ObjectKind::Clock:
        detail = fmt::format("{} sleeping", x.waiters.size());
        break;
      case ObjectKind::Channel:
        break;
    }
    if (!x.waiters.empty() && x.ref.kind != ObjectKind::Clock) {
      detail += fmt::format(", {} waiting", x.waiters.size());
    }
    const float room = r.w - 12 * f.s;
    const float fs = ImGui::GetFontSize();
    f.dl->PushClipRect(tl(r), br(r), true);
    const std::string name = fitting({x.name}, room);
    const std::string more = fitting({detail, detail.substr(0, detail.find(','))}, room);
    f.dl->AddText(ImVec2(r.x + 6 * f.s, r.y + 4 * f.s), f.pal.text, name.c_str());
    if (r.h >= 2 * fs + 8 * f.s) {
      f.dl->AddText(ImVec2(r.x + 6 * f.s, r.y + 4 * f.s + fs), f.pal.text_dim, more.c_str());
    }
    f.dl->PopClipRect();
  }
}

// [SECTION] Arrows ------------------------------------------------------------------------

std::string target_name(const ProgramModel& m, const ObjectRef& to) {
  if (to.kind == ObjectKind::Channel) {
    const ProgramChannel* c = m.channel(to.id);
    return c != nullptr ? c->name : "";
  }
  for (const ProgramSync& x : m.syncs) {
    if (x.ref == to) return x.name;
  }
  return "";
}

void draw_arrows(Frame& f) {
  const bool deadlock = f.m.outcome == trace::Outcome::Deadlock;
  const float thickness = (deadlock ? 3.0f : 2.0f) * f.s;
  for (const ArrowPath& p : f.l.arrows) {
    const ProgramArrow& a = f.m.arrows[p.arrow];
    const ProgramCard* card = f.m.card(a.from);
    const std::uint32_t colour =
        deadlock
            ? f.pal.deadlock
            : with_alpha(look_colour(f.st.theme, card != nullptr ? card->look : Look::BlockedRecv),
                         a.from == f.state.selected ? 1.0f : 0.7f);
    draw_arrow(f.dl, p.route, colour, thickness);
    f.state.drawn.arrows.push_back({card != nullptr ? card->name : std::string(),
                                    target_name(f.m, a.to), std::string(to_string(a.kind))});
  }
}

// [SECTION] Value tokens -----------------------------------------------------------------

struct Target {
  Vec2 at;
  float size;
};

std::optional<Target> token_target(const Frame& f, const ValueToken& t, float size) {
  for (std::size_t i = 0; i < f.m.channels.size(); ++i) {
    if (f.m.channels[i].id != t.channel) continue;
    const ChannelBox& b = f.l.channels[i];
    const auto index = static_cast<std::size_t>(t.index);
    if (t.place == TokenPlace::Slot) {
      if (index >= b.body.slots.size()) return std::nullopt;
      const Rect& slot = b.body.slots[index];
      return Target{slot.centre(), std::min(size, slot.w * 0.86f)};
    }
    if (index >= b.senders.size()) return std::nullopt;  // in the hand of a queued sender
    const Rect& r = b.senders[index];
    const float side = std::min(size, r.h * 0.86f);
    return Target{{r.right() - side / 2 - 2 * f.s, r.centre().y}, side};
  }
  return std::nullopt;
}

// Where a token that appears starts: the hand it came from, its sender's card, or the
// channel's sending side.
Vec2 token_start(const Frame& f, const ValueToken& t, const std::vector<TokenTrip>& trips,
                 const Target& target) {
  if (!f.state.primed) return target.at;
  for (const TokenTrip& trip : trips) {
    if (trip.key != t.key || !trip.appeared) continue;
    if (auto it = f.state.tokens.find(trip.other_key); it != f.state.tokens.end()) {
      return it->second.at.value();
    }
  }
  if (t.place == TokenPlace::Hand) {
    if (const Rect* card = f.l.card(f.m, t.sender)) return card->centre();
    return target.at;
  }
  const ProgramChannel* ch = f.m.channel(t.channel);
  if (ch != nullptr) {
    const auto i = static_cast<std::size_t>(ch - f.m.channels.data());
    const Rect& frame = f.l.channels[i].body.frame;
    return {frame.x, frame.centre().y};
  }
  return target.at;
}

// Where a token that left goes: the receiver that waited for it, else the receiving side
// of its channel.
Vec2 token_end(const Frame& f, const TokenTrip& trip, Vec2 from) {
  if (const Rect* card = f.l.card(f.m, trip.to)) return card->centre();
  const ProgramChannel* ch = f.m.channel(trip.channel);
  if (ch == nullptr) return from;
  const auto i = static_cast<std::size_t>(ch - f.m.channels.data());
  const Rect& frame = f.l.channels[i].body.frame;
  return {frame.right() + 12 * f.s, frame.centre().y};
}

void draw_tokens(Frame& f, float dt) {
  ProgramViewState& state = f.state;
  const std::vector<TokenTrip> trips = token_trips(state.last, f.m);
  const float size = 28 * f.s;
  std::unordered_set<std::uint64_t> seen;
  std::unordered_map<std::uint64_t, std::string> texts;
  for (const ValueToken& t : f.m.tokens) {
    const auto target = token_target(f, t, size);
    if (!target) continue;
    seen.insert(t.key);
    texts[t.key] = t.text;
    auto [it, fresh] = state.tokens.try_emplace(
        t.key, TokenMotion{Tween(token_start(f, t, trips, *target), 0.35f), target->size});
    it->second.at.retarget(target->at);
    it->second.size += (target->size - it->second.size) * std::min(1.0f, dt * 10.0f);
    state.fading.erase(t.key);
    (void)fresh;
  }
  for (const ValueToken& t : state.last.tokens) {
    if (!texts.count(t.key)) texts[t.key] = t.text;
  }
  for (const TokenTrip& trip : trips) {  // tokens that left glide on and fade
    if (trip.appeared) continue;
    auto it = state.tokens.find(trip.key);
    if (it == state.tokens.end() || state.fading.count(trip.key) != 0) continue;
    state.fading[trip.key] = 0.5f;
    it->second.at.retarget(token_end(f, trip, it->second.at.value()));
  }
  for (auto it = state.tokens.begin(); it != state.tokens.end();) {
    const auto fade = state.fading.find(it->first);
    if (seen.count(it->first) == 0 && fade == state.fading.end()) {
      it = state.tokens.erase(it);  // out of sight (a summarised part): no motion to show
      continue;
    }
    if (fade != state.fading.end() && (fade->second -= dt) <= 0) {
      state.fading.erase(fade);
      it = state.tokens.erase(it);
      continue;
    }
    ++it;
  }
  std::optional<NoAntiAliasing> plain;
  if (state.tokens.size() > 100) plain.emplace(f.dl);
  const bool labels = state.tokens.size() <= kTokenLabelLimit;
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  for (auto& [key, motion] : state.tokens) {
    motion.at.advance(dt);
    const Vec2 c = motion.at.value();
    const auto fade = state.fading.find(key);
    const float alpha = fade != state.fading.end() ? fade->second / 0.5f : 1.0f;
    const float half = motion.size / 2;
    f.dl->AddRectFilled(ImVec2(c.x - half, c.y - half), ImVec2(c.x + half, c.y + half),
                        with_alpha(f.pal.token, alpha), std::min(4.0f * f.s, half / 2));
    const std::string& text = texts[key];
    if (labels && fs <= motion.size * 0.8f &&
        font->CalcTextSizeA(fs, 1e9f, 0, text.c_str()).x <= motion.size * 1.1f) {
      text_centred(f.dl, font, fs, c, with_alpha(f.pal.background, alpha), text);
    }
  }
  state.drawn.tokens = static_cast<int>(seen.size());
}

// [SECTION] draw_program_view --------------------------------------------------------------

bool has_banner(const ProgramModel& m) {
  return m.outcome == trace::Outcome::Deadlock || m.outcome == trace::Outcome::Panic ||
         (m.outcome == trace::Outcome::Completed && m.leaked > 0);
}

void draw_outcome(const Frame& f, ImVec2 origin, float width, float height) {
  const auto banner = [&](std::uint32_t colour, const std::string& title,
                          const std::string& detail) {
    f.state.drawn.banner = title;
    draw_banner(f.dl, f.st, origin, width, height, colour, title, detail);
  };
  if (f.m.outcome == trace::Outcome::Deadlock) {
    banner(f.pal.deadlock, "Deadlock", f.m.message);
  } else if (f.m.outcome == trace::Outcome::Panic) {
    banner(f.pal.warning, "Panic", f.m.message);
  } else if (has_banner(f.m)) {
    banner(
        look_colour(f.st.theme, Look::Leaked),
        plural(f.m.leaked, "goroutine", "goroutines") + " leaked",
        f.m.leaked == 1 ? "main returned; it waits forever" : "main returned; they wait forever");
  }
}

// The card under the mouse (0: none).
trace::GoroutineId card_at(const ProgramModel& m, const ProgramLayout& l, ImVec2 mouse) {
  for (std::size_t c = 0; c < m.columns.size(); ++c) {
    const auto& cards = l.columns[c].cards;
    for (std::size_t i = 0; i < cards.size() && i < m.columns[c].cards.size(); ++i) {
      const Rect& r = cards[i];
      if (mouse.x >= r.x && mouse.x <= r.right() && mouse.y >= r.y && mouse.y <= r.bottom()) {
        return m.columns[c].cards[i].id;
      }
    }
  }
  return 0;
}

void tooltip(const ProgramCard& c) {
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(c.name.c_str());
  ImGui::Text("%s, line %d", std::string(look_name(c.look)).c_str(), c.line);
  if (!c.waits_on.empty()) ImGui::TextUnformatted(c.waits_on.c_str());
  ImGui::EndTooltip();
}

}  // namespace

void draw_program_view(const ProgramModel& m, ProgramViewState& state, const PoolViewStyle& st,
                       float width, float height, float dt) {
  state.drawn = {};
  if (width < 50 || height < 50) return;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("program-canvas", ImVec2(width, height));
  const bool hovered = ImGui::IsItemHovered();
  const bool clicked = ImGui::IsItemClicked();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(origin, ImVec2(origin.x + width, origin.y + height), true);
  const float picture_h = has_banner(m) ? height - banner_height(st) : height;
  ProgramLayout l = layout_program(m, {width, picture_h, st.scale});
  move_layout(l, origin);
  Frame f{dl, st, m, l, state, palette(st.theme), st.scale};
  draw_channels(f);
  draw_syncs(f);
  draw_columns(f);
  draw_arrows(f);
  draw_tokens(f, dt);
  draw_outcome(f, origin, width, height);
  dl->PopClipRect();
  if (hovered) {
    const trace::GoroutineId under = card_at(m, l, ImGui::GetIO().MousePos);
    if (const ProgramCard* c = m.card(under)) tooltip(*c);
    if (clicked) state.selected = under;
  }
  state.last = m;
  state.primed = true;
}

}  // namespace poolscope::gui
