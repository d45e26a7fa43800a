#!/usr/bin/env node
// Browser test of the SPARQL query page (web/sparql.html, YASGUI).
//
// Starts `werkagenda serve` and Debian's chromedriver, drives headless Chromium over the
// WebDriver HTTP protocol, runs the library query "actions-per-lead" from the page's
// example list and checks the result table, switches to the page's own chart view (a YASR
// plugin in web/assets/query-page.js) and checks the bar chart, checks the note the chart view
// gives for a result without numbers, that the page loaded nothing from another host, and saves
// two screenshots (table, chart). Node 18+ built-ins only.
//
// usage: node tests/browser/query_page_test.mjs --binary PATH/werkagenda --root ROOT --artifacts DIR
//        [--chromium /usr/bin/chromium] [--chromedriver chromedriver] [--timeout SECONDS]
//
// Prints PASS/FAIL lines; exit 0 when every check passes, 1 otherwise (2 on a usage error).
// Everything it starts (server, chromedriver, Chromium) is stopped on every path out:
// success, failure, exception, signal and the overall timeout.

import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";

// ---------------------------------------------------------------- arguments

function usage(message) {
  if (message) console.error(`query_page_test: ${message}`);
  console.error(
    "usage: node tests/browser/query_page_test.mjs --binary PATH/werkagenda --root ROOT --artifacts DIR\n" +
      "       [--chromium /usr/bin/chromium] [--chromedriver chromedriver] [--timeout SECONDS]"
  );
  process.exit(2);
}

function parseArguments(argv) {
  const options = {
    binary: null,
    root: null,
    artifacts: null,
    chromium: "/usr/bin/chromium",
    chromedriver: "chromedriver",
    timeout: 90,
  };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(argument);
    if (!match || !(match[1] in options)) usage(`unknown argument: ${argument}`);
    const value = match[2] !== undefined ? match[2] : argv[++i];
    if (value === undefined) usage(`${argument} needs a value`);
    options[match[1]] = value;
  }
  for (const required of ["binary", "root", "artifacts"]) {
    if (!options[required]) usage(`--${required} is required`);
  }
  options.timeout = Number(options.timeout);
  if (!(options.timeout > 0)) usage("--timeout must be a positive number of seconds");
  options.root = path.resolve(options.root);
  options.artifacts = path.resolve(options.artifacts);
  options.binary = path.resolve(options.binary);
  return options;
}

const options = parseArguments(process.argv.slice(2));
const QUERY_NAME = "actions-per-lead";
// The chart of that result: one bar per row, labelled with ?body, as long as ?actions.
const CHART = { label: "body", value: "actions", firstLabel: "BZK", firstValue: "82" };
const FALLBACK = {
  body: "https://w3id.org/werkagenda/id/organisation/BZK",
  name: "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
  actions: "82",
};
// The page's prefixes (web/assets/query-page.js): YASGUI may show an IRI in this short form.
const PREFIXES = {
  wa: "https://w3id.org/werkagenda/def#",
  dcterms: "http://purl.org/dc/terms/",
  skos: "http://www.w3.org/2004/02/skos/core#",
  org: "http://www.w3.org/ns/org#",
  prov: "http://www.w3.org/ns/prov#",
  eli: "http://data.europa.eu/eli/ontology#",
  foaf: "http://xmlns.com/foaf/0.1/",
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  xsd: "http://www.w3.org/2001/XMLSchema#",
  owl: "http://www.w3.org/2002/07/owl#",
};

// ---------------------------------------------------------------- reporting

const started = Date.now();
let failures = 0;
let passes = 0;
let aborted = false; // set on the overall timeout or a signal: the rest of the run stays silent

function elapsed() {
  return ((Date.now() - started) / 1000).toFixed(1) + "s";
}

function pass(what) {
  if (aborted) return;
  passes++;
  console.log(`PASS: ${what}`);
}

function fail(what, detail) {
  if (aborted) return;
  failures++;
  console.log(`FAIL: ${what}${detail ? `: ${detail}` : ""}`);
}

function check(condition, what, detail) {
  if (condition) pass(what);
  else fail(what, detail);
  return condition;
}

function note(text) {
  if (aborted) return;
  console.log(`  ${text}`);
}

class Fatal extends Error {}

// ---------------------------------------------------------------- processes

const children = []; // { name, child, exited }
const descendants = []; // { pid, start }: the server's zygote and workers (their own process group)
let userDataDir = null;
let session = null; // { base, id }
let cleaningUp = null;

function startProcess(name, command, args, logFile) {
  const log = fs.openSync(logFile, "w");
  // detached: its own process group, so that it and whatever it forks can be stopped together.
  const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", log] });
  fs.closeSync(log);
  const entry = { name, child, exited: false, exit: null };
  entry.exit = new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      entry.exited = true;
      resolve({ code, signal });
    });
    child.on("error", (error) => {
      entry.exited = true;
      entry.error = error;
      resolve({ code: null, signal: null, error });
    });
  });
  children.push(entry);
  return entry;
}

function signalGroup(entry, signal) {
  if (entry.exited || !entry.child.pid) return;
  try {
    process.kill(-entry.child.pid, signal);
  } catch {
    try {
      entry.child.kill(signal);
    } catch {
      // already gone
    }
  }
}

async function stopProcess(entry, graceMs) {
  if (!entry.exited) {
    signalGroup(entry, "SIGTERM");
    const timer = sleep(graceMs).then(() => "timeout");
    if ((await Promise.race([entry.exit, timer])) === "timeout") {
      signalGroup(entry, "SIGKILL");
      await Promise.race([entry.exit, sleep(2000)]);
    }
  }
  // A worker or a browser process that left the group: none should, but make sure.
  if (entry.child.pid) {
    try {
      process.kill(-entry.child.pid, "SIGKILL");
    } catch {
      // the group is empty
    }
  }
}

/* Chromium processes of this run, found by the run's own --user-data-dir. */
function browserProcesses() {
  if (!userDataDir) return [];
  const found = [];
  for (const name of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${name}/cmdline`, "utf8");
      if (cmdline.includes(`--user-data-dir=${userDataDir}`)) found.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return found;
}

/** pid, parent pid, state and start time of a process, from /proc/PID/stat; null when gone. */
function procStat(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { pid, state: fields[0], ppid: Number(fields[1]), start: fields[19] };
  } catch {
    return null;
  }
}

/** Remembers every process below `root` (the server forks a zygote in its own process group). */
function recordDescendants(root) {
  const all = fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => procStat(Number(name)))
    .filter(Boolean);
  const below = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (!below.has(p.pid) && below.has(p.ppid)) {
        below.add(p.pid);
        grew = true;
      }
    }
  }
  for (const p of all) {
    if (p.pid !== root && below.has(p.pid) && !descendants.some((d) => d.pid === p.pid)) {
      descendants.push({ pid: p.pid, start: p.start });
    }
  }
}

function killLeftDescendants() {
  for (const d of descendants) {
    const now = procStat(d.pid);
    if (now && now.start === d.start && now.state !== "Z") {
      try {
        process.kill(d.pid, "SIGKILL");
      } catch {
        // gone
      }
    }
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function cleanup() {
  if (cleaningUp) return cleaningUp;
  cleaningUp = (async () => {
    if (session) {
      try {
        await fetch(`${session.base}/session/${session.id}`, { method: "DELETE", signal: AbortSignal.timeout(10000) });
      } catch {
        // chromedriver is stopped below anyway
      }
      session = null;
    }
    for (const entry of [...children].reverse()) await stopProcess(entry, entry.name === "server" ? 5000 : 3000);
    killLeftDescendants();
    for (let attempt = 0; attempt < 20; attempt++) {
      const left = browserProcesses();
      if (left.length === 0) break;
      for (const pid of left) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // gone
        }
      }
      await sleep(100);
    }
    if (userDataDir) {
      try {
        fs.rmSync(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
      } catch {
        // a temporary directory
      }
    }
  })();
  return cleaningUp;
}

// Last resort when Node exits some other way: synchronous kills.
process.on("exit", () => {
  for (const entry of children) signalGroup(entry, "SIGKILL");
  killLeftDescendants();
  for (const pid of browserProcesses()) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone
    }
  }
});

/* Stops the run from outside (timeout, signal): reports, cleans up, exits 1. */
async function abort(reason) {
  if (aborted) return;
  fail(reason);
  aborted = true;
  const hardStop = setTimeout(() => process.exit(1), 20000); // cleanup itself must not hang
  await cleanup();
  clearTimeout(hardStop);
  console.log(`FAIL: query page browser test, ${passes} passed, ${failures} failed, ${elapsed()}`);
  process.exit(1);
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => abort(`interrupted by ${signal} after ${elapsed()}`));
}

const overall = setTimeout(
  () => abort(`the test did not finish within ${options.timeout} s; stopping everything`),
  options.timeout * 1000
);

// ---------------------------------------------------------------- helpers

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(what, timeoutMs, probe, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last) return last;
    } catch (error) {
      if (error instanceof Fatal) throw error;
      last = error;
    }
    if (Date.now() >= deadline) {
      const detail = last instanceof Error ? `: ${last.message}` : "";
      throw new Fatal(`timed out after ${timeoutMs / 1000} s waiting for ${what}${detail}`);
    }
    await sleep(intervalMs);
  }
}

/** Parses CSV (RFC 4180: quotes, doubled quotes, CRLF or LF) into rows of strings. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  let i = 0;
  if (text.charCodeAt(0) === 0xfeff) i = 1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}

/** One request to the server, on a connection of its own that is closed afterwards (an idle
 *  keep-alive connection would hold up the server's shutdown for seconds). */
function request(url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers, agent: false, timeout: 20000 }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer from ${url} in 20 s`)));
    req.on("error", reject);
    req.end(body);
  });
}

// ---------------------------------------------------------------- WebDriver

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

async function webdriver(method, route, body) {
  const url = `${session.base}/session/${session.id}${route}`;
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30000),
  });
  const json = await response.json();
  if (!response.ok) {
    const error = json && json.value ? `${json.value.error}: ${String(json.value.message).split("\n")[0]}` : response.status;
    throw new Error(`WebDriver ${method} ${route}: ${error}`);
  }
  return json.value;
}

function execute(script, ...args) {
  return webdriver("POST", "/execute/sync", { script, args });
}

async function findElements(css) {
  const found = await webdriver("POST", "/elements", { using: "css selector", value: css });
  return found.map((element) => element[ELEMENT]);
}

async function findElement(css) {
  const [first] = await findElements(css);
  return first || null;
}

async function startSession(base) {
  const capabilities = {
    capabilities: {
      alwaysMatch: {
        browserName: "chrome",
        pageLoadStrategy: "normal",
        timeouts: { implicit: 0, pageLoad: 20000, script: 10000 },
        "goog:chromeOptions": {
          binary: options.chromium,
          args: [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            `--user-data-dir=${userDataDir}`,
            "--window-size=1280,900",
          ],
        },
        "goog:loggingPrefs": { browser: "ALL" },
      },
    },
  };
  const response = await fetch(`${base}/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(capabilities),
    signal: AbortSignal.timeout(30000),
  });
  const json = await response.json();
  if (!response.ok) throw new Fatal(`cannot start a browser session: ${json.value && json.value.message}`);
  session = { base, id: json.value.sessionId };
  return json.value.capabilities;
}

/** Saves a PNG of the whole page or, given a CSS selector, of that element (with a margin). */
async function screenshot(file, selector) {
  let data;
  try {
    // The whole page, not just the window: chromedriver's CDP passthrough.
    const clip = await execute(
      `const element = arguments[0] ? document.querySelector(arguments[0]) : null;
      const page = { x: 0, y: 0, width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight };
      if (!element) return page;
      const box = element.getBoundingClientRect();
      const x = Math.max(0, Math.floor(box.left + window.scrollX - 8));
      const y = Math.max(0, Math.floor(box.top + window.scrollY - 8));
      return {
        x, y,
        width: Math.min(page.width - x, Math.ceil(box.width + 16)),
        height: Math.min(page.height - y, Math.ceil(box.height + 16)),
      };`,
      selector || null
    );
    const result = await webdriver("POST", "/goog/cdp/execute", {
      cmd: "Page.captureScreenshot",
      params: {
        format: "png",
        captureBeyondViewport: true,
        clip: { x: clip.x, y: clip.y, width: clip.width, height: Math.min(clip.height, 6000), scale: 1 },
      },
    });
    data = result.data;
  } catch {
    data = await webdriver("GET", "/screenshot");
  }
  fs.writeFileSync(file, Buffer.from(data, "base64"));
}

// ---------------------------------------------------------------- the test

// Runs in the page: the header and rows of the active tab's result table. For each cell,
// what it shows and, for an IRI, the IRI it links to.
const READ_TABLE = `
  const panel = document.querySelector('.tabPanel.active');
  const table = panel && panel.querySelector('.yasr table.dataTable');
  if (!table) return null;
  const headers = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent.trim());
  const rows = Array.from(table.querySelectorAll('tbody tr'))
    .filter((tr) => !tr.querySelector('td.dataTables_empty'))
    .map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => {
      const link = td.querySelector('a.iri');
      const literal = td.querySelector('.nonIri');
      if (literal) {
        const copy = literal.cloneNode(true);
        copy.querySelectorAll('sup').forEach((sup) => sup.remove());
        let text = copy.textContent;
        if (text.length >= 2 && text.startsWith('"') && text.endsWith('"') && literal.querySelector('sup')) {
          text = text.slice(1, -1);
        }
        return { kind: 'literal', value: text, shown: literal.textContent };
      }
      if (link) return { kind: 'iri', value: link.getAttribute('href'), shown: link.textContent };
      return { kind: 'text', value: td.textContent.trim(), shown: td.textContent };
    }));
  return { headers, rows };
`;

// Runs in the page: the chart in the active tab's result area (query-page.js, ChartPlugin).
const READ_CHART = `
  const panel = document.querySelector('.tabPanel.active');
  const svg = panel && panel.querySelector('.yasr .yasr_results svg.werkagenda-chart');
  if (!svg) return null;
  const text = (root, selector) => {
    const element = root.querySelector(selector);
    return element ? element.textContent : null;
  };
  const box = svg.getBoundingClientRect();
  return {
    role: svg.getAttribute('role'),
    ariaLabel: svg.getAttribute('aria-label') || '',
    title: text(svg, ':scope > title') || '',
    desc: text(svg, ':scope > desc') || '',
    labelVariable: svg.getAttribute('data-label-variable'),
    valueVariable: svg.getAttribute('data-value-variable'),
    bars: svg.querySelectorAll('rect.chart-bar').length,
    shown: { width: box.width, height: box.height },
    rows: Array.from(svg.querySelectorAll('g.chart-row')).map((row) => {
      const bar = row.querySelector('rect.chart-bar');
      return {
        label: text(row, 'text.chart-label'),
        value: text(row, 'text.chart-value'),
        width: bar ? Number(bar.getAttribute('width')) : null,
        shownWidth: bar ? bar.getBoundingClientRect().width : null,
      };
    }),
  };
`;

/** The label the chart gives an IRI: prefix:local with one of the page's prefixes, else the
 *  IRI's last segment (after the last / or #); more than 48 characters are cut to 47 and "…". */
function chartLabel(iri) {
  const label = fullChartLabel(iri);
  return label.length > 48 ? `${label.slice(0, 47)}\u2026` : label;
}

function fullChartLabel(iri) {
  let best = null;
  for (const [prefix, namespace] of Object.entries(PREFIXES)) {
    if (iri.startsWith(namespace) && iri.length > namespace.length && (!best || namespace.length > best[1].length)) {
      best = [prefix, namespace];
    }
  }
  if (best) return `${best[0]}:${iri.slice(best[1].length)}`;
  const local = /[^/#]+$/.exec(iri);
  return local ? decodeURIComponent(local[0]) : iri;
}

// A result without numbers, for the chart view's note.
const NO_NUMBERS_QUERY = [
  "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>",
  "PREFIX wa: <https://w3id.org/werkagenda/def#>",
  "SELECT DISTINCT ?body ?name WHERE { ?action wa:ledBy ?body . ?body skos:prefLabel ?name . FILTER(LANG(?name) = \"nl\") }",
  "ORDER BY ?body",
  "LIMIT 3",
].join("\n");

function shortForms(iri) {
  const forms = [iri, `<${iri}>`];
  for (const [prefix, namespace] of Object.entries(PREFIXES)) {
    if (iri.startsWith(namespace)) forms.push(`${prefix}:${iri.slice(namespace.length)}`);
  }
  return forms;
}

function cellMatches(cell, expected) {
  if (!cell) return false;
  if (cell.kind === "iri") return cell.value === expected && shortForms(expected).includes(cell.shown.trim());
  return cell.value === expected;
}

function describeCell(cell) {
  return cell ? `${cell.kind} ${JSON.stringify(cell.value)} (shown ${JSON.stringify(cell.shown)})` : "no cell";
}

async function run() {
  fs.mkdirSync(options.artifacts, { recursive: true });
  for (const [what, file] of [
    ["werkagenda binary", options.binary],
    ["Chromium", options.chromium],
  ]) {
    if (!fs.existsSync(file)) throw new Fatal(`${what} not found at ${file}`);
  }

  // 1. The server, on a port of its choosing.
  const server = startProcess(
    "server",
    options.binary,
    ["--root", options.root, "serve", "--port", "0", "--workers", "2"],
    path.join(options.artifacts, "server.log")
  );
  let serverOutput = "";
  server.child.stdout.on("data", (chunk) => {
    serverOutput += chunk.toString();
  });
  const port = await waitFor("the server's port", 15000, async () => {
    if (server.exited) throw new Fatal(`the server exited early (see ${path.join(options.artifacts, "server.log")})`);
    const match = /SPARQL endpoint: http:\/\/127\.0\.0\.1:(\d+)\/sparql/.exec(serverOutput);
    return match ? Number(match[1]) : null;
  });
  const origin = `http://127.0.0.1:${port}`;
  note(`server at ${origin} (${elapsed()})`);
  recordDescendants(server.child.pid);

  // The page itself: a browser's GET /sparql must get web/sparql.html, not the built-in form.
  const served = await request(`${origin}/sparql`, {
    headers: { Accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" },
  });
  const servedPage = served.text;
  const pageFile = fs.readFileSync(path.join(options.root, "web/sparql.html"), "utf8");
  if (
    !check(
      served.status === 200 && servedPage === pageFile,
      "a browser's GET /sparql gets web/sparql.html",
      `HTTP ${served.status}, ${servedPage.length} bytes that are not web/sparql.html (the server's built-in form?)`
    )
  ) {
    throw new Fatal("the server does not serve the query page; nothing more to test");
  }

  // The library entry and, for comparison, what the endpoint itself answers.
  const library = JSON.parse((await request(`${origin}/queries/index.json`)).text);
  const entry = library.find((item) => item.name === QUERY_NAME);
  if (!entry) throw new Fatal(`/queries/index.json has no query named ${QUERY_NAME}`);
  const expectedFile = path.join(options.root, "tests/expected", `${QUERY_NAME}.csv`);
  let expected;
  if (fs.existsSync(expectedFile)) {
    expected = parseCsv(fs.readFileSync(expectedFile, "utf8"));
    note(`expected rows from ${path.relative(options.root, expectedFile)}`);
  } else {
    const answer = await request(`${origin}/sparql`, {
      method: "POST",
      headers: { Accept: "text/csv", "Content-Type": "application/sparql-query; charset=utf-8" },
      body: entry.query,
    });
    if (answer.status !== 200) throw new Fatal(`the endpoint answered ${answer.status} to ${QUERY_NAME}: ${answer.text}`);
    expected = parseCsv(answer.text);
    note(`${path.relative(options.root, expectedFile)} does not exist: comparing with the endpoint's CSV answer`);
  }

  // 2. chromedriver, on a free port (it cannot choose one itself and report it).
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "werkagenda-chromium-"));
  let base = null;
  for (let attempt = 1; attempt <= 3 && !base; attempt++) {
    const driverPort = await freePort();
    const driver = startProcess(
      "chromedriver",
      options.chromedriver,
      [`--port=${driverPort}`, `--log-path=${path.join(options.artifacts, "chromedriver.log")}`],
      path.join(options.artifacts, "chromedriver.stderr.log")
    );
    const candidate = `http://127.0.0.1:${driverPort}`;
    try {
      await waitFor("chromedriver", 10000, async () => {
        if (driver.exited) throw new Fatal(`chromedriver exited${driver.error ? `: ${driver.error.message}` : ""}`);
        const status = await (await fetch(`${candidate}/status`, { signal: AbortSignal.timeout(2000) })).json();
        return status.value && status.value.ready;
      });
      base = candidate;
    } catch (error) {
      if (driver.error || attempt === 3) throw error;
      await stopProcess(driver, 1000);
    }
  }
  note(`chromedriver at ${base} (${elapsed()})`);

  const capabilities = await startSession(base);
  note(`${capabilities.browserName} ${capabilities.browserVersion} (${elapsed()})`);

  // 3. The page.
  await webdriver("POST", "/url", { url: `${origin}/sparql` });
  note(`page loaded (${elapsed()})`);
  const page = await execute(`return {
    title: document.title,
    lang: document.documentElement.lang,
    h1: (document.querySelector('h1') || {}).textContent || '',
    home: !!document.querySelector('a[href="/"]'),
    scriptsLink: !!document.querySelector('a[href^="/sparql?query="]'),
  };`);
  check(page.lang === "en" && /SPARQL/.test(page.title), "the query page loads (lang=en, title)", JSON.stringify(page));
  check(page.h1.length > 0, "the page has a heading", JSON.stringify(page.h1));
  check(page.home && page.scriptsLink, 'the page links to "/" and shows /sparql?query= usage');

  await waitFor("YASGUI", 10000, async () => (await findElement(".yasgui .tabPanel.active .yasqe .CodeMirror")) !== null);
  const firstQuery = await execute(
    "const cm = document.querySelector('.tabPanel.active .CodeMirror'); return cm && cm.CodeMirror ? cm.CodeMirror.getValue() : '';"
  );
  check(/SELECT/.test(firstQuery), "YASGUI starts with a default query in its first tab");
  const endpoint = await execute("return (document.querySelector('.tabPanel.active .autocomplete') || {}).value || '';");
  check(endpoint === `${origin}/sparql`, "the editor's endpoint is this server's /sparql", JSON.stringify(endpoint));

  // 4. The example list: pick "actions-per-lead".
  const selector = `button[data-query-name="${QUERY_NAME}"]`;
  const button = await waitFor(`the example ${QUERY_NAME}`, 10000, () => findElement(selector));
  const label = await webdriver("GET", `/element/${button}/text`);
  check(label.trim() === entry.title, `the example list offers "${entry.title}"`, JSON.stringify(label));
  await webdriver("POST", `/element/${button}/click`, {});
  const opened = await waitFor("the example in the editor", 5000, () =>
    execute(
      "const cm = document.querySelector('.tabPanel.active .CodeMirror'); return cm && cm.CodeMirror ? cm.CodeMirror.getValue() : '';"
    ).then((value) => (value.trim() === entry.query.trim() ? value : null))
  ).catch(() => null);
  check(opened !== null, "choosing the example opens its query in the editor");
  const tabName = await execute(
    "const tab = document.querySelector('.tabsList .tab.active'); return tab ? tab.textContent.trim() : '';"
  );
  note(`active tab: ${JSON.stringify(tabName)}`);

  // 5. Run it with YASGUI's run button.
  const run = await findElement(".tabPanel.active .yasqe .yasqe_queryButton");
  if (!run) throw new Fatal("no run button (.yasqe_queryButton) in the active tab");
  const queryStarted = Date.now();
  await webdriver("POST", `/element/${run}/click`, {});
  const table = await waitFor("the result table", 20000, async () => {
    const error = await execute(
      "const e = document.querySelector('.tabPanel.active .yasr .errorResult'); return e ? e.textContent : null;"
    );
    if (error) throw new Fatal(`the query failed in the page: ${error.trim().slice(0, 300)}`);
    const read = await execute(READ_TABLE);
    return read && read.rows.length > 0 ? read : null;
  });
  note(`result table after ${((Date.now() - queryStarted) / 1000).toFixed(1)} s: ${table.rows.length} rows, columns ${JSON.stringify(table.headers)}`);
  pass("the result table appears");
  const selectedPlugin = await execute(
    "const b = document.querySelector('.tabPanel.active .yasr .select_table'); return b ? b.classList.contains('selected') : false;"
  );
  check(selectedPlugin, "results are shown as a table (the table view is selected)");
  const views = await execute(
    "return Array.from(document.querySelectorAll('.tabPanel.active .yasr button.yasr_btn[class*=\"select_\"]')).map((b) => b.textContent.trim());"
  );
  note(`result views offered: ${views.join(", ")}`);
  check(
    views.join(", ") === "Table, Chart, Response",
    "the views offered are Table, Chart and Response, in that order",
    views.join(", ")
  );
  check((await findElement(".tabPanel.active .yasr .yasr_downloadIcon")) !== null, "a download button is offered");

  // 6. The rows.
  const [expectedHeader, ...expectedRows] = expected;
  const columns = expectedHeader.map((name) => table.headers.indexOf(name));
  check(
    columns.every((index) => index >= 0),
    `the table has the columns ${expectedHeader.join(", ")}`,
    JSON.stringify(table.headers)
  );
  check(
    table.rows.length === expectedRows.length,
    `the table has ${expectedRows.length} rows`,
    `it has ${table.rows.length}`
  );
  const first = table.rows[0] || [];
  const column = (name) => table.headers.indexOf(name);
  check(
    cellMatches(first[column("body")], FALLBACK.body) &&
      cellMatches(first[column("name")], FALLBACK.name) &&
      cellMatches(first[column("actions")], FALLBACK.actions),
    "the first row is BZK, Ministerie van Binnenlandse Zaken en Koninkrijksrelaties, with 82 actions",
    ["body", "name", "actions"].map((name) => describeCell(first[column(name)])).join("; ")
  );
  const mismatches = [];
  expectedRows.forEach((row, r) => {
    columns.forEach((index, c) => {
      const cell = table.rows[r] && table.rows[r][index];
      if (!cellMatches(cell, row[c])) {
        mismatches.push(`row ${r + 1} ${expectedHeader[c]}: expected ${JSON.stringify(row[c])}, got ${describeCell(cell)}`);
      }
    });
  });
  check(mismatches.length === 0, "every row shows the expected values", mismatches.slice(0, 5).join("; "));

  // 7. The first screenshot: the table.
  const shot = path.join(options.artifacts, "query-page.png");
  await screenshot(shot);
  check(fs.statSync(shot).size > 1000, `screenshot of the table saved to ${shot} (${elapsed()})`);

  // 8. The chart view: one bar per row, in the order of the result.
  const chartButton = await findElement(".tabPanel.active .yasr button.select_chart");
  if (!chartButton) throw new Fatal("no chart view button (.yasr button.select_chart) in the active tab");
  await webdriver("POST", `/element/${chartButton}/click`, {});
  const chart = await waitFor("the chart", 5000, async () => {
    const fallback = await execute(
      "const e = document.querySelector('.tabPanel.active .yasr .yasr_fallback_info'); return e ? e.textContent.trim() : '';"
    );
    if (fallback) throw new Fatal(`the chart view did not draw the result: ${fallback.slice(0, 300)}`);
    const read = await execute(READ_CHART);
    return read && read.rows.length > 0 ? read : null;
  });
  note(`chart: ${chart.bars} bars, ${Math.round(chart.shown.width)}x${Math.round(chart.shown.height)} px, ${JSON.stringify(chart.title)}`);
  pass("the chart view draws an <svg> (.yasr_results svg.werkagenda-chart)");
  check(
    await execute(
      "const b = document.querySelector('.tabPanel.active .yasr .select_chart'); return !!b && b.classList.contains('selected');"
    ),
    "the chart view is selected"
  );
  check(
    (await findElement(".tabPanel.active .yasr .yasr_results table.dataTable")) === null,
    "the chart replaces the table"
  );
  check(
    chart.role === "img" && chart.ariaLabel.length > 0 && chart.title.trim().length > 0 && chart.desc.trim().length > 0,
    "the chart is an image with a name: role=img, aria-label, <title> and <desc>",
    JSON.stringify({ role: chart.role, ariaLabel: chart.ariaLabel, title: chart.title, desc: chart.desc.slice(0, 80) })
  );
  check(
    chart.labelVariable === CHART.label && chart.valueVariable === CHART.value,
    `the bars are labelled with ?${CHART.label} and as long as ?${CHART.value}`,
    `?${chart.labelVariable}, ?${chart.valueVariable}`
  );
  check(
    chart.bars === expectedRows.length && chart.rows.length === expectedRows.length,
    `the chart has one bar per result row (${expectedRows.length})`,
    `${chart.bars} bars in ${chart.rows.length} rows`
  );
  const firstBar = chart.rows[0] || {};
  check(
    firstBar.label === CHART.firstLabel && firstBar.value === CHART.firstValue,
    `the first bar is ${CHART.firstLabel} with ${CHART.firstValue}`,
    `${JSON.stringify(firstBar.label)} with ${JSON.stringify(firstBar.value)}`
  );
  const labelColumn = expectedHeader.indexOf(CHART.label);
  const valueColumn = expectedHeader.indexOf(CHART.value);
  const barMismatches = [];
  expectedRows.forEach((row, r) => {
    const bar = chart.rows[r];
    const label = chartLabel(row[labelColumn]);
    if (!bar || bar.label !== label || bar.value !== row[valueColumn]) {
      barMismatches.push(
        `bar ${r + 1}: expected ${JSON.stringify(label)} ${row[valueColumn]}, got ${bar ? `${JSON.stringify(bar.label)} ${bar.value}` : "nothing"}`
      );
    }
  });
  check(barMismatches.length === 0, "every bar has the label and value of its row, in the result's order", barMismatches.slice(0, 5).join("; "));
  const firstValue = Number(expectedRows[0] && expectedRows[0][valueColumn]);
  const lengthMismatches = chart.rows
    .map((bar, r) => ({ bar, r, value: Number(expectedRows[r] && expectedRows[r][valueColumn]) }))
    .filter(({ bar, value }) => !(Math.abs(bar.width - (firstBar.width * value) / firstValue) <= 0.5))
    .map(({ bar, r, value }) => `bar ${r + 1} (${value}) is ${bar.width} units long`);
  check(
    firstBar.width > 0 && lengthMismatches.length === 0,
    "the bars' lengths are proportional to the values",
    `first bar ${firstBar.width}; ${lengthMismatches.slice(0, 3).join("; ")}`
  );
  check(
    chart.shown.width >= 400 && chart.shown.height >= expectedRows.length * 15 && firstBar.shownWidth > 100,
    "the chart is shown at a readable size",
    JSON.stringify({ shown: chart.shown, firstBar: firstBar.shownWidth })
  );
  const svgDownload = await execute(`
    const button = document.querySelector('.tabPanel.active .yasr .yasr_downloadIcon');
    const info = window.werkagendaYasgui.getTab().getYasr().plugins.chart.download('actions-per-lead');
    if (!info) return null;
    const data = info.getData();
    const parsed = new DOMParser().parseFromString(data, 'image/svg+xml');
    return {
      enabled: !!button && !button.classList.contains('disabled'),
      buttonTitle: button ? button.title : '',
      filename: info.filename,
      contentType: info.contentType,
      root: parsed.documentElement.localName,
      namespace: parsed.documentElement.namespaceURI,
      parseError: !!parsed.querySelector('parsererror'),
      bars: parsed.querySelectorAll('rect.chart-bar').length,
      data,
    };`);
  const svgFile = path.join(options.artifacts, "query-page-chart.svg");
  if (svgDownload) {
    fs.writeFileSync(svgFile, svgDownload.data);
    delete svgDownload.data;
  }
  check(
    !!svgDownload &&
      svgDownload.enabled &&
      svgDownload.filename.endsWith(".svg") &&
      svgDownload.contentType === "image/svg+xml" &&
      svgDownload.root === "svg" &&
      svgDownload.namespace === "http://www.w3.org/2000/svg" &&
      !svgDownload.parseError &&
      svgDownload.bars === expectedRows.length,
    `the download button saves the chart as an SVG file with the same bars (kept as ${svgFile})`,
    JSON.stringify(svgDownload)
  );

  // 9. The second screenshot: the editor section, with the chart.
  const chartShot = path.join(options.artifacts, "query-page-chart.png");
  await screenshot(chartShot, "section.editor");
  check(fs.statSync(chartShot).size > 1000, `screenshot of the chart saved to ${chartShot} (${elapsed()})`);

  // 10. With the chart view still chosen, a result without numbers: the table, and a note why.
  await execute(
    "const cm = document.querySelector('.tabPanel.active .CodeMirror'); cm.CodeMirror.setValue(arguments[0]); return true;",
    NO_NUMBERS_QUERY
  );
  const runAgain = await findElement(".tabPanel.active .yasqe .yasqe_queryButton");
  await webdriver("POST", `/element/${runAgain}/click`, {});
  const noChart = await waitFor("the table of a result without numbers", 20000, async () => {
    const error = await execute(
      "const e = document.querySelector('.tabPanel.active .yasr .errorResult'); return e ? e.textContent : null;"
    );
    if (error) throw new Fatal(`the query without numbers failed in the page: ${error.trim().slice(0, 300)}`);
    const read = await execute(READ_TABLE);
    if (!read || read.rows.length === 0 || read.headers.includes(CHART.value)) return null;
    const fallback = await execute(
      "const e = document.querySelector('.tabPanel.active .yasr .yasr_fallback_info'); return e ? e.textContent.trim() : '';"
    );
    return { rows: read.rows.length, fallback };
  });
  note(`chart view on a result without numbers: ${JSON.stringify(noChart.fallback)}`);
  check(
    /^No chart for these results: none of its columns \(\?body, \?name\) holds numbers/.test(noChart.fallback) &&
      /shown in the Table view/.test(noChart.fallback),
    "for a result without numbers, the chart view says why there is no chart and shows the table",
    JSON.stringify(noChart)
  );

  // 11. Nothing from outside 127.0.0.1.
  const resources = await execute(
    "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).map((e) => e.name);"
  );
  const foreign = resources.filter((name) => {
    try {
      const url = new URL(name);
      if (url.protocol === "data:" || url.protocol === "blob:" || url.protocol === "about:") return false;
      return url.hostname !== "127.0.0.1";
    } catch {
      return true;
    }
  });
  check(
    resources.length > 0 && foreign.length === 0,
    `the page loaded ${resources.length} resources, all from 127.0.0.1`,
    foreign.join(", ")
  );

  // 12. Console errors (CSP violations, failed loads, exceptions), where chromedriver reports them.
  try {
    const log = await webdriver("POST", "/se/log", { type: "browser" });
    const severe = log.filter((item) => item.level === "SEVERE").map((item) => item.message);
    check(severe.length === 0, "no errors in the browser console", severe.slice(0, 3).join(" | "));
  } catch (error) {
    note(`browser console not available (${error.message})`);
  }

  note(`checks done (${elapsed()})`);
}

try {
  await run();
} catch (error) {
  fail("the test could not complete", error instanceof Fatal ? error.message : error.stack || String(error));
}
if (aborted) await new Promise(() => {}); // abort() finishes the process
clearTimeout(overall);
await cleanup();
const verdict = failures === 0 ? "PASS" : "FAIL";
console.log(`${verdict}: query page browser test, ${passes} passed, ${failures} failed, ${elapsed()}`);
process.exit(failures === 0 ? 0 : 1);
