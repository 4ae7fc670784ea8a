// The Compare page: many assessment files or benchmark contributions scored by the engine (in the worker),
// shown as a heatmap per group (nation and council type by default; a council and the councils most like it; a
// coordinator's own groups from a CSV of council codes), with each group's medians, a chosen council's
// position in words, a colour key, a coverage view, like-with-like notes, trends with each council's own
// targets, each group's medians by year, and open figures to publish. The engine computes every figure and
// sentence (scorecard/engine/operations.py: compare, similar, groups_csv, open_figures), including the medians
// of a filtered selection (it is re-run on that selection) and what open figures must hide; this module lays
// out what it returns.
import { MAX_FILE_BYTES, call } from "./engine.js";
import { loadRegister } from "./council.js";
import { download, find, h, replace } from "./dom.js";
import { gap, num, pct, score } from "./format.js";
import { t, tn } from "./i18n.js";

/** @type {NamedFile[]} */
let files = [];        // as loaded
/** @type {{ file: string, reason: string }[]} */
let unreadable = [];   // files the browser could not read at all
/** @type {{ all: Comparison, shown: Comparison, shownFiles: NamedFile[], options: CompareOptions } | null} */
let comparison = null;
let example = false;   // the example region is loaded: real councils, invented answers
const MIN_GROUP = 5;   // the export is for sharing: group figures from fewer councils are hidden
/** @type {{ council: string, name: string }[]} */
let councils = [];     // every council in the files, by register or GSS code, for the council choice
/** @type {{ code: string, similar: Similar, group: CustomGroup, csv: string, chosen: string[] | null, chosenFrom: string } | null} */
let similar = null;    // the chosen council's similar councils, computed or the coordinator's own list
/** @type {{ name: string, groups: CustomGroup[] } | null} */
let ownGroups = null;  // a coordinator's groups file
/** @type {{ name: string, figures: OpenFigures }[]} */
let earlier = [];      // earlier releases of open figures, checked against

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
    if (file.size > MAX_FILE_BYTES) unreadable.push({ file: file.name, reason: t("the file is %(size)s MB; an assessment file is at most %(limit)s MB", { size: Math.round(file.size / 1e6), limit: MAX_FILE_BYTES / 1e6 }) });
    else read.push({ name: file.name, text: await file.text() });
  }
  return read;
}

/** @param {ParentNode} root */
function selection(root) {
  return {
    region: choice(root, "filter-region").value,
    type: choice(root, "filter-type").value,
    groupBy: choice(root, "group-by").value,
    focus: choice(root, "focus").value,
  };
}

// The options the engine compares with: the grouping chosen, and the council whose position is described.
/** @param {ParentNode} root @returns {Promise<CompareOptions | string>} the options, or why there are none yet */
async function comparisonOptions(root) {
  const { groupBy, focus } = selection(root);
  /** @type {CompareOptions} */
  const options = focus ? { focus } : {};
  if (groupBy === "type" || groupBy === "none") return { ...options, group_by: groupBy };
  if (groupBy === "custom") {
    if (!ownGroups) return t("Choose a groups file (CSV) to compare councils within your own groups.");
    return { ...options, group_by: "custom", custom: ownGroups.groups };
  }
  if (!focus) return t("Choose a council to compare it with the councils most like it.");
  if (!similar || similar.code !== focus) {
    const register = await loadRegister();
    const reply = await call("similar", { councils: register.councils, code: focus });
    if (!reply.ok) return reply.problems.join("; ");
    similar = { code: focus, similar: reply.similar, group: reply.group, csv: reply.csv, chosen: null, chosenFrom: "" };
  }
  return { ...options, group_by: "custom", custom: [similar.group] };
}

/** @param {ParentNode} root */
async function run(root) {
  if (!files.length && !unreadable.length) return render(root);
  part(root, "groups-file-field").hidden = choice(root, "group-by").value !== "custom";
  const options = await comparisonOptions(root);
  if (typeof options === "string") {
    // Until the choice is made, the files are shown by nation and council type.
    const done = await compareAll(root, { group_by: "type" });
    if (done) comparison = done;
    message(root, options);
    return render(root);
  }
  message(root, tn("Scoring %(count)s file(s)…", "Scoring %(count)s file(s)…", files.length));
  const done = await compareAll(root, options);
  if (!done) return;
  comparison = done;
  const { all } = done;
  const contributions = all.counts.contributions;
  const skippedFiles = all.counts.skipped + unreadable.length;
  // Babel reads no t() inside a template literal: the parts are joined with +.
  const compared = t("%(assessments)s assessment(s) of %(councils)s council(s) compared", { assessments: all.counts.assessments, councils: all.counts.councils });
  const sources = t("%(contributions)s benchmark contribution(s), %(whole)s whole file(s)", { contributions, whole: all.counts.assessments - contributions });
  const outside = tn("%(count)s council(s) outside the groups chosen", "%(count)s council(s) outside the groups chosen", all.outside.length);
  const skippedSome = tn("%(count)s file(s) skipped (see below)", "%(count)s file(s) skipped (see below)", skippedFiles);
  message(root, compared + (contributions ? " (" + sources + ")" : "") + (all.outside.length ? "; " + outside : "") + (skippedFiles ? "; " + skippedSome : "") + ".");
  render(root);
}

/** @param {ParentNode} root @param {CompareOptions} options */
async function compareAll(root, options) {
  const { region, type } = selection(root);
  // Filtering changes which councils the medians describe: the engine compares the chosen ones
  // again, telling files apart by their place in the list, never by name (two may share one).
  const reply = await call("compare", { files, options, filter: { region, type } });
  if (!reply.ok) {
    message(root, reply.problems.join("; "), true);
    return null;
  }
  fillChoices(root, reply.comparison);
  return { all: reply.comparison, shown: reply.shown, shownFiles: reply.shown_files.map((place) => files[place]), options };
}

// The regions and councils the loaded files hold, for the filter and the council choice (kept as chosen).
/** @param {ParentNode} root @param {Comparison} all */
function fillChoices(root, all) {
  const region = choice(root, "filter-region");
  const current = region.value;
  const regions = [...new Set([...all.rows, ...all.earlier].map((r) => r.council.region).filter(Boolean))].sort();
  replace(region, h("option", { value: "" }, t("All regions")), regions.map((r) => h("option", { value: r }, r)));
  region.value = regions.includes(current) ? current : "";
  /** @type {Map<string, string>} */
  const known = new Map(councils.map((c) => [c.council, c.name]));
  for (const row of all.rows) {
    const code = row.council.code || row.council.ons_code;
    if (code) known.set(code, row.council.name);
  }
  for (const outside of all.outside) {
    const [kind, code] = outside.key.split(":");
    if (kind === "code" || kind === "ons") known.set(code, outside.council);
  }
  councils = [...known].map(([council, name]) => ({ council, name })).sort((a, b) => a.name.localeCompare(b.name));
  const focus = choice(root, "focus");
  const chosen = focus.value;
  replace(focus, h("option", { value: "" }, t("None chosen")), councils.map((c) => h("option", { value: c.council }, c.name)));
  focus.value = councils.some((c) => c.council === chosen) ? chosen : "";
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

// Coverage shades: a fifth of the scale each, the last for all answered. The percentage is always written too.
const COVERAGE_SHADES = [t("Coverage under 25%%"), t("Coverage 25%% to 49%%"), t("Coverage 50%% to 74%%"), t("Coverage 75%% to 99%%"), t("Coverage all answered")];
/** @param {number | null} coverage */
function coverageClass(coverage) {
  if (coverage === null) return "sc-cell--none";
  return `sc-cov-${coverage >= 1 ? 4 : Math.min(3, Math.floor(coverage * 4))}`;
}

/**
/**
 * @typedef {{ asked?: number, answered?: number, score: number | null, coverage: number | null, tier: string | null, note: string, provisional: boolean, gap: number | null }} CellPart
 * @param {CellPart} part
 * @param {Comparison.Labels} labels
 * @param {string} view "scores" or "coverage"
 */
function cell(part, labels, view) {
  if (part.asked === 0) return h("td", { class: "sc-cell sc-cell--na" }, t("Not asked"));
  if (view === "coverage") {
    return h("td", { class: `sc-cell ${coverageClass(part.coverage)}`, "data-coverage": part.coverage ?? "" },
      h("span", { class: "sc-cell__score" }, pct(part.coverage)),
      part.answered === undefined ? null : h("span", { class: "sc-cell__meta" }, t("%(given)s of %(asked)s answered", { given: part.answered, asked: part.asked ?? "" })),
      h("span", { class: "sc-cell__meta" }, part.score === null ? t("not scored")
        : part.tier === null ? t("not rated: left out of the group's figures")
          : part.provisional ? t("provisional: counted") : t("counted")));
  }
  if (part.score === null) return h("td", { class: "sc-cell sc-cell--none" }, t("Not scored"),
    h("span", { class: "sc-cell__meta" }, t("coverage %(share)s", { share: pct(part.coverage) })), part.note ? h("span", { class: "sc-cell__meta" }, part.note) : null);
  // a score without a tier: too little answered to rate, or waiting for a legal duty (the engine says which)
  if (part.tier === null) return h("td", { class: "sc-cell sc-cell--none sc-cell--provisional", "data-score": part.score },
    h("span", { class: "sc-cell__score" }, score(part.score)),
    h("span", { class: "sc-cell__tier" }, t("Not rated")),
    h("span", { class: "sc-cell__meta" }, part.note),
    part.gap === null ? null : h("span", { class: "sc-cell__meta" }, t("%(gap)s vs median", { gap: gap(part.gap) })));
  const tier = part.tier;
  return h("td", { class: `sc-cell ${tierClass(labels, tier)}${part.provisional ? " sc-cell--provisional" : ""}`, "data-score": part.score },
    h("span", { class: "sc-cell__score" }, score(part.score)),
    h("span", { class: "sc-cell__tier" }, part.provisional ? t("%(tier)s (provisional)", { tier: labels.tiers[tier] }) : labels.tiers[tier]),
    h("span", { class: "sc-cell__meta" }, t("coverage %(share)s", { share: pct(part.coverage) })),
    part.gap === null ? null : h("span", { class: "sc-cell__meta" }, t("%(gap)s vs median", { gap: gap(part.gap) })));
}

// What each colour means, for the view shown: the tier (or coverage) is also written in every cell.
/** @param {Comparison} shown @param {string} view */
function colourKey(shown, view) {
  const items = view === "coverage"
    ? COVERAGE_SHADES.map((words, i) => [`sc-cov-${i}`, words])
    : [...Object.entries(shown.labels.tiers).map(([id, name]) => [tierClass(shown.labels, id), name]),
      ["sc-tier-0 sc-cell--provisional", t("Striped: provisional (not every question answered), counted in the group's figures")],
      ["sc-cell--none sc-cell--provisional", t("Grey, striped: not rated (a score without a tier), left out of the group's figures")]];
  items.push(["sc-cell--na", t("Grey: not asked of the council, or not scored")]);
  return h("div", { "data-sc": "key" },
    h("h2", { class: "sc-visually-hidden" }, t("Colour key")),
    h("ul", { class: "sc-key", "aria-label": t("Colour key") },
      items.map(([cls, words]) => h("li", {}, h("span", { class: `sc-swatch ${cls}`, "aria-hidden": "true" }), words))));
}

/** @param {string} label @param {Comparison.Stats} stats @param {(stat: Comparison.Stat) => string} pick */
function statRow(label, stats, pick) {
  return h("tr", { class: "sc-stat-row" }, h("th", { scope: "row" }, label),
    [stats.overall, ...stats.themes].map((s) => h("td", {}, s.hidden ? t("hidden") : s.n ? pick(s) : "–")));
}

// One table per group: councils of the same nation and type (or as chosen), with the group's figures.
/** @param {ParentNode} root @param {Comparison} shown @param {string} view */
function heatmaps(root, shown, view) {
  return shown.groups.map((group) => {
    const rows = shown.rows.filter((row) => row.group === group.id);
    return h("section", { class: "sc-group", "data-sc": "compare-group", "data-group": group.id },
      h("h2", {}, tn("%(group)s (%(count)s council)", "%(group)s (%(count)s councils)", group.councils, { group: group.title })),
      h("div", { class: "sc-heatmap-scroll", role: "region", tabindex: "0", "aria-label": t("Scores: %(group)s", { group: group.title }) },
        heatmap(root, shown, rows, group, view)));
  });
}

/** @param {ParentNode} root @param {Comparison} shown @param {Comparison.Row[]} groupRows @param {Comparison.Group} group @param {string} view */
function heatmap(root, shown, groupRows, group, view) {
  const rows = sortRows(root, groupRows);
  const focus = shown.focus?.key;
  const caption = view === "coverage"
    ? t("%(group)s: latest assessment of each council (%(count)s): coverage (how much of each theme is answered)", { group: group.title, count: rows.length })
    : t("%(group)s: latest assessment of each council (%(count)s): score, tier, coverage and gap to the group's median", { group: group.title, count: rows.length });
  return h("table", { class: "sc-heatmap", "data-sc": "heatmap" },
    h("caption", {}, caption),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("Council")), h("th", { scope: "col" }, t("Overall")),
      shown.themes.map((t) => h("th", { scope: "col" }, t.title)))),
    h("tbody", {}, rows.map((row) => h("tr", { "data-council": row.council.name, class: row.key === focus ? "sc-row--focus" : null },
      h("th", { scope: "row" }, row.council.name,
        row.key === focus ? h("span", { class: "sc-cell__meta sc-chosen" }, t("The council chosen")) : null,
        h("span", { class: "sc-cell__meta" }, `${row.council_type_name}${row.council.region ? ", " + row.council.region : ""}`),
        h("span", { class: "sc-cell__meta" }, row.source === "contribution"
          ? t("%(date)s, bank %(version)s, contribution", { date: row.assessment_date, version: row.bank_version })
          : t("%(date)s, bank %(version)s", { date: row.assessment_date, version: row.bank_version }))),
      cell({ ...row.overall, asked: 1 }, shown.labels, view),
      row.themes.map((t) => cell(t, shown.labels, view))))),
    view === "coverage" ? null : h("tfoot", {},
      statRow(t("Group median"), group.stats, (s) => num(s.median)),
      statRow(t("Middle half (quartiles)"), group.stats, (s) => `${num(s.lower_quartile)} – ${num(s.upper_quartile)}`),
      statRow(t("Range"), group.stats, (s) => `${num(s.min)} – ${num(s.max)}`),
      statRow(t("Councils counted"), group.stats, (s) => counted(s.n, s.provisional_counted, s.not_rated_left_out))));
}

// How many councils a group's figure counts: "7 (2 provisional); 1 not rated, left out".
/** @param {number | null} n @param {number | null | undefined} provisional @param {number | null | undefined} leftOut */
function counted(n, provisional, leftOut) {
  return String(n ?? "–") + (provisional ? " " + t("(%(count)s provisional)", { count: provisional }) : "") +
    (leftOut ? "; " + t("%(count)s not rated, left out", { count: leftOut }) : "");
}

// For coordinators: what each council still lacks before its themes, and so its overall, can be rated.
/** @param {Comparison} shown */
function coverage(shown) {
  const lacking = shown.coverage.filter((c) => c.missing.length);
  if (!lacking.length) return null;
  return [h("h2", { id: "coverage" }, t("What is missing before each council can be rated")),
    h("div", { class: "sc-heatmap-scroll", role: "region", tabindex: "0", "aria-label": t("What is missing") },
      h("table", { class: "sc-coverage", "data-sc": "coverage" },
        h("caption", {}, t("Councils with a theme not rated yet: themes rated, questions answered, and what each theme still needs")),
        h("thead", {}, h("tr", {}, [t("Council"), t("Assessed"), t("Themes rated"), t("Answered"), t("Not rated yet")].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, lacking.map((c) => h("tr", { "data-council": c.council },
          h("th", { scope: "row" }, c.council || t("Council name not given")),
          h("td", {}, c.assessment_date),
          h("td", {}, t("%(given)s of %(asked)s", { given: c.rated_themes, asked: c.themes })),
          h("td", {}, pct(c.coverage)),
          h("td", {}, h("ul", {}, c.missing.map((m) => h("li", {}, `${m.title}: ${m.note}`))))))))),
  ];
}

// The evidence behind each council's answers, in shares only (the comparison carries no evidence text): of the
// questions answered, the share with evidence, and of that evidence, the share at each strength.
/** @param {Comparison} shown */
function evidenceShares(shown) {
  const strengths = Object.entries(shown.evidence_strengths);
  const rows = shown.rows.filter((r) => r.evidence.share !== null);
  if (!rows.length) return null;
  return [h("h2", { id: "evidence" }, t("Evidence behind the answers")),
    h("p", {}, t("Shares only: no evidence text is in the comparison. A benchmark contribution carries no strengths (shown as a dash); a council in a group whose figures are hidden for sharing shows none.")),
    h("div", { class: "sc-heatmap-scroll", role: "region", tabindex: "0", "aria-label": t("Evidence behind the answers") },
      h("table", { class: "sc-coverage", "data-sc": "evidence-shares" },
        h("caption", {}, t("Of each council's answers, the share with evidence; of that evidence, the share at each strength")),
        h("thead", {}, h("tr", {}, [t("Council"), t("Answers with evidence"), ...strengths.map(([, name]) => name)].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, rows.map((r) => h("tr", { "data-council": r.council.name },
          h("th", { scope: "row" }, r.council.name || t("Council name not given")),
          h("td", {}, pct(r.evidence.share)),
          strengths.map(([id]) => h("td", {}, r.evidence.strengths[id] === null ? "–" : pct(r.evidence.strengths[id])))))))),
  ];
}

// The chosen council's position in its group, in the engine's words.
/** @param {Comparison} shown */
function position(shown) {
  const focus = shown.focus;
  if (!focus) return null;
  return h("section", { class: "sc-position", "data-sc": "position" },
    h("h2", { id: "position" }, t("Where %(council)s stands", { council: focus.council })),
    h("p", {}, t("Among %(group)s: each figure against the group's median and quartiles.", { group: focus.group_title })),
    h("ul", {}, focus.figures.map((f) => h("li", { "data-figure": f.id }, f.words))));
}

// How the chosen council's similar councils were found, each with its figures and distance, and the
// coordinator's way to see the list as a CSV, and to give their own instead.
/** @param {ParentNode} root */
function similarPanel(root) {
  if (!similar || choice(root, "group-by").value !== "similar") return null;
  const found = similar.similar;
  const here = new Set(councils.map((c) => c.council));
  const listed = similar.chosen ? new Set(similar.chosen) : null;
  const number = (/** @type {number} */ n) => n.toLocaleString("en-GB");
  return h("section", { class: "sc-similar", "data-sc": "similar" },
    h("h2", { id: "similar" }, t("Councils like %(council)s", { council: found.council.name })),
    found.method.map((sentence) => h("p", {}, sentence)),
    similar.chosen ? h("p", { class: "admonition note", "data-sc": "similar-own" },
      t("You are using your own list (%(file)s):", { file: similar.chosenFrom }), " ", similar.group.method?.join(" ") || "") : null,
    h("div", { class: "sc-table-scroll", role: "region", tabindex: "0", "aria-label": t("Similar councils") },
      h("table", { class: "sc-summary sc-similar-table", "data-sc": "similar-table" },
        h("caption", {}, t("The computed list: population (2020), density, standardised measures and distance")),
        h("thead", {}, h("tr", {}, ["#", t("Council"), t("Population"), t("People per km²"), t("Log population (standardised)"), t("Log density (standardised)"), t("Distance"), t("In the files loaded")]
          .map((heading, i) => h("th", { scope: "col", class: i > 1 && i < 7 ? "sc-num" : null }, heading)))),
        h("tbody", {}, [{ ...found.council, rank: 0, distance: 0 }, ...found.neighbours].map((c) => h("tr", { "data-code": c.code },
          h("td", {}, c.rank ? String(c.rank) : "–"),
          h("th", { scope: "row" }, c.name, c.rank ? null : h("span", { class: "sc-cell__meta" }, t("The council chosen")),
            listed && c.rank && !listed.has(c.code) ? h("span", { class: "sc-cell__meta" }, t("Left out of your list")) : null),
          h("td", { class: "sc-num" }, number(c.population)),
          h("td", { class: "sc-num" }, number(c.density)),
          h("td", { class: "sc-num" }, c.z_population.toFixed(4)),
          h("td", { class: "sc-num" }, c.z_density.toFixed(4)),
          h("td", { class: "sc-num" }, (c.distance ?? 0).toFixed(4)),
          h("td", {}, here.has(c.code) ? t("Yes") : t("No file"))))))),
    h("p", {},
      h("button", { type: "button", class: "md-button", "data-sc": "similar-csv" }, t("Download this list to edit (CSV)")), " ",
      h("label", { class: "md-button sc-file-button", for: "sc-similar-own" }, t("Use my own list (CSV)")),
      h("input", { type: "file", id: "sc-similar-own", class: "sc-visually-hidden", accept: ".csv,text/csv", "data-sc": "similar-own-file" }), " ",
      similar.chosen ? h("button", { type: "button", class: "md-button", "data-sc": "similar-computed" }, t("Use the computed list again")) : null));
}

// The outcome indicators the councils recorded (never scored): a table for each indicator any council gave.
/** @param {Comparison} shown */
function indicatorTables(shown) {
  const given = shown.indicators.filter((ind) => shown.rows.some((r) => r.indicators.some((i) => i.id === ind.id && i.counts.some((c) => c.value !== null))));
  if (!given.length) return null;
  return h("section", { "data-sc": "indicators" },
    h("h2", { id: "indicators" }, t("Outcome indicators")),
    h("p", {}, t("Counts each council recorded for a period, beside its scores and never scored into them: the numbers depend on the size of the area and on how many victims are found.")),
    given.map((ind) => {
      const labels = new Map(ind.counts.map((c) => [c.id, c.label]));
      const rows = shown.rows.filter((r) => r.indicators.some((i) => i.id === ind.id && i.counts.some((c) => c.value !== null)));
      return h("div", { class: "sc-table-scroll", role: "region", tabindex: "0", "aria-label": ind.title },
        h("table", { class: "sc-summary", "data-sc": "indicator-table", "data-indicator": ind.id },
          h("caption", {}, `${ind.title} (${ind.id})`),
          h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("Council")), h("th", { scope: "col" }, t("Period")),
            ind.counts.map((c) => h("th", { scope: "col" }, c.label, c.within ? " " + t("(share of: %(count)s)", { count: labels.get(c.within)?.toLowerCase() ?? "" }) : "")))),
          h("tbody", {}, rows.map((row) => {
            const mine = row.indicators.find((i) => i.id === ind.id);
            return h("tr", {}, h("th", { scope: "row" }, row.council.name),
              h("td", {}, mine?.period ? t("%(from)s to %(to)s", { from: mine.period.from, to: mine.period.to }) : "–"),
              (mine?.counts || []).map((c) => h("td", {}, c.value === null ? "–" : `${c.value}${c.share === null ? "" : ` (${num(c.share)}%)`}`)));
          }))));
    }));
}

// A theme's own target beside its path: "Mature practice: reached", "Substantial progress: 1 tier to go".
/** @param {Comparison} shown @param {Comparison.ThemeSeries | null} series */
function targetCell(shown, series) {
  if (!series || !series.target) return h("td", {}, "–");
  const to = series.tiers_to_target;
  const where = to === 0 ? t("reached") : to === null ? t("no tier yet") : tn("%(count)s tier to go", "%(count)s tiers to go", to);
  return h("td", {}, shown.labels.tiers[series.target] + ": " + where);
}

// "2025-03-31 (file, bank 2026.1), 2026-03-31 (contribution, bank 2026.2)": a trend's dates and where each came from.
/** @param {Comparison["trends"][number]} trend */
function trendDates(trend) {
  return trend.dates.map((date, i) => {
    const version = trend.bank_versions[i];
    return trend.sources[i] === "contribution" ? t("%(date)s (contribution, bank %(version)s)", { date, version }) : t("%(date)s (file, bank %(version)s)", { date, version });
  }).join(", ");
}

/** @param {Comparison} shown */
function trends(shown) {
  if (!shown.trends.length && !shown.group_trends.length) return null;
  const titles = new Map(shown.themes.map((t) => [t.id, t.title]));
  return [
    shown.trends.length ? h("h2", { id: "trends" }, t("Progress over time")) : null,
    shown.trends.map((trend) => h("section", { class: "sc-trend", "data-sc": "trend" },
      h("h3", {}, trend.council),
      h("table", { class: "sc-heatmap" },
        h("caption", {}, t("Scores by date: %(dates)s", { dates: trendDates(trend) })),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("Theme")), trend.dates.map((d) => h("th", { scope: "col" }, d)),
          h("th", { scope: "col" }, t("Change")), h("th", { scope: "col" }, t("Own target")))),
        h("tbody", {}, [{ title: t("Overall"), ...trend.overall, measure_changes: [], series: null }, ...trend.themes.map((theme) => ({ ...theme, series: theme }))].map((series) =>
          h("tr", {}, h("th", { scope: "row" }, series.title,
            series.measure_changes.length ? h("span", { class: "sc-cell__meta" }, t("What the bank measures here changed: see the notes")) : null),
            series.points.map((p) => h("td", {}, num(p.score), p.score !== null && p.tier === null ? " " + t("(not rated)") : "")),
            h("td", {}, gap(series.change)),
            targetCell(shown, series.series))))),
      trend.changes.map((change) => change.known
        ? h("details", {},
          h("summary", {}, tn("%(count)s answer(s) changed between %(from)s and %(to)s", "%(count)s answer(s) changed between %(from)s and %(to)s", change.answers.length,
            { from: change.from_date, to: change.to_date })),
          h("ul", {}, change.answers.map((a) => h("li", {}, `${a.question} ${a.text}: ${a.from} → ${a.to}`))))
        : h("p", { class: "sc-hint" }, t("Which answers changed between %(from)s and %(to)s is not known: a contribution was sent without its answers.", { from: change.from_date, to: change.to_date }))))),
    shown.group_trends.length ? h("h2", { id: "group-trends" }, t("Groups over time")) : null,
    shown.group_trends.map((group) => h("section", { class: "sc-trend", "data-sc": "group-trend" },
      h("h3", {}, group.title),
      h("table", { class: "sc-heatmap" },
        h("caption", {}, t("Median of the latest assessment of each council in the year (councils counted: rated ones, provisional included; a score without a tier is left out)")),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, t("Theme")), group.years.map((y) => h("th", { scope: "col" }, t("%(year)s (%(count)s councils)", { year: y.year, count: y.councils }))))),
        h("tbody", {}, [[t("Overall"), group.years.map((y) => y.overall)], ...group.years[0].themes.map((t, i) => [titles.get(t.id) || t.id, group.years.map((y) => y.themes[i])])]
          .map(([title, figures]) => h("tr", {}, h("th", { scope: "row" }, /** @type {string} */ (title)),
            /** @type {Comparison.GroupYearFigure[]} */ (figures).map((f) => h("td", {}, f.hidden ? t("hidden") : `${num(f.median)} (${f.n})`)))))))),
  ];
}

/** @param {Comparison} all */
function skipped(all) {
  const list = [...unreadable, ...all.skipped];
  if (!list.length) return null;
  return [h("h2", { id: "skipped" }, t("Files not compared")),
    h("ul", { "data-sc": "skipped-list" }, list.map((s) => h("li", {}, h("strong", {}, s.file), `: ${s.reason}`)))];
}

/** @param {ParentNode} root */
function render(root) {
  part(root, "compare-controls").hidden = !comparison;
  part(root, "open-data").hidden = !comparison || !comparison.shown.rows.length;
  if (!comparison) {
    for (const hook of ["compare-notes", "compare-heatmap", "compare-coverage", "compare-trends", "compare-skipped", "similar-panel", "compare-position", "colour-key"]) replace(part(root, hook));
    return;
  }
  const { all, shown } = comparison;
  const view = choice(root, "view").value;
  replace(part(root, "example-notice"), example ? exampleNotice() : null);
  replace(part(root, "similar-panel"), similarPanel(root));
  replace(part(root, "compare-position"), position(shown));
  replace(part(root, "compare-notes"), shown.notes.length
    ? h("div", { class: "admonition warning", "data-sc": "like-with-like" }, h("p", { class: "admonition-title" }, t("Comparing like with like")),
      h("ul", {}, shown.notes.map((n) => h("li", {}, n))))
    : null);
  replace(part(root, "colour-key"), shown.rows.length ? colourKey(shown, view) : null);
  replace(part(root, "compare-heatmap"), shown.rows.length ? [heatmaps(root, shown, view), indicatorTables(shown)] : h("p", {}, t("No council matches these filters.")));
  replace(part(root, "compare-coverage"), coverage(shown), evidenceShares(shown));
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
    h("p", { class: "admonition-title" }, t("Invented answers")),
    h("p", {}, t("The example region is real councils of South East England, taken from the UK council register (mySociety, UK local authority names and codes, CC BY 4.0), with answers made up at random to show this page. These are not these councils' results and say nothing about them.")));
}

// Open figures for the groups shown: made by the engine, offered as four files.
/** @param {ParentNode} root */
async function makeOpenFigures(root) {
  if (!comparison) return;
  const box = part(root, "open-result");
  const min = Number(find(root, '[data-sc="open-min"]', HTMLInputElement).value);
  const licence = find(root, '[data-sc="open-licence"]', HTMLInputElement).value.trim();
  const { focus, ...options } = comparison.options;
  const reply = await call("open_figures", {
    files: comparison.shownFiles, options, min_group: min, earlier: earlier.map((e) => e.figures), licence,
  });
  if (!reply.ok) return replace(box, h("p", { class: "sc-error" }, t("No open figures were made: %(problems)s", { problems: reply.problems.join("; ") })));
  const cells = reply.figures.figures;
  const hidden = cells.filter((c) => !c.published);
  const protecting = hidden.filter((c) => c.hidden_because === "complementary").length;
  const stem = example ? "open-figures-example-invented" : "open-figures";
  /** @type {[string, string, string][]} */
  const outputs = [[`${stem}.csv`, "text/csv", reply.csv], [`${stem}.json`, "application/json", JSON.stringify(reply.figures, null, 2) + "\n"],
    [`${stem}-dictionary.csv`, "text/csv", reply.dictionary], [`${stem}-README.txt`, "text/plain", reply.readme]];
  replace(box,
    h("p", { class: "sc-ok", "data-sc": "open-summary" }, protecting
      ? t("%(published)s of %(total)s group figures can be published; %(hidden)s are hidden (%(protecting)s of them so that other hidden figures cannot be worked out).",
        { published: cells.length - hidden.length, total: cells.length, hidden: hidden.length, protecting })
      : t("%(published)s of %(total)s group figures can be published; %(hidden)s are hidden.", { published: cells.length - hidden.length, total: cells.length, hidden: hidden.length })),
    h("p", {}, outputs.map(([name, type, text]) => {
      const button = h("button", { type: "button", class: "md-button", "data-sc": "open-download", "data-file": name }, t("Download %(name)s", { name }));
      button.addEventListener("click", () => download(name, type, text));
      return [button, " "];
    })),
    h("div", { class: "sc-table-scroll", role: "region", tabindex: "0", "aria-label": t("Open figures") },
      h("table", { class: "sc-summary", "data-sc": "open-table" },
        h("caption", {}, t("%(title)s: the overall figure of each group (every theme is in the files)", { title: reply.figures.title })),
        h("thead", {}, h("tr", {}, [t("Group"), t("Councils counted"), t("Median"), t("Quartiles"), t("Published")].map((heading) => h("th", { scope: "col" }, heading)))),
        h("tbody", {}, cells.filter((c) => c.figure === "overall").map((c) => h("tr", {},
          h("th", { scope: "row" }, c.group_title),
          h("td", {}, counted(c.councils_counted, c.provisional_counted, c.not_rated_left_out)),
          h("td", {}, num(c.median)),
          h("td", {}, c.published && c.median !== null ? `${num(c.lower_quartile)} – ${num(c.upper_quartile)}` : "–"),
          h("td", {}, c.published ? t("Yes") : c.hidden_because === "complementary" ? t("Hidden: it would give away a hidden figure") : t("Hidden: too few councils"))))))),
    h("p", { class: "sc-hint" }, t("Licence: %(licence)s.", { licence: reply.figures.licence })));
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
  for (const hook of ["filter-region", "filter-type", "group-by", "focus"]) part(root, hook).addEventListener("change", () => run(root));
  for (const hook of ["sort", "sort-order", "view"]) part(root, hook).addEventListener("change", () => render(root));
  const groupsFile = find(root, '[data-sc="groups-file"]', HTMLInputElement);
  groupsFile.addEventListener("change", async () => {
    const file = groupsFile.files?.[0];
    groupsFile.value = "";
    if (!file) return;
    const reply = await call("groups_csv", { text: await file.text(), name: file.name });
    if (!reply.ok) return message(root, t("%(name)s cannot be read: %(problems)s", { name: file.name, problems: reply.problems.join("; ") }), true);
    ownGroups = { name: file.name, groups: reply.groups };
    replace(part(root, "groups-file-name"), `${file.name}: ${reply.groups.map((g) => `${g.title} (${g.codes.length})`).join(", ")}`);
    await run(root);
  });
  const earlierFiles = find(root, '[data-sc="open-earlier"]', HTMLInputElement);
  earlierFiles.addEventListener("change", async () => {
    earlier = [];
    for (const file of earlierFiles.files || []) {
      try {
        earlier.push({ name: file.name, figures: JSON.parse(await file.text()) });
      } catch (error) {
        message(root, t("%(name)s is not an open figures file (figures.json).", { name: file.name }), true);
      }
    }
    earlierFiles.value = "";
    replace(part(root, "open-earlier-names"), earlier.length ? t("Checked against: %(files)s.", { files: earlier.map((e) => e.name).join(", ") }) : t("None: this release is checked on its own."));
  });
  root.addEventListener("change", async (event) => {
    const own = event.target;
    if (!(own instanceof HTMLInputElement) || own.dataset.sc !== "similar-own-file" || !similar) return;
    const file = own.files?.[0];
    if (!file) return;
    const listed = await call("groups_csv", { text: await file.text(), name: file.name });
    if (!listed.ok) return message(root, t("%(name)s cannot be read: %(problems)s", { name: file.name, problems: listed.problems.join("; ") }), true);
    const chosen = listed.groups.flatMap((g) => g.codes);
    const register = await loadRegister();
    const reply = await call("similar", { councils: register.councils, code: similar.code, chosen });
    if (!reply.ok) return message(root, reply.problems.join("; "), true);
    similar = { ...similar, group: reply.group, chosen, chosenFrom: file.name };
    await run(root);
  });
  root.addEventListener("click", async (event) => {
    const button = event.target instanceof Element ? event.target.closest("button[data-sc]") : null;
    if (!(button instanceof HTMLButtonElement) || !similar) return;
    if (button.dataset.sc === "similar-csv") {
      download(`similar-to-${similar.code}.csv`, "text/csv", similar.csv);
    } else if (button.dataset.sc === "similar-computed") {
      similar = { ...similar, group: { ...similar.group, codes: [similar.code, ...similar.similar.neighbours.map((n) => n.code)], method: similar.similar.method }, chosen: null, chosenFrom: "" };
      await run(root);
    }
  });
  part(root, "open-make").addEventListener("click", () => makeOpenFigures(root));
  part(root, "compare-clear").addEventListener("click", () => {
    files = []; unreadable = []; comparison = null; example = false; similar = null; ownGroups = null; councils = [];
    message(root, ""); render(root);
  });
  part(root, "compare-csv").addEventListener("click", async () => {
    if (!comparison) return;
    // A file to share: compared again with the figures of groups under MIN_GROUP councils hidden.
    const options = { ...comparison.options, shareable: true, min_group: MIN_GROUP };
    const reply = await call("compare_csv", { files: comparison.shownFiles, options });
    if (!reply.ok) return message(root, reply.problems.join("; "), true);
    download(example ? "scorecard-comparison-example-invented.csv" : "scorecard-comparison.csv", "text/csv", reply.csv);
    message(root, t("Downloaded for sharing: gaps to the median of any group of fewer than %(count)s councils are left blank.", { count: MIN_GROUP }));
  });
  render(root);
  return () => {};
}
