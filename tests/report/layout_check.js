// Injected into a copy of the report (never the report itself, which has no script) by render_in_chromium.sh: measures
// the page as Chromium laid it out and writes what does not fit as JSON into a pre element (id layout-check) for
// check_dom.py. Text outside its chart's viewBox is clipped in the browser (a cut y-axis title, "15,000,0"); a
// table wider than the page's main column needs a scrollbar on screen and is cut on paper.
window.addEventListener("load", () => {
  const problems = [];
  const tolerance = 0.5;  // px: sub-pixel rounding of text boxes
  const describe = (el) => (el.textContent || "").trim().slice(0, 80);
  for (const svg of document.querySelectorAll("svg.chart")) {
    const box = svg.getBoundingClientRect();
    const chart = svg.querySelector("title") ? svg.querySelector("title").textContent.slice(0, 60) : "?";
    for (const text of svg.querySelectorAll("text")) {
      const t = text.getBoundingClientRect();
      if (t.width === 0) continue;
      if (t.left < box.left - tolerance || t.right > box.right + tolerance || t.top < box.top - tolerance ||
          t.bottom > box.bottom + tolerance)
        problems.push(`text "${describe(text)}" outside the viewBox of chart "${chart}"`);
    }
  }
  const main = document.querySelector("main").getBoundingClientRect();
  for (const table of document.querySelectorAll("main table")) {
    const t = table.getBoundingClientRect();
    if (t.width > 0 && t.right > main.right + tolerance)
      problems.push(`table "${table.className}" is ${Math.round(t.right - main.right)} px wider than the page`);
  }
  const out = document.createElement("pre");
  out.id = "layout-check";
  out.textContent = JSON.stringify({width: Math.round(main.width), problems});
  document.body.appendChild(out);
});
