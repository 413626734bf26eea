// The exported Go listing: it mirrors the scenario, and its anchors point at the right
// lines. (Running the listings with the Go toolchain is go_export_test.cpp.)
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/scenario/go_export.hpp"
#include "core/scenario/presets.hpp"
#include "tests/support/builtin_presets.hpp"

using namespace poolscope::scenario;

namespace {

bool contains(const std::string& text, std::string_view piece) {
  return text.find(piece) != std::string::npos;
}

// What the line of each anchor must contain (any of the alternatives).
const std::map<Anchor, std::vector<std::string_view>>& anchor_snippets() {
  static const std::map<Anchor, std::vector<std::string_view>> snippets{
      {Anchor::MainSetCpus, {"runtime.GOMAXPROCS("}},
      {Anchor::MainCallHandle, {"handle()"}},
      {Anchor::MainReport, {"stats.report()"}},
      {Anchor::HandleFunc, {"func handle() {"}},
      {Anchor::MainDeadline, {"deadline := time.Now().Add("}},
      {Anchor::MainMakeJobs, {"jobs := make(chan int, "}},
      {Anchor::MainMakeResults, {"results := make(", "var results []int"}},
      {Anchor::MainMakeDb, {"db := make(chan struct{}, "}},
      {Anchor::MainDeclareWg, {"var wg sync.WaitGroup"}},
      {Anchor::MainWgAddWorker, {"wg.Add(1)"}},
      {Anchor::MainSpawnWorker, {"go worker(w, jobs, results"}},
      {Anchor::MainStartCloser, {"go func() {"}},
      {Anchor::MainStartProducer, {"go func() {"}},
      {Anchor::MainArrive, {"arrive(j)"}},
      {Anchor::MainSendJob, {"jobs <- j"}},
      {Anchor::MainCloseJobs, {"close(jobs)"}},
      {Anchor::MainWgAdd, {"wg.Add(1)"}},
      {Anchor::MainSpawnJob, {"go func(j int) {"}},
      {Anchor::MainWgWait, {"wg.Wait()"}},
      {Anchor::MainCloseResults, {"close(results)"}},
      {Anchor::MainRecvResult, {"<-results", "for range results {"}},
      {Anchor::MainReturnEarly, {"return"}},
      {Anchor::WorkerFunc, {"func worker("}},
      {Anchor::WorkerDone, {"defer wg.Done()"}},
      {Anchor::WorkerRange, {"for j := range jobs {"}},
      {Anchor::WorkerAcquireDb, {"db <- struct{}{}"}},
      {Anchor::WorkerWork, {"work(j)"}},
      {Anchor::WorkerReleaseDb, {"<-db"}},
      {Anchor::WorkerSendResult, {"results <- j * 2"}},
      {Anchor::JobDone, {"defer wg.Done()"}},
      {Anchor::JobCheckCtx, {"if ctx.Err() != nil {"}},
      {Anchor::JobSkip, {"return ctx.Err()"}},
      {Anchor::JobAcquireDb, {"db <- struct{}{}"}},
      {Anchor::JobWork, {"work(j)", "r, err := process(ctx, j)"}},
      {Anchor::JobReleaseDb, {"<-db"}},
      {Anchor::JobSendResult, {"results <- j * 2"}},
      {Anchor::JobStoreResult, {"results[j-1] = r", "results = append(results, r)"}},
      {Anchor::ErrgroupWithContext, {"g, ctx := WithContext(context.Background())"}},
      {Anchor::ErrgroupSetLimit, {"g.SetLimit("}},
      {Anchor::ErrgroupGo, {"g.Go(func() error {"}},
      {Anchor::ErrgroupWait, {"if err := g.Wait(); err != nil {"}},
      {Anchor::GroupGoAcquire, {"g.sem <- token{}"}},
      {Anchor::GroupWaitWg, {"g.wg.Wait()"}},
      {Anchor::GroupCancel, {"g.cancel()"}},
      {Anchor::GroupGoAdd, {"g.wg.Add(1)"}},
      {Anchor::GroupGoSpawn, {"go func() {"}},
      {Anchor::GroupDoneRelease, {"<-g.sem"}},
      {Anchor::GroupDoneWg, {"g.wg.Done()"}},
      {Anchor::GroupWaitCancel, {"g.cancel()"}},
      {Anchor::ProducerArrive, {"arrive(j)"}},
      {Anchor::ProducerSendJob, {"jobs <- j"}},
      {Anchor::ProducerCloseJobs, {"close(jobs)"}},
      {Anchor::ProducerWgAdd, {"wg.Add(1)"}},
      {Anchor::ProducerSpawnJob, {"go func(j int) {"}},
      {Anchor::ProducerWgWait, {"wg.Wait()"}},
      {Anchor::ProducerCloseResults, {"close(results)"}},
      {Anchor::SendersDeclare, {"var senders sync.WaitGroup"}},
      {Anchor::SendersAdd, {"senders.Add(1)"}},
      {Anchor::SendersStart, {"go func(p int) {"}},
      {Anchor::SenderDone, {"defer senders.Done()"}},
      {Anchor::SenderArrive, {"arrive(j)"}},
      {Anchor::SenderSendJob, {"jobs <- j"}},
      {Anchor::SendersWait, {"senders.Wait()"}},
      {Anchor::CloserWait, {"wg.Wait()"}},
      {Anchor::CloserClose, {"close(results)"}},
      {Anchor::WorkFunc, {"func work(j int) {", "func process(ctx context.Context, j int)"}},
      {Anchor::WorkSleep, {"time.Sleep(", "compute(", "select {"}},
      {Anchor::WorkFail, {"return 0, fmt.Errorf(\"job %d failed\", j)"}},
      {Anchor::WorkCancelled, {"return 0, ctx.Err()"}},
      {Anchor::WorkFailWait, {"time.Sleep(d / 2)", "compute(d / 2)"}},
      {Anchor::WorkEnd, {"}"}},
      {Anchor::ArriveFunc, {"func arrive(j int) {"}},
      {Anchor::ArriveSleep, {"time.Sleep("}},
  };
  return snippets;
}

// The anchors a scenario's program must have: the lines its goroutines can be on.
std::vector<Anchor> required_anchors(const Scenario& s) {
  std::vector<Anchor> a{Anchor::MainCallHandle,  Anchor::MainReport, Anchor::HandleFunc,
                        Anchor::MainMakeResults, Anchor::WorkFunc,   Anchor::WorkSleep,
                        Anchor::WorkEnd};
  const bool producer = s.pool.collect == Collect::ProducerGoroutine;
  const bool paced = s.load.rate > 0;
  const bool db = s.pool.resource_limit > 0;
  const bool wg = s.pool.collect == Collect::WaitThenRange ||
                  s.pool.collect == Collect::CloserGoroutine || producer;
  auto add = [&a](std::initializer_list<Anchor> more) { a.insert(a.end(), more); };
  if (s.work.kind == WorkKind::Cpu) add({Anchor::MainSetCpus});
  if (s.load.jobs == 0) add({Anchor::MainDeadline});
  if (paced) add({Anchor::ArriveFunc, Anchor::ArriveSleep});
  switch (s.pool.mode) {
    case Mode::Pool:
      add({Anchor::MainMakeJobs, Anchor::MainSpawnWorker, Anchor::WorkerFunc, Anchor::WorkerRange,
           Anchor::WorkerWork, Anchor::WorkerSendResult});
      if (db) add({Anchor::MainMakeDb, Anchor::WorkerAcquireDb, Anchor::WorkerReleaseDb});
      if (wg) add({Anchor::MainDeclareWg, Anchor::MainWgAddWorker, Anchor::WorkerDone});
      if (s.load.producers > 1) {
        add({Anchor::SendersDeclare, Anchor::SendersAdd, Anchor::SendersStart, Anchor::SenderDone,
             Anchor::SenderSendJob, Anchor::SendersWait});
        if (paced) add({Anchor::SenderArrive});
      } else if (producer) {
        add({Anchor::ProducerSendJob});
        if (paced) add({Anchor::ProducerArrive});
      } else {
        add({Anchor::MainSendJob});
        if (paced) add({Anchor::MainArrive});
      }
      if (s.pool.close_jobs) add({producer ? Anchor::ProducerCloseJobs : Anchor::MainCloseJobs});
      if (producer) add({Anchor::MainStartProducer});
      if (producer || s.pool.collect == Collect::CloserGoroutine) {
        add({Anchor::MainStartCloser, Anchor::CloserWait, Anchor::CloserClose});
      }
      break;
    case Mode::Unbounded:
      add({Anchor::JobWork, Anchor::JobSendResult});
      if (db) add({Anchor::MainMakeDb, Anchor::JobAcquireDb, Anchor::JobReleaseDb});
      if (wg) add({Anchor::MainDeclareWg, Anchor::JobDone});
      if (producer) {
        add({Anchor::MainStartProducer, Anchor::ProducerSpawnJob, Anchor::ProducerWgAdd,
             Anchor::ProducerWgWait, Anchor::ProducerCloseResults});
        if (paced) add({Anchor::ProducerArrive});
      } else {
        add({Anchor::MainSpawnJob});
        if (wg) add({Anchor::MainWgAdd});
        if (paced) add({Anchor::MainArrive});
      }
      if (s.pool.collect == Collect::CloserGoroutine) {
        add({Anchor::MainStartCloser, Anchor::CloserWait, Anchor::CloserClose});
      }
      break;
    case Mode::Errgroup:
      add({Anchor::ErrgroupWithContext, Anchor::ErrgroupSetLimit, Anchor::ErrgroupGo,
           Anchor::ErrgroupWait, Anchor::JobCheckCtx, Anchor::JobSkip, Anchor::JobWork,
           Anchor::JobStoreResult, Anchor::GroupGoAcquire, Anchor::GroupWaitWg, Anchor::GroupCancel,
           Anchor::GroupGoAdd, Anchor::GroupGoSpawn, Anchor::GroupDoneRelease, Anchor::GroupDoneWg,
           Anchor::GroupWaitCancel, Anchor::WorkCancelled});
      if (db) add({Anchor::MainMakeDb, Anchor::JobAcquireDb, Anchor::JobReleaseDb});
      if (s.pool.fail_job > 0) add({Anchor::WorkFail});
      if (s.pool.fail_job > 0 && std::llround(s.work.mean_ms * 1000) > 0)
        add({Anchor::WorkFailWait});
      if (paced) add({Anchor::MainArrive});
      return a;
  }
  if (s.pool.collect == Collect::WaitThenRange) add({Anchor::MainWgWait, Anchor::MainCloseResults});
  if (s.pool.collect != Collect::None) add({Anchor::MainRecvResult});
  if (producer && s.pool.collect_count > 0) add({Anchor::MainReturnEarly});
  return a;
}

// Scenarios covering every mode, collection strategy and option that changes the listing.
std::vector<Scenario> listing_grid() {
  std::vector<Scenario> grid = poolscope::test::builtin_presets();
  for (const auto mode : {Mode::Pool, Mode::Unbounded, Mode::Errgroup}) {
    for (const auto collect : {Collect::AfterSend, Collect::WaitThenRange, Collect::CloserGoroutine,
                               Collect::ProducerGoroutine, Collect::None}) {
      for (int variant = 0; variant < 3; ++variant) {
        Scenario s;
        s.pool.mode = mode;
        s.pool.collect = collect;
        if (variant == 1) {
          s.pool.resource_limit = 2;
          s.pool.close_jobs = false;
          s.load.rate = 50;
          s.load.producers = 3;
          s.work.kind = WorkKind::Cpu;
          s.load.requests = 4;
          if (mode == Mode::Errgroup) s.pool.fail_job = 2;
          if (collect == Collect::ProducerGoroutine) s.pool.collect_count = 2;
        }
        if (variant == 2) {
          s.load.jobs = 0;
          s.load.duration_s = 1;
          s.load.rate = 20;
          s.load.arrival = Arrival::Burst;
          s.work.dist = WorkDist::Exponential;
          if (collect == Collect::AfterSend) s.pool.collect_count = 3;
        }
        grid.push_back(s);
      }
    }
  }
  return grid;
}

}  // namespace

TEST_CASE("Go listing: hello-pool reads like the seed lesson's code") {
  const auto program = export_go(find_preset("hello-pool").value());
  const auto& src = program.source;
  CHECK(contains(src, "package main\n"));
  CHECK(contains(src,
                 "func worker(id int, jobs <-chan int, results chan<- int) {\n"
                 "\tfor j := range jobs {\n\t\twork(j)\n\t\tresults <- j * 2\n\t}\n}"));
  CHECK(contains(src, "\tjobs := make(chan int, 100)\n\tresults := make(chan int, 100)\n"));
  CHECK(contains(src, "\tfor w := 1; w <= 3; w++ {\n\t\tgo worker(w, jobs, results)\n\t}\n"));
  CHECK(contains(src, "\tfor j := 1; j <= 5; j++ {\n\t\tjobs <- j\n"));
  CHECK(contains(src, "\tclose(jobs)\n"));
  CHECK(contains(src, "\tfor a := 1; a <= 5; a++ {\n\t\t<-results\n"));
  CHECK(contains(src, "time.Sleep(time.Second)"));
  // The lesson comes first, the measurements last.
  CHECK(src.find("func worker(") < src.find("// stats: measurements"));
  CHECK(src.find("func main()") < src.find("// stats: measurements"));
}

TEST_CASE("Go listing: the listing follows the settings") {
  Scenario s;
  s.pool.jobs_buffer = 5;
  s.pool.results_buffer = 0;
  s.pool.workers = 7;
  s.pool.close_jobs = false;
  s.pool.resource_limit = 2;
  s.work.mean_ms = 20;
  auto src = export_go(s).source;
  CHECK(contains(src, "jobs := make(chan int, 5)"));
  CHECK(contains(src, "results := make(chan int, 0)"));
  CHECK(contains(src, "for w := 1; w <= 7; w++ {"));
  CHECK_FALSE(contains(src, "close(jobs)"));
  CHECK(contains(src, "db := make(chan struct{}, 2) // a database with 2 connections"));
  CHECK(contains(src, "time.Sleep(20 * time.Millisecond)"));

  s.work.kind = WorkKind::Cpu;
  s.pool.cpus = 2;
  s.load.requests = 3;
  src = export_go(s).source;
  CHECK(contains(src, "runtime.GOMAXPROCS(2)"));
  // CPU-bound work is an amount of computation, not a wall-clock loop: sharing a CPU
  // lengthens it in Go as in the simulator.
  CHECK(contains(src, "\tcompute(20 * time.Millisecond)\n"));
  CHECK(contains(src, "\tturnsPerNs = calibrate()\n\ts.start = time.Now()"));
  CHECK_FALSE(contains(src, "time.Since(start) <"));
  CHECK(contains(src, "for r := 1; r <= 3; r++ {\n\t\thandle()\n\t}"));

  s.load.rate = 4;
  s.load.arrival = Arrival::Poisson;
  s.seed = 77;
  src = export_go(s).source;
  CHECK(contains(src, "time.Sleep(exponential(250*time.Millisecond, draw(arrivalStream, j)))"));
  CHECK(contains(src, "seed          = 77\n"));
  CHECK_FALSE(contains(src, "math/rand"));
}

TEST_CASE("Go listing: errgroup mode writes out the Group type and SetLimit") {
  const auto program = export_go(find_preset("errgroup-limit").value());
  const auto& src = program.source;
  CHECK(contains(src, "g.SetLimit(3)"));
  CHECK(contains(src, "type Group struct {"));
  CHECK(contains(src, "if j == 4 {"));
  CHECK(contains(src, "\"context\""));
  CHECK_FALSE(contains(src, "\"golang.org/x/sync"));
}

TEST_CASE("Go listing: every anchor of every configuration resolves to its line") {
  for (const auto& s : listing_grid()) {
    const auto program = export_go(s);
    CAPTURE(s.id);
    CAPTURE(name(s.pool.mode));
    CAPTURE(name(s.pool.collect));
    for (const auto anchor : required_anchors(s)) {
      CAPTURE(anchor_name(anchor));
      CHECK(program.has(anchor));
    }
    for (std::size_t i = 0; i < kAnchorCount; ++i) {
      const auto anchor = static_cast<Anchor>(i);
      if (!program.has(anchor)) continue;
      const std::string text(program.line_text(program.line(anchor)));
      CAPTURE(anchor_name(anchor));
      CAPTURE(text);
      bool matches = false;
      for (const auto snippet : anchor_snippets().at(anchor)) matches |= contains(text, snippet);
      CHECK(matches);
    }
  }
}

TEST_CASE("Go listing: every anchor has a name and a snippet") {
  for (std::size_t i = 0; i < kAnchorCount; ++i) {
    const auto anchor = static_cast<Anchor>(i);
    CHECK(anchor_name(anchor) != "?");
    CHECK(anchor_snippets().count(anchor) == 1);
  }
  CHECK(anchor_name(Anchor::WorkerRange) == "WorkerRange");
  CHECK(anchor_name(Anchor::ArriveSleep) == "ArriveSleep");
}

TEST_CASE("Go listing: the same scenario gives the same text") {
  const auto& s = find_preset("queueing").value();
  CHECK(export_go(s).source == export_go(s).source);
}

TEST_CASE("Go listing: an invalid scenario is refused") {
  Scenario s;
  s.pool.workers = 0;
  CHECK_THROWS_AS(export_go(s), std::invalid_argument);
}

TEST_CASE("Go listing: line_text reads lines without their indentation") {
  const auto program = export_go(Scenario{});
  CHECK(program.line_text(program.line(Anchor::WorkerRange)) == "for j := range jobs {");
  CHECK(program.line_text(0).empty());
  CHECK(program.line_text(100000).empty());
}
