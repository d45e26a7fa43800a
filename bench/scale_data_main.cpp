// Writes synthetic data shaped like the agenda (see scale_data.hpp) as one
// N-Triples file of about the target size.
//
// usage: scale_data DATASET_DIR TARGET_TRIPLES OUT.nt [--base IRI] [--copies N]
//   DATASET_DIR holds agenda.nt, organisations.nt, legislation.nt, ontology.nt
//   (werkagenda build --out DATASET_DIR); TARGET_TRIPLES may end in k or M.
#include "scale_data.hpp"

#include "rdf/namespaces.hpp"

#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

namespace {

std::size_t parse_count(std::string text) {
  std::size_t factor = 1;
  if (!text.empty() && (text.back() == 'k' || text.back() == 'K')) factor = 1000;
  if (!text.empty() && text.back() == 'M') factor = 1000000;
  if (factor != 1) text.pop_back();
  std::size_t used = 0;
  const unsigned long long value = std::stoull(text, &used);
  if (used != text.size() || value == 0) throw std::invalid_argument("not a count: " + text);
  return static_cast<std::size_t>(value) * factor;
}

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string base(wa::ns::default_base);
  std::size_t forced_copies = 0;
  std::vector<std::string> positional;
  try {
    for (std::size_t i = 0; i < args.size(); ++i) {
      if (args[i] == "--base" && i + 1 < args.size()) {
        base = args[++i];
      } else if (args[i] == "--copies" && i + 1 < args.size()) {
        forced_copies = parse_count(args[++i]);
      } else {
        positional.push_back(args[i]);
      }
    }
    if (positional.size() != 3) {
      std::cerr
          << "usage: scale_data DATASET_DIR TARGET_TRIPLES OUT.nt [--base IRI] [--copies N]\n";
      return 2;
    }
    const std::size_t target = parse_count(positional[1]);
    const wa::bench::ScaleInput input = wa::bench::read_scale_input(positional[0], base);
    const std::size_t copies =
        forced_copies != 0
            ? forced_copies
            : wa::bench::copies_for(target, input.agenda.size(), input.shared.size());
    std::vector<char> buffer(1 << 20);
    std::ofstream out;
    out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    out.open(positional[2], std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("cannot write " + positional[2]);
    const std::size_t written = wa::bench::write_scaled(input, copies, out);
    out.close();
    if (!out) throw std::runtime_error("write failed: " + positional[2]);
    std::cerr << "scale_data: " << written << " triples (" << copies << " copies of "
              << input.agenda.size() << " agenda triples, "
              << (written - copies * input.agenda.size()) << " shared) in " << positional[2]
              << "\n";
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "scale_data: " << error.what() << "\n";
    return 1;
  }
}
