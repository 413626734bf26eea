#include "app/gui/model/code_document.hpp"

#include <fmt/core.h>

#include <memory>
#include <system_error>
#include <utility>

#include "core/golang/interp.hpp"
#include "core/golang/types.hpp"
#include "core/util/atomic_file.hpp"
#include "core/util/read_file.hpp"

namespace poolscope::gui {

namespace fs = std::filesystem;

std::string display_name(const CodeDocument& doc) {
  return doc.path.empty() ? std::string("main.go") : doc.path.filename().string();
}

bool check(CodeDocument& doc) {
  if (doc.checked_revision == doc.editor.revision()) return doc.compiles;
  const std::string text = doc.editor.text();
  golang::Compiled c = golang::compile_go(text);
  doc.diagnostics = std::move(c.diagnostics);
  doc.compiles = c.program != nullptr;
  doc.checked_revision = doc.editor.revision();
  return doc.compiles;
}

std::string diagnostics_text(const CodeDocument& doc) {
  return golang::format_diagnostics(doc.diagnostics, display_name(doc));
}

scenario::Scenario program_scenario(std::string source, const fs::path& path, std::uint64_t seed) {
  scenario::Scenario s;
  const std::string name = path.empty() ? std::string("main.go") : path.filename().string();
  std::string id;
  for (const char c : path.empty() ? std::string("main") : path.stem().string()) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (keep) id += c;
    if (c >= 'A' && c <= 'Z') id += static_cast<char>(c - 'A' + 'a');
    if (id.size() == 64) break;
  }
  s.id = id.empty() ? "main" : id;
  s.title = name.size() <= 120 ? name : name.substr(0, 117) + "...";
  s.summary = "Your own program. What it prints, and how it ended, are in the Console tab.";
  s.seed = seed;
  s.source = std::move(source);
  return s;
}

scenario::Scenario program_scenario(const CodeDocument& doc, std::string source,
                                    std::uint64_t seed) {
  if (!doc.origin) return program_scenario(std::move(source), doc.path, seed);
  scenario::Scenario s = *doc.origin;
  s.source = std::move(source);
  s.seed = seed;
  return s;
}

GoFile read_go_file(const fs::path& path) {
  util::FileText file =
      util::read_text_file(path, "Go file", static_cast<std::size_t>(scenario::kMaxSourceBytes));
  if (!file.ok()) return {.text = {}, .error = std::move(file.error)};
  return {.text = std::move(file.text), .error = {}};
}

std::string save(CodeDocument& doc, const fs::path& path) {
  if (path.empty()) return "give a file name, e.g. main.go";
  std::error_code error;
  if (fs::is_directory(path, error)) {
    return path.string() + ": is a folder; add a file name, e.g. " + (path / "main.go").string();
  }
  if (std::string failure = util::write_file_atomically(path, doc.editor.text());
      !failure.empty()) {
    return failure;
  }
  doc.path = path;
  doc.editor.mark_saved();
  return "";
}

std::vector<golang::ConstInfo> constants(std::string_view source) {
  golang::TypeTable types;
  const golang::CheckResult checked = golang::check_program(source, types);
  if (!checked.ok || !checked.file) return {};
  return golang::main_constants(*checked.file, source);
}

std::string with_constant(std::string_view source, const std::string& name,
                          const std::string& value) {
  return golang::override_constants(source, {{name, value}});
}

}  // namespace poolscope::gui
