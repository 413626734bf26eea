#include "core/util/json_text.hpp"

#include <fmt/format.h>

#include <exception>
#include <iterator>
#include <optional>
#include <unordered_map>
#include <vector>

namespace poolscope::util {

namespace {

// A pointer into the text that records how far the parser has read, so the builder can
// say where a key or a bracket is (nlohmann's SAX events carry no position).
class TrackingIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator() = default;
  TrackingIterator(const char* at, const char** furthest) : at_(at), furthest_(furthest) {}
  reference operator*() const { return *at_; }
  TrackingIterator& operator++() {
    ++at_;
    if (furthest_ != nullptr && at_ > *furthest_) *furthest_ = at_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator before = *this;
    ++*this;
    return before;
  }
  friend bool operator==(const TrackingIterator& a, const TrackingIterator& b) {
    return a.at_ == b.at_;
  }

 private:
  const char* at_ = nullptr;
  const char** furthest_ = nullptr;
};

// Builds the value from nlohmann's SAX events, enforcing the limits as it goes. Objects
// are filled by appending (duplicates are caught by a hash set), never by searching.
template <class Json>
class Builder {
 public:
  using number_integer_t = typename Json::number_integer_t;
  using number_unsigned_t = typename Json::number_unsigned_t;
  using number_float_t = typename Json::number_float_t;
  using string_t = typename Json::string_t;
  using binary_t = typename Json::binary_t;

  Builder(std::string_view text, const char* const* furthest, const JsonLimits& limits,
          std::unordered_map<std::string, std::size_t>* places)
      : text_(text), furthest_(furthest), limits_(limits), places_(places) {}

  bool null() { return place(Json(nullptr)) != nullptr; }
  bool boolean(bool v) { return place(Json(v)) != nullptr; }
  bool number_integer(number_integer_t v) { return place(Json(v)) != nullptr; }
  bool number_unsigned(number_unsigned_t v) { return place(Json(v)) != nullptr; }
  bool number_float(number_float_t v, const string_t& /*text*/) {
    return place(Json(v)) != nullptr;
  }
  bool string(string_t& v) { return place(Json(std::move(v))) != nullptr; }
  bool binary(binary_t& v) { return place(Json::binary(std::move(v))) != nullptr; }

  bool start_object(std::size_t /*elements*/) {
    if (!room_for_one_more_level()) return false;
    Json* object = place(Json(nlohmann::json::value_t::object));
    if (object == nullptr) return false;
    open_.push_back(object);
    keys_.emplace_back();
    enter();
    return true;
  }
  bool key(string_t& name) {
    const std::size_t at = key_start();
    auto& seen = keys_.back();
    if (seen.size() >= limits_.max_keys) {
      return fail(at, fmt::format("more than {} keys in one object (the limit)", limits_.max_keys));
    }
    const auto [first, inserted] = seen.emplace(name, at);
    if (!inserted) {
      const TextPosition p = position_of(text_, first->second);
      return fail(at, fmt::format("duplicate key \"{}\" (first at line {}, column {}); each key "
                                  "may appear once in an object",
                                  printable(name), p.line, p.column));
    }
    note_place(name, at);
    pending_ = append(open_.back()->template get_ref<typename Json::object_t&>(), std::move(name));
    return true;
  }
  bool end_object() {
    open_.pop_back();
    keys_.pop_back();
    names_.pop_back();
    return true;
  }
  bool start_array(std::size_t /*elements*/) {
    if (!room_for_one_more_level()) return false;
    Json* array = place(Json(nlohmann::json::value_t::array));
    if (array == nullptr) return false;
    open_.push_back(array);
    enter();
    return true;
  }
  bool end_array() {
    open_.pop_back();
    names_.pop_back();
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token,
                   const nlohmann::json::exception& e) {
    if (e.id == 406) {  // out_of_range: the number does not fit a double
      const std::size_t start = position >= last_token.size() ? position - last_token.size() : 0;
      return fail(start, fmt::format("the number {} is too large (numbers go up to about 1.8e308)",
                                     printable(last_token)));
    }
    error_.syntax = true;
    return fail(position == 0 ? 0 : position - 1, nlohmann_message(e.what(), last_token));
  }

  Json take() { return std::move(root_); }
  [[nodiscard]] bool failed() const { return failed_; }
  JsonError error() const { return error_; }
  bool fail(std::size_t byte, std::string what) {
    if (!failed_) {
      failed_ = true;
      error_.at = position_of(text_, byte);
      error_.what = std::move(what);
    }
    return false;
  }
  std::size_t read() const { return static_cast<std::size_t>(*furthest_ - text_.data()); }

 private:
  // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ...;
  // last read: '...'" -> "syntax error ...; last read: '<shortened>'". No regex: the
  // message may hold a token of megabytes.
  static std::string nlohmann_message(std::string_view what, const std::string& last_token) {
    if (const auto column = what.find("column "); column != std::string_view::npos) {
      if (const auto colon = what.find(": ", column); colon != std::string_view::npos) {
        what.remove_prefix(colon + 2);
      }
    } else if (const auto bracket = what.find("] "); bracket != std::string_view::npos) {
      what.remove_prefix(bracket + 2);
    }
    constexpr std::string_view kLastRead = "; last read: '";
    if (const auto last = what.find(kLastRead); last != std::string_view::npos) {
      return fmt::format("{}{}{}'", printable(what.substr(0, last), 200), kLastRead,
                         printable(last_token));
    }
    return printable(what, 200);
  }

  // [Key places] The dotted path of the container just opened, when every container
  // around it is an object and it is shallow enough to record places under it.
  void enter() {
    const bool tracked = places_ != nullptr && open_.size() <= limits_.key_places_depth &&
                         (open_.size() == 1 || names_.back().has_value());
    if (!tracked || open_.size() == 1) {
      names_.emplace_back(tracked ? std::optional<std::string>("") : std::nullopt);
      return;
    }
    const bool in_object = open_[open_.size() - 2]->is_object();
    names_.emplace_back(in_object ? std::optional<std::string>(last_key_) : std::nullopt);
  }
  void note_place(const std::string& name, std::size_t at) {
    if (!names_.back().has_value()) return;
    last_key_ = names_.back()->empty() ? name : *names_.back() + "." + name;
    places_->emplace(last_key_, at);
  }

  bool room_for_one_more_level() {
    if (open_.size() < limits_.max_depth) return true;
    return fail(read() == 0 ? 0 : read() - 1,
                fmt::format("nested deeper than {} levels (arrays and objects inside each other)",
                            limits_.max_depth));
  }

  // The offset of the opening quote of the key just read (the parser stands right after
  // its closing quote).
  std::size_t key_start() const {
    std::size_t i = read();
    if (i < 2) return 0;
    i -= 2;  // the last character inside the quotes (or the opening quote itself)
    while (i > 0) {
      if (text_[i] == '"') {
        std::size_t backslashes = 0;
        while (backslashes < i && text_[i - 1 - backslashes] == '\\') ++backslashes;
        if (backslashes % 2 == 0) return i;
      }
      --i;
    }
    return 0;
  }

  static Json* append(nlohmann::json::object_t& object, std::string name) {
    return &object.emplace(std::move(name), Json()).first->second;
  }
  static Json* append(nlohmann::ordered_json::object_t& object, std::string name) {
    auto& pairs = static_cast<nlohmann::ordered_json::object_t::Container&>(object);
    pairs.emplace_back(std::move(name), Json());
    return &pairs.back().second;
  }

  Json* place(Json value) {
    if (++values_ > limits_.max_values) {
      fail(read() == 0 ? 0 : read() - 1,
           fmt::format("more than {} values in all (the limit)", limits_.max_values));
      return nullptr;
    }
    if (open_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    if (open_.back()->is_array()) {
      auto& items = open_.back()->template get_ref<typename Json::array_t&>();
      items.push_back(std::move(value));
      return &items.back();
    }
    *pending_ = std::move(value);
    return pending_;
  }

  std::string_view text_;
  const char* const* furthest_;
  JsonLimits limits_;
  Json root_;
  std::vector<Json*> open_;  // the arrays and objects being filled, outermost first
  std::vector<std::unordered_map<std::string, std::size_t>> keys_;  // per open object
  Json* pending_ = nullptr;  // where the value of the key just read goes
  std::size_t values_ = 0;
  std::unordered_map<std::string, std::size_t>* places_ = nullptr;
  std::vector<std::optional<std::string>> names_;  // per open container: its dotted path
  std::string last_key_;                           // the dotted path of the key just read
  bool failed_ = false;
  JsonError error_;
};

template <class Json>
std::string dump_for_message(const Json& value, std::size_t max_chars) {
  try {
    return printable(value.dump(-1, ' ', false, Json::error_handler_t::replace), max_chars);
  } catch (const std::exception&) {
    return "(a value that cannot be shown)";
  }
}

}  // namespace

template <class Json>
ParsedJson<Json> parse_json(std::string_view text, const JsonLimits& limits) {
  ParsedJson<Json> out;
  const char* furthest = text.data();
  Builder<Json> builder(text, &furthest, limits,
                        limits.key_places_depth > 0 ? &out.key_places : nullptr);
  try {
    const TrackingIterator first(text.data(), &furthest);
    const TrackingIterator last(text.data() + text.size(), nullptr);
    const bool parsed = Json::sax_parse(first, last, &builder, nlohmann::json::input_format_t::json,
                                        /*strict=*/true, limits.comments);
    if (parsed && !builder.failed()) {
      out.value = builder.take();
      out.ok = true;
      return out;
    }
    if (!builder.failed()) builder.fail(builder.read(), "the JSON could not be read");
  } catch (const std::exception& e) {
    builder.fail(builder.read(),
                 fmt::format("the JSON could not be read: {}", printable(e.what())));
  }
  out.error = builder.error();
  return out;
}

template ParsedJson<nlohmann::json> parse_json<nlohmann::json>(std::string_view, const JsonLimits&);
template ParsedJson<nlohmann::ordered_json> parse_json<nlohmann::ordered_json>(std::string_view,
                                                                               const JsonLimits&);

std::string short_dump(const nlohmann::json& value, std::size_t max_chars) {
  return dump_for_message(value, max_chars);
}
std::string short_dump(const nlohmann::ordered_json& value, std::size_t max_chars) {
  return dump_for_message(value, max_chars);
}

}  // namespace poolscope::util
