// write_file_atomically: the file is the old one or the whole new one, never a part.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/util/atomic_file.hpp"
#include "tests/support/disk_full.hpp"
#include "tests/support/scratch_files.hpp"

namespace fs = std::filesystem;
using poolscope::util::write_file_atomically;

using poolscope::test::entries;
using poolscope::test::read;
using poolscope::test::scratch;

TEST_CASE("Atomic file: a new file holds exactly what was written, and no temporary is left") {
  const fs::path dir = scratch("atomic_new");
  CHECK(write_file_atomically(dir / "a.csv", "x,y\n1,2\n").empty());
  CHECK(read(dir / "a.csv") == "x,y\n1,2\n");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("Atomic file: an existing file is replaced whole, a longer one leaves no tail") {
  const fs::path dir = scratch("atomic_replace");
  REQUIRE(write_file_atomically(dir / "a.txt", std::string(1000, 'o')).empty());
  CHECK(write_file_atomically(dir / "a.txt", "new").empty());
  CHECK(read(dir / "a.txt") == "new");
}

TEST_CASE("Atomic file: a folder that cannot hold it gives a message and leaves the old file") {
  const fs::path dir = scratch("atomic_fail");
  REQUIRE(write_file_atomically(dir / "keep.txt", "kept").empty());
  const std::string missing = write_file_atomically(dir / "no-such-folder" / "a.txt", "x");
  CHECK(missing.find("no-such-folder/a.txt") != std::string::npos);
  CHECK(missing.find("No such file or directory") != std::string::npos);
  // The target is a folder: the temporary is written, the rename fails and is undone.
  fs::create_directories(dir / "is-a-folder");
  CHECK_FALSE(write_file_atomically(dir / "is-a-folder", "x").empty());
  CHECK(read(dir / "keep.txt") == "kept");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 2);
}

namespace {
using poolscope::test::DiskFullAfter;

}  // namespace

TEST_CASE("Atomic file: a full disk leaves the old file whole, says so, and leaves no temporary") {
  const fs::path dir = scratch("atomic_full");
  REQUIRE(write_file_atomically(dir / "a.json", "{\"good\": true}\n").empty());
  std::string failure;
  {
    const DiskFullAfter full(100);
    failure = write_file_atomically(dir / "a.json", std::string(100'000, 'x'));
  }
  CHECK(failure == "cannot write " + (dir / "a.json").string() +
                       ": No space left on device; the old file is unchanged");
  CHECK(read(dir / "a.json") == "{\"good\": true}\n");
  CHECK(entries(dir) == 1);
  // A new file that does not fit is not there at all.
  {
    const DiskFullAfter full(0);
    failure = write_file_atomically(dir / "new.csv", "a,b\n");
  }
  CHECK(failure == "cannot write " + (dir / "new.csv").string() + ": No space left on device");
  CHECK_FALSE(fs::exists(dir / "new.csv"));
  CHECK(entries(dir) == 1);
}

TEST_CASE("Atomic file: streamed chunks appear only at commit, without commit nothing changes") {
  const fs::path dir = scratch("atomic_stream");
  REQUIRE(write_file_atomically(dir / "events.jsonl", "old\n").empty());
  {
    poolscope::util::AtomicFile file(dir / "events.jsonl");
    REQUIRE(file.ok());
    for (int i = 0; i < 20'000; ++i) CHECK(file.write("{\"seq\":1234567}\n"));
    CHECK(read(dir / "events.jsonl") == "old\n");  // the target is untouched meanwhile
    CHECK(entries(dir) == 2);                      // ...and the temporary is beside it
    CHECK(file.temp_path().parent_path() == dir);
    CHECK(file.temp_path().filename().string().rfind(".events.jsonl.", 0) == 0);
  }  // destroyed without commit(): a cancel, an error, an exception
  CHECK(read(dir / "events.jsonl") == "old\n");
  CHECK(entries(dir) == 1);
  poolscope::util::AtomicFile file(dir / "events.jsonl");
  for (int i = 0; i < 20'000; ++i) file.write("{\"seq\":1234567}\n");
  CHECK(file.commit().empty());
  CHECK(read(dir / "events.jsonl").size() == 20'000u * 16);
  CHECK(entries(dir) == 1);
}

TEST_CASE("Atomic file: a full disk in the middle of a stream fails every later write") {
  const fs::path dir = scratch("atomic_stream_full");
  REQUIRE(write_file_atomically(dir / "e.jsonl", "kept\n").empty());
  const DiskFullAfter full(200'000);
  poolscope::util::AtomicFile file(dir / "e.jsonl");
  bool all_written = true;
  for (int i = 0; i < 100'000; ++i) all_written = file.write("0123456789\n") && all_written;
  CHECK_FALSE(all_written);
  CHECK_FALSE(file.ok());
  CHECK(file.commit().find("No space left on device; the old file is unchanged") !=
        std::string::npos);
  CHECK(read(dir / "e.jsonl") == "kept\n");
  CHECK(entries(dir) == 1);
}

TEST_CASE("Atomic file: a symlink planted where the temporary might go is not followed") {
  const fs::path dir = scratch("atomic_planted");
  REQUIRE(write_file_atomically(dir / "victim", "precious").empty());
  // Every name an older, predictable scheme would have used.
  fs::create_symlink(dir / "victim", dir / ("a.txt.tmp-" + std::to_string(::getpid())));
  fs::create_symlink(dir / "victim", dir / ".a.txt.tmp");
  CHECK(write_file_atomically(dir / "a.txt", "new").empty());
  CHECK(read(dir / "victim") == "precious");
  CHECK(read(dir / "a.txt") == "new");
}

TEST_CASE("Atomic file: the old file's permissions are kept, a symlink stays a link") {
  const fs::path dir = scratch("atomic_modes");
  REQUIRE(write_file_atomically(dir / "private.json", "old").empty());
  fs::permissions(dir / "private.json", fs::perms::owner_read | fs::perms::owner_write);
  REQUIRE(write_file_atomically(dir / "private.json", "new").empty());
  CHECK(fs::status(dir / "private.json").permissions() ==
        (fs::perms::owner_read | fs::perms::owner_write));
  // Through a link: the file it points to is replaced, the link is still a link.
  fs::create_directories(dir / "real");
  REQUIRE(write_file_atomically(dir / "real" / "prefs.json", "old").empty());
  fs::create_symlink(fs::path("real") / "prefs.json", dir / "link.json");
  REQUIRE(write_file_atomically(dir / "link.json", "through the link").empty());
  CHECK(fs::is_symlink(fs::symlink_status(dir / "link.json")));
  CHECK(read(dir / "real" / "prefs.json") == "through the link");
  CHECK(entries(dir / "real") == 1);
}

TEST_CASE("Atomic file: a private temporary is new, 0600 and never a planted file") {
  std::string error;
  const fs::path a = poolscope::util::write_private_temp("poolscope-test", ".json", "{}", error);
  const fs::path b = poolscope::util::write_private_temp("poolscope-test", ".json", "{}", error);
  REQUIRE(!a.empty());
  REQUIRE(!b.empty());
  CHECK(a != b);
  CHECK(read(a) == "{}");
  CHECK(fs::status(a).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
  fs::remove(a);
  fs::remove(b);
}

TEST_CASE("Atomic file: a device is written in place, never replaced") {
  CHECK(write_file_atomically("/dev/null", "into the void").empty());
  CHECK(fs::is_character_file("/dev/null"));
  poolscope::util::AtomicFile full("/dev/full");  // a device that is always full
  full.write(std::string(100'000, 'x'));
  CHECK(full.commit() == "cannot write /dev/full: No space left on device");
  CHECK(fs::is_character_file("/dev/full"));
}

TEST_CASE("Atomic file: /dev/stdout, a link to a pipe, is written in place") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const int saved = ::dup(STDOUT_FILENO);
  ::dup2(fds[1], STDOUT_FILENO);
  const std::string failure = write_file_atomically("/dev/stdout", "through the pipe");
  ::dup2(saved, STDOUT_FILENO);
  ::close(saved);
  ::close(fds[1]);
  char buffer[64] = {};
  const ssize_t n = ::read(fds[0], buffer, sizeof buffer);
  ::close(fds[0]);
  CHECK(failure.empty());
  CHECK(std::string(buffer, static_cast<std::size_t>(std::max<ssize_t>(n, 0))) ==
        "through the pipe");
}
