// The reading path: regular files only, a size limit, UTF-8, and short printable echoes.
#include "core/util/read_file.hpp"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/support/scratch_files.hpp"

using namespace poolscope;

using poolscope::test::scratch;

TEST_CASE("Read file: a regular file is read whole") {
  const auto path = scratch("read-regular") / "a.json";
  std::ofstream(path, std::ios::binary) << "{\"x\": \"\xc3\xa9\"}\n";
  const auto r = util::read_text_file(path, "scenario file");
  REQUIRE_MESSAGE(r.ok(), r.error);
  CHECK(r.text == "{\"x\": \"\xc3\xa9\"}\n");
}

TEST_CASE("Read file: a missing file says so and is marked missing") {
  const auto r = util::read_text_file(scratch("read-missing") / "none.json", "scenario file");
  CHECK(r.missing);
  CHECK(r.error.find("cannot open the scenario file: No such file or directory") !=
        std::string::npos);
}

TEST_CASE("Read file: a folder, /dev/zero and a FIFO are named, never read") {
  const auto dir = scratch("read-kinds");
  CHECK(util::read_text_file(dir, "scenario file").error ==
        dir.string() + " is a folder, not a scenario file");
  CHECK(util::read_text_file("/dev/zero", "scenario file").error ==
        "/dev/zero is a character device, not a scenario file");
  // A FIFO without a writer: opening it must not wait for one.
  const auto fifo = dir / "pipe.json";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(util::read_text_file(fifo, "lesson file").error ==
        fifo.string() + " is a FIFO (named pipe), not a lesson file");
}

TEST_CASE("Read file: a file over the limit is refused with its size and the limit") {
  const auto dir = scratch("read-size");
  const auto small = dir / "small.json";
  std::ofstream(small, std::ios::binary) << std::string(101, 'x');
  CHECK(util::read_text_file(small, "prefs file", 100).error.find("more than the") !=
        std::string::npos);
  CHECK(util::read_text_file(small, "prefs file", 101).ok());
  // The default limit, 16 MiB, on a sparse file of 17 MiB (nothing is written to disk).
  const auto big = dir / "big.json";
  std::ofstream(big, std::ios::binary) << "{";
  std::filesystem::resize_file(big, 17u << 20);
  const auto r = util::read_text_file(big, "scenario file");
  CHECK(r.error == big.string() +
                       " is 17.0 MiB (17825792 bytes), more than the 16.0 MiB a scenario file "
                       "may have");
}

TEST_CASE("Read file: text that is not UTF-8 is refused at its line and column") {
  const auto path = scratch("read-utf8") / "latin1.json";
  std::ofstream(path, std::ios::binary) << "{\n  \"title\": \"caf\xe9\"\n}";
  CHECK(util::read_text_file(path, "scenario file").error ==
        path.string() + ":2:16: the scenario file is not UTF-8 text (byte 0xE9); save it as UTF-8");
}

TEST_CASE("Read file: UTF-8 validation rejects overlong forms, surrogates and stray bytes") {
  CHECK(util::is_utf8("plain \xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"));
  CHECK(util::invalid_utf8_at("ab\xff") == 2);
  CHECK(util::invalid_utf8_at("\xc0\xaf") == 0);          // overlong '/'
  CHECK(util::invalid_utf8_at("x\xed\xa0\x80") == 1);     // U+D800, a surrogate
  CHECK(util::invalid_utf8_at("\xf4\x90\x80\x80") == 0);  // above U+10FFFF
  CHECK(util::invalid_utf8_at("\xe2\x82") == 0);          // cut short
}

TEST_CASE("Read file: position_of counts a UTF-8 character as one column") {
  const std::string text = "a\n\xc3\xa9x";
  CHECK(util::position_of(text, 4).line == 2);
  CHECK(util::position_of(text, 4).column == 2);
}

TEST_CASE("Read file: printable shortens long text and escapes bytes that cannot be shown") {
  CHECK(util::printable("short") == "short");
  CHECK(util::printable(std::string(60, 'a')) == std::string(60, 'a'));
  CHECK(util::printable(std::string(10'000'000, 'a')) == std::string(57, 'a') + "...");
  CHECK(util::printable("a\xff\nb") == "a\\xFF\\x0Ab");
  // Never cut inside a UTF-8 sequence.
  std::string accents;
  for (int i = 0; i < 100; ++i) accents += "\xc3\xa9";
  const std::string shown = util::printable(accents, 10);
  CHECK(shown.size() == 7 * 2 + 3);
  CHECK(util::is_utf8(shown));
}
