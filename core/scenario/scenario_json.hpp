#pragma once
// Scenario files (JSON), `--set KEY=VALUE` overrides and validation.
//
// File format: nested objects, every key optional (a missing key keeps its default):
//
//   {
//     "id": "hello-pool", "title": "...", "summary": "...", "seed": 1,
//     "pool": {"mode": "pool", "collect": "after_send", "collect_count": "all", "workers": 3,
//              "jobs_buffer": 100, "results_buffer": 100, "close_jobs": true, ...},
//     "load": {"jobs": 5, "rate": 0, "arrival": "constant", ...},
//     "work": {"mean_ms": 1000, "dist": "constant", "kind": "io", "payload_kb": 0}
//   }
//
// - `//` and `/* */` comments are allowed in files. A dotted key at the top level
//   ("pool.workers": 5) means the same as the nested form.
// - Every problem is reported, not just the first: malformed JSON (with line and column),
//   unknown keys (with the nearest valid name), wrong types, values out of range, then
//   the rules between keys (see validate()).
// - save_scenario() writes every key in table order; load_scenario(save_scenario(s))
//   gives back s exactly.
// - Nothing here throws on bad input; I/O failures are Errors too.
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/scenario/result.hpp"
#include "core/scenario/scenario.hpp"

namespace poolscope::scenario {

// Reads a scenario from JSON text, starting from `base` for keys the text leaves out.
Result<Scenario> load_scenario(std::string_view json_text, const Scenario& base = {});

// Reads a scenario file; messages start with the file's path.
Result<Scenario> load_scenario_file(const std::filesystem::path& path);

// Every key, grouped and in table order, indented by 2 spaces, ending with a newline.
std::string save_scenario(const Scenario& s);

// Writes save_scenario(s) to `path` through util::write_file_atomically: the old file is
// replaced whole or left as it was; a scenario JSON cannot hold (text that is not UTF-8)
// is an error and touches nothing.
Status save_scenario_file(const Scenario& s, const std::filesystem::path& path);

// Applies one `KEY=VALUE` (e.g. "pool.workers=5", "pool.mode=errgroup",
// "pool.collect_count=all"). On error `s` is unchanged. Checks the key's own value only:
// call validate() once every override is applied, since rules between keys may only
// hold after the last one.
Status apply_override(Scenario& s, std::string_view assignment);

// Applies every assignment in order, then validate(). On error `s` is unchanged and
// every problem is reported.
Status apply_overrides(Scenario& s, std::span<const std::string> assignments);

// Every problem with `s`: each key's range, then the rules between keys. Empty when `s`
// is valid. Rules between keys:
// - an endless load (load.jobs = 0) needs load.duration_s > 0;
// - "poisson" and "burst" arrivals need load.rate > 0;
// - pool.fail_job needs pool.mode "errgroup" and must be at most load.jobs;
// - pool.collect_count n > 0 needs pool.collect "after_send" or "producer_goroutine" and
//   n <= load.jobs; pool.collect "none" takes no count at all;
// - collect "after_send" with an endless load needs a number for pool.collect_count
//   ("all" is not known before the load ends).
// The collect rules do not apply in errgroup mode, which ignores pool.collect.
std::vector<Error> validate(const Scenario& s);

}  // namespace poolscope::scenario
