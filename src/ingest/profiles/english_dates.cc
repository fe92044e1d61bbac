#include "ingest/profiles/english_dates.h"

#include <array>
#include <cstdio>

#include "base/utf8.h"

namespace lectern {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A month name (or its 3-4 letter abbreviation, optionally with '.') at
// `text[*pos]`; advances past it. Returns 1..12 or 0.
int ReadMonth(std::string_view lower, size_t* pos) {
  size_t end = *pos;
  while (end < lower.size() && IsAlpha(lower[end])) ++end;
  std::string_view word = lower.substr(*pos, end - *pos);
  if (word.size() < 3) return 0;
  for (size_t m = 0; m < kMonths.size(); ++m) {
    const std::string_view name = kMonths[m];
    const bool full = word == name;
    const bool abbreviated = word.size() <= 4 && name.substr(0, word.size()) == word;
    if (full || abbreviated) {
      if (!full && end < lower.size() && lower[end] == '.') ++end;
      *pos = end;
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

int ReadNumber(std::string_view text, size_t* pos, size_t max_digits) {
  size_t start = *pos, i = *pos;
  int value = 0;
  while (i < text.size() && IsDigit(text[i]) && i - start < max_digits) {
    value = value * 10 + (text[i] - '0');
    ++i;
  }
  if (i == start || (i < text.size() && IsDigit(text[i]))) return -1;
  *pos = i;
  return value;
}

void SkipSeparators(std::string_view text, size_t* pos) {
  while (*pos < text.size() && (text[*pos] == ' ' || text[*pos] == ',')) ++(*pos);
}

}  // namespace

std::optional<std::string> FormatDate(int year, int month, int day) {
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) {
    return std::nullopt;
  }
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return std::nullopt;
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return std::string(buffer);
}

std::optional<std::string> FindEnglishDate(std::string_view text) {
  const std::string lower = AsciiLower(text);
  for (size_t start = 0; start < lower.size(); ++start) {
    if (start > 0 && (IsAlpha(lower[start - 1]) || IsDigit(lower[start - 1]))) continue;
    size_t pos = start;
    if (IsAlpha(lower[pos])) {  // "June 11, 2018"
      int month = ReadMonth(lower, &pos);
      if (month == 0) continue;
      SkipSeparators(lower, &pos);
      int day = ReadNumber(lower, &pos, 2);
      if (day < 0) continue;
      if (pos + 1 < lower.size() &&
          (lower.compare(pos, 2, "st") == 0 || lower.compare(pos, 2, "nd") == 0 ||
           lower.compare(pos, 2, "rd") == 0 || lower.compare(pos, 2, "th") == 0)) {
        pos += 2;
      }
      SkipSeparators(lower, &pos);
      int year = ReadNumber(lower, &pos, 4);
      if (auto date = FormatDate(year, month, day)) return date;
    } else if (IsDigit(lower[pos])) {
      int first = ReadNumber(lower, &pos, 4);
      if (first < 0) continue;
      if (first >= 1900 && pos < lower.size() && (lower[pos] == '-' || lower[pos] == '/')) {
        ++pos;  // "2018-06-11"
        int month = ReadNumber(lower, &pos, 2);
        if (month < 0 || pos >= lower.size() || (lower[pos] != '-' && lower[pos] != '/')) continue;
        ++pos;
        int day = ReadNumber(lower, &pos, 2);
        if (auto date = FormatDate(first, month, day)) return date;
        continue;
      }
      SkipSeparators(lower, &pos);  // "11 June 2018"
      int month = ReadMonth(lower, &pos);
      if (month == 0) continue;
      SkipSeparators(lower, &pos);
      int year = ReadNumber(lower, &pos, 4);
      if (auto date = FormatDate(year, month, first)) return date;
    }
  }
  return std::nullopt;
}

std::optional<std::string> FindUsNumericDate(std::string_view text) {
  for (size_t start = 0; start < text.size(); ++start) {
    if (!IsDigit(text[start])) continue;
    if (start > 0 && (IsDigit(text[start - 1]) || IsAlpha(text[start - 1]) ||
                      text[start - 1] == '/' || text[start - 1] == '.')) {
      continue;
    }
    size_t pos = start;
    const int month = ReadNumber(text, &pos, 2);
    if (month < 0 || pos >= text.size() || text[pos] != '/') continue;
    ++pos;
    const int day = ReadNumber(text, &pos, 2);
    if (day < 0 || pos >= text.size() || text[pos] != '/') continue;
    ++pos;
    const size_t year_start = pos;
    int year = ReadNumber(text, &pos, 4);
    const size_t digits = pos - year_start;
    if (year < 0 || (digits != 2 && digits != 4)) continue;
    if (pos < text.size() && (text[pos] == '/' || IsAlpha(text[pos]))) continue;
    if (digits == 2) year += year < 70 ? 2000 : 1900;
    if (auto date = FormatDate(year, month, day)) return date;
  }
  return std::nullopt;
}

}  // namespace lectern
