#include <doctest/doctest.h>

#include "tests/cli/cli_harness.hpp"

using poolscope::test::run_cli;

TEST_CASE("CLI presets: lists the seven lessons in teaching order") {
  const auto run = run_cli("presets --ids");
  REQUIRE(run.exit_code == 0);
  CHECK(
      run.out.rfind("hello-pool\nbackpressure\nunbounded-vs-pool\nforgot-close\nresults-deadlock\n"
                    "size-to-bottleneck\nerrgroup-limit\n",
                    0) == 0);
}

TEST_CASE("CLI: an unknown option is bad input: exit code 2 and one line on stderr") {
  const auto run = run_cli("presets --bogus");
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("--bogus") != std::string::npos);
}

TEST_CASE("CLI: every command has --help") {
  const auto run = run_cli("presets --help");
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("--ids") != std::string::npos);
}
