// Hosting a test's dataset on a backend: our engine (`serve --no-agenda
// --load`, default and named graphs exactly as the test gives them) or
// Virtuoso (scripts/virtuoso; the same). One server is reused for consecutive
// tests with the same data.
import fs from 'node:fs';
import path from 'node:path';
import { skeleton } from './query.mjs';
import { fileUrl, readRdf, toNTriples } from './rdf.mjs';
import { runCommand, startServer } from './server.mjs';

const DEFAULT_GRAPH = 'urn:x-w3c-conformance:default-graph';

/** What decides which server a test needs. */
function dataKey(test, withNamedGraphs) {
  const named = withNamedGraphs ? test.graphData.map((g) => `${g.name}=${g.file}`) : [];
  return JSON.stringify([test.data, named]);
}

/** One N-Triples (or the original Turtle) file holding the merge of `files`. */
async function mergedFile(files, tmpDir, counter) {
  if (files.length === 1 && /\.(ttl|nt)$/.test(files[0])) {
    return { file: files[0], base: fileUrl(files[0]) };
  }
  const quads = [];
  for (const [i, file] of files.entries()) quads.push(...(await readRdf(file, { prefix: `f${i}_` })));
  const file = path.join(tmpDir, `data-${counter}.nt`);
  fs.writeFileSync(file, toNTriples(quads));
  return { file, base: fileUrl(file) };
}

class Backend {
  constructor({ binary, tmpDir, timeoutMs }) {
    this.binary = binary;
    this.sharedTmpDir = tmpDir;
    this.timeoutMs = timeoutMs;
    this.server = undefined;
    this.key = undefined;
    this.counter = 0;
  }

  /**
   * A folder of this backend's own: lanes run side by side, and each names its
   * merged data files by its own counter (data-1.nt, ...); in one shared
   * folder a lane could overwrite another's file before its server read it.
   */
  get tmpDir() {
    this.ownTmpDir ??= fs.mkdtempSync(path.join(this.sharedTmpDir, 'backend-'));
    return this.ownTmpDir;
  }

  /** Whether the backend can hold the test's dataset; a reason when not. */
  notHostable() {
    return undefined;
  }

  /** The endpoint URL serving the test's dataset. */
  async endpointFor(test) {
    const key = this.keyOf(test);
    if (this.server && this.key === key) return this.server.url;
    await this.stop();
    this.key = key;
    this.server = await this.start(test);
    return this.server.url;
  }

  /** A server with no data (syntax and protocol tests). */
  async emptyEndpoint() {
    return this.endpointFor({ data: [], graphData: [] });
  }

  async stop() {
    if (this.server) await this.server.stop();
    this.server = undefined;
    this.key = undefined;
  }

  commonArgs() {
    return ['--workers', '1', '--timeout-ms', String(this.timeoutMs), '--cache-mb', '0'];
  }
}

/** A graph that is never loaded: the dataset has no default graph or no named graphs. */
const EMPTY_GRAPH = 'urn:x-werkagenda-w3c:empty';

export class VirtuosoBackend extends Backend {
  name = 'virtuoso';

  constructor(options) {
    super(options);
    this.script = options.virtuosoScript;
    this.dir = path.join(this.tmpDir, 'virtuoso');
  }

  keyOf(test) {
    return dataKey(test, true);
  }

  async virtuoso(...args) {
    const { code, stdout, stderr } = await runCommand(this.script, args, { timeoutMs: 180000 });
    if (code !== 0) throw new Error(`scripts/virtuoso ${args[0]} failed: ${(stderr || stdout).trim().split('\n').pop()}`);
    return stdout;
  }

  async open() {
    await this.virtuoso('start', this.dir);
  }

  async close() {
    await this.stop();
    await this.virtuoso('stop', this.dir).catch(() => {});
  }

  // Nothing is cleared between datasets: each dataset's default graph is
  // loaded into a graph of its own, and a named graph (named after its file)
  // is loaded once, so one Virtuoso database holds every dataset side by side.
  async start(test) {
    const { file } = await mergedFile(test.data, this.tmpDir, ++this.counter);
    const defaultGraph = fs.statSync(file).size > 0 ? `urn:x-werkagenda-w3c:default:${this.counter}` : EMPTY_GRAPH;
    if (defaultGraph !== EMPTY_GRAPH) await this.virtuoso('load', this.dir, defaultGraph, file);
    this.loadedNamed ??= new Set();
    for (const graph of test.graphData) {
      if (this.loadedNamed.has(graph.name)) continue;
      const { file: named } = await mergedFile([graph.file], this.tmpDir, ++this.counter);
      await this.virtuoso('load', this.dir, graph.name, named);
      this.loadedNamed.add(graph.name);
    }
    const namedGraphs = test.graphData.map((g) => g.name);
    return startServer(this.binary, [
      '--store', 'virtuoso', '--virtuoso-dir', this.dir, '--no-agenda', '--load', file,
      '--virtuoso-default-graphs', defaultGraph,
      '--virtuoso-named-graphs', namedGraphs.length ? namedGraphs.join(' ') : EMPTY_GRAPH,
      ...this.commonArgs(),
    ]);
  }
}

/** The IRIs of the query's FROM and FROM NAMED clauses, resolved against its base. */
export function datasetClauses(query, queryFile) {
  const base = /(?:^|\s)BASE\s*<([^>]*)>/i.exec(query)?.[1] ?? fileUrl(queryFile);
  const clauses = { from: [], fromNamed: [] };
  for (const match of query.matchAll(/\bFROM\s+(NAMED\s+)?<([^>]*)>/gi)) {
    const iri = new URL(match[2], base).href;
    (match[1] ? clauses.fromNamed : clauses.from).push(iri);
  }
  return clauses;
}

/**
 * Our own engine (`--store engine`): the default graph is the test's data
 * alone, each qt:graphData file a named graph, and each local file a FROM or
 * FROM NAMED clause names is loaded as a graph named by its URL, so the
 * query's dataset clauses select among graphs the server holds.
 */
export class EngineBackend extends Backend {
  name = 'engine';

  constructor(options) {
    super(options);
    this.optimize = options.optimize ?? true;
  }

  namedGraphs(test) {
    const graphs = new Map(test.graphData.map((g) => [g.name, g.file]));
    if (test.query) {
      const { from, fromNamed } = datasetClauses(fs.readFileSync(test.query, 'utf8'), test.query);
      for (const iri of [...from, ...fromNamed]) {
        if (!iri.startsWith('file:')) continue;
        const file = new URL(iri).pathname;
        if (fs.existsSync(file)) graphs.set(iri, file);
      }
    }
    return [...graphs].sort(([a], [b]) => a.localeCompare(b));
  }

  keyOf(test) {
    return JSON.stringify([test.data, this.namedGraphs(test)]);
  }

  async start(test) {
    const { file, base } = await mergedFile(test.data, this.tmpDir, ++this.counter);
    const named = this.namedGraphs(test).map(([name, graphFile]) => `${name}=${graphFile}`);
    return startServer(this.binary, [
      '--store', 'engine', '--no-agenda', '--load', file, '--load-base', base,
      ...(named.length ? ['--load-named', named.join(' ')] : []),
      ...(this.optimize ? [] : ['--no-optimize']),
      ...this.commonArgs(),
    ]);
  }
}
