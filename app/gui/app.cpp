#include "app/gui/app.hpp"

#include <imgui.h>

#include <utility>

#include "app/gui/theme.hpp"

namespace poolscope::gui {

App::App(AppOptions options) : options_(std::move(options)) {
  fonts_ = load_fonts(options_.scale);
  apply_theme(ThemeId::Dark, options_.scale);
}

void App::frame() {
  const ImGuiViewport* viewport = ImGui::GetMainViewport();
  const float pad = 24.0f * options_.scale;
  ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + pad, viewport->WorkPos.y + pad));
  ImGui::SetNextWindowSize(ImVec2(viewport->WorkSize.x - 2 * pad, viewport->WorkSize.y - 2 * pad));
  ImGui::Begin("Poolscope", nullptr,
               ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse);
  ImGui::PushFont(fonts_.heading);
  ImGui::TextUnformatted("Poolscope");
  ImGui::PopFont();
  ImGui::TextWrapped("Watch Go's worker-pool pattern run, and change it live.");
  ImGui::Separator();
  ImGui::Text("Version %s", POOLSCOPE_VERSION);
  ImGui::Text("Renderer: %s", options_.renderer.c_str());
  ImGui::Text("Frame time: %.2f ms", 1000.0f * ImGui::GetIO().DeltaTime);
  if (!fonts_.warning.empty()) {
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.3f, 1.0f), "%s", fonts_.warning.c_str());
  }
  ImGui::PushFont(fonts_.code);
  ImGui::TextUnformatted("jobs := make(chan int, 100)");
  ImGui::PopFont();
  ImGui::End();
}

}  // namespace poolscope::gui
