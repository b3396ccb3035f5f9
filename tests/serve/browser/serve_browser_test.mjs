// End-to-end test of pfsim serve in Debian's headless Chromium: open a scenario, edit a bed count, see the loader's
// own message for a bad value, run, see the KPI table and a fan chart, compare with the base, download the results
// and check the page's KPI means equal `pfsim info`'s; then a screenshot for the README.
//
// usage: node serve_browser_test.mjs PFSIM MINIMAL_YAML SCREENSHOT.png
import { spawn, execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import puppeteer from "puppeteer-core";

const [pfsim, minimal, screenshot] = process.argv.slice(2);
const failures = [];
function check(condition, what) {
  console.log(`${condition ? "ok  " : "FAIL"} ${what}`);
  if (!condition) failures.push(what);
}

const top = mkdtempSync(join(tmpdir(), "pfsim-serve-browser-"));
const workspace = join(top, "workspace");
const downloads = join(top, "downloads");
execFileSync("mkdir", ["-p", workspace, downloads]);
copyFileSync(minimal, join(workspace, "minimal.yaml"));

const server = spawn(pfsim, ["serve", workspace, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
const url = await new Promise((resolve, reject) => {
  createInterface({ input: server.stdout }).once("line", (line) => {
    const match = line.match(/^pfsim serve: open (http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{32}) /);
    match ? resolve(match[1]) : reject(new Error(`unexpected start-up line: ${line}`));
  });
  server.once("exit", (code) => reject(new Error(`pfsim serve exited with ${code}`)));
});

const browser = await puppeteer.launch({
  executablePath: "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 1300 });
  const session = await page.createCDPSession();
  await session.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
  page.on("pageerror", (error) => failures.push(`page error: ${error.message}`));

  // Open.
  await page.goto(url);
  await page.waitForSelector('nav button[data-path="minimal.yaml"]');
  check(page.url().endsWith("/") && !page.url().includes("token"), "the token leaves the address bar once it is a cookie");
  await page.click('nav button[data-path="minimal.yaml"]');
  await page.waitForSelector('#form tr[data-key="sites.General.beds.general"] input');
  const field = (key) => `#form tr[data-key="${key}"] input`;
  const setValue = async (key, value) => {
    await page.$eval(field(key), (input, v) => { input.value = v; input.dispatchEvent(new Event("change")); }, value);
    await page.waitForFunction((k) => !document.querySelector(`#form tr[data-key="${k}"]`).classList.contains("pending"), {}, key);
  };
  check(await page.$eval(field("sites.General.beds.general"), (i) => i.value) === "100", "the form shows the bed count, 100");

  // An invalid value shows the loader's own one-line message, word for word.
  await setValue("sites.General.beds.general", "-5");
  await page.waitForSelector('#form tr[data-key="sites.General.beds.general"] .field-error');
  const shown = await page.$eval('#form tr[data-key="sites.General.beds.general"] .field-error', (e) => e.textContent);
  const cli = spawnSync(pfsim, ["validate", join(workspace, "minimal.yaml"), "--set", "sites.General.beds.general=-5"], { encoding: "utf8" });
  const cliLine = cli.stderr.trim().split("\n").find((l) => l.includes("sites.General.beds.general")) || cli.stderr.trim();
  console.log(`     page: ${shown}\n     cli:  ${cliLine}`);
  check(shown.length > 0 && cliLine.includes(shown), "the page's error is the loader's --set message");
  check(await page.$eval("#run", (b) => b.disabled), "Run is disabled while a value is invalid");

  // A valid bed count and a short run: 2 replications of 30 days after a 10-day warm-up.
  await setValue("sites.General.beds.general", "90");
  await page.waitForFunction(() => !document.querySelector(".field-error") && !document.querySelector("#run").disabled);
  await setValue("run.days", "30");
  await setValue("run.replications", "2");
  await setValue("run.warmup_days", "10");
  // run.days is 30 in the file already, so it is not an edit.
  const edited = await page.$$eval("#form tr.edited", (rows) => rows.map((r) => r.dataset.key).sort().join(" "));
  check(edited === "run.replications run.warmup_days sites.General.beds.general", `the three changed values are marked as edited (${edited})`);
  await page.click("#run");
  await page.waitForSelector("#progress-text");
  await page.waitForFunction(() => document.querySelector("#progress-text").textContent.startsWith("done"), { timeout: 30000 });
  await page.waitForSelector("#kpis tbody tr");
  await page.waitForSelector("#charts figure svg .fan-median");
  check((await page.$$("#charts figure svg")).length >= 1, "a fan chart is drawn");
  const progressText = await page.$eval("#progress-text", (e) => e.textContent);
  check(/done: 2 of 2 replications/.test(progressText), `progress reached 2 of 2 (${progressText})`);
  const pageKpis = await page.$$eval("#kpis tbody tr", (rows) => rows.map((r) => [r.cells[0].textContent, r.cells[1].textContent, r.cells[2].textContent]));

  // Download the results file the way a planner would, and read it back with pfsim info.
  await page.click("#download-h5");
  let file;
  for (let i = 0; i < 100 && !file; ++i) {
    file = readdirSync(downloads).find((f) => f.endsWith(".h5"));
    if (!file) await new Promise((r) => setTimeout(r, 100));
  }
  check(Boolean(file), `the results file downloads (${file})`);
  await new Promise((r) => setTimeout(r, 300));  // the download is renamed from .crdownload when complete
  const info = execFileSync(pfsim, ["info", join(downloads, file)], { encoding: "utf8" });
  check(/replications 2\b/.test(info) && /days 30\b/.test(info), "pfsim info: 2 replications of 30 days");
  const infoRows = new Map();
  for (const line of info.split("\n")) {
    const m = line.match(/^\s*(\S+)\s+(-?[\d.]+|nan|-?inf)\s+± (-?[\d.]+|nan|inf)/);
    if (m) infoRows.set(m[1], [m[2], m[3]]);
  }
  const mismatched = pageKpis.filter(([name, mean, ci]) => {
    const row = infoRows.get(name);
    return !row || row[0] !== mean || row[1] !== ci;
  });
  check(pageKpis.length > 10 && mismatched.length === 0,
    `all ${pageKpis.length} KPI means and CIs on the page equal pfsim info's (mismatched: ${JSON.stringify(mismatched.slice(0, 3))})`);
  const embedded = execFileSync("h5dump", ["-d", "/meta/scenario_yaml", join(downloads, file)], { encoding: "utf8" });
  const beds = embedded.match(/general: 90\b/);
  check(Boolean(beds), "the results file records the edited bed count (general: 90)");

  // The report and the edited scenario, fetched as the page's links fetch them (the cookie carries the token).
  const report = await page.evaluate(async () => (await fetch(document.querySelector("#download-report").href)).text());
  check(report.startsWith("<!DOCTYPE html>") && report.includes("class=\"fan-median\""), "the HTML report downloads, with its fan charts");
  await page.click("#download-yaml");
  let yaml;
  for (let i = 0; i < 100 && !yaml; ++i) {
    yaml = readdirSync(downloads).find((f) => f === "minimal-edited.yaml");
    if (!yaml) await new Promise((r) => setTimeout(r, 100));
  }
  await new Promise((r) => setTimeout(r, 200));
  const edits = yaml ? readFileSync(join(downloads, yaml), "utf8") : "";
  const reloaded = spawnSync(pfsim, ["validate", join(downloads, yaml || "missing.yaml")], { encoding: "utf8" });
  check(/general: 90\b/.test(edits) && /--set run\.replications=2/.test(edits) && reloaded.status === 0,
    `the edited scenario downloads as YAML with the new bed count and pfsim validate accepts it (exit ${reloaded.status})`);

  // Compare the edited scenario with the base (common random numbers).
  await page.click("#compare");
  await page.waitForFunction(() => document.querySelector("#progress-text").textContent.startsWith("done"), { timeout: 30000 });
  await page.waitForSelector("#differences tbody tr");
  const differences = await page.$$eval("#differences tbody tr", (rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  const occupancy = differences.find((d) => d[0] === "bed_occupancy_pct");
  check(differences.length > 10, `the paired-difference table has ${differences.length} rows`);
  check(Boolean(occupancy) && Number(occupancy[2]) > Number(occupancy[1]),
    `90 beds instead of 100 raise bed occupancy (${occupancy && occupancy.join(" | ")})`);
  const forestSites = await page.$$eval("#forests figure", (figures) => figures.map((f) => f.querySelectorAll("rect.forest-point").length));
  check(forestSites.length >= 1 && forestSites.every((n) => n === 1), `a forest plot per changed KPI, one site each (${forestSites})`);
  const title = await page.$eval("#results-title", (e) => e.textContent);
  check(title.includes("(the base)"), `the compare results are labelled as the base's (${title})`);

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshot });
  check(existsSync(screenshot), `screenshot written to ${screenshot}`);
} finally {
  await browser.close();
  server.kill("SIGTERM");
  rmSync(top, { recursive: true, force: true });
}
if (failures.length) {
  console.log(`${failures.length} check(s) failed:\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log("all checks passed");
