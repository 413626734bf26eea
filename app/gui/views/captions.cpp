#include "app/gui/views/captions.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

#include "app/gui/model/lesson_state.hpp"

namespace poolscope::gui {

namespace {
ImFont* caption_font(const Fonts& fonts) {
  return fonts.heading != nullptr ? fonts.heading : ImGui::GetFont();
}

struct Line {
  const char* begin;
  const char* end;
  float width;
};

// Subtitle proportions: lines of at most ~70% of the width, and at most ~60 em.
float wrap_width(const ImFont* font, float width) {
  return std::min(width * 0.7f, 60.0f * font->FontSize);
}

std::vector<Line> wrap(std::string_view text, ImFont* font, float wrap) {
  std::vector<Line> lines;
  const char* stop = text.data() + text.size();
  for (const char* at = text.data(); at < stop;) {
    const char* cut = font->CalcWordWrapPositionA(1.0f, at, stop, wrap);
    if (cut == at) cut = at + 1;  // a word wider than the line: never stall
    const float width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, at, cut).x;
    lines.push_back({at, cut, width});
    at = cut;
    while (at < stop && (*at == ' ' || *at == '\n')) ++at;
  }
  return lines;
}

float line_height(const ImFont* font) { return std::round(font->FontSize * 1.2f); }
float padding(const ImFont* font) { return std::round(font->FontSize * 0.5f); }
}  // namespace

std::string_view caption_at(const lesson::Lesson* lesson, const Session& session) {
  if (lesson == nullptr || lesson->steps.empty()) return {};
  return lesson::narration_at(*lesson, session.now(), run_end(session));
}

float caption_band_height(std::span<const std::string_view> texts, const Fonts& fonts,
                          float width) {
  ImFont* font = caption_font(fonts);
  std::size_t lines = 2;
  for (const std::string_view text : texts) {
    lines = std::max(lines, wrap(text, font, wrap_width(font, width)).size());
  }
  return static_cast<float>(lines) * line_height(font) + 2 * padding(font);
}

void draw_caption_band(std::string_view text, ImVec2 min, ImVec2 max, const Fonts& fonts,
                       ThemeId theme, float scale, LayoutReport& report) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // Opaque: nothing of the picture shows through, and the band has one look in every theme.
  dl->AddRectFilled(min, max, IM_COL32(12, 12, 14, 255));
  dl->AddLine(ImVec2(min.x, min.y), ImVec2(max.x, min.y), palette(theme).outline,
              std::max(1.0f, scale));
  report.add("captions", min.x, min.y, max.x, max.y);
  if (text.empty()) return;
  ImFont* font = caption_font(fonts);
  const std::vector<Line> lines = wrap(text, font, wrap_width(font, max.x - min.x));
  const float line_h = line_height(font);
  // Centred in the band, and whole pixels keep the glyphs as sharp as the atlas drew them.
  float y = std::floor(min.y + (max.y - min.y - line_h * static_cast<float>(lines.size())) / 2);
  const float top = y;
  float left = max.x;
  float right = min.x;
  for (const Line& line : lines) {
    const float x = std::floor(min.x + (max.x - min.x - line.width) / 2);
    left = std::min(left, x);
    right = std::max(right, x + line.width);
    dl->AddText(font, font->FontSize, ImVec2(x, y), IM_COL32(245, 245, 245, 255), line.begin,
                line.end);
    y += line_h;
  }
  report.add("caption", left, top, right, y, 0, std::string(text.substr(0, 40)));
}

}  // namespace poolscope::gui
