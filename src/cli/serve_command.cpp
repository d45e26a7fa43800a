#include "agenda/dataset.hpp"
#include "cli/catalogue_inputs.hpp"
#include "cli/commands.hpp"
#include "cli/engine_dataset.hpp"
#include "cli/options.hpp"
#include "http/server.hpp"
#include "publish/checksum.hpp"
#include "rdf/turtle_reader.hpp"
#include "sparql/responder.hpp"
#include "store/engine_store.hpp"
#include "store/query_dispatcher.hpp"
#include "store/virtuoso_store.hpp"
#include "store/worker_pool.hpp"

#include <malloc.h>
#include <pthread.h>
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <future>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>

namespace wa::cli {

namespace {

const std::vector<std::string> part_names = {"agenda", "organisations", "legislation", "ontology"};

/// glibc gives each new thread its own malloc arena, up to eight per core.
/// Answers enter the result cache on one request thread and are evicted on
/// another, so the freed blocks are scattered over many arenas and reused
/// badly. Measured at 10M triples after the library and 10 s of the uncached
/// mix, the HTTP process holds 389 MiB with the default and 220 MiB with two
/// arenas; the two arenas cost the small queries run on request threads 7% of
/// uncached lookups and 2% of the mix at 100k (bench/RESULTS.md). Memory an
/// operator can plan for wins. MALLOC_ARENA_MAX, if set, wins over both.
void limit_malloc_arenas() {
  if (std::getenv("MALLOC_ARENA_MAX") == nullptr) mallopt(M_ARENA_MAX, 2);
}

/// The agenda from built dumps (DIR/{part}.nt), or built from the sources.
agenda::Dataset load_agenda(const Common& common, const Options& options) {
  std::optional<std::string> directory = options.value("--data");
  if (!directory) {
    agenda::Dataset dataset =
        agenda::build_dataset(agenda::DatasetInputs::under(common.root), common.base);
    if (!dataset.diagnostics.empty()) {
      throw std::runtime_error(
          "the source has lines that cannot be placed: run 'werkagenda build'");
    }
    return dataset;
  }
  agenda::Dataset dataset;
  dataset.base = common.base;
  for (const std::string& part : part_names) {
    rdf::Model model;
    rdf::read_file(model, std::filesystem::path(*directory) / (part + ".nt"), "",
                   rdf::Syntax::ntriples);
    dataset.parts.push_back({part, std::move(model)});
  }
  return dataset;
}

std::vector<std::string> split_on_spaces(const std::string& text) {
  std::vector<std::string> words;
  std::istringstream stream(text);
  for (std::string word; stream >> word;)
    words.push_back(word);
  return words;
}

/// Where Virtuoso listens and which of its graphs make the dataset: by
/// default the dataset's own parts, as scripts/virtuoso load-dataset loads them.
store::VirtuosoConnection virtuoso_connection(const agenda::Dataset& dataset,
                                              const Options& options,
                                              std::chrono::milliseconds deadline) {
  store::VirtuosoConnection connection;
  if (auto endpoint = options.value("--virtuoso-endpoint")) {
    connection.endpoint = *endpoint;
  } else if (auto directory = options.value("--virtuoso-dir")) {
    connection.endpoint = store::VirtuosoConnection::endpoint_in(*directory);
  } else {
    throw UsageError("--store virtuoso needs --virtuoso-dir DIR or --virtuoso-endpoint URL");
  }
  std::vector<std::string> parts;
  for (const agenda::DatasetPart& part : dataset.parts)
    parts.push_back(dataset.graph_iri(part.name));
  auto graphs = [&](const std::string& name) {
    auto listed = options.value(name);
    return listed ? split_on_spaces(*listed) : parts;
  };
  connection.default_graphs = graphs("--virtuoso-default-graphs");
  connection.named_graphs = graphs("--virtuoso-named-graphs");
  connection.deadline = deadline;
  connection.base = dataset.base;
  return connection;
}

/// What the server publishes and what its engine holds.
struct ServedData {
  /// What the HTTP layer describes (VoID, dumps, pages): the agenda; with
  /// --no-agenda nothing for our engine (a copy of 10M loaded triples in the
  /// HTTP layer's model would cost more than the engine's index), the loaded
  /// default graph for Virtuoso.
  agenda::Dataset described;
  /// What our engine answers from; null for --store virtuoso.
  std::shared_ptr<const store::IndexedDataset> engine;
};

ServedData served_data(const Common& common, const Options& options, const std::string& kind) {
  const bool engine = kind == "engine";
  if (loaded_files_alone(options)) {
    auto loaded = loaded_files_only(options);
    if (engine) {
      agenda::Dataset nothing;
      nothing.base = common.base;
      return {std::move(nothing), loaded};
    }
    return {as_single_part(*loaded, common.base), nullptr};
  }
  agenda::Dataset agenda = load_agenda(common, options);
  if (engine) {
    // The union of the parts that the pages read is made on the second core
    // while this one indexes the parts for the engine (each took about 15 ms
    // of the agenda's start); both only read the parts. The first digest
    // loads OpenSSL's configuration and providers (2-3 ms): done there too,
    // before the store's content is hashed here.
    std::future<void> union_made = std::async(std::launch::async, [&agenda] {
      static_cast<void>(agenda.all());
      static_cast<void>(publish::sha256_hex(""));
    });
    auto held = agenda_with_loaded_files(agenda, options);
    union_made.get(); // joined: the pool forks later, and a fork wants no other thread
    return {std::move(agenda), held};
  }
  if (options.value("--load") || options.value("--load-named")) {
    throw UsageError("--load beside the agenda is for our engine: load files into Virtuoso with "
                     "scripts/virtuoso, or serve them alone with --no-agenda");
  }
  return {std::move(agenda), nullptr};
}

struct EngineChoice {
  std::shared_ptr<const store::IndexedDataset> dataset;
  store::EngineLimits limits;
};

/// Makes, in the zygote, what each query worker uses to answer.
store::WorkHandlerFactory handler_factory(const agenda::Dataset& dataset,
                                          const std::optional<store::VirtuosoConnection>& virtuoso,
                                          const std::optional<EngineChoice>& engine) {
  if (engine) {
    return [&dataset, choice = *engine]() -> store::WorkHandler {
      auto store =
          std::make_shared<store::EngineStore>(choice.dataset, dataset.base, choice.limits);
      return
          [store](const store::WorkRequest& request) { return sparql::respond(*store, request); };
    };
  }
  return [connection = *virtuoso]() -> store::WorkHandler {
    auto store = std::make_shared<store::VirtuosoStore>(connection);
    return [store](const store::WorkRequest& request) { return sparql::respond(*store, request); };
  };
}

/// With our engine, a query is first tried on the request thread under a
/// budget of `inline_ms` (and 32 MB; 0: none), then in a worker; Virtuoso's answers all
/// come from workers, whose client library connections are recycled.
std::unique_ptr<store::QueryDispatcher> dispatcher(store::WorkerPool& pool,
                                                   const agenda::Dataset& dataset,
                                                   const std::optional<EngineChoice>& engine,
                                                   long inline_ms) {
  if (!engine) return std::make_unique<store::QueryDispatcher>(pool);
  store::InlineBudget budget;
  budget.time = std::chrono::milliseconds(inline_ms);
  store::EngineLimits limits = engine->limits;
  limits.deadline = budget.time;
  limits.memory_budget_bytes = budget.memory_bytes;
  auto store = std::make_shared<store::EngineStore>(engine->dataset, dataset.base, limits);
  return std::make_unique<store::QueryDispatcher>(
      pool, [store](const store::WorkRequest& request) { return sparql::respond(*store, request); },
      budget);
}

/// SIGINT and SIGTERM go to one thread that stops the server cleanly.
sigset_t stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  return signals;
}

} // namespace

int run_serve(const Common& common, const std::vector<std::string>& args) {
  Options options(args, {{"--host",
                          "--port",
                          "--data",
                          "--workers",
                          "--timeout-ms",
                          "--memory-mb",
                          "--row-limit",
                          "--threads",
                          "--cache-mb",
                          "--max-query-bytes",
                          "--load",
                          "--load-base",
                          "--load-graph",
                          "--load-named",
                          "--queries-per-worker",
                          "--inline-ms",
                          "--drain-seconds",
                          "--store",
                          "--virtuoso-dir",
                          "--virtuoso-endpoint",
                          "--virtuoso-default-graphs",
                          "--virtuoso-named-graphs",
                          "--publisher-name",
                          "--publisher-iri",
                          "--contact-email",
                          "--releases"},
                         {"--no-optimize", "--no-agenda"}});
  const publish::Publisher publisher = options.publisher();
  const auto started = std::chrono::steady_clock::now();
  http::ServerOptions server_options;
  server_options.host = options.value_or("--host", "127.0.0.1");
  server_options.port = static_cast<int>(options.number("--port", 8080));
  server_options.threads = static_cast<int>(options.number("--threads", 32));
  server_options.row_limit = static_cast<std::size_t>(options.number("--row-limit", 10000));
  server_options.cache_bytes = static_cast<std::size_t>(options.number("--cache-mb", 64)) << 20U;
  server_options.max_query_bytes =
      static_cast<std::size_t>(options.number("--max-query-bytes", 1 << 20));
  store::WorkerLimits limits;
  limits.workers = static_cast<int>(std::max(1L, options.number("--workers", 4)));
  limits.deadline = std::chrono::milliseconds(options.number("--timeout-ms", 10000));
  limits.queue_wait = limits.deadline;
  limits.memory_bytes = static_cast<std::size_t>(options.number("--memory-mb", 2048)) << 20U;
  limits.queries_per_worker = static_cast<int>(options.number("--queries-per-worker", 1000));
  server_options.deadline_ms = static_cast<long>(limits.deadline.count());
  server_options.project_root = common.root;

  const std::string store_kind = options.value_or("--store", "engine");
  if (store_kind != "virtuoso" && store_kind != "engine") {
    throw UsageError("--store is engine or virtuoso, not " + store_kind +
                     (store_kind == "embedded" ? " (the Rasqal store is retired: our engine "
                                                 "answers all it did)"
                                               : ""));
  }
  ServedData served = served_data(common, options, store_kind);
  const agenda::Dataset& dataset = served.described;
  if (options.value("--releases") && dataset.parts.empty()) {
    throw UsageError("--releases keeps the agenda's earlier releases: not with --no-agenda");
  }
  const rdf::Model curated = curated_catalogue(common);
  // Read once, here, before any worker starts: a bad folder stops the start,
  // and no request ever makes the server read a file.
  server_options.earlier_releases = earlier_releases(options, dataset, curated);
  std::optional<store::VirtuosoConnection> virtuoso;
  if (store_kind == "virtuoso") {
    virtuoso = virtuoso_connection(dataset, options, limits.deadline);
    store::VirtuosoStore(*virtuoso).check_reachable();
  }
  std::optional<EngineChoice> engine;
  if (store_kind == "engine") {
    // The engine stops a query at its deadline by itself; the pool's kill
    // stays as the backstop for a bug, a second later.
    limits.kill_grace = std::chrono::milliseconds(1000);
    engine = EngineChoice{
        served.engine, {limits.deadline, limits.memory_bytes / 2, !options.flag("--no-optimize")}};
    server_options.store_content = store_content_of(*served.engine, !loaded_files_alone(options));
  }
  ::signal(SIGPIPE, SIG_IGN);
  server_options.triples =
      served.engine ? served.engine->default_graph_size() : dataset.triple_count();
  const std::string host = server_options.host;
  const std::size_t triples = server_options.triples;
  http::Server server(dataset, publish::with_publisher(curated, common.base, publisher),
                      std::move(server_options));
  // The pool forks its zygote here, after the server is built (building it
  // after the fork copied every page it wrote) and before this process starts
  // any thread; the workers start while the port is bound.
  store::WorkerPool pool(handler_factory(dataset, virtuoso, engine), limits);
  std::unique_ptr<store::QueryDispatcher> queries =
      dispatcher(pool, dataset, engine, options.number("--inline-ms", 1));
  server.answer_queries_with(*queries);

  limit_malloc_arenas();
  sigset_t signals = stop_signals();
  pthread_sigmask(SIG_BLOCK, &signals, nullptr); // every thread from here on inherits the mask
  const int port = server.bind();
  const auto drain_time = std::chrono::seconds(std::max(0L, options.number("--drain-seconds", 0)));
  std::thread stopper([&server, signals, drain_time] {
    int received = 0;
    sigwait(&signals, &received);
    // Draining: /readyz says 503 for drain_time while everything is still
    // served, so that a load balancer's health checks take this replica out
    // before it stops taking connections; then the requests already in are
    // answered. A second signal cuts the wait short.
    server.begin_draining();
    std::cerr << "werkagenda serve: signal " << received << ", draining for " << drain_time.count()
              << " s\n";
    const timespec wait{static_cast<time_t>(drain_time.count()), 0};
    if (drain_time.count() > 0) sigtimedwait(&signals, nullptr, &wait);
    std::cerr << "werkagenda serve: stopping\n";
    server.stop();
  });
  pool.await_first_worker();
  const auto ready =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started);
  std::cerr << "werkagenda serve: " << triples << " triples, " << store_kind << " store, "
            << limits.workers << " query workers, ready in " << static_cast<long>(ready.count())
            << " ms\n";
  std::cout << "SPARQL endpoint: http://" << host << ":" << port << "/sparql" << std::endl;
  const bool ran = server.run();
  if (stopper.joinable()) {
    pthread_kill(stopper.native_handle(),
                 SIGTERM); // wakes the waiter if the server stopped by itself
    stopper.join();
  }
  return ran ? 0 : 1;
}

} // namespace wa::cli
