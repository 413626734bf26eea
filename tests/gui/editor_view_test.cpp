// The code editor's widget (views/view_editor.hpp) driven frame by frame in a headless
// ImGui context: keyboard focus, keys reaching the model, what it reports, and its cost.
#include <doctest/doctest.h>

#include <imgui.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "app/gui/views/view_editor.hpp"
#include "tests/gui/gui_harness.hpp"

using namespace poolscope::gui;

namespace {

// GLFW's key codes, which the app's backend puts in io.KeyMap (platform/keys.hpp).
constexpr int kEnter = 257;
constexpr int kBackspace = 259;
constexpr int kA = 65;
constexpr int kC = 67;
constexpr int kV = 86;
constexpr int kZ = 90;
constexpr int kF = 70;
constexpr int kEscape = 256;
constexpr int kDown = 264;
constexpr int kPageDown = 267;

// An ImGui context with ImGui's own font built on the CPU, and one editor in a window.
struct EditorHarness : poolscope::test::HeadlessImGui {
  TextEditor editor;
  EditorViewState state;
  std::vector<poolscope::golang::Diagnostic> diagnostics;
  std::vector<EditorLineMarker> markers;
  ImVec2 editor_size{400, 300};  // in a 800x600 window: room outside it to click
  std::string clipboard;

  EditorHarness() {
    ImGuiIO& io = ImGui::GetIO();
    const int map[][2] = {{ImGuiKey_Tab, 258},
                          {ImGuiKey_LeftArrow, 263},
                          {ImGuiKey_RightArrow, 262},
                          {ImGuiKey_UpArrow, 265},
                          {ImGuiKey_DownArrow, kDown},
                          {ImGuiKey_PageUp, 266},
                          {ImGuiKey_PageDown, kPageDown},
                          {ImGuiKey_Home, 268},
                          {ImGuiKey_End, 269},
                          {ImGuiKey_Insert, 260},
                          {ImGuiKey_Delete, 261},
                          {ImGuiKey_Backspace, kBackspace},
                          {ImGuiKey_Space, 32},
                          {ImGuiKey_Enter, kEnter},
                          {ImGuiKey_Escape, kEscape},
                          {ImGuiKey_KeyPadEnter, 335},
                          {ImGuiKey_A, kA},
                          {ImGuiKey_C, kC},
                          {ImGuiKey_V, kV},
                          {ImGuiKey_X, 88},
                          {ImGuiKey_Y, 89},
                          {ImGuiKey_Z, kZ}};
    for (const auto& m : map) io.KeyMap[m[0]] = m[1];
    // A clipboard of our own: the platform's is not there without a window.
    io.ClipboardUserData = &clipboard;
    io.SetClipboardTextFn = [](void* data, const char* text) {
      *static_cast<std::string*>(data) = text;
    };
    io.GetClipboardTextFn = [](void* data) {
      return static_cast<const char*>(static_cast<std::string*>(data)->c_str());
    };
  }

  // One frame; `input` sets the keys, mouse and characters of this frame.
  EditorResult frame(const std::function<void(ImGuiIO&)>& input = {}) {
    ImGuiIO& io = ImGui::GetIO();
    for (bool& down : io.KeysDown) down = false;
    io.KeyCtrl = io.KeyShift = io.KeyAlt = false;
    io.MouseDown[0] = false;
    io.DeltaTime = 1.0f / 60.0f;
    if (input) input(io);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(800, 600));
    ImGui::Begin("editor");
    const EditorResult out = draw_editor(editor, state, {}, editor_size, diagnostics, markers);
    ImGui::End();
    ImGui::Render();
    return out;
  }

  void click(ImVec2 at) {
    frame([&](ImGuiIO& io) { io.MousePos = at; });  // hover first, as a real mouse does
    frame([&](ImGuiIO& io) {
      io.MousePos = at;
      io.MouseDown[0] = true;
    });
    frame([&](ImGuiIO& io) { io.MousePos = at; });
  }
  void click_text() { click(ImVec2(200, 150)); }

  EditorResult key(int code, bool ctrl = false, bool shift = false) {
    const EditorResult out = frame([&](ImGuiIO& io) {
      io.KeysDown[code] = true;
      io.KeyCtrl = ctrl;
      io.KeyShift = shift;
    });
    frame();  // released
    return out;
  }

  EditorResult type(const char* text) {
    return frame([&](ImGuiIO& io) { io.AddInputCharactersUTF8(text); });
  }
};

}  // namespace

TEST_CASE("EditorView: typing reaches the text only once a click gave it the keyboard") {
  EditorHarness h;
  h.editor.set_text("package main\n");
  h.type("x");
  CHECK(h.editor.text() == "package main\n");
  h.frame();
  CHECK_FALSE(ImGui::GetIO().WantTextInput);
  h.click_text();
  CHECK(h.state.focused);
  const EditorResult typed = h.type("go");
  CHECK(typed.changed);
  CHECK(typed.focused);
  CHECK(h.editor.text() == "package main\ngo");  // the click was below the text: its end
  h.frame();
  CHECK(ImGui::GetIO().WantTextInput);  // the app's shortcuts stand aside
}

TEST_CASE("EditorView: a click elsewhere or Escape gives the keyboard back to the app") {
  EditorHarness h;
  h.click_text();
  REQUIRE(h.state.focused);
  h.click(ImVec2(700, 500));  // in the window, outside the editor
  CHECK_FALSE(h.state.focused);
  h.frame();
  CHECK_FALSE(ImGui::GetIO().WantTextInput);
  h.click_text();
  REQUIRE(h.state.focused);
  h.key(kEscape);
  CHECK_FALSE(h.state.focused);
  h.type("q");
  CHECK(h.editor.text().empty());
}

TEST_CASE("EditorView: Ctrl+Enter asks to run, Enter indents, Ctrl+Z undoes") {
  EditorHarness h;
  h.editor.set_text("func main() {");
  h.click_text();
  CHECK(h.key(kEnter, true).run);
  CHECK(h.editor.text() == "func main() {");
  const EditorResult enter = h.key(kEnter);
  CHECK_FALSE(enter.run);
  CHECK(enter.changed);
  CHECK(h.editor.text() == "func main() {\n\t");
  h.key(kZ, true);
  CHECK(h.editor.text() == "func main() {");
  h.key(kZ, true, true);  // Ctrl+Shift+Z redoes
  CHECK(h.editor.text() == "func main() {\n\t");
  h.key(kBackspace);
  CHECK(h.editor.text() == "func main() {\n");
}

TEST_CASE("EditorView: Ctrl+A, Ctrl+C and Ctrl+V go through the clipboard") {
  EditorHarness h;
  h.editor.set_text("jobs <- 1");
  h.click_text();
  h.key(kA, true);
  h.key(kC, true);
  CHECK(std::string(ImGui::GetClipboardText()) == "jobs <- 1");
  ImGui::SetClipboardText("close(jobs)\r\n");
  h.key(kV, true);
  CHECK(h.editor.text() == "close(jobs)\n");
}

TEST_CASE("EditorView: read-only keeps the text and says why") {
  EditorHarness h;
  h.editor.set_text("x := 1");
  h.editor.set_read_only(true);
  h.click_text();
  const EditorResult r = h.type("y");
  CHECK_FALSE(r.changed);
  CHECK(h.editor.text() == "x := 1");
  CHECK(h.state.notice.find("Read-only") != std::string::npos);
}

TEST_CASE("EditorView: Ctrl+F opens the find bar with the selection, Escape closes it") {
  EditorHarness h;
  h.editor.set_text("results := make(chan int)\nresults <- 2");
  h.click_text();
  h.editor.select_word_at({0, 2});
  h.key(kF, true);
  CHECK(h.state.find_open);
  CHECK(h.state.find_query == "results");
  h.frame();  // the find field takes the keyboard
  CHECK(h.state.find_active);
  h.type("x");  // goes to the field, not the text
  CHECK(h.editor.text() == "results := make(chan int)\nresults <- 2");
  h.key(kEscape);
  CHECK_FALSE(h.state.find_open);
  CHECK(h.state.focused);
}

TEST_CASE("EditorView: PageDown moves by the lines in view and the caret stays in view") {
  EditorHarness h;
  std::string text;
  for (int i = 0; i < 200; ++i) text += "line\n";
  h.editor.set_text(text);
  h.click(ImVec2(200, 60));
  const int before = h.editor.cursor().line;
  h.key(kPageDown);
  const int page = h.editor.cursor().line - before;
  CHECK(page > 5);
  CHECK(page < 30);  // a 300-pixel editor shows about 15 lines
  for (int i = 0; i < 5; ++i) h.key(kPageDown);
  const int caret = h.editor.cursor().line;
  CHECK(caret > 5 * page);
  h.click(ImVec2(200, 60));  // near the top of the editor: a line near the caret now
  CHECK(h.editor.cursor().line > caret - 2 * page);
}

TEST_CASE("EditorView: a 5,000-line program draws a frame in well under a millisecond") {
  EditorHarness h;
  std::string text = "package main\n\nimport \"fmt\"\n\n";
  for (int i = 0; i < 1000; ++i) {
    text += "func worker" + std::to_string(i) + "(jobs <-chan int, results chan<- int) {\n";
    text += "\tfor j := range jobs { // a comment\n\t\tresults <- j * 2\n\t}\n}\n";
  }
  h.editor.set_text(text);
  REQUIRE(h.editor.line_count() > 5000);
  h.diagnostics.push_back({4, 6, "undefined: worker"});
  h.markers.push_back({7, IM_COL32(200, 80, 80, 255), "3x", "3 goroutines"});
  h.editor_size = ImVec2(780, 560);
  h.click_text();
  h.frame();
  const auto start = std::chrono::steady_clock::now();
  constexpr int kFrames = 50;
  for (int i = 0; i < kFrames; ++i) h.frame();
  const auto per_frame = (std::chrono::steady_clock::now() - start) / kFrames;
  const double ms = std::chrono::duration<double, std::milli>(per_frame).count();
  MESSAGE("a frame of a 5,000-line program, with ImGui around it: " << ms << " ms");
  CHECK(ms < 5.0);  // a debug build on a shared machine: generous
  // A keystroke colours the whole text again (highlight_go on its new revision).
  const auto typing = std::chrono::steady_clock::now();
  constexpr int kKeys = 10;
  for (int i = 0; i < kKeys; ++i) h.type("x");
  const double key_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - typing).count() /
      kKeys;
  MESSAGE("a frame with a keystroke in it: " << key_ms << " ms");
  CHECK(h.editor.text().find("xxxxxxxxxx") != std::string::npos);
  CHECK(key_ms < 250.0);  // debug: ~50 ms; a release build ~3 ms (highlight_go of the text)
}
