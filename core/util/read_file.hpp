#pragma once
// The one way Poolscope reads a file a user gives it (scenario, lesson, prefs, and any
// later text input): whole, bounded, and never blocking.
//
// - read_text_file() opens the path without blocking (O_NONBLOCK, so a FIFO never waits
//   for a writer), then looks at what it opened: only a regular file is read. A folder,
//   a FIFO, a device such as /dev/zero or a socket gives a message such as
//   "x.json is a folder, not a scenario file", never a read.
// - At most `max_bytes` are read (kMaxTextFileBytes, 16 MiB, by default: the largest
//   shipped lesson is a few KiB, so 16 MiB leaves room for any hand-written file and
//   still bounds memory). A longer file, or one that grows while it is read, is refused
//   with its size and the limit.
// - The text must be UTF-8: the first invalid byte is reported with its line and column.
// - Nothing here throws on bad input; every message starts with the file's path.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace poolscope::util {

inline constexpr std::size_t kMaxTextFileBytes = std::size_t{16} * 1024 * 1024;

struct FileText {
  std::string text;      // the whole file when error is ""
  std::string error;     // "" on success, else one line naming the file
  bool missing = false;  // the path does not exist (a caller may treat that as "none")

  [[nodiscard]] bool ok() const noexcept { return error.empty(); }
};

// Reads `path` whole. `kind` names the file in messages: "scenario file", "lesson file".
FileText read_text_file(const std::filesystem::path& path, std::string_view kind,
                        std::size_t max_bytes = kMaxTextFileBytes);
// The same for a file that is not text (an image): every check but UTF-8's.
FileText read_file_bytes(const std::filesystem::path& path, std::string_view kind,
                         std::size_t max_bytes = kMaxTextFileBytes);

// 1-based line and column of byte offset `byte` in `text` (offsets past the end clamp).
// Columns count characters: a UTF-8 sequence is one column.
struct TextPosition {
  int line = 1;
  int column = 1;
};
TextPosition position_of(std::string_view text, std::size_t byte);

// The offset of the first byte that is not part of valid UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or std::string_view::npos.
std::size_t invalid_utf8_at(std::string_view text) noexcept;
inline bool is_utf8(std::string_view text) noexcept {
  return invalid_utf8_at(text) == std::string_view::npos;
}

// `text` made safe and short for a message: at most `max_chars` characters, cut with
// "..." (never inside a UTF-8 sequence); control characters and bytes that are not
// UTF-8 are written as \xNN. So a 10 MB value never becomes a 10 MB message line.
std::string printable(std::string_view text, std::size_t max_chars = 60);

}  // namespace poolscope::util
