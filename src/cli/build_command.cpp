#include "agenda/dataset.hpp"
#include "cli/catalogue_inputs.hpp"
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "publish/catalogue.hpp"
#include "publish/dumps.hpp"
#include "rdf/writer.hpp"

#include <chrono>
#include <iostream>

namespace wa::cli {

namespace {

void print_diagnostics(const agenda::Dataset& dataset, const agenda::DatasetInputs& inputs) {
  for (const agenda::Diagnostic& diagnostic : dataset.diagnostics) {
    std::cerr << inputs.source_text.string() << ":" << diagnostic.line << ": " << diagnostic.problem
              << ": " << diagnostic.text << "\n";
  }
}

} // namespace

int run_build(const Common& common, const std::vector<std::string>& args) {
  OptionSpec spec{{"--out", "--releases"}, {"--keep-going"}};
  spec.with_value.insert(publisher_options.begin(), publisher_options.end());
  Options options(args, spec);
  const publish::Publisher publisher = options.publisher();
  const std::filesystem::path out =
      options.value_or("--out", (common.root / "build/dataset").string());
  const auto started = std::chrono::steady_clock::now();

  agenda::DatasetInputs inputs = agenda::DatasetInputs::under(common.root);
  agenda::Dataset dataset = agenda::build_dataset(inputs, common.base);
  print_diagnostics(dataset, inputs);
  if (!dataset.diagnostics.empty() && !options.flag("--keep-going")) {
    std::cerr << "werkagenda build: " << dataset.diagnostics.size()
              << " source line(s) could not be placed; nothing written "
                 "(--keep-going writes anyway)\n";
    return 1;
  }
  const rdf::Model curated = curated_catalogue(common);
  // Read before anything is written: --out may be the current release's folder among them.
  const std::vector<publish::Release> earlier = earlier_releases(options, dataset, curated);
  std::vector<publish::DumpFile> dumps = publish::make_dumps(dataset);
  publish::write_dumps(dumps, out);
  // The DCAT-AP catalogue of these dumps, beside them (not one of them: it holds their checksums).
  const std::string catalogue = rdf::to_turtle(
      publish::catalogue(publish::with_publisher(curated, common.base, publisher), common.base,
                         dumps, publish::read_source_text(common.root), earlier),
      publish::catalogue_prefixes());
  publish::write_dumps({{"catalogue.ttl", catalogue, 0}}, out);

  const auto elapsed =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
  for (const agenda::DatasetPart& part : dataset.parts) {
    std::cout << part.name << ": " << part.model.size() << " triples\n";
  }
  std::cout << "dataset: " << dataset.triple_count() << " triples, " << dumps.size() << " files in "
            << std::filesystem::absolute(out).string() << " (" << static_cast<long>(elapsed.count())
            << " ms)\n";
  return 0;
}

} // namespace wa::cli
