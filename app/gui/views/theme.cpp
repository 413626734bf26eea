#include "app/gui/views/theme.hpp"

#include <imgui.h>

#include <algorithm>

namespace poolscope::gui {

namespace {
// Okabe & Ito (2008), "Color Universal Design".
constexpr std::uint32_t kOrange = IM_COL32(230, 159, 0, 255);
constexpr std::uint32_t kSkyBlue = IM_COL32(86, 180, 233, 255);
constexpr std::uint32_t kGreen = IM_COL32(0, 158, 115, 255);
constexpr std::uint32_t kYellow = IM_COL32(240, 228, 66, 255);
constexpr std::uint32_t kBlue = IM_COL32(0, 114, 178, 255);
constexpr std::uint32_t kVermillion = IM_COL32(213, 94, 0, 255);
constexpr std::uint32_t kPurple = IM_COL32(204, 121, 167, 255);

constexpr Palette make_palette(std::uint32_t background, std::uint32_t panel, std::uint32_t text,
                               std::uint32_t dim, std::uint32_t outline, std::uint32_t slot,
                               std::uint32_t grey, std::uint32_t deadlock, float stroke) {
  return Palette{
      .background = background,
      .panel = panel,
      .text = text,
      .text_dim = dim,
      .outline = outline,
      .slot = slot,
      .token = kSkyBlue,
      .result = kGreen,
      .warning = kVermillion,
      .deadlock = deadlock,
      .looks = {kSkyBlue, grey, kGreen, kVermillion, kBlue, kOrange, kOrange, kYellow, grey, grey,
                kPurple, kVermillion},
      .stroke = stroke,
  };
}

const Palette kDark = make_palette(IM_COL32(22, 24, 29, 255), IM_COL32(33, 36, 43, 255),
                                   IM_COL32(235, 237, 240, 255), IM_COL32(150, 156, 168, 255),
                                   IM_COL32(90, 96, 110, 255), IM_COL32(48, 52, 62, 255),
                                   IM_COL32(120, 126, 138, 255), IM_COL32(240, 50, 70, 255), 1.5f);
const Palette kLight = make_palette(IM_COL32(246, 246, 243, 255), IM_COL32(255, 255, 255, 255),
                                    IM_COL32(25, 27, 31, 255), IM_COL32(95, 100, 110, 255),
                                    IM_COL32(160, 165, 175, 255), IM_COL32(228, 230, 234, 255),
                                    IM_COL32(140, 145, 155, 255), IM_COL32(200, 0, 30, 255), 1.5f);
const Palette kProjector = make_palette(
    IM_COL32(0, 0, 0, 255), IM_COL32(16, 16, 16, 255), IM_COL32(255, 255, 255, 255),
    IM_COL32(200, 200, 200, 255), IM_COL32(230, 230, 230, 255), IM_COL32(40, 40, 40, 255),
    IM_COL32(170, 170, 170, 255), IM_COL32(255, 60, 80, 255), 3.0f);

ImVec4 to_vec4(std::uint32_t c) { return ImGui::ColorConvertU32ToFloat4(c); }
}  // namespace

const Palette& palette(ThemeId theme) {
  switch (theme) {
    case ThemeId::Light:
      return kLight;
    case ThemeId::Projector:
      return kProjector;
    case ThemeId::Dark:
      break;
  }
  return kDark;
}

std::uint32_t look_colour(ThemeId theme, Look look) {
  return palette(theme).looks[static_cast<int>(look)];
}

std::uint32_t with_alpha(std::uint32_t colour, float alpha) {
  const auto a = static_cast<std::uint32_t>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f);
  return (colour & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

void apply_theme(ThemeId theme, float scale) {
  ImGuiStyle style;
  if (theme == ThemeId::Light) {
    ImGui::StyleColorsLight(&style);
  } else {
    ImGui::StyleColorsDark(&style);
  }
  const Palette& p = palette(theme);
  style.WindowRounding = 6.0f;
  style.ChildRounding = 6.0f;
  style.FrameRounding = 4.0f;
  style.GrabRounding = 4.0f;
  style.PopupRounding = 4.0f;
  style.WindowPadding = ImVec2(12, 10);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(8, 7);
  style.WindowBorderSize = theme == ThemeId::Projector ? 2.0f : 1.0f;
  // Light frames are white on a near-white panel: without a border, checkboxes and radio
  // buttons vanish.
  style.FrameBorderSize = theme == ThemeId::Dark ? 0.0f : 1.0f;
  style.Colors[ImGuiCol_WindowBg] = to_vec4(p.panel);
  // On software OpenGL every full-screen layer costs milliseconds, so the window clears to the
  // panel colour and child windows draw no background of their own: each pixel is filled once.
  style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
  style.Colors[ImGuiCol_Text] = to_vec4(p.text);
  style.Colors[ImGuiCol_TextDisabled] = to_vec4(p.text_dim);
  style.Colors[ImGuiCol_Border] = to_vec4(p.outline);
  if (theme != ThemeId::Light) {
    style.Colors[ImGuiCol_TitleBgActive] = to_vec4(IM_COL32(30, 70, 110, 255));
    style.Colors[ImGuiCol_Button] = to_vec4(IM_COL32(40, 80, 125, 255));
    style.Colors[ImGuiCol_ButtonHovered] = to_vec4(kBlue);
    style.Colors[ImGuiCol_SliderGrab] = to_vec4(kSkyBlue);
    style.Colors[ImGuiCol_CheckMark] = to_vec4(kSkyBlue);
  }
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace poolscope::gui
