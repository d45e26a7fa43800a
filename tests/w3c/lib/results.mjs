// Results as the runner compares them, read from the suites' expected-result
// files (.srx, .srj, .csv, .tsv, RDF result sets, RDF graphs) and from the
// endpoint's responses.
//   { kind: 'bindings', variables: [name], rows: [{ name: term }] }
//   { kind: 'boolean', value: true | false }
//   { kind: 'graph', quads: [quad] }
import fs from 'node:fs';
import { Readable } from 'node:stream';
import N3 from 'n3';
import { SparqlJsonParser } from 'sparqljson-parse';
import { SparqlXmlParser } from 'sparqlxml-parse';
import { DataFactory, readRdf } from './rdf.mjs';

const RS = 'http://www.w3.org/2001/sw/DataAccess/tests/result-set#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

const jsonParser = new SparqlJsonParser({ prefixVariableQuestionMark: false });
const xmlParser = new SparqlXmlParser({ prefixVariableQuestionMark: false });

export function parseJsonResults(text) {
  const json = JSON.parse(text);
  if ('boolean' in json) return { kind: 'boolean', value: jsonParser.parseJsonBoolean(json) };
  return {
    kind: 'bindings',
    variables: json.head?.vars ?? [],
    rows: jsonParser.parseJsonResults(json),
  };
}

async function parseXmlResults(text) {
  if (/<boolean>/.test(text)) {
    return { kind: 'boolean', value: await xmlParser.parseXmlBooleanStream(Readable.from([text])) };
  }
  const rows = [];
  let variables = [];
  await new Promise((resolve, reject) => {
    const stream = xmlParser.parseXmlResultsStream(Readable.from([text]));
    stream.on('variables', (vars) => (variables = vars.map((v) => v.value)));
    stream.on('data', (row) => rows.push(row));
    stream.on('error', reject);
    stream.on('end', resolve);
  });
  return { kind: 'bindings', variables, rows };
}

/** An RDF graph that encodes a result set in the rs: vocabulary, as bindings. */
function resultSetFromGraph(quads) {
  const store = new N3.Store(quads);
  const set = store.getSubjects(`${RDF}type`, `${RS}ResultSet`, null)[0];
  if (!set) return undefined;
  const booleanValue = store.getObjects(set, `${RS}boolean`, null)[0];
  if (booleanValue) return { kind: 'boolean', value: booleanValue.value === 'true' };
  const variables = store.getObjects(set, `${RS}resultVariable`, null).map((v) => v.value);
  const solutions = store.getObjects(set, `${RS}solution`, null).map((solution) => {
    const row = {};
    for (const binding of store.getObjects(solution, `${RS}binding`, null)) {
      const name = store.getObjects(binding, `${RS}variable`, null)[0]?.value;
      const value = store.getObjects(binding, `${RS}value`, null)[0];
      if (name !== undefined && value) row[name] = value;
    }
    const index = store.getObjects(solution, `${RS}index`, null)[0];
    return { row, index: index ? Number(index.value) : undefined };
  });
  if (solutions.every((s) => s.index !== undefined)) solutions.sort((a, b) => a.index - b.index);
  return { kind: 'bindings', variables, rows: solutions.map((s) => s.row) };
}

/** One cell of a TSV result: an RDF term in Turtle syntax (or empty: unbound). */
function tsvTerm(cell) {
  if (cell === '') return undefined;
  const quads = new N3.Parser({ format: 'Turtle' }).parse(`<urn:s> <urn:p> ${cell} .`);
  return quads[0].object;
}

function parseTsv(text) {
  const lines = text.split('\n').filter((line, i, all) => line !== '' || i < all.length - 1);
  const variables = lines[0].split('\t').map((v) => v.replace(/^[?$]/, ''));
  const rows = lines.slice(1).map((line) => {
    const row = {};
    line.split('\t').forEach((cell, i) => {
      const term = tsvTerm(cell.replace(/\r$/, ''));
      if (term) row[variables[i]] = term;
    });
    return row;
  });
  return { kind: 'bindings', variables, rows };
}

/** RFC 4180 fields of a CSV text. */
function csvRecords(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      if (c === '\r') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** CSV keeps only strings: a blank node is "_:label", anything else a plain string. */
function parseCsv(text) {
  const [header, ...records] = csvRecords(text);
  const variables = header;
  const rows = records.map((record) => {
    const row = {};
    record.forEach((cell, i) => {
      if (cell === '') return;
      row[variables[i]] = cell.startsWith('_:')
        ? DataFactory.blankNode(cell.slice(2))
        : DataFactory.literal(cell);
    });
    return row;
  });
  return { kind: 'bindings', variables, rows };
}

/** The expected result of a test, from its mf:result file. */
export async function readExpected(file) {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.srx')) return parseXmlResults(text);
  if (file.endsWith('.srj')) return parseJsonResults(text);
  if (file.endsWith('.tsv')) return parseTsv(text);
  if (file.endsWith('.csv')) return parseCsv(text);
  const quads = await readRdf(file);
  return resultSetFromGraph(quads) ?? { kind: 'graph', quads };
}

/** The media type to ask the endpoint for, given the expected result. */
export function acceptFor(expected, resultFile) {
  if (resultFile?.endsWith('.csv')) return 'text/csv';
  if (resultFile?.endsWith('.tsv')) return 'text/tab-separated-values';
  return expected.kind === 'graph' ? 'application/n-triples' : 'application/sparql-results+json';
}

/** The endpoint's response body as a result, by its media type. */
export function parseResponse(contentType, text) {
  const type = (contentType ?? '').split(';')[0].trim();
  switch (type) {
    case 'application/sparql-results+json':
      return parseJsonResults(text);
    case 'application/n-triples':
    case 'text/turtle':
      return { kind: 'graph', quads: new N3.Parser({ format: type === 'text/turtle' ? 'Turtle' : 'N-Triples' }).parse(text) };
    case 'text/csv':
      return parseCsv(text);
    case 'text/tab-separated-values':
      return parseTsv(text);
    default:
      throw new Error(`unexpected media type ${contentType}`);
  }
}
