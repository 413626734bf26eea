#include "app/gui/platform/fonts.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include <filesystem>
#include <initializer_list>

namespace poolscope::gui {

namespace {
std::string first_existing(std::initializer_list<const char*> paths) {
  for (const char* p : paths) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) return p;
  }
  return "";
}

ImFont* add(ImFontAtlas& atlas, const std::string& path, float size) {
  if (path.empty()) {
    ImFontConfig config;
    config.SizePixels = size;
    return atlas.AddFontDefault(&config);
  }
  ImFontConfig config;
  config.OversampleH = 2;
  config.OversampleV = 1;
  return atlas.AddFontFromFileTTF(path.c_str(), size, &config);
}
}  // namespace

Fonts load_fonts(float scale) {
  const std::string ui = first_existing({"/usr/share/fonts/truetype/inter-vf/Inter.var.ttf",
                                         "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
  const std::string code =
      first_existing({"/usr/share/fonts/truetype/jetbrains-mono/JetBrainsMono-Regular.ttf",
                      "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"});
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  atlas.Clear();
  Fonts fonts;
  fonts.ui = add(atlas, ui, 16.0f * scale);
  fonts.heading = add(atlas, ui, 24.0f * scale);
  fonts.code = add(atlas, code, 15.0f * scale);
  if (ui.empty() || code.empty()) {
    fonts.warning =
        "TrueType fonts not found; using the built-in font. Install fonts-inter-variable and "
        "fonts-jetbrains-mono for crisp text at every scale.";
  }
  atlas.Build();
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  return fonts;
}

}  // namespace poolscope::gui
