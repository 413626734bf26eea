#pragma once
// Small drawing helpers the picture views share (the pool view, the program view): one
// home, so that both draw text, arrows and plain shapes alike.
#include <imgui.h>

#include <cstdint>
#include <initializer_list>
#include <string>

#include "app/gui/model/arrow_route.hpp"
#include "app/gui/model/pool_layout.hpp"
#include "app/gui/views/view_pool.hpp"

namespace poolscope::gui {

// Small shapes drawn by the hundred skip anti-aliasing: on software OpenGL its fringe
// triangles cost more than the shapes, and at a few pixels nobody sees the difference.
// Restores the draw list's flags when it goes.
class NoAntiAliasing {
 public:
  explicit NoAntiAliasing(ImDrawList* dl) : dl_(dl), flags_(dl->Flags) {
    dl_->Flags &= ~(ImDrawListFlags_AntiAliasedFill | ImDrawListFlags_AntiAliasedLines);
  }
  ~NoAntiAliasing() { dl_->Flags = flags_; }
  NoAntiAliasing(const NoAntiAliasing&) = delete;
  NoAntiAliasing& operator=(const NoAntiAliasing&) = delete;

 private:
  ImDrawList* dl_;
  ImDrawListFlags flags_;
};

inline ImVec2 v(Vec2 p) { return {p.x, p.y}; }
inline ImVec2 tl(const Rect& r) { return {r.x, r.y}; }
inline ImVec2 br(const Rect& r) { return {r.right(), r.bottom()}; }

// `text` in `font` at `size`, centred on `centre`.
void text_centred(ImDrawList* dl, ImFont* font, float size, Vec2 centre, std::uint32_t colour,
                  const std::string& text);

// An arrow along `route` (a quadratic curve), its head at the end.
void draw_arrow(ImDrawList* dl, const ArrowRoute& route, std::uint32_t colour, float thickness);

// A label centred above a part, at the body text size: the first of its forms that fits
// the part's width (reaching a little past its edges, never into a neighbour's label);
// when none does, the last form shrinks to fit (down to 60%), as in a narrow compare pane.
void caption(ImDrawList* dl, const PoolViewStyle& st, const Rect& above,
             std::initializer_list<std::string> forms);

// The heading font of `st` (the body font when none is loaded).
[[nodiscard]] ImFont* heading_font(const PoolViewStyle& st);
// The height of an outcome banner; draw_banner() draws one along the bottom of the
// picture at `origin`, `width` x `height`.
[[nodiscard]] float banner_height(const PoolViewStyle& st);
void draw_banner(ImDrawList* dl, const PoolViewStyle& st, ImVec2 origin, float width, float height,
                 std::uint32_t colour, const std::string& title, const std::string& detail);

}  // namespace poolscope::gui
