#!/usr/bin/env node
// Validates a DCAT catalogue against the official DCAT-AP 3.0.1 and DCAT-AP-NL 3.0 SHACL shapes.
//
//   node tests/shacl/validate-dcat.mjs --profile dcat-ap-3.0.1 [--shacl-root DIR] --data FILE...
//   node tests/shacl/validate-dcat.mjs --shapes DIR_OR_FILE... --data FILE...
//
// Data and shapes are read with n3 (Turtle for .ttl, N-Triples for .nt, N-Quads for .nq) into
// rdf-ext datasets and checked with rdf-validate-shacl. The data files form one data graph; the
// shape files of a run form one shapes graph (shapes and data are never mixed, so the DCAT
// metadata that the shape files carry about themselves is not validated as data).
//
// Profiles and the files they load (from --shacl-root, default ../shared/shacl next to the repo):
//
//   dcat-ap-3.0.1          dcat-ap-3.0.1/shapes.ttl                  mandatory properties, cardinalities, datatypes (violations)
//                          dcat-ap-3.0.1/shapes_recommended.ttl      recommended properties (warnings)
//                          dcat-ap-3.0.1/mdr-vocabularies.shape.ttl  controlled vocabularies (skos:inScheme checks)
//                          dcat-ap-3.0.1/range.ttl                   class of every property value (sh:class)
//                          dcat-ap-3.0.1/deprecateduris.ttl          terms DCAT-AP 2/3 deprecated (warnings)
//   dcat-ap-nl-3.0         everything of dcat-ap-3.0.1, plus
//                          dcat-ap-nl-3.0/dcat-ap-nl-SHACL.ttl                          the Dutch tightenings
//                          dcat-ap-nl-3.0/dcat-ap-nl-SHACL-klassebereik.ttl             class ranges
//                          dcat-ap-nl-3.0/dcat-ap-nl-SHACL-klassebereik-codelijsten.ttl class ranges of code-list values
//                          dcat-ap-nl-3.0/dcat-ap-nl-SHACL-aanbevolen.ttl               recommended properties (warnings)
//   dcat-ap-nl-3.0-only    the four DCAT-AP-NL files alone (the Dutch delta, for diagnosis)
//
// Why: DCAT-AP-NL 3.0 says (chapter "Validaties DCAT-AP NL") that a description conforms to it only
// when it passes both the DCAT-AP 3.0.1 shapes and the DCAT-AP-NL shapes, which build on them and
// only tighten them; so the Dutch profile includes the European files. Each --profile is its own
// run with its own report; giving several runs them one after the other.
//
// Not loaded: dcat-ap-3.0.1/imports.ttl and mdr_imports.ttl hold nothing but owl:imports of the
// vocabularies (DCAT, DCMI, FOAF, vCard, SPDX, ... and the EU code lists) for validators that
// download them. We work offline: owl:imports met in a shapes file (deprecateduris.ttl has one)
// are listed in the report and not followed. What the shapes need from those vocabularies must
// be in the data: the catalogue states the classes of the nodes it points to and the skos:inScheme
// (and, for concepts, type and labels) of the code-list values it uses; no background file is
// loaded, as a harvester sees only what it fetches.
//
// One erratum is applied to the official shapes, in memory, and announced in the report (give
// --no-errata to validate against the files exactly as published): mdr-vocabularies.shape.ttl of
// DCAT-AP 3.0.1 requires the value of spdx:algorithm to be an spdx:ChecksumAlgorithm (in the SPDX
// namespace http://spdx.org/rdf/terms#, as the file's own prefix and DCAT 3 have it) AND to match
// sh:pattern "^https://spdx.org/rdf/terms", which no term of that namespace does: the pattern
// rejects every real SPDX algorithm (spdx:checksumAlgorithm_sha256, _sha1, ...). The erratum
// widens the pattern to "^https?://spdx.org/rdf/terms"; the sh:class check stays as it is.
//
// Relative IRIs in data files resolve against --base (default https://w3id.org/werkagenda/), so
// the curated data/curated/catalogue.ttl can be checked as it is; shape files resolve against
// their own file URL.
//
// Output: one block per validation result (severity, focus node, path, value, message, source
// shape and constraint), violations first, then "N violation(s), M warning(s), K info(s)".
// Exit status: 0 no violations (warnings and infos allowed), 1 violations, 2 usage or parse error.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import N3 from 'n3';
import rdf from 'rdf-ext';
import SHACLValidator from 'rdf-validate-shacl';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const defaultShaclRoot = path.resolve(repoRoot, '..', 'shared', 'shacl');
const defaultBase = 'https://w3id.org/werkagenda/';

const DCAT_AP = [
  'dcat-ap-3.0.1/shapes.ttl',
  'dcat-ap-3.0.1/shapes_recommended.ttl',
  'dcat-ap-3.0.1/mdr-vocabularies.shape.ttl',
  'dcat-ap-3.0.1/range.ttl',
  'dcat-ap-3.0.1/deprecateduris.ttl',
];
const DCAT_AP_NL = [
  'dcat-ap-nl-3.0/dcat-ap-nl-SHACL.ttl',
  'dcat-ap-nl-3.0/dcat-ap-nl-SHACL-klassebereik.ttl',
  'dcat-ap-nl-3.0/dcat-ap-nl-SHACL-klassebereik-codelijsten.ttl',
  'dcat-ap-nl-3.0/dcat-ap-nl-SHACL-aanbevolen.ttl',
];
const PROFILES = {
  'dcat-ap-3.0.1': DCAT_AP,
  'dcat-ap-nl-3.0': [...DCAT_AP, ...DCAT_AP_NL],
  'dcat-ap-nl-3.0-only': DCAT_AP_NL,
};

const PREFIXES = {
  adms: 'http://www.w3.org/ns/adms#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcatap: 'http://data.europa.eu/r5r/',
  dct: 'http://purl.org/dc/terms/',
  eli: 'http://data.europa.eu/eli/ontology#',
  eush: 'https://purl.eu/ns/shacl#',
  foaf: 'http://xmlns.com/foaf/0.1/',
  locn: 'http://www.w3.org/ns/locn#',
  odrl: 'http://www.w3.org/ns/odrl/2/',
  owl: 'http://www.w3.org/2002/07/owl#',
  prov: 'http://www.w3.org/ns/prov#',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  sh: 'http://www.w3.org/ns/shacl#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  spdx: 'http://spdx.org/rdf/terms#',
  time: 'http://www.w3.org/2006/time#',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  'dcat-ap': 'https://semiceu.github.io/DCAT-AP/releases/3.0.0/html/shacl/shapes.ttl#',
  'dcat-ap-range': 'https://semiceu.github.io/DCAT-AP/releases/3.0.0/html/shacl/range.ttl#',
  r5r: 'http://data.europa.eu/r5r#',
  'dcatapnl-sh': 'http://modellen.geostandaarden.nl/dcat-ap-nl/id/shape/300/',
};
const SH = PREFIXES.sh;
const sh = (local) => rdf.namedNode(SH + local);
const RDF_TYPE = rdf.namedNode(PREFIXES.rdf + 'type');

/// Known errors in the official shape files, corrected in memory when the exact triple is there.
const ERRATA = [
  {
    subject: 'http://data.europa.eu/r5r#ChecksumAlgorithmRestriction',
    predicate: SH + 'pattern',
    wrong: '^https://spdx.org/rdf/terms',
    right: '^https?://spdx.org/rdf/terms',
    why: 'DCAT-AP 3.0.1 mdr-vocabularies.shape.ttl: the SPDX namespace is http://spdx.org/rdf/terms# (the sh:class next to it uses it); the https-only pattern rejects every SPDX checksum algorithm',
  },
];

/// Applies ERRATA to `shapes`; returns the descriptions of those applied.
function applyErrata(shapes) {
  const applied = [];
  for (const erratum of ERRATA) {
    const matches = [...shapes.match(rdf.namedNode(erratum.subject), rdf.namedNode(erratum.predicate), null)]
      .filter((quad) => quad.object.termType === 'Literal' && quad.object.value === erratum.wrong);
    for (const quad of matches) {
      shapes.delete(quad);
      shapes.add(rdf.quad(quad.subject, quad.predicate, rdf.literal(erratum.right)));
      applied.push(`${compact(quad.subject)} ${compact(quad.predicate)} ${JSON.stringify(erratum.wrong)} -> ${JSON.stringify(erratum.right)} (${erratum.why})`);
    }
  }
  return applied;
}

const USAGE = `usage: node tests/shacl/validate-dcat.mjs [--profile NAME...] [--shapes DIR_OR_FILE...]
                                          [--shacl-root DIR] [--base IRI] [--no-errata] --data FILE...

  --profile NAME...     ${Object.keys(PROFILES).join(', ')}; each is a separate run
  --shapes PATH...      shape files, or directories whose .ttl/.nt files are all loaded (one extra run)
  --shacl-root DIR      where the profiles' files live (default ${path.relative(process.cwd(), defaultShaclRoot) || '.'})
  --base IRI            base for relative IRIs in the data files (default ${defaultBase})
  --data FILE...        the data graph: Turtle (.ttl), N-Triples (.nt) or N-Quads (.nq) files
  --no-errata           use the shape files exactly as published (see ERRATA in this script)

Exit status: 0 no violations, 1 violations, 2 usage or parse error.`;

class UsageError extends Error {}

function parseArguments(argv) {
  const options = { profiles: [], shapes: [], data: [], shaclRoot: defaultShaclRoot, base: defaultBase, errata: true };
  const multi = { '--profile': 'profiles', '--shapes': 'shapes', '--data': 'data' };
  const single = { '--shacl-root': 'shaclRoot', '--base': 'base' };
  for (let i = 0; i < argv.length; ) {
    const flag = argv[i++];
    if (flag === '--help' || flag === '-h') return null;
    if (flag === '--no-errata') {
      options.errata = false;
      continue;
    }
    if (flag in multi) {
      const start = i;
      while (i < argv.length && !argv[i].startsWith('--')) options[multi[flag]].push(argv[i++]);
      if (i === start) throw new UsageError(`${flag} needs at least one value`);
    } else if (flag in single) {
      if (i >= argv.length || argv[i].startsWith('--')) throw new UsageError(`${flag} needs a value`);
      options[single[flag]] = argv[i++];
    } else {
      throw new UsageError(`unknown argument: ${flag}`);
    }
  }
  if (options.data.length === 0) throw new UsageError('no --data files');
  if (options.profiles.length === 0 && options.shapes.length === 0) throw new UsageError('give --profile or --shapes');
  for (const profile of options.profiles) {
    if (!(profile in PROFILES)) throw new UsageError(`unknown profile: ${profile} (known: ${Object.keys(PROFILES).join(', ')})`);
  }
  return options;
}

function formatOf(file) {
  if (/\.ttl$/i.test(file)) return 'text/turtle';
  if (/\.nt$/i.test(file)) return 'application/n-triples';
  if (/\.nq$/i.test(file)) return 'application/n-quads';
  throw new UsageError(`cannot tell the syntax of ${file} (expected .ttl, .nt or .nq)`);
}

/// Parses one file into `dataset`; every quad goes to the default graph. Throws with file and line.
function load(file, baseIRI, dataset) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${error.message}`);
  }
  const parser = new N3.Parser({ format: formatOf(file), baseIRI });
  let quads;
  try {
    quads = parser.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: ${error.message}`);
  }
  for (const quad of quads) dataset.add(rdf.quad(quad.subject, quad.predicate, quad.object));
  return quads.length;
}

function expandShapePaths(paths) {
  const files = [];
  for (const entry of paths) {
    let stat;
    try {
      stat = fs.statSync(entry);
    } catch {
      throw new UsageError(`no such file or directory: ${entry}`);
    }
    if (stat.isDirectory()) {
      const inside = fs.readdirSync(entry).filter((name) => /\.(ttl|nt)$/i.test(name)).sort();
      if (inside.length === 0) throw new UsageError(`no .ttl or .nt files in ${entry}`);
      files.push(...inside.map((name) => path.join(entry, name)));
    } else {
      files.push(entry);
    }
  }
  return files;
}

// ---------------------------------------------------------------------------------- rendering

function compact(term) {
  if (!term) return '(none)';
  if (term.termType === 'NamedNode') {
    let best = null;
    for (const [prefix, namespace] of Object.entries(PREFIXES)) {
      if (term.value.startsWith(namespace) && /^[\w.-]*$/.test(term.value.slice(namespace.length))) {
        if (!best || namespace.length > best[1].length) best = [prefix, namespace];
      }
    }
    return best ? `${best[0]}:${term.value.slice(best[1].length)}` : `<${term.value}>`;
  }
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType === 'Literal') {
    const text = JSON.stringify(term.value.length > 80 ? term.value.slice(0, 77) + '...' : term.value);
    if (term.language) return `${text}@${term.language}`;
    if (term.datatype && term.datatype.value !== PREFIXES.xsd + 'string') return `${text}^^${compact(term.datatype)}`;
    return text;
  }
  return String(term.value);
}

function objects(dataset, subject, predicate) {
  return [...dataset.match(subject, predicate, null)].map((quad) => quad.object);
}

/// A path as SHACL writes it: an IRI, ^inverse, or a sequence (a / b).
function renderPath(term, shapes) {
  if (!term) return '(node)';
  if (term.termType !== 'BlankNode') return compact(term);
  const inverse = objects(shapes, term, sh('inversePath'))[0];
  if (inverse) return '^' + renderPath(inverse, shapes);
  const first = objects(shapes, term, rdf.namedNode(PREFIXES.rdf + 'first'))[0];
  if (first) {
    const parts = [];
    for (let node = term; node && node.value !== PREFIXES.rdf + 'nil'; ) {
      parts.push(renderPath(objects(shapes, node, rdf.namedNode(PREFIXES.rdf + 'first'))[0], shapes));
      node = objects(shapes, node, rdf.namedNode(PREFIXES.rdf + 'rest'))[0];
    }
    return parts.join(' / ');
  }
  return compact(term);
}

/// "dcat-ap:Dataset_Shape › dct:title" for a blank property shape, the IRI otherwise.
function renderShape(shape, shapes) {
  if (!shape) return '(unknown)';
  if (shape.termType !== 'BlankNode') return compact(shape);
  const parent = [...shapes.match(null, sh('property'), shape)][0]?.subject;
  const shapePath = objects(shapes, shape, sh('path'))[0];
  const own = shapePath ? `property ${renderPath(shapePath, shapes)}` : 'anonymous shape';
  return parent ? `${renderShape(parent, shapes)} › ${own}` : own;
}

/// The shape's own explanation, where it has one (sh:description, DCAT-AP-NL's eush:message).
function shapeNote(shape, shapes) {
  if (!shape) return null;
  for (const predicate of [sh('description'), rdf.namedNode(PREFIXES.eush + 'message')]) {
    const notes = objects(shapes, shape, predicate);
    const english = notes.find((note) => note.language === 'en') || notes[0];
    if (english) return english.value;
  }
  return null;
}

/// For results the engine leaves without a message (sh:class does): say what was expected.
function defaultMessage(result, shapes, component) {
  if (component === 'sh:ClassConstraintComponent') {
    const expected = objects(shapes, result.sourceShape, sh('class')).map(compact).join(' or ');
    return `Value is not typed ${expected || 'as required'} in the data (sh:class: an rdf:type triple is needed, nothing is inferred)`;
  }
  return component || 'constraint not met';
}

function severityName(term) {
  return term ? term.value.replace(SH, '') : 'Violation';
}

function describeResult(result, shapes, indent) {
  const pad = ' '.repeat(indent);
  const lines = [];
  const messages = result.message.map((literal) => literal.value);
  const component = result.sourceConstraintComponent ? compact(result.sourceConstraintComponent) : '';
  lines.push(`${pad}[${severityName(result.severity)}] ${compact(result.focusNode)}`);
  lines.push(`${pad}  path:    ${result.path ? renderPath(result.path, shapes) : '(the node itself)'}`);
  if (result.value) lines.push(`${pad}  value:   ${compact(result.value)}`);
  lines.push(`${pad}  message: ${messages.length ? messages.join(' | ') : defaultMessage(result, shapes, component)}`);
  const note = shapeNote(result.sourceShape, shapes);
  if (note && !messages.includes(note)) lines.push(`${pad}  note:    ${note}`);
  lines.push(`${pad}  shape:   ${renderShape(result.sourceShape, shapes)}${component ? ` (${component})` : ''}`);
  for (const detail of result.detail || []) lines.push(...describeResult(detail, shapes, indent + 4));
  return lines;
}

const severityOrder = { Violation: 0, Warning: 1, Info: 2 };

function sortKey(result, shapes) {
  return [
    severityOrder[severityName(result.severity)] ?? 3,
    compact(result.focusNode),
    result.path ? renderPath(result.path, shapes) : '',
    renderShape(result.sourceShape, shapes),
    result.value ? compact(result.value) : '',
  ];
}

function compareKeys(a, b) {
  for (let i = 0; i < a.length; i++) {
    if (a[i] < b[i]) return -1;
    if (a[i] > b[i]) return 1;
  }
  return 0;
}

// ---------------------------------------------------------------------------------- running

async function run(name, shapeFiles, data, dataFiles, errata, out) {
  const shapes = rdf.dataset();
  for (const file of shapeFiles) load(file, pathToFileURL(path.resolve(file)).href, shapes);
  const applied = errata ? applyErrata(shapes) : [];
  const skippedImports = [];
  const validator = new SHACLValidator(shapes, {
    maxNodeChecks: 100000,
    importGraph: (iri) => {
      skippedImports.push(iri.value);
      return rdf.dataset();
    },
  });
  const report = await validator.validate(data);
  const keyed = report.results.map((result) => ({ result, key: sortKey(result, shapes) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));

  const counts = { Violation: 0, Warning: 0, Info: 0 };
  for (const { result } of keyed) counts[severityName(result.severity)] = (counts[severityName(result.severity)] || 0) + 1;

  out.push(`== ${name}`);
  out.push(`shapes: ${shapeFiles.map((file) => path.relative(process.cwd(), file) || file).join(', ')}`);
  out.push(`data:   ${dataFiles.join(', ')} (${data.size} triples)`);
  if (skippedImports.length) out.push(`owl:imports not followed (offline): ${[...new Set(skippedImports)].sort().join(', ')}`);
  for (const erratum of applied) out.push(`erratum applied: ${erratum}`);
  out.push('');
  for (const { result } of keyed) {
    out.push(...describeResult(result, shapes, 0));
    out.push('');
  }
  const summary = `${counts.Violation} violation(s), ${counts.Warning} warning(s), ${counts.Info} info(s)`;
  out.push(`${name}: ${summary}`);
  out.push('');
  return counts;
}

async function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`validate-dcat: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options === null) {
    console.log(USAGE);
    return 0;
  }

  const runs = [];
  try {
    for (const profile of options.profiles) {
      runs.push({ name: profile, files: PROFILES[profile].map((file) => path.join(options.shaclRoot, file)) });
    }
    if (options.shapes.length) runs.push({ name: 'shapes', files: expandShapePaths(options.shapes) });
    for (const { files } of runs) {
      for (const file of files) {
        if (!fs.existsSync(file)) throw new UsageError(`shape file not found: ${file} (check --shacl-root)`);
      }
    }
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`validate-dcat: ${error.message}`);
    return 2;
  }

  const data = rdf.dataset();
  const out = [];
  let total = { Violation: 0, Warning: 0, Info: 0 };
  try {
    for (const file of options.data) load(file, options.base, data);
    for (const { name, files } of runs) {
      const counts = await run(name, files, data, options.data, options.errata, out);
      for (const key of Object.keys(total)) total[key] += counts[key] || 0;
    }
  } catch (error) {
    process.stdout.write(out.join('\n'));
    console.error(`validate-dcat: ${error.message}`);
    return 2;
  }
  if (runs.length > 1) out.push(`total: ${total.Violation} violation(s), ${total.Warning} warning(s), ${total.Info} info(s)`);
  process.stdout.write(out.join('\n') + '\n');
  return total.Violation > 0 ? 1 : 0;
}

process.exitCode = await main();
