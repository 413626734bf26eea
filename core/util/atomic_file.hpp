#pragma once
// The one way Poolscope writes a file a user keeps: whole or not at all.
//
// - write_file_atomically() writes to a temporary file in the same folder, checks every
//   write, fsyncs it and renames it over `path`: a full disk, an error or a killed process
//   leaves the old file as it was (and no temporary behind), never half a new one.
// - Returns "" on success, else a message naming the file and the reason (errno's text).
#include <filesystem>
#include <string>
#include <string_view>

namespace poolscope::util {

[[nodiscard]] std::string write_file_atomically(const std::filesystem::path& path,
                                                std::string_view contents);

}  // namespace poolscope::util
