#pragma once
// Fonts: TrueType fonts from Debian's font packages, rasterised at the UI scale.
//
// - UI text: Inter (fonts-inter-variable), else DejaVu Sans (fonts-dejavu-core).
// - Code: JetBrains Mono (fonts-jetbrains-mono), else DejaVu Sans Mono.
// - When none is installed, Dear ImGui's built-in font is used and `warning`
//   says which package to install; the app keeps running.
// - Call between frames (never inside one): it rebuilds the font atlas.
#include <string>

struct ImFont;

namespace poolscope::gui {

struct Fonts {
  ImFont* ui = nullptr;       // body text
  ImFont* heading = nullptr;  // titles, big counters
  ImFont* code = nullptr;     // the Go listing
  std::string warning;        // "" when the preferred fonts were found
};

// Builds the atlas for `scale` (1.0 = 16 px body text).
Fonts load_fonts(float scale);

}  // namespace poolscope::gui
