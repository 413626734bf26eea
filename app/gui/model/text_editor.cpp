// The editor's model (text_editor.hpp). Sections:
//   [SECTION] Characters and cleaning
//   [SECTION] Tokens (where a compile error's underline ends)
//   [SECTION] Text
//   [SECTION] Cursor, selection and motion
//   [SECTION] Editing
//   [SECTION] Undo
//   [SECTION] Find
//   [SECTION] Positions
#include "app/gui/model/text_editor.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "app/gui/model/go_syntax.hpp"
#include "core/util/read_file.hpp"

namespace poolscope::gui {

namespace {

// [SECTION] Characters and cleaning -------------------------------------------------------

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool is_continuation(char c) noexcept { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
bool is_blank(char c) noexcept { return c == ' ' || c == '\t'; }
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_word(char c) noexcept {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || u == '_' || is_digit(c) || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}
char fold(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// 0 blank, 1 word, 2 punctuation: what word motion and double-click tell apart. Every byte
// of a multi-byte character is a word byte, so byte steps never split one.
int char_class(char c) noexcept { return is_blank(c) ? 0 : is_word(c) ? 1 : 2; }

// Valid UTF-8 `text` appended to `out` with newlines normalised and control characters
// replaced; `pending_cr` carries a '\r' that ended the previous piece.
void append_clean(std::string_view text, std::string& out, bool& pending_cr) {
  for (const char c : text) {
    if (pending_cr) {
      pending_cr = false;
      if (c == '\n') continue;  // the '\n' of "\r\n": already written
    }
    const auto u = static_cast<unsigned char>(c);
    if (c == '\r') {
      out.push_back('\n');
      pending_cr = true;
    } else if ((u < 0x20 && c != '\t' && c != '\n') || u == 0x7F) {
      out.append(kReplacement);
    } else {
      out.push_back(c);
    }
  }
}

std::size_t first_non_blank(std::string_view line) noexcept {
  std::size_t i = 0;
  while (i < line.size() && is_blank(line[i])) ++i;
  return i;
}

// Where `text` ends when it is put in at `begin`.
TextPos end_of(TextPos begin, std::string_view text) noexcept {
  const std::size_t last_newline = text.rfind('\n');
  if (last_newline == std::string_view::npos) {
    return {begin.line, begin.column + static_cast<int>(text.size())};
  }
  const auto newlines = std::count(text.begin(), text.end(), '\n');
  return {begin.line + static_cast<int>(newlines),
          static_cast<int>(text.size() - last_newline - 1)};
}

bool equal_at(std::string_view text, std::size_t at, std::string_view query, bool match_case) {
  if (at + query.size() > text.size()) return false;
  for (std::size_t i = 0; i < query.size(); ++i) {
    const char a = text[at + i];
    const char b = query[i];
    if (match_case ? a != b : fold(a) != fold(b)) return false;
  }
  return true;
}

// [SECTION] Tokens (where a compile error's underline ends) ----------------------------------

// The end of a number starting at `i`: digits, letters, '_', '.', and a sign after an
// exponent (e/E of a decimal, p/P of a hex float).
std::size_t number_end(std::string_view s, std::size_t i) noexcept {
  const bool hex = s.substr(i, 2) == "0x" || s.substr(i, 2) == "0X";
  ++i;
  while (i < s.size()) {
    const char c = s[i];
    const char prev = fold(s[i - 1]);
    const bool sign = (c == '+' || c == '-') && (prev == 'p' || (!hex && prev == 'e'));
    if (!is_word(c) && c != '.' && !sign) break;
    ++i;
  }
  return i;
}

// The end of a quoted literal opened at `i` (by '"' or '\''): its closing quote, or the
// end of the line.
std::size_t quoted_end(std::string_view s, std::size_t i) noexcept {
  const char quote = s[i];
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == quote) {
      return i + 1;
    }
  }
  return s.size();
}

std::size_t operator_end(std::string_view s, std::size_t i) noexcept {
  static constexpr std::array<std::string_view, 4> kThree = {"<<=", ">>=", "&^=", "..."};
  static constexpr std::array<std::string_view, 22> kTwo = {
      "&&", "||", "<-", "++", "--", "==", "!=", "<=", ">=", ":=", "+=",
      "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<", ">>", "&^", "//"};
  const std::string_view rest = s.substr(i);
  for (const std::string_view op : kThree) {
    if (rest.starts_with(op)) return i + op.size();
  }
  for (const std::string_view op : kTwo) {
    if (rest.starts_with(op)) return i + op.size();
  }
  return i + 1;
}

// The end of the token that starts at byte `i` of `s` (i < s.size()).
std::size_t token_end(std::string_view s, std::size_t i) noexcept {
  const char c = s[i];
  if (is_digit(c) || (c == '.' && i + 1 < s.size() && is_digit(s[i + 1]))) {
    return number_end(s, i);
  }
  if (is_word(c)) {
    while (i < s.size() && is_word(s[i])) ++i;
    return i;
  }
  if (c == '"' || c == '\'') return quoted_end(s, i);
  if (c == '`') {
    const std::size_t close = s.find('`', i + 1);
    return close == std::string_view::npos ? s.size() : close + 1;
  }
  if (s.substr(i).starts_with("//")) return s.size();
  if (s.substr(i).starts_with("/*")) {
    const std::size_t close = s.find("*/", i + 2);
    return close == std::string_view::npos ? s.size() : close + 2;
  }
  return operator_end(s, i);
}

}  // namespace

std::string clean_editor_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_cr = false;
  while (!text.empty()) {
    const std::size_t bad = util::invalid_utf8_at(text);
    append_clean(text.substr(0, bad), out, pending_cr);
    if (bad == std::string_view::npos) break;
    out.append(kReplacement);  // one for each byte that is not UTF-8
    pending_cr = false;
    text.remove_prefix(bad + 1);
  }
  return out;
}

// [SECTION] Text ------------------------------------------------------------------------------

TextEditor::TextEditor(std::string_view text) { set_text(text); }

bool TextEditor::set_text(std::string_view text) {
  // Cleaning can at most halve a text ("\r\n" -> "\n"): longer than twice the cap is refused
  // unread.
  if (text.size() / 2 > kMaxEditorBytes) return false;
  const std::string clean = clean_editor_text(text);
  if (clean.size() > kMaxEditorBytes) return false;
  lines_.assign(1, std::string());
  bytes_ = 0;
  splice({}, clean, nullptr);
  anchor_ = cursor_ = {};
  preferred_x_ = -1;
  undo_.clear();
  redo_.clear();
  undo_bytes_ = 0;
  group_open_ = false;
  ++revision_;
  state_id_ = next_state_id_++;
  saved_id_ = state_id_;
  return true;
}

std::string TextEditor::text() const {
  std::string out;
  out.reserve(bytes_);
  for (std::size_t i = 0; i < lines_.size(); ++i) {
    if (i > 0) out.push_back('\n');
    out += lines_[i];
  }
  return out;
}

std::string_view TextEditor::line(int line) const noexcept {
  if (line < 0 || line >= line_count()) return {};
  return lines_[static_cast<std::size_t>(line)];
}

std::size_t TextEditor::range_bytes(TextRange range) const noexcept {
  if (range.begin.line == range.end.line) {
    return static_cast<std::size_t>(range.end.column - range.begin.column);
  }
  return position_to_offset(range.end) - position_to_offset(range.begin);
}

bool TextEditor::fits(TextRange range, std::size_t inserted) const noexcept {
  return bytes_ - range_bytes(range) + inserted <= kMaxEditorBytes;
}

TextPos TextEditor::splice(TextRange range, std::string_view text, std::string* removed) {
  const TextPos b = range.begin;
  const TextPos e = range.end;
  auto& first = lines_[static_cast<std::size_t>(b.line)];
  if (removed != nullptr) {
    removed->clear();
    for (int l = b.line; l <= e.line; ++l) {
      const std::string& s = lines_[static_cast<std::size_t>(l)];
      const std::size_t from = l == b.line ? static_cast<std::size_t>(b.column) : 0;
      const std::size_t to = l == e.line ? static_cast<std::size_t>(e.column) : s.size();
      removed->append(s, from, to - from);
      if (l != e.line) removed->push_back('\n');
    }
  }
  bytes_ -= range_bytes(range);
  bytes_ += text.size();
  const std::string tail =
      lines_[static_cast<std::size_t>(e.line)].substr(static_cast<std::size_t>(e.column));
  // The new lines: the first keeps its head, the last gets the old tail.
  std::vector<std::string> added;
  std::size_t start = 0;
  for (std::size_t nl = text.find('\n'); nl != std::string_view::npos;
       nl = text.find('\n', start)) {
    added.emplace_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  std::string last(text.substr(start));
  const TextPos end{b.line + static_cast<int>(added.size()),
                    (added.empty() ? b.column : 0) + static_cast<int>(last.size())};
  last += tail;
  first.resize(static_cast<std::size_t>(b.column));
  if (added.empty()) {
    first += last;
  } else {
    first += added.front();
    added.front() = std::move(last);
    std::rotate(added.begin(), added.begin() + 1, added.end());  // the tail line goes last
  }
  const auto at = lines_.begin() + b.line + 1;
  const auto old_end = lines_.begin() + e.line + 1;
  const std::size_t replaced = static_cast<std::size_t>(e.line - b.line);
  const std::size_t common = std::min(replaced, added.size());
  std::move(added.begin(), added.begin() + static_cast<std::ptrdiff_t>(common), at);
  if (added.size() > replaced) {
    lines_.insert(old_end,
                  std::make_move_iterator(added.begin() + static_cast<std::ptrdiff_t>(common)),
                  std::make_move_iterator(added.end()));
  } else {
    lines_.erase(at + static_cast<std::ptrdiff_t>(common), old_end);
  }
  return end;
}

// [SECTION] Cursor, selection and motion --------------------------------------------------------

TextRange TextEditor::selection() const noexcept {
  return anchor_ < cursor_ ? TextRange{anchor_, cursor_} : TextRange{cursor_, anchor_};
}

std::string TextEditor::selected_text() const {
  const TextRange r = selection();
  if (r.empty()) return {};
  const std::size_t from = position_to_offset(r.begin);
  if (r.begin.line == r.end.line) {
    return lines_[static_cast<std::size_t>(r.begin.line)].substr(
        static_cast<std::size_t>(r.begin.column), range_bytes(r));
  }
  return text().substr(from, range_bytes(r));
}

void TextEditor::place(TextPos anchor, TextPos cursor) {
  anchor_ = clamp(anchor);
  cursor_ = clamp(cursor);
  group_open_ = false;
}

void TextEditor::set_cursor(TextPos at, bool extend) {
  place(extend ? anchor_ : at, at);
  preferred_x_ = -1;
}

void TextEditor::set_selection(TextPos anchor, TextPos cursor) {
  place(anchor, cursor);
  preferred_x_ = -1;
}

void TextEditor::select_all() { set_selection({}, document_end()); }

void TextEditor::select_word_at(TextPos at) {
  at = clamp(at);
  const std::string_view s = line(at.line);
  if (s.empty()) {
    set_selection(at, at);
    return;
  }
  auto i = static_cast<std::size_t>(at.column);
  if (i == s.size()) --i;
  const int kind = char_class(s[i]);
  std::size_t begin = i;
  std::size_t end = i + 1;
  if (kind == 2) {  // one punctuation character (whole code point)
    while (begin > 0 && is_continuation(s[begin])) --begin;
    while (end < s.size() && is_continuation(s[end])) ++end;
  } else {
    while (begin > 0 && char_class(s[begin - 1]) == kind) --begin;
    while (end < s.size() && char_class(s[end]) == kind) ++end;
  }
  set_selection({at.line, static_cast<int>(begin)}, {at.line, static_cast<int>(end)});
}

void TextEditor::select_line(int line) {
  const TextPos begin = clamp({line, 0});
  const TextPos end = begin.line + 1 < line_count()
                          ? TextPos{begin.line + 1, 0}
                          : TextPos{begin.line, static_cast<int>(this->line(begin.line).size())};
  set_selection(begin, end);
}

TextPos TextEditor::document_end() const noexcept {
  return {line_count() - 1, static_cast<int>(lines_.back().size())};
}

TextPos TextEditor::step_left(TextPos at) const noexcept {
  if (at.column == 0) {
    return at.line == 0 ? at : TextPos{at.line - 1, static_cast<int>(line(at.line - 1).size())};
  }
  const std::string_view s = line(at.line);
  auto i = static_cast<std::size_t>(at.column) - 1;
  while (i > 0 && is_continuation(s[i])) --i;
  return {at.line, static_cast<int>(i)};
}

TextPos TextEditor::step_right(TextPos at) const noexcept {
  const std::string_view s = line(at.line);
  if (static_cast<std::size_t>(at.column) >= s.size()) {
    return at.line + 1 < line_count() ? TextPos{at.line + 1, 0} : at;
  }
  auto i = static_cast<std::size_t>(at.column) + 1;
  while (i < s.size() && is_continuation(s[i])) ++i;
  return {at.line, static_cast<int>(i)};
}

TextPos TextEditor::word_left(TextPos at) const noexcept {
  if (at.column == 0) return step_left(at);
  const std::string_view s = line(at.line);
  auto i = static_cast<std::size_t>(at.column);
  while (i > 0 && is_blank(s[i - 1])) --i;
  if (i > 0) {
    const int kind = char_class(s[i - 1]);
    while (i > 0 && char_class(s[i - 1]) == kind) --i;
  }
  return {at.line, static_cast<int>(i)};
}

TextPos TextEditor::word_right(TextPos at) const noexcept {
  const std::string_view s = line(at.line);
  auto i = static_cast<std::size_t>(at.column);
  if (i >= s.size()) return step_right(at);
  while (i < s.size() && is_blank(s[i])) ++i;
  if (i < s.size()) {
    const int kind = char_class(s[i]);
    while (i < s.size() && char_class(s[i]) == kind) ++i;
  }
  return {at.line, static_cast<int>(i)};
}

TextPos TextEditor::vertical_target(int delta) {
  if (preferred_x_ < 0) preferred_x_ = display_column(cursor_);
  const int target = cursor_.line + delta;
  if (target < 0) return {};
  if (target >= line_count()) return document_end();
  return {target, column_at_display(target, static_cast<float>(preferred_x_))};
}

TextPos TextEditor::motion_target(Motion motion) {
  switch (motion) {
    case Motion::Left:
      return step_left(cursor_);
    case Motion::Right:
      return step_right(cursor_);
    case Motion::WordLeft:
      return word_left(cursor_);
    case Motion::WordRight:
      return word_right(cursor_);
    case Motion::Up:
      return vertical_target(-1);
    case Motion::Down:
      return vertical_target(1);
    case Motion::PageUp:
      return vertical_target(-page_lines_);
    case Motion::PageDown:
      return vertical_target(page_lines_);
    case Motion::Home: {
      const auto indent = static_cast<int>(first_non_blank(line(cursor_.line)));
      return {cursor_.line, cursor_.column == indent ? 0 : indent};
    }
    case Motion::End:
      return {cursor_.line, static_cast<int>(line(cursor_.line).size())};
    case Motion::DocumentStart:
      return {};
    case Motion::DocumentEnd:
      return document_end();
  }
  return cursor_;
}

void TextEditor::move(Motion motion, bool extend) {
  const bool vertical = motion == Motion::Up || motion == Motion::Down ||
                        motion == Motion::PageUp || motion == Motion::PageDown;
  if (!vertical) preferred_x_ = -1;
  if (!extend && has_selection() && (motion == Motion::Left || motion == Motion::Right)) {
    const TextRange r = selection();
    const TextPos to = motion == Motion::Left ? r.begin : r.end;
    place(to, to);
    return;
  }
  const TextPos to = motion_target(motion);
  place(extend ? anchor_ : to, to);
}

// [SECTION] Editing --------------------------------------------------------------------------

bool TextEditor::edit(TextRange range, std::string_view clean, Group group,
                      std::optional<TextPos> caret) {
  if (read_only_ || !fits(range, clean.size())) return false;
  if (range.empty() && clean.empty()) return false;
  Step step;
  step.begin = range.begin;
  step.inserted = clean;
  step.before = {anchor_, cursor_};
  step.group = group;
  const TextPos end = splice(range, clean, &step.removed);
  cursor_ = anchor_ = caret.value_or(end);
  preferred_x_ = -1;
  step.after = {anchor_, cursor_};
  record(std::move(step));
  return true;
}

bool TextEditor::type(std::string_view text) {
  if (read_only_) return false;
  const std::string clean = text.size() / 2 > kMaxEditorBytes ? "" : clean_editor_text(text);
  if (clean.empty()) return false;
  const std::string_view s = line(cursor_.line);
  const auto col = static_cast<std::size_t>(cursor_.column);
  if (clean == "}" && !has_selection() && col > 0 && s[col - 1] == '\t' &&
      first_non_blank(s) >= col) {
    return edit({{cursor_.line, cursor_.column - 1}, cursor_}, clean, Group::None);
  }
  const Group group = clean.find('\n') == std::string::npos ? Group::Typing : Group::None;
  return edit(selection(), clean, group);
}

bool TextEditor::insert(std::string_view text) {
  if (read_only_ || text.size() / 2 > kMaxEditorBytes) return false;
  return edit(selection(), clean_editor_text(text), Group::None);
}

bool TextEditor::newline() {
  const TextRange r = selection();
  const std::string_view s = line(r.begin.line);
  const std::string_view before = s.substr(0, static_cast<std::size_t>(r.begin.column));
  const std::string indent(before.substr(0, first_non_blank(before)));
  std::string_view trimmed = before;
  while (!trimmed.empty() && is_blank(trimmed.back())) trimmed.remove_suffix(1);
  const char opener = trimmed.empty() ? '\0' : trimmed.back();
  if (opener != '{' && opener != '(') return edit(r, "\n" + indent, Group::None);
  const std::string_view after = line(r.end.line).substr(static_cast<std::size_t>(r.end.column));
  const std::size_t next = first_non_blank(after);
  const char closer = next < after.size() ? after[next] : '\0';
  const std::string inner = "\n" + indent + "\t";
  if ((opener == '{' && closer == '}') || (opener == '(' && closer == ')')) {
    // "{|}" opens a block: the caret on an indented line, the closer on its own below.
    return edit(r, inner + "\n" + indent, Group::None, end_of(r.begin, inner));
  }
  return edit(r, inner, Group::None);
}

bool TextEditor::backspace(bool word) {
  if (has_selection()) return edit(selection(), "", Group::None);
  const TextPos from = word ? word_left(cursor_) : step_left(cursor_);
  return edit({from, cursor_}, "", word ? Group::None : Group::Backspace);
}

bool TextEditor::delete_forward(bool word) {
  if (has_selection()) return edit(selection(), "", Group::None);
  const TextPos to = word ? word_right(cursor_) : step_right(cursor_);
  return edit({cursor_, to}, "", word ? Group::None : Group::Delete);
}

bool TextEditor::shift_lines(int first, int last, int direction) {
  std::string block;
  std::vector<int> change(static_cast<std::size_t>(last - first + 1), 0);
  for (int l = first; l <= last; ++l) {
    std::string s(line(l));
    int& delta = change[static_cast<std::size_t>(l - first)];
    if (direction > 0 && !s.empty()) {
      s.insert(0, 1, '\t');
      delta = 1;
    } else if (direction < 0 && !s.empty()) {
      const std::size_t spaces = std::min<std::size_t>(s.find_first_not_of(' '), kGoTabWidth);
      const std::size_t cut = s[0] == '\t' ? 1 : std::min(spaces, s.size());
      s.erase(0, cut);
      delta = -static_cast<int>(cut);
    }
    if (l > first) block.push_back('\n');
    block += s;
  }
  if (std::all_of(change.begin(), change.end(), [](int d) { return d == 0; })) return false;
  const auto moved = [&](TextPos p) {
    if (p.line < first || p.line > last) return p;
    return TextPos{p.line,
                   std::max(0, p.column + change[static_cast<std::size_t>(p.line - first)])};
  };
  const Selection keep{moved(anchor_), moved(cursor_)};
  const TextRange range{{first, 0}, {last, static_cast<int>(line(last).size())}};
  if (!edit(range, block, Group::None)) return false;
  anchor_ = keep.anchor;
  cursor_ = keep.cursor;
  undo_.back().after = keep;
  return true;
}

bool TextEditor::tab() {
  const TextRange r = selection();
  if (r.begin.line == r.end.line) return edit(r, "\t", Group::Typing);
  // A selection that ends at the start of a line does not take that line along.
  const int last = r.end.column == 0 ? r.end.line - 1 : r.end.line;
  return shift_lines(r.begin.line, last, 1);
}

bool TextEditor::untab() {
  if (read_only_) return false;
  const TextRange r = selection();
  const int last = r.end.column == 0 && r.end.line > r.begin.line ? r.end.line - 1 : r.end.line;
  return shift_lines(r.begin.line, last, -1);
}

std::string TextEditor::cut() {
  if (read_only_ || !has_selection()) return {};
  std::string out = selected_text();
  if (!edit(selection(), "", Group::None)) return {};
  return out;
}

bool TextEditor::replace_range(TextRange range, std::string_view text) {
  TextPos b = clamp(range.begin);
  TextPos e = clamp(range.end);
  if (e < b) std::swap(b, e);
  if (text.size() / 2 > kMaxEditorBytes) return false;
  const std::string clean = clean_editor_text(text);
  if (!fits({b, e}, clean.size()) || (b == e && clean.empty())) return false;
  Step step;
  step.begin = b;
  step.inserted = clean;
  step.before = {anchor_, cursor_};
  const TextPos new_end = splice({b, e}, clean, &step.removed);
  // Positions after the range move with the text; inside it, to its new end.
  const auto moved = [&](TextPos p) {
    if (p <= b) return p;
    if (p < e) return new_end;
    if (p.line == e.line) return TextPos{new_end.line, new_end.column + p.column - e.column};
    return TextPos{p.line + new_end.line - e.line, p.column};
  };
  anchor_ = moved(anchor_);
  cursor_ = moved(cursor_);
  preferred_x_ = -1;
  step.after = {anchor_, cursor_};
  record(std::move(step));
  group_open_ = false;
  return true;
}

// [SECTION] Undo -------------------------------------------------------------------------------

bool TextEditor::merge_into_last(const Step& step) {
  if (!group_open_ || step.group == Group::None || undo_.empty()) return false;
  Step& last = undo_.back();
  if (last.group != step.group || now_ - last_edit_time_ >= kUndoPause) return false;
  switch (step.group) {
    case Group::Typing:
      if (!step.removed.empty() || step.begin != end_of(last.begin, last.inserted)) return false;
      last.inserted += step.inserted;
      break;
    case Group::Backspace:
      if (end_of(step.begin, step.removed) != last.begin) return false;
      last.removed.insert(0, step.removed);
      last.begin = step.begin;
      break;
    case Group::Delete:
      if (step.begin != last.begin) return false;
      last.removed += step.removed;
      break;
    case Group::None:
      return false;
  }
  last.after = step.after;
  last.state_after = step.state_after;
  undo_bytes_ += step.removed.size() + step.inserted.size();
  return true;
}

void TextEditor::record(Step step) {
  ++revision_;
  step.state_before = state_id_;
  state_id_ = next_state_id_++;
  step.state_after = state_id_;
  for (const Step& gone : redo_) undo_bytes_ -= gone.removed.size() + gone.inserted.size();
  redo_.clear();
  if (!merge_into_last(step)) {
    undo_bytes_ += step.removed.size() + step.inserted.size();
    undo_.push_back(std::move(step));
    trim_history();
  }
  group_open_ = undo_.back().group != Group::None;
  last_edit_time_ = now_;
}

void TextEditor::trim_history() {
  while (undo_.size() > 1 && (undo_.size() > kMaxUndoSteps || undo_bytes_ > kMaxUndoBytes)) {
    undo_bytes_ -= undo_.front().removed.size() + undo_.front().inserted.size();
    undo_.pop_front();
  }
}

void TextEditor::apply(const Step& step, bool forward) {
  const std::string_view out = forward ? step.removed : step.inserted;
  const std::string_view in = forward ? step.inserted : step.removed;
  splice({step.begin, end_of(step.begin, out)}, in, nullptr);
  const Selection& sel = forward ? step.after : step.before;
  anchor_ = sel.anchor;
  cursor_ = sel.cursor;
  state_id_ = forward ? step.state_after : step.state_before;
  preferred_x_ = -1;
  group_open_ = false;
  ++revision_;
}

bool TextEditor::undo() {
  if (!can_undo()) return false;
  apply(undo_.back(), false);
  redo_.push_back(std::move(undo_.back()));
  undo_.pop_back();
  return true;
}

bool TextEditor::redo() {
  if (!can_redo()) return false;
  apply(redo_.back(), true);
  undo_.push_back(std::move(redo_.back()));
  redo_.pop_back();
  return true;
}

// [SECTION] Find ---------------------------------------------------------------------------------

bool TextEditor::find_from(std::string_view query, bool match_case, bool forward) {
  if (query.empty()) return false;
  const std::string all = text();
  if (query.size() > all.size()) return false;
  const TextRange sel = selection();
  const std::size_t last_start = all.size() - query.size();
  std::size_t found = std::string::npos;
  if (forward) {
    const std::size_t from = position_to_offset(sel.end);
    const std::size_t start = from > last_start ? 0 : from;
    for (std::size_t n = 0; n <= last_start && found == std::string::npos; ++n) {
      const std::size_t at = (start + n) % (last_start + 1);  // wraps to the start
      if (equal_at(all, at, query, match_case)) found = at;
    }
  } else {
    const std::size_t start = std::min(position_to_offset(sel.begin), last_start + 1);
    for (std::size_t n = 1; n <= last_start + 1 && found == std::string::npos; ++n) {
      const std::size_t at = (start + last_start + 1 - n) % (last_start + 1);  // wraps to the end
      if (equal_at(all, at, query, match_case)) found = at;
    }
  }
  if (found == std::string::npos) return false;
  set_selection(offset_to_position(found), offset_to_position(found + query.size()));
  return true;
}

bool TextEditor::find_next(std::string_view query, bool match_case) {
  return find_from(query, match_case, true);
}

bool TextEditor::find_prev(std::string_view query, bool match_case) {
  return find_from(query, match_case, false);
}

std::size_t TextEditor::count_matches(std::string_view query, bool match_case) const {
  if (query.empty()) return 0;
  const std::string all = text();
  std::size_t count = 0;
  for (std::size_t at = 0; at + query.size() <= all.size();) {
    if (equal_at(all, at, query, match_case)) {
      ++count;
      at += query.size();
    } else {
      ++at;
    }
  }
  return count;
}

// [SECTION] Positions ----------------------------------------------------------------------------

TextPos TextEditor::clamp(TextPos at) const noexcept {
  at.line = std::clamp(at.line, 0, line_count() - 1);
  const std::string_view s = line(at.line);
  at.column = std::clamp(at.column, 0, static_cast<int>(s.size()));
  while (at.column > 0 && static_cast<std::size_t>(at.column) < s.size() &&
         is_continuation(s[static_cast<std::size_t>(at.column)])) {
    --at.column;
  }
  return at;
}

std::size_t TextEditor::position_to_offset(TextPos at) const noexcept {
  at = clamp(at);
  std::size_t offset = 0;
  for (int l = 0; l < at.line; ++l) offset += lines_[static_cast<std::size_t>(l)].size() + 1;
  return offset + static_cast<std::size_t>(at.column);
}

TextPos TextEditor::offset_to_position(std::size_t offset) const noexcept {
  for (std::size_t l = 0; l < lines_.size(); ++l) {
    if (offset <= lines_[l].size()) return clamp({static_cast<int>(l), static_cast<int>(offset)});
    offset -= lines_[l].size() + 1;
  }
  return document_end();
}

int TextEditor::display_column(TextPos at) const noexcept {
  at = clamp(at);
  const std::string_view s = line(at.line);
  int x = 0;
  for (std::size_t i = 0; i < static_cast<std::size_t>(at.column); ++i) {
    if (s[i] == '\t') {
      x = (x / kGoTabWidth + 1) * kGoTabWidth;
    } else if (!is_continuation(s[i])) {
      ++x;
    }
  }
  return x;
}

int TextEditor::column_at_display(int line, float x) const noexcept {
  const std::string_view s = this->line(clamp({line, 0}).line);
  int left = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const int right = s[i] == '\t' ? (left / kGoTabWidth + 1) * kGoTabWidth : left + 1;
    if (x < static_cast<float>(left + right) / 2) break;
    left = right;
    ++i;
    while (i < s.size() && is_continuation(s[i])) ++i;
  }
  return static_cast<int>(i);
}

std::optional<TextRange> TextEditor::diagnostic_range(int line, int column) const {
  if (line < 1) return std::nullopt;
  if (line > line_count()) {
    line = line_count();
    column = static_cast<int>(lines_.back().size()) + 1;
  }
  const int l = line - 1;
  const std::string_view s = this->line(l);
  if (s.empty()) return TextRange{{l, 0}, {l, 0}};
  if (column < 1) {
    const auto from = static_cast<int>(first_non_blank(s));
    const int begin = from == static_cast<int>(s.size()) ? 0 : from;
    return TextRange{{l, begin}, {l, static_cast<int>(s.size())}};
  }
  if (static_cast<std::size_t>(column) > s.size()) {  // past the end: the last character
    const TextPos end{l, static_cast<int>(s.size())};
    return TextRange{step_left(end), end};
  }
  const TextPos begin = clamp({l, column - 1});
  // token_end() ends past the code point at `begin` at least, on a code point boundary.
  const std::size_t end = token_end(s, static_cast<std::size_t>(begin.column));
  return TextRange{begin, {l, static_cast<int>(end)}};
}

}  // namespace poolscope::gui
