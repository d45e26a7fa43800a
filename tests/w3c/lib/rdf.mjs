// Reading the suites' RDF files (Turtle, N-Triples, RDF/XML) into RDF/JS
// quads, and writing N-Triples, with n3 and rdfxml-streaming-parser.
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import N3 from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';

export const { DataFactory } = N3;

/** The file:// URL of a path: the base IRI of the file as the manifests see it. */
export function fileUrl(file) {
  return pathToFileURL(file).href;
}

/**
 * The triples of a Turtle, N-Triples or RDF/XML file. Blank node labels get
 * `prefix`, so that files merged into one graph keep their blank nodes apart.
 */
export async function readRdf(file, { base = fileUrl(file), prefix = '' } = {}) {
  const text = fs.readFileSync(file, 'utf8');
  if (file.endsWith('.rdf') || file.endsWith('.xml')) {
    const quads = await new Promise((resolve, reject) => {
      const parser = new RdfXmlParser({ baseIRI: base });
      const out = [];
      parser.on('data', (quad) => out.push(quad));
      parser.on('error', reject);
      parser.on('end', () => resolve(out));
      parser.end(text);
    });
    return prefix ? quads.map((quad) => relabel(quad, prefix)) : quads;
  }
  const format = file.endsWith('.nt') ? 'N-Triples' : 'Turtle';
  const parser = new N3.Parser({ baseIRI: base, format, blankNodePrefix: prefix ? `${prefix}` : '' });
  return parser.parse(text);
}

function relabel(quad, prefix) {
  const term = (t) => (t.termType === 'BlankNode' ? DataFactory.blankNode(prefix + t.value) : t);
  return DataFactory.quad(term(quad.subject), term(quad.predicate), term(quad.object), quad.graph);
}

/** N-Triples text of triples (the default graph only). */
export function toNTriples(quads) {
  const writer = new N3.Writer({ format: 'N-Triples' });
  return writer.quadsToString(
    quads.map((q) => DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.defaultGraph())),
  );
}

/** An N3 store of a file's triples, for reading manifests. */
export async function readStore(file, base) {
  return new N3.Store(await readRdf(file, { base }));
}

/** The items of an RDF list starting at `head`. */
export function listItems(store, head, limit = 10000) {
  const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
  const items = [];
  let node = head;
  for (let i = 0; i < limit && node && node.value !== `${RDF}nil`; i++) {
    const first = store.getObjects(node, `${RDF}first`, null)[0];
    if (first) items.push(first);
    node = store.getObjects(node, `${RDF}rest`, null)[0];
  }
  return items;
}
