// [SECTION] Frame sinks: the ffmpeg pipe and PNG frames
// [SECTION] Progress on the terminal
// [SECTION] Choosing the output
// [SECTION] The frame loop
#include "app/gui/modes/recorder.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <fmt/core.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <thread>

#include "app/gui/model/caption_script.hpp"
#include "app/gui/model/child_process.hpp"
#include "app/gui/model/lesson_state.hpp"
#include "app/gui/model/yuv420.hpp"
#include "app/gui/views/captions.hpp"
#include "core/util/atomic_file.hpp"

namespace poolscope::gui {

namespace fs = std::filesystem;

namespace {
// Set by the signal handler to the signal's number; read between frames.
volatile std::sig_atomic_t g_stop_requested = 0;

void on_stop_signal(int signal) { g_stop_requested = signal; }

}  // namespace

// [SECTION] Frame sinks: the ffmpeg pipe and PNG frames

namespace {

// The frame just rendered, in the bytes a sink sends, kept from frame to frame: only
// the rows the last render changed are read back and converted (Platform::
// repainted_rows), so a frame where little moves costs little, and pixels stay exactly
// those of a full read-back.
class FrameGrabber {
 public:
  FrameGrabber(Platform& platform, bool yuv) : platform_(platform), yuv_(yuv) {
    const int w = platform.framebuffer_width();
    const int h = platform.framebuffer_height();
    bgra_.resize(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
    if (yuv_) yuv420_.resize(w, h);
  }
  [[nodiscard]] Platform& platform() { return platform_; }

  // Reads (and converts) the frame just rendered.
  void grab() {
    const Platform::Rows rows =
        primed_ ? platform_.repainted_rows() : Platform::Rows{0, platform_.framebuffer_height()};
    primed_ = true;
    platform_.read_rows_bgra(rows, bgra_.data());
    if (yuv_) bgra_to_yuv420(bgra_.data(), rows.first, rows.last, yuv420_);
  }
  // The frame grab() read, in the sink's format.
  [[nodiscard]] std::span<const std::uint8_t> bytes() const {
    return yuv_ ? std::span<const std::uint8_t>(yuv420_.data)
                : std::span<const std::uint8_t>(bgra_);
  }

 private:
  Platform& platform_;
  bool yuv_;
  bool primed_ = false;
  std::vector<std::uint8_t> bgra_;  // bottom row first
  Yuv420 yuv420_;
};

class FrameSink {
 public:
  virtual ~FrameSink() = default;
  // True when write() sends FrameGrabber::bytes() (the caller grabs them first).
  [[nodiscard]] virtual bool takes_bytes() const = 0;
  // Takes the frame just rendered; "" or a message naming the output and the problem.
  virtual std::string write(FrameGrabber& frame, int index) = 0;
  // Completes the output; "" or a message.
  virtual std::string finish() = 0;
  // Stops early and removes what cannot be used.
  virtual void abandon() = 0;
};

// Where a recording goes until it is complete: a hidden temporary beside OUT, a file for
// a video (".NAME.partial-XXXXXX.mp4", the extension kept for ffmpeg) or a folder for
// PNG frames (".NAME.partial-XXXXXX"). commit() renames it over OUT; until then OUT, an
// earlier video or folder of frames, is untouched, and without commit() (a cancel, a
// failure) the destructor removes the temporary. A killed recorder leaves at most the
// hidden temporary, never a short video under OUT's name.
class PendingOutput {
 public:
  static std::unique_ptr<PendingOutput> open(const std::string& out, bool folder,
                                             std::string& error) {
    std::unique_ptr<PendingOutput> pending(new PendingOutput(out));
    if (folder) {
      pending->folder_ = util::make_temp_folder_beside(out, error);
      if (pending->folder_.empty()) return nullptr;
    } else {
      pending->file_.emplace(out, util::AtomicFile::Options{.keep_extension = true});
      if (!pending->file_->ok()) {
        error = pending->file_->error();
        return nullptr;
      }
    }
    return pending;
  }
  ~PendingOutput() { discard(); }
  PendingOutput(const PendingOutput&) = delete;
  PendingOutput& operator=(const PendingOutput&) = delete;

  // Where the frames or the video are written meanwhile.
  [[nodiscard]] std::string path() const {
    return file_ ? file_->temp_path().string() : folder_.string();
  }
  // Puts the output in OUT's place; "" or a message (the temporary is then removed).
  std::string commit() {
    if (file_) return file_->commit();
    // A folder replaces an empty one (frames_folder_problem() refused any other).
    if (std::rename(folder_.c_str(), out_.c_str()) != 0) {
      std::string error =
          fmt::format("cannot put the frames in {}: {}", out_, std::strerror(errno));
      discard();
      return error;
    }
    folder_.clear();
    return "";
  }
  void discard() {
    if (file_) file_->discard();
    std::error_code ignored;
    if (!folder_.empty()) fs::remove_all(folder_, ignored);
    folder_.clear();
  }

 private:
  explicit PendingOutput(std::string out) : out_(std::move(out)) {}
  std::string out_;
  std::optional<util::AtomicFile> file_;
  fs::path folder_;
};

// ffmpeg as a child process reading raw frames on its stdin. A thread of ours writes
// them, a few frames behind, so that drawing the next frame, writing this one and
// ffmpeg's encoding run at once on the machine's cores.
class FfmpegSink final : public FrameSink {
 public:
  // ffmpeg writes `output`'s temporary; `out` names the output in messages.
  static std::unique_ptr<FfmpegSink> start(const std::string& program,
                                           const std::vector<std::string>& args,
                                           const std::string& out,
                                           std::unique_ptr<PendingOutput> output,
                                           std::string& error) {
    std::vector<std::string> argv = {program};
    argv.insert(argv.end(), args.begin(), args.end());
    SpawnError spawn_error;
    // In a process group of its own: Ctrl+C reaches us, and we end ffmpeg in order.
    auto child = ChildProcess::spawn(
        argv, {.pipe = ChildProcess::Pipe::ToStdin, .own_process_group = true}, spawn_error);
    if (!child) {
      error = spawn_error.step == SpawnError::Step::Pipe
                  ? fmt::format("cannot make a pipe to ffmpeg: {}", spawn_error.reason())
                  : fmt::format("cannot run {}: {}", program, spawn_error.reason());
      return nullptr;
    }
    return std::unique_ptr<FfmpegSink>(new FfmpegSink(std::move(child), out, std::move(output)));
  }

  ~FfmpegSink() override {
    stop_writer();
    if (ffmpeg_->running()) abandon();
  }
  FfmpegSink(const FfmpegSink&) = delete;
  FfmpegSink& operator=(const FfmpegSink&) = delete;

  [[nodiscard]] bool takes_bytes() const override { return true; }
  std::string write(FrameGrabber& frame, int /*index*/) override {
    const std::span<const std::uint8_t> bytes = frame.bytes();
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [this] { return failed_ || queue_.size() < kQueued; });
    if (failed_) {
      lock.unlock();
      stop_writer();
      return fmt::format("ffmpeg stopped while writing {} ({}); its message is above", out_,
                         wait_for_exit().describe());
    }
    std::vector<std::uint8_t> buffer;
    if (!spare_.empty()) {
      buffer = std::move(spare_.back());
      spare_.pop_back();
    }
    buffer.assign(bytes.begin(), bytes.end());
    queue_.push_back(std::move(buffer));
    changed_.notify_all();
    return "";
  }

  std::string finish() override {
    stop_writer();
    const bool failed = failed_;
    const ExitStatus status = wait_for_exit();
    if (status.succeeded() && !failed) return output_->commit();
    output_->discard();
    return fmt::format("ffmpeg could not write {} ({}); its message is above", out_,
                       status.describe());
  }

  void abandon() override {
    {
      const std::lock_guard lock(mutex_);
      queue_.clear();
    }
    stop_writer();
    wait_for_exit();
    output_->discard();
  }

 private:
  static constexpr std::size_t kQueued = 3;  // frames waiting for the writer, at most

  FfmpegSink(std::unique_ptr<ChildProcess> ffmpeg, std::string out,
             std::unique_ptr<PendingOutput> output)
      : ffmpeg_(std::move(ffmpeg)), out_(std::move(out)), output_(std::move(output)) {
    writer_ = std::thread([this] { write_queued(); });
  }

  // The writer thread: the queue's frames into the pipe, in order, until stop_writer().
  void write_queued() {
    std::unique_lock lock(mutex_);
    for (;;) {
      changed_.wait(lock, [this] { return closing_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closing, and all written
      std::vector<std::uint8_t> buffer = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      const bool ok = ffmpeg_->write_all(buffer.data(), buffer.size());
      lock.lock();
      spare_.push_back(std::move(buffer));
      changed_.notify_all();
      if (!ok) {
        failed_ = true;
        return;
      }
    }
  }

  // Lets the writer write what is queued, then ends it.
  void stop_writer() {
    {
      const std::lock_guard lock(mutex_);
      closing_ = true;
    }
    changed_.notify_all();
    if (writer_.joinable()) writer_.join();
  }

  // Closes ffmpeg's input, so it completes the file, and waits for it.
  ExitStatus wait_for_exit() {
    ffmpeg_->close_pipe();
    return ffmpeg_->wait();
  }

  std::unique_ptr<ChildProcess> ffmpeg_;
  std::string out_;
  std::unique_ptr<PendingOutput> output_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::vector<std::uint8_t>> queue_;   // frames to write, oldest first
  std::vector<std::vector<std::uint8_t>> spare_;  // written frames' buffers, to reuse
  bool closing_ = false;
  bool failed_ = false;
  std::thread writer_;
};

// Numbered PNG files written with stb, when there is no ffmpeg, each checked.
class PngSink final : public FrameSink {
 public:
  explicit PngSink(std::unique_ptr<PendingOutput> output) : output_(std::move(output)) {}
  [[nodiscard]] bool takes_bytes() const override { return false; }
  std::string write(FrameGrabber& frame, int index) override {
    const fs::path frame_file =
        fs::path(output_->path()) / fmt::format("frame_{:05}.png", index + 1);
    return write_png(frame_file.string(), frame.platform().read_pixels());
  }
  std::string finish() override { return output_->commit(); }
  void abandon() override { output_->discard(); }

 private:
  std::unique_ptr<PendingOutput> output_;
};

// [SECTION] Progress on the terminal

class Progress {
 public:
  Progress(int total, bool lines) : total_(total), lines_(lines), tty_(isatty(STDERR_FILENO) != 0) {
    start_ = std::chrono::steady_clock::now();
  }

  // The captions after a run's end can make a recording longer than asked.
  void set_total(int total) { total_ = total; }

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

// [SECTION] Choosing the output

std::string without_extension(const std::string& path) {
  fs::path p(path);
  p.replace_extension();
  return p.string();
}

// The sink for options.out, `total` frames of `width` x `height`: ffmpeg when it is there,
// else PNG frames (then `out` becomes their folder). On failure prints why and returns null.
std::unique_ptr<FrameSink> open_output(const RecordOptions& options, int width, int height,
                                       int total, std::string& out) {
  RecordKind kind = record_kind(options.out);
  out = options.out;
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
  std::string error = kind == RecordKind::PngFrames ? frames_folder_problem(out) : "";
  auto output =
      error.empty() ? PendingOutput::open(out, kind == RecordKind::PngFrames, error) : nullptr;
  if (!output) {
    std::fprintf(stderr, "poolscope: %s\n", error.c_str());
    return nullptr;
  }
  if (program.empty()) return std::make_unique<PngSink>(std::move(output));
  const std::vector<std::string> args =
      ffmpeg_arguments(kind, output->path(), width, height, options.fps);
  auto sink = FfmpegSink::start(program, args, out, std::move(output), error);
  if (!sink) std::fprintf(stderr, "poolscope: %s\n", error.c_str());
  return sink;
}

// [SECTION] The frame loop

// The lesson --captions burns in: null without --captions; on a scenario without a
// lesson, prints why and sets `refused`.
const lesson::Lesson* caption_lesson(App& app, const RecordOptions& options, bool& refused) {
  refused = false;
  if (!options.captions) return nullptr;
  const std::string& id = app.session().scenario().id;
  const lesson::Lesson* lesson = app.lessons().find(id);
  if (lesson != nullptr) return lesson;
  std::string problem = app.lessons().problem_for(id);
  if (problem.empty()) {
    problem = fmt::format(
        "scenario \"{}\" has no lesson to caption (lessons belong to the "
        "presets, by id)",
        id);
  }
  std::fprintf(stderr, "poolscope: --captions: %s\n", problem.c_str());
  refused = true;
  return nullptr;
}

// Where the frames' wall time goes (--record-timing), stage by stage.
class FrameTimes {
 public:
  enum Stage : std::size_t { Sim, Ui, Gl, Read, Write, Finish, Count };

  explicit FrameTimes(bool on) : on_(on) {}
  [[nodiscard]] bool on() const { return on_; }
  // Runs `work` and adds its wall time to `stage`.
  template <typename Work>
  auto time(Stage stage, Work&& work) {
    const auto start = std::chrono::steady_clock::now();
    struct Add {
      FrameTimes& self;
      Stage stage;
      std::chrono::steady_clock::time_point start;
      ~Add() {
        self.seconds_[stage] +=
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      }
    } add{*this, stage, start};
    return work();
  }
  void print(int frames, double setup_s, double wall_s) const {
    if (!on_) return;
    static constexpr const char* kNames[Count] = {
        "simulation", "ui (ImGui)", "gl render", "read-back+yuv", "write to ffmpeg", "ffmpeg tail"};
    std::fprintf(stderr, "poolscope: timing for %d frames: setup %.0f ms, frames %.0f ms\n", frames,
                 setup_s * 1e3, wall_s * 1e3);
    for (std::size_t i = 0; i < Count; ++i) {
      std::fprintf(stderr, "poolscope: timing   %-16s %8.1f ms total %7.2f ms/frame\n", kNames[i],
                   seconds_[i] * 1e3, seconds_[i] * 1e3 / std::max(frames, 1));
    }
    rusage self = {};
    rusage children = {};
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    const auto cpu = [](const rusage& r) {
      return static_cast<double>(r.ru_utime.tv_sec + r.ru_stime.tv_sec) +
             static_cast<double>(r.ru_utime.tv_usec + r.ru_stime.tv_usec) / 1e6;
    };
    std::fprintf(stderr,
                 "poolscope: timing   cpu: poolscope %.0f ms (%.2f ms/frame), ffmpeg %.0f ms "
                 "(%.2f ms/frame)\n",
                 cpu(self) * 1e3, cpu(self) * 1e3 / std::max(frames, 1), cpu(children) * 1e3,
                 cpu(children) * 1e3 / std::max(frames, 1));
  }

 private:
  bool on_;
  std::array<double, Count> seconds_{};
};

// What the caption band shows, frame by frame: the narration of the run's moment; once
// the run has ended and that narration has been up for its time, what the lesson still
// has to say (model/caption_script.hpp), each for its time, while the picture holds.
class CaptionTrack {
 public:
  CaptionTrack(const lesson::Lesson* lesson, int fps) : lesson_(lesson), fps_(fps) {}

  // True from the first caption after the run's end on: the clock stands still.
  [[nodiscard]] bool holding(int frame) const { return !starts_.empty() && frame >= starts_[0]; }
  // The frames the captions need (0 without a tail).
  [[nodiscard]] int end_frame() const { return end_; }
  [[nodiscard]] int tail_steps() const { return static_cast<int>(tail_.size()); }

  // The caption of `frame`, for the session's moment (call once per frame, in order).
  std::string_view at(int frame, const Session& session) {
    if (lesson_ == nullptr) return {};
    if (holding(frame)) {
      std::size_t j = 0;
      while (j + 1 < starts_.size() && starts_[j + 1] <= frame) ++j;
      return tail_[j];
    }
    const std::string_view now = caption_at(lesson_, session);
    if (now != shown_) {
      shown_ = now;
      shown_since_ = frame;
    }
    const lesson::RunEnd end = run_end(session);
    if (!planned_ && end.outcome != trace::Outcome::Running) {
      planned_ = true;
      plan(frame, captions_after_end(*lesson_, session.now(), end, session.run().summary()));
    }
    return now;
  }

 private:
  [[nodiscard]] int frames(std::string_view text) const {
    return static_cast<int>(std::lround(caption_seconds(text) * fps_));
  }
  void plan(int frame, std::vector<std::string_view> tail) {
    if (tail.empty()) return;
    tail_ = std::move(tail);
    // The narration of the end keeps its time first.
    int at = std::max(frame + 1, shown_since_ + frames(shown_));
    for (const std::string_view text : tail_) {
      starts_.push_back(at);
      at += frames(text);
    }
    end_ = at;
  }

  const lesson::Lesson* lesson_;
  int fps_;
  std::string_view shown_;
  int shown_since_ = 0;
  bool planned_ = false;
  std::vector<std::string_view> tail_;
  std::vector<int> starts_;  // the frame each caption of the tail starts at
  int end_ = 0;
};

// How the frame loop went.
struct Written {
  int code = 0;        // the exit code
  int frames = 0;      // frames written (the asked ones, and the captions' when longer)
  int tail_steps = 0;  // captions shown after the run's end
  double seconds = 0;  // wall time of the frames
};

// Draws and writes `total` frames, more when the captions after the run's end need them.
Written write_frames(Platform& platform, App& app, const lesson::Lesson* lesson,
                     const RecordOptions& options, int total, FrameSink& sink, FrameTimes& times) {
  FrameGrabber grabber(platform, record_kind(options.out) == RecordKind::Mp4);
  Session& session = app.session();
  session.playing = true;  // the clock is ours
  session.speed = options.speed;
  const double dt = 1.0 / options.fps;
  const auto draw = [&] {
    times.time(FrameTimes::Ui, [&] {
      platform.begin_frame(dt, /*ignore_mouse=*/true);
      app.frame(static_cast<float>(dt));
    });
    times.time(FrameTimes::Gl, [&] {
      platform.render(app.clear_color());
      if (times.on()) platform.finish();  // so the drawing is counted here, not in read-back
    });
  };
  CaptionTrack captions(lesson, options.fps);
  // Two frames that are not written: Dear ImGui sizes auto-fitting windows on their first.
  for (Session* run : {&session, app.compare_session()}) {
    if (run != nullptr) run->advance_to_seconds(options.start_s);
  }
  app.set_video_caption(std::string(captions.at(0, session)));
  draw();
  draw();

  Written result;
  Progress progress(total, options.progress_lines);
  for (int i = 0; i < total; ++i) {
    if (g_stop_requested != 0) {
      sink.abandon();
      std::fprintf(stderr, "\npoolscope: recording cancelled after %d of %d frames\n", i, total);
      // The shell's code for the signal: 130 for SIGINT, 143 for SIGTERM.
      return {.code = 128 + static_cast<int>(g_stop_requested)};
    }
    // From the frame number, not by adding dt each frame, so no rounding drifts.
    if (!captions.holding(i)) {
      times.time(FrameTimes::Sim, [&] {
        // Compare's second run shares the clock.
        for (Session* run : {&session, app.compare_session()}) {
          if (run != nullptr)
            run->advance_to_seconds(options.start_s + i * options.speed / options.fps);
        }
      });
    }
    app.set_video_caption(std::string(captions.at(i, session)));
    if (captions.end_frame() > total) {
      total = captions.end_frame();
      progress.set_total(total);
    }
    draw();
    if (sink.takes_bytes()) times.time(FrameTimes::Read, [&] { grabber.grab(); });
    if (auto error = times.time(FrameTimes::Write, [&] { return sink.write(grabber, i); });
        !error.empty()) {
      sink.abandon();
      std::fprintf(stderr, "\npoolscope: %s\n", error.c_str());
      return {.code = 1};
    }
    progress.update(i + 1);
  }
  result.frames = total;
  result.tail_steps = captions.tail_steps();
  result.seconds = progress.seconds();
  return result;
}

}  // namespace

int run_record(Launch& launch) {
  RecordOptions options = launch.args.record;
  options.speed = launch.args.speed;
  options.start_s = launch.args.at_s;
  options.mark_widgets = launch.args.mark_widgets;
  if (auto error = check_record_options(options, launch.window.width, launch.window.height);
      !error.empty()) {
    std::fprintf(stderr, "poolscope: %s\n", error.c_str());
    return 2;
  }
  auto platform = open_platform(launch, /*vsync=*/false, /*visible=*/false);
  if (!platform) return 1;
  // A video reads like the app at 720p: 1080p at scale 1.5, unless --scale says otherwise.
  if (!launch.args.scale_given) launch.args.scale = video_scale(launch.window.height);
  AppOptions app_options = gui::app_options(launch, *platform);
  if (platform->framebuffer_width() != launch.window.width ||
      platform->framebuffer_height() != launch.window.height) {
    std::fprintf(stderr, "poolscope: the display gave a %dx%d window, not %dx%d\n",
                 platform->framebuffer_width(), platform->framebuffer_height(), launch.window.width,
                 launch.window.height);
    return 1;
  }
  return record(*platform, options, std::move(app_options));
}

int record(Platform& platform, const RecordOptions& options, AppOptions app_options) {
  const auto started = std::chrono::steady_clock::now();
  const int width = platform.framebuffer_width();
  const int height = platform.framebuffer_height();
  const int asked = frame_count(options);
  StopSignals signals;

  app_options.external_clock = true;
  app_options.video = true;
  app_options.video_code = options.code;
  app_options.video_captions = options.captions;
  App app(std::move(app_options));
  if (options.mark_widgets) mark_widgets();
  bool refused = false;
  const lesson::Lesson* lesson = caption_lesson(app, options, refused);
  if (refused) return 2;
  std::string out;
  const std::unique_ptr<FrameSink> sink = open_output(options, width, height, asked, out);
  if (!sink) return 1;

  FrameTimes times(options.timing);
  const double setup =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const Written written = write_frames(platform, app, lesson, options, asked, *sink, times);
  if (written.code != 0) return written.code;
  if (auto error = times.time(FrameTimes::Finish, [&] { return sink->finish(); }); !error.empty()) {
    std::fprintf(stderr, "poolscope: %s\n", error.c_str());
    return 1;
  }
  const int total = written.frames;
  const double wall = written.seconds;
  const std::string tail =
      written.tail_steps > 0 ? fmt::format(", +{} steps, +{:.3g} s of captions", written.tail_steps,
                                           (total - asked) / static_cast<double>(options.fps))
                             : std::string();
  const double last_s =
      options.start_s + (std::min(total, asked) - 1) * options.speed / options.fps;
  std::printf(
      "poolscope: wrote %s: %d frames %dx%d at %d fps (%.3g s of video%s, virtual time %.3g to "
      "%.3g s at %gx) in %.1f s, %.1f frames/s\n",
      out.c_str(), total, width, height, options.fps, total / static_cast<double>(options.fps),
      tail.c_str(), options.start_s, last_s, options.speed, wall, total / std::max(wall, 1e-9));
  // --layout-report: where the last frame put things (for tests).
  if (app.layout_report().enabled) {
    std::fputs(app.layout_report().to_text().c_str(), stdout);
    std::printf("state scale=%g theme=%s size=%dx%d\n", static_cast<double>(app.scale()),
                std::string(theme_name(app.theme())).c_str(), width, height);
  }
  std::fflush(stdout);
  times.print(total, setup, wall);
  return 0;
}

}  // namespace poolscope::gui
