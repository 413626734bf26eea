#pragma once
// DiskFullAfter: while it lives, every file written through util::AtomicFile (in this
// process and in the programs it starts) fails with ENOSPC past `bytes`, as on a full
// disk (POOLSCOPE_FAIL_WRITES_AFTER, core/util/atomic_file.hpp).
#include <stdlib.h>

#include <cstddef>
#include <string>

namespace poolscope::test {

class DiskFullAfter {
 public:
  explicit DiskFullAfter(std::size_t bytes) {
    ::setenv("POOLSCOPE_FAIL_WRITES_AFTER", std::to_string(bytes).c_str(), 1);
  }
  ~DiskFullAfter() { ::unsetenv("POOLSCOPE_FAIL_WRITES_AFTER"); }
  DiskFullAfter(const DiskFullAfter&) = delete;
  DiskFullAfter& operator=(const DiskFullAfter&) = delete;
};

}  // namespace poolscope::test
