// Plots. Sections:
//   [SECTION] Value axis
//   [SECTION] Live plots
#include "app/gui/views/plot.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "app/gui/model/axis_ticks.hpp"

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

std::string axis_label(double v) { return axis_number(v); }

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
    const std::string label = axis_label(v);
    const float x = axis.x0 - 4 * s - ImGui::CalcTextSize(label.c_str()).x;  // right-aligned
    dl->AddText(ImVec2(std::max(style.label_x, x), y - half_font), style.text, label.c_str());
  }
}

// [SECTION] Live plots -----------------------------------------------------------------

namespace {

// The title, and the current value large at the right in the line's colour.
void plot_title(std::string_view title, float latest, const PlotStyle& style) {
  const auto v = static_cast<double>(latest);
  const double shown = std::fabs(v) >= 100.0 ? std::round(v) : std::round(v * 100.0) / 100.0;
  const std::string label = std::string(title);
  ImGui::TextUnformatted(label.c_str());
  ImGui::SameLine();
  // "1 sender", "2 senders" (units of time and rates stay: "1 ms", "1 jobs/s").
  std::string unit(style.unit);
  if (shown == 1.0 && unit.size() > 2 && unit.back() == 's' &&
      unit.find('/') == std::string::npos) {
    unit.pop_back();
  }
  const std::string current = axis_number(shown, unit);
  ImGui::SetCursorPosX(
      ImGui::GetCursorPosX() +
      std::max(0.0f, ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(current.c_str()).x));
  ImGui::PushStyleColor(ImGuiCol_Text, style.line);
  ImGui::TextUnformatted(current.c_str());
  ImGui::PopStyleColor();
}

// The time axis under the frame: round ticks, labelled in seconds, and faint lines up
// through the frame.
void draw_time_axis(const ValueAxis& a, double lo, double hi, float s) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const std::uint32_t text = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const std::uint32_t grid = ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.25f);
  const float w = a.x1 - a.x0;
  const float label_w = ImGui::CalcTextSize("0.00 s").x + 12 * s;
  const int most = std::max(2, static_cast<int>(w / label_w) + 1);  // both ends may have one
  dl->AddLine(ImVec2(a.x0, a.y1), ImVec2(a.x1, a.y1), text, s);
  for (const double t : axis_ticks(lo, hi, most)) {
    const float x = a.x0 + static_cast<float>((t - lo) / (hi - lo)) * w;
    dl->AddLine(ImVec2(x, a.y0), ImVec2(x, a.y1), grid, s);
    dl->AddLine(ImVec2(x, a.y1), ImVec2(x, a.y1 + 4 * s), text, s);
    const std::string label = axis_number(t, "s");
    const float tw = ImGui::CalcTextSize(label.c_str()).x;
    const float lx = std::clamp(x - tw / 2, a.x0 - 2 * s, a.x1 - tw);
    dl->AddText(ImVec2(lx, a.y1 + 5 * s), text, label.c_str());
  }
}

}  // namespace

float plot_label_width(const RingSeries& series, float min_top, float scale) {
  const float top = nice_ceiling(std::max(series.max(), min_top));
  float w = 0;
  for (const double v : {static_cast<double>(top), top / 2.0}) {
    w = std::max(w, ImGui::CalcTextSize(axis_label(v).c_str()).x);
  }
  return w + 8 * scale;
}

void draw_plot(std::string_view title, const RingSeries& times, const RingSeries& series,
               const PlotStyle& style, float scale) {
  const float s = scale;
  const float fs = ImGui::GetFontSize();
  plot_title(title, series.latest(), style);
  const float top = nice_ceiling(std::max(series.max(), style.min_top));
  const float label_w = std::max(style.label_w, plot_label_width(series, style.min_top, s));
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = ImGui::GetContentRegionAvail().x;
  const float frame_h = style.height * s;
  ImGui::Dummy(ImVec2(width, fs * 0.5f + frame_h + fs + 8 * s));
  const ValueAxis a{origin.x + label_w, origin.y + fs * 0.5f, origin.x + width - 4 * s,
                    origin.y + fs * 0.5f + frame_h, top};
  if (a.x1 - a.x0 < 20 * s) return;
  draw_value_axis(a, {.text = ImGui::GetColorU32(ImGuiCol_TextDisabled),
                      .grid = ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.25f),
                      .outside = true,
                      .label_x = origin.x,
                      .scale = s});
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (!style.unit.empty()) {
    const std::string unit(style.unit);
    dl->AddText(ImVec2(a.x0 + 4 * s, a.y0 + 2 * s), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                unit.c_str());
  }
  const std::size_t n = std::min(series.size(), times.size());
  const double newest = n > 0 ? times.at(times.size() - 1) : 0.0;
  const double oldest = n > 0 ? times.at(times.size() - n) : 0.0;
  // From the run's start while every sample since is kept, else from the oldest kept.
  const double lo = times.size() < times.capacity() ? 0.0 : oldest;
  const double hi = std::max(newest, oldest + 0.001);
  draw_time_axis(a, lo, hi, s);
  if (n == 0) return;
  // One point per sample at its time: the whole width spans the samples kept.
  std::vector<ImVec2> points(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = times.at(times.size() - n + i);
    const float x = a.x0 + static_cast<float>((t - lo) / (hi - lo)) * (a.x1 - a.x0);
    points[i] = ImVec2(x, a.y_of(series.at(series.size() - n + i)));
  }
  if (n == 1) {
    dl->AddCircleFilled(points[0], 2.5f * s, style.line);
    return;
  }
  dl->AddPolyline(points.data(), static_cast<int>(n), style.line, ImDrawFlags_None, 1.5f * s);
}

}  // namespace poolscope::gui
