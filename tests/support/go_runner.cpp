#include "tests/support/go_runner.hpp"

#include <fmt/format.h>
#include <sys/wait.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <thread>

namespace poolscope::scenario {

namespace {

// [SECTION] processes

struct ProcessResult {
  int exit_status = -1;  // -1 when it could not be started or died by a signal
  std::string output;    // its stdout
};

std::string shell_quote(std::string_view text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Runs `command` with /bin/sh, reading its stdout to the end.
ProcessResult run_shell(const std::string& command) {
  ProcessResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  const int status = ::pclose(pipe);
  if (status != -1 && WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
  return result;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool write_file(const std::filesystem::path& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out);
}

// [SECTION] parsing Go's output

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    lines.push_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Goroutine blocks of a Go traceback: "goroutine 7 [chan send]:" then pairs of lines,
// "main.worker(...)" and "\t/path/main.go:15 +0x56"; "created by" pairs say where the
// goroutine was started, not where it is.
std::vector<GoGoroutine> parse_goroutines(std::string_view stderr_text) {
  std::vector<GoGoroutine> all;
  GoGoroutine* current = nullptr;
  std::string_view pending_function;
  bool creation_frame = false;
  for (const auto raw : split_lines(stderr_text)) {
    const std::string_view line = raw;
    if (starts_with(line, "goroutine ") && line.size() > 2 &&
        line.substr(line.size() - 2) == "]:") {
      GoGoroutine g;
      const auto open = line.find(" [");
      g.id = std::atoi(std::string(line.substr(10, open - 10)).c_str());
      auto state = line.substr(open + 2, line.size() - open - 4);
      state = state.substr(0, state.find(','));
      g.state = std::string(state);
      all.push_back(std::move(g));
      current = &all.back();
      pending_function = {};
      continue;
    }
    if (current == nullptr) continue;
    if (line.empty()) {
      current = nullptr;
      continue;
    }
    if (line.front() != '\t') {
      creation_frame = starts_with(line, "created by ");
      pending_function = creation_frame ? line.substr(11) : line.substr(0, line.rfind('('));
      continue;
    }
    // "\t/tmp/x/main.go:15 +0x56"
    const auto file_end = line.find(".go:");
    if (creation_frame || current->line != 0 || file_end == std::string_view::npos) continue;
    const auto file = line.substr(1, file_end + 3 - 1);
    if (file != "main.go" && file.substr(file.size() >= 8 ? file.size() - 8 : 0) != "/main.go") {
      continue;
    }
    current->line = std::atoi(std::string(line.substr(file_end + 4)).c_str());
    current->function = std::string(pending_function);
  }
  std::erase_if(all, [](const GoGoroutine& g) { return g.state == "running"; });
  return all;
}

// [SECTION] the multi-call binary

// `source` as package `name` of the batch's module (or still package main, for a program
// linked on its own): its first line `package main` and its `func main() {` renamed to
// `func Main() {`, nothing else.
std::string as_package(std::string source, const std::string& name) {
  const std::string package_main = "package main\n";
  const std::string func_main = "\nfunc main() {\n";
  const auto package_at = source.find(package_main);
  const auto func_at = source.find(func_main);
  if (package_at == std::string::npos || func_at == std::string::npos) {
    throw std::logic_error("go runner: exported program without package main or func main");
  }
  source.replace(func_at, func_main.size(), "\nfunc Main() {\n");
  source.replace(package_at, package_main.size(), "package " + name + "\n");
  return source;
}

// After the program's Main returns, every goroutine's stack to stderr: where the
// goroutines it left behind wait (parse_goroutines reads them; main's own is "running").
// The exported programs stay inside run-go's subset, which has no runtime.Stack, so the
// runner's own main writes them.
constexpr std::string_view kWriteStacks = R"(	buf := make([]byte, 1<<20)
	os.Stderr.Write(buf[:runtime.Stack(buf, true)])
)";

// The main of a program linked on its own, beside its renamed Main.
std::string single_main() {
  return fmt::format(R"(package main

import (
	"os"
	"runtime"
)

func main() {{
	Main()
{}}}
)",
                     kWriteStacks);
}

// The program that runs the batch's program named by its first argument.
std::string dispatcher(const std::vector<GoProgramRun>& runs) {
  std::string imports;
  std::string table;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    imports += fmt::format("\tp{:03} \"poolscope.local/parity/{}\"\n", i, runs[i].name);
    table += fmt::format("\t\"{}\": p{:03}.Main,\n", runs[i].name, i);
  }
  return fmt::format(R"(// Command parity runs one program of the batch: parity NAME.
package main

import (
	"fmt"
	"os"
	"runtime"

{})

var programs = map[string]func(){{
{}}}

func main() {{
	if len(os.Args) != 2 || programs[os.Args[1]] == nil {{
		fmt.Fprintln(os.Stderr, "usage: parity PROGRAM")
		os.Exit(64)
	}}
	programs[os.Args[1]]()
{}}}
)",
                     imports, table, kWriteStacks);
}

}  // namespace

GoRun parse_go_run(std::string_view stdout_text, std::string_view stderr_text, int exit_status) {
  GoRun run;
  run.exit_status = exit_status;
  run.stdout_text = std::string(stdout_text);
  run.stderr_text = std::string(stderr_text);
  run.goroutines = parse_goroutines(stderr_text);

  if (stderr_text.find("fatal error: all goroutines are asleep - deadlock!") !=
      std::string_view::npos) {
    run.outcome = "deadlock";
    return run;
  }
  for (const auto line : split_lines(stderr_text)) {
    if (starts_with(line, "panic: ")) {
      run.outcome = "panic";
      run.error = std::string(line.substr(7));
      return run;
    }
  }
  if (exit_status == 124 || exit_status == 137) {
    run.outcome = "timeout";
    return run;
  }
  run.outcome = "failed";
  if (exit_status != 0) return run;

  auto lines = split_lines(stdout_text);
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  if (lines.empty()) return run;
  const auto summary = nlohmann::json::parse(lines.back(), nullptr, /*allow_exceptions=*/false);
  if (!summary.is_object() || !summary.contains("outcome")) return run;
  const auto number = [&summary](const char* key) {
    return summary.contains(key) && summary[key].is_number_integer()
               ? summary[key].get<std::int64_t>()
               : std::int64_t{0};
  };
  run.outcome = summary.value("outcome", "failed");
  run.results = number("results");
  run.leaked = number("leaked");
  run.jobs_sent = number("jobs_sent");
  run.jobs_done = number("jobs_done");
  run.max_concurrent = number("max_concurrent");
  run.completed_ok = number("completed_ok");
  run.cancelled = number("cancelled");
  run.skipped = number("skipped");
  run.failed = number("failed");
  run.error = summary.value("error", "");
  if (summary.contains("elapsed_ms") && summary["elapsed_ms"].is_number()) {
    run.elapsed_ms = summary["elapsed_ms"].get<double>();
  }
  return run;
}

GoRunner::GoRunner(GoRunnerOptions options) : options_(std::move(options)) {}

std::string GoRunner::go_env(bool modules) const {
  std::string env = modules ? "env GO111MODULE=on GOPROXY=off GOTOOLCHAIN=local GOFLAGS= "
                            : "env GO111MODULE=off GOTOOLCHAIN=local GOFLAGS= GOPATH=" +
                                  shell_quote(options_.gopath.string()) + " ";
  const auto cache =
      options_.cache_dir.empty() ? options_.work_dir / "go-cache" : options_.cache_dir;
  const auto gopath = options_.work_dir / "go-path";
  const auto unset = [](const char* name) {
    const char* value = std::getenv(name);
    return value == nullptr || *value == '\0';
  };
  if (unset("GOCACHE")) env += "GOCACHE=" + shell_quote(cache.string()) + " ";
  if (modules && unset("GOPATH")) env += "GOPATH=" + shell_quote(gopath.string()) + " ";
  if (unset("HOME")) env += "HOME=" + shell_quote(options_.work_dir.string()) + " ";
  return env;
}

std::string GoRunner::toolchain_problem() const {
  const auto version = run_shell(go_env() + "go version 2>&1");
  if (version.exit_status != 0) {
    return "the Go toolchain is missing: `go version` failed (install Debian's golang-go, "
           "e.g. with scripts/setup-deps.sh)";
  }
  // "go version go1.19.8 linux/amd64"
  const auto at = version.output.find("go1.");
  const int minor = at == std::string::npos ? 0 : std::atoi(version.output.c_str() + at + 4);
  if (minor < 19) {
    return fmt::format("Go 1.19 or later is needed (sync/atomic.Int64), found: {}",
                       version.output.substr(0, version.output.find('\n')));
  }
  if (run_shell("echo 'package p' | gofmt >/dev/null 2>&1").exit_status != 0) {
    return "gofmt is missing from PATH (it comes with Debian's golang-go)";
  }
  return {};
}

Result<std::vector<GoProgramRun>> GoRunner::run_all(std::span<const Scenario> scenarios) const {
  if (auto problem = toolchain_problem(); !problem.empty()) return Error{"", std::move(problem)};

  const auto src = options_.work_dir / "src";
  const auto bin = options_.work_dir / "bin";
  std::error_code ec;
  std::filesystem::remove_all(src, ec);
  std::filesystem::remove_all(bin, ec);
  std::filesystem::create_directories(src, ec);
  std::filesystem::create_directories(bin, ec);
  if (ec || !write_file(src / "go.mod", "module poolscope.local/parity\n\ngo 1.19\n")) {
    return Error{"", fmt::format("cannot prepare the Go work directory {}: {}", src.string(),
                                 ec ? ec.message() : "write failed")};
  }

  std::vector<GoProgramRun> runs;
  runs.reserve(scenarios.size());
  for (std::size_t i = 0; i < scenarios.size(); ++i) {
    GoProgramRun r;
    r.name = fmt::format("p{:03}-{}", i, scenarios[i].id);
    r.scenario = scenarios[i];
    r.program = export_go(scenarios[i]);
    const std::string source = as_package(
        r.program.source, options_.multi_call ? fmt::format("p{:03}", i) : std::string("main"));
    std::filesystem::create_directories(src / r.name, ec);
    if (ec || !write_file(src / r.name / "main.go", source) ||
        (!options_.multi_call && !write_file(src / r.name / "stacks.go", single_main()))) {
      return Error{"", fmt::format("cannot write {}", (src / r.name / "main.go").string())};
    }
    runs.push_back(std::move(r));
  }

  // gofmt judges the files as built; the renaming keeps gofmt's layout.
  const auto unformatted = run_shell("gofmt -l " + shell_quote(src.string()) + " 2>&1").output;
  for (auto& r : runs) {
    r.gofmt_clean = unformatted.find("/" + r.name + "/main.go") == std::string::npos;
  }

  if (options_.multi_call) {
    std::filesystem::create_directories(src / "cmd" / "parity", ec);
    if (ec || !write_file(src / "cmd" / "parity" / "main.go", dispatcher(runs))) {
      return Error{"", "cannot write the dispatcher program"};
    }
  }
  const std::string packages = options_.multi_call ? "./cmd/parity" : "./...";
  const auto build = run_shell(fmt::format(
      "cd {} && {} timeout {} go build -ldflags='-s -w' -o {}/ {} 2>&1", shell_quote(src.string()),
      go_env(), options_.build_timeout_s, shell_quote(bin.string()), packages));
  if (build.exit_status != 0) {
    return Error{
        "", fmt::format("go build failed (exit status {}):\n{}", build.exit_status, build.output)};
  }

  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    for (std::size_t i = next++; i < runs.size(); i = next++) {
      auto& r = runs[i];
      const auto err_file = options_.work_dir / "bin" / (r.name + ".stderr");
      const auto started = std::chrono::steady_clock::now();
      const std::string program = options_.multi_call
                                      ? shell_quote((bin / "parity").string()) + " " + r.name
                                      : shell_quote((bin / r.name).string());
      const auto result =
          run_shell(fmt::format("exec timeout -k 5 {} {} 2>{}", options_.run_timeout_s, program,
                                shell_quote(err_file.string())));
      const auto elapsed = std::chrono::steady_clock::now() - started;
      r.run = parse_go_run(result.output, read_file(err_file), result.exit_status);
      r.run.wall_ms = std::chrono::duration<double, std::milli>(elapsed).count();
    }
  };
  std::vector<std::thread> threads;
  const int count = std::max(1, options_.parallel_runs);
  for (int t = 0; t < count; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  return runs;
}

Result<std::vector<GoFileRun>> GoRunner::build_and_run_files(std::span<const GoFile> files) const {
  if (auto problem = toolchain_problem(); !problem.empty()) return Error{"", std::move(problem)};
  const auto root = options_.work_dir / "files";
  std::error_code ec;
  std::filesystem::remove_all(root, ec);
  std::vector<GoFileRun> runs(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto dir = root / files[i].name;
    std::filesystem::create_directories(dir, ec);
    if (ec || !write_file(dir / "main.go", files[i].source)) {
      return Error{"", fmt::format("cannot write {}", (dir / "main.go").string())};
    }
    runs[i].name = files[i].name;
  }
  const std::string env = go_env(/*modules=*/false);
  std::atomic<std::size_t> next{0};
  const auto worker = [&] {
    for (std::size_t i = next++; i < runs.size(); i = next++) {
      auto& r = runs[i];
      const auto dir = shell_quote((root / r.name).string());
      const auto started = std::chrono::steady_clock::now();
      r.build_status = run_shell(fmt::format("cd {} && {} timeout {} go build -o prog main.go "
                                             "2>build.stderr",
                                             dir, env, options_.build_timeout_s))
                           .exit_status;
      r.build_err = read_file(root / r.name / "build.stderr");
      if (r.build_status == 0) {
        const auto run = run_shell(fmt::format("cd {} && exec timeout -k 5 {} ./prog 2>run.stderr",
                                               dir, options_.run_timeout_s));
        r.exit_status = run.exit_status;
        r.stdout_text = run.output;
        r.stderr_text = read_file(root / r.name / "run.stderr");
      }
      const auto elapsed = std::chrono::steady_clock::now() - started;
      r.wall_ms = std::chrono::duration<double, std::milli>(elapsed).count();
    }
  };
  std::vector<std::thread> threads;
  const int count = std::max(1, options_.parallel_runs);
  for (int t = 0; t < count; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  return runs;
}

}  // namespace poolscope::scenario
