// The pool view. Sections:
//   [SECTION] Helpers (colours, text)
//   [SECTION] Cards (producers, workers, collector)
//   [SECTION] Channels
//   [SECTION] Tokens (tweened)
//   [SECTION] Outcome overlays (deadlock cycle, panic, leaks)
//   [SECTION] draw_pool_view
#include "app/gui/views/view_pool.hpp"

#include <imgui.h>

#include <fmt/core.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <unordered_map>
#include <utility>

#include "app/gui/model/arrow_route.hpp"
#include "app/gui/model/number_format.hpp"
#include "app/gui/model/pool_layout.hpp"
#include "app/gui/model/pool_model.hpp"
#include "app/gui/views/draw_kit.hpp"
#include "app/gui/views/view_legend.hpp"

namespace poolscope::gui {

namespace {

// [SECTION] Helpers ----------------------------------------------------------------

constexpr float kPi = 3.14159265358979f;
constexpr std::size_t kTokenLabelLimit = 300;  // tokens carry their number up to this many

Rect offset(Rect r, ImVec2 o) { return {r.x + o.x, r.y + o.y, r.w, r.h}; }

std::string format_seconds(trace::Time t) {
  const double s = static_cast<double>(t) / 1e9;
  return s < 10 ? fmt::format("{:.1f} s", s) : fmt::format("{:.0f} s", s);
}

// [SECTION] Cards ------------------------------------------------------------------

std::string actor_name(const Session& session, const Actor& a) {
  return session.goroutine_name(a.id);
}

// Returns the text drawn on the card, its lines joined by " / ".
std::string draw_card(ImDrawList* dl, const PoolViewStyle& st, const Session& session,
                      const Actor& a, const Rect& r, bool detailed, bool selected,
                      trace::Time now) {
  const Palette& pal = palette(st.theme);
  const std::uint32_t colour = look_colour(st.theme, a.look);
  const float s = st.scale;
  const float rounding = std::min(6.0f * s, r.h / 4);
  // A card too narrow for its text (many workers, or half a window in compare mode) is a
  // block of its state's colour with the glyph, and the name when there is room.
  if (!detailed || r.w < 72 * s) {
    const NoAntiAliasing plain(dl);
    dl->AddRectFilled(tl(r), br(r), colour);
    if (selected) dl->AddRect(tl(r), br(r), pal.text, 0, 0, 2.0f * s);
    const float fs = std::min(ImGui::GetFontSize(), r.h * 0.8f);
    const bool named = r.h >= 2.4f * ImGui::GetFontSize();
    if (r.h >= 14 * s) {  // the state's glyph too, so colour is not the only cue
      text_centred(dl, ImGui::GetFont(), fs,
                   {r.centre().x, named ? r.y + r.h * 0.32f : r.centre().y}, pal.background,
                   std::string(look_glyph(a.look)));
    }
    // Bottom left, clear of a held token at the bottom right; a worker by its number. A
    // name that does not fit whole is left out, never cut.
    std::string name = a.index >= 0 ? std::to_string(a.index) : actor_name(session, a);
    if (named && ImGui::GetFont()->CalcTextSizeA(fs, 1e9f, 0.0f, name.c_str()).x <= r.w - 8 * s) {
      dl->AddText(ImGui::GetFont(), fs, ImVec2(r.x + 4 * s, r.bottom() - fs - 4 * s),
                  pal.background, name.c_str());
      return name;
    }
    return "";
  }
  dl->AddRectFilled(tl(r), br(r), pal.panel, rounding);
  dl->AddRectFilled(tl(r), ImVec2(r.x + 6 * s, r.bottom()), colour, rounding,
                    ImDrawFlags_RoundCornersLeft);
  dl->AddRect(tl(r), br(r), selected ? pal.text : colour, rounding, 0,
              (selected ? 2.5f : 1.5f) * s * (pal.stroke / 1.5f));
  // Text is never smaller than the body text and never cut: each line takes the longest
  // of its forms that fits, and a line without room for any is left out.
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  const float pad = 10 * s;
  const float radius = std::min(r.h * 0.28f, 14.0f * s);
  const float disc_bottom = r.y + 2 * radius + 8 * s;
  float y = r.y + 4 * s;
  // Beside the state disc a line stops short of it; below the disc it has the card's width.
  const auto room = [&] {
    return (y >= disc_bottom ? r.right() - pad : r.right() - 2 * radius - 8 * s) - (r.x + pad);
  };
  const auto first_fitting = [&](std::initializer_list<std::string> forms) -> std::string {
    for (const std::string& f : forms) {
      if (font->CalcTextSizeA(fs, 1e9f, 0.0f, f.c_str()).x <= room()) return f;
    }
    return "";
  };
  std::string drawn;
  const auto line = [&](std::initializer_list<std::string> forms, std::uint32_t text_colour) {
    std::string text = first_fitting(forms);
    if (text.empty() && y < disc_bottom) {  // none fits beside the disc: try below it
      y = disc_bottom;
      text = first_fitting(forms);
    }
    if (text.empty() || y + fs > r.bottom() - 2 * s) return;
    dl->AddText(font, fs, ImVec2(r.x + pad, y), text_colour, text.c_str());
    y += fs * 1.1f;
    drawn += (drawn.empty() ? "" : " / ") + text;
  };
  const std::string name = actor_name(session, a);
  line({name, a.index >= 0 ? std::to_string(a.index) : std::string()}, pal.text);
  // The state and, for a wait, how long it has waited at the moment shown.
  const std::string full(look_name(a.look));
  const std::string brief(look_short_name(a.look));
  const std::optional<trace::Time> waited = wait_so_far(a, now);
  const std::string timer = waited ? format_seconds(*waited) : std::string();
  if (timer.empty()) {
    line({full, brief, brief.substr(0, brief.find(':'))}, pal.text_dim);
  } else {
    line({full + " " + timer, brief + " " + timer, brief, brief.substr(0, brief.find(':'))},
         pal.text_dim);
  }
  const std::string where = a.job != trace::kNoJob
                                ? fmt::format("job {}  ·  line {}", a.job, a.line)
                                : fmt::format("line {}", a.line);
  line({where, a.job != trace::kNoJob ? fmt::format("job {}", a.job) : where}, pal.text_dim);
  // The state's glyph, in a disc at the right; a progress ring while working.
  const ImVec2 c(r.right() - radius - 6 * s, r.y + radius + 6 * s);
  dl->AddCircleFilled(c, radius, colour, 20);
  const std::string glyph(look_glyph(a.look));
  text_centred(dl, font, fs, {c.x, c.y}, pal.background, glyph);
  if (a.progress >= 0) {
    dl->PathArcTo(c, radius + 3 * s, -kPi / 2, -kPi / 2 + 2 * kPi * static_cast<float>(a.progress),
                  24);
    dl->PathStroke(pal.text, 0, 2.0f * s);
  }
  return drawn;
}

// [SECTION] Channels ---------------------------------------------------------------

void draw_channel(ImDrawList* dl, const PoolViewStyle& st, const ChannelLayout& ch,
                  std::size_t length, const std::string& label, bool closed) {
  const Palette& pal = palette(st.theme);
  const float s = st.scale;
  dl->AddRect(tl(ch.frame), br(ch.frame), closed ? pal.text_dim : pal.outline, 6 * s, 0,
              pal.stroke * s);
  {
    const NoAntiAliasing plain(dl);
    for (const Rect& slot : ch.slots) {
      dl->AddRectFilled(tl(slot), br(slot), pal.slot, slot.w >= 12 * s ? 3.0f * s : 0.0f);
    }
  }
  if (ch.summarised()) {
    // The gauge: the whole capacity as one bar, filled as far as the channel is.
    const Rect& g = ch.gauge;
    const float fill = static_cast<float>(length) / static_cast<float>(std::max(ch.capacity, 1));
    dl->AddRectFilled(tl(g), br(g), pal.slot, 2 * s);
    if (length > 0) {
      dl->AddRectFilled(tl(g), ImVec2(g.x + std::max(g.w * fill, 2 * s), g.bottom()), pal.token,
                        2 * s);
    }
    if (length > ch.slots.size()) {
      const std::string more = fmt::format("+{}", length - ch.slots.size());
      const float fs = std::min(ImGui::GetFontSize() * 0.8f, g.h * 1.2f);
      const ImVec2 extent = ImGui::GetFont()->CalcTextSizeA(fs, 1e9f, 0, more.c_str());
      dl->AddText(ImGui::GetFont(), fs, ImVec2(g.x, g.y - extent.y - 2 * s), pal.text,
                  more.c_str());
    }
  }
  const float cw = std::max(ch.frame.w, ch.caption_w);
  caption(dl, st, {ch.frame.centre().x - cw / 2, ch.frame.y, cw, ch.frame.h},
          {label, label.substr(label.rfind(' ') + 1)});
  if (closed) {
    const std::string text = "closed";
    const ImVec2 extent = ImGui::CalcTextSize(text.c_str());
    dl->AddText(ImVec2(ch.frame.x + (ch.frame.w - extent.x) / 2, ch.frame.bottom() + 4 * s),
                pal.warning, text.c_str());
  }
}

// [SECTION] Swarm ------------------------------------------------------------------

// Too many goroutines for cards: how many are in each state, as labelled bars, and a
// density map in which each cell stands for a run of goroutines in creation order and
// takes the colour of the state most of them are in.
void draw_swarm(ImDrawList* dl, const PoolViewStyle& st, const std::vector<Actor>& actors,
                const Rect& area) {
  const Palette& pal = palette(st.theme);
  const float s = st.scale;
  std::array<std::size_t, static_cast<std::size_t>(Look::Count)> counts{};
  for (const Actor& a : actors) ++counts[static_cast<std::size_t>(a.look)];
  ImFont* font = ImGui::GetFont();
  const float fs = ImGui::GetFontSize();
  const float row_h = fs * 1.5f;
  std::array<std::string, static_cast<std::size_t>(Look::Count)> labels;
  float label_w = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] == 0) continue;
    labels[i] = fmt::format("{}  {}", group_thousands(static_cast<std::int64_t>(counts[i])),
                            look_name(static_cast<Look>(i)));
    label_w = std::max(label_w, ImGui::CalcTextSize(labels[i].c_str()).x);
  }
  const float bar_x = area.x + fs * 2.0f + label_w;
  float y = area.y;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    if (counts[i] == 0) continue;
    const Look look = static_cast<Look>(i);
    const std::uint32_t colour = look_colour(st.theme, look);
    const ImVec2 c(area.x + fs * 0.6f, y + row_h / 2);
    dl->AddCircleFilled(c, fs * 0.6f, colour, 16);
    text_centred(dl, font, fs * 0.85f, {c.x, c.y}, pal.background, std::string(look_glyph(look)));
    dl->AddText(font, fs, ImVec2(area.x + fs * 1.6f, y + (row_h - fs) / 2), pal.text,
                labels[i].c_str());
    const float bar_w = std::max(area.right() - bar_x, 0.0f) * static_cast<float>(counts[i]) /
                        static_cast<float>(actors.size());
    if (bar_w > 0) {
      dl->AddRectFilled(ImVec2(bar_x, y + row_h * 0.3f),
                        ImVec2(bar_x + std::max(bar_w, 2 * s), y + row_h * 0.7f), colour, 2 * s);
    }
    y += row_h;
  }
  const Rect map{area.x, y + 8 * s, area.w, area.bottom() - y - 12 * s - fs};
  if (map.h < 20 * s) return;
  const int cells = static_cast<int>(std::min<std::size_t>(actors.size(), 400));
  const auto grid = layout_grid(map, cells, 1.0f, 1.0f * s);
  const std::size_t per_cell =
      (actors.size() + static_cast<std::size_t>(cells) - 1) / static_cast<std::size_t>(cells);
  const NoAntiAliasing plain(dl);
  for (std::size_t cell = 0; cell < grid.size(); ++cell) {
    std::array<std::uint16_t, static_cast<std::size_t>(Look::Count)> votes{};
    const std::size_t end = std::min(actors.size(), (cell + 1) * per_cell);
    for (std::size_t k = cell * per_cell; k < end; ++k) {
      ++votes[static_cast<std::size_t>(actors[k].look)];
    }
    const auto most = std::max_element(votes.begin(), votes.end()) - votes.begin();
    dl->AddRectFilled(tl(grid[cell]), br(grid[cell]),
                      look_colour(st.theme, static_cast<Look>(most)));
  }
  const std::string key = fmt::format("each square: {} goroutines, oldest first", per_cell);
  dl->AddText(font, fs * 0.8f, ImVec2(map.x, area.bottom() - fs * 0.8f), pal.text_dim, key.c_str());
}

// [SECTION] Tokens -----------------------------------------------------------------

struct Places {
  std::unordered_map<trace::GoroutineId, Rect> cards;  // every drawn goroutine card
  std::vector<Rect> sender_slots;                      // blocked senders at the entrance
  const ChannelLayout* jobs = nullptr;
  const ChannelLayout* results = nullptr;
  Rect collector;
  Rect producers;
  Rect workers;
};

// Where a token goes, and the size it has there (a slot's size inside a channel).
struct Target {
  Vec2 at;
  float size;
};

// Nothing when the token's place is not drawn (a summarised part of a channel, a
// goroutine without a card): such tokens are counted, not drawn.
std::optional<Target> token_target(const Token& t, const Places& p, float default_size) {
  auto in_slot = [&](const ChannelLayout* ch, int index) -> std::optional<Target> {
    if (ch == nullptr || index >= static_cast<int>(ch->slots.size())) return std::nullopt;
    const Rect& slot = ch->slots[static_cast<std::size_t>(index)];
    return Target{slot.centre(), std::min(default_size, slot.w * 0.86f)};
  };
  auto on_card = [&](trace::GoroutineId g, bool right) -> std::optional<Target> {
    auto it = p.cards.find(g);
    if (it == p.cards.end()) return std::nullopt;
    const Rect& r = it->second;
    // Below the state disc at the card's right, clear of the text at its left.
    const float size = std::min(default_size, r.h * 0.36f);
    const float y = r.bottom() - size / 2 - 4.0f;
    return Target{right ? Vec2{r.right(), y} : Vec2{r.right() - size / 2 - 6.0f, y}, size};
  };
  switch (t.place) {
    case Place::SenderHand: {
      if (t.index >= static_cast<int>(p.sender_slots.size())) return std::nullopt;
      const Rect& r = p.sender_slots[static_cast<std::size_t>(t.index)];
      return Target{{r.right() - r.h / 2, r.centre().y}, std::min(default_size, r.h * 0.8f)};
    }
    case Place::JobsSlot:
      return in_slot(p.jobs, t.index);
    case Place::Held:
      return on_card(t.actor, false);
    case Place::ResultHand:
      return on_card(t.actor, true);
    case Place::ResultsSlot:
      return in_slot(p.results, t.index);
  }
  return std::nullopt;
}

void draw_tokens(ImDrawList* dl, const PoolViewStyle& st, const PoolModel& m, const Places& p,
                 PoolViewState& state, float default_size, float dt) {
  const Palette& pal = palette(st.theme);
  auto& seen = state.seen;  // a job shows once (its first place wins)
  seen.clear();
  for (const Token& t : m.tokens) {
    if (!seen.insert(t.job).second) continue;
    const auto target = token_target(t, p, default_size);
    if (!target) {
      state.tokens.erase(t.job);  // it reappears where it is next drawn
      continue;
    }
    // A new token enters from the producers; one first seen further on (it left a part
    // that is summarised, not drawn) appears in place.
    // On the view's first frame (a new run, a jump with --at) every token starts in place.
    const Vec2 start = state.primed && (t.place == Place::SenderHand || t.place == Place::JobsSlot)
                           ? p.producers.centre()
                           : target->at;
    auto [it, inserted] = state.tokens.try_emplace(t.job, TokenMotion{Tween(start, 0.35f), 0});
    if (inserted) it->second.size = target->size;
    it->second.at.retarget(target->at);
    it->second.size += (target->size - it->second.size) * std::min(1.0f, dt * 10.0f);
    state.fading.erase(t.job);
  }
  const bool labels = state.tokens.size() <= kTokenLabelLimit;
  // Tokens gone from the picture were collected (or dropped): they glide to the
  // collector and fade.
  for (auto it = state.tokens.begin(); it != state.tokens.end();) {
    if (seen.count(it->first) == 0) {
      auto [f, fresh] = state.fading.try_emplace(it->first, 0.5f);
      if (fresh) it->second.at.retarget(p.collector.centre());
      f->second -= dt;
      if (f->second <= 0) {
        state.fading.erase(f);
        it = state.tokens.erase(it);
        continue;
      }
    }
    ++it;
  }
  ImFont* font = ImGui::GetFont();
  std::optional<NoAntiAliasing> plain;
  if (state.tokens.size() > 100) plain.emplace(dl);
  for (auto& [job, motion] : state.tokens) {
    motion.at.advance(dt);
    const Vec2 c = motion.at.value();
    const float half = motion.size / 2;
    float alpha = 1.0f;
    std::uint32_t colour = pal.token;
    if (auto f = state.fading.find(job); f != state.fading.end()) {
      alpha = f->second / 0.5f;
      colour = pal.result;
    }
    dl->AddRectFilled(ImVec2(c.x - half, c.y - half), ImVec2(c.x + half, c.y + half),
                      with_alpha(colour, alpha), std::min(4.0f * st.scale, half / 2));
    const std::string label = std::to_string(job);
    // A job's number at the body text size, or none: never too small to read.
    const float font_size = ImGui::GetFontSize();
    if (labels && font_size <= motion.size * 0.8f &&
        font->CalcTextSizeA(font_size, 1e9f, 0, label.c_str()).x <= motion.size * 1.1f) {
      text_centred(dl, font, font_size, c, with_alpha(pal.background, alpha), label);
    }
  }
}

// [SECTION] Outcome overlays -------------------------------------------------------

// [SECTION] The parts of a frame -------------------------------------------------------

// What every part of one frame draws with. Rects of the layout are relative to the
// canvas; at() places them on the screen.
struct Frame {
  ImDrawList* dl;
  const PoolViewStyle& st;
  const Session& session;
  const trace::Snapshot& snap;
  const sim::Report& report;
  const PoolModel& m;
  PoolViewState& state;
  trace::Time now;
  ImVec2 origin;
  ImVec2 size;

  [[nodiscard]] Rect at(const Rect& r) const { return offset(r, origin); }
};

// An outcome banner gets its own strip at the bottom, so it covers no card.
bool has_banner(const PoolModel& m, const sim::Report& report) {
  return m.outcome == trace::Outcome::Deadlock || m.outcome == trace::Outcome::Panic ||
         (m.outcome == trace::Outcome::Completed && !report.blocked.empty());
}

PoolLayout lay_out(const Frame& f, std::size_t producers) {
  const PoolModel& m = f.m;
  PoolLayoutInput in;
  in.width = f.size.x;
  in.height = has_banner(m, f.report) ? f.size.y - banner_height(f.st) : f.size.y;
  in.scale = f.st.scale;
  in.producers = std::max<int>(static_cast<int>(producers), 1);
  in.jobs_capacity = static_cast<int>(m.jobs_cap);
  in.results_capacity = static_cast<int>(m.results_cap);
  in.workers = static_cast<int>(m.workers.size());
  in.has_jobs_channel = m.jobs != 0;
  in.workers_footer = m.db != 0 ? ImGui::GetFontSize() * 1.5f : 0.0f;
  return layout_pool(in);
}

// Where tokens can go: the channels and the collector and producers' columns, on the
// screen. Cards are added as they are drawn.
Places place_parts(const Frame& f, const PoolLayout& L, ChannelLayout& jobs,
                   ChannelLayout& results) {
  jobs = L.jobs;
  results = L.results;
  for (Rect* r : {&jobs.frame, &results.frame, &jobs.gauge, &results.gauge}) *r = f.at(*r);
  for (Rect& r : jobs.slots) r = f.at(r);
  for (Rect& r : results.slots) r = f.at(r);
  Places places;
  places.jobs = f.m.jobs != 0 ? &jobs : nullptr;
  places.results = f.m.results != 0 ? &results : nullptr;
  places.collector = f.at(L.collector);
  places.producers = f.at(L.producers);
  places.workers = f.at(L.workers);
  return places;
}

void draw_actor(Frame& f, Places& places, const Actor& a, const Rect& r, bool detailed) {
  places.cards[a.id] = r;
  std::string text =
      draw_card(f.dl, f.st, f.session, a, r, detailed, a.id == f.state.selected, f.now);
  f.state.drawn.cards.push_back({actor_name(f.session, a), a.look, std::move(text)});
}

// A card of at most 84 px (scaled) high, centred in its cell.
Rect card_in(const Rect& r, float scale) {
  const float h = std::min(r.h, 84 * scale);
  return {r.x, r.centre().y - h / 2, r.w, h};
}

void draw_producers(Frame& f, const PoolLayout& L, Places& places,
                    const std::vector<Actor>& producers) {
  for (std::size_t i = 0; i < producers.size() && i < L.producer_cards.size(); ++i) {
    draw_actor(f, places, producers[i], card_in(f.at(L.producer_cards[i]), f.st.scale), true);
  }
  caption(f.dl, f.st, places.producers, {producers.size() > 1 ? "producers" : "producer"});
}

// Blocked senders queue at the entrance of jobs, each with its wait so far; then jobs.
void draw_jobs(Frame& f, const PoolLayout& L, Places& places, const ChannelLayout& jobs) {
  if (f.m.jobs == 0) return;
  ImDrawList* dl = f.dl;
  const Palette& pal = palette(f.st.theme);
  const float s = f.st.scale;
  const trace::ChannelView& jc = f.snap.channel(f.m.jobs);
  const Rect q = f.at(L.sender_queue);
  const float h = std::min(34.0f * s, q.h / 8);
  const std::size_t shown = std::min<std::size_t>(jc.sendq.size(), 8);
  for (std::size_t i = 0; i < shown; ++i) {
    const Rect r{q.x,
                 q.centre().y - (static_cast<float>(shown) * (h + 4 * s)) / 2 +
                     static_cast<float>(i) * (h + 4 * s),
                 q.w, h};
    places.sender_slots.push_back(r);
    ++f.state.drawn.sender_entries;
    // Each entry: the wait so far, the job in hand (a token, drawn later), and a
    // thread back to the sender's card.
    const trace::GoroutineView& g = f.snap.goroutine(jc.sendq[i].goroutine);
    const std::uint32_t colour = look_colour(f.st.theme, Look::BlockedSend);
    dl->AddRect(tl(r), br(r), colour, 4 * s, 0, pal.stroke * s);
    // The wait so far, when it fits beside the token in hand (the card says it too).
    const std::string label = format_seconds(f.now - g.since);
    const float fs = std::min(ImGui::GetFontSize() * 0.8f, h * 0.6f);
    const float token = std::min(24.0f * s, h * 0.8f);
    if (ImGui::GetFont()->CalcTextSizeA(fs, 1e9f, 0, label.c_str()).x + token + 10 * s <= r.w) {
      dl->AddText(ImGui::GetFont(), fs, ImVec2(r.x + 4 * s, r.centre().y - fs / 2), pal.text,
                  label.c_str());
    }
    if (auto card = places.cards.find(g.id); card != places.cards.end()) {
      dl->AddLine(ImVec2(card->second.right(), card->second.centre().y), ImVec2(r.x, r.centre().y),
                  with_alpha(colour, 0.6f), 1.5f * s);
    }
  }
  if (jc.sendq.size() > shown) {
    dl->AddText(ImVec2(q.x, q.bottom() - ImGui::GetFontSize()), pal.text_dim,
                fmt::format("+{} waiting", jc.sendq.size() - shown).c_str());
  }
  if (!jc.sendq.empty()) caption(dl, f.st, q, {"blocked"});
  draw_channel(dl, f.st, jobs, jc.buffer.size(),
               fmt::format("jobs  {}/{}", jc.buffer.size(), f.m.jobs_cap == 0 ? 0 : f.m.jobs_cap),
               jc.closed);
}

// Workers (or job goroutines): cards, or the swarm; the database line under them.
void draw_workers(Frame& f, const PoolLayout& L, Places& places) {
  const PoolModel& m = f.m;
  const std::size_t cards =
      m.workers.size() > static_cast<std::size_t>(kMaxWorkerCards) ? 0 : m.workers.size();
  const Rect area = f.at(L.workers);
  for (std::size_t i = 0; i < cards; ++i) {
    draw_actor(f, places, m.workers[i], f.at(L.worker_cards[i]), L.detailed_cards);
  }
  std::string workers_caption =
      m.workers.empty()
          ? "workers"
          : fmt::format("{} ({})", m.workers.front().role == Role::Job ? "goroutines" : "workers",
                        group_thousands(static_cast<std::int64_t>(m.workers.size())));
  caption(f.dl, f.st, area, {workers_caption});
  if (L.swarm) draw_swarm(f.dl, f.st, m.workers, area);
  if (m.db != 0) {  // on the line the layout keeps free under the workers
    const std::string db = fmt::format("database connections in use: {}/{}", m.db_in_use, m.db_cap);
    f.dl->PushClipRect(tl(area), ImVec2(area.right(), f.origin.y + f.size.y), true);
    f.dl->AddText(ImVec2(area.x, area.bottom() + ImGui::GetFontSize() * 0.3f),
                  look_colour(f.st.theme, Look::WaitingResource), db.c_str());
    f.dl->PopClipRect();
  }
}

// Results and the collector.
void draw_results(Frame& f, Places& places, const ChannelLayout& results, const Actor* collector) {
  if (f.m.results != 0) {
    const trace::ChannelView& rc = f.snap.channel(f.m.results);
    draw_channel(f.dl, f.st, results, rc.buffer.size(),
                 fmt::format("results  {}/{}", rc.buffer.size(), f.m.results_cap), rc.closed);
  }
  caption(f.dl, f.st, places.collector, {"collector"});
  if (collector != nullptr) {
    draw_actor(f, places, *collector, card_in(places.collector, f.st.scale), true);
  }
}

// The strip above a part where its caption goes (caption()).
Rect caption_strip(const Rect& above, float scale) {
  const float h = ImGui::GetFontSize() + 6 * scale;
  return {above.x - 4 * scale, above.y - h, above.w + 8 * scale, h};
}

// What a deadlock's arrows go around: the channels, every caption, the blocked senders'
// entries, every card but the arrow's own two, the banner and the Legend button; and
// the outside of the canvas, so that no arrow bends out of sight.
std::vector<Rect> arrow_obstacles(const Frame& f, const Places& places, trace::GoroutineId from,
                                  trace::GoroutineId to) {
  const float scale = f.st.scale;
  std::vector<Rect> obstacles;
  for (const ChannelLayout* ch : {places.jobs, places.results}) {
    if (ch == nullptr) continue;
    obstacles.push_back(ch->frame);
    obstacles.push_back(caption_strip(ch->frame, scale));
  }
  for (const Rect* part : {&places.producers, &places.workers, &places.collector}) {
    obstacles.push_back(caption_strip(*part, scale));
  }
  const float x0 = f.origin.x, y0 = f.origin.y, w = f.size.x, h = f.size.y;
  const float banner_top = y0 + h - banner_height(f.st);
  const float button_h = ImGui::GetFrameHeight();
  obstacles.push_back({x0, banner_top, w, h - (banner_top - y0)});
  obstacles.push_back({x0 + w - ImGui::CalcTextSize("Legend").x - 24 * scale, y0,
                       ImGui::CalcTextSize("Legend").x + 24 * scale, button_h});
  const float far = 1e5f;
  obstacles.push_back({x0 - far, y0 - far, w + 2 * far, far});  // above
  obstacles.push_back({x0 - far, y0 - far, far, h + 2 * far});  // left
  obstacles.push_back({x0 + w, y0 - far, far, h + 2 * far});    // right
  for (const Rect& r : places.sender_slots) obstacles.push_back(r);
  for (const auto& [id, r] : places.cards) {
    if (id != from && id != to) obstacles.push_back(r);
  }
  return obstacles;
}

// A wait-for arrow for every goroutine caught in the deadlock's cycles, in the
// deadlock's red, each routed around labels, channels and other cards.
void draw_wait_arrows(Frame& f, const Places& places) {
  const float s = f.st.scale;
  const float thickness = 3.0f * s;
  for (const WaitEdge& e : deadlock_edges(f.report)) {
    const auto a = places.cards.find(e.from);
    const auto b = places.cards.find(e.to);
    if (a == places.cards.end() || b == places.cards.end()) continue;
    const std::vector<Rect> obstacles = arrow_obstacles(f, places, e.from, e.to);
    const ArrowRoute route =
        route_arrow(a->second, b->second, obstacles, 3.0f * thickness, 14 * s, 2 * s);
    draw_arrow(f.dl, route, palette(f.st.theme).deadlock, thickness);
    ++f.state.drawn.cycle_arrows;
    if (route.hits > 0) ++f.state.drawn.arrows_crossing;
  }
}

// The deadlock's wait-for cycle and the outcome's banner.
void draw_outcome(Frame& f, const Places& places) {
  const Palette& pal = palette(f.st.theme);
  const sim::Report& report = f.report;
  PictureRecord& drawn = f.state.drawn;
  const auto banner = [&f](std::uint32_t colour, const std::string& title,
                           const std::string& detail) {
    draw_banner(f.dl, f.st, f.origin, f.size.x, f.size.y, colour, title, detail);
  };
  if (f.m.outcome == trace::Outcome::Deadlock) {
    draw_wait_arrows(f, places);
    drawn.banner = "Deadlock";
    banner(pal.deadlock, drawn.banner, report.message);
  } else if (f.m.outcome == trace::Outcome::Panic) {
    drawn.banner = "Panic";
    banner(pal.warning, drawn.banner, report.message);
  } else if (f.m.outcome == trace::Outcome::Completed && !report.blocked.empty()) {
    drawn.banner =
        plural(static_cast<std::int64_t>(report.blocked.size()), "goroutine", "goroutines") +
        " leaked";
    banner(look_colour(f.st.theme, Look::Leaked), drawn.banner,
           fmt::format("main returned; {} forever (first: {} at line {})",
                       report.blocked.size() == 1 ? "it waits" : "they wait",
                       report.blocked.front().name, report.blocked.front().line));
  }
}

// The card under the mouse, or 0.
trace::GoroutineId card_at(const Places& places, ImVec2 mouse) {
  trace::GoroutineId hit = 0;
  for (const auto& [id, r] : places.cards) {
    if (mouse.x >= r.x && mouse.x <= r.right() && mouse.y >= r.y && mouse.y <= r.bottom()) {
      hit = id;
    }
  }
  return hit;
}

}  // namespace

// [SECTION] draw_pool_view -------------------------------------------------------------

void draw_pool_view(const Session& session, PoolViewState& state, const PoolViewStyle& st,
                    float dt) {
  const PoolModel& m = session.model();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  if (size.x < 50 || size.y < 50) return;
  // On stage, a row under the picture names the looks in it.
  LookSet shown{};
  const LookCounts counts = look_counts(m);
  for (std::size_t i = 0; i < shown.size(); ++i) shown[i] = counts[i] > 0;
  const float legend_h = st.legend_row ? legend_row_height(shown, size.x) : 0.0f;
  size.y -= legend_h;
  // The legend, one click away in the top right corner; submitted before the canvas so
  // that it takes the clicks over it.
  const float legend_w = ImGui::CalcTextSize("Legend").x + 2 * ImGui::GetStyle().FramePadding.x;
  ImGui::SetCursorScreenPos(ImVec2(origin.x + size.x - legend_w - 2 * st.scale, origin.y));
  const bool legend = draw_legend_button("pool", st, std::exchange(state.open_legend, false));
  ImGui::SetCursorScreenPos(origin);
  ImGui::InvisibleButton("pool-canvas", size);
  const bool clicked = ImGui::IsItemClicked();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  Frame f{dl,
          st,
          session,
          session.snapshot(),
          session.run().runtime().report(),
          m,
          state,
          session.view_time(),
          origin,
          size};

  // The model says who stands at the collector; the other producers stand at the left.
  std::vector<Actor> producers;
  const Actor* collector = nullptr;
  for (const Actor& a : m.producers) {
    if (a.id == m.collector) {
      collector = &a;
    } else {
      producers.push_back(a);
    }
  }

  const PoolLayout L = lay_out(f, producers.size());
  state.drawn = {};
  state.drawn.swarm = L.swarm;
  state.drawn.legend = legend;
  ChannelLayout jobs, results;
  Places places = place_parts(f, L, jobs, results);
  draw_producers(f, L, places, producers);
  draw_jobs(f, L, places, jobs);
  draw_workers(f, L, places);
  draw_results(f, places, results, collector);

  draw_tokens(dl, st, m, places, state, 28 * st.scale, dt);
  state.drawn.tokens = static_cast<int>(state.tokens.size());
  state.primed = true;
  draw_outcome(f, places);

  if (clicked) state.selected = card_at(places, ImGui::GetIO().MousePos);
  dl->PopClipRect();
  if (st.legend_row) {
    ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + size.y));
    draw_legend_row(shown, st);
    for (std::size_t i = 0; i < shown.size(); ++i) {
      if (!shown[i]) continue;
      if (!state.drawn.legend_row.empty()) state.drawn.legend_row += ", ";
      state.drawn.legend_row += look_name(static_cast<Look>(i));
    }
  }
}

}  // namespace poolscope::gui
