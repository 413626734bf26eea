#include "app/gui/views/view_legend.hpp"

#include <imgui.h>

#include <string>

#include "app/gui/views/theme.hpp"

namespace poolscope::gui {

namespace {

// A disc of the look's colour with its glyph, `radius` big, centred at `c`.
void glyph_disc(ImDrawList* dl, ImVec2 c, float radius, const PoolViewStyle& style, Look look) {
  dl->AddCircleFilled(c, radius, look_colour(style.theme, look), 16);
  const std::string glyph(look_glyph(look));
  const float fs = ImGui::GetFontSize() * 0.9f;
  const ImVec2 extent = ImGui::GetFont()->CalcTextSizeA(fs, 1e9f, 0.0f, glyph.c_str());
  dl->AddText(ImGui::GetFont(), fs, ImVec2(c.x - extent.x / 2, c.y - extent.y / 2),
              palette(style.theme).background, glyph.c_str());
}

// A disc the height of a line of text, as an item.
void glyph_item(const PoolViewStyle& style, Look look) {
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  glyph_disc(ImGui::GetWindowDrawList(), ImVec2(p.x + h * 0.6f, p.y + h / 2), h * 0.6f, style,
             look);
  ImGui::Dummy(ImVec2(h * 1.2f, h));
}

}  // namespace

const char* look_explanation(Look look) {
  switch (look) {
    case Look::Idle:
      return "blocked receiving on jobs: no job for it yet";
    case Look::Runnable:
      return "ready to run, waiting for the scheduler";
    case Look::Working:
      return "doing a job (the ring shows how far)";
    case Look::BlockedSend:
      return "blocked sending: nobody takes the value (a full or unread channel)";
    case Look::BlockedRecv:
      return "blocked receiving (not on jobs), in a select, or in wg.Wait()";
    case Look::WaitingResource:
      return "waiting for a database connection (a semaphore)";
    case Look::WaitingLimit:
      return "g.Go waiting for a free slot (errgroup's SetLimit)";
    case Look::WaitingCpu:
      return "has CPU work, but every processor (GOMAXPROCS) is busy";
    case Look::Sleeping:
      return "time.Sleep (rate limiting)";
    case Look::Exited:
      return "returned";
    case Look::Leaked:
      return "blocked forever after main returned: a goroutine leak";
    case Look::Panicked:
      return "panicked: the whole program ended";
    case Look::Count:
      break;
  }
  return "";
}

void draw_legend_table(const PoolViewStyle& style) {
  if (!ImGui::BeginTable("##legend", 3, ImGuiTableFlags_SizingFixedFit)) return;
  for (std::size_t i = 0; i < static_cast<std::size_t>(Look::Count); ++i) {
    const auto look = static_cast<Look>(i);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    glyph_item(style, look);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(std::string(look_name(look)).c_str());
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", look_explanation(look));
  }
  ImGui::EndTable();
  ImGui::TextDisabled("The same glyphs and colours on cards, timeline lanes and code markers.");
}

bool draw_legend_button(const char* id, const PoolViewStyle& style, bool open_now) {
  if (style.video) return false;  // a video has no one to click it
  ImGui::PushID(id);
  if (ImGui::SmallButton("Legend")) ImGui::OpenPopup("legend");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("What the glyphs and colours mean (L)");
  if (open_now && !ImGui::IsPopupOpen("legend")) {
    ImGui::SetNextWindowPos(ImVec2(ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y),
                            ImGuiCond_Always, ImVec2(1.0f, 0.0f));
    ImGui::OpenPopup("legend");
  }
  const bool open = ImGui::BeginPopup("legend");
  if (open) {
    draw_legend_table(style);
    ImGui::EndPopup();
  }
  ImGui::PopID();
  return open;
}

namespace {
// The width of one entry of the row: disc, gap, name.
float entry_width(Look look) {
  return ImGui::GetTextLineHeight() * 1.2f + ImGui::GetStyle().ItemInnerSpacing.x +
         ImGui::CalcTextSize(std::string(look_name(look)).c_str()).x;
}
}  // namespace

float legend_row_height(const LookSet& looks, float width) {
  const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
  float x = ImGui::CalcTextSize("Legend:").x;
  int lines = 1;
  for (std::size_t i = 0; i < looks.size(); ++i) {
    if (!looks[i]) continue;
    const float w = entry_width(static_cast<Look>(i));
    if (x + gap + w <= width) {
      x += gap + w;
    } else {
      ++lines;
      x = w;
    }
  }
  return static_cast<float>(lines) * ImGui::GetTextLineHeightWithSpacing();
}

void draw_legend_row(const LookSet& looks, const PoolViewStyle& style) {
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  ImGui::TextDisabled("Legend:");
  for (std::size_t i = 0; i < looks.size(); ++i) {
    if (!looks[i]) continue;
    const auto look = static_cast<Look>(i);
    const std::string name(look_name(look));
    const float w = entry_width(look);
    const float gap = ImGui::GetStyle().ItemSpacing.x * 2;
    if (ImGui::GetItemRectMax().x + gap + w <= right) ImGui::SameLine(0, gap);
    glyph_item(style, look);
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::TextUnformatted(name.c_str());
  }
}

}  // namespace poolscope::gui
