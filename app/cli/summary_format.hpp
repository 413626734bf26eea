#pragma once
// How poolscope-cli prints a run: a readable summary, or one JSON object.
#include <nlohmann/json.hpp>
#include <string>

#include "core/pool/pool_run.hpp"

namespace poolscope::cli {

// Every Summary field under its name in pool::summary_fields(): `poolscope-cli run --json`.
nlohmann::json summary_json(const pool::Summary& s);

// The summary for people, with Go's own report (deadlock, panic, leaks) when there
// is one. Its time is the program's end (main's return); when the simulator ran on after
// it to decide the leaks, a line says until when.
std::string summary_text(const pool::PoolRun& run, const pool::Summary& s);

}  // namespace poolscope::cli
