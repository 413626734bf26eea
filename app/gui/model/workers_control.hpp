#pragma once
// WorkersControl: the worker count as the learner changes it, live both ways.
//
// - The count shown is the one in force (workers_in_force): the pool's workers setting,
//   which the picture's worker cards follow, never a value the run refused.
// - More workers join the running pool at once (a live change), while the slider moves.
// - A change the running program cannot make live waits until the learner lets go of the
//   slider, then restarts the run with that count and brings it, without animation, back
//   to the same virtual time (Session::restart_with), so the lesson stays on its step.
//   That is any shrink (this program's workers only stop when jobs is closed and empty),
//   a grow after close(jobs) in a pool with a WaitGroup (a new worker could join it after
//   Wait returned), and any change once the run has ended.
// - status() is one line for the controls saying what happened or what will, in plain
//   words; it is empty when there is nothing to say, and is forgotten once the session
//   moves to another scenario, count or an earlier moment (a reset, a preset).
#include <optional>
#include <string>

#include "app/gui/model/session.hpp"

namespace poolscope::gui {

// The workers setting in force: the last live change, else the scenario's count.
[[nodiscard]] int workers_in_force(const Session& session);

// Why a count cannot be set live now, in plain words ("a running pool only grows"), or
// "" when it can (or when it equals the count in force). Changes nothing.
[[nodiscard]] std::string why_not_live(const Session& session, int workers);

class WorkersControl {
 public:
  // The slider shows this: the count waiting for the release, else the one in force.
  [[nodiscard]] int shown(const Session& session) const;
  // The slider is at `workers`; `held`: the learner still drags it (false for a typed
  // value or a key press, which take effect at once).
  void moved(Session& session, int workers, bool held);
  // The learner let go of the slider: a waiting count restarts the run.
  void released(Session& session);
  // Forget a waiting count (e.g. the session was replaced under the slider).
  void cancel() { pending_.reset(); }
  [[nodiscard]] std::optional<int> pending() const noexcept { return pending_; }
  [[nodiscard]] std::string status(const Session& session) const;

 private:
  void restart(Session& session, int workers, const std::string& why);

  std::optional<int> pending_;
  std::string pending_why_;
  // The last restart, to word the status while the session still shows it.
  std::string status_;
  std::string status_id_;
  int status_workers_ = 0;
  trace::Time status_time_ = -1;
};

}  // namespace poolscope::gui
