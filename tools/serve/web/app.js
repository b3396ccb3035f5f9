// pfsim serve's page: lists the workspace's scenarios, builds a form from one, checks edits through the server (the
// scenario loader's --set path), runs or compares with live progress, and shows the KPI table, charts and differences.
"use strict";

const state = { path: null, fields: [], edits: new Map(), options: [], job: null, events: null, invalid: false };

const $ = (id) => document.getElementById(id);

async function api(method, url, body) {
  const response = await fetch(url, {
    method, headers: body ? { "Content-Type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined,
  });
  const type = response.headers.get("Content-Type") || "";
  const data = type.startsWith("application/json") ? await response.json() : await response.text();
  if (!response.ok) throw new Error((data && data.error) || `${response.status} ${response.statusText}`);
  return data;
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function showMessage(text, isError) {
  $("message").textContent = text;
  $("message").className = isError ? "error" : "";
}

function overrides() {
  return [...state.edits].map(([key, value]) => `${key}=${value}`);
}

async function loadScenarios() {
  const data = await api("GET", "/api/scenarios");
  $("workspace").textContent = `workspace ${data.workspace}`;
  const list = $("scenarios");
  list.replaceChildren();
  for (const file of data.files) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = file;
    button.dataset.path = file;
    button.addEventListener("click", () => openScenario(file));
    const item = document.createElement("li");
    item.append(button);
    list.append(item);
  }
  if (data.files.length === 0) list.textContent = "No .yaml files in this folder.";
}

async function openScenario(path) {
  showMessage("Loading…");
  try {
    const data = await api("GET", `/api/scenario?path=${encodeURIComponent(path)}`);
    Object.assign(state, { path, fields: data.fields, edits: new Map(), options: [], invalid: false });
    showOptions();
    for (const b of document.querySelectorAll("nav button")) b.classList.toggle("open", b.dataset.path === path);
    $("welcome").hidden = true;
    $("scenario").hidden = false;
    $("scenario-name").textContent = data.name;
    $("scenario-path").textContent = path;
    $("results").hidden = true;
    hideDownloads();
    buildForm();
    showMessage(`${data.fields.length} values. Edit any of them, then run.`);
  } catch (error) {
    showMessage(error.message, true);
  }
}

function buildForm() {
  const body = $("form").tBodies[0];
  body.replaceChildren();
  for (const field of state.fields) {
    const row = body.insertRow();
    row.dataset.key = field.key;
    cell(row, field.key);
    const td = row.insertCell();
    const input = document.createElement("input");
    input.value = field.value;
    // A key the file leaves out: empty, the loader's default applies until a value is typed.
    if (field.left_out) {
      input.placeholder = "default";
      row.classList.add("left-out");
    }
    input.name = field.key;
    input.setAttribute("aria-label", field.key);
    input.addEventListener("change", () => edit(field, input, row));
    td.append(input);
    cell(row, field.units || "", "units");
    cell(row, field.note, "note");
  }
  filterForm();
}

function filterForm() {
  const words = $("filter").value.trim().toLowerCase();
  for (const row of $("form").tBodies[0].rows)
    row.hidden = words !== "" && !row.dataset.key.toLowerCase().includes(words) && !row.cells[3].textContent.toLowerCase().includes(words);
}

// Every edit is checked with all the others, as pfsim run would take them; the loader's one line shows under the field.
async function edit(field, input, row) {
  if (input.value === field.value) state.edits.delete(field.key);
  else state.edits.set(field.key, input.value);
  row.classList.toggle("edited", state.edits.has(field.key));
  for (const old of document.querySelectorAll(".field-error")) old.remove();
  for (const r of document.querySelectorAll("#form tr.invalid")) r.classList.remove("invalid");
  row.classList.add("pending");
  let result;
  try {
    result = await api("POST", "/api/validate", { path: state.path, overrides: overrides() });
  } catch (error) {
    result = { ok: false, error: error.message };
  } finally {
    row.classList.remove("pending");
  }
  state.invalid = !result.ok;
  $("run").disabled = $("compare").disabled = $("download-yaml").disabled = $("save-option").disabled = state.invalid;
  if (result.ok) {
    showMessage(state.edits.size ? `${state.edits.size} value(s) edited; the scenario is valid.` : "No edits.");
    return;
  }
  // The message names the key it is about (file:line:col: key: ...); show it there, else under the field just edited.
  const culprit = [...state.edits.keys()].find((k) => result.error.includes(` ${k}:`));
  const at = (culprit && document.querySelector(`#form tr[data-key="${CSS.escape(culprit)}"]`)) || row;
  at.classList.add("invalid");
  const error = document.createElement("div");
  error.className = "field-error";
  error.textContent = result.error;
  at.cells[1].append(error);
  showMessage("The scenario loader refused a value (see the field marked red).", true);
}

function seconds(s) {
  return s >= 90 ? `${Math.round(s / 60)} min` : s < 10 ? `${s.toFixed(1)} s` : `${Math.round(s)} s`;
}

function showProgress(status) {
  $("progress").hidden = false;
  $("progress-bar").max = Math.max(status.total, 1);
  $("progress-bar").value = status.done;
  const eta = status.eta_s !== undefined ? ` · about ${seconds(status.eta_s)} left` : "";
  const what = status.kind === "compare" ? "replications (base and options)" : "replications";
  $("progress-text").textContent = `${status.state}: ${status.done} of ${status.total} ${what} done${eta}`;
}

// The saved options, each with its edits; run settings (run.*) stay with the form, as every option shares them.
function showOptions() {
  const list = $("option-list");
  list.replaceChildren();
  for (const option of state.options) {
    const item = document.createElement("li");
    item.dataset.label = option.label;
    item.textContent = `${option.label} `;
    const edits = document.createElement("code");
    edits.textContent = option.overrides.join(", ") || "no edits";
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "×";
    remove.title = `Remove option ${option.label}`;
    remove.addEventListener("click", () => {
      state.options = state.options.filter((o) => o !== option);
      showOptions();
    });
    item.append(edits, remove);
    list.append(item);
  }
  $("options").hidden = state.options.length === 0;
  $("compare").textContent = state.options.length ? `Compare ${state.options.length} option(s) with the base` : "Compare with the base";
}

function saveOption() {
  // A label names the option's group in the results file: letters, digits, - and _ (the server checks it too).
  const typed = $("option-label").value.trim().replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 32);
  let label = typed || `option-${state.options.length + 1}`;
  if (label === "base" || state.options.some((o) => o.label === label)) label = `${label}-${state.options.length + 1}`;
  const edits = overrides().filter((o) => !o.startsWith("run."));
  state.options.push({ label, overrides: edits });
  $("option-label").value = "";
  showOptions();
  showMessage(`Saved option ${label} (${edits.length} edit(s)). Edit again and save another, or compare.`);
}

async function start(kind) {
  try {
    const request = { kind, path: state.path, overrides: overrides() };
    if (kind === "compare" && state.options.length) request.options = state.options;
    const job = await api("POST", "/api/jobs", request);
    state.job = job.id;
    $("cancel").disabled = false;
    $("run").disabled = $("compare").disabled = true;
    hideDownloads();
    showMessage(kind !== "compare" ? "Running…" : request.options ? `Comparing ${request.options.length} option(s) with the base…`
      : "Comparing the edited scenario with the base…");
    showProgress(job);
    state.events = new EventSource(`/api/jobs/${job.id}/events`);
    state.events.addEventListener("progress", (e) => {
      const status = JSON.parse(e.data);
      showProgress(status);
      // The replications done so far: the KPI table and fan charts fill in while the run goes on.
      if (status.partial) showResults(status, status.partial);
    });
    state.events.addEventListener("end", (e) => finish(JSON.parse(e.data)));
  } catch (error) {
    showMessage(error.message, true);
  }
}

function finish(status) {
  state.events.close();
  showProgress(status);
  $("cancel").disabled = true;
  $("run").disabled = $("compare").disabled = state.invalid;
  if (status.state !== "done") {
    showMessage(status.state === "cancelled" ? "Cancelled." : status.error, status.state !== "cancelled");
    return;
  }
  const r = status.result;
  showMessage(`Done in ${seconds(status.elapsed_s)}: ${r.replications} replications × ${r.days} days.`);
  showResults(status);
}

// The files a finished job offers, each link to its token-protected route (the cookie carries the token).
const kDownloads = [["download-h5", "results.h5"], ["download-xlsx", "results.xlsx"], ["download-report", "report.html"]];

function hideDownloads() {
  for (const [id] of kDownloads) $(id).hidden = true;
}

// `partial`: the results of the replications done so far, shown while the job runs (no downloads yet).
function showResults(status, partial) {
  const r = partial || status.result;
  $("results").hidden = false;
  $("results").classList.toggle("partial", Boolean(partial));
  const soFar = partial ? ` (so far: ${r.replications} of ${status.total} replications)` : "";
  $("results-title").textContent = `Results of job ${status.id}: ${r.scenario}${status.kind === "compare" ? " (the base)" : ""}${soFar}`;
  const kpis = $("kpis").tBodies[0];
  kpis.replaceChildren();
  for (const k of r.kpis) {
    const row = kpis.insertRow();
    row.dataset.kpi = k.name;
    cell(row, k.name); cell(row, k.mean); cell(row, k.ci95_half); cell(row, k.units); cell(row, k.description, "note");
  }
  const charts = $("charts");
  charts.replaceChildren();
  for (const c of r.charts) {
    const figure = document.createElement("figure");
    figure.className = "chart";
    const caption = document.createElement("figcaption");
    caption.textContent = c.title;
    const detail = document.createElement("span");
    detail.textContent = `${c.name}: median and 5–95 % band over ${r.replications} replications, by day`;
    caption.append(detail);
    // The SVG is drawn by pfsim's own report code from numbers, with every text escaped there.
    figure.innerHTML = c.svg;
    figure.prepend(caption);
    charts.append(figure);
  }
  // The report's "Schemes and QIPP risk" section, drawn by pfsim's report code with every text escaped there.
  $("scheme-risk-block").hidden = !r.scheme_risk;
  $("scheme-risk").innerHTML = r.scheme_risk || "";
  $("differences-block").hidden = !r.differences;
  if (r.differences) {
    const body = $("differences").tBodies[0];
    body.replaceChildren();
    for (const d of r.differences) {
      const row = body.insertRow();
      row.dataset.kpi = d.name;
      if (d.significant) row.className = "significant";
      else if (!d.changed) row.className = "unchanged";
      row.dataset.option = d.option;
      cell(row, d.name); cell(row, d.option); cell(row, d.base_mean); cell(row, d.option_mean); cell(row, d.difference); cell(row, d.ci95_half); cell(row, d.units);
    }
  }
  const forests = $("forests");
  forests.replaceChildren();
  for (const f of r.forests || []) forests.append(forestPlot(f, r.forest_rows, r.options || []));
  if (partial) return;
  for (const [id, file] of kDownloads) {
    $(id).href = `/api/jobs/${status.id}/${file}`;
    $(id).setAttribute("download", `job-${status.id}-${file}`);
    $(id).hidden = false;
  }
}

// A forest plot per changed KPI, drawn by pfsim's report code: with one option the paired difference and its 95 % CI
// at each site; with several, one row per option.
function forestPlot(forest, rows, options) {
  const figure = document.createElement("figure");
  figure.className = "chart";
  figure.dataset.rows = rows;
  const caption = document.createElement("figcaption");
  caption.textContent = `${forest.title} by ${rows}`;
  const detail = document.createElement("span");
  const which = rows === "site" ? `${options[0] || "edited"} − base at each site` : "option − base, one row per option";
  detail.textContent = `${forest.name}: paired difference ${which}, mean and 95 % CI (filled: the CI excludes 0)`;
  caption.append(detail);
  figure.innerHTML = forest.svg;
  figure.prepend(caption);
  return figure;
}

async function downloadYaml() {
  try {
    const response = await fetch("/api/edited.yaml", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ path: state.path, overrides: overrides() }),
    });
    if (!response.ok) throw new Error((await response.json()).error);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(await response.blob());
    link.download = state.path.split("/").pop().replace(/\.ya?ml$/, "") + "-edited.yaml";
    link.click();
    URL.revokeObjectURL(link.href);
  } catch (error) {
    showMessage(error.message, true);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  // The token came in the URL and is now a cookie: take it out of the address bar (and of the browser history).
  if (location.search.includes("token=")) history.replaceState(null, "", "/");
  $("run").addEventListener("click", () => start("run"));
  $("compare").addEventListener("click", () => start("compare"));
  $("cancel").addEventListener("click", () => state.job && api("POST", `/api/jobs/${state.job}/cancel`));
  $("download-yaml").addEventListener("click", downloadYaml);
  $("save-option").addEventListener("click", saveOption);
  $("filter").addEventListener("input", filterForm);
  loadScenarios().catch((error) => showMessage(error.message, true));
});
