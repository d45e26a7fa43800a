// Checks the server's HTML pages: each must be valid HTML5 by html-validate's
// recommended rules; a sample is rendered in headless Chromium and kept as a
// screenshot (test artefact).
//
// usage: node tests/html/check_pages.mjs --binary PATH/werkagenda --root REPO --artifacts DIR
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HtmlValidate } from "html-validate";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, value, index, all) =>
    (index % 2 === 0 ? [...pairs, [value.replace(/^--/, ""), all[index + 1]]] : pairs), []));
for (const needed of ["binary", "root", "artifacts"]) {
  if (!args[needed]) { console.error(`missing --${needed}`); process.exit(2); }
}
mkdirSync(args.artifacts, { recursive: true });

const pages = [
  "/", "/doc/programme-line/1.html", "/doc/priority/2.4.html", "/doc/goal/1.1.1.html",
  "/doc/action/3.3.5.html", "/doc/action/4.3.1.html", "/doc/indicator/1.1.1.html",
  "/doc/achieved-result/1.3.1.html", "/doc/challenge/1.3.html", "/doc/planned-result/1.1.2-2023.html",
  "/doc/organisation/BZK.html", "/doc/organisation/medeoverheden.html",
  "/doc/legislation/32022R2065.html", "/doc/legislation/52021PC0206.html", "/doc/legislation/BWBR0045754.html",
  "/doc/agenda/2022.html", "/doc/source/2022.html", "/def.html", "/dump/", "/no-such-page", "/sparql",
];
const screenshots = { "index": "/", "action": "/doc/action/3.3.5.html", "act": "/doc/legislation/32022R2065.html" };

const server = spawn(args.binary, ["--root", args.root, "serve", "--port", "0", "--workers", "1"],
                     { stdio: ["ignore", "pipe", "ignore"] });
const overall = setTimeout(() => { console.error("FAIL: timed out"); server.kill("SIGKILL"); process.exit(1); }, 120000);
let failures = 0;
try {
  const port = await new Promise((resolve, reject) => {
    let out = "";
    server.stdout.on("data", (chunk) => {
      out += chunk;
      const found = out.match(/127\.0\.0\.1:(\d+)\/sparql/);
      if (found) resolve(found[1]);
    });
    server.on("exit", () => reject(new Error("server exited")));
  });
  const origin = `http://127.0.0.1:${port}`;
  const validator = new HtmlValidate({ extends: ["html-validate:recommended"] });
  for (const page of pages) {
    const response = await fetch(origin + page, { headers: { Accept: "text/html" } });
    const html = await response.text();
    const type = response.headers.get("content-type") ?? "";
    if (!type.startsWith("text/html")) {
      console.log(`FAIL ${page}: content type ${type}`);
      failures++;
      continue;
    }
    const report = await validator.validateString(html, page);
    if (report.valid) {
      console.log(`PASS ${page} (${response.status})`);
    } else {
      failures++;
      for (const result of report.results) {
        for (const message of result.messages) {
          console.log(`FAIL ${page}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
        }
      }
    }
  }
  const profile = mkdtempSync(join(tmpdir(), "werkagenda-chromium-"));
  for (const [name, page] of Object.entries(screenshots)) {
    const file = join(args.artifacts, `page-${name}.png`);
    const run = spawnSync("chromium", [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      `--user-data-dir=${profile}`, "--window-size=1280,1600", `--screenshot=${file}`, origin + page,
    ], { timeout: 60000, stdio: "ignore" });
    if (run.status === 0) {
      console.log(`PASS screenshot ${file}`);
    } else {
      failures++;
      console.log(`FAIL screenshot of ${page}: chromium exit ${run.status} ${run.error ?? ""}`);
    }
  }
  rmSync(profile, { recursive: true, force: true });
} catch (error) {
  failures++;
  console.log(`FAIL ${error.message}`);
} finally {
  clearTimeout(overall);
  server.kill("SIGTERM");
}
console.log(failures === 0 ? "all pages valid" : `${failures} failure(s)`);
process.exit(failures === 0 ? 0 : 1);
