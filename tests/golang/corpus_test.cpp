// Go corpus: hand-written Go programs whose behaviour comes from the REAL Go 1.19 toolchain.
//
// tests/golang/corpus/NAME.go are deterministic programs of the subset (channels, select,
// timers, sync, atomic, context, errgroup, pools, pipelines, closures, interfaces, errors,
// every panic and deadlock of issue 16). Beside each, scripts/go-corpus-expect.sh wrote
// what the built binary did: NAME.stdout, NAME.stderr1 (the first line of stderr) and
// NAME.exit. tests/golang/compile_errors/NAME.go are programs go1.19 rejects, with
// NAME.expected holding go build's stderr (it exits 2).
//
// Two halves:
// - "run-go ..." tests: `poolscope-cli run-go main.go` (a copy of the program, as the
//   expectations were made) must print the same stdout, the same
//   first line of stderr and exit with the same code; for a wrong program, go build's
//   exact stderr, no stdout, exit code 2.
// - "real Go ..." test: builds and runs every program again with the real toolchain
//   (GoRunner::build_and_run_files) and compares with the committed expectations, so they
//   stay honest. Skipped with a message when `go` is not installed; a missing errgroup
//   (golang-golang-x-sync-dev) is a failure.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tests/support/go_runner.hpp"
#include "tests/support/process.hpp"
#include "tests/support/scratch_files.hpp"

namespace {

namespace fs = std::filesystem;
using poolscope::scenario::GoFile;
using poolscope::scenario::GoRunner;
using poolscope::scenario::GoRunnerOptions;

// [SECTION] the corpus on disk

fs::path golang_dir() { return fs::path(POOLSCOPE_SOURCE_DIR) / "tests" / "golang"; }

// What real Go did with one program of the corpus.
struct Expected {
  std::string name;
  fs::path source;
  std::string stdout_text;
  std::string stderr1;  // the first line of stderr, without its newline; "" when none
  int exit_code = -1;
};

// What go build said about one wrong program.
struct ExpectedError {
  std::string name;
  fs::path source;
  std::string build_err;
};

// The .go files of `dir`, sorted by name.
std::vector<fs::path> go_files(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".go") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string without_newline(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

std::vector<Expected> corpus() {
  std::vector<Expected> all;
  for (const auto& source : go_files(golang_dir() / "corpus")) {
    Expected e;
    e.name = source.stem().string();
    e.source = source;
    auto base = source;
    e.stdout_text = poolscope::test::read(base.replace_extension(".stdout"));
    e.stderr1 = without_newline(poolscope::test::read(base.replace_extension(".stderr1")));
    const auto exit_text = poolscope::test::read(base.replace_extension(".exit"));
    e.exit_code = exit_text.empty() ? -1 : std::atoi(exit_text.c_str());
    all.push_back(std::move(e));
  }
  return all;
}

std::vector<ExpectedError> compile_errors() {
  std::vector<ExpectedError> all;
  for (const auto& source : go_files(golang_dir() / "compile_errors")) {
    auto base = source;
    all.push_back({source.stem().string(), source,
                   poolscope::test::read(base.replace_extension(".expected"))});
  }
  return all;
}

// [SECTION] saying what differs

std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    lines.push_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

std::string first_line(std::string_view text) {
  return std::string(text.substr(0, text.find('\n')));
}

// "line 3: expected "x", got "y"" for the first line where the texts differ.
std::string first_difference(std::string_view expected, std::string_view got) {
  const auto want = lines_of(expected);
  const auto have = lines_of(got);
  for (std::size_t i = 0; i < std::max(want.size(), have.size()); ++i) {
    const std::string w = i < want.size() ? fmt::format("\"{}\"", want[i]) : "<no more lines>";
    const std::string h = i < have.size() ? fmt::format("\"{}\"", have[i]) : "<no more lines>";
    if (w != h) return fmt::format("line {}: expected {}, got {}", i + 1, w, h);
  }
  return expected.size() != got.size() ? "the final newline differs" : "";
}

// The problems of one run against its expectation: "" when it matches.
std::string compare(const Expected& e, const std::string& out, const std::string& err,
                    int exit_code) {
  std::string problems;
  if (out != e.stdout_text) {
    problems += fmt::format("\n  stdout differs, {}", first_difference(e.stdout_text, out));
  }
  if (first_line(err) != e.stderr1) {
    problems += fmt::format("\n  first stderr line: expected \"{}\", got \"{}\"", e.stderr1,
                            first_line(err));
  }
  if (exit_code != e.exit_code) {
    problems += fmt::format("\n  exit code: expected {}, got {}", e.exit_code, exit_code);
  }
  return problems;
}

std::string quoted(const fs::path& path) { return "'" + path.string() + "'"; }

// `poolscope-cli run-go main.go` on a copy of `source` named main.go in a folder of its own,
// as the expectations were made (positions read ./main.go whatever the corpus file's name).
poolscope::test::CommandRun run_go(const fs::path& source, const std::string& name) {
  const auto dir = poolscope::test::scratch("go-corpus/" + name);
  fs::copy_file(source, dir / "main.go", fs::copy_options::overwrite_existing);
  return poolscope::test::run_command(
      fmt::format("cd {} && exec timeout -k 5 120 {} run-go main.go", quoted(dir),
                  quoted(POOLSCOPE_CLI)),
      poolscope::test::Stderr::Apart);
}

// [SECTION] the real toolchain

fs::path go_work_root() {
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  const auto base = ec ? fs::temp_directory_path() : exe.parent_path();
  return base / "go-corpus";
}

}  // namespace

TEST_CASE("go corpus: every program has its expectations from real Go") {
  const auto programs = corpus();
  const auto wrong = compile_errors();
  CHECK(programs.size() >= 45);
  CHECK(wrong.size() >= 20);
  for (const auto& e : programs) {
    auto base = e.source;
    CHECK_MESSAGE(fs::exists(base.replace_extension(".stdout")), e.name, ".stdout is missing");
    CHECK_MESSAGE(fs::exists(base.replace_extension(".stderr1")), e.name, ".stderr1 is missing");
    CHECK_MESSAGE(e.exit_code >= 0, e.name, ".exit is missing or empty");
    // A program that fails shows why on stderr; one that succeeds prints something.
    if (e.exit_code == 2) CHECK_MESSAGE(!e.stderr1.empty(), e.name, " exits 2 silently");
    if (e.exit_code == 0) CHECK_MESSAGE(!e.stdout_text.empty(), e.name, " prints nothing");
  }
  for (const auto& e : wrong) {
    CHECK_MESSAGE(e.build_err.rfind("# command-line-arguments\n./main.go:", 0) == 0, e.name,
                  ".expected is not go build's output: ", e.build_err);
  }
}

// Known differences from real Go, each with its reason. Such a program must still differ
// (so the list cannot outlive a fix); every other one must match.
const std::map<std::string, std::string>& known_differences() {
  static const std::map<std::string, std::string> known = {
      {"compile_error-constant_overflow", "the checker names byte as uint8 in messages"},
  };
  return known;
}

void check_known(const std::string& name, bool matches, const std::string& problems) {
  const auto it = known_differences().find(name);
  if (it == known_differences().end()) {
    CHECK_MESSAGE(matches, name, ": ", problems);
  } else {
    CHECK_MESSAGE(!matches, name, " matches real Go now: take it off the known differences");
    MESSAGE("known difference ", name, ": ", it->second);
  }
}

TEST_CASE("go corpus: run-go prints what the built Go program prints") {
  const auto programs = corpus();
  REQUIRE(!programs.empty());
  std::size_t matched = 0;
  for (const auto& e : programs) {
    const auto run = run_go(e.source, e.name);
    const auto problems = compare(e, run.out, run.err, run.exit_code);
    if (problems.empty()) ++matched;
    check_known(e.name, problems.empty(), fmt::format(".go under run-go: {}", problems));
  }
  MESSAGE(matched, " of ", programs.size(), " corpus programs match real Go");
}

TEST_CASE("go corpus: run-go rejects wrong programs with go build's messages") {
  const auto wrong = compile_errors();
  REQUIRE(!wrong.empty());
  for (const auto& e : wrong) {
    const auto run = run_go(e.source, "compile_error-" + e.name);
    check_known("compile_error-" + e.name,
                run.err == e.build_err && run.exit_code == 2 && run.out.empty(),
                fmt::format(".go: stderr differs from go build's, {}; exit code {} (expected 2); "
                            "stdout \"{}\" (expected none)",
                            first_difference(e.build_err, run.err), run.exit_code, run.out));
  }
}

TEST_CASE("go corpus: real Go still does what the committed expectations say") {
  GoRunnerOptions options;
  options.work_dir = go_work_root();
  options.cache_dir = go_work_root() / "go-cache";
  options.run_timeout_s = 60;
  options.parallel_runs = 2;
  const GoRunner runner(options);
  if (const auto problem = runner.toolchain_problem(); !problem.empty()) {
    MESSAGE("SKIPPED: the Go corpus is not checked against real Go: ", problem);
    return;
  }
  REQUIRE_MESSAGE(fs::exists(options.gopath / "src/golang.org/x/sync/errgroup"),
                  "the corpus needs the real errgroup under ", options.gopath.string(),
                  ": install golang-golang-x-sync-dev (scripts/setup-deps.sh)");

  const auto programs = corpus();
  const auto wrong = compile_errors();
  std::vector<GoFile> files;
  for (const auto& e : programs) files.push_back({e.name, poolscope::test::read(e.source)});
  for (const auto& e : wrong) {
    files.push_back({"compile_error-" + e.name, poolscope::test::read(e.source)});
  }
  const auto started = std::chrono::steady_clock::now();
  const auto runs = runner.build_and_run_files(files);
  REQUIRE_MESSAGE(runs.ok(), runs.message());
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  MESSAGE("real Go built and ran ", files.size(), " corpus programs in ", seconds, " s");
  REQUIRE(runs.value().size() == programs.size() + wrong.size());

  for (std::size_t i = 0; i < programs.size(); ++i) {
    const auto& e = programs[i];
    const auto& r = runs.value()[i];
    if (r.build_status != 0) {
      CHECK_MESSAGE(r.build_status == 0, e.name, ".go does not build with go1.19:\n", r.build_err);
      continue;
    }
    const auto problems = compare(e, r.stdout_text, r.stderr_text, r.exit_status);
    CHECK_MESSAGE(problems.empty(), e.name,
                  ".go: real Go no longer matches its expectation files (rerun "
                  "scripts/go-corpus-expect.sh --runs 5 and look at why):",
                  problems);
  }
  for (std::size_t i = 0; i < wrong.size(); ++i) {
    const auto& e = wrong[i];
    const auto& r = runs.value()[programs.size() + i];
    CHECK_MESSAGE(r.build_status == 2, e.name, ".go: go build exited ", r.build_status,
                  ", expected 2");
    CHECK_MESSAGE(r.build_err == e.build_err, e.name, ".go: go build now says otherwise, ",
                  first_difference(e.build_err, r.build_err));
  }
}
