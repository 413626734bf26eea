// poolscope-cli: runs Poolscope scenarios headless.
#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
  CLI::App app{"poolscope-cli: run Go worker-pool scenarios headless"};
  app.set_version_flag("--version", POOLSCOPE_VERSION);
  CLI11_PARSE(app, argc, argv);
  return 0;
}
