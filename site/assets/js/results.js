// The results page: theme table, chart, action list, and saving, sharing and printing.
import { call } from "./engine.js";
import { download, fillIn, find, h, labelCells, linked, replace, scrollRegion } from "./dom.js";
import { longDate, pct, score } from "./format.js";
import { clearAssessment, discardSetAside, getAssessment, savedByNewerVersion } from "./store.js";
import { importFile } from "./importing.js";
import { exportAssessment } from "./saving.js";
import { onScores } from "./scores.js";
import { noScoresHere } from "./browser-check.js";
import { answeredOf, dutiesCount, exposureName, failedGates, riskName, themeApplies, tierName, typeInNation } from "./views.js";
import { showDone, showProblem } from "./feedback.js";
import { t, tn } from "./i18n.js";
import { evidenceCell, fileStem, planCell, plannedCell, replaceKeepingFocus, reviewList, sinceLastYear } from "./yearly.js";

const GUIDANCE = "guidance/";

/** @param {string} link */
function guidanceHref(link) {
  return GUIDANCE + link.replace(".md", ".html");
}

// Legal duties not met and essential controls not in place come first, by name and law: each holds its theme at
// its cap (the bank's rules, written into the page by the build). Then answers that contradict each other, and
// duties the assessment's date leaves out.
/** @param {Result} result @param {{ duty: string, essential: string }} caps */
function dutiesNotice(result, caps) {
  const failed = result.themes.flatMap((theme) => failedGates(theme).map((g) => ({ theme, g })));
  const missing = result.themes.flatMap((theme) => theme.essentials.filter((e) => e.status === "not_met").map((e) => ({ theme, e })));
  if (!failed.length && !missing.length) return null;
  return h("div", { class: "admonition failure sc-gate-notice", "data-sc": "duties" },
    h("p", { class: "admonition-title" }, t("Legal duties and essential controls not met")),
    h("ul", {},
      failed.map(({ theme, g }) => h("li", {}, fillIn(g.status === "not_met"
        ? t("%(question)s (%(theme)s): %(law)s — not met. Until it is met, %(theme)s cannot be rated above %(cap)s.")
        : t("%(question)s (%(theme)s): %(law)s — contradicted by another answer. Until it is met, %(theme)s cannot be rated above %(cap)s."), {
        question: h("a", { href: `themes/${theme.id}.html#q-${g.question}` }, g.question), theme: theme.title, law: g.law, cap: caps.duty }))),
      missing.map(({ theme, e }) => h("li", {},
        fillIn(t("%(question)s (%(theme)s): essential control, %(control)s — not in place. Until it is, %(theme)s cannot be rated above %(cap)s."), {
          question: h("a", { href: `themes/${theme.id}.html#q-${e.question}` }, e.question), theme: theme.title, control: e.control, cap: caps.essential })))));
}

// Legal duties and essential controls answered as met without evidence that counts: each note is the engine's.
/** @param {Result} result */
function unevidencedNotice(result) {
  const found = result.themes.flatMap((theme) => {
    const held = new Set([...theme.gates, ...theme.essentials].filter((g) => g.status === "met_not_evidenced").map((g) => g.question));
    return (theme.questions || []).filter((q) => held.has(q.id) && q.evidence_note).map((q) => ({ theme, q }));
  });
  if (!found.length) return null;
  return h("div", { class: "admonition warning", "data-sc": "unevidenced" },
    h("p", { class: "admonition-title" }, t("Met, not evidenced")),
    h("ul", {}, found.map(({ theme, q }) => h("li", {},
      h("a", { href: `themes/${theme.id}.html#q-${q.id}` }, q.id), ` (${theme.title}): ${q.evidence_note}`))));
}

/** @param {Result} result */
function contradictionsNotice(result) {
  if (!result.contradictions.length) return null;
  return h("div", { class: "admonition warning", "data-sc": "contradictions" },
    h("p", { class: "admonition-title" }, t("Answers that contradict each other")),
    h("ul", {}, result.contradictions.map((c) => h("li", {}, fillIn(t("%(first)s (%(first_answer)s) and %(second)s (%(second_answer)s): %(message)s"), {
      first: h("a", { href: `themes/${c.when.theme}.html#q-${c.when.question}` }, c.when.question), first_answer: c.when.answer,
      second: h("a", { href: `themes/${c.claims.theme}.html#q-${c.claims.question}` }, c.claims.question), second_answer: c.claims.answer,
      message: c.message })))));
}

/** @param {Result} result */
function dutiesByDate(result) {
  if (!result.duties_by_date.length) return null;
  return h("div", { class: "admonition info", "data-sc": "duties-by-date" },
    h("p", { class: "admonition-title" }, t("Legal duties by date")),
    h("ul", {}, result.duties_by_date.map((d) => h("li", {}, d.message))));
}

// The tier a board reads, with "provisional" and what holds it down; or, with no tier, the engine's reason.
/** @param {Result} result @param {Result.Theme} theme */
function tierCell(result, theme) {
  if (!themeApplies(theme)) return t("Not applicable");
  if (theme.score === null) return t("Not scored yet");
  if (!theme.tier) return [t("Not rated"), h("br"), h("span", { class: "sc-hint" }, theme.rating_note)];
  return [theme.provisional ? t("%(tier)s (provisional)", { tier: tierName(result, theme.tier) }) : tierName(result, theme.tier),
    theme.tier_note ? [h("br"), h("strong", {}, theme.tier_note)] : null];
}

/** @param {Result} result @param {{ duty: string, essential: string }} caps */
function summaryTable(result, caps) {
  const rows = result.themes.map((theme) => {
    const applies = themeApplies(theme);
    const duties = failedGates(theme).length;
    return h("tr", {},
      h("th", { scope: "row" }, h("a", { href: `themes/${theme.id}.html` }, theme.title)),
      h("td", {}, score(theme.score)),
      h("td", { "data-sc": "evidenced-score" }, theme.evidenced_score === null ? "–" : score(theme.evidenced_score)),
      h("td", {}, tierCell(result, theme)),
      h("td", {}, !applies ? "–" : dutiesCount(theme) || (theme.gates.length ? t("Met") : t("None"))),
      h("td", {}, !applies ? "–" : theme.risk_rated ? exposureName(result, theme.exposure) : "–"),
      h("td", {}, !applies ? "–" : theme.risk_rated ? riskName(result, theme.risk) : result.labels.not_risk_rated),
      h("td", {}, !applies ? "–" : answeredOf(theme)),
      h("td", {}, !applies ? "–" : evidenceCell(theme)),
      h("td", {}, !applies ? "–" : plannedCell(result, theme)));
  });
  const o = result.overall;
  rows.push(h("tr", { class: "sc-overall" },
    h("th", { scope: "row" }, t("Overall")),
    h("td", {}, score(o.score)),
    h("td", {}, "–"),
    h("td", { "data-sc": "overall-tier" }, o.tier ? (o.provisional ? t("%(tier)s (provisional)", { tier: tierName(result, o.tier) }) : tierName(result, o.tier)) : t("Not rated"),
      o.weakest_note ? [h("br"), h("strong", {}, o.weakest_note)] : null,
      o.rating_note ? [h("br"), h("span", { class: "sc-hint" }, o.rating_note)] : null),
    h("td", {}, o.failed_gates ? t("%(count)s not met", { count: o.failed_gates }) : "–"),
    h("td", {}, "–"),
    h("td", {}, o.risk ? t("Highest: %(risk)s", { risk: riskName(result, o.risk) }) : t("Not rated")),
    h("td", {}, pct(o.coverage)),
    h("td", {}, result.evidence.answered ? t("%(given)s of %(asked)s", { given: result.evidence.with_evidence, asked: result.evidence.answered }) : "–"),
    h("td", {}, "–")));
  const caption = t("Score (0 to 100), the score your documented, in-date evidence supports, maturity tier, legal duties, local exposure, residual risk and answers by theme");
  return [dutiesNotice(result, caps), unevidencedNotice(result), contradictionsNotice(result), dutiesByDate(result),
    scrollRegion(t("Scores by theme"), h("table", { class: "sc-summary", "data-sc": "summary-table" },
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, [t("Theme"), t("Score"), t("Evidenced score"), t("Tier"), t("Legal duties"), t("Exposure"), t("Residual risk"), t("Answered"), t("With evidence"), t("When planned actions are done")].map((c) => h("th", { scope: "col" }, c)))),
      h("tbody", {}, rows))),
    h("p", { class: "sc-hint" }, result.labels.tier_names_note)];
}

// The action list in its three parts (the engine's part names and descriptions): each part a table.
/** @param {Result} result */
function actionsTable(result) {
  if (!result.actions.length) return h("p", {}, t("No actions yet: every question is answered, with the best answer."));
  const parts = Object.keys(result.labels.action_parts);
  return parts.map((id) => {
    const actions = result.actions.filter((a) => a.part === id);
    if (!actions.length) return null;
    return h("section", { class: "sc-action-part", "data-sc": "action-part", "data-part": id },
      h("h3", {}, `${result.labels.action_parts[id]} (${actions.length})`),
      h("p", { class: "sc-hint" }, result.labels.action_part_descriptions[id]),
      labelCells(h("table", { class: "sc-actions sc-cards", "data-sc": "actions-table" },
        h("caption", {}, result.labels.action_parts[id]),
        h("thead", {}, h("tr", {}, ["#", t("Theme"), t("Question"), t("Now"), t("Aim for"), t("Gain"), t("Guidance"), t("Owner, due date, status")].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", {}, actions.map((a) =>
          h("tr", {},
            h("td", {}, a.priority),
            h("td", {}, a.theme_title),
            h("td", {}, h("a", { href: `themes/${a.theme}.html#q-${a.question}` }, a.question), " ", a.text),
            h("td", {}, a.current),
            h("td", {}, a.best),
            h("td", {}, `+${score(a.gain)}`, a.follow_up_gain ? [h("br"), h("span", { class: "sc-hint" }, t("its follow-up questions could add +%(gain)s", { gain: score(a.follow_up_gain) }))] : null),
            h("td", {},
              h("a", { href: guidanceHref(a.guidance[0]) }, t("How to close this gap")),
              a.gates.length ? [h("br"), h("strong", {}, t("Legal duty: %(laws)s", { laws: a.gates.join("; ") }))] : null,
              a.essential ? [h("br"), h("strong", {}, t("Essential control: %(control)s", { control: a.essential }))] : null,
              [h("br"), h("a", { href: guidanceHref(a.next_tier_guidance) }, nextSteps(tierName(result, a.theme_tier)))]),
            h("td", {}, planCell(result.labels.plan_statuses, a.question))))))));
  });
}

/** @param {string | null | undefined} tier the theme's tier's name, if it has one */
function nextSteps(tier) {
  return tier ? t("Next steps from %(tier)s", { tier: tier.toLowerCase() }) : t("Next steps from the first tier");
}

/** @param {Result} result */
function changesNotice(result) {
  const c = result.changes;
  if (!c.version_changed && !c.retired.length && !c.carried_over.length) return null;
  const items = [];
  if (c.version_changed)
    items.push(h("li", {}, t("This assessment was made against question bank %(then)s; it is scored with version %(now)s.", { then: result.assessment_bank_version, now: result.bank_version })));
  for (const moved of c.carried_over) items.push(h("li", {}, t("Your answer to %(from)s now answers the revised question %(to)s.", { from: moved.from, to: moved.to })));
  for (const retired of c.retired) {
    items.push(retired.replaced_by
      ? h("li", {}, t("Question %(question)s was revised as %(new)s, and your answer to it could not carry over. It is kept in the file but no longer scored:", { question: retired.question, new: retired.replaced_by }), " ",
        h("a", { href: `themes/${retired.theme}.html#q-${retired.replaced_by}` }, t("answer %(question)s", { question: retired.replaced_by })), ".")
      : h("li", {}, retired.text
        ? t("Question %(question)s has been retired (“%(text)s”). Your answer is kept in the file but no longer scored.", { question: retired.question, text: retired.text })
        : t("Question %(question)s has been retired. Your answer is kept in the file but no longer scored.", { question: retired.question }),
      retired.reason ? " " + retired.reason : ""));
  }
  return h("div", { class: "admonition info", "data-sc": "bank-changes" }, h("p", { class: "admonition-title" }, t("The questions have changed")), h("ul", {}, items));
}

// The engine reports where the officer corrected the council type's default functions.
/** @param {Result} result */
function functionsNotice(result) {
  const c = result.council;
  const inSentence = (/** @type {string} */ name) => (name.slice(0, 2) === name.slice(0, 2).toUpperCase() ? name : name[0].toLowerCase() + name.slice(1));
  const names = (/** @type {string[]} */ ids) => ids.map((f) => inSentence(result.labels.functions[f])).join(", ");
  const parts = [c.functions_added.length ? t("also runs %(functions)s", { functions: names(c.functions_added) }) : null,
    c.functions_removed.length ? t("does not run %(functions)s", { functions: names(c.functions_removed) }) : null].filter(Boolean);
  const where = typeInNation(result, c.type, c.nation);
  if (!parts.length) return h("p", {}, t("Scored as a %(type)s, with the functions such a council runs.", { type: where }));
  return h("p", { "data-sc": "functions-changed" },
    t("Scored as a %(type)s, with functions changed from its type's defaults: your council %(changes)s.", { type: where, changes: parts.join("; ") }), " ",
    t("Questions for the functions it does not run are left out; questions for those it runs as well are asked."));
}

// Answers the question bank does not know (from a newer version, or an option since removed):
// kept and exported, not scored. The engine says why and what to do; the officer may remove them.
// The engine lists the first hundred and counts the rest (150,000 of them made this page take half a minute).
/** @param {Result} result */
function setAsideNotice(result) {
  const entries = result.changes.set_aside;
  const total = result.changes.set_aside_total;
  if (!entries.length) return null;
  return h("div", { class: "admonition warning", "data-sc": "set-aside" },
    h("p", { class: "admonition-title" }, tn("%(count)s answer(s) set aside, not scored", "%(count)s answer(s) set aside, not scored", total)),
    h("ul", {}, entries.map((entry) => {
      const remove = h("button", { type: "button", class: "md-button sc-danger", "data-sc": "discard-set-aside", "data-question": entry.question },
        t("Remove %(question)s", { question: entry.question }), h("span", { class: "sc-visually-hidden" }, " ", t("from this assessment")));
      remove.addEventListener("click", () => discardSetAside(entry.question));
      // Saved by a newer version of the site: these are its new questions, not stale answers.
      return h("li", { "data-question": entry.question }, entry.message, " ",
        entry.theme ? [h("a", { href: `themes/${entry.theme}.html#q-${entry.question}` }, t("Answer %(question)s again", { question: entry.question })), " "] : null,
        savedByNewerVersion() ? null : remove);
    })),
    total > entries.length ? h("p", { "data-sc": "set-aside-more" }, t("The first %(listed)s are listed here; %(more)s more are set aside too.", { listed: entries.length, more: total - entries.length })) : null,
    h("p", {}, t("Set-aside answers stay in this browser and in exported files until you remove them.")),
    total > 1 && !savedByNewerVersion() ? removeAllButton(total) : null);
}

// Every set-aside answer at once (the engine says which: the page lists only the first hundred), after the officer
// confirms; one write, so the page is scored once.
/** @param {number} total */
function removeAllButton(total) {
  const button = h("button", { type: "button", class: "md-button sc-danger", "data-sc": "discard-all-set-aside" },
    t("Remove all %(count)s set-aside answers", { count: total }));
  button.addEventListener("click", async () => {
    if (!window.confirm(t("Remove all %(count)s set-aside answers and their notes from this assessment? They are not scored; export the assessment first if you may want them back.", { count: total }))) return;
    const reply = await call("set_aside", getAssessment());
    if (reply.ok) discardSetAside(...reply.questions);
    else window.alert(t("The set-aside answers were not removed: %(problems)s", { problems: reply.problems.join("; ") }));
  });
  return button;
}

// Entries the engine cannot use (an evidence date of 20266-01-05, a name that is not one line) and change
// times after now (a clock set wrong): the engine says which and why, and scores the rest.
/** @param {Result} result */
function readingNotice(result) {
  const entries = [...result.changes.entries_set_aside, ...result.changes.times_taken_as_now];
  if (!entries.length) return null;
  return h("div", { class: "admonition warning", "data-sc": "entries-set-aside" },
    h("p", { class: "admonition-title" }, t("Some entries are set aside, the rest is scored")),
    h("ul", {}, entries.map((entry) => h("li", {}, entry.message))));
}

/** @param {Result} result */
function unansweredList(result) {
  if (!result.unanswered.length) return null;
  return h("details", { class: "sc-unanswered" },
    h("summary", {}, tn("%(count)s question(s) still to answer", "%(count)s question(s) still to answer", result.unanswered.length)),
    h("ul", {}, result.unanswered.map((u) => h("li", {}, h("a", { href: `themes/${u.theme}.html#q-${u.question}` }, u.question), " ", u.text))));
}

// Outcome indicators: for each the engine shows this council, fields for its period, counts and note (saved as they
// are typed: site/early/form.js), each count as the engine reads it with last year's and the change (its wording),
// and why the entry is set aside if it is. The fields show what is saved (the store), not the result's copy.
/** @param {Result} result */
function indicatorsSection(result) {
  if (!result.indicators.length) return null;
  const saved = getAssessment().indicators || {};
  return [h("h2", { id: "indicators" }, t("Outcome indicators")),
    h("p", {}, t("Counts your council already holds, each with the period it covers: recorded beside the scores and never scored into them. Last year's figures come from last year's assessment when this year's was started from it. A change from last year is something to explain, not a score.")),
    result.indicators.map((indicator) => {
      const entry = /** @type {Partial<IndicatorFigures>} */ (saved[indicator.id] || {});
      const id = (/** @type {string} */ part) => `sc-ind-${indicator.id}-${part}`;
      const period = { from: entry.from ?? indicator.suggested_period.from, to: entry.to ?? indicator.suggested_period.to };
      return h("fieldset", { class: "sc-indicator", "data-sc": "indicator", "data-indicator": indicator.id, id: `ind-${indicator.id}` },
        h("legend", {}, h("span", { class: "sc-qid" }, indicator.id), ` ${indicator.title}`),
        h("p", { class: "sc-help" }, indicator.help),
        h("p", { class: "sc-hint" }, indicator.outcome ? [t("Core outcome: %(outcome)s.", { outcome: indicator.outcome }), " "] : "",
          indicator.duty ? [t("Legal duty: %(duty)s.", { duty: indicator.duty }), " "] : "",
          h("a", { href: guidanceHref(indicator.guidance) }, t("Guidance"))),
        indicator.problems.length ? h("div", { class: "sc-error", "data-sc": "indicator-problems" },
          h("p", {}, t("These figures are kept but not used until they are corrected:")), h("ul", {}, indicator.problems.map((p) => h("li", {}, p)))) : null,
        h("div", { class: "sc-indicator__period" },
          h("label", { for: id("from") }, t("Period from")), h("input", { type: "date", id: id("from"), "data-field": "from", value: period.from }),
          h("label", { for: id("to") }, t("to")), h("input", { type: "date", id: id("to"), "data-field": "to", value: period.to })),
        scrollRegion(indicator.title, h("table", { class: "sc-indicator__counts" },
          h("caption", { class: "sc-visually-hidden" }, t("%(indicator)s: this year's figures and last year's", { indicator: indicator.title })),
          h("thead", {}, h("tr", {}, [t("Count"), t("This year"), t("As read"), t("Since last year")].map((c) => h("th", { scope: "col" }, c)))),
          h("tbody", {}, indicator.counts.map((count) => h("tr", { "data-count-row": count.id },
            h("th", { scope: "row" }, h("label", { for: id(count.id) }, count.label)),
            h("td", {}, h("input", { type: "text", inputmode: "numeric", id: id(count.id), "data-count": count.id, size: 7, autocomplete: "off",
              value: entry.counts?.[count.id] === undefined ? "" : String(entry.counts[count.id]) })),
            h("td", { "data-sc": "indicator-read" }, count.text),
            h("td", { "data-sc": "indicator-trend" }, count.trend)))))),
        indicator.previous_period_text ? h("p", { class: "sc-hint" }, t("Last year's period: %(period)s.", { period: indicator.previous_period_text })) : null,
        h("label", { for: id("note"), class: "sc-indicator__note" }, t("Note (optional): where the figures come from, or what explains a change")),
        h("input", { type: "text", id: id("note"), "data-field": "note", maxlength: 10000, value: entry.note || "", autocomplete: "off" }));
    })];
}

// Nothing answered yet (a colleague opening the site for the first time, say): where to begin.
function emptyState() {
  return h("div", { class: "sc-inset", "data-sc": "empty-results" },
    h("p", {}, h("strong", {}, t("No questions are answered yet.")), " ",
      linked(t("Start with the [first theme], or, if a colleague sent you an assessment file, [import it] with Import an assessment file."),
        "index.html#themes", "#save")));
}

/** @type {ChartInstance | null} */
let chart = null;
/** @returns {Promise<ChartConstructor>} */
function loadChartLibrary() {
  if (window.Chart) return Promise.resolve(window.Chart);
  return new Promise((resolve, reject) => {
    const script = h("script", { src: new URL("../vendor/chart.umd.min.js", import.meta.url).href });
    script.onload = () => (window.Chart ? resolve(window.Chart) : reject(new Error("chart library missing")));
    script.onerror = () => reject(new Error("chart library missing"));
    document.head.append(script);
  });
}

/** @param {HTMLCanvasElement} canvas @param {Result} result */
async function drawChart(canvas, result) {
  const themes = result.themes.filter(themeApplies);
  const Chart = await loadChartLibrary();
  if (chart) chart.destroy();
  chart = new Chart(canvas, {
    type: "bar",
    data: {
      labels: themes.map((theme) => (theme.score === null ? t("%(theme)s (not scored yet)", { theme: theme.title }) : theme.title)), // not a score of 0
      datasets: [{ label: t("Score (0-100)"), data: themes.map((theme) => theme.score ?? 0), backgroundColor: "#3949ab" }],
    },
    options: {
      indexAxis: "y",
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: { x: { min: 0, max: 100, title: { display: true, text: t("Score") } } },
      plugins: { legend: { display: false } },
    },
  });
}

// Without the engine there is no action list (it is worked out from the answers), but the action plan saved so far
// stays here to keep up to date: each entry's owner, due date, status and note. The status names are the engine's,
// written into the page by the build (data-plan-statuses).
/** @param {HTMLElement} root @returns {HTMLElement | null} */
function savedPlan(root) {
  const plan = getAssessment().action_plan || {};
  const ids = Object.keys(plan).sort();
  if (!ids.length) return null;
  const statuses = JSON.parse(root.dataset.planStatuses || "{}");
  return h("div", { "data-sc": "saved-plan" },
    h("p", {}, t("Your action plan so far, by question. The list of actions needs the scoring engine; these entries can still be kept up to date.")),
    h("ul", { class: "sc-saved-plan" }, ids.map((id) => h("li", {}, h("strong", {}, id), " ", planCell(statuses, id)))));
}

/** @param {HTMLElement} root */
export function mountResults(root) {
  const part = (/** @type {string} */ hook) => find(root, `[data-sc="${hook}"]`);
  const body = part("results-body");
  const slot = part("message");
  part("print").addEventListener("click", () => window.print());
  part("export-json").addEventListener("click", async () => {
    /** @type {AnyAssessment | undefined} */
    let file;
    if (find(root, '[data-sc="export-no-names"]', HTMLInputElement).checked) {
      // names and times are the engine's to leave out (engine/sharing.py says what goes)
      const reply = await call("export_without_names", getAssessment());
      if (!reply.ok) return showProblem(slot, t("The assessment could not be exported."), reply.problems);
      file = reply.assessment;
    }
    const name = exportAssessment(file);
    showDone(slot, t("Saved %(name)s to your device", { name }), [h("p", {},
      t("Find it in your browser's downloads and keep it where your council backs files up: it is the only copy outside this browser. Import it here, or in another browser, to carry on."))]);
  });
  part("export-csv").addEventListener("click", async () => {
    const assessment = getAssessment();
    // absolute guidance links, so they work in a spreadsheet: this site's own address
    const reply = await call("actions_csv", { assessment, site_url: new URL(".", location.href).href });
    if (!reply.ok) return showProblem(slot, t("The action plan could not be made."), reply.problems);
    const name = `${fileStem(assessment)}-action-plan.csv`;
    download(name, "text/csv", reply.csv);
    showDone(slot, t("Saved %(name)s to your device", { name }), [h("p", {}, t("It opens in a spreadsheet; the command line's scorecard plan import reads it back."))]);
  });
  // The statement answers in the Modern Slavery Statement Registry's summary fields, to copy into the registry.
  for (const format of /** @type {const} */ (["csv", "json"])) {
    part(`export-registry-${format}`).addEventListener("click", async () => {
      const assessment = getAssessment();
      const reply = await call("statement_summary", assessment);
      if (!reply.ok) return showProblem(slot, t("The statement summary could not be made."), reply.problems);
      const name = `${fileStem(assessment)}-statement-summary.${format}`;
      if (format === "csv") download(name, "text/csv", reply.csv);
      else download(name, "application/json", JSON.stringify(reply.summary, null, 2) + "\n");
      showDone(slot, t("Saved %(name)s to your device", { name }), [h("p", {}, t("Copy its fields into the Modern Slavery Statement Registry's summary."))]);
    });
  }
  const input = find(root, '[data-sc="import"]', HTMLInputElement);
  input.addEventListener("change", async () => {
    if (input.files?.[0]) await importFile(root, input.files[0]);
    input.value = "";
  });
  const dialog = find(document, '[data-sc="confirm-dialog"]', HTMLDialogElement);
  part("start-again").addEventListener("click", () => dialog.showModal());
  dialog.addEventListener("close", () => {
    if (dialog.returnValue === "confirm") {
      const cleared = clearAssessment();
      const what = [tn("%(count)s answer", "%(count)s answers", cleared.answers), tn("%(count)s note", "%(count)s notes", cleared.notes),
        cleared.name ? t("your name") : "",
        cleared.keptAside ? tn("%(count)s copy of saved data that could not be read", "%(count)s copies of saved data that could not be read", cleared.keptAside) : ""]
        .filter(Boolean);
      showDone(part("start-again-message"), t("Deleted from this browser"), [
        h("p", {}, t("%(what)s. Nothing of this assessment is left on this device.", { what: what.join(", ") })),
        h("p", {}, linked(t("Choose your council on the [home page] to start again."), "index.html#about-your-council"))]);
    }
  });

  const stopScores = onScores((scores) => {
    const assessment = getAssessment();
    const council = part("results-council");
    council.textContent = assessment.council.name ? t("%(council)s, assessed %(date)s", { council: assessment.council.name, date: longDate(assessment.assessment_date) || "" }) : "";
    if (!scores.result) {
      const reason = scores.reason === "no-council-type"
        ? h("p", {}, linked(t("Choose your council type on the [home page] to see results."), "index.html#about-your-council"))
        : scores.reason === "loading"
          ? h("p", {}, t("Loading the scoring engine…"))
          : scores.reason === "engine-unavailable"
            ? noScoresHere()
            : h("div", { class: "sc-error" }, h("p", {}, t("These answers cannot be scored:")), h("ul", {}, scores.problems.map((p) => h("li", {}, p))));
      replace(body, reason);
      replace(part("results-functions"));
      replaceKeepingFocus(part("actions"), scores.reason === "engine-unavailable" ? savedPlan(root) : null);
      return;
    }
    const result = /** @type {Result} */ (scores.result); // a full result: this listener asked for the actions
    replace(part("results-functions"), functionsNotice(result));
    replace(body, Object.keys(assessment.answers).length ? null : emptyState(), summaryTable(result, { duty: root.dataset.gateCap || "", essential: root.dataset.essentialCap || "" }));
    replaceKeepingFocus(part("actions"), actionsTable(result));
    replaceKeepingFocus(part("last-year"), reviewList(result), sinceLastYear(result));
    replaceKeepingFocus(part("indicators"), indicatorsSection(result));
    replace(part("changes"), readingNotice(result), setAsideNotice(result), changesNotice(result));
    replace(part("unanswered"), unansweredList(result));
    drawChart(find(root, '[data-sc="chart"]', HTMLCanvasElement), result).catch(() => {});
  }, { actions: true });
  return () => {
    stopScores();
    if (chart) chart.destroy();
    chart = null;
  };
}
