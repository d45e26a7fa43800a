#include "publish/dumps.hpp"

#include "os/whole_file.hpp"
#include "publish/gzip.hpp"
#include "rdf/writer.hpp"

#include <fstream>
#include <iterator>
#include <stdexcept>

namespace wa::publish {

namespace {

constexpr std::string_view combined_name = "werkagenda";

void add_with_gzip(std::vector<DumpFile>& dumps, std::string name, std::string content,
                   std::size_t triples) {
  std::string compressed = gzip(content);
  dumps.push_back({name, std::move(content), triples});
  dumps.push_back({name + ".gz", std::move(compressed), triples});
}

void add_graph(std::vector<DumpFile>& dumps, std::string_view name, const rdf::Model& model) {
  add_with_gzip(dumps, std::string(name) + ".ttl", rdf::to_turtle(model), model.size());
  add_with_gzip(dumps, std::string(name) + ".nt", rdf::to_ntriples(model), model.size());
}

} // namespace

std::vector<DumpFile> make_dumps(const agenda::Dataset& dataset) {
  std::vector<DumpFile> dumps;
  const rdf::Model& all = dataset.all();
  add_graph(dumps, combined_name, all);
  std::string quads;
  std::size_t quad_count = 0;
  for (const agenda::DatasetPart& part : dataset.parts) {
    quads += rdf::to_nquads(part.model, dataset.graph_iri(part.name));
    quad_count += part.model.size();
  }
  add_with_gzip(dumps, std::string(combined_name) + ".nq", std::move(quads), quad_count);
  for (const agenda::DatasetPart& part : dataset.parts) {
    add_graph(dumps, part.name, part.model);
  }
  return dumps;
}

std::vector<DumpFile> dump_list(const agenda::Dataset& dataset, std::size_t combined_triples) {
  std::vector<DumpFile> list;
  const auto add_graph_names = [&list](std::string_view name, std::size_t triples) {
    for (const char* extension : {".ttl", ".ttl.gz", ".nt", ".nt.gz"}) {
      list.push_back({std::string(name) + extension, {}, triples});
    }
  };
  add_graph_names(combined_name, combined_triples);
  std::size_t quad_count = 0;
  for (const agenda::DatasetPart& part : dataset.parts)
    quad_count += part.model.size();
  for (const char* extension : {".nq", ".nq.gz"}) {
    list.push_back({std::string(combined_name) + extension, {}, quad_count});
  }
  for (const agenda::DatasetPart& part : dataset.parts) {
    add_graph_names(part.name, part.model.size());
  }
  return list;
}

bool is_dump_name(const agenda::Dataset& dataset, const std::string& name) {
  for (const DumpFile& file : dump_list(dataset, 0)) {
    if (file.name == name) return true;
  }
  return false;
}

std::optional<DumpFile> read_source_text(const std::filesystem::path& root) {
  const std::filesystem::path path = agenda::DatasetInputs::under(root).source_text;
  std::optional<std::string> content = os::read_whole_file(path);
  if (!content) return std::nullopt;
  return DumpFile{path.filename().string(), std::move(*content), 0};
}

void write_dumps(const std::vector<DumpFile>& dumps, const std::filesystem::path& directory) {
  std::filesystem::create_directories(directory);
  for (const DumpFile& dump : dumps) {
    std::filesystem::path path = directory / dump.name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(dump.content.data(), static_cast<std::streamsize>(dump.content.size()));
    if (!out) {
      throw std::runtime_error(path.string() + ": cannot write");
    }
  }
}

} // namespace wa::publish
