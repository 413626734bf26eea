#include "core/pool/program_lines.hpp"

#include <string>
#include <vector>

namespace poolscope::pool {

using scenario::Anchor;

namespace {

// The listing cut into lines, indentation kept; lines[0] is line 1.
std::vector<std::string_view> split_lines(const std::string& source) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < source.size()) {
    std::size_t end = source.find('\n', start);
    if (end == std::string::npos) end = source.size();
    lines.emplace_back(source.data() + start, end - start);
    start = end + 1;
  }
  return lines;
}

std::string_view trimmed(std::string_view line) {
  while (!line.empty() && line.front() == '\t') line.remove_prefix(1);
  return line;
}

int find_in(const std::vector<std::string_view>& lines, int from, std::string_view text) {
  if (from <= 0) return 0;
  for (auto n = static_cast<std::size_t>(from); n < lines.size(); ++n) {
    if (trimmed(lines[n]) == text) return static_cast<int>(n) + 1;
  }
  return 0;
}

}  // namespace

int ProgramLines::find_after(const scenario::GoProgram& program, int from, std::string_view text) {
  return find_in(split_lines(program.source), from, text);
}

ProgramLines::ProgramLines(const scenario::GoProgram& program) : program_(&program) {
  const std::vector<std::string_view> lines = split_lines(program.source);
  const auto after = [&lines](int from, std::string_view text) {
    return find_in(lines, from, text);
  };
  const int handle = program.line(Anchor::HandleFunc);
  wg_decl = after(handle, "var wg sync.WaitGroup");
  if (program.has(Anchor::MainSpawnWorker)) {
    const int add = after(handle, "wg.Add(1)");
    if (add != 0 && add < program.line(Anchor::MainSpawnWorker)) worker_wg_add = add;
  }
  senders_decl = after(handle, "var senders sync.WaitGroup");
  senders_add = after(senders_decl, "senders.Add(1)");

  const int acquire = program.line(Anchor::GroupGoAcquire);
  group_wg_add = after(acquire, "g.wg.Add(1)");
  group_spawn = after(acquire, "go func() {");
  group_call = after(acquire, "if err := f(); err != nil {");
  const int cancel = program.line(Anchor::GroupCancel);
  group_release = after(cancel, "<-g.sem");
  group_wg_done = after(cancel, "g.wg.Done()");
  group_wait_cancel = after(program.line(Anchor::GroupWaitWg), "g.cancel()");

  const int work = program.line(Anchor::WorkFunc);
  if (work != 0) {
    auto end = static_cast<int>(lines.size()) + 1;  // the closing brace, at column 0
    for (auto n = static_cast<std::size_t>(work); n < lines.size(); ++n) {
      if (lines[n] == "}") {
        end = static_cast<int>(n) + 1;
        break;
      }
    }
    for (int n = work; n < end; ++n) {
      work_lines.push_back(n);
      const std::string_view text = trimmed(lines[static_cast<std::size_t>(n - 1)]);
      if (work_half == 0 && n > work &&
          (text == "time.Sleep(d / 2)" ||
           text == "for start := time.Now(); time.Since(start) < d/2; {")) {
        work_half = n;
      }
    }
  }
}

}  // namespace poolscope::pool
