#include "app/gui/views/view_stage.hpp"

#include <imgui.h>

#include <fmt/format.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "app/gui/model/number_format.hpp"
#include "app/gui/views/theme.hpp"

namespace poolscope::gui {

namespace {
constexpr std::array kShortcuts = {
    Shortcut{"Space", "play or pause"},
    Shortcut{"Right", "step: run one goroutine until it blocks"},
    Shortcut{"Left", "step back: undo one step (the run is replayed to there)"},
    Shortcut{"Up / Down", "faster / slower"},
    Shortcut{"R", "reset: the same run again"},
    Shortcut{"1 ... 9", "open lesson 1 to 9"},
    Shortcut{"Page Down / Page Up", "next / previous lesson step, the run with it"},
    Shortcut{"Ctrl + / Ctrl -", "larger / smaller text"},
    Shortcut{"Ctrl 0", "text size 1x"},
    Shortcut{"T", "next theme: dark, light, projector"},
    Shortcut{"F5", "stage mode: pool, narration, big counters"},
    Shortcut{"L", "legend: what each glyph and colour means"},
    Shortcut{"C", "show or hide the controls (settings, Open, Save, Record)"},
    Shortcut{"N", "show or hide the lesson, code and metrics"},
    Shortcut{"F11", "full screen"},
    Shortcut{"F12", "save a screenshot (PNG, in the working folder)"},
    Shortcut{"F3", "frame time and renderer (for debugging)"},
    Shortcut{"?", "this list"},
    Shortcut{"Esc", "close this list"},
};
}  // namespace

std::span<const Shortcut> shortcuts() noexcept { return kShortcuts; }

void draw_stage_counters(const Session& session, const PoolViewStyle& style, float height,
                         LayoutReport& report) {
  // The moment shown (scrubbed too), counted by the classifier the cards are drawn with.
  const PoolModel& m = session.model();
  const LookCounts looks = look_counts(m);
  const auto count = [&looks](Look look) { return looks[static_cast<std::size_t>(look)]; };
  const Palette& pal = palette(style.theme);
  const float s = style.scale;
  struct Counter {
    const char* label;
    const char* short_label;  // when `label` does not fit the card
    std::string value;
    std::uint32_t colour;
  };
  const int alive = static_cast<int>(m.producers.size() + m.workers.size() + m.others.size()) -
                    count(Look::Exited);
  const std::array counters = {
      Counter{"jobs waiting", "queued", group_thousands(jobs_queued(m)), pal.token},
      Counter{"* working", "* working",
              group_thousands(count(Look::Working)) + " / " +
                  group_thousands(static_cast<std::int64_t>(m.workers.size())),
              look_colour(style.theme, Look::Working)},
      Counter{"! blocked sending", "! blocked", group_thousands(count(Look::BlockedSend)),
              look_colour(style.theme, Look::BlockedSend)},
      Counter{"results", "results", group_thousands(session.figures().results), pal.result},
      Counter{"goroutines", "goroutines", group_thousands(alive), pal.text},
  };
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float width = ImGui::GetContentRegionAvail().x;
  const float card_w =
      (width - gap * static_cast<float>(counters.size() - 1)) / static_cast<float>(counters.size());
  ImFont* big = style.fonts != nullptr && style.fonts->heading != nullptr ? style.fonts->heading
                                                                          : ImGui::GetFont();
  for (std::size_t i = 0; i < counters.size(); ++i) {
    const Counter& c = counters[i];
    const ImVec2 a(origin.x + static_cast<float>(i) * (card_w + gap), origin.y);
    const ImVec2 b(a.x + card_w, a.y + height);
    dl->AddRect(a, b, pal.outline, 6 * s, 0, pal.stroke * s);
    dl->AddRectFilled(ImVec2(a.x, a.y), ImVec2(a.x + 6 * s, b.y), c.colour, 6 * s,
                      ImDrawFlags_RoundCornersLeft);
    const float value_size = big->FontSize;
    const ImVec2 value_ext = big->CalcTextSizeA(value_size, FLT_MAX, 0, c.value.c_str());
    const char* label = ImGui::CalcTextSize(c.label).x + 24 * s <= card_w ? c.label : c.short_label;
    const ImVec2 label_ext = ImGui::CalcTextSize(label);
    const float total = value_ext.y + label_ext.y;
    const float top = a.y + (height - total) / 2;
    dl->AddText(big, value_size, ImVec2(a.x + (card_w - value_ext.x) / 2, top), pal.text,
                c.value.c_str());
    dl->AddText(ImVec2(a.x + (card_w - label_ext.x) / 2, top + value_ext.y), pal.text_dim, label);
    report.add("counter", a.x, a.y, b.x, b.y, c.colour, fmt::format("{}={}", c.label, c.value));
  }
  ImGui::Dummy(ImVec2(width, height));
}

void draw_presentation(PresentationRequest& r, const PoolViewStyle& style) {
  const float s = style.scale;
  int theme = static_cast<int>(r.theme);
  constexpr const char* kThemes[] = {"dark", "light", "projector"};
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
  if (ImGui::Combo("theme (T)", &theme, kThemes, 3)) r.theme = static_cast<ThemeId>(theme);
  if (ImGui::Button("A-")) r.scale = std::max(0.5f, std::round(r.scale * 4 - 1) / 4);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Smaller text (Ctrl -)");
  ImGui::SameLine();
  if (ImGui::Button("A+")) r.scale = std::min(4.0f, std::round(r.scale * 4 + 1) / 4);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Larger text (Ctrl +); Ctrl 0 resets");
  ImGui::SameLine();
  ImGui::Text("%.0f%%", static_cast<double>(r.scale) * 100.0);
  ImGui::Checkbox("stage mode (F5)", &r.stage);
  if (ImGui::Button("Full screen (F11)")) r.toggle_fullscreen = true;
  const float w = ImGui::CalcTextSize("Shortcuts (?)").x + 2 * ImGui::GetStyle().FramePadding.x;
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + w <= right) ImGui::SameLine();
  if (ImGui::Button("Shortcuts (?)")) r.shortcuts = !r.shortcuts;
  ImGui::Dummy(ImVec2(0, 4 * s));
}

void draw_shortcut_overlay(bool& open, const PoolViewStyle& style, LayoutReport& report) {
  if (!open) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(
      ImVec2(vp->WorkPos.x + vp->WorkSize.x / 2, vp->WorkPos.y + vp->WorkSize.y / 2),
      ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(1.0f);  // opaque: the list is read, not seen through
  const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse;
  if (ImGui::Begin("Keyboard shortcuts", &open, flags)) {
    if (ImGui::BeginTable("##shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_PadOuterX)) {
      for (const Shortcut& k : kShortcuts) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, look_colour(style.theme, Look::Working));
        ImGui::TextUnformatted(k.keys.data(), k.keys.data() + k.keys.size());
        ImGui::PopStyleColor();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(k.what.data(), k.what.data() + k.what.size());
      }
      ImGui::EndTable();
    }
    const ImVec2 p = ImGui::GetWindowPos();
    const ImVec2 size = ImGui::GetWindowSize();
    report.add("overlay:shortcuts", p.x, p.y, p.x + size.x, p.y + size.y);
    if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
        ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
      open = false;
    }
  }
  ImGui::End();
}

}  // namespace poolscope::gui
