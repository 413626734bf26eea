// Plots. Sections:
//   [SECTION] Value axis
//   [SECTION] Live plots
#include "app/gui/views/plot.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace poolscope::gui {

// [SECTION] Value axis -----------------------------------------------------------------

namespace {
template <typename T>
T nice_ceiling_of(T v) {
  if (v <= T(0)) return T(1);
  const T magnitude = std::pow(T(10), std::floor(std::log10(v)));
  for (T step : {T(1), T(2), T(5), T(10)}) {
    if (v <= step * magnitude) return step * magnitude;
  }
  return T(10) * magnitude;
}
}  // namespace

float nice_ceiling(float v) { return nice_ceiling_of(v); }
double nice_ceiling(double v) { return nice_ceiling_of(v); }

std::string axis_label(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%g", v);
  return text;
}

float ValueAxis::y_of(double v) const {
  return y1 - static_cast<float>(std::clamp(v / top, 0.0, 1.0)) * (y1 - y0);
}

void draw_value_axis(const ValueAxis& axis, const ValueAxisStyle& style) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float s = style.scale;
  dl->AddRectFilled(ImVec2(axis.x0, axis.y0), ImVec2(axis.x1, axis.y1),
                    ImGui::GetColorU32(ImGuiCol_FrameBg), 3 * s);
  if (style.grid != 0) {
    const float y = axis.y_of(axis.top / 2);
    dl->AddLine(ImVec2(axis.x0, y), ImVec2(axis.x1, y), style.grid, s);
  }
  if (!style.outside) {
    dl->AddText(ImVec2(axis.x0 + 4 * s, axis.y0 + 2 * s), style.text, axis_label(axis.top).c_str());
    return;
  }
  // Each label level with its value.
  const float half_font = ImGui::GetFontSize() / 2;
  for (const double v : {axis.top, axis.top / 2, 0.0}) {
    const float y = v == axis.top ? axis.y0 : axis.y_of(v);
    dl->AddText(ImVec2(style.label_x, y - half_font), style.text, axis_label(v).c_str());
  }
}

// [SECTION] Live plots -----------------------------------------------------------------

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
  const float top = nice_ceiling(std::max(series.max(), style.min_top));
  draw_value_axis({origin.x, origin.y, origin.x + size.x, origin.y + size.y, top},
                  {.text = ImGui::GetColorU32(ImGuiCol_TextDisabled), .scale = scale});
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
  ImGui::GetWindowDrawList()->AddPolyline(points.data(), static_cast<int>(points.size()),
                                          style.line, ImDrawFlags_None, 1.5f * scale);
}

}  // namespace poolscope::gui
