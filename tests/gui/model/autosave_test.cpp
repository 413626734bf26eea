// Autosave: where it lives, when it writes, and that restoring never loses the learner's
// text, whatever is on disk.
#include <doctest/doctest.h>

#include <sys/stat.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

#include "app/gui/model/autosave.hpp"
#include "tests/support/disk_full.hpp"
#include "tests/support/scratch_files.hpp"

namespace fs = std::filesystem;
using namespace poolscope;

using poolscope::test::read;
using poolscope::test::scratch;
using poolscope::test::write;

namespace {
// Sets an environment variable (nullptr: unsets it) for one scope, then puts it back.
class EnvVar {
 public:
  EnvVar(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name); old != nullptr) old_ = old;
    set(value);
  }
  ~EnvVar() { set(old_ ? old_->c_str() : nullptr); }
  EnvVar(const EnvVar&) = delete;
  EnvVar& operator=(const EnvVar&) = delete;

 private:
  void set(const char* value) {
    if (value != nullptr) {
      ::setenv(name_, value, 1);
    } else {
      ::unsetenv(name_);
    }
    ::tzset();  // for TZ
  }
  const char* name_;
  std::optional<std::string> old_;
};

gui::AutosaveDir in(const fs::path& dir) { return {.path = dir, .error = ""}; }

// An Autosaver that has seen revision 0 (the text as the app started).
gui::Autosaver started(const fs::path& dir, const fs::path& path = {}) {
  gui::Autosaver saver(in(dir));
  CHECK(saver.update(0, "package main\n", path, 0.0).empty());
  return saver;
}

// Metadata as the Autosaver writes it, for `text`.
std::string meta_for(const std::string& text, const std::string& path_json,
                     long long saved_at = 1700000000) {
  return "{\"path\": " + path_json + ", \"saved_at\": " + std::to_string(saved_at) +
         ", \"bytes\": " + std::to_string(text.size()) + ", \"fnv1a64\": \"" +
         gui::autosave_hash(text) + "\"}";
}
}  // namespace

TEST_CASE("Autosave: the folder is under an absolute XDG_STATE_HOME, else ~/.local/state") {
  {
    const EnvVar xdg("XDG_STATE_HOME", "/somewhere/state");
    const EnvVar home("HOME", "/home/learner");
    CHECK(gui::autosave_dir().path == fs::path("/somewhere/state/poolscope"));
    CHECK(gui::autosave_dir().error.empty());
  }
  for (const char* ignored : {"", "relative/state"}) {
    CAPTURE(ignored);
    const EnvVar xdg("XDG_STATE_HOME", ignored);
    const EnvVar home("HOME", "/home/learner");
    CHECK(gui::autosave_dir().path == fs::path("/home/learner/.local/state/poolscope"));
  }
  {
    const EnvVar xdg("XDG_STATE_HOME", nullptr);
    const EnvVar home("HOME", nullptr);
    const gui::AutosaveDir none = gui::autosave_dir();
    CHECK(none.path.empty());
    CHECK(none.error ==
          "cannot autosave the program: neither XDG_STATE_HOME nor HOME is set to an absolute "
          "path");
    gui::Autosaver saver(none);
    CHECK(saver.update(0, "a", {}, 0.0).empty());
    CHECK(saver.update(1, "ab", {}, 0.0) == none.error);  // once, not every frame
    CHECK(saver.update(2, "abc", {}, 5.0).empty());
    CHECK_FALSE(gui::restore_autosave(none.path).found);
  }
}

TEST_CASE("Autosave: a change is written at once, into private folders made for it") {
  const fs::path dir = scratch("autosave_first") / "state" / "poolscope";
  gui::Autosaver saver = started(dir);
  CHECK_FALSE(fs::exists(dir));  // the first state is the app's, not the learner's
  CHECK(saver.update(1, "package main\n// mine\n", {}, 0.5).empty());
  CHECK(read(dir / "autosave.go") == "package main\n// mine\n");
  struct stat st = {};
  REQUIRE(::stat(dir.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  REQUIRE(::stat(dir.parent_path().c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
  CHECK(read(dir / "autosave.json").find("\"path\": null") != std::string::npos);
}

TEST_CASE("Autosave: writes come at most every interval, and never without a change") {
  const fs::path dir = scratch("autosave_throttle");
  gui::Autosaver saver = started(dir);
  CHECK(saver.update(1, "v1", {}, 10.0).empty());
  CHECK(read(dir / "autosave.go") == "v1");
  CHECK(saver.update(2, "v2", {}, 10.5).empty());
  CHECK(saver.update(2, "v2", {}, 11.9).empty());
  CHECK(read(dir / "autosave.go") == "v1");  // too soon
  CHECK(saver.update(2, "v2", {}, 12.0).empty());
  CHECK(read(dir / "autosave.go") == "v2");
  // Nothing changes: nothing is written, even long after (the file removed behind our
  // back shows any write).
  fs::remove(dir / "autosave.go");
  for (double t = 13.0; t < 60.0; t += 0.5) saver.update(2, "v2", {}, t);
  CHECK_FALSE(fs::exists(dir / "autosave.go"));
  // A new path is a change too.
  CHECK(saver.update(2, "v2", dir / "main.go", 61.0).empty());
  CHECK(read(dir / "autosave.go") == "v2");
}

TEST_CASE("Autosave: a failed write is reported once, retried, and keeps the old autosave") {
  const fs::path dir = scratch("autosave_full");
  gui::Autosaver saver = started(dir);
  REQUIRE(saver.update(1, "the good copy", {}, 0.0).empty());
  const std::string meta = read(dir / "autosave.json");
  {
    const test::DiskFullAfter full(0);
    const std::string message = saver.update(2, "newer text", {}, 2.0);
    CHECK(message == "cannot autosave the program: cannot write " + (dir / "autosave.go").string() +
                         ": No space left on device; the old file is unchanged");
    CHECK(saver.error() == message);
    CHECK(saver.update(3, "newer text!", {}, 4.0).empty());  // tried again, told once
    CHECK(saver.update(3, "newer text!", {}, 9.0).empty());
    CHECK_FALSE(saver.error().empty());
  }
  CHECK(read(dir / "autosave.go") == "the good copy");
  CHECK(read(dir / "autosave.json") == meta);
  CHECK(test::entries(dir) == 2);  // no temporary left behind
  const gui::Restored old = gui::restore_autosave(dir);
  CHECK(old.found);
  CHECK(old.text == "the good copy");
  // The disk has room again: the next try writes, and a later failure is told again.
  CHECK(saver.update(3, "newer text!", {}, 11.0).empty());
  CHECK(saver.error().empty());
  CHECK(read(dir / "autosave.go") == "newer text!");
  const test::DiskFullAfter full(0);
  CHECK_FALSE(saver.update(4, "more", {}, 13.0).empty());
}

TEST_CASE("Autosave: text above the size limit is not written, and that is said once") {
  const fs::path dir = scratch("autosave_huge");
  gui::Autosaver saver = started(dir);
  const std::string huge((std::size_t{1} << 20) + 1, 'x');
  CHECK(saver.update(1, huge, {}, 0.0).find("1048577 bytes") != std::string::npos);
  CHECK(saver.update(2, huge, {}, 3.0).empty());
  CHECK_FALSE(fs::exists(dir / "autosave.go"));
}

TEST_CASE("Autosave: a new program is restored without a path, with the time it was saved") {
  const fs::path dir = scratch("autosave_new_program");
  gui::Autosaver saver = started(dir);
  REQUIRE(saver.update(1, "package main\n\nfunc main() {}\n", {}, 0.0).empty());
  const gui::Restored r = gui::restore_autosave(dir);
  CHECK(r.found);
  CHECK(r.text == "package main\n\nfunc main() {}\n");
  CHECK(r.path.empty());
  CHECK(r.saved_at > 0);
  const std::string start = "Restored your unsaved new program from ";
  REQUIRE(r.notice.starts_with(start));
  const std::string hh_mm = r.notice.substr(start.size(), 5);  // today: just the time
  CHECK(hh_mm[2] == ':');
  CHECK(r.notice.substr(start.size() + 5) == ". Save it to keep it.");
  CHECK(fs::exists(dir / "autosave.go"));  // kept until the learner saves or changes it
}

TEST_CASE("Autosave: text that differs from its file is restored with the file's path") {
  const fs::path dir = scratch("autosave_with_path");
  const fs::path program = dir / "main.go";
  write(program, "package main // saved\n");
  gui::Autosaver saver = started(dir, program);
  REQUIRE(saver.update(1, "package main // edited\n", program, 0.0).empty());
  {
    const gui::Restored r = gui::restore_autosave(dir);
    CHECK(r.found);
    CHECK(r.text == "package main // edited\n");
    CHECK(r.path == program);
    CHECK(r.notice.ends_with(" (main.go). Save it to keep it."));
  }
  fs::remove(program);
  const gui::Restored r = gui::restore_autosave(dir);
  CHECK(r.found);
  CHECK(r.path == program);
  CHECK(r.notice.ends_with(" (main.go, no longer on disk). Save it to keep it."));
}

TEST_CASE("Autosave: text equal to its file on disk is nothing to restore") {
  const fs::path dir = scratch("autosave_equal");
  const fs::path program = dir / "main.go";
  write(program, "package main // v1\n");
  gui::Autosaver saver = started(dir, program);
  REQUIRE(saver.update(1, "package main // v2\n", program, 0.0).empty());
  write(program, "package main // v2\n");  // saved by another editor
  const gui::Restored r = gui::restore_autosave(dir);
  CHECK_FALSE(r.found);
  CHECK(r.notice.empty());
  CHECK_FALSE(fs::exists(dir / "autosave.go"));
  CHECK_FALSE(fs::exists(dir / "autosave.json"));
  // The learner undoes back to the file's text: the autosave goes instead of a write.
  write(program, "package main // v1\n");
  REQUIRE(saver.update(2, "package main // v2 edited\n", program, 5.0).empty());
  REQUIRE(fs::exists(dir / "autosave.go"));
  CHECK(saver.update(3, "package main // v1\n", program, 10.0).empty());
  CHECK_FALSE(fs::exists(dir / "autosave.go"));
  CHECK_FALSE(gui::restore_autosave(dir).found);
}

TEST_CASE("Autosave: corrupt metadata is set aside and the text restored as a new program") {
  const fs::path dir = scratch("autosave_bad_meta");
  write(dir / "main.go", "package main\n");
  write(dir / "autosave.go", "package main // mine\n");
  write(dir / "autosave.json", "{\"path\": \"");
  const gui::Restored r = gui::restore_autosave(dir);
  CHECK(r.found);
  CHECK(r.text == "package main // mine\n");
  CHECK(r.path.empty());
  CHECK(r.notice ==
        "Restored your unsaved program as a new program (its details were not valid JSON at "
        "line 1: set aside as autosave.json.bad). Save it to keep it.");
  CHECK(read(dir / "autosave.json.bad") == "{\"path\": \"");
  CHECK(read(dir / "autosave.go") == "package main // mine\n");

  // Metadata of other text (a crash between the two writes) never lends its path, even
  // when the sizes agree.
  write(dir / "autosave.json",
        meta_for("package main // ours\n", "\"" + (dir / "main.go").string() + "\""));
  const gui::Restored other = gui::restore_autosave(dir);
  CHECK(other.found);
  CHECK(other.path.empty());
  CHECK(other.notice.find("describes other text: set aside as autosave.json.bad.2") !=
        std::string::npos);
  CHECK(read(dir / "autosave.json.bad") == "{\"path\": \"");  // the older one stays

  // Metadata of the wrong kind, and none at all.
  write(dir / "autosave.json", "[1, 2]");
  CHECK(gui::restore_autosave(dir).notice.find("not a JSON object") != std::string::npos);
  write(dir / "autosave.json", "{\"path\": 7, \"saved_at\": 1, \"bytes\": 1, \"fnv1a64\": \"\"}");
  CHECK(gui::restore_autosave(dir).notice.find("of the wrong kind") != std::string::npos);
  const gui::Restored bare = gui::restore_autosave(dir);
  CHECK(bare.found);
  CHECK(bare.notice ==
        "Restored your unsaved program as a new program (its details were missing). Save it "
        "to keep it.");
}

TEST_CASE("Autosave: the notice gives the date when the autosave is not from today") {
  const EnvVar tz("TZ", "UTC0");
  const fs::path dir = scratch("autosave_old_date");
  write(dir / "autosave.go", "package main\n");
  write(dir / "autosave.json", meta_for("package main\n", "null", 1700000000));
  const gui::Restored r = gui::restore_autosave(dir);
  CHECK(r.saved_at == 1700000000);
  CHECK(r.notice == "Restored your unsaved new program from 2023-11-14 22:13. Save it to keep it.");
}

TEST_CASE("Autosave: text that is not UTF-8, or too large, is set aside, never lost") {
  const fs::path dir = scratch("autosave_bad_text");
  write(dir / "autosave.go", "package main // \xff\xfe\n");
  const gui::Restored r = gui::restore_autosave(dir);
  CHECK_FALSE(r.found);
  CHECK(r.notice.starts_with("Could not restore your autosaved program: "));
  CHECK(r.notice.find("UTF-8") != std::string::npos);
  CHECK(r.notice.ends_with("it was set aside as " + (dir / "autosave.go.bad").string() + "."));
  CHECK(read(dir / "autosave.go.bad") == "package main // \xff\xfe\n");
  CHECK_FALSE(fs::exists(dir / "autosave.go"));

  write(dir / "autosave.go", std::string((std::size_t{1} << 20) + 1, 'x'));
  const gui::Restored huge = gui::restore_autosave(dir);
  CHECK_FALSE(huge.found);
  CHECK(huge.notice.ends_with("set aside as " + (dir / "autosave.go.bad.2").string() + "."));
  CHECK(read(dir / "autosave.go.bad") == "package main // \xff\xfe\n");
  CHECK(gui::restore_autosave(dir).notice.empty());  // nothing left to restore
}

TEST_CASE("Autosave: clear() removes the autosave and waits for the next change") {
  const fs::path dir = scratch("autosave_clear");
  const fs::path program = dir / "main.go";
  gui::Autosaver saver = started(dir, program);
  REQUIRE(saver.update(1, "package main // edited\n", program, 0.0).empty());
  REQUIRE(fs::exists(dir / "autosave.go"));
  write(program, "package main // edited\n");  // the learner saves for real
  CHECK(saver.clear(1, program).empty());
  CHECK_FALSE(fs::exists(dir / "autosave.go"));
  CHECK_FALSE(fs::exists(dir / "autosave.json"));
  const gui::Restored r = gui::restore_autosave(dir);
  CHECK_FALSE(r.found);
  CHECK(r.notice.empty());
  CHECK(saver.update(1, "package main // edited\n", program, 10.0).empty());
  CHECK_FALSE(fs::exists(dir / "autosave.go"));
  CHECK(saver.update(2, "package main // again\n", program, 10.0).empty());
  CHECK(read(dir / "autosave.go") == "package main // again\n");
}
