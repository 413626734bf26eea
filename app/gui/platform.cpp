#include "app/gui/platform.hpp"

// glad must come before GLFW so GLFW does not pull in the system GL header.
#include <glad/gl.h>
// clang-format off
#include <GLFW/glfw3.h>
// clang-format on
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string_view>
#include <utility>

namespace poolscope::gui {

namespace {
std::string g_glfw_error;  // the last message GLFW reported, for open()'s error

void on_glfw_error(int /*code*/, const char* description) { g_glfw_error = description; }

bool has_display() {
  const char* x11 = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  return (x11 != nullptr && *x11 != '\0') || (wayland != nullptr && *wayland != '\0');
}
}  // namespace

std::unique_ptr<Platform> Platform::open(const WindowOptions& options, std::string& error) {
  glfwSetErrorCallback(on_glfw_error);
  if (!has_display()) {
    error =
        "no display: DISPLAY is not set. Run Poolscope in a desktop session, or headless with "
        "xvfb-run -a -s '-screen 0 1920x1080x24' poolscope ...";
    return nullptr;
  }
  if (glfwInit() != GLFW_TRUE) {
    error = "cannot open the display (" + g_glfw_error + ")";
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, options.visible ? GLFW_TRUE : GLFW_FALSE);
  glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_FALSE);
  GLFWwindow* window =
      glfwCreateWindow(options.width, options.height, options.title.c_str(), nullptr, nullptr);
  if (window == nullptr) {
    error = "cannot create a window with OpenGL 3.3 core (" + g_glfw_error + ")";
    glfwTerminate();
    return nullptr;
  }
  if (options.x != kAnyPosition && options.y != kAnyPosition) {
    glfwSetWindowPos(window, options.x, options.y);
  }
  glfwMakeContextCurrent(window);
  if (gladLoadGL(glfwGetProcAddress) == 0) {
    error = "cannot load the OpenGL 3.3 functions";
    glfwDestroyWindow(window);
    glfwTerminate();
    return nullptr;
  }
  glfwSwapInterval(options.vsync ? 1 : 0);

  std::unique_ptr<Platform> platform(new Platform(window));
  // The ImGui backend leaves the user pointer and the drop callback alone.
  glfwSetWindowUserPointer(window, platform.get());
  glfwSetDropCallback(window, &Platform::on_drop);
  if (const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER))) {
    platform->renderer_ = name;
  }
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // window layout is the app's business
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  platform->keeps_back_buffer_ = platform->back_buffer_survives_swap();
  platform->damage_tracking_ = platform->keeps_back_buffer_;
  if (options.fullscreen) platform->set_fullscreen(true);
  return platform;
}

Platform::~Platform() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool Platform::should_close() const { return glfwWindowShouldClose(window_) != 0; }

void Platform::request_close() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }

void Platform::begin_frame(double fixed_dt, bool ignore_mouse) {
  glfwPollEvents();
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  if (fixed_dt > 0.0) io.DeltaTime = static_cast<float>(fixed_dt);
  if (ignore_mouse) {
    io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
    for (bool& down : io.MouseDown) down = false;
  }
  ImGui::NewFrame();
}

void Platform::on_drop(GLFWwindow* window, int count, const char** paths) {
  auto* self = static_cast<Platform*>(glfwGetWindowUserPointer(window));
  if (self == nullptr) return;
  for (int i = 0; i < count; ++i) self->dropped_.emplace_back(paths[i]);
}

std::vector<std::string> Platform::take_dropped_paths() { return std::exchange(dropped_, {}); }

// [SECTION] Rendering with damage tracking (see damage.hpp)

namespace {
std::uint64_t hash_list(const ImDrawList& list) {
  auto bytes = [](const void* data, std::size_t size) {
    return std::hash<std::string_view>{}(std::string_view(static_cast<const char*>(data), size));
  };
  std::uint64_t h = bytes(list.VtxBuffer.Data, sizeof(ImDrawVert) * list.VtxBuffer.Size);
  h = h * 31 + bytes(list.IdxBuffer.Data, sizeof(ImDrawIdx) * list.IdxBuffer.Size);
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    const std::uintptr_t fields[] = {reinterpret_cast<std::uintptr_t>(cmd.TextureId), cmd.VtxOffset,
                                     cmd.IdxOffset, cmd.ElemCount};
    h = h * 31 + bytes(&cmd.ClipRect, sizeof(cmd.ClipRect));
    h = h * 31 + bytes(fields, sizeof(fields));
  }
  return h;
}

ScreenRect to_rect(const ImVec4& clip) { return {clip.x, clip.y, clip.z, clip.w}; }

bool is_software_renderer(const std::string& name) {
  return name.find("llvmpipe") != std::string::npos || name.find("softpipe") != std::string::npos ||
         name.find("swrast") != std::string::npos;
}
}  // namespace

// Repainting only what changed needs the last frame still in the back buffer after a
// swap. Mesa's software drivers keep it (they copy the back buffer to the window);
// GPU drivers need not, and do not need the saving. So: software renderers only, and
// only when a test shows it: two frames in two colours, then the back buffer must hold
// the second.
bool Platform::back_buffer_survives_swap() {
  if (!is_software_renderer(renderer_)) return false;
  const float colours[2][3] = {{1, 0, 0}, {0, 1, 0}};
  for (const auto& c : colours) {
    glClearColor(c[0], c[1], c[2], 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glfwSwapBuffers(window_);
  }
  std::uint8_t pixel[4] = {0, 0, 0, 0};
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);
  return pixel[0] == 0 && pixel[1] == 255 && pixel[2] == 0;
}

void Platform::set_damage_tracking(bool on) {
  damage_tracking_ = on && keeps_back_buffer_;
  damage_.invalidate();
}

void Platform::render(const float clear[4]) {
  ImGui::Render();
  ImDrawData* data = ImGui::GetDrawData();
  const int w = framebuffer_width(), h = framebuffer_height();
  glViewport(0, 0, w, h);
  glClearColor(clear[0], clear[1], clear[2], clear[3]);
  if (!damage_tracking_ || w <= 0 || h <= 0) {
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(data);
    repainted_share_ = 1.0f;
    return;
  }
  if (!std::equal(clear, clear + 4, last_clear_)) {
    std::copy(clear, clear + 4, last_clear_);
    damage_.invalidate();
  }
  std::vector<ListSignature> lists;
  lists.reserve(static_cast<std::size_t>(data->CmdListsCount));
  for (int i = 0; i < data->CmdListsCount; ++i) {
    const ImDrawList& list = *data->CmdLists[i];
    // What it covers: each command's vertices, inside its clip rectangle (a child
    // window's first commands carry its parent's clip rectangle).
    ScreenRect bounds;
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      ScreenRect drawn{FLT_MAX, FLT_MAX, -FLT_MAX, -FLT_MAX};
      for (unsigned e = 0; e < cmd.ElemCount; ++e) {
        const ImVec2 p =
            list.VtxBuffer[static_cast<int>(cmd.VtxOffset +
                                            list.IdxBuffer[static_cast<int>(cmd.IdxOffset + e)])]
                .pos;
        drawn = {std::min(drawn.x0, p.x), std::min(drawn.y0, p.y), std::max(drawn.x1, p.x),
                 std::max(drawn.y1, p.y)};
      }
      // Anti-aliased edges reach a pixel past the vertices' box.
      drawn = {drawn.x0 - 1, drawn.y0 - 1, drawn.x1 + 1, drawn.y1 + 1};
      bounds = unite(bounds, intersect(drawn, to_rect(cmd.ClipRect)));
    }
    lists.push_back({list._OwnerName != nullptr ? list._OwnerName : "", hash_list(list), bounds});
  }
  const ScreenRect screen{data->DisplayPos.x, data->DisplayPos.y,
                          data->DisplayPos.x + data->DisplaySize.x,
                          data->DisplayPos.y + data->DisplaySize.y};
  if (!(screen == last_screen_)) {
    last_screen_ = screen;
    damage_.invalidate();
  }
  const std::vector<ScreenRect> dirty = damage_.update(std::move(lists), screen);
  const ImVec2 scale = data->FramebufferScale;
  std::vector<ImVec4> clips;
  float area = 0;
  for (const ScreenRect& r : dirty) {
    area += r.area();
    // Clear the rectangle, then draw every list again inside it, in order.
    const auto x0 = static_cast<GLint>(std::floor((r.x0 - screen.x0) * scale.x));
    const auto x1 = static_cast<GLint>(std::ceil((r.x1 - screen.x0) * scale.x));
    const auto y0 = static_cast<GLint>(std::floor((r.y0 - screen.y0) * scale.y));
    const auto y1 = static_cast<GLint>(std::ceil((r.y1 - screen.y0) * scale.y));
    glEnable(GL_SCISSOR_TEST);
    glScissor(x0, h - y1, x1 - x0, y1 - y0);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    const ScreenRect pixels{
        static_cast<float>(x0) / scale.x + screen.x0, static_cast<float>(y0) / scale.y + screen.y0,
        static_cast<float>(x1) / scale.x + screen.x0, static_cast<float>(y1) / scale.y + screen.y0};
    clips.clear();
    for (int i = 0; i < data->CmdListsCount; ++i) {
      for (ImDrawCmd& cmd : data->CmdLists[i]->CmdBuffer) {
        clips.push_back(cmd.ClipRect);
        const ScreenRect c = intersect(to_rect(cmd.ClipRect), pixels);
        cmd.ClipRect = ImVec4(c.x0, c.y0, c.x1, c.y1);
      }
    }
    ImGui_ImplOpenGL3_RenderDrawData(data);
    std::size_t k = 0;
    for (int i = 0; i < data->CmdListsCount; ++i) {
      for (ImDrawCmd& cmd : data->CmdLists[i]->CmdBuffer) cmd.ClipRect = clips[k++];
    }
  }
  repainted_share_ = std::min(area / std::max(screen.area(), 1.0f), 1.0f);
}

bool Platform::fullscreen() const { return glfwGetWindowMonitor(window_) != nullptr; }

void Platform::set_fullscreen(bool on) {
  if (on == fullscreen()) return;
  if (on) {
    GLFWmonitor* monitor = glfwGetPrimaryMonitor();
    const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
    if (mode == nullptr) return;  // no monitor to fill: stay windowed
    windowed_ = windowed_geometry();
    glfwSetWindowMonitor(window_, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
  } else {
    const int x = windowed_.x == kAnyPosition ? 50 : windowed_.x;
    const int y = windowed_.y == kAnyPosition ? 50 : windowed_.y;
    glfwSetWindowMonitor(window_, nullptr, x, y, windowed_.width, windowed_.height, GLFW_DONT_CARE);
  }
}

Platform::Geometry Platform::windowed_geometry() const {
  if (fullscreen()) return windowed_;
  Geometry g;
  glfwGetWindowPos(window_, &g.x, &g.y);
  glfwGetWindowSize(window_, &g.width, &g.height);
  return g;
}

void Platform::present() { glfwSwapBuffers(window_); }

void Platform::finish() { glFinish(); }

int Platform::framebuffer_width() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return w;
}

int Platform::framebuffer_height() const {
  int w = 0, h = 0;
  glfwGetFramebufferSize(window_, &w, &h);
  return h;
}

Image Platform::read_pixels() const {
  Image image;
  image.width = framebuffer_width();
  image.height = framebuffer_height();
  const auto row = static_cast<std::size_t>(image.width) * 4;
  std::vector<std::uint8_t> bottom_up(row * static_cast<std::size_t>(image.height));
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  glReadPixels(0, 0, image.width, image.height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
  // OpenGL's rows run bottom to top; images run top to bottom.
  image.rgba.resize(bottom_up.size());
  for (int y = 0; y < image.height; ++y) {
    std::memcpy(image.rgba.data() + static_cast<std::size_t>(y) * row,
                bottom_up.data() + static_cast<std::size_t>(image.height - 1 - y) * row, row);
  }
  for (std::size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;  // opaque
  return image;
}

std::string write_png(const std::string& path, const Image& image) {
  if (image.width <= 0 || image.height <= 0) return "cannot write " + path + ": empty image";
  if (stbi_write_png(path.c_str(), image.width, image.height, 4, image.rgba.data(),
                     image.width * 4) == 0) {
    return "cannot write " + path + " (is the folder there and writable?)";
  }
  return "";
}

}  // namespace poolscope::gui
