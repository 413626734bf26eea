#pragma once
// What both binaries print for --version: the project's version and the commit it was
// built from ("0.1.0 (commit 15342f9a1b2c)"; "-dirty" when the tree had uncommitted
// changes, "unknown" outside a git checkout). The commit is written at each build by
// cmake/version.cmake into a file of its own, so a new commit relinks two binaries and
// rebuilds nothing else.
#include <string>

namespace poolscope {

[[nodiscard]] std::string version_text();

}  // namespace poolscope
