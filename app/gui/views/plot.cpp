#include "app/gui/views/plot.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace poolscope::gui {

namespace {
// A "nice" axis top at or above v: 1, 2 or 5 times a power of ten.
float nice_ceiling(float v) {
  if (v <= 0.0f) return 1.0f;
  const float magnitude = std::pow(10.0f, std::floor(std::log10(v)));
  for (float step : {1.0f, 2.0f, 5.0f, 10.0f}) {
    if (v <= step * magnitude) return step * magnitude;
  }
  return 10.0f * magnitude;
}
}  // namespace

void draw_plot(std::string_view title, const RingSeries& series, const PlotStyle& style,
               float scale) {
  char value[48];
  const float latest = series.latest();
  if (std::fabs(latest) >= 100.0f || latest == std::floor(latest)) {
    std::snprintf(value, sizeof value, "%.0f", static_cast<double>(latest));
  } else {
    std::snprintf(value, sizeof value, "%.2f", static_cast<double>(latest));
  }
  const std::string label = std::string(title);
  ImGui::TextUnformatted(label.c_str());
  ImGui::SameLine();
  const std::string current = std::string(value) + std::string(style.unit);
  ImGui::SetCursorPosX(
      ImGui::GetCursorPosX() +
      std::max(0.0f, ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(current.c_str()).x));
  ImGui::PushStyleColor(ImGuiCol_Text, style.line);
  ImGui::TextUnformatted(current.c_str());
  ImGui::PopStyleColor();

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 size(ImGui::GetContentRegionAvail().x, style.height * scale);
  ImGui::Dummy(size);
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const ImU32 frame = ImGui::GetColorU32(ImGuiCol_FrameBg);
  draw->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), frame, 3.0f * scale);
  const float top = nice_ceiling(std::max(series.max(), style.min_top));
  char axis[32];
  std::snprintf(axis, sizeof axis, "%g", static_cast<double>(top));
  draw->AddText(ImVec2(origin.x + 4 * scale, origin.y + 2 * scale),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), axis);
  if (series.size() < 2) return;
  // One point per sample, the newest at the right edge; the series' capacity
  // spans the full width so the plot scrolls at a steady pace.
  std::vector<ImVec2> points(series.size());
  const float dx = size.x / static_cast<float>(series.capacity() - 1);
  const float x0 = origin.x + size.x - dx * static_cast<float>(series.size() - 1);
  for (std::size_t i = 0; i < series.size(); ++i) {
    const float v = std::clamp(series.at(i) / top, 0.0f, 1.0f);
    points[i] = ImVec2(x0 + dx * static_cast<float>(i), origin.y + size.y - v * (size.y - 2.0f));
  }
  draw->AddPolyline(points.data(), static_cast<int>(points.size()), style.line, ImDrawFlags_None,
                    1.5f * scale);
}

}  // namespace poolscope::gui
