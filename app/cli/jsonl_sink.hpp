#pragma once
// JsonlSink: writes every event as one line of JSON (--events FILE.jsonl).
//
//   {"seq":12,"t_ns":1000000,"kind":"Send","g":1,"goroutine":"main","line":37,
//    "object":1,"value":3,"aux":3,"detail":0}
//
// Names are resolved through the engine's StringTable. Events that arrive before
// set_strings() (those a program emits while it is built) wait and are written then.
// Write errors are remembered and reported by ok(); the run itself goes on.
#include <cstdio>
#include <string>
#include <vector>

#include "core/trace/sink.hpp"
#include "core/trace/string_table.hpp"

namespace poolscope::cli {

class JsonlSink final : public trace::EventSink {
 public:
  // Opens `path` for writing; check ok() before use.
  explicit JsonlSink(const std::string& path);
  ~JsonlSink() override;
  JsonlSink(const JsonlSink&) = delete;
  JsonlSink& operator=(const JsonlSink&) = delete;

  // Names come from `strings` (the runtime's table); writes the events held so far.
  void set_strings(const trace::StringTable* strings);
  void on_event(const trace::Event& e) override;
  // Flushes and closes; false when anything failed to write.
  bool close();
  [[nodiscard]] bool ok() const noexcept { return file_ != nullptr && !failed_; }

 private:
  std::FILE* file_ = nullptr;
  const trace::StringTable* strings_ = nullptr;
  void write(const trace::Event& e);
  std::vector<trace::Event> pending_;         // events before set_strings()
  std::vector<std::string> goroutine_names_;  // goroutine id - 1 -> display name
  bool failed_ = false;
};

}  // namespace poolscope::cli
