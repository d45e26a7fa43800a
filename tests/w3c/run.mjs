#!/usr/bin/env node
// The W3C SPARQL 1.0 and 1.1 test suites (tests/w3c/suite) against the real
// endpoint over HTTP: every query goes to `werkagenda serve`, hosted with the
// test's data, and the answer is compared with the expected result as the
// specifications define. Writes conformance/<backend>.json and regenerates
// conformance/REPORT.md; with --check, exits 1 if any test is a fail or an error.
//
//   node tests/w3c/run.mjs [--backend engine|virtuoso] [--binary PATH] [--out DIR]
//                          [--check] [--filter REGEX] [--jobs N] [--timeout-ms N]
//                          [--no-optimize]
// Our engine runs every test that is not withdrawn or rejected, approved or not;
// --no-optimize runs it with the optimizer off (results in engine-unoptimized.json).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EngineBackend, VirtuosoBackend } from './lib/backends.mjs';
import { compareResults, rowText } from './lib/compare.mjs';
import { readTests } from './lib/manifest.mjs';
import { runProtocolTests } from './lib/protocol.mjs';
import { REFUSAL, firstLine, hasBase, orderKeys, sendQuery } from './lib/query.mjs';
import { writeReport } from './lib/report.mjs';
import { serversStopped } from './lib/server.mjs';
import { acceptFor, parseResponse, readExpected } from './lib/results.mjs';
import { fileUrl } from './lib/rdf.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

function parseArgs(argv) {
  const options = {
    backend: 'engine',
    binary: path.join(root, 'build/src/werkagenda'),
    out: path.join(root, 'conformance'),
    suite: path.join(here, 'suite'),
    check: false,
    filter: undefined,
    jobs: 2,
    timeoutMs: 5000,
    virtuosoScript: path.join(root, 'scripts/virtuoso'),
    optimize: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--backend') options.backend = value();
    else if (arg === '--binary') options.binary = path.resolve(value());
    else if (arg === '--out') options.out = path.resolve(value());
    else if (arg === '--suite') options.suite = path.resolve(value());
    else if (arg === '--check') options.check = true;
    else if (arg === '--filter') options.filter = new RegExp(value());
    else if (arg === '--jobs') options.jobs = Math.max(1, Number(value()));
    else if (arg === '--timeout-ms') options.timeoutMs = Number(value());
    else if (arg === '--no-optimize') options.optimize = false;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!['engine', 'virtuoso'].includes(options.backend)) throw new Error('--backend engine|virtuoso');
  if (!options.optimize && options.backend !== 'engine') throw new Error('--no-optimize is for --backend engine');
  return options;
}

/** A refusal after parsing, for what a closed, read-only endpoint never does. */
const POLICY = /^(SERVICE is not allowed|FROM( NAMED)? <[^>]*> is not a graph of this dataset)/;

const ACCEPT_ANY = 'application/sparql-results+json, application/n-triples;q=0.9';

function summarise(result, limit = 8) {
  if (result.kind === 'boolean') return [String(result.value)];
  if (result.kind === 'graph') {
    return result.quads.slice(0, limit).map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`)
      .concat(result.quads.length > limit ? [`... ${result.quads.length} triples`] : []);
  }
  return result.rows.slice(0, limit).map((row) => rowText(row, result.variables))
    .concat(result.rows.length > limit ? [`... ${result.rows.length} rows`] : []);
}

/** The outcome of an answer that is not 200: refused, fail or error. */
function notAnswered(response, { validQuery }) {
  const message = firstLine(response.text);
  if ([400, 501].includes(response.status) && REFUSAL.test(message)) {
    return { result: 'refused', reason: `${response.status}: ${message}` };
  }
  if (response.status === 400 && validQuery) {
    return { result: 'fail', reason: `a valid query answered 400 without naming an unsupported construct: ${message}` };
  }
  if ([503, 504].includes(response.status)) {
    return { result: 'error', reason: `${response.status}: ${message || '(no message)'}` };
  }
  return { result: 'error', reason: `HTTP ${response.status}: ${message || '(no message)'}` };
}

async function runEvaluation(test, backend, options) {
  const original = fs.readFileSync(test.query, 'utf8');
  const hosting = backend.notHostable(test, original);
  if (hosting) return { result: 'refused', reason: hosting };
  let expected;
  try {
    expected = await readExpected(test.result);
  } catch (error) {
    return { result: 'error', reason: `cannot read the expected result: ${error.message}` };
  }
  const query = hasBase(original) ? original : `BASE <${fileUrl(test.query)}>\n${original}`;
  let endpoint;
  try {
    endpoint = await backend.endpointFor(test);
  } catch (error) {
    return { result: 'error', reason: `cannot host the data: ${error.message}` };
  }
  let response;
  try {
    response = await sendQuery(endpoint, query, acceptFor(expected, test.result), options.timeoutMs + 5000);
  } catch (error) {
    await backend.stop(); // the next test gets a fresh server
    return { result: 'error', reason: `no answer: ${error.cause?.message ?? error.message}` };
  }
  if (response.status !== 200) return notAnswered(response, { validQuery: true });
  let actual;
  try {
    actual = parseResponse(response.contentType, response.text);
  } catch (error) {
    return { result: 'error', reason: `unreadable ${response.contentType} answer: ${error.message}` };
  }
  const comparison = compareResults(expected, actual, {
    orderKeys: orderKeys(original),
    laxCardinality: test.laxCardinality,
  });
  if (comparison.ok) return { result: 'pass' };
  return {
    result: 'fail',
    reason: comparison.reason,
    expected: summarise(expected),
    got: summarise(actual),
  };
}

async function runSyntax(test, backend, options) {
  const query = fs.readFileSync(test.query, 'utf8');
  let response;
  try {
    response = await sendQuery(await backend.emptyEndpoint(), query, ACCEPT_ANY, options.timeoutMs + 5000);
  } catch (error) {
    await backend.stop();
    return { result: 'error', reason: `no answer: ${error.cause?.message ?? error.message}` };
  }
  const message = firstLine(response.text);
  if (test.positive) {
    if (response.status === 200) return { result: 'pass' };
    // Parsed, then refused by the endpoint's policy (no SERVICE, FROM only
    // for the dataset's own graphs): the syntax test itself holds.
    if (response.status === 400 && POLICY.test(message)) return { result: 'pass', reason: `parsed; ${message}` };
    return notAnswered(response, { validQuery: true });
  }
  if (response.status === 400) return { result: 'pass', reason: `400: ${message}` };
  if (response.status === 200) return { result: 'fail', reason: 'an ill-formed query was answered (200), not refused with 400' };
  return notAnswered(response, { validQuery: false });
}

/** Wrong answers known and not yet refused (tests/w3c/known-failures.json), by test id. */
function knownFailures(backend) {
  const file = path.join(here, 'known-failures.json');
  return JSON.parse(fs.readFileSync(file, 'utf8'))[backend] ?? {};
}

function skipReason(test, backend) {
  if (backend === 'engine') {
    if (['Withdrawn', 'Rejected', 'Obsoleted'].includes(test.approval)) return `withdrawn (dawgt:${test.approval})`;
  } else if (test.approval !== 'Approved') {
    return test.approval ? `not approved (dawgt:${test.approval})` : 'not approved (no dawgt:approval)';
  }
  if (test.category === 'unknown') return `test type mf:${test.type} is not run`;
  return undefined;
}

/** Runs tests in `lanes` parallel lanes, each with its own backend server. */
async function runLanes(groups, makeBackend, options, run) {
  const results = new Map();
  const queue = [...groups];
  const lane = async () => {
    const backend = makeBackend();
    try {
      for (let group = queue.shift(); group; group = queue.shift()) {
        for (const test of group) {
          const started = Date.now();
          results.set(test.id, { ...(await run(test, backend, options)), ms: Date.now() - started });
        }
      }
    } finally {
      await backend.stop();
    }
  };
  await Promise.all(Array.from({ length: options.jobs }, lane));
  return results;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(options.binary)) throw new Error(`no binary at ${options.binary}: build first`);
  const started = Date.now();
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'w3c-conformance-'));
  const all = (await readTests(options.suite)).filter((t) => !options.filter || options.filter.test(t.id));
  const records = new Map();
  const runnable = [];
  for (const test of all) {
    const reason = skipReason(test, options.backend);
    if (reason) records.set(test.id, { result: 'skipped', reason });
    else runnable.push(test);
  }
  const common = {
    binary: options.binary, tmpDir, timeoutMs: options.timeoutMs, virtuosoScript: options.virtuosoScript, optimize: options.optimize,
  };
  let shared;
  if (options.backend === 'virtuoso') {
    shared = new VirtuosoBackend(common);
    await shared.open();
    options.jobs = 1; // one Virtuoso database, cleared and loaded per dataset
  }
  const makeBackend = () =>
    shared ?? new EngineBackend(common);
  try {
    // Evaluation tests grouped by dataset, so that one server serves each group.
    const byData = new Map();
    const syntax = [];
    for (const test of runnable) {
      if (test.category === 'evaluation') {
        const key = shared ? shared.keyOf(test) : makeBackend().keyOf(test);
        if (!byData.has(key)) byData.set(key, []);
        byData.get(key).push(test);
      } else if (test.category === 'syntax') syntax.push(test);
    }
    const syntaxGroups = [];
    for (let i = 0; i < syntax.length; i += 40) syntaxGroups.push(syntax.slice(i, i + 40));
    const evaluation = await runLanes([...byData.values()], makeBackend, options, runEvaluation);
    const syntaxResults = await runLanes(syntaxGroups, makeBackend, options, runSyntax);
    for (const [id, record] of [...evaluation, ...syntaxResults]) records.set(id, record);
    const protocolTests = runnable.filter((t) => t.category === 'protocol');
    if (protocolTests.length) {
      const backend = makeBackend();
      try {
        for (const [id, record] of await runProtocolTests(protocolTests, backend, options)) records.set(id, record);
      } finally {
        await backend.stop();
      }
    }
  } finally {
    if (shared) await shared.close();
    await serversStopped();
    fs.rmSync(tmpDir, { recursive: true, force: true });
  }
  const reportName = options.optimize ? options.backend : `${options.backend}-unoptimized`;
  const report = {
    backend: reportName,
    date: new Date().toISOString().slice(0, 10),
    command: `node tests/w3c/run.mjs --backend ${options.backend}${options.optimize ? '' : ' --no-optimize'}${options.filter ? ` --filter '${options.filter.source}'` : ''}`,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    tests: all.map((t) => ({
      id: t.id,
      suite: t.suite,
      category: t.category,
      name: t.name,
      requires: t.requires.length ? t.requires : undefined,
      ...records.get(t.id),
      note: records.get(t.id)?.result === 'fail' ? knownFailures(reportName)[t.id] : undefined,
    })),
  };
  fs.mkdirSync(options.out, { recursive: true });
  fs.writeFileSync(path.join(options.out, `${reportName}.json`), `${JSON.stringify(report, null, 1)}\n`);
  writeReport(options.out);
  const totals = {};
  for (const t of report.tests) totals[t.result] = (totals[t.result] ?? 0) + 1;
  console.log(`${reportName}: ${JSON.stringify(totals)} in ${report.seconds} s`);
  if (options.check) {
    const known = knownFailures(reportName);
    const bad = report.tests.filter((t) => (t.result === 'fail' || t.result === 'error') && !known[t.id]);
    const mended = report.tests.filter((t) => known[t.id] && t.result !== 'fail');
    for (const t of bad) console.log(`${t.result.toUpperCase()} ${t.id}: ${t.reason}`);
    for (const t of mended) console.log(`NO LONGER FAILS ${t.id} (${t.result}): take it out of tests/w3c/known-failures.json`);
    if (bad.length || mended.length) process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error.stack ?? error.message);
  process.exitCode = 2;
});
