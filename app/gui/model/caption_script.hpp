#pragma once
// The captions of a recording (--captions), as a script: what a lesson still has to say
// once the run has ended, and how long each caption stays. No drawing; the recorder
// (modes/recorder.hpp) follows the script and the video layout (app_video.cpp) draws it.
//
// - During the run a caption is the narration of the run's moment (captions.hpp).
// - When the run ends (main returns, deadlock, panic), the lesson's story is not over:
//   the step reached may have a note, and later steps (reached with Next, or "on" the
//   end) tell the rest ("Two fixes: ..."). captions_after_end() lists them in order; the
//   recorder shows each in turn over the end state, and the video grows to hold them.
// - A lesson's tasks ask the learner to change the program; a video cannot make the change,
//   so what it tells stops where the run on screen stops meeting them.
// - A caption stays caption_seconds(): about 3 s, longer for a long text, so that a
//   viewer can read it (about 4 words a second).
#include <string_view>
#include <vector>

#include "core/lesson/lesson.hpp"

namespace poolscope::gui {

// Every text the lesson may caption (each step's text and note), for sizing the band.
[[nodiscard]] std::vector<std::string_view> caption_texts(const lesson::Lesson& lesson);

// What is left to caption at virtual time `t` of a run that ended at `end` (end.outcome
// is not Running) with `summary`: the note of the step of that moment (step_at), then
// each later step's text and note. Steps that belong to a moment this run did not have (a
// later time, another outcome) are skipped. A task (a step with a check) that this run
// does not meet asks for a change the video does not show: its text is the last caption,
// without its note, which tells what the changed run shows. Empty for a run that has not
// ended.
[[nodiscard]] std::vector<std::string_view> captions_after_end(const lesson::Lesson& lesson,
                                                               trace::Time t,
                                                               const lesson::RunEnd& end,
                                                               const pool::Summary& summary);

// Seconds a caption stays: 3, or 1 s per 4 words when that is longer, in half seconds.
[[nodiscard]] double caption_seconds(std::string_view text);

}  // namespace poolscope::gui
