#!/usr/bin/env node
// Differential testing: generated queries over the agenda, answered by our
// engine (`werkagenda serve`, over HTTP) and by Oxigraph (npm, in-process,
// the default graph as the union of the named graphs, as ours), compared as
// the W3C runner compares results. Bounded by time and by count; every
// disagreement and every error of ours is written down.
//
//   node tests/differential/run.mjs [--seconds N] [--seed N] [--binary PATH] [--out DIR] [--max N]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import oxigraph from 'oxigraph';
import { compareResults, rowText } from '../w3c/lib/compare.mjs';
import { firstLine, sendQuery } from '../w3c/lib/query.mjs';
import { parseResponse } from '../w3c/lib/results.mjs';
import { runCommand, serversStopped, startServer } from '../w3c/lib/server.mjs';
import { generate, random, vocabulary } from './generator.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function parseArgs(argv) {
  const options = { seconds: 120, seed: 1, binary: path.join(root, 'build/src/werkagenda'), out: path.join(root, 'build/differential'), max: 100000 };
  for (let i = 0; i < argv.length; i += 2) {
    const [name, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${name} needs a value`);
    if (name === '--seconds') options.seconds = Number(value);
    else if (name === '--seed') options.seed = Number(value);
    else if (name === '--binary') options.binary = path.resolve(value);
    else if (name === '--out') options.out = path.resolve(value);
    else if (name === '--max') options.max = Number(value);
    else throw new Error(`unknown argument ${name}`);
  }
  return options;
}

const isGraph = (query) => /\bCONSTRUCT\b/.test(query);
const accept = (query) => (isGraph(query) ? 'application/n-triples' : 'application/sparql-results+json');

function theirs(store, query) {
  const text = store.query(query, { results_format: accept(query), use_default_graph_as_union: true });
  return parseResponse(accept(query), text);
}

function summary(result) {
  if (result.kind === 'boolean') return [String(result.value)];
  if (result.kind === 'graph') return result.quads.slice(0, 5).map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.value}`);
  return result.rows.slice(0, 5).map((row) => rowText(row, result.variables)).concat(result.rows.length > 5 ? [`... ${result.rows.length} rows`] : []);
}

/**
 * Our answer over HTTP. A keep-alive connection that sat idle past the
 * server's 5 s limit (while Oxigraph worked) may be closed just as it is
 * reused: that one network error is retried once on a new connection.
 */
async function ask(url, query) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendQuery(url, query, accept(query), 30000);
    } catch (error) {
      if (attempt > 0) return { status: 0, text: `no answer: ${error.cause?.message ?? error.message}` };
    }
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'differential-'));
  const built = await runCommand(options.binary, ['build', '--out', dataDir]);
  if (built.code !== 0) throw new Error(`werkagenda build failed: ${built.stderr}`);
  const nquads = fs.readFileSync(path.join(dataDir, 'werkagenda.nq'), 'utf8');
  const store = new oxigraph.Store();
  store.load(nquads, { format: 'application/n-quads' });
  const vocab = vocabulary(store.match(null, null, null, null));
  const server = await startServer(options.binary, ['--data', dataDir, '--cache-mb', '0', '--workers', '2', '--row-limit', '1000000']);
  const rng = random(options.seed);
  const deadline = Date.now() + options.seconds * 1000;
  const records = [];
  try {
    while (Date.now() < deadline && records.length < options.max) {
      const { template, query } = generate(rng, vocab);
      const record = { template, query };
      try {
        const started = Date.now();
        record.theirs = theirs(store, query);
        record.theirMs = Date.now() - started;
      } catch (error) {
        record.result = 'theirs-error';
        record.reason = error.message;
        records.push(record);
        continue;
      }
      const started = Date.now();
      const response = await ask(server.url, query);
      record.ourMs = Date.now() - started;
      if (response.status !== 200) {
        record.result = 'our-error';
        record.reason = `${response.status}: ${firstLine(response.text)}`;
      } else {
        const ours = parseResponse(response.contentType, response.text);
        const comparison = compareResults(record.theirs, ours, { orderKeys: /ORDER BY/.test(query) && /LIMIT/.test(query) ? ['t'] : undefined });
        record.result = comparison.ok ? 'agree' : 'disagree';
        if (!comparison.ok) {
          record.reason = comparison.reason;
          record.ours = summary(ours);
        }
      }
      record.theirs = record.result === 'agree' ? undefined : summary(record.theirs);
      records.push(record);
    }
  } finally {
    await server.stop();
    await serversStopped();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  writeReport(options, records);
  const bad = records.filter((r) => r.result === 'disagree' || r.result === 'our-error');
  process.exitCode = bad.length ? 1 : 0;
}

function writeReport(options, records) {
  fs.mkdirSync(options.out, { recursive: true });
  fs.writeFileSync(path.join(options.out, 'differential.json'), `${JSON.stringify({ options, records }, null, 1)}\n`);
  const totals = {};
  const byTemplate = {};
  for (const r of records) {
    totals[r.result] = (totals[r.result] ?? 0) + 1;
    byTemplate[r.template] ??= {};
    byTemplate[r.template][r.result] = (byTemplate[r.template][r.result] ?? 0) + 1;
  }
  const lines = [
    '# Differential run: our engine against Oxigraph',
    '',
    `Seed ${options.seed}, ${options.seconds} s, ${records.length} queries: ${JSON.stringify(totals)}.`,
    '',
    '| template | agree | disagree | our error | their error | our ms (max) | their ms (max) |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...Object.entries(byTemplate).sort().map(([t, c]) => {
      const of = (key) => Math.max(0, ...records.filter((r) => r.template === t).map((r) => r[key] ?? 0));
      return `| ${t} | ${c.agree ?? 0} | ${c.disagree ?? 0} | ${c['our-error'] ?? 0} | ${c['theirs-error'] ?? 0} | ${of('ourMs')} | ${of('theirMs')} |`;
    }),
    '',
  ];
  for (const r of records.filter((x) => x.result !== 'agree')) {
    lines.push(`## ${r.result} (${r.template})`, '', '```sparql', r.query, '```', '', `${r.reason ?? ''}`, '');
    if (r.ours) lines.push('ours:', ...r.ours.map((l) => `    ${l}`), 'theirs:', ...(r.theirs ?? []).map((l) => `    ${l}`), '');
  }
  fs.writeFileSync(path.join(options.out, 'DIFFERENTIAL.md'), `${lines.join('\n')}\n`);
  console.log(`differential: ${records.length} queries, ${JSON.stringify(totals)}; report in ${options.out}/DIFFERENTIAL.md`);
}

main().catch((error) => {
  console.error(error.stack ?? error.message);
  process.exitCode = 2;
});
