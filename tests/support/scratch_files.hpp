#pragma once
// Small file helpers for tests that write and check real files: a fresh folder under the
// test binary's output folder (POOLSCOPE_TEST_OUTPUT_DIR, defined per test target), a
// file's whole text, and how many entries a folder holds. Header-only, so each test
// binary gets its own output folder.
#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace poolscope::test {

// An empty folder `name` under the test output folder (emptied if it was there).
inline std::filesystem::path scratch(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(POOLSCOPE_TEST_OUTPUT_DIR) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

// The whole text of `path` ("" when it cannot be read).
inline std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

// How many entries `dir` holds (files, folders, links).
inline std::size_t entries(const std::filesystem::path& dir) {
  return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir),
                                                std::filesystem::directory_iterator()));
}

}  // namespace poolscope::test
