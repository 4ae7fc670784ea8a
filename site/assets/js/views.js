// Rendering engine results into the page. Only presentation: every number shown comes
// from the Python engine's result.
import { fillIn, findAll, h, replace } from "./dom.js";
import { pct, score } from "./format.js";
import { t, tn } from "./i18n.js";

/** @param {AnyResult} result @param {string | null | undefined} id */
export function tierName(result, id) {
  return id ? result.labels.tiers[id] : "";
}

/** @param {AnyResult} result @param {string | null | undefined} id */
export function riskName(result, id) {
  return id ? result.labels.risks[id] : t("Risk not rated");
}

/** @param {AnyResult} result @param {string | null | undefined} id */
export function exposureName(result, id) {
  return id ? result.labels.exposure[id] : t("Exposure not rated");
}

// A theme applies to the council when it asks any of its questions, or would once their parents are answered.
/** @param {Result.Theme} theme */
export function themeApplies(theme) {
  return theme.asked > 0 || theme.not_asked > 0;
}

// "Unitary authority (England)", "County council (England)": a council type and its nation, once.
/** @param {AnyResult} result @param {string} type @param {string} nation */
export function typeInNation(result, type, nation) {
  const name = result.labels.council_types[type] || type;
  const where = result.labels.nations[nation] || nation;
  return name.includes(where) ? name : `${name} (${where})`;
}

// The legal duties of a theme that are not met: answered as not met, or contradicted by another answer (the
// engine's own rule, scoring.py NOT_MET: tests/test_js_rules.py compares them).
/** @param {Result.Theme} theme */
export function failedGates(theme) {
  return theme.gates.filter((g) => g.status === "not_met" || g.status === "contradicted");
}

// A question's id as a link to it on its theme page; `base` leads from this page to the site's top folder.
/** @param {string} id @param {string} themeId @param {string} [base] */
function questionLink(id, themeId, base = "") {
  return h("a", { href: `${base}themes/${themeId}.html#q-${id}` }, id);
}

// "High residual risk: medium exposure, early progress", or why it is not rated (the questions it waits for, linked).
/** @param {AnyResult} result @param {Result.Theme} theme @param {string} [base] @returns {Child} */
function riskSentence(result, theme, base = "../") {
  if (!theme.risk_rated) return result.labels.not_risk_rated;
  if (!theme.risk) return theme.exposure ? t("Risk not rated: no tier yet.") : contextNeeded(result, theme, base);
  return `${riskName(result, theme.risk)}: ${exposureName(result, theme.exposure).toLowerCase()}, ${tierName(result, theme.tier).toLowerCase()}.`;
}

// "Risk not rated: answer the local context questions DIS-01 and LIC-02 (Licensing and regulatory services).": the
// context questions exposure waits for, and where, each linked.
/** @param {AnyResult} result @param {Result.Theme} theme @param {string} base @returns {Child} */
function contextNeeded(result, theme, base) {
  const needed = theme.context_needed || [];
  if (!needed.length) return t("Risk not rated: answer the local context questions.");
  const where = (/** @type {{ question: string, theme: string }} */ n) => [questionLink(n.question, n.theme, base),
    n.theme === theme.id ? "" : ` (${result.themes.find((other) => other.id === n.theme)?.title || n.theme})`];
  const names = needed.map(where);
  const list = names.length === 1 ? names[0]
    : [names.slice(0, -1).map((n, i) => [i ? ", " : "", n]), " ", t("and"), " ", names[names.length - 1]];
  return fillIn(tn("Risk not rated: answer the local context question %(questions)s.", "Risk not rated: answer the local context questions %(questions)s.",
    needed.length), { questions: list });
}

// The tier and "provisional", or that there is no tier yet (the details below say why).
/** @param {AnyResult} result @param {Result.Theme} theme */
function shortTier(result, theme) {
  if (theme.score === null) return t("Answer a question to see a score.");
  if (!theme.tier) return t("Not rated yet");
  return theme.provisional ? t("%(tier)s (provisional)", { tier: tierName(result, theme.tier) }) : tierName(result, theme.tier);
}

// Legal duties not met and essential controls not in place (each holds the theme at the lowest tier), and legal
// duties not answered yet (the theme is not rated until they are), each linked to its question.
/** @param {AnyResult} result @param {Result.Theme} theme */
function gateNotice(result, theme) {
  const failed = failedGates(theme);
  const missing = theme.essentials.filter((e) => e.status === "not_met");
  const toAnswer = theme.gates.filter((g) => g.status === "not_evidenced");
  if (!failed.length && !missing.length && !toAnswer.length) return null;
  return h("div", { class: "sc-gate-notice", "data-sc": "gate-notice" },
    h("p", {}, h("strong", {}, theme.tier_note || (toAnswer.length === 1 ? t("Legal duty to answer") : t("Legal duties to answer"))),
      theme.uncapped_tier && theme.tier && theme.uncapped_tier !== theme.tier
        ? [" ", t("— the score reaches %(uncapped)s, but the tier is held at %(tier)s:",
          { uncapped: tierName(result, theme.uncapped_tier).toLowerCase(), tier: tierName(result, theme.tier).toLowerCase() })]
        : ":"),
    h("ul", {},
      failed.map((g) => h("li", {}, fillIn(g.status === "not_met" ? t("%(question)s: %(law)s (not met)") : t("%(question)s: %(law)s (contradicted by another answer)"),
        { question: h("a", { href: `#q-${g.question}` }, g.question), law: g.law }))),
      missing.map((e) => h("li", {}, fillIn(t("%(question)s: essential control, %(control)s (not in place)"),
        { question: h("a", { href: `#q-${e.question}` }, e.question), control: e.control }))),
      toAnswer.map((g) => h("li", {}, fillIn(t("%(question)s: %(law)s (not answered yet)"), { question: h("a", { href: `#q-${g.question}` }, g.question), law: g.law })))));
}

// Pairs of answers that cannot both be true, where either is on this theme's page (the engine's sentences).
/** @param {AnyResult} result @param {string} themeId */
function contradictionsNotice(result, themeId) {
  const found = result.contradictions.filter((c) => c.themes.includes(themeId));
  if (!found.length) return null;
  return h("div", { class: "sc-gate-notice", "data-sc": "contradictions" },
    h("p", {}, h("strong", {}, found.length === 1 ? t("Two answers contradict each other:") : t("Answers contradict each other:"))),
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
  if (scores.reason === "no-council-type") return [h("p", {}, t("Choose your council type to see scores."))];
  if (scores.reason === "loading") return [h("p", {}, t("Loading the scoring engine… You can start answering now."))];
  if (scores.reason === "engine-failed" || scores.reason === "engine-stopped") {
    const problems = scores.problems.join("; ");
    return [h("p", { class: "sc-error" }, scores.reason === "engine-failed"
      ? t("The scoring engine could not start: %(problems)s. Your answers are still saved on this device.", { problems })
      : t("The scoring engine stopped (reload the page to start it again): %(problems)s. Your answers are still saved on this device.", { problems }))];
  }
  if (scores.reason === "invalid")
    return [h("p", { class: "sc-error" }, t("These answers cannot be scored:"), " "), h("ul", {}, scores.problems.map((p) => h("li", {}, p)))];
  return null;
}

// "5 of 8 (62%)": questions answered (or not applicable) of those asked.
/** @param {Result.Theme} theme */
export function answeredOf(theme) {
  return t("%(given)s of %(asked)s (%(share)s)", { given: theme.answered + theme.not_applicable, asked: theme.asked, share: pct(theme.coverage) });
}

// "1 legal duty not met, 2 legal duties to answer": duties not met (answered no, or contradicted by another answer),
// and those not evidenced because their question is unanswered.
/** @param {Result.Theme} theme */
export function dutiesCount(theme) {
  const notMet = failedGates(theme).length;
  const toAnswer = theme.gates.filter((g) => g.status === "not_evidenced").length;
  return [notMet ? tn("%(count)s legal duty not met", "%(count)s legal duties not met", notMet) : "",
    toAnswer ? tn("%(count)s legal duty to answer", "%(count)s legal duties to answer", toAnswer) : ""].filter(Boolean).join(", ");
}

// A theme's status on the home page's task list (the GOV.UK pattern): a tag, and a short line once it has a score.
/** @param {AnyResult} result @param {Result.Theme} theme @returns {{ tag: string, kind: string, detail: string }} */
function themeStatus(result, theme) {
  const given = theme.answered + theme.not_applicable;
  if (theme.asked === 0) return { tag: t("Does not apply"), kind: "none", detail: t("No question in this theme is asked of your type of council.") };
  if (!given) return { tag: t("Not started"), kind: "todo", detail: "" };
  const complete = given >= theme.asked;
  const scored = theme.score === null ? "" : t("Score %(score)s, %(tier)s", { score: score(theme.score), tier: shortTier(result, theme).toLowerCase() });
  const details = [scored, dutiesCount(theme)].filter(Boolean);
  return {
    tag: complete ? t("Completed") : t("In progress: %(given)s of %(asked)s", { given, asked: theme.asked }),
    kind: complete ? "done" : "doing",
    detail: details.length ? `${details.join(". ")}.` : "",
  };
}

// A theme page's score: one compact line that stays in view (the score, tier, risk and a link to the legal duties not
// met or to answer and the essential controls not in place), and below it, scrolling with the page, the details: why
// there is no tier yet, the risk in full, the duties and controls by law, contradictions and the coverage.
/** @param {HTMLElement} line @param {HTMLElement} details @param {string} themeId @param {import("./scores.js").Scores} scores */
export function renderLiveScore(line, details, themeId, scores) {
  const result = scores.result;
  const theme = result?.themes.find((t) => t.id === themeId);
  if (!result || !theme) {
    replace(details);
    return replace(line, waiting(scores));
  }
  if (theme.asked === 0) {
    replace(details);
    return replace(line, h("p", {}, t("None of these questions apply to your type of council.")));
  }
  const missing = theme.essentials.filter((e) => e.status === "not_met").length;
  const held = [dutiesCount(theme), missing ? tn("%(count)s essential control not in place", "%(count)s essential controls not in place", missing) : ""].filter(Boolean).join(", ");
  replace(line,
    h("p", { class: "sc-live__score" },
      h("span", { class: "sc-live__number", "data-sc": "theme-score" }, score(theme.score)),
      h("span", { class: "sc-live__outof" }, " / 100")),
    h("p", { class: "sc-live__tier", "data-sc": "theme-tier" }, shortTier(result, theme)),
    h("p", { class: "sc-live__risk", "data-sc": "theme-risk" }, theme.risk ? riskName(result, theme.risk) : t("Risk not rated")),
    held ? h("p", {}, h("a", { href: `#sc-duties-${themeId}`, "data-sc": "duties-link" }, held)) : null);
  const notice = gateNotice(result, theme);
  if (notice) notice.id = `sc-duties-${themeId}`;
  const why = theme.score !== null && !theme.tier ? theme.rating_note : "";
  replace(details,
    why ? h("p", { "data-sc": "theme-rating-note" }, why) : null,
    h("p", { "data-sc": "theme-risk-detail" }, riskSentence(result, theme)),
    exposureNotes(theme),
    notice,
    contradictionsNotice(result, themeId),
    h("p", { class: "sc-live__coverage", "data-sc": "theme-coverage" },
      t("%(given)s of %(asked)s questions answered (%(share)s)", { given: theme.answered + theme.not_applicable, asked: theme.asked, share: pct(theme.coverage) })));
}

// What a screen reader hears when an answer changes the score: the score and tier only, not the whole panel.
/** @param {import("./scores.js").Scores} scores @param {string} themeId */
export function liveAnnouncement(scores, themeId) {
  const result = scores.result;
  const theme = result?.themes.find((t) => t.id === themeId);
  if (!result || !theme || theme.score === null) return "";
  return t("Score %(score)s out of 100, %(tier)s.", { score: score(theme.score), tier: shortTier(result, theme).toLowerCase() });
}

/** @param {HTMLElement} list @param {import("./scores.js").Scores} scores @param {Element | null} [completed] */
export function renderThemeProgress(list, scores, completed = null) {
  const result = scores.result;
  for (const slot of findAll(list, '[data-sc="theme-progress"]')) {
    const theme = result && result.themes.find((t) => t.id === slot.dataset.theme);
    if (!result || !theme) {
      replace(slot);
      continue;
    }
    const status = themeStatus(result, theme);
    replace(slot, h("strong", { class: `sc-tag sc-tag--${status.kind}` }, status.tag), status.detail ? [" ", status.detail] : null);
  }
  if (completed) {
    const applies = result ? result.themes.filter((t) => t.asked > 0) : [];
    const done = applies.filter((t) => t.answered + t.not_applicable >= t.asked).length;
    completed.textContent = result ? t("You have completed %(done)s of %(count)s themes.", { done, count: applies.length }) : "";
  }
}
