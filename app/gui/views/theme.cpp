#include "app/gui/views/theme.hpp"

#include <imgui.h>

#include "app/gui/model/colour.hpp"

namespace poolscope::gui {

namespace {
// The palette's colours are packed as ImGui packs them.
static_assert(pack(1, 2, 3, 4) == IM_COL32(1, 2, 3, 4));

ImVec4 to_vec4(std::uint32_t c) { return ImGui::ColorConvertU32ToFloat4(c); }
}  // namespace

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
  // Tooltips (which use the states' colours as text) on the panel colour, opaque.
  style.Colors[ImGuiCol_PopupBg] = to_vec4(p.panel);
  style.Colors[ImGuiCol_Button] = to_vec4(p.button);
  style.Colors[ImGuiCol_ButtonHovered] = to_vec4(p.button_hovered);
  style.Colors[ImGuiCol_ButtonActive] = to_vec4(p.button_active);
  style.Colors[ImGuiCol_SliderGrab] = to_vec4(p.accent);
  style.Colors[ImGuiCol_CheckMark] = to_vec4(p.accent);
  if (theme != ThemeId::Light)
    style.Colors[ImGuiCol_TitleBgActive] = to_vec4(IM_COL32(30, 70, 110, 255));
  style.ScaleAllSizes(scale);
  ImGui::GetStyle() = style;
}

}  // namespace poolscope::gui
