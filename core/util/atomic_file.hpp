#pragma once
// The one way Poolscope writes a file a user keeps: whole or not at all.
//
// - The new contents go to a temporary file in the target's folder, named ".NAME.XXXXXX"
//   (hidden; `keep_extension` gives ".NAME.partial-XXXXXX.EXT", for a program such as
//   ffmpeg that picks a format from the extension). It is created with O_CREAT | O_EXCL
//   | O_NOFOLLOW under a random name, so a file or symlink planted at a predictable name
//   is never opened or followed.
// - Every write is checked; commit() fsyncs, closes and renames the temporary over the
//   target, then syncs the folder. Until that rename the old file is untouched: a full
//   disk, an error or a killed process leaves the old file as it was (a killed process
//   may leave the hidden temporary behind, never a part of a file under the target's
//   name). On failure the temporary is removed.
// - The target, when it exists, gives the new file its permission bits (owner and group
//   are the writer's). A target that is a symlink is followed: the file it points to is
//   replaced and the link stays a link. A target that is a pipe or a device
//   (/dev/stdout, /dev/null) is written in place: nothing is renamed over it.
// - Messages name the target and the reason: "cannot write out.csv: No space left on
//   device; the old file is unchanged" ("... nothing was written" when there was none).
// - For tests: with the environment variable POOLSCOPE_FAIL_WRITES_AFTER=N, a write that
//   would take a temporary past N bytes fails with ENOSPC, as on a full disk.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace poolscope::util {

// A file written in steps and made visible whole by commit(); without commit() (an
// error, an exception, a cancel) the destructor removes the temporary.
class AtomicFile {
 public:
  struct Options {
    bool keep_extension = false;  // = false // ".NAME.partial-XXXXXX.EXT"
  };

  // Creates the temporary; check ok() (error() says why not).
  explicit AtomicFile(const std::filesystem::path& target, Options options);
  explicit AtomicFile(const std::filesystem::path& target) : AtomicFile(target, Options{}) {}
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Appends `data` (buffered); false once anything failed (the first failure is kept).
  bool write(std::string_view data);
  // Flushes, fsyncs, closes and renames over the target; "" or error(). Once only.
  [[nodiscard]] std::string commit();
  // Removes the temporary now (what the destructor does without commit()).
  void discard();

  [[nodiscard]] bool ok() const noexcept { return error_.empty(); }
  [[nodiscard]] const std::string& error() const noexcept { return error_; }
  // The file renamed over at commit() (the symlink's target when `target` was a link).
  [[nodiscard]] const std::filesystem::path& target() const noexcept { return target_; }
  // The temporary's path, e.g. for another program to write into (then write nothing
  // here); empty once committed or discarded.
  [[nodiscard]] const std::filesystem::path& temp_path() const noexcept { return temp_; }

 private:
  bool flush();
  void fail(int error);

  std::filesystem::path shown_;   // the name messages use: the target as given
  std::filesystem::path target_;  // after following symlinks
  std::filesystem::path temp_;
  int fd_ = -1;
  std::string buffer_;
  std::size_t written_ = 0;
  bool target_existed_ = false;
  std::string error_;
};

// The whole of `contents` as `path`, through AtomicFile. "" or the message.
[[nodiscard]] std::string write_file_atomically(const std::filesystem::path& path,
                                                std::string_view contents);

// A new private file (mode 0600) in $TMPDIR (else /tmp) holding `contents`, for the
// app's own use (e.g. the scenario a recording reads): created with O_EXCL | O_NOFOLLOW
// under a random name "PREFIX-XXXXXX.EXT", every write checked. Returns its path, or ""
// with `error` set (and nothing left behind). The caller removes it.
[[nodiscard]] std::filesystem::path write_private_temp(std::string_view prefix,
                                                       std::string_view extension,
                                                       std::string_view contents,
                                                       std::string& error);

// A new, empty folder beside `target`, named ".NAME.partial-XXXXXX" (mkdir under a random
// name: never an existing folder or a link), for output that appears whole by renaming
// it over `target` (e.g. PNG frames). Returns its path, or "" with `error` set.
[[nodiscard]] std::filesystem::path make_temp_folder_beside(const std::filesystem::path& target,
                                                            std::string& error);

// The file a path names after following symlinks (up to 40 levels), also when the last
// one dangles; the path itself when it is no symlink.
[[nodiscard]] std::filesystem::path follow_symlinks(const std::filesystem::path& path);

}  // namespace poolscope::util
