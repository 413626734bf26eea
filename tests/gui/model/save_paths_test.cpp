// What the app writes keeps the user's files: preferences on a full disk, the Record
// dialog's proposed name, and folders for PNG frames.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "app/gui/model/prefs.hpp"
#include "app/gui/model/record_options.hpp"
#include "tests/support/disk_full.hpp"
#include "tests/support/scratch_files.hpp"

namespace fs = std::filesystem;
using namespace poolscope;

using poolscope::test::read;
using poolscope::test::scratch;

namespace {
// Runs `work` with the current folder set to `dir`.
template <typename Work>
void in_folder(const fs::path& dir, Work work) {
  const fs::path old = fs::current_path();
  fs::current_path(dir);
  work();
  fs::current_path(old);
}
}  // namespace

TEST_CASE("Save paths: preferences on a full disk are not saved, and the old ones stay whole") {
  const fs::path dir = scratch("prefs_full");
  const fs::path file = dir / "prefs.json";
  gui::Prefs old_prefs;
  old_prefs.scale = 2.0f;
  REQUIRE(gui::save_prefs(file, old_prefs).empty());
  const std::string before = read(file);
  gui::Prefs next = old_prefs;
  next.scale = 1.5f;
  std::string failure;
  {
    const test::DiskFullAfter full(10);
    failure = gui::save_prefs(file, next);
  }
  CHECK(failure == "cannot save preferences: cannot write " + file.string() +
                       ": No space left on device; the old file is unchanged");
  CHECK(read(file) == before);
  CHECK(gui::load_prefs(file).prefs.scale == 2.0f);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("Save paths: the Record dialog proposes a name that no file has yet") {
  const fs::path dir = scratch("record_names");
  in_folder(dir, [] {
    CHECK(gui::unused_name("hello-pool", ".mp4") == "hello-pool.mp4");
    std::ofstream("hello-pool.mp4") << "an earlier video";
    CHECK(gui::unused_name("hello-pool", ".mp4") == "hello-pool-2.mp4");
    std::ofstream("hello-pool-2.mp4") << "another";
    fs::create_symlink("nowhere", "hello-pool-3.mp4");  // a dangling link is taken too
    CHECK(gui::unused_name("hello-pool", ".mp4") == "hello-pool-4.mp4");
  });
}

TEST_CASE(
    "Save paths: a folder for PNG frames must be new or empty, and nothing in it is deleted") {
  const fs::path dir = scratch("record_frames_folder");
  gui::RecordOptions options;
  options.out = (dir / "frames").string();
  CHECK(gui::check_record_options(options, 640, 360) == "");  // new
  fs::create_directories(dir / "frames");
  CHECK(gui::check_record_options(options, 640, 360) == "");  // empty
  std::ofstream(dir / "frames" / "frame_00001.png") << "an earlier recording's frame";
  CHECK(gui::check_record_options(options, 640, 360) ==
        "--record: the folder " + options.out +
            " is not empty; PNG frames go to a new or empty folder, so that nothing "
            "there is replaced or mixed in: give another folder name");
  CHECK(read(dir / "frames" / "frame_00001.png") == "an earlier recording's frame");
}
