#include "core/util/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace poolscope::util {

namespace {

// What a non-regular file is, for "x is a folder, not a scenario file".
std::string_view file_type_name(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// Closes the descriptor on every path out of read_text_file.
struct Fd {
  int fd = -1;
  explicit Fd(int descriptor) : fd(descriptor) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

std::string mib(std::size_t bytes) {
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

// Length of the UTF-8 sequence that starts at text[i], or 0 when it is not valid.
std::size_t utf8_length(std::string_view text, std::size_t i) noexcept {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b = byte(i);
  if (b < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b >= 0xC2 && b <= 0xDF) {
    n = 2;
  } else if (b >= 0xE0 && b <= 0xEF) {
    n = 3;
    if (b == 0xE0) lo = 0xA0;  // overlong
    if (b == 0xED) hi = 0x9F;  // surrogates
  } else if (b >= 0xF0 && b <= 0xF4) {
    n = 4;
    if (b == 0xF0) lo = 0x90;  // overlong
    if (b == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k) {
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  }
  return n;
}

}  // namespace

FileText read_file_bytes(const std::filesystem::path& path, std::string_view kind,
                         std::size_t max_bytes) {
  FileText out;
  const std::string name = path.string();
  // O_NONBLOCK: opening a FIFO with no writer must not wait; O_NOCTTY: a terminal path
  // must not become our controlling terminal.
  Fd file{::open(name.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)};
  if (file.fd < 0) {
    const int error = errno;
    out.missing = error == ENOENT;
    out.error = fmt::format("{}: cannot open the {}: {}", name, kind, std::strerror(error));
    return out;
  }
  struct stat st {};
  if (::fstat(file.fd, &st) != 0) {
    out.error = fmt::format("{}: cannot read the {}: {}", name, kind, std::strerror(errno));
    return out;
  }
  if (!S_ISREG(st.st_mode)) {
    out.error = fmt::format("{} is {}, not a {}", name, file_type_name(st.st_mode), kind);
    return out;
  }
  const auto too_big = [&](std::size_t size) {
    return fmt::format("{} is {} ({} bytes), more than the {} a {} may have", name, mib(size), size,
                       mib(max_bytes), kind);
  };
  if (st.st_size > 0 && static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    out.error = too_big(static_cast<std::size_t>(st.st_size));
    return out;
  }
  std::string text;
  text.reserve(static_cast<std::size_t>(st.st_size));
  char buffer[65536];
  // One byte past the limit tells a file that grew while it was read from one that fits.
  while (text.size() <= max_bytes) {
    const std::size_t want = std::min(sizeof buffer, max_bytes + 1 - text.size());
    const ssize_t n = ::read(file.fd, buffer, want);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      out.error = fmt::format("{}: cannot read the {}: {}", name, kind, std::strerror(errno));
      return out;
    }
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  if (text.size() > max_bytes) {
    out.error = too_big(text.size());
    return out;
  }
  out.text = std::move(text);
  return out;
}

FileText read_text_file(const std::filesystem::path& path, std::string_view kind,
                        std::size_t max_bytes) {
  FileText out = read_file_bytes(path, kind, max_bytes);
  if (!out.ok()) return out;
  if (const std::size_t bad = invalid_utf8_at(out.text); bad != std::string_view::npos) {
    const TextPosition p = position_of(out.text, bad);
    out.error = fmt::format("{}:{}:{}: the {} is not UTF-8 text (byte 0x{:02X}); save it as UTF-8",
                            path.string(), p.line, p.column, kind,
                            static_cast<unsigned char>(out.text[bad]));
    out.text.clear();
  }
  return out;
}

TextPosition position_of(std::string_view text, std::size_t byte) {
  TextPosition p;
  const std::size_t end = std::min(byte, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((c & 0xC0) != 0x80) {  // a UTF-8 continuation byte is not a new column
      ++p.column;
    }
  }
  return p;
}

std::size_t invalid_utf8_at(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t n = utf8_length(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::string printable(std::string_view text, std::size_t max_chars) {
  // Where the text is cut when it has more than max_chars characters.
  const std::size_t keep = max_chars > 3 ? max_chars - 3 : 0;
  std::size_t cut = 0;
  std::size_t chars = 0;
  std::size_t scanned = 0;
  while (scanned < text.size() && chars < max_chars) {
    if (chars == keep) cut = scanned;
    scanned += std::max<std::size_t>(1, utf8_length(text, scanned));
    ++chars;
  }
  const std::size_t end = scanned >= text.size() ? text.size() : cut;
  std::string out;
  for (std::size_t i = 0; i < end;) {
    const std::size_t n = utf8_length(text, i);
    const auto c = static_cast<unsigned char>(text[i]);
    if (n == 0 || c < 0x20 || c == 0x7F) {
      out += fmt::format("\\x{:02X}", c);
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  if (end < text.size()) out += "...";
  return out;
}

}  // namespace poolscope::util
