// End-to-end test of pfsim serve in Debian's headless Chromium: open a scenario, edit a bed count, see the loader's
// own message for a bad value, run, see the KPI table and a fan chart, compare with the base (then two saved options
// against it, one forest row each), download the results
// and check the page's KPI means equal `pfsim info`'s, and so do the downloaded workbook's; then a screenshot for the README.
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

// The first file in the downloads folder that `wanted` accepts, once Chromium has finished it (it writes
// "<name>.crdownload" and renames it when complete), or undefined after 10 s.
async function downloaded(wanted) {
  for (let i = 0; i < 100; ++i) {
    const file = readdirSync(downloads).find(wanted);
    if (file) {
      await new Promise((r) => setTimeout(r, 300));
      return file;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

// RFC 4180 as LibreOffice writes it: commas, double quotes around fields that need them, "" for a quote.
function parseCsv(text) {
  const rows = [[]];
  let field = "", quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; ++i; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { rows.at(-1).push(field); field = ""; }
    else if (c === "\n") { rows.at(-1).push(field); field = ""; rows.push([]); }
    else if (c !== "\r") field += c;
  }
  if (field !== "" || rows.at(-1).length) rows.at(-1).push(field);
  return rows;
}

const top = mkdtempSync(join(tmpdir(), "pfsim-serve-browser-"));
const workspace = join(top, "workspace");
const downloads = join(top, "downloads");
execFileSync("mkdir", ["-p", workspace, downloads]);
copyFileSync(minimal, join(workspace, "minimal.yaml"));
// A scenario with schemes and a QIPP target, for the scheme risk (tests/serve/data).
const data = new URL("../data/", import.meta.url).pathname;
execFileSync("mkdir", ["-p", join(workspace, "schemes")]);
copyFileSync(join(data, "minimal-schemes.yaml"), join(workspace, "minimal-schemes.yaml"));
copyFileSync(join(data, "schemes", "minimal-schemes.yaml"), join(workspace, "schemes", "minimal-schemes.yaml"));

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
  // Keys the file leaves out come from the loader's own key lists: empty, at their default, still with units.
  const leftOut = await page.$$eval("#form tr.left-out", (rows) => rows.map((r) => r.dataset.key));
  check(leftOut.includes("sites.General.beds.escalation") && leftOut.includes("ae.outcomes.sdec") && leftOut.includes("winter") &&
    !leftOut.includes("sites.General.beds.general") &&
    await page.$eval(field("sites.General.beds.escalation"), (i) => i.value === "" && i.placeholder === "default"),
    `the keys minimal.yaml leaves out are offered empty at their default (${leftOut.length}, e.g. ${leftOut.slice(0, 4)})`);
  await setValue("sites.General.beds.escalation", "5");
  const escalationOk = await page.evaluate(() => !document.querySelector(".field-error") && !document.querySelector("#run").disabled);
  await setValue("sites.General.beds.escalation", "");
  check(escalationOk && !(await page.$eval('#form tr[data-key="sites.General.beds.escalation"]', (r) => r.classList.contains("edited"))),
    "a left-out key takes a value through --set (5 escalation beds is valid) and emptied again is no edit");
  const units = async (key) => page.$eval(`#form tr[data-key="${key}"] td.units`, (td) => td.textContent);
  check(await units("sites.General.beds.general") === "beds" && await units("run.days") === "days" &&
    await units("ae.outcomes.admit[0]") === "share 0–1",
    `units beside the values: beds, days, share 0–1 (${await units("sites.General.beds.general")}, ${await units("run.days")}, ${await units("ae.outcomes.admit[0]")})`);

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
  const file = await downloaded((f) => f.endsWith(".h5"));
  check(Boolean(file), `the results file downloads (${file})`);
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
  // The Excel workbook, opened as the export tests open it (LibreOffice headless, every sheet to CSV): its KPI summary
  // equals pfsim info's table to the digits info prints.
  const xlsxStarted = Date.now();
  await page.click("#download-xlsx");
  const workbook = await downloaded((f) => f.endsWith(".xlsx"));
  check(Boolean(workbook), `the workbook downloads (${workbook})`);
  const sheets = join(top, "sheets");
  execFileSync("soffice", [`-env:UserInstallation=file://${join(top, "lo-profile")}`, "--headless", "--convert-to",
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", sheets,
    join(downloads, workbook || "missing.xlsx")], { stdio: "ignore", timeout: 120000 });
  const summaryCsv = join(sheets, `${(workbook || "missing").replace(/\.xlsx$/, "")}-KPI summary.csv`);
  const sheet = existsSync(summaryCsv) ? parseCsv(readFileSync(summaryCsv, "utf8")) : [[], []];
  const header = sheet[1] || [];
  const column = (name) => header.indexOf(name);
  const sheetRows = sheet.slice(2).filter((r) => r.length > 1);
  const offByMore = (got, printed) => {
    if (printed === "nan") return !Number.isNaN(got);
    const decimals = printed.includes(".") ? printed.split(".")[1].length : 0;
    return !(Math.abs(got - Number(printed)) <= 0.5 * 10 ** -decimals + 1e-12);
  };
  const workbookMismatched = [...infoRows].filter(([name, [mean, ci]]) => {
    const row = sheetRows.find((r) => r[column("name")] === name);
    if (!row) return true;
    const cell = (c) => (row[column(c)] === "n/a" ? NaN : Number(row[column(c)]));
    return offByMore(cell("mean"), mean) || offByMore((cell("95% CI high") - cell("95% CI low")) / 2, ci);
  });
  check(infoRows.size > 10 && sheetRows.length === infoRows.size && workbookMismatched.length === 0,
    `the workbook's ${sheetRows.length} KPI means and CIs equal pfsim info's ${infoRows.size} ` +
    `(mismatched: ${JSON.stringify(workbookMismatched.slice(0, 3))}; download and conversion ${Date.now() - xlsxStarted} ms)`);
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
  check(differences.length > 10 && differences.every((d) => d[1] === "edited"), `the paired-difference table has ${differences.length} rows, all of option edited`);
  check(Boolean(occupancy) && Number(occupancy[3]) > Number(occupancy[2]),
    `90 beds instead of 100 raise bed occupancy (${occupancy && occupancy.join(" | ")})`);
  const forestSites = await page.$$eval("#forests figure", (figures) => figures.map((f) => f.querySelectorAll("rect.forest-point").length));
  check(forestSites.length >= 1 && forestSites.every((n) => n === 1), `a forest plot per changed KPI, one site each (${forestSites})`);
  const title = await page.$eval("#results-title", (e) => e.textContent);
  check(title.includes("(the base)"), `the compare results are labelled as the base's (${title})`);

  // Several options against one base: 90 beds and 110 beds, saved as options, compared in one job.
  await page.type("#option-label", "beds 90");
  await page.click("#save-option");
  await setValue("sites.General.beds.general", "110");
  await page.click("#save-option");
  const saved = await page.$$eval("#option-list li", (items) => items.map((i) => i.dataset.label));
  check(saved.join(" ") === "beds-90 option-2", `two options are saved, named from the typed text or by number (${saved})`);
  await page.click("#compare");
  await page.waitForFunction(() => /^done: \d+ of 6 /.test(document.querySelector("#progress-text").textContent), { timeout: 60000 });
  await page.waitForSelector("#differences tbody tr");
  const rows = await page.$$eval("#differences tbody tr", (trs) => trs.map((r) => [...r.cells].map((c) => c.textContent)));
  const occupancyRows = rows.filter((d) => d[0] === "bed_occupancy_pct");
  check(occupancyRows.length === 2 && occupancyRows[0][1] === "beds-90" && occupancyRows[1][1] === "option-2",
    `one row per option for each KPI, in the order saved (${occupancyRows.map((d) => d[1])})`);
  check(occupancyRows.length === 2 && Number(occupancyRows[0][4]) > 0 && Number(occupancyRows[1][4]) < 0,
    `90 beds raise occupancy and 110 lower it against the base's 100 (${occupancyRows.map((d) => d[4])})`);
  const optionForests = await page.$$eval("#forests figure", (figures) =>
    figures.map((f) => [f.dataset.rows, f.querySelectorAll("rect.forest-point").length]));
  check(optionForests.length >= 1 && optionForests.every(([rows, n]) => rows === "option" && n === 2),
    `a forest plot per changed KPI with one row per option (${JSON.stringify(optionForests)})`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: screenshot.replace(/\.png$/, "-options.png") });

  // The KPI table and fan charts fill in while a run goes on: 40 replications of 3,000 days show results of the
  // replications done so far before the end.
  await setValue("run.days", "3000");
  await setValue("run.replications", "40");
  await page.click("#run");
  const liveStarted = Date.now();
  await page.waitForFunction(() => document.querySelector("#results-title").textContent.includes("so far:"), { timeout: 60000 });
  const live = await page.evaluate(() => ({
    title: document.querySelector("#results-title").textContent, kpis: document.querySelectorAll("#kpis tbody tr").length,
    fans: document.querySelectorAll("#charts svg .fan-median").length, progress: document.querySelector("#progress-text").textContent,
    downloads: !document.querySelector("#download-h5").hidden,
  }));
  const soFar = Number((live.title.match(/so far: (\d+) of 40/) || [])[1]);
  check(soFar >= 1 && soFar < 40 && live.kpis > 10 && live.fans >= 1 && !live.downloads && live.progress.startsWith("running"),
    `while running, the KPI table (${live.kpis} rows) and fan charts (${live.fans}) show ${soFar} of 40 replications, no downloads yet`);
  await page.waitForFunction(() => document.querySelector("#progress-text").textContent.startsWith("done"), { timeout: 120000 });
  await page.waitForFunction(() => !document.querySelector("#results-title").textContent.includes("so far"));
  check(!(await page.$eval("#download-h5", (e) => e.hidden)), `at the end the full results replace them, with the downloads (${Date.now() - liveStarted} ms)`);

  // Scheme risk: a run of a scenario with schemes shows the report's savings distribution against the QIPP target,
  // P(meet target) and the tornados; a run without schemes showed none.
  check(await page.$eval("#scheme-risk-block", (e) => e.hidden), "no scheme risk for a scenario without schemes");
  await page.click('nav button[data-path="minimal-schemes.yaml"]');
  await page.waitForFunction(() => document.querySelector("#scenario-name").textContent === "Minimal with schemes");
  await page.waitForSelector('#form tr[data-key="run.replications"] input');
  await setValue("run.replications", "8");
  await setValue("run.warmup_days", "10");
  await page.click("#run");
  await page.waitForFunction(() => /^done: 8 of 8 /.test(document.querySelector("#progress-text").textContent), { timeout: 60000 });
  await page.waitForSelector("#scheme-risk svg .hist-bar");
  const risk = await page.$eval("#scheme-risk", (e) => ({
    text: e.textContent, bars: e.querySelectorAll(".hist-bar").length, tornados: e.querySelectorAll("svg .tornado-bar").length,
  }));
  check(!(await page.$eval("#scheme-risk-block", (e) => e.hidden)) && risk.bars > 0 && /P\(meet target\) = \d+ %/.test(risk.text),
    `the savings distribution and P(meet target) are shown (${(risk.text.match(/P\(meet target\) = [^;)]*\)?/) || ["none"])[0]})`);
  check(risk.tornados >= 2, `the tornado shows a bar per scheme (${risk.tornados} bars)`);
  await page.$eval("#scheme-risk-block", (e) => e.scrollIntoView());
  await page.screenshot({ path: screenshot.replace(/\.png$/, "-schemes.png") });

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
