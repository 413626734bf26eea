#pragma once
// JsonlSink: writes every event as one line of JSON (--events FILE.jsonl).
//
//   {"seq":12,"t_ns":1000000,"kind":"Send","g":1,"goroutine":"main","line":37,
//    "object":1,"value":3,"aux":3,"detail":0}
//
// Names are resolved through the engine's StringTable. Events that arrive before
// set_strings() (those a program emits while it is built) wait and are written then.
// The file is written through util::AtomicFile: it appears, whole, at close(); until then
// (and for good when close() is never called, or a write failed) the old file at the path,
// if any, stays as it was. Write errors are remembered and reported by ok() and error();
// the run itself goes on.
#include <string>
#include <vector>

#include "core/trace/sink.hpp"
#include "core/trace/string_table.hpp"
#include "core/util/atomic_file.hpp"

namespace poolscope::cli {

class JsonlSink final : public trace::EventSink {
 public:
  // Opens a temporary beside `path`; check ok() before use.
  explicit JsonlSink(const std::string& path);
  // Without close(): the temporary is removed, the old file kept.
  ~JsonlSink() override = default;
  JsonlSink(const JsonlSink&) = delete;
  JsonlSink& operator=(const JsonlSink&) = delete;

  // Names come from `strings` (the runtime's table); writes the events held so far.
  void set_strings(const trace::StringTable* strings);
  void on_event(const trace::Event& e) override;
  // Completes the file (fsync, rename over `path`); false when anything failed to write.
  bool close();
  [[nodiscard]] bool ok() const noexcept { return file_.ok(); }
  // "" or why the file could not be written (naming it, e.g. "...: No space left on device").
  [[nodiscard]] const std::string& error() const noexcept { return file_.error(); }

 private:
  util::AtomicFile file_;
  const trace::StringTable* strings_ = nullptr;
  void write(const trace::Event& e);
  std::vector<trace::Event> pending_;         // events before set_strings()
  std::vector<std::string> goroutine_names_;  // goroutine id - 1 -> display name
  bool closed_ = false;
};

}  // namespace poolscope::cli
