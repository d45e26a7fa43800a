// The W3C manifests: which tests there are, and what each needs.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileUrl, listItems, readStore } from './rdf.mjs';

const MF = 'http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#';
const QT = 'http://www.w3.org/2001/sw/DataAccess/tests/test-query#';
const DAWGT = 'http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const RDFS = 'http://www.w3.org/2000/01/rdf-schema#';

/** The manifests the runner starts from, relative to the suite folder. */
export const ROOT_MANIFESTS = [
  'sparql10/manifest.ttl', // evaluation and syntax
  'sparql11/manifest-sparql11-query.ttl', // evaluation and syntax-query
  'sparql11/manifest-sparql11-results.ttl', // CSV, TSV and JSON result formats
  'sparql11/syntax-fed/manifest.ttl', // SERVICE syntax
  'sparql11/protocol/manifest.ttl',
];

const TYPES = {
  QueryEvaluationTest: 'evaluation',
  CSVResultFormatTest: 'evaluation',
  PositiveSyntaxTest: 'syntax',
  PositiveSyntaxTest11: 'syntax',
  NegativeSyntaxTest: 'syntax',
  NegativeSyntaxTest11: 'syntax',
  ProtocolTest: 'protocol',
};

function localName(iri) {
  return iri.replace(/^.*[#/]/, '');
}

function filePath(term) {
  return term && term.value.startsWith('file:') ? fileURLToPath(term.value) : undefined;
}

/** Every test of the suites under `suiteDir`, in manifest order. */
export async function readTests(suiteDir) {
  const tests = [];
  const seen = new Set();
  const visit = async (manifestFile, depth) => {
    if (depth > 10 || seen.has(manifestFile) || !fs.existsSync(manifestFile)) return;
    seen.add(manifestFile);
    const base = fileUrl(manifestFile);
    const store = await readStore(manifestFile, base);
    const manifest = store.getSubjects(`${RDF}type`, `${MF}Manifest`, null)[0];
    if (!manifest) return;
    for (const list of store.getObjects(manifest, `${MF}include`, null)) {
      for (const included of listItems(store, list)) {
        const file = filePath(included);
        if (file) await visit(file, depth + 1);
      }
    }
    const relativeDir = path.relative(suiteDir, path.dirname(manifestFile));
    for (const list of store.getObjects(manifest, `${MF}entries`, null)) {
      for (const entry of listItems(store, list)) {
        tests.push(readTest(store, entry, relativeDir));
      }
    }
  };
  for (const root of ROOT_MANIFESTS) await visit(path.join(suiteDir, root), 0);
  return tests;
}

function readTest(store, entry, relativeDir) {
  const one = (subject, predicate) => store.getObjects(subject, predicate, null)[0];
  const all = (subject, predicate) => store.getObjects(subject, predicate, null);
  const typeIri = all(entry, `${RDF}type`).map((t) => t.value).find((t) => t.startsWith(MF));
  const type = typeIri ? localName(typeIri) : 'unknown';
  const approval = one(entry, `${DAWGT}approval`);
  const action = one(entry, `${MF}action`);
  const test = {
    id: `${relativeDir}/${localName(entry.value)}`,
    iri: entry.value,
    suite: relativeDir.split('/')[0],
    group: relativeDir.split('/')[1],
    name: one(entry, `${MF}name`)?.value ?? localName(entry.value),
    comment: one(entry, `${RDFS}comment`)?.value,
    type,
    category: TYPES[type] ?? 'unknown',
    positive: type.startsWith('Positive'),
    approval: approval ? localName(approval.value) : undefined,
    requires: all(entry, `${MF}requires`).map((t) => localName(t.value)),
    laxCardinality: one(entry, `${MF}resultCardinality`)?.value === `${MF}LaxCardinality`,
    data: [],
    graphData: [],
  };
  if (test.category === 'protocol') {
    test.store = store;
    test.node = entry;
    test.action = action;
    return test;
  }
  if (action && action.termType !== 'NamedNode') {
    test.query = filePath(one(action, `${QT}query`));
    test.data = all(action, `${QT}data`).map(filePath).sort();
    // A named graph is named by its file's IRI, or by the rdfs:label of a
    // [ qt:graph <file> ; rdfs:label "name" ] node.
    test.graphData = all(action, `${QT}graphData`)
      .map((t) =>
        t.termType === 'NamedNode'
          ? { file: filePath(t), name: t.value }
          : { file: filePath(one(t, `${QT}graph`)), name: one(t, `${RDFS}label`)?.value },
      )
      .sort((a, b) => a.name.localeCompare(b.name));
  } else if (action) {
    test.query = filePath(action); // syntax tests name the query file directly
  }
  const result = one(entry, `${MF}result`);
  test.result = result ? filePath(result) : undefined;
  return test;
}
