#pragma once
// The presets that run one of the built-in pool programs: every preset but the one whose
// program is the learner's own Go source (your-own-pool). Tests of the pool programs, of
// their exported listings and of their roles and lines iterate these; the learner's
// program has its own tests (tests/pool/source_run_test.cpp, the lesson's tests).
#include <vector>

#include "core/scenario/presets.hpp"

namespace poolscope::test {

inline std::vector<scenario::Scenario> builtin_presets() {
  std::vector<scenario::Scenario> out;
  for (const scenario::Scenario& p : scenario::presets()) {
    if (p.source.empty()) out.push_back(p);
  }
  return out;
}

}  // namespace poolscope::test
