#include "core/pool/program_lines.hpp"

namespace poolscope::pool {

using scenario::Anchor;

ProgramLines::ProgramLines(const scenario::GoProgram& program) : program_(&program) {
  const int work = program.line(Anchor::WorkFunc);
  for (int n = work; n != 0 && n < program.line(Anchor::WorkEnd); ++n) work_lines.push_back(n);
}

}  // namespace poolscope::pool
