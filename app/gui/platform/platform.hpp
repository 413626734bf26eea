#pragma once
// Platform: the one place that talks to GLFW, glad and the ImGui backends.
//
// - open() creates a window with an OpenGL 3.3 core context and a Dear ImGui
//   context bound to it. On failure (no display, no OpenGL 3.3) it returns null
//   and fills `error` with a sentence meant for the user; it never aborts.
// - One Platform per process, used from the main thread only.
// - A frame is begin_frame() ... ImGui calls ... render(); then read_pixels()
//   may copy what was drawn, and present() shows it.
// - Files dropped onto the window are queued; take_dropped_paths() hands them out.
// - Key events are queued too (model/key_queue.hpp) and replayed into ImGui at
//   begin_frame(), each key changing at most once a frame: no press is lost, however short.
#include <imgui.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/gui/model/key_queue.hpp"
#include "app/gui/platform/damage.hpp"

struct GLFWwindow;

namespace poolscope::gui {

inline constexpr int kAnyPosition = -2147483647 - 1;  // let the window system place it

struct WindowOptions {
  int width = 1280;         // = 1280 // framebuffer width in pixels
  int height = 800;         // = 800  // framebuffer height in pixels
  bool visible = true;      // = true // false renders without showing a window
  bool vsync = true;        // = true // wait for the display between frames
  int x = kAnyPosition;     // = any   // window position on the desktop
  int y = kAnyPosition;     // = any
  bool fullscreen = false;  // = false // start full screen on the primary monitor
  std::string title = "Poolscope";
};

// An RGBA8 image, rows top to bottom.
struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;
};

class Platform {
 public:
  static std::unique_ptr<Platform> open(const WindowOptions& options, std::string& error);
  ~Platform();
  Platform(const Platform&) = delete;
  Platform& operator=(const Platform&) = delete;

  bool should_close() const;
  // Polls input and starts an ImGui frame. `fixed_dt` > 0 replaces the measured
  // frame time (deterministic screenshots and recordings). `ignore_mouse` hides the
  // pointer from ImGui, so a recording shows no hover wherever the pointer happens to be.
  void begin_frame(double fixed_dt = 0.0, bool ignore_mouse = false);
  // Renders the ImGui frame into the back buffer over `clear` (RGBA 0..1). With damage
  // tracking (on when the driver keeps the back buffer across swaps, see open()), only
  // what changed since the last frame is repainted; the rest is already there.
  void render(const float clear[4]);
  void set_damage_tracking(bool on);
  [[nodiscard]] bool damage_tracking() const { return damage_tracking_; }
  // The share of the window repainted by the last render(), 0..1.
  [[nodiscard]] float repainted_share() const { return repainted_share_; }
  // Shows the frame: a swap, or, when only part of it was repainted and the window
  // system can, a copy of just that part (see platform_x11.hpp). With `vsync`, it also
  // holds the loop to the display's refresh rate when the driver does not.
  void present();
  // Waits until OpenGL has finished drawing (for frame timing).
  void finish();
  // The back buffer as it is after render(), rows top to bottom.
  Image read_pixels() const;
  // The rows the last render() may have changed, [first, last) counted from the top: every
  // row after a full repaint, none (first == last) when nothing changed. Pixels outside
  // them are as the frame before left them.
  struct Rows {
    int first = 0;
    int last = 0;
  };
  [[nodiscard]] Rows repainted_rows() const;
  // Reads rows [first, last) (from the top) of the back buffer as BGRA into `frame`, a
  // whole frame (width x height x 4 bytes) stored bottom row first, as OpenGL has it, so
  // that no row is moved (for the recorder; the alpha bytes are as drawn).
  void read_rows_bgra(Rows rows, std::uint8_t* frame) const;
  // What the window shows on the screen, read back from the X server (to check that
  // presenting part of a frame leaves the screen right); empty when not on X11.
  Image read_screen() const;
  int framebuffer_width() const;
  int framebuffer_height() const;
  // Full screen on the primary monitor, or back to the window it was (F11).
  void set_fullscreen(bool on);
  [[nodiscard]] bool fullscreen() const;
  // The window's position and size when not full screen, for the preferences.
  struct Geometry {
    int x = kAnyPosition, y = kAnyPosition, width = 0, height = 0;
  };
  [[nodiscard]] Geometry windowed_geometry() const;
  // The OpenGL renderer string, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
  const std::string& renderer() const { return renderer_; }
  // The paths of files dropped onto the window since the last call, oldest first.
  std::vector<std::string> take_dropped_paths();

 private:
  explicit Platform(GLFWwindow* window) : window_(window) {}
  static void on_drop(GLFWwindow* window, int count, const char** paths);
  static void on_key(GLFWwindow* window, int key, int scancode, int action, int mods);
  static void on_refresh(GLFWwindow* window);
  bool back_buffer_survives_swap();
  // What changed since the last frame, as rectangles of `screen` (see damage.hpp).
  std::vector<ScreenRect> find_damage(const ImDrawData& data, const float clear[4],
                                      const ScreenRect& screen);
  GLFWwindow* window_ = nullptr;
  std::string renderer_;
  std::vector<std::string> dropped_;
  KeyQueue keys_;
  Geometry windowed_;               // saved when going full screen
  bool keeps_back_buffer_ = false;  // the driver leaves the last frame in the back buffer
  bool damage_tracking_ = false;
  DamageTracker damage_;
  float last_clear_[4] = {-1, -1, -1, -1};
  std::uint64_t last_fonts_ = 0;  // the font atlas's size and the base font size
  // Reused from frame to frame.
  std::vector<Mark> marks_;
  // A deque: ImVector has no move, and copying one on a vector's growth is wasteful
  // (and, empty, passes memcpy a null pointer).
  std::deque<ImVector<ImDrawCmd>> saved_cmds_;
  std::deque<ImVector<ImDrawIdx>> saved_idx_;
  float repainted_share_ = 1.0f;
  std::function<void(int, int, int, int)> copy_sub_buffer_;  // see platform_x11.hpp
  std::vector<ScreenRect> repainted_pixels_;  // by the last render(), rows from the top
  bool repainted_whole_ = true;
  bool exposed_ = false;  // the window system lost the window's pixels: swap them all
  std::chrono::nanoseconds frame_period_{0};  // 0: no pacing
  std::chrono::steady_clock::time_point next_frame_;
};

// Writes `image` as a PNG, encoded in memory and written through
// util::write_file_atomically (whole or not at all: a full disk leaves an old file as it
// was); returns "" or a message naming the file and the problem.
std::string write_png(const std::string& path, const Image& image);

// Reads a PNG through util::read_file_bytes (at most 4 MiB); an empty image and `error`
// when it cannot be read or decoded.
Image read_png(const std::filesystem::path& path, std::string& error);

}  // namespace poolscope::gui
