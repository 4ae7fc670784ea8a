// The Compare page: many assessment files scored by the engine (in the worker), shown as a
// heatmap per group (nation and council type, by default) with each group's medians,
// like-with-like notes and trends. The engine computes every figure, including the medians of a
// filtered selection (it is re-run on that selection) and the shareable export, where figures
// of groups under 5 councils are hidden.
import { MAX_FILE_BYTES, call } from "./engine.js";
import { download, find, h, replace } from "./dom.js";
import { gap, num, pct, score } from "./format.js";

/** @type {NamedFile[]} */
let files = [];        // as loaded
/** @type {{ file: string, reason: string }[]} */
let unreadable = [];   // files the browser could not read at all
/** @type {{ all: Comparison, shown: Comparison, shownFiles: NamedFile[], options: CompareOptions } | null} */
let comparison = null;
let example = false;   // the example region is loaded: real councils, invented answers
const MIN_GROUP = 5;   // the export is for sharing: group figures from fewer councils are hidden

/** @param {ParentNode} root @param {string} hook */
const part = (root, hook) => find(root, `[data-sc="${hook}"]`);
/** @param {ParentNode} root @param {string} hook */
const choice = (root, hook) => find(root, `[data-sc="${hook}"]`, HTMLSelectElement);

/** @param {ParentNode} root @param {string} text */
function message(root, text, error = false) {
  replace(part(root, "compare-message"), text ? h("p", { class: error ? "sc-error" : "sc-ok" }, text) : null);
}

/** @param {FileList | File[]} list */
async function readFiles(list) {
  /** @type {NamedFile[]} */
  const read = [];
  for (const file of list) {
    if (file.size > MAX_FILE_BYTES) unreadable.push({ file: file.name, reason: `the file is ${Math.round(file.size / 1e6)} MB; an assessment file is at most ${MAX_FILE_BYTES / 1e6} MB` });
    else read.push({ name: file.name, text: await file.text() });
  }
  return read;
}

/** @param {ParentNode} root */
function selection(root) {
  const region = choice(root, "filter-region").value;
  const type = choice(root, "filter-type").value;
  const groupBy = /** @type {"type" | "none"} */ (choice(root, "group-by").value);
  return { region, type, groupBy };
}

/** @param {ParentNode} root */
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

/** @param {ParentNode} root @param {Comparison} all */
function fillRegions(root, all) {
  const select = choice(root, "filter-region");
  const current = select.value;
  const regions = [...new Set([...all.rows, ...all.earlier].map((r) => r.council.region).filter(Boolean))].sort();
  replace(select, h("option", { value: "" }, "All regions"), regions.map((r) => h("option", { value: r }, r)));
  select.value = regions.includes(current) ? current : "";
}

/** @param {ParentNode} root @param {Comparison.Row[]} rows */
function sortRows(root, rows) {
  const key = choice(root, "sort").value;
  const order = choice(root, "sort-order").value === "asc" ? 1 : -1;
  const score = (/** @type {Comparison.Row} */ row) => (key === "overall" ? row.overall : row.themes.find((t) => t.id === key))?.score ?? null;
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
/** @param {Comparison.Labels} labels @param {string} tier */
function tierClass(labels, tier) {
  return `sc-tier-${Object.keys(labels.tiers).indexOf(tier)}`;
}

/**
 * @param {{ asked?: number, score: number | null, coverage: number | null, tier: string | null, note: string, provisional: boolean, gap: number | null }} part
 * @param {Comparison.Labels} labels
 */
function cell(part, labels) {
  if (part.asked === 0) return h("td", { class: "sc-cell sc-cell--na" }, "Not asked");
  if (part.score === null) return h("td", { class: "sc-cell sc-cell--none" }, "Not scored",
    h("span", { class: "sc-cell__meta" }, `coverage ${pct(part.coverage)}`), part.note ? h("span", { class: "sc-cell__meta" }, part.note) : null);
  // a score without a tier: too little answered to rate, or waiting for a legal duty (the engine says which)
  if (part.tier === null) return h("td", { class: "sc-cell sc-cell--none sc-cell--provisional", "data-score": part.score },
    h("span", { class: "sc-cell__score" }, score(part.score)),
    h("span", { class: "sc-cell__tier" }, "Not rated"),
    h("span", { class: "sc-cell__meta" }, part.note),
    part.gap === null ? null : h("span", { class: "sc-cell__meta" }, `${gap(part.gap)} vs median`));
  const tier = part.tier;
  return h("td", { class: `sc-cell ${tierClass(labels, tier)}${part.provisional ? " sc-cell--provisional" : ""}`, "data-score": part.score },
    h("span", { class: "sc-cell__score" }, score(part.score)),
    h("span", { class: "sc-cell__tier" }, labels.tiers[tier] + (part.provisional ? " (provisional)" : "")),
    h("span", { class: "sc-cell__meta" }, `coverage ${pct(part.coverage)}`),
    part.gap === null ? null : h("span", { class: "sc-cell__meta" }, `${gap(part.gap)} vs median`));
}

/** @param {string} label @param {Comparison.Stats} stats @param {(stat: Comparison.Stat) => string} pick */
function statRow(label, stats, pick) {
  return h("tr", { class: "sc-stat-row" }, h("th", { scope: "row" }, label),
    [stats.overall, ...stats.themes].map((s) => h("td", {}, s.hidden ? "hidden" : s.n ? pick(s) : "–")));
}

// One table per group: councils of the same nation and type (or all together), with the group's figures.
/** @param {ParentNode} root @param {Comparison} shown */
function heatmaps(root, shown) {
  return shown.groups.map((group) => {
    const rows = shown.rows.filter((row) => row.group === group.id);
    return h("section", { class: "sc-group", "data-sc": "compare-group", "data-group": group.id },
      h("h2", {}, `${group.title} (${group.councils} council${group.councils === 1 ? "" : "s"})`),
      h("div", { class: "sc-heatmap-scroll", role: "region", tabindex: "0", "aria-label": `Scores: ${group.title}` },
        heatmap(root, shown, rows, group)));
  });
}

/** @param {ParentNode} root @param {Comparison} shown @param {Comparison.Row[]} groupRows @param {Comparison.Group} group */
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
      statRow("Councils counted", group.stats, (s) => `${s.n}${s.provisional_counted ? ` (${s.provisional_counted} provisional)` : ""}${s.not_rated_left_out ? `; ${s.not_rated_left_out} not rated, left out` : ""}`)));
}

// For coordinators: what each council still lacks before its themes, and so its overall, can be rated.
/** @param {Comparison} shown */
function coverage(shown) {
  const lacking = shown.coverage.filter((c) => c.missing.length);
  if (!lacking.length) return null;
  return [h("h2", { id: "coverage" }, "What is missing before each council can be rated"),
    h("div", { class: "sc-heatmap-scroll", role: "region", tabindex: "0", "aria-label": "What is missing" },
      h("table", { class: "sc-coverage", "data-sc": "coverage" },
        h("caption", {}, "Councils with a theme not rated yet: themes rated, questions answered, and what each theme still needs"),
        h("thead", {}, h("tr", {}, ["Council", "Assessed", "Themes rated", "Answered", "Not rated yet"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, lacking.map((c) => h("tr", { "data-council": c.council },
          h("th", { scope: "row" }, c.council || "Council name not given"),
          h("td", {}, c.assessment_date),
          h("td", {}, `${c.rated_themes} of ${c.themes}`),
          h("td", {}, pct(c.coverage)),
          h("td", {}, h("ul", {}, c.missing.map((m) => h("li", {}, `${m.title}: ${m.note}`))))))))),
  ];
}

/** @param {Comparison} shown */
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
            series.points.map((p) => h("td", {}, num(p.score), p.score !== null && p.tier === null ? " (not rated)" : "")),
            h("td", {}, gap(series.change)))))),
      trend.changes.map((change) => h("details", {},
        h("summary", {}, `${change.answers.length} answer(s) changed between ${change.from_date} and ${change.to_date}`),
        h("ul", {}, change.answers.map((a) => h("li", {}, `${a.question} ${a.text}: ${a.from} → ${a.to}`))))))),
  ];
}

/** @param {Comparison} all */
function skipped(all) {
  const list = [...unreadable, ...all.skipped];
  if (!list.length) return null;
  return [h("h2", { id: "skipped" }, "Files not compared"),
    h("ul", { "data-sc": "skipped-list" }, list.map((s) => h("li", {}, h("strong", {}, s.file), `: ${s.reason}`)))];
}

/** @param {ParentNode} root */
function render(root) {
  part(root, "compare-controls").hidden = !comparison;
  if (!comparison) {
    for (const hook of ["compare-notes", "compare-heatmap", "compare-coverage", "compare-trends", "compare-skipped"]) replace(part(root, hook));
    return;
  }
  const { all, shown } = comparison;
  replace(part(root, "example-notice"), example ? exampleNotice() : null);
  replace(part(root, "compare-notes"), shown.notes.length
    ? h("div", { class: "admonition warning", "data-sc": "like-with-like" }, h("p", { class: "admonition-title" }, "Comparing like with like"),
      h("ul", {}, shown.notes.map((n) => h("li", {}, n))))
    : null);
  replace(part(root, "compare-heatmap"), shown.rows.length ? heatmaps(root, shown) : h("p", {}, "No council matches these filters."));
  replace(part(root, "compare-coverage"), coverage(shown));
  replace(part(root, "compare-trends"), trends(shown));
  replace(part(root, "compare-skipped"), skipped(all));
}

/** @param {ParentNode} root */
async function loadExample(root) {
  const index = new URL("../examples/index.json", import.meta.url);
  /** @type {string[]} */
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

/** @param {ParentNode} root */
export function mountCompare(root) {
  const input = find(root, '[data-sc="compare-files"]', HTMLInputElement);
  input.addEventListener("change", async () => {
    files = files.concat(await readFiles(input.files || []));
    input.value = "";
    example = false;
    await run(root);
  });
  const zone = part(root, "dropzone");
  zone.addEventListener("dragover", (event) => { event.preventDefault(); zone.classList.add("sc-dropzone--over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("sc-dropzone--over"));
  zone.addEventListener("drop", async (event) => {
    event.preventDefault();
    zone.classList.remove("sc-dropzone--over");
    files = files.concat(await readFiles(event.dataTransfer?.files || []));
    example = false;
    await run(root);
  });
  part(root, "compare-example").addEventListener("click", () => loadExample(root));
  for (const hook of ["filter-region", "filter-type", "group-by"]) part(root, hook).addEventListener("change", () => run(root));
  for (const hook of ["sort", "sort-order"]) part(root, hook).addEventListener("change", () => render(root));
  part(root, "compare-clear").addEventListener("click", () => {
    files = []; unreadable = []; comparison = null; example = false; message(root, ""); render(root);
  });
  part(root, "compare-csv").addEventListener("click", async () => {
    if (!comparison) return;
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
