#include "core/util/process.hpp"

#include <cstdlib>
#include <fstream>
#include <string>

namespace poolscope::util {

long peak_rss_kib() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::strtol(line.c_str() + 6, nullptr, 10);
  }
  return -1;
}

}  // namespace poolscope::util
