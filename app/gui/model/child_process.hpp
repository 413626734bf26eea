#pragma once
// ChildProcess: a program run beside this one, with at most one pipe to it. The one home
// of posix_spawn, pipes, process groups, signals and waitpid for the app: the Record
// button runs `poolscope --record` (record_job.hpp) and reads its output; the recorder
// runs ffmpeg (modes/recorder.hpp) and writes frames to its input.
//
// Contract:
// - spawn() runs argv[0] (a path; PATH is not searched) with argv and this process's
//   environment. On failure it returns null and says which step failed and why.
// - The pipe is the child's stdin (Pipe::ToStdin), its stdout (Pipe::FromStdout), or its
//   stdout and stderr together (Pipe::FromOutput); the other streams are this process's.
//   Our end is close-on-exec, so other children do not inherit it; a reading end does
//   not block (read_available()).
// - `own_process_group`: the child leads a process group of its own, so Ctrl+C on a
//   terminal reaches this process only, which can then stop the child in order.
// - A child is reaped by wait() or a try_wait() that saw it exit; its status is kept.
// - The destructor closes the pipe and, if the child still runs, sends it SIGTERM and
//   waits for it, so no child outlives its owner unreaped. Main thread only.
#include <sys/types.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace poolscope::gui {

// How a child ended, as waitpid() reported it.
struct ExitStatus {
  int raw = 0;  // waitpid()'s status word

  // True when the child exited normally with code 0.
  [[nodiscard]] bool succeeded() const;
  // The exit code, or -1 when the child was ended by a signal.
  [[nodiscard]] int exit_code() const;
  // "exit code N", "signal N" or "status unknown", for messages.
  [[nodiscard]] std::string describe() const;
};

// Why spawn() failed: the step, and the errno it failed with.
struct SpawnError {
  enum class Step { Pipe, Spawn };
  Step step = Step::Spawn;
  int error_number = 0;

  // strerror() of error_number.
  [[nodiscard]] std::string reason() const;
};

class ChildProcess {
 public:
  enum class Pipe { None, ToStdin, FromStdout, FromOutput };
  struct Options {
    Pipe pipe = Pipe::None;          // = none // which of the child's streams we hold
    bool own_process_group = false;  // = false // see the contract above
  };

  static std::unique_ptr<ChildProcess> spawn(const std::vector<std::string>& argv,
                                             const Options& options, SpawnError& error);
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  [[nodiscard]] pid_t pid() const noexcept { return pid_; }
  // True until the child has been reaped.
  [[nodiscard]] bool running() const noexcept { return reaped_ == std::nullopt; }

  // [Pipe::ToStdin] Writes all `size` bytes, waiting while the pipe is full. False when
  // the child no longer reads (it has exited or closed its stdin); SIGPIPE must be
  // ignored by then, or it ends this process.
  bool write_all(const void* data, std::size_t size);
  // [Pipe::FromStdout, FromOutput] Appends what the child has written so far to `into`,
  // without waiting. False once the child has closed its end (the pipe is then closed).
  bool read_available(std::string& into);
  // Waits up to `timeout_ms` (-1: no limit) until there is something to read or the
  // child has closed its end; false on timeout.
  bool wait_readable(int timeout_ms);
  // Closes our end of the pipe: a child reading its stdin sees the end of its input.
  void close_pipe();

  // Sends `signal` (e.g. SIGTERM) to the child, if it has not been reaped.
  void send_signal(int signal);
  // The child's status if it has exited (reaping it), without waiting.
  std::optional<ExitStatus> try_wait();
  // Waits for the child to exit and returns its status (at once if already reaped).
  ExitStatus wait();

 private:
  ChildProcess(pid_t pid, int fd) : pid_(pid), fd_(fd) {}
  std::optional<ExitStatus> reap(bool block);

  pid_t pid_ = -1;
  int fd_ = -1;
  std::optional<ExitStatus> reaped_;
};

}  // namespace poolscope::gui
