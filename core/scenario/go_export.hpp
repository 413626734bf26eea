#pragma once
// Go export: a scenario as a complete, runnable Go program, plus a map from named code
// anchors to the program's line numbers.
//
// The program:
// - is `package main` in one file, standard library only, gofmt-clean, and runs with
//   `go run main.go` (Go 1.19 or later) and with `poolscope-cli run-go`: it imports and
//   calls only what the Go subset's library has (fmt, runtime, strings, sync,
//   sync/atomic, time, and context, math where needed; no encoding/json, math/bits,
//   os or runtime.Stack);
// - mirrors the scenario: `make(chan int, 5)` for jobs_buffer 5, the worker count, a
//   `close(jobs)` or none, the collection strategy, a `db` semaphore channel for
//   resource_limit, time.Sleep (io) or a busy loop with runtime.GOMAXPROCS (cpu) for the
//   work, the arrival pacing, and the requests loop. Errgroup mode carries a small local
//   `Group` type with golang.org/x/sync/errgroup's semantics (a semaphore channel for
//   SetLimit, the context cancelled once on the first error, Wait returning that error),
//   since the module cannot be fetched offline;
// - reads top to bottom like the lesson: worker, handler, main, the work, then helpers;
//   lines calling `stats.` and the "stats" section at the end only measure the run;
// - after the last request (where main would return and the program end) reads its
//   figures, then waits until goroutines settle (no job in work, no sender waiting for
//   an arrival, runtime.NumGoroutine() unchanged for 25 polls 2 ms apart) to count the
//   leaked ones, and prints ONE final line of JSON on stdout (with fmt.Printf, byte for
//   byte what encoding/json would write):
//     {"outcome":"completed","elapsed_ms":E,"results":R,"leaked":L,"jobs_sent":S,
//      "jobs_done":D,"max_concurrent":M,"error":"","completed_ok":C,"cancelled":X,
//      "skipped":K,"failed":F}
//   Every figure but leaked is as of main's return (what goroutines do while it settles
//   does not count), as PoolRun's Summary has them;
//   elapsed_ms = wall-clock ms from the program's start to that return (PoolRun's
//   virtual_ms, plus Go's own overhead);
//   results = results main received (errgroup: jobs that succeeded), summed over requests;
//   leaked = goroutines other than main still alive after settling (the program prints
//   no stacks: run-go lists where they wait, and the Go runner of the tests writes
//   them after main returns); jobs_done = jobs whose work ran to its end (errgroup: completed_ok);
//   max_concurrent = most jobs in work at one instant (inside the db semaphore);
//   the last four are 0 outside errgroup mode; error is errgroup's first error or "".
// - A deadlock is Go's own: "fatal error: all goroutines are asleep - deadlock!" on
//   stderr, exit status 2. The handler keeps no timer pending while it blocks (pacing
//   uses time.Sleep, never a Ticker; the settle poll runs only after the last request),
//   so Go detects the deadlock exactly when the lesson says there is one. A panic is
//   Go's own too ("panic: ...", exit status 2).
//
// Not in the export: live worker-count and rate changes (the GUI's business; the listing
// shows the values at export time), load shedding.
//
// Plain listing ("Open as code": GoExportOptions{.instrumented = false}, export_go_plain):
// the same program as a learner would write it, without the measuring. It is the listing
// above with exactly these differences:
// - no line calling `stats.`, no stats section (and its `// ---` rule), no header
//   sentence about them, no trailing blank line; CPU-bound work measures its pace with
//   `turnsPerNs = calibrate()` as main's first line instead of inside stats.begin();
// - imports only what is left in use (fmt only where the program prints or makes an
//   error: errgroup mode; never strings; no import block when nothing is left), so it
//   still builds; the comment on turnsPerNs says main measures it;
// - every other line is the same text in the same order (gofmt-clean as the export is),
//   so it runs the same way: same deadlock or panic, same output but for the JSON summary
//   line (it prints none) and the line numbers of tracebacks, main returning at the same
//   (virtual) time. Leaked goroutines: the same, except that `run-go` counts those
//   blocked when main returns, and the export's settling first lets jobs still in work
//   block; with work in flight at main's return (an early return) it lists fewer;
// - the same anchors resolve, but for MainReport (always 0), at their lines in it.
//
// Anchors: each Anchor names one line of the listing that a goroutine can be on; line()
// gives its 1-based number in `source`, or 0 when this scenario's program has no such
// line (e.g. WorkerAcquireDb without a resource limit). Every anchor the scenario's mode
// and collection strategy use resolves. One anchor is no statement: WorkEnd, the closing
// brace of the work function, marks where its lines end.
#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario/scenario.hpp"

namespace poolscope::scenario {

enum class Anchor {
  // main() and the handler
  MainSetCpus,        // runtime.GOMAXPROCS(P)                      (work.kind cpu)
  MainCallHandle,     // handle()                                   in main
  MainReport,         // stats.report()                             in main
  HandleFunc,         // func handle() {
  MainDeadline,       // deadline := time.Now().Add(...)            (endless load)
  MainMakeJobs,       // jobs := make(chan int, B)                  (pool mode)
  MainMakeResults,    // results := make(chan int, B) / make([]int, N)
  MainMakeDb,         // db := make(chan struct{}, S)               (resource_limit)
  MainDeclareWg,      // var wg sync.WaitGroup                      (a WaitGroup in the handler)
  MainWgAddWorker,    // wg.Add(1)                                  before `go worker` (pool mode)
  MainSpawnWorker,    // go worker(w, jobs, results...)             (pool mode)
  MainStartCloser,    // go func() {  of the closer goroutine
  MainStartProducer,  // go func() {  of the producer goroutine
  MainArrive,         // arrive(j)                                  main pacing its sends
  MainSendJob,        // jobs <- j                                  main sending
  MainCloseJobs,      // close(jobs)                                main closing
  MainWgAdd,          // wg.Add(1)                                  (unbounded, by main)
  MainSpawnJob,       // go func(j int) {                           (unbounded, by main)
  MainWgWait,         // wg.Wait()                                  (wait_then_range)
  MainCloseResults,   // close(results)                             (wait_then_range)
  MainRecvResult,     // <-results, or `for range results {`        (collecting)
  MainReturnEarly,    // return                                     (early return)
  // worker goroutines (pool mode)
  WorkerFunc,        // func worker(...) {
  WorkerDone,        // defer wg.Done()
  WorkerRange,       // for j := range jobs {
  WorkerAcquireDb,   // db <- struct{}{}
  WorkerWork,        // work(j)
  WorkerReleaseDb,   // <-db
  WorkerSendResult,  // results <- j * 2
  // job goroutines (unbounded and errgroup modes)
  JobDone,         // defer wg.Done()                            (unbounded)
  JobCheckCtx,     // if ctx.Err() != nil {                      (errgroup)
  JobSkip,         // return ctx.Err()                           (errgroup, skipped job)
  JobAcquireDb,    // db <- struct{}{}
  JobWork,         // work(j) / r, err := process(ctx, j)
  JobReleaseDb,    // <-db
  JobSendResult,   // results <- j * 2                           (unbounded)
  JobStoreResult,  // results[j-1] = r                           (errgroup)
  // errgroup mode, in the handler and in the local Group type
  ErrgroupWithContext,  // g, ctx := WithContext(context.Background())
  ErrgroupSetLimit,     // g.SetLimit(n)
  ErrgroupGo,           // g.Go(func() error {                    in the handler
  ErrgroupWait,         // if err := g.Wait(); err != nil {       in the handler
  GroupGoAcquire,       // g.sem <- token{}                       where g.Go blocks at the limit
  GroupWaitWg,          // g.wg.Wait()                            where g.Wait blocks
  GroupCancel,          // g.cancel()                             first error cancels the context
  GroupGoAdd,           // g.wg.Add(1)                            in Group.Go
  GroupGoSpawn,         // go func() {                            in Group.Go
  GroupDoneRelease,     // <-g.sem                                in Group.done
  GroupDoneWg,          // g.wg.Done()                            in Group.done
  GroupWaitCancel,      // g.cancel()                             in Group.Wait
  // the producer goroutine (collect producer_goroutine)
  ProducerArrive,        // arrive(j)
  ProducerSendJob,       // jobs <- j                              (pool mode)
  ProducerCloseJobs,     // close(jobs)                            (pool mode)
  ProducerWgAdd,         // wg.Add(1)                              (unbounded)
  ProducerSpawnJob,      // go func(j int) {                       (unbounded)
  ProducerWgWait,        // wg.Wait()                              (unbounded: it closes results)
  ProducerCloseResults,  // close(results)                         (unbounded)
  // several senders (load.producers > 1, pool mode), started by main or the producer
  SendersDeclare,  // var senders sync.WaitGroup
  SendersAdd,      // senders.Add(1)
  SendersStart,    // go func(p int) {
  SenderDone,      // defer senders.Done()
  SenderArrive,    // arrive(j)
  SenderSendJob,   // jobs <- j
  SendersWait,     // senders.Wait()
  // the closer goroutine (wait on the workers, then close results)
  CloserWait,   // wg.Wait()
  CloserClose,  // close(results)
  // helpers
  WorkFunc,       // func work(j int) { / func process(ctx context.Context, j int) (int, error) {
  WorkSleep,      // the line that takes the work time: time.Sleep, the busy loop, the select
  WorkFail,       // return 0, fmt.Errorf(...)                 (errgroup, the failing job)
  WorkCancelled,  // return 0, ctx.Err()                      (errgroup, cancelled mid-work)
  WorkFailWait,   // time.Sleep(d / 2) or its busy loop        (errgroup: the failing job's wait)
  WorkEnd,        // }  closing work / process: the work's lines are WorkFunc up to this one
  ArriveFunc,     // func arrive(j int) {
  ArriveSleep,    // time.Sleep(...)                            waiting for the next arrival
  Count,          // the number of anchors, not an anchor
};

inline constexpr std::size_t kAnchorCount = static_cast<std::size_t>(Anchor::Count);

// "WorkerRange" for Anchor::WorkerRange.
std::string_view anchor_name(Anchor anchor) noexcept;

struct GoProgram {
  std::string source;                     // the complete main.go
  std::array<int, kAnchorCount> lines{};  // 1-based line per anchor; 0 = not in this program

  // The 1-based line of `anchor`, or 0 when this program has no such line.
  int line(Anchor anchor) const noexcept { return lines[static_cast<std::size_t>(anchor)]; }
  bool has(Anchor anchor) const noexcept { return line(anchor) > 0; }
  // The text of a 1-based line without its indentation, "" when out of range.
  std::string_view line_text(int line_number) const noexcept;
};

// Go's timers fire no sooner than about this long after they are set (measured with
// go1.19 on Linux: time.Sleep(10 * time.Microsecond) sleeps 0.6 to 0.8 ms), so a shorter
// wait takes longer in real Go than in the simulator.
inline constexpr double kGoTimerResolutionMs = 1.0;

// One sentence for each of the scenario's waits that real Go cannot show at their length
// (I/O work or arrival gaps below kGoTimerResolutionMs), empty when there is none. The
// listing carries them as comments on the function that waits; the app shows them.
std::vector<std::string> go_timing_notes(const Scenario& s);

struct GoExportOptions {
  // true: with the measuring (stats lines and section, the JSON summary); false: the
  // plain listing described above.
  bool instrumented = true;
};

// The Go program of `s`: for a scenario with a source (Scenario::source), that source as it
// is, with no anchors, in both forms. Precondition: validate(s) is empty; throws
// std::invalid_argument with the problems otherwise.
GoProgram export_go(const Scenario& s, const GoExportOptions& options = {});

// export_go(s, {.instrumented = false}): the plain listing for "Open as code".
GoProgram export_go_plain(const Scenario& s);

}  // namespace poolscope::scenario
