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

#include <cfloat>
#include <cstdlib>
#include <cstring>
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

void Platform::render(const float clear[4]) {
  ImGui::Render();
  glViewport(0, 0, framebuffer_width(), framebuffer_height());
  glClearColor(clear[0], clear[1], clear[2], clear[3]);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
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
