#include "app/gui/model/child_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/core.h>

#include <cerrno>
#include <csignal>
#include <cstring>

extern char** environ;

namespace poolscope::gui {

bool ExitStatus::succeeded() const { return WIFEXITED(raw) && WEXITSTATUS(raw) == 0; }

int ExitStatus::exit_code() const { return WIFEXITED(raw) ? WEXITSTATUS(raw) : -1; }

std::string ExitStatus::describe() const {
  if (WIFEXITED(raw)) return fmt::format("exit code {}", WEXITSTATUS(raw));
  if (WIFSIGNALED(raw)) return fmt::format("signal {}", WTERMSIG(raw));
  return "status unknown";
}

std::string SpawnError::reason() const { return std::strerror(error_number); }

std::unique_ptr<ChildProcess> ChildProcess::spawn(const std::vector<std::string>& argv,
                                                  const Options& options, SpawnError& error) {
  // fds[0] is the reading end, fds[1] the writing end; the child gets one, we keep the other.
  int fds[2] = {-1, -1};
  if (options.pipe != Pipe::None && pipe2(fds, O_CLOEXEC) != 0) {
    error = {SpawnError::Step::Pipe, errno};
    return nullptr;
  }
  const bool to_child = options.pipe == Pipe::ToStdin;
  const int theirs = to_child ? fds[0] : fds[1];
  const int ours = to_child ? fds[1] : fds[0];
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (to_child) posix_spawn_file_actions_adddup2(&actions, theirs, STDIN_FILENO);
  if (options.pipe == Pipe::FromStdout || options.pipe == Pipe::FromOutput) {
    posix_spawn_file_actions_adddup2(&actions, theirs, STDOUT_FILENO);
  }
  if (options.pipe == Pipe::FromOutput) {
    posix_spawn_file_actions_adddup2(&actions, theirs, STDERR_FILENO);
  }
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  if (options.own_process_group) {
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attr, 0);
  }
  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  const int failed =
      argv.empty() ? EINVAL
                   : posix_spawn(&pid, argv[0].c_str(), &actions, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (theirs >= 0) close(theirs);
  if (failed != 0) {
    if (ours >= 0) close(ours);
    error = {SpawnError::Step::Spawn, failed};
    return nullptr;
  }
  if (ours >= 0 && !to_child) fcntl(ours, F_SETFL, fcntl(ours, F_GETFL) | O_NONBLOCK);
  return std::unique_ptr<ChildProcess>(new ChildProcess(pid, ours));
}

ChildProcess::~ChildProcess() {
  if (running()) {
    send_signal(SIGTERM);
    reap(/*block=*/true);
  }
  close_pipe();
}

bool ChildProcess::write_all(const void* data, std::size_t size) {
  const auto* bytes = static_cast<const unsigned char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd_, bytes, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

bool ChildProcess::read_available(std::string& into) {
  if (fd_ < 0) return false;
  char chunk[4096];
  for (;;) {
    const ssize_t n = ::read(fd_, chunk, sizeof chunk);
    if (n > 0) {
      into.append(chunk, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) {  // the child closed its end: it has exited or is about to
      close_pipe();
      return false;
    }
    return true;  // EAGAIN: nothing more for now
  }
}

bool ChildProcess::wait_readable(int timeout_ms) {
  if (fd_ < 0) return true;
  pollfd p{fd_, POLLIN, 0};
  int n = 0;
  while ((n = poll(&p, 1, timeout_ms)) < 0 && errno == EINTR) {
  }
  return n != 0;
}

void ChildProcess::close_pipe() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
}

void ChildProcess::send_signal(int signal) {
  if (running()) kill(pid_, signal);
}

std::optional<ExitStatus> ChildProcess::try_wait() { return reap(/*block=*/false); }

ExitStatus ChildProcess::wait() { return *reap(/*block=*/true); }

std::optional<ExitStatus> ChildProcess::reap(bool block) {
  if (reaped_) return reaped_;
  int status = 0;
  pid_t got = 0;
  do {
    got = waitpid(pid_, &status, block ? 0 : WNOHANG);
  } while (got < 0 && errno == EINTR);
  if (got == 0) return std::nullopt;  // still running
  reaped_ = ExitStatus{got < 0 ? 0 : status};
  return reaped_;
}

}  // namespace poolscope::gui
