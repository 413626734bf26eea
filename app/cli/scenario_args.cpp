#include <cstdio>
#include <sstream>

#include "app/cli/commands.hpp"
#include "core/pool/pool_run.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"

namespace poolscope::cli {

void ScenarioArgs::add_to(CLI::App& command, bool required) {
  auto* group = command.add_option_group("scenario", "Which scenario to use");
  auto* p = group->add_option("--preset", preset, "A lesson preset id (see: poolscope-cli presets)")
                ->check(non_empty());
  auto* f = group->add_option("--scenario", file, "A scenario file (JSON)")->check(non_empty());
  p->excludes(f);
  if (required) group->require_option(1);
  command
      .add_option(
          "--set", sets,
          "Override a setting, e.g. --set pool.workers=5, or a constant of the scenario's Go "
          "program, e.g. --set numWorkers=1 (repeatable)")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);
  command.add_option("--seed", seed, "Random seed (same seed, same run)");
}

scenario::Result<scenario::Scenario> ScenarioArgs::resolve() const {
  auto base = !file.empty()     ? scenario::load_scenario_file(file)
              : !preset.empty() ? scenario::find_preset(preset)
                                : scenario::Result<scenario::Scenario>(scenario::Scenario{});
  if (!base) return base;
  scenario::Scenario s = std::move(base).value();
  std::vector<std::string> all = sets;
  if (seed) all.push_back("seed=" + std::to_string(*seed));
  auto changed = pool::apply_sets(std::move(s), all);
  if (!changed) return changed;
  s = std::move(changed).value();
  // A scenario with a Go source that does not compile is bad input, in Go's words.
  if (std::string problems = pool::source_problems(s); !problems.empty()) {
    return scenario::Error{"source", "the scenario's Go source does not compile:\n" + problems};
  }
  return s;
}

int report_bad_input(const std::string& messages) {
  std::istringstream lines(messages);
  for (std::string line; std::getline(lines, line);) {
    std::fprintf(stderr, "poolscope-cli: %s\n", line.c_str());
  }
  return kExitBadInput;
}

}  // namespace poolscope::cli
