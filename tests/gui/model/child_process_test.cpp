// ChildProcess: /bin/sh as the child, with each kind of pipe, its exit, a signal and a
// failed start.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <string>
#include <vector>

#include "app/gui/model/child_process.hpp"

using namespace poolscope;
using gui::ChildProcess;

namespace {
std::unique_ptr<ChildProcess> shell(const std::string& script, ChildProcess::Pipe pipe,
                                    bool own_group = false) {
  gui::SpawnError error;
  auto child = ChildProcess::spawn({"/bin/sh", "-c", script},
                                   {.pipe = pipe, .own_process_group = own_group}, error);
  REQUIRE_MESSAGE(child != nullptr, error.reason());
  return child;
}

// Everything the child writes until it closes its end (waiting at most 10 s in all).
std::string read_all(ChildProcess& child) {
  std::string out;
  for (int i = 0; i < 100 && child.read_available(out); ++i) child.wait_readable(100);
  return out;
}
}  // namespace

TEST_CASE("Child process: stdout and stderr come through one pipe, then the exit code") {
  auto child = shell("echo out; echo err >&2; exit 3", ChildProcess::Pipe::FromOutput);
  CHECK(read_all(*child) == "out\nerr\n");
  const gui::ExitStatus status = child->wait();
  CHECK(status.exit_code() == 3);
  CHECK_FALSE(status.succeeded());
  CHECK(status.describe() == "exit code 3");
  CHECK_FALSE(child->running());
  CHECK(child->wait().exit_code() == 3);  // kept once reaped
}

TEST_CASE("Child process: reading never waits for a child that has written nothing yet") {
  auto child = shell("exec sleep 30", ChildProcess::Pipe::FromStdout);
  std::string out;
  CHECK(child->read_available(out));  // still open, nothing there
  CHECK(out.empty());
  CHECK_FALSE(child->wait_readable(50));
  CHECK_FALSE(child->try_wait().has_value());
  child->send_signal(SIGTERM);
  CHECK(child->wait().describe() == "signal " + std::to_string(SIGTERM));
}

TEST_CASE("Child process: what is written to its stdin reaches it, and closing ends its input") {
  auto child = shell("read a; read b; test \"$a $b\" = 'ping pong' && ! read c",
                     ChildProcess::Pipe::ToStdin);
  const std::string text = "ping\npong\n";
  CHECK(child->write_all(text.data(), text.size()));
  child->close_pipe();
  CHECK(child->wait().succeeded());
}

TEST_CASE("Child process: writing to a child that has exited fails instead of blocking") {
  struct sigaction ignore = {}, old = {};
  ignore.sa_handler = SIG_IGN;
  sigaction(SIGPIPE, &ignore, &old);
  auto child = shell("exit 0", ChildProcess::Pipe::ToStdin);
  CHECK(child->wait().succeeded());
  const std::vector<char> block(1 << 20, 'x');  // more than a pipe holds
  CHECK_FALSE(child->write_all(block.data(), block.size()));
  sigaction(SIGPIPE, &old, nullptr);
}

TEST_CASE("Child process: a child of its own process group leads it") {
  auto child = shell("exec sleep 30", ChildProcess::Pipe::None, /*own_group=*/true);
  CHECK(getpgid(child->pid()) == child->pid());
  auto same = shell("exec sleep 30", ChildProcess::Pipe::None);
  CHECK(getpgid(same->pid()) == getpgrp());
  // The destructor stops a running child and reaps it.
  const pid_t pid = child->pid();
  child.reset();
  CHECK(kill(pid, 0) != 0);
}

TEST_CASE("Child process: a program that is not there is a spawn error naming why") {
  gui::SpawnError error;
  auto child = ChildProcess::spawn({"/nonexistent/program"}, {}, error);
  CHECK(child == nullptr);
  CHECK(error.step == gui::SpawnError::Step::Spawn);
  CHECK(error.error_number == ENOENT);
  CHECK(error.reason() == "No such file or directory");
}
