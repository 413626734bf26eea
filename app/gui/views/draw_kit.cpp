#include "app/gui/views/draw_kit.hpp"

#include <algorithm>
#include <cmath>

namespace poolscope::gui {

void text_centred(ImDrawList* dl, ImFont* font, float size, Vec2 centre, std::uint32_t colour,
                  const std::string& text) {
  const ImVec2 extent = font->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str());
  dl->AddText(font, size, ImVec2(centre.x - extent.x / 2, centre.y - extent.y / 2), colour,
              text.c_str());
}

void draw_arrow(ImDrawList* dl, const ArrowRoute& route, std::uint32_t colour, float thickness) {
  dl->AddBezierQuadratic(v(route.start), v(route.control), v(route.end), colour, thickness, 24);
  const Vec2 b = route.end;
  const Vec2 before = route.at(0.9f);
  const float dx = b.x - before.x, dy = b.y - before.y;
  const float len = std::max(std::sqrt(dx * dx + dy * dy), 1e-3f);
  const float ux = dx / len, uy = dy / len;
  const float head = 5.0f * thickness;
  dl->AddTriangleFilled(
      v(b), ImVec2(b.x - ux * head - uy * head * 0.6f, b.y - uy * head + ux * head * 0.6f),
      ImVec2(b.x - ux * head + uy * head * 0.6f, b.y - uy * head - ux * head * 0.6f), colour);
}

void caption(ImDrawList* dl, const PoolViewStyle& st, const Rect& above,
             std::initializer_list<std::string> forms) {
  ImFont* font = ImGui::GetFont();
  float size = ImGui::GetFontSize();
  const float room = above.w + 4 * st.scale;
  std::string text;
  ImVec2 extent;
  for (const std::string& form : forms) {
    text = form;
    extent = font->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str());
    if (extent.x <= room) break;
  }
  if (extent.x > room && extent.x > 0) {
    size *= std::max(room / extent.x, 0.6f);
    extent = font->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str());
  }
  const float y = above.y - size - 6 * st.scale;
  const float x = above.x + (above.w - extent.x) / 2;
  dl->PushClipRect(ImVec2(above.x - 2 * st.scale, y), ImVec2(above.right() + 2 * st.scale, above.y),
                   true);
  dl->AddText(font, size, ImVec2(x, y), palette(st.theme).text_dim, text.c_str());
  dl->PopClipRect();
}

ImFont* heading_font(const PoolViewStyle& st) {
  return st.fonts != nullptr && st.fonts->heading != nullptr ? st.fonts->heading : ImGui::GetFont();
}

float banner_height(const PoolViewStyle& st) {
  return heading_font(st)->FontSize + ImGui::GetFontSize() + 26 * st.scale;
}

void draw_banner(ImDrawList* dl, const PoolViewStyle& st, ImVec2 origin, float width, float height,
                 std::uint32_t colour, const std::string& title, const std::string& detail) {
  const Palette& pal = palette(st.theme);
  const float s = st.scale;
  ImFont* heading = heading_font(st);
  const float hs = heading->FontSize;
  const float h = banner_height(st) - 8 * s;
  const ImVec2 a(origin.x + 12 * s, origin.y + height - h - 8 * s),
      b(origin.x + width - 12 * s, a.y + h);
  dl->AddRectFilled(a, b, colour, 6 * s);
  dl->AddText(heading, hs, ImVec2(a.x + 12 * s, a.y + 5 * s), pal.background, title.c_str());
  dl->AddText(ImVec2(a.x + 12 * s, a.y + 8 * s + hs), pal.background, detail.c_str());
}

}  // namespace poolscope::gui
