// Parity of run-go with the built-in programs (issue 16, item 8): every preset and every
// scenario of the Go parity grid (tests/pool/go_parity_cases.hpp), exported with
// `poolscope-cli export-go`, runs under `poolscope-cli run-go --json` as `poolscope-cli
// run --json` runs the scenario: same outcome, results, leaked goroutines (how many, and
// the line and wait reason of each), jobs sent and done, most jobs in work at once,
// errgroup counts and error, and main's return at the same virtual time.
//
// - CPU-bound work (work.kind=cpu) is left out: in run-go computation takes no virtual
//   time, while the simulator gives it its length.
// - Payloads are capped at 1 KiB: they are memory only, and run-go holds a []byte as
//   one 32-byte value per byte (the unbounded-vs-pool preset holds 10,000 MiB at once;
//   at 16 KiB a payload, run-go's memory budget of 2 GiB stops it).
// - run-go's JSON names the program's outcome ("completed", "deadlock", "panic", "exit",
//   "compile_error", "stopped"); the simulator's "hang" (main blocked while timers fire
//   forever) is a program run-go stops at its virtual-time limit.
// - Figures come from the program's last line of stdout, the summary its stats section
//   prints (read by parse_go_run, as for real Go); the lines of goroutines left blocked
//   come from run-go's leaked_goroutines, or from its deadlock report on stderr, and the
//   simulator's from its Report (run --json prints counts only).
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/pool/pool_run.hpp"
#include "core/scenario/go_export.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"
#include "core/sim/report.hpp"
#include "core/trace/sink.hpp"
#include "tests/cli/cli_harness.hpp"
#include "tests/pool/go_parity_cases.hpp"
#include "tests/support/builtin_presets.hpp"
#include "tests/support/go_runner.hpp"
#include "tests/support/scratch_files.hpp"

using namespace poolscope;

namespace {

// [SECTION] the scenarios

constexpr int kMaxPayloadKb = 1;

// Every preset as it is, and every scenario of the parity grid; CPU-bound ones left out
// unless `with_cpu`.
std::vector<scenario::Scenario> parity_scenarios(bool with_cpu) {
  std::vector<scenario::Scenario> all;
  for (scenario::Scenario s : poolscope::test::builtin_presets()) {
    s.work.payload_kb = std::min(s.work.payload_kb, kMaxPayloadKb);
    all.push_back(std::move(s));
  }
  for (const go_parity::Case& c : go_parity::cases()) {
    scenario::Scenario s = c.scenario;
    s.work.payload_kb = std::min(s.work.payload_kb, kMaxPayloadKb);
    all.push_back(std::move(s));
  }
  if (!with_cpu) {
    std::erase_if(
        all, [](const scenario::Scenario& s) { return s.work.kind == scenario::WorkKind::Cpu; });
  }
  return all;
}

// [SECTION] the subset's library

// Each package of run-go's library (design: YOUR_CODE.md, "The library") and every name
// its front end declares in it.
const std::map<std::string, std::set<std::string>>& library() {
  static const std::map<std::string, std::set<std::string>> packages{
      {"errors", {"New", "Is", "As", "Unwrap"}},
      {"fmt",
       {"Stringer", "Println", "Print", "Printf", "Sprintf", "Sprint", "Sprintln", "Errorf"}},
      {"time",
       {"Duration", "Nanosecond", "Microsecond", "Millisecond", "Second", "Minute", "Hour", "Time",
        "Now", "Since", "Sleep", "After", "Tick", "Timer", "NewTimer", "AfterFunc", "Ticker",
        "NewTicker"}},
      {"sync", {"WaitGroup", "Mutex", "RWMutex", "Once", "Locker"}},
      {"sync/atomic",
       {"AddInt32",
        "AddInt64",
        "AddUint32",
        "AddUint64",
        "LoadInt32",
        "LoadInt64",
        "LoadUint32",
        "LoadUint64",
        "StoreInt32",
        "StoreInt64",
        "StoreUint32",
        "StoreUint64",
        "CompareAndSwapInt32",
        "CompareAndSwapInt64",
        "CompareAndSwapUint32",
        "CompareAndSwapUint64",
        "SwapInt32",
        "SwapInt64",
        "Int32",
        "Int64",
        "Uint32",
        "Uint64",
        "Bool"}},
      {"context",
       {"Context", "CancelFunc", "Canceled", "DeadlineExceeded", "Background", "TODO", "WithCancel",
        "WithTimeout", "WithDeadline", "WithValue"}},
      {"golang.org/x/sync/errgroup", {"Group", "WithContext"}},
      {"runtime", {"NumGoroutine", "NumCPU", "GOMAXPROCS", "Gosched"}},
      {"math/rand",
       {"Seed", "Int", "Intn", "Int31", "Int31n", "Int63", "Int63n", "Float64", "Perm", "Shuffle"}},
      {"strings",
       {"Repeat", "Join", "Split", "Contains", "ToUpper", "ToLower", "HasPrefix", "HasSuffix",
        "TrimSpace", "TrimPrefix", "TrimSuffix", "Fields", "Index", "Count", "ReplaceAll",
        "Builder"}},
      {"strconv", {"Itoa", "Atoi", "FormatInt", "Quote"}},
      {"sort", {"Ints", "Strings", "Float64s", "Slice", "SliceStable"}},
      {"math",
       {"MaxInt",   "MinInt",   "MaxInt8",  "MinInt8",  "MaxInt16",  "MinInt16",  "MaxInt32",
        "MinInt32", "MaxInt64", "MinInt64", "MaxUint8", "MaxUint16", "MaxUint32", "MaxUint64",
        "Pi",       "E",        "Sqrt",     "Max",      "Min",       "Abs",       "Floor",
        "Ceil",     "Round",    "Trunc",    "Pow",      "Log",       "Exp",       "Mod",
        "Inf",      "IsInf",    "IsNaN",    "NaN"}},
      {"os", {"Args", "Exit"}},
  };
  return packages;
}

// The import paths of a program's `import ( ... )` block.
std::vector<std::string> imports_of(const std::string& source) {
  std::vector<std::string> paths;
  const auto open = source.find("\nimport (\n");
  if (open == std::string::npos) return paths;
  const auto close = source.find("\n)\n", open);
  const std::regex quoted("\"([^\"]+)\"");
  const std::string block = source.substr(open, close - open);
  for (std::sregex_iterator it(block.begin(), block.end(), quoted), end; it != end; ++it) {
    paths.push_back((*it)[1].str());
  }
  return paths;
}

// Each `pkg.Name` of an imported package the program uses, outside comments, as
// "path.Name" (the exported programs hold no "//" inside a string).
std::set<std::string> library_uses(const std::string& source,
                                   const std::vector<std::string>& imports) {
  std::map<std::string, std::string> path_of;  // "atomic" -> "sync/atomic"
  for (const auto& path : imports) path_of[path.substr(path.rfind('/') + 1)] = path;
  std::set<std::string> uses;
  const std::regex selector(R"((^|[^A-Za-z0-9_.])([a-z][a-z0-9]*)\.([A-Za-z_][A-Za-z0-9_]*))");
  std::size_t start = 0;
  while (start < source.size()) {
    auto end = source.find('\n', start);
    if (end == std::string::npos) end = source.size();
    std::string line = source.substr(start, end - start);
    if (const auto comment = line.find("//"); comment != std::string::npos) line.resize(comment);
    for (std::sregex_iterator it(line.begin(), line.end(), selector), stop; it != stop; ++it) {
      const auto found = path_of.find((*it)[2].str());
      if (found != path_of.end()) uses.insert(found->second + "." + (*it)[3].str());
    }
    start = end + 1;
  }
  return uses;
}

}  // namespace

TEST_CASE("Export parity: every exported preset and grid scenario uses only run-go's library") {
  for (const scenario::Scenario& s : parity_scenarios(/*with_cpu=*/true)) {
    CAPTURE(s.id);
    const std::string source = scenario::export_go(s).source;
    const auto imports = imports_of(source);
    CHECK(std::find(imports.begin(), imports.end(), "fmt") != imports.end());
    for (const auto& path : imports) {
      CAPTURE(path);
      CHECK(library().count(path) == 1);
    }
    for (const auto& use : library_uses(source, imports)) {
      CAPTURE(use);
      const auto dot = use.rfind('.');
      const auto package = library().find(use.substr(0, dot));
      REQUIRE(package != library().end());
      CHECK(package->second.count(use.substr(dot + 1)) == 1);
    }
  }
}

TEST_CASE("Export parity: the library check sees a package or a name outside the subset") {
  const std::string source =
      "package main\n\nimport (\n\t\"encoding/json\"\n\t\"fmt\"\n\t\"runtime\"\n)\n\n"
      "func main() {\n\tbuf := make([]byte, 1<<20)\n\tfmt.Println(runtime.Stack(buf, true)) "
      "// fmt.Fprintln\n\tjson.Marshal(buf)\n}\n";
  const auto imports = imports_of(source);
  CHECK(imports == std::vector<std::string>{"encoding/json", "fmt", "runtime"});
  CHECK(library().count("encoding/json") == 0);
  CHECK(library_uses(source, imports) ==
        std::set<std::string>{"encoding/json.Marshal", "fmt.Println", "runtime.Stack"});
  CHECK(library().at("runtime").count("Stack") == 0);
}

// Until the interpreter is merged (branch go-interp), poolscope-cli has no run-go: the
// case is compiled where core/golang/interp.hpp is, that is with it.
#if __has_include("core/golang/interp.hpp")

namespace {

// [SECTION] comparing runs

// Where the goroutines left blocked wait: (line, Go's wait reason), sorted.
using Waits = std::vector<std::pair<int, std::string>>;

Waits sim_waits(const sim::Report& report) {
  Waits waits;
  for (const auto& g : report.blocked) waits.emplace_back(g.line, g.wait_reason);
  std::sort(waits.begin(), waits.end());
  return waits;
}

Waits run_go_leaked_waits(const nlohmann::json& leaked) {
  Waits waits;
  for (const auto& g : leaked) {
    waits.emplace_back(g.value("line", 0), g.value("wait", std::string()));
  }
  std::sort(waits.begin(), waits.end());
  return waits;
}

Waits traceback_waits(const std::vector<scenario::GoGoroutine>& goroutines) {
  Waits waits;
  for (const auto& g : goroutines) waits.emplace_back(g.line, g.state);
  std::sort(waits.begin(), waits.end());
  return waits;
}

// run-go's word for the simulator's outcome.
std::string run_go_outcome(const std::string& sim_outcome) {
  return sim_outcome == "hang" ? "stopped" : sim_outcome;
}

// Job events at the very instant main returned on the simulator, before and after its
// return. Goroutines that wake at one instant may take their turns in another order
// under run-go (its goroutines run the program's stats code as well), so a job ending or
// handed over at that instant may count on either side of main's return.
struct SameInstant {
  std::int64_t done_before = 0;
  std::int64_t done_after = 0;
  std::int64_t sent_before = 0;
  std::int64_t sent_after = 0;
};

SameInstant same_instant(const std::vector<trace::Event>& events) {
  SameInstant at;
  const auto exit = std::find_if(events.begin(), events.end(), [](const trace::Event& e) {
    return e.kind == trace::EventKind::MainExit;
  });
  if (exit == events.end()) return at;
  for (auto it = events.begin(); it != events.end(); ++it) {
    if (it->kind != trace::EventKind::Job || it->time != exit->time) continue;
    const bool after = it->seq > exit->seq;
    const auto phase = static_cast<trace::JobPhase>(it->detail);
    if (phase == trace::JobPhase::Done) ++(after ? at.done_after : at.done_before);
    if (phase == trace::JobPhase::Created) ++(after ? at.sent_after : at.sent_before);
  }
  return at;
}

// `go` is `sim`, give or take the jobs of the instant main returned.
bool same_but_ties(std::int64_t go, std::int64_t sim, std::int64_t before, std::int64_t after) {
  return go >= sim - before && go <= sim + after;
}

std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

}  // namespace

TEST_CASE("Export parity: run-go runs every exported preset and grid scenario as run does") {
  const auto dir = test::scratch("export-parity");
  const auto all = parity_scenarios(/*with_cpu=*/false);
  REQUIRE(all.size() > 40);
  for (std::size_t i = 0; i < all.size(); ++i) {
    const scenario::Scenario& s = all[i];
    const std::string name = fmt::format("p{:03}-{}", i, s.id);
    CAPTURE(name);
    const auto scenario_file = dir / (name + ".json");
    const auto go_file = dir / (name + ".go");
    const auto saved = scenario::save_scenario_file(s, scenario_file);
    REQUIRE_MESSAGE(saved.ok(), saved.message());

    const auto exported = test::run_cli(
        fmt::format("export-go --scenario {} -o {}", quoted(scenario_file), quoted(go_file)));
    REQUIRE_MESSAGE(exported.exit_code == 0, exported.err);
    const auto sim_cli =
        test::run_cli(fmt::format("run --json --scenario {}", quoted(scenario_file)));
    REQUIRE_MESSAGE(sim_cli.exit_code == 0, sim_cli.err);
    const auto sim = nlohmann::json::parse(sim_cli.out);
    // The queueing preset sends jobs for 60 s of virtual time, run-go's default limit.
    const auto go_cli =
        test::run_cli(fmt::format("run-go --json --max-virtual 3600 {}", quoted(go_file)));
    const auto go = nlohmann::json::parse(go_cli.out, nullptr, /*allow_exceptions=*/false);
    REQUIRE_MESSAGE(go.is_object(), "run-go printed no JSON; stderr: ", go_cli.err,
                    "; stdout: ", go_cli.out.substr(0, 2000));
    const std::string go_stdout = go.value("stdout", std::string());
    const std::string go_stderr = go.value("stderr", std::string());
    const int exit_code = go.value("exit_code", -1);
    INFO("run-go stderr: ", go_stderr.substr(0, 2000));
    INFO("run-go stdout tail: ",
         go_stdout.substr(go_stdout.size() > 600 ? go_stdout.size() - 600 : 0));

    // The same scenario in this process, for where its goroutines wait.
    trace::VectorSink events;
    pool::PoolRun sim_run(s, {.sink = &events});
    sim_run.run();
    const sim::Report& report = sim_run.runtime().report();
    REQUIRE(std::string(trace::to_string(sim_run.summary().outcome)) ==
            sim.at("outcome").get<std::string>());

    const std::string sim_outcome = sim.at("outcome").get<std::string>();
    REQUIRE(go.value("outcome", std::string()) == run_go_outcome(sim_outcome));
    CHECK(go_cli.exit_code == exit_code);
    if (sim_outcome == "deadlock" || sim_outcome == "panic") {
      CHECK(exit_code == 2);
      // Go's first line: "fatal error: all goroutines are asleep - deadlock!", "panic: ...".
      CHECK(go_stderr.substr(0, go_stderr.find('\n')) == report.message);
      if (sim_outcome == "deadlock") {
        const scenario::GoRun parsed = scenario::parse_go_run(go_stdout, go_stderr, exit_code);
        CHECK(parsed.outcome == "deadlock");
        CHECK(traceback_waits(parsed.goroutines) == sim_waits(report));
      }
      continue;
    }
    if (sim_outcome != "completed") continue;
    CHECK(exit_code == 0);

    const scenario::GoRun figures = scenario::parse_go_run(go_stdout, "", exit_code);
    REQUIRE(figures.outcome == "completed");
    CHECK(figures.results == sim.at("results").get<std::int64_t>());
    CHECK(figures.leaked == sim.at("leaked").get<std::int64_t>());
    CHECK(go.value("leaked", std::int64_t{-1}) == sim.at("leaked").get<std::int64_t>());
    CHECK(run_go_leaked_waits(go.value("leaked_goroutines", nlohmann::json::array())) ==
          sim_waits(report));
    const SameInstant ties = same_instant(events.events);
    CHECK(same_but_ties(figures.jobs_sent, sim.at("jobs_sent").get<std::int64_t>(),
                        ties.sent_before, ties.sent_after));
    CHECK(same_but_ties(figures.jobs_done, sim.at("jobs_done").get<std::int64_t>(),
                        ties.done_before, ties.done_after));
    CHECK(figures.max_concurrent == sim.at("max_concurrent").get<std::int64_t>());
    CHECK(figures.completed_ok == sim.at("completed_ok").get<std::int64_t>());
    CHECK(figures.cancelled == sim.at("cancelled").get<std::int64_t>());
    CHECK(figures.skipped == sim.at("skipped").get<std::int64_t>());
    CHECK(figures.failed == sim.at("failed").get<std::int64_t>());
    CHECK(figures.error == sim.at("error").get<std::string>());
    // The program's clock stops where main calls stats.report(), main's return on the
    // simulator; it prints whole microseconds.
    const double sim_ms = sim.at("virtual_ms").get<double>();
    CHECK(figures.elapsed_ms <= sim_ms + 1e-9);
    CHECK(figures.elapsed_ms > sim_ms - 0.001 - 1e-9);
  }
}
#endif
