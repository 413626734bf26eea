// App's frame for a recording (AppOptions::video): made for viewers, not for a pointer.
//
//   +-------------------------------------------+---------------+
//   | title                        t = 2.50 s    | main.go       |
//   | [queued] [working] [blocked] [results] [g] |  12 * for ... |
//   | pool view (or compare's two panes,         |  13   x :=    |
//   |  each with its counters)                   |  ...          |
//   | legend of the looks in the picture         |               |
//   +-------------------------------------------+---------------+
//   | caption band (with --captions)                              |
//   +-------------------------------------------------------------+
//
// - No buttons, sliders, checkboxes, tabs or scroll bars, no status bar and no "Press
//   Play" prompt; the pool view draws without its Legend button (PoolViewStyle::video)
//   and a row under it names the looks instead.
// - The code column only with AppOptions::video_code (--record-code); it scrolls itself.
// - The caption band only with AppOptions::video_captions; its height fits the longest
//   caption of the lesson, so the picture keeps its size for the whole video, and the
//   picture (with its outcome banner) ends above the band.
#include <imgui.h>

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "app/gui/app.hpp"
#include "app/gui/model/caption_script.hpp"
#include "app/gui/views/captions.hpp"
#include "app/gui/views/video_code.hpp"
#include "app/gui/views/view_stage.hpp"

namespace poolscope::gui {

namespace {
constexpr ImGuiWindowFlags kStill =
    ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoInputs;

void report_rect(LayoutReport& report, const char* name, ImVec2 a, ImVec2 b) {
  report.add(name, a.x, a.y, b.x, b.y);
}
}  // namespace

void App::draw_video(float dt) {
  const float s = options_.scale;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  float band_h = 0;
  if (options_.video_captions) {
    const lesson::Lesson* lesson = lessons_.find(session_->scenario().id);
    const std::vector<std::string_view> texts =
        lesson != nullptr ? caption_texts(*lesson) : std::vector<std::string_view>{};
    band_h = caption_band_height(texts, fonts_, ImGui::GetMainViewport()->Size.x);
  }
  const float body_h = avail.y - (band_h > 0 ? band_h + gap : 0.0f);
  const float code_w =
      options_.video_code ? std::clamp(avail.x * 0.34f, 300 * s, avail.x * 0.42f) : 0.0f;
  const float picture_w = avail.x - (code_w > 0 ? code_w + gap : 0.0f);
  draw_video_picture(picture_w, body_h, dt);
  if (code_w > 0) {
    ImGui::SetCursorScreenPos(ImVec2(origin.x + picture_w + gap, origin.y));
    draw_video_code(code_w, body_h);
  }
  if (band_h > 0) {
    // The band spans the whole frame, edge to edge, below everything else.
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 a(viewport->Pos.x, viewport->Pos.y + viewport->Size.y - band_h);
    const ImVec2 b(viewport->Pos.x + viewport->Size.x, viewport->Pos.y + viewport->Size.y);
    draw_caption_band(video_caption_, a, b, fonts_, options_.theme, s, report_);
  }
}

void App::draw_video_picture(float width, float height, float dt) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const Palette& pal = palette(options_.theme);
  // The title and the clock on one line.
  const std::string& title = session_->scenario().title;
  const std::string clock =
      fmt::format("t = {:.2f} s", static_cast<double>(session_->view_time()) / 1e9);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddText(origin, pal.text, title.c_str());
  const float clock_w = ImGui::CalcTextSize(clock.c_str()).x;
  dl->AddText(ImVec2(origin.x + width - clock_w, origin.y), pal.text_dim, clock.c_str());
  report_.add("video:title", origin.x, origin.y, origin.x + width,
              origin.y + ImGui::GetTextLineHeight(), 0, title);
  const float title_h = ImGui::GetTextLineHeightWithSpacing();
  ImGui::SetCursorScreenPos(ImVec2(origin.x, origin.y + title_h));
  const float rest = height - title_h;
  if (!compare_) {
    draw_video_pane("video-pool", *session_, pool_view_, "", width, rest, dt);
    return;
  }
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  const float pane_w = std::floor((width - gap) / 2);
  draw_video_pane("video-left", *session_, pool_view_, "A  " + session_->scenario().title, pane_w,
                  rest, dt);
  ImGui::SetCursorScreenPos(ImVec2(origin.x + pane_w + gap, origin.y + title_h));
  draw_video_pane("video-right", *compare_->session, compare_view_,
                  "B  " + compare_->variant + ":  " +
                      describe_difference(session_->scenario(), compare_->session->scenario()),
                  pane_w, rest, dt);
}

void App::draw_video_pane(const char* id, Session& session, PoolViewState& view,
                          const std::string& title, float width, float height, float dt) {
  const float s = options_.scale;
  const PoolViewStyle style{
      .theme = options_.theme, .scale = s, .fonts = &fonts_, .legend_row = true, .video = true};
  ImGui::BeginChild(id, ImVec2(width, height), false, kStill);
  if (!title.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette(options_.theme).text_dim);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopStyleColor();
  }
  const float counters_h =
      fonts_.heading != nullptr ? fonts_.heading->FontSize + ImGui::GetFontSize() + 16 * s : 70 * s;
  draw_stage_counters(session, style, counters_h, report_);
  ImGui::BeginChild("picture", ImVec2(0, 0), true, kStill);
  const ImVec2 a = ImGui::GetWindowPos();
  const ImVec2 size = ImGui::GetWindowSize();
  report_rect(report_, "video:picture", a, ImVec2(a.x + size.x, a.y + size.y));
  draw_run_picture(session, view, style, dt);
  ImGui::EndChild();
  ImGui::EndChild();
}

void App::draw_video_code(float width, float height) {
  const ImVec2 a = ImGui::GetCursorScreenPos();
  const PoolViewStyle style{.theme = options_.theme, .scale = options_.scale, .fonts = &fonts_};
  draw_video_listing(focused(), video_code_, style, a, ImVec2(a.x + width, a.y + height), report_);
}

}  // namespace poolscope::gui
