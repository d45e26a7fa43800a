// conformance/REPORT.md from the runs' JSON files (conformance/<backend>.json).
import fs from 'node:fs';
import path from 'node:path';

const RESULTS = ['pass', 'fail', 'refused', 'error', 'skipped'];
const BACKENDS = ['engine', 'engine-unoptimized', 'virtuoso'];

const escape = (text) => String(text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function totalsTable(report) {
  const rows = new Map();
  const add = (key, result) => {
    if (!rows.has(key)) rows.set(key, Object.fromEntries(RESULTS.map((r) => [r, 0])));
    rows.get(key)[result] += 1;
  };
  for (const test of report.tests) add(`${test.suite} | ${test.category}`, test.result);
  for (const test of report.tests) add('**all** | ', test.result);
  const lines = [
    '| suite | category | pass | fail | refused | error | skipped | total |',
    '|---|---|--:|--:|--:|--:|--:|--:|',
  ];
  for (const [key, counts] of rows) {
    const total = RESULTS.reduce((sum, r) => sum + counts[r], 0);
    lines.push(`| ${key} | ${RESULTS.map((r) => counts[r]).join(' | ')} | ${total} |`);
  }
  return lines;
}

/** How often each refusal message comes, by its first words (what is refused). */
function refusalTable(report) {
  const counts = new Map();
  for (const test of report.tests.filter((t) => t.result === 'refused')) {
    const key = test.reason.replace(/^\d+: /, '').replace(/\(here the one on [^)]*\)/, '(...)').slice(0, 140);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [
    '| tests | refusal (first line of the message) |',
    '|--:|---|',
    ...[...counts].sort((a, b) => b[1] - a[1]).map(([reason, n]) => `| ${n} | ${escape(reason)} |`),
  ];
}

function testTable(report) {
  const lines = ['| test | result | reason |', '|---|---|---|'];
  for (const test of report.tests) {
    let reason = escape(test.reason);
    if (test.requires) reason += `${reason ? ' ' : ''}(requires ${test.requires.join(', ')})`;
    lines.push(`| ${test.id} | ${test.result} | ${reason} |`);
  }
  return lines;
}

function failures(report) {
  const bad = report.tests.filter((t) => t.result === 'fail' || t.result === 'error');
  if (bad.length === 0) return ['None.'];
  const lines = [];
  for (const test of bad) {
    lines.push(`### ${test.id} (${test.result})`, '', `${escape(test.name)}: ${escape(test.reason)}`, '');
    if (test.note) lines.push(`Why: ${test.note}`, '');
    if (test.expected) {
      lines.push('```', 'expected:', ...test.expected.map((l) => `  ${l}`), 'got:', ...test.got.map((l) => `  ${l}`), '```', '');
    }
  }
  return lines;
}

export function writeReport(outDir) {
  const reports = BACKENDS.map((backend) => path.join(outDir, `${backend}.json`))
    .filter((file) => fs.existsSync(file))
    .map((file) => JSON.parse(fs.readFileSync(file, 'utf8')));
  const notesFile = path.join(outDir, 'NOTES.md');
  const lines = [
    '# W3C SPARQL conformance',
    '',
    'The W3C SPARQL 1.0 and 1.1 query test suites (evaluation, syntax, result formats, protocol;',
    '`tests/w3c/suite/`, vendored from the W3C rdf-tests repository) run against the real endpoint',
    '(`werkagenda serve`) over HTTP by `tests/w3c/run.mjs`. Regenerate this report with',
    '`scripts/conformance`. **engine** is the default backend, our own SPARQL 1.1 engine; it runs',
    'every test, approved or not, once with its optimizer (engine) and once without',
    '(engine-unoptimized). The test command runs both (ctests `w3c_sparql_conformance_engine` and',
    '`w3c_sparql_conformance_engine_unoptimized`) and fails on any `fail` or `error` beyond the known',
    'failures listed, each with why, in `tests/w3c/known-failures.json` (empty). A positive syntax',
    'test that the engine parses and then refuses by policy (SERVICE, or FROM naming a document',
    'outside the dataset) passes, with the refusal as its reason. The embedded Rasqal store these',
    'suites once measured (250 of 420 answered, 170 refused) is retired; its last report is in the',
    'git history of this file.',
    '',
    'Results: **pass**; **fail**, a wrong answer; **refused**, the endpoint answered 400 naming the',
    'construct it does not support; **error**, a crash, a timeout or no answer; **skipped**, not run',
    '(for Virtuoso: not approved by the Working Group; for all: a protocol test of a successful',
    'update, which a read-only endpoint does not do, with the reason).',
    '',
  ];
  for (const report of reports) {
    lines.push(
      `## Backend: ${report.backend}${report.backend === 'engine' ? ' (default)' : ''}`,
      '',
      `Run on ${report.date} with \`${report.command}\` in ${report.seconds} s.`,
      '',
      ...totalsTable(report),
      '',
    );
  }
  if (fs.existsSync(notesFile)) lines.push(fs.readFileSync(notesFile, 'utf8').trim(), '');
  for (const report of reports) {
    lines.push(`## ${report.backend}: wrong answers and errors`, '', ...failures(report), '');
    lines.push(`## ${report.backend}: refusals`, '', ...refusalTable(report), '');
  }
  for (const report of reports) {
    lines.push(`## ${report.backend}: every test`, '', ...testTable(report), '');
  }
  fs.writeFileSync(path.join(outDir, 'REPORT.md'), `${lines.join('\n')}\n`);
}
