// libxml2 loads an external parameter entity of the DTD whatever raptor's
// options say (it does so to replace entities, which raptor asks of it). So
// the prolog of an RDF/XML file is read first, up to the root element: a DTD
// that uses parameter entities (any "%" in its internal subset), an encoding
// that could hide one, or a NUL byte (UTF-16, UTF-32) refuses the file.
#pragma once

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <optional>
#include <regex>
#include <string>
#include <string_view>

namespace wa::store::detail {

class PrologCheck {
public:
  /// Takes the file's next page; the refusal, if any, once it is certain.
  std::optional<std::string> take(std::string_view page) {
    if (done_) return std::nullopt;
    head_.append(page);
    if (const auto refusal = check(); refusal || done_) return refusal;
    if (head_.size() > max_prolog) return "a prolog (DTD) of more than 1 MiB";
    return std::nullopt;
  }
  /// At the end of the file: whatever is left is no DTD to worry about.
  [[nodiscard]] bool done() const { return done_; }

private:
  static constexpr std::size_t max_prolog = std::size_t{1} << 20;

  /// Where `end` is found from `from`, past it; npos while the head is short.
  [[nodiscard]] std::size_t past(std::string_view end, std::size_t from) const {
    const std::size_t at = head_.find(end, from);
    return at == std::string::npos ? at : at + end.size();
  }

  static bool ascii_compatible(std::string encoding) {
    std::transform(encoding.begin(), encoding.end(), encoding.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return encoding == "utf-8" || encoding == "utf8" || encoding == "us-ascii" ||
           encoding == "ascii" || encoding.starts_with("iso-8859-") ||
           encoding.starts_with("windows-125");
  }

  std::optional<std::string> check() {
    if (head_.find('\0') != std::string::npos) return "a NUL byte (UTF-16 or UTF-32?)";
    std::size_t i = head_.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    for (;;) {
      while (i < head_.size() && std::isspace(static_cast<unsigned char>(head_[i])) != 0)
        ++i;
      const std::string_view rest = std::string_view(head_).substr(i);
      if (rest.size() < 9) return std::nullopt; // too short to tell yet
      std::size_t next = std::string::npos;
      if (rest.starts_with("<?")) {
        next = past("?>", i);
        if (next != std::string::npos && rest.starts_with("<?xml ")) {
          const std::string declaration = head_.substr(i, next - i);
          static const std::regex encoding(R"(encoding\s*=\s*["']([^"']*)["'])");
          std::smatch match;
          if (std::regex_search(declaration, match, encoding) && !ascii_compatible(match[1]))
            return "the encoding " + std::string(match[1]) + " (only UTF-8 and its like are read)";
        }
      } else if (rest.starts_with("<!--")) {
        next = past("-->", i);
      } else if (rest.starts_with("<!DOCTYPE")) {
        bool refused = false;
        next = doctype_end(i + 9, refused);
        if (refused) return "a DTD with parameter entities (they may load other files)";
      } else {
        done_ = true; // the root element, or what raptor will refuse
        return std::nullopt;
      }
      if (next == std::string::npos) return std::nullopt;
      i = next;
    }
  }

  /// Past the DOCTYPE declaration from `i`; npos while the head is short.
  std::size_t doctype_end(std::size_t i, bool& refused) const {
    bool subset = false;
    char quote = 0;
    while (i < head_.size()) {
      const char c = head_[i];
      if (subset && c == '%') {
        refused = true;
        return i;
      }
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (subset && head_.compare(i, 4, "<!--") == 0) {
        i = past("-->", i);
        if (i == std::string::npos) return i;
        continue;
      } else if (c == '[') {
        subset = true;
      } else if (c == ']') {
        subset = false;
      } else if (c == '>' && !subset) {
        return i + 1;
      }
      ++i;
    }
    return std::string::npos;
  }

  std::string head_;
  bool done_ = false;
};

} // namespace wa::store::detail
