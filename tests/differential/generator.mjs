// Random but meaningful SPARQL queries over the agenda's vocabulary, from
// templates of growing complexity; deterministic for a seed. Results are
// compared as multisets (the agenda is small enough to return them whole);
// the one sliced template orders by a string, a total order, so that two
// correct engines must give the same answer.

/** A small seeded generator (mulberry32). */
export function random(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (items) => items[Math.floor(next() * items.length)],
    chance: (p) => next() < p,
  };
}

const iri = (value) => `<${value}>`;

/** The vocabulary to draw from: predicates, classes, subjects and literals of the data. */
export function vocabulary(quads) {
  const predicates = new Set();
  const classes = new Set();
  const subjects = new Set();
  const literals = [];
  for (const quad of quads) {
    predicates.add(quad.predicate.value);
    if (quad.subject.termType === 'NamedNode') subjects.add(quad.subject.value);
    if (quad.predicate.value.endsWith('#type') && quad.object.termType === 'NamedNode') classes.add(quad.object.value);
    if (quad.object.termType === 'Literal' && quad.object.value.length < 40) literals.push(quad.object);
  }
  return { predicates: [...predicates], classes: [...classes], subjects: [...subjects], literals };
}

function literalText(term) {
  const text = JSON.stringify(term.value);
  if (term.language) return `${text}@${term.language}`;
  if (term.datatype && !term.datatype.value.endsWith('#string')) return `${text}^^<${term.datatype.value}>`;
  return text;
}

/** One query of a template chosen at random, with the template's name. */
export function generate(rng, vocab) {
  const p = () => iri(rng.pick(vocab.predicates));
  const c = () => iri(rng.pick(vocab.classes));
  const s = () => iri(rng.pick(vocab.subjects));
  const lit = () => literalText(rng.pick(vocab.literals));
  const filter = (v) =>
    rng.pick([
      `FILTER(isIRI(${v}))`,
      `FILTER(isLiteral(${v}) && lang(${v}) = "en")`,
      `FILTER(langMatches(lang(${v}), "nl"))`,
      `FILTER(regex(str(${v}), "${rng.pick(['data', 'EU', 'wet', 'AI', 'digit', '^h'])}", "i"))`,
      `FILTER(STRLEN(STR(${v})) > ${rng.int(60)})`,
      `FILTER(CONTAINS(LCASE(STR(${v})), "${rng.pick(['a', 'de', 'ict', 'open'])}"))`,
      `FILTER(${v} != ${lit()})`,
      `FILTER(!BOUND(${v}) || isBlank(${v}) || isNumeric(${v}) || STRSTARTS(STR(${v}), "http"))`,
      `FILTER(${v} IN (${lit()}, ${s()}, ${lit()}))`,
    ]);
  const path = () =>
    rng.pick([`${p()}/${p()}`, `${p()}|${p()}`, `^${p()}`, `${p()}+`, `${p()}*`, `${p()}?`, `!(${p()}|^${p()})`, `(${p()}|^${p()})+`]);
  const templates = {
    bgp: () => `SELECT ?s ?o WHERE { ?s a ${c()} ; ${p()} ?o . }`,
    star: () => `SELECT ?s ?a ?b WHERE { ?s ${p()} ?a ; ${p()} ?b . ${filter('?a')} }`,
    optional: () =>
      `SELECT ?s ?x ?y WHERE { ?s a ${c()} OPTIONAL { ?s ${p()} ?x OPTIONAL { ?x ${p()} ?y } } }`,
    optionalFilter: () =>
      `SELECT ?s ?x WHERE { ?s a ${c()} OPTIONAL { ?s ${p()} ?x ${filter('?x')} } }`,
    union: () => `SELECT ?s ?o WHERE { { ?s ${p()} ?o } UNION { ?o ${p()} ?s } }`,
    minus: () => `SELECT ?s WHERE { ?s a ${c()} MINUS { ?s ${p()} ?x } }`,
    notExists: () => `SELECT ?s WHERE { ?s a ${c()} FILTER NOT EXISTS { ?s ${p()} ?x } }`,
    exists: () => `SELECT ?s WHERE { ?s ${p()} ?o FILTER EXISTS { ?o ${p()} ?z } }`,
    path: () => `SELECT ?s ?o WHERE { ?s ${path()} ?o }`,
    pathFrom: () => `SELECT ?o WHERE { ${s()} ${path()} ?o }`,
    count: () => `SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?o) AS ?d) WHERE { ?s ${p()} ?o }`,
    group: () =>
      `SELECT ?p (COUNT(?o) AS ?n) (MIN(STR(?o)) AS ?first) WHERE { ?s ?p ?o . ?s a ${c()} } GROUP BY ?p HAVING (COUNT(?o) > ${rng.int(5)}) ORDER BY ?p`,
    groupConcat: () =>
      `SELECT ?s (STRLEN(GROUP_CONCAT(DISTINCT STR(?o); SEPARATOR="|")) AS ?length) WHERE { ?s a ${c()} ; ${p()} ?o } GROUP BY ?s`,
    minMax: () =>
      `SELECT (MIN(STR(?o)) AS ?min) (MAX(STR(?o)) AS ?max) (MAX(STRLEN(STR(?o))) AS ?longest) WHERE { ?s ${p()} ?o }`,
    bind: () =>
      `SELECT ?s ?u WHERE { ?s ${p()} ?o BIND(UCASE(SUBSTR(STR(?o), 1, ${1 + rng.int(8)})) AS ?u) }`,
    values: () => `SELECT ?s ?o WHERE { VALUES ?s { ${s()} ${s()} ${s()} } ?s ?p ?o }`,
    subquery: () =>
      `SELECT ?s ?n WHERE { { SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ${p()} ?o } GROUP BY ?s } FILTER(?n > 1) }`,
    distinct: () => `SELECT DISTINCT ?o WHERE { ?s ${p()} ?o }`,
    slice: () => `SELECT (STR(?o) AS ?t) WHERE { ?s ${p()} ?o } ORDER BY ?t LIMIT 10 OFFSET ${rng.int(5)}`,
    ask: () => `ASK { ?s ${p()} ${rng.chance(0.5) ? lit() : s()} }`,
    graph: () =>
      `SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ${p()} ?o } } GROUP BY ?g ORDER BY ?g`,
    construct: () => `CONSTRUCT { ?s <urn:x:p> ?o } WHERE { ?s ${p()} ?o }`,
    arithmetic: () =>
      `SELECT ?s (STRLEN(STR(?o)) * 2 + 1 AS ?x) (xsd:string(STRLEN(STR(?o)) / 8) AS ?q) (FLOOR(STRLEN(STR(?o)) / 3) AS ?f) WHERE { ?s ${p()} ?o }`,
  };
  const name = rng.pick(Object.keys(templates));
  const prefix = 'PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n';
  return { template: name, query: prefix + templates[name]() };
}
