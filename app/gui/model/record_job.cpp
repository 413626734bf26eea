#include "app/gui/model/record_job.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/core.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "app/gui/model/record_options.hpp"
#include "core/scenario/scenario_json.hpp"

extern char** environ;

namespace poolscope::gui {

namespace fs = std::filesystem;

std::unique_ptr<RecordJob> RecordJob::start(const RecordRequest& request, std::string& error) {
  std::unique_ptr<RecordJob> job(new RecordJob());
  job->out_ = request.out;
  std::error_code ec;
  job->scenario_file_ =
      (fs::temp_directory_path(ec) / fmt::format("poolscope-record-{}.json", getpid())).string();
  if (auto saved = scenario::save_scenario_file(request.scenario, job->scenario_file_); !saved) {
    error = saved.message();
    return nullptr;
  }
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
                                   "--scale",
                                   fmt::format("{}", request.scale),
                                   "--progress-lines"};
  if (request.captions) args.push_back("--captions");
  if (request.stage) args.push_back("--stage");
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) {
    error = fmt::format("cannot make a pipe: {}", std::strerror(errno));
    return nullptr;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  const int failed = posix_spawn(&job->pid_, self.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (failed != 0) {
    close(fds[0]);
    job->pid_ = -1;
    error = fmt::format("cannot start the recording: {}", std::strerror(failed));
    return nullptr;
  }
  job->fd_ = fds[0];
  fcntl(job->fd_, F_SETFL, fcntl(job->fd_, F_GETFL) | O_NONBLOCK);
  job->total_ = static_cast<int>(std::lround(request.duration_s * request.fps));
  return job;
}

RecordJob::~RecordJob() {
  if (pid_ > 0) {
    kill(pid_, SIGTERM);
    reap(/*block=*/true);
  }
  if (fd_ >= 0) close(fd_);
  std::error_code ec;
  if (!scenario_file_.empty()) fs::remove(scenario_file_, ec);
}

void RecordJob::cancel() {
  if (pid_ > 0 && !cancel_requested_) {
    kill(pid_, SIGTERM);
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
  if (fd_ >= 0) {
    char chunk[4096];
    for (;;) {
      const ssize_t n = read(fd_, chunk, sizeof chunk);
      if (n > 0) {
        buffer_.append(chunk, static_cast<std::size_t>(n));
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n == 0) {  // the child closed its end: it has exited or is about to
        close(fd_);
        fd_ = -1;
      }
      break;
    }
    for (std::size_t nl; (nl = buffer_.find('\n')) != std::string::npos;) {
      take_line(buffer_.substr(0, nl));
      buffer_.erase(0, nl + 1);
    }
  }
  if (pid_ > 0) reap(/*block=*/fd_ < 0);
}

void RecordJob::reap(bool block) {
  int status = 0;
  pid_t got = 0;
  do {
    got = waitpid(pid_, &status, block ? 0 : WNOHANG);
  } while (got < 0 && errno == EINTR);
  if (got == 0) return;  // still running
  pid_ = -1;
  std::error_code ec;
  fs::remove(scenario_file_, ec);
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (code == 0) {
    state_ = State::Done;
  } else if (cancel_requested_ || code == kCancelled) {
    state_ = State::Cancelled;
    message_ = "Recording cancelled; nothing was kept.";
  } else {
    state_ = State::Failed;
    if (message_.empty()) message_ = fmt::format("the recording stopped (exit code {})", code);
  }
}

}  // namespace poolscope::gui
