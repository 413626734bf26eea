// Every goroutine stands only on lines of the listing that belong to its role, so the
// code view marks what the learner reads.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "tests/pool/pool_support.hpp"
#include "tests/support/builtin_presets.hpp"

using namespace poolscope;
using pool_test::preset;

namespace {

bool starts_with_any(std::string_view text, const std::vector<std::string_view>& prefixes) {
  for (const auto p : prefixes) {
    if (text.rfind(p, 0) == 0) return true;
  }
  return false;
}

// What each role may be on, as the start of the line's text.
const std::map<std::string, std::vector<std::string_view>>& allowed() {
  static const std::vector<std::string_view> arrive{"time.Sleep(", "arrive(j)"};
  static const std::vector<std::string_view> work{"func work(", "func process(", "time.Sleep(",
                                                  "compute(",   "select {",      "return 0, ",
                                                  "d := ",      "case <-"};
  static const std::map<std::string, std::vector<std::string_view>> roles = [] {
    std::map<std::string, std::vector<std::string_view>> r;
    r["main"] = {"runtime.GOMAXPROCS(",
                 "handle()",
                 "stats.report()",
                 "deadline := ",
                 "jobs := make(",
                 "results := make(",
                 "var results",
                 "db := make(",
                 "var wg sync.WaitGroup",
                 "wg.Add(1)",
                 "go worker(",
                 "go func() {",
                 "jobs <- j",
                 "close(jobs)",
                 "go func(j int) {",
                 "wg.Wait()",
                 "close(results)",
                 "<-results",
                 "for range results {",
                 "return // enough",
                 "var senders sync.WaitGroup",
                 "senders.Add(1)",
                 "go func(p int) {",
                 "senders.Wait()",
                 "g, ctx := WithContext(",
                 "g.SetLimit(",
                 "g.Go(func() error {",
                 "g.sem <- token{}",
                 "g.wg.Add(1)",
                 "g.wg.Wait()",
                 "g.cancel()",
                 "if err := g.Wait(); err != nil {"};
    r["worker"] = {
        "defer wg.Done()", "for j := range jobs {", "db <- struct{}{}", "work(j)", "<-db",
        "results <- j * 2"};
    r["job"] = {"defer wg.Done()",  "db <- struct{}{}",
                "work(j)",          "<-db",
                "results <- j * 2", "if ctx.Err() != nil {",
                "return ctx.Err()", "r, err := process(ctx, j)",
                "results[j-1] = r", "results = append(",
                "g.cancel()",       "<-g.sem",
                "g.wg.Done()"};
    r["producer"] = {"jobs <- j",
                     "close(jobs)",
                     "wg.Add(1)",
                     "go func(j int) {",
                     "wg.Wait()",
                     "close(results)",
                     "var senders sync.WaitGroup",
                     "senders.Add(1)",
                     "go func(p int) {",
                     "senders.Wait()"};
    r["sender"] = {"defer senders.Done()", "jobs <- j"};
    r["closer"] = {"wg.Wait()", "close(results)"};
    for (auto* role : {"main", "producer", "sender"}) {
      r[role].insert(r[role].end(), arrive.begin(), arrive.end());
    }
    for (auto* role : {"worker", "job"}) r[role].insert(r[role].end(), work.begin(), work.end());
    return r;
  }();
  return roles;
}

void check_lines(const scenario::Scenario& s, bool resizable = false) {
  trace::VectorSink sink;
  pool::PoolRun run(s, {.sink = &sink, .resizable = resizable});
  run.run(60 * trace::kSecond);
  const auto& program = run.program();
  std::map<trace::GoroutineId, std::string> role{{1, "main"}};
  int checked = 0;
  const auto check = [&](trace::GoroutineId g, int line, const trace::Event& e) {
    if (line == 0) return;
    const auto it = role.find(g);
    REQUIRE(it != role.end());
    const std::string_view text = program.line_text(line);
    CAPTURE(it->second);
    CAPTURE(line);
    CAPTURE(text);
    CAPTURE(trace::to_string(e.kind));
    CHECK(starts_with_any(text, allowed().at(it->second)));
    ++checked;
  };
  for (const auto& e : sink.events) {
    if (e.kind == trace::EventKind::Spawn) {
      role[e.goroutine] = std::string(run.runtime().strings().str(e.aux));
      if (e.object != 0) check(e.object, e.line, e);
      continue;
    }
    if (e.goroutine != 0) check(e.goroutine, e.line, e);
    // A goroutine that waits must say where.
    if (e.kind == trace::EventKind::State && e.goroutine != 0) {
      const auto st = trace::state_of(e);
      if (trace::is_blocked(st) || st == trace::GoState::Sleeping || st == trace::GoState::IoWait ||
          st == trace::GoState::Working || st == trace::GoState::WaitingCpu) {
        CHECK(e.line != 0);
      }
    }
  }
  CHECK(checked > 0);
}

}  // namespace

TEST_CASE("Pool.Lines: in every preset, each goroutine is only on its own role's lines") {
  for (const auto& p : test::builtin_presets()) {
    CAPTURE(p.id);
    scenario::Scenario s = p;
    s.load.jobs = std::min(s.load.jobs, 200);
    s.load.duration_s = std::min(s.load.duration_s, 3.0);
    check_lines(s);
  }
}

TEST_CASE("Pool.Lines: each variant of the listing is mirrored line by line") {
  const std::vector<std::vector<std::string>> variants{
      {"pool.collect=wait_then_range", "pool.resource_limit=2"},
      {"pool.collect=closer_goroutine", "load.producers=3", "load.rate=40"},
      {"pool.collect=producer_goroutine", "load.producers=2", "load.arrival=burst", "load.rate=20",
       "load.burst_size=3"},
      {"pool.collect=producer_goroutine", "pool.collect_count=2", "pool.results_buffer=0"},
      {"pool.collect=none", "work.kind=cpu", "pool.cpus=2", "pool.workers=5", "load.jobs=12"},
      {"pool.mode=unbounded", "pool.collect=after_send", "pool.resource_limit=2"},
      {"pool.mode=unbounded", "pool.collect=closer_goroutine", "load.arrival=poisson",
       "load.rate=30"},
      {"pool.mode=unbounded", "pool.collect=producer_goroutine", "work.dist=exponential"},
      {"pool.mode=errgroup", "pool.fail_job=2", "pool.resource_limit=1", "load.rate=5",
       "load.jobs=8"},
      {"pool.mode=errgroup", "pool.fail_job=3", "work.kind=cpu", "work.dist=uniform"},
      {"pool.mode=errgroup", "work.mean_ms=0", "pool.fail_job=2"},
      {"work.mean_ms=0", "load.jobs=50", "pool.collect=producer_goroutine"},
      {"load.jobs=0", "load.duration_s=1", "load.rate=20", "pool.collect=closer_goroutine"},
      {"work.payload_kb=64", "load.requests=3", "pool.close_jobs=false"},
  };
  for (const auto& sets : variants) {
    std::string label;
    for (const auto& s : sets) label += s + " ";
    CAPTURE(label);
    check_lines(preset("hello-pool", sets));
  }
}

TEST_CASE("Pool.Lines: a resizable pool's workers stay on the worker's lines") {
  check_lines(preset("backpressure"), true);
}
