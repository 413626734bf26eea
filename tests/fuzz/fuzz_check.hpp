#pragma once
// What every fuzz target checks besides "no crash, no leak, no hang" (the sanitizers and
// libFuzzer's -timeout see to those): each message a loader gives is printable UTF-8 of a
// bounded length, so no input can echo megabytes or invalid bytes back to the user.
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "core/util/read_file.hpp"

namespace poolscope::fuzz {

inline constexpr std::size_t kMaxMessageLine = 2000;

// Stops the fuzzer (an abort is a finding) when `ok` is false.
inline void require(bool ok, const char* what, std::string_view detail = {}) {
  if (ok) return;
  std::fprintf(stderr, "fuzz check failed: %s: %.*s\n", what, static_cast<int>(detail.size()),
               detail.data());
  std::abort();
}

// Each line of `messages` is valid UTF-8 and at most kMaxMessageLine bytes.
inline void check_messages(std::string_view messages) {
  require(util::is_utf8(messages), "a message is not UTF-8", messages.substr(0, 300));
  while (!messages.empty()) {
    const auto end = messages.find('\n');
    const auto line = messages.substr(0, end);
    require(line.size() <= kMaxMessageLine, "a message line is too long", line.substr(0, 300));
    if (end == std::string_view::npos) break;
    messages.remove_prefix(end + 1);
  }
}

}  // namespace poolscope::fuzz
