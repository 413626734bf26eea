// poolscope-cli's options: a value that cannot mean anything (empty, NaN, a malformed
// range) is bad input with exit code 2 and a message, never a silent default.
#include <doctest/doctest.h>

#include <string>

#include "tests/cli/cli_harness.hpp"

using poolscope::test::run_cli;

namespace {
// Runs `args`; checks exit code 2 and that stderr holds `message`.
void check_bad_input(const std::string& args, const std::string& message) {
  const auto run = run_cli(args);
  INFO(args);
  INFO(run.err);
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(message) != std::string::npos);
  CHECK(run.out.empty());
}
}  // namespace

TEST_CASE("CLI flags: an empty file or preset name is bad input, not 'none'") {
  check_bad_input("run --preset ''", "--preset: the value is empty");
  check_bad_input("run --scenario ''", "--scenario: the value is empty");
  check_bad_input("run --preset hello-pool --events ''", "--events: the value is empty");
  check_bad_input("sweep --preset hello-pool --vary pool.workers=1..2 --csv ''",
                  "--csv: the value is empty");
  check_bad_input("export-go --preset hello-pool -o ''", "--output: the value is empty");
}

TEST_CASE("CLI flags: --seed -1 is reported as -1, out of range") {
  check_bad_input("run --preset hello-pool --seed -1",
                  "seed: -1 is out of range (allowed 0..9223372036854775807)");
}

TEST_CASE("CLI sweep: bounds that are not finite numbers, or three dots, are bad input") {
  check_bad_input("sweep --preset hello-pool --vary pool.workers=nan..3",
                  "FROM and TO must be finite numbers");
  check_bad_input("sweep --preset hello-pool --vary pool.workers=1..nan",
                  "FROM and TO must be finite numbers");
  check_bad_input("sweep --preset hello-pool --vary pool.workers=1..inf",
                  "FROM and TO must be finite numbers");
  check_bad_input("sweep --preset hello-pool --vary pool.workers=1..3:nan",
                  "STEP must be a finite number");
  check_bad_input("sweep --preset hello-pool --vary load.rate=1...3",
                  "more than two dots between FROM and TO");
  check_bad_input("sweep --preset hello-pool --vary pool.workers=1..2..3",
                  "more than two dots between FROM and TO");
}

TEST_CASE("CLI sweep: whole numbers above 2^53 are swept exactly, as int64") {
  const auto run =
      run_cli("sweep --preset hello-pool --vary seed=9007199254740993..9007199254740995");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  for (const char* seed : {"9007199254740993", "9007199254740994", "9007199254740995"}) {
    CAPTURE(seed);
    CHECK(run.out.find(std::string(seed) + " ") != std::string::npos);
  }
  CHECK(run.out.find("9007199254740992") == std::string::npos);
}
