// The GUI's knobs: top-level constants of package main, listed and rewritten in the source.
#include <algorithm>

#include "core/golang/check.hpp"
#include "core/golang/parser.hpp"

namespace poolscope::golang {

std::vector<ConstInfo> main_constants(const File& file, std::string_view source) {
  std::vector<ConstInfo> out;
  for (const Decl& d : file.decls) {
    if (d.kind != Decl::Kind::Gen || d.gen->tok != Tok::Const) continue;
    for (const ValueSpec& vs : d.gen->values) {
      for (std::size_t i = 0; i < vs.names.size() && i < vs.value_ranges.size(); ++i) {
        const Object* o = vs.names[i]->obj;
        if (o == nullptr || !o->value || o->type == nullptr) continue;
        ConstInfo c;
        c.name = o->name;
        const TypeRef t = o->type;
        if (t->is_named() && t->pkg == "time" && t->name == "Duration") {
          c.kind = ConstInfo::Kind::Duration;
        } else if (is_integer(t)) {
          c.kind = ConstInfo::Kind::Int;
        } else if (is_float(t)) {
          c.kind = ConstInfo::Kind::Float;
        } else if (is_string(t)) {
          c.kind = ConstInfo::Kind::String;
        } else if (is_boolean(t)) {
          c.kind = ConstInfo::Kind::Bool;
        } else {
          continue;
        }
        const auto [begin, end] = vs.value_ranges[i];
        if (end > source.size() || begin > end) continue;
        c.begin = begin;
        c.end = end;
        c.value = std::string(source.substr(begin, end - begin));
        c.line = vs.names[i]->pos.line;
        out.push_back(std::move(c));
      }
    }
  }
  return out;
}

std::string override_constants(std::string_view source,
                               const std::vector<std::pair<std::string, std::string>>& overrides) {
  ParseResult parsed = parse_file(source);
  std::string out(source);
  if (!parsed.file) return out;
  struct Edit {
    std::size_t begin, end;
    std::string text;
  };
  std::vector<Edit> edits;
  for (const Decl& d : parsed.file->decls) {
    if (d.kind != Decl::Kind::Gen || d.gen->tok != Tok::Const) continue;
    for (const ValueSpec& vs : d.gen->values) {
      for (std::size_t i = 0; i < vs.names.size() && i < vs.value_ranges.size(); ++i) {
        for (const auto& [name, text] : overrides) {
          if (vs.names[i]->name == name) {
            edits.push_back(Edit{vs.value_ranges[i].first, vs.value_ranges[i].second, text});
          }
        }
      }
    }
  }
  std::sort(edits.begin(), edits.end(),
            [](const Edit& a, const Edit& b) { return a.begin > b.begin; });
  for (const Edit& e : edits) out.replace(e.begin, e.end - e.begin, e.text);
  return out;
}

}  // namespace poolscope::golang
