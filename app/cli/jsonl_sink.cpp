#include "app/cli/jsonl_sink.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace poolscope::cli {

JsonlSink::JsonlSink(const std::string& path) : file_(path) {}

bool JsonlSink::close() {
  if (!closed_) {
    closed_ = true;
    if (file_.ok()) (void)file_.commit();
  }
  return file_.ok();
}

void JsonlSink::set_strings(const trace::StringTable* strings) {
  strings_ = strings;
  for (const trace::Event& e : pending_) write(e);
  pending_.clear();
}

void JsonlSink::on_event(const trace::Event& e) {
  if (closed_ || !file_.ok()) return;
  if (strings_ == nullptr) {
    pending_.push_back(e);
  } else {
    write(e);
  }
}

void JsonlSink::write(const trace::Event& e) {
  if (e.kind == trace::EventKind::Spawn) {
    std::string name(strings_->str(e.aux));
    if (e.value >= 0) name += fmt::format(" {}", e.value);
    if (goroutine_names_.size() < e.goroutine) goroutine_names_.resize(e.goroutine);
    goroutine_names_[e.goroutine - 1] = std::move(name);
  }
  const std::string_view name = e.goroutine != 0 && e.goroutine <= goroutine_names_.size()
                                    ? std::string_view(goroutine_names_[e.goroutine - 1])
                                    : std::string_view();
  // Names are program text (goroutine names), so they go through the JSON encoder.
  const std::string line = fmt::format(
      "{{\"seq\":{},\"t_ns\":{},\"kind\":\"{}\",\"g\":{},\"goroutine\":{},\"line\":{},"
      "\"object\":{},\"value\":{},\"aux\":{},\"detail\":{}}}\n",
      e.seq, e.time, trace::to_string(e.kind), e.goroutine, nlohmann::json(name).dump(), e.line,
      e.object, e.value, e.aux, e.detail);
  file_.write(line);
}

}  // namespace poolscope::cli
