#include "engine/expr/datetime.hpp"

#include <cstdlib>

namespace wa::engine {

namespace {

bool digits_at(std::string_view text, std::size_t at, std::size_t count) {
  if (at + count > text.size()) return false;
  for (std::size_t i = at; i < at + count; ++i)
    if (text[i] < '0' || text[i] > '9') return false;
  return true;
}

int number_at(std::string_view text, std::size_t at, std::size_t count) {
  return std::atoi(std::string(text.substr(at, count)).c_str());
}

std::int64_t days_from_civil(std::int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

bool leap(std::int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(std::int64_t year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && leap(year) ? 29 : days[month - 1];
}

} // namespace

long double DateTime::instant() const {
  const std::int64_t days = days_from_civil(year, month, day);
  long double seconds_value = std::strtold(seconds.c_str(), nullptr);
  long double total =
      static_cast<long double>(days) * 86400.0L + hour * 3600.0L + minute * 60.0L + seconds_value;
  if (timezone_minutes) total -= *timezone_minutes * 60.0L;
  return total;
}

std::optional<DateTime> parse_date_time(std::string_view text, bool date_only) {
  DateTime value;
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++i;
  std::size_t year_digits = 0;
  while (digits_at(text, i + year_digits, 1))
    ++year_digits;
  if (year_digits < 4 || (year_digits > 4 && text[i] == '0')) return std::nullopt;
  value.year = std::atoll(std::string(text.substr(i, year_digits)).c_str()) * (negative ? -1 : 1);
  i += year_digits;
  if (i + 6 > text.size() || text[i] != '-' || !digits_at(text, i + 1, 2) || text[i + 3] != '-' ||
      !digits_at(text, i + 4, 2)) {
    return std::nullopt;
  }
  value.month = number_at(text, i + 1, 2);
  value.day = number_at(text, i + 4, 2);
  i += 6;
  if (value.month < 1 || value.month > 12 || value.day < 1 ||
      value.day > days_in_month(value.year, value.month)) {
    return std::nullopt;
  }
  value.has_time = !date_only;
  if (!date_only) {
    if (i + 9 > text.size() || text[i] != 'T' || !digits_at(text, i + 1, 2) || text[i + 3] != ':' ||
        !digits_at(text, i + 4, 2) || text[i + 6] != ':' || !digits_at(text, i + 7, 2)) {
      return std::nullopt;
    }
    value.hour = number_at(text, i + 1, 2);
    value.minute = number_at(text, i + 4, 2);
    std::size_t end = i + 9;
    if (end < text.size() && text[end] == '.') {
      ++end;
      if (!digits_at(text, end, 1)) return std::nullopt;
      while (digits_at(text, end, 1))
        ++end;
    }
    value.seconds = std::string(text.substr(i + 7, end - i - 7));
    const int whole_seconds = number_at(text, i + 7, 2);
    if (value.minute > 59 || whole_seconds > 59 || value.hour > 24 ||
        (value.hour == 24 &&
         (value.minute != 0 || std::strtod(value.seconds.c_str(), nullptr) != 0))) {
      return std::nullopt;
    }
    i = end;
  }
  if (i < text.size()) {
    if (text.substr(i) == "Z") {
      value.timezone_minutes = 0;
    } else if (i + 6 == text.size() && (text[i] == '+' || text[i] == '-') &&
               digits_at(text, i + 1, 2) && text[i + 3] == ':' && digits_at(text, i + 4, 2)) {
      const int hours = number_at(text, i + 1, 2);
      const int minutes = number_at(text, i + 4, 2);
      if (hours > 14 || minutes > 59 || (hours == 14 && minutes != 0)) return std::nullopt;
      value.timezone_minutes = (hours * 60 + minutes) * (text[i] == '-' ? -1 : 1);
    } else {
      return std::nullopt;
    }
  }
  return value;
}

std::optional<DateTime> date_time_value(const rdf::Term& term) {
  if (!term.is_literal()) return std::nullopt;
  if (term.datatype == "http://www.w3.org/2001/XMLSchema#dateTime")
    return parse_date_time(term.value);
  if (term.datatype == "http://www.w3.org/2001/XMLSchema#date")
    return parse_date_time(term.value, true);
  return std::nullopt;
}

std::optional<int> compare_date_times(const DateTime& a, const DateTime& b) {
  auto order = [](long double x, long double y) { return x < y ? -1 : (x > y ? 1 : 0); };
  if (a.timezone_minutes.has_value() == b.timezone_minutes.has_value()) {
    return order(a.instant(), b.instant());
  }
  // One side without a time zone may lie anywhere from -14:00 to +14:00.
  const DateTime& local = a.timezone_minutes ? b : a;
  DateTime earliest = local;
  DateTime latest = local;
  earliest.timezone_minutes = 14 * 60;
  latest.timezone_minutes = -14 * 60;
  const long double other = (a.timezone_minutes ? a : b).instant();
  const int low = order(earliest.instant(), other);
  const int high = order(latest.instant(), other);
  if (low != high) return std::nullopt;
  return a.timezone_minutes ? -low : low;
}

} // namespace wa::engine
