// write_file_atomically: the file is the old one or the whole new one, never a part.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/util/atomic_file.hpp"

namespace fs = std::filesystem;
using poolscope::util::write_file_atomically;

namespace {
fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(POOLSCOPE_TEST_OUTPUT_DIR) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

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
