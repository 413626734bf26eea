// Every file poolscope-cli writes is whole or not there: a full disk (simulated) exits 1
// with a message naming the file and leaves an older file exactly as it was.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "tests/cli/cli_harness.hpp"
#include "tests/support/disk_full.hpp"
#include "tests/support/scratch_files.hpp"

namespace fs = std::filesystem;
using poolscope::test::DiskFullAfter;
using poolscope::test::run_cli;

using poolscope::test::entries;
using poolscope::test::read;
using poolscope::test::scratch;
using poolscope::test::write;

namespace {
// Runs `command` with FILE replaced by an existing file's path, on a disk that fills
// after 100 bytes; checks the exit code, the message and that the file is unchanged.
void check_full_disk_keeps(const std::string& name, const std::string& command) {
  const fs::path dir = scratch("cli_full_" + name);
  const fs::path file = dir / name;
  write(file, "the user's good file\n");
  std::string args = command;
  args.replace(args.find("FILE"), 4, file.string());
  poolscope::test::CliRun run;
  {
    const DiskFullAfter full(100);
    run = run_cli(args);
  }
  INFO(args);
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("cannot write " + file.string() +
                     ": No space left on device; the old file is unchanged") != std::string::npos);
  CHECK(read(file) == "the user's good file\n");
  CHECK(entries(dir) == 1);  // no temporary left behind
}
}  // namespace

TEST_CASE("CLI files: a full disk keeps the old export-go -o, sweep --csv and run --events file") {
  check_full_disk_keeps("main.go", "export-go --preset hello-pool -o FILE");
  check_full_disk_keeps("sweep.csv",
                        "sweep --preset hello-pool --vary pool.workers=1..3 --csv FILE");
  check_full_disk_keeps("events.jsonl", "run --preset hello-pool --events FILE");
}

TEST_CASE("CLI files: export-go -o replaces a file whole and keeps its permissions") {
  const fs::path dir = scratch("cli_export_replace");
  write(dir / "main.go", std::string(200'000, 'x'));
  fs::permissions(dir / "main.go", fs::perms::owner_read | fs::perms::owner_write);
  const auto run = run_cli("export-go --preset hello-pool -o " + (dir / "main.go").string());
  REQUIRE(run.exit_code == 0);
  const std::string go = read(dir / "main.go");
  CHECK(go.rfind("// ", 0) == 0);
  CHECK(go.find('x' + std::string(100, 'x')) == std::string::npos);  // no old tail
  CHECK(fs::status(dir / "main.go").permissions() ==
        (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("CLI files: --events is written whole, even past the writer's buffer") {
  const fs::path dir = scratch("cli_events_whole");
  const auto run = run_cli("run --json --preset hello-pool --set load.jobs=2000 --events " +
                           (dir / "e.jsonl").string());
  REQUIRE(run.exit_code == 0);
  const std::string text = read(dir / "e.jsonl");
  CHECK(text.size() > 100'000);  // past the writer's 64 KiB buffer
  CHECK(text.back() == '\n');
  CHECK(entries(dir) == 1);
}
