#include "app/gui/model/look.hpp"

namespace poolscope::gui {

std::string_view look_name(Look look) {
  switch (look) {
    case Look::Idle:
      return "waiting for a job";
    case Look::Runnable:
      return "runnable";
    case Look::Working:
      return "working";
    case Look::BlockedSend:
      return "blocked sending";
    case Look::BlockedRecv:
      return "blocked receiving";
    case Look::WaitingResource:
      return "waiting for a connection";
    case Look::WaitingLimit:
      return "waiting for a free slot";
    case Look::WaitingCpu:
      return "waiting for a CPU";
    case Look::Sleeping:
      return "sleeping";
    case Look::Exited:
      return "exited";
    case Look::Leaked:
      return "leaked";
    case Look::Panicked:
      return "panicked";
    case Look::Count:
      break;
  }
  return "?";
}

std::string_view look_short_name(Look look) {
  switch (look) {
    case Look::Idle:
      return "waiting: job";
    case Look::BlockedSend:
      return "blocked: send";
    case Look::BlockedRecv:
      return "blocked: recv";
    case Look::WaitingResource:
      return "waiting: conn";
    case Look::WaitingLimit:
      return "waiting: slot";
    case Look::WaitingCpu:
      return "waiting: CPU";
    default:
      return look_name(look);
  }
}

std::string_view look_glyph(Look look) {
  switch (look) {
    case Look::Idle:
      return "~";
    case Look::Runnable:
      return ">";
    case Look::Working:
      return "*";
    case Look::BlockedSend:
      return "!";
    case Look::BlockedRecv:
      return "?";
    case Look::WaitingResource:
      return "D";
    case Look::WaitingLimit:
      return "S";
    case Look::WaitingCpu:
      return "P";
    case Look::Sleeping:
      return "z";
    case Look::Exited:
      return "-";
    case Look::Leaked:
      return "L";
    case Look::Panicked:
      return "X";
    case Look::Count:
      break;
  }
  return "?";
}

std::string_view theme_name(ThemeId theme) {
  switch (theme) {
    case ThemeId::Light:
      return "light";
    case ThemeId::Projector:
      return "projector";
    case ThemeId::Dark:
      break;
  }
  return "dark";
}

}  // namespace poolscope::gui
