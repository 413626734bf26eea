#include "app/gui/views/layout_report.hpp"

#include <imgui.h>

#include <fmt/format.h>

namespace poolscope::gui {

std::string LayoutReport::to_text() const {
  std::string out;
  for (const ReportItem& i : items) {
    // ImGui packs colours as ABGR.
    const unsigned r = i.colour & 0xFF, g = (i.colour >> 8) & 0xFF, b = (i.colour >> 16) & 0xFF;
    std::string text = i.text;
    for (char& c : text) {
      if (c == '\n') c = ' ';
    }
    out += fmt::format("layout {} {:.0f} {:.0f} {:.0f} {:.0f} #{:02x}{:02x}{:02x} {}\n", i.name,
                       i.x0, i.y0, i.x1, i.y1, r, g, b, text);
  }
  return out;
}

void mark_widgets() {
  const ImVec4 mark = ImGui::ColorConvertU32ToFloat4(kWidgetMark);
  for (const ImGuiCol_ col :
       {ImGuiCol_FrameBg,       ImGuiCol_FrameBgHovered,       ImGuiCol_FrameBgActive,
        ImGuiCol_Button,        ImGuiCol_ButtonHovered,        ImGuiCol_ButtonActive,
        ImGuiCol_SliderGrab,    ImGuiCol_SliderGrabActive,     ImGuiCol_CheckMark,
        ImGuiCol_Header,        ImGuiCol_HeaderHovered,        ImGuiCol_HeaderActive,
        ImGuiCol_Tab,           ImGuiCol_TabHovered,           ImGuiCol_TabActive,
        ImGuiCol_TabUnfocused,  ImGuiCol_TabUnfocusedActive,   ImGuiCol_ScrollbarBg,
        ImGuiCol_ScrollbarGrab, ImGuiCol_ScrollbarGrabHovered, ImGuiCol_ScrollbarGrabActive,
        ImGuiCol_ResizeGrip,    ImGuiCol_PlotHistogram}) {
    ImGui::GetStyle().Colors[col] = mark;
  }
}

}  // namespace poolscope::gui
