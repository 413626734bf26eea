#pragma once
// POOLSCOPE_CHECK: an assertion that stays on in release builds.
//
// For misuse of the engine's C++ API (a programmer error: an operation outside a
// goroutine, an unknown id, events out of order). It prints where and why, then aborts.
// Faults of the simulated Go program are never checks: they are outcomes.
// Hot inner loops use plain assert (debug builds only).
#include <cstdio>
#include <cstdlib>

#define POOLSCOPE_CHECK(cond, msg)                                                              \
  do {                                                                                          \
    if (!(cond)) [[unlikely]] {                                                                 \
      std::fprintf(stderr, "%s:%d: poolscope check failed: %s (%s)\n", __FILE__, __LINE__, msg, \
                   #cond);                                                                      \
      std::abort();                                                                             \
    }                                                                                           \
  } while (false)
