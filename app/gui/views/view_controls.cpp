#include "app/gui/views/view_controls.hpp"

#include <imgui.h>

#include <fmt/core.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>

#include "app/gui/model/number_format.hpp"
#include "app/gui/model/settings_list.hpp"
#include "core/scenario/keys.hpp"
#include "core/scenario/presets.hpp"
#include "core/scenario/scenario_json.hpp"

namespace poolscope::gui {

namespace {

// Not while the item is held: it would cover what the change shows under it.
void tooltip(std::string_view text) {
  if (!text.empty() && ImGui::IsItemHovered() && !ImGui::IsItemActive()) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

bool is_highlighted(const ControlsState& state, std::string_view name) {
  return std::find(state.highlight.begin(), state.highlight.end(), name) != state.highlight.end();
}

// Outlines the last item when the lesson says it matters.
void mark(const ControlsState& state, std::string_view name, const PoolViewStyle& style) {
  if (!is_highlighted(state, name)) return;
  const float s = style.scale;
  const ImVec2 a = ImGui::GetItemRectMin();
  const ImVec2 b = ImGui::GetItemRectMax();
  const std::uint32_t c = palette(style.theme).warning;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRect(ImVec2(a.x - 2 * s, a.y - 2 * s), ImVec2(b.x + 2 * s, b.y + 2 * s), c, 4 * s, 0,
              2 * s);
}

// Applies `key = value` the key's way (settings_list.hpp): live, or to a copy of the
// scenario that restarts the run, or records why not.
void apply(Session& session, ControlsState& state, const scenario::KeySpec& key,
           const nlohmann::json& value) {
  switch (route_of(key)) {
    case SettingRoute::Workers:
      state.workers.moved(session, static_cast<int>(value.get<std::int64_t>()), false);
      return;
    case SettingRoute::Rate:
      session.set_rate(value.get<double>());
      return;
    case SettingRoute::Restart:
      break;
  }
  scenario::Scenario next = session.scenario();
  // A JSON literal after `KEY=` means that value, as in a `--set`.
  const std::vector<std::string> set{std::string(key.path) + "=" + value.dump()};
  if (auto status = scenario::apply_overrides(next, set); !status) {
    state.error = status.message();
    return;
  }
  state.error.clear();
  session.load(std::move(next));
}

// The format ImGui draws a number with: `shown`, the value written for people ("1 s",
// "1,000 jobs"), as a literal; but `plain` on a frame where a click may start typing
// into the field (Ctrl+click, a double-click, as ImGui 1.86 does it), because ImGui takes
// the text to edit from the format and reads the typed text back as a number.
std::string number_format(std::string_view shown, const char* plain) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.KeyCtrl || io.MouseDoubleClicked[0]) return plain;
  std::string literal;
  for (const char c : shown) {
    literal += c;
    if (c == '%') literal += '%';  // printf's escape: a literal per cent sign
  }
  return literal;
}

struct DragLook {
  ImGuiDataType type;
  float speed;
  const char* format;
};

// The value a setting's control shows: the held drag's, else the setting's.
nlohmann::json shown(const Session& session, const ControlsState& state,
                     const scenario::KeySpec& key) {
  if (state.held_key != key.path) return shown_value(session, key);
  if (key.type == scenario::KeyType::Integer) return static_cast<std::int64_t>(state.held_value);
  return state.held_value;
}

// A number dragged with the mouse. ImGui adds each frame's movement to the value it is
// given, so a held drag edits a copy kept in `state` (the value shown meanwhile), and the
// setting changes once, when the drag ends: one drag is one restart, not fifty.
template <class T>
void drag(Session& session, ControlsState& state, const scenario::KeySpec& key,
          const std::string& label, const DragLook& look, T lo, T hi) {
  T v = state.held_key == key.path ? static_cast<T>(state.held_value)
                                   : shown_value(session, key).template get<T>();
  ImGui::DragScalar(label.c_str(), look.type, &v, look.speed, &lo, &hi, look.format,
                    ImGuiSliderFlags_AlwaysClamp);
  if (ImGui::IsItemActive()) {
    state.held_key = key.path;
    state.held_value = static_cast<double>(v);
  }
  if (ImGui::IsItemDeactivated() && state.held_key == key.path) state.held_key.clear();
  if (ImGui::IsItemDeactivatedAfterEdit()) apply(session, state, key, v);
}

// The worker count's status line (WorkersControl::status), if any; true when drawn.
bool draw_workers_status(const Session& session, const ControlsState& state,
                         const PoolViewStyle& style) {
  const std::string status = state.workers.status(session);
  if (status.empty()) return false;
  ImGui::PushStyleColor(ImGuiCol_Text, palette(style.theme).warning);
  ImGui::TextWrapped("%s", status.c_str());
  ImGui::PopStyleColor();
  return true;
}

// One setting, drawn from its key-table row.
void setting(Session& session, ControlsState& state, const scenario::KeySpec& key,
             const PoolViewStyle& style) {
  const nlohmann::json current = shown_value(session, key);
  // A label for people; the key's name, which lessons, files and --set use, in the tooltip.
  std::string label = fmt::format("{}##{}", setting_label(key), key.path);
  // A label that does not fit beside its field goes on a line of its own above it, whole.
  const float field_w = ImGui::GetContentRegionAvail().x * 0.55f;
  if (key.type != scenario::KeyType::Boolean &&
      field_w + ImGui::GetStyle().ItemInnerSpacing.x +
              ImGui::CalcTextSize(label.c_str(), nullptr, true).x >
          ImGui::GetContentRegionAvail().x) {
    ImGui::TextUnformatted(setting_label(key).c_str());
    ImGui::SetNextItemWidth(-FLT_MIN);
    label = fmt::format("##{}", key.path);
  }
  const std::string doc =
      fmt::format("{}\n\n{}\n\nAllowed: {}.{}", key.path, key.doc, key.allowed(),
                  route_of(key) == SettingRoute::Restart
                      ? ""
                      : " Live: changes the running program, as the slider above does.");
  switch (key.type) {
    case scenario::KeyType::Boolean: {
      bool v = current.get<bool>();
      if (ImGui::Checkbox(label.c_str(), &v)) apply(session, state, key, v);
      break;
    }
    case scenario::KeyType::Choice: {
      const std::string now = current.get<std::string>();
      if (ImGui::BeginCombo(label.c_str(), now.c_str())) {
        for (std::string_view choice : key.choices) {
          const std::string c(choice);
          if (ImGui::Selectable(c.c_str(), c == now) && c != now) apply(session, state, key, c);
        }
        ImGui::EndCombo();
      }
      break;
    }
    case scenario::KeyType::Integer: {
      if (!current.is_number_integer()) {  // a named value such as "all"
        ImGui::LabelText(label.c_str(), "%s", current.dump().c_str());
        break;
      }
      const std::string format =
          number_format(format_setting_value(key, shown(session, state, key)), "%lld");
      drag<std::int64_t>(session, state, key, label, {ImGuiDataType_S64, 0.2f, format.c_str()},
                         key.int_min, key.int_max);
      break;
    }
    case scenario::KeyType::Number: {
      const std::string format =
          number_format(format_setting_value(key, shown(session, state, key)), "%g");
      drag<double>(session, state, key, label, {ImGuiDataType_Double, 0.5f, format.c_str()},
                   key.num_min, key.num_max);
      break;
    }
    case scenario::KeyType::Text:
      ImGui::LabelText(label.c_str(), "%s", current.get<std::string>().c_str());
      break;
  }
  mark(state, key.path, style);
  tooltip(doc);
  // A change made down here says what it did here too, when the slider's line is out of view.
  if (route_of(key) == SettingRoute::Workers && !state.workers_status_visible) {
    draw_workers_status(session, state, style);
  }
}

void section(const char* title) {
  ImGui::Spacing();
  ImGui::TextDisabled("%s", title);
  ImGui::Separator();
}

// The settings of the "Program" section, in the order shown.
constexpr std::array<std::string_view, 10> kProgramKeys = {
    "pool.mode",        "pool.collect",
    "pool.jobs_buffer", "pool.results_buffer",
    "pool.close_jobs",  "pool.resource_limit",
    "load.jobs",        "work.mean_ms",
    "work.kind",        "pool.cpus"};

void draw_preset_picker(Session& session, ControlsState& state) {
  const auto presets = scenario::presets();
  const std::string current = session.scenario().title;
  ImGui::SetNextItemWidth(-FLT_MIN);
  if (ImGui::BeginCombo("##preset", current.c_str())) {
    for (std::size_t i = 0; i < presets.size(); ++i) {
      const std::string item = fmt::format("{}. {}", i + 1, presets[i].title);
      if (ImGui::Selectable(item.c_str(), presets[i].id == session.scenario().id)) {
        load_preset(session, static_cast<int>(i));
        state.error.clear();
      }
      tooltip(presets[i].summary);
    }
    ImGui::EndCombo();
  }
  tooltip("Lessons in teaching order (keys 1 to 9).");
}

// Settings the lesson points at that the other sections do not show.
void draw_lesson_settings(Session& session, ControlsState& state, const PoolViewStyle& style) {
  bool lesson_section = false;
  for (const std::string& name : state.highlight) {
    const scenario::KeySpec* key = scenario::find_key(name);
    // The live sliders show workers (pool mode only) and the rate.
    const bool live = name == "load.rate" || (name == "pool.workers" &&
                                              session.scenario().pool.mode == scenario::Mode::Pool);
    if (key == nullptr || live ||
        std::find(kProgramKeys.begin(), kProgramKeys.end(), name) != kProgramKeys.end()) {
      continue;
    }
    if (!lesson_section) section("In this lesson");
    lesson_section = true;
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
    setting(session, state, *key, style);
  }
}

// The worker count and the job rate, which change the running program.
void draw_live(Session& session, ControlsState& state, const PoolViewStyle& style) {
  section("Live");
  int workers = state.workers.shown(session);
  const bool pool_mode = session.scenario().pool.mode == scenario::Mode::Pool;
  ImGui::BeginDisabled(!pool_mode);
  ImGui::SetNextItemWidth(-FLT_MIN);
  // Growing is live while the slider moves; anything else waits for the release.
  if (ImGui::SliderInt("##workers", &workers, 1, 64, "workers %d")) {
    state.workers.moved(session, workers, ImGui::IsItemActive());
  }
  if (ImGui::IsItemDeactivated()) state.workers.released(session);
  ImGui::EndDisabled();
  mark(state, "workers", style);
  tooltip(
      "How many worker goroutines read from jobs. More workers means more jobs at once, until "
      "something else (a database, the CPUs, the producer) is the bottleneck. More join the "
      "running pool at once; fewer restart the run and bring it back to this moment.");
  // What the last change did, under the slider, where the eye is.
  state.workers_status_visible =
      draw_workers_status(session, state, style) && ImGui::IsItemVisible();
  float rate_f = static_cast<float>(session.live_rate());
  ImGui::SetNextItemWidth(-FLT_MIN);
  const std::string rate_text = number_format(
      rate_f == 0.0f ? "job rate: as fast as accepted"
                     : "job rate " + format_quantity(static_cast<double>(rate_f), "jobs/s"),
      "%.3g");
  if (ImGui::SliderFloat("##rate", &rate_f, 0.0f, 100.0f, rate_text.c_str(),
                         ImGuiSliderFlags_Logarithmic)) {
    session.set_rate(static_cast<double>(rate_f));
  }
  mark(state, "rate", style);
  tooltip(
      "Jobs per second the producer creates. Faster than the pool can finish and the jobs "
      "buffer fills, then the sender blocks: backpressure.");
}

// The settings that restart the run: the main ones, then every other under a tree node.
void draw_program(Session& session, ControlsState& state, const PoolViewStyle& style) {
  section("Program (restarts the run)");
  for (std::string_view path : kProgramKeys) {
    if (const scenario::KeySpec* key = scenario::find_key(path)) {
      ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
      setting(session, state, *key, style);
    }
  }
  if (ImGui::TreeNode("All settings")) {
    for (const SettingRow& row : all_settings()) {
      ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.55f);
      setting(session, state, *row.key, style);
    }
    ImGui::TreePop();
  }
}

}  // namespace

// Play/pause, step, next job, reset and the speed.
void draw_transport(Session& session, const ControlsState& state, const PoolViewStyle& style) {
  const float s = style.scale;
  if (ImGui::Button(session.playing ? "Pause" : "Play", ImVec2(70 * s, 0))) {
    session.playing = !session.playing;
  }
  mark(state, "play", style);
  tooltip("Space: play or pause the simulation.");
  ImGui::SameLine();
  if (ImGui::Button("< Step")) session.step_back_event();
  mark(state, "step-back", style);
  tooltip(
      "Left arrow: undo one Step. The run is simulated again from the start (same seed, "
      "same run) up to the step before this moment.");
  ImGui::SameLine();
  if (ImGui::Button("Step")) session.step_event();
  mark(state, "step", style);
  tooltip("Right arrow: run one goroutine until it blocks (or fire one timer).");
  ImGui::SameLine();
  // A learner's program has no jobs: the same buttons step from one channel operation
  // to the next.
  const bool ops = session.run().runs_source();
  if (ImGui::Button(ops ? "< Chan op" : "< Job")) session.step_back_job();
  mark(state, "job-back", style);
  tooltip(ops ? "Back to the last moment Next chan op would have stopped at: one send, "
                "receive or close earlier."
              : "Back to the last moment Next job would have stopped at: one job event earlier.");
  ImGui::SameLine();
  if (ImGui::Button(ops ? "Next chan op" : "Next job")) session.step_job();
  mark(state, "next-job", style);
  tooltip(ops ? "Run until a value is sent or received on a channel, or a channel is closed."
              : "Run until a job is created, taken, finished or collected.");
  ImGui::SameLine();
  if (ImGui::Button("Reset")) session.reset();
  mark(state, "reset", style);
  tooltip("R: start again. Same seed, so exactly the same run.");

  float log_speed = static_cast<float>(std::log10(session.speed));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, 120 * s));
  const std::string speed_text = fmt::format("speed {}x", format_number(session.speed));
  if (ImGui::SliderFloat("##speed", &log_speed, static_cast<float>(std::log10(Session::kMinSpeed)),
                         static_cast<float>(std::log10(Session::kMaxSpeed)), speed_text.c_str())) {
    session.speed = std::pow(10.0, static_cast<double>(log_speed));
  }
  mark(state, "speed", style);
  tooltip("Virtual seconds per real second (Up/Down). Slow down to follow one job.");
}

void load_preset(Session& session, int index) {
  const auto all = scenario::presets();
  if (index >= 0 && static_cast<std::size_t>(index) < all.size()) {
    session.load(all[static_cast<std::size_t>(index)]);
    session.playing = false;  // a lesson opens on its first step, waiting for Play
  }
}

void draw_controls(Session& session, ControlsState& state, const PoolViewStyle& style) {
  if (!ImGui::IsAnyItemActive()) state.held_key.clear();  // a drag ended out of sight
  draw_preset_picker(session, state);
  // The learner's own program has no pool settings: its constants are its controls.
  if (session.run().runs_source()) return;
  draw_lesson_settings(session, state, style);
  draw_live(session, state, style);
  draw_program(session, state, style);
  if (!state.error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, palette(style.theme).warning);
    ImGui::TextWrapped("%s", state.error.c_str());
    ImGui::PopStyleColor();
  }
}

}  // namespace poolscope::gui
