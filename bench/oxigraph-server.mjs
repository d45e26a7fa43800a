// Oxigraph (npm package `oxigraph`, in-memory Store) behind a few lines of
// node HTTP, for bench/compare-backends: loads one N-Triples file into the
// default graph, answers the SPARQL 1.1 Protocol at /sparql (GET ?query=,
// POST form-encoded or application/sparql-query) with SPARQL JSON results
// (SELECT, ASK) or N-Triples (CONSTRUCT, DESCRIBE), and /robots.txt as a
// static response (the HTTP stack's ceiling). Listens on 127.0.0.1 on an
// ephemeral port and prints "SPARQL endpoint: http://127.0.0.1:PORT/sparql"
// once loaded. One thread: a query runs to its end (Oxigraph has no timeout);
// SIGTERM ends the process at once, even in the middle of a query.
//
// usage: node bench/oxigraph-server.mjs FILE.nt [--port N]
import fs from 'node:fs';
import http from 'node:http';
import oxigraph from 'oxigraph';

const args = process.argv.slice(2);
const file = args[0];
const portIndex = args.indexOf('--port');
const port = portIndex >= 0 ? Number(args[portIndex + 1]) : 0;
if (!file) {
  console.error('usage: node bench/oxigraph-server.mjs FILE.nt [--port N]');
  process.exit(2);
}

/** The file in 16 MB chunks, so that a big file is never one string. */
function* chunks(path) {
  const fd = fs.openSync(path, 'r');
  const buffer = Buffer.alloc(16 << 20);
  try {
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null);
      if (read === 0) return;
      yield new Uint8Array(buffer.subarray(0, read));
    }
  } finally {
    fs.closeSync(fd);
  }
}

const started = process.hrtime.bigint();
const store = new oxigraph.Store();
store.load(chunks(file), { format: 'application/n-triples', no_transaction: true });
const loadedMs = Number(process.hrtime.bigint() - started) / 1e6;
console.error(`oxigraph-server: ${store.size} triples loaded in ${Math.round(loadedMs)} ms`);

/** SELECT, ASK, CONSTRUCT or DESCRIBE: the first such keyword outside comments and IRIs. */
function queryForm(query) {
  const text = query.replace(/<[^>\s]*>/g, '<>').replace(/#[^\n]*/g, '');
  const match = /\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i.exec(text);
  return match ? match[1].toUpperCase() : 'SELECT';
}

function answer(response, status, type, body) {
  response.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  response.end(body);
}

function runQuery(query, response) {
  if (!query) return answer(response, 400, 'text/plain', 'no query\n');
  const graph = ['CONSTRUCT', 'DESCRIBE'].includes(queryForm(query));
  const type = graph ? 'application/n-triples' : 'application/sparql-results+json';
  let body;
  try {
    body = store.query(query, { results_format: type });
  } catch (error) {
    return answer(response, 400, 'text/plain', `${error}\n`);
  }
  answer(response, 200, type, body);
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url, 'http://127.0.0.1');
  if (url.pathname === '/robots.txt') {
    return answer(response, 200, 'text/plain', 'User-agent: *\nAllow: /\n');
  }
  if (url.pathname !== '/sparql') return answer(response, 404, 'text/plain', 'not found\n');
  if (request.method === 'GET') return runQuery(url.searchParams.get('query'), response);
  if (request.method !== 'POST') return answer(response, 405, 'text/plain', 'GET or POST\n');
  const parts = [];
  request.on('data', (part) => parts.push(part));
  request.on('end', () => {
    const body = Buffer.concat(parts).toString('utf8');
    const type = (request.headers['content-type'] || '').split(';')[0].trim();
    if (type === 'application/sparql-query') return runQuery(body, response);
    if (type === 'application/x-www-form-urlencoded') {
      return runQuery(new URLSearchParams(body).get('query'), response);
    }
    answer(response, 415, 'text/plain', 'application/sparql-query or a form\n');
  });
});
server.keepAliveTimeout = 5000;
server.listen(port, '127.0.0.1', () => {
  console.log(`SPARQL endpoint: http://127.0.0.1:${server.address().port}/sparql`);
});
