// Takes docs/serve.png: the South East Essex baseline with two options saved against it, 500 and 580 general beds at
// Southend (540 in the file), compared with the base over 90 days after a 60-day warm-up, 4 replications. Not a test; the README picture, reproducible:
//   build/ci/tools/pfsim serve scenarios --port 0      # prints the URL
//   node tests/serve/browser/readme_screenshot.mjs URL docs/serve.png
import puppeteer from "puppeteer-core";
const [url, out] = process.argv.slice(2);
const browser = await puppeteer.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
await page.setViewport({ width: 1400, height: 1900 });
await page.goto(url);
await page.waitForSelector('nav button[data-path="south-east-essex-2019.yaml"]');
await page.click('nav button[data-path="south-east-essex-2019.yaml"]');
await page.waitForSelector('#form tr[data-key="sites.Southend.beds.general"] input');
const set = async (k, v) => { await page.$eval(`#form tr[data-key="${k}"] input`, (i, v) => { i.value = v; i.dispatchEvent(new Event("change")); }, v);
  await page.waitForFunction((k) => !document.querySelector(`#form tr[data-key="${k}"]`).classList.contains("pending"), {}, k); };
await set("run.days", "90");
await set("run.warmup_days", "60");
await set("run.replications", "4");
await set("sites.Southend.beds.general", "500");
await page.type("#option-label", "southend-500-beds");
await page.click("#save-option");
await set("sites.Southend.beds.general", "580");
await page.type("#option-label", "southend-580-beds");
await page.click("#save-option");
await page.click("#compare");
await page.waitForFunction(() => document.querySelector("#progress-text")?.textContent.startsWith("done"), { timeout: 120000 });
await page.waitForSelector("#differences tbody tr");
await page.$eval("#filter", (i) => { i.value = "beds"; i.dispatchEvent(new Event("input")); });
await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: out });
await browser.close();
