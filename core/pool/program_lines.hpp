#pragma once
// ProgramLines: every Go line a simulated goroutine can stand on, resolved once from the
// exported listing.
//
// - Anchored statements come straight from GoProgram::line(Anchor).
// - A few statements the simulation must also name have no anchor of their own (the
//   `wg.Add(1)` before `go worker`, the lines inside the local errgroup type, the
//   half-time wait of the failing job). They are found by their exact text, searching
//   forward from a nearby anchor; the listing is generated, so the text is fixed.
// - 0 means "this program has no such line", as for anchors.
// - work_lines are the lines of the work function (`func work` / `func process`, from its
//   first line to the last line before its closing brace): a goroutine on one of them
//   is "in work", the span the Go export's stats.working() measures.
#include <string_view>
#include <vector>

#include "core/scenario/go_export.hpp"

namespace poolscope::pool {

struct ProgramLines {
  explicit ProgramLines(const scenario::GoProgram& program);

  // The line of an anchor (0: not in this program).
  [[nodiscard]] int operator[](scenario::Anchor anchor) const noexcept {
    return program_->line(anchor);
  }

  int wg_decl = 0;            // var wg sync.WaitGroup
  int worker_wg_add = 0;      // wg.Add(1)            before `go worker(...)`
  int senders_decl = 0;       // var senders sync.WaitGroup
  int senders_add = 0;        // senders.Add(1)
  int group_wg_add = 0;       // g.wg.Add(1)          in Group.Go
  int group_spawn = 0;        // go func() {          in Group.Go
  int group_call = 0;         // if err := f(); err != nil {
  int group_release = 0;      // <-g.sem              in Group.done
  int group_wg_done = 0;      // g.wg.Done()          in Group.done
  int group_wait_cancel = 0;  // g.cancel()           in Group.Wait
  int work_half = 0;          // the failing job's wait of d/2 (errgroup)
  std::vector<int> work_lines;

  // The first line after `from` (exclusive) whose text, without indentation, equals
  // `text`; 0 when there is none (or from is 0).
  [[nodiscard]] static int find_after(const scenario::GoProgram& program, int from,
                                      std::string_view text);

 private:
  const scenario::GoProgram* program_;
};

}  // namespace poolscope::pool
