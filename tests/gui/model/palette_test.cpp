// The palettes' promises (model/palette.hpp), checked in every theme: WCAG AA contrast
// for text and shapes, and the Looks' colours apart under simulated colour-vision
// deficiencies. A failure names the theme, the pair and the figure.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "app/gui/model/colour.hpp"
#include "app/gui/model/palette.hpp"

using namespace poolscope::gui;

namespace {

constexpr std::array<ThemeId, 3> kThemes{ThemeId::Dark, ThemeId::Light, ThemeId::Projector};
constexpr double kText = 4.5;    // WCAG AA, body text
constexpr double kShape = 3.0;   // WCAG AA, large text and graphical objects
constexpr double kApart = 10.0;  // CIEDE2000 after simulation

struct Named {
  std::string name;
  std::uint32_t colour;
};

std::vector<Named> looks(const Palette& p) {
  std::vector<Named> out;
  out.reserve(static_cast<std::size_t>(Look::Count));
  for (int i = 0; i < static_cast<int>(Look::Count); ++i) {
    out.push_back({std::string(look_name(static_cast<Look>(i))), p.looks[i]});
  }
  return out;
}

// Every colour drawn as text: the text colours, and each Look's colour (timeline and
// code tooltips, counters, the database line, the leak warning).
std::vector<Named> text_colours(const Palette& p) {
  std::vector<Named> out{{"text", p.text},
                         {"text_dim (TextDisabled)", p.text_dim},
                         {"warning", p.warning},
                         {"deadlock", p.deadlock}};
  for (Named& l : looks(p)) out.push_back({"look '" + l.name + "'", l.colour});
  return out;
}

// Every fill that carries text in `background`: a card or disc of a Look (its glyph and
// name), a token or result (its job number), a banner (warning, deadlock, leak).
std::vector<Named> fills(const Palette& p) {
  std::vector<Named> out{
      {"token", p.token}, {"result", p.result}, {"warning", p.warning}, {"deadlock", p.deadlock}};
  for (Named& l : looks(p)) out.push_back({"look '" + l.name + "'", l.colour});
  return out;
}

// A line for each pair that falls short: "dark: text_dim on panel: 3.87:1 < 4.5:1".
std::vector<std::string> contrast_failures(ThemeId theme) {
  const Palette& p = palette(theme);
  std::vector<std::string> out;
  const auto need = [&](const std::string& what, std::uint32_t a, std::uint32_t b, double min) {
    const double ratio = contrast_ratio(a, b);
    if (ratio < min) {
      out.push_back(fmt::format("{}: {}: {:.2f}:1 < {}:1", theme_name(theme), what, ratio, min));
    }
  };
  for (const Named& t : text_colours(p)) {
    need(t.name + " on background", t.colour, p.background, kText);
    need(t.name + " on panel", t.colour, p.panel, kText);
  }
  for (const Named& f : fills(p)) {
    need("text (background) on " + f.name, p.background, f.colour, kText);
    need(f.name + " as a shape on panel", f.colour, p.panel, kShape);
  }
  for (const auto& [name, fill] :
       {std::pair{"button", p.button}, std::pair{"hovered button", p.button_hovered},
        std::pair{"pressed button", p.button_active}}) {
    need(std::string("text on ") + name, p.text, fill, kText);
  }
  need("accent (slider grab, check mark) on panel", p.accent, p.panel, kShape);
  need("outline on panel", p.outline, p.panel, kShape);
  need("empty slot on panel", p.slot, p.panel, kShape);
  return out;
}

// The colours that must stay apart: each pair of different Look colours, and the
// deadlock's arrows against the blocked senders they connect.
std::vector<std::pair<Named, Named>> distinct_pairs(const Palette& p) {
  std::vector<Named> distinct;  // one entry per colour, named after all its Looks
  for (const Named& l : looks(p)) {
    auto same = std::find_if(distinct.begin(), distinct.end(),
                             [&l](const Named& d) { return d.colour == l.colour; });
    if (same == distinct.end()) {
      distinct.push_back(l);
    } else {
      same->name += " / " + l.name;
    }
  }
  std::vector<std::pair<Named, Named>> out;
  for (std::size_t i = 0; i < distinct.size(); ++i) {
    for (std::size_t j = i + 1; j < distinct.size(); ++j)
      out.emplace_back(distinct[i], distinct[j]);
  }
  out.emplace_back(Named{"deadlock", p.deadlock},
                   Named{"blocked sending", p.looks[static_cast<int>(Look::BlockedSend)]});
  return out;
}

std::vector<std::string> vision_failures(ThemeId theme) {
  std::vector<std::string> out;
  double closest = 100;
  std::string closest_pair;
  for (const auto& [a, b] : distinct_pairs(palette(theme))) {
    for (const Vision v :
         {Vision::Normal, Vision::Protanopia, Vision::Deuteranopia, Vision::Tritanopia}) {
      const double d = cvd_difference(a.colour, b.colour, v);
      if (d < closest) {
        closest = d;
        closest_pair = fmt::format("{} vs {} with {}", a.name, b.name, vision_name(v));
      }
      if (d < kApart) {
        out.push_back(fmt::format("{}: {} vs {} with {}: CIEDE2000 {:.1f} < {}", theme_name(theme),
                                  a.name, b.name, vision_name(v), d, kApart));
      }
    }
  }
  MESSAGE(fmt::format("{}: closest pair {}: CIEDE2000 {:.1f}", theme_name(theme), closest_pair,
                      closest));
  return out;
}

}  // namespace

TEST_CASE("Palette: every text colour and shape reaches WCAG AA in every theme") {
  for (const ThemeId theme : kThemes) {
    for (const std::string& failure : contrast_failures(theme)) FAIL_CHECK(failure);
  }
}

TEST_CASE(
    "Palette: different state colours stay apart with protanopia, deuteranopia and "
    "tritanopia") {
  for (const ThemeId theme : kThemes) {
    for (const std::string& failure : vision_failures(theme)) FAIL_CHECK(failure);
  }
}

TEST_CASE("Palette: looks that share a colour are the ones meant to (the glyphs tell them apart)") {
  for (const ThemeId theme : kThemes) {
    const Palette& p = palette(theme);
    const auto colour = [&p](Look l) { return p.looks[static_cast<int>(l)]; };
    CHECK(colour(Look::Runnable) == colour(Look::Sleeping));
    CHECK(colour(Look::Runnable) == colour(Look::Exited));
    CHECK(colour(Look::WaitingResource) == colour(Look::WaitingLimit));
    CHECK(colour(Look::BlockedSend) == colour(Look::Panicked));
    CHECK(distinct_pairs(p).size() == 8 * 7 / 2 + 1);  // eight colours, and the deadlock's
  }
}
