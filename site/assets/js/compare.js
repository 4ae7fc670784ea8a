// The Compare page: many assessment files scored by the engine (in the worker), shown as a
// heatmap per group (nation and council type, by default) with each group's medians,
// like-with-like notes and trends. The engine computes every figure, including the medians of a
// filtered selection (it is re-run on that selection) and the shareable export, where figures
// of groups under 5 councils are hidden.
import { MAX_FILE_BYTES, call } from "./engine.js";
import { download, h, replace } from "./dom.js";
import { gap, num, pct, score } from "./format.js";

let files = [];        // [{name, text}] as loaded
let unreadable = [];   // files the browser could not read at all
let comparison = null;
let example = false;   // the example region is loaded: real councils, invented answers
const MIN_GROUP = 5;   // the export is for sharing: group figures from fewer councils are hidden

function message(root, text, error = false) {
  replace(root.querySelector('[data-sc="compare-message"]'), text ? h("p", { class: error ? "sc-error" : "sc-ok" }, text) : null);
}

async function readFiles(list) {
  const read = [];
  for (const file of list) {
    if (file.size > MAX_FILE_BYTES) unreadable.push({ file: file.name, reason: `the file is ${Math.round(file.size / 1e6)} MB; an assessment file is at most ${MAX_FILE_BYTES / 1e6} MB` });
    else read.push({ name: file.name, text: await file.text() });
  }
  return read;
}

function selection(root) {
  const region = root.querySelector('[data-sc="filter-region"]').value;
  const type = root.querySelector('[data-sc="filter-type"]').value;
  const groupBy = root.querySelector('[data-sc="group-by"]').value;
  return { region, type, groupBy };
}

async function run(root) {
  if (!files.length && !unreadable.length) return render(root);
  message(root, `Scoring ${files.length} file(s)…`);
  const { region, type, groupBy } = selection(root);
  const options = { group_by: groupBy };
  // Filtering changes which councils the medians describe: the engine compares the chosen ones
  // again, telling files apart by their place in the list, never by name (two may share one).
  const reply = await call("compare", { files, options, filter: { region, type } });
  if (!reply.ok) return message(root, reply.problems.join("; "), true);
  const all = reply.comparison;
  comparison = { all, shown: reply.shown, shownFiles: reply.shown_files.map((place) => files[place]), options };
  fillRegions(root, all);
  message(root, `${all.counts.assessments} assessment(s) of ${all.counts.councils} council(s) compared` +
    (all.counts.skipped + unreadable.length ? `; ${all.counts.skipped + unreadable.length} file(s) skipped (see below)` : "") + ".");
  render(root);
}

function fillRegions(root, all) {
  const select = root.querySelector('[data-sc="filter-region"]');
  const current = select.value;
  const regions = [...new Set([...all.rows, ...all.earlier].map((r) => r.council.region).filter(Boolean))].sort();
  replace(select, h("option", { value: "" }, "All regions"), regions.map((r) => h("option", { value: r }, r)));
  select.value = regions.includes(current) ? current : "";
}

function sortRows(root, rows) {
  const key = root.querySelector('[data-sc="sort"]').value;
  const order = root.querySelector('[data-sc="sort-order"]').value === "asc" ? 1 : -1;
  const score = (row) => (key === "overall" ? row.overall : row.themes.find((t) => t.id === key)).score;
  return [...rows].sort((a, b) => {
    if (key === "council") return a.council.name.localeCompare(b.council.name);
    const x = score(a), y = score(b);
    if (x === null && y === null) return a.council.name.localeCompare(b.council.name);
    if (x === null) return 1;
    if (y === null) return -1;
    return (x - y) * order || a.council.name.localeCompare(b.council.name);
  });
}

// Tier colours are by the tier's place in the bank's list (the build writes one class per tier).
function tierClass(labels, tier) {
  return `sc-tier-${Object.keys(labels.tiers).indexOf(tier)}`;
}

function cell(part, labels) {
  if (part.asked === 0) return h("td", { class: "sc-cell sc-cell--na" }, "Not asked");
  if (part.score === null) return h("td", { class: "sc-cell sc-cell--none" }, "Not scored", h("span", { class: "sc-cell__meta" }, `coverage ${pct(part.coverage)}`));
  return h("td", { class: `sc-cell ${tierClass(labels, part.tier)}${part.provisional ? " sc-cell--provisional" : ""}`, "data-score": part.score },
    h("span", { class: "sc-cell__score" }, score(part.score)),
    h("span", { class: "sc-cell__tier" }, labels.tiers[part.tier] + (part.provisional ? " (provisional)" : "")),
    h("span", { class: "sc-cell__meta" }, `coverage ${pct(part.coverage)}`),
    part.gap === null ? null : h("span", { class: "sc-cell__meta" }, `${gap(part.gap)} vs median`));
}

function statRow(label, stats, pick) {
  return h("tr", { class: "sc-stat-row" }, h("th", { scope: "row" }, label),
    [stats.overall, ...stats.themes].map((s) => h("td", {}, s.hidden ? "hidden" : s.n ? pick(s) : "–")));
}

// One table per group: councils of the same nation and type (or all together), with the group's figures.
function heatmaps(root, shown) {
  return shown.groups.map((group) => {
    const rows = shown.rows.filter((row) => row.group === group.id);
    return h("section", { class: "sc-group", "data-sc": "compare-group", "data-group": group.id },
      h("h2", {}, `${group.title} (${group.councils} council${group.councils === 1 ? "" : "s"})`),
      h("div", { class: "sc-heatmap-scroll", role: "region", tabindex: "0", "aria-label": `Scores: ${group.title}` },
        heatmap(root, shown, rows, group)));
  });
}

function heatmap(root, shown, groupRows, group) {
  const themes = shown.themes;
  const rows = sortRows(root, groupRows);
  return h("table", { class: "sc-heatmap", "data-sc": "heatmap" },
    h("caption", {}, `${group.title}: latest assessment of each council (${rows.length}): score, tier, coverage and gap to the group's median`),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Council"), h("th", { scope: "col" }, "Overall"),
      themes.map((t) => h("th", { scope: "col" }, t.title)))),
    h("tbody", {}, rows.map((row) => h("tr", { "data-council": row.council.name },
      h("th", { scope: "row" }, row.council.name,
        h("span", { class: "sc-cell__meta" }, `${row.council_type_name}${row.council.region ? ", " + row.council.region : ""}`),
        h("span", { class: "sc-cell__meta" }, `${row.assessment_date}, bank ${row.bank_version}`)),
      cell({ ...row.overall, asked: 1 }, shown.labels),
      row.themes.map((t) => cell(t, shown.labels))))),
    h("tfoot", {},
      statRow("Group median", group.stats, (s) => num(s.median)),
      statRow("Middle half (quartiles)", group.stats, (s) => `${num(s.lower_quartile)} – ${num(s.upper_quartile)}`),
      statRow("Range", group.stats, (s) => `${num(s.min)} – ${num(s.max)}`),
      statRow("Councils counted", group.stats, (s) => String(s.n))));
}

function trends(shown) {
  if (!shown.trends.length) return null;
  return [h("h2", { id: "trends" }, "Progress over time"),
    shown.trends.map((trend) => h("section", { class: "sc-trend", "data-sc": "trend" },
      h("h3", {}, trend.council),
      h("table", { class: "sc-heatmap" },
        h("caption", {}, `Scores by date: ${trend.dates.join(", ")}`),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Theme"), trend.dates.map((d) => h("th", { scope: "col" }, d)), h("th", { scope: "col" }, "Change"))),
        h("tbody", {}, [{ title: "Overall", ...trend.overall }, ...trend.themes].map((series) =>
          h("tr", {}, h("th", { scope: "row" }, series.title),
            series.points.map((p) => h("td", {}, num(p.score))),
            h("td", {}, gap(series.change)))))),
      trend.changes.map((change) => h("details", {},
        h("summary", {}, `${change.answers.length} answer(s) changed between ${change.from_date} and ${change.to_date}`),
        h("ul", {}, change.answers.map((a) => h("li", {}, `${a.question} ${a.text}: ${a.from} → ${a.to}`))))))),
  ];
}

function skipped(all) {
  const list = [...unreadable, ...all.skipped];
  if (!list.length) return null;
  return [h("h2", { id: "skipped" }, "Files not compared"),
    h("ul", { "data-sc": "skipped-list" }, list.map((s) => h("li", {}, h("strong", {}, s.file), `: ${s.reason}`)))];
}

function render(root) {
  const controls = root.querySelector('[data-sc="compare-controls"]');
  controls.hidden = !comparison;
  if (!comparison) {
    for (const hook of ["compare-notes", "compare-heatmap", "compare-trends", "compare-skipped"]) replace(root.querySelector(`[data-sc="${hook}"]`));
    return;
  }
  const { all, shown } = comparison;
  replace(root.querySelector('[data-sc="example-notice"]'), example ? exampleNotice() : null);
  replace(root.querySelector('[data-sc="compare-notes"]'), shown.notes.length
    ? h("div", { class: "admonition warning", "data-sc": "like-with-like" }, h("p", { class: "admonition-title" }, "Comparing like with like"),
      h("ul", {}, shown.notes.map((n) => h("li", {}, n))))
    : null);
  replace(root.querySelector('[data-sc="compare-heatmap"]'), shown.rows.length ? heatmaps(root, shown) : h("p", {}, "No council matches these filters."));
  replace(root.querySelector('[data-sc="compare-trends"]'), trends(shown));
  replace(root.querySelector('[data-sc="compare-skipped"]'), skipped(all));
}

async function loadExample(root) {
  const index = new URL("../examples/index.json", import.meta.url);
  const names = await (await fetch(index)).json();
  const loaded = await Promise.all(names.map(async (name) => ({ name, text: await (await fetch(new URL(`../examples/${name}`, import.meta.url))).text() })));
  files = loaded;
  unreadable = [];
  example = true;
  await run(root);
}

function exampleNotice() {
  return h("div", { class: "admonition warning", "data-sc": "example-invented" },
    h("p", { class: "admonition-title" }, "Invented answers"),
    h("p", {}, "The example region is real councils of South East England, taken from the UK council register " +
      "(mySociety, UK local authority names and codes, CC BY 4.0), with answers made up at random to show this page. " +
      "These are not these councils' results and say nothing about them."));
}

export function mountCompare(root) {
  const input = root.querySelector('[data-sc="compare-files"]');
  input.addEventListener("change", async () => {
    files = files.concat(await readFiles(input.files));
    input.value = "";
    example = false;
    await run(root);
  });
  const zone = root.querySelector('[data-sc="dropzone"]');
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("sc-dropzone--over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("sc-dropzone--over"));
  zone.addEventListener("drop", async (event) => {
    event.preventDefault();
    zone.classList.remove("sc-dropzone--over");
    files = files.concat(await readFiles(event.dataTransfer.files));
    example = false;
    await run(root);
  });
  root.querySelector('[data-sc="compare-example"]').addEventListener("click", () => loadExample(root));
  for (const hook of ["filter-region", "filter-type", "group-by"]) root.querySelector(`[data-sc="${hook}"]`).addEventListener("change", () => run(root));
  for (const hook of ["sort", "sort-order"]) root.querySelector(`[data-sc="${hook}"]`).addEventListener("change", () => render(root));
  root.querySelector('[data-sc="compare-clear"]').addEventListener("click", () => {
    files = []; unreadable = []; comparison = null; example = false; message(root, ""); render(root);
  });
  root.querySelector('[data-sc="compare-csv"]').addEventListener("click", async () => {
    // A file to share: compared again with the figures of groups under MIN_GROUP councils hidden.
    const options = { ...comparison.options, shareable: true, min_group: MIN_GROUP };
    const reply = await call("compare_csv", { files: comparison.shownFiles, options });
    if (!reply.ok) return message(root, reply.problems.join("; "), true);
    download(example ? "scorecard-comparison-example-invented.csv" : "scorecard-comparison.csv", "text/csv", reply.csv);
    message(root, `Downloaded for sharing: gaps to the median of any group of fewer than ${MIN_GROUP} councils are left blank.`);
  });
  render(root);
  return () => {};
}
