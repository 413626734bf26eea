#pragma once
// RecordJob: the app's Record button. It runs `poolscope --record ...` (this same program)
// as a child process on the current scenario, so
// - the file written is exactly what the command line writes (same frames, same format);
// - the app stays responsive: the child renders in its own hidden window;
// - cancel is SIGTERM, which the recorder turns into a clean stop that removes the
//   partial video, a temporary beside the target: a video already under that name is
//   never touched (recorder.hpp).
//
// Contract:
// - start() saves the scenario to a new private temporary file (O_EXCL, a random name in
//   $TMPDIR) and spawns the child; on failure it returns null and fills `error`.
// - poll() once a frame: reads the child's progress lines and, when it has exited,
//   its outcome. Never blocks.
// - The destructor cancels a running child and waits for it.
// - Main thread only. The recording starts at virtual time 0 with the scenario's own
//   settings; live slider changes are folded in as starting values (scenario_to_save).
#include <memory>
#include <string>

#include "app/gui/model/child_process.hpp"
#include "app/gui/model/look.hpp"
#include "core/scenario/scenario.hpp"

namespace poolscope::gui {

struct RecordRequest {
  std::string out;           // *.mp4, *.gif or a folder
  double duration_s = 10.0;  // = 10
  int fps = 30;              // = 30 // 30 or 60
  double speed = 1.0;        // = 1
  int width = 1920;          // = 1920
  int height = 1080;         // = 1080
  ThemeId theme = ThemeId::Dark;
  float scale = 0.0f;           // = 0  // UI scale inside the video; 0: from the height
                                //        // (video_scale(), record_options.hpp)
  bool captions = false;        // = false // burn the lesson narration in
  bool code = false;            // = false // the Go listing beside the picture
  scenario::Scenario scenario;  // what to record
};

class RecordJob {
 public:
  enum class State { Running, Done, Failed, Cancelled };

  static std::unique_ptr<RecordJob> start(const RecordRequest& request, std::string& error);
  ~RecordJob();
  RecordJob(const RecordJob&) = delete;
  RecordJob& operator=(const RecordJob&) = delete;

  void poll();
  // Asks the child to stop; poll() reports Cancelled once it has.
  void cancel();

  [[nodiscard]] State state() const noexcept { return state_; }
  [[nodiscard]] int frames_done() const noexcept { return done_; }
  [[nodiscard]] int frames_total() const noexcept { return total_; }
  [[nodiscard]] const std::string& out() const noexcept { return out_; }
  // The child's last message: its summary when Done, the reason when Failed.
  [[nodiscard]] const std::string& message() const noexcept { return message_; }

 private:
  RecordJob() = default;
  void take_line(const std::string& line);
  void finish(const ExitStatus& status);

  std::unique_ptr<ChildProcess> child_;  // `poolscope --record`, its stdout and stderr piped
  std::string buffer_;
  std::string scenario_file_;
  std::string out_;
  std::string message_;
  int done_ = 0;
  int total_ = 0;
  bool cancel_requested_ = false;
  State state_ = State::Running;
};

}  // namespace poolscope::gui
