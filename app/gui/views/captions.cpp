#include "app/gui/views/captions.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

#include "app/gui/model/lesson_state.hpp"

namespace poolscope::gui {

std::string_view caption_at(const lesson::Lesson* lesson, const Session& session) {
  if (lesson == nullptr || lesson->steps.empty()) return {};
  return lesson::narration_at(*lesson, session.now(), run_end(session));
}

void draw_caption(std::string_view text, const Fonts& fonts, ThemeId theme, float scale) {
  if (text.empty()) return;
  ImFont* font = fonts.heading != nullptr ? fonts.heading : ImGui::GetFont();
  const float size = font->FontSize;
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const ImVec2 frame = viewport->Size;
  // Subtitle proportions: lines of at most ~70% of the width, each centred.
  const float pad = 0.6f * size;
  const float wrap = std::min(frame.x * 0.7f, 60.0f * size);
  struct Line {
    const char* begin;
    const char* end;
    float width;
  };
  std::vector<Line> lines;
  float widest = 0;
  for (const char* at = text.data(); at < text.data() + text.size();) {
    const char* stop = text.data() + text.size();
    const char* cut = font->CalcWordWrapPositionA(1.0f, at, stop, wrap);
    if (cut == at) cut = at + 1;  // a word wider than the line: never stall
    const float width = font->CalcTextSizeA(size, FLT_MAX, 0, at, cut).x;
    lines.push_back({at, cut, width});
    widest = std::max(widest, width);
    at = cut;
    while (at < stop && (*at == ' ' || *at == '\n')) ++at;
  }
  const float line_h = size * 1.2f;
  const float text_h = line_h * static_cast<float>(lines.size());
  const ImVec2 box_min(viewport->Pos.x + (frame.x - widest) / 2 - pad,
                       viewport->Pos.y + frame.y * 0.9f - text_h - pad);
  const ImVec2 box_max(box_min.x + widest + 2 * pad, box_min.y + text_h + 2 * pad);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  // Opaque: the picture under a caption never shows through its letters.
  dl->AddRectFilled(box_min, box_max, IM_COL32(12, 12, 14, 255), 4 * scale);
  dl->AddRect(box_min, box_max, palette(theme).outline, 4 * scale, 0, std::max(1.0f, scale));
  float y = box_min.y + pad;
  for (const Line& line : lines) {
    // Whole pixels keep the glyphs as sharp as the atlas drew them.
    const float x = std::floor(viewport->Pos.x + (frame.x - line.width) / 2);
    dl->AddText(font, size, ImVec2(x, std::floor(y)), IM_COL32(245, 245, 245, 255), line.begin,
                line.end);
    y += line_h;
  }
}

}  // namespace poolscope::gui
