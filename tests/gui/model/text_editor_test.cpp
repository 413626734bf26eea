#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <random>
#include <string>
#include <string_view>

#include "app/gui/model/text_editor.hpp"
#include "core/util/read_file.hpp"

using namespace poolscope::gui;

namespace doctest {
template <>
struct StringMaker<TextPos> {
  static String convert(const TextPos& p) {
    return ("{" + std::to_string(p.line) + ", " + std::to_string(p.column) + "}").c_str();
  }
};
template <>
struct StringMaker<TextRange> {
  static String convert(const TextRange& r) {
    return StringMaker<TextPos>::convert(r.begin) + " .. " + StringMaker<TextPos>::convert(r.end);
  }
};
}  // namespace doctest

namespace {

// An editor holding `marked` with the caret where its '|' is.
TextEditor editor_at(std::string_view marked) {
  std::string text(marked);
  const std::size_t bar = text.find('|');
  REQUIRE(bar != std::string::npos);
  text.erase(bar, 1);
  TextEditor ed(text);
  ed.set_cursor(ed.offset_to_position(bar));
  return ed;
}

// The editor's text with a '|' at the caret.
std::string marked(const TextEditor& ed) {
  std::string text = ed.text();
  text.insert(ed.position_to_offset(ed.cursor()), "|");
  return text;
}

std::string typed(TextEditor& ed, std::string_view chars) {
  for (const char c : chars) ed.type(std::string(1, c));
  return marked(ed);
}

std::string underlined(const TextEditor& ed, int line, int column) {
  const auto r = ed.diagnostic_range(line, column);
  REQUIRE(r.has_value());
  REQUIRE(r->begin.line == r->end.line);
  return std::string(ed.line(r->begin.line)
                         .substr(static_cast<std::size_t>(r->begin.column),
                                 static_cast<std::size_t>(r->end.column - r->begin.column)));
}

}  // namespace

// [SECTION] Text ---------------------------------------------------------------------------

TEST_CASE("TextEditor: text splits into lines and comes back whole") {
  TextEditor ed("package main\n\nfunc main() {}\n");
  CHECK(ed.line_count() == 4);
  CHECK(ed.line(0) == "package main");
  CHECK(ed.line(3).empty());  // the trailing newline leaves an empty last line
  CHECK(ed.text() == "package main\n\nfunc main() {}\n");
  CHECK(ed.size() == ed.text().size());
  CHECK(ed.line(4).empty());
  CHECK(ed.line(-1).empty());
}

TEST_CASE("TextEditor: CRLF and lone CR become LF, bad UTF-8 and controls become U+FFFD") {
  TextEditor ed("a\r\nb\rc\n");
  CHECK(ed.text() == "a\nb\nc\n");
  CHECK(clean_editor_text("x\xC3(y") == "x\xEF\xBF\xBD(y");
  CHECK(clean_editor_text("\xFF\xFE") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(clean_editor_text(std::string_view("a\0b", 3)) ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(clean_editor_text("\ttab\x1b") == "\ttab\xEF\xBF\xBD");
  CHECK(clean_editor_text("\xE2\x82\xAC ok") == "\xE2\x82\xAC ok");  // a valid euro sign stays
  CHECK(clean_editor_text("a\r") == "a\n");
}

TEST_CASE("TextEditor: set_text moves the caret home, clears undo and counts as saved") {
  TextEditor ed = editor_at("abc|");
  ed.type("d");
  REQUIRE(ed.can_undo());
  const auto before = ed.revision();
  CHECK(ed.set_text("new"));
  CHECK(ed.revision() > before);
  CHECK(ed.cursor() == TextPos{0, 0});
  CHECK_FALSE(ed.can_undo());
  CHECK_FALSE(ed.modified());
}

// [SECTION] Motion -------------------------------------------------------------------------

TEST_CASE("TextEditor: left and right step over whole UTF-8 code points and across lines") {
  TextEditor ed = editor_at("|h\xC3\xA9\xF0\x9F\x98\x80\nx");  // h, é (2 bytes), 😀 (4 bytes)
  ed.move(Motion::Right);
  CHECK(ed.cursor() == TextPos{0, 1});
  ed.move(Motion::Right);
  CHECK(ed.cursor() == TextPos{0, 3});
  ed.move(Motion::Right);
  CHECK(ed.cursor() == TextPos{0, 7});
  ed.move(Motion::Right);
  CHECK(ed.cursor() == TextPos{1, 0});
  ed.move(Motion::Left);
  ed.move(Motion::Left);
  CHECK(ed.cursor() == TextPos{0, 3});
  ed.set_cursor({0, 5});  // inside the emoji: moved back to its start
  CHECK(ed.cursor() == TextPos{0, 3});
}

TEST_CASE("TextEditor: left and right collapse a selection to its ends") {
  TextEditor ed("hello world");
  ed.set_selection({0, 2}, {0, 7});
  ed.move(Motion::Left);
  CHECK(ed.cursor() == TextPos{0, 2});
  CHECK_FALSE(ed.has_selection());
  ed.set_selection({0, 7}, {0, 2});
  ed.move(Motion::Right);
  CHECK(ed.cursor() == TextPos{0, 7});
}

TEST_CASE("TextEditor: up and down keep the display column across tabs and short lines") {
  // Line 1 starts with a tab (4 columns); the caret at display column 5 ("x" after "\tab").
  TextEditor ed = editor_at("abcde|fgh\n\tx\nab\n\tabcdefg");
  CHECK(ed.display_column(ed.cursor()) == 5);
  ed.move(Motion::Down);
  CHECK(ed.cursor() == TextPos{1, 2});  // the end of "\tx" (column 5)
  ed.move(Motion::Down);
  CHECK(ed.cursor() == TextPos{2, 2});  // a short line: its end
  ed.move(Motion::Down);
  CHECK(ed.cursor() == TextPos{3, 2});  // back at display column 5: "\ta|bcdefg"
  ed.move(Motion::Up);
  ed.move(Motion::Up);
  ed.move(Motion::Up);
  CHECK(ed.cursor() == TextPos{0, 5});
  ed.move(Motion::Up);  // above the first line: its start
  CHECK(ed.cursor() == TextPos{0, 0});
  ed.move(Motion::DocumentEnd);
  ed.move(Motion::Down);
  CHECK(ed.cursor() == TextPos{3, 8});
}

TEST_CASE("TextEditor: page up and down move by the page's lines") {
  std::string text;
  for (int i = 0; i < 100; ++i) text += "line\n";
  TextEditor ed(text);
  ed.set_page_lines(30);
  ed.move(Motion::PageDown);
  CHECK(ed.cursor().line == 30);
  ed.move(Motion::PageDown, true);
  CHECK(ed.cursor().line == 60);
  CHECK(ed.anchor().line == 30);
  ed.move(Motion::PageUp);
  ed.move(Motion::PageUp);
  ed.move(Motion::PageUp);
  CHECK(ed.cursor() == TextPos{0, 0});
}

TEST_CASE("TextEditor: Home goes to the first non-blank, then to column 0") {
  TextEditor ed = editor_at("\t\tx := 1|");
  ed.move(Motion::Home);
  CHECK(ed.cursor() == TextPos{0, 2});
  ed.move(Motion::Home);
  CHECK(ed.cursor() == TextPos{0, 0});
  ed.move(Motion::Home);
  CHECK(ed.cursor() == TextPos{0, 2});
  ed.move(Motion::End, true);
  CHECK(ed.selected_text() == "x := 1");
}

TEST_CASE("TextEditor: word motion stops at words and runs of punctuation") {
  TextEditor ed = editor_at("|for i := range jobs {\nx");
  ed.move(Motion::WordRight);
  CHECK(ed.cursor().column == 3);
  ed.move(Motion::WordRight);
  CHECK(ed.cursor().column == 5);
  ed.move(Motion::WordRight);
  CHECK(ed.cursor().column == 8);  // ":=" is one run
  ed.move(Motion::End);
  ed.move(Motion::WordRight);
  CHECK(ed.cursor() == TextPos{1, 0});  // across the line's end
  ed.move(Motion::WordLeft);
  CHECK(ed.cursor() == TextPos{0, 21});
  ed.move(Motion::WordLeft);
  CHECK(ed.cursor() == TextPos{0, 20});  // "{"
  ed.move(Motion::WordLeft);
  CHECK(ed.cursor() == TextPos{0, 15});  // "jobs"
}

TEST_CASE("TextEditor: double-click selects a word, triple-click a line") {
  TextEditor ed("\tresults <- j * 2\nnext");
  ed.select_word_at({0, 4});
  CHECK(ed.selected_text() == "results");
  ed.select_word_at({0, 9});
  CHECK(ed.selected_text() == "<");
  ed.select_word_at({0, 17});  // the end of the line: the word before
  CHECK(ed.selected_text() == "2");
  ed.select_line(0);
  CHECK(ed.selected_text() == "\tresults <- j * 2\n");
  ed.select_line(1);
  CHECK(ed.selected_text() == "next");
  ed.select_all();
  CHECK(ed.selected_text() == ed.text());
}

// [SECTION] Editing ------------------------------------------------------------------------

TEST_CASE("TextEditor: typing inserts at the caret and replaces the selection") {
  TextEditor ed = editor_at("fmt.Pri|");
  CHECK(typed(ed, "ntln") == "fmt.Println|");
  ed.set_selection({0, 4}, {0, 11});
  ed.type("P");
  CHECK(marked(ed) == "fmt.P|");
  CHECK(ed.modified());
}

TEST_CASE("TextEditor: restored unsaved text stays modified, even undone to, until saved") {
  TextEditor ed = editor_at("x|");
  ed.mark_unsaved();
  CHECK(ed.modified());
  ed.type("y");
  ed.undo();
  CHECK(ed.text() == "x");
  CHECK(ed.modified());
  ed.mark_saved();
  CHECK_FALSE(ed.modified());
}

TEST_CASE("TextEditor: Enter keeps the indentation and adds a tab after { or (") {
  TextEditor ed = editor_at("func main() {|");
  ed.newline();
  CHECK(marked(ed) == "func main() {\n\t|");
  typed(ed, "for {");
  ed.newline();
  CHECK(marked(ed) == "func main() {\n\tfor {\n\t\t|");
  typed(ed, "x := 1");
  ed.newline();
  CHECK(marked(ed) == "func main() {\n\tfor {\n\t\tx := 1\n\t\t|");
  TextEditor call = editor_at("\tfmt.Println(|");
  call.newline();
  CHECK(marked(call) == "\tfmt.Println(\n\t\t|");
  TextEditor spaces = editor_at("  x|");  // spaces are copied as they are
  spaces.newline();
  CHECK(marked(spaces) == "  x\n  |");
}

TEST_CASE("TextEditor: Enter between { and } puts the } on a line of its own") {
  TextEditor ed = editor_at("\tgo func() {|}()");
  ed.newline();
  CHECK(marked(ed) == "\tgo func() {\n\t\t|\n\t}()");
  REQUIRE(ed.undo());
  CHECK(marked(ed) == "\tgo func() {|}()");
}

TEST_CASE("TextEditor: a } typed on a blank indented line dedents it") {
  TextEditor ed = editor_at("\tfor {\n\t\tx++\n\t\t|");
  ed.type("}");
  CHECK(marked(ed) == "\tfor {\n\t\tx++\n\t}|");
  TextEditor mid = editor_at("\tx := y|");  // not blank: no dedent
  mid.type("}");
  CHECK(marked(mid) == "\tx := y}|");
}

TEST_CASE("TextEditor: backspace and delete take a code point, a word or the selection") {
  TextEditor ed = editor_at("ab\xC3\xA9|\ncd");
  ed.backspace();
  CHECK(marked(ed) == "ab|\ncd");
  ed.delete_forward();
  CHECK(marked(ed) == "ab|cd");  // joins the lines
  ed.set_cursor({0, 0});
  CHECK_FALSE(ed.backspace());  // nothing before the start
  ed.move(Motion::DocumentEnd);
  CHECK_FALSE(ed.delete_forward());
  TextEditor words = editor_at("jobs <- job|");
  words.backspace(true);
  CHECK(marked(words) == "jobs <- |");
  words.set_cursor({0, 0});
  words.delete_forward(true);
  CHECK(marked(words) == "| <- ");
  words.select_all();
  words.backspace();
  CHECK(words.text().empty());
}

TEST_CASE("TextEditor: Tab indents every selected line and Shift+Tab dedents them") {
  TextEditor ed("a\n\nb\n  c\nd");
  ed.set_selection({0, 1}, {3, 2});
  REQUIRE(ed.tab());
  CHECK(ed.text() == "\ta\n\n\tb\n\t  c\nd");  // the empty line stays empty
  CHECK(ed.anchor() == TextPos{0, 2});
  CHECK(ed.cursor() == TextPos{3, 3});
  REQUIRE(ed.untab());
  CHECK(ed.text() == "a\n\nb\n  c\nd");
  REQUIRE(ed.untab());  // up to kGoTabWidth spaces count as one level
  CHECK(ed.text() == "a\n\nb\nc\nd");
  CHECK_FALSE(ed.untab());  // nothing left to dedent
  ed.undo();
  ed.undo();
  CHECK(ed.text() == "\ta\n\n\tb\n\t  c\nd");  // one step each
  ed.set_selection({0, 0}, {2, 0});            // ends at a line start: that line is not indented
  ed.tab();
  CHECK(ed.text() == "\t\ta\n\n\tb\n\t  c\nd");
  TextEditor one = editor_at("x|y");
  one.tab();
  CHECK(marked(one) == "x\t|y");
}

TEST_CASE("TextEditor: cut returns the selection and removes it, paste replaces it") {
  TextEditor ed("worker 1\nworker 2");
  ed.set_selection({0, 0}, {1, 0});
  CHECK(ed.cut() == "worker 1\n");
  CHECK(ed.text() == "worker 2");
  CHECK(ed.cut().empty());  // nothing selected
  ed.select_word_at({0, 0});
  REQUIRE(ed.insert("collector\r\n"));
  CHECK(marked(ed) == "collector\n| 2");
}

TEST_CASE("TextEditor: replace_range is one undo step and keeps the caret in its text") {
  TextEditor ed = editor_at("const numWorkers = 3\nfunc main() {|}");
  const auto rev = ed.revision();
  REQUIRE(ed.replace_range({{0, 19}, {0, 20}}, "12"));
  CHECK(ed.line(0) == "const numWorkers = 12");
  CHECK(ed.cursor() == TextPos{1, 13});  // on a later line: unmoved
  CHECK(ed.revision() > rev);
  TextEditor same = editor_at("const n = 3 // workers|");
  same.replace_range({{0, 10}, {0, 11}}, "100");
  CHECK(marked(same) == "const n = 100 // workers|");  // later on the line: moves along
  same.undo();
  CHECK(marked(same) == "const n = 3 // workers|");
  same.set_read_only(true);
  CHECK(same.replace_range({{0, 10}, {0, 11}}, "4"));  // the app's edits work when read-only
  CHECK(same.line(0) == "const n = 4 // workers");
}

// [SECTION] Undo ---------------------------------------------------------------------------

TEST_CASE("TextEditor: typed characters undo as one step until a newline, a move or a pause") {
  TextEditor ed = editor_at("|");
  ed.set_time(10);
  typed(ed, "jobs");
  ed.newline();
  typed(ed, "ok");
  CHECK(ed.undo_steps() == 3);
  ed.undo();
  CHECK(marked(ed) == "jobs\n|");
  ed.undo();
  CHECK(marked(ed) == "jobs|");
  ed.undo();
  CHECK(marked(ed) == "|");
  CHECK_FALSE(ed.undo());

  TextEditor moved = editor_at("|");
  typed(moved, "ab");
  moved.move(Motion::Left);
  moved.move(Motion::Right);  // back where it was, but the group ended
  typed(moved, "cd");
  CHECK(moved.undo_steps() == 2);

  TextEditor paused = editor_at("|");
  paused.set_time(1.0);
  typed(paused, "ab");
  paused.set_time(1.0 + kUndoPause * 0.5);
  typed(paused, "c");  // a short pause: same step
  paused.set_time(1.0 + kUndoPause * 2.0);
  typed(paused, "d");
  CHECK(paused.undo_steps() == 2);
  paused.undo();
  CHECK(paused.text() == "abc");
}

TEST_CASE("TextEditor: undo and redo restore the text and the selection") {
  TextEditor ed("hello world");
  ed.set_selection({0, 6}, {0, 11});
  ed.type("gopher");
  CHECK(ed.text() == "hello gopher");
  REQUIRE(ed.undo());
  CHECK(ed.text() == "hello world");
  CHECK(ed.anchor() == TextPos{0, 6});
  CHECK(ed.cursor() == TextPos{0, 11});
  REQUIRE(ed.redo());
  CHECK(ed.text() == "hello gopher");
  CHECK(ed.cursor() == TextPos{0, 12});
  CHECK_FALSE(ed.has_selection());
  ed.undo();
  ed.type("x");  // a new edit drops what could be redone
  CHECK_FALSE(ed.can_redo());
}

TEST_CASE("TextEditor: backspaces group, and their undo brings back the text") {
  TextEditor ed = editor_at("results|");
  for (int i = 0; i < 4; ++i) ed.backspace();
  CHECK(marked(ed) == "res|");
  CHECK(ed.undo_steps() == 1);
  ed.undo();
  CHECK(marked(ed) == "results|");
  TextEditor del = editor_at("|results");
  for (int i = 0; i < 3; ++i) del.delete_forward();
  CHECK(del.undo_steps() == 1);
  del.undo();
  CHECK(del.text() == "results");
}

TEST_CASE("TextEditor: modified and revision follow the edit history") {
  TextEditor ed("x");
  CHECK_FALSE(ed.modified());
  const auto r0 = ed.revision();
  ed.move(Motion::End);
  CHECK(ed.revision() == r0);  // moving is not a change
  ed.type("y");
  CHECK(ed.modified());
  ed.undo();
  CHECK_FALSE(ed.modified());      // back at the saved text
  CHECK(ed.revision() == r0 + 2);  // yet it changed twice
  ed.redo();
  ed.mark_saved();
  CHECK_FALSE(ed.modified());
  ed.undo();
  CHECK(ed.modified());
}

TEST_CASE("TextEditor: the undo history is bounded in steps and bytes") {
  TextEditor ed;
  for (std::size_t i = 0; i < kMaxUndoSteps + 100; ++i) ed.insert("x");
  CHECK(ed.undo_steps() == kMaxUndoSteps);
  TextEditor big;
  const std::string chunk(kMaxEditorBytes / 2, 'a');
  for (int i = 0; i < 20; ++i) {
    big.select_all();
    REQUIRE(big.insert(chunk));
  }
  CHECK(big.undo_bytes() <= kMaxUndoBytes);
  CHECK(big.undo_steps() < 20);
  CHECK(big.can_undo());
}

// [SECTION] Limits and read-only --------------------------------------------------------------

TEST_CASE("TextEditor: the text never grows past its cap, and a huge paste is refused at once") {
  TextEditor ed("x");
  const std::string fill(kMaxEditorBytes - 1, 'a');
  ed.move(Motion::End);
  CHECK(ed.insert(fill));  // exactly at the cap
  CHECK(ed.size() == kMaxEditorBytes);
  const auto rev = ed.revision();
  CHECK_FALSE(ed.type("b"));
  CHECK_FALSE(ed.newline());
  CHECK(ed.revision() == rev);
  TextEditor small("package main");
  const std::string huge(100u << 20, 'z');
  const auto start = std::chrono::steady_clock::now();
  CHECK_FALSE(small.insert(huge));
  CHECK_FALSE(small.set_text(huge));
  CHECK_FALSE(small.replace_range({}, huge));
  const auto took = std::chrono::steady_clock::now() - start;
  CHECK(std::chrono::duration_cast<std::chrono::milliseconds>(took).count() < 100);
  CHECK(small.text() == "package main");
}

TEST_CASE("TextEditor: read-only refuses the learner's edits but moves, selects and finds") {
  TextEditor ed("go worker(jobs)");
  ed.set_read_only(true);
  CHECK_FALSE(ed.type("x"));
  CHECK_FALSE(ed.insert("x"));
  CHECK_FALSE(ed.newline());
  CHECK_FALSE(ed.backspace());
  CHECK_FALSE(ed.delete_forward());
  CHECK_FALSE(ed.tab());
  CHECK_FALSE(ed.untab());
  ed.select_all();
  CHECK(ed.cut().empty());
  CHECK(ed.text() == "go worker(jobs)");
  CHECK(ed.find_next("jobs"));
  CHECK(ed.selected_text() == "jobs");
  ed.move(Motion::Home);
  CHECK(ed.cursor() == TextPos{0, 0});
}

// [SECTION] Find ---------------------------------------------------------------------------

TEST_CASE("TextEditor: find selects the next and previous match, wrapping around") {
  TextEditor ed("jobs := make(chan int)\nfor j := range Jobs {}\nclose(jobs)");
  CHECK(ed.count_matches("jobs") == 3);
  CHECK(ed.count_matches("jobs", true) == 2);
  REQUIRE(ed.find_next("jobs"));
  CHECK(ed.selection() == TextRange{{0, 0}, {0, 4}});
  REQUIRE(ed.find_next("jobs"));
  CHECK(ed.selection() == TextRange{{1, 15}, {1, 19}});
  REQUIRE(ed.find_next("jobs", true));
  CHECK(ed.selection() == TextRange{{2, 6}, {2, 10}});
  REQUIRE(ed.find_next("jobs"));  // wraps to the start
  CHECK(ed.selection().begin == TextPos{0, 0});
  REQUIRE(ed.find_prev("jobs"));  // wraps to the end
  CHECK(ed.selection().begin == TextPos{2, 6});
  REQUIRE(ed.find_prev("jobs"));
  CHECK(ed.selection().begin == TextPos{1, 15});
  CHECK_FALSE(ed.find_next("results"));
  CHECK_FALSE(ed.find_next(""));
  CHECK(ed.find_next(")\nfor"));  // across a line's end
  CHECK(ed.selection() == TextRange{{0, 21}, {1, 3}});
  ed.move(Motion::DocumentEnd);
  REQUIRE(ed.find_next("close"));  // from the very end: wraps
  CHECK(ed.selection().begin == TextPos{2, 0});
}

// [SECTION] Positions and diagnostics --------------------------------------------------------

TEST_CASE("TextEditor: offsets and positions convert both ways") {
  TextEditor ed("ab\n\ncd\xC3\xA9");
  for (std::size_t off = 0; off <= ed.size(); ++off) {
    if (off == 7) continue;  // inside é: clamps back
    CHECK(ed.position_to_offset(ed.offset_to_position(off)) == off);
  }
  CHECK(ed.offset_to_position(3) == TextPos{1, 0});
  CHECK(ed.offset_to_position(7) == TextPos{2, 2});
  CHECK(ed.offset_to_position(1000) == TextPos{2, 4});
  CHECK(ed.position_to_offset({9, 9}) == ed.size());
}

TEST_CASE("TextEditor: a display column maps back to the nearest character edge") {
  TextEditor ed("\tab");
  CHECK(ed.display_column({0, 1}) == 4);
  CHECK(ed.column_at_display(0, 1.5f) == 0);
  CHECK(ed.column_at_display(0, 2.5f) == 1);  // past the tab's middle
  CHECK(ed.column_at_display(0, 4.6f) == 2);
  CHECK(ed.column_at_display(0, 99.0f) == 3);
  CHECK(ed.column_at_display(0, -3.0f) == 0);
}

TEST_CASE("TextEditor: a compile error underlines the token at gc's byte column") {
  TextEditor ed(
      "package main\n"
      "\tx := undefinedName + 1\n"
      "\ty := 0x1e+5 + 1.5e-3\n"
      "\ts := \"a \\\" b\" + `raw`\n"
      "\tjobs <- 1 // note\n"
      "\t\xC3\xA9t\xC3\xA9 := 1\n"
      "\n");
  CHECK(underlined(ed, 2, 7) == "undefinedName");  // the tab is one byte column
  CHECK(underlined(ed, 2, 4) == ":=");
  CHECK(underlined(ed, 2, 21) == "+");
  CHECK(underlined(ed, 3, 7) == "0x1e");  // hex: the + is not an exponent's
  CHECK(underlined(ed, 3, 16) == "1.5e-3");
  CHECK(underlined(ed, 4, 7) == "\"a \\\" b\"");
  CHECK(underlined(ed, 4, 18) == "`raw`");
  CHECK(underlined(ed, 5, 7) == "<-");
  CHECK(underlined(ed, 5, 12) == "// note");
  CHECK(underlined(ed, 6, 2) == "\xC3\xA9t\xC3\xA9");
  CHECK(underlined(ed, 2, 3) == " ");                       // a blank: one character
  CHECK(underlined(ed, 2, 99) == "1");                      // past the end: the last character
  CHECK(underlined(ed, 2, 0) == "x := undefinedName + 1");  // no column: the line
  CHECK_FALSE(ed.diagnostic_range(0, 1).has_value());
  const auto empty = ed.diagnostic_range(7, 1);  // an empty line: an empty range on it
  REQUIRE(empty.has_value());
  CHECK(empty->begin == TextPos{6, 0});
  CHECK(empty->empty());
  const auto past = ed.diagnostic_range(50, 3);  // past the last line: the end of the text
  REQUIRE(past.has_value());
  CHECK(past->begin.line == ed.line_count() - 1);
}

// [SECTION] Every operation at random -------------------------------------------------------

namespace {

// One random operation of the learner's or the app's.
void random_operation(TextEditor& ed, std::mt19937& rng) {
  static const std::array<std::string_view, 8> kPieces = {
      "x", "{", "}", "\xC3\xA9", "\t", "go f(\n\t1)\n", "\xF0\x9F\x98\x80 ", "\r\nz"};
  const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
  const auto any_pos = [&] { return TextPos{pick(ed.line_count() + 1), pick(12)}; };
  switch (pick(14)) {
    case 0:
    case 1:
      ed.type(kPieces[static_cast<std::size_t>(pick(5))]);
      break;
    case 2:
      ed.insert(kPieces[static_cast<std::size_t>(pick(8))]);
      break;
    case 3:
      ed.newline();
      break;
    case 4:
      ed.backspace(pick(3) == 0);
      break;
    case 5:
      ed.delete_forward(pick(3) == 0);
      break;
    case 6:
      ed.move(static_cast<Motion>(pick(12)), pick(2) == 0);
      break;
    case 7:
      ed.set_cursor(any_pos(), pick(2) == 0);
      break;
    case 8:
      (void)ed.cut();
      break;
    case 9:
      pick(2) == 0 ? ed.tab() : ed.untab();
      break;
    case 10:
      ed.undo();
      break;
    case 11:
      ed.redo();
      break;
    case 12:
      ed.replace_range({any_pos(), any_pos()}, kPieces[static_cast<std::size_t>(pick(8))]);
      break;
    default:
      ed.select_word_at(any_pos());
      break;
  }
}

}  // namespace

TEST_CASE("TextEditor: random edits keep the text whole, and undo all the way returns it") {
  for (unsigned seed = 1; seed <= 20; ++seed) {
    CAPTURE(seed);
    std::mt19937 rng(seed);
    const std::string start = "package main\n\nfunc main() {\n\tx := 1\n}\n";
    TextEditor ed(start);
    double now = 0;
    for (int i = 0; i < 300; ++i) {
      now += (rng() % 4 == 0) ? 2.0 : 0.1;
      ed.set_time(now);
      random_operation(ed, rng);
      const std::string text = ed.text();
      REQUIRE(ed.size() == text.size());
      REQUIRE(ed.line_count() == std::count(text.begin(), text.end(), '\n') + 1);
      REQUIRE(ed.clamp(ed.cursor()) == ed.cursor());
      REQUIRE(ed.clamp(ed.anchor()) == ed.anchor());
      REQUIRE(poolscope::util::is_utf8(text));
      REQUIRE(text.find('\r') == std::string::npos);
    }
    while (ed.redo()) {  // what was undone last comes back first: the whole history
    }
    const std::string end = ed.text();
    while (ed.undo()) {
    }
    CHECK(ed.text() == start);
    CHECK_FALSE(ed.modified());
    while (ed.redo()) {
    }
    CHECK(ed.text() == end);
  }
}
