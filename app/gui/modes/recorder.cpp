// [SECTION] Frame sinks: the ffmpeg pipe and PNG frames
// [SECTION] Progress on the terminal
// [SECTION] The frame loop
#include "app/gui/modes/recorder.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/core.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <regex>

#include "app/gui/views/captions.hpp"

extern char** environ;

namespace poolscope::gui {

namespace fs = std::filesystem;

namespace {
// Set by the signal handler; read between frames.
volatile std::sig_atomic_t g_stop_requested = 0;

void on_stop_signal(int /*signal*/) { g_stop_requested = 1; }

}  // namespace

// [SECTION] Frame sinks: the ffmpeg pipe and PNG frames

namespace {

class FrameSink {
 public:
  virtual ~FrameSink() = default;
  // "" or a message naming the output and the problem.
  virtual std::string write(const Image& image, int index) = 0;
  // Completes the output; "" or a message.
  virtual std::string finish() = 0;
  // Stops early and removes what cannot be used.
  virtual void abandon() = 0;
};

// ffmpeg as a child process reading raw frames on its stdin.
class FfmpegSink final : public FrameSink {
 public:
  static std::unique_ptr<FfmpegSink> start(const std::string& program,
                                           const std::vector<std::string>& args,
                                           const std::string& out, bool remove_on_abandon,
                                           std::string& error) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
      error = fmt::format("cannot make a pipe to ffmpeg: {}", std::strerror(errno));
      return nullptr;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);  // Ctrl+C reaches us, and we end ffmpeg in order
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(program.c_str()));
    for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int failed = posix_spawn(&pid, program.c_str(), &actions, &attr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    close(fds[0]);
    if (failed != 0) {
      close(fds[1]);
      error = fmt::format("cannot run {}: {}", program, std::strerror(failed));
      return nullptr;
    }
    return std::unique_ptr<FfmpegSink>(new FfmpegSink(pid, fds[1], out, remove_on_abandon));
  }

  ~FfmpegSink() override {
    if (pid_ > 0) abandon();
  }

  std::string write(const Image& image, int /*index*/) override {
    const std::uint8_t* data = image.rgba.data();
    std::size_t left = image.rgba.size();
    while (left > 0) {
      const ssize_t n = ::write(fd_, data, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        const int status = wait_for_exit();
        return fmt::format("ffmpeg stopped while writing {} ({}); its message is above", out_,
                           describe(status));
      }
      data += n;
      left -= static_cast<std::size_t>(n);
    }
    return "";
  }

  std::string finish() override {
    const int status = wait_for_exit();
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return "";
    return fmt::format("ffmpeg could not write {} ({}); its message is above", out_,
                       describe(status));
  }

  void abandon() override {
    wait_for_exit();
    std::error_code ignored;
    if (remove_on_abandon_) fs::remove(out_, ignored);
  }

 private:
  FfmpegSink(pid_t pid, int fd, std::string out, bool remove_on_abandon)
      : pid_(pid), fd_(fd), out_(std::move(out)), remove_on_abandon_(remove_on_abandon) {}

  // Closes ffmpeg's input, so it completes the file, and waits for it.
  int wait_for_exit() {
    if (fd_ >= 0) close(fd_);
    fd_ = -1;
    int status = 0;
    if (pid_ > 0) {
      while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
    }
    pid_ = -1;
    return status;
  }

  static std::string describe(int status) {
    if (WIFEXITED(status)) return fmt::format("exit code {}", WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return fmt::format("signal {}", WTERMSIG(status));
    return "status unknown";
  }

  pid_t pid_ = -1;
  int fd_ = -1;
  std::string out_;
  bool remove_on_abandon_ = true;
};

// Creates the folder for PNG frames and removes frames of an earlier recording there, so
// it holds this recording only. "" or a message.
std::string prepare_frames_dir(const fs::path& dir) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) return fmt::format("cannot create the folder {}: {}", dir.string(), error.message());
  const std::regex frame_name(R"(frame_\d{5,}\.png)");
  for (const auto& entry : fs::directory_iterator(dir, error)) {
    if (entry.is_regular_file() && std::regex_match(entry.path().filename().string(), frame_name)) {
      fs::remove(entry.path(), error);
    }
  }
  return "";
}

// Numbered PNG files written with stb, when there is no ffmpeg.
class PngSink final : public FrameSink {
 public:
  explicit PngSink(fs::path dir) : dir_(std::move(dir)) {}
  std::string write(const Image& image, int index) override {
    return write_png((dir_ / fmt::format("frame_{:05}.png", index + 1)).string(), image);
  }
  std::string finish() override { return ""; }
  void abandon() override {}

 private:
  fs::path dir_;
};

// [SECTION] Progress on the terminal

class Progress {
 public:
  Progress(int total, bool lines) : total_(total), lines_(lines), tty_(isatty(STDERR_FILENO) != 0) {
    start_ = std::chrono::steady_clock::now();
  }

  void update(int done) {
    if (lines_) {
      std::printf("progress %d %d\n", done, total_);
      std::fflush(stdout);
    }
    const auto now = std::chrono::steady_clock::now();
    if (tty_) {
      if (done < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
      last_draw_ = now;
      constexpr int kWidth = 30;
      const int filled = done * kWidth / total_;
      std::fprintf(stderr, "\rrecording [%s%s] %3d%%  %d/%d frames  %.1f frames/s ",
                   std::string(static_cast<std::size_t>(filled), '#').c_str(),
                   std::string(static_cast<std::size_t>(kWidth - filled), '-').c_str(),
                   done * 100 / total_, done, total_, rate(done));
      if (done == total_) std::fputc('\n', stderr);
      std::fflush(stderr);
    } else if (!lines_) {
      const int tenth = done * 10 / total_;
      if (tenth > last_tenth_) {
        last_tenth_ = tenth;
        std::fprintf(stderr, "recording %3d%%  %d/%d frames\n", tenth * 10, done, total_);
      }
    }
  }

  // Frames per second of wall time since the start.
  [[nodiscard]] double rate(int done) const { return done / std::max(1e-9, seconds()); }
  [[nodiscard]] double seconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  }

 private:
  int total_;
  bool lines_;
  bool tty_;
  int last_tenth_ = 0;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
};

// Installs the stop handlers for the length of a recording.
class StopSignals {
 public:
  StopSignals() {
    g_stop_requested = 0;
    struct sigaction action = {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &old_int_);
    sigaction(SIGTERM, &action, &old_term_);
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    sigaction(SIGPIPE, &ignore, &old_pipe_);  // a dead ffmpeg is an error, not our death
  }
  ~StopSignals() {
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
    sigaction(SIGPIPE, &old_pipe_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_ = {};
  struct sigaction old_term_ = {};
  struct sigaction old_pipe_ = {};
};

std::string without_extension(const std::string& path) {
  fs::path p(path);
  p.replace_extension();
  return p.string();
}

}  // namespace

// [SECTION] The frame loop

int record(Platform& platform, const RecordOptions& options, AppOptions app_options) {
  const int width = platform.framebuffer_width();
  const int height = platform.framebuffer_height();
  const int total = frame_count(options);
  RecordKind kind = record_kind(options.out);
  std::string out = options.out;
  StopSignals signals;

  app_options.external_clock = true;
  App app(std::move(app_options));
  Session& session = app.session();
  const lesson::Lesson* lesson = nullptr;
  if (options.captions) {
    const std::string& id = session.scenario().id;
    lesson = app.lessons().find(id);
    if (lesson == nullptr) {
      std::string problem = app.lessons().problem_for(id);
      if (problem.empty()) {
        problem = fmt::format(
            "scenario \"{}\" has no lesson to caption (lessons belong to the "
            "presets, by id)",
            id);
      }
      std::fprintf(stderr, "poolscope: --captions: %s\n", problem.c_str());
      return 2;
    }
  }

  // ffmpeg writes PNG frames too when it is there: its encoder is several times faster
  // than stb's and runs beside the renderer.
  const std::string program = find_ffmpeg();
  if (kind != RecordKind::PngFrames && program.empty()) {
    out = without_extension(options.out) + "_frames";
    std::fprintf(stderr,
                 "poolscope: ffmpeg was not found (install the Debian package ffmpeg, or set "
                 "POOLSCOPE_FFMPEG); writing PNG frames to %s/ instead of %s\n",
                 out.c_str(), options.out.c_str());
    kind = RecordKind::PngFrames;
  }
  if (kind == RecordKind::Gif) {
    // palettegen sees every frame before paletteuse writes one, so ffmpeg holds them all.
    const double gib = static_cast<double>(total) * width * height * 4 / (1024.0 * 1024 * 1024);
    if (gib > 1.0) {
      std::fprintf(stderr,
                   "poolscope: warning: this GIF keeps about %.1f GiB of frames in ffmpeg's "
                   "memory while it builds the palette; a smaller --size (e.g. 960x540) or a "
                   ".mp4 needs far less\n",
                   gib);
    }
  }
  if (kind == RecordKind::PngFrames) {
    if (auto error = prepare_frames_dir(out); !error.empty()) {
      std::fprintf(stderr, "poolscope: %s\n", error.c_str());
      return 1;
    }
  }
  std::unique_ptr<FrameSink> sink;
  if (program.empty()) {
    sink = std::make_unique<PngSink>(out);
  } else {
    std::string error;
    sink = FfmpegSink::start(program, ffmpeg_arguments(kind, out, width, height, options.fps), out,
                             /*remove_on_abandon=*/kind != RecordKind::PngFrames, error);
    if (!sink) {
      std::fprintf(stderr, "poolscope: %s\n", error.c_str());
      return 1;
    }
  }

  session.playing = true;  // the controls show a running simulation; the clock is ours
  session.speed = options.speed;
  const double dt = 1.0 / options.fps;
  const auto draw = [&] {
    platform.begin_frame(dt, /*ignore_mouse=*/true);
    app.frame(static_cast<float>(dt));
    if (lesson != nullptr) {
      draw_caption(caption_at(lesson, session), app.fonts(), app.theme(), app.scale());
    }
    platform.render(app.clear_color());
  };
  // Two frames that are not written: Dear ImGui sizes auto-fitting windows and tab bars
  // on their first frame.
  session.advance_to_seconds(options.start_s);
  draw();
  draw();

  Progress progress(total, options.progress_lines);
  for (int i = 0; i < total; ++i) {
    if (g_stop_requested != 0) {
      sink->abandon();
      std::fprintf(stderr, "\npoolscope: recording cancelled after %d of %d frames\n", i, total);
      return kCancelled;
    }
    // From the frame number, not by adding dt each frame, so no rounding drifts.
    session.advance_to_seconds(options.start_s + i * options.speed / options.fps);
    draw();
    if (auto error = sink->write(platform.read_pixels(), i); !error.empty()) {
      sink->abandon();
      std::fprintf(stderr, "\npoolscope: %s\n", error.c_str());
      return 1;
    }
    progress.update(i + 1);
  }
  if (auto error = sink->finish(); !error.empty()) {
    std::fprintf(stderr, "poolscope: %s\n", error.c_str());
    return 1;
  }
  const double wall = progress.seconds();
  std::printf(
      "poolscope: wrote %s: %d frames %dx%d at %d fps (%.3g s of video, virtual time %.3g to "
      "%.3g s at %gx) in %.1f s, %.1f frames/s\n",
      out.c_str(), total, width, height, options.fps, total / static_cast<double>(options.fps),
      options.start_s, options.start_s + (total - 1) * options.speed / options.fps, options.speed,
      wall, total / std::max(wall, 1e-9));
  std::fflush(stdout);
  return 0;
}

}  // namespace poolscope::gui
