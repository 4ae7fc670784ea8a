// Rendering engine results into the page. Only presentation: every number shown comes
// from the Python engine's result.
import { findAll, h, replace } from "./dom.js";
import { pct, score } from "./format.js";

/** @param {AnyResult} result @param {string | null | undefined} id */
export function tierName(result, id) {
  return id ? result.labels.tiers[id] : "";
}

/** @param {AnyResult} result @param {string | null | undefined} id */
export function riskName(result, id) {
  return id ? result.labels.risks[id] : "Risk not rated";
}

/** @param {AnyResult} result @param {string | null | undefined} id */
export function exposureName(result, id) {
  return id ? result.labels.exposure[id] : "Exposure not rated";
}

// A theme applies to the council when it asks any of its questions, or would once their parents are answered.
/** @param {Result.Theme} theme */
export function themeApplies(theme) {
  return theme.asked > 0 || theme.not_asked > 0;
}

// The legal duties of a theme that are not met or not evidenced, as the engine named them (the engine's own
// rule, scoring.py FAILED: tests/test_js_rules.py compares them).
/** @param {Result.Theme} theme */
export function failedGates(theme) {
  return theme.gates.filter((g) => g.status === "not_met" || g.status === "not_evidenced");
}

// "High residual risk (high exposure, early progress)", or why it is not rated.
/** @param {AnyResult} result @param {Result.Theme} theme */
export function riskLine(result, theme) {
  if (!theme.risk) return theme.exposure ? "Risk not rated: no tier yet" : `Risk not rated: answer ${contextNeeded(result, theme)}`;
  return `${riskName(result, theme.risk)} (${exposureName(result, theme.exposure).toLowerCase()}, ${tierName(result, theme.tier).toLowerCase()})`;
}

// "DIS-01 and LIC-02 (Licensing and regulatory services)": the context questions exposure waits for, and where.
/** @param {AnyResult} result @param {Result.Theme} theme */
function contextNeeded(result, theme) {
  const needed = theme.context_needed || [];
  if (!needed.length) return "the local context questions";
  const where = (/** @type {{ question: string, theme: string }} */ n) => n.theme === theme.id ? n.question : `${n.question} (${result.themes.find((t) => t.id === n.theme)?.title || n.theme})`;
  const names = needed.map(where);
  const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `the local context question${needed.length === 1 ? "" : "s"} ${list}`;
}

/** @param {AnyResult} result @param {Result.Theme} theme */
export function gateNotice(result, theme) {
  const failed = failedGates(theme);
  if (!failed.length) return null;
  return h("div", { class: "sc-gate-notice", "data-sc": "gate-notice" },
    h("p", {}, h("strong", {}, `Legal ${failed.length === 1 ? "duty" : "duties"} not met or not evidenced`),
      theme.uncapped_tier && theme.uncapped_tier !== theme.tier
        ? ` — the score reaches ${tierName(result, theme.uncapped_tier).toLowerCase()}, but the tier is held at ${tierName(result, theme.tier).toLowerCase()}:`
        : ":"),
    h("ul", {}, failed.map((g) => h("li", {}, `${g.question}: ${g.law} (${g.status === "not_met" ? "not met" : "not evidenced: answer the question"})`))));
}

/** @param {import("./scores.js").Scores} scores */
function waiting(scores) {
  if (scores.reason === "no-council-type") return [h("p", {}, "Choose your council type to see scores.")];
  if (scores.reason === "loading") return [h("p", {}, "Loading the scoring engine… You can start answering now.")];
  if (scores.reason === "engine-failed" || scores.reason === "engine-stopped") {
    const what = scores.reason === "engine-failed" ? "could not start" : "stopped (reload the page to start it again)";
    return [h("p", { class: "sc-error" }, `The scoring engine ${what}: ${scores.problems.join("; ")}. Your answers are still saved on this device.`)];
  }
  if (scores.reason === "invalid")
    return [h("p", { class: "sc-error" }, "These answers cannot be scored: "), h("ul", {}, scores.problems.map((p) => h("li", {}, p)))];
  return null;
}

// "5 of 8 (62%)": questions answered (or not applicable) of those asked.
/** @param {Result.Theme} theme */
export function answeredOf(theme) {
  return `${theme.answered + theme.not_applicable} of ${theme.asked} (${pct(theme.coverage)})`;
}

/** @param {AnyResult} result @param {Result.Theme} theme */
export function themeSummary(result, theme) {
  if (theme.asked === 0) return "Not applicable to this type of council";
  const coverage = `answered ${answeredOf(theme)}`;
  if (theme.score === null) return `Not scored yet: ${coverage}`;
  const provisional = theme.provisional ? ` (${result.labels.provisional})` : "";
  const duties = failedGates(theme).length ? ` ${failedGates(theme).length} legal duty not met.` : "";
  return `${score(theme.score)} out of 100: ${tierName(result, theme.tier)}, ${riskLine(result, theme).toLowerCase()}${provisional}.${duties} ${coverage}.`;
}

/** @param {HTMLElement} panel @param {string} themeId @param {import("./scores.js").Scores} scores */
export function renderLiveScore(panel, themeId, scores) {
  const result = scores.result;
  const theme = result?.themes.find((t) => t.id === themeId);
  if (!result || !theme) return replace(panel, waiting(scores));
  const parts = [];
  if (theme.asked === 0) {
    parts.push(h("p", {}, "None of these questions apply to your type of council."));
  } else {
    parts.push(
      h("p", { class: "sc-live__score" },
        h("span", { class: "sc-live__number", "data-sc": "theme-score" }, score(theme.score)),
        h("span", { class: "sc-live__outof" }, " / 100")),
      h("p", { class: "sc-live__tier", "data-sc": "theme-tier" },
        theme.score === null ? "Answer a question to see a score." : `${tierName(result, theme.tier)}${theme.provisional ? " (provisional)" : ""}`),
      h("p", { class: "sc-live__risk", "data-sc": "theme-risk" }, riskLine(result, theme)),
      gateNotice(result, theme),
      h("p", { class: "sc-live__coverage", "data-sc": "theme-coverage" },
        `${theme.answered + theme.not_applicable} of ${theme.asked} questions answered (${pct(theme.coverage)})`),
    );
  }
  replace(panel, parts);
}

/** @param {HTMLElement} list @param {import("./scores.js").Scores} scores */
export function renderThemeProgress(list, scores) {
  const result = scores.result;
  for (const slot of findAll(list, '[data-sc="theme-progress"]')) {
    const theme = result && result.themes.find((t) => t.id === slot.dataset.theme);
    slot.textContent = result && theme ? themeSummary(result, theme) : "";
  }
}
