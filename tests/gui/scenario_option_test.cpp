// The binary's --scenario option: a bad file is refused before any window opens.
#include <doctest/doctest.h>

#include <fstream>
#include <string>

#include "tests/gui/gui_harness.hpp"

using namespace poolscope;

TEST_CASE("Scenario files: --scenario with a malformed file exits 2 with its message") {
  const std::string path = test::output_path("scenario_io_cli_bad.json");
  std::ofstream(path) << R"({"pool": {"workers": -1}})";
  const auto run = test::run_gui_without_display("--scenario " + path);
  CHECK(run.exit_code == 2);
  CHECK(run.output.find("pool.workers: -1 is out of range") != std::string::npos);
}
