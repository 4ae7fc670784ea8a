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

// The legal duties of a theme that are not met: answered as not met, or contradicted by another answer (the
// engine's own rule, scoring.py NOT_MET: tests/test_js_rules.py compares them).
/** @param {Result.Theme} theme */
export function failedGates(theme) {
  return theme.gates.filter((g) => g.status === "not_met" || g.status === "contradicted");
}

// "High residual risk (high exposure, early progress)", or why it is not rated.
/** @param {AnyResult} result @param {Result.Theme} theme */
export function riskLine(result, theme) {
  if (!theme.risk_rated) return result.labels.not_risk_rated;
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

// The tier, "provisional", and what holds it down ("Legal duty not met"); or, with no tier, why (the engine's note).
/** @param {AnyResult} result @param {Result.Theme} theme */
export function tierLine(result, theme) {
  if (theme.score === null) return "Answer a question to see a score.";
  if (!theme.tier) return theme.rating_note;
  return `${tierName(result, theme.tier)}${theme.provisional ? " (provisional)" : ""}${theme.tier_note ? ` — ${theme.tier_note}` : ""}`;
}

// Legal duties not met and essential controls not in place: each holds the theme at the lowest tier.
/** @param {AnyResult} result @param {Result.Theme} theme */
export function gateNotice(result, theme) {
  const failed = failedGates(theme);
  const missing = theme.essentials.filter((e) => e.status === "not_met");
  if (!failed.length && !missing.length) return null;
  return h("div", { class: "sc-gate-notice", "data-sc": "gate-notice" },
    h("p", {}, h("strong", {}, theme.tier_note),
      theme.uncapped_tier && theme.tier && theme.uncapped_tier !== theme.tier
        ? ` — the score reaches ${tierName(result, theme.uncapped_tier).toLowerCase()}, but the tier is held at ${tierName(result, theme.tier).toLowerCase()}:`
        : ":"),
    h("ul", {},
      failed.map((g) => h("li", {}, `${g.question}: ${g.law} (${g.status === "not_met" ? "not met" : "contradicted by another answer"})`)),
      missing.map((e) => h("li", {}, `${e.question}: essential control, ${e.control} (not in place)`))));
}

// Pairs of answers that cannot both be true, where either is on this theme's page (the engine's sentences).
/** @param {AnyResult} result @param {string} themeId */
export function contradictionsNotice(result, themeId) {
  const found = result.contradictions.filter((c) => c.themes.includes(themeId));
  if (!found.length) return null;
  return h("div", { class: "sc-gate-notice", "data-sc": "contradictions" },
    h("p", {}, h("strong", {}, `${found.length === 1 ? "Two answers contradict" : "Answers contradict"} each other:`)),
    h("ul", {}, found.map((c) => h("li", {}, c.message))));
}

// Why a local context answer counts higher than it reads ("none known" without a dated source).
/** @param {Result.Theme} theme */
function exposureNotes(theme) {
  const noted = (theme.questions || []).filter((q) => q.exposure_note);
  if (!noted.length) return null;
  return h("ul", { class: "sc-live__notes", "data-sc": "exposure-notes" }, noted.map((q) => h("li", {}, `${q.id}: ${q.exposure_note}`)));
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
  if (!theme.tier) return `${score(theme.score)} out of 100, not rated yet: ${coverage}.`;
  const provisional = theme.provisional ? ` (${result.labels.provisional})` : "";
  const held = theme.tier_note ? ` ${theme.tier_note}.` : "";
  return `${score(theme.score)} out of 100: ${tierName(result, theme.tier)}, ${riskLine(result, theme).toLowerCase()}${provisional}.${held} ${coverage}.`;
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
      h("p", { class: "sc-live__tier", "data-sc": "theme-tier" }, tierLine(result, theme)),
      h("p", { class: "sc-live__risk", "data-sc": "theme-risk" }, riskLine(result, theme)),
      exposureNotes(theme),
      gateNotice(result, theme),
      contradictionsNotice(result, themeId),
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
