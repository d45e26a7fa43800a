// xsd:dateTime and xsd:date values: lexical parsing (negative years, years
// past 9999, fractional seconds, 24:00:00, time zones as offsets only), the
// accessors of 17.4.5 and the comparison of XSD (with the 14-hour rule when
// only one side has a time zone).
#pragma once

#include "rdf/term.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace wa::engine {

struct DateTime {
  std::int64_t year = 0;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  std::string seconds = "00"; ///< as written: "05", "05.25"
  std::optional<int> timezone_minutes;
  bool has_time = true; ///< false for xsd:date

  /// Seconds from 0001-01-01T00:00:00Z, time zone applied (none: as UTC).
  [[nodiscard]] long double instant() const;
};

[[nodiscard]] std::optional<DateTime> parse_date_time(std::string_view text,
                                                      bool date_only = false);
/// The value of an xsd:dateTime or xsd:date literal.
[[nodiscard]] std::optional<DateTime> date_time_value(const rdf::Term& term);
/// <0, 0, >0, or nullopt where XSD leaves the order indeterminate.
[[nodiscard]] std::optional<int> compare_date_times(const DateTime& a, const DateTime& b);

} // namespace wa::engine
