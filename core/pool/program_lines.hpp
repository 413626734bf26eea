#pragma once
// ProgramLines: every Go line a simulated goroutine can stand on, as the exported
// listing's anchors give them.
//
// - lines[anchor] is GoProgram::line(anchor): 0 means "this program has no such line".
// - work_lines are the lines of the work function (`func work` / `func process`, from
//   Anchor::WorkFunc up to the line before its closing brace, Anchor::WorkEnd): a
//   goroutine on one of them is "in work", the span the Go export's stats.working()
//   measures.
// - Keeps a pointer to the program: it must outlive this object.
#include <vector>

#include "core/scenario/go_export.hpp"

namespace poolscope::pool {

struct ProgramLines {
  explicit ProgramLines(const scenario::GoProgram& program);

  // The line of an anchor (0: not in this program).
  [[nodiscard]] int operator[](scenario::Anchor anchor) const noexcept {
    return program_->line(anchor);
  }

  std::vector<int> work_lines;

 private:
  const scenario::GoProgram* program_;
};

}  // namespace poolscope::pool
