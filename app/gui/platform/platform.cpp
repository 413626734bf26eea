#include "app/gui/platform/platform.hpp"

// glad must come before GLFW so GLFW does not pull in the system GL header.
#include <glad/gl.h>
// clang-format off
#include <GLFW/glfw3.h>
// clang-format on
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <utility>

#include "app/gui/model/lessons_dir.hpp"
#include "app/gui/platform/platform_x11.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/read_file.hpp"

namespace poolscope::gui {

namespace {
std::string g_glfw_error;  // the last message GLFW reported, for open()'s error

void on_glfw_error(int /*code*/, const char* description) { g_glfw_error = description; }

bool has_display() {
  const char* x11 = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  return (x11 != nullptr && *x11 != '\0') || (wayland != nullptr && *wayland != '\0');
}

// The window's icon, which X11 window managers show in task bars and Alt+Tab (desktops
// that go by the desktop entry show the same icon). Without one, GLFW's default stays.
void set_window_icon(GLFWwindow* window) {
  std::vector<Image> images;
  for (const std::filesystem::path& path : find_icon_files()) {
    std::string error;
    Image image = read_png(path, error);
    if (error.empty()) images.push_back(std::move(image));
  }
  std::vector<GLFWimage> icons;
  icons.reserve(images.size());
  for (Image& image : images) icons.push_back({image.width, image.height, image.rgba.data()});
  if (!icons.empty()) glfwSetWindowIcon(window, static_cast<int>(icons.size()), icons.data());
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
  // WM_CLASS: desktops match the window to the desktop entry's StartupWMClass (its icon).
  glfwWindowHintString(GLFW_X11_CLASS_NAME, "poolscope");
  glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "poolscope");
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
  set_window_icon(window);
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
  glfwSetWindowRefreshCallback(window, &Platform::on_refresh);
  if (const auto* name = reinterpret_cast<const char*>(glGetString(GL_RENDERER))) {
    platform->renderer_ = name;
  }
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // window layout is the app's business
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  // After the backend's own: keys are queued and replayed at begin_frame().
  glfwSetKeyCallback(window, &Platform::on_key);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  platform->keeps_back_buffer_ = platform->back_buffer_survives_swap();
  platform->damage_tracking_ = platform->keeps_back_buffer_;
  if (platform->keeps_back_buffer_) platform->copy_sub_buffer_ = find_copy_sub_buffer(window);
  if (options.vsync) {
    const GLFWvidmode* mode = glfwGetVideoMode(glfwGetPrimaryMonitor());
    const int hz =
        mode != nullptr && mode->refreshRate >= 30 ? std::min(mode->refreshRate, 240) : 60;
    platform->frame_period_ = std::chrono::nanoseconds(1'000'000'000 / hz);
  }
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

void Platform::begin_frame(double fixed_dt, bool ignore_mouse) {
  glfwPollEvents();
  for (const KeyEvent& e : keys_.take_frame()) {
    ImGui_ImplGlfw_KeyCallback(window_, e.key, e.scancode, e.action, e.mods);
  }
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

void Platform::on_key(GLFWwindow* window, int key, int scancode, int action, int mods) {
  if (auto* self = static_cast<Platform*>(glfwGetWindowUserPointer(window))) {
    self->keys_.push({key, scancode, action, mods});
  }
}

void Platform::on_drop(GLFWwindow* window, int count, const char** paths) {
  auto* self = static_cast<Platform*>(glfwGetWindowUserPointer(window));
  if (self == nullptr) return;
  for (int i = 0; i < count; ++i) self->dropped_.emplace_back(paths[i]);
}

void Platform::on_refresh(GLFWwindow* window) {
  if (auto* self = static_cast<Platform*>(glfwGetWindowUserPointer(window))) self->exposed_ = true;
}

std::vector<std::string> Platform::take_dropped_paths() { return std::exchange(dropped_, {}); }

// [SECTION] Rendering with damage tracking (see damage.hpp)

namespace {
ScreenRect to_rect(const ImVec4& clip) { return {clip.x, clip.y, clip.z, clip.w}; }

// The pixels a triangle can touch: those whose centre is inside, with a pixel to spare.
ScreenRect box_of(const ImDrawVert& a, const ImDrawVert& b, const ImDrawVert& c) {
  return {std::min({a.pos.x, b.pos.x, c.pos.x}) - 1, std::min({a.pos.y, b.pos.y, c.pos.y}) - 1,
          std::max({a.pos.x, b.pos.x, c.pos.x}) + 1, std::max({a.pos.y, b.pos.y, c.pos.y}) + 1};
}

// FNV-1a over 32-bit words.
template <typename T>
std::uint64_t fold(std::uint64_t h, const T& value) {
  static_assert(sizeof(T) % 4 == 0);
  std::uint32_t words[sizeof(T) / 4];
  std::memcpy(words, &value, sizeof(T));
  for (std::uint32_t w : words) h = (h ^ w) * 0x100000001B3ULL;
  return h;
}

// Every triangle ImGui will draw, as a damage mark (see damage.hpp).
void collect_marks(const ImDrawData& data, std::vector<Mark>& marks) {
  marks.clear();
  for (int i = 0; i < data.CmdListsCount; ++i) {
    const ImDrawList& list = *data.CmdLists[i];
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      const ScreenRect clip = to_rect(cmd.ClipRect);
      if (clip.empty() || cmd.UserCallback != nullptr) continue;
      const std::uint64_t base =
          fold(fold(0xCBF29CE484222325ULL, cmd.ClipRect),
               static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(cmd.TextureId)));
      const ImDrawIdx* idx = list.IdxBuffer.Data + cmd.IdxOffset;
      const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
      for (unsigned e = 0; e + 2 < cmd.ElemCount; e += 3) {
        const ImDrawVert& a = vtx[idx[e]];
        const ImDrawVert& b = vtx[idx[e + 1]];
        const ImDrawVert& c = vtx[idx[e + 2]];
        const ScreenRect bounds = intersect(box_of(a, b, c), clip);
        if (bounds.empty()) continue;
        marks.push_back({bounds, fold(fold(fold(base, a), b), c)});
      }
    }
  }
}

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

namespace {
// Between ImGui's coordinates and whole framebuffer pixels, rows from the top.
struct PixelMap {
  ImVec2 off;    // the draw data's DisplayPos
  ImVec2 scale;  // its FramebufferScale
  int h = 0;     // the framebuffer's height

  [[nodiscard]] ScreenRect to_pixels(const ScreenRect& r) const {
    return ScreenRect{(r.x0 - off.x) * scale.x, (r.y0 - off.y) * scale.y, (r.x1 - off.x) * scale.x,
                      (r.y1 - off.y) * scale.y};
  }
  // The whole pixels the backend's scissor covers for `clip`.
  [[nodiscard]] ScreenRect scissor_pixels(const ImVec4& clip) const {
    const ScreenRect c = to_pixels(to_rect(clip));
    const float x0 = std::trunc(c.x0), width = std::trunc(c.x1 - c.x0);
    const float y1 = static_cast<float>(h) - std::trunc(static_cast<float>(h) - c.y1);
    const float hh = std::trunc(c.y1 - c.y0);
    return ScreenRect{x0, y1 - hh, x0 + width, y1};
  }
  // A clip rectangle whose scissor is exactly the whole pixels `q`.
  [[nodiscard]] ImVec4 to_clip(const ScreenRect& q) const {
    return ImVec4((q.x0 + 0.25f) / scale.x + off.x, (q.y0 - 0.5f) / scale.y + off.y,
                  (q.x1 + 0.5f) / scale.x + off.x, (q.y1 - 0.25f) / scale.y + off.y);
  }
};

// Clears each dirty rectangle, widened to whole pixels, and lists those pixels in
// `inside`; returns the dirty area in ImGui's units.
float clear_dirty(const std::vector<ScreenRect>& dirty, const PixelMap& map,
                  std::vector<ScreenRect>& inside) {
  inside.clear();
  float area = 0;
  glEnable(GL_SCISSOR_TEST);
  for (const ScreenRect& r : dirty) {
    const ScreenRect p = map.to_pixels(r);
    const ScreenRect whole{std::floor(p.x0), std::floor(p.y0), std::ceil(p.x1), std::ceil(p.y1)};
    glScissor(static_cast<GLint>(whole.x0), map.h - static_cast<GLint>(whole.y1),
              static_cast<GLsizei>(whole.x1 - whole.x0), static_cast<GLsizei>(whole.y1 - whole.y0));
    glClear(GL_COLOR_BUFFER_BIT);
    inside.push_back(whole);
    area += r.area();
  }
  glDisable(GL_SCISSOR_TEST);
  return area;
}

// Replaces `list`'s commands and indices with commands per rectangle of `inside` that
// hold only the triangles touching it, clipped to it; the originals go to `cmds`, `idx`.
void cut_to(ImDrawList& list, const std::vector<ScreenRect>& inside, const PixelMap& map,
            ImVector<ImDrawCmd>& cmds, ImVector<ImDrawIdx>& idx) {
  cmds.resize(0);
  idx.resize(0);
  for (std::size_t r = 0; r < inside.size(); ++r) {
    for (const ImDrawCmd& cmd : list.CmdBuffer) {
      if (cmd.UserCallback != nullptr) {
        if (r == 0) cmds.push_back(cmd);
        continue;
      }
      const ScreenRect clip = intersect(map.scissor_pixels(cmd.ClipRect), inside[r]);
      if (clip.empty()) continue;
      const ImDrawIdx* from = list.IdxBuffer.Data + cmd.IdxOffset;
      const ImDrawVert* vtx = list.VtxBuffer.Data + cmd.VtxOffset;
      ImDrawCmd part = cmd;
      part.ClipRect = map.to_clip(clip);
      part.IdxOffset = static_cast<unsigned>(idx.Size);
      for (unsigned e = 0; e + 2 < cmd.ElemCount; e += 3) {
        const ScreenRect box =
            map.to_pixels(box_of(vtx[from[e]], vtx[from[e + 1]], vtx[from[e + 2]]));
        if (intersect(box, clip).empty()) continue;
        idx.push_back(from[e]);
        idx.push_back(from[e + 1]);
        idx.push_back(from[e + 2]);
      }
      part.ElemCount = static_cast<unsigned>(idx.Size) - part.IdxOffset;
      if (part.ElemCount > 0) cmds.push_back(part);
    }
  }
  list.CmdBuffer.swap(cmds);
  list.IdxBuffer.swap(idx);
}
}  // namespace

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
    repainted_whole_ = true;
    return;
  }
  const ScreenRect screen{data->DisplayPos.x, data->DisplayPos.y,
                          data->DisplayPos.x + data->DisplaySize.x,
                          data->DisplayPos.y + data->DisplaySize.y};
  const std::vector<ScreenRect> dirty = find_damage(*data, clear, screen);
  // From here on, whole framebuffer pixels, rows from the top.
  const PixelMap map{data->DisplayPos, data->FramebufferScale, h};
  // Clear each rectangle ...
  const float area = clear_dirty(dirty, map, repainted_pixels_);  // kept for present()
  repainted_share_ = std::min(area / std::max(screen.area(), 1.0f), 1.0f);
  repainted_whole_ = dirty.size() == 1 && dirty[0] == screen;
  if (repainted_pixels_.empty()) return;
  // ... then draw them all in one call, which uploads the vertices once. For that call,
  // each list's commands give way to commands per rectangle that hold only the
  // triangles touching it, clipped to it. The rectangles do not overlap, so keeping the
  // order inside each one keeps every pixel as a full repaint draws it.
  //
  // The backend turns a clip rectangle into a scissor by truncating its corner and its
  // size apart, so a clip cut in two would not cover the same pixels as the whole. So
  // each command's clip becomes the whole pixels its scissor covers, cut to the dirty
  // rectangle, and goes back to the backend nudged off the pixel edges, where
  // truncating gives those pixels exactly (PixelMap).
  saved_cmds_.resize(static_cast<std::size_t>(data->CmdListsCount));
  saved_idx_.resize(static_cast<std::size_t>(data->CmdListsCount));
  for (int i = 0; i < data->CmdListsCount; ++i) {
    cut_to(*data->CmdLists[i], repainted_pixels_, map, saved_cmds_[static_cast<std::size_t>(i)],
           saved_idx_[static_cast<std::size_t>(i)]);
  }
  ImGui_ImplOpenGL3_RenderDrawData(data);
  for (int i = 0; i < data->CmdListsCount; ++i) {
    data->CmdLists[i]->CmdBuffer.swap(saved_cmds_[static_cast<std::size_t>(i)]);
    data->CmdLists[i]->IdxBuffer.swap(saved_idx_[static_cast<std::size_t>(i)]);
  }
}

std::vector<ScreenRect> Platform::find_damage(const ImDrawData& data, const float clear[4],
                                              const ScreenRect& screen) {
  if (!std::equal(clear, clear + 4, last_clear_)) {
    std::copy(clear, clear + 4, last_clear_);
    damage_.invalidate();
  }
  // New glyphs in the font atlas change pixels that no vertex knows of.
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  const std::uint64_t fonts = fold(fold(fold(0, atlas.TexWidth), atlas.TexHeight),
                                   atlas.Fonts.empty() ? 0.0f : atlas.Fonts[0]->FontSize);
  if (fonts != last_fonts_) {
    last_fonts_ = fonts;
    damage_.invalidate();
  }
  collect_marks(data, marks_);
  return damage_.update(marks_, screen);
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

void Platform::present() {
  if (!copy_sub_buffer_ || !damage_tracking_ || repainted_whole_ || exposed_) {
    glfwSwapBuffers(window_);
    exposed_ = false;
  } else {
    const int h = framebuffer_height();
    for (const ScreenRect& r : repainted_pixels_) {
      copy_sub_buffer_(static_cast<int>(r.x0), h - static_cast<int>(r.y1),
                       static_cast<int>(r.x1 - r.x0), static_cast<int>(r.y1 - r.y0));
    }
  }
  // Software OpenGL has no vsync: without this the loop would spin a core at hundreds
  // of frames a second. With a working vsync the swap has already waited and this
  // returns at once.
  if (frame_period_.count() > 0) {
    const auto now = std::chrono::steady_clock::now();
    if (now < next_frame_) {
      std::this_thread::sleep_until(next_frame_);
      next_frame_ += frame_period_;
    } else {
      next_frame_ = now + frame_period_;
    }
  }
}

Image Platform::read_screen() const { return read_x11_window(window_); }

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

Platform::Rows Platform::repainted_rows() const {
  const int h = framebuffer_height();
  if (repainted_whole_ || !damage_tracking_) return {0, h};
  Rows rows{h, 0};
  for (const ScreenRect& r : repainted_pixels_) {
    rows.first = std::min(rows.first, std::max(0, static_cast<int>(r.y0)));
    rows.last = std::max(rows.last, std::min(h, static_cast<int>(r.y1)));
  }
  if (rows.last <= rows.first) return {0, 0};
  return rows;
}

void Platform::read_rows_bgra(Rows rows, std::uint8_t* frame) const {
  const int w = framebuffer_width();
  const int h = framebuffer_height();
  if (rows.last <= rows.first) return;
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  // OpenGL counts rows from the bottom: top-based row y is its row h - 1 - y.
  const int gl_first = h - rows.last;
  glReadPixels(0, gl_first, w, rows.last - rows.first, GL_BGRA, GL_UNSIGNED_BYTE,
               frame + static_cast<std::size_t>(gl_first) * static_cast<std::size_t>(w) * 4);
}

std::string write_png(const std::string& path, const Image& image) {
  if (image.width <= 0 || image.height <= 0) return "cannot write " + path + ": empty image";
  // Encoded in memory, then written through the one atomic path: a full disk is an error
  // and leaves any old file as it was, never a 0-byte PNG.
  std::string png;
  const auto append = [](void* context, void* data, int size) {
    static_cast<std::string*>(context)->append(static_cast<const char*>(data),
                                               static_cast<std::size_t>(size));
  };
  if (stbi_write_png_to_func(append, &png, image.width, image.height, 4, image.rgba.data(),
                             image.width * 4) == 0) {
    return "cannot write " + path + ": the PNG encoder failed";
  }
  return util::write_file_atomically(path, png);
}

Image read_png(const std::filesystem::path& path, std::string& error) {
  constexpr std::size_t kMaxPngBytes = std::size_t{4} << 20;
  const util::FileText file = util::read_file_bytes(path, "PNG image", kMaxPngBytes);
  if (!file.ok()) {
    error = file.error;
    return {};
  }
  Image image;
  int channels = 0;
  unsigned char* pixels = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(file.text.data()),
                                                static_cast<int>(file.text.size()), &image.width,
                                                &image.height, &channels, 4);
  if (pixels == nullptr) {
    error = path.string() + ": not a PNG image that can be read (" + stbi_failure_reason() + ")";
    return {};
  }
  image.rgba.assign(pixels, pixels + static_cast<std::size_t>(image.width) * image.height * 4);
  stbi_image_free(pixels);
  return image;
}

}  // namespace poolscope::gui
