// The learner's program in the app, without a window: compile messages, files, and the
// constants that are its live controls.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "app/gui/model/code_document.hpp"
#include "core/pool/pool_run.hpp"

using namespace poolscope;

namespace {

constexpr const char* kPool = R"(package main

import (
	"fmt"
	"time"
)

const numWorkers = 3
const (
	numJobs  = 5
	workTime = 200 * time.Millisecond
	ratio    = 1.5
)

func main() {
	fmt.Println(numWorkers, numJobs, workTime, ratio)
}
)";

std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::path(POOLSCOPE_TEST_OUTPUT_DIR) / "code_document";
  std::filesystem::create_directories(dir);
  return dir / name;
}

}  // namespace

TEST_CASE("CodeDocument: compile messages follow the text, and a fix clears them") {
  gui::CodeDocument doc;
  doc.editor.set_text("package main\n\nfunc main() {\n\tx := 1\n}\n");
  CHECK_FALSE(gui::check(doc));
  REQUIRE(doc.diagnostics.size() == 1);
  CHECK(doc.diagnostics[0].line == 4);
  CHECK(doc.diagnostics[0].col == 2);
  CHECK(gui::diagnostics_text(doc) == "main.go:4:2: x declared but not used\n");
  doc.path = "pool.go";
  CHECK(gui::diagnostics_text(doc) == "pool.go:4:2: x declared but not used\n");
  // The underline covers the name the message is about.
  const auto range = doc.editor.diagnostic_range(4, 2);
  REQUIRE(range.has_value());
  CHECK(range->begin == gui::TextPos{3, 1});
  CHECK(range->end == gui::TextPos{3, 2});
  doc.editor.set_text("package main\n\nfunc main() {\n\tx := 1\n\t_ = x\n}\n");
  CHECK(gui::check(doc));
  CHECK(doc.diagnostics.empty());
}

TEST_CASE("CodeDocument: the scenario of a program runs it, named after its file") {
  const scenario::Scenario s = gui::program_scenario(kPool, "My Pool.go", 7);
  CHECK(s.id == "mypool");
  CHECK(s.title == "My Pool.go");
  CHECK(s.seed == 7);
  CHECK(s.source == kPool);
  pool::PoolRun run(s);
  run.run();
  REQUIRE(run.console().size() == 1);
  CHECK(run.console()[0].text == "3 5 200ms 1.5\n");
  CHECK(gui::program_scenario("x", {}).title == "main.go");
}

TEST_CASE("CodeDocument: constants are the live controls, and setting one rewrites the source") {
  const auto consts = gui::constants(kPool);
  REQUIRE(consts.size() == 4);
  CHECK(consts[0].name == "numWorkers");
  CHECK(consts[0].value == "3");
  CHECK(consts[2].name == "workTime");
  CHECK(consts[2].kind == golang::ConstInfo::Kind::Duration);
  const std::string more = gui::with_constant(kPool, "numWorkers", "8");
  CHECK(more.find("const numWorkers = 8\n") != std::string::npos);
  const std::string slower = gui::with_constant(more, "workTime", "1 * time.Second");
  CHECK(slower.find("workTime = 1 * time.Second\n") != std::string::npos);
  pool::PoolRun run(gui::program_scenario(slower, {}));
  run.run();
  CHECK(run.console()[0].text == "8 5 1s 1.5\n");
  // An unknown name changes nothing; a text that does not compile has no constants.
  CHECK(gui::with_constant(kPool, "nope", "1") == kPool);
  CHECK(gui::constants("package main\nconst x = \n").empty());
}

TEST_CASE("CodeDocument: files are read carefully and saved whole") {
  const auto good = scratch("good.go");
  std::ofstream(good) << kPool;
  CHECK(gui::read_go_file(good).error.empty());
  CHECK(gui::read_go_file(good).text == kPool);
  const auto binary = scratch("binary.go");
  std::ofstream(binary) << "package main\n\xff\n";
  CHECK(gui::read_go_file(binary).error.find("UTF-8") != std::string::npos);
  CHECK(gui::read_go_file(scratch("missing.go")).error.find("missing.go") != std::string::npos);
  const auto big = scratch("big.go");
  std::ofstream(big) << std::string((1 << 20) + 1, ' ');
  CHECK_FALSE(gui::read_go_file(big).error.empty());

  gui::CodeDocument doc;
  doc.editor.set_text(kPool);
  doc.editor.type("// edited\n");
  CHECK(doc.editor.modified());
  const auto saved = scratch("saved.go");
  CHECK(gui::save(doc, saved).empty());
  CHECK(doc.path == saved);
  CHECK_FALSE(doc.editor.modified());
  CHECK(gui::read_go_file(saved).text == doc.editor.text());
  CHECK(gui::save(doc, scratch("")).find("is a folder") != std::string::npos);
  // A full disk leaves the old file as it was.
  doc.editor.type("more");
  setenv("POOLSCOPE_FAIL_WRITES_AFTER", "10", 1);
  const std::string failure = gui::save(doc, saved);
  unsetenv("POOLSCOPE_FAIL_WRITES_AFTER");
  CHECK(failure.find("old file is unchanged") != std::string::npos);
  CHECK(doc.editor.modified());
  CHECK(gui::read_go_file(saved).text.find("more") == std::string::npos);
}
