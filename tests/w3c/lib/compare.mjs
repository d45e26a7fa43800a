// Comparing results as the SPARQL specifications define: solutions as a
// multiset with blank nodes up to one consistent bijection (by graph
// isomorphism, rdf-isomorphic), order only where the query orders and only on
// its ordering keys, literals by value for numbers of the same datatype,
// language tags without regard to case.
import { getBijection, isomorphic } from 'rdf-isomorphic';
import { DataFactory } from './rdf.mjs';

const XSD = 'http://www.w3.org/2001/XMLSchema#';
const INTEGER_TYPES = new Set(
  ['integer', 'int', 'long', 'short', 'byte', 'nonNegativeInteger', 'nonPositiveInteger',
    'positiveInteger', 'negativeInteger', 'unsignedLong', 'unsignedInt', 'unsignedShort',
    'unsignedByte'].map((t) => XSD + t),
);

/** The canonical lexical form of a number, so that "01" and "1" compare equal. */
function canonicalNumber(datatype, lexical) {
  const text = lexical.trim();
  if (INTEGER_TYPES.has(datatype)) {
    return /^[+-]?\d+$/.test(text) ? BigInt(text).toString() : undefined;
  }
  if (datatype === `${XSD}decimal`) {
    const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
    if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
    const whole = match[2].replace(/^0+/, '') || '0';
    const fraction = (match[3] ?? '').replace(/0+$/, '');
    const sign = match[1] === '-' && (whole !== '0' || fraction !== '') ? '-' : '';
    return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
  }
  if (datatype === `${XSD}double` || datatype === `${XSD}float`) {
    if (/^[+-]?INF$/.test(text)) return text.startsWith('-') ? '-INF' : 'INF';
    if (text === 'NaN') return 'NaN';
    if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return undefined;
    const value = Number(text);
    return datatype === `${XSD}float` ? String(Math.fround(value)) : String(value);
  }
  return undefined;
}

/** A term in the form in which equal values are equal terms. */
export function normalise(term) {
  if (term.termType !== 'Literal') return term;
  if (term.language) return DataFactory.literal(term.value, term.language.toLowerCase());
  const number = canonicalNumber(term.datatype.value, term.value);
  return number === undefined ? term : DataFactory.literal(number, term.datatype);
}

const ROW = DataFactory.namedNode('urn:w3c-runner:row');
const variable = (name) => DataFactory.namedNode(`urn:w3c-runner:var:${name}`);

/** A result set as a graph: a blank node per row, a triple per binding. */
function bindingsGraph(rows, side) {
  const quads = [];
  rows.forEach((row, i) => {
    const node = DataFactory.blankNode(`${side}row${i}`);
    quads.push(DataFactory.quad(node, ROW, DataFactory.literal('row')));
    for (const [name, value] of Object.entries(row)) {
      const term = value.termType === 'BlankNode'
        ? DataFactory.blankNode(`${side}v${value.value}`)
        : normalise(value);
      quads.push(DataFactory.quad(node, variable(name), term));
    }
  });
  return quads;
}

function termText(term) {
  if (!term) return 'UNDEF';
  if (term.termType === 'NamedNode') return `<${term.value}>`;
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  const text = JSON.stringify(term.value);
  if (term.language) return `${text}@${term.language}`;
  if (term.datatype && term.datatype.value !== `${XSD}string`) return `${text}^^<${term.datatype.value}>`;
  return text;
}

export function rowText(row, variables) {
  const names = variables?.length ? variables : Object.keys(row);
  return names.map((name) => `?${name}=${termText(row[name])}`).join(' ');
}

/** Distinct rows (by their text; for REDUCED, whose cardinality is lax). */
function distinctRows(rows) {
  const seen = new Map();
  for (const row of rows) {
    const key = Object.keys(row).sort().map((k) => `${k}=${termText(normalise(row[k]))}`).join(' ');
    if (!seen.has(key)) seen.set(key, row);
  }
  return [...seen.values()];
}

/**
 * Compares an actual result with the expected one. `orderKeys`: the variables
 * of the query's top-level ORDER BY (undefined when it has none).
 * Returns { ok, reason }.
 */
export function compareResults(expected, actual, { orderKeys, laxCardinality } = {}) {
  if (expected.kind !== actual.kind) {
    return { ok: false, reason: `expected a ${expected.kind} result, got a ${actual.kind} result` };
  }
  if (expected.kind === 'boolean') {
    return expected.value === actual.value
      ? { ok: true }
      : { ok: false, reason: `expected ${expected.value}, got ${actual.value}` };
  }
  if (expected.kind === 'graph') {
    const a = expected.quads.map((q) => DataFactory.quad(q.subject, q.predicate, normalise(q.object)));
    const b = actual.quads.map((q) => DataFactory.quad(q.subject, q.predicate, normalise(q.object)));
    return isomorphic(a, b)
      ? { ok: true }
      : { ok: false, reason: `graphs differ: expected ${a.length} triples, got ${b.length}` };
  }
  let expectedRows = expected.rows;
  let actualRows = actual.rows;
  if (laxCardinality) {
    if (actualRows.length > expectedRows.length) {
      return { ok: false, reason: `REDUCED: ${actualRows.length} rows, more than ${expectedRows.length}` };
    }
    expectedRows = distinctRows(expectedRows);
    actualRows = distinctRows(actualRows);
  }
  if (expectedRows.length !== actualRows.length) {
    return { ok: false, reason: `expected ${expectedRows.length} rows, got ${actualRows.length}` };
  }
  const a = bindingsGraph(expectedRows, 'e');
  const b = bindingsGraph(actualRows, 'a');
  const bijection = getBijection(a, b);
  if (!bijection) return { ok: false, reason: 'the solutions differ' };
  if (orderKeys?.length && !laxCardinality) {
    const key = (row, map) =>
      orderKeys
        .map((name) => {
          const value = row[name];
          if (value?.termType === 'BlankNode') return map(value.value);
          return value ? termText(normalise(value)) : 'UNDEF';
        })
        .join(' ');
    const expectedKeys = expectedRows.map((row) => key(row, (label) => bijection[`_:ev${label}`] ?? `_:ev${label}`));
    const actualKeys = actualRows.map((row) => key(row, (label) => `_:av${label}`));
    const at = expectedKeys.findIndex((k, i) => k !== actualKeys[i]);
    if (at >= 0) {
      return {
        ok: false,
        reason: `same solutions, wrong order (ORDER BY ${orderKeys.map((k) => `?${k}`).join(' ')}): row ${at + 1} expected ${expectedKeys[at]}, got ${actualKeys[at]}`,
      };
    }
  }
  return { ok: true };
}
