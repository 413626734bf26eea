#include "core/util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <random>

namespace poolscope::util {

namespace fs = std::filesystem;

namespace {
constexpr std::size_t kBufferBytes = std::size_t{64} * 1024;
constexpr int kNameTries = 100;

// Six random letters and digits, for a name nobody can predict.
std::string random_tag() {
  constexpr std::string_view kChars =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::random_device device;
  std::uniform_int_distribution<std::size_t> pick(0, kChars.size() - 1);
  std::string tag(6, ' ');
  for (char& c : tag) c = kChars[pick(device)];
  return tag;
}

// Creates a new file at a fresh name made by `name` (given a random tag); the descriptor
// or -1 with errno set.
template <typename Name>
int create_exclusive(Name name, mode_t mode, fs::path& created) {
  for (int i = 0; i < kNameTries; ++i) {
    const fs::path candidate = name(random_tag());
    const int fd =
        ::open(candidate.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
    if (fd >= 0) {
      created = candidate;
      return fd;
    }
    if (errno != EEXIST) return -1;
  }
  errno = EEXIST;
  return -1;
}

// POOLSCOPE_FAIL_WRITES_AFTER=N (tests): the byte count past which writes fail.
std::size_t fault_limit() {
  const char* text = std::getenv("POOLSCOPE_FAIL_WRITES_AFTER");
  std::size_t limit = std::numeric_limits<std::size_t>::max();
  if (text == nullptr) return limit;
  const char* end = text + std::strlen(text);
  if (std::from_chars(text, end, limit).ptr != end) return std::numeric_limits<std::size_t>::max();
  return limit;
}

// Writes all of `data`; false with errno set on failure.
bool write_all(int fd, std::string_view data, std::size_t& written) {
  const std::size_t limit = fault_limit();
  while (!data.empty()) {
    if (written + data.size() > limit) {
      errno = ENOSPC;
      return false;
    }
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) {
      errno = ENOSPC;
      return false;
    }
    written += static_cast<std::size_t>(n);
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void sync_folder(const fs::path& dir) {
  if (const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
    ::fsync(dfd);  // makes the rename durable; a failure here loses nothing
    ::close(dfd);
  }
}

fs::path folder_of(const fs::path& path) {
  return path.has_parent_path() ? path.parent_path() : fs::path(".");
}
}  // namespace

fs::path follow_symlinks(const fs::path& path) {
  fs::path p = path;
  for (int depth = 0; depth < 40; ++depth) {
    std::error_code ec;
    if (!fs::is_symlink(fs::symlink_status(p, ec))) return p;
    const fs::path link = fs::read_symlink(p, ec);
    if (ec) return p;
    p = link.is_absolute() ? link : folder_of(p) / link;
  }
  return p;
}

AtomicFile::AtomicFile(const fs::path& target, Options options)
    : shown_(target), target_(follow_symlinks(target)) {
  struct stat existing = {};
  mode_t mode = 0666;  // less the umask, as for any new file
  // stat() through the kernel, which also knows /proc's links (/dev/stdout to a pipe).
  if (::stat(shown_.c_str(), &existing) == 0) {
    if (S_ISDIR(existing.st_mode)) {
      fail(EISDIR);
      return;
    }
    if (!S_ISREG(existing.st_mode)) {
      // A pipe or a device (/dev/stdout, /dev/null): nothing to keep whole, and nothing
      // may be renamed over it. Written in place.
      if (options.keep_extension) {
        fail(EINVAL);
        return;
      }
      fd_ = ::open(shown_.c_str(), O_WRONLY | O_CLOEXEC);
      if (fd_ < 0) fail(errno);
      return;
    }
    target_existed_ = true;
    mode = existing.st_mode & 07777;
  }
  const fs::path dir = folder_of(target_);
  const std::string name = target_.filename().string();
  const std::string stem = target_.stem().string();
  const std::string extension = target_.extension().string();
  const auto temp_name = [&](const std::string& tag) {
    return options.keep_extension ? dir / fmt::format(".{}.partial-{}{}", stem, tag, extension)
                                  : dir / fmt::format(".{}.{}", name, tag);
  };
  // A new file gets the permissions of any new file (0666 less the umask); a replaced one
  // keeps its own, set once the temporary is private to us.
  fd_ = create_exclusive(temp_name, target_existed_ ? 0600 : mode, temp_);
  if (fd_ < 0) {
    fail(errno);
    return;
  }
  if (target_existed_ && ::fchmod(fd_, mode) != 0) fail(errno);
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::fail(int error) {
  if (!error_.empty()) return;
  error_ = fmt::format("cannot write {}: {}{}", shown_.string(), std::strerror(error),
                       target_existed_ ? "; the old file is unchanged" : "");
  discard();
}

void AtomicFile::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  temp_.clear();
  buffer_.clear();
}

bool AtomicFile::flush() {
  if (!ok() || fd_ < 0) return false;
  if (!write_all(fd_, buffer_, written_)) {
    fail(errno);
    return false;
  }
  buffer_.clear();
  return true;
}

bool AtomicFile::write(std::string_view data) {
  if (!ok() || fd_ < 0) return false;
  buffer_.append(data);
  return buffer_.size() < kBufferBytes || flush();
}

std::string AtomicFile::commit() {
  if (!ok()) return error_;
  if (fd_ < 0) {
    error_ = fmt::format("cannot write {}: already written", shown_.string());
    return error_;
  }
  if (!flush()) return error_;
  if (!temp_.empty() && ::fsync(fd_) != 0) {
    fail(errno);
    return error_;
  }
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) {
    fail(errno);
    return error_;
  }
  if (temp_.empty()) return "";  // a pipe or a device, written in place
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    fail(errno);
    return error_;
  }
  temp_.clear();
  sync_folder(folder_of(target_));
  return "";
}

std::string write_file_atomically(const fs::path& path, std::string_view contents) {
  AtomicFile file(path);
  file.write(contents);
  return file.commit();
}

fs::path write_private_temp(std::string_view prefix, std::string_view extension,
                            std::string_view contents, std::string& error) {
  std::error_code ec;
  fs::path dir = fs::temp_directory_path(ec);
  if (ec) dir = "/tmp";
  fs::path path;
  const int fd = create_exclusive(
      [&](const std::string& tag) { return dir / fmt::format("{}-{}{}", prefix, tag, extension); },
      0600, path);
  if (fd < 0) {
    error =
        fmt::format("cannot make a temporary file in {}: {}", dir.string(), std::strerror(errno));
    return {};
  }
  std::size_t written = 0;
  int failure = write_all(fd, contents, written) ? 0 : errno;
  if (::close(fd) != 0 && failure == 0) failure = errno;
  if (failure != 0) {
    ::unlink(path.c_str());
    error = fmt::format("cannot write {}: {}", path.string(), std::strerror(failure));
    return {};
  }
  return path;
}

fs::path make_temp_folder_beside(const fs::path& target, std::string& error) {
  fs::path plain = target;
  if (!plain.has_filename()) plain = plain.parent_path();  // "frames/" names "frames"
  const fs::path dir = folder_of(plain);
  for (int i = 0; i < kNameTries; ++i) {
    fs::path candidate =
        dir / fmt::format(".{}.partial-{}", plain.filename().string(), random_tag());
    if (::mkdir(candidate.c_str(), 0777) == 0) return candidate;
    if (errno != EEXIST) break;
  }
  error = fmt::format("cannot make a folder beside {}: {}", target.string(), std::strerror(errno));
  return {};
}

}  // namespace poolscope::util
