#include <fmt/core.h>

#include "app/cli/commands.hpp"
#include "core/scenario/presets.hpp"

namespace poolscope::cli {

CommandRunner add_presets_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("presets", "List the lesson presets, in teaching order");
  auto ids_only = std::make_shared<bool>(false);
  cmd->add_flag("--ids", *ids_only, "Print only the ids, one per line");
  return [ids_only] {
    int n = 0;
    for (const auto& p : scenario::presets()) {
      if (*ids_only) {
        fmt::print("{}\n", p.id);
      } else {
        fmt::print("{:>2}  {:<20}  {}\n    {}\n", ++n, p.id, p.title, p.summary);
      }
    }
    return kExitOk;
  };
}

}  // namespace poolscope::cli
