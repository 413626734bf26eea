#pragma once
// The library packages as the checker sees them (YOUR_CODE.md's library list): their
// declarations, written as Go source without function bodies and checked like the
// program. The interpreter implements each member under its qualified name
// ("fmt.Println", "(*sync.WaitGroup).Add", "(context.Context).Done").
#include <cstddef>
#include <string_view>

namespace poolscope::golang {

struct LibraryPackage {
  std::string_view path;    // import path: "sync/atomic"
  std::string_view name;    // package name: "atomic"
  std::string_view source;  // declarations, Go syntax
};

// The packages Poolscope runs, in dependency order (a package only imports earlier ones).
[[nodiscard]] const LibraryPackage* library_packages(std::size_t& count) noexcept;
// The package of an import path, or null.
[[nodiscard]] const LibraryPackage* find_library_package(std::string_view path) noexcept;

}  // namespace poolscope::golang
