// poolscope-cli: runs Poolscope scenarios headless (the engine's second
// consumer, with no UI at all).
#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <map>

#include "app/cli/commands.hpp"
#include "app/version/version.hpp"

namespace {
int run(int argc, char** argv) {
  using namespace poolscope::cli;
  CLI::App app{"poolscope-cli: run Go worker-pool scenarios headless"};
  app.set_version_flag("--version", "poolscope-cli " + poolscope::version_text());
  app.footer(
      "Read more: man poolscope-cli, and the README (/usr/share/doc/poolscope on an "
      "installed system). The desktop app is poolscope.");
  app.require_subcommand(1);
  std::map<std::string, CommandRunner> commands;
  commands["presets"] = add_presets_command(app);
  commands["run"] = add_run_command(app);
  commands["sweep"] = add_sweep_command(app);
  commands["export-go"] = add_export_go_command(app);
  commands["bench"] = add_bench_command(app);
  commands["run-go"] = add_run_go_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr, "poolscope-cli: %s\n", e.what());
    std::fprintf(stderr, "poolscope-cli: see poolscope-cli --help\n");
    return kExitBadInput;
  }
  for (auto* sub : app.get_subcommands()) return commands.at(sub->get_name())();
  return kExitBadInput;
}
}  // namespace

// An exception that reaches here is a bug: say so and exit 1 rather than abort.
int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "poolscope-cli: internal error: %s\n", e.what());
  } catch (...) {
    std::fprintf(stderr, "poolscope-cli: internal error\n");
  }
  return 1;
}
