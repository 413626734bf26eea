#pragma once
// Key names for ImGui::IsKeyPressed(): the platform's key codes, so that views, the app
// and scripted input never include GLFW.
namespace poolscope::gui {

// Key indices as Dear ImGui 1.86 sees them through the GLFW backend (GLFW's key codes),
// for ImGui::IsKeyPressed(). Views use these names and never include GLFW.
namespace keys {
inline constexpr int kSpace = 32;
inline constexpr int kMinus = 45;   // '-' on the main keyboard
inline constexpr int kSlash = 47;   // '/', '?' with Shift on US layouts
inline constexpr int kDigit0 = 48;  // '0'
inline constexpr int kDigit1 = 49;  // '1'; '2'..'9' follow
inline constexpr int kEqual = 61;   // '=', '+' with Shift
inline constexpr int kC = 67;
inline constexpr int kF = 70;
inline constexpr int kL = 76;
inline constexpr int kN = 78;
inline constexpr int kR = 82;
inline constexpr int kT = 84;
inline constexpr int kEscape = 256;
inline constexpr int kPageUp = 266;
inline constexpr int kPageDown = 267;
inline constexpr int kF3 = 292;
inline constexpr int kF5 = 294;
inline constexpr int kRight = 262;
inline constexpr int kLeft = 263;
inline constexpr int kDown = 264;
inline constexpr int kUp = 265;
inline constexpr int kF11 = 300;
inline constexpr int kF12 = 301;
inline constexpr int kKeypad0 = 320;
inline constexpr int kKeypadSubtract = 333;
inline constexpr int kKeypadAdd = 334;
}  // namespace keys

}  // namespace poolscope::gui
