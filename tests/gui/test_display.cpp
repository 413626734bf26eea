#include "tests/gui/test_display.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include <cctype>
#include <chrono>
#include <memory>

#include "app/gui/model/child_process.hpp"

// Xlib last: it defines macros (None, Status) that clash with names in other headers.
#include <X11/Xlib.h>

namespace poolscope::test {

namespace {
// The running server and this binary's connection to it.
struct Server {
  std::unique_ptr<gui::ChildProcess> xvfb;
  Display* connection = nullptr;
  std::string name;  // ":N"
  int pointer_x = 0, pointer_y = 0;

  Server() = default;
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;
  ~Server() { stop(); }

  void stop() {
    if (connection != nullptr) XCloseDisplay(connection);  // with -terminate, Xvfb ends
    connection = nullptr;
    xvfb.reset();  // SIGTERM if it has not, and reaped
    name.clear();
  }
};

Server g_server;  // one per test binary, stopped at exit

// Reads Xvfb's display number from its -displayfd output (a line when it is ready).
std::string read_display_number(gui::ChildProcess& xvfb, std::string& error) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::seconds(30);
  std::string out;
  while (out.find('\n') == std::string::npos) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0 || !xvfb.wait_readable(static_cast<int>(left.count()))) {
      error = "Xvfb did not say its display number within 30 s";
      return "";
    }
    if (!xvfb.read_available(out) && out.find('\n') == std::string::npos) {
      error = "Xvfb failed to start (" + xvfb.wait().describe() + ")";
      return "";
    }
  }
  const std::string number = out.substr(0, out.find('\n'));
  if (number.empty() || !std::isdigit(static_cast<unsigned char>(number[0]))) {
    error = "Xvfb gave \"" + number + "\" as its display number";
    return "";
  }
  return ":" + number;
}

bool start(std::string& error) {
  const std::string log = std::string(POOLSCOPE_TEST_OUTPUT_DIR) + "/xvfb.log";
  // -s 0: no screen saver, which would blank a server that lives longer than ten minutes.
  const std::string command = fmt::format(
      "exec '{}' -displayfd 1 -nolisten tcp -screen 0 1920x1080x24 -s 0 -terminate 2>>'{}'",
      POOLSCOPE_XVFB, log);
  for (int attempt = 0; attempt < 4; ++attempt) {
    if (attempt > 0) usleep(200'000 * static_cast<unsigned>(attempt));
    error.clear();
    gui::SpawnError spawn_error;
    g_server.xvfb = gui::ChildProcess::spawn(
        {"/bin/sh", "-c", command}, {.pipe = gui::ChildProcess::Pipe::FromStdout}, spawn_error);
    if (!g_server.xvfb) {
      error = "cannot run Xvfb: " + spawn_error.reason();
      continue;
    }
    g_server.name = read_display_number(*g_server.xvfb, error);
    if (!g_server.name.empty()) g_server.connection = XOpenDisplay(g_server.name.c_str());
    if (g_server.connection != nullptr) {
      Window root = 0, child = 0;
      int x = 0, y = 0;
      unsigned mask = 0;
      XQueryPointer(g_server.connection, DefaultRootWindow(g_server.connection), &root, &child,
                    &g_server.pointer_x, &g_server.pointer_y, &x, &y, &mask);
      g_server.xvfb->close_pipe();
      return true;
    }
    if (error.empty()) error = "cannot connect to Xvfb on " + g_server.name;
    g_server.stop();
  }
  error += " (see " + log + ")";
  return false;
}
}  // namespace

std::string test_display(std::string& error) {
  if (g_server.xvfb && g_server.xvfb->try_wait()) {
    // The server died: start another. Its connection is dropped, not closed, since Xlib
    // ends the process on a connection that broke.
    g_server.connection = nullptr;
    g_server.stop();
  }
  if (g_server.connection == nullptr && !start(error)) return "";
  Display* d = g_server.connection;
  XWarpPointer(d, None, DefaultRootWindow(d), 0, 0, 0, 0, g_server.pointer_x, g_server.pointer_y);
  XSetInputFocus(d, PointerRoot, RevertToPointerRoot, CurrentTime);
  XSync(d, False);
  return g_server.name;
}

}  // namespace poolscope::test
