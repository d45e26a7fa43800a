// werkagenda: builds, checks and (later) serves the Werkagenda Waardengedreven
// Digitaliseren as linked data.
#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "rdf/namespaces.hpp"

#include <iostream>
#include <string_view>

#ifndef WERKAGENDA_SOURCE_DIR
#define WERKAGENDA_SOURCE_DIR "."
#endif

namespace {

constexpr std::string_view usage = R"(usage: werkagenda [--root DIR] [--base IRI] COMMAND [OPTIONS]

Publishes the Werkagenda Waardengedreven Digitaliseren (2022) as linked data.

Commands:
  build [--out DIR] [--keep-going] [--releases DIR]
        Read the source text and curated data, write the dataset's dumps
        (Turtle, N-Triples, N-Quads, each also gzipped) and its DCAT-AP
        catalogue to DIR (default ROOT/build/dataset). Fails, writing
        nothing, if a source line cannot be placed, unless --keep-going.
  validate [--shapes FILE] [--ontology FILE] [FILE...]
        Check the dataset (built from the sources, or the given Turtle /
        N-Triples files) against ontology/shapes.ttl, and that every class
        and property it uses is declared in the ontology.
  serve [--host H] [--port N] [--data DIR] [--workers N] [--timeout-ms N]
        [--memory-mb N] [--row-limit N] [--threads N] [--cache-mb N]
        [--max-query-bytes N] [--queries-per-worker N] [--inline-ms N] [--drain-seconds N]
        [--load FILE [--load-graph IRI] [--load-base IRI]] [--load-named "IRI=FILE ..."]
        [--no-agenda] [--no-optimize] [--releases DIR]
        [--store engine|virtuoso [--virtuoso-dir DIR | --virtuoso-endpoint URL]
         [--virtuoso-default-graphs "IRI ..."] [--virtuoso-named-graphs "IRI ..."]]
        Serve the dataset over HTTP: a read-only SPARQL 1.1 endpoint at
        /sparql (default 127.0.0.1:8080). The agenda is built from the
        sources, or read from DIR/{agenda,organisations,legislation,
        ontology}.nt. Our own SPARQL 1.1 engine answers (--store engine,
        the default) over an in-memory index: each part a named graph, the
        default graph their union. Beside the agenda, --load FILE is read
        into the named graph --load-graph (default BASE/graph/loaded) and
        --load-named adds each FILE as the graph IRI; both join the union
        (Turtle, N-Triples, N-Quads, TriG, RDF/XML: EU data from Cellar or
        EuroVoc). --no-agenda serves the loaded files alone: FILE is the
        default graph (other data than the agenda: test suites, scale
        data). --no-optimize evaluates the algebra as written; a query's
        plan is shown for ?explain=true. --store virtuoso answers with a
        Virtuoso started by scripts/virtuoso, for data larger than memory;
        its dataset is the graphs named after the dataset's parts unless
        listed. Queries run
        in N worker processes (default 4), each under a deadline (default
        10000 ms) and a memory cap (default 2048 MB); a worker is replaced
        after --queries-per-worker answers (default 1000; 0: never).
        With our engine a query is first tried in the server process
        under a budget of --inline-ms (default 1; 0: every query in a
        worker), then in a worker.
        Results hold at most --row-limit rows (default 10000).
        SIGINT or SIGTERM stops the server: /readyz answers 503 for
        --drain-seconds (default 0) while everything is still served, then
        every request already in is answered and the server exits.
        /healthz, /readyz and /metrics (Prometheus) are for operators.
        The dumps are at /dump/NAME (the latest) and /dump/VERSION/NAME.
  query (FILE.rq | -e QUERY) [--format table|csv|tsv|json|xml|turtle|ntriples]
        [--row-limit N] [--timeout-ms N]
        [--load FILE [--load-graph IRI] [--load-base IRI]] [--load-named "IRI=FILE ..."]
        [--no-agenda] [--no-optimize] [--explain]
        Run a query on the agenda (and the files loaded beside it, or with
        --no-agenda on the loaded files alone) locally, without a server
        (the same engine and the same refusals as the endpoint); --explain
        prints the plan instead.
        Exit 1 on a query error (message and position on stderr).
  help  Show this text.

Who publishes (build and serve): whoever runs the server. By default the
project werkagenda-ld; --publisher-name NAME, --publisher-iri IRI and
--contact-email ADDRESS make the catalogue name the operator as publisher,
rights holder and contact point instead (the project stays the creator, the
ministry BZK the author of the source publication).

Releases (build and serve): the current release is the dcat:version of
data/curated/catalogue.ttl. --releases DIR keeps the earlier ones: DIR holds
a folder per release, named by its version (e.g. DIR/1.0.0), each what
`build --out` wrote while that release was current. Their dumps are read
once, at start, and served at /dump/VERSION/NAME; the catalogue lists each
release with its notes, dumps and checksums, linked in a version chain.
A folder not named by a version, or whose catalogue names another version,
stops the start; folders of the current or a later release are passed over.

Common options:
  --root DIR   project folder with data/ and ontology/ (default: the source tree)
  --base IRI   base of the dataset's IRIs (default https://w3id.org/werkagenda/)

Exit status: 0 success, 1 invalid data or failed check, 2 usage error.
)";

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  wa::cli::Common common{WERKAGENDA_SOURCE_DIR, std::string(wa::ns::default_base)};
  try {
    while (!args.empty() && (args.front() == "--root" || args.front() == "--base")) {
      if (args.size() < 2) throw wa::cli::UsageError(args.front() + " needs a value");
      if (args.front() == "--root") {
        common.root = args[1];
      } else {
        common.base = args[1];
      }
      args.erase(args.begin(), args.begin() + 2);
    }
    if (!common.base.ends_with('/')) {
      throw wa::cli::UsageError("--base must end with /");
    }
    if (args.empty() || args.front() == "help" || args.front() == "--help" ||
        args.front() == "-h") {
      std::cout << usage;
      return args.empty() ? 2 : 0;
    }
    const std::string command = args.front();
    args.erase(args.begin());
    if (command == "build") return wa::cli::run_build(common, args);
    if (command == "validate") return wa::cli::run_validate(common, args);
    if (command == "serve") return wa::cli::run_serve(common, args);
    if (command == "query") return wa::cli::run_query(common, args);
    throw wa::cli::UsageError("unknown command " + command);
  } catch (const wa::cli::UsageError& error) {
    std::cerr << "werkagenda: " << error.what() << "\n" << usage;
    return 2;
  } catch (const std::exception& error) {
    std::cerr << "werkagenda: " << error.what() << "\n";
    return 1;
  }
}
