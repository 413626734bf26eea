#include "app/gui/model/record_job.hpp"

#include <fmt/core.h>

#include <nlohmann/json.hpp>

#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <vector>

#include "app/gui/model/record_options.hpp"
#include "core/scenario/scenario_json.hpp"
#include "core/util/atomic_file.hpp"

namespace poolscope::gui {

namespace fs = std::filesystem;

std::unique_ptr<RecordJob> RecordJob::start(const RecordRequest& request, std::string& error) {
  std::unique_ptr<RecordJob> job(new RecordJob());
  job->out_ = request.out;
  std::error_code ec;
  // A new file under a random name (O_EXCL): nothing planted in $TMPDIR is followed.
  std::string text;
  try {
    text = scenario::save_scenario(request.scenario);
  } catch (const nlohmann::json::type_error&) {
    error = "cannot record: a text of the scenario (its title or summary) is not valid UTF-8";
    return nullptr;
  }
  job->scenario_file_ = util::write_private_temp("poolscope-record", ".json", text, error).string();
  if (job->scenario_file_.empty()) return nullptr;
  // This program, by its /proc link: the child is the same build as the app.
  const std::string self = fs::read_symlink("/proc/self/exe", ec).string();
  if (ec) {
    error = "cannot find the poolscope program to record with: " + ec.message();
    return nullptr;
  }
  std::vector<std::string> args = {self,
                                   "--record",
                                   request.out,
                                   "--scenario",
                                   job->scenario_file_,
                                   "--duration",
                                   fmt::format("{}", request.duration_s),
                                   "--fps",
                                   std::to_string(request.fps),
                                   "--speed",
                                   fmt::format("{}", request.speed),
                                   "--size",
                                   fmt::format("{}x{}", request.width, request.height),
                                   "--theme",
                                   std::string(theme_name(request.theme)),
                                   "--progress-lines"};
  if (request.scale > 0) {
    args.insert(args.end(), {"--scale", fmt::format("{}", request.scale)});
  }
  if (request.captions) args.push_back("--captions");
  if (request.code) args.push_back("--record-code");
  SpawnError spawn_error;
  job->child_ = ChildProcess::spawn(args, {.pipe = ChildProcess::Pipe::FromOutput}, spawn_error);
  if (!job->child_) {
    error = spawn_error.step == SpawnError::Step::Pipe
                ? fmt::format("cannot make a pipe: {}", spawn_error.reason())
                : fmt::format("cannot start the recording: {}", spawn_error.reason());
    return nullptr;
  }
  job->total_ = static_cast<int>(std::lround(request.duration_s * request.fps));
  return job;
}

RecordJob::~RecordJob() {
  child_.reset();  // stops a running child (SIGTERM) and waits for it
  std::error_code ec;
  if (!scenario_file_.empty()) fs::remove(scenario_file_, ec);
}

void RecordJob::cancel() {
  if (child_->running() && !cancel_requested_) {
    child_->send_signal(SIGTERM);
    cancel_requested_ = true;
  }
}

void RecordJob::take_line(const std::string& line) {
  int done = 0, total = 0;
  if (std::sscanf(line.c_str(), "progress %d %d", &done, &total) == 2) {
    done_ = done;
    total_ = total;
    return;
  }
  constexpr std::string_view kPrefix = "poolscope: ";
  std::string_view text = line;
  if (text.substr(0, kPrefix.size()) == kPrefix) text.remove_prefix(kPrefix.size());
  if (!text.empty()) message_ = std::string(text);
}

void RecordJob::poll() {
  const bool open = child_->read_available(buffer_);
  for (std::size_t nl; (nl = buffer_.find('\n')) != std::string::npos;) {
    take_line(buffer_.substr(0, nl));
    buffer_.erase(0, nl + 1);
  }
  if (state_ != State::Running) return;
  // Once the child has closed its output it has exited or is about to: wait for it.
  const std::optional<ExitStatus> status = open ? child_->try_wait() : child_->wait();
  if (status) finish(*status);
}

void RecordJob::finish(const ExitStatus& status) {
  std::error_code ec;
  fs::remove(scenario_file_, ec);
  const int code = status.exit_code();
  if (code == 0) {
    state_ = State::Done;
  } else if (cancel_requested_ || code == kCancelled || code == kTerminated) {
    state_ = State::Cancelled;
    message_ = "Recording cancelled; nothing was written.";
  } else {
    state_ = State::Failed;
    if (message_.empty()) message_ = fmt::format("the recording stopped (exit code {})", code);
  }
}

}  // namespace poolscope::gui
