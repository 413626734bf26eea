#include "tests/gui/gui_harness.hpp"

#include <stb_image.h>
#include <sys/wait.h>

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <unordered_set>

namespace poolscope::test {

namespace {
Run capture(const std::string& command) {
  Run run;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), pipe) != nullptr) {
    run.output += buffer.data();
  }
  const int status = pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}
}  // namespace

// Under AddressSanitizer, Mesa's OpenGL driver (dlopen'ed, then unloaded before
// the leak check runs) reports a few hundred bytes from "<unknown module>" that
// no suppression can name; the app's own code is leak-checked by the unit tests.
constexpr const char* kAsanEnv = "env ASAN_OPTIONS=\"$ASAN_OPTIONS:detect_leaks=0\" ";

namespace {
std::atomic<int> g_runs{0};  // numbers each run's private config folder
}  // namespace

namespace {
// xvfb-run -a picks a free display number by looking, then starts Xvfb on it, so two
// tests starting at once (ctest -j) can pick the same one and one Xvfb fails to start.
// That is the harness's problem, not the app's: such a run is tried again.
Run capture_under_xvfb(const std::string& env, const std::string& command) {
  Run run;
  for (int attempt = 0; attempt < 4; ++attempt) {
    run = capture(kAsanEnv + env + " " + POOLSCOPE_XVFB_RUN + " -a -s '-screen 0 1920x1080x24' " +
                  command);
    if (run.output.find("Xvfb failed to start") == std::string::npos) break;
    usleep(200'000 * static_cast<unsigned>(attempt + 1));
  }
  return run;
}
}  // namespace

Run run_gui_with_config(const std::string& config_home, const std::string& args) {
  return capture_under_xvfb("XDG_CONFIG_HOME='" + config_home + "'",
                            std::string(POOLSCOPE_GUI_BINARY) + " " + args);
}

namespace {
std::string fresh_config_home() {
  const std::string home =
      output_path(fmt::format("config/{}-{}", static_cast<long>(getpid()), g_runs++));
  std::filesystem::remove_all(home);
  std::filesystem::create_directories(home);
  return home;
}
}  // namespace

Run run_gui(const std::string& args) { return run_gui_with_config(fresh_config_home(), args); }

Run run_gui_binary(const std::string& binary, const std::string& args) {
  return capture_under_xvfb("XDG_CONFIG_HOME='" + fresh_config_home() + "'",
                            "'" + binary + "' " + args);
}

Run run_gui_without_display(const std::string& args) {
  return capture("env -u DISPLAY -u WAYLAND_DISPLAY " + std::string(POOLSCOPE_GUI_BINARY) + " " +
                 args);
}

std::string output_path(const std::string& name) {
  return std::string(POOLSCOPE_TEST_OUTPUT_DIR) + "/" + name;
}

gui::Image load_png(const std::string& path) {
  gui::Image image;
  int channels = 0;
  unsigned char* pixels = stbi_load(path.c_str(), &image.width, &image.height, &channels, 4);
  if (pixels == nullptr) return {};
  image.rgba.assign(pixels, pixels + static_cast<std::size_t>(image.width) *
                                         static_cast<std::size_t>(image.height) * 4);
  stbi_image_free(pixels);
  return image;
}

int distinct_colours(const gui::Image& image, int limit) {
  std::unordered_set<std::uint32_t> colours;
  for (std::size_t i = 0; i + 3 < image.rgba.size(); i += 4) {
    colours.insert(static_cast<std::uint32_t>(image.rgba[i]) << 16 |
                   static_cast<std::uint32_t>(image.rgba[i + 1]) << 8 | image.rgba[i + 2]);
    if (static_cast<int>(colours.size()) >= limit) break;
  }
  return static_cast<int>(colours.size());
}

}  // namespace poolscope::test
