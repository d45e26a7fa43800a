// The command line: a subcommand and its --name value / --flag options.
#pragma once

#include "publish/catalogue.hpp"

#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace wa::cli {

class UsageError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

struct OptionSpec {
  std::set<std::string> with_value; ///< e.g. "--out"
  std::set<std::string> flags;      ///< e.g. "--keep-going"
};

/// The options of `build` and `serve` that name who publishes the dataset.
inline const std::set<std::string> publisher_options = {"--publisher-name", "--publisher-iri",
                                                        "--contact-email"};

class Options {
public:
  /// Parses argv[first..]; throws UsageError on an unknown option or a missing value.
  Options(const std::vector<std::string>& args, const OptionSpec& spec);

  [[nodiscard]] std::optional<std::string> value(const std::string& name) const;
  [[nodiscard]] std::string value_or(const std::string& name, const std::string& fallback) const;
  [[nodiscard]] bool flag(const std::string& name) const { return flags_.contains(name); }
  /// A non-negative whole number option; throws UsageError if it is not one.
  [[nodiscard]] long number(const std::string& name, long fallback) const;
  [[nodiscard]] const std::vector<std::string>& positional() const { return positional_; }
  /// The publisher_options given, as the catalogue takes them.
  [[nodiscard]] publish::Publisher publisher() const;

private:
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
  std::vector<std::string> positional_;
};

} // namespace wa::cli
