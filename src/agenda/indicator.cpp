#include "agenda/indicator.hpp"

#include "agenda/text.hpp"

#include <regex>
#include <string>

namespace wa::agenda {

namespace {

std::string decimal(std::string number) {
  for (char& c : number) {
    if (c == ',') c = '.'; // Dutch decimal comma
  }
  return number;
}

} // namespace

Indicator read_indicator(std::string_view cell) {
  Indicator indicator;
  indicator.text = trim(cell);
  if (indicator.text == "Nog te bepalen") {
    indicator.to_be_determined = true;
    return indicator;
  }
  static const std::regex target(R"(streefwaarde:\s*(\d+(?:,\d+)?)\s*(%?))");
  static const std::regex baseline(R"(in (\d{4}) was de waarde (\d+(?:,\d+)?)\s*(%?))");
  static const std::regex measured_in(R"(\bin (\d{4})\b)");

  const std::string& text = indicator.text;
  std::smatch found;
  if (std::regex_search(text, found, target)) {
    indicator.target_value = decimal(found[1]);
    indicator.percent = found[2].length() > 0;
    // The year the target is set for is the one the measure names before the target.
    std::string measure = text.substr(0, static_cast<std::size_t>(found.position(0)));
    std::smatch year;
    if (std::regex_search(measure, year, measured_in)) {
      indicator.target_year = std::stoi(year[1]);
    }
  }
  if (std::regex_search(text, found, baseline)) {
    indicator.baseline_year = std::stoi(found[1]);
    indicator.baseline_value = decimal(found[2]);
  }
  return indicator;
}

} // namespace wa::agenda
