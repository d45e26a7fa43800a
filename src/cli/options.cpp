#include "cli/options.hpp"

namespace wa::cli {

Options::Options(const std::vector<std::string>& args, const OptionSpec& spec) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (auto eq = arg.find('='); arg.starts_with("--") && eq != std::string::npos) {
      name = arg.substr(0, eq);
      inline_value = arg.substr(eq + 1);
    }
    if (spec.with_value.contains(name)) {
      if (!inline_value && i + 1 >= args.size()) {
        throw UsageError(name + " needs a value");
      }
      values_[name] = inline_value ? *inline_value : args[++i];
    } else if (spec.flags.contains(name) && !inline_value) {
      flags_.insert(name);
    } else if (arg.starts_with("-") && arg != "-") {
      throw UsageError("unknown option " + arg);
    } else {
      positional_.push_back(arg);
    }
  }
}

std::optional<std::string> Options::value(const std::string& name) const {
  auto found = values_.find(name);
  if (found == values_.end()) return std::nullopt;
  return found->second;
}

long Options::number(const std::string& name, long fallback) const {
  std::optional<std::string> text = value(name);
  if (!text) return fallback;
  try {
    std::size_t used = 0;
    long parsed = std::stol(*text, &used);
    if (used == text->size() && parsed >= 0) return parsed;
  } catch (const std::exception&) {
  }
  throw UsageError(name + " needs a non-negative whole number");
}

publish::Publisher Options::publisher() const {
  publish::Publisher publisher{value_or("--publisher-name", ""), value_or("--publisher-iri", ""),
                               value_or("--contact-email", "")};
  if (!publisher.iri.empty() && publisher.iri.find("://") == std::string::npos) {
    throw UsageError("--publisher-iri needs an absolute IRI, not " + publisher.iri);
  }
  if (!publisher.email.empty() && publisher.email.find('@') == std::string::npos) {
    throw UsageError("--contact-email needs an e-mail address, not " + publisher.email);
  }
  return publisher;
}

std::string Options::value_or(const std::string& name, const std::string& fallback) const {
  return value(name).value_or(fallback);
}

} // namespace wa::cli
