// Go export: writes the listing line by line, marking anchors as it goes.
//
// Index:
// [SECTION] Anchor names
// [SECTION] GoWriter: lines, indentation, anchors
// [SECTION] Formatting helpers (durations, rates)
// [SECTION] Exporter: the lesson part (worker, handler, main, work, arrive)
// [SECTION] Fixed text: the errgroup type and the stats section
// [SECTION] export_go
//
// gofmt-clean by construction: tabs for indentation, no two consecutive lines that gofmt
// would align (no trailing comments on neighbouring lines, no consecutive one-line
// functions), binary expressions spaced as gofmt spaces them. The parity tests run
// `gofmt -l` over every exported program.
#include "core/scenario/go_export.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/scenario/result.hpp"
#include "core/scenario/scenario_json.hpp"

namespace poolscope::scenario {

//-----------------------------------------------------------------------------
// [SECTION] Anchor names
//-----------------------------------------------------------------------------

namespace {
constexpr std::array<std::string_view, kAnchorCount> kAnchorNames{
    "MainSetCpus",       "MainCallHandle",
    "MainReport",        "HandleFunc",
    "MainDeadline",      "MainMakeJobs",
    "MainMakeResults",   "MainMakeDb",
    "MainDeclareWg",     "MainWgAddWorker",
    "MainSpawnWorker",   "MainStartCloser",
    "MainStartProducer", "MainArrive",
    "MainSendJob",       "MainCloseJobs",
    "MainWgAdd",         "MainSpawnJob",
    "MainWgWait",        "MainCloseResults",
    "MainRecvResult",    "MainReturnEarly",
    "WorkerFunc",        "WorkerDone",
    "WorkerRange",       "WorkerAcquireDb",
    "WorkerWork",        "WorkerReleaseDb",
    "WorkerSendResult",  "JobDone",
    "JobCheckCtx",       "JobSkip",
    "JobAcquireDb",      "JobWork",
    "JobReleaseDb",      "JobSendResult",
    "JobStoreResult",    "ErrgroupWithContext",
    "ErrgroupSetLimit",  "ErrgroupGo",
    "ErrgroupWait",      "GroupGoAcquire",
    "GroupWaitWg",       "GroupCancel",
    "GroupGoAdd",        "GroupGoSpawn",
    "GroupDoneRelease",  "GroupDoneWg",
    "GroupWaitCancel",   "ProducerArrive",
    "ProducerSendJob",   "ProducerCloseJobs",
    "ProducerWgAdd",     "ProducerSpawnJob",
    "ProducerWgWait",    "ProducerCloseResults",
    "SendersDeclare",    "SendersAdd",
    "SendersStart",      "SenderDone",
    "SenderArrive",      "SenderSendJob",
    "SendersWait",       "CloserWait",
    "CloserClose",       "WorkFunc",
    "WorkSleep",         "WorkFail",
    "WorkCancelled",     "WorkFailWait",
    "WorkEnd",           "ArriveFunc",
    "ArriveSleep",
};
}  // namespace

std::string_view anchor_name(Anchor anchor) noexcept {
  const auto i = static_cast<std::size_t>(anchor);
  return i < kAnchorCount ? kAnchorNames[i] : std::string_view{"?"};
}

std::string_view GoProgram::line_text(int line_number) const noexcept {
  if (line_number < 1) return {};
  std::size_t start = 0;
  for (int n = 1; n < line_number; ++n) {
    start = source.find('\n', start);
    if (start == std::string::npos) return {};
    ++start;
  }
  if (start >= source.size()) return {};
  auto end = source.find('\n', start);
  if (end == std::string::npos) end = source.size();
  std::string_view text(source.data() + start, end - start);
  while (!text.empty() && text.front() == '\t') text.remove_prefix(1);
  return text;
}

namespace {

// `text` cut at spaces into lines of at most `width` characters (longer words stay whole).
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string current;
  while (!text.empty()) {
    const auto space = text.find(' ');
    const auto word = text.substr(0, space);
    if (!current.empty() && current.size() + 1 + word.size() > width) {
      lines.push_back(std::move(current));
      current.clear();
    }
    if (!current.empty()) current += ' ';
    current += word;
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  if (!current.empty()) lines.push_back(std::move(current));
  return lines;
}

//-----------------------------------------------------------------------------
// [SECTION] GoWriter: lines, indentation, anchors
//-----------------------------------------------------------------------------

class GoWriter {
 public:
  // A line at the current indentation.
  void line(std::string_view text) { emit(text); }
  void line(Anchor anchor, std::string_view text) {
    mark(anchor);
    emit(text);
  }
  // A line that opens a block ("... {"); the next lines are indented one more.
  void open(std::string_view text) {
    emit(text);
    ++indent_;
  }
  void open(Anchor anchor, std::string_view text) {
    mark(anchor);
    open(text);
  }
  // A line that closes a block, one level out.
  void close(std::string_view text = "}") {
    --indent_;
    emit(text);
  }
  void close(Anchor anchor, std::string_view text = "}") {
    --indent_;
    mark(anchor);
    emit(text);
  }
  void blank() { emit({}); }
  // A `//` comment, wrapped at 80 columns (counting a tab as 8, as gofmt users see it).
  void comment(std::string_view text) {
    const std::size_t width = 77 - static_cast<std::size_t>(indent_) * 8;
    for (const auto& piece : wrap(text, width)) emit("// " + piece);
  }
  // Text emitted as is, line by line (already gofmt-formatted, no anchors).
  void verbatim(std::string_view text) {
    while (!text.empty()) {
      const auto nl = text.find('\n');
      const auto piece = text.substr(0, nl);
      out_.append(piece);
      out_ += '\n';
      ++line_;
      if (nl == std::string_view::npos) break;
      text.remove_prefix(nl + 1);
    }
  }

  // The program; drop_trailing_blank removes a blank last line (gofmt would).
  GoProgram finish(bool drop_trailing_blank) && {
    if (drop_trailing_blank && out_.ends_with("\n\n")) out_.pop_back();
    return GoProgram{std::move(out_), lines_};
  }

 private:
  void mark(Anchor anchor) {
    auto& slot = lines_[static_cast<std::size_t>(anchor)];
    if (slot != 0) {
      throw std::logic_error(fmt::format("go export: anchor {} marked twice (lines {} and {})",
                                         anchor_name(anchor), slot, line_ + 1));
    }
    slot = line_ + 1;
  }
  void emit(std::string_view text) {
    if (!text.empty()) out_.append(static_cast<std::size_t>(indent_), '\t');
    out_.append(text);
    out_ += '\n';
    ++line_;
  }

  std::string out_;
  std::array<int, kAnchorCount> lines_{};
  int indent_ = 0;
  int line_ = 0;
};

//-----------------------------------------------------------------------------
// [SECTION] Formatting helpers
//-----------------------------------------------------------------------------

// A Go duration expression for `ms` milliseconds, rounded to the microsecond:
// "time.Second", "2 * time.Second", "100 * time.Millisecond", "250 * time.Microsecond".
// compact: without spaces around '*', as gofmt writes it inside a larger expression.
std::string go_duration(double ms, bool compact = false) {
  const auto us = static_cast<long long>(std::llround(ms * 1000.0));
  const char* times = compact ? "*" : " * ";
  if (us == 0) return "0";
  if (us % 1'000'000 == 0) {
    const long long s = us / 1'000'000;
    return s == 1 ? "time.Second" : fmt::format("{}{}time.Second", s, times);
  }
  if (us % 1000 == 0) {
    const long long m = us / 1000;
    return m == 1 ? "time.Millisecond" : fmt::format("{}{}time.Millisecond", m, times);
  }
  return us == 1 ? "time.Microsecond" : fmt::format("{}{}time.Microsecond", us, times);
}

// "100ms", "1s", "2.5s", "250µs" as Go's Duration.String() would print it, for comments.
std::string duration_text(double ms) {
  const auto us = static_cast<long long>(std::llround(ms * 1000.0));
  if (us >= 1'000'000) return fmt::format("{}s", static_cast<double>(us) / 1e6);
  if (us >= 1000) return fmt::format("{}ms", static_cast<double>(us) / 1e3);
  return fmt::format("{}us", us);
}

// The sentence for a wait of `ms` below Go's timer resolution, or "" when it is not.
std::string timing_note(double ms, std::string_view what) {
  if (ms <= 0.0 || ms >= kGoTimerResolutionMs) return {};
  return fmt::format(
      "{} {} is shorter than Go's timer resolution (about {}): real Go waits about that long "
      "instead, so its run is slower than the simulator's.",
      what, duration_text(ms), duration_text(kGoTimerResolutionMs));
}

// The work's note: I/O work waits on a timer (CPU work computes, at any length).
std::string work_timing_note(const Scenario& s) {
  if (s.work.kind != WorkKind::Io) return {};
  return timing_note(s.work.mean_ms, s.work.dist == WorkDist::Constant
                                         ? "Each job's I/O wait of"
                                         : "The jobs' mean I/O wait of");
}

// The arrivals' note: the shortest sleep a sender takes between jobs.
std::string arrival_timing_note(const Scenario& s) {
  if (s.load.rate <= 0.0) return {};
  const int senders = s.pool.mode == Mode::Pool ? s.load.producers : 1;
  double gap_ms = 1000.0 * senders / s.load.rate;
  if (s.load.arrival == Arrival::Burst) gap_ms *= s.load.burst_size;
  return timing_note(gap_ms, s.load.arrival == Arrival::Poisson ? "The mean gap between arrivals of"
                                                                : "The gap between arrivals of");
}

std::string plural(long long n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

//-----------------------------------------------------------------------------
// [SECTION] Exporter: the lesson part
//-----------------------------------------------------------------------------

// Who runs a sending or spawning loop; it decides the anchors of its lines.
enum class Role { Main, Producer };

class Exporter {
 public:
  Exporter(const Scenario& s, const GoExportOptions& options)
      : s_(s), instrumented_(options.instrumented) {}

  GoProgram run() && {
    header();
    imports();
    if (mode() == Mode::Pool) worker();
    if (mode() == Mode::Errgroup) {
      handle_errgroup();
    } else if (mode() == Mode::Pool) {
      handle_pool();
    } else {
      handle_unbounded();
    }
    main_func();
    if (mode() == Mode::Errgroup) {
      process_func();
    } else {
      work_func();
    }
    if (paced()) arrive_func();
    random_funcs();
    if (computes()) compute_funcs();
    if (mode() == Mode::Errgroup) errgroup_type();
    if (instrumented_) stats_section();
    return std::move(w_).finish(!instrumented_);
  }

 private:
  Mode mode() const { return s_.pool.mode; }
  Collect collect() const { return s_.pool.collect; }
  bool endless() const { return s_.load.jobs == 0; }
  bool paced() const { return s_.load.rate > 0.0; }
  bool has_db() const { return s_.pool.resource_limit > 0; }
  bool cpu() const { return s_.work.kind == WorkKind::Cpu; }
  int senders() const { return mode() == Mode::Pool ? s_.load.producers : 1; }
  bool has_wg() const {
    return mode() != Mode::Errgroup &&
           (collect() == Collect::WaitThenRange || collect() == Collect::CloserGoroutine ||
            collect() == Collect::ProducerGoroutine);
  }
  bool random_work() const {
    return s_.work.dist != WorkDist::Constant && std::llround(s_.work.mean_ms * 1000.0) > 0;
  }
  bool uses_exp() const {
    return (paced() && s_.load.arrival == Arrival::Poisson) ||
           (random_work() && s_.work.dist == WorkDist::Exponential);
  }
  bool uses_uniform() const { return random_work() && s_.work.dist == WorkDist::Uniform; }
  bool has_work_time() const { return std::llround(s_.work.mean_ms * 1000.0) > 0; }
  bool computes() const { return cpu() && has_work_time(); }

  // A measuring line (`stats.sent()`), left out of the plain listing.
  void stat(std::string_view text) {
    if (instrumented_) w_.line(text);
  }

  // The loop header over this sender's jobs: "for j := 1; j <= 5; j++ {".
  std::string job_loop(bool several_senders) const {
    const int step = several_senders ? senders() : 1;
    const std::string first = several_senders ? "p" : "1";
    const std::string next = step == 1 ? "j++" : fmt::format("j += {}", step);
    const std::string condition =
        endless() ? "time.Now().Before(deadline)" : fmt::format("j <= {}", s_.load.jobs);
    return fmt::format("for j := {}; {}; {} {{", first, condition, next);
  }

  // --- file header and imports ---

  void header() {
    w_.comment(
        fmt::format("Program generated by Poolscope from scenario \"{}\": {}.", s_.id, s_.title));
    w_.comment(s_.summary);
    w_.line("//");
    if (instrumented_) {
      w_.comment("Run it with `go run main.go`. Lines calling stats.* and the stats section at");
      w_.comment("the end only measure the run; its last line of output is a JSON summary.");
    } else {
      w_.comment("Run it with `go run main.go`.");
    }
    w_.comment("It uses only what `poolscope-cli run-go` runs, so it runs there too.");
    w_.line("package main");
    w_.blank();
  }

  void imports() {
    // Only packages of run-go's library (the design's subset): the summary is printed
    // with fmt, not encoding/json; draw() rotates without math/bits.
    std::set<std::string> names =
        instrumented_
            ? std::set<std::string>{"fmt", "runtime", "strings", "sync", "sync/atomic", "time"}
            : plain_imports();
    if (mode() == Mode::Errgroup) names.insert("context");
    if (uses_exp()) names.insert("math");
    if (names.empty()) return;  // the plain listing of a program that needs no package
    w_.open("import (");
    for (const auto& n : names) w_.line(fmt::format("\"{}\"", n));
    w_.close(")");
    w_.blank();
  }

  // What the plain listing uses besides context and math (the stats section used the
  // rest). Kept in step with the lines that call them; the plain-listing tests compile
  // every mode, and Go rejects an unused or a missing import.
  std::set<std::string> plain_imports() const {
    std::set<std::string> names;
    if (mode() == Mode::Errgroup) names.insert("fmt");  // the request's error; Group's panic
    if (cpu()) names.insert("runtime");                 // runtime.GOMAXPROCS
    if (mode() == Mode::Errgroup || has_wg() || senders() > 1) names.insert("sync");
    if (computes()) names.insert("sync/atomic");  // spin's result
    if (endless() || paced() || has_work_time()) names.insert("time");
    return names;
  }

  // --- pool mode ---

  void worker() {
    std::string params = "id int, jobs <-chan int, results chan<- int";
    if (has_db()) params += ", db chan struct{}";
    if (has_wg()) params += ", wg *sync.WaitGroup";
    w_.comment("worker takes jobs until jobs is closed and drained, sending each result.");
    w_.open(Anchor::WorkerFunc, fmt::format("func worker({}) {{", params));
    if (has_wg()) w_.line(Anchor::WorkerDone, "defer wg.Done()");
    w_.open(Anchor::WorkerRange, "for j := range jobs {");
    if (has_db()) w_.line(Anchor::WorkerAcquireDb, "db <- struct{}{} // take a connection");
    w_.line(Anchor::WorkerWork, "work(j)");
    if (has_db()) w_.line(Anchor::WorkerReleaseDb, "<-db // give it back");
    w_.line(Anchor::WorkerSendResult, "results <- j * 2");
    w_.close();
    w_.close();
    w_.blank();
  }

  void handle_doc() {
    const std::string jobs = endless() ? fmt::format("jobs for {}s", s_.load.duration_s)
                                       : plural(s_.load.jobs, "job", "jobs");
    switch (mode()) {
      case Mode::Pool:
        w_.comment(fmt::format("handle serves one request: {} on a pool of {}.", jobs,
                               plural(s_.pool.workers, "worker", "workers")));
        break;
      case Mode::Unbounded:
        w_.comment(fmt::format("handle serves one request: {}, one goroutine each.", jobs));
        break;
      case Mode::Errgroup:
        w_.comment(fmt::format("handle serves one request: {}, at most {} at a time.", jobs,
                               s_.pool.workers));
        break;
    }
  }

  void make_channels(bool jobs_channel) {
    if (endless()) {
      w_.line(Anchor::MainDeadline, fmt::format("deadline := time.Now().Add({})",
                                                go_duration(s_.load.duration_s * 1000)));
    }
    if (jobs_channel) {
      w_.line(Anchor::MainMakeJobs, fmt::format("jobs := make(chan int, {})", s_.pool.jobs_buffer));
    }
    w_.line(Anchor::MainMakeResults,
            fmt::format("results := make(chan int, {})", s_.pool.results_buffer));
    if (has_db()) {
      w_.line(Anchor::MainMakeDb,
              fmt::format("db := make(chan struct{{}}, {}) // a database with {}",
                          s_.pool.resource_limit,
                          plural(s_.pool.resource_limit, "connection", "connections")));
    }
    if (has_wg()) w_.line(Anchor::MainDeclareWg, "var wg sync.WaitGroup");
    w_.blank();
  }

  void handle_pool() {
    handle_doc();
    w_.open(Anchor::HandleFunc, "func handle() {");
    make_channels(true);

    std::string args = "w, jobs, results";
    if (has_db()) args += ", db";
    if (has_wg()) args += ", &wg";
    w_.open(fmt::format("for w := 1; w <= {}; w++ {{", s_.pool.workers));
    if (has_wg()) w_.line(Anchor::MainWgAddWorker, "wg.Add(1)");
    w_.line(Anchor::MainSpawnWorker, fmt::format("go worker({})", args));
    w_.close();
    w_.blank();

    if (collect() == Collect::CloserGoroutine) {
      closer(Anchor::MainStartCloser);
      w_.blank();
    }
    if (collect() == Collect::ProducerGoroutine) {
      w_.open(Anchor::MainStartProducer, "go func() {");
      send_jobs(Role::Producer);
      w_.close("}()");
      closer(Anchor::MainStartCloser);
    } else {
      send_jobs(Role::Main);
    }
    collect_results();
    w_.close();
    w_.blank();
  }

  void closer(Anchor start) {
    w_.open(start, "go func() {");
    w_.line(Anchor::CloserWait, "wg.Wait()");
    w_.line(Anchor::CloserClose, "close(results)");
    w_.close("}()");
  }

  // The loop that sends every job into `jobs`, then close(jobs) if the scenario does.
  void send_jobs(Role role) {
    const bool main = role == Role::Main;
    if (senders() == 1) {
      w_.open(job_loop(false));
      if (paced()) w_.line(main ? Anchor::MainArrive : Anchor::ProducerArrive, "arrive(j)");
      w_.line(main ? Anchor::MainSendJob : Anchor::ProducerSendJob, "jobs <- j");
      stat("stats.sent()");
      w_.close();
    } else {
      w_.line(Anchor::SendersDeclare, "var senders sync.WaitGroup");
      w_.open(fmt::format("for p := 1; p <= {}; p++ {{", senders()));
      w_.line(Anchor::SendersAdd, "senders.Add(1)");
      w_.open(Anchor::SendersStart, "go func(p int) {");
      w_.line(Anchor::SenderDone, "defer senders.Done()");
      w_.open(job_loop(true));
      if (paced()) w_.line(Anchor::SenderArrive, "arrive(j)");
      w_.line(Anchor::SenderSendJob, "jobs <- j");
      stat("stats.sent()");
      w_.close();
      w_.close("}(p)");
      w_.close();
      w_.line(Anchor::SendersWait, "senders.Wait()");
    }
    if (s_.pool.close_jobs) {
      w_.line(main ? Anchor::MainCloseJobs : Anchor::ProducerCloseJobs, "close(jobs)");
    }
  }

  // Main's part after the jobs are out: receive, wait and range, or return.
  void collect_results() {
    const int count = s_.pool.collect_count;
    switch (collect()) {
      case Collect::AfterSend:
        w_.blank();
        if (count == kCollectUntilClosed) {
          range_results(0);
        } else {
          const int n = count == kCollectAll ? s_.load.jobs : count;
          w_.open(fmt::format("for a := 1; a <= {}; a++ {{", n));
          w_.line(Anchor::MainRecvResult, "<-results");
          stat("stats.received()");
          w_.close();
        }
        break;
      case Collect::WaitThenRange:
        w_.blank();
        w_.line(Anchor::MainWgWait, "wg.Wait()");
        w_.line(Anchor::MainCloseResults, "close(results)");
        range_results(0);
        break;
      case Collect::CloserGoroutine:
        w_.blank();
        range_results(0);
        break;
      case Collect::ProducerGoroutine:
        w_.blank();
        range_results(count > 0 ? count : 0);
        break;
      case Collect::None:
        break;
    }
  }

  // `for range results`, returning early after `stop_after` results when > 0.
  void range_results(int stop_after) {
    if (stop_after > 0) w_.line("n := 0");
    w_.open(Anchor::MainRecvResult, "for range results {");
    stat("stats.received()");
    if (stop_after > 0) {
      w_.line("n++");
      w_.open(fmt::format("if n == {} {{", stop_after));
      w_.line(Anchor::MainReturnEarly, "return // enough results: leave early");
      w_.close();
    }
    w_.close();
  }

  // --- unbounded mode ---

  void handle_unbounded() {
    handle_doc();
    w_.open(Anchor::HandleFunc, "func handle() {");
    make_channels(false);
    if (collect() == Collect::ProducerGoroutine) {
      w_.open(Anchor::MainStartProducer, "go func() {");
      spawn_jobs(Role::Producer);
      w_.line(Anchor::ProducerWgWait, "wg.Wait()");
      w_.line(Anchor::ProducerCloseResults, "close(results)");
      w_.close("}()");
    } else {
      spawn_jobs(Role::Main);
      if (collect() == Collect::CloserGoroutine) closer(Anchor::MainStartCloser);
    }
    collect_results();
    w_.close();
    w_.blank();
  }

  // One goroutine per job; each works and sends its result.
  void spawn_jobs(Role role) {
    const bool main = role == Role::Main;
    w_.open(job_loop(false));
    if (paced()) w_.line(main ? Anchor::MainArrive : Anchor::ProducerArrive, "arrive(j)");
    if (has_wg()) w_.line(main ? Anchor::MainWgAdd : Anchor::ProducerWgAdd, "wg.Add(1)");
    w_.open(main ? Anchor::MainSpawnJob : Anchor::ProducerSpawnJob, "go func(j int) {");
    if (has_wg()) w_.line(Anchor::JobDone, "defer wg.Done()");
    if (has_db()) w_.line(Anchor::JobAcquireDb, "db <- struct{}{} // take a connection");
    w_.line(Anchor::JobWork, "work(j)");
    if (has_db()) w_.line(Anchor::JobReleaseDb, "<-db // give it back");
    w_.line(Anchor::JobSendResult, "results <- j * 2");
    w_.close("}(j)");
    stat("stats.sent()");
    w_.close();
  }

  // --- errgroup mode ---

  void handle_errgroup() {
    handle_doc();
    w_.open(Anchor::HandleFunc, "func handle() {");
    if (endless()) {
      w_.line(Anchor::MainDeadline, fmt::format("deadline := time.Now().Add({})",
                                                go_duration(s_.load.duration_s * 1000)));
    }
    w_.line(Anchor::ErrgroupWithContext, "g, ctx := WithContext(context.Background())");
    w_.line(Anchor::ErrgroupSetLimit, fmt::format("g.SetLimit({})", s_.pool.workers));
    if (endless()) {
      w_.line("var mu sync.Mutex");
      w_.line(Anchor::MainMakeResults, "var results []int");
    } else {
      w_.line(Anchor::MainMakeResults, fmt::format("results := make([]int, {})", s_.load.jobs));
    }
    if (has_db()) {
      w_.line(Anchor::MainMakeDb,
              fmt::format("db := make(chan struct{{}}, {}) // a database with {}",
                          s_.pool.resource_limit,
                          plural(s_.pool.resource_limit, "connection", "connections")));
    }
    w_.blank();
    w_.open(job_loop(false));
    if (paced()) w_.line(Anchor::MainArrive, "arrive(j)");
    w_.line("j := j");
    w_.open(Anchor::ErrgroupGo, "g.Go(func() error {");
    w_.open(Anchor::JobCheckCtx, "if ctx.Err() != nil {");
    stat("stats.skip()");
    w_.line(Anchor::JobSkip, "return ctx.Err() // cancelled before it started: skip");
    w_.close();
    if (has_db()) w_.line(Anchor::JobAcquireDb, "db <- struct{}{} // take a connection");
    w_.line(Anchor::JobWork, "r, err := process(ctx, j)");
    if (has_db()) w_.line(Anchor::JobReleaseDb, "<-db // give it back");
    stat("stats.done(err)");
    w_.open("if err != nil {");
    w_.line("return err");
    w_.close();
    if (endless()) {
      w_.line("mu.Lock()");
      w_.line(Anchor::JobStoreResult, "results = append(results, r)");
      w_.line("mu.Unlock()");
    } else {
      w_.line(Anchor::JobStoreResult, "results[j-1] = r");
    }
    w_.line("return nil");
    w_.close("})");
    stat("stats.sent()");
    w_.close();
    w_.open(Anchor::ErrgroupWait, "if err := g.Wait(); err != nil {");
    w_.line("fmt.Println(\"request failed:\", err)");
    stat("stats.setError(err)");
    w_.close();
    w_.close();
    w_.blank();
  }

  // --- main, work, arrive, random numbers ---

  void main_func() {
    w_.open("func main() {");
    stat("stats.begin()");
    if (!instrumented_ && computes()) w_.line("turnsPerNs = calibrate()");
    if (cpu()) w_.line(Anchor::MainSetCpus, fmt::format("runtime.GOMAXPROCS({})", s_.pool.cpus));
    if (s_.load.requests == 1) {
      w_.line(Anchor::MainCallHandle, "handle()");
    } else {
      w_.open(fmt::format("for r := 1; r <= {}; r++ {{", s_.load.requests));
      w_.line(Anchor::MainCallHandle, "handle()");
      w_.close();
    }
    if (instrumented_) w_.line(Anchor::MainReport, "stats.report()");
    w_.close();
    w_.blank();
  }

  // "an I/O wait (disk, network) of 1s", "CPU-bound, 0 to 4ms of computation (uniformly
  // distributed)".
  std::string work_description() const {
    if (!has_work_time()) return "instantaneous";
    const std::string mean = duration_text(s_.work.mean_ms);
    std::string amount = mean;
    std::string spread;
    if (s_.work.dist == WorkDist::Exponential) {
      amount = mean + " on average";
      spread = " (exponentially distributed)";
    } else if (s_.work.dist == WorkDist::Uniform) {
      amount = "0 to " + duration_text(2 * s_.work.mean_ms);
      spread = " (uniformly distributed)";
    }
    return cpu() ? fmt::format("CPU-bound, {} of computation{}", amount, spread)
                 : fmt::format("an I/O wait (disk, network) of {}{}", amount, spread);
  }

  // "time.Second" or "workTime(j)".
  std::string work_time_expr() const {
    return random_work() ? "workTime(j)" : go_duration(s_.work.mean_ms);
  }

  void payload_lines() {
    if (s_.work.payload_kb <= 0) return;
    w_.line(fmt::format("data := make([]byte, {}*1024) // the job's {} KiB payload",
                        s_.work.payload_kb, s_.work.payload_kb));
    w_.line("data[0] = byte(j)");
  }

  void work_func() {
    w_.comment(fmt::format("work does job j: {}.", work_description()));
    if (const std::string note = work_timing_note(s_); !note.empty()) w_.comment("Note: " + note);
    w_.open(Anchor::WorkFunc, "func work(j int) {");
    stat("defer stats.working()()");
    payload_lines();
    if (has_work_time()) {
      w_.line(Anchor::WorkSleep,
              fmt::format("{}({})", cpu() ? "compute" : "time.Sleep", work_time_expr()));
    }
    w_.close(Anchor::WorkEnd);
    w_.blank();
  }

  void process_func() {
    const bool fails = s_.pool.fail_job > 0;
    std::string doc = fmt::format("process does job j: {}. It stops early when ctx is cancelled.",
                                  work_description());
    if (fails) doc += fmt::format(" Job {} fails halfway through.", s_.pool.fail_job);
    w_.comment(doc);
    if (const std::string note = work_timing_note(s_); !note.empty()) w_.comment("Note: " + note);
    w_.open(Anchor::WorkFunc, "func process(ctx context.Context, j int) (int, error) {");
    stat("defer stats.working()()");
    payload_lines();
    if (has_work_time()) w_.line(fmt::format("d := {}", work_time_expr()));
    if (fails) {
      w_.open(fmt::format("if j == {} {{", s_.pool.fail_job));
      if (has_work_time()) {
        w_.line(Anchor::WorkFailWait, cpu() ? "compute(d / 2)" : "time.Sleep(d / 2)");
      }
      w_.line(Anchor::WorkFail, "return 0, fmt.Errorf(\"job %d failed\", j)");
      w_.close();
    }
    if (has_work_time()) {
      if (cpu()) {
        // The simulator's slices: ctx is checked before each max(d/50, 1ms) of work.
        w_.line("slice := d / 50");
        w_.open("if slice < time.Millisecond {");
        w_.line("slice = time.Millisecond");
        w_.close();
        w_.open("for left := d; left > 0; left -= slice {");
        w_.open("if ctx.Err() != nil {");
        w_.line(Anchor::WorkCancelled, "return 0, ctx.Err()");
        w_.close();
        w_.open("if left < slice {");
        w_.line("slice = left");
        w_.close();
        w_.line(Anchor::WorkSleep, "compute(slice)");
        w_.close();
        w_.line("return j * 2, nil");
      } else {
        w_.line(Anchor::WorkSleep, "select {");
        w_.line("case <-time.After(d):");
        w_.line("\treturn j * 2, nil");
        w_.line("case <-ctx.Done():");
        w_.line(Anchor::WorkCancelled, "\treturn 0, ctx.Err()");
        w_.line("}");
      }
    } else {
      w_.line("return j * 2, nil");
    }
    w_.close(Anchor::WorkEnd);
    w_.blank();
  }

  void arrive_func() {
    const double rate = s_.load.rate;
    const int p = senders();
    const double gap_ms = 1000.0 * p / rate;
    const std::string senders_note =
        p == 1 ? std::string{}
               : fmt::format(" Each of the {0} senders p sends jobs p, p+{0}, p+2*{0}...", p);
    switch (s_.load.arrival) {
      case Arrival::Constant:
        w_.comment(
            fmt::format("arrive waits until job j arrives: jobs come steadily, {:g} per "
                        "second, one every {} per sender.{}",
                        rate, duration_text(gap_ms), senders_note));
        break;
      case Arrival::Poisson:
        w_.comment(
            fmt::format("arrive waits until job j arrives: jobs come at random, {:g} per "
                        "second on average (a Poisson process).{}",
                        rate, senders_note));
        break;
      case Arrival::Burst:
        w_.comment(
            fmt::format("arrive waits until job j arrives: jobs come in bursts of {} per "
                        "sender, {:g} per second on average.{}",
                        s_.load.burst_size, rate, senders_note));
        break;
    }
    if (const std::string note = arrival_timing_note(s_); !note.empty()) {
      w_.comment("Note: " + note);
    }
    w_.open(Anchor::ArriveFunc, "func arrive(j int) {");
    stat("defer stats.waiting()()");
    switch (s_.load.arrival) {
      case Arrival::Constant:
        w_.line(Anchor::ArriveSleep, fmt::format("time.Sleep({})", go_duration(gap_ms)));
        break;
      case Arrival::Poisson:
        w_.line(Anchor::ArriveSleep,
                fmt::format("time.Sleep(exponential({}, draw(arrivalStream, j)))",
                            go_duration(gap_ms, true)));
        break;
      case Arrival::Burst: {
        const long long block = static_cast<long long>(s_.load.burst_size) * p;
        const std::string condition =
            p == 1 ? fmt::format("(j-1)%{} == 0", block) : fmt::format("(j-1)%{} < {}", block, p);
        w_.open(fmt::format("if {} {{", condition));
        w_.line(Anchor::ArriveSleep,
                fmt::format("time.Sleep({})", go_duration(gap_ms * s_.load.burst_size)));
        w_.close();
        break;
      }
    }
    w_.close();
    w_.blank();
  }

  void random_funcs() {
    if (!uses_exp() && !uses_uniform()) return;
    if (random_work()) {
      const bool exp = s_.work.dist == WorkDist::Exponential;
      w_.comment(fmt::format(
          "workTime is job j's work time: {}.",
          exp ? fmt::format("exponential with mean {}", duration_text(s_.work.mean_ms))
              : fmt::format("uniform between 0 and {}", duration_text(2 * s_.work.mean_ms))));
      w_.open("func workTime(j int) time.Duration {");
      if (exp) {
        w_.line(fmt::format("return exponential({}, draw(workStream, j))",
                            go_duration(s_.work.mean_ms, true)));
      } else {
        w_.line(fmt::format("return time.Duration(draw(workStream, j) * float64({}))",
                            go_duration(2 * s_.work.mean_ms, true)));
      }
      w_.close();
      w_.blank();
    }
    if (uses_exp()) {
      w_.comment(
          "exponential turns u in [0, 1) into an exponentially distributed duration with the "
          "given mean.");
      w_.open("func exponential(mean time.Duration, u float64) time.Duration {");
      w_.line("return time.Duration(-float64(mean) * math.Log(1-u))");
      w_.close();
      w_.blank();
    }
    w_.comment(
        "Job j's random numbers depend only on the seed, the stream and j, so they are the "
        "same whatever order goroutines run in, and the same, bit for bit, as Poolscope's "
        "simulator draws them.");
    w_.open("const (");
    w_.line(fmt::format("seed          = {}", s_.seed));
    w_.line("workStream    = 1");
    w_.line("arrivalStream = 2");
    w_.close(")");
    w_.blank();
    w_.comment(
        "draw returns job j's number in [0, 1) of a stream: the first output of xoshiro256** "
        "seeded through splitmix64 (by Blackman and Vigna), which needs only the second of "
        "its four state words; r<<7|r>>57 turns r left by 7 bits.");
    w_.open("func draw(stream, j int) float64 {");
    w_.line("x := uint64(seed) ^ uint64(stream)<<56 ^ uint64(j)*0xd1b54a32d192ed03");
    w_.line("var z uint64");
    w_.open("for i := 0; i < 2; i++ {");
    w_.line("x += 0x9e3779b97f4a7c15");
    w_.line("z = (x ^ x>>30) * 0xbf58476d1ce4e5b9");
    w_.line("z = (z ^ z>>27) * 0x94d049bb133111eb");
    w_.line("z ^= z >> 31");
    w_.close();
    w_.line("r := z * 5");
    w_.line("return float64((r<<7|r>>57)*9>>11) / (1 << 53)");
    w_.close();
    w_.blank();
  }

  // CPU-bound work as a fixed amount of computation, so that sharing a CPU lengthens it.
  void compute_funcs() {
    w_.comment(
        "compute keeps a CPU busy with the computation that takes d on an idle CPU of this "
        "machine: a fixed amount of work, so jobs that share a CPU (more of them than "
        "GOMAXPROCS) take longer, as in Poolscope's simulator.");
    w_.open("func compute(d time.Duration) {");
    w_.line("spin(int64(float64(d) * turnsPerNs))");
    w_.close();
    w_.blank();
    w_.comment("spin turns a loop n times; the result is kept so the compiler keeps the loop.");
    w_.open("func spin(n int64) {");
    w_.line("x := uint64(n)");
    w_.open("for i := int64(0); i < n; i++ {");
    w_.line("x = x*6364136223846793005 + 1442695040888963407");
    w_.close();
    w_.line("spun.Add(x)");
    w_.close();
    w_.blank();
    w_.line("var spun atomic.Uint64");
    w_.blank();
    w_.comment(fmt::format("turnsPerNs is how fast spin turns on this machine ({} measures it).",
                           instrumented_ ? "stats.begin" : "main"));
    w_.line("var turnsPerNs float64");
    w_.blank();
    w_.comment(
        "calibrate measures it: the fastest of 20 short rounds, so that a round slowed down "
        "by another process does not count.");
    w_.open("func calibrate() float64 {");
    w_.line("best := 0.0");
    w_.open("for round := 0; round < 20; round++ {");
    w_.line("start := time.Now()");
    w_.line("spin(1 << 20)");
    w_.open("if r := float64(1<<20) / float64(time.Since(start)); r > best {");
    w_.line("best = r");
    w_.close();
    w_.close();
    w_.line("return best");
    w_.close();
    w_.blank();
  }

  void errgroup_type();
  void stats_section();

  const Scenario& s_;
  bool instrumented_ = true;
  GoWriter w_;
};

//-----------------------------------------------------------------------------
// [SECTION] Fixed text: the errgroup type and the stats section
//-----------------------------------------------------------------------------

// golang.org/x/sync/errgroup as of v0.1-v0.2 (newer versions also record the cause with
// context.WithCancelCause, Go 1.20+; the behaviour is the same), minus TryGo.
constexpr std::string_view kGroupHead =
    R"(// Group is golang.org/x/sync/errgroup.Group written out, because this program
// must build without fetching modules. Same fields, same behaviour.
type Group struct {
	cancel  func()
	wg      sync.WaitGroup
	sem     chan token
	errOnce sync.Once
	err     error
}

type token struct{}

// WithContext returns a new Group and a context that is cancelled the first
// time a function passed to Go returns an error, or when Wait returns.
func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancel(ctx)
	return &Group{cancel: cancel}, ctx
}

// SetLimit makes Go block while n goroutines of the group are active.
func (g *Group) SetLimit(n int) {
	if n < 0 {
		g.sem = nil
		return
	}
	if len(g.sem) != 0 {
		panic(fmt.Errorf("errgroup: modify limit while %v goroutines in the group are still active", len(g.sem)))
	}
	g.sem = make(chan token, n)
}

// Go calls f in a new goroutine, after waiting for a free slot if the group
// has a limit. The first call to return an error cancels the context, and
// Wait will return that error.
func (g *Group) Go(f func() error) {
	if g.sem != nil {)";
// The anchored lines go between these pieces (see errgroup_type()).
constexpr std::string_view kGroupCall = R"(		defer g.done()
		if err := f(); err != nil {
			g.errOnce.Do(func() {
				g.err = err
				if g.cancel != nil {)";
constexpr std::string_view kGroupDone = R"(				}
			})
		}
	}()
}

func (g *Group) done() {
	if g.sem != nil {)";
constexpr std::string_view kGroupWait = R"(}

// Wait blocks until every call of Go has returned, then returns the first
// error, if any.
func (g *Group) Wait() error {)";
constexpr std::string_view kGroupEnd = R"(	}
	return g.err
}
)";

void Exporter::errgroup_type() {
  w_.verbatim(kGroupHead);
  w_.line(Anchor::GroupGoAcquire, "\t\tg.sem <- token{}");
  w_.verbatim("\t}");
  w_.line(Anchor::GroupGoAdd, "\tg.wg.Add(1)");
  w_.line(Anchor::GroupGoSpawn, "\tgo func() {");
  w_.verbatim(kGroupCall);
  w_.line(Anchor::GroupCancel, "\t\t\t\t\tg.cancel()");
  w_.verbatim(kGroupDone);
  w_.line(Anchor::GroupDoneRelease, "\t\t<-g.sem");
  w_.verbatim("\t}");
  w_.line(Anchor::GroupDoneWg, "\tg.wg.Done()");
  w_.verbatim(kGroupWait);
  w_.line(Anchor::GroupWaitWg, "\tg.wg.Wait()");
  w_.verbatim("\tif g.cancel != nil {");
  w_.line(Anchor::GroupWaitCancel, "\t\tg.cancel()");
  w_.verbatim(kGroupEnd);
  w_.blank();
}

// Errgroup mode only: job outcomes and the first error.
constexpr std::string_view kErrgroupStats =
    R"(// skip counts an errgroup job that found the context cancelled.
func (s *runStats) skip() {
	s.skipped.Add(1)
}

// done counts how an errgroup job that started ended.
func (s *runStats) done(err error) {
	switch {
	case err == nil:
		s.completedOK.Add(1)
	case err == context.Canceled:
		s.cancelled.Add(1)
	default:
		s.failed.Add(1)
	}
}

// setError keeps the first error a request returned.
func (s *runStats) setError(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.err == "" {
		s.err = err.Error()
	}
})";

constexpr std::string_view kStats =
    R"(// ---------------------------------------------------------------------------
// stats: measurements for Poolscope, which compares this run with its simulator.
// Not part of the lesson: the program behaves the same without them.

var stats runStats

type runStats struct {
	start         time.Time
	jobsSent      atomic.Int64
	results       atomic.Int64
	jobsDone      atomic.Int64
	inWork        atomic.Int64
	maxConcurrent atomic.Int64
	busy          atomic.Int64
	completedOK   atomic.Int64
	cancelled     atomic.Int64
	skipped       atomic.Int64
	failed        atomic.Int64
	mu            sync.Mutex
	err           string
}

// begin starts the run's clock.
func (s *runStats) begin() {
	s.start = time.Now()
}

// sent counts a job handed over (sent on jobs, or started).
func (s *runStats) sent() {
	s.jobsSent.Add(1)
}

// received counts a result main received.
func (s *runStats) received() {
	s.results.Add(1)
}

// working marks a job in work until the returned func runs.
func (s *runStats) working() func() {
	s.busy.Add(1)
	n := s.inWork.Add(1)
	for {
		max := s.maxConcurrent.Load()
		if n <= max || s.maxConcurrent.CompareAndSwap(max, n) {
			break
		}
	}
	return func() {
		s.inWork.Add(-1)
		s.jobsDone.Add(1)
		s.busy.Add(-1)
	}
}

// waiting marks a sender waiting for an arrival until the returned func runs.
func (s *runStats) waiting() func() {
	s.busy.Add(1)
	return func() {
		s.busy.Add(-1)
	}
}

// settle waits until no job is in work, no sender waits for an arrival, and
// the number of goroutines has not changed for 25 polls: the goroutines still
// alive then are blocked for good. It returns how many there are besides main.
func (s *runStats) settle() int {
	last, stable := -1, 0
	for stable < 25 {
		time.Sleep(2 * time.Millisecond)
		n := runtime.NumGoroutine()
		if n == last && s.busy.Load() == 0 {
			stable++
		} else {
			last, stable = n, 0
		}
	}
	return last - 1
}

type summary struct {
	Elapsed       time.Duration
	Results       int64
	Leaked        int
	JobsSent      int64
	JobsDone      int64
	MaxConcurrent int64
	Error         string
	CompletedOK   int64
	Cancelled     int64
	Skipped       int64
	Failed        int64
}

// report reads the run's figures where main calls it, that is where the program
// would end without the stats: what goroutines do later does not count. Then it
// waits for the goroutines to settle and prints the figures as one line of JSON
// (%q quotes the error as JSON would: its text is plain ASCII).
func (s *runStats) report() {
	out := summary{
		Elapsed:       time.Since(s.start),
		Results:       s.results.Load(),
		JobsSent:      s.jobsSent.Load(),
		JobsDone:      s.jobsDone.Load(),
		MaxConcurrent: s.maxConcurrent.Load(),
		Error:         s.err,
		CompletedOK:   s.completedOK.Load(),
		Cancelled:     s.cancelled.Load(),
		Skipped:       s.skipped.Load(),
		Failed:        s.failed.Load(),
	}
	out.Leaked = s.settle()
	fmt.Printf(`{"outcome":"completed","elapsed_ms":%s,"results":%d,"leaked":%d,`+
		`"jobs_sent":%d,"jobs_done":%d,"max_concurrent":%d,"error":%q,`+
		`"completed_ok":%d,"cancelled":%d,"skipped":%d,"failed":%d}`+"\n",
		millis(out.Elapsed), out.Results, out.Leaked, out.JobsSent, out.JobsDone,
		out.MaxConcurrent, out.Error, out.CompletedOK, out.Cancelled, out.Skipped,
		out.Failed)
}

// millis writes d in milliseconds, to the microsecond, as encoding/json writes
// a float64: 1504.25, 12, 0.5.
func millis(d time.Duration) string {
	us := d.Microseconds()
	text := fmt.Sprintf("%d.%03d", us/1000, us%1000)
	for strings.HasSuffix(text, "0") {
		text = strings.TrimSuffix(text, "0")
	}
	return strings.TrimSuffix(text, ".")
})";

void Exporter::stats_section() {
  std::string text(kStats);
  if (computes()) {
    // Measured in main, not at init: all programs of a parity batch share one binary,
    // whose start runs every package's init.
    const std::string clock = "\ts.start = time.Now()";
    text.insert(text.find(clock), "\tturnsPerNs = calibrate()\n");
  }
  if (mode() == Mode::Errgroup) {
    // Errgroup jobs can fail or be cancelled mid-work: only successes count as done, and
    // they are the results main reads after Wait.
    for (const std::string from :
         {"Results:       s.results.Load(),", "JobsDone:      s.jobsDone.Load(),"}) {
      const std::string to = from.substr(0, from.find("s.")) + "s.completedOK.Load(),";
      text.replace(text.find(from), from.size(), to);
    }
    // The job-outcome methods go before settle(), after the other recorders.
    const std::string before = "// settle waits";
    text.insert(text.find(before), std::string(kErrgroupStats) + "\n\n");
  }
  w_.verbatim(text);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] export_go
//-----------------------------------------------------------------------------

std::vector<std::string> go_timing_notes(const Scenario& s) {
  std::vector<std::string> notes;
  for (std::string note : {work_timing_note(s), arrival_timing_note(s)}) {
    if (!note.empty()) notes.push_back(std::move(note));
  }
  return notes;
}

GoProgram export_go(const Scenario& s, const GoExportOptions& options) {
  if (const auto problems = validate(s); !problems.empty()) {
    throw std::invalid_argument("export_go: invalid scenario: " + join_messages(problems));
  }
  if (!s.source.empty()) return GoProgram{.source = s.source, .lines = {}};  // the learner's
  return Exporter(s, options).run();
}

GoProgram export_go_plain(const Scenario& s) {
  return export_go(s, GoExportOptions{.instrumented = false});
}

}  // namespace poolscope::scenario
