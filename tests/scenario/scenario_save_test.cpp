// save_scenario_file: the user's file is the old one or the whole new one, never a part.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/scenario/scenario_json.hpp"
#include "tests/support/disk_full.hpp"
#include "tests/support/scratch_files.hpp"

namespace fs = std::filesystem;
using namespace poolscope::scenario;

using poolscope::test::read;
using poolscope::test::scratch;

TEST_CASE("Scenario save: a full disk leaves the saved scenario as it was, and says so") {
  const fs::path dir = scratch("scenario_save_full");
  Scenario good;
  good.pool.workers = 7;
  REQUIRE(save_scenario_file(good, dir / "mine.json").ok());
  const std::string before = read(dir / "mine.json");
  Scenario next = good;
  next.pool.workers = 9;
  Status saved = Done{};
  {
    const poolscope::test::DiskFullAfter full(64);
    saved = save_scenario_file(next, dir / "mine.json");
  }
  CHECK(saved.message() == "cannot write " + (dir / "mine.json").string() +
                               ": No space left on device; the old file is unchanged");
  CHECK(read(dir / "mine.json") == before);
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("Scenario save: a title that is not UTF-8 is a message, and the file is not touched") {
  const fs::path dir = scratch("scenario_save_utf8");
  REQUIRE(save_scenario_file(Scenario{}, dir / "mine.json").ok());
  const std::string before = read(dir / "mine.json");
  Scenario bad;
  bad.title = "caf\xe9";  // Latin-1, not UTF-8: JSON cannot hold it
  const Status saved = save_scenario_file(bad, dir / "mine.json");
  CHECK(saved.message() == "cannot save " + (dir / "mine.json").string() +
                               ": a text of the scenario (its title or summary) is not valid "
                               "UTF-8; the file is unchanged");
  CHECK(read(dir / "mine.json") == before);
}
