// The SPARQL 1.1 Protocol tests (sparql11/protocol/manifest.ttl): each test's
// HTTP requests, as the manifest writes them, sent to the endpoint, with the
// expected status class, result format and boolean checked.
//
// What applies to a read-only query endpoint with a fixed dataset:
// - query requests (GET, POST form, POST direct, content types, bad requests)
//   run as written. A test's ut:graphData files are loaded as the server's
//   named graphs (--load-named IRI=FILE): the endpoint never fetches a graph
//   a request names, but default-graph-uri and named-graph-uri may pick among
//   the graphs it holds. Where a request names the dataset with
//   default-graph-uri only to give the query something to run on (the test
//   has no ut:graphData; its queries do not depend on it), the parameter is
//   dropped: the graph it names is nowhere to be had;
// - update requests that must fail (4xx) run as written;
// - update requests that must succeed do not apply: the endpoint is read-only.
//   They are skipped, after checking that the update is refused with 400.
import http from 'node:http';
import { firstLine, REFUSAL } from './query.mjs';
import { listItems } from './rdf.mjs';

const HT = 'http://www.w3.org/2011/http#';
const CNT = 'http://www.w3.org/2011/content#';
const MF = 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#';
const UT = 'http://www.w3.org/2009/sparql/tests/test-update#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';

function readRequests(test) {
  const { store, action } = test;
  const one = (s, p) => store.getObjects(s, p, null)[0];
  const requests = [];
  for (const list of store.getObjects(action, `${HT}requests`, null)) {
    for (const request of listItems(store, list)) {
      const headers = {};
      for (const headerList of store.getObjects(request, `${HT}headers`, null)) {
        for (const header of listItems(store, headerList)) {
          headers[one(header, `${HT}fieldName`).value.toLowerCase()] = one(header, `${HT}fieldValue`).value;
        }
      }
      const body = one(request, `${HT}body`);
      const response = one(request, `${HT}resp`);
      requests.push({
        method: one(request, `${HT}methodName`).value,
        path: one(request, `${HT}absolutePath`).value,
        headers,
        body: body ? one(body, `${CNT}chars`)?.value : undefined,
        statuses: store.getObjects(response, `${MF}expectedStatus`, null).map((s) => s.value.replace(/^.*StatusCode/, '')),
        format: one(response, `${MF}expectedFormat`)?.value,
        boolean: one(response, `${MF}expectedBoolean`)?.value,
      });
    }
  }
  return requests;
}

const isUpdate = (request) =>
  /application\/sparql-update/.test(request.headers['content-type'] ?? '') ||
  /(^|[?&])(update|using-graph-uri|using-named-graph-uri)=/.test(`${request.path}&${request.body ?? ''}`);

/** Sends one request as written (no headers added but Host and Content-Length). */
function send(endpoint, request, timeoutMs) {
  const url = new URL(endpoint);
  const path = request.path.replace(/^\/sparql\/?/, `${url.pathname}`);
  const charset = /charset=UTF-16/i.test(request.headers['content-type'] ?? '') ? 'utf16le' : 'utf8';
  const body = request.body === undefined ? undefined : Buffer.from(request.body, charset);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: request.method,
        path,
        headers: { ...request.headers, ...(body ? { 'content-length': body.length } : {}) },
        timeout: timeoutMs,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode, contentType: res.headers['content-type'] ?? '', text }));
      },
    );
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

const FORMATS = {
  boolean: /^application\/sparql-results\+(json|xml)/,
  tabular: /^(application\/sparql-results\+(json|xml)|text\/csv|text\/tab-separated-values)/,
  RDF: /^(application\/rdf\+xml|text\/turtle|application\/n-triples|application\/ld\+json)/,
};

function booleanOf(response) {
  if (/json/.test(response.contentType)) return String(JSON.parse(response.text).boolean);
  const match = /<boolean>\s*(true|false)\s*<\/boolean>/.exec(response.text);
  return match?.[1];
}

/** Checks one response against what the request expects; undefined when right. */
function mismatch(request, response) {
  const statusClass = `${String(response.status)[0]}xx`;
  if (!request.statuses.includes(statusClass)) {
    return `expected status ${request.statuses.join(' or ')}, got ${response.status}: ${firstLine(response.text)}`;
  }
  if (request.format && !FORMATS[request.format]?.test(response.contentType)) {
    return `expected a ${request.format} result, got ${response.contentType}`;
  }
  if (request.boolean !== undefined && booleanOf(response) !== request.boolean) {
    return `expected ${request.boolean}, got ${booleanOf(response)}`;
  }
  return undefined;
}

/** The test's ut:graphData: the graphs the server holds, by name and file. */
function graphData(test) {
  const one = (s, p) => test.store.getObjects(s, p, null)[0];
  return test.store.getObjects(test.node, `${UT}graphData`, null).map((data) => ({
    name: one(data, `${RDFS}label`).value,
    file: new URL(one(data, `${UT}graph`).value).pathname,
  }));
}

async function runOne(test, endpoint, timeoutMs) {
  const requests = readRequests(test);
  const aboutDataset = test.store.getObjects(test.node, `${UT}graphData`, null).length > 0;
  const positiveUpdate = requests.find((r) => isUpdate(r) && !r.statuses.includes('4xx'));
  if (positiveUpdate) {
    const response = await send(endpoint, positiveUpdate, timeoutMs);
    if (response.status !== 400) {
      return { result: 'fail', reason: `a read-only endpoint must refuse updates; got ${response.status}` };
    }
    return {
      result: 'skipped',
      reason: `not applicable: a successful update; the endpoint is read-only (checked: 400 ${firstLine(response.text)})`,
    };
  }
  const notes = [];
  for (const written of requests) {
    const request = { ...written };
    if (!aboutDataset && !isUpdate(request) && /default-graph-uri=/.test(request.path)) {
      request.path = request.path.replace(/[?&]default-graph-uri=[^&]*/g, '').replace(/^([^?]*)&/, '$1?');
      notes.push('default-graph-uri dropped (the dataset is fixed)');
    }
    const response = await send(endpoint, request, timeoutMs);
    const wrong = mismatch(request, response);
    if (wrong) {
      const message = firstLine(response.text);
      if (response.status === 400 && REFUSAL.test(message)) return { result: 'refused', reason: `400: ${message}` };
      if (response.status >= 500) return { result: 'error', reason: wrong };
      return { result: 'fail', reason: wrong };
    }
  }
  return { result: 'pass', reason: notes[0] };
}

/** Runs every protocol test against one server without data. */
export async function runProtocolTests(tests, backend, options) {
  const results = new Map();
  for (const test of tests) {
    const started = Date.now();
    try {
      const endpoint = await backend.endpointFor({ data: [], graphData: graphData(test) });
      results.set(test.id, { ...(await runOne(test, endpoint, options.timeoutMs + 5000)), ms: Date.now() - started });
    } catch (error) {
      results.set(test.id, { result: 'error', reason: `no answer: ${error.message}` });
    }
  }
  return results;
}
