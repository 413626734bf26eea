#include "app/gui/views/code_colours.hpp"

#include <imgui.h>

namespace poolscope::gui {

std::uint32_t syntax_colour(ThemeId theme, GoTokenKind kind) {
  struct Set {
    std::uint32_t keyword, builtin, type, string, comment, number;
  };
  const Set dark{IM_COL32(198, 120, 221, 255), IM_COL32(97, 175, 239, 255),
                 IM_COL32(86, 182, 194, 255),  IM_COL32(152, 195, 121, 255),
                 IM_COL32(128, 134, 146, 255), IM_COL32(209, 154, 102, 255)};
  const Set light{IM_COL32(166, 38, 164, 255),  IM_COL32(38, 92, 200, 255),
                  IM_COL32(1, 120, 160, 255),   IM_COL32(60, 130, 50, 255),
                  IM_COL32(105, 110, 118, 255), IM_COL32(152, 90, 0, 255)};
  const Set projector{IM_COL32(255, 150, 255, 255), IM_COL32(130, 205, 255, 255),
                      IM_COL32(110, 235, 235, 255), IM_COL32(160, 255, 150, 255),
                      IM_COL32(190, 190, 190, 255), IM_COL32(255, 205, 110, 255)};
  const Set& set = theme == ThemeId::Light ? light : theme == ThemeId::Projector ? projector : dark;
  switch (kind) {
    case GoTokenKind::Keyword:
      return set.keyword;
    case GoTokenKind::Builtin:
      return set.builtin;
    case GoTokenKind::Type:
      return set.type;
    case GoTokenKind::String:
      return set.string;
    case GoTokenKind::Comment:
      return set.comment;
    case GoTokenKind::Number:
      return set.number;
    case GoTokenKind::Plain:
      break;
  }
  return palette(theme).text;
}

std::uint32_t ink_on(std::uint32_t background) {
  const ImVec4 c = ImGui::ColorConvertU32ToFloat4(background);
  const float luminance = 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z;
  return luminance > 0.45f ? IM_COL32(15, 15, 15, 255) : IM_COL32(250, 250, 250, 255);
}

}  // namespace poolscope::gui
